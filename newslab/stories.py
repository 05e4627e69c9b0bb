"""Group articles that tell the same story; the number of stories is found, not given.

Articles are compared on TF-IDF over segmented words (`newslab.vectorize`): the body with the
title words counted once more, blended with a title-only similarity. That is blended with
shared-nearest-neighbour similarity (the share of two articles' `neighbours` closest articles
they have in common), which separates follow-up stories on the same people better than
cosine alone. Average-link clustering then merges groups while their mean blended similarity
stays at or above `threshold`.

Small corpora (up to `max_dense` articles) are clustered exactly. Larger ones never build an
N x N matrix: candidate neighbours come from a blocked sparse product over the rarer words, the
graph of candidate pairs above `threshold` is cut into connected components, and each
component is clustered exactly (average-link clusters never span two components); a component
larger than `max_dense` is clustered by sparse average link on its candidate pairs.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from tqdm import tqdm

from newslab.vectorize import segment_texts, vectorize

logger = logging.getLogger(__name__)

#: Default blended-similarity threshold for average-link merging: the value where the lowest
#: ARI of vims-dev and of each of its halves (stories 1-50 and 51-100, vectorised and clustered
#: separately) is highest (0.975 / 0.981 / 0.975); see docs/duplicates.md.
DEFAULT_THRESHOLD = 0.21
#: Extra times the title's words count in the body vector.
TITLE_WEIGHT = 1
#: Weight of the title-only cosine in the content similarity.
TITLE_SHARE = 0.4
#: Neighbours per article for shared-nearest-neighbour similarity.
NEIGHBOURS = 3
#: Weight of shared-nearest-neighbour similarity in the blend.
SNN_SHARE = 0.5
#: A neighbour must be at least this similar: in a small corpus the nearest articles of an
#: article alone in its story are unrelated, and must not count as shared neighbours.
NEIGHBOUR_FLOOR = 0.15


def _title_matrix(corpus: pd.DataFrame, title_tokens) -> sp.csr_matrix | None:
    if "title" not in corpus or not any(len(t) for t in title_tokens):
        return None
    try:
        matrix, _ = vectorize(corpus, tokens=title_tokens, keep_numbers=True)
    except ValueError:
        return None
    return matrix


def _rowdot(x: sp.csr_matrix, a: np.ndarray, b: np.ndarray, batch: int = 200_000) -> np.ndarray:
    """Dot products of rows `a[i]` and `b[i]` of a sparse matrix."""
    out = np.empty(len(a), dtype=np.float64)
    for s in range(0, len(a), batch):
        aa, bb = a[s : s + batch], b[s : s + batch]
        out[s : s + batch] = np.asarray(x[aa].multiply(x[bb]).sum(axis=1)).ravel()
    return out


def _knn_indicator(neigh: np.ndarray, n: int) -> sp.csr_matrix:
    """Sparse n x n indicator of each article's neighbours plus itself."""
    k = neigh.shape[1]
    rows = np.repeat(np.arange(n), k + 1)
    cols = np.concatenate([neigh, np.arange(n)[:, None]], axis=1).ravel()
    valid = cols >= 0
    return sp.csr_matrix(
        (np.ones(int(valid.sum()), dtype=np.float32), (rows[valid], cols[valid])), shape=(n, n)
    )



def _shared_neighbours_on_edges(
    a: np.ndarray, b: np.ndarray, sim: np.ndarray, n: int, k: int, floor: float
) -> tuple[np.ndarray, np.ndarray, sp.csr_matrix]:
    """Shared-nearest-neighbour similarity of each edge `(a, b)` of a candidate graph.

    Each article's `k` most similar candidates (at least `floor` similar; ties broken by id)
    are its neighbours. Returns `(snn, neigh, ind)`: `|N(a) ∩ N(b)| / (k + 1)` per edge with each
    article in its own list, the `(n, k)` neighbour ids (-1 for none) and their indicator matrix.
    """
    both_a, both_b = np.concatenate([a, b]), np.concatenate([b, a])
    both_s = np.concatenate([sim, sim])
    order = np.lexsort((both_b, -both_s, both_a))
    both_a, both_b, both_s = both_a[order], both_b[order], both_s[order]
    first = np.searchsorted(both_a, np.arange(n))
    rank = np.arange(len(both_a)) - first[both_a]
    neigh = np.full((n, k), -1, dtype=np.int64)
    take = (rank < k) & (both_s >= floor)
    neigh[both_a[take], rank[take]] = both_b[take]
    ind = _knn_indicator(neigh, n)
    return _rowdot(ind, a, b) / (k + 1), neigh, ind


