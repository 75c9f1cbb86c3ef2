"""A program playout that plays nothing, for rehearsal tools, benchmarks and tests that report
clip positions themselves. It implements :class:`presenter.playout.interface.Playout`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from presenter.playout.interface import OutputState, OutputStatus


class SilentPlayout(QObject):
    clip_ended = Signal(str)
    clip_failed = Signal(str, str)
    clip_warning = Signal(str, str)
    status_changed = Signal(object)

    def take(self, segment_id: str, path: Path, end_action: str, *, start_at_s: float = 0.0) -> None: ...
    def arm(self, segment_id: str, path: Path, end_action: str, *, expected: Any = None) -> None: ...
    def go_black(self) -> None: ...
    def disarm(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def restart(self) -> None: ...
    def panic(self) -> None: ...
    def add_panic_listener(self, listener: Callable[[], Any]) -> None: ...

    def status(self) -> OutputStatus:
        return OutputStatus(OutputState.IDLE, None, 0.0, None, None, None)

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        return True
