"""What a question pins down that the evidence found lacks (read by `nearmiss.check`):

- an exact figure asked ("con số chính xác", "đúng bao nhiêu", "exactly") when the sentence
  gives only rough ones ("hàng nghìn tỷ đồng", "trên 1.000", "ước đạt");
- the date of a deed the cited passages never speak of ("bao giờ … chạy chính thức?"
  answered by the date of the meeting that launched it): the deed's word pairs are written
  in the articles, but not in the passages cited;
- a part or a breakdown of a total asked ("riêng khoản …", "chia theo từng huyện", "bao
  nhiêu là bộ, bao nhiêu là tỉnh") when the cited sentences give only the total the question
  already gives; a part asked alone ("riêng thành phố …") they never name;
- an amount asked ("chiếm nhiêu?") of an answer that gives no figure at all, a date asked
  ("từ năm nào?") of one that gives no date;
- the measure asked of a place, named by its code ("tài khoản VNeID của Nghệ An", "kinh tế
  số chiếm bao nhiêu % GDP ở Nghệ An"), when the sentence about that place never names it.
Table tests in tests/answering/test_absent.py.
"""
from __future__ import annotations

import re
from typing import Collection

from ..articles.clean import fold
from ..articles.patterns import YEAR
from .words import (DAY_ASKED, EXACT_ASKED, MECHANISM_ASKED, MECHANISM_GIVEN, REQUIRING,
                    ROUGH_FIGURE, SIZE_WORDS)

__all__ = ["rough_only", "day_unconfirmed", "required_only", "term_undescribed", "mechanism_unsaid",
           "superlative_unsaid", "RANKS", "deed_unsaid", "measure_absent", "part_not_given",
           "amount_asked", "breakdown_absent", "only_part_unnamed",
           "parts_unsplit", "after_subject", "day_unsaid", "gives_amount", "GIVES_DATE",
           "noun_after", "TIME_UNITS", "DAY"]

# "4 tháng đầu năm": a span of time, not a count of items
TIME_UNITS = ("thang", "nam", "ngay", "tuan", "quy", "gio", "lan", "ky", "phien")


def noun_after(folded: str, number: str) -> str:
    m = re.search(rf"(?<![\d/]){re.escape(number)}\s+([^\W\d]+)", folded)
    return m.group(1) if m else ""


# A figure: "1.200", "12,5"; a date ("6/2", "2/2025") or a span of time is none
_FIGURE = re.compile(r"(?<![\w/.,])(\d+(?:[.,]\d+)*)(?![\w/]|[.,]\d)")
_TIME = re.compile(rf"\s*(?:{'|'.join(TIME_UNITS)})\b")
# The noun a figure counts, past a word of size ("5 triệu thẻ": "the")
_NOUN = re.compile(rf"\s*(?:(?:{SIZE_WORDS})\s+)?(\w+)(?:\s+(\w+))?")
# A rough amount in words ("hàng nghìn tỷ đồng")
_ROUGH_AMOUNT = rf"hang\s+(?:{SIZE_WORDS})"


# Units asked that a sentence writes as a sign ("phần trăm": "%") or not at all ("tỷ lệ")
_SHARE_UNITS = frozenset("phan ty le ti % lan".split())


def rough_only(question: str, sentence: str, given: Collection[str] = (),
               units: Collection[str] = ()) -> bool:
    """An exact figure is asked and every figure of the sentence (other than those the
    question gives, years and spans of time; only those of a unit asked when it has some) is
    a rough one, or it has none but a rough amount in words ("hàng nghìn tỷ đồng"), or the
    sentence never names the unit asked ("chính xác bao nhiêu tỷ đồng?" of a sentence on
    databases connected)."""
    if not EXACT_ASKED.search(fold(question)):
        return False
    said = fold(re.sub(r"\[\d+\]", " ", sentence))  # its [n] markers are no figures
    figures = [m for m in _FIGURE.finditer(said) if (m.group(1) not in given or _rough(said, m))
               and not YEAR.fullmatch(m.group(1)) and not _TIME.match(said, m.end())]
    asked = set(re.findall(r"\w+", fold(question)))  # or of a word of the question ("thẻ")
    of_unit = [m for m in figures if (n := _NOUN.match(said, m.end()))
               and ({n.group(1), n.group(2)} & (set(units) | asked))]
    named = [u for u in units if u not in _SHARE_UNITS or u == "ty" and not re.search(
        r"\bty\s+le\b", fold(question))]  # "bao nhiêu tỷ đồng": no "tỷ" said
    if named and not of_unit and not any(re.search(rf"\b{u}\b", said) for u in named):
        return True
    figures = of_unit or figures  # "bao nhiêu thẻ": "trên 5 triệu thẻ", not "2 dịch vụ"
    if not figures:
        return re.search(rf"\b{_ROUGH_AMOUNT}\b", said) is not None
    return all(_rough(said, m) for m in figures)


