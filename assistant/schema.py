"""The frozen dataclasses the stages hand to each other.

ingest/clean -> Article; chunk -> Chunk; retrieve -> Hit; cite -> Citation; answer -> Answer.
Offsets are character offsets into `Article.text` (the cleaned, NFC text), so that
`article.text[chunk.start:chunk.end] == chunk.text` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Article", "Chunk", "Hit", "Citation", "Figure", "Answer", "Turn", "as_turns"]


@dataclass(frozen=True)
class Article:
    """A cleaned article. Metadata the source does not show stays empty, never guessed."""

    id: str
    text: str
    title: str = ""
    date: str = ""  # ISO yyyy-mm-dd when known
    source: str = ""
    author: str = ""
    path: str = ""  # file name inside docs/
    content_hash: str = ""  # hash of the raw file, to re-index only what changed
    inferred: tuple[str, ...] = ()  # metadata fields read from the text, not given by the source
    captions: tuple[tuple[int, int], ...] = ()  # (start, end) of photo captions in `text`

    def __post_init__(self) -> None:  # rows read back from JSON hold lists
        object.__setattr__(self, "inferred", tuple(self.inferred))
        object.__setattr__(self, "captions", tuple(tuple(c) for c in self.captions))

    @property
    def display_title(self) -> str:
        """The title; for an article that shows none, the opening words of its lead (a label a
        reader can recognise, taken from the text, never invented), or else its id."""
        if self.title:
            return self.title
        lines = [line for line in self.text.strip().split("\n") if line.strip()]
        while (len(lines) > 1 and len(lines[0].split()) < 10
               and lines[0].rstrip()[-1:] not in ".!?…"):
            lines = lines[1:]  # a photo caption above the lead is no title
        words = lines[0].split() if lines else []
        if not words:
            return self.id
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences of one article, with exact offsets."""

    id: str  # "<article_id>#<n>"
    article_id: str
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...] = ()  # absolute (start, end) of each sentence


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its rank and fused score (plus the parts it came from)."""

    rank: int
    score: float
    chunk: Chunk
    article: Article
    dense_score: float | None = None
    lexical_score: float | None = None


@dataclass(frozen=True)
class Citation:
    """A numbered source: the passage it lies in and the sentence that supports the claim."""

    n: int
    article_id: str
    title: str
    date: str
    source: str
    chunk_id: str
    passage: str  # the retrieved chunk text
    passage_start: int
    passage_end: int
    quote: str  # the supporting sentence, verbatim
    start: int  # span of the quote in the article text
    end: int
    date_inferred: bool = False  # the date was read from the article's text, not given


@dataclass(frozen=True)
class Figure:
    """One figure an answer gives, as its chart draws it: what it is for ("năm 2024", "Hải
    Dương"), the number, its unit ("%", "triệu tài khoản") and the [n] of its source."""

    label: str
    value: float
    unit: str
    n: int


@dataclass(frozen=True)
class Answer:
    """What the user sees: text with [n] markers, its sources, and why it may be empty."""

    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    abstained: bool = False
    related: tuple[Hit, ...] = ()  # closest passages, shown when abstaining
    notices: tuple[str, ...] = ()  # e.g. "question shortened", "LLM unreachable"
    resolved_question: str = ""  # the follow-up rewritten with the conversation's context
    confidence: float = 0.0  # evidence score of the best sentence (abstention compares it)
    kind: str = ""  # the kind of question it answers (answering.registry.kinds())
    missing: tuple[str, ...] = ()  # what the question asks that the articles do not give
    figures: tuple[Figure, ...] = ()  # one measure across years or places (figures.py)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation: what the user asked and the answer text shown
    (follow-ups may refer to either: "Ông ấy" can be a person named only in the answer)."""

    question: str
    answer: str = ""


def as_turns(history: Any) -> tuple[Turn, ...]:
    """History in any accepted form (Turn, a plain question string, or a dict with
    "question" and optional "answer") as Turns, oldest first; other items are ignored."""
    turns = []
    for item in history or ():
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, str):
            turns.append(Turn(item))
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            answer = item.get("answer")
            turns.append(Turn(item["question"], answer if isinstance(answer, str) else ""))
    return tuple(turns)
