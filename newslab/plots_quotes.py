"""Charts of who is quoted: top speakers, speakers by outlet, speaker kinds and gender, modes.

Each function takes the DataFrame of `newslab.extract_quotes` (and, for per-outlet charts, the
corpus, whose `source` column names the outlet) and returns a matplotlib Figure; none shows it.
Empty inputs give a Figure that says so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newslab.plots_corpus import UNKNOWN_OUTLET

_KIND_COLORS = {"person": "#4c72b0", "organization": "#dd8452", "unnamed": "#8c8c8c"}
_GENDER_COLORS = {"male": "#4c72b0", "female": "#c44e52", "unknown": "#c8c8c8"}
_MODE_COLORS = {"direct": "#55a868", "indirect": "#8172b2"}


def _with_outlet(quotes: pd.DataFrame, corpus: pd.DataFrame | None) -> pd.DataFrame:
    """Quotes with an `outlet` column (the corpus `source`, else "(outlet not named)")."""
    out = quotes.copy()
    if "outlet" in out.columns:
        out["outlet"] = out["outlet"].fillna(UNKNOWN_OUTLET).astype(str)
        return out
    source = None
    if corpus is not None and "source" in corpus.columns:
        source = corpus["source"]
        source.index = source.index.astype(str)
    out["outlet"] = out["doc_id"].astype(str).map(source) if source is not None else np.nan
    out["outlet"] = out["outlet"].fillna(UNKNOWN_OUTLET).astype(str)
    return out


def _speaker_column(quotes: pd.DataFrame) -> str:
    return "canonical" if "canonical" in quotes.columns else "speaker"


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def plot_top_speakers(quotes: pd.DataFrame, *, n: int = 15, title: str | None = None) -> Figure:
    """Horizontal bars of the most quoted speakers, coloured by kind (person, organisation, unnamed).

    Args:
        quotes: Output of `newslab.extract_quotes` (uses `canonical` if present, else `speaker`).
        n: Number of speakers.
        title: Figure title; default gives the counts.

    Returns:
        A Figure; the most quoted speaker is on top.

    Example:
        >>> fig = plot_top_speakers(newslab.extract_quotes("seeds"))  # doctest: +SKIP
    """
    col = _speaker_column(quotes)
    fig = Figure(figsize=(7, 0.32 * n + 1.4), layout="constrained")
    ax = fig.subplots()
    if quotes.empty:
        return _empty(fig, ax, "no quote events")
    counts = (
        quotes.groupby([col, "speaker_type"])
        .size()
        .reset_index(name="events")
        .sort_values(["events", col], ascending=[False, True])
        .drop_duplicates(col)
        .head(n)
    )
    ax.barh(
        range(len(counts)),
        counts["events"],
        color=[_KIND_COLORS[k] for k in counts["speaker_type"]],
    )
    ax.set_yticks(range(len(counts)), counts[col])
    ax.invert_yaxis()
    ax.set_xlabel("quote events")
    handles = [ax.bar(0, 0, color=c, label=k) for k, c in _KIND_COLORS.items()]
    ax.legend(handles=handles, labels=list(_KIND_COLORS), loc="lower right", fontsize=8)
    ax.set_title(
        title
        or f"Most quoted speakers ({len(quotes)} events, {quotes['doc_id'].nunique()} articles)"
    )
    return fig


def plot_speakers_by_outlet(
    quotes: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    *,
    n: int = 12,
    title: str | None = None,
) -> Figure:
    """Heatmap of quote events per speaker (rows) and outlet (columns).

    Args:
        quotes: Output of `newslab.extract_quotes`.
        corpus: The corpus, for the outlet of each article (`source`); or give `quotes` an
            `outlet` column.
        n: Number of speakers (the most quoted overall).
        title: Figure title.

    Returns:
        A Figure with counts written in the cells.

    Example:
        >>> fig = plot_speakers_by_outlet(quotes, corpus)  # doctest: +SKIP
    """
    col = _speaker_column(quotes)
    if quotes.empty:
        fig = Figure(figsize=(6, 3), layout="constrained")
        return _empty(fig, fig.subplots(), "no quote events")
    data = _with_outlet(quotes, corpus)
    top = (
        data[col]
        .value_counts()
        .sort_index()
        .sort_values(ascending=False, kind="stable")
        .head(n)
        .index
    )
    table = pd.crosstab(data[col], data["outlet"]).reindex(top).fillna(0).astype(int)
    table = table[sorted(table.columns, key=str)]
    fig = Figure(
        figsize=(1.0 + 0.75 * table.shape[1] + 2.5, 0.4 * len(table) + 1.8), layout="constrained"
    )
    ax = fig.subplots()
    im = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=45, ha="right")
    ax.set_yticks(range(len(table)), table.index)
    high = table.to_numpy().max() if table.size else 0
    for (i, j), v in np.ndenumerate(table.to_numpy()):
        if v:
            ax.text(
                j,
                i,
                str(v),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if v > high / 2 else "black",
            )
    fig.colorbar(im, ax=ax, label="quote events", shrink=0.8)
    ax.set_title(title or f"Who each outlet quotes (top {len(table)} speakers)")
    return fig


def _shares(data: pd.DataFrame, column: str, order: list[str]) -> pd.DataFrame:
    table = pd.crosstab(data["outlet"], data[column]).reindex(columns=order, fill_value=0)
    table = table.loc[sorted(table.index, key=str)]
    return table.div(table.sum(axis=1).replace(0, 1), axis=0)


def _stacked(ax, shares: pd.DataFrame, colors: dict[str, str], xlabel: str) -> None:
    left = np.zeros(len(shares))
    for name in shares.columns:
        ax.barh(range(len(shares)), shares[name], left=left, color=colors[name], label=name)
        left += shares[name].to_numpy()
    ax.set_yticks(range(len(shares)), shares.index)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.legend(loc="lower right", fontsize=8, framealpha=0.9)


def plot_speaker_shares(
    quotes: pd.DataFrame, corpus: pd.DataFrame | None = None, *, title: str | None = None
) -> Figure:
    """Per outlet: share of events by speaker kind, and share of person events by gender.

    Gender comes from honorifics (ông / bà …); persons named without one count as `unknown`.

    Args:
        quotes: Output of `newslab.extract_quotes`.
        corpus: The corpus, for each article's outlet (`source`).
        title: Figure title.

    Returns:
        A Figure with two panels (kind, gender), one bar per outlet.

    Example:
        >>> fig = plot_speaker_shares(quotes, corpus)  # doctest: +SKIP
    """
    if quotes.empty:
        fig = Figure(figsize=(6, 3), layout="constrained")
        return _empty(fig, fig.subplots(), "no quote events")
    data = _with_outlet(quotes, corpus)
    n_out = data["outlet"].nunique()
    fig = Figure(figsize=(11, 0.4 * n_out + 1.8), layout="constrained")
    ax_kind, ax_gender = fig.subplots(1, 2, sharey=True)
    _stacked(
        ax_kind,
        _shares(data, "speaker_type", list(_KIND_COLORS)),
        _KIND_COLORS,
        "share of quote events",
    )
    ax_kind.set_title("Speaker kind")
    persons = data[data["speaker_type"] == "person"].copy()
    persons["gender"] = persons["gender"].fillna("unknown")
    shares = _shares(persons, "gender", list(_GENDER_COLORS)).reindex(
        sorted(data["outlet"].unique(), key=str), fill_value=0
    )
    _stacked(ax_gender, shares, _GENDER_COLORS, "share of events quoting a person")
    ax_gender.set_title("Gender of quoted persons")
    fig.suptitle(title or f"Who gets quoted, by outlet ({len(data)} events)")
    return fig


def plot_quote_modes(
    quotes: pd.DataFrame, corpus: pd.DataFrame | None = None, *, title: str | None = None
) -> Figure:
    """Direct vs indirect quote events per outlet (counts, stacked).

    Args:
        quotes: Output of `newslab.extract_quotes`.
        corpus: The corpus, for each article's outlet (`source`); without it all events form
            one bar.
        title: Figure title.

    Returns:
        A Figure with one bar per outlet.

    Example:
        >>> fig = plot_quote_modes(quotes, corpus)  # doctest: +SKIP
    """
    if quotes.empty:
        fig = Figure(figsize=(6, 3), layout="constrained")
        return _empty(fig, fig.subplots(), "no quote events")
    data = _with_outlet(quotes, corpus)
    table = pd.crosstab(data["outlet"], data["mode"]).reindex(
        columns=list(_MODE_COLORS), fill_value=0
    )
    table = table.loc[sorted(table.index, key=str)]
    fig = Figure(figsize=(7, 0.4 * len(table) + 1.6), layout="constrained")
    ax = fig.subplots()
    left = np.zeros(len(table))
    for mode in table.columns:
        ax.barh(range(len(table)), table[mode], left=left, color=_MODE_COLORS[mode], label=mode)
        left += table[mode].to_numpy()
    ax.set_yticks(range(len(table)), table.index)
    ax.invert_yaxis()
    ax.set_xlabel("quote events")
    ax.legend(loc="lower right", fontsize=8)
    share = table["direct"].sum() / max(1, table.to_numpy().sum())
    ax.set_title(title or f"Direct vs indirect speech ({share:.0%} direct of {len(data)} events)")
    return fig
