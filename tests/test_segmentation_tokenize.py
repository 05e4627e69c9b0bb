"""newslab.tokenize must give exactly pyvi's output, for any string."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
from pyvi import ViTokenizer as pyvi_module

import newslab
from newslab._crf import read_crf_model
from newslab._tokenizer import syllables

PYVI = pyvi_module.ViTokenizer

EDGE_CASES = [
    "",
    " ",
    "   \t ",
    "\n",
    "\n\n x \n",
    "x",
    ".",
    "\x00",
    "a\x00b Hà \x00 Nội",
    "Tổng thống Nga",
    "TP.HCM, Tp.Hà Nội, ThS. Lê, Mr. Bean, Dr.X",
    "e\u0301 Hà Nội",  # not NFC
    "Giá 94.000 đồng, lúc 20h35 ngày 7/12/2023, tăng 1,5% ==> ... >> ->",
    "Liên hệ a.b-c@mail.vn hoặc https://vnexpress.net/x?y=1 ngay",
    "HÀ NỘI - Chiều 3/4, BỘ Y TẾ CÔNG BỐ",
    "ΣΑΣ σς İstanbul ß ǅ ﬁ Ⅻ ²³ ١٢٣",
    "“Chúng tôi sẽ làm,” ông nói; (xem thêm) [1] {a} <b> 'c' `d`",
    "Ai Cập Hy Lạp Điện Kremlin Park Hang-seo Vladimir Putin",
]


def _lexicon_syllables() -> list[str]:
    words = Path(pyvi_module.__file__).parent / "models" / "words.txt"
    return [s for line in words.read_text("utf-8").split("\n") for s in line.split(" ") if s]


def _random_text(rng: random.Random, vocab: list[str]) -> str:
    extra = [*string.punctuation, *" \t\n\r\x00\u00a0\u200b…“”–’0123456789", "==>", "...", "TP."]
    parts = []
    for _ in range(rng.randint(0, 30)):
        r = rng.random()
        if r < 0.55:
            w = rng.choice(vocab)
        elif r < 0.7:
            w = "".join(rng.choice("aăâbcdđeêgiklmnoôơuưyàáạằếệĐÂỳ") for _ in range(rng.randint(1, 4)))
        else:
            w = rng.choice(extra)
        if rng.random() < 0.25:
            w = w.title()
        elif rng.random() < 0.08:
            w = w.upper()
        parts.append(w)
        parts.append(rng.choice([" ", " ", " ", "", "\n", "  ", ", "]))
    return "".join(parts)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_tokenize_identical_on_edge_cases(text: str) -> None:
    assert newslab.tokenize(text) == PYVI.tokenize(text)


def test_tokenize_identical_on_random_strings() -> None:
    rng = random.Random(20261123)
    vocab = _lexicon_syllables()
    texts = [_random_text(rng, vocab) for _ in range(1500)]
    mismatches = [t for t in texts if newslab.tokenize(t) != PYVI.tokenize(t)]
    assert mismatches == []


def test_syllables_match_pyvi() -> None:
    rng = random.Random(7)
    vocab = _lexicon_syllables()
    for _ in range(300):
        text = _random_text(rng, vocab)
        assert syllables(text) == PYVI.sylabelize(text)


def test_tokenize_identical_on_real_paragraphs(seeds_dir: Path) -> None:
    paragraphs = [
        line
        for path in sorted(seeds_dir.rglob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(paragraphs) > 20
    for p in paragraphs:
        assert newslab.tokenize(p) == PYVI.tokenize(p)


def test_tokenize_long_text_is_linear_and_identical() -> None:
    text = "Thủ tướng Phạm Minh Chính làm việc tại Hà Nội. " * 400
    assert newslab.tokenize(text) == PYVI.tokenize(text)


def test_tokenize_many_matches_tokenize(tmp_path: Path) -> None:
    texts = ["Hà Nội mùa thu", "", "Tổng thống Nga", "Hà Nội mùa thu"]
    expected = [PYVI.tokenize(t) for t in texts]
    assert newslab.tokenize_many(texts, cache_dir=tmp_path, progress=False) == expected
    # second run is served from the cache and must be the same
    assert newslab.tokenize_many(texts, cache_dir=tmp_path, progress=False) == expected


def test_crf_reader_reads_pyvi_model(tmp_path: Path) -> None:
    raw = Path(PYVI.model.modelfile.name).read_bytes()
    model = read_crf_model(raw)
    assert model.labels == ("B_W", "I_W")
    # Compare with CRFsuite's own text dump (weights printed with 6 decimals).
    dump = tmp_path / "dump.txt"
    PYVI.model.tagger_.dump(str(dump))
    lines = [ln.strip() for ln in dump.read_text("utf-8").splitlines()]
    assert f"(0) bias --> B_W: {model.state['bias'][0]:.6f}" in lines
    assert f"(0) bias --> I_W: {model.state['bias'][1]:.6f}" in lines
    assert f"(1) B_W --> I_W: {model.transition[0][1]:.6f}" in lines
    n_features = sum(1 for ln in lines if "-->" in ln)
    assert n_features == sum(w != 0.0 for ws in model.state.values() for w in ws) + 4


def test_crf_reader_rejects_other_files() -> None:
    with pytest.raises(ValueError, match="crf1d"):
        read_crf_model(b"not a model at all, just bytes....")


def test_tokenize_from_threads_matches_pyvi() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Ông Nguyễn Văn X{i} đến Hà Nội ngày {i}/12 lúc {i}h{i} số{i}." for i in range(400)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(newslab.tokenize, texts))
    assert got == [PYVI.tokenize(t) for t in texts]


def test_one_text_and_many_texts_are_not_confused() -> None:
    # a string passed to the *_many functions had been read one character at a time, and a
    # list passed to segment failed deep inside with an unrelated message
    for many, one in ((newslab.segment_many, "segment"), (newslab.tokenize_many, "tokenize")):
        with pytest.raises(TypeError, match=f"use {one}\\(text\\)"):
            many("Hà Nội đẹp", cache_dir=False, progress=False)
    with pytest.raises(TypeError, match=r"segment takes one text \(str\), not list; .*segment_many"):
        newslab.segment(["Hà Nội đẹp"])
    with pytest.raises(TypeError, match=r"tokenize takes one text \(str\), not NoneType"):
        newslab.tokenize(None)  # type: ignore[arg-type]
