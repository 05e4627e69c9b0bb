"""On-disk cache of per-partition results, so a rerun redoes only the global steps.

Segmentation, term extraction and quotes are per-article work, about nine tenths of a
pipeline run. Their results for one partition depend only on the partition's articles and on
newslab's code, so each is stored under a key made of both: rerunning the pipeline with other
story or term options, or after adding new input files (existing files keep their
partitions), reads them back instead of recomputing.

Entries are pickle files under `<cache_dir>/pipeline/<kind>/<code version>/`, written
atomically by the worker that computed them (on a cluster, `cache_dir` must be a shared
folder, as the inputs are). The code version covers every source file and word list of the
installed newslab and the pyvi version, so an upgrade or an edited rule never serves a stale
result, and `newslab.cache.prune_cache` removes the folders of other versions.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

SUBDIR = "pipeline"
logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of newslab's source files and word lists, and of the pyvi version.

    Example:
        >>> len(code_version())
        32
    """
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=16)
    digest.update(metadata.version("pyvi").encode())
    files = sorted(p for p in root.rglob("*") if p.suffix in {".py", ".txt"} and p.is_file())
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def partition_key(frame: pd.DataFrame, columns: tuple[str, ...], *options: object) -> str:
    """Key of a partition's result: its doc ids, the given columns, options and code version.

    Example:
        >>> a = pd.DataFrame({"text": ["Mưa lớn."]}, index=["a"])
        >>> partition_key(a, ("text",)) == partition_key(a.rename(index={"a": "b"}), ("text",))
        False
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{code_version()}\x00{options!r}\x00{len(frame)}\x00".encode())
    for values in (frame.index.astype(str), *(frame[c] if c in frame else [] for c in columns)):
        for value in values:
            digest.update(b"\x01" if value is None else str(value).encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        digest.update(b"\x02")
    return digest.hexdigest()


def cached(cache_dir, kind: str, key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`'s result, read from `<cache_dir>/pipeline/<kind>/<version>/<key>.pkl` if there.

    `cache_dir` None means newslab's default cache folder, False no cache. An entry that
    cannot be read is recomputed and replaced; one that cannot be written (full disk,
    read-only folder) is logged as a warning. Entries are pickles: point `cache_dir` only at
    a folder you trust.

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> cached(d, "demo", "k1", lambda: [1, 2]), cached(d, "demo", "k1", lambda: [3])
        ([1, 2], [1, 2])
    """
    if cache_dir is False:
        return compute()
    if cache_dir is None:
        from newslab._cache import default_cache_dir

        cache_dir = default_cache_dir()
    path = Path(cache_dir) / SUBDIR / kind / code_version() / f"{key}.pkl"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as err:
        # unreadable, or written by another version of a library: recompute and replace
        logger.warning("cache entry %s unreadable (%s); recomputing it", path, err)
    value = compute()
    try:
        _write(path, value)
    except OSError as err:
        # a full disk or a read-only folder costs the next run its reuse, not this run
        logger.warning("cannot write cache entry %s (%s); the result is used uncached", path, err)
    return value


def _write(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers never see a half-written file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
