"""Uploads that are never added do not stay, across restarts too (issue 19, point 10).

Every upload the server accepts (`/gradio_api/upload`, which adds its files to the Blocks'
`upload_file_set`) is recorded, path and time, in a small ledger in the server's data folder
(`<data_dir>/uploads.json`, replaced atomically under a file lock, so servers sharing the
folder do not lose each other's entries). A background thread started with the server sweeps
at once and then every `interval(ttl)` seconds: the files the ledger names that were recorded
more than `upload_ttl_minutes` ago are removed, with their folder when left empty, and their
entries dropped; entries whose file is gone (added, hence removed by the add) are dropped too.
So an upload made before a restart is removed after it. Nothing else is touched: no path
outside Gradio's temp folder (`GRADIO_TEMP_DIR`; `discard_upload` checks it, and such an
entry is only forgotten), no file of the folder that no upload of the server wrote (other
Gradio apps may share it). An added upload is removed at once (`ui`); a failed add keeps its
file until the sweep.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from gradio.utils import get_upload_folder

from .ui_guard import discard_upload

__all__ = ["UploadLedger", "UploadSweeper", "interval", "start_upload_sweep", "LEDGER"]

LEDGER = "uploads.json"
_log = logging.getLogger(__name__)


def interval(ttl_seconds: float) -> float:
    """Seconds between sweeps: a quarter of the TTL, between 1 s and a minute."""
    return max(1.0, min(60.0, ttl_seconds / 4))


class UploadLedger:
    """{path: time recorded} of the uploads a server accepted, in `<data_dir>/uploads.json`.
    A ledger that cannot be read (damaged, not JSON) is taken as empty and rewritten."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LEDGER
        self._lock = threading.Lock()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, open(self.path.parent / f".{LEDGER}.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield

    def _read(self) -> dict[str, float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: float(v) for k, v in data.items()
                if isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)}

    def _write(self, entries: dict[str, float]) -> None:
        tmp = self.path.parent / f".{LEDGER}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)

    def entries(self) -> dict[str, float]:
        with self._locked():
            return self._read()

    def record(self, paths: Iterable[str], when: float) -> None:
        paths = [str(p) for p in paths]
        if paths:
            with self._locked():
                self._write({**self._read(), **{p: when for p in paths}})

    def forget(self, paths: Iterable[str]) -> None:
        paths = set(paths)
        if paths:
            with self._locked():
                entries = self._read()
                if paths & entries.keys():
                    self._write({k: v for k, v in entries.items() if k not in paths})


class _RecordedSet(set):
    """Gradio's set of uploaded paths, each new path also written to the ledger (Gradio adds
    with `update`; a ledger that cannot be written is logged and the upload goes on)."""

    def __init__(self, items, ledger: UploadLedger, clock: Callable[[], float]) -> None:
        super().__init__(items)
        self.ledger, self.clock = ledger, clock

    def _record(self, paths) -> None:
        try:
            self.ledger.record(paths, self.clock())
        except OSError:
            _log.exception("upload ledger not written")

    def add(self, item) -> None:
        super().add(item)
        self._record([item])

    def update(self, *others) -> None:
        new = [p for other in others for p in other]
        super().update(new)
        self._record(new)


class UploadSweeper:
    """Removes the uploads older than `ttl_seconds`: those of `ledger` by the time recorded
    (uploads made before a restart included), and those of `uploads` (a set of paths shared
    with Gradio) that the ledger lacks by their modification time; `clock` (wall time, as
    file times are) is injectable for tests."""

    def __init__(self, uploads: set, ttl_seconds: float,
                 clock: Callable[[], float] = time.time,
                 ledger: UploadLedger | None = None) -> None:
        self.uploads, self.ttl, self._clock, self.ledger = uploads, ttl_seconds, clock, ledger
        self._stop = threading.Event()

    def _ages(self, now: float) -> dict[str, float | None]:
        """Each known upload's age (None: its file is gone)."""
        recorded = self.ledger.entries() if self.ledger is not None else {}
        ages: dict[str, float | None] = {p: now - t for p, t in recorded.items()}
        for path in self.uploads.copy():  # one C call under the GIL: safe beside Gradio's adds
            if path not in ages:
                try:
                    ages[path] = now - Path(path).stat().st_mtime
                except OSError:
                    ages[path] = None
        for path, age in ages.items():
            if age is not None and not os.path.lexists(path):
                ages[path] = None
        return ages

    def sweep(self) -> int:
        """One pass; how many files were removed."""
        removed, gone, foreign = 0, [], []
        folder = Path(get_upload_folder()).resolve()
        for path, age in self._ages(self._clock()).items():
            if age is None:  # added (and removed) already, or gone otherwise
                gone.append(path)
            elif age > self.ttl:
                discard_upload(path)  # only inside Gradio's temp folder
                if not Path(path).exists():
                    removed += 1
                    gone.append(path)
                elif not Path(path).resolve().is_relative_to(folder):
                    foreign.append(path)  # not ours to remove: left where it is
        for path in gone:
            self.uploads.discard(path)
        if self.ledger is not None:
            self.ledger.forget(gone + foreign)
        return removed

    def run(self) -> None:
        while True:
            try:
                self.sweep()
            except Exception:  # noqa: BLE001 - the sweep must outlive one bad pass
                _log.exception("upload sweep failed")
            if self._stop.wait(interval(self.ttl)):
                return

    def stop(self) -> None:
        self._stop.set()


def start_upload_sweep(app, ttl_minutes: float, data_dir: Path) -> UploadSweeper | None:
    """Record the uploads of the Blocks `app` in the ledger of `data_dir` and sweep them in a
    daemon thread (at once: uploads made before a restart); call it before `app.launch`. None
    when this Gradio keeps no set of uploads."""
    uploads = getattr(app, "upload_file_set", None)
    if not isinstance(uploads, set):
        _log.warning("Gradio keeps no upload_file_set: uploads are not swept")
        return None
    ledger = UploadLedger(data_dir)
    recorded = _RecordedSet(uploads, ledger, time.time)
    app.upload_file_set = recorded
    app.temp_file_sets = [recorded if s is uploads else s for s in app.temp_file_sets]
    sweeper = UploadSweeper(recorded, ttl_minutes * 60, ledger=ledger)
    threading.Thread(target=sweeper.run, daemon=True, name="upload-sweep").start()
    return sweeper
