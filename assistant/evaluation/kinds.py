"""Measure answers to every kind of question (eval/questions-kinds.jsonl): key-point coverage
per kind, false abstention per kind, near misses handled, with the LangChain baseline, and the
abstention threshold cross-validated over both question sets.

A key point is a list of alternative strings; it is covered when any of them is in the answer
(case and diacritics ignored). A near miss is handled when the answer declines or says what the
articles do not give; it is "presented" when a cited sentence is shown as the answer without
that caveat.
"""
from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from ..answering.answer import answer_question
from ..answering.cite import verify_citation
from ..articles.clean import fold
from .crossval import cross_validate
from ..indexing.retrieve import Retriever
from ..schema import Answer, Hit, Turn

__all__ = ["KindQuestion", "load_kind_questions", "key_point_coverage", "kind_row",
           "cited_passages", "declined", "answer_words", "best_passage_coverage",
           "run_kinds", "summarize_kinds", "threshold_cv", "TunedGroup", "TUNED_GROUPS",
           "THRESHOLDS"]

# The length (words) a declined answer is given in the best-passage baseline: about the mean
# length of answers, so a decline is compared with what a passage shown instead would cover.
BASELINE_WORDS = 110

THRESHOLDS = (0.32, 0.36, 0.40, 0.44, 0.48, 0.52, 0.56)


@dataclass(frozen=True)
class TunedGroup:
    """Settings tuned together, the values tried for them (each a tuple of the settings'
    values, in `fields` order) and the kinds of question that judge them (all when empty)."""

    name: str
    fields: tuple[str, ...]
    grid: tuple[tuple[float, ...], ...]
    kinds: tuple[str, ...] = ()


# Every tuned number besides the threshold, cross-validated by `eval --sweep` with the others
# at their shipped values.
TUNED_GROUPS = (
    TunedGroup("answer score weights",
               ("score_coverage_weight", "score_context_weight", "score_dense_weight"),
               ((0.35, 0.2, 0.45), (0.25, 0.2, 0.55), (0.45, 0.2, 0.35), (0.35, 0.1, 0.55),
                (0.35, 0.3, 0.35), (0.45, 0.1, 0.45), (0.25, 0.3, 0.45))),
    TunedGroup("near-miss margin", ("near_miss_margin",),
               ((0.1,), (0.15,), (0.2,), (0.25,), (0.3,), (1.0,))),
    TunedGroup("general path", ("general_ratio", "general_min_score"),
               tuple((ratio, score) for ratio in (0.5, 0.6, 0.7, 0.8, 0.9)
                     for score in (0.3, 0.4, 0.5, 0.6, 1.0))),
    TunedGroup("summary weights", ("summary_fact_weight", "summary_focus_weight"),
               tuple((fact, focus) for fact in (0.05, 0.1, 0.2, 0.4) for focus in (0.5, 1.0, 2.0)),
               kinds=("summary",)),
    TunedGroup("read on", ("general_read_on",), ((0,), (2,), (4,))),
    TunedGroup("summary procedural", ("summary_procedural_weight",),
               ((0.0,), (0.1,), (0.2,), (0.4,), (0.8,)), kinds=("summary",)),
)


@dataclass(frozen=True)
class KindQuestion:
    """One line of eval/questions-kinds.jsonl."""

    id: str
    kind: str
    question: str
    key_points: tuple[tuple[str, ...], ...] = ()
    near_miss: bool = False
    instead: tuple[tuple[str, ...], ...] = ()
    style: str = "plain"
    history: tuple[str, ...] = ()


