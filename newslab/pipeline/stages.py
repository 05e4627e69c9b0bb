"""The pipeline's stages on a Dask cluster: load, duplicates, segmentation, stories, terms, quotes.

Every stage keeps its per-partition results on the workers (as futures) and moves data
worker-to-worker through hash-bucket shuffles (`newslab.pipeline._shuffle`); the client only
plans tasks and receives small merged results (partition lengths, exact-copy groups, verified
duplicate pairs, the vocabulary with its document frequencies, the nodes of story components).
Per-article work calls the in-memory building blocks (`newslab.duplicates.fingerprints`,
`newslab.segment_many`, `newslab.quotes.extract_quotes`, `newslab.vectorize.clean_tokens`,
the story and term helpers), so results match the in-memory functions.
"""

from __future__ import annotations

import inspect
import logging
import math
import operator
import time
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from newslab.pipeline import idf as idf_mod
from newslab.pipeline import io, lsh, union, vectors
from newslab.pipeline import neighbours as nb
from newslab.pipeline._shuffle import shuffle

logger = logging.getLogger(__name__)


@dataclass
class Corpus:
    """A corpus spread over the cluster: one future per partition, in corpus order."""

    parts: list
    lengths: list[int]
    skipped: list[dict] = field(default_factory=list)

    @property
    def offsets(self) -> list[int]:
        """Global position of the first article of each partition."""
        return [0, *np.cumsum(self.lengths)[:-1].tolist()] if self.lengths else []

    @property
    def n(self) -> int:
        """Number of articles."""
        return int(sum(self.lengths))

    def part_of(self, positions: np.ndarray) -> np.ndarray:
        """Partition of each global position."""
        return np.searchsorted(np.cumsum(self.lengths), positions, side="right")

    def n_buckets(self, client) -> int:
        """Buckets for shuffles: enough for every worker, fewer than partitions."""
        workers = max(len(client.scheduler_info()["workers"]), 1)
        return int(min(max(len(self.parts), 1), max(2 * workers, math.ceil(len(self.parts) / 4))))


class _Clock:
    """Log the seconds each step of a stage takes (logger level INFO)."""

    def __init__(self, stage: str) -> None:
        self.stage, self.last = stage, time.perf_counter()

    def lap(self, step: str, **counts) -> None:
        now = time.perf_counter()
        extra = "".join(f", {k}={v:,}" for k, v in counts.items())
        logger.info("%s: %s %.1f s%s", self.stage, step, now - self.last, extra)
        self.last = now


def _defaults(func) -> dict:
    return {
        k: p.default
        for k, p in inspect.signature(func).parameters.items()
        if p.default is not inspect.Parameter.empty
    }


# --------------------------------------------------------------------------- load


def _slice(frame: pd.DataFrame, start: int, stop: int) -> pd.DataFrame:
    return frame.iloc[start:stop]


def _split_ids(frame: pd.DataFrame, offset: int, *, n_buckets: int) -> list[list[tuple[str, int]]]:
    out: list[list[tuple[str, int]]] = [[] for _ in range(n_buckets)]
    for i, doc_id in enumerate(frame.index.astype(str)):
        out[zlib.crc32(doc_id.encode("utf-8")) % n_buckets].append((doc_id, offset + i))
    return out


