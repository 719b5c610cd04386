"""Evidence: every sentence of the retrieved passages scored against the question's analysis,
plus what each sentence is about (its place in time, the entities in its scope).

Takes hits and an `Analysis`, never the retriever: the caller embeds the question once and
passes its vector. The rules that read sentences (dates, scope, cues) are small named
functions with their own table tests.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..articles.clean import fold
from ..articles.patterns import NAME, NUMBER as _NUMBER, YEAR as _YEAR
from ..indexing.lexical import tokenize
from .causes import MEANS_CUES
from .glossary import ENGLISH_TERMS
from .cues import AGENCY, ASSIGNEE_ASKED, ASSIGNING, MEETING_NAMED, NAMED_ASKED, PEOPLE_ASKED
from .words import COUNTED_AS, EVENT_VERBS, HELD, MEANS_ASKED, UNITS
from .question import Analysis, entity_kind
from ..schema import Article, Hit
from ..settings import Settings

__all__ = ["is_caption", "in_caption", "Candidate", "score_candidates", "sentence_years",
           "set_at", "in_scope", "type_ok", "paragraph_of"]

_HAS_DATE = re.compile(r"\b\d{1,2}/\d{1,4}(?:/\d{2,4})?\b|\b(?:19|20)\d\d\b|\btháng\s+\d"
                       r"|\b(?:sáng|chiều|tối|trưa)\s+(?:ngày\s+)?\d")
_TITLED = re.compile(r"(?:đồng chí|ông|bà|Bộ trưởng|Thứ trưởng|Chủ tịch|Bí thư|Giám đốc"
                     r"|Thủ tướng|Đại tướng|Trưởng|Phó)\s*$", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(nam\s+qua|nam\s+ngoai|nam\s+truoc|nam\s+nay)\b")
_BASE_YEAR = re.compile(r"\b(?:so\s+voi|ke\s+tu|tu)\s+(?:nam\s+|thoi\s+diem\s+nam\s+)?$")


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
    entity_ok: bool  # every entity of the question is in the sentence's scope
    period_ok: bool  # the sentence speaks of the year/month asked (or none was asked)

    @property
    def text(self) -> str:
        return self.hit.article.text[self.start:self.end]

    @property
    def fits(self) -> bool:
        return self.type_ok and self.entity_ok and self.period_ok


def paragraph_of(text: str, start: int) -> tuple[int, int]:
    """The (start, end) of the paragraph (a line of the cleaned text) holding `start`."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return a, len(text) if b < 0 else b


_CREDIT = re.compile(r"\b(?:Ảnh|Nguồn ảnh|Video)\s*:", re.IGNORECASE)


def is_caption(sentence: str) -> bool:
    """A photo caption or label, not body text: short, unterminated, or with a photo credit
    ("Các đại biểu tham dự ... tại điểm cầu Sóc Trăng. Ảnh: TẤN PHÁT")."""
    return (len(sentence.split()) < 8 or sentence.rstrip()[-1:] not in ".!?…”\")"
            or _CREDIT.search(sentence) is not None)


def in_caption(article: Article, start: int, end: int) -> bool:
    """The span lies in a photo caption: marked at cleaning, or one by its look."""
    return (any(a <= start and end <= b for a, b in article.captions)
            or is_caption(article.text[start:end]))


def _scope(article: Article, start: int, end: int) -> str:
    """What a sentence can be read as being about: itself, its paragraph, the body paragraph
    before it (a "toàn tỉnh" refers back; a photo caption between them does not count) and
    the title. Not the opening paragraph: a national meeting opens with the province that
    joined it, and its national figures are not the province's."""
    text = article.text
    p_start, p_end = paragraph_of(text, start)
    before, at = "", p_start
    for _ in range(6):  # the nearest body paragraph before it, past captions and blank lines
        if at <= 0:
            break
        a, b = paragraph_of(text, at - 1)
        at = a
        if text[a:b].strip() and not in_caption(article, a, b):
            before = text[a:b]
            break
    return f"{article.title}\n{before}\n{text[p_start:p_end]}"


