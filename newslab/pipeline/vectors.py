"""Per-partition word vectors for story clustering: segmentation, counts, TF-IDF rows.

Runs on the workers. `segment_part` segments bodies and titles (the expensive step, cached on
disk by `newslab.segment_many`) and keeps compact per-partition count matrices over the
partition's own vocabulary; once the corpus vocabulary is merged (`newslab.pipeline.idf`),
`tfidf_part` maps them onto it and builds the TF-IDF rows `newslab.vectorize` would build.
"""

from __future__ import annotations

import inspect
from itertools import chain

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from newslab.vectorize import clean_tokens


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


def _counts(docs: list[list[str]], vocab: list[str], dtype=np.float32) -> sp.csr_matrix:
    """CSR count matrix of `docs` over `vocab` (sorted; every word of `docs` in it)."""
    index = {w: i for i, w in enumerate(vocab)}
    lengths = [len(d) for d in docs]
    cols = np.array(list(map(index.__getitem__, chain.from_iterable(docs))), dtype=np.int64)
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    x = sp.csr_matrix((np.ones(len(cols), dtype=dtype), (rows, cols)),
                      shape=(len(docs), len(vocab)))
    x.sum_duplicates()  # counts, columns sorted within each row
    return x


class LineSegmenter:
    """Segment texts line by line, each distinct line once, and remember the lines.

    `newslab.segment` splits sentences at line breaks, so the words of a text are those of its
    lines put end to end. Segmenting lines lets one partition's stages share the work: the
    cleaned, tone-normalised lines that term extraction segments are mostly lines of the raw
    bodies segmented for stories. Each `add` is one block on disk (one cache entry for all
    its lines, keyed by their text and the segmentation version), so a rerun on the same
    partition reads one entry instead of segmenting.
    """

    def __init__(self, cache_dir) -> None:
        self.cache_dir = cache_dir
        self.lines: dict[str, list[str]] = {}

    def add(self, lines: list[str]) -> None:
        """Segment the lines not seen yet, all in one block."""
        todo = list(dict.fromkeys(line for line in lines if line not in self.lines))
        if todo:
            self.lines.update(zip(todo, _segment_block(todo, self.cache_dir), strict=True))

    def lines_of(self, lines: list[str], progress: bool = False) -> list[list[str]]:
        """Words of each line (the term extractor's segmenter interface)."""
        self.add(lines)
        return [self.lines[line] for line in lines]

    def texts(self, texts: list[str]) -> list[list[str]]:
        """Words of each text, as `newslab.segment_many` returns them."""
        split = [t.split("\n") for t in texts]
        self.add([line for lines in split for line in lines])
        return [[w for line in lines for w in self.lines[line]] for lines in split]


def _segment_block(lines: list[str], cache_dir) -> list[list[str]]:
    """`segment` of each line (no line breaks inside), cached as one block."""
    if cache_dir is False:
        return segment(lines, False)
    from newslab._cache import TextCache, default_cache_dir
    from newslab.segmentation import _versions

    cache = TextCache(cache_dir if cache_dir is not None else default_cache_dir(),
                      "segment-block", _versions())
    block = "\n".join(lines)
    found = cache.get_many([block])[0]
    if found is None or len(found) != len(lines):
        found = segment(lines, False)
        cache.put_many([block], [found])
    return found


def segment_part(frame: pd.DataFrame, cache_dir, keep_tokens: bool = True,
                 extract_terms: bool = False) -> dict:
    """Segment one partition and count its words, bodies and titles apart.

    With `extract_terms`, also extract the partition's topic-term candidates from the same
    segmentation (`newslab.pipeline.terms.extract_part`), so no line is segmented twice.
    The result is kept in `cache_dir` (`newslab.pipeline.part_cache`; False: not kept), so a
    rerun on the same partition reads it back.

    Returns:
        `{"tokens", "title_tokens", "terms", "body", "title", "term_docs"}`: the tokens (for
        the exact small-corpus path; None unless `keep_tokens`), the partition's vocabulary
        (sorted) and CSR counts of the cleaned words (`newslab.vectorize.clean_tokens`, numbers
        kept) of bodies and of titles over it, and the term candidates (None unless
        `extract_terms`).
    """
    from newslab.pipeline.part_cache import cached, partition_key

    key = partition_key(frame, ("title", "text"), keep_tokens, extract_terms)
    return cached(cache_dir, "segment_part", key,
                  lambda: _segment_part(frame, cache_dir, keep_tokens, extract_terms))


