"""A sealed set has one first run: recorded with its sha256, refused the second time."""
from __future__ import annotations

import json
from pathlib import Path

from assistant.evaluation import first_sight
from assistant.evaluation.kinds import best_passage_coverage, summarize_kinds


def _rows():
    return [
        {"id": "a", "kind": "fact", "style": "english", "near_miss": False, "abstained": False,
         "words": 40, "coverage": 1.0, "false_abstention": 0.0, "best_passage": 0.5,
         "millis": 1.0, "citations_verified": 1.0},
        {"id": "b", "kind": "list", "style": "plain", "near_miss": False, "abstained": True,
         "words": 8, "coverage": 0.0, "false_abstention": 1.0, "best_passage": 0.5,
         "millis": 1.0, "citations_verified": None},
        {"id": "c", "kind": "fact", "style": "plain", "near_miss": True, "abstained": True,
         "words": 8, "handled": 1.0, "presented": 0.0, "millis": 1.0,
         "citations_verified": None},
    ]


def test_the_section_gives_coverage_beside_the_best_passage_and_every_kind():
    rows = _rows()
    text = first_sight.first_sight_section("s.jsonl", "ab" * 32, "abc1234",
                                           summarize_kinds(rows), rows, "2026-12-05 22:00 UTC")
    assert "sha256 `" + "ab" * 32 in text and "build `abc1234`" in text
    assert "key-point coverage: **0.500**; best passage as-is at the same length: 0.500" in text
    assert "answerable questions declined: 0.500" in text
    assert "near misses handled: 1.000" in text
    assert "| list | 1 | 0 | 0.000 |" in text and "| english | 1 | 1.000 |" in text


def test_a_set_already_run_is_refused(tmp_path: Path, capsys):
    sealed = tmp_path / "s.jsonl"
    sealed.write_text(json.dumps({"id": "x", "kind": "fact", "question": "q"}) + "\n")
    record = tmp_path / "FIRST_SIGHT.md"
    record.write_text(f"## s.jsonl\n- sha256 `{first_sight.sealed_sha256(sealed)}`\n")
    assert first_sight.already_run(record, first_sight.sealed_sha256(sealed))
    code = first_sight.main(None, sealed, retriever=None, reports_dir=tmp_path / "r",
                            record=record)
    assert code == 2 and "already had its first run" in capsys.readouterr().out
    assert not (tmp_path / "r").exists()


def test_a_changed_set_is_a_new_set(tmp_path: Path):
    sealed = tmp_path / "s.jsonl"
    sealed.write_text("{}\n")
    record = tmp_path / "FIRST_SIGHT.md"
    record.write_text(f"sha256 `{first_sight.sealed_sha256(sealed)}`\n")
    sealed.write_text("{} \n")
    assert not first_sight.already_run(record, first_sight.sealed_sha256(sealed))


def test_the_best_passage_is_cut_to_the_answers_length():
    passage = "một hai ba bốn năm sáu bảy tám chín mười"
    assert best_passage_coverage([["một"], ["mười"]], passage, 10) == 1.0
    assert best_passage_coverage([["một"], ["mười"]], passage, 3) == 0.5
