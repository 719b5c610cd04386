"""The plans shared by every kind of question: the context of one question, scoring its
candidate sentences, composing and abstaining, and the plans for single facts, why/how,
yes/no, definitions and roles (lists, summaries and comparisons read more: `gather`).

Each plan takes the question's `Context` and the retrieved hits and returns an `Answer`; the
rules that read sentences are small named functions with table tests
(tests/answering/test_evidence.py).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from .. import messages as msg
from ..articles.clean import fold
from .compose import Pick, clauses, compose
from .causes import CAUSE_CUES, MEANS_CUES, gives_cause
from .evidence import (Candidate, coverage, in_scope, question_weights,
                       score_candidates, type_ok)
from .names import (article_chunks, article_sentences, corpus_names, display, hits_for_spans,
                    sentence_rows)
from .question import Analysis, entity_kind
from ..schema import Answer, Article, Hit
from ..settings import Settings
from ..indexing.store import Index


__all__ = ["Context", "abstain", "candidates", "respond", "piece", "dated", "plan_fact",
           "plan_definition", "plan_role", "contradicts", "missing_parts"]


_CONSEQUENCE = re.compile(r"(do\s+do|vi\s+vay|vi\s+the|boi\s+vay|cho\s+nen|nho\s+do|tu\s+do)\b")
_ANTONYMS = {"tang": ("giam", "tut"), "giam": ("tang",), "tut": ("tang", "vuon len"),
             "cao": ("thap",), "thap": ("cao",), "vuot": ("chua dat",), "dat": ("chua dat",),
             "nhanh": ("cham",), "cham": ("nhanh",), "hoan thanh": ("chua hoan thanh",)}


@dataclass(frozen=True)
class Context:
    """What every plan needs, computed once per question: the analysis, its embedding, the
    index read (not searched: the searches a plan reads were run before, `searched`)."""

    question: str
    resolved: str
    analysis: Analysis
    qvec: np.ndarray
    index: Index
    settings: Settings
    notices: tuple[str, ...]
    searched: Mapping[str, list[Hit]] = field(default_factory=dict)  # Search.query -> hits
    # candidates already scored for this question (plan, general path, near-miss checks)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def threshold(self) -> float:
        return self.settings.min_answer_score

    def more(self, hits: Sequence[Hit]) -> list[Hit]:
        """`hits` and, after them, those of the planned searches not among them."""
        out, have = list(hits), {h.chunk.id for h in hits}
        for found in self.searched.values():
            out += [h for h in found if h.chunk.id not in have]
            have |= {h.chunk.id for h in found}
        return out

def abstain(question: str, hits: Sequence[Hit], notices: tuple[str, ...] = (),
            resolved: str = "", confidence: float = 0.0, kind: str = "",
            missing: Sequence[str] = (), min_related: float = 0.0) -> Answer:
    """"Not in the articles", with the closest passages listed when they are related."""
    related = tuple(h for h in hits[:3] if h.score >= min_related)
    text = " ".join(missing) if missing else msg.NOT_FOUND
    return Answer(question=question, text=text, abstained=True, related=related,
                  notices=notices, resolved_question=resolved, confidence=confidence,
                  kind=kind, missing=tuple(missing))


_NATIONAL = re.compile(r"\b(?:viet\s+nam|ca\s+nuoc|nuoc\s+ta)\b")


def _elsewhere(analysis: Analysis, sentence: str, places: frozenset[str]) -> bool:
    """The sentence is about another place than the one asked: the place asked is only in its
    context, and it names another place or the country ("Năm 2024, Việt Nam đã vươn lên vị
    trí thứ 71" for "Nghệ An đứng thứ mấy?")."""
    asked = [e for e in analysis.local if e in places]
    folded = fold(sentence)[:70]  # its subject: where the sentence opens
    if not asked or any(re.search(rf"\b{re.escape(p)}\b", folded) for p in asked):
        return False
    others = [p for p in places if p not in asked and len(p) > 4
              and re.search(rf"\b{re.escape(p)}\b", folded)]
    return bool(others) or _NATIONAL.search(folded) is not None


def candidates(ctx: Context, hits: Sequence[Hit], analysis: Analysis | None = None
               ) -> list[Candidate]:
    """Every sentence of `hits` scored for the question (or `analysis`, a side of it), best
    first; scored once per question and hits (`Context.memo`)."""
    key = (id(analysis) if analysis is not None else 0,
           tuple((h.chunk.id, h.rank) for h in hits))
    if key not in ctx.memo:
        ctx.memo[key] = _candidates(ctx, hits, analysis)
    return list(ctx.memo[key])


def _candidates(ctx: Context, hits: Sequence[Hit], analysis: Analysis | None) -> list[Candidate]:
    index = ctx.index
    rows = sentence_rows(index)
    analysis = analysis or ctx.analysis
    out = score_candidates(analysis, hits, ctx.qvec, rows, index.sentence_vectors, index.idf,
                           ctx.settings)
    places = corpus_names(index).places
    if not any(e in places for e in analysis.local) or analysis.kind == "comparison":
        return out
    out = [dataclasses.replace(c, entity_ok=False)
           if c.entity_ok and _elsewhere(analysis, c.text, places) else c for c in out]
    return sorted(out, key=lambda c: (c.entity_ok, c.type_ok, c.score), reverse=True)


def respond(ctx: Context, picks: Sequence[Pick], hits: Sequence[Hit], confidence: float,
            **kw) -> Answer:
    answer = compose(ctx.question, ctx.resolved, picks, hits, ctx.index.articles,
                     kind=ctx.analysis.kind, notices=ctx.notices, confidence=confidence, **kw)
    return answer or abstain(ctx.question, hits, ctx.notices, ctx.resolved, confidence,
                             ctx.analysis.kind)


def _period(analysis: Analysis) -> str:
    if analysis.months:
        month, year = sorted(analysis.months)[0]
        return msg.PERIOD_MONTH.format(month=month, year=year)
    return msg.PERIOD_YEAR.format(year=", ".join(sorted(analysis.years)))


def missing_parts(ctx: Context, best: Candidate) -> list[str]:
    """What the question asks that the near-miss sentence does not give."""
    out = []
    if not best.entity_ok:
        absent = [e for e in ctx.analysis.entities
                  if not in_scope(e, best.hit.article, best.start, best.end)]
        names = ", ".join(display(e, corpus_names(ctx.index), ctx.analysis.original)
                          for e in absent)
        out.append(msg.NOT_GIVEN_ENTITY.format(entity=names))
    if not best.period_ok:
        out.append(msg.NOT_GIVEN_PERIOD.format(period=_period(ctx.analysis)))
    return out


def _dominating_near_miss(cands: Sequence[Candidate], best: Candidate, margin: float
                          ) -> Candidate | None:
    """A sentence of the kind asked that says much more of what the question asks than the
    best fitting one, but about another place or period ("tài khoản VNeID đã kích hoạt" in
    the country for "Nghệ An có bao nhiêu tài khoản VNeID"): the fitting one then gives some
    other figure of the right place, and the honest answer is the near miss, said as such."""
    near = [c for c in cands if c.type_ok and not c.fits and c.score >= best.score + margin
            and c.coverage > best.coverage]
    return near[0] if near else None


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


def piece(ctx: Context, cand: Candidate, long: int = 220) -> str:
    """The sentence, or for a long list-like sentence only its clauses that answer; when the
    question asks for a list and the best clause opens an enumeration ("nhiều lợi ích, như
    …; …; …"), it and every clause after it (up to three times `long`): the items."""
    parts = clauses(cand.text)
    if len(cand.text) <= long or len(parts) < 2:
        return ""
    weights = question_weights(ctx.analysis, ctx.index.idf)
    scored = [(coverage(weights, c) + (0.2 if type_ok(ctx.analysis, c) else 0.0), i)
              for i, c in enumerate(parts)]
    best = max(s for s, _ in scored)
    first = min(i for s, i in scored if s == best)
    if ctx.analysis.kind == "list" and len(parts) - first >= 3 and best > 0 and \
            sum(len(p) for p in parts[first:]) <= 3 * long:
        return "" if first == 0 else "; ".join(parts[first:])
    keep = sorted(i for s, i in scored if s >= best * 0.5 and s > 0)[:3]
    return "; ".join(parts[i] for i in keep) if keep else ""


# What befell the subject in a question ("bị lùi", "bị tấn công"), not a device or a
# preparation ("thiết bị", "chuẩn bị")
_ADVERSE = re.compile(r"(?<!thiet\s)(?<!chuan\s)(?<!trang\s)\bbi\s+(\w+)")


def contradicts(analysis: Analysis, sentence: str) -> bool:
    """The sentence says the opposite of the question's claim ("tụt hạng" vs "tăng 15 bậc"),
    or does not say what the question says befell its subject ("bị lùi thời gian có hiệu
    lực" answered by "Có hiệu lực thi hành từ tháng 7/2024")."""
    q, s = " " + fold(analysis.text) + " ", " " + fold(sentence) + " "
    for word, opposites in _ANTONYMS.items():
        if f" {word} " in q and f" {word} " not in s and any(f" {o} " in s for o in opposites):
            return True
    return any(f" {m.group(1)} " not in s for m in _ADVERSE.finditer(q))


def plan_fact(ctx: Context, hits: list[Hit]) -> Answer:
    """Single facts, why/how and open questions: the best fitting sentence (and its cause or
    its neighbour), or what the articles do not give when only a near miss is found."""
    st = ctx.settings
    cands = candidates(ctx, hits)
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
        known = corpus_names(ctx.index).names
        if near and (near[0].entity_ok or any(e in known for e in ctx.analysis.entities)):
            return respond(ctx, [Pick(near[0].hit, near[0].start, near[0].end)], hits,
                           near[0].score, missing=missing_parts(ctx, near[0]), attribute=True)
        if near:  # the entity asked about is in no article at all
            return abstain(ctx.question, hits, ctx.notices, ctx.resolved, near[0].score,
                           ctx.analysis.kind, missing_parts(ctx, near[0]))
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved,
                       best.score if best else 0.0, ctx.analysis.kind,
                       min_related=st.related_min_score)
    rival = _dominating_near_miss(cands, best, st.near_miss_margin)
    if rival is not None:  # the measure asked is found, but for another place or period
        return respond(ctx, [Pick(rival.hit, rival.start, rival.end)], hits, rival.score,
                       missing=missing_parts(ctx, rival), attribute=True)
    chosen = [best]
    limit = 3 if ctx.analysis.kind in ("why", "how") else st.max_answer_sentences
    for cand in fitting[1:]:
        if len(chosen) >= limit:
            break
        if _joins(cand, chosen, st.adjacent_join_ratio, st.second_answer_ratio):
            chosen.append(cand)
    lead = chosen[0].hit.article.id
    chosen.sort(key=lambda c: (c.hit.article.id != lead, c.start))
    if ctx.analysis.kind == "why" and not any(gives_cause(ctx.analysis.text, c.text)
                                              for c in chosen):
        cause = _cause_after(ctx, best, hits)
        if cause is not None:  # "... nhanh. Có được kết quả này là nhờ ...": read on for it
            hits = [*hits, *([cause.hit] if cause.hit not in hits else [])]
            chosen = [c for c in chosen if c.hit.article.id == lead] + [cause]
    several = len({c.hit.article.id for c in chosen}) > 1 or (
        ctx.analysis.kind == "date" and best.hit.article.date
        and not re.search(r"\d{1,2}/\d{1,2}/\d{4}", best.text))  # "Chiều 6/2": say the year
    contradicted = ctx.analysis.kind in ("why", "how") and contradicts(
        ctx.analysis, " ".join(c.text for c in chosen))
    return respond(ctx, [Pick(c.hit, c.start, c.end, piece(ctx, c)) for c in chosen], hits,
                   best.score, attribute=several,
                   missing=[msg.PREMISE_CONTRADICTED] if contradicted else [])


