"""Metadata an article's own text gives when its source did not: date, publisher, title.

News texts name their date in the lead ("Chiều 6/2, ... Phiên họp ... năm 2024; phương hướng
... năm 2025") and their publisher in a "Theo Chinhphu.vn" line. What is read here is marked
as inferred on the Article, shown as such, and front matter always overrides it. Nothing is
guessed where the text says nothing.
"""
from __future__ import annotations

import dataclasses
import re

from .clean import fold
from .patterns import YEAR as _YEAR
from ..schema import Article

__all__ = ["infer_metadata", "lead_date", "publisher"]

_LEAD_DATE = re.compile(r"\b(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?(\d{1,2})/(\d{1,2})"
                        r"(?:/((?:19|20)\d\d))?\b", re.I)
_PUBLISHER = re.compile(r"\btheo\s+([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org))\b", re.I)
_REVIEW = re.compile(r"\b(?:tong\s+ket|nam\s+qua)\b")


def lead_date(text: str) -> str:
    """ISO date from the first paragraphs: the day/month of the lead and the year its sentence
    names ("sơ kết 6 tháng đầu năm 2023" on 12/7 -> 2023-07-12; a "tổng kết ... năm 2024"
    held in the first months is in 2025). Empty when the lead names no day or no year."""
    head = "\n".join([line for line in text.split("\n") if line.strip()][:4])
    for m in _LEAD_DATE.finditer(head):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if m.group(3):
            return f"{m.group(3)}-{month:02d}-{day:02d}"
        sentence_end = head.find(".", m.end())
        sentence = head[m.end(): sentence_end if sentence_end > 0 else len(head)]
        years = [int(y) for y in _YEAR.findall(sentence)]
        if not years:
            return ""
        year = years[0]
        if month <= 3 and _REVIEW.search(fold(sentence)):
            year += 1  # a review of year Y is held early in Y + 1
        return f"{year}-{month:02d}-{day:02d}"
    return ""


def publisher(text: str) -> str:
    """The outlet a text credits ("Theo Chinhphu.vn, ..." -> "Chinhphu.vn"), else empty."""
    m = _PUBLISHER.search(text)
    return m.group(1) if m else ""


def infer_metadata(article: Article) -> Article:
    """The article with empty date and source filled from its text, marked as inferred."""
    changes: dict[str, str] = {}
    if not article.date:
        date = lead_date(article.text)
        if date:
            changes["date"] = date
    if not article.source:
        source = publisher(article.text)
        if source:
            changes["source"] = source
    if not changes:
        return article
    return dataclasses.replace(article, **changes,
                               inferred=tuple(sorted(set(article.inferred) | set(changes))))
