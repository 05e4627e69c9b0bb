"""Rules that turn pyvi's word segmentation into words for analysis (`newslab.segment`).

pyvi decides word boundaries syllable by syllable and often cuts proper names
(`Phạm_Minh Chính`, `Vladimir Putin`), dates (`7 / 12`) and abbreviations (`TP. HCM`). Working
sentence by sentence on pyvi's decisions (from `newslab._tokenizer`), these rules:

1. glue pieces written without a space: numbers and dates (`7/12`, `20:35`, `2-3`),
   hyphenated names (`Hang-seo`, `Covid-19`), dotted abbreviations (`TP.HCM`, `PGS.TS`);
2. merge runs of capitalised words into one name (`Phạm_Minh_Chính`, `Điện_Kremlin`),
   except all-caps acronyms (`UBND`, `TP`), a capitalised common word that only starts the
   sentence (`Theo`, `Ông`), and a country or city written just before a person's name
   (`Mỹ` | `Joe_Biden`). Small shipped lexicons (family names, places) back these choices;
3. join two words that together spell a compound of three or four syllables in pyvi's own
   word list, which pyvi's model cut inside (`câu | lạc_bộ`, `Tết_Nguyên | đán`,
   `tàu | sân_bay`: an aircraft carrier, not an airport), or a continent (`châu | Âu`).

Nothing here is tuned to one corpus: the rules look at capitalisation, spacing and pyvi's
own word list.

For speed, `segment_text` / `segment_texts` run the model and the rules over all sentences
of a text (or of many texts) at once: words are kept as the index of their first syllable,
and each rule only looks where it can apply. `_segment_text_reference` is the plain
sentence-by-sentence version; tests pin the fast path to it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import compress, pairwise
from operator import add, itemgetter, not_

from newslab._tokenizer import SYLLABLE_RE, FastTokenizer
from newslab.normalization import place_tones

RULES_VERSION = "5"

# Punctuation after which the next word starts a clause (and may be capitalised for that
# reason alone). A comma is not one: "..., Nam nói" names Nam.
_CLAUSE_OPENERS = frozenset(".!?:;“”\"'‘’«»()[]-–—…\n") | {"...", "==>", "->", ">>"}
_SENTENCE_END_RE = re.compile(r"(?:[.!?…]+|\.\.\.)[”\"’'»)\]]*(?=\s+[\"“‘'«(\[]?[\w])")
# Abbreviations whose period does not end a sentence: initials, titles, "TP." (city) etc.
_SHORT_ABBREV_RE = re.compile(
    r"(?:^|\W)(?:[A-ZĐ]|TP|Tp|TX|Tx|PGS|GS|TS|ThS|Ths|BS|Bs|KS|CN|NSƯT|NSND|TT|Mr|Mrs|Ms|Dr|St"
    r"|Th|Ts|Gs|No|Jr|Sr)$"
)
_VIETNAMESE_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
# Forms of address written capitalised before a name ("Ông Hoàng Đức Trọng").
_HONORIFICS = frozenset({"Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Bác", "Cụ", "Em", "Cháu"})
# Longer runs of capitalised syllables are Title Case text or lists, not one name.
_MAX_NAME_SYLLABLES = 10
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def _read_list(name: str) -> list[str]:
    text = resources.files("newslab.data").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[tuple[str, ...]], int, frozenset[str]]:
    surnames = frozenset(_read_list("vn_surnames.txt"))
    places = frozenset(tuple(p.split()) for p in _read_list("places.txt"))
    longest = max(len(p) for p in places)
    import pyvi

    words = resources.files(pyvi).joinpath("models/words.txt").read_text("utf-8")
    common = frozenset(w for w in words.split("\n") if w and " " not in w and w.islower())
    return surnames, places, longest, common


def split_sentences(text: str) -> list[str]:
    """Split text into sentences: at line breaks and at . ! ? … followed by a new word.

    A period after a short abbreviation (`TP.`, `PGS.`, `Mr.`) does not end a sentence.

    Args:
        text: Any text.

    Returns:
        Non-empty sentences, stripped, in order.

    Example:
        >>> split_sentences("Ông A đến TP. HCM. Ông B ở lại.\\nHết")
        ['Ông A đến TP. HCM.', 'Ông B ở lại.', 'Hết']
    """
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _SENTENCE_END_RE.finditer(line):
            if m.group().startswith(".") and not m.group().startswith("..."):
                before = line[start : m.start()].rsplit(None, 1)
                if before and _SHORT_ABBREV_RE.search(before[-1]):
                    continue
            piece = line[start : m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
        piece = line[start:].strip()
        if piece:
            out.append(piece)
    return out


def _is_vietnamese_syllable(syl: str) -> bool:
    base = unicodedata.normalize("NFD", syl.lower()).translate(_TONE_MARKS)
    return _VIETNAMESE_SYLLABLE_RE.fullmatch(unicodedata.normalize("NFC", base)) is not None


def _looks_foreign(word: list[str]) -> bool:
    return any(not _is_vietnamese_syllable(s) for s in word if s.isalpha())


# pyvi's syllables with the whitespace before each (sentences never hold a newline, the one
# whitespace token pyvi knows, so the leading \s* cannot change the syllables).
_SPACED_RE = re.compile(r"(\s*)(" + SYLLABLE_RE.pattern + ")")


class _Sentence:
    """Syllables of one sentence, with the spacing before each."""

    def __init__(self, text: str) -> None:
        pairs = _SPACED_RE.findall(unicodedata.normalize("NFC", text))
        self.syl: list[str] = [p[1] for p in pairs]
        self.space: list[bool] = [bool(p[0]) for p in pairs]  # whitespace before syllable i
        if self.space:
            self.space[0] = False
        last = self.syl[-1] if self.syl else ""
        if len(last) > 1 and last.endswith(".") and last[:-1].isalpha():
            # pyvi reads "HCM." as an abbreviation; at the end of a sentence the period is a
            # full stop: "TP.HCM." -> TP.HCM | .
            self.syl[-1:] = [last[:-1], "."]
            self.space.append(False)

    def render(self, start: int, stop: int) -> str:
        if stop - start == 1:
            return self.syl[start]
        parts = [self.syl[start]]
        for i in range(start + 1, stop):
            parts.append("_" if self.space[i] else "")
            parts.append(self.syl[i])
        return "".join(parts)


# Syllables of the pieces of text between spaces that are not all letters ("nói,", "7/12",
# "TP.HCM."): they recur across texts, and a look-up is much cheaper than the regex.
_PIECES: dict[str, list[str]] = {}
_MAX_CACHED_PIECES = 20_000  # about 6 MB


class _Text:
    """Syllables of all sentences of a text laid end to end, with the spacing before each.

    Made like `newslab._tokenizer.syllables`: no syllable spans whitespace, so a sentence is
    cut at whitespace and only pieces that are not all letters go through the regex. The
    result is the same as `_Sentence` on each sentence, concatenated.
    """

    __slots__ = ("syl", "space", "tight", "starts")

    def __init__(self, text: str) -> None:
        # A piece of an NFC text cut at whitespace is NFC itself (whitespace never composes
        # with a neighbour), so an NFC text needs no normalising sentence by sentence.
        nfc = unicodedata.is_normalized("NFC", text)
        findall = SYLLABLE_RE.findall
        pieces = _PIECES
        syl: list[str] = []
        tight: list[int] = []  # syllables written right after the previous one (no space)
        starts: list[int] = []  # first syllable of each sentence
        for sentence in split_sentences(text):
            chunks = (sentence if nfc else unicodedata.normalize("NFC", sentence)).split()
            first = len(syl)
            at = 0
            for k in compress(range(len(chunks)), map(not_, map(str.isalpha, chunks))):
                parts = pieces.get(chunks[k])
                if parts is None:
                    parts = findall(chunks[k])
                    if len(pieces) < _MAX_CACHED_PIECES:
                        pieces[chunks[k]] = parts
                if len(parts) > 1:
                    syl += chunks[at:k]
                    tight.extend(range(len(syl) + 1, len(syl) + len(parts)))
                    syl += parts
                    at = k + 1
            syl += chunks[at:]
            if len(syl) == first:
                continue
            starts.append(first)
            last = syl[-1]
            if len(last) > 1 and last.endswith(".") and last[:-1].isalpha():
                # pyvi reads "HCM." as an abbreviation; at the end of a sentence the period is
                # a full stop: "TP.HCM." -> TP.HCM | .
                syl[-1:] = [last[:-1], "."]
                tight.append(len(syl) - 1)
        space = [True] * len(syl)  # whitespace before syllable i (none at a sentence start)
        for i in tight:
            space[i] = False
        for i in starts:
            space[i] = False
        self.syl = syl
        self.space = space
        self.tight = tight
        self.starts = starts


# The rules below read only `syl` and `space`, which both classes have.
_Syllables = _Sentence | _Text

_APOSTROPHES = frozenset(("’", "'"))
_GLUE_SEPARATORS = frozenset(("/", "-", ":")) | _APOSTROPHES


def _is_alnum(s: str) -> bool:
    return s[:1].isalnum()


def _glue_around(sep: str, left: Sequence[int], right: Sequence[int], syl: list[str]) -> bool:
    """Whether `left sep right`, written without spaces, is one token."""
    a, c = syl[left[-1]], syl[right[0]]
    if a[:1].isdigit() and c[:1].isdigit():
        return True  # 7/12, 20:35, 2-3
    if sep in _APOSTROPHES:
        # Names of Vietnam's highland peoples and their places (Cư M’gar, K’Bổ, Ea H’leo) and
        # D'Artagnan: one capital, an apostrophe, a letter (not "Trump's")
        return len(a) == 1 and a.isupper() and c[:1].isalpha()
    # Hyphenated names and codes (Hang-seo, Covid-19), but not two words joined by a dash
    # (Hà_Nội-Hải_Phòng stays apart).
    return sep == "-" and a.isalnum() and c.isalnum() and (len(left) == 1 or len(right) == 1)


def _glue(sent: _Sentence, words: list[list[int]]) -> list[list[int]]:
    """Merge words written without a space between them into one (dates, `TP.HCM`, `Hang-seo`)."""
    syl, space = sent.syl, sent.space
    out: list[list[int]] = []
    k = 0
    while k < len(words):
        w = words[k]
        if out and not space[w[0]]:
            prev = out[-1]
            a, b = syl[prev[-1]], syl[w[0]]
            if a.endswith(".") and len(a) > 1 and b.rstrip(".").isupper():
                prev.extend(w)  # TP.HCM, PGS.TS, N.T. (not TX.Ba Đồn: the name stays whole)
                k += 1
                continue
            if b in _GLUE_SEPARATORS and k + 1 < len(words):
                nxt = words[k + 1]
                if not space[nxt[0]] and _glue_around(b, prev, nxt, syl):
                    prev.extend(w)
                    prev.extend(nxt)
                    k += 2
                    continue
        out.append(list(w))
        k += 1
    return out


def _capitalised(sent: _Sentence, w: list[int], all_caps_text: bool) -> bool:
    """A word of a name: every spaced syllable starts uppercase; not an acronym or symbol."""
    first = sent.syl[w[0]]
    if not first[:1].isupper() or not first.isalpha():
        return False
    if not all_caps_text and len(first) > 1 and first.isupper():
        return False  # acronym: UBND, TP, WHO
    for i in w[1:]:
        s = sent.syl[i]
        if sent.space[i] and not (s[:1].isupper() and s.isalpha()):
            return False
        if not all_caps_text and sent.space[i] and len(s) > 1 and s.isupper():
            return False  # "Thuế_TP": an acronym inside
    return True


def _place_prefix(syls: list[str], places: frozenset[tuple[str, ...]], longest: int) -> int:
    for n in range(min(longest, len(syls)), 0, -1):
        if tuple(syls[:n]) in places:
            return n
    return 0


def _cut(
    sent: _Syllables, run: list[list[int]], n: int
) -> tuple[list[list[int]], list[list[int]]] | None:
    """Cut a run after its first `n` syllables (inside a word if pyvi glued across the cut)."""
    left: list[list[int]] = []
    for k, w in enumerate(run):
        if n >= len(w):
            left.append(w)
            n -= len(w)
            if n == 0:
                return left, run[k + 1 :]
            continue
        if not sent.space[w[n]]:
            return None  # never cut inside "Ki-moon" or "TP.HCM"
        return [*left, w[:n]], [w[n:], *run[k + 1 :]]
    return None


def _split_run(
    sent: _Syllables, run: list[list[int]], clause_start: bool
) -> list[list[list[int]]]:
    """Split a run of capitalised words into names (each a list of words)."""
    surnames, places, longest, common = _lexicons()
    syls = [sent.syl[i] for w in run for i in w]
    if len(syls) > _MAX_NAME_SYLLABLES:
        return [[w] for w in run]  # Title Case prose or a list, not one name: leave pyvi's words
    # A known place right before a person's name: "Mỹ Joe Biden", "Việt Nam Nguyễn Văn A".
    n_place = _place_prefix(syls, places, longest)
    if n_place == len(syls):
        return [run]
    if n_place:
        rest_syls = syls[n_place:]
        # A one-syllable Vietnamese place (Anh, Mỹ, Đức) also starts given names (Mỹ Tâm,
        # Đức Phúc): split only before a family name or a foreign name. After a longer or
        # foreign place (Hàn Quốc, Campuchia) any name of two or more syllables splits.
        # A foreign place splits only before a full name ("Ukraine Volodymyr Zelensky", not
        # "Washington Post").
        foreign_place = _looks_foreign(syls[:n_place])
        strong = n_place > 1 or foreign_place
        full = len(rest_syls) >= 2
        if (
            (rest_syls[0] in surnames and (full or strong))
            or (_looks_foreign(rest_syls[:1]) and (full or not foreign_place))
            or (strong and full)
        ):
            cut = _cut(sent, run, n_place)
            if cut:
                return [cut[0], *_split_run(sent, cut[1], False)]
    first = run[0]
    head = sent.syl[first[0]]
    if clause_start and head not in surnames and head.lower() in common:
        # "Theo Bộ...", "Ông Nguyễn...": capitalised only because it starts the sentence.
        if len(first) == 1:
            return [[first], *(_split_run(sent, run[1:], False) if len(run) > 1 else [])]
        # pyvi glued it to a foreign name: "Dịch_Covid-19", "Ông_Bill".
        if _looks_foreign([sent.syl[first[1]]]):
            return [[first[:1]], *_split_run(sent, [first[1:], *run[1:]], False)]
    # Something before a Vietnamese full name: "Tuổi_Trẻ | Tăng_Hữu_Phong", "Vietjet |
    # Nguyễn_Thị_Phương_Thảo". Only when the part before does not itself start with a family
    # name (Trần_Nguyễn_Hoài_Nam is one name) and is two syllables or foreign (Bắc_Từ_Liêm stays).
    if syls[0] not in surnames:
        for k in range(1, len(syls) - 1):
            tail = len(syls) - k
            long_or_foreign = k >= 2 or _looks_foreign(syls[:1]) or syls[0] in _HONORIFICS
            if syls[k] in surnames and 2 <= tail <= 4 and long_or_foreign:
                cut = _cut(sent, run, k)
                if cut:
                    return [*_split_run(sent, cut[0], clause_start), cut[1]]
                break
    # A company or org name right before a known place: "Vietcombank | Hà_Nội". One-syllable
    # places are left alone there (they end many given names: "Nguyễn Tuấn Anh").
    if syls[0] not in surnames:
        for n in range(min(longest, len(syls) - 1), 1, -1):
            if tuple(syls[-n:]) in places:
                cut = _cut(sent, run, len(syls) - n)
                if cut:
                    return [*_split_run(sent, cut[0], clause_start), cut[1]]
                break
    return [run]


def _unglue_name_tails(sent: _Sentence, words: list[list[int]]) -> list[list[int]]:
    """Split a name's last syllables off the lowercase word pyvi glued them to.

    `Tập_Cận Bình_điện_đàm` -> `Tập_Cận Bình điện_đàm`: a word made of capitalised syllables
    followed by lowercase ones, which is not in pyvi's word list, and whose capitalised part
    (or the word before it) holds a family name or a foreign name.
    """
    surnames, _, _, _ = _lexicons()
    known = _known_words()
    out: list[list[int]] = []
    for w in words:
        if len(w) < 2 or not sent.syl[w[0]][:1].isupper():
            out.append(w)
            continue
        syls = [sent.syl[i] for i in w]
        j = 0
        while j < len(w) and syls[j][:1].isupper() and syls[j].isalpha():
            j += 1
        if (
            0 < j < len(w)
            and all(sent.space[i] for i in w[1:])
            and all(x.isalpha() and x.islower() for x in syls[j:])
            and " ".join(syls).lower() not in known
        ):
            before = [sent.syl[i] for i in out[-1]] if out and sent.space[w[0]] else []
            names = syls[:j] + (before if before and before[0][:1].isupper() else [])
            _, places, _, _ = _lexicons()
            if (
                any(x in surnames for x in names)
                or _looks_foreign(names)
                or tuple(syls[:j]) in places  # "Trung_Quốc_gia_tăng"
            ):
                out.extend([w[:j], w[j:]])
                continue
        out.append(w)
    return out


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Return pyvi's multi-syllable words and newslab's (`compounds.txt`), lowercase, spaced."""
    import pyvi

    words = resources.files(pyvi).joinpath("models/words.txt").read_text("utf-8")
    listed = {w.lower() for w in words.split("\n") if " " in w}
    return frozenset(listed | _shipped_compounds())


