"""The show controller: the one place where the show state meets the playout and the windows.

Windows call its intents and render `snapshot()`; it turns state changes into playout commands
(take the clip, arm the next one, go black) and playout reports into show state. It is a QObject
only for its signals; it holds no widgets.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from presenter.clock import Clock
from presenter.engine import ClipState, Mode, ShowEngine, ShowEvent, ShowSnapshot, SkipRefused
from presenter.i18n import QT_TRANSLATE_NOOP
from presenter.playout.interface import OutputState, OutputStatus, Playout
from presenter.questions import QuestionError, QuestionQueue
from presenter.questions_chat import parse_chat
from presenter.show import EndAction, Segment, Show

_C = TypeVar("_C", bound="ShowController")
_P = ParamSpec("_P")
_R = TypeVar("_R")

NO_PLAYOUT = QT_TRANSLATE_NOOP("ShowController", "clips cannot play: libVLC is not available")
RESUME_END_MARGIN_S = 0.5
HEARTBEAT_MS = 2000  # the journal notes the show is alive this often (the crash time on resume)


def _intent(method: Callable[Concatenate[_C, _P], _R]) -> Callable[Concatenate[_C, _P], _R]:
    """Run an intent as one change: windows hear `changed` once, after the state is whole again."""

    @functools.wraps(method)
    def wrapper(self: _C, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        self._depth += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._depth -= 1
            if self._depth == 0 and self._dirty:
                self._dirty = False
                self._after_change()

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
    ):
        """`engine` is a resumed run (replayed from its journal); otherwise the show starts in standby."""
        super().__init__(parent)
        self.engine = engine or ShowEngine(show, clock)
        self._depth = 0
        self._dirty = False
        self.playout = playout
        self.playout_problem: str | None = None if playout is not None else self.tr(NO_PLAYOUT)
        self._on_air_id: str | None = None
        self._armed: tuple[str, Path | None] | None = None
        self.media_info: dict[str, object] = {}  # probed at load, by segment id: arm checks the file is unchanged
        self.engine.subscribe(self._on_event)
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

    def attach_journal(self, append: Callable[[dict[str, Any]], None]) -> None:
        """Every input goes through `append` (flushed to disk) before it takes effect."""
        self.engine.journal = functools.partial(self._tagged, append)
        self._heartbeat.start()

    _source: str | None = None  # who sent the intents now running ("osc 127.0.0.1"); None: the director

    def _tagged(self, append: Callable[[dict[str, Any]], None], record: dict[str, Any]) -> None:
        append({**record, "src": self._source} if self._source else record)

    @contextlib.contextmanager
    def source(self, label: str) -> Iterator[None]:
        """Every journal record written meanwhile says who sent the intent (key "src")."""
        outer, self._source = self._source, label[:100]
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
    def start_new_run(
        self, append: Callable[[dict[str, Any]], None] | None = None, engine: ShowEngine | None = None
    ) -> None:
        """Switch runs: back to standby with a fresh one, or to `engine` (a resumed run, another show's run)."""
        show = self.engine.show
        clock = self.engine.clock
        self.engine.journal = None
        self.engine = engine or ShowEngine(show, clock)
        if self.engine.show.path != show.path:
            self.media_info = {}
        self.engine.subscribe(self._on_event)
        if append is not None:
            self.attach_journal(append)
        durations = dict(self.engine.show.media_durations)
        if durations:
            # The new journal must stand alone: --as-run reads clip durations only from it.
            self.engine.set_media_durations(durations)
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

    def snapshot(self) -> ShowSnapshot:
        return self.engine.snapshot()

    def output_status(self) -> Any:
        """What the program output shows now (OutputStatus), or None without a playout."""
        return self.playout.status() if self.playout is not None else None

    # ------------------------------------------------------------------ intents

    @_intent
    def close_run(self, reason: str) -> None:
        self.engine.close_run(reason)

    @_intent
    def go(self) -> bool:
        return self.engine.go()

    @_intent
    def back(self) -> bool:
        """Take a GO back in its first seconds, else cue the segment before (see ShowEngine.back)."""
        return self.engine.back()

    @_intent
    def jump(self, index: int) -> bool:
        """Set segment `index` as what the next GO airs; nothing goes on air (a clip is only armed)."""
        return self.engine.jump(index)

    @_intent
    def cue_next(self, index: int | None) -> bool:
        """Like jump; None: the running order's next again."""
        return self.engine.cue_next(index)

    @_intent
    def skip(self, index: int | None) -> bool:
        """Skip a segment that is not on air. Refused (a problem, nothing changes) for none or the one on air."""
        refused = self.engine.skip(index)
        if refused is None:
            return True
        if refused is SkipRefused.NOTHING_SELECTED:
            self.problem.emit(self.tr("Select the segment to skip in the running order."))
            return False
        assert index is not None
        title = self.show.segments[index].title
        if refused is SkipRefused.ON_AIR:
            text = self.tr('"{0}" is on air: only a segment that is not on air can be skipped (GO ends it).')
        else:
            text = self.tr('"{0}" has been on air already and cannot be skipped.')
        self.problem.emit(text.format(title))
        return False

    @_intent
    def rehearse_from_now(self) -> None:
        """Plan the running order from the first GO (early/late and the hard out then mean something)."""
        self.engine.rehearse_from_now()

    @_intent
    def unskip(self, index: int) -> None:
        self.engine.unskip(index)

    @_intent
    def add_time(self, seconds: float) -> None:
        self.engine.add_time(seconds)

    @_intent
    def send_message(self, text: str, blink: bool = False) -> None:
        self.engine.send_message(text, blink)

    @_intent
    def clear_message(self) -> None:
        self.engine.clear_message()

    def pause_clip(self) -> None:
        if self.playout is not None and self._clip_on_air():
            self.playout.pause()

    def resume_clip(self) -> None:
        if self.playout is not None and self._clip_on_air():
            self.playout.resume()

    def restart_clip(self) -> None:
        if self.playout is not None and self._clip_on_air():
            self.playout.restart()

    @_intent
    def panic(self) -> None:
        """Esc: stop every clip to black at once; the segment stays on air."""
        if self.playout is not None:
            self.playout.panic()
        self.engine.panic()

    @_intent
    def set_media_durations(self, durations: dict[str, float]) -> None:
        """Clip durations from the probe: the plan of a clip without a written duration."""
        self.engine.set_media_durations(durations)

    @_intent
    def replace_show(self, show: Show) -> None:
        self.engine.replace_show(show)
        self._arm_next()

    @_intent
    def apply_edit(self, show: Show) -> str | None:
        """An edit from the running-order editor: journaled, then taken like a changed show file (the
        segment on air stays on air, its elapsed time unchanged; a changed next clip is armed).
        Returns why it is refused (deleting the segment on air), else None."""
        engine = self.engine
        if engine.mode is Mode.ON_AIR and engine.current is not None:
            on_air = engine.show.segments[engine.current]
            if all(segment.id != on_air.id for segment in show.segments):
                return self.tr('"{title}" is on air and cannot be deleted').format(title=on_air.title)
        old_clips = {segment.id: segment.clip for segment in engine.show.segments}
        new_clips = {segment.id: segment.clip for segment in show.segments}
        # a clip file changed: what was probed of the old one is not expected of the new one
        self.media_info = {
            k: v for k, v in self.media_info.items() if k in new_clips and new_clips[k] == old_clips.get(k)
        }
        if not engine.edit_show(show):
            self.problem.emit(self.tr("This running order is too large for the crash journal: save it now (Ctrl+S)."))
        self._arm_next()
        return None

    # ------------------------------------------------------------------ state → playout

    def _clip_on_air(self) -> bool:
        snap_current = self.engine.current
        return snap_current is not None and self.engine.mode is Mode.ON_AIR and self.show.segments[snap_current].is_clip

    def _on_event(self, event: ShowEvent) -> None:
        self._dirty = True
        if self._depth == 0:  # a change outside an intent (should not happen): still tell everyone
            self._dirty = False
            self._after_change()

    def _after_change(self) -> None:
        self._follow_on_air()
        self.changed.emit()

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

    def _take(self, segment: Segment) -> None:
        if segment.clip is None:  # is_clip means it has one; the type cannot say so
            return
        if self.playout is None:
            problem = self.playout_problem or self.tr(NO_PLAYOUT)
            self.engine.clip_failed(segment.id, problem)
            self.problem.emit(self.tr('"{title}": {problem}').format(title=segment.title, problem=problem))
            return
        self._armed = None
        clip = self.engine.snapshot().clip
        if clip is None or clip.position_s is None or clip.state is ClipState.WAITING:
            self.playout.take(segment.id, segment.clip, segment.end_action)
            return
        # A resumed run: the clip was on air when Presenter stopped. Continue where it would be now.
        if clip.state in (ClipState.BLACK, ClipState.FAILED):
            self.playout.go_black()
        elif clip.duration_s is not None and clip.position_s >= clip.duration_s - RESUME_END_MARGIN_S:
            if clip.state is ClipState.HELD or segment.end_action is EndAction.HOLD:
                self.playout.take(segment.id, segment.clip, "hold", start_at_s=max(clip.duration_s - 0.2, 0.01))
            else:
                self.playout.go_black()
            self.engine.clip_ended(segment.id)  # it would have ended during the downtime
        else:
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
        self.playout.arm(following.id, following.clip, following.end_action, expected=self.media_info.get(following.id))

    # ------------------------------------------------------------------ playout → state

    @_intent
    def _clip_ended(self, segment_id: str) -> None:
        self.engine.clip_ended(segment_id)

    @_intent
    def _clip_failed(self, segment_id: str, message: str) -> None:
        titles = {segment.id: segment.title for segment in self.show.segments}
        title = titles.get(segment_id, segment_id)
        if self._on_air_id == segment_id:
            self.engine.clip_failed(segment_id, message)
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
            self.engine.clip_progress(status.segment_id, status.position_s, status.duration_s, playing)

    # ------------------------------------------------------------------ audience questions (presenter.questions)
    # Intents like GO: the same journal (the engine's), one `changed` after each. They never raise for
    # a producer's mistake: they return its message (None when done), for the window or the director.

    @property
    def questions(self) -> QuestionQueue:
        """This run's question queue, replayed from the run's journal whenever the run changes (resume, new run)."""
        if getattr(self, "_questions_engine", None) is not self.engine:
            queue = QuestionQueue(self.engine.clock)
            self.question_warnings = queue.replay(self.engine.question_records)
            queue.log = lambda op, **args: self.engine._log(op, **args)
            self._questions, self._questions_engine = queue, self.engine
        return self._questions

    def _question(self, action: Callable[[QuestionQueue], object]) -> str | None:
        try:
            action(self.questions)
        except QuestionError as exc:
            return str(exc)
        self._dirty = True
        return None

    @_intent
    def question_add(self, /, text: str, asker: str = "", source: str = "other", **more: Any) -> str | None:
        return self._question(lambda queue: queue.add(text, asker, source, **more))

    @_intent
    def question_paste(self, pasted: str, default_source: str = "other") -> str | None:
        """Text copied from a chat: "Name (Facebook): text" fills the asker and the source."""
        found = parse_chat(pasted)
        return self.question_add(found.text, found.asker, found.source or default_source)

    @_intent
    def question_import(self, entries: list[dict[str, Any]]) -> str | None:
        return self._question(lambda queue: queue.add_many(entries))

    @_intent
    def question_approve(self, question_id: str) -> str | None:
        return self._question(lambda queue: queue.approve(question_id))

    @_intent
    def question_drop(self, question_id: str) -> str | None:
        return self._question(lambda queue: queue.drop(question_id))

    @_intent
    def question_undo_drop(self, question_id: str | None = None) -> str | None:
        return self._question(lambda queue: queue.undo_drop(question_id))

    @_intent
    def question_move(self, question_id: str, to: int) -> str | None:
        return self._question(lambda queue: queue.move(question_id, to))

    @_intent
    def question_edit(self, /, question_id: str, **changes: Any) -> str | None:
        return self._question(lambda queue: queue.edit(question_id, **changes))

    @_intent
    def question_show(self, question_id: str | None = None) -> str | None:
        """Q: the top approved question on the moderator's screen (or this one, pulling back the one there)."""
        return self._question(lambda queue: queue.show(question_id))

    @_intent
    def question_answered_next(self) -> str | None:
        """N: the question on screen answered, the next approved one on screen."""
        return self._question(lambda queue: queue.answered_next())

    @_intent
    def question_take_off(self) -> str | None:
        """Shift+Q: the question on screen back to approved."""
        return self._question(lambda queue: queue.take_off())

    @_intent
    def question_forget_all(self) -> str | None:
        """Data protection: this run's questions gone (the app redacts the journal file, see delete_run_questions)."""
        self.engine.question_records.clear()
        return self._question(lambda queue: queue.forget_all())
