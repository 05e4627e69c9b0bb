"""Charts for duplicates, reused passages and stories; each function returns a Figure.

Articles are labelled the way a reader knows them: by outlet (the corpus `source` column) and a
short id, never by a bare file hash.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle


def article_labels(corpus: pd.DataFrame, *, width: int = 8) -> pd.Series:
    """Readable labels `outlet · id` for articles (the id cut to `width` characters).

    Args:
        corpus: A corpus DataFrame; its `source` column is used when present.
        width: Characters of the `doc_id` to keep.

    Returns:
        A Series of labels indexed like `corpus`.

    Example:
        >>> import pandas as pd
        >>> c = pd.DataFrame({"source": ["VnExpress", None]}, index=["001_ab", "002_cd"])
        >>> article_labels(c).tolist()
        ['VnExpress · 001_ab', '002_cd']
    """
    ids = pd.Series(corpus.index.astype(str), index=corpus.index).str.slice(0, width)
    if "source" not in corpus:
        return ids
    source = corpus["source"].astype("string").fillna("")
    return pd.Series(
        [f"{s} · {i}" if s else i for s, i in zip(source, ids, strict=True)], index=corpus.index
    )


def plot_similarity_heatmap(
    sim: pd.DataFrame, corpus: pd.DataFrame | None = None, *, title: str | None = None, ax=None
) -> Figure:
    """Heatmap of article-to-article similarity, labelled by outlet.

    Args:
        sim: Square DataFrame from `newslab.similarity` (index and columns `doc_id`).
        corpus: The corpus, for outlet names (`source`); `None` labels by `doc_id`.
        title: Chart title; a default one names the measure and the article count.
        ax: Axes to draw on; a new figure when `None`.

    Returns:
        The Figure.
    """
    n = len(sim)
    if ax is None:
        size = min(2.5 + 0.55 * n, 14)
        _, ax = plt.subplots(figsize=(size + 1.5, size))
    labels = (
        article_labels(corpus).reindex(sim.index).fillna(pd.Series(sim.index, index=sim.index))
        if corpus is not None
        else pd.Series(sim.index, index=sim.index)
    )
    image = ax.imshow(sim.to_numpy(), vmin=0, vmax=1, cmap="viridis")
    ax.set_xticks(range(n), labels.tolist(), rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(n), labels.tolist(), fontsize=8)
    if n <= 15:
        values = sim.to_numpy()
        for i in range(n):
            for j in range(n):
                ax.text(
                    j,
                    i,
                    f"{values[i, j]:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="black" if values[i, j] > 0.6 else "white",
                )
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="cosine similarity")
    ax.set_title(title or f"TF-IDF cosine similarity of {n} articles")
    ax.figure.tight_layout()
    return ax.figure


def plot_alignment(
    text_a: str,
    text_b: str,
    passages: pd.DataFrame,
    *,
    label_a: str = "A",
    label_b: str = "B",
    title: str | None = None,
    ax=None,
) -> Figure:
    """Two articles as bars, with the passages they share joined across (a passim-style view).

    Args:
        text_a: First article's text.
        text_b: Second article's text (the same as `text_a` for repeats inside one article).
        passages: Output of `align_passages(text_a, text_b)` (offsets `start_a` ... `end_b`).
        label_a: Name of the first article (outlet and id).
        label_b: Name of the second article.
        title: Chart title.
        ax: Axes to draw on; a new figure when `None`.

    Returns:
        The Figure: the x axis is the position in each article, in characters.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 2.6))
    length = max(len(text_a), len(text_b), 1)
    for y, text in ((1.0, text_a), (0.0, text_b)):
        ax.add_patch(Rectangle((0, y - 0.08), len(text), 0.16, color="0.85"))
    colours = plt.get_cmap("tab10")
    for k, row in enumerate(passages.itertuples()):
        colour = colours(k % 10)
        ax.add_patch(Rectangle((row.start_a, 0.92), row.end_a - row.start_a, 0.16, color=colour))
        ax.add_patch(Rectangle((row.start_b, -0.08), row.end_b - row.start_b, 0.16, color=colour))
        ax.add_patch(
            Polygon(
                [(row.start_a, 0.92), (row.end_a, 0.92), (row.end_b, 0.08), (row.start_b, 0.08)],
                color=colour,
                alpha=0.25,
                linewidth=0,
            )
        )
    ax.set_xlim(0, length)
    ax.set_ylim(-0.3, 1.3)
    ax.set_yticks([1.0, 0.0], [label_a, label_b])
    ax.set_xlabel("position in the article (characters)")
    shared = int(passages["n_words"].sum()) if len(passages) else 0
    ax.set_title(title or f"{len(passages)} shared passages, {shared} syllables")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.figure.tight_layout()
    return ax.figure