@lru_cache(maxsize=1)
def _shipped_compounds() -> frozenset[str]:
    """Return newslab's own long words (`newslab/data/compounds.txt`), in pyvi's tone placement."""
    return frozenset(
        " ".join(place_tones(w.lower().split(), "new")) for w in _read_list("compounds.txt")
    )


@lru_cache(maxsize=1)
def _compounds() -> tuple[frozenset[str], frozenset[str]]:
    """Return the compounds joined when cut, lowercase, and their first syllables.

    The 3- and 4-syllable words of pyvi's word list and of `compounds.txt` (`nhà | đầu_tư`), in
    both tone placements, and the continents of the shipped place list, which news writes
    with a lowercase `châu` (`châu Âu`; pyvi cuts `châu | Âu`).
    """
    long = {w for w in _known_words() if 3 <= w.count(" ") + 1 <= 4}
    long |= {" ".join(place_tones(w.split(" "), "old")) for w in long}  # `hóa học` as written
    long |= {p.lower() for p in _read_list("places.txt") if p.startswith("Châu ")}
    return frozenset(long), frozenset(w.split(" ", 1)[0] for w in long)


@lru_cache(maxsize=1)
def _compound_pairs() -> frozenset[str]:
    """Each compound of `_compounds` as two words written together, lowercase.

    `câu lạc bộ` gives `câulạc_bộ` (`câu` + `lạc_bộ`) and `câu_lạcbộ` (`câu_lạc` + `bộ`): a
    quick filter; a hit that is cut elsewhere is rejected by `_is_compound`.
    """
    pairs = set()
    for word in _compounds()[0]:
        syl = word.split(" ")
        for cut in range(1, len(syl)):
            pairs.add("_".join(syl[:cut]) + "_".join(syl[cut:]))
    return frozenset(pairs)