def _rough(said: str, m: re.Match) -> bool:
    """The figure is written as a rough one ("trên 86 triệu", "hơn 20%")."""
    return ROUGH_FIGURE.search(" ".join(said[:m.start()].split()[-2:])) is not None


# Word pairs that ask or date rather than name the deed ("vao ngay", "bao gio")
_ASKING_PAIRS = re.compile(r"\b(?:ngay|thang|nam|gio|nao|khi|bao|luc|hom|may|vao|tu|den|sau"
                           r"|truoc|trong|chieu|sang|toi|phien|hop|hoi|nghi|lan|thu)\b")


def deed_unsaid(question: str, passages: str, written: Collection[str],
                least: int = 2) -> bool:
    """A date is asked of a deed whose word pairs the articles write ("khen thuong", "xuat
    sac"), most of them (and at least `least`) in none of the cited passages: the date found
    is another event's."""
    words = re.findall(r"\w+", fold(question))
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])
             if not _ASKING_PAIRS.search(f"{a} {b}") and not (a.isdigit() or b.isdigit())}
    said = " ".join(re.findall(r"\w+", fold(passages)))
    known = [p for p in pairs if p in written]
    unsaid = [p for p in known if not re.search(rf"\b{p}\b", said)]
    return len(unsaid) >= least and len(unsaid) * 2 > len(known)


def measure_absent(text: str, local: Collection[str], names: Collection[str], sentence: str,
                   known: Collection[str]) -> str:
    """The place asked, as written, when `sentence` speaks of it but not of the measure the
    question names by a code the articles write (`known`: "VNeID", "GDP"): that place's
    figure is not given; empty otherwise."""
    said = fold(sentence)
    written = {fold(a) for a in re.findall(r"(?<!\w)[A-Z][a-zA-Z]*[A-Z][a-zA-Z]*(?!\w)", text)}
    codes = sorted(c for c in written if c in known)
    places = [e for e in local if e in said and e not in codes]
    if not places or not codes or all(re.search(rf"\b{re.escape(c)}\b", said) for c in codes):
        return ""
    return next((n for n in names if fold(n) == places[0]), places[0].title())


# A part of a total asked: "riêng khoản …", "trong số … đó, phần …", and an amount asked
_PART = re.compile(r"\b(?:rieng|trong\s+(?:so|tong(?:\s+so)?)|phan|chiem|of\s+which|out\s+of)\b"
                   r"|\btrong\s+\d")
# A breakdown by a dimension ("chia theo từng huyện", "phân bổ theo từng ngành"), and any
# breakdown asked ("chia ra", "cơ cấu", "lần lượt là"): no amount word needed
_BY_WORDS = (r"chia\s+theo|(?:theo|cho)\s+tung|phan\s+bo\s+theo|(?:moi|each|per)(?=\s+(?:huyen"
             r"|tinh|xa|quan|dia\s+phuong|district|province|commune))")
_BY = re.compile(rf"\b(?:{_BY_WORDS})\b")
_BREAKDOWN = re.compile(rf"\b(?:{_BY_WORDS}|chia\s+ra|co\s+cau|lan\s+luot\s+la)\b")
# "Trong tổng số hơn hai nghìn ba trăm cơ sở dữ liệu": the noun a total in words counts
_NUMBER_WORDS = (r"(?:hon|khoang|gan|tren|duoi|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram"
                 r"|nghin|ngan|trieu|ty|le|linh)")
_TOTAL_WORDS = re.compile(rf"\b(?:tong\s+so|trong(?:\s+(?:so|tong))?)\s+(?:{_NUMBER_WORDS}\s+)+"
                          r"([^\W\d]+)")
# Words of a part asked that name no part ("riêng … chiếm bao nhiêu", "chia theo từng … ra sao")
_NOT_PART = re.compile(rf"^(?:{_NUMBER_WORDS}|ra|sao|nao|bao|nhieu|the|gi|la|chiem|duoc|co"
                       r"|khong|do|cac|nhung|moi|tung|thi|vay|a|may)$")
