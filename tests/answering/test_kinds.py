"""Every kind's example questions are recognised as that kind (fast: no model, no index);
the registry's order and opening patterns."""
from __future__ import annotations

import pytest

from assistant.answering import kinds as kinds_package
from assistant.answering.plans import plan_fact
from assistant.answering.question import question_kind, strip_filler
from assistant.answering.registry import Kind, classify, kinds, plan_for, register

EXAMPLES = [(example, kind.name) for kind in kinds() for example in kind.examples]


@pytest.mark.parametrize("question, kind", EXAMPLES, ids=[q[:40] for q, _ in EXAMPLES])
def test_each_kinds_examples_are_that_kind(question, kind):
    assert question_kind(strip_filler(question)) == kind


def test_every_kind_module_registers_one_kind_with_examples():
    names = [k.name for k in kinds()]
    assert len(names) == len(set(names)) == len(kinds_package.__all__)
    assert all(k.examples and k.patterns for k in kinds())
    assert [k.order for k in kinds()] == sorted(k.order for k in kinds())


def test_an_opening_question_word_decides_before_other_kinds():
    # "thấp hơn" is a comparison's pattern, but "Sao … lại" opens a why-question
    assert classify("sao ty le o bo nganh lai thap hon o dia phuong") == "why"
    assert classify("ty le o bo nganh thap hon o dia phuong bao nhieu") == "comparison"


def test_kinds_without_a_plan_of_their_own_take_the_fact_plan():
    assert plan_for("why") is None and plan_for("open") is None
    assert plan_for("list") is not None and plan_for("list") is not plan_fact


def test_a_new_kind_is_one_registration():
    try:
        register(Kind(name="quote_test", order=1, patterns=(r"\btrich\s+dan\b",),
                      examples=("Trích dẫn câu nói của Thủ tướng",)))
        assert question_kind("Trích dẫn câu nói của Thủ tướng") == "quote_test"
    finally:
        from assistant.answering import registry
        registry._KINDS.pop("quote_test", None)
    assert question_kind("Trích dẫn câu nói của Thủ tướng") != "quote_test"
