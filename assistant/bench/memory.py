"""The bench's memory probe (peak RSS per stage, RSS now and its mapped-file part, freed heap
handed back) and its latency percentiles."""
from __future__ import annotations

import statistics
import threading
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PeakRss", "latency", "rss_now", "trim"]


def latency(values_ms: list[float]) -> dict:
    """p50 and p95 of a list of milliseconds."""
    ordered = sorted(values_ms)
    return {"p50_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2)}


def rss_now(line: str = "") -> float:
    """Resident set size of this process now (MiB), from /proc (Linux); `line` ("RssFile:")
    one part of it instead (pages of mapped files: the tantivy index, the stored vectors)."""
    try:
        if line:
            status = Path("/proc/self/status").read_text()
            return int(status.split(line)[1].split()[0]) / 1024
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def trim() -> None:
    """Hand freed heap memory back to the system (glibc's malloc_trim; nothing elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@dataclass
class PeakRss:
    """Peak RSS while a `with` block runs, sampled every 20 ms by a thread (ru_maxrss only
    ever grows, so it cannot tell one stage from the next): `peak_mib` and `grew_mib` (peak
    minus the RSS at the start)."""

    every: float = 0.02
    start_mib: float = 0.0
    peak_mib: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> "PeakRss":
        self.start_mib = self.peak_mib = rss_now()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            self.peak_mib = max(self.peak_mib, rss_now())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mib = max(self.peak_mib, rss_now())

    @property
    def grew_mib(self) -> float:
        return self.peak_mib - self.start_mib

    def figures(self) -> dict:
        return {"peak_rss_mib": round(self.peak_mib), "grew_mib": round(self.grew_mib)}
