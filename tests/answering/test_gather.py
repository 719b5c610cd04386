"""Rules of the reading plans (lists, summaries): no model, no index."""
from __future__ import annotations

import pytest

from assistant.answering.question import analyze
from assistant.answering.gather import (_GOES_ON, _asked_count, _counted_in, _period_fit,
                                       _restated_count, figured_items)
from assistant.schema import Article
from assistant.articles.clean import fold


@pytest.mark.parametrize("question,count", [
    ("7 quan điểm chỉ đạo của Đề án 06 là những quan điểm nào?", 7),
    ("6 chinh sach moi cua Luat Giao dich dien tu la gi?", 6),
    # an ordinal or a name is no count of items
    ("Ở phiên họp thứ 8, các bộ ngành đã bàn những chủ đề gì?", 0),
    ("Người dân được hưởng những tiện ích gì từ Đề án 06?", 0),
    ("Nghị quyết số 57 nêu những nhiệm vụ gì?", 0),
])
def test_asked_count(question, count) -> None:
    assert _asked_count(analyze(question)) == count


@pytest.mark.parametrize("question,sentence,count", [
    ("Mấy bộ ngành chưa bảo đảm an ninh, cụ thể là những bộ nào?",
     "Bên cạnh đó, 11/22 Bộ, ngành chưa bảo đảm an ninh, an toàn hệ thống.", 11),
    ("6 chính sách mới của Luật là những chính sách nào?",
     "Có hiệu lực từ tháng 7/2024, với 6 chính sách mới đáng chú ý, Luật ...", 6),
    ("Người dân được hưởng những tiện ích gì?",
     "Người dân được hưởng các tiện ích: vay tín chấp; khám sức khỏe điện tử.", 0),
])
def test_counted_in(question, sentence, count) -> None:
    assert _counted_in(analyze(question), sentence) == count


@pytest.mark.parametrize("question,sentence,restated", [
    # the sentence only names the count the question gives: the items are not listed
    ("5 nhom nhiem vu, giai phap cua De an 06 gom nhung gi?",
     "Phê duyệt Đề án 06 và triển khai với 7 quan điểm chỉ đạo, 5 nhóm nhiệm vụ, giải pháp.",
     True),
    ("6 chính sách mới của Luật là những chính sách nào?",
     "Có hiệu lực từ tháng 7/2024, với 6 chính sách mới đáng chú ý.", True),
    # another count, or none
    ("5 nhóm nhiệm vụ của Đề án 06 gồm những gì?",
     "Đề án 06 có 7 quan điểm chỉ đạo.", False),
    ("Các nhiệm vụ trọng tâm gồm những gì?",
     "Các nhiệm vụ trọng tâm gồm: hoàn thiện thể chế; phát triển hạ tầng số.", False),
])
def test_restated_count(question, sentence, restated) -> None:
    assert (_restated_count(analyze(question), sentence) is not None) is restated


@pytest.mark.parametrize("sentence,goes_on", [
    ("Trong đó, Chính phủ đã ban hành 2 nghị định, 5 quyết định, 2 chỉ thị.", True),
    ("Cụ thể, 63/63 địa phương đã kết nối.", True),
    ("Bao gồm: Thông báo lưu trú, đăng ký tạm trú.", True),
    ("Đồng thời, có 80,2% hộ gia đình sử dụng cáp quang.", False),
    ("Như vậy là chưa đủ.", True),
    ("Nhiều thủ tục có tỷ lệ cao.", False),
])
def test_a_sentence_that_goes_on_with_the_items(sentence, goes_on) -> None:
    assert (_GOES_ON.match(fold(sentence)) is not None) is goes_on


@pytest.mark.parametrize("sentence,items", [
    ("Tỷ lệ cao như: Thông báo lưu trú (97%), Đăng ký tạm trú (87,33%); Cấp điện mới (73%).",
     [("Thông báo lưu trú (97%)", 97.0), ("Đăng ký tạm trú (87,33%)", 87.33),
      ("Cấp điện mới (73%)", 73.0)]),
    ("Tại các địa phương đạt 58,2%, tại các bộ, ngành đạt 31,7%.",
     [("Tại các địa phương đạt 58,2%", 58.2), ("ngành đạt 31,7%", 31.7)]),
    ("Toàn tỉnh hiện có 234 sản phẩm OCOP.", []),
])
def test_items_with_their_figures(sentence, items) -> None:
    assert figured_items(sentence) == items


_HALF = Article(id="h", title="Phiên họp lần thứ 9", date="2024-07-10", source="",
                text="Chiều 10/7, phiên họp sơ kết hoạt động 6 tháng đầu năm 2024.")
_YEAR = Article(id="y", title="Phiên họp lần thứ 10", date="2025-02-06", source="",
                text="Chiều 6/2, phiên họp tổng kết hoạt động của Ủy ban năm 2024.")


@pytest.mark.parametrize("question, best", [
    # a whole year: the article that reports on it, though published the next year
    ("Tóm tắt kết quả chuyển đổi số năm 2024", "y"),
    ("tom tat ket qua chuyen doi so ca nuoc trong nam 2024", "y"),
    # part of a year: the article of those months
    ("Tóm tắt kết quả 6 tháng đầu năm 2024", "h"),
    ("Kết quả nửa đầu năm 2024 có gì nổi bật?", "h"),
    ("Nói gọn lại hội nghị giữa năm 2024 có những ý chính nào?", "h"),
])
def test_the_period_a_summary_means(question, best) -> None:
    analysis = analyze(question)
    fits = {a.id: _period_fit(a, analysis, fold(f"{a.title} {a.date} {a.text}"))
            for a in (_HALF, _YEAR)}
    assert max(fits, key=fits.get) == best and fits["h"] != fits["y"]
