"""Parts of a whole asked each with its figure, and a place asked alone (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.shares import part_unfigured, place_unfigured, province_for_nation
from assistant.articles.clean import fold


@pytest.mark.parametrize("question, quotes, parts", [
    ("Trong số đơn vị đã đăng ký hóa đơn điện tử, bao nhiêu là doanh nghiệp và bao nhiêu là "
     "hộ kinh doanh?", "Đã có 52.000 doanh nghiệp, hộ, cá nhân kinh doanh đăng ký.",
     ["doanh nghiep", "ho kinh doanh"]),
    ("Trong số hệ thống được phê duyệt thì cấp độ 3, cấp độ 4 mỗi loại có bao nhiêu hệ thống?",
     "Tổng số hệ thống thông tin của cả nước là 3.418 hệ thống, đã phê duyệt 2.500.",
     ["cap do 3", "cap do 4"]),
    # "nhiêu là … nhiêu là …" typed colloquially; "X 3 bao nhiêu, X 4 bao nhiêu"
    ("1.162 món hàng đó nhiêu là nông sản, nhiêu là đồ thủ công?",
     "Toàn tỉnh có 1.162 sản phẩm được đưa lên sàn.", ["nong san", "do thu cong"]),
    ("Trong số hệ thống đã duyệt, cấp độ 3 bao nhiêu, cấp độ 4 bao nhiêu?",
     "Tổng số hệ thống thông tin là 3.418 hệ thống.", ["cap do 3", "cap do 4"]),
    ("Xếp hạng của Việt Nam năm 2024 là bao nhiêu, tăng bao nhiêu bậc?",
     "Việt Nam xếp thứ 71/193, tăng 15 bậc.", []),
    # each part has its own figure: answered
    ("Bao nhiêu là bộ, ngành và bao nhiêu là địa phương?",
     "Đến nay, có 14 bộ, ngành và 52 địa phương đã ban hành danh mục.", []),
    # one amount asked: no parts
    ("Có bao nhiêu doanh nghiệp đăng ký?", "Đã có 52.000 doanh nghiệp đăng ký.", []),
    # in English, each part in the articles' words when the glossary has it
    ("Of the products listed online, how many are farm goods and how many are handicrafts?",
     "Toàn tỉnh hiện có 234 sản phẩm OCOP, 200 cơ sở sản xuất.", ["nong nghiep", "handicrafts"]),
    ("And how many of those are level-2 accounts?",
     "Số tài khoản VNeID đã kích hoạt trên 55,25 triệu, vượt mục tiêu 40 triệu.", ["muc do 2"]),
    ("How many are ministries and how many are localities?",
     "Có 14 bộ, ngành và 52 địa phương đã ban hành.", []),
])
def test_parts_asked_each_with_a_figure(question, quotes, parts):
    assert part_unfigured(question, quotes) == parts


@pytest.mark.parametrize("places, quotes, place", [
    # the sentence naming the place gives no figure; the figure is the country's
    (["soc trang"], ["Tại điểm cầu Sóc Trăng, dự phiên họp có lãnh đạo tỉnh.",
                     "Bộ Công an đã cấp trên 86 triệu thẻ căn cước công dân."], "soc trang"),
    # the figure is the province's own ("toàn tỉnh"), or the place is named with it
    (["hai duong"], ["Hải Dương đẩy mạnh chuyển đổi số.", "Toàn tỉnh hiện có 234 sản phẩm OCOP."],
     ""),
    (["nghe an"], ["Nghệ An tăng 9 bậc, đạt 85,5 điểm."], ""),
])
def test_a_place_asked_alone_without_its_figure(places, quotes, place):
    assert place_unfigured(fold("Riêng nơi đó được cấp bao nhiêu?"), places, quotes) == place


@pytest.mark.parametrize("question, quote, nation", [
    # the country asked, a province's sentence found
    ("Cả nước có bao nhiêu tài khoản VNeID?",
     "Tỉnh Nghệ An có 1,2 triệu tài khoản VNeID được kích hoạt.", "ca nuoc"),
    # the sentence speaks of the country too
    ("Cả nước có bao nhiêu tài khoản?", "Nghệ An đứng thứ 5 cả nước về tài khoản.", ""),
    # a sentence that opens on no province
    ("Toàn quốc có bao nhiêu tài khoản?", "Số tài khoản đã kích hoạt trên 55 triệu.", ""),
    # no country asked
    ("Nghệ An có bao nhiêu tài khoản?", "Tỉnh Nghệ An có 1,2 triệu tài khoản.", ""),
])
def test_the_country_asked_and_a_province_found(question, quote, nation):
    assert province_for_nation(question, quote, ["nghe an", "hai duong"]) == nation
