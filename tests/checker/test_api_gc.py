"""The checker pauses the cyclic garbage collector while it works; overlapping checks on
several threads must always leave it as they found it."""

from __future__ import annotations

import gc
import threading

from summitry.checker import api


def test_collector_restored_after_overlapping_checks() -> None:
    assert gc.isenabled()
    inside = threading.Barrier(4)
    seen: list[bool] = []

    def work() -> None:
        with api._collector_paused():
            inside.wait(timeout=10)  # all four are inside at once
            seen.append(gc.isenabled())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [False] * 4
    assert gc.isenabled()


def test_collector_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with api._collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_restored_after_an_error() -> None:
    try:
        with api._collector_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
