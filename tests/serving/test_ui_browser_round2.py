"""The chat in a real browser, round 2 (issue 20): one test per point, at desktop (1366×900)
and phone (390×844, touch) sizes; Debian's chromium driven by Playwright."""
from __future__ import annotations

import re

import pytest

from assistant import messages as msg
from assistant.serialize import to_dict

from .test_ui_browser import (ARTIFACTS, DESKTOP, PHONE, _ask, _bot, _field, _in_chat_view,
                              _library, _shot, browser)  # noqa: F401  (fixture)
from .ui_server import server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

LANDSCAPE = (844, 390)
# English words Gradio or a browser may put on screen or read out; none is a Vietnamese word.
ENGLISH = re.compile(
    r"\b(the|and|or|of|file|files|upload|click|drop|here|error|invalid|type|only|allowed|more|"
    r"tabs?|reset|default|value|complete|loading|settings|clear|submit|cancel|info|warning|"
    r"close|scroll|down|message|like|dislike|liked|copy|copied|chatbot|conversation|built|"
    r"with|gradio|use|via|api|connection|errored|out|failed|undo|retry|edit|remove|download|"
    r"empty|language|theme|feedback|paste|clipboard|dropdown|radio|slider|checkbox|"
    r"common\.\w+|\w+\.\w+_\w+)\b", re.I)


def _open(browser, url: str, size) -> object:  # noqa: F811
    phone = size[0] < 1000
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  has_touch=phone, is_mobile=phone,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    page.locator("#question textarea").wait_for()
    page.wait_for_timeout(500)
    return page


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def page(request, browser, server):  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = _open(browser, server[0], request.param)
    yield page
    page.context.close()


def _in_window(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= -1 and box["y"] + min(box["height"], 40) <= height


def _reload(page) -> None:
    page.reload()
    page.locator("#question textarea").wait_for()
    page.wait_for_timeout(800)


# 1. the removal confirmation is a normal dialog at every width
def test_the_removal_confirmation_reads_as_a_dialog(page, server) -> None:  # noqa: F811
    target, _ = server[1].add_article(
        "Tỉnh Cao Bằng có 21 xã thí điểm chợ số trong năm 2024.", title="Cao Bằng thí điểm chợ số")
    try:
        _reload(page)
        _library(page)
        page.locator("#remove-pick input").click()
        page.get_by_role("option", name=re.compile("Cao Bằng thí điểm chợ số")).click()
        page.locator("#remove-article").click()
        question = page.locator("#remove-question")
        question.get_by_text("Cao Bằng thí điểm chợ số", exact=False).wait_for()
        page.wait_for_timeout(400)
        box = question.bounding_box()
        assert box["width"] >= min(300, page.viewport_size["width"] - 120), box
        assert box["height"] <= 160, box
        for button in ("#remove-yes", "#remove-no"):
            assert _in_window(page, button), button
        _shot(page, "remove-dialog")
        page.locator("#remove-no").click()
        page.locator("#library-status").get_by_text(msg.UI_REMOVE_CANCELLED).wait_for()
        page.wait_for_timeout(800)
        assert _in_window(page, "#library-status")
    finally:
        server[1].remove_article(target.id)


def _names(page) -> list[str]:
    """Every visible text and accessible name (aria-label, title, placeholder, alt)."""
    return page.evaluate("""() => {
        const out = [document.body.innerText];
        document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-valuetext]')
          .forEach((e) => ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']
            .forEach((a) => { const v = e.getAttribute(a); if (v) out.push(v); }));
        document.querySelectorAll('[aria-live],[role=status],[role=alert]').forEach(
          (e) => out.push(e.textContent));
        return out; }""")


def _toast(page, trigger) -> None:
    """Close the toasts shown, do `trigger`, wait for the toast it brings."""
    for close in page.locator(".toast-close").all():
        if close.is_visible():
            close.click()
    page.wait_for_function("() => !document.querySelector('.toast-body')", timeout=30_000)
    trigger()
    page.locator(".toast-body").first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)


