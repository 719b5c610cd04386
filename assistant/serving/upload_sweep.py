"""Uploads that are never added do not stay: the files the server's own uploads wrote into
Gradio's temp folder (`Blocks.upload_file_set`, filled by `/gradio_api/upload` only) are
removed once older than `upload_ttl_minutes` (their modification time: when the upload wrote
them). A background thread started with the server sweeps every `interval(ttl)` seconds.
Nothing else is touched: no path outside Gradio's temp folder (`discard_upload` checks it),
no file of the folder the server did not receive as an upload (other Gradio apps may share
it). An added upload is removed at once (`ui`); a failed add keeps its file until the sweep.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable

from .ui_guard import discard_upload

__all__ = ["UploadSweeper", "interval", "start_upload_sweep"]

_log = logging.getLogger(__name__)


def interval(ttl_seconds: float) -> float:
    """Seconds between sweeps: a quarter of the TTL, between 1 s and a minute."""
    return max(1.0, min(60.0, ttl_seconds / 4))


class UploadSweeper:
    """Removes the files of `uploads` (a set of paths, shared with Gradio) older than
    `ttl_seconds`; `clock` (wall time, as file times are) is injectable for tests."""

    def __init__(self, uploads: set, ttl_seconds: float,
                 clock: Callable[[], float] = time.time) -> None:
        self.uploads, self.ttl, self._clock = uploads, ttl_seconds, clock
        self._stop = threading.Event()

    def sweep(self) -> int:
        """One pass; how many files were removed."""
        removed = 0
        now = self._clock()
        for path in self.uploads.copy():  # one C call under the GIL: safe beside Gradio's adds
            try:
                age = now - Path(path).stat().st_mtime
            except OSError:  # added (and removed) already, or gone otherwise
                self.uploads.discard(path)
                continue
            if age > self.ttl:
                discard_upload(path)  # only inside Gradio's temp folder
                if not Path(path).exists():
                    self.uploads.discard(path)
                    removed += 1
        return removed

    def run(self) -> None:
        while not self._stop.wait(interval(self.ttl)):
            try:
                self.sweep()
            except Exception:  # noqa: BLE001 - the sweep must outlive one bad pass
                _log.exception("upload sweep failed")

    def stop(self) -> None:
        self._stop.set()


def start_upload_sweep(app, ttl_minutes: float) -> UploadSweeper | None:
    """Sweep the uploads of the launched Blocks `app` in a daemon thread; None when this
    Gradio keeps no set of uploads."""
    uploads = getattr(app, "upload_file_set", None)
    if not isinstance(uploads, set):
        _log.warning("Gradio keeps no upload_file_set: uploads are not swept")
        return None
    sweeper = UploadSweeper(uploads, ttl_minutes * 60)
    threading.Thread(target=sweeper.run, daemon=True, name="upload-sweep").start()
    return sweeper
