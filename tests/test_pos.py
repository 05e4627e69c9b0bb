"""FastPosTagger gives exactly pyvi's part-of-speech tags, on real Vietnamese text and edge cases."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from pyvi.ViPosTagger import ViPosTagger

import newslab
from newslab import _pos
from newslab._pos import FastPosTagger


def pyvi_tags(words: list[str]) -> list[str]:
    return list(ViPosTagger.postagging_tokens(words)[1])


@pytest.fixture(scope="module")
def tagger() -> FastPosTagger:
    return FastPosTagger.from_pyvi()


def _articles(path: Path, limit: int | None = None) -> list[list[str]]:
    corpus = newslab.load_corpus(path)
    if limit is not None:
        corpus = corpus.sort_index().iloc[:: max(1, len(corpus) // limit)].head(limit)
    # As the topic-term extractor does: one sequence per article, title included.
    return [
        newslab.segment(f"{t}\n{x}") for t, x in zip(corpus["title"], corpus["text"], strict=True)
    ]


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path) -> list[list[str]]:
    return _articles(seeds_dir)


def test_seed_articles_identical_to_pyvi(tagger: FastPosTagger, seed_docs: list[list[str]]) -> None:
    assert len(seed_docs) == 5
    for words in seed_docs:
        assert len(words) > 100
        got = tagger.tag(words)
        assert got == pyvi_tags(words)
        # Real text: names, verbs, nouns and punctuation are all there.
        assert {"Np", "N", "V", "F"} <= set(got)


def test_tag_many_equals_tag_one_by_one(tagger: FastPosTagger, seed_docs: list[list[str]]) -> None:
    docs = [*seed_docs, [], ["Hà_Nội"], seed_docs[0][:7]]
    assert tagger.tag_many(docs) == [pyvi_tags(d) if d else [] for d in docs]


def test_vims_dev_sample_identical(tagger: FastPosTagger, vims_dev_dir: Path) -> None:
    docs = _articles(vims_dev_dir, limit=40)
    assert len(docs) == 40
    ref = [pyvi_tags(d) for d in docs]
    assert [tagger.tag(d) for d in docs] == ref
    assert tagger.tag_many(docs) == ref


@pytest.mark.parametrize("wide", [0, 10**9])
def test_both_forward_variants_agree(
    tagger: FastPosTagger, seed_docs: list[list[str]], wide: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The forward pass switches to a loop over predecessor tags for many stretches.
    monkeypatch.setattr(_pos, "_WIDE", wide)
    assert tagger.tag_many(seed_docs) == [pyvi_tags(d) for d in seed_docs]


def test_anchored_decoding_equals_step_by_step_viterbi(
    tagger: FastPosTagger, seed_docs: list[list[str]]
) -> None:
    words = seed_docs[1]
    n = len(words)
    idx = np.array([0, 0, *tagger._lookup(words), 0, 0])
    s = tagger._scores(idx, np.array([2]), np.array([n + 1]))[2:-2]
    first = np.zeros(n, bool)
    last = np.zeros(n, bool)
    first[0] = last[-1] = True
    labels, ok = tagger._decode(s, first, last)
    assert ok.all()
    assert labels.tolist() == tagger._viterbi_exact(s).tolist()


def test_uncertified_text_falls_back_to_exact_viterbi(
    tagger: FastPosTagger, seed_docs: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    decode = FastPosTagger._decode

    def distrust(self: FastPosTagger, s, first, last):  # type: ignore[no-untyped-def]
        labels, ok = decode(self, s, first, last)
        return np.zeros_like(labels), np.zeros_like(ok)  # wrong tags, none certified

    monkeypatch.setattr(FastPosTagger, "_decode", distrust)
    words = seed_docs[2]
    assert tagger.tag(words) == pyvi_tags(words)


EDGE_CASES = [
    ["Hà_Nội"],
    ["."],
    ["2024"],
    ["...", "“", "”", "…", "’", ",", "!", "?", "(", ")"],
    ["Ngày", "7/12", ",", "lúc", "20h35", ",", "có", "94.000", "người", "."],
    ["HÀ_NỘI", "hà_nội", "Hà_nội", "hÀ_nỘi", "TP.HCM", "Tp.", "UBND", "iPhone", "COVID-19"],
    ["Xyzqwv", "ĐĐĐ_ưưư", "zzz123", "123abc", "A1", "a", "B", "Ư", "ẞ", "İstanbul"],
    ["", "", "nhà"],
    ["nhà\x00cửa", "nhà", "\x00"],
    ["Ông", "Nguyễn_Văn_A", "nói", ":", "“", "Tôi", "không", "biết", "”", "."],
]


@pytest.mark.parametrize("words", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_edge_cases_identical(tagger: FastPosTagger, words: list[str]) -> None:
    assert tagger.tag(words) == pyvi_tags(words)


def test_empty_input(tagger: FastPosTagger) -> None:
    assert tagger.tag([]) == []
    assert tagger.tag_many([]) == []
    assert tagger.tag_many([[], []]) == [[], []]


def test_random_sequences_identical(tagger: FastPosTagger, seed_docs: list[list[str]]) -> None:
    rng = random.Random(7)
    vocab = sorted({w for d in seed_docs for w in d})
    odd = ["", "X", "123", "3,5", "ĐẠI_HỘI", "không_có_từ_này", "!!", "Zz", "n\x00n"]
    docs = []
    for _ in range(40):
        n = rng.choice([1, 2, 3, 5, 20, 200])
        docs.append(
            [rng.choice(vocab) if rng.random() < 0.85 else rng.choice(odd) for _ in range(n)]
        )
    assert tagger.tag_many(docs) == [pyvi_tags(d) for d in docs]


def test_lone_surrogate_fails_like_pyvi(tagger: FastPosTagger) -> None:
    words = ["nhà", "\ud800"]
    with pytest.raises(Exception) as ref:  # noqa: PT011 - pyvi's own error (UTF-8 encoding)
        pyvi_tags(words)
    with pytest.raises(ref.type):
        tagger.tag(words)
    # The failing word is not cached: the next call still checks it.
    with pytest.raises(ref.type):
        tagger.tag_many([["nhà"], words])


def test_one_uncertified_text_in_a_batch_is_redone_alone(
    tagger: FastPosTagger, seed_docs: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    stretches = FastPosTagger._decode_stretches
    redone: list[int] = []
    exact = FastPosTagger._viterbi_exact
    second = len(seed_docs[0]) + 3  # a row inside the second text

    def distrust_second(self: FastPosTagger, s, labels, *args):  # type: ignore[no-untyped-def]
        bad = stretches(self, s, labels, *args)
        labels[second] = 0
        return np.append(bad, second)

    def counted(self: FastPosTagger, s: np.ndarray) -> np.ndarray:
        redone.append(len(s))
        return exact(self, s)

    monkeypatch.setattr(FastPosTagger, "_decode_stretches", distrust_second)
    monkeypatch.setattr(FastPosTagger, "_viterbi_exact", counted)
    assert tagger.tag_many(seed_docs) == [pyvi_tags(d) for d in seed_docs]
    assert redone == [len(seed_docs[1])]
