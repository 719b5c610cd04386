"""Yes/no questions: the verdict ("Đúng.", "Không.", "Chưa.") first, then the evidence; a
false figure gets "Không." and the article's figure."""
from __future__ import annotations

import re

from ... import messages as msg
from ...articles.clean import fold
from ...articles.patterns import NUMBER as _NUMBER
from ...schema import Answer, Hit
from ..absent import measure_absent
from ..compose import Pick
from ..plans import Context, abstain, candidates, contradicts, missing_parts, piece, respond
from ..question import Analysis
from ..registry import Kind, register
from ..words import COUNTED_AS, REQUIRING

__all__ = ["KIND", "plan_yesno", "yes_no_verdict", "only_proposed"]


def plan_yesno(ctx: Context, hits: list[Hit]) -> Answer:
    """The verdict first ("Đúng." / "Không." / "Chưa."), then the evidence; a false figure
    gets "Không." and the article's figure."""
    cands = [c for c in candidates(ctx, hits) if c.entity_ok]
    if not cands or cands[0].score < ctx.threshold:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved,
                       cands[0].score if cands else 0.0, "yesno")
    action = asked_action(ctx.analysis)  # the sentence that speaks of what was done, asked
    best = next((c for c in cands if action and action in fold(c.text)
                 and c.score >= ctx.threshold), cands[0])
    if not best.period_ok:
        return respond(ctx, [Pick(best.hit, best.start, best.end)], hits, best.score,
                       missing=missing_parts(ctx, best), attribute=True)
    if only_proposed(ctx.analysis, best.text):  # "đã được khen thưởng chưa?" - "đề xuất khen"
        return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                       best.score, missing=[msg.NOT_GIVEN_DONE], attribute=True)
    if _no_such_figure(ctx.analysis, best.text) or _some_for_all(ctx.analysis, best.text):
        return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                       best.score, missing=[msg.NOT_GIVEN_FIGURE], attribute=True)
    unlisted = _member_unlisted(ctx.analysis, [c.text for c in candidates(ctx, hits)[:8]])
    absent = measure_absent(ctx.analysis.text, ctx.analysis.local, ctx.analysis.names,
                            best.text, ctx.index.idf)
    if unlisted or absent:  # "X có nằm trong N địa phương …?" / a place's figure not given
        missing = msg.NOT_LISTED if unlisted else msg.NOT_GIVEN_ENTITY.format(entity=absent)
        return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                       best.score, missing=[missing], attribute=True)
    verdict = yes_no_verdict(ctx.analysis, best.text)
    return respond(ctx, [Pick(best.hit, best.start, best.end, piece(ctx, best))], hits,
                   best.score, opening=verdict)


# Whether something happened, asked ("đã … chưa?", "đã có … được … không?"); the action is
# the words after the last "đã"/"được"
_DONE_ASKED = re.compile(r"\b(?:da|duoc)\s+(?:duoc\s+)?((?:(?!khong|chua|ko|nao)\w+\s*){1,2})")
# A sentence that only proposes, requests or plans the action just after it
_PROPOSED = re.compile(rf"\b(?:{REQUIRING}|se|can|ke\s+hoach|giao)\b[^.;]{{0,60}}$")


def asked_action(analysis: Analysis) -> str:
    """What a question asks was done ("đã có tập thể nào được khen thưởng chưa?" -> "khen
    thuong"), folded; empty when it does not ask whether something was done."""
    question = fold(analysis.text)
    if not re.search(r"\bda\b", question):
        return ""
    actions = [m.group(1).strip() for m in _DONE_ASKED.finditer(question)]
    return actions[-1] if actions else ""


# An English question asking a deed done ("have been awarded", "were completed", "received
# awards"), not one asking what was required ("were asked to", "was assigned")
_DONE_EN = re.compile(r"\b(?:(?:have|has|had)\s+(?:\w+\s+)?been|were|was|actually|received"
                      r"|got)\s+(?!(?:asked|required|requested|told|ordered|proposed|urged"
                      r"|assigned|tasked|planned|expected|set|due|supposed)\b)\w+(?:ed|en)\b"
                      r"|\b(?:actually\s+)?received\b")