def set_at(article: Article, analysis: Analysis) -> bool:
    """The article is set at the place where the question says its meeting was held: the
    place in its title, source or opening lines ("hội nghị tại <tỉnh>", a
    source named after it)."""
    where = fold(f"{article.title} {article.source} {article.text[:300]}")
    return any(re.search(rf"\b{re.escape(p)}\b", where) or p.replace(" ", "") in where
               for p in analysis.scene)


def in_scope(entity: str, article: Article, start: int, end: int) -> bool:
    """The folded entity occurs, as whole words, in the sentence's scope."""
    return re.search(rf"\b{re.escape(entity)}\b", fold(_scope(article, start, end))) is not None


def _article_year(article: Article) -> int | None:
    m = re.match(r"(\d{4})", article.date or "")
    return int(m.group(1)) if m else None


def _before(text: str, start: int) -> list[tuple[int, int]]:
    """What a sentence's context is read from, nearest first: its paragraph up to it, then up
    to three paragraphs back ("Năm qua, ..." / "6 tháng đầu năm 2024, ..." open a section)."""
    spans = [(paragraph_of(text, start)[0], start)]
    for _ in range(3):
        a, _ = paragraph_of(text, max(0, spans[-1][0] - 2))
        if a >= spans[-1][0]:
            break
        spans.append((a, spans[-1][0]))
    return spans


def sentence_years(article: Article, start: int, end: int) -> set[int]:
    """The years a sentence speaks of: those it names (a base of comparison "so với 2022"
    apart); else "năm qua"/"năm nay" from the article's date; else the last year named before
    it in its paragraph or the one before; else the article's year. Empty when unknown."""
    text = article.text
    own = _named_years(text, start, end)
    if own:
        return own
    folded = fold(text[start:end])
    year = _article_year(article)
    rel = _RELATIVE_YEAR.search(folded)
    if rel and year:
        return {year if rel.group(1) == "nam nay" else year - 1}
    spans = _before(text, start)
    for a, b in spans:
        before = _named_years(text, a, b)
        if before:
            return {max(before)}
        rel = _RELATIVE_YEAR.search(fold(text[a:b]))
        if rel and year:
            return {year if rel.group(1) == "nam nay" else year - 1}
    return {year} if year else set()


def _named_years(text: str, start: int, end: int) -> set[int]:
    folded = fold(text[start:end])
    out = set()
    for m in _YEAR.finditer(folded):
        if _BASE_YEAR.search(folded[max(0, m.start() - 30):m.start()]):
            continue
        if re.search(r"(?:giai\s+doan|tam\s+nhin\s+den|den\s+nam)\s+$|\d\s*-\s*$|-\s*$",
                     folded[max(0, m.start() - 25):m.start()]):
            continue  # a programme's horizon ("giai đoạn 2021-2025"), not the period spoken of
        out.add(int(m.group()))
    return out


# The part of a year a text speaks of: first half or second ("6 tháng đầu năm", "cuối năm")
_HALVES = ((re.compile(r"\b(?:\d\s+thang\s+dau|nua\s+dau|dau)\s+nam\b"), 1),
           (re.compile(r"\b(?:6\s+thang\s+cuoi|nua\s+cuoi|cuoi)\s+nam\b"), 2))


def _half(text: str) -> int:
    """1 or 2 for the half of the year the (folded) text names last; 0 when it names none."""
    found = [(m.start(), half) for pattern, half in _HALVES for m in pattern.finditer(text)]
    return max(found)[1] if found else 0


def _sentence_half(article: Article, start: int, end: int) -> int:
    """The half of the year a sentence speaks of: its own words, else the nearest context
    before it (`_before`)."""
    text = article.text
    for a, b in [(start, end)] + _before(text, start):
        half = _half(fold(text[a:b]))
        if half:
            return half
    return 0


