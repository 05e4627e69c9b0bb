"""Charts of notebook 02 return labelled Figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import newslab  # noqa: E402
from newslab.plots_duplicates import (  # noqa: E402
    article_labels,
    plot_alignment,
    plot_copy_graph,
    plot_similarity_heatmap,
    plot_story_sizes,
)


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return newslab.load_corpus(seeds_dir)


def test_labels_name_the_outlet(seeds):
    labels = article_labels(seeds)
    assert labels.str.startswith("Reuters · 000").any()
    assert labels.str.startswith("NDO · 002").any()


def test_heatmap_is_labelled_by_outlet(seeds):
    fig = plot_similarity_heatmap(newslab.similarity(seeds), seeds)
    assert isinstance(fig, Figure)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "vtc.vn · 003_3e20" in ticks
    plt.close(fig)


def test_alignment_and_graph_and_sizes(seeds):
    a, b = seeds["text"].iloc[1], seeds["text"].iloc[3]
    passages = newslab.align_passages(a, b)
    fig = plot_alignment(a, b, passages, label_a="001", label_b="003")
    assert "shared passages" in fig.axes[0].get_title()
    plt.close(fig)
    fig = plot_copy_graph(newslab.reused_passages(seeds), seeds)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "162" in texts  # syllables 001 and 003 share
    plt.close(fig)
    fig = plot_story_sizes(newslab.cluster_stories(seeds))
    assert fig.axes[0].get_title() == "5 articles in 1 stories"
    plt.close(fig)
