"""From a question to a short cited answer, extractively: no LLM needed.

Steps, each in its own module: clean the question (here), resolve a follow-up (`followup`),
read it once (`question.analyze`), plan retrieval and select evidence by the kind of question
(here, with `evidence`), compose the answer (`compose`), abstain when the evidence is weak.
Every sentence shown is the article's own wording, followed by its [n] marker; what the
question asks and the articles do not give is said, never papered over with a near miss.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

import numpy as np

from . import messages as msg
from .clean import UPPER, fold, normalize
from .compose import Pick, clauses, compose, format_date
from .evidence import (CAUSE_CUES, MEANS_CUES, Candidate, coverage, hits_for_spans, in_scope,
                       paragraph_of, question_weights, score_candidates, type_ok)
from .followup import needs_context, resolve_followup
from .question import Analysis, analyze, entity_kind, strip_filler
from .retrieve import Mode, Retriever
from .schema import Answer, Article, Hit, Turn, as_turns

__all__ = ["prepare_question", "resolve_followup", "answer_question", "abstain",
           "format_date", "stream_text", "plan_question", "yes_no_verdict"]

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_NAME = re.compile(rf"(?<![\w]){UPPER}\w*(?:\s+{UPPER}\w*)+")
_CONSEQUENCE = re.compile(r"(do\s+do|vi\s+vay|vi\s+the|boi\s+vay|cho\s+nen|nho\s+do|tu\s+do)\b")
_COUNT_ANNOUNCED = re.compile(r"\b(\d{1,2})\s+(?:quan\s+diem|nhiem\s+vu|giai\s+phap|nhom|tru\s+cot"
                              r"|muc\s+tieu|chinh\s+sach|yeu\s+cau|noi\s+dung|dinh\s+huong)\b")
_ANTONYMS = {"tang": ("giam", "tut"), "giam": ("tang",), "tut": ("tang", "vuon len"),
             "cao": ("thap",), "thap": ("cao",), "vuot": ("chua dat",), "dat": ("chua dat",),
             "nhanh": ("cham",), "cham": ("nhanh",), "hoan thanh": ("chua hoan thanh",)}


@dataclass(frozen=True)
class _Context:
    """What every plan needs, computed once per question."""

    question: str
    resolved: str
    analysis: Analysis
    qvec: np.ndarray
    retriever: Retriever
    k: int
    mode: Mode
    notices: tuple[str, ...]

    @property
    def threshold(self) -> float:
        return self.retriever.settings.min_answer_score


def prepare_question(text: str, max_chars: int) -> tuple[str, tuple[str, ...]]:
    """NFC, no control characters, single spaces, at most `max_chars` (with a notice)."""
    question = " ".join(normalize(text or "").split())
    if len(question) <= max_chars:
        return question, ()
    cut = question[:max_chars]
    cut = cut[: cut.rfind(" ")] if " " in cut[max_chars // 2:] else cut
    return cut, (msg.QUESTION_SHORTENED.format(kept=len(cut), total=len(question)),)


@lru_cache(maxsize=8)
def _gazetteer(directory: str, texts: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Folded multi-word names of the corpus ("hai duong", "pham minh chinh"), and those of
    them it names as places ("tỉnh Hải Dương", "tại Đà Nẵng", "điểm cầu Sóc Trăng")."""
    names = {fold(m.group()) for text in texts for m in _NAME.finditer(text)}
    names = {n for n in names if len(n.split()) >= 2}
    folded = "\n".join(fold(t) for t in texts)
    places = {n for n in names if re.search(
        rf"\b(?:tinh|tai|o|thanh\s+pho|diem\s+cau(?:\s+tinh)?)\s+{re.escape(n)}\b", folded)}
    return tuple(sorted(names)), tuple(sorted(places))


@lru_cache(maxsize=8)
def _sentence_rows(directory: str, sentences: tuple) -> dict[tuple[str, int, int], int]:
    return {s: i for i, s in enumerate(sentences)}


def _display(entity: str, articles: Sequence[Article], question: str = "") -> str:
    """A folded entity as the articles write it ("hai duong" -> "Hải Dương"), else as the
    question wrote it."""
    for article in articles:
        at = re.search(rf"\b{re.escape(entity)}\b", fold(article.text))
        if at:
            return article.text[at.start():at.end()]
    at = re.search(rf"\b{re.escape(entity)}\b", fold(question))
    if at and len(fold(question)) == len(question):
        written = question[at.start():at.end()]
        return written.title() if written.islower() and len(written.split()) <= 3 else written
    return entity.title() if len(entity.split()) <= 3 else entity


