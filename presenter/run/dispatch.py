"""The one way in: every intent from every face goes through `Dispatcher.dispatch(intent, source)`.

It checks the rules once, here; the engine journals the input before it changes anything; the answer
is the new state (`Accepted`, its snapshot taken when asked for) or a `Refused` with a Refusal that
every face shows the same way. A refusal changes nothing and writes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from presenter.i18n import translate
from presenter.questions import QuestionError, QuestionQueue
from presenter.run import Run
from presenter.run.engine import ShowEngine
from presenter.run.graphics import MAX_LOWER_THIRD_S, speaker_on_air
from presenter.run.intents import (
    DIRECTOR,
    MESSAGE_MAX_CHARS,
    AddTime,
    Back,
    ClearMessage,
    ClipEnded,
    ClipFailed,
    ClipProgress,
    CloseRun,
    EditShow,
    Go,
    Intent,
    MakeNext,
    PauseClip,
    QuestionAdd,
    QuestionAnsweredNext,
    QuestionApprove,
    QuestionDrop,
    QuestionEdit,
    QuestionForgetAll,
    QuestionImport,
    QuestionMove,
    QuestionShow,
    QuestionTakeOff,
    QuestionUndoDrop,
    Refusal,
    RefusalCode,
    Rehearse,
    ReplaceShow,
    RestartClip,
    ResumeClip,
    SendMessage,
    SetLanguage,
    SetMediaDurations,
    ShowLowerThird,
    ShowPreshow,
    Skip,
    Source,
    SourceKind,
    StopToBlack,
    StreamProblem,
    TakeOffLowerThird,
    TurnPage,
    Unskip,
    refusal,
)
from presenter.run.offers import back_plan, go_plan
from presenter.run.state import ClipState, Mode, ShowSnapshot, SkipRefused
from presenter.show import Show

MAX_ADD_S = 3600.0  # one press of ± time: at most an hour either way
REMOTE_GO_GAP_S = 1.0  # a remote's GO this soon after its last accepted one is a looping sender (issue 25 #13)
REFUSED_JOURNAL_EVERY_S = 1.0  # refused remote GOs are journaled at most this often per source, with a count
PACED = frozenset({SourceKind.HTTP, SourceKind.WEBSOCKET, SourceKind.OSC, SourceKind.COMPANION, SourceKind.OBS})

Handler = Callable[[Any], Refusal | None]


class Accepted:
    """The intent was carried out; `snapshot` is the state after it (taken when first read)."""

    def __init__(self, take: Callable[[], ShowSnapshot], warning: str | None = None) -> None:
        self._take = take
        self._snapshot: ShowSnapshot | None = None
        self.warning = warning  # done, but the director must read this (an edit too large to journal)

    @property
    def snapshot(self) -> ShowSnapshot:
        if self._snapshot is None:
            self._snapshot = self._take()
        return self._snapshot

    @property
    def accepted(self) -> bool:
        return True


class Refused:
    """The intent was refused: nothing changed (`tell_director`: the director should read why, e.g. a
    remote that sends GO in a loop; at most once a second per sender)."""

    def __init__(self, refusal: Refusal, tell_director: bool = False) -> None:
        self.refusal = refusal
        self.tell_director = tell_director

    @property
    def accepted(self) -> bool:
        return False


Outcome = Accepted | Refused


class Dispatcher:
    """Checks each intent against the rules once and carries it out on the run."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self._warning: str | None = None
        self.remote_go_gap_s = REMOTE_GO_GAP_S
        self._remote_gos: dict[str, float] = {}  # a remote source's last accepted GO (monotonic)
        self._refused_gos: dict[str, tuple[float, int]] = {}  # when its refusals were journaled, how many since
        self._tell = False
        self._handlers: dict[type[Intent], Handler] = {
            Go: self._go,
            Back: self._back,
            MakeNext: self._make_next,
            AddTime: self._add_time,
            Skip: self._skip,
            Unskip: self._unskip,
            PauseClip: self._pause,
            ResumeClip: self._resume,
            RestartClip: self._restart,
            StopToBlack: lambda _: self.engine.panic(),
            SendMessage: self._message,
            ClearMessage: lambda _: self.engine.clear_message(),
            TurnPage: self._turn_page,
            Rehearse: lambda _: self.engine.rehearse_from_now(),
            CloseRun: lambda intent: self.engine.close_run(intent.reason),
            EditShow: self._edit,
            ReplaceShow: lambda intent: self.engine.replace_show(intent.show),
            SetMediaDurations: lambda intent: self.engine.set_media_durations(dict(intent.durations)),
            SetLanguage: lambda intent: self.engine.set_language(intent.language),
            ClipProgress: lambda i: self.engine.clip_progress(i.segment_id, i.position_s, i.duration_s, i.playing),
            ClipEnded: lambda intent: self.engine.clip_ended(intent.segment_id),
            ClipFailed: lambda intent: self.engine.clip_failed(intent.segment_id, intent.problem),
            ShowLowerThird: self._lower_third,
            TakeOffLowerThird: self._lower_third_off,
            ShowPreshow: self._preshow,
            StreamProblem: self._stream_problem,
            **_question_handlers(self),
        }

    @property
    def engine(self) -> ShowEngine:
        return self.run.engine

    def dispatch(self, intent: Intent, source: Source = DIRECTOR) -> Outcome:
        """Carry out `intent` for `source` (the journal says who), or say why not."""
        handler = self._handlers[type(intent)]
        outer, self.run.source = self.run.source, source
        self._warning, self._tell = None, False
        try:
            refused = handler(intent)
        finally:
            self.run.source = outer
        if refused is not None:
            return Refused(refused, self._tell)
        return Accepted(self.run.snapshot, self._warning)

    # ------------------------------------------------------------------ the show's rules

    def _go(self, _: Go) -> Refusal | None:
        if self.engine.is_double_press():
            return refusal(RefusalCode.DOUBLE_PRESS)
        plan = go_plan(self.engine)
        if plan.refusal is not None:
            return plan.refusal
        source, now = self.run.source, self.engine.clock.monotonic()
        paced = source.kind in PACED
        if paced and now - self._remote_gos.get(source.label, -math.inf) < self.remote_go_gap_s:
            return self._too_soon(source, now)
        self.engine.go()
        if paced:
            self._remote_gos[source.label] = now
        return None

    def _too_soon(self, source: Source, now: float) -> Refusal:
        """A remote's GO in a loop: refused, journaled once a second with how many were refused meanwhile."""
        text = translate("Refusal", "GO from {source} refused: less than {gap:g} s after its last GO")
        why = refusal(RefusalCode.TOO_SOON, text.format(source=source.label, gap=self.remote_go_gap_s))
        last, count = self._refused_gos.get(source.label, (-math.inf, 0))
        if now - last < REFUSED_JOURNAL_EVERY_S:
            self._refused_gos[source.label] = (last, count + 1)
            return why
        self._refused_gos[source.label] = (now, 0)
        self.engine.journal_input("refused", intent="go", reason=f"{why.code} (+{count} before)")
        self._tell = True
        return why

    def _back(self, _: Back) -> Refusal | None:
        plan = back_plan(self.engine)
        if plan.refusal is not None:
            return plan.refusal
        self.engine.back()
        return None

    def _index(self, index: int) -> Refusal | None:
        if not 0 <= index < len(self.engine.show.segments):
            text = translate("Refusal", "there is no segment {number} in the running order")
            return refusal(RefusalCode.BAD_VALUE, text.format(number=index + 1))
        return None

    def _make_next(self, intent: MakeNext) -> Refusal | None:
        if intent.index is not None and (bad := self._index(intent.index)):
            return bad
        if not self.engine.cue_next(intent.index):
            return refusal(RefusalCode.UNCHANGED, translate("Refusal", "that segment goes next already"))
        return None

    def _add_time(self, intent: AddTime) -> Refusal | None:
        seconds = intent.seconds
        if not math.isfinite(seconds) or seconds == 0 or abs(seconds) > MAX_ADD_S:
            text = translate("Refusal", "from -{most:g} to {most:g} seconds, not 0").format(most=MAX_ADD_S)
            return refusal(RefusalCode.BAD_VALUE, text)
        if self.run.on_air() is None:
            return refusal(RefusalCode.NOTHING_ON_AIR)
        self.engine.add_time(seconds)
        return None

    def _skip(self, intent: Skip) -> Refusal | None:
        if intent.index is None:
            text = translate("Refusal", "Select the segment to skip in the running order.")
            return refusal(RefusalCode.NOTHING_SELECTED, text)
        if bad := self._index(intent.index):
            return bad
        refused = self.engine.skip(intent.index)
        if refused is None:
            return None
        title = self.engine.show.segments[intent.index].title
        if refused is SkipRefused.ON_AIR:
            text = translate(
                "Refusal", '"{title}" is on air: only a segment that is not on air can be skipped (GO ends it).'
            )
            return refusal(RefusalCode.ON_AIR, text.format(title=title))
        text = translate("Refusal", '"{title}" has been on air already and cannot be skipped.')
        return refusal(RefusalCode.ALREADY_AIRED, text.format(title=title))

    def _unskip(self, intent: Unskip) -> Refusal | None:
        if bad := self._index(intent.index):
            return bad
        self.engine.unskip(intent.index)
        return None

    # ------------------------------------------------------------------ clip transport

    def _clip_refusal(self, wanted: tuple[ClipState, ...], code: RefusalCode) -> Refusal | None:
        run = self.engine.clip_on_air()
        if run is None:
            return refusal(RefusalCode.NO_CLIP_ON_AIR)
        if run.clip_state is ClipState.FAILED:
            return refusal(RefusalCode.CLIP_FAILED)
        return None if run.clip_state in wanted else refusal(code)

    def _pause(self, _: PauseClip) -> Refusal | None:
        refused = self._clip_refusal((ClipState.WAITING, ClipState.PLAYING), RefusalCode.NOT_PLAYING)
        if refused is None:
            self.engine.pause_clip()
        return refused

    def _resume(self, _: ResumeClip) -> Refusal | None:
        refused = self._clip_refusal((ClipState.PAUSED,), RefusalCode.NOT_PAUSED)
        if refused is None:
            self.engine.resume_clip()
        return refused

    def _restart(self, _: RestartClip) -> Refusal | None:
        """Any clip on air that can play restarts from 0:00 (paused, held, stopped to black)."""
        refused = self._clip_refusal(tuple(ClipState), RefusalCode.CLIP_FAILED)
        if refused is None:
            self.engine.restart_clip()
        return refused

    # ------------------------------------------------------------------ the moderator's screen

    def _message(self, intent: SendMessage) -> Refusal | None:
        if len(intent.text.strip()) > MESSAGE_MAX_CHARS:
            return refusal(RefusalCode.TOO_LONG)
        self.engine.send_message(intent.text, intent.blink, intent.urgent, intent.life)
        return None

    def _turn_page(self, intent: TurnPage) -> Refusal | None:
        current = self.run.on_air()
        if current is None:
            return refusal(RefusalCode.NOTHING_ON_AIR)
        if not 0 <= intent.page < max(len(current.talking_points), 1):  # a page holds one point at least
            return refusal(RefusalCode.BAD_VALUE, translate("Refusal", "there is no such page"))
        self.engine.turn_page(intent.page)
        return None

    # ------------------------------------------------------------------ the stream's graphics

    def _lower_third(self, intent: ShowLowerThird) -> Refusal | None:
        name = intent.person if intent.person is not None else speaker_on_air(self.engine.show, self.run.on_air())
        if name is None:
            text = translate("Refusal", "the segment on air has no speaker for a lower third")
            return refusal(RefusalCode.NOTHING_SELECTED, text)
        if name not in self.engine.show.people:
            text = translate("Refusal", '"{name}" is not a speaker in the show file').format(name=name[:100])
            return refusal(RefusalCode.BAD_VALUE, text)
        seconds = intent.seconds if intent.seconds is not None else self.engine.show.graphics.lower_third_s
        if seconds is not None and not (math.isfinite(seconds) and 0 < seconds <= MAX_LOWER_THIRD_S):
            text = translate("Refusal", "a lower third stays on for 1 to {most:g} seconds").format(
                most=MAX_LOWER_THIRD_S
            )
            return refusal(RefusalCode.BAD_VALUE, text)
        self.engine.show_lower_third(name, seconds)
        return None

    def _lower_third_off(self, _: TakeOffLowerThird) -> Refusal | None:
        if not self.engine.lower_third_on():
            return refusal(RefusalCode.UNCHANGED, translate("Refusal", "no lower third is on the stream"))
        self.engine.take_off_lower_third()
        return None

    def _preshow(self, intent: ShowPreshow) -> Refusal | None:
        if intent.on == self.engine.preshow:
            return refusal(RefusalCode.UNCHANGED)
        if intent.on and self.engine.mode is not Mode.STANDBY:
            text = translate("Refusal", "the pre-show countdown is for before the show")
            return refusal(RefusalCode.BAD_VALUE, text)
        self.engine.set_preshow(intent.on)
        return None

    def _stream_problem(self, intent: StreamProblem) -> Refusal | None:
        if not intent.text.strip() or len(intent.text) > MESSAGE_MAX_CHARS or len(intent.code) > 40:
            return refusal(RefusalCode.BAD_VALUE)
        self.engine.stream_problem(intent.code, intent.text.strip(), intent.gone)
        return None

    def edit_refusal(self, show: Show) -> Refusal | None:
        """Why an edit to `show` would be refused, without doing it: the editor asks before it asks
        "really delete?", so a refusal comes at once and no question is asked for nothing."""
        on_air = self.run.on_air()
        if on_air is not None and all(segment.id != on_air.id for segment in show.segments):
            text = translate("Refusal", '"{title}" is on air and cannot be deleted').format(title=on_air.title)
            return refusal(RefusalCode.ON_AIR, text)
        return None

    def _edit(self, intent: EditShow) -> Refusal | None:
        refused = self.edit_refusal(intent.show)
        if refused is not None:
            return refused
        if not self.engine.edit_show(intent.show):
            self._warning = refusal(RefusalCode.TOO_LARGE).text
        return None


