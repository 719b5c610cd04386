"""The YAML front matter of a text or Markdown article, read safely and within limits.

A header is what an editor types or pastes, so it is read as untrusted input: at most
`MAX_HEADER_CHARS` characters, nested at most `MAX_DEPTH` levels, at most `MAX_NODES` values,
and no alias (`*name`: the expansion of a few hundred bytes into gigabytes, the "billion
laughs"). These limits are checked on the parser's events, before anything is built, so a
header nested thousands of levels deep never reaches Python's recursion limit. Timestamps stay
the text they were written as (`date: 2024-02-30` is no traceback); a date written as
year-month-day must be a real day. Every field the article uses (`FIELDS`) must be a single
value of at most `MAX_FIELD_CHARS` characters. Anything else raises `HeaderError` with a
Vietnamese reason: the caller skips that one article and says why.
"""
from __future__ import annotations

import datetime
import re

import yaml

from .. import messages as msg

__all__ = ["FIELDS", "MAX_HEADER_CHARS", "MAX_DEPTH", "MAX_NODES", "MAX_FIELD_CHARS",
           "HeaderError", "split_header", "read_header"]

FIELDS = ("id", "title", "date", "source", "author")
MAX_HEADER_CHARS = 16_000
MAX_DEPTH = 10
MAX_NODES = 2_000
MAX_FIELD_CHARS = 1_000
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_Parser = yaml.SafeLoader  # the pure-Python parser: iterative, and streams events one by one


class HeaderError(ValueError):
    """A front matter that is not read; the message (Vietnamese) says why."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, with timestamps kept as the text written."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp",
                        lambda loader, node: loader.construct_scalar(node))


def split_header(text: str) -> tuple[str | None, str]:
    """(the header's YAML, the body after it), or (None, text) when there is no header."""
    match = _FRONT.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def _where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return msg.HEADER_SYNTAX
    return msg.HEADER_SYNTAX_AT.format(line=mark.line + 1, column=mark.column + 1)


def _check_shape(header: str) -> None:
    """Refuse aliases, deep nesting and too many values, from the events alone."""
    depth = nodes = 0
    for event in yaml.parse(header, Loader=_Parser):
        if isinstance(event, yaml.AliasEvent):
            raise HeaderError(msg.HEADER_ALIAS)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise HeaderError(msg.HEADER_TOO_DEEP.format(limit=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent,
                              yaml.SequenceStartEvent)):
            nodes += 1
            if nodes > MAX_NODES:
                raise HeaderError(msg.HEADER_TOO_MANY.format(limit=MAX_NODES))


def _field(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple, set, bytes, bytearray)):
        raise HeaderError(msg.HEADER_FIELD_NOT_VALUE.format(field=name))
    text = str(value).strip()
    if len(text) > MAX_FIELD_CHARS:
        raise HeaderError(msg.HEADER_FIELD_TOO_LONG.format(field=name, chars=len(text),
                                                           limit=MAX_FIELD_CHARS))
    if name == "date":
        day = _ISO_DAY.match(text)
        if day:
            try:
                datetime.date(*(int(g) for g in day.groups()))
            except ValueError:
                raise HeaderError(msg.HEADER_BAD_DATE.format(date=text[:40])) from None
    return text


def read_header(header: str) -> dict[str, str]:
    """The article's fields (`FIELDS`, "" when absent) from a header's YAML; raise
    HeaderError when it is over a limit, not YAML, not a mapping or has a bad field."""
    if len(header) > MAX_HEADER_CHARS:
        raise HeaderError(msg.HEADER_TOO_LARGE.format(chars=len(header),
                                                      limit=MAX_HEADER_CHARS))
    try:
        _check_shape(header)
        meta = yaml.load(header, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except HeaderError:
        raise
    except yaml.YAMLError as exc:
        raise HeaderError(msg.ARTICLE_BAD_HEADER.format(reason=_where(exc))) from None
    except (ValueError, TypeError, OverflowError, RecursionError):
        raise HeaderError(msg.ARTICLE_BAD_HEADER.format(reason=msg.HEADER_SYNTAX)) from None
    if meta is None:
        return dict.fromkeys(FIELDS, "")
    if not isinstance(meta, dict):
        raise HeaderError(msg.ARTICLE_HEADER_NOT_MAPPING)
    return {name: _field(name, meta.get(name)) for name in FIELDS}
