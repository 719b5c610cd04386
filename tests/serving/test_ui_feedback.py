"""The feedback log: what the reader did, one current vote per answer, bounded records."""
from __future__ import annotations

import json

import pytest

from assistant.serving.feedback import read_feedback, record_feedback, vote_name
from assistant.schema import Answer


@pytest.mark.parametrize("liked, vote", [(True, "like"), (False, "dislike"), ("", "none"),
                                         (None, "none"), ("like", "like")])
def test_what_the_reader_did(liked, vote) -> None:
    assert vote_name(liked) == vote


def test_unknown_vote_is_refused() -> None:
    with pytest.raises(ValueError):
        vote_name("Spam")


def test_one_current_vote_per_answer_and_taken_back_votes_do_not_count(tmp_path) -> None:
    answer = Answer(question="Đề án 06?", text="Ngày 06/1/2022 [1]")
    record_feedback(tmp_path, answer, True, answer_id="s1-1")
    record_feedback(tmp_path, answer, "", answer_id="s1-1")  # un-like
    record_feedback(tmp_path, answer, False, answer_id="s1-3")
    record_feedback(tmp_path, answer, True, answer_id="s1-3")
    lines = [json.loads(x) for x in (tmp_path / "feedback.jsonl").read_text().splitlines()]
    assert [r["vote"] for r in lines] == ["like", "none", "dislike", "like"]
    assert [(r["answer_id"], r["vote"]) for r in read_feedback(tmp_path)] == [("s1-3", "like")]


def test_long_questions_are_cut_in_the_log(tmp_path) -> None:
    answer = Answer(question=" " * 300_000 + "x" * 10_000, text="y" * 50_000)
    record = record_feedback(tmp_path, answer, True, answer_id="s-1", max_chars=2000)
    size = (tmp_path / "feedback.jsonl").stat().st_size
    assert len(record["question"]) <= 2001 and len(record["answer"]) <= 2001 and size < 6000
