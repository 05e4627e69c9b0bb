"""Names stay whole in the top terms of real ViMs stories (skips without ../shared/data)."""

from __future__ import annotations

import pandas as pd
import pytest

import newslab


@pytest.fixture(scope="module")
def two_stories(vims_dev_dir):
    corpus = newslab.load_corpus(vims_dev_dir)
    corpus = corpus[corpus.index.str.startswith(("Cluster_001/", "Cluster_015/"))]
    stories = pd.Series(corpus.index.str.split("/").str[0], index=corpus.index)
    return newslab.topic_terms(corpus, by=stories, n=10)


def test_egyptair_story_names_are_whole(two_stories):
    terms = two_stories[two_stories["group"] == "Cluster_001"]["term"].tolist()
    assert "Ai Cập" in terms and "EgyptAir" in terms and "máy bay" in terms
    assert not {"Ai", "Cập", "cập", "Hy", "Lạp"} & set(terms)


def test_kim_jong_un_is_one_term(two_stories):
    terms = two_stories[two_stories["group"] == "Cluster_015"]["term"].tolist()
    assert "Kim Jong-un" in terms
    assert "thuốc lá" in terms
    assert not {"un", "Jong", "Kim Jong"} & set(terms)
