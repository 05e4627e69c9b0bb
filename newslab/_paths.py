"""Paths defined once, relative to the package, never to the current directory."""

from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"


def shared_data_dir() -> Path:
    """Where the development corpora live.

    `NEWSLAB_SHARED_DATA` wins; else `../shared/data` beside the repository.
    """
    env = os.environ.get("NEWSLAB_SHARED_DATA")
    if env:
        return Path(env).expanduser().resolve()
    return (PROJ_ROOT.parent / "shared" / "data").resolve()
