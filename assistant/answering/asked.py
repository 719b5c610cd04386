"""What some questions pin down that the answer shown must hold, for the near-miss check
(`nearmiss.check`): money asked ("đỡ tốn nhiêu tiền", "how much money") needs a sum of money;
a date offered as a choice ("tháng 12/2024 hay tháng 1/2025?") needs one of the dates offered;
a time a figure is asked at ("tới cuối tháng 12/2024 thì cấp được bao nhiêu?") needs that time
written or the cited article dated then; a day asked as a premise ("thông qua ngày 22/6/2023
đúng không?") needs a day in the answer to confirm or deny it; a rank asked ("xếp thứ mấy",
"where did … rank") needs a rank shown; an exact figure asked ("tăng chính xác bao nhiêu
phần trăm") needs a sentence about what is measured; a deed asked as done in full ("chính thức",
"toàn quốc", "nationwide") is not confirmed by a pilot ("thí điểm").
Table tests in tests/answering/test_asked.py."""
from __future__ import annotations

import re

from .. import messages as msg
from ..articles.clean import fold
from .absent import DAY, RANKS
from .words import COUNTED_AS, SIZE_WORDS

__all__ = ["money_unsaid", "choice_unsaid", "time_unsaid", "premise_day_unsaid",
           "rank_unsaid", "exact_subject_unsaid", "pilot_only", "top_claim_unsaid",
           "after_written", "count_unsaid"]

# Money asked: "bao nhiêu tiền", "nhiêu tiền", "số tiền … bao nhiêu", "how much money"
_MONEY_ASKED = re.compile(r"\b(?:bao\s+)?nhieu\s+tien\b|\bso\s+tien\b.*\bbao\s+nhieu\b"
                          r"|\b(?:bao\s+)?nhieu\s+(?:ty|trieu)\s+dong\b|\bkinh\s+phi\b.*\bbao\s+nhieu\b"
                          r"|\bhow\s+much\s+(?:money|funding|budget"
                          r"|was\s+(?:paid|spent|saved|allocated))\b")
# A sum of money: "500 tỷ đồng", "hàng nghìn tỷ đồng", "2 triệu USD", "1.200 tỷ"
_MONEY = re.compile(r"\b(?:dong|usd|vnd)\b|\d\s*(?:nghin|trieu|ty)\b|\bhang\s+(?:nghin|trieu|ty)\b")


def money_unsaid(question: str, shown: str) -> bool:
    """Money is asked (`question` as typed) and the answer shown (`shown`) gives no sum."""
    return _MONEY_ASKED.search(fold(question)) is not None and not _MONEY.search(fold(shown))


# A date, folded: "tháng 12/2024", "ngày 6/2", "12/2024", "năm 2025"
_DATE = r"(?:(?:ngay|thang|nam)\s+\d{1,4}(?:/\d{1,4}){0,2}|\d{1,2}/\d{1,4}(?:/\d{2,4})?)"
_CHOICE = re.compile(rf"\b({_DATE})\s+hay\s+(?:la\s+)?({_DATE})\b")


def choice_unsaid(question: str, quotes: str) -> bool:
    """Two dates offered as a choice ("ra đời tháng 12/2024 hay tháng 1/2025?") and neither
    written in the cited sentences (`quotes`): the articles do not say which."""
    m = _CHOICE.search(fold(question))
    if not m or not all(re.search(r"\d", g) for g in m.groups()):
        return False
    said = fold(quotes)
    figures = [re.sub(r"^(?:ngay|thang|nam)\s+", "", g) for g in m.groups()]
    return not any(re.search(rf"(?<![\d/]){re.escape(f)}(?![\d])", said) for f in figures)


# A time a figure is asked at: "tới (cuối) tháng 12/2024", "tính đến 30/6/2024", "as of 4/2024"
_AT = re.compile(r"\b(?:den|toi|qua|sau|tinh\s+den|het|as\s+of|by|after)\s+(?:han\s+|ngay\s+"
                 r"|cuoi\s+|het\s+|the\s+end\s+of\s+)?(?:thang\s+)?(\d{1,2})\s*[/-]\s*(\d{4}|\d{1,2})"
                 r"(?:\s*[/-]\s*(\d{4}))?")


