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

from presenter.show.model import EndAction  # one EndAction: the show file's (next, hold, black)

__all__ = ["EndAction", "OutputState", "OutputStatus", "Playout", "SignalLike"]


class OutputState(enum.StrEnum):
    """What the program output shows (the values are what status files and journals say)."""

    IDLE = "idle"  # nothing has been on air yet; output black
    ARMED = "armed"  # output black (or idle) and the next clip is armed
    PLAYING = "playing"
    PAUSED = "paused"
    HELD = "held"  # the clip ended; its last frame stays on the output
    BLACK = "black"
    ERROR = "error"  # the last take failed; output black; see message


@dataclass(frozen=True)
class OutputStatus:
    state: OutputState
    segment_id: str | None
    position_s: float
    duration_s: float | None
    message: str | None
    armed_segment_id: str | None


class SignalLike(Protocol):
    """A Qt signal as an instance gives it (``SignalInstance``), or a test's stand-in."""

    def connect(self, slot: Callable[..., Any], /) -> Any: ...
    def emit(self, *args: Any) -> Any: ...


@runtime_checkable
class Playout(Protocol):
    """The program playout as the controller uses it. Signals (Qt): ``clip_ended(segment_id)``,
    ``clip_failed(segment_id, message)``, ``clip_warning(segment_id, message)``,
    ``status_changed(OutputStatus)``."""

    @property
    def clip_ended(self) -> SignalLike: ...  # (segment_id)
    @property
    def clip_failed(self) -> SignalLike: ...  # (segment_id, message)
    @property
    def clip_warning(self) -> SignalLike: ...  # (segment_id, message)
    @property
    def status_changed(self) -> SignalLike: ...  # (OutputStatus)

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
