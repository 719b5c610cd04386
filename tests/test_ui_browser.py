"""The chat in a real browser: Debian's chromium driven by Playwright (no browser download)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT
from .ui_server import server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server[0])
    page.locator("#question textarea").wait_for()
    yield page
    context.close()


def _ask(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()


def test_answer_shows_highlighted_source_and_opens_the_article(page) -> None:
    _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    mark = page.locator("#chat .sources mark").first
    mark.wait_for(timeout=60_000)
    assert "234 sản phẩm OCOP" in mark.inner_text()
    assert "[1]" in page.locator("#chat").inner_text()
    assert "Nguồn" in page.locator("#chat").inner_text()
    page.locator("#source-pick label").first.click()
    cited = page.locator("#cited-span")
    cited.wait_for(timeout=20_000)
    page.wait_for_timeout(500)
    box = page.evaluate("() => { const m = document.getElementById('cited-span')"
                        ".getBoundingClientRect(); const c = document.querySelector('.article')"
                        ".getBoundingClientRect(); return [m.top, m.bottom, c.top, c.bottom]; }")
    assert box[0] >= box[2] - 1 and box[1] <= box[3] + 1, box  # in view inside the reader
    assert "Hải Dương đang thực hiện tốt chế độ an sinh" in page.locator(".article").inner_text()
    page.screenshot(path=str(ARTIFACTS / "answer.png"))


def test_like_is_logged(page, server) -> None:  # noqa: F811
    _ask(page, "Đề án 06 được phê duyệt ngày nào?")
    page.locator("#chat .sources mark").first.wait_for(timeout=60_000)
    page.locator("#chat button[aria-label='Like']").last.click()
    log = Path(server[1].settings.data_dir) / "feedback.jsonl"
    page.wait_for_timeout(1500)
    votes = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert votes[-1]["vote"] == "like" and "06/1/2022" in votes[-1]["answer"]
    page.screenshot(path=str(ARTIFACTS / "liked.png"))


def test_added_article_is_answerable_at_once(page) -> None:
    page.get_by_role("tab", name="Thư viện bài viết").click()
    page.locator("#paste-title textarea, #paste-title input").first.fill("Bình Định đẩy mạnh OCOP")
    page.locator("#paste-date textarea, #paste-date input").first.fill("2024-12-01")
    page.locator("#paste-source textarea, #paste-source input").first.fill("Báo Bình Định")
    page.locator("#paste-text textarea").fill(
        "Tỉnh Bình Định hiện có 321 sản phẩm OCOP được công nhận. Các sản phẩm này đã được "
        "đưa lên sàn thương mại điện tử của tỉnh trong năm 2024.")
    page.locator("#add-article").click()
    page.locator("#library-status").get_by_text("Đã thêm bài").wait_for(timeout=120_000)
    assert "Bình Định đẩy mạnh OCOP" in page.locator("#library").inner_text()
    page.screenshot(path=str(ARTIFACTS / "library.png"))
    page.get_by_role("tab", name="Trò chuyện").click()
    _ask(page, "Bình Định có bao nhiêu sản phẩm OCOP?")
    page.locator("#chat .sources mark").first.wait_for(timeout=60_000)
    chat = page.locator("#chat").inner_text()
    assert "321" in chat and "Bình Định đẩy mạnh OCOP" in chat


def test_script_payloads_never_run(page) -> None:
    _ask(page, XSS + " Đề án 06?")
    page.locator("#chat .message").nth(1).wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.__xss") is None
    assert "onerror" in page.locator("#chat").inner_text()  # shown as text, not markup
    page.get_by_role("tab", name="Thư viện bài viết").click()
    page.locator("#paste-title textarea, #paste-title input").first.fill("Bài có mã độc")
    page.locator("#paste-text textarea").fill(
        f"Tỉnh Kon Tum có 77 điểm phát sóng mới {XSS} trong năm 2024 theo báo cáo.")
    page.locator("#add-article").click()
    page.locator("#library-status").get_by_text("Đã thêm bài").wait_for(timeout=120_000)
    page.get_by_role("tab", name="Trò chuyện").click()
    _ask(page, "Kon Tum có bao nhiêu điểm phát sóng mới?")
    page.locator("#chat .sources mark").first.wait_for(timeout=60_000)
    page.locator("#source-pick label").first.click()
    page.locator("#cited-span").wait_for(timeout=20_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("() => window.__xss") is None
    assert "onerror" in page.locator(".article").inner_text()
    page.screenshot(path=str(ARTIFACTS / "xss.png"))
