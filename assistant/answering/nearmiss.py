"""Near misses a plan's answer can still be: the evidence must hold what the question asks.

Checked on every answer after its plan (and the general path), each rule a small function:
- items asked for that the articles only count ("liệt kê 14 bộ, ngành" answered by "có 14
  bộ, ngành ... đã ban hành"), or give as a share ("mục tiêu nào chưa đạt" for "10/11 mục
  tiêu");
- what a person said, when the articles only name the person among those present;
- a group or area narrower than the evidence's (`lexicon.QUALIFIERS`: "ở nông thôn", "tuyến
  huyện") that the cited passages never name;
- a role in a body ("vai trò gì trong Ủy ban Quốc gia …") the roles found never name;
- a cause asked ("vì sao", "điều gì khiến" in any kind but a list or a means) that no cited
  sentence gives (no cause word: do, vì, nhằm, để…);
- how something works asked ("vận hành ra sao") when the first cited sentence only says it
  was launched or deployed;
- the country asked ("cả nước") and a province's figure found;
- a part of a total asked ("riêng khoản …", "trong số … đó", "bao nhiêu là bộ, bao nhiêu
  là tỉnh") when the only figure cited is the total the question gives, or the part asked
  alone ("riêng thành phố …") is never named;
- a name of the question the articles never write ("… so với Campuchia");
- an exact figure, a date, an amount, a ranking, a deed only required, a term only used, the
  measure of a place by its code: what the evidence does not give (`absent`).
The answer then says which part the articles do not give and quotes the nearest fact. (A
comparison's unnamed side is the comparison plan's; another place's sentence, `candidates`.)
"""
from __future__ import annotations

import dataclasses
import re
from typing import Mapping, Sequence

from .. import messages as msg
from ..articles.clean import fold
from ..articles.patterns import SYLLABLE, YEAR as _YEAR
from .compose import Pick
from .causes import names_cause
from .cite import split_marked, strip_attribution
from .lexicon import ENGLISH_NUMBER_WORDS, ENGLISH_TERMS, is_english, number_words, qualifiers
from .absent import (GIVES_DATE, TIME_UNITS, amount_asked, breakdown_absent,
                     day_unconfirmed, day_unsaid, gives_amount, measure_absent,
                     mechanism_unsaid, noun_after, only_part_unnamed, part_not_given,
                     parts_unsplit, required_only, rough_only, superlative_unsaid,
                     term_undescribed)
from .kinds.date import KIND as _DATE
from .kinds.why import KIND as _WHY
from .kinds.yesno import only_proposed
from .names import corpus_bigrams, corpus_folded, corpus_names
from .words import COUNTED_AS
from .plans import Context, candidates, piece, respond
from .question import entity_kind
from .asked import (choice_unsaid, exact_subject_unsaid, money_unsaid, premise_day_unsaid,
                    pilot_only, rank_unsaid, time_unsaid, top_claim_unsaid, after_written,
                    count_unsaid)
from .compared import side_unsaid
from .slots import slot_unsaid
from .shares import part_unfigured, place_unfigured, province_for_nation
from .roles import (body_key, companies_unnamed, deputy_only, holder_not_named, role_body,
                    role_near)
from ..schema import Answer

__all__ = ["check", "counted_only", "asks_speech"]