def _is_compound(syl: list[str], space: list[bool], a: int, b: int, c: int) -> bool:
    """Whether the words `syl[a:b]` and `syl[b:c]` together spell a known compound.

    Both must be spaced syllables (`câu lạc bộ`, not `Covid-19`), two to four in all (only
    the continents have two).
    """
    if not 2 <= c - a <= 4:
        return False
    long, firsts = _compounds()
    if syl[a].lower() not in firsts or not all(space[a + 1 : c]):
        return False
    return " ".join(syl[a:c]).lower() in long


# ---------------------------------------------------------------------------------------------
# The rules on a whole text at once. Words are kept as the index of their first syllable in
# the text's syllables; each rule looks only at the few places where it can apply, and the
# result is the same as `_words_reference` sentence by sentence (tests pin this).


def _capitalised_span(syl: list[str], space: list[bool], s: int, e: int) -> bool:
    """`_capitalised(sent, list(range(s, e)), False)`, without building the list."""
    first = syl[s]
    if not first[:1].isupper() or not first.isalpha():
        return False
    if len(first) > 1 and first.isupper():
        return False  # acronym: UBND, TP, WHO
    for i in range(s + 1, e):
        if space[i]:
            x = syl[i]
            if not (x[:1].isupper() and x.isalpha()) or (len(x) > 1 and x.isupper()):
                return False
    return True


