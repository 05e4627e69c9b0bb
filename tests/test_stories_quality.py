"""cluster_stories against the vims-dev folders (benchmarks/score_stories.py)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import load_benchmark


def _scorer():
    return load_benchmark("score_stories")


@pytest.fixture(scope="module")
def data(vims_dev_dir):
    scorer = _scorer()
    corpus, tokens, titles, gold = scorer.load(vims_dev_dir)
    number = np.array([int(g.split("_")[1]) for g in gold])
    return scorer, corpus, tokens, titles, gold, number


def test_pairwise_f1_by_hand():
    f1 = _scorer().pairwise_f1
    assert f1(list("aabb"), [1, 1, 2, 2]) == 1.0
    assert f1(list("aabb"), [1, 2, 3, 4]) == 0.0
    assert 0 < f1(list("aaab"), [1, 1, 2, 2]) < 1


@pytest.mark.parametrize("subset", ["all", "1-50", "51-100"])
def test_default_settings_on_vims_dev_and_its_halves(data, subset):
    scorer, corpus, tokens, titles, gold, number = data
    mask = {"all": number > 0, "1-50": number <= 50, "51-100": number > 50}[subset]
    ours = scorer.score_subset(corpus, tokens, titles, gold, mask)
    plain = scorer.baseline(corpus, tokens, gold, mask)
    assert ours["ari"] >= 0.97
    assert ours["pairwise_f1"] >= 0.97
    assert ours["ari"] > plain["ari"]  # beats plain TF-IDF even at its best threshold
    assert abs(ours["stories"] - ours["gold_stories"]) <= 5  # the number of stories is found