_AMOUNT = re.compile(r"\b(?:bao\s+nhieu|how\s+(?:much|many)|nhieu(?=\s*(?:vay|the|a|ha|\?|$)))")


# An amount in words ("hàng nghìn tỷ", "một nửa")
_AMOUNT_WORDS = re.compile(rf"\b(?:{_ROUGH_AMOUNT}|mot\s+nua|phan\s+nua|gap\s+\w+\s+lan)\b")


# A share of a whole ("3/4 mục tiêu"), not a day ("chiều 6/2, tại …")
_FRACTION = re.compile(r"(?<![\d/])(?<!ngay )(?<!chieu )(?<!sang )\d+/\d+(?![\d/])\s+"
                       rf"(?!(?:{'|'.join(TIME_UNITS)}|tai)\b)[^\W\d]")


def gives_amount(shown: str, asked: str = "") -> bool:
    """`shown` (folded) gives an amount: a figure that is no year, date, span of time (unless
    a span is what `asked` counts: "trong nhiêu ngày") or ordinal ("lần thứ 8", "6 tháng đầu
    năm 2024" give none), a share ("3/4 mục tiêu"), or an amount in words."""
    spans = re.search(rf"\b(?:nhieu|may)\s+(?:{'|'.join(TIME_UNITS)})\b", asked) is not None
    return _AMOUNT_WORDS.search(shown) is not None or _FRACTION.search(shown) is not None \
        or any(not YEAR.fullmatch(m.group(1)) and (spans or not _TIME.match(shown, m.end()))
               and not re.search(r"\bthu\s*$", shown[:m.start()])
               for m in _FIGURE.finditer(shown))


# A date or a time of year, folded ("6/2", "năm 2024", "tháng 7", "mùng 6", "cuối năm")
GIVES_DATE = re.compile(rf"\d{{1,2}}/\d{{1,4}}|{YEAR.pattern}|\b(?:thang|ngay|nam|quy|mung)\s+\d"
                        r"|\b(?:dau|cuoi|giua)\s+(?:nam|thang)\b")


def amount_asked(question: str, folded: str) -> bool:
    """An amount is asked: "bao nhiêu", "how many/much", or "nhiêu" typed as such (not
    "nhiều")."""
    return bool(_AMOUNT.search(folded) or re.search(r"(?<!bao )(?<!\w)nhiêu(?!\w)",
                                                    question.lower()))


def part_not_given(question: str, numbers: frozenset[str], quotes: str,
                   passages: str = "") -> str:
    """A part of a total asked ("Trong 500 tỷ đó, riêng khoản X được bao nhiêu?") when the
    cited sentences give no figure of that unit but the total the question already gives (the
    total found in them or in their passages): the total as the question writes it ("500 tỷ
    đồng", as the articles write it); empty otherwise."""
    q = fold(question)
    if not (_PART.search(q) and amount_asked(question, q) or _BREAKDOWN.search(q)):
        return ""
    said, around = fold(quotes), fold(f"{quotes} {passages}")
    parts = {w for m in list(_PART.finditer(q)) + list(_BREAKDOWN.finditer(q))
             for w in re.findall(r"\w+", q[m.end():])[:4] if not _NOT_PART.match(w)
             and not w.isdigit()}  # "huyen" of "chia theo từng huyện"
    words = _TOTAL_WORDS.search(q)  # a total written in words: the only figure of its noun
    if words and not numbers:
        figures = {m.group(1) for m in re.finditer(
            rf"(?<![\d/.,])(\d(?:[\d.,]*\d)?)\s+{re.escape(words.group(1))}\b", said)}
        if len(figures) == 1:
            numbers = frozenset(figures)
            q = f"{q} {next(iter(figures))} {words.group(1)}"
    for n in sorted(numbers):
        unit = noun_after(q, n)
        if not unit or unit in TIME_UNITS or YEAR.fullmatch(n):  # "Trong 4 tháng": a time
            continue
        written = re.search(rf"(?<![\d/.,]){re.escape(n)}(?:\s+[^\W\d_]+){{1,4}}",
                            f"{quotes} {passages}")
        own = " ".join(x for x in re.split(r"(?<=[.;!?])\s+", said) if n in x or any(
            re.search(rf"\b{w}\b", x) for w in parts)) if parts else said  # of the total or
        figures = {m.group(1) for m in re.finditer(  # the part: "500 tỷ", not "Năm 2023, tỷ"
            rf"(?<![\d/.,])(\d(?:[\d.,]*\d)?)\s+{re.escape(unit)}\b", own)}
        if figures <= {n} and re.search(rf"(?<![\d/.,]){re.escape(n)}\s+{re.escape(unit)}\b",
                                        around):  # the total in the articles' words
            return written.group() if written else n
    return ""


