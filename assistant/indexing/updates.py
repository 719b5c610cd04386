"""What an update writes: one new segment holding the articles that changed, embedded (only
their texts) and chunked, merged with the small segments when there are too many, or with a
segment that lost too many of its articles.

Every distinct sentence (and title) is embedded once; a chunk's vector is the normalized mean
of its sentences' vectors plus its title's (`Settings.chunk_vectors`). A merge re-uses the
stored vectors and re-counts only the lexical fields of the merged articles.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .. import messages as msg
from ..articles.chunk import chunk_article
from .embed import CachedEmbedder
from ..schema import Article, Chunk
from .segments import NewSegment, Segment
from ..settings import Settings

__all__ = ["Piece", "passage_input", "fresh_pieces", "segment_pieces", "new_segment",
           "plan_merge"]

_log = logging.getLogger(__name__)


def passage_input(article: Article, chunk: Chunk) -> str:
    """The text a chunk is indexed with: the article title gives the passage its context."""
    return f"{article.title}\n{chunk.text}" if article.title else chunk.text


@dataclass(frozen=True)
class Piece:
    """One article with its chunks, sentences and vectors, ready to go into a segment."""

    article: Article
    chunks: list[Chunk]
    chunk_vectors: np.ndarray
    sentences: list[tuple[str, int, int]]
    sentence_vectors: np.ndarray


def fresh_pieces(articles: Sequence[Article], embedder, cached: CachedEmbedder,
                 settings: Settings, progress: bool,
                 on_progress: Callable[[int, int], None] | None = None) -> list[Piece]:
    """Chunk and embed `articles` (the new and changed ones); `on_progress(done, total)` after
    each batch of texts the cache lacks (it may raise to stop)."""
    chunks = [c for a in articles for c in chunk_article(
        a, embedder.count_tokens, max_tokens=settings.chunk_max_tokens,
        min_tokens=settings.chunk_min_tokens, overlap=settings.chunk_overlap_sentences)]
    vectors, sentences, sentence_vectors = _embed(articles, chunks, cached, settings, progress,
                                                  on_progress)
    rows_of: dict[str, list[int]] = {}
    for i, chunk in enumerate(chunks):
        rows_of.setdefault(chunk.article_id, []).append(i)
    sentence_rows: dict[str, list[int]] = {}
    for i, (a, _, _) in enumerate(sentences):
        sentence_rows.setdefault(a, []).append(i)
    pieces = []
    for article in articles:
        rows, s_rows = rows_of.get(article.id, []), sentence_rows.get(article.id, [])
        pieces.append(Piece(article, [chunks[i] for i in rows], vectors[rows],
                            [sentences[i] for i in s_rows], sentence_vectors[s_rows]))
    return pieces


def segment_pieces(segment: Segment, removed: frozenset) -> list[Piece]:
    """The live articles of a stored segment, with their stored vectors (nothing embedded)."""
    pieces = []
    for r, article in enumerate(segment.articles):
        if article.id in removed:
            continue
        lo, hi = segment.chunk_rows(r)
        s_lo, s_hi = segment.sentence_rows(r)
        sentences = [(article.id, int(s), int(e)) for _, s, e in segment.sentences[s_lo:s_hi]]
        pieces.append(Piece(article, segment.article_chunks_of(r),
                            np.asarray(segment.chunk_vectors[lo:hi]), sentences,
                            np.asarray(segment.sentence_vectors[s_lo:s_hi])))
    return pieces


def new_segment(pieces: Sequence[Piece], dim: int) -> NewSegment:
    """One segment of `pieces`: articles by file name, sentences by (article id, offsets)."""
    by_path = sorted(pieces, key=lambda p: p.article.path)
    by_id = sorted(pieces, key=lambda p: p.article.id)

    def stack(arrays: list[np.ndarray]) -> np.ndarray:
        arrays = [a for a in arrays if len(a)]
        return np.concatenate(arrays).astype(np.float32) if arrays \
            else np.zeros((0, dim), np.float32)

    return NewSegment(
        articles=[p.article for p in by_path],
        chunks=[c for p in by_path for c in p.chunks],
        chunk_vectors=stack([p.chunk_vectors for p in by_path]),
        sentences=[s for p in by_id for s in p.sentences],
        sentence_vectors=stack([p.sentence_vectors for p in by_id]),
        passages=[passage_input(p.article, c) for p in by_path for c in p.chunks])


def plan_merge(entries: Sequence[dict], removed_chunks: Sequence[int], adding: bool,
               settings: Settings) -> set[int]:
    """Which segments (by position) go into the new one: those that lost more than
    `segment_rewrite_fraction` of their chunks, and, when there would be more than
    `segment_max_count` segments, the smaller half of the others."""
    merge = {i for i, (e, gone) in enumerate(zip(entries, removed_chunks))
             if e["chunks"] and gone > settings.segment_rewrite_fraction * e["chunks"]}
    if len(entries) + adding - len(merge) + bool(merge and not adding) \
            > settings.segment_max_count:
        rest = sorted((e["chunks"] - gone, i) for i, (e, gone)
                      in enumerate(zip(entries, removed_chunks)) if i not in merge)
        merge |= {i for _, i in rest[:len(rest) // 2 + 1]}
    return merge


def _embed(articles: list[Article], chunks: list[Chunk], cached: CachedEmbedder,
           settings: Settings, progress: bool,
           on_progress: Callable[[int, int], None] | None = None):
    """Chunk vectors, the sentences and their vectors. Every distinct sentence (and title) is
    embedded once; chunk vectors are derived from them unless `chunk_vectors` is "chunks"."""
    by_id = {a.id: a for a in articles}
    sentences = sorted({(c.article_id, s, e) for c in chunks for s, e in c.sentences})
    sentence_texts = [by_id[a].text[s:e] for a, s, e in sentences]
    titles = sorted({a.title for a in articles if a.title})
    from_chunks = settings.chunk_vectors == "chunks"
    chunk_texts = [passage_input(by_id[c.article_id], c) for c in chunks] if from_chunks else []
    texts = sentence_texts + (chunk_texts if from_chunks else titles)
    bar = _Progress(len(set(texts)), progress, report=on_progress)
    try:
        embedded = cached.embed_passages(texts, settings.embed_batch_size, progress=bar)
    finally:
        bar.close()
    sentence_vectors = embedded[:len(sentences)]
    if from_chunks:
        return embedded[len(sentences):], sentences, sentence_vectors
    title_vectors = dict(zip(titles, embedded[len(sentences):]))
    row = {s: i for i, s in enumerate(sentences)}
    vectors = np.zeros((len(chunks), cached.dim), dtype=np.float32)
    for i, chunk in enumerate(chunks):
        rows = [row[(chunk.article_id, s, e)] for s, e in chunk.sentences]
        mean = sentence_vectors[rows].mean(axis=0) if rows else np.zeros(cached.dim)
        title = by_id[chunk.article_id].title
        if title:
            mean = mean + settings.chunk_title_weight * title_vectors[title]
        vectors[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return vectors, sentences, sentence_vectors



class _Progress:
    """Embedding progress: a bar on a terminal, and a log line every few seconds anyway.
    `report(done, total)` gets the texts that were not in the cache (CachedEmbedder's first
    update counts the ones that were) after each batch; it may raise to stop the embedding."""

    def __init__(self, total: int, tty: bool, every: float = 10.0,
                 report: Callable[[int, int], None] | None = None) -> None:
        self.total, self.done, self._every = total, 0, every
        self._report, self._cached = report, None
        self._last = time.monotonic()
        self._bar = None
        if tty and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc="embedding", unit="text", leave=False)

    def update(self, n: int) -> None:
        self.done += n
        if self._report is not None:
            if self._cached is None:
                self._cached = n
            self._report(self.done - self._cached, self.total - self._cached)
        if self._bar is not None:
            self._bar.update(n)
        now = time.monotonic()
        if now - self._last >= self._every or (self.done >= self.total and n):
            self._last = now
            _log.info(msg.INDEX_PROGRESS.format(done=self.done, total=self.total,
                                                percent=100 * self.done / max(self.total, 1)))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