def _glue_text(text: _Text, joined: list[bool], starts: list[int]) -> list[int]:
    """`_glue` on every sentence, looking only where it can merge (same result).

    `_glue` merges a word written right after another when the one before ends in a period
    (`TP.HCM`) or when it is / - : between two words (`7/12`), left to right. (It skips a
    word merged as the right side of / - :, but such a word starts with a letter or digit
    after / - :, so it is never a candidate here.)
    """
    syl, space = text.syl, text.space
    candidates = [
        i
        for i in text.tight
        if not joined[i]
        and (syl[i] in _GLUE_SEPARATORS or (len(syl[i - 1]) > 1 and syl[i - 1].endswith(".")))
    ]
    if not candidates:
        return starts
    n = len(syl)
    sentence_starts = set(text.starts)
    removed: set[int] = set()
    for i in candidates:
        a, b = syl[i - 1], syl[i]
        if a.endswith(".") and len(a) > 1 and b.rstrip(".").isupper():
            removed.add(i)  # TP.HCM, PGS.TS, N.T. (not TX.Ba Đồn: the name stays whole)
            continue
        if b not in _GLUE_SEPARATORS:
            continue
        p = bisect_left(starts, i)
        if p + 1 == len(starts) or starts[p + 1] in sentence_starts:
            continue  # / - : ends the sentence
        nxt = starts[p + 1]
        if space[nxt]:
            continue
        q = p - 1
        while starts[q] in removed:
            q -= 1
        left = range(starts[q], i)  # the word before, with what was merged into it
        right = range(nxt, starts[p + 2] if p + 2 < len(starts) else n)
        if _glue_around(b, left, right, syl):
            removed.update((i, nxt))
    return [s for s in starts if s not in removed] if removed else starts


