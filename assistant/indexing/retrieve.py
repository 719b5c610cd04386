"""Find the passages for a question: dense (FAISS), lexical (BM25) or both fused.

Fusion is a weighted sum of max-normalized scores (default) or reciprocal-rank; which one and
with what dense weight was chosen on the eval set (guide/retrieval.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from ..articles.clean import scrub
from .embed import Embedder
from .live import Breadth
from ..schema import Hit
from ..settings import Settings
from .store import Index

__all__ = ["Mode", "Retriever"]

Mode = Literal["hybrid", "dense", "lexical"]


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """The positions of the `k` highest scores, best first, ties by position: what a stable
    argsort of the whole array gives, in linear time (a full sort of 10^6 scores took tens of
    milliseconds per question)."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < len(scores):
        cut = np.partition(scores, len(scores) - k)[len(scores) - k]
        at = np.flatnonzero(scores >= cut)  # every tie at the cut, so ties break by position
    else:
        at = np.arange(len(scores))
    return at[np.lexsort((at, -scores[at]))][:k]


@dataclass(frozen=True)
class _Ranked:
    order: np.ndarray  # chunk positions, best first
    scores: np.ndarray  # score per chunk position (all chunks)


@dataclass(frozen=True)
class Retriever:
    """Searches one loaded index with the embedder it was built with."""

    index: Index
    embedder: Embedder
    settings: Settings

    def __post_init__(self) -> None:
        if self.embedder.name != self.index.embedder_name:
            raise ValueError(f"index was built with {self.index.embedder_name}, "
                             f"not {self.embedder.name}")

    def _dense(self, query: str, vector: np.ndarray | None = None) -> _Ranked:
        n = len(self.index.chunks)
        if vector is None:
            vector = self.embedder.embed_queries([query])
        vector = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        depth = min(n, max(self.settings.candidates, 1))
        found, ids = self.index.dense.search(vector, depth, params=self._search_params(depth))
        scores = np.full(n, -1.0, dtype=np.float32)
        keep = ids[0] >= 0
        scores[ids[0][keep]] = found[0][keep]
        return _Ranked(ids[0][keep], scores)

    def _search_params(self, depth: int):
        """HNSW explores `hnsw_ef_search` candidates (faiss's default 16 found 0.7 of the
        exact top 5 at 10^5 chunks); a flat index needs nothing."""
        if not hasattr(self.index.dense, "hnsw"):
            return None
        return Breadth(max(self.settings.hnsw_ef_search, depth), self.settings.ivf_nprobe)

    def _lexical(self, query: str) -> _Ranked:
        scores = self.index.lexical.scores(query, self.settings.exact_weight)
        order = _top(scores, self.settings.candidates)
        return _Ranked(order[scores[order] > 0], scores)

    def _fuse(self, dense: _Ranked, lexical: _Ranked) -> tuple[np.ndarray, np.ndarray]:
        """The fused score of every chunk (twice: the caller takes its top)."""
        n = len(self.index.chunks)
        w = self.settings.dense_weight
        fused = np.zeros(n, dtype=np.float64)
        if self.settings.fusion == "weighted":
            top = lexical.scores.max(initial=0.0)
            lex = lexical.scores / top if top > 0 else lexical.scores * 0
            fused = w * np.clip(dense.scores, 0, None) + (1 - w) * lex
        else:
            k = self.settings.rrf_k
            for weight, ranked in ((w, dense), (1 - w, lexical)):
                fused[ranked.order] += weight / (k + 1 + np.arange(len(ranked.order)))
        return fused, fused

    def restore(self, query: str) -> str:
        """The query with diacritics put back when it was typed without any."""
        return self.index.restorer.restore(query) if self.index.restorer else query

    def search(self, query: str, k: int | None = None, mode: Mode = "hybrid",
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """The top `k` passages for `query`, best first. `query_vector`: the embedding of the
        restored query when the caller already has it (each question is embedded once)."""
        k = k or self.settings.top_k
        query = scrub(query)  # undecodable bytes would break the embedder
        if not query.strip() or not self.index.chunks:
            return []
        query = self.restore(query)
        dense = self._dense(query, query_vector) if mode in ("hybrid", "dense") else None
        lexical = self._lexical(query) if mode in ("hybrid", "lexical") else None
        if mode == "dense":
            order, scores = dense.order, dense.scores
        elif mode == "lexical":
            order, scores = lexical.order, lexical.scores
        else:
            order, scores = self._fuse(dense, lexical)
            order = _top(scores, k)
        hits = []
        for rank, pos in enumerate(order[:k], start=1):
            chunk = self.index.chunks[int(pos)]
            hits.append(Hit(rank=rank, score=float(scores[pos]), chunk=chunk,
                            article=self.index.articles[chunk.article_id],
                            dense_score=None if dense is None else float(dense.scores[pos]),
                            lexical_score=None if lexical is None
                            else float(lexical.scores[pos])))
        return hits
