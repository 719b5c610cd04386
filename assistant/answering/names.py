"""The corpus's names, from the table the index build saves (`indexing.tables`): every
multi-word name the articles write (folded -> as written) and those they name as places, how
to show an entity as the articles write it, and the row of each sentence in the index's
sentence vectors."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..articles.clean import fold
from ..indexing.store import Index
from ..schema import Article, Chunk, Hit
from .evidence import is_caption, paragraph_of
from .lexicon import place_initials
from .question import is_title

__all__ = ["CorpusNames", "corpus_names", "corpus_abbreviations", "corpus_place_initials",
           "corpus_folded", "article_bodies",
           "article_sentences", "paragraph_after", "following_paragraphs",
           "hits_for_spans", "corpus_initials", "article_chunks",
           "display", "sentence_rows",
           "following_chunks", "corpus_bigrams"]

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


def _corpus_text(index: Index) -> tuple[str, str]:
    """Every article's title and text, joined, as written and folded (same offsets)."""
    text = "\n".join(f"{a.title}\n{a.text}" for a in index.articles.values())
    return text, fold(text)


def corpus_folded(index: Index) -> str:
    """Every article's title and text, joined and folded; made once per build."""
    return _per_build(index, "corpus text", lambda: _corpus_text(index))[1]


def article_bodies(index: Index, opening: int) -> dict[str, str]:
    """Each article's text after its first `opening` characters, folded, by id; made once
    per build."""
    return _per_build(index, f"bodies {opening}", lambda: {
        a.id: fold(a.text[opening:]) for a in index.articles.values()})


def corpus_bigrams(index: Index) -> frozenset[str]:
    """Every pair of adjacent folded words the articles write ("khen thuong"); made once per
    build."""
    def make() -> frozenset[str]:
        _, folded = _per_build(index, "corpus text", lambda: _corpus_text(index))
        words = re.findall(r"\w+", folded)
        return frozenset(f"{a} {b}" for a, b in zip(words, words[1:]))
    return _per_build(index, "bigrams", make)


def _phrase_for(key: str, written: str, folded: str) -> str:
    """The phrase of the articles with initials `key` ("ubqg"), one word per letter, opening
    with a capital, written most often; none when two are written equally often."""
    pattern = re.compile(r"(?<!\w)" + r"[^\S\n]+".join(re.escape(c) + r"[^\W\d_]*" for c in key)
                         + r"(?![\w&])")
    counts: dict[str, int] = {}
    for m in pattern.finditer(folded):
        if written[m.start()].isupper():
            phrase = " ".join(written[m.start():m.end()].split())
            counts[phrase] = counts.get(phrase, 0) + 1
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    return "" if len(ranked) > 1 and ranked[1][1] == ranked[0][1] else ranked[0][0]


def corpus_place_initials(index: Index) -> dict[str, str]:
    """The two-letter-or-more initials of the corpus's places (`lexicon.place_initials`), once
    per build."""
    def make() -> dict[str, str]:
        names = corpus_names(index)
        return place_initials({p: names.shown[p] for p in names.places})
    return _per_build(index, "place initials", make)


def corpus_abbreviations(index: Index, keys: Iterable[str]) -> dict[str, str]:
    """The articles' phrases for the initials the question may abbreviate (`keys`, folded:
    "ubqg" -> "Ủy ban Quốc gia"): one scan of the corpus per new initials, kept per build, so
    no question waits for every phrase of every article (lexicon.derived_abbreviations is
    the same rule over a list of phrases)."""
    found = _per_build(index, "abbreviations", dict)
    for key in keys:
        if key not in found and 3 <= len(key) <= 6:
            written, folded = _per_build(index, "corpus text", lambda: _corpus_text(index))
            found[key] = _phrase_for(key, written, folded)
    return {k: found[k] for k in keys if found.get(k)}


_WRITTEN_INITIALS = re.compile(r"(?<![\w&])[A-ZĐ]{2,}(?:&[A-ZĐ]{2,})?(?![\w&])")


def corpus_initials(index: Index) -> dict[str, str]:
    """Initials with "&" the articles write in place of a name ("TT&TT"), by their folded
    letters ("tttt"): a question that spells the name out still finds them (common ones,
    "UBND", are spelled out in the question anyway)."""
    def make() -> dict[str, str]:
        written, _ = _per_build(index, "corpus text", lambda: _corpus_text(index))
        found = set(_WRITTEN_INITIALS.findall(written))
        return {fold(a).replace("&", ""): a for a in found if "&" in a}
    return _per_build(index, "written initials", make)


def article_chunks(index: Index, article_id: str) -> list:
    """An article's chunks in order (a table of each article's chunks made once per build)."""
    def make() -> dict[str, list]:
        table: dict[str, list] = {}
        for chunk in index.chunks:
            table.setdefault(chunk.article_id, []).append(chunk)
        for chunks in table.values():
            chunks.sort(key=lambda c: c.start)
        return table
    return _per_build(index, "chunks by article", make).get(article_id, [])


def following_chunks(index: Index, chunk_id: str, n: int) -> list:
    """The `n` chunks of the same article after `chunk_id`, in order."""
    if n <= 0:
        return []
    chunks = article_chunks(index, chunk_id.rsplit("#", 1)[0])
    at = next((i for i, c in enumerate(chunks) if c.id == chunk_id), None)
    return [] if at is None else chunks[at + 1:at + 1 + n]


def article_sentences(index: Index, article_id: str) -> list[tuple[int, int]]:
    """The (start, end) of an article's sentences, in order (a table made once per build,
    so a plan never scans every sentence of the index)."""
    def make() -> dict[str, list[tuple[int, int]]]:
        table: dict[str, list[tuple[int, int]]] = {}
        for a, start, end in index.sentences:
            table.setdefault(a, []).append((start, end))
        for spans in table.values():
            spans.sort()
        return table
    return _per_build(index, "sentences by article", make).get(article_id, [])


def following_paragraphs(article: Article, end: int, count: int) -> list[tuple[int, int]]:
    """The next `count` body paragraphs after `end` (captions skipped), as sentence spans."""
    out: list[tuple[int, int]] = []
    at = end
    while len(out) < count:
        start = article.text.find("\n", at)
        if start < 0:
            break
        a, b = paragraph_of(article.text, start + 1)
        if b <= a:
            at = start + 1
            continue
        line = article.text[a:b]
        if not is_caption(line):
            out.append((a, b))
        at = b
    return out


def paragraph_after(index: Index, article: Article, end: int) -> list[tuple[int, int]]:
    """The sentences after the one ending at `end`, to the end of its paragraph."""
    stop = article.text.find("\n", end)
    stop = len(article.text) if stop < 0 else stop
    return [(s, e) for s, e in article_sentences(index, article.id) if end <= s and e <= stop]


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


def hits_for_spans(article: Article, chunks: Sequence[Chunk], spans: Sequence[tuple[int, int]],
                   existing: Sequence[Hit]) -> list[Hit]:
    """The retrieved hits plus, for each span not inside one of them, the chunk of `article`
    that holds it (read on by the plan: a list continues past its passage, a summary reads
    the whole article). Citations stay inside passages the answer actually read."""
    out = list(existing)
    have = {h.chunk.id for h in out}
    for start, end in spans:
        if any(h.article.id == article.id and h.chunk.start <= start and end <= h.chunk.end
               for h in out):
            continue
        for chunk in chunks:
            if chunk.article_id == article.id and chunk.start <= start and end <= chunk.end:
                if chunk.id not in have:
                    out.append(Hit(rank=len(out) + 1, score=0.0, chunk=chunk, article=article))
                    have.add(chunk.id)
                break
    return out
