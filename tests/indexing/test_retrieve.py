"""Retrieval finds the passage; folded (no-diacritic) questions find the same passages."""
from __future__ import annotations

import pytest

from assistant.articles.clean import fold

CASES = [
    ("Hải Dương có bao nhiêu sản phẩm OCOP?", "234 sản phẩm OCOP"),
    ("Tổng số cơ sở dữ liệu thuộc các ngành, lĩnh vực là bao nhiêu?", "2.398 cơ sở dữ liệu"),
    ("Đề án 06 được phê duyệt ngày nào?", "06/1/2022"),
    ("Chủ đề chuyển đổi số quốc gia năm 2025 là gì?", "Chuyển đổi số toàn diện"),
    ("Tỷ lệ bệnh viện thuộc Bộ Y tế thanh toán không dùng tiền mặt?", "87.9%"),
]


@pytest.mark.parametrize("question,needle", CASES)
@pytest.mark.parametrize("folded", [False, True])
def test_hybrid_finds_the_answer_passage(retriever, question: str, needle: str,
                                         folded: bool) -> None:
    query = fold(question) if folded else question
    hits = retriever.search(query, k=5)
    assert any(needle in h.chunk.text for h in hits), [h.chunk.id for h in hits]


def test_modes_rank_differently_but_all_answer(retriever) -> None:
    query = "chuyen doi so la gi"
    lexical = retriever.search(query, k=5, mode="lexical")
    dense = retriever.search(query, k=5, mode="dense")
    assert lexical and dense
    assert all(h.lexical_score is not None and h.dense_score is None for h in lexical)
    assert [h.rank for h in lexical] == [1, 2, 3, 4, 5]


def test_empty_query_returns_nothing(retriever) -> None:
    assert retriever.search("   ") == []
