"""`segment` joins compounds of pyvi's own word list that pyvi's model cuts inside.

Sentences from VietNews (validation split). Each case first checks that pyvi does cut the
compound, so the test shows what `segment` adds.
"""

from __future__ import annotations

import pytest
from pyvi import ViTokenizer

import newslab

CASES = [
    (
        "Hãng thông tấn AFP của Pháp bình luận tuyên bố của tổng thống Mỹ chẳng khác gì ném quả"
        " lựu đạn vào câu lạc bộ của những nước giàu.",
        "câu_lạc_bộ",
    ),
    (
        "Trước, trong thời gian nghỉ Tết Nguyên đán vừa qua, cả hai có liên lạc với nhau.",
        "Tết_Nguyên_đán",
    ),
    (
        "Hai nhà lãnh đạo hoan nghênh kế hoạch về việc một tàu sân bay Hoa Kỳ lần đầu tiên thăm"
        " một cảng của Việt Nam trong năm 2018.",
        "tàu_sân_bay",  # an aircraft carrier; pyvi's "tàu | sân_bay" reads "airport"
    ),
    (
        "Trên cơ sở đề xuất của Ban Chỉ đạo, Bộ Chính trị đã quyết định phê duyệt quy hoạch Ban"
        " Chấp hành trung ương khoá XIII, nhiệm kỳ 2021 - 2026.",
        "Bộ_Chính_trị",
    ),
    (
        "Zing đưa tin, nhà chức trách xác định chất trắng là 20kg ma tuý bất hợp pháp và lượng"
        " ma tuý này đủ cho 800.000 lượt sử dụng.",
        "nhà_chức_trách",
    ),
    (
        "Về mặt kỹ thuật, các tên lửa đạn đạo từ loại tầm trung đã bắt đầu có giai đoạn vượt ra"
        " bầu khí quyển Trái đất.",
        "tên_lửa_đạn_đạo",
    ),
]


CASES.append(
    (
        "Tổng thống Pháp kêu gọi thành lập một quân đội riêng của châu Âu để tự bảo vệ trước"
        " Trung Quốc, Nga và thậm chí cả Mỹ.",
        "châu_Âu",  # a continent: pyvi cuts "châu | Âu"
    )
)


@pytest.mark.parametrize(("text", "compound"), CASES)
def test_compound_cut_by_pyvi_is_one_word(text: str, compound: str) -> None:
    assert compound not in ViTokenizer.tokenize(text).split()
    assert compound in newslab.segment(text)


def test_compound_never_joins_across_a_sentence_or_line() -> None:
    assert "câu_lạc_bộ" not in newslab.segment("Anh ấy nói một câu. Lạc bộ hồ sơ.")
    words = newslab.segment("Nghỉ Tết Nguyên\nđán vừa qua")
    assert "đán" in words and not any(w.endswith("_đán") for w in words)


CASES.extend(
    [
        (
            "Nhiều nhà đầu tư nước ngoài đã rút vốn khỏi thị trường chứng khoán trong tuần qua.",
            "nhà_đầu_tư",  # newslab/data/compounds.txt: a word the treebank writes whole
        ),
        (
            "Chủ đầu tư dự án cam kết hoàn thành việc giải phóng mặt bằng trong năm nay.",
            "Chủ_đầu_tư",
        ),
    ]
)


# Phrases pyvi's model joins into one word that no word list holds (VietNews sentences): the
# silver segmentation cuts them into listed words, and so does `segment`.
JOINED_BY_PYVI = [
    ("Phó chủ tịch UBND tỉnh cho biết đã chỉ đạo kiểm tra.", ["Phó", "chủ_tịch"]),
    ("Các đơn vị phải đảm bảo an toàn cho người dân.", ["đảm_bảo", "an_toàn"]),
    ("Phiến quân tấn công bằng súng cối vào căn cứ.", ["tấn_công", "bằng"]),
    ("Ông bị cáo buộc nhận hối lộ hàng tỷ đồng.", ["bị", "cáo_buộc"]),
]


@pytest.mark.parametrize(("text", "parts"), JOINED_BY_PYVI)
def test_an_unlisted_long_word_of_pyvi_is_cut_into_listed_words(text: str, parts: list[str]) -> None:
    whole = "_".join(parts)
    assert whole in ViTokenizer.tokenize(text).split()  # pyvi joins it
    words = newslab.segment(text)
    at = words.index(parts[0])
    assert words[at : at + len(parts)] == parts
    assert newslab.segment_many([text], cache_dir=False, progress=False)[0] == words


def test_long_words_with_an_affix_or_listed_stay_whole() -> None:
    # a Sino-Vietnamese affix makes one word (tái-, -viên); pyvi's own long words stay
    words = newslab.segment("Khu tái định cư có một phiên dịch viên và một câu lạc bộ.")
    assert {"tái_định_cư", "phiên_dịch_viên", "câu_lạc_bộ"} <= set(words)