def _unglue_starts(text: _Text, starts: list[int], up: list[bool]) -> list[int]:
    """`_unglue_name_tails` on the words starting at `starts` (same result)."""
    syl, space = text.syl, text.space
    n = len(syl)
    n_words = len(starts)
    extra: list[int] = []
    split_prev = -2  # index of the last word that was split
    for k in compress(range(n_words), map(up.__getitem__, starts)):
        s = starts[k]
        e = starts[k + 1] if k + 1 < n_words else n
        if e - s < 2:
            continue
        j = s
        while j < e and up[j] and syl[j].isalpha():
            j += 1
        if not (s < j < e) or not all(space[s + 1 : e]):
            continue
        if not all(x.isalpha() and x.islower() for x in syl[j:e]):
            continue
        if " ".join(syl[s:e]).lower() in _known_words():
            continue
        surnames, places, _, _ = _lexicons()
        # The word before, when spaced (hence in the same sentence) and capitalised, may hold
        # the family name; a word split just before ends with lowercase syllables, which
        # never count.
        before = syl[starts[k - 1] : s] if space[s] and split_prev != k - 1 else []
        names = syl[s:j] + (before if before and before[0][:1].isupper() else [])
        if any(x in surnames for x in names) or _looks_foreign(names) or tuple(syl[s:j]) in places:
            extra.append(j)
            split_prev = k
    return sorted(starts + extra) if extra else starts


def _is_headline(syl: list[str], up: list[bool]) -> bool:
    """Whether a sentence is mostly in capitals, or nearly all in Title Case (letters only).

    Case says nothing about names there. Cheap upper bounds (C-level counts) first; the
    exact counts only when they pass.
    """
    n_letters = sum(map(str.isalpha, syl))
    if sum(map(str.isupper, syl)) * 2 > n_letters:
        letters = [x for x in syl if x.isalpha()]
        if len([x for x in letters if len(x) > 1 and x.isupper()]) * 2 > n_letters:
            return True
    if n_letters >= 5 and sum(up) * 10 > n_letters * 9:
        title = len([x for x in syl if x.isalpha() and x[0].isupper()])
        return title * 10 > n_letters * 9
    return False


