"""Pages in a real browser, issue 19: an article title is plain text wherever the library tab
says it (point 7); the API docs page works with no network beyond the server (point 13).
Debian's chromium driven by Playwright."""
from __future__ import annotations

import re

import pytest

from assistant import messages as msg

from .test_http_guard import start_server, stop_server
from .test_ui_browser import _field, _library, _open, browser  # noqa: F401  (fixture)
from .ui_server import server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

TRAP = "Bài mẫu [Đăng nhập lại](https://example.org/login) ![i](https://example.org/t.png)"


def _plain(page, selector: str) -> str:
    """The text of `selector`, which must hold no link and no image."""
    box = page.locator(selector)
    assert box.locator("a").count() == 0 and box.locator("img").count() == 0
    return box.inner_text()


def test_a_title_with_markdown_stays_plain_text(browser, server) -> None:  # noqa: F811
    url, engine = server
    page = _open(browser, url)
    remote: list[str] = []
    page.context.route(re.compile(r"https?://(?!127\.0\.0\.1)"),
                       lambda route: (remote.append(route.request.url), route.abort()))
    try:
        _library(page)
        _field(page, "paste-title").fill(TRAP)
        _field(page, "paste-date").fill("02/03/2025")
        _field(page, "paste-text").fill("Xã Tân Phú lắp 17 màn hình tra cứu thủ tục hành chính "
                                         "cho người dân trong năm 2025.")
        page.locator("#add-article").click()
        status = page.locator("#library-status")
        status.get_by_text("Đã thêm bài").wait_for(timeout=120_000)
        assert TRAP in _plain(page, "#library-status")
        assert TRAP in _plain(page, "#add-progress")
        added = next(r.article for r in engine.articles() if r.article.title == TRAP)
        page.locator("#remove-pick input").click()
        page.get_by_role("option", name=re.compile(re.escape(added.id))).click()
        page.locator("#remove-article").click()
        page.locator("#remove-question").get_by_text("Xóa bài").wait_for()
        assert _plain(page, "#remove-question") == msg.UI_REMOVE_CONFIRM.format(title=TRAP)
        page.locator("#remove-yes").click()
        status.get_by_text("Đã xóa bài").wait_for(timeout=120_000)
        assert _plain(page, "#library-status") == msg.ARTICLE_REMOVED.format(title=TRAP)
        assert engine.article(added.id) is None
        page.wait_for_timeout(500)
        assert remote == []  # no remote image asked for, no link followed
    finally:
        page.context.close()


def test_the_api_docs_page_needs_no_other_host(browser, tmp_path, real_index,  # noqa: F811
                                               session_settings) -> None:
    url, proc, _ = start_server(tmp_path, session_settings)
    context = browser.new_context()
    remote: list[str] = []
    context.route(re.compile(r"https?://(?!127\.0\.0\.1)"),
                  lambda route: (remote.append(route.request.url), route.abort()))
    try:
        page = context.new_page()
        page.goto(f"{url}/api/docs")
        page.locator(".swagger-ui .info .title").get_by_text("Trợ lý").wait_for(timeout=30_000)
        page.get_by_text("/api/ask").first.wait_for()
        page.get_by_text("/v1/chat/completions").first.wait_for()
        assert page.evaluate("typeof SwaggerUIBundle") == "function"
        assert remote == []
    finally:
        context.close()
        stop_server(proc)
