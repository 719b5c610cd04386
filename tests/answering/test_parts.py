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


SECURITY = ("Đề án 06 được chỉ đạo quyết liệt, tháo gỡ vướng mắc về an ninh an toàn, bảo mật. "
            "Tỷ lệ trực tuyến đạt 58,2%. "
            "Tuy nhiên, các đơn vị chưa phối hợp bảo đảm an ninh, an toàn hệ thống. "
            "Bên cạnh đó, 11/22 Bộ, ngành chưa bảo đảm an ninh, an toàn cổng dịch vụ công. "
            "Thủ tướng nhấn mạnh năm 2023 là năm bản lề.")


def test_the_shortcomings_asked_are_the_sentences_that_name_them() -> None:
    spans = _spans(SECURITY)
    part = aspect_part("Tóm lại mấy cái tồn tại về an ninh, bảo mật là gì?", SECURITY, spans, 8)
    assert [SECURITY[s:e][:9] for s, e in part] == ["Tuy nhiên", "Bên cạnh "]


def test_an_english_opening_speech_reads_from_the_opening_on() -> None:
    text = "Hội nghị diễn ra ở Hà Nội. Phát biểu khai mạc, Thủ tướng nêu rõ. Chuyển đổi số tất yếu."
    part = aspect_part("Summarize the opening speech", text, _spans(text), 5)
    assert text[part[0][0]:].startswith("Phát biểu khai mạc") and len(part) == 2
