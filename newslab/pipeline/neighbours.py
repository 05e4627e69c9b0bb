"""The story candidate graph on the workers: pair similarities and the shared-neighbour blend.

`newslab.cluster_stories` (sparse path) blends each candidate pair's cosine similarity with the
share of nearest neighbours the two articles have in common
(`newslab.stories._shared_neighbours_on_edges`). Here the same numbers come from shuffles by
article, so the edge list never reaches the client:

1. candidate pairs -> the group of partitions holding their first article, deduplicated; the
   client receives only which partitions each partition's pairs reach, and plans the
   similarity tasks (one per partition and block of partitions);
2. similarities, both ways -> each article's bucket: its `k` nearest neighbours;
3. each pair with its first article's neighbours -> its second article's bucket: the number of
   neighbours they share, the blended similarity, and the edges above the threshold.
"""

from __future__ import annotations

import operator

import numpy as np

from newslab.pipeline._shuffle import _token, shuffle, split_by_bucket

_EMPTY_I = np.empty(0, dtype=np.int64)
_EMPTY_F = np.empty(0, dtype=np.float64)


def split_by_group(pairs: np.ndarray, ends: np.ndarray, group_of: np.ndarray, *,
                   n_buckets: int) -> list[np.ndarray]:
    """Pairs `(a, b)` split by the group of the partition of `a`.

    `ends` are the cumulative partition lengths; `group_of` maps a partition to its group.
    """
    group = group_of[np.searchsorted(ends, pairs[:, 0], side="right")]
    return [piece[0] for piece in split_by_bucket(group, n_buckets, pairs)]


def pairs_by_partition(*pieces: np.ndarray, ends: np.ndarray) -> dict[int, np.ndarray]:
    """The distinct pairs of the pieces (sorted), by partition of their first article."""
    got = [p for p in pieces if len(p)]
    if not got:
        return {}
    pairs = np.unique(np.concatenate(got), axis=0)
    part = np.searchsorted(ends, pairs[:, 0], side="right")
    cuts = np.flatnonzero(np.diff(part)) + 1
    starts = [0, *cuts.tolist()]
    return {int(part[i]): chunk for i, chunk in zip(starts, np.split(pairs, cuts), strict=True)}


def partitions_reached(by_part: dict[int, np.ndarray], ends: np.ndarray) -> dict[int, np.ndarray]:
    """For each partition of first articles: the distinct partitions of the second articles."""
    return {pa: np.unique(np.searchsorted(ends, pairs[:, 1], side="right"))
            for pa, pairs in by_part.items()}


