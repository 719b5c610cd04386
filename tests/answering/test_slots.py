"""Table tests for slots.py: the date or person found must be the asked event's."""
import pytest

from assistant import messages as msg
from assistant.answering.slots import deed_unnamed, document_unnamed, slot_unsaid

OPENING = ("Chiều 6/2, đồng chí Phạm Minh Chính chủ trì Phiên họp lần thứ 10 tổng kết hoạt "
           "động của Ủy ban và Đề án 06 năm 2024.")


@pytest.mark.parametrize("question, sentence, unnamed", [
    # the document asked is not in the sentence that gives a date
    ("Nghị quyết 57 của Bộ Chính trị ra đời hôm nào?", OPENING, "nghi quyet 57"),
    ("When was Resolution 57 issued?", OPENING, "resolution 57"),
    # named, with or without "số", with its leading zero or not
    ("Nghị quyết 57 ra đời hôm nào?", "Nghị quyết số 57 của Bộ Chính trị …", ""),
    ("Đề án 06 được phê duyệt ngày nào?", "phê duyệt Đề án 06 (ngày 06/1/2022)", ""),
    ("De an 6 phe duyet ngay nao?", "phê duyệt Đề án 06 (ngày 06/1/2022)", ""),
    # no document named
    ("Phiên họp lần thứ 10 diễn ra ngày nào?", OPENING, ""),
])
def test_a_document_asked_must_be_named(question, sentence, unnamed):
    assert document_unnamed(question, sentence) == unnamed


@pytest.mark.parametrize("question, passages, unnamed", [
    # the deed asked of a person is written nowhere in the passages cited ("kỳ" is not "ký")
    ("ai là người ký quyết định phê duyệt Đề án 06?",
     "Phát biểu tại hội nghị, Thủ tướng nhấn mạnh năm 2023 là năm bản lề, kỳ họp …", "ký"),
    # written
    ("Ai chủ trì phiên họp lần thứ 8?", "Thủ tướng Phạm Minh Chính chủ trì trực tuyến …", ""),
    # no deed after "ai": a role or an assignment is another check's
    ("Ai là Tổ trưởng Tổ công tác?", "Đại tướng Tô Lâm, Tổ trưởng Tổ công tác …", ""),
    ("Ai được giao việc đó?", "Thủ tướng yêu cầu Bộ Công an chủ trì …", ""),
    # typed without diacritics: left to the restored question
    ("ai ky quyet dinh?", "Thủ tướng nhấn mạnh …", ""),
])
def test_the_deed_a_who_question_asks_must_be_written(question, passages, unnamed):
    assert deed_unnamed(question, passages) == unnamed


def test_only_dates_and_people_have_a_slot():
    asked = "Nghị quyết 57 ra đời hôm nào?"
    assert slot_unsaid("date", asked, OPENING, OPENING, frozenset(), 2) == msg.NOT_GIVEN_DATE
    assert slot_unsaid("person", "ai là người ký Nghị quyết 57?", OPENING, OPENING,
                       frozenset(), 2) == msg.NOT_GIVEN_WHO
    assert slot_unsaid("list", asked, OPENING, OPENING, frozenset(), 2) == ""
    assert slot_unsaid("date", asked, "", OPENING, frozenset(), 2) == ""


@pytest.mark.parametrize("question, sentence, unnamed", [
    # one body asked, the sentence names only bodies in general
    ("Cơ quan nào đứng ra phát biểu về dữ liệu ngành giáo dục?",
     "Tại phiên họp, các bộ, ngành Trung ương đã có các ý kiến thảo luận.", True),
    # a body named
    ("Cơ quan nào được giao chủ trì bảo vệ hệ thống thông tin?",
     "Thủ tướng yêu cầu Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng.", False),
    # bodies asked as a list: the list plan's
    ("Những cơ quan nào phát biểu?", "Các bộ, ngành đã có ý kiến.", False),
])
def test_one_body_asked_must_be_named(question, sentence, unnamed):
    from assistant.answering.slots import body_unnamed

    assert body_unnamed(question, sentence) is unnamed
