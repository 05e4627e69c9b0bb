"""What the on-disk cache holds, and pruning what older newslab or pyvi versions wrote.

Two kinds of entries live in the cache folder (`NEWSLAB_CACHE_DIR`, or newslab's folder in
the user cache dir): segmented texts in one SQLite file, and the pipeline's per-partition
results (`pipeline/<kind>/<code version>/*.pkl`). Both are keyed by the code that computed
them, so entries written by another version of newslab or pyvi are never served, but they
stay on disk until pruned: `prune_cache` deletes them and keeps the current version's.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from newslab import _cache
from newslab.pipeline import part_cache

_COLUMNS = ["store", "version", "current", "entries", "bytes"]


def _directory(cache_dir: str | os.PathLike[str] | None) -> Path:
    return Path(cache_dir) if cache_dir is not None else _cache.default_cache_dir()


def _segmentation_version() -> str:
    from newslab.segmentation import _versions

    return _versions()


def _old_files(root: Path) -> list[Path]:
    """Cache files of earlier layouts: the v1 SQLite file (no version column)."""
    return [p for p in root.glob("segmentation-v*.sqlite") if p != _cache.cache_file(root)]


def _pipeline_folders(root: Path) -> list[tuple[str, str, Path]]:
    """`(kind, version, folder)` of the pipeline's result folders; loose files as version ""."""
    base = root / part_cache.SUBDIR
    out = []
    for kind_dir in sorted(p for p in base.glob("*") if p.is_dir()):
        for child in sorted(kind_dir.iterdir()):
            if child.is_dir():
                out.append((kind_dir.name, child.name, child))
        if any(p.is_file() for p in kind_dir.iterdir()):
            out.append((kind_dir.name, "", kind_dir))  # entries of the layout before versions
    return out


def _folder_size(folder: Path, *, files_only: bool = False) -> tuple[int, int]:
    paths = folder.glob("*") if files_only else folder.rglob("*")
    sizes = [p.stat().st_size for p in paths if p.is_file()]
    return len(sizes), sum(sizes)


def cache_usage(cache_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """One row per store and version in the cache folder, and whether it is the current one.

    Args:
        cache_dir: The cache folder (default: `NEWSLAB_CACHE_DIR` or the user cache dir).

    Returns:
        Columns `store` (`segmentation` or `pipeline/<kind>`), `version`, `current` (written
        by this newslab and pyvi), `entries`, `bytes`; sorted by store and version.

    Example:
        >>> import tempfile
        >>> cache_usage(tempfile.mkdtemp()).empty
        True
    """
    root = _directory(cache_dir)
    rows = []
    seg_version = _segmentation_version()
    for version, (n, size) in _cache.count_by_version(root).items():
        rows.append(["segmentation", version or "", version == seg_version, n, size])
    for path in _old_files(root):
        rows.append(["segmentation", path.name, False, 1, path.stat().st_size])
    code = part_cache.code_version()
    for kind, version, folder in _pipeline_folders(root):
        n, size = _folder_size(folder, files_only=not version)
        rows.append([f"pipeline/{kind}", version, version == code, n, size])
    out = pd.DataFrame(rows, columns=_COLUMNS)
    return out.sort_values(["store", "version"], ignore_index=True)


def prune_cache(cache_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Delete the cache entries that other versions of newslab or pyvi wrote.

    The current version's entries stay, so the next run still reuses them. On a cluster,
    prune only when no worker runs another newslab version on the same folder.

    Args:
        cache_dir: The cache folder (default: `NEWSLAB_CACHE_DIR` or the user cache dir).

    Returns:
        The rows of `cache_usage` that were deleted (empty if nothing was).

    Example:
        >>> import tempfile
        >>> prune_cache(tempfile.mkdtemp()).empty
        True
    """
    root = _directory(cache_dir)
    usage = cache_usage(root)
    stale = usage[~usage["current"]]
    if stale.empty:
        return stale.reset_index(drop=True)
    for path in _old_files(root):
        path.unlink()
    if (stale["store"] == "segmentation").any():
        _cache.drop_other_versions(root, _segmentation_version())
    code = part_cache.code_version()
    for _, version, folder in _pipeline_folders(root):
        if version == code:
            continue
        if version:
            shutil.rmtree(folder)
        else:  # loose entries of the layout before versions
            for p in folder.glob("*.pkl"):
                p.unlink()
    return stale.reset_index(drop=True)
