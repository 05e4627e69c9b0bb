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
