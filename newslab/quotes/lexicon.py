"""Word lists behind quote extraction, read once from the shipped text files.

`newslab/data/quote_cues.txt` holds the speech cues (cho biết, khẳng định, dẫn lời, ...) and
`newslab/data/quote_names.txt` the lists used to read a speaker phrase (honorifics, titles,
organisation heads, places, Vietnamese family names, `Theo X` phrases that are not sources).
Edit the files to extend the rules; nothing here is fitted to data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Lexicon:
    """The word lists, lower-cased where matching is case-insensitive."""

    cues: dict[str, str]
    sections: dict[str, tuple[str, ...]]

    def words(self, section: str) -> tuple[str, ...]:
        """Entries of one `[section]` of quote_names.txt, longest first."""
        return self.sections.get(section, ())

    def lower(self, section: str) -> frozenset[str]:
        """Lower-cased entries of a section, for membership tests."""
        return frozenset(w.lower() for w in self.words(section))


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
        sections.setdefault(current, []).append(line)
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
        cues[cue.strip().lower()] = kind.strip()
    return cues


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
