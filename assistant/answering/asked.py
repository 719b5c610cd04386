"""What some questions pin down that the answer shown must hold, for the near-miss check
(`nearmiss.check`): money asked ("đỡ tốn nhiêu tiền", "how much money") needs a sum of money;
a date offered as a choice ("tháng 12/2024 hay tháng 1/2025?") needs one of the dates offered.
Table tests in tests/answering/test_asked.py."""
from __future__ import annotations

import re

from ..articles.clean import fold

__all__ = ["money_unsaid", "choice_unsaid"]

# Money asked: "bao nhiêu tiền", "nhiêu tiền", "số tiền … bao nhiêu", "how much money"
_MONEY_ASKED = re.compile(r"\b(?:bao\s+)?nhieu\s+tien\b|\bso\s+tien\b.*\bbao\s+nhieu\b"
                          r"|\bhow\s+much\s+(?:money|was\s+(?:paid|spent|saved))\b")
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
