"""Front matter read safely (issue 19, points 1 and 2): a bad header costs only its article."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant import messages as msg
from assistant.articles.frontmatter import (MAX_DEPTH, MAX_FIELD_CHARS, MAX_HEADER_CHARS,
                                            HeaderError, read_header)
from assistant.articles.ingest import IngestError, load_articles, save_article

BODY = "Tỉnh Hải Dương có 234 sản phẩm OCOP được công nhận trong năm 2024.\n"
# a small "billion laughs": 9 x 9 x 9 x 9 x 9 x 9 = 531,441 copies of "lol" from 300 bytes
BOMB = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n"
    for a, b in zip("abcde", "bcdef")) + "title: *f\n"
DEEP = "title: " + "[" * 3000 + "]" * 3000 + "\n"


def _article(header: str, body: str = BODY) -> str:
    return f"---\n{header}---\n{body}"


@pytest.mark.parametrize("header, reason", [
    ("date: 2024-02-30\n", msg.HEADER_BAD_DATE.format(date="2024-02-30")),
    (DEEP, msg.HEADER_TOO_DEEP.format(limit=MAX_DEPTH)),
    (BOMB, msg.HEADER_ALIAS),
    ("title: !!binary aGVsbG8=\n", msg.HEADER_FIELD_NOT_VALUE.format(field="title")),
    ("title: [a, b]\n", msg.HEADER_FIELD_NOT_VALUE.format(field="title")),
    (f"title: {'x' * (MAX_FIELD_CHARS + 1)}\n", msg.HEADER_FIELD_TOO_LONG.format(
        field="title", chars=MAX_FIELD_CHARS + 1, limit=MAX_FIELD_CHARS)),
    ("title: [oops\n", msg.ARTICLE_BAD_HEADER.format(
        reason=msg.HEADER_SYNTAX_AT.format(line=1, column=13))),
])
def test_a_bad_header_skips_only_its_article_and_says_why(tmp_path: Path, header: str,
                                                          reason: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bai-tot.txt").write_text(_article("title: Bài tốt\ndate: 2024-02-29\n"), "utf-8")
    (docs / "bai-hong.txt").write_text(_article(header), "utf-8")
    found, errors = load_articles(docs)
    assert [a.id for a in found] == ["bai-tot"] and found[0].date == "2024-02-29"
    assert errors == [f"bai-hong.txt: {reason}"]


def test_limits_are_checked_before_anything_is_built() -> None:
    with pytest.raises(HeaderError) as caught:
        read_header("title: x\n" + "k: v\n" * (MAX_HEADER_CHARS // 5))
    assert str(caught.value) == msg.HEADER_TOO_LARGE.format(
        chars=len("title: x\n" + "k: v\n" * (MAX_HEADER_CHARS // 5)), limit=MAX_HEADER_CHARS)
    assert read_header("date: 2024-02-28 10:30:00\ntitle: 'Đề án 06'\n")["date"] == \
        "2024-02-28 10:30:00"  # a timestamp stays as written


def test_a_pasted_alias_bomb_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(IngestError, match="bí danh"):
        save_article(docs, content=_article(BOMB), max_bytes=200_000)
    assert not docs.exists() or not any(docs.iterdir())


def test_a_pasted_article_over_the_limit_once_rendered_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(IngestError) as caught:
        save_article(docs, content=BODY * 40, title="Bài dài", max_bytes=2_000)
    assert "2000 byte" in str(caught.value)
    assert not docs.exists() or not any(docs.iterdir())


def test_a_bad_header_does_not_stop_adding_others(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bai-hong.txt").write_text(_article("date: 2024-02-30\n"), "utf-8")
    path = save_article(docs, content=BODY, title="Bài mới")
    assert path.name == "bai-moi.txt"
