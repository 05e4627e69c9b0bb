"""align_passages and reused_passages on the seeds (001 and 003 share paragraphs)."""

from __future__ import annotations

import unicodedata

import pytest

import newslab


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return newslab.load_corpus(seeds_dir)


def doc(seeds, prefix):
    return seeds.loc[[i for i in seeds.index if i.startswith(prefix)][0]]


def test_align_passages_ignores_form_and_date_separators():
    a = "Nga và Mỹ sẽ điện đàm vào ngày 30/12. Nhà Trắng chưa bình luận."
    b = unicodedata.normalize("NFD", "Tin mới. Nga và Mỹ sẽ điện đàm vào ngày 30.12!")
    out = newslab.align_passages(a, b)
    assert len(out) == 1
    row = out.iloc[0]
    assert a[row.start_a : row.end_a] == "Nga và Mỹ sẽ điện đàm vào ngày 30/12."
    assert b[row.start_b : row.end_b] == row.text_b
    assert row.n_words == 10


def test_seeds_001_and_003_share_whole_paragraphs(seeds):
    a, b = doc(seeds, "001"), doc(seeds, "003")
    out = newslab.align_passages(a.text, b.text)
    assert out["n_words"].max() >= 60
    for row in out.itertuples():
        assert a.text[row.start_a : row.end_a] == row.text_a
        assert b.text[row.start_b : row.end_b] == row.text_b
    longest = out.loc[out["n_words"].idxmax()]
    assert "Căng thẳng Mỹ và Nga gia tăng" in longest.text_a


def test_seed_002_repeats_one_of_its_paragraphs(seeds):
    text = doc(seeds, "002").text
    out = newslab.align_passages(text)
    assert len(out) == 1
    row = out.iloc[0]
    assert row.end_a <= row.start_b
    assert row.text_a == row.text_b
    assert row.text_a.startswith("Phát biểu với báo giới")


def test_unrelated_texts_share_nothing(seeds):
    assert newslab.align_passages(doc(seeds, "000").text, "Hôm nay trời mưa to ở Hà Nội.").empty
    assert newslab.align_passages("", "").empty


def test_min_words_drops_short_matches(seeds):
    a, b = doc(seeds, "001").text, doc(seeds, "003").text
    assert len(newslab.align_passages(a, b, min_words=40)) < len(newslab.align_passages(a, b))


def test_reused_passages_on_seeds(seeds):
    out = newslab.reused_passages(seeds)
    assert list(out.columns[:2]) == ["doc_a", "doc_b"]
    pairs = set(zip(out.doc_a.str[:3], out.doc_b.str[:3], strict=True))
    assert ("001", "003") in pairs
    assert ("002", "002") in pairs
    only = newslab.reused_passages(seeds, pairs=[(seeds.index[1], seeds.index[3])])
    assert set(zip(only.doc_a, only.doc_b, strict=True)) == {(seeds.index[1], seeds.index[3])}
