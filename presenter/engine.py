"""The show state machine and its timing: the one source of truth every window renders from.

Plain Python with an injected clock. Every remaining time is computed from timestamps when it is
asked for (never by counting ticks), so a display can never drift from the truth.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from presenter.clock import Clock, SystemClock
from presenter.show import Segment, Show

GO_GUARD_S = 0.3  # a second GO within this time is a double press, not an intent


class Mode(enum.Enum):
    STANDBY = "standby"
    ON_AIR = "on air"
    ENDED = "ended"


class Phase(enum.Enum):
    STANDBY = "standby"
    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


class SegmentStatus(enum.Enum):
    PENDING = "pending"
    ON_AIR = "on air"
    DONE = "done"
    SKIPPED = "skipped"


class ClipState(enum.Enum):
    WAITING = "waiting"  # on air, the player has not reported yet
    PLAYING = "playing"
    PAUSED = "paused"
    HELD = "held"  # ended, last frame on screen
    BLACK = "black"  # ended, output black
    FAILED = "failed"


@dataclass
class SegmentRun:
    """What actually happened to one segment: the as-run record."""

    status: SegmentStatus = SegmentStatus.PENDING
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    elapsed_before_s: float = 0.0  # on-air time of earlier periods (after back/jump)
    on_air_since: float | None = None  # monotonic
    added_s: float = 0.0
    end_reason: str | None = None
    clip_state: ClipState | None = None
    clip_problem: str | None = None
    # Last media position reported by the player, at a monotonic time, for extrapolation.
    clip_position_s: float | None = None
    clip_position_at: float | None = None
    clip_duration_s: float | None = None


@dataclass(frozen=True)
class Message:
    text: str
    blink: bool
    sent_at: datetime


@dataclass(frozen=True)
class ShowEvent:
    """One change of the show state, in the order it happened (the journal's unit)."""

    kind: str
    segment_id: str | None
    wall: datetime
    monotonic: float
    data: dict = field(default_factory=dict)


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


@dataclass(frozen=True)
class ClipView:
    state: ClipState
    position_s: float | None
    duration_s: float | None
    back_on_air_in_s: float | None
    problem: str | None


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
    rehearsal: bool  # run on another day than the show's date: planned times are on that day


MAX_GAP_S = 24 * 3600.0  # a run of one day: no step between two records is longer
MAX_SECONDS = 24 * 3600.0  # added time, clip positions: bounds of a sane record
MAX_MEDIA_S = 7 * 24 * 3600.0
MAX_TEXT = 1000  # characters of a message (the director types at most 140; the moderator lays out every one)


class _ReplayClock:
    """Replays a journal on a timeline of its own: show time advances by the journaled monotonic clock.

    The time of day is each record's own; the time between two records is the difference of their
    monotonic readings when both have one from the same clock (same boot: the reading did not go
    back), else the difference of their wall times, never negative and at most a day. A wall-clock
    step (NTP, a manual change) is therefore never turned into show time.
    """

    def __init__(self) -> None:
        self._now = datetime.fromtimestamp(0)
        self._mono = 0.0
        self._last_wall: datetime | None = None
        self._last_mono: float | None = None
        self._boot: str | None = None

    def _step(self, now: datetime, mono: float | None, boot: str | None) -> float:
        assert self._last_wall is not None
        same_boot = boot is None or self._boot is None or boot == self._boot
        if mono is not None and self._last_mono is not None and mono >= self._last_mono and same_boot:
            step = mono - self._last_mono
        else:
            step = (now - self._last_wall).total_seconds()
        return min(max(step, 0.0), MAX_GAP_S)

    def at(self, now: datetime, mono: float | None, boot: str | None = None) -> None:
        if self._last_wall is not None:
            self._mono += self._step(now, mono, boot)
        self._now, self._last_wall, self._last_mono = now, now, mono
        self._boot = boot or self._boot

    def gap_until(self, clock: Clock) -> float:
        """The downtime from the last record to `clock`'s now, by the same rule as between records."""
        if self._last_wall is None:
            return 0.0
        return self._step(clock.now(), clock.monotonic(), clock_boot(clock))

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono


_SYSTEM_BOOT: list[str | None] = []


def clock_boot(clock: Clock) -> str | None:
    """Which boot the clock's monotonic readings count from (they restart at a reboot), if known."""
    boot = getattr(clock, "boot_id", None)
    if isinstance(boot, str) or type(clock) is not SystemClock:
        return boot if isinstance(boot, str) else None
    if not _SYSTEM_BOOT:
        try:
            with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as file:
                _SYSTEM_BOOT.append(file.read().strip()[:64] or None)
        except OSError:
            _SYSTEM_BOOT.append(None)
    return _SYSTEM_BOOT[0]


def record_boot(record: dict) -> str | None:
    boot = record.get("boot")
    return boot if isinstance(boot, str) and 0 < len(boot) <= 64 else None


class BadRecord(ValueError):
    """A journal record whose fields are not what the engine wrote."""


def _finite(record: dict, key: str, low: float, high: float, *, optional: bool = False) -> float | None:
    value = record.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadRecord(f"{key} is not a number")
    if not low <= value <= high:
        raise BadRecord(f"{key} {value:g} is out of range")
    return float(value)


def _text(record: dict, key: str, limit: int = MAX_TEXT) -> str:
    value = record.get(key)
    if not isinstance(value, str):
        raise BadRecord(f"{key} is not text")
    if len(value) > limit:
        raise BadRecord(f"{key} is too long")
    return value


def _flag(record: dict, key: str) -> bool:
    value = record.get(key)
    if not isinstance(value, bool):
        raise BadRecord(f"{key} is not true or false")
    return value


def record_wall(record: dict) -> datetime:
    """The record's time of day: an ISO date and time without a zone, between 1971 and 9998."""
    wall = record.get("wall")
    if not isinstance(wall, str) or len(wall) > 40:
        raise BadRecord("its time (wall) is missing or not a date and time")
    try:
        parsed = datetime.fromisoformat(wall)
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise BadRecord(f"its time {wall!r} is not a date and time") from None
    if not 1971 <= parsed.year <= 9998:
        raise BadRecord(f"its time {wall!r} is out of range")
    return parsed


def record_mono(record: dict) -> float | None:
    """The record's monotonic reading, if it has a usable one (older journals have none)."""
    mono = record.get("mono")
    if isinstance(mono, bool) or not isinstance(mono, (int, float)) or not math.isfinite(mono) or abs(mono) > 1e12:
        return None
    return float(mono)


def last_wall(records: list[dict]) -> datetime | None:
    """The time of the last record that has a valid one (a crash's time, the as-run's end)."""
    for record in reversed(records):
        try:
            return record_wall(record)
        except BadRecord:
            continue
    return None


def _replay_warning(record, exc: Exception) -> str:
    line = record.get("_line") if isinstance(record, dict) else None
    op = record.get("op") if isinstance(record, dict) else None
    where = f"journal line {line}" if isinstance(line, int) else "a journal entry"
    what = f" ({op[:40]})" if isinstance(op, str) else ""
    if isinstance(exc, BadRecord):
        why = str(exc)
    elif isinstance(exc, KeyError):
        why = f"no segment {exc.args[0]!r} in the show file" if exc.args else "a field is missing"
    else:
        why = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return f"{where}{what} is ignored: {why}"


class ShowEngine:
    """The running show. Intents change it; `snapshot()` reads it."""

    def __init__(self, show: Show, clock: Clock | None = None):
        self.clock: Clock = clock or SystemClock()
        self.show = show
        self.mode = Mode.STANDBY
        self.current: int | None = None
        self.runs = [SegmentRun() for _ in show.segments]
        self.message: Message | None = None
        self.events: list[ShowEvent] = []
        self.show_started: datetime | None = None
        self.show_ended: datetime | None = None
        self._listeners: list[Callable[[ShowEvent], None]] = []
        self._last_go: float | None = None
        self.replayed_until: datetime | None = None  # the time of the last journal record replayed
        # Called with every input before it takes effect (the crash journal); None while replaying.
        self._journal: Callable[[dict], None] | None = None
        self._boot_logged = False
        self._edited = False  # a run's first edit journals the running order before it too (for replay)

    # ------------------------------------------------------------------ listening

    def subscribe(self, listener: Callable[[ShowEvent], None]) -> None:
        self._listeners.append(listener)

    def _record(self, kind: str, segment_id: str | None = None, **data) -> ShowEvent:
        event = ShowEvent(kind, segment_id, self.clock.now(), self.clock.monotonic(), data)
        self.events.append(event)
        for listener in list(self._listeners):
            listener(event)
        return event

    @property
    def journal(self) -> Callable[[dict], None] | None:
        return self._journal

    @journal.setter
    def journal(self, append: Callable[[dict], None] | None) -> None:
        self._journal = append
        self._boot_logged = False  # the first record of this process in this journal says which boot

    def _log(self, op: str, **args) -> None:
        if self._journal is not None:
            record = {"op": op, "wall": self.clock.now().isoformat(), "mono": self.clock.monotonic()}
            if not self._boot_logged:
                boot = clock_boot(self.clock)
                if boot is not None:
                    record["boot"] = boot
                self._boot_logged = True
            self._journal({**record, **args})

    def heartbeat(self) -> None:
        """Note in the journal that the show is still running (when a crash happens, and the as-run's end)."""
        self._log("alive")

    def _segment_id(self, index: int | None) -> str | None:
        return None if index is None else self.show.segments[index].id

    # ------------------------------------------------------------------ intents

    def go(self) -> bool:
        """Next segment on air (or the end of the show). False when ignored as a double press."""
        mono = self.clock.monotonic()
        if self._last_go is not None and mono - self._last_go < GO_GUARD_S:
            return False
        if self.mode is Mode.ENDED:
            return False
        self._log("go")
        self._last_go = mono
        self._advance("go")
        return True

    def back(self) -> None:
        """Undo the last GO: the segment on air returns to pending, the one before goes on air again."""
        if self.mode is Mode.STANDBY:
            return
        self._log("back")
        if self.mode is Mode.ENDED:
            last = self._previous_index(len(self.show.segments))
            if last is None:
                return
            self.mode = Mode.ON_AIR
            self.show_ended = None
            self._put_on_air(last, reentry=True)
            self._record("back", self.show.segments[last].id)
            return
        assert self.current is not None
        leaving = self.current
        self._reset(leaving)
        previous = self._previous_index(leaving)
        if previous is None:
            self.current = None
            self.mode = Mode.STANDBY
            self.show_started = None
            self._record("back", None)
            return
        self._put_on_air(previous, reentry=True)
        self._record("back", self.show.segments[previous].id)

    def jump(self, index: int) -> None:
        """Put segment `index` on air now, whatever is on air."""
        self._check_index(index)
        if index == self.current and self.mode is Mode.ON_AIR:
            return
        self._log("jump", segment=self._segment_id(index))
        if self.current is not None and self.mode is Mode.ON_AIR:
            self._finish(self.current, SegmentStatus.DONE, "jump")
        if self.mode is Mode.STANDBY:
            self._start_show()
        self.show_ended = None
        reentry = self.runs[index].actual_start is not None
        self.runs[index].status = SegmentStatus.PENDING
        self._put_on_air(index, reentry=reentry)
        self._record("jump", self.show.segments[index].id)

    def skip(self, index: int | None = None) -> None:
        """Skip a segment: a pending one is passed over by GO; the one on air ends and GO follows."""
        if index is None:
            index = self.current if self.current is not None else self._next_index()
            if index is None:
                return
        self._check_index(index)
        run = self.runs[index]
        segment_id = self.show.segments[index].id
        self._log("skip", segment=segment_id)
        if index == self.current and self.mode is Mode.ON_AIR:
            self._finish(index, SegmentStatus.SKIPPED, "skip")
            self._record("skip", segment_id)
            self._advance("skip")
        elif run.status is SegmentStatus.PENDING:
            run.status = SegmentStatus.SKIPPED
            self._record("skip", segment_id)

    def unskip(self, index: int) -> None:
        self._check_index(index)
        run = self.runs[index]
        if run.status is SegmentStatus.SKIPPED and run.actual_start is None:
            self._log("unskip", segment=self._segment_id(index))
            run.status = SegmentStatus.PENDING
            self._record("unskip", self.show.segments[index].id)

    def add_time(self, seconds: float) -> None:
        """Lengthen (or shorten, with a negative amount) the segment on air."""
        if self.current is None or self.mode is not Mode.ON_AIR:
            return
        run = self.runs[self.current]
        # Never plan a segment shorter than nothing: −1 min on a 0:30 segment takes it to 0:00.
        planned = self.show.planned_duration(self.show.segments[self.current])
        seconds = max(seconds, -(planned + run.added_s))
        if seconds == 0:
            return
        self._log("add_time", seconds=seconds)
        run.added_s += seconds
        self._record("add_time", self.show.segments[self.current].id, seconds=seconds)

    def send_message(self, text: str, blink: bool = False) -> None:
        text = text.strip()
        if not text:
            self.clear_message()
            return
        self._log("send_message", text=text, blink=blink)
        self.message = Message(text, blink, self.clock.now())
        self._record("message", None, text=text, blink=blink)

    def clear_message(self) -> None:
        if self.message is not None:
            self._log("clear_message")
            self.message = None
            self._record("message_cleared", None)

    # ------------------------------------------------------------------ reports from the playout

    def clip_progress(self, segment_id: str, position_s: float, duration_s: float | None, playing: bool) -> None:
        """The player's position of the clip on air; extrapolated by the clock while playing."""
        run = self._clip_run(segment_id)
        if run is None or run.clip_state is ClipState.FAILED:
            return
        new_state = ClipState.PLAYING if playing else ClipState.PAUSED
        changes = (
            run.clip_state in (ClipState.WAITING, ClipState.PLAYING, ClipState.PAUSED)
            and run.clip_state is not new_state
        )
        learns_duration = bool(duration_s) and run.clip_duration_s is None  # a cold start knows it only later
        if changes or learns_duration:  # the journal needs the turns and the length, not every position report
            self._log(
                "clip_progress", segment=segment_id, position_s=position_s, duration_s=duration_s, playing=playing
            )
        run.clip_position_s = position_s
        run.clip_position_at = self.clock.monotonic()
        if duration_s:
            run.clip_duration_s = duration_s
        if changes:
            run.clip_state = new_state
            self._record("clip_" + new_state.value, segment_id, position_s=round(position_s, 3))

    def clip_ended(self, segment_id: str) -> None:
        """The clip on air reached its end: apply the segment's end action."""
        run = self._clip_run(segment_id)
        if run is None or run.clip_state in (ClipState.HELD, ClipState.BLACK):
            return
        self._log("clip_ended", segment=segment_id)
        segment = self.show.segments[self.current]  # type: ignore[index]
        if run.clip_duration_s is not None:
            run.clip_position_s = run.clip_duration_s
            run.clip_position_at = self.clock.monotonic()
        self._record("clip_ended", segment_id, end_action=segment.end_action)
        if segment.end_action == "next":
            run.clip_state = ClipState.BLACK
            # A GO pressed just as the clip hands back by itself is the same intent, not a second one.
            self._last_go = self.clock.monotonic()
            self._advance("clip ended")
        else:
            run.clip_state = ClipState.HELD if segment.end_action == "hold" else ClipState.BLACK

    def clip_failed(self, segment_id: str, problem: str) -> None:
        """The clip on air cannot play: the segment stays on air on its planned time."""
        run = self._clip_run(segment_id)
        if run is None:
            return
        self._log("clip_failed", segment=segment_id, problem=problem)
        run.clip_state = ClipState.FAILED
        run.clip_problem = problem
        run.clip_position_s = None
        self._record("clip_failed", segment_id, problem=problem)

    def panic(self) -> None:
        """Every clip stopped to black by hand (Esc); the segment on air stays on air."""
        self._log("panic")
        segment_id = None
        if self.current is not None and self.mode is Mode.ON_AIR:
            segment = self.show.segments[self.current]
            segment_id = segment.id
            if segment.is_clip:
                run = self.runs[self.current]
                # Freeze the clip's position where it was stopped, not at the player's last report.
                position = self._clip_position(run)
                if position is not None:
                    run.clip_position_s = position[0]
                    run.clip_position_at = self.clock.monotonic()
                run.clip_state = ClipState.BLACK
        self._record("panic", segment_id)

    def close_run(self, reason: str) -> None:
        """End this run where it is (a new run or another show follows): the segment on air is done.

        Journaled like every input, so the run is not resumed after it was closed on purpose, and its
        as-run says why it ended.
        """
        self._log("close_run", reason=reason)
        if self.mode is not Mode.ON_AIR:
            return
        if self.current is not None and self.runs[self.current].status is SegmentStatus.ON_AIR:
            self._finish(self.current, SegmentStatus.DONE, reason)
        self._end_show()

    def _clip_run(self, segment_id: str) -> SegmentRun | None:
        if self.current is None or self.mode is not Mode.ON_AIR:
            return None
        if self.show.segments[self.current].id != segment_id:
            return None
        return self.runs[self.current]

    # ------------------------------------------------------------------ the show file

    def set_media_durations(self, durations: dict[str, float]) -> None:
        self._log("media_durations", durations=durations)
        self.show = self.show.with_media_durations(durations)
        self._record("media_durations", None)

    def edit_show(self, show: Show) -> bool:
        """An edit made in the app: journaled as the whole new running order (replay rebuilds it), then taken.
        False when it was too large for the journal."""
        fields: dict = {}
        if self._journal is not None:
            from presenter.editing import journal_record

            fields = journal_record(show, None if self._edited else self.show)
            self._log("edit", **fields)
        self._edited = True
        self.replace_show(show)
        return not fields.get("too_large")

    def replace_show(self, show: Show) -> None:
        """Take a changed show file; runs are kept by segment id, the one on air stays on air."""
        old_ids = [segment.id for segment in self.show.segments]
        by_id = dict(zip(old_ids, self.runs, strict=True))
        current_id = old_ids[self.current] if self.current is not None else None
        show = show.with_media_durations({**self.show.media_durations, **show.media_durations})
        self.show = show
        self.runs = [by_id.get(segment.id, SegmentRun()) for segment in show.segments]
        if current_id is not None:
            ids = [segment.id for segment in show.segments]
            if current_id in ids:
                self.current = ids.index(current_id)
            else:  # the segment on air was removed from the file: the next pending one goes on air
                self.current = None
                if self.mode is Mode.ON_AIR:
                    self._replace_orphan()
        self._record("show_replaced", None)

    def _replace_orphan(self) -> None:
        # Rare: the on-air segment disappeared from the file. Put the first pending segment after the
        # last one that was on air (positions in the *new* running order) on air.
        aired = [index for index, run in enumerate(self.runs) if run.actual_start is not None]
        self.current = max(aired) if aired else None
        index = self._next_index()
        if index is None:
            self._end_show()
            return
        self._put_on_air(index, reentry=False)
        self._record("on_air", self.show.segments[index].id, reason="show replaced")

    # ------------------------------------------------------------------ transitions

    def _advance(self, reason: str) -> None:
        if self.mode is Mode.STANDBY:
            self._start_show()
        elif self.current is not None and self.runs[self.current].status is SegmentStatus.ON_AIR:
            # (a segment skipped on air is already finished as SKIPPED: do not turn it into DONE)
            self._finish(self.current, SegmentStatus.DONE, reason)
        following = self._next_index()
        if following is None:
            self._end_show()
            return
        self._put_on_air(following, reentry=False)
        self._record("on_air", self.show.segments[following].id, reason=reason)

    def _start_show(self) -> None:
        self.mode = Mode.ON_AIR
        self.show_started = self.clock.now()
        self.show_ended = None
        self._record("show_started", None)

    def _end_show(self) -> None:
        self.mode = Mode.ENDED
        self.current = None
        self.show_ended = self.clock.now()
        self._record("show_ended", None)

    def _put_on_air(self, index: int, *, reentry: bool) -> None:
        run = self.runs[index]
        if not reentry or run.actual_start is None:
            run.actual_start = self.clock.now()
            run.elapsed_before_s = 0.0
        run.status = SegmentStatus.ON_AIR
        run.on_air_since = self.clock.monotonic()
        run.actual_end = None
        run.end_reason = None
        segment = self.show.segments[index]
        if segment.is_clip:
            run.clip_state = ClipState.WAITING
            run.clip_problem = None
            run.clip_position_s = None
            run.clip_position_at = None
        self.current = index
        self.mode = Mode.ON_AIR

    def _finish(self, index: int, status: SegmentStatus, reason: str) -> None:
        run = self.runs[index]
        if run.on_air_since is not None:
            run.elapsed_before_s += self.clock.monotonic() - run.on_air_since
        run.on_air_since = None
        run.status = status
        run.actual_end = self.clock.now()
        run.end_reason = reason

    def _reset(self, index: int) -> None:
        self.runs[index] = SegmentRun()

    def _next_index(self) -> int | None:
        start = 0 if self.current is None else self.current + 1
        for index in range(start, len(self.show.segments)):
            if self.runs[index].status is SegmentStatus.PENDING:
                return index
        return None

    def _previous_index(self, before: int) -> int | None:
        for index in range(before - 1, -1, -1):
            if self.runs[index].status is not SegmentStatus.SKIPPED:
                return index
        return None

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.show.segments):
            raise IndexError(f"no segment {index + 1} in the running order")

    # ------------------------------------------------------------------ resume after a crash

    def replay(self, records: Iterable[dict]) -> list[str]:
        """Re-apply journaled inputs on the journal's own timeline, then continue on the real clock.

        The downtime counts as elapsed, as if on air: a segment's timer runs on from its real start.
        Time between records comes from their monotonic readings where they have them (see
        _ReplayClock), so a wall-clock step is never show time. Returns a one-line warning for every
        record that is damaged or no longer fits the show file; never raises for a record.
        """
        real_clock, journal = self.clock, self.journal
        replay_clock = _ReplayClock()
        self.clock, self.journal = replay_clock, None
        warnings: list[str] = []
        records = list(records)
        try:
            self._replay_edit_base(records, warnings)
            for record in records:
                try:
                    if not isinstance(record, dict):
                        raise BadRecord("it is not an object")
                    wall = record_wall(record)
                    apply = self._checked(record)  # the whole record is checked before its time counts
                    replay_clock.at(wall, record_mono(record), record_boot(record))
                    apply()
                    self.replayed_until = wall
                except Exception as exc:  # a damaged record must never stop the show from starting
                    warnings.append(_replay_warning(record, exc))
        finally:
            self.clock, self.journal = real_clock, journal
            self._rebase(replay_clock, real_clock)
        return warnings

    def _checked(self, record: dict) -> Callable[[], None]:
        """The input `record` stands for, its fields checked (raises BadRecord/KeyError when damaged)."""
        op = record.get("op")
        if not isinstance(op, str):
            raise BadRecord("it has no entry type (op)")
        segment = None
        index = -1
        if op in ("jump", "skip", "unskip", "clip_progress", "clip_ended", "clip_failed"):
            segment = _text(record, "segment", 1000)
            index = self.show.index_of(segment)
        match op:
            case "go":  # it was accepted when it happened: the double-press guard is not asked again
                return self._replay_go
            case "back":
                return self.back
            case "jump":
                return lambda: self.jump(index)
            case "skip":
                return lambda: self.skip(index)
            case "unskip":
                return lambda: self.unskip(index)
            case "add_time":
                seconds = _finite(record, "seconds", -MAX_SECONDS, MAX_SECONDS)
                return lambda: self.add_time(seconds)
            case "send_message":
                text, blink = _text(record, "text"), _flag(record, "blink")
                return lambda: self.send_message(text, blink)
            case "clear_message":
                return self.clear_message
            case "clip_progress":
                position = _finite(record, "position_s", 0.0, MAX_MEDIA_S)
                duration = _finite(record, "duration_s", 0.0, MAX_MEDIA_S, optional=True)
                playing = _flag(record, "playing")
                return lambda: self.clip_progress(segment, position, duration, playing)
            case "clip_ended":
                return lambda: self.clip_ended(segment)
            case "clip_failed":
                problem = _text(record, "problem", 2000)
                return lambda: self.clip_failed(segment, problem)
            case "panic":
                return self.panic
            case "alive":
                return lambda: None
            case "close_run":
                reason = _text(record, "reason", 200)
                return lambda: self.close_run(reason)
            case "edit":
                from presenter.editing import show_from_record

                edited = show_from_record(record, self.show.path)

                def edit() -> None:
                    self.edit_show(edited)

                return edit
            case "media_durations":
                durations = record.get("durations")
                if not isinstance(durations, dict):
                    raise BadRecord("durations is not a table")
                checked = {}
                for key in durations:
                    if not isinstance(key, str):
                        raise BadRecord("durations has a name that is not text")
                    checked[key] = _finite(durations, key, 0.0, MAX_MEDIA_S)
                return lambda: self.set_media_durations(checked)
            case _:
                raise BadRecord(f"unknown entry {op[:40]!r}")

    def _replay_edit_base(self, records: list, warnings: list[str]) -> None:
        """Records before a run's first edit were made on the running order of then (its "base"), not the file's."""
        from presenter.editing import show_from_record

        first = next((r for r in records if isinstance(r, dict) and r.get("op") == "edit"), None)
        if first is not None and ("base" in first or "base_z" in first):
            try:
                self.replace_show(show_from_record(first, self.show.path, "base"))
            except Exception as exc:
                warnings.append(_replay_warning(first, exc))

    def _replay_go(self) -> None:
        if self.mode is not Mode.ENDED:
            self._last_go = self.clock.monotonic()
            self._advance("go")

    def _rebase(self, replay_clock: _ReplayClock, clock: Clock) -> None:
        """Move the monotonic readings taken during replay onto `clock`'s scale, the downtime included."""
        delta = clock.monotonic() - (replay_clock.monotonic() + replay_clock.gap_until(clock))
        for run in self.runs:
            if run.on_air_since is not None:
                run.on_air_since += delta
            if run.clip_position_at is not None:
                run.clip_position_at += delta
        if self._last_go is not None:
            self._last_go += delta

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
            return duration + run.added_s - position
        return self.planned_duration(index) - self.elapsed(index)

    def _clip_position(self, run: SegmentRun) -> tuple[float, float] | None:
        if run.clip_position_s is None or run.clip_duration_s is None or run.clip_position_at is None:
            return None
        position = run.clip_position_s
        if run.clip_state is ClipState.PLAYING:
            position += self.clock.monotonic() - run.clip_position_at
        return min(position, run.clip_duration_s), run.clip_duration_s

    def phase(self, index: int, remaining: float) -> Phase:
        segment = self.show.segments[index]
        if remaining < 0:
            return Phase.OVERTIME
        if remaining <= self.show.danger_for(segment):
            return Phase.DANGER
        if remaining <= self.show.warning_for(segment):
            return Phase.WARNING
        return Phase.NORMAL

    def snapshot(self) -> ShowSnapshot:
        show = self.show
        now = self.clock.now()
        next_index = self._next_index() if self.mode is not Mode.ENDED else None

        # The plan is on the show's date; run on another day (a rehearsal), it is on that day.
        day = (self.show_started or now).date()
        show_start = datetime.combine(day, show.start)
        planned_starts: list[datetime] = []
        cursor = show_start
        for segment in show.segments:
            planned_starts.append(cursor)
            cursor += timedelta(seconds=show.planned_duration(segment))
        planned_end = cursor

        views = []
        for index, (segment, run) in enumerate(zip(show.segments, self.runs, strict=True)):
            actual = None if run.actual_start is None else self.elapsed(index)
            views.append(
                SegmentView(
                    index=index,
                    segment=segment,
                    status=run.status,
                    planned_start=planned_starts[index],
                    planned_duration_s=self.planned_duration(index),
                    actual_start=run.actual_start,
                    actual_duration_s=actual,
                    is_next=index == next_index,
                    clip_state=run.clip_state,
                    clip_problem=run.clip_problem,
                )
            )

        current = views[self.current] if self.current is not None and self.mode is Mode.ON_AIR else None
        remaining = elapsed = None
        phase = Phase.STANDBY
        clip_view = None
        if current is not None:
            index = current.index
            elapsed = self.elapsed(index)
            remaining = self.remaining(index)
            phase = self.phase(index, remaining)
            run = self.runs[index]
            if current.segment.is_clip and run.clip_state is not None:
                position = self._clip_position(run)
                back_in = max(remaining, 0.0) if run.clip_state not in (ClipState.HELD, ClipState.BLACK) else 0.0
                clip_view = ClipView(
                    state=run.clip_state,
                    position_s=None if position is None else position[0],
                    duration_s=run.clip_duration_s or show.planned_duration(current.segment) or None,
                    back_on_air_in_s=back_in,
                    problem=run.clip_problem,
                )

        # Projection: the segment on air ends when its time is up (or now, in overtime), then the plan.
        if self.mode is Mode.ENDED:
            projected_end = self.show_ended or now
        else:
            if current is not None:
                cursor = now + timedelta(seconds=max(remaining or 0.0, 0.0))
                following = range(current.index + 1, len(views))
            else:
                cursor = max(now, show_start)
                following = range(len(views))
            for index in following:
                if self.runs[index].status is SegmentStatus.PENDING:
                    cursor += timedelta(seconds=self.planned_duration(index))
            projected_end = cursor

        hard_out = datetime.combine(day, show.end)
        return ShowSnapshot(
            show=show,
            mode=self.mode,
            now=now,
            segments=tuple(views),
            current=current,
            next=views[next_index] if next_index is not None else None,
            elapsed_s=elapsed,
            remaining_s=remaining,
            phase=phase,
            clip=clip_view,
            until_start_s=(show_start - now).total_seconds(),
            planned_end=planned_end,
            projected_end=projected_end,
            over_under_s=(projected_end - planned_end).total_seconds(),
            hard_out=hard_out,
            hard_out_margin_s=(hard_out - projected_end).total_seconds(),
            message=self.message,
            show_started=self.show_started,
            show_ended=self.show_ended,
            rehearsal=day != show.date,
        )
