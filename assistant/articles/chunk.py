"""Vietnamese sentence splitting and sentence-aligned chunks with exact offsets.

A sentence ends at . ! ? or … followed by white space and the start of a new sentence, never
inside a number ("1.234", "12,5%", "06/1/2022"), after a known abbreviation, or inside quoted
speech. Paragraph breaks always end a sentence. Chunks are runs of whole sentences sized in the
embedding model's tokens, overlapping by whole sentences.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from .patterns import UPPER
from ..schema import Article, Chunk

__all__ = ["split_sentences", "chunk_article"]

_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n")
_NEXT_START = re.compile(rf"\s+[\"“‘(\[]?(?:{UPPER}|[0-9])")
_ABBREVIATIONS = frozenset({"tp", "ts", "ths", "pgs", "gs", "bs", "th.s", "ng", "st", "vd", "tr",
                            "ông", "bà", "mr", "mrs", "dr", "no", "sđd", "q", "p", "tx"})
_OPEN_QUOTES = {"“": "”", "‘": "’"}


def _quote_depth_changes(text: str) -> Iterator[tuple[int, int]]:
    """(position, +1/-1) for every opening/closing quotation mark; straight quotes alternate."""
    straight_open = False
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            yield i, 1
        elif ch in _OPEN_QUOTES.values():
            yield i, -1
        elif ch == '"':
            straight_open = not straight_open
            yield i, 1 if straight_open else -1


def _inside_quotes(text: str) -> list[int]:
    """Quote depth after each character (0 = outside quoted speech)."""
    depth = [0] * (len(text) + 1)
    changes = dict(_quote_depth_changes(text))
    level = 0
    for i in range(len(text)):
        level = max(0, level + changes.get(i, 0))
        depth[i + 1] = level
    return depth


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, shifted by `offset`, trimmed of white space."""
    depth = _inside_quotes(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group() != "\n":
            if depth[end] > 0 or not _NEXT_START.match(text, end):
                continue
            word = re.search(r"(\S+)$", text[start:match.start()])
            if word and match.group().startswith(".") and word.group(1).lower() in _ABBREVIATIONS:
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if e > s:
            out.append((s + offset, e + offset))
    return out


def chunk_article(article: Article, count_tokens: Callable[[str], int], *, max_tokens: int,
                  min_tokens: int, overlap: int) -> list[Chunk]:
    """Greedy runs of whole sentences up to `max_tokens`, each next run repeating the last
    `overlap` sentences. A run is closed early at a paragraph break once it has `min_tokens`.
    A single sentence longer than `max_tokens` becomes a chunk of its own.
    """
    text = article.text
    sentences = split_sentences(text)
    sizes = [count_tokens(text[s:e]) for s, e in sentences]
    chunks: list[Chunk] = []
    i = 0
    while i < len(sentences):
        j, total = i, 0
        while j < len(sentences) and (j == i or total + sizes[j] <= max_tokens):
            total += sizes[j]
            j += 1
            paragraph_end = j < len(sentences) and "\n" in text[sentences[j - 1][1]:sentences[j][0]]
            if paragraph_end and total >= min_tokens:
                break
        start, end = sentences[i][0], sentences[j - 1][1]
        chunks.append(Chunk(id=f"{article.id}#{len(chunks)}", article_id=article.id,
                            start=start, end=end, text=text[start:end],
                            sentences=tuple(sentences[i:j])))
        if j >= len(sentences):
            break
        i = max(j - overlap, i + 1)
    return chunks
