"""The web chat's conversation as the browser keeps it across reloads: pure functions, no Gradio.

The chat stores one JSON record in the browser's localStorage (Gradio's `BrowserState`): the
messages shown, the earlier turns (so a follow-up like "Còn năm 2024 thì sao?" still has its
history after a reload) and each answer's citations (so its [n] still open their articles and
its votes are still recorded). `record` makes it from the chat and its session state;
`restore` gives them back. A record that cannot be read is an empty conversation.
"""
from __future__ import annotations

from typing import Any

from ..schema import Answer, Citation, Figure, Turn
from ..serialize import to_dict

__all__ = ["record", "restore", "is_blank", "VERSION"]

VERSION = 1


def is_blank(question: Any) -> bool:
    """Whether a submitted question is empty (nothing to send: the chat ignores it)."""
    return not isinstance(question, str) or not question.strip()


def record(chat: list, state: dict) -> dict:
    """The JSON record of a conversation: its messages, turns and answers."""
    answers = {str(turn): {**to_dict(answer), "question": answer.question}
               for turn, answer in (state.get("answers") or {}).items()}
    return {"version": VERSION, "session": state.get("session", ""), "chat": list(chat or []),
            "turns": [[t.question, t.answer] for t in state.get("turns") or ()],
            "answers": answers}


def _citation(data: dict) -> Citation:
    return Citation(n=int(data["n"]), article_id=data["article_id"], title=data.get("title", ""),
                    date=data.get("date", ""), source=data.get("source", ""),
                    chunk_id=data.get("chunk_id", ""), passage=data.get("text", ""),
                    passage_start=int(data.get("passage_start", 0)),
                    passage_end=int(data.get("passage_end", 0)), quote=data.get("quote", ""),
                    start=int(data["start"]), end=int(data["end"]),
                    date_inferred=bool(data.get("date_inferred", False)))


def _answer(data: dict) -> Answer:
    return Answer(question=data.get("question", ""), text=data.get("answer", ""),
                  citations=tuple(_citation(c) for c in data.get("citations", ())),
                  abstained=bool(data.get("abstained", False)),
                  notices=tuple(data.get("notices", ())),
                  resolved_question=data.get("resolved_question", ""),
                  kind=data.get("kind", ""), missing=tuple(data.get("missing", ())),
                  figures=tuple(Figure(f["label"], float(f["value"]), f["unit"], int(f["n"]))
                                for f in data.get("figures", ())))


def restore(saved: Any, new_state: dict) -> tuple[list, dict]:
    """(chat, state) of a stored record; `new_state` (a fresh session state) when there is
    none or it cannot be read."""
    try:
        if not isinstance(saved, dict) or saved.get("version") != VERSION:
            return [], new_state
        chat = [m for m in saved["chat"] if isinstance(m, dict) and "role" in m]
        turns = [Turn(str(q), str(a)) for q, a in saved["turns"]]
        answers = {int(turn): _answer(data) for turn, data in saved["answers"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return [], new_state
    return chat, {**new_state, "session": saved.get("session") or new_state.get("session", ""),
                  "turns": turns, "answers": answers}
