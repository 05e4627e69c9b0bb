"""Names in a run of capitalised syllables: where one name ends and the next begins.

Used by `newslab._term_tokens`. A run such as "Mỹ Joe Biden" or "Điện Kremlin Dmitry Peskov"
holds several names; corpus statistics (how often each part stands alone, what it follows) decide
where to cut. Short names are then mapped to the full name the same article uses ("bà Thái" ->
"Thái Anh Văn"), and a name and a word spelled alike become one term.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

NAME_MARK = "^"  # starts the key of a name term: "^ai_cập"

_VIET_VOWEL = "".join(
    ch
    for ch in map(chr, range(0x41, 0x1EFA))
    if ch.islower() and unicodedata.normalize("NFD", ch)[0] in "aeiouy"
) + "ăâêôơư"
_VIET_SYLLABLE = re.compile(
    rf"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?[{_VIET_VOWEL}]{{1,3}}(ch|ng|nh|[cmnpt])?$"
)


@lru_cache(maxsize=1 << 16)
def _looks_vietnamese(syllable: str) -> bool:
    """Whether a syllable is spelled like a Vietnamese one ("Tổng" yes, "Fathy", "Putin" no)."""
    return bool(_VIET_SYLLABLE.match(unicodedata.normalize("NFC", syllable.lower())))


_MAX_RUN = 8  # longer capitalised runs are headlines in capitals, not names


def _flat(piece: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """Syllables of a run piece, whatever the segmenter's token boundaries were."""
    return tuple(s for token in piece for s in token)


def _run_stats(all_runs: list[tuple[tuple[str, ...], ...]]) -> tuple[Counter, Counter]:
    """Standalone count S (the piece is a whole run) and total count T of every run piece."""
    standalone: Counter = Counter()
    total: Counter = Counter()
    for run in all_runs:
        standalone[_flat(run)] += 1
        if len(run) > _MAX_RUN:
            continue
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                total[_flat(run[i:j])] += 1
    return standalone, total


def _suffix_heads(all_runs: list[tuple[tuple[str, ...], ...]]) -> dict[tuple[str, ...], set]:
    """For every run suffix, the different run prefixes seen before it (`()`: alone)."""
    heads: dict[tuple[str, ...], set] = {}
    for run in all_runs:
        if len(run) > _MAX_RUN:
            continue
        for j in range(len(run)):
            heads.setdefault(_flat(run[j:]), set()).add(_flat(run[:j]))
    return heads


def _n_syllables(piece: tuple[tuple[str, ...], ...]) -> int:
    return sum(len(t) for t in piece)


def _split_run(
    run: tuple[tuple[str, ...], ...],
    standalone: Counter,
    total: Counter,
    *,
    min_count: int = 2,
    max_dependency: float = 0.1,
    heads: dict[tuple[str, ...], set] | None = None,
) -> list[tuple[int, int]]:
    """Split a run of capitalised tokens into names: "Mỹ Joe Biden" -> "Mỹ", "Joe Biden".

    A prefix is cut off when it is itself a name that mostly stands alone in the corpus, the
    two sides are seldom seen together otherwise, and the rest is attested on its own too (or
    is a full name of two or more syllables after a name that nearly always stands alone).
    "Ai Cập", "Đông Nam Á", "Mỹ Latinh", "Hillary Clinton" stay whole.
    """
    if len(run) > _MAX_RUN:
        return [(i, i + 1) for i in range(len(run))]
    pieces = []
    start = 0
    while start < len(run):
        cut = None
        for end in range(start + 1, len(run)):
            head, rest = run[start:end], run[end:]
            s, t = standalone[_flat(head)], total[_flat(head)]
            if s < 1:
                continue
            # "Nhà Trắng Jen Psaki": a name used alone now and then, then a foreign full name
            # of two or three syllables (news puts a person's name after their country or body).
            rest_syllables = _flat(rest)
            # Or a foreign full name seen after different names ("Điện Kremlin Dmitry Peskov",
            # "Kremlin Dmitry Peskov"): it is a unit of its own.
            if (
                2 <= len(rest_syllables) <= 3
                and heads is not None
                and len(heads.get(rest_syllables, ())) >= 2
                and not any(_looks_vietnamese(x) for x in rest_syllables)
            ):
                cut = end
                break
            if (
                2 <= len(rest_syllables) <= 3
                and (s >= 0.5 * t or (s >= 0.3 * t and any(map(_looks_vietnamese, _flat(head)))))
                and not any(_looks_vietnamese(x) for x in rest_syllables)
            ):
                cut = end
                break
            if s < min_count or s < 0.5 * t:
                continue
            # "Nga Vladimir Putin": a name that nearly always stands alone, then a full name.
            if s >= 0.8 * t and s > min_count and _n_syllables(rest) >= 2:
                cut = end
                break
            # "Điện Kremlin Dmitry Peskov": a name, then a full name whose last part is used
            # alone ("ông Peskov") or that the segmenter keeps as one word.
            # The segmenter's own multi-syllable name tokens ("Vladimir_Putin") count as names.
            last_alone = standalone[rest[-1][-1:]] >= min_count
            one_name_token = len(rest) == 1 and len(rest[0]) >= 2
            if _n_syllables(rest) >= 2 and (last_alone or one_name_token):
                cut = end
                break
            # "Mỹ Joe Biden" splits but "Hillary Clinton" does not: both sides must be attested
            # alone, and P(rest follows | head) * P(head precedes | rest) must be small.
            together = total[_flat(run[start:])]
            if standalone[_flat(rest)] >= min_count and (
                together * together < max_dependency * t * max(total[_flat(rest)], 1)
            ):
                cut = end
                break
        if cut is None:
            pieces.append((start, len(run)))
            break
        pieces.append((start, cut))
        start = cut
    return pieces


