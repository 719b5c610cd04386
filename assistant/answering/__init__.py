"""Answering: a question and the retrieved passages become an `Answer` whose every sentence is
cited.

question (what kind, which names, period and measure) and followup (earlier turns) →
searches (extra searches planned by kind) → plans and gather (one plan per kind over evidence
scoring) → compose and cite (sentences numbered and verified against their passages); answer
runs the whole; llm is the optional generative mode. Uses `assistant.indexing` for the hits.
"""
from .answer import answer_question, format_date, resolve_followup, stream_text

__all__ = ["answer_question", "resolve_followup", "stream_text", "format_date"]
