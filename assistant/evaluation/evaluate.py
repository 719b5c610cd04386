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

import json
import re
import math
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .. import messages as msg
from ..answering.answer import answer_question, resolve_followup
from ..answering.cite import (facts, split_marked, strip_attribution, verify_citation,
                               verify_sentence)
from ..articles.clean import fold
from .kinds import (THRESHOLDS, cited_passages, declined, load_kind_questions,
                             run_kinds, summarize_kinds, threshold_cv,
                             TUNED_GROUPS, KindQuestion, TunedGroup)
from ..indexing.lexical import has_diacritics, tokenize
from ..indexing.retrieve import Retriever
from ..schema import Answer, Article, Citation

__all__ = ["Question", "Evidence", "load_questions", "evidence_spans", "retrieval_metrics",
           "supports", "score_answer", "evaluate", "abstention_sweep",
           "fusion_sweep", "fusion_cv", "ours_system", "langchain_system", "SYSTEMS",
           "ANSWER_METRICS", "RETRIEVAL_METRICS"]

SYSTEMS = ("ours", "lexical", "dense", "langchain")
RETRIEVAL_METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10")
ANSWER_METRICS = ("fact_accuracy", "citation_recall", "citation_precision",
                  "citations_verified", "gold_evidence_cited", "abstention_precision",
                  "abstention_recall", "false_abstention", "followup_resolved",
                  "latency_p50_ms", "latency_p95_ms")


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
class _Scores:
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
        out["fact_accuracy"] = _fact_accuracy(question, answer)
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


def _fact_accuracy(question: Question, answer: Answer) -> float:
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


def _followup_resolved(question: Question, answer: Answer, spans) -> float | None:
    if question.type != "followup":
        return None
    return float(not answer.abstained and any(
        _covers(c.article_id, c.passage_start, c.passage_end, s)
        for c in answer.citations for s in spans))


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


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
        overall, per_type, latencies = _Scores(), {}, []
        for q in variants:
            spans = evidence_spans(q, articles)
            ranked, answer, verify, millis = system(q)
            latencies.append(millis)
            scores = dict(retrieval_metrics(ranked, spans)) if q.answerable else {}
            scores.update(score_answer(q, answer, spans, articles, verify))
            scores["followup_resolved"] = _followup_resolved(q, answer, spans)
            if q.type != "folded":
                for key, value in scores.items():
                    overall.add(key, value)
            for key, value in scores.items():
                per_type.setdefault(q.type, _Scores()).add(key, value)
            rows.append({"system": name, "id": q.id, "type": q.type, "answer": answer.text,
                         "abstained": answer.abstained, "confidence": answer.confidence,
                         **{k: v for k, v in scores.items()
                                                           if v is not None}})
            if bar is not None:
                bar.update(1)
        summary = overall.mean()
        _abstention(summary, overall)
        summary["latency_p50_ms"] = round(statistics.median(latencies), 1)
        summary["latency_p95_ms"] = round(_percentile(latencies, 0.95), 1)
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
    chosen by cross-validation over both question sets (evaluate_kinds.threshold_cv).
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


class _MemoEmbedder:
    """The same embedder, each query embedded once (a sweep asks the same queries again)."""

    def __init__(self, embedder) -> None:
        self._embedder, self._memo = embedder, {}
        self.name, self.dim = embedder.name, embedder.dim

    def embed_queries(self, texts):
        import numpy as np

        missing = [t for t in texts if t not in self._memo]
        if missing:
            for text, row in zip(missing, self._embedder.embed_queries(missing)):
                self._memo[text] = row
        return np.stack([self._memo[t] for t in texts])


def fusion_sweep(questions: Sequence[Question], retriever: Retriever,
                 weights: Sequence[float] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
                 ) -> list[dict]:
    """Retrieval figures of the hybrid for each fusion method and dense weight, on the
    answerable questions (typed as written, and folded copies apart). This is how
    Settings.fusion and Settings.dense_weight were chosen."""
    embedder = _MemoEmbedder(retriever.embedder)
    items = []
    for q in questions:
        spans = evidence_spans(q, retriever.index.articles)
        if not q.answerable or not spans:
            continue
        query = resolve_followup(q.question, q.history) if q.history else q.question
        items.append((query, spans, False, q.id))
        if q.type != "followup" and has_diacritics(q.question):
            items.append((fold(query), spans, True, f"{q.id}-folded"))
    table, runs = [], {}
    for fusion in ("rrf", "weighted"):
        for weight in weights:
            settings = retriever.settings.replace(fusion=fusion, dense_weight=weight)
            trial = Retriever(retriever.index, embedder, settings)
            scores = {False: _Scores(), True: _Scores()}
            rows = runs.setdefault(_FUSION_CODE[fusion] + weight, [])
            for query, spans, folded, qid in items:
                hits = trial.search(query, k=10)
                ranked = [(h.chunk.article_id, h.chunk.start, h.chunk.end) for h in hits]
                metrics = retrieval_metrics(ranked, spans)
                rows.append({"id": qid, **metrics})
                for key, value in metrics.items():
                    scores[folded].add(key, value)
            row = {"fusion": fusion, "dense_weight": weight}
            row.update(scores[False].mean())
            row.update({f"folded_{k}": v for k, v in scores[True].mean().items()})
            table.append(row)
    return table, runs


