"""The layout of `index/`: the `CURRENT` pointer, build directories and their manifests, the
writers' lock, and clean-up of what no build uses any more.

A build directory holds only `manifest.json`, naming the segments (under `segments/`) the build
is made of; it is written as `.staging-*`, renamed to `build-*`, and only then does `CURRENT`
change (written beside and renamed over), so a build killed halfway leaves the old one serving.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .. import messages as msg
from .segments import SEGMENTS

__all__ = ["CURRENT", "read_pointer", "live_build", "read_manifest", "remove", "lock_file",
           "try_lock", "write_build", "remove_stale", "update_manifest"]

CURRENT = "CURRENT"
_CURRENT = CURRENT
_BUILD_NAME = re.compile(r"build-[A-Za-z0-9_.-]{1,120}")


def read_pointer(index_dir: Path) -> tuple[Path | None, str]:
    """(live build directory, "") or (None, what is wrong with `CURRENT`; "" when absent)."""
    pointer = index_dir / _CURRENT
    try:
        if pointer.is_dir():
            return None, msg.POINTER_FOLDER
        with pointer.open("rb") as handle:
            raw = handle.read(512)
        name = raw.decode("ascii").strip()
    except FileNotFoundError:
        return None, ""
    except UnicodeDecodeError:
        return None, msg.POINTER_BINARY
    except OSError as exc:
        return None, msg.POINTER_UNREADABLE.format(code=errno.errorcode.get(exc.errno or 0, "?"))
    if not _BUILD_NAME.fullmatch(name):
        return None, msg.POINTER_NO_BUILD
    if not (index_dir / name).is_dir():
        return None, msg.POINTER_MISSING.format(name=name)
    return index_dir / name, ""


def live_build(index_dir: Path) -> Path | None:
    """The build directory `CURRENT` names now (None when there is none or it is unreadable):
    a cheap check that lets a running server notice a build made by another process."""
    return read_pointer(index_dir)[0]


def read_manifest(build: Path | None) -> dict:
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8")) \
            if build else {}
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextmanager
def lock_file(index_dir: Path) -> Iterator[object]:
    """The open lock file of `index_dir` (not locked yet); a damaged one is replaced."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / ".lock"
    if path.is_dir() or path.is_symlink():
        remove(path)
    with path.open("a") as handle:
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def try_lock(handle) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def write_build(index_dir: Path, manifest: dict) -> Path:
    """Write a build directory holding `manifest` and make it the live one."""
    name = f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    staging = index_dir / f".staging-{name}"
    staging.mkdir(parents=True)
    (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                           encoding="utf-8")
    final = index_dir / name
    os.replace(staging, final)
    pointer = index_dir / f".{_CURRENT}.tmp"
    remove(pointer)
    pointer.write_text(name + "\n", encoding="utf-8")
    with pointer.open("rb") as handle:
        os.fsync(handle.fileno())
    if (index_dir / _CURRENT).is_dir():
        remove(index_dir / _CURRENT)
    os.replace(pointer, index_dir / _CURRENT)
    return final


def remove_stale(index_dir: Path, keep: set[Path]) -> None:
    """Drop old builds, dead staging folders and the segments no kept build names; the build
    just replaced is kept one round so a reader that was loading it when `CURRENT` moved
    still finishes."""
    for path in index_dir.iterdir():
        if path.is_dir() and path not in keep and (path.name.startswith("build-")
                                                   or path.name.startswith(".staging-")):
            shutil.rmtree(path, ignore_errors=True)
    used = {entry.get("name") for build in keep
            for entry in read_manifest(build).get("segments", ())}
    root = index_dir / SEGMENTS
    for path in root.iterdir() if root.is_dir() else ():
        if path.name not in used:
            remove(path)


def update_manifest(build: Path, **changes: object) -> None:
    """Record new docs/ file hashes in the live manifest (a skipped file changed, nothing
    indexed did), atomically, so the next start-up takes the fast path again."""
    manifest = read_manifest(build)
    if not manifest:
        return
    tmp = build / ".manifest.json.tmp"
    tmp.write_text(json.dumps({**manifest, **changes}, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, build / "manifest.json")
