"""segment against a small hand-segmented gold set, and its other contracts.

Gold conventions (as in VLSP word segmentation): compounds joined with `_`, full names of
people, places and organisations one word, dates / times / numbers / dotted abbreviations
written without spaces one token, punctuation its own token. Sentences written for this test.
"""

from __future__ import annotations

import pytest
from pyvi import ViTokenizer

import newslab
from newslab._segment_eval import Score
from newslab._segment_rules import split_sentences

GOLD: list[str] = [
    "Thủ_tướng Phạm_Minh_Chính tiếp Tổng_thống Nga Vladimir_Putin tại Điện_Kremlin ngày 7/12 .",
    "HLV Park_Hang-seo cùng đội_tuyển đến TP.HCM lúc 20h35 , giá vé 94.000 đồng .",
    "PGS.TS Nguyễn_Văn_An cho biết Ai_Cập và Hy_Lạp đã ký thỏa_thuận hợp_tác .",
    "Theo Bộ Y_tế , số ca mắc mới trong ngày 3/4 đã giảm 20 % .",
    "Sáng 12/3 , ông Trần_Văn_Bình , Chủ_tịch UBND tỉnh , đã kiểm_tra hiện_trường .",
    "Tổng_thống Mỹ Joe_Biden và Chủ_tịch Trung_Quốc Tập_Cận_Bình điện_đàm hơn hai giờ .",
    "Cơn bão số 3 đổ_bộ vào Quảng_Ninh với sức gió mạnh cấp 12 .",
    "Giá xăng tăng 1.200 đồng mỗi lít từ 15h chiều nay .",
    "Bà Nguyễn_Thị_Hồng , Thống_đốc Ngân_hàng Nhà_nước , chủ_trì hội_nghị .",
    "Đội_tuyển Việt_Nam thắng Thái_Lan 2-1 trên sân Mỹ_Đình .",
    "Ngoại_trưởng Nga Sergei_Lavrov đến Bắc_Kinh hôm 20/5 .",
    "Công_an huyện Gia_Lâm đã khởi_tố vụ_án và bắt_giữ hai đối_tượng .",
    "Học_sinh lớp 12 sẽ thi tốt_nghiệp vào ngày 27/6/2024 .",
    "Hà_Nội ghi_nhận nhiệt_độ cao nhất 40 độ C vào trưa nay .",
    "Ông Lê_Văn_Thành nói rằng dự_án sẽ hoàn_thành trong năm nay .",
    "Thủ_tướng Nhật_Bản Fumio_Kishida thăm chính_thức Việt_Nam từ 1 đến 3/10 .",
    "Trường Đại_học Bách_khoa Hà_Nội tuyển_sinh 8.000 chỉ_tiêu .",
    "Giá vàng SJC lên mức 74,5 triệu đồng mỗi lượng .",
    "Bệnh_viện Bạch_Mai tiếp_nhận 12 bệnh_nhân bị ngộ_độc thực_phẩm .",
    "Nghệ_sĩ Nhân_dân Trần_Hiếu qua_đời ở tuổi 92 .",
    "Cảnh_sát Hàn_Quốc điều_tra vụ tai_nạn khiến 5 người tử_vong .",
    "Tiền_đạo Nguyễn_Tiến_Linh ghi bàn ở phút 78 .",
    "Tổng_thống Ukraine Volodymyr_Zelensky kêu_gọi phương Tây viện_trợ thêm vũ_khí .",
    "Người_dân TP.HCM đổ ra đường xem pháo_hoa đêm giao_thừa .",
    "Ông Nguyễn_Văn_Hùng , 45 tuổi , trú tại xã Tân_Phú , bị_thương nặng .",
]


def _pairs() -> list[tuple[str, list[str]]]:
    out = []
    for line in GOLD:
        words = line.split()
        text = " ".join(w.replace("_", " ") for w in words)
        # The gold text is written the usual way: no space before punctuation, none inside 7/12.
        for p in (" .", " ,", " %"):
            text = text.replace(p, p.strip())
        out.append((text, words))
    return out


