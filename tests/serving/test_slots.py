"""AnswerSlots: one budget of answers at once, first come first served, shared by threads (the
chat's Gradio workers) and the event loop (the HTTP API), never leaking a slot."""
from __future__ import annotations

import asyncio
import threading

import pytest

from assistant.serving.slots import AnswerSlots

from ..conftest import until


def test_a_freed_slot_goes_to_the_oldest_waiter_thread_or_request() -> None:
    slots, order = AnswerSlots(1), []

    async def request(name: str) -> None:
        assert await slots.acquire(30)
        order.append(name)
        slots.release()

    def chat(name: str) -> None:
        with slots.held():
            order.append(name)

    async def main() -> None:
        assert await slots.acquire(1)  # busy: everyone after this waits
        tasks, threads = [], []
        for i, kind in enumerate(["chat", "api", "chat", "api", "api"]):
            if kind == "chat":
                threads.append(threading.Thread(target=chat, args=(f"{i}-chat",)))
                threads[-1].start()
            else:
                tasks.append(asyncio.ensure_future(request(f"{i}-api")))
            while slots.waiting < i + 1:  # in line before the next one arrives
                await asyncio.sleep(0.005)
        slots.release()
        await asyncio.gather(*tasks)
        for t in threads:
            await asyncio.to_thread(t.join)

    asyncio.run(main())
    assert order == ["0-chat", "1-api", "2-chat", "3-api", "4-api"]
    assert (slots.busy, slots.waiting) == (0, 0)


def test_a_wait_that_times_out_or_is_cancelled_holds_nothing() -> None:
    slots = AnswerSlots(1)

    async def main() -> None:
        assert await slots.acquire(1)
        assert await slots.acquire(0.01) is False
        assert await slots.acquire(0) is False
        waiter = asyncio.ensure_future(slots.acquire(30))
        while slots.waiting == 0:
            await asyncio.sleep(0.005)
        waiter.cancel()  # the client went away
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert (slots.busy, slots.waiting) == (1, 0)
        slots.release()
        assert await slots.acquire(0)  # the one slot is free again, not lost

    asyncio.run(main())


def test_a_generator_closed_early_gives_its_slot_back() -> None:
    slots = AnswerSlots(1)

    def chat_answer():
        with slots.held():
            yield "một"
            yield "hai"

    stream = chat_answer()
    assert next(stream) == "một" and slots.busy == 1
    stream.close()  # what Gradio does when the reader leaves mid-answer
    assert slots.busy == 0
    done = threading.Event()
    threading.Thread(target=lambda: (slots.held().__enter__(), done.set()), daemon=True).start()
    until(done.is_set, "a later answer got the slot")


@pytest.mark.parametrize("size", [0, -1])
def test_a_budget_below_one_is_refused(size: int) -> None:
    with pytest.raises(ValueError):
        AnswerSlots(size)
