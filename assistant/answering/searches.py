"""Retrieval planned by kind of question: the searches a plan reads besides the question's own.

Each kind registers its own (`kinds`): a definition its term alone, a role question the
person's name as the articles write it, a comparison one sub-question per side (`side_query`).
The answerer runs these searches before any plan reads them: the plans take hits, never the
retriever.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..articles.clean import fold
from .question import Analysis
from .registry import searches_for

__all__ = ["Search", "planned_searches", "side_query"]


@dataclass(frozen=True)
class Search:
    """One search a plan reads: its query and how many passages it wants at least."""

    query: str
    k: int


# Words that say how to compare, not what: no part of a side's sub-question
_COMPARING = frozenset("so sanh khac nhau giong hon chenh lech the nao".split())


def _halves(folded: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:\bva\b|\bvoi\b|,)\s*", folded) if p]


def side_query(analysis: Analysis, side: str) -> str:
    """The sub-question of one side of a comparison: the question's words without the other
    sides' ("So sánh ... Sóc Trăng và Hải Dương" -> "... Hải Dương"), nor the numbers only
    the other sides' part of the question gives ("... Hải Dương ở phiên họp thứ 9 và ... Nghệ
    An ở phiên họp thứ 10": 10 is Nghệ An's)."""
    others = [s for s in analysis.sides if s != side]
    halves = _halves(fold(analysis.text))
    own = {w for h in halves if fold(side) in h for w in h.split()}
    theirs = {w for h in halves for o in others if fold(o) in h for w in h.split()} - own
    words = [w for w in analysis.focus if not any(w in fold(o).split() for o in others)
             and w not in _COMPARING and not (w.isdigit() and w in theirs)]
    return " ".join(words) + ("" if fold(side) in " ".join(words) else f" {side}")


def planned_searches(analysis: Analysis, shown: dict[str, str], k: int) -> tuple[Search, ...]:
    """The searches the plan of `analysis.kind` reads besides the question's own (each kind's
    module registers them, `kinds`); `shown` maps a folded name to how the articles write it
    ("pham minh chinh" -> "Phạm Minh Chính")."""
    searches = searches_for(analysis.kind)
    return tuple(searches(analysis, shown, k)) if searches else ()
