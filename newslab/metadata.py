"""Outlet and byline lines: where an article says who published and who wrote it.

Vietnamese outlets mark their copy in a few recurring ways: a dateline header ("NDO -",
"(Dân trí) -", "VOV.VN -"), a footer ("/ vtc.vn", "(Theo Reuters)", "Theo VnExpress",
"Nguồn: ..."), and a byline of the author's name on the last line ("Xuân Thành",
"Bích Thảo (Theo Reuters)"). The loader fills the `source` and `author` columns from them and
`clean_text` removes the same lines, so both use `find_metadata_lines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÀ-ỸĐ"
# Header: "NDO -", "(Dân trí) -", "VOV.VN -", "TTO -", "(VTC News) -" at the start of the body.
_HEADER = re.compile(
    rf"^\s*\(?(?P<src>[{_UPPER}][\w.]*(?:[ .][\w.]+){{0,2}})\)?\s+[-–—](?:\s+|$)",
)
# Footer forms, on the last non-empty line.
_FOOTER_SLASH = re.compile(r"^\s*/\s*(?P<src>[\w.-]+\.\w{2,4})\s*$")
_FOOTER_THEO = re.compile(r"^\s*(?P<author>.*?)\s*\(\s*[Tt]heo\s+(?P<src>[^()]{2,60})\)\s*\.?\s*$")
_FOOTER_PLAIN_THEO = re.compile(r"^\s*[Tt]heo\s+(?P<src>[\w .-]{2,40}?)\s*\.?\s*$")
_FOOTER_NGUON = re.compile(r"^\s*[Nn]guồn\s*:\s*(?P<src>.{2,80}?)\s*\.?\s*$")
# A byline: two to five capitalised syllables and nothing else ("Xuân Thành", "NGUYỄN VĂN A").
_NAME = re.compile(rf"^\s*(?P<author>[{_UPPER}][\w]*(?:[ ]+[{_UPPER}][\w]*){{1,4}})\s*$")
_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cháu", "cụ", "thầy"})
_HEADER_WORDS = frozenset({"Tin", "Ảnh", "Video", "Clip", "Theo", "Nguồn"})


@dataclass(frozen=True)
class MetadataLine:
    """A line of an article that names its outlet or author.

    Attributes:
        kind: "source_header", "source_footer" or "byline".
        start: Offset of the line's first character in the text.
        end: Offset just past the line's last character (without the newline).
        source: The outlet named, if any.
        author: The author named, if any.
    """

    kind: str
    start: int
    end: int
    source: str | None = None
    author: str | None = None


def line_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` offsets of every line of `text` (split on `\n`)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _header(text: str, start: int, end: int) -> MetadataLine | None:
    line = text[start:end]
    m = _HEADER.match(line)
    if not m:
        return None
    src = m.group("src").strip()
    words = src.split()
    if words[0] in _HEADER_WORDS or len(src) > 30:
        return None
    # A header names an outlet: a short acronym (NDO, TTO, NLĐO), a domain (VOV.VN,
    # Chinhphu.vn) or a short bracketed name ("(Dân trí) -"); not a dateline city (BRUSSELS -).
    bracketed = line.lstrip().startswith("(") and len(words) <= 3
    is_acronym = len(words) == 1 and src.isupper() and 2 <= len(src) <= 6
    is_domain = len(words) == 1 and "." in src.strip(".")
    if not (bracketed or is_acronym or is_domain):
        return None
    # The whole line is the header ("NDO -") or it opens the first paragraph ("NDO - Ngày...").
    cut = start + m.end() if line[m.end() :].strip() else end
    return MetadataLine("source_header", start, cut, source=src)


def _footer(text: str, start: int, end: int) -> MetadataLine | None:
    line = text[start:end]
    if len(line) > 120:
        return None
    for pattern in (_FOOTER_SLASH, _FOOTER_THEO, _FOOTER_NGUON, _FOOTER_PLAIN_THEO):
        m = pattern.match(line)
        if m:
            author = m.groupdict().get("author") or None
            if author and not _NAME.match(author):
                # "... (Theo Reuters)" closing a sentence: the outlet is named, no byline.
                cut = start + line.rfind("(")
                return MetadataLine("source_footer", cut, end, source=m.group("src").strip())
            return MetadataLine("source_footer", start, end, source=m.group("src").strip(),
                                author=author.strip() if author else None)
    return None


def find_metadata_lines(text: str) -> list[MetadataLine]:
    """Find the header, footer and byline lines that name an article's outlet and author.

    Only the first and the last two non-empty lines are examined: elsewhere such patterns are
    ordinary prose.

    Args:
        text: Article body (without the title), `\n` line ends.

    Returns:
        The metadata lines found, in text order.

    Example:
        >>> [m.source for m in find_metadata_lines("NDO -\\n\\nNội dung bài báo.")]
        ['NDO']
    """
    spans = [(s, e) for s, e in line_spans(text) if text[s:e].strip()]
    if not spans:
        return []
    found: list[MetadataLine] = []
    head = _header(text, *spans[0])
    if head:
        found.append(head)
    tail: list[MetadataLine] = []
    # Last line, then the one before it (a byline above "/ vtc.vn", or "Xem thêm:" below one).
    for s, e in reversed(spans[-2:] if len(spans) > 1 else spans):
        if head and s == spans[0][0]:
            break
        line = text[s:e]
        meta = _footer(text, s, e)
        if meta is None:
            m = _NAME.match(line)
            if m and not line.strip().endswith(".") and m.group("author").split()[0].lower() not in _HONORIFICS:
                meta = MetadataLine("byline", s, e, author=m.group("author").strip())
        if meta is None:
            if line.strip().lower().startswith("xem thêm"):
                continue
            break
        tail.append(meta)
    return found + sorted(tail, key=lambda m: m.start)


def detect_source_author(text: str) -> tuple[str | None, str | None]:
    """Return the outlet and the author an article names, or None for each.

    Args:
        text: Article body (without the title).

    Returns:
        `(source, author)`.

    Example:
        >>> detect_source_author("Nội dung.\\nBích Thảo (Theo Reuters)")
        ('Reuters', 'Bích Thảo')
    """
    source = author = None
    for meta in find_metadata_lines(text):
        source = source or meta.source
        author = author or meta.author
    return source, author
