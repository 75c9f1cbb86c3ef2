"""The program playout as the controller sees it from the first moment, while libVLC starts only
after the director window is painted.

Until `attach` hands it the real playout (or the reason there is none) it keeps the commands it
is given, in order, and replays them then; afterwards it forwards every command and signal. With no
playout, a clip taken on air fails with the plain reason, as it would without libVLC.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from presenter.i18n import QT_TRANSLATE_NOOP, translate

NO_PLAYOUT = QT_TRANSLATE_NOOP("ShowController", "clips cannot play: libVLC is not available")
PENDING_LIMIT = 1000  # commands kept before start-up ends (a handful in practice)


class DeferredPlayout(QObject):
    status_changed = Signal(object)
    armed = Signal(str)
    clip_started = Signal(str)
    clip_ended = Signal(str)
    clip_failed = Signal(str, str)
    clip_warning = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.real: Any = None
        self.problem: str | None = None
        self.started = False
        self._pending: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self._panic_listeners: list[Callable[[], Any]] = []

    def attach(self, real: Any, problem: str | None) -> None:
        """The real playout (None: clips cannot play, `problem` says why); the kept commands run now."""
        self.real, self.problem, self.started = real, problem, True
        if real is not None:
            for name in ("status_changed", "armed", "clip_started", "clip_ended", "clip_failed", "clip_warning"):
                getattr(real, name).connect(getattr(self, name))
            for listener in self._panic_listeners:
                real.add_panic_listener(listener)
        pending, self._pending = self._pending, []
        for name, args, kwargs in pending:
            self._forward(name, *args, **kwargs)

    def _forward(self, name: str, *args: Any, **kwargs: Any) -> None:
        if not self.started:
            if len(self._pending) < PENDING_LIMIT:
                self._pending.append((name, args, kwargs))
            return
        if self.real is not None:
            getattr(self.real, name)(*args, **kwargs)
        elif name == "take":
            self.clip_failed.emit(args[0], self.problem or translate("ShowController", NO_PLAYOUT))

    def take(self, segment_id: str, path: Any, end_action: str, **kwargs: Any) -> None:
        self._forward("take", segment_id, path, end_action, **kwargs)

    def arm(self, segment_id: str, path: Any, end_action: str, **kwargs: Any) -> None:
        self._forward("arm", segment_id, path, end_action, **kwargs)

    def disarm(self) -> None:
        self._forward("disarm")

    def go_black(self) -> None:
        self._forward("go_black")

    def panic(self) -> None:
        self._forward("panic")

    def pause(self) -> None:
        self._forward("pause")

    def resume(self) -> None:
        self._forward("resume")

    def restart(self) -> None:
        self._forward("restart")

    def add_panic_listener(self, listener: Callable[[], Any]) -> None:
        if self.real is not None:
            self.real.add_panic_listener(listener)
        else:
            self._panic_listeners.append(listener)

    def status(self) -> Any:
        """What the program output shows; None while there is no playout (yet)."""
        return self.real.status() if self.real is not None else None

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        return bool(self.real.shutdown(timeout_s)) if self.real is not None else True
