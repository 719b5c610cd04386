"""The live index as one corpus over its segments, in the order a build from scratch gives.

A build is a list of segments plus, for each, the ids of its articles that were removed or
replaced since it was written. Here they become one corpus: articles by file name, chunks in
article order (position i = row i of every score array), sentences by (article id, start,
end). The per-chunk and per-sentence objects are made when first read; the vectors stay
memory-mapped; dense search runs on each segment (exact, or HNSW above the threshold) with
removed rows filtered out; BM25 counts document frequencies over the live chunks only. So an
index updated one article at a time answers exactly like one built anew from the same docs/.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .lexical import LexicalIndex
from ..schema import Article, Chunk
from .segments import APPROXIMATE, Segment, chunk_stats
from .tables import NameTable, SentenceRows, corpus_table

__all__ = ["Live", "Breadth", "approximate_search", "assemble"]


class _Lazy(Sequence):
    """A sequence whose items are made on first access and kept (iteration makes them all)."""

    def __init__(self, n: int, make, make_all) -> None:
        self._items: list = [None] * n
        self._make, self._make_all = make, make_all
        self._all = False
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        item = self._items[i]
        if item is None:
            item = self._items[i] = self._make(i if i >= 0 else i + len(self))
        return item

    def __iter__(self):
        if not self._all:
            with self._lock:
                if not self._all:
                    self._items = self._make_all()
                    self._all = True
        return iter(self._items)


class _Rows:
    """Rows of several memory-mapped arrays seen as one (row i = sentence i)."""

    def __init__(self, arrays: list[np.ndarray], seg: np.ndarray, row: np.ndarray,
                 dim: int) -> None:
        self._arrays, self._seg, self._row = arrays, seg, row
        self.shape, self.dtype, self.ndim = (len(seg), dim), np.dtype(np.float32), 2

    def __len__(self) -> int:
        return len(self._seg)

    def __getitem__(self, i):
        if isinstance(i, (int, np.integer)):
            return self._arrays[self._seg[i]][self._row[i]]
        picked = np.arange(len(self))[i]
        return np.stack([self._arrays[self._seg[j]][self._row[j]] for j in picked]) \
            if len(picked) else np.zeros((0, self.shape[1]), np.float32)

    def __array__(self, dtype=None, copy=None):
        out = np.zeros(self.shape, dtype=np.float32)
        for k, array in enumerate(self._arrays):
            mine = self._seg == k
            out[mine] = array[self._row[mine]]
        return out if dtype is None else out.astype(dtype)


@dataclass(frozen=True)
class Breadth:
    """How widely an approximate index searches: HNSW's efSearch, IVF's lists probed."""

    ef_search: int = 256
    nprobe: int = 64


def approximate_search(index, vectors: np.ndarray, query: np.ndarray, depth: int,
                       breadth: Breadth | None) -> tuple[np.ndarray, np.ndarray]:
    """The top `depth` rows of an approximate faiss `index` (HNSW or IVF), re-scored exactly
    on the stored `vectors` (float16) and re-ordered: (scores, rows), best first."""
    import faiss

    breadth = breadth or Breadth()
    params = (faiss.SearchParametersHNSW(efSearch=max(breadth.ef_search, depth))
              if hasattr(index, "hnsw") else faiss.SearchParametersIVF(nprobe=breadth.nprobe))
    _, rows = index.search(query, depth, params=params)
    rows = np.sort(rows[0][rows[0] >= 0])  # in file order: memory-mapped pages read in turn
    scores = np.asarray(vectors[rows], dtype=np.float32) @ query[0]
    order = np.lexsort((rows, -scores))
    return scores[order], rows[order]


class _Dense:
    """Inner-product search over the live chunks of every segment; returns positions.

    Segments up to the threshold are searched exactly (a matrix product over their
    memory-mapped vectors), larger ones through their approximate index (HNSW or IVF) asked
    for as many more results as they have removed rows, which are then dropped; its
    candidates are re-scored exactly on the stored vectors."""

    def __init__(self, parts: list[tuple[Segment, np.ndarray]], total: int, dim: int) -> None:
        self._parts = parts
        self.ntotal, self.d = total, dim
        self._approximate = any(s.index_type in APPROXIMATE for s, _ in parts)

    def __getattr__(self, key: str):
        if key == "hnsw" and self.__dict__.get("_approximate"):
            return True  # marks an approximate index: the retriever passes its breadth
        raise AttributeError(key)

    def search(self, query: np.ndarray, k: int, params: Breadth | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        query = np.asarray(query, dtype=np.float32).reshape(1, -1)
        found_scores, found_pos = [], []
        for segment, pos in self._parts:
            if not (pos >= 0).any():
                continue
            if segment.dense is None:
                scores = np.asarray(segment.chunk_vectors @ query[0], dtype=np.float32)
                scores[pos < 0] = -np.inf
                top = min(k, len(scores))
                rows = np.argpartition(-scores, top - 1)[:top] if top < len(scores) \
                    else np.arange(len(scores))
                rows = rows[np.isfinite(scores[rows])]
                found_scores.append(scores[rows])
                found_pos.append(pos[rows])
            else:
                dead = int((pos < 0).sum())
                depth = min(segment.dense.ntotal, k + dead)
                scores, rows = approximate_search(segment.dense, segment.chunk_vectors, query,
                                                  depth, params)
                live = pos[rows] >= 0
                found_scores.append(scores[live])
                found_pos.append(pos[rows][live])
        out_scores = np.full((1, k), -np.inf, dtype=np.float32)
        out_pos = np.full((1, k), -1, dtype=np.int64)
        if found_pos:
            scores, at = np.concatenate(found_scores), np.concatenate(found_pos)
            order = np.lexsort((at, -scores))[:k]
            out_scores[0, :len(order)], out_pos[0, :len(order)] = scores[order], at[order]
        return out_scores, out_pos

    def reconstruct_n(self, start: int, count: int) -> np.ndarray:
        out = np.zeros((self.ntotal, self.d), dtype=np.float32)
        for segment, pos in self._parts:
            live = pos >= 0
            out[pos[live]] = segment.chunk_vectors[np.flatnonzero(live)]
        return out[start:start + count]


@dataclass(frozen=True)
class Live:
    """The live corpus over the segments of a build (what `store.Index` is made of)."""

    articles: dict[str, Article]
    chunks: Sequence[Chunk]
    sentences: Sequence[tuple[str, int, int]]
    sentence_vectors: object  # np.ndarray (one segment, nothing removed) or _Rows
    dense: _Dense
    lexical: LexicalIndex
    parts: tuple[tuple[Segment, frozenset], ...]
    rows: dict[str, tuple[int, int]]  # live article id -> (segment, row), by file name

    def positions(self) -> dict[str, np.ndarray]:
        """Segment name -> live position of each of its chunk rows (-1: removed)."""
        return {segment.name: pos for segment, pos in self.dense._parts}

    def names(self) -> NameTable:
        """The corpus's names from the segments' saved per-article tables."""
        return corpus_table(self.parts[k][0].names[r] for k, r in self.rows.values())

    def sentence_rows(self) -> SentenceRows:
        """Where each live article's sentences sit in the sentence order (by article id)."""
        where, first = {}, 0
        for ident in sorted(self.rows):
            k, r = self.rows[ident]
            segment = self.parts[k][0]
            lo, hi = segment.sentence_rows(r)
            where[ident] = (np.asarray(segment.sentences[lo:hi, 1:3]), first)
            first += hi - lo
        return SentenceRows(where)

    def chunk_counts(self) -> dict[str, int]:
        """Chunks per live article."""
        counts = {}
        for segment, dead in self.parts:
            for r, article in enumerate(segment.articles):
                if article.id not in dead:
                    lo, hi = segment.chunk_rows(r)
                    counts[article.id] = hi - lo
        return counts

    def stats(self) -> dict:
        """The folded-term document frequencies and syllable counts of the live chunks: each
        segment's saved tables, minus those of its removed articles (read on first use)."""
        total = {"df": Counter(), "uni": Counter(), "bi": Counter()}
        for segment, dead in self.parts:
            saved = segment.stats()
            gone = [a for a in segment.articles if a.id in dead]
            if gone:
                rows = {a.id: r for r, a in enumerate(segment.articles)}
                removed = chunk_stats([c for a in gone for c in
                                       segment.article_chunks_of(rows[a.id])],
                                      [a.title for a in gone])
                for key in total:
                    saved[key].subtract(removed[key])
            for key in total:
                total[key].update(saved[key])
        return {key: +counts for key, counts in total.items()}  # drops counts that reached 0


