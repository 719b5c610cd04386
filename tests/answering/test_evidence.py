"""Rules that read sentences: periods, scope, figures of the kind asked (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.plans import _defines, contradicts
from assistant.answering.evidence import (_period_ok, in_scope, is_caption, sentence_years, set_at,
                                         type_ok)
from assistant.answering.question import analyze
from assistant.schema import Article

TEXT = ("Chiều 6/2, phiên họp tổng kết năm 2024.\n"
        "Năm qua, nước ta giải quyết nhiều điểm nghẽn.\n"
        "Nổi bật là tỷ trọng kinh tế số ước đạt 18,3% GDP.\n"
        "Năm 2023, tỷ lệ đạt 58,2%, tăng 3% so với năm 2022.\n"
        "Tại điểm cầu Sóc Trăng, dự phiên họp có lãnh đạo tỉnh.\n"
        "6 tháng đầu năm 2024, Hải Dương đã đạt một số kết quả.\n"
        "Toàn tỉnh hiện có 234 sản phẩm OCOP.\n"
        "Cả nước có 80,2% hộ gia đình dùng cáp quang.\n\n"
        "Các đại biểu tham dự phiên họp tại điểm cầu Nghệ An. Ảnh: TẤN PHÁT\n\n"
        "Đến nay có 80,44% thủ tục được cung cấp trực tuyến toàn trình.")
ARTICLE = Article(id="a", text=TEXT, date="2025-02-06")


def _span(part: str) -> tuple[int, int]:
    at = TEXT.index(part)
    return at, at + len(part)


@pytest.mark.parametrize("part,years", [
    ("Nổi bật là tỷ trọng kinh tế số ước đạt 18,3% GDP.", {2024}),  # "Năm qua" two lines up
    ("Năm 2023, tỷ lệ đạt 58,2%, tăng 3% so với năm 2022.", {2023}),  # a base year is not it
    ("Chiều 6/2, phiên họp tổng kết năm 2024.", {2024}),
])
def test_sentence_years(part, years) -> None:
    assert sentence_years(ARTICLE, *_span(part)) == years


@pytest.mark.parametrize("question,part,ok", [
    # the half of the year asked must not be the other half the article speaks of
    ("Cuối năm 2024 Hải Dương có bao nhiêu sản phẩm OCOP?", "Toàn tỉnh hiện có 234 sản phẩm OCOP.",
     False),
    ("Nửa đầu 2024 Hải Dương có bao nhiêu sản phẩm OCOP?", "Toàn tỉnh hiện có 234 sản phẩm OCOP.",
     True),
    ("Năm 2024 Hải Dương có bao nhiêu sản phẩm OCOP?", "Toàn tỉnh hiện có 234 sản phẩm OCOP.",
     True),
])
def test_half_of_the_year(question, part, ok) -> None:
    assert _period_ok(analyze(question), ARTICLE, *_span(part)) is ok


REVIEW = "Chiều 6/2, Phiên họp lần thứ 10 tổng kết hoạt động của Ủy ban năm 2024.\n"
NEXT_YEAR = "Năm 2025, Thủ tướng nêu 4 quan điểm chỉ đạo."


@pytest.mark.parametrize("question,opening,ok", [
    # the year names the meeting (held the year after), not the sentence's year
    ("Thủ tướng nêu mấy quan điểm ở phiên họp tổng kết năm 2024?", REVIEW, True),
    # another meeting's article, or a year that is not a meeting's
    ("Thủ tướng nêu mấy quan điểm ở phiên họp tổng kết năm 2024?", "Chiều 6/2, phiên họp.\n",
     False),
    ("Năm 2024 Thủ tướng nêu mấy quan điểm?", REVIEW, False),
])
def test_the_year_a_meeting_reviews(question, opening, ok) -> None:
    article = Article(id="r", text=opening + NEXT_YEAR, date="2025-02-06")
    start = article.text.index(NEXT_YEAR)
    assert _period_ok(analyze(question), article, start, start + len(NEXT_YEAR)) is ok


@pytest.mark.parametrize("entity,part,inside", [
    ("hai duong", "Toàn tỉnh hiện có 234 sản phẩm OCOP.", True),  # the paragraph before names it
    ("soc trang", "Cả nước có 80,2% hộ gia đình dùng cáp quang.", False),
    ("nghe an", "Toàn tỉnh hiện có 234 sản phẩm OCOP.", False),
    # a photo caption naming the province is not what the next paragraph is about
    ("nghe an", "Đến nay có 80,44% thủ tục được cung cấp trực tuyến toàn trình.", False),
])
def test_scope(entity, part, inside) -> None:
    assert in_scope(entity, ARTICLE, *_span(part)) is inside


def test_a_marked_caption_is_no_scope() -> None:
    text = ("Lời dẫn.\n\nCác đại biểu dự phiên họp tại điểm cầu Sóc Trăng.\n\n"
            "Cả nước có 80,2% hộ gia đình dùng cáp quang.")
    caption = (text.index("Các"), text.index("Trăng.") + 6)
    part = "Cả nước có 80,2% hộ gia đình dùng cáp quang."
    span = (text.index(part), text.index(part) + len(part))
    assert in_scope("soc trang", Article(id="a", text=text), *span)  # unmarked: the line before
    assert not in_scope("soc trang", Article(id="a", text=text, captions=(caption,)), *span)


@pytest.mark.parametrize("question,sentence,ok", [
    ("Tiết kiệm bao nhiêu tiền?", "tiết kiệm cho Nhà nước 2.505 tỷ đồng", True),
    # "tiện ích" folds like "tiền", but asks for no money
    ("VNeID có bao nhiêu tiện ích?", "VNeID đã được tích hợp 8 dịch vụ tiện ích", True),
    ("Năm 2023 nhà nước chi bao nhiêu tiền?", "Chiều ngày 12/7, hội nghị sơ kết 6 tháng", False),
    ("Nghệ An đứng thứ mấy?", "năm 2024 tỉnh Nghệ An tăng 9 bậc", False),
    ("Việt Nam xếp thứ mấy?", "vươn lên vị trí thứ 71/193 quốc gia", True),
    ("Tỷ lệ hộ dùng cáp quang là bao nhiêu?", "có 80,2% hộ gia đình", True),
    ("Tỷ lệ hộ dùng cáp quang là bao nhiêu?", "có 3.418 hệ thống", False),
    ("Mất bao nhiêu tháng để kết nối?", "đến cuối tháng 6/2023, 96 bộ hoàn thành", False),
    ("Số tài khoản bao nhiêu năm 2024?", "tài khoản VNeID kích hoạt trên 55,25 triệu", True),
    ("Có bao nhiêu sản phẩm OCOP?", "Toàn tỉnh hiện có 234 sản phẩm OCOP", True),
    ("Ai chủ trì?", "Thủ tướng Phạm Minh Chính chủ trì", True),
    ("Ai chủ trì điểm cầu Đà Nẵng?", "Toàn cảnh hội nghị tại Đà Nẵng.", False),  # a place
    ("Ai dự?", "Có sự tham dự của ông Nguyễn Văn A.", True),
    ("Khi nào họp?", "Chiều 6/2, phiên họp diễn ra", True),
    # the date of the event asked, not of another one
    ("Luật được Quốc hội thông qua ngày nào?", "Luật có hiệu lực thi hành từ tháng 7/2024.",
     False),
    ("Đề án được phê duyệt ngày nào?", "Phê duyệt Đề án 06 (ngày 06/1/2022).", True),
    # "nơi" counts places of any kind: bộ, ngành, địa phương
    ("CSDL cán bộ có bao nhiêu nơi kết nối xong?", "đã có 96 bộ, ngành, địa phương hoàn thành",
     True),
    # a way to act asked: a result's figures are not it, the means are
    ("Các địa phương đã làm gì để người dân dùng dịch vụ công?",
     "Năm 2023, tỷ lệ tại các địa phương đạt 58,2%.", False),
    ("Các địa phương đã làm gì để người dân dùng dịch vụ công?",
     "Các địa phương đã vận động hướng dẫn; thực hiện miễn, giảm phí.", True),
    # how something went: its figures are the answer
    ("Kinh tế số tăng trưởng như thế nào?", "Tốc độ tăng trưởng vượt 20%/năm.", True),
    # a count written with another word for the same places ("tỉnh thành" / "địa phương")
    ("Có bao nhiêu tỉnh thành đã chi trả an sinh xã hội qua tài khoản?",
     "an sinh xã hội (đã có 51/63 địa phương thực hiện)", True),
    # the noun counted next to the figure, punctuation aside ("96 bộ, ngành")
    ("Có bao nhiêu bộ ngành đồng bộ xong dữ liệu?", "đã có 96 bộ, ngành, địa phương hoàn thành",
     True),
    # a meeting held: the date of another event is no answer, a meeting's opening is
    ("Hội nghị ở Đà Nẵng được tổ chức vào ngày nào?", "Phê duyệt Đề án 06 (ngày 06/1/2022).",
     False),
    ("Phiên họp thứ 10 diễn ra ngày nào?", "Chiều 6/2, Thủ tướng chủ trì Phiên họp lần thứ 10.",
     True),
    # who was given a task: a body assigned it answers; the meeting's chair does not
    ("Ai được giao việc an ninh mạng?", "Thủ tướng yêu cầu Bộ Công an chủ trì, phối hợp với "
     "Bộ Quốc phòng giao ban hằng tháng.", True),
    ("Ai được giao việc an ninh mạng?", "Thủ tướng Phạm Minh Chính chủ trì phiên họp lần thứ 9.",
     False),
    ("Ai chủ trì phiên họp lần thứ 9?", "Thủ tướng Phạm Minh Chính chủ trì phiên họp lần thứ 9.",
     True),
])
def test_figure_of_the_kind_asked(question, sentence, ok) -> None:
    assert type_ok(analyze(question), sentence) is ok


@pytest.mark.parametrize("term,sentence,defines", [
    ("de an 06", "Hội nghị về Đề án phát triển dữ liệu dân cư (Đề án 06).", True),
    ("chuyen doi so", "Chuyển đổi số là quá trình thay đổi tổng thể và toàn diện.", True),
    ("vneid", "Số tài khoản VNeID đã kích hoạt trên 55,25 triệu.", False),
    ("nam 2023", "Năm 2023 là năm bản lề.", True),
    # an apposition after the term says what it means
    ("nam ban le", "Năm 2023 là năm bản lề, đánh dấu nửa chặng đường của Chương trình.", True),
    ("nam ban le", "Thủ tướng nhấn mạnh năm 2023 là năm bản lề.", False),
    # "Nghị quyết 57" asked, "Nghị quyết số 57" written
    ("nghi quyet 57", "Nghị quyết số 57 là nghị quyết về đột phá phát triển khoa học.", True),
    # a code after its full name ("hệ thống giám sát … Chính phủ số EMC"), not a bare mention
    ("he thong emc", "Tỉnh đã kết nối hệ thống giám sát, đo lường mức độ cung cấp và sử dụng "
     "dịch vụ Chính phủ số EMC.", True),
    ("emc", "Tỉnh đã kết nối hệ thống giám sát, đo lường mức độ sử dụng dịch vụ số EMC.", True),
    ("vneid", "Ứng dụng VNeID đã được tích hợp 8 dịch vụ tiện ích.", False),
])
def test_defining_sentences(term, sentence, defines) -> None:
    assert (_defines(term, sentence) is not None) is defines


@pytest.mark.parametrize("question,sentence,expected", [
    ("Vì sao Việt Nam tụt hạng năm 2024?", "Việt Nam vươn lên thứ 71, tăng 15 bậc.", True),
    ("Vì sao Việt Nam tăng hạng năm 2024?", "Việt Nam vươn lên thứ 71, tăng 15 bậc.", False),
    ("Vì sao mất dữ liệu?", "Do đó đã xảy ra nhiều vụ việc mất dữ liệu.", False),
    # what the question says befell its subject must be said
    ("Vì sao Luật bị lùi thời gian có hiệu lực?", "Luật có hiệu lực từ tháng 7/2024.", True),
    ("Vì sao hệ thống bị tấn công?", "Các hệ thống bị tấn công do chưa kiểm tra.", False),
    ("Vì sao phải trang bị thiết bị số?", "Để người dân dùng dịch vụ số.", False),
])
def test_premise_contradicted(question, sentence, expected) -> None:
    assert contradicts(analyze(question), sentence) is expected


@pytest.mark.parametrize("question,sentence,verdict", [
    ("Có phải năm 2024 Việt Nam xếp thứ 86 không?", "Việt Nam vươn lên vị trí thứ 71/193.",
     "Không."),
    ("Năm 2024 Việt Nam bị tụt 15 bậc, đúng không?", "Việt Nam tăng 15 bậc so với 2022.",
     "Không."),
    ("Số tài khoản VNeID vẫn chưa đạt mục tiêu phải không?",
     "Số tài khoản VNeID trên 55,25 triệu, vượt mục tiêu 40 triệu.", "Không."),
    ("Nghệ An đã hoàn thành toàn bộ mục tiêu về Kinh tế số chưa?",
     "Nghệ An đạt 10/11 mục tiêu về Chính quyền số, 5/6 mục tiêu về Kinh tế số.", "Chưa."),
    ("Tất cả bộ ngành đều đã đảm bảo an ninh cho cổng dịch vụ công, đúng không?",
     "11/22 Bộ, ngành chưa bảo đảm an ninh cổng dịch vụ công.", "Không."),
    ("Thời gian qua có xảy ra vụ mất dữ liệu nào không?",
     "Do đó đã xảy ra nhiều vụ việc mất dữ liệu thời gian qua.", "Có."),
    ("Thu ngân sách không dùng tiền mặt đã vượt 99% chưa?",
     "tỷ lệ thu ngân sách bằng hình thức không dùng tiền mặt đạt 99,84%", "Rồi."),
    ("Đề án 06 được phê duyệt ngày 06/1/2022 phải không?",
     "phê duyệt Đề án 06 (ngày 06/1/2022)", "Đúng."),
    # "top 10" is met by a rank at most 10, not by a rank below it
    ("Hải Dương có nằm trong top 10 cả nước về giao dịch không?",
     "phát sinh 41.132 giao dịch trên sàn thương mại điện tử, xếp thứ 7 toàn quốc", "Có."),
    ("Hải Dương có lọt top 5 cả nước về giao dịch không?",
     "phát sinh 41.132 giao dịch trên sàn thương mại điện tử, xếp thứ 7 toàn quốc", "Không."),
])
def test_yes_no_verdict(question, sentence, verdict) -> None:
    from assistant.answering.kinds.yesno import yes_no_verdict

    assert yes_no_verdict(analyze(question), sentence) == verdict


@pytest.mark.parametrize("line,caption", [
    ("Toàn cảnh hội nghị tại Đà Nẵng.", True),  # short
    ("Các đại biểu tham dự phiên họp tại điểm cầu Sóc Trăng. Ảnh: TẤN PHÁT", True),  # credit
    ("Đến nay có 80,44% thủ tục hành chính được cung cấp trực tuyến toàn trình.", False),
])
def test_caption(line, caption) -> None:
    assert is_caption(line) is caption



@pytest.mark.parametrize("article, at", [
    (Article(id="a", text="Toàn cảnh hội nghị tại Đà Nẵng\nNăm 2023, tỷ lệ đạt 58,2%."), True),
    (Article(id="b", text="Năm 2023, tỷ lệ đạt 58,2%.", source="danang.gov.vn"), True),
    # named far down the article only: not where it is set
    (Article(id="c", text="Năm 2023, tỷ lệ đạt 58,2%. " + "Nội dung khác. " * 40
             + "Đà Nẵng là điểm sáng."), False),
])
def test_an_article_set_where_the_meeting_asked_was_held(article, at) -> None:
    analysis = analyze("Hội nghị tại Đà Nẵng nêu tỷ lệ nào?", ("da nang",), ("da nang",))
    assert set_at(article, analysis) is at


@pytest.mark.parametrize("question, sentence, proposed", [
    ("Đã có tập thể nào được khen thưởng về chuyển đổi số chưa?",
     "Bộ Công an tổng hợp, đề xuất cấp có thẩm quyền về khen thưởng các tập thể, cá nhân.", True),
    ("Các bộ đã ban hành kế hoạch chưa?",
     "Thủ tướng yêu cầu 12 bộ khẩn trương ban hành kế hoạch trước ngày 20/7.", True),
    ("Hải Dương đã ban hành kế hoạch chuyển đổi số chưa?",
     "Hải Dương đã ban hành kế hoạch chuyển đổi số năm 2024.", False),
    # not asked whether it was done
    ("Ai đề xuất khen thưởng?", "Bộ Công an đề xuất khen thưởng các tập thể.", False),
])
def test_a_deed_asked_that_the_articles_only_propose(question, sentence, proposed) -> None:
    from assistant.answering.kinds.yesno import only_proposed
    assert only_proposed(analyze(question), sentence) is proposed


def test_a_date_typed_any_way_finds_the_articles_figure() -> None:
    from assistant.answering.evidence import _numbers_ok
    article = Article(id="d", text="Phê duyệt Đề án 06 (ngày 06/1/2022) với 7 quan điểm chỉ đạo.")
    analysis = analyze("Đề án 06 được duyệt hôm 6/1 năm 2022, có bao nhiêu quan điểm?")
    assert _numbers_ok(analysis, article.text, article)


def test_a_rank_asked_finds_the_articles_rank_out_of_a_total() -> None:
    from assistant.answering.evidence import _numbers_ok
    article = Article(id="d", text="Việt Nam vươn lên vị trí thứ 71/193 quốc gia (công bố "
                                   "tháng 9/2024).")
    assert _numbers_ok(analyze("Bảng xếp hạng đưa Việt Nam lên thứ 71 công bố khi nào?"),
                       article.text, article)
    assert not _numbers_ok(analyze("Bảng xếp hạng đưa Việt Nam lên thứ 9 công bố khi nào?"),
                           article.text, article)


@pytest.mark.parametrize("question, sentence, verdict", [
    # the figure claimed is the article's, but of another thing
    ("Bộ Công an kích hoạt được 74,85 triệu tài khoản định danh rồi đúng không?",
     "tiếp nhận trên 74,85 triệu hồ sơ định danh, kích hoạt trên 53,62 triệu tài khoản", "Không."),
    ("Bộ Công an kích hoạt được 53,62 triệu tài khoản định danh rồi đúng không?",
     "tiếp nhận trên 74,85 triệu hồ sơ định danh, kích hoạt trên 53,62 triệu tài khoản", "Đúng."),
])
def test_a_figure_claimed_of_another_thing_is_no(question, sentence, verdict) -> None:
    from assistant.answering.kinds.yesno import yes_no_verdict
    assert yes_no_verdict(analyze(question), sentence) == verdict


def test_all_claimed_and_some_given_is_neither_yes_nor_no() -> None:
    from assistant.answering.kinds.yesno import _some_for_all
    question = analyze("Hải Dương đã đạt tất cả mục tiêu chưa?")
    assert _some_for_all(question, "Hải Dương đã đạt một số kết quả.")
    assert not _some_for_all(question, "Tỉnh đã đạt 10/11 mục tiêu.")  # a count says "Chưa"


def test_a_share_claimed_where_the_evidence_gives_none_is_not_judged() -> None:
    from assistant.answering.kinds.yesno import _no_such_figure
    question = analyze("Đà Nẵng đã cung cấp 100% dịch vụ công trực tuyến toàn trình chưa?")
    assert _no_such_figure(question, "Đã xuất hiện nhiều điểm sáng tại Đà Nẵng.")
    assert not _no_such_figure(question, "Có 80,44% thủ tục được cung cấp trực tuyến.")


def test_a_member_of_a_counted_group_the_articles_never_list() -> None:
    from assistant.answering.kinds.yesno import _member_unlisted
    question = analyze("Sóc Trăng có nằm trong số 52 địa phương đã ban hành danh mục không?",
                       ("soc trang",), ("soc trang",))
    assert _member_unlisted(question, ["Có 14 bộ, ngành và 52 địa phương đã ban hành danh mục."])
    assert not _member_unlisted(question, ["52 địa phương, trong đó có Sóc Trăng, đã ban hành."])


def test_a_place_asked_of_a_measure_its_sentence_never_names() -> None:
    from assistant.answering.absent import measure_absent
    question = analyze("Riêng Nghệ An có vượt chỉ tiêu số tài khoản VNeID không?",
                       ("nghe an",), ("nghe an",))

    def absent(sentence: str) -> str:
        return measure_absent(question.text, question.local, question.names, sentence,
                              {"vneid", "nghe"})
    assert absent("Tại Nghệ An, tỉnh đã đạt được 10/11 mục tiêu.") == "Nghệ An"
    assert absent("Nghệ An có 2 triệu tài khoản VNeID.") == ""


@pytest.mark.parametrize("typed, terms, sentence, proposed", [
    # an English deed asked done, read through its Vietnamese terms
    ("Which groups and individuals have been awarded for digital transformation work?",
     "Tập đoàn, khen thưởng, chuyển đổi số những nào?",
     "Bộ Công an tổng hợp, đề xuất cấp có thẩm quyền về khen thưởng các tập thể, cá nhân.", True),
    ("Name the individuals that actually received awards after the 9th session",
     "khen thưởng, phiên họp lần thứ 9 những gì?",
     "Bộ Công an tổng hợp, đề xuất cấp có thẩm quyền về khen thưởng các tập thể, cá nhân.", True),
    # the deed is done in the sentence
    ("Which groups have been awarded?", "khen thưởng những nào?",
     "Thủ tướng đã trao bằng khen thưởng cho 10 tập thể.", False),
    # what was required is asked, not a deed done
    ("Which ministries were asked to issue plans?", "ban hành, kế hoạch những nào?",
     "Thủ tướng yêu cầu 12 bộ khẩn trương ban hành kế hoạch.", False),
])
def test_an_english_deed_asked_that_the_articles_only_propose(typed, terms, sentence,
                                                               proposed) -> None:
    from assistant.answering.kinds.yesno import only_proposed
    assert only_proposed(analyze(terms), sentence, typed) is proposed


def test_a_person_the_question_sets_aside_does_not_answer_it() -> None:
    analysis = analyze("Ngoài Thủ tướng, những lãnh đạo nào dự hội nghị?")
    assert not type_ok(analysis, "Chiều 12/7, Thủ tướng Chính phủ Phạm Minh Chính chủ trì.")
    assert type_ok(analysis, "Hội nghị có sự tham dự của Phó Thủ tướng Chính phủ Trần Hồng Hà.")
