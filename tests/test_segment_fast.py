"""The fast `segment` path (whole text at once) must give exactly the plain rules' output."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

import newslab
from newslab import _segment_rules as rules
from newslab.segmentation import _tokenizer

# Sentences that exercise every rule: glue (dates, times, dotted abbreviations, hyphenated
# names), names split off a glued lowercase tail, places before names, clause starts,
# headlines in capitals and in Title Case, a sentence-final abbreviation, non-NFC text,
# compounds pyvi cuts (also across sentence and line breaks, where they must not join).
TRICKY = [
    "Thủ tướng Phạm Minh Chính đến TP.HCM ngày 7/12/2023 lúc 20:35, giá 94.000 đồng.",
    "HLV Park Hang-seo và Covid-19; Hà Nội-Hải Phòng; tỷ số 2-1. PGS.TS Nguyễn Văn An nói.",
    "Tổng thống Mỹ Joe Biden và Chủ tịch Tập Cận Bình điện đàm. Ông Bill Gates đến TX.Ba Đồn.",
    "Theo Bộ Y tế, Vietcombank Hà Nội và Tuổi Trẻ Tăng Hữu Phong. Dịch Covid-19 lan rộng.",
    "HÀ NỘI - CHIỀU 3/4, BỘ Y TẾ CÔNG BỐ\nTổng Thống Nga Thăm Trung Quốc Hôm Nay Và Ngày Mai",
    "Ukraine Volodymyr Zelensky gặp Hàn Quốc Moon Jae-in ở TP. HCM. Ông A đến Q.1 và TP.HCM.",
    "Trung Quốc gia tăng; Việt Nam Nguyễn Văn A; Đức Phúc; Mỹ Tâm hát. N.T. Hoa ở UBND TP.",
    "Ông Hoàng Đức Trọng, Bà Nguyễn Thị Hồng: “Chúng tôi sẽ làm” - ông nói… Anh Nguyễn Tuấn Anh.",
    "e\u0301 Ha\u0300 Nô\u0323i. A - B : C / D. ==> ... >> -> x@y.vn https://a.vn/b?c=1 ThS. Lê",
    "",
    "   \t ",
    "Một. Hai! Ba? Bốn… Năm",
    "Công an huyện Cư M’gar và Ea H’leo; ông K’Bổ, D'Artagnan, Trump's, 'A' và ‘Người phán xử’.",
    "Tàu sân bay đến câu lạc bộ; Tết Nguyên\nđán. Câu. Lạc bộ, Bộ Chính trị. BỘ CHÍNH TRỊ HỌP",
]


def _fuzz_texts(n: int, seed: int) -> list[str]:
    pieces = [
        *"Nguyễn Văn An Trần Phạm Minh Chính Hà Nội Mỹ Joe Biden Vladimir Putin Ông Bà Theo".split(),
        *"Việt Nam Hàn Quốc Washington Tập Cận Bình điện đàm thủ tướng cho biết ngày và".split(),
        "Hang-seo", "TP.HCM", "TP.", "HCM", "PGS.TS", "UBND", "Covid-19", "7/12", "20:35", "2-1",
        "M’gar", "K’Bổ", "D'Artagnan", "’", "'",
        *"câu lạc bộ tàu sân bay Tết Nguyên đán Chính trị nhà chức trách".split(),
    ]  # fmt: skip
    extra = [*string.punctuation, "…", "“", "”", "–", "0", "12", "==>", "...", "Mr.", ". ", "\n"]
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 40)):
            w = rng.choice(pieces) if rng.random() < 0.75 else rng.choice(extra)
            if rng.random() < 0.2:
                w = w.title() if rng.random() < 0.7 else w.upper()
            parts.append(w + rng.choice([" ", " ", " ", "", ", ", ". ", "\n"]))
        texts.append("".join(parts))
    return texts


def _reference(texts: list[str]) -> list[list[str]]:
    return [rules._segment_text_reference(t, _tokenizer()) for t in texts]


def test_fast_path_matches_reference_on_tricky_sentences() -> None:
    assert [newslab.segment(t) for t in TRICKY] == _reference(TRICKY)


def test_fast_path_matches_reference_on_random_texts() -> None:
    texts = _fuzz_texts(600, seed=11)
    assert [newslab.segment(t) for t in texts] == _reference(texts)


def test_fast_path_matches_reference_on_seed_articles(seeds_dir: Path) -> None:
    texts = [p.read_text("utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    lines = [line for t in texts for line in t.splitlines()]
    assert len(texts) == 5
    assert [newslab.segment(t) for t in texts + lines] == _reference(texts + lines)


def test_fast_path_matches_reference_on_vims_dev(vims_dev_dir: Path) -> None:
    # Every 10th story: real articles with CRLF line ends and some non-NFC text.
    paths = sorted(vims_dev_dir.glob("Cluster_*0/*.txt"))
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    assert len(texts) > 40
    assert [newslab.segment(t) for t in texts] == _reference(texts)


def test_segment_texts_matches_one_by_one() -> None:
    texts = [*TRICKY, *_fuzz_texts(100, seed=3), "", "Hà Nội"]
    tok = _tokenizer()
    assert rules.segment_texts(texts, tok) == [rules.segment_text(t, tok) for t in texts]
    assert rules.segment_texts([], tok) == []


def test_joins_flat_matches_sentence_by_sentence() -> None:
    tok = _tokenizer()
    text = rules._Text(" ".join(TRICKY))
    bounds = [*text.starts, len(text.syl)]
    expected: list[bool] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        expected += [False, *tok.joins(text.syl[a:b])]
    assert any(expected)
    assert tok.joins_flat(text.syl, text.starts) == expected


@pytest.mark.parametrize("text", TRICKY)
def test_text_syllables_match_the_sentence_regex(text: str) -> None:
    sentences = [rules._Sentence(s) for s in rules.split_sentences(text)]
    sentences = [s for s in sentences if s.syl]
    flat = rules._Text(text)
    assert flat.syl == [x for s in sentences for x in s.syl]
    assert flat.space == [x for s in sentences for x in s.space]
