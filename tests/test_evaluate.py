"""The evaluation: metric arithmetic on known rankings, the question set, a real small run."""
from __future__ import annotations

import collections
import json

import pytest

from assistant.evaluate import (Question, evaluate, evidence_spans, load_questions,
                                ours_system, retrieval_metrics, supports)
from assistant.report import check_floors, table

from .conftest import ROOT

QUESTIONS = ROOT / "eval" / "questions.jsonl"
SPAN = ("a", 100, 200)


def test_retrieval_metrics_on_known_rankings() -> None:
    hit, miss = ("a", 90, 210), ("b", 0, 50)
    first = retrieval_metrics([hit, miss], [SPAN])
    assert first == {"recall@1": 1.0, "recall@5": 1.0, "recall@10": 1.0, "mrr@10": 1.0,
                     "ndcg@10": 1.0}
    third = retrieval_metrics([miss, miss, hit], [SPAN])
    assert third["recall@1"] == 0.0 and third["recall@5"] == 1.0
    assert third["mrr@10"] == pytest.approx(1 / 3) and third["ndcg@10"] == pytest.approx(0.5)
    assert retrieval_metrics([miss], [SPAN])["recall@10"] == 0.0
    # a passage holding under half of the quote does not count
    assert retrieval_metrics([("a", 160, 400)], [SPAN])["recall@1"] == 0.0
    # two evidence spans: recall is the share found; repeats do not inflate nDCG
    both = retrieval_metrics([hit, hit, ("c", 0, 10)], [SPAN, ("c", 0, 10)])
    assert both["recall@1"] == 0.5 and both["recall@5"] == 1.0 and both["ndcg@10"] <= 1.0


def test_support_needs_the_facts_and_the_words() -> None:
    quote = "Toàn tỉnh hiện có 234 sản phẩm OCOP, 200 cơ sở sản xuất."
    assert supports("Toàn tỉnh hiện có 234 sản phẩm OCOP.", [quote])
    assert not supports("Toàn tỉnh hiện có 243 sản phẩm OCOP.", [quote])
    assert not supports("Giá vàng tăng mạnh trong quý 200.", [quote])


def test_question_set_is_complete_and_every_quote_is_in_its_article(articles) -> None:
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 100 and len({q.id for q in questions}) == len(questions)
    types = collections.Counter(q.type for q in questions)
    for qtype in ("number", "date", "entity", "phrase", "paraphrase", "no_diacritics",
                  "cross_article", "followup"):
        assert types[qtype] >= 8, qtype
    assert types["followup"] >= 10 and types["unanswerable"] >= 10
    assert sum(q.near_miss for q in questions) * 2 >= types["unanswerable"]
    for q in questions:
        for article_id, start, end in evidence_spans(q, articles):
            assert articles[article_id].text[start:end]
        for fact in q.answers:
            assert any(fact in e.quote for e in q.evidence), (q.id, fact)
        assert bool(q.history) == (q.type == "followup"), q.id


def test_a_real_run_scores_ours_and_writes_a_table(retriever, real_index) -> None:
    questions = [
        Question("t1", "number", "Hải Dương có bao nhiêu sản phẩm OCOP?", ("234",),
                 tuple(load_questions_from([{"article_id": "thu-huong-thanh-qua-chuyen-doi-so",
                                             "quote": "Toàn tỉnh hiện có 234 sản phẩm OCOP"}]))),
        Question("t2", "unanswerable", "Thời tiết Hà Nội hôm nay thế nào?"),
    ]
    result = evaluate(questions, {"ours": ours_system(retriever)}, real_index.articles)
    overall = result["systems"]["ours"]["overall"]
    assert overall["recall@5"] == 1.0 and overall["fact_accuracy"] == 1.0
    assert overall["citations_verified"] == 1.0 and overall["abstention_recall"] == 1.0
    assert result["counts"]["with_folded_copies"] == 3  # t1 also typed without diacritics
    assert "| fact_accuracy | 1.000 |" in table(result)


def load_questions_from(evidence: list[dict]):
    from assistant.evaluate import Evidence

    return [Evidence(**e) for e in evidence]


def test_floors_catch_a_regression(tmp_path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"ours": {"recall@5": 0.9, "latency_p95_ms": 500}}))
    good = {"systems": {"ours": {"overall": {"recall@5": 0.95, "latency_p95_ms": 100}}}}
    bad = {"systems": {"ours": {"overall": {"recall@5": 0.8, "latency_p95_ms": 900}}}}
    assert check_floors(good, floors) == []
    assert len(check_floors(bad, floors)) == 2