def abstain(question: str, hits: Sequence[Hit], notices: tuple[str, ...] = (),
            resolved: str = "", confidence: float = 0.0, kind: str = "",
            missing: Sequence[str] = (), min_related: float = 0.0) -> Answer:
    """"Not in the articles", with the closest passages listed when they are related."""
    related = tuple(h for h in hits[:3] if h.score >= min_related)
    text = " ".join(missing) if missing else msg.NOT_FOUND
    return Answer(question=question, text=text, abstained=True, related=related,
                  notices=notices, resolved_question=resolved, confidence=confidence,
                  kind=kind, missing=tuple(missing))


def _candidates(ctx: _Context, hits: Sequence[Hit], analysis: Analysis | None = None
                ) -> list[Candidate]:
    index = ctx.retriever.index
    rows = _sentence_rows(str(index.directory), index.sentences)
    return score_candidates(analysis or ctx.analysis, hits, ctx.qvec, rows,
                            index.sentence_vectors, index.idf, ctx.retriever.settings)


def _answer(ctx: _Context, picks: Sequence[Pick], hits: Sequence[Hit], confidence: float,
            **kw) -> Answer:
    answer = compose(ctx.question, ctx.resolved, picks, hits, ctx.retriever.index.articles,
                     kind=ctx.analysis.kind, notices=ctx.notices, confidence=confidence, **kw)
    return answer or abstain(ctx.question, hits, ctx.notices, ctx.resolved, confidence,
                             ctx.analysis.kind)


def _period(analysis: Analysis) -> str:
    if analysis.months:
        month, year = sorted(analysis.months)[0]
        return msg.PERIOD_MONTH.format(month=month, year=year)
    return msg.PERIOD_YEAR.format(year=", ".join(sorted(analysis.years)))


def _missing(ctx: _Context, best: Candidate) -> list[str]:
    """What the question asks that the near-miss sentence does not give."""
    out = []
    if not best.entity_ok:
        absent = [e for e in ctx.analysis.entities
                  if not in_scope(e, best.hit.article, best.start, best.end)]
        names = ", ".join(_display(e, list(ctx.retriever.index.articles.values()),
                                   ctx.analysis.original) for e in absent)
        out.append(msg.NOT_GIVEN_ENTITY.format(entity=names))
    if not best.period_ok:
        out.append(msg.NOT_GIVEN_PERIOD.format(period=_period(ctx.analysis)))
    return out


def _joins(cand: Candidate, chosen: list[Candidate], ratio: float, second: float) -> bool:
    """Another sentence adds to the answer: the sentence before a "Do đó" one, a near-equal
    neighbour of the best one, or another article's figure for the same question."""
    best = chosen[0]
    if not cand.fits or fold(cand.text) in {fold(c.text) for c in chosen}:
        return False
    if cand.hit.article.id == best.hit.article.id:
        before = abs(best.start - cand.end) <= 3
        if before and _CONSEQUENCE.match(fold(best.text)):
            return True
        adjacent = abs(cand.start - best.end) <= 3 or before
        return adjacent and cand.score >= ratio * best.score
    return (cand.hit.article.id not in {c.hit.article.id for c in chosen}
            and cand.score >= second * best.score and cand.coverage >= 0.6 * best.coverage
            and re.search(r"\d", cand.text) is not None)


def _piece(ctx: _Context, cand: Candidate, long: int = 220) -> str:
    """The sentence, or for a long list-like sentence only its clauses that answer."""
    parts = clauses(cand.text)
    if len(cand.text) <= long or len(parts) < 2:
        return ""
    weights = question_weights(ctx.analysis, ctx.retriever.index.idf)
    scored = [(coverage(weights, c) + (0.2 if type_ok(ctx.analysis, c) else 0.0), i)
              for i, c in enumerate(parts)]
    best = max(s for s, _ in scored)
    keep = sorted(i for s, i in scored if s >= best * 0.5 and s > 0)[:3]
    return "; ".join(parts[i] for i in keep) if keep else ""