# A question that asks for the items themselves
_ASKS_ITEMS = re.compile(r"\b(?:liet\s+ke|ke\s+ten|gom|bao\s+gom|la\s+nhung|nhung\s+nao"
                         r"|nhung(?:[\s,]+\w+){1,5}?[\s,]+(?:cu\s+the\s+)?nao|cu\s+the\s+nao"
                         r"|(?:cai|cho|muc\s+tieu|chi\s+tieu|bo|tinh|noi|dia\s+phuong"
                         r"|don\s+vi|nhiem\s+vu)\s+nao|nhung\s+(?:cai\s+)?gi|may\s+cai\s+gi"
                         r"|nhung\s+noi\s+nao|(?:tom\s+tat|summar\w*\s+(?:of\s+)?(?:the\s+)?)\s*(?:(?:cac"
                         r"|nhung|noi\s+dung|ve)\s+){0,2}(?:\d+|" + "|".join(ENGLISH_NUMBER_WORDS)
                         + r")\s+(?!thang|nam|ngay|years?|months?)[^\W\d]+"
                         r"|(?:muc|chi)\s+tieu(?:\s+[^\W\d]+){1,4}\s+nao"
                         r"|la\s+(?:muc|chi)\s+tieu\s+gi"
                         r"|tung\s+\w+(?:\s+\w+)?\s+la\s+gi|cu\s+the\s+(?:la\s+)?(?:nhung\s+)?gi"
                         r"|ten\s+(?:la\s+)?gi|ten\s+(?:cua\s+)?(?:nhung|cac|may)"
                         r"|what\s+(?:exactly\s+)?(?:are|were)\s+(?:the|those|these)|which\s+\w+|name\s+the"
                         r"|list\s+the|so\s+may|so\s+hieu|name\s+(?:each\s+of\s+|all\s+of\s+)?(?:the|those"
                         r"|these|them)|what\s+are\s+they)\b")
# What a person said: asked with a speech verb and "gì"
_SPEECH_ASKED = re.compile(r"\b(?:tom\s+tat|noi\s+dung)\s+(?:phan\s+|bai\s+)?(?:phat\s+bieu"
                           r"|y\s+kien)\b|\b(?:noi|phat\s+bieu|de\s+nghi|de\s+xuat|kien\s+nghi|chia\s+se"
                           r"|nhan\s+manh|cho\s+biet|bao\s+cao)\b(?:[\s,]+[\w/]+){0,9}?[\s,]+(?:gi|nhung\s+gi"
                           r"|nhu\s+the\s+nao|ra\s+sao)\b")
_SPEECH = re.compile(r"\b(?:noi|phat\s+bieu|de\s+nghi|de\s+xuat|kien\s+nghi|chia\s+se|nhan\s+manh"
                     r"|cho\s+biet|bao\s+cao|khang\s+dinh|yeu\s+cau|neu\s+ro|ket\s+luan"
                     r"|trao\s+doi)\b")


# The noun of the items a question asks ("những doanh nghiệp nào", "tên mấy sản phẩm OCOP")
_ASKED_NOUN = re.compile(r"\b(?:ten\s+(?:cua\s+)?)?(?:nhung|cac|may)\s+(?:cai\s+)?"
                         r"([^\W\d]+\s+[^\W\d]+)")


def _noun(noun: str) -> str:
    """A folded noun as a pattern that allows the comma the articles write ("bộ, ngành")."""
    return r",?\s+".join(map(re.escape, noun.split()))


def _item_lines(said: str, kept: Sequence[bool] = ()) -> int:
    """Lines of a listed answer that may name items (not one opening on a figure, "- 1.200 hộ
    …", or on a word that adds another fact, "- Ngoài ra, …"); with `kept` (per line of
    `said`), only the lines kept."""
    lines = said.split("\n")
    return len([line for i, line in enumerate(lines) if re.match(r"-\s+", line)
                and (not kept or kept[i]) and not re.match(
                    r"-\s+\W*(?:\d|ngoai\s+ra|ben\s+canh\s+do|dong\s+thoi)", line)])


# How far after a count its items may still be written (characters of its article)
_ITEMS_WITHIN = 1500


def _same_article(answer: str, said: str, at: int,
                  sources: Mapping[int, tuple[str, int]]) -> list[bool]:
    """Per line of the answer: whether it cites a sentence written after the count's own
    (the line holding `at`), close to it in the same article: the items of a count follow
    it there, not in another article or paragraph."""
    cited = [sources.get(int(m.group(1))) if (m := re.search(r"\[(\d+)\]", line)) else None
             for line in answer.split("\n")]
    own = cited[said[:at].count("\n")] if cited else None
    return [bool(c and own and c[0] == own[0] and 0 < c[1] - own[1] <= _ITEMS_WITHIN)
            for c in cited]


