"""The stream's health as the director sees it: the OBS link, the program scene, streaming and recording.

One frozen ObsHealth per change, made on the OBS thread and read by any window; its `status_dict()`
is the status file's "obs" entry (a contract: keys are added, never renamed).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from presenter.i18n import QT_TRANSLATE_NOOP, Language, current_language, translate


class LinkState(enum.StrEnum):
    OFF = "off"  # no --obs
    CONNECTING = "connecting"  # the first attempt
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"  # was connected, lost it, trying again
    UNREACHABLE = "unreachable"  # nothing answers at the address; trying again
    WRONG_PASSWORD = "wrong password"  # OBS refused the password; trying again (it may be changed in OBS)


class ProblemCode(enum.StrEnum):
    UNREACHABLE = "unreachable"
    WRONG_PASSWORD = "wrong_password"
    CONNECTION_LOST = "connection_lost"
    MISSING_SCENE = "missing_scene"
    MANUAL_SCENE = "manual_scene"
    STREAM_RECONNECTING = "stream_reconnecting"
    STREAM_STOPPED = "stream_stopped"
    CONGESTION = "congestion"
    DROPPED_FRAMES = "dropped_frames"
    RENDER_LAG = "render_lag"


_TEXTS = {
    ProblemCode.UNREACHABLE: QT_TRANSLATE_NOOP("Obs", "OBS not reachable at {address} — trying again"),
    ProblemCode.WRONG_PASSWORD: QT_TRANSLATE_NOOP(
        "Obs", "OBS refused the password — set it under “OBS settings…” or in PRESENTER_OBS_PASSWORD"
    ),
    ProblemCode.CONNECTION_LOST: QT_TRANSLATE_NOOP("Obs", "Connection to OBS lost — reconnecting"),
    ProblemCode.MISSING_SCENE: QT_TRANSLATE_NOOP("Obs", 'OBS has no scene "{scene}"'),
    ProblemCode.MANUAL_SCENE: QT_TRANSLATE_NOOP("Obs", "OBS: {scene} — manual"),
    ProblemCode.STREAM_RECONNECTING: QT_TRANSLATE_NOOP("Obs", "Stream interrupted — OBS is reconnecting"),
    ProblemCode.STREAM_STOPPED: QT_TRANSLATE_NOOP(
        "Obs", "The stream is not running: it was stopped in OBS or could not start"
    ),
    ProblemCode.CONGESTION: QT_TRANSLATE_NOOP("Obs", "Stream congested ({percent} %) — the upload is too slow"),
    ProblemCode.DROPPED_FRAMES: QT_TRANSLATE_NOOP("Obs", "Stream dropped {frames} frames ({percent} %)"),
    ProblemCode.RENDER_LAG: QT_TRANSLATE_NOOP("Obs", "OBS is overloaded: {frames} frames not rendered"),
}


def problem_text(code: ProblemCode, **values: object) -> str:
    """The problem in plain words, in the language installed now."""
    return translate("Obs", _TEXTS[code]).format(**values)


def percent(share: float) -> str:
    """0.034 → "3.4" (German "3,4")."""
    text = f"{share * 100:.1f}"
    return text.replace(".", ",") if current_language() is Language.GERMAN else text


@dataclass(frozen=True)
class ObsProblem:
    code: ProblemCode
    text: str
    since: datetime  # when it was first seen (it stays while it lasts): for the as-run log


@dataclass(frozen=True)
class OutputHealth:
    """Streaming or recording, as OBS last reported it."""

    active: bool = False
    since: datetime | None = None  # on air / recording since
    timecode: str = ""  # OBS's "01:02:03.456"
    reconnecting: bool = False  # streaming only: OBS lost the server and retries
    congestion: float = 0.0  # streaming only: 0 … 1
    skipped_frames: int = 0  # streaming only: frames dropped by the output
    total_frames: int = 0
    paused: bool = False  # recording only

    def as_dict(self) -> dict[str, Any]:
        return {
            "active": self.active,
            "since": self.since.isoformat(timespec="seconds") if self.since else None,
            "timecode": self.timecode,
            "reconnecting": self.reconnecting,
            "congestion": round(self.congestion, 3),
            "skipped_frames": self.skipped_frames,
            "total_frames": self.total_frames,
            "paused": self.paused,
        }


@dataclass(frozen=True)
class ObsHealth:
    """Everything the director is shown about OBS, for one instant."""

    enabled: bool = False
    address: str = ""
    state: LinkState = LinkState.OFF
    program_scene: str | None = None  # what OBS shows now
    wanted_scene: str | None = None  # what the show wants
    manual: bool = False  # someone switched OBS by hand since the last transition of the show
    missing_scene: str | None = None  # the show wants a scene OBS does not have
    transition: str | None = None  # OBS's current transition ("Cut", "Fade")
    stream: OutputHealth = field(default_factory=OutputHealth)
    record: OutputHealth = field(default_factory=OutputHealth)
    render_skipped_frames: int = 0  # OBS could not render in time (overloaded)
    render_total_frames: int = 0
    active_fps: float | None = None
    problems: tuple[ObsProblem, ...] = ()
    obs_version: str | None = None

    @property
    def connected(self) -> bool:
        return self.state is LinkState.CONNECTED

    def status_dict(self) -> dict[str, Any]:
        """The status file's "obs" entry."""
        return {
            "enabled": self.enabled,
            "address": self.address,
            "state": self.state.value,
            "connected": self.connected,
            "program_scene": self.program_scene,
            "wanted_scene": self.wanted_scene,
            "manual": self.manual,
            "missing_scene": self.missing_scene,
            "transition": self.transition,
            "streaming": self.stream.as_dict(),
            "recording": self.record.as_dict(),
            "render_skipped_frames": self.render_skipped_frames,
            "render_total_frames": self.render_total_frames,
            "active_fps": None if self.active_fps is None else round(self.active_fps, 2),
            "problems": [
                {"code": p.code.value, "text": p.text, "since": p.since.isoformat(timespec="seconds")}
                for p in self.problems
            ],
            "obs_version": self.obs_version,
        }


def problem_changes(before: ObsHealth, after: ObsHealth) -> tuple[tuple[ObsProblem, ...], tuple[ObsProblem, ...]]:
    """The problems that appeared and those that went away between two healths (for the as-run log)."""
    old = {problem.code for problem in before.problems}
    new = {problem.code for problem in after.problems}
    appeared = tuple(problem for problem in after.problems if problem.code not in old)
    gone = tuple(problem for problem in before.problems if problem.code not in new)
    return appeared, gone
