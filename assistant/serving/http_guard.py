"""One ASGI middleware in front of every route of the server, ours and Gradio's alike.

- Body limit: `api_max_body_bytes` on /api and /v1, `max(8 MiB, library_max_bytes + 64 KiB)`
  elsewhere (Gradio's queue, calls and uploads: the chat sends its whole conversation with
  each question and on a reload, some 10-25 KB a turn); a larger body gets 413, declared or
  not.
- JSON bodies are checked before any route reads them: UTF-8, and nested at most
  `_MAX_DEPTH` levels (Python's parser would hit its recursion limit); else 400. A POST to
  /api or /v1 without a JSON Content-Type is read as JSON (curl -d sends a form type).
- One error shape: every response with status >= 400 that is not already
  `{"error": {"message", "type", "code"}}` (404, 405, Gradio's {"detail": ...}) is replaced
  by it, with a Vietnamese message; a failure inside becomes a logged JSON 500.
- One throttle for every credential check (Gradio's login, and /api and /v1 when the chat has
  credentials), by client address: the peer, or, from a peer in `trusted_proxies`, the
  nearest address of X-Forwarded-For that is not a trusted proxy.
- Uploads to Gradio (`/gradio_api/upload`) only where the library may be edited.
`plain_400` puts the same shape on uvicorn's own answer to a request it cannot parse;
`proxies_for_uvicorn` makes uvicorn believe X-Forwarded-For from the same proxies only (by
default it believes any from 127.0.0.1, before this middleware sees the request).
"""
from __future__ import annotations

import ipaddress
import json
import logging
import os
import re

from .. import messages as msg
from ..settings import Settings
from .ui_guard import LoginThrottle

__all__ = ["HttpGuard", "client_address", "error_body", "json_depth", "plain_400",
           "proxies_for_uvicorn"]

_log = logging.getLogger(__name__)
_MAX_DEPTH = 64
_MAX_URL = 8192
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
_KINDS = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
          404: "not_found_error", 405: "invalid_request_error", 413: "request_too_large",
          414: "invalid_request_error", 422: "invalid_request_error", 429: "rate_limit_error"}


def error_body(status: int, message: str, kind: str | None = None) -> bytes:
    """The one error shape, as bytes."""
    kind = kind or _KINDS.get(status, "server_error" if status >= 500
                              else "invalid_request_error")
    return json.dumps({"error": {"message": message, "type": kind, "code": status}},
                      ensure_ascii=False).encode("utf-8")


def _message(status: int, method: str) -> str:
    return {400: msg.HTTP_BAD_REQUEST, 401: msg.API_UNAUTHORIZED, 403: msg.HTTP_FORBIDDEN,
            404: msg.HTTP_NOT_FOUND, 405: msg.HTTP_METHOD.format(method=method),
            413: msg.HTTP_TOO_LARGE, 414: msg.HTTP_URL_TOO_LONG,
            422: msg.HTTP_BAD_FIELDS, 429: msg.HTTP_TOO_MANY}.get(
        status, msg.API_FAILED if status >= 500 else msg.HTTP_ERROR.format(status=status))