def time_unsaid(question: str, shown: str, dates: str = "") -> str:
    """The time (folded) a figure is asked at in `question` that neither the answer `shown`
    nor the cited articles' `dates` ("24/4/2024 …") write (for a month, its number and year
    anywhere in them), or asked after a day ("sau hạn 20-7-2024") the answer only gives as a
    deadline ("trước ngày 20/7/2024"), or ""."""
    m = _AT.search(fold(question))
    if not m:
        return ""
    a, b, year = m.groups()
    said = re.sub(r"\s*([/-])\s*", r"\1", fold(f"{shown} {dates}"))
    day = rf"(?:ngay\s+|han\s+)?0?{a}[/-]0?{b}(?!\d)"
    if re.match(r"(?:sau|qua|after)\b", m.group(0)) and re.search(rf"\btruoc\s+{day}", said) \
            and not re.search(rf"\b(?:sau|qua|tu)\s+{day}", said):
        return msg.AFTER_DAY.format(day="/".join(x for x in (a, b, year) if x))  # a deadline
    if re.search(rf"(?<!\d)0?{a}[/-]0?{b}(?!\d)", said) or year and re.search(
            rf"(?<!\d)0?{b}[/-]{year}(?!\d)", said) or re.search(
            rf"\b(?:ngay\s+)?0?{a}\s+thang\s+0?{b}\b", said):
        return ""
    if len(b) == 4 and b in said and re.search(rf"(?<![\d.,/]){int(a)}(?![\d.,])", said):
        return ""
    return m.group(0)


# A day asked as a premise of a yes/no question: "ngày 22/6/2023", "hôm 9/1", "on 6/2"
_PREMISE_DAY = re.compile(r"\b(?:ngay|hom|on|vao)\s+\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?"
                          r"|\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\b")


def premise_day_unsaid(question: str, shown: str) -> str:
    """The day (folded) a yes/no `question` states that the answer `shown` cannot confirm or
    deny, since it writes no day at all, or ""."""
    m = _PREMISE_DAY.search(fold(question))
    return m.group(0) if m and not DAY.search(fold(shown)) else ""


# A rank asked ("xếp thứ mấy", "đứng thứ bao nhiêu", "vị trí nào", "where did … rank")
_RANK_ASKED = re.compile(r"\b(?:xep\s+(?:thu|hang)\s+(?:may|bao\s+nhieu|nao|the\s+nao|ra\s+sao)"
                         r"|dung\s+thu\s+(?:may|bao\s+nhieu)|thu\s+hang\s+(?:may|bao\s+nhieu|nao)"
                         r"|hang\s+(?:may|bao\s+nhieu)|vi\s+tri\s+(?:nao|thu\s+may|bao\s+nhieu)"
                         r"|(?:what|which)\s+(?:\w+\s+)?(?:rank|place|position|ranking)"
                         r"|where\s+did\s+\w+(?:\s+\w+)?\s+rank|ranked?\s+(?:where|what))\b")
# A rank given: "thứ 7", "71/193", "vị trí 71", "top 10", "đứng đầu", "nhanh nhất" (not "tốt
# nhất" of "tạo điều kiện tốt nhất", nor "thống nhất")
_RANK_SAID = re.compile(r"\b(?:thu\s+\d+|\d+/\d+|vi\s+tri\s+(?:thu\s+)?\d+|top\s+\d+|dung\s+dau"
                        r"|dan\s+dau|xep\s+(?:thu|hang)\s+\d+|hang\s+\d+"
                        r"|(?:cao|thap|nhanh|cham|lon|nhieu|it|manh|dau)\s+nhat)\b")


def rank_unsaid(question: str, shown: str) -> bool:
    """A rank is asked (`question` as typed) and the answer `shown` gives none ("tăng 9 bậc"
    is a move, not a rank)."""
    return _RANK_ASKED.search(fold(question)) is not None and not _RANK_SAID.search(fold(shown))


# An exact figure asked: "chính xác", "cụ thể", "đúng bao nhiêu", "exact", "precise"
_EXACT = re.compile(r"\b(?:chinh\s+xac|cu\s+the|dung\s+(?:bao\s+)?nhieu|exact(?:ly)?"
                    r"|precise(?:ly)?|chi\s+tiet)\b")
# Word pairs of the asking itself, not of what is measured
_ASKING = frozenset({"bao nhieu", "phan tram", "chinh xac", "cu the", "con so", "la bao",
                     "dung bao", "nhieu phan", "so cu", "chi tiet"})


def exact_subject_unsaid(question: str, shown: str, bigrams: frozenset[str]) -> bool:
    """An exact figure is asked (`question` as typed) and the answer `shown` writes at most a
    third of the word pairs of the question that the articles also write (`bigrams`, folded):
    its sentence measures something else, so the exact figure is not given."""
    q = fold(question)
    if not _EXACT.search(q):
        return False
    words = re.findall(r"[^\W\d_]+", q)
    pairs = [p for a, b in zip(words, words[1:])
             if (p := f"{a} {b}") in bigrams and p not in _ASKING]
    said = fold(shown)
    return bool(pairs) and sum(p in said for p in pairs) < len(pairs) / 3


