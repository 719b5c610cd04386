"""The Gradio web chat: wiring over `Engine`, no answering logic of its own.

API: `/ask` takes a question and returns
`{"answer": str, "abstained": bool, "citations": [{"n", "article_id", "title", "date",
"source", "start", "end", "text", "quote"}], "notices": [str], "figures": [{"label", "value",
"unit", "n"}]}` (the CLI's `ask --json` shape; the full list in `serialize`):
`gradio_client.Client(url).predict("Hải Dương có bao nhiêu sản phẩm OCOP?", api_name="/ask")`.

What the chat shows is built by `ui_render` (escaped once, there); the chat displays it as
HTML with Markdown off. A small page script (`ui_assets.PAGE_JS`) makes every [n] and source title
open its article, copies answers as plain text, keeps a new answer's start in view and puts
Gradio's leftover English labels and `<html lang>` in Vietnamese, and keeps the half-typed
question in localStorage; the conversation itself is kept there by a `BrowserState`
(`ui_memory`). Who may edit the library and the login rate limit are in `ui_guard`.

An add of an article runs in a thread of its own: the library tab shows its real progress
(texts embedded / total), a "Hủy" button stops it (docs/ and the index as they were), an add
that waits for another one says so, and the chat and the library list keep answering meanwhile.
"""
from __future__ import annotations

import functools
import inspect
import logging
import os
import queue
import re
import threading
import uuid
from pathlib import Path
from typing import Callable, Iterator

import gradio as gr

from .. import messages as msg
from .engine import Engine, LibraryError, user_reason
from .feedback import record_feedback, vote_name
from ..schema import Answer, Turn, as_turns
from ..serialize import to_dict
from .slots import AnswerSlots
from .ui_assets import (CONFIRM_IN_VIEW_JS, SCROLL_JS, STATUS_IN_VIEW_JS,
                        TAKE_QUESTION_JS)
from .ui_memory import is_blank, record, restore
from .ui_guard import discard_upload, library_editing_allowed, plain_upload
from .ui_render import (add_progress_html, answer_html, article_html, iso_date, library_html,
                        plain_html, size_label, user_html)

__all__ = ["build_app", "answer_json", "credentials"]

_REF = re.compile(r"(\d+)-(\d+)(?:-\d+)?")


def answer_json(answer: Answer) -> dict:
    """The API's shape of an answer: the CLI's `ask --json` object (`serialize.to_dict`)."""
    return to_dict(answer)


def _new_state() -> dict:
    return {"session": uuid.uuid4().hex[:12], "turns": [], "answers": {}, "votes": {}}


def _in_background(work: Callable[[Callable[[tuple], None]], object]) -> Iterator[tuple]:
    """Run `work(put)` in a thread and yield the events it puts, only the latest of a run of
    ("progress", ...) ones, then ("done", result, error)."""
    events: queue.Queue = queue.Queue()

    def run() -> None:
        try:
            events.put(("done", work(events.put), None))
        except Exception as exc:  # noqa: BLE001 - handed to the handler, which shows it
            events.put(("done", None, exc))

    threading.Thread(target=run, daemon=True, name="library-change").start()
    while True:
        event = events.get()
        while event[0] == "progress" and not events.empty():
            event = events.get()
        yield event
        if event[0] == "done":
            return


def _failure(error: Exception) -> str:
    """What a failed library change says (a LibraryError's message is for the reader)."""
    return str(error) if isinstance(error, LibraryError) \
        else msg.ARTICLE_REJECTED.format(reason=user_reason(error))


