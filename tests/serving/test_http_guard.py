"""`http_guard` in front of a real server (`python -m assistant serve` in a subprocess, its log
kept): credential throttle (issue 19, point 4), body limits on Gradio's routes (6), bodies
that are not UTF-8 or nest too deep (8), one Vietnamese JSON error shape (9), uploads (10): only
with editing rights, removed once added or after `upload_ttl_minutes` when never added."""
from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import httpx
import pytest

from assistant import messages as msg

from ..conftest import DOCS, ROOT
from .test_ui_guard import _fn_index

pytestmark = pytest.mark.slow

USER, PASSWORD = "bientap", "mat-khau-1"
ARTICLES = ("tang-cuong-nhan-thuc-chuyen-doi-so.txt", "de-an-06-hoi-nghi-da-nang.txt")
PROXY = "127.0.0.3"  # the one trusted proxy of the guarded server
QUESTION = {"question": "Đề án 06 được phê duyệt ngày nào?"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(base: Path, session_settings, **env: str) -> tuple[str, subprocess.Popen, Path]:
    """(url, process, log file) of `python -m assistant serve` over a copy of two articles,
    with `env` (ASSISTANT_... settings) on top; answers HTTP when returned."""
    docs = base / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name in ARTICLES:
        shutil.copy(DOCS / name, docs / name)
    port, log = _free_port(), base / "server.log"
    env = {**os.environ, "ASSISTANT_DOCS_DIR": str(docs), "ASSISTANT_INDEX_DIR": str(base / "i"),
           "ASSISTANT_DATA_DIR": str(base / "var"),
           "ASSISTANT_CACHE_DIR": str(session_settings.cache_dir),
           "GRADIO_ANALYTICS_ENABLED": "False", **env}
    out = log.open("w")
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(480):
        try:  # the API's schema: no login needed, there once the API is mounted
            urllib.request.urlopen(f"{url}/api/openapi.json", timeout=2)
            break
        except OSError:
            assert proc.poll() is None, log.read_text()
            time.sleep(0.25)
    else:
        stop_server(proc)
        raise AssertionError(f"the server did not answer in 120 s:\n{log.read_text()}")
    return url, proc, log


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory, real_index, session_settings):
    """(url, log) of a server with a login, editing off, 5 failures allowed per client and
    127.0.0.3 as its trusted proxy."""
    url, proc, log = start_server(tmp_path_factory.mktemp("guard"), session_settings,
                                  ASSISTANT_UI_USERNAME=USER, ASSISTANT_UI_PASSWORD=PASSWORD,
                                  ASSISTANT_LIBRARY_EDITING="off",
                                  ASSISTANT_LOGIN_MAX_FAILURES="5",
                                  ASSISTANT_TRUSTED_PROXIES=PROXY)
    yield url, log
    stop_server(proc)


def _client(address: str = "127.0.0.1", **kwargs) -> httpx.Client:
    """A client whose connections come from `address` (any of 127.0.0.0/8): each test its
    own, so one test's failures never throttle another's."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=120,
                        **kwargs)


def _auth() -> dict:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _shape(response: httpx.Response, status: int, message: str = "") -> dict:
    """The one error shape: status, JSON `{"error": {"message", "type", "code"}}`, in
    Vietnamese."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"message", "type", "code"} and error["code"] == status
    assert message in error["message"]
    return error


def test_wrong_bearer_tokens_are_throttled_per_client(guarded) -> None:
    url, _ = guarded
    with _client("127.0.0.10") as client:
        codes = [client.get(f"{url}/v1/models", headers={"Authorization": f"Bearer sai-{i}"})
                 .status_code for i in range(200)]
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
        right = client.get(f"{url}/v1/models", headers={"Authorization": f"Bearer {PASSWORD}"})
        _shape(right, 429, msg.UI_LOGIN_THROTTLED.split("{")[0])
        assert int(right.headers["retry-after"]) > 0
    with _client("127.0.0.11") as other:  # another client is not held back
        assert other.get(f"{url}/v1/models",
                         headers={"Authorization": f"Bearer {PASSWORD}"}).status_code == 200


def _login(client: httpx.Client, url: str, forwarded: str) -> int:
    return client.post(f"{url}/login", data={"username": USER, "password": "sai"},
                       headers={"X-Forwarded-For": forwarded}).status_code


def test_a_changing_forwarded_for_does_not_escape_the_login_throttle(guarded) -> None:
    url, _ = guarded
    with _client("127.0.0.1") as client:  # not a trusted proxy: its header is not believed
        codes = [_login(client, url, f"10.0.0.{i}") for i in range(8)]
    assert codes[:5] == [400] * 5 and set(codes[5:]) == {429}


def test_a_trusted_proxy_is_throttled_per_forwarded_client(guarded) -> None:
    url, _ = guarded
    with _client(PROXY) as proxy:
        assert [_login(proxy, url, f"10.1.0.{i}") for i in range(8)] == [400] * 8
        repeated = [_login(proxy, url, "10.2.0.1") for _ in range(7)]
        assert repeated[:5] == [400] * 5 and set(repeated[5:]) == {429}


