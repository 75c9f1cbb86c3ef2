"""The show state's vocabulary: what the engine holds and what a snapshot gives the windows.

Fixed value sets are StrEnums whose values are what journals and status files already hold.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from presenter.run.intents import MessageLife, Refusal
from presenter.show import Segment, Show


class Mode(enum.StrEnum):
    STANDBY = "standby"
    ON_AIR = "on air"
    ENDED = "ended"


class Phase(enum.StrEnum):
    STANDBY = "standby"
    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


class SegmentStatus(enum.StrEnum):
    PENDING = "pending"
    ON_AIR = "on air"
    DONE = "done"
    SKIPPED = "skipped"


class ClipState(enum.StrEnum):
    WAITING = "waiting"  # on air, the player has not reported yet
    PLAYING = "playing"
    PAUSED = "paused"
    HELD = "held"  # ended, last frame on screen
    BLACK = "black"  # ended, output black
    FAILED = "failed"


class Op(enum.StrEnum):
    """The journal's entry types (the "op" of each line); old journals' values keep their meaning."""

    GO = "go"
    CUE = "cue"  # jump/back: what the next GO airs (None: the running order's next)
    UNDO_GO = "undo_go"  # Back in the first seconds of a GO
    REHEARSE = "rehearse"
    SKIP = "skip"
    UNSKIP = "unskip"
    ADD_TIME = "add_time"
    SEND_MESSAGE = "send_message"
    CLEAR_MESSAGE = "clear_message"
    CLIP_PROGRESS = "clip_progress"
    CLIP_ENDED = "clip_ended"
    CLIP_FAILED = "clip_failed"
    CLIP_PAUSE = "clip_pause"  # the director paused the clip on air (transport, not a player report)
    CLIP_RESUME = "clip_resume"
    CLIP_RESTART = "clip_restart"  # from 0:00, playing, whatever its state (held, black, paused)
    TURN_PAGE = "turn_page"  # the talking-points page the moderator reads
    SET_LANGUAGE = "set_language"  # the UI language (the app applies it; journaled as the director's act)
    PANIC = "panic"
    ALIVE = "alive"
    CLOSE_RUN = "close_run"
    MEDIA_DURATIONS = "media_durations"
    EDIT = "edit"  # the running order edited in the app: the whole new one (presenter.show.editing)
    LOWER_THIRD = "lower_third"  # a speaker's name insert on the stream (presenter.run.graphics)
    LOWER_THIRD_OFF = "lower_third_off"
    PRESHOW = "preshow"  # the pre-show countdown on the stream, on or off
    STREAM_PROBLEM = "stream_problem"  # OBS reported a problem of the stream (or that it went away)
    JUMP = "jump"  # journals before GO-only: on air at once (replayed as then, never written now)
    BACK = "back"  # journals before GO-only: the last GO undone whenever (replayed as then, never written now)


class EndReason(enum.StrEnum):
    """How one airing of a segment ended (the as-run's "ended by"; journals keep these values)."""

    GO = "go"
    CLIP_ENDED = "clip ended"  # the clip ended by itself and its end action was "next"
    SKIP = "skip"  # skipped while on air (journals before GO-only: skip no longer ends the segment on air)
    JUMP = "jump"  # jumped away while on air (journals before GO-only: jump now only cues)
    UNDONE = "undone"  # Back undid the GO that put it on air
    NEW_RUN = "new run"
    ANOTHER_SHOW = "another show opened"
    RUN_CLOSED = "run closed"  # closed for a reason this version does not know
    REMOVED = "removed from the show file"


class ClipEnd(enum.StrEnum):
    """How the clip of one airing ended, when it did before the segment did."""

    ENDED = "ended by itself"
    STOPPED = "stopped to black"  # Esc, the panic
    FAILED = "failed"


class Lateness(enum.StrEnum):
    """Over/under in one word; never EARLY or ON_PLAN while the projected end is past the hard out."""

    EARLY = "early"
    ON_PLAN = "on plan"
    LATE = "late"
    PAST_HARD_OUT = "past hard out"


class OfferAction(enum.StrEnum):
    """What GO or Back will do now (the button, Space, the remote and the API all read the same)."""

    START_SHOW = "start show"
    AIR = "air"
    END_SHOW = "end show"
    UNDO_GO = "undo go"
    CUE_PREVIOUS = "cue previous"
    NONE = "none"


class SkipRefused(enum.StrEnum):
    """Why a skip changed nothing."""

    NOTHING_SELECTED = "no segment selected"
    ON_AIR = "on air"  # GO ends the segment on air; skip acts only on one that is not on air
    ALREADY_AIRED = "already aired"


class StartStatus(enum.StrEnum):
    """What the one "until start" figure means (director and moderator read the same)."""

    ON_AIR_IN = "on air in"
    OVERDUE = "start overdue by"
    AT_GO = "starts at GO"  # rehearsing: the plan starts with the first GO
    STARTED = "started"


@dataclass
class SegmentRun:
    """What actually happened to one segment: the as-run record."""

    status: SegmentStatus = SegmentStatus.PENDING
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    elapsed_before_s: float = 0.0  # on-air time of earlier periods (after back/jump)
    on_air_since: float | None = None  # monotonic
    added_s: float = 0.0
    end_reason: EndReason | None = None
    clip_state: ClipState | None = None
    clip_problem: str | None = None
    # Last media position reported by the player, at a monotonic time, for extrapolation.
    clip_position_s: float | None = None
    clip_position_at: float | None = None
    clip_duration_s: float | None = None


@dataclass
class Airing:
    """One time a segment went on air: a row of the as-run."""

    segment: Segment
    index: int  # its place in the running order when it went on air
    start: datetime
    start_mono: float
    started_by: str  # what put it on air: "go", "clip ended", "skip", "jump", "show replaced"
    end: datetime | None = None
    end_mono: float | None = None
    end_reason: EndReason | None = None
    added_s: float = 0.0  # time added (or taken) while it was on air
    clip_end: ClipEnd | None = None
    clip_problem: str | None = None
    clip_restarts: int = 0  # how often the director restarted its clip from 0:00


@dataclass
class _UndoPoint:
    """What a GO changed, kept for UNDO_GO_S so that Back can take that GO back."""

    at: float  # monotonic time of the GO
    mode: Mode
    current: int | None
    cue: int | None
    show_started: datetime | None
    show_ended: datetime | None
    runs: dict[int, SegmentRun]  # copies, before the GO, of the segment left and the segment aired
    airings: int  # how many airings there were before the GO
    left_airing: Airing | None  # the airing the GO ended
    points_page: int = 0
    lower_third: Any = None  # the lower third before the GO (presenter.run.graphics): a segment's may replace it
    message: Message | None = None  # the message before the GO: an until-next-GO one comes back with Back


@dataclass(frozen=True)
class Message:
    text: str
    blink: bool
    sent_at: datetime
    urgent: bool = False  # full screen on the moderator's display
    life: MessageLife = MessageLife.UNTIL_CLEARED  # gone at the next GO, or kept until cleared


@dataclass(frozen=True)
class ShowEvent:
    """One change of the show state, in the order it happened (the journal's unit)."""

    kind: str
    segment_id: str | None
    wall: datetime
    monotonic: float
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SegmentView:
    index: int
    segment: Segment
    status: SegmentStatus
    planned_start: datetime
    planned_duration_s: float  # including added time
    actual_start: datetime | None
    actual_duration_s: float | None
    is_next: bool
    clip_state: ClipState | None
    clip_problem: str | None
    cued: bool = False  # set by jump/back as what the next GO puts on air


@dataclass(frozen=True)
class ClipView:
    state: ClipState
    position_s: float | None
    duration_s: float | None
    back_on_air_in_s: float | None  # the whole chain of clips that follow by themselves
    problem: str | None
    chain_s: float | None = None  # the chain's total length (this clip and those that follow by themselves)


@dataclass(frozen=True)
class Offer:
    """What GO (or Back) will do now, whether it may, and why not."""

    action: OfferAction
    allowed: bool
    target: SegmentView | None = None  # what it airs or cues
    refusal: Refusal | None = None
    seconds_left: float | None = None  # UNDO_GO: how long Back still takes the GO back


NO_OFFER = Offer(OfferAction.NONE, False)


@dataclass(frozen=True)
class FillView:
    """The segment that absorbs time (`fill: true`): its end planned back from the hard out."""

    index: int
    planned_end: datetime
    adjust_s: float  # negative: it must give that much; positive: it may take that much


@dataclass(frozen=True)
class QuestionView:
    """The audience question on the moderator's screen."""

    id: str
    text: str
    asker: str
    source: str
    number: int  # as the queue numbers it (its place in the producer's list, 1-based)
    addressed_to: str = ""


@dataclass(frozen=True)
class LowerThirdView:
    """The name insert on the stream."""

    name: str
    role: str
    since: datetime
    seconds_left: float | None  # None: until the director takes it off


@dataclass(frozen=True)
class GraphicsView:
    """What the stream's graphics pages show now (presenter.run.graphics), and the director's line about it."""

    language: str  # "de" or "en"
    lower_third: LowerThirdView | None
    question: QuestionView | None  # the moderator's question, when the show puts it on the stream
    preshow: bool  # the pre-show countdown (only before the first GO)
    on_stream: str  # "on the stream: lower third Malu Dreyer, 0:06 left" (empty: nothing), in the UI language


@dataclass(frozen=True)
class ShowSnapshot:
    """Everything a window shows, computed for one instant."""

    show: Show
    mode: Mode
    now: datetime
    segments: tuple[SegmentView, ...]
    current: SegmentView | None
    next: SegmentView | None
    elapsed_s: float | None
    remaining_s: float | None  # negative in overtime
    phase: Phase
    clip: ClipView | None
    until_start_s: float  # to the planned start; negative once it has passed
    planned_end: datetime
    projected_end: datetime
    over_under_s: float  # projected end minus planned end: positive = late
    hard_out: datetime
    hard_out_margin_s: float  # hard out minus projected end: negative = past the hard out
    message: Message | None
    show_started: datetime | None
    show_ended: datetime | None
    rehearsal: bool  # run on another day than the show's date (or rehearsing): planned times are on that day
    next_cued: bool = False  # `next` was set by jump/back (else it is the running order's next)
    rehearse: bool = False  # rehearsing from now: the plan starts with the first GO
    start_status: StartStatus = StartStatus.STARTED  # the caption of `until_start_text`
    until_start_text: str = ""  # the one "until start" figure both windows show ("4:12", "+2:17:14")
    undo_go_s: float | None = None  # for this long Back takes the last GO back; None: Back cues the one before
    # Derived once here, rendered by every face (issue 20):
    warning_at_s: float | None = None  # the scaled thresholds of what is on air (remaining at which the phase turns)
    danger_at_s: float | None = None
    timer_s: float | None = None  # what the big timer shows (during a clip: back on air in, the whole chain)
    timer_running: bool = False  # False while it stands still (paused, held, black, rehearsal standby, ended)
    lateness: Lateness = Lateness.ON_PLAN
    must_end_by: datetime | None = None  # past the hard out: when the segment on air must end to keep it
    fill: FillView | None = None
    go: Offer = NO_OFFER
    back: Offer = NO_OFFER
    points_page: int = 0  # the talking-points page of the segment on air (0-based)
    question: QuestionView | None = None
    questions_waiting: int = 0
    graphics: GraphicsView | None = None  # None only in snapshots made without an engine
