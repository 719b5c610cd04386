"""Index arrays read back from `.npy` files, checked before use (issue 19, point 5).

The header is read and the file's size compared with what the header announces before any
byte of the data is touched: a truncated or foreign file is a ValueError (the build is then
unreadable and rebuilt), never a SIGBUS at the first question. A file up to the process's
mapping threshold (`map_above`: `Settings.map_above_bytes`, 64 MB by default) is read into
memory, so damage done to it on disk later cannot reach a running server, which keeps
answering from what it read; a larger one is memory-mapped and its path kept in `MAPPED`
(a running server must stop using it as soon as its file changes: `Engine` checks)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

__all__ = ["load_array", "map_above", "MAPPED", "IN_MEMORY_BYTES"]

IN_MEMORY_BYTES = 64 << 20
MAPPED: set[str] = set()


def map_above(limit: int) -> None:
    """Map the arrays of more than `limit` bytes that this process loads from now on (the
    threshold is per process, as the segments it loads are shared by its builds)."""
    global IN_MEMORY_BYTES
    IN_MEMORY_BYTES = int(limit)


def load_array(path: Path) -> np.ndarray:
    """The array in `path`, after its header and size are checked."""
    with open(path, "rb") as handle:
        version = np.lib.format.read_magic(handle)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
        else:
            raise ValueError(f"{path.name}: unknown .npy version {version}")
        offset = handle.tell()
    if dtype.hasobject:
        raise ValueError(f"{path.name}: objects in an index array")
    needed = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    size = path.stat().st_size
    if size != needed:
        raise ValueError(f"{path.name}: {size} bytes, its header needs {needed}")
    if size <= IN_MEMORY_BYTES or needed == offset:  # an empty array cannot be mapped
        return np.load(path, allow_pickle=False)
    MAPPED.add(str(path))
    return np.asarray(np.load(path, allow_pickle=False, mmap_mode="r"))