class _LazyLexical:
    """Our BM25 over the segments' postings, assembled on the first lexical search (with the
    tantivy engine it never is)."""

    def __init__(self, make) -> None:
        self._make, self._made, self._lock = make, None, threading.Lock()

    def scores(self, query: str, exact_weight: float) -> np.ndarray:
        with self._lock:
            if self._made is None:
                self._made = self._make()
        return self._made.scores(query, exact_weight)


def _postings(segment: Segment):
    """The segment's two lexical fields: saved with it, or (a segment written for the tantivy
    engine) counted from its passages once."""
    if "exact" not in segment._arrays:
        from .updates import passage_input

        rows = np.arange(len(segment.chunks))
        chunks = segment.chunks_at(rows)
        exact, folded = LexicalIndex.build_fields(
            [passage_input(segment.articles[int(segment.chunks[r, 0])], c)
             for r, c in zip(rows.tolist(), chunks)])
        segment._arrays.update(exact=exact, folded=folded)
    return segment.exact, segment.folded


def _in_order(segments: list[Segment], seg: np.ndarray, row: np.ndarray, make) -> list:
    """Every item, made segment by segment in bulk, put at its global position."""
    out: list = [None] * len(seg)
    for k, segment in enumerate(segments):
        at = np.flatnonzero(seg == k)
        for i, item in zip(at.tolist(), make(segment, row[at])):
            out[i] = item
    return out


