"""The part of an article a question asks about, for the plans that read a whole article
(a summary of "phần kết luận", "phát biểu khai mạc", "mấy cái tồn tại về bảo mật"). Aspect
words are data (`cues.SUMMARY_ASPECTS`)."""
from __future__ import annotations

import re
from typing import Sequence

from ..articles.clean import fold
from .cues import SUMMARY_ASPECTS

__all__ = ["aspect_part", "asked_aspects"]


def asked_aspects(question: str) -> list[str]:
    """The parts of an article the question asks about (`SUMMARY_ASPECTS` names)."""
    folded = fold(question)
    return [name for name, (asked, _, _) in SUMMARY_ASPECTS.items()
            if re.search(rf"\b(?:{asked})\b", folded)]


def aspect_part(question: str, text: str, spans: Sequence[tuple[int, int]], size: int
                ) -> list[tuple[int, int]]:
    """The sentences of `spans` the question's aspects point to: for a part that opens
    ("kết luận", "khai mạc"), the sentence that names most of the aspects asked and the ones
    after it, `size` in all; for aspects named where they are said (shortcomings, security),
    every sentence naming as many of them as the best one does. All of `spans` when none is
    asked or named, or the part is one sentence."""
    asked = asked_aspects(question)
    folded = [fold(text[s:e]) for s, e in spans]  # each sentence once, for every aspect
    named = [sum(bool(re.search(rf"\b(?:{SUMMARY_ASPECTS[a][1]})\b", f)) for a in asked)
             for f in folded]
    if not asked or not named or max(named) == 0:
        return list(spans)
    best = max(named)
    if any(SUMMARY_ASPECTS[a][2] for a in asked):
        first = named.index(best)
        part = list(spans[first:first + size])
    else:
        part = [span for span, n in zip(spans, named) if n == best]
    return part if len(part) >= 2 else list(spans)
