"""Optional LLM answers through LangChain chat models, verified like the extractive ones.

The extractive answerer runs first: it normalizes and resolves the question and decides
abstention, so an unanswerable question never costs an LLM call and both modes decline the
same questions. The LLM then writes from the numbered passages only; its tokens are streamed;
afterwards every sentence is checked against the passage its [n] marker names, and a sentence
that does not verify is dropped (with a notice), never shown with a false citation. An
unreachable, failing or slow endpoint falls back to the extractive answer with a notice.
The API key is read from ASSISTANT_LLM_API_KEY when the model is built and nowhere else.
"""
from __future__ import annotations

import dataclasses
import os
import time
from typing import Iterator, Sequence

from .. import messages as msg
from .answer import answer_question, format_date
from .cite import Numbering, facts, split_marked, verify_sentence
from ..articles.clean import fold
from ..indexing.lexical import tokenize
from ..indexing.retrieve import Retriever
from ..schema import Answer, Hit
from ..settings import Settings

__all__ = ["stream_llm_answer", "chat_model"]


def chat_model(settings: Settings):
    """The LangChain chat model the settings name (OpenAI-compatible endpoint or Ollama)."""
    if settings.llm_provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(base_url=settings.llm_base_url or None, model=settings.llm_model,
                          temperature=0, client_kwargs={"timeout": settings.llm_timeout})
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=settings.llm_base_url or None, model=settings.llm_model,
                      api_key=os.environ.get("ASSISTANT_LLM_API_KEY") or "not-needed",
                      timeout=settings.llm_timeout, max_retries=0, temperature=0,
                      streaming=True)


def _prompt(question: str, hits: Sequence[Hit], kind: str = "",
            missing: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The chat messages: the rules, the numbered passages, what the kind of question needs
    (all items of a list, both sides of a comparison, the verdict first) and what the
    articles were found not to give."""
    passages = "\n\n".join(msg.LLM_PASSAGE.format(n=i, title=h.article.display_title,
                                                  date=format_date(h.article.date),
                                                  text=h.chunk.text)
                           for i, h in enumerate(hits, 1))
    user = msg.LLM_USER.format(passages=passages, question=question)
    hints = [msg.LLM_KIND_HINTS[kind]] if kind in msg.LLM_KIND_HINTS else []
    hints += [msg.LLM_MISSING_HINT.format(missing=m) for m in missing]
    if hints:
        user += "\n\n" + "\n".join(hints)
    return [("system", msg.LLM_SYSTEM_PROMPT), ("human", user)]


def _evidence_hits(base: Answer, retriever: Retriever, k: int) -> list[Hit]:
    """The passages the extractive plan gathered (a list read on, both sides of a comparison),
    then the retrieved ones, without repeats."""
    index = retriever.index
    by_id = {c.id: c for c in index.chunks}
    hits = [Hit(rank=0, score=0.0, chunk=by_id[c.chunk_id], article=index.articles[c.article_id])
            for c in base.citations if c.chunk_id in by_id]
    seen: set[str] = set()
    out = []
    for hit in hits + retriever.search(base.resolved_question or base.question, k=k):
        if hit.chunk.id not in seen:
            seen.add(hit.chunk.id)
            out.append(dataclasses.replace(hit, rank=len(out) + 1))
    return out[: max(k, len({h.chunk.id for h in hits}))]


def _reason(exc: BaseException) -> str:
    name = " ".join(type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e)
    if "Timeout" in name:
        return msg.LLM_REASON_TIMEOUT
    if "Connect" in name:
        return msg.LLM_REASON_CONNECTION
    return msg.LLM_REASON_OTHER


def _support(sentence: str, hit: Hit) -> tuple[int, int]:
    """The sentence of the passage that best supports an answer sentence."""
    wanted = facts(sentence)
    words = set(tokenize(sentence, folded=True))

    def score(span: tuple[int, int]) -> tuple[int, float]:
        quote = hit.article.text[span[0]:span[1]]
        found = sum(1 for f in wanted if f in quote or fold(f) in fold(quote))
        overlap = len(words & set(tokenize(quote, folded=True))) / max(len(words), 1)
        return found, overlap

    return max(hit.chunk.sentences, key=score)


def _verified(text: str, hits: Sequence[Hit], base: Answer) -> Answer:
    """Keep the sentences whose markers name real passages that support them; renumber."""
    kept: list[tuple[str, list[tuple[Hit, tuple[int, int]]]]] = []
    dropped = 0
    for sentence, markers in split_marked(text):
        if fold(sentence).strip(" .") == fold(msg.NOT_FOUND).strip(" ."):
            continue
        sources = [(hits[n - 1], _support(sentence, hits[n - 1]))
                   for n in dict.fromkeys(markers) if 1 <= n <= len(hits)]
        quotes = [h.article.text[s:e] for h, (s, e) in sources]
        if sources and verify_sentence(sentence, quotes):
            kept.append((sentence, sources))
        else:
            dropped += 1
    if not kept:
        return dataclasses.replace(base, notices=base.notices + (
            msg.LLM_DROPPED.format(n=dropped),) if dropped else base.notices)
    numbering = Numbering()
    parts = []
    for sentence, sources in kept:
        numbers = dict.fromkeys(numbering.cite(h, s, e).n for h, (s, e) in sources)
        parts.append(sentence + " " + "".join(f"[{n}]" for n in numbers))
    notices = base.notices + ((msg.LLM_DROPPED.format(n=dropped),) if dropped else ())
    return Answer(question=base.question, text=" ".join(parts), citations=numbering.citations,
                  notices=notices, resolved_question=base.resolved_question,
                  confidence=base.confidence)


def stream_llm_answer(question: str, retriever: Retriever, *, history: Sequence = (),
                      k: int | None = None) -> Iterator[Answer]:
    """Partial answers as the LLM's tokens arrive, then the verified answer (last)."""
    settings = retriever.settings
    base = answer_question(question, retriever, history=history, k=k)
    if base.abstained or not base.citations:
        yield base  # empty or unanswerable: decided without the LLM
        return
    hits = _evidence_hits(base, retriever, k or settings.top_k)
    text = ""
    try:
        deadline = time.monotonic() + settings.llm_timeout
        for chunk in chat_model(settings).stream(_prompt(base.resolved_question or
                                                         base.question, hits, base.kind,
                                                         base.missing)):
            text += chunk.content if isinstance(chunk.content, str) else ""
            if time.monotonic() > deadline:
                raise TimeoutError("LLM answer took too long")
            yield Answer(question=base.question, text=text, notices=base.notices,
                         resolved_question=base.resolved_question)
    except Exception as exc:  # any endpoint failure: the extractive answer still stands
        yield dataclasses.replace(base, notices=base.notices + (
            msg.LLM_FALLBACK.format(reason=_reason(exc)),))
        return
    yield _verified(text, hits, base)
