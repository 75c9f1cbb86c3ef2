"""What the controller and the windows may ask of a program playout: a Protocol, its states and status.

Qt-free. :class:`~presenter.playout.program.ProgramPlayout` (libVLC) and
:class:`~presenter.playout.silent.SilentPlayout` (nothing on air) implement :class:`Playout`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable


class OutputState(enum.StrEnum):
    """What the program output shows (the values are what status files and journals say)."""

    IDLE = "idle"  # nothing has been on air yet; output black
    ARMED = "armed"  # output black (or idle) and the next clip is armed
    PLAYING = "playing"
    PAUSED = "paused"
    HELD = "held"  # the clip ended; its last frame stays on the output
    BLACK = "black"
    ERROR = "error"  # the last take failed; output black; see message


class EndAction(enum.StrEnum):
    """What happens when a clip reaches its end."""

    NEXT = "next"
    HOLD = "hold"
    BLACK = "black"


@dataclass(frozen=True)
class OutputStatus:
    state: OutputState
    segment_id: str | None
    position_s: float
    duration_s: float | None
    message: str | None
    armed_segment_id: str | None


class SignalLike(Protocol):
    def connect(self, slot: Callable[..., Any], /, *args: Any) -> Any: ...
    def emit(self, *args: Any) -> Any: ...


@runtime_checkable
class Playout(Protocol):
    """The program playout as the controller uses it. Signals (Qt): ``clip_ended(segment_id)``,
    ``clip_failed(segment_id, message)``, ``clip_warning(segment_id, message)``,
    ``status_changed(OutputStatus)``."""

    clip_ended: Any
    clip_failed: Any
    clip_warning: Any
    status_changed: Any

    def take(self, segment_id: str, path: Path, end_action: str, *, start_at_s: float = 0.0) -> None: ...
    def arm(self, segment_id: str, path: Path, end_action: str, *, expected: Any = None) -> None: ...
    def go_black(self) -> None: ...
    def disarm(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def restart(self) -> None: ...
    def panic(self) -> None: ...
    def status(self) -> OutputStatus: ...
    def add_panic_listener(self, listener: Callable[[], Any]) -> None: ...
    def shutdown(self, timeout_s: float = 3.0) -> bool: ...