def _merge_names(text: _Text, starts: list[int], up: list[bool]) -> list[int]:
    """Merge runs of capitalised words into names, split by `_split_run` (main rule)."""
    syl, space = text.syl, text.space
    n = len(syl)
    n_words = len(starts)
    sentence_starts = set(text.starts)
    headline = (-1, -1, False)  # the last sentence looked at: bounds, is it a headline
    out: list[int] = []  # first syllables of the output words
    done = 0  # words before this index are already in `out`
    for k in compress(range(n_words), map(up.__getitem__, starts)):
        if k < done:
            continue  # inside a run already handled
        s = starts[k]
        e = starts[k + 1] if k + 1 < n_words else n
        if e - s == 1:
            # The common case, inline: one capitalised syllable, not followed by another
            # capitalised word (see the run below) is left alone.
            x = syl[s]
            if not x.isalpha() or (len(x) > 1 and x.isupper()) or e == n or not (space[e] and up[e]):
                continue
        elif not _capitalised_span(syl, space, s, e):
            continue
        stop = k + 1
        # Runs stop at a sentence start (no space before it).
        while stop < n_words and space[starts[stop]] and up[starts[stop]]:
            e = starts[stop + 1] if stop + 1 < n_words else n
            if not _capitalised_span(syl, space, starts[stop], e):
                break
            stop += 1
        e = starts[stop] if stop < n_words else n
        if stop == k + 1 and e - s == 1:
            # A lone capitalised syllable: nothing to merge, and `_split_run` returns it
            # whole even at a clause start.
            continue
        if not headline[0] <= s < headline[1]:
            j = bisect_right(text.starts, s)
            a, b = text.starts[j - 1], text.starts[j] if j < len(text.starts) else n
            headline = (a, b, _is_headline(syl[a:b], up[a:b]))
        if headline[2]:
            continue
        clause_start = s in sentence_starts or syl[s - 1] in _CLAUSE_OPENERS
        out += starts[done:k]
        out += _name_starts(text, starts[k:stop], e, clause_start)
        done = stop
    return out + starts[done:] if done else starts


# `_split_run` results by run (syllables, spacing, words, clause start): names recur a lot.
_RUNS: dict[tuple, tuple[int, ...]] = {}
_MAX_CACHED_RUNS = 20_000


def _name_starts(text: _Text, words: list[int], stop: int, clause_start: bool) -> list[int]:
    """First syllables of the names `_split_run` makes of a run of capitalised words.

    `words` are the first syllables of the run's words; the run ends before `stop`.
    """
    s = words[0]
    # `_split_run` reads only the run's syllables, the spacing inside it, its words and
    # `clause_start`: the same key gives the same groups (as offsets from the run start).
    # The key is flat (syllables, then spacing flags, then word offsets): a string never
    # equals a bool or an int, so two different runs never share a key.
    key = (clause_start, *text.syl[s:stop], *text.space[s + 1 : stop], *[w - s for w in words])
    groups = _RUNS.get(key)
    if groups is None:
        bounds = [*words, stop]
        run = [list(range(a, b)) for a, b in pairwise(bounds)]
        groups = tuple(g[0][0] - s for g in _split_run(text, run, clause_start))
        if len(_RUNS) < _MAX_CACHED_RUNS:
            _RUNS[key] = groups
    return [s + g for g in groups]


def _render(text: _Text, starts: list[int]) -> list[str]:
    """The words starting at `starts` as strings (syllables joined by `_` where spaced)."""
    syl = text.syl
    # A syllable never holds a space: write the whole text with " " between words and "_"
    # or "" inside them, then split.
    sep = ["_"] * len(syl)
    for i in text.tight:
        sep[i] = ""
    for i in starts:  # sentence starts (the other syllables without a space) among them
        sep[i] = " "
    parts = [""] * (2 * len(syl))
    parts[::2] = sep
    parts[1::2] = syl
    return "".join(parts[1:]).split(" ")


def segment_text(text: str, tokenizer: FastTokenizer) -> list[str]:
    """Segment `text` sentence by sentence with pyvi's model plus newslab's rules.

    Each sentence is decoded on its own (pyvi's features never cross a sentence boundary);
    the model and the rules run over all sentences at once for speed.

    Args:
        text: Any text.
        tokenizer: The pyvi-compatible tokenizer giving the base word boundaries.

    Returns:
        Words in order, syllables of a word joined by `_` (or by nothing where the text had no
        space, as in `7/12`); whitespace dropped, punctuation kept, capitalisation kept.
    """
    t = _Text(text)
    return _apply_rules(t, tokenizer.joins_flat(place_tones(t.syl, "new"), t.starts)) if t.syl else []


