"""Every action on the show as a typed value: what a key, a button, HTTP, WebSocket, OSC or the playout asks for.

Adapters build these and hand them to the one dispatcher (presenter.run.dispatch), which checks the rules once,
journals, and answers with the new state or a Refusal. Plain data, no Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show import Show

MESSAGE_MAX_CHARS = 280  # the one limit on a message to the moderator, for every face


class SourceKind(enum.StrEnum):
    """Who sent an intent (journaled as "src"; journals without one are the director's)."""

    DIRECTOR = "director"
    HTTP = "http"
    WEBSOCKET = "websocket"
    OSC = "osc"
    COMPANION = "companion"
    OBS = "obs"
    PLAYOUT = "playout"
    SYSTEM = "system"


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    label: str = ""  # "osc 127.0.0.1": what the journal's "src" says

    @classmethod
    def from_label(cls, label: str) -> Source:
        """A transport's label ("osc 127.0.0.1", "ws 10.0.0.2", "http …") as a Source."""
        first = label.split(" ", 1)[0].lower()
        kind = _LABEL_KINDS.get(first)
        if kind is None:
            kind = SourceKind(first) if first in SourceKind.__members__.values() else SourceKind.SYSTEM
        return cls(kind, label[:100])

    @property
    def journal_label(self) -> str | None:
        """What the journal's "src" holds: None for the director (old journals have no "src")."""
        if self.kind is SourceKind.DIRECTOR:
            return None
        return (self.label or str(self.kind))[:100]


_LABEL_KINDS = {"ws": SourceKind.WEBSOCKET, "http": SourceKind.HTTP, "osc": SourceKind.OSC}
DIRECTOR = Source(SourceKind.DIRECTOR)
PLAYOUT = Source(SourceKind.PLAYOUT, "playout")
SYSTEM = Source(SourceKind.SYSTEM, "system")


class RefusalCode(enum.StrEnum):
    """Why the dispatcher said no (machine-readable; the Refusal's text says it in the UI language)."""

    SHOW_ENDED = "show_ended"
    DOUBLE_PRESS = "double_press"
    NOTHING_ON_AIR = "nothing_on_air"
    NO_CLIP_ON_AIR = "no_clip_on_air"
    NOT_STARTED = "not_started"
    ON_AIR = "on_air"
    ALREADY_AIRED = "already_aired"
    NOTHING_SELECTED = "nothing_selected"
    TOO_LONG = "too_long"
    BAD_VALUE = "bad_value"
    NOTHING_BEFORE = "nothing_before"
    NOT_PLAYING = "not_playing"
    NOT_PAUSED = "not_paused"
    CLIP_FAILED = "clip_failed"
    UNCHANGED = "unchanged"
    QUESTION = "question"  # the question queue said no (its text says why)
    TOO_LARGE = "too_large"
    TOO_SOON = "too_soon"


@dataclass(frozen=True)
class Refusal:
    code: RefusalCode
    text: str  # already translated into the UI language


REFUSAL_TEXTS = {
    RefusalCode.SHOW_ENDED: QT_TRANSLATE_NOOP("Refusal", "the show has ended and nothing is cued"),
    RefusalCode.DOUBLE_PRESS: QT_TRANSLATE_NOOP("Refusal", "a second GO within 0.3 s counts as a double press"),
    RefusalCode.NOTHING_ON_AIR: QT_TRANSLATE_NOOP("Refusal", "no segment is on air"),
    RefusalCode.NO_CLIP_ON_AIR: QT_TRANSLATE_NOOP("Refusal", "no clip is on air"),
    RefusalCode.NOT_STARTED: QT_TRANSLATE_NOOP("Refusal", "the show has not started"),
    RefusalCode.ON_AIR: QT_TRANSLATE_NOOP("Refusal", "it is on air: only a segment that is not on air can be skipped"),
    RefusalCode.ALREADY_AIRED: QT_TRANSLATE_NOOP("Refusal", "it has been on air already"),
    RefusalCode.NOTHING_SELECTED: QT_TRANSLATE_NOOP("Refusal", "no segment is selected"),
    RefusalCode.TOO_LONG: QT_TRANSLATE_NOOP("Refusal", "a message has at most {limit} characters"),
    RefusalCode.BAD_VALUE: QT_TRANSLATE_NOOP("Refusal", "that value is not possible here"),
    RefusalCode.NOTHING_BEFORE: QT_TRANSLATE_NOOP("Refusal", "there is no segment before to cue"),
    RefusalCode.NOT_PLAYING: QT_TRANSLATE_NOOP("Refusal", "the clip is not playing"),
    RefusalCode.NOT_PAUSED: QT_TRANSLATE_NOOP("Refusal", "the clip is not paused"),
    RefusalCode.CLIP_FAILED: QT_TRANSLATE_NOOP("Refusal", "the clip on air cannot play"),
    RefusalCode.UNCHANGED: QT_TRANSLATE_NOOP("Refusal", "that is already so"),
    RefusalCode.QUESTION: QT_TRANSLATE_NOOP("Refusal", "the question queue refused it"),
    RefusalCode.TOO_LARGE: QT_TRANSLATE_NOOP("Refusal", "the running order is too large for the crash journal"),
    RefusalCode.TOO_SOON: QT_TRANSLATE_NOOP("Refusal", "too soon after the last GO from there"),
}


def refusal(code: RefusalCode, text: str | None = None) -> Refusal:
    """A refusal with its text in the UI language (`text`: a more precise one, already translated)."""
    if text is None:
        text = translate("Refusal", REFUSAL_TEXTS[code]).format(limit=MESSAGE_MAX_CHARS)
    return Refusal(code, text)


class Intent:
    """Base of every intent (frozen dataclasses below)."""


@dataclass(frozen=True)
class Go(Intent):
    pass


@dataclass(frozen=True)
class Back(Intent):
    pass


@dataclass(frozen=True)
class MakeNext(Intent):
    index: int | None  # None: the running order's next again


@dataclass(frozen=True)
class AddTime(Intent):
    seconds: float


@dataclass(frozen=True)
class Skip(Intent):
    index: int | None


@dataclass(frozen=True)
class Unskip(Intent):
    index: int


@dataclass(frozen=True)
class PauseClip(Intent):
    pass


@dataclass(frozen=True)
class ResumeClip(Intent):
    pass


@dataclass(frozen=True)
class RestartClip(Intent):
    pass


@dataclass(frozen=True)
class StopToBlack(Intent):
    pass


class MessageLife(enum.StrEnum):
    """How long a message to the moderator stays: the director's explicit choice (issue 22: a message
    outlived every GO and was still shown after the end of the show). Every message goes at the end."""

    UNTIL_NEXT_GO = "until next GO"  # the engine clears it at the next accepted GO
    UNTIL_CLEARED = "until cleared"  # until "Clear" (the remote's default; old journals' only kind)


@dataclass(frozen=True)
class SendMessage(Intent):
    text: str
    blink: bool = False
    urgent: bool = False
    life: MessageLife = MessageLife.UNTIL_CLEARED


@dataclass(frozen=True)
class ClearMessage(Intent):
    pass


@dataclass(frozen=True)
class TurnPage(Intent):
    page: int  # absolute, 0-based page of the talking points of the segment on air


@dataclass(frozen=True)
class Rehearse(Intent):
    pass


@dataclass(frozen=True)
class CloseRun(Intent):
    reason: str


@dataclass(frozen=True)
class EditShow(Intent):
    show: Show


@dataclass(frozen=True)
class ReplaceShow(Intent):
    """The show file changed on disk (not journaled as an edit: the file is the record)."""

    show: Show


@dataclass(frozen=True)
class SetMediaDurations(Intent):
    durations: dict[str, float] = field(hash=False)


@dataclass(frozen=True)
class SetLanguage(Intent):
    language: str


# ------------------------------------------------------------------ the stream's graphics (presenter.run.graphics)


@dataclass(frozen=True)
class ShowLowerThird(Intent):
    """A speaker's name insert on the stream: `person` by name (None: the speaker of the segment on air),
    for `seconds` (None: the show's `lower_third_time`, else until taken off)."""

    person: str | None = None
    seconds: float | None = None


@dataclass(frozen=True)
class TakeOffLowerThird(Intent):
    pass


@dataclass(frozen=True)
class ShowPreshow(Intent):
    """The pre-show countdown on the stream (on: True) or off."""

    on: bool = True


@dataclass(frozen=True)
class StreamProblem(Intent):
    """A report from OBS (source OBS): a problem of the stream appeared ("Stream interrupted — OBS is
    reconnecting") or, with `gone`, went away; for the as-run log with its time."""

    code: str
    text: str
    gone: bool = False


# ------------------------------------------------------------------ reports from the playout (source PLAYOUT)


@dataclass(frozen=True)
class ClipProgress(Intent):
    segment_id: str
    position_s: float
    duration_s: float | None
    playing: bool


@dataclass(frozen=True)
class ClipEnded(Intent):
    segment_id: str


@dataclass(frozen=True)
class ClipFailed(Intent):
    segment_id: str
    problem: str


# ------------------------------------------------------------------ audience questions (presenter.questions)


@dataclass(frozen=True)
class QuestionAdd(Intent):
    text: str
    asker: str = ""
    source: str = "other"
    more: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class QuestionApprove(Intent):
    id: str


@dataclass(frozen=True)
class QuestionDrop(Intent):
    id: str


@dataclass(frozen=True)
class QuestionUndoDrop(Intent):
    id: str | None = None


@dataclass(frozen=True)
class QuestionMove(Intent):
    id: str
    to: int


@dataclass(frozen=True)
class QuestionEdit(Intent):
    id: str
    changes: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class QuestionShow(Intent):
    id: str | None = None


@dataclass(frozen=True)
class QuestionAnsweredNext(Intent):
    pass


@dataclass(frozen=True)
class QuestionTakeOff(Intent):
    pass


@dataclass(frozen=True)
class QuestionForgetAll(Intent):
    pass


@dataclass(frozen=True)
class QuestionImport(Intent):
    entries: tuple[dict[str, Any], ...] = field(hash=False)
