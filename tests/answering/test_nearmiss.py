"""Near misses an answer can still be: items only counted, a speech never reported, another
place than the one asked (fast: no model, no index)."""
import pytest

from assistant.answering.absent import part_not_given
from assistant.answering.nearmiss import asks_speech, counted_only
from assistant.answering.plans import _elsewhere
from assistant.answering.question import analyze


@pytest.mark.parametrize("question, numbers, answer, counted", [
    ("Liệt kê 14 bộ, ngành đã ban hành danh mục?", {"14"},
     "Đến nay, có 14 bộ, ngành và 52 địa phương đã ban hành danh mục. [1]", True),
    ("20 tỉnh thành gồm những nơi nào?", {"20"},
     "Trong đó 12 bộ, ngành và 20 địa phương chưa ban hành kế hoạch. [1]", True),
    ("Mục tiêu nào Nghệ An chưa đạt?", set(),
     "Tỉnh đã đạt 10/11 mục tiêu về Chính quyền số. [1]", True),
    # the item asked past other words ("mục tiêu … nào"), or "là mục tiêu gì"
    ("Mục tiêu kinh tế số nào tỉnh chưa đạt?", set(),
     "Tỉnh đã đạt 5/6 mục tiêu về Kinh tế số. [1]", True),
    ("Cái mục tiêu còn thiếu là mục tiêu gì?", set(),
     "Tỉnh đã đạt 5/6 mục tiêu về Kinh tế số. [1]", True),
    ("5 nhóm nhiệm vụ gồm những gì?", {"5"},
     "Gồm 5 nhóm: thể chế; hạ tầng; dữ liệu; nhân lực; an ninh. [1]", False),
    ("5 nhóm nhiệm vụ gồm những gì?", {"5"},
     "Đề ra 5 nhóm nhiệm vụ. [1]\n- Thể chế. [2]\n- Hạ tầng. [3]\n- Dữ liệu. [4]", False),
    ("Có bao nhiêu bộ đã ban hành?", {"14"}, "Có 14 bộ, ngành đã ban hành. [1]", False),
    ("19 tập đoàn được thúc chuyển đổi số là mấy chỗ nào vậy?", {"19"},
     "Thúc đẩy chuyển đổi số tại 19 Tập đoàn, Tổng Công ty. [1]", True),
    # the noun asked, counted in the answer without the question giving the count
    ("Đó là những doanh nghiệp nào?", set(),
     "Đã kết nối chính thức với 13 bộ, ngành, 4 doanh nghiệp và 63/63 địa phương. [1]", True),
    ("Liệt kê giúp mình tên mấy sản phẩm OCOP của tỉnh", set(),
     "- Toàn tỉnh hiện có 234 sản phẩm OCOP, 200 cơ sở áp dụng tem truy xuất. [1]\n"
     "- 150.104 hộ sản xuất nông nghiệp lên sàn. [1]\n- 1.162 sản phẩm lên sàn. [1]", True),
    ("Những doanh nghiệp nào được kết nối?", set(),
     "Kết nối với 3 doanh nghiệp: Viettel, VNPT và MobiFone. [1]", False),
    # the count in words
    ("Năm quyết định Thủ tướng ban hành có tên là gì?", set(),
     "Thủ tướng Chính phủ đã ban hành 5 quyết định. [1]", True),
    # other counts follow the one asked, not its items
    ("Trong 13 bộ, ngành đã kết nối, bộ nào kết nối sớm nhất?", {"13"},
     "Đã kết nối chính thức với 13 bộ, ngành, 4 doanh nghiệp và 63/63 địa phương. [1]", True),
    # a span of time is no count of items
    ("Trong 4 tháng đầu năm, Chính phủ ban hành những văn bản nào?", {"4"},
     "Trong 4 tháng đầu năm 2024, Chính phủ ban hành nhiều văn bản quan trọng. [1]", False),
    # lines of other facts are not the items
    ("Hai nghị định đó là những nghị định nào?", set(),
     "- Chính phủ đã ban hành 2 nghị định. [1]\n- Ngoài ra, Bộ Công an đã cấp thẻ. [2]", True),
    # the items asked by their number ("số mấy"), or by "bộ nào" after "mấy bộ"
    ("2 NĐ mà CP ban hành là NĐ số mấy?", {"2"},
     "Trong đó, Chính phủ đã ban hành 2 nghị định, Thủ tướng ban hành 5 quyết định. [1]", True),
    ("Mấy bộ chưa ra kế hoạch là bộ nào vậy?", set(),
     "Trong đó 12 bộ, ngành và 20 địa phương chưa ban hành kế hoạch. [1]", True),
    # "nhất là" (above all) introduces no items
    ("List the 30 remaining essential public services.", {"30"},
     "Sớm hoàn thành 30 dịch vụ công thiết yếu còn lại, nhất là tích hợp, công bố nhóm thủ "
     "tục đăng ký hộ kinh doanh và đăng ký thuế. [1]", True),
    ("Which ministries and sectors are they?", set(),
     "Trong đó 12 bộ, ngành và 20 địa phương chưa ban hành kế hoạch. [1]", True),
    ("Cụ thể là những bộ ngành nào?", set(),
     "Trong đó 12 bộ, ngành và 20 địa phương chưa ban hành kế hoạch. [1]", True),
    ("Could you name each of the 7 steering viewpoints?", {"7"},
     "Đề án 06 được triển khai với 7 quan điểm chỉ đạo. [1]", True),
    ("And what are those six new policies?", set(),
     "Luật Giao dịch điện tử có 6 chính sách mới đáng chú ý. [1]", True),
    # "mấy cái gì", a summary of counted items: the items asked
    ("8 cái dịch vụ tiện ích tích hợp trên VNeID là mấy cái gì vậy?", {"8"},
     "VNeID đã được tích hợp 8 dịch vụ tiện ích, có 29,3 triệu lượt truy cập. [1]", True),
    ("Tóm tắt 6 chính sách mới của Luật Giao dịch điện tử", {"6"},
     "Luật Giao dịch điện tử có 6 chính sách mới đáng chú ý, góp phần hoàn thiện hành lang "
     "pháp lý. [1]", True),
    ("Give me a summary of the six new policies in the amended law.", set(),
     "Luật Giao dịch điện tử có 6 chính sách mới đáng chú ý. [1]", True),
    ("Ứng dụng VNeID tích hợp 8 dịch vụ tiện ích, là những dịch vụ gì?", {"8"},
     "VNeID đã được tích hợp 8 dịch vụ tiện ích, có 29,3 triệu lượt truy cập. [1]", True),
    # a summary of a span of time asks no items
    ("Tóm tắt 6 tháng đầu năm 2023", {"6"},
     "Trong 6 tháng đầu năm 2023, có 6 chính sách mới. [1]", False),
])
def test_items_only_counted(question, numbers, answer, counted):
    assert counted_only(question, frozenset(numbers), answer) is counted


