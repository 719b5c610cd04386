"""The one plain-text rendering of an answer (CLI, API, chat copy) and the one filter of the
related passages a declined answer lists: pure functions, no model, no index."""
from __future__ import annotations

from assistant import messages as msg
from assistant.answering.compose import format_date
from assistant.answering.render import answer_text, related_passages, snippet
from assistant.schema import Answer, Article, Chunk, Citation, Hit

QUOTE = "Toàn tỉnh hiện có 234 sản phẩm OCOP đạt từ 3 sao trở lên."


def _citation(n: int = 1, source: str = "Báo Hải Dương", date: str = "2024-07-10") -> Citation:
    return Citation(n=n, article_id="ocop", title="Thụ hưởng thành quả", date=date,
                    source=source, chunk_id="ocop#0", passage=QUOTE, passage_start=0,
                    passage_end=len(QUOTE), quote=QUOTE, start=0, end=len(QUOTE))


def _hit(text: str, lexical: float) -> Hit:
    article = Article(id="a", text=text, title="Bài gần")
    return Hit(rank=1, score=0.9, chunk=Chunk("a#0", "a", 0, len(text), text), article=article,
               lexical_score=lexical)


def test_an_answer_reads_notices_text_then_each_source_with_its_quote() -> None:
    answer = Answer(question="q", text="Hải Dương có 234 sản phẩm OCOP [1].",
                    citations=(_citation(),), notices=("Đã hiểu câu hỏi là: …",))
    assert answer_text(answer).split("\n") == [
        "(Đã hiểu câu hỏi là: …)", "Hải Dương có 234 sản phẩm OCOP [1].", "",
        f"{msg.SOURCES}:", f"[1] Thụ hưởng thành quả (Báo Hải Dương · 10/07/2024): “{QUOTE}”"]


def test_a_source_without_publisher_or_date_says_it_has_no_date() -> None:
    line = answer_text(Answer(question="q", text="A [1]",
                              citations=(_citation(source="", date=""),))).split("\n")[-1]
    assert line == f"[1] Thụ hưởng thành quả ({format_date('')}): “{QUOTE}”"
    assert "()" not in line


def test_related_passages_only_when_declined_and_above_the_lexical_floor() -> None:
    near, far = _hit("Giá vàng hôm nay " * 40, 5.0), _hit("Không liên quan", 1.0)
    declined = Answer(question="q", text=msg.NOT_FOUND, abstained=True, related=(near, far))
    assert related_passages(declined, 3.0) == [near]
    text = answer_text(declined, related_min_lexical=3.0)
    assert msg.RELATED_INTRO in text and "Không liên quan" not in text
    assert text.split("\n")[-1].endswith("…") and len(text) < 400
    answered = Answer(question="q", text="A [1]", citations=(_citation(),), related=(near,))
    assert related_passages(answered, 0.0) == [] and msg.RELATED_INTRO not in answer_text(answered)


def test_a_snippet_is_one_line_cut_at_a_word_and_keeps_vietnamese_text_intact() -> None:
    text = "Chuyển đổi số\n toàn dân, toàn diện, toàn trình. " * 20
    cut = snippet(text, 60)
    assert "\n" not in cut and cut.endswith("…") and len(cut) <= 61
    assert " ".join(text.split()).startswith(cut[:-1])
    assert snippet("Hải Dương") == "Hải Dương"
