"""The bench's memory probe: RSS and its mapped-file part, freed heap handed back."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.bench.memory import latency, rss_now, trim


def test_a_mapped_file_read_counts_in_the_file_part_of_rss(tmp_path: Path) -> None:
    path = tmp_path / "v.npy"
    np.save(path, np.ones((64, 2**16), dtype=np.float16))  # 8 MiB
    before = rss_now("RssFile:")
    mapped = np.load(path, mmap_mode="r")
    assert float(mapped.sum(dtype=np.float64)) == 64 * 2**16
    assert rss_now("RssFile:") >= before + 4
    assert rss_now() >= rss_now("RssFile:")


def test_trim_keeps_what_is_held_and_latency_gives_percentiles() -> None:
    held = np.ones(2**22)
    trim()
    assert rss_now() > held.nbytes / 2**20
    assert latency([float(i) for i in range(1, 101)]) == {"p50_ms": 50.5, "p95_ms": 96.0}
