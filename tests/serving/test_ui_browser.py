"""The chat in a real browser: Debian's chromium driven by Playwright (no browser download),
at desktop (1366×900) and phone (390×844) sizes. One test per point of issue 10."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from assistant import messages as msg
from assistant.serving.engine import Engine

from ..conftest import ROOT
from .ui_server import server, slow_server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>"
DESKTOP, PHONE = (1366, 900), (390, 844)
TITLE = 'Làng "số" của Lê & Cộng sự <Nhóm A>'
ENGLISH = ["Use via API", "Built with Gradio", "Settings", "Drop File Here", "Click to Upload",
           "Copy message", "Like", "Dislike", "Clear", "Liked", "chatbot conversation"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield instance
        instance.close()


def _open(browser, url: str, size=DESKTOP):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    page.locator("#question textarea").wait_for()
    page.wait_for_timeout(300)
    return page


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def page(request, browser, server):  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = _open(browser, server[0], request.param)
    yield page
    page.context.close()


@pytest.fixture
def desktop(browser, server):  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = _open(browser, server[0])
    yield page
    page.context.close()


def _ask(page, question: str, answers: int | None = None) -> None:
    """Send a question and wait for its answer to be complete (its copy link is the last
    thing written)."""
    before = page.locator("#chat .answer .copy-answer").count() if answers is None else answers
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.locator("#chat .answer .copy-answer").nth(before).wait_for(state="attached",
                                                                    timeout=90_000)
    page.wait_for_timeout(300)


def _bot(page):
    return page.locator("#chat [data-testid='bot']").last


def _shot(page, name: str) -> None:
    size = page.viewport_size
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size['width']}.png"))


def _library(page):
    page.get_by_role("tab", name=msg.UI_TAB_LIBRARY).click()
    page.locator("#library table").wait_for()


def _field(page, elem_id: str):
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


# 1. escaped exactly once
def test_quotes_and_ampersands_are_shown_as_typed(desktop, server) -> None:  # noqa: F811
    server[1].add_article("Theo ông Nam, thôn Đông có 987 hộ dùng 'ví số' & 12 \"điểm\" "
                          "<trạm> phát sóng trong năm 2024.", title=TITLE, date="2024-10-02",
                          source="Báo A&B")
    _ask(desktop, "Thôn Đông có bao nhiêu hộ dùng ví số?")
    bot = _bot(desktop)
    text = bot.inner_text()
    assert "987 hộ dùng 'ví số' & 12 \"điểm\" <trạm>" in text
    assert not re.search(r"&#|&amp;|&lt;|&quot;", text)
    label = bot.get_attribute("aria-label")
    assert TITLE in label and "<a" not in label and "&#" not in label
    bot.locator("summary").click()
    assert f"[1] {TITLE}" in bot.inner_text() and "Báo A&B" in bot.inner_text()
    bot.locator("a.src-title").first.click()
    desktop.locator("#article-view h3").get_by_text(TITLE).wait_for(timeout=20_000)
    # the dated answer names its article, whose title has apostrophes
    _ask(desktop, "phien hop lan thu 10 dien ra hoi nao")
    shown = _bot(desktop).inner_text()
    assert "'toàn dân" in shown and "&#" not in shown


# 2. nothing removed by one click
def test_removing_needs_a_chosen_article_and_a_confirmation(desktop, server) -> None:  # noqa: F811
    engine = server[1]
    target, _ = engine.add_article("Tỉnh Hà Giang có 14 xã thí điểm chữ ký số cho người dân trong "
                                   "năm 2024.", title="Hà Giang thí điểm chữ ký số")
    desktop.reload()
    _library(desktop)
    count = len(engine.articles())
    desktop.locator("#remove-article").click()
    desktop.locator("#library-status").get_by_text(msg.UI_REMOVE_NONE).wait_for()
    assert len(engine.articles()) == count
    desktop.locator("#remove-pick input").click()
    option = desktop.get_by_role("option", name=re.compile(re.escape(target.display_title[:30])))
    assert option.count() == 1
    option.click()
    desktop.locator("#remove-article").click()
    question = desktop.locator("#remove-question")
    question.get_by_text(target.display_title[:30]).wait_for()
    _shot(desktop, "remove-confirm")
    assert len(engine.articles()) == count
    desktop.locator("#remove-no").click()
    desktop.locator("#library-status").get_by_text(msg.UI_REMOVE_CANCELLED).wait_for()
    assert engine.article(target.id) is not None
    desktop.locator("#remove-article").click()
    desktop.locator("#remove-yes").click()
    desktop.locator("#library-status").get_by_text("Đã xóa bài").wait_for(timeout=120_000)
    assert engine.article(target.id) is None and len(engine.articles()) == count - 1
    assert target.display_title[:30] not in desktop.locator("#library").inner_text()


def _in_chat_view(page, locator) -> bool:
    return page.evaluate("""(el) => { let box = el.parentElement;
        while (box && !(['auto','scroll'].includes(getComputedStyle(box).overflowY)
               && box.scrollHeight > box.clientHeight)) box = box.parentElement;
        const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
        return r.top >= b.top - 1 && r.top <= b.bottom - 20; }""", locator.element_handle())


# 3. the start of a new answer is what the reader sees
def test_a_new_answer_starts_in_view_with_its_sources_folded(page) -> None:
    _ask(page, "chuyen doi so la gi")
    _ask(page, "Tỷ trọng kinh tế số trong GDP là bao nhiêu?")
    page.evaluate("""() => { document.querySelectorAll('#chat *').forEach((e) => {
        if (e.scrollHeight > e.clientHeight) e.scrollTop = 0; }); }""")
    _ask(page, "Đề án 06 được phê duyệt ngày nào?")
    bot = _bot(page)
    assert _in_chat_view(page, bot.locator(".answer-text"))
    assert bot.locator("details.sources").get_attribute("open") is None
    assert not bot.locator(".src-list").is_visible()
    _shot(page, "answer-in-view")


# 4. every [n] and every title opens its article, for any answer
def test_every_marker_and_title_opens_its_article(page) -> None:
    _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    _ask(page, "Đề án 06 được phê duyệt ngày nào?")
    first = page.locator("#chat [data-testid='bot']").nth(0)
    start_y = page.evaluate("() => window.scrollY")
    first.locator("a.cite").first.click()
    page.locator("#cited-span").get_by_text("234 sản phẩm OCOP", exact=False).wait_for(
        timeout=20_000)
    page.wait_for_timeout(500)
    box = page.evaluate("""() => { const m = document.getElementById('cited-span')
        .getBoundingClientRect(); const c = document.querySelector('.article')
        .getBoundingClientRect();
        return [m.top, m.bottom, c.top, c.bottom, window.innerHeight]; }""")
    assert box[0] >= box[2] - 1 and box[1] <= box[3] + 1, box  # in view inside the reader
    assert box[0] < box[4] and box[1] > 0, box  # and the reader is in the window
    if page.viewport_size["width"] > 700:
        assert page.evaluate("() => window.scrollY") == start_y  # the page did not move
    _shot(page, "source-open")
    second = _bot(page)
    second.locator("summary").click()
    assert not re.search(r"^\s*\d+\.\s*\[", second.locator(".src-list").inner_text(), re.M)
    second.locator("a.src-title").first.click()
    page.locator("#cited-span").get_by_text("06/1/2022", exact=False).wait_for(timeout=20_000)


# 5. the library is read per page load; fields clear; dates as readers type them
def test_library_is_read_on_each_page_load(browser, server) -> None:  # noqa: F811
    url, engine = server
    other = Engine(engine.settings, engine.embedder)  # another process's view of the index
    other.add_article("Tỉnh Lai Châu có 43 điểm truy cập Internet công cộng mới trong năm 2024.",
                      title="Lai Châu mở rộng Internet công cộng", date="2024-09-09")
    page = _open(browser, url)
    try:
        _library(page)
        assert "Lai Châu mở rộng Internet công cộng" in page.locator("#library").inner_text()
        page.get_by_role("tab", name=msg.UI_TAB_CHAT).click()
        _ask(page, "Lai Châu có bao nhiêu điểm truy cập Internet công cộng mới?")
        assert "43" in _bot(page).inner_text()
        _library(page)
        _field(page, "paste-title").fill("Điện Biên số hóa hồ sơ")
        _field(page, "paste-date").fill("15/11/2025")
        _field(page, "paste-source").fill("Báo Điện Biên")
        _field(page, "paste-text").fill("Tỉnh Điện Biên đã số hóa 61 nghìn hồ sơ hộ tịch trong "
                                         "năm 2025 theo báo cáo của sở tư pháp.")
        page.locator("#add-article").click()
        page.locator("#library-status").get_by_text("Đã thêm bài").wait_for(timeout=120_000)
        for field in ("paste-title", "paste-date", "paste-source", "paste-text"):
            assert _field(page, field).input_value() == ""
        added = [r.article for r in engine.articles()
                 if r.article.title == "Điện Biên số hóa hồ sơ"]
        assert added and added[0].date == "2025-11-15"
        assert "15/11/2025" in page.locator("#library").inner_text()
        _shot(page, "library")
        other.refresh()
        other.remove_article(added[0].id)
        page.reload()
        _library(page)
        assert "Điện Biên số hóa hồ sơ" not in page.locator("#library").inner_text()
    finally:
        page.context.close()


# 6. a large article is refused at once; the chat stays usable
def test_a_too_large_article_is_refused_up_front(desktop, server, tmp_path) -> None:  # noqa: F811
    engine = server[1]
    count = len(engine.articles())
    big = tmp_path / "rat-lon.txt"
    big.write_text("Tỉnh Y có 5 trạm phát sóng mới. " * 20_000, encoding="utf-8")  # ~650 KB
    _library(desktop)
    _field(desktop, "paste-text").fill(big.read_text(encoding="utf-8"))
    desktop.locator("#add-article").click()
    desktop.locator("#library-status").get_by_text("quá lớn", exact=False).wait_for(timeout=30_000)
    assert len(engine.articles()) == count
    desktop.locator("#library-upload input[type=file]").set_input_files(str(big))
    desktop.locator(".toast-body").get_by_text("Tệp quá lớn: rat-lon.txt", exact=False).wait_for()
    assert "exceed" not in desktop.locator(".toast-body").first.inner_text()
    assert len(engine.articles()) == count
    desktop.get_by_role("tab", name=msg.UI_TAB_CHAT).click()
    _ask(desktop, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    assert "234" in _bot(desktop).inner_text()


def _figures(page) -> tuple[int, int]:
    """(done, total) as the add's progress line shows them ("… 48/301 câu (15%)")."""
    text = page.locator("#add-progress").inner_text()
    m = re.search(r"(\d[\d.]*)/(\d[\d.]*) câu", text)
    assert m, text
    return int(m.group(1).replace(".", "")), int(m.group(2).replace(".", ""))


