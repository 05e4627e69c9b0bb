"""The distributed building blocks without a cluster: bucketed steps equal their in-memory
counterparts (union-find, IDF, shingle-bucket candidates, sharded reading, pair grouping,
shared-neighbour blend, merged term statistics), and the partition cache."""

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


def test_pair_groups_cover_every_pair_once():
    from newslab.pipeline.stages import Corpus, by_partition_block

    corpus = Corpus(parts=[None] * 7, lengths=[5, 3, 8, 2, 6, 4, 5])
    rng = np.random.default_rng(1)
    pairs = rng.integers(0, corpus.n, size=(400, 2))
    seen = np.zeros(len(pairs), dtype=int)
    for index, part_a, parts_b, chunks in by_partition_block(corpus, pairs, block=2):
        assert len(parts_b) <= 2 and len(chunks) == len(parts_b)
        assert np.array_equal(np.concatenate(chunks), pairs[index])
        assert (corpus.part_of(pairs[index, 0]) == part_a).all()
        for b, chunk in zip(parts_b, chunks, strict=True):
            assert (corpus.part_of(chunk[:, 1]) == b).all()
        seen[index] += 1
    assert (seen == 1).all()


def test_bucketed_shared_neighbours_equal_in_memory():
    """Neighbour lists and blended similarities computed in buckets by article equal
    `newslab.stories._shared_neighbours_on_edges` on the whole edge list (ties included)."""
    from newslab.pipeline import neighbours as nb
    from newslab.stories import _shared_neighbours_on_edges

    rng = np.random.default_rng(2)
    n, k, floor, share, n_buckets = 120, 3, 0.15, 0.5, 4
    raw = rng.integers(0, n, size=(900, 2))
    raw = raw[raw[:, 0] != raw[:, 1]]
    raw = np.sort(raw, axis=1)
    ends, group_of = np.array([40, 75, 120]), np.array([0, 0, 1])  # 3 partitions, 2 groups
    by_group = [nb.pairs_by_partition(*pieces, ends=ends) for pieces in zip(
        *[nb.split_by_group(p, ends, group_of, n_buckets=2) for p in np.array_split(raw, 5)],
        strict=True)]
    assert [sorted(g) for g in by_group] == [[0, 1], [2]]
    pairs = np.unique(raw, axis=0)
    got_pairs = [g[p] for g in by_group for p in sorted(g)]
    assert np.array_equal(np.concatenate(got_pairs), pairs)  # each pair once, by partition
    for g in by_group:
        for part, chunk in g.items():
            assert (np.searchsorted(ends, chunk[:, 0], side="right") == part).all()
    sim = np.round(rng.random(len(pairs)), 1)  # many ties
    a, b = pairs[:, 0], pairs[:, 1]
    snn, neigh, _ = _shared_neighbours_on_edges(a, b, sim, n, k, floor)
    expected = dict(zip(map(tuple, pairs.tolist()), share * snn + (1 - share) * sim, strict=True))

    splits = [nb.split_both_ways(t, n_buckets=n_buckets)
              for t in (tuple(x[i::2] for x in (a, b, sim)) for i in range(2))]
    firsts = [nb.neighbour_lists(*[s[j] for s in splits], k=k, floor=floor, n_buckets=n_buckets)
              for j in range(n_buckets)]
    got = {}
    for j, ((ids, rows), _) in enumerate(firsts):
        assert (ids % n_buckets == j).all()
        assert np.array_equal(rows, neigh[ids])
        ga, gb, gv = nb.blend((ids, rows), *[f[1][j] for f in firsts], k=k, snn_share=share)
        got.update(zip(zip(ga.tolist(), gb.tolist(), strict=True), gv.tolist(), strict=True))
    assert got == expected


def test_merged_term_statistics_equal_in_memory(vims_dev_dir):
    """Term statistics merged from three partitions in hash buckets = those of the whole."""
    from collections import Counter, defaultdict

    from newslab._term_tokens import TermDocs, extract_terms
    from newslab.pipeline import terms as tm
    from newslab.terms import _count_matrix, _doc_texts

    folders = sorted(p for p in vims_dev_dir.iterdir() if p.is_dir())[:4]
    texts = _doc_texts(newslab.load_corpus(folders))
    parts = [extract_terms(texts[i::3]) for i in range(3)]
    tables = [tm.compact(td) for td in parts]
    splits = [tm.split_stats(t, n_buckets=4) for t in tables]
    vocab = pd.concat([tm.merge_stats(*[s[j] for s in splits]) for j in range(4)])
    vocab = vocab.sort_values("key", ignore_index=True)

    # the same partitions' statistics merged in memory
    tags, surfaces = defaultdict(Counter), defaultdict(Counter)
    for td in parts:
        for key, c in td.tags.items():
            tags[key].update(c)
        for key, c in td.surfaces.items():
            surfaces[key].update(c)
    whole = _count_matrix(TermDocs([d for td in parts for d in td.docs], surfaces, tags))
    assert len(vocab) > 500
    assert vocab["key"].tolist() == whole.keys
    assert vocab["display"].tolist() == whole.display
    assert vocab["df"].tolist() == np.diff(whole.counts.tocsc().indptr).tolist()
    assert vocab["count"].tolist() == np.asarray(whole.counts.sum(axis=0)).ravel().tolist()
    # counts over the merged vocabulary: the whole matrix, row blocks of each partition
    got = sp.vstack([tm.counts_part(t, vocab) for t in tables])
    assert np.array_equal(got.toarray(), whole.counts.toarray())


def test_partition_cache_recomputes_broken_entries_and_survives_an_unwritable_folder(
    tmp_path, caplog
):
    from newslab.pipeline.part_cache import cached, code_version, partition_key

    frame = pd.DataFrame({"text": ["Mưa lớn ở Hà Nội."]}, index=["a"])
    key = partition_key(frame, ("text",))
    assert cached(tmp_path, "demo", key, lambda: ["Hà_Nội"]) == ["Hà_Nội"]
    entry = tmp_path / "pipeline" / "demo" / code_version() / f"{key}.pkl"
    entry.write_bytes(b"not a pickle")
    with caplog.at_level("WARNING"):
        assert cached(tmp_path, "demo", key, lambda: ["Hà_Nội", "mưa"]) == ["Hà_Nội", "mưa"]
    assert "unreadable" in caplog.text and str(entry) in caplog.text
    assert cached(tmp_path, "demo", key, lambda: []) == ["Hà_Nội", "mưa"]  # replaced

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    caplog.clear()
    with caplog.at_level("WARNING"):
        assert cached(not_a_folder, "demo", key, lambda: [1]) == [1]
    assert "cannot write cache entry" in caplog.text
