"""Score `cluster_stories` on vims-dev, where the folder is the story.

Reports adjusted Rand index and pairwise F1 for the default settings on all 100 stories and on
each half (stories 1-50 and 51-100, vectorised and clustered separately), a threshold sweep,
and the plain baseline: TF-IDF cosine with average-link clustering at its best threshold.

Run: `python benchmarks/score_stories.py [--vims PATH]`. Used by tests/test_stories_quality.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

import newslab
from newslab._paths import shared_data_dir
from newslab.stories import _average_link
from newslab.vectorize import segment_texts, vectorize


def pairwise_f1(gold, pred) -> float:
    """F1 of the pairs of articles put in the same story."""

    def pairs(labels) -> int:
        return sum(v * (v - 1) // 2 for v in Counter(labels).values())

    both = pairs(list(zip(gold, pred, strict=True)))
    p, r = both / max(pairs(pred), 1), both / max(pairs(gold), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def load(vims: str | Path) -> tuple[pd.DataFrame, list, list, np.ndarray]:
    corpus = newslab.load_corpus(vims)
    tokens = segment_texts(corpus["text"].tolist())
    titles = segment_texts(corpus["title"].fillna("").tolist())
    gold = np.array([i.split("/")[0] for i in corpus.index])
    return corpus, tokens, titles, gold


def score_subset(corpus, tokens, titles, gold, mask, **options) -> dict:
    idx = np.flatnonzero(mask)
    sub = corpus.iloc[idx]
    pred = newslab.cluster_stories(
        sub, tokens=[tokens[i] for i in idx], title_tokens=[titles[i] for i in idx], **options
    )
    g = gold[idx]
    return {
        "ari": adjusted_rand_score(g, pred.to_numpy()),
        "pairwise_f1": pairwise_f1(list(g), list(pred.to_numpy())),
        "stories": int(pred.nunique()),
        "gold_stories": len(set(g)),
    }


def baseline(corpus, tokens, gold, mask) -> dict:
    """Plain TF-IDF (vectorize defaults) + average-link at its best threshold (an upper bound)."""
    idx = np.flatnonzero(mask)
    x, _ = vectorize(corpus.iloc[idx], tokens=[tokens[i] for i in idx])
    sim = (x @ x.T).toarray().astype(np.float64)
    best = None
    for t in np.arange(0.05, 0.8, 0.0125):
        pred = _average_link(sim, t)
        row = (adjusted_rand_score(gold[idx], pred), pairwise_f1(list(gold[idx]), list(pred)), t)
        best = max(best, row) if best else row
    return {"ari": best[0], "pairwise_f1": best[1], "best_threshold": round(best[2], 4)}


def evaluate(vims) -> tuple[pd.DataFrame, pd.DataFrame]:
    corpus, tokens, titles, gold = load(vims)
    number = np.array([int(g.split("_")[1]) for g in gold])
    halves = {"all 100": number > 0, "stories 1-50": number <= 50, "stories 51-100": number > 50}
    rows = []
    for name, mask in halves.items():
        rows.append(
            {
                "subset": name,
                "method": "cluster_stories (default)",
                **score_subset(corpus, tokens, titles, gold, mask),
            }
        )
        rows.append(
            {
                "subset": name,
                "method": "TF-IDF + average-link, best threshold",
                **baseline(corpus, tokens, gold, mask),
            }
        )
    sweep = []
    for t in np.round(np.arange(0.14, 0.32, 0.01), 2):
        row = {"threshold": t}
        for name, mask in halves.items():
            r = score_subset(corpus, tokens, titles, gold, mask, threshold=t)
            row[f"ARI {name}"] = r["ari"]
        sweep.append(row)
    return pd.DataFrame(rows), pd.DataFrame(sweep)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vims", default=str(shared_data_dir() / "vims-dev"))
    args = parser.parse_args(argv)
    if not Path(args.vims).is_dir():
        print(f"vims-dev not found at {args.vims}", file=sys.stderr)
        return 1
    table, sweep = evaluate(args.vims)
    print(table.round(4).to_string(index=False))
    print()
    print(sweep.round(4).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
