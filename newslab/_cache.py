"""A small on-disk cache for per-text results (segmentation of whole corpora).

One SQLite file per cache directory; each entry is keyed by a hash of the text, the kind of
result ("tokenize", "segment") and a version string (newslab and pyvi versions plus the
segmentation rules version), so upgrading either never serves stale results. The version is
also stored with each entry, so that `newslab.cache.prune_cache` can drop the entries other
versions wrote. Only the calling process writes; worker processes just compute.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

ENV_VAR = "NEWSLAB_CACHE_DIR"
_FILE = "segmentation-v2.sqlite"  # v2: a version column (v1 files are dropped by pruning)


def default_cache_dir() -> Path:
    """Return `$NEWSLAB_CACHE_DIR` if set, else newslab's folder in the user cache dir."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newslab"))


def text_key(kind: str, version: str, text: str) -> str:
    """Hash identifying the result of `kind` on `text` under `version`."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{kind}\x00{version}\x00".encode())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class TextCache:
    """Maps (kind, version, text) to a JSON-serialisable value, stored in SQLite.

    Args:
        directory: Folder holding the cache file (created if missing).
        kind: Name of the cached function, part of every key.
        version: Version string, part of every key.

    Example:
        >>> import tempfile
        >>> cache = TextCache(tempfile.mkdtemp(), "segment", "test")
        >>> cache.put_many(["Hà Nội"], [["Hà_Nội"]])
        >>> cache.get_many(["Hà Nội", "Huế"])
        [['Hà_Nội'], None]
    """

    def __init__(self, directory: str | Path, kind: str, version: str) -> None:
        self.path = Path(directory) / _FILE
        self.kind = kind
        self.version = version
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT, version TEXT)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=60)

    def keys(self, texts: Iterable[str]) -> list[str]:
        """Cache keys of `texts`."""
        return [text_key(self.kind, self.version, t) for t in texts]

    def get_many(self, texts: Sequence[str]) -> list[object | None]:
        """Cached values for `texts` (None where absent)."""
        keys = self.keys(texts)
        found: dict[str, str] = {}
        con = self._connect()
        try:
            # SQLite limits the number of parameters in one statement.
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                rows = con.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk)
                found.update(rows)
        finally:
            con.close()
        return [json.loads(found[k]) if k in found else None for k in keys]

    def put_many(self, texts: Sequence[str], values: Sequence[object]) -> None:
        """Store `values` for `texts`."""
        rows = [
            (k, json.dumps(v, ensure_ascii=False), self.version)
            for k, v in zip(self.keys(texts), values, strict=True)
        ]
        con = self._connect()
        try:
            with con:
                con.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
        finally:
            con.close()


def cache_file(directory: str | Path) -> Path:
    """The SQLite file `TextCache` uses in `directory`."""
    return Path(directory) / _FILE


def count_by_version(directory: str | Path) -> dict[str, tuple[int, int]]:
    """`{version: (entries, bytes of values)}` in the directory's cache file ({} if none)."""
    path = cache_file(directory)
    if not path.exists():
        return {}
    con = sqlite3.connect(path, timeout=60)
    try:
        rows = con.execute(
            "SELECT version, COUNT(*), SUM(LENGTH(value)) FROM results GROUP BY version"
        ).fetchall()
    finally:
        con.close()
    return {v: (n, int(b or 0)) for v, n, b in rows}


def drop_other_versions(directory: str | Path, keep: str) -> int:
    """Delete the entries not written under version `keep`; returns how many were deleted."""
    path = cache_file(directory)
    if not path.exists():
        return 0
    con = sqlite3.connect(path, timeout=60)
    try:
        with con:
            n = con.execute("DELETE FROM results WHERE version IS NOT ?", (keep,)).rowcount
        con.execute("VACUUM")  # give the space back to the file system
    finally:
        con.close()
    return n
