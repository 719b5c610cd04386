"""Load on a real server (loopback only, bounded): 20 gradio_client sessions asking 10
questions each while another process adds an article to docs/, runs `python -m assistant
index`, removes it and indexes again. Zero errors; every answer is the single-client answer for
that question in one of the two index states. Throughput and p95 are printed, never asserted.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from gradio_client import Client

from ..conftest import ROOT
from .ui_server import server  # noqa: F401  (fixture)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

SESSIONS, PER_SESSION = 20, 10
QUESTIONS = [  # about the shipped articles only: their answers must not move
    "Hải Dương có bao nhiêu sản phẩm OCOP?",
    "Tỷ trọng kinh tế số trong GDP là bao nhiêu?",
    "Đề án 06 được phê duyệt ngày nào?",
    "chuyen doi so la gi",
    "Thời tiết Hà Nội hôm nay thế nào?",
    "Cổng Dịch vụ công quốc gia có bao nhiêu thủ tục?",
    "Có bao nhiêu doanh nghiệp đăng ký sử dụng hóa đơn điện tử?",
    "Thủ tướng nhấn mạnh mấy quan điểm chỉ đạo đối với chuyển đổi số?",
    "Sóc Trăng làm gì để tăng cường nhận thức về chuyển đổi số?",
    "VNeID",
]
ADDED = ("---\nid: nuoi-tom-bac-lieu\ntitle: Bạc Liêu mở rộng vùng nuôi tôm siêu thâm canh\n"
         "date: 2024-09-01\nsource: Báo thử nghiệm\n---\n"
         "Tỉnh Bạc Liêu có 1.450 héc-ta nuôi tôm siêu thâm canh trong năm 2024.\n\n"
         "Sản lượng tôm nuôi ước đạt 470.000 tấn, phần lớn được xuất khẩu sang Nhật Bản.\n")


def _index(settings) -> None:
    """`python -m assistant index` in another process, on the server's folders."""
    env = {**os.environ, "ASSISTANT_DOCS_DIR": str(settings.docs_dir),
           "ASSISTANT_INDEX_DIR": str(settings.index_dir),
           "ASSISTANT_CACHE_DIR": str(settings.cache_dir),
           "ASSISTANT_DATA_DIR": str(settings.data_dir)}
    out = subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr


def _ask_all(client: Client) -> dict[str, dict]:
    return {q: client.predict(q, api_name="/ask") for q in QUESTIONS}


def test_concurrent_sessions_get_single_client_answers_while_the_library_changes(
        server, capsys) -> None:  # noqa: F811
    url, engine = server
    settings, added = engine.settings, engine.settings.docs_dir / "nuoi-tom-bac-lieu.txt"
    single = Client(url, verbose=False)
    reference = {"without": _ask_all(single)}
    added.write_text(ADDED, encoding="utf-8")
    _index(settings)
    reference["with"] = _ask_all(single)
    assert "1.450" in single.predict("Bạc Liêu có bao nhiêu héc-ta nuôi tôm siêu thâm canh?",
                                     api_name="/ask")["answer"]  # the server saw the new build
    added.unlink()
    _index(settings)
    assert _ask_all(single) == reference["without"]

    builds, stop, failures = {engine.retriever.index.directory}, threading.Event(), []

    def writer() -> None:  # add, index, remove, index: at most 3 rounds, while clients ask
        try:
            for _ in range(3):
                added.write_text(ADDED, encoding="utf-8")
                _index(settings)
                added.unlink()
                _index(settings)
                if stop.is_set():
                    return
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)

    def watch() -> None:
        while not stop.is_set():
            builds.add(engine.retriever.index.directory)
            time.sleep(0.05)

    def session(seed: int) -> list[tuple[str, dict | Exception, float]]:
        client = Client(url, verbose=False)
        order = random.Random(seed).sample(QUESTIONS, len(QUESTIONS))[:PER_SESSION]
        out = []
        for question in order:
            began = time.perf_counter()
            try:
                result = client.predict(question, api_name="/ask")
            except Exception as exc:  # noqa: BLE001 - counted as an error below
                result = exc
            out.append((question, result, time.perf_counter() - began))
        return out

    write = threading.Thread(target=writer)
    watcher = threading.Thread(target=watch)
    write.start()
    watcher.start()
    began = time.perf_counter()
    with ThreadPoolExecutor(SESSIONS) as pool:
        results = [r for rows in pool.map(session, range(SESSIONS)) for r in rows]
    elapsed = time.perf_counter() - began
    stop.set()
    write.join()
    watcher.join()
    added.unlink(missing_ok=True)

    errors = [(q, r) for q, r, _ in results if isinstance(r, Exception)]
    wrong = [q for q, r, _ in results if not isinstance(r, Exception)
             and r not in (reference["without"][q], reference["with"][q])]
    latencies = np.array([t for _, _, t in results])
    with capsys.disabled():  # shown in CI logs too, without -s
            print(f"\nload: {len(results)} answers from {SESSIONS} sessions in {elapsed:.1f} s = "
              f"{len(results) / elapsed:.1f} answers/s; latency p50 "
              f"{np.percentile(latencies, 50):.2f} s, p95 {np.percentile(latencies, 95):.2f} s; "
              f"index builds served during the load: {len(builds)}")
    assert not failures, failures
    assert len(results) == SESSIONS * PER_SESSION
    assert not errors, errors[:3]
    assert not wrong, wrong[:5]
    assert len(builds) >= 2  # the library did change under the clients
