"""The lexical side of the index: Vietnamese tokens in two BM25 fields.

Vietnamese words are mostly two or more syllables ("chuyển đổi số"), so besides single
syllables each field also holds adjacent-syllable pairs, which stand in for word segmentation.
The `exact` field keeps diacritics; the `folded` field strips them, so "chuyen doi so" finds
"chuyển đổi số". Question words ("bao nhiêu", "gì", ...) are dropped from queries only.

Each segment of the index stores its term frequencies (`Postings`); BM25 (bm25s's Lucene
variant and parameters) is computed at query time with document frequencies and mean length
counted over the live chunks of all segments, so an index updated one article at a time
scores exactly like one built from scratch, and nothing is rebuilt for the rest.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..articles.clean import fold, normalize

__all__ = ["tokenize", "token_strings", "has_diacritics", "token_hashes", "Postings",
           "LexicalIndex", "DiacriticRestorer"]

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


_SEP = "\ue000"  # private use: left alone by normalize, lower and fold, never part of a token


def token_strings(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """`" ".join(tokenize(text, folded=...))` of every text, as written and folded, made in
    bulk: the texts are normalized and lower-cased as one string (none of these looks across
    the separator, so each text comes out as alone), and when folding keeps every character's
    class for `_TOKEN` the folded tokens are the written ones folded, each distinct token once
    (one pass of the regex instead of two): several times faster than text by text."""
    texts = list(texts)
    joined = _SEP.join(texts)
    if joined.count(_SEP) != max(len(texts) - 1, 0):  # a text holds the separator itself
        return ([" ".join(tokenize(t, folded=False)) for t in texts],
                [" ".join(tokenize(t, folded=True)) for t in texts])
    lowered = normalize(joined).lower()
    parts = lowered.split(_SEP) if texts else []
    if not all(_token_class(c) == _token_class(fold(c)) for c in _characters(lowered)):
        return _strings(parts), _strings(fold(lowered).split(_SEP) if texts else [])
    exact, folded, folds = [], [], _Folds()
    for part in parts:
        words = _TOKEN.findall(part)
        for out, tokens in ((exact, words), (folded, list(map(folds.__getitem__, words)))):
            pairs = " ".join(map("_".join, zip(tokens, tokens[1:])))
            out.append(f"{' '.join(tokens)} {pairs}" if pairs else " ".join(tokens))
    return exact, folded


def _characters(text: str) -> list[str]:
    """The distinct characters of a long text (counted in numpy: `set(text)` makes an object
    per character)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return [chr(c) for c in np.flatnonzero(np.bincount(codes)).tolist()]


class _Folds(dict):
    def __missing__(self, token: str) -> str:
        self[token] = folded = fold(token)
        return folded


def _strings(parts: list[str]) -> list[str]:
    out = []
    for part in parts:
        words = _TOKEN.findall(part)
        pairs = " ".join(map("_".join, zip(words, words[1:])))
        out.append(f"{' '.join(words)} {pairs}" if pairs else " ".join(words))
    return out


def _token_class(char: str) -> tuple[bool, bool, str]:
    """What `_TOKEN` sees of a character: a digit, a word character, or one of ".,/%"."""
    return (char.isdecimal(), _WORD.fullmatch(char) is not None,
            char if char in ".,/%" else "")


_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Postings:
    """One BM25 field of one segment: for each token (by 64-bit hash, sorted), the chunk rows
    holding it and how often; and the length in tokens of every chunk. Memory-mapped."""

    vocab: np.ndarray  # uint64 token hashes, sorted
    ptr: np.ndarray  # int64, len(vocab) + 1: postings of token j are ptr[j]:ptr[j + 1]
    rows: np.ndarray  # int32 chunk row (in the segment)
    tf: np.ndarray  # float32 term frequency
    lengths: np.ndarray  # int32 tokens per chunk

    _FILES = ("vocab", "ptr", "rows", "tf", "lengths")

    @classmethod
    def build(cls, token_lists: Sequence[list[str]]) -> "Postings":
        """Postings of `token_lists` (one list per chunk; an empty one counts as one empty
        token, as bm25s does)."""
        ids: dict[str, int] = {}
        cols, rows, tfs, lengths = [], [], [], []
        for row, tokens in enumerate(token_lists):
            tokens = tokens or [""]
            lengths.append(len(tokens))
            counts: dict[int, int] = {}
            for token in tokens:
                j = ids.setdefault(token, len(ids))
                counts[j] = counts.get(j, 0) + 1
            cols.extend(counts)
            tfs.extend(counts.values())
            rows.extend([row] * len(counts))
        hashes = token_hashes(list(ids))
        order = np.argsort(hashes, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        col = rank[np.asarray(cols, dtype=np.int64)] if cols else np.zeros(0, dtype=np.int64)
        by = np.lexsort((np.asarray(rows, dtype=np.int64), col))
        ptr = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(col, minlength=len(ids)), out=ptr[1:])
        return cls(hashes[order], ptr, np.asarray(rows, dtype=np.int32)[by],
                   np.asarray(tfs, dtype=np.float32)[by], np.asarray(lengths, dtype=np.int32))

    def save(self, directory: Path, prefix: str) -> list[Path]:
        paths = []
        for name in self._FILES:
            path = directory / f"{prefix}-{name}.npy"
            np.save(path, getattr(self, name), allow_pickle=False)
            paths.append(path)
        return paths

    @classmethod
    def load(cls, directory: Path, prefix: str) -> "Postings":
        from .arrays import load_array

        return cls(*(load_array(directory / f"{prefix}-{name}.npy") for name in cls._FILES))

    def find(self, key: np.uint64) -> tuple[np.ndarray, np.ndarray]:
        """(rows, tf) of the token whose hash is `key` (empty when absent)."""
        j = int(np.searchsorted(self.vocab, key))
        if j >= len(self.vocab) or self.vocab[j] != key:
            return _NO_ROWS, _NO_TF
        a, b = int(self.ptr[j]), int(self.ptr[j + 1])
        return np.asarray(self.rows[a:b]), np.asarray(self.tf[a:b])


