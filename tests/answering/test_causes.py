"""Cause and means cues (no model, no index)."""
from __future__ import annotations

import pytest

from assistant.answering.causes import gives_cause


@pytest.mark.parametrize("sentence, gives", [
    # read with diacritics: "cấp độ", "Đề án", "đề xuất" hold no cause word
    ("Có 2.365 hệ thống được phê duyệt cấp độ an toàn.", False),
    ("Bộ đề xuất các nhiệm vụ của Đề án.", False),
    ("Hệ thống được phê duyệt cấp độ do còn thiếu kinh phí.", True),
    ("Trên cơ sở phân tích kết quả, Bộ đề xuất các nhiệm vụ.", True),
    # typed without diacritics: the folded cues
    ("He thong chua duoc duyet do thieu kinh phi.", True),
])
def test_cause_words_read_as_written(sentence, gives) -> None:
    assert gives_cause("Vì sao phải chuyển đổi số?", sentence) is gives


@pytest.mark.parametrize("question, sentence, gives", [
    # a state asked: only a word that names a cause will do, not a purpose
    ("Vì sao tỷ lệ ở bộ, ngành thấp hơn địa phương?",
     "Tỷ lệ tại các bộ, ngành đạt 31,7% để phục vụ người dân.", False),
    ("Vì sao tỷ lệ ở bộ, ngành thấp hơn địa phương?",
     "Nguyên nhân là do hạ tầng còn yếu.", True),
    ("Sao Hải Dương tăng nhanh vậy?",
     "Có được kết quả này là nhờ sự vào cuộc của cả hệ thống chính trị.", True),
    ("Vì sao Đề án 06 chậm?", "Trước tình hình đó, Thủ tướng yêu cầu đẩy nhanh.", True),
    # a view asked: its reasons are any cause or purpose the sentence gives
    ("Vì sao Thủ tướng cho rằng chuyển đổi số giúp quản lý tốt hơn?",
     "Chuyển đổi số góp phần thay đổi phương thức quản lý.", True),
    ("Vì sao phải chuyển đổi số?", "Chuyển đổi số nhằm phục vụ người dân.", True),
    ("Vì sao phải chuyển đổi số?", "Hội nghị diễn ra chiều 6/2.", False),
    # a rank is a state too
    ("Sao Hải Dương lại đứng thứ 7 cả nước về giao dịch?",
     "Phát sinh 41.132 giao dịch, xếp thứ 7 toàn quốc để phát triển.", False),
    # "nhiều … như vậy": a state too
    ("Vì sao Hải Dương có nhiều sản phẩm OCOP như vậy?",
     "Toàn tỉnh có 234 sản phẩm OCOP để giúp nông dân.", False),
])
def test_a_sentence_that_gives_the_cause_asked(question, sentence, gives) -> None:
    assert gives_cause(question, sentence) is gives


def _cited(*quotes: str):
    from assistant.schema import Answer, Citation
    return Answer(question="", text="", citations=tuple(
        Citation(n=i, article_id="a", title="", date="", source="", chunk_id="c", passage=q,
                 passage_start=0, passage_end=len(q), quote=q, start=0, end=len(q))
        for i, q in enumerate(quotes, 1)))


def test_a_cause_in_a_later_sentence_must_speak_of_what_was_asked() -> None:
    from assistant.answering.causes import names_cause
    answer = _cited("Chiến dịch 92 ngày đêm tại Bình Phước.",
                    "Trên cơ sở phân tích kết quả, Bộ đề xuất các nhiệm vụ.")
    question = "Tại sao Bình Phước chọn chiến dịch 92 ngày đêm?"
    assert not names_cause(question, answer, frozenset({"binh phuoc", "92"}))
    assert names_cause(question, answer)  # no names asked: any sentence of the article
    assert names_cause(question, _cited("Chiến dịch 92 ngày đêm tại Bình Phước.",
                                        "Bình Phước làm vậy do tỷ lệ còn thấp."),
                       frozenset({"binh phuoc", "92"}))


@pytest.mark.parametrize("question, sentence, gives", [
    # the cue is followed by the state asked itself: the situation, not its cause
    ("Sao mà tấn công mạng trên thế giới với trong nước tăng dữ vậy, do đâu?",
     "Trước tình hình tấn công mạng trên thế giới và trong nước gia tăng mạnh, Thủ tướng yêu "
     "cầu Bộ Công an chủ trì.", False),
    ("Nguyen nhan nao khien so vu tan cong mang o Viet Nam tang?",
     "Truoc tinh hinh tan cong mang gia tang manh, Thu tuong yeu cau Bo Cong an chu tri.",
     False),
    # a cue followed by other words gives a cause
    ("Vì sao tấn công mạng tăng?", "Tấn công mạng tăng do hạ tầng số mở rộng nhanh.", True),
    ("Vì sao Đề án 06 chậm?", "Trước tình hình đó, Thủ tướng yêu cầu đẩy nhanh.", True),
])
def test_a_cue_restating_the_state_asked_gives_no_cause(question, sentence, gives) -> None:
    assert gives_cause(question, sentence) is gives


def test_a_purpose_named_by_the_question_still_gives_it() -> None:
    # "Mục đích cuối cùng …" restates the question, and the purpose follows it
    assert gives_cause("Mục đích cuối cùng của chuyển đổi số là gì?",
                       "Mục đích cuối cùng của chuyển đổi số là phục vụ con người.")