def _contradicts(analysis: Analysis, sentence: str) -> bool:
    """The sentence says the opposite of the question's claim ("tụt hạng" vs "tăng 15 bậc")."""
    q, s = " " + fold(analysis.text) + " ", " " + fold(sentence) + " "
    for word, opposites in _ANTONYMS.items():
        if f" {word} " in q and f" {word} " not in s and any(f" {o} " in s for o in opposites):
            return True
    return False


def _plan_fact(ctx: _Context, hits: list[Hit]) -> Answer:
    """Single facts, why/how and open questions: the best fitting sentence (and its cause or
    its neighbour), or what the articles do not give when only a near miss is found."""
    st = ctx.retriever.settings
    cands = _candidates(ctx, hits)
    if not cands:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, ctx.analysis.kind)
    fitting = [c for c in cands if c.fits]
    if ctx.analysis.kind in ("why", "how"):
        cue = CAUSE_CUES if ctx.analysis.kind == "why" else MEANS_CUES
        fitting.sort(key=lambda c: c.score + (0.05 if cue.search(fold(c.text)) else 0.0),
                     reverse=True)
    best = fitting[0] if fitting else None
    if best is None or best.score < ctx.threshold:
        near = [c for c in cands if c.type_ok and not c.fits and c.score >= ctx.threshold]
        if near and (near[0].entity_ok or any(
                re.search(rf"\b{re.escape(e)}\b", fold(a.text))
                for e in ctx.analysis.entities for a in ctx.retriever.index.articles.values())):
            return _answer(ctx, [Pick(near[0].hit, near[0].start, near[0].end)], hits,
                           near[0].score, missing=_missing(ctx, near[0]), attribute=True)
        if near:  # the entity asked about is in no article at all
            return abstain(ctx.question, hits, ctx.notices, ctx.resolved, near[0].score,
                           ctx.analysis.kind, _missing(ctx, near[0]))
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved,
                       best.score if best else 0.0, ctx.analysis.kind,
                       min_related=st.related_min_score)
    chosen = [best]
    limit = 3 if ctx.analysis.kind in ("why", "how") else st.max_answer_sentences
    for cand in fitting[1:]:
        if len(chosen) >= limit:
            break
        if _joins(cand, chosen, st.adjacent_join_ratio, st.second_answer_ratio):
            chosen.append(cand)
    lead = chosen[0].hit.article.id
    chosen.sort(key=lambda c: (c.hit.article.id != lead, c.start))
    several = len({c.hit.article.id for c in chosen}) > 1 or (
        ctx.analysis.kind == "date" and best.hit.article.date
        and not re.search(r"\d{1,2}/\d{1,2}/\d{4}", best.text))  # "Chiều 6/2": say the year
    contradicted = ctx.analysis.kind in ("why", "how") and _contradicts(ctx.analysis, best.text)
    return _answer(ctx, [Pick(c.hit, c.start, c.end, _piece(ctx, c)) for c in chosen], hits,
                   best.score, attribute=several,
                   missing=[msg.PREMISE_CONTRADICTED] if contradicted else [])


def _plan_yesno(ctx: _Context, hits: list[Hit]) -> Answer:
    """The verdict first ("Đúng." / "Không." / "Chưa."), then the evidence; a false figure
    gets "Không." and the article's figure."""
    cands = [c for c in _candidates(ctx, hits) if c.entity_ok]
    if not cands or cands[0].score < ctx.threshold:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved,
                       cands[0].score if cands else 0.0, "yesno")
    best = cands[0]
    if not best.period_ok:
        return _answer(ctx, [Pick(best.hit, best.start, best.end)], hits, best.score,
                       missing=_missing(ctx, best), attribute=True)
    verdict = yes_no_verdict(ctx.analysis, best.text)
    return _answer(ctx, [Pick(best.hit, best.start, best.end, _piece(ctx, best))], hits,
                   best.score, opening=verdict)


_UNIVERSAL = re.compile(r"\b(?:toan\s+bo|tat\s+ca|het|du|hoan\s+thanh|moi|100%)\b")
_NEGATION = re.compile(r"\b(?:chua|khong|chang)\b"
                       r"(?!\s+(?:dung\s+tien|gian\b|chi\b|nhung\b|ai\b|the\b|it\b|de\s+ai))")


