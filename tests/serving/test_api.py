"""The HTTP API and the OpenAI-compatible endpoint: rules on an in-process app with a real
Engine over two articles, then the real server with curl-like requests and the
real `openai` client."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant import messages as msg
from assistant.answering.render import answer_text
from assistant.serving.api import ChatMessage, conversation, mount_api
from assistant.serving.engine import Engine
from assistant.schema import Turn
from assistant.serialize import ANSWER_FIELDS, HIT_FIELDS, to_dict
from assistant.settings import load_settings

USER, PASSWORD = "bientap", "mat-khau-1"
QUESTION = "Đề án 06 được phê duyệt ngày nào?"


def _basic(user: str, password: str) -> dict:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def engine(tmp_path: Path, small_docs: Path, real_embedder, session_settings) -> Engine:
    settings = load_settings(env={}, docs_dir=str(small_docs), index_dir=str(tmp_path / "i"),
                             data_dir=str(tmp_path / "var"),
                             cache_dir=str(session_settings.cache_dir))
    return Engine(settings, real_embedder)


def _client(engine: Engine, credentials=None, get_engine=None, **settings) -> TestClient:
    """The routes on an app with the server's middleware in front (`http_guard`)."""
    from starlette.middleware import Middleware

    from assistant.serving.http_guard import HttpGuard

    settings = engine.settings.replace(**settings)
    app = FastAPI(middleware=[Middleware(HttpGuard, settings=settings,
                                         has_credentials=credentials is not None,
                                         library_editing=False)])
    mount_api(app, get_engine or (lambda: engine), settings, credentials=credentials)
    return TestClient(app)


@pytest.fixture
def client(engine: Engine) -> TestClient:
    return _client(engine)


def test_ask_returns_the_ask_json_object(client: TestClient, engine: Engine) -> None:
    response = client.post("/api/ask", json={"question": QUESTION, "k": 3})
    assert response.status_code == 200
    data = response.json()
    assert tuple(data) == ANSWER_FIELDS
    assert data == to_dict(engine.ask(QUESTION, k=3))
    assert "06/1/2022" in data["answer"] and data["citations"][0]["n"] == 1


def test_ask_history_makes_a_follow_up(client: TestClient) -> None:
    first = client.post("/api/ask", json={"question": QUESTION}).json()
    follow = client.post("/api/ask", json={"question": "Còn ở Đà Nẵng thì sao?", "history": [
        {"question": QUESTION, "answer": first["answer"]}]}).json()
    alone = client.post("/api/ask", json={"question": "Còn ở Đà Nẵng thì sao?"}).json()
    assert follow["resolved_question"] != alone["resolved_question"]
    assert "ngày nào" in follow["resolved_question"]  # the earlier question's form


def test_search_and_articles(client: TestClient, engine: Engine) -> None:
    hits = client.get("/api/search", params={"q": "Đề án 06", "k": 2}).json()
    assert len(hits) == 2 and tuple(hits[0]) == HIT_FIELDS
    assert hits == to_dict(engine.retriever.search("Đề án 06", k=2))
    rows = client.get("/api/articles").json()
    assert {r["article_id"] for r in rows} == {r.article.id for r in engine.articles()}
    assert all(r["chunks"] > 0 and r["title"] for r in rows)


