"""The show: its segments, its times and thresholds, and the error that names a place in the show file.

Plain data, shared by the loader (presenter.show), the editor and everything that runs a show.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from presenter.show.graphics import Person, StreamGraphics, people, person_of

FORMAT_VERSION = 1


class SegmentKind(enum.StrEnum):
    LIVE = "live"
    CLIP = "clip"


class EndAction(enum.StrEnum):
    """What a clip segment does when its clip ends by itself."""

    NEXT = "next"  # the next segment goes on air
    HOLD = "hold"  # the last frame stays on the program output
    BLACK = "black"  # the program output goes black


KINDS = tuple(kind.value for kind in SegmentKind)
END_ACTIONS = tuple(action.value for action in EndAction)
DEFAULT_WARNING_S = 120.0
DEFAULT_DANGER_S = 30.0
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DURATION_S = 24 * 3600  # the longest duration (segment, warning, danger) a show file may give
# Each segment has a dozen nodes; this allows far more than any real show. Counted while the file is composed
# (a file over it stops there, not after parsing it all) and again while it is read (aliases re-used add up).
MAX_NODES = 2_000_000

# The longest text a show file may give for a key (characters): a 1 MB title froze the windows that fit it
# to their width (issue 25 #11). Each is far above what a screen can show; anything longer is a mistake.
TEXT_LIMITS = {
    "title": 200,
    "id": 100,
    "speakers": 200,
    "talking_points": 500,
    "notes": 10_000,
    "description": 10_000,
    "clip": 4_096,
}
TEXT_LIMIT = 1_000  # every other text (kind, end_action, scene names)
TIME_KEYS = frozenset({"date", "start", "end", "duration", "warning", "danger"})  # their parsers say what is wrong


class ShowFileError(Exception):
    """A mistake in a show file, located as file:line:col (1-based)."""

    def __init__(self, path: Path | str, line: int | None, column: int | None, message: str):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path.name
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Segment:
    id: str
    title: str
    kind: SegmentKind
    duration_s: float | None  # planned; None for a clip whose duration comes from the media
    speakers: tuple[str, ...] = ()
    talking_points: tuple[str, ...] = ()
    notes: str = ""
    clip: Path | None = None  # absolute, resolved against the show file's folder
    end_action: EndAction = EndAction.NEXT
    warning_s: float | None = None  # per-segment thresholds override the show's
    danger_s: float | None = None
    line: int | None = None  # where the segment starts in the show file
    fill: bool = False  # absorbs time: its end is planned back from the hard out (the Q&A)
    obs_scene: str | None = None  # the OBS program scene while it is on air (else the show's default for its kind)
    lower_third: str | None = None  # the speaker whose lower third goes on the stream when it goes on air

    @property
    def is_clip(self) -> bool:
        return self.kind == SegmentKind.CLIP

    @property
    def speaker_names(self) -> tuple[str, ...]:
        """The speakers by name, as screens show them ("Malu Dreyer | Ministerpräsidentin" without its role)."""
        return tuple(person_of(speaker).name for speaker in self.speakers)


@dataclass(frozen=True)
class ObsScenes:
    """The show's OBS program scenes (`obs: {scenes: {live: Kamera, clip: Einspieler}}`); None: OBS is left alone."""

    standby: str | None = None  # before the first GO
    live: str | None = None
    clip: str | None = None
    black: str | None = None  # a clip stopped, failed or ended to black
    end: str | None = None  # after the show


OBS_SCENE_KEYS = ("standby", "live", "clip", "black", "end")


@dataclass(frozen=True)
class Show:
    title: str
    date: date
    start: time
    end: time
    segments: tuple[Segment, ...]
    warning_s: float = DEFAULT_WARNING_S
    danger_s: float = DEFAULT_DANGER_S
    description: str = ""
    path: Path | None = None
    # Durations read from the media, for clip segments without a planned duration.
    media_durations: dict[str, float] = field(default_factory=dict, compare=False)
    # What the loader noticed but did not refuse (`show.yaml:41:60: the text after " #" …`), for --check and the app.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    obs: ObsScenes = ObsScenes()
    graphics: StreamGraphics = field(default_factory=StreamGraphics)

    @cached_property
    def people(self) -> Mapping[str, Person]:
        """Everyone a lower third can name, by name. Worked out once per show (a show never changes: an edit
        makes a new one): a lower third asks two or three times per intent, 0.8 ms a time at 400 segments."""
        return MappingProxyType(people(speaker for segment in self.segments for speaker in segment.speakers))

    @property
    def start_datetime(self) -> datetime:
        return datetime.combine(self.date, self.start)

    @property
    def end_datetime(self) -> datetime:
        return datetime.combine(self.date, self.end)

    def planned_duration(self, segment: Segment) -> float:
        if segment.duration_s is not None:
            return segment.duration_s
        return self.media_durations.get(segment.id, 0.0)

    def warning_for(self, segment: Segment) -> float:
        return self.warning_s if segment.warning_s is None else segment.warning_s

    def danger_for(self, segment: Segment) -> float:
        return self.danger_s if segment.danger_s is None else segment.danger_s

    def index_of(self, segment_id: str) -> int:
        for index, segment in enumerate(self.segments):
            if segment.id == segment_id:
                return index
        raise KeyError(segment_id)

    def with_media_durations(self, durations: dict[str, float]) -> Show:
        merged = {**self.media_durations, **durations}
        return replace(self, media_durations=merged)


def slugify(title: str) -> str:
    """A segment id from a title: "Clip: MiniMOGLI" → "clip-minimogli"."""
    text = unicodedata.normalize("NFKD", title.replace("ß", "ss"))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "segment"