def yes_no_verdict(analysis: Analysis, sentence: str) -> str:
    """"Đúng."/"Có."/"Rồi." or "Không."/"Chưa." for a yes/no question, from its evidence.

    No when: a figure claimed is not the evidence's; the evidence says the opposite ("tụt"
    vs "tăng"); one of the two is negated and the other not ("chưa đạt" vs "vượt"); or the
    claim is about all ("toàn bộ", "hoàn thành") and the evidence gives a part ("5/6")."""
    question = fold(analysis.text)
    asks_yet = re.search(r"\bchua\s*[?.!]*\s*$", question) is not None
    claim = re.sub(r"\b(?:phai|dung|co\s+dung)?\s*(?:khong|chua|ko)\s*[?.!]*\s*$", "", question)
    said = fold(sentence)
    figures = set(_NUMBER.findall(sentence))
    claimed = {n for n in analysis.numbers if not _bound_met(question, n, figures)}
    negative = (claimed and figures and not claimed <= figures) \
        or _contradicts(analysis, sentence) \
        or bool(_NEGATION.search(claim)) != bool(_NEGATION.search(said)) \
        or (_UNIVERSAL.search(claim) is not None and any(
            int(a) < int(b) for a, b in re.findall(r"\b(\d+)/(\d+)\b", sentence)))
    if negative:
        return msg.VERDICT_NOT_YET if asks_yet else msg.VERDICT_NO
    if asks_yet:
        return msg.VERDICT_ALREADY
    return msg.VERDICT_HAS if re.match(r"\s*co\b", question) or " co " in f" {claim} " \
        and not re.search(r"\b(?:dung|phai)\b", question) else msg.VERDICT_YES


def _as_float(figure: str) -> float | None:
    try:  # Vietnamese: "99,84" is 99.84 and "2.505" is 2505
        return float(figure.replace(".", "").replace(",", ".")) if "/" not in figure else None
    except ValueError:
        return None


def _bound_met(question: str, claimed: str, figures: set[str]) -> bool:
    """"vượt 99%" / "trên 50 triệu" is met by a figure at least that large, "dưới 10" by one
    below it."""
    at = re.search(rf"\b(vuot|tren|hon|qua|duoi|chua\s+toi|it\s+hon)\s+(?:muc\s+)?"
                   rf"{re.escape(claimed)}\b", question)
    bound = _as_float(claimed)
    if not at or bound is None:
        return False
    values = [v for v in map(_as_float, figures) if v is not None]
    above = at.group(1) in ("vuot", "tren", "hon", "qua")
    return any(v >= bound if above else v < bound for v in values)


def _defines(term: str, sentence: str) -> tuple[int, int] | None:
    """The span of a sentence that defines `term` (folded): a full name before "(term)", or
    what follows "term là ..."; None when the sentence does not define it."""
    folded = fold(sentence)
    paren = re.search(rf"\(\s*{re.escape(term)}\s*(?:/\w+)?\)", folded)
    if paren:
        head = term.split()[0]
        at = folded.rfind(f"{head} ", 0, paren.start())
        at = at if at >= 0 and paren.start() - at < 300 else 0
        return at, paren.end()
    copula = re.search(rf"\b{re.escape(term)}\s+(?:la|duoc\s+hieu\s+la|duoc\s+xac\s+dinh\s+la)\s",
                       folded)
    if copula:
        return copula.start(), len(sentence)
    return None


