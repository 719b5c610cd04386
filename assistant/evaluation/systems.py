"""The systems the evaluation compares on one question: ours (hybrid, or one retrieval mode)
and the plain LangChain pipeline (RecursiveCharacterTextSplitter 1000/200, a LangChain FAISS
store with the same embeddings, its top 4 chunks shown as the answer); and the fusion-weight
sweep with its cross-validation."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Sequence

from ..answering.answer import answer_question, resolve_followup
from ..answering.cite import (verify_citation)
from ..articles.clean import fold
from ..indexing.lexical import has_diacritics
from ..indexing.retrieve import Retriever
from ..schema import Answer, Article, Citation
from .kinds import cited_passages
from .metrics import Question, Scores, evidence_spans, retrieval_metrics

__all__ = ["ours_system", "langchain_system", "fusion_sweep", "fusion_cv", "MemoEmbedder"]

class MemoEmbedder:
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
    embedder = MemoEmbedder(retriever.embedder)
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
            scores = {False: Scores(), True: Scores()}
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
