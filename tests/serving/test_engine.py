"""The loaded assistant: streaming, the article library, feedback, bad input never breaks it."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from assistant.serving.engine import Engine, LibraryError
from assistant.serving.feedback import read_feedback, record_feedback
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
    import assistant.serving.engine as engine_module

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


# Adding an article: real progress, cancel, waiting for another add (issue 10, point 6)
_LONG = " ".join(f"Xã Tân {i} có {i + 3} điểm phát sóng 5G mới trong năm 2025." for i in range(60))


@pytest.fixture
def fast_engine(tmp_path: Path, small_docs: Path, fake_embedder) -> Engine:
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"),
                             data_dir=str(tmp_path / "var"), embed_batch_size=4)
    return Engine(settings, fake_embedder)


def _docs(engine: Engine) -> list[str]:
    return sorted(p.name for p in engine.settings.docs_dir.iterdir())  # hidden ones included


def test_an_add_reports_the_texts_embedded_out_of_the_total(fast_engine: Engine,
                                                             fake_embedder) -> None:
    fake_embedder.calls.clear()
    seen: list[tuple[int, int]] = []
    fast_engine.add_article(_LONG, title="Phủ sóng 5G xã Tân",
                            progress=lambda done, total: seen.append((done, total)))
    totals = {t for _, t in seen}
    assert len(totals) == 1 and totals.pop() == len(fake_embedder.calls) > 40
    dones = [d for d, _ in seen]
    assert dones[0] == 0 and dones == sorted(dones) and dones[-1] == seen[-1][1]
    assert len(set(dones)) > 10  # it moves batch by batch


@pytest.mark.parametrize("when", ["before", "embedding", "after the last batch"])
def test_a_cancelled_add_leaves_docs_and_the_index_as_they_were(fast_engine: Engine, when: str,
                                                                 tmp_path: Path) -> None:
    from assistant.serving.engine import AddCancelled
    from assistant.indexing.store import ensure_index, load_index

    files, rows = _docs(fast_engine), len(fast_engine.articles())
    build = fast_engine.retriever.index.directory
    cancel = threading.Event()
    if when == "before":
        cancel.set()

    def progress(done: int, total: int) -> None:
        if (when == "embedding" and done >= 8) or (when != "embedding" and done == total):
            cancel.set()

    with pytest.raises(AddCancelled, match="Đã hủy thêm bài"):
        fast_engine.add_article(_LONG, title="Phủ sóng 5G xã Tân", progress=progress,
                                cancel=cancel)
    assert _docs(fast_engine) == files and len(fast_engine.articles()) == rows
    live = load_index(fast_engine.settings.index_dir)
    assert not any(a.title == "Phủ sóng 5G xã Tân" for a in live.articles.values())
    if when != "after the last batch":  # nothing was written: the same build keeps serving
        assert live.directory == build == fast_engine.retriever.index.directory
    _, report = ensure_index(fast_engine.settings, fast_engine.embedder)
    assert report.action == "unchanged"  # the index is in line with docs/
    assert fast_engine.ask("Xã Tân 7 có bao nhiêu điểm phát sóng 5G?").abstained
    article, _ = fast_engine.add_article(_LONG, title="Phủ sóng 5G xã Tân")  # nothing in the way
    cited = fast_engine.ask("Xã Tân 7 có bao nhiêu điểm phát sóng 5G?").citations
    assert cited and cited[0].article_id == article.id


def test_an_add_waiting_for_another_says_so_and_can_be_cancelled(fast_engine: Engine) -> None:
    from assistant.serving.engine import AddCancelled

    embedding, release = threading.Event(), threading.Event()

    def slow(done: int, total: int) -> None:
        embedding.set()
        assert release.wait(30)

    first = threading.Thread(target=fast_engine.add_article, args=(_LONG,),
                             kwargs={"title": "Bài thứ nhất", "progress": slow})
    first.start()
    assert embedding.wait(30)
    said, cancel = [], threading.Event()

    def waiting() -> None:
        said.append("waiting")
        cancel.set()

    with pytest.raises(AddCancelled):
        fast_engine.add_article("Huế có 99 dịch vụ công trực tuyến.", title="Bài thứ hai",
                                cancel=cancel, waiting=waiting)
    removals: list[str] = []
    remover = threading.Thread(target=lambda: removals.append(fast_engine.remove_article(
        "tang-cuong-nhan-thuc-chuyen-doi-so", waiting=lambda: removals.append("waiting"))))
    remover.start()
    while not removals:  # the removal is waiting for the first add, and says so
        time.sleep(0.01)
    assert said == ["waiting"] and removals == ["waiting"]
    assert fast_engine.ask("Bao nhiêu Bộ, ngành chưa bảo đảm an ninh, an toàn hệ thống cổng "
                           "dịch vụ công?").citations  # the chat still answers
    release.set()
    first.join(30)
    remover.join(30)
    titles = {r.article.title for r in fast_engine.articles()}
    assert "Bài thứ nhất" in titles and "Bài thứ hai" not in titles
    assert len(removals) == 2 and "Đã xóa bài" in removals[1]


def test_upload_leftovers_of_a_killed_add_are_removed_at_start_up(
        tmp_path: Path, small_docs: Path, fake_embedder, caplog) -> None:
    import logging
    import os

    old, fresh = small_docs / ".upload-k1ll3d.txt", small_docs / ".upload-running.txt"
    for path in (old, fresh):
        path.write_text("---\nid: bai-do-dang\n---\nNội dung dở dang.", encoding="utf-8")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    caplog.set_level(logging.WARNING, logger="assistant")
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"))
    Engine(settings, fake_embedder)
    assert not old.exists() and fresh.exists()  # one of an add running now is left alone
    assert any("tệp tạm còn sót" in r.getMessage() and old.name in r.getMessage()
               for r in caplog.records)


def test_a_bad_header_in_docs_is_listed_as_not_indexed_and_adds_go_on(
        tmp_path: Path, small_docs: Path, fake_embedder, caplog) -> None:
    """Issue 19 (1): the library shows the file left out and why; adds still work."""
    from assistant.serving.ui_render import library_html

    (small_docs / "ngay-sai.txt").write_text("---\ndate: 2024-02-30\n---\nBài một.\n", "utf-8")
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"))
    with caplog.at_level("WARNING"):
        engine = Engine(settings, fake_embedder)
    reason = "ngày “2024-02-30” trong phần đầu YAML không có thật (năm-tháng-ngày)"
    assert engine.skipped() == [("ngay-sai.txt", reason)]
    assert f"Bỏ qua tệp ngay-sai.txt: {reason}" in caplog.text
    article, _ = engine.add_article("Tỉnh Bình Định có 120 sản phẩm OCOP.", title="OCOP")
    assert article.id == "ocop" and engine.skipped() == [("ngay-sai.txt", reason)]
    page = library_html([(r.article, r.chunks) for r in engine.articles()], engine.skipped())
    assert "ngay-sai.txt</span>: ngày “2024-02-30”" in page


def test_a_system_error_is_said_in_vietnamese(engine: Engine, monkeypatch) -> None:
    """Issue 19 (11): "[Errno 13] Permission denied" never reaches the reader."""
    import assistant.articles.ingest as ingest

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest.os, "link", refused)
    with pytest.raises(LibraryError) as caught:
        engine.add_article("Tỉnh Bình Định có 120 sản phẩm OCOP.", title="OCOP")
    assert "không có quyền truy cập" in str(caught.value)
    assert "Errno" not in str(caught.value) and "Permission" not in str(caught.value)


@pytest.mark.slow
def test_every_route_of_a_server_follows_a_build_made_by_another_process(
        tmp_path: Path, real_index, real_embedder, session_settings) -> None:
    """Issue 19, point 3: a server (its own process) and an article removed by another; the
    API's answers, search, library and OpenAI route stop citing it at once."""
    import httpx

    from .test_http_guard import start_server, stop_server

    url, proc, _ = start_server(tmp_path, session_settings)
    question = {"question": "Đề án 06 được phê duyệt ngày nào?"}
    chat = {"messages": [{"role": "user", "content": question["question"]}]}
    try:
        with httpx.Client(timeout=120) as client:
            cited = client.post(f"{url}/api/ask", json=question).json()["citations"]
            gone = cited[0]["article_id"]
            other = Engine(load_settings(env={}, docs_dir=str(tmp_path / "docs"),
                                         index_dir=str(tmp_path / "i"),
                                         data_dir=str(tmp_path / "var2"),
                                         cache_dir=str(session_settings.cache_dir)),
                           real_embedder)
            other.remove_article(gone)  # from this process: a new build the server did not make
            answer = client.post(f"{url}/api/ask", json=question).json()
            assert gone not in {c["article_id"] for c in answer["citations"]}
            assert "06/1/2022" not in answer["answer"]
            hits = client.get(f"{url}/api/search", params={"q": "Đề án 06", "k": 5}).json()
            assert hits and gone not in {h["article_id"] for h in hits}
            rows = client.get(f"{url}/api/articles").json()
            assert rows and gone not in {r["article_id"] for r in rows}
            completion = client.post(f"{url}/v1/chat/completions", json=chat).json()
            assert gone not in {c["article_id"] for c in completion["citations"]}
    finally:
        stop_server(proc)


