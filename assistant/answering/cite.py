"""Citations: numbered sources built from retrieved passages, and their verification.

A citation is only ever made from a retrieved passage (a Hit) and a sentence span inside it,
so it points to the right source by construction; `verify` checks it again on every answer:
the quote must be the article text at its span and lie inside its passage, and every number
and name of the answer sentence must appear in the quote.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..articles.clean import fold
from ..articles.patterns import NAME, NUMBER as _NUMBER, UPPER
from ..schema import Article, Citation, Hit

__all__ = ["Numbering", "facts", "verify_citation", "verify_sentence", "split_marked",
           "strip_attribution"]

_MARKER = re.compile(r"\s*\[(\d+)\]")
_ATTRIBUTION = re.compile(r"^Theo [^\n]{1,160}?\([^()]{1,40}\):\s+")


def strip_attribution(sentence: str) -> str:
    """Drop a leading "Theo <source> (<date>): " that says where a quoted fact comes from."""
    return _ATTRIBUTION.sub("", sentence)


def facts(sentence: str) -> set[str]:
    """The checkable facts of a sentence: its numbers and its multi-word proper names."""
    numbers = {m.group().rstrip(".,") for m in _NUMBER.finditer(sentence)}
    names = {m.group() for m in NAME.finditer(sentence)}
    return {f for f in numbers | names if f}


class Numbering:
    """Hands out [n] markers in order of first citation; one number per (passage, quote)."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, int, int], Citation] = {}

    def cite(self, hit: Hit, start: int, end: int) -> Citation:
        """The citation for the sentence `article.text[start:end]` of a retrieved passage."""
        chunk, article = hit.chunk, hit.article
        if not (chunk.start <= start < end <= chunk.end):
            raise ValueError("a quote must lie inside its retrieved passage")
        key = (chunk.id, start, end)
        if key not in self._by_key:
            self._by_key[key] = Citation(
                n=len(self._by_key) + 1, article_id=article.id, title=article.display_title,
                date=article.date, source=article.source, chunk_id=chunk.id,
                passage=chunk.text, passage_start=chunk.start, passage_end=chunk.end,
                quote=article.text[start:end], start=start, end=end,
                date_inferred="date" in article.inferred)
        return self._by_key[key]

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(sorted(self._by_key.values(), key=lambda c: c.n))


def verify_citation(citation: Citation, articles: dict[str, Article],
                    hits: Sequence[Hit]) -> bool:
    """The quote is the article's text at its span, inside a passage that was retrieved."""
    article = articles.get(citation.article_id)
    if article is None or article.text[citation.start:citation.end] != citation.quote:
        return False
    retrieved = {h.chunk.id: h.chunk for h in hits}
    chunk = retrieved.get(citation.chunk_id)
    return (chunk is not None and chunk.text == citation.passage
            and chunk.start <= citation.start and citation.end <= chunk.end)


def verify_sentence(sentence: str, quotes: Iterable[str]) -> bool:
    """Every number and name of an answer sentence appears in one of its cited quotes."""
    quotes = list(quotes)
    if not quotes:
        return False
    joined = " ".join(quotes)
    folded = fold(joined)
    claim = strip_attribution(_MARKER.sub("", sentence))
    return all(f in joined or fold(f) in folded for f in facts(claim))


def split_marked(text: str) -> list[tuple[str, list[int]]]:
    """Split answer text into sentences with the [n] markers that follow each one."""
    out: list[tuple[str, list[int]]] = []
    for piece in re.split(rf"(?<=\])\s+(?=\S)|(?<=[.!?…])\s+(?=[\"“]|{UPPER})", text.strip()):
        markers = [int(n) for n in _MARKER.findall(piece)]
        plain = _MARKER.sub("", piece).strip()
        if plain:
            out.append((plain, markers))
        elif markers and out:
            out[-1][1].extend(markers)
    return out
