"""The controller between the engine and the playout: which clip is taken and which is armed."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.run.engine import GO_GUARD_S, ShowEngine
from presenter.show import load_show

ROOT = Path(__file__).resolve().parent.parent


class RecordingPlayout(SilentPlayout):
    def __init__(self):
        super().__init__()
        self.calls: list[tuple] = []

    def arm(self, segment_id, path, end_action, *, expected=None) -> None:
        self.calls.append(("arm", segment_id))

    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        self.calls.append(("take", segment_id))

    def disarm(self) -> None:
        self.calls.append(("disarm",))

    def go_black(self) -> None:
        self.calls.append(("black",))


@pytest.fixture
def clip_first_show(tmp_path):
    path = tmp_path / "opener.yaml"
    clip = ROOT / "assets" / "clips" / "minimogli.mp4"
    path.write_text(
        'version: 1\ntitle: Opener\ndate: 2021-01-19\nstart: "20:00"\nend: "20:30"\nsegments:\n'
        f'  - {{id: opener, title: Trailer, kind: clip, clip: "{clip}", end_action: next}}\n'
        '  - {id: talk, title: Gespräch, kind: live, duration: "20:00"}\n',
        encoding="utf-8",
    )
    return load_show(path)


def test_another_show_arms_its_own_first_clip(qtbot, bundled_show, fake_clock, clip_first_show):
    playout = RecordingPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    controller.go()
    fake_clock.advance(GO_GUARD_S + 0.1)
    controller.go()  # discussion on air: MiniMOGLI armed
    assert playout.calls[-1] == ("arm", "minimogli")
    playout.calls.clear()
    controller.start_new_run(engine=ShowEngine(clip_first_show, fake_clock))
    assert playout.calls == [("black",), ("arm", "opener")]
    fake_clock.advance(GO_GUARD_S + 0.1)
    controller.go()
    assert playout.calls[-1] == ("take", "opener")


def test_a_clip_armed_for_a_segment_no_longer_next_is_released(qtbot, bundled_show, fake_clock):
    playout = RecordingPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    controller.go()
    fake_clock.advance(GO_GUARD_S + 0.1)
    controller.go()
    assert playout.calls[-1] == ("arm", "minimogli")
    controller.jump(4)  # questions (live) cued: it is next
    assert playout.calls[-1] == ("disarm",)
    controller.start_new_run()  # standby: the welcome (live) is next
    assert ("arm", "minimogli") not in playout.calls[-2:]


def _controller(bundled_show, fake_clock):
    playout = RecordingPlayout()
    problems: list[str] = []
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    controller.problem.connect(problems.append)
    return controller, playout, problems


def _go(controller, fake_clock) -> None:
    fake_clock.advance(GO_GUARD_S + 0.1)
    assert controller.go()


def test_jump_to_a_clip_arms_it_and_only_go_takes_it(qtbot, bundled_show, fake_clock):
    controller, playout, _ = _controller(bundled_show, fake_clock)
    _go(controller, fake_clock)  # welcome (live)
    playout.calls.clear()
    assert controller.jump(3)  # autonomous-driving (clip): armed, not on air
    assert playout.calls == [("arm", "autonomous-driving")]
    snapshot = controller.snapshot()
    assert snapshot.current.segment.id == "welcome" and snapshot.next.segment.id == "autonomous-driving"
    fake_clock.advance(30)
    assert not any(call[0] == "take" for call in playout.calls)
    _go(controller, fake_clock)
    assert ("take", "autonomous-driving") in playout.calls
    assert controller.snapshot().segments[1].status.value == "pending"  # jumped over: not done


def test_back_from_the_questions_onto_a_clip_never_plays_it_again(qtbot, bundled_show, fake_clock):
    """Finding 4: the clip ended by itself, the Q&A followed; Back cues the clip, it does not take it."""
    controller, playout, _ = _controller(bundled_show, fake_clock)
    _go(controller, fake_clock)
    controller.jump(3)
    _go(controller, fake_clock)  # autonomous-driving on air
    controller._clip_ended("autonomous-driving")  # → questions by itself
    assert controller.snapshot().current.segment.id == "questions"
    playout.calls.clear()
    fake_clock.advance(2)
    assert controller.back()
    assert not any(call[0] == "take" for call in playout.calls)
    assert playout.calls == [("arm", "autonomous-driving")]
    snapshot = controller.snapshot()
    assert snapshot.current.segment.id == "questions" and snapshot.next.segment.id == "autonomous-driving"


def test_back_just_after_an_accidental_go_onto_a_clip_returns_to_the_live_segment(qtbot, bundled_show, fake_clock):
    controller, playout, _ = _controller(bundled_show, fake_clock)
    _go(controller, fake_clock)
    _go(controller, fake_clock)  # discussion (live), minimogli armed
    fake_clock.advance(60)
    _go(controller, fake_clock)  # accidental: minimogli taken
    assert playout.calls[-2:] == [("take", "minimogli"), ("arm", "autonomous-driving")]
    playout.calls.clear()
    fake_clock.advance(3)
    assert controller.back()
    snapshot = controller.snapshot()
    assert snapshot.current.segment.id == "discussion"
    assert snapshot.elapsed_s == pytest.approx(60 + (GO_GUARD_S + 0.1) + 3, abs=1e-6)  # the timer never stopped
    assert playout.calls == [("black",), ("arm", "minimogli")]


@pytest.mark.parametrize("index", [None, 0], ids=["nothing-selected", "on-air"])
def test_skip_of_nothing_or_the_segment_on_air_is_a_problem_and_changes_nothing(qtbot, bundled_show, fake_clock, index):
    controller, playout, problems = _controller(bundled_show, fake_clock)
    _go(controller, fake_clock)
    before = controller.snapshot()
    playout.calls.clear()
    assert controller.skip(index) is False
    after = controller.snapshot()
    assert after.segments == before.segments and playout.calls == []
    assert len(problems) == 1 and ("Select" in problems[0] or "is on air" in problems[0])


def test_skip_of_a_done_segment_is_a_problem_and_a_pending_one_is_skipped(qtbot, bundled_show, fake_clock):
    controller, _, problems = _controller(bundled_show, fake_clock)
    _go(controller, fake_clock)
    _go(controller, fake_clock)
    assert controller.skip(0) is False and "already" in problems[-1]
    assert controller.skip(4) is True and controller.snapshot().segments[4].status.value == "skipped"


def test_rehearse_from_now_and_cue_next_through_the_controller(qtbot, bundled_show, fake_clock):
    controller, _, _ = _controller(bundled_show, fake_clock)
    controller.rehearse_from_now()
    assert controller.snapshot().rehearse and controller.snapshot().until_start_text == ""
    assert controller.cue_next(2) and controller.snapshot().next.segment.id == "minimogli"
    assert controller.cue_next(None) and controller.snapshot().next.segment.id == "welcome"


class TransportPlayout(RecordingPlayout):
    """Records the transport and says what is on the output, as the program playout does."""

    def __init__(self):
        super().__init__()
        self.on_air: tuple[str, str] | None = None  # (segment id, state)

    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        super().take(segment_id, path, end_action, start_at_s=start_at_s)
        self.on_air = (segment_id, "playing")

    def pause(self) -> None:
        self.calls.append(("pause",))

    def resume(self) -> None:
        self.calls.append(("resume",))

    def restart(self) -> None:
        self.calls.append(("restart",))

    def panic(self) -> None:
        self.calls.append(("panic",))
        self.on_air = None

    def status(self):
        from presenter.playout.interface import OutputState, OutputStatus

        if self.on_air is None:
            return OutputStatus(OutputState.BLACK, None, 0.0, None, None, None)
        return OutputStatus(OutputState(self.on_air[1]), self.on_air[0], 0.0, 75.0, None, None)


def test_issue_20_the_playout_follows_the_engines_transport_after_the_journal(qtbot, bundled_show, fake_clock):
    """Finding 1/2: pause, resume, restart and Esc are engine transitions, journaled before the playout acts."""
    playout = TransportPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    journal: list[dict] = []
    controller.attach_journal(lambda record: journal.append({**record, "calls": len(playout.calls)}))
    _go(controller, fake_clock)
    controller.jump(2)
    _go(controller, fake_clock)  # MiniMOGLI taken
    assert controller.clip_transport.pause() and playout.calls[-1] == ("pause",)
    assert journal[-1]["op"] == "clip_pause" and journal[-1]["calls"] == len(playout.calls) - 1
    assert not controller.clip_transport.pause()  # refused: nothing reaches the playout
    assert controller.clip_transport.resume() and playout.calls[-1] == ("resume",)
    assert controller.clip_transport.restart() and playout.calls[-1] == ("restart",)  # on the output: restart in place
    controller.clip_transport.stop_to_black()
    assert playout.calls[-1] == ("panic",) and controller.snapshot().clip.state.value == "black"
    assert controller.clip_transport.restart() and playout.calls[-1] == ("take", "minimogli")  # black: taken again
    snapshot = controller.snapshot()
    assert snapshot.clip.state.value == "playing" and snapshot.timer_running
    assert [record["op"] for record in journal[-5:]] == [
        "clip_pause",
        "clip_resume",
        "clip_restart",
        "panic",
        "clip_restart",
    ]


def test_issue_20_playout_reports_are_intents_from_the_playout(qtbot, bundled_show, fake_clock):
    playout = TransportPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    journal: list[dict] = []
    controller.attach_journal(journal.append)
    _go(controller, fake_clock)
    controller.jump(2)
    _go(controller, fake_clock)
    playout.clip_ended.emit("minimogli")
    assert controller.snapshot().current.segment.id == "autonomous-driving"
    assert journal[-1]["op"] == "clip_ended" and journal[-1]["src"] == "playout"


class TakeArgsPlayout(TransportPlayout):
    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        super().take(segment_id, path, end_action, start_at_s=start_at_s)
        self.calls[-1] = ("take", segment_id, str(end_action), round(start_at_s, 3))


def test_issue_25_14_a_held_clip_resumes_held_at_its_end_after_kill_9(qtbot, tmp_path, fake_clock):
    from presenter.playout.interface import OutputState, OutputStatus
    from presenter.run import Run
    from presenter.run.intents import ClipProgress

    clip = ROOT / "assets" / "clips" / "minimogli.mp4"
    path = tmp_path / "held.yaml"
    path.write_text(
        'version: 1\ntitle: Held\ndate: 2021-01-19\nstart: "17:30"\nend: "18:30"\nsegments:\n'
        f'  - {{id: sting, title: Trenner, kind: clip, clip: "{clip}", end_action: hold}}\n'
        '  - {id: talk, title: Gespräch, kind: live, duration: "20:00"}\n',
        encoding="utf-8",
    )
    show = load_show(path)
    controller = ShowController(show, clock=fake_clock, playout=TakeArgsPlayout())
    journal: list[dict] = []
    controller.attach_journal(journal.append)
    _go(controller, fake_clock)
    controller.dispatch(ClipProgress("sting", 0.0, 3.0, True))
    fake_clock.advance(3)
    controller.playout.clip_ended.emit("sting")
    assert controller.snapshot().clip.state.value == "held"
    fake_clock.advance(30)  # kill -9, back 30 s later
    run, warnings = Run.replayed(show, fake_clock, [dict(r) for r in journal])
    playout = TakeArgsPlayout()
    resumed = ShowController(show, clock=fake_clock, playout=playout, run=run)
    assert warnings == [] and ("take", "sting", "hold", 2.8) in playout.calls
    playout.status_changed.emit(OutputStatus(OutputState.PLAYING, "sting", 2.85, 3.0, None, None))
    clip_view = resumed.snapshot().clip
    assert (clip_view.state.value, clip_view.position_s, resumed.snapshot().timer_running) == ("held", 3.0, False)


class ReportingPlayout(RecordingPlayout):
    """Reports PLAYING from inside take(), as the real playout's cut does (synchronously)."""

    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        from presenter.playout.interface import OutputState, OutputStatus

        super().take(segment_id, path, end_action, start_at_s=start_at_s)
        self.status_changed.emit(OutputStatus(OutputState.PLAYING, segment_id, 0.0, 3.0, None, None))


