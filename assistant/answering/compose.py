"""Compose an answer from chosen sentences: short Vietnamese, every claim cited and verified.

A `Pick` is a sentence span of a retrieved passage, optionally shown as one of its clauses and
with a label ("Hải Dương: "). Lines are joined inline or one per line; a verdict ("Không.")
or a statement of what the articles do not give may open the answer: those carry no fact of
their own, and verification checks that every number and name of a label or connective is in
a cited quote or passage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import messages as msg
from .cite import Numbering, facts, verify_citation, verify_sentence
from ..articles.clean import fold
from ..schema import Answer, Article, Hit

__all__ = ["Pick", "compose", "clauses", "format_date", "attribution"]

_CLAUSE = re.compile(r"[^;]+(?:;|$)")


@dataclass(frozen=True)
class Pick:
    """A sentence to cite; `piece` (a substring of it) is what is shown, when not all of it."""

    hit: Hit
    start: int
    end: int
    piece: str = ""
    label: str = ""
    label_checked: bool = False  # the plan checked the label itself (a year the sentence is about)


def format_date(iso: str, inferred: bool = False) -> str:
    """"2024-04-24" -> "24/04/2024"; an empty date says the article shows none; a date read
    from the article's own text says so."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    shown = f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else (iso or msg.NO_DATE)
    return msg.DATE_INFERRED.format(date=shown) if inferred and m else shown


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def attribution(article: Article) -> str:
    """"Theo <publisher> (<date>): " — where a fact comes from, when sources disagree."""
    label = article.source or f"bài “{_short(article.display_title)}”"
    return f"Theo {label} ({format_date(article.date, 'date' in article.inferred)}): "


def clauses(sentence: str) -> list[str]:
    """The semicolon-separated clauses of a sentence, stripped, in order."""
    return [c.strip().rstrip(";").strip() for c in _CLAUSE.findall(sentence) if c.strip(" ;")]


def _finish(piece: str) -> str:
    piece = piece.strip().rstrip(";,").strip()
    if not piece:
        return piece
    piece = piece[:1].upper() + piece[1:]
    return piece if piece[-1] in ".!?…”\")" else piece + "."


def compose(question: str, resolved: str, picks: Sequence[Pick], hits: Sequence[Hit],
            articles: dict[str, Article], *, kind: str, lines: bool = False,
            attribute: bool = False, opening: str = "", missing: Sequence[str] = (),
            closing: str = "", notices: tuple[str, ...] = (), confidence: float = 0.0
            ) -> Answer | None:
    """The answer made of `picks` (in the given order), or None when none of them verifies."""
    numbering = Numbering()
    parts: list[str] = []
    quotes: list[str] = []
    for pick in picks:
        citation = numbering.cite(pick.hit, pick.start, pick.end)
        piece = _finish(pick.piece or citation.quote)
        if pick.piece and pick.piece.strip()[:1].islower() and \
                not citation.quote.lstrip().startswith(pick.piece.strip()[:20]):
            piece = "…" + pick.piece.strip().rstrip(";,")  # an excerpt: not the sentence's start
            piece = piece if piece[-1] in ".!?…”\")" else piece + "…"
        if not verify_sentence(piece, [citation.quote]) or \
                not verify_citation(citation, articles, hits):
            continue  # never show a sentence with a citation that does not hold
        if pick.label and not pick.label_checked and not all(
                fold(f) in fold(f"{citation.passage} {citation.quote}") for f in facts(pick.label)):
            continue
        prefix = attribution(pick.hit.article) if attribute else ""
        label = f"{pick.label}: " if pick.label else ""
        parts.append(f"{'- ' if lines else ''}{label}{prefix}{piece} [{citation.n}]")
        quotes.append(f"{citation.passage} {citation.quote}")
    if not parts and not missing:
        return None
    cited = fold(" ".join(quotes))
    for connective in (opening, closing):
        if connective and not all(fold(f) in cited for f in facts(connective)):
            return None  # a connective may only join cited facts
    used = {int(n) for n in re.findall(r"\[(\d+)\]", " ".join(parts))}
    head = [opening] if opening else []
    head += list(missing)
    if missing and parts:
        head.append(msg.INSTEAD_INTRO)
    sep = "\n" if lines else " "
    text = sep.join(x for x in (" ".join(head), sep.join(parts), closing) if x)
    return Answer(question=question, text=text.strip(),
                  citations=tuple(c for c in numbering.citations if c.n in used),
                  notices=notices, resolved_question=resolved, confidence=confidence,
                  kind=kind, missing=tuple(missing))
