"""Measure every stage on eval/questions.jsonl, with baselines in the same run.

Retrieval: recall@1/5/10, mrr@10, ndcg@10 (a passage is relevant when it holds at least half
of an evidence quote). Answers: gold-fact accuracy. Citations, in the spirit of ALCE:
citation recall (each answer sentence is supported by its cited quotes), citation precision
(each citation supports its sentence or is needed for it), plus the share of citations that
verify and of answers that cite the gold evidence. Abstention precision/recall, follow-up
resolution, latency p50/p95. All per question type and overall.

Systems: ours (hybrid retrieval + extractive answer), lexical only and dense only (the same
answerer on one retriever), and a plain LangChain pipeline (RecursiveCharacterTextSplitter
1000/200, a LangChain FAISS store with the same embeddings, its top 4 chunks shown as the
answer).
"""
from __future__ import annotations

import statistics
from pathlib import Path
from typing import Callable, Sequence

from ..answering.answer import answer_question
from ..articles.clean import fold
from .kinds import (THRESHOLDS, declined, load_kind_questions,
                             run_kinds, summarize_kinds, threshold_cv,
                             TUNED_GROUPS, KindQuestion, TunedGroup)
from ..indexing.lexical import has_diacritics
from ..indexing.retrieve import Retriever
from ..schema import Answer, Article
from .metrics import (RETRIEVAL_METRICS, Evidence, Question, Scores, evidence_spans,
                      fact_accuracy, followup_resolved, load_questions, percentile,
                      retrieval_metrics, score_answer, supports)
from .systems import fusion_cv, fusion_sweep, langchain_system, ours_system

__all__ = ["Question", "Evidence", "load_questions", "evidence_spans", "retrieval_metrics",
           "supports", "score_answer", "evaluate", "abstention_sweep",
           "fusion_sweep", "fusion_cv", "ours_system", "langchain_system", "SYSTEMS",
           "ANSWER_METRICS", "RETRIEVAL_METRICS"]

SYSTEMS = ("ours", "lexical", "dense", "langchain")
# The development sets of every kind of question, pooled (each written by a different person;
# a sealed set joins them after its first run: eval/FIRST_SIGHT.md)
KIND_SETS = ("questions-kinds.jsonl", "questions-dev2.jsonl", "sealed/questions-sealed-1.jsonl",
             "sealed/questions-sealed-2.jsonl", "sealed/questions-sealed-3.jsonl",
             "questions-dev3.jsonl", "questions-dev4.jsonl", "questions-dev5.jsonl",
             "sealed/questions-sealed-4.jsonl", "sealed/questions-sealed-5.jsonl",
             "questions-dev7.jsonl", "sealed/questions-sealed-6.jsonl",
             "sealed/questions-sealed-7.jsonl", "sealed/questions-sealed-8.jsonl",
             "sealed/questions-sealed-9.jsonl", "sealed/questions-sealed-10.jsonl",
             "sealed/questions-sealed-11.jsonl", "sealed/questions-sealed-12.jsonl",
             "questions-dev8.jsonl", "sealed/questions-sealed-13.jsonl",
             "sealed/questions-sealed-14.jsonl", "sealed/questions-sealed-15.jsonl",
             "sealed/questions-sealed-16.jsonl", "sealed/questions-sealed-17.jsonl",
             "sealed/questions-sealed-18.jsonl")
ANSWER_METRICS = ("fact_accuracy", "citation_recall", "citation_precision",
                  "citations_verified", "gold_evidence_cited", "abstention_precision",
                  "abstention_recall", "false_abstention", "followup_resolved",
                  "latency_p50_ms", "latency_p95_ms")


def evaluate(questions: Sequence[Question], systems: dict[str, Callable],
             articles: dict[str, Article], progress: bool = False) -> dict:
    """Run every system on every question (plus folded copies of the questions typed with
    diacritics, as type "folded"); return metrics per system, overall and per type."""
    variants = list(questions) + [
        Question(id=f"{q.id}-folded", type="folded", question=fold(q.question),
                 answers=q.answers, evidence=q.evidence, history=q.history)
        for q in questions if q.answerable and q.type != "followup" and has_diacritics(q.question)]
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(variants) * len(systems), desc="eval", unit="q")
    result: dict = {}
    rows = []
    for name, system in systems.items():
        overall, per_type, latencies = Scores(), {}, []
        for q in variants:
            spans = evidence_spans(q, articles)
            ranked, answer, verify, millis = system(q)
            latencies.append(millis)
            scores = dict(retrieval_metrics(ranked, spans)) if q.answerable else {}
            scores.update(score_answer(q, answer, spans, articles, verify))
            scores["followup_resolved"] = followup_resolved(q, answer, spans)
            if q.type != "folded":
                for key, value in scores.items():
                    overall.add(key, value)
            for key, value in scores.items():
                per_type.setdefault(q.type, Scores()).add(key, value)
            rows.append({"system": name, "id": q.id, "type": q.type, "answer": answer.text,
                         "abstained": answer.abstained, "confidence": answer.confidence,
                         **{k: v for k, v in scores.items()
                                                           if v is not None}})
            if bar is not None:
                bar.update(1)
        summary = overall.mean()
        _abstention(summary, overall)
        summary["latency_p50_ms"] = round(statistics.median(latencies), 1)
        summary["latency_p95_ms"] = round(percentile(latencies, 0.95), 1)
        result[name] = {"overall": summary,
                        "by_type": {t: s.mean() for t, s in sorted(per_type.items())}}
    if bar is not None:
        bar.close()
    return {"systems": result, "rows": rows, "counts": _counts(questions, variants),
            "abstention_sweep": abstention_sweep(rows)}