def _alias_short_names(docs: list[list[tuple[str, str, bool]]]) -> list[list[tuple[str, str, bool]]]:
    """Map a short name to the full name it abbreviates in the same article.

    News introduces a person or body by the full name, then shortens it ("Thái Anh Văn" ... "bà
    Thái"). A name that, over the corpus, is more often part of longer names than used alone is
    replaced in each article by the longer name containing it that the article uses most; so is
    a name that this article uses more often inside longer names than alone. Names that mostly
    stand alone ("Mỹ", "Trump") are left alone.
    """
    counts: Counter = Counter(key for doc in docs for key, _, is_word in doc if not is_word)
    contained_by: dict[str, list[str]] = {}
    for name in counts:
        syllables = name[len(NAME_MARK) :].split("_")
        if len(syllables) > _MAX_RUN:
            continue
        subs = {
            NAME_MARK + "_".join(syllables[i:j])
            for i in range(len(syllables))
            for j in range(i + 1, len(syllables) + 1)
            if j - i < len(syllables)
        }
        for sub in subs:
            if sub in counts:
                contained_by.setdefault(sub, []).append(name)
    short = {
        k for k, longer in contained_by.items() if sum(counts[n] for n in longer) > counts[k]
    }
    out = []
    for doc in docs:
        here = Counter(key for key, _, is_word in doc if not is_word)
        alias = {}
        for k in contained_by.keys() & here.keys():
            # Only names attested more than once: one segmenter slip is no full name.
            longer = [n for n in contained_by[k] if here[n] and counts[n] >= 2]
            # Mostly part of longer names in the corpus, or in this article.
            if longer and (k in short or sum(here[n] for n in longer) > here[k]):
                alias[k] = min(longer, key=lambda n: (-here[n], -counts[n], n))
        out.append([(alias.get(key, key), tag, is_word) for key, tag, is_word in doc])
    return out


def _merge_case_variants(docs: list[list[tuple[str, str, bool]]]) -> list[list[tuple[str, str, bool]]]:
    """Make one term of "Nhật hoàng" and "Nhật Hoàng".

    A multi-syllable word and a name spelled alike become whichever is more frequent;
    one-syllable ones stay apart ("Anh" is Britain, "anh" is not).
    """
    counts: Counter = Counter(key for doc in docs for key, _, _ in doc)
    target = {}
    for key in counts:
        if key.startswith(NAME_MARK) and "_" in key:
            word = key[len(NAME_MARK) :]
            if word in counts:
                keep = key if counts[key] >= counts[word] else word
                target[key] = target[word] = keep
    if not target:
        return docs
    return [
        [(target.get(k, k), tag, (not target[k].startswith(NAME_MARK)) if k in target else w)
         for k, tag, w in doc]
        for doc in docs
    ]