def _plan_definition(ctx: _Context, hits: list[Hit]) -> Answer:
    """The defining sentence first (full name, "X là ..."); a term the articles only mention
    gets "not explained" and the sentence that mentions it."""
    term = fold(ctx.analysis.term or "")
    if not term:
        return _plan_fact(ctx, hits)
    more = ctx.retriever.search(ctx.analysis.term, k=max(ctx.k, 10), mode=ctx.mode)
    hits = hits + [h for h in more if h.chunk.id not in {x.chunk.id for x in hits}]
    cands = _candidates(ctx, hits)
    defining = [(c, _defines(term, c.text)) for c in cands]
    defining = [(c, span) for c, span in defining if span]
    if defining:
        c, (a, b) = max(defining, key=lambda x: x[0].score)
        picks = [Pick(c.hit, c.start, c.end, c.text[a:b] if b - a < len(c.text) else "")]
        more = [d for d, _ in defining if d.hit.article.id != c.hit.article.id]
        if more and more[0].score >= 0.8 * c.score:
            picks.append(Pick(more[0].hit, more[0].start, more[0].end))
        return _answer(ctx, picks, hits, max(c.score, ctx.threshold))
    if len(term.split()) > 4:  # a description asked for, not a term: answer as a fact
        return _plan_fact(ctx, hits)
    mentions = [c for c in cands if re.search(rf"\b{re.escape(term)}\b", fold(c.text))]
    missing = [msg.NOT_DEFINED.format(term=f"“{ctx.analysis.term}”")]
    if not mentions:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, "definition",
                       missing)
    best = mentions[0]
    return _answer(ctx, [Pick(best.hit, best.start, best.end, _piece(ctx, best))], hits,
                   best.score, missing=missing)


def _is_caption(sentence: str) -> bool:
    return len(sentence.split()) < 8 or sentence.rstrip()[-1:] not in ".!?…”\")"


def _following(article: Article, end: int, count: int) -> list[tuple[int, int]]:
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
        if not _is_caption(line):
            out.append((a, b))
        at = b
    return out


def _plan_list(ctx: _Context, hits: list[Hit]) -> Answer:
    """The passage that announces the list, and its items one per line: the clauses after
    its colon or between its semicolons, or the paragraphs that follow an announced count."""
    cands = [c for c in _candidates(ctx, hits) if c.fits]
    if not cands or cands[0].score < ctx.threshold:
        return _plan_fact(ctx, hits)
    best = cands[0]
    article, text = best.hit.article, best.text
    count = _COUNT_ANNOUNCED.search(fold(text))
    colon = text.find(":")
    items: list[Pick] = []
    if count and text.rstrip().endswith(".") and len(clauses(text)) < 2:
        spans = _following(article, best.end, min(int(count.group(1)), 8))
        hits = hits_for_spans(article, ctx.retriever.index.chunks, spans, hits)
        items = [Pick(best.hit, best.start, best.end)]
        for a, b in spans:
            hit = next(h for h in hits if h.article.id == article.id
                       and h.chunk.start <= a and b <= h.chunk.end)
            items.append(Pick(hit, a, b))
        return _answer(ctx, items, hits, best.score, lines=True)
    after_colon = 10 < colon < len(text) - 20
    parts = clauses(text[colon + 1:] if after_colon else text)
    asked = _asked_count(ctx.analysis)
    if len(parts) >= (2 if after_colon else 3) and (not asked or len(parts) >= asked):
        items = [Pick(best.hit, best.start, best.end, p) for p in parts[:10]]
        if after_colon:
            items.insert(0, Pick(best.hit, best.start, best.end, text[:colon + 1]
                                 .rstrip(":") + "."))
        return _answer(ctx, items, hits, best.score, lines=True)
    commas = text.count(",")
    if asked and max(len(parts), commas + 1) < asked or not asked and commas < 2 and \
            len([c for c in cands if c.score >= 0.9 * best.score]) < 2:
        # the articles name the list (or one item) without enumerating it
        return _answer(ctx, [Pick(best.hit, best.start, best.end, _piece(ctx, best))], hits,
                       best.score, missing=[msg.NOT_LISTED])
    picks = [c for c in cands[:6] if c.score >= 0.75 * best.score][:5]
    picks.sort(key=lambda c: (c.hit.article.id != article.id, c.start))
    return _answer(ctx, [Pick(c.hit, c.start, c.end, _piece(ctx, c)) for c in picks], hits,
                   best.score, lines=len(picks) > 1)


def _asked_count(analysis: Analysis) -> int:
    """How many items a list question says there are ("7 quan điểm ... là những gì?")."""
    counts = [int(n) for n in analysis.numbers if n.isdigit() and 1 < int(n) < 100]
    return max(counts, default=0)


