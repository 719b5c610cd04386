"""The bench's throughput against concurrency, over loopback HTTP to a real server.

`http_throughput` starts `python -m assistant serve` in a child process (a free loopback
port, its own index and data folders, the docs/ and embedding cache of the settings given),
then, for each level N, runs N client threads that ask the eval questions in a loop for a
bounded time, and reports answers/s and latency p50/p95. Two routes are measured: the HTTP
API `POST /api/ask` and the chat's `/ask` through Gradio's queue
(`POST /gradio_api/call/ask`, then the result event). Both hold one of the server's
`Settings.chat_concurrency` answer slots while computing. A third, `mixed`, runs N API clients
and N/8 (at least one) chat clients at the same time: how the one budget shares the server
between the two doors (rows `mixed api` and `mixed queue`). A fourth, `churn`, runs N API
clients while another process adds an article to the server's docs/ (a copy), runs
`python -m assistant index`, removes it and indexes again, round after round (row `churn api`,
with its `rounds`): the server follows those builds under load. The clients share the server's
CPU.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .scale import latency
from ..settings import Settings

__all__ = ["ROUTES", "http_throughput"]

ROUTES = ("api", "queue")  # the default; "mixed" is asked for by name
_ROOT = Path(__file__).resolve().parents[2]  # `python -m assistant` runs from here


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_env(settings: Settings, root: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    cache = settings.cache_dir or settings.index_dir / "cache"
    env.update({"ASSISTANT_DOCS_DIR": str(settings.docs_dir),
                "ASSISTANT_INDEX_DIR": str(root / "index"),
                "ASSISTANT_DATA_DIR": str(root / "var"),
                "ASSISTANT_CACHE_DIR": str(cache), "ASSISTANT_CACHE_PRUNE": "false",
                "ASSISTANT_EMBEDDER": settings.embedder,
                "ASSISTANT_CHAT_CONCURRENCY": str(settings.chat_concurrency),
                "ASSISTANT_HOST": "127.0.0.1", "ASSISTANT_PORT": str(port),
                "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"})
    return env


def _wait_ready(url: str, server: subprocess.Popen, timeout: float) -> float:
    import httpx

    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {server.returncode})")
        try:
            if httpx.get(f"{url}/api/articles", timeout=5).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


def _ask_api(client, url: str, question: str) -> bool:
    reply = client.post(f"{url}/api/ask", json={"question": question}, timeout=300)
    return reply.status_code == 200 and bool(reply.json().get("answer"))


def _ask_queue(client, url: str, question: str) -> bool:
    started = client.post(f"{url}/gradio_api/call/ask", json={"data": [question, None]},
                          timeout=300)
    if started.status_code != 200:
        return False
    event = ""
    with client.stream("GET", f"{url}/gradio_api/call/ask/{started.json()['event_id']}",
                       timeout=300) as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                return event == "complete" and bool(json.loads(line[5:])[0].get("answer"))
    return False


def _level(url: str, route: str, questions: list[str], n: int, seconds: float) -> dict:
    """N clients asking in a loop for `seconds` (requests under way then are finished)."""
    import httpx

    ask = _ask_api if route == "api" else _ask_queue
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = threading.Barrier(n + 1)
    deadline = [0.0]

    def client(seed: int) -> None:
        with httpx.Client() as http:
            start.wait()
            i = seed
            while time.perf_counter() < deadline[0]:
                t = time.perf_counter()
                try:
                    ok = ask(http, url, questions[i % len(questions)])
                except httpx.HTTPError:
                    ok = False
                with lock:
                    if ok:
                        latencies.append((time.perf_counter() - t) * 1000)
                    else:
                        errors[0] += 1
                i += 7

    threads = [threading.Thread(target=client, args=(k,)) for k in range(n)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return {"route": route, "clients": n, "answers": len(latencies), "errors": errors[0],
            "seconds": round(elapsed, 1),
            "answers_per_s": round(len(latencies) / elapsed, 2),
            **(latency(latencies) if latencies else {"p50_ms": None, "p95_ms": None})}


def _mixed(url: str, questions: list[str], n: int, seconds: float) -> list[dict]:
    """N API clients and N/8 (at least one) chat clients at once; `clients` is N in both rows,
    `chat_clients` the chat's count."""
    chat = max(1, n // 8)
    rows: dict[str, dict] = {}
    threads = [threading.Thread(target=lambda r=r, k=k: rows.__setitem__(
        r, _level(url, r, questions, k, seconds))) for r, k in (("api", n), ("queue", chat))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [{**rows[r], "route": f"mixed {r}", "clients": n, "chat_clients": chat}
            for r in ("api", "queue")]


_CHURN_ARTICLE = ("---\ntitle: Bài thử tải của bench\ndate: 2025-01-01\n---\n"
                  "Xã Thử Tải có {n} điểm truy cập Internet công cộng mới trong năm 2025.\n")


def _churn(url: str, questions: list[str], n: int, seconds: float, env: dict | None) -> dict:
    """N API clients for `seconds` while another process adds and removes an article and
    indexes after each change (`env`: the server's, naming its docs/ copy and index)."""
    if env is None:
        raise RuntimeError("churn needs the bench's own server (no --http-url)")
    docs, rounds, stop = Path(env["ASSISTANT_DOCS_DIR"]), [0], threading.Event()

    def index() -> None:
        subprocess.run([sys.executable, "-m", "assistant", "index"], env=env, cwd=str(_ROOT),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def writer() -> None:
        path = docs / "bench-thu-tai.md"
        while not stop.is_set():
            path.write_text(_CHURN_ARTICLE.format(n=rounds[0] + 2), encoding="utf-8")
            index()
            path.unlink()
            index()
            rounds[0] += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        row = _level(url, "api", questions, n, seconds)
    finally:
        stop.set()
        thread.join()
    return {**row, "route": "churn api", "rounds": rounds[0]}


def _drive(url: str, questions: list[str], levels: tuple[int, ...], seconds: float,
           routes: tuple[str, ...], env: dict | None = None) -> list[dict]:
    import httpx

    warm = ("api", "queue") if "mixed" in routes else tuple(r for r in routes if r != "churn")
    warm = warm or ("api",)
    with httpx.Client() as http:  # warm: every question answered once per route
        for route in warm:
            for question in questions:
                (_ask_api if route == "api" else _ask_queue)(http, url, question)
    rows: list[dict] = []
    for route in routes:
        for n in levels:
            rows += (_mixed(url, questions, n, seconds) if route == "mixed"
                     else [_churn(url, questions, n, seconds, env)] if route == "churn"
                     else [_level(url, route, questions, n, seconds)])
    return rows


def http_throughput(settings: Settings, questions: list[str],
                    levels: tuple[int, ...] = (1, 2, 4, 8, 16, 32), *, seconds: float = 10.0,
                    routes: tuple[str, ...] = ROUTES, ready_timeout: float = 600.0,
                    url: str = "") -> dict:
    """Answers/s and latency against N concurrent clients on a real server (loopback), or on
    the server or proxy already running at `url` (several processes behind nginx)."""
    if url:
        return {"server": f"{url} (started outside the bench; clients are threads of the "
                          "bench process)", "chat_concurrency": None,
                "seconds_per_level": seconds, "ready_s": 0.0,
                "levels": _drive(url.rstrip("/"), questions, levels, seconds, routes)}
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        env = _server_env(settings, root, port)
        if "churn" in routes:  # its articles come and go in a copy, never in docs/ itself
            shutil.copytree(settings.docs_dir, root / "docs")
            env["ASSISTANT_DOCS_DIR"] = str(root / "docs")
        log = (root / "server.log").open("wb")
        server = subprocess.Popen([sys.executable, "-m", "assistant", "serve"],
                                  env=env, stdout=log,
                                  stderr=subprocess.STDOUT, cwd=str(_ROOT))
        try:
            try:
                ready = _wait_ready(url, server, ready_timeout)
            except RuntimeError as exc:
                tail = (root / "server.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{exc}; server log:\n{tail}") from exc
            rows = _drive(url, questions, levels, seconds, routes, env)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
    return {"server": "python -m assistant serve (loopback; clients are threads of the "
                      "bench process on the same CPU)",
            "chat_concurrency": settings.chat_concurrency, "seconds_per_level": seconds,
            "ready_s": round(ready, 1), "levels": rows}
