"""The engine's state and what is read from it: listeners, the journal, and every time computed from timestamps.

ShowEngine (presenter.engine) builds on it with the intents and transitions; this part never changes the show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from presenter.clock import Clock, SystemClock
from presenter.i18n import translate
from presenter.records import clock_boot
from presenter.show import Show
from presenter.state import (
    Airing,
    ClipState,
    EndReason,
    Message,
    Mode,
    Op,
    SegmentRun,
    SegmentStatus,
    ShowEvent,
    _UndoPoint,
)

if TYPE_CHECKING:
    from presenter.questions import QuestionQueue


class EngineCore:
    """The running show's state; ShowEngine adds the intents that change it."""

    def __init__(self, show: Show, clock: Clock | None = None, *, rehearse: bool = False):
        """`rehearse`: plan from the first GO (see rehearse_from_now); journaled once a journal is attached."""
        self.clock: Clock = clock or SystemClock()
        self.show = show
        self.mode = Mode.STANDBY
        self.current: int | None = None
        self.runs = [SegmentRun() for _ in show.segments]
        self.message: Message | None = None
        self.events: list[ShowEvent] = []
        self.show_started: datetime | None = None
        self.show_ended: datetime | None = None
        self.cue: int | None = None  # what the next GO puts on air, set by jump/back; None: the running order's next
        self.airings: list[Airing] = []  # every time a segment went on air, in order (the as-run)
        self.rehearse = rehearse
        self._rehearse_journaled = False
        self._undo: _UndoPoint | None = None
        self._listeners: list[Callable[[ShowEvent], None]] = []
        self._last_go: float | None = None
        self.replayed_until: datetime | None = None  # the time of the last journal record replayed
        # Called with every input before it takes effect (the crash journal); None while replaying.
        self._journal: Callable[[dict[str, Any]], None] | None = None
        self._boot_logged = False
        self.question_records: list[dict[str, Any]] = []  # replayed for the question queue (presenter.questions)
        self._edited = False  # a run's first edit journals the running order before it too (for replay)
        self.points_page = 0  # the talking-points page of the segment on air (the moderator's)
        self.questions: QuestionQueue | None = None  # the run's question queue (presenter.run), for the snapshot
        self.run: object = None  # the presenter.run.Run this engine belongs to (set by the Run)
        self.language: str | None = None  # the UI language the director chose during this run, if any

    # ------------------------------------------------------------------ listening

    def subscribe(self, listener: Callable[[ShowEvent], None]) -> None:
        self._listeners.append(listener)

    def _record(self, kind: str, segment_id: str | None = None, **data: Any) -> ShowEvent:
        event = ShowEvent(kind, segment_id, self.clock.now(), self.clock.monotonic(), data)
        self.events.append(event)
        for listener in list(self._listeners):
            listener(event)
        return event

    @property
    def journal(self) -> Callable[[dict[str, Any]], None] | None:
        return self._journal

    @journal.setter
    def journal(self, append: Callable[[dict[str, Any]], None] | None) -> None:
        self._journal = append
        self._boot_logged = False  # the first record of this process in this journal says which boot
        if append is not None and self.rehearse and not self._rehearse_journaled:
            self._log(Op.REHEARSE)
            self._rehearse_journaled = True

    def _log(self, op: Op | str, **args: object) -> None:
        if self._journal is not None:
            record: dict[str, object] = {
                "op": str(op),
                "wall": self.clock.now().isoformat(),
                "mono": self.clock.monotonic(),
            }
            if not self._boot_logged:
                boot = clock_boot(self.clock)
                if boot is not None:
                    record["boot"] = boot
                self._boot_logged = True
            self._journal({**record, **args})

    def journal_input(self, op: Op | str, **args: object) -> None:
        """Write one input to the run's journal before it takes effect (the question queue's too)."""
        self._log(op, **args)

    def heartbeat(self) -> None:
        """Note in the journal that the show is still running (when a crash happens, and the as-run's end)."""
        self._log(Op.ALIVE)

    def _segment_id(self, index: int | None) -> str | None:
        return None if index is None else self.show.segments[index].id

    def _on_air_airing(self) -> Airing:
        """The airing of the segment on air: the one airing not ended (there is one while on air)."""
        return next(airing for airing in reversed(self.airings) if airing.end is None)

    def _end_airing(self, airing: Airing, reason: EndReason) -> None:
        airing.end, airing.end_mono, airing.end_reason = self.clock.now(), self.clock.monotonic(), reason

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.show.segments):
            raise IndexError(
                translate("ShowEngine", "no segment {number} in the running order").format(number=index + 1)
            )

    def _next_index(self) -> int | None:
        """What GO puts on air: the cued segment, else the first pending one after the one on air."""
        if self.cue is not None:
            return self.cue
        if self.mode is Mode.ENDED:
            return None
        start = 0 if self.current is None else self.current + 1
        for index in range(start, len(self.show.segments)):
            if self.runs[index].status is SegmentStatus.PENDING:
                return index
        return None

    def next_index(self) -> int | None:
        """What the next GO puts on air (None: the end of the show, or nothing once it has ended)."""
        return self._next_index()

    def _upcoming(self) -> list[int]:
        """The segments GO after GO would put on air from here, in order (the projection's)."""
        first = self._next_index()
        if first is None:
            return []
        later = range(first + 1, len(self.show.segments))
        return [first, *(i for i in later if self.runs[i].status is SegmentStatus.PENDING and i != self.current)]

    def _previous_index(self, before: int) -> int | None:
        for index in range(before - 1, -1, -1):
            on_air = index == self.current and self.mode is Mode.ON_AIR
            if self.runs[index].status is not SegmentStatus.SKIPPED and not on_air:
                return index
        return None

    # ------------------------------------------------------------------ reading

    def elapsed(self, index: int) -> float:
        run = self.runs[index]
        total = run.elapsed_before_s
        if run.on_air_since is not None:
            total += self.clock.monotonic() - run.on_air_since
        return total

    def planned_duration(self, index: int) -> float:
        return self.show.planned_duration(self.show.segments[index]) + self.runs[index].added_s

    def remaining(self, index: int) -> float:
        """Time left in a segment; negative in overtime. A playing clip follows its real position."""
        run = self.runs[index]
        clip = self._clip_position(run)
        if clip is not None:
            position, duration = clip
            left = duration + run.added_s - position
            # A clip stopped (Esc) or ended is over: nothing of it is left to count down.
            return min(left, 0.0) if run.clip_state in (ClipState.HELD, ClipState.BLACK) else left
        return self.planned_duration(index) - self.elapsed(index)

    def _clip_position(self, run: SegmentRun) -> tuple[float, float] | None:
        """Where the clip is now and its length, when both are known (the remaining time needs both)."""
        position = self.clip_position(run)
        if position is None or run.clip_duration_s is None:
            return None
        return position, run.clip_duration_s

    def clip_position(self, run: SegmentRun) -> float | None:
        """Where the clip is now: its last reported position, extrapolated while it plays (a cold start
        reports its position before it knows its length); never past its length once that is known."""
        if run.clip_position_s is None or run.clip_position_at is None:
            return None
        position = run.clip_position_s
        if run.clip_state is ClipState.PLAYING:
            position += self.clock.monotonic() - run.clip_position_at
        return position if run.clip_duration_s is None else min(position, run.clip_duration_s)

    def plan_start(self) -> datetime:
        """When the running order is planned to start: the show's start time on the day of the run
        (another day than the show's date is a rehearsal), or, rehearsing, the first GO (now in standby)."""
        if self.rehearse:
            return self.show_started or self.clock.now()
        return datetime.combine((self.show_started or self.clock.now()).date(), self.show.start)
