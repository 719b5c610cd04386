"""The HTTP API's answers are held to the server's answer slots (`chat_concurrency`), shared
with the web chat: over real HTTP to a real uvicorn server, with an engine whose `ask` waits
for the test to open its gate, so "how many are computing at once" is seen, not timed."""
from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from assistant import messages as msg
from assistant.serving.api import mount_api
from assistant.schema import Answer
from assistant.settings import load_settings
from assistant.serving.slots import AnswerSlots

from ..conftest import until

BROKEN = "câu hỏi làm máy hỏng"


class GatedEngine:
    """Answers every question with its own text, once the gate is open; counts the answers
    being computed now, the most at once, and every call. `BROKEN` raises inside."""

    def __init__(self, settings) -> None:
        self.settings, self.llm_available = settings, False
        self.gate, self._lock = threading.Event(), threading.Lock()
        self.inside = self.most = self.calls = 0

    def ask(self, question, history=(), *, k=None, mode=None) -> Answer:
        with self._lock:
            self.inside += 1
            self.calls += 1
            self.most = max(self.most, self.inside)
        try:
            self.gate.wait(timeout=60)
            if question == BROKEN:
                raise RuntimeError("the engine broke")
            return Answer(question=question, text=f"Trả lời cho: {question}")
        finally:
            with self._lock:
                self.inside -= 1

    def stream(self, question, history=(), *, k=None, mode=None):
        yield self.ask(question, history, k=k, mode=mode)

    def refresh(self) -> bool:
        return False

    def articles(self) -> list:
        return []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve(tmp_path: Path):
    """serve(chat_concurrency=..., api_queue_timeout=...) -> (url, engine, slots): the API on
    a real uvicorn server on a free loopback port, stopped (gate opened) after the test."""
    running = []

    def start(**overrides):
        settings = load_settings(env={}, data_dir=str(tmp_path / "var"), **overrides)
        engine, slots = GatedEngine(settings), AnswerSlots(settings.chat_concurrency)
        app = FastAPI()
        mount_api(app, lambda: engine, settings, slots=slots)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                               log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread, engine))
        until(lambda: server.started, "the server started")
        return f"http://127.0.0.1:{port}", engine, slots

    yield start
    for server, thread, engine in running:
        engine.gate.set()
        server.should_exit = True
        thread.join(timeout=30)


ROUTES = {  # route -> (how to send a question, the answer text in the reply)
    "ask": (lambda c, url, q: c.post(f"{url}/api/ask", json={"question": q}),
            lambda r: r.json()["answer"]),
    "completion": (lambda c, url, q: c.post(f"{url}/v1/chat/completions", json={
        "messages": [{"role": "user", "content": q}]}),
        lambda r: r.json()["choices"][0]["message"]["content"]),
    "streamed completion": (lambda c, url, q: c.post(f"{url}/v1/chat/completions", json={
        "messages": [{"role": "user", "content": q}], "stream": True}),
        lambda r: "".join(json.loads(line[6:])["choices"][0]["delta"].get("content", "")
                          for line in r.text.splitlines()
                          if line.startswith("data: {"))),
}


def _send(route: str, url: str, question: str) -> httpx.Response:
    with httpx.Client(timeout=60) as client:
        return ROUTES[route][0](client, url, question)


def test_at_most_chat_concurrency_answers_compute_and_every_waiting_one_is_answered(
        serve) -> None:
    url, engine, slots = serve(chat_concurrency=2)
    routes = ["ask", "completion", "ask", "streamed completion", "ask"]
    replies: dict[int, httpx.Response] = {}
    threads = [threading.Thread(target=lambda i=i, r=r: replies.__setitem__(
        i, _send(r, url, f"Câu hỏi số {i}"))) for i, r in enumerate(routes)]
    for t in threads:
        t.start()
    until(lambda: engine.inside == 2 and slots.waiting == 3,
           "two answers computing and three requests waiting")
    assert engine.most == 2  # the three others arrived but did not start
    engine.gate.set()
    for t in threads:
        t.join(timeout=60)
    assert sorted(replies) == [0, 1, 2, 3, 4]
    for i, route in enumerate(routes):
        assert replies[i].status_code == 200
        assert ROUTES[route][1](replies[i]) == f"Trả lời cho: Câu hỏi số {i}"
    assert (engine.most, engine.calls, slots.busy, slots.waiting) == (2, 5, 0, 0)


