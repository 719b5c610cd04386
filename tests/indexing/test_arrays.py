"""Index arrays checked before use (issue 19, point 5)."""
from __future__ import annotations

import os

import numpy as np
import pytest

from assistant.indexing import arrays
from assistant.indexing.arrays import load_array


def test_an_intact_array_is_read_into_memory(tmp_path) -> None:
    path = tmp_path / "v.npy"
    np.save(path, np.arange(12, dtype=np.float16).reshape(3, 4))
    got = load_array(path)
    os.truncate(path, 10)  # damage on disk afterwards does not reach what was read
    assert got.tolist() == np.arange(12, dtype=np.float16).reshape(3, 4).tolist()


@pytest.mark.parametrize("damage", [
    lambda p: os.truncate(p, p.stat().st_size - 2),  # cut short
    lambda p: os.truncate(p, 40),  # inside the header
    lambda p: p.write_bytes(b"not an array at all"),
    lambda p: p.write_bytes(p.read_bytes() + b"\0" * 8),  # longer than its header says
])
def test_a_damaged_array_is_refused_before_it_is_mapped(tmp_path, damage) -> None:
    path = tmp_path / "v.npy"
    np.save(path, np.ones((50, 8), dtype=np.float32))
    damage(path)
    with pytest.raises(ValueError):
        load_array(path)


def test_a_large_array_is_mapped_and_remembered(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(arrays, "IN_MEMORY_BYTES", 100)
    path = tmp_path / "big.npy"
    np.save(path, np.ones((50, 8), dtype=np.float32))
    assert load_array(path).sum() == 400 and str(path) in arrays.MAPPED
