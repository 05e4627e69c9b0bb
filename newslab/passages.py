"""Passages one article shares with another: text reuse at the sentence level, with offsets.

Where `find_duplicates` says that two articles are copies, `align_passages` shows what was
copied: each article is cut into sentences (and lines), each sentence is fingerprinted with
normalised syllable shingles, and a sentence counts as reused when most of its shingles occur in
the other article. Consecutive reused sentences whose matches are also consecutive become one
passage, as passim does for newspapers. `reused_passages` runs this over a corpus, including
passages an article repeats inside itself.

References:
    Smith, Cordell and Mullen, "Computational methods for uncovering reprinted texts in
    antebellum American newspapers", American Literary History 27(3), 2015 (passim).
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np
import pandas as pd

from newslab.shingles import shingle_hashes, syllable_ids

#: Sentence ends (. ! ? … followed by space) and line breaks.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\s*\n\s*")

COLUMNS = ["doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "n_words", "text_a", "text_b"]
PAIR_COLUMNS = COLUMNS[2:]


def _units(text: str, k: int) -> list[tuple[int, int, int, np.ndarray]]:
    """Sentences of `text` as (start, end, syllable count, sorted shingle hashes)."""
    units = []
    pos = 0
    for match in [*_BOUNDARY.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[pos:end]
        stripped = piece.strip()
        if stripped:
            start = pos + piece.index(stripped[0])
            ids = syllable_ids(stripped)
            if len(ids):
                units.append(
                    (start, start + len(stripped), len(ids), np.unique(shingle_hashes(ids, k)))
                )
        pos = match.end() if match else len(text)
    return units


def _match_units(units_a, units_b, min_overlap: float, same: bool) -> list[tuple[int, int]]:
    """For each unit of A, the unit of B sharing most of its shingles, if it shares enough."""
    if not units_a or not units_b:
        return []
    hashes_b = np.concatenate([u[3] for u in units_b])
    owner_b = np.repeat(np.arange(len(units_b)), [len(u[3]) for u in units_b])
    order = np.argsort(hashes_b, kind="stable")
    hashes_b, owner_b = hashes_b[order], owner_b[order]
    matches = []
    for i, (_, _, _, sh) in enumerate(units_a):
        lo = np.searchsorted(hashes_b, sh, side="left")
        hi = np.searchsorted(hashes_b, sh, side="right")
        hit = hi > lo
        if hit.sum() < min_overlap * len(sh):
            continue
        owners = np.concatenate([owner_b[a:b] for a, b in zip(lo[hit], hi[hit], strict=True)])
        counts = np.bincount(owners, minlength=len(units_b))
        if same:
            counts[i] = 0
        j = int(np.argmax(counts))
        if counts[j] >= min_overlap * len(sh):
            matches.append((i, j))
    return matches


def _passages(units_a, units_b, matches, text_a, text_b, min_words, gap) -> list[dict]:
    runs: list[list[tuple[int, int]]] = []
    for i, j in matches:
        if runs:
            pi, pj = runs[-1][-1]
            if i == pi + 1 and 0 <= j - pj <= gap:
                runs[-1].append((i, j))
                continue
        runs.append([(i, j)])
    out = []
    for run in runs:
        ia, ja = run[0][0], min(j for _, j in run)
        ib, jb = run[-1][0], max(j for _, j in run)
        n_words = sum(units_a[i][2] for i, _ in run)
        if n_words < min_words:
            continue
        sa, ea = units_a[ia][0], units_a[ib][1]
        sb, eb = units_b[ja][0], units_b[jb][1]
        out.append(
            {
                "start_a": sa,
                "end_a": ea,
                "start_b": sb,
                "end_b": eb,
                "n_words": n_words,
                "text_a": text_a[sa:ea],
                "text_b": text_b[sb:eb],
            }
        )
    return out


def align_passages(
    text_a: str,
    text_b: str | None = None,
    *,
    min_overlap: float = 0.8,
    min_words: int = 8,
    k: int = 3,
) -> pd.DataFrame:
    """Find the passages of `text_a` that also occur in `text_b`.

    Text is compared as normalised syllables (case, Unicode form, tone placement and
    punctuation do not matter), sentence by sentence.

    Args:
        text_a: One article body.
        text_b: Another article body; `None` finds passages `text_a` repeats inside itself.
        min_overlap: Share of a sentence's shingles that must occur in the matching sentence.
        min_words: Drop passages shorter than this many syllables (captions, bylines).
        k: Shingle length in syllables.

    Returns:
        A DataFrame with columns `start_a, end_a, start_b, end_b, n_words, text_a, text_b`: the
        character offsets of each passage in both texts (`text_a[start_a:end_a]`), its length in
        syllables, and the two passages' text. Ordered by `start_a`.

    Example:
        >>> a = "Nga và Mỹ sẽ điện đàm vào ngày 30/12. Nhà Trắng chưa bình luận."
        >>> b = "Tin mới. Nga và Mỹ sẽ điện đàm vào ngày 30.12!"
        >>> align_passages(a, b)[["start_a", "end_a", "start_b", "end_b"]].values.tolist()
        [[0, 37, 9, 46]]
    """
    same = text_b is None
    text_b = text_a if same else text_b
    units_a = _units(text_a, k)
    units_b = units_a if same else _units(text_b, k)
    matches = _match_units(units_a, units_b, min_overlap, same)
    if same:  # report each repeated pair once, the earlier sentence as A
        matches = [(i, j) for i, j in matches if i < j]
    rows = _passages(units_a, units_b, matches, text_a, text_b, min_words, gap=2)
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def reused_passages(
    corpus,
    *,
    pairs=None,
    min_overlap: float = 0.8,
    min_words: int = 8,
    k: int = 3,
    max_articles: int = 2000,
) -> pd.DataFrame:
    """Passages shared between articles of a corpus, and passages an article repeats.

    Args:
        corpus: A corpus DataFrame (index `doc_id`, column `text`) or a path.
        pairs: `(doc_a, doc_b)` pairs to align, e.g. from `find_duplicates`; `None` aligns
            every pair (only up to `max_articles` articles) and every article with itself.
        min_overlap: See `align_passages`.
        min_words: See `align_passages`.
        k: See `align_passages`.
        max_articles: Refuse to align all pairs of a larger corpus (pass `pairs` instead).

    Returns:
        A DataFrame with columns `doc_a, doc_b, start_a, end_a, start_b, end_b, n_words, text_a,
        text_b`, one row per passage; `doc_a == doc_b` for a passage repeated in one article.
        Offsets index each article's `text`.

    Example:
        >>> reused = reused_passages("seeds")  # doctest: +SKIP
    """
    from newslab.corpus import as_corpus

    corpus = as_corpus(corpus)
    texts = corpus["text"].fillna("").astype(str)
    texts.index = texts.index.astype(str)
    if pairs is None:
        if len(texts) > max_articles:
            raise ValueError(
                f"aligning all pairs of {len(texts)} articles is quadratic; pass pairs= "
                "(for example the doc_a/doc_b columns of find_duplicates(corpus, threshold=0.2))"
            )
        ids = list(texts.index)
        pairs = [(d, d) for d in ids] + list(combinations(ids, 2))
    cache: dict[str, list] = {}

    def units(doc_id: str):
        if doc_id not in cache:
            cache[doc_id] = _units(texts[doc_id], k)
        return cache[doc_id]

    rows = []
    for doc_a, doc_b in pairs:
        doc_a, doc_b = str(doc_a), str(doc_b)
        same = doc_a == doc_b
        ua, ub = units(doc_a), units(doc_b)
        matches = _match_units(ua, ub, min_overlap, same)
        if same:
            matches = [(i, j) for i, j in matches if i < j]
        for row in _passages(ua, ub, matches, texts[doc_a], texts[doc_b], min_words, gap=2):
            rows.append({"doc_a": doc_a, "doc_b": doc_b, **row})
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(["doc_a", "doc_b", "start_a"], kind="stable").reset_index(drop=True)
