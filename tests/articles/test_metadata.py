"""Metadata read from an article's own text (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.articles.metadata import infer_metadata, lead_date, publisher
from assistant.schema import Article


@pytest.mark.parametrize("text,date", [
    ("Chiều 6/2, tại trụ sở Chính phủ, Thủ tướng chủ trì Phiên họp lần thứ 10 tổng kết "
     "hoạt động của Ủy ban và Đề án 06 năm 2024; phương hướng, nhiệm vụ trọng tâm năm 2025.",
     "2025-02-06"),
    ("Mở đầu.\nChiều ngày 12/7, Thủ tướng chủ trì Hội nghị sơ kết 6 tháng đầu năm 2023 về "
     "chuyển đổi số.", "2023-07-12"),
    ("Ngày 3/5/2022, hội nghị diễn ra.", "2022-05-03"),
    ("Trong thời gian qua, Đề án 06 được chỉ đạo quyết liệt.", ""),  # no day: nothing guessed
    ("Chiều 6/2, hội nghị diễn ra.", ""),  # no year anywhere in the lead sentence
])
def test_lead_date(text, date) -> None:
    assert lead_date(text) == date


def test_publisher() -> None:
    assert publisher("Theo Chinhphu.vn, hội nghị còn có sự tham dự của") == "Chinhphu.vn"
    assert publisher("Theo ông A, việc này tốt.") == ""


def test_front_matter_wins_and_inference_is_marked() -> None:
    text = "Chiều 6/2, phiên họp tổng kết năm 2024. Theo Chinhphu.vn, ..."
    inferred = infer_metadata(Article(id="a", text=text))
    assert (inferred.date, inferred.source, inferred.inferred) == (
        "2025-02-06", "Chinhphu.vn", ("date", "source"))
    given = infer_metadata(Article(id="a", text=text, date="2025-02-07", source="VGP"))
    assert (given.date, given.source, given.inferred) == ("2025-02-07", "VGP", ())