def plot_copy_graph(
    passages: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    title: str | None = None,
    ax=None,
) -> Figure:
    """Who shares text with whom: articles on a circle, joined by the text they share.

    Without publication times the direction of copying is unknown, so links are undirected:
    their width is the number of shared syllables, and a loop marks an article that repeats
    itself.

    Args:
        passages: Output of `reused_passages` (columns `doc_a, doc_b, n_words`).
        corpus: The corpus, for outlet names and for articles that share nothing.
        title: Chart title.
        ax: Axes to draw on; a new figure when `None`.

    Returns:
        The Figure.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 7))
    ids = [str(i) for i in corpus.index]
    labels = article_labels(corpus)
    labels.index = labels.index.astype(str)
    n = len(ids)
    angle = {d: math.pi / 2 - 2 * math.pi * k / max(n, 1) for k, d in enumerate(ids)}
    pos = {d: (math.cos(a), math.sin(a)) for d, a in angle.items()}
    links = (
        passages.groupby(["doc_a", "doc_b"])["n_words"].sum().reset_index()
        if len(passages)
        else pd.DataFrame(columns=["doc_a", "doc_b", "n_words"])
    )
    top = max(links["n_words"].max(), 1) if len(links) else 1
    for row in links.itertuples():
        if row.doc_a not in pos or row.doc_b not in pos:
            continue
        width = 1 + 7 * row.n_words / top
        (xa, ya), (xb, yb) = pos[row.doc_a], pos[row.doc_b]
        if row.doc_a == row.doc_b:
            ax.add_patch(
                plt.Circle((xa * 1.12, ya * 1.12), 0.1, fill=False, linewidth=width, color="C1")
            )
            ax.text(xa * 0.8, ya * 0.8, f"{row.n_words}", ha="center", va="center", fontsize=8)
            continue
        ax.plot([xa, xb], [ya, yb], color="C0", linewidth=width, alpha=0.6, zorder=1)
        ax.text(
            (xa + xb) / 2,
            (ya + yb) / 2,
            f"{row.n_words}",
            fontsize=8,
            ha="center",
            va="center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
    xs = np.array([pos[d][0] for d in ids])
    ys = np.array([pos[d][1] for d in ids])
    ax.scatter(xs, ys, s=300, color="white", edgecolor="0.2", zorder=2)
    for d in ids:
        x, y = pos[d]
        ax.text(x * 1.42, y * 1.3, labels[d], ha="center", va="center", fontsize=9)
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.6, 1.6)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title or "Shared text between articles (syllables; loop: repeated inside one)")
    ax.figure.tight_layout()
    return ax.figure


def plot_story_sizes(stories: pd.Series, *, title: str | None = None, ax=None) -> Figure:
    """Bar chart of the number of articles in each story (largest first).

    Args:
        stories: Output of `cluster_stories`.
        title: Chart title.
        ax: Axes to draw on; a new figure when `None`.

    Returns:
        The Figure.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    sizes = stories.value_counts().sort_index()
    ax.bar(sizes.index.astype(str), sizes.to_numpy(), color="C0")
    ax.set_xlabel("story")
    ax.set_ylabel("articles")
    ax.set_title(title or f"{len(stories)} articles in {stories.nunique()} stories")
    ax.figure.tight_layout()
    return ax.figure
