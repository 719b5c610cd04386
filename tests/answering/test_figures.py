"""Figures of one measure across years, places or meetings, read from an answer's text: a table
of answers and the figures a chart should draw from them."""
from __future__ import annotations

import pytest

from assistant.answering.figures import extract_figures, parse_number
from assistant.schema import Citation, Figure


def _citations(*ns: int) -> tuple[Citation, ...]:
    return tuple(Citation(n=n, article_id="a", title="", date="", source="", chunk_id="a#0",
                          passage="", passage_start=0, passage_end=0, quote="", start=0, end=0)
                 for n in ns)


CASES = [
    ("two years, one sentence each",
     "Năm 2023, tỷ trọng kinh tế số đạt 16,5% GDP [1]. Năm 2024, tỷ trọng kinh tế số ước đạt "
     "18,3% GDP [2].", (1, 2),
     [Figure("năm 2023", 16.5, "% GDP", 1), Figure("năm 2024", 18.3, "% GDP", 2)]),
    ("two dates in one sentence",
     "Đến tháng 12/2023 đã kích hoạt 40,1 triệu tài khoản định danh, đến tháng 4/2024 là "
     "53,62 triệu tài khoản định danh [1].", (1,),
     [Figure("tháng 12/2023", 40.1, "triệu tài khoản", 1),
      Figure("tháng 4/2024", 53.62, "triệu tài khoản", 1)]),
    ("two places",
     "Tỉnh Hải Dương có 234 sản phẩm OCOP [1].\nTỉnh Bắc Ninh có 1.250 sản phẩm OCOP [2].", (1, 2),
     [Figure("Hải Dương", 234, "sản phẩm", 1), Figure("Bắc Ninh", 1250, "sản phẩm", 2)]),
    ("meetings",
     "Phiên họp thứ 9 thông qua 12 nhiệm vụ [1]. Phiên họp thứ 10 thông qua 15 nhiệm vụ [1].",
     (1,), [Figure("phiên họp thứ 9", 12, "nhiệm vụ", 1),
            Figure("phiên họp thứ 10", 15, "nhiệm vụ", 1)]),
    ("one figure only", "Tỷ trọng kinh tế số ước đạt 18,3% GDP năm 2024 [1].", (1,), []),
    ("different units", "Năm 2023 có 12 xã [1]. Năm 2024 có 18,3% hộ dân [1].", (1,), []),
    ("same label twice", "Năm 2024 có 12 xã [1]. Năm 2024 có 14 xã [2].", (1, 2), []),
    ("no label", "Tỷ trọng đạt 18,3% GDP, tăng trưởng vượt 20%/năm [1].", (1,), []),
    ("no source marker", "Năm 2023 có 12 xã. Năm 2024 có 14 xã.", (), []),
    ("an unknown marker", "Năm 2023 có 12 xã [4]. Năm 2024 có 14 xã [5].", (1,), []),
    ("years are no figures", "Đề án 06 được phê duyệt ngày 06/1/2022 [1]. Năm 2023 có 5 "
     "xã [1].", (1,), []),
]


@pytest.mark.parametrize("text,ns,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figures_of_one_measure(text: str, ns: tuple[int, ...], expected: list[Figure]) -> None:
    assert list(extract_figures(text, _citations(*ns))) == expected


@pytest.mark.parametrize("text,value", [("1.250", 1250), ("18,3", 18.3), ("53,62", 53.62),
                                        ("7", 7), ("1.250,5", 1250.5)])
def test_numbers_as_vietnamese_writes_them(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_the_kind_of_label_that_tells_the_figures_apart_is_used() -> None:
    text = ("Theo sở, năm 2023 tỷ lệ hộ có cáp quang của tỉnh Quảng Trị đạt 71,4% [1]. Đến năm "
            "2024, tỷ lệ hộ có cáp quang của tỉnh Quảng Trị đạt 83,2% [2].")
    assert extract_figures(text, _citations(1, 2)) == (
        Figure("năm 2023", 71.4, "%", 1), Figure("năm 2024", 83.2, "%", 2))
    places = "Năm 2024, tỉnh Hải Dương có 234 sản phẩm [1], tỉnh Bắc Ninh có 300 sản phẩm [2]."
    assert [f.label for f in extract_figures(places, _citations(1, 2))] == ["Hải Dương",
                                                                            "Bắc Ninh"]


# Two answers of the bundled articles, as the extractive answer writes them (issue 20).
GDP = ("Theo bài “Thủ tướng Chính phủ: Chuyển đổi số phải gắn với 'toàn dân,…” (06/02/2025, "
       "ngày đọc từ bài): Tỷ trọng kinh tế số ước đạt 18,3% GDP, tốc độ tăng trưởng vượt "
       "20%/năm, cao gấp 3 lần tốc độ tăng trưởng GDP, nhanh nhất Đông Nam Á. [1] Theo Báo Sóc "
       "Trăng (24/04/2024): Tỷ trọng kinh tế số/GDP năm 2023 ước đạt 16,5% với tốc độ tăng "
       "20%, gấp 3 lần tăng trưởng GDP… [2]")
VNEID = ("Theo bài “Thủ tướng Chính phủ…” (06/02/2025, ngày đọc từ bài): Số lượng tài khoản "
         "VNeID đã kích hoạt trên 55,25 triệu, vượt mục tiêu 40 triệu tài khoản người dùng "
         "trong Đề án 06/CP;… [1] Theo Báo Sóc Trăng (24/04/2024): Tiếp nhận trên 74,85 triệu "
         "hồ sơ định danh điện tử, kích hoạt trên 53,62 triệu tài khoản định danh điện tử cho "
         "người dân, đồng thời ứng dụng VNeID đã được tích hợp 8 dịch vụ tiện ích, có 29,3 "
         "triệu lượt truy cập. [2]")


@pytest.mark.parametrize("text,expected", [
    (GDP, [Figure("năm 2023", 16.5, "% GDP", 2), Figure("6/2/2025", 18.3, "% GDP", 1)]),
    (VNEID, [Figure("24/4/2024", 53.62, "triệu tài khoản", 2),
             Figure("6/2/2025", 55.25, "triệu tài khoản", 1)]),
], ids=["gdp-share", "vneid-accounts"])
def test_the_bundled_answers_chart_one_measure_in_time_order(text, expected) -> None:
    assert list(extract_figures(text, _citations(1, 2))) == expected


def test_a_target_is_no_measure() -> None:
    text = "Năm 2023 có 12 xã số [1]. Năm 2024 đặt mục tiêu 30 xã số [1]."
    assert extract_figures(text, _citations(1)) == ()
