"""Score topic terms on ViMs dev stories: fragments of names, junk, readability.

Runs, in the same process, a pyvi baseline (pyvi tokens, lowercased, the same stopwords as
newslab and tokens without letters dropped, class-based TF-IDF per story) and `newslab.topic_terms(by=story)`, and scores
the top-10 terms of every story (folder = story).

Definitions (computed from each story's own text, independently of newslab's term code):
- syllables: maximal letter sequences (hyphenated parts kept together, "Jong-un"); a run of
  capitalised syllables is broken by any punctuation;
- a syllable is capitalised if it has an upper-case letter; at a sentence start it only counts
  as capitalised if the story uses its capitalised form mid-sentence more often than its
  lowercase form (so "Các", "Ông" at a sentence start are not names, "Mỹ" is);
- a *name* is a maximal run of two or more capitalised syllables;
- a top term is a *fragment* if it occurs in the story and more than half of its occurrences
  (case-insensitive, at syllable boundaries) lie inside a capitalised run longer than the term,
  i.e. it is a proper part of a longer name and is not mostly used on its own ("cập" from "Ai
  Cập", "jong" from "Kim Jong-un"; "Mỹ" is not, as it mostly stands alone);
- a top term is *junk* if it has at most one letter, starts with a digit, or (when shown in
  lowercase) is a stopword (`newslab.stopwords()` plus newslab's news filler list, the same
  list both systems drop) or is tagged mostly as a function word by pyvi's POS tagger
  (E, C, CC, P, R, L, M, T, I, F, X, Z, CH) in that story;
- *fragment, titles apart*: the same, but a title written before a name (TP, HLV, CLB, ĐT,
  UBND, CĐV, GS, TS, ...) does not count as part of the name, so "Đà Nẵng" is not a fragment of
  "TP Đà Nẵng";
- *underscored*: the term as shown contains `_` (e.g. `ai_cập`).

Usage: .venv/bin/python benchmarks/score_terms.py  (needs ../shared/data/vims-dev)
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter

import pandas as pd
from pyvi import ViPosTagger, ViTokenizer
from scipy import sparse

import newslab
from newslab._paths import PROJ_ROOT, shared_data_dir
from newslab._term_display import _stopwords
from newslab.terms import _ctfidf, _doc_texts

# Titles written before names ("TP Đà Nẵng", "HLV Klinsmann"); for the lenient count they do not
# make a name longer, so "Đà Nẵng" is not a fragment of "TP Đà Nẵng".
TITLES = frozenset("tp hlv clb đt đtqg ubnd cđv gs ts pgs ths bs công ty ông bà".split())
SHOW = ["Cluster_001", "Cluster_014", "Cluster_015", "Cluster_016", "Cluster_023", "Cluster_025"]
FUNCTION_TAGS = {"E", "C", "CC", "P", "R", "L", "M", "T", "I", "F", "X", "Z", "CH"}
SYL = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d[\w.,/:-]*|[^\w\s]", re.UNICODE)
SENT_END = set('.!?:;"“”…()\n')


def story_of(doc_id: str) -> str:
    return doc_id.split("/")[0]


def baseline_terms(corpus: pd.DataFrame, stories: pd.Series, n: int = 10) -> pd.DataFrame:
    stop = _stopwords()
    docs = []
    for text in _doc_texts(corpus):  # the same title + cleaned body newslab reads
        tokens = ViTokenizer.tokenize(text).split()
        docs.append([t.lower() for t in tokens if re.search(r"[^\W\d_]", t) and t.lower() not in stop])
    vocab = sorted({t for d in docs for t in d})
    index = {t: i for i, t in enumerate(vocab)}
    groups = sorted(stories.unique())
    gi = {g: i for i, g in enumerate(groups)}
    import numpy as np

    counts = np.zeros((len(groups), len(vocab)))
    for d, g in zip(docs, stories, strict=True):
        for t, c in Counter(d).items():
            counts[gi[g], index[t]] += c
    scores = _ctfidf(sparse.csr_matrix(counts)).toarray()
    rows = []
    for g, row in zip(groups, scores, strict=True):
        order = sorted(np.flatnonzero(row > 0), key=lambda j: (-row[j], vocab[j]))[:n]
        rows += [(g, vocab[j], row[j], r) for r, j in enumerate(order, 1)]
    return pd.DataFrame(rows, columns=["group", "term", "score", "rank"])


class StoryText:
    """Syllables of one story with capitalisation, sentence starts and punctuation breaks."""

    def __init__(self, text: str, *, titles: frozenset[str] = frozenset()):
        toks = SYL.findall(text.replace("\n", " \n "))
        # rebuild with newlines as sentence ends: SYL drops whitespace, keep "\n" by re-scan
        toks = []
        for line in text.split("\n"):
            toks.extend(SYL.findall(line))
            toks.append("\n")
        self.items = []  # (syllable, is_word, sentence_initial)
        initial = True
        for t in toks:
            if t == "\n" or t in SENT_END:
                self.items.append((t, False, False))
                initial = True
            elif re.match(r"[^\W\d_]", t):
                self.items.append((t, True, initial))
                initial = False
            else:
                self.items.append((t, False, False))
        votes = Counter()
        for s, w, ini in self.items:
            if w and not ini:
                votes[s.lower()] += 1 if any(c.isupper() for c in s) else -1
        self.cap = []
        for s, w, ini in self.items:
            c = w and any(ch.isupper() for ch in s)
            if c and ini and votes[s.lower()] <= 0:
                c = False
            if s.lower() in titles:
                c = False
            self.cap.append(c)
        # run length of the capitalised run each position belongs to (0 if not capitalised)
        self.run_len = [0] * len(self.items)
        i = 0
        while i < len(self.items):
            if self.cap[i]:
                j = i
                while j < len(self.items) and self.cap[j]:
                    j += 1
                for k in range(i, j):
                    self.run_len[k] = j - i
                i = j
            else:
                i += 1
        self.lower = [s.lower() for s, _, _ in self.items]
        self.starts: dict[str, list[int]] = {}
        for i, s in enumerate(self.lower):
            self.starts.setdefault(s, []).append(i)

    def fragment(self, syllables: list[str]) -> tuple[bool, int]:
        """(is fragment, number of occurrences)."""
        k = len(syllables)
        if not k:
            return False, 0
        inside = total = 0
        for i in self.starts.get(syllables[0], []):
            if self.lower[i : i + k] != syllables:
                continue
            total += 1
            if all(self.cap[i : i + k]) and self.run_len[i] > k:
                inside += 1
        return total > 0 and inside > total / 2, total


def term_syllables(term: str) -> list[str]:
    return [s for s in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d\w*", term.replace("_", " ").lower())]


def score(
    terms: pd.DataFrame,
    texts: dict[str, StoryText],
    pos: dict[str, dict[str, str]],
    lenient: dict[str, StoryText],
) -> dict:
    stop = _stopwords()
    n = frag = junk = under = frag_lenient = 0
    frag_examples, junk_examples = [], []
    for g, term in zip(terms["group"], terms["term"], strict=True):
        n += 1
        syl = term_syllables(term)
        is_frag, _ = texts[g].fragment(syl)
        frag_lenient += lenient[g].fragment(syl)[0]
        letters = re.findall(r"[^\W\d_]", term)
        shown_lower = term == term.lower()
        key = "_".join(term.lower().split())
        is_junk = len(letters) <= 1 or term[0].isdigit()
        if shown_lower and not is_junk:
            is_junk = key in stop or pos[g].get(key, "") in FUNCTION_TAGS
        frag += is_frag
        junk += is_junk
        under += "_" in term
        if is_frag:
            frag_examples.append(f"{term} ({g})")
        if is_junk:
            junk_examples.append(f"{term} ({g})")
    return {
        "terms": n,
        "fragments": frag,
        "fragment_share": frag / n if n else 0.0,
        "fragments_lenient": frag_lenient,
        "junk": junk,
        "junk_share": junk / n if n else 0.0,
        "underscored": under,
        "frag_examples": frag_examples,
        "junk_examples": junk_examples,
    }


def story_pos(corpus: pd.DataFrame, stories: pd.Series) -> dict[str, dict[str, str]]:
    """Dominant pyvi POS tag per lowercase word, per story."""
    out: dict[str, dict[str, str]] = {}
    for g, part in corpus.groupby(stories):
        tags: dict[str, Counter] = {}
        for title, text in zip(part["title"], part["text"], strict=True):
            words, pos = ViPosTagger.postagging(ViTokenizer.tokenize(f"{title}\n{text}"))
            for w, p in zip(words, pos, strict=False):
                tags.setdefault(w.lower(), Counter())[p] += 1
        out[g] = {w: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for w, c in tags.items()}
    return out


def main() -> int:
    root = shared_data_dir() / "vims-dev"
    if not root.is_dir():
        print(f"vims-dev not found at {root}; set NEWSLAB_SHARED_DATA", file=sys.stderr)
        return 1
    corpus = newslab.load_corpus(root)
    stories = pd.Series([story_of(d) for d in corpus.index], index=corpus.index, name="story")
    story_texts = {
        g: "\n".join(f"{t}\n{x}" for t, x in zip(p["title"], p["text"], strict=True))
        for g, p in corpus.groupby(stories)
    }
    texts = {g: StoryText(t) for g, t in story_texts.items()}
    lenient = {g: StoryText(t, titles=TITLES) for g, t in story_texts.items()}
    pos = story_pos(corpus, stories)

    t0 = time.perf_counter()
    base = baseline_terms(corpus, stories)
    t_base = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = newslab.topic_terms(corpus, by=stories, n=10)
    t_ours = time.perf_counter() - t0

    rows = []
    results = {}
    for name, terms, secs in [("pyvi baseline", base, t_base), ("newslab", ours, t_ours)]:
        s = score(terms, texts, pos, lenient)
        results[name] = s
        rows.append(
            f"| {name} | {s['terms']} | {s['fragments']} | {100 * s['fragment_share']:.1f}% | "
            f"{100 * s['fragments_lenient'] / s['terms']:.1f}% | "
            f"{s['junk']} | {100 * s['junk_share']:.1f}% | {s['underscored']} | {secs:.1f} |"
        )
    lines = [
        "# Topic terms on ViMs dev stories",
        "",
        f"{len(corpus)} articles, {stories.nunique()} stories (folder = story); top-10 terms per "
        "story by class-based TF-IDF. Produced by `benchmarks/score_terms.py`; definitions of "
        "*fragment* and *junk* are in its docstring and in docs/terms.md.",
        "",
        "| terms from | top terms | fragments | fragment share | fragment share, titles apart | junk | junk share | shown with `_` | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Fragment ratio newslab / baseline: "
        f"{results['newslab']['fragment_share'] / max(results['pyvi baseline']['fragment_share'], 1e-9):.2f}. "
        "Seconds include segmentation (newslab: `segment_many` + POS tagging + term extraction).",
        "",
    ]
    for name, s in results.items():
        lines.append(f"**{name}** fragments: {', '.join(s['frag_examples'][:40]) or 'none'}")
        lines.append("")
        lines.append(f"**{name}** junk: {', '.join(s['junk_examples'][:40]) or 'none'}")
        lines.append("")
    lines += ["## Some stories", "", "| story | pyvi baseline | newslab |", "|---|---|---|"]
    for g in SHOW:
        b = " · ".join(base[base["group"] == g]["term"])
        o = " · ".join(ours[ours["group"] == g]["term"])
        lines.append(f"| {g} | {b} | {o} |")
    text = "\n".join(lines) + "\n"
    out = PROJ_ROOT / "benchmarks" / "results" / "terms.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
