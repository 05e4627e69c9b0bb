"""How terms are shown to a reader, and which terms are not worth showing.

Terms are keyed internally as syllables joined by `_` (`máy_bay`, names `^ai_cập`). A reader sees the
form the corpus itself uses most (`Ai Cập`, `Điện Kremlin`, `khủng bố`). Junk (numbers, dates,
punctuation, single letters, stopwords and function words) never reaches a term table.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from newslab._term_names import NAME_MARK

# POS tags (VLSP tagset, as pyvi uses it) of function words: prepositions, conjunctions,
# pronouns, adverbs, determiners, numerals, particles, interjections, punctuation.
FUNCTION_TAGS = frozenset({"E", "C", "CC", "P", "R", "L", "M", "T", "I", "F", "CH", "Z", "X"})

# Words every news story uses that say nothing about the story: reporting and linking verbs,
# forms of address, calendar words, numerals. Added to `newslab.stopwords()`.
_NEWS_FILLER = frozenset(
    """
    ông bà anh chị em cô chú bác ngài cho_biết nói rằng theo cũng đã đang sẽ được bị
    cho biết hôm thứ cuộc vụ phải cặp đôi tỉ ngày tháng năm giờ phút tuần hôm_nay hôm_qua sáng chiều tối trưa đêm
    người việc điều cách lần vụ_việc thông_tin ảnh nguồn video clip xem_thêm
    tin báo đưa_tin đăng theo_đó tuy_nhiên ngoài_ra bên_cạnh đồng_thời hiện_nay trước_đó sau_đó
    khoảng hơn gần nhiều ít các những một hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn triệu tỷ
    thực_hiện đưa đưa_ra khiến cho_rằng tiếp_tục diễn_ra có_thể nhằm liên_quan bao_gồm cùng
    lớn mới cao trong_khi hiện đây đó này
    """.split()
)

# Capitalised words that are not names: titles before a name ("HLV Park Hang-seo", "TP. HCM",
# "GS Ngô Bảo Châu") and weekdays ("thứ Năm").
_TITLE_ABBREVIATIONS = frozenset(
    "hlv clb tp tp. ubnd cp tnhh gs ts pgs ths bs ks ls ngài ông bà".split()
    # weekdays: "thứ Năm", "thứ Hai"
    + "hai ba tư năm sáu bảy".split()
)

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    try:
        from newslab import stopwords

        words = stopwords()
    except (ImportError, FileNotFoundError, OSError):
        words = frozenset()
    return frozenset(w.lower() for w in words) | _NEWS_FILLER


def display_form(key: str, surfaces: dict[str, Counter] | None = None) -> str:
    """The form a reader sees: the most frequent surface form, syllables joined by spaces.

    Args:
        key: A term key (`^ai_cập`).
        surfaces: Surface-form counts per key, as `extract_terms` collects them.

    Returns:
        The most frequent surface form; ties go to the form with more capitals, then to the
        alphabetically first. Without counts, the key with spaces.

    Example:
        >>> display_form("^ai_cập", {"^ai_cập": Counter({"Ai Cập": 9, "AI CẬP": 1})})
        'Ai Cập'
    """
    counts = (surfaces or {}).get(key)
    if not counts:
        return key.removeprefix(NAME_MARK).replace("_", " ")
    best = min(counts.items(), key=lambda kv: (-kv[1], -sum(c.isupper() for c in kv[0]), kv[0]))
    return best[0].replace("_", " ")


def is_junk(key: str, tags: Counter | None = None, *, stopwords: frozenset[str] | None = None) -> bool:
    """Whether a term is not worth showing.

    Junk: no letter (numbers, dates, punctuation), a single character, a number with a unit
    ("11km", "2h45"), or, for common (lowercase) words, a stopword or news filler word
    ("cho biết", "ông") or a word tagged mostly as a function word (preposition, pronoun,
    adverb, numeral, ...). Names (keys with capitals) are never stopwords.

    Args:
        key: A term key (`máy_bay`).
        tags: POS tag counts of the term, if known.
        stopwords: Lowercase `_`-joined stopwords; defaults to `newslab.stopwords()` plus news
            filler words.

    Returns:
        True when the term should not be shown.

    Example:
        >>> is_junk("7/12"), is_junk("của"), is_junk("khủng_bố")
        (True, True, False)
    """
    words = _stopwords() if stopwords is None else stopwords
    is_name = key.startswith(NAME_MARK)
    body = key[1:] if is_name else key
    if len(_LETTER.findall(body)) <= 1:
        return True  # "7/12", "T.", "x"
    if body[0].isdigit():
        return True  # "11km", "2h45"
    if is_name:
        # "Anh" (Britain) is not the stopword "anh"; only titles in capitals are junk.
        return body in _TITLE_ABBREVIATIONS
    syllables = body.split("_")
    if body in words or all(s in words for s in syllables):
        return True
    if tags:
        tag, _ = max(tags.items(), key=lambda kv: (kv[1], kv[0]))
        if "_" not in key and (tag in FUNCTION_TAGS or tag == "Nc"):
            return True  # function words, and classifiers ("cuộc", "chiếc") on their own
    return False
