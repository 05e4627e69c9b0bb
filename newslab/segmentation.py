"""Vietnamese word segmentation with pyvi.

`tokenize` returns pyvi's own output string; `segment` returns a list of words (syllables of a
word joined with `_`) for analysis. Later steps (TF-IDF, terms, quotes) use `segment`.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from pyvi import ViPosTagger, ViTokenizer


def tokenize(text: str) -> str:
    """Segment `text` exactly as `pyvi.ViTokenizer.tokenize` does.

    Args:
        text: Any string.

    Returns:
        The text with the syllables of each word joined by `_`, tokens separated by spaces.

    Example:
        >>> tokenize("Tổng thống Nga")
        'Tổng_thống Nga'
    """
    return ViTokenizer.tokenize(text)


def segment(text: str) -> list[str]:
    """Split `text` into words for analysis.

    Args:
        text: Any string.

    Returns:
        A list of words; the syllables of a multi-syllable word are joined by `_`.

    Example:
        >>> segment("Tổng thống Nga")
        ['Tổng_thống', 'Nga']
    """
    return tokenize(text).split()


def tokenize_many(texts: Iterable[str]) -> list[str]:
    """Apply `tokenize` to many texts.

    Args:
        texts: Strings to tokenize.

    Returns:
        One pyvi-style string per input text.

    Example:
        >>> tokenize_many(["Hà Nội"])
        ['Hà_Nội']
    """
    return [tokenize(t) for t in texts]


def segment_many(texts: Iterable[str]) -> list[list[str]]:
    """Apply `segment` to many texts.

    Args:
        texts: Strings to segment.

    Returns:
        One list of words per input text.

    Example:
        >>> segment_many(["Hà Nội"])
        [['Hà_Nội']]
    """
    return [segment(t) for t in texts]


def pos_tag(words: list[str]) -> list[tuple[str, str]]:
    """Tag segmented words with pyvi's part-of-speech tagger.

    Args:
        words: Words as returned by `segment`.

    Returns:
        `(word, tag)` pairs.

    Example:
        >>> pos_tag(["Hà_Nội", "đẹp"])[0]
        ('Hà_Nội', 'Np')
    """
    if not words:
        return []
    tagged_words, tags = ViPosTagger.postagging(" ".join(words))
    return list(zip(tagged_words, tags, strict=True))


def stopwords() -> frozenset[str]:
    """Return newslab's curated Vietnamese stopword list (lowercase, `_`-joined).

    Example:
        >>> "của" in stopwords()
        True
    """
    text = resources.files("newslab.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
