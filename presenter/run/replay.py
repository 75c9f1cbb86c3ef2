"""Replaying a journal onto the engine: the run as it was, rebuilt input by input after a crash.

Part of the engine (it replays through the engine's own transitions). Every record is checked before
it is trusted. Ops keep their meaning: "jump", "back" and "skip" of the segment on air come from
journals written before only GO put things on air, and replay as they happened then (legacy_*).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from presenter.clock import Clock
from presenter.i18n import translate
from presenter.records import (
    MAX_MEDIA_S,
    MAX_PAGES,
    MAX_SECONDS,
    BadRecord,
    ReplayClock,
    flag_field,
    number_field,
    optional_number_field,
    record_boot,
    record_mono,
    record_wall,
    replay_warning,
    text_field,
)
from presenter.run.intents import MessageLife
from presenter.run.state import EndReason, Mode, Op, SegmentStatus

if TYPE_CHECKING:
    from presenter.run.engine import ShowEngine


def _durations(record: dict[str, Any]) -> dict[str, float]:
    durations = record.get("durations")
    if not isinstance(durations, dict):
        raise BadRecord(translate("Journal", "durations is not a table"))
    checked = {}
    for key in durations:
        if not isinstance(key, str):
            raise BadRecord(translate("Journal", "durations has a name that is not text"))
        checked[key] = number_field(durations, key, 0.0, MAX_MEDIA_S)
    return checked


def replay_journal(engine: ShowEngine, records: Iterable[object]) -> list[str]:
    """Re-apply journaled inputs on the journal's own timeline, then continue on the real clock.

    The downtime counts as elapsed, as if on air: a segment's timer runs on from its real start.
    Time between records comes from their monotonic readings where they have them (see
    ReplayClock), so a wall-clock step is never show time. Returns a one-line warning for every
    record that is damaged or no longer fits the show file; never raises for a record.
    """
    real_clock, journal = engine.clock, engine.journal
    replay_clock = ReplayClock()
    engine.clock, engine.journal = replay_clock, None
    warnings: list[str] = []
    records = list(records)
    try:
        _replay_edit_base(engine, records, warnings)
        for record in records:
            try:
                if not isinstance(record, dict):
                    raise BadRecord(translate("Journal", "it is not an object"))
                wall = record_wall(record)
                apply = _checked(engine, record)  # the whole record is checked before its time counts
                replay_clock.at(wall, record_mono(record), record_boot(record))
                apply()
                engine.replayed_until = wall
            except Exception as exc:  # a damaged record must never stop the show from starting
                warnings.append(replay_warning(record, exc))
    finally:
        engine.clock, engine.journal = real_clock, journal
        _rebase(engine, replay_clock, real_clock)
    return warnings


_SEGMENT_OPS = frozenset(("jump", "skip", "unskip", "clip_progress", "clip_ended", "clip_failed"))


def _checked(engine: ShowEngine, record: dict[str, Any]) -> Callable[[], object]:
    """The input `record` stands for, its fields checked (raises BadRecord/KeyError when damaged).

    Ops keep their meaning: "jump", "back" and "skip" of the segment on air come from journals
    written before only GO put things on air, and replay as they happened then (legacy_*).
    """
    op = record.get("op")
    if not isinstance(op, str):
        raise BadRecord(translate("Journal", "it has no entry type (op)"))
    if op in _SEGMENT_OPS:
        return _segment_input(engine, op, record)
    simple: dict[str, Callable[[], object]] = {
        Op.GO: lambda: _replay_go(
            engine
        ),  # it was accepted when it happened: the double-press guard is not asked again
        Op.BACK: lambda: legacy_back(engine),
        Op.UNDO_GO: engine._undo_go,
        Op.REHEARSE: lambda: _replay_rehearse(engine),
        Op.CLEAR_MESSAGE: engine.clear_message,
        Op.PANIC: engine.panic,
        Op.CLIP_RESUME: engine.resume_clip,
        Op.CLIP_RESTART: engine.restart_clip,
        Op.ALIVE: lambda: None,
        Op.LOWER_THIRD_OFF: lambda: _replay_lower_third_off(engine),
    }
    if op in simple:
        return simple[op]
    return _valued_input(engine, op, record)


def _segment_input(engine: ShowEngine, op: str, record: dict[str, Any]) -> Callable[[], object]:
    """An input about one segment (one of _SEGMENT_OPS), which must still be in the show file."""
    segment = text_field(record, "segment", 1000)
    index = engine.show.index_of(segment)
    match op:
        case "jump":
            return lambda: legacy_jump(engine, index)
        case "skip":
            return lambda: legacy_skip(engine, index)
        case "unskip":
            return lambda: engine.unskip(index)
        case "clip_progress":
            position = number_field(record, "position_s", 0.0, MAX_MEDIA_S)
            duration = optional_number_field(record, "duration_s", 0.0, MAX_MEDIA_S)
            playing = flag_field(record, "playing")
            return lambda: engine.clip_progress(segment, position, duration, playing)
        case "clip_ended":
            return lambda: engine.clip_ended(segment)
        case _:  # "clip_failed"
            problem = text_field(record, "problem", 2000)
            return lambda: engine.clip_failed(segment, problem)


def _valued_input(engine: ShowEngine, op: str, record: dict[str, Any]) -> Callable[[], object]:
    """Any other input, its values checked; an op this Presenter does not know is a BadRecord."""
    match op:
        case "cue":
            cued = None if record.get("segment") is None else engine.show.index_of(text_field(record, "segment"))
            return lambda: engine.cue_next(cued)
        case "add_time":
            seconds = number_field(record, "seconds", -MAX_SECONDS, MAX_SECONDS)
            return lambda: engine.add_time(seconds)
        case "send_message":
            text, blink = text_field(record, "text"), flag_field(record, "blink")
            urgent = "urgent" in record and flag_field(record, "urgent")  # older journals: never urgent
            life = _message_life(record)
            return lambda: engine.send_message(text, blink, urgent, life)
        case "clip_pause":
            at = optional_number_field(record, "position_s", 0.0, MAX_MEDIA_S)
            return lambda: engine.pause_clip(at)
        case "turn_page":
            page = int(number_field(record, "page", 0, MAX_PAGES))
            return lambda: engine.turn_page(page)
        case "set_language":
            language = text_field(record, "language", 20)
            return lambda: engine.set_language(language)
        case "close_run":
            reason = text_field(record, "reason", 200)
            return lambda: engine.close_run(reason)
        case "media_durations":
            checked = _durations(record)
            return lambda: engine.set_media_durations(checked)
        case "lower_third":
            person = text_field(record, "person", 200)
            shown_s = optional_number_field(record, "seconds", 0.0, MAX_SECONDS)
            return lambda: engine.show_lower_third(person, shown_s)
        case "preshow":
            on = flag_field(record, "on")
            return lambda: engine.set_preshow(on)
        case "stream_problem":
            code, problem = text_field(record, "code", 40), text_field(record, "text", 2000)
            gone = flag_field(record, "gone")
            return lambda: engine.stream_problem(code, problem, gone)
        case "refused":  # a remote command refused (wrong PIN…): in the record, not in the show state
            return lambda: None
        case "edit":
            from presenter.show.editing import show_from_record

            edited = show_from_record(record, engine.show.path)
            return lambda: engine.edit_show(edited)
        case _ if op.startswith("question"):  # not show state: the controller's question queue replays them
            return lambda: engine.question_records.append(record)
        case _:
            raise BadRecord(translate("Journal", "unknown entry {op!r}").format(op=op[:40]))


def _replay_edit_base(engine: ShowEngine, records: list[object], warnings: list[str]) -> None:
    """Records before a run's first edit were made on the running order of then (its "base"), not the file's."""
    from presenter.show.editing import show_from_record

    first = next((r for r in records if isinstance(r, dict) and r.get("op") == "edit"), None)
    if isinstance(first, dict) and ("base" in first or "base_z" in first):
        try:
            engine.replace_show(show_from_record(first, engine.show.path, "base"))
        except Exception as exc:
            warnings.append(replay_warning(first, exc))


def _replay_go(engine: ShowEngine) -> None:
    if engine.mode is not Mode.ENDED or engine.cue is not None:
        engine._last_go = engine.clock.monotonic()
        engine._go()


def _message_life(record: dict[str, Any]) -> MessageLife:
    """A message's lifetime as journaled; journals from before the choice have none: until cleared."""
    if "life" not in record:
        return MessageLife.UNTIL_CLEARED
    try:
        return MessageLife(text_field(record, "life", 40))
    except ValueError:
        raise BadRecord(translate("Journal", "a message has an unknown lifetime")) from None


