"""Quote charts and the `newslab quotes` command."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

import newslab
from newslab.cli import main
from newslab.plots_quotes import (
    plot_quote_modes,
    plot_speaker_shares,
    plot_speakers_by_outlet,
    plot_top_speakers,
)


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    corpus = newslab.load_corpus(seeds_dir)
    return corpus, newslab.canonical_speakers(newslab.extract_quotes(corpus))


def test_top_speakers_bar_lists_most_quoted_first(seeds):
    _, quotes = seeds
    fig = plot_top_speakers(quotes, n=5)
    assert isinstance(fig, Figure)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    top = quotes["canonical"].value_counts()
    assert labels[0] == top.index[0] and len(labels) == 5


def test_speakers_by_outlet_heatmap_counts_match(seeds):
    corpus, quotes = seeds
    fig = plot_speakers_by_outlet(quotes, corpus, n=4)
    image = fig.axes[0].images[0].get_array()
    assert image.shape[0] == 4
    assert image.sum() <= len(quotes)
    outlets = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "Reuters" in outlets and "(outlet not named)" in outlets  # articles without a source


def test_shares_and_modes_by_outlet(seeds):
    corpus, quotes = seeds
    fig = plot_speaker_shares(quotes, corpus)
    assert len(fig.axes) == 2
    fig = plot_quote_modes(quotes, corpus)
    widths = sum(p.get_width() for p in fig.axes[0].patches)
    assert widths == len(quotes)


def test_charts_survive_no_quotes(seeds):
    _, quotes = seeds
    empty = quotes.iloc[:0]
    for plot in (plot_top_speakers, plot_speakers_by_outlet, plot_speaker_shares, plot_quote_modes):
        assert isinstance(plot(empty), Figure)


def test_cli_writes_csv(seeds_dir, tmp_path, capsys):
    out = tmp_path / "quotes.csv"
    assert main(["quotes", str(seeds_dir), "-o", str(out)]) == 0
    frame = pd.read_csv(out)
    assert {"doc_id", "speaker", "mode", "start", "end"} <= set(frame.columns)
    assert len(frame) > 10
    assert main(["quotes", str(tmp_path / "missing")]) == 2
    assert "missing" in capsys.readouterr().err