def _period_ok(analysis: Analysis, article: Article, start: int, end: int) -> bool:
    asked = {int(y) for y in analysis.years} | {y for _, y in analysis.months}
    if not asked:
        return True
    half = _half(fold(analysis.text))
    if half and _sentence_half(article, start, end) not in (0, half):
        return False  # "cuối năm 2024" asked, "6 tháng đầu năm 2024" said
    reviewed = _reviewed_years(analysis.text)
    if reviewed and asked <= reviewed and asked & _reviewed_years(article.text):
        return True  # "phiên họp tổng kết năm 2024": the meeting's year, not the sentence's
    if _named_years(article.text, start, end):  # the sentence says which year it is about
        return bool(asked & _named_years(article.text, start, end))
    years = sentence_years(article, start, end)
    if not years or asked & years:
        return True  # nothing says otherwise, or its context says the year asked
    # "Chiều 6/2" in an article dated 2025-02-06 is February 2025
    return any(y == _article_year(article) for y in asked) and bool(
        _HAS_DATE.search(article.text[start:end]))


_REVIEW = re.compile(r"\b(?:tong|so)\s+ket\b(?:\s+[^\s.;?]+){0,10}?\s+nam\s+((?:19|20)\d\d)\b")


@functools.lru_cache(maxsize=256)
def _reviewed_years(text: str) -> frozenset[int]:
    """Years a text names as what a meeting reviews ("tổng kết ... năm 2024", "sơ kết 6 tháng
    đầu năm 2023"): a question's such year names the meeting, held the year after."""
    return frozenset(int(m.group(1)) for m in _REVIEW.finditer(fold(text)))


# Events a date question may ask about, which a sentence's date must be the date of: "được
# Quốc hội thông qua ngày nào?" is not answered by "có hiệu lực từ tháng 7/2024".
@functools.lru_cache(maxsize=256)
def _asked_events(question: str) -> tuple[str, ...]:
    """The events of `EVENT_VERBS` a question names (read once per question)."""
    return tuple(v for v in EVENT_VERBS if re.search(rf"\b{v}\b", fold(question)))




def _unit_ok(analysis: Analysis, sentence: str) -> bool:
    """A figure of the kind asked: a percentage for "tỷ lệ", money for "bao nhiêu tiền", a
    duration for "bao lâu", a rank for "thứ mấy"."""
    question, folded = fold(analysis.text), fold(sentence)
    return all(unit.search(folded) for asks, unit in UNITS if asks.search(question))


def _names_new(analysis: Analysis, sentence: str) -> bool:
    """The sentence names something (a capitalised name) the question does not."""
    asked = fold(analysis.text)
    return any(fold(m.group()) not in asked for m in NAME.finditer(sentence))


# A figure said in words: "hàng nghìn tỷ đồng", "hàng triệu lượt"
_ROUND_FIGURE = re.compile(r"\bhàng\s+(?:chục|trăm|nghìn|ngàn|triệu|tỷ)\b", re.IGNORECASE)




