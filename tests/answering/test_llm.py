"""LLM mode against a local server speaking the real chat-completions protocol (streaming)."""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import messages as msg
from assistant.answering.llm import stream_llm_answer
from assistant.indexing.retrieve import Retriever

SECRET = "sk-test-7f3a9c-very-secret"


class FakeOpenAI:
    """Answers POST /v1/chat/completions with a reply built by `script(user_message)`."""

    def __init__(self, script, delay: float = 0.0) -> None:
        self.requests: list[dict] = []
        self.auth: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                fake.auth.append(self.headers.get("Authorization", ""))
                time.sleep(delay)
                reply = script(body["messages"][-1]["content"])
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for piece in re.findall(r"\S+\s*", reply):
                        self._event({"delta": {"content": piece}, "finish_reason": None})
                    self._event({"delta": {}, "finish_reason": "stop"})
                    self.wfile.write(b"data: [DONE]\n\n")
                else:
                    data = json.dumps({"id": "x", "object": "chat.completion", "created": 0,
                                       "model": body["model"], "choices": [{
                                           "index": 0, "finish_reason": "stop",
                                           "message": {"role": "assistant", "content": reply}}]})
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(data.encode())

            def _event(self, choice: dict) -> None:
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0,
                         "model": "fake", "choices": [{"index": 0, **choice}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _passage_with(user: str, needle: str) -> int:
    for n, text in re.findall(r"\[(\d+)\] .*?\n(.*?)(?=\n\n\[\d+\] |\n\nCâu hỏi:)", user, re.S):
        if needle in text:
            return int(n)
    raise AssertionError(f"no passage holds {needle}")


def _good(user: str) -> str:
    n = _passage_with(user, "234 sản phẩm OCOP")
    return f"Toàn tỉnh hiện có 234 sản phẩm OCOP [{n}]."


def _mixed(user: str) -> str:
    n = _passage_with(user, "234 sản phẩm OCOP")
    return (f"Toàn tỉnh hiện có 234 sản phẩm OCOP [{n}]. Tỉnh còn có 999 sản phẩm xuất khẩu "
            f"[{n}]. Đây là số liệu năm 2024 [9].")


@pytest.fixture
def llm_retriever(real_index, real_embedder, session_settings, monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", SECRET)

    def make(url: str, timeout: float = 5.0) -> Retriever:
        settings = session_settings.replace(llm_base_url=url, llm_model="fake-model",
                                            llm_timeout=timeout, answer_mode="llm")
        return Retriever(real_index, real_embedder, settings)
    return make


def test_streamed_answer_is_verified_and_cited(llm_retriever, real_index) -> None:
    server = FakeOpenAI(_good)
    try:
        parts = list(stream_llm_answer("Hải Dương có bao nhiêu sản phẩm OCOP?",
                                       llm_retriever(server.url)))
    finally:
        server.stop()
    assert len(parts) > 3  # tokens arrived one by one
    final = parts[-1]
    assert final.text == "Toàn tỉnh hiện có 234 sản phẩm OCOP. [1]"
    assert [c.n for c in final.citations] == [1]
    c = final.citations[0]
    assert real_index.articles[c.article_id].text[c.start:c.end] == c.quote
    assert "234 sản phẩm OCOP" in c.quote and c.quote in c.passage
    prompt = server.requests[0]["messages"]
    assert server.requests[0]["stream"] is True
    assert "234 sản phẩm OCOP" in prompt[-1]["content"] and "[1]" in prompt[0]["content"]


def test_unsupported_sentences_and_bad_markers_are_dropped(llm_retriever) -> None:
    server = FakeOpenAI(_mixed)
    try:
        final = list(stream_llm_answer("Hải Dương có bao nhiêu sản phẩm OCOP?",
                                       llm_retriever(server.url)))[-1]
    finally:
        server.stop()
    assert "234" in final.text and "999" not in final.text and "[9]" not in final.text
    assert msg.LLM_DROPPED.format(n=2) in final.notices
    assert {int(n) for n in re.findall(r"\[(\d+)\]", final.text)} == {c.n for c in final.citations}


def test_stopped_server_falls_back_to_the_extractive_answer(llm_retriever) -> None:
    server = FakeOpenAI(_good)
    retriever = llm_retriever(server.url, timeout=3)
    server.stop()
    final = list(stream_llm_answer("Hải Dương có bao nhiêu sản phẩm OCOP?", retriever))[-1]
    assert "234" in final.text and final.citations
    assert any(n.startswith("Không kết nối được mô hình ngôn ngữ") for n in final.notices)


def test_silent_server_falls_back_after_the_timeout(llm_retriever) -> None:
    server = FakeOpenAI(_good, delay=8)
    try:
        final = list(stream_llm_answer("Hải Dương có bao nhiêu sản phẩm OCOP?",
                                       llm_retriever(server.url, timeout=2)))[-1]
    finally:
        server.stop()
    assert "234" in final.text
    assert any(msg.LLM_REASON_TIMEOUT in n for n in final.notices)


def test_unanswerable_questions_never_reach_the_llm(llm_retriever) -> None:
    server = FakeOpenAI(_good)
    try:
        final = list(stream_llm_answer("Thời tiết Hà Nội hôm nay thế nào?",
                                       llm_retriever(server.url)))[-1]
    finally:
        server.stop()
    assert final.abstained and not server.requests


def test_the_api_key_reaches_the_server_and_nothing_else(llm_retriever, caplog, capsys) -> None:
    caplog.set_level(logging.DEBUG)
    server = FakeOpenAI(_mixed)
    try:
        parts = list(stream_llm_answer("Hải Dương có bao nhiêu sản phẩm OCOP?",
                                       llm_retriever(server.url)))
    finally:
        server.stop()
    assert server.auth == [f"Bearer {SECRET}"]
    dumped = repr(parts)
    out = capsys.readouterr()
    assert SECRET not in dumped and SECRET not in caplog.text
    assert SECRET not in out.out and SECRET not in out.err


def test_the_prompt_follows_the_plan_of_the_question() -> None:
    """Issue 8 (9): the kind of question and what the articles lack shape the prompt."""
    from assistant import messages as msg
    from assistant.answering.llm import _prompt

    plain = _prompt("Các nhiệm vụ gồm những gì?", [])[1][1]
    listed = _prompt("Các nhiệm vụ gồm những gì?", [], "list")[1][1]
    compared = _prompt("So sánh A và B", [], "comparison", [msg.NOT_GIVEN_SIDE.format(side="B")])
    assert msg.LLM_KIND_HINTS["list"] in listed and msg.LLM_KIND_HINTS["list"] not in plain
    assert msg.LLM_KIND_HINTS["comparison"] in compared[1][1]
    assert msg.NOT_GIVEN_SIDE.format(side="B") in compared[1][1]
