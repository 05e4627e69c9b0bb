"""Vocabulary and inverse document frequencies the partial-fit/merge way.

Each partition counts, for the terms it holds, in how many of its documents they occur
(`partial_df`); a shuffle sends every term to one bucket, which adds up its counts
(`merge_df`). Only the merged vocabulary (terms and document frequencies) comes back to the
client, where `idf_vector` turns it into scikit-learn's smoothed IDF, so TF-IDF rows built
per partition with it are those of `TfidfVectorizer(sublinear_tf=True)` fitted on the corpus.
"""

from __future__ import annotations

import zlib

import numpy as np


def _bucket(term: str, n_buckets: int) -> int:
    return zlib.crc32(term.encode("utf-8")) % n_buckets


def partial_df(terms: np.ndarray, df: np.ndarray, *, n_buckets: int) -> list[tuple[list, np.ndarray]]:
    """Split a partition's `(terms, document frequencies)` into hash buckets of terms.

    Args:
        terms: The partition's distinct terms (object array of str).
        df: Documents of the partition holding each term.
        n_buckets: Number of buckets.

    Returns:
        `n_buckets` pairs `(terms, df)`.

    Example:
        >>> parts = partial_df(np.array(["hà_nội"], dtype=object), np.array([2]), n_buckets=2)
        >>> sum(len(t) for t, _ in parts)
        1
    """
    bucket = np.fromiter((_bucket(t, n_buckets) for t in terms), dtype=np.int64, count=len(terms))
    return [(terms[bucket == j], df[bucket == j]) for j in range(n_buckets)]


def merge_df(*pieces: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Add up the document frequencies of one bucket's terms over all partitions.

    Returns:
        `(terms, df)`, terms sorted.

    Example:
        >>> a = (np.array(["a", "b"], dtype=object), np.array([1, 2]))
        >>> b = (np.array(["b"], dtype=object), np.array([3]))
        >>> merge_df(a, b)[1].tolist()
        [1, 5]
    """
    totals: dict[str, int] = {}
    for terms, df in pieces:
        for t, d in zip(terms.tolist(), df.tolist(), strict=True):
            totals[t] = totals.get(t, 0) + d
    keys = sorted(totals)
    return np.array(keys, dtype=object), np.array([totals[k] for k in keys], dtype=np.int64)


def idf_vector(df: np.ndarray, n_docs: int, dtype=np.float32) -> np.ndarray:
    """scikit-learn's smoothed IDF, `ln((1 + n) / (1 + df)) + 1`, computed as it computes it.

    Example:
        >>> idf_vector(np.array([1, 3]), 3, dtype=np.float64).round(4).tolist()
        [1.6931, 1.0]
    """
    d = df.astype(dtype) + 1.0
    idf = np.full_like(d, fill_value=n_docs + 1, dtype=dtype)
    idf /= d
    np.log(idf, out=idf)
    idf += 1.0
    return idf