def _raw(url: str, head: str, chunks, read_limit: float = 30) -> tuple[int, dict, int]:
    """Send a request by hand: `head` (request line and headers), then the body `chunks` until
    the server answers or closes; (status, JSON body, bytes of body sent)."""
    host, port = url.split("//")[1].split(":")
    sock = socket.create_connection((host, int(port)), timeout=read_limit)
    sent = 0
    try:
        sock.sendall(head.encode("latin-1"))
        sock.setblocking(False)
        for chunk in chunks:
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    break  # the answer has come: the server stopped reading
            except BlockingIOError:
                pass
            try:
                sock.setblocking(True)
                sock.settimeout(5)
                sock.sendall(chunk)
                sent += len(chunk)
                sock.setblocking(False)
            except (BrokenPipeError, ConnectionResetError, socket.timeout):
                break
        sock.setblocking(True)
        sock.settimeout(read_limit)
        data = b""
        while b"\r\n\r\n" not in data or len(data) < _length(data):
            part = sock.recv(65536)
            if not part:
                break
            data += part
    finally:
        sock.close()
    header, body = data.split(b"\r\n\r\n", 1)
    return int(header.split()[1]), json.loads(body), sent


def _length(data: bytes) -> int:
    header = data.split(b"\r\n\r\n", 1)[0]
    for line in header.split(b"\r\n")[1:]:
        if line.lower().startswith(b"content-length:"):
            return len(header) + 4 + int(line.split(b":")[1])
    return 1 << 62


