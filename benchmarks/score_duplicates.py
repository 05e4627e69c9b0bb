"""Copy set and scorer for `find_duplicates`, built from vims-dev.

Every vims-dev article gets one copy with a seeded random mix of the edits outlets make when
they republish: another title, a header line, a footer/byline, photo captions, NFD instead of
NFC, the other tone-mark style, `7.12` instead of `7/12`, CRLF line ends, trimmed, paragraphs
dropped. The gold duplicates are (original, copy). Pairs whose originals already share much text
(vims-dev outlets copy each other) are neither right nor wrong and are left out of the score.

Run: `python benchmarks/score_duplicates.py [--vims PATH] [--seed 0]` (prints a Markdown table).
Used by tests/test_duplicates_quality.py.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

import newslab
from newslab._paths import shared_data_dir
from newslab.shingles import containment, shingle_sets

#: Originals whose containment reaches this already share much text: their pairs are not scored.
SHARED_TEXT = 0.5

HEADERS = ["(Dân trí) - ", "TPO - ", "VOV.VN - ", "(PLO) - ", "NDO - ", "(Baonghean.vn) - "]
FOOTERS = [
    "Minh Anh (Theo Reuters)",
    "Thu Hằng (tổng hợp)",
    "Theo TTXVN",
    "Nguồn: VnExpress",
    "PV",
    "Xem thêm: Tin thế giới mới nhất",
]
CAPTIONS = ["Ảnh: Reuters", "Ảnh minh họa. (Nguồn: TTXVN)", "Hiện trường vụ việc. Ảnh: AFP"]
EDITS = ["title", "header", "footer", "captions", "nfd", "tones", "dates", "crlf", "trim", "drop"]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def edit_copy(title: str, text: str, rng: random.Random) -> tuple[str, str, list[str]]:
    """Make one republished copy of an article; returns (title, text, edits applied)."""
    edits = [e for e in EDITS if rng.random() < 0.35]
    paras = _paragraphs(text)
    if "trim" in edits and len(paras) >= 3:
        keep = max(2, int(np.ceil(len(paras) * rng.uniform(0.6, 0.9))))
        paras = paras[:keep]
    if "drop" in edits and len(paras) >= 5:
        for _ in range(rng.choice([1, 2])):
            paras.pop(rng.randrange(1, len(paras)))
    if "captions" in edits and paras:
        for _ in range(rng.choice([1, 2])):
            paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(CAPTIONS))
    if "header" in edits and paras:
        paras[0] = rng.choice(HEADERS) + paras[0]
    if "footer" in edits:
        paras.append(rng.choice(FOOTERS))
    body = "\n".join(paras)
    if "title" in edits:
        title = rng.choice(["Nóng: ", "Tin mới: ", "Cập nhật: "]) + title
    if "dates" in edits:
        body = re.sub(r"\b(\d{1,2})/(\d{1,2})\b", lambda m: f"{m[1]}.{m[2]}", body)
    if "tones" in edits:
        body = newslab.normalize(body, tone_style=rng.choice(["old", "new"]))
    if "nfd" in edits:
        body = unicodedata.normalize("NFD", body)
        title = unicodedata.normalize("NFD", title)
    if "crlf" in edits:
        body = body.replace("\n", "\r\n")
    return title, body, edits


def make_copy_set(originals: pd.DataFrame, *, seed: int = 0) -> pd.DataFrame:
    """Originals plus one edited copy of each (doc_id `<id>#copy`), with columns `original, edits`.

    Args:
        originals: A corpus DataFrame (index `doc_id`, columns `title`, `text`).
        seed: Seed of the random edits.

    Returns:
        A corpus DataFrame with `2 * len(originals)` rows.
    """
    rng = random.Random(seed)
    rows = []
    for doc_id, row in originals.iterrows():
        rows.append((doc_id, row["title"], row["text"], doc_id, ""))
        title, text, edits = edit_copy(row["title"], row["text"], rng)
        rows.append((f"{doc_id}#copy", title, text, doc_id, ",".join(edits)))
    out = pd.DataFrame(rows, columns=["doc_id", "title", "text", "original", "edits"])
    return out.set_index("doc_id")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def gold_pairs(copy_set: pd.DataFrame) -> tuple[set, set]:
    """Return (gold duplicate pairs, pairs left out because their originals share much text)."""
    originals = copy_set[copy_set.index == copy_set["original"]]
    sets = dict(zip(originals.index, shingle_sets(originals["text"]), strict=True))
    sharing = {}
    for a, b in combinations(originals.index, 2):
        if containment(sets[a], sets[b])[0] >= SHARED_TEXT:
            sharing.setdefault(a, set()).add(b)
            sharing.setdefault(b, set()).add(a)
    gold = {_pair(i, o) for i, o in copy_set["original"].items() if i != o}
    members: dict[str, list[str]] = {}
    for doc_id, original in copy_set["original"].items():
        members.setdefault(original, []).append(doc_id)
    excluded = set()
    for a, partners in sharing.items():
        for b in partners:
            for x in members[a]:
                for y in members[b]:
                    excluded.add(_pair(x, y))
    return gold, excluded


def score(predicted, gold: set, excluded: set) -> dict:
    """Precision, recall and F1 of predicted pairs (iterable of (a, b)) against gold."""
    pred = {_pair(a, b) for a, b in predicted} - excluded
    tp = len(pred & gold)
    precision = tp / len(pred) if pred else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": len(pred) - tp,
        "fn": len(gold) - tp,
    }


def tfidf_pairs(copy_set: pd.DataFrame, *, nfc: bool, threshold: float = 0.9) -> list:
    """Baseline: pairs whose plain TF-IDF cosine (sklearn defaults, syllables) reaches threshold."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = copy_set["text"].tolist()
    if nfc:
        texts = [unicodedata.normalize("NFC", t) for t in texts]
    x = TfidfVectorizer().fit_transform(texts)
    sim = (x @ x.T).toarray()
    ids = copy_set.index.to_numpy()
    a, b = np.nonzero(np.triu(sim >= threshold, k=1))
    return list(zip(ids[a], ids[b], strict=True))