def _long_article(tag: str, n: int = 300) -> str:
    return " ".join(f"Xã {tag} {i} có {i + 7} trạm phát sóng 5G mới trong năm 2025."
                    for i in range(n))


# 6. an add shows real progress and can be cancelled; the chat and the library stay usable
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_add_shows_real_progress_and_can_be_cancelled(browser, slow_server,  # noqa: F811
                                                         size) -> None:
    url, engine, embedder = slow_server
    tag = f"Tân Lập {size[0]}"
    title = f"Phủ sóng 5G xã {tag}"
    docs = engine.settings.docs_dir
    files = sorted(p.name for p in docs.iterdir())
    build = engine.retriever.index.directory
    page, other = _open(browser, url, size), None
    embedder.delay = 0.1  # seconds per sentence: the add lasts about 30 s unless cancelled
    try:
        _library(page)
        _field(page, "paste-title").fill(title)
        _field(page, "paste-text").fill(_long_article(tag))
        page.locator("#add-article").click()
        page.locator("#add-progress [data-stage='progress']").wait_for(timeout=60_000)
        done, total = _figures(page)
        assert 300 <= total <= 302  # the article's sentences and its title, not a percentage
        page.wait_for_function("""(before) => {
            const m = document.querySelector('#add-progress').innerText.match(/(\\d+)\\//);
            return m && +m[1] > before; }""", arg=done, timeout=30_000)
        later, _ = _figures(page)
        bar = page.locator("#add-progress progress")
        assert int(bar.get_attribute("value")) >= later > done
        assert int(bar.get_attribute("max")) == total
        cancel = page.locator("#add-cancel")
        assert cancel.is_visible() and cancel.inner_text().strip() == msg.UI_ADD_CANCEL
        page.locator("#add-progress").scroll_into_view_if_needed()
        box = cancel.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= size[0]
        _shot(page, "add-progress")
        if size == DESKTOP:
            # the library list stays readable and another add waits, visibly, with its own Hủy
            assert "Đề án 06" in page.locator("#library").inner_text()
            other = _open(browser, url, size)
            _library(other)
            _field(other, "paste-title").fill("Bài chờ thêm")
            _field(other, "paste-text").fill("Xã Yên Bình có 12 trạm phát sóng mới.")
            other.locator("#add-article").click()
            other.locator("#add-progress").get_by_text(msg.UI_ADD_WAITING).wait_for(
                timeout=30_000)
            other.locator("#add-progress").scroll_into_view_if_needed()
            _shot(other, "add-waiting")
            other.locator("#add-cancel").click()
            other.locator("#library-status").get_by_text(msg.ARTICLE_CANCELLED).wait_for(
                timeout=30_000)
            # the chat answers during the add
            page.get_by_role("tab", name=msg.UI_TAB_CHAT).click()
            _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
            assert "234" in _bot(page).inner_text()
            _library(page)
            assert page.locator("#add-progress [data-stage='progress']").count() == 1
        page.locator("#add-cancel").click()
        page.locator("#library-status").get_by_text(msg.ARTICLE_CANCELLED).wait_for(
            timeout=60_000)
        assert not page.locator("#add-cancel").is_visible()
        page.locator("#add-progress").get_by_text(msg.ARTICLE_CANCELLED).wait_for()
        assert title not in page.locator("#library").inner_text()
        assert _field(page, "paste-title").input_value() == title  # kept to try again
        assert all(r.article.title not in (title, "Bài chờ thêm") for r in engine.articles())
        assert sorted(p.name for p in docs.iterdir()) == files  # no .upload-*, no article
        assert engine.retriever.index.directory == build  # the previous build kept serving
        page.get_by_role("tab", name=msg.UI_TAB_CHAT).click()
        _ask(page, f"Xã {tag} 12 có bao nhiêu trạm phát sóng 5G mới?")
        assert tag not in _bot(page).text_content()
    finally:
        embedder.delay = 0.0
        page.context.close()
        if other is not None:
            other.context.close()


