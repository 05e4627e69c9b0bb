"""Normalised syllable shingles: the cheap fingerprint behind duplicate detection.

A text is reduced to a sequence of canonical syllables (NFC, lowercase, punctuation dropped, the
tone mark taken out of the syllable so that old and new tone placement agree, `7/12` and `7.12`
both become `7 12`), then to hashed runs of `k` consecutive syllables. No word segmentation is
needed: everything after NFC is table lookups and numpy on the code points, roughly a hundred
times cheaper than pyvi. `find_duplicates` and `align_passages` build on it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

import numpy as np

#: Combining marks of the five Vietnamese tones (NFD) and the digit each tone is written as.
_TONES = {"\u0300": 2, "\u0301": 1, "\u0303": 4, "\u0309": 3, "\u0323": 5}

#: Code points from here up are treated as separators (Vietnamese needs < U+1F00).
_TABLE_SIZE = 0x2000

_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant for mixing


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """Deterministic 64-bit mixing (SplitMix64 finaliser), vectorised."""
    x = x.astype(np.uint64)
    with np.errstate(over="ignore"):
        x = x + _MULT
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x = x ^ (x >> np.uint64(31))
    return x


def canonical_syllable(token: str) -> str:
    """Return one spelling of a syllable whatever its case, Unicode form and tone placement.

    The tone mark is taken off the vowel and written as a digit after the syllable, so `hoà`
    (old style) and `hòa` (new style) both give `hoa2`, and `Thuỷ`/`thủy` give `thuy3`. The
    numpy fast path in `syllable_ids` hashes exactly this form.

    Args:
        token: A syllable (NFC or NFD).

    Returns:
        The lowercase syllable without its tone mark, plus the tone digit when it has one.

    Example:
        >>> canonical_syllable("hoà") == canonical_syllable("Hòa") == "hoa2"
        True
    """
    decomposed = unicodedata.normalize("NFD", token.lower())
    tone = 0
    kept = []
    for ch in decomposed:
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + (str(tone) if tone else "")


def _build_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    is_letter = np.zeros(_TABLE_SIZE + 1, dtype=bool)
    base = np.zeros(_TABLE_SIZE + 1, dtype=np.uint64)
    tone = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for cp in range(_TABLE_SIZE):
        ch = chr(cp)
        if ch in _TONES:  # a stray combining tone mark left after NFC
            is_letter[cp] = True
            tone[cp] = _TONES[ch]
            continue
        if not (ch.isalnum() or unicodedata.category(ch) == "Mn"):
            continue
        is_letter[cp] = True
        decomposed = unicodedata.normalize("NFD", ch.lower())
        kept = "".join(c for c in decomposed if c not in _TONES)
        for c in decomposed:
            if c in _TONES:
                tone[cp] = _TONES[c]
        kept = unicodedata.normalize("NFC", kept) or ch
        base[cp] = ord(kept[0]) + 1
    base = _splitmix64(base)
    base[~is_letter] = 0
    return is_letter, base, tone


_IS_LETTER, _BASE, _TONE = _build_tables()
_POS_KEYS = _splitmix64(np.arange(1, 65, dtype=np.uint64) * np.uint64(7919))
_TONE_KEYS = _splitmix64(np.arange(100, 106, dtype=np.uint64))


def _ids_of_nfc(text: str):
    """Syllable ids, starts and lengths of an NFC string (see `syllable_ids`)."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    cp = np.minimum(cp, _TABLE_SIZE)
    where = np.flatnonzero(_IS_LETTER[cp])
    if len(where) == 0:
        return np.empty(0, dtype=np.uint64), np.empty(0, np.int64), np.empty(0, np.int64)
    new_token = np.empty(len(where), dtype=bool)
    new_token[0] = True
    np.not_equal(np.diff(where), 1, out=new_token[1:])
    starts = np.flatnonzero(new_token)
    lengths = np.diff(np.append(starts, len(where)))
    pos = np.arange(len(where)) - np.repeat(starts, lengths)
    np.minimum(pos, len(_POS_KEYS) - 1, out=pos)
    chars = cp[where]
    with np.errstate(over="ignore"):
        ids = np.add.reduceat(_BASE[chars] * _POS_KEYS[pos], starts)
        ids += _TONE_KEYS[np.maximum.reduceat(_TONE[chars], starts)]
    return ids, where[starts], lengths


def syllable_ids(text: str, *, offsets: bool = False):
    """Return deterministic 64-bit ids of the canonical syllables of `text`.

    Syllables are runs of letters and digits after NFC; case, tone placement and punctuation do
    not change the ids (see `canonical_syllable`).

    Args:
        text: Any string.
        offsets: Also return the start and end of each syllable in the NFC form of `text`.

    Returns:
        A uint64 array of ids, or `(ids, starts, ends)` when `offsets` is true.

    Example:
        >>> bool((syllable_ids("Hoà bình, 7/12") == syllable_ids("HÒA BÌNH 7.12")).all())
        True
    """
    ids, begin, lengths = _ids_of_nfc(unicodedata.normalize("NFC", text))
    return (ids, begin, begin + lengths) if offsets else ids


