"""The control thread: every libVLC control call runs on one thread of ours, in order."""

from __future__ import annotations

import collections
import concurrent.futures
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class ControlThread:
    """One thread that runs every libVLC control call, in order; urgent jobs go first."""

    def __init__(self, name: str = "libvlc-control") -> None:
        self._urgent: collections.deque[tuple[Any, ...]] = collections.deque()
        self._normal: collections.deque[tuple[Any, ...]] = collections.deque()
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    def submit(self, fn: Callable[..., Any], *args: Any, urgent: bool = False) -> concurrent.futures.Future[Any]:
        fut: concurrent.futures.Future[Any] = concurrent.futures.Future()
        with self._cond:
            if self._stopping:
                fut.set_exception(RuntimeError("control thread stopped"))
                return fut
            (self._urgent if urgent else self._normal).append((fn, args, fut))
            self._cond.notify()
        return fut

    def pending(self) -> int:
        with self._cond:
            return len(self._urgent) + len(self._normal)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._urgent and not self._normal:
                    if self._stopping:
                        return
                    self._cond.wait()
                fn, args, fut = (self._urgent or self._normal).popleft()
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(*args))
            except BaseException as exc:  # keep the thread alive whatever a job does
                log.exception("libVLC control job %s failed", getattr(fn, "__name__", fn))
                fut.set_exception(exc)

    def stop(self, timeout: float) -> bool:
        """Run what is queued, then end. ``True`` if the thread ended within *timeout*."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout)
        return not self._thread.is_alive()