def _toasted(handler: Callable) -> Callable:
    """`handler` (a function or a generator function) whose unexpected failure is logged and
    shown as a Vietnamese error toast (Gradio shows none for a plain exception)."""
    def fail(exc: Exception):
        logging.getLogger(__name__).error("library change failed", exc_info=exc)
        return gr.Error(msg.UI_LIBRARY_FAILED, title=msg.UI_ERROR_TITLE)

    if inspect.isgeneratorfunction(handler):
        @functools.wraps(handler)
        def steps(*args, **kwargs):
            try:
                yield from handler(*args, **kwargs)
            except gr.Error:
                raise
            except Exception as exc:  # noqa: BLE001 - shown to the reader, logged in full
                raise fail(exc) from exc
        return steps

    @functools.wraps(handler)
    def call(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as exc:  # noqa: BLE001 - shown to the reader, logged in full
            raise fail(exc) from exc
    return call


def credentials() -> tuple[str | None, str | None]:
    return os.environ.get("ASSISTANT_UI_USERNAME"), os.environ.get("ASSISTANT_UI_PASSWORD")


def build_app(engine: Engine, *, library_editing: bool | None = None,
              slots: AnswerSlots | None = None):
    """The Blocks app: chat tab, article library tab and the `/ask` API. `library_editing`:
    None decides from the settings and whether a login protects the chat (see `ui_guard`).
    `slots`: the answer slots shared with the HTTP API (None: `chat_concurrency` of its own);
    every answer the chat computes holds one."""
    settings = engine.settings
    slots = slots or AnswerSlots(settings.chat_concurrency)
    if library_editing is None:
        library_editing = library_editing_allowed(settings, all(credentials()))
    mode_choices = [(msg.UI_MODE_EXTRACTIVE, "extractive"), (msg.UI_MODE_LLM, "llm")]

    def ask(question: str, history: list | None = None) -> dict:
        """Answer a Vietnamese question with numbered, verified citations; `history`: the
        earlier turns, oldest first, as [{"question": ..., "answer": ...}]."""
        with slots.held():
            return answer_json(engine.ask(question if isinstance(question, str) else "",
                                          as_turns(history)))

    def respond(question, chat, state, k, mode, show_scores):
        if is_blank(question):  # Enter on an empty box, a second click on "Gửi"
            yield gr.skip(), gr.skip(), gr.skip()
            return
        chat, state = list(chat or []), dict(state or _new_state())
        turn = len(chat) + 1  # index of the answer's message in the chat
        chat += [{"role": "user", "content": user_html(question or "")},
                 {"role": "assistant", "content": ""}]
        answer, scores = None, None
        with slots.held():  # given back when Gradio closes the generator (client gone) too
            for answer in engine.stream(question or "", state["turns"], k=int(k), mode=mode):
                chat[-1] = {"role": "assistant",
                            "content": answer_html(answer, turn, partial=True)}
                yield chat, state, gr.skip()
            if show_scores:
                hits = engine.retriever.search(answer.resolved_question or question or "",
                                               k=int(k))
                scores = {h.chunk.id: (h.rank, h.score) for h in hits}
        chat[-1] = {"role": "assistant", "content": answer_html(
            answer, turn, scores=scores, related_min_lexical=settings.related_min_lexical)}
        if (question or "").strip():
            state["turns"] = [*state["turns"], Turn(question, answer.text)]
        state["answers"] = {**state["answers"], turn: answer}
        yield chat, state, record(chat, state)

    def open_source(ref, state):
        m = _REF.fullmatch(ref or "")
        answer = (state or {}).get("answers", {}).get(int(m.group(1))) if m else None
        cited = [c for c in (answer.citations if answer else ()) if c.n == int(m.group(2))]
        article = engine.article(cited[0].article_id) if cited else None
        if cited and article is None:
            return f"<p class='article-removed' role='status'>{msg.UI_ARTICLE_REMOVED}</p>"
        return article_html(article, cited[0].start, cited[0].end) if article \
            else msg.UI_ARTICLE_EMPTY

    def vote(state, data: gr.LikeData):
        state = dict(state or _new_state())
        index = data.index if isinstance(data.index, int) else data.index[0]
        answer = state["answers"].get(index)
        done = state["votes"].get(index, [])
        choice = vote_name(data.liked)
        if answer is None or len(done) >= settings.feedback_max_changes \
                or choice == (done[-1] if done else "none"):
            return state
        record_feedback(settings.data_dir, answer, choice, answer_id=f"{state['session']}-{index}",
                        max_chars=settings.feedback_max_chars)
        state["votes"] = {**state["votes"], index: [*done, choice]}
        gr.Info(msg.UI_FEEDBACK_CLEARED if choice == "none" else msg.UI_FEEDBACK_THANKS,
                title=msg.UI_INFO_TITLE)
        return state

    def reset():
        return [], _new_state(), msg.UI_ARTICLE_EMPTY, {}  # {}: stored, read as no conversation

    def reopen(saved):
        return restore(saved, _new_state())

    def library_view(status=None):
        rows = engine.articles()
        choices = [(f"{r.article.display_title} ({r.article.id})", r.article.id) for r in rows]
        return (library_html([(r.article, r.chunks) for r in rows], engine.skipped()),
                gr.update(choices=choices, value=None), gr.update(visible=False),
                gr.update() if status is None else plain_html(status))

    adding: dict[str, threading.Event] = {}  # session -> cancel switch of its running add

    def add(file, text, title, date, source, request: gr.Request):
        """A generator: the progress of the add, then the library as it is afterwards; the
        outcome is shown at the top of the tab and below the form, where the reader clicked."""
        def finish(status: str, added: bool = False):
            if added or not library_editing:  # Gradio's temp copy is of no more use
                discard_upload(file)
            fields = (None, "", "", "", "") if added else (gr.update(),) * 5
            return (*library_view(status), *fields,
                    gr.update(value=add_progress_html("done", outcome=status), visible=True),
                    gr.update(visible=False))

        if not library_editing:
            yield finish(msg.UI_LIBRARY_REFUSED)
            return
        if file and not os.path.isfile(file):  # removed by the upload sweep (`upload_sweep`)
            yield finish(msg.UI_UPLOAD_EXPIRED.format(minutes=f"{settings.upload_ttl_minutes:g}"))
            return
        iso = iso_date(date)
        size = os.path.getsize(file) if file else len((text or "").encode("utf-8"))
        if iso is None:
            yield finish(msg.UI_BAD_DATE.format(date=date))
        elif size > settings.library_max_bytes:
            yield finish(msg.UI_TOO_LARGE.format(size=size_label(size),
                                                 limit=size_label(settings.library_max_bytes)))
        elif not (file or (text or "").strip()):
            yield finish(msg.UI_NOTHING_TO_ADD)
        else:
            yield from adding_article(file, text, title, iso, source, request, finish)

    def adding_article(file, text, title, iso, source, request, finish):
        content, filename = (Path(file).read_bytes(), Path(file).name) if file else (text, "")
        cancel = threading.Event()
        session = getattr(request, "session_hash", None) or uuid.uuid4().hex
        adding[session] = cancel

        def work(put):
            return engine.add_article(
                content, filename=filename, title=title, date=iso, source=source, cancel=cancel,
                progress=lambda done, total: put(("progress", done, total)),
                waiting=lambda: put(("waiting",)))

        def shown(stage: str, done: int = 0, total: int = 0):
            stage = "cancelling" if cancel.is_set() else stage
            return (*(gr.update(),) * 9, gr.update(value=add_progress_html(stage, done, total),
                                                   visible=True),
                    gr.update(visible=stage != "cancelling"))

        try:
            yield shown("started")
            for event in _in_background(work):
                if event[0] == "waiting":
                    yield shown("waiting")
                elif event[0] == "progress":
                    done, total = event[1], event[2]
                    yield shown("writing" if done >= total else "progress", done, total)
        finally:
            adding.pop(session, None)
        error = event[2]
        yield finish(event[1][1], added=True) if error is None else finish(_failure(error))

    def cancel_add(request: gr.Request):
        switch = adding.get(getattr(request, "session_hash", None) or "")
        if switch is None:
            return gr.update(), gr.update(visible=False)
        switch.set()
        return add_progress_html("cancelling"), gr.update(visible=False)

    def confirm_remove(article_id):
        article = engine.article(article_id or "") if library_editing else None
        if article is None:
            return (plain_html(msg.UI_REMOVE_NONE if library_editing
                               else msg.UI_LIBRARY_REFUSED), gr.update(visible=False), "")
        return "", gr.update(visible=True), plain_html(msg.UI_REMOVE_CONFIRM.format(
            title=article.display_title))

    def remove(article_id):
        """A generator: says so when it waits for an add, then the library afterwards."""
        if not library_editing:
            yield library_view(msg.UI_LIBRARY_REFUSED)
            return
        if not article_id:
            yield library_view(msg.UI_REMOVE_NONE)
            return
        for event in _in_background(lambda put: engine.remove_article(
                article_id, waiting=lambda: put(("waiting",)))):
            if event[0] == "waiting":
                yield (*(gr.update(),) * 3, plain_html(msg.UI_REMOVE_WAITING))
        yield library_view(event[1] if event[2] is None else _failure(event[2]))

    with gr.Blocks(title=msg.UI_TITLE) as app:
        gr.Markdown(f"## {msg.UI_TITLE}\n{msg.UI_INTRO}", elem_id="intro")
        state = gr.State(None)  # made by the first handler that needs it
        # the conversation as the browser keeps it across reloads (`ui_memory`)
        saved = gr.BrowserState(None, storage_key="tro-ly-cuoc-tro-chuyen")
        with gr.Tab(msg.UI_TAB_CHAT):
            with gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=330):
                    chat = gr.Chatbot(label=msg.UI_TAB_CHAT, show_label=False, height=520,
                                      buttons=[],
                                      render_markdown=False, autoscroll=False, elem_id="chat")
                    with gr.Row():
                        box = gr.Textbox(label=msg.UI_INPUT, scale=5, min_width=200,
                                         elem_id="question", placeholder=msg.UI_INPUT_PLACEHOLDER)
                        send = gr.Button(msg.UI_SEND, variant="primary", scale=1, min_width=70,
                                         elem_id="send")
                with gr.Column(scale=2, min_width=330):
                    article = gr.HTML(msg.UI_ARTICLE_EMPTY, label=msg.UI_ARTICLE,
                                      elem_id="article-view")
                    open_ref = gr.Textbox(visible="hidden", elem_id="open-ref")
            gr.Examples([["Hải Dương có bao nhiêu sản phẩm OCOP?"],
                         ["Tỷ trọng kinh tế số trong GDP là bao nhiêu?"],
                         ["Đề án 06 được phê duyệt ngày nào?"],
                         ["chuyen doi so la gi"]], inputs=[box], label=msg.UI_EXAMPLES)
            clear = gr.Button(msg.UI_CLEAR, elem_id="clear")
            with gr.Accordion(msg.UI_SETTINGS, open=False):
                k = gr.Slider(1, 10, value=settings.top_k, step=1, label=msg.UI_K)
                mode = gr.Radio(mode_choices, value="extractive", label=msg.UI_MODE,
                                interactive=engine.llm_available,
                                info=None if engine.llm_available else msg.UI_MODE_LLM_MISSING)
                scores = gr.Checkbox(False, label=msg.UI_SHOW_SCORES)
        with gr.Tab(msg.UI_TAB_LIBRARY):
            status = gr.HTML(plain_html(None if library_editing else msg.UI_LIBRARY_READONLY),
                             elem_id="library-status")  # titles in it: plain text
            table = gr.HTML(elem_id="library")
            with gr.Group(visible=library_editing):
                with gr.Row():
                    upload = plain_upload(gr.File(
                        label=msg.UI_UPLOAD, file_types=[".txt", ".md", ".html", ".htm"],
                        type="filepath", elem_id="library-upload"))
                    with gr.Column():
                        title = gr.Textbox(label=msg.UI_PASTE_TITLE, elem_id="paste-title")
                        date = gr.Textbox(label=msg.UI_PASTE_DATE, elem_id="paste-date")
                        source = gr.Textbox(label=msg.UI_PASTE_SOURCE, elem_id="paste-source")
                pasted = gr.Textbox(label=msg.UI_PASTE, lines=6, elem_id="paste-text")
                with gr.Row():
                    add_btn = gr.Button(msg.UI_ADD, variant="primary", elem_id="add-article",
                                        scale=3)
                    cancel_btn = gr.Button(msg.UI_ADD_CANCEL, variant="stop", visible=False,
                                           elem_id="add-cancel", scale=1, min_width=80)
                progress = gr.HTML("", visible=False, elem_id="add-progress")
                with gr.Row():
                    victim = gr.Dropdown([], value=None, label=msg.UI_REMOVE_PICK,
                                         elem_id="remove-pick")
                    remove_btn = gr.Button(msg.UI_REMOVE, variant="stop", elem_id="remove-article")
                with gr.Column(visible=False, elem_id="remove-confirm") as confirm_row:
                    confirm_text = gr.HTML(elem_id="remove-question")
                    with gr.Row(elem_id="remove-buttons"):
                        yes = gr.Button(msg.UI_REMOVE_YES, variant="stop", elem_id="remove-yes",
                                        min_width=120)
                        no = gr.Button(msg.UI_REMOVE_NO, elem_id="remove-no", min_width=80)

        private = {"api_visibility": "private"}
        # The box is emptied in the browser when the question leaves, never by the answer, so
        # what is typed meanwhile stays; a question sent during an answer runs right after it.
        gr.on([send.click, box.submit], respond, [box, chat, state, k, mode, scores],
              [chat, state, saved], js=TAKE_QUESTION_JS, trigger_mode="always_last", **private)
        clear.click(reset, None, [chat, state, article, saved], **private)
        chat.clear(reset, None, [chat, state, article, saved], **private)
        app.load(reopen, [saved], [chat, state], **private)
        open_ref.change(open_source, [open_ref, state], article, **private).then(
            None, None, None, js=SCROLL_JS, **private)
        chat.like(vote, [state], [state], **private)
        library = [table, victim, confirm_row, status]
        app.load(library_view, None, library, **private)
        # the add shows its own progress (no overlay hides the library list meanwhile) and
        # its own waiting: no Gradio queue in front of it, adds wait on the engine's lock
        added = add_btn.click(_toasted(add), [upload, pasted, title, date, source],
                              [*library, upload, pasted, title, date, source, progress,
                               cancel_btn], show_progress="hidden", concurrency_limit=None,
                              **private)
        added.then(None, None, None, js=STATUS_IN_VIEW_JS % "add-progress", **private)
        added.failure(lambda: (gr.update(visible=False), gr.update(visible=False),
                               plain_html(msg.UI_LIBRARY_FAILED)), None,
                      [progress, cancel_btn, status],
                      **private)  # no progress left running after a failure
        cancel_btn.click(cancel_add, None, [progress, cancel_btn], show_progress="hidden",
                         **private)
        remove_btn.click(_toasted(confirm_remove), [victim], [status, confirm_row, confirm_text],
                         **private).then(None, None, None, js=CONFIRM_IN_VIEW_JS, **private)
        victim.change(lambda: gr.update(visible=False), None, confirm_row, **private)
        yes.click(_toasted(remove), [victim], library, show_progress="minimal",
                  concurrency_limit=None, **private).then(
            None, None, None, js=STATUS_IN_VIEW_JS % "library-status", **private)
        no.click(lambda: (gr.update(visible=False), plain_html(msg.UI_REMOVE_CANCELLED)), None,
                 [confirm_row, status], **private).then(
            None, None, None, js=STATUS_IN_VIEW_JS % "library-status", **private)
        gr.api(ask, api_name="ask")
    return app
