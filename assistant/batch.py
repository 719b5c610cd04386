"""The stdin batches of `ask -` and `search -`: one question (or one JSON conversation) per
line, one JSON line out each; a line that fails gets `{"error": ...}` and the next is answered.
"""
from __future__ import annotations

import json
import sys
from typing import Callable, Iterable, TextIO

from . import messages as msg
from .articles.clean import scrub
from .schema import Turn, as_turns

__all__ = ["questions", "conversation", "each_question"]


def questions(arg: str, stdin: TextIO) -> Iterable[str] | None:
    """The stdin lines for '-': read as bytes, so that a line that is not UTF-8 (kept with
    surrogate escapes, replaced later) never stops the lines after it."""
    if arg != "-":
        return None
    source = getattr(stdin, "buffer", None)
    if source is None:
        return (line.rstrip("\n") for line in stdin)
    return (line.decode("utf-8", "surrogateescape").rstrip("\r\n") for line in source)


class _BadLine(ValueError):
    """A stdin line that is meant as JSON but is not a question object (message in
    Vietnamese): answered by an error object for that line, the batch going on."""


def conversation(line: str) -> tuple[str, tuple[Turn, ...]]:
    """A stdin line: a plain question, or a JSON object {"question": ..., "history":
    [{"question": ..., "answer": ...}, ...]} (earlier turns, oldest first). A line that opens
    with "{" must be such an object, and a line that parses as any other JSON value
    (`[1,2,3]`, `5`) is no question: both raise _BadLine."""
    text = line.strip()
    try:
        row = json.loads(text) if text[:1] in "{[" and text else None
    except ValueError:
        if text.startswith("{"):
            raise _BadLine(msg.BATCH_BAD_JSON) from None
        return line, ()  # "[1] là gì?": a question that happens to open with a bracket
    if row is None:
        return line, ()
    if not isinstance(row, dict):
        raise _BadLine(msg.BATCH_NOT_OBJECT)
    history = row.get("history", [])
    if not isinstance(row.get("question"), str):
        raise _BadLine(msg.BATCH_BAD_FIELD.format(field="question", kind=msg.KIND_STRING))
    if not isinstance(history, list) or not all(
            isinstance(t, str) or (isinstance(t, dict) and isinstance(t.get("question"), str)
                                   and isinstance(t.get("answer", ""), str)) for t in history):
        raise _BadLine(msg.BATCH_BAD_FIELD.format(field="history", kind=msg.KIND_TURNS))
    return row["question"], as_turns(history)


def each_question(arg: str, run: Callable, as_json: Callable, json_out: bool,
                   show: Callable) -> int:
    """One question from the command line, or one per stdin line with one JSON line each.

    In batch mode a line that fails gets `{"error": message}` and the next line is answered;
    the exit code is then 1."""
    lines = questions(arg, sys.stdin)
    if lines is None:
        result = run(arg)
        if json_out:
            print(json.dumps(as_json(result), ensure_ascii=False, indent=1))
        else:
            show(result)
        return 0
    failed = False
    for number, line in enumerate(lines, start=1):
        try:
            row = as_json(run(line))
        except Exception as exc:  # noqa: BLE001 - one bad line never stops the batch
            failed = True
            from .serving.engine import user_reason

            reason = scrub(str(exc) if isinstance(exc, _BadLine) else user_reason(exc))
            row = {"error": msg.BATCH_LINE_FAILED.format(line=number, reason=reason)}
            print(row["error"], file=sys.stderr)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return 1 if failed else 0