def syllable_ids_many(texts: Iterable[str], *, batch: int = 256) -> Iterator[np.ndarray]:
    """`syllable_ids` for many texts, a batch of texts per numpy pass (much less overhead).

    Example:
        >>> [len(i) for i in syllable_ids_many(["Hà Nội", "", "mưa to quá"])]
        [2, 0, 3]
    """
    chunk: list[str] = []
    for text in texts:
        chunk.append(unicodedata.normalize("NFC", text))
        if len(chunk) == batch:
            yield from _split_ids(chunk)
            chunk = []
    if chunk:
        yield from _split_ids(chunk)


def shingled_many(
    texts: Iterable[str], *, k: int = 5, batch: int = 256
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """`(syllable ids, shingle hashes)` of many texts, both computed a batch at a time.

    The shingle hashes equal `shingle_hashes(syllable_ids(text), k)` for each text.

    Example:
        >>> [(len(i), len(s)) for i, s in shingled_many(["một hai ba bốn năm sáu", "Hà Nội"])]
        [(6, 2), (2, 1)]
    """
    chunk: list[str] = []
    for text in texts:
        chunk.append(unicodedata.normalize("NFC", text))
        if len(chunk) == batch:
            yield from _shingle_batch(chunk, k)
            chunk = []
    if chunk:
        yield from _shingle_batch(chunk, k)


def _shingle_batch(chunk: list[str], k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    ids, begin, _ = _ids_of_nfc("\n".join(chunk))
    starts = np.cumsum([0] + [len(t) + 1 for t in chunk])
    bounds = np.searchsorted(begin, starts)
    hashes = shingle_hashes(ids, k) if len(ids) >= k else np.empty(0, dtype=np.uint64)
    out = []
    for i in range(len(chunk)):
        lo, hi = int(bounds[i]), int(bounds[i + 1])
        if hi - lo >= k:
            out.append((ids[lo:hi], hashes[lo : hi - k + 1]))
        else:  # short text: shingle_hashes makes one shorter shingle (or none)
            out.append((ids[lo:hi], shingle_hashes(ids[lo:hi], k)))
    return out


def _split_ids(chunk: list[str]) -> list[np.ndarray]:
    ids, begin, _ = _ids_of_nfc("\n".join(chunk))  # the newline separates texts
    starts = np.cumsum([0] + [len(t) + 1 for t in chunk])
    bounds = np.searchsorted(begin, starts)
    return [ids[bounds[i] : bounds[i + 1]] for i in range(len(chunk))]


def shingle_hashes(ids: np.ndarray, k: int = 5) -> np.ndarray:
    """Hash every run of `k` consecutive syllable ids (in text order, with repeats).

    Args:
        ids: Syllable ids from `syllable_ids`.
        k: Shingle length in syllables. A text shorter than `k` gives one shingle.

    Returns:
        A uint64 array of `max(len(ids) - k + 1, 1)` hashes (empty for an empty text).

    Example:
        >>> len(shingle_hashes(syllable_ids("một hai ba bốn năm sáu"), k=5))
        2
    """
    n = len(ids)
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    k = min(k, n)
    m = n - k + 1
    acc = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = (acc * _MULT) ^ ids[j : j + m]
    return _splitmix64(acc)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (like `np.unique`, faster for small uint64 arrays)."""
    if len(values) < 2:
        return values.copy()
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def shingle_set(text: str, *, k: int = 5) -> np.ndarray:
    """Sorted distinct shingle hashes of `text`.

    Example:
        >>> a = shingle_set("Tổng thống Nga Vladimir Putin cho biết")
        >>> b = shingle_set("TỔNG THỐNG NGA VLADIMIR PUTIN CHO BIẾT!")
        >>> bool((a == b).all())
        True
    """
    return sorted_unique(shingle_hashes(syllable_ids(text), k))


def shingle_sets(texts: Iterable[str], *, k: int = 5) -> list[np.ndarray]:
    """`shingle_set` for many texts."""
    return [sorted_unique(shingle_hashes(ids, k)) for ids in syllable_ids_many(texts)]


def containment(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Containment of the smaller shingle set in the larger, and Jaccard resemblance.

    Args:
        a: Sorted distinct shingle hashes.
        b: Sorted distinct shingle hashes.

    Returns:
        `(containment, jaccard)`: shared shingles over the size of the smaller set, and over the
        size of the union. Both 0.0 when either set is empty.

    Example:
        >>> import numpy as np
        >>> containment(np.array([1, 2, 3, 4], dtype=np.uint64), np.array([3, 4], dtype=np.uint64))
        (1.0, 0.5)
    """
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b)), shared / (len(a) + len(b) - shared)
