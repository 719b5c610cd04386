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


def test_a_large_array_is_mapped_from_a_private_copy(tmp_path, monkeypatch) -> None:
    """Mapped, yet out of reach of damage to its file: a truncation afterwards, which would
    be a SIGBUS at the next read of a mapping of the file itself, changes nothing, and the
    copy has no name in the folder."""
    monkeypatch.setattr(arrays, "IN_MEMORY_BYTES", 100)
    path = tmp_path / "big.npy"
    np.save(path, np.arange(400, dtype=np.float32).reshape(50, 8))
    got = load_array(path)
    assert isinstance(got.base, np.memmap) or isinstance(got, np.memmap)
    os.truncate(path, 200)
    assert got.sum() == np.arange(400).sum() and got[49, 7] == 399
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.npy"]


def test_the_threshold_is_a_setting_and_zero_maps_every_array(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(arrays, "IN_MEMORY_BYTES", arrays.IN_MEMORY_BYTES)
    arrays.map_above(0)
    path, empty = tmp_path / "v.npy", tmp_path / "e.npy"
    np.save(path, np.ones((2, 3), dtype=np.float16))
    np.save(empty, np.zeros((0, 3), dtype=np.float16))
    assert isinstance(load_array(path).base, np.memmap)
    assert load_array(empty).shape == (0, 3)  # an empty array is read, it cannot be mapped


def test_a_copy_that_cannot_be_made_reads_the_array_into_memory(tmp_path, monkeypatch,
                                                                caplog) -> None:
    monkeypatch.setattr(arrays, "IN_MEMORY_BYTES", 10)

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(arrays.tempfile, "TemporaryFile", full)
    path = tmp_path / "v.npy"
    np.save(path, np.ones((4, 4), dtype=np.float32))
    got = load_array(path)
    os.truncate(path, 20)
    assert got.sum() == 16 and not isinstance(got.base, np.memmap)
    assert "v.npy" in caplog.text and "No space" not in caplog.text
