"""The lexical side on tantivy (`ASSISTANT_LEXICAL_ENGINE=tantivy`), an option beside our own
postings (`lexical.LexicalIndex`, the default): the same analysis (NFC, lower-cased Vietnamese
syllables and syllable pairs from `lexical.tokenize`, an accented and a folded field), given to
tantivy as whitespace-separated tokens, scored by tantivy's BM25 with top-k pruning.

One tantivy index per `index/` folder (`lexical-tantivy/`), one document per chunk of each
segment, keyed by segment and article: the writer of a build adds the documents of its new
segment and deletes those of the articles it removed or replaced (tantivy's own segments and
deletes; `synced-2.json` records what it holds). Readers open it read-only and map each hit
(segment, row) to the chunk's position in the live index, reading both as fast fields (columns)
for all hits at once, never the stored documents; a hit outside the live build (a newer or
older one) is dropped.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .lexical import has_diacritics, token_strings, tokenize

__all__ = ["FOLDER", "TantivyLexical", "sync", "sync_parts", "synced"]
_log = logging.getLogger(__name__)

FOLDER = "lexical-tantivy"
_STATE = "synced-2.json"  # 2: segment and row as fast fields (a folder of 1 is made again)
_FIELDS = ("exact", "folded")
_BATCH = 20_000  # passages tokenized at once


def segment_key(name: str) -> int:
    """The segment's number in the `segid` fast field (a signed 64-bit hash of its name)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(),
                          "little", signed=True)


def _schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    for name in _FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="whitespace",
                               index_option="freq")
    builder.add_text_field("seg", stored=False, tokenizer_name="raw")
    builder.add_text_field("key", stored=False, tokenizer_name="raw")
    builder.add_integer_field("segid", stored=False, fast=True, indexed=False)
    builder.add_integer_field("row", stored=False, fast=True, indexed=False)
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

    before = _state(directory)
    if not before:  # new, or of an older layout, or its record lost: whatever it holds goes
        shutil.rmtree(directory, ignore_errors=True)
    try:
        index = _open(directory)
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
        key, idents, texts = segment_key(name), iter(article_of), iter(passages())
        for start in range(0, len(article_of), _BATCH):
            batch = [(start + k, ident, text) for k, (ident, text)
                     in enumerate(zip(_take(idents, _BATCH), _take(texts, _BATCH)))
                     if ident not in removed]
            exact, folded = token_strings([text for _, _, text in batch])
            for (row, ident, _), e, f in zip(batch, exact, folded):
                writer.add_document(tantivy.Document(
                    exact=e or "\u2205", folded=f or "\u2205", seg=name,
                    key=f"{name}/{ident}", segid=key, row=row))
    writer.commit()
    writer.wait_merging_threads()
    (directory / _STATE).write_text(json.dumps(now), encoding="utf-8")


def _take(items, n: int) -> list:
    return [item for _, item in zip(range(n), items)]


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
    """BM25 on tantivy over the live chunks of a build: `top(query, exact_weight)` gives the
    `depth` best live chunks (positions, scores), `scores` the same as one score per chunk.

    One query over both fields, each term boosted by its field's weight, so a chunk scores
    `w * exact + (1 - w) * folded` as two searches would give, in one pass and ranked on that
    sum. Terms held by more than `max_df` of the documents and by at least `max_df_from`
    documents are left out of the query (see `_terms`): their BM25 weight is near nothing
    (idf below ln 2 at a half), and their posting lists are what a search spends its time on;
    a shorter list costs microseconds, so a small index is searched whole."""

    def __init__(self, directory: Path, positions: dict[str, np.ndarray], total: int,
                 depth: int, max_df: float = 1.0, max_df_from: int = 0) -> None:
        self._directory = directory
        keys = {segment_key(name): pos for name, pos in positions.items()}
        self._keys = np.array(sorted(keys), dtype=np.int64)
        self._positions = [keys[k] for k in self._keys.tolist()]
        self.total, self.depth = total, depth
        self.max_df, self.max_df_from = max_df, max_df_from
        self._index = None
        self._lock = threading.Lock()

    def _searcher(self):
        with self._lock:
            if self._index is None:
                self._index = _open(self._directory)
            self._index.reload()
            return self._index.searcher()

    def _terms(self, searcher, query: str, exact_weight: float) -> list[tuple[str, str, float]]:
        """(field, token, weight) of the query: the folded tokens, and the accented ones too
        when the question carries diacritics. A term no document holds is left out, and so is
        one held by more than `max_df` of the documents and by `max_df_from` or more, unless
        every term is."""
        fields = [("folded", tokenize(query, folded=True, query=True), 1.0)]
        if has_diacritics(query):
            fields = [("exact", tokenize(query, folded=False, query=True), exact_weight),
                      ("folded", fields[0][1], 1 - exact_weight)]
        limit = max(self.max_df * searcher.num_docs, self.max_df_from - 1)
        found, common = [], []
        for field, tokens, weight in fields:
            if weight <= 0:
                continue
            for token in tokens:  # a repeated token counts again, as in our BM25
                df = searcher.doc_freq(field, token)
                if df:
                    (found if df <= limit else common).append((field, token, weight))
        return found or common

    def top(self, query: str, exact_weight: float) -> tuple[np.ndarray, np.ndarray]:
        """(chunk positions, scores) of the `depth` best live chunks, best first."""
        import tantivy

        if not self.total:
            return _NONE, _NO_SCORES
        searcher = self._searcher()
        terms = self._terms(searcher, query, exact_weight)
        if not terms:
            return _NONE, _NO_SCORES
        schema = self._index.schema
        clauses = []
        for field, token, weight in terms:
            clause = tantivy.Query.term_query(schema, field, token)
            if weight != 1.0:
                clause = tantivy.Query.boost_query(clause, weight)
            clauses.append((tantivy.Occur.Should, clause))
        hits = searcher.search(tantivy.Query.boolean_query(clauses), self.depth,
                               count=False).hits
        if not hits:
            return _NONE, _NO_SCORES
        found = np.array([score for score, _ in hits], dtype=np.float32)
        addresses = [address for _, address in hits]
        segs = np.array([-1 if v is None else v for v in
                         searcher.fast_field_values("segid", addresses)], dtype=np.int64)
        rows = np.array([-1 if v is None else v for v in
                         searcher.fast_field_values("row", addresses)], dtype=np.int64)
        at = np.full(len(hits), -1, dtype=np.int64)
        slot = np.minimum(np.searchsorted(self._keys, segs), max(len(self._keys) - 1, 0))
        mine = (self._keys[slot] == segs) if len(self._keys) else np.zeros(len(hits), bool)
        for s in np.unique(slot[mine]).tolist():
            pos = self._positions[s]
            pick = np.flatnonzero(mine & (slot == s) & (rows >= 0) & (rows < len(pos)))
            at[pick] = pos[rows[pick]]
        live = (at >= 0) & (found > 0)
        return at[live], found[live]

    def scores(self, query: str, exact_weight: float) -> np.ndarray:
        """A score per chunk (0 outside the top `depth`). Without diacritics in the query
        only the folded field counts."""
        scores = np.zeros(self.total, dtype=np.float32)
        at, found = self.top(query, exact_weight)
        scores[at] = found
        return scores


_NONE = np.zeros(0, dtype=np.int64)
_NO_SCORES = np.zeros(0, dtype=np.float32)