def _repeated_ids(*pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Ids seen more than once, and ids a renaming could collide with (`x~2`)."""
    seen: dict[str, list[int]] = {}
    for piece in pieces:
        for doc_id, pos in piece:
            seen.setdefault(doc_id, []).append(pos)
    return [(d, p) for d, ps in seen.items() if len(ps) > 1 or "~" in d for p in sorted(ps)]


def _rename(frame: pd.DataFrame, offset: int, renames: dict[int, str]) -> pd.DataFrame:
    local = {p - offset: name for p, name in renames.items() if offset <= p < offset + len(frame)}
    if not local:
        return frame
    ids = frame.index.astype(str).tolist()
    for i, name in local.items():
        ids[i] = name
    frame = frame.copy()
    frame.index = pd.Index(ids, name="doc_id", dtype=object)
    return frame


def auto_partition_size(n: int, n_workers: int, largest: int = 2000) -> int:
    """Articles per partition: at most `largest`, and about four partitions per worker.

    Example:
        >>> auto_partition_size(150_704, 2), auto_partition_size(10_000, 2)
        (2000, 1250)
    """
    return int(min(largest, max(50, math.ceil(n / (4 * max(n_workers, 1))))))


def load(client, source, *, partition_size: int | None = None) -> Corpus:
    """Read the inputs on the workers and cut them into partitions.

    Partitions hold `partition_size` articles (None: `auto_partition_size`).

    `doc_id`s are those of `load_corpus`, also when the same `id` appears in two files (the
    later ones get `~2`, `~3`, ... in corpus order).
    """
    tasks, skipped = io.plan_inputs(source)
    if not tasks:
        return Corpus([], [], skipped)
    read = client.map(io.read_task, tasks, pure=False)
    frames = [client.submit(operator.getitem, r, 0) for r in read]
    skips = client.gather([client.submit(operator.getitem, r, 1) for r in read])
    for s in skips:
        skipped.extend(s)
    sizes = client.gather(client.map(len, frames))
    if partition_size is None:
        partition_size = auto_partition_size(sum(sizes), len(client.scheduler_info()["workers"]))
    parts, lengths = [], []
    for frame, size in zip(frames, sizes, strict=True):
        for start in range(0, size, partition_size):
            stop = min(start + partition_size, size)
            parts.append(client.submit(_slice, frame, start, stop))
            lengths.append(stop - start)
    corpus = Corpus(parts, lengths, skipped)
    if not parts:
        return corpus
    repeated = shuffle(client, parts, _split_ids, _repeated_ids, corpus.n_buckets(client),
                       split_args=[(o,) for o in corpus.offsets], name="doc-ids")
    pairs = sorted((p, d) for piece in client.gather(repeated) for d, p in piece)
    if pairs:
        # load_corpus's renaming, replayed over the only ids it can touch, in corpus order
        renames: dict[int, str] = {}
        seen: set[str] = set()
        for pos, doc_id in pairs:
            if doc_id in seen:
                n = 2
                while f"{doc_id}~{n}" in seen:
                    n += 1
                renames[pos] = doc_id = f"{doc_id}~{n}"
            seen.add(doc_id)
        corpus.parts = [client.submit(_rename, p, o, renames)
                        for p, o in zip(parts, corpus.offsets, strict=True)]
    return corpus


# --------------------------------------------------------------------------- duplicates


def _doc_ids(frame: pd.DataFrame, local: np.ndarray) -> np.ndarray:
    return np.asarray(frame.index.astype(str))[local]


def lookup_ids(client, corpus: Corpus, positions: np.ndarray) -> np.ndarray:
    """`doc_id`s of global positions, looked up on the partitions that hold them."""
    positions = np.asarray(positions, dtype=np.int64)
    out = np.empty(len(positions), dtype=object)
    if len(positions) == 0:
        return out
    uniq, inverse = np.unique(positions, return_inverse=True)
    part = corpus.part_of(uniq)
    offsets = np.asarray(corpus.offsets)
    futures, where = [], []
    for p in np.unique(part):
        sel = np.flatnonzero(part == p)
        futures.append(client.submit(_doc_ids, corpus.parts[p], uniq[sel] - offsets[p]))
        where.append(sel)
    ids = np.empty(len(uniq), dtype=object)
    for sel, got in zip(where, client.gather(futures), strict=True):
        ids[sel] = got
    out[:] = ids[inverse]
    return out


def duplicates(client, corpus: Corpus, **options) -> tuple[pd.DataFrame, np.ndarray]:
    """`newslab.find_duplicates` on the cluster; same rows, same order.

    Returns:
        `(pairs, positions)`: the duplicates table and the corpus positions of its
        `doc_a`, `doc_b` (shape (m, 2)).
    """
    from newslab.duplicates import COLUMNS, DEFAULT_THRESHOLD, find_duplicates

    opts = _defaults(find_duplicates)
    opts.update(options)
    threshold = DEFAULT_THRESHOLD if opts["threshold"] is None else float(opts["threshold"])
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    sample = opts["sample"]
    if sample < 1 or sample & (sample - 1):
        raise ValueError(f"sample must be a power of two, got {sample}")
    if corpus.n == 0:
        return pd.DataFrame(columns=COLUMNS), np.empty((0, 2), dtype=np.int64)
    offsets = corpus.offsets
    clock = _Clock("duplicates")
    fps = client.map(lsh.fingerprint_part, corpus.parts, k=opts["k"])
    n_buckets = corpus.n_buckets(client)

    # exact copies: shuffle whole-text hashes
    groups_f = shuffle(client, fps, lsh.split_exact, lsh.group_exact, n_buckets,
                       split_args=[(o,) for o in offsets], name="exact")
    groups = [g for gs in client.gather(groups_f) for g in gs]
    groups.sort(key=lambda g: int(g[0]))
    members = {int(g[0]): g for g in groups}
    not_rep = np.sort(np.concatenate([g[1:] for g in groups])) if groups else np.empty(0, np.int64)
    not_rep_f = client.scatter(not_rep, broadcast=True)
    clock.lap("shingles and exact copies", groups=len(groups))

    # candidates: shingle postings -> buckets -> pair counts -> summed per pair
    pair_parts = shuffle(
        client, fps, lsh.split_postings, lsh.bucket_pairs, n_buckets,
        split_args=[(o, not_rep_f) for o in offsets],
        split_kwargs={"sample": sample, "min_shingles": opts["min_shingles"]},
        combine_kwargs={"n_out": n_buckets, "max_df": opts["max_df"]},
        name="postings",
    )
    candidates_f = shuffle(
        client, pair_parts, lsh.split_pairs, lsh.sum_pairs, n_buckets,
        combine_kwargs={
            "min_shared": 1 if sample == 1 else 2,
            "min_estimate": max(threshold - 0.25, 0.05) if sample > 1 else threshold,
        },
        name="pairs",
    )
    candidates = [c for c in client.gather(candidates_f) if len(c)]
    cands = np.concatenate(candidates) if candidates else np.empty((0, 2), dtype=np.int64)
    clock.lap("candidate pairs", pairs=len(cands))

    # exact check: only the candidates' shingle sets travel, each once per task that needs it
    verified_f = []
    if len(cands):
        needed = np.unique(cands)
        part = corpus.part_of(needed)
        taken = {int(p): client.submit(lsh.take_sets, fps[p], offsets[p], needed[part == p])
                 for p in np.unique(part)}
        verified_f = [
            client.submit(_verify_group, chunks, taken[pa], *[taken[b] for b in pbs if b != pa],
                          threshold=threshold, near=opts["near"])
            for _, pa, pbs, chunks in by_partition_block(corpus, cands)
        ]
    pairs: list[tuple[int, int, float, float, str]] = []
    for g in groups:
        for x in range(len(g)):
            for y in range(x + 1, len(g)):
                pairs.append((int(g[x]), int(g[y]), 1.0, 1.0, "exact"))
    for found in client.gather(verified_f):
        for a, b, jac, cont, kind in found:
            for x in members.get(a, (a,)):
                for y in members.get(b, (b,)):
                    lo, hi = (x, y) if x < y else (y, x)
                    pairs.append((int(lo), int(hi), jac, cont, kind))
    clock.lap("exact check", duplicates=len(pairs))
    out = pd.DataFrame(pairs, columns=["a", "b", "similarity", "containment", "kind"])
    out = out.sort_values(["similarity", "a", "b"], ascending=[False, True, True])
    ids = lookup_ids(client, corpus, np.concatenate([out["a"].to_numpy(np.int64),
                                                     out["b"].to_numpy(np.int64)]))
    out.insert(0, "doc_a", ids[: len(out)])
    out.insert(1, "doc_b", ids[len(out):])
    positions = out[["a", "b"]].to_numpy(np.int64)
    return out[COLUMNS].reset_index(drop=True), positions


def _verify_group(chunks: list, *sets: dict, threshold: float, near: float) -> list[tuple]:
    merged = {k: v for s in sets for k, v in s.items()}
    return lsh.verify_sets(chunks, merged, threshold=threshold, near=near)


# --------------------------------------------------------------------------- segmentation


def segment(client, corpus: Corpus, *, cache_dir=None, keep_tokens: bool = True,
            extract_terms: bool = False) -> list:
    """Segment bodies and titles on the workers (line by line, cached on disk).

    Tokens are kept only with `keep_tokens` (the exact small-corpus story path needs them);
    otherwise only word counts stay in worker memory. With `extract_terms`, each partition's
    topic-term candidates are extracted from the same segmentation (key `"term_docs"`).
    """
    return client.map(vectors.segment_part, corpus.parts, cache_dir=cache_dir,
                      keep_tokens=keep_tokens, extract_terms=extract_terms)


# --------------------------------------------------------------------------- stories

#: Candidate neighbours kept per article from the rare-word product (`newslab.stories`).
CANDIDATES = 10


def _concat_tokens(*segs: dict) -> tuple[list, list]:
    return ([t for s in segs for t in s["tokens"]], [t for s in segs for t in s["title_tokens"]])


def _dense_stories(frames: list[pd.DataFrame], segs: list[dict], options: dict) -> np.ndarray:
    """Small corpora: the in-memory `cluster_stories` on the tokens segmented on the cluster."""
    from newslab.stories import cluster_stories

    frame = pd.concat(frames) if frames else pd.DataFrame(columns=["title", "text"])
    tokens, title_tokens = _concat_tokens(*segs)
    labels = cluster_stories(frame, tokens=tokens, title_tokens=title_tokens, **options)
    return labels.to_numpy()


def _gather_dense(*items):
    half = len(items) // 2
    return list(items[:half]), list(items[half:])


def _run_dense(options: dict, *items) -> np.ndarray:
    frames, segs = _gather_dense(*items)
    return _dense_stories(frames, segs, options)


def _split_vocab(seg: dict, which: str, title_weight: int, *, n_buckets: int):
    return idf_mod.partial_df(*vectors.vocab_df(seg, which, title_weight), n_buckets=n_buckets)


def _vocabulary(client, segs: list, which: str, title_weight: int, n_docs: int, n_buckets: int):
    """Merged vocabulary `(terms, df, idf)` of the body or title vectors."""
    merged = client.gather(shuffle(client, segs, _split_vocab, idf_mod.merge_df, n_buckets,
                                   split_args=[(which, title_weight)] * len(segs),
                                   name=f"vocab-{which}"))
    terms = np.concatenate([t for t, _ in merged]) if merged else np.empty(0, dtype=object)
    df = np.concatenate([d for _, d in merged]) if merged else np.empty(0, dtype=np.int64)
    order = sorted(range(len(terms)), key=terms.__getitem__)
    terms, df = terms[order], df[order]
    return terms, df, idf_mod.idf_vector(df, n_docs)


def _has_words(seg: dict, which: str, title_weight: int) -> bool:
    return vectors.counts(seg, which, title_weight).nnz > 0


def _has_title_tokens(seg: dict) -> bool:
    return seg["has_title_tokens"]


def _split_rare(x, offset: int, rare, *, n_buckets: int):
    """Postings `(column, position, weight)` of rare words, split by column."""
    coo = x.tocoo()
    keep = rare[coo.col]
    col, row, val = coo.col[keep].astype(np.int64), coo.row[keep].astype(np.int64) + offset, coo.data[keep]
    bucket = col % n_buckets
    return [(col[bucket == j], row[bucket == j], val[bucket == j]) for j in range(n_buckets)]


def _rare_products(*pieces, n_out: int):
    """Partial rare-word dot products of the article pairs meeting in this bucket (both ways).

    Returns:
        `n_out` pieces `(code, value)`, split by the first article: `code` is
        `a * 2**32 + b` for the pair `(a, b)`.
    """
    import scipy.sparse as sp

    col = np.concatenate([p[0] for p in pieces])
    row = np.concatenate([p[1] for p in pieces])
    val = np.concatenate([p[2] for p in pieces])
    empty = (np.empty(0, np.int64), np.empty(0, np.float32))
    if len(col) == 0:
        return [empty] * n_out
    docs, r = np.unique(row, return_inverse=True)
    cols, c = np.unique(col, return_inverse=True)
    x = sp.csr_matrix((val, (r, c)), shape=(len(docs), len(cols)))
    prod = (x @ x.T).tocoo()
    off = prod.row != prod.col
    a, b, v = docs[prod.row[off]], docs[prod.col[off]], prod.data[off]
    del prod
    part = a % n_out
    code = (a << 32) | b  # one int64 per pair (positions < 2**32): 12 bytes a product, not 20
    return [(code[part == j], v[part == j]) for j in range(n_out)]


def _identity_split(pieces, *, n_buckets: int):
    return pieces


def _top_neighbours(*pieces, top: int) -> np.ndarray:
    """Each article's `top` candidates by rare-word dot product, as `(min, max)` pairs.

    Partial products of the same pair (from different word buckets) are summed by a sparse
    matrix; ties at the cut go to the smaller position.
    """
    import scipy.sparse as sp

    code = np.concatenate([p[0] for p in pieces])
    v = np.concatenate([p[1] for p in pieces])
    if len(code) == 0:
        return np.empty((0, 2), dtype=np.int64)
    a, b = code >> 32, code & ((1 << 32) - 1)
    del code
    shape = (int(a.max()) + 1, int(b.max()) + 1)
    m = sp.csr_matrix((v.astype(np.float64), (a, b)), shape=shape)
    m.sum_duplicates()  # sums the partial products and sorts each row by position
    indptr, indices, data = m.indptr, m.indices, m.data
    keep = np.ones(len(data), dtype=bool)
    for i in np.flatnonzero(np.diff(indptr) > top):
        lo, hi = indptr[i], indptr[i + 1]
        vals = data[lo:hi]
        kth = np.partition(vals, len(vals) - top)[len(vals) - top]
        chosen = vals > kth
        ties = np.flatnonzero(vals == kth)[: top - int(chosen.sum())]
        chosen[ties] = True
        keep[lo:hi] = chosen
    rows = np.repeat(np.arange(shape[0], dtype=np.int64), np.diff(indptr))[keep]
    cols = indices[keep].astype(np.int64)
    code = np.unique(np.minimum(rows, cols) * (1 << 32) + np.maximum(rows, cols))
    return np.stack([code >> 32, code & ((1 << 32) - 1)], axis=1)


#: Most partitions one pair task reads besides its own (bounds a task's memory).
PAIR_BLOCK = 32


def by_partition_block(corpus: Corpus, pairs: np.ndarray, block: int = PAIR_BLOCK):
    """Pairs grouped for tasks: the first articles in one partition, the second in a block.

    Yields `(index, part_a, parts_b, chunks)`: the pairs' rows in `pairs`, the partition of their
    first articles, the (at most `block`) partitions of their second articles, and the pairs
    of each of those partitions, in `index` order. One task per group instead of one per pair
    of partitions: a few hundred tasks on 150k articles instead of thousands, and the results
    gathered at once.
    """
    if len(pairs) == 0:
        return
    pa, pb = corpus.part_of(pairs[:, 0]), corpus.part_of(pairs[:, 1])
    order = np.lexsort((pb, pa))
    pa_s, pb_s = pa[order], pb[order]
    for a in np.unique(pa_s):
        lo, hi = np.searchsorted(pa_s, [a, a + 1])
        bs = np.unique(pb_s[lo:hi])
        for start in range(0, len(bs), block):
            chosen = bs[start:start + block]
            sel = lo + np.flatnonzero(np.isin(pb_s[lo:hi], chosen))
            idx = order[sel]
            cuts = np.flatnonzero(np.diff(pb_s[sel])) + 1
            chunks = np.split(pairs[idx], cuts)
            yield idx, int(a), [int(b) for b in chosen], chunks


def _split_rows(x, xt, offset: int, batch_of, *, n_buckets: int):
    """Rows of the articles of multi-article components, split by clustering batch."""
    positions = np.arange(x.shape[0]) + offset
    batch = batch_of[positions]
    out = []
    for j in range(n_buckets):
        sel = np.flatnonzero(batch == j)
        out.append((positions[sel], x[sel], None if xt is None else xt[sel]))
    return out


def _cluster_batch(*pieces, components: list, neigh: dict, options: dict) -> list[np.ndarray]:
    """Average-link clustering of whole components (as `cluster_stories` does per component)."""
    import scipy.sparse as sp

    from newslab.stories import _average_link

    pos = np.concatenate([p[0] for p in pieces])
    x = sp.vstack([p[1] for p in pieces]).tocsr()
    xt = None if pieces[0][2] is None else sp.vstack([p[2] for p in pieces]).tocsr()
    order = np.argsort(pos)
    pos, x = pos[order], x[order]
    xt = None if xt is None else xt[order]
    k = options["neighbours"]
    ts, ss, threshold = options["title_share"], options["snn_share"], options["threshold"]
    out = []
    for members in components:
        rows = np.searchsorted(pos, members)
        sub = x[rows]
        dense = (sub @ sub.T).toarray().astype(np.float64)
        if xt is not None:
            subt = xt[rows]
            dense = (1 - ts) * dense + ts * (subt @ subt.T).toarray()
        # neighbour indicator rows of the members, over global positions
        nb = np.stack([neigh[int(m)] for m in members])
        cols = np.concatenate([nb, members[:, None]], axis=1)
        rr = np.repeat(np.arange(len(members)), cols.shape[1])
        cc = cols.ravel()
        valid = cc >= 0
        uniq, ci = np.unique(cc[valid], return_inverse=True)
        subind = sp.csr_matrix((np.ones(int(valid.sum()), dtype=np.float32), (rr[valid], ci)),
                               shape=(len(members), len(uniq)))
        dense = ss * (subind @ subind.T).toarray() / (k + 1) + (1 - ss) * dense
        out.append(_average_link(dense, threshold))
    return out


def stories(client, corpus: Corpus, segs: list, **options) -> np.ndarray:
    """`newslab.cluster_stories` on the cluster: story labels in corpus order.

    Up to `max_dense` articles, the in-memory clustering runs in one task on the tokens
    segmented by the workers (exactly `cluster_stories`). Larger corpora follow its sparse
    path the distributed way: vocabulary and IDF merged from partitions, TF-IDF rows built
    where the articles live, rare-word candidate pairs from a postings shuffle, candidate
    similarities computed where the first article's rows live, nearest neighbours and the
    shared-neighbour blend by shuffles by article (`newslab.pipeline.neighbours`), connected
    components by merged union-find forests; the client receives only the components' nodes,
    and components are clustered by average link in batches on the workers.
    """
    from newslab.stories import _renumber, cluster_stories

    opts = _defaults(cluster_stories)
    opts.update(options)
    if opts["threshold"] is None:
        from newslab.stories import DEFAULT_THRESHOLD

        opts["threshold"] = DEFAULT_THRESHOLD
    n = corpus.n
    if n == 0:
        return np.empty(0, dtype=np.int64)
    if n <= opts["max_dense"]:
        keep = {k: v for k, v in opts.items() if k not in ("tokens", "title_tokens", "progress")}
        return np.asarray(client.submit(_run_dense, keep, *corpus.parts, *segs).result())

    n_buckets = corpus.n_buckets(client)
    clock = _Clock("stories")
    tw = int(opts.get("title_weight", 0))
    if not any(client.gather(client.map(_has_words, segs, which="body", title_weight=tw))):
        return np.arange(n, dtype=np.int64)
    vocab, df, idf = _vocabulary(client, segs, "body", tw, n, n_buckets)
    clock.lap("vocabulary")
    vocab_f, idf_f = client.scatter([vocab, idf], broadcast=True)
    xs = client.map(vectors.tfidf_part, segs, which="body", title_weight=tw, vocab=vocab_f,
                    idf=idf_f)
    xts = None
    if opts["title_share"] > 0 and any(client.gather(client.map(_has_title_tokens, segs))):
        if any(client.gather(client.map(_has_words, segs, which="title", title_weight=0))):
            tv, _, tidf = _vocabulary(client, segs, "title", 0, n, n_buckets)
            tv_f, tidf_f = client.scatter([tv, tidf], broadcast=True)
            xts = client.map(vectors.tfidf_part, segs, which="title", title_weight=0,
                             vocab=tv_f, idf=tidf_f)

    clock.lap("tf-idf rows")
    # rare-word candidates, as `newslab.stories._candidates`
    from newslab.stories import candidate_limit

    max_df = candidate_limit(n, opts.get("candidate_max_df"))
    rare_f = client.scatter(df <= max_df, broadcast=True)
    products = shuffle(client, xs, _split_rare, _rare_products, n_buckets,
                       split_args=[(o, rare_f) for o in corpus.offsets],
                       combine_kwargs={"n_out": n_buckets}, name="rare-words")
    tops = shuffle(client, products, _identity_split, _top_neighbours, n_buckets,
                   combine_kwargs={"top": CANDIDATES}, name="neighbours")
    ts, ss, k = opts["title_share"], opts["snn_share"], opts["neighbours"]
    n_pairs, tables, blended = nb.candidate_graph(
        client, corpus, tops, xs, xts, k=k, floor=opts.get("neighbour_floor", -np.inf),
        title_share=ts, snn_share=ss, n_buckets=n_buckets, block=PAIR_BLOCK)
    del products, tops  # the workers free the rare-word products once the pairs are grouped
    offsets = corpus.offsets
    strong = client.map(nb.strong_edges, blended, threshold=opts["threshold"])
    n_edges = sum(client.gather(client.map(len, strong)))
    nodes, roots = union.components(client, strong)

    clock.lap("pairs, neighbours and components", pairs=n_pairs, edges=n_edges)
    # average link inside each multi-article component, batched on the workers
    labels = np.full(n, -1, dtype=np.int64)
    singles = np.setdiff1d(np.arange(n), nodes)
    labels[singles] = np.arange(len(singles))
    next_label = len(singles)
    # components by root, members in order (numpy, no Python loop over the nodes)
    order = np.lexsort((nodes, roots))
    groups = np.split(nodes[order].astype(np.int64),
                      np.flatnonzero(np.diff(roots[order])) + 1) if len(nodes) else []
    large = [m for m in groups if len(m) > opts["max_dense"]]
    dense_groups = [m for m in groups if len(m) <= opts["max_dense"]]
    if large:
        # as in memory: average link on the component's candidate edges only
        inside = np.zeros(n, dtype=bool)
        for members in large:
            inside[members] = True
        inside_f = client.scatter(inside, broadcast=True)
        a, b, v = nb.concat_triples(*client.gather(client.map(nb.edges_within, blended,
                                                              inside=inside_f)))
    for members in large:
        local = _large_component(members, a, b, v, opts["threshold"], n)
        labels[members] = local + next_label
        next_label += int(local.max()) + 1
    if dense_groups:
        n_batches = min(len(dense_groups), n_buckets)
        batch_of = np.full(n, -1, dtype=np.int64)
        batches: list[list[np.ndarray]] = [[] for _ in range(n_batches)]
        for i, members in enumerate(dense_groups):
            batch_of[members] = i % n_batches
            batches[i % n_batches].append(members)
        batch_f = client.scatter(batch_of, broadcast=True)
        srcs = [client.submit(_pair, x, None if xts is None else xts[i])
                for i, x in enumerate(xs)]
        futures = []
        token = np.random.default_rng().integers(1 << 30)
        splits = [client.submit(_split_rows_pair, s, o, batch_f, n_batches,
                                key=f"story-rows-{token}-{i}")
                  for i, (s, o) in enumerate(zip(srcs, offsets, strict=True))]
        neigh_parts = client.map(nb.split_neighbours, tables, batch_of=batch_f,
                                 n_batches=n_batches)
        for j in range(n_batches):
            pieces = [client.submit(operator.getitem, s, j, key=f"story-piece-{token}-{i}-{j}")
                      for i, s in enumerate(splits)]
            neigh_j = client.submit(nb.merge_dicts, *[
                client.submit(operator.getitem, p, j, key=f"story-neigh-{token}-{i}-{j}")
                for i, p in enumerate(neigh_parts)])
            futures.append(client.submit(_cluster_batch_list, pieces, components=batches[j],
                                         neigh=neigh_j, options=opts))
        for j, f in enumerate(futures):
            for members, local in zip(batches[j], f.result(), strict=True):
                labels[members] = local + next_label
                next_label += int(local.max()) + 1
    clock.lap("average link")
    return _renumber(labels)


def _large_component(members, a, b, blended, threshold, n) -> np.ndarray:
    from newslab import stories as mem

    if not hasattr(mem, "_sparse_average_link"):
        logger.warning("%d articles chained into one component", len(members))
        return np.zeros(len(members), dtype=np.int64)
    local_of = np.full(n, -1, dtype=np.int64)
    local_of[members] = np.arange(len(members))
    inside = (local_of[a] >= 0) & (local_of[b] >= 0)
    return mem._sparse_average_link(len(members), local_of[a[inside]], local_of[b[inside]],
                                    blended[inside], threshold)


def _pair(x, xt):
    return x, xt


def _split_rows_pair(src, offset, batch_of, n_batches):
    x, xt = src
    return _split_rows(x, xt, offset, batch_of, n_buckets=n_batches)


def _cluster_batch_list(pieces, *, components, neigh, options):
    pieces = [p for p in pieces if len(p[0])]
    return _cluster_batch(*pieces, components=components, neigh=neigh, options=options)