@pytest.mark.parametrize("question, asks", [
    ("ông Triệu Thế Hùng nói gì ở phiên họp thứ 9", True),
    ("Bộ trưởng phát biểu những gì tại hội nghị?", True),
    ("Ông Triệu Thế Hùng giữ chức vụ gì?", False),
    # an English question as the glossary renders it: the speech verb far from "gì"
    ("Phó Thủ tướng, nói, hội nghị, tháng 7/2023, Tran Hong Ha gì?", True),
    ("Ông Hùng nói rằng chuyển đổi số cần dữ liệu, đúng không?", False),
])
def test_a_question_about_what_someone_said(question, asks):
    assert asks_speech(question) is asks


@pytest.mark.parametrize("sentence, elsewhere", [
    ("Năm 2024, Việt Nam đã vươn lên vị trí thứ 71/193 quốc gia.", True),
    ("Phát sinh 41.132 giao dịch, xếp thứ 7 toàn quốc.", False),
    ("Nghệ An đứng thứ 12 cả nước.", False),
    ("Tại Sóc Trăng, tỷ lệ đạt 80%.", True),
])
def test_a_sentence_about_another_place(sentence, elsewhere):
    analysis = analyze("Nghệ An đứng thứ mấy?", ["nghe an", "soc trang"], ["nghe an"])
    assert _elsewhere(analysis, sentence, frozenset({"nghe an", "soc trang"})) is elsewhere


def test_a_number_that_names_something_is_no_count():
    assert not counted_only("Đề án 06 gồm những nội dung gì?", frozenset({"06"}),
                            "Đề án 06 của Chính phủ được phê duyệt năm 2022. [1]")


