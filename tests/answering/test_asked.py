"""Money asked, a date offered as a choice, a time a figure is asked at, a day asked as a
premise (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.asked import (choice_unsaid, exact_subject_unsaid, money_unsaid,
                                       pilot_only, premise_day_unsaid, rank_unsaid, time_unsaid)


@pytest.mark.parametrize("question, shown, unsaid", [
    # money asked, the figures shown are of other things
    ("Vậy tụi họ bán được tổng cộng nhiêu tiền?",
     "Có 150.104 hộ sản xuất nông nghiệp lên sàn thương mại điện tử.", True),
    ("How much money was paid out?", "Đã chi trả cho 3.200 người.", True),
    # a sum of money shown
    ("Mỗi năm Nhà nước đỡ tốn nhiêu tiền?",
     "Việc thực hiện các dịch vụ công thiết yếu đã tiết kiệm 2.505 tỷ đồng.", False),
    ("Tiết kiệm bao nhiêu tiền?", "Đã giúp tiết kiệm cho xã hội hàng nghìn tỷ đồng.", False),
    ("Kế hoạch của tỉnh được bố trí bao nhiêu tỷ đồng?",
     "Trong 4 tháng, Chính phủ ban hành 2 nghị định, 5 quyết định.", True),
    ("How much funding did the province get?", "Tỉnh ban hành 2 nghị định.", True),
    ("Kinh phí cho đề án là bao nhiêu?", "Tổng kinh phí là 1.200 tỷ đồng.", False),
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


@pytest.mark.parametrize("question, shown, dates, unsaid", [
    # the time asked is written nowhere: not in the answer, not in the article's date
    ("Vậy tới cuối tháng 12/2024 thì cấp được bao nhiêu thẻ rồi?",
     "Trong 4 tháng năm 2024, Bộ Công an đã cấp trên 86 triệu thẻ căn cước.", "24/04/2024",
     "toi cuoi thang 12/2024"),
    ("How many accounts were there as of 31/12/2024?", "Đã có 55 triệu tài khoản.",
     "24/04/2024", "as of 31/12/2024"),
    # the time is the answer's or the article's own
    ("Tới tháng 4/2024 VNeID có bao nhiêu lượt truy cập rồi?",
     "Ứng dụng VNeID có khoảng 500 triệu lượt truy cập.", "24/04/2024", ""),
    ("Tính đến cuối tháng 6/2023 có bao nhiêu bộ, ngành kết nối?",
     "Đến cuối tháng 6/2023, đã có 96 bộ, ngành, địa phương hoàn thành.", "12/07/2023", ""),
    ("Tính đến 30-6-2024 Hải Dương đạt bao nhiêu?", "Tính đến 30/6/2024, tỉnh đạt 92%.",
     "", ""),
    # no time a figure is asked at
    ("Năm 2023 có bao nhiêu tài khoản?", "Năm 2023 có 13,2 triệu tài khoản.", "", ""),
])
def test_a_time_a_figure_is_asked_at(question, shown, dates, unsaid):
    assert time_unsaid(question, shown, dates) == unsaid


@pytest.mark.parametrize("question, shown, unsaid", [
    # the answer writes no day: it can neither confirm nor deny the day
    ("Luật Giao dịch điện tử sửa đổi được thông qua ngày 22/6/2023 đúng không?",
     "Luật Giao dịch điện tử sửa đổi được ban hành, có hiệu lực từ tháng 7/2024.",
     "ngay 22/6/2023"),
    ("Phiên họp diễn ra hôm 9/1 phải không?", "Phiên họp lần thứ 10 của Ủy ban.", "hom 9/1"),
    # a day is written: the verdict can be read
    ("Phiên họp thứ 9 diễn ra ngày 11/7 đúng không?", "Chiều 10/7, Thủ tướng chủ trì phiên họp.",
     ""),
    ("Hội nghị họp ngày 12 tháng 7 phải không?", "Chiều ngày 12/7, Thủ tướng chủ trì.", ""),
    # no day asked
    ("Luật có hiệu lực từ tháng 7/2024 đúng không?", "Có hiệu lực từ tháng 7/2024.", ""),
])
def test_a_day_asked_as_a_premise(question, shown, unsaid):
    assert premise_day_unsaid(question, shown) == unsaid


@pytest.mark.parametrize("question, shown, unsaid", [
    # a rank asked, a move given
    ("Where did Nghe An rank nationally in the 2024 service index?",
     "Năm 2024 tỉnh Nghệ An tăng 9 bậc so với năm 2023.", True),
    ("Hải Dương xếp thứ mấy cả nước về giao dịch?", "Hải Dương có 41.132 giao dịch.", True),
    ("What exact rank did Nghe An reach on the service index in 2024?",
     "năm 2024 tỉnh Nghệ An tăng 9 bậc so với năm 2023", True),
    ("Năm 2024 Nghệ An đứng thứ mấy trong Bộ chỉ số?",
     "Nghệ An tăng 9 bậc, tạo điều kiện tốt nhất cho người dân.", True),
    # a rank given
    ("Tỉnh nào xếp thứ mấy về dịch vụ công?", "Bình Phước có tỷ lệ cao nhất cả nước.", False),
    ("Hải Dương xếp thứ mấy cả nước về giao dịch?", "41.132 giao dịch, xếp thứ 7 toàn quốc.",
     False),
    ("Việt Nam đứng thứ bao nhiêu về Chính phủ điện tử?", "Việt Nam ở vị trí thứ 71/193.", False),
    # no rank asked
    ("Nghệ An tăng mấy bậc?", "Nghệ An tăng 9 bậc.", False),
])
def test_a_rank_asked_needs_a_rank(question, shown, unsaid):
    assert rank_unsaid(question, shown) is unsaid


_BIGRAMS = frozenset({"kinh te", "te so", "so nam", "tang truong", "so tang", "nghe an",
                      "bao nhieu", "phan tram"})


@pytest.mark.parametrize("question, shown, unsaid", [
    # an exact figure asked, a sentence about another thing
    ("Kinh tế số năm 2024 tăng chính xác nhiêu phần trăm?",
     "Năm 2024 tỉnh Nghệ An tăng 9 bậc so với năm 2023.", True),
    ("Năm 2024 kinh tế số tăng đúng bao nhiêu phần trăm, con số cụ thể á?",
     "Nghệ An tăng 9 bậc.", True),
    # the sentence is about what is measured
    ("Kinh tế số năm 2024 tăng chính xác bao nhiêu?",
     "Năm 2024 kinh tế số tăng trưởng trên 20%.", False),
    # no exact figure asked
    ("Kinh tế số năm 2024 tăng bao nhiêu?", "Nghệ An tăng 9 bậc.", False),
])
def test_an_exact_figure_asked_needs_its_subject(question, shown, unsaid):
    assert exact_subject_unsaid(question, shown, _BIGRAMS) is unsaid


@pytest.mark.parametrize("question, quotes, only", [
    # done in full asked, only a pilot said
    ("Hệ thống điều phối dữ liệu y tế đã vận hành chính thức trên toàn quốc chưa?",
     "Thủ tướng đã bấm nút công bố khai trương thí điểm Hệ thống điều phối dữ liệu y tế.", True),
    ("Is the health data coordination system running nationwide yet?",
     "khai trương thí điểm Hệ thống điều phối dữ liệu y tế", True),
    # the pilot itself asked
    ("Hệ thống điều phối dữ liệu y tế có được thí điểm trên toàn quốc không?",
     "khai trương thí điểm Hệ thống điều phối dữ liệu y tế", False),
    # done in full said
    ("VNeID đã dùng chính thức trên toàn quốc chưa?",
     "Ứng dụng VNeID được triển khai trên toàn quốc.", False),
])
def test_a_deed_asked_in_full_is_not_a_pilot(question, quotes, only):
    assert pilot_only(question, quotes) is only


@pytest.mark.parametrize("question, sentence, unsaid", [
    # the top of a ranking claimed, the sentence ranks nothing
    ("Có phải Đà Nẵng có tỷ lệ dịch vụ công trực tuyến cao nhất cả nước không?",
     "Nhiều điểm sáng như đào tạo nhân lực số tại Đà Nẵng.", True),
    # ranked
    ("Hải Dương có nằm trong top 10 cả nước không?", "41.132 giao dịch, xếp thứ 7 toàn quốc.",
     False),
    ("Có phải Thông báo lưu trú cao nhất không?", "Thông báo lưu trú cao nhất (97%).", False),
    # "người đứng đầu" is a head of government, no ranking
    ("Người đứng đầu Chính phủ có muốn doanh nghiệp góp sức không?",
     "Thủ tướng đề nghị doanh nghiệp công nghệ chung tay.", False),
])
def test_a_claimed_top_needs_a_ranking(question, sentence, unsaid):
    from assistant.answering.asked import top_claim_unsaid

    assert top_claim_unsaid(question, sentence) is unsaid


@pytest.mark.parametrize("question, dates, unknown", [
    # done by the end of 2024 asked of an article of July 2024
    ("Các bộ đã hoàn thành nhiệm vụ trước cuối năm 2024 chưa?", ["2024-07-10"], True),
    ("Has the plan been completed by the end of 2024?", ["2024-04-24"], True),
    # an article written after the time asked can tell
    ("Các bộ đã hoàn thành nhiệm vụ trước cuối năm 2024 chưa?", ["2025-02-06"], False),
    # no time asked, or no deed asked done
    ("Hải Dương đã ban hành kế hoạch năm 2024 chưa?", ["2024-07-10"], False),
    ("Mục tiêu đến năm 2025 là gì?", ["2024-07-10"], False),
])
def test_a_deed_asked_done_after_the_articles_were_written(question, dates, unknown):
    from assistant.answering.asked import after_written

    assert after_written(question, dates) is unknown


@pytest.mark.parametrize("question, shown, unsaid", [
    # after a deadline asked, the count before it given
    ("Sau hạn 20-7-2024, còn bao nhiêu địa phương chưa ban hành kế hoạch?",
     "12 bộ, ngành và 20 địa phương chưa ban hành kế hoạch trước ngày 20/7/2024.",
     "thời điểm sau ngày 20/7/2024"),
    # the same time asked and given
    ("Tới cuối tháng 12/2024 thì cấp được bao nhiêu?", "Đến tháng 12/2024 đã cấp 86 triệu.",
     ""),
])
def test_a_time_asked_after_a_deadline(question, shown, unsaid):
    assert time_unsaid(question, shown) == unsaid


@pytest.mark.parametrize("question, sentence, unsaid", [
    # a place's count of products, the sentence on that place counts goals
    ("Nghệ An có bao nhiêu sản phẩm OCOP?",
     "Tại Nghệ An, tỉnh đã đạt được 10/11 mục tiêu về Chính quyền số.", True),
    ("Cái ứng dụng VNeID có bao nhiêu lượt truy cập?",
     "VNeID đã được tích hợp 8 dịch vụ tiện ích, có 29,3 triệu lượt truy cập.", False),
    # what is counted is named, or counted by its head noun, or the sentence is on no place asked
    ("Hải Dương có bao nhiêu sản phẩm OCOP?", "Hải Dương hiện có 234 sản phẩm OCOP.", False),
    ("Hải Dương có bao nhiêu hộ nông dân lên sàn?",
     "Hải Dương có 150.104 hộ sản xuất nông nghiệp lên sàn.", False),
    ("Nghệ An có bao nhiêu tỉnh?", "Nghệ An nằm trong 63 địa phương.", False),
    ("Hải Dương tăng bao nhiêu phần trăm?", "Hải Dương đạt 92%.", False),
])
def test_a_places_count_needs_what_is_counted(question, sentence, unsaid):
    from assistant.answering.asked import count_unsaid
    from assistant.answering.question import analyze

    assert count_unsaid(analyze(question), sentence) is unsaid
