"""What a question pins down that the evidence lacks (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.absent import (amount_asked, breakdown_absent, day_unconfirmed,
                                       day_unsaid, deed_unsaid, gives_amount, measure_absent,
                                       mechanism_unsaid, only_part_unnamed, parts_unsplit,
                                       required_only, rough_only, superlative_unsaid,
                                       term_undescribed)
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
    # the full figure asked in other words
    ("Cho con số đầy đủ, không làm tròn, về số thẻ căn cước đã cấp.",
     "Bộ Công an đã cấp trên 86 triệu thẻ căn cước công dân gắn chíp.", True),
    # the rough figure the question itself gives ("not 'over 86 million'") is still rough;
    # the figure read is that of the question's own noun ("thẻ"), not "8 dịch vụ"
    ("Give me the exact figure, not over 86 million, for cards issued (thẻ căn cước)",
     "Đã cấp trên 86 triệu thẻ căn cước gắn chíp; VNeID tích hợp 8 dịch vụ tiện ích.", True),
])
def test_an_exact_figure_asked_when_only_a_rough_one_is_given(question, sentence, rough):
    assert rough_only(fold(question), sentence) is rough


def test_the_exact_figure_is_read_off_the_unit_asked():
    """"bao nhiêu dịch vụ công": the figure of services ("trên 4.500"), not of accounts (the
    unit asked, or a noun of the question)."""
    sentence = "Cổng có 13,2 triệu tài khoản người dùng, trên 4.500 dịch vụ công được tích hợp."
    question = fold("Chính xác có bao nhiêu dịch vụ công được tích hợp?")
    assert rough_only(question, sentence, units={"dich"})
    assert rough_only(question, sentence)
    assert not rough_only(fold("Chính xác có bao nhiêu tài khoản người dùng?"), sentence)
    assert not rough_only(question, "Cổng có 4.512 dịch vụ công, trên 13 triệu tài khoản.",
                          units={"dich"})
    # a word of size between the figure and its noun: "trên 86 triệu thẻ", not "8 dịch vụ"
    assert rough_only(fold("Chính xác là bao nhiêu thẻ, không làm tròn?"),
                      "Đã cấp trên 86 triệu thẻ căn cước; VNeID tích hợp 8 dịch vụ tiện ích.",
                      units={"the"})
    # the unit asked is never named: the sentence gives no figure of it at all
    assert rough_only(fold("Chính xác tiết kiệm bao nhiêu tỷ đồng?"),
                      "Cơ sở dữ liệu đã kết nối với 13 bộ, ngành.", units={"ty"})
    # a share asked is written as a sign: no unit word to look for
    assert not rough_only(fold("Chính xác là bao nhiêu phần trăm?"), "Tỷ lệ đạt 58,2%.",
                          units={"phan"})


@pytest.mark.parametrize("question, sentence, unsaid", [
    # how it works asked, the sentence names it only as the means of something else
    ("Giải pháp chấm điểm khả tín từ dữ liệu dân cư vận hành ra sao?",
     "Vay tín chấp thông qua giải pháp chấm điểm khả tín từ dữ liệu dân cư, góp phần phòng "
     "ngừa tín dụng đen.", True),
    ("Cái hệ thống điều phối dữ liệu y tế nó chạy kiểu gì?",
     "Thủ tướng bấm nút khai trương thí điểm Hệ thống điều phối dữ liệu y tế.", True),
    ("How does the health data coordination system actually move data?",
     "Thủ tướng bấm nút khai trương Hệ thống điều phối dữ liệu y tế.", True),
    # steps asked; "bước đầu" (at first) is no step
    ("Muốn kích hoạt tài khoản định danh điện tử thì phải làm mấy bước?",
     "Bộ Công an đã kích hoạt trên 53,62 triệu tài khoản định danh điện tử cho người dân.",
     True),
    ("Chấm điểm khả tín vận hành ra sao?", "Người dân bước đầu được hưởng các tiện ích.", True),
    # the sentence says how, after naming it
    ("Vay tín chấp qua dữ liệu dân cư vận hành ra sao?",
     "Vay tín chấp thông qua giải pháp chấm điểm khả tín từ dữ liệu dân cư.", False),
    ("Hệ thống điều phối dữ liệu y tế hoạt động thế nào?",
     "Hệ thống điều phối dữ liệu y tế cho phép bệnh viện chia sẻ hồ sơ.", False),
    # not how it works: how it was launched
    ("Hệ thống điều phối dữ liệu y tế được khai trương theo hình thức nào?",
     "Thủ tướng bấm nút khai trương Hệ thống điều phối dữ liệu y tế.", False),
    # how it is worked out, asked in chat words or in English
    ("Vụ chấm điểm khả tín thì người ta tính điểm kiểu gì?",
     "Vay tín chấp được triển khai cho người dân.", True),
    ("Walk me through how traceability stamps are issued in Hai Duong.",
     "Toàn tỉnh hiện có 234 sản phẩm OCOP áp dụng tem truy xuất nguồn gốc.", True),
    ("Chấm điểm khả tín từ dữ liệu dân cư tính điểm cho người vay ntn?",
     "Vay tín chấp thông qua giải pháp chấm điểm khả tín.", True),
    ("How does the health data coordination system share patient records?",
     "Thủ tướng bấm nút khai trương Hệ thống điều phối dữ liệu y tế.", True),
    # "phương châm … thế nào" asks no mechanism
    ("Thủ tướng muốn làm việc theo phương châm thế nào?", "Nói đi đôi với làm.", False),
])
def test_how_something_works_said_after_naming_it(question, sentence, unsaid):
    assert mechanism_unsaid(fold(question), sentence) is unsaid


@pytest.mark.parametrize("question, rewritten, unsaid", [
    # the steps asked; an English question's thing read off its Vietnamese search words
    ("Thủ tục đăng ký hóa đơn điện tử gồm những bước nào?", "", True),
    ("How does the credit scoring actually calculate a borrower's score?",
     "chấm điểm khả tín, cơ sở dữ liệu quốc gia về dân cư như thế nào?", True),
])
def test_how_something_works_in_other_words(question, rewritten, unsaid):
    sentence = ("Vay tín chấp thông qua giải pháp chấm điểm khả tín từ Cơ sở dữ liệu quốc gia về "
                "dân cư; 37.542 doanh nghiệp đăng ký sử dụng hóa đơn điện tử thành công.")
    assert mechanism_unsaid(fold(question), sentence, fold(rewritten)) is unsaid


SENTENCES = tuple(fold(s) for s in (
    "100% các cơ quan nhà nước được kết nối mạng truyền số liệu chuyên dùng với 849 điểm.",
    "Toàn tỉnh có 200 cơ sở áp dụng tem truy xuất nguồn gốc.",
    "Triển khai \"trợ lý ảo\" trong ngành tòa án.",
    "Chuyển đổi số là xu thế tất yếu.",
    "Năm 2023 là năm bản lề, đánh dấu nửa chặng đường.",
    "Hội nghị sơ kết về chuyển đổi số quốc gia và Đề án 06 diễn ra chiều 12/7.",
))


@pytest.mark.parametrize("question, term", [
    # a term the articles only use
    ("Mạng truyền số liệu chuyên dùng là gì, dùng để làm gì?", "mang truyen so lieu chuyen dung"),
    ("Tem truy xuất nguồn gốc là j, hoạt động ntn?", "tem truy xuat nguon goc"),
    ("\"Trợ lý ảo\" trong ngành tòa án là công cụ gì?", "tro ly ao"),
    # said what it is ("X là …", "… là X, …"), or the gist of a meeting asked
    ("Chuyển đổi số là gì?", ""),
    ("\"Năm bản lề\" nghĩa là sao?", ""),
    ("Nội dung chính của hội nghị sơ kết về chuyển đổi số quốc gia và Đề án 06 là gì?", ""),
    # a term the articles never write: another check's
    ("Điện toán đám mây là gì?", ""),
    ("Mạng truyền số liệu chuyên dùng là mạng gì?", "mang truyen so lieu chuyen dung"),
    # items asked ("Những … là gì?"), not a term
    ("Những nhiệm vụ trọng tâm năm 2025 là gì?", ""),
    ("Tem truy xuất nguồn gốc có mấy loại, là gì?", ""),
    # a body the articles name, not a term
    ("Tổ công tác triển khai Đề án 06 là tổ gì?", ""),
])
def test_a_term_the_articles_only_use(question, term):
    sentences = (*SENTENCES, fold("Tổ Công tác triển khai Đề án 06 họp hằng tháng."),
                 fold("…phương hướng, nhiệm vụ trọng tâm năm 2025."))
    assert term_undescribed(question, "\n".join(sentences), {"to cong"}) == term


@pytest.mark.parametrize("question, sentence, unsaid", [
    ("Thế tỉnh nào đứng đầu cả nước ạ?", "Hải Dương xếp thứ 7 toàn quốc.", True),
    ("the tinh nao dung thu nhat", "Hải Dương xếp thứ 7 toàn quốc.", True),
    ("Trong các bộ đó, bộ nào chậm nhất?", "12 bộ, ngành chưa ban hành kế hoạch.", True),
    ("Which province ranks first?", "Hải Dương xếp thứ 7 toàn quốc.", True),
    # "người đứng đầu" (the head), "nhất là" (above all) rank nothing
    ("Bộ nào chậm nhất?", "Người đứng đầu Chính phủ yêu cầu 12 bộ, nhất là Bộ Y tế, khẩn "
     "trương ban hành kế hoạch.", True),
    # ranked, or figures to compare
    ("Tỉnh nào đứng đầu cả nước?", "Hà Nội đứng đầu cả nước.", False),
    ("Thủ tục nào có tỷ lệ cao nhất?", "Thông báo lưu trú (97%), cấp biển số (80,5%).", False),
    # "người đứng đầu" is a head, "thống nhất" agreed: no ranking asked
    ("Vị này đang đứng đầu bộ nào?", "Ông là Bộ trưởng Bộ Công an.", False),
    ("Lý do nào khiến người đứng đầu Chính phủ đánh giá cao?", "Thủ tướng nhấn mạnh.", False),
    ("Những quan điểm nào được thống nhất?", "Bốn quan điểm chỉ đạo.", False),
])
def test_the_top_of_a_ranking_asked(question, sentence, unsaid):
    assert superlative_unsaid(question, sentence) is unsaid


@pytest.mark.parametrize("question, quotes, unconfirmed", [
    ("Hội nghị ở Đà Nẵng có phải họp hôm 9/1/2024 không?", "Toàn cảnh hội nghị tại Đà Nẵng.",
     True),
    # a date given: yes or no can be read
    ("Luật có hiệu lực từ 1/1/2024 phải không?", "Có hiệu lực thi hành từ tháng 7/2024.", False),
    ("Hội nghị có phải ở Đà Nẵng không?", "Toàn cảnh hội nghị tại Đà Nẵng.", False),
])
def test_a_day_asked_of_sentences_that_give_no_date(question, quotes, unconfirmed):
    assert day_unconfirmed(question, quotes) is unconfirmed


REQUIRED = ("Các ngành sớm hoàn thành triển khai 30 dịch vụ công thiết yếu còn lại, nhất là "
            "công bố nhóm thủ tục lên Cổng dịch vụ công quốc gia.")
DEADLINE = ("Yêu cầu khẩn trương xử lý nhiệm vụ quá hạn, trong đó 12 bộ chưa ban hành kế hoạch "
            "khẩn trương ban hành kế hoạch trước ngày 20/7/2024.")


@pytest.mark.parametrize("question, sentence, positive, given, required", [
    ("Have all of the 30 remaining services been completed yet?", REQUIRED, True, (), True),
    ("12 bo da ban hanh ke hoach truoc 20/7 chua?", DEADLINE, False, (), True),
    ("Did the ministries actually issue their plans by July 20?", DEADLINE, False, {"20/7"},
     True),
    # a no read from what the sentence says of the state ("chưa ban hành"), no deadline asked
    ("12 bộ đã ban hành kế hoạch chưa?", DEADLINE, False, (), False),
    # how many met a deadline ("tính đến", "kịp"), an aim asked as reached
    ("Tính đến 20/7/2024 đã có bao nhiêu bộ kịp ban hành kế hoạch?", DEADLINE, False, (), True),
    # "… ban hành hết chưa?" asks it done, without "đã"
    ("Tới 20/7/2024 các bộ ban hành hết chưa?", DEADLINE, False, (), True),
    ("Thế tới 20/7/2024 các bộ ngành ấy đã ban hành xong hết chưa ạ?", DEADLINE, False, (), True),
    ("Were all the priority tasks completed?", REQUIRED, True, (), True),
    ("Viet Nam da dat tang truong 2 con so nho Nghi quyet 57 chua",
     "Các bộ tổ chức thực hiện Nghị quyết 57 để góp phần vào tăng trưởng 2 con số.", True, (),
     True),
    # whether it was asked for is what the sentence says
    ("Was the ministry asked to finish the 30 services?", REQUIRED, True, (), False),
    ("Đã có 30 dịch vụ công được hoàn thành chưa?", "Đã hoàn thành 30 dịch vụ công.", True, (),
     False),
])
def test_a_deed_asked_as_done_that_is_only_required(question, sentence, positive, given,
                                                    required):
    assert required_only(fold(question), sentence, positive, given) is required


@pytest.mark.parametrize("sentence, required", [
    # a "Chưa." read from a proposal: the articles do not say whether it was done
    ("Trên cơ sở những việc chưa tốt, Bộ TT&TT đề xuất các nhiệm vụ trọng tâm nửa cuối năm.",
     True),
    # the sentence denies the deed after asking for it
    ("Thủ tướng yêu cầu 12 bộ chưa ban hành kế hoạch khẩn trương ban hành.", False),
])
def test_a_no_is_not_read_from_a_proposal(sentence, required):
    question = fold("Bộ TT&TT đã làm xong hết các nhiệm vụ trọng tâm chưa?")
    assert required_only(question, sentence, False, (), negative=True) is required


@pytest.mark.parametrize("shown, asked, gives", [
    ("nam 2023 la nam ban le cua ke hoach 5 nam 2021-2025", "", False),  # years, a span
    ("phien hop lan thu 8 dien ra chieu 6/2", "", False),  # an ordinal, a day
    ("tai nghe an, da dat 10/11 muc tieu", "", True),  # a share
    ("co 13,2 trieu tai khoan", "", True),
    ("chien dich 92 ngay dem", "trong bao nhieu ngay", True),  # the span is what is asked
    ("chien dich 92 ngay dem", "bao nhieu nguoi", False),
    ("tiet kiem hang nghin ty dong", "", True),
])
def test_an_amount_is_no_year_date_span_or_ordinal(shown, asked, gives):
    assert gives_amount(shown, asked) is gives

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
    # each district, each type
    ("Mỗi huyện chiếm bao nhiêu hộ?", "150.104 ho len san", "huyen"),
    ("Khoản đó được chia cho từng loại trợ cấp bao nhiêu?", "674,3 ty dong", "loai"),
    # "mỗi loại văn bản" counted in the sentence itself, "môi trường" no "mỗi"
    ("Mỗi loại văn bản bao nhiêu?", "9 nghi dinh, 2 quyet dinh", ""),
    ("Đưa nông nghiệp lên môi trường số được gì?", "150.104 ho len san", ""),
])
def test_a_breakdown_whose_dimension_the_passages_never_name(question, said, dimension):
    assert breakdown_absent(question, said) == dimension


@pytest.mark.parametrize("question, quotes, part", [
    # the part asked alone is never named: the whole province's figure is no answer
    ("Riêng thị xã Kinh Môn thì có bao nhiêu sản phẩm OCOP?",
     "Toàn tỉnh hiện có 234 sản phẩm OCOP.", "thi xa kinh mon"),
    ("rieng mang y te chiem bao nhieu?", "Các lĩnh vực đạt 80%.", "mang y te"),
    # named: no near miss
    ("Riêng lĩnh vực y tế thì đạt bao nhiêu?", "Lĩnh vực y tế đạt 87,9%.", ""),
    ("Riêng năm 2024 thì có bao nhiêu?", "Năm 2024 có 12 dịch vụ.", ""),
])
def test_a_part_asked_alone_that_the_sentences_never_name(question, quotes, part):
    assert only_part_unnamed(question, quotes) == part


@pytest.mark.parametrize("question, numbers, quotes, total", [
    # the parts of a total asked one by one, only the total given
    ("Trong 120 đơn vị đó, bao nhiêu là bộ, bao nhiêu là tỉnh?", {"120"},
     "Đã có 120 bộ, ngành, địa phương kết nối. Có 13 bộ, ngành dùng dữ liệu.",
     "120 bộ, ngành, địa phương"),
    # each part given a figure of its own: no near miss
    ("Trong 120 đơn vị đó, bao nhiêu là bộ, bao nhiêu là tỉnh?", {"120"},
     "Trong 120 đơn vị có 20 bộ, ngành và 100 tỉnh.", ""),
    # one amount asked: not a split
    ("Trong 120 đơn vị đó có bao nhiêu bộ?", {"120"}, "Đã có 120 bộ, ngành kết nối.", ""),
])
def test_parts_of_a_total_asked_one_by_one(question, numbers, quotes, total):
    assert parts_unsplit(question, numbers, quotes, "") == total


@pytest.mark.parametrize("question, shown, unsaid", [
    # a day asked, only a half-year or a month given
    ("Tỉnh kết nối với hệ thống giám sát từ ngày nào?",
     "6 tháng đầu năm 2024, tỉnh đã kết nối hệ thống giám sát.", True),
    ("On what date was the law passed?", "Luật có hiệu lực từ tháng 7/2024.", True),
    # a day given: no near miss
    ("Phiên họp diễn ra hôm nào?", "Chiều 6/2, Thủ tướng chủ trì phiên họp.", False),
    ("Hội nghị họp ngày mấy?", "Hội nghị diễn ra ngày 12 tháng 7.", False),
    ("Ra mắt hôm nào?", "Ra mắt mùng 6 tháng 2.", False),
    # a month or a year asked: not a day
    ("Luật có hiệu lực từ tháng nào?", "Luật có hiệu lực từ tháng 7/2024.", False),
])
def test_a_day_asked_of_an_answer_that_gives_none(question, shown, unsaid):
    assert day_unsaid(fold(question), fold(shown)) is unsaid
