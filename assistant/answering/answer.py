"""From a question to a short cited answer, extractively: no LLM needed.

Steps, each in its own module: clean the question (here), resolve a follow-up (`followup`),
read it once (`question.analyze`), search (here: the question's own search and those its
kind plans, `searches`), then the plan for its kind (`plans`, `gather`) selects evidence
from the hits (`evidence`), composes the answer (`compose`) or abstains.
Every sentence shown is the article's own wording, followed by its [n] marker; what the
question asks and the articles do not give is said, never papered over with a near miss.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterator, Sequence

import numpy as np

from .. import messages as msg
from ..articles.clean import fold, normalize
from .compose import format_date
from .followup import carry_names, needs_context, resolve_followup
from .general import complete
from .nearmiss import check
from .english import NAME_RUN
from .lexicon import abbreviation_keys, is_english, rewrite, with_initials
from .names import (corpus_abbreviations, corpus_initials, corpus_names,
                    corpus_place_initials)
from . import kinds  # noqa: F401  (each kind's module registers itself)
from .kinds.yesno import yes_no_verdict
from .evidence import set_at
from .plans import Context, abstain, dated, plan_fact
from .question import Analysis, analyze, strip_filler, without_unread_initials
from .registry import plan_for
from .searches import planned_searches
from .shown import shown_followup
from .cues import MATTER_POINTER, MEETING_NAMED
from ..indexing.retrieve import Mode, Retriever
from ..schema import Answer, Hit, Turn, as_turns


__all__ = ["prepare_question", "resolve_followup", "answer_question", "abstain",
           "format_date", "stream_text", "plan_question", "yes_no_verdict"]


def prepare_question(text: str, max_chars: int) -> tuple[str, tuple[str, ...]]:
    """NFC, no control characters, single spaces, at most `max_chars` (with a notice)."""
    question = " ".join(normalize(text or "").split())
    if len(question) <= max_chars:
        return question, ()
    cut = question[:max_chars]
    cut = cut[: cut.rfind(" ")] if " " in cut[max_chars // 2:] else cut
    return cut, (msg.QUESTION_SHORTENED.format(kept=len(cut), total=len(question)),)


def _search(retriever: Retriever, analysis: Analysis, qvec: np.ndarray, k: int,
            mode: Mode) -> list[Hit]:
    """Hybrid search; when the question names a month ("tháng 2/2025"), passages of articles
    dated then move up (by `date_boost` of the best score), since their text may say "6/2";
    when it names where its meeting was held ("hội nghị tại Đà Nẵng"), those of articles set
    there (by `scene_boost`)."""
    vector = qvec if mode != "lexical" else None
    if not analysis.months and not analysis.scene:  # a bare year is checked per sentence: a
        return retriever.search(analysis.text, k=k, mode=mode, query_vector=vector)  # review
    hits = retriever.search(analysis.text, k=max(4 * k, 20), mode=mode, query_vector=vector)
    if not hits:
        return hits
    top = max(h.score for h in hits)
    date, scene = retriever.settings.date_boost * top, retriever.settings.scene_boost * top

    def boosted(h: Hit) -> float:
        return (h.score + (date if analysis.months and dated(h.article, analysis) else 0)
                + (scene if analysis.scene and set_at(h.article, analysis) else 0))
    ranked = sorted(hits, key=boosted, reverse=True)[:k]
    return [dataclasses.replace(h, rank=i) for i, h in enumerate(ranked, 1)]


def _said_before(retriever: Retriever, history: Sequence[Turn | str], question: str, k: int
                 ) -> list[Hit]:
    """The passages the previous answer quoted, when the follow-up points at a matter said
    there ("Ai được giao việc đó?" after an answer quoting "yêu cầu Bộ Công an chủ trì")."""
    turns = as_turns(history)
    if not turns or not turns[-1].answer or not re.search(MATTER_POINTER, fold(question)):
        return []
    said = re.sub(r"\[\d+\]", " ", turns[-1].answer)
    return retriever.search(said, k=k, mode="lexical")


def _within_meeting(retriever: Retriever, text: str, hits: Sequence[Hit], k: int
                    ) -> list[Hit]:
    """The question's words without the meeting it names, searched in the articles already
    found (lexically: no second embedding), for the passage asked in that meeting's article."""
    folded = fold(text)
    spans = [m.span() for m in re.finditer(MEETING_NAMED, folded)] \
        if len(folded) == len(text) else []
    if not spans or not hits:
        return []
    rest = text
    for a, b in spans:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    articles = {h.article.id for h in hits[:2]}
    return [h for h in retriever.search(rest, k=k, mode="lexical") if h.article.id in articles]


