"""What a question pins down that the evidence lacks (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.absent import (amount_asked, breakdown_absent, deed_unsaid,
                                       measure_absent, rough_only)
from assistant.articles.clean import fold


@pytest.mark.parametrize("question, sentence, rough", [
    # an exact figure asked, only a rough one given
    ("Con số chính xác xã hội tiết kiệm được là mấy tỷ?",
     "Theo ước tính, việc này đã giúp tiết kiệm cho xã hội hàng nghìn tỷ đồng. [1]", True),
    ("Kinh tế số tăng trưởng đúng bao nhiêu phần trăm?",
     "Tốc độ tăng trưởng vượt 20%/năm, cao gấp 3 lần tốc độ tăng trưởng GDP. [1]", True),
    ("What is the exact number of online public services?",
     "Cổng có trên 4.500 dịch vụ công trực tuyến được tích hợp.", True),
    # an exact figure given: no near miss
    ("Chính xác thì tiết kiệm được bao nhiêu tỷ?",
     "Việc này đã tiết kiệm cho Nhà nước 2.505 tỷ đồng. [1]", False),
    # no exact figure asked
    ("Xã hội tiết kiệm được bao nhiêu?",
     "Theo ước tính, việc này đã giúp tiết kiệm cho xã hội hàng nghìn tỷ đồng.", False),
    # "đúng nhiêu", typed colloquially, asks an exact figure too
    ("Tiết kiệm cho xã hội đúng nhiêu tỷ, con số cụ thể á?",
     "Việc này đã giúp tiết kiệm cho xã hội hàng nghìn tỷ đồng.", True),
    # a date or a span of time is no figure; markers neither
    ("Chính xác thì bao nhiêu?", "Theo Chinhphu.vn (12/07/2023): trong 6 tháng, hơn 300 hộ. [1]",
     True),
])
def test_an_exact_figure_asked_when_only_a_rough_one_is_given(question, sentence, rough):
    assert rough_only(fold(question), sentence) is rough


WRITTEN = {"khen thuong", "tap the", "xuat sac", "phien hop", "dieu phoi", "du lieu"}


@pytest.mark.parametrize("question, passages, unsaid", [
    # the date of a deed the passages never speak of (the meeting's date was found)
    ("Việc khen thưởng tập thể xuất sắc sẽ diễn ra vào ngày nào?",
     "Chiều 10/7, Thủ tướng chủ trì phiên họp lần thứ 9.", True),
    ("Việc khen thưởng tập thể xuất sắc sẽ diễn ra vào ngày nào?",
     "Đề xuất khen thưởng các tập thể, cá nhân có thành tích xuất sắc.", False),
    # the deed's words are nowhere in the articles: nothing to say of them here
    ("Lễ ký kết hợp tác quốc tế diễn ra ngày nào?",
     "Chiều 10/7, Thủ tướng chủ trì phiên họp lần thứ 9.", False),
    # a meeting's own date asked: its words are the asking ones
    ("Phiên họp lần thứ 9 diễn ra ngày nào?", "Chiều 10/7, Thủ tướng chủ trì phiên họp.", False),
])
def test_the_date_of_a_deed_the_cited_passages_never_speak_of(question, passages, unsaid):
    assert deed_unsaid(question, passages, WRITTEN) is unsaid


@pytest.mark.parametrize("question, asked", [
    ("Trong đó Đà Nẵng chiếm nhiêu?", True),  # "nhiêu" typed: how much
    ("Có bao nhiêu tài khoản?", True),
    ("How many of those are in Da Nang?", True),
    ("Đà Nẵng có nhiều điểm sáng không?", False),  # "nhiều": many
    ("Ai chủ trì phiên họp?", False),
])
def test_an_amount_asked(question, asked):
    assert amount_asked(question, fold(question)) is asked


def test_the_measure_asked_of_a_place_by_its_code() -> None:
    text, local, names = "Kinh tế số ở Nghệ An chiếm bao nhiêu % GDP?", {"nghe an"}, ("Nghệ An",)
    assert measure_absent(text, local, names, "Tại Nghệ An, 5/6 mục tiêu về Kinh tế số.",
                          {"gdp"}) == "Nghệ An"
    assert measure_absent(text, local, names, "Kinh tế số Nghệ An chiếm 12% GDP.",
                          {"gdp"}) == ""
    # a code the articles never write is no measure to find
    assert measure_absent(text, local, names, "Tại Nghệ An, 5/6 mục tiêu.", set()) == ""


@pytest.mark.parametrize("question, said, dimension", [
    # a breakdown by districts the cited passages never speak of
    ("Số hộ lên sàn được phân bổ theo từng huyện ra sao?", "150.104 ho len san", "huyen"),
    ("Chia theo ngành thì thế nào?", "ty le o cac bo, nganh dat 31,7%", ""),
    # "chia ra mấy nhóm" asks a count, not a breakdown
    ("Đề án 06 chia ra mấy nhóm nhiệm vụ?", "5 nhom nhiem vu", ""),
])
def test_a_breakdown_whose_dimension_the_passages_never_name(question, said, dimension):
    assert breakdown_absent(question, said) == dimension
