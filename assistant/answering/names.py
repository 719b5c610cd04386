"""The corpus's names, read once per index build: every multi-word name the articles write
(folded -> as written) and those they name as places, how to show an entity as the articles
write it, and the row of each sentence in the index's sentence vectors."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from ..articles.clean import fold
from ..articles.patterns import NAME_ACROSS_LINES as _NAME
from ..indexing.store import Index
from ..schema import Article
from .lexicon import derived_abbreviations, phrases
from .question import is_title

__all__ = ["CorpusNames", "corpus_names", "corpus_abbreviations", "display", "sentence_rows"]

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


_PLACE_BEFORE = re.compile(r"\b(?:tinh|tai|o|thanh\s+pho|diem\s+cau(?:\s+tinh)?)\s+$")


def _article_names(text: str) -> tuple[dict[str, str], frozenset[str]]:
    """The multi-word names of one article (folded -> as written) and those it names as
    places."""
    shown: dict[str, str] = {}
    places: set[str] = set()
    folded = fold(text)  # same offsets as the text
    for m in _NAME.finditer(text):
        name = fold(m.group())
        if len(name.split()) < 2 or is_title(name):
            continue
        shown.setdefault(name, m.group())
        if _PLACE_BEFORE.search(folded[max(0, m.start() - 16):m.start()]):
            places.add(name)
    return shown, frozenset(places)


_ARTICLE_NAMES: dict[tuple[str, str], tuple[dict[str, str], frozenset[str]]] = {}


def _names_of(articles: Iterable[Article]) -> CorpusNames:
    """The corpus's names from each article's, kept per article text: after a one-article
    change only that article is read again (not the whole corpus)."""
    shown: dict[str, str] = {}
    places: set[str] = set()
    seen = set()
    for article in articles:
        key = (article.id, hashlib.sha1(article.text.encode()).hexdigest()
               if not article.content_hash else article.content_hash)
        seen.add(key)
        if key not in _ARTICLE_NAMES:
            _ARTICLE_NAMES[key] = _article_names(article.text)
        names, where = _ARTICLE_NAMES[key]
        for name, written in names.items():
            shown.setdefault(name, written)
        places |= where
    for key in [k for k in list(_ARTICLE_NAMES) if k not in seen]:
        _ARTICLE_NAMES.pop(key, None)  # articles no longer indexed
    return CorpusNames(frozenset(shown), frozenset(places), shown)


def corpus_names(index: Index) -> CorpusNames:
    """The names of the index's articles (computed once per build, per article text)."""
    return _per_build(index, "names", lambda: _names_of(index.articles.values()))


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


def sentence_rows(index: Index) -> dict[tuple[str, int, int], int]:
    """Row of each (article_id, start, end) sentence in `index.sentence_vectors`."""
    return _per_build(index, "rows", lambda: {s: i for i, s in enumerate(index.sentences)})


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