_NO_ROWS = np.zeros(0, dtype=np.int32)
_NO_TF = np.zeros(0, dtype=np.float32)


def token_hashes(tokens: Sequence[str]) -> np.ndarray:
    """A stable 64-bit hash per token (the vocabulary is stored as sorted hashes, so start-up
    parses no word list)."""
    import hashlib

    return np.fromiter((int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8)
                                       .digest(), "little") for t in tokens),
                       dtype=np.uint64, count=len(tokens))


class _Field:
    """One field over the live chunks of every segment: BM25 (Lucene variant, as bm25s) with
    document frequencies and the mean length counted over live chunks only, at query time."""

    def __init__(self, parts: Sequence[tuple[Postings, np.ndarray]], total: int) -> None:
        self.parts = parts  # (postings, position of each segment row; -1: not live)
        self.total = total
        lengths = np.zeros(total, dtype=np.float64)
        for postings, pos in parts:
            live = pos >= 0
            lengths[pos[live]] = postings.lengths[live]
        self.lengths = lengths
        self.mean = float(lengths.sum() / total) if total else 1.0

    def scores(self, tokens: list[str]) -> np.ndarray:
        scores = np.zeros(self.total, dtype=np.float64)
        if not tokens or not self.total:
            return scores.astype(np.float32)
        for key in token_hashes(tokens):  # a repeated query token counts again, as in bm25s
            found = []
            for postings, pos in self.parts:
                rows, tf = postings.find(key)
                if len(rows):
                    at = pos[rows]
                    live = at >= 0
                    found.append((at[live], tf[live]))
            df = sum(len(at) for at, _ in found)
            if not df:
                continue
            idf = np.log(1 + (self.total - df + 0.5) / (df + 0.5))
            for at, tf in found:
                norm = _K1 * (1 - _B + _B * self.lengths[at] / self.mean)
                scores[at] += idf * tf / (norm + tf)
        return scores.astype(np.float32)


_K1, _B = 1.5, 0.75  # bm25s's defaults (its Lucene variant), kept so retrieval is unchanged


class LexicalIndex:
    """BM25 over the exact and the folded field of the live chunks of every segment."""

    def __init__(self, parts: Sequence[tuple[Postings, Postings, np.ndarray]],
                 total: int) -> None:
        self.exact = _Field([(e, pos) for e, _, pos in parts], total)
        self.folded = _Field([(f, pos) for _, f, pos in parts], total)

    @staticmethod
    def build_fields(texts: Sequence[str]) -> tuple[Postings, Postings]:
        """The exact and the folded postings of one segment's passages."""
        return tuple(Postings.build([tokenize(t, folded=folded) for t in texts])
                     for folded in (False, True))

    def scores(self, query: str, exact_weight: float) -> np.ndarray:
        """A score per chunk. Without diacritics in the query only the folded field counts."""
        folded = self.folded.scores(tokenize(query, folded=True, query=True))
        if not has_diacritics(query):
            return folded
        exact = self.exact.scores(tokenize(query, folded=False, query=True))
        return exact_weight * exact + (1 - exact_weight) * folded


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
        self._uni, self._bi = self.counts(texts)
        self._add_question_forms()
        self._index_forms()

    @staticmethod
    def counts(texts: Sequence[str]) -> tuple[Counter, Counter]:
        """Syllable and syllable-pair counts of `texts` (what a segment stores: counts of
        several segments add up, and those of removed articles are subtracted)."""
        uni: Counter[str] = Counter()
        bi: Counter[tuple[str, str]] = Counter()
        for text in texts:
            words = _SYLLABLE.findall(normalize(text).lower())
            uni.update(words)
            bi.update(zip(words, words[1:]))
        return uni, bi

    @classmethod
    def from_counts(cls, uni: Counter, bi: Counter) -> "DiacriticRestorer":
        """The restorer of a corpus whose `counts` are given (question forms added here)."""
        restorer = cls.__new__(cls)
        restorer._uni, restorer._bi = Counter(uni), Counter(bi)
        restorer._add_question_forms()
        restorer._index_forms()
        return restorer

    def _add_question_forms(self) -> None:
        uni, bi = self.counts([_QUESTION_FORMS])
        for _ in range(20):
            self._uni.update(uni)
            self._bi.update(bi)

    def _index_forms(self) -> None:
        self._forms: dict[str, list[str]] = {}
        for word in sorted(self._uni):  # sorted: the same candidates in the same order however
            self._forms.setdefault(fold(word), []).append(word)  # the counts were summed

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
