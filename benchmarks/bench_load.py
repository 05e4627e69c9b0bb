"""Benchmark: load_corpus on VietNews val.jsonl.gz against plain pandas.read_json.

pandas.read_json(lines=True) is the reference: it parses the same file but does none of
newslab's work (Unicode normalisation, outlet/byline detection, skip accounting).
Run: `python benchmarks/bench_load.py` (needs ../shared/data). Writes benchmarks/results/load.md.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pandas as pd

import newslab
from newslab._paths import shared_data_dir

RESULTS = Path(__file__).resolve().parent / "results" / "load.md"


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> None:
    path = shared_data_dir() / "vietnews" / "val.jsonl.gz"
    if not path.exists():
        print(f"skipped: {path} not found (set NEWSLAB_SHARED_DATA)")
        return
    ref, t_ref = timed(lambda: pd.read_json(path, lines=True, compression="gzip"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, t_new = timed(lambda: newslab.load_corpus(path))
    vims, t_vims = timed(lambda: newslab.load_corpus(shared_data_dir() / "vims-dev"))
    rows = [
        ("pandas.read_json (reference)", len(ref), "-", t_ref),
        ("newslab.load_corpus", len(corpus), len(corpus.attrs["skipped"]), t_new),
        ("newslab.load_corpus vims-dev (653 files)", len(vims), len(vims.attrs["skipped"]), t_vims),
    ]
    lines = [
        "# load_corpus benchmark",
        "",
        f"File: VietNews `val.jsonl.gz`; machine: {__import__('os').cpu_count()} cores.",
        "",
        "| loader | rows | skipped | seconds | rows/s |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {r:,} | {s} | {t:.1f} | {r / t:,.0f} |" for n, r, s, t in rows]
    lines += ["", f"newslab / pandas time ratio: {t_new / t_ref:.2f}x", ""]
    text = "\n".join(lines)
    print(text)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
