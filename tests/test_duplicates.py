"""find_duplicates and its syllable shingles, on the seeds and edited copies of them."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest

import newslab
from newslab.shingles import canonical_syllable, containment, shingle_set, syllable_ids


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> pd.DataFrame:
    return newslab.load_corpus(seeds_dir)


def frame(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"title": list(texts), "text": list(texts.values())},
        index=pd.Index(list(texts), name="doc_id"),
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [("hoà", "hòa"), ("Thuỷ", "thủy"), ("khoẻ", "khỏe"), ("QUÝ", "quý"), ("Nguyễn", "nguyễn")],
)
def test_canonical_syllable_ignores_case_and_tone_placement(a, b):
    assert canonical_syllable(a) == canonical_syllable(b)
    assert canonical_syllable(unicodedata.normalize("NFD", a)) == canonical_syllable(b)


def test_canonical_syllable_keeps_tones_apart():
    assert len({canonical_syllable(s) for s in ["ma", "má", "mà", "mả", "mã", "mạ"]}) == 6
    assert canonical_syllable("hòa") == "hoa2"


def test_syllable_ids_agree_with_canonical_syllables():
    text = "Thủ tướng Nguyễn Xuân Phúc, hoà bình!"
    tokens = ["thủ", "tướng", "nguyễn", "xuân", "phúc", "hoà", "bình"]
    by_hand = [canonical_syllable(t) for t in tokens]
    ids = syllable_ids(text)
    assert len(ids) == len(tokens)
    # equal ids exactly where the canonical syllables are equal
    for i in range(len(tokens)):
        for j in range(len(tokens)):
            assert (ids[i] == ids[j]) == (by_hand[i] == by_hand[j])


def test_syllable_ids_ignore_form_case_punctuation_and_date_separators():
    base = "Ngày 7/12, Tổng thống Nga hoà giải với Ukraine."
    variants = [
        unicodedata.normalize("NFD", base),
        base.upper(),
        "Ngày 7.12 Tổng thống Nga hòa giải với Ukraine",
        base.replace(" ", "\r\n"),
    ]
    for v in variants:
        assert np.array_equal(syllable_ids(v), syllable_ids(base))
    assert not np.array_equal(syllable_ids("Ngày 7/12"), syllable_ids("Ngày 12/7"))


def test_syllable_ids_offsets_point_into_the_text():
    text = "Hà Nội, 30/12: mưa to."
    ids, starts, ends = syllable_ids(text, offsets=True)
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == [
        "Hà",
        "Nội",
        "30",
        "12",
        "mưa",
        "to",
    ]


def test_containment_is_share_of_the_smaller_set():
    long = shingle_set("Tổng thống Mỹ Joe Biden và Tổng thống Nga Vladimir Putin sẽ điện đàm")
    short = shingle_set("Tổng thống Mỹ Joe Biden và Tổng thống Nga")
    cont, jac = containment(long, short)
    assert cont == 1.0
    assert 0 < jac < 1
    assert containment(long, np.empty(0, dtype=np.uint64)) == (0.0, 0.0)


def test_different_seed_articles_on_one_story_are_not_duplicates(seeds):
    found = newslab.find_duplicates(seeds)
    assert list(found.columns) == ["doc_a", "doc_b", "similarity", "containment", "kind"]
    assert found.empty


def test_edited_copies_of_a_seed_are_found_with_their_kind(seeds):
    text = seeds["text"].iloc[0]
    paras = text.split("\n")
    copies = {
        "orig": text,
        "same": text,
        "edited": unicodedata.normalize(
            "NFD",
            "(Dân trí) - "
            + newslab.normalize(text, tone_style="old")
            .replace("7/12", "7.12")
            .replace("\n", "\r\n")
            + "\r\nMinh Anh (Theo Reuters)",
        ),
        "trimmed": "\n".join(paras[: max(2, len(paras) * 2 // 3)]),
        "other": seeds["text"].iloc[1],
    }
    found = newslab.find_duplicates(frame(copies))
    got = {(a, b): kind for a, b, kind in zip(found.doc_a, found.doc_b, found.kind, strict=True)}
    assert got[("orig", "same")] == "exact"
    assert got[("orig", "edited")] == "near"
    assert got[("orig", "trimmed")] == "contained"
    assert not any("other" in pair for pair in got)
    assert found["containment"].between(0.8, 1.0).all()
    assert (found["similarity"] <= found["containment"]).all()
    assert found["similarity"].is_monotonic_decreasing


def test_sampling_does_not_change_the_result(seeds):
    texts = dict(zip(seeds.index, seeds["text"], strict=True))
    texts["copy"] = texts[seeds.index[2]] + "\nTheo TTXVN"
    corpus = frame(texts)
    full = newslab.find_duplicates(corpus, sample=1)
    sampled = newslab.find_duplicates(corpus, sample=4)
    pd.testing.assert_frame_equal(full, sampled)
    assert len(full) == 1


def test_threshold_changes_the_result(seeds):
    low = newslab.find_duplicates(seeds, threshold=0.3)
    assert len(low) >= 1  # seeds 001 and 003 share whole paragraphs
    assert len(newslab.find_duplicates(seeds, threshold=0.9)) < len(low)


def test_empty_and_invalid_input():
    empty = newslab.find_duplicates(frame({}))
    assert empty.empty and list(empty.columns)[:2] == ["doc_a", "doc_b"]
    with pytest.raises(ValueError, match="threshold"):
        newslab.find_duplicates(frame({"a": "x"}), threshold=1.5)
    with pytest.raises(ValueError, match="power of two"):
        newslab.find_duplicates(frame({"a": "x"}), sample=3)


def test_batched_shingles_equal_one_text_at_a_time(seeds):
    from newslab.shingles import shingle_hashes, shingled_many

    texts = [*seeds["text"], "", "Hà Nội", "một hai ba bốn năm"]
    for text, (ids, shingles) in zip(texts, shingled_many(texts, batch=3), strict=True):
        assert np.array_equal(ids, syllable_ids(text))
        assert np.array_equal(shingles, shingle_hashes(syllable_ids(text)))


def test_cli_duplicates_and_stories_write_csv(seeds_dir, tmp_path, capsys):
    from newslab.cli import main

    pairs = tmp_path / "pairs.csv"
    passages = tmp_path / "passages.csv"
    assert (
        main(
            [
                "duplicates",
                str(seeds_dir),
                "-o",
                str(pairs),
                "--threshold",
                "0.3",
                "--passages",
                str(passages),
            ]
        )
        == 0
    )
    table = pd.read_csv(pairs)
    assert list(table.columns) == ["doc_a", "doc_b", "similarity", "containment", "kind"]
    assert len(table) == 1  # seeds 001 and 003
    assert len(pd.read_csv(passages)) >= 1
    stories = tmp_path / "stories.csv"
    assert main(["stories", str(seeds_dir), "-o", str(stories)]) == 0
    assert pd.read_csv(stories)["story"].nunique() == 1
    assert "5 articles in 1 stories" in capsys.readouterr().err
    assert main(["duplicates", str(tmp_path / "missing")]) == 2