def load_kind_questions(path: Path) -> list[KindQuestion]:
    """Read the question set of kinds (JSON lines); a missing file gives no questions."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        out.append(KindQuestion(
            id=row["id"], kind=row["kind"], question=row["question"],
            key_points=tuple(tuple(p) for p in row.get("key_points", ())),
            near_miss=bool(row.get("near_miss")),
            instead=tuple(tuple(p) for p in row.get("instead", ())),
            style=row.get("style", "plain"),
            history=tuple(h["question"] if isinstance(h, dict) else h
                          for h in row.get("history", ()))))
    return out


def _covered(alternatives: Sequence[str], text: str) -> bool:
    folded = fold(text)
    return any(fold(a) in folded for a in alternatives)


def key_point_coverage(points: Sequence[Sequence[str]], answer: Answer) -> float:
    """Share of key points the answer covers (0 when it declines)."""
    if not points:
        return 0.0
    if answer.abstained:
        return 0.0
    return sum(_covered(p, answer.text) for p in points) / len(points)


def declined(answer: Answer) -> bool:
    """A question the articles do not answer is handled: declined, or the answer says what the
    articles do not give before any near fact."""
    return answer.abstained or bool(answer.missing)


def answer_words(answer: Answer) -> int:
    """Words of the answer as read: its text without the [n] markers."""
    return len(re.sub(r"\[\d+\]", " ", answer.text).split())


def best_passage_coverage(points: Sequence[Sequence[str]], passage: str, words: int) -> float:
    """The baseline an answer must beat: the best passage shown as it is, cut to `words`."""
    if not points:
        return 0.0
    cut = " ".join(passage.split()[:max(words, 1)])
    return sum(_covered(p, cut) for p in points) / len(points)


def kind_row(q: KindQuestion, answer: Answer, verified: float | None, millis: float,
             best_passage: str | None = None) -> dict:
    """Per-question figures; None where a figure does not apply. `best_passage`: the top
    passage of a plain search for the question, for the same-length baseline."""
    row = {"id": q.id, "kind": q.kind, "style": q.style, "near_miss": q.near_miss,
           "abstained": answer.abstained, "answer": answer.text, "millis": millis,
           "words": answer_words(answer),
           "answer_kind": answer.kind, "resolved": answer.resolved_question,
           "confidence": round(answer.confidence, 3),
           "citations_verified": verified}
    if q.near_miss:
        handled = declined(answer)
        row.update(handled=float(handled), presented=float(not handled))
    else:
        row.update(coverage=key_point_coverage(q.key_points, answer),
                   false_abstention=float(answer.abstained),
                   said_not_given=float(bool(answer.missing)))
        if best_passage is not None:  # declined: the length an answer has on average
            words = row["words"] if not answer.abstained else BASELINE_WORDS
            row["best_passage"] = best_passage_coverage(q.key_points, best_passage, words)
    return row


def run_kinds(questions: Sequence[KindQuestion], retriever: Retriever | None = None,
              system: Callable[[str], Answer] | None = None) -> list[dict]:
    """Ask every question (earlier turns first, their answers kept as the conversation) with
    our answerer on `retriever`, or with `system` (a baseline without conversation)."""
    rows = []
    for q in questions:
        turns: list[Turn] = []
        if retriever is not None:
            for earlier in q.history:
                turns.append(Turn(earlier, answer_question(earlier, retriever,
                                                           history=turns).text))
        started = time.perf_counter()
        answer = (answer_question(q.question, retriever, history=turns)
                  if retriever is not None else system(q.question))
        millis = (time.perf_counter() - started) * 1000
        verified, best = None, None
        if retriever is not None:
            top = retriever.search(q.question, k=1)
            best = top[0].chunk.text if top else ""
        if answer.citations and retriever is not None:
            hits = cited_passages(answer, retriever)
            verified = sum(verify_citation(c, retriever.index.articles, hits)
                           for c in answer.citations) / len(answer.citations)
        rows.append(kind_row(q, answer, verified, millis, best))
    return rows


def cited_passages(answer: Answer, retriever: Retriever) -> list[Hit]:
    """The index's passages an answer cites, as hits: a citation verifies when its quote is
    the article's text at its span inside the very passage of the index it names (the plan
    may read past the top k: a list read on, both sides of a comparison)."""
    index = retriever.index
    by_id = {c.id: c for c in index.chunks}
    return [Hit(rank=i, score=0.0, chunk=by_id[c.chunk_id], article=index.articles[c.article_id])
            for i, c in enumerate(answer.citations, 1)
            if c.chunk_id in by_id and c.article_id in index.articles]


def _mean(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def summarize_kinds(rows: Sequence[dict]) -> dict:
    """Figures per kind and overall: key-point coverage, false abstention and answers that
    say a part is not given on answerable questions, near misses handled, citations
    verified, latency p50."""
    out: dict = {}
    groups = {"overall": list(rows)}
    for row in rows:
        groups.setdefault(row["kind"], []).append(row)
    for name, group in groups.items():
        answerable = [r for r in group if not r["near_miss"]]
        near = [r for r in group if r["near_miss"]]
        out[name] = {"n": len(answerable), "n_near_miss": len(near),
                     "key_point_coverage": _mean([r["coverage"] for r in answerable]),
                     "best_passage": _mean([r.get("best_passage") for r in answerable]),
                     "words": _mean([r.get("words") for r in group if not r["abstained"]]),
                     "false_abstention": _mean([r["false_abstention"] for r in answerable]),
                     "near_miss_handled": _mean([r["handled"] for r in near]),
                     # answerable questions whose answer says a part is not given (the
                     # price of near-miss checks: such an answer may still cover the points)
                     "said_not_given": _mean([r.get("said_not_given") for r in answerable]),
                     "citations_verified": _mean([r["citations_verified"] for r in group]),
                     "latency_p50_ms": round(statistics.median([r["millis"] for r in group]), 1)
                     if group else None}
    return out


def _utility(row: dict) -> float:
    if "coverage" in row:
        return row["coverage"]
    if "handled" in row:
        return row["handled"]
    if "fact_accuracy" in row:
        return row["fact_accuracy"]
    return float(row.get("abstained", False))


def _false_rate(rows) -> float:
    answerable = [r for r in rows if "false_abstention" in r]
    return sum(r["false_abstention"] for r in answerable) / max(len(answerable), 1)


def threshold_cv(runs: Mapping, max_false: float = 0.10, k: int = 5):
    """Cross-validate a tuned value (Settings.min_answer_score, or a group of settings) from
    each candidate's rows: on k-1 folds, the value with the best mean utility (key-point
    coverage, fact accuracy, a declined unanswerable question, a handled near miss) among those
    declining at most `max_false` of the answerable questions (the ceiling of issue 18)."""
    return cross_validate(runs, lambda rows: sum(map(_utility, rows)) / max(len(rows), 1),
                          lambda rows: _false_rate(rows) <= max_false, k)