def _question_handlers(dispatcher: Dispatcher) -> dict[type[Intent], Handler]:
    """The question queue's intents: its own rules answer with QuestionError, turned into a Refusal."""

    def on(action: Callable[[QuestionQueue, Any], object]) -> Handler:
        def handler(intent: Any) -> Refusal | None:
            try:
                action(dispatcher.run.questions, intent)
            except QuestionError as exc:
                return refusal(RefusalCode.QUESTION, str(exc))
            return None

        return handler

    def forget(queue: QuestionQueue, _: object) -> None:
        dispatcher.engine.question_records.clear()
        queue.forget_all()

    return {
        QuestionAdd: on(lambda queue, i: queue.add(i.text, i.asker, i.source, **i.more)),
        QuestionApprove: on(lambda queue, i: queue.approve(i.id)),
        QuestionDrop: on(lambda queue, i: queue.drop(i.id)),
        QuestionUndoDrop: on(lambda queue, i: queue.undo_drop(i.id)),
        QuestionMove: on(lambda queue, i: queue.move(i.id, i.to)),
        QuestionEdit: on(lambda queue, i: queue.edit(i.id, **i.changes)),
        QuestionShow: on(lambda queue, i: queue.show(i.id)),
        QuestionAnsweredNext: on(lambda queue, _: queue.answered_next()),
        QuestionTakeOff: on(lambda queue, _: queue.take_off()),
        QuestionForgetAll: on(forget),
        QuestionImport: on(lambda queue, i: queue.add_many(list(i.entries))),
    }