def evaluate(
    originals: pd.DataFrame, *, seed: int = 0, thresholds=(0.5, 0.7, 0.8, 0.9)
) -> pd.DataFrame:
    """Score `find_duplicates` (default and other thresholds) and the TF-IDF baselines."""
    copy_set = make_copy_set(originals, seed=seed)
    gold, excluded = gold_pairs(copy_set)
    rows = []
    start = time.perf_counter()
    found = newslab.find_duplicates(copy_set)
    elapsed = time.perf_counter() - start
    rows.append(
        {
            "method": "find_duplicates (default)",
            **score(zip(found.doc_a, found.doc_b, strict=True), gold, excluded),
            "seconds": elapsed,
        }
    )
    for t in thresholds:
        found = newslab.find_duplicates(copy_set, threshold=t)
        rows.append(
            {
                "method": f"find_duplicates threshold={t}",
                **score(zip(found.doc_a, found.doc_b, strict=True), gold, excluded),
            }
        )
    for nfc in (True, False):
        pairs = tfidf_pairs(copy_set, nfc=nfc)
        name = f"TF-IDF cosine >= 0.9, {'NFC' if nfc else 'no NFC'}"
        rows.append({"method": name, **score(pairs, gold, excluded)})
    out = pd.DataFrame(rows)
    out.attrs.update(n_docs=len(copy_set), n_gold=len(gold), n_excluded=len(excluded), seed=seed)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vims", default=str(shared_data_dir() / "vims-dev"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not Path(args.vims).is_dir():
        print(f"vims-dev not found at {args.vims}", file=sys.stderr)
        return 1
    table = evaluate(newslab.load_corpus(args.vims), seed=args.seed)
    print(
        f"copy set: {table.attrs['n_docs']} articles, {table.attrs['n_gold']} gold pairs, "
        f"{table.attrs['n_excluded']} pairs left out (originals share >= {SHARED_TEXT} containment), "
        f"seed {table.attrs['seed']}\n"
    )
    print(
        table.round(4).to_markdown(index=False)
        if _has_tabulate()
        else table.round(4).to_string(index=False)
    )
    return 0


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
