"""The Gradio web chat: wiring over `Engine`, no answering logic of its own.

API: `/ask` takes a question and returns
`{"answer": str, "abstained": bool, "citations": [{"n", "article_id", "title", "date",
"source", "start", "end", "text", "quote"}], "notices": [str]}` (the CLI's `ask --json` shape):
`gradio_client.Client(url).predict("Hải Dương có bao nhiêu sản phẩm OCOP?", api_name="/ask")`.

Everything that comes from articles, uploads or users is HTML-escaped before it is shown.
"""
from __future__ import annotations

import html
import ipaddress
import os
import sys
import time
from pathlib import Path

import gradio as gr

from . import messages as msg
from .answer import format_date
from .engine import Engine, LibraryError
from .feedback import record_feedback
from .schema import Answer, Article, Citation, as_turns
from .serialize import to_dict
from .settings import Settings

__all__ = ["build_app", "serve", "render_article", "answer_json"]

_CSS = """
.sources {font-size: 0.92em; border-top: 1px solid #ddd; margin-top: .6em; padding-top: .4em}
.sources mark, .article mark {background: #ffe58a; padding: 0 2px}
.article {max-height: 520px; overflow-y: auto; padding: .5em 1em; border: 1px solid #ddd;
          border-radius: 6px; line-height: 1.6}
.article h3 {margin-top: 0}
"""
_SCROLL_JS = "() => { const m = document.getElementById('cited-span'); " \
             "if (m) { m.scrollIntoView({block: 'center'}); } }"
_MD_SPECIAL = str.maketrans({"*": "&#42;", "_": "&#95;", "`": "&#96;", "#": "&#35;",
                             "[": "&#91;", "]": "&#93;", "|": "&#124;", "~": "&#126;",
                             "\\": "&#92;", "$": "&#36;"})


def _safe(text: str) -> str:
    """Escaped for HTML and inert for Markdown."""
    return html.escape(text).translate(_MD_SPECIAL)


def _marked(text: str) -> str:
    """An answer's text, escaped, with its [n] markers kept readable."""
    out = _safe(text)
    return out.replace("&#91;", "[").replace("&#93;", "]")


def answer_json(answer: Answer) -> dict:
    """The API's shape of an answer: the CLI's `ask --json` object (`serialize.to_dict`)."""
    return to_dict(answer)


def _passage_html(c: Citation) -> str:
    before = c.passage[: c.start - c.passage_start]
    after = c.passage[c.end - c.passage_start:]
    return f"{_safe(before)}<mark>{_safe(c.quote)}</mark>{_safe(after)}"


def _message(answer: Answer, scores: dict[str, tuple[int, float]] | None) -> str:
    parts = [f"<p><i>{_safe(n)}</i></p>" for n in answer.notices]
    parts.append(_marked(answer.text))
    if scores is not None:
        parts.append(f"<p><small>{_safe(msg.UI_CONFIDENCE.format(value=answer.confidence))}"
                     "</small></p>")
    items = []
    for c in answer.citations:
        meta = " · ".join(_safe(x) for x in (c.source, format_date(c.date)) if x)
        score = ""
        if scores is not None and c.chunk_id in scores:
            rank, value = scores[c.chunk_id]
            score = f" <small>({_safe(msg.UI_SCORE.format(rank=rank, score=value))})</small>"
        items.append(f"<li><b>[{c.n}] {_safe(c.title)}</b> — {meta}{score}<br>"
                     f"{_passage_html(c)}</li>")
    if items:
        parts.append(f"<div class='sources'><b>{msg.SOURCES}</b><ol>{''.join(items)}</ol></div>")
    if answer.related:
        rows = "".join(f"<li><b>{_safe(h.article.display_title)}</b>: {_safe(h.chunk.text)}</li>"
                       for h in answer.related)
        parts.append(f"<div class='sources'><b>{msg.RELATED_INTRO}</b><ul>{rows}</ul></div>")
    return "\n\n".join(parts)


def render_article(article: Article, start: int, end: int) -> str:
    """The whole article, escaped, with the cited span in <mark id="cited-span">."""
    text = article.text
    body = (f"{_safe(text[:start])}<mark id='cited-span'>{_safe(text[start:end])}</mark>"
            f"{_safe(text[end:])}").replace("\n\n", "</p><p>")
    meta = " · ".join(_safe(x) for x in (article.source, format_date(article.date),
                                          article.author) if x)
    return (f"<div class='article'><h3>{_safe(article.display_title)}</h3><p><small>{meta}"
            f"</small></p><p>{body}</p></div>")


