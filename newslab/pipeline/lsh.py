"""Duplicate candidates the distributed way: shingle postings shuffled into hash buckets.

The in-memory `newslab.find_duplicates` multiplies a document x sampled-shingle matrix by its
transpose. Here the same product is computed as a MapReduce pairwise similarity: every
partition emits `(shingle, position, n_sampled)` postings, a shuffle sends each shingle to one
bucket, each bucket counts, for the pairs of articles sharing its shingles, how many they share
(`X_b X_b^T` on its own columns), and a second shuffle by the first article of each pair sums
those counts over buckets. The sum over buckets of `X_b X_b^T` is `X X^T`, so the candidates, and
after the exact check on full shingle sets, the duplicates, are the same as in memory.

References:
    Elsayed, Lin, Oard. "Pairwise document similarity in large collections with MapReduce".
    ACL-HLT 2008 (short papers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from newslab.duplicates import fingerprints
from newslab.pipeline._shuffle import split_by_bucket
from newslab.shingles import containment

_EMPTY_PAIRS = np.empty((0, 2), dtype=np.int64)


def fingerprint_part(frame: pd.DataFrame, k: int) -> dict:
    """Shingle sets, whole-text hashes and set sizes of one partition (as `find_duplicates`)."""
    sets, exact = fingerprints(frame["text"].fillna("").astype(str).tolist(), k=k)
    sizes = np.array([len(s) for s in sets], dtype=np.int64)
    return {"sets": sets, "exact": exact, "sizes": sizes}


def _bucket_of(values: np.ndarray, n_buckets: int, shift: int = 0) -> np.ndarray:
    return ((values >> np.uint64(shift)) % np.uint64(n_buckets)).astype(np.int64)


def split_exact(fp: dict, offset: int, *, n_buckets: int) -> list[np.ndarray]:
    """`(hash, position)` rows of the non-empty articles, split by hash into buckets."""
    local = np.flatnonzero(fp["sizes"] > 0)
    hashes = fp["exact"][local]
    rows = np.stack([hashes.view(np.int64), local.astype(np.int64) + offset], axis=1)
    bucket = _bucket_of(hashes, n_buckets)
    return [rows[bucket == j] for j in range(n_buckets)]


def group_exact(*pieces: np.ndarray) -> list[np.ndarray]:
    """Groups (sorted positions, at least two) of articles with the same whole-text hash."""
    rows = np.concatenate(pieces) if pieces else np.empty((0, 2), dtype=np.int64)
    if len(rows) == 0:
        return []
    order = np.lexsort((rows[:, 1], rows[:, 0]))
    rows = rows[order]
    cuts = np.flatnonzero(np.diff(rows[:, 0])) + 1
    return [g[:, 1].copy() for g in np.split(rows, cuts) if len(g) > 1]


def split_postings(
    fp: dict,
    offset: int,
    not_representative: np.ndarray,
    *,
    n_buckets: int,
    sample: int,
    min_shingles: int,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Sampled-shingle postings `(shingle, position, n_sampled)` of the partition's representatives.

    Representatives are the articles `find_duplicates` compares: at least `min_shingles`
    shingles, and the first of each group of exact copies.
    """
    mask = np.uint64(sample - 1)
    positions = np.arange(len(fp["sizes"]), dtype=np.int64) + offset
    keep = (fp["sizes"] >= min_shingles) & ~np.isin(positions, not_representative)
    shingles, owners, counts = [], [], []
    for i in np.flatnonzero(keep):
        s = fp["sets"][i]
        s = s[(s & mask) == 0]
        shingles.append(s)
        owners.append(np.full(len(s), positions[i], dtype=np.int64))
        counts.append(np.full(len(s), len(s), dtype=np.int64))
    if not shingles:
        empty = (np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, np.int64))
        return [empty] * n_buckets
    s, o, c = np.concatenate(shingles), np.concatenate(owners), np.concatenate(counts)
    # sampled shingles share their low bits (s & mask == 0): bucket on high bits
    return split_by_bucket(_bucket_of(s, n_buckets, shift=40), n_buckets, s, o, c)


def bucket_pairs(*pieces, n_out: int, max_df: int) -> list[np.ndarray]:
    """Shared-shingle counts of the article pairs that meet in this bucket.

    Shingles found in more than `max_df` articles are boilerplate and dropped, as in memory.

    Returns:
        `n_out` arrays with rows `(a, b, shared, n_sampled_a, n_sampled_b)`, `a < b`, split by `a`.
    """
    s = np.concatenate([p[0] for p in pieces])
    o = np.concatenate([p[1] for p in pieces])
    c = np.concatenate([p[2] for p in pieces])
    empty = np.empty((0, 5), dtype=np.int64)
    if len(s) == 0:
        return [empty] * n_out
    cols, inverse = np.unique(s, return_inverse=True)
    df = np.bincount(inverse, minlength=len(cols))
    keep = (df[inverse] <= max_df) & (df[inverse] >= 2)  # df 1 pairs nobody
    if not keep.any():
        return [empty] * n_out
    o, c, inverse = o[keep], c[keep], inverse[keep]
    docs, row = np.unique(o, return_inverse=True)
    count_of = np.zeros(len(docs), dtype=np.int64)
    count_of[row] = c
    x = sp.csr_matrix((np.ones(len(row), dtype=np.int64), (row, inverse)),
                      shape=(len(docs), len(cols)))
    prod = sp.triu(x @ x.T, k=1).tocoo()
    a, b = prod.row.astype(np.int64), prod.col.astype(np.int64)
    out = np.stack([docs[a], docs[b], prod.data.astype(np.int64), count_of[a], count_of[b]], axis=1)
    part = out[:, 0] % n_out
    return [out[part == j] for j in range(n_out)]


def split_pairs(pairs: list[np.ndarray], *, n_buckets: int) -> list[np.ndarray]:
    """Identity split: `bucket_pairs` already returns one piece per output bucket."""
    return pairs


def sum_pairs(*pieces: np.ndarray, min_shared: int, min_estimate: float) -> np.ndarray:
    """Candidate pairs `(a, b)`: shared counts summed over buckets, then the in-memory filter."""
    rows = np.concatenate(pieces) if pieces else np.empty((0, 5), dtype=np.int64)
    if len(rows) == 0:
        return _EMPTY_PAIRS
    # one sort of a 64-bit pair code (positions < 2**32), counts summed per pair
    code = rows[:, 0] * (1 << 32) + rows[:, 1]
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    shared = np.bincount(inverse, weights=rows[:, 2]).astype(np.int64)
    uniq = rows[first]
    smaller = np.minimum(uniq[:, 3], uniq[:, 4])
    ok = (shared >= min_shared) & (shared >= min_estimate * smaller)
    return uniq[ok][:, :2].copy()


def take_sets(fp: dict, offset: int, positions: np.ndarray) -> dict[int, np.ndarray]:
    """The shingle sets of some articles of a partition, by global position.

    The exact check needs only the candidates' sets: a few KB each, not the partition's.
    """
    return {int(p): fp["sets"][int(p) - offset] for p in positions}


def verify_sets(chunks: list[np.ndarray], sets: dict[int, np.ndarray], *, threshold: float,
                near: float) -> list[tuple[int, int, float, float, str]]:
    """The exact containment check of `find_duplicates` on candidate pairs (`a < b`)."""
    found = []
    for chunk in chunks:
        for a, b in chunk.tolist():
            cont, jac = containment(sets[a], sets[b])
            if cont >= threshold:
                kind = "near" if jac >= near else "contained"
                found.append((a, b, round(jac, 4), round(cont, 4), kind))
    return found
