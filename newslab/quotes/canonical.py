"""Merge one speaker across articles: `Putin`, `Vladimir Putin`, `Tổng thống Putin`.

Within an article `extract_quotes` already gives the fullest name; across articles the same
person may be named more or less fully. `canonical_speakers` maps each person name to the
longest name of the corpus it is the last part of (or the first part, for East Asian family
names), when that is unambiguous, after an alias table users can extend
(`{"Putin": "Vladimir Putin"}`; the shipped one is `newslab/data/quote_aliases.txt`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from newslab.quotes.lexicon import load_lexicon

# A name ending in a lone initial ("H", "Nguyễn Văn T."): a private person, per article.
# A word left before a person's name by the extraction: an abbreviated title, or "Theo".
_LEAD_WORD = re.compile(r"(?:Theo|[A-ZĐ]{2,}(?:\.[A-ZĐ]+)*\.?)\s+(?=[A-ZĐ][a-zà-ỹđ])")
_INITIAL = re.compile(r"(?:^|\s)[A-ZĐ]\.?$")
_ALIASES = Path(__file__).resolve().parents[1] / "data" / "quote_aliases.txt"


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


def shipped_aliases() -> dict[str, str]:
    """The alias table in `newslab/data/quote_aliases.txt` (`alias<TAB>canonical` lines)."""
    table: dict[str, str] = {}
    for raw in _ALIASES.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and "\t" in line:
            alias, canonical = line.split("\t", 1)
            table[_key(alias)] = canonical.strip()
    return table


def canonical_speakers(quotes: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Add a `canonical` column that names each speaker the same way across articles.

    Args:
        quotes: `extract_quotes` output (needs `speaker` and `speaker_type`).
        aliases: Extra `{alias: canonical}` entries; they win over the shipped table. Keys are
            matched case-insensitively, after honorifics are dropped.

    Returns:
        A copy of `quotes` with a `canonical` column. A person the article names only by an
        initial (`anh H.`, `Nguyễn Văn T.`, as crime news names private people) is someone
        else in every article: the canonical name carries the article, `H [doc_id]`, so the
        charts never add up different people.

    Example:
        >>> q = pd.DataFrame({"speaker": ["Putin", "Vladimir Putin", "Tổng thống Putin"],
        ...                   "speaker_type": ["person"] * 3})
        >>> canonical_speakers(q)["canonical"].tolist()
        ['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin']
    """
    out = quotes.copy()
    if out.empty:
        out["canonical"] = pd.Series(dtype=object)
        return out
    table = shipped_aliases()
    table.update({_key(k): v for k, v in (aliases or {}).items()})
    lex = load_lexicon()
    roles = sorted(
        lex.words("roles") + lex.words("honorific_male") + lex.words("honorific_female"),
        key=len,
        reverse=True,
    )

    def strip_titles(name: str) -> str:
        changed = True
        while changed:
            changed = False
            lead = _LEAD_WORD.match(name)  # "LS Đặng Văn Cường", "Theo Đàm Vĩnh Hưng"
            if lead:
                name, changed = name[lead.end() :], True
            for r in roles:
                if name.lower().startswith(r.lower() + " ") and name[len(r) + 1 :][:1].isupper():
                    name, changed = name[len(r) + 1 :], True
        return name

    base = [strip_titles(str(s)) for s in out["speaker"]]
    base = [table.get(_key(b), b) for b in base]
    persons = Counter(b for b, t in zip(base, out["speaker_type"], strict=True) if t == "person")
    east = set(lex.words("east_asian_surnames"))
    canonical = []
    doc_ids = out["doc_id"].astype(str) if "doc_id" in out else pd.Series("", index=out.index)
    for name, kind, doc_id in zip(base, out["speaker_type"], doc_ids, strict=True):
        if kind != "person":
            canonical.append(name)
            continue
        if _INITIAL.search(name):
            canonical.append(f"{name} [{doc_id}]" if doc_id else name)
            continue
        toks = name.split()
        longer = [
            p
            for p in persons
            if len(p.split()) > len(toks)
            and (
                p.split()[-len(toks) :] == toks
                or (p.split()[0] in east and p.split()[: len(toks)] == toks)
            )
        ]
        fullest = {max(longer, key=lambda p: (len(p.split()), persons[p]))} if longer else set()
        if (
            longer
            and len(
                {
                    " ".join(p.split())
                    for p in longer
                    if len(p.split()) == len(next(iter(fullest)).split())
                }
            )
            == 1
        ):
            canonical.append(next(iter(fullest)))
        else:
            canonical.append(name)
    out["canonical"] = canonical
    return out
