"""Vietnamese text normalisation: one Unicode form, one tone-mark placement.

The same Vietnamese word can be typed several ways: precomposed (NFC) or decomposed (NFD)
characters, and the tone mark on either vowel of `oa`, `oe`, `uy` ("hoà" / "hòa", "thuỷ" /
"thủy"). `normalize` makes such variants compare equal. The corpus loader applies the
character-level part to every article; duplicate detection also unifies tone placement.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

ToneStyle = Literal["new", "old"] | None

# Combining tone marks (NFD): grave, acute, hook above, tilde, dot below.
_TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")
# Vowel-quality marks that belong to the letter (â ê ô / ă / ơ ư).
_QUALITY = frozenset("\u0302\u0306\u031b")
_VOWELS = frozenset("aeiouyAEIOUY")
# Open two-vowel rhymes whose tone placement differs between the styles.
_STYLE_PAIRS = frozenset({"oa", "oe", "uy"})

_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_WORDS_APART = re.compile(r"([^\W_]+)")  # split: words at odd positions ("_" joins words)
# Words already placed, per style (a dict lookup per word instead of a callback per match).
_PLACED: dict[str, dict[str, str]] = {"new": {}, "old": {}}
_MAX_PLACED = 500_000


def _clean_characters(text: str) -> str:
    """NFC, `\n` line ends, no BOM / zero-width characters, NBSP as a space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return unicodedata.normalize("NFC", text)


def _split_letters(word: str) -> list[tuple[str, str]]:
    """Split an NFD word into (base letter, quality marks) pairs and return the tone apart."""
    letters: list[list[str]] = []
    for ch in word:
        if unicodedata.combining(ch):
            if letters:
                letters[-1][1] += ch
        else:
            letters.append([ch, ""])
    return [(base, marks) for base, marks in letters]


def _place_tone(word: str, style: str) -> str:
    """Return `word` (NFC) with its tone mark moved to where `style` puts it.

    Not cached itself: `normalize` keeps each word's result (`_PLACED`).
    """
    nfd = unicodedata.normalize("NFD", word)
    tone = next((ch for ch in nfd if ch in _TONES), None)
    if tone is None:
        return word
    letters = [(b, "".join(m for m in marks if m not in _TONES)) for b, marks in _split_letters(nfd)]
    # Locate the vowel nucleus: the first run of vowels.
    start = next((i for i, (b, _) in enumerate(letters) if b in _VOWELS), None)
    if start is None:
        return word
    end = start
    while end < len(letters) and letters[end][0] in _VOWELS:
        end += 1
    lower = "".join(b for b, _ in letters).lower()
    # `qu` and `gi` (before another vowel) are onsets, not part of the nucleus.
    if start > 0 and lower[start - 1 : start + 1] == "qu" and end - start > 1:
        start += 1
    elif lower[start - 1 : start + 1] == "gi" and start > 0 and end - start > 1:
        start += 1
    nucleus = range(start, end)
    has_coda = end < len(letters)
    marked = [i for i in nucleus if letters[i][1]]
    if marked:
        target = marked[-1]
    elif has_coda:
        target = end - 1
    elif len(nucleus) == 1:
        target = start
    elif len(nucleus) == 3:
        target = start + 1
    elif lower[start:end] in _STYLE_PAIRS:
        target = end - 1 if style == "new" else start
    else:
        target = start
    out = []
    for i, (base, marks) in enumerate(letters):
        out.append(base + marks + (tone if i == target else ""))
    return unicodedata.normalize("NFC", "".join(out))


def normalize(text: str, *, tone_style: ToneStyle = None) -> str:
    """Normalise Vietnamese text so that spelling variants compare equal.

    Always: Unicode NFC, `\r\n` and lone `\r` as `\n`, BOM and zero-width characters removed,
    no-break spaces as plain spaces. With `tone_style`, the tone mark of every syllable is
    placed one way: `"new"` puts it on the second vowel of the open rhymes `oa`, `oe`, `uy`
    (hoà, khoẻ, thuỷ), `"old"` on the first (hòa, khỏe, thủy). Other syllables have one
    placement in both styles and are only moved if mistyped (e.g. `hoàng` stays `hoàng`).

    Args:
        text: Any string.
        tone_style: None (keep tone marks where they are), "new" or "old".

    Returns:
        The normalised string.

    Example:
        >>> normalize("hoà bình", tone_style="old") == normalize("hòa bình", tone_style="old")
        True
        >>> normalize("Thủy", tone_style="new")
        'Thuỷ'
    """
    if tone_style not in (None, "new", "old"):
        raise ValueError(f"tone_style must be None, 'new' or 'old', not {tone_style!r}")
    text = _clean_characters(text)
    if tone_style is None:
        return text
    parts = _WORDS_APART.split(text)
    parts[1::2] = place_tones(parts[1::2], tone_style)
    return "".join(parts)


def place_tones(words: list[str], tone_style: str) -> list[str]:
    """Each of `words` (NFC syllables) with its tone mark placed in `tone_style`.

    The word-level step of `normalize`, for callers that already hold syllables (`segment`
    decides word boundaries on pyvi's own spelling, the "new" style).

    Example:
        >>> place_tones(["hòa", "bình", "7/12"], "new")
        ['hoà', 'bình', '7/12']
    """
    placed = _PLACED[tone_style]
    if len(placed) > _MAX_PLACED:
        placed.clear()
    got = list(map(placed.get, words))
    if None in got:
        for i, word in enumerate(words):
            if got[i] is None:
                got[i] = placed[word] = _place_tone(word, tone_style)
    return got
