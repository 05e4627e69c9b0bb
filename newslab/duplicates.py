"""Find articles that are the same article republished: exact, near and contained copies.

Works on normalised syllable shingles (`newslab.shingles`), not on words, so no segmentation is
needed. Candidates come from a sparse document x sampled-shingle matrix (content-defined
sampling keeps one shingle in `sample`, the same ones in every article, so the share of sampled
shingles two articles have in common estimates their containment); its product with itself is
computed in row blocks, so time and memory grow about linearly with the corpus. Every candidate
is then checked exactly on the full shingle sets.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from tqdm import tqdm

from newslab.shingles import containment, shingled_many, sorted_unique

logger = logging.getLogger(__name__)

#: Default containment threshold. On vims-dev (653 articles, 100 stories) the containment of
#: pairs of different articles on the same story is spread from 0 to 0.8 and thins out just
#: below 0.8, while copies made with light edits (header, footer, captions, byline, Unicode form,
#: tone style, date separators, trimmed to 60 % or more) stay above 0.9. See docs/duplicates.md.
DEFAULT_THRESHOLD = 0.8

#: Jaccard resemblance from which a non-exact pair is "near" rather than "contained".
NEAR_JACCARD = 0.8

COLUMNS = ["doc_a", "doc_b", "similarity", "containment", "kind"]


def fingerprints(
    texts: Sequence[str], *, k: int = 5, progress: bool = False
) -> tuple[list[np.ndarray], np.ndarray]:
    """Shingle sets and whole-text hashes for many texts.

    Args:
        texts: Article bodies.
        k: Shingle length in syllables.
        progress: Show a tqdm bar.

    Returns:
        `(sets, exact)`: the sorted distinct shingle hashes of each text, and one uint64 hash of
        each text's full canonical syllable sequence (equal for texts equal after normalisation).

    Example:
        >>> sets, exact = fingerprints(["Hoà bình.", "HÒA BÌNH"])
        >>> bool(exact[0] == exact[1])
        True
    """
    sets: list[np.ndarray] = []
    exact = np.zeros(len(texts), dtype=np.uint64)
    bar = tqdm(texts, desc="shingles", unit="doc", disable=not progress)
    for i, (ids, shingles) in enumerate(shingled_many(bar, k=k)):
        sets.append(sorted_unique(shingles))
        if len(ids):
            exact[i] = int.from_bytes(hashlib.blake2b(ids.tobytes(), digest_size=8).digest())
    return sets, exact


def _candidate_pairs(
    sets: list[np.ndarray],
    rows: np.ndarray,
    *,
    sample: int,
    min_shared: int,
    min_estimate: float,
    max_df: int,
    block: int = 4096,
    progress: bool = False,
) -> np.ndarray:
    """Pairs (i, j), i < j, of `rows` whose sampled shingles overlap enough; shape (n, 2)."""
    mask = np.uint64(sample - 1)
    sampled = [s[(s & mask) == 0] for s in (sets[r] for r in rows)]
    counts = np.array([len(s) for s in sampled], dtype=np.int64)
    if counts.sum() == 0:
        return np.empty((0, 2), dtype=np.int64)
    allhashes = np.concatenate(sampled)
    cols, inverse = np.unique(allhashes, return_inverse=True)
    del allhashes
    row_of = np.repeat(np.arange(len(rows)), counts)
    df = np.bincount(inverse, minlength=len(cols))
    keep = df[inverse] <= max_df  # boilerplate shingles (in many articles) would blow up X X^T
    x = sp.csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.float32), (row_of[keep], inverse[keep])),
        shape=(len(rows), len(cols)),
    )
    xt = x.T.tocsr()
    found = []
    starts = range(0, len(rows), block)
    for start in tqdm(starts, desc="candidates", unit="block", disable=not progress):
        prod = (x[start : start + block] @ xt).tocoo()
        a = prod.row.astype(np.int64) + start
        b = prod.col.astype(np.int64)
        shared = prod.data
        ok = (b > a) & (shared >= min_shared)
        a, b, shared = a[ok], b[ok], shared[ok]
        smaller = np.minimum(counts[a], counts[b])
        ok = shared >= min_estimate * smaller
        found.append(np.stack([rows[a[ok]], rows[b[ok]]], axis=1))
    return np.concatenate(found) if found else np.empty((0, 2), dtype=np.int64)


def find_duplicates(
    corpus,
    *,
    threshold: float | None = None,
    near: float = NEAR_JACCARD,
    k: int = 5,
    sample: int = 4,
    min_shingles: int = 20,
    max_df: int = 200,
    progress: bool = False,
) -> pd.DataFrame:
    """Find pairs of articles that are the same article republished.

    Only the body (`text`) is compared, so another title does not matter. Texts are compared as
    normalised syllable shingles: NFC, lowercase, without punctuation, with one tone-mark
    placement, so NFD vs NFC, old vs new tone marks, `7/12` vs `7.12` and CRLF do not matter
    either. A pair is a duplicate when the share of the shorter article's shingles found in the
    other (`containment`) reaches `threshold`. Different articles on the same event share far
    less running text than that; group them with `cluster_stories`.

    Args:
        corpus: A corpus DataFrame (index `doc_id`, column `text`) or a path for `load_corpus`.
        threshold: Minimum containment; `None` for `DEFAULT_THRESHOLD` (0.8, chosen on vims-dev).
        near: Minimum Jaccard resemblance for a non-exact pair to be `"near"`, not `"contained"`.
        k: Shingle length in syllables.
        sample: Keep one shingle in `sample` for candidate generation (1 compares all).
        min_shingles: Articles with fewer distinct shingles (about `min_shingles + k` syllables)
            are too short to call copies and are skipped, unless they are exact copies.
        max_df: Sampled shingles found in more articles than this are boilerplate and are not
            used to propose candidates (they still count in the exact check).
        progress: Show tqdm progress bars.

    Returns:
        A DataFrame with columns `doc_a, doc_b, similarity, containment, kind`, one row per pair
        (`doc_a` comes first in the corpus): `similarity` is the Jaccard resemblance of the two
        shingle sets, `containment` the share of the shorter article's shingles found in the
        other, `kind` one of `"exact"` (equal after normalisation), `"near"` (similarity at least
        `near`) or `"contained"` (one mostly inside the other). Sorted by similarity, highest
        first, then by `doc_a`, `doc_b`.

    Example:
        >>> import pandas as pd
        >>> body = "Tổng thống Mỹ Joe Biden và Tổng thống Nga Vladimir Putin sẽ điện đàm " * 5
        >>> corpus = pd.DataFrame({"text": [body, body.upper(), "Một bài khác hẳn."]},
        ...                       index=pd.Index(["a", "b", "c"], name="doc_id"))
        >>> find_duplicates(corpus)[["doc_a", "doc_b", "kind"]].values.tolist()
        [['a', 'b', 'exact']]

    References:
        Broder, "On the resemblance and containment of documents", SEQUENCES 1997.
    """
    from newslab.corpus import as_corpus

    corpus = as_corpus(corpus)
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if sample < 1 or sample & (sample - 1):
        raise ValueError(f"sample must be a power of two, got {sample}")
    texts = corpus["text"].fillna("").astype(str).tolist()
    doc_ids = np.asarray(corpus.index.astype(str))
    sets, exact = fingerprints(texts, k=k, progress=progress)
    sizes = np.array([len(s) for s in sets], dtype=np.int64)

    # exact copies: group by the whole-text hash and keep one representative per group
    nonempty = np.flatnonzero(sizes > 0)
    order = nonempty[np.argsort(exact[nonempty], kind="stable")]
    groups = np.split(order, np.flatnonzero(np.diff(exact[order])) + 1) if len(order) else []
    pairs: list[tuple[int, int, float, float, str]] = []
    representatives = []
    members: dict[int, np.ndarray] = {}
    for group in groups:
        group = np.sort(group)
        representatives.append(group[0])
        if len(group) > 1:
            members[int(group[0])] = group
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    pairs.append((int(group[x]), int(group[y]), 1.0, 1.0, "exact"))
    reps = np.array(sorted(r for r in representatives if sizes[r] >= min_shingles), dtype=np.int64)

    candidates = _candidate_pairs(
        sets,
        reps,
        sample=sample,
        min_shared=1 if sample == 1 else 2,
        min_estimate=max(threshold - 0.25, 0.05) if sample > 1 else threshold,
        max_df=max_df,
        progress=progress,
    )
    logger.info("%d candidate pairs among %d articles", len(candidates), len(reps))
    for a, b in tqdm(candidates, desc="verify", unit="pair", disable=not progress):
        cont, jac = containment(sets[a], sets[b])
        if cont < threshold:
            continue
        kind = "near" if jac >= near else "contained"
        for x in members.get(int(a), (a,)):
            for y in members.get(int(b), (b,)):
                lo, hi = (x, y) if x < y else (y, x)
                pairs.append((int(lo), int(hi), round(jac, 4), round(cont, 4), kind))

    out = pd.DataFrame(pairs, columns=["a", "b", "similarity", "containment", "kind"])
    out = out.sort_values(["similarity", "a", "b"], ascending=[False, True, True])
    out.insert(0, "doc_a", doc_ids[out["a"].to_numpy(dtype=np.int64)])
    out.insert(1, "doc_b", doc_ids[out["b"].to_numpy(dtype=np.int64)])
    return out[COLUMNS].reset_index(drop=True)
