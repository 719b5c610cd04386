"""The loaded index (`Index`: what retrieval reads) and what a build did (`BuildReport`, and
its lines in the user's language). Written and loaded by `store`."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import messages as msg
from ..schema import Article, Chunk
from .lexical import DiacriticRestorer, LexicalIndex
from .live import Live
from .tables import NameTable, article_names, corpus_table

__all__ = ["Index", "IndexUnavailable", "BuildReport", "report_lines"]


class IndexUnavailable(RuntimeError):
    """The index on disk is missing, damaged or unreadable; the message says what to do."""


@dataclass(frozen=True)
class Index:
    """Everything retrieval needs. `chunks` and `sentences` make their items when first read;
    the vectors are memory-mapped; the idf, restorer, names and sentence-row tables are made
    on first use from what the segments saved."""

    articles: dict[str, Article]
    chunks: tuple[Chunk, ...]  # a read-only sequence (items made on first access)
    dense: object  # .search(vectors, k) -> (scores, positions), like a FAISS index
    lexical: LexicalIndex
    manifest: dict
    directory: Path
    sentences: tuple[tuple[str, int, int], ...] = ()  # (article_id, start, end) of every sentence
    sentence_vectors: np.ndarray | None = None  # row i = sentences[i], for answer selection
    live: Live | None = field(default=None, repr=False, compare=False)
    _lazy: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def embedder_name(self) -> str:
        return self.manifest["embedder"]

    def _table(self, name: str, make):
        lazy = self._lazy
        if name not in lazy:
            with lazy.setdefault("lock", threading.RLock()):
                if name not in lazy:
                    lazy[name] = make()
        return lazy[name]

    def _stats(self) -> dict:
        return self._table("stats", self.live.stats)

    @property
    def idf(self) -> dict[str, float]:
        """Folded term -> idf over chunks (from the segments' saved counts, on first use)."""
        def make() -> dict[str, float]:
            if self.live is None:
                return _idf(self.chunks)
            return _idf_of(self._stats()["df"], len(self.chunks))
        return self._table("idf", make)

    @property
    def restorer(self) -> DiacriticRestorer:
        """Puts diacritics back on plain queries, from the corpus's own syllable statistics
        (the segments' saved counts, on first use)."""
        def make() -> DiacriticRestorer:
            if self.live is None:
                return _restorer(self.chunks, self.articles)
            stats = self._stats()
            return DiacriticRestorer.from_counts(stats["uni"], stats["bi"])
        return self._table("restorer", make)

    @property
    def names(self) -> NameTable:
        """The articles' multi-word names (folded -> as written) and those named as places,
        from the per-article tables written with the segments (made once per load)."""
        def make() -> NameTable:
            if self.live is None:
                return corpus_table(article_names(a.text) for a in self.articles.values())
            return self.live.names()
        return self._table("names", make)

    @property
    def sentence_rows(self):
        """(article_id, start, end) -> row in `sentence_vectors` (`.get`, `[]`)."""
        def make():
            if self.live is None:
                return {s: i for i, s in enumerate(self.sentences)}
            return self.live.sentence_rows()
        return self._table("sentence_rows", make)

    def chunk_counts(self) -> dict[str, int]:
        """Chunks per article id (without making the chunks)."""
        if self.live is None:
            counts: dict[str, int] = {}
            for chunk in self.chunks:
                counts[chunk.article_id] = counts.get(chunk.article_id, 0) + 1
            return counts
        return self.live.chunk_counts()


def _restorer(chunks, articles: dict[str, Article]) -> DiacriticRestorer:
    return DiacriticRestorer([c.text for c in chunks] + [a.title for a in articles.values()])


def _idf(chunks) -> dict[str, float]:
    from collections import Counter

    from .lexical import tokenize

    df = Counter(t for c in chunks for t in set(tokenize(c.text, folded=True)))
    return _idf_of(df, len(chunks))


def _idf_of(df: dict[str, int], chunks: int) -> dict[str, float]:
    n = max(chunks, 1)
    k = np.fromiter(df.values(), dtype=np.float64, count=len(df))
    return dict(zip(df, np.log(1 + (n - k + 0.5) / (k + 0.5)).tolist()))


@dataclass(frozen=True)
class BuildReport:
    """What `ensure_index` did, for the CLI and the UI to tell the user."""

    action: str  # "unchanged", "updated", "rebuilt", or "busy" (another process is building)
    reason: str = ""
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    embedded: int = 0
    cached: int = 0
    errors: tuple[str, ...] = field(default=())
    seconds: float = 0.0
    repaired: tuple[str, ...] = ()  # damaged files set aside (one Vietnamese line each)


def report_lines(report: BuildReport, index: Index) -> list[str]:
    """What an index build did, in the user's language."""
    counts = {"articles": len(index.articles), "chunks": len(index.chunks)}
    lines = [msg.FILE_SKIPPED.format(error=e) for e in report.errors] + list(report.repaired)
    if report.action == "busy":
        return lines + [msg.INDEX_BUSY.format(**counts)]
    if report.reason and report.action == "rebuilt" and report.reason != "requested":
        lines.append(msg.INDEX_DAMAGED.format(reason=report.reason)
                     if not report.reason.startswith(msg.INDEX_NONE.split("{")[0])
                     else msg.INDEX_MISSING.format(path=index.directory.parent))
    if report.action == "unchanged":
        lines.append(msg.INDEX_UNCHANGED.format(**counts))
    elif report.action == "rebuilt":
        lines.append(msg.INDEX_BUILT.format(embedded=report.embedded, cached=report.cached,
                                            seconds=report.seconds, **counts))
    else:
        lines.append(msg.INDEX_UPDATED.format(added=len(report.added),
                                              changed=len(report.changed),
                                              removed=len(report.removed),
                                              seconds=report.seconds, **counts))
    return lines
