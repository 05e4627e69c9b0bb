"""The whole newslab pipeline on Dask: from a laptop to a cluster with the same code.

`run_pipeline` loads JSONL(.gz) / parquet / text shards, then finds duplicates, segments,
clusters stories, ranks topic terms and extracts quotes, and writes one parquet table per
result. It runs on a `LocalCluster` of processes by default, on a running cluster given its
scheduler address, or on an existing `distributed.Client`. Global steps (exact-copy groups,
shingle candidate buckets, vocabulary and IDF, story candidate pairs, component merging) are
hash-bucket shuffles between workers or partial-fit/merge reductions; only small merged
results come back to the client.
"""

from __future__ import annotations

import inspect
import logging
import operator
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from newslab.pipeline.cluster import connect, default_workers
from newslab.pipeline.io import read_output

logger = logging.getLogger(__name__)

#: Stages in the order they run.
STAGES = ("load", "duplicates", "stories", "terms", "quotes")

#: Most articles per partition: a few seconds of segmentation, a few MB of text.
PARTITION_SIZE = 2000


@dataclass
class PipelineReport:
    """What a pipeline run did: per-stage wall time and cluster memory, outputs written.

    Attributes:
        n_articles: Articles loaded.
        n_partitions: Partitions the corpus was cut into.
        n_workers: Worker processes of the cluster.
        seconds: Wall-clock seconds per stage (plus `"write"` for the output tables). Quote
            extraction starts right after loading, at low priority, and fills the workers
            while the client runs global steps; `"quotes"` is the time left after the stages
            before it. With stories and terms, `"segment"` includes term extraction.
        peak_memory: Peak total memory of the cluster's workers during each stage, in bytes
            (sampled by the scheduler about every half second).
        client_peak_memory: Peak resident memory of the calling process, in bytes.
        outputs: Output table name -> path.
        skipped: Inputs that held no readable article (as `load_corpus` reports them).
        dashboard: The Dask dashboard link, when there is one.
        task_seconds: Seconds the workers spent computing the run's tasks, per task name
            prefix (as the Dask dashboard groups them, leading underscores dropped:
            `"segment_part"`, `"quotes_part"`, `"postings-split"`, ...). Unlike `seconds`, this is worker time, so work that runs
            beside other stages (quotes) is counted where it belongs.
    """

    n_articles: int = 0
    n_partitions: int = 0
    n_workers: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    peak_memory: dict[str, int] = field(default_factory=dict)
    client_peak_memory: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    skipped: list[dict] = field(default_factory=list)
    dashboard: str | None = None
    task_seconds: dict[str, float] = field(default_factory=dict)

    def table(self) -> pd.DataFrame:
        """Per-stage seconds and peak worker memory (MiB) as a DataFrame."""
        rows = [
            {"stage": s, "seconds": round(t, 2),
             "peak_memory_mib": round(self.peak_memory.get(s, 0) / 2**20, 1)}
            for s, t in self.seconds.items()
        ]
        return pd.DataFrame(rows, columns=["stage", "seconds", "peak_memory_mib"])


class _Stage:
    """Time a stage and sample the cluster's memory while it runs."""

    def __init__(self, client, report: PipelineReport, name: str, progress: bool) -> None:
        self.client, self.report, self.name, self.progress = client, report, name, progress

    def __enter__(self):
        from distributed.diagnostics import MemorySampler

        self.sampler = MemorySampler()
        self.ctx = self.sampler.sample(self.name, interval=0.5)
        self.ctx.__enter__()
        self.start = time.perf_counter()
        if self.progress:
            from tqdm import tqdm

            tqdm.write(f"[pipeline] {self.name} ...", file=sys.stderr)
        return self

    def __exit__(self, *exc):
        self.report.seconds[self.name] = self.report.seconds.get(self.name, 0.0) + (
            time.perf_counter() - self.start)
        self.ctx.__exit__(*exc)
        try:
            peak = int(self.sampler.to_pandas().max().max())
        except (ValueError, KeyError):
            peak = 0
        self.report.peak_memory[self.name] = max(self.report.peak_memory.get(self.name, 0), peak)
        if self.progress and exc[0] is None:
            from tqdm import tqdm

            tqdm.write(f"[pipeline] {self.name}: {self.report.seconds[self.name]:.1f} s", file=sys.stderr)
        return False