def _replay_lower_third_off(engine: ShowEngine) -> None:
    if engine.lower_third_on():  # a lower third that had run out by the time it was taken off is off anyway
        engine.take_off_lower_third()


def _replay_rehearse(engine: ShowEngine) -> None:
    engine.rehearse_from_now()
    engine._rehearse_journaled = True  # it is in the journal being replayed


def legacy_jump(engine: ShowEngine, index: int) -> None:
    """An old journal's "jump": segment `index` went on air at once, whatever was on air."""
    if index == engine.current and engine.mode is Mode.ON_AIR:
        return
    if engine.current is not None and engine.mode is Mode.ON_AIR:
        engine._finish(engine.current, SegmentStatus.DONE, EndReason.JUMP)
    if engine.mode is Mode.STANDBY:
        engine._start_show()
    engine.show_ended = None
    engine.cue = None
    engine.runs[index].status = SegmentStatus.PENDING
    engine._put_on_air(index, reentry=True, by="jump")
    engine._record("jump", engine.show.segments[index].id)


def legacy_back(engine: ShowEngine) -> None:
    """An old journal's "back": the segment on air went back to pending, the one before on air again."""
    if engine.mode is Mode.STANDBY:
        return
    engine.cue = None
    if engine.mode is Mode.ENDED:
        last = engine._previous_index(len(engine.show.segments))
        if last is None:
            return
        engine.show_ended = None
        engine._put_on_air(last, reentry=True, by="back")
        engine._record("back", engine.show.segments[last].id)
        return
    assert engine.current is not None
    leaving = engine.current
    engine._end_airing(engine._on_air_airing(), EndReason.UNDONE)
    engine._reset(leaving)
    previous = engine._previous_index(leaving)
    if previous is None:
        engine.current = None
        engine.mode = Mode.STANDBY
        engine.show_started = None
        engine._record("back", None)
        return
    engine._put_on_air(previous, reentry=True, by="back")
    engine._record("back", engine.show.segments[previous].id)