def _english(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        clean = re.sub(r"https?://\S+|\S+\.(txt|md|html?|docx|png)\b", " ", text or "")
        found += [m.group(0) for m in ENGLISH.finditer(clean)]
    return found


# 2. every string shown or read out is Vietnamese, error toasts included
def test_every_string_shown_or_read_out_is_vietnamese(page, server, tmp_path,  # noqa: F811
                                                      monkeypatch) -> None:
    engine = server[1]
    texts = _names(page)
    _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    texts += _names(page)
    _library(page)
    page.wait_for_timeout(800)
    texts += _names(page)
    bad = tmp_path / "bai.docx"
    bad.write_bytes(b"PK\x03\x04 not a text")
    page.locator("#library-upload input[type=file]").set_input_files(str(bad))
    page.locator(".toast-body").first.wait_for()
    page.wait_for_timeout(500)
    assert "bai.docx" in page.locator(".toast-body").first.inner_text()
    page.locator("#library-upload").scroll_into_view_if_needed()
    _shot(page, "upload-refused")
    # the drop zone stays a drop zone (the toast says why), not a bare error badge
    assert not page.locator("#library-upload [data-testid=status-tracker] .error").is_visible()
    drop = page.locator("#library-upload [data-testid=upload-text]")
    assert drop.is_visible() and page.evaluate("""(el) => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && (el.contains(hit) || hit.contains(el)); }""", drop.element_handle())
    texts += _names(page)
    assert not _english(texts), sorted(set(_english(texts)))

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(engine, "articles", broken)
    _field(page, "paste-text").fill("Xã Tân Lập có 9 trạm phát sóng mới trong năm 2025.")
    _toast(page, page.locator("#add-article").click)
    texts += _names(page)
    page.locator("#library-status").get_by_text(msg.UI_LIBRARY_FAILED).wait_for()
    assert not page.locator("#add-cancel").is_visible()  # nothing left running
    monkeypatch.setattr(engine, "article", broken)
    _toast(page, page.locator("#remove-article").click)
    texts += _names(page)
    _shot(page, "vietnamese-toasts")
    monkeypatch.undo()
    assert "disk on fire" not in " ".join(texts) and msg.UI_LIBRARY_FAILED in " ".join(texts)
    assert not _english(texts), sorted(set(_english(texts)))


def _users(page) -> int:
    return page.locator("#chat [data-testid='user']").count()


# 3. empty or repeated submits are ignored
def test_empty_and_repeated_submits_are_ignored(page) -> None:
    box = page.locator("#question textarea")
    box.press("Enter")
    page.locator("#send").click()
    box.fill("   ")
    page.locator("#send").click()
    page.wait_for_timeout(1500)
    assert _users(page) == 0 and page.locator("#chat .answer").count() == 0
    box.fill("Đề án 06 được phê duyệt ngày nào?")
    page.locator("#send").click()
    page.wait_for_timeout(400)
    page.locator("#send").click()
    page.locator("#chat .answer .copy-answer").first.wait_for(state="attached", timeout=90_000)
    page.wait_for_timeout(2500)
    assert _users(page) == 1
    assert msg.EMPTY_QUESTION[:20] not in page.locator("#chat").inner_text()


# 4. the conversation and the half-typed question survive a reload, until cleared
def test_the_conversation_survives_a_reload_until_cleared(page) -> None:
    _ask(page, "Tỷ trọng kinh tế số trong GDP năm 2023 là bao nhiêu?")
    page.locator("#question textarea").fill("Câu hỏi đang gõ dở")
    page.wait_for_timeout(300)
    _reload(page)
    assert page.locator("#question textarea").input_value() == "Câu hỏi đang gõ dở"
    page.locator("#chat .answer").first.wait_for(timeout=10_000)
    assert "kinh tế số" in page.locator("#chat [data-testid='user']").first.inner_text()
    _ask(page, "Còn năm 2024 thì sao?")
    text = _bot(page).inner_text()
    assert msg.FOLLOWUP_NEEDS_CONTEXT[:40] not in text and "2024" in text
    _bot(page).locator("a.cite").first.click()
    page.locator("#cited-span").wait_for(timeout=20_000)
    page.locator("#chat button[aria-label='Xóa cuộc trò chuyện']").click()
    page.wait_for_timeout(800)
    _reload(page)
    page.wait_for_timeout(1000)
    assert page.locator("#chat .answer").count() == 0 and _users(page) == 0


# 5. no label covers the first line of the chat
def test_no_label_covers_the_chat(page) -> None:
    _ask(page, "Hải Dương có bao nhiêu sản phẩm OCOP?")
    _ask(page, "Đề án 06 được phê duyệt ngày nào?")
    # nothing of the chat's block (a floating label) lies over its scrolling area
    covering = page.evaluate("""() => {
        const chat = document.getElementById('chat');
        const area = [...chat.querySelectorAll('*')].find(
            (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY));
        const b = area.getBoundingClientRect();
        return [...chat.querySelectorAll('label, [data-testid=block-label], .block-label')]
          .filter((e) => { if (area.contains(e)) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.bottom > b.top && r.top < b.bottom
              && r.right > b.left && r.left < b.right; })
          .map((e) => e.textContent.trim() || e.outerHTML.slice(0, 80)); }""")
    assert covering == []
    # the line scrolled to the top of the chat ("Nguồn (1)") is what the top shows
    summary = _bot(page).locator("summary")
    covered = page.evaluate("""(el) => {
        let box = el.parentElement;
        while (box && !['auto','scroll'].includes(getComputedStyle(box).overflowY))
            box = box.parentElement;
        box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
        return hit && !el.contains(hit) ? hit.outerHTML.slice(0, 120) : ''; }""",
                            summary.element_handle())
    assert covered == ""


# 6. a long question is folded under "Xem thêm"; the answer starts in view
def test_a_long_question_is_folded(page) -> None:
    question = ("Tỷ trọng kinh tế số trong GDP là bao nhiêu? "
                + "Xin nói rõ từng năm. " * 250)[:5000]
    _ask(page, question)
    user = page.locator("#chat [data-testid='user']").last
    assert user.bounding_box()["height"] <= 320, user.bounding_box()
    more = user.get_by_text(msg.UI_QUESTION_MORE)
    assert more.is_visible()
    assert _in_chat_view(page, _bot(page).locator(".answer-text"))
    _shot(page, "long-question")
    more.click()
    assert len(user.inner_text()) >= 4900


# 7. the question box in view, phone landscape included
@pytest.mark.parametrize("size", [DESKTOP, PHONE, LANDSCAPE],
                         ids=["desktop", "phone", "landscape"])
def test_the_question_box_is_in_view(browser, server, size) -> None:  # noqa: F811
    page = _open(browser, server[0], size)
    try:
        for selector in ("#question textarea", "#send"):
            box = page.locator(selector).bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= size[1], (selector, box)
        _ask(page, "Đề án 06 được phê duyệt ngày nào?")
        page.evaluate("() => window.scrollTo(0, 0)")
        box = page.locator("#question textarea").bounding_box()
        assert box["y"] + box["height"] <= size[1], box
        assert page.locator("#chat").bounding_box()["height"] >= 140
        _shot(page, "question-in-view")
    finally:
        page.context.close()


# 8. status messages are brought into view
def test_status_messages_come_into_view(page, server) -> None:  # noqa: F811
    try:
        _status_messages_come_into_view(page, server)
    finally:  # the next size adds the same article
        for row in server[1].articles():
            if row.article.title == "Bắc Kạn phủ sóng 4G":
                server[1].remove_article(row.article.id)


def _status_messages_come_into_view(page, server) -> None:  # noqa: F811
    _library(page)
    _field(page, "paste-title").fill("Bắc Kạn phủ sóng 4G")
    _field(page, "paste-text").fill("Tỉnh Bắc Kạn đã phủ sóng 4G tới 108 thôn vùng cao trong "
                                     "năm 2025 theo báo cáo của sở thông tin.")
    page.locator("#add-article").click()
    page.locator("#add-progress").get_by_text("Đã thêm bài", exact=False).wait_for(
        timeout=120_000)
    page.wait_for_timeout(800)
    assert _in_window(page, "#add-progress")
    _shot(page, "add-done")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    added = [r.article for r in server[1].articles() if r.article.title == "Bắc Kạn phủ sóng 4G"]
    page.locator("#remove-pick input").click()
    page.get_by_role("option", name=re.compile("Bắc Kạn phủ sóng 4G")).click()
    page.locator("#remove-article").click()
    page.locator("#remove-yes").click()
    page.locator("#library-status").get_by_text("Đã xóa bài", exact=False).wait_for(
        timeout=120_000)
    page.wait_for_timeout(800)
    assert _in_window(page, "#library-status")
    assert server[1].article(added[0].id) is None


# 9. a citation to a removed article says so
def test_a_citation_to_a_removed_article_says_so(page, server) -> None:  # noqa: F811
    engine = server[1]
    target, _ = engine.add_article("Tỉnh Sơn La có 37 điểm thanh toán không dùng tiền mặt ở chợ "
                                   "trong năm 2024.", title="Sơn La chợ không tiền mặt")
    _ask(page, "Sơn La có bao nhiêu điểm thanh toán không dùng tiền mặt ở chợ?")
    assert "37" in _bot(page).inner_text()
    engine.remove_article(target.id)
    _bot(page).locator("a.cite").first.click()
    view = page.locator("#article-view")
    view.get_by_text(msg.UI_ARTICLE_REMOVED).wait_for(timeout=20_000)
    page.wait_for_timeout(600)
    assert _in_window(page, "#article-view .article-removed")
    _shot(page, "removed-citation")


# 10. figures of one measure across years drawn under the answer, and carried as data
def test_figures_across_years_are_drawn_under_the_answer(page, server) -> None:  # noqa: F811
    engine = server[1]
    target, _ = engine.add_article(
        "Theo Sở Thông tin và Truyền thông, năm 2023 tỷ lệ hộ gia đình có cáp quang của tỉnh "
        "Quảng Trị đạt 71,4%. Đến năm 2024, tỷ lệ hộ gia đình có cáp quang của tỉnh Quảng Trị "
        "đạt 83,2%. Tỉnh đặt mục tiêu phủ cáp quang mọi thôn vào năm 2025.",
        title="Quảng Trị phủ cáp quang", date="2025-01-15")
    try:
        question = "Tỷ lệ hộ gia đình có cáp quang ở Quảng Trị năm 2023 và năm 2024 là bao nhiêu?"
        _reload(page)
        _ask(page, question)
        chart = _bot(page).locator("figure.figures")
        chart.wait_for()
        rows = chart.locator(".fig-row")
        assert rows.count() == 2
        texts = rows.all_inner_texts()
        assert "năm 2023" in texts[0] and "71,4%" in texts[0] and re.search(r"\[\d\]", texts[0])
        assert "năm 2024" in texts[1] and "83,2%" in texts[1]
        bars = [b["width"] for b in (chart.locator(".fig-bar").nth(i).bounding_box()
                                     for i in range(2))]
        assert 0 < bars[0] < bars[1]
        width = page.viewport_size["width"]
        for i in range(2):
            box = rows.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
            size = rows.nth(i).evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
            assert size >= 12
        assert chart.locator("figcaption").inner_text() == msg.UI_FIGURES_TITLE
        chart.scroll_into_view_if_needed()
        _shot(page, "figures")
        _bot(page).locator("a.copy-answer").click()
        page.wait_for_timeout(500)
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert re.search(rf"{msg.UI_FIGURES_TITLE}: năm 2023: 71,4% \[\d\]; năm 2024: 83,2%",
                         copied), copied
        data = engine.ask(question)
        assert [(f["label"], f["value"], f["unit"]) for f in to_dict(data)["figures"]] == [
            ("năm 2023", 71.4, "%"), ("năm 2024", 83.2, "%")]
    finally:
        engine.remove_article(target.id)