def type_ok(analysis: Analysis, sentence: str) -> bool:
    """Whether a sentence holds the kind of thing asked for (a figure of the kind asked, a
    date, a name)."""
    kind = analysis.kind
    if NAMED_ASKED.search(fold(analysis.text)) and not _names_new(analysis, sentence):
        return False
    if kind == "number" and not _unit_ok(analysis, sentence):
        return False
    if kind == "date":  # a date, of the event asked when the question names one
        asked = _asked_events(analysis.text)
        return bool(_HAS_DATE.search(sentence)) and all(
            re.search(rf"\b(?:{HELD if v in ('to chuc', 'dien ra') else v})\b", fold(sentence))
            for v in asked)
    if kind == "number":  # a figure the question did not give, and not a year
        figures = [m for m in _NUMBER.finditer(sentence)
                   if m.group() not in analysis.numbers and not _YEAR.fullmatch(m.group())]
        figures += list(_ROUND_FIGURE.finditer(sentence))
        if not figures or not analysis.counted:
            return bool(figures)
        folded = fold(sentence)  # same offsets as the sentence
        words = [w.strip(",.;:!?()\"“”") for w in folded.split()]  # "bộ," counts "bộ"
        spans = [len(folded[:m.start()].split()) for m in figures]
        counted = {w for c in analysis.counted for w in COUNTED_AS.get(c, (c,))}
        return any(counted & set(words[max(0, i - 6): i + 7]) for i in spans)
    if kind == "how" and MEANS_ASKED.search(fold(analysis.text)) and re.search(
            r"\d\s*%|\d[\d.,]*\s+(?:trieu|ty|nghin)\b", fold(sentence)):
        return MEANS_CUES.search(fold(sentence)) is not None  # a result's figures, not a way
    if kind == "person" and re.search(ASSIGNEE_ASKED, fold(analysis.text)):
        return re.search(ASSIGNING, fold(sentence)) is not None and (  # who is given a task:
            re.search(AGENCY, sentence) is not None or _person_named(sentence))  # a body too
    if kind == "person" or (kind in ("list", "open") and PEOPLE_ASKED.search(
            fold(analysis.text))):  # a person's name, not a place's ("Toàn cảnh … Đà Nẵng")
        return _person_named(sentence, _set_aside(analysis.original))
    return True


def _person_named(sentence: str, besides: str = "") -> bool:
    """A person is named (a name, or one after a title), not the one set aside (`_set_aside`)."""
    return any((entity_kind(m.group()) == "person" or _TITLED.search(
        sentence[max(0, m.start() - 40):m.start()])) and not (besides and re.search(
            rf"(?<!pho\s)\b{besides}\b", fold(sentence[max(0, m.start() - 40):m.end()])))
        for m in NAME.finditer(sentence))


@functools.lru_cache(maxsize=256)  # read once per question, not once per sentence
def _set_aside(original: str) -> str:
    """Who the question sets aside ("Ngoài Thủ tướng", "Besides the Prime Minister"), folded."""
    m = re.search(r"\b(?:ngoai|besides|apart\s+from|other\s+than)\s+(?:the\s+)?([^,?]{3,40}?)"
                  r"\s*(?:,|\bra\b|\bthi\b|\bcon\b|\bwhich\b|\bwho\b|$)", fold(original))
    return "" if m is None else re.escape(fold(ENGLISH_TERMS.get(m.group(1), m.group(1))))


def _numbers_ok(analysis: Analysis, passage: str, article: Article) -> bool:
    """Numbers the question gives ("lần thứ 11", "25 dịch vụ", "Đề án 06") must be in the
    article (the passage, or where the event is named once for all)."""
    if not analysis.numbers:
        return True
    opening = "\n".join([p for p in article.text.split("\n") if p.strip()][:3])
    near = _bare(_NUMBER.findall(f"{passage} {article.title} {opening}"))
    # an ordinal names the event ("lần thứ 7"): in the passage, or where the article opens
    ordinals = _bare(n for n in analysis.numbers
                     if re.search(rf"\b(?:(?:lan|phien)\s+(?:hop\s+)?(?:thu\s+)?"
                                  rf"|(?:va|hoac)\s+(?:lan\s+|phien\s+)?thu\s+){re.escape(n)}\b",
                                  fold(analysis.text)))
    if analysis.kind == "yesno":  # its figure may be the false claim to correct; its meeting
        return len(ordinals) != 1 or ordinals <= near  # is the one the article is about
    found = _bare(_NUMBER.findall(f"{passage} {article.title} {article.text}"))
    asked = _bare(analysis.numbers)
    if len(ordinals) > 1:  # "phiên họp thứ 9 và thứ 10": each passage gives one of them
        return asked - ordinals <= found and bool(ordinals & near)
    return asked <= found and ordinals <= near


