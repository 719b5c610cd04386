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


@pytest.mark.parametrize("matched", [0, 3, 400])
def test_fusion_over_the_matched_chunks_equals_fusion_over_all(matched: int) -> None:
    import numpy as np

    from assistant.indexing.retrieve import Retriever, _Ranked, _top
    from assistant.settings import load_settings

    n, rng = 5000, np.random.default_rng(matched)
    dense = np.full(n, -1.0, dtype=np.float32)
    dense[rng.choice(n, 50, replace=False)] = rng.uniform(-0.2, 0.9, 50).astype(np.float32)
    lexical = np.zeros(n, dtype=np.float32)
    lexical[rng.choice(n, matched, replace=False)] = rng.uniform(0, 9, matched)
    lexical[rng.choice(n, min(matched, 2), replace=False)] = 4.5  # ties
    settings = load_settings(env={})
    retriever = Retriever.__new__(Retriever)
    object.__setattr__(retriever, "settings", settings)
    object.__setattr__(retriever, "index", type("I", (), {"chunks": range(n)})())
    d_order = np.flatnonzero(dense > -1)
    order, fused = retriever._fuse(_Ranked.dense(d_order, dense, -1.0),
                                   _Ranked.dense(np.flatnonzero(lexical), lexical, 0.0), 10)
    fused = fused.array(n)
    w, top = settings.dense_weight, lexical.max(initial=0.0)
    lex = lexical / top if top > 0 else lexical * 0
    whole = w * np.clip(dense, 0, None) + (1 - w) * lex
    assert np.array_equal(fused, whole)
    assert order.tolist() == _top(whole, 10).tolist()


class _OnlyTop:
    """A lexical side that gives its best chunks (in no order) instead of an array of all,
    as tantivy does."""

    def __init__(self, lexical) -> None:
        self.lexical = lexical

    def top(self, query: str, exact_weight: float):
        import numpy as np

        scores = self.lexical.scores(query, exact_weight)
        at = np.flatnonzero(scores)[::-1]
        return at, scores[at]


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "dense"])
def test_a_lexical_side_giving_its_top_chunks_ranks_as_one_giving_every_score(
        retriever, mode: str) -> None:
    from dataclasses import replace

    sparse = replace(retriever, index=replace(retriever.index,
                                              lexical=_OnlyTop(retriever.index.lexical)))
    for question, _ in CASES + [("chuyen doi so la gi", "")]:
        want = [(h.chunk.id, h.score, h.dense_score, h.lexical_score)
                for h in retriever.search(question, k=8, mode=mode)]
        got = [(h.chunk.id, h.score, h.dense_score, h.lexical_score)
               for h in sparse.search(question, k=8, mode=mode)]
        assert got == want, question
