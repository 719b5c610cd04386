"""Comparisons: two or more sides (places, years, meetings) of one measure, side by side.
Each side is searched on its own (its sub-question), since the sides may be in different
articles; the plan is `gather.plan_comparison`."""
from __future__ import annotations

from ..gather import plan_comparison
from ..registry import Kind, register
from ..searches import Search, side_query

__all__ = ["KIND"]


def searches(analysis, shown: dict[str, str], k: int) -> tuple[Search, ...]:
    """One sub-question per side."""
    if len(analysis.sides) < 2:
        return ()
    return tuple(Search(side_query(analysis, side), k) for side in analysis.sides)


KIND = register(Kind(
    name="comparison", order=10,
    patterns=(r"\bso\s+sanh\b", r"\bkhac\s+(?:nhau|gi)\b", r"\bgiong\s+nhau\b",
              r"\b(?:cao|thap|nhieu|it|lon|nho|tot|nhanh)\s+hon\b(?!.*\bchua\b)",
              r"\bhon\s+hay\b", r"\bchenh\s+lech\b",
              r"\bvoi\b.*\bthi\s+(?:sao|the\s+nao)\b"),
    examples=("So sánh kết quả chuyển đổi số của Sóc Trăng và Hải Dương.",
              "Hải Dương và Nghệ An, tỉnh nào nhiều hơn?",
              "ty le o dia phuong voi o bo nganh khac nhau the nao"),
    plan=plan_comparison, searches=searches))
