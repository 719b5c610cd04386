"""The corpus's names, from the table the index build saves (`indexing.tables`): every
multi-word name the articles write (folded -> as written) and those they name as places, how
to show an entity as the articles write it, and the row of each sentence in the index's
sentence vectors."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable

from ..articles.clean import fold
from ..indexing.store import Index
from .lexicon import derived_abbreviations, phrases
from .question import is_title

__all__ = ["CorpusNames", "corpus_names", "corpus_abbreviations", "display", "sentence_rows",
           "following_chunks"]

_PER_BUILD: dict[tuple[str, str], object] = {}


def _per_build(index: Index, key: str, compute: Callable[[], object]) -> object:
    """A table computed once per index build (a build directory never changes), so the
    per-question path never rescans the corpus."""
    slot = (str(index.directory), key)
    if slot not in _PER_BUILD:
        if len(_PER_BUILD) >= 16:  # builds replaced over a long-running server
            _PER_BUILD.clear()
        _PER_BUILD[slot] = compute()
    return _PER_BUILD[slot]


@dataclass(frozen=True)
class CorpusNames:
    """The corpus's multi-word names, folded ("hai duong"), those it names as places ("tỉnh
    Hải Dương", "tại Đà Nẵng"), and how each is written in the articles."""

    names: frozenset[str]
    places: frozenset[str]
    shown: dict[str, str]


def corpus_names(index: Index) -> CorpusNames:
    """The names of the index's articles: the table the index build saved with its segments
    (`Index.names`), less runs of title words ("Phó Chủ"); made once per build."""
    def make() -> CorpusNames:
        table = index.names
        shown = {n: w for n, w in table.shown.items() if not is_title(n)}
        return CorpusNames(frozenset(shown), frozenset(p for p in table.places if p in shown),
                           shown)
    return _per_build(index, "names", make)


_ARTICLE_PHRASES: dict[tuple[str, str], dict[str, int]] = {}


def corpus_abbreviations(index: Index) -> dict[str, str]:
    """The initials of the articles' phrases -> the phrase (lexicon), once per build; each
    article's phrases kept per article text, like its names."""
    def compute() -> dict[str, str]:
        counts: dict[str, int] = {}
        seen = set()
        for article in index.articles.values():
            key = (article.id, article.content_hash
                   or hashlib.sha1(article.text.encode()).hexdigest())
            seen.add(key)
            if key not in _ARTICLE_PHRASES:
                _ARTICLE_PHRASES[key] = phrases(f"{article.title}\n{article.text}")
            for phrase, n in _ARTICLE_PHRASES[key].items():
                counts[phrase] = counts.get(phrase, 0) + n
        for key in [k for k in list(_ARTICLE_PHRASES) if k not in seen]:
            _ARTICLE_PHRASES.pop(key, None)
        return derived_abbreviations(counts)
    return _per_build(index, "abbreviations", compute)


def following_chunks(index: Index, chunk_id: str, n: int) -> list:
    """The `n` chunks of the same article after `chunk_id`, in order (a table of each
    article's chunks made once per build)."""
    def make() -> dict[str, list]:
        table: dict[str, list] = {}
        for chunk in index.chunks:
            table.setdefault(chunk.article_id, []).append(chunk)
        for chunks in table.values():
            chunks.sort(key=lambda c: c.start)
        return table
    if n <= 0:
        return []
    article_id = chunk_id.rsplit("#", 1)[0]
    chunks = _per_build(index, "chunks by article", make).get(article_id, [])
    at = next((i for i, c in enumerate(chunks) if c.id == chunk_id), None)
    return [] if at is None else chunks[at + 1:at + 1 + n]


def sentence_rows(index: Index) -> dict[tuple[str, int, int], int]:
    """Row of each (article_id, start, end) sentence in `index.sentence_vectors`."""
    return index.sentence_rows


def display(entity: str, names: CorpusNames, question: str = "") -> str:
    """A folded entity as the articles write it ("hai duong" -> "Hải Dương"), else as the
    question wrote it."""
    if entity in names.shown:
        return names.shown[entity]
    at = re.search(rf"\b{re.escape(entity)}\b", fold(question))
    if at and len(fold(question)) == len(question):
        written = question[at.start():at.end()]
        return written.title() if written.islower() and len(written.split()) <= 3 else written
    return entity.title() if len(entity.split()) <= 3 else entity