_FUSION_CODE = {"weighted": 0.0, "rrf": 10.0}  # one number per (fusion, weight) for the CV


def fusion_cv(runs: dict[float, list[dict]], k: int = 5) -> dict:
    """Settings.fusion and .dense_weight cross-validated: on k-1 folds, the pair with the best
    mean mrr@10 (questions as written and typed without diacritics); the held-out fold's
    figures are kept."""
    from .crossval import cross_validate

    def mean(rows, key="mrr@10"):
        return sum(r[key] for r in rows) / max(len(rows), 1)

    def name(code: float) -> str:
        return f"{'rrf' if code >= 10 else 'weighted'} {code % 10:.1f}"

    cv = cross_validate(runs, mean, k=k)
    return {"chosen_all": name(cv.chosen_all),
            "chosen_per_fold": [name(c) for c in cv.chosen_per_fold],
            **{f"{part}_{key}": round(mean(rows, key), 4)
               for part, rows in (("in_sample", cv.in_sample), ("held_out", cv.held_out))
               for key in ("recall@1", "recall@5", "mrr@10")}}


def _abstention(summary: dict, scores: _Scores) -> None:
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


def ours_system(retriever: Retriever, mode: str = "hybrid") -> Callable:
    """Our pipeline with one retrieval mode -> (ranked passages, answer, check, latency ms)."""
    def run(q: Question):
        started = time.perf_counter()
        answer = answer_question(q.question, retriever, history=q.history, mode=mode)
        millis = (time.perf_counter() - started) * 1000
        query = answer.resolved_question or q.question
        hits = retriever.search(query, k=10, mode=mode)
        ranked = [(h.chunk.article_id, h.chunk.start, h.chunk.end) for h in hits]
        read = cited_passages(answer, retriever)  # what the answer's plan read (may go past k)
        return ranked, answer, lambda c: verify_citation(c, retriever.index.articles, read), millis
    return run


def langchain_system(articles: dict[str, Article], embedder, cache_dir: Path) -> Callable:
    """The plain LangChain pipeline: 1000/200 character chunks, a FAISS vector store with the
    same embeddings, and its top 4 chunks shown as the answer (no follow-up handling)."""
    from langchain_community.vectorstores import FAISS
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from ..indexing.embed import CachedEmbedder

    cached = CachedEmbedder(embedder, cache_dir)

    class _Embeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return cached.embed_passages(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_queries([text])[0].tolist()

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200,
                                              add_start_index=True)
    ordered = list(articles.values())
    docs = splitter.create_documents([a.text for a in ordered],
                                     metadatas=[{"article_id": a.id} for a in ordered])
    store = FAISS.from_documents(docs, _Embeddings())
    cached.save()

    def run(q: Question):
        started = time.perf_counter()
        found = store.similarity_search(q.question, k=10)
        citations = []
        for n, doc in enumerate(found[:4], 1):
            article = articles[doc.metadata["article_id"]]
            start = doc.metadata["start_index"]
            end = start + len(doc.page_content)
            citations.append(Citation(
                n=n, article_id=article.id, title=article.display_title, date=article.date,
                source=article.source, chunk_id=f"langchain#{start}", passage=doc.page_content,
                passage_start=start, passage_end=end, quote=doc.page_content, start=start,
                end=end))
        text = "\n\n".join(f"{c.passage} [{c.n}]" for c in citations)
        millis = (time.perf_counter() - started) * 1000
        ranked = [(d.metadata["article_id"], d.metadata["start_index"],
                   d.metadata["start_index"] + len(d.page_content)) for d in found]
        answer = Answer(question=q.question, text=text, citations=tuple(citations))
        return ranked, answer, lambda c: articles[c.article_id].text[c.start:c.end] == c.quote, \
            millis
    return run


def _facts_rows(questions: Sequence[Question], retriever: Retriever) -> list[dict]:
    """The fact questions as rows the threshold cross-validation can read."""
    rows = []
    for q in questions:
        answer = answer_question(q.question, retriever, history=q.history)
        row = {"id": q.id, "kind": "facts", "near_miss": not q.answerable,
               "abstained": answer.abstained, "millis": 0.0, "citations_verified": None}
        if q.answerable:
            row.update(fact_accuracy=_fact_accuracy(q, answer),
                       false_abstention=float(answer.abstained))
        else:
            row.update(handled=float(declined(answer)))
        rows.append(row)
    return rows


def _kinds(settings, questions: Sequence[Question], retriever: Retriever, langchain,
           args) -> dict:
    """Every kind of question (eval/questions-kinds.jsonl), ours and LangChain's, and with
    --sweep the abstention threshold cross-validated over both question sets."""
    kinds = load_kind_questions(settings.eval_dir / "questions-kinds.jsonl")[: args.limit]
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
