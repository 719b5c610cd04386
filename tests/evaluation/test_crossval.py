"""Cross-validation of a tuned number (no model, no index)."""
from __future__ import annotations

from assistant.evaluation.crossval import choose, cross_validate, fold_of


def _rows(values):
    return [{"id": f"q{i}", "u": v} for i, v in enumerate(values)]


def test_folds_are_stable_and_folded_copies_stay_with_their_question() -> None:
    assert fold_of("q001", 5) == fold_of("q001", 5) == fold_of("q001-folded", 5)
    assert len({fold_of(f"q{i}", 5) for i in range(50)}) == 5


def test_choose_takes_the_best_feasible_value_and_the_middle_of_ties() -> None:
    def mean(rows):
        return sum(r["u"] for r in rows) / len(rows)

    runs = {0.1: _rows([1, 1]), 0.2: _rows([1, 1]), 0.3: _rows([1, 1]), 0.4: _rows([0, 0])}
    assert choose(runs, mean) == 0.2
    assert choose(runs, mean, lambda rows: rows is runs[0.4]) == 0.4


def test_held_out_figures_come_from_values_chosen_without_the_fold() -> None:
    runs = {t: [{"id": f"q{i}", "u": float(t == 0.5 or i % 2)} for i in range(40)]
            for t in (0.4, 0.5, 0.6)}
    cv = cross_validate(runs, lambda rows: sum(r["u"] for r in rows) / len(rows), k=4)
    assert cv.chosen_all == 0.5 and set(cv.chosen_per_fold) == {0.5}
    assert sorted(r["id"] for r in cv.held_out) == sorted(f"q{i}" for i in range(40))
