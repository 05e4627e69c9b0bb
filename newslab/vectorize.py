"""TF-IDF vectors over segmented Vietnamese words, and cosine similarity for small corpora.

`vectorize` is the bag-of-words view that story clustering and the similarity heatmap use:
`newslab.segment_many` words (so `Hà_Nội` is one term), lowercase, punctuation- and
number-only tokens dropped, sublinear tf. Duplicate detection does not use it (see
`newslab.duplicates`, which needs no segmentation).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

_LETTER = re.compile(r"[^\W\d_]")
_NUMBER_OR_LETTER = re.compile(r"[^\W_]")

#: `similarity` refuses corpora larger than this: an N x N table is for small corpora.
MAX_DENSE = 5000


def _identity(tokens):
    return tokens


def segment_texts(texts: Sequence[str], *, progress: bool = False) -> list[list[str]]:
    """Segment texts with `newslab.segment_many`, passing `progress` when it accepts it."""
    from newslab import segment_many

    texts = [t if isinstance(t, str) else "" for t in texts]
    params = inspect.signature(segment_many).parameters
    kwargs = {"progress": progress} if "progress" in params else {}
    return segment_many(texts, **kwargs)


def clean_tokens(
    words: Sequence[str], *, keep_numbers: bool = False, stop: frozenset[str] | None = None
) -> list[str]:
    """Lowercase words, dropping punctuation-only tokens, number-only tokens and stopwords.

    Args:
        words: Segmented words (syllables joined by `_`).
        keep_numbers: Keep tokens with digits but no letter (`30/12`, `2016`).
        stop: Lowercase words to drop.

    Returns:
        The kept words, lowercase.

    Example:
        >>> clean_tokens(["Hà_Nội", ",", "30/12", "đẹp"])
        ['hà_nội', 'đẹp']
    """
    return _cleaner(keep_numbers, stop)(words)


def _cleaner(keep_numbers: bool, stop: frozenset[str] | None):
    """A `clean_tokens` with a per-word cache (news reuses a few tens of thousands of words)."""
    keep = _NUMBER_OR_LETTER if keep_numbers else _LETTER
    cache: dict[str, str] = {}

    def clean(words: Sequence[str]) -> list[str]:
        got = list(map(cache.get, words))
        if None in got:
            for i, word in enumerate(words):
                if got[i] is None:
                    low = word.lower() if keep.search(word) else ""
                    if stop is not None and low in stop:
                        low = ""
                    got[i] = cache[word] = low
        return [low for low in got if low]

    return clean


def vectorize(
    corpus,
    *,
    tokens: Sequence[Sequence[str]] | None = None,
    title_tokens: Sequence[Sequence[str]] | None = None,
    title_weight: int = 0,
    stopwords: bool = False,
    keep_numbers: bool = False,
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    progress: bool = False,
) -> tuple[sp.csr_matrix, TfidfVectorizer]:
    """TF-IDF matrix of a corpus over segmented words.

    Args:
        corpus: A corpus DataFrame (index `doc_id`, columns `text`, `title`) or a path.
        tokens: Segmented body of each article, if already computed (else `segment_many`).
        title_tokens: Segmented titles, if already computed and `title_weight > 0`.
        title_weight: Count the title's words this many more times (0 ignores titles).
        stopwords: Drop `newslab.stopwords()`.
        keep_numbers: Keep number-only tokens such as dates.
        min_df: Passed to `TfidfVectorizer`.
        max_df: Passed to `TfidfVectorizer`.
        progress: Show segmentation progress.

    Returns:
        `(matrix, vectorizer)`: an L2-normalised CSR matrix (one row per article, in corpus
        order) and the fitted `TfidfVectorizer` (its `get_feature_names_out()` are the words).

    Example:
        >>> import pandas as pd
        >>> corpus = pd.DataFrame({"text": ["Hà Nội mưa to.", "Hà Nội nắng."]},
        ...                       index=pd.Index(["a", "b"], name="doc_id"))
        >>> x, vec = vectorize(corpus)
        >>> x.shape[0], "hà_nội" in vec.vocabulary_
        (2, True)
    """
    from newslab.corpus import as_corpus

    corpus = as_corpus(corpus)
    if tokens is None:
        tokens = segment_texts(corpus["text"].tolist(), progress=progress)
    if len(tokens) != len(corpus):
        raise ValueError(f"tokens has {len(tokens)} entries for {len(corpus)} articles")
    stop = None
    if stopwords:
        from newslab import stopwords as _stopwords

        stop = _stopwords()
    clean = _cleaner(keep_numbers, stop)
    docs = [clean(t) for t in tokens]
    if title_weight > 0:
        if title_tokens is None:
            title_tokens = segment_texts(corpus["title"].fillna("").tolist())
        for doc, title in zip(docs, title_tokens, strict=True):
            doc.extend(clean(title) * title_weight)
    vectorizer = TfidfVectorizer(
        analyzer=_identity, sublinear_tf=True, min_df=min_df, max_df=max_df, dtype=np.float32
    )
    if not any(docs):
        raise ValueError("no words to vectorize: every article is empty")
    matrix = vectorizer.fit_transform(docs).tocsr()
    return matrix, vectorizer


def similarity(corpus, **options) -> pd.DataFrame:
    """Cosine similarity of every pair of articles, for small corpora.

    Args:
        corpus: A corpus DataFrame or a path (at most `MAX_DENSE` articles).
        **options: Passed to `vectorize`.

    Returns:
        A square DataFrame indexed and labelled by `doc_id`, values in [0, 1], 1 on the diagonal
        for non-empty articles.

    Example:
        >>> sim = similarity("seeds")
        >>> round(float(sim.loc["000_520658d4c20afb8a", "001_144e3ac11ccbbacf"]), 2)
        0.38
    """
    from newslab.corpus import as_corpus

    corpus = as_corpus(corpus)
    if len(corpus) > MAX_DENSE:
        raise ValueError(
            f"similarity builds an N x N table; {len(corpus)} articles is more than {MAX_DENSE}. "
            "Use find_duplicates or cluster_stories, which stay sparse."
        )
    matrix, _ = vectorize(corpus, **options)
    sim = np.clip((matrix @ matrix.T).toarray(), 0.0, 1.0)
    index = pd.Index(corpus.index.astype(str), name="doc_id")
    return pd.DataFrame(sim, index=index, columns=index.rename(None))
