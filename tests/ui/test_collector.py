"""Reference cycles are collected in Qt's thread only (presenter.ui.collector)."""

from __future__ import annotations

import gc
import threading

from presenter.ui.collector import UiThreadCollector


class _Cycle:
    """Garbage that says in which thread it was collected."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_garbage_made_in_another_thread_is_collected_in_the_ui_thread(qtbot):
    collector = UiThreadCollector()
    try:
        seen: list[str] = []
        kept: list[list[object]] = []

        def worker() -> None:
            _Cycle(seen)  # unreachable at once, kept alive only by its own cycle
            # enough new objects that CPython's collector would have started in this thread
            kept.extend([object()] for _ in range(5 * gc.get_threshold()[0]))

        thread = threading.Thread(target=worker, name="libvlc-like")
        thread.start()
        thread.join()
        assert seen == []  # not collected in the worker
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: seen == [threading.main_thread().name], timeout=10_000)
        assert kept
    finally:
        collector.stop()
    assert gc.isenabled()


def test_only_the_generations_that_are_due_are_collected(qtbot):
    collector = UiThreadCollector()
    try:
        gc.collect()  # every count back to 0
        assert collector.collect_due() == -1
        for _ in range(gc.get_threshold()[0] + 10):
            _ = [object()]
        kept = [[object()] for _ in range(gc.get_threshold()[0] + 10)]
        assert collector.collect_due() == 0 and kept
    finally:
        collector.stop()


def test_after_start_up_a_full_pass_walks_only_what_was_made_since(qtbot, monkeypatch):
    """Issue 24/25: a full pass over all of start-up's objects took 33-43 ms of the UI thread."""
    from presenter.ui import collector as module

    monkeypatch.setattr(module, "SETTLE_S", 0.0)
    start_up = [[object()] for _ in range(50_000)]  # what start-up leaves behind
    collector = UiThreadCollector()
    try:
        assert collector.collect_due() == 2  # the settling pass
        assert gc.get_freeze_count() >= len(start_up)
        seen: list[str] = []
        _Cycle(seen)
        gc.collect()  # garbage made after start-up is still collected
        assert seen == [threading.main_thread().name]
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
