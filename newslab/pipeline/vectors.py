"""Per-partition word vectors for story clustering: segmentation, counts, TF-IDF rows.

Runs on the workers. `segment_part` segments bodies and titles (the expensive step, cached on
disk by `newslab.segment_many`) and keeps compact per-partition count matrices over the
partition's own vocabulary; once the corpus vocabulary is merged (`newslab.pipeline.idf`),
`tfidf_part` maps them onto it and builds the TF-IDF rows `newslab.vectorize` would build.
"""

from __future__ import annotations

import inspect
from collections import Counter

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from newslab.vectorize import clean_tokens

#: Title words count this many more times in the body vector (as in `cluster_stories`).
TITLE_WEIGHT = 2


def segment(texts: list[str], cache_dir) -> list[list[str]]:
    """`newslab.segment_many` in this process (workers must not fork pools of their own)."""
    from newslab import segment_many

    params = inspect.signature(segment_many).parameters
    kwargs = {}
    if "n_jobs" in params:
        kwargs["n_jobs"] = 1
    if "progress" in params:
        kwargs["progress"] = False
    if "cache_dir" in params:
        kwargs["cache_dir"] = cache_dir
    return segment_many(texts, **kwargs)


def _counts(docs: list[list[str]]) -> dict:
    """Local vocabulary (sorted) and a CSR count matrix over it."""
    vocab = sorted({w for d in docs for w in d})
    index = {w: i for i, w in enumerate(vocab)}
    indptr = [0]
    cols: list[int] = []
    vals: list[int] = []
    for d in docs:
        c = Counter(index[w] for w in d)
        for j in sorted(c):
            cols.append(j)
            vals.append(c[j])
        indptr.append(len(cols))
    matrix = sp.csr_matrix(
        (np.asarray(vals, dtype=np.float32), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
        shape=(len(docs), len(vocab)),
    )
    df = np.bincount(matrix.indices, minlength=len(vocab)).astype(np.int64)
    return {"terms": np.array(vocab, dtype=object), "counts": matrix, "df": df}


def segment_part(frame: pd.DataFrame, cache_dir) -> dict:
    """Segment one partition and count its words (body with title twice, and title alone).

    Returns:
        `{"tokens", "title_tokens", "body": {terms, counts, df}, "title": {...}}`; tokens are
        kept for the exact small-corpus path.
    """
    texts = [t if isinstance(t, str) else "" for t in frame["text"].tolist()]
    titles = frame["title"].fillna("").tolist() if "title" in frame else [""] * len(frame)
    titles = [t if isinstance(t, str) else "" for t in titles]
    tokens = segment(texts, cache_dir)
    title_tokens = segment(titles, cache_dir)
    body_docs = []
    title_docs = []
    for body, title in zip(tokens, title_tokens, strict=True):
        words = clean_tokens(body, keep_numbers=True)
        title_words = clean_tokens(title, keep_numbers=True)
        body_docs.append(words + title_words * TITLE_WEIGHT)
        title_docs.append(title_words)
    return {
        "tokens": tokens,
        "title_tokens": title_tokens,
        "body": _counts(body_docs),
        "title": _counts(title_docs),
    }


def vocab_df(seg: dict, which: str) -> tuple[np.ndarray, np.ndarray]:
    """`(terms, df)` of one partition's body or title vocabulary."""
    return seg[which]["terms"], seg[which]["df"]


def tfidf_part(seg: dict, which: str, vocab: np.ndarray, idf: np.ndarray) -> sp.csr_matrix:
    """L2-normalised sublinear TF-IDF rows of one partition over the corpus vocabulary.

    Args:
        seg: Output of `segment_part`.
        which: `"body"` or `"title"`.
        vocab: The corpus vocabulary, sorted (object array).
        idf: IDF of each vocabulary term (`idf.idf_vector`).

    Returns:
        A float32 CSR matrix, one row per article, columns in `vocab` order.
    """
    local = seg[which]
    cols = np.searchsorted(vocab, local["terms"]) if len(local["terms"]) else np.empty(0, np.int64)
    counts = local["counts"]
    x = sp.csr_matrix(
        (counts.data.copy(), cols[counts.indices], counts.indptr.copy()),
        shape=(counts.shape[0], len(vocab)),
    )
    x.sort_indices()
    np.log(x.data, x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    return normalize(x, norm="l2", copy=False)