# 7. typing is kept; a question sent during an answer is answered after it
def test_typing_during_an_answer_is_kept_and_sent(desktop) -> None:
    box = desktop.locator("#question textarea")
    box.fill("chuyen doi so la gi")
    desktop.locator("#send").click()
    box.type("Đề án 06 được phê duyệt ngày nào?", delay=5)
    desktop.locator("#chat .answer .copy-answer").first.wait_for(state="attached", timeout=90_000)
    desktop.wait_for_timeout(500)
    assert box.input_value() == "Đề án 06 được phê duyệt ngày nào?"
    box.fill("Hải Dương có bao nhiêu sản phẩm OCOP?")
    desktop.locator("#send").click()
    box.fill("Tỷ trọng kinh tế số trong GDP là bao nhiêu?")
    box.press("Enter")  # while the OCOP answer is being written
    desktop.locator("#chat .answer .copy-answer").nth(2).wait_for(state="attached",
                                                                   timeout=90_000)
    users = desktop.locator("#chat [data-testid='user']").all_inner_texts()
    assert users[-2:] == ["Hải Dương có bao nhiêu sản phẩm OCOP?",
                          "Tỷ trọng kinh tế số trong GDP là bao nhiêu?"]


# 8. one behaviour for both clear controls
@pytest.mark.parametrize("control", ["trash", "new"])
def test_clearing_forgets_the_conversation(desktop, control: str) -> None:
    _ask(desktop, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    _bot(desktop).locator("a.cite").first.click()
    desktop.locator("#cited-span").wait_for(timeout=20_000)
    if control == "trash":
        desktop.locator("#chat button[aria-label='Xóa cuộc trò chuyện']").click()
    else:
        desktop.locator("#clear").click()
    desktop.locator("#article-view").get_by_text(msg.UI_ARTICLE_EMPTY[:30]).wait_for()
    _ask(desktop, "Còn năm 2024 thì sao?", answers=0)
    assert "Hải Dương" not in _bot(desktop).inner_text()


# 9. copy gives plain text
def test_copy_gives_the_answer_and_its_sources_as_plain_text(desktop) -> None:
    _ask(desktop, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    bot = _bot(desktop)
    bot.locator("a.copy-answer").click()
    desktop.wait_for_timeout(500)
    copied = desktop.evaluate("() => navigator.clipboard.readText()")
    lines = copied.splitlines()
    assert "234" in lines[0] and "[1]" in lines[0] and f"{msg.SOURCES}:" in lines
    assert any(line.startswith("[1] ") for line in lines) and "<" not in copied
    assert "<" not in bot.get_attribute("aria-label")


# 10. Vietnamese everywhere
def test_everything_the_reader_sees_is_vietnamese(page) -> None:
    assert page.evaluate("() => document.documentElement.lang") == "vi"
    _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    page.locator("#chat button[aria-label='Thích']").last.click()
    page.get_by_text(msg.UI_INFO_TITLE, exact=True).first.wait_for()
    labels = page.evaluate("""() => [...document.querySelectorAll('[aria-label],[title]')]
        .flatMap((e) => [e.getAttribute('aria-label'), e.getAttribute('title')])
        .filter(Boolean)""")
    _library(page)
    text = page.locator("body").inner_text()
    for word in ENGLISH:
        assert word not in labels and not re.search(rf"\b{word}\b", text), word
    assert "Info" not in text and "Thả tệp vào đây" in text
    assert "ASSISTANT_" not in text
    assert page.evaluate("() => document.documentElement.lang") == "vi"


def test_scores_use_decimal_commas(desktop) -> None:
    desktop.get_by_text(msg.UI_SETTINGS).click()
    desktop.get_by_label(msg.UI_SHOW_SCORES).check()
    _ask(desktop, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    bot = _bot(desktop)
    bot.locator("summary").click()
    text = bot.inner_text()
    assert re.search(r"điểm \d+,\d{3}", text) and re.search(r"\d,\d\d", text)
    assert not re.search(r"điểm \d+\.\d", text) and not re.search(r"chứng: \d\.\d", text)


# 11. declines show only related passages
def test_a_decline_lists_no_unrelated_passages(desktop) -> None:
    _ask(desktop, "Giá vàng hôm nay bao nhiêu?")
    bot = _bot(desktop)
    assert msg.NOT_FOUND in bot.inner_text()
    assert msg.RELATED_INTRO not in bot.inner_text()


# 12. the log says what the reader did; one vote per answer and session
def test_unlike_is_logged_as_taken_back_and_votes_are_bounded(desktop, server) -> None:  # noqa: F811
    _ask(desktop, "Đề án 06 được phê duyệt ngày nào?")
    log = Path(server[1].settings.data_dir) / "feedback.jsonl"
    before = len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0
    for _ in range(6):
        desktop.locator("#chat button[aria-label='Thích'], #chat button[aria-label='Đã thích']"
                        ).last.click()
        desktop.wait_for_timeout(700)
    records = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()][before:]
    assert [r["vote"] for r in records] == ["like", "none", "like"]
    assert len({r["answer_id"] for r in records}) == 1 and "06/1/2022" in records[0]["answer"]


# 13. phone: question, answer and sources in order, readable library
def test_phone_layout_reads_in_order(browser, server) -> None:  # noqa: F811
    page = _open(browser, server[0], PHONE)
    try:
        send = page.locator("#send").bounding_box()
        assert send["y"] + send["height"] <= PHONE[1]
        _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
        _shot(page, "phone-answer")
        tops = [page.locator(sel).bounding_box()["y"] for sel in
                ("#chat", "#question", "#article-view")]
        assert tops == sorted(tops)
        options = page.get_by_text(msg.UI_SETTINGS).bounding_box()["y"]
        assert options > tops[-1]
        _library(page)
        cell = page.locator("#library td.lib-title").first
        assert cell.bounding_box()["width"] > 250
        assert "mono" not in cell.evaluate("(e) => getComputedStyle(e).fontFamily").lower()
        _shot(page, "phone-library")
    finally:
        page.context.close()


def test_script_payloads_never_run(desktop) -> None:
    _ask(desktop, XSS + " Đề án 06?")
    desktop.wait_for_timeout(1000)
    assert desktop.evaluate("() => window.__xss") is None
    assert "onerror" in desktop.locator("#chat").inner_text()  # shown as text, not markup
    _library(desktop)
    _field(desktop, "paste-title").fill("Bài có mã độc")
    _field(desktop, "paste-text").fill(
        f"Tỉnh Kon Tum có 77 điểm phát sóng mới {XSS} trong năm 2024 theo báo cáo.")
    desktop.locator("#add-article").click()
    desktop.locator("#library-status").get_by_text("Đã thêm bài").wait_for(timeout=120_000)
    desktop.get_by_role("tab", name=msg.UI_TAB_CHAT).click()
    _ask(desktop, "Kon Tum có bao nhiêu điểm phát sóng mới?")
    _bot(desktop).locator("a.cite").first.click()
    desktop.locator("#cited-span").wait_for(timeout=20_000)
    desktop.wait_for_timeout(1000)
    assert desktop.evaluate("() => window.__xss") is None
    assert "onerror" in desktop.locator(".article").inner_text()
