"""Word lists behind quote extraction, read once from the shipped text files.

`newslab/data/quote_cues.txt` holds the speech cues (cho biết, khẳng định, dẫn lời, ...) and
`newslab/data/quote_names.txt` the lists used to read a speaker phrase (honorifics, titles,
organisation heads, places, Vietnamese family names, `Theo X` phrases that are not sources).
Edit the files to extend the rules; nothing here is fitted to data. Entries may be written in
either tone-mark style (`Thanh Hóa` / `Thanh Hoá`): both spellings are matched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Lexicon:
    """The word lists, lower-cased where matching is case-insensitive."""

    cues: dict[str, str]
    sections: dict[str, tuple[str, ...]]
    # Derived tables, built on first use: the rules ask for them tens of thousands of times
    # per corpus, so rebuilding them per call cost more than the matching itself.
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def words(self, section: str) -> tuple[str, ...]:
        """Entries of one `[section]` of quote_names.txt, longest first."""
        return self.sections.get(section, ())

    def lower(self, section: str) -> frozenset[str]:
        """Lower-cased entries of a section, for membership tests (cached)."""
        key = ("lower", section)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = frozenset(w.lower() for w in self.words(section))
        return got

    def exact(self, section: str) -> frozenset[str]:
        """Entries of a section as written, for case-sensitive membership tests (cached)."""
        key = ("exact", section)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = frozenset(self.words(section))
        return got

    def derived(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """A value computed from the lists by `build(self)`, once per lexicon (cached by `key`)."""
        memo_key = ("derived", key)
        if memo_key not in self._memo:
            self._memo[memo_key] = build(self)
        return self._memo[memo_key]

    def table(self, *sections: str, case: bool = False) -> EntryTable:
        """The entries of `sections` as token tuples grouped by length (cached).

        Args:
            sections: Section names; their entries are pooled.
            case: Keep the case of the entries (else they are lower-cased).

        Returns:
            An `EntryTable`.

        Example:
            >>> load_lexicon().table("roles").starts("Phó Chủ tịch Quốc hội Việt Nam".split())
            3
        """
        key = ("table", sections, case)
        got = self._memo.get(key)
        if got is None:
            entries = [e for s in sections for e in self.words(s)]
            got = self._memo[key] = EntryTable.build(entries, case=case)
        return got


@dataclass(frozen=True)
class EntryTable:
    """Multi-word entries as token tuples grouped by length, longest first.

    `groups` is `((n, {n-token tuples}), ...)` with `n` decreasing; `last` holds the final token
    of every entry and `first` the first token, so a position whose token is not in them cannot
    end or start an entry.
    """

    groups: tuple[tuple[int, frozenset[tuple[str, ...]]], ...]
    first: frozenset[str]
    last: frozenset[str]
    case: bool

    @classmethod
    def build(cls, entries: list[str] | tuple[str, ...], *, case: bool) -> EntryTable:
        """Group `entries` (lower-cased unless `case`)."""
        by_len: dict[int, set[tuple[str, ...]]] = {}
        for entry in entries:
            parts = tuple(entry.split() if case else entry.lower().split())
            by_len.setdefault(len(parts), set()).add(parts)
        groups = tuple((n, frozenset(g)) for n, g in sorted(by_len.items(), reverse=True))
        first = frozenset(p[0] for _, g in groups for p in g)
        last = frozenset(p[-1] for _, g in groups for p in g)
        return cls(groups, first, last, case)

    def starts(self, tokens: list[str] | tuple[str, ...]) -> int:
        """Length in tokens of the longest entry that `tokens` start with (0 if none).

        Tokens are compared as given when the table keeps case, else lower-cased.
        """
        size = len(tokens)
        if not size or (tokens[0] if self.case else tokens[0].lower()) not in self.first:
            return 0
        if not self.case:
            tokens = [t.lower() for t in tokens[: self.groups[0][0]]]
        for n, group in self.groups:
            if n <= size and tuple(tokens[:n]) in group:
                return n
        return 0

    def ends_at(self, tokens: list[str] | tuple[str, ...], i: int) -> int:
        """Length of the longest entry that ends at token `i`, compared as given (0 if none)."""
        if tokens[i] not in self.last:
            return 0
        for n, group in self.groups:
            if i - n + 1 >= 0 and tuple(tokens[i - n + 1 : i + 1]) in group:
                return n
        return 0


def _read_sections(path: Path) -> dict[str, tuple[str, ...]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).extend(_tone_spellings(line))
    return {
        name: tuple(sorted(dict.fromkeys(items), key=lambda w: (-len(w.split()), -len(w))))
        for name, items in sections.items()
    }


def _read_cues(path: Path) -> dict[str, str]:
    cues: dict[str, str] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cue, _, kind = line.partition("\t")
        if kind.strip() not in {"say", "request", "relay"}:
            raise ValueError(f"{path}:{lineno}: cue kind must be say, request or relay: {raw!r}")
        for spelling in _tone_spellings(cue.strip().lower()):
            cues[spelling] = kind.strip()
    return cues


def _tone_spellings(entry: str) -> list[str]:
    """`entry` as written and in both tone-mark styles: `Thanh Hóa`, `Thanh Hoá`.

    Articles use either style (`Uỷ ban` in VietNews, `Ủy ban` elsewhere); matching is on the
    words as written, so every list entry is kept in both.
    """
    from newslab.normalization import normalize

    return list(
        dict.fromkeys(
            [entry, normalize(entry, tone_style="new"), normalize(entry, tone_style="old")]
        )
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the shipped cue and name lists (cached).

    Returns:
        The `Lexicon` with `cues` (cue -> kind) and the name `sections`.

    Example:
        >>> lex = load_lexicon()
        >>> lex.cues["cho biết"]
        'say'
    """
    return Lexicon(
        cues=_read_cues(_DATA / "quote_cues.txt"),
        sections=_read_sections(_DATA / "quote_names.txt"),
    )
