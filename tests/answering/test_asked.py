"""Money asked and a date offered as a choice (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.asked import choice_unsaid, money_unsaid


@pytest.mark.parametrize("question, shown, unsaid", [
    # money asked, the figures shown are of other things
    ("Vậy tụi họ bán được tổng cộng nhiêu tiền?",
     "Có 150.104 hộ sản xuất nông nghiệp lên sàn thương mại điện tử.", True),
    ("How much money was paid out?", "Đã chi trả cho 3.200 người.", True),
    # a sum of money shown
    ("Mỗi năm Nhà nước đỡ tốn nhiêu tiền?",
     "Việc thực hiện các dịch vụ công thiết yếu đã tiết kiệm 2.505 tỷ đồng.", False),
    ("Tiết kiệm bao nhiêu tiền?", "Đã giúp tiết kiệm cho xã hội hàng nghìn tỷ đồng.", False),
    # no money asked
    ("Có bao nhiêu hộ lên sàn?", "Có 150.104 hộ lên sàn.", False),
])
def test_money_asked_needs_a_sum(question, shown, unsaid):
    assert money_unsaid(question, shown) is unsaid


@pytest.mark.parametrize("question, quotes, unsaid", [
    ("Nghị quyết 57 ra đời hồi tháng 12/2024 hay tháng 1/2025?",
     "Các bộ tổ chức thực hiện thật tốt Nghị quyết số 57 của Bộ Chính trị.", True),
    # one of the dates is written
    ("Phiên họp diễn ra ngày 6/2 hay 7/2?", "Chiều 6/2, tại trụ sở Chính phủ, …", False),
    # no choice of dates
    ("Phiên họp thứ 9 hay thứ 10 khai trương hệ thống?", "Phiên họp lần thứ 10 …", False),
    ("Có 20 hay 30 tỉnh chưa ban hành?", "Trong đó 12 bộ, ngành chưa ban hành.", False),
])
def test_a_date_offered_as_a_choice(question, quotes, unsaid):
    assert choice_unsaid(question, quotes) is unsaid
