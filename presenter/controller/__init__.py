"""The show controller: the one place where the show state meets the playout and the windows.

Every action is a typed intent handed to `dispatch(intent, source)` (presenter.run.dispatch checks the
rules once and journals); windows render `snapshot()`. It drives the playout from the engine's state
changes (take the clip, arm the next one, pause, restart, go black) and hands the playout's reports
back as intents from the PLAYOUT source. It is a QObject only for its signals; it holds no widgets.
The intent methods below (go, back, skip …) are thin wrappers over dispatch() for the windows and the
tests; by subject, the question intents are `question_intents` (presenter.controller.questions), the
edit intents and what was probed of each clip are `edits` (presenter.controller.editing) and the clip
transport is `clip_transport` (presenter.controller.transport), all behind the same dispatch().
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from presenter.clock import Clock
from presenter.controller.editing import EditIntents
from presenter.controller.questions import QuestionIntents
from presenter.controller.transport import ClipTransport
from presenter.i18n import QT_TRANSLATE_NOOP
from presenter.next_turn import NextTurn
from presenter.playout.interface import OutputState, OutputStatus, Playout
from presenter.questions import QuestionQueue
from presenter.run import Append, Run
from presenter.run import intents as do
from presenter.run.dispatch import Accepted, Dispatcher, Outcome, Refused
from presenter.run.engine import ClipState, Mode, ShowEngine, ShowEvent, ShowSnapshot
from presenter.run.intents import DIRECTOR, PLAYOUT, Intent, Source
from presenter.show import EndAction, Segment, Show

_C = TypeVar("_C", bound="ShowController")
_P = ParamSpec("_P")
_R = TypeVar("_R")

NO_PLAYOUT = QT_TRANSLATE_NOOP("ShowController", "clips cannot play: libVLC is not available")
RESUME_END_MARGIN_S = 0.5
FOLLOW_ROUNDS = 3  # a report that changes what is on air is followed; a loop of them is not
HEARTBEAT_MS = 2000  # the journal notes the show is alive this often (the crash time on resume)


def _intent(method: Callable[Concatenate[_C, _P], _R]) -> Callable[Concatenate[_C, _P], _R]:
    """Run an intent as one change: windows hear `changed` once, after the state is whole again."""

    @functools.wraps(method)
    def wrapper(self: _C, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._one_change():
            return method(self, *args, **kwargs)

    return wrapper


class ShowController(QObject):
    changed = Signal()  # the show state changed; windows repaint from snapshot()
    problem = Signal(str)  # something the director must read (not fatal)

    def __init__(
        self,
        show: Show,
        clock: Clock | None = None,
        playout: Playout | None = None,  # None without libVLC
        parent: QObject | None = None,
        engine: ShowEngine | None = None,
        run: Run | None = None,
    ):
        """`run` (or `engine`) is a resumed run (replayed from its journal); otherwise the show starts in standby."""
        super().__init__(parent)
        self._set_run(run or Run.of(engine or ShowEngine(show, clock)))
        self._depth = 0
        self._dirty = False
        self.playout = playout
        self.playout_problem: str | None = None if playout is not None else self.tr(NO_PLAYOUT)
        self._on_air_id: str | None = None
        self._armed: tuple[str, Path | None] | None = None
        self.question_intents = QuestionIntents(self._question)
        self.edits = EditIntents(self.dispatch, self._one_change, lambda: self.show, self._arm_next, self._tell)
        self.clip_transport = ClipTransport(self._do)
        # The playout's progress reports (playing, paused, position, duration) are journaled at once and told
        # to the windows in the next turn, once however many came together: a GO onto a clip brought two or
        # three, each repainting the director inside the GO's own repaint (issue 25's UI stall).
        self._report_later = False
        self._tell_soon = NextTurn(self, self._tell_windows)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        if playout is not None:
            playout.clip_ended.connect(self._clip_ended)
            playout.clip_failed.connect(self._clip_failed)
            playout.clip_warning.connect(self._clip_warning)
            playout.status_changed.connect(self._playout_status)
        if self.engine.mode is Mode.ON_AIR:  # a resumed run: put back on air what was on air
            self._follow_on_air()
        else:
            self._arm_next()

    # ------------------------------------------------------------------ the journal

    def _set_run(self, run: Run) -> None:
        self.run = run
        self.dispatcher = Dispatcher(run)
        run.engine.subscribe(self._on_event)

    @property
    def engine(self) -> ShowEngine:
        return self.run.engine

    @property
    def question_warnings(self) -> list[str]:
        return self.run.question_warnings

    def attach_journal(self, append: Append) -> None:
        """Every input goes through `append` (flushed to disk) before it takes effect."""
        self.run.attach_journal(append)
        self._heartbeat.start()

    _source: Source | None = None  # who sends the intents now running when dispatch() is not told (None: director)

    @contextlib.contextmanager
    def source(self, label: str) -> Iterator[None]:
        """Every intent dispatched meanwhile is from `label` ("osc 127.0.0.1"; the journal's "src")."""
        outer, self._source = self._source, Source.from_label(label)
        try:
            yield
        finally:
            self._source = outer

    def refused(self, intent: str, source: str, reason: str) -> None:
        """Journal an attempt that was refused (a wrong PIN): nothing else changes."""
        append = self.engine.journal
        if append is not None:
            clock = self.engine.clock
            record = {"op": "refused", "wall": clock.now().isoformat(), "mono": clock.monotonic()}
            append({**record, "intent": intent[:100], "src": source[:100], "reason": reason[:200]})

    def _beat(self) -> None:
        if self.engine.mode is Mode.ON_AIR:
            self.engine.heartbeat()

    @_intent
    def start_new_run(self, append: Append | None = None, engine: ShowEngine | None = None) -> None:
        """Switch runs: back to standby with a fresh one, or to `engine` (a resumed run, another show's run)."""
        show = self.engine.show
        clock = self.engine.clock
        self.run.attach_journal(None)
        self._set_run(Run.of(engine or ShowEngine(show, clock)))
        if self.engine.show.path != show.path:
            self.edits.media_info = {}
        if append is not None:
            self.attach_journal(append)
        durations = dict(self.engine.show.media_durations)
        if durations:
            # The new journal must stand alone: --as-run reads clip durations only from it.
            self.dispatch(do.SetMediaDurations(durations), do.SYSTEM)
        self._on_air_id = None
        if self.playout is not None:
            self.playout.go_black()
        self._armed = ("", None)  # unknown: whatever the playout has armed is replaced or released
        if self.engine.mode is not Mode.ON_AIR:
            self._arm_next()  # on air, following the segment on air (after this intent) arms the next one
        self._dirty = True

    # ------------------------------------------------------------------ reading

    @property
    def show(self) -> Show:
        return self.engine.show

    _shared: ShowSnapshot | None = None  # the change's one snapshot while `changed` is being told

    def snapshot(self) -> ShowSnapshot:
        """The state now; while `changed` is being told, the one snapshot of that change, which every
        window renders (each taking its own cost ~0.1 ms per window and GO, and could disagree)."""
        return self._shared if self._shared is not None else self.run.snapshot()

    def output_status(self) -> OutputStatus | None:
        """What the program output shows now, or None without a playout."""
        return self.playout.status() if self.playout is not None else None

    # ------------------------------------------------------------------ intents

    @contextlib.contextmanager
    def _one_change(self) -> Iterator[None]:
        """Everything meanwhile is one change: windows hear `changed` once, after the state is whole again."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self._dirty:
                self._dirty = False
                self._after_change()

    def _tell(self, text: str) -> None:
        """A problem line from one of the intents' own places (marked in context ShowController)."""
        self.problem.emit(self.tr(text))

    @_intent
    def dispatch(self, intent: Intent, source: Source | None = None) -> Outcome:
        """The one way in: the dispatcher checks the rules, journals and carries it out (or refuses)."""
        self._shared = None  # a window that acts while being told of a change: what follows sees its effect
        outcome = self.dispatcher.dispatch(intent, source or self._source or DIRECTOR)
        if outcome.accepted:
            self._dirty = True  # a question intent is no engine event: the windows repaint all the same
        if isinstance(outcome, Refused) and outcome.tell_director:
            self.problem.emit(outcome.refusal.text)  # a remote sending GO in a loop (issue 25 #13)
        return outcome

    def _do(self, intent: Intent) -> bool:
        """A window's intent: True when carried out; a refusal the director must read is a problem."""
        outcome = self.dispatch(intent)
        if isinstance(outcome, Accepted):
            if outcome.warning:
                self.problem.emit(outcome.warning)
            return True
        return False

    def go(self) -> bool:
        return self._do(do.Go())

    def back(self) -> bool:
        """Take a GO back in its first seconds, else cue the segment before (see snapshot().back)."""
        return self._do(do.Back())

    def jump(self, index: int) -> bool:
        """Set segment `index` as what the next GO airs; nothing goes on air (a clip is only armed)."""
        return self.cue_next(index)

    def cue_next(self, index: int | None) -> bool:
        """Like jump; None: the running order's next again. IndexError for a segment that is not there."""
        outcome = self.dispatch(do.MakeNext(index))
        if isinstance(outcome, Accepted):
            return True
        if outcome.refusal.code is do.RefusalCode.BAD_VALUE:
            raise IndexError(outcome.refusal.text)  # a window's mistake, not the director's (as before)
        return False

    def skip(self, index: int | None) -> bool:
        """Skip a segment that is not on air. Refused (a problem, nothing changes) for none or the one on air."""
        outcome = self.dispatch(do.Skip(index))
        if isinstance(outcome, Accepted):
            return True
        self.problem.emit(outcome.refusal.text)
        return False

    def rehearse_from_now(self) -> None:
        """Plan the running order from the first GO (early/late and the hard out then mean something)."""
        self._do(do.Rehearse())

    def add_time(self, seconds: float) -> None:
        self._do(do.AddTime(seconds))

    def send_message(self, text: str, blink: bool = False, urgent: bool = False) -> None:
        self._do(do.SendMessage(text, blink, urgent))

    def clear_message(self) -> None:
        self._do(do.ClearMessage())

    # ------------------------------------------------------------------ state → playout

    def _on_event(self, event: ShowEvent) -> None:
        self._drive_playout(event)
        self._dirty = True
        if self._depth == 0:  # a change outside an intent (should not happen): still tell everyone
            self._dirty = False
            self._after_change()

    def _after_change(self) -> None:
        """Drive the playout after a change, then tell the windows once. Driving it reports back (a cut
        emits the output's status, a clip intent follows): those changes join this one instead of
        repainting every window again from inside this repaint (three repaints per GO, issue 25)."""
        self._dirty = True
        for _ in range(FOLLOW_ROUNDS):  # what the playout's reports changed may change what goes on air
            if not self._dirty:
                break
            self._dirty = False
            self._depth += 1
            try:
                self._follow_on_air()
            finally:
                self._depth -= 1
        self._dirty = False
        if self._report_later:
            self._tell_soon.soon()
        else:
            self._tell_windows()

    def _tell_windows(self) -> None:
        """`changed`, with the change's one snapshot for every window."""
        self._tell_soon.cancel()  # told now: a report waiting for the next turn is in this snapshot
        self._shared = self.run.snapshot()
        try:
            self.changed.emit()
        finally:
            self._shared = None

    def _follow_on_air(self) -> None:
        engine = self.engine
        segment = engine.show.segments[engine.current] if engine.current is not None else None
        on_air_id = segment.id if segment is not None and engine.mode is Mode.ON_AIR else None
        if on_air_id != self._on_air_id:
            self._on_air_id = on_air_id
            if segment is not None and on_air_id is not None and segment.is_clip:
                self._take(segment)
            elif self.playout is not None:
                self.playout.go_black()
        self._arm_next()  # what goes next may have changed without a change on air (a cue)

    def _restart(self, event: ShowEvent) -> None:
        assert self.playout is not None
        segment = self.show.segments[self.show.index_of(str(event.segment_id))]
        status = self.playout.status()
        playing = status.state in (OutputState.PLAYING, OutputState.PAUSED, OutputState.HELD)
        if status.segment_id == segment.id and playing:
            self.playout.restart()
        elif segment.clip is not None:  # stopped to black (Esc) or never taken: take it again from 0:00
            self.playout.take(segment.id, segment.clip, segment.end_action)

    def _drive_playout(self, event: ShowEvent) -> None:
        """The engine's clip transport changed (journaled): the program output follows at once."""
        if self.playout is None:
            return
        match event.kind:
            case "clip_pause":
                self.playout.pause()
            case "clip_resume":
                self.playout.resume()
            case "clip_restart":
                self._restart(event)
            case "panic":
                self.playout.panic()

    def _take(self, segment: Segment) -> None:
        if segment.clip is None:  # is_clip means it has one; the type cannot say so
            return
        if self.playout is None:
            problem = self.playout_problem or self.tr(NO_PLAYOUT)
            self.dispatch(do.ClipFailed(segment.id, problem), PLAYOUT)
            self.problem.emit(self.tr('"{title}": {problem}').format(title=segment.title, problem=problem))
            return
        self._armed = None
        clip = self.engine.snapshot().clip
        ended = clip is not None and clip.state in (ClipState.HELD, ClipState.BLACK, ClipState.FAILED)
        if clip is None or clip.state is ClipState.WAITING or (clip.position_s is None and not ended):
            self.playout.take(segment.id, segment.clip, segment.end_action)
            if clip is not None and clip.state is ClipState.PAUSED:  # paused before the player reported
                self.playout.pause()
            return
        # A resumed run: the clip was on air when Presenter stopped. Continue where it would be now.
        duration = clip.duration_s
        if clip.state in (ClipState.BLACK, ClipState.FAILED):
            self.playout.go_black()
        elif clip.state is ClipState.HELD or (
            duration is not None and clip.position_s is not None and clip.position_s >= duration - RESUME_END_MARGIN_S
        ):
            if clip.state is ClipState.HELD or segment.end_action is EndAction.HOLD:
                # its last frame on the output again, held (issue 25 #14): never played from the start
                start_at = max((duration or 0.0) - 0.2, 0.01)
                self.playout.take(segment.id, segment.clip, "hold", start_at_s=start_at)
            else:
                self.playout.go_black()
            self.dispatch(do.ClipEnded(segment.id), PLAYOUT)  # it would have ended during the downtime
        else:
            assert clip.position_s is not None  # not ended, not waiting: the player reported a position
            self.playout.take(segment.id, segment.clip, segment.end_action, start_at_s=max(clip.position_s, 0.01))
            if clip.state is ClipState.PAUSED:
                self.playout.pause()

    def _arm_next(self) -> None:
        """Pre-roll the next clip segment in the running order (one ahead, not all)."""
        if self.playout is None:
            return
        index = self.engine.next_index()
        following = self.show.segments[index] if index is not None else None
        wanted = None
        if following is not None and following.is_clip and following.clip is not None:
            wanted = (following.id, following.clip)
        if self._armed == wanted:
            return
        self._armed = wanted
        if wanted is None:
            self.playout.disarm()  # a clip armed for a segment that is no longer next
            return
        assert following is not None and following.clip is not None
        self.playout.arm(
            following.id, following.clip, following.end_action, expected=self.edits.media_info.get(following.id)
        )

    # ------------------------------------------------------------------ playout → state

    def _clip_ended(self, segment_id: str) -> None:
        self.dispatch(do.ClipEnded(segment_id), PLAYOUT)

    @_intent
    def _clip_failed(self, segment_id: str, message: str) -> None:
        titles = {segment.id: segment.title for segment in self.show.segments}
        title = titles.get(segment_id, segment_id)
        if self._on_air_id == segment_id:
            self.dispatch(do.ClipFailed(segment_id, message), PLAYOUT)
        elif self._armed and self._armed[0] == segment_id:
            self._armed = None
        self.problem.emit(self.tr('"{title}": {problem}').format(title=title, problem=message))

    @_intent
    def _clip_warning(self, segment_id: str, message: str) -> None:
        titles = {segment.id: segment.title for segment in self.show.segments}
        title = titles.get(segment_id, segment_id)
        self.problem.emit(self.tr('"{title}": {problem}').format(title=title, problem=message))

    def _playout_status(self, status: OutputStatus) -> None:
        if status.segment_id is None or status.segment_id != self._on_air_id:
            return
        if status.state in (OutputState.PLAYING, OutputState.PAUSED):
            playing = status.state is OutputState.PLAYING
            progress = do.ClipProgress(status.segment_id, status.position_s, status.duration_s, playing)
            self._report_later = self._depth == 0  # inside an intent, the intent tells the windows
            try:
                self.dispatch(progress, PLAYOUT)
            finally:
                self._report_later = False

    # ------------------------------------------------------------------ audience questions (presenter.questions)
    # Intents like GO: the same journal (the engine's), one `changed` after each. They never raise for
    # a producer's mistake: they return its message (None when done), for the window or the director.

    @property
    def questions(self) -> QuestionQueue:
        """This run's question queue (created and replayed with the run: presenter.run)."""
        return self.run.questions

    @_intent
    def _question(self, intent: Intent) -> str | None:
        outcome = self.dispatch(intent)
        if isinstance(outcome, Accepted):
            self._dirty = True  # the queue changed: the windows repaint (it is no engine event)
            return None
        return outcome.refusal.text
