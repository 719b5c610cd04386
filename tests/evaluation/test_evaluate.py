"""The evaluation: metric arithmetic on known rankings, the question set, a real small run."""
from __future__ import annotations

import collections
import json

import pytest

from assistant.evaluation.evaluate import (Question, abstention_sweep, evaluate, evidence_spans,
                                fusion_cv, fusion_sweep, load_questions,
                                ours_system, retrieval_metrics, supports)
from assistant.evaluation.report import check_floors, table

from ..conftest import ROOT

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
    from assistant.evaluation.evaluate import Evidence

    return [Evidence(**e) for e in evidence]


def test_floors_catch_a_regression(tmp_path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"ours": {"recall@5": 0.9, "latency_p95_ms": 500}}))
    good = {"systems": {"ours": {"overall": {"recall@5": 0.95, "latency_p95_ms": 100}}}}
    bad = {"systems": {"ours": {"overall": {"recall@5": 0.8, "latency_p95_ms": 900}}}}
    assert check_floors(good, floors) == []
    assert len(check_floors(bad, floors)) == 2


def test_abstention_sweep_keeps_a_margin_under_the_allowed_false_abstentions() -> None:
    answerable = [{"system": "ours", "type": "number", "confidence": c}
                  for c in [0.3] + [0.59] * 3 + [0.9] * 96]
    unanswerable = [{"system": "ours", "type": "unanswerable", "confidence": c}
                    for c in (0.1, 0.2, 0.55, 0.61)]
    sweep = abstention_sweep(answerable + unanswerable, max_false=0.05)
    # 0.62 would catch every unanswerable question but decline 4% of the answerable ones:
    # within the 5% allowed, over the 2.5% margin; so the sweep stays under 0.60.
    assert sweep["abstention_recall"] == 0.75 and 0.56 <= sweep["chosen"] <= 0.59


def test_fusion_sweep_measures_both_fusions_and_matches_the_retriever(retriever) -> None:
    questions = [q for q in load_questions(QUESTIONS) if not q.history][:12]
    sweep, runs = fusion_sweep(questions, retriever,
                               weights=(0.0, retriever.settings.dense_weight))
    assert [(r["fusion"], r["dense_weight"]) for r in sweep] == [
        ("rrf", 0.0), ("rrf", retriever.settings.dense_weight),
        ("weighted", 0.0), ("weighted", retriever.settings.dense_weight)]
    current = next(r for r in sweep if r["fusion"] == retriever.settings.fusion
                   and r["dense_weight"] == retriever.settings.dense_weight)
    direct = [retrieval_metrics([(h.chunk.article_id, h.chunk.start, h.chunk.end)
                                 for h in retriever.search(q.question, k=10)],
                                evidence_spans(q, retriever.index.articles))["recall@5"]
              for q in questions if q.answerable and not q.history]
    assert current["recall@5"] == pytest.approx(sum(direct) / len(direct), abs=1e-4)
    assert 0 <= current["folded_recall@5"] <= 1
    cv = fusion_cv(runs, k=3)  # the choice made without each fold, that fold's figures kept
    assert cv["chosen_all"].split()[0] in ("rrf", "weighted")
    assert 0 <= cv["held_out_mrr@10"] <= 1 and len(cv["chosen_per_fold"]) == 3


# Issue 8: answers by kind of question


def test_key_points_are_covered_by_any_alternative_ignoring_case_and_diacritics() -> None:
    from assistant.evaluation.kinds import key_point_coverage
    from assistant.schema import Answer

    points = [["18,3%"], ["tăng 15 bậc", "15 bậc"], ["Phạm Minh Chính"]]
    answer = Answer(question="q", text="Ước đạt 18,3% GDP, TANG 15 BAC [1]")
    assert key_point_coverage(points, answer) == 2 / 3
    declined = Answer(question="q", text="18,3%", abstained=True)
    assert key_point_coverage(points, declined) == 0.0


def test_a_near_miss_is_handled_by_declining_or_saying_what_is_missing() -> None:
    from assistant.evaluation.kinds import KindQuestion, kind_row
    from assistant.schema import Answer

    q = KindQuestion(id="k1", kind="fact", question="Năm 2025 ...?", near_miss=True)
    said = Answer(question="q", text="Các bài viết không nêu ... 18,3% [1]", missing=("x",))
    shown = Answer(question="q", text="18,3% [1]")
    assert kind_row(q, said, 1.0, 1.0)["handled"] == 1.0
    assert kind_row(q, shown, 1.0, 1.0)["presented"] == 1.0


def test_kinds_table_and_floors(tmp_path) -> None:
    import json

    from assistant.evaluation.report import check_floors, kinds_table

    overall = {"n": 2, "n_near_miss": 1, "key_point_coverage": 0.5, "false_abstention": 0.0,
               "near_miss_handled": 1.0}
    result = {"systems": {}, "kinds": {"ours": {"overall": overall, "list": overall},
                                       "langchain": {"overall": {**overall,
                                                                 "key_point_coverage": 0.2}}}}
    text = "\n".join(kinds_table(result))
    assert "| list | 2 | 1 | 0.500 |" in text and "0.200" in text
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"kinds": {"key_point_coverage": 0.6}}))
    assert check_floors(result, floors) == ["kinds key_point_coverage = 0.5 (bound 0.6)"]


def test_a_group_of_tuned_settings_is_cross_validated_and_reported(retriever) -> None:
    from assistant.evaluation.evaluate import _tuned_cv
    from assistant.evaluation.kinds import KindQuestion, TunedGroup
    from assistant.evaluation.report import kinds_table

    kinds = [KindQuestion("z1", "fact", "Hải Dương có bao nhiêu sản phẩm OCOP?", (("234",),)),
             KindQuestion("z2", "fact", "Năm 2025 tỷ trọng kinh tế số trong GDP đạt bao nhiêu?",
                          near_miss=True)]
    facts = [Question("f1", "number", "Hải Dương có bao nhiêu sản phẩm OCOP?", ("234",))]
    # a margin of 1.0 never lets a near miss stand for the answer; 0.1 is what ships
    group = TunedGroup("near-miss margin", ("near_miss_margin",), ((0.1,), (1.0,)))
    out = _tuned_cv(group, kinds, facts, retriever)
    assert out["shipped"] == [retriever.settings.near_miss_margin]
    assert len(out["chosen_per_fold"]) == 5
    assert all(tuple(v) in group.grid for v in out["chosen_per_fold"])
    assert out["in_sample"]["kinds"]["key_point_coverage"] == 1.0
    assert out["in_sample"]["fact_accuracy"] == 1.0
    result = {"kinds": {"ours": {"overall": out["in_sample"]["kinds"]}}, "tuned_cv": [out]}
    text = "\n".join(kinds_table(result))
    assert "Near-miss margin (near_miss_margin): shipped (0.1,)" in text
    assert "cross-validated: 1.000 / 1.000" in text
