"""The conversation the browser keeps across reloads: a JSON record that gives back the chat,
its turns and its answers (citations and figures), and an unreadable record is no conversation."""
from __future__ import annotations

import json

import pytest

from assistant.schema import Answer, Citation, Figure, Turn
from assistant.serving.ui_memory import VERSION, is_blank, record, restore

CITATION = Citation(n=1, article_id="bai", title="Bài", date="2024-01-02", source="Báo",
                    chunk_id="bai#0", passage="Năm 2024 đạt 18,3%.", passage_start=5,
                    passage_end=24, quote="Năm 2024 đạt 18,3%.", start=5, end=24)
ANSWER = Answer("Tỷ trọng năm 2024?", "Năm 2024 đạt 18,3% [1].", citations=(CITATION,),
                notices=("Hiểu câu hỏi là: …",), resolved_question="Tỷ trọng năm 2024?",
                kind="number", figures=(Figure("năm 2024", 18.3, "%", 1),))
CHAT = [{"role": "user", "content": "Tỷ trọng năm 2024?"},
        {"role": "assistant", "content": "<div class='answer'>…</div>"}]
STATE = {"session": "abc", "turns": [Turn("Tỷ trọng năm 2024?", ANSWER.text)],
         "answers": {2: ANSWER}, "votes": {}}


def test_a_conversation_comes_back_as_it_was() -> None:
    saved = json.loads(json.dumps(record(CHAT, STATE)))  # what localStorage holds
    chat, state = restore(saved, {"session": "new", "turns": [], "answers": {}, "votes": {}})
    assert chat == CHAT
    assert state["turns"] == STATE["turns"] and state["session"] == "abc"
    assert state["answers"] == {2: ANSWER} and state["votes"] == {}


@pytest.mark.parametrize("saved", [None, "", [], {"version": VERSION + 1, "chat": CHAT},
                                   {"version": VERSION, "chat": CHAT},
                                   {"version": VERSION, "chat": CHAT, "turns": [["q"]],
                                    "answers": {}}])
def test_an_unreadable_record_is_no_conversation(saved) -> None:
    fresh = {"session": "new", "turns": [], "answers": {}, "votes": {}}
    assert restore(saved, fresh) == ([], fresh)


@pytest.mark.parametrize("question,blank", [("", True), ("  \n\t", True), (None, True),
                                            (3, True), ("Đề án 06?", False), (" a ", False)])
def test_blank_questions_are_not_sent(question, blank: bool) -> None:
    assert is_blank(question) is blank
