"""topic_terms, distinctive_terms, topics, the charts and the CLI on real Vietnamese news."""

from __future__ import annotations

import re

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

import newslab
from newslab.cli import main

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return newslab.load_corpus(seeds_dir)


@pytest.fixture(scope="module")
def labelled(seeds):
    # Every seed labelled, two groups: the Reuters-based article and its copy vs the others.
    corpus = seeds.copy()
    corpus["side"] = ["a", "a", "b", "b", "b"]
    return corpus


def assert_readable(terms: pd.Series):
    for term in terms:
        assert "_" not in term, term
        assert not term[0].isdigit(), term
        assert len(re.findall(r"[^\W\d_]", term)) > 1, term
        assert term not in newslab.stopwords() and term.lower() not in {"của", "và", "là", "cho"}


def test_terms_per_article(seeds):
    terms = newslab.topic_terms(seeds, n=8)
    assert list(terms.columns) == ["group", "term", "score", "rank"]
    assert sorted(terms["group"].unique()) == sorted(seeds.index)
    for _, part in terms.groupby("group"):
        assert len(part) <= 8
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
        assert part["score"].is_monotonic_decreasing
        assert (part["score"] > 0).all()
    assert_readable(terms["term"])


def test_story_terms_name_the_story(seeds):
    one_story = pd.Series("story", index=seeds.index)
    terms = newslab.topic_terms(seeds, by=one_story, n=15)["term"].tolist()
    assert "điện đàm" in terms  # the phone call the five articles report
    assert {"Nga", "Mỹ", "Ukraine"} <= set(terms)
    assert_readable(terms)


def test_names_are_whole_with_their_capitals(seeds):
    terms = set(newslab.topic_terms(seeds, n=40)["term"])
    assert "Điện Kremlin" in terms or any("Kremlin" in t for t in terms)
    assert "Putin" in terms or any(t.endswith("Putin") for t in terms)
    assert not {"Vladimir", "Joe", "vladimir", "kremlin", "ukraine"} & terms


def test_names_spaced_by_a_tokenizer_are_whole():
    # VietNews writes names as a tokenizer spaced them ("Park Hang - seo", "Ka -52", "Cư M’
    # gar"); read as written they gave the fragments "Ka", "seo", "gar", "Kim Jong"
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "title": [
                "Trực thăng “cá sấu” Ka -52 của Nga bị bắn hạ bằng tên lửa vác vai",
                "Nữ nghi phạm sát hại Kim Jong - nam tưởng đang tham gia show hài",
                "Đắk Lắk: Làm rõ cái chết của người đàn ông ở huyện Cư M’ gar",
            ],
            "text": [
                "Trực thăng tấn công Ka -52 bị bắn hạ. Phi công lái Ka -52 đã thoát ra ngoài.",
                "Bà Siti Aisyah bị cáo buộc sát hại ông Kim Jong - nam ở sân bay Kuala Lumpur. "
                "Luật sư nói bà tưởng vụ tấn công Kim Jong - nam là một trò chơi khăm.",
                "Công an huyện Cư M’ gar, tỉnh Đắk Lắk cho biết người đàn ông tử vong sau xô xát. "
                "Người dân huyện Cư M’ gar đưa ông đi cấp cứu.",
            ],
        }
    ).set_index("doc_id")
    terms = newslab.topic_terms(corpus, n=10)
    shown = set(terms["term"])
    assert {"Ka-52", "Kim Jong-nam", "Cư M’gar"} <= shown
    assert not shown & {"Ka", "seo", "gar", "Kim Jong", "nam"}


def test_terms_by_column_and_by_series_agree(labelled):
    by_column = newslab.topic_terms(labelled, by="side", n=5)
    by_series = newslab.topic_terms(labelled, by=labelled["side"], n=5)
    pd.testing.assert_frame_equal(by_column, by_series)
    assert sorted(by_column["group"].unique()) == ["a", "b"]


def test_more_terms_asked_more_terms_given(labelled):
    few = newslab.topic_terms(labelled, by="side", n=3)
    many = newslab.topic_terms(labelled, by="side", n=12)
    assert len(few) == 6 and len(many) > len(few)
    assert few["term"].tolist() == many[many["rank"] <= 3]["term"].tolist()


def test_unlabelled_articles_are_left_out_with_a_warning(seeds):
    with pytest.warns(UserWarning, match="no group label"):
        terms = newslab.topic_terms(seeds, by="source")
    assert set(terms["group"]) == set(seeds["source"].dropna())


