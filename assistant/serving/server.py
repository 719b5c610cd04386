"""The server: the Gradio chat launched with the HTTP API and OpenAI routes mounted on its own
FastAPI app (one process, one port), both holding one budget of answers at once (`slots`).
`serve` is what `python -m assistant serve` runs; `launch` and `launch_options` are shared with
the tests."""
from __future__ import annotations

import ipaddress
import json
import os
import sys
import time

import gradio as gr
from starlette.middleware import Middleware

from .. import messages as msg
from ..settings import Settings
from .engine import Engine
from .slots import AnswerSlots
from .ui import build_app, credentials
from .http_guard import HttpGuard, plain_400, proxies_for_uvicorn
from .ui_assets import CSS, DRAFT_KEY, PAGE_JS
from .ui_guard import library_editing_allowed
from .ui_render import size_label
from .upload_sweep import start_upload_sweep

__all__ = ["serve", "launch", "launch_options"]

_GRADIO_LOCALES = ("ar", "ca", "ckb", "de", "en", "es", "et", "eu", "fa", "fi", "fr", "he", "hi",
                   "ja", "ko", "lt", "nb", "nl", "pl", "pt-BR", "pt", "ro", "ru", "sv", "ta",
                   "th", "tr", "uk", "ur", "uz", "zh-CN", "zh-TW")


def launch_options(settings: Settings, auth=None, library_editing: bool | None = None) -> dict:
    """Keyword arguments of `app.launch` shared by `serve` and the tests: look, page script,
    Vietnamese labels, no footer, upload limit, and `http_guard` in front of every route
    (`library_editing`: None decides as the chat does)."""
    fixed = json.dumps(msg.UI_GRADIO_FIXED, ensure_ascii=False)
    roles = json.dumps({"user": msg.UI_ROLE_USER, "bot": msg.UI_ROLE_BOT,
                        "assistant": msg.UI_ROLE_BOT}, ensure_ascii=False)
    too_large = msg.UI_UPLOAD_TOO_LARGE.format(files="{files}",
                                               limit=size_label(settings.library_max_bytes))
    js = PAGE_JS % {"fixed": fixed, "roles": roles, "copy": json.dumps(msg.UI_COPY),
                     "copied": json.dumps(msg.UI_COPIED, ensure_ascii=False),
                     "too_large": json.dumps(too_large, ensure_ascii=False),
                     "bad_type": json.dumps(msg.UI_UPLOAD_BAD_TYPE, ensure_ascii=False),
                     "draft": json.dumps(DRAFT_KEY)}
    editing = library_editing_allowed(settings, auth is not None) if library_editing is None \
        else library_editing
    plain_400()
    proxies_for_uvicorn(settings)
    return {"css": CSS, "js": js, "footer_links": [], "auth": auth,
            "i18n": gr.I18n(**{code: msg.UI_GRADIO_LABELS for code in _GRADIO_LOCALES}),
            "max_file_size": settings.library_max_bytes, "show_error": False, "quiet": True,
            "app_kwargs": {"middleware": [Middleware(
                HttpGuard, settings=settings, has_credentials=auth is not None,
                library_editing=editing)]}}


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def launch(engine: Engine, credentials: tuple[str, str] | None = None, *,
           library_editing: bool | None = None, slots: AnswerSlots | None = None):
    """The chat launched on the settings' host and port (not blocking) with the HTTP API and
    OpenAI routes mounted on its server, the two sharing `slots` (None: a new AnswerSlots of
    `chat_concurrency`); the Blocks app."""
    settings = engine.settings
    slots = slots or AnswerSlots(settings.chat_concurrency)  # one budget: chat and HTTP API
    app = build_app(engine, library_editing=library_editing, slots=slots)
    app.queue(default_concurrency_limit=settings.chat_concurrency)
    # uploads never added are not kept, those made before a restart included (ledger in
    # data_dir): recorded from the first one, hence before the launch
    start_upload_sweep(app, settings.upload_ttl_minutes, settings.data_dir)
    app.launch(server_name=settings.host, server_port=settings.port, prevent_thread_lock=True,
               **launch_options(settings, credentials, library_editing))
    from .api import mount_api  # the HTTP API and OpenAI endpoint, on the same server

    mount_api(app.app, lambda: engine, settings, credentials=credentials, slots=slots)
    return app


def serve(settings: Settings) -> int:
    """Start the web chat; refuse a non-loopback host without credentials (exit code 2)."""
    started = time.perf_counter()
    user, password = credentials()
    if not _loopback(settings.host) and not (user and password):
        print(msg.UI_AUTH_REQUIRED.format(host=settings.host), file=sys.stderr)
        return 2
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    engine = Engine(settings, progress=sys.stderr.isatty(), background=True)
    app = launch(engine, (user, password) if user and password else None)
    url = f"http://{settings.host}:{settings.port}"
    print(msg.UI_READY.format(url=url, seconds=time.perf_counter() - started), flush=True)
    try:
        app.block_thread()
    except KeyboardInterrupt:
        pass
    return 0
