"""normalize and clean_text on real Vietnamese text."""

from __future__ import annotations

import re
import unicodedata

import pytest

from newslab import clean_text, load_corpus, normalize

PAIRS = [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoá", "Hóa"), ("tuỳ", "tùy")]


@pytest.mark.parametrize(("new", "old"), PAIRS)
def test_tone_styles_make_variants_equal(new, old):
    assert normalize(old, tone_style="new") == new
    assert normalize(new, tone_style="old") == old
    assert normalize(new) != normalize(old)  # without a style, spelling is kept as typed


@pytest.mark.parametrize("word", ["hoàng", "toán", "người", "thuở", "quý", "giả", "khuỷu", "mùa",
                                  "gìn", "quốc", "hoài", "Nguyễn", "TRƯỜNG"])
def test_words_with_one_placement_are_unchanged(word):
    assert normalize(word, tone_style="new") == word
    assert normalize(word, tone_style="old") == word


def test_segmented_text_keeps_its_words():
    # "_" joins the syllables of a segmented word: each syllable is placed on its own
    # ("điểm_nóng" had become "điểm_nong", the tone moved across the underscore)
    assert normalize("điểm_nóng ô_nhiễm hoà_bình", tone_style="old") == "điểm_nóng ô_nhiễm hòa_bình"
    assert normalize("Lập_Tức Dọa", tone_style="new") == "Lập_Tức Doạ"


def test_normalize_characters():
    raw = "\ufeffHo\u0300a\u00a0bi\u0300nh\u200b\r\nxong\r"
    assert normalize(raw) == "Hòa bình\nxong\n"
    with pytest.raises(ValueError, match="tone_style"):
        normalize("x", tone_style="modern")


def test_tone_style_on_vims_dev_is_idempotent_and_unifies(vims_dev_dir):
    df = load_corpus(vims_dev_dir)
    text = "\n".join(df["text"].head(150))
    new = normalize(text, tone_style="new")
    assert normalize(new, tone_style="new") == new
    assert normalize(normalize(text, tone_style="old"), tone_style="new") == new
    words = set(re.findall(r"\w+", new.lower()))
    assert "hòa" not in words and "thủy" not in words
    assert unicodedata.is_normalized("NFC", new)


def test_clean_text_on_seeds(seeds_dir):
    df = load_corpus(seeds_dir)
    found = {}
    for doc_id, row in df.iterrows():
        clean, removed = clean_text(row["text"], title=row["title"])
        found[doc_id] = {r["kind"] for r in removed}
        for r in removed:  # every removed piece is really in the input, at its offset
            assert row["text"][r["start"]: r["start"] + len(r["text"])] == r["text"]
            assert r["text"].strip() not in clean
        assert len(clean) < len(row["text"])
    assert "caption" in found["000_520658d4c20afb8a"] and "source_footer" in found["000_520658d4c20afb8a"]
    assert {"caption", "source_header"} <= found["002_857d9957dfc1b496"]
    assert {"image_alt", "caption", "teaser", "source_footer"} <= found["003_3e20ddcea9a629a6"]
    assert {"byline", "see_also"} <= found["004_de8ac57140f49c18"]
    clean3, _ = clean_text(df.loc["003_3e20ddcea9a629a6", "text"])
    assert "bất ngờ điện đàm" not in clean3 and "/ vtc.vn" not in clean3
    assert "Reuters dẫn nguồn quan chức Mỹ cho biết" in clean3  # the body stays


def test_clean_text_keeps_ordinary_prose():
    text = ("Ông Nguyễn Văn An cho biết ảnh hưởng của bão là rất lớn.\n"
            "Nhiều hộ dân mất nhà cửa, Ảnh hưởng kéo dài.")
    clean, removed = clean_text(text)
    assert clean == text and removed == []


def test_clean_text_removes_repeated_title_and_see_also():
    text = "Bão số 3 đổ bộ\nNội dung chính của bài báo.\nXem thêm:\nBão số 2 gây thiệt hại\nLũ quét ở Yên Bái"
    clean, removed = clean_text(text, title="Bão số 3 đổ bộ")
    assert clean == "Nội dung chính của bài báo."
    assert [r["kind"] for r in removed] == ["repeated_title", "see_also", "see_also", "see_also"]


def test_clean_text_on_vims_dev_removes_little(vims_dev_dir):
    """ViMs texts are already clean article bodies: cleaning must not eat them."""
    df = load_corpus(vims_dev_dir)
    before = df["text"].str.len().sum()
    after = sum(len(clean_text(t)[0]) for t in df["text"])
    assert after / before > 0.97


def test_in_article_see_also_takes_only_its_own_line():
    """VietNews digests put "Xem thêm" between items: the body after it must stay."""
    items = [f"Câu thứ {i} của bản tin thứ hai kể diễn biến vụ việc." for i in range(1, 9)]
    text = "Bản tin thứ nhất.\nXem thêm tại đây.\nVụ cháy thứ hai ở Hà Nội\n" + "\n".join(items)
    clean, removed = clean_text(text)
    assert [r["text"] for r in removed] == ["Xem thêm tại đây."]
    assert all(item in clean for item in items)
