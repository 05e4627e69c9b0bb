"""The distributed building blocks without a cluster: bucketed steps equal their in-memory
counterparts (union-find, IDF, shingle-bucket candidates, sharded reading)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

import newslab
from newslab.pipeline import idf, io, lsh, union


def test_union_find_matches_scipy_components():
    rng = np.random.default_rng(0)
    edges = rng.integers(0, 300, size=(250, 2))
    parts = np.array_split(edges, 5)
    nodes, roots = union.merge_forests(*[union.forest(p) for p in parts])
    graph = sp.coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(300, 300))
    _, comp = connected_components(graph, directed=False)
    for n, r in zip(nodes, roots, strict=True):
        assert comp[n] == comp[r]
        assert r == min(m for m in nodes if comp[m] == comp[n])
    assert len(np.unique(roots)) == len({comp[n] for n in nodes})


def test_idf_merge_equals_sklearn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [["hà_nội", "mưa"], ["hà_nội", "nắng", "nắng"], ["huế", "mưa"], ["hà_nội"]]
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, dtype=np.float32).fit(docs)
    halves = [docs[:2], docs[2:]]
    pieces = []
    for half in halves:
        terms = sorted({t for d in half for t in d})
        df = np.array([sum(t in d for d in half) for t in terms])
        pieces.append(idf.partial_df(np.array(terms, dtype=object), df, n_buckets=3))
    merged = [idf.merge_df(*[p[j] for p in pieces]) for j in range(3)]
    terms = np.concatenate([m[0] for m in merged])
    df = np.concatenate([m[1] for m in merged])
    order = np.argsort(terms)
    assert terms[order].tolist() == vec.get_feature_names_out().tolist()
    assert np.array_equal(idf.idf_vector(df[order], len(docs)), vec.idf_)


def test_bucketed_candidates_equal_in_memory(vims_dev_dir):
    from newslab.duplicates import _candidate_pairs

    corpus = newslab.load_corpus(vims_dev_dir)
    frames = [corpus.iloc[i : i + 150] for i in range(0, len(corpus), 150)]
    offsets = [0, *np.cumsum([len(f) for f in frames])[:-1]]
    fps = [lsh.fingerprint_part(f, 5) for f in frames]
    none = np.empty(0, dtype=np.int64)
    n_buckets = 3
    splits = [lsh.split_postings(fp, o, none, n_buckets=n_buckets, sample=4, min_shingles=20)
              for fp, o in zip(fps, offsets, strict=True)]
    pairs = [lsh.bucket_pairs(*[s[j] for s in splits], n_out=n_buckets, max_df=200)
             for j in range(n_buckets)]
    cands = np.concatenate([lsh.sum_pairs(*[p[j] for p in pairs], min_shared=2,
                                          min_estimate=0.55) for j in range(n_buckets)])
    sets = [s for fp in fps for s in fp["sets"]]
    sizes = np.array([len(s) for s in sets])
    rows = np.flatnonzero(sizes >= 20)
    expected = _candidate_pairs(sets, rows, sample=4, min_shared=2, min_estimate=0.55, max_df=200)
    assert len(expected) > 100
    assert sorted(map(tuple, cands.tolist())) == sorted(map(tuple, expected.tolist()))


def test_sharded_reading_equals_load_corpus(vims_dev_dir):
    tasks, skipped = io.plan_inputs(vims_dev_dir, files_per_task=100)
    assert not skipped and len(tasks) == 7
    frames = [io.read_task(t)[0] for t in tasks]
    got = pd.concat(frames)
    expected = newslab.load_corpus(vims_dev_dir)
    assert got.index.tolist() == expected.index.tolist()
    assert got["text"].tolist() == expected["text"].tolist()
    assert got["source"].tolist() == expected["source"].tolist()


def test_reading_reports_broken_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "1", "text": "Hà Nội mưa to."}\n{broken\n', encoding="utf-8")
    frame, skipped = io.read_task([(str(path), "a.jsonl")])
    assert frame.index.tolist() == ["1"]
    assert skipped[0]["line"] == 2 and "broken JSON" in skipped[0]["reason"]
