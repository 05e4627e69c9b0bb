"""Names that a tokenizer wrote with spaces around a hyphen or an apostrophe.

Corpora re-assembled from tokenized text (VietNews among them) write `Park Hang - seo`,
`Kim Jong - un`, `Haider al - Abadi`, `Su -57`, `Ea H’ leo` and `Cư M’ gar` for `Park
Hang-seo`, `Su-57` and `Cư M’gar`. Read as written, a dash or an apostrophe cuts the name in
two (a clause boundary for quotes, two term fragments such as "Park Hang" and "seo").
`name_dash_offsets` finds such hyphens; `join_spaced_names` writes the names whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newslab._term_names import _looks_vietnamese

# A Korean or Chinese given name written with a spaced hyphen ("Kim Jong - un", "Feng Shih -
# Kuan"): after a family name, a short second part, lowercase or of up to four letters.
_SPACED_NAME_DASH = re.compile(r"\b([A-Z][a-z]+ ([A-Z][a-z]{1,8})) - ([a-z]{2,4}|[A-Z][a-z]{1,3})\b")
_ARABIC_DASH = re.compile(r"\b([A-Z][a-z]+ (?:al|el|ul|ad|as|ash|bin|abu)) - (?=[A-Z][a-z]+\b)")
# Vietnamese words of two plain letters that may follow a dash after a name ("Kim Yo Jong -
# em gái của …": her sister, not a name part "Jong-em").
_SHORT_WORDS = frozenset("em va la do co ra ba me ma bo cu ai an to ta di du ho".split())
# A model or a plate number: "Su -57", "S -400", "Mig -21", "QN -7038", "Ir -192".
_MODEL_DASH = re.compile(r"\b([A-Z][A-Za-z]{0,4}) -(?=\d)")
# A name part after a capital and an apostrophe (names of Vietnam's highland peoples and their
# places): "Ea H’ leo", "Cư M’ gar", "K’ Bổ". One capital alone before it, so a closing quote
# after an acronym ("… VN’ được") stays.
_APOSTROPHE = re.compile(r"(?<!\S)([A-ZĐ][’'])\s+(?=[^\W\d_])")


@lru_cache(maxsize=1)
def _east_asian_surnames() -> frozenset[str]:
    from newslab.quotes.lexicon import load_lexicon

    return load_lexicon().exact("east_asian_surnames")


def name_dash_offsets(text: str) -> list[int]:
    """Offsets of the hyphens of names written with a spaced hyphen (`Kim Jong - un`).

    The part after the hyphen must be spelled unlike a Vietnamese syllable (`yub`, `suk`), be
    capitalised or of two letters after a part that is (`Jong - un`, `Shih - Kuan`), or follow
    an East Asian family name (`Lee Hye - hoon`, `Chung Eui - Yong`), so that words after a
    dash (`Công an tỉnh Kon Tum - cho biết`, `Weather - con của`, `Yo Jong - em gái`) are not
    joined to a name.

    Example:
        >>> text = "Kim Jong - un gặp Lee Hye - hoon"
        >>> [text[i] for i in name_dash_offsets(text)]
        ['-', '-']
    """
    out = [m.end(1) + 1 for m in _ARABIC_DASH.finditer(text)]  # "Haider al - Abadi"
    east_asian = _east_asian_surnames()
    for m in _SPACED_NAME_DASH.finditer(text):
        second, tail = m.group(2), m.group(3)
        if tail in _SHORT_WORDS:
            continue
        if (
            not _looks_vietnamese(tail)
            or (not _looks_vietnamese(second) and (tail[0].isupper() or len(tail) <= 2))
            or m.group(1).split()[0] in east_asian  # "Lee Hye - hoon", "Chung Eui - Yong"
        ):
            out.append(m.end(1) + 1)
    return sorted(out)


def join_spaced_names(text: str) -> str:
    """Write names spaced around a hyphen or an apostrophe whole (`Park Hang-seo`, `Su-57`).

    Only hyphens found by `name_dash_offsets`, a hyphen between a short capitalised word and
    a number (`Mig -21`), and an apostrophe after a capital standing alone (`Cư M’ gar`) are
    joined; a dash between words (`Hà Nội - Hải Phòng`, `Kon Tum - cho biết`) stays.

    Example:
        >>> join_spaced_names("HLV Park Hang - seo, tiêm kích Su -57 ở Cư M’ gar")
        'HLV Park Hang-seo, tiêm kích Su-57 ở Cư M’gar'
    """
    if " -" not in text and "’ " not in text and "' " not in text:
        return text
    if " - " in text:
        for at in reversed(name_dash_offsets(text)):
            text = text[: at - 1] + "-" + text[at + 2 :]
    text = _MODEL_DASH.sub(r"\1-", text)
    return _APOSTROPHE.sub(r"\1", text)
