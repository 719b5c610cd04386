"""The part of an article a summary asks about (no model, no index)."""
from __future__ import annotations

from assistant.answering.parts import aspect_part

TEXT = ("Chiều 6/2, Thủ tướng chủ trì phiên họp. Năm 2024 đạt nhiều kết quả. "
        "Phát biểu kết luận, Thủ tướng yêu cầu tăng tốc. Phải hoàn thiện thể chế. "
        "Phải phát triển hạ tầng số.")


def _spans(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for part in text.split(". "):
        out.append((at, at + len(part)))
        at += len(part) + 2
    return out


def test_a_summary_of_the_conclusions_reads_from_them_on() -> None:
    spans = _spans(TEXT)
    part = aspect_part("Tóm tắt phần kết luận của Thủ tướng", TEXT, spans, 5)
    assert [TEXT[s:e] for s, e in part][0].startswith("Phát biểu kết luận")
    assert len(part) == 3


def test_a_summary_of_the_whole_meeting_reads_it_all() -> None:
    spans = _spans(TEXT)
    assert aspect_part("Tóm tắt phiên họp lần thứ 10", TEXT, spans, 5) == spans