def _bare(numbers) -> set[str]:
    """Figures without leading zeros in their day/month parts ("06/1" is "6/1", "06" is
    "6"), a full date's day and month too, so "6-1-2022" typed finds "06/1/2022", and a rank
    out of a total by itself ("71/193" holds "71", as in "placed 71st")."""
    out = {"/".join(str(int(x)) if x.isdigit() else x for x in n.split("/")) for n in numbers}
    ranks = {a for a, _, b in (n.partition("/") for n in out if n.count("/") == 1)  # "71/193":
             if b.isdigit() and 31 < int(b) < 1900}  # "71" (no day or month over 31)
    return out | ranks | {n.rsplit("/", 1)[0] for n in out if n.count("/") == 2}  # "6/1/2022"


def _weights(terms: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    top = max(idf.values(), default=1.0)
    return {t: idf.get(t, top) for t in set(terms)}


def coverage(weights: dict[str, float], text: str) -> float:
    """Share of the question's weighted terms present in `text`."""
    present = set(tokenize(text, folded=True))
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


_META = frozenset("liet ke tom tat giup minh ban voi the nhi vay oi gon lai cho biet hay ra "
                  "nhung gi nao noi dang chu y noi bat chinh y o ta".split())


def question_weights(analysis: Analysis, idf: dict[str, float]) -> dict[str, float]:
    """idf weights of the question's terms (filler, question words and words that only say
    how to answer, "liệt kê", "tóm tắt", out)."""
    terms = [t for t in tokenize(analysis.text, folded=True, query=True)
             if not any(part in _META for part in t.split("_"))]
    return _weights(terms, idf)


def score_candidates(analysis: Analysis, hits: Sequence[Hit], qvec: np.ndarray | None,
                     sentence_rows: dict[tuple[str, int, int], int],
                     sentence_vectors: np.ndarray | None, idf: dict[str, float],
                     settings: Settings) -> list[Candidate]:
    """Every sentence of the retrieved passages, best answer first (fitting ones first)."""
    weights = question_weights(analysis, idf)
    meeting = " ".join(re.findall(MEETING_NAMED, fold(analysis.text)))  # said of every sentence
    seen: set[tuple[str, int, int]] = set()  # of its article: its opening one has no edge
    out = []
    for hit in hits:
        article = hit.article
        context = coverage(weights, f"{article.title} {hit.chunk.text}")
        numbers_ok = _numbers_ok(analysis, hit.chunk.text, article)
        fold_article = (fold(f"{article.title} {article.source} {article.text}")
                        if set(analysis.entities) - analysis.local else "")
        at_scene = bool(analysis.scene) and set_at(article, analysis)
        for start, end in hit.chunk.sentences:
            key = (article.id, start, end)
            if key in seen:
                continue
            seen.add(key)
            sentence = article.text[start:end]
            row = sentence_rows.get(key)
            dense = (float(sentence_vectors[row] @ qvec)
                     if row is not None and qvec is not None and sentence_vectors is not None
                     else 0.0)
            cov = coverage(weights, f"{sentence} {meeting}" if numbers_ok else sentence)
            t_ok = type_ok(analysis, sentence) and numbers_ok
            e_ok = all(in_scope(e, article, start, end) if e in analysis.local
                       else at_scene if e in analysis.scene
                       else e in fold_article for e in analysis.entities
                       if analysis.kind != "comparison")
            p_ok = _period_ok(analysis, article, start, end)
            similarity = np.clip((dense - settings.dense_floor) / settings.dense_span, 0, 1)
            score = (settings.score_coverage_weight * cov
                     + settings.score_context_weight * context
                     + settings.score_dense_weight * similarity
                     - (0.0 if t_ok else settings.type_mismatch_penalty)
                     - 0.01 * (hit.rank - 1))
            out.append(Candidate(hit, start, end, float(score), cov, dense, t_ok, e_ok, p_ok))
    return sorted(out, key=lambda c: (c.entity_ok, c.type_ok, c.score), reverse=True)
