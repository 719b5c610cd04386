"""Plain HTTP routes and an OpenAI-compatible chat endpoint, on the chat's own FastAPI app.

Mounted by `server.launch` on the app Gradio launched (no second server):

- `POST /api/ask` {"question", "history"?, "k"?} -> the `ask --json` object;
- `GET /api/search?q=...&k=...&mode=...` -> the `search --json` array;
- `GET /api/articles` -> the library, one object per article;
- `POST /v1/chat/completions` (plain or `"stream": true`) and `GET /v1/models`, OpenAI's
  shapes, with the answer's structured citations in an extra `citations` field;
- OpenAPI docs at `/api/docs` (schema at `/api/openapi.json`, page assets at `/api/assets`,
  served here: the page works offline).

Answers share the server's `AnswerSlots` with the web chat: at most `chat_concurrency` compute
at once, the others wait their turn in the event loop (no thread taken) for up to
`api_queue_timeout` seconds, then get 503 with `Retry-After`; a client that leaves while
waiting gives up its place. The streamed completion is computed whole before its first byte,
so its slot is given back before the stream is sent.

Errors are JSON in OpenAI's shape, `{"error": {"message", "type", "code"}}`, with a Vietnamese
message: 400 bad input, 401 missing credentials (when the chat has some), 413 body too large,
503 while no index can be loaded or while every answer slot stays busy. The credentials are
the chat's (`ASSISTANT_UI_USERNAME`, `ASSISTANT_UI_PASSWORD`): HTTP Basic, or the password as a
Bearer token (an OpenAI client's `api_key`).
"""
from __future__ import annotations

import base64
import binascii
import importlib.util
import json
import logging
import math
import re
import secrets
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator, Literal

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from .. import messages as msg
from ..answering.render import answer_text
from ..schema import Answer, Turn, as_turns
from ..serialize import to_dict
from ..settings import Settings
from .slots import AnswerSlots
from ..indexing.store import IndexUnavailable

__all__ = ["mount_api", "conversation"]

_log = logging.getLogger(__name__)
# Swagger UI's files as the `fastapi-offline` package ships them (no CDN: /api/docs offline)
_DOCS_ASSETS = Path(importlib.util.find_spec("fastapi_offline").origin).parent / "static"


class _ApiError(Exception):
    def __init__(self, status: int, message: str, kind: str = "invalid_request_error",
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.kind, self.headers = status, message, kind, headers


def _error(exc: _ApiError) -> JSONResponse:
    return JSONResponse({"error": {"message": exc.message, "type": exc.kind,
                                   "code": exc.status}}, status_code=exc.status,
                        headers=exc.headers)


def _validation_message(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return msg.API_BAD_JSON
    where = errors[0].get("loc", ()) if errors else ()
    field = ".".join(str(p) for p in where if p not in ("body", "query")) or "body"
    return msg.API_BAD_FIELD.format(field=field)


def _route_class() -> type[APIRoute]:
    """Routes that answer every error as JSON with its own message (the body limit, bad
    UTF-8 and nesting are `http_guard`'s, in front of every route)."""

    class _Route(APIRoute):
        def get_route_handler(self) -> Callable:
            handler = super().get_route_handler()

            async def guarded(request: Request):
                try:
                    return await handler(request)
                except _ApiError as exc:
                    return _error(exc)
                except RequestValidationError as exc:
                    return _error(_ApiError(400, _validation_message(exc)))
                except Exception:  # a bug of ours: said in JSON, logged, the server goes on
                    _log.exception("API request failed: %s %s", request.method, request.url.path)
                    return _error(_ApiError(500, msg.API_FAILED, "server_error"))
            return guarded

    return _Route


async def _wait_for_slot(request: Request, slots: AnswerSlots, timeout: float) -> bool | None:
    """True with a slot, False when none came within `timeout` seconds, None when the client
    went away meanwhile (its place in the line is given up, nothing is held)."""
    admitted: list[bool | None] = [None]
    async with anyio.create_task_group() as group:
        async def watch() -> None:  # the body is read: the next message is the disconnect
            while (await request.receive())["type"] != "http.disconnect":
                pass
            group.cancel_scope.cancel()

        group.start_soon(watch)
        admitted[0] = await slots.acquire(timeout)
        group.cancel_scope.cancel()
    return admitted[0]


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _auth_dependency(credentials: tuple[str, str] | None) -> Callable:
    def check(request: Request) -> None:
        if credentials is None:
            return
        user, password = credentials
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        ok = False
        if scheme.lower() == "basic":
            try:
                given_user, _, given_password = base64.b64decode(
                    value.strip(), validate=True).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError):
                given_user = given_password = ""
            ok = _same(given_user, user) & _same(given_password, password)
        elif scheme.lower() == "bearer":
            ok = _same(value.strip(), password)
        if not ok:
            raise _ApiError(401, msg.API_UNAUTHORIZED, "authentication_error",
                            {"WWW-Authenticate": 'Basic realm="assistant"'})
    return check


class HistoryTurn(BaseModel):
    """One earlier exchange of the conversation."""

    model_config = ConfigDict(strict=True)  # no "3" for a number, no true for a string

    question: str
    answer: str = ""


class AskRequest(BaseModel):
    """A question, the earlier turns (oldest first) and how many passages to read."""

    model_config = ConfigDict(strict=True)

    question: str = Field(examples=["Hải Dương có bao nhiêu sản phẩm OCOP?"])
    history: list[HistoryTurn] = Field(default_factory=list, description=(
        "earlier turns, oldest first; a plain string is a question whose answer is not given"))
    k: int | None = None

    @field_validator("history", mode="before")
    @classmethod
    def _plain_questions(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"question": v} if isinstance(v, str) else v for v in value]
        return value


