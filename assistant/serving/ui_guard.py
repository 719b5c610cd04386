"""Who may do what in the web chat: library editing and the login rate limit.

- Library editing (`Settings.library_editing`): "auto" allows adding and removing articles only
  when the chat is behind a login, "on" always, "off" never. The decision is made on the
  server and checked inside the handlers themselves, so a direct `POST /gradio_api/queue/join`
  with their fn_index is refused like a click.
- Failed logins are counted per client address: after `login_max_failures` failures the client
  must wait `login_block_seconds`, doubling with every further failure (up to
  `login_block_max_seconds`); meanwhile every login from it, right or wrong, gets HTTP 429 with
  a Vietnamese message. A success clears the count. `http_guard` applies it to every
  credential check (the login and the API's passwords).
- An uploaded file is removed from Gradio's temp folder once its article is added (or the add
  is refused, editing being off); a failed add keeps it for a retry (`discard_upload`), until
  `upload_sweep` removes it after `upload_ttl_minutes`. Gradio's File field would also leave an
  empty temp file behind on every call (`plain_upload`).
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable

import gradio as gr
from gradio_client import utils as client_utils
from gradio.data_classes import FileData
from gradio.utils import NamedString, get_upload_folder

from ..settings import Settings

__all__ = ["library_editing_allowed", "LoginThrottle", "discard_upload", "plain_upload"]


def library_editing_allowed(settings: Settings, has_login: bool) -> bool:
    """Whether the web chat may add and remove articles."""
    mode = (settings.library_editing or "auto").strip().lower()
    if mode == "on":
        return True
    if mode == "off":
        return False
    return has_login


class LoginThrottle:
    """Failed-login bookkeeping per client; `clock` is injectable for tests."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = settings.login_max_failures
        self.base = settings.login_block_seconds
        self.cap = settings.login_block_max_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, int] = {}
        self._until: dict[str, float] = {}

    def wait(self, client: str) -> float:
        """Seconds the client must still wait before trying again (0: it may try now)."""
        with self._lock:
            return max(0.0, self._until.get(client, 0.0) - self._clock())

    def failed(self, client: str) -> None:
        with self._lock:
            count = self._failures.get(client, 0) + 1
            self._failures[client] = count
            if count >= self.max_failures:
                delay = min(self.cap, self.base * 2 ** (count - self.max_failures))
                self._until[client] = self._clock() + delay
            if len(self._failures) > 10_000:  # bounded memory under a spray of addresses
                oldest = next(iter(self._failures))
                self._failures.pop(oldest, None)
                self._until.pop(oldest, None)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)
            self._until.pop(client, None)


def discard_upload(file) -> None:
    """Remove an uploaded file, and its folder when that is left empty, if it lies in Gradio's
    temp folder (`GRADIO_TEMP_DIR`); any other path is left alone."""
    if not file:
        return
    path = Path(getattr(file, "path", file))
    try:
        folder = Path(get_upload_folder()).resolve()
        if not path.resolve().is_relative_to(folder):
            return
        path.unlink(missing_ok=True)
        if path.parent.resolve() != folder and not any(path.parent.iterdir()):
            os.rmdir(path.parent)
    except OSError:  # already gone, or not ours to remove
        pass


def plain_upload(field: gr.File) -> gr.File:
    """`field` (a "filepath" `gr.File`) passing the uploaded file's path and nothing more:
    Gradio 6's own makes an empty `NamedTemporaryFile` in its temp folder on every call and
    never removes it. (Set on the instance: a subclass would make Gradio write a .pyi file next
    to this module.)"""
    process = field._process_single_file

    def process_single_file(f: FileData):
        if field.type == "filepath" and (not field.file_types
                                         or client_utils.is_valid_file(f.path, field.file_types)):
            return NamedString(f.path)
        return process(f)  # a wrong type: Gradio's refusal
    field._process_single_file = process_single_file
    return field
