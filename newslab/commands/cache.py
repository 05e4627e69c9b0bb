"""`newslab cache [--prune] [--cache-dir DIR]`: what the on-disk cache holds; drop stale entries."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `cache` subcommand."""
    p = sub.add_parser(
        "cache",
        help="show the on-disk cache per version; --prune deletes other versions' entries",
        description="List the cache folder's segmentation and pipeline entries per newslab "
        "version (current = written by this newslab and pyvi). Entries of other versions are "
        "never used again; --prune deletes them and keeps the current ones.",
    )
    p.add_argument("--prune", action="store_true", help="delete entries of other versions")
    p.add_argument(
        "--cache-dir", default=None, help="cache folder (default: NEWSLAB_CACHE_DIR or user cache)"
    )
    p.set_defaults(func=run)


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def _short(version: str) -> str:
    """A version as shown: the code digest of a segmentation version, a hash's first 16."""
    if "code=" in version:
        return version.rsplit("code=", 1)[1]
    return version if version.endswith(".sqlite") else version[:16]


def run(args: argparse.Namespace) -> int:
    """Print the cache's contents, pruning first if asked."""
    from newslab.cache import _directory, cache_usage, prune_cache

    root = _directory(args.cache_dir)
    if args.prune:
        removed = prune_cache(root)
        print(
            f"pruned {len(removed)} store version(s), {_mb(int(removed['bytes'].sum()))} "
            f"from {root}"
        )
    usage = cache_usage(root)
    if usage.empty:
        print(f"{root}: empty")
        return 0
    shown = usage.assign(version=usage["version"].map(_short), bytes=usage["bytes"].map(_mb))
    print(f"{root}:")
    print(shown.to_string(index=False))
    stale = usage.loc[~usage["current"], "bytes"].sum()
    if stale:
        print(f"{_mb(int(stale))} written by other versions: `newslab cache --prune` frees it")
    return 0