def counted_only(question: str, numbers: frozenset[str], answer: str,
                 passages: str = "", sources: Mapping[int, tuple[str, int]] | None = None
                 ) -> bool:
    """The question asks for items the answer's sentence only counts: "N <noun>" (the count
    the question gives, in figures or words, or any count of the noun it asks for) or "a/b
    <noun>" stands in the answer with no items after it (a colon or "gồm", "là", "như" and
    two more), and the answer lists no lines of items either."""
    q = fold(question)
    if not _ASKS_ITEMS.search(q):
        return False
    said = fold(re.sub(r"\[\d+\]", " ", answer))
    focus = set(re.findall(r"\w+", q))
    counts = [n for n in numbers if not _YEAR.fullmatch(n) and n.isdigit() and int(n) >= 2
              and noun_after(q, n) not in ("", *TIME_UNITS) and not re.search(  # "Đề án 06"
                  rf"\b(?:an|quyet|dinh|thu|lan|so|ngay|thang|nam|hop|luat|chi\s+thi)\s+"
                  rf"{re.escape(n)}\b", q)] + sorted(number_words(question))
    spots = [(m, int(n)) for n in counts  # the count asked, not a span of time
             for m in re.finditer(rf"(?<![\d/.,]){re.escape(n)}\s+(\w+)", said)
             if m.group(1) not in TIME_UNITS]
    if counts and not spots and passages:  # the count asked is in the passages read only
        said, sources = fold(passages), None
        spots = [(m, int(n)) for n in counts
                 for m in re.finditer(rf"(?<![\d/.,]){re.escape(n)}\s+{noun_after(q, n)}\b",
                                      said)]
        typed = [n for n in counts if n in numbers]  # a count typed as a figure is nowhere:
        if typed and not any(re.search(rf"(?<![\d/.,]){re.escape(n)}(?![\d/]|[.,]\d)", said)
                             for n in typed):  # what was found is not what it counts
            return True
    nouns = _ASKED_NOUN.findall(q) + [w for w in re.findall(r"\b(\w+)\s+nao\b", q)
                                      if w in COUNTED_AS and re.search(rf"\bmay\s+{w}\b", q)]
    # ("Mấy bộ chưa … là bộ nào?": "12 bộ, ngành chưa …")
    nouns += [fold(ENGLISH_TERMS[w]) for w in re.findall(r"\bwhich\s+(\w+)", q)
              if w in ENGLISH_TERMS]  # "Which ministries are they?": "12 bộ, ngành"
    spots += [(m, int(re.sub(r"\D", "", m.group(1))))
              for noun in nouns  # "những bộ ngành": "12 bộ, ngành"
              for m in re.finditer(rf"(?<![\d/.,])(\d[\d.]*)\s+{_noun(noun)}\b", said)]
    spots += [(m, int(m.group(2)) - int(m.group(1)))  # "51/63 địa phương" for "tỉnh nào"
              for m in re.finditer(r"\b(\d+)/(\d+)\s+(\w+)", said)
              if int(m.group(1)) < int(m.group(2)) and (m.group(3) in focus or any(
                  m.group(3) in COUNTED_AS.get(noun.split()[0], ())
                  for noun in _ASKED_NOUN.findall(q)))]
    for m, size in spots:  # the items follow it ("3 doanh nghiệp: A, B và C"), not another
        rest = re.split(r"[.!?]\s|\n|\d", said[m.end():])[0]  # count or the sentence's verb
        listed = re.search(r":|\b(?:gom|(?<!nhat\s)la|nhu)\b", rest) and len(
            re.findall(r"[,;]|\bva\b", rest)) >= 2
        kept = _same_article(answer, said, m.start(), sources) if sources else []
        after = said.count("\n", 0, m.end()) + 1  # the lines after the count's own
        if not listed and _item_lines("\n".join(said.split("\n")[after:]),
                                      kept[after:]) < min(size, 3):
            return True
    return False


def asks_speech(question: str) -> bool:
    return _SPEECH_ASKED.search(fold(question)) is not None


# Who speaks for a place ("đại biểu Sóc Trăng", "Chủ tịch UBND tỉnh …")
_DELEGATE = re.compile(r"\b(?:dai\s+dien|dai\s+bieu|lanh\s+dao|chu\s+tich|giam\s+doc|bi\s+thu)\b")


