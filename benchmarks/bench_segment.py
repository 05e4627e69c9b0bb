"""Benchmark newslab's segmentation against pyvi, on the same texts in the same run.

Measures:
1. `newslab.tokenize` vs `pyvi.ViTokenizer.tokenize`: identical-output share and speed on every
   paragraph of vims-dev and on whole VietNews articles (20,000 by default). The two run in
   alternating blocks so that load from other users of the machine hits both alike.
2. `segment_many`: cold cache with 1 and 2 processes, then warm cache.
3. `segment` quality vs pyvi: word F1 against the silver VietNews sample, full person names kept
   whole (test sentences), word F1 on the hand-segmented gold set.

Usage: `python benchmarks/bench_segment.py [--quick] [--articles N]` (or NEWSLAB_BENCH_QUICK=1).
Writes benchmarks/results/segment.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from pyvi import ViTokenizer

import newslab
from newslab._paths import PROJ_ROOT, shared_data_dir
from newslab._segment_eval import Score
from newslab._tokenizer import syllables

RESULTS = PROJ_ROOT / "benchmarks" / "results" / "segment.md"
BLOCK = 200


def _vims_paragraphs(root: Path) -> list[str]:
    paragraphs = []
    for path in sorted(root.glob("Cluster_*/*.txt")):
        raw = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        paragraphs.extend(line for line in raw.split("\n") if line.strip())
    return paragraphs


def _vietnews_articles(path: Path, n: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= n:
                break
            texts.append(json.loads(line)["text"])
    return texts


def _compare(texts: list[str], *, with_segment: bool = False) -> dict[str, float]:
    """Run pyvi and newslab in alternating blocks; return times, identity and sizes."""
    newslab.segment("Khởi động.")  # build the model tables before timing
    t_pyvi = t_cold = t_segment = 0.0
    identical = 0
    for start in range(0, len(texts), BLOCK):
        block = texts[start : start + BLOCK]
        t0 = time.perf_counter()
        ref = [ViTokenizer.tokenize(t) for t in block]
        t1 = time.perf_counter()
        got = [newslab.tokenize(t) for t in block]
        t2 = time.perf_counter()
        if with_segment:
            for t in block:
                newslab.segment(t)
        t3 = time.perf_counter()
        t_pyvi += t1 - t0
        t_cold += t2 - t1
        t_segment += t3 - t2
        identical += sum(a == b for a, b in zip(ref, got, strict=True))
    # A second pass: per-syllable tables are now warm (the steady state of a long session).
    t0 = time.perf_counter()
    for t in texts:
        newslab.tokenize(t)
    t_warm = time.perf_counter() - t0
    n_syl = sum(len(syllables(t)[1]) for t in texts)
    return {
        "texts": len(texts),
        "syllables": n_syl,
        "identical": identical,
        "pyvi_s": t_pyvi,
        "newslab_s": t_cold,
        "newslab_warm_s": t_warm,
        "segment_s": t_segment,
    }


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _many(texts: list[str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        one = _timed(lambda: newslab.segment_many(texts, n_jobs=1, cache_dir=d1, progress=False))
        two = _timed(lambda: newslab.segment_many(texts, n_jobs=2, cache_dir=d2, progress=False))
        warm = _timed(lambda: newslab.segment_many(texts, n_jobs=2, cache_dir=d2, progress=False))
        tok_one = _timed(lambda: newslab.tokenize_many(texts, n_jobs=1, cache_dir=False, progress=False))
        tok_two = _timed(lambda: newslab.tokenize_many(texts, n_jobs=2, cache_dir=False, progress=False))
    return {"cold_1": one, "cold_2": two, "warm": warm, "tok_1": tok_one, "tok_2": tok_two}


def _silver(path: Path, n_articles: int) -> tuple[Score, Score, int]:
    ours, pyvi = Score(), Score()
    lines = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= n_articles:
                break
            doc = json.loads(line)
            for text, seg in zip(doc["text"], doc["segmented"], strict=True):
                ref = unicodedata.normalize("NFC", seg).split()
                ours.add(newslab.segment(text), ref)
                pyvi.add(ViTokenizer.tokenize(text).split(), ref)
                lines += 1
    return ours, pyvi, lines


def _test_sets() -> dict[str, tuple[float, float, int]]:
    sys.path.insert(0, str(PROJ_ROOT / "tests"))
    import test_segmentation_gold as gold
    import test_segmentation_names as names

    def pyvi_words(t: str) -> list[str]:
        return ViTokenizer.tokenize(t).split()

    out = {}
    for label, pairs in (
        ("names (dev set)", names.NAME_SENTENCES),
        ("names (held-out set)", names.HELDOUT_NAME_SENTENCES),
    ):
        ours = names._share_whole(newslab.segment, pairs)
        ref = names._share_whole(pyvi_words, pairs)
        out[label] = (ours, ref, len(pairs))
    out["gold F1"] = (gold._score(newslab.segment).f1, gold._score(pyvi_words).f1, len(gold.GOLD))
    return out


def _speed_rows(label: str, r: dict[str, float]) -> list[str]:
    syl = r["syllables"]
    return [
        f"| {label} | {r['texts']:,} | {syl:,} | {r['identical'] / r['texts']:.2%} "
        f"({r['identical']:,}/{r['texts']:,}) | {r['pyvi_s']:.1f} s ({syl / r['pyvi_s']:,.0f}/s) "
        f"| {r['newslab_s']:.1f} s ({syl / r['newslab_s']:,.0f}/s) "
        f"| {r['newslab_warm_s']:.1f} s | **{r['pyvi_s'] / r['newslab_s']:.1f}x** "
        f"| {r['pyvi_s'] / r['newslab_warm_s']:.1f}x |"
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small samples (a few seconds)")
    parser.add_argument("--articles", type=int, default=None, help="VietNews articles (20000)")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("NEWSLAB_BENCH_QUICK") == "1"
    n_articles = args.articles or (500 if quick else 20_000)
    data = shared_data_dir()
    if not (data / "vims-dev").is_dir():
        print(f"bench_segment: corpora not found at {data}; skipped", file=sys.stderr)
        return 0

    load_start = os.getloadavg()[0]
    vims = _vims_paragraphs(data / "vims-dev")
    if quick:
        vims = vims[:1500]
    print(f"tokenize: {len(vims):,} vims-dev paragraphs ...", file=sys.stderr)
    r_vims = _compare(vims, with_segment=True)
    articles = _vietnews_articles(data / "vietnews" / "test.jsonl.gz", n_articles)
    print(f"tokenize: {len(articles):,} VietNews articles ...", file=sys.stderr)
    r_news = _compare(articles)

    many_texts = articles[: 300 if quick else 2000]
    print(f"segment_many: {len(many_texts):,} articles ...", file=sys.stderr)
    r_many = _many(many_texts)
    many_syl = sum(len(syllables(t)[1]) for t in many_texts)

    n_silver = 200 if quick else 2000
    print(f"segment vs silver: {n_silver:,} articles ...", file=sys.stderr)
    s_ours, s_pyvi, s_lines = _silver(data / "vietnews" / "silver-segmented-sample.jsonl.gz", n_silver)
    sets = _test_sets()

    load = os.getloadavg()[0]
    lines = [
        "# Segmentation benchmark (`benchmarks/bench_segment.py`)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared machine, load average {load_start:.1f} at start and {load:.1f} at end: ratios "
        f"from the same run matter more than absolute times), "
        f"Python {platform.python_version()}{', --quick sample' if quick else ''}.",
        "",
        "## `tokenize`: identical to pyvi, and faster",
        "",
        "pyvi and newslab run in alternating blocks of 200 texts on the same strings, one text "
        "per call. newslab's first pass includes building its per-syllable tables; the second "
        "pass reruns the same texts (its time also moves with the machine's load).",
        "",
        "| texts | n | syllables | identical to pyvi | pyvi | newslab | newslab 2nd pass "
        "| speed-up | speed-up 2nd pass |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *_speed_rows("vims-dev paragraphs", r_vims),
        *_speed_rows("VietNews articles (test split, whole text)", r_news),
        "",
        f"`segment` (rules included) on the vims-dev paragraphs, same blocks: "
        f"{r_vims['segment_s']:.1f} s ({r_vims['syllables'] / r_vims['segment_s']:,.0f} syllables/s), "
        f"**{r_vims['pyvi_s'] / r_vims['segment_s']:.1f}x** pyvi's speed.",
        "",
        f"## `segment_many` / `tokenize_many` on {len(many_texts):,} VietNews articles "
        f"({many_syl:,} syllables)",
        "",
        "Same process, one after the other (no pyvi reference here: see the ratios above). "
        "`tokenize_many` runs the model once per chunk of texts.",
        "",
        "| run | time | syllables/s |",
        "|---|---:|---:|",
        f"| `tokenize_many`, 1 process, no cache | {r_many['tok_1']:.2f} s "
        f"| {many_syl / r_many['tok_1']:,.0f} |",
        f"| `tokenize_many`, 2 processes, no cache | {r_many['tok_2']:.2f} s "
        f"| {many_syl / r_many['tok_2']:,.0f} |",
        f"| `segment_many`, 1 process, cold cache | {r_many['cold_1']:.2f} s "
        f"| {many_syl / r_many['cold_1']:,.0f} |",
        f"| `segment_many`, 2 processes, cold cache | {r_many['cold_2']:.2f} s "
        f"| {many_syl / r_many['cold_2']:,.0f} |",
        f"| `segment_many`, warm cache | {r_many['warm']:.3f} s | {many_syl / r_many['warm']:,.0f} |",
        "",
        "## `segment` vs pyvi: quality",
        "",
        "| measure | newslab `segment` | pyvi | n |",
        "|---|---:|---:|---:|",
        f"| word F1 vs silver VietNews sample | {s_ours.f1:.4f} (P {s_ours.precision:.4f}, "
        f"R {s_ours.recall:.4f}) | {s_pyvi.f1:.4f} (P {s_pyvi.precision:.4f}, "
        f"R {s_pyvi.recall:.4f}) | {n_silver:,} articles, {s_lines:,} lines |",
    ]
    for label, (ours, ref, n) in sets.items():
        fmt = "{:.4f}" if "F1" in label else "{:.1%}"
        what = "hand-segmented sentences" if "F1" in label else "sentences, full name kept whole"
        lines.append(f"| {label} | {fmt.format(ours)} | {fmt.format(ref)} | {n} {what} |")
    lines += [
        "",
        "The silver standard is another segmenter's output (it splits `Bộ | Công_Thương` and "
        "sometimes glues a country to a name, `Triều_Tiên_Kim_Jong-un`), so agreement is a "
        "comparison, not accuracy. The name sets and the gold set are in "
        "`tests/test_segmentation_names.py` and `tests/test_segmentation_gold.py`.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not quick:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
