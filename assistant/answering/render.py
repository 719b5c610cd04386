"""An answer as plain text: the one rendering the CLI, the HTTP/OpenAI API and the chat's copy
button share, and the one filter of the related passages a declined answer lists."""
from __future__ import annotations

from .. import messages as msg
from ..schema import Answer, Hit
from .compose import format_date

__all__ = ["answer_text", "related_passages", "snippet"]

_SNIPPET = 220  # characters of a related passage shown when declining


def related_passages(answer: Answer, min_lexical: float) -> list[Hit]:
    """The passages a declined answer shows: those whose lexical score reaches `min_lexical`
    (`ASSISTANT_RELATED_MIN_LEXICAL`); none when the question was answered."""
    if not answer.abstained:
        return []
    return [h for h in answer.related if (h.lexical_score or 0.0) >= min_lexical]


def snippet(text: str, limit: int = _SNIPPET) -> str:
    """A passage on one line, cut at a word under `limit` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def answer_text(answer: Answer, *, related_min_lexical: float = 0.0) -> str:
    """Notices in brackets, the text with its [n] markers, then one line per source with the
    quoted sentence, or, when it declines, the closest passages that pass the filter."""
    lines = [f"({n})" for n in answer.notices] + [answer.text]
    if answer.citations:
        lines += ["", f"{msg.SOURCES}:"]
        for c in answer.citations:
            meta = " · ".join(x for x in (c.source, format_date(c.date, c.date_inferred)) if x)
            lines.append(msg.SOURCE_LINE.format(n=c.n, title=c.title, quote=c.quote,
                                                meta=f" ({meta})" if meta else ""))
    related = related_passages(answer, related_min_lexical)
    if related:
        lines += ["", msg.RELATED_INTRO]
        lines += [f"- {h.article.display_title}: {snippet(h.chunk.text)}" for h in related]
    return "\n".join(lines)