def _score(segmenter) -> Score:
    score = Score()
    for text, gold in _pairs():
        score.add(segmenter(text), gold)
    return score


def test_gold_texts_cover_the_same_characters() -> None:
    for text, gold in _pairs():
        assert Score().add(newslab.segment(text), gold) is None
    assert _score(newslab.segment).skipped == 0


def test_segment_beats_pyvi_on_gold() -> None:
    ours = _score(newslab.segment)
    pyvi = _score(lambda t: ViTokenizer.tokenize(t).split())
    assert pyvi.skipped == 0
    assert ours.f1 > pyvi.f1 + 0.05
    assert ours.f1 >= 0.9


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Ngày 7/12 trời mưa.", "7/12"),
        ("Lúc 20h35 xe tới.", "20h35"),
        ("Lúc 20:35 xe tới.", "20:35"),
        ("Giá 94.000 đồng.", "94.000"),
        ("Người dân TP.HCM vui mừng.", "TP.HCM"),
        ("PGS.TS Lê Anh cho biết.", "PGS.TS"),
        ("Tỷ số 2-1 nghiêng về chủ nhà.", "2-1"),
        ("Ngày 27/6/2024 là ngày thi.", "27/6/2024"),
        ("Dịch Covid-19 đã lắng xuống.", "Covid-19"),
    ],
)
def test_numbers_dates_abbreviations_are_single_tokens(text: str, token: str) -> None:
    assert token in newslab.segment(text)


def test_spaced_dash_and_place_pairs_stay_apart() -> None:
    words = newslab.segment("Tuyến Hà Nội - Hải Phòng và Hà Nội-Hải Phòng thông xe.")
    assert words.count("Hà_Nội") == 2
    assert "Hà_Nội-Hải_Phòng" not in words


def test_segment_is_sentence_by_sentence_and_keeps_words() -> None:
    text = "Ông A đến TP. HCM. Bà Nguyễn Thị B ở Hà Nội.\nHết."
    assert split_sentences(text) == ["Ông A đến TP. HCM.", "Bà Nguyễn Thị B ở Hà Nội.", "Hết."]
    words = newslab.segment(text)
    assert "".join(words).replace("_", "") == text.replace(" ", "").replace("\n", "")
    assert "Nguyễn_Thị_B" in words


def test_segment_empty_and_whitespace() -> None:
    assert newslab.segment("") == []
    assert newslab.segment(" \n\t ") == []


def test_segment_is_deterministic_and_keeps_case() -> None:
    text = "Chiều 3/4, Bộ Ngoại giao Mỹ và Điện Kremlin ra thông báo."
    first = newslab.segment(text)
    assert first == newslab.segment(text)
    assert "Điện_Kremlin" in first
    assert all("_" not in w or w.replace("_", " ") in text for w in first)


def test_all_caps_headline_is_not_one_name() -> None:
    words = newslab.segment("HÀ NỘI CẤM XE MÁY TỪ NĂM 2030")
    assert len(words) >= 4


def test_segment_many_matches_segment(tmp_path) -> None:
    texts = ["Tổng thống Nga Vladimir Putin phát biểu.", "", "Hà Nội 7/12.", "Tổng thống Nga Vladimir Putin phát biểu."]
    expected = [newslab.segment(t) for t in texts]
    assert newslab.segment_many(texts, cache_dir=tmp_path, progress=False) == expected
    assert newslab.segment_many(texts, cache_dir=tmp_path, progress=False) == expected
    assert newslab.segment_many(texts, cache_dir=False, n_jobs=1) == expected


def test_segment_many_in_two_processes(tmp_path) -> None:
    texts = [f"Ông Nguyễn Văn {chr(65 + i % 26)} đến Hà Nội ngày {i % 28 + 1}/12." for i in range(260)]
    got = newslab.segment_many(texts, n_jobs=2, cache_dir=False, progress=False)
    assert got == [newslab.segment(t) for t in texts]


def test_segment_many_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="texts\\[1\\]"):
        newslab.segment_many(["a", None], cache_dir=False)  # type: ignore[list-item]


