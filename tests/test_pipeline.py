"""The pipeline on a real Dask cluster (a LocalCluster of 2 worker processes) against the
in-memory functions on vims-dev: duplicates, stories and quotes must be equal."""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest

import newslab
from newslab.pipeline import read_output, run_pipeline


@pytest.fixture(scope="module")
def cluster_client(tmp_path_factory):
    distributed = pytest.importorskip("distributed")
    # one fresh segmentation cache for the workers and this process: same code, same tokens
    old = os.environ.get("NEWSLAB_CACHE_DIR")
    os.environ["NEWSLAB_CACHE_DIR"] = str(tmp_path_factory.mktemp("segcache"))
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
    if old is None:
        os.environ.pop("NEWSLAB_CACHE_DIR", None)
    else:
        os.environ["NEWSLAB_CACHE_DIR"] = old


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Same values whatever the string dtype and missing-value marker after parquet."""
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


@pytest.fixture(scope="module")
def vims(vims_dev_dir, cluster_client, tmp_path_factory):
    out = tmp_path_factory.mktemp("pipeline-vims")
    report = run_pipeline(vims_dev_dir, out, client=cluster_client, partition_size=100,
                          stages=("load", "duplicates", "stories", "quotes"))
    return out, report, newslab.load_corpus(vims_dev_dir)


def test_report_counts_every_article(vims):
    out, report, corpus = vims
    assert report.n_articles == len(corpus) == 653
    assert report.n_partitions == 8  # 7 groups of one-article files, one split in two
    assert report.n_workers == 2
    assert {"load", "duplicates", "segment", "stories", "quotes", "write"} <= set(report.seconds)
    articles = read_output(out, "articles")
    assert articles["doc_id"].tolist() == corpus.index.tolist()
    # worker time per task prefix: segmentation and quotes did real work on the workers
    assert report.task_seconds["segment_part"] > 0
    assert report.task_seconds["quotes_part"] > 0
    assert all(v > 0 for v in report.task_seconds.values())


def test_duplicates_equal_in_memory(vims):
    out, _, corpus = vims
    got = read_output(out, "duplicates")
    expected = newslab.find_duplicates(corpus)
    assert len(expected) > 10
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))


def test_stories_equal_in_memory(vims):
    out, _, corpus = vims
    got = read_output(out, "stories")
    expected = newslab.cluster_stories(corpus)
    assert got["doc_id"].tolist() == expected.index.tolist()
    assert got["story"].tolist() == expected.tolist()
    assert 80 <= expected.nunique() <= 120  # 100 gold stories


def test_quotes_equal_in_memory(vims):
    out, _, corpus = vims
    got = read_output(out, "quotes")
    expected = newslab.extract_quotes(corpus)
    assert len(expected) > 500
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))


def test_duplicate_of_points_to_first_copy(vims):
    out, _, _ = vims
    articles = read_output(out, "articles").set_index("doc_id")
    dups = read_output(out, "duplicates")
    first = dups.iloc[0]
    a, b = sorted([first["doc_a"], first["doc_b"]], key=articles.index.get_loc)
    assert articles.loc[b, "duplicate_of"] is not None
    assert articles.loc[a, "duplicate_of"] is None or articles.loc[a, "duplicate_of"] != a


@pytest.mark.parametrize("options", [{"max_dense": 60}, {"max_dense": 4},
                                     {"max_dense": 60, "candidate_max_df": 3}])
def test_stories_sparse_path_equal_in_memory(vims_dev_dir, cluster_client, tmp_path, options):
    """Above `max_dense` articles both take the sparse path; the distributed one is the same.

    With `max_dense=4` components of more than 4 articles are clustered on their candidate
    edges alone (the sparse average link), which the distributed path gathers from the workers;
    `candidate_max_df` fixes the rare-word limit in both.
    """
    corpus = newslab.load_corpus(vims_dev_dir)
    run_pipeline(vims_dev_dir, tmp_path, client=cluster_client, partition_size=100,
                 stages=("load", "stories"), story_options=options)
    got = read_output(tmp_path, "stories")
    expected = newslab.cluster_stories(corpus, **options)
    assert got["story"].tolist() == expected.tolist()


def test_terms_in_one_partition_equal_in_memory(vims_dev_dir, cluster_client, tmp_path):
    folders = sorted(p for p in vims_dev_dir.iterdir() if p.is_dir())[:3]
    corpus = newslab.load_corpus(folders)
    run_pipeline(folders, tmp_path, client=cluster_client, stages=("load", "stories", "terms"))
    stories = newslab.cluster_stories(corpus)
    got = read_output(tmp_path, "story_terms")
    expected = newslab.topic_terms(corpus, by=stories)
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))
    per_article = read_output(tmp_path, "terms")
    pd.testing.assert_frame_equal(_plain(per_article), _plain(newslab.topic_terms(corpus)))


def _write_jsonl(frame: pd.DataFrame, path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, row in frame.iterrows():
            fh.write(json.dumps({"id": doc_id, "title": row["title"], "text": row["text"]},
                                ensure_ascii=False) + "\n")


def test_rerun_reads_per_partition_results_from_the_cache(vims_dev_dir, cluster_client,
                                                          tmp_path):
    """A rerun reads each unchanged partition's segmentation, terms and quotes from
    `cache_dir`; a file added to the inputs is computed, the others are still read."""
    import pickle

    corpus = newslab.load_corpus(sorted(p for p in vims_dev_dir.iterdir() if p.is_dir())[:12])
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(corpus.iloc[:40], src / "a.jsonl")
    cache = tmp_path / "cache"
    stages = ("load", "stories", "terms", "quotes")
    options = {"client": cluster_client, "partition_size": 20, "stages": stages,
               "cache_dir": cache}
    run_pipeline(src, tmp_path / "out1", **options)
    entries = {kind: sorted((cache / "pipeline" / kind).glob("*/*.pkl"))
               for kind in ("segment_part", "quotes_part")}
    assert [len(v) for v in entries.values()] == [2, 2]  # one per partition and step
    # Mark the cached quotes: a rerun that recomputed them would lose the mark.
    for path in entries["quotes_part"]:
        frame = pd.read_pickle(path)
        assert len(frame)
        frame["speaker"] = "cached " + frame["speaker"]
        with open(path, "wb") as fh:
            pickle.dump(frame, fh)
    _write_jsonl(corpus.iloc[40:], src / "b.jsonl")  # new articles in a new file
    run_pipeline(src, tmp_path / "out2", **options)
    before = read_output(tmp_path / "out1", "quotes")
    after = read_output(tmp_path / "out2", "quotes")
    old = after["doc_id"].isin(corpus.index[:40])
    assert old.any() and (~old).any()
    assert after.loc[old, "speaker"].str.startswith("cached ").all()
    assert not after.loc[~old, "speaker"].str.startswith("cached ").any()
    assert (after.loc[old, "speaker"].str.removeprefix("cached ").tolist()
            == before["speaker"].tolist())
    # the new file's partitions were computed and cached; the stories cover every article
    new_parts = -(-(len(corpus) - 40) // 20)
    assert new_parts >= 1
    assert len(list((cache / "pipeline" / "segment_part").glob("*/*.pkl"))) == 2 + new_parts
    expected = newslab.extract_quotes(newslab.load_corpus(src))
    assert after.loc[~old, "speaker"].tolist() == expected.loc[
        ~expected["doc_id"].isin(corpus.index[:40]), "speaker"].tolist()
    assert len(read_output(tmp_path / "out2", "stories")) == len(corpus)


def test_repeated_ids_across_shards_renamed_as_load_corpus(cluster_client, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = "Hà Nội mưa to suốt đêm qua, nhiều tuyến phố ngập sâu."
    for name in ("a.jsonl", "b.jsonl"):
        with open(src / name, "w", encoding="utf-8") as fh:
            for i in range(3):
                fh.write(json.dumps({"id": f"x{i % 2}", "title": name, "text": body}) + "\n")
    run_pipeline(src, tmp_path / "out", client=cluster_client, partition_size=2, stages=("load",))
    got = read_output(tmp_path / "out", "articles")["doc_id"].tolist()
    assert got == newslab.load_corpus(src).index.tolist()
    assert len(set(got)) == 6


def test_cli_runs_on_a_scheduler_address(cluster_client, seeds_dir, tmp_path, capsys):
    from newslab.cli import main

    address = cluster_client.scheduler.address
    code = main(["pipeline", str(seeds_dir), "--out", str(tmp_path), "--scheduler", address,
                 "--stages", "duplicates,quotes", "--cache-dir", str(tmp_path / "cache")])
    assert code == 0
    assert list((tmp_path / "cache" / "pipeline" / "quotes_part").glob("*/*.pkl"))
    captured = capsys.readouterr()
    assert "duplicates\t" in captured.out and "quotes\t" in captured.out
    assert "2 worker(s)" in captured.err
    assert "worker time: " in captured.err and "quotes_part" in captured.err
    assert len(read_output(tmp_path, "articles")) == 5


def test_unknown_stage_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="unknown stages"):
        run_pipeline("seeds", tmp_path, stages=("load", "topics"))


def test_stage_outputs_are_sorted_like_the_corpus(vims):
    out, _, corpus = vims
    quotes = read_output(out, "quotes")
    order = {d: i for i, d in enumerate(corpus.index)}
    positions = np.array([order[d] for d in quotes["doc_id"]])
    assert (np.diff(positions) >= 0).all()