class ChatMessage(BaseModel):
    """An OpenAI chat message (text content, as a string or a list of text parts)."""

    model_config = ConfigDict(strict=True)

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """OpenAI's chat-completions request; other OpenAI fields are accepted and ignored."""

    model_config = ConfigDict(strict=True)

    model: str = ""
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False


def _text(content: str | list[dict[str, Any]] | None) -> str:
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content
                       if p.get("type") == "text" and isinstance(p.get("text"), str))
    return content or ""


def _answer_part(reply: str) -> str:
    """An earlier reply of ours without its source lines and notices: the answer itself."""
    for marker in (f"\n\n{msg.SOURCES}:\n", f"\n\n{msg.RELATED_INTRO}\n"):
        reply = reply.split(marker, 1)[0]
    lines = reply.strip().split("\n")
    while len(lines) > 1 and lines[0].startswith("(") and lines[0].endswith(")"):
        lines.pop(0)
    return "\n".join(lines).strip()


def conversation(messages: list[ChatMessage]) -> tuple[str, tuple[Turn, ...]]:
    """The question (the last user message) and the earlier user/assistant pairs as Turns.
    System and tool messages are ignored; a user message with no reply is a turn too."""
    if not messages or messages[-1].role != "user" or not _text(messages[-1].content).strip():
        raise _ApiError(400, msg.API_NO_QUESTION)
    turns: list[dict[str, str]] = []
    for m in messages[:-1]:
        if m.role == "user":
            turns.append({"question": _text(m.content), "answer": ""})
        elif m.role == "assistant" and turns and not turns[-1]["answer"]:
            turns[-1]["answer"] = _answer_part(_text(m.content))
    return _text(messages[-1].content), as_turns(turns)


