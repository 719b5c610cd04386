"""The follow-up as shown: a clean question, never the earlier one pasted in brackets (no
model, no index)."""
from __future__ import annotations

import pytest

from assistant import messages as msg
from assistant.answering.shown import shown_followup


@pytest.mark.parametrize("resolved, question, about", [
    ("Tổ phó là ai (Ông Tô Lâm có dự hội nghị sơ kết 6 tháng đầu năm 2023 không)",
     "Tổ phó là ai?", "Tô Lâm, năm 2023"),
    ("Quan điểm thứ hai là gì (Thủ tướng nêu mấy quan điểm chỉ đạo về chuyển đổi số ở phiên "
     "họp tổng kết năm 2024)?", "Quan điểm thứ hai là gì?", "năm 2024"),
    # brackets inside brackets: every earlier question, none of them shown
    ("Còn quan điểm thứ 4 là gì (Quan điểm thứ hai là gì (Thủ tướng nêu mấy quan điểm tại "
     "phiên họp thứ 10))?", "Còn quan điểm thứ 4 là gì?", "phiên họp thứ 10"),
])
def test_a_bracketed_rewrite_is_shown_as_the_follow_up_and_what_it_continues(
        resolved, question, about) -> None:
    shown = shown_followup(resolved)
    assert shown == msg.FOLLOWUP_CONTINUES.format(question=question, about=about)
    assert "(" not in shown


def test_nothing_named_before_says_only_that_it_continues() -> None:
    shown = shown_followup("ông ấy có nói tên mấy bộ ngành đó không (có bao nhiêu bộ ngành "
                           "chưa bảo đảm an ninh cổng dịch vụ công)")
    assert shown == msg.FOLLOWUP_CONTINUES_BARE.format(
        question="Ông ấy có nói tên mấy bộ ngành đó không?")


def test_a_standalone_rewrite_is_shown_as_it_is() -> None:
    resolved = "Ai được giao việc an ninh mạng ở phiên họp thứ 9?"
    assert shown_followup(resolved) == msg.FOLLOWUP_RESOLVED.format(question=resolved)
