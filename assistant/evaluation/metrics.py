"""The gold questions of eval/questions.jsonl and how one answer is scored against them:
retrieval (recall@k, mrr@10, ndcg@10; a passage is relevant when it holds at least half of an
evidence quote), gold-fact accuracy, citation recall and precision in the spirit of ALCE,
follow-up resolution, and the percentiles of latency."""
from __future__ import annotations

import json
import re
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..answering.cite import (facts, split_marked, strip_attribution, verify_sentence)
from ..articles.clean import fold
from ..indexing.lexical import tokenize
from .. import messages as msg
from ..schema import Answer, Article, Citation
from .kinds import declined

__all__ = ["Question", "Evidence", "load_questions", "evidence_spans", "retrieval_metrics",
           "supports", "score_answer", "fact_accuracy", "followup_resolved", "percentile",
           "Scores", "RETRIEVAL_METRICS"]

RETRIEVAL_METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10")


@dataclass(frozen=True)
class Evidence:
    article_id: str
    quote: str


@dataclass(frozen=True)
class Question:
    """One line of eval/questions.jsonl."""

    id: str
    type: str
    question: str
    answers: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    history: tuple[str, ...] = ()
    near_miss: bool = False

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def load_questions(path: Path) -> list[Question]:
    """Read the question set (JSON lines)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        out.append(Question(id=row["id"], type=row["type"], question=row["question"],
                            answers=tuple(row.get("answers", ())),
                            evidence=tuple(Evidence(**e) for e in row.get("evidence", ())),
                            history=tuple(row.get("history", ())),
                            near_miss=bool(row.get("near_miss", False))))
    return out


def evidence_spans(question: Question, articles: dict[str, Article]) -> list[tuple[str, int, int]]:
    """(article_id, start, end) of each evidence quote in the cleaned article text."""
    spans = []
    for ev in question.evidence:
        text = articles[ev.article_id].text if ev.article_id in articles else ""
        at = text.find(ev.quote)
        if at < 0:
            raise ValueError(f"{question.id}: evidence quote not in {ev.article_id}")
        spans.append((ev.article_id, at, at + len(ev.quote)))
    return spans


def _covers(article_id: str, start: int, end: int, span: tuple[str, int, int]) -> bool:
    a, s, e = span
    overlap = min(end, e) - max(start, s)
    return article_id == a and overlap >= max(1, (e - s) / 2)


def retrieval_metrics(ranked: Sequence[tuple[str, int, int]],
                      spans: Sequence[tuple[str, int, int]]) -> dict[str, float]:
    """Metrics of one ranking (passages as (article_id, start, end)) against evidence spans.

    recall@k is the share of evidence spans found in the top k (for one span: a hit rate).
    """
    found_at = []
    for span in spans:
        rank = next((i for i, p in enumerate(ranked[:10], 1) if _covers(*p, span)), None)
        found_at.append(rank)
    out = {f"recall@{k}": sum(1 for r in found_at if r and r <= k) / len(spans) for k in (1, 5, 10)}
    first = min((r for r in found_at if r), default=None)
    out["mrr@10"] = 1 / first if first else 0.0
    seen: set[int] = set()
    dcg = 0.0
    for i, passage in enumerate(ranked[:10]):
        new = {j for j, s in enumerate(spans) if j not in seen and _covers(*passage, s)}
        if new:  # a passage gains once, for evidence not already found higher up
            dcg += 1 / math.log2(i + 2)
            seen |= new
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(spans), 10)))
    out["ndcg@10"] = dcg / ideal if ideal else 0.0
    return out


def supports(sentence: str, quotes: Sequence[str], min_overlap: float = 0.6) -> bool:
    """A sentence is supported when its numbers and names appear in the quotes and most of
    its words do (a lexical stand-in for ALCE's entailment check: answers here are quotes)."""
    claim = strip_attribution(sentence)
    if not verify_sentence(claim, quotes):
        return False
    words = {w for w in tokenize(claim, folded=True) if "_" not in w}
    present = set(tokenize(" ".join(quotes), folded=True))
    return not words or len(words & present) / len(words) >= min_overlap


@dataclass
class Scores:
    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float | None) -> None:
        if value is not None:
            self.values.setdefault(name, []).append(float(value))

    def mean(self) -> dict[str, float]:
        return {k: round(sum(v) / len(v), 4) for k, v in self.values.items() if v}


def score_answer(question: Question, answer: Answer, spans: Sequence[tuple[str, int, int]],
                 articles: dict[str, Article], hits_ok: Callable[[Citation], bool]) -> dict:
    """Per-question answer metrics (None where a metric does not apply)."""
    out: dict[str, float | None] = {}
    by_n = {c.n: c for c in answer.citations}
    if question.answerable:
        out["fact_accuracy"] = fact_accuracy(question, answer)
        out["false_abstention"] = float(answer.abstained)
        out["gold_evidence_cited"] = float(any(
            _covers(c.article_id, c.start, c.end, s) or _covers(c.article_id, c.passage_start,
                                                                c.passage_end, s)
            for c in answer.citations for s in spans))
    else:  # declined, or answered with what the articles do not give (a near miss said)
        out["abstained_unanswerable"] = float(declined(answer))
    statements = [] if answer.abstained else split_marked(answer.text)
    cited = " ".join(f"{c.quote} {c.passage}" for c in answer.citations) + " " + question.question
    statements = [(_claim(s), m) for s, m in statements
                  if m or not _connective(s, cited)]  # "Không.", "Các bài viết không nêu ..."
    if statements:
        recall, precision = [], []
        for sentence, markers in statements:
            quotes = [by_n[n].quote for n in markers if n in by_n]
            recall.append(bool(quotes) and supports(sentence, quotes))
            for n in markers:
                if n not in by_n:
                    precision.append(False)
                    continue
                others = [by_n[m].quote for m in markers if m != n and m in by_n]
                precision.append(supports(sentence, [by_n[n].quote])
                                 or (recall[-1] and not (others and supports(sentence, others))))
        out["citation_recall"] = sum(recall) / len(recall)
        out["citation_precision"] = sum(precision) / len(precision) if precision else 0.0
    if answer.citations:
        out["citations_verified"] = sum(map(hits_ok, answer.citations)) / len(answer.citations)
    return out


def fact_accuracy(question: Question, answer: Answer) -> float:
    """1.0 when the answer (not declined) holds every gold fact, diacritics aside."""
    return float(not answer.abstained and all(
        f in answer.text or fold(f) in fold(answer.text) for f in question.answers))


def _connective(sentence: str, cited: str) -> bool:
    """An uncited sentence that only joins cited facts (a verdict, what the articles do not
    give, "A cao hơn"): every number and name in it is in the cited text or the question."""
    folded = fold(cited)
    return all(fold(f) in folded for f in facts(sentence))


def _claim(sentence: str) -> str:
    """The claim of an answer line: without its bullet, its side label ("- Hải Dương: ") and
    the words that introduce a near fact ("Thông tin gần nhất trong các bài viết: ")."""
    claim = re.sub(r"^-\s+(?:[^:\n]{1,40}:\s+)?", "", sentence.strip())
    return claim[len(msg.INSTEAD_INTRO):].strip() if claim.startswith(msg.INSTEAD_INTRO) else claim


def followup_resolved(question: Question, answer: Answer, spans) -> float | None:
    if question.type != "followup":
        return None
    return float(not answer.abstained and any(
        _covers(c.article_id, c.passage_start, c.passage_end, s)
        for c in answer.citations for s in spans))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]
