"""Shared fixtures: the bundled seeds and the development corpora in ../shared/data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newslab._paths import PROJ_ROOT, SEEDS_DIR, shared_data_dir


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data` (or $NEWSLAB_SHARED_DATA); skips the test when it is absent."""
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"development corpora not found at {path} (set NEWSLAB_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def vims_dev_dir(shared_data: Path) -> Path:
    path = shared_data / "vims-dev"
    if not path.is_dir():
        pytest.skip(f"ViMs dev corpus not found at {path}")
    return path


def load_benchmark(name: str) -> ModuleType:
    """Import `benchmarks/<name>.py` (scorers live there so `make bench` and tests share them)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PROJ_ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
