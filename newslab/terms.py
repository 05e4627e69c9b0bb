"""What each article, story and outlet is about, as terms a Vietnamese reader recognises.

After loading (`newslab.load_corpus`) and segmentation, `topic_terms` ranks terms per article
(TF-IDF) or per group of articles such as a story or an outlet (class-based TF-IDF),
`distinctive_terms` finds what sets one group apart from another (log-odds with an informative
Dirichlet prior), and `topics` finds topics with NMF. Terms keep names whole and are shown with
spaces and their natural capitalisation ("Ai Cập", "khủng bố").
"""

from __future__ import annotations

import hashlib
import warnings
from collections import Counter
from collections.abc import Hashable
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from newslab._term_display import display_form, is_junk
from newslab._term_tokens import TermDocs, extract_terms

_CACHE: dict[str, TermDocs] = {}
_CACHE_SIZE = 4


def _doc_texts(corpus: pd.DataFrame) -> list[str]:
    """Title and cleaned body of every article.

    Cleaning matters: captions, bylines and "Xem thêm" blocks would make outlet names and
    boilerplate look like topics. Tone marks are placed one way so spellings do not split, and
    names a tokenizer spaced (`Park Hang - seo`, `Su -57`, `Cư M’ gar`) are written whole.
    """
    from newslab import clean_text, normalize
    from newslab._spaced_names import join_spaced_names

    titles = corpus["title"].fillna("").astype(str) if "title" in corpus else [""] * len(corpus)
    texts = corpus["text"].fillna("").astype(str)
    # One tone-mark placement ("Khánh Hòa", never also "Khánh Hoà"): the one most papers use.
    return [
        normalize(
            join_spaced_names(f"{title}\n{clean_text(text, title=title or None)[0]}"),
            tone_style="old",
        )
        for title, text in zip(titles, texts, strict=True)
    ]


def _corpus_terms(corpus: pd.DataFrame, progress: bool = False) -> TermDocs:
    """Terms of every article (title + body), cached per corpus content within the process."""
    texts = _doc_texts(corpus)
    digest = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()
    if digest not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[digest] = extract_terms(texts, progress=progress)
    return _CACHE[digest]


def _as_corpus(corpus) -> pd.DataFrame:
    from newslab.corpus import as_corpus

    return as_corpus(corpus)


class _Matrix(NamedTuple):
    counts: sparse.csr_matrix  # documents x terms
    keys: list[str]
    display: list[str]


def _count_matrix(td: TermDocs) -> _Matrix:
    """Document-term counts over the terms that are worth showing."""
    keep: dict[str, int] = {}
    for doc in td.docs:
        for key in doc:
            if key not in keep:
                keep[key] = -1
    keys = sorted(k for k in keep if not is_junk(k, td.tags.get(k)))
    index = {k: i for i, k in enumerate(keys)}
    rows, cols, vals = [], [], []
    for r, doc in enumerate(td.docs):
        for key, c in Counter(k for k in doc if k in index).items():
            rows.append(r)
            cols.append(index[key])
            vals.append(c)
    counts = sparse.csr_matrix(
        (np.asarray(vals, dtype=float), (rows, cols)), shape=(len(td.docs), len(keys))
    )
    display = [display_form(k, td.surfaces) for k in keys]
    return _Matrix(counts, keys, display)


def _labels(corpus: pd.DataFrame, by: str | pd.Series) -> pd.Series:
    if isinstance(by, str):
        if by not in corpus.columns:
            raise ValueError(
                f"no column {by!r} in the corpus (columns: {', '.join(map(str, corpus.columns))}); "
                "pass a column name or a Series indexed by doc_id"
            )
        labels = corpus[by]
    elif isinstance(by, pd.Series):
        missing = corpus.index.difference(by.index)
        if len(missing) == len(corpus.index) and len(corpus):
            raise ValueError("`by` shares no index value with the corpus; index it by doc_id")
        labels = by.reindex(corpus.index)
    else:
        raise ValueError("`by` must be a column name or a pandas Series indexed by doc_id")
    n_missing = int(labels.isna().sum())
    if n_missing:
        warnings.warn(f"{n_missing} articles have no group label and are left out", stacklevel=3)
    return labels


def _top_per_row(
    scores: np.ndarray | sparse.spmatrix, groups: list[Hashable], display: list[str], n: int
) -> pd.DataFrame:
    """The `n` best positive scores of each row (sparse rows stay sparse: corpora can be big)."""
    scores = sparse.csr_matrix(scores)
    records = []
    for g, r in zip(groups, range(scores.shape[0]), strict=True):
        lo, hi = scores.indptr[r], scores.indptr[r + 1]
        cols, vals = scores.indices[lo:hi], scores.data[lo:hi]
        # Best score first; ties broken by term so the order never depends on hashing.
        order = sorted(
            (k for k in range(len(cols)) if vals[k] > 0), key=lambda k: (-vals[k], display[cols[k]])
        )[:n]
        for rank, k in enumerate(order, start=1):
            records.append((g, display[cols[k]], float(vals[k]), rank))
    return pd.DataFrame(records, columns=["group", "term", "score", "rank"])


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=True).fit_transform(counts)