def _speaks(person: str, text: str) -> bool:
    """The person is said to speak in the text: a speech verb within a few words of the name
    (before a closing quote: "…, theo tinh thần chỉ đạo của X”, Thủ tướng yêu cầu" is not X's)."""
    folded = fold(text)
    for m in re.finditer(rf"\b{re.escape(person)}\b", folded):
        if _SPEECH.search(re.split(r"[”\"]", folded[m.end(): m.end() + 90])[0]) or re.search(
                r"\btheo\s+(?:\w+\s+){0,4}$", folded[max(0, m.start() - 40):m.start()]):
            return True
    return False


def _as_typed(folded: str, analysis) -> str:
    """A folded phrase as the question wrote it (same offsets in the folded question)."""
    at = fold(analysis.text).find(folded)
    return analysis.text[at:at + len(folded)] if at >= 0 else folded


_VERDICT_LEAD = "^(?:" + "|".join(re.escape(v) for v in msg.VERDICTS) + r")\s+"


def _first_sentence(answer: Answer, about: str = "") -> tuple[str, set[int]]:
    """The answer's first cited sentence (the first that holds `about`, a folded pattern,
    when one does) and its markers."""
    pieces = re.findall(r".*?\[\d+\]", answer.text, flags=re.S)
    m = next((p for p in pieces if about and re.search(about, fold(p))), None) or (
        pieces[0] if pieces else answer.text)
    shown = re.sub(_VERDICT_LEAD, "", m.strip().lstrip("- ").strip())  # no "Không." before it
    return shown, {int(n) for n in re.findall(r"\[(\d+)\]", shown)}


def _fit(asked: str, quote: str, idf: Mapping[str, float]) -> float:
    """How well a sentence fits the question (folded): the idf of the words they share."""
    return sum(idf.get(w, 0.0) for w in set(re.findall(r"\w+", asked))
               & set(re.findall(r"\w+", fold(quote))))


def _near(answer: Answer, missing: str, about: str = "") -> Answer:
    shown, used = _first_sentence(answer, about)
    citations = tuple(c for c in answer.citations if c.n in used)
    text = f"{missing} {msg.INSTEAD_INTRO} {shown}" if citations else missing
    return dataclasses.replace(answer, text=text, citations=citations, missing=(missing,),
                               abstained=not citations)


def _spoken(ctx: Context, hits, person: str) -> Answer | None:
    """The sentences of the retrieved passages where the person speaks, as the answer."""
    said = [c for c in candidates(ctx, ctx.more(hits))
            if c.type_ok and _speaks(person, c.text) and person in fold(c.text)][:2]
    if not said:
        return None
    said.sort(key=lambda c: (c.hit.rank, c.start))
    return respond(ctx, [Pick(c.hit, c.start, c.end, piece(ctx, c)) for c in said], hits,
                   said[0].score)


# Words the question quotes ("Very high", 'Very high'; not the "'s" of "Singapore's")
_QUOTED = re.compile(r"[\"“]([^\"”]*)[\"”]|(?<!\w)['‘]([^'’]*)['’](?!\w)")
# A date asked in any kind of question ("giữ chức từ năm nào?")
_DATE_ASKED = "|".join(_DATE.patterns)


