"""The general answer path: never less than the best passages say.

Every question gets it. A kind's plan composes its answer first; this path then
- fills an answer shorter than `general_words` with the sentences of the top
  `general_passages` passages (and the `general_read_on` passages after the best one, in its
  article) that best fit the question (the evidence score: the question's
  terms, the model's similarity, its entities and period), each within `general_ratio` of the
  best, a sentence that leans on the one before it ("Do đó", "Trong đó") with that one, in
  the articles' order and cited;
- answers that way when the plan found nothing of its own shape (a list, a comparison, a
  definition) but the evidence is strong (`general_min_score`): whether to answer is decided
  by what retrieval found, never by the question's shape.
A near miss (the answer says what the articles do not give) is left as the plan said it.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..articles.clean import fold
from .compose import Pick, compose
from .evidence import Candidate, in_caption
from .names import following_chunks
from .plans import Context, candidates, piece
from ..schema import Answer, Citation, Hit

__all__ = ["complete", "leans_back"]

# A sentence that leans on the one before it (its subject or its cause is there)
_LEANS = re.compile(r"^\W*(?:do\s+do|vi\s+vay|vi\s+the|theo\s+do|trong\s+do|dong\s+thoi"
                    r"|ngoai\s+ra|ben\s+canh\s+do|cu\s+the|dieu\s+nay|viec\s+nay|nhu\s+vay"
                    r"|tuy\s+nhien|qua\s+do|nho\s+do|tu\s+do|con|va)\b")


def leans_back(sentence: str) -> bool:
    """The sentence needs the one before it to be understood ("Trong đó, ...")."""
    return _LEANS.match(fold(sentence)) is not None


def _words(text: str) -> int:
    return len(re.sub(r"\[\d+\]", " ", text).split())


def _overlaps(cand: Candidate, spans: Sequence[tuple[str, int, int]]) -> bool:
    return any(cand.hit.article.id == a and cand.start < e and s < cand.end for a, s, e in spans)


def _before(cand: Candidate, cands: Sequence[Candidate]) -> Candidate | None:
    """The candidate sentence just before `cand` in its passage, when there is one."""
    spans = cand.hit.chunk.sentences
    at = [i for i, (s, _) in enumerate(spans) if s == cand.start]
    if not at or at[0] == 0:
        return None
    start, end = spans[at[0] - 1]
    for c in cands:
        if c.hit.chunk.id == cand.hit.chunk.id and c.start == start and c.end == end:
            return c
    return None


def _repeats(text: str, said: set[str]) -> bool:
    """Most of the sentence's words are already in the answer (a lead repeated in the body)."""
    words = set(fold(text).split())
    return len(words & said) >= 0.8 * max(len(words), 1)


def _fill(ctx: Context, cands: Sequence[Candidate], cited: Sequence[tuple[str, int, int]],
          words: int, said: str = "") -> list[Candidate]:
    """The best fitting sentences not yet cited nor said, until the answer has
    `general_words`."""
    st = ctx.settings
    fitting = [c for c in cands if c.fits and not in_caption(c.hit.article, c.start, c.end)]
    if not fitting:
        return []
    floor = st.general_ratio * fitting[0].score
    chosen: list[Candidate] = []
    taken = list(cited)
    vocabulary = set(fold(said).split())
    for cand in fitting:
        if words >= st.general_words or cand.score < floor:
            break
        if (_overlaps(cand, taken) or _words(cand.text) > st.general_words
                or _repeats(cand.text, vocabulary)):
            continue
        group = [cand]
        prev = _before(cand, cands) if leans_back(cand.text) else None
        if prev is not None and not _overlaps(prev, taken) and not in_caption(
                prev.hit.article, prev.start, prev.end):
            group.insert(0, prev)
        for c in group:
            chosen.append(c)
            taken.append((c.hit.article.id, c.start, c.end))
            words += _words(c.text)
            vocabulary |= set(fold(c.text).split())
    lead = chosen[0].hit.rank if chosen else 0
    return sorted(chosen, key=lambda c: (c.hit.rank != lead, c.hit.rank, c.start))


def _read_on(ctx: Context, hits: Sequence[Hit], have: set) -> list[Candidate]:
    """The sentences just after the best passage, in its article (`general_read_on` chunks):
    a passage is a sentence or two, and what it opens often goes on ("hội nghị còn có sự
    tham dự của …" after the meeting's opening sentence)."""
    st = ctx.settings
    known = {h.chunk.id for h in hits}
    after = [c for c in following_chunks(ctx.index, hits[0].chunk.id, st.general_read_on)
             if c.id not in known]
    extra = [Hit(rank=len(hits) + i, score=0.0, chunk=c, article=hits[0].article)
             for i, c in enumerate(after, 1)]
    return [c for c in candidates(ctx, extra) if (c.hit.article.id, c.start) not in have]


def _shifted(answer: Answer, by: int) -> tuple[str, tuple[Citation, ...]]:
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + by}]", answer.text)
    return text, tuple(dataclasses.replace(c, n=c.n + by) for c in answer.citations)


def _compose(ctx: Context, chosen: Sequence[Candidate], hits: Sequence[Hit],
             confidence: float) -> Answer | None:
    picks = [Pick(c.hit, c.start, c.end, piece(ctx, c)) for c in chosen]
    known = {h.chunk.id for h in hits}
    hits = list(hits) + list({c.hit.chunk.id: c.hit for c in chosen
                              if c.hit.chunk.id not in known}.values())  # read on
    return compose(ctx.question, ctx.resolved, picks, hits, ctx.index.articles,
                   kind=ctx.analysis.kind, notices=ctx.notices, confidence=confidence,
                   attribute=len({c.hit.article.id for c in chosen}) > 1)


def complete(ctx: Context, hits: Sequence[Hit], answer: Answer) -> Answer:
    """The plan's answer, filled up or given by the general path (see the module)."""
    st = ctx.settings
    if answer.missing or st.general_words <= 0 or not hits:
        return answer
    top = {h.chunk.id for h in hits[:st.general_passages]}  # those of the plan's own scoring
    cands = [c for c in candidates(ctx, list(hits)) if c.hit.chunk.id in top]
    cands = sorted(cands + _read_on(ctx, hits, {(c.hit.article.id, c.start) for c in cands}),
                   key=lambda c: (c.entity_ok, c.type_ok, c.score), reverse=True)
    if answer.abstained:
        best = next((c for c in cands if c.fits), None)
        if best is None or best.score < st.general_min_score:
            return answer
        chosen = _fill(ctx, cands, (), 0)
        made = _compose(ctx, chosen, hits, best.score) if chosen else None
        return made or answer
    cited = [(c.article_id, c.start, c.end) for c in answer.citations]
    chosen = _fill(ctx, cands, cited, _words(answer.text), answer.text)
    extra = _compose(ctx, chosen, hits, answer.confidence) if chosen else None
    if extra is None or not answer.citations:
        return answer
    text, citations = _shifted(extra, max(c.n for c in answer.citations))
    sep = "\n" if "\n" in answer.text else " "
    return dataclasses.replace(answer, text=f"{answer.text}{sep}{text}",
                               citations=answer.citations + citations)
