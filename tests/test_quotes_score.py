"""The quote scorer (benchmarks/score_quotes.py) and the figures it gives on the gold set."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import load_benchmark

score_quotes = load_benchmark("score_quotes")


def test_speaker_names_match_by_first_or_last_part_without_honorifics():
    assert score_quotes.speakers_match("ông Peskov", "Dmitry Peskov")
    assert score_quotes.speakers_match("Hội nghề cá", "Hội nghề cá Việt Nam")
    assert score_quotes.speakers_match("Coca Cola", "Coca-Cola")
    assert not score_quotes.speakers_match("Nguyễn Văn A", "Nguyễn Văn B")
    assert not score_quotes.speakers_match("ông", "Dmitry Peskov")


def test_text_overlap_ignores_line_ends_and_needs_real_overlap():
    gold = "“Câu một của ông ấy.\r\nCâu hai”, ông Thắng nhấn mạnh."
    assert score_quotes.texts_overlap("Câu một của ông ấy.\nCâu hai”, ông Thắng nhấn mạnh.", gold)
    assert score_quotes.texts_overlap("Câu một của ông ấy.", gold)
    assert not score_quotes.texts_overlap("Thời tiết hôm nay rất đẹp ở Hà Nội.", gold)


def test_uncertain_gold_is_optional():
    gold = pd.DataFrame(
        {
            "doc_id": ["C/1", "C/1"],
            "speaker": ["Dmitry Peskov", "Nhà Trắng"],
            "sentence": [
                "Ông Peskov cho biết cuộc gọi diễn ra tối nay.",
                "Nhà Trắng đề nghị gặp sớm.",
            ],
            "uncertain": [False, True],
        }
    )
    pred = pd.DataFrame(
        {
            "doc_id": ["C/1", "C/1", "C/1"],
            "speaker": ["Peskov", "Nhà Trắng", "Reuters"],
            "sentence": [
                "Ông Peskov cho biết cuộc gọi diễn ra tối nay.",
                "Nhà Trắng đề nghị gặp sớm.",
                "Theo Reuters, hai bên đã chuẩn bị kỹ.",
            ],
            "quote": ["", "", ""],
        }
    )
    result = score_quotes.score(pred, gold)
    events = result["all"]["events"]
    assert (events.tp, events.fp, events.fn) == (1, 1, 0)
    speakers = result["all"]["speakers"]
    assert (speakers.tp, speakers.fp, speakers.fn) == (1, 1, 0)


def test_gold_figures_reach_the_issue_goals(shared_data):
    import newslab

    gold_path = shared_data / "quotes-dev" / "gold.jsonl"
    if not gold_path.is_file():
        pytest.skip(f"no gold at {gold_path}")
    gold = score_quotes.load_gold(gold_path)
    corpus = newslab.load_corpus(shared_data / "vims-dev")
    docs = score_quotes.annotated_docs(gold, shared_data / "vims-dev")
    assert len(docs) == 30  # GUIDELINES.md: two articles from each of 15 stories
    pred = newslab.extract_quotes(corpus.loc[docs])
    result = score_quotes.score(pred, gold, docs)
    assert result["all"]["speakers"].f1 >= 0.90
    assert result["all"]["events"].f1 >= 0.85
