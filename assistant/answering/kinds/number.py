"""Figures: how many, what share, what rank, how long; a sentence must give a figure of the
kind asked (a percentage for "tỷ lệ", money for "bao nhiêu tiền", a rank for "thứ mấy").
Answered by the single-fact plan."""
from __future__ import annotations

from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="number", order=110,
    patterns=(r"\b(?:bao\s+nhieu|may|ty\s+le|ty\s+trong|so\s+luong|bao\s+lau|phan\s+tram"
              r"|muc\s+nao|thu\s+may|hang\s+may|vi\s+tri\s+thu)\b",),
    examples=("hai duong co bao nhieu san pham ocop",
              "Việt Nam xếp thứ mấy về Chính phủ điện tử?")))
