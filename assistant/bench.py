"""`python -m assistant bench`: speed and memory figures of this machine, printed.

Measures a cold index build (embedding cache off), a warm rebuild (cache on), loading the
engine from an existing index (what start-up pays), and per-question latency of search and
ask over the eval questions, plus the process's peak memory.
"""
from __future__ import annotations

import resource
import statistics
import tempfile
import time
from pathlib import Path

from .settings import Settings

__all__ = ["run_bench"]


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, n={len(ordered)}"


def run_bench(settings: Settings, questions: list[str]) -> dict[str, str]:
    """Run the measurements and return them as printable figures."""
    from .embed import make_embedder
    from .engine import Engine
    from .store import ensure_index

    figures: dict[str, str] = {}
    started = time.perf_counter()
    embedder = make_embedder(settings)
    figures["embedder load"] = f"{time.perf_counter() - started:.2f} s ({embedder.name})"
    with tempfile.TemporaryDirectory() as scratch:
        cold = settings.replace(index_dir=str(Path(scratch) / "index"))
        started = time.perf_counter()
        index, report = ensure_index(cold, embedder)
        figures["cold index build"] = (f"{time.perf_counter() - started:.1f} s "
                                       f"({len(index.articles)} articles, {len(index.chunks)} "
                                       f"chunks, {report.embedded} texts embedded)")
        started = time.perf_counter()
        ensure_index(cold, embedder, rebuild=True)
        figures["rebuild, embeddings cached"] = f"{time.perf_counter() - started:.2f} s"
        started = time.perf_counter()
        engine = Engine(cold, embedder)
        figures["engine load (index exists)"] = f"{time.perf_counter() - started:.2f} s"
    search, ask = [], []
    for question in questions:
        t = time.perf_counter()
        engine.retriever.search(question)
        search.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        engine.ask(question)
        ask.append((time.perf_counter() - t) * 1000)
    figures["search latency"] = _percentiles(search)
    figures["ask latency"] = _percentiles(ask)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["peak memory (RSS)"] = f"{peak:.0f} MiB"
    return figures