def _segment_part(frame: pd.DataFrame, cache_dir, keep_tokens: bool, extract_terms: bool) -> dict:
    texts = [t if isinstance(t, str) else "" for t in frame["text"].tolist()]
    titles = frame["title"].fillna("").tolist() if "title" in frame else [""] * len(frame)
    titles = [t if isinstance(t, str) else "" for t in titles]
    segmenter = LineSegmenter(cache_dir)
    term_texts = None
    lines = [line for t in (*texts, *titles) for line in t.split("\n")]
    if extract_terms:
        from newslab.terms import _doc_texts

        term_texts = _doc_texts(frame)
        lines += [line for t in term_texts for line in t.split("\n") if line.strip()]
    segmenter.add(lines)  # one block: one cache entry, one pass of the model
    tokens = segmenter.texts(texts)
    title_tokens = segmenter.texts(titles)
    term_docs = None
    if extract_terms:
        from newslab.pipeline.terms import extract_part

        term_docs = extract_part(frame, cache_dir, segmenter=segmenter, texts=term_texts)
    del segmenter
    body_docs = [clean_tokens(t, keep_numbers=True) for t in tokens]
    title_docs = [clean_tokens(t, keep_numbers=True) for t in title_tokens]
    vocab = sorted({w for d in body_docs for w in d} | {w for d in title_docs for w in d})
    return {
        "tokens": tokens if keep_tokens else None,
        "title_tokens": title_tokens if keep_tokens else None,
        "has_title_tokens": any(len(t) for t in title_tokens),
        "terms": np.array(vocab, dtype=object),
        "body": _counts(body_docs, vocab),
        "title": _counts(title_docs, vocab),
        "term_docs": term_docs,
    }


def counts(seg: dict, which: str, title_weight: int) -> sp.csr_matrix:
    """Counts of the body vector (body words plus `title_weight` times the title's) or titles."""
    if which == "title":
        return seg["title"]
    return (seg["body"] + seg["title"] * title_weight).tocsr() if title_weight else seg["body"]


def vocab_df(seg: dict, which: str, title_weight: int) -> tuple[np.ndarray, np.ndarray]:
    """`(terms, df)` of one partition's body-vector or title vocabulary (terms with df > 0)."""
    x = counts(seg, which, title_weight)
    x.eliminate_zeros()
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.int64)
    keep = df > 0
    return seg["terms"][keep], df[keep]


def tfidf_part(seg: dict, which: str, title_weight: int, vocab: np.ndarray,
               idf: np.ndarray) -> sp.csr_matrix:
    """L2-normalised sublinear TF-IDF rows of one partition over the corpus vocabulary.

    Args:
        seg: Output of `segment_part`.
        which: `"body"` or `"title"`.
        title_weight: Extra times title words count in the body vector.
        vocab: The corpus vocabulary, sorted (object array).
        idf: IDF of each vocabulary term (`idf.idf_vector`).

    Returns:
        A float32 CSR matrix, one row per article, columns in `vocab` order.
    """
    local = counts(seg, which, title_weight).copy()
    local.eliminate_zeros()
    terms = seg["terms"]
    cols = np.searchsorted(vocab, terms) if len(terms) else np.empty(0, np.int64)
    x = sp.csr_matrix(
        (local.data.astype(np.float32), cols[local.indices], local.indptr.copy()),
        shape=(local.shape[0], len(vocab)),
    )
    x.sort_indices()
    np.log(x.data, x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    return normalize(x, norm="l2", copy=False)
