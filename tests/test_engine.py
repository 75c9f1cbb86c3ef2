"""The timing engine: timing math, every transition, the as-run record, an accelerated show.

Pure Python: no Qt, no VLC. Time is driven by a FakeClock; every expectation is computed from the
test's own record of timestamps, never read back from the engine.
"""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from presenter.clock import FakeClock
from presenter.run.engine import (
    GO_GUARD_S,
    UNDO_GO_S,
    ClipState,
    EndReason,
    Mode,
    Phase,
    SegmentStatus,
    ShowEngine,
    ShowSnapshot,
    SkipRefused,
)
from presenter.run.replay import legacy_skip
from presenter.run.timing import phase_thresholds
from presenter.show import Segment, Show, load_show
from presenter.timefmt import format_countdown

ROOT = Path(__file__).resolve().parents[1]
SHOW_FILE = ROOT / "assets" / "smart-rlp.yaml"
DAY = date(2021, 1, 19)
START = datetime(2021, 1, 19, 17, 30)
HARD_OUT = datetime(2021, 1, 19, 19, 0)
IDS = ("welcome", "discussion", "minimogli", "autonomous-driving", "questions", "closing")
PLANNED = {
    "welcome": 300.0,
    "discussion": 2265.0,
    "minimogli": 75.0,
    "autonomous-driving": 60.0,
    "questions": 2400.0,
    "closing": 300.0,
}
EPS = 1e-6
GO_GAP = 0.5  # the scripted "go" waits this long first, so it is never taken for a double press
assert GO_GAP > GO_GUARD_S


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def bundled() -> Show:
    return load_show(SHOW_FILE)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def engine(bundled: Show, clock: FakeClock) -> ShowEngine:
    return ShowEngine(bundled, clock)


def at(hms: str) -> datetime:
    return datetime.combine(DAY, time.fromisoformat(hms))


def live(segment_id: str, seconds: float | None, **kw) -> Segment:
    return Segment(id=segment_id, title=segment_id.title(), kind="live", duration_s=seconds, **kw)


def clip(segment_id: str, seconds: float | None, end_action: str = "next", **kw) -> Segment:
    return Segment(
        id=segment_id,
        title=f"Clip {segment_id}",
        kind="clip",
        duration_s=seconds,
        clip=Path(f"/clips/{segment_id}.mp4"),
        end_action=end_action,
        **kw,
    )


def make_show(*segments: Segment, warning: float = 120.0, danger: float = 30.0) -> Show:
    return Show(
        title="Test",
        date=DAY,
        start=time(17, 30),
        end=time(19, 0),
        segments=tuple(segments),
        warning_s=warning,
        danger_s=danger,
    )


def idx(engine: ShowEngine, segment_id: str) -> int:
    return engine.show.index_of(segment_id)


def play(engine: ShowEngine, clock: FakeClock, script: str) -> ShowSnapshot:
    """Drive the engine with a tiny script: `go adv:100 add:60 skip:questions jump:closing back
    end:minimogli unskip:questions air:closing`; returns the snapshot afterwards.

    `jump` only cues (what the next GO airs); `air:X` is jump + GO at the same instant."""
    for word in script.split():
        verb, _, arg = word.partition(":")
        if verb == "go":
            clock.advance(GO_GAP)  # never a double press
            assert engine.go()
        elif verb == "adv":
            clock.advance(float(arg))
        elif verb == "add":
            engine.add_time(float(arg))
        elif verb == "skip":
            engine.skip(idx(engine, arg) if arg else None)
        elif verb == "unskip":
            engine.unskip(idx(engine, arg))
        elif verb == "jump":
            engine.jump(idx(engine, arg))
        elif verb == "air":
            engine.jump(idx(engine, arg))
            assert engine.go()
        elif verb == "back":
            engine.back()
        elif verb == "end":
            engine.clip_ended(arg)
        else:  # pragma: no cover - a typo in a table
            raise ValueError(word)
    return engine.snapshot()


def air(engine: ShowEngine, index: int) -> None:
    """Cue segment `index` and GO (the first GO of a run: never taken for a double press)."""
    engine.jump(index)
    assert engine.go()


def go_now(engine: ShowEngine) -> None:
    """GO at the clock's current instant (the first GO is never guarded)."""
    assert engine.go()


def statuses(snapshot: ShowSnapshot) -> list[str]:
    return [view.status.value for view in snapshot.segments]


def countdown_value(text: str) -> int:
    """Displayed countdown as signed whole seconds: "5:00" → 300, "0:00" → 0, "+0:07" → -7."""
    sign = -1 if text.startswith("+") else 1
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return sign * total


# Modules that drive Qt or libVLC on purpose; every other module under presenter/ (outside the windows,
# presenter/ui) is the Qt-free core and must stay importable without either.
QT_OR_VLC = (
    "presenter.controller",
    "presenter.watch",
    "presenter.playout",
    "presenter.i18n.qt",
    "presenter.tasks",
    "presenter.next_turn",
    "presenter.remote.bridge",
    "presenter.remote.osc",
    "presenter.remote.service",
)
ENTRY_POINTS = ("presenter.__main__",)  # importing it runs the app


