"""Turn segmented Vietnamese text into readable terms: whole names and a few noun phrases.

Sits between segmentation (`newslab.segment_many`) and the term statistics in `newslab.terms`.
A segmenter can cut a name ("Ai Cập" -> "Ai", "Cập") or glue a name to the next word
("Fathy_nghiêng"); both make unreadable, fragmentary terms. Here runs of capitalised syllables
become one name term, runs that hold two names ("Mỹ Joe Biden") are split where corpus
statistics say each side stands alone, and strong noun collocations from POS tags are merged.

Terms are keyed by their lowercase syllables joined with `_` (`máy_bay`); names carry a leading
`^` (`^ai_cập`), so that "Anh" (Britain) is not the word "anh". How a person sees them
(`Ai Cập`) is decided in `newslab._term_display`.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from newslab._segment_rules import _compounds, _known_words
from newslab._term_names import (
    NAME_MARK,
    _alias_short_names,
    _looks_vietnamese,
    _merge_case_variants,
    _run_stats,
    _split_run,
    _suffix_heads,
)

# Tokens after which a new sentence starts, so capitalisation says nothing about names.
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", "…", "...", "“", '"', "”", "(", "-", "–", "—", "•", ";"})
_CAP_RE = re.compile(r"[^\W\d_]", re.UNICODE)

# POS tags (pyvi / VLSP tagset) of words whose first part may start a noun phrase, and of
# those that may end one.
_NP_HEAD_TAGS = frozenset({"N"})
_NP_TAIL_TAGS = frozenset({"N", "A"})
_CONTENT_TAGS = frozenset({"N", "V", "A"})


Segmenter = Callable[[list[str]], list[list[str]]]
PosTagger = Callable[[list[str]], list[tuple[str, str]]]


@dataclass
class TermDocs:
    """Terms extracted from a list of texts.

    Attributes:
        docs: One list of term keys per text, in order: syllables joined by `_`, lowercase
            for common words (`máy_bay`), lowercase after `^` for names (`^ai_cập`).
        surfaces: For every key, how often each surface form (syllables joined by spaces, case
            as written) was seen where capitalisation is meaningful (not sentence-initial).
        tags: For every key, counts of the POS tags it received (empty when POS is off).
    """

    docs: list[list[str]]
    surfaces: dict[str, Counter] = field(default_factory=dict)
    tags: dict[str, Counter] = field(default_factory=dict)


@lru_cache(maxsize=1 << 18)
def _is_cap(syllable: str) -> bool:
    return any(ch.isupper() for ch in syllable)


@lru_cache(maxsize=1 << 18)
def _has_letter(token: str) -> bool:
    return bool(_CAP_RE.search(token))


@lru_cache(maxsize=1 << 18)
def _token_info(token: str) -> tuple[tuple[str, ...], tuple[bool, ...], str, bool]:
    """`(syllables, capitalised per syllable, lowercase joined form, every syllable has a letter)`.

    Computed once per distinct token: a corpus repeats its tokens many times.
    """
    syllables = tuple(s for s in token.split("_") if s)
    caps = tuple(_is_cap(s) for s in syllables)
    return syllables, caps, "_".join(syllables).lower(), all(_has_letter(s) for s in syllables)


def _call_segmenter(segmenter: Segmenter, lines: list[str], progress: bool = False) -> list[list[str]]:
    # newslab.segment_many has keyword options (progress, n_jobs); use them when present.
    try:
        params = inspect.signature(segmenter).parameters
    except (TypeError, ValueError):
        params = {}
    if "progress" in params:
        return segmenter(lines, progress=progress)
    return segmenter(lines)


def _default_segmenter() -> Segmenter:
    from newslab import segment_many

    return segment_many


def _default_pos_tagger() -> PosTagger:
    from newslab import pos_tag

    return pos_tag


# Lowercase particles inside foreign names: "Alexander Van der Bellen", "Luiz da Silva".
_NAME_PARTICLES = frozenset({"van", "der", "den", "von", "de", "da", "di", "du", "del", "dos", "bin", "al", "el", "le", "la"})


class _Unit:
    """One unit of a line.

    `kind` is "cap" (capitalised, a name part), "word", "capword" (a word written with an
    initial capital mid-sentence, which can continue a name), or "other" (punctuation,
    numbers); `initial` marks the first unit of a sentence (its capitalisation is not
    evidence); `key` holds the lowercase syllables.
    """

    __slots__ = ("kind", "syllables", "initial", "key", "word", "word_key", "surface", "item",
                 "code")

    def __init__(self, kind: str, syllables: tuple[str, ...], initial: bool) -> None:
        self.kind = kind
        self.syllables = syllables
        self.initial = initial
        self.key = _lower_syllables(syllables)
        # As a common word: its syllables joined, its key, its surface form (sentence-initial
        # capitals are not the word's natural form).
        self.word = "_".join(syllables)
        self.word_key = "_".join(self.key)
        spaced = " ".join(syllables)
        self.surface = spaced.lower() if initial else spaced
        self.item = (self.word_key, True)  # (key, is_common_word), as a document lists it
        # One letter for `_name_runs`: "C" cap, "w" capword, "p" a name particle word, "o" other.
        if kind == "cap":
            self.code = "C"
        elif kind == "capword":
            self.code = "w"
        elif kind == "word" and len(self.key) == 1 and self.key[0] in _NAME_PARTICLES:
            self.code = "p"
        else:
            self.code = "o"


@lru_cache(maxsize=1 << 18)
def _lower_syllables(syllables: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.lower() for s in syllables)


_HYPHENATED = re.compile(r"([^\W\d_]+)-([^\W\d_]+)", re.UNICODE)
_ABBREVIATION = re.compile(r"^[^\W\d_]{1,3}\.$", re.UNICODE)
# A token of two or more characters ending with a dot, in tokens joined by NUL.
_DOTTED_TOKEN = re.compile(r"[^\x00]\.\x00")


def _normalise_tokens(tokens: Sequence[str], line: str) -> list[str]:
    """Repair what the segmenter does to names around punctuation.

    "Kim_Jong - un" (from "Kim Jong-un") becomes "Kim_Jong-un"; "NATO." at a line end becomes
    "NATO" "."; abbreviations such as "TP." (in "TP. HCM") keep their dot.
    """
    pairs = set(_HYPHENATED.findall(line)) if "-" in line else set()
    if not pairs and not _DOTTED_TOKEN.search("\x00".join(tokens) + "\x00"):
        return list(tokens)  # no hyphenated name, no token ending with a dot: nothing to do
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            token == "-"
            and out
            and i + 1 < len(tokens)
            and pairs
            and (out[-1].split("_")[-1], tokens[i + 1].split("_")[0]) in pairs
            and _is_cap(out[-1])
            # "Jong-un", "Jong-Un", "Ryong-hae" join; "Mỹ-Nga" (two names) does not.
            and (tokens[i + 1][:1].islower() or len(tokens[i + 1].split("_")[0]) <= 2)
        ):
            out[-1] = out[-1] + "-" + tokens[i + 1]
            i += 2
            continue
        if len(token) > 1 and token.endswith(".") and _has_letter(token):
            next_cap = i + 1 < len(tokens) and _is_cap(tokens[i + 1][:1])
            if _ABBREVIATION.match(token) and token[:-1].isupper() and next_cap:
                out.append(token)
            else:
                out.extend([token.rstrip("."), "."])
            i += 1
            continue
        out.append(token)
        i += 1
    return out


def _line_units(
    tokens: Sequence[str], lower_vocab: set[str], cap_votes: Counter, memo: dict | None = None
) -> list[_Unit]:
    """Classify the tokens of one line, splitting tokens glued across a case boundary.

    `memo` keeps each token's classification, per sentence-initial flag, for the next lines
    (the vocabulary statistics must not change in between).
    """
    units: list[_Unit] = []
    initial = True
    memo = {} if memo is None else memo
    # one dict per sentence-initial flag: no tuple key to build per token
    memos = (memo.setdefault(False, {}), memo.setdefault(True, {}))
    for token in tokens:
        got = memos[initial].get(token)
        if got is None:
            got = memos[initial][token] = _token_units(token, initial, lower_vocab, cap_votes)
        units.extend(got[0])
        initial = got[1]
    return units


def _token_units(
    token: str, initial: bool, lower_vocab: set[str], cap_votes: Counter
) -> tuple[tuple[_Unit, ...], bool]:
    """Units of one token and whether the next token starts a sentence."""
    if token in _SENTENCE_BREAKS:
        return (_Unit("other", (token,), initial),), True
    syllables, caps, lowered, lettered = _token_info(token)
    if not syllables or not lettered:
        return (_Unit("other", syllables or (token,), initial),), initial and not syllables
    if not any(caps):
        return (_Unit("word", syllables, initial),), False
    if all(caps):
        # At a sentence start "Các", "Ông" are capitalised words, "Mỹ", "Ai Cập" are names:
        # trust the capitalisation only if the lowercase form is not the usual one.
        if initial and lowered in lower_vocab and cap_votes[lowered] <= 0:
            return (_Unit("word", syllables, initial),), False
        if len(syllables) >= 4 or (
            len(syllables) == 3 and not all(_looks_vietnamese(x) for x in syllables)
        ):
            # Four or more capitalised syllables in one token, or three with a foreign one,
            # are names run together ("Điện_Kremlin_Dmitry_Peskov", "Kremlin_Dmitry_Peskov"):
            # let the run statistics split them.
            return tuple(
                _Unit("cap", (syl,), initial and k == 0) for k, syl in enumerate(syllables)
            ), False
        return (_Unit("cap", syllables, initial),), False
    if (
        lowered in lower_vocab
        or (caps[0] and not any(caps[1:]) and all(_looks_vietnamese(s) for s in syllables))
        or lowered.replace("_", " ") in _known_words()
        or lowered.replace("_", " ") in _compounds()[0]
    ):
        # "Bộ_trưởng", "Phó_Chủ_tịch", "Tổng_thống": a common word written with capitals;
        # "Bộ_Chính_trị", "Tết_Nguyên_đán", "châu_Âu": a compound `segment` joins.
        # Mid-sentence it may continue a name: "Bộ Ngoại_giao", "Đảng Cộng_hòa".
        return (_Unit("word" if initial else "capword", syllables, initial),), False
    # "Fathy_nghiêng": a name glued to a word; cut at the case changes.
    units = []
    start = 0
    for i in range(1, len(syllables) + 1):
        if i == len(syllables) or caps[i] != caps[start]:
            kind = "cap" if caps[start] else "word"
            units.append(_Unit(kind, syllables[start:i], initial and start == 0))
            start = i
    return tuple(units), False


def _vocab_stats(token_lines: list[list[str]]) -> tuple[set[str], Counter]:
    """All-lowercase words seen, and per word: mid-sentence capitalised minus lowercase uses."""
    lower_vocab: set[str] = set()
    votes: dict[str, int] = {}
    # per token: 0 sentence break, 1 no letter, 2 lowercase, 3 all capitalised, 4 mixed
    kinds: dict[str, tuple[int, str]] = {}
    for tokens in token_lines:
        initial = True
        for token in tokens:
            got = kinds.get(token)
            if got is None:
                got = kinds[token] = _vocab_kind(token)
            kind, lowered = got
            if kind == 0:
                initial = True
                continue
            if kind == 1:
                continue
            if kind == 2:
                lower_vocab.add(lowered)
                if not initial:
                    votes[lowered] = votes.get(lowered, 0) - 1
            elif kind == 3 and not initial:
                votes[lowered] = votes.get(lowered, 0) + 1
            initial = False
    return lower_vocab, Counter(votes)


def _vocab_kind(token: str) -> tuple[int, str]:
    if token in _SENTENCE_BREAKS:
        return 0, token
    if not _has_letter(token):
        return 1, token
    lowered = token.lower()
    if token == lowered:
        return 2, lowered
    return (3 if all(_token_info(token)[1]) else 4), lowered


# A run: a capitalised unit, then capitalised units, capitalised words, or a particle followed
# by a capitalised unit ("Bộ Ngoại giao", "Alexander Van der Bellen"), over `_Unit.code`s.
_NAME_RUN = re.compile(r"C(?:[Cw]|pC)*")


def _name_runs(units: list[_Unit]) -> list[tuple[int, int]]:
    """Spans [start, end) of maximal runs of capitalised units ("Bộ Ngoại giao" included)."""
    codes = "".join([u.code for u in units])
    if "C" not in codes:
        return []
    return [m.span() for m in _NAME_RUN.finditer(codes)]


def _merge_noun_phrases(
    docs: list[list[tuple[str, str, bool]]], *, min_count: int = 3, min_share: float = 0.5
) -> list[list[tuple[str, str, bool]]]:
    """Merge two adjacent common words into one term when they are a strong collocation.

    The pair must be tagged noun + noun/adjective (or be two one-syllable content words the
    segmenter left apart), occur `min_count` times, and account for at least `min_share` of
    the uses of both words ("hộp đen": "hộp" and "đen" rarely apart).
    """
    from newslab._term_display import _stopwords

    stop = _stopwords()
    unigrams: Counter = Counter()
    pairs: Counter = Counter()
    split_pairs: Counter = Counter()
    for doc in docs:
        unigrams.update([item[0] for item in doc])
        for (key, tag, is_word), (key2, tag2, is_word2) in pairwise(doc):
            if not (is_word and is_word2):
                continue
            noun_phrase = tag in _NP_HEAD_TAGS and tag2 in _NP_TAIL_TAGS
            # Two content syllables the segmenter left apart ("truy sát", "đẫm máu").
            split_word = (
                "_" not in key
                and "_" not in key2
                and tag in _CONTENT_TAGS
                and tag2 in _CONTENT_TAGS
            )
            if noun_phrase:
                pairs[(key, key2)] += 1
            elif split_word and key not in stop and key2 not in stop:
                split_pairs[(key, key2)] += 1
    strong = {
        p
        for p, c in pairs.items()
        if c >= min_count and c >= min_share * unigrams[p[0]] and c >= min_share * unigrams[p[1]]
    }
    # A syllable seldom seen outside the pair ("đẫm" in "đẫm máu") belongs to it.
    strong |= {
        p
        for p, c in split_pairs.items()
        if c >= min_count and c >= min_share * min(unigrams[p[0]], unigrams[p[1]])
    }
    if not strong:
        return docs
    merged_docs = []
    firsts = {p[0] for p in strong}
    for doc in docs:
        if firsts.isdisjoint([item[0] for item in doc]):
            merged_docs.append(doc)  # no strong pair can start here
            continue
        out = []
        i = 0
        while i < len(doc):
            if i + 1 < len(doc) and (doc[i][0], doc[i + 1][0]) in strong:
                out.append((doc[i][0] + "_" + doc[i + 1][0], "NP", True))
                i += 2
            else:
                out.append(doc[i])
                i += 1
        merged_docs.append(out)
    return merged_docs


_HYPHEN_IN_NAME = re.compile(r"-(?=[^\W\d_])")


def _name_key(name: str) -> str:
    """Key of a name: lowercase, a hyphen before a lowercase part keyed as a space.

    "Kim Jong-un" and "Kim Jong Un", "Park Hang-seo" and "Park Hang Seo" are one name; a
    hyphen between two names ("Mỹ-Nga", "Hà_Nội-Hải_Phòng") is kept.
    """
    if "-" in name:
        name = _HYPHEN_IN_NAME.sub(lambda m: "_" if name[m.end()].islower() else "-", name)
    return name.lower()


def extract_terms(
    texts: Sequence[str],
    *,
    segmenter: Segmenter | None = None,
    pos_tagger: PosTagger | None = None,
    use_pos: bool = True,
    progress: bool = False,
) -> TermDocs:
    """Extract candidate terms (names whole, words, noun phrases) from texts.

    Statistics that decide names and phrases come from `texts` themselves, so a corpus about
    Egypt learns that "Ai" in "Ai Cập" is not the pronoun "ai".

    Args:
        texts: One string per document.
        segmenter: Function from a list of lines to a list of token lists (syllables joined by
            `_`); defaults to `newslab.segment_many`. Inject a stand-in in tests.
        pos_tagger: Function from a token list to `(token, tag)` pairs; defaults to
            `newslab.pos_tag`.
        use_pos: Tag words to merge noun phrases and to record tags (used to drop function
            words).
        progress: Show the segmenter's progress bar.

    Returns:
        A `TermDocs` with one list of term keys per text (punctuation and numbers already
        removed, stopwords not yet).

    Example:
        >>> fake = lambda lines: [line.split() for line in lines]
        >>> extract_terms(["Máy_bay Ai Cập rơi ."], segmenter=fake, use_pos=False).docs
        [['máy_bay', '^ai_cập', 'rơi']]
    """
    segmenter = segmenter or _default_segmenter()
    # Segment line by line: line ends are sentence ends (titles carry no full stop).
    line_doc: list[int] = []
    lines: list[str] = []
    for d, text in enumerate(texts):
        for line in str(text).split("\n"):
            if line.strip():
                lines.append(line)
                line_doc.append(d)
    token_lines = _call_segmenter(segmenter, lines, progress) if lines else []
    token_lines = [_normalise_tokens(t, line) for t, line in zip(token_lines, lines, strict=True)]
    lower_vocab, cap_votes = _vocab_stats(token_lines)
    memo: dict = {}
    unit_lines = [_line_units(tokens, lower_vocab, cap_votes, memo) for tokens in token_lines]

    line_runs = [_name_runs(units) for units in unit_lines]
    all_runs = [
        tuple(u.key for u in units[a:b])
        for units, runs in zip(unit_lines, line_runs, strict=True)
        for a, b in runs
    ]
    standalone, total = _run_stats(all_runs)
    heads = _suffix_heads(all_runs)

    surfaces: defaultdict[str, Counter] = defaultdict(Counter)
    # Per document: (key, tag, is_common_word) with names and words in text order.
    doc_items: list[list[tuple[str, str, bool]]] = [[] for _ in texts]
    doc_words: list[list[str]] = [[] for _ in texts]
    doc_kinds: list[list[tuple[str, bool]]] = [[] for _ in texts]
    word_kinds = ("word", "capword")
    word_units: list[_Unit] = []  # surfaces of common words are counted once at the end
    for d, units, runs in zip(line_doc, unit_lines, line_runs, strict=True):
        words_d, kinds_d = doc_words[d], doc_kinds[d]
        done = 0
        for a, b in (*runs, (len(units), len(units))):
            words = [u for u in units[done:a] if u.kind in word_kinds]
            if words:
                word_units.extend(words)
                words_d.extend([u.word for u in words])
                kinds_d.extend([u.item for u in words])
            done = b
            if a == b:
                continue
            run = tuple(u.key for u in units[a:b])
            for pa, pb in _split_run(run, standalone, total, heads=heads):
                syllables = [s for u in units[a + pa : a + pb] for s in u.syllables]
                # Names are keyed apart from words: "Anh" (Britain) is not "anh".
                key = NAME_MARK + _name_key("_".join(syllables))
                surface = " ".join(syllables)
                surfaces[key][surface] += 1
                words_d.append("_".join(syllables))
                kinds_d.append((key, False))

    # Units are shared between equal (token, sentence-initial) occurrences: count them.
    for unit, n in Counter(word_units).items():
        surfaces[unit.word_key][unit.surface] += n
    del word_units

    tags: defaultdict[str, Counter] = defaultdict(Counter)
    tagger = (pos_tagger or _default_pos_tagger()) if use_pos else None
    tag_pairs: Counter = Counter()  # (key, tag) -> uses
    batch = None
    if use_pos and pos_tagger is None:
        from newslab.segmentation import pos_tag_many

        batch = pos_tag_many(doc_words)  # each document tagged on its own, in one pass
    for d in range(len(texts)):
        kinds = doc_kinds[d]
        doc_tags = [""] * len(kinds)
        if batch is not None and len(batch[d]) == len(kinds):
            doc_tags = batch[d]
        elif tagger is not None and batch is None and kinds:
            tagged = tagger(doc_words[d])
            if len(tagged) == len(kinds):
                doc_tags = [tag for _, tag in tagged]
        doc_items[d] = [(key, tag, is_word) for (key, is_word), tag in zip(kinds, doc_tags, strict=True)]
        tag_pairs.update(zip([key for key, _ in kinds], doc_tags, strict=True))
    for (key, tag), n in tag_pairs.items():
        if tag:
            tags[key][tag] += n

    doc_items = _alias_short_names(doc_items)
    doc_items = _merge_case_variants(doc_items)
    if tagger is not None:
        doc_items = _merge_noun_phrases(doc_items)
        for doc in doc_items:
            for key, tag, _ in doc:
                if tag == "NP" and key not in surfaces:
                    surfaces[key] = Counter()
        # Natural form of a phrase: its parts' natural forms joined.
        for key in [k for k in surfaces if not surfaces[k]]:
            parts = key.split("_")
            surfaces[key][" ".join(parts)] += 1
    docs = [[key for key, _, _ in doc] for doc in doc_items]
    return TermDocs(docs=docs, surfaces=dict(surfaces), tags=dict(tags))
