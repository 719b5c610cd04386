"""From a question to a short cited answer, extractively: no LLM needed.

The answer is made of sentences (or clauses) of the retrieved passages, in the article's exact
wording, each followed by its [n] marker. A question the passages do not answer gets "not in
the articles" and the closest passages instead. Follow-up questions are rewritten with the
earlier turns before retrieval.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

import numpy as np

from . import messages as msg
from .cite import Numbering, facts, verify_citation, verify_sentence
from .clean import UPPER, fold, normalize
from .lexical import tokenize
from .retrieve import Mode, Retriever
from .schema import Answer, Article, Hit, Turn, as_turns
from .settings import Settings

__all__ = ["prepare_question", "resolve_followup", "answer_question", "Candidate",
           "score_candidates", "abstain", "format_date", "stream_text"]

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_NAME = re.compile(rf"(?<![\w]){UPPER}\w*(?:\s+{UPPER}\w*)+")
_LEAD_CUE = re.compile(r"^\s*(?:(?:the|vay|con)\s+con|con|vay|the|va|nhung)\b[\s,]*")
_TAIL_CUE = re.compile(r"[\s,]*(?:thi\s+sao|the\s+nao|ra\s+sao|nhu\s+the\s+nao|nua)?\s*[?.!]*\s*$")
_ANAPHORA = re.compile(r"\b(tinh|dia\s+phuong|thanh\s+pho|bo|nam|co\s+quan|de\s+an|hoi\s+nghi"
                       r"|phien\s+hop|ong|ba|nguoi|chuong\s+trinh)\s+(do|nay|ay|kia|tren)\b")
_PRONOUN_ONLY = re.compile(r"\b(do|nay|ay|kia)\b")
_ASKS_NUMBER = re.compile(r"\b(bao\s+nhieu|may|ty\s+le|ty\s+trong|so\s+luong|bao\s+lau"
                          r"|phan\s+tram|muc\s+nao)\b")
_ASKS_DATE = re.compile(r"\b(khi\s+nao|ngay\s+nao|nam\s+nao|thang\s+nao|bao\s+gio|luc\s+nao"
                        r"|thoi\s+gian\s+nao|ngay\s+bao\s+nhieu|thoi\s+diem\s+nao)\b")
_ASKS_NAME = re.compile(r"\b(ai|nguoi\s+nao|vi\s+nao|dong\s+chi\s+nao)\b")
_QUESTION_WORD = re.compile(r"\b(bao\s+nhieu|khi\s+nao|ngay\s+nao|nam\s+nao|thang\s+nao"
                            r"|bao\s+gio|bao\s+lau|nguoi\s+nao|ai|la\s+gi|nhu\s+the\s+nao)\b")
_CONSEQUENCE = re.compile(r"(do\s+do|vi\s+vay|vi\s+the|boi\s+vay|cho\s+nen|nho\s+do)\b")
_HAS_NUMBER = re.compile(r"\d")
_COUNTED = re.compile(r"\bbao\s+nhieu\s+([^?.!]+)")
_NOT_COUNTED = frozenset("phan la ty trieu nghin ngan tram nam thang ngay gio lan tien dong "
                         "thi %".split())
_HAS_DATE = re.compile(r"\b\d{1,2}/\d{1,4}(?:/\d{2,4})?\b|\b(?:19|20)\d\d\b|\btháng\s+\d")
_CLAUSE = re.compile(r"[^;]+(?:;|$)")


def prepare_question(text: str, max_chars: int) -> tuple[str, tuple[str, ...]]:
    """NFC, no control characters, single spaces, at most `max_chars` (with a notice)."""
    question = " ".join(normalize(text or "").split())
    if len(question) <= max_chars:
        return question, ()
    cut = question[:max_chars]
    cut = cut[: cut.rfind(" ")] if " " in cut[max_chars // 2:] else cut
    return cut, (msg.QUESTION_SHORTENED.format(kept=len(cut), total=len(question)),)


def _replace_folded(pattern: re.Pattern, text: str, repl) -> str:
    """Substitute on `text` where `pattern` matches its folded form (same offsets)."""
    out, last = [], 0
    for m in pattern.finditer(fold(text)):
        out.append(text[last:m.start()])
        out.append(repl(m, text[m.start():m.end()]))
        last = m.end()
    return "".join(out) + text[last:]


def _is_followup(question: str) -> bool:
    folded = fold(question)
    words = re.findall(r"\w+", folded)
    return bool(_LEAD_CUE.match(folded) and len(words) <= 8 or _ANAPHORA.search(folded)
                or re.search(r"thi\s+sao\s*\??\s*$", folded))


def _resolve_one(question: str, previous: str) -> str:
    if not previous or not _is_followup(question):
        return question
    core = question
    lead = _LEAD_CUE.match(fold(core))
    core = core[lead.end():] if lead else core
    tail = _TAIL_CUE.search(fold(core))
    core = core[:tail.start()] if tail else core
    names = [n for n in question_names(previous) if not _YEAR.search(n)]
    entity = names[-1] if names else ""
    replaced = _replace_folded(_ANAPHORA, core,
                               lambda m, original: f"{original.split()[0]} {entity}".strip()
                               if entity and m.group(1) != "nam" else original)
    if replaced != core:
        return replaced.strip()
    new_names, old_names = question_names(core), question_names(previous)
    if new_names and old_names and len(core.split()) <= len(new_names[0].split()) + 2:
        return previous.replace(old_names[-1], new_names[0])  # "Còn Nghệ An thì sao?"
    years = _YEAR.findall(core)
    if years:
        if _YEAR.search(previous):
            swapped = _YEAR.sub(years[0], previous)
            rest = _YEAR.sub("", re.sub(r"\bnăm\b", "", core)).strip(" ,")
            return f"{rest} {swapped}".strip() if rest else swapped
        return f"{previous.rstrip(' ?')} {core.strip()}?"
    asked = _question_form(previous)
    if asked:  # "Còn số tài khoản VNeID thì sao?": the new topic, asked the same way
        return f"{core.strip()} {asked}?"
    return f"{core.strip()} ({previous.rstrip(' ?')})"


def _question_form(question: str) -> str:
    """What a question asks and when ("bao nhiêu ... năm 2024" -> "bao nhiêu năm 2024"), in
    its own wording; empty when it has no question word we know."""
    m = _QUESTION_WORD.search(fold(question))
    if not m:
        return ""
    years = " ".join(f"năm {y}" for y in _YEAR.findall(question))
    return f"{question[m.start():m.end()].lower()} {years}".strip()


def resolve_followup(question: str, history: Sequence[str]) -> str:
    """Rewrite a follow-up ("Còn năm 2024 thì sao?") as a standalone question, using the
    earlier user questions of the conversation (oldest first). No LLM involved."""
    previous = ""
    for earlier in history:
        previous = _resolve_one(earlier, previous)
    return _resolve_one(question, previous)


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage, scored as an answer to the question."""

    hit: Hit
    start: int
    end: int
    score: float
    coverage: float
    dense: float
    type_ok: bool
    names_ok: bool


