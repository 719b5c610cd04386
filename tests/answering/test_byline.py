"""Bylines: who wrote an article, where it appeared, read from its metadata."""
import pytest

from assistant.answering.byline import asks, byline
from assistant.schema import Article

SIGNED = Article(id="a", text="Sáng ngày 24/4, Thủ tướng chủ trì phiên họp.",
                 title="Tăng cường nhận thức về chuyển đổi số", date="2024-04-24",
                 source="Báo Sóc Trăng", author="Tấn Phát")
UNSIGNED = Article(id="b", text="Toàn cảnh hội nghị tại Đà Nẵng.", title="Đề án 06")


@pytest.mark.parametrize("question, author, source", [
    ("Ai là tác giả bài 'Mục đích cuối cùng của chuyển đổi số' vậy ạ?", True, False),
    ("Bài về phiên họp thứ 8 đăng trên báo nào, ai viết thế?", True, True),
    ("bai ve hoi nghi da nang do ai viet", True, False),
    ("Who wrote the Soc Trang newspaper report?", True, False),
    ("Bài này của báo nào?", False, True),
    ("Ai chủ trì phiên họp thứ 8?", False, False),
])
def test_what_a_byline_question_asks(question, author, source):
    assert asks(question) == (author, source)


def test_a_byline_says_the_title_publisher_date_and_author():
    said = byline(SIGNED, author=True, source=True)
    assert "Tăng cường nhận thức về chuyển đổi số" in said
    assert "Báo Sóc Trăng 24/04/2024" in said and "Tấn Phát" in said


def test_an_unsigned_article_says_it_names_no_author():
    said = byline(UNSIGNED, author=True, source=False)
    assert "không ghi tên tác giả" in said and "Đề án 06" in said


@pytest.mark.slow
@pytest.mark.parametrize("question, expected, article", [
    ("Ai là tác giả bài 'Thủ tướng: Mục đích cuối cùng của chuyển đổi số là phục vụ con người'"
     " vậy ạ?", "Bùi Huyền", "muc-dich-chuyen-doi-so-phuc-vu-con-nguoi"),
    ("Bài về phiên họp thứ 8 đăng trên báo nào, ai viết thế?", "Báo Sóc Trăng",
     "tang-cuong-nhan-thuc-chuyen-doi-so"),
    ("Who is the author of the article reporting that the final goal of digital "
     "transformation is to serve people?", "Bùi Huyền", "muc-dich-chuyen-doi-so-phuc-vu-con-nguoi"),
    ("Bài về hội nghị Đà Nẵng do ai viết?", "không ghi tên tác giả", "de-an-06-hoi-nghi-da-nang"),
    ("Who wrote the Soc Trang newspaper report on the eighth committee meeting?", "Tấn Phát",
     "tang-cuong-nhan-thuc-chuyen-doi-so"),
])
def test_byline_questions_are_answered_from_the_article_meant(question, expected, article,
                                                             retriever):
    from assistant.answering.answer import answer_question

    answer = answer_question(question, retriever)
    assert expected in answer.text
    assert answer.citations and answer.citations[0].article_id == article
