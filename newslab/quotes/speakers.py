"""Read a speaker phrase: name, kind, role and gender, resolved within the article.

A cue's subject (`Người phát ngôn Điện Kremlin Dmitry Peskov`, `ông Chính`, `Hội nghề cá`,
`một quan chức Mỹ`) becomes a `Speaker`: honorifics are dropped (and give the gender), titles
become the role, and short references are expanded to the fullest name the article gives
(`ông Peskov` -> `Dmitry Peskov`; Vietnamese people by the given name, `ông Chính` ->
`Phạm Minh Chính`; Chinese and Korean people often by the family name). Everything is rules over
the raw text: capitalisation, the word lists in `lexicon`, and an index of the people the
article names (`PeopleIndex`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

from newslab._segment_rules import _known_words
from newslab._spaced_names import join_spaced_names, name_dash_offsets
from newslab._term_names import _looks_vietnamese
from newslab.quotes.lexicon import load_lexicon
from newslab.quotes.sentences import _newlines

_TOKEN = re.compile(r"\S+")
_EDGE = "“”\"'‘’«»()[],;:.!?–—-…"
_INFO_NOUNS = re.compile(
    r"^(?:theo\s+)?(?:(?:bản|các|một)\s+)?(?:thông tin|thông báo|thông cáo(?: báo chí)?|văn bản|công văn|"
    r"báo cáo(?: nhanh)?|tuyên bố|số liệu|thống kê|kết quả(?: điều tra| khám nghiệm)?|"
    r"điều tra|hồ sơ|lời khai|trình báo|ước tính|dự báo|nghiên cứu|khảo sát|đánh giá|"
    r"phân tích|tin|tin tức|nguồn tin|lời|ý kiến|phát biểu|đơn|thư|quan sát|ghi nhận|xác nhận|"
    r"kết luận|dữ liệu|cập nhật|trang web|website|tài khoản|phản ánh|tường trình)"
    r"(?:\s+(?:chính thức|mới nhất|mới|ban đầu|sơ bộ|nhanh|trên mạng xã hội))?\s+(?:của|từ|trên)\s+",
    re.IGNORECASE,
)
# "(Theo) lời kể của X", "chia sẻ của X": X's own words (but "chia sẻ trên báo X" is no source)
_OWN_WORDS = re.compile(
    r"^(?:theo\s+)?(?:như\s+)?(?:lời kể|chia sẻ|tâm sự|tiết lộ)\s+của\s+", re.IGNORECASE
)
_CONNECTIVE = re.compile(
    r"^(?:trong khi đó|tuy nhiên|đồng thời|ngoài ra|bên cạnh đó|mặt khác|sau đó|trước đó|"
    r"còn|và|nhưng|thế nhưng|song|cùng lúc|cũng|vì thế|vì vậy|do đó|như vậy|ban đầu|hiện nay|"
    r"hiện|cụ thể|thậm chí|đặc biệt|riêng|trong đó|về phía|phía|mặc dù|dù|tuy|hay|hoặc|khi|lúc|nếu|"
    r"đáp lại)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
_REPORTER = re.compile(r"^(?:phóng viên|PV|nhà báo)\s+(?=[A-ZĐ])")
_AUX_STOP = frozenset(
    "cũng còn đã vừa mới đều thì lại từng sẽ đang hôm sáng chiều tối trưa đêm trong tại "
    "khi qua sau trước bằng vẫn luôn liên tục nhiều tiếp ngay chính chỉ là để nhằm vì nên bị vào "
    "hồi dự thường rạng".split()
)
# Time phrases after a subject: "đầu tuần", "cuối tháng 5", "gần đây", "tuần trước".
_TIME_EDGE = frozenset({"đầu", "cuối", "giữa"})
_TIME_NOUNS = frozenset({"ngày", "tuần", "tháng", "năm", "quý"})
_TIME_PAIRS = frozenset(
    {("gần", "đây"), ("hôm", "nay"), ("không", "lâu")}
    | {(n, w) for n in ("tuần", "tháng", "năm") for w in ("này", "qua", "trước", "ngoái", "tới")}
)
# How a source speaks, between the source and the cue ("nữ ca sĩ thẳng thắn cho biết").
_MANNER = frozenset(
    "thẳng thắn|thẳng thừng|bất ngờ|bức xúc|tự tin|vui vẻ|đồng loạt|lập tức|lên tiếng|hào hứng|"
    "xúc động|nghẹn ngào|kiên quyết|dứt khoát|công khai|nhanh chóng|buồn bã|tiếc nuối|hài hước|"
    "mạnh mẽ|nhẹ nhàng|thành thật|thận trọng|khiêm tốn|hồ hởi|phấn khởi|tươi cười|trầm ngâm|"
    "chậm rãi|bộc bạch|giận dữ|tức giận|lo lắng|rưng rưng|ngậm ngùi|chân thành|hóm hỉnh|lí nhí|"
    "cười nói|mỉm cười|thở dài|quả quyết|khẳng khái|thật thà|cương quyết".split("|")
)
# Words that open with a one-word head of a body's name (`Báo`, `Sở`, `Ban`) but name no body
# ("Báo động", "Sở dĩ"), at a sentence start.
_NO_BODY = frozenset(
    "báo động|sở hữu|sở dĩ|ban đầu|vụ việc|trường hợp|giải thích|phòng chống|hội ý|viện dẫn|"
    "đài thọ|cục bộ".split("|")
)
_DEGREE = frozenset("quá rất khá hơi cùng càng thật vô".split())
_AUX_OK_AFTER = {
    "chính": {"phủ", "quyền", "trị", "sách", "khách", "đảng"},
    "chỉ": {"huy", "đạo"},
    "dự": {"án", "thảo", "báo", "toán", "luật", "thầu", "trữ"},  # "dự kiến" ends a subject
    "thường": {"trực", "vụ", "niên", "dân"},  # "Ban Thường vụ"; "thường xuyên" ends it
}
# Words before an aux word that make it part of a word: "Sở Tài chính", "cải cách hành
# chính", "tham dự" (attend).
_AUX_OK_BEFORE = {"chính": {"tài", "hành", "bưu"}, "dự": {"tham"}}
_ORG_SUFFIX = frozenset(
    "news times post group corp corp. inc inc. ltd company co. agency journal daily technologies "
    "technology solutions systems electronics software international global "
    "tv radio fc club university institute bank motors motor airlines air airways holdings "
    "capital partners media foundation".split()
)
_ADMIN_UNITS = frozenset(
    "xã phường huyện tỉnh quận thành phố tp thị xã trấn làng thôn ấp bản đường phố khu xứ vùng miền "
    "bang".split()  # ("chính quyền bang Arunachal Pradesh": a state)
)
_COMPASS = frozenset({"Đông", "Tây", "Nam", "Bắc"})  # places, but never before a name
_HONORIFIC_PLACE_HEADS = frozenset({"bà", "ông", "cô", "anh"})  # "Bà Rịa", "Cô Tô"
_SEX_WORDS = {"nam": "male", "nữ": "female"}  # "Nam danh ca", "nữ diễn viên"
# Speech verbs that may end a title before another cue ("… Sơn Giang nói và cho hay").
_SAID = frozenset({"nói", "kể", "viết", "hỏi", "đáp"})
# Units written capitalised inside a body's name ("Công an Phường Trương Định").
_CAPITAL_UNITS = frozenset({"Phường", "Xã", "Quận", "Huyện", "Tỉnh"})
# The words that end a unit's name right before the place ("thành phố", not "thủ thành").
_UNIT_WORDS = _ADMIN_UNITS - {"thành", "thị"}
# Kinds of school written as two words before the school's name ("Đại học Lạc Hồng").
_SCHOOLS = frozenset({"đại học", "học viện", "cao đẳng", "tiểu học", "trung học"})
# Kinds of school, whose names are often a person's ("Trường THPT Nguyễn Huệ").
_NAMED_AFTER = frozenset("THPT THCS PTTH PTCS PTDTNT PTDTBT".split())
# Lower-case particles inside Western names (Van der Bellen, Ursula von der Leyen).
_PARTICLES = frozenset("van der von de da di del dos du le la bin al".split())
_STRONG_UNNAMED = frozenset(
    "một các những nhiều giới phía đại diện lãnh đạo nguồn quan chức".split()
)
# Vietnamese words written without diacritics that open sentences before a foreign name.
_BARE_VIETNAMESE = frozenset("theo khi anh sau tin con cho hai ba trong em chi ban taxi".split())
_VOWELS_VI = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


@dataclass
class Speaker:
    """A resolved source of a quote event."""

    name: str
    kind: str  # "person" | "organization" | "unnamed"
    role: str = ""
    gender: str | None = None


@dataclass
class _Mention:
    name: str
    start: int
    gender: str | None
    role: str
    quoted: bool = False  # the source of an event, counted for pronouns only (not full names)
    quotation: int = -1  # the start of the quotation it is named in (-1: none)


@dataclass
class PeopleIndex:
    """The people an article names, with where and how (honorific, title) it names them."""

    mentions: list[_Mention] = field(default_factory=list)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    text: str = field(default="", repr=False)
    quotations: list[tuple[int, int]] = field(default_factory=list, repr=False)
    # full_name answers for the mentions as they were (mentions are only ever appended); gender
    # and role ask it for every mention, so without this an article costs mentions squared.
    _fullest: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _fullest_for: tuple[int, int] = field(default=(0, 0), repr=False, compare=False)

    def full_name(self, name: str) -> str:
        """The fullest name in the article that `name` is the last or first part of."""
        if name in self.aliases:
            return self.aliases[name]
        state = (id(self.mentions), len(self.mentions))
        if state != self._fullest_for:
            self._fullest, self._fullest_for = {}, state
        best = self._fullest.get(name)
        if best is None:
            best = self._fullest[name] = self._fullest_mention(name)
        return best

    def full_name_of(self, name: str, gender: str | None) -> str:
        """`full_name`, told apart by gender when people of both share the name.

        "Bà Trump" after "Donald Trump" and "Đệ nhất phu nhân Melania Trump", "ông H." after
        "Trần Thị H" and "Nguyễn Văn H": a name of the honorific's gender (by the article's
        honorifics, a title such as `phu nhân`, or `Thị` / `Văn` in a Vietnamese name) is
        preferred to the `full_name` answer when that one is not known to be of it.
        """
        best = self.full_name(name)
        if not gender or name in self.aliases:
            return best
        known = self._known_gender(best)
        if known == gender:
            return best
        others = [m.name for m in self._longer_names(name) if m.name != best]
        same = [c for c in others if self._known_gender(c) == gender]
        if not same and known is not None:
            same = [c for c in others if self._known_gender(c) is None]  # not the other one
        return max(same, key=lambda c: len(c.split())) if same else best

    def _known_gender(self, name: str) -> str | None:
        words = name.split()
        middle = words[1:-1]
        by_name = "female" if "Thị" in middle else "male" if "Văn" in middle else None
        return self.gender(name) or _role_gender(self.role(name)) or by_name

    def _longer_names(self, name: str) -> list[_Mention]:
        """Mentions (not as a source) of a longer name that `name` ends or begins."""
        toks = name.split()
        out = []
        for m in self.mentions:
            full = m.name.split()
            if m.quoted or len(full) <= len(toks) or len(full) > 5:
                continue
            if full[-len(toks) :] == toks or (full[: len(toks)] == toks and _first_part_ok(full)):
                out.append(m)
        return out

    def _fullest_mention(self, name: str) -> str:
        best = name
        for m in self._longer_names(name):
            if len(m.name.split()) > len(best.split()):
                best = m.name
        return best

    def named_often(self, name: str) -> bool:
        """Whether a bare name (`Nhã Phương`, a stage name) is a person's by its uses.

        It must stand in the article at least three times, never after a word that makes it a
        place (`huyện Thanh Trì`, `tại Thanh Trì`, `đường Lê Lợi`).
        """
        words = name.split()
        if _place_end(words, len(words) - 1):
            return False  # "Hà Nội", "Grab Việt Nam"
        text = join_spaced_names(self.text)  # names are read joined ("H’ Hen Niê")
        uses = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]
        if len(uses) < 3:
            return False
        for at in uses:
            lead = text[max(0, at - 40) : at].rstrip()
            before = lead.split()
            if not before:
                continue
            if before[-1] in _PLACE_BEFORE or _UNIT_NAMED.search(lead):
                return False  # "huyện Thanh Trì", "xã Tân Triều, Thanh Trì", "TP Phan Rang -"
        return True

    def foreign_full_name(self, word: str) -> str | None:
        """The foreign full name the article gives a bare surname (`Ocampo`: `Luis Ocampo`).

        An article may name a foreign private person once in full with no honorific or title
        (`Luis Ocampo rời nhà`), then by the surname alone (`Ocampo nói`). The name is one or
        two foreign capitalised words (no Vietnamese letters, no place, outlet or company word)
        right before the surname.
        """
        found = re.search(
            r"(?<![\w.])((?:[A-Z][a-z]+(?:-[A-Za-z]+)?\s+){1,2})" + re.escape(word) + r"(?![\w-])",
            self.text,
        )
        if found is None:
            return self._family_name_first(word)
        given = found.group(1).split()
        if _is_acronym(word) or any(
            w.lower() in _ORG_SUFFIX
            or w.lower() in _BARE_VIETNAMESE
            or _place_end([w], 0)
            or re.search(r"(?<!\w)" + re.escape(w.lower()) + r"(?!\w)", self.text)
            for w in given
        ):
            return None  # ("Theo KCNA", "Taxi Vinasun": Vietnamese words the text writes lowercase)
        if _place_end([*given, word], len(given)) or not _foreign(given):
            return None
        return " ".join([*given, word])

    def _family_name_first(self, word: str) -> str | None:
        """`Geng` → `Geng Mei`: a listed East Asian family name, given first, then one given name.

        The given name must be one foreign word (`Mei`, `Jae-in`), not a place or an outlet.
        """
        lex = load_lexicon()
        if word not in lex.exact("east_asian_surnames"):
            return None
        found = re.search(
            r"(?<![\w.])" + re.escape(word) + r"\s+([A-Z][a-z]+(?:-[a-z]+)?)(?![\w-])", self.text
        )
        if found is None:
            return None
        given = found.group(1)
        if not _foreign([given]) or _place_end([given], 0) or given in _ENGLISH_TITLE_WORDS:
            return None
        return f"{word} {given}"

    def gender(self, name: str) -> str | None:
        """Gender of a resolved name from any honorific used with it in the article."""
        genders = {m.gender for m in self.mentions if m.gender and self.full_name(m.name) == name}
        return genders.pop() if len(genders) == 1 else None

    def role(self, name: str, quoted: bool = True) -> str:
        """The longest title the article gives the person (`quoted`: also as a source)."""
        roles = [
            m.role
            for m in self.mentions
            if m.role and (quoted or not m.quoted) and self.full_name(m.name) == name
        ]
        return max(roles, key=len) if roles else ""

    def last_person(self, before: int, gender: str | None) -> str | None:
        """The person most recently named before `before` (matching `gender` when known).

        People named inside a quotation come last: `Anh cho biết` after `ca sĩ X chia sẻ: “…
        nối bước ông chú Lại Văn Sâm …”` is X, not the man X spoke of.
        """
        here = self.quotation_at(before)
        fallback = None
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.start >= before:
                continue
            full = self.full_name(m.name)
            g = m.gender or self.gender(full) or _role_gender(self.role(full))
            if gender is None or g is None or g == gender:
                if m.quotation < 0 or m.quotation == here:
                    return full
                fallback = fallback or full
        return fallback

    def quotation_at(self, at: int) -> int:
        """The start of the quotation (of four words or more) around offset `at`, else -1."""
        k = bisect_right(self.quotations, at, key=itemgetter(1))
        if k < len(self.quotations) and self.quotations[k][0] < at:
            return self.quotations[k][0]
        return -1

    def by_role(self, role: str, before: int) -> str | None:
        """The person last given `role` (e.g. `Người phát ngôn Điện Kremlin`) before `before`.

        `Nam danh ca` (the male singer) is the man last called `danh ca`.
        """
        key = role.lower()
        words = key.split()
        gender = _SEX_WORDS.get(words[0]) if len(words) > 1 else None
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.start >= before or not m.role:
                continue
            has = m.role.lower()
            if key in has or _shortened(words, has.split()):
                return self.full_name(m.name)
            if gender and " ".join(words[1:]) in has:
                full = self.full_name(m.name)
                if (m.gender or self.gender(full)) == gender:
                    return full  # (a known gender only: stage names tell none)
        return None

    def org(self, head: str, before: int) -> str | None:
        """The organisation last named before `before` whose name starts with `head`."""
        key = head.lower()
        found = [
            n for s, n in self.orgs if s < before and n.lower().startswith(key) and n.lower() != key
        ]
        return max(found, key=len) if found else None


def _shortened(words: list[str], role: list[str]) -> bool:
    """Whether `words` are `role` with words left out, the first word kept.

    `Bí thư phường X` for `Bí thư Đảng ủy phường X`; not `Chủ tịch xã` for `Phó Chủ tịch xã`.
    """
    if len(words) < 3 or not role or words[0] != role[0]:
        return False
    rest = iter(role)
    return all(w in rest for w in words)


def _first_part_ok(full: list[str]) -> bool:
    """Whether a reference by the first name part is usual (East Asian family name, or foreign)."""
    lex = load_lexicon()
    if full[0] in lex.exact("east_asian_surnames"):
        return True
    return not any(ch in _VOWELS_VI for ch in full[0].lower())


_OPENERS = "(“\"'‘«"
_RUN_END = ',.;:)!?”"'  # a word ending with one of these ends a run of capitalised words


def _is_cap(tok: str) -> bool:
    return tok.lstrip(_OPENERS)[:1].isupper()


def _clean(tok: str) -> str:
    return tok.strip(_EDGE)


_FJWZ = re.compile(r"[fjwzFJWZ]")


def _is_address(tok: str) -> bool:
    return bool(_ADDRESS.match(tok))


@lru_cache(maxsize=1 << 16)
def _is_acronym(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _place_end(clean: list[str], i: int) -> int:
    """Length of a place/organisation name ending at token `i` (0 if none).

    The tokens must already be stripped of edge punctuation (`_clean`).
    """
    lex = load_lexicon()
    return lex.table("places", "outlets", case=True).ends_at(clean, i) or lex.table(
        "org_heads", case=True
    ).ends_at(clean, i)


def name_at_end(tokens: list[str]) -> int:
    """Index where a person's name ending the token list starts (len(tokens) if none).

    Vietnamese names start at a family name; foreign names are the trailing run of capitalised
    words that are not places, organisations or acronyms (at most four words).
    """
    lex = load_lexicon()
    n = len(tokens)
    i = n
    while (
        i > 0
        and (
            _is_cap(tokens[i - 1])
            or _ARABIC_PART.match(tokens[i - 1])
            # "Omar al Bashir", "Luiz da Silva": a particle between two capitalised words
            or (i < n and i >= 2 and tokens[i - 1] in _PARTICLES and _is_cap(tokens[i - 2]))
        )
        and n - (i - 1) <= 5
    ):
        if i < n and tokens[i - 1].endswith(("-", "–")):
            break  # "Huấn- Phó Giám đốc": a dash glued to the name ends it
        i -= 1
    if i == n:
        return n
    clean = [_clean(t) for t in tokens]
    if i >= 2 and f"{clean[i - 2]} {clean[i - 1]}".lower() in _SCHOOLS:
        return n  # "Đại học Lạc Hồng", "Học viện Lê Quý Đôn": named after a person
    title = lex.table("roles").starts(clean[i:])
    if 0 < title < n - i:
        i += title  # "Nhật Hoàng Akihito": a title written capitalised, not a family name
    run = clean[i:]
    surnames = lex.exact("surnames")
    places = lex.table("places", case=True)
    if i >= 2 and tokens[i - 1] in {"-", "–", "—"} and _place_end(clean, i - 2):
        known = places.starts(run)
        if known and run[known:] and run[known] in surnames and 2 <= len(run) - known <= 4:
            return i + known  # "tỉnh Bà Rịa - Vũng Tàu Phạm Minh An": a name after the place
        return n  # "BOT Thái Nguyên - Chợ Mới": the other end of a route, not a person
    past_place = 0
    for k, tok in enumerate(run):
        if k < past_place:
            continue
        prev = clean[i + k - 1] if i + k > 0 else ""
        if (
            (prev in _ADMIN_UNITS and prev.islower())
            or prev in {"ủy", "Ủy"}
            or (k > 0 and prev in _CAPITAL_UNITS)  # "Công an Phường Trương Định"
        ):
            known = places.starts(run[k:])
            if known == 1 and tok in _COMPASS:
                known = 0  # "quận Nam Từ Liêm": the compass word opens the place's name
            if known and k + known < len(run):
                past_place = k + known  # "thành phố Hà Nội Nguyễn Đức Chung": a name after it
                continue
            later = next(
                (
                    j
                    for j in range(k + 2, len(run) - 1)  # a place of two words or more
                    if run[j] in surnames and run[j] not in {"Văn", "Thị"} and len(run) - j <= 4
                ),
                0,
            )
            if later:
                past_place = later  # "huyện Sóc Sơn Đỗ Minh Tuấn": a full name after the place
                continue
            break  # "quận Hoàng Mai", "Huyện ủy Lý Sơn": a place named like a person
        if tok in surnames and 2 <= len(run) - k <= 4:
            if k and run[k - 1] in _NAMED_AFTER:
                return n  # "Trường THPT Nguyễn Huệ": a school named after a person
            if k and _place_end(clean, i + k) > 1:
                continue  # "tỉnh Bắc Ninh Nguyễn Tiến Nhường": "Ninh" ends the place
            if _place_end(clean, n - 1) >= len(run) - k:
                continue  # "BOT Thái Nguyên": a place named like a person
            rest = run[k:]
            if not any(_is_acronym(t) or _FJWZ.search(t) for t in rest):
                return i + k
    roles = lex.lower("roles")
    start = n
    for j in range(n - 1, i - 1, -1):
        tok = clean[j]
        if n - j > 4 or _is_acronym(tok) or _is_address(tok):
            break
        if _place_end(clean, j) and not _place_in_given_name(clean, j, n):
            break
        if tok == "Anh" and j < n - 1 and _foreign(clean[j + 1 :]):
            break  # "Thủ tướng Anh Theresa May": England, before a foreign name
        low = tok.lower()
        if low in _ORG_SUFFIX or low in roles:
            break
        start = j
    if 0 < start < n:
        before = clean[start - 1]
        if before.lower() in _ADMIN_UNITS and (before.islower() or before in {"TP", "Tp"}):
            return n  # "Trưởng Công an quận Ngô Quyền", "Chủ tịch xã Tân Triều": a place
    if 0 < start < n and clean[start] not in surnames:
        before = clean[start - 1]
        if before.lower() == "của":
            return n  # "phát ngôn viên của hãng Suzuki": the name is the employer's
        heads = lex.table("org_heads")
        one_foreign = n - start == 1 and not _looks_vietnamese(clean[start])
        if (not _foreign(clean[start:]) or one_foreign) and any(
            heads.starts(tokens[k:start]) for k in range(start)
        ):
            # "Giám đốc Công ty Hải sản Bền Vững", "phó giám đốc Viện nghiên cứu Chính sách
            # Asan": the words end the company's or the institute's name
            return n
        if before.lower() in roles:
            return start  # "TS Thiên"
        # "Điện Kremlin Dmitry Peskov": the organisation is already fully named
        complete = lex.table("places", "outlets", case=True).ends_at(clean, start - 1) > 0
        if (
            _is_acronym(before)
            and n - start >= 2
            and _foreign(clean[start:])
            and 0 < lex.table("roles").starts(tokens) < start
        ):
            return start  # "Giám đốc FBI James Comey": a foreign name after the agency's acronym
        if not complete and (
            _is_acronym(before)
            or heads.starts([before]) == 1
            or (start >= 2 and heads.starts(clean[start - 2 : start]) == 2)
        ):
            return n  # "Tập đoàn Hoa Sen", "HĐQT VietinBank": the words name an organisation
    return start


def n_words(phrase: str) -> int:
    """Words in a phrase, not counting a dash inside a name (`tỉnh Thừa Thiên - Huế`: 4)."""
    return sum(1 for w in phrase.split() if w not in _DASHES)


def _place_in_given_name(clean: list[str], j: int, n: int) -> bool:
    """Whether the one-word place at `j` is part of a Vietnamese name (`Phương Mỹ Chi`).

    Given names use country words (`Mỹ Linh`, `Đức Huy`, `Nam Cường`); a country before a
    foreign name is the country (`Tổng thống Mỹ Joe Biden`, `Thủ tướng Anh Theresa May`).
    """
    places = load_lexicon().table("places", case=True)
    rest = clean[j + 1 : n]
    return (
        1 <= len(rest) <= 2
        and places.ends_at(clean, j) == 1
        and not (j and places.ends_at(clean, j - 1))
        and _looks_vietnamese(clean[j])
        and all(_is_cap(t) and _looks_vietnamese(t) and not places.starts([t]) for t in rest)
    )  # (not "Hoa hậu Đông Nam Á": "Đông" and "Nam" are places too)


def _strip_phrase(phrase: str) -> str:
    phrase = _OPEN_PAREN.sub("", _PARENS.sub(" ", phrase))  # "Bị cáo X (nguyên Phó …, HT"
    phrase = join_spaced_names(phrase)  # "Kim Dong - yub", "K’ Bổ" (VietNews)
    phrase = _SPACE_RUN.sub(" ", phrase).strip(" ,;:-–—\"“”'’")
    if phrase.endswith(".") and len(phrase.rsplit(" ", 1)[-1]) > 3:
        phrase = phrase[:-1]  # "… Syria SANA." at the end of the sentence (not "TP.", "A.")
    for m in _GLUED_HONORIFIC.finditer(phrase):
        if m.group(1).islower() and m.group(2) in load_lexicon().exact("surnames"):
            return phrase[m.end() :]  # "…trẻ em Ông Phạm Đức Hải": a heading glued before
    return phrase


# "<lowercase word> Ông|Bà <family name>": a capitalised honorific inside a sentence.
_GLUED_HONORIFIC = re.compile(r"(?:^|(?<= ))(\w+) (?=(?:Ông|Bà) (\w+) \w)")


def _cut_predicate(tokens: list[str]) -> list[str]:
    """Drop what follows the noun phrase (aux verbs, time phrases, `có công văn`)."""
    lex = load_lexicon()
    skip = max(lex.table("roles", "org_heads", "unnamed_heads").starts(tokens), 1)
    for k in range(skip, len(tokens)):
        low = tokens[k].lower()
        nxt = tokens[k + 1].lower() if k + 1 < len(tokens) else ""
        if (
            low in _AUX_STOP
            and not (low in _AUX_OK_AFTER and nxt in _AUX_OK_AFTER[low])
            and not _is_cap(tokens[k])  # "BOT Thái Nguyên - Chợ Mới": part of a name
            and tokens[k - 1].lower() not in _AUX_OK_BEFORE.get(low, ())
        ):
            return tokens[:k]
        if low in {"ngày", "tháng"} and nxt[:1].isdigit():
            return tokens[:k]  # "Quân đội Iraq tháng 12/2017 (tuyên bố)"
        if (low in _TIME_EDGE and nxt in _TIME_NOUNS) or (low, nxt) in _TIME_PAIRS:
            return tokens[:k]  # "Các hãng tin Nga đầu ngày 23/12", "… Đài Loan gần đây"
        if (
            f"{low} {nxt}" in _MANNER
            and not _is_cap(tokens[k])
            and tokens[k - 1].lower() not in _DEGREE  # ("Quá bức xúc, gia đình này …")
        ):
            return tokens[:k]  # "Hoa hậu Thu Hoài thẳng thắn (nói)"
        if low == "cùng" and nxt in {"ngày", "hôm", "lúc", "thời"}:
            return tokens[:k]  # "Tổng thống Mỹ Donald Trump cùng ngày (cảnh báo)"
        if low == "trích" and nxt == "dẫn":
            return tokens[:k]  # "(thư ngỏ được) KCNA trích dẫn"
        if low == "bác" and nxt in {"bỏ", "cáo", "tin", "thông"}:
            return tokens[:k]  # "Nga bác cáo buộc, đồng thời cho rằng": rejects, then says
        if low == "lặp" and nxt == "lại":
            return tokens[:k]  # "Bộ Ngoại giao Mỹ lặp lại (quan điểm khuyến cáo)"
        if low == "đăng" and nxt in {"trên", "tải", "lên", "dòng", "bài", "status", "ảnh"}:
            return tokens[:k]  # "Tổng thống Trump đăng trên Twitter", "… đăng dòng trạng thái"
        if low == "phát" and nxt in {"đi", "thông", "lệnh"}:
            return tokens[:k]  # "Công an tỉnh X phát đi thông báo" (not "Nhà phát hành")
        if low in {"có", "ra", "gửi", "ban", "đưa"} and nxt in {
            "công",
            "văn",
            "thông",
            "tuyên",
            "thư",
            "đơn",
            "báo",
            "hành",
            "ý",
        }:
            return tokens[:k]
    return tokens


def parse_speaker(phrase: str, people: PeopleIndex, at: int = 0) -> Speaker | None:
    """Turn the subject of a cue into a `Speaker`, or None if it cannot be a source.

    Someone named through another person (`Luật sư của ông X`, `Một người bạn rất thân của
    X`) is an unnamed source: X is not the one speaking.

    Args:
        phrase: Words before the cue in the clause, e.g. `Bà Jen Psaki` or `Hội nghề cá`.
        people: The article's `PeopleIndex`, to expand short names and resolve `ông này`.
        at: Offset of the phrase in the text (for resolving pronouns to earlier mentions).

    Returns:
        A `Speaker` or None.

    Example:
        >>> parse_speaker("Bộ trưởng Quốc phòng Ukraine Oleksii Reznikov", PeopleIndex()).name
        'Oleksii Reznikov'
    """
    sp = _parse_speaker(phrase, people, at)
    if (sp is None or sp.kind == "unnamed") and " của " in phrase:
        affiliated = _affiliated(phrase, people, at)  # "giáo sư X của Đại học Y"
        if affiliated is not None:
            return affiliated
    if sp is None or sp.kind != "person" or " của " not in f" {phrase} ":
        return sp
    words = _strip_phrase(_CONNECTIVE.sub("", _INFO_NOUNS.sub("", phrase))).split()
    if named_through_person(words, sp.name):
        whole = " ".join(words)
        return Speaker(whole[0].lower() + whole[1:], "unnamed")
    if "của" in words[1:] and not _associate(words) and " của" in f" {sp.role}":
        # "tiết lộ của ông X", "quan điểm của luật sư X": X's words; the title after "của"
        after = [_clean(w) for w in words[words.index("của") + 1 :]]
        first = sp.name.split()[0]
        title = after[: after.index(first)] if first in after else []
        lead = load_lexicon().table("honorific_male", "honorific_female", "honorific_neutral")
        sp.role = " ".join(title[lead.starts(title) :])
    return sp


def _affiliated(phrase: str, people: PeopleIndex, at: int) -> Speaker | None:
    """`giáo sư Ryo Ikebe của Đại học Senshu`: a person named before `của` and an organisation.

    The organisation after `của` (an organisation head, a listed place or an outlet) is where
    the person works, kept in the role.
    """
    head, _, tail = _strip_phrase(phrase).partition(" của ")
    words = tail.split()
    lex = load_lexicon()
    if not words or not (
        lex.table("org_heads").starts(words)
        or lex.table("places", "outlets", case=True).starts([_clean(w) for w in words])
    ):
        return None
    person = _parse_speaker(head, people, at)
    if person is None or person.kind != "person" or not person.role:
        return None  # (a bare name before "của" may be the organisation's own: "Apple của Tim")
    person.role = f"{person.role} của {' '.join(_cut_predicate(words)).strip(' ,')}"
    return person


def _associate(words: list[str]) -> bool:
    """Whether the words open with a person related to someone (a title, a relative)."""
    lex = load_lexicon()
    return bool(
        lex.table(
            "honorific_male", "honorific_female", "honorific_neutral", "roles", "unnamed_heads"
        ).starts(words)
        or " ".join(words[:2]).lower() in _RELATIONS
        or (words and words[0].lower() in _RELATIONS)
    )


def named_through_person(words: list[str], name: str | None = None) -> bool:
    """Whether the words name someone through another person (`quản lý của ca sĩ X`).

    Before `của` stands a title or a relation (`Luật sư`, `vợ`, `một người bạn`), after it
    a person (an honorific, a title or the name itself), not an organisation or a country
    (`Bộ trưởng Ngoại giao của Nga Sergei Lavrov` is Lavrov). With `name`, that name must
    stand after `của`.
    """
    if "của" not in words[1:] or not _associate(words):
        return False
    k = words.index("của", 1)
    after = [_clean(w) for w in words[k + 1 :]]
    if not after:
        return False
    lex = load_lexicon()
    person_after = lex.table(
        "honorific_male", "honorific_female", "honorific_neutral", "roles"
    ).starts(after) or (name is not None and after[0] == name.split()[0])
    return bool(person_after) and (name is None or name.split()[-1] in after)


def _parse_speaker(phrase: str, people: PeopleIndex, at: int) -> Speaker | None:
    lex = load_lexicon()
    phrase = _strip_phrase(phrase)
    # passive: "nguyên nhân được ông X (cho biết)"
    m = _PASSIVE.search(phrase)
    if m:
        phrase = m.group(1)
    side = _SIDE.match(phrase)
    phrase = _CONNECTIVE.sub("", phrase)
    phrase = _DONG_THOI.sub("", phrase)
    phrase = _OWN_WORDS.sub("", _INFO_NOUNS.sub("", phrase))
    phrase = _REPORTER.sub("", phrase)
    tokens = _TOKEN.findall(phrase)
    if not tokens or _is_address(_clean(tokens[0])):
        return None
    if _CLAUSE_CHAIN.search(phrase.lower()):
        return None  # a chain of clauses, not a noun phrase
    if _HAS_OBJECT.search(phrase.lower()):
        return None  # "X đã có nhiều hoạt động (kêu gọi)": the cue is not X's verb
    low = phrase.lower()
    if _TIME_SPAN.match(low):
        return None  # "một ngày (sau, ông cho rằng)": a time, not a source
    if low.startswith(("theo ", "việc ", "như đã", "như trước")):
        # ("Việc bị cáo X đề nghị … là không đúng": a fact, not a source; "Như đã đưa tin":
        # as reported)
        return None
    if low in lex.lower("not_speaker") or tokens[0].lower() in {"tôi", "chúng", "họ", "nó", "mình"}:
        return None
    tokens = _cut_predicate(tokens)
    honorifics = (
        lex.lower("honorific_male") | lex.lower("honorific_female") | lex.lower("honorific_neutral")
    )
    if side and tokens[0].lower() in honorifics and all(_is_cap(t) for t in tokens[:4]):
        # "Phía Anh cam kết": a country's side ("Anh" is England here, not "he")
        return Speaker(" ".join(_clean(t) for t in tokens[:4]), "organization")
    if tokens[0].lower() in _HONORIFIC_PLACE_HEADS and lex.table("places", case=True).starts(
        [_clean(t) for t in tokens]
    ) == len(tokens):
        return Speaker(" ".join(_clean(t) for t in tokens), "organization")  # "Bà Rịa": a place
    gender = None
    k = lex.table("honorific_male").starts(tokens)
    if k and (
        len(tokens) == k or tokens[k].lower() in lex.lower("pronoun_tail") or _is_cap(tokens[k])
    ):
        gender = "male"
    else:
        k2 = lex.table("honorific_female").starts(tokens)
        if k2 and (
            len(tokens) == k2
            or tokens[k2].lower() in lex.lower("pronoun_tail")
            or _is_cap(tokens[k2])
        ):
            k, gender = k2, "female"
        else:
            k3 = lex.table("honorific_neutral").starts(tokens)
            alone_ok = tokens[0].lower() != "bạn"  # "bạn" is a name's honorific, alone "you"
            named = k3 < len(tokens) and _is_cap(tokens[k3])
            k = k3 if k3 and ((alone_ok and len(tokens) == k3) or named) else 0
    if k:
        rest = tokens[k:]
        if not rest or (rest[0].lower() in lex.lower("pronoun_tail") and len(rest) == 1):
            name = people.last_person(at, gender)
            if name is None:
                return None
            return Speaker(name, "person", people.role(name), gender or people.gender(name))
        if 0 < lex.table("roles").starts(rest) < len(rest):
            titled = parse_speaker(" ".join(rest), people, at)
            if titled is not None and titled.kind == "person":
                titled.gender = gender or titled.gender
                return titled
        run = []
        for k_tok, tok in enumerate(rest):
            particle = (
                tok in _PARTICLES and run and k_tok + 1 < len(rest) and _is_cap(rest[k_tok + 1])
            )
            if (not _is_cap(tok) and not particle) or len(run) == 5:
                break
            run.append(_clean(tok))
            if tok.endswith((",", ")", "-", "–")):
                break
        if not run:
            return None
        name = people.full_name_of(" ".join(run), gender)
        return Speaker(name, "person", people.role(name), gender or people.gender(name))

    tokens = _cut_predicate(tokens)
    phrase = " ".join(tokens)
    r = lex.table("roles").starts(tokens)
    if not r and len(tokens) > 1 and tokens[0].lower() in {"nam", "nữ"}:
        r = lex.table("roles").starts(tokens[1:])  # "nữ đại biểu TP Hà Nội"
        r = r + 1 if r else 0
    if r and not lex.table("org_heads").starts(tokens) > r:
        cut = next((k for k in range(r + 1, len(tokens) - 1) if tokens[k] in _FROM_WORDS), 0)
        if cut:
            # "Thượng nghị sĩ Eliot Engel từ ủy ban Đối ngoại Hạ viện": a name, then where from
            named = parse_speaker(" ".join(tokens[:cut]), people, at)
            if named is not None and named.kind == "person":
                named.role = f"{named.role} {' '.join(tokens[cut:])}".strip()
                return named
        start = name_at_end(tokens)
        if start == len(tokens) > r + 1 and _is_cap(tokens[-1]):
            # A name the article gives in full: "thủ thành Manuel Neuer", or its first part
            # after a capitalised word ("người phát ngôn Điện Kremlin Dmitry")
            last = _clean(tokens[-1])
            full = people.full_name(last).split()
            if len(full) < 2 or not _foreign(full) or all(map(_looks_vietnamese, full)):
                full = []  # (a Vietnamese place after "xã", "huyện" reads like a full name)
            if full and [_clean(t) for t in tokens[-len(full) :]] == full:
                start = len(tokens) - len(full)
            elif full and full[0] == last and not _looks_vietnamese(last):
                start = len(tokens) - 1 if _is_cap(tokens[-2]) else start
        if start == len(tokens) - 1 == r and _employer(tokens, start, people):
            return Speaker(phrase, "unnamed", phrase)  # "tổng giám đốc Vietjet": no name given
        if start == len(tokens) - 1 and _clean(tokens[start]) == "Anh" and start > 0:
            start = len(tokens)  # "Hoàng tử Anh": England's prince, found by the title below
        if start < len(tokens) and start >= r:
            name = people.full_name(" ".join(_clean(t) for t in tokens[start:]))
            # ("Nam diễn viên họ Lee": the actor surnamed Lee)
            end = start - 1 if start > r and tokens[start - 1] == "họ" else start
            role = " ".join(tokens[:end]).strip(" ,")
            g = _role_gender(role) or people.gender(name)
            return Speaker(name, "person", role or people.role(name), g)
        tail = [_clean(t) for t in tokens[r:]]
        if 0 < len(tail) <= 4 and all(_is_cap(t) for t in tail):
            # "đạo diễn Nhật Nam": a name the article gives in full elsewhere ("Hoàng Nhật Nam")
            full = people.full_name(" ".join(tail))
            if full != " ".join(tail):
                role = " ".join(tokens[:r])
                return Speaker(full, "person", role, _role_gender(role) or people.gender(full))
        found = people.by_role(phrase, at)
        if found:
            return Speaker(found, "person", phrase, people.gender(found))
        return Speaker(phrase, "unnamed", phrase, _role_gender(phrase))
    if (
        lex.table("unnamed_heads").starts(tokens)
        and not _is_cap(tokens[0])
        or (
            lex.table("unnamed_heads").starts(tokens)
            and not lex.table("org_heads").starts(tokens)
            and not lex.table("outlets", case=True).starts(tokens)
            and not lex.table("places", case=True).starts(tokens)
        )
    ):
        start = name_at_end(tokens)
        if " ".join(tokens[:2]).lower() in _KIN:
            start = len(tokens)  # "gia đình ông Trần Công Ứng": the family speaks, not him
        if 0 < start < len(tokens):
            name_toks = [_clean(t) for t in tokens[start:]]
            if name_toks[0] in lex.exact("surnames") or (
                len(name_toks) >= 2 and _foreign(name_toks)
            ):
                name = people.full_name(" ".join(name_toks))
                role_toks = tokens[:start]
                gender = None
                if len(role_toks) > 1 and role_toks[-1].lower() in honorifics:
                    # "đại diện Công ty X ông Nguyễn Văn B": the honorific is no part of the role
                    honor = lex.derived("index_people", _title_words)[0]
                    gender = honor.get(role_toks.pop().lower())
                return Speaker(
                    name, "person", " ".join(role_toks), gender or people.gender(name)
                )
        if n_words(phrase) > 14:
            return None  # a long phrase is a source only when it ends with a person's name
        if tokens[-1].lower() == "này" and len(tokens) == 2:
            found = people.org(tokens[0], at)
            if found:
                return Speaker(found, "organization")
        return Speaker(
            phrase[0].lower() + phrase[1:]
            if not _is_cap(tokens[1] if len(tokens) > 1 else "x")
            else phrase,
            "unnamed",
        )
    o = lex.table("org_heads").starts(tokens)
    if o == 1 and len(tokens) > 1 and _is_cap(tokens[0]) and (
        f"{tokens[0]} {tokens[1]}".lower() in _NO_BODY
        or (tokens[0] == "Vụ" and not _is_cap(tokens[1]))  # "Vụ bán hàng …" (the affair)
    ):
        o = 0  # "Báo động …" (alarm), "Sở hữu …": a word, not `Báo`, `Sở` naming a body
    if o:
        if len(tokens) == o or (len(tokens) == o + 1 and tokens[-1].lower() == "này"):
            found = people.org(tokens[0], at)
            if found:
                return Speaker(found, "organization")
        if not _is_cap(tokens[0]) and not any(_is_cap(t) for t in tokens[o:]):
            return Speaker(phrase, "unnamed")
        if n_words(phrase) > 16:
            return None
        return Speaker(phrase, "organization")
    if lex.table("outlets", case=True).starts(tokens) or lex.table("places", case=True).starts(
        tokens
    ):
        if len(tokens) <= 4:
            return Speaker(phrase, "organization")
    if all(_is_cap(t) for t in tokens) and len(tokens) <= 5:
        clean = " ".join(_clean(t) for t in tokens)
        if len(tokens) > 1 and any(_clean(t) in _ENGLISH_TITLE_WORDS for t in tokens):
            return Speaker(clean, "organization")  # "theo War Is Boring", "The Diplomat"
        full = people.full_name(clean)
        if full != clean or any(m.name == clean and not m.quoted for m in people.mentions):
            return Speaker(full, "person", people.role(full), people.gender(full))
        if tokens[0] in lex.exact("surnames") and 2 <= len(tokens) <= 4:
            return Speaker(clean, "person")
        if 2 <= len(tokens) <= 3 and not any(
            _is_acronym(t) or _is_address(t) or t.lower() in _ORG_SUFFIX for t in tokens
        ):
            if not _foreign([_clean(t) for t in tokens]) and not people.named_often(clean):
                return None  # "Thanh Trì": Vietnamese words never named as a person here
            return Speaker(clean, "person")
        if len(tokens) == 1 and (
            clean.lower() in lex.lower("not_speaker") or clean.lower() in honorifics
        ):
            return None
        if (
            len(tokens) == 1
            and any(ch in _VOWELS_VI for ch in clean.lower())
            and not _is_acronym(clean)
        ):
            if _place_end([clean], 0):
                return Speaker(clean, "organization")
            return Speaker(clean, "person", people.role(clean), people.gender(clean))
        full = people.foreign_full_name(clean) if len(tokens) == 1 else None
        if full is not None:
            return Speaker(full, "person", people.role(full), people.gender(full))
        return Speaker(clean, "organization")
    start = name_at_end(tokens)
    if 0 < start < len(tokens) and start <= 8:
        name_toks = [_clean(t) for t in tokens[start:]]
        if name_toks[0] in lex.exact("surnames") or (len(name_toks) >= 2 and _foreign(name_toks)):
            name = people.full_name(" ".join(name_toks))
            role = " ".join(tokens[:start])
            return Speaker(name, "person", role, _role_gender(role) or people.gender(name))
    return None


# People named through another person (`vợ của ca sĩ X`, `cấp trên của X`): a relation of
# one word, or of two (checked on the first one and two words of a phrase).
_RELATIONS = frozenset(
    "vợ|chồng|con|bạn|cha|bố|mẹ|anh|chị|em|cháu|vợ cũ|chồng cũ|người yêu|người tình|bạn trai|"
    "bạn gái|bạn thân|cấp trên|cấp dưới|đồng nghiệp|trợ lý|quản lý|hàng xóm|luật sư".split("|")
)

# Heads of an unnamed source around a named person: the source is not the person named.
_KIN = frozenset({"gia đình", "người thân", "hàng xóm"})

# Words after a titled name that say where the person is from (`Thượng nghị sĩ X từ bang Y`).
_FROM_WORDS = frozenset({"từ", "thuộc", "đến"})

# Posts held in a company: one foreign word after them is more often the company than a
# person ("tổng giám đốc Vietjet", "CEO Apple"); after "Tổng thống" it is a person ("Putin").
_COMPANY_POSTS = frozenset(
    "giám đốc|tổng giám đốc|phó giám đốc|phó tổng giám đốc|giám đốc điều hành|ceo|"
    "nhà sáng lập|đồng sáng lập|trưởng phòng|nhân viên|kỹ sư".split("|")
)


def _employer(tokens: list[str], start: int, people: PeopleIndex) -> bool:
    """Whether the one foreign word after a company post names the company, not a person."""
    word = _clean(tokens[start])
    if not _foreign([word]) or " ".join(t.lower() for t in tokens[:start]) not in _COMPANY_POSTS:
        return False
    return people.full_name(word) == word and not any(
        m.name == word and not m.quoted for m in people.mentions
    )


def clean_role(role: str) -> str:
    """A title without parentheses, trailing particles (`cũng`, `đã`) or punctuation."""
    role = re.sub(r"\([^()]*\)", " ", role)
    role = _AGE.sub("", role)  # "Gary Stein, 32 tuổi, cho biết": an age is no title
    tokens = role.split()
    while tokens and tokens[-1].lower() in _AUX_STOP | {"đã", "cũng", "vừa", "còn", "và"}:
        tokens.pop()
        if tokens and tokens[-1].lower() in _SAID:
            tokens.pop()  # "Phó chủ tịch xã Sơn Giang nói và (cho hay)": one cue, then another
    return " ".join(tokens).strip(" ,;:-–—")


def _role_gender(role: str) -> str | None:
    low = role.lower()
    if low.startswith(("nữ ", "hoa hậu", "công chúa", "nữ hoàng", "phu nhân", "đệ nhất phu nhân")):
        return "female"
    if low.startswith(("nam ", "hoàng tử", "quốc vương", "vua ")):
        return "male"
    return None


_RUN = re.compile(r"(?:[^\W\d_][\w.'’-]*)(?:\s+[^\W\d_][\w.'’-]*)*")


_SENTENCE_END = frozenset(".!?…")


def index_people(text: str) -> PeopleIndex:
    """Find the people an article names with an honorific, a title or a Vietnamese family name.

    Args:
        text: Article text.

    Returns:
        A `PeopleIndex` with one mention per occurrence.

    Example:
        >>> idx = index_people("Ông Dmitry Peskov nói. Sau đó ông Peskov cho biết thêm.")
        >>> idx.full_name("Peskov")
        'Dmitry Peskov'
    """
    lex = load_lexicon()
    index = PeopleIndex(text=text)
    honor, titled, titled_last = lex.derived("index_people", _title_words)
    roles = lex.lower("roles")
    title_table = lex.table("roles")
    words, starts = _tokens(_dashes_joined_in_place(text))
    n_words = len(words)
    caps = _caps(words)
    # A name never runs across a line end (a byline above a caption: "Vũ Hoàng\n\nJared
    # Kushner") or into a bracket ("TS Mai Anh (Khoa Quốc tế"): such a word opens a new run.
    joins = caps.copy()
    for k in _line_starts(text, starts):
        joins[k] = False
    for m in _BRACKET_HEAD.finditer("".join(map(itemgetter(0), words))):
        joins[m.start()] = False
    after_run = 0
    for i in compress(range(n_words), caps):
        if i < after_run:
            continue  # inside the run read before
        k = i + 1
        if (
            k == n_words
            or words[i][-1:] in _RUN_END
            or not (joins[k] or (words[k] in _PARTICLES and k + 1 < n_words and joins[k + 1]))
        ):  # a run of one word (most runs: `Theo`, `Sau`, `TP.`)
            after_run = k
            # One word is a name only after an honorific or a title (`ông Putin`,
            # `Tổng thống Putin`), so prev1 or prev2 below must be one; both end with this word.
            low = words[i - 1].lower() if i else ""
            if low[-1:] in _SENTENCE_END or (
                low.rstrip(_EDGE) not in titled_last and low.strip(_EDGE) not in titled
            ):
                continue  # (a title that ends the sentence before: "…của cựu tổng thống. Trong")
            if k < n_words and f"{words[i]} {words[k].rstrip(_EDGE)}".lower() in _known_words():
                continue  # "Bộ trưởng Giao thông Vận tải": a word of the title, no name
            run = [words[i]]
        else:
            j = i
            run = []
            while (
                j < n_words
                and len(run) < 6
                and (
                    (caps[j] if j == i else joins[j])
                    or (words[j] in _PARTICLES and j + 1 < n_words and joins[j + 1])
                )
            ):
                run.append(words[j])
                j += 1
                if run[-1][-1:] in _RUN_END:
                    break
            after_run = j
        unit = words[i - 1] if i else ""
        if (
            (unit in _UNIT_WORDS or unit in {"TP", "Tp"})
            and _name_start((unit, *run)) > len(run)
        ):
            continue  # "Công an quận Nam Từ Liêm": a place after its unit, no name in it
        if unit in _NAMED_AFTER or (i > 1 and f"{words[i - 2]} {unit}".lower() in _SCHOOLS):
            continue  # "trường THPT Nguyễn Huệ", "Đại học Lạc Hồng": named after a person
        pos = starts[i]
        lead, gender, start_in_run, as_titled, as_surname, as_named, named_more, title = (
            _run_reading(tuple(run))
        )
        role = ""
        if not lead:
            prev1 = words[i - 1].lower().strip(_EDGE) if i >= 1 else ""
            prev2 = (
                (words[i - 2].lower() + " " + words[i - 1].lower()).strip(_EDGE) if i >= 2 else ""
            )
            if prev2 in honor:
                gender, name = honor[prev2], as_titled
            elif prev1 in honor and words[i - 1][-1:] not in ",.;:":
                gender, name = honor[prev1], as_titled
            elif as_surname is not None:
                name = as_surname
                if prev1 in roles or prev2 in roles:  # "đại biểu Trần Thị Quốc Khánh"
                    role = _role_before(words, i, roles).strip()
            elif start_in_run > 0 and named_more:
                name = as_named
                before = _role_before(words, i, roles)
                if before or title_table.starts(title.split()):
                    # (not "Thoát nước Hà Nội Võ Tiến Hùng": a place ending an employer's name)
                    role = (before + title).strip()
                elif " " not in name and (
                    title in _COMPASS or _place_end(title.split(), start_in_run - 1) < start_in_run
                ):
                    name = ""  # "mùa Đông PyeongChang": one word after no title, country or body
            elif (prev1 in roles or prev2 in roles) and named_more:
                name = as_named
                role = _role_before(words, i, roles).strip()
                if len(run) == 1 and role.lower() in _COMPANY_POSTS and _foreign(run):
                    name = ""  # "tổng giám đốc Vietjet": the company (see _employer)
            else:
                name = ""
        else:
            name = as_titled
        if name:
            index.mentions.append(_Mention(name, pos, gender, role))
    for m in re.finditer(
        r"([A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){1,3})\s*\(\s*(?:tức|còn gọi là|hay)\s+([A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*){0,3})",
        text,
    ):
        full, alias = m.group(1), m.group(2)
        index.aliases[alias] = index.full_name(full)
    return index


def _dashes_joined_in_place(text: str) -> str:
    """`Moon Jae - in` written `Moon Jae-in  `: names whole, every other offset unchanged."""
    if " - " not in text:
        return text
    offsets = name_dash_offsets(text)
    if not offsets:
        return text
    out = []
    last = 0
    for d in offsets:
        tail = _TOKEN.match(text, d + 2)
        if text[d - 1 : d + 2] != " - " or tail is None:
            continue
        out += [text[last : d - 1], "-", tail.group(), "  "]
        last = tail.end()
    return "".join(out) + text[last:]


def _title_words(lex) -> tuple[dict[str, str | None], frozenset[str], frozenset[str]]:
    """Honorific -> gender; honorifics and titles; the last word of each (for `index_people`)."""
    honor: dict[str, str | None] = {h.lower(): "male" for h in lex.words("honorific_male")}
    honor.update({h.lower(): "female" for h in lex.words("honorific_female")})
    honor.update({h.lower(): None for h in lex.words("honorific_neutral")})
    titled = frozenset(honor) | lex.lower("roles")
    return honor, titled, frozenset(t.split(" ")[-1] for t in titled)


@lru_cache(maxsize=1 << 16)
def _run_reading(
    run: tuple[str, ...],
) -> tuple[int, str | None, int, str, str | None, str, bool, str]:
    """What `index_people` can read from a capitalised run alone (memoised: runs recur).

    Returns `(lead, lead gender, start of the name after the lead, name if an honorific or a
    title precedes, name if it is a Vietnamese full name (else None), name after a title, whether
    that name may follow a title, the title words before it)`. Names are "" when the words are
    no name (acronyms dropped; a place or organisation is no name).
    """
    lex = load_lexicon()
    honor = lex.derived("index_people", _title_words)[0]
    surnames = lex.exact("surnames")
    clean_run = [t.strip(_EDGE) for t in run]
    gender: str | None = None
    lead = 2 if len(clean_run) > 2 and " ".join(clean_run[:2]).lower() in honor else 0
    if not lead and len(clean_run) > 1 and clean_run[0].lower() in honor:
        lead = 1
    if lead and lex.table("places", case=True).starts(clean_run) > lead:
        lead = 0  # "Bà Rịa": a place, no honorific
    if lead:
        gender = honor[" ".join(clean_run[:lead]).lower()]
        clean_run = clean_run[lead:]
    start = _name_start(run[lead:])
    tail = clean_run[start:] if start < len(clean_run) else []
    as_surname = (
        _mention_name(clean_run) if clean_run[0] in surnames and 2 <= len(clean_run) <= 4 else None
    )
    if start > 0:
        more = bool(tail) and (clean_run[start] in surnames or _foreign(tail) or len(tail) > 1)
    else:
        more = bool(tail) and (_foreign(tail) or len(tail) > 1)
    return (
        lead,
        gender,
        start,
        _mention_name(clean_run[:4]),
        as_surname,
        _mention_name(tail),
        more,
        " ".join(clean_run[:start]),
    )


def _mention_name(name_toks: list[str]) -> str:
    """The name `index_people` records for these words ("" if none)."""
    name_toks = [t for t in name_toks if t and not _is_acronym(t)]
    if name_toks and _place_end(name_toks, len(name_toks) - 1) != len(name_toks):
        return " ".join(name_toks)
    return ""


_SPACES = re.compile(r"(\s+)")
_BRACKET_HEAD = re.compile(r"[(\[]")


def _line_starts(text: str, starts: list[int]) -> list[int]:
    """Indices of the words that begin a line (after the first line)."""
    firsts = (bisect_left(starts, k) for k in _newlines(text))
    return [j for j in firsts if j < len(starts)]


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """The whitespace-separated words of `text` and their offsets (as `\\S+` would find)."""
    parts = _SPACES.split(text)  # word, spaces, word, …; empty at the ends if spaces are
    offsets = list(accumulate(map(len, parts), initial=0))
    words, starts = parts[0::2], offsets[0:-1:2]
    if words and not words[-1]:
        words, starts = words[:-1], starts[:-1]
    if words and not words[0]:
        words, starts = words[1:], starts[1:]
    return words, starts


def _caps(words: list[str]) -> list[bool]:
    """`_is_cap` of every word, testing first characters in bulk."""
    heads = "".join(map(itemgetter(0), words))
    caps = list(map(str.isupper, heads))
    for m in _OPENER.finditer(heads):  # a word opening with a quote mark: look past it
        caps[m.start()] = _is_cap(words[m.start()])
    return caps


_OPENER = re.compile("[" + re.escape(_OPENERS) + "]")


@lru_cache(maxsize=1 << 16)
def _name_start(run: tuple[str, ...]) -> int:
    """`name_at_end` of a capitalised run, memoised: the same runs recur across articles."""
    return name_at_end(list(run))


def _foreign(tokens: list[str]) -> bool:
    """Whether the words look like a foreign name (no Vietnamese letters)."""
    return not any(ch in _VOWELS_VI for t in tokens for ch in t.lower())


def _role_before(toks: list[str], i: int, roles: frozenset[str]) -> str:
    """The title words just before token `i` (`Người phát ngôn`), with a trailing space.

    The nearest title is taken, grown to a longer title that contains it (`Ngoại trưởng`, not
    `trưởng`; `Phó chủ tịch`, not `chủ tịch`) or that stands right before it (`người phát ngôn
    Tổng thống Nga`: the spokesman's, not the president's). An abbreviation's dot (`UBND TP.
    Hải Phòng`) does not end the title.
    """
    found = 0
    for back in range(1, min(i, 11) + 1):
        if toks[i - back].lower() in _COORDINATORS:
            break  # "Tổng thống Mỹ Donald Trump và nhà lãnh đạo … Kim": not Kim's title
        words = toks[i - back : i]
        if any(w[-1:] in ",.;:" and not _ABBREVIATION.match(w) for w in words):
            if found:
                break
            continue
        hit = next((k for k in (3, 2, 1) if " ".join(words[:k]).lower() in roles), 0)
        if hit and (not found or hit >= 2 and back <= 8):
            found = back  # the first title, or a longer one holding it
        elif found and hit >= 2 and hit == back - found:
            found = back  # a title right before the one found
        elif found and back - found >= 3:
            break
    return " ".join(toks[i - found : i]) + " " if found else ""


# Patterns compiled once (they run for every sentence or speaker phrase).
_ADDRESS = re.compile(r"^(?:Q|P|TP|Tp|H|TX|TT|X|F|KP)\.\w")
_ABBREVIATION = re.compile(r"^(?:TP|Tp|TX|TT|Q|P)\.$")
_PARENS = re.compile(r"\([^()]*\)")
_ACRONYM_DASH = re.compile(r"(?<![\w-])([A-ZĐ]{1,4}) - (?=[A-ZĐ]{1,4}(?![\w-]))")
_DASHES = frozenset("-–—")
_COORDINATORS = frozenset({"và", "với", "cùng", "hoặc", "hay"})
# Words of an English title or of an organisation's name, never of a person's name: a
# publication, a site or a body named so ("War Is Boring", "Defense Tech", "Farm Africa").
_ENGLISH_TITLE_WORDS = frozenset(
    "The Is Of And For With From Are News Times Post Journal Tech Group Daily Weekly Magazine "
    "Review Monitor Today Herald Network Media Press Online Insider Foundation Institute Agency "
    "Watch Africa International Global Research Analytics Capital Partners Holdings Airlines "
    "Airways Motors Bank".split()
)
_WORD_DASH = re.compile(r"(?<=\w) - (?=[^\W\d_])")
_EDGE_PUNCT = ",.;:!?()\"“”'’"
_ARABIC_PART = re.compile(r"^(?:al|el|ul|ad|as|ash|bin|abu)-[A-Z]")


def _place_dashes(text: str) -> list[int]:
    """Offsets of the hyphens between two listed places (`Thừa Thiên - Huế`)."""
    places = load_lexicon().table("places", case=True)
    out = []
    for m in _WORD_DASH.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].split()[-3:]
        after = [w.strip(_EDGE_PUNCT) for w in text[m.end() : m.end() + 40].split()[:3]]
        if before and places.ends_at(before, len(before) - 1) and places.starts(after):
            out.append(m.start() + 1)
    return out


def name_dashes(text: str, acronyms_places: bool = False) -> list[int]:
    """Offsets of the hyphens of names written with a spaced hyphen (`Kim Jong - un`).

    See `newslab._spaced_names.name_dash_offsets`. With `acronyms_places`, also those between
    two acronyms (`Bộ KH - ĐT`) or two listed places (`tỉnh Thừa Thiên - Huế`, `Bà Rịa - Vũng
    Tàu`): no clause boundary, but kept as written in the names read.
    """
    out = name_dash_offsets(text)
    if acronyms_places:
        out += [m.end(1) + 1 for m in _ACRONYM_DASH.finditer(text)]  # "Bộ KH - ĐT"
        out += _place_dashes(text)
    return sorted(out)


_OPEN_PAREN = re.compile(r"\s\([^()]*$")  # a parenthesis the segment cut before it closed
_SPACE_RUN = re.compile(r"\s+")
_PASSIVE = re.compile(r"(?:^|\s)(?:được|bởi)\s+(\S.*)$")
# Words before a name that make it a place's (`huyện Thanh Trì`, `tại Thanh Trì`, `cầu Long Biên`).
_PLACE_BEFORE = frozenset(
    "xã phường huyện tỉnh quận thị trấn thôn ấp làng TP ở tại đến sang khỏi sông núi hồ cầu chợ "
    "bến đảo vịnh đèo biển cảng đồi suối hẻm ngõ kênh rạch đầm".split()
)
# A commune with its unit then a comma, or a place with its unit then a dash: what follows is
# the larger place or the other half of the name ("xã Tân Triều, Thanh Trì", "TP Phan Rang -
# Tháp Chàm"); not "tại TP. HCM, Như Quỳnh cho biết".
_UNIT_NAMED = re.compile(
    r"(?:(?:xã|phường|thị trấn|thôn|ấp)\s+(?:[A-ZĐ]\w*\s+){0,2}[A-ZĐ]\w*\s*,"
    r"|(?:xã|phường|huyện|tỉnh|quận|thị xã|thị trấn|thành phố|TP\.?)\s+(?:[A-ZĐ]\w*\s+){0,2}"
    r"[A-ZĐ]\w*\s*[-–—])$"
)
_AGE = re.compile(r"(?:^|,\s*)(?:SN\s+)?\d{1,3}\s+tuổi\s*(?=,|$)")
_TIME_SPAN = re.compile(
    r"(?:một|mấy|vài|hai|ba)\s+(?:ngày|tuần|tháng|năm|lúc|lần|hôm|buổi|dòng|thời gian)(?:\s|$)"
)
_SIDE = re.compile(r"(?:về\s+)?phía\s+(?=[A-ZĐ])", re.IGNORECASE)
_DONG_THOI = re.compile(r"\s+đồng thời(?=\s|$)")
_CLAUSE_CHAIN = re.compile(r"(?:^|\s)(?:thì|rồi|nhưng|mà)(?:\s|$)")
_HAS_OBJECT = re.compile(
    r"(?:^|\s)có\s+(?!công văn|văn bản|thông báo|thông cáo|tuyên bố|thư|đơn|ý kiến|báo cáo|mặt)"
)
