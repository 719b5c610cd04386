"""Who may change the library, and the login rate limit: fast rules, then the real server."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from assistant import messages as msg
from assistant.settings import load_settings
from assistant.serving.ui_guard import LoginThrottle, library_editing_allowed

from .ui_server import launch


@pytest.mark.parametrize("mode, login, allowed", [
    ("auto", False, False), ("auto", True, True), ("on", False, True), ("on", True, True),
    ("off", True, False), ("off", False, False), ("OFF", True, False),
])
def test_library_editing_decision(mode: str, login: bool, allowed: bool) -> None:
    assert library_editing_allowed(load_settings(env={}, library_editing=mode), login) is allowed


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failed_logins_wait_longer_each_time_and_success_clears() -> None:
    clock = _Clock()
    throttle = LoginThrottle(load_settings(env={}, login_max_failures=3, login_block_seconds=10,
                                           login_block_max_seconds=25), clock)
    for _ in range(2):
        throttle.failed("1.2.3.4")
    assert throttle.wait("1.2.3.4") == 0
    throttle.failed("1.2.3.4")
    assert throttle.wait("1.2.3.4") == 10 and throttle.wait("5.6.7.8") == 0
    clock.now += 10
    assert throttle.wait("1.2.3.4") == 0
    throttle.failed("1.2.3.4")
    assert throttle.wait("1.2.3.4") == 20
    clock.now += 20
    throttle.failed("1.2.3.4")
    assert throttle.wait("1.2.3.4") == 25  # capped
    throttle.succeeded("1.2.3.4")
    assert throttle.wait("1.2.3.4") == 0


def _post(url: str, data: dict, as_json: bool = False) -> tuple[int, str]:
    body = json.dumps(data).encode() if as_json else urllib.parse.urlencode(data).encode()
    kind = "application/json" if as_json else "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=body, headers={"Content-Type": kind})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.mark.slow
def test_login_is_throttled_per_client(tmp_path, real_embedder, session_settings) -> None:
    url, _, app = launch(tmp_path, real_embedder, session_settings.cache_dir,
                         auth=("admin", "dung-mat-khau"), login_max_failures=3)
    try:
        codes = [_post(url + "login", {"username": "admin", "password": f"sai{i}"})[0]
                 for i in range(3)]
        assert codes == [400, 400, 400]
        code, body = _post(url + "login", {"username": "admin", "password": "dung-mat-khau"})
        message = json.loads(body)["error"]["message"]
        assert code == 429 and msg.UI_LOGIN_THROTTLED.split(";")[0] in message
    finally:
        app.close()


def _fn_index(config: dict, elem_id: str) -> tuple[int, int]:
    ids = [c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id]
    for i, dep in enumerate(config["dependencies"]):
        if any(t[0] in ids for t in dep["targets"]):
            return i, ids[0]
    raise AssertionError(f"no handler on #{elem_id}")


def _queue_call(url: str, fn_index: int, trigger: int, data: list) -> dict:
    """The completion event of one call through Gradio's queue, as a script would make it."""
    session = f"t{time.time_ns()}"
    code, _ = _post(url + "gradio_api/queue/join", {"data": data, "fn_index": fn_index,
                                                    "session_hash": session, "trigger_id": trigger,
                                                    "event_data": None}, as_json=True)
    assert code == 200
    with urllib.request.urlopen(f"{url}gradio_api/queue/data?session_hash={session}",
                                timeout=120) as stream:
        for line in stream:
            line = line.decode().strip()
            if line.startswith("data:"):
                event = json.loads(line[5:])
                if event.get("msg") == "process_completed":
                    return event
    raise AssertionError("no result")


@pytest.mark.slow
def test_library_handlers_refuse_direct_calls_when_editing_is_off(tmp_path, real_embedder,
                                                                  session_settings) -> None:
    url, engine, app = launch(tmp_path, real_embedder, session_settings.cache_dir,
                              library_editing=None)  # auto, no login: editing off
    try:
        before = sorted(p.name for p in engine.settings.docs_dir.iterdir())
        with urllib.request.urlopen(url + "config", timeout=60) as response:
            config = json.load(response)
        add_fn, add_id = _fn_index(config, "add-article")
        out = _queue_call(url, add_fn, add_id, [None, "Tỉnh X có 55 trạm mới năm 2024 theo báo "
                                                "cáo của sở.", "Bài chen ngang", "", ""])
        assert msg.UI_LIBRARY_REFUSED in json.dumps(out["output"], ensure_ascii=False)
        victim = before[0].rsplit(".", 1)[0]
        yes_fn, yes_id = _fn_index(config, "remove-yes")
        out = _queue_call(url, yes_fn, yes_id, [victim])
        # refused by the handler, or already by Gradio (the id is not among this session's
        # choices): either way nothing is removed
        assert not out["success"] or msg.UI_LIBRARY_REFUSED in json.dumps(out["output"],
                                                                          ensure_ascii=False)
        assert sorted(p.name for p in engine.settings.docs_dir.iterdir()) == before
        assert len(engine.articles()) == len(before)
    finally:
        app.close()


def test_web_chat_settings_come_from_the_environment() -> None:
    settings = load_settings(env={"ASSISTANT_CHAT_CONCURRENCY": "2",
                                  "ASSISTANT_LIBRARY_EDITING": "off",
                                  "ASSISTANT_LIBRARY_MAX_BYTES": "1000"})
    assert (settings.chat_concurrency, settings.library_editing, settings.library_max_bytes) == \
        (2, "off", 1000)
    assert library_editing_allowed(settings, True) is False