def plan_question(question: str, retriever: Retriever, history: Sequence[Turn | str] = ()
                  ) -> tuple[str, tuple[str, ...], Analysis, str]:
    """Clean, resolve and analyze a question: (cleaned, notices, analysis, resolved)."""
    settings = retriever.settings
    cleaned, notices = prepare_question(question, settings.max_question_chars)
    known = retriever.index.idf
    asked = [cleaned, *(t.question for t in as_turns(history))]
    names = corpus_names(retriever.index)
    keys = [k for text in asked for k in abbreviation_keys(text)]
    derived = {**corpus_place_initials(retriever.index),
               **corpus_abbreviations(retriever.index, keys)} if keys else {}

    def restored(words: str, typed: str) -> str:
        if is_english(typed):  # each name typed plain among the glossed words ("Nghe An")
            words = re.sub(NAME_RUN, lambda m: retriever.restore(m.group()), words)
        return retriever.restore(words)

    def own_words(text: str) -> str:
        return restored(strip_filler(rewrite(text, derived, known).text), text)
    turns = [Turn(own_words(prepare_question(t.question, settings.max_question_chars)[0]),
                  t.answer) for t in as_turns(history)]
    plain = own_words(cleaned) if cleaned else cleaned
    resolved = resolve_followup(plain, turns) if cleaned else cleaned
    if resolved == plain and cleaned and is_english(cleaned):  # "What are those policies?"
        earlier: list[str] = []  # unresolved: the names of the earlier questions before it
        for typed, turn in zip(as_turns(history), turns):
            earlier.append(carry_names(typed.question, turn.question, earlier))
        resolved = carry_names(cleaned, plain, earlier)
    followed = resolved != plain
    if followed:
        notices += (shown_followup(resolved),)
    if cleaned and is_english(cleaned):
        notices += (msg.ENGLISH_SOURCES,)
    asked = resolved if followed else restored(rewrite(cleaned, derived, known).text, cleaned)
    initialed = with_initials(asked, corpus_initials(retriever.index))  # "… (TT&TT)"
    analysis = without_unread_initials(analyze(initialed, names.names, names.places), known)
    if initialed != asked:  # a name the articles also write as initials is no subject to find
        spelled = fold(" ".join(re.findall(r"(\S+(?:\s+\S+){1,6})\s+\([^()]*&?[^()]*\)",
                                           initialed)))
        kept = tuple(e for e in analysis.entities if e not in spelled)
        analysis = dataclasses.replace(analysis, entities=kept, local=analysis.local & set(kept))
    return cleaned, notices, analysis, resolved if followed else cleaned


def answer_question(question: str, retriever: Retriever, *, history: Sequence[Turn | str] = (),
                    k: int | None = None, mode: Mode = "hybrid") -> Answer:
    """The extractive answer to `question`, given the earlier turns of the conversation."""
    settings = retriever.settings
    cleaned, notices, analysis, resolved = plan_question(question, retriever, history)
    if not cleaned:
        return Answer(question=question, text=msg.EMPTY_QUESTION, notices=notices)
    if not as_turns(history) and needs_context(cleaned):
        return Answer(question=cleaned, text=msg.FOLLOWUP_NEEDS_CONTEXT, abstained=True,
                      notices=notices, kind="followup")
    k = k or settings.top_k
    english = is_english(cleaned)  # the model reads English too: its words and the rewrite
    qvec = retriever.embedder.embed_queries(
        [f"{analysis.text} {cleaned}" if english else analysis.text])[0]
    hits = _search(retriever, analysis, qvec, k, mode)
    for extra in (_said_before(retriever, history, cleaned, k),  # they rank as they did there
                  _within_meeting(retriever, analysis.text, hits, k)):
        have = {h.chunk.id for h in hits}
        hits += [h for h in extra if h.chunk.id not in have]
    # a planned search's own words go to the lexical side; its dense side is the question's
    # (embedding each sub-question cost a comparison twice a fact's time)
    searched = {s.query: retriever.search(s.query, k=s.k, mode=mode, query_vector=qvec)
                for s in planned_searches(analysis, corpus_names(retriever.index).shown, k)}
    ctx = Context(cleaned, resolved, analysis, qvec, retriever.index, settings, notices,
                  searched)
    plan = plan_for(analysis.kind) or plan_fact
    return check(ctx, hits, complete(ctx, hits, plan(ctx, hits)))


def stream_text(text: str) -> Iterator[str]:
    """The answer text growing word by word, for a streaming display."""
    words = text.split(" ")
    for i in range(1, len(words) + 1):
        yield " ".join(words[:i])
