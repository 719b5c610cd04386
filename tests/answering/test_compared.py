"""The side a question compares against must be written in the answer (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.compared import side_unsaid


@pytest.mark.parametrize("question, shown, side", [
    # one period back, and no sentence states a change
    ("Tỷ lệ làm hộ chiếu qua mạng năm 2023 tăng hay giảm so với năm trước đó?",
     "Năm 2023, tỷ lệ người dân tham gia dịch vụ công trực tuyến đạt 58,2%.", "nam truoc"),
    ("Số hệ thống được duyệt cấp độ hiện nay nhiều hơn năm trước bao nhiêu?",
     "Tổng số hệ thống là 3.418, trong đó 2.365 hệ thống được phê duyệt.", "nam truoc"),
    ("Did it rise compared with the previous year?", "Đạt 58,2%.", "the previous year"),
    # a year never written
    ("Số tài khoản tháng 4/2024 so với cuối 2022 tăng bn?", "Có 13,2 triệu tài khoản (2024).",
     "cuoi 2022"),
    ("Dân xài dịch vụ công online năm 2023 so với năm 2022 tăng lên nhiêu?",
     "Năm 2023, tỷ lệ đạt 58,2%.", "nam 2022"),
    # a thing never named
    ("Kho dữ liệu cán bộ phủ kín nhanh gấp mấy lần kho dữ liệu đất đai?",
     "Đã có 96 bộ, ngành, địa phương hoàn thành kết nối dữ liệu cán bộ.", "du lieu dat dai"),
    # the side is written
    ("Năm 2024 so với năm 2022 Việt Nam tăng mấy bậc?", "Tăng 15 bậc so với năm 2022.", ""),
    ("Tỷ lệ năm 2023 có tăng so với năm trước không?",
     "Tỷ lệ tăng 3% so với năm 2022.", ""),
    ("KTS tăng trưởng bn %, gấp mấy lần tốc độ tăng GDP?",
     "Kinh tế số tăng trưởng 20%, gấp 3 lần tăng trưởng GDP.", ""),
    # no side compared against
    ("Năm 2023 tỷ lệ ở địa phương là bao nhiêu?", "Đạt 58,2%.", ""),
])
def test_the_side_compared_against(question, shown, side):
    assert side_unsaid(question, shown) == side