def check(ctx: Context, hits, answer: Answer) -> Answer:
    """The answer, or the near miss it is (see the module)."""
    if answer.abstained or answer.missing:
        return answer
    analysis = ctx.analysis
    said = fold(" ".join(f"{c.passage} {c.quote} {c.title}" for c in answer.citations))
    for qualifier in qualifiers(analysis.text):  # "ở nông thôn": the group asked, only
        if not re.search(rf"\b{qualifier}\b", said) and not re.search(  # (a breakdown by it:
                rf"\b(?:tung|moi|theo|cac)\s+{qualifier}\b", fold(analysis.text)):  # see below)
            return _near(answer, msg.NOT_GIVEN_ENTITY.format(
                entity=_as_typed(qualifier, analysis)))
    elsewhere = [p for p in sorted(analysis.local & corpus_names(ctx.index).places)
                 if not re.search(rf"\b{re.escape(p)}\b", said)]
    if elsewhere and answer.citations:  # "riêng tỉnh Sóc Trăng": no passage cited names it
        return _near(answer, msg.NOT_GIVEN_ENTITY.format(entity=_as_typed(elsewhere[0],
                                                                          analysis)))
    quoted = " ".join(" ".join(m.groups(default="")) for m in _QUOTED.finditer(ctx.question))
    unknown = [m.group(1) for m in re.finditer(r"(?:^|(?<![.?!:;])\s)([^\W\d_][^\W\d_]{2,})\b",
                                               analysis.text)  # (opening the text: no syllable)
               if (w := m.group(1))[0].isupper() and w[1:].islower() and fold(w) not in
               ctx.index.idf and w not in quoted and (m.start(1) or not SYLLABLE.fullmatch(
                   fold(w)) and w.lower() not in ENGLISH_TERMS)]
    unknown += [w for w in re.findall(r"(?<![\w&])([A-ZĐ]{3,})(?![\w&])", analysis.text)
                if fold(w).lower() not in ctx.index.idf and w not in quoted]  # "GRDP"
    if unknown:  # "… so với Singapore": a name the articles never write
        return _near(answer, msg.NOT_GIVEN_ENTITY.format(entity=unknown[0]))
    body = role_body(analysis.text)
    people = [e for e in analysis.entities if entity_kind(e) == "person"]
    if body and people and body_key(body) and not role_near(people[0], body_key(body),
                                                                answer):
        name = next((n for n in analysis.names if fold(n) == people[0]), people[0].title())
        return _near(answer, msg.NOT_GIVEN_ROLE.format(person=name, body=body))
    quotes = " ".join(c.quote for c in answer.citations)
    deputy = deputy_only(analysis.text, quotes) or deputy_only(ctx.question, quotes) or \
        holder_not_named(analysis.text, quotes)  # (in English: "Who heads …?")
    if deputy:  # "Chủ tịch UBND tỉnh là ai?" answered by its Phó Chủ tịch, or no director
        return _near(answer, msg.NOT_GIVEN_HOLDER.format(role=_as_typed(deputy, analysis)))
    if analysis.kind != "list" and (term := term_undescribed(
            ctx.question, corpus_folded(ctx.index), corpus_names(ctx.index).names)):  # only used
        return _near(answer, msg.NOT_GIVEN_DEFINITION.format(term=_as_typed(term, analysis)))
    if (analysis.kind == "why" or analysis.kind not in ("list", "how", "yesno") and any(
            re.search(p, fold(analysis.text)) for p in _WHY.patterns)) and answer.citations \
            and not names_cause(analysis.text, answer,
                                frozenset(analysis.entities) | analysis.numbers):
        return _near(answer, msg.NOT_GIVEN_CAUSE)
    english = is_english(ctx.question)  # an English question's own words, not its glosses
    asked_text = ctx.question if english else analysis.text
    asked = fold(ctx.question if english else f"{ctx.question} {analysis.text}")
    first = _first_sentence(answer)[0] if answer.citations else ""
    if analysis.kind not in ("yesno", "comparison", "summary", "definition") and first \
            and mechanism_unsaid(asked, first, fold(analysis.text)):
        return _near(answer, msg.NOT_GIVEN_HOW)  # "vận hành ra sao?": only its launch is said
    units = set(re.findall(r"\b(?:bao\s+nhieu|may|nhieu)\s+(\w+)", asked)) | analysis.counted
    fit = lambda quote: _fit(f"{asked} {fold(analysis.text)}", quote, ctx.index.idf)  # noqa: E731
    counting = max((c.quote for c in answer.citations if any(  # the sentence of the unit
        re.search(rf"\b{w}\b", fold(c.quote)) for w in units)),  # asked ("mấy tỷ") that
        key=fit, default=max((c.quote for c in answer.citations), key=fit,  # fits it best
                             default=first))
    if first and (superlative_unsaid(ctx.question, first) if analysis.kind != "yesno" else
                  top_claim_unsaid(ctx.question, quotes)):  # "có phải … cao nhất không?"
        return _near(answer, msg.NOT_GIVEN_TOP)  # "tỉnh nào đứng đầu?": no ranking is given
    if first and rough_only(f"{asked} {fold(analysis.text)}", counting, analysis.numbers,
                            units):  # "chính xác" - "hàng nghìn"
        return _near(answer, msg.NOT_GIVEN_EXACT)
    verdicts = (msg.VERDICT_YES, msg.VERDICT_HAS, msg.VERDICT_ALREADY)  # (or none at all)
    if first and required_only(asked, first, analysis.kind == "yesno" and (answer.text.startswith(
            verdicts) or not answer.text.startswith((msg.VERDICT_NO, msg.VERDICT_NOT_YET))),
            analysis.numbers,
            analysis.kind == "yesno" and answer.text.startswith(msg.VERDICT_NOT_YET)):
        return _near(answer, msg.NOT_GIVEN_DONE)  # "đã hoàn thành chưa?" - "sớm hoàn thành"
    if analysis.kind == "yesno" and first and (
            day_unconfirmed(analysis.text, quotes) or premise_day_unsaid(ctx.question, quotes)
            or after_written(analysis.text, [c.date for c in answer.citations])):
        return _near(answer, msg.NOT_GIVEN_DATE)  # "có phải họp hôm 9/1 không?": no day said
    if missing := slot_unsaid(analysis.kind, analysis.text, first, " ".join(
            c.passage for c in answer.citations), corpus_bigrams(ctx.index),
            ctx.settings.deed_pairs):
        return _near(answer, missing)  # the date or the person found is another event's
    shown = fold(" ".join(strip_attribution(sentence.lstrip("- "))  # without its markers
                          for sentence, _ in split_marked(answer.text)))  # and sources
    if first and analysis.kind not in ("yesno", "comparison", "summary") and amount_asked(
            ctx.question, asked) and not gives_amount(shown, asked):
        return _near(answer, msg.NOT_GIVEN_AMOUNT)  # "chiếm nhiêu?": no figure in the answer
    if first and (exact_subject_unsaid(ctx.question, shown, corpus_bigrams(ctx.index)) or
                  money_unsaid(asked, shown) or count_unsaid(analysis, first)):
        return _near(answer, msg.NOT_GIVEN_AMOUNT)  # "chính xác", "nhiêu tiền?", what is counted
    if first and pilot_only(f"{ctx.question} {analysis.text}", quotes):
        return _near(answer, msg.NOT_GIVEN_PILOT)  # "chính thức toàn quốc": "thí điểm"
    if first and rank_unsaid(ctx.question, shown):
        return _near(answer, msg.NOT_GIVEN_TOP)  # "where did … rank?": "tăng 9 bậc"
    if first and choice_unsaid(f"{ctx.question} {analysis.text}", quotes):
        return _near(answer, msg.NOT_GIVEN_DATE)  # "tháng 12/2024 hay tháng 1/2025?"
    if first and (period := time_unsaid(ctx.question, shown, " ".join(
            "/".join(reversed(c.date.split("-"))) for c in answer.citations))):
        return _near(answer, msg.NOT_GIVEN_PERIOD.format(period=_as_typed(period, analysis)))
    if first and (side := side_unsaid(f"{ctx.question} {analysis.text}", shown)):
        typed = _as_typed(side, analysis)  # "năm trước", "cuối 2022", "kho dữ liệu đất đai"
        return _near(answer, msg.NOT_GIVEN_SIDE.format(side=typed[:1].upper() + typed[1:]))
    if first and (analysis.kind == "date" or re.search(_DATE_ASKED, asked)) \
            and not GIVES_DATE.search(shown) or first and day_unsaid(fold(ctx.question), shown):
        return _near(answer, msg.NOT_GIVEN_DATE)  # "từ năm nào?": no date in the answer
    dimension = breakdown_absent(analysis.text, said) if first else ""
    if dimension:  # "phân bổ theo từng huyện": no passage cited speaks of districts
        return _near(answer, msg.NOT_GIVEN_BREAKDOWN.format(
            dimension=_as_typed(dimension, analysis)))
    if first and analysis.kind not in ("yesno", "comparison", "summary") and only_proposed(
            analysis, first, ctx.question):  # "tập thể nào đã được khen thưởng?" - "đề xuất"
        return _near(answer, msg.NOT_GIVEN_DONE)
    place = measure_absent(analysis.text, analysis.local, analysis.names, first,
                           ctx.index.idf) if first else ""
    if place:  # "tài khoản VNeID của Nghệ An": the sentence on Nghệ An never names VNeID
        return _near(answer, msg.NOT_GIVEN_ENTITY.format(entity=place))
    if answer.citations and not analysis.local and (nation := province_for_nation(
            analysis.text, answer.citations[0].quote, corpus_names(ctx.index).places)):
        return _near(answer, msg.NOT_GIVEN_ENTITY.format(entity=_as_typed(nation, analysis)))
    passages = " ".join(c.passage for c in answer.citations)
    if not analysis.ordinal and counted_only(asked_text, analysis.numbers, answer.text, passages,
                                             {c.n: (c.article_id, c.start)
                                              for c in answer.citations}):
        counts = sorted(analysis.numbers | number_words(asked_text))
        return _near(answer, msg.NOT_LISTED, rf"(?<![\d.,])(?:{'|'.join(map(re.escape, counts))})"
                     rf"\s+(?!(?:{'|'.join(TIME_UNITS)})\b)[^\W\d]" if counts else "")
    total = part_not_given(analysis.text, analysis.numbers, quotes, passages) or parts_unsplit(
        analysis.text, analysis.numbers, quotes, passages)
    if total and analysis.kind != "yesno":
        return _near(answer, msg.NOT_GIVEN_PART.format(total=total))
    if analysis.kind != "yesno" and (parts := part_unfigured(asked_text, quotes)):
        return _near(answer, msg.NOT_GIVEN_BREAKDOWN.format(  # "bao nhiêu là X, bao nhiêu
            dimension=" và ".join(_as_typed(p, analysis) for p in parts)))  # là Y": not split
    if analysis.kind != "yesno" and companies_unnamed(asked_text, quotes):  # "công ty nào"
        return _near(answer, msg.NOT_LISTED)
    place = place_unfigured(asked, sorted(analysis.local & corpus_names(ctx.index).places), [
        c.quote for c in answer.citations]) if analysis.kind not in (
        "yesno", "comparison", "summary") and amount_asked(ctx.question, asked) else ""
    if place:  # "Riêng Sóc Trăng được cấp nhiêu?": the sentence on it gives no figure
        return _near(answer, msg.NOT_GIVEN_ENTITY.format(entity=_as_typed(place, analysis)))
    if only := only_part_unnamed(analysis.text, quotes):  # "riêng thành phố …": never named
        return _near(answer, msg.NOT_GIVEN_ENTITY.format(entity=_as_typed(only, analysis)))
    speakers = people or [e for e in analysis.local if analysis.kind == "yesno"
                          and _DELEGATE.search(fold(analysis.text))]
    if analysis.kind == "yesno" and speakers and _SPEECH.search(fold(analysis.text)) and \
            not _speaks(speakers[0], quotes):  # "Sóc Trăng có phát biểu không?"
        name = next((n for n in analysis.names if fold(n) == speakers[0]), speakers[0].title())
        return _near(answer, msg.NOT_SAID.format(person=name))
    delegates = _DELEGATE.search(fold(analysis.text)) is not None  # "Chủ tịch tỉnh Sóc Trăng",
    people = people or ([e for e in analysis.entities if e in analysis.local  # "đại diện Bộ Y tế"
                         or e not in corpus_names(ctx.index).places]
                        if delegates and asks_speech(analysis.text) else [])
    if people and asks_speech(analysis.text):
        if not _speaks(people[0], quotes):
            spoken = _spoken(ctx, hits, people[0])
            if spoken is not None and not spoken.abstained:
                return spoken
            name = next((n for n in analysis.names if fold(n) == people[0]), people[0].title())
            return _near(answer, msg.NOT_SAID.format(person=name))
    return answer
