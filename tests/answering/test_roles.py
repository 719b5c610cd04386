"""Roles and names in the near-miss check: the body a role question names, a deputy or no
holder named for the role a who-question asks, companies never named (fast: no model, no
index)."""
import pytest

from assistant.answering.roles import companies_unnamed, deputy_only, holder_not_named, role_body


@pytest.mark.parametrize("question, body", [
    ("Ông Trần Văn Lâu giữ vai trò gì trong Ủy ban Quốc gia về chuyển đổi số?",
     "Ủy ban Quốc gia về chuyển đổi số"),
    ("Ông Bùi Đình Long giữ chức gì trong Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An?",
     "Ban Chỉ đạo chuyển đổi số tỉnh Nghệ An"),
    ("Ông Triệu Thế Hùng giữ chức vụ gì?", ""),
])
def test_the_body_a_role_question_names(question, body):
    assert role_body(question) == body


@pytest.mark.parametrize("question, quotes, role", [
    ("chủ tịch UBND tỉnh Nghệ An là ông nào vậy ta?",
     "Đồng chí Bùi Đình Long, Phó Chủ tịch UBND tỉnh chủ trì.", "chu tich ubnd tinh nghe an"),
    ("Bộ trưởng Bộ Công an là ai?", "Phó Bộ trưởng Bộ Công an dự.", "bo truong bo cong an"),
    # the role itself is named too, or the deputy was asked, or no one was asked
    ("Ai là Chủ tịch Ủy ban?", "Thủ tướng, Chủ tịch Ủy ban; Phó Chủ tịch Ủy ban.", ""),
    ("Ai là Phó Chủ tịch UBND tỉnh?", "Phó Chủ tịch UBND tỉnh chủ trì.", ""),
    ("Phó Chủ tịch UBND tỉnh làm gì?", "Phó Chủ tịch UBND tỉnh chủ trì.", ""),
    # asked in English: the head of a body, answered in the articles' words
    ("Who heads Hai Duong's provincial steering committee for digital transformation?",
     "Triệu Thế Hùng, Chủ tịch UBND tỉnh, Phó Trưởng Ban Chỉ đạo chuyển đổi số tỉnh dự.",
     "Trưởng Ban Chỉ đạo"),
    # "người đứng đầu" a body is the role that heads it
    ("Người đứng đầu Ban Chỉ đạo chuyển đổi số của Hải Dương là ai?",
     "Triệu Thế Hùng, Chủ tịch UBND tỉnh, Phó Trưởng Ban Chỉ đạo chuyển đổi số tỉnh dự.",
     "truong ban chi dao chuyen doi so cua hai duong"),
    ("Who is the head of the provincial steering committee?",
     "Ông A, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh; ông B, Phó Trưởng Ban.", ""),
])
def test_a_deputy_is_no_answer_to_who_holds_the_role(question, quotes, role):
    assert deputy_only(question, quotes) == role


@pytest.mark.parametrize("question, quotes, role", [
    # the role asked with its body is never named: no director, a minister of another ministry
    ("Ông giám đốc Sở Thông tin và Truyền thông Nghệ An tên gì vậy?",
     "Đồng chủ trì có lãnh đạo Sở Thông tin và Truyền thông.", "giam doc"),
    ("Bộ trưởng Bộ Nội vụ là ai?", "Đại tướng Tô Lâm, Bộ trưởng Bộ Công an.", "bo truong"),
    # named: no near miss
    ("Bộ trưởng Bộ Công an là ai?", "Đại tướng Tô Lâm, Bộ trưởng Bộ Công an.", ""),
    ("Chủ tịch Ủy ban nhân dân tỉnh Hải Dương là ai?",
     "Triệu Thế Hùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.", ""),
])
def test_a_role_whose_holder_the_articles_never_name(question, quotes, role):
    assert holder_not_named(question, quotes) == role


@pytest.mark.parametrize("question, quotes, unnamed", [
    ("Những công ty phần mềm nào đã tham gia xây dựng hệ thống?",
     "Các doanh nghiệp công nghệ Việt Nam tích cực tham gia.", True),
    ("Which companies built the platform?", "Doanh nghiệp công nghệ số đã tham gia.", True),
    # a company named after its word: no near miss
    ("Doanh nghiệp nào phát triển ứng dụng?", "Tập đoàn Viettel đã phát triển ứng dụng.", False),
    # no company asked
    ("Có bao nhiêu doanh nghiệp tham gia?", "Có 4 doanh nghiệp tham gia.", False),
    # hospitals asked by name
    ("Which hospitals are taking part in that pilot?",
     "Thủ tướng khai trương thí điểm Hệ thống điều phối dữ liệu y tế.", True),
    ("Bệnh viện nào tham gia thí điểm?", "Bệnh viện Bạch Mai tham gia thí điểm.", False),
])
def test_companies_asked_by_name_that_the_sentences_never_name(question, quotes, unnamed):
    assert companies_unnamed(question, quotes) is unnamed
