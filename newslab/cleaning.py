"""Remove the parts of a news page that are not the article, and say what was removed.

Photo captions ("Ảnh: Reuters", "(Ảnh: Getty) |", "Ảnh minh họa. (Nguồn: ...)"), image alt
lines ("Biden - Putin kết thúc điện đàm - 1"), "Xem thêm:" / "Tin liên quan" blocks,
related-article teasers (a title printed twice, then a summary ending in "..."), repeated
lines, and the outlet/byline lines found by `newslab.metadata`. Nothing is dropped silently:
`clean_text` returns every removed piece with its kind and offset.
"""

from __future__ import annotations

import re

import pandas as pd

from newslab.corpus import as_corpus
from newslab.metadata import find_metadata_lines, line_spans

# A caption ends with a photo credit or is an illustration label.
_CAPTION = re.compile(
    r"(?:^|[\s.])\(?(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Photo|Video|Clip)\s*:\s*[^()\n]{1,80}\)?"
    r"\s*[.|]?\s*$"
    r"|^\s*\(?Ảnh minh (?:họa|hoạ)\b.*$"
    r"|\(\s*Nguồn\s*:\s*[^()\n]{1,80}\)\s*\.?\s*$",
    re.IGNORECASE,
)
_ALT_TEXT = re.compile(r"\s-\s\d{1,2}\s*$")
_SEE_ALSO = re.compile(
    r"^\s*(?:Xem thêm|Tin liên quan|Bài liên quan|Đọc thêm|Tin cùng chuyên mục|Có thể bạn quan tâm)"
    r"\s*:?\s*",
    re.IGNORECASE,
)
_TEASER_END = re.compile(r"(?:\.\.\.|…)\s*$")
_MAX_CAPTION = 300
_MAX_TEASER = 250
_MAX_SEE_ALSO_LINES = 6


def _is_doubled(line: str) -> bool:
    """True for a line that is one title printed twice ("A title A title")."""
    s = line.strip()
    half = len(s) // 2
    if len(s) < 20:
        return False
    for cut in (half, half + 1, half - 1):
        left, right = s[:cut].strip(), s[cut:].strip()
        if left and left == right:
            return True
    return False


def clean_text(text: str, *, title: str | None = None) -> tuple[str, list[dict]]:
    """Remove captions, "Xem thêm" blocks, teasers, repeated lines and outlet/byline lines.

    Args:
        text: Article body as loaded by `load_corpus` (`\n` line ends).
        title: The article's title, if known: a first body line repeating it is removed.

    Returns:
        `(clean, removed)`: the cleaned text (blank-line runs collapsed) and a list of the
        removed pieces, each a dict with `kind` ("caption", "image_alt", "see_also",
        "teaser", "repeated_line", "repeated_title", "source_header", "source_footer", "byline"), `text`, and
        `start` (offset in the input).

    Example:
        >>> clean, removed = clean_text("Tin chính.\\nHai lãnh đạo gặp nhau. Ảnh: Reuters.")
        >>> clean, removed[0]["kind"]
        ('Tin chính.', 'caption')
    """
    spans = line_spans(text)
    removed: dict[int, tuple[str, int, int]] = {}  # line index -> (kind, start, end)

    def drop(i: int, kind: str, start: int | None = None, end: int | None = None) -> None:
        s, e = spans[i]
        removed.setdefault(i, (kind, s if start is None else start, e if end is None else end))

    for meta in find_metadata_lines(text):
        for i, (s, e) in enumerate(spans):
            if s <= meta.start < e or (s == meta.start == e):
                drop(i, meta.kind, meta.start, meta.end)

    first = next((i for i, (s, e) in enumerate(spans) if text[s:e].strip()), None)
    if title and first is not None and text[slice(*spans[first])].strip() == title.strip():
        drop(first, "repeated_title")

    seen: set[str] = set()
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        stripped = line.strip()
        if not stripped or i in removed:
            continue
        if _SEE_ALSO.match(line) and len(stripped) <= _MAX_TEASER:
            drop(i, "see_also")
            # A closing block of links ("Xem thêm:" then a few headlines) goes with it; an
            # in-article "Xem thêm" followed by more body text takes only its own line.
            rest = [j for j in range(i + 1, len(spans))
                    if text[slice(*spans[j])].strip() and j not in removed]
            if len(rest) <= _MAX_SEE_ALSO_LINES and all(
                len(text[slice(*spans[j])].strip()) <= _MAX_TEASER for j in rest
            ):
                for j in rest:
                    drop(j, "see_also")
        elif len(stripped) <= _MAX_CAPTION and _CAPTION.search(stripped):
            drop(i, "caption")
            # An image's alt text stands just above its caption ("... trong tháng - 1").
            prev = next((j for j in range(i - 1, -1, -1) if text[slice(*spans[j])].strip()), None)
            if prev is not None and _ALT_TEXT.search(text[slice(*spans[prev])]):
                drop(prev, "image_alt")
        elif _is_doubled(stripped) and len(stripped) <= 2 * _MAX_TEASER:
            drop(i, "teaser")
            nxt = next((j for j in range(i + 1, len(spans)) if text[slice(*spans[j])].strip()), None)
            if nxt is not None and _TEASER_END.search(text[slice(*spans[nxt])]):
                drop(nxt, "teaser")
        elif stripped in seen and len(stripped) <= _MAX_CAPTION and i > 0 and (
            text[slice(*spans[i - 1])].strip() == stripped
        ):
            drop(i, "repeated_line")
        seen.add(stripped)

    kept: list[str] = []
    for i, (s, e) in enumerate(spans):
        if i in removed:
            kind, rs, re_ = removed[i]
            rest = (text[s:rs] + text[re_:e]).strip()
            if rest:
                kept.append(rest)
            continue
        kept.append(text[s:e])
    clean = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    pieces = [
        {"kind": kind, "text": text[rs:re_], "start": rs}
        for _, (kind, rs, re_) in sorted(removed.items())
    ]
    return clean, pieces


def cleaning_report(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Run `clean_text` over a corpus and list everything it would remove.

    Args:
        corpus: A DataFrame from `load_corpus` (or a path it accepts).

    Returns:
        One row per removed piece: `doc_id`, `kind`, `start`, `text`, sorted by document
        and offset.

    Example:
        >>> cleaning_report("seeds")["kind"].value_counts()  # doctest: +SKIP
    """
    corpus = as_corpus(corpus)
    titles = corpus["title"] if "title" in corpus else pd.Series(None, index=corpus.index)
    rows = [
        {"doc_id": doc_id, **piece}
        for doc_id, text, title in zip(corpus.index, corpus["text"], titles, strict=True)
        for piece in clean_text(text, title=title)[1]
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "kind", "text", "start"])
    return frame[["doc_id", "kind", "start", "text"]].sort_values(["doc_id", "start"],
                                                                  ignore_index=True)
