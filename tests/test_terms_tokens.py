"""Term extraction and display, with a whitespace stand-in for the segmenter (fast, exact)."""

from __future__ import annotations

from collections import Counter

from newslab._term_display import display_form, is_junk
from newslab._term_tokens import extract_terms


def fake_segmenter(lines):
    # Text is written pre-segmented: syllables of a word joined by "_", tokens by spaces.
    return [line.split() for line in lines]


def terms_of(texts, **kw):
    return extract_terms(texts, segmenter=fake_segmenter, use_pos=False, **kw)


def test_capitalised_syllables_become_one_name():
    td = terms_of(["Máy_bay của Ai Cập rơi xuống biển ."])
    assert "^ai_cập" in td.docs[0]
    assert "^ai" not in td.docs[0] and "^cập" not in td.docs[0]
    assert display_form("^ai_cập", td.surfaces) == "Ai Cập"


def test_name_glued_to_a_word_is_cut_at_the_case_change():
    td = terms_of(["Bộ_trưởng Sherif Fathy_nghiêng về khả_năng khủng_bố ."])
    assert "^sherif_fathy" in td.docs[0]
    assert "nghiêng" in td.docs[0]


def test_common_word_written_with_capitals_stays_a_word():
    td = terms_of(["Bộ_trưởng nói .", "ông là bộ_trưởng ."])
    assert td.docs[0][0] == "bộ_trưởng"


def test_compound_written_with_capitals_is_one_word_not_a_name_and_a_word():
    # `segment` writes "Bộ_Chính_trị", "Tết_Nguyên_đán" whole (compounds of pyvi's list).
    td = terms_of(["Hôm_qua Bộ_Chính_trị họp trước Tết_Nguyên_đán về châu_Âu ."])
    assert {"bộ_chính_trị", "tết_nguyên_đán", "châu_âu"} <= set(td.docs[0])
    assert not {"^bộ_chính", "trị", "^tết_nguyên", "đán", "châu", "^âu"} & set(td.docs[0])


def test_hyphenated_korean_name_is_one_term():
    # As pyvi does: "Kim Jong-un" comes out as "Kim_Jong - un".
    hyphen_split = lambda lines: [line.replace("-", " - ").split() for line in lines]  # noqa: E731
    td = extract_terms(
        ["Nhà_lãnh_đạo Kim_Jong-un hút thuốc .", "Ông Kim_Jong-un và ông Kim_Jong_Un ."],
        segmenter=hyphen_split,
        use_pos=False,
    )
    assert "^kim_jong_un" in td.docs[0]
    # written with a hyphen or a space, one name, shown as most often written
    assert td.docs[1].count("^kim_jong_un") == 2
    assert display_form("^kim_jong_un", td.surfaces) == "Kim Jong-un"


def test_two_names_side_by_side_are_split_by_corpus_statistics():
    texts = ["Tổng_thống Mỹ Joe_Biden nói ."] * 3 + [
        "quan_hệ với Mỹ tốt .",
        "nước Mỹ lớn .",
        "kinh_tế Mỹ tăng .",
        "ông Joe_Biden nói .",
        "ông Joe_Biden cười .",
    ]
    td = terms_of(texts)
    assert td.docs[0][1:3] == ["^mỹ", "^joe_biden"]


def test_full_name_that_always_goes_together_is_not_split():
    texts = ["bà Hillary Clinton nói ."] * 3 + ["bà Hillary cười .", "ông Clinton đi ."]
    td = terms_of(texts)
    assert "^hillary_clinton" in td.docs[0]


def test_vietnamese_word_with_initial_capital_is_a_word_not_a_name():
    td = terms_of(["Tổng_thống Mỹ nói .", "ông Bộ_trưởng Hàng_không Ai Cập nói ."])
    assert td.docs[0][0] == "tổng_thống"
    assert td.docs[1][1:4] == ["bộ_trưởng", "hàng_không", "^ai_cập"]


def test_body_name_capitalised_on_its_first_syllable_stays_whole():
    td = terms_of(["theo Bộ Ngoại_giao Nga , Đảng Cộng_hòa thắng ."])
    assert "^bộ_ngoại_giao_nga" in td.docs[0] or "^bộ_ngoại_giao" in td.docs[0]
    assert "^đảng_cộng_hòa" in td.docs[0]
    assert display_form("^đảng_cộng_hòa", td.surfaces) == "Đảng Cộng hòa"


def test_sentence_initial_function_word_is_not_a_name():
    td = terms_of(["Các quan_chức Mỹ họp .", "có các nước ."])
    assert td.docs[0][0] == "các"
    assert "^mỹ" in td.docs[0]


def test_short_name_maps_to_the_full_name_of_the_article():
    td = terms_of(["Bà Thái Anh_Văn nhậm_chức . Bà Thái Anh_Văn nói . bà Thái cười ."])
    assert td.docs[0].count("^thái_anh_văn") == 3
    assert "^thái" not in td.docs[0]


def test_display_prefers_the_form_the_corpus_uses_mid_sentence():
    td = terms_of(["Khủng_bố xảy ra .", "vụ khủng_bố lớn .", "chống khủng_bố ."])
    assert display_form("khủng_bố", td.surfaces) == "khủng bố"


def test_no_texts_give_no_terms():
    assert terms_of([]).docs == []
    assert terms_of([""]).docs == [[]]


def test_junk_rules():
    stop = frozenset({"của", "và"})
    assert is_junk("7/12", stopwords=stop)
    assert is_junk("11km", stopwords=stop)
    assert is_junk("^t.", stopwords=stop)
    assert is_junk("của", stopwords=stop)
    assert is_junk("trong", Counter({"E": 5, "N": 1}), stopwords=stop)
    assert not is_junk("khủng_bố", Counter({"N": 5}), stopwords=stop)
    assert not is_junk("^ms804", stopwords=stop)
    # A name is never a stopword: "Anh" (Britain) is not "anh".
    assert not is_junk("^anh", stopwords=frozenset({"anh"}))
    assert is_junk("anh", stopwords=frozenset({"anh"}))
    assert is_junk("^hlv", stopwords=stop)


def test_foreign_full_name_seen_after_different_names_is_split_off():
    texts = [
        "Người_phát_ngôn Điện Kremlin Dmitry Peskov nói .",
        "người_phát_ngôn điện Kremlin Dmitry Peskov nói .",
        "theo Điện Kremlin , ông nói .",
        "điện Kremlin im_lặng .",
    ]
    td = terms_of(texts)
    assert td.docs[0][1:3] == ["^điện_kremlin", "^dmitry_peskov"]
    assert td.docs[1][1:4] == ["điện", "^kremlin", "^dmitry_peskov"]
