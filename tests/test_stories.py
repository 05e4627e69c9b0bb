"""vectorize, similarity and cluster_stories on the seeds plus articles on other stories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import newslab

OTHER = {
    "bong-da-1": (
        "Đội tuyển Việt Nam thắng Malaysia 2-0 tại vòng loại World Cup",
        "Tối 11/6, đội tuyển Việt Nam đánh bại Malaysia 2-0 trên sân Al Maktoum ở Dubai. "
        "Tiền vệ Quang Hải kiến tạo cho tiền đạo Tiến Linh mở tỷ số. HLV Park Hang-seo "
        "khen các học trò đã thi đấu kỷ luật ở vòng loại World Cup 2022.",
    ),
    "bong-da-2": (
        "Tiến Linh ghi bàn, Việt Nam hạ Malaysia ở Dubai",
        "Đội tuyển Việt Nam của HLV Park Hang-seo thắng Malaysia 2-0 tại Dubai ở vòng loại "
        "World Cup 2022. Tiến Linh ghi bàn sau đường chuyền của Quang Hải, Malaysia nhận "
        "thẻ đỏ trong hiệp hai.",
    ),
    "thoi-tiet": (
        "Hà Nội mưa lớn, nhiều tuyến phố ngập sâu",
        "Chiều 3/8, mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố ở Hà Nội ngập sâu. "
        "Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết mưa dông còn tiếp diễn "
        "trong những ngày tới ở Bắc Bộ.",
    ),
}


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return newslab.load_corpus(seeds_dir)


@pytest.fixture(scope="module")
def mixed(seeds):
    extra = pd.DataFrame(
        {"title": [t for t, _ in OTHER.values()], "text": [x for _, x in OTHER.values()]},
        index=pd.Index(list(OTHER), name="doc_id"),
    )
    return pd.concat([seeds[["title", "text"]], extra])


def test_vectorize_drops_punctuation_and_numbers(seeds):
    x, vec = newslab.vectorize(seeds)
    terms = set(vec.get_feature_names_out())
    assert x.shape == (5, len(terms))
    assert "vladimir_putin" in terms or "putin" in terms
    assert all(any(ch.isalpha() for ch in t) for t in terms)
    assert all(t == t.lower() for t in terms)
    assert np.allclose(np.asarray(x.multiply(x).sum(axis=1)).ravel(), 1.0, atol=1e-5)


def test_vectorize_options_change_the_vocabulary(seeds):
    _, plain = newslab.vectorize(seeds)
    _, numbers = newslab.vectorize(seeds, keep_numbers=True)
    assert len(numbers.vocabulary_) > len(plain.vocabulary_)
    assert "30/12" in numbers.vocabulary_ or "30" in numbers.vocabulary_


def test_similarity_is_a_symmetric_table(seeds):
    sim = newslab.similarity(seeds)
    assert list(sim.index) == list(seeds.index)
    assert np.allclose(sim.to_numpy(), sim.to_numpy().T)
    assert np.allclose(np.diag(sim.to_numpy()), 1.0, atol=1e-5)
    off = sim.to_numpy()[~np.eye(5, dtype=bool)]
    assert (off > 0.1).all() and (off < 0.9).all()


def test_seeds_are_one_story(seeds):
    stories = newslab.cluster_stories(seeds)
    assert stories.name == "story"
    assert stories.index.name == "doc_id"
    assert stories.nunique() == 1


def test_number_of_stories_is_found(mixed):
    stories = newslab.cluster_stories(mixed)
    assert stories.nunique() == 3
    seeds_label = stories.iloc[:5].unique()
    assert len(seeds_label) == 1 and seeds_label[0] == 0  # largest story first
    assert stories["bong-da-1"] == stories["bong-da-2"] != stories["thoi-tiet"]


def test_threshold_controls_granularity(mixed):
    loose = newslab.cluster_stories(mixed, threshold=0.001)
    tight = newslab.cluster_stories(mixed, threshold=0.9)
    assert loose.nunique() < 3
    assert tight.nunique() == len(mixed)


def test_sparse_path_matches_dense_path(mixed):
    dense = newslab.cluster_stories(mixed)
    sparse = newslab.cluster_stories(mixed, max_dense=6)
    pd.testing.assert_series_equal(dense, sparse)


def test_empty_and_single_article(seeds):
    empty = newslab.cluster_stories(seeds.iloc[:0])
    assert empty.empty and empty.name == "story"
    one = newslab.cluster_stories(seeds.iloc[:1])
    assert one.tolist() == [0]


@pytest.mark.parametrize("threshold", [0.2, 0.4, 0.6])
def test_sparse_average_link_equals_scipy_average_link(threshold):
    from newslab.stories import _average_link, _sparse_average_link

    rng = np.random.default_rng(0)
    points = rng.random((60, 5))
    sim = np.exp(-3 * ((points[:, None] - points[None]) ** 2).sum(-1))
    a, b = np.triu_indices(60, 1)
    dense = _average_link(sim, threshold)
    sparse = _sparse_average_link(60, a, b, sim[a, b], threshold)
    # same partition (labels may be numbered differently)
    assert len(set(zip(dense, sparse, strict=True))) == len(set(dense)) == len(set(sparse))


def test_large_component_path_matches_dense_path(mixed):
    dense = newslab.cluster_stories(mixed)
    sparse = newslab.cluster_stories(mixed, max_dense=2)
    pd.testing.assert_series_equal(dense, sparse)
