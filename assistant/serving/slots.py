"""One budget of answers computed at once for the whole server: the web chat and the HTTP API.

`AnswerSlots(n)` lets at most `n` answers compute at the same time, first come first served,
whichever door the question came in by. The chat's Gradio handlers run in worker threads and
wait with `held()`; the API's routes wait in the event loop with `acquire()` (no thread is
taken while waiting, so a crowd of waiting API requests cannot use up the thread pool that
Gradio also runs the chat in) and give up after a bounded time or when the client goes away.

Built on `aiologic.BoundedSemaphore`, which is both thread- and asyncio-aware and hands a
released permit straight to the oldest waiter (no late-comer overtakes a waiting request);
a waiter cancelled or timed out at the moment a permit was handed to it gives the permit back.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import aiologic

__all__ = ["AnswerSlots"]


class AnswerSlots:
    """At most `size` answers computing at once; more wait their turn in arrival order."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self._permits = aiologic.BoundedSemaphore(size)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Wait (in this thread, as long as it takes) for a slot and keep it in the block. In a
        generator the slot is given back when the generator is closed, too."""
        self._permits.green_acquire()
        try:
            yield
        finally:
            self._permits.release()

    async def acquire(self, timeout: float) -> bool:
        """Wait in the event loop up to `timeout` seconds; True with a slot (give it back with
        `release`), False when none came in time. Cancelled while waiting: nothing is held."""
        return await self._permits.async_acquire(timeout=timeout)

    def release(self) -> None:
        """Give back a slot from `acquire` (any thread)."""
        self._permits.release()

    @property
    def busy(self) -> int:
        """Slots in use now."""
        return self.size - self._permits.value

    @property
    def waiting(self) -> int:
        """Requests waiting for a slot now."""
        return self._permits.waiting
