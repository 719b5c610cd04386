"""Likes and dislikes from the chat, appended to a JSONL log the evaluation reads."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from .schema import Answer, to_dict

__all__ = ["record_feedback", "read_feedback", "feedback_path"]

_LOCK = threading.Lock()


def feedback_path(data_dir: Path) -> Path:
    """Where the log lives: `<data_dir>/feedback.jsonl`."""
    return data_dir / "feedback.jsonl"


def record_feedback(data_dir: Path, answer: Answer, liked: bool) -> dict:
    """Append one vote (question, answer, citations, vote, time) and return the record."""
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "question": answer.question,
              "answer": answer.text, "abstained": answer.abstained,
              "citations": [to_dict(c) for c in answer.citations],
              "vote": "like" if liked else "dislike"}
    path = feedback_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK, path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return record


def read_feedback(data_dir: Path) -> list[dict]:
    """Every readable vote of the log (a damaged line is skipped, not fatal)."""
    path = feedback_path(data_dir)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out
