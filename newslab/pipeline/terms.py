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
    """
    from newslab._term_tokens import extract_terms
    from newslab.terms import _doc_texts

    texts = _doc_texts(frame) if texts is None else texts
    if segmenter is None:
        segmenter = vectors.LineSegmenter(cache_dir)
        segmenter.add([line for t in texts for line in t.split("\n") if line.strip()])
    td = extract_terms(texts, segmenter=segmenter.lines_of)
    return {"docs": td.docs, "surfaces": td.surfaces, "tags": td.tags}


def split_stats(td: dict, *, n_buckets: int) -> list[dict]:
    """Per-term statistics of a partition (`df`, `count`, `tags`, `surfaces`) split by term."""
    df: Counter = Counter()
    count: Counter = Counter()
    for doc in td["docs"]:
        count.update(doc)
        df.update(set(doc))
    out: list[dict] = [{} for _ in range(n_buckets)]
    for key in count:
        out[zlib.crc32(key.encode("utf-8")) % n_buckets][key] = (
            df[key], count[key], td["tags"].get(key), td["surfaces"].get(key)
        )
    return out


def merge_stats(*pieces: dict) -> pd.DataFrame:
    """Merged statistics of one bucket's terms; junk dropped, display form chosen."""
    from newslab._term_display import display_form, is_junk

    df: Counter = Counter()
    count: Counter = Counter()
    tags: defaultdict[str, Counter] = defaultdict(Counter)
    surfaces: defaultdict[str, Counter] = defaultdict(Counter)
    for piece in pieces:
        for key, (d, c, t, s) in piece.items():
            df[key] += d
            count[key] += c
            if t:
                tags[key].update(t)
            if s:
                surfaces[key].update(s)
    keys = sorted(k for k in df if not is_junk(k, tags.get(k)))
    return pd.DataFrame({
        "key": pd.Series(keys, dtype=object),
        "display": pd.Series([display_form(k, surfaces) for k in keys], dtype=object),
        "df": np.array([df[k] for k in keys], dtype=np.int64),
        "count": np.array([count[k] for k in keys], dtype=np.int64),
    })


# The vocabulary's key -> column map, built once per worker process: the broadcast vocabulary
# is one object on each worker, shared by all its partitions' tasks.
_INDEX: list = [None, None]


def _index_of(vocab: pd.DataFrame) -> dict[str, int]:
    if _INDEX[0] is not vocab:
        keys = vocab["key"].to_numpy(dtype=object)
        _INDEX[:] = [vocab, {k: i for i, k in enumerate(keys.tolist())}]
    return _INDEX[1]


def counts_part(td: dict, vocab: pd.DataFrame) -> sp.csr_matrix:
    """Term counts of one partition's articles over the merged vocabulary (one row each)."""
    return _counts(td, _index_of(vocab))


def _counts(td: dict, index: dict[str, int]) -> sp.csr_matrix:
    get = index.get
    lengths = [len(doc) for doc in td["docs"]]
    cols = np.fromiter((get(k, -1) for doc in td["docs"] for k in doc), dtype=np.int64,
                       count=sum(lengths))
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    known = cols >= 0
    x = sp.csr_matrix((np.ones(int(known.sum())), (rows[known], cols[known])),
                      shape=(len(td["docs"]), len(index)))
    x.sum_duplicates()
    return x


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
