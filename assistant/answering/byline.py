"""Who wrote an article and where it was published ("Tác giả bài … là ai?", "Bài về phiên
họp thứ 8 đăng trên báo nào, ai viết?", "Who is the author of …?"): read from the article's
own metadata (shown with it when its passage is opened), said with its title, and its opening
sentence cited so the article is one click away. An article that names no author or
publisher says so. The article meant is the one a summary would read (`gather.target_article`)
when the question names its place, meeting or date; else the one whose opening sentences are
closest to the question ("the article reporting that the final goal … is to serve people").
Table tests in tests/answering/test_byline.py."""
from __future__ import annotations

import dataclasses
import re

from .. import messages as msg
from ..articles.clean import fold
from ..schema import Answer, Article
from .compose import Pick, format_date
from .gather import target_article
from .names import article_chunks, article_sentences, hits_for_spans, sentence_rows
from .plans import Context, abstain, respond

__all__ = ["asks", "byline", "plan_byline"]

# What is asked, on the folded question: the writer, the publisher
_AUTHOR = re.compile(r"\b(?:tac\s+gia|ai\s+viet|viet\s+boi|but\s+danh|phong\s+vien\s+nao"
                     r"|author|who\s+wrote|written\s+by)\b")
_SOURCE = re.compile(r"\b(?:bao\s+nao|trang\s+nao|nguon\s+(?:bai|tin)|co\s+quan\s+bao\s+chi"
                     r"|(?:dang|dang\s+tai|dua\s+tin)\s+(?:tren|o|boi)\s+(?:dau|bao\s+nao)"
                     r"|which\s+(?:newspaper|outlet|website|site))\b")

_OPENING = 3  # the sentences of an article that say what it reports


def asks(question: str) -> tuple[bool, bool]:
    """Whether the question (as typed or rewritten) asks the author, the publisher."""
    folded = fold(question)
    return _AUTHOR.search(folded) is not None, _SOURCE.search(folded) is not None


def byline(article: Article, author: bool, source: bool) -> str:
    """The sentence that answers who wrote the article and where it appeared."""
    title = article.display_title
    when = format_date(article.date, "date" in article.inferred) if article.date else ""
    said = []
    if source or not author:
        said.append(msg.BYLINE_SOURCE.format(source=article.source, date=when).strip(" ,")
                    if article.source else msg.BYLINE_NO_SOURCE)
    if author:
        said.append(msg.BYLINE_AUTHOR.format(author=article.author) if article.author
                    else msg.BYLINE_NO_AUTHOR)
    return msg.BYLINE.format(title=title, said=", ".join(said))


def _meant(ctx: Context, hits: list) -> Article:
    article, named = target_article(ctx, hits)
    vectors = ctx.index.sentence_vectors
    if named or vectors is None:
        return article
    rows = sentence_rows(ctx.index)
    best, best_fit = article, -1.0
    for candidate in ctx.index.articles.values():
        fit = max((float(vectors[rows[(candidate.id, s, e)]] @ ctx.qvec)
                   for s, e in article_sentences(ctx.index, candidate.id)[:_OPENING]
                   if (candidate.id, s, e) in rows), default=-1.0)
        if fit > best_fit:
            best, best_fit = candidate, fit
    return best


def plan_byline(ctx: Context, hits: list) -> Answer:
    """The byline of the article meant, then its opening sentence, cited."""
    if not hits:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, "byline")
    article = _meant(ctx, hits)
    author, source = asks(f"{ctx.question} {ctx.analysis.text}")
    spans = article_sentences(ctx.index, article.id)[:1]
    hits = hits_for_spans(article, article_chunks(ctx.index, article.id), spans, hits)
    hit = next((h for h in hits if h.article.id == article.id and spans
                and h.chunk.start <= spans[0][0] and spans[0][1] <= h.chunk.end), None)
    if hit is None:
        return abstain(ctx.question, hits, ctx.notices, ctx.resolved, 0.0, "byline")
    lead = respond(ctx, [Pick(hit, *spans[0])], hits, hits[0].score)
    if lead.abstained:
        return lead
    said = byline(article, author, source)
    unnamed = author and not article.author or source and not article.source
    return dataclasses.replace(lead, text=f"{said} {msg.BYLINE_LEAD} {lead.text}",
                               missing=(said,) if unnamed else ())
