"""Find the passages for a question: dense (FAISS), lexical (BM25) or both fused.

Fusion is a weighted sum of max-normalized scores (default) or reciprocal-rank; which one and
with what dense weight was chosen on the eval set (guide/retrieval.md).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
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
    """One side's scores, kept sparse: a search at 10^6 chunks scores a few hundred of them,
    and a pass over an array of every chunk costs about a millisecond each."""

    order: np.ndarray  # chunk positions, best first
    at: np.ndarray  # the positions with a score, sorted
    values: np.ndarray  # their scores
    rest: float  # the score of every other chunk

    @classmethod
    def sparse(cls, at: np.ndarray, values: np.ndarray, rest: float,
               order: np.ndarray | None = None) -> "_Ranked":
        """From (position, score) pairs in any order (a repeated position: its last score)."""
        at = np.asarray(at, dtype=np.int64)
        by = np.argsort(at, kind="stable")
        at, values = at[by], np.asarray(values)[by]
        last = np.append(at[1:] != at[:-1], True) if len(at) else np.zeros(0, dtype=bool)
        return cls(at if order is None else order, at[last], values[last], rest)

    @classmethod
    def dense(cls, order: np.ndarray, scores: np.ndarray, rest: float) -> "_Ranked":
        """From a score for every chunk (those equal to `rest` are left out)."""
        at = np.flatnonzero(scores != rest)
        return cls(order, at, scores[at], rest)

    def score(self, positions: np.ndarray) -> np.ndarray:
        """The score of each of `positions`."""
        positions = np.asarray(positions, dtype=np.int64)
        if not len(self.at):
            return np.full(len(positions), self.rest, dtype=np.float32)
        i = np.minimum(np.searchsorted(self.at, positions), len(self.at) - 1)
        return np.where(self.at[i] == positions, self.values[i],
                        np.asarray(self.rest, dtype=self.values.dtype))

    def array(self, n: int) -> np.ndarray:
        """The score of every chunk."""
        out = np.full(n, self.rest, dtype=self.values.dtype)
        out[self.at] = self.values
        return out


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
        keep = ids[0] >= 0
        order = ids[0][keep].astype(np.int64)
        return _Ranked.sparse(order, found[0][keep].astype(np.float32), -1.0, order)

    def _search_params(self, depth: int):
        """HNSW explores `hnsw_ef_search` candidates (faiss's default 16 found 0.7 of the
        exact top 5 at 10^5 chunks); a flat index needs nothing."""
        if not hasattr(self.index.dense, "hnsw"):
            return None
        return Breadth(max(self.settings.hnsw_ef_search, depth), self.settings.ivf_nprobe)

    def _lexical(self, query: str) -> _Ranked:
        lexical, weight = self.index.lexical, self.settings.exact_weight
        if hasattr(lexical, "top"):  # tantivy: its best chunks only, never an array of all
            ranked = _Ranked.sparse(*lexical.top(query, weight), 0.0)
        else:
            ranked = _Ranked.dense(None, lexical.scores(query, weight), 0.0)
        found = ranked.values > 0  # a few hundred of 10^6: the top among them only
        at, values = ranked.at[found], ranked.values[found]
        return replace(ranked, order=at[_top(values, self.settings.candidates)])

    def _fuse(self, dense: _Ranked, lexical: _Ranked, k: int) -> tuple[np.ndarray, _Ranked]:
        """The top `k` chunks by fused score, and the fused scores."""
        n = len(self.index.chunks)
        w = self.settings.dense_weight
        if self.settings.fusion == "weighted":
            # only the dense candidates and the chunks with a lexical score can score above 0
            # (every other one scores w * 0 + (1 - w) * 0): computed there alone, the same
            # figures as over all chunks without passes over 10^6 of them
            top = lexical.values.max(initial=0.0)
            at = np.union1d(dense.order, lexical.at)
            lex = lexical.score(at)
            lex = lex / top if top > 0 else lex * 0
            part = w * np.clip(dense.score(at), 0, None) + (1 - w) * lex
            best = _top(part, k)
            if len(best) == min(k, n) and (not len(best) or part[best[-1]] > 0):
                return at[best], _Ranked(at[best], at, part, 0.0)
            fused = np.zeros(n, dtype=part.dtype)  # fewer than k above 0: the rest by position
            fused[at] = part
        else:
            fused = np.zeros(n, dtype=np.float64)
            for weight, ranked in ((w, dense), (1 - w, lexical)):
                fused[ranked.order] += weight / (self.settings.rrf_k + 1
                                                 + np.arange(len(ranked.order)))
        order = _top(fused, k)
        return order, _Ranked.dense(order, fused, 0.0)

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
            order, scores = dense.order, dense
        elif mode == "lexical":
            order, scores = lexical.order, lexical
        else:
            order, scores = self._fuse(dense, lexical, k)
        order = order[:k]
        fused = scores.score(order).tolist()
        dense_scores = [None] * len(order) if dense is None else dense.score(order).tolist()
        lexical_scores = ([None] * len(order) if lexical is None
                          else lexical.score(order).tolist())
        hits = []
        for rank, pos in enumerate(order.tolist(), start=1):
            chunk = self.index.chunks[pos]
            hits.append(Hit(rank=rank, score=fused[rank - 1], chunk=chunk,
                            article=self.index.articles[chunk.article_id],
                            dense_score=dense_scores[rank - 1],
                            lexical_score=lexical_scores[rank - 1]))
        return hits
