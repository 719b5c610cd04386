"""The part of an article a question asks about, for the plans that read a whole article
(a summary of "phần kết luận", "phát biểu khai mạc", "mấy cái tồn tại về bảo mật"). Aspect
words are data (`words.SUMMARY_ASPECTS`)."""
from __future__ import annotations

import re
from typing import Sequence

from ..articles.clean import fold
from .words import SUMMARY_ASPECTS

__all__ = ["aspect_part"]


def aspect_part(question: str, text: str, spans: Sequence[tuple[int, int]], size: int
                ) -> list[tuple[int, int]]:
    """From the sentence of `spans` that names most of the aspects the question asks
    ("kết luận", "khai mạc", "tồn tại", "bảo mật" …), it and the sentences after it, `size`
    in all; all of `spans` when none is asked or named (or the part is one sentence)."""
    asked = [a for a in SUMMARY_ASPECTS if re.search(rf"\b{a}\b", fold(question))]
    named = [sum(bool(re.search(rf"\b{a}\b", fold(text[s:e]))) for a in asked) for s, e in spans]
    if not asked or not named or max(named) == 0:
        return list(spans)
    first = named.index(max(named))
    part = list(spans[first:first + size])
    return part if len(part) >= 2 else list(spans)