def segment_texts(texts: list[str], tokenizer: FastTokenizer) -> list[list[str]]:
    """`segment_text` for each of `texts`, with one model pass for them all (same output).

    Args:
        texts: Any texts.
        tokenizer: The pyvi-compatible tokenizer giving the base word boundaries.

    Returns:
        One list of words per text, in order.
    """
    parsed = [_Text(text) for text in texts]
    syl: list[str] = []
    starts: list[int] = []
    for t in parsed:
        starts += [len(syl) + i for i in t.starts]
        syl += t.syl
    joined = tokenizer.joins_flat(place_tones(syl, "new"), starts)
    out: list[list[str]] = []
    at = 0
    for t in parsed:
        n = len(t.syl)
        out.append(_apply_rules(t, joined[at : at + n]) if n else [])
        at += n
    return out


def _apply_rules(t: _Text, joined: list[bool]) -> list[str]:
    """The words of `t` given pyvi's join decisions (`joined[i]`: syllable i glued to i - 1)."""
    starts = list(compress(range(len(joined)), map(not_, joined)))
    if t.tight:
        starts = _glue_text(t, joined, starts)
    up = list(map(str.isupper, map(itemgetter(0), t.syl)))  # starts uppercase
    starts = _unglue_starts(t, starts, up)
    starts = _merge_names(t, starts, up)
    starts = _split_unknown_words(t.syl, t.space, starts)
    return _join_compounds(t, starts, _render(t, starts))


def _split_unknown_words(syl: list[str], space: list[bool], starts: list[int]) -> list[int]:
    """`starts` with each lowercase word of 3+ syllables unknown to pyvi cut into known words."""
    out: list[int] = []
    ends = [*starts[1:], len(syl)]
    for a, b in zip(starts, ends, strict=True):
        out += _unknown_word_parts(syl, space, a, b) if b - a >= 3 else (a,)
    return out


# Sino-Vietnamese affixes that make one word of the words they attach to (`tái định cư`,
# `bất bình đẳng`, `phiên dịch viên`, `hạt nhân hoá`): a word with one is never cut.
_WORD_PREFIXES = frozenset("tái bất vô phi phản siêu đa liên".split())
_WORD_SUFFIXES = frozenset("viên hoá hoà gia sĩ giả học tính".split())
_FUNCTION_WORDS = frozenset(
    "bị được bằng tại ở của cho với và là lại ra vào lên xuống đến tới từ theo trong ngoài trên "
    "dưới sau trước khi thì mà nên cũng đã đang sẽ vẫn còn rất quá có không chưa những các mỗi "
    "này đó kia nào ai gì".split()
)


def _unknown_word_parts(syl: list[str], space: list[bool], a: int, b: int) -> list[int]:
    """Where the word `syl[a:b]` starts its parts: `[a]` unless it should be cut.

    pyvi's model joins some common phrases of 3 syllables or more into one word that its own
    word list does not hold (`phó chủ tịch`, `đảm bảo an toàn`, `tấn công bằng`); the silver
    segmentation of VietNews cuts them, as the treebank convention does, into the words of
    the list (`phó | chủ_tịch`). A lowercase spaced word (its first letter may be a capital) of
    3-6 syllables in neither pyvi's list nor `compounds.txt` is cut into single syllables and
    listed words: covering as many syllables with listed words as can be, in as few parts as
    can be, with a syllable left alone preferably a function word (`bị | cáo_buộc`, `tấn_công |
    bằng`), then the listed words as far right as can be. A word with no listed part stays
    whole, and so does a word made with a Sino-Vietnamese affix (`tái định cư`, `phiên dịch
    viên`).
    """
    if b - a > 6 or not all(space[a + 1 : b]):
        return [a]
    parts = syl[a:b]
    first = parts[0]
    if not all(p.isalpha() and p.islower() for p in parts[1:]) or not (
        first.isalpha() and first[1:].islower() if len(first) > 1 else first.isalpha()
    ):
        return [a]
    low = [p.lower() for p in place_tones(parts, "new")]
    known = _known_words()
    if " ".join(low) in known or low[0] in _WORD_PREFIXES or low[-1] in _WORD_SUFFIXES:
        return [a]
    n = len(low)
    best: tuple[tuple[int, int, tuple[int, ...]], list[int]] | None = None
    for mask in range(1 << (n - 1)):
        cuts = [0] + [i for i in range(1, n) if mask >> (i - 1) & 1] + [n]
        pieces = list(pairwise(cuts))
        if any(j - i > 1 and " ".join(low[i:j]) not in known for i, j in pieces):
            continue
        covered = sum(j - i for i, j in pieces if j - i > 1)
        # a syllable left alone is best a function word: `tấn_công | bằng`, `bị | cáo_buộc`
        small = sum(j - i == 1 and low[i] in _FUNCTION_WORDS for i, j in pieces)
        key = (covered, -len(pieces), small, tuple(i for i, j in pieces if j - i > 1))
        if covered and (best is None or key > best[0]):
            best = (key, cuts[:-1])
    return [a + i for i in best[1]] if best else [a]