def _average_link(sim: np.ndarray, threshold: float) -> np.ndarray:
    """Average-link labels (0-based) for a dense similarity matrix."""
    n = len(sim)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2
    tree = linkage(squareform(dist, checks=False), method="average")
    return fcluster(tree, 1.0 - threshold, criterion="distance").astype(np.int64) - 1


def _blend_dense(
    xb, xt, neighbours: int, title_share: float, snn_share: float, floor: float
) -> np.ndarray:
    sim = (xb @ xb.T).toarray().astype(np.float64)
    if xt is not None:
        sim = (1 - title_share) * sim + title_share * (xt @ xt.T).toarray()
    n = len(sim)
    k = min(neighbours, n - 1)
    if k > 0 and snn_share > 0:
        ranked = sim.copy()
        np.fill_diagonal(ranked, -np.inf)
        neigh = np.argsort(-ranked, axis=1, kind="stable")[:, :k]
        neigh[np.take_along_axis(ranked, neigh, axis=1) < floor] = -1
        ind = _knn_indicator(neigh, n)
        snn = (ind @ ind.T).toarray() / (k + 1)
        sim = snn_share * snn + (1 - snn_share) * sim
    return sim


def _candidates(xb, xt, top: int, title_share: float, max_df: int, progress: bool):
    """Top candidate neighbours of every article, from a blocked sparse product on rare words."""
    n = xb.shape[0]
    df = np.bincount(xb.indices, minlength=xb.shape[1])
    rare = sp.diags((df <= max_df).astype(np.float32))
    xr = (xb @ rare).tocsr()
    xrt = xr.T.tocsr()
    pairs_a, pairs_b = [], []
    block = 2048
    for start in tqdm(range(0, n, block), desc="neighbours", unit="block", disable=not progress):
        prod = (xr[start : start + block] @ xrt).tocsr()
        for i in range(prod.shape[0]):
            lo, hi = prod.indptr[i], prod.indptr[i + 1]
            cols = prod.indices[lo:hi]
            vals = prod.data[lo:hi]
            keep = cols != start + i
            cols, vals = cols[keep], vals[keep]
            if len(cols) > top:
                pick = np.argpartition(-vals, top)[:top]
                cols = cols[pick]
            pairs_a.append(np.full(len(cols), start + i, dtype=np.int64))
            pairs_b.append(cols.astype(np.int64))
    a = np.concatenate(pairs_a) if pairs_a else np.empty(0, np.int64)
    b = np.concatenate(pairs_b) if pairs_b else np.empty(0, np.int64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    code = np.unique(lo * n + hi)
    a, b = code // n, code % n
    sim = _rowdot(xb, a, b)
    if xt is not None:
        sim = (1 - title_share) * sim + title_share * _rowdot(xt, a, b)
    return a, b, sim


def candidate_limit(n: int, candidate_max_df: int | None = None) -> int:
    """Most articles a word may be found in to propose candidate pairs, for `n` articles.

    Example:
        >>> candidate_limit(150_000), candidate_limit(10_000_000, 300)
        (300, 300)
    """
    return max(50, n // 500) if candidate_max_df is None else int(candidate_max_df)


def _cluster_sparse(
    xb, xt, threshold, neighbours, title_share, snn_share, floor, max_dense, progress, max_df
):
    n = xb.shape[0]
    a, b, sim = _candidates(xb, xt, 10, title_share, max_df, progress)
    snn, _, ind = _shared_neighbours_on_edges(a, b, sim, n, neighbours, floor)
    blended = snn_share * snn + (1 - snn_share) * sim
    edge = blended >= threshold
    graph = sp.coo_matrix((np.ones(int(edge.sum())), (a[edge], b[edge])), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    labels = np.full(n, -1, dtype=np.int64)
    next_label = 0
    order = np.argsort(comp, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(comp[order])) + 1)
    for members in tqdm(groups, desc="stories", unit="component", disable=not progress):
        if len(members) == 1:
            labels[members] = next_label
            next_label += 1
            continue
        if len(members) > max_dense:
            logger.info("%d articles in one component: sparse average link", len(members))
            local_of = np.full(n, -1, dtype=np.int64)
            local_of[members] = np.arange(len(members))
            inside = (local_of[a] >= 0) & (local_of[b] >= 0)
            local = _sparse_average_link(
                len(members), local_of[a[inside]], local_of[b[inside]], blended[inside], threshold
            )
            labels[members] = local + next_label
            next_label += int(local.max()) + 1
            continue
        sub = xb[members]
        dense = (sub @ sub.T).toarray().astype(np.float64)
        if xt is not None:
            subt = xt[members]
            dense = (1 - title_share) * dense + title_share * (subt @ subt.T).toarray()
        subind = ind[members]
        dense = (
            snn_share * (subind @ subind.T).toarray() / (neighbours + 1) + (1 - snn_share) * dense
        )
        local = _average_link(dense, threshold)
        labels[members] = local + next_label
        next_label += int(local.max()) + 1
    return labels


def _sparse_average_link(
    n: int, a: np.ndarray, b: np.ndarray, weight: np.ndarray, threshold: float
) -> np.ndarray:
    """Average-link clustering of a sparse similarity graph (missing pairs count as 0).

    Merges reciprocal nearest clusters round by round, which gives the same result as the
    sequential algorithm because average link is reducible; memory grows with the edges only.

    References:
        Sumengen et al., "Scaling hierarchical agglomerative clustering to billion-sized
        datasets" (reciprocal agglomerative clustering), arXiv:2105.11653, 2021.
    """
    adj: list[dict[int, float]] = [{} for _ in range(n)]
    for x, y, w in zip(a.tolist(), b.tolist(), weight.tolist(), strict=True):
        if x != y:
            adj[x][y] = adj[x].get(y, 0.0) + w
            adj[y][x] = adj[y].get(x, 0.0) + w
    size = [1] * n
    parent = list(range(n))
    best: dict[int, int] = {}
    dirty = {i for i in range(n) if adj[i]}
    while True:
        for c in dirty:
            sc = size[c]
            top, top_value = -1, threshold
            for d, total in adj[c].items():
                value = total / (sc * size[d])
                if value > top_value or (value == top_value and top >= 0 and d < top):
                    top, top_value = d, value
                elif value == top_value and top < 0:
                    top, top_value = d, value
            if top >= 0:
                best[c] = top
            else:
                best.pop(c, None)
        merges = [(c, d) for c, d in best.items() if c < d and best.get(d) == c]
        if not merges:
            break
        dirty = set()
        for c, d in merges:
            size[c] += size[d]
            parent[d] = c
            for e, total in adj[d].items():
                if e == c:
                    continue
                adj[c][e] = adj[c].get(e, 0.0) + total
                adj[e][c] = adj[e].get(c, 0.0) + total
                del adj[e][d]
                dirty.add(e)
            adj[c].pop(d, None)
            adj[d] = {}
            best.pop(d, None)
            dirty.add(c)
        dirty = {c for c in dirty if parent[c] == c}
    roots = np.array(parent)
    while True:
        nxt = roots[roots]
        if np.array_equal(nxt, roots):
            break
        roots = nxt
    _, labels = np.unique(roots, return_inverse=True)
    return labels.astype(np.int64)


def _renumber(labels: np.ndarray) -> np.ndarray:
    """Number stories 0, 1, ... by size (largest first), ties by first article."""
    uniq, first, counts = np.unique(labels, return_index=True, return_counts=True)
    rank = np.lexsort((first, -counts))
    mapping = np.empty(len(uniq), dtype=np.int64)
    mapping[rank] = np.arange(len(uniq))
    return mapping[np.searchsorted(uniq, labels)]


def cluster_stories(
    corpus,
    *,
    threshold: float | None = None,
    neighbours: int = NEIGHBOURS,
    title_share: float = TITLE_SHARE,
    title_weight: int = TITLE_WEIGHT,
    snn_share: float = SNN_SHARE,
    neighbour_floor: float = NEIGHBOUR_FLOOR,
    tokens=None,
    title_tokens=None,
    max_dense: int = 5000,
    candidate_max_df: int | None = None,
    progress: bool = False,
) -> pd.Series:
    """Label each article with the story it tells.

    Args:
        corpus: A corpus DataFrame (index `doc_id`, columns `text`, `title`) or a path.
        threshold: Minimum mean blended similarity for two groups to merge (higher: more,
            tighter stories); `None` for `DEFAULT_THRESHOLD`.
        neighbours: Nearest neighbours per article for shared-neighbour similarity.
        title_share: Weight of the title-only cosine in the content similarity.
        title_weight: Extra times the title's words count in the body vector.
        snn_share: Weight of shared-neighbour similarity in the blend (0: plain cosine).
        neighbour_floor: Minimum content similarity for an article to count as a neighbour.
        tokens: Segmented bodies (`newslab.segment_many`), if already computed.
        title_tokens: Segmented titles, if already computed.
        max_dense: Up to this many articles (or articles in one component), cluster exactly
            with a dense matrix.
        candidate_max_df: Above `max_dense` articles, candidate pairs come from the words
            found in at most this many articles; None for `max(50, N / 500)`. A fixed value
            keeps that step linear in N on very large corpora, at some cost in quality (see
            `docs/scale.md`).
        progress: Show tqdm progress bars.

    Returns:
        A Series named `story` indexed by `doc_id`: integer labels from 0, the largest story
        first; an article alone in its story has a label of its own.

    Example:
        >>> stories = cluster_stories("seeds")
        >>> stories.nunique()
        1

    References:
        Jarvis and Patrick, "Clustering using a similarity measure based on shared near
        neighbors", IEEE Transactions on Computers 22(11), 1973.
    """
    from newslab.corpus import as_corpus

    corpus = as_corpus(corpus)
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    index = pd.Index(corpus.index.astype(str), name="doc_id")
    n = len(corpus)
    if n == 0:
        return pd.Series([], index=index, name="story", dtype=np.int64)
    if tokens is None:
        tokens = segment_texts(corpus["text"].tolist(), progress=progress)
    if title_tokens is None:
        titles = corpus["title"].fillna("").tolist() if "title" in corpus else [""] * n
        title_tokens = segment_texts(titles, progress=progress)
    try:
        xb, _ = vectorize(
            corpus,
            tokens=tokens,
            title_tokens=title_tokens,
            title_weight=title_weight,
            keep_numbers=True,
        )
    except ValueError:
        return pd.Series(np.arange(n), index=index, name="story", dtype=np.int64)
    xt = _title_matrix(corpus, title_tokens) if title_share > 0 else None
    if n == 1:
        labels = np.zeros(1, dtype=np.int64)
    elif n <= max_dense:
        sim = _blend_dense(xb, xt, neighbours, title_share, snn_share, neighbour_floor)
        labels = _average_link(sim, threshold)
    else:
        labels = _cluster_sparse(
            xb,
            xt,
            threshold,
            neighbours,
            title_share,
            snn_share,
            neighbour_floor,
            max_dense,
            progress,
            candidate_limit(n, candidate_max_df),
        )
    return pd.Series(_renumber(labels), index=index, name="story", dtype=np.int64)
