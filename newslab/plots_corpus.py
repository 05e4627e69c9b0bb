"""Charts of the corpus itself: how long the articles are, by outlet."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from newslab.corpus import as_corpus

UNKNOWN_OUTLET = "(outlet not named)"


def plot_lengths(corpus: pd.DataFrame | str, *, by: str = "source", ax: plt.Axes | None = None) -> Figure:
    """Article length (characters of body text) by outlet, one dot per article.

    Args:
        corpus: A DataFrame from `load_corpus`, or a path.
        by: Column to group by (default: the outlet, `source`).
        ax: Axes to draw on; a new figure when None.

    Returns:
        The matplotlib Figure.

    Example:
        >>> fig = plot_lengths("seeds")  # doctest: +SKIP
    """
    corpus = as_corpus(corpus)
    groups = corpus[by].fillna(UNKNOWN_OUTLET).astype(str)
    lengths = corpus["text"].str.len()
    order = lengths.groupby(groups).median().sort_values().index.tolist()
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 0.5 * len(order) + 1.5))
    else:
        fig = ax.figure
    if lengths.groupby(groups).size().max() > 5:
        ax.boxplot([lengths[groups == g] for g in order], vert=False, showfliers=False,
                   widths=0.5)
    for i, g in enumerate(order, start=1):
        vals = lengths[groups == g]
        ax.scatter(vals, [i] * len(vals), s=30, alpha=0.7, zorder=3)
    ax.set_yticks(range(1, len(order) + 1), order)
    ax.set_xlabel("article length (characters, without title)")
    ax.set_title(f"Article length by {'outlet' if by == 'source' else by} "
                 f"({len(corpus)} articles)")
    ax.set_xlim(left=0)
    fig.tight_layout()
    return fig
