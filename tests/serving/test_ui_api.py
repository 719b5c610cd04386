"""The /ask API through the real gradio_client against a launched server."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from gradio_client import Client

from assistant import messages as msg

from ..conftest import ROOT
from .ui_server import server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(server):  # noqa: F811
    return Client(server[0], verbose=False)


def test_ask_returns_the_answer_with_structured_citations(client, server) -> None:  # noqa: F811
    result = client.predict("Hải Dương có bao nhiêu sản phẩm OCOP?", api_name="/ask")
    assert "234" in result["answer"] and "[1]" in result["answer"]
    assert result["abstained"] is False
    citation = result["citations"][0]
    assert "234 sản phẩm OCOP" in citation["quote"] and citation["n"] == 1
    article = server[1].article(citation["article_id"])
    assert article.text[citation["start"]:citation["end"]] == citation["quote"]
    assert citation["quote"] in citation["text"]


def test_ask_declines_what_the_articles_do_not_say(client) -> None:
    result = client.predict("Thời tiết Hà Nội hôm nay thế nào?", api_name="/ask")
    assert result["abstained"] is True and result["answer"] == msg.NOT_FOUND
    assert result["citations"] == []


def test_empty_question_gets_a_prompt(client) -> None:
    result = client.predict("", api_name="/ask")
    assert result["answer"] == msg.EMPTY_QUESTION


def test_only_ask_is_public(client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert list(endpoints) == ["/ask"]


def test_non_loopback_host_without_credentials_refuses_to_start(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_UI_")}
    env["ASSISTANT_INDEX_DIR"] = str(tmp_path / "never-built")
    out = subprocess.run([sys.executable, "-m", "assistant", "serve", "--host", "0.0.0.0",
                          "--port", "7999"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and "ASSISTANT_UI_PASSWORD" in out.stderr
    assert not (tmp_path / "never-built").exists()


def test_ask_takes_the_earlier_turns(client) -> None:
    history = [{"question": "Tỷ trọng kinh tế số năm 2023 là bao nhiêu?", "answer": ""}]
    follow = client.predict("Còn năm 2024 thì sao?", history, api_name="/ask")
    alone = client.predict("Còn năm 2024 thì sao?", api_name="/ask")
    assert "kinh tế số" in follow["resolved_question"] and "18,3%" in follow["answer"]
    assert follow["resolved_question"] != alone["resolved_question"]


def test_ask_gives_the_cli_json_shape(client) -> None:
    from assistant.serialize import ANSWER_FIELDS, CITATION_FIELDS

    result = client.predict("Đề án 06 được phê duyệt ngày nào?", api_name="/ask")
    assert tuple(result) == ANSWER_FIELDS and tuple(result["citations"][0]) == CITATION_FIELDS


def _ask_raw(url: str, question: str) -> tuple[str, object]:
    """/ask over plain HTTP with the question as JSON escapes (gradio_client cannot send a
    lone surrogate): (event name, data) of the result event."""
    import json

    import httpx

    body = json.dumps({"data": [question, None]}).encode("ascii")  # "\ud800" stays an escape
    started = httpx.post(f"{url}gradio_api/call/ask", content=body, timeout=60,
                         headers={"Content-Type": "application/json"})
    started.raise_for_status()
    event_id = started.json()["event_id"]
    with httpx.stream("GET", f"{url}gradio_api/call/ask/{event_id}", timeout=120) as stream:
        event = ""
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                return event, json.loads(line.split(":", 1)[1])
    return event, None


@pytest.mark.parametrize("question", ["a \ud800 b", "\udcff", "Hải Dương có bao nhiêu sản phẩm "
                                      "OCOP? \udfff"])
def test_lone_surrogates_get_an_answer_not_an_error_event(server, question) -> None:  # noqa: F811
    event, data = _ask_raw(server[0], question)
    assert event == "complete", data
    result = data[0]
    assert isinstance(result["answer"], str) and result["answer"]
    assert result["notices"][0] == msg.QUESTION_BAD_CHARS
    if "OCOP" in question:
        assert "234" in result["answer"]


def test_ask_sees_a_build_made_by_another_process(client, server) -> None:  # noqa: F811
    from assistant.serving.engine import Engine

    other = Engine(server[1].settings, server[1].embedder)  # e.g. `python -m assistant index`
    other.add_article("Tỉnh Cao Bằng có 27 xã đạt chuẩn nông thôn mới nâng cao về chuyển đổi số "
                      "trong năm 2024.", title="Cao Bằng và nông thôn mới nâng cao")
    result = client.predict("Cao Bằng có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao?",
                            api_name="/ask")
    assert "27" in result["answer"] and result["citations"][0]["title"].startswith("Cao Bằng")