def _target_article(ctx: _Context, hits: Sequence[Hit]) -> tuple[Article, bool]:
    """The article a summary question means: the one whose title, opening, date or source
    matches the question's names and dates; else the one retrieval ranks first."""
    articles = ctx.retriever.index.articles
    votes: dict[str, float] = {}
    for hit in hits:
        votes[hit.article.id] = votes.get(hit.article.id, 0.0) + hit.score
    best, best_score = None, 0.0
    for article in articles.values():
        head = fold(f"{article.title} {article.source} {article.date} {article.text[:600]}")
        score = sum(2.0 for e in ctx.analysis.entities if re.search(rf"\b{re.escape(e)}\b", head))
        score += 2.0 if _dated(article, ctx.analysis) else sum(
            1.0 for y in ctx.analysis.years if y in head)
        score += sum(1.0 for n in ctx.analysis.numbers
                     if re.search(rf"\b(?:lan\s+thu|de\s+an)\s+{re.escape(n)}\b", head))
        score += votes.get(article.id, 0.0) / (max(votes.values(), default=1.0) or 1.0)
        if score > best_score:
            best, best_score = article, score
    if best is None:
        return hits[0].article, False
    return best, best_score >= 2.0


def _plan_summary(ctx: _Context, hits: list[Hit]) -> Answer:
    """3–6 key sentences of the article meant, in its order: central to the article, close
    to the question, not repeating each other (maximal marginal relevance)."""
    if not hits:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, "summary")
    index = ctx.retriever.index
    article, matched = _target_article(ctx, hits)
    rows = _sentence_rows(str(index.directory), index.sentences)
    spans = [(s, e) for a, s, e in index.sentences if a == article.id
             and not _is_caption(article.text[s:e])]
    if not spans or index.sentence_vectors is None:
        return _plan_fact(ctx, hits)
    vectors = np.stack([index.sentence_vectors[rows[(article.id, s, e)]] for s, e in spans])
    centroid = vectors.mean(axis=0)
    facts = np.array([min(len(set(_NUMBER.findall(article.text[s:e]))), 3) for s, e in spans])
    weights = question_weights(ctx.analysis, index.idf)
    asked = np.array([coverage(weights, article.text[s:e]) for s, e in spans])
    relevance = (0.5 * (vectors @ centroid) + vectors @ ctx.qvec + 0.05 * facts
                 + _summary_focus(ctx) * asked)
    chosen: list[int] = []
    size = min(ctx.retriever.settings.summary_sentences, len(spans))
    while len(chosen) < size:
        redundancy = (vectors @ vectors[chosen].T).max(axis=1) if chosen else 0.0
        mmr = 0.7 * relevance - 0.3 * redundancy
        if chosen:
            mmr[chosen] = -np.inf
        chosen.append(int(np.argmax(mmr)))
    picked = sorted(spans[i] for i in chosen)
    hits = hits_for_spans(article, index.chunks, picked, hits)
    picks = []
    for s, e in picked:
        hit = next(h for h in hits if h.article.id == article.id
                   and h.chunk.start <= s and e <= h.chunk.end)
        picks.append(Pick(hit, s, e))
    cands = _candidates(ctx, [h for h in hits if h.article.id == article.id])
    confidence = 1.0 if matched else (cands[0].score if cands else 0.0)
    if confidence < ctx.threshold:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, confidence, "summary")
    return _answer(ctx, picks, hits, confidence, lines=True)


def _summary_focus(ctx: _Context) -> float:
    """How much the question's own words steer a summary ("... về hạ tầng mạng")."""
    return ctx.retriever.settings.summary_focus_weight


def _plan_role(ctx: _Context, hits: list[Hit]) -> Answer:
    """What posts a person holds: the titles written next to the name ("Phạm Minh Chính -
    Chủ tịch Ủy ban ...", "Triệu Thế Hùng, Phó Bí thư Tỉnh ủy, ...")."""
    people = [e for e in ctx.analysis.entities if entity_kind(e) == "person"]
    if not people:
        return _plan_fact(ctx, hits)
    name = people[0]
    more = ctx.retriever.search(_display(name, list(ctx.retriever.index.articles.values())),
                                k=max(ctx.k, 8), mode=ctx.mode)
    hits = hits + [h for h in more if h.chunk.id not in {x.chunk.id for x in hits}]
    picks, seen = [], set()
    for cand in _candidates(ctx, hits):
        folded = fold(cand.text)
        at = re.search(rf"\b{re.escape(name)}\b\s*[-–,:]\s*", folded)
        if not at:
            continue
        tail = cand.text[at.end():]
        stop = re.search(r";|\.\s|\s(?:chủ trì|đã|dự|phát biểu|nhấn mạnh|yêu cầu|cùng)\s", tail)
        role = tail[: stop.start()] if stop else tail
        if not role[:1].isupper() or fold(role) in seen:
            continue
        seen.add(fold(role))
        piece = cand.text[at.start(): at.end() + len(role)].strip(" ,;-")
        picks.append(Pick(cand.hit, cand.start, cand.end, _display(name, [cand.hit.article])
                          + piece[len(name):]))
        if len(picks) >= 2:
            break
    if not picks:
        return _plan_fact(ctx, hits)
    return _answer(ctx, picks, hits, 1.0, lines=len(picks) > 1)


