"""The parts of the program playout: what it needs from the output window and the backend, and one
player's state (:class:`_Slot`, its :class:`_Phase`) with the messages about it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from presenter.clips.files import FileId, Form, file_id, stat_problem
from presenter.i18n import translate
from presenter.playout.vlc import EventSink


class ProgramOutputSurfaces(Protocol):
    """What the engine needs from the program output window."""

    def surface_count(self) -> int: ...
    def surface_handle(self, index: int) -> int: ...  # native window id for libVLC
    def raise_surface(self, index: int) -> None: ...
    def show_black(self) -> None: ...

    # Optional: blank a surface from the control thread after its player stopped (X backing store).
    # def clear_surface_threadsafe(self, index: int) -> None: ...


class Backend(Protocol):
    """The part of :class:`VlcBackend` the engine uses (a fake implements it in unit tests)."""

    ok: bool
    message: str

    def open(self, token: int, path: Path | str, *, window: int | None, start_paused: bool,
             hold_at_end: bool, options: Sequence[str] = (),
             precheck: Callable[[Path], str | None] | None = None) -> None: ...  # fmt: skip
    def show_first_frame(self, token: int) -> None: ...
    def resume(self, token: int, *, urgent: bool = True) -> None: ...
    def pause(self, token: int) -> None: ...
    def restart(self, token: int) -> None: ...
    def close(self, token: int, *, urgent: bool = False, after: Callable[[], Any] | None = None) -> None: ...
    def shutdown(self, timeout_s: float = 3.0) -> bool: ...


BackendFactory = Callable[[list[str], EventSink], Backend]


class _Phase(enum.Enum):
    OPENING = "opening"  # arm: waiting for the start-paused pause
    FIRST_FRAME = "first frame"  # arm: seek sent, waiting for the video output
    SETTLING = "settling"  # arm: video output there, waiting for it to settle
    ARMED = "armed"
    STARTING = "starting"  # cold start: play() sent, waiting for Playing
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"


_ARMING = (_Phase.OPENING, _Phase.FIRST_FRAME, _Phase.SETTLING)


@dataclass(eq=False)
class _Slot:
    token: int
    surface: int
    segment_id: str
    path: Path
    end_action: str
    file_id: FileId | None
    phase: _Phase
    has_video: bool = False
    has_audio: bool = False
    length_ms: int | None = None
    time_ms: int = 0
    start_ms: int = 0  # where a resumed clip starts (":start-time")
    time_mono: float | None = None
    pos_floor: float = 0.0
    vout_gen: int = 0
    playing_seen: bool = False
    raise_on_vout: bool = False  # cold start: raise the surface once libVLC has a video output
    pending_take: bool = False
    pause_requested: bool = False
    pause_on_start: bool = False  # pause() before it played (a resumed paused clip): pause once it plays
    expected_pauses: int = 0  # Paused events still to come for pause() calls
    started: bool = False
    on_air: bool = False
    seen_ms: int = -1  # the last time libVLC reported
    advanced_mono: float | None = None  # when that time last moved (or playing began)
    stalled: bool = False  # told: the picture is frozen
    stall_text: str = ""  # what it told
    change_told: bool = False  # told: the file changed on disk while on air


def _no_video_message(slot: _Slot) -> str:
    # libVLC adds the tracks (ES) when it opens the file, before it reports Playing/Paused.
    return translate("Clip", "no video track (audio only)") if slot.has_audio else translate("Clip", "not a video file")


def _clock(seconds: float) -> str:
    m, s = divmod(max(0, int(seconds)), 60)
    return f"{m}:{s:02d}"


def stall_message(path: Path, position_s: float) -> str:
    return translate(
        "Clip", 'clip "{name}" is stalled at {position}: the picture is frozen (file changed or damaged?)'
    ).format(name=path.name, position=_clock(position_s))


def changed_on_air_message(path: Path, position_s: float) -> str:
    return translate(
        "Clip",
        'clip "{name}" changed on disk while on air (at {position}): '
        "the picture may freeze or break up (file changed or damaged?)",
    ).format(name=path.name, position=_clock(position_s))


def file_identity(path: Path) -> FileId | None:
    """Which file *path* names now (:func:`presenter.clips.files.file_id`), ``None`` when it cannot be read."""
    return file_id(path)


def file_problem(path: Path) -> str | None:
    """Cheap checks before libVLC sees a file (no byte read): plain words, or ``None`` when it looks fine."""
    problem, _ = stat_problem(path)
    return None if problem is None else problem.text(path, Form.PLAYOUT)
