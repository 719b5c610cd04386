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
"""
from __future__ import annotations

import threading
import time
from typing import Callable

from ..settings import Settings

__all__ = ["library_editing_allowed", "LoginThrottle"]


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
