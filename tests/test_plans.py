"""The corpus tables the plans share (no model, no index)."""
from __future__ import annotations

from unittest import mock

from assistant import plans
from assistant.schema import Article


def _article(ident: str, text: str) -> Article:
    return Article(id=ident, text=text, content_hash=f"h-{ident}-{len(text)}")


def test_corpus_names_are_read_per_article_and_only_changed_ones_again() -> None:
    a = _article("a", "Tại tỉnh Hải Dương, đồng chí Triệu Thế Hùng chủ trì. Phó Chủ tịch dự.")
    b = _article("b", "Thủ tướng Phạm Minh Chính chủ trì phiên họp.")
    names = plans._names_of([a, b])
    assert {"hai duong", "trieu the hung", "pham minh chinh"} <= names.names
    assert "pho chu" not in names.names  # a capitalised title is no name
    assert "hai duong" in names.places and names.shown["hai duong"] == "Hải Dương"
    c = _article("c", "Tại Nghệ An, ông Bùi Đình Long chủ trì.")
    with mock.patch.object(plans, "_article_names", wraps=plans._article_names) as read:
        names = plans._names_of([a, c])  # b removed, c added
    assert [call.args[0] for call in read.call_args_list] == [c.text]
    assert "pham minh chinh" not in names.names and "bui dinh long" in names.names
