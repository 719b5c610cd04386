"""Dates: when something happened, from a sentence that dates the event asked; answered by
the single-fact plan (the year is said when the sentence gives only "Chiều 6/2")."""
from __future__ import annotations

from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="date", order=100,
    patterns=(r"\b(?:khi\s+nao|ngay\s+nao|nam\s+nao|thang\s+nao|bao\s+gio|luc\s+nao|hoi\s+nao"
              r"|hom\s+nao|thoi\s+gian\s+nao|ngay\s+bao\s+nhieu|thoi\s+diem\s+nao|dip\s+nao"
              r"|ngay\s+may)\b",),
    examples=("Luật được thông qua hôm nào vậy?", "phiên họp lần thứ 10 diễn ra hồi nào",
              "Phiên họp thứ 9 và thứ 10 lần lượt diễn ra ngày nào?",
              "Nghị quyết 57 được ban hành khi nào?")))
