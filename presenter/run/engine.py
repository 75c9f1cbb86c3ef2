"""The show state machine and its timing: the one source of truth every window renders from.

Plain Python with an injected clock. Every remaining time is computed from timestamps when it is
asked for (never by counting ticks), so a display can never drift from the truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from presenter.i18n import translate
from presenter.records import BadRecord
from presenter.run.engine_clip import ClipTransport
from presenter.run.graphics import EngineGraphics
from presenter.run.intents import MessageLife
from presenter.run.replay import replay_journal
from presenter.run.snapshot import take_snapshot
from presenter.run.state import (
    Airing,
    ClipEnd,
    ClipState,
    ClipView,
    EndReason,
    Message,
    Mode,
    Op,
    Phase,
    SegmentRun,
    SegmentStatus,
    SegmentView,
    ShowEvent,
    ShowSnapshot,
    SkipRefused,
    StartStatus,
    _UndoPoint,
)
from presenter.show import Show

__all__ = [  # the state's vocabulary lives in presenter.run.state; windows import it from here as before
    "GO_GUARD_S",
    "UNDO_GO_S",
    "Airing",
    "ClipEnd",
    "ClipState",
    "ClipView",
    "EndReason",
    "Message",
    "Mode",
    "Op",
    "Phase",
    "SegmentRun",
    "SegmentStatus",
    "SegmentView",
    "ShowEngine",
    "ShowEvent",
    "ShowSnapshot",
    "SkipRefused",
    "StartStatus",
]

GO_GUARD_S = 0.3  # a second GO within this time is a double press, not an intent
UNDO_GO_S = 10.0  # Back this soon after a GO takes that GO back (an accidental GO)


_CLOSE_REASONS = frozenset({EndReason.NEW_RUN.value, EndReason.ANOTHER_SHOW.value})


class ShowEngine(ClipTransport, EngineGraphics):
    """The running show. Intents change it; `snapshot()` reads it (state and timing: presenter.run.engine_core)."""

    # ------------------------------------------------------------------ intents

    def go(self) -> bool:
        """Put the next segment on air (the cued one, else the running order's next) or end the show.

        The only intent that puts something new on air. False when ignored: a double press, or the
        show has ended and nothing is cued.
        """
        if self.is_double_press() or (self.mode is Mode.ENDED and self.cue is None):
            return False
        self._log(Op.GO)
        self._last_go = self.clock.monotonic()
        self._go()
        return True

    def is_double_press(self) -> bool:
        """A GO now would come within GO_GUARD_S of the last one (or of a clip handing back by itself)."""
        return self._last_go is not None and self.clock.monotonic() - self._last_go < GO_GUARD_S

    def _go(self) -> None:
        undo = _UndoPoint(
            at=self.clock.monotonic(),
            mode=self.mode,
            current=self.current if self.mode is Mode.ON_AIR else None,
            cue=self.cue,
            show_started=self.show_started,
            show_ended=self.show_ended,
            runs={},
            airings=len(self.airings),
            left_airing=self._on_air_airing() if self.mode is Mode.ON_AIR else None,
            points_page=self.points_page,
            lower_third=self.lower_third,
            message=self.message,
        )
        # Only the segment on air and the one GO airs change (copying every run cost 8 ms a GO at 1,200 segments).
        touched = (undo.current, self._next_index())
        before = {index: replace(self.runs[index]) for index in touched if index is not None}
        self._advance(EndReason.GO)
        if self.message is not None and self.message.life is MessageLife.UNTIL_NEXT_GO:
            self._drop_message()  # part of this GO: the journal's GO says it, replay does it again
        for index in (undo.current, self.current if self.mode is Mode.ON_AIR else None):
            if index is not None:
                undo.runs[index] = before[index]
        self._undo = undo

    def back(self) -> bool:
        """Take an accidental GO back, or else cue the segment before. False when nothing changed.

        Within UNDO_GO_S of a GO, what was on air returns on air with its timer running on as if it
        had never left (or the show returns to standby); the segment the GO aired is pending again.
        Later, or when the segment before is a clip (a clip never starts by itself, and returning to
        it would mean black or a replay from 0:00), Back only cues the segment before: GO airs it.
        """
        if self.undo_go_s() is not None:
            self._log(Op.UNDO_GO)
            self._undo_go()
            return True
        before = self.back_from()
        if before is None:
            return False
        previous = self._previous_index(before)
        return previous is not None and self.cue_next(previous)

    def back_from(self) -> int | None:
        """The place Back cues the segment before of: the cue, else the segment on air, else the end."""
        if self.cue is not None:
            return self.cue
        if self.mode is Mode.ON_AIR:
            return self.current
        return len(self.show.segments) if self.mode is Mode.ENDED else None

    def undo_go_s(self) -> float | None:
        """How long Back still takes the last GO back; None when Back would cue instead."""
        undo = self._undo
        if undo is None:
            return None
        left = UNDO_GO_S - (self.clock.monotonic() - undo.at)
        if left < 0 or (undo.current is not None and self.show.segments[undo.current].is_clip):
            return None
        return left

    def _undo_go(self) -> None:
        undo = self._undo
        if undo is None:
            raise BadRecord(translate("Journal", "there is no GO to take back"))
        self._undo = None
        for airing in self.airings[undo.airings :]:  # the airing the GO opened (none when it ended the show)
            self._end_airing(airing, EndReason.UNDONE)
        aired = self.current if self.mode is Mode.ON_AIR else None
        for index, run in undo.runs.items():
            self.runs[index] = run
        if undo.left_airing is not None:
            undo.left_airing.end = undo.left_airing.end_mono = undo.left_airing.end_reason = None
        self.mode, self.current, self.cue = undo.mode, undo.current, undo.cue
        self.points_page = undo.points_page
        self.lower_third = undo.lower_third
        self.message = undo.message
        self.show_started, self.show_ended = undo.show_started, undo.show_ended
        self._record("undo_go", self._segment_id(self.current), undone=self._segment_id(aired))

    def cue_next(self, index: int | None) -> bool:
        """Set what the next GO puts on air (None: the running order's next again). Nothing goes on air.

        Cueing the segment on air clears the cue. A skipped segment can be cued (GO airs it);
        one that aired before continues its timer when GO airs it again (a clip starts from 0:00).
        """
        if index is not None:
            self._check_index(index)
            if index == self.current and self.mode is Mode.ON_AIR:
                index = None
        if index == self.cue:
            return False
        self._log(Op.CUE, segment=self._segment_id(index))
        self.cue = index
        self._record("cue", self._segment_id(index))
        return True

    def jump(self, index: int) -> bool:
        """Jump to segment `index`: it goes next (see cue_next); it does not go on air."""
        return self.cue_next(index)

    def skip(self, index: int | None) -> SkipRefused | None:
        """Skip a segment that is not on air: GO passes over it. Returns why, when nothing changed."""
        if index is None:
            return SkipRefused.NOTHING_SELECTED
        self._check_index(index)
        if index == self.current and self.mode is Mode.ON_AIR:
            return SkipRefused.ON_AIR
        run = self.runs[index]
        if run.status is SegmentStatus.SKIPPED:
            return None
        if run.status is not SegmentStatus.PENDING:
            return SkipRefused.ALREADY_AIRED
        segment_id = self.show.segments[index].id
        self._log(Op.SKIP, segment=segment_id)
        run.status = SegmentStatus.SKIPPED
        if self.cue == index:
            self.cue = None
        self._record("skip", segment_id)
        return None

    def rehearse_from_now(self) -> None:
        """Rehearse: the plan starts with the first GO (now, if the show is on air already), so early/late
        and the hard out mean something on any day. Journaled: a resumed run keeps rehearsing."""
        if self.rehearse:
            return
        self._log(Op.REHEARSE)
        self._rehearse_journaled = self._journal is not None
        self.rehearse = True
        self._record("rehearse", None)

    def unskip(self, index: int) -> None:
        self._check_index(index)
        run = self.runs[index]
        if run.status is SegmentStatus.SKIPPED and run.actual_start is None:
            self._log(Op.UNSKIP, segment=self._segment_id(index))
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
        self._log(Op.ADD_TIME, seconds=seconds)
        run.added_s += seconds
        self._on_air_airing().added_s += seconds
        self._record("add_time", self.show.segments[self.current].id, seconds=seconds)

    def send_message(
        self, text: str, blink: bool = False, urgent: bool = False, life: MessageLife = MessageLife.UNTIL_CLEARED
    ) -> None:
        text = text.strip()
        if not text:
            self.clear_message()
            return
        extra: dict[str, Any] = {"urgent": True} if urgent else {}  # old journals have no "urgent": a plain message
        extra["life"] = life.value  # old journals have no "life": until cleared
        self._log(Op.SEND_MESSAGE, text=text, blink=blink, **extra)
        self.message = Message(text, blink, self.clock.now(), urgent, life)
        self._record("message", None, text=text, blink=blink, **extra)

    def turn_page(self, page: int) -> bool:
        """The talking-points page the moderator reads (0-based; every GO starts at the first)."""
        if page == self.points_page:
            return False
        self._log(Op.TURN_PAGE, page=page)
        self.points_page = page
        self._record("page", self._segment_id(self.current), page=page)
        return True

    def set_language(self, language: str) -> None:
        """The UI language chosen by the director (journaled; the app applies it)."""
        self._log(Op.SET_LANGUAGE, language=language)
        self.language = language
        self._record("language", None, language=language)

    def clear_message(self) -> None:
        if self.message is not None:
            self._log(Op.CLEAR_MESSAGE)
            self._drop_message()

    def _drop_message(self) -> None:
        """The message goes (cleared, or by its lifetime at a GO or the end of the show)."""
        self.message = None
        self._record("message_cleared", None)

    # ------------------------------------------------------------------ reports from the playout

    def clip_progress(self, segment_id: str, position_s: float, duration_s: float | None, playing: bool) -> None:
        """The player's position of the clip on air; extrapolated by the clock while playing."""
        run = self._clip_run(segment_id)
        # A clip that ended (held, black) or failed stays where it ended: a late or re-taken player's report
        # (a resumed held clip is taken again near its end) does not move it.
        if run is None or run.clip_state in (ClipState.FAILED, ClipState.HELD, ClipState.BLACK):
            return
        new_state = ClipState.PLAYING if playing else ClipState.PAUSED
        changes = (
            run.clip_state in (ClipState.WAITING, ClipState.PLAYING, ClipState.PAUSED)
            and run.clip_state is not new_state
        )
        learns_duration = bool(duration_s) and run.clip_duration_s is None  # a cold start knows it only later
        if changes or learns_duration:  # the journal needs the turns and the length, not every position report
            self._log(
                Op.CLIP_PROGRESS, segment=segment_id, position_s=position_s, duration_s=duration_s, playing=playing
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
        self._log(Op.CLIP_ENDED, segment=segment_id)
        segment = self.show.segments[self.show.index_of(segment_id)]  # the segment on air (_clip_run said so)
        if run.clip_duration_s is not None:
            run.clip_position_s = run.clip_duration_s
            run.clip_position_at = self.clock.monotonic()
        self._record("clip_ended", segment_id, end_action=segment.end_action)
        self._note_clip_end(ClipEnd.ENDED)
        if segment.end_action == "next":
            run.clip_state = ClipState.BLACK
            # A GO pressed just as the clip hands back by itself is the same intent, not a second one.
            self._last_go = self.clock.monotonic()
            self._advance(EndReason.CLIP_ENDED)
        else:
            run.clip_state = ClipState.HELD if segment.end_action == "hold" else ClipState.BLACK

    def clip_failed(self, segment_id: str, problem: str) -> None:
        """The clip on air cannot play: the segment stays on air on its planned time."""
        run = self._clip_run(segment_id)
        if run is None:
            return
        self._log(Op.CLIP_FAILED, segment=segment_id, problem=problem)
        run.clip_state = ClipState.FAILED
        run.clip_problem = problem
        run.clip_position_s = None
        self._note_clip_end(ClipEnd.FAILED, problem)
        self._record("clip_failed", segment_id, problem=problem)

    def close_run(self, reason: str) -> None:
        """End this run where it is (a new run or another show follows): the segment on air is done.

        Journaled like every input, so the run is not resumed after it was closed on purpose, and its
        as-run says why it ended (EndReason.NEW_RUN, ANOTHER_SHOW; any other text: RUN_CLOSED).
        """
        self._log(Op.CLOSE_RUN, reason=str(reason))
        if self.mode is not Mode.ON_AIR:
            return
        ended_by = EndReason(reason) if reason in _CLOSE_REASONS else EndReason.RUN_CLOSED
        assert self.current is not None  # on air, a segment is: a skipped one was finished with its GO
        self._finish(self.current, SegmentStatus.DONE, ended_by)
        self._end_show()

    def _clip_run(self, segment_id: str) -> SegmentRun | None:
        if self.current is None or self.mode is not Mode.ON_AIR:
            return None
        if self.show.segments[self.current].id != segment_id:
            return None
        return self.runs[self.current]

    # ------------------------------------------------------------------ the show file

    def set_media_durations(self, durations: dict[str, float]) -> None:
        self._log(Op.MEDIA_DURATIONS, durations=durations)
        self.show = self.show.with_media_durations(durations)
        self._record("media_durations", None)

    def edit_show(self, show: Show) -> bool:
        """An edit made in the app: journaled as the whole new running order (replay rebuilds it), then taken.
        False when it was too large for the journal."""
        fields: dict[str, Any] = {}
        if self._journal is not None:
            from presenter.show.editing import journal_record

            fields = journal_record(show, None if self._edited else self.show)
            self._log(Op.EDIT, **fields)
        self._edited = True
        self.replace_show(show)
        return not fields.get("too_large")

    def replace_show(self, show: Show) -> None:
        """Take a changed show file; runs are kept by segment id, the one on air stays on air."""
        old_ids = [segment.id for segment in self.show.segments]
        by_id = dict(zip(old_ids, self.runs, strict=True))
        current_id = old_ids[self.current] if self.current is not None else None
        cue_id = old_ids[self.cue] if self.cue is not None else None
        show = show.with_media_durations({**self.show.media_durations, **show.media_durations})
        self.show = show
        self.runs = [by_id.get(segment.id, SegmentRun()) for segment in show.segments]
        self._undo = None  # the running order may have changed under it
        ids = [segment.id for segment in show.segments]
        self.cue = ids.index(cue_id) if cue_id in ids else None
        if current_id is not None:
            if current_id in ids:
                self.current = ids.index(current_id)
            else:  # the segment on air was removed from the file: the next pending one goes on air
                self.current = None
                self._end_airing(self._on_air_airing(), EndReason.REMOVED)
                self._replace_orphan()
        self._record("show_replaced", None)

    def _replace_orphan(self) -> None:
        # Rare: the on-air segment disappeared from the file. Put the first pending segment after the
        # last one that was on air (positions in the *new* running order) on air.
        aired = [index for index, run in enumerate(self.runs) if run.actual_start is not None]
        self.current = max(aired) if aired else None
        index = self._next_index()
        self.cue = None
        if index is None:
            self._end_show()
            return
        self._put_on_air(index, reentry=False, by="show replaced")
        self._record("on_air", self.show.segments[index].id, reason="show replaced")

    # ------------------------------------------------------------------ transitions

    def _advance(self, reason: EndReason) -> None:
        if self.mode is Mode.STANDBY:
            self._start_show()
        elif self.mode is Mode.ENDED:  # a segment cued after the end: the show goes on
            self.mode, self.show_ended = Mode.ON_AIR, None
        elif self.current is not None and self.runs[self.current].status is SegmentStatus.ON_AIR:
            # (a segment skipped on air is already finished as SKIPPED: do not turn it into DONE)
            self._finish(self.current, SegmentStatus.DONE, reason)
        following = self._next_index()
        self.cue = None
        if following is None:
            self._end_show()
            return
        # A segment aired before continues its timer; a clip plays again from its start.
        reentry = not self.show.segments[following].is_clip
        self._put_on_air(following, reentry=reentry, by=reason)
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
        self._undo = None
        self._record("show_ended", None)
        if self.message is not None:  # no message outlives the show, whatever its lifetime
            self._drop_message()

    def _put_on_air(self, index: int, *, reentry: bool, by: str) -> None:
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
        self._undo = None
        self.points_page = 0
        self.airings.append(Airing(segment, index, self.clock.now(), self.clock.monotonic(), str(by)))
        self._segment_graphics(segment)

    def _finish(self, index: int, status: SegmentStatus, reason: EndReason) -> None:
        run = self.runs[index]
        assert run.on_air_since is not None  # only the segment on air is finished
        run.elapsed_before_s += self.clock.monotonic() - run.on_air_since
        run.on_air_since = None
        run.status = status
        run.actual_end = self.clock.now()
        run.end_reason = reason
        self._end_airing(self._on_air_airing(), reason)

    def _reset(self, index: int) -> None:
        self.runs[index] = SegmentRun()

    # ------------------------------------------------------------------ resume after a crash

    def replay(self, records: Iterable[object]) -> list[str]:
        """Re-apply journaled inputs on the journal's own timeline, then continue on the real clock.

        The downtime counts as elapsed, as if on air (see presenter.run.replay). Returns a one-line warning
        for every record that is damaged or no longer fits the show file; never raises for a record.
        """
        return replay_journal(self, records)

    def snapshot(self) -> ShowSnapshot:
        return take_snapshot(self)
