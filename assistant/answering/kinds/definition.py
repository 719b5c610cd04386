"""Definitions: what a term is, from the sentence that defines it ("X là …"); the term is
searched on its own too, since the defining sentence may share no other word with the
question. The plan is `plans.plan_definition`."""
from __future__ import annotations

from ..plans import plan_definition
from ..registry import Kind, register
from ..searches import Search

__all__ = ["KIND"]


def searches(analysis, shown: dict[str, str], k: int) -> tuple[Search, ...]:
    return (Search(analysis.term, max(k, 10)),) if analysis.term else ()


KIND = register(Kind(
    name="definition", order=80,
    patterns=(r"\bla\s+(?:gi|cai\s+gi|sao)\s*[?.!]*\s*$", r"\bnghia\s+la\s+gi\b",
              r"\bdinh\s+nghia\b", r"\bduoc\s+hieu\s+(?:la|nhu\s+the\s+nao)\b",
              r"\bviet\s+tat\b", r"\bten\s+day\s+du\b", r"\bla\s+(?:gi|cai\s+gi)\b",
              r"\bla\s+(?:\w+\s+){0,2}?ve\s+(?:cai\s+|viec\s+|chuyen\s+)?gi\b",
              r"\bla\s+(?:de\s+an|chuong\s+trinh|he\s+thong|nghi\s+quyet|luat|van\s+ban)\s+gi\b"),
    examples=("Đề án 06 là gì?", "EGDI viet tat cua gi",
              "Theo tư duy của tỉnh, chuyển đổi số là gì?",
              "Đề án 06 là đề án về cái gì vậy?",
              "Đề án 06 thực chất là chương trình về việc gì?",
              "Đề án 06 là đề án gì, tên đầy đủ của nó ra sao?"),
    plan=plan_definition, searches=searches))