@pytest.mark.slow
@pytest.mark.parametrize("question, missing", [
    # the country asked, a province's figure found
    ("Tỷ lệ tiếp nhận trực tuyến 25 dịch vụ công thiết yếu của cả nước đạt bao nhiêu %?",
     "cả nước"),
    # items asked, in English, that the articles only count
    ("Which 8 utility services are integrated into the VNeID app?", "không liệt kê"),
    # a side of a comparison no article names
    ("So sánh số sản phẩm OCOP của Hải Dương và Bắc Ninh", "Bắc Ninh"),
    # a why-question about a state, answered only by the figures
    ("Vì sao kinh tế số Việt Nam tăng trưởng nhanh nhất Đông Nam Á?", "lý do"),
    # a role in a body named elsewhere in the answer, not next to the person
    ("Ông Trần Văn Lâu giữ vai trò gì trong Ủy ban Quốc gia về chuyển đổi số?", "Trần Văn Lâu"),
    # items only counted, the count not in the question
    ("Hải Dương có những sản phẩm OCOP cụ thể nào, kể tên giúp mình?", "không liệt kê"),
    # a part of the total the question gives
    ("Trong 2.505 tỷ đồng tiết kiệm được, riêng dịch vụ cấp hộ chiếu chiếm bao nhiêu?",
     "con số chung"),
    # a role whose holder is never named
    ("Giám đốc Sở Thông tin và Truyền thông Nghệ An tên là gì?", "không nêu ai là"),
    # whether a place spoke, when it only attended
    ("Ở phiên họp thứ 8, đại biểu Sóc Trăng có phát biểu không?", "phát biểu"),
    # an exact figure asked when the articles give only a rough one
    ("Khai thác dữ liệu dân cư giúp xã hội tiết kiệm chính xác là bao nhiêu tiền?",
     "ước lượng"),
    # the date of a deed the articles only propose (the date found is another event's)
    ("Khi nào các tập thể xuất sắc về chuyển đổi số được khen thưởng?", "thời điểm"),
    # items asked with no count in the question, the articles only count them
    ("Bộ Quốc phòng thúc đẩy chuyển đổi số ở những tập đoàn, tổng công ty cụ thể nào?",
     "không liệt kê"),
    # places asked, the articles give only a share of them ("51/63 địa phương")
    ("Những tỉnh thành nào chưa chi trả an sinh xã hội qua tài khoản?", "không liệt kê"),
    # how it works asked in any kind of question, only its launch is said
    ("Hệ thống điều phối dữ liệu y tế được quản lý theo cơ chế nào?", "cách thức"),
    # a name the articles never write
    ("Kho dữ liệu dân cư của Việt Nam so với Campuchia thì sao?", "Campuchia"),
    # a part of a total the question writes in words
    ("Trong số hơn hai nghìn ba trăm cơ sở dữ liệu, các bộ quản lý bao nhiêu?", "con số chung"),
    # a deed asked as done in a list question, the articles only propose it
    ("Những tập thể, cá nhân nào đã được khen thưởng về chuyển đổi số?", "đề xuất"),
    # a breakdown by districts, no figure in the question
    ("Số hộ nông dân Hải Dương lên sàn được phân bổ theo từng huyện ra sao?", "chia theo"),
    # a cause asked in a comparison ("điều gì khiến … thấp hơn"): only the figures are given
    ("Điều gì làm cho tỷ lệ dịch vụ công trực tuyến ở bộ, ngành thấp hơn địa phương?", "lý do"),
    # a part asked alone that the articles never name: the province's figure only
    ("Riêng huyện Kinh Môn có bao nhiêu sản phẩm OCOP?", "Kinh Môn"),
    # companies asked by name: the articles name none
    ("Những công ty công nghệ nào đã tham dự phiên họp thứ 9?", "không liệt kê"),
    # who did a deed the articles never write; a date of a document they only name
    ("Cho em hỏi ai là người ký quyết định phê duyệt Đề án 06 ạ?", "không nêu ai"),
    ("Nghị quyết 57 của Bộ Chính trị ra đời hôm nào, cuối tháng 12 năm 2024 hả?", "thời điểm"),
    # a yes/no claim of the top of a ranking no sentence ranks
    ("Có phải Đà Nẵng là địa phương có tỷ lệ dịch vụ công trực tuyến cao nhất cả nước "
     "năm 2023 không?", "thứ hạng"),
    # a sum of money asked in "tỷ đồng" for a place: nothing of the kind is given
    ("Trong phiên họp sáng 24/04/2024, kế hoạch chuyển đổi số năm 2024 của tỉnh Sóc Trăng "
     "được bố trí bao nhiêu tỷ đồng?", "con số"),
])
def test_near_misses_say_what_is_not_given(question, missing, retriever):
    from assistant.answering.answer import answer_question
    answer = answer_question(question, retriever)
    assert answer.missing and missing in answer.text.split("[")[0]