def _task_seconds(dask_scheduler=None) -> dict[str, float]:
    """Compute seconds per task prefix so far (run on the scheduler)."""
    return {name: float(p.all_durations.get("compute", 0.0))
            for name, p in dask_scheduler.task_prefixes.items()}


def _wait(futures: list, desc: str, progress: bool) -> None:
    from distributed import as_completed
    from tqdm import tqdm

    with tqdm(total=len(futures), desc=desc, unit="part", disable=not progress, leave=False) as bar:
        for _ in as_completed(futures):
            bar.update(1)


def run_pipeline(
    source,
    out_dir: str | os.PathLike,
    *,
    scheduler: str | None = None,
    client=None,
    n_workers: int | None = None,
    partition_size: int | None = None,
    stages: tuple[str, ...] | list[str] = STAGES,
    cache_dir=None,
    n_terms: int = 10,
    duplicate_options: dict | None = None,
    story_options: dict | None = None,
    progress: bool = False,
) -> PipelineReport:
    """Run the newslab pipeline on a Dask cluster and write its results as parquet.

    Outputs in `out_dir` (read them back with `read_output(out_dir, name)`):
    `articles/` (one row per article: `doc_id, title, source, author, n_chars, story,
    duplicate_of`), `duplicates.parquet` (as `newslab.find_duplicates`), `stories/`
    (`doc_id, story`, as `newslab.cluster_stories`), `terms/` (top terms per article, as
    `newslab.topic_terms(corpus)`), `story_terms.parquet` (per story, as
    `topic_terms(corpus, by=stories)`) and `quotes/` (as `newslab.extract_quotes`). Folders
    hold one `part-NNNNN.parquet` per partition, written by the workers, in corpus order.

    Args:
        source: What `load_corpus` accepts: a folder, a file, or a list of paths
            (`.jsonl`, `.jsonl.gz`, `.parquet`, `.csv`, `.json`, `.txt`, `.html`). Paths must
            be readable by the workers (a shared file system on a cluster).
        out_dir: Output folder (created; readable by the client, writable by the workers).
        scheduler: Address of a running Dask scheduler (`"tcp://host:8786"`).
        client: An existing `distributed.Client` (used as is and left open).
        n_workers: Worker processes of the local cluster (default: one per core).
        partition_size: Articles per partition; None for about four partitions per worker,
            at most `PARTITION_SIZE` (2,000) articles each.
        stages: Stages to run after `"load"` (always run): any of `"duplicates"`,
            `"stories"`, `"terms"`, `"quotes"`. `"terms"` ranks per story only when
            `"stories"` runs too.
        cache_dir: Cache folder (None: newslab's default, `$NEWSLAB_CACHE_DIR` if set;
            False: no cache). It keeps segmented lines and each partition's segmentation,
            term candidates and quotes (`newslab.pipeline.part_cache`), so a rerun on the
            same inputs, with other options or with input files added, redoes only the
            global steps and the new partitions.
        n_terms: Terms per article and per story.
        duplicate_options: Keyword options of `find_duplicates` (`threshold`, `k`, ...).
        story_options: Keyword options of `cluster_stories` (`threshold`, `max_dense`, ...).
        progress: Report stages and partitions with tqdm on stderr.

    Returns:
        A `PipelineReport`: per-stage seconds and peak cluster memory, output paths.

    Example:
        >>> report = run_pipeline("seeds", "out", n_workers=2)  # doctest: +SKIP
        >>> read_output("out", "stories").head()  # doctest: +SKIP
    """
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages {sorted(unknown)}; choose from {', '.join(STAGES)}")
    if partition_size is not None and partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, got {partition_size}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with connect(scheduler=scheduler, client=client, n_workers=n_workers) as cl:
        return _run(cl, source, out, partition_size=partition_size, stages=tuple(stages),
                    cache_dir=cache_dir, n_terms=n_terms,
                    duplicate_options=duplicate_options or {},
                    story_options=story_options or {}, progress=progress)


