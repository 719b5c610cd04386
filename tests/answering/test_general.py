"""The general answer path: answers filled from the best passages, never repeated, cited."""
from __future__ import annotations

import re

import pytest

from assistant.answering.answer import answer_question
from assistant.answering.cite import verify_citation
from assistant.answering.general import leans_back
from assistant.evaluation.kinds import answer_words
from assistant.schema import Turn


@pytest.mark.parametrize("sentence, leans", [
    ("Trong đó, 25 dịch vụ công thiết yếu đã được cung cấp.", True),
    ("Do đó, cần tăng cường bảo vệ dữ liệu.", True),
    ("Theo đó, các bộ phải hoàn thành trước tháng 6.", True),
    ("Tỷ trọng kinh tế số ước đạt 18,3% GDP.", False),
    ("Dự hội nghị có lãnh đạo các bộ.", False),
])
def test_a_sentence_that_leans_on_the_one_before(sentence, leans):
    assert leans_back(sentence) is leans


def _verified(answer, retriever):
    index = retriever.index
    by_id = {c.id: c for c in index.chunks}
    from assistant.schema import Hit
    hits = [Hit(rank=i, score=0.0, chunk=by_id[c.chunk_id], article=index.articles[c.article_id])
            for i, c in enumerate(answer.citations, 1)]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    return markers == {c.n for c in answer.citations} and all(
        verify_citation(c, index.articles, hits) for c in answer.citations)


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Những nhiệm vụ trọng tâm năm 2025 là gì?",
    "Chuyển đổi số mang lại lợi ích gì cho người dân?",
    "Hải Dương có bao nhiêu sản phẩm OCOP?",
])
def test_answers_are_filled_from_the_best_passages_and_every_citation_holds(question, retriever):
    short = answer_question(question, retriever.__class__(
        retriever.index, retriever.embedder, retriever.settings.replace(general_words=0)))
    full = answer_question(question, retriever)
    assert not full.abstained and full.text.startswith(short.text)
    assert answer_words(short) <= answer_words(full) <= retriever.settings.general_words + 80
    assert _verified(full, retriever)
    sentences = [s for s in re.split(r"\s*\[\d+\]\s*", full.text) if s.strip()]
    assert len(sentences) == len(set(sentences)), "a sentence said twice"


@pytest.mark.slow
def test_a_question_in_english_is_answered_from_the_vietnamese_articles(retriever):
    answer = answer_question("How many VNeID accounts were activated?", retriever)
    assert not answer.abstained and "VNeID" in answer.text and "triệu" in answer.text
    assert any("Vietnamese" in n for n in answer.notices)


@pytest.mark.slow
@pytest.mark.parametrize("question, fact", [
    ("CCCD gắn chíp cấp được bao nhiêu rồi?", "86 triệu"),
    ("Chiều 10/7/2024 họp gì vậy?", "phiên họp lần thứ 9"),
    ("mùng 6 tháng 2 năm 2025 có sự kiện gì?", "Phiên họp lần thứ 10"),
    ("ngay 06/02/2025 co su kien gi", "Phiên họp lần thứ 10"),
])
def test_abbreviations_and_dates_in_any_form_are_answered(question, fact, retriever):
    answer = answer_question(question, retriever)
    assert not answer.abstained and fact in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, fact", [
    ("Did Vietnam climb in the 'Chính phủ điện tử' ranking of 2024?", "71/193"),
    ("Was Vietnam ranked in the 'Rất cao' group for the first time in 2024?", "lần đầu tiên"),
    ("How many OCOP products does HD have?", "234"),
])
def test_english_with_vietnamese_words_and_two_letter_places_are_answered(question, fact,
                                                                          retriever):
    answer = answer_question(question, retriever)
    assert not answer.abstained and fact in answer.text


@pytest.mark.slow
def test_his_role_follows_the_person_with_the_title_asked(retriever):
    first = answer_question("Which Permanent Deputy Prime Minister attended the 10th session?",
                            retriever)
    assert "Nguyễn Hòa Bình" in first.text
    answer = answer_question("What is his role in that committee?", retriever,
                             history=[Turn(first.question, first.text)])
    assert "Nguyễn Hòa Bình" in answer.resolved_question
    assert "Phó Chủ tịch Thường trực" in answer.text


@pytest.mark.slow
def test_the_two_meetings_asked_together_get_both_dates(retriever):
    answer = answer_question("Phien hop thu 9 va thu 10 cua UBQG ve CDS dien ra ngay nao?",
                             retriever)
    assert not answer.abstained and "10/7" in answer.text and "6/2" in answer.text


@pytest.mark.slow
def test_the_general_path_reads_on_after_the_best_passage(retriever):
    question = ("Những lãnh đạo nào dự hội nghị sơ kết 6 tháng đầu năm 2023 về chuyển đổi số "
                "cùng Thủ tướng?")
    reading = retriever.__class__(retriever.index, retriever.embedder,
                                  retriever.settings.replace(general_read_on=4))
    answer = answer_question(question, reading)
    assert "Trần Hồng Hà" in answer.text  # said in the passages after the meeting's opening
    assert _verified(answer, reading)


@pytest.mark.slow
def test_a_list_answer_shows_the_whole_enumeration_its_best_clause_opens(retriever):
    answer = answer_question("Khai thác dữ liệu dân cư giúp ích cụ thể những gì?", retriever)
    assert not answer.abstained
    assert "tham nhũng vặt" in answer.text and "hạn chế việc di chuyển" in answer.text


@pytest.mark.slow
def test_a_meeting_named_by_its_place_is_answered_from_the_article_set_there(retriever):
    answer = answer_question("At the Da Nang conference, what share of citizens used online "
                             "public services at localities in 2023?", retriever)
    assert not answer.abstained and not answer.missing and "58,2%" in answer.text


@pytest.mark.slow
def test_a_list_goes_on_with_the_sentences_its_heading_sentence_announces(retriever):
    answer = answer_question("Ở phiên họp thứ 9, Thủ tướng nêu ra những hạn chế, yếu kém gì?",
                             retriever)
    assert not answer.abstained and "manh mún" in answer.text and "An ninh mạng" in answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Bộ trưởng Bộ Thông tin và Truyền thông dự hội nghị 12/7/2023 là ai?",
    "Who was the Minister of Information and Communications at the July 2023 conference?",
])
def test_a_name_the_articles_write_as_initials_is_found_spelled_out(question, retriever):
    answer = answer_question(question, retriever)
    assert not answer.abstained and not answer.missing and "Nguyễn Mạnh Hùng" in answer.text