def pair_sims(by_part: dict[int, np.ndarray], pa: int, ends: np.ndarray, parts_b: list[int],
              xa, off_a: int, xbs: list, offs_b: list[int], xta=None, xtbs=None,
              title_share: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cosine similarity of partition `pa`'s pairs whose second article is in one of `parts_b`.

    `xa`, `xbs` are the L2-normalised TF-IDF rows of partition `pa` and of `parts_b`; with
    title rows, the similarity is `newslab.cluster_stories`' blend.

    Returns:
        `(a, b, sim)`.
    """
    pairs = by_part[pa]
    pb = np.searchsorted(ends, pairs[:, 1], side="right")
    a_out, b_out, s_out = [], [], []
    for part, xb, off_b, k in zip(parts_b, xbs, offs_b, range(len(parts_b)), strict=True):
        chunk = pairs[pb == part]
        if not len(chunk):
            continue
        ra, rb = chunk[:, 0] - off_a, chunk[:, 1] - off_b
        sim = _rowdot(xa, ra, xb, rb)
        if xta is not None:
            sim = (1 - title_share) * sim + title_share * _rowdot(xta, ra, xtbs[k], rb)
        a_out.append(chunk[:, 0])
        b_out.append(chunk[:, 1])
        s_out.append(sim)
    if not a_out:
        return _EMPTY_I, _EMPTY_I, _EMPTY_F
    return np.concatenate(a_out), np.concatenate(b_out), np.concatenate(s_out)


def _rowdot(xa, ra: np.ndarray, xb, rb: np.ndarray) -> np.ndarray:
    # the operations of `newslab.stories._rowdot`, so the floats are the same
    return np.asarray(xa[ra].multiply(xb[rb]).sum(axis=1), dtype=np.float64).ravel()


def _count_pairs(by_part: dict[int, np.ndarray]) -> int:
    return sum(len(p) for p in by_part.values())


def concat_triples(*triples) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`(a, b, value)` triples put end to end."""
    got = [t for t in triples if len(t[0])]
    if not got:
        return _EMPTY_I, _EMPTY_I, _EMPTY_F
    return tuple(np.concatenate([t[i] for t in got]) for i in range(3))


def split_both_ways(triple, *, n_buckets: int) -> list[tuple]:
    """Each pair `(a, b, sim)` as `(a, b, sim)` and `(b, a, sim)`, by the first article's bucket."""
    a, b, s = triple
    x, y, v = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([s, s])
    return split_by_bucket(x % n_buckets, n_buckets, x, y, v)


def neighbour_lists(*pieces, k: int, floor: float, n_buckets: int):
    """Nearest neighbours of the bucket's articles, and their pairs sent on to the second article.

    Each article's `k` most similar candidates at least `floor` similar, ties to the smaller
    id, as `newslab.stories._shared_neighbours_on_edges` ranks them.

    Returns:
        `((ids, neigh), out)`: the bucket's articles (sorted) with their `(len(ids), k)`
        neighbour ids (-1 for none); and per bucket of the second article, the pairs `a < b`
        of this bucket's articles `a` as `(a, b, sim, neighbours of a and a itself)`.
    """
    x, y, s = concat_triples(*pieces)
    order = np.lexsort((y, -s, x))
    x, y, s = x[order], y[order], s[order]
    ids, first, row = np.unique(x, return_index=True, return_inverse=True)
    rank = np.arange(len(x)) - first[row]
    neigh = np.full((len(ids), k), -1, dtype=np.int64)
    take = (rank < k) & (s >= floor)
    neigh[row[take], rank[take]] = y[take]
    own = x < y  # each pair once, from its first article
    a, b, sim = x[own], y[own], s[own]
    lists = np.concatenate([neigh[row[own]], a[:, None]], axis=1)
    return (ids, neigh), split_by_bucket(b % n_buckets, n_buckets, a, b, sim, lists)


def blend(table, *pieces, k: int, snn_share: float):
    """Blended similarity of the pairs whose second article is in this bucket.

    Args:
        table: `(ids, neigh)` of the bucket (from `neighbour_lists`).
        pieces: `(a, b, sim, lists of a)` of pairs whose `b` is in the bucket.
        k: Neighbours per article.
        snn_share: Weight of the shared-neighbour share in the blend.

    Returns:
        `(a, b, blended)`: `snn_share * |N(a) ∩ N(b)| / (k + 1) + (1 - snn_share) * sim`,
        each article in its own neighbour list.
    """
    got = [p for p in pieces if len(p[0])]
    if not got:
        return _EMPTY_I, _EMPTY_I, _EMPTY_F
    a, b, sim = (np.concatenate([p[i] for p in got]) for i in range(3))
    lists_a = np.concatenate([p[3] for p in got])
    ids, neigh = table
    lists_b = np.concatenate([neigh[np.searchsorted(ids, b)], b[:, None]], axis=1)
    same = (lists_a[:, :, None] == lists_b[:, None, :]) & (lists_a[:, :, None] >= 0)
    snn = same.sum(axis=(1, 2)).astype(np.float64) / (k + 1)
    return a, b, snn_share * snn + (1 - snn_share) * sim


def strong_edges(triple, threshold: float) -> np.ndarray:
    """The `(a, b)` pairs blended at least `threshold` similar, as an `(m, 2)` array."""
    a, b, v = triple
    keep = v >= threshold
    return np.stack([a[keep], b[keep]], axis=1)


def edges_within(triple, inside: np.ndarray):
    """The triples whose two articles are both marked in `inside` (a boolean array over ids)."""
    a, b, v = triple
    keep = inside[a] & inside[b]
    return a[keep], b[keep], v[keep]


def split_neighbours(table, batch_of: np.ndarray, *, n_batches: int) -> list[dict]:
    """The neighbour rows of the bucket's articles, split by clustering batch."""
    ids, neigh = table
    batch = batch_of[ids] if len(ids) else _EMPTY_I
    out = []
    for j in range(n_batches):
        sel = np.flatnonzero(batch == j)
        out.append(dict(zip(ids[sel].tolist(), neigh[sel], strict=True)))
    return out


def merge_dicts(*dicts: dict) -> dict:
    """One dict from several with distinct keys."""
    out: dict = {}
    for d in dicts:
        out.update(d)
    return out


def candidate_graph(client, corpus, tops: list, xs: list, xts: list | None, *, k: int,
                    floor: float, title_share: float, snn_share: float, n_buckets: int,
                    block: int):
    """Similarities and blended similarities of the candidate pairs, kept on the workers.

    Args:
        client: A `distributed.Client`.
        corpus: The `newslab.pipeline.stages.Corpus`.
        tops: Futures of `(m, 2)` candidate pairs `(a, b)`, `a < b` (duplicates allowed).
        xs: Futures of each partition's body TF-IDF rows.
        xts: The same for titles, or None.
        k: Neighbours per article (`neighbours` of `newslab.cluster_stories`).
        floor: Least similarity of a neighbour (`neighbour_floor`).
        title_share: Weight of the title similarity (`title_share`).
        snn_share: Weight of the shared-neighbour share (`snn_share`).
        n_buckets: Buckets for the shuffles by article.
        block: Most partitions one similarity task reads besides its own.

    Returns:
        `(n_pairs, tables, blended)`: the number of distinct candidate pairs, futures of each
        bucket's `(ids, neigh)` neighbour table and of its pairs' `(a, b, blended)` triples.
    """
    ends = np.cumsum(corpus.lengths)
    n_parts = len(corpus.parts)
    # partitions in contiguous groups, one per bucket: fewer, larger tasks than per partition
    group_of = np.arange(n_parts) * n_buckets // max(n_parts, 1)
    ends_f, group_f = client.scatter([ends, group_of], broadcast=True)
    by_group = shuffle(client, tops, split_by_group, pairs_by_partition, n_buckets,
                       split_args=[(ends_f, group_f)] * len(tops),
                       combine_kwargs={"ends": ends_f}, name="story-pairs")
    reached = client.gather(client.map(partitions_reached, by_group, ends=ends_f))
    n_pairs = sum(client.gather(client.map(_count_pairs, by_group)))
    offsets = corpus.offsets
    sims = []
    for g, reached_g in enumerate(reached):
        got = []
        for pa, parts_b in sorted(reached_g.items()):
            for start in range(0, len(parts_b), block):
                chosen = [int(p) for p in parts_b[start:start + block]]
                got.append(client.submit(
                    pair_sims, by_group[g], pa, ends_f, chosen, xs[pa], offsets[pa],
                    [xs[p] for p in chosen], [offsets[p] for p in chosen],
                    None if xts is None else xts[pa],
                    None if xts is None else [xts[p] for p in chosen],
                    title_share=title_share))
        if got:
            sims.append(got[0] if len(got) == 1 else client.submit(concat_triples, *got))
    if not sims:
        return n_pairs, [], []
    firsts = shuffle(client, sims, split_both_ways, neighbour_lists, n_buckets,
                     combine_kwargs={"k": k, "floor": floor, "n_buckets": n_buckets},
                     name="story-neighbours")
    tables = [client.submit(operator.getitem, f, 0) for f in firsts]
    sent = [client.submit(operator.getitem, f, 1) for f in firsts]
    token = _token()
    blended = []
    for j in range(n_buckets):
        pieces = [client.submit(operator.getitem, s, j, key=f"story-snn-piece-{token}-{i}-{j}")
                  for i, s in enumerate(sent)]
        blended.append(client.submit(blend, tables[j], *pieces, k=k, snn_share=snn_share,
                                     key=f"story-snn-{token}-{j}"))
    return n_pairs, tables, blended