def test_bad_by_raises(seeds):
    with pytest.raises(ValueError, match="no column 'outlet'"):
        newslab.topic_terms(seeds, by="outlet")
    with pytest.raises(ValueError, match="doc_id"):
        newslab.topic_terms(seeds, by=pd.Series(["x"], index=["nope"]))


def test_empty_corpus_gives_empty_terms(seeds):
    assert newslab.topic_terms(seeds.iloc[:0]).empty


def test_distinctive_terms_are_significant_and_point_the_right_way(labelled):
    d = newslab.distinctive_terms(labelled, "side", "a", "b", n=10)
    assert list(d.columns) == ["group", "term", "z", "log_odds_ratio", "count_a", "count_b", "rank"]
    assert len(d) > 0
    assert (d["z"].abs() > 1.96).all()
    side_a = d[d["group"] == "a"]
    assert (side_a["z"] > 0).all() and side_a["z"].is_monotonic_decreasing
    # A term that favours a is used relatively more in a than in b.
    na = labelled["side"].eq("a").sum()
    for _, row in side_a.iterrows():
        assert row["count_a"] > 0
    assert na == 2
    # Swapping the groups swaps the sides.
    swapped = newslab.distinctive_terms(labelled, "side", "b", "a", n=10)
    assert set(swapped[swapped["group"] == "a"]["term"]) == set(side_a["term"])
    assert_readable(d["term"])


def test_distinctive_terms_stricter_cutoff_gives_fewer(labelled):
    loose = newslab.distinctive_terms(labelled, "side", "a", n=100)
    strict = newslab.distinctive_terms(labelled, "side", "a", n=100, z_min=3.0)
    assert len(strict) <= len(loose)
    assert set(strict["term"]) <= set(loose["term"])


def test_distinctive_terms_unknown_group(labelled):
    with pytest.raises(ValueError, match="no group 'c'"):
        newslab.distinctive_terms(labelled, "side", "c")


def test_topics_are_deterministic_and_weights_sum_to_one(seeds):
    t1 = newslab.topics(seeds, 2, n_terms=5)
    t2 = newslab.topics(seeds, 2, n_terms=5)
    pd.testing.assert_frame_equal(t1.terms, t2.terms)
    pd.testing.assert_frame_equal(t1.weights, t2.weights)
    assert t1.weights.shape == (5, 2)
    assert list(t1.weights.index) == list(seeds.index)
    sums = t1.weights.sum(axis=1)
    assert ((sums - 1).abs() < 1e-9).all()
    assert set(t1.terms["topic"]) == {0, 1}
    assert_readable(t1.terms["term"])
    with pytest.raises(ValueError):
        newslab.topics(seeds, 6)


def test_plot_terms_best_term_on_top(labelled):
    terms = newslab.topic_terms(labelled, by="side", n=5)
    fig = newslab.plot_terms(terms)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == terms[terms["group"] == "a"]["term"].tolist()
    assert ax.yaxis_inverted()  # rank 1 drawn at the top
    assert ax.get_title() == "a"


def test_plot_distinctive_terms(labelled):
    d = newslab.distinctive_terms(labelled, "side", "a", "b")
    fig = newslab.plot_distinctive_terms(d)
    assert isinstance(fig, Figure)
    assert len(fig.axes[0].patches) == len(d[d["rank"] <= 15])
    assert "a" in fig.axes[0].get_title()


def test_cli_writes_csv(seeds_dir, tmp_path):
    out = tmp_path / "terms.csv"
    assert main(["terms", str(seeds_dir), "--by", "none", "-n", "4", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["group", "term", "score", "rank"]
    assert table["group"].nunique() == 5
    assert table["rank"].max() == 4
    assert not table["term"].str.contains("_").any()


def test_cli_by_story(seeds_dir, tmp_path):
    if not hasattr(newslab, "cluster_stories"):
        pytest.skip("newslab.cluster_stories not available")
    out = tmp_path / "stories.csv"
    assert main(["terms", str(seeds_dir), "--by", "story", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    # The five seeds tell one story.
    assert table["group"].nunique() == 1
    assert "điện đàm" in set(table["term"])


def test_cli_bad_path(tmp_path, capsys):
    assert main(["terms", str(tmp_path / "missing"), "--by", "none"]) == 2
    assert "missing" in capsys.readouterr().err
