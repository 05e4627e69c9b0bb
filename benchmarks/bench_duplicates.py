"""Benchmark find_duplicates and cluster_stories on VietNews at 10k, 50k and 150k articles.

Each N runs in a fresh subprocess (so peak memory is that run's own), on the first N VietNews
articles (train, then val, then test). Measured per N:

- `find_duplicates` (default settings): wall time, peak RSS of the process and its increase
  during the call, pairs found;
- the datasketch reference in the same subprocess: `MinHash` (128 permutations) and
  `MinHashLSH` (Jaccard threshold 0.5) over the *same* shingle hashes, then the same exact
  containment check on its candidates. Its time includes computing the shingles, like ours;
- `cluster_stories` (default settings) on pre-tokenised text: segmentation is a separate,
  cached step (see the segmentation benchmark), so the words given here are lowercase syllables
  (`text.split()`), which exercises the same sparse code path at the same scale.

Run: `python benchmarks/bench_duplicates.py [--quick] [--sizes 10000 50000 150704]
[--no-stories]`. Writes benchmarks/results/duplicates.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "duplicates.md"


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_vietnews(n: int) -> pd.DataFrame:
    from newslab._paths import shared_data_dir

    rows = []
    for part in ("train", "val", "test"):
        path = shared_data_dir() / "vietnews" / f"{part}.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                rows.append((str(len(rows)), rec.get("title", ""), rec.get("text", "")))
                if len(rows) >= n:
                    break
        if len(rows) >= n:
            break
    return pd.DataFrame(rows, columns=["doc_id", "title", "text"]).set_index("doc_id")


def run_datasketch(corpus: pd.DataFrame, threshold: float = 0.8) -> dict:
    """datasketch MinHash + MinHashLSH on our shingles, then our exact check."""
    from datasketch import MinHash, MinHashLSH

    from newslab.duplicates import fingerprints
    from newslab.shingles import containment

    start = time.perf_counter()
    sets, _ = fingerprints(corpus["text"].tolist())
    shingled = time.perf_counter() - start
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = []
    for i, s in enumerate(sets):
        if len(s) < 20:
            continue
        m = MinHash(num_perm=128, hashfunc=_prehashed)
        m.update_batch((s & np.uint64(0xFFFFFFFF)).tolist())
        lsh.insert(i, m, check_duplication=False)
        hashes.append((i, m))
    pairs = set()
    for i, m in hashes:
        for j in lsh.query(m):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    found = sum(1 for a, b in pairs if containment(sets[a], sets[b])[0] >= threshold)
    return {
        "seconds": time.perf_counter() - start,
        "shingle_seconds": shingled,
        "candidates": len(pairs),
        "pairs": found,
    }


def _prehashed(x: int) -> int:
    """Shingles are already 64-bit hashes (masked to 32 bits): datasketch need not rehash."""
    return x


def child(n: int, stories: bool, datasketch: bool) -> dict:
    import newslab

    corpus = load_vietnews(n)
    out = {"n": len(corpus)}
    base = _rss_mb()
    start = time.perf_counter()
    pairs = newslab.find_duplicates(corpus)
    out["dup_seconds"] = time.perf_counter() - start
    out["dup_peak_mb"] = _peak_mb()
    out["dup_extra_mb"] = max(_peak_mb() - base, 0.0)
    out["dup_pairs"] = len(pairs)
    out["dup_kinds"] = pairs["kind"].value_counts().to_dict()
    del pairs
    if stories:
        words: dict[str, str] = {}  # one string object per distinct word, as a cache would load

        def split(text: str) -> list[str]:
            return [words.setdefault(w, w) for w in text.lower().split()]

        tokens = [split(t) for t in corpus["text"]]
        titles = [split(t) for t in corpus["title"]]
        start = time.perf_counter()
        labels = newslab.cluster_stories(corpus, tokens=tokens, title_tokens=titles)
        out["stories_seconds"] = time.perf_counter() - start
        out["stories"] = int(labels.nunique())
        out["stories_multi"] = int((labels.value_counts() > 1).sum())
        out["stories_peak_mb"] = _peak_mb()
        del tokens, titles
    if datasketch:
        ref = run_datasketch(corpus)
        out.update({f"ds_{k}": v for k, v in ref.items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (2k, 5k) for a smoke run")
    parser.add_argument("--sizes", type=int, nargs="*")
    parser.add_argument("--no-stories", action="store_true")
    parser.add_argument("--no-datasketch", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    if args.child:
        result = child(args.child, not args.no_stories, not args.no_datasketch)
        print(json.dumps(result))
        return 0
    sizes = args.sizes or ([2000, 5000] if args.quick else [10000, 50000, 150704])
    rows = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--child", str(n)]
        cmd += ["--no-stories"] if args.no_stories else []
        cmd += ["--no-datasketch"] if args.no_datasketch else []
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(rows[-1], file=sys.stderr)
    table = pd.DataFrame(rows)
    lines = [
        "| articles | find_duplicates s | peak RSS MB (+ during call) | pairs | datasketch s "
        "| ratio | datasketch pairs | cluster_stories s | stories (>1 article) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in table.to_dict("records"):
        ds = r.get("ds_seconds", float("nan"))
        lines.append(
            f"| {r['n']:,} | {r['dup_seconds']:.1f} | {r['dup_peak_mb']:.0f} (+{r['dup_extra_mb']:.0f}) "
            f"| {r['dup_pairs']:,} | {ds:.1f} | {r['dup_seconds'] / ds:.2f} "
            f"| {r.get('ds_pairs', float('nan')):,} | {r.get('stories_seconds', float('nan')):.1f} "
            f"| {r.get('stories', 0):,} ({r.get('stories_multi', 0):,}) |"
        )
    header = (
        "# find_duplicates / cluster_stories benchmark\n\n"
        f"Machine: {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, shared with other jobs (load average at start "
        f"{os.getloadavg()[0]:.1f}). Corpus: first N VietNews articles. One fresh subprocess per "
        "N; `ratio` = find_duplicates time / datasketch MinHash+MinHashLSH time on the same "
        "shingles in the same run (both include shingling and the exact check). "
        "cluster_stories gets syllable tokens (segmentation is cached separately).\n\n"
    )
    kinds = "\n".join(f"- N={r['n']:,}: {r['dup_kinds']}" for r in table.to_dict("records"))
    text = header + "\n".join(lines) + "\n\nDuplicate kinds:\n" + kinds + "\n"
    print(text)
    if not args.quick:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