@pytest.mark.slow
def test_a_restart_after_a_killed_add_answers_at_once_and_catches_up(
        tmp_path: Path, real_index, session_settings) -> None:
    """Issue 19, point 14: `kill -9` while an add embeds; the restarted server answers from
    the last good build at once and embeds the pending article in the background."""
    import httpx

    from ..conftest import until
    from assistant import messages as msg
    from .test_http_guard import _fn_index, _queue_join, start_server, stop_server

    text = "\n\n".join(f"Xã số {i} của tỉnh Minh Hà có {i * 7 % 97 + 3} điểm phục vụ công nghệ "
                       f"thông tin và {i % 13 + 2} cán bộ hướng dẫn người dân trong năm 2025."
                       for i in range(1100))
    url, proc, _ = start_server(tmp_path, session_settings, ASSISTANT_LIBRARY_EDITING="on")
    docs = tmp_path / "docs"
    def articles() -> set[str]:  # an upload's hidden temporary file is no article yet
        return {p.name for p in docs.iterdir() if not p.name.startswith(".")}
    before = articles()
    try:
        with httpx.Client(timeout=120) as client:
            fn, trigger = _fn_index(client.get(f"{url}/config").json(), "add-article")
            _queue_join(client, url, fn, trigger, [None, text, "Minh Hà phủ sóng", "", ""])
            until(lambda: articles() - before, "the article saved", 60)
        proc.kill()  # kill -9 while it embeds
        proc.wait(timeout=30)
    finally:
        stop_server(proc)
    assert len(articles() - before) == 1  # saved, never indexed
    url, proc, log = start_server(tmp_path, session_settings, ASSISTANT_LIBRARY_EDITING="on")
    try:
        with httpx.Client(timeout=120) as client:
            rows = client.get(f"{url}/api/articles").json()
            assert [r for r in rows if r["title"] == "Minh Hà phủ sóng"] == []  # the last build
            assert len(rows) == 2
            answer = client.post(f"{url}/api/ask", json={
                "question": "Đề án 06 được phê duyệt ngày nào?"}).json()
            assert "06/1/2022" in answer["answer"]
            until(lambda: "Minh Hà phủ sóng" in {r["title"] for r in client.get(
                f"{url}/api/articles").json()}, "the pending article indexed", 300)
        assert msg.INDEX_CAUGHT_UP.split("(")[0] in log.read_text()
    finally:
        stop_server(proc)