def assemble(parts: Sequence[tuple[Segment, frozenset]], dim: int) -> Live:
    """The live corpus of segments with the ids of their removed articles."""
    live = [(a.path, a.id, k, r) for k, (segment, dead) in enumerate(parts)
            for r, a in enumerate(segment.articles) if a.id not in dead]
    by_path = sorted(live)
    articles = {ident: parts[k][0].articles[r] for _, ident, k, r in by_path}
    chunk_pos = [np.full(len(s.chunks), -1, dtype=np.int64) for s, _ in parts]
    chunk_seg, chunk_row, at = [], [], 0
    for _, _, k, r in by_path:
        lo, hi = parts[k][0].chunk_rows(r)
        chunk_pos[k][lo:hi] = np.arange(at, at + hi - lo)
        chunk_seg.append(np.full(hi - lo, k, dtype=np.int32))
        chunk_row.append(np.arange(lo, hi))
        at += hi - lo
    seg_of = np.concatenate(chunk_seg) if chunk_seg else np.zeros(0, np.int32)
    row_of = np.concatenate(chunk_row) if chunk_row else np.zeros(0, np.int64)
    segments = [s for s, _ in parts]
    chunks = _Lazy(at, lambda i: segments[seg_of[i]].chunk(int(row_of[i])),
                   lambda: _in_order(segments, seg_of, row_of, Segment.chunks_at))
    sent_seg, sent_row = [], []
    for _, k, r in sorted((ident, k, r) for _, ident, k, r in live):
        lo, hi = parts[k][0].sentence_rows(r)
        sent_seg.append(np.full(hi - lo, k, dtype=np.int32))
        sent_row.append(np.arange(lo, hi))
    s_seg = np.concatenate(sent_seg) if sent_seg else np.zeros(0, np.int32)
    s_row = np.concatenate(sent_row) if sent_row else np.zeros(0, np.int64)

    def sentence(i: int) -> tuple[str, int, int]:
        segment = segments[s_seg[i]]
        a, s, e = (int(v) for v in segment.sentences[s_row[i]])
        return segment.articles[a].id, s, e

    sentences = _Lazy(len(s_seg), sentence,
                      lambda: _in_order(segments, s_seg, s_row, Segment.sentences_at))
    whole = len(parts) == 1 and len(s_row) == len(segments[0].sentences)
    vectors = segments[0].sentence_vectors if whole else _Rows(
        [s.sentence_vectors for s in segments], s_seg, s_row, dim)
    dense = _Dense([(s, chunk_pos[k]) for k, s in enumerate(segments)], at, dim)
    lexical = _LazyLexical(lambda: LexicalIndex(
        [(*_postings(s), chunk_pos[k]) for k, s in enumerate(segments)], at))
    return Live(articles, chunks, sentences, vectors, dense, lexical, tuple(parts),
                {ident: (k, r) for _, ident, k, r in by_path})
