"""What the chat shows, as pure functions (no model, no server): escaped once, markers linked,
line breaks kept, plain text for copying, Vietnamese numbers and dates."""
from __future__ import annotations

import dataclasses
import html
import re

import pytest

from assistant import messages as msg
from assistant.schema import Answer, Article, Chunk, Citation, Figure, Hit
from assistant.answering.render import answer_text
from assistant.serving.ui_render import (answer_html, article_html, decimal, figures_html,
                                         figures_text, iso_date, library_html, number,
                                         plain_html, size_label, user_html)

TITLE = 'Bài "thử" của Lê & Cộng sự <Nhóm A> \'số\''
QUOTE = "Làng 'số' có 987 hộ & 12 \"điểm\" <trạm>."


def _citation(n: int = 1) -> Citation:
    passage = "Mở đầu. " + QUOTE + " Kết."
    return Citation(n=n, article_id="bai-thu", title=TITLE, date="2025-11-15", source="Báo A&B",
                    chunk_id="bai-thu#0", passage=passage, passage_start=0,
                    passage_end=len(passage), quote=QUOTE, start=8, end=8 + len(QUOTE))


def _hit(text: str, lexical: float) -> Hit:
    article = Article(id="a", text=text, title="Bài gần")
    return Hit(rank=1, score=0.9, chunk=Chunk("a#0", "a", 0, len(text), text), article=article,
               lexical_score=lexical)


@pytest.mark.parametrize("raw, shown", [
    ("'", "'"), ('"', '"'), ("&", "&amp;"), ("<b>", "&lt;b&gt;"),
    ("Lê & Cộng sự", "Lê &amp; Cộng sự"),
    ("&amp;", "&amp;amp;"), ("&#x27;", "&amp;#x27;"),
])
def test_text_is_escaped_exactly_once(raw: str, shown: str) -> None:
    html_ = answer_html(Answer(question="q", text=f"Theo {raw} [1]", citations=(_citation(),)), 3)
    assert f'<div class="answer-text">Theo {shown} <a class="cite"' in html_


def test_apostrophes_are_not_entities() -> None:
    html_ = answer_html(Answer(question="q", text="Chủ đề 'toàn dân' [1]",
                               citations=(_citation(),)), 1)
    assert "'toàn dân'" in html_ and "&#x27;" not in html_ and "&#35;" not in html_


def test_markers_link_to_their_source_of_that_answer_and_unknown_ones_stay_text() -> None:
    html_ = answer_html(Answer(question="q", text="A [1]. B [7].", citations=(_citation(),)), 5)
    assert '<a class="cite" href="#nguon-5-1">[1]</a>' in html_
    assert "[7]" in html_ and "#nguon-5-7" not in html_
    assert 'href="#nguon-5-1">[1] Bài' in html_  # the source title is a link too


def test_sources_are_folded_and_numbered_once() -> None:
    html_ = answer_html(Answer(question="q", text="A [1]", citations=(_citation(),)), 1)
    assert "<details class=\"sources\"><summary>" + msg.UI_SOURCES_COUNT.format(n=1) in html_
    assert "<details open" not in html_ and "<ol>" not in html_


def test_line_breaks_are_kept() -> None:
    answer = Answer(question="q", text="Không.\n- Ý một [1]\n- Ý hai [1]", citations=(_citation(),))
    html_ = answer_html(answer, 1)
    assert "Không.<br>- Ý một" in html_ and "<br>- Ý hai" in html_
    assert user_html("dòng 1\n<dòng 2>") == "dòng 1<br>&lt;dòng 2&gt;"


def test_the_copy_button_carries_the_one_plain_rendering() -> None:
    answer = Answer(question="q", text="A [1]", citations=(_citation(),))
    copied = answer_html(answer, 1).split('<div class="plain-copy">', 1)[1].split("</div>", 1)[0]
    assert html.unescape(copied) == answer_text(answer)
    assert "<a " not in copied and "<br>" not in copied  # text only, no markup


def test_related_passages_only_above_the_threshold_short_and_titled() -> None:
    answer = Answer(question="q", text=msg.NOT_FOUND, abstained=True,
                    related=(_hit("Giá vàng " * 200, 5.0), _hit("Không liên quan", 1.0)))
    html_ = answer_html(answer, 1, related_min_lexical=3.0)
    assert "Bài gần" in html_ and "Không liên quan" not in html_
    assert len(answer_text(answer, related_min_lexical=3.0)) < 400
    none = answer_html(answer, 1, related_min_lexical=9.0)
    assert msg.RELATED_INTRO not in none


def test_article_viewer_escapes_and_marks_the_span() -> None:
    article = Article(id="x", text="Đầu <a>.\n\n" + QUOTE, title=TITLE)
    out = article_html(article, 10, 10 + len(QUOTE))
    assert "<mark id='cited-span'>Làng 'số' có 987 hộ &amp; 12 \"điểm\" &lt;trạm&gt;.</mark>" in out
    assert "&lt;a&gt;" in out and "&lt;Nhóm A&gt;" in out


@pytest.mark.parametrize("value, digits, text", [(0.84, 2, "0,84"), (12.3456, 3, "12,346"),
                                                 (1, 2, "1,00")])
def test_decimal_comma(value, digits, text) -> None:
    assert decimal(value, digits) == text


