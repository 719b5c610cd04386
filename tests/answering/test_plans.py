"""The corpus tables the plans share (no model, no index)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering import names as corpus, plans
from assistant.answering.evidence import Candidate
from assistant.indexing.tables import article_names, corpus_table
from assistant.schema import Article


def _article(ident: str, text: str) -> Article:
    return Article(id=ident, text=text, content_hash=f"h-{ident}-{len(text)}")


def test_corpus_names_are_the_index_table_without_titles(tmp_path) -> None:
    a = _article("a", "Tại tỉnh Hải Dương, đồng chí Triệu Thế Hùng chủ trì. Phó Chủ tịch dự.")
    b = _article("b", "Thủ tướng Phạm Minh Chính chủ trì phiên họp.")
    index = SimpleNamespace(directory=tmp_path, names=corpus_table(
        article_names(x.text) for x in (a, b)))
    names = corpus.corpus_names(index)
    assert {"hai duong", "trieu the hung", "pham minh chinh"} <= names.names
    assert "pho chu" not in names.names  # a capitalised title is no name
    assert "hai duong" in names.places and names.shown["hai duong"] == "Hải Dương"
    assert "pho chu" in index.names.shown  # the index keeps it; the answering layer filters


def _cand(score: float, coverage: float, fits: bool = True, type_ok: bool = True) -> Candidate:
    return Candidate(hit=None, start=0, end=0, score=score, coverage=coverage, dense=0.0,
                     type_ok=type_ok, entity_ok=True, period_ok=fits)


@pytest.mark.parametrize("rival,dominates", [
    # the measure asked, for another period, far above the fitting sentence's other figure
    (_cand(0.84, 0.69, fits=False), True),
    # close to the fitting one: the fitting answer stands
    (_cand(0.62, 0.69, fits=False), False),
    # says less of the question than the fitting one
    (_cand(0.84, 0.20, fits=False), False),
    # not the kind of answer asked for, or itself fitting
    (_cand(0.84, 0.69, fits=False, type_ok=False), False),
    (_cand(0.84, 0.69, fits=True), False),
])
def test_a_near_miss_far_above_the_fitting_answer_is_the_answer_meant(rival, dominates) -> None:
    best = _cand(0.59, 0.32)
    found = plans._dominating_near_miss([rival, best], best, margin=0.2)
    assert (found is rival) is dominates


@pytest.mark.parametrize("question,queries", [
    # a definition searches its term alone; a role the person as the articles write them
    ("Đề án 06 là gì?", ["Đề án 06"]),
    ("Ông Phạm Minh Chính giữ chức vụ gì?", ["Phạm Minh Chính"]),
    # a comparison one sub-question per side, without the other side's words
    # (the topic, OCOP, is no side: both sub-questions keep it)
    ("So sánh số sản phẩm OCOP của Hải Dương và Nghệ An",
     ["san pham ocop hai duong", "san pham ocop nghe an"]),
    # each side keeps its own ordinal ("thứ 9" is Hải Dương's), not how to compare
    ("Người chủ trì điểm cầu Hải Dương ở phiên họp thứ 9 và người chủ trì điểm cầu Nghệ An ở "
     "phiên họp thứ 10 khác nhau thế nào?",
     ["nguoi chu tri diem cau hai duong o phien hop thu 9 nguoi chu tri diem cau o phien hop thu",
      "nguoi chu tri diem cau o phien hop thu nguoi chu tri diem cau nghe an o phien hop thu 10"]),
    # a single fact needs no search besides its own
    ("Hải Dương có bao nhiêu sản phẩm OCOP?", []),
])
def test_searches_are_planned_by_kind(question, queries) -> None:
    from assistant.answering.question import analyze
    from assistant.answering.searches import planned_searches

    shown = {"pham minh chinh": "Phạm Minh Chính"}
    analysis = analyze(question, ("hai duong", "nghe an", "pham minh chinh", "de an 06"),
                       ("hai duong", "nghe an"))
    planned = planned_searches(analysis, shown, 5)
    assert [s.query for s in planned] == queries
    assert all(s.k >= 5 for s in planned)