@pytest.mark.parametrize("call, message", [
    (lambda c: c.post("/api/ask", json={"question": "   "}), msg.EMPTY_QUESTION),
    (lambda c: c.post("/api/ask", json={"q": "x"}),
     msg.API_BAD_FIELD.format(field="question")),
    (lambda c: c.post("/api/ask", json={"question": 5}),
     msg.API_BAD_FIELD.format(field="question")),
    (lambda c: c.post("/api/ask", content=b"{not json",
                      headers={"Content-Type": "application/json"}), msg.API_BAD_JSON),
    (lambda c: c.post("/api/ask", json={"question": "x", "k": 0}),
     msg.API_BAD_K.format(max_k=20)),
    (lambda c: c.post("/api/ask", json={"question": "x", "k": 500}),
     msg.API_BAD_K.format(max_k=20)),
    (lambda c: c.post("/api/ask", json={"question": "x", "history": [{"answer": "y"}]}),
     msg.API_BAD_FIELD.format(field="history.0.question")),
    # issue 19 (12): strict types, no "3" or true for a number
    (lambda c: c.post("/api/ask", json={"question": "x", "k": "3"}),
     msg.API_BAD_FIELD.format(field="k")),
    (lambda c: c.post("/api/ask", json={"question": "x", "k": True}),
     msg.API_BAD_FIELD.format(field="k")),
    (lambda c: c.post("/v1/chat/completions", json={"messages": [
        {"role": "user", "content": "x"}], "stream": "yes"}),
     msg.API_BAD_FIELD.format(field="stream")),
    (lambda c: c.get("/api/search"), msg.API_BAD_FIELD.format(field="q")),
    (lambda c: c.get("/api/search", params={"q": "x", "mode": "magic"}),
     msg.API_BAD_FIELD.format(field="mode")),
    (lambda c: c.post("/v1/chat/completions", json={"messages": []}),
     msg.API_BAD_FIELD.format(field="messages")),
    (lambda c: c.post("/v1/chat/completions", json={"messages": [
        {"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]}),
     msg.API_NO_QUESTION),
    (lambda c: c.post("/v1/chat/completions", json={"messages": [
        {"role": "user", "content": ""}]}), msg.API_NO_QUESTION),
])
def test_bad_input_is_a_400_with_a_vietnamese_message(client, call, message) -> None:
    response = call(client)
    assert response.status_code == 400
    assert response.json() == {"error": {"message": message, "type": "invalid_request_error",
                                         "code": 400}}


def test_too_large_body_is_413_and_the_server_keeps_answering(engine: Engine) -> None:
    client = _client(engine, api_max_body_bytes=1000)
    response = client.post("/api/ask", json={"question": "Đề án 06 " * 200})
    assert response.status_code == 413
    assert response.json()["error"]["message"] == msg.API_TOO_LARGE.format(limit=1000)
    assert client.post("/api/ask", json={"question": QUESTION}).status_code == 200


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    (_basic(USER, "sai"), 401),
    (_basic("ai-do", PASSWORD), 401),
    ({"Authorization": "Basic %%%"}, 401),
    ({"Authorization": "Bearer sai"}, 401),
    ({"Authorization": f"Bearer {USER}"}, 401),
    (_basic(USER, PASSWORD), 200),
    ({"Authorization": f"Bearer {PASSWORD}"}, 200),
])
def test_credentials_when_the_chat_has_them(engine: Engine, headers, status) -> None:
    client = _client(engine, credentials=(USER, PASSWORD))
    for call in (lambda: client.post("/api/ask", json={"question": QUESTION}, headers=headers),
                 lambda: client.get("/api/articles", headers=headers),
                 lambda: client.get("/v1/models", headers=headers)):
        response = call()
        assert response.status_code == status
        if status == 401:
            assert response.json()["error"]["message"] == msg.API_UNAUTHORIZED
            assert response.headers["WWW-Authenticate"].startswith("Basic")


def test_no_index_is_503_until_one_can_be_loaded(tmp_path: Path, fake_embedder,
                                                 small_docs: Path) -> None:
    empty = tmp_path / "empty-docs"
    empty.mkdir()
    settings = load_settings(env={}, docs_dir=str(empty), index_dir=str(tmp_path / "i"),
                             data_dir=str(tmp_path / "var"), cache_dir=str(tmp_path / "c"))
    app = FastAPI()
    mount_api(app, lambda: Engine(settings, fake_embedder), settings)
    client = TestClient(app)
    for call in (lambda: client.post("/api/ask", json={"question": QUESTION}),
                 lambda: client.get("/api/search", params={"q": "x"}),
                 lambda: client.get("/api/articles")):
        response = call()
        assert response.status_code == 503
        assert response.json()["error"]["message"].startswith(msg.API_NO_INDEX.split("(")[0])
    for path in small_docs.iterdir():  # articles arrive: the next request is answered
        (empty / path.name).write_bytes(path.read_bytes())
    assert client.post("/api/ask", json={"question": QUESTION}).status_code == 200


def test_a_failure_inside_is_a_json_500_and_the_next_request_is_answered(
        engine: Engine) -> None:
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            int("không phải số")  # a ValueError from inside, not bad input
        return engine

    client = _client(engine, get_engine=flaky)
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 500
    assert response.json()["error"] == {"message": msg.API_FAILED, "type": "server_error",
                                        "code": 500}
    assert client.post("/api/ask", json={"question": QUESTION}).status_code == 200


def test_history_items_may_be_plain_questions(client: TestClient) -> None:
    as_dicts = client.post("/api/ask", json={"question": "Còn ở Đà Nẵng thì sao?",
                                             "history": [{"question": QUESTION}]}).json()
    as_strings = client.post("/api/ask", json={"question": "Còn ở Đà Nẵng thì sao?",
                                               "history": [QUESTION]}).json()
    assert as_dicts == as_strings


def test_openai_plain_and_streamed_give_the_same_message(client: TestClient,
                                                         engine: Engine) -> None:
    body = {"model": "x", "messages": [{"role": "system", "content": "Bạn là trợ lý."},
                                       {"role": "user", "content": QUESTION}]}
    plain = client.post("/v1/chat/completions", json=body).json()
    answer = engine.ask(QUESTION)
    assert plain["object"] == "chat.completion"
    assert plain["choices"][0]["message"]["content"] == answer_text(
        answer, related_min_lexical=engine.settings.related_min_lexical)
    assert plain["citations"] == to_dict(answer.citations)
    with client.stream("POST", "/v1/chat/completions", json={**body, "stream": True}) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line]
    assert all(e.startswith("data: ") for e in events) and events[-1] == "data: [DONE]"
    chunks = [json.loads(e[6:]) for e in events[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert len(chunks) > 5 and {c["object"] for c in chunks} == {"chat.completion.chunk"}
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert text == plain["choices"][0]["message"]["content"]
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert chunks[-1]["citations"] == plain["citations"]


def test_reply_lists_the_sources_after_the_answer(engine: Engine) -> None:
    answer = engine.ask(QUESTION)
    reply = answer_text(answer)
    head, sources = reply.split(f"\n\n{msg.SOURCES}:\n")
    assert head == answer.text
    assert sources.split("\n")[0].startswith("[1] ")
    assert f"“{answer.citations[0].quote}”" in sources


@pytest.mark.parametrize("messages, question, turns", [
    ([("user", "a")], "a", ()),
    ([("system", "s"), ("user", "a"), ("assistant", "A"), ("user", "b")], "b",
     (Turn("a", "A"),)),
    ([("user", "a"), ("user", "b"), ("assistant", "B"), ("user", "c")], "c",
     (Turn("a", ""), Turn("b", "B"))),
    ([("user", [{"type": "text", "text": "a"}]), ("assistant", "(Hiểu câu hỏi là: x)\nA [1]"
                                                   f"\n\n{msg.SOURCES}:\n[1] T (d): “q”"),
      ("user", [{"type": "text", "text": "b"}, {"type": "image_url", "image_url": {}}])],
     "b", (Turn("a", "A [1]"),)),
])
def test_conversation_from_messages(messages, question, turns) -> None:
    got = conversation([ChatMessage(role=r, content=c) for r, c in messages])
    assert got == (question, turns)


@pytest.fixture(scope="module")
def served(real_index, session_settings):
    """`python -m assistant serve` as a user starts it, with the chat's credentials set."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from ..conftest import ROOT

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(session_settings.index_dir),
           "ASSISTANT_CACHE_DIR": str(session_settings.cache_dir),
           "ASSISTANT_DATA_DIR": str(session_settings.data_dir),
           "ASSISTANT_UI_USERNAME": USER, "ASSISTANT_UI_PASSWORD": PASSWORD}
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"{url}/api/docs", timeout=2)
            break
        except OSError:
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def _curl(*args: str) -> tuple[int, dict]:
    import subprocess

    out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", *args], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    body, status = out.rsplit("\n", 1)
    return int(status), json.loads(body)


@pytest.mark.slow
def test_curl_ask_on_the_chat_server(served: str) -> None:
    question = json.dumps({"question": "Hải Dương có bao nhiêu sản phẩm OCOP?"})
    status, data = _curl("-X", "POST", f"{served}/api/ask", "-u", f"{USER}:{PASSWORD}",
                         "-H", "Content-Type: application/json", "-d", question)
    assert status == 200 and tuple(data) == ANSWER_FIELDS
    assert "234" in data["answer"] and "[1]" in data["answer"] and not data["abstained"]
    assert "234 sản phẩm OCOP" in data["citations"][0]["quote"]
    status, data = _curl("-X", "POST", f"{served}/api/ask", "-H",
                         "Content-Type: application/json", "-d", question)
    assert status == 401 and data["error"]["message"] == msg.API_UNAUTHORIZED
    status, hits = _curl(f"{served}/api/search?q=OCOP&k=2", "-u", f"{USER}:{PASSWORD}")
    assert status == 200 and len(hits) == 2 and tuple(hits[0]) == HIT_FIELDS
    status, schema = _curl(f"{served}/api/openapi.json")
    assert {"/api/ask", "/api/search", "/api/articles", "/v1/chat/completions",
            "/v1/models"} <= set(schema["paths"])


@pytest.mark.slow
def test_openai_client_plain_and_streaming(served: str) -> None:
    import openai

    client = openai.OpenAI(base_url=f"{served}/v1", api_key=PASSWORD)
    assert [m.id for m in client.models.list()] == ["tro-ly-chuyen-doi-so"]
    messages = [{"role": "user", "content": "Hải Dương có bao nhiêu sản phẩm OCOP?"}]
    plain = client.chat.completions.create(model="tro-ly-chuyen-doi-so", messages=messages)
    content = plain.choices[0].message.content
    status, api = _curl("-X", "POST", f"{served}/api/ask", "-u", f"{USER}:{PASSWORD}",
                        "-H", "Content-Type: application/json",
                        "-d", json.dumps({"question": messages[0]["content"]}))
    assert content.startswith(api["answer"]) and "234" in content
    assert f"\n\n{msg.SOURCES}:\n[1] " in content
    assert plain.model_extra["citations"] == api["citations"]

    pieces, citations = [], None
    for chunk in client.chat.completions.create(model="tro-ly-chuyen-doi-so",
                                                messages=messages, stream=True):
        pieces.append(chunk.choices[0].delta.content or "")
        if chunk.choices[0].finish_reason == "stop":
            citations = chunk.model_extra["citations"]
    assert len(pieces) > 5 and "".join(pieces) == content
    assert citations == api["citations"]

    follow = client.chat.completions.create(model="tro-ly-chuyen-doi-so", messages=[
        {"role": "user", "content": "Tỷ trọng kinh tế số năm 2023 là bao nhiêu?"},
        {"role": "assistant", "content": "..."},
        {"role": "user", "content": "Còn năm 2024 thì sao?"}])
    assert "2024" in follow.choices[0].message.content.split("\n")[0]  # the rewrite notice

    with pytest.raises(openai.AuthenticationError) as denied:
        openai.OpenAI(base_url=f"{served}/v1", api_key="sai").chat.completions.create(
            model="tro-ly-chuyen-doi-so", messages=messages)
    assert denied.value.status_code == 401 and msg.API_UNAUTHORIZED in str(denied.value)
    with pytest.raises(openai.BadRequestError) as bad:
        client.chat.completions.create(model="tro-ly-chuyen-doi-so",
                                       messages=[{"role": "assistant", "content": "x"}])
    assert msg.API_NO_QUESTION in str(bad.value)


@pytest.mark.slow
def test_readme_openai_example_runs_as_written(served: str, monkeypatch, capsys) -> None:
    import re

    from ..conftest import ROOT

    readme = (ROOT / "guide" / "http-api.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme.split("### OpenAI clients", 1)[1],
                      re.S).group(1)
    monkeypatch.setenv("ASSISTANT_UI_PASSWORD", PASSWORD)
    exec(compile(block.replace("http://127.0.0.1:7860", served), "guide/http-api.md", "exec"),
         {})
    out = capsys.readouterr().out
    message = out.split("\n\n" + msg.SOURCES, 1)[0]
    assert "234 sản phẩm OCOP" in message and "[1]" in message
    assert out.count(message) == 2  # plain and streamed: the same message