def only_proposed(analysis: Analysis, sentence: str, typed: str = "") -> bool:
    """The question asks whether something was done and the evidence only proposes, asks for
    or plans it ("đề xuất cấp có thẩm quyền về khen thưởng" for "đã được khen thưởng chưa?").
    An English question (`typed`, as typed) read as its Vietnamese terms: any of them."""
    said = fold(sentence)
    english = typed.isascii() and _DONE_EN.search(typed.lower())
    actions = [asked_action(analysis)] if not english else [
        t for t in (fold(w).strip(" ?") for w in analysis.text.split(",")) if " " in t]
    return any(0 < (at := said.find(a)) and _PROPOSED.search(said[:at]) is not None
               for a in actions if a)


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
    ranks = [int(k) for k in re.findall(r"\b(?:thu|hang)\s+(\d+)\b", said)]  # "top 10": "thứ 7"
    claimed = {n for n in analysis.numbers if not _bound_met(question, n, figures) and not (
        n.isdigit() and re.search(rf"\btop\s+{n}\b", question) and any(k <= int(n) for k in ranks))}
    negative = (claimed and figures and not claimed <= figures) \
        or any(_counts_another(question, said, n) for n in claimed & figures) \
        or contradicts(analysis, sentence) \
        or bool(_NEGATION.search(claim)) != bool(_NEGATION.search(said)) \
        or (_UNIVERSAL.search(claim) is not None and any(
            int(a) < int(b) for a, b in re.findall(r"\b(\d+)/(\d+)\b", sentence)))
    if negative:
        return msg.VERDICT_NOT_YET if asks_yet else msg.VERDICT_NO
    if asks_yet:
        return msg.VERDICT_ALREADY
    return msg.VERDICT_HAS if re.match(r"\s*co\b", question) or " co " in f" {claim} " \
        and not re.search(r"\b(?:dung|phai)\b", question) else msg.VERDICT_YES


def _no_such_figure(analysis: Analysis, sentence: str) -> bool:
    """A share claimed ("100%") when the evidence gives no share at all: it does not speak
    of the measure the question claims."""
    return any(n.endswith("%") or re.search(rf"{re.escape(n)}\s*%", analysis.text)
               for n in analysis.numbers) and "%" not in sentence


_MEMBER = re.compile(r"\b(?:nam\s+trong|thuoc|la\s+mot\s+trong|co\s+(?:ten\s+)?trong)\s+(?:so\s+)?"
                     r"(?:(\d+)\s+|cac\s+|nhung\s+)([^\W\d]+)")


def _member_unlisted(analysis: Analysis, sentences) -> bool:
    """"Tỉnh X có nằm trong số N địa phương … không?" ("… các bộ chưa …", no count) when the
    evidence gives the count ("N địa phương", "11/22 Bộ") but no sentence that gives it names
    the place or body asked."""
    m = _MEMBER.search(fold(analysis.text))
    subjects = sorted(analysis.local) or list(analysis.entities[:1])
    if not m or not subjects:
        return False
    count = rf"{m.group(1)}\s+" if m.group(1) else r"(?:\d+/)?\d+\s+"
    nouns = "|".join(COUNTED_AS.get(m.group(2), (m.group(2),)))  # "52 tỉnh": "52 địa phương"
    counted = [fold(s) for s in sentences if re.search(rf"\b{count}(?:{nouns})\b", fold(s))]
    return bool(counted) and not any(e in s for s in counted for e in subjects)


def _some_for_all(analysis: Analysis, sentence: str) -> bool:
    """All claimed ("đạt tất cả mục tiêu") and the evidence says only "một số" with no count:
    it neither confirms nor denies."""
    said = fold(sentence)
    return (_UNIVERSAL.search(fold(analysis.text)) is not None
            and re.search(r"\b(?:mot\s+so|mot\s+phan|mot\s+vai)\b", said) is not None
            and not re.search(r"\b\d+/\d+\b", sentence))


_SCALE = r"(?:\s+(?:trieu|nghin|ngan|ty|%))?"


def _counted_noun(text: str, figure: str) -> str:
    """The word a figure counts in a folded text ("7 triệu hồ sơ" -> "ho")."""
    m = re.search(rf"(?<![\d.,]){re.escape(figure)}{_SCALE}\s+([^\W\d]+)", text)
    return m.group(1) if m else ""


def _counts_another(question: str, said: str, figure: str) -> bool:
    """The claimed figure is the evidence's, but of another thing ("7 triệu tài khoản"
    claimed, "7 triệu hồ sơ" said while the accounts are another figure)."""
    asked, given = _counted_noun(question, figure), _counted_noun(said, figure)
    return bool(asked and given and asked != given
                and re.search(rf"\d{_SCALE}\s+{asked}\b", said))


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



KIND = register(Kind(
    name="yesno", order=20,
    patterns=(r"^\s*(?:co\s+phai|phai\s+chang|lieu|co\s+dung|dung\s+la|that\s+su)\b",
              r"\b(?:phai|dung|dung\s+vay|that)\s+(?:khong|ko|k)\s*[?.!]*\s*$",
              r"\b(?:khong|ko|chua)\s*[?.!]*\s*$", r"\bco\s+\w+.*\bkhong\s*[?.!]*\s*$",
              # "… (đã) … rồi (hả)?" asking no figure, item or place
              r"^(?!.*\b(?:nhieu|may|nao|gi|ai|sao|dau|j)\b).*\broi\s*\?*\s*$"),
    examples=("Có phải Thông báo lưu trú cao nhất không?",
              "Có phải năm 2024 Việt Nam xếp thứ 86 về Chính phủ điện tử không?",
              "Hải Dương đã ban hành kế hoạch chuyển đổi số chưa?",
              "Việt Nam đã tăng trưởng 2 con số rồi hả?"),
    plan=plan_yesno))
