"""The lexical side on tantivy (`ASSISTANT_LEXICAL_ENGINE=tantivy`), an option beside our own
postings (`lexical.LexicalIndex`, the default): the same analysis (NFC, lower-cased Vietnamese
syllables and syllable pairs from `lexical.tokenize`, an accented and a folded field), given to
tantivy as whitespace-separated tokens, scored by tantivy's BM25 with top-k pruning.

One tantivy index per `index/` folder (`lexical-tantivy/`), one document per chunk of each
segment, keyed by segment and article: the writer of a build adds the documents of its new
segment and deletes those of the articles it removed or replaced (tantivy's own segments and
deletes; `synced.json` records what it holds). Readers open it read-only and map each hit
(segment, row) to the chunk's position in the live index; a hit outside the live build (a
newer or older one) is dropped.
"""
from __future__ import annotations

import json
import logging
import shutil
import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .lexical import has_diacritics, tokenize

__all__ = ["FOLDER", "TantivyLexical", "sync", "sync_parts", "synced"]
_log = logging.getLogger(__name__)

FOLDER = "lexical-tantivy"
_STATE = "synced.json"
_FIELDS = ("exact", "folded")


def _schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    for name in _FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="whitespace",
                               index_option="freq")
    builder.add_text_field("seg", stored=True, tokenizer_name="raw")
    builder.add_text_field("key", stored=False, tokenizer_name="raw")
    builder.add_integer_field("row", stored=True, fast=True, indexed=False)
    return builder.build()


def _open(directory: Path):
    import tantivy

    directory.mkdir(parents=True, exist_ok=True)
    return tantivy.Index(_schema(), path=str(directory), reuse=True)


def synced(directory: Path) -> dict[str, list[str]]:
    """What the tantivy index holds: segment name -> its removed article ids."""
    return _state(directory)


def _state(directory: Path) -> dict[str, list[str]]:
    try:
        state = json.loads((directory / _STATE).read_text(encoding="utf-8"))
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def sync(directory: Path, segments: Sequence[tuple[str, Sequence[str], frozenset,
                                                   Callable[[], Sequence[str]]]]) -> None:
    """Bring the tantivy index in line with a build: `segments` are (name, article id of each
    chunk row, removed article ids, passages of the chunk rows when asked). Call under the
    index lock (one writer)."""
    import tantivy

    try:
        index = _open(directory)
        before = _state(directory)
    except (OSError, ValueError) as exc:  # damaged: made again from the segments
        _log.warning("tantivy index %s unreadable (%s); rebuilding it", directory, exc)
        shutil.rmtree(directory, ignore_errors=True)
        index, before = _open(directory), {}
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    now: dict[str, list[str]] = {}
    for name, _, removed, _ in segments:
        now[name] = sorted(removed)
    for name in set(before) - set(now):
        writer.delete_documents_by_term("seg", name)
    for name, article_of, removed, passages in segments:
        if name in before:
            for ident in set(removed) - set(before[name]):
                writer.delete_documents_by_term("key", f"{name}/{ident}")
            continue
        for row, (ident, text) in enumerate(zip(article_of, passages())):
            if ident in removed:
                continue
            writer.add_document(tantivy.Document(
                exact=" ".join(tokenize(text, folded=False)) or "\u2205",
                folded=" ".join(tokenize(text, folded=True)) or "\u2205",
                seg=name, key=f"{name}/{ident}", row=row))
    writer.commit()
    writer.wait_merging_threads()
    (directory / _STATE).write_text(json.dumps(now), encoding="utf-8")


def sync_parts(directory: Path, parts) -> None:
    """`sync` to the live segments of a build ((segment, removed article ids) pairs)."""
    from .updates import passage_input

    def passages(segment) -> list[str]:
        chunks = segment.chunks_at(np.arange(len(segment.chunks)))
        return [passage_input(segment.articles[int(segment.chunks[r, 0])], c)
                for r, c in enumerate(chunks)]

    sync(directory, [(s.name, [s.articles[a].id for a in s.chunks[:, 0].tolist()], dead,
                      lambda s=s: passages(s)) for s, dead in parts])


class TantivyLexical:
    """BM25 on tantivy over the live chunks of a build: `scores(query, exact_weight)` gives a
    score per chunk position, non-zero for the top `depth` chunks of each field."""

    def __init__(self, directory: Path, positions: dict[str, np.ndarray], total: int,
                 depth: int) -> None:
        self._directory, self._positions = directory, positions
        self.total, self.depth = total, depth
        self._index = None
        self._lock = threading.Lock()

    def _searcher(self):
        with self._lock:
            if self._index is None:
                self._index = _open(self._directory)
            self._index.reload()
            return self._index.searcher()

    def _field(self, searcher, field: str, tokens: list[str]) -> np.ndarray:
        import tantivy

        scores = np.zeros(self.total, dtype=np.float32)
        if not tokens or not self.total:
            return scores
        schema = self._index.schema
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, field, t)) for t in tokens])
        for score, address in searcher.search(query, self.depth, count=False).hits:
            doc = searcher.doc(address)
            pos = self._positions.get(doc["seg"][0])
            if pos is not None:
                at = int(pos[int(doc["row"][0])])
                if at >= 0:
                    scores[at] = score
        return scores

    def scores(self, query: str, exact_weight: float) -> np.ndarray:
        """A score per chunk. Without diacritics in the query only the folded field counts."""
        searcher = self._searcher()
        folded = self._field(searcher, "folded", tokenize(query, folded=True, query=True))
        if not has_diacritics(query):
            return folded
        exact = self._field(searcher, "exact", tokenize(query, folded=False, query=True))
        return exact_weight * exact + (1 - exact_weight) * folded
