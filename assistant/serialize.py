"""One JSON shape per schema type, shared by every way out of the assistant.

The CLI's `search --json` / `ask --json`, the Gradio `/ask` API, the HTTP API (`/api/...`) and
the OpenAI-compatible endpoint's `citations` field all serialize through `to_dict`, so a field
is named and filled in one place only (the shapes are listed in guide/http-api.md, "JSON shapes").
"""
from __future__ import annotations

from functools import singledispatch
from typing import Any

from .schema import Answer, Article, Citation, Figure, Hit

__all__ = ["to_dict", "HIT_FIELDS", "CITATION_FIELDS", "ANSWER_FIELDS",
           "ARTICLE_FIELDS", "FIGURE_FIELDS"]

HIT_FIELDS = ("rank", "score", "article_id", "title", "date", "source", "chunk_id", "start",
              "end", "text")
CITATION_FIELDS = ("n", "article_id", "title", "date", "source", "start", "end", "text",
                   "quote", "chunk_id", "passage_start", "passage_end", "date_inferred")
ARTICLE_FIELDS = ("article_id", "title", "date", "source", "author")
ANSWER_FIELDS = ("answer", "abstained", "citations", "related", "notices", "resolved_question",
                 "kind", "missing", "figures")
FIGURE_FIELDS = ("label", "value", "unit", "n")


@singledispatch
def to_dict(obj: Any) -> Any:
    """The JSON-ready form of a Hit, a Citation, an Answer or an Article (or a list or tuple
    of them)."""
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    raise TypeError(f"no JSON shape for {type(obj).__name__}")


@to_dict.register
def _hit(hit: Hit) -> dict:
    """A retrieved passage: its rank and fused score, its article and its span."""
    return {"rank": hit.rank, "score": round(hit.score, 6), "article_id": hit.article.id,
            "title": hit.article.title, "date": hit.article.date, "source": hit.article.source,
            "chunk_id": hit.chunk.id, "start": hit.chunk.start, "end": hit.chunk.end,
            "text": hit.chunk.text}


@to_dict.register
def _citation(c: Citation) -> dict:
    """A numbered source; `start`/`end` are the quote's span in the article, `text` the
    passage it lies in (itself at `passage_start`/`passage_end`)."""
    return {"n": c.n, "article_id": c.article_id, "title": c.title, "date": c.date,
            "source": c.source, "start": c.start, "end": c.end, "text": c.passage,
            "quote": c.quote, "chunk_id": c.chunk_id, "passage_start": c.passage_start,
            "passage_end": c.passage_end, "date_inferred": c.date_inferred}


@to_dict.register
def _answer(answer: Answer) -> dict:
    """The answer text with its [n] markers, its sources and why it may be empty."""
    return {"answer": answer.text, "abstained": answer.abstained,
            "citations": [_citation(c) for c in answer.citations],
            "related": [_hit(h) for h in answer.related],
            "notices": list(answer.notices), "resolved_question": answer.resolved_question,
            "kind": answer.kind, "missing": list(answer.missing),
            "figures": [_figure(f) for f in answer.figures]}


@to_dict.register
def _figure(figure: Figure) -> dict:
    """One figure of an answer's chart: its label (year, place, meeting), value, unit and the
    [n] of its source."""
    return {"label": figure.label, "value": figure.value, "unit": figure.unit, "n": figure.n}


@to_dict.register
def _article(article: Article) -> dict:
    """An article of the library (its text is not included; `title`: the shown title)."""
    return {"article_id": article.id, "title": article.display_title, "date": article.date,
            "source": article.source, "author": article.author}
