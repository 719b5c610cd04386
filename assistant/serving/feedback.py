"""Likes and dislikes from the chat, appended to a JSONL log the evaluation reads.

Each record names the answer it is about (`answer_id`, unique per session and answer) and what
the reader did: "like", "dislike", or "none" when a vote was taken back. The reader's current
vote on an answer is its last record, so `read_feedback` returns one vote per answer (taken-
back votes left out). Long strings are cut to `max_chars` so a record stays small whatever was
asked; the chat also caps how many records one answer may get in a session.
"""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from ..schema import Answer

__all__ = ["record_feedback", "read_feedback", "feedback_path", "vote_name", "VOTES"]

VOTES = ("like", "dislike", "none")
_LOCK = threading.Lock()


def feedback_path(data_dir: Path) -> Path:
    """Where the log lives: `<data_dir>/feedback.jsonl`."""
    return data_dir / "feedback.jsonl"


def _cut(text: str, max_chars: int) -> str:
    return text if len(text) <= max_chars else text[:max_chars] + "…"


def vote_name(liked: bool | str) -> str:
    """Gradio's `LikeData.liked` as a vote: True "like", False "dislike", "" (the reader
    clicked the same thumb again) "none"; a vote name is kept."""
    if isinstance(liked, bool):
        return "like" if liked else "dislike"
    if liked in VOTES:
        return liked
    if liked == "" or liked is None:
        return "none"
    raise ValueError(f"unknown vote {liked!r}")


def record_feedback(data_dir: Path, answer: Answer, liked: bool | str, *, answer_id: str = "",
                    max_chars: int = 2000) -> dict:
    """Append what the reader did on an answer (see `vote_name`) and return the record."""
    vote = vote_name(liked)
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "answer_id": answer_id,
              "question": _cut(answer.question, max_chars), "answer": _cut(answer.text, max_chars),
              "abstained": answer.abstained,
              "citations": [{"n": c.n, "article_id": c.article_id, "title": _cut(c.title, 200),
                             "date": c.date, "start": c.start, "end": c.end,
                             "quote": _cut(c.quote, max_chars)} for c in answer.citations],
              "vote": vote}
    path = feedback_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK, path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return record


def read_feedback(data_dir: Path) -> list[dict]:
    """The current vote of every answer in the log, oldest first (a damaged line is skipped,
    not fatal; a vote taken back counts as none)."""
    path = feedback_path(data_dir)
    if not path.exists():
        return []
    latest: dict[object, dict] = {}
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        key = record.get("answer_id") or ("line", i)  # old records: one vote each
        latest.pop(key, None)
        latest[key] = record
    return [r for r in latest.values() if r.get("vote") != "none"]
