"""Topic terms on the cluster: terms per partition, vocabulary merged by a shuffle.

Each partition extracts its articles' terms with the in-memory extractor
(`newslab._term_tokens.extract_terms` on `newslab.terms._doc_texts`). Term statistics that
decide what is shown (POS tag counts for junk filtering, surface forms for display, document
and corpus frequencies) are merged per term in hash buckets; the merged vocabulary comes back
to the client and is broadcast. Per-article TF-IDF terms are then ranked where the articles
live, per-story class-based TF-IDF terms in a shuffle by story.

Term extraction learns name statistics from the texts it sees; here it sees one partition at a
time, so on a corpus split into several partitions a few names may be cut differently than
by `newslab.topic_terms` on the whole corpus. With one partition the results are the same.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from newslab.pipeline import vectors

COLUMNS = ["group", "term", "score", "rank"]


def extract_part(frame: pd.DataFrame, cache_dir, segmenter=None, texts=None) -> dict:
    """Terms of one partition's articles (title + cleaned body), as `topic_terms` extracts them.

    `segmenter` is a `newslab.pipeline.vectors.LineSegmenter` that may already hold the
    partition's segmented lines (None: a new one); `texts` the articles' texts as
    `newslab.terms._doc_texts` makes them, if already made.

    Returns:
        The partition's term table (`compact`). Kept in `cache_dir` when computed from the
        frame alone (`newslab.pipeline.part_cache`; False: not kept).
    """
    if segmenter is None and texts is None:
        from newslab.pipeline.part_cache import cached, partition_key

        key = partition_key(frame, ("title", "text"))
        return cached(cache_dir, "extract_part", key,
                      lambda: _extract_part(frame, cache_dir, None, None))
    return _extract_part(frame, cache_dir, segmenter, texts)


def _extract_part(frame: pd.DataFrame, cache_dir, segmenter, texts) -> dict:
    from newslab._term_tokens import extract_terms
    from newslab.terms import _doc_texts

    texts = _doc_texts(frame) if texts is None else texts
    if segmenter is None:
        segmenter = vectors.LineSegmenter(cache_dir)
        segmenter.add([line for t in texts for line in t.split("\n") if line.strip()])
    return compact(extract_terms(texts, segmenter=segmenter.lines_of))


def compact(td) -> dict:
    """A partition's terms as arrays: what the workers keep between stages.

    A `TermDocs` holds a list of keys per article and a `Counter` of tags and of surface
    forms per key: tens of MB of small Python objects per 2,000 articles, which on 150k
    articles pushed the workers towards spilling. The table holds the same numbers:

    - `keys`: the partition's distinct term keys, sorted;
    - `counts`: CSR (articles x keys) of how often each article has each key;
    - `tags` / `surfaces`: `(key, tag or surface form, count)` rows of the keys in `keys`.

    Example:
        >>> from collections import Counter, defaultdict
        >>> from newslab._term_tokens import TermDocs
        >>> t = compact(TermDocs([["^hà_nội", "mưa", "mưa"]], {"^hà_nội": Counter({"Hà Nội": 1})}))
        >>> t["keys"].tolist(), t["counts"].toarray().tolist()
        (['^hà_nội', 'mưa'], [[1.0, 2.0]])
    """
    keys = sorted(dict.fromkeys(k for doc in td.docs for k in doc))
    known = set(keys)
    return {"keys": np.array(keys, dtype=object),
            "counts": vectors._counts(td.docs, keys, dtype=np.float64),
            "tags": _rows(td.tags, known), "surfaces": _rows(td.surfaces, known)}


def _rows(per_key: dict[str, Counter], known: set[str]) -> pd.DataFrame:
    """`(key, value, count)` rows of the keys in `known`."""
    rows = [(k, v, c) for k, counter in per_key.items() if k in known
            for v, c in counter.items()]
    return pd.DataFrame({"key": pd.Series([r[0] for r in rows], dtype=object),
                         "value": pd.Series([r[1] for r in rows], dtype=object),
                         "count": np.array([r[2] for r in rows], dtype=np.int64)})


def _bucket(keys: np.ndarray, n_buckets: int) -> np.ndarray:
    return np.fromiter((zlib.crc32(k.encode("utf-8")) % n_buckets for k in keys.tolist()),
                       dtype=np.int64, count=len(keys))


def split_stats(table: dict, *, n_buckets: int) -> list[dict]:
    """Per-term statistics of a partition (`df`, `count`, tag and surface rows) split by term."""
    x = table["counts"]
    keys = table["keys"]
    df = np.bincount(x.indices, minlength=len(keys)).astype(np.int64)
    count = np.asarray(x.sum(axis=0)).ravel().astype(np.int64)
    bucket = _bucket(keys, n_buckets)
    key_bucket = pd.Series(bucket, index=keys) if len(keys) else pd.Series(dtype=np.int64)
    tag_b = key_bucket.reindex(table["tags"]["key"]).to_numpy()
    surf_b = key_bucket.reindex(table["surfaces"]["key"]).to_numpy()
    return [{"keys": keys[bucket == j], "df": df[bucket == j], "count": count[bucket == j],
             "tags": table["tags"][tag_b == j], "surfaces": table["surfaces"][surf_b == j]}
            for j in range(n_buckets)]


def _per_key(rows: pd.DataFrame) -> dict[str, dict[str, int]]:
    """`{key: {value: count}}` from `(key, value, count)` rows, counts summed."""
    out: defaultdict[str, dict[str, int]] = defaultdict(dict)
    if len(rows):
        for (key, value), n in rows.groupby(["key", "value"], sort=False)["count"].sum().items():
            out[key][value] = int(n)
    return out


def merge_stats(*pieces: dict) -> pd.DataFrame:
    """Merged statistics of one bucket's terms; junk dropped, display form chosen.

    Junk and display forms are decided by `newslab._term_display`, as `newslab.terms` does.
    """
    from newslab._term_display import display_form, is_junk

    stats = pd.DataFrame({
        "key": pd.Series(np.concatenate([p["keys"] for p in pieces]) if pieces else [],
                         dtype=object),
        "df": np.concatenate([p["df"] for p in pieces]) if pieces else np.empty(0, np.int64),
        "count": (np.concatenate([p["count"] for p in pieces]) if pieces
                  else np.empty(0, np.int64)),
    })
    stats = stats.groupby("key", sort=False)[["df", "count"]].sum()
    tags = _per_key(pd.concat([p["tags"] for p in pieces]) if pieces else pd.DataFrame())
    surfaces = _per_key(pd.concat([p["surfaces"] for p in pieces]) if pieces else pd.DataFrame())
    keys = sorted(k for k in stats.index.tolist() if not is_junk(k, tags.get(k)))
    stats = stats.reindex(keys)
    return pd.DataFrame({
        "key": pd.Series(keys, dtype=object),
        "display": pd.Series([display_form(k, surfaces) for k in keys], dtype=object),
        "df": stats["df"].to_numpy(dtype=np.int64),
        "count": stats["count"].to_numpy(dtype=np.int64),
    })


def counts_part(table: dict, vocab: pd.DataFrame) -> sp.csr_matrix:
    """Term counts of one partition's articles over the merged vocabulary (one row each).

    `vocab` is sorted by `key`; keys it does not hold (junk) are dropped.
    """
    x = table["counts"]
    vkeys = vocab["key"].to_numpy(dtype=object)
    keys = table["keys"]
    at = np.searchsorted(vkeys, keys) if len(keys) else np.empty(0, np.int64)
    found = at < len(vkeys)
    found[found] = vkeys[at[found]] == keys[found]
    col = np.where(found, at, -1)
    new = col[x.indices]
    keep = new >= 0
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[keep], minlength=x.shape[0]))])
    out = sp.csr_matrix((x.data[keep], new[keep], indptr), shape=(x.shape[0], len(vkeys)))
    out.sort_indices()
    return out


def _top(groups, rows: sp.csr_matrix, display: np.ndarray, n: int) -> list[tuple]:
    """Top `n` positive entries of each row: highest value first, ties by display form."""
    rank = np.empty(len(display), dtype=np.int64)
    rank[np.argsort(display, kind="stable")] = np.arange(len(display))
    records = []
    for g, i in zip(groups, range(rows.shape[0]), strict=True):
        lo, hi = rows.indptr[i], rows.indptr[i + 1]
        cols, vals = rows.indices[lo:hi], rows.data[lo:hi]
        positive = vals > 0
        cols, vals = cols[positive], vals[positive]
        pick = np.lexsort((rank[cols], -vals))[:n]
        for r, j in enumerate(pick, start=1):
            records.append((g, display[cols[j]], float(vals[j]), r))
    return records


def article_terms(counts: sp.csr_matrix, frame: pd.DataFrame, vocab: pd.DataFrame,
                  idf: np.ndarray, n: int) -> pd.DataFrame:
    """Top `n` TF-IDF terms of each article of a partition (as `topic_terms(corpus)`).

    `counts` is the partition's `counts_part`.
    """
    x = counts.copy()
    np.log(x.data, x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    x = normalize(x, norm="l2", copy=False)
    ids = np.asarray(frame.index.astype(str))
    order = np.argsort(ids, kind="stable")
    records = _top(ids[order].tolist(), x[order], vocab["display"].to_numpy(dtype=object), n)
    return pd.DataFrame(records, columns=COLUMNS)


def split_story_counts(x: sp.csr_matrix, labels: np.ndarray, *,
                       n_buckets: int) -> list[tuple]:
    """Term counts per story of one partition (`x`: its `counts_part`), split by story."""
    stories, inverse = np.unique(labels, return_inverse=True)
    onehot = sp.csr_matrix((np.ones(len(labels)), (inverse, np.arange(len(labels)))),
                           shape=(len(stories), len(labels)))
    per_story = (onehot @ x).tocoo()
    s, c, v = stories[per_story.row], per_story.col.astype(np.int64), per_story.data
    bucket = s % n_buckets
    return [(s[bucket == j], c[bucket == j], v[bucket == j]) for j in range(n_buckets)]


def story_terms(*pieces, vocab: pd.DataFrame, n_classes: int, n: int) -> pd.DataFrame:
    """Class-based TF-IDF top terms of one bucket's stories (as `topic_terms(corpus, by=...)`)."""
    s = np.concatenate([p[0] for p in pieces])
    c = np.concatenate([p[1] for p in pieces])
    v = np.concatenate([p[2] for p in pieces])
    if len(s) == 0:
        return pd.DataFrame(columns=COLUMNS)
    stories, row = np.unique(s, return_inverse=True)
    counts = sp.csr_matrix((v, (row, c)), shape=(len(stories), len(vocab)))
    counts.sum_duplicates()
    freq = vocab["count"].to_numpy(dtype=float)
    avg_words = freq.sum() / max(n_classes, 1)
    totals = np.asarray(counts.sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        idf = np.log1p(np.divide(avg_words, freq, out=np.zeros_like(freq), where=freq > 0))
    tf = counts.copy()
    tf.data = np.divide(counts.data, np.repeat(totals, np.diff(counts.indptr)))
    tf.data *= idf[tf.indices]
    records = _top(stories.tolist(), tf, vocab["display"].to_numpy(dtype=object), n)
    return pd.DataFrame(records, columns=COLUMNS)