def _cause_after(ctx: Context, best: Candidate, hits: Sequence[Hit]) -> Candidate | None:
    """The first of the next two sentences of the best one's article that gives a cause
    (`gives_cause`)."""
    article = best.hit.article
    following = [(s, e) for s, e in article_sentences(ctx.index, article.id) if s >= best.end]
    after = next((span for span in following[:2]
                  if gives_cause(ctx.analysis.text, article.text[span[0]:span[1]])), None)
    if after is None:
        return None
    found = hits_for_spans(article, article_chunks(ctx.index, article.id), [after], hits)
    hit = next((h for h in found if h.article.id == article.id
                and h.chunk.start <= after[0] and after[1] <= h.chunk.end), None)
    return None if hit is None else dataclasses.replace(
        best, hit=hit, start=after[0], end=after[1])


def _term_pattern(term: str) -> str:
    """A folded term as a pattern: "nghị quyết 57" also written "Nghị quyết số 57"."""
    return r"\s+".join((r"(?:so\s+)?" if w.isdigit() else "") + re.escape(w) for w in term.split())


def _defines(term: str, sentence: str) -> tuple[int, int] | None:
    """The span of a sentence that defines `term` (folded): a full name before "(term)", or
    what follows "term là ..."; None when the sentence does not define it."""
    folded = fold(sentence)
    paren = re.search(rf"\(\s*{_term_pattern(term)}\s*(?:/\w+)?\)", folded)
    if paren:
        head = term.split()[0]
        at = folded.rfind(f"{head} ", 0, paren.start())
        at = at if at >= 0 and paren.start() - at < 300 else 0
        return at, paren.end()
    copula = re.search(rf"\b{_term_pattern(term)}\s+(?:la|duoc\s+hieu\s+la|duoc\s+xac\s+dinh\s+la)"
                       r"\s", folded)
    if copula:
        return copula.start(), len(sentence)
    if re.search(rf"\bla\s+{re.escape(term)}\s*,\s*\w", folded):  # "2023 là năm bản lề, đánh
        return 0, len(sentence)  # dấu ...": the apposition says what the term means
    return _named_before(term, sentence, folded)