def qt_free_modules() -> list[str]:
    names = []
    for path in sorted((ROOT / "presenter").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if parts[1] == "ui" or name in ENTRY_POINTS or any(name == m or name.startswith(m + ".") for m in QT_OR_VLC):
            continue
        names.append(name)
    return names


def test_every_qt_free_module_imports_neither_qt_nor_vlc():
    modules = qt_free_modules()
    assert {"presenter.run.engine", "presenter.show", "presenter.run.as_run", "presenter.cli"} <= set(modules)
    code = (
        "import importlib, sys\n"
        "bad = {}\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    found = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc'))\n"
        "    if found:\n"
        "        bad[name] = found[:3]\n"
        "        break\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


# --------------------------------------------------------------------------------------------- timing math


@pytest.mark.parametrize(
    ("segment_id", "planned_start"),
    [
        ("welcome", "17:30:00"),
        ("discussion", "17:35:00"),
        ("minimogli", "18:12:45"),
        ("autonomous-driving", "18:14:00"),
        ("questions", "18:15:00"),
        ("closing", "18:55:00"),
    ],
    ids=lambda value: value,
)
def test_planned_start_of_every_bundled_segment(engine, segment_id, planned_start):
    snap = engine.snapshot()
    view = snap.segments[idx(engine, segment_id)]
    assert view.segment.id == segment_id
    assert view.planned_start == at(planned_start)
    assert view.planned_duration_s == PLANNED[segment_id]


def test_bundled_plan_ends_at_the_hard_out(engine):
    snap = engine.snapshot()
    assert sum(PLANNED.values()) == 90 * 60
    assert snap.planned_end == snap.hard_out == HARD_OUT
    assert snap.projected_end == HARD_OUT
    assert snap.over_under_s == 0
    assert snap.hard_out_margin_s == 0


@pytest.mark.parametrize(
    ("elapsed", "remaining"),
    [
        (0.0, 300.0),
        (0.25, 299.75),
        (150.0, 150.0),
        (299.0, 1.0),
        (299.999, 0.001),
        (300.0, 0.0),
        (300.25, -0.25),
        (345.0, -45.0),
        (3900.0, -3600.0),
    ],
    ids=lambda value: f"{value:g}",
)
def test_remaining_is_planned_minus_elapsed_and_negative_in_overtime(engine, clock, elapsed, remaining):
    go_now(engine)
    clock.advance(elapsed)
    first, second = engine.snapshot(), engine.snapshot()
    assert first.current is not None and first.current.segment.id == "welcome"
    assert first.elapsed_s == pytest.approx(elapsed, abs=EPS)
    assert first.remaining_s == pytest.approx(remaining, abs=EPS)
    assert second.remaining_s == first.remaining_s  # computed from timestamps, not counted per call
    assert first.current.actual_duration_s == pytest.approx(elapsed, abs=EPS)


def test_remaining_uses_the_monotonic_clock_not_the_wall_clock(engine, clock):
    go_now(engine)
    clock.advance(100)
    clock._mono += 20  # the monotonic clock moved; the time of day did not
    assert engine.snapshot().remaining_s == pytest.approx(180, abs=EPS)


# per-segment thresholds: warning only → danger from the show; both → both; none → the show's (90 / 20)
THRESHOLD_SHOW = make_show(
    live("defaults", 600),
    live("own-warning", 600, warning_s=300),
    live("own-both", 600, warning_s=240, danger_s=90),
    live("zero-danger", 600, danger_s=0),
    warning=90,
    danger=20,
)


@pytest.mark.parametrize(
    ("segment_id", "remaining", "phase"),
    [
        ("defaults", 600, Phase.NORMAL),
        ("defaults", 90.25, Phase.NORMAL),
        ("defaults", 90, Phase.WARNING),
        ("defaults", 20.25, Phase.WARNING),
        ("defaults", 20, Phase.DANGER),
        ("defaults", 0.25, Phase.DANGER),
        ("defaults", 0, Phase.DANGER),
        ("defaults", -0.001, Phase.OVERTIME),
        ("defaults", -600, Phase.OVERTIME),
        ("own-warning", 300.25, Phase.NORMAL),
        ("own-warning", 300, Phase.WARNING),
        ("own-warning", 20.25, Phase.WARNING),
        ("own-warning", 20, Phase.DANGER),
        ("own-both", 240.25, Phase.NORMAL),
        ("own-both", 240, Phase.WARNING),
        ("own-both", 90.25, Phase.WARNING),
        ("own-both", 90, Phase.DANGER),
        ("own-both", 0, Phase.DANGER),
        ("own-both", -0.25, Phase.OVERTIME),
        ("zero-danger", 0.25, Phase.WARNING),
        ("zero-danger", 0, Phase.DANGER),
        ("zero-danger", -0.25, Phase.OVERTIME),
    ],
    ids=lambda value: value.value if isinstance(value, Phase) else str(value),
)
def test_phase_with_per_segment_thresholds_over_show_defaults(clock, segment_id, remaining, phase):
    engine = ShowEngine(THRESHOLD_SHOW, clock)
    assert engine.snapshot().phase is Phase.STANDBY
    air(engine, idx(engine, segment_id))
    clock.advance(600 - remaining)
    snap = engine.snapshot()
    assert snap.remaining_s == pytest.approx(remaining, abs=EPS)
    assert snap.phase is phase


@pytest.mark.parametrize(
    ("segment_id", "remaining", "phase"),
    [
        ("welcome", 120, Phase.WARNING),  # show default 2:00 / 0:30
        ("welcome", 30, Phase.DANGER),
        ("welcome", 120.25, Phase.NORMAL),
        ("discussion", 300, Phase.WARNING),  # own 5:00 / 1:00
        ("discussion", 300.25, Phase.NORMAL),
        ("discussion", 60, Phase.DANGER),
        ("discussion", 60.25, Phase.WARNING),
        ("questions", 60, Phase.DANGER),
        ("closing", 30.25, Phase.WARNING),
        ("closing", -0.25, Phase.OVERTIME),
    ],
    ids=lambda value: value.value if isinstance(value, Phase) else str(value),
)
def test_phase_thresholds_of_the_bundled_show(engine, clock, segment_id, remaining, phase):
    air(engine, idx(engine, segment_id))
    clock.advance(PLANNED[segment_id] - remaining)
    assert engine.snapshot().phase is phase


@pytest.mark.parametrize(
    ("clock_at", "script", "over_under", "projected_end"),
    [
        pytest.param("17:20:00", "", 0, "19:00:00", id="standby-before-start"),
        pytest.param("17:32:00", "", 120, "19:02:00", id="standby-after-start-is-late"),
        pytest.param("17:32:00", "go", 120.5, "19:02:00.5", id="late-go"),
        pytest.param("17:29:59.5", "go adv:100", 0, "19:00:00", id="on-time"),
        pytest.param("17:29:59.5", "go adv:300", 0, "19:00:00", id="exactly-at-zero"),
        pytest.param("17:29:59.5", "go adv:345", 45, "19:00:45", id="overrun-45s-live"),
        pytest.param("17:29:59.5", "go adv:345 go adv:10", 45.5, "19:00:45.5", id="overrun-carried"),
        pytest.param("17:29:59.5", "go adv:239.5 go", -60, "18:59:00", id="early-go-1min"),
        pytest.param("17:29:59.5", "go add:60", 60, "19:01:00", id="add-60"),
        pytest.param("17:29:59.5", "go add:-60", -60, "18:59:00", id="subtract-60"),
        pytest.param("17:29:59.5", "go adv:290 add:-60", -10, "18:59:50", id="cut-into-overtime-ends-now"),
        pytest.param("17:29:59.5", "go skip:discussion", -2265, "18:22:15", id="skip-pending-is-early"),
        pytest.param("17:29:59.5", "skip:minimogli skip:autonomous-driving", -135, "18:57:45", id="skip-in-standby"),
        pytest.param("17:29:59.5", "go adv:100 skip:welcome", 0, "19:00:00", id="skip-on-air-is-refused"),
        pytest.param("17:29:59.5", "go adv:100 air:questions", -2600, "18:16:40", id="jump-forward-early"),
        pytest.param("17:29:59.5", "go adv:100 jump:questions", -2400, "18:20:00", id="cued-forward-counts-now"),
        pytest.param("17:29:59.5", "go adv:100 air:closing adv:300 go", -4999.5, "17:36:40.5", id="ended-early"),
    ],
)
def test_over_under_and_projected_end(engine, clock, clock_at, script, over_under, projected_end):
    clock.set_now(at(clock_at))
    snap = play(engine, clock, script)
    assert snap.over_under_s == pytest.approx(over_under, abs=EPS)
    assert snap.projected_end == at(projected_end)
    assert snap.hard_out == HARD_OUT
    assert snap.hard_out_margin_s == pytest.approx(-over_under, abs=EPS)
    assert snap.planned_end == HARD_OUT


@pytest.mark.parametrize(
    ("clock_at", "until_start"),
    [("16:30:00", 3600), ("17:20:00", 600), ("17:29:59.5", 0.5), ("17:30:00", 0), ("17:31:00", -60)],
    ids=lambda value: str(value),
)
def test_time_until_the_planned_start(bundled, clock_at, until_start):
    engine = ShowEngine(bundled, FakeClock(at(clock_at)))
    snap = engine.snapshot()
    assert snap.mode is Mode.STANDBY and snap.phase is Phase.STANDBY
    assert snap.until_start_s == pytest.approx(until_start, abs=EPS)
    assert snap.remaining_s is None and snap.current is None


@pytest.mark.parametrize(
    ("adds", "remaining", "planned"),
    [
        ((60,), 260, 360),
        ((-60,), 140, 240),
        ((60, 60), 320, 420),
        ((60, -60), 200, 300),
        ((-60, -60, -60, -60, -60, -60), -100, 0),  # planned never goes below 0:00
    ],
    ids=["+1", "-1", "+1+1", "+1-1", "-6-into-overtime"],
)
def test_add_time(engine, clock, adds, remaining, planned):
    go_now(engine)
    clock.advance(100)
    for seconds in adds:
        engine.add_time(seconds)
    snap = engine.snapshot()
    assert snap.remaining_s == pytest.approx(remaining, abs=EPS)
    assert snap.current.planned_duration_s == planned
    assert snap.segments[1].planned_start == at("17:35:00")  # the plan itself does not move
    added = [event for event in engine.events if event.kind == "add_time"]
    effective = adds if planned > 0 else adds[:5]  # the sixth −1 min finds 0:00 planned and changes nothing
    assert [(event.segment_id, event.data["seconds"]) for event in added] == [("welcome", s) for s in effective]
    assert engine.runs[0].added_s == planned - 300
    go_now_later = play(engine, clock, "go")
    assert go_now_later.segments[0].planned_duration_s == planned  # added time stays in the record


# --------------------------------------------------------------------------------------------- transitions


def test_go_from_standby_puts_the_first_segment_on_air(engine, clock):
    clock.set_now(at("17:30:02"))
    assert engine.snapshot().next.segment.id == "welcome"
    assert engine.go()
    snap = engine.snapshot()
    assert snap.mode is Mode.ON_AIR
    assert snap.show_started == at("17:30:02")
    assert snap.current.segment.id == "welcome"
    assert snap.current.actual_start == at("17:30:02")
    assert snap.current.status is SegmentStatus.ON_AIR
    assert snap.next.segment.id == "discussion" and snap.next.is_next
    assert statuses(snap) == ["on air", "pending", "pending", "pending", "pending", "pending"]
    assert [(e.kind, e.segment_id) for e in engine.events] == [("show_started", None), ("on_air", "welcome")]
    assert engine.events[1].data == {"reason": "go"}


def test_go_through_every_segment_to_ended(engine, clock):
    go_now(engine)
    for expected in IDS[1:]:
        snap = play(engine, clock, "adv:10 go")
        assert snap.current.segment.id == expected
    snap = play(engine, clock, "adv:10 go")
    assert snap.mode is Mode.ENDED
    assert snap.current is None and snap.next is None and snap.remaining_s is None
    assert snap.show_ended == clock.now()
    assert statuses(snap) == ["done"] * 6
    assert [view.end_reason for view in engine.runs] == ["go"] * 6
    assert engine.events[-1].kind == "show_ended"
    # GO in ENDED is ignored
    count = len(engine.events)
    clock.advance(5)
    assert engine.go() is False
    assert engine.mode is Mode.ENDED and len(engine.events) == count
    assert engine.snapshot().show_ended == snap.show_ended


@pytest.mark.parametrize(
    ("delay", "accepted"),
    [(0.0, False), (0.1, False), (GO_GUARD_S - 0.001, False), (GO_GUARD_S + 0.001, True), (1.0, True)],
    ids=["same-instant", "100ms", "just-inside-guard", "just-after-guard", "1s"],
)
def test_double_go_guard(engine, clock, delay, accepted):
    go_now(engine)
    clock.advance(delay)
    assert engine.go() is accepted
    assert engine.current == (1 if accepted else 0)
    assert [e.kind for e in engine.events].count("on_air") == (2 if accepted else 1)


def test_go_guard_counts_from_the_last_accepted_go(engine, clock):
    go_now(engine)
    clock.advance(0.2)
    assert engine.go() is False  # ignored presses do not extend the guard
    clock.advance(0.15)
    assert engine.go() is True
    assert engine.current == 1


def test_back_just_after_the_first_go_returns_to_standby(engine, clock):
    snap = play(engine, clock, "go adv:5 add:60 back")
    assert snap.mode is Mode.STANDBY and snap.phase is Phase.STANDBY
    assert snap.show_started is None and snap.current is None
    assert snap.next.segment.id == "welcome"
    assert statuses(snap) == ["pending"] * 6
    assert snap.segments[0].actual_start is None and engine.runs[0].added_s == 0
    assert (engine.events[-1].kind, engine.events[-1].segment_id) == ("undo_go", None)
    assert engine.events[-1].data == {"undone": "welcome"}
    # GO again starts afresh
    snap = play(engine, clock, "go")
    assert snap.current.segment.id == "welcome" and snap.remaining_s == 300
    assert snap.show_started == clock.now()


def test_back_just_after_a_go_undoes_it_and_the_timer_never_stopped(engine, clock):
    play(engine, clock, "go adv:100")
    welcome_start = clock.now() - timedelta(seconds=100)
    snap = play(engine, clock, "go adv:5 add:60")
    assert snap.undo_go_s == pytest.approx(UNDO_GO_S - 5, abs=EPS)
    snap = play(engine, clock, "back")
    assert snap.current.segment.id == "welcome"
    assert snap.current.actual_start == welcome_start  # not a new start
    assert snap.elapsed_s == pytest.approx(105.5, abs=EPS)  # as if it had never left: 100 + 0.5 + 5
    assert snap.remaining_s == pytest.approx(194.5, abs=EPS)
    clock.advance(10)
    assert engine.snapshot().remaining_s == pytest.approx(184.5, abs=EPS)
    assert statuses(snap) == ["on air"] + ["pending"] * 5
    assert snap.segments[1].actual_start is None and engine.runs[1].added_s == 0  # undone
    assert engine.runs[0].end_reason is None and snap.undo_go_s is None  # one GO, one undo
    assert (engine.events[-1].kind, engine.events[-1].segment_id) == ("undo_go", "welcome")
    assert snap.next.segment.id == "discussion"


def test_back_after_the_undo_time_only_cues_the_segment_before(engine, clock):
    play(engine, clock, "go adv:100 go")
    clock.advance(UNDO_GO_S + 0.001)
    assert engine.snapshot().undo_go_s is None
    snap = play(engine, clock, "back")
    assert snap.current.segment.id == "discussion" and snap.mode is Mode.ON_AIR  # nothing new on air
    assert snap.next.segment.id == "welcome" and snap.next_cued and snap.segments[0].cued
    assert statuses(snap) == ["done", "on air"] + ["pending"] * 4
    assert (engine.events[-1].kind, engine.events[-1].segment_id) == ("cue", "welcome")
    assert play(engine, clock, "back").next is not None  # nothing before the welcome: the cue stays
    snap = play(engine, clock, "adv:20 go")  # GO airs it: its timer continues where it stopped
    assert snap.current.segment.id == "welcome" and snap.elapsed_s == pytest.approx(100.5, abs=EPS)
    assert snap.next.segment.id == "minimogli" and not snap.next_cued  # the discussion was finished by GO
    assert engine.runs[1].end_reason == "go"


def test_back_passes_over_a_skipped_segment(engine, clock):
    snap = play(engine, clock, "go adv:100 skip:discussion go adv:20 back")
    assert snap.current.segment.id == "minimogli"
    assert snap.next.segment.id == "welcome"
    assert snap.segments[1].status is SegmentStatus.SKIPPED


def test_back_steps_the_cue_back_and_never_onto_the_segment_on_air(engine, clock):
    snap = play(engine, clock, "go adv:20 jump:questions back")
    assert snap.next.segment.id == "autonomous-driving"
    snap = play(engine, clock, "back back back")
    assert snap.next.segment.id == "discussion"  # the welcome on air is not cued
    assert snap.current.segment.id == "welcome"


def test_back_onto_a_clip_segment_only_cues_it(engine, clock):
    """Finding 4: Back never plays a clip again from 0:00 (or puts it back on air black)."""
    snap = play(engine, clock, "go go go")  # minimogli (clip) on air
    engine.clip_progress("minimogli", 5.0, 75.0, True)
    snap = play(engine, clock, "adv:2 go adv:1")  # the next clip: it ends the first
    snap = play(engine, clock, "back")
    assert snap.undo_go_s is None
    assert snap.current.segment.id == "autonomous-driving"  # stays on air
    assert snap.next.segment.id == "minimogli" and snap.next_cued
    assert snap.segments[2].status is SegmentStatus.DONE
    assert snap.segments[2].clip_state is ClipState.PLAYING  # as it was when GO cut it; the controller does not take it


def test_back_just_after_the_go_that_ended_the_show(engine, clock):
    play(engine, clock, "go adv:1 air:closing adv:200")
    snap = play(engine, clock, "go adv:5 back")
    assert snap.mode is Mode.ON_AIR and snap.show_ended is None
    assert snap.current.segment.id == "closing"
    assert snap.elapsed_s == pytest.approx(205.5, abs=EPS)
    assert snap.remaining_s == pytest.approx(94.5, abs=EPS)
    assert (engine.events[-1].kind, engine.events[-1].segment_id) == ("undo_go", "closing")


def test_after_the_end_back_cues_the_last_segment_and_go_airs_it_again(engine, clock):
    play(engine, clock, "go adv:1 air:closing adv:200 go adv:30")
    snap = play(engine, clock, "back")
    assert snap.mode is Mode.ENDED and snap.next.segment.id == "closing"
    assert snap.projected_end == clock.now() + timedelta(seconds=300)  # GO would air it now
    snap = play(engine, clock, "go")
    assert snap.mode is Mode.ON_AIR and snap.show_ended is None
    assert snap.current.segment.id == "closing" and snap.elapsed_s == pytest.approx(200.5, abs=EPS)


def test_back_just_after_a_go_that_aired_a_segment_cued_after_the_end_ends_it_again(engine, clock):
    snap = play(engine, clock, "go go go go go go go adv:60 jump:questions go adv:2 back")
    assert snap.mode is Mode.ENDED and snap.current is None
    assert snap.show_ended == clock.now() - timedelta(seconds=62.5)  # the end as it was
    assert snap.next.segment.id == "questions" and snap.next_cued  # and the cue, too
    assert engine.airings[-1].end_reason is EndReason.UNDONE


def test_back_in_standby_is_ignored(engine):
    assert engine.back() is False
    assert engine.mode is Mode.STANDBY and engine.events == []


@pytest.mark.parametrize(
    ("script", "on_air", "expected_statuses", "next_id"),
    [
        pytest.param(
            "go adv:10 jump:questions",
            "welcome",
            ["on air", "pending", "pending", "pending", "pending", "pending"],
            "questions",
            id="forward",
        ),
        pytest.param(
            "go adv:1 air:questions adv:10 jump:discussion",
            "questions",
            ["done", "pending", "pending", "pending", "on air", "pending"],
            "discussion",
            id="backward",
        ),
        pytest.param(
            "skip:minimogli go jump:minimogli",
            "welcome",
            ["on air", "pending", "skipped", "pending", "pending", "pending"],
            "minimogli",
            id="to-a-skipped-segment",
        ),
        pytest.param(
            "jump:discussion",
            None,
            ["pending", "pending", "pending", "pending", "pending", "pending"],
            "discussion",
            id="from-standby",
        ),
        pytest.param(
            "go adv:1 air:closing go jump:questions",
            None,
            ["done", "pending", "pending", "pending", "pending", "done"],
            "questions",
            id="from-ended",
        ),
    ],
)
def test_jump_only_sets_what_goes_next(engine, clock, script, on_air, expected_statuses, next_id):
    before = play(engine, clock, script.rpartition(" ")[0])
    snap = play(engine, clock, script.rpartition(" ")[2])
    assert snap.mode is before.mode and snap.show_ended == before.show_ended
    assert (snap.current.segment.id if snap.current else None) == on_air
    assert statuses(snap) == expected_statuses
    assert snap.next.segment.id == next_id and snap.next_cued and snap.next.cued
    assert (engine.events[-1].kind, engine.events[-1].segment_id) == ("cue", next_id)
    snap = play(engine, clock, "go")
    assert snap.current.segment.id == next_id and snap.mode is Mode.ON_AIR and not snap.next_cued


def test_jump_ahead_and_back_marks_nothing_done(engine, clock):
    """Finding 3: jump to 6, double-click 5: nothing done, next is 5, GO airs 5 and then 6 follows."""
    snap = play(engine, clock, "go adv:60 go adv:60 jump:closing adv:2 jump:questions adv:2")
    assert statuses(snap) == ["done", "on air", "pending", "pending", "pending", "pending"]
    assert snap.next.segment.id == "questions"
    snap = play(engine, clock, "adv:30")
    assert snap.segments[5].status is SegmentStatus.PENDING
    snap = play(engine, clock, "go")
    assert snap.current.segment.id == "questions" and snap.next.segment.id == "closing"
    assert snap.projected_end == clock.now() + timedelta(seconds=2400 + 300)
    snap = play(engine, clock, "adv:10 go")
    assert snap.current.segment.id == "closing"


def test_jump_backward_continues_the_earlier_timer(engine, clock):
    snap = play(engine, clock, "go adv:100 air:questions adv:10 air:welcome adv:5")
    assert snap.current.actual_start == START + timedelta(seconds=0.5)
    assert snap.elapsed_s == pytest.approx(105, abs=EPS)
    assert engine.runs[0].end_reason is None
    assert engine.runs[4].end_reason == "go" and snap.segments[4].actual_duration_s == pytest.approx(10, abs=EPS)


def test_jump_to_the_segment_on_air_clears_the_cue_and_out_of_range(engine, clock):
    play(engine, clock, "go adv:10")
    count = len(engine.events)
    assert engine.jump(0) is False
    assert len(engine.events) == count and engine.snapshot().elapsed_s == pytest.approx(10, abs=EPS)
    engine.jump(3)
    assert engine.jump(0) is True and engine.snapshot().next.segment.id == "discussion"
    with pytest.raises(IndexError):
        engine.jump(6)
    with pytest.raises(IndexError):
        engine.jump(-1)


def test_skip_a_pending_segment_and_go_passes_over_it(engine, clock):
    snap = play(engine, clock, "go skip:discussion")
    assert snap.next.segment.id == "minimogli"
    assert snap.segments[1].status is SegmentStatus.SKIPPED
    snap = play(engine, clock, "adv:10 go")
    assert snap.current.segment.id == "minimogli"
    assert snap.segments[1].actual_start is None and snap.segments[1].actual_duration_s is None
    assert [(e.kind, e.segment_id) for e in engine.events] == [
        ("show_started", None),
        ("on_air", "welcome"),
        ("skip", "discussion"),
        ("on_air", "minimogli"),
    ]
    assert engine.runs[0].end_reason == "go"


@pytest.mark.parametrize(
    ("script", "index", "refused"),
    [
        ("go adv:100 go adv:40", 1, SkipRefused.ON_AIR),
        ("go adv:100 go adv:40", None, SkipRefused.NOTHING_SELECTED),
        ("", None, SkipRefused.NOTHING_SELECTED),
        ("go adv:100 go adv:40", 0, SkipRefused.ALREADY_AIRED),
    ],
    ids=["on-air", "nothing-selected", "nothing-selected-standby", "done"],
)
def test_skip_is_refused_for_the_segment_on_air_or_none(engine, clock, script, index, refused):
    """Finding 5: skip with nothing selected, or of the segment on air, changes nothing."""
    before = play(engine, clock, script)
    count = len(engine.events)
    assert engine.skip(index) is refused
    after = engine.snapshot()
    assert len(engine.events) == count
    assert after.segments == before.segments and after.current == before.current


def test_skip_of_the_cued_segment_clears_the_cue_and_skip_twice_is_quiet(engine, clock):
    snap = play(engine, clock, "go jump:questions skip:questions")
    assert snap.next.segment.id == "discussion" and not snap.next_cued
    assert engine.skip(4) is None and [e.kind for e in engine.events].count("skip") == 1


def test_unskip(engine, clock):
    snap = play(engine, clock, "go skip:minimogli unskip:minimogli")
    assert snap.segments[2].status is SegmentStatus.PENDING
    assert [e.kind for e in engine.events][-2:] == ["skip", "unskip"]
    snap = play(engine, clock, "go go")
    assert snap.current.segment.id == "minimogli"


def test_unskip_ignores_segments_that_were_not_skipped_or_already_aired(engine, clock):
    play(engine, clock, "go adv:10")
    legacy_skip(engine, 0)  # welcome skipped on air (an old journal): stays skipped
    count = len(engine.events)
    engine.unskip(0)
    engine.unskip(2)  # pending, not skipped
    assert len(engine.events) == count
    assert engine.runs[0].status is SegmentStatus.SKIPPED and engine.runs[2].status is SegmentStatus.PENDING


@pytest.mark.parametrize("script", ["", "go go go go go go go"], ids=["standby", "ended"])
def test_add_time_when_not_on_air_is_ignored(engine, clock, script):
    play(engine, clock, script)
    count = len(engine.events)
    engine.add_time(60)
    engine.add_time(-60)
    assert len(engine.events) == count
    assert all(run.added_s == 0 for run in engine.runs)


@pytest.mark.parametrize(
    ("actions", "text", "blink", "kinds"),
    [
        ([("send", "Noch 2 Minuten", False)], "Noch 2 Minuten", False, ["message"]),
        ([("send", "  Frage aus dem Chat  ", True)], "Frage aus dem Chat", True, ["message"]),
        ([("send", "a", False), ("send", "b", True)], "b", True, ["message", "message"]),
        ([("send", "a", False), ("send", "", False)], None, None, ["message", "message_cleared"]),
        ([("send", "a", False), ("send", "   ", True)], None, None, ["message", "message_cleared"]),
        ([("send", "a", False), ("clear",)], None, None, ["message", "message_cleared"]),
        ([("clear",)], None, None, []),
        ([("send", "", False)], None, None, []),
    ],
    ids=["send", "stripped-blink", "replace", "empty-clears", "blank-clears", "clear", "clear-none", "empty-none"],
)
def test_messages(engine, clock, actions, text, blink, kinds):
    clock.set_now(at("17:40:00"))
    for action in actions:
        if action[0] == "send":
            engine.send_message(action[1], action[2])
        else:
            engine.clear_message()
    message = engine.snapshot().message
    if text is None:
        assert message is None
    else:
        assert (message.text, message.blink, message.sent_at) == (text, blink, at("17:40:00"))
    assert [e.kind for e in engine.events] == kinds


def test_panic_on_a_clip_goes_black_and_the_segment_stays_on_air(engine, clock):
    play(engine, clock, "air:minimogli")
    engine.clip_progress("minimogli", 0.0, 75.0, True)
    clock.advance(10)
    engine.panic()
    snap = engine.snapshot()
    assert snap.current.segment.id == "minimogli" and snap.mode is Mode.ON_AIR
    assert snap.clip.state is ClipState.BLACK and snap.segments[2].clip_state is ClipState.BLACK
    # frozen where it was stopped (10 s in), not at the player's last report (0 s)
    assert snap.clip.position_s == pytest.approx(10, abs=EPS)
    # Issue 20 #6, one truth after a plain Esc: the clip is over, nothing of it counts down (0:00, frozen)
    assert (snap.remaining_s, snap.timer_s, snap.timer_running) == (0.0, 0.0, False)
    assert snap.clip.back_on_air_in_s == 0.0 and snap.phase is Phase.DANGER
    clock.advance(10)
    assert engine.snapshot().remaining_s == 0.0 and engine.snapshot().clip.position_s == pytest.approx(10, abs=EPS)
    assert (engine.events[-1].kind, engine.events[-1].segment_id) == ("panic", "minimogli")
    assert play(engine, clock, "go").current.segment.id == "autonomous-driving"


@pytest.mark.parametrize("script", ["", "go", "go go go go go go go"], ids=["standby", "live", "ended"])
def test_panic_without_a_clip_on_air_is_only_recorded(engine, clock, script):
    play(engine, clock, script)
    before = [(run.status, run.clip_state) for run in engine.runs]
    engine.panic()
    assert [(run.status, run.clip_state) for run in engine.runs] == before
    assert engine.events[-1].kind == "panic"
    assert engine.events[-1].segment_id == ("welcome" if script == "go" else None)


# --------------------------------------------------------------------------------------------- clip reports


def test_clip_progress_follows_the_media_and_extrapolates_while_playing(engine, clock):
    play(engine, clock, "air:minimogli")  # planned 1:15, the media is 1:00
    snap = engine.snapshot()
    assert snap.clip.state is ClipState.WAITING and snap.remaining_s == 75
    clock.advance(2)
    engine.clip_progress("minimogli", 0.5, 60.0, True)
    snap = engine.snapshot()
    assert snap.clip.state is ClipState.PLAYING
    assert snap.remaining_s == pytest.approx(59.5, abs=EPS)
    clock.advance(10)  # no report: extrapolated by the monotonic clock
    assert engine.snapshot().remaining_s == pytest.approx(49.5, abs=EPS)
    assert engine.snapshot().clip.position_s == pytest.approx(10.5, abs=EPS)
    engine.clip_progress("minimogli", 10.0, 60.0, False)  # the player was slightly behind; now paused
    clock.advance(30)
    snap = engine.snapshot()
    assert snap.clip.state is ClipState.PAUSED
    assert snap.remaining_s == pytest.approx(50, abs=EPS)  # frozen while paused
    assert snap.elapsed_s == pytest.approx(42, abs=EPS)  # the segment's own time goes on
    engine.clip_progress("minimogli", 10.0, None, True)  # duration unknown in this report: kept
    clock.advance(5)
    assert engine.snapshot().remaining_s == pytest.approx(45, abs=EPS)
    clock.advance(100)  # extrapolation stops at the end of the media
    snap = engine.snapshot()
    assert snap.remaining_s == pytest.approx(0, abs=EPS) and snap.clip.position_s == 60
    engine.add_time(60)
    assert engine.snapshot().remaining_s == pytest.approx(60, abs=EPS)
    kinds = [(e.kind, e.data.get("position_s")) for e in engine.events if e.kind.startswith("clip_")]
    assert kinds == [("clip_playing", 0.5), ("clip_paused", 10.0), ("clip_playing", 10.0)]


def test_clip_ended_with_next_puts_the_next_segment_on_air(engine, clock):
    play(engine, clock, "go adv:10 air:minimogli")
    engine.clip_progress("minimogli", 0.0, 75.0, True)
    clock.advance(75)
    engine.clip_ended("minimogli")
    snap = engine.snapshot()
    assert snap.current.segment.id == "autonomous-driving"
    assert snap.clip.state is ClipState.WAITING
    assert snap.segments[2].status is SegmentStatus.DONE
    assert snap.segments[2].clip_state is ClipState.BLACK
    assert snap.segments[2].actual_duration_s == pytest.approx(75, abs=EPS)
    assert engine.runs[2].end_reason == "clip ended"
    assert [(e.kind, e.segment_id, e.data) for e in engine.events][-2:] == [
        ("clip_ended", "minimogli", {"end_action": "next"}),
        ("on_air", "autonomous-driving", {"reason": "clip ended"}),
    ]
    # a late duplicate report changes nothing
    count = len(engine.events)
    engine.clip_ended("minimogli")
    assert len(engine.events) == count and engine.current == 3


def test_the_last_clip_ending_with_next_ends_the_show(clock):
    engine = ShowEngine(make_show(live("intro", 60), clip("outro", 30)), clock)
    play(engine, clock, "go go")
    engine.clip_ended("outro")
    assert engine.mode is Mode.ENDED


@pytest.mark.parametrize(
    ("end_action", "state"), [("hold", ClipState.HELD), ("black", ClipState.BLACK)], ids=["hold", "black"]
)
def test_clip_ended_with_hold_or_black_stays_on_air(clock, end_action, state):
    engine = ShowEngine(make_show(live("intro", 60), clip("film", 30, end_action), live("talk", 600)), clock)
    play(engine, clock, "go go")
    engine.clip_progress("film", 0.0, 30.0, True)
    clock.advance(30)
    engine.clip_ended("film")
    clock.advance(20)
    snap = engine.snapshot()
    assert snap.current.segment.id == "film" and snap.mode is Mode.ON_AIR
    assert snap.clip.state is state and snap.clip.back_on_air_in_s == 0
    assert snap.clip.position_s == 30
    assert snap.remaining_s == 0
    assert engine.events[-1].kind == "clip_ended" and engine.events[-1].data == {"end_action": end_action}
    engine.clip_ended("film")  # ignored once ended
    engine.clip_progress("film", 30.0, 30.0, False)  # a late report does not revive the clip
    assert engine.snapshot().clip.state is state
    assert sum(e.kind == "clip_ended" for e in engine.events) == 1
    assert play(engine, clock, "go").current.segment.id == "talk"


@pytest.mark.parametrize(
    "report",
    [
        lambda engine: engine.clip_progress("autonomous-driving", 5.0, 60.0, True),
        lambda engine: engine.clip_ended("autonomous-driving"),
        lambda engine: engine.clip_failed("autonomous-driving", "cannot open"),
        lambda engine: engine.clip_progress("no-such-clip", 5.0, 60.0, True),
    ],
    ids=["progress", "ended", "failed", "unknown-id"],
)
@pytest.mark.parametrize("script", ["", "go", "air:minimogli", "go go go go go go go"], ids=lambda s: s or "standby")
def test_reports_for_a_segment_not_on_air_are_ignored(engine, clock, report, script):
    play(engine, clock, script)
    before = engine.snapshot()
    count = len(engine.events)
    report(engine)
    after = engine.snapshot()
    assert len(engine.events) == count
    assert after.segments == before.segments
    assert after.remaining_s == before.remaining_s
    assert after.clip == before.clip


def test_clip_failed_falls_back_to_the_planned_time(engine, clock):
    play(engine, clock, "air:minimogli")
    engine.clip_progress("minimogli", 0.0, 60.0, True)
    clock.advance(5)
    assert engine.snapshot().remaining_s == pytest.approx(55, abs=EPS)  # the media's 1:00
    engine.clip_failed("minimogli", "cannot decode the video")
    snap = engine.snapshot()
    assert snap.current.segment.id == "minimogli"
    assert snap.clip.state is ClipState.FAILED
    assert snap.clip.problem == "cannot decode the video" == snap.segments[2].clip_problem
    assert snap.remaining_s == pytest.approx(70, abs=EPS)  # the planned 1:15
    clock.advance(80)
    assert engine.snapshot().remaining_s == pytest.approx(-10, abs=EPS)
    assert engine.snapshot().phase is Phase.OVERTIME
    assert engine.events[-1].data == {"problem": "cannot decode the video"}


def test_set_media_durations_for_a_clip_without_written_duration(bundled, clock):
    segments = list(bundled.segments)
    segments[2] = replace(segments[2], duration_s=None)
    engine = ShowEngine(replace(bundled, segments=tuple(segments)), clock)
    snap = engine.snapshot()
    assert snap.segments[2].planned_duration_s == 0
    assert snap.segments[3].planned_start == at("18:12:45")
    assert snap.planned_end == at("18:58:45")
    engine.set_media_durations({"minimogli": 62.5, "autonomous-driving": 999})  # written 1:00 wins
    snap = engine.snapshot()
    assert snap.segments[2].planned_duration_s == 62.5
    assert snap.segments[3].planned_duration_s == 60
    assert snap.segments[3].planned_start == at("18:13:47.5")
    assert snap.planned_end == at("18:59:47.5")
    assert engine.events[-1].kind == "media_durations"
    snap = play(engine, clock, "air:minimogli adv:2.5")
    assert snap.remaining_s == pytest.approx(60, abs=EPS)


def test_replace_show_keeps_runs_by_id_and_the_on_air_segment(engine, clock, bundled):
    play(engine, clock, "go adv:100 skip:minimogli go adv:50 add:60")
    segments = list(bundled.segments)
    extra = live("extra", 120)
    changed = (segments[1], replace(segments[0], title="Hallo"), extra, *segments[2:5])  # closing removed
    engine.replace_show(replace(bundled, segments=changed))
    snap = engine.snapshot()
    assert [view.segment.id for view in snap.segments] == [
        "discussion",
        "welcome",
        "extra",
        "minimogli",
        "autonomous-driving",
        "questions",
    ]
    assert snap.current.segment.id == "discussion" and engine.current == 0
    assert snap.elapsed_s == pytest.approx(50, abs=EPS)
    assert snap.remaining_s == pytest.approx(2265 + 60 - 50, abs=EPS)
    assert statuses(snap) == ["on air", "done", "pending", "skipped", "pending", "pending"]
    assert snap.segments[1].segment.title == "Hallo"
    assert snap.segments[1].actual_duration_s == pytest.approx(100.5, abs=EPS)
    assert snap.next.segment.id == "extra"
    assert engine.events[-1].kind == "show_replaced"


def test_replace_show_removing_the_segment_on_air_puts_the_next_pending_on_air(clock):
    original = make_show(live("a", 60), live("b", 60), live("c", 60), live("d", 60))
    engine = ShowEngine(original, clock)
    play(engine, clock, "go go adv:5 go adv:5")  # c on air
    engine.replace_show(replace(original, segments=(original.segments[0], original.segments[1], original.segments[3])))
    snap = engine.snapshot()
    assert snap.mode is Mode.ON_AIR and snap.current.segment.id == "d"
    assert statuses(snap) == ["done", "done", "on air"]
    assert [(e.kind, e.segment_id) for e in engine.events][-2:] == [("on_air", "d"), ("show_replaced", None)]


def test_replace_show_in_standby_and_ended(clock):
    original = make_show(live("a", 60), live("b", 60))
    engine = ShowEngine(original, clock)
    engine.replace_show(replace(original, segments=(live("b", 90), live("a", 60))))
    assert engine.mode is Mode.STANDBY and engine.snapshot().next.segment.id == "b"
    play(engine, clock, "go go go")
    engine.replace_show(original)
    snap = engine.snapshot()
    assert snap.mode is Mode.ENDED and statuses(snap) == ["done", "done"]


# --------------------------------------------------------------------------------------------- as-run record


def test_the_as_run_record(engine, clock):
    received = []
    engine.subscribe(received.append)
    clock.set_now(at("17:29:00"))
    play(engine, clock, "adv:59.5 go")  # on air at 17:30:00 sharp
    play(engine, clock, "adv:309.5 go")  # welcome 5:10
    play(engine, clock, "adv:1000 add:60 adv:1324.5 go")  # discussion 38:45 (+1:00 given)
    engine.clip_progress("minimogli", 0.0, 75.0, True)
    clock.advance(75)
    engine.clip_ended("minimogli")  # autonomous-driving on air by itself
    clock.advance(20)
    engine.clip_failed("autonomous-driving", "cannot open")
    play(engine, clock, "adv:39.5 go")  # 1:00 in all
    play(engine, clock, "adv:2309.5 go")  # questions cut short
    snap = play(engine, clock, "adv:299.5 go")

    assert snap.mode is Mode.ENDED
    assert snap.show_started == at("17:30:00")
    assert snap.show_ended == at("18:59:40")
    assert snap.over_under_s == pytest.approx(-20, abs=EPS)
    expected = [
        ("welcome", "17:30:00", 310, "done", "go"),
        ("discussion", "17:35:10", 2325, "done", "go"),
        ("minimogli", "18:13:55", 75, "done", "clip ended"),
        ("autonomous-driving", "18:15:10", 60, "done", "go"),
        ("questions", "18:16:10", 2310, "done", "go"),
        ("closing", "18:54:40", 300, "done", "go"),
    ]
    for view, run, (segment_id, start, duration, status, reason) in zip(
        snap.segments, engine.runs, expected, strict=True
    ):
        assert view.segment.id == segment_id
        assert view.actual_start == at(start), segment_id
        assert view.actual_duration_s == pytest.approx(duration, abs=EPS), segment_id
        assert view.status.value == status
        assert run.end_reason == reason
        assert run.actual_end == view.actual_start + timedelta(seconds=duration)
    assert engine.runs[1].added_s == 60
    assert snap.segments[3].clip_problem == "cannot open"

    assert [(e.kind, e.segment_id) for e in engine.events] == [
        ("show_started", None),
        ("on_air", "welcome"),
        ("on_air", "discussion"),
        ("add_time", "discussion"),
        ("on_air", "minimogli"),
        ("clip_playing", "minimogli"),
        ("clip_ended", "minimogli"),
        ("on_air", "autonomous-driving"),
        ("clip_failed", "autonomous-driving"),
        ("on_air", "questions"),
        ("on_air", "closing"),
        ("show_ended", None),
    ]
    assert received == engine.events
    reasons = [e.data["reason"] for e in engine.events if e.kind == "on_air"]
    assert reasons == ["go", "go", "go", "clip ended", "go", "go"]
    starts = {e.segment_id: e.wall for e in engine.events if e.kind == "on_air"}
    assert starts == {view.segment.id: view.actual_start for view in snap.segments}
    walls = [e.wall for e in engine.events]
    monos = [e.monotonic for e in engine.events]
    assert walls == sorted(walls) and monos == sorted(monos)


# --------------------------------------------------------------------------------------------- accelerated show

STEP = 0.25


@pytest.mark.parametrize("seed", [1, 2021], ids=lambda seed: f"seed{seed}")
def test_accelerated_90_minute_show_with_overruns(bundled, seed):
    rng = random.Random(seed)
    clock = FakeClock(START)
    engine = ShowEngine(bundled, clock)
    # (segment id, seconds into the segment) → time given with ±1 min
    adds = {("discussion", 600.0): 60.0, ("questions", 120.0): -60.0, ("questions", 900.0): 60.0}

    t = 0.0  # the test's own monotonic record: seconds since GO
    done_overrun = 0.0  # Σ actual − planned of the finished segments
    record: list[tuple[str, float, float]] = []  # (id, start t, duration)
    assert engine.go()

    for index, segment in enumerate(bundled.segments):
        planned = PLANNED[segment.id]
        if segment.is_clip:
            overrun = 0.0
            engine.clip_progress(segment.id, 0.0, planned, True)
        else:
            overrun = rng.randrange(0, 361) * STEP  # 0–90 s on the step grid
        added = 0.0
        total_added = sum(s for (sid, _), s in adds.items() if sid == segment.id)
        runtime = planned + total_added + overrun
        start_t = t
        previous: int | None = None
        while True:
            elapsed = t - start_t
            snap = engine.snapshot()
            assert snap.mode is Mode.ON_AIR and snap.current.segment.id == segment.id
            remaining = planned + added - elapsed
            assert abs(snap.remaining_s - remaining) < EPS, (segment.id, elapsed)
            assert abs(snap.elapsed_s - elapsed) < EPS
            expected_over = done_overrun + max(elapsed - planned, added)
            assert abs(snap.over_under_s - expected_over) < EPS, (segment.id, elapsed)
            assert abs(snap.hard_out_margin_s + expected_over) < EPS
            assert snap.now == START + timedelta(seconds=t)
            # Thresholds scaled to the segment (issue 20 #5); a clip counts the whole chain that follows it.
            length, left = planned + added, remaining
            if segment.is_clip:
                rest = snap.clip.chain_s - planned
                length, left = planned + rest, max(remaining, 0.0) + rest
                assert abs(snap.clip.back_on_air_in_s - left) < EPS and abs(snap.timer_s - left) < EPS
            warning, danger = phase_thresholds(length, bundled.warning_for(segment), bundled.danger_for(segment))
            remaining = left
            expected_phase = (
                Phase.OVERTIME
                if remaining < -EPS
                else Phase.DANGER
                if remaining <= danger + EPS
                else Phase.WARNING
                if remaining <= warning + EPS
                else Phase.NORMAL
            )
            assert snap.phase is expected_phase, (segment.id, remaining)
            shown = countdown_value(format_countdown(snap.remaining_s))
            if previous is None:
                assert shown == planned  # "5:00", "37:45", …
            else:
                assert previous - shown in (0, 1), (segment.id, elapsed, previous, shown)
            previous = shown
            if elapsed >= runtime:
                break
            clock.advance(STEP)
            t += STEP
            given = adds.get((segment.id, t - start_t))
            if given is not None:
                engine.add_time(given)
                added += given
                previous += int(given)  # the countdown moves by exactly the time given

        record.append((segment.id, start_t, t - start_t))
        done_overrun += (t - start_t) - planned
        if segment.is_clip:
            engine.clip_ended(segment.id)
        else:
            assert engine.go()
        if index + 1 < len(bundled.segments):
            assert engine.current == index + 1

    snap = engine.snapshot()
    assert snap.mode is Mode.ENDED
    assert snap.show_ended == START + timedelta(seconds=t)
    assert abs(snap.over_under_s - done_overrun) < EPS
    assert abs((t - 5400) - done_overrun) < EPS
    assert done_overrun > 0
    for view, (segment_id, start_t, duration) in zip(snap.segments, record, strict=True):
        assert view.segment.id == segment_id
        assert view.status is SegmentStatus.DONE
        assert view.actual_start == START + timedelta(seconds=start_t)
        assert abs(view.actual_duration_s - duration) < EPS
    assert [e.kind for e in engine.events].count("on_air") == 6


# --------------------------------------------------------------------------------------------- clocks


@pytest.mark.parametrize("jump", [-30.0, 30.0, -3600.0], ids=["ntp-back-30s", "ntp-forward-30s", "back-1h"])
def test_a_wall_clock_jump_changes_only_the_time_of_day(engine, clock, jump):
    play(engine, clock, "go adv:100")
    before = engine.snapshot()
    clock.jump_wall(jump)
    after = engine.snapshot()
    assert clock.monotonic() == 1000.0 + 100.5
    assert after.remaining_s == before.remaining_s == pytest.approx(200, abs=EPS)
    assert after.elapsed_s == before.elapsed_s
    assert after.phase is before.phase
    assert after.now == before.now + timedelta(seconds=jump)
    assert after.until_start_s == pytest.approx(before.until_start_s - jump, abs=EPS)
    assert after.current.actual_start == before.current.actual_start == START + timedelta(seconds=0.5)
    snap = play(engine, clock, "adv:150 go")
    assert snap.segments[0].actual_duration_s == pytest.approx(250.5, abs=EPS)  # monotonic, jump-free
    assert snap.current.actual_start == START + timedelta(seconds=250.5 + 0.5 + jump)
    assert snap.remaining_s == PLANNED["discussion"]


def test_fake_clock_set_now_moves_both_clocks_forward_and_never_monotonic_back(clock):
    clock.set_now(START + timedelta(seconds=10))
    assert (clock.now(), clock.monotonic()) == (START + timedelta(seconds=10), 1010.0)
    clock.set_now(START)
    assert (clock.now(), clock.monotonic()) == (START, 1010.0)
    clock.advance(1.5)
    assert (clock.now(), clock.monotonic()) == (START + timedelta(seconds=1.5), 1011.5)


def test_a_rehearsal_on_another_day_plans_on_that_day(bundled: Show):
    clock = FakeClock(datetime(2026, 11, 26, 17, 25))
    engine = ShowEngine(bundled, clock)
    snap = engine.snapshot()
    assert snap.rehearsal
    assert snap.until_start_s == 300
    assert snap.segments[1].planned_start == datetime(2026, 11, 26, 17, 35)
    assert snap.hard_out == datetime(2026, 11, 26, 19, 0)
    clock.advance(300)
    engine.go()
    clock.advance(330)
    snap = engine.snapshot()
    assert snap.over_under_s == pytest.approx(30)
    assert snap.projected_end == datetime(2026, 11, 26, 19, 0, 30)


def test_on_the_show_date_it_is_no_rehearsal(engine: ShowEngine):
    assert not engine.snapshot().rehearsal


# ------------------------------------------------------------------------------ replay of damaged records


def test_replay_takes_show_time_from_the_monotonic_readings_not_the_wall_clock(bundled):
    # GO at 17:30:00; the wall clock is stepped back an hour; 10 s (monotonic) later a heartbeat.
    records = [
        {"op": "go", "wall": "2021-01-19T17:30:00", "mono": 500.0},
        {"op": "alive", "wall": "2021-01-19T16:30:10", "mono": 510.0},
    ]
    real = FakeClock(datetime(2021, 1, 19, 16, 30, 40), monotonic=540.0)  # same boot, 30 s later
    engine = ShowEngine(bundled, real)
    assert engine.replay(records) == []
    assert engine.elapsed(engine.current) == pytest.approx(40.0)


def test_replay_after_a_reboot_falls_back_to_the_wall_clock_never_backwards(bundled):
    records = [
        {"op": "go", "wall": "2021-01-19T17:30:00", "mono": 500.0},
        {"op": "alive", "wall": "2021-01-19T17:30:10", "mono": 510.0},
        {"op": "alive", "wall": "2021-01-19T17:30:50", "mono": 3.0},  # rebooted: the reading went back
        {"op": "alive", "wall": "2021-01-19T17:29:00", "mono": 4.0},  # and then a step back of the wall
    ]
    real = FakeClock(datetime(2021, 1, 19, 17, 29, 10), monotonic=14.0)
    engine = ShowEngine(bundled, real)
    assert engine.replay(records) == []
    assert engine.elapsed(engine.current) == pytest.approx(10 + 40 + 1 + 10)


def test_replay_skips_every_damaged_record_with_a_one_line_warning_and_never_raises(bundled):
    good = {"op": "go", "wall": "2021-01-19T17:30:00", "_line": 2}
    damaged = [
        "not an object",
        {"op": "go", "_line": 3},
        {"op": "go", "wall": 5, "_line": 4},
        {"op": "go", "wall": "yesterday", "_line": 5},
        {"op": "go", "wall": "0001-01-01T00:00:00", "_line": 6},
        {"op": "add_time", "wall": "2021-01-19T17:30:01", "seconds": float("nan"), "_line": 7},
        {"op": "add_time", "wall": "2021-01-19T17:30:01", "seconds": 1e308, "_line": 8},
        {"op": "add_time", "wall": "2021-01-19T17:30:01", "seconds": True, "_line": 9},
        {"op": "send_message", "wall": "2021-01-19T17:30:01", "text": "x" * 5000, "blink": False, "_line": 10},
        {"op": "jump", "wall": "2021-01-19T17:30:01", "segment": "no-such-segment", "_line": 11},
        {"op": "media_durations", "wall": "2021-01-19T17:30:01", "durations": [1], "_line": 12},
        {"op": "clip_progress", "wall": "2021-01-19T17:30:01", "segment": "welcome", "position_s": -1, "_line": 13},
        {"op": None, "wall": "2021-01-19T17:30:01", "_line": 14},
        {"op": "explode", "wall": "2021-01-19T17:30:01", "_line": 15},
    ]
    real = FakeClock(datetime(2021, 1, 19, 17, 31))
    engine = ShowEngine(bundled, real)
    warnings = engine.replay([good, *damaged])
    assert len(warnings) == len(damaged)
    for number, warning in enumerate(warnings[1:], 3):
        assert warning.startswith(f"journal line {number}") and "ignored" in warning and "\n" not in warning
    snapshot = engine.snapshot()  # nothing out of range reached the state: no OverflowError here
    assert snapshot.current.segment.id == bundled.segments[0].id
    assert snapshot.message is None and engine.runs[0].added_s == 0
    assert engine.replayed_until == datetime(2021, 1, 19, 17, 30)


def test_replay_does_not_compare_monotonic_readings_of_two_boots(bundled):
    records = [
        {"op": "go", "wall": "2021-01-19T17:30:00", "mono": 50.0, "boot": "a"},
        {"op": "alive", "wall": "2021-01-19T17:30:10", "mono": 60.0},
        {"op": "alive", "wall": "2021-01-19T17:35:00", "mono": 70.0, "boot": "b"},  # rebooted, not 10 s later
        {"op": "alive", "wall": "2021-01-19T17:35:05", "mono": 75.0},
    ]
    real = FakeClock(datetime(2021, 1, 19, 17, 35, 10), monotonic=80.0)
    real.boot_id = "b"
    engine = ShowEngine(bundled, real)
    assert engine.replay(records) == []
    assert engine.elapsed(engine.current) == pytest.approx(10 + 290 + 5 + 5)


def test_the_first_record_of_a_process_says_which_boot_its_monotonic_clock_counts_from(bundled):
    clock = FakeClock(START)
    clock.boot_id = "this-boot"
    engine = ShowEngine(bundled, clock)
    written = []
    engine.journal = written.append
    engine.go()
    clock.advance(1)
    engine.heartbeat()
    assert written[0]["boot"] == "this-boot" and "boot" not in written[1]
    assert [record["mono"] for record in written] == [1000.0, 1001.0]