def _ctfidf(class_counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Class-based TF-IDF: W(t,c) = tf(t,c) * log(1 + A / f(t)), tf L1-normalised per class."""
    counts = sparse.csr_matrix(class_counts, dtype=float)
    totals = np.asarray(counts.sum(axis=1)).ravel()
    inv_totals = np.divide(1.0, totals, out=np.zeros_like(totals), where=totals > 0)
    tf = sparse.diags(inv_totals) @ counts
    freq = np.asarray(counts.sum(axis=0)).ravel()
    avg_words = counts.sum() / max(counts.shape[0], 1)
    idf = np.log1p(np.divide(avg_words, freq, out=np.zeros_like(freq), where=freq > 0))
    return (tf @ sparse.diags(idf)).tocsr()


def _group_counts(
    m: _Matrix, labels: pd.Series
) -> tuple[list[Hashable], sparse.csr_matrix]:
    mask = labels.notna().to_numpy()
    values = labels[mask]
    groups = sorted(values.unique(), key=lambda g: (str(type(g)), g))
    index = {g: i for i, g in enumerate(groups)}
    rows = np.flatnonzero(mask)
    onehot = sparse.csr_matrix(
        (np.ones(len(rows)), ([index[g] for g in values], rows)), shape=(len(groups), m.counts.shape[0])
    )
    return groups, (onehot @ m.counts).tocsr()


def topic_terms(
    corpus, *, by: str | pd.Series | None = None, n: int = 10, progress: bool = False
) -> pd.DataFrame:
    """Top terms per article, or per group of articles (story, outlet).

    Args:
        corpus: A corpus DataFrame (index `doc_id`, columns `title`, `text`, ...) or a path.
        by: None for one group per article (TF-IDF over the corpus); a column name (e.g.
            `"source"`) or a Series indexed by `doc_id` (e.g. story labels) for class-based
            TF-IDF per group, as in BERTopic.
        n: Terms per group.
        progress: Show a progress bar while segmenting.

    Returns:
        DataFrame with columns `group` (doc_id or label), `term` (as a reader writes it: "Ai
        Cập"), `score`, `rank` (1 = best), sorted by group then rank. Groups are sorted.

    Example:
        >>> topic_terms("seeds", by="source", n=2).head(3).round(2)
             group      term  score  rank
        0      NDO  điện đàm   0.09     1
        1      NDO      Iran   0.07     2
        2  Reuters   Ukraine   0.13     1

    References:
        Grootendorst, M. (2022). BERTopic: Neural topic modeling with a class-based TF-IDF
        procedure. arXiv:2203.05794.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    corpus = _as_corpus(corpus)
    columns = ["group", "term", "score", "rank"]
    if corpus.empty:
        return pd.DataFrame(columns=columns)
    m = _count_matrix(_corpus_terms(corpus, progress))
    if not m.keys:
        return pd.DataFrame(columns=columns)
    if by is None:
        scores = _tfidf(m.counts).tocsr()
        order = np.argsort(np.asarray(corpus.index.astype(str)), kind="stable")
        groups = [corpus.index[i] for i in order]
        return _top_per_row(scores[order], groups, m.display, n)
    labels = _labels(corpus, by)
    groups, class_counts = _group_counts(m, labels)
    return _top_per_row(_ctfidf(class_counts), groups, m.display, n)


def distinctive_terms(
    corpus,
    by: str | pd.Series,
    a: Hashable,
    b: Hashable | None = None,
    *,
    n: int = 20,
    prior: float = 0.01,
    z_min: float = 1.96,
) -> pd.DataFrame:
    """Terms that set group `a` apart from group `b` (and the other way round).

    Log-odds ratio with an informative Dirichlet prior: the prior count of a term is its count
    in the whole corpus times `prior`, which shrinks the estimates of rare terms. Each term's
    log-odds difference is divided by its standard deviation to give a z-score; only terms with
    |z| > `z_min` (1.96: significant at 5%, two-sided) are returned.

    Args:
        corpus: A corpus DataFrame or a path.
        by: Column name or Series indexed by `doc_id` holding the group labels.
        a: The group to describe.
        b: The group to compare with; None for all other articles.
        n: At most this many terms for each side.
        prior: Scale of the prior: prior count of a term = `prior` x its count in the whole
            corpus (1.0 shrinks hard; the default 0.01 suits small groups).
        z_min: Significance cut-off on |z|.

    Returns:
        DataFrame with columns `group` (`a` or `b`, the side the term favours), `term`,
        `z`, `log_odds_ratio`, `count_a`, `count_b`, `rank`; `a`'s terms first (highest z
        first), then `b`'s (lowest z first). Empty when nothing is significant.

    Example:
        >>> distinctive_terms("seeds", "source", "vnexpress.net")  # doctest: +SKIP

    References:
        Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
        selection and evaluation for identifying the content of political conflict. Political
        Analysis, 16(4), 372-403.
    """
    corpus = _as_corpus(corpus)
    labels = _labels(corpus, by)
    present = set(labels.dropna().unique())
    for g in [a] if b is None else [a, b]:
        if g not in present:
            raise ValueError(
                f"no group {g!r} in `by`; groups are: {', '.join(map(str, sorted(present, key=str)))}"
            )
    columns = ["group", "term", "z", "log_odds_ratio", "count_a", "count_b", "rank"]
    m = _count_matrix(_corpus_terms(corpus))
    in_a = (labels == a).to_numpy()
    in_b = (labels != a).to_numpy() & labels.notna().to_numpy() if b is None else (labels == b).to_numpy()
    ya = np.asarray(m.counts[in_a].sum(axis=0)).ravel()
    yb = np.asarray(m.counts[in_b].sum(axis=0)).ravel()
    alpha = prior * np.asarray(m.counts.sum(axis=0)).ravel()
    keep = (ya + yb) > 0
    if not keep.any():
        return pd.DataFrame(columns=columns)
    na, nb, a0 = ya.sum(), yb.sum(), alpha.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((ya + alpha) / (na + a0 - ya - alpha)) - np.log(
            (yb + alpha) / (nb + a0 - yb - alpha)
        )
        z = delta / np.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
    label_b = "rest" if b is None else b
    frame = pd.DataFrame(
        {
            "term": m.display,
            "z": z,
            "log_odds_ratio": delta,
            "count_a": ya.astype(int),
            "count_b": yb.astype(int),
        }
    )[keep]
    frame = frame[np.isfinite(frame["z"]) & (frame["z"].abs() > z_min)]
    side_a = frame[frame["z"] > 0].sort_values(["z", "term"], ascending=[False, True]).head(n)
    side_b = frame[frame["z"] < 0].sort_values(["z", "term"], ascending=[True, True]).head(n)
    side_a = side_a.assign(group=a, rank=range(1, len(side_a) + 1))
    side_b = side_b.assign(group=label_b, rank=range(1, len(side_b) + 1))
    return pd.concat([side_a, side_b], ignore_index=True)[columns]


class Topics(NamedTuple):
    """NMF topics: top terms per topic and each article's weight on each topic."""

    terms: pd.DataFrame
    """Columns `topic`, `term`, `score`, `rank`."""
    weights: pd.DataFrame
    """Index `doc_id`, one column per topic (`0`, `1`, ...); rows sum to 1 where non-zero."""


def topics(corpus, n_topics: int, *, n_terms: int = 10, random_state: int = 0) -> Topics:
    """Find `n_topics` topics with non-negative matrix factorisation of the TF-IDF matrix.

    Args:
        corpus: A corpus DataFrame or a path.
        n_topics: Number of topics (at most the number of articles).
        n_terms: Top terms listed per topic.
        random_state: Seed; with NNDSVD initialisation the result is deterministic.

    Returns:
        A `Topics` named tuple: `terms` (columns `topic`, `term`, `score`, `rank`) and
        `weights` (index `doc_id`, one column per topic, each row normalised to sum 1).

    Example:
        >>> t = topics("seeds", 2)
        >>> t.weights.shape
        (5, 2)

    References:
        Lee, D. D., & Seung, H. S. (1999). Learning the parts of objects by non-negative matrix
        factorization. Nature, 401, 788-791.
    """
    from sklearn.decomposition import NMF

    corpus = _as_corpus(corpus)
    if n_topics < 1:
        raise ValueError(f"n_topics must be at least 1, got {n_topics}")
    if n_topics > len(corpus):
        raise ValueError(f"n_topics={n_topics} is more than the {len(corpus)} articles")
    m = _count_matrix(_corpus_terms(corpus))
    if not m.keys:
        raise ValueError("the corpus has no terms to model")
    x = _tfidf(m.counts)
    model = NMF(n_components=n_topics, init="nndsvd", random_state=random_state, max_iter=500)
    w = model.fit_transform(x)
    h = model.components_
    terms = _top_per_row(h, list(range(n_topics)), m.display, n_terms).rename(
        columns={"group": "topic"}
    )
    totals = w.sum(axis=1, keepdims=True)
    w = np.divide(w, totals, out=np.zeros_like(w), where=totals > 0)
    weights = pd.DataFrame(w, index=corpus.index, columns=list(range(n_topics)))
    return Topics(terms=terms, weights=weights)
