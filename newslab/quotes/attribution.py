"""Find who says what in one sentence: speech cues with their subject, and `Theo X, …`.

`find_cues` returns the speech cues of a sentence (cho biết, khẳng định, dẫn lời, cho VTC News
biết, …) that are used as reporting verbs: not negated (`không cho biết`), not agentless
(`được cho biết`), not nominal (`lời cảnh báo`), and with reported content. `subject_before`
finds the phrase naming the source (handling apposition `ông X, Giám đốc Y, cho biết` and
relays `Reuters dẫn nguồn quan chức Mỹ cho biết`), and `find_theo` the `Theo X, …` sources
(not `Theo đó`, `theo kế hoạch`, `Theo quan sát của phóng viên`). Quoted text is masked
beforehand, so words inside a quotation are never cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newslab.quotes.lexicon import load_lexicon
from newslab.quotes.speakers import name_dashes

# Previous words that make a cue not a report: negation, passive, nominal or modal use.
_BAD_BEFORE = frozenset(
    "được bị không chưa chẳng đừng chối thể muốn để sẽ lời sự các những một trong theo "
    "của với cuộc lần mà có hay hoặc khi đang cần nên dám định đáng tiếp kịp vẫn lúc sau "
    "trước tại nhằm hỏi ai nào động gửi nhận mong đơn thư bởi chấp câu bài".split()
)
# A time phrase ending in a word of `_BAD_BEFORE`: "Bộ Quốc phòng Nga tuần trước cho biết".
_TIME_BEFORE = frozenset(
    (n, w) for n in ("tuần", "tháng", "năm", "hôm", "ngày") for w in ("trước", "sau")
)
# Words before a cue (lowercase, as written) that make it part of a noun ("công nghệ thông
# tin", "nguồn thông tin", "giải quyết tố cáo", "xử lý tố cáo", "người tố cáo").
_BAD_BEFORE_CUE = {
    "thông tin": frozenset({"nghệ", "trang", "nguồn", "hệ", "mạng", "kênh", "cận"}),
    "dẫn": frozenset({"hướng", "chỉ"}),  # "hướng dẫn" (guide), "chỉ dẫn" (directions)
    "tố cáo": frozenset({"quyết", "lý", "người"}),
    "khai": frozenset({"triển", "công"}),  # "triển khai" (to deploy), "công khai" (publicly)
    # "dấu xác nhận", "phần xác nhận", "giấy xác nhận" (a stamp, a field, a certificate)
    "xác nhận": frozenset({"dấu", "phần", "giấy", "mục", "ô", "chữ"}),
    # "Bản tuyên bố chủ tịch" (the statement), "Tái khẳng định" (reaffirming), "dẫn phát biểu"
    "tuyên bố": frozenset({"bản", "Bản"}),
    "cam kết": frozenset({"bản", "Bản"}),
    "kiến nghị": frozenset({"bản", "Bản"}),
    "khẳng định": frozenset({"tái", "Tái"}),
    # "đối mặt cáo buộc" (facing charges), "Nga bác (bỏ) cáo buộc" (rejects the charge)
    "cáo buộc": frozenset({"mặt", "bác", "bỏ"}),
    "phát biểu": frozenset({"dẫn"}),
    # "Cách nói …", "lời nói", "tiếng nói", "câu nói" (a way of speaking, speech, a voice)
    "nói": frozenset({"cách", "Cách", "lối", "Lối", "lời", "Lời", "tiếng", "Tiếng", "câu", "Câu"}),
    # "công bố thông báo kết luận", "ký ban hành Thông báo" (a notice)
    "thông báo": frozenset({"bố", "hành"}),
}
_DEMONSTRATIVE = frozenset({"này", "ấy"})  # (not "trên": "cho biết trên địa bàn …")
# Next words that turn a cue into another word (nói chuyện, kể cả, khai thác, ...).
_BAD_AFTER = {
    "nói": {
        "chuyện",
        "dối",
        "lời",
        "qua",
        "lên",
        "ra",
        "giọng",
        "riêng",
        "chung",
        "gì",
        "cười",
        "tiếng",
        "xấu",
        "khoác",
        "ngọng",
        "dóc",
        "lái",
    },
    "kể": {"cả", "từ", "chuyện", "tên", "lể"},
    "khai": {
        "thác",
        "trương",
        "mạc",
        "báo",
        "sinh",
        "triển",
        "giảng",
        "hoang",
        "phá",
        "man",
        "mở",
        "hỏa",
        "thông",
        "tử",
        "quật",
        "thị",
        "thuế",
        "hải",
        "chiến",
        "cuộc",
    },
    "hứa": {"hẹn", "hôn"},
    "viết": {"bài", "thư", "sách", "tiếp", "lại", "nhạc", "kịch", "về"},
    "thông tin": {"về", "cá", "nhân", "liên", "chi", "này", "đó", "trên", "sai", "giả", "tài"},
    "cung cấp thông tin": {"về", "cá", "liên", "chi", "này", "đó", "trên", "sai", "giả", "tài"},
    "đánh giá": {"cao", "thấp", "tác", "lại", "về"},
    "trả lời": {"câu", "thư", "phỏng"},
    "phát biểu": {"khai", "chào", "bế", "tại", "trước"},
    "công bố": {"quyết", "thông", "danh", "kết"},
    "bổ sung": {"vào", "thêm", "nguồn", "vốn", "hồ", "kinh", "vitamin", "chất", "lực"},
    "cam kết": {"đầu"},
    # "tuyên bố độc lập / phá sản / tình trạng khẩn cấp / thiết quân luật": an act, no words
    "tuyên bố": {"độc", "phá", "tình", "thiết"},
    "dẫn": {
        "đến",
        "tới",
        "đầu",
        "dắt",
        "độ",
        "chứng",
        "giải",
        "nước",
        "điện",
        "đường",
        "ra",
        "vào",
        "theo",
        "bóng",
        "dụ",
        "khách",
        "lối",
        "truyền",
        "đi",
        "về",
        "trước",
        "tiếp",
        "chương",
        "xuất",
        "lên",
    },
    "chỉ ra": {"ngoài"},
}
# Objects that make a request a command in a scene (`yêu cầu chị đưa tiền`).
_PERSON_OBJECT = frozenset(
    "ông bà anh chị em cô chú cháu gia mọi người nạn tài họ hắn nó mình tôi".split()
)
_PLACE_WORDS = frozenset({"tại", "trước", "ở", "trong"})  # "(phát biểu) tại hội nghị"
# Cues that need visible content right after them (`:`, `,`, `rằng`, a quotation).
_WEAK = frozenset(
    "trả lời|phát biểu|chia sẻ|thông tin|cung cấp thông tin|viết|lên tiếng|trình bày|kể|kể lại|bổ sung|giải thích|"
    "bày tỏ|công bố|đánh giá|khai|khai nhận|nhận xét|bình luận|tâm sự|thổ lộ|trấn an|phản ánh|"
    "dự báo|nói|nói thêm|nhắc lại|đưa tin".split("|")
)
_CONTENT_START = re.compile(
    r"^\s*(?:[:,“\"«]|rằng\b|là\b|với\s+[^,:]{1,40}?(?:[:,]|\s+rằng\b)|thêm\b)"
)
_BOUNDARY = re.compile(r"[,;:“”\"«»]|\s[-–—]\s")
_THEO = re.compile(r"(?:^|(?<=[,;:(]))\s*([Tt]heo)\s+")
_CHO_BIET = re.compile(
    r"(?<!\w)(cho)\s+((?:[^\s,.:;]+\s+){0,3}?[^\s,.:;]+)\s+(biết)(?!\w)", re.IGNORECASE
)


_BIET = re.compile("biết", re.IGNORECASE)  # cheap test before _CHO_BIET, which needs it


@dataclass
class Cue:
    """A speech cue in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    kind: str


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    r"""Any cue as a whole word, longest first: `(?<!\w)(?:cue|cue|…)(?!\w)`.

    The alternatives are grouped by their first letter, `c(?:ho biết|…)|k(?:hẳng định|…)`, in
    the same order within a group: at a given position only the group of the letter there can
    match, so the match is the one the flat longest-first list gives, found about 3x faster.
    """
    cues = sorted(load_lexicon().cues, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for cue in cues:
        groups.setdefault(cue[0], []).append(cue[1:])
    firsts = list(groups)
    if any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in firsts for b in firsts if a != b):
        # two first letters equal up to case: keep the flat list, whose order decides
        alternation = "|".join(_spaced(c) for c in cues)
    else:
        alternation = "|".join(
            re.escape(first) + "(?:" + "|".join(_spaced(rest) for rest in rests) + ")"
            for first, rests in groups.items()
        )
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lower_cue_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`_cue_pattern` for lower-cased text, and the characters for which it is the same.

    Case-insensitive matching is slow; on `text.lower()` a case-sensitive pattern whose
    alternatives start with a letter is searched letter by letter, about twice as fast. It
    finds the same matches where every character lower-cases to one character that has the
    same word/space class and matches a cue letter exactly when `re.IGNORECASE` says so: the
    first pattern finds a character outside that (checked) set, then the slow path is used.
    """
    cues = sorted(load_lexicon().cues, key=len, reverse=True)
    letters = {ch for cue in cues for ch in cue if not ch.isspace()}
    folds = [(c, re.compile(re.escape(c), re.IGNORECASE)) for c in sorted(letters)]

    def same(ch: str) -> bool:
        low = ch.lower()
        return (
            len(low) == 1
            and bool(_WORD_CHAR.match(ch)) == bool(_WORD_CHAR.match(low))
            and ch.isspace() == low.isspace()
            and all((fold.fullmatch(ch) is not None) == (low == c) for c, fold in folds)
        )

    # Latin (with Vietnamese letters), general punctuation, and the masks "#" and "/"
    candidates = [chr(k) for k in (9, 10, 13, *range(0x20, 0x250), *range(0x1E00, 0x2070))]
    safe = "".join(ch for ch in candidates if same(ch))
    groups: dict[str, list[str]] = {}
    for cue in cues:
        groups.setdefault(cue[0], []).append(cue[1:])
    alternation = "|".join(
        re.escape(first)
        + r"(?<!\w.)(?:"
        + "|".join(re.escape(rest).replace(r"\ ", r"\s+") for rest in rests)
        + ")"
        for first, rests in groups.items()
    )
    return re.compile("[^" + re.escape(safe) + "]"), re.compile(rf"(?:{alternation})(?!\w)")


def _spaced(words: str) -> str:
    return re.escape(words).replace(r"\ ", r"\s+")


_SPACE_RUN = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def find_cues(masked: str) -> list[Cue]:
    """Speech cues used as reporting verbs in a sentence whose quotations are masked.

    Args:
        masked: The sentence with the inside of quotations replaced (see `mask_quotes`).

    Returns:
        Cues in order of position.

    Example:
        >>> [c.text for c in find_cues("Bà Tươi cho biết thêm, nhiều lần đưa tiền.")]
        ['cho biết thêm']
    """
    lex = load_lexicon()
    found: list[Cue] = []
    unsafe, lower_cues = _lower_cue_pattern()
    if unsafe.search(masked):
        matches = [(m.start(), m.end()) for m in _cue_pattern().finditer(masked)]
    else:  # the same matches, found faster
        matches = [(m.start(), m.end()) for m in lower_cues.finditer(masked.lower())]
    for start, end in matches:
        group = masked[start:end]
        text = _SPACE_RUN.sub(" ", group.lower())
        found.append(Cue(start, end, group, lex.cues[text]))
    for m in _CHO_BIET.finditer(masked) if _BIET.search(masked) else ():
        addressee = m.group(2)
        if addressee[:1].isupper() or addressee.lower() in {
            "phóng viên",
            "pv",
            "báo chí",
            "báo giới",
        }:
            found = [c for c in found if not (m.start() <= c.start < m.end())]
            found.append(Cue(m.start(), m.end(), m.group(), "say"))
    kept = []
    for cue in sorted(found, key=lambda c: c.start):
        low = _SPACE_RUN.sub(" ", cue.text.lower())
        window = masked[max(0, cue.start - 30) : cue.start]
        before = _words(window)
        after_text = masked[cue.end :]
        after = _words(after_text[:30])
        named = _WORD.findall(window)[-2:]
        if len(named) == 2 and named[-1][:1].isupper():
            before = []  # "Bộ trưởng Thể (cho biết)", "ông Định (nói)": a name, not "có thể"
        if before and (
            (before[-1] in _BAD_BEFORE and tuple(before[-2:]) not in _TIME_BEFORE)
            or (before[-1] == "việc" and before[-2:-1] != ["vụ"])
            or before[-2:] == ["nội", "dung"]  # "nội dung tố cáo" (not the name "Dung")
            or before[-2:] == ["thực", "hiện"]  # "thực hiện cam kết" (fulfil a commitment)
        ):
            continue
        if (
            low in _BAD_BEFORE_CUE
            and masked[: cue.start].split()[-1:]
            and (masked[: cue.start].split()[-1] in _BAD_BEFORE_CUE[low])
        ):  # as written: "Thu Trang thông tin thêm" is a person informing
            continue
        if after and (after[0] in _BAD_AFTER.get(low, ()) or after[0] == "của"):
            if not (after[0] in _PLACE_WORDS and _quote_before(masked, cue.start)):
                continue  # (but `”, ông X phát biểu tại …`: the quotation is what was said)
        if after and after[0] in _DEMONSTRATIVE and after_text[:1] == " ":
            continue  # "đề xuất này", "yêu cầu ấy": a noun, no cue
        if cue.kind == "request" and after and after[0] in _PERSON_OBJECT:
            continue  # a command inside a narrated scene, not a position
        if low == "dẫn" and not (
            after_text.lstrip()[:1].isupper()
            or (after and after[0] in {"lời", "nguồn", "thông", "tuyên", "ý", "phát"})
        ):
            continue
        if (
            low in _WEAK
            and not _CONTENT_START.match(after_text)
            and not _quote_before(masked, cue.start)
        ):
            continue
        if low.startswith("cho ") and low.endswith(" biết") and not low.startswith("cho biết"):
            pass
        kept.append(cue)
    return kept


def _quote_before(masked: str, pos: int) -> bool:
    """Whether a quotation closes shortly before `pos` (`”, ông X nói`)."""
    head = masked[max(0, pos - 60) : pos]
    return bool(_QUOTE_CLOSED.search(head))


def mask_quotes(sentence: str, regions: list[tuple[int, int]]) -> str:
    """Replace the inside of quotations (and parentheses' commas) so rules skip them.

    Args:
        sentence: Sentence text.
        regions: Quotation spans relative to the sentence.

    Returns:
        A string of the same length with quoted characters replaced by `#`.

    Example:
        >>> mask_quotes('A nói: "x y"', [(7, 12)])
        'A nói: "###"'
    """
    if " - " in sentence:
        # "Kim Dong - yub nhận định", "Bộ KH - ĐT": no clause boundary (see `name_dashes`)
        for at in name_dashes(sentence, acronyms_places=True):
            sentence = sentence[:at] + "~" + sentence[at + 1 :]
    if not regions and "(" not in sentence:
        return sentence  # nothing to mask
    chars = list(sentence)
    for start, end in regions:
        inner_end = end - 1 if end - 1 > start and sentence[end - 1] in '”"»’' else end
        if inner_end > start + 1:
            chars[start + 1 : inner_end] = _NOT_NEWLINE.sub("#", sentence[start + 1 : inner_end])
    if "(" not in sentence:  # no parenthesis, nothing to protect
        return "".join(chars)
    masked = "".join(chars)
    depth = 0
    for m in _PAREN_OR_STOP.finditer(masked):
        ch = m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            chars[m.start()] = "/"
    return "".join(chars)


_NOT_NEWLINE = re.compile(r"[^\n]")
_PAREN_OR_STOP = re.compile(r"[();:,]")


def clause_start(masked: str, pos: int, floor: int = 0) -> int:
    """Start of the clause that ends at `pos` (after the last comma, colon, quote or dash)."""
    last = floor
    for m in _BOUNDARY.finditer(masked, floor, pos):
        last = m.end()
    return last


def segments_before(masked: str, pos: int, floor: int = 0) -> list[tuple[int, int]]:
    """Comma-separated segments before `pos`, nearest first: `[(start, end), ...]`."""
    cuts = [floor] + [m.end() for m in _BOUNDARY.finditer(masked, floor, pos)]
    ends = [m.start() for m in _BOUNDARY.finditer(masked, floor, pos)] + [pos]
    return list(reversed(list(zip(cuts, ends, strict=True))))


def find_theo(masked: str) -> list[tuple[int, int, int]]:
    """`Theo X` source phrases: `(theo_start, x_start, x_end)` relative to the sentence.

    Only at the start of the sentence or of a clause, or closing the sentence (`…, theo RT.`);
    the phrase runs to the next comma. Whether X is a source is decided by the caller.

    Example:
        >>> s = "Theo Reuters, hơn 94.000 binh sĩ Nga đang tập trung."
        >>> [(s[a:b]) for _, a, b in find_theo(s)]
        ['Reuters']
    """
    out: list[tuple[int, int, int]] = []
    if "heo" not in masked:  # no `Theo`/`theo` for _THEO to find
        return out
    for m in _THEO.finditer(masked):
        x_start = m.end()
        stop = _THEO_STOP.search(masked, x_start)
        if stop and stop.group().strip() in "-–—":
            # "Theo ông Trần Quang Năng - trưởng phòng Dự báo …, đợt mưa …" and "Theo Bộ Tài
            # nguyên - Môi trường, …": a dash inside the phrase; it runs on to the comma
            comma = _THEO_CLAUSE_STOP.search(masked, stop.end())
            if comma and comma.group() == ",":
                stop = comma
        x_end = stop.start() if stop else len(masked.rstrip(". "))
        if x_end <= x_start:
            continue
        at_start = masked[: m.start(1)].strip(" ,;:(") == ""
        at_end = masked[x_end:].strip(" .)") == ""
        after_comma = masked[: m.start(1)].rstrip().endswith((",", ";", ":", "("))
        if at_start or at_end or after_comma:
            out.append((m.start(1), x_start, x_end))
    return out


def theo_is_source(phrase: str) -> bool:
    """Whether `Theo <phrase>` names an information source rather than a plan or a rule."""
    lex = load_lexicon()
    low = phrase.lower().strip()
    from newslab.quotes.speakers import _INFO_NOUNS, _REPORTER  # one place for these patterns

    no_doc = _INFO_NOUNS.sub("", phrase).strip()
    if no_doc != phrase.strip() and re.match(
        r"(?:phóng viên|pv|chúng tôi|tôi|báo)(?:\s|$)", no_doc.lower()
    ):
        return False  # "Theo ghi nhận của phóng viên (Báo X)": the outlet's own observation
    stripped = _REPORTER.sub("", no_doc).strip()
    if stripped != phrase.strip():
        return bool(stripped)
    for entry in lex.words("theo_not_source"):
        e = entry.lower()
        if low == e or low.startswith(e + " "):
            return False
    return True


# Patterns compiled once (they run for every sentence or speaker phrase).
_QUOTE_CLOSED = re.compile(r"[”\"»][,.]?\s*(?:[-–—]\s*)?[^,;:“”\"]*$")
_THEO_STOP = re.compile(r"[,;:“”\"«»]|\.\s*$|\s[-–—]\s")
_THEO_CLAUSE_STOP = re.compile(r"[,;:“”\"«»]|\.\s*$")
_WORD_CHAR = re.compile(r"\w")
