"""K-fold cross-validation of a tuned number, from per-question results at each candidate value.

A tuned number (the abstention threshold, the fusion weight) is chosen on k-1 folds and the
figures of the held-out fold are kept, for every fold in turn: the held-out figures are what a
new question may expect; the in-sample figures (value chosen on all questions) flatter.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

__all__ = ["fold_of", "choose", "cross_validate", "CVResult"]

Rows = Sequence[Mapping]


def fold_of(question_id: str, k: int) -> int:
    """A stable fold for a question (a hash of its id, so adding questions moves none)."""
    base = question_id.split("-folded")[0]
    return int(hashlib.sha256(base.encode()).hexdigest(), 16) % k


def choose(runs: Mapping[float, Rows], objective: Callable[[Rows], float],
           feasible: Callable[[Rows], bool] = lambda rows: True) -> float:
    """The candidate value with the best objective among the feasible ones (ties: the middle
    of the best values); the smallest value when none is feasible."""
    values = sorted(runs)
    ok = [v for v in values if feasible(runs[v])] or values[:1]
    best = max(objective(runs[v]) for v in ok)
    tied = [v for v in ok if objective(runs[v]) >= best - 1e-9]
    return tied[len(tied) // 2]


@dataclass(frozen=True)
class CVResult:
    chosen_all: float  # the value chosen on every question (what ships)
    chosen_per_fold: tuple[float, ...]
    held_out: tuple[Mapping, ...]  # each question's row from the run its fold's value chose
    in_sample: tuple[Mapping, ...]  # each question's row at `chosen_all`


def cross_validate(runs: Mapping[float, Rows], objective: Callable[[Rows], float],
                   feasible: Callable[[Rows], bool] = lambda rows: True, k: int = 5
                   ) -> CVResult:
    """Choose the value on k-1 folds, keep the held-out fold's rows; for every fold."""
    chosen, held = [], []
    for fold in range(k):
        train = {v: [r for r in rows if fold_of(r["id"], k) != fold] for v, rows in runs.items()}
        value = choose(train, objective, feasible)
        chosen.append(value)
        held += [r for r in runs[value] if fold_of(r["id"], k) == fold]
    best = choose(runs, objective, feasible)
    return CVResult(best, tuple(chosen), tuple(held), tuple(runs[best]))