def breakdown_absent(question: str, said: str) -> str:
    """A breakdown asked whose dimension ("huyen" of "phân bổ theo từng huyện") the cited
    passages (`said`, folded) never name: the dimension, folded; empty otherwise."""
    q = fold(question)
    for m in _BY.finditer(q):
        words = [w for w in re.findall(r"\w+", q[m.end():])[:3] if not _NOT_PART.match(w)]
        if words and not re.search(rf"\b{re.escape(words[0])}\b", said):
            return words[0]
    return ""



# "Riêng thành phố Hải Dương thì …": the part named after "riêng", up to the verb or the amount
_ONLY = re.compile(r"\brieng\s+((?:[^\W\d]+\s+){0,4}?[^\W\d]+)\s+(?=(?:thoi|thi|co|duoc|dat"
                   r"|gop|chiem|la|bao|nhieu|may|da|dong\s+gop)\b)")
# Parts of a total asked one by one ("bao nhiêu là bộ, bao nhiêu là tỉnh")
_EACH_PART = re.compile(r"\bbao\s+nhieu\s+(?:la\s+|thuoc\s+)?([^\W\d]+)")


def only_part_unnamed(question: str, quotes: str) -> str:
    """A part asked on its own ("riêng thành phố Hải Dương có nhiêu …") that the cited
    sentences (`quotes`) never name: the part, folded; empty otherwise."""
    m = _ONLY.search(fold(question))
    return m.group(1) if m and not re.search(rf"\b{m.group(1)}\b", fold(quotes)) else ""


def parts_unsplit(question: str, numbers: Collection[str], quotes: str, passages: str) -> str:
    """Two or more parts of a total the question gives asked one by one ("Trong số 96 đơn
    vị …, bao nhiêu là bộ, bao nhiêu là tỉnh?") when the cited sentences put no other figure
    before any part: the total as the articles write it ("96 bộ, ngành, địa phương"); empty
    otherwise."""
    q = fold(question)
    parts = {p for p in _EACH_PART.findall(q) if not _NOT_PART.match(p)}
    if len(parts) < 2:
        return ""
    for n in sorted(numbers, key=len, reverse=True):
        said = " ".join(x for x in re.split(r"(?<=[.;!?])\s+", fold(quotes))  # the total's own
                        if re.search(rf"(?<![\d/.,]){re.escape(n)}(?![\d/.,])", x))  # sentences
        written = re.search(rf"(?<![\d/.,]){re.escape(n)}(?:,?\s+[^\W\d_]+){{1,4}}",
                            f"{quotes} {passages}")
        if not written or YEAR.fullmatch(n) or _TIME.match(fold(written.group()), len(n)):
            continue
        if not any(m.group(1) != n for p in parts for m in re.finditer(
                rf"(?<![\d/.,])(\d(?:[\d.,]*\d)?)\s+(?:[^\W\d]+\s+)?{re.escape(p)}\b", said)):
            return written.group()
    return ""


def after_subject(question: str, sentence: str) -> str:
    """What `sentence` (folded) says after the first run of two or more of the question's
    words it writes (the thing asked about leads the question); all of it when none."""
    words = re.findall(r"\w+", question)
    for i in range(len(words) - 1):
        for j in range(len(words), i + 1, -1):
            m = re.search(rf"\b{' '.join(words[i:j])}\b", sentence)
            if m:
                return sentence[m.end():]
    return sentence


def mechanism_unsaid(asked: str, sentence: str, rewritten: str = "") -> bool:
    """How something works is asked ("vận hành ra sao", "chạy kiểu gì") and the sentence
    says nothing of a way or means after naming it ("… thông qua giải pháp X" names X as a
    means of something else); the thing is read off `asked`, then `rewritten` (folded: the
    Vietnamese search words of an English question)."""
    if not MECHANISM_ASKED.search(asked):
        return False
    return not MECHANISM_GIVEN.search(after_subject(f"{asked} {rewritten}", fold(sentence)))