@pytest.mark.parametrize("route", list(ROUTES))
def test_a_request_that_waits_too_long_gets_503_retry_after_in_vietnamese(serve,
                                                                          route) -> None:
    url, engine, slots = serve(chat_concurrency=1, api_queue_timeout=0.05)
    first: list[httpx.Response] = []
    busy = threading.Thread(target=lambda: first.append(_send("ask", url, "Câu hỏi đầu")))
    busy.start()
    until(lambda: engine.inside == 1, "the first answer computing")
    refused = _send(route, url, "Câu hỏi thứ hai")
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "1"
    assert refused.json() == {"error": {"message": msg.API_BUSY.format(seconds="1"),
                                        "type": "server_busy", "code": 503}}
    engine.gate.set()
    busy.join(timeout=60)
    assert first[0].status_code == 200 and engine.calls == 1  # the refused one never ran
    again = _send(route, url, "Câu hỏi thứ ba")  # its place was not kept: the slot is free
    assert again.status_code == 200 and ROUTES[route][1](again) == "Trả lời cho: Câu hỏi thứ ba"


def test_an_engine_failure_gives_its_slot_back(serve) -> None:
    url, engine, slots = serve(chat_concurrency=1)
    engine.gate.set()
    broken = _send("ask", url, BROKEN)
    assert broken.status_code == 500
    assert broken.json()["error"] == {"message": msg.API_FAILED, "type": "server_error",
                                      "code": 500}
    assert slots.busy == 0
    for route in ROUTES:  # the one slot serves the next requests
        reply = _send(route, url, "Câu hỏi sau lỗi")
        assert reply.status_code == 200, reply.text


def test_a_client_that_leaves_while_waiting_gives_up_its_place(serve) -> None:
    url, engine, slots = serve(chat_concurrency=1)
    first: list[httpx.Response] = []
    busy = threading.Thread(target=lambda: first.append(_send("ask", url, "Câu hỏi đầu")))
    busy.start()
    until(lambda: engine.inside == 1, "the first answer computing")
    body = json.dumps({"question": "Câu hỏi bỏ dở"}).encode()
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1]))) as leaving:
        leaving.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                        b"\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        until(lambda: slots.waiting == 1, "the second request waiting")
    until(lambda: slots.waiting == 0, "the server saw the client leave")
    engine.gate.set()
    busy.join(timeout=60)
    assert first[0].status_code == 200
    assert _send("ask", url, "Câu hỏi sau").status_code == 200
    assert engine.calls == 2  # the request that left was never answered
    assert (slots.busy, slots.waiting) == (0, 0)


@pytest.mark.slow
def test_the_chat_and_the_api_share_one_budget(tmp_path: Path) -> None:
    """The chat server as `serve` launches it (Gradio, the API mounted on it): an API answer
    holds the only slot, the chat's `/ask` (real Gradio client) waits for it, then both are
    answered."""
    from gradio_client import Client

    from assistant.serving.server import launch

    port = _free_port()
    settings = load_settings(env={}, data_dir=str(tmp_path / "var"), chat_concurrency=1,
                             host="127.0.0.1", port=port)
    engine, slots = GatedEngine(settings), AnswerSlots(1)
    app = launch(engine, library_editing=False, slots=slots)  # what `serve` runs
    url = f"http://127.0.0.1:{port}"
    try:
        api: list[httpx.Response] = []
        first = threading.Thread(target=lambda: api.append(_send("ask", url, "Hỏi qua API")))
        first.start()
        until(lambda: engine.inside == 1, "the API answer computing")
        job = Client(url, verbose=False).submit("Hỏi trong trang chat", api_name="/ask")
        until(lambda: slots.waiting == 1, "the chat's answer waiting for the slot")
        assert (engine.inside, engine.most) == (1, 1)
        engine.gate.set()
        first.join(timeout=60)
        assert api[0].status_code == 200
        assert job.result(timeout=60)["answer"] == "Trả lời cho: Hỏi trong trang chat"
        assert (engine.most, engine.calls, slots.busy) == (1, 2, 0)
    finally:
        engine.gate.set()
        app.close()