def json_depth(data: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest (strings skipped), without
    parsing it."""
    depth = deepest = 0
    for byte in _NOT_BRACKET.sub(b"", _STRING.sub(b"", data)):
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


def _networks(text: str) -> tuple:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in text.split(",")
                 if p.strip())


def _trusted(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in n for n in networks)


def client_address(scope, networks: tuple) -> str:
    """Who is asking: the peer, unless the peer is a trusted proxy; then the nearest
    X-Forwarded-For address that is not itself a trusted proxy."""
    peer = (scope.get("client") or ("?", 0))[0]
    if not _trusted(peer, networks):
        return peer
    forwarded = [v.decode("latin-1") for k, v in scope.get("headers", ())
                 if k == b"x-forwarded-for"]
    hops = [h.strip() for h in ",".join(forwarded).split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
    return hops[0] if hops else peer


class _TooLarge(Exception):
    pass


async def _send_error(send, status: int, message: str, headers=()) -> None:
    body = error_body(status, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class HttpGuard:
    """The middleware; `settings`, whether the chat has credentials, and whether the library
    may be edited (uploads) come with it (`Middleware(HttpGuard, settings=..., ...)`)."""

    def __init__(self, app, *, settings: Settings, has_credentials: bool,
                 library_editing: bool, throttle: LoginThrottle | None = None) -> None:
        self.app, self.settings = app, settings
        self.has_credentials, self.editing = has_credentials, library_editing
        self.throttle = throttle or LoginThrottle(settings)
        self.networks = _networks(settings.trusted_proxies)
        self.other_limit = max(8 << 20, settings.library_max_bytes + (64 << 10))

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        ours = path.startswith(("/api/", "/v1/")) or path in ("/api", "/v1")
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > _MAX_URL:
            await _send_error(send, 414, msg.HTTP_URL_TOO_LONG)
            return
        if re.fullmatch(r"(/gradio_api)?/upload/?", path) and not self.editing:
            await _send_error(send, 403, msg.UI_LIBRARY_REFUSED)
            return
        login = method == "POST" and path.rstrip("/").endswith("/login")
        checked = login or (ours and self.has_credentials and not path.startswith(
            ("/api/docs", "/api/openapi.json", "/api/assets")))
        client = client_address(scope, self.networks)
        if checked:
            wait = self.throttle.wait(client)
            if wait > 0:
                seconds = str(int(wait) + 1)
                await _send_error(send, 429, msg.UI_LOGIN_THROTTLED.format(seconds=seconds),
                                  [(b"retry-after", seconds.encode())])
                return
        limit = self.settings.api_max_body_bytes if ours else self.other_limit
        headers = dict(scope.get("headers", ()))
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > limit:
            await _send_error(send, 413, msg.API_TOO_LARGE.format(limit=limit))
            return
        kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if ours and method in ("POST", "PUT", "PATCH") and kind != b"application/json":
            kind = b"application/json"
            scope = {**scope, "headers": [(k, v) for k, v in scope["headers"]
                                          if k != b"content-type"]
                     + [(b"content-type", b"application/json")]}
        if kind == b"application/json" and method in ("POST", "PUT", "PATCH"):
            try:
                body, rest = await self._read(receive, limit)
            except _TooLarge:
                await _send_error(send, 413, msg.API_TOO_LARGE.format(limit=limit))
                return
            problem = self._check_json(body)
            if problem:
                await _send_error(send, 400, problem)
                return
            receive = self._replay(body, rest, receive)
        else:
            receive = self._counted(receive, limit)
        status = await self._forward(scope, receive, send, limit)
        if checked and status is not None:
            if status < 300:
                self.throttle.succeeded(client)
            elif status in ((400, 401, 403) if login else (401,)):
                self.throttle.failed(client)

    @staticmethod
    def _check_json(body: bytes) -> str:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return msg.HTTP_NOT_UTF8
        if json_depth(body) > _MAX_DEPTH:
            return msg.HTTP_TOO_DEEP.format(limit=_MAX_DEPTH)
        return ""

    @staticmethod
    async def _read(receive, limit: int) -> tuple[bytes, list]:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks), [message]
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > limit:
                raise _TooLarge
            if not message.get("more_body"):
                return b"".join(chunks), []

    @staticmethod
    def _replay(body: bytes, rest: list, receive):
        """The body read once, then the client's own messages (its disconnect, when it
        leaves)."""
        pending = [{"type": "http.request", "body": body, "more_body": False}, *rest]

        async def receive_again():
            return pending.pop(0) if pending else await receive()
        return receive_again

    @staticmethod
    def _counted(receive, limit: int):
        size = [0]

        async def counted():
            message = await receive()
            if message["type"] == "http.request":
                size[0] += len(message.get("body", b""))
                if size[0] > limit:
                    raise _TooLarge
            return message
        return counted

    async def _forward(self, scope, receive, send, limit: int) -> int | None:
        """Run the app with every error response put in the one shape; the status sent."""
        state: dict = {"status": None, "held": None, "body": []}

        async def shaped(message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                if message["status"] < 400:
                    await send(message)
                else:
                    state["held"] = message
                return
            if state["held"] is None:
                await send(message)
                return
            state["body"].append(message.get("body", b""))
            if message.get("more_body"):
                return
            await self._reshape(send, state["held"], b"".join(state["body"]), scope)

        try:
            await self.app(scope, receive, shaped)
        except _TooLarge:
            if state["status"] is None:
                await _send_error(send, 413, msg.API_TOO_LARGE.format(limit=limit))
                return 413
        except Exception:  # a bug inside a route: said in JSON and logged, the server goes on
            _log.exception("request failed: %s %s", scope["method"], scope["path"])
            if state["status"] is None:
                await _send_error(send, 500, msg.API_FAILED)
                return 500
        return state["status"]

    @staticmethod
    async def _reshape(send, start: dict, body: bytes, scope) -> None:
        status = start["status"]
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("error"), dict) \
                and {"message", "type", "code"} <= set(data["error"]):
            new = body
        else:  # Starlette's {"detail": "Not Found"}, Gradio's English details, plain text
            new = error_body(status, _message(status, scope["method"]))
        kept = [(k, v) for k, v in start.get("headers", ())
                if k.lower() not in (b"content-type", b"content-length")]
        await send({**start, "headers": kept + [
            (b"content-type", b"application/json; charset=utf-8"),
            (b"content-length", str(len(new)).encode())]})
        await send({"type": "http.response.body", "body": new})


def plain_400() -> None:
    """Make uvicorn's answer to a request it cannot parse (a URL over its 16 KiB line limit,
    broken headers) the one JSON error shape in Vietnamese, not "Invalid HTTP request
    received." as text/plain. uvicorn offers no setting for it, so its h11 protocol's method
    is replaced, once, for the process."""
    import h11
    from uvicorn.protocols.http import h11_impl

    if getattr(h11_impl.H11Protocol.send_400_response, "_ours", False):
        return

    def send_400_response(self, _message: str) -> None:
        body = error_body(400, msg.HTTP_UNPARSABLE)
        event = h11.Response(status_code=400, reason=b"Bad Request", headers=[
            (b"content-type", b"application/json; charset=utf-8"),
            (b"content-length", str(len(body)).encode()), (b"connection", b"close")])
        for part in (event, h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(part))
        self.transport.close()

    send_400_response._ours = True  # type: ignore[attr-defined]
    h11_impl.H11Protocol.send_400_response = send_400_response


def proxies_for_uvicorn(settings: Settings) -> None:
    """uvicorn rewrites the client address from X-Forwarded-For for the peers in
    `FORWARDED_ALLOW_IPS` (default 127.0.0.1) before any middleware runs: set it to the
    trusted proxies (none: an address no peer has), so a local client that changes the header
    each time is still one client. Read by uvicorn when the server starts."""
    os.environ["FORWARDED_ALLOW_IPS"] = ",".join(str(n) for n in _networks(
        settings.trusted_proxies)) or "none"
