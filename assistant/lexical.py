"""The lexical side of the index: Vietnamese tokens in two BM25 fields (bm25s).

Vietnamese words are mostly two or more syllables ("chuyển đổi số"), so besides single
syllables each field also holds adjacent-syllable pairs, which stand in for word segmentation.
The `exact` field keeps diacritics; the `folded` field strips them, so "chuyen doi so" finds
"chuyển đổi số". Question words ("bao nhiêu", "gì", ...) are dropped from queries only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .clean import fold, normalize

__all__ = ["tokenize", "has_diacritics", "LexicalIndex"]

_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*%?|\w+")
_QUESTION_WORDS = frozenset(
    "bao nhiêu gì nào ai đâu sao thế nào không hãy cho tôi biết là những các của và có được "
    "thì mấy hỏi vậy ạ nhỉ à".split())
_FOLDED_QUESTION_WORDS = frozenset(fold(w) for w in _QUESTION_WORDS)


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (so the user typed them)."""
    lowered = normalize(text).lower()
    return fold(lowered) != lowered


def tokenize(text: str, *, folded: bool, query: bool = False) -> list[str]:
    """Lower-cased syllables and syllable pairs; question words dropped when `query`."""
    text = normalize(text).lower()
    if folded:
        text = fold(text)
    words = _TOKEN.findall(text)
    if query:
        stop = _FOLDED_QUESTION_WORDS if folded else _QUESTION_WORDS
        words = [w for w in words if w not in stop]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class LexicalIndex:
    """BM25 over the exact and the folded field of the same chunks."""

    exact: object  # bm25s.BM25
    folded: object

    @classmethod
    def build(cls, texts: Sequence[str]) -> "LexicalIndex":
        import bm25s

        fields = []
        for folded in (False, True):
            bm25 = bm25s.BM25()
            bm25.index([tokenize(t, folded=folded) or [""] for t in texts], show_progress=False)
            fields.append(bm25)
        return cls(*fields)

    def save(self, directory: Path) -> None:
        self.exact.save(str(directory / "exact"))
        self.folded.save(str(directory / "folded"))

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        import bm25s

        return cls(bm25s.BM25.load(str(directory / "exact")),
                   bm25s.BM25.load(str(directory / "folded")))

    def scores(self, query: str, exact_weight: float) -> np.ndarray:
        """A score per chunk. Without diacritics in the query only the folded field counts."""
        folded = self._field_scores(self.folded, tokenize(query, folded=True, query=True))
        if not has_diacritics(query):
            return folded
        exact = self._field_scores(self.exact, tokenize(query, folded=False, query=True))
        return exact_weight * exact + (1 - exact_weight) * folded

    @staticmethod
    def _field_scores(bm25: object, tokens: list[str]) -> np.ndarray:
        vocab = bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        n = bm25.scores["num_docs"]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(bm25.get_scores(known), dtype=np.float32)


_SYLLABLE = re.compile(r"[^\W\d_]+")
# Question words rarely occur in news text, so their accented forms are given here.
_QUESTION_FORMS = ("bao nhiêu mấy gì nào ai đâu khi sao thế không những là có được của "
                   "ngày năm tháng hỏi bao giờ lúc nơi người")


class DiacriticRestorer:
    """Puts diacritics back on a question typed without them ("ty le" -> "tỷ lệ").

    For each plain syllable the candidates are the accented forms seen in the corpus with the
    same folded spelling; a Viterbi pass picks the sequence whose syllable pairs were seen most
    often. The dense model, trained on accented text, then sees what the user meant.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        from collections import Counter

        self._uni: Counter[str] = Counter()
        self._bi: Counter[tuple[str, str]] = Counter()
        for text in list(texts) + [_QUESTION_FORMS] * 20:
            words = _SYLLABLE.findall(normalize(text).lower())
            self._uni.update(words)
            self._bi.update(zip(words, words[1:]))
        self._index_forms()

    def _index_forms(self) -> None:
        self._forms: dict[str, list[str]] = {}
        for word in self._uni:
            self._forms.setdefault(fold(word), []).append(word)

    def to_json(self) -> dict:
        """The syllable and pair counts, to be saved with a build."""
        return {"uni": dict(self._uni), "bi": {f"{a} {b}": n for (a, b), n in self._bi.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "DiacriticRestorer":
        """The restorer saved by `to_json`, without re-reading the corpus."""
        from collections import Counter

        restorer = cls.__new__(cls)
        restorer._uni = Counter(data["uni"])
        restorer._bi = Counter({tuple(k.split(" ", 1)): n for k, n in data["bi"].items()})
        restorer._index_forms()
        return restorer

    def _best(self, words: list[str]) -> list[str]:
        import math

        lattice = [self._forms.get(w, [w]) for w in words]
        best = {f: (math.log(self._uni[f] + 0.5), [f]) for f in lattice[0]}
        for options in lattice[1:]:
            step = {}
            for f in options:
                emit = math.log(self._uni[f] + 0.5)
                step[f] = max(((s + emit + 5.0 * math.log1p(self._bi[(p, f)]), path + [f])
                               for p, (s, path) in best.items()), key=lambda x: x[0])
            best = step
        return max(best.values(), key=lambda x: x[0])[1]

    def restore(self, query: str) -> str:
        """The query with diacritics, or unchanged when the user already typed them."""
        if has_diacritics(query):
            return query
        spans = [m for m in _SYLLABLE.finditer(query)]
        if not spans:
            return query
        chosen = self._best([m.group().lower() for m in spans])
        out, last = [], 0
        for m, form in zip(spans, chosen):
            word = m.group()
            if not (word.islower() or word.istitle() or word.isupper()):
                form = word  # mixed case like "VNeID": a name, keep it as typed
            out.append(query[last:m.start()])
            out.append(form.upper() if word.isupper() and len(word) > 1
                       else form[:1].upper() + form[1:] if word[:1].isupper() else form)
            last = m.end()
        return "".join(out) + query[last:]