def test_issue_25_a_go_onto_a_clip_tells_the_windows_once(qtbot, clip_first_show, fake_clock):
    """The cut's report (an intent from the playout) joins the GO's change: the windows repainted
    twice, one repaint nested inside the other, for every GO onto a clip (three times with the arm)."""
    controller = ShowController(clip_first_show, clock=fake_clock, playout=ReportingPlayout())
    told: list[str] = []
    controller.changed.connect(lambda: told.append(controller.snapshot().clip.state.value))
    controller.go()
    assert ("take", "opener") in controller.playout.calls
    assert told == ["playing"]  # once, and already with the playout's report in it


def test_every_window_told_of_a_change_renders_its_one_snapshot(qtbot, bundled_show, fake_clock):
    """One snapshot per change (issue 25's UI stall: each window took its own, ~15 per GO): every
    listener of `changed` gets the same object; a listener that acts sees its effect; afterwards the
    snapshot is fresh again (the clock moves on)."""
    controller = ShowController(bundled_show, clock=fake_clock, playout=RecordingPlayout())
    seen: list[object] = []
    controller.changed.connect(lambda: seen.append(controller.snapshot()))
    controller.changed.connect(lambda: seen.append(controller.snapshot()))
    controller.go()
    assert len(seen) == 2 and seen[0] is seen[1]
    assert seen[0].current is not None and seen[0].current.index == 0
    fake_clock.advance(5.0)
    after = controller.snapshot()
    assert after is not seen[0] and after.elapsed_s == pytest.approx(seen[0].elapsed_s + 5.0)

    acted: list[object] = []

    def act_once() -> None:
        if not acted:
            acted.append(controller.snapshot())
            controller.send_message("Bitte zum Ende kommen")
            acted.append(controller.snapshot())

    controller.changed.connect(act_once)
    fake_clock.advance(GO_GUARD_S + 1)
    controller.go()
    assert acted[0].message is None and acted[1].message is not None


def test_the_playouts_reports_are_journaled_at_once_and_told_once_in_the_next_turn(qtbot, bundled_show, fake_clock):
    """Issue 25's UI stall: a GO onto a clip brought two or three progress reports, each repainting every
    window inside the GO's own repaint. They reach the engine (and the journal) at once; the windows hear
    of them once, in the next turn of the event loop."""
    from presenter.playout.interface import OutputState, OutputStatus

    playout = RecordingPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    while controller.snapshot().current is None or not controller.snapshot().current.segment.is_clip:
        fake_clock.advance(GO_GUARD_S + 1)
        controller.go()
    clip_id = controller.snapshot().current.segment.id
    told: list[float | None] = []
    controller.changed.connect(lambda: told.append(controller.snapshot().clip.position_s))
    for position in (0.0, 0.4):
        playout.status_changed.emit(OutputStatus(OutputState.PLAYING, clip_id, position, 75.0, None, None))
    assert controller.snapshot().clip.position_s == pytest.approx(0.4)  # the engine has them at once
    assert told == []  # the windows not yet
    qtbot.waitUntil(lambda: told != [])
    assert told == [pytest.approx(0.4)]  # once, with the latest
