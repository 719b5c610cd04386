"""The side a question compares against, which the answer shown must write (for the near-miss
check, `nearmiss.check`): "… so với năm trước đó?" needs a sentence that states a change; "… so
với cuối 2022?", "… compared with 2021?" needs that year written; "… nhanh gấp mấy lần kho dữ
liệu đất đai?" needs the other side named. Otherwise the articles do not give that side and the
answer says so, quoting the nearest fact. Table tests in tests/answering/test_compared.py."""
from __future__ import annotations

import re

from ..articles.clean import fold
from ..articles.patterns import SYLLABLE

__all__ = ["side_unsaid"]

# What introduces the side compared against (folded): "so với", "hơn", "gấp mấy lần", "than"
_AGAINST = (r"(?:so\s+voi|(?:nhieu|it|cao|thap|nhanh|cham)\s+hon|gap\s+(?:may|bao\s+nhieu)\s+lan"
            r"|compared\s+(?:to|with)|(?:more|less|higher|lower|faster|slower)\s+than)")
# A side in time: a year, maybe with its month or part ("cuối 2022", "tháng 4/2024")
_TIME_SIDE = re.compile(_AGAINST + r"\s+(?:(?:hoi|luc|thoi\s+diem|in)\s+)?((?:(?:the\s+)?end\s+of"
                        r"|late|early|cuoi|dau|giua)\s+)?(?:(?:nam|thang)\s+)?"
                        r"(?:\d{1,2}/)?((?:19|20)\d\d)\b")
# A side one period back: "năm trước (đó)", "năm ngoái", "cùng kỳ", "the previous year"
_BACK_SIDE = re.compile(_AGAINST + r"\s+(?:(?:hoi|luc|thoi\s+diem)\s+)?((?:nam\s+truoc|nam\s+ngoai"
                        r"|cung\s+ky|ky\s+truoc|(?:the\s+)?(?:previous|prior)\s+year"
                        r"|last\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before))\b)")
# A sentence that states a change against an earlier time
_CHANGE = re.compile(r"\bso\s+voi\b|\bcung\s+ky\b|\btang\b|\bgiam\b|\bgap\b|\bnam\s+truoc\b"
                     r"|\b(?:cao|thap|nhieu|it|tot|nhanh|cham)\s+hon\b")  # "cao hơn năm 2022"
# A named side: "gấp mấy lần <thing>" (what follows, up to the question's own words)
_THING_SIDE = re.compile(r"gap\s+(?:may|bao\s+nhieu)\s+lan\s+((?:(?!bao|la|the|thi|vay|khong"
                         r"|nhi|ha|a|ntn|ra|nhu)\w+\s*){2,5})")
_LEAD = re.compile(r"^(?:cac|nhung|cua|o|tai|kho|muc|toc\s+do|ty\s+le|so)\s+")


def side_unsaid(question: str, shown: str) -> str:
    """The side (folded, as in the question) `question` compares against that the answer
    `shown` never writes, or ""."""
    q, said = fold(question), fold(shown)
    if (m := _TIME_SIDE.search(q)) and not re.search(rf"(?<!\d){m.group(2)}(?!\d)", said):
        return f"{m.group(1) or 'nam '}{m.group(2)}"
    if (m := _BACK_SIDE.search(q)) and not _CHANGE.search(said):
        return m.group(1)
    if m := _THING_SIDE.search(q):
        thing = m.group(1).strip()
        while (bare := _LEAD.sub("", thing)) != thing:
            thing = bare
        words = thing.split()  # its last two words tell it apart ("kho dữ liệu đất đai"),
        last = " ".join(words[-2:])  # or a word no syllable ("tốc độ tăng GDP")
        if len(words) > 1 and not re.search(rf"\b{last}\b", said) and not any(
                not SYLLABLE.fullmatch(w) and re.search(rf"\b{w}\b", said) for w in words):
            return thing
    return ""
