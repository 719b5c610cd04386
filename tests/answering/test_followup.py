"""Follow-up rewriting from the whole conversation (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.followup import carry_names, needs_context, resolve_followup
from assistant.schema import Turn

CHAIR = Turn("Ai chủ trì Phiên họp lần thứ 8 của Ủy ban Quốc gia về chuyển đổi số?",
             "Sáng ngày 24/4, tại Trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính - Chủ "
             "tịch Ủy ban Quốc gia về chuyển đổi số chủ trì trực tuyến Phiên họp lần thứ 8 [1]")


@pytest.mark.parametrize("history,question,expected", [
    ([CHAIR], "Ông ấy còn giữ chức vụ gì nữa?", "Phạm Minh Chính"),
    (["Hải Dương có bao nhiêu sản phẩm OCOP?"], "Tỉnh này có bao nhiêu hộ lên sàn?",
     "Hải Dương"),
    (["Tỷ trọng kinh tế số trong GDP năm 2023 là bao nhiêu?"], "Còn năm 2024 thì sao?",
     "năm 2024"),
    (["Hải Dương có bao nhiêu sản phẩm OCOP?"], "Còn Nghệ An thì sao?", "Nghệ An có bao nhiêu"),
    (["Hải Dương có bao nhiêu sản phẩm OCOP?"], "Thế còn Sóc Trăng với Nghệ An?",
     "So sánh Sóc Trăng và Nghệ An"),
    # a new topic keeps the earlier question's place, form and year
    (["Năm 2024 Nghệ An tiếp nhận hồ sơ trực tuyến tăng bao nhiêu?"],
     "Thanh toán trực tuyến thì sao?", "Thanh toán trực tuyến Nghệ An bao nhiêu năm 2024"),
    # "Còn <side> thì <question>": the earlier topic asked of the new side
    (["Đến tháng 6/2023, cơ sở dữ liệu dân cư đã kết nối với bao nhiêu bộ, ngành?"],
     "Còn phía doanh nghiệp thì có mấy đơn vị được kết nối?",
     "cơ sở dữ liệu dân cư đã kết nối với phía doanh nghiệp: có mấy đơn vị"),
    # the same shape naming its own places is a question of its own
    (["Tỉnh nào có chiến dịch 92 ngày đêm?"], "Còn Quảng Ninh với Đà Nẵng thì nổi bật về mặt gì?",
     "Còn Quảng Ninh với Đà Nẵng thì nổi bật về mặt gì?"),
    # a prepositional phrase narrows the earlier question
    (["Năm 2023 tỷ lệ dịch vụ công trực tuyến ở các địa phương là bao nhiêu?"],
     "Thế còn ở các bộ, ngành thì sao?", "ở các địa phương là bao nhiêu ở các bộ, ngành"),
    # "họ" (typed "ho") stands for those the earlier question asked about
    (["Có bao nhiêu bộ, ngành chưa ban hành kế hoạch chuyển đổi số năm 2024?"],
     "Hạn chót để ho ban hành là khi nào?", "chưa ban hành kế hoạch chuyển đổi số năm 2024"),
    # a sector or area narrows it too: the measure asked stays
    (["Năm 2023 tỷ lệ thu ngân sách không dùng tiền mặt là bao nhiêu?"],
     "Con linh vuc y te thi sao?", "không dùng tiền mặt là bao nhiêu linh vuc y te"),
    # "phiên đó": a meeting named without capitals; the earlier question comes along
    (["Phiên họp lần thứ 10 do ai chủ trì?"], "Ai là phó chủ tịch cùng dự phiên đó?",
     "lần thứ 10"),
    # an item by its position, of the list the earlier question asked about
    (["Thủ tướng nêu mấy quan điểm chỉ đạo ở phiên họp tổng kết năm 2024?"],
     "Quan điểm thứ hai là gì vậy?", "vậy (Thủ tướng nêu mấy quan điểm chỉ đạo"),
])
def test_followups_are_rewritten(history, question, expected) -> None:
    resolved = resolve_followup(question, history)
    assert expected in resolved and "gì ai" not in resolved


def test_a_standalone_question_is_left_alone() -> None:
    q = "Hải Dương có bao nhiêu sản phẩm OCOP?"
    assert resolve_followup(q, ["Đề án 06 là gì?"]) == q
    # an ordinal of something the earlier question did not list
    q = "Phiên họp thứ 10 do ai chủ trì?"
    assert resolve_followup(q, ["Thủ tướng nêu mấy quan điểm chỉ đạo?"]) == q
    q = "Quan điểm thứ hai là gì?"
    assert resolve_followup(q, ["Hải Dương có bao nhiêu sản phẩm OCOP?"]) == q


@pytest.mark.parametrize("question,needs", [("Còn năm 2024 thì sao?", True),
                                             ("Ông ấy giữ chức vụ gì?", True),
                                             ("Hải Dương có bao nhiêu sản phẩm OCOP?", False),
                                             # "người ta": people in general, no anaphor
                                             ("Sao người ta nói vay tín chấp là có lợi vậy?",
                                              False),
                                             ("Kinh tế số nước ta tăng nhanh gấp mấy lần GDP?",
                                              False),
                                             # "đỡ" (saves) typed with diacritics is no "đó"
                                             ("Mấy cái dịch vụ công thiết yếu mỗi năm giúp Nhà "
                                              "nước đỡ tốn nhiêu tiền vậy?", False),
                                             ("ong ay giu chuc vu gi", True),
                                             ("Hội nghị chiều 12/7/2023 do ai chủ trì?", False),
                                             # "trên hệ thống": a preposition, not "the above"
                                             ("Bộ chỉ số đánh giá các bộ, ngành, địa phương "
                                              "trên hệ thống nào?", False),
                                             ("Các tỉnh trên thì sao?", True)])
def test_followups_without_a_conversation_ask_for_context(question, needs) -> None:
    assert needs_context(question) is needs


def test_an_anaphor_whose_referent_names_its_head_is_not_doubled() -> None:
    resolved = resolve_followup("Bộ đó đã tiếp nhận bao nhiêu hồ sơ?",
                                ["Bộ Công an đã cấp bao nhiêu thẻ căn cước?"])
    assert "Bộ Bộ" not in resolved and resolved.startswith("Bộ Công")


@pytest.mark.parametrize("history, question, resolved", [
    (["Luật Giao dịch điện tử sửa đổi có hiệu lực khi nào?", "Có bao nhiêu chính sách mới?"],
     "Đạo luật đó được kỳ vọng như thế nào?",
     "Luật Giao dịch điện tử sửa đổi được kỳ vọng như thế nào?"),
    (["Đề án 06 có mấy nhóm nhiệm vụ?"], "Đề án này được phê duyệt khi nào?",
     "Đề án 06 được phê duyệt khi nào?"),
    (["Ở hội nghị 12/7/2023 Bộ TT&TT nêu những điểm sáng nào?"],
     "Cái chiến dịch ở Bình Phước ấy kéo dài bao lâu?",
     "Cái chiến dịch ở Bình Phước kéo dài bao lâu?"),
    (["So sánh tỷ trọng kinh tế số trong GDP năm 2023 và 2024"], "Còn năm 2025 thì sao?",
     "Tỷ trọng kinh tế số trong GDP năm 2025?"),
    (["Ở phiên họp thứ 9 Thủ tướng nói gì về an ninh mạng?"], "Ai được giao việc đó?",
     "Ai được giao việc an ninh mạng ở phiên họp thứ 9?"),
    (["Tỷ trọng kinh tế số năm 2023 là bao nhiêu?"], "Tốc độ tăng năm đó là bao nhiêu?",
     "Tốc độ tăng năm 2023 là bao nhiêu"),
])
def test_a_follow_up_names_what_the_conversation_spoke_of(history, question, resolved):
    from assistant.answering.followup import resolve_followup

    assert resolve_followup(question, [Turn(q, "") for q in history]) == resolved


def test_a_few_words_naming_nothing_ask_about_the_earlier_scene():
    from assistant.answering.followup import resolve_followup
    assert resolve_followup("Ai chủ trì?", ["Phiên họp thứ 8 diễn ra khi nào?"]) == \
        "Ai chủ trì phiên họp thứ 8?"
    assert resolve_followup("Ai chủ trì?", ["Đề án 06 là gì?"]) == "Ai chủ trì?"
    assert resolve_followup("Hải Dương có bao nhiêu sản phẩm OCOP?",
                            ["Phiên họp thứ 8 diễn ra khi nào?"]).startswith("Hải Dương")


@pytest.mark.parametrize("history, question, resolved", [
    # an item by its position, the noun left to the earlier question
    (["Ở phiên họp đầu tháng 2/2025, Thủ tướng nêu mấy quan điểm chỉ đạo?"], "Cái thứ tư là gì?",
     "Ở phiên họp đầu tháng 2/2025, Thủ tướng nêu quan điểm thứ tư chỉ đạo là gì?"),
    (["Thủ tướng nêu mấy quan điểm chỉ đạo?", "Quan điểm thứ hai nói gì?"], "Còn cái thứ ba?",
     "Quan điểm thứ ba nói gì (Thủ tướng nêu mấy quan điểm chỉ đạo)?"),
    # which ones, after how many
    (["Cơ sở dữ liệu dân cư kết nối với bao nhiêu doanh nghiệp?"], "Đó là những doanh nghiệp nào?",
     "Cơ sở dữ liệu dân cư kết nối với những doanh nghiệp nào?"),
])
def test_items_asked_after_a_count_or_another_item(history, question, resolved) -> None:
    assert resolve_followup(question, history) == resolved


def test_the_last_item_is_the_position_the_conversation_counted() -> None:
    history = [Turn("Thủ tướng nêu mấy quan điểm chỉ đạo?",
                    "Thủ tướng Chính phủ nhấn mạnh 4 quan điểm chỉ đạo. [1]"),
               Turn("Quan điểm thứ hai là gì?", "Chuyển đổi số phải gắn với toàn dân. [1]")]
    assert resolve_followup("Còn cái cuối cùng?", history) == \
        "Quan điểm thứ 4 là gì (Thủ tướng nêu mấy quan điểm chỉ đạo)?"


def test_the_first_item_said_as_đầu_tiên_is_an_item_too() -> None:
    assert resolve_followup("Còn cái thứ hai thì sao?", [
        "Thủ tướng đưa ra bao nhiêu quan điểm chỉ đạo?", "Quan điểm đầu tiên là gì?"]) == \
        "Quan điểm thứ hai là gì (Thủ tướng đưa ra bao nhiêu quan điểm chỉ đạo)?"


def test_a_thing_pointed_at_is_the_thing_named_before_not_a_place() -> None:
    assert resolve_followup("Rồi đề án đó chia ra mấy nhóm nhiệm vụ?", [
        Turn("Đề án 06 được Chính phủ duyệt hồi nào?",
             "Tỷ lệ tiếp nhận 25 dịch vụ theo Đề án 06 tỉnh Hải Dương đạt 92%. [1]")]) == \
        "Đề án 06 chia ra mấy nhóm nhiệm vụ?"


def test_the_year_before_is_the_earlier_questions_year_minus_one() -> None:
    assert resolve_followup("Thế năm trước đó thì là bao nhiêu ạ?", [
        "Năm 2023 tỷ lệ dịch vụ công trực tuyến ở bộ, ngành đạt bao nhiêu?"]) == \
        "Năm 2022 tỷ lệ dịch vụ công trực tuyến ở bộ, ngành đạt bao nhiêu?"


def test_that_meeting_is_the_meeting_the_earlier_question_named() -> None:
    assert resolve_followup("Ở phiên đó Thủ tướng nêu mấy quan điểm?", [
        "Phiên họp chiều 6/2 năm 2025 về chuyển đổi số do ai chủ trì?"]) == \
        "Ở phiên họp chiều 6/2 năm 2025 về chuyển đổi số Thủ tướng nêu mấy quan điểm"


@pytest.mark.parametrize("question, rewritten, earlier, expected", [
    # "those policies": the law of the first question, through a second that names nothing
    ("What exactly are those policies?", "chính sách?",
     ["Luật, điện tử, giao dịch khi nào?", "chính sách bao nhiêu chính sách?"],
     "Luật, điện tử, giao dịch, chính sách?"),
    # its own year replaces the earlier one
    ("And where did it rank back in 2020?", "xếp hạng, 2020 ở đâu?",
     ["Việt Nam, Liên hợp quốc, xếp hạng, 2024 gì?"],
     "Việt Nam, Liên hợp quốc, xếp hạng, 2020 ở đâu?"),
    # it names what it asks about, or leans on nothing: as it is
    ("And how many of those accounts are in Nghe An?", "tài khoản, Nghe An bao nhiêu?",
     ["VNeID, tài khoản bao nhiêu?"], "tài khoản, Nghe An bao nhiêu?"),
    ("Is it true that digital economy grows fast?", "kinh tế số có phải không?",
     ["Thủ tướng, chủ trì ai?"], "kinh tế số có phải không?"),
    ("How often are they supposed to meet?", "họp như thế nào?", [], "họp như thế nào?"),
])
def test_an_english_follow_up_takes_the_names_of_the_earlier_question(question, rewritten,
                                                                      earlier, expected):
    assert carry_names(question, rewritten, earlier) == expected
