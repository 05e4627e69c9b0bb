"""Benchmark: CPU cost per article of each pipeline step on one core, against pyvi.

Explains what dominates the whole pipeline (`bench_pipeline.py`): every per-article step of
`run_pipeline` is run in this process, on the same VietNews articles, with pyvi's segmentation
measured on the same texts in alternating blocks (so that load from other users of the machine
hits both alike). Times are process CPU seconds, reported per article and as a fraction of
pyvi's time (the pipeline's goal is a whole run in at most 0.25 of pyvi's time, on all cores).

Usage:
    .venv/bin/python benchmarks/bench_stage_costs.py [--articles 1000]
Writes benchmarks/results/stage-costs.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable

import pandas as pd

from newslab._paths import PROJ_ROOT, shared_data_dir

RESULTS = PROJ_ROOT / "benchmarks" / "results"
BLOCK = 250


def articles(n: int) -> pd.DataFrame:
    """The first `n` articles of VietNews's validation split, as `load_corpus` gives them."""
    from newslab import load_corpus

    return load_corpus(shared_data_dir() / "vietnews" / "val.jsonl.gz").iloc[:n]


def steps() -> dict[str, Callable[[pd.DataFrame], object]]:
    """The per-article work of each pipeline stage, as the workers run it."""
    from pyvi import ViTokenizer

    from newslab._term_tokens import extract_terms
    from newslab.pipeline import lsh, vectors
    from newslab.quotes import extract_quotes
    from newslab.terms import _doc_texts

    def pyvi(frame):
        return [ViTokenizer.tokenize(t) for t in (*frame["title"], *frame["text"]) if t]

    def quotes(frame):
        return extract_quotes(frame, progress=False)

    def segment(frame):
        return vectors.segment_part(frame, cache_dir=False)

    def clean(frame):
        return _doc_texts(frame)

    def terms(frame):
        # what segment_part(extract_terms=True) adds: cleaned texts, their few new lines, terms
        seg = vectors.LineSegmenter(False)
        seg.texts(frame["text"].tolist())
        seg.texts(frame["title"].tolist())
        texts = _doc_texts(frame)
        start = time.process_time()
        extract_terms(texts, segmenter=seg.lines_of)
        return time.process_time() - start

    return {
        "pyvi": pyvi,
        "fingerprints (duplicates)": lambda f: lsh.fingerprint_part(f, k=5),
        "segmentation + word counts (stories)": segment,
        "cleaning + tone normalisation (terms)": clean,
        "term extraction incl. POS (terms)": terms,
        "quote extraction": quotes,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    corpus = articles(args.articles + 200)
    warm, frame = corpus.iloc[:200], corpus.iloc[200:]
    work = steps()
    for fn in work.values():  # build models, tables and caches once
        fn(warm)
    seconds = dict.fromkeys(work, 0.0)
    load_start = os.getloadavg()[0]
    for start in range(0, len(frame), BLOCK):
        block = frame.iloc[start:start + BLOCK]
        for name, fn in work.items():
            t = time.process_time()
            got = fn(block)
            took = time.process_time() - t
            seconds[name] += got if isinstance(got, float) else took
    n = len(frame)
    pyvi = seconds["pyvi"]
    rows = [{"step": name, "ms per article": round(1000 * s / n, 2),
             "vs pyvi": round(s / pyvi, 3)} for name, s in seconds.items()]
    work_total = sum(s for name, s in seconds.items() if name != "pyvi")
    rows.append({"step": "all per-article work", "ms per article": round(1000 * work_total / n, 2),
                 "vs pyvi": round(work_total / pyvi, 3)})
    table = pd.DataFrame(rows)
    lines = [
        "# CPU cost per article of each pipeline step (`benchmarks/bench_stage_costs.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {os.cpu_count()} cores "
        f"(load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end), "
        f"{n:,} VietNews articles (validation split), one process, CPU time, steps run in "
        f"alternating blocks of {BLOCK} articles after a warm-up on 200 others. `pyvi` is "
        "`ViTokenizer.tokenize` on titles and bodies, the pipeline's reference. "
        "Term extraction is timed as `run_pipeline` runs it: on lines already segmented for "
        "stories (the few cleaned lines that differ are segmented inside).",
        "",
        "| step | ms per article | vs pyvi |",
        "|---|---:|---:|",
        *[f"| {r['step']} | {r['ms per article']} | {r['vs pyvi']} |" for r in rows],
        "",
        "On W cores, the per-article work alone takes about (all per-article work / W) of pyvi's "
        "one-core time; the pipeline's goal (0.25) needs it under 0.25 x W, before any global "
        "step or scheduling cost.",
        "",
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stage-costs.md").write_text("\n".join(lines), encoding="utf-8")
    print(table.to_string(index=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
