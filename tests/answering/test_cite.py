"""Citations are made only from retrieved passages and verified on every answer."""
from __future__ import annotations

import dataclasses

import pytest

from assistant.answering.cite import (Numbering, facts, split_marked, verify_citation,
                                      verify_sentence)


def test_facts_are_numbers_and_proper_names() -> None:
    assert facts("Hải Dương có 234 sản phẩm OCOP, đạt 80,2% vào 06/1/2022.") >= \
        {"234", "80,2", "06/1/2022", "Hải Dương"}


def test_sentence_with_a_number_absent_from_its_quote_fails() -> None:
    quote = "Toàn tỉnh hiện có 234 sản phẩm OCOP, 200 cơ sở sản xuất."
    assert verify_sentence("Hải Dương có 234 sản phẩm OCOP [1].", [quote + " Hải Dương"])
    assert not verify_sentence("Toàn tỉnh có 243 sản phẩm OCOP [1].", [quote])
    assert not verify_sentence("Toàn tỉnh Nghệ An có 234 sản phẩm OCOP [1].", [quote])
    assert not verify_sentence("Một câu không có nguồn.", [])


def test_markers_number_sources_in_order_of_first_citation(retriever) -> None:
    hits = retriever.search("Hải Dương có bao nhiêu sản phẩm OCOP?", k=3)
    numbering = Numbering()
    second = hits[1].chunk.sentences[0]
    first = hits[0].chunk.sentences[-1]
    c1 = numbering.cite(hits[1], *second)
    c2 = numbering.cite(hits[0], *first)
    again = numbering.cite(hits[1], *second)
    assert (c1.n, c2.n, again.n) == (1, 2, 1)
    assert [c.n for c in numbering.citations] == [1, 2]


def test_a_quote_outside_its_passage_is_refused(retriever) -> None:
    hit = retriever.search("VNeID", k=1)[0]
    with pytest.raises(ValueError):
        Numbering().cite(hit, hit.chunk.end, hit.chunk.end + 20)


def test_verify_citation_rejects_tampering(retriever, real_index) -> None:
    hits = retriever.search("Đề án 06 được phê duyệt ngày nào?", k=5)
    citation = Numbering().cite(hits[0], *hits[0].chunk.sentences[0])
    assert verify_citation(citation, real_index.articles, hits)
    moved = dataclasses.replace(citation, start=citation.start + 1)
    assert not verify_citation(moved, real_index.articles, hits)
    assert not verify_citation(citation, real_index.articles, hits[1:])  # not retrieved


def test_split_marked_keeps_markers_with_their_sentence() -> None:
    text = "Câu một có 12 đơn vị. [1] Theo Báo A (24/04/2024): Câu hai. [2] [3]"
    assert split_marked(text) == [("Câu một có 12 đơn vị.", [1]),
                                  ("Theo Báo A (24/04/2024): Câu hai.", [2, 3])]
