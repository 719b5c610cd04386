"""Sentence splitting keeps Vietnamese numbers, abbreviations and quotes; chunk offsets are
exact."""
from __future__ import annotations

import pytest

from assistant.articles.chunk import chunk_article, split_sentences
from assistant.schema import Article


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("keep", [
    "tổng số cơ sở dữ liệu hiện nay là 2.398 cơ sở dữ liệu.",
    "có 80,2% hộ gia đình sử dụng cáp quang.",
    "có 87.9% bệnh viện trực thuộc Bộ Y tế triển khai thanh toán không dùng tiền mặt.",
    "Bộ trưởng Bộ TT&TT Nguyễn Mạnh Hùng phát biểu.",
    "Chủ tịch UBND tỉnh chủ trì.",
    "phê duyệt Đề án 06 (ngày 06/1/2022) và đã triển khai.",
])
def test_numbers_and_abbreviations_stay_in_one_sentence(keep: str) -> None:
    text = f"Câu trước. {keep[0].upper() + keep[1:]} Câu sau."
    assert keep[0].upper() + keep[1:] in _sentences(text)


def test_quoted_speech_is_not_split() -> None:
    quote = ("“Năm 2023 là năm bản lề. Có được một năm 2023 thành công sẽ quyết định kết quả”, "
             "báo cáo nêu rõ.")
    assert _sentences(f"Mở đầu. {quote} Kết thúc.") == ["Mở đầu.", quote, "Kết thúc."]
    straight = '"Chuyển đổi số góp phần. Từ đó, đẩy mạnh phát triển," Thủ tướng khẳng định.'
    assert _sentences(straight) == [straight]


def test_paragraph_break_ends_a_sentence_and_spans_are_trimmed() -> None:
    text = "Tiêu đề phụ không dấu chấm\n\n  Câu một. Câu hai!  "
    assert _sentences(text) == ["Tiêu đề phụ không dấu chấm", "Câu một.", "Câu hai!"]


def test_every_chunk_is_the_article_text_at_its_offsets(articles, real_index) -> None:
    assert real_index.chunks
    for chunk in real_index.chunks:
        article = articles[chunk.article_id]
        assert article.text[chunk.start:chunk.end] == chunk.text
        assert chunk.sentences[0][0] == chunk.start and chunk.sentences[-1][1] == chunk.end
        for s, e in chunk.sentences:
            assert chunk.start <= s < e <= chunk.end


def test_chunks_cover_every_sentence_within_the_token_budget(articles, real_index,
                                                            real_embedder,
                                                            session_settings) -> None:
    for article in articles.values():
        chunks = [c for c in real_index.chunks if c.article_id == article.id]
        covered = {s for c in chunks for s in c.sentences}
        assert covered == set(split_sentences(article.text))
        for c in chunks:
            if len(c.sentences) > 1:
                assert real_embedder.count_tokens(c.text) <= session_settings.chunk_max_tokens + 10


def test_consecutive_chunks_overlap_by_a_sentence() -> None:
    text = " ".join(f"Câu số {i} có năm từ." for i in range(12))
    article = Article(id="a", text=text)
    chunks = chunk_article(article, lambda t: len(t.split()), max_tokens=15, min_tokens=5,
                           overlap=1)
    assert len(chunks) > 2
    for first, second in zip(chunks, chunks[1:]):
        assert first.sentences[-1] == second.sentences[0]
        assert article.text[first.start:first.end] == first.text


def test_non_ascii_offsets_round_trip() -> None:
    text = "Đà Nẵng đạt 58,2%. Nghệ An tăng 9 bậc. Hải Dương có 234 sản phẩm OCOP."
    article = Article(id="vi", text=text)
    for chunk in chunk_article(article, lambda t: len(t.split()), max_tokens=8, min_tokens=1,
                               overlap=0):
        assert text[chunk.start:chunk.end] == chunk.text
        assert chunk.text.encode("utf-8").decode("utf-8") == chunk.text
