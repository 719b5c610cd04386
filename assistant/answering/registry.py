"""The kinds of question, registered by their modules (`answering.kinds`, one per kind).

A kind registers its question patterns (on the folded, filler-free question) with example
questions that are its tests, the searches its plan reads besides the question's own, and its
plan; a kind without a plan of its own is answered by the single-fact plan. Kinds are tried
in their `order`, except that a pattern a kind marks as `opening` (a question word that opens
the question: "Vì sao …", "Tại sao …") decides before any other kind's patterns.
This module imports nothing of the answerer, so that `question` can read it and the kinds'
modules can register plans that read `question`.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Kind", "register", "kinds", "classify", "plan_for", "searches_for"]


@dataclass(frozen=True)
class Kind:
    """One kind of question: how it is recognised, searched for and answered."""

    name: str
    order: int
    patterns: tuple[str, ...]
    examples: tuple[str, ...]
    plan: Callable[..., Any] | None = None  # (Context, hits) -> Answer; None: the fact plan
    searches: Callable[..., tuple] | None = None  # (Analysis, shown, k) -> tuple[Search, ...]
    opening: tuple[str, ...] = ()
    compiled: re.Pattern | None = field(default=None, compare=False, repr=False)
    opens: re.Pattern | None = field(default=None, compare=False, repr=False)


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add (or replace) a kind; its patterns are compiled once here."""
    compiled = re.compile("|".join(kind.patterns)) if kind.patterns else None
    opens = re.compile("|".join(kind.opening)) if kind.opening else None
    kind = dataclasses.replace(kind, compiled=compiled, opens=opens)
    _KINDS[kind.name] = kind
    return kind


def kinds() -> tuple[Kind, ...]:
    """The registered kinds, in the order they are tried."""
    return tuple(sorted(_KINDS.values(), key=lambda k: (k.order, k.name)))


def classify(folded: str) -> str:
    """The kind of a folded question: an opening pattern first, else the first kind (in
    order) whose patterns match; "open" when none does."""
    ordered = kinds()
    for kind in ordered:
        if kind.opens is not None and kind.opens.search(folded):
            return kind.name
    for kind in ordered:
        if kind.compiled is not None and kind.compiled.search(folded):
            return kind.name
    return "open"


def plan_for(name: str) -> Callable[..., Any] | None:
    kind = _KINDS.get(name)
    return kind.plan if kind else None


def searches_for(name: str) -> Callable[..., tuple] | None:
    kind = _KINDS.get(name)
    return kind.searches if kind else None
