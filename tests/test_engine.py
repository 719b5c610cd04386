"""The loaded assistant: streaming, the article library, feedback, bad input never breaks it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.engine import Engine, LibraryError
from assistant.feedback import read_feedback, record_feedback
from assistant.settings import load_settings


@pytest.fixture
def engine(tmp_path: Path, small_docs: Path, real_embedder, session_settings) -> Engine:
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"),
                             data_dir=str(tmp_path / "var"),
                             cache_dir=str(session_settings.cache_dir))
    return Engine(settings, real_embedder)


def test_stream_grows_then_ends_with_the_verified_answer(engine: Engine) -> None:
    parts = list(engine.stream("Đề án 06 được phê duyệt ngày nào?"))
    assert len(parts) > 3
    assert all(len(a.text) <= len(b.text) for a, b in zip(parts, parts[1:]))
    final = parts[-1]
    assert "06/1/2022" in final.text and final.citations and not parts[0].citations


def test_added_article_is_answerable_at_once_and_removable(engine: Engine) -> None:
    before = {row.article.id for row in engine.articles()}
    article, message = engine.add_article(
        "Tỉnh Bình Định có 120 sản phẩm OCOP đạt chuẩn trong năm 2024. Đây là kết quả của "
        "chương trình mỗi xã một sản phẩm.", title="OCOP Bình Định", date="2024-12-01",
        source="Báo Bình Định")
    assert "OCOP Bình Định" in message
    answer = engine.ask("Bình Định có bao nhiêu sản phẩm OCOP?")
    assert "120" in answer.text and answer.citations[0].article_id == article.id
    assert (engine.settings.docs_dir / article.path).exists()
    engine.remove_article(article.id)
    assert {row.article.id for row in engine.articles()} == before
    assert engine.ask("Bình Định có bao nhiêu sản phẩm OCOP?").abstained


@pytest.mark.parametrize("content,filename", [
    ("", ""), ("   ", ""), (b"\x00\xff\xfe garbage", "x.txt"), (b"<html></html>", "x.html"),
    (b"hello", "virus.exe"),
])
def test_bad_articles_are_refused_and_nothing_is_lost(engine: Engine, content,
                                                      filename) -> None:
    files = sorted(p.name for p in engine.settings.docs_dir.iterdir())
    rows = len(engine.articles())
    with pytest.raises(LibraryError) as info:
        engine.add_article(content, filename=filename)
    assert "Không thêm được bài viết" in str(info.value)
    assert sorted(p.name for p in engine.settings.docs_dir.iterdir()) == files
    assert len(engine.articles()) == rows
    assert "06/1/2022" in engine.ask("Đề án 06 được phê duyệt ngày nào?").text


def test_duplicate_titles_are_refused(engine: Engine) -> None:
    engine.add_article("Nội dung thứ nhất về 5 điểm.", title="Bài trùng")
    with pytest.raises(LibraryError, match="Đã có bài"):
        engine.add_article("Nội dung thứ hai về 6 điểm.", title="Bài trùng")


def test_removing_an_unknown_article_is_a_clear_error(engine: Engine) -> None:
    with pytest.raises(LibraryError, match="Không có bài"):
        engine.remove_article("khong-ton-tai")


def test_feedback_is_appended_as_jsonl(engine: Engine) -> None:
    answer = engine.ask("Đề án 06 được phê duyệt ngày nào?")
    record_feedback(engine.settings.data_dir, answer, liked=True)
    record_feedback(engine.settings.data_dir, answer, liked=False)
    votes = read_feedback(engine.settings.data_dir)
    assert [v["vote"] for v in votes] == ["like", "dislike"]
    assert votes[0]["question"] == answer.question and votes[0]["citations"][0]["quote"]
    lines = (engine.settings.data_dir / "feedback.jsonl").read_text(encoding="utf-8")
    assert all(json.loads(line) for line in lines.splitlines())


@pytest.mark.parametrize("header_id", ["../escape", "ABSOLUTE"])
def test_an_id_that_would_leave_docs_is_refused_in_the_library(engine: Engine, tmp_path: Path,
                                                               header_id: str) -> None:
    header_id = str(tmp_path / "abs") if header_id == "ABSOLUTE" else header_id
    before = _outside_index(tmp_path)
    rows = len(engine.articles())
    for content, filename in ((f"---\nid: {header_id}\n---\nHuế có 99 dịch vụ công.", ""),
                              (f"---\nid: {header_id}\n---\nHuế có 99 dịch vụ.".encode(), "a.md")):
        with pytest.raises(LibraryError, match="mã bài .* không hợp lệ"):
            engine.add_article(content, filename=filename)
    assert _outside_index(tmp_path) == before and len(engine.articles()) == rows
    assert not any((tmp_path / f"{n}{s}").exists()
                   for n in ("abs", "escape") for s in (".txt", ".md"))


def _outside_index(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.relative_to(root).parts[0] != "i")


def test_an_add_whose_indexing_fails_leaves_nothing_behind(engine: Engine, monkeypatch) -> None:
    import assistant.engine as engine_module

    files = sorted(p.name for p in engine.settings.docs_dir.iterdir())  # hidden ones included
    build = engine.retriever.index.directory

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine_module, "ensure_index", broken)
    with pytest.raises(LibraryError, match="Không thêm được bài viết"):
        engine.add_article("Huế có 99 dịch vụ công trực tuyến.", title="Huế")
    assert sorted(p.name for p in engine.settings.docs_dir.iterdir()) == files
    assert engine.retriever.index.directory == build


def test_an_article_over_the_size_limit_is_refused_with_the_limit_named(
        tmp_path: Path, small_docs: Path, fake_embedder) -> None:
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"),
                             data_dir=str(tmp_path / "var"), max_article_chars=20000)
    engine = Engine(settings, fake_embedder)
    files = sorted(p.name for p in small_docs.iterdir())
    with pytest.raises(LibraryError, match="vượt giới hạn 20000 ký tự"):
        engine.add_article("Một đoạn rất dài về chuyển đổi số ở Nghệ An. " * 600,
                           title="Bài quá dài")
    assert sorted(p.name for p in small_docs.iterdir()) == files
    assert len(engine.articles()) == 2
