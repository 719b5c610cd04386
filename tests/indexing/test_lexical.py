"""The lexical analysis in bulk (`token_strings`) against text by text (`tokenize`)."""
from __future__ import annotations

import pytest

from assistant.articles.chunk import split_sentences
from assistant.articles.ingest import load_articles
from assistant.indexing.lexical import token_strings, tokenize

from ..conftest import DOCS


def _one_by_one(texts: list[str], folded: bool) -> list[str]:
    return [" ".join(tokenize(t, folded=folded)) for t in texts]


def test_passages_in_bulk_give_the_tokens_of_each_passage_alone() -> None:
    articles, _ = load_articles(DOCS)
    texts = [a.text[s:e] for a in articles for s, e in split_sentences(a.text)]
    texts += ["", "  ", "İstanbul ΣΑΣ. Σ", "a\u0301 b\u0301", "\ufeffx\u00a0y\u200bz",
              "12,5% và 3/4 — 1.000.000 đồng", "\U0001d400\U0001f600 đ Đ", "\x00\x07bell"]
    exact, folded = token_strings(texts)
    assert exact == _one_by_one(texts, folded=False)
    assert folded == _one_by_one(texts, folded=True)


@pytest.mark.parametrize("texts", [[], ["một"], ["a\ue000b", "Đà Nẵng"]])
def test_few_or_odd_passages_too(texts: list[str]) -> None:
    assert token_strings(texts) == (_one_by_one(texts, False), _one_by_one(texts, True))