# A deed asked as done in full: officially, or across the country
_IN_FULL = re.compile(r"\b(?:chinh\s+thuc|toan\s+quoc|ca\s+nuoc|dai\s+tra|officially|official"
                      r"|nationwide|across\s+the\s+country|whole\s+country|all\s+provinces)\b")
_PILOT = re.compile(r"\b(?:thi\s+diem|pilot\w*|trial)\b")


def pilot_only(question: str, quotes: str) -> bool:
    """A deed is asked as done in full (`question` as typed: "đã vận hành chính thức trên toàn
    quốc chưa?") and the cited sentences (`quotes`) only pilot it, when the question itself
    speaks of no pilot."""
    q = fold(question)
    return (_IN_FULL.search(q) is not None and _PILOT.search(q) is None
            and _PILOT.search(fold(quotes)) is not None)


# A yes/no question claiming the top of a ranking: "có phải … cao nhất cả nước không?"
_TOP_CLAIM = re.compile(r"\b(?:(?:cao|thap|nhieu|it|nhanh|cham|lon|tot|som|muon)\s+nhat"
                        r"|(?<!nguoi\s)dung\s+dau"
                        r"|dan\s+dau|dung\s+thu\s+nhat|so\s+1|highest|lowest|most|fastest"
                        r"|first\s+in\s+the\s+country|top)\b")


def top_claim_unsaid(question: str, sentence: str) -> bool:
    """A yes/no `question` claims the top of a ranking ("Đà Nẵng có tỷ lệ cao nhất cả nước?")
    and the `sentence` found ranks nothing: neither yes nor no can be read from it."""
    return _TOP_CLAIM.search(fold(question)) is not None and not RANKS.search(
        " ".join(sentence.lower().split())) and not _RANK_SAID.search(fold(sentence))


# A deed asked as done by a time: "trước cuối năm 2024", "đến tháng 12/2024", "by the end of 2024"
_BY_TIME = re.compile(r"\b(?:truoc|den|toi|tinh\s+den|by|before)\s+(?:(?:het|cuoi|the\s+end\s+of)"
                      r"\s+)?(?:(?:nam|thang)\s+)?(?:(\d{1,2})\s*/\s*)?((?:19|20)\d\d)\b")
_DONE_ASKED = re.compile(r"\b(?:da|xong|hoan\s+thanh|chua|already|completed?|finished|done)\b")


def after_written(question: str, dates: list[str]) -> bool:
    """A yes/no `question` asks whether something was done by a month or year later than
    every cited article was written (`dates`, ISO): the articles cannot tell."""
    q = fold(question)
    m = _BY_TIME.search(q)
    if not m or not _DONE_ASKED.search(q):
        return False
    asked = (int(m.group(2)), int(m.group(1)) if m.group(1) else 12)
    written = [(int(d[:4]), int(d[5:7])) for d in dates if re.match(r"\d{4}-\d{2}", d or "")]
    return bool(written) and all(w < asked for w in written)


# What "bao nhiêu" / "mấy" counts, its first two words (folded): "bao nhiêu tài khoản"
_COUNT_NOUN = re.compile(r"\b(?:bao\s+nhieu|may)\s+(\w+)(?:\s+(\w+))?")


def count_unsaid(analysis, sentence: str) -> bool:
    """A place's count of something asked ("Nghệ An có bao nhiêu tài khoản?") and the
    `sentence` shown on that place never names what is counted ("10/11 mục tiêu" is no
    account): that place's figure is not given."""
    m = _COUNT_NOUN.search(fold(analysis.text))
    said = fold(sentence)
    if not m or analysis.kind != "number" or m.group(1) not in analysis.counted or not any(
            re.search(rf"\b{re.escape(p)}\b", said) for p in analysis.local):
        return False
    first, noun = m.group(1), " ".join(w for w in m.groups() if w)
    kin = COUNTED_AS.get(first, ())
    counted = rf"\b{re.escape(noun)}\b|\d\s+(?:(?:{SIZE_WORDS})\s+)?{re.escape(first)}\b"
    return not re.search(counted, said) and not any(
        re.search(rf"\b{k}\b", said) for k in kin)  # ("N hộ …" counts "hộ nông dân")
