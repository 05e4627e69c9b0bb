"""Benchmark: the whole newslab pipeline on Dask over VietNews (150,704 articles).

Measures, on this machine, in one run:
  * the whole pipeline (load, duplicates, segmentation, stories, topic terms, quotes) on
    N = 10k / 50k / all 150,704 articles with 2 worker processes: time and peak worker memory
    per stage, and a plot of time per stage against N;
  * 1 vs 2 worker processes on the smallest N;
  * pyvi's own time to segment the same texts (`pyvi.ViTokenizer.tokenize` on titles and
    bodies), measured on a random sample in the same run and scaled by characters; the goal
    is a whole pipeline in at most a quarter of that.

The input is VietNews re-sharded into JSONL files of 5,000 articles (in /tmp, never in the
repository), as an archive would be; every run uses a fresh cache, and the largest N is then
run again on the cache its first run filled (`cache = warm`: what a rerun with other options
costs, `newslab.pipeline.part_cache`).

Usage:
    flock /tmp/newslab-heavy.lock .venv/bin/python benchmarks/bench_pipeline.py
    .venv/bin/python benchmarks/bench_pipeline.py --quick      # 2k / 5k articles, minutes
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from newslab._paths import PROJ_ROOT, shared_data_dir

RESULTS = PROJ_ROOT / "benchmarks" / "results"
SHARD = 5000
FILES = ("train.jsonl.gz", "val.jsonl.gz", "test.jsonl.gz")


def records(limit: int | None):
    n = 0
    for name in FILES:
        with gzip.open(shared_data_dir() / "vietnews" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                if limit is not None and n >= limit:
                    return
                yield line
                n += 1


def make_shards(limit: int | None, directory: Path) -> tuple[int, int]:
    """Write the first `limit` articles as JSONL shards; return (articles, characters)."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    n = chars = 0
    out = None
    for line in records(limit):
        if n % SHARD == 0:
            if out:
                out.close()
            out = open(directory / f"part-{n // SHARD:04d}.jsonl", "w", encoding="utf-8")
        out.write(line)
        rec = json.loads(line)
        chars += len(rec.get("title") or "") + len(rec.get("text") or "")
        n += 1
    if out:
        out.close()
    return n, chars


def pyvi_sample(sample: int, seed: int = 0) -> list[str]:
    """Titles and bodies of `sample` random VietNews articles (reservoir sample, one pass)."""
    rng = random.Random(seed)
    reservoir: list[str] = []
    for i, line in enumerate(records(None)):
        if i < sample:
            reservoir.append(line)
        elif (j := rng.randrange(i + 1)) < sample:
            reservoir[j] = line
    picked = [json.loads(line) for line in reservoir]
    return [t for r in picked for t in ((r.get("title") or ""), (r.get("text") or "")) if t]


def pyvi_seconds_per_char(texts: list[str]) -> float:
    """pyvi's tokenize time per character of `texts`, on one core."""
    from pyvi import ViTokenizer

    ViTokenizer.tokenize("Khởi động pyvi.")
    start = time.perf_counter()
    for t in texts:
        ViTokenizer.tokenize(t)
    return (time.perf_counter() - start) / sum(len(t) for t in texts)


def run_once(shards: Path, workers: int, partition_size: int | None, stages,
             rerun: bool = False) -> list[dict]:
    """One run on a fresh cache; with `rerun`, a second run on the cache the first filled."""
    from newslab.pipeline import read_output, run_pipeline

    results = []
    with tempfile.TemporaryDirectory(prefix="newslab-bench-") as tmp:
        for _ in range(2 if rerun else 1):
            start = time.perf_counter()
            report = run_pipeline(shards, Path(tmp) / "out", n_workers=workers, stages=stages,
                                  partition_size=partition_size, cache_dir=Path(tmp) / "cache")
            total = time.perf_counter() - start
            outputs = {}
            for name in ("duplicates", "stories", "quotes", "story_terms"):
                try:
                    frame = read_output(Path(tmp) / "out", name)
                except FileNotFoundError:
                    continue
                outputs[name] = len(frame) if name != "stories" else int(frame["story"].nunique())
            results.append({"report": report, "total": total, "outputs": outputs,
                            "cache": "warm" if results else "cold"})
        if rerun and results[0]["outputs"] != results[1]["outputs"]:
            raise AssertionError(f"rerun changed the outputs: {results[0]['outputs']} "
                                 f"!= {results[1]['outputs']}")
    return results


