"""Vietnamese word segmentation: pyvi-exact, faster, and a better `segment` for analysis.

`tokenize` returns exactly pyvi's output string (several times faster: the same CRF model is
evaluated by `newslab._tokenizer`). `segment` returns a list of words for analysis: sentence by
sentence, with whole person, place and organisation names and single-token dates, numbers and
abbreviations (rules in `newslab._segment_rules`). Later steps (TF-IDF, terms, quotes) use
`segment`. `tokenize_many` / `segment_many` add a process pool and an on-disk cache.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Literal

from newslab import _segment_rules
from newslab._cache import TextCache, default_cache_dir
from newslab._tokenizer import FastTokenizer

logger = logging.getLogger(__name__)

# Below this many texts to compute, a process pool costs more than it saves.
_MIN_PARALLEL_TEXTS = 200
# Below this many texts, no progress bar (keeps notebook outputs and small calls quiet).
_MIN_PROGRESS_TEXTS = 100
_CHUNK = 64

CacheDir = str | os.PathLike[str] | Literal[False] | None


@lru_cache(maxsize=1)
def _tokenizer() -> FastTokenizer:
    return FastTokenizer.from_pyvi()


def tokenize(text: str) -> str:
    """Segment `text` exactly as `pyvi.ViTokenizer.tokenize` does, only faster.

    Args:
        text: Any string.

    Returns:
        pyvi's output: the text's syllables with those of each word joined by `_`, tokens
        separated by single spaces (the input itself if it has no syllable).

    Example:
        >>> tokenize("Tổng thống Nga")
        'Tổng_thống Nga'
    """
    return _tokenizer().tokenize(_one_text(text, "tokenize"))


def segment(text: str) -> list[str]:
    """Split `text` into words for analysis, sentence by sentence.

    Starts from pyvi's decisions and fixes where pyvi is weak: full person names stay whole
    (`Phạm_Minh_Chính`, `Vladimir_Putin`, `Park_Hang-seo`), as do place and organisation names
    (`Ai_Cập`, `Điện_Kremlin`); dates, times, numbers and dotted abbreviations written without
    spaces are single tokens (`7/12`, `20h35`, `94.000`, `TP.HCM`, `PGS.TS`). Punctuation is
    kept as tokens, whitespace dropped, capitalisation preserved. Deterministic.

    Args:
        text: Any string (an article, a paragraph, a sentence).

    Returns:
        A list of words; the syllables of a multi-syllable word are joined by `_`.

    Example:
        >>> segment("Thủ tướng Phạm Minh Chính đến TP.HCM ngày 7/12.")
        ['Thủ_tướng', 'Phạm_Minh_Chính', 'đến', 'TP.HCM', 'ngày', '7/12', '.']
    """
    return _segment_rules.segment_text(_one_text(text, "segment"), _tokenizer())


def _one_text(text: str, name: str) -> str:
    """`text` itself, or a TypeError that says what was passed and what to call instead."""
    if not isinstance(text, str):
        hint = f"; for many texts use {name}_many(texts)" if isinstance(text, list | tuple) else ""
        raise TypeError(f"{name} takes one text (str), not {type(text).__name__}{hint}")
    return text


@lru_cache(maxsize=1)
def _versions() -> str:
    """Return the cache-key version string.

    newslab and pyvi versions plus a digest of the segmentation code and word lists, so that
    editing a rule never serves stale cached results.
    """
    import hashlib

    from newslab import __version__

    digest = hashlib.blake2b(digest_size=8)
    here = Path(__file__).resolve().parent
    for name in ("_segment_rules.py", "_tokenizer.py", "_crf.py"):
        digest.update((here / name).read_bytes())
    for name in ("vn_surnames.txt", "places.txt", "compounds.txt"):
        digest.update(resources.files("newslab.data").joinpath(name).read_bytes())
    return (
        f"newslab={__version__};pyvi={metadata.version('pyvi')};"
        f"rules={_segment_rules.RULES_VERSION};code={digest.hexdigest()}"
    )


def _run_chunk(kind: str, texts: list[str]) -> list[object]:
    if kind == "tokenize":
        # Same output as tokenize() text by text, with one model pass per chunk.
        return list(_tokenizer().tokenize_batch(texts))
    # One model pass for the chunk: many short texts (lines, titles) cost little more.
    return _segment_rules.segment_texts(texts, _tokenizer())


def _n_workers(n_jobs: int) -> int:
    if n_jobs == 0:
        raise ValueError("n_jobs must be a positive number of processes or negative (-1 = all cores)")
    cores = os.cpu_count() or 1
    return max(1, cores + 1 + n_jobs) if n_jobs < 0 else n_jobs


def _chunks(texts: list[str], size: int) -> list[list[str]]:
    return [texts[i : i + size] for i in range(0, len(texts), size)]


def _compute(kind: str, texts: list[str], workers: int, bar: Callable[[int], None]) -> list[object]:
    # Inside a daemonic worker (multiprocessing.Pool, some dask set-ups) no child processes
    # may be started: stay serial there.
    if workers > 1 and len(texts) >= _MIN_PARALLEL_TEXTS and not multiprocessing.current_process().daemon:
        try:
            return _compute_parallel(kind, texts, workers, bar)
        except (OSError, BrokenProcessPool) as err:
            logger.warning("process pool failed (%s); segmenting in this process", err)
    results: list[object] = []
    for chunk in _chunks(texts, _CHUNK):
        results.extend(_run_chunk(kind, chunk))
        bar(len(chunk))
    return results


def _compute_parallel(
    kind: str, texts: list[str], workers: int, bar: Callable[[int], None]
) -> list[object]:
    _tokenizer()  # build once in the parent; forked workers inherit it
    # Several chunks per worker keep the workers busy to the end; small chunks bound memory.
    chunks = _chunks(texts, max(1, min(_CHUNK, -(-len(texts) // (4 * workers)))))
    results: list[object] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        for chunk, out in zip(chunks, pool.map(_run_chunk, [kind] * len(chunks), chunks), strict=True):
            results.extend(out)
            bar(len(chunk))
    return results


def _many(
    kind: str,
    texts: Iterable[str],
    n_jobs: int,
    cache_dir: CacheDir,
    progress: bool,
) -> list[object]:
    if isinstance(texts, str):
        raise TypeError(f"{kind}_many takes a list of texts, not one string: use {kind}(text)")
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] is {type(t).__name__}, expected str")
    workers = _n_workers(n_jobs)
    cache = None
    results: list[object | None] = [None] * len(texts)
    if cache_dir is not False:
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        try:
            cache = TextCache(directory, kind, _versions())
            results = cache.get_many(texts)
        except Exception as err:  # noqa: BLE001 - an unusable cache must not stop the analysis
            logger.warning("segmentation cache at %s unusable (%s); going on without", directory, err)
            cache = None
    # Compute each distinct missing text once.
    todo = list(dict.fromkeys(t for t, r in zip(texts, results, strict=True) if r is None))
    from tqdm import tqdm

    show = progress and len(todo) >= _MIN_PROGRESS_TEXTS
    with tqdm(total=len(todo), desc=kind, unit="text", disable=not show) as pbar:
        computed = _compute(kind, todo, workers, pbar.update)
    if cache is not None and todo:
        try:
            cache.put_many(todo, computed)
        except Exception as err:  # noqa: BLE001 - best effort, results are already computed
            logger.warning("could not write the segmentation cache (%s)", err)
    found = dict(zip(todo, computed, strict=True))
    return [found[t] if r is None else r for t, r in zip(texts, results, strict=True)]


def tokenize_many(
    texts: Iterable[str],
    *,
    n_jobs: int = -1,
    cache_dir: CacheDir = None,
    progress: bool = True,
) -> list[str]:
    """Apply `tokenize` to many texts, in parallel and cached on disk.

    Args:
        texts: Strings to tokenize.
        n_jobs: Worker processes; -1 uses every core, 1 stays in this process. Small inputs
            (under a few hundred texts to compute) always stay in this process.
        cache_dir: Folder of the on-disk cache. None uses `$NEWSLAB_CACHE_DIR` or else the
            user cache folder (e.g. `~/.cache/newslab`); False disables the cache. Entries are
            keyed by text hash and newslab/pyvi versions, so a rerun is near-instant.
        progress: Show a tqdm progress bar (only for 100 texts or more to compute).

    Returns:
        One pyvi-style string per input text, in input order.

    Example:
        >>> tokenize_many(["Hà Nội"], cache_dir=False)
        ['Hà_Nội']
    """
    return _many("tokenize", texts, n_jobs, cache_dir, progress)  # type: ignore[return-value]


def segment_many(
    texts: Iterable[str],
    *,
    n_jobs: int = -1,
    cache_dir: CacheDir = None,
    progress: bool = True,
) -> list[list[str]]:
    """Apply `segment` to many texts, in parallel and cached on disk.

    Args:
        texts: Strings to segment.
        n_jobs: Worker processes; -1 uses every core, 1 stays in this process. Small inputs
            (under a few hundred texts to compute) always stay in this process.
        cache_dir: Folder of the on-disk cache. None uses `$NEWSLAB_CACHE_DIR` or else the
            user cache folder; False disables the cache.
        progress: Show a tqdm progress bar (only for 100 texts or more to compute).

    Returns:
        One list of words per input text, in input order.

    Example:
        >>> segment_many(["Hà Nội"], cache_dir=False)
        [['Hà_Nội']]
    """
    return _many("segment", texts, n_jobs, cache_dir, progress)  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _pos_tagger():
    from newslab._pos import FastPosTagger

    return FastPosTagger.from_pyvi()


def pos_tag(words: Sequence[str] | str) -> list[tuple[str, str]]:
    """Tag segmented words exactly as pyvi's part-of-speech tagger does, only faster.

    The words are tagged as one sequence with pyvi's own CRF model, evaluated by
    `newslab._pos.FastPosTagger` (identical tags, several times faster).

    Args:
        words: Words as returned by `segment` (syllables joined by `_`), or a text, which is
            segmented first (`segment(text)`).

    Returns:
        `(word, tag)` pairs, one per word, tags from pyvi's tag set (`Np` proper noun, `N`,
        `V`, `A`, `CH` punctuation, ...).

    Example:
        >>> pos_tag(["Hà_Nội", "đẹp"])[0]
        ('Hà_Nội', 'Np')
        >>> pos_tag("Hà Nội đẹp")[0]
        ('Hà_Nội', 'Np')
    """
    words = segment(words) if isinstance(words, str) else list(words)
    if not words:
        return []
    return list(zip(words, _pos_tagger().tag(words), strict=True))


def pos_tag_many(sequences: Sequence[Sequence[str] | str]) -> list[list[str]]:
    """Tags of many word sequences, each tagged on its own as `pos_tag` would (batched).

    Args:
        sequences: Word sequences (syllables joined by `_`); a text among them is segmented
            first, as `pos_tag` does.

    Returns:
        One list of tags per sequence.

    Example:
        >>> pos_tag_many([["Hà_Nội", "đẹp"], []])[1]
        []
    """
    return _pos_tagger().tag_many(
        [segment(words) if isinstance(words, str) else list(words) for words in sequences]
    )


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return newslab's curated Vietnamese stopword list (lowercase, `_`-joined).

    Function words only (pronouns, prepositions, conjunctions, particles); verbs that
    introduce speech such as `cho_biết` or `nói` are deliberately kept out.

    Returns:
        The stopwords as a frozenset.

    Example:
        >>> "của" in stopwords(), "cho_biết" in stopwords()
        (True, False)
    """
    text = resources.files("newslab.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