def _articles_part(frame: pd.DataFrame, stories: np.ndarray | None, dup_of: dict,
                   offset: int) -> pd.DataFrame:
    out = pd.DataFrame({
        "doc_id": np.asarray(frame.index.astype(str), dtype=object),
        "title": frame["title"].to_numpy(dtype=object),
        "source": frame["source"].to_numpy(dtype=object),
        "author": frame["author"].to_numpy(dtype=object),
        "n_chars": frame["n_chars"].to_numpy(dtype=np.int64),
    })
    if stories is not None:
        out["story"] = stories
    out["duplicate_of"] = pd.Series([dup_of.get(offset + i) for i in range(len(frame))],
                                    dtype=object)
    return out


def _stories_part(frame: pd.DataFrame, labels: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": np.asarray(frame.index.astype(str), dtype=object),
                         "story": np.asarray(labels, dtype=np.int64)})


def _quotes_part(frame: pd.DataFrame, cache_dir=None) -> pd.DataFrame:
    from newslab.pipeline.part_cache import cached, partition_key
    from newslab.quotes import extract_quotes

    # a progress bar has no place on a worker
    return cached(cache_dir, "quotes_part", partition_key(frame, ("title", "text")),
                  lambda: extract_quotes(frame, progress=False))


def _write(client, futures: list, directory: Path, progress: bool, desc: str) -> list:
    from newslab.pipeline.io import write_part

    written = [client.submit(write_part, f, str(directory), i) for i, f in enumerate(futures)]
    _wait(written, desc, progress)
    return written