# What a code is called, written before it ("hệ thống giám sát, đo lường … Chính phủ số EMC")
_NAME_HEADS = r"he\s+thong|chi\s+so|nen\s+tang|ung\s+dung|cong|trung\s+tam|mang|co\s+so\s+du\s+lieu"


def _named_before(term: str, sentence: str, folded: str) -> tuple[int, int] | None:
    """The span of a full name written right before the code the term holds ("Hệ thống EMC":
    from "hệ thống" to "EMC", one clause), None when there is none."""
    codes = [w for w in re.findall(r"\w+", term) if re.search(rf"\b{w.upper()}\b", sentence)
             and not w.isdigit() and len(w) >= 2]
    if not codes:
        return None
    code = re.search(rf"\b{codes[0]}\b", folded)
    head = " ".join(w for w in term.split() if w != codes[0]) or _NAME_HEADS
    before = folded[max(0, code.start() - 250):code.start()]
    heads = [m for m in re.finditer(rf"\b(?:{head})\b", before) if not re.search(
        r"[.;:!?]", before[m.start():])]
    if not heads:
        return None
    at = code.start() - len(before) + heads[-1].start()
    return (at, code.end()) if code.start() - at > len(codes[0]) + 12 else None


def plan_definition(ctx: Context, hits: list[Hit]) -> Answer:
    """The defining sentence first (full name, "X là ..."); a term the articles only mention
    gets "not explained" and the sentence that mentions it."""
    term = fold(ctx.analysis.term or "")
    if not term:
        return plan_fact(ctx, hits)
    hits = ctx.more(hits)
    cands = candidates(ctx, hits)
    defining = [(c, _defines(term, c.text)) for c in cands]
    defining = [(c, span) for c, span in defining if span]
    if defining:
        c, (a, b) = max(defining, key=lambda x: x[0].score)
        picks = [Pick(c.hit, c.start, c.end, c.text[a:b] if b - a < len(c.text) else "")]
        more = [d for d, _ in defining if d.hit.article.id != c.hit.article.id]
        if more and more[0].score >= 0.8 * c.score:
            picks.append(Pick(more[0].hit, more[0].start, more[0].end))
        return respond(ctx, picks, hits, max(c.score, ctx.threshold))
    if len(term.split()) > 4:  # a description asked for, not a term: answer as a fact
        return plan_fact(ctx, hits)
    mentions = [c for c in cands if re.search(rf"\b{_term_pattern(term)}\b", fold(c.text))]
    missing = [msg.NOT_DEFINED.format(term=f"“{ctx.analysis.term}”")]
    if not mentions:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, "definition",
                       missing)
    best = mentions[0]
    return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                   best.score, missing=missing)