def _weights(terms: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    top = max(idf.values(), default=1.0)
    return {t: idf.get(t, top) for t in set(terms)}


def _coverage(weights: dict[str, float], text: str) -> float:
    present = set(tokenize(text, folded=True))
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


@dataclass(frozen=True)
class _Asked:
    """What a question asks for, read once per question rather than once per sentence."""

    kind: str  # "date", "number", "name", or "" for anything else
    years: frozenset[str]
    numbers: frozenset[str]  # figures the question gives itself, years apart
    counted: frozenset[str]  # what "bao nhiêu ..." counts (see _counted)


def _asked(question: str) -> _Asked:
    folded = fold(question)
    kind = ("date" if _ASKS_DATE.search(folded) else "number" if _ASKS_NUMBER.search(folded)
            else "name" if _ASKS_NAME.search(folded) else "")
    years = frozenset(_YEAR.findall(question))
    return _Asked(kind, years, frozenset(_NUMBER.findall(question)) - years,
                  frozenset(_counted(folded)))


def _type_ok(asked: _Asked, sentence: str) -> bool:
    if asked.kind == "date":
        return bool(_HAS_DATE.search(sentence))
    if asked.kind == "number":  # a figure the question did not give, and not a year
        figures = [m for m in _NUMBER.finditer(sentence)
                   if m.group() not in asked.numbers and not _YEAR.fullmatch(m.group())]
        if not figures or not asked.counted:
            return bool(figures)
        # "bao nhiêu nghị định": a thing counted stands near one of the figures
        folded = fold(sentence)  # same offsets as the sentence
        words = folded.split()
        spans = [len(folded[:m.start()].split()) for m in figures]
        return any(asked.counted & set(words[max(0, i - 6): i + 7]) for i in spans)
    if asked.kind == "name":
        return bool(_NAME.search(sentence))
    return True


def _counted(folded_question: str) -> set[str]:
    """First syllables of what "bao nhiêu ..." counts ("bao nhieu dich vu, thu tuc" ->
    {dich, thu}); empty for amounts with no noun of their own (percent, money, time)."""
    m = _COUNTED.search(folded_question)
    if not m:
        return set()
    items = re.split(r",|\bva\b|\bhay\b", m.group(1))
    heads = {item.split()[0] for item in items if item.split()}
    return set() if heads & _NOT_COUNTED else heads


def _numbers_ok(asked: frozenset[str], passage: str, article: Article) -> bool:
    """Numbers the question gives ("lần thứ 11", "25 dịch vụ") must be in the passage, or in
    the article's title and opening paragraph (where the event is named once for all)."""
    found = set(_NUMBER.findall(f"{passage} {article.title} {_lead(article)}"))
    return asked <= found


def _lead(article: Article) -> str:
    return article.text.split("\n", 1)[0]


def _years_ok(asked: frozenset[str], sentence: str, chunk: str, article: Article) -> bool:
    """A sentence that names years, none of them the asked one, answers another year. When it
    names none, its passage speaks for it, then the article's date and opening paragraph."""
    if not asked:
        return True
    for context in (sentence, chunk, f"{article.date} {article.title} {_lead(article)}"):
        found = set(_YEAR.findall(context))
        if found:
            return bool(asked & found)
    return True


_SENTENCE_OPENERS = frozenset("theo tỉnh thành năm còn ai tại ở trong khi người có vậy thế và "
                              "hãy cho liệu những các đã số tổng tỷ bao".split())


def question_names(question: str) -> list[str]:
    """Proper names of a question; a capital that only opens the sentence is not a name."""
    names = []
    for m in _NAME.finditer(question):
        words = m.group().split()
        if m.start() == 0 and words[0].lower() in _SENTENCE_OPENERS:
            words = words[1:]
        if len(words) >= 2 or (words and not words[0].istitle()):
            names.append(" ".join(words))
    return names


def _names_ok(question: str, article_text: str) -> bool:
    """Every proper name of the question occurs (as whole words) in the candidate's article."""
    folded_article = fold(article_text)
    for name in question_names(question):
        words = name.split()
        options = {fold(name), fold(" ".join(words[1:]))} if len(words) > 2 else {fold(name)}
        if not any(re.search(rf"\b{re.escape(o)}\b", folded_article) for o in options):
            return False
    return True


@lru_cache(maxsize=8)
def _sentence_rows(index_key: int, sentences: tuple) -> dict[tuple[str, int, int], int]:
    return {s: i for i, s in enumerate(sentences)}


def score_candidates(question: str, hits: Sequence[Hit], retriever: Retriever) -> list[Candidate]:
    """Every sentence of the retrieved passages, best answer first."""
    index, st = retriever.index, retriever.settings
    rows = _sentence_rows(id(index), index.sentences)
    weights = _weights(tokenize(question, folded=True, query=True), index.idf)
    qvec = retriever.embedder.embed_queries([retriever.restore(question)])[0]
    asked = _asked(question)
    seen: set[tuple[str, int, int]] = set()
    out = []
    for hit in hits:
        article = hit.article
        names_ok = _names_ok(question, article.text + " " + article.title)
        for start, end in hit.chunk.sentences:
            key = (article.id, start, end)
            if key in seen:
                continue
            seen.add(key)
            sentence = article.text[start:end]
            row = rows.get(key)
            dense = float(index.sentence_vectors[row] @ qvec) if row is not None else 0.0
            coverage = _coverage(weights, sentence)
            context = _coverage(weights, f"{article.title} {hit.chunk.text}")
            type_ok = (_type_ok(asked, sentence)
                       and _numbers_ok(asked.numbers, hit.chunk.text, article)
                       and _years_ok(asked.years, sentence, hit.chunk.text, article))
            similarity = np.clip((dense - st.dense_floor) / st.dense_span, 0, 1)
            score = (st.score_coverage_weight * coverage + st.score_context_weight * context
                     + st.score_dense_weight * similarity
                     - (0.0 if type_ok else st.type_mismatch_penalty) - 0.01 * (hit.rank - 1))
            out.append(Candidate(hit, start, end, float(score), coverage, dense, type_ok,
                                 names_ok))
    return sorted(out, key=lambda c: (c.names_ok, c.type_ok, c.score), reverse=True)


def format_date(iso: str) -> str:
    """"2024-04-24" -> "24/04/2024"; an empty date says the article shows none."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else (iso or msg.NO_DATE)


def _piece(asked: _Asked, sentence: str, weights: dict[str, float], long: int = 220) -> str:
    """The sentence, or for a long list-like sentence only its clauses that answer."""
    clauses = [c.strip() for c in _CLAUSE.findall(sentence) if c.strip()]
    if len(sentence) <= long or len(clauses) < 2:
        return sentence
    scored = [(_coverage(weights, c) + (0.2 if _type_ok(asked, c) else 0), i)
              for i, c in enumerate(clauses)]
    best = max(s for s, _ in scored)
    keep = sorted(i for s, i in scored if s >= best * 0.5 and s > 0)[:3]
    text = "; ".join(clauses[i].rstrip(";") for i in keep)
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def abstain(question: str, hits: Sequence[Hit], notices: tuple[str, ...] = (),
            resolved: str = "", confidence: float = 0.0) -> Answer:
    """"Not in the articles", with the closest passages listed as possibly related."""
    return Answer(question=question, text=msg.NOT_FOUND, abstained=True,
                  related=tuple(hits[:3]), notices=notices, resolved_question=resolved,
                  confidence=confidence)


def answer_question(question: str, retriever: Retriever, *, history: Sequence[Turn | str] = (),
                    k: int | None = None, mode: Mode = "hybrid") -> Answer:
    """The extractive answer to `question` (with the earlier questions of the conversation)."""
    settings = retriever.settings
    cleaned, notices = prepare_question(question, settings.max_question_chars)
    if not cleaned:
        return Answer(question=question, text=msg.EMPTY_QUESTION, notices=notices)
    resolved = resolve_followup(cleaned, [prepare_question(t.question,
                                                           settings.max_question_chars)[0]
                                          for t in as_turns(history)])
    if resolved != cleaned:
        notices += (msg.FOLLOWUP_RESOLVED.format(question=resolved),)
    hits = retriever.search(resolved, k=k or settings.top_k, mode=mode)
    candidates = score_candidates(resolved, hits, retriever)
    confidence = candidates[0].score if candidates and candidates[0].names_ok else 0.0
    if confidence < settings.min_answer_score or confidence <= 0:
        return abstain(cleaned, hits, notices, resolved, confidence)
    chosen = [candidates[0]]
    for cand in candidates[1:]:
        if len(chosen) >= settings.max_answer_sentences:
            break
        if _joins(cand, chosen, settings):
            chosen.append(cand)
    lead = chosen[0].hit.article.id
    chosen.sort(key=lambda c: (c.hit.article.id != lead, c.start))
    return dataclasses.replace(_compose(cleaned, resolved, chosen, hits, retriever, notices),
                               confidence=confidence)


def _joins(cand: Candidate, chosen: list[Candidate], settings: Settings) -> bool:
    """Whether another sentence adds to the answer: another article's figure for the same
    question (both are shown, with their dates), or a near-equal sentence of the same article
    right next to the best one (a figure often sits in the sentence after its lead-in)."""
    best = chosen[0]
    text = cand.hit.article.text[cand.start:cand.end]
    if not (cand.names_ok and cand.type_ok) or fold(text) in {
            fold(c.hit.article.text[c.start:c.end]) for c in chosen}:
        return False
    same_article = cand.hit.article.id == best.hit.article.id
    if same_article:
        before = abs(best.start - cand.end) <= 3
        if before and _CONSEQUENCE.match(fold(best.hit.article.text[best.start:best.end])):
            return True  # "Do đó, ..." says what follows from the sentence before it
        adjacent = abs(cand.start - best.end) <= 3 or before
        return adjacent and cand.score >= settings.adjacent_join_ratio * best.score
    return (cand.hit.article.id not in {c.hit.article.id for c in chosen}
            and cand.score >= settings.second_answer_ratio * best.score
            and cand.coverage >= 0.6 * best.coverage
            and _HAS_NUMBER.search(text) is not None)


def _compose(question: str, resolved: str, chosen: list[Candidate], hits: Sequence[Hit],
             retriever: Retriever, notices: tuple[str, ...]) -> Answer:
    weights = _weights(tokenize(resolved, folded=True, query=True), retriever.index.idf)
    asked = _asked(resolved)
    numbering = Numbering()
    several = len({c.hit.article.id for c in chosen}) > 1
    parts = []
    for cand in chosen:
        article = cand.hit.article
        citation = numbering.cite(cand.hit, cand.start, cand.end)
        piece = _piece(asked, citation.quote, weights)
        if not verify_sentence(piece, [citation.quote]) or \
                not verify_citation(citation, retriever.index.articles, hits):
            continue  # never show a sentence with a citation that does not hold
        if several:
            label = article.source or f"bài “{_short(article.display_title)}”"
            piece = f"Theo {label} ({format_date(article.date)}): {piece}"
        parts.append(f"{piece} [{citation.n}]")
    if not parts:
        return abstain(question, hits, notices, resolved)
    used = {int(n) for n in re.findall(r"\[(\d+)\]", " ".join(parts))}
    citations = tuple(c for c in numbering.citations if c.n in used)
    return Answer(question=question, text=" ".join(parts), citations=citations,
                  notices=notices, resolved_question=resolved)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def stream_text(text: str) -> Iterator[str]:
    """The answer text growing word by word, for a streaming display."""
    words = text.split(" ")
    for i in range(1, len(words) + 1):
        yield " ".join(words[:i])
