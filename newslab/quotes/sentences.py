"""Quote-aware sentence splitting.

Quote extraction works on sentences, but a quoted passage is one unit even when it holds
several sentences or runs over several paragraphs (`"… ứng trước.\\n… bị tác động", ông Thắng
nhấn mạnh.`). `quote_regions` finds the quoted passages (balanced or not: a stray mark never
raises and never swallows more than a few paragraphs); `split_sentences` cuts the text at
sentence ends that are not inside one of them. Offsets are character offsets into the text.
"""

from __future__ import annotations

import re
import string

_OPEN = "“«‘"
_CLOSE = "”»’"
_ANY_CLOSE = {"“": '”"»', "«": '»”"', "‘": "’", '"': '"”»'}
_MAX_PARAGRAPHS = 4
_MAX_CHARS = 2500
# Short abbreviations after which a full stop does not end a sentence (TP. Pleiku, Q. 1).
_ABBREVIATIONS = frozenset(
    "tp tx tt q p h ths ts pgs gs bs ks ls mr mrs ms dr st jr sr co inc ltd no vs "
    "t.ư tw ubnd hđnd".split()
)
_INITIALS = frozenset(string.ascii_letters + "Đđ")
_END = re.compile(r"[.!?…]+[”»\"’)\]]*")
_MARK = re.compile("[" + _OPEN + '"]')
# Characters that matter inside a quotation opened by each mark: its closers, or a new opener.
_INNER = {
    ch: re.compile("[" + re.escape("".join(sorted(set(closers + '“«"')))) + "]")
    for ch, closers in _ANY_CLOSE.items()
}


def _opens_ascii(text: str, i: int) -> bool:
    """Whether a straight double quote at `i` opens a quotation (else it is stray).

    A mark at the start of a paragraph opens one, even with a space after it (`" Cảnh tượng
    …`); elsewhere a mark followed by a space or by punctuation closes a quotation written
    with a space before its mark (`… chân phanh ", tài xế Jiang nhớ lại`): it opens nothing.
    """
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    if before == "\n":
        return after != "\n"
    return (before.isspace() or before in "(:[,-–—") and not after.isspace() and after not in ",.;:!?)]"


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Find quoted passages: `(start, end)` from the opening mark to after the closing one.

    An opening mark with no closing mark within a few paragraphs quotes to the end of its own
    paragraph. Marks are “…”, "…", «…» and ‘…’ (mixed pairs such as "…” are accepted).

    Args:
        text: Article text with `\\n` line ends.

    Returns:
        Sorted, non-overlapping `(start, end)` character spans.

    Example:
        >>> quote_regions('Ông A nói: “Tôi đồng ý.” Hết.')
        [(11, 24)]
    """
    regions: list[tuple[int, int]] = []
    n = len(text)
    m = _MARK.search(text)
    while m is not None:
        i = m.start()
        ch = text[i]
        if ch == '"' and not _opens_ascii(text, i):
            m = _MARK.search(text, i + 1)
            continue
        if ch == "‘":
            limit = text.find("\n", i)
            limit = n if limit < 0 else limit
        else:
            limit, paragraphs = i, 0
            while limit < n and paragraphs <= _MAX_PARAGRAPHS and limit - i < _MAX_CHARS:
                limit = text.find("\n", limit + 1)
                if limit < 0:
                    limit = n
                paragraphs += 1
        closers = _ANY_CLOSE[ch]
        end = -1
        first_eol = text.find("\n", i)
        first_eol = n if first_eol < 0 else first_eol
        # only quotation marks can close ours or open another: skip every other character
        for q in _INNER[ch].finditer(text, i + 1, max(i + 1, limit)):
            j = q.start()
            c = text[j]
            if j > first_eol and text[j - 1] == "\n" and c in '“"«':
                continue  # a later paragraph re-opening the same quotation
            if j > first_eol and text[j - 1] != "\n":
                # a new quotation opening inside a later paragraph: ours never closed
                if c in "“«" or (c == '"' and _opens_ascii(text, j)):
                    break
            if c in closers:
                end = j + 1
                break
        if end < 0:
            end = first_eol
        regions.append((i, end))
        m = _MARK.search(text, end)
    return regions


def _newlines(text: str) -> list[int]:
    out, k = [], text.find("\n")
    while k >= 0:
        out.append(k)
        k = text.find("\n", k + 1)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation such as `TP.` or an initial."""
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '(“"':
        j -= 1
    word = text[j:dot].lower()
    letters = text[j:dot].replace(".", "")
    # An initial is a Latin letter ("J. Smith", "Nguyễn Đ."); a Vietnamese one-letter word
    # ends a sentence ("chú ý.", "ở Ý.").
    return word in _ABBREVIATIONS or (len(letters) == 1 and letters in _INITIALS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split text into sentences, keeping each quoted passage inside one sentence.

    Sentences end at `.`, `!`, `?` or `…` (with any closing quotes after it) followed by a space
    and an upper-case letter, digit or opening quote, and at line ends; neither counts inside a
    quoted passage. A quotation whose last full stop is inside its marks (`“... Hai.” Bà B`)
    therefore runs on into the next sentence, where the attribution often stands; a full stop
    after the closing mark (`“... Hai”. Bà B`) ends the sentence.

    Args:
        text: Article text with `\\n` line ends.

    Returns:
        `(start, end)` spans of the sentences, stripped of surrounding spaces.

    Example:
        >>> t = 'Ông A nói: “Một. Hai”. Bà B đồng ý.'
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['Ông A nói: “Một. Hai”.', 'Bà B đồng ý.']
        >>> t = 'Ông A nói: “Một. Hai.” Bà B đồng ý.'
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['Ông A nói: “Một. Hai.” Bà B đồng ý.']
    """
    return _split(text, quote_regions(text))


def _split(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`split_sentences` given the text's `quote_regions`."""
    inside = bytearray(len(text) + 1)
    for start, end in regions:
        if end - 1 > start + 1:
            inside[start + 1 : end - 1] = b"\x01" * (end - 2 - start)
    cuts = [(k, k + 1) for k in _newlines(text) if not inside[k]]
    for m in _END.finditer(text):
        s, e = m.span()
        if inside[s] or (e - 1 > s and inside[e - 2] and text[e - 1] not in _CLOSE + '"'):
            continue
        if e < len(text) and not text[e].isspace():
            continue
        nxt = e
        while nxt < len(text) and text[nxt] in " \t":
            nxt += 1
        if nxt >= len(text) or text[nxt] == "\n":
            continue  # the line end cuts anyway
        follower = text[nxt]
        if not (follower.isupper() or follower.isdigit() or follower in _OPEN + '"'):
            continue
        if text[s] == "." and e - s == 1 and _is_abbreviation(text, s):
            continue
        cuts.append((e, e))
    cuts.sort()
    spans, pos = [], 0
    for cut_start, cut_end in cuts + [(len(text), len(text))]:
        if cut_start > pos:
            piece = text[pos:cut_start]
            body = piece.lstrip()  # str.strip() drops exactly the str.isspace() characters
            if body:
                a = pos + len(piece) - len(body)
                spans.append((a, a + len(body.rstrip())))
        pos = max(pos, cut_end)
    return spans