def abstention_sweep(rows: list[dict], system: str = "ours", max_false: float = 0.05) -> dict:
    """How abstention would behave at each evidence threshold, on the system's own scores.

    Picks the threshold that declines the most unanswerable questions while declining at most
    half of `max_false` of the answerable ones (half: a margin for questions not in the set;
    ties: the middle of the best range). A table for the report; Settings.min_answer_score is
    chosen by cross-validation over both question sets (kinds.threshold_cv).
    """
    mine = [r for r in rows if r["system"] == system and r["type"] != "folded"]
    answerable = [r["confidence"] for r in mine if r["type"] != "unanswerable"]
    unanswerable = [r["confidence"] for r in mine if r["type"] == "unanswerable"]
    if not answerable or not unanswerable:
        return {}
    table = []
    for step in range(20, 81):
        t = step / 100
        false = sum(c < t for c in answerable) / len(answerable)
        caught = sum(c < t for c in unanswerable) / len(unanswerable)
        table.append((t, round(caught, 4), round(false, 4)))
    allowed = [row for row in table if row[2] <= max_false / 2]
    best = max(row[1] for row in allowed)
    best_range = [row[0] for row in allowed if row[1] == best]
    return {"chosen": best_range[len(best_range) // 2], "abstention_recall": best,
            "false_abstention_max": max_false,
            "table": [{"threshold": t, "abstention_recall": c, "false_abstention": f}
                      for t, c, f in table[::5]]}


def _abstention(summary: dict, scores: Scores) -> None:
    unanswerable = scores.values.get("abstained_unanswerable", [])
    false_abst = scores.values.get("false_abstention", [])
    abstained_right, abstained_wrong = sum(unanswerable), sum(false_abst)
    total = abstained_right + abstained_wrong
    summary["abstention_recall"] = round(abstained_right / len(unanswerable), 4) \
        if unanswerable else 0.0
    summary["abstention_precision"] = round(abstained_right / total, 4) if total else 0.0
    summary.pop("abstained_unanswerable", None)


def _counts(questions: Sequence[Question], variants: Sequence[Question]) -> dict:
    types: dict[str, int] = {}
    for q in variants:
        types[q.type] = types.get(q.type, 0) + 1
    return {"questions": len(questions), "with_folded_copies": len(variants), "by_type": types}


def _facts_rows(questions: Sequence[Question], retriever: Retriever) -> list[dict]:
    """The fact questions as rows the threshold cross-validation can read."""
    rows = []
    for q in questions:
        answer = answer_question(q.question, retriever, history=q.history)
        row = {"id": q.id, "kind": "facts", "near_miss": not q.answerable,
               "abstained": answer.abstained, "millis": 0.0, "citations_verified": None}
        if q.answerable:
            row.update(fact_accuracy=fact_accuracy(q, answer),
                       false_abstention=float(answer.abstained))
        else:
            row.update(handled=float(declined(answer)))
        rows.append(row)
    return rows


def _kinds(settings, questions: Sequence[Question], retriever: Retriever, langchain,
           args) -> dict:
    """Every kind of question (eval/questions-kinds.jsonl), ours and LangChain's, and with
    --sweep the abstention threshold cross-validated over both question sets."""
    kinds = [q for name in KIND_SETS
             for q in load_kind_questions(settings.eval_dir / name)][: args.limit]
    if not kinds:
        return {}
    out = {"kinds": {"ours": summarize_kinds(run_kinds(kinds, retriever))}}
    if langchain is not None:
        def baseline(text: str) -> Answer:
            return langchain(Question(id="kinds", type="kinds", question=text))[1]
        out["kinds"]["langchain"] = summarize_kinds(run_kinds(kinds, system=baseline))
    if args.sweep:
        runs = _grid_runs(("min_answer_score",), tuple((t,) for t in THRESHOLDS), kinds,
                          questions, retriever)
        cv = threshold_cv({values[0]: rows for values, rows in runs.items()})

        def split(rows):
            return {"kinds": summarize_kinds([r for r in rows if r["kind"] != "facts"]),
                    "facts": {"fact_accuracy": _mean_of(rows, "fact_accuracy"),
                              "false_abstention": _mean_of(rows, "false_abstention"),
                              "abstention_recall": _mean_of(rows, "handled")}}
        out["threshold_cv"] = {"chosen_all": cv.chosen_all,
                               "chosen_per_fold": list(cv.chosen_per_fold),
                               "in_sample": split(cv.in_sample),
                               "held_out": split(cv.held_out)}
        out["tuned_cv"] = [_tuned_cv(group, kinds, questions, retriever)
                           for group in TUNED_GROUPS]
    return out


def _grid_runs(fields: tuple[str, ...], grid: Sequence[tuple[float, ...]],
               kinds: Sequence[KindQuestion], questions: Sequence[Question],
               retriever: Retriever) -> dict[tuple[float, ...], list[dict]]:
    """Every question's row at each value of the grid (the other settings as shipped)."""
    runs = {}
    for values in grid:
        trial = Retriever(retriever.index, retriever.embedder, retriever.settings.replace(
            **dict(zip(fields, values))))
        runs[values] = run_kinds(kinds, trial) + _facts_rows(questions, trial)
    return runs


def _tuned_cv(group: TunedGroup, kinds: Sequence[KindQuestion], questions: Sequence[Question],
              retriever: Retriever) -> dict:
    """One group of tuned settings cross-validated: the questions it matters for asked at
    every value of its grid (the other settings as shipped)."""
    asked = [q for q in kinds if not group.kinds or q.kind in group.kinds]
    runs = _grid_runs(group.fields, group.grid, asked, [] if group.kinds else questions,
                      retriever)
    cv = threshold_cv(runs)
    shipped = tuple(getattr(retriever.settings, f) for f in group.fields)

    def figures(rows):
        kind_rows = [r for r in rows if r["kind"] != "facts"]
        return {"kinds": summarize_kinds(kind_rows)["overall"],
                "fact_accuracy": _mean_of(rows, "fact_accuracy")}
    return {"name": group.name, "fields": list(group.fields), "shipped": list(shipped),
            "chosen_all": list(cv.chosen_all),
            "chosen_per_fold": [list(v) for v in cv.chosen_per_fold],
            "in_sample": figures(cv.in_sample), "held_out": figures(cv.held_out),
            "as_shipped": figures(runs[shipped]) if shipped in runs else None}


def _mean_of(rows: Sequence[dict], key: str) -> float | None:
    values = [r[key] for r in rows if r.get("kind") == "facts" and key in r]
    return round(sum(values) / len(values), 4) if values else None


def main(settings, args) -> int:
    """`python -m assistant eval`: run, print the table, write the reports, gate on floors."""
    import sys

    from ..indexing.embed import make_embedder
    from ..serving.feedback import read_feedback
    from .report import check_floors, kinds_table, table, write_reports
    from ..indexing.store import ensure_index

    path = Path(args.questions) if args.questions else settings.eval_dir / "questions.jsonl"
    questions = load_questions(path)[: args.limit]
    embedder = make_embedder(settings)
    index, _ = ensure_index(settings, embedder)
    retriever = Retriever(index, embedder, settings)
    systems = {"ours": ours_system(retriever)}
    if not args.no_baselines:
        systems.update(lexical=ours_system(retriever, "lexical"),
                       dense=ours_system(retriever, "dense"),
                       langchain=langchain_system(index.articles, embedder,
                                                  settings.cache_dir
                                                  or settings.index_dir / "cache"))
    result = evaluate(questions, systems, index.articles, progress=sys.stderr.isatty())
    if args.sweep:
        result["fusion_sweep"], runs = fusion_sweep(questions, retriever)
        result["fusion_cv"] = fusion_cv(runs)
    result.update(_kinds(settings, questions, retriever, systems.get("langchain"), args))
    votes = [r.get("vote") for r in read_feedback(settings.data_dir)]
    argv = sys.argv[1:] if sys.argv[1:2] == ["eval"] else ["eval"]
    meta = {"command": "python -m assistant " + " ".join(argv),
            "embedder": embedder.name, "questions_file": str(path),
            "feedback": {"like": votes.count("like"), "dislike": votes.count("dislike")},
            "settings": {k: str(v) for k, v in vars(settings).items()
                         if not k.endswith("_dir")}}
    reports = Path(args.reports_dir) if args.reports_dir else settings.eval_dir / "reports"
    paths = write_reports(result, reports, meta)
    print(table(result))
    for part in kinds_table(result):
        print("\n" + part)
    print(f"\nfeedback: liked {meta['feedback']['like']}, disliked {meta['feedback']['dislike']}")
    print(f"reports: {paths['md']}  {paths['json']}  {paths['png']}")
    if args.check:
        failures = check_floors(result, settings.eval_dir / "floors.json")
        for line in failures:
            print(f"REGRESSION: {line}", file=sys.stderr)
        if failures:
            return 1
        print("all figures at or above their floors (eval/floors.json)")
    return 0