def _one_sentence_for_all(ctx: _Context, hits: list[Hit], sides: Sequence[str]
                          ) -> Candidate | None:
    """A fitting sentence that names every side (by the last words of each), when the
    comparison is made within one sentence of the articles."""
    cores = [" ".join(re.findall(r"\w+", fold(side))[-2:]) for side in sides]
    if not all(cores):
        return None
    side_words = {w for core in cores for w in core.split()}
    measure = dataclasses.replace(ctx.analysis, text=" ".join(
        w for w in re.findall(r"\w+", fold(ctx.analysis.text)) if w not in side_words))
    weights = question_weights(measure, ctx.retriever.index.idf)
    for cand in _candidates(ctx, hits):
        folded = " ".join(re.findall(r"\w+", fold(cand.text)))
        if cand.score >= ctx.threshold and coverage(weights, cand.text) >= 0.5 and all(
                re.search(rf"\b{re.escape(c)}\b", folded) for c in cores):
            return cand  # the measure asked, and every side, in one sentence
    return None


def _plan_comparison(ctx: _Context, hits: list[Hit]) -> Answer:
    """The same measure for each side, side by side (each side searched on its own); a side
    the articles lack is said to be missing; which is higher when both give a percentage."""
    sides = ctx.analysis.sides
    if len(sides) < 2:
        return _plan_fact(ctx, hits)
    articles = list(ctx.retriever.index.articles.values())
    both = _one_sentence_for_all(ctx, hits, sides)
    if both is not None:  # "tại các địa phương đạt 58,2%, tại các bộ, ngành đạt 31,7%"
        return _answer(ctx, [Pick(both.hit, both.start, both.end, _piece(ctx, both))], hits,
                       both.score)
    picks, missing, all_hits, figures, best_score = [], [], list(hits), {}, 0.0
    for side in sides:
        others = [s for s in sides if s != side]
        words = [w for w in ctx.analysis.focus if not any(w in fold(o).split() for o in others)]
        is_year = bool(_YEAR.fullmatch(side))
        query = " ".join(words) + ("" if fold(side) in " ".join(words) else f" {side}")
        side_hits = ctx.retriever.search(query, k=ctx.k, mode=ctx.mode)
        analysis = dataclasses.replace(
            ctx.analysis, kind="open", text=query,
            entities=() if is_year else (fold(side),),
            local=frozenset() if is_year else frozenset({fold(side)}),
            years=frozenset({side}) if is_year else frozenset(
                y for y in ctx.analysis.years if y not in sides))
        measure = dataclasses.replace(analysis, text=" ".join(
            w for w in words if w not in fold(side).split()))
        weights = question_weights(measure, ctx.retriever.index.idf)
        cands = [c for c in _candidates(ctx, side_hits, analysis) if c.fits
                 and not _is_caption(c.text) and coverage(weights, c.text) >= 0.3]
        label = side if is_year else _display(fold(side), articles, ctx.analysis.original)
        if not cands or cands[0].score < ctx.threshold * 0.9:
            missing.append(msg.NOT_GIVEN_SIDE.format(side=label))
            continue
        best = cands[0]
        best_score = max(best_score, best.score)
        all_hits += [h for h in side_hits if h.chunk.id not in {x.chunk.id for x in all_hits}]
        picks.append(Pick(best.hit, best.start, best.end, _piece(ctx, best), label=label,
                          label_checked=is_year))  # its period was checked (period_ok)
        percents = re.findall(r"(\d+(?:,\d+)?)\s*%", best.text)
        if len(percents) == 1:
            figures[label] = float(percents[0].replace(",", "."))
    if not picks:
        return abstain(ctx.question, all_hits, ctx.notices, ctx.resolved, 0.0, "comparison",
                       missing)
    closing = ""
    if len(figures) >= 2 and not missing:
        closing = msg.HIGHER.format(side=max(figures, key=figures.get))
    return _answer(ctx, picks, all_hits, best_score, lines=True, missing=missing,
                   closing=closing)