def _join_compounds(text: _Text, starts: list[int], words: list[str]) -> list[str]:
    """`_join_compound_words` on every sentence, on the rendered `words` (one per start).

    Each pair of words is looked up written together (`_compound_pairs`), at C speed; the few
    hits are checked with `_is_compound` (a compound never spans a sentence start).
    """
    low = " ".join(words).lower().split(" ")  # no word holds a space
    pairs = map(add, low, low[1:])
    hits = list(compress(range(len(low) - 1), map(_compound_pairs().__contains__, pairs)))
    if not hits:
        return words
    syl, space = text.syl, text.space
    bounds = [*starts, len(syl)]
    out: list[str] = []
    done = 0  # words before this index are in `out`
    for k in hits:
        if k >= done and _is_compound(syl, space, bounds[k], bounds[k + 1], bounds[k + 2]):
            out += words[done:k]
            out.append(f"{words[k]}_{words[k + 1]}")
            done = k + 2
    return out + words[done:]


def segment_sentence(text: str, tokenizer: FastTokenizer) -> list[str]:
    """Segment one sentence with pyvi's model plus newslab's name, number and glue rules.

    Args:
        text: One sentence (no line break).
        tokenizer: The pyvi-compatible tokenizer giving the base word boundaries.

    Returns:
        Words in order, as `segment_text` gives them.
    """
    sent = _Sentence(text)
    return _words_reference(sent, tokenizer.joins(place_tones(sent.syl, "new"))) if sent.syl else []


# ---------------------------------------------------------------------------------------------
# The plain, sentence-by-sentence version of the same rules: the reference the fast path above
# is tested against.


def _words_reference(sent: _Sentence, joins: list[bool]) -> list[str]:
    """Apply the rules to one sentence given pyvi's join decisions."""
    n = len(sent.syl)
    if n == 0:
        return []
    words: list[list[int]] = [[0]]
    for i, joined in enumerate(joins, 1):
        if joined:
            words[-1].append(i)
        else:
            words.append([i])
    words = _unglue_name_tails(sent, _glue(sent, words))

    syl = sent.syl
    letters = [x for x in syl if x.isalpha()]
    upper = sum(1 for x in letters if len(x) > 1 and x.isupper())
    title = sum(1 for x in letters if x[0].isupper())
    if upper * 2 > len(letters) or (len(letters) >= 5 and title * 10 > len(letters) * 9):
        # A headline in capitals or in Title Case: case says nothing about names there.
        words = _split_unknown_reference(sent, words)
        return [sent.render(w[0], w[-1] + 1) for w in _join_compound_words(sent, words)]

    out: list[list[int]] = []
    k = 0
    while k < len(words):
        if not syl[words[k][0]][:1].isupper() or not _capitalised(sent, words[k], False):
            out.append(words[k])
            k += 1
            continue
        prev = syl[words[k - 1][-1]] if k else "\n"
        clause_start = prev in _CLAUSE_OPENERS
        run = [words[k]]
        k += 1
        while k < len(words) and sent.space[words[k][0]] and _capitalised(sent, words[k], False):
            run.append(words[k])
            k += 1
        if len(run) == 1 and len(run[0]) == 1 and not clause_start:
            out.append(run[0])  # a lone capitalised syllable: nothing to merge or split
            continue
        for group in _split_run(sent, run, clause_start):
            out.append([i for w in group for i in w])
    out = _split_unknown_reference(sent, out)
    return [sent.render(w[0], w[-1] + 1) for w in _join_compound_words(sent, out)]


def _split_unknown_reference(sent: _Sentence, words: list[list[int]]) -> list[list[int]]:
    """`_unknown_word_parts` of each word, on syllable-index lists."""
    out: list[list[int]] = []
    for w in words:
        cuts = _unknown_word_parts(sent.syl, sent.space, w[0], w[-1] + 1) if len(w) >= 3 else [w[0]]
        bounds = [*cuts, w[-1] + 1]
        out += [list(range(i, j)) for i, j in pairwise(bounds)]
    return out


def _join_compound_words(sent: _Sentence, words: list[list[int]]) -> list[list[int]]:
    """Join each pair of words that spells a known compound (`_is_compound`), left to right."""
    out: list[list[int]] = []
    k = 0
    while k < len(words):
        w = words[k]
        if k + 1 < len(words) and _is_compound(
            sent.syl, sent.space, w[0], w[-1] + 1, words[k + 1][-1] + 1
        ):
            out.append(w + words[k + 1])
            k += 2
        else:
            out.append(w)
            k += 1
    return out


def _segment_text_reference(text: str, tokenizer: FastTokenizer) -> list[str]:
    """`segment_text` the plain way: regex syllables, per-sentence Viterbi, plain rules."""
    sents = [_Sentence(s) for s in split_sentences(text)]
    sents = [s for s in sents if s.syl]
    words: list[str] = []
    spelled = [place_tones(s.syl, "new") for s in sents]
    for sent, joins in zip(sents, tokenizer.joins_many(spelled), strict=True):
        words.extend(_words_reference(sent, joins))
    return words