# "Tỉnh nào đứng đầu?", "bộ nào chậm nhất", "which province ranks first": the one at the top
# of a ranking asked (read with its diacritics unless typed without: "thống nhất", "người đứng
# đầu" are none); a sentence ranks when it says so ("nhất", not "nhất là") or gives figures
# to compare ("(97%)")
_TOP = (r"(?:{nao}|which|who)\b.{{0,60}}?(?<!{nguoi} )(?<!{thong} )\b(?:{nhat}|{dung} {dau}"
        r"|{dan} {dau}|{dung} {thu} {nhat}|{so} 1|most|highest|lowest|largest|top|first)\b")
_TOP_TYPED = re.compile(r"\b" + _TOP.format(
    nao="nào", nguoi="người", thong="thống", nhat="nhất", dung="đứng", dau="đầu", dan="dẫn",
    thu="thứ", so="số"))
_TOP_ASCII = re.compile(r"\b" + _TOP.format(
    nao="nao", nguoi="nguoi", thong="thong", nhat="nhat", dung="dung", dau="dau", dan="dan",
    thu="thu", so="so"))
RANKS = re.compile(r"(?<!người )(?<!thống )(?<!duy )\b(?:nhất(?! là)|đứng đầu|dẫn đầu|số 1)\b")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")


def superlative_unsaid(asked: str, sentence: str) -> bool:
    """The one at the top of a ranking is asked ("tỉnh nào đứng đầu cả nước?", `asked` as
    typed) and the sentence neither ranks nor gives two percentages to compare."""
    typed = " ".join(asked.lower().split())
    if not (_TOP_ASCII if typed.isascii() else _TOP_TYPED).search(typed):
        return False
    said = " ".join(sentence.lower().split())  # the articles' own words, with diacritics
    return not RANKS.search(said) and len(_PERCENT.findall(said)) < 2


_DAY_MONTH = r"(?<![\d/])\d{1,2}/\d{1,2}(?!\d)"  # "6/2", not "2/2025"
DAY = re.compile(rf"{_DAY_MONTH}|\b(?:ngay|mung)\s+\d|(?<!\d)\d{{1,2}}-\d{{1,2}}-\d{{4}}")


def day_unsaid(asked: str, shown: str) -> bool:
    """A day is asked ("từ ngày nào?", `asked` folded) and the answer (`shown`, folded) gives
    none: a month or a half-year ("6 tháng đầu năm 2024") is not the day."""
    return DAY_ASKED.search(asked) is not None and DAY.search(shown) is None


def day_unconfirmed(question: str, quotes: str) -> bool:
    """A yes/no question gives a day ("họp hôm 9/1/2024 không?") and the cited sentences give
    no date at all: neither yes nor no can be read from them."""
    return DAY.search(fold(question)) is not None and GIVES_DATE.search(fold(quotes)) is None


# Whether a deed is done, asked ("đã … chưa?", "has it already …", "did they actually …"), not
# whether it was asked for or said ("was X asked to …", "did the PM say …")
_DONE = re.compile(r"^\s*(?:has|have|had|did)\b|\b(?:already|yet|actually|kip|tinh\s+den"
                   r"|met\s+the\s+deadline|on\s+time|in\s+time)\b|^(?!.*\b(?:nhieu|may|nao|gi)\b).*\broi\s*\?$"
                   r"|\b(?:het|xong|hoan\s+thanh|da|duoc)\b.*\b(?:chua|roi)"
                   r"(?:\s+(?:vay|a|nhi|ha|the|z|nhe|ta))*\s*\W*$|^\s*(?:were|was|is|are)\b.*"
                   r"\b(?:completed|finished|done|fulfilled|carried\s+out|met)\b")
_ASKS_REQUEST = re.compile(r"\b(?:yeu\s+cau|de\s+nghi|chi\s+dao|noi|phat\s+bieu|asked|required"
                           r"|requested|urged|directed|told|says?|said)\b")
# A sentence that requires, plans or aims at the deed ("yêu cầu khẩn trương ban hành", "sớm
# hoàn thành", "để góp phần vào tăng trưởng")
_REQUIRED = re.compile(rf"\b(?:{REQUIRING}|khan\s+truong|som\s+hoan\s+thanh|de\s+gop\s+phan"
                       r"|nham)\b")


