"""find_duplicates on the vims-dev copy set (benchmarks/score_duplicates.py)."""

from __future__ import annotations

import pytest
from conftest import load_benchmark

import newslab


def _scorer():
    return load_benchmark("score_duplicates")


@pytest.fixture(scope="module")
def table(vims_dev_dir):
    return _scorer().evaluate(newslab.load_corpus(vims_dev_dir), seed=0).set_index("method")


def test_copy_set_is_made_as_documented(vims_dev_dir):
    scorer = _scorer()
    originals = newslab.load_corpus(vims_dev_dir).head(40)
    copies = scorer.make_copy_set(originals, seed=0)
    assert len(copies) == 80
    edits = ",".join(copies["edits"]).split(",")
    for edit in ["title", "header", "footer", "nfd", "tones", "dates", "crlf", "trim"]:
        assert edit in edits
    again = scorer.make_copy_set(originals, seed=0)
    assert copies.equals(again)  # seeded


def test_default_threshold_reaches_precision_and_recall_099(table):
    row = table.loc["find_duplicates (default)"]
    assert row["precision"] >= 0.99
    assert row["recall"] >= 0.99


def test_plain_tfidf_is_worse_and_needs_nfc(table):
    ours = table.loc["find_duplicates (default)", "f1"]
    nfc = table.loc["TF-IDF cosine >= 0.9, NFC"]
    raw = table.loc["TF-IDF cosine >= 0.9, no NFC"]
    assert nfc["f1"] < ours
    assert raw["recall"] < nfc["recall"] - 0.2