def fmt_table(frame: pd.DataFrame) -> str:
    cols = list(frame.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in frame.iterrows():
        lines.append("| " + " | ".join(str(row[c]) for c in cols) + " |")
    return "\n".join(lines)


def plot(scaling: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    stages = [c for c in scaling.columns if c != "articles"]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    bottom = None
    xs = scaling["articles"].to_numpy()
    for stage in stages:
        ys = scaling[stage].fillna(0).to_numpy()
        ax.bar([f"{x:,}" for x in xs], ys, bottom=bottom, label=stage)
        bottom = ys if bottom is None else bottom + ys
    ax.set_xlabel("articles (VietNews)")
    ax.set_ylabel("wall-clock seconds (2 worker processes)")
    ax.set_title("newslab pipeline on Dask: time per stage vs corpus size, VietNews",
                 fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


#: Worker time per task prefix (`PipelineReport.task_seconds`) summed into the pipeline's steps.
FAMILIES = {  # Dask drops the leading underscore of function names in task prefixes
    "load": ("read_task", "slice", "rename", "doc-ids", "len"),
    "duplicates": ("fingerprint_part", "exact", "postings", "pairs", "take_sets", "verify_group",
                   "doc_ids"),
    "segmentation + term extraction": ("segment_part",),
    "stories": ("vocab", "tfidf_part", "rare-words", "neighbours", "pair_sims", "has_",
                "story-", "cluster_batch", "split_rows", "pair", "forest", "union", "run_dense",
                "partitions_reached", "count_pairs", "concat_triples", "strong_edges",
                "edges_within", "split_neighbours", "merge_dicts"),
    "terms": ("term-stats", "counts_part", "article_terms", "story-terms", "extract_part"),
    "quotes": ("quotes_part",),
    "write": ("write_part", "articles_part", "stories_part"),
}


def task_families(task_seconds: dict[str, float]) -> dict[str, float]:
    """Worker seconds per pipeline step, from the per-prefix task seconds."""
    out: dict[str, float] = {}
    for prefix, sec in task_seconds.items():
        family = next((f for f, starts in FAMILIES.items()
                       if any(prefix.startswith(s) for s in starts)), "other")
        out[family] = out.get(family, 0.0) + sec
    return {k: round(v, 1) for k, v in out.items()}


CORE = ("load", "duplicates", "stories")
ALL = ("load", "duplicates", "stories", "terms", "quotes")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2k / 5k articles only")
    parser.add_argument("--sizes", default=None, help="comma-separated N (0 = all)")
    parser.add_argument("--partition-size", type=int, default=None)
    parser.add_argument("--core", action="store_true",
                        help="only the core stages (load, duplicates, segment, stories)")
    parser.add_argument("--pyvi-sample", type=int, default=300)
    parser.add_argument("--workdir", default="/tmp/newslab-bench-pipeline")
    parser.add_argument("--no-rerun", dest="rerun", action="store_false",
                        help="skip the second run of the largest N on a warm cache")
    args = parser.parse_args(argv)
    sizes = [2000, 5000] if args.quick else [10_000, 50_000, 0]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(args.workdir)
    suffix = "-quick" if args.quick else ""
    md_path = RESULTS / f"pipeline{suffix}.md"
    png_path = RESULTS / f"pipeline-scaling{suffix}.png"
    RESULTS.mkdir(parents=True, exist_ok=True)

    sample_texts = pyvi_sample(args.pyvi_sample)
    per_char = pyvi_seconds_per_char(sample_texts)
    print(f"pyvi: {per_char * 1e6:.3f} s per million characters (sample of {args.pyvi_sample} "
          f"articles, {sum(map(len, sample_texts))} characters)", file=sys.stderr)

    state = {"args": args, "runs": [], "stages": [], "chars": {}}
    # every N with 2 workers, the smallest also with 1; every stage unless --core.
    # Runs are written as they finish.
    which = CORE if args.core else ALL
    plan = [(sizes[0], 1, which), *[(size, 2, which) for size in sizes]]
    made: dict[int, tuple[Path, int, int]] = {}
    for size, workers, stages in plan:
        if size not in made:
            shards = work / f"shards-{size or 'all'}"
            made[size] = (shards, *make_shards(size or None, shards))
        shards, n, chars = made[size]
        state["chars"][n] = chars
        label = "all" if stages == ALL else "core"
        print(f"N={n} workers={workers} stages={label} ...", file=sys.stderr)
        # the largest N is run a second time on the cache the first run filled
        rerun = (size, workers) == (sizes[-1], 2) and args.rerun
        got_runs = run_once(shards, workers, args.partition_size, stages, rerun=rerun)
        # pyvi measured again right after the run: the machine's speed drifts (shared host),
        # so each run is compared with the mean of pyvi just before and just after it
        after = pyvi_seconds_per_char(sample_texts)
        run_per_char = (per_char + after) / 2
        per_char = after
        pyvi = run_per_char * chars
        for got in got_runs:
            record_run(state, got, n, label, workers, run_per_char, pyvi)
        write_results(md_path, png_path, state)
        for old in list(made):
            if old != size and all(p[0] != old for p in plan[plan.index((size, workers, stages)) + 1:]):
                shutil.rmtree(made.pop(old)[0], ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def record_run(state: dict, got: dict, n: int, label: str, workers: int, run_per_char: float,
               pyvi: float) -> None:
    """Add one run's row, worker seconds and stage times to `state`."""
    rep = got["report"]
    cache = got["cache"]
    row = {"articles": n, "stages": label, "workers": workers, "cache": cache,
           "partitions": rep.n_partitions, "pipeline_s": round(got["total"], 1),
           "stages_s": round(sum(rep.seconds.values()), 1),
           "pyvi_s_per_mchar": round(run_per_char * 1e6, 3),
           "pyvi_estimate_s": round(pyvi, 1), "ratio": round(got["total"] / pyvi, 3),
           "peak_workers_mib": round(max(rep.peak_memory.values()) / 2**20),
           "client_peak_mib": round(rep.client_peak_memory / 2**20),
           **{f"n_{k}": v for k, v in got["outputs"].items()}}
    print(row, file=sys.stderr)
    state["runs"].append(row)
    state.setdefault("work", []).append(
        {"articles": n, "stages": label, "workers": workers, "cache": cache,
         "worker_s": round(sum(rep.task_seconds.values()), 1),
         **task_families(rep.task_seconds)})
    print(rep.task_seconds, file=sys.stderr)
    for stage, sec in rep.seconds.items():
        state["stages"].append({"articles": n, "stages": label, "workers": workers,
                                "cache": cache, "stage": stage, "seconds": round(sec, 1),
                                "peak_workers_mib": round(rep.peak_memory[stage] / 2**20)})


def write_results(md_path: Path, png_path: Path, state: dict) -> None:
    args = state["args"]
    runs = pd.DataFrame(state["runs"])
    stages = pd.DataFrame(state["stages"])
    order = ["load", "duplicates", "segment", "stories", "terms", "quotes", "write"]
    lines = [
        "# Pipeline on Dask: VietNews end to end",
        "",
        f"Machine: {os.cpu_count()} cores, shared with other engineers' jobs while measuring "
        "(timings are wall-clock and noisy); LocalCluster of worker processes with 1 thread "
        "each; partitions of at most 2,000 articles (about four per worker); input re-sharded "
        f"into JSONL files of {SHARD:,} articles; every run starts on an empty cache "
        "(`cache = cold`); the largest N then runs a second time on the cache its first run "
        "filled (`cache = warm`: a rerun with other options reads each partition's "
        "segmentation, term candidates and quotes back and redoes only the global steps). "
        f"Generated by `benchmarks/bench_pipeline.py{' --quick' if 'quick' in md_path.name else ''}`.",
        "",
        f"pyvi reference: `ViTokenizer.tokenize` on titles and bodies of {args.pyvi_sample} random "
        "VietNews articles on one core, measured in the same run just before and just after "
        "each pipeline run; their mean (`pyvi_s_per_mchar`, seconds per million characters) is "
        "scaled to the characters of the run's corpus (`pyvi_estimate_s`). "
        "`pipeline_s` is the whole `run_pipeline` call, starting and stopping the local "
        "cluster included; `stages_s` the sum of its stages. `ratio` = pipeline_s / pyvi "
        "estimate (goal: at most 0.25).",
        "",
        "`all` = every stage; `core` = load, duplicates, segmentation, stories (every global "
        "step). With stories and terms, `segment` also extracts the term candidates from the "
        "same segmentation (each line is segmented once), so `terms` is only the vocabulary "
        "merge and the ranking.",
        "",
        "## Runs",
        "",
        fmt_table(runs) if len(runs) else "(none yet)",
        "",
    ]
    if len(stages):
        lines += ["## Time (s) and peak worker memory (MiB) per stage", ""]
        for (n, label, workers, cache), group in stages.groupby(
                ["articles", "stages", "workers", "cache"], sort=False):
            g = group.set_index("stage")
            cells = [f"{s} {g.loc[s, 'seconds']} s / {g.loc[s, 'peak_workers_mib']} MiB"
                     for s in order if s in g.index]
            lines.append(f"- {n:,} articles, {label}, {workers} worker(s), {cache} cache: "
                         + "; ".join(cells))
        lines += ["", "Peak memory: total of all worker processes, sampled by the scheduler "
                  "every 0.5 s.", ""]
    if state.get("work"):
        work = pd.DataFrame(state["work"]).fillna(0)
        lines += [
            "## Worker seconds per step",
            "",
            "Where the time goes, measured by the workers themselves (Dask's compute time per "
            "task, `PipelineReport.task_seconds`, summed by step): unlike the wall-clock stage "
            "times above, work that runs beside other stages (quotes) is counted where it "
            "belongs. `worker_s` is the total over both workers; divided by the workers it is "
            "the wall time a perfectly busy cluster would take.",
            "",
            fmt_table(work),
            "",
        ]
        two = stages[(stages["workers"] == 2) & (stages["cache"] == "cold")]
        if len(two):
            pivot = two.pivot_table(index="articles", columns="stage", values="seconds")
            cols = [s for s in order if s in pivot.columns]
            scaling = pivot[cols].reset_index()
            plot(scaling, png_path)
            lines += [f"![time per stage against N]({png_path.name})", ""]
    md_path.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
