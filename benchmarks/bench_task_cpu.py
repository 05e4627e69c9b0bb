"""Benchmark: wall and thread-CPU time of the per-article tasks inside the pipeline, against N.

Checks whether per-article work costs more per article as the corpus grows (seen once across
runs up to an hour apart; docs/scale.md, "Where the time goes"). The pipeline runs on a
LocalCluster of 2 single-threaded workers on the first N VietNews articles for each N, a few
minutes apart; on the workers, `segment_part` and `_quotes_part` are wrapped to record their
own wall time and thread CPU time. With `--cache`, each run writes to an empty cache folder.

Usage:
    .venv/bin/python benchmarks/bench_task_cpu.py [--sizes 10000 40000] [--cache]
Writes benchmarks/results/task-cpu.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from newslab._paths import PROJ_ROOT

RESULTS = PROJ_ROOT / "benchmarks" / "results"
TASKS = (("newslab.pipeline.vectors", "segment_part"), ("newslab.pipeline", "_quotes_part"))


def _wrap_tasks() -> bool:
    """Wrap the per-article task functions of this worker to record their times (idempotent)."""
    import functools
    import importlib

    import newslab.pipeline as pipeline

    records = pipeline.__dict__.setdefault("_task_cpu", [])
    for module_name, name in TASKS:
        module = importlib.import_module(module_name)
        fn = getattr(module, name)
        if getattr(fn, "_timed", False):
            continue

        def timed(*args, _fn=fn, _name=name, **kwargs):
            wall, cpu = time.perf_counter(), time.thread_time()
            out = _fn(*args, **kwargs)
            records.append((_name, time.perf_counter() - wall, time.thread_time() - cpu,
                            len(args[0])))
            return out

        timed = functools.wraps(fn)(timed)
        timed._timed = True
        setattr(module, name, timed)
    return True


def _take_records() -> list:
    import newslab.pipeline as pipeline

    records = pipeline.__dict__.setdefault("_task_cpu", [])
    out, records[:] = list(records), []
    return out


def measure(n: int, shards: Path, cache: bool) -> list[dict]:
    """Run the pipeline on `shards` and return per-article wall and CPU ms of each task."""
    import newslab
    from newslab.pipeline.cluster import connect

    with tempfile.TemporaryDirectory() as tmp, connect(n_workers=2, dashboard=False) as client:
        client.run(_wrap_tasks)
        client.register_worker_callbacks(_wrap_tasks)
        newslab.run_pipeline(str(shards), str(Path(tmp) / "out"), client=client,
                             cache_dir=str(Path(tmp) / "cache") if cache else False)
        got = [r for records in client.run(_take_records).values() for r in records]
    rows = []
    for _, name in TASKS:
        mine = [r for r in got if r[0] == name]
        articles = sum(r[3] for r in mine)
        rows.append({"articles": n, "task": name, "cache": cache,
                     "wall ms per article": round(1000 * sum(r[1] for r in mine) / articles, 2),
                     "CPU ms per article": round(1000 * sum(r[2] for r in mine) / articles, 2)})
    return rows


def main(argv=None) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_pipeline import make_shards

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 40000])
    parser.add_argument("--cache", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            shards = Path(tmp) / f"shards-{n}"
            make_shards(n, shards)
            rows += measure(n, shards, args.cache)
            print(rows[-2:], file=sys.stderr)
    lines = [
        "# Per-article tasks inside the pipeline against N (`benchmarks/bench_task_cpu.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, LocalCluster of 2 "
        "single-threaded workers, first N VietNews articles, "
        + ("an empty cache folder per run." if args.cache else "no cache.")
        + " Times recorded by the task functions themselves on the workers.",
        "",
        "| articles | task | wall ms per article | CPU ms per article |",
        "|---:|---|---:|---:|",
        *[f"| {r['articles']:,} | {r['task']} | {r['wall ms per article']} | "
          f"{r['CPU ms per article']} |" for r in rows],
        "",
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "task-cpu.md").write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