def _run(client, source, out: Path, *, partition_size, stages, cache_dir, n_terms,
         duplicate_options, story_options, progress) -> PipelineReport:
    import shutil

    from newslab.pipeline import stages as st
    from newslab.pipeline import terms as tm
    from newslab.pipeline import union
    from newslab.pipeline._shuffle import shuffle

    report = PipelineReport(dashboard=getattr(client, "dashboard_link", None))
    report.n_workers = len(client.scheduler_info()["workers"])
    before = client.run_on_scheduler(_task_seconds)
    for name in ("articles", "stories", "terms", "quotes"):
        shutil.rmtree(out / name, ignore_errors=True)
    for name in ("duplicates", "story_terms"):
        (out / f"{name}.parquet").unlink(missing_ok=True)

    with _Stage(client, report, "load", progress):
        corpus = st.load(client, source, partition_size=partition_size)
        _wait(corpus.parts, "load", progress)
    report.n_articles, report.n_partitions = corpus.n, len(corpus.parts)
    report.skipped = corpus.skipped
    if corpus.skipped:
        logger.warning("skipped %d input(s) holding no readable article", len(corpus.skipped))
    offsets = corpus.offsets
    quotes = None
    if "quotes" in stages:
        # Quotes need no global step: submitted now at low priority, they fill the workers
        # while the client works on the global steps of the other stages.
        quotes = client.map(_quotes_part, corpus.parts, cache_dir=cache_dir, priority=-10)

    dup_of: dict[int, str] = {}
    if "duplicates" in stages:
        with _Stage(client, report, "duplicates", progress):
            dups, positions = st.duplicates(client, corpus, **duplicate_options)
            path = out / "duplicates.parquet"
            dups.to_parquet(path, index=False)
            report.outputs["duplicates"] = str(path)
            if len(dups):
                # duplicate_of: the first article of each group of copies
                nodes, roots = union.components(client, [positions])
                copy = nodes != roots
                root_ids = st.lookup_ids(client, corpus, roots[copy])
                dup_of = dict(zip(nodes[copy].tolist(), root_ids.tolist(), strict=True))

    labels = None
    if "stories" in stages:
        with _Stage(client, report, "segment", progress):
            from newslab.stories import cluster_stories

            max_dense = story_options.get(
                "max_dense", inspect.signature(cluster_stories).parameters["max_dense"].default)
            # Term candidates come from the same segmentation: no line is segmented twice.
            segs = st.segment(client, corpus, cache_dir=cache_dir,
                              keep_tokens=corpus.n <= max_dense,
                              extract_terms="terms" in stages)
            _wait(segs, "segment", progress)
            if "terms" in stages:
                tds = [client.submit(operator.getitem, s, "term_docs") for s in segs]
        with _Stage(client, report, "stories", progress):
            labels = st.stories(client, corpus, segs, **story_options)
            del segs
            parts = [client.submit(_stories_part, p, labels[o:o + n])
                     for p, o, n in zip(corpus.parts, offsets, corpus.lengths, strict=True)]
            _write(client, parts, out / "stories", progress, "write stories")
            report.outputs["stories"] = str(out / "stories")

    if "terms" in stages:
        with _Stage(client, report, "terms", progress):
            clock = st._Clock("terms")
            if labels is None:
                tds = client.map(tm.extract_part, corpus.parts, cache_dir=cache_dir)
            _wait(tds, "terms", progress)
            clock.lap("term extraction")
            n_buckets = corpus.n_buckets(client)
            merged = client.gather(shuffle(client, tds, tm.split_stats, tm.merge_stats,
                                           n_buckets, name="term-stats"))
            vocab = pd.concat(merged, ignore_index=True).sort_values("key", ignore_index=True)
            from newslab.pipeline.idf import idf_vector

            idf = idf_vector(vocab["df"].to_numpy(), corpus.n, dtype=np.float64)
            clock.lap("vocabulary merge", terms=len(vocab))
            vocab_f, idf_f = client.scatter([vocab, idf], broadcast=True)
            counts = [client.submit(tm.counts_part, td, vocab_f) for td in tds]
            per_article = [client.submit(tm.article_terms, c, p, vocab_f, idf_f, n_terms)
                           for c, p in zip(counts, corpus.parts, strict=True)]
            _write(client, per_article, out / "terms", progress, "write terms")
            report.outputs["terms"] = str(out / "terms")
            clock.lap("article terms")
            if labels is not None and len(vocab):
                parts = shuffle(
                    client, counts, tm.split_story_counts, tm.story_terms, n_buckets,
                    split_args=[(labels[o:o + n],)
                                for o, n in zip(offsets, corpus.lengths, strict=True)],
                    combine_kwargs={"vocab": vocab_f, "n_classes": int(len(np.unique(labels))),
                                    "n": n_terms},
                    name="story-terms")
                story_terms = pd.concat([f for f in client.gather(parts) if len(f)]
                                        or [pd.DataFrame(columns=tm.COLUMNS)], ignore_index=True)
                story_terms = story_terms.sort_values(["group", "rank"], ignore_index=True)
                path = out / "story_terms.parquet"
                story_terms.to_parquet(path, index=False)
                report.outputs["story_terms"] = str(path)
                clock.lap("story terms")
            del tds, counts

    if "quotes" in stages:
        with _Stage(client, report, "quotes", progress):
            _write(client, quotes, out / "quotes", progress, "quotes")
            report.outputs["quotes"] = str(out / "quotes")

    with _Stage(client, report, "write", progress):
        parts = [client.submit(_articles_part, p,
                               None if labels is None else labels[o:o + n],
                               {k: v for k, v in dup_of.items() if o <= k < o + n}, o)
                 for p, o, n in zip(corpus.parts, offsets, corpus.lengths, strict=True)]
        _write(client, parts, out / "articles", progress, "write articles")
        report.outputs["articles"] = str(out / "articles")
    report.client_peak_memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    after = client.run_on_scheduler(_task_seconds)
    report.task_seconds = dict(sorted(
        ((k, v - before.get(k, 0.0)) for k, v in after.items()
         if v - before.get(k, 0.0) > 0), key=lambda kv: -kv[1]))
    return report


__all__ = ["PipelineReport", "STAGES", "connect", "default_workers", "read_output", "run_pipeline"]
