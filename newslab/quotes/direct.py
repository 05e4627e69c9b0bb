"""Direct quotations: quoted passages of a sentence and speakers named before a colon.

A direct quote reproduces a source's words in “…”, "…", «…» or '…' and has at least four words
(shorter quoted fragments, scare quotes and titles leave an event indirect). Besides the cue
rules, a quotation can be attributed by a colon with a verb outside the cue list
(`Ca sĩ Quang Hà bức xúc: “…”`) or in headline form (`Putin: “…”`).
"""

from __future__ import annotations

import re

from newslab.quotes.lexicon import load_lexicon
from newslab.quotes.speakers import (
    _MANNER,
    PeopleIndex,
    Speaker,
    _cut_predicate,
    parse_speaker,
)

_ASCII_SINGLE = re.compile(r"(?<![\w'])'([^'\n]{8,}?)'(?![\w'])")


def quote_words(passage: str) -> int:
    """Number of words inside a quoted passage (marks excluded).

    Example:
        >>> quote_words("“tối 30/12”")
        2
    """
    return len(_QUOTE_WORD.findall(passage))


def _is_title(passage: str) -> bool:
    """Names, titles and labels: every word capitalised (`“Búa liềm vàng”` is not)."""
    words = _LETTERS.findall(passage)
    return bool(words) and all(w[0].isupper() for w in words)


def quotes_in(sentence: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted passages of a sentence that may be speech (not titles), incl. '…' ones.

    Args:
        sentence: Sentence text.
        regions: Quotation spans relative to the sentence (from `quote_regions`).

    Returns:
        `(start, end)` spans relative to the sentence, marks included.

    Example:
        >>> s = "Ông A nói: 'Chúng tôi sẽ làm ngay việc này'."
        >>> [s[a:b] for a, b in quotes_in(s, [])]
        ["'Chúng tôi sẽ làm ngay việc này'"]
    """
    spans = [(a, b) for a, b in regions if not _is_title(sentence[a:b])]
    for m in _ASCII_SINGLE.finditer(sentence) if "'" in sentence else ():
        if not any(a <= m.start() < b for a, b in spans) and not _is_title(m.group(1)):
            spans.append(m.span())
    return sorted(spans)


def colon_speaker(
    sentence: str, masked: str, quote_start: int, people: PeopleIndex, offset: int
) -> tuple[Speaker, str, tuple[int, int]] | None:
    """Speaker of `X <verb>: “…”` when the verb is not a known cue.

    The words before the colon must be a named source followed by at most three lower-case
    words (the verb), e.g. `Ca sĩ Quang Hà bức xúc:` or `Putin:`.

    Returns:
        `(speaker, verb, (start, end) of the speaker phrase)` or None.
    """
    head = masked[:quote_start].rstrip()
    if not head.endswith(":"):
        return None
    clause_at = max(head.rfind(","), head.rfind(";"), head[:-1].rfind(":")) + 1
    words = sentence[clause_at : len(head) - 1].split()
    if not words or len(words) > 14:
        return None
    for verb_len in range(0, min(3, len(words) - 1) + 1):
        subject = words[: len(words) - verb_len]
        verb = words[len(words) - verb_len :]
        if verb and not all(w[:1].islower() for w in verb):
            continue
        if (
            not verb
            and len(words) > 1
            and words[-1].islower()
            and words[-2][:1].isupper()
            and load_lexicon().table("roles").starts(words) < len(words)  # (not "Luật sư:")
        ):
            continue  # "Bộ Ngoại giao Mỹ nêu:": a lowercase word after a name is the verb
        if verb and load_lexicon().table("roles").starts(words) > len(subject):
            continue  # "Luật sư:": the last word ends a title, it is no verb
        if subject and verb and f"{subject[-1]} {verb[0]}".lower() in _MANNER:
            continue  # not "Ông Vĩnh xúc | động nói"
        cut = _cut_predicate(subject)
        if cut != subject and " ".join(subject[len(cut) :]).lower() in _MANNER:
            # "Ông Vĩnh | xúc động | nói": the manner is no part of the cue, unless it is all
            subject, verb = cut, verb or subject[len(cut) :]
        elif cut != subject or len(subject) > 8:
            continue  # "Anh đã nhắn tin … với nội dung:" is narration, not attribution
        sp = parse_speaker(" ".join(subject), people, offset + clause_at)
        if sp is not None and sp.kind in {"person", "organization"}:
            start = clause_at + (len(sentence[clause_at:]) - len(sentence[clause_at:].lstrip()))
            return sp, " ".join(verb), (start, start + len(" ".join(subject)))
    return None


# Patterns compiled once (they run for every sentence or speaker phrase).
_QUOTE_WORD = re.compile(r"[^\W_]+(?:/[^\W_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