def required_only(asked: str, sentence: str, positive: bool,
                  given: Collection[str] = (), negative: bool = False) -> bool:
    """Whether (or how much of) a deed is done is asked (`asked`, folded: "đã … chưa", "kịp",
    "tính đến") and the sentence only requires, plans or aims at it: a yes (`positive`) is
    never read from it ("sớm hoàn thành …" for "has it been completed?"), nor a no or a count
    when the day asked (or `given`: the question's figures) is the deadline it sets ("trước
    ngày 1/6"); a no (`negative`) neither, unless the sentence denies it after ("đề xuất …"
    is no "chưa")."""
    said = fold(sentence)
    need = _REQUIRED.search(said)
    if not _DONE.search(asked) or _ASKS_REQUEST.search(asked) or not need:
        return False
    days = set(re.findall(_DAY_MONTH, asked)) | {n for n in given if re.fullmatch(_DAY_MONTH, n)}
    return positive or negative and not re.search(r"\b(?:chua|khong)\b", said[need.end():]) \
        or any(day in said[need.end():] for day in days)


# "X là gì?", "X là công cụ gì?", "X là mạng gì?", "X nghĩa là sao?" (folded): what a term
# is, asked; not the gist of a meeting ("nội dung chính … là gì") nor items
_WHAT_IS = re.compile(r"\s(?:la\s+(?:\w+\s+){0,2}(?:gi|j)|nghia\s+la\s+(?:gi|sao))\b")
_GIST = re.compile(r"\b(?:noi\s+dung|tom\s+tat|y\s+chinh)\b")
# Items asked, not a term ("Những nhiệm vụ trọng tâm năm 2025 là gì?")
_MANY = re.compile(r"\b(?:nhung|cac|mot\s+so|may|\d+)\s+\w")
_PLAIN = frozenset("la gi j cai cua va cac nhung co khong nao the nhu sao ra duoc da se trong "
                   "cho voi ve tu tai o de mot hay vay a nhi nhe thi con do nay kia ay dung "
                   "lam".split())
# What a sentence says of a term right after it ("X là …", "X gồm …", "X (…)")
_DESCRIBES = re.compile(r"^\W*(?:la|gom|bao\s+gom|duoc\s+hieu|nham|giup|cho\s+phep|dung\s+de"
                        r"|co\s+chuc\s+nang|\(|:)")


def term_undescribed(question: str, corpus: str, names: Collection[str] = ()) -> str:
    """What a term is asked ("Tem truy xuất nguồn gốc là gì?"; the term quoted, or the words
    just before "là gì" that the articles write) and no sentence of the articles (`corpus`,
    their folded text) says it: at most three use the term, none followed by "là", "gồm", "("
    … or after "là" or "(", and it opens with none of the articles' `names` ("Tổ Công tác …" is
    a body, not a term). The term, folded; empty otherwise."""
    q = fold(question)
    asked = _WHAT_IS.search(q)
    if not asked or _GIST.search(q) or _MANY.search(q[:asked.start()]):
        return ""
    quoted = re.search(r"[\"“]([^\"”]+)[\"”]", question)
    words = re.findall(r"\w+", fold(quoted.group(1)) if quoted else q[:asked.start()])
    runs = [(0, words)] if quoted else [(i, words[i:]) for i in range(len(words) - 1)]
    term = ""
    for i, run in runs:
        if run and run[0] not in _PLAIN and sum(w not in _PLAIN for w in run) >= 2 \
                and re.search(rf"\b{' '.join(run)}\b", corpus):
            term = " ".join(run) if quoted or i == 0 or words[i - 1] in _PLAIN else ""
            break
    if not term or any(re.match(rf"{re.escape(n)}\b", term) for n in names):
        return ""
    spots = [(_sentence_start(corpus, m.start()), m) for m in re.finditer(rf"\b{term}\b", corpus)]
    if not spots or len({at for at, _ in spots}) > 3 or any(  # a matter the articles discuss
            _DESCRIBES.search(_SENTENCE_END.split(corpus[m.end():m.end() + 400], 1)[0])
            or re.search(r"(?:\bla\s+|\()$", corpus[at:m.start()])  # "… là X", "… (X)": said
            for at, m in spots):  # what it is
        return ""
    return term


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` opens in `text`."""
    ends = list(_SENTENCE_END.finditer(text, max(0, at - 2000), at))
    return ends[-1].end() if ends else max(0, at - 2000)
