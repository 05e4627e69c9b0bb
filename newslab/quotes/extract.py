"""Quote events of an article and of a corpus: `extract_quotes`.

Pipeline for one article: index the people it names (`speakers.index_people`), find quoted
passages and quote-aware sentences (`sentences`), then per sentence the `Theo X` sources and the
speech cues with their subjects (`attribution`), and quotations attributed before, after, by a
colon (`Ca sĩ Quang Hà bức xúc: “…”`) or by the adjacent sentence (`direct`). Follow-on
quotation sentences join the event they continue; one event per (sentence, source).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from newslab.quotes.attribution import (
    _BIET,
    Cue,
    _cue_pattern,
    _lower_cue_pattern,
    find_cues,
    find_theo,
    mask_quotes,
    segments_before,
    theo_is_source,
)
from newslab.quotes.direct import colon_speaker, quote_words, quotes_in
from newslab.quotes.lexicon import load_lexicon
from newslab.quotes.sentences import _split, quote_regions
from newslab.quotes.speakers import (
    _DASHES,
    PeopleIndex,
    Speaker,
    _clean,
    _Mention,
    _place_end,
    clean_role,
    index_people,
    n_words,
    name_dashes,
    named_through_person,
    parse_speaker,
)

COLUMNS = [
    "doc_id",
    "speaker",
    "speaker_type",
    "role",
    "gender",
    "mode",
    "cue",
    "quote",
    "sentence",
    "start",
    "end",
    "confidence",
]
_CONFIDENCE = {
    "say": 0.8,
    "request": 0.6,
    "relay": 0.7,
    "theo": 0.75,
    "colon": 0.7,
    "adjacent": 0.7,
}


@dataclass
class Event:
    """One quote event in an article (offsets into the article text)."""

    speaker: Speaker
    mode: str
    cue: str
    quote: str
    start: int
    end: int
    confidence: float
    sentence_index: int
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    cue_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None


def _content_after(sentence: str, pos: int) -> str:
    return _LEAD_IN.sub("", sentence[pos:]).strip()


_PERSON_WORDS = re.compile(
    r"^(?:một\s+)?(?:cô bé|cậu bé|bé|người|phụ nữ|cô gái|chàng trai|thanh niên|cụ|em|ông|bà|anh|chị|cô|"
    r"cựu|nguyên|giám đốc|chủ tịch|trưởng|phó|chuyên gia|giáo sư|tiến sĩ|nhà|ca sĩ|diễn viên|cầu thủ|"
    r"luật sư|phát ngôn viên|bác sĩ|thẩm phán|đại sứ|bộ trưởng|thị trưởng|thống đốc|nghị sĩ|"
    r"thượng nghị sĩ|hạ nghị sĩ|tướng|đại tá|trung tá|thượng tá|thiếu tá|huấn luyện viên|HLV|"
    r"tổng thống|thủ tướng|ngoại trưởng|vợ|chồng|con trai|con gái|mẹ|bố|cha)(?:\s|$)",
    re.IGNORECASE,
)
_AUX_ONLY = re.compile(
    r"^(?:\s*(?:cũng|còn|đã|vừa|mới|đều|thì|lại|từng|phải|đồng thời|sau đó|trước đó))*\s*$"
)


def _speaker_from_segments(
    sentence: str, masked: str, pos: int, floor: int, people: PeopleIndex, offset: int
) -> tuple[Speaker, tuple[int, int]] | None:
    """The source named before `pos`: the nearest clause, or an apposition `X, <role>, cue`."""
    segs = segments_before(masked, pos, floor)
    if not segs:
        return None
    s1, e1 = segs[0]
    inner = _cue_pattern().search(masked, s1, e1)
    if (
        inner
        and load_lexicon().cues.get(_SPACE_RUN.sub(" ", inner.group().lower())) == "request"
        and sentence[s1 : inner.start()].strip()
        and not _OF_FROM.match(sentence[inner.end() : inner.end() + 6])
    ):  # a word of the cue list that was not a cue (`đề nghị người dân`) ends the subject
        e1 = inner.start()
    phrase = sentence[s1:e1].strip()
    fallback = None
    links = list(_CLAUSE_LINKED.finditer(sentence, s1, e1))
    if links and _titled(sentence[links[-1].end() : e1].split()):
        # "…, ấm lòng khi được giúp đỡ nên anh Chí (cho biết)": the last clause's subject
        at = links[-1].end()
        tail = parse_speaker(sentence[at:e1], people, offset + at)
        if tail is not None and tail.kind == "person":
            return tail, (at, e1)
    first = parse_speaker(phrase, people, offset + s1) if phrase else None
    if len(segs) > 1 and _DASH.match(masked[segs[1][1] : segs[1][1] + 3]):
        # "chủ đầu tư dự án cao tốc Hà Nội - Hải Phòng": a route between two places is one name
        s0, e0 = segs[1]
        before = sentence[s0:e0].split()
        route = bool(before) and phrase[:1].isupper() and _place_end(
            [w.strip(",.") for w in before], len(before) - 1
        )
        if route or (
            first is None
            and phrase
            and not _AUX_ONLY.match(phrase)
            and _not_a_person(sentence[s0:e0], people)
        ):
            # ("Sở TN - MT tỉnh Thái Nguyên" too: a name with a dash in it, read whole; but
            # "Thượng úy X - Chính trị viên …" is a person and a title)
            whole = parse_speaker(sentence[s0:e1], people, offset + s0)
            if route and _is_place(sentence[s0:e1].strip()):
                whole = None  # "…, Bà Rịa - Vũng Tàu (xác nhận)": a province locating the source
            if whole is not None and (first is None or len(whole.name) > len(first.name)):
                if whole.kind != "unnamed" or route:
                    return whole, (s0, e1)
                # "X - tổng giám đốc Vietjet - đã … cho rằng": a person named before wins
                fallback = whole, (s0, e1)
    if (
        len(segs) > 1
        and _is_place(phrase)
        and _COMMA_OR_DASH.match(masked[segs[1][1] : segs[1][1] + 3])
    ):
        # "lãnh đạo Công an quận Hoàng Mai, Hà Nội cho biết": the place locates the source before
        located = _speaker_from_segments(sentence, masked, segs[1][1], floor, people, offset)
        if located is not None:
            return located
    if (first and first.kind == "organization" and first.name) or not phrase:
        # (an empty nearest segment: "…, Bộ Công thương - cho rằng")
        titled = _person_titled_before(sentence, masked, segs[0 if phrase else 1 :], people, offset)
        if titled is not None:
            return titled
    named = _named_before_apposition(sentence, masked, segs, people, offset)
    if named is not None:
        return named
    if first and first.kind in {"person", "organization"} and first.name:
        return first, (s1, e1)
    if first is not None and first.kind == "unnamed" and (
        _NEW_CLAUSE.match(phrase)
        or _SOURCE_NOUN.match(phrase)
    ):
        # "…, dù người đẹp cho rằng": a clause of its own, no apposition; "…, Florida, nguồn
        # tin cho hay": a source, not a description of the place before
        return first, (s1, e1)
    # apposition: "Polar, một công ty …, cũng phải thông báo" / "ông X, Giám đốc Y cho biết"
    roles = [phrase] if phrase and not _AUX_ONLY.match(phrase) else []  # (not "sau đó")
    # "chị Thuỳ Trang - vợ của ca sĩ Phạm Anh Khoa cho biết": the wife, named before
    through = first is not None and first.kind == "unnamed" and named_through_person(
        first.name.split()
    )
    unreadable = (
        first is None and bool(phrase) and n_words(phrase) <= 14 and not _AUX_ONLY.match(phrase)
    )
    if (
        first is not None
        or not phrase
        or _AUX_ONLY.match(phrase)
        or phrase[:1].islower()
        or unreadable
    ):
        for s0, e0 in segs[1:4]:
            if masked[e0 : e0 + 1] != "," and not _DASH.match(masked[e0 : e0 + 3]):
                break
            seg = sentence[s0:e0].strip()
            prev = parse_speaker(seg, people, offset + s0) if seg else None
            if seg in _COUNTRY_PRONOUNS and roles and _COUNTRY_NOUN.match(roles[-1]):
                prev = Speaker(seg, "organization")  # "Anh, quốc gia …": England, not "he"
            if unreadable and prev is not None and prev.kind == "organization":
                if seg not in _COUNTRY_PRONOUNS:
                    break  # only a person (named, or by a title before the name) may stand here
            if through and (
                prev is None or prev.kind != "person" or not (_titled(seg.split()) or prev.name == seg)
            ):
                break  # "…, quản lý của ca sĩ X cho biết": only a person named so is described
            if prev and prev.kind in {"person", "organization"}:
                if roles and roles[-1].lower().startswith(("các ", "những ", "nhiều ", "giới ")):
                    break  # a plural source of its own, not a description of the name before
                if roles and _PERSON_WORDS.match(roles[-1]) and _is_place(seg):
                    break  # "Nhấn mạnh về “thương hiệu” Đà Nẵng, chủ tịch Quốc hội nhận định"
                if (
                    roles
                    and n_words(roles[-1]) <= 14
                    and not _CLAUSE_LINK.match(" " + roles[-1] + " ")
                    and not _ADDRESS_ROLE.match(roles[-1])
                ):  # ("…, nhưng cho biết": "nhưng" is no title; "xã Thanh Đức" an address)
                    prev.role = _with_apposition(prev, clean_role(roles[-1]), people)
                    if (
                        prev.kind == "organization"
                        and _PERSON_WORDS.match(roles[-1])
                        and not load_lexicon().table("outlets", case=True).starts(prev.name.split())
                    ):
                        prev.kind = "person"  # "Hisyam Teh Poh Teik, luật sư của …" (not Bloomberg)
                return prev, (s0, e0)
            if prev is None and n_words(seg) <= 14 and not _AUX_ONLY.match(seg):
                # "luật sư X, Đoàn luật sư TP Hà Nội, cho biết": an affiliation, then the name
                unreadable = True
            elif prev is None or n_words(seg) > 14:
                break
            roles.append(seg)
    if first:
        return first, (s1, e1)
    return fallback


# Capitalised words that are a pronoun or a country ("Anh" he / England), and the appositions
# that make them the country.
_COUNTRY_PRONOUNS = frozenset({"Anh"})
_COUNTRY_NOUN = re.compile(r"(?:quốc gia|nước|đồng minh|vương quốc|xứ sở)\b", re.IGNORECASE)
def _named_before_apposition(
    sentence: str, masked: str, segs: list[tuple[int, int]], people: PeopleIndex, offset: int
) -> tuple[Speaker, tuple[int, int]] | None:
    """`Ông X - giám đốc Xí nghiệp Đray H’ Linh - cho biết`: the person named before the dash.

    A title between dashes after an honorific and a name describes that person, even when
    its last words look like a name of their own (a plant, a company named after a place);
    so does a title after a comma that names an organisation.
    """
    k = 0 if sentence[segs[0][0] : segs[0][1]].strip() else 1
    if k + 1 >= len(segs):
        return None
    title = sentence[segs[k][0] : segs[k][1]].strip()
    if not _DASH.match(masked[segs[k + 1][1] : segs[k + 1][1] + 3]):
        # after a comma only when the title names an organisation whose name may end like a
        # person's ("ông X, Đội trưởng Đội chắn đường ngang Giáp Bát cho biết")
        words = title.split()
        heads = load_lexicon().table("org_heads")
        if masked[segs[k + 1][1] : segs[k + 1][1] + 1] != "," or not any(
            heads.starts(words[j:]) for j in range(1, len(words))
        ):
            return None
    described = parse_speaker(title, people, offset + segs[k][0]) if title else None
    if described is None or described.kind != "person" or not described.role:
        return None
    s0, e0 = segs[k + 1]
    if not _titled_name(sentence[s0:e0].split()):
        return None
    person = parse_speaker(sentence[s0:e0], people, offset + s0)
    if person is None or person.kind != "person":
        return None
    if _clean(sentence[s0:e0].split()[-1]) not in person.name.split():
        return None  # "ông Kim muốn gặp ông Trump, thư ký … Sarah Sanders": no apposition
    person.role = _with_apposition(person, clean_role(title), people)
    return person, (s0, e0)


def _person_titled_before(
    sentence: str,
    masked: str,
    segs: list[tuple[int, int]],
    people: PeopleIndex,
    offset: int,
) -> tuple[Speaker, tuple[int, int]] | None:
    """`Bà X, Trưởng phòng Y, công ty Z cho biết`: the person, titled by the two segments after.

    `segs` are the comma segments before the cue, nearest first; the nearest names an
    organisation, the one before it opens with a title, and the one before that is a person
    with no title of their own.
    """
    if len(segs) < 3 or masked[segs[1][1] : segs[1][1] + 1] != ",":
        return None
    if not _COMMA_OR_DASH.match(masked[segs[2][1] : segs[2][1] + 3]):
        return None  # ("Ông X - phó cục trưởng Cục Y, Bộ Z - cho rằng": a dash before the title)
    if not sentence[segs[0][0] : segs[0][1]].strip():
        return None
    title = sentence[segs[1][0] : segs[1][1]].strip()
    if not _titled(title.split()) or n_words(title) > 14:
        return None
    org = sentence[segs[0][0] : segs[0][1]].strip()
    named = parse_speaker(title, people, offset + segs[1][0])
    if named is not None and named.kind == "person" and named.name in title:
        # "Từ Úc, giáo sư Carl Thayer tại ĐH New South Wales, Học viện Quốc phòng Úc, khẳng định"
        named.role = clean_role(f"{named.role}, {org}")
        return named, segs[1]
    s0, e0 = segs[2]
    person = parse_speaker(sentence[s0:e0], people, offset + s0)
    if person is None or person.kind != "person":
        return None
    person.role = _with_apposition(person, clean_role(f"{title}, {org}"), people)
    if not person.role.endswith(org):
        return None  # the person has a title of their own: the organisation is no apposition
    return person, (s0, e0)


def _with_apposition(speaker: Speaker, apposition: str, people: PeopleIndex) -> str:
    """The speaker's role given the words in apposition (`X, Trưởng Công an huyện Y,`).

    With no role, the apposition is the role. A role the article gives the person elsewhere
    (`Đại tá`) is joined with an apposition that opens with a title (`Đại tá, Trưởng Công an
    huyện Y`); the apposition alone if it holds that role. A title in the speaker phrase
    itself is kept.
    """
    own = speaker.role
    if not own:
        return apposition
    article_roles = {people.role(speaker.name), people.role(speaker.name, quoted=False)}
    if own not in article_roles or not _titled(apposition.split()):
        return own
    if own.lower() in apposition.lower():
        return apposition
    return f"{own}, {apposition}"


def _not_a_person(phrase: str, people: PeopleIndex) -> bool:
    """Whether `phrase` names no person (an organisation, a title, or nothing readable)."""
    sp = parse_speaker(phrase, people)
    return sp is None or sp.kind != "person"


def _title_length(tokens: list[str]) -> int:
    """Length of the honorific or title the words open with (0 if none)."""
    lex = load_lexicon()
    return lex.table("honorific_male", "honorific_female", "honorific_neutral", "roles").starts(
        tokens
    )


def _titled(tokens: list[str]) -> bool:
    """Whether the words open with an honorific or a title (`anh Chí`, `đạo diễn Phạm …`)."""
    return bool(tokens) and _title_length(tokens) > 0


def _titled_name(tokens: list[str]) -> bool:
    """Whether the words open with an honorific or a title, then a name (`Ông Lê …`)."""
    k = _title_length(tokens)
    return 0 < k < len(tokens) and tokens[k][:1].isupper()


def _mark_quoted_mentions(people: PeopleIndex, text: str, regions: list[tuple[int, int]]) -> None:
    """Flag the mentions inside a quotation of a few words or more (not a quoted nickname)."""
    people.quotations = [(a, b) for a, b in regions if quote_words(text[a:b]) >= 4]
    if people.quotations:
        for m in people.mentions:
            m.quotation = people.quotation_at(m.start)


def _is_place(phrase: str) -> bool:
    """`Hà Nội`, `TP. Hải Phòng`, `tỉnh Bắc Giang`: a place named after a comma."""
    bare = _ADMIN_PREFIX.sub("", phrase.strip())
    if bare in load_lexicon().words("places"):
        return True
    words = [w for w in bare.split() if w not in _DASHES]  # "tỉnh Thừa Thiên - Huế"
    return bare != phrase.strip() and 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def _coordinated(
    phrase_span: tuple[int, int], sentence: str, people: PeopleIndex, offset: int
) -> list[Speaker]:
    """`Quang Hà và Quang Cường (đều) xác nhận`: one speaker per named conjunct."""
    a, b = phrase_span
    phrase = sentence[a:b]
    parts = re.split(
        r"\s+(?:và|cùng)\s+", re.sub(r"\s+(?:đều|cùng|cũng)(?:\s+\S+)*$", "", phrase.strip())
    )
    if len(parts) != 2:
        return []
    if load_lexicon().table("org_heads").starts(parts[0].split()) and parts[1][:1].islower():
        return []  # "Công ty dầu khí và khí đốt tự nhiên … Saudi Aramco": one name
    out = []
    for part in parts:
        sp = parse_speaker(part, people, offset + a)
        if sp is None or sp.kind == "unnamed":
            return []
        out.append(sp)
    return out


def _events_in_sentence(
    text: str,
    s: int,
    e: int,
    regions: list[tuple[int, int]],
    people: PeopleIndex,
    index: int,
    prev_quote: tuple[int, int] | None = None,
    local: list[tuple[int, int]] | None = None,
) -> list[Event]:
    sentence = text[s:e]
    if local is None:  # the quotation spans relative to the sentence
        local = [(max(a, s) - s, min(b, e) - s) for a, b in regions if a < e and b > s]
    masked = mask_quotes(sentence, local)
    quotes = quotes_in(sentence, local)
    events: list[Event] = []
    theo_spans = []
    for t0, x0, x1 in find_theo(masked):
        phrase = sentence[x0:x1]
        cue_text = "Theo"
        # "Theo Quang Hà kể, …": the cue inside the phrase belongs to this event
        inner = [c for c in find_cues(masked[x0:x1] + ",") if c.kind == "say"]
        if inner:
            phrase, cue_text = phrase[: inner[0].start], inner[0].text
        theo_spans.append((t0, x1))
        if not theo_is_source(phrase):
            continue
        content = _content_after(sentence, x1)
        if len(_WORDS.findall(content)) < 2:
            # "…, theo AFP.": the content comes first; a bare credit line ("Theo AFP.",
            # "Thu Hương (Theo Business Insider)") has none and is not an event.
            content = sentence[:t0].strip(" ,;:(-–—")
            if len(_WORDS.findall(content)) < 4:
                continue
        sp = parse_speaker(phrase, people, s + x0)
        dash = _DASH.search(phrase)
        parts = [phrase[: dash.start()], phrase[dash.end() :]] if dash else [phrase]
        if (
            dash is not None
            and (sp is None or sp.kind == "unnamed" or sp.name not in parts[0])
            and len(parts[1].split()) <= 20
            and dash.start() + 1 not in name_dashes(phrase)  # not "Hong Yeo - jin"
        ):
            # "Theo PGS.TS X - trưởng khoa Việt Nam học và tiếng Việt, …": the whole phrase
            # reads as no name, or as "Việt"; the person is named before the dash
            named = parse_speaker(parts[0], people, s + x0)
            if named is not None and named.kind == "person":
                title = clean_role(parts[1])
                named.role = f"{named.role}, {title}" if named.role else title
                sp = named
        if sp is None:
            continue
        if sp.kind == "person" and masked[x1 : x1 + 1] == ",":
            # "Theo anh X, Bí thư đoàn thanh niên trại giam Y, đây là …": the title is no content
            title_end = masked.find(",", x1 + 1)
            title = sentence[x1 + 1 : title_end].strip() if title_end > 0 else ""
            rest = _content_after(sentence, title_end + 1) if title else ""
            if (
                load_lexicon().table("roles").starts(title.split())
                and n_words(title) <= 12
                and not find_cues(masked[x1 + 1 : title_end])
                and len(_WORDS.findall(rest)) >= 4
            ):
                sp.role = _with_apposition(sp, clean_role(title), people)
                content = rest
        # "Theo ông X - trưởng phòng Y, …": a title of up to 20 syllables, ended by the comma
        if len(parts) == 2 and not sp.role and sp.name and sp.name in parts[0]:
            if len(parts[1].split()) <= 20:
                sp.role = clean_role(parts[1])
        events.append(
            Event(
                sp,
                "indirect",
                cue_text,
                content,
                s,
                e,
                _CONFIDENCE["theo"],
                index,
                cue_span=(s + t0, s + t0 + 3),
                speaker_span=(s + x0, s + x1),
            )
        )
        _remember(people, events[-1])
    cues = [c for c in find_cues(masked) if not any(a <= c.start < b for a, b in theo_spans)]
    floor, prev_kind = 0, None
    relayed_by: Cue | None = None  # "dẫn lời X cho hay.": the say cue that X's words end with
    for k, cue in enumerate(cues):
        nested = prev_kind in {"say", "request"} and not _CLAUSE_BREAK.search(
            masked[floor : cue.start]
        )
        prev_kind = cue.kind
        if nested or cue is relayed_by:
            # "Nga yêu cầu NATO cam kết …": the second verb belongs to the content
            floor = cue.end
            continue
        found = _speaker_from_segments(sentence, masked, cue.start, floor, people, s)
        relay_content = None
        if cue.kind == "relay":
            floor = cue.end
            tail_end, relayed_by = _relay_tail(sentence, masked, cue, cues[k + 1 :])
            if tail_end is not None:
                tail = sentence[cue.end : relayed_by.start if relayed_by else tail_end]
                relay_content = _content_after(sentence, tail_end)
                if (
                    len(_WORDS.findall(relay_content)) < 2
                    and found is not None
                    and not any(quote_words(sentence[qa:qb]) >= 4 for qa, qb in quotes)
                ):
                    # "…, Reuters dẫn lời ông X (cho hay).": the content is the clause before
                    relay_content = sentence[: found[1][0]].strip(" ,.-–—")
                relayed = parse_speaker(tail, people, s + cue.end)
                if relayed:
                    events.append(
                        Event(
                            relayed,
                            "indirect",
                            relayed_by.text if relayed_by else cue.text,
                            relay_content,
                            s,
                            e,
                            _CONFIDENCE["relay"],
                            index,
                            cue_span=(s + cue.start, s + cue.end),
                            speaker_span=(s + cue.end, s + cue.end + len(tail)),
                        )
                    )
        else:
            floor = cue.end
        if found is None:
            segs = segments_before(masked, cue.start, floor)
            both = _coordinated(segs[0], sentence, people, s) if segs else []
            if not both:
                continue
            found = (both[0], segs[0])
        sp, (a, b) = found
        if sp.kind == "unnamed" and sum(not w[:1].isupper() for w in sp.name.split()) > 8:
            continue  # a long description, not a source (names in it do not count)
        content = _content_after(sentence, cue.end) if relay_content is None else relay_content
        if _ADDRESSEE_ONLY.match(content) and not any(
            quote_words(sentence[qa:qb]) >= 4 for qa, qb in quotes
        ):
            # "gia đình em T. đã tố cáo với cơ quan chức năng.": an addressee, no content
            if not prev_quote:
                continue
            content = ""  # "… nói với CNA." after a quotation line: it takes the quotation
        before_content = sentence[:a].strip(" ,.-–—")
        start = s
        if len(content.split()) < 2 and len(before_content.split()) < 3:
            if not prev_quote:
                continue
            start = prev_quote[0]  # "- bà Tươi cho VTC News biết." after a quotation line
        closing = False
        if (
            cue.kind == "say"
            and len(_WORDS.findall(content)) < 2
            and not any(quote_words(sentence[qa:qb]) >= 4 for qa, qb in quotes)
            and start == s
        ):
            # "…, chuyên gia nhận định.": the content is the clause before the source; a verb
            # with neither ("song Moscow một mực phủ nhận.") reports no content: no event.
            # '…mình”, Khương chia sẻ.' ends a quotation opened in an earlier sentence.
            closing = before_content.endswith(_CLOSERS)
            lead = sentence[max(0, a - 3) : a]
            if _CLAUSE_LINK.match(sentence, a) or not _COMMA_OR_DASH.search(lead):
                continue
            content = ""
        speakers = _coordinated((a, b), sentence, people, s) or [sp]
        for one in speakers:
            events.append(
                Event(
                    one,
                    "indirect",
                    cue.text,
                    content or before_content,
                    start,
                    e,
                    _CONFIDENCE[cue.kind],
                    index,
                    cue_span=(s + cue.start, s + cue.end),
                    speaker_span=(s + a, s + b),
                )
            )
            _remember(people, events[-1])
            if start != s:
                events[-1].mode = "direct"
                events[-1].quote = text[start:s].strip().strip('“”"«» .')
                events[-1].quote_spans = [prev_quote]
            elif closing:
                events[-1].mode = "direct"
                events[-1].quote = before_content.strip('“”"«» ')
    if quotes:
        long_quotes = [(a, b) for a, b in quotes if quote_words(sentence[a:b]) >= 4]
        if long_quotes:
            spans = [(s + a, s + b) for a, b in long_quotes]
            text_q = " ".join(sentence[a:b].strip('“”"«»‘’ ') for a, b in long_quotes)
            for ev in events:
                ev.mode, ev.quote, ev.quote_spans = "direct", text_q, spans
                ev.confidence = min(0.95, ev.confidence + 0.1)
            if not events:
                got = colon_speaker(sentence, masked, long_quotes[0][0], people, s)
                if got is not None:
                    sp, verb, (a, b) = got
                    events.append(
                        Event(
                            sp,
                            "direct",
                            verb or ":",
                            text_q,
                            s,
                            e,
                            _CONFIDENCE["colon"],
                            index,
                            spans,
                            speaker_span=(s + a, s + b),
                        )
                    )
    return _dedupe(events)


def _relay_tail(
    sentence: str, masked: str, cue: Cue, later: list[Cue]
) -> tuple[int | None, Cue | None]:
    """Where the source a relay cue passes on ends, and the say cue that closes it, if any.

    `Reuters dẫn lời ông X.` → the end of `ông X`; `… dẫn lời các nguồn tin cho hay(, …)` →
    the end of `cho hay` (returned as the closing cue: its content is the relayed source's).
    `(None, None)` when the next cue stands in a clause of its own.
    """
    after = [c for c in later if c.kind != "relay"]
    if not after:
        return cue.end + len(_PUNCT_SPLIT.split(sentence[cue.end :])[0]), None
    close = after[0]
    if close.kind == "say" and not _CLAUSE_BREAK.search(masked, cue.end, close.start):
        return close.end, close
    return None, None


def _remember(people: PeopleIndex, event: Event) -> None:
    """Count a person quoted as a mention where the source stands, for pronouns after it.

    "Jared Kushner … thừa nhận …, nhưng anh khẳng định": `anh` is the person just quoted, even
    when the article named him without a title (which `index_people` does not count).
    """
    sp = event.speaker
    if sp.kind == "person" and sp.name and event.speaker_span is not None:
        # (no gender: a pronoun's gender may have been guessed wrong; the article's mentions
        # of the name give it)
        # Its role, if a title, names the person's later quotes (`Bí thư phường X` after
        # `ông Y, Bí thư Đảng ủy phường X`).
        # ("Peter McMahon, một kỹ sư cơ khí …": `Kỹ sư cho rằng` later is him)
        role = sp.role[4:] if sp.role.lower().startswith("một ") else sp.role
        role = role if load_lexicon().table("roles").starts(role.split()) else ""
        people.mentions.append(_Mention(sp.name, event.speaker_span[0], None, role, True))


def same_speaker(a: str, b: str) -> bool:
    """Whether two names of one article are the same source (one is the first or last part)."""
    ta, tb = a.lower().replace("-", " ").split(), b.lower().replace("-", " ").split()
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return bool(short) and (long[: len(short)] == short or long[-len(short) :] == short)


def _dedupe(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for ev in events:
        twin = next((k for k in kept if same_speaker(k.speaker.name, ev.speaker.name)), None)
        if twin is None:
            kept.append(ev)
        elif len(ev.speaker.name) > len(twin.speaker.name) or ev.confidence > twin.confidence:
            if len(twin.speaker.name) > len(ev.speaker.name):
                ev.speaker.name = twin.speaker.name
            kept[kept.index(twin)] = ev
    return kept


def _only_quote(sentence: str, regions: list[tuple[int, int]]) -> bool:
    rest = sentence
    for a, b in sorted(regions, reverse=True):
        rest = rest[:a] + rest[b:]
    return len(_WORDS.findall(rest)) <= 1


def _extend_orgs(events: list[Event], text: str) -> None:
    """Give organisations the fullest name the article uses: `Hội nghề cá` -> `… Việt Nam`."""
    names = [ev.speaker.name for ev in events if ev.speaker.kind == "organization"]
    if not names:
        return
    places = load_lexicon().derived("places_longest_first", _places_longest_first)
    lowered = text.lower()
    full: dict[str, str] = {}
    for name in set(names):
        best = name
        for other in names:
            extra = other[len(name) :].split()
            if (
                len(other) > len(best)
                and other.lower().startswith(name.lower() + " ")
                and len(extra) <= 3
                and all(w[:1].isupper() for w in extra)
            ):
                best = other
        if best == name:
            at = lowered.find(name.lower() + " ")
            while at >= 0 and best == name:
                after = lowered[at + len(name) + 1 : at + len(name) + 40]
                for place, low in places.get(after[:1], ()):
                    if after.startswith(low) and not after[len(low) : len(low) + 1].isalnum():
                        best = text[at : at + len(name) + 1 + len(place)]
                        break
                at = lowered.find(name.lower() + " ", at + 1)
        full[name] = best
    for ev in events:
        if ev.speaker.kind == "organization":
            ev.speaker.name = full.get(ev.speaker.name, ev.speaker.name)


def _name_people(events: list[Event]) -> None:
    """Give a one-word source the full name of a person quoted in the same article.

    `Theo Gessen, …` after `bình luận viên Masha Gessen cho rằng …` is Masha Gessen, a person;
    alone, a word without Vietnamese letters reads as an organisation (`Gessen`, `Huawei`).
    The quoted persons are looked up as `PeopleIndex` looks up an article's mentions.
    """
    quoted = PeopleIndex(
        [
            _Mention(ev.speaker.name, ev.start, ev.speaker.gender, ev.speaker.role)
            for ev in events
            if ev.speaker.kind == "person" and " " in ev.speaker.name
        ]
    )
    if not quoted.mentions:
        return
    lex = load_lexicon()
    for ev in events:
        sp = ev.speaker
        if sp.kind == "unnamed" or " " in sp.name:
            continue
        full = quoted.full_name(sp.name)
        if full == sp.name or lex.table("places", "outlets", case=True).starts([sp.name]):
            continue
        ev.speaker = Speaker(
            full, "person", sp.role or quoted.role(full), sp.gender or quoted.gender(full)
        )


def _cue_hits(text: str) -> tuple[list[int], list[int]] | tuple[None, None]:
    """Starts and ends of the cue matches in the whole text, to skip sentences without any.

    A cue that `find_cues` matches in a sentence is matched in the whole text too, or the text
    has a match overlapping it: sentences are bounded by spaces, masking keeps the quotation
    marks next to the words it hides, and cues are words and spaces only, at least two
    characters long. So a sentence no match overlaps holds no cue. (None, None) when the cue
    list breaks these conditions.
    """
    if not _cues_skippable():
        return None, None
    unsafe, lower_cues = _lower_cue_pattern()
    if unsafe.search(text):
        spans = [m.span() for m in _cue_pattern().finditer(text)]
    else:
        spans = [m.span() for m in lower_cues.finditer(text.lower())]
    return [a for a, _ in spans], [b for _, b in spans]


@lru_cache(maxsize=1)
def _cues_skippable() -> bool:
    cues = load_lexicon().cues
    return all(len(c) >= 2 and _CUE_CHARS.fullmatch(c) for c in cues)


def _places_longest_first(lex) -> dict[str, list[tuple[str, str]]]:
    """`(place, lower-cased)` longest first, by first lower-cased character."""
    out: dict[str, list[tuple[str, str]]] = {}
    for place in sorted(lex.words("places"), key=len, reverse=True):
        out.setdefault(place.lower()[:1], []).append((place, place.lower()))
    return out


def _boilerplate(text: str, title: str | None) -> list[tuple[int, int]]:
    """Spans of photo captions, bylines, teasers and outlet lines (never sources)."""
    try:
        from newslab.cleaning import clean_text
    except ImportError:  # pragma: no cover - cleaning is part of the package
        return []
    _, removed = clean_text(text, title=title)
    return [(r["start"], r["start"] + len(r["text"])) for r in removed if "start" in r]


def article_events(
    text: str, *, title: str | None = None, skip_boilerplate: bool = True
) -> list[Event]:
    """All quote events of one article text.

    Args:
        text: Article body (NFC, `\\n` line ends).
        title: The article's title, if known (helps recognise a repeated title line).
        skip_boilerplate: Drop events inside photo captions, bylines, teasers and outlet lines
            (found by `newslab.clean_text`); the offsets stay those of `text`.

    Returns:
        Events in text order.

    Example:
        >>> evs = article_events("Ông Nguyễn Văn A cho biết, giá xăng sẽ giảm vào tuần tới.")
        >>> evs[0].speaker.name, evs[0].cue
        ('Nguyễn Văn A', 'cho biết')
    """
    people = index_people(text)
    regions = quote_regions(text)
    _mark_quoted_mentions(people, text, regions)
    sentences = _split(text, regions)  # split_sentences without finding the quotes again
    events: list[Event] = []
    prev_only_quote: tuple[int, int] | None = None
    hit_starts, hit_ends = _cue_hits(text)
    for i, (s, e) in enumerate(sentences):
        local = [(max(a, s) - s, min(b, e) - s) for a, b in regions if a < e and b > s]
        if not local and hit_starts is not None:
            k = bisect_right(hit_ends, s)  # the first cue match that ends after s
            if (
                (k == len(hit_starts) or hit_starts[k] >= e)
                and text.find("'", s, e) < 0
                and text.find("heo", s, e) < 0
                and not _BIET.search(text, s, e)
            ):
                # no cue, no `Theo`, no `cho … biết`, no quotation: no event (see _cue_hits)
                prev_only_quote = None
                continue
        found = _events_in_sentence(text, s, e, regions, people, i, prev_only_quote, local)
        only_quote = bool(local) and _only_quote(text[s:e], local)
        prev_only_quote = (s, e) if only_quote and not found else None
        for ev in found:
            if ev.speaker.kind == "organization":
                people.orgs.append((ev.start, ev.speaker.name))
        if found:
            events.extend(found)
            continue
        if not only_quote:
            continue
        # a quotation standing alone continues the event of the sentence before
        prev = events[-1] if events else None
        if prev is None or prev.sentence_index < i - 1:
            continue
        prev_sentence = text[sentences[i - 1][0] : sentences[i - 1][1]]
        if prev.mode == "direct" or prev_sentence.rstrip().endswith(":"):
            prev.end = e
            prev.sentence_index = i
            prev.mode = "direct"
            prev.quote_spans = prev.quote_spans + [(s + a, s + b) for a, b in local]
            prev.quote = (prev.quote + " " + text[s:e].strip('“”"«» ')).strip()
    _extend_orgs(events, text)
    _name_people(events)
    if skip_boilerplate and events:  # (nothing to drop in an article without events)
        spans = _boilerplate(text, title)
        events = [ev for ev in events if not any(a <= ev.start < b for a, b in spans)]
    return events


def extract_quotes(corpus, *, progress: bool = True) -> pd.DataFrame:
    """Extract quote events (who says what, directly or reported) from a corpus.

    Args:
        corpus: A corpus DataFrame from `newslab.load_corpus` (index `doc_id`, column `text`),
            or a path / list of paths to load.
        progress: Show a tqdm progress bar on stderr (only for 50 articles or more).

    Returns:
        One row per event, columns `doc_id, speaker, speaker_type ("person" | "organization" |
        "unnamed"), role, gender ("male" | "female" | None), mode ("direct" | "indirect"), cue,
        quote, sentence, start, end, confidence`. `start`/`end` are offsets of the sentence in
        the article's `text`; `text[start:end] == sentence`.

    Example:
        >>> import newslab
        >>> q = newslab.extract_quotes(newslab.load_corpus("seeds"))
        >>> q[["speaker", "cue"]].head(2)
             speaker       cue
        0  Jen Psaki  cho biết
        1  Jen Psaki  cho biết
    """
    from newslab.corpus import as_corpus

    frame = as_corpus(corpus)
    rows = []
    titles = frame["title"] if "title" in frame.columns else pd.Series(None, index=frame.index)
    if frame.index.is_unique and isinstance(titles, pd.Series):  # no label lookup per row
        title_list = titles.tolist()
    else:  # a repeated doc_id gets a Series from .get, hence no title: keep that
        title_list = [titles.get(doc_id) for doc_id in frame.index]
    items = frame["text"].items()
    if progress and len(frame) >= 50:  # only where it helps (no widget warning for small runs)
        from tqdm import tqdm

        items = tqdm(items, total=len(frame), desc="quotes", unit="doc")
    for (doc_id, text), title in zip(items, title_list, strict=True):
        if not isinstance(text, str):
            continue
        for ev in article_events(text, title=title if isinstance(title, str) else None):
            rows.append(
                {
                    "doc_id": str(doc_id),
                    "speaker": ev.speaker.name,
                    "speaker_type": ev.speaker.kind,
                    "role": ev.speaker.role,
                    "gender": ev.speaker.gender if ev.speaker.kind == "person" else None,
                    "mode": ev.mode,
                    "cue": ev.cue,
                    "quote": ev.quote,
                    "sentence": text[ev.start : ev.end],
                    "start": ev.start,
                    "end": ev.end,
                    "confidence": round(ev.confidence, 2),
                }
            )
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    out["gender"] = out["gender"].astype(object).where(out["gender"].notna(), None)
    return out


# Patterns compiled once (they run for every sentence or speaker phrase).
_LEAD_IN = re.compile(r"^[\s,:;]*(?:rằng\s+|là\s+)?")
_SPACE_RUN = re.compile(r"\s+")
_OF_FROM = re.compile(r"\s+(?:của|từ)\s")
_COMMA_OR_DASH = re.compile(r",|\s[-–—]\s")
_DASH = re.compile(r"\s[-–—]\s")
# Words that open a new clause inside a subject phrase ("… nên anh Chí"); not "và" or "mà",
# which join names ("Đức và Hà Lan") and relative clauses ("bài viết mà bà X …").
_CLAUSE_LINKED = re.compile(r"\s(?:nên|thì|nhưng|song|rồi|khi)\s+", re.I)
_CLOSERS = ("”", '"', "»")
# A clause that opens with one of these is no source standing after its content.
_CLAUSE_LINK = re.compile(r"\s*(?:song|nhưng|và|còn|thì|mà|nên|tuy nhiên|thế nhưng)\s", re.I)
_ADDRESS_ROLE = re.compile(
    r"(?:ở\s+)?(?:xóm|thôn|ấp|bản|xã|phường|huyện|quận|tỉnh|thị xã|thị trấn|thành phố|TP\.?)"
    r"\s+\S"
)
_SOURCE_NOUN = re.compile(r"(?:(?:một|các|những|nhiều|hai|ba)\s+)?nguồn\s", re.I)
_NEW_CLAUSE = re.compile(r"(?:dù|mặc dù|tuy|nhưng|song)\s", re.I)
_ADMIN_PREFIX = re.compile(
    r"^(?:(?:trú|ngụ|cư trú|thường trú)(?:\s+(?:ở|tại))?\s+)?"  # "trú thôn Khe Sòng": an address
    r"(?:TP\.?|Tp\.?|TX\.?|TT\.?|thành phố|tỉnh|quận|huyện|thị xã|thị trấn|xã|phường|thôn|"
    r"xóm|ấp|bản)\s*"
)
_CLAUSE_BREAK = re.compile(r"[,;:“”\"«»]|\s[-–—]\s")
_PUNCT_SPLIT = re.compile(r"[,;:“”\"«»]")
_WORDS = re.compile(r"\w+")
# What follows a speech verb when it is only the person told: "với ban tổ chức.", "cho công an."
_ADDRESSEE_ONLY = re.compile(r"^(?:với|cho)\s+[^\s,;:]+(?:\s+[^\s,;:]+){0,4}\s*[.!…]*$")
_CUE_CHARS = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")