@pytest.mark.parametrize("path", ["/gradio_api/queue/join", "/gradio_api/call/ask"])
def test_a_large_body_to_gradio_is_refused_unread(guarded, path) -> None:
    url, _ = guarded
    declared = 200 * 1024 * 1024
    head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {declared}\r\n\r\n")
    status, body, sent = _raw(url, head, (b"[" * 65536 for _ in range(declared // 65536)))
    assert status == 413 and body["error"]["code"] == 413
    assert sent < 16 * 1024 * 1024  # answered before the body was read
    chunked = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n")
    piece = b"10000\r\n" + b" " * 65536 + b"\r\n"  # 23 MB announced by no header
    status, body, sent = _raw(url, chunked, (piece for _ in range(23 * 16)))
    assert status == 413 and body["error"]["type"] == "request_too_large"
    assert sent < 16 * 1024 * 1024
    with _client("127.0.0.13") as client:  # and the server goes on answering
        assert client.post(f"{url}/api/ask", json=QUESTION, headers=_auth()).status_code == 200
        # a long conversation (the chat sends it whole, 10-25 KB a turn) is not too large
        history = [{"role": "assistant", "content": "<p>Trả lời [1]</p>" * 1000}] * 100
        long = client.post(url + path, json={"data": [history], "fn_index": 0,
                                             "session_hash": "dai"})
        assert long.status_code != 413 and len(long.request.content) > 2_000_000


@pytest.mark.parametrize("path", ["/api/ask", "/v1/chat/completions"])
@pytest.mark.parametrize("body, message", [
    (b'{"question": "\xff\xfe \xc3"}', msg.HTTP_NOT_UTF8),
    (b'{"question": ' + b"[" * 3000 + b"]" * 3000 + b"}",
     msg.HTTP_TOO_DEEP.split("{")[0]),
])
def test_bodies_not_utf8_or_too_deep_are_a_400_without_a_traceback(guarded, path, body,
                                                                    message) -> None:
    url, log = guarded
    with _client("127.0.0.14") as client:
        response = client.post(url + path, content=body, headers={
            **_auth(), "Content-Type": "application/json"})
        _shape(response, 400, message)
        assert client.post(f"{url}/api/ask", json=QUESTION, headers=_auth()).status_code == 200
    assert "Traceback" not in log.read_text()


def test_errors_outside_the_routes_are_in_the_vietnamese_shape(guarded) -> None:
    url, log = guarded
    with _client("127.0.0.15") as client:
        _shape(client.get(f"{url}/api/ask", headers=_auth()), 405,
               msg.HTTP_METHOD.format(method="GET"))
        _shape(client.get(f"{url}/api/khong-co", headers=_auth()), 404, msg.HTTP_NOT_FOUND)
        _shape(client.get(f"{url}/api/search", params={"q": "a" * 10_000}, headers=_auth()),
               414, msg.HTTP_URL_TOO_LONG)
        # no Content-Type (curl --data-binary without -H): the body is read as JSON
        plain = client.post(f"{url}/api/ask", content=json.dumps(QUESTION).encode(),
                            headers=_auth())
        assert plain.status_code == 200 and "06/1/2022" in plain.json()["answer"]
    # a request uvicorn cannot parse (a header line without a colon): its answer, same shape
    status, body, _ = _raw(url, "GET /api/articles HTTP/1.1\r\nHost: x\r\nkhong hop le\r\n\r\n",
                           ())
    assert status == 400 and body["error"]["message"] == msg.HTTP_UNPARSABLE
    assert "Traceback" not in log.read_text()


def test_an_upload_with_editing_off_is_refused(guarded) -> None:
    url, _ = guarded
    with _client("127.0.0.16") as client:
        response = client.post(f"{url}/gradio_api/upload",
                               files={"files": ("bai.txt", "Tiêu đề\n\nNội dung bài.".encode())})
    _shape(response, 403, msg.UI_LIBRARY_REFUSED)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_an_uploaded_article_leaves_no_temp_file_once_added(tmp_path, real_index,
                                                            session_settings) -> None:
    temp = tmp_path / "gradio-temp"
    url, proc, _ = start_server(tmp_path / "srv", session_settings, GRADIO_TEMP_DIR=str(temp),
                                ASSISTANT_LIBRARY_EDITING="on")
    try:
        with _client("127.0.0.17") as client:
            config = client.get(f"{url}/config").json()
            before = _files(temp)
            text = ("Tỉnh Bình Minh mở 12 điểm phục vụ hành chính công số trong năm 2024.\n\n"
                    "Theo sở, các điểm này giúp người dân làm thủ tục trực tuyến.")
            uploaded = client.post(f"{url}/gradio_api/upload", files={
                "files": ("binh-minh.txt", text.encode())}).json()
            assert len(_files(temp)) == len(before) + 1
            fn, trigger = _fn_index(config, "add-article")
            file = {"path": uploaded[0], "orig_name": "binh-minh.txt",
                    "meta": {"_type": "gradio.FileData"}}
            output = _queue(client, url, fn, trigger,
                            [file, "", "Bình Minh mở điểm phục vụ", "2024-05-01", ""])
            assert "Bình Minh mở điểm phục vụ" in json.dumps(output, ensure_ascii=False)
            assert _files(temp) == before
    finally:
        stop_server(proc)


def test_an_upload_never_added_is_removed_after_its_ttl(tmp_path, real_index,
                                                       session_settings) -> None:
    """Issue 19 (10): 0.1 minute here (6 s; 60 by default), swept while the server answers;
    a file of the temp folder that no upload wrote stays, and an add of the swept file says
    so in Vietnamese."""
    temp = tmp_path / "gradio-temp"
    stranger = temp / "khac" / "cu.txt"  # another app's file in a shared folder, and old
    stranger.parent.mkdir(parents=True)
    stranger.write_text("không phải tệp tải lên")
    os.utime(stranger, (1, 1))
    url, proc, _ = start_server(tmp_path / "srv", session_settings, GRADIO_TEMP_DIR=str(temp),
                                ASSISTANT_LIBRARY_EDITING="on", ASSISTANT_UPLOAD_TTL_MINUTES="0.1")
    try:
        with _client("127.0.0.18") as client:
            config = client.get(f"{url}/config").json()
            uploaded = client.post(f"{url}/gradio_api/upload", files={
                "files": ("bo-do.txt", "Tiêu đề\n\nMột bài tải lên rồi bỏ đó.".encode())}).json()
            path = Path(uploaded[0])
            assert path.is_file() and path.is_relative_to(temp)
            started = time.monotonic()
            while path.exists() and time.monotonic() - started < 60:
                answer = client.post(f"{url}/api/ask", json=QUESTION)
                assert answer.status_code == 200 and "06/1/2022" in answer.json()["answer"]
                time.sleep(0.5)
            assert not path.exists() and not path.parent.exists()
            assert stranger.read_text() == "không phải tệp tải lên"
            fn, trigger = _fn_index(config, "add-article")
            file = {"path": str(path), "orig_name": "bo-do.txt",
                    "meta": {"_type": "gradio.FileData"}}
            output = json.dumps(_queue(client, url, fn, trigger,
                                       [file, "", "Bỏ đó", "2024-05-01", ""]), ensure_ascii=False)
            assert msg.UI_UPLOAD_EXPIRED.format(minutes="0.1") in output
            assert client.post(f"{url}/api/ask", json=QUESTION).status_code == 200
    finally:
        stop_server(proc)


def _queue_join(client: httpx.Client, url: str, fn: int, trigger: int, data: list) -> str:
    """One call put in Gradio's queue, as the page does it; its session."""
    session = f"t{time.time_ns()}"
    joined = client.post(f"{url}/gradio_api/queue/join", json={
        "data": data, "fn_index": fn, "session_hash": session, "trigger_id": trigger,
        "event_data": None})
    assert joined.status_code == 200, joined.text
    return session


def _queue(client: httpx.Client, url: str, fn: int, trigger: int, data: list) -> list:
    """The output of one call through Gradio's queue, as the page makes it."""
    session = _queue_join(client, url, fn, trigger, data)
    with client.stream("GET", f"{url}/gradio_api/queue/data",
                       params={"session_hash": session}) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                event = json.loads(line[5:])
                if event.get("msg") == "process_completed":
                    assert event["success"], event
                    return event["output"]["data"]
    raise AssertionError("no result")
