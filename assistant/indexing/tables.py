"""Per-article tables made when a segment is written and read with it, so the first question
after start-up reads them instead of scanning the corpus.

`names.json`: for every article row of the segment, the multi-word capitalised names its text
writes, in order of first appearance, each as [folded, as first written, named as a place]
("tỉnh Hải Dương", "tại Đà Nẵng"). The answering layer filters and reads them
(`Index.names`); a segment written before this file existed is read from its article texts.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..articles.clean import fold
from ..articles.patterns import NAME_ACROSS_LINES as _NAME
from ..schema import Article

__all__ = ["NameTable", "article_names", "write_names", "read_names", "corpus_table",
           "SentenceRows"]

NAMES_FILE = "names.json"
_PLACE_BEFORE = re.compile(r"\b(?:tinh|tai|o|thanh\s+pho|diem\s+cau(?:\s+tinh)?)\s+$")


def article_names(text: str) -> list[tuple[str, str, bool]]:
    """The multi-word names of one text: (folded, as first written, ever named as a place),
    in order of first appearance."""
    shown: dict[str, list] = {}
    folded = fold(text)  # same offsets as the text
    for m in _NAME.finditer(text):
        name = fold(m.group())
        if len(name.split()) < 2:
            continue
        entry = shown.setdefault(name, [name, m.group(), False])
        if not entry[2] and _PLACE_BEFORE.search(folded[max(0, m.start() - 16):m.start()]):
            entry[2] = True
    return [tuple(e) for e in shown.values()]


@dataclass(frozen=True)
class NameTable:
    """The corpus's multi-word names: folded -> as written (in the articles' order: first
    article by file name first), and those some article names as a place."""

    shown: dict[str, str]
    places: frozenset[str]


def corpus_table(per_article: Iterable[Sequence[tuple[str, str, bool]]]) -> NameTable:
    """The corpus's table from each article's names, in article order."""
    shown: dict[str, str] = {}
    places: set[str] = set()
    for names in per_article:
        for name, written, place in names:
            shown.setdefault(name, written)
            if place:
                places.add(name)
    return NameTable(shown, frozenset(places))


def write_names(directory: Path, articles: Sequence[Article]) -> None:
    rows = [[list(n) for n in article_names(a.text)] for a in articles]
    (directory / NAMES_FILE).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def read_names(directory: Path, articles: Sequence[Article]) -> list[list[tuple[str, str, bool]]]:
    """Each article row's names (from the segment's file, else from the article texts)."""
    path = directory / NAMES_FILE
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        rows = None
    if not isinstance(rows, list) or len(rows) != len(articles):
        return [article_names(a.text) for a in articles]
    return [[(str(n), str(w), bool(p)) for n, w, p in row] for row in rows]


class SentenceRows:
    """Row of an (article id, start, end) sentence in the index's sentence vectors, looked up
    in the segment arrays (the whole table is never made). A read-only mapping's `get`."""

    def __init__(self, where: dict[str, tuple[np.ndarray, int]]) -> None:
        self._where = where  # article id -> (its (start, end) rows, first global row)

    def get(self, key: tuple[str, int, int], default=None):
        found = self._where.get(key[0])
        if found is None:
            return default
        spans, first = found
        at = np.flatnonzero((spans[:, 0] == key[1]) & (spans[:, 1] == key[2]))
        return first + int(at[0]) if len(at) else default

    def __getitem__(self, key: tuple[str, int, int]) -> int:
        row = self.get(key)
        if row is None:
            raise KeyError(key)
        return row

    def __contains__(self, key) -> bool:
        return self.get(key) is not None
