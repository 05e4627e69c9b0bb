"""A small all-to-all shuffle on Dask futures: every source splits, every bucket combines.

Each source task returns a list of `n_buckets` pieces; bucket `j` receives piece `j` of every
source and combines them. Data moves between workers directly (worker to worker), never
through the client. Used for the hash-bucketed global steps (exact-copy groups, shingle
postings, candidate pairs, vocabulary statistics, story term counts).
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Callable, Sequence

import numpy as np


def shuffle(
    client,
    sources: Sequence,
    split: Callable,
    combine: Callable,
    n_buckets: int,
    *,
    split_args: Sequence = (),
    split_kwargs: dict | None = None,
    combine_kwargs: dict | None = None,
    name: str = "shuffle",
) -> list:
    """Split every source into `n_buckets` pieces and combine the pieces of each bucket.

    Args:
        client: A `distributed.Client`.
        sources: Futures (or values) to split, one per input partition.
        split: `split(source, *split_args_i, n_buckets=..., **split_kwargs)` returns a list of
            `n_buckets` pieces.
        combine: `combine(*pieces, **combine_kwargs)` for one bucket.
        n_buckets: Number of buckets.
        split_args: Per-source extra positional arguments (one tuple per source) or empty.
        split_kwargs: Keyword arguments for every split call.
        combine_kwargs: Keyword arguments for every combine call.
        name: Prefix of the task keys (shown in the dashboard).

    Returns:
        One future per bucket.
    """
    split_kwargs = split_kwargs or {}
    combine_kwargs = combine_kwargs or {}
    token = _token()
    splits = []
    for i, src in enumerate(sources):
        extra = tuple(split_args[i]) if split_args else ()
        splits.append(
            client.submit(split, src, *extra, n_buckets=n_buckets, **split_kwargs,
                          key=f"{name}-split-{token}-{i}")
        )
    out = []
    for j in range(n_buckets):
        pieces = [client.submit(operator.getitem, s, j, key=f"{name}-piece-{token}-{i}-{j}")
                  for i, s in enumerate(splits)]
        out.append(client.submit(combine, *pieces, **combine_kwargs, key=f"{name}-combine-{token}-{j}"))
    return out


def split_by_bucket(bucket: np.ndarray, n_buckets: int, *arrays: np.ndarray) -> list[tuple]:
    """Rows of `arrays` split by `bucket` (ints in `[0, n_buckets)`), in order within a bucket.

    Example:
        >>> split_by_bucket(np.array([1, 0, 1]), 2, np.array([10, 20, 30]))
        [(array([20]),), (array([10, 30]),)]
    """
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(n_buckets + 1))
    sorted_arrays = [a[order] for a in arrays]
    return [tuple(a[lo:hi] for a in sorted_arrays)
            for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]


def _token() -> str:
    return uuid.uuid4().hex[:8]
