"""Charts of topic terms: top terms per group, and what sets two groups apart.

Each function takes the DataFrame returned by `newslab.topic_terms` or
`newslab.distinctive_terms` and returns a matplotlib Figure (never shows it).
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure


def plot_terms(
    terms: pd.DataFrame,
    *,
    groups: list | None = None,
    n: int = 10,
    ncols: int = 3,
    title: str | None = None,
) -> Figure:
    """Horizontal bars of the top terms of each group, best term on top.

    Args:
        terms: Output of `newslab.topic_terms` (columns `group`, `term`, `score`, `rank`).
        groups: Groups to draw, in order; default: every group, sorted.
        n: Terms per group.
        ncols: Panels per row.
        title: Figure title; default names the number of groups.

    Returns:
        A Figure with one panel per group.

    Example:
        >>> fig = plot_terms(topic_terms("seeds", by="source"))  # doctest: +SKIP
    """
    if groups is None:
        groups = sorted(terms["group"].unique(), key=str) if len(terms) else []
    n_panels = max(len(groups), 1)
    ncols = max(1, min(ncols, n_panels))
    nrows = math.ceil(n_panels / ncols)
    # pyplot, so that Jupyter shows the figure at the end of the cell.
    fig, axes = plt.subplots(
        nrows, ncols, squeeze=False, figsize=(4.2 * ncols, 0.32 * n * nrows + 1.2 * nrows),
        layout="constrained",
    )
    axes = axes.ravel()
    for ax, group in zip(axes, groups, strict=False):
        part = terms[terms["group"] == group].sort_values("rank").head(n)
        ax.barh(range(len(part)), part["score"], color="#4c72b0")
        ax.set_yticks(range(len(part)), part["term"])
        ax.invert_yaxis()  # rank 1 on top
        ax.set_title(str(group), fontsize=10)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("score", fontsize=8)
    for ax in axes[len(groups) :]:
        ax.set_axis_off()
    if not groups:
        axes[0].text(0.5, 0.5, "no terms", ha="center", va="center")
    fig.suptitle(title or f"Top terms of {len(groups)} group{'s' if len(groups) != 1 else ''}")
    return fig


def plot_distinctive_terms(
    distinct: pd.DataFrame, *, n: int = 15, title: str | None = None, ax: Axes | None = None
) -> Figure:
    """Diverging bars of z-scores: terms of group a to the right, of group b to the left.

    Args:
        distinct: Output of `newslab.distinctive_terms` (columns `group`, `term`, `z`, `rank`).
        n: Terms per side.
        title: Figure title; default names both groups.
        ax: Axes to draw on; default: a new figure.

    Returns:
        The Figure holding the panel; bars are z-scores (|z| > 1.96 is significant at 5%).

    Example:
        >>> fig = plot_distinctive_terms(distinctive_terms("seeds", "source", "vnexpress.net"))  # doctest: +SKIP
    """
    sides = list(dict.fromkeys(distinct["group"])) if len(distinct) else []
    pos = distinct[distinct["z"] > 0].sort_values("z", ascending=False).head(n)
    neg = distinct[distinct["z"] < 0].sort_values("z").head(n)
    part = pd.concat([pos, neg.iloc[::-1]])
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 0.3 * max(len(part), 2) + 1.4), layout="constrained")
    else:
        fig = ax.figure
    colors = ["#c44e52" if z > 0 else "#4c72b0" for z in part["z"]]
    ax.barh(range(len(part)), part["z"], color=colors)
    ax.set_yticks(range(len(part)), part["term"])
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    for x in (-1.96, 1.96):
        ax.axvline(x, color="grey", linestyle=":", linewidth=0.8)
    ax.set_xlabel("z-score of the log-odds ratio (dotted: |z| = 1.96)")
    if not len(part):
        ax.text(0.5, 0.5, "no significant terms", ha="center", va="center", transform=ax.transAxes)
    a = str(pos["group"].iloc[0]) if len(pos) else (str(sides[0]) if sides else "a")
    b = str(neg["group"].iloc[0]) if len(neg) else "b"
    ax.set_title(title or f"What sets {a} (right) apart from {b} (left)")
    return fig
