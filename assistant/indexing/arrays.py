"""Index arrays read back from `.npy` files, checked before use (issue 19, point 5).

The header is read and the file's size compared with what the header announces before any
byte of the data is touched: a truncated or foreign file is a ValueError (the build is then
unreadable and rebuilt), never a SIGBUS at the first question. Damage done to an index file
later cannot reach a process that loaded it either, which keeps answering from what it loaded
while the index is rebuilt: a file up to the process's mapping threshold (`map_above`:
`Settings.map_above_bytes`, 64 MB by default) is read into memory, and a larger one is copied
(in the kernel, `copy_file_range`) to an unnamed file of its own beside it, checked again
there, and memory-mapped from that copy. No other process can name the copy to truncate it,
its pages stay page cache (not the heap), and the system frees it with the last mapping: the
price is the disk space of the mapped arrays once more per process that holds them.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .. import messages as msg
from ..articles.ingest import os_reason

__all__ = ["load_array", "map_above", "IN_MEMORY_BYTES"]

IN_MEMORY_BYTES = 64 << 20
_log = logging.getLogger(__name__)


def map_above(limit: int) -> None:
    """Map the arrays of more than `limit` bytes that this process loads from now on (the
    threshold is per process, as the segments it loads are shared by its builds)."""
    global IN_MEMORY_BYTES
    IN_MEMORY_BYTES = int(limit)


def _header(handle: BinaryIO, name: str) -> tuple[tuple, bool, np.dtype, int, int]:
    """(shape, fortran order, dtype, data offset, file size the header implies) of the open
    `.npy` file `handle`, read from its start."""
    handle.seek(0)
    version = np.lib.format.read_magic(handle)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
    else:
        raise ValueError(f"{name}: unknown .npy version {version}")
    if dtype.hasobject:
        raise ValueError(f"{name}: objects in an index array")
    offset = handle.tell()
    return shape, fortran, dtype, offset, offset + int(np.prod(shape, dtype=np.int64)) \
        * dtype.itemsize


def _checked(handle: BinaryIO, name: str) -> tuple[tuple, bool, np.dtype, int, int]:
    header = _header(handle, name)
    size = os.fstat(handle.fileno()).st_size
    if size != header[4]:
        raise ValueError(f"{name}: {size} bytes, its header needs {header[4]}")
    return header


def _private_copy(source: BinaryIO, folder: Path) -> BinaryIO:
    """An unnamed copy of the open file `source` in `folder` (O_TMPFILE where the system has
    it, else a file removed as soon as it is made)."""
    copy = tempfile.TemporaryFile(dir=folder)
    try:
        done = 0
        try:  # explicit offsets: the buffered file objects' positions are not the fds'
            while step := os.copy_file_range(source.fileno(), copy.fileno(), 1 << 30,
                                             done, done):
                done += step
        except OSError:  # no copy_file_range across these file systems: copy in user space
            source.seek(0)
            copy.seek(0)
            copy.truncate()
            shutil.copyfileobj(source, copy, 1 << 20)
            copy.flush()
        return copy
    except BaseException:
        copy.close()
        raise


def load_array(path: Path) -> np.ndarray:
    """The array in `path`, after its header and size are checked; in memory, or mapped from
    a private copy when larger than the mapping threshold."""
    with open(path, "rb") as handle:
        shape, fortran, dtype, offset, size = _checked(handle, path.name)
        if size <= IN_MEMORY_BYTES or size == offset:  # an empty array cannot be mapped
            handle.seek(0)
            return np.load(handle, allow_pickle=False)
        try:
            copy = _private_copy(handle, path.parent)
        except OSError as exc:  # no room for the copy: the array in memory rather than unsafe
            _log.warning(msg.INDEX_COPY_FAILED.format(file=path.name, reason=os_reason(exc)))
            handle.seek(0)
            return np.load(handle, allow_pickle=False)
    with copy:  # the copy checked again: it is what will be read
        _checked(copy, path.name)
        return np.asarray(np.memmap(copy, dtype=dtype, mode="r", offset=offset, shape=shape,
                                    order="F" if fortran else "C"))
