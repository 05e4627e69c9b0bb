"""`newslab pipeline PATH --out DIR [--scheduler ADDRESS] [--workers N]`: everything on Dask."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `pipeline` subcommand."""
    from newslab.pipeline import PARTITION_SIZE, STAGES

    p = sub.add_parser(
        "pipeline",
        help="run the whole pipeline on Dask (local cluster or --scheduler) into parquet",
        description="Load a corpus (folder or JSONL(.gz)/parquet shards), find duplicates, "
        "cluster stories, rank topic terms and extract quotes on a Dask cluster, and write "
        "one parquet table per result into --out (articles/, duplicates.parquet, stories/, "
        "terms/, story_terms.parquet, quotes/). Without --scheduler a local cluster of one "
        "worker process per core is started.",
    )
    p.add_argument("path", nargs="+", help="folder(s) or file(s) of articles")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--scheduler", default=None,
                   help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes of the local cluster (default: one per core)")
    p.add_argument("--partition-size", type=int, default=None,
                   help="articles per partition (default: about four partitions per worker, "
                   f"at most {PARTITION_SIZE})")
    p.add_argument("--stages", default=",".join(STAGES[1:]),
                   help="comma-separated stages after loading (default: all: "
                   f"{','.join(STAGES[1:])})")
    p.add_argument("--cache-dir", default=None,
                   help="cache folder, shared by the workers (default: $NEWSLAB_CACHE_DIR or "
                   "newslab's user cache folder); it keeps segmented lines and each "
                   "partition's segmentation, terms and quotes, so a rerun redoes only the "
                   "global steps and new input files")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the pipeline and print where the results are."""
    from newslab.pipeline import connect, run_pipeline

    if args.workers is not None and args.workers < 1:
        raise ValueError(f"--workers must be at least 1, got {args.workers}")
    if args.scheduler and args.workers:
        raise ValueError("--workers sizes a local cluster; leave it out with --scheduler")
    stages = ["load", *[s.strip() for s in args.stages.split(",") if s.strip()]]
    source = args.path[0] if len(args.path) == 1 else args.path
    with connect(scheduler=args.scheduler, n_workers=args.workers) as client:
        link = getattr(client, "dashboard_link", None)
        n = len(client.scheduler_info()["workers"])
        print(f"newslab pipeline: {n} worker(s); dashboard: {link or 'none'}", file=sys.stderr)
        report = run_pipeline(source, args.out, client=client, partition_size=args.partition_size,
                              stages=stages, cache_dir=False if args.no_cache else args.cache_dir,
                              progress=True)
    print(f"{report.n_articles} articles in {report.n_partitions} partitions, "
          f"{report.n_workers} worker(s)", file=sys.stderr)
    if report.skipped:
        print(f"skipped {len(report.skipped)} unreadable input(s)", file=sys.stderr)
    print(report.table().to_string(index=False), file=sys.stderr)
    busiest = list(report.task_seconds.items())[:5]  # sorted, most worker time first
    if busiest:
        print("worker time: " + ", ".join(f"{k} {v:.1f} s" for k, v in busiest), file=sys.stderr)
    for name, path in report.outputs.items():
        print(f"{name}\t{path}")
    return 0