def build_app(engine: Engine):
    """The Blocks app: chat tab, article library tab and the `/ask` API."""
    settings = engine.settings
    mode_choices = [(msg.UI_MODE_EXTRACTIVE, "extractive"), (msg.UI_MODE_LLM, "llm")]

    def ask(question: str, history: list | None = None) -> dict:
        """Answer a Vietnamese question with numbered, verified citations; `history`: the
        earlier turns, oldest first, as [{"question": ..., "answer": ...}]."""
        engine.refresh()  # a build made by another process (`python -m assistant index`)
        return answer_json(engine.ask(question if isinstance(question, str) else "",
                                      as_turns(history)))

    def respond(question, chat, state, k, mode, show_scores):
        chat = list(chat or [])
        state = dict(state or {"questions": [], "answers": {}})
        history = list(state["questions"])
        chat.append({"role": "user", "content": _safe(question or "")})
        chat.append({"role": "assistant", "content": ""})
        answer = None
        for answer in engine.stream(question or "", history, k=int(k), mode=mode):
            chat[-1] = {"role": "assistant", "content": _marked(answer.text)}
            yield "", chat, state, gr.update()
        scores = None
        if show_scores:
            hits = engine.retriever.search(answer.resolved_question or question or "", k=int(k))
            scores = {h.chunk.id: (h.rank, h.score) for h in hits}
        chat[-1] = {"role": "assistant", "content": _message(answer, scores)}
        if (question or "").strip():
            state["questions"] = history + [question]
        state["answers"] = {**state["answers"], len(chat) - 1: answer}
        state["last"] = answer
        choices = [(f"[{c.n}] {c.title}", c.n) for c in answer.citations]
        yield "", chat, state, gr.update(choices=choices, value=None)

    def open_source(n, state):
        answer = (state or {}).get("last")
        cited = [c for c in (answer.citations if answer else ()) if c.n == n]
        if not cited:
            return msg.UI_ARTICLE_EMPTY
        c = cited[0]
        article = engine.article(c.article_id)
        return render_article(article, c.start, c.end) if article else msg.UI_ARTICLE_EMPTY

    def vote(state, data: gr.LikeData):
        answer = (state or {}).get("answers", {}).get(data.index if isinstance(data.index, int)
                                                      else data.index[0])
        if answer is not None:
            record_feedback(settings.data_dir, answer, bool(data.liked))
            gr.Info(msg.UI_FEEDBACK_THANKS)

    def library_rows():
        return [[r.article.display_title, format_date(r.article.date), r.article.source,
                 r.chunks, r.article.id] for r in engine.articles()]

    def library_update(status):
        ids = [r.article.id for r in engine.articles()]
        return status, library_rows(), gr.update(choices=ids, value=None)

    def add(file, text, title, date, source, progress=gr.Progress()):
        progress(0.2, desc=msg.UI_ADDING)
        try:
            if file:
                path = Path(file)
                _, status = engine.add_article(path.read_bytes(), filename=path.name,
                                               title=title, date=date, source=source)
            elif (text or "").strip():
                _, status = engine.add_article(text, title=title, date=date, source=source)
            else:
                status = msg.UI_NOTHING_TO_ADD
        except LibraryError as exc:
            status = str(exc)
        progress(1.0)
        return (*library_update(_safe(status)), None, "")

    def remove(article_id):
        try:
            status = engine.remove_article(article_id or "")
        except LibraryError as exc:
            status = str(exc)
        return library_update(_safe(status))

    with gr.Blocks(title=msg.UI_TITLE) as app:
        gr.Markdown(f"## {msg.UI_TITLE}\n{msg.UI_INTRO}")
        state = gr.State({"questions": [], "answers": {}})
        with gr.Tab(msg.UI_TAB_CHAT):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label=msg.UI_TAB_CHAT, height=520, buttons=["copy"],
                                      elem_id="chat")
                    with gr.Row():
                        box = gr.Textbox(label=msg.UI_INPUT, scale=5, elem_id="question",
                                         placeholder=msg.UI_INPUT_PLACEHOLDER)
                        send = gr.Button(msg.UI_SEND, variant="primary", scale=1,
                                         elem_id="send")
                    gr.Examples([["Hải Dương có bao nhiêu sản phẩm OCOP?"],
                                 ["Tỷ trọng kinh tế số trong GDP là bao nhiêu?"],
                                 ["Đề án 06 được phê duyệt ngày nào?"],
                                 ["chuyen doi so la gi"]], inputs=[box], label=msg.UI_EXAMPLES)
                    clear = gr.Button(msg.UI_CLEAR, elem_id="clear")
                    with gr.Accordion(msg.UI_SETTINGS, open=False):
                        k = gr.Slider(1, 10, value=settings.top_k, step=1, label=msg.UI_K)
                        mode = gr.Radio(mode_choices, value="extractive", label=msg.UI_MODE,
                                        interactive=engine.llm_available,
                                        info=None if engine.llm_available
                                        else msg.UI_MODE_LLM_MISSING)
                        scores = gr.Checkbox(False, label=msg.UI_SHOW_SCORES)
                with gr.Column(scale=2):
                    pick = gr.Radio([], label=msg.UI_SOURCE_PICK, elem_id="source-pick")
                    article = gr.HTML(msg.UI_ARTICLE_EMPTY, label=msg.UI_ARTICLE,
                                      elem_id="article-view")
        with gr.Tab(msg.UI_TAB_LIBRARY):
            status = gr.Markdown(elem_id="library-status")
            table = gr.Dataframe(library_rows(), headers=msg.UI_LIB_HEADERS,
                                 interactive=False, wrap=True, elem_id="library",
                                 column_widths=["42%", "12%", "16%", "8%", "22%"])
            with gr.Row():
                upload = gr.File(label=msg.UI_UPLOAD, file_types=[".txt", ".md", ".html",
                                                                  ".htm"], type="filepath")
                with gr.Column():
                    title = gr.Textbox(label=msg.UI_PASTE_TITLE, elem_id="paste-title")
                    date = gr.Textbox(label=msg.UI_PASTE_DATE, elem_id="paste-date")
                    source = gr.Textbox(label=msg.UI_PASTE_SOURCE, elem_id="paste-source")
            pasted = gr.Textbox(label=msg.UI_PASTE, lines=6, elem_id="paste-text")
            add_btn = gr.Button(msg.UI_ADD, variant="primary", elem_id="add-article")
            with gr.Row():
                victim = gr.Dropdown([r.article.id for r in engine.articles()],
                                     label=msg.UI_REMOVE_PICK, elem_id="remove-pick")
                remove_btn = gr.Button(msg.UI_REMOVE, variant="stop", elem_id="remove-article")

        private = {"api_visibility": "private"}
        inputs = [box, chat, state, k, mode, scores]
        outputs = [box, chat, state, pick]
        send.click(respond, inputs, outputs, **private)
        box.submit(respond, inputs, outputs, **private)
        clear.click(lambda: ([], {"questions": [], "answers": {}}, gr.update(choices=[]),
                             msg.UI_ARTICLE_EMPTY), None, [chat, state, pick, article], **private)
        pick.change(open_source, [pick, state], article, **private).then(
            None, None, None, js=_SCROLL_JS, **private)
        chat.like(vote, [state], None, **private)
        add_btn.click(add, [upload, pasted, title, date, source],
                      [status, table, victim, upload, pasted], **private)
        remove_btn.click(remove, [victim], [status, table, victim], **private)
        gr.api(ask, api_name="ask")
    return app


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(settings: Settings) -> int:
    """Start the web chat; refuse a non-loopback host without credentials (exit code 2)."""
    started = time.perf_counter()
    user, password = os.environ.get("ASSISTANT_UI_USERNAME"), \
        os.environ.get("ASSISTANT_UI_PASSWORD")
    if not _loopback(settings.host) and not (user and password):
        print(msg.UI_AUTH_REQUIRED.format(host=settings.host), file=sys.stderr)
        return 2
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    engine = Engine(settings, progress=sys.stderr.isatty())
    app = build_app(engine)
    app.queue(default_concurrency_limit=4)
    app.launch(server_name=settings.host, server_port=settings.port, prevent_thread_lock=True,
               auth=(user, password) if user and password else None, show_error=False,
               css=_CSS, quiet=True)
    from .api import mount_api  # the HTTP API and OpenAI endpoint, on the same server

    mount_api(app.app, lambda: engine, settings,
              credentials=(user, password) if user and password else None)
    url = f"http://{settings.host}:{settings.port}"
    print(msg.UI_READY.format(url=url, seconds=time.perf_counter() - started), flush=True)
    try:
        app.block_thread()
    except KeyboardInterrupt:
        pass
    return 0
