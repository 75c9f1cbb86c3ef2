"""Background work with its result on the Qt main thread: ``run_task`` and ``to_main``.

In the spirit of Picard's ``thread.run_task`` / ``to_main``: a function runs on a worker thread of
a :class:`TaskPool`, and its result (or exception) is handed to a callback on the main thread
through a queued signal. The pool's threads are ours, so :meth:`TaskPool.shutdown` can wait for
them with a bound (no private ``_threads`` of an executor).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class _MainRunner(QObject):
    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception:  # one bad callback must not break the others (nor the show)
            log.exception("main-thread callback failed")


_runner: _MainRunner | None = None
_runner_lock = threading.Lock()


def _main_runner() -> _MainRunner:
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = _MainRunner()
            app = QCoreApplication.instance()
            if app is not None and _runner.thread() is not app.thread():
                _runner.moveToThread(app.thread())
        return _runner


def to_main(fn: Callable[..., Any], *args: Any, owner: QObject | None = None) -> None:
    """Run ``fn(*args)`` on the Qt main thread, later (queued), from any thread.

    With *owner*, nothing runs when that QObject was deleted meanwhile.
    """
    import shiboken6

    def call() -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        fn(*args)

    _main_runner().call.emit(call)


class TaskPool:
    """Worker threads of our own (daemon), one queue; results go to the main thread."""

    def __init__(self, name: str, workers: int = 1) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None] = (
            queue.SimpleQueue()
        )
        self._closed = False
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True) for i in range(max(1, workers))
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if self._closed:
            future.cancel()
            return future
        self._jobs.put((future, fn, args))
        return future

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            future, fn, args = job
            if self._closed or not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # keep the worker alive whatever a job does
                future.set_exception(exc)

    def shutdown(self, timeout_s: float = 6.0) -> bool:
        """No new jobs, queued ones dropped; wait (bounded) for the running ones. ``True`` if all ended."""
        self._closed = True
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join(timeout_s)
        return not any(thread.is_alive() for thread in self._threads)


_default_pool: TaskPool | None = None


def default_pool() -> TaskPool:
    global _default_pool
    if _default_pool is None:
        _default_pool = TaskPool("task", workers=2)
    return _default_pool


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], Any] | None = None,
    on_error: Callable[[BaseException], Any] | None = None,
    *,
    pool: TaskPool | None = None,
    owner: QObject | None = None,
) -> Future[Any]:
    """Run *fn()* on *pool* (the shared one by default); ``on_done(result)`` or ``on_error(exc)``
    then run on the main thread (not at all when *owner* was deleted). Without *on_error* a failure
    is logged."""

    def job() -> Any:
        try:
            result = fn()
        except Exception as exc:
            if on_error is not None:
                to_main(on_error, exc, owner=owner)
            else:
                log.exception("background task failed")
            raise
        if on_done is not None:
            to_main(on_done, result, owner=owner)
        return result

    return (pool or default_pool()).submit(job)


def deliver(
    future: Future[Any] | None,
    on_done: Callable[[Any], Any],
    *,
    fallback: Any = None,
    owner: QObject | None = None,
) -> None:
    """When *future* (e.g. of a libVLC control thread) is done: ``on_done(result)`` on the main
    thread, ``on_done(fallback)`` when it failed or was cancelled. Nothing when *future* is None."""
    if future is None:
        return

    def done(f: Future[Any]) -> None:
        try:
            result = f.result()
        except BaseException:
            result = fallback
        to_main(on_done, result, owner=owner)

    future.add_done_callback(done)


class _EventRelay(QObject):
    relayed = Signal(int, str, object)  # not `event`: that is QObject.event()


def queued_sink(handler: Callable[[int, str, Any], Any], parent: QObject) -> Callable[[int, str, Any], None]:
    """A libVLC event sink: ``sink(token, kind, value)`` from any thread runs ``handler`` on
    *parent*'s thread, queued. Cheaper per event than :func:`to_main` (no closure, one signal)."""
    relay = _EventRelay(parent)
    relay.relayed.connect(handler, Qt.ConnectionType.QueuedConnection)
    return relay.relayed.emit