@pytest.mark.parametrize("question, numbers, quotes, total", [
    ("Trong 2.505 tỷ tiết kiệm đó, riêng khoản lưu trú tiết kiệm được nhiêu vậy?", {"2.505"},
     "Các dịch vụ công thiết yếu đã tiết kiệm cho Nhà nước 2.505 tỷ đồng.", "2.505 tỷ đồng"),
    # the part is given: no near miss
    ("Trong 2.505 tỷ đó, riêng khoản lưu trú được bao nhiêu?", {"2.505"},
     "Tiết kiệm 2.505 tỷ đồng, riêng lưu trú 300 tỷ đồng.", ""),
    # the answer's figures are of another unit; the total is in the cited passage
    ("Trong 2.505 tỷ đồng đó, riêng hộ chiếu chiếm bao nhiêu?", {"2.505"},
     "Cấp hộ chiếu phổ thông (90,28%).", "2.505 tỷ đồng"),
    # no part asked: the total itself is the answer
    ("Tiết kiệm 2.505 tỷ đồng là nhờ đâu?", {"2.505"}, "Tiết kiệm 2.505 tỷ đồng.", ""),
])
def test_a_part_of_a_total_the_articles_do_not_break_down(question, numbers, quotes, total):
    passage = "Tiết kiệm cho Nhà nước 2.505 tỷ đồng. " + quotes
    assert part_not_given(question, frozenset(numbers), quotes, passage) == total


def test_a_count_asked_that_only_the_passage_read_gives():
    assert counted_only("Năm quyết định Thủ tướng ban hành có tên là gì?", frozenset(),
                        "Chính phủ ban hành nhiều văn bản quan trọng. [1]",
                        "Chính phủ ban hành nhiều văn bản quan trọng. Trong đó, Thủ tướng "
                        "đã ban hành 5 quyết định, 2 chỉ thị.")


def test_a_breakdown_asked_of_a_total_the_articles_give_whole():
    quotes = "Tổng số là 2.398 cơ sở dữ liệu."
    assert part_not_given("2.398 cơ sở dữ liệu chia theo từng ngành ra sao?",
                          frozenset({"2.398"}), quotes) == "2.398 cơ sở dữ liệu"
    assert part_not_given("2.398 cơ sở dữ liệu là của những ngành nào?",
                          frozenset({"2.398"}), quotes) == ""
    # parts of a total given in the question, asked side by side
    assert part_not_given("Trong 2.398 cơ sở dữ liệu thì bao nhiêu cái của bộ, ngành?",
                          frozenset({"2.398"}), quotes) == "2.398 cơ sở dữ liệu"
    # "Trong 4 tháng": a span of time, no total
    assert part_not_given("Trong 4 tháng đầu năm, mỗi loại văn bản bao nhiêu?",
                          frozenset({"4"}), "Trong 4 tháng đầu năm, ban hành 2 nghị định.") == ""


@pytest.mark.parametrize("question, sentence, asked_and_missing", [
    ("Trợ lý ảo bên ngành tòa án vận hành cụ thể theo cách nào?",
     "…triển khai \"trợ lý ảo\" trong ngành tòa án…", True),
    ("Hệ thống điều phối dữ liệu y tế hoạt động ra sao?",
     "Thủ tướng đã bấm nút khai trương thí điểm Hệ thống điều phối dữ liệu y tế.", True),
    ("Vay tín chấp qua dữ liệu dân cư vận hành ra sao?",
     "Vay tín chấp thông qua giải pháp chấm điểm khả tín từ dữ liệu dân cư.", False),
    ("Cái trợ lý ảo bên ngành tòa án nó chạy sao vậy?",
     "…triển khai \"trợ lý ảo\" trong ngành tòa án…", True),
    ("How can farming households in Hai Duong sign up to sell on e-commerce platforms?",
     "150.104 hộ sản xuất nông nghiệp lên sàn thương mại điện tử.", True),
])
def test_how_something_works_when_only_its_launch_is_said(question, sentence,
                                                         asked_and_missing):
    from assistant.answering.words import MECHANISM_ASKED, MECHANISM_GIVEN
    from assistant.articles.clean import fold
    missing = bool(MECHANISM_ASKED.search(fold(question))) and not MECHANISM_GIVEN.search(
        fold(sentence))
    assert missing is asked_and_missing


