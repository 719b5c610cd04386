"""Roles: the posts a person holds, as the articles write them next to the name; the person's
name is searched on its own too. The plan is `plans.plan_role`."""
from __future__ import annotations

from ..question import entity_kind
from ..plans import plan_role
from ..registry import Kind, register
from ..searches import Search

__all__ = ["KIND"]


def searches(analysis, shown: dict[str, str], k: int) -> tuple[Search, ...]:
    """The person's name as the articles write it."""
    people = [e for e in analysis.entities if entity_kind(e) == "person"]
    return (Search(shown.get(people[0], people[0].title()), max(k, 8)),) if people else ()


KIND = register(Kind(
    name="role", order=40,
    patterns=(r"\b(?:chuc\s+vu|chuc\s+danh|vai\s+tro|cuong\s+vi|giu\s+chuc)\b.*\b(?:gi|nao)\b",),
    examples=("Ông ấy còn giữ chức vụ gì nữa", "Bà ấy giữ cương vị nào?"),
    plan=plan_role, searches=searches))
