"""A vector file damaged under a running server (issue 19, point 5): the server keeps
answering from the build it holds, logs the damage, rebuilds, and never dies of SIGBUS."""
from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest

from assistant import messages as msg

from ..conftest import until
from .test_http_guard import start_server, stop_server

pytestmark = pytest.mark.slow

QUESTION = {"question": "Đề án 06 được phê duyệt ngày nào?"}


def test_a_truncated_vector_file_is_logged_and_the_answers_go_on(
        tmp_path, real_index, session_settings) -> None:
    url, proc, log = start_server(tmp_path, session_settings)
    try:
        with httpx.Client(timeout=120) as client:
            assert "06/1/2022" in client.post(f"{url}/api/ask", json=QUESTION).json()["answer"]
            vectors = sorted((tmp_path / "i").rglob("chunk_vectors.npy"))
            assert vectors
            for path in vectors:
                os.truncate(path, 200)
            for _ in range(3):  # the first question after the damage, and the next ones
                answer = client.post(f"{url}/api/ask", json=QUESTION)
                assert answer.status_code == 200 and "06/1/2022" in answer.json()["answer"]
            until(lambda: msg.INDEX_REPAIRED_LIVE.split(":")[0] in log.read_text(),
                  "the index rebuilt", 120)
            text = log.read_text()
            assert msg.INDEX_DAMAGED_LIVE.split("{")[0] in text and "chunk_vectors.npy" in text
            assert "Traceback" not in text
            again = client.post(f"{url}/api/ask", json=QUESTION)
            assert again.status_code == 200 and "06/1/2022" in again.json()["answer"]
            index = tmp_path / "i"
            build = index / (index / "CURRENT").read_text().strip()
            names = [s["name"] for s in json.loads((build / "manifest.json").read_text())[
                "segments"]]
            assert all((index / "segments" / n / "chunk_vectors.npy").stat().st_size > 200
                       for n in names)  # the build served now is a new, whole one
        assert proc.poll() is None  # alive: no SIGBUS
    finally:
        stop_server(proc)


def test_a_truncated_mapped_file_is_logged_and_the_last_good_build_answers(
        tmp_path, real_index, session_settings) -> None:
    """Every array memory-mapped (`ASSISTANT_MAP_ABOVE_BYTES=0`): the mapped vector files
    truncated under the server, questions still answered with citations (never a 503 while a
    good build exists), the damage logged, and answers after the rebuild too."""
    url, proc, log = start_server(tmp_path, session_settings, ASSISTANT_MAP_ABOVE_BYTES="0")
    try:
        with httpx.Client(timeout=120) as client:
            first = client.post(f"{url}/api/ask", json=QUESTION)
            assert first.status_code == 200 and first.json()["citations"]
            index = tmp_path / "i"
            maps = Path(f"/proc/{proc.pid}/maps").read_text()
            assert f"{index / 'segments'}/seg-" in maps  # the mapped path, from its copies
            damaged = sorted(index.rglob("chunk_vectors.npy")) \
                + sorted(index.rglob("sentence_vectors.npy"))
            assert damaged
            for path in damaged:
                os.truncate(path, 200)
            for _ in range(3):  # the first question after the damage, and the next ones
                answer = client.post(f"{url}/api/ask", json=QUESTION)
                assert answer.status_code == 200, answer.text
                assert "06/1/2022" in answer.json()["answer"] and answer.json()["citations"]
            until(lambda: msg.INDEX_REPAIRED_LIVE.split(":")[0] in log.read_text(),
                  "the index rebuilt", 120)
            text = log.read_text()
            assert msg.INDEX_DAMAGED_LIVE.split("{")[0] in text
            assert "Traceback" not in text
            again = client.post(f"{url}/api/ask", json=QUESTION)
            assert again.status_code == 200 and "06/1/2022" in again.json()["answer"]
            assert again.json()["citations"]
        assert proc.poll() is None  # alive: no SIGBUS
    finally:
        stop_server(proc)