def test_a_total_written_in_words_whose_parts_are_asked():
    assert part_not_given("Trong tổng số hơn hai nghìn ba trăm cơ sở dữ liệu, phần thuộc địa "
                          "phương là bao nhiêu?", frozenset(),
                          "Tổng số hiện nay là 2.398 cơ sở dữ liệu.") == "2.398 cơ sở dữ liệu"


def test_the_items_of_a_count_follow_it_in_its_own_article():
    """Lines of another article (or before the count) are no items of the count."""
    question = "Sáu chính sách mới của luật gồm những nội dung gì?"
    answer = ("- Luật có 6 chính sách mới đáng chú ý. [1]\n- Hà Nội đạt 90%. [2]\n"
              "- Đà Nẵng đạt 80%. [3]\n- Huế đạt 70%. [4]")
    far = {1: ("a", 100), 2: ("b", 10), 3: ("c", 10), 4: ("b", 50)}
    near = {1: ("a", 100), 2: ("a", 200), 3: ("a", 300), 4: ("a", 400)}
    assert counted_only(question, frozenset(), answer, sources=far)
    assert not counted_only(question, frozenset(), answer, sources=near)


@pytest.mark.parametrize("question, quotes, total", [
    # a breakdown asked: a figure of the unit for another measure is no part of it
    ("173.732 hộ nông dân được đào tạo chia theo từng huyện ra sao?",
     "173.732 hộ sản xuất nông nghiệp được đào tạo kỹ năng số. 150.104 hộ lên sàn.",
     "173.732 hộ sản xuất nông"),
    # a figure of the unit in a sentence that names the part asked is its answer
    ("173.732 hộ nông dân được đào tạo chia theo từng huyện ra sao?",
     "173.732 hộ sản xuất nông nghiệp được đào tạo. Huyện Gia Lộc có 20.000 hộ.", ""),
])
def test_a_breakdown_reads_the_sentences_of_its_total_and_parts(question, quotes, total):
    assert part_not_given(question, frozenset({"173.732"}), quotes) == total


def test_items_asked_in_english_and_only_counted():
    answer = "Có hiệu lực từ tháng 7/2024, với 6 chính sách mới đáng chú ý, Luật góp phần. [1]"
    assert counted_only("What exactly are the six new policies in the law?", frozenset(), answer)
    assert not counted_only("When did the law take effect?", frozenset(), answer)


def test_a_count_asked_that_nothing_found_holds():
    """"11 bộ … là những bộ nào": the count is in no sentence or passage read, so what was
    found is not what it counts; a count the passages hold is looked for there."""
    answer = "- Có 80,44% thủ tục hành chính được cung cấp trực tuyến. [1]"
    assert counted_only("11 bộ ngành chưa đảm bảo an toàn là những bộ nào?", frozenset({"11"}),
                        answer, "Có 80,44% thủ tục hành chính được cung cấp trực tuyến.")
    assert not counted_only("Có 3 dịch vụ nào được tích hợp?", frozenset({"3"}), answer,
                            "Có 3 dịch vụ: A, B và C được tích hợp.")


@pytest.mark.parametrize("person, text, speaks", [
    ("pham minh chinh", "Thủ tướng Phạm Minh Chính nhấn mạnh: “Chuyển đổi số là tất yếu”.", True),
    ("pham minh chinh", "“Chuyển đổi số là tất yếu”, Thủ tướng Phạm Minh Chính nhấn mạnh.", True),
    # named inside another's words: the speech verb after the quote is the other's
    ("nguyen phu trong", "“Phải làm tốt hơn, theo tinh thần chỉ đạo của Tổng Bí thư Nguyễn Phú "
                         "Trọng”, Thủ tướng yêu cầu.", False),
])
def test_a_person_speaks_only_in_their_own_words(person, text, speaks):
    from assistant.answering.nearmiss import _speaks
    assert _speaks(person, text) is speaks