@pytest.mark.parametrize("typed, iso", [
    ("15/11/2025", "2025-11-15"), ("5/1/2024", "2024-01-05"), ("15-11-2025", "2025-11-15"),
    ("2025-11-15", "2025-11-15"), ("", ""), ("  ", ""), ("31/02/2025", None), ("hôm qua", None),
    ("2025/11/15", None),
])
def test_dates_as_readers_type_them(typed, iso) -> None:
    assert iso_date(typed) == iso


@pytest.mark.parametrize("n, label", [(200_000, "195 KB"), (5 * 1024 * 1024, "5,0 MB"),
                                      (10, "1 KB")])
def test_size_label(n, label) -> None:
    assert size_label(n) == label


def test_library_table_escapes_titles() -> None:
    html_ = library_html([(Article(id="a", text="x", title=TITLE, date="2025-11-15"), 3)])
    assert "&lt;Nhóm A&gt;" in html_ and "15/11/2025" in html_
    assert "<td class='lib-chunks'>3" in html_
    assert library_html([]) == f"<p>{msg.UI_LIB_EMPTY}</p>"


def test_a_streaming_answer_has_no_copy_link_yet() -> None:
    html_ = answer_html(Answer(question="q", text="Đang viết [1]"), 1, partial=True)
    assert "copy-answer" not in html_ and "plain-copy" not in html_ and "Đang viết" in html_


@pytest.mark.parametrize("stage,done,total,shown,bar", [
    ("progress", 0, 1250, "0/1.250 câu (0%)", "max='1250' value='0'"),
    ("progress", 625, 1250, "625/1.250 câu (50%)", "max='1250' value='625'"),
    ("writing", 1250, 1250, "Đã mã hóa 1.250 câu; đang ghi chỉ mục", "<progress></progress>"),
    ("waiting", 0, 0, msg.UI_ADD_WAITING, "<progress></progress>"),
    ("started", 0, 0, msg.UI_ADD_STARTED, "<progress></progress>"),
    ("cancelling", 3, 9, msg.UI_ADD_CANCELLING, "<progress></progress>"),
    ("done", 0, 0, "Đã hủy &lt;bài&gt;", "role='status'"),
])
def test_add_progress_shows_real_figures(stage: str, done: int, total: int, shown: str,
                                         bar: str) -> None:
    from assistant.serving.ui_render import add_progress_html

    html = add_progress_html(stage, done, total, outcome="Đã hủy <bài>")
    assert shown in html and bar in html and f"data-stage='{stage}'" in html


def test_a_long_question_is_folded_under_see_more() -> None:
    short = "Đề án 06 <là> gì?"
    assert user_html(short) == "Đề án 06 &lt;là&gt; gì?"
    long = "Tỷ trọng kinh tế số " + "rất dài & khó " * 400
    shown = user_html(long)
    assert shown.startswith('<details class="q-long"><summary>')
    assert msg.UI_QUESTION_MORE in shown and shown.count("&amp;") > 300
    head = html.unescape(shown.split("<summary>")[1].split("…")[0])
    assert 140 <= len(head) <= 300 and not head.endswith(" ")


FIGURES = (Figure("năm 2023", 16.5, "%GDP", 1), Figure("năm 2024", 18.3, "%GDP", 2),
           Figure("Bắc <Ninh>", 1250, "sản phẩm", 1))


def test_figures_are_drawn_as_labelled_bars_with_their_sources() -> None:
    shown = figures_html(FIGURES, 3)
    assert shown.count('class="fig-row"') == 3
    assert "16,5%GDP" in shown and "1.250 sản phẩm" in shown and "Bắc &lt;Ninh&gt;" in shown
    assert '<a class="cite" href="#nguon-3-2">[2]</a>' in shown
    widths = [float(w) for w in re.findall(r"width:([\d.]+)%", shown)]
    assert widths == sorted(widths) and widths[-1] == 60.0
    assert figures_html((), 1) == "" and figures_text(()) == ""


def test_figures_are_in_the_answer_and_its_plain_copy() -> None:
    answer = Answer("q", "Năm 2023 đạt 16,5% GDP [1]. Năm 2024 đạt 18,3% GDP [2].",
                    citations=(_citation(1), _citation(2)), figures=FIGURES[:2])
    shown = answer_html(answer, 1)
    plain = html.unescape(shown.split('class="plain-copy">')[1].split("</div>")[0])
    lines = plain.splitlines()
    assert lines[1] == f"{msg.UI_FIGURES_TITLE}: năm 2023: 16,5%GDP [1]; năm 2024: 18,3%GDP [2]"
    assert lines[3] == f"{msg.SOURCES}:"
    assert 'class="figures"' in shown
    assert 'class="figures"' not in answer_html(dataclasses.replace(answer, figures=()), 1)


@pytest.mark.parametrize("value,text", [(1250, "1.250"), (18.3, "18,3"), (53.62, "53,62"),
                                        (7.0, "7"), (1234567.5, "1.234.567,5")])
def test_figures_are_written_as_vietnamese_numbers(value: float, text: str) -> None:
    assert number(value) == text


def test_a_status_line_is_its_text_and_nothing_else() -> None:
    title = "[Đăng nhập lại](https://example.org/login) ![i](https://x/t.png) <b>A & B</b>"
    shown = plain_html(msg.ARTICLE_ADDED.format(title=title, chunks=2))
    assert "<a" not in shown and "<img" not in shown and "<b>" not in shown
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in shown and plain_html("") == ""