def plan_role(ctx: Context, hits: list[Hit]) -> Answer:
    """What posts a person holds: the titles written next to the name ("Phạm Minh Chính -
    Chủ tịch Ủy ban ...", "Triệu Thế Hùng, Phó Bí thư Tỉnh ủy, ...")."""
    people = [e for e in ctx.analysis.entities if entity_kind(e) == "person"]
    if not people:
        return plan_fact(ctx, hits)
    name = people[0]
    hits = ctx.more(hits)
    picks, seen = [], set()
    for cand in candidates(ctx, hits):
        folded = fold(cand.text)
        at = re.search(rf"\b{re.escape(name)}\b\s*[-–,:]\s*", folded)
        if not at:
            continue
        tail = cand.text[at.end():]
        stop = re.search(r";|\.\s|\s(?:chủ trì|đã|dự|phát biểu|nhấn mạnh|yêu cầu|cùng"
                         r"|biểu dương|chỉ rõ|cho biết|khẳng định)\s", tail)
        role = tail[: stop.start()] if stop else tail
        if not role[:1].isupper() or fold(role) in seen:
            continue
        seen.add(fold(role))
        shown = cand.text[at.start(): at.end() + len(role)].strip(" ,;-")  # as written
        picks.append(Pick(cand.hit, cand.start, cand.end, shown))
        if len(picks) >= 2:
            break
    if not picks:
        return plan_fact(ctx, hits)
    return respond(ctx, picks, hits, 1.0, lines=len(picks) > 1)


def dated(article: Article, analysis: Analysis) -> bool:
    """The article's date falls in the month or year the question names ("tháng 7/2024"
    matches an article of 10/07/2024 that only says "10/7")."""
    m = re.match(r"(\d{4})-(\d{2})", article.date or "")
    if not m:
        return False
    year, month = int(m.group(1)), int(m.group(2))
    if analysis.months:
        return (month, year) in analysis.months
    return str(year) in analysis.years