def test_cache_dir_from_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLAB_CACHE_DIR", str(tmp_path / "c"))
    newslab.segment_many(["Hà Nội"], progress=False)
    assert any((tmp_path / "c").iterdir())


def test_stopwords_are_function_words_not_speech_cues() -> None:
    words = newslab.stopwords()
    assert {"của", "và", "những", "đã", "trong"} <= words
    assert not {"cho_biết", "nói", "cho_rằng", "khẳng_định"} & words
    assert all(w == w.lower() and " " not in w for w in words)


def test_pos_tag() -> None:
    tagged = newslab.pos_tag(newslab.segment("Ông Nguyễn Văn An đến Hà Nội."))
    assert ("Hà_Nội", "Np") in tagged
    assert newslab.pos_tag([]) == []
    # a text is segmented first (it had been tagged one character at a time)
    text = "Kho chứa vải ở quận Tân Bình cháy lúc rạng sáng."
    assert newslab.pos_tag(text) == newslab.pos_tag(newslab.segment(text))
    assert newslab.pos_tag(text)[5] == ("Tân_Bình", "Np")


def test_long_title_case_text_is_linear_and_safe() -> None:
    text = " ".join(["Mỹ Nguyễn Văn A Mỹ Joe Biden"] * 2000)  # no punctuation at all
    words = newslab.segment(text)
    assert "".join(words).replace("_", "") == text.replace(" ", "")


def _segment_many_in_worker(texts: list[str]) -> list[list[str]]:
    return newslab.segment_many(texts, cache_dir=False, progress=False)


def test_segment_many_inside_a_daemonic_worker_stays_serial() -> None:
    import multiprocessing

    texts = [f"Bà Trần Thị {chr(65 + i % 26)} về Huế ngày {i % 28 + 1}/3." for i in range(220)]
    with multiprocessing.get_context("fork").Pool(1) as pool:
        got = pool.apply(_segment_many_in_worker, (texts,))
    assert got == [newslab.segment(t) for t in texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Báo Tuổi Trẻ Tăng Hữu Phong viết.", ["Tuổi_Trẻ", "Tăng_Hữu_Phong"]),
        ("Hãng Vietjet Nguyễn Thị Phương Thảo nói.", ["Vietjet", "Nguyễn_Thị_Phương_Thảo"]),
        ("Ông Trần Nguyễn Hoài Nam nói.", ["Trần_Nguyễn_Hoài_Nam"]),
        ("Quận Bắc Từ Liêm và tỉnh Bình Dương.", ["Bắc_Từ_Liêm", "Bình_Dương"]),
        ("Trung Quốc gia tăng sức ép.", ["Trung_Quốc", "gia_tăng"]),
    ],
)
def test_name_boundaries(text: str, expected: list[str]) -> None:
    words = newslab.segment(text)
    assert all(e in words for e in expected), words


def test_title_case_headline_is_left_as_pyvi_segments_it() -> None:
    # As pyvi segments it in its own spelling (tone marks as in its word list: "Doạ"), with
    # the words written as in the text ("Dọa")
    text = "Nga Lập Tức Dọa Trừng Phạt Các Nước Phương Tây"
    spelled = newslab.normalize(text, tone_style="new")
    words = newslab.segment(text)
    assert "".join(words).replace("_", "") == text.replace(" ", "")
    assert [newslab.normalize(w, tone_style="new") for w in words] == (
        ViTokenizer.tokenize(spelled).split()
    )


def test_word_boundaries_do_not_depend_on_tone_placement() -> None:
    # pyvi's word list spells "hoá học", "thuỷ điện", "hoà bình"; text in the other placement
    # ("hóa học") had been cut as pyvi cuts it: "chất_độc_hóa | học"
    old = "Đây là điểm nóng ô nhiễm chất độc hóa học dioxin, gần nhà máy thủy điện Hòa Bình."
    new = newslab.normalize(old, tone_style="new")
    assert "chất_độc_hóa" in ViTokenizer.tokenize(old).split()
    assert [newslab.normalize(w, tone_style="new") for w in newslab.segment(old)] == (
        newslab.segment(new)
    )
    assert "hóa_học" in newslab.segment(old)
