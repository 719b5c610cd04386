"""Every example of the lexicon's tables, asked (fast: no model, no index)."""
import pytest

from assistant.answering import lexicon


@pytest.mark.parametrize("function, typed, expected", lexicon.EXAMPLES,
                         ids=[str(e[1])[:40] for e in lexicon.EXAMPLES])
def test_lexicon_examples(function, typed, expected):
    got = getattr(lexicon, function)(typed)
    assert (got.text if isinstance(got, lexicon.Rewritten) else got) == expected


def test_derived_abbreviations_are_the_initials_of_the_articles_names():
    table = lexicon.derived_abbreviations(["Căn cước công dân", "Ban Chỉ đạo", "Hải Dương"])
    assert table == {"ccc" + "d": "Căn cước công dân", "bcd": "Ban Chỉ đạo"}
    assert lexicon.rewrite("BCĐ họp mấy lần?", {"bcd": "Ban Chỉ đạo"}).text == \
        "Ban Chỉ đạo họp mấy lần?"


def test_ambiguous_initials_are_not_derived():
    assert "cds" not in lexicon.derived_abbreviations(["Chuyển đổi số", "Cục Dân số"])


def test_an_abbreviation_with_a_number_keeps_it():
    assert lexicon.rewrite("DA06 là gì?", {"da": "Đề án"}).text == "Đề án 06 là gì?"


def test_english_questions_are_marked():
    assert lexicon.rewrite("How many VNeID accounts were activated?").english
    assert not lexicon.rewrite("Có bao nhiêu tài khoản VNeID?").english


def test_phrases_that_open_with_a_capital_give_the_most_written_initials():
    text = "Bộ Y tế báo cáo. Bộ Y tế đề nghị. Bàn về y tế. Ban Chỉ đạo họp; Bộ Yêu thích"
    table = lexicon.derived_abbreviations(lexicon.phrases(text))
    assert table["byt"] == "Bộ Y tế" and table["bcd"] == "Ban Chỉ đạo"


def test_a_word_the_articles_use_is_never_spelled_out():
    table = {"gdp": "Giá Dịch Phí"}
    assert lexicon.rewrite("GDP tăng bao nhiêu?", table, known={"gdp"}).text == \
        "GDP tăng bao nhiêu?"


@pytest.mark.parametrize("question, written", [
    ("Bộ trưởng Bộ Thông tin và Truyền thông là ai?",
     "Bộ trưởng Bộ Thông tin và Truyền thông (TT&TT) là ai?"),
    ("Ủy ban nhân dân tỉnh làm gì?", "Ủy ban nhân dân (UBND) tỉnh làm gì?"),
    # lower case words are no name; a name already given with its initials stays
    ("thông tin và truyền thông", "thông tin và truyền thông"),
    ("Bộ TT&TT (Thông tin và Truyền thông)", "Bộ TT&TT (Thông tin và Truyền thông)"),
    # the "&" is the name's "và": four words that merely open alike are no name
    ("Thanh toán trực tuyến thì sao?", "Thanh toán trực tuyến thì sao?"),
])
def test_a_name_spelled_out_gets_the_initials_the_articles_write(question, written):
    assert lexicon.with_initials(question, {"tttt": "TT&TT", "ubnd": "UBND"}) == written


def test_an_english_name_before_its_noun_is_said_after_it_as_the_articles_write_it():
    from assistant.answering.english import english
    question = "Who presided over the Hai Duong connection point at the 9th session?"
    assert "điểm cầu Hải Dương" in english(question, known={"cau_hai"})
    assert "điểm cầu Hải Dương" not in english(question)  # a pair the articles never write


@pytest.mark.parametrize("pattern, text, found", [
    ("MEETING_NAMED", "phien hop thu 9 ban gi", "phien hop thu 9"),
    ("MEETING_NAMED", "hoi nghi chieu 12/7 co ai du", "chieu 12/7"),
    ("MEETING_NAMED", "nghe an dat 10/11 muc tieu", None),  # a ratio, not a day
    ("ASSIGNEE_ASKED", "ai duoc giao viec an ninh mang", "duoc giao"),
    ("ASSIGNEE_ASKED", "ai chu tri phien hop lan thu 9", None),
    ("MATTER_POINTER", "ai duoc giao viec do", "viec do"),
    ("DEEDS", "ai là người ký quyết định", "ký"),
    ("DEEDS", "ai bấm nút ra mắt hệ thống", "bấm nút"),
    ("DEEDS", "ai đảm nhận vai trò đó", None),  # a role held, no act
])
def test_word_patterns_find_what_they_name(pattern, text, found):
    import re

    from assistant.answering import cues
    m = re.search(getattr(cues, pattern), text)
    assert (m.group() if m else None) == found