def _dated(article: Article, analysis: Analysis) -> bool:
    """The article's date falls in the month or year the question names ("tháng 7/2024"
    matches an article of 10/07/2024 that only says "10/7")."""
    m = re.match(r"(\d{4})-(\d{2})", article.date or "")
    if not m:
        return False
    year, month = int(m.group(1)), int(m.group(2))
    if analysis.months:
        return (month, year) in analysis.months
    return str(year) in analysis.years


def _search(retriever: Retriever, analysis: Analysis, qvec: np.ndarray, k: int,
            mode: Mode) -> list[Hit]:
    """Hybrid search; when the question names a month ("tháng 2/2025"), passages of articles
    dated then move up (by `date_boost` of the best score), since their text may say "6/2"."""
    vector = qvec if mode != "lexical" else None
    if not analysis.months:  # a bare year is checked per sentence: a review of 2024 is dated 2025
        return retriever.search(analysis.text, k=k, mode=mode, query_vector=vector)
    hits = retriever.search(analysis.text, k=max(4 * k, 20), mode=mode, query_vector=vector)
    if not hits:
        return hits
    boost = retriever.settings.date_boost * max(h.score for h in hits)
    ranked = sorted(hits, key=lambda h: h.score + (boost if _dated(h.article, analysis) else 0),
                    reverse=True)[:k]
    return [dataclasses.replace(h, rank=i) for i, h in enumerate(ranked, 1)]


_PLANS = {"role": _plan_role, "comparison": _plan_comparison, "yesno": _plan_yesno,
          "summary": _plan_summary,
          "list": _plan_list, "definition": _plan_definition}


def plan_question(question: str, retriever: Retriever, history: Sequence[Turn | str] = ()
                  ) -> tuple[str, tuple[str, ...], Analysis, str]:
    """Clean, resolve and analyze a question: (cleaned, notices, analysis, resolved)."""
    settings = retriever.settings
    cleaned, notices = prepare_question(question, settings.max_question_chars)
    turns = [Turn(retriever.restore(strip_filler(
        prepare_question(t.question, settings.max_question_chars)[0])), t.answer)
        for t in as_turns(history)]
    plain = retriever.restore(strip_filler(cleaned)) if cleaned else cleaned
    resolved = resolve_followup(plain, turns) if cleaned else cleaned
    if resolved == plain:
        resolved = cleaned
    if resolved != cleaned:
        notices += (msg.FOLLOWUP_RESOLVED.format(question=resolved),)
    index = retriever.index
    names, places = _gazetteer(str(index.directory),
                               tuple(a.text for a in index.articles.values()))
    return cleaned, notices, analyze(retriever.restore(resolved), names, places), resolved


def answer_question(question: str, retriever: Retriever, *, history: Sequence[Turn | str] = (),
                    k: int | None = None, mode: Mode = "hybrid") -> Answer:
    """The extractive answer to `question`, given the earlier turns of the conversation."""
    settings = retriever.settings
    cleaned, notices, analysis, resolved = plan_question(question, retriever, history)
    if not cleaned:
        return Answer(question=question, text=msg.EMPTY_QUESTION, notices=notices)
    if not as_turns(history) and needs_context(cleaned):
        return Answer(question=cleaned, text=msg.FOLLOWUP_NEEDS_CONTEXT, abstained=True,
                      notices=notices, kind="followup")
    k = k or settings.top_k
    qvec = retriever.embedder.embed_queries([analysis.text])[0]
    hits = _search(retriever, analysis, qvec, k, mode)
    ctx = _Context(cleaned, resolved, analysis, qvec, retriever, k, mode, notices)
    return _PLANS.get(analysis.kind, _plan_fact)(ctx, hits)


def stream_text(text: str) -> Iterator[str]:
    """The answer text growing word by word, for a streaming display."""
    words = text.split(" ")
    for i in range(1, len(words) + 1):
        yield " ".join(words[:i])

