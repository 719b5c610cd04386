"""`upload_sweep` on its own (issue 19, point 10): only uploads, only in Gradio's temp folder,
only when older than the TTL. The real server's sweep: `test_http_guard`."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from assistant.serving.upload_sweep import (LEDGER, UploadLedger, UploadSweeper,
                                            _RecordedSet, interval)


def _file(path, mtime: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    os.utime(path, (mtime, mtime))
    return path


def test_only_old_uploads_inside_the_temp_folder_are_removed(tmp_path, monkeypatch) -> None:
    temp = tmp_path / "gradio"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(temp))
    old = _file(temp / "a1" / "cu.txt", 1000)
    young = _file(temp / "b2" / "moi.txt", 1990)
    outside = _file(tmp_path / "docs" / "bai.txt", 1000)  # listed, but not Gradio's
    stranger = _file(temp / "c3" / "khac.txt", 1000)  # Gradio's folder, but no upload of ours
    gone = str(temp / "d4" / "da-them.txt")  # added already: its file removed by the add
    uploads = {str(old), str(young), str(outside), gone}
    sweeper = UploadSweeper(uploads, ttl_seconds=60, clock=lambda: 2000)
    assert sweeper.sweep() == 1
    assert not old.exists() and not old.parent.exists()
    assert young.exists() and outside.exists() and stranger.exists()
    assert uploads == {str(young), str(outside)}
    sweeper._clock = lambda: 2100
    assert sweeper.sweep() == 1 and not young.exists() and outside.exists()


def test_the_sweep_interval_follows_the_ttl() -> None:
    assert interval(6) == 1.5 and interval(3600) == 60 and interval(1) == 1


def test_the_ledger_outlives_the_process_and_only_its_old_entries_are_swept(
        tmp_path, monkeypatch) -> None:
    """A new sweeper with an empty set (a restarted server) removes what an earlier one
    recorded once it is older than the TTL; a young entry, a file no entry names and a file
    outside Gradio's temp folder stay; the ledger forgets what is gone or not its to remove."""
    temp, data = tmp_path / "gradio", tmp_path / "var"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(temp))
    old = _file(temp / "a1" / "cu.txt", 1990)  # recent mtime: the ledger's time counts
    young = _file(temp / "b2" / "moi.txt", 1000)
    stranger = _file(temp / "c3" / "khac.txt", 1000)
    outside = _file(tmp_path / "docs" / "bai.txt", 1000)
    before = _RecordedSet(set(), UploadLedger(data), clock=lambda: 1000)
    before.update([str(old), str(outside)])
    before.add(str(temp / "d4" / "da-them.txt"))  # added since: no file any more
    UploadLedger(data).record([str(young)], 1990)
    assert json.loads((data / LEDGER).read_text()).keys() == {
        str(old), str(outside), str(young), str(temp / "d4" / "da-them.txt")}
    sweeper = UploadSweeper(set(), 60, clock=lambda: 2000, ledger=UploadLedger(data))
    assert sweeper.sweep() == 1
    assert not old.exists() and not old.parent.exists()
    assert young.exists() and stranger.exists() and outside.exists()
    assert UploadLedger(data).entries() == {str(young): 1990}
    assert sorted(p.name for p in data.iterdir()) == [f".{LEDGER}.lock", LEDGER]


def test_a_damaged_ledger_is_taken_as_empty(tmp_path) -> None:
    (tmp_path / LEDGER).write_bytes(b"\xff{not json")
    ledger = UploadLedger(tmp_path)
    assert ledger.entries() == {}
    ledger.record(["/x"], 5)
    assert ledger.entries() == {"/x": 5.0}


@pytest.mark.slow
def test_uploads_made_before_a_restart_are_swept_after_it(tmp_path, real_index,
                                                           session_settings) -> None:
    """Issue 19 (10): an upload never added, then the server stopped and started again with
    a TTL of 0.1 minute: the restarted server removes the old upload (it knows it from its
    ledger in its data folder, not from memory), leaves a file of the temp folder that no
    upload wrote, and the API answers meanwhile."""
    from .test_http_guard import QUESTION, _client, start_server, stop_server

    temp = tmp_path / "gradio-temp"
    base = tmp_path / "srv"
    url, proc, _ = start_server(base, session_settings, GRADIO_TEMP_DIR=str(temp),
                                ASSISTANT_LIBRARY_EDITING="on")
    try:
        with _client("127.0.0.19") as client:
            uploaded = client.post(f"{url}/gradio_api/upload", files={
                "files": ("truoc.txt", "Tiêu đề\n\nTải lên trước khi khởi động lại.".encode())})
            path = Path(uploaded.json()[0])
            assert path.is_file() and path.is_relative_to(temp)
    finally:
        stop_server(proc)
    stranger = temp / "khac" / "cu.txt"  # another app's file in a shared folder, and old
    stranger.parent.mkdir(parents=True)
    stranger.write_text("không phải tệp tải lên")
    os.utime(stranger, (1, 1))
    url, proc, log = start_server(base, session_settings, GRADIO_TEMP_DIR=str(temp),
                                  ASSISTANT_LIBRARY_EDITING="on",
                                  ASSISTANT_UPLOAD_TTL_MINUTES="0.1")
    try:
        with _client("127.0.0.20") as client:
            started = time.monotonic()
            while path.exists() and time.monotonic() - started < 60:
                answer = client.post(f"{url}/api/ask", json=QUESTION)
                assert answer.status_code == 200 and "06/1/2022" in answer.json()["answer"]
                time.sleep(0.5)
            assert not path.exists() and not path.parent.exists()
            assert stranger.read_text() == "không phải tệp tải lên"
            answer = client.post(f"{url}/api/ask", json=QUESTION)
            assert answer.status_code == 200 and answer.json()["citations"]
        assert "Traceback" not in log.read_text()
    finally:
        stop_server(proc)
