"""Question analysis: kinds, filler, names, dates and numbers (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.question import (analyze, entity_kind, ordinal_item, question_kind,
                                         strip_filler, without_unread_initials)

GAZETTEER = ("hai duong", "soc trang", "nghe an", "pham minh chinh", "de an 06")


@pytest.mark.parametrize("question,kind", [
    ("Thủ tướng Phạm Minh Chính", "open"),  # no kind's pattern: the single-fact plan
    ("", "open"),
])
def test_kind(question, kind) -> None:
    assert question_kind(strip_filler(question)) == kind


@pytest.mark.parametrize("question,left", [
    ("cho mình hỏi phiên họp lần thứ 10 diễn ra hồi nào vậy ạ",
     "phiên họp lần thứ 10 diễn ra hồi nào"),
    ("Thu ngân sách không tiền mặt đã vượt 99% chưa bạn?", "Thu ngân sách không tiền mặt đã "
     "vượt 99% chưa?"),
    ("Bạn ơi, Hải Dương có bao nhiêu sản phẩm OCOP ạ?", "Hải Dương có bao nhiêu sản phẩm OCOP?"),
    ("giúp mình với: Đề án 06 là gì", "Đề án 06 là gì"),
    ("ạ", "ạ"),  # nothing but filler: kept as typed
    ("Đề án 06 do ai ký ta?", "Đề án 06 do ai ký"),
    ("phien hop lan 9 ban gi ne", "phien hop lan 9 ban gi"),
    ("Hải Dương có bao nhiêu sản phẩm OCOP coi", "Hải Dương có bao nhiêu sản phẩm OCOP"),
])
def test_filler_is_removed(question, left) -> None:
    assert strip_filler(question).rstrip(" ?") == left.rstrip(" ?")


def test_names_in_lower_case_without_diacritics_come_from_the_corpus() -> None:
    a = analyze("so sanh soc trang va hai duong ve chuyen doi so", GAZETTEER)
    assert a.kind == "comparison" and set(a.sides) == {"soc trang", "hai duong"}


def test_places_the_corpus_does_not_know_are_still_entities() -> None:
    assert "binh duong" in analyze("Tỉnh Bình Dương có bao nhiêu sản phẩm OCOP?").entities


@pytest.mark.parametrize("question,months,years", [
    ("tháng 7/2024 hải dương đạt kết quả gì", {(7, 2024)}, {"2024"}),
    ("phiên họp tháng 2 năm 2025 bàn gì", {(2, 2025)}, {"2025"}),
    ("Năm 2025 tỷ trọng kinh tế số đạt bao nhiêu?", set(), {"2025"}),
])
def test_loose_dates(question, months, years) -> None:
    a = analyze(question)
    assert set(a.months) == months and set(a.years) == years
    assert not any("2024" in n or "2025" in n for n in a.numbers)


@pytest.mark.parametrize("name,kind", [("Phạm Minh Chính", "person"), ("Trần Lưu Quang", "person"),
                                       ("Hải Dương", "other"), ("Nghệ An", "other")])
def test_entity_kind(name, kind) -> None:
    assert entity_kind(name) == kind


@pytest.mark.parametrize("question,term", [("EMC mà bài về Hải Dương nhắc tới là cái gì?", "EMC"),
                                           ("Đề án 06 là gì?", "Đề án 06"),
                                           ("EGDI viết tắt của gì", "EGDI"),
                                           ("EGDI là viết tắt của chỉ số gì?", "EGDI"),
                                           ('"Toàn trình" nghĩa là gì?', "Toàn trình"),
                                           ("Đề án 06 thực chất là chương trình về việc gì?",
                                            "Đề án 06"),
                                           ("Thủ tướng định nghĩa chuyển đổi số là cái gì?",
                                            "chuyển đổi số"),
                                           ("Hải Dương kết nối với EMC, vậy EMC là hệ thống gì?",
                                            "EMC"),
                                           ("Đề án 06 là đề án gì, tên đầy đủ ra sao?",
                                            "Đề án 06")])
def test_definition_term(question, term) -> None:
    assert analyze(question).term == term


@pytest.mark.parametrize("question,entities", [
    # a capital that only opens the question is no part of the name the corpus knows
    ("App VNeID có bao nhiêu tiện ích?", ("vneid",)),
    ("Hải Dương có bao nhiêu sản phẩm OCOP?", ("hai duong",)),
    ("Song 5G da phu bao nhieu phan tram dan so?", ("5g",)),  # a technology's code
    ("Phó Chủ tịch Thường trực ở phiên họp thứ 8 là ai?", ()),  # a title is no name
    # an acronym is what the answer must speak of
    ("Nghe An co bao nhieu tai khoan VNeID da kich hoat?", ("nghe an", "vneid")),
])
def test_names_known_to_the_corpus(question, entities) -> None:
    assert analyze(question, gazetteer=("hai duong", "nghe an")).entities[:len(entities) or 1] \
        == entities


def test_abbreviations_are_spelled_out() -> None:
    assert "cơ sở dữ liệu" in analyze("CSDL cán bộ có bao nhiêu nơi kết nối?").text


def test_honorifics_are_not_part_of_a_name() -> None:
    assert analyze("Ông Phạm Minh Chính giữ chức vụ gì?").entities == ("pham minh chinh",)


@pytest.mark.parametrize("question", ["Hạ tầng số chưa khắc phục được tình trạng gì?",
                                      "Tinh thần tăng tốc được chỉ ra ở những mặt nào?",
                                      "hội nghị, kết nối, bộ, tỉnh như thế nào?",
                                      "Ngoài Thủ tướng, những lãnh đạo nào dự hội nghị?"])
def test_words_that_only_look_like_a_province_are_not_places(question) -> None:
    assert analyze(question).entities == ()


def test_what_mấy_counts_is_a_noun_not_a_preposition() -> None:
    assert not analyze("Việt Nam đứng hạng mấy về chính phủ điện tử?").counted


def test_a_place_opening_the_question_is_not_filler() -> None:
    assert analyze("Đà Nẵng có bao nhiêu sản phẩm OCOP?").entities == ("da nang", "ocop")
    assert strip_filler("Dạ, cho em hỏi Đề án 06 là gì?") == "Đề án 06 là gì?"


@pytest.mark.parametrize("question,item,kind", [
    ("Quan điểm thứ hai là gì vậy?", ("quan diem", 2), "list"),
    ("Nhiem vu thu 3 la gi?", ("nhiem vu", 3), "list"),
    ("Giải pháp quan trọng thứ nhất là gì?", ("giai phap", 1), "list"),
    # an ordinal of a meeting or a rank is no list item
    ("Phiên họp thứ 8 do ai chủ trì?", None, "person"),
    ("Việt Nam xếp thứ mấy về Chính phủ điện tử?", None, "number"),
])
def test_an_item_asked_by_its_position(question, item, kind) -> None:
    assert ordinal_item(question) == item
    analysis = analyze(question)
    assert analysis.kind == kind and analysis.ordinal == (item[1] if item else 0)


@pytest.mark.parametrize("question,kind,sides", [
    # two meetings by their numbers are compared, whatever is asked of them
    ("Phó Chủ tịch Thường trực ở phiên họp thứ 8 và ở phiên họp thứ 10 là ai?", "comparison",
     ("phiên họp thứ 8", "phiên họp thứ 10")),
    ("Ai chủ trì phiên họp thứ 10?", "person", ()),
    # places first, even when each comes with its meeting
    ("Người chủ trì điểm cầu Hải Dương ở phiên họp thứ 9 và điểm cầu Nghệ An ở phiên họp thứ "
     "10 khác nhau thế nào?", "comparison", ("hai duong", "nghe an")),
])
def test_two_meetings_are_compared(question, kind, sides) -> None:
    analysis = analyze(question, GAZETTEER, ("hai duong", "nghe an"))
    assert analysis.kind == kind and analysis.sides == sides


@pytest.mark.parametrize("question, name", [
    ("So sánh số sản phẩm OCOP của Hải Dương và Bắc Ninh", "Bắc Ninh"),
    ("Bác Nguyễn Văn An nói gì?", "Nguyễn Văn An"),
    ("Ông Phạm Minh Chính giữ chức vụ gì?", "Phạm Minh Chính"),
])
def test_an_honorific_is_not_a_place_that_shares_its_letters(question, name):
    from assistant.answering.question import question_names
    assert name in question_names(question)


@pytest.mark.parametrize("question, known, entities", [
    ("PM Phạm Minh Chính nói gì về VNeID?", {"vneid", "pham minh chinh"},
     ("pham minh chinh", "vneid")),  # "PM": two capitals the articles never use
    ("Tỉnh NH có bao nhiêu xã?", set(), ()),
    ("Tỉnh Nghệ An có bao nhiêu xã?", set(), ("nghe an",)),  # a name, not initials
    ("ASEAN nói gì về chuyển đổi số?", set(), ("asean",)),  # a longer code stays a subject
    ("EU nói gì về dữ liệu?", {"eu"}, ("eu",)),  # initials the articles use stay
])
def test_initials_no_article_uses_are_no_subject(question, known, entities) -> None:
    analysis = without_unread_initials(analyze(question, GAZETTEER), known)
    assert sorted(analysis.entities) == sorted(entities)
    assert not set(analysis.local) - set(entities)


@pytest.mark.parametrize("question, local, scene", [
    # where the meeting asked about was held: the scene, not what a sentence must be about
    ("Tại hội nghị ở Đà Nẵng, tỷ lệ dịch vụ công trực tuyến là bao nhiêu?", set(), {"da nang"}),
    ("lợi ích, Đề án, 06 người dân, Đà Nẵng, hội nghị những nào?", set(), {"da nang"}),
    # the place itself asked about
    ("Đà Nẵng có tỷ lệ dịch vụ công trực tuyến bao nhiêu?", {"da nang"}, set()),
])
def test_a_place_that_only_says_where_the_meeting_was(question, local, scene) -> None:
    analysis = analyze(question, ("da nang",), ("da nang",))
    assert (set(analysis.local), set(analysis.scene)) == (local, scene)


def test_the_sides_of_a_comparison_said_in_parallel() -> None:
    analysis = analyze("So sánh mức độ dùng dịch vụ công trực tuyến năm 2023 ở các địa phương "
                       "với ở các bộ, ngành.")
    assert analysis.sides == ("ở các địa phương", "ở các bộ, ngành")