def legacy_skip(engine: ShowEngine, index: int) -> None:
    """A "skip" record: of the segment on air (old journals), it ended as skipped and GO followed."""
    if index == engine.current and engine.mode is Mode.ON_AIR:
        engine._finish(index, SegmentStatus.SKIPPED, EndReason.SKIP)
        engine._record("skip", engine.show.segments[index].id)
        engine._advance(EndReason.SKIP)
    else:
        engine.skip(index)


def _rebase(engine: ShowEngine, replay_clock: ReplayClock, clock: Clock) -> None:
    """Move the monotonic readings taken during replay onto `clock`'s scale, the downtime included."""
    delta = clock.monotonic() - (replay_clock.monotonic() + replay_clock.gap_until(clock))
    for run in engine.runs:
        if run.on_air_since is not None:
            run.on_air_since += delta
        if run.clip_position_at is not None:
            run.clip_position_at += delta
    for airing in engine.airings:
        airing.start_mono += delta
        if airing.end_mono is not None:
            airing.end_mono += delta
    if engine._last_go is not None:
        engine._last_go += delta
    before_go = engine._undo.lower_third if engine._undo is not None else None
    for shown in {id(shown): shown for shown in (engine.lower_third, before_go)}.values():
        if shown is not None:  # the one on the stream, and the one a Back would bring back
            shown.since_mono += delta
    if engine._undo is not None:
        engine._undo.at += delta