def mount_api(app: FastAPI, get_engine: Callable[[], Any], settings: Settings, *,
              credentials: tuple[str, str] | None = None,
              slots: AnswerSlots | None = None) -> None:
    """Add the routes to `app` (Gradio's own FastAPI app). `get_engine()` returns the loaded
    Engine (it may raise IndexUnavailable: 503). `credentials`: (user, password) or None.
    `slots`: the answer slots shared with the chat (None: `chat_concurrency` of its own)."""
    slots = slots or AnswerSlots(settings.chat_concurrency)
    retry_after = str(max(1, math.ceil(settings.api_queue_timeout)))
    route = _route_class()
    guard = [Depends(_auth_dependency(credentials))]
    api = APIRouter(prefix="/api", route_class=route, dependencies=guard, tags=["api"])
    openai = APIRouter(prefix="/v1", route_class=route, dependencies=guard, tags=["openai"])
    created = int(time.time())

    def engine():
        try:
            return get_engine()
        except IndexUnavailable as exc:
            raise _ApiError(503, msg.API_NO_INDEX.format(reason=exc), "index_unavailable") \
                from exc

    def check_k(k: int | None) -> int | None:
        if k is not None and not 1 <= k <= settings.api_max_k:
            raise _ApiError(400, msg.API_BAD_K.format(max_k=settings.api_max_k))
        return k

    async def answer(request: Request, question: str, history: tuple[Turn, ...],
                     k: int | None) -> Answer:
        """The engine's answer, computed in the thread pool while holding an answer slot."""
        if not question.strip():
            raise _ApiError(400, msg.EMPTY_QUESTION)
        k = check_k(k)
        admitted = await _wait_for_slot(request, slots, settings.api_queue_timeout)
        if admitted is None:  # nginx's code for a client that left; nobody receives it
            raise _ApiError(499, "", "client_closed_request")
        if not admitted:
            raise _ApiError(503, msg.API_BUSY.format(seconds=retry_after), "server_busy",
                            {"Retry-After": retry_after})
        try:
            return await run_in_threadpool(lambda: engine().ask(question, history, k=k))
        finally:
            slots.release()

    @api.post("/ask", summary="Answer a question with verified citations (the ask --json "
                              "object)")
    async def ask(body: AskRequest, request: Request) -> dict:
        return to_dict(await answer(request, body.question,
                                    as_turns([t.model_dump() for t in body.history]), body.k))

    @api.get("/search", summary="The passages that match (the search --json array)")
    def search(q: str, k: int | None = None,
               mode: Literal["hybrid", "dense", "lexical"] = Query("hybrid")) -> list[dict]:
        if not q.strip():
            raise _ApiError(400, msg.EMPTY_QUESTION)
        return to_dict(engine().retriever.search(q, k=check_k(k), mode=mode))

    @api.get("/articles", summary="The articles of the library, with their passage counts")
    def articles() -> list[dict]:
        return [{**to_dict(row.article), "chunks": row.chunks} for row in engine().articles()]

    @openai.get("/models", summary="The one model: the assistant")
    def models() -> dict:
        return {"object": "list", "data": [{"id": settings.api_model_name, "object": "model",
                                            "created": created, "owned_by": "assistant"}]}

    @openai.post("/chat/completions", summary="OpenAI-compatible chat completion, plain or "
                                              "streamed (server-sent events)")
    async def chat_completions(body: ChatRequest, request: Request):
        question, history = conversation(body.messages)
        result = await answer(request, question, history, None)
        ident = f"chatcmpl-{uuid.uuid4().hex}"
        common = {"id": ident, "created": int(time.time()), "model": settings.api_model_name}
        citations = to_dict(result.citations)
        reply = answer_text(result, related_min_lexical=settings.related_min_lexical)
        if not body.stream:
            return {**common, "object": "chat.completion", "citations": citations,
                    "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                                 "message": {"role": "assistant",
                                             "content": reply}}]}
        return StreamingResponse(_sse(common, reply, citations),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})

    for router in (api, openai):
        app.include_router(router)
    ours = api.routes + openai.routes

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_schema() -> dict:
        return get_openapi(title="Trợ lý hỏi đáp chuyển đổi số API", version="1",
                           description=__doc__, routes=ours)

    app.mount("/api/assets", StaticFiles(directory=_DOCS_ASSETS), name="api-assets")

    @app.get("/api/docs", include_in_schema=False)
    def docs():  # Swagger UI's script, style and icon from this server: works offline
        return get_swagger_ui_html(openapi_url="/api/openapi.json",
                                   title="Trợ lý hỏi đáp chuyển đổi số API",
                                   swagger_js_url="/api/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/api/assets/swagger-ui.css",
                                   swagger_favicon_url="/api/assets/favicon.png")


def _sse(common: dict, text: str, citations: list[dict]) -> Iterator[str]:
    """OpenAI's chunk stream: the role, the text piece by piece, the end with the citations,
    then `[DONE]`. Only the final, verified answer is sent (an LLM's unverified tokens never
    are)."""
    def event(delta: dict, finish: str | None = None, **extra: Any) -> str:
        chunk = {**common, "object": "chat.completion.chunk", **extra,
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish,
                              "logprobs": None}]}
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for piece in re.findall(r"\s*\S+", text):  # word by word, spaces and newlines kept
        yield event({"content": piece})
    yield event({}, "stop", citations=citations)
    yield "data: [DONE]\n\n"
