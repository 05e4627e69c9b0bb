"""Benchmark `newslab._pos.FastPosTagger` against pyvi's POS tagger, in the same run.

Each article is segmented with `newslab.segment(title + "\\n" + text)` and its words are tagged
as one sequence, as the topic-term extractor does. pyvi
(`ViPosTagger.postagging_tokens`) and the fast tagger run in alternating blocks of articles, so
that load from other users of the machine hits both alike. Reported: identical-output share,
times, speed-ups for `tag` (first pass: per-word tables built on the way; second pass: warm)
and for `tag_many` (one call for all articles), and how many articles needed the exact
step-by-step fallback.

Usage: `python benchmarks/bench_pos.py [--quick]` (or NEWSLAB_BENCH_QUICK=1: 300 VietNews
articles). Needs /work/shared/data (vims-dev) and /tmp/nlprof/s2000.pkl (2,000 VietNews
articles as `load_corpus` returns them); a missing source is skipped.
Writes benchmarks/results/pos.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import pandas as pd
from pyvi.ViPosTagger import ViPosTagger

import newslab
from newslab._paths import PROJ_ROOT, shared_data_dir
from newslab._pos import FastPosTagger

RESULTS = PROJ_ROOT / "benchmarks" / "results" / "pos.md"
SAMPLE = Path("/tmp/nlprof/s2000.pkl")
BLOCK = 50


def _sources(quick: bool) -> list[tuple[str, list[list[str]]]]:
    out = []
    vims = shared_data_dir() / "vims-dev"
    if vims.is_dir() and not quick:
        corpus = newslab.load_corpus(vims)
        out.append(("vims-dev articles", corpus))
    if SAMPLE.is_file():
        corpus = pd.read_pickle(SAMPLE)
        out.append(("VietNews sample (s2000)", corpus.head(300) if quick else corpus))
    return [
        (name, [newslab.segment(f"{t}\n{x}") for t, x in zip(c["title"], c["text"], strict=True)])
        for name, c in out
    ]


def _compare(docs: list[list[str]]) -> dict[str, float]:
    """Alternating blocks of pyvi and a fresh FastPosTagger; then warm passes."""
    tagger = FastPosTagger.from_pyvi()
    fallbacks = 0
    exact = tagger._viterbi_exact

    def counted(s):  # type: ignore[no-untyped-def]
        nonlocal fallbacks
        fallbacks += 1
        return exact(s)

    tagger._viterbi_exact = counted  # type: ignore[method-assign]
    t_pyvi = t_cold = 0.0
    identical = 0
    for start in range(0, len(docs), BLOCK):
        block = docs[start : start + BLOCK]
        t0 = time.process_time()
        ref = [list(ViPosTagger.postagging_tokens(d)[1]) for d in block]
        t1 = time.process_time()
        got = [tagger.tag(d) for d in block]
        t2 = time.process_time()
        t_pyvi += t1 - t0
        t_cold += t2 - t1
        identical += sum(a == b for a, b in zip(ref, got, strict=True))
    cold_fallbacks = fallbacks
    # pyvi again, then the warm fast tagger right after it (the steady state of a long run).
    t0 = time.process_time()
    for d in docs:
        ViPosTagger.postagging_tokens(d)
    t1 = time.process_time()
    for d in docs:
        tagger.tag(d)
    t2 = time.process_time()
    many = tagger.tag_many(docs)
    t3 = time.process_time()
    many_ok = sum(
        a == list(ViPosTagger.postagging_tokens(d)[1]) for a, d in zip(many, docs, strict=True)
    )
    return {
        "docs": len(docs),
        "words": sum(map(len, docs)),
        "identical": identical,
        "many_identical": many_ok,
        "fallbacks": cold_fallbacks,
        "pyvi_s": t_pyvi,
        "cold_s": t_cold,
        "pyvi2_s": t1 - t0,
        "warm_s": t2 - t1,
        "many_s": t3 - t2,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("NEWSLAB_BENCH_QUICK") == "1"
    load0 = os.getloadavg()[0]
    rows = []
    for name, docs in _sources(quick):
        r = _compare(docs)
        rows.append((name, r))
        print(
            f"{name}: {r['identical']}/{r['docs']} identical, pyvi {r['pyvi_s']:.2f}s, "
            f"fast {r['cold_s']:.2f}s ({r['pyvi_s'] / r['cold_s']:.1f}x), warm "
            f"{r['pyvi2_s'] / r['warm_s']:.1f}x, tag_many {r['pyvi2_s'] / r['many_s']:.1f}x",
            file=sys.stderr,
        )
    load1 = os.getloadavg()[0]
    lines = [
        "# POS tagging benchmark (`benchmarks/bench_pos.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared machine, load average {load0:.1f} at start and {load1:.1f} at end: ratios "
        f"from the same run matter more than absolute times), Python {platform.python_version()}.",
        "",
        'Every article is segmented with `newslab.segment(title + "\\n" + text)` and tagged as '
        "one sequence (as the topic-term extractor does). pyvi "
        "(`ViPosTagger.postagging_tokens`) and `FastPosTagger.tag` run in alternating blocks of "
        f"{BLOCK} articles, one article per call; the first pass includes building the "
        "per-word tables. The 2nd pass reruns pyvi and then the warm tagger; `tag_many` tags "
        "all articles in one call and is compared with the 2nd pyvi pass.",
        "",
        "| articles | n | words | identical to pyvi | pyvi | fast `tag` | speed-up "
        "| 2nd pass speed-up | `tag_many` speed-up | exact fallbacks |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        share = 100 * r["identical"] / r["docs"]
        lines.append(
            f"| {name} | {r['docs']:,} | {r['words']:,} | {share:.2f}% "
            f"({r['identical']:,}/{r['docs']:,}; `tag_many` {r['many_identical']:,}) "
            f"| {r['pyvi_s']:.2f} s ({1e3 * r['pyvi_s'] / r['docs']:.2f} ms/article) "
            f"| {r['cold_s']:.2f} s ({1e3 * r['cold_s'] / r['docs']:.2f} ms/article) "
            f"| **{r['pyvi_s'] / r['cold_s']:.1f}x** | {r['pyvi2_s'] / r['warm_s']:.1f}x "
            f"| {r['pyvi2_s'] / r['many_s']:.1f}x | {r['fallbacks']} |"
        )
    lines += [
        "",
        "Exact fallbacks: articles where some decision was closer than the floating-point error "
        "bound, decoded with CRFsuite's step-by-step Viterbi instead (same tags, slower).",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
