"""The OBS wiring (presenter.ui.obs_wiring) on a real controller: the lower-third keys as intents, the line
"on the stream: …", the stream's problems in the problems list and the as-run log, going live asked first;
and against a real OBS Studio: its program scene follows the controller's GOs, a recording starts when asked,
the stream (to an RTMP server on 127.0.0.1) starts with the first GO."""

from __future__ import annotations

from datetime import datetime

import pytest
from graphics_show import graphics_show
from obs_helpers import PASSWORD, ObsAdmin
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from rtmp_sink import RtmpSink

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.obs.health import LinkState, ObsHealth, ObsProblem, ProblemCode
from presenter.run.as_run import as_run_log_rows
from presenter.run.state import Mode
from presenter.ui.obs_wiring import ObsCues, ObsWiring, status_entries, wire_obs

START = datetime(2021, 1, 19, 17, 29)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def controller(qtbot, tmp_path, clock) -> ShowController:
    return ShowController(graphics_show(tmp_path), clock=clock)


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.isActiveWindow)  # the keys are the director window's
    return widget


def _go(controller: ShowController, clock: FakeClock) -> None:
    clock.advance(1.0)  # past the double-press guard
    assert controller.go()


def test_l_puts_the_speaker_on_air_on_the_stream_and_shift_l_takes_it_off(qtbot, controller, window, clock):
    problems: list[str] = []
    wiring = ObsWiring(controller, None, window=window, problem=problems.append)
    assert wiring.strip.on_stream.text() == "on the stream: no graphics"
    qtbot.keyClick(window, Qt.Key.Key_L)  # nothing on air: whom? The refusal is read, nothing changes
    assert problems == ["the segment on air has no speaker for a lower third"]
    _go(controller, clock)
    qtbot.keyClick(window, Qt.Key.Key_L)
    shown = controller.snapshot().graphics.lower_third
    assert (shown.name, shown.role) == ("Klaus Weichel", "Oberbürgermeister")
    assert controller.engine.events[-1].kind == "lower_third"  # through the dispatcher, journaled as the director's
    assert wiring.strip.on_stream.text() == "on the stream: lower third Klaus Weichel"
    assert wiring.strip.lower_third_off.isEnabled()
    field = QLineEdit(window)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)  # typed: a letter, not the key
    assert field.text().lower() == "l" and controller.snapshot().graphics.lower_third is not None
    field.hide()  # the field gives the keys back
    window.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is not field)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert controller.snapshot().graphics.lower_third is None
    assert wiring.strip.on_stream.text() == "on the stream: no graphics"
    assert not wiring.strip.lower_third_off.isEnabled()
    entries = wiring.status()
    assert entries["graphics"]["lower_third"] is None and entries["obs"]["state"] == "off"


def test_a_timed_lower_third_counts_down_in_the_panel(qtbot, controller, window, clock):
    wiring = ObsWiring(controller, None, window=window)
    _go(controller, clock)
    from presenter.run import intents as do

    controller.dispatch(do.ShowLowerThird("Klaus Weichel", 8))
    assert wiring._tick.isActive()
    clock.advance(2)
    qtbot.waitUntil(lambda: wiring.strip.on_stream.text().endswith("0:06 left"))
    assert status_entries(wiring.health, controller.snapshot())["graphics"]["lower_third_left_s"] == 6
    clock.advance(6)
    qtbot.waitUntil(lambda: wiring.strip.on_stream.text() == "on the stream: no graphics")
    assert not wiring._tick.isActive()


def test_stream_problems_go_to_the_problems_list_and_the_as_run_log(qtbot, controller, window, clock):
    problems: list[str] = []
    wiring = ObsWiring(controller, None, window=window, problem=problems.append)
    _go(controller, clock)
    problem = ObsProblem(ProblemCode.STREAM_RECONNECTING, "Stream interrupted — OBS is reconnecting", START)
    wiring.relay(ObsHealth(enabled=True, state=LinkState.CONNECTED, problems=(problem,)))
    qtbot.waitUntil(lambda: problems == [problem.text])  # from the OBS thread, queued to the UI thread
    clock.advance(5)
    wiring.relay(ObsHealth(enabled=True, state=LinkState.CONNECTED))
    qtbot.waitUntil(lambda: len(as_run_log_rows(controller.engine)) == 2)
    rows = [(r["time"], r["what"]) for r in as_run_log_rows(controller.engine)]
    assert rows == [("17:29:01", "stream problem"), ("17:29:06", "stream problem over")]
    assert wiring.panel.link.text().startswith("OBS: connected")


def test_without_obs_going_live_is_not_offered(qtbot, controller, window):
    asked: list[str] = []
    wiring = ObsWiring(controller, None, window=window, asker=lambda *a: asked.append(a[1]) or True)
    assert not wiring.ask_start_stream() and not wiring.ask_start_recording() and asked == []
    wiring.close()


class _Follower:
    """Stands in for the OBS link where only the calls matter (the real one is tested against OBS below)."""

    def __init__(self) -> None:
        self.cues: list[object] = []
        self.calls: list[str] = []

    def follow(self, cue: object) -> None:
        self.cues.append(cue)

    def health(self) -> ObsHealth:
        return ObsHealth(enabled=True, state=LinkState.CONNECTED)

    def start_stream(self) -> None:
        self.calls.append("start_stream")

    def start_recording(self) -> None:
        self.calls.append("start_recording")

    def close(self) -> None:
        self.calls.append("close")


def test_the_stream_starts_with_the_first_go_when_so_set_and_is_never_stopped(qtbot, controller, window, clock):
    follower = _Follower()
    wiring = ObsWiring(controller, follower, window=window, start_with_first_go=True)  # type: ignore[arg-type]
    assert len(follower.cues) == 1 and follower.calls == []  # standby: followed, nothing started
    for _ in range(4):  # three segments, then the end of the show
        _go(controller, clock)
    assert follower.calls == ["start_stream"]  # once, with the first GO; never a stop
    assert len(follower.cues) >= 5
    wiring.close()
    assert follower.calls == ["start_stream", "close"]


def test_obs_has_each_change_before_the_windows_repaint(qtbot, controller, window, clock):
    order: list[str] = []
    cues = ObsCues(controller)  # the app makes it before the director window
    controller.changed.connect(lambda: order.append("window repaints"))
    follower = _Follower()
    follower.follow = lambda cue: order.append("OBS cue")  # type: ignore[method-assign]
    ObsWiring(controller, follower, window=window, cues=cues)  # type: ignore[arg-type]
    order.clear()
    _go(controller, clock)
    assert order == ["OBS cue", "window repaints"]


def test_start_stream_is_asked_first(qtbot, controller, window):
    follower = _Follower()
    answers = [False, True, True]
    wiring = ObsWiring(controller, follower, window=window, asker=lambda *_: answers.pop(0))  # type: ignore[arg-type]
    assert not wiring.ask_start_stream() and follower.calls == []
    assert wiring.ask_start_stream() and wiring.ask_start_recording()
    assert follower.calls == ["start_stream", "start_recording"]


# ------------------------------------------------------------------ a real OBS Studio


@pytest.mark.obs
def test_real_obs_follows_the_controllers_gos_and_records_when_asked(
    qtbot, obs, admin: ObsAdmin, controller, window, clock, monkeypatch
):
    monkeypatch.delenv("PRESENTER_OBS_PASSWORD", raising=False)
    admin.ensure_scenes("Kamera", "Kamera 2", "Einspieler", "Schwarz", "Abspann")
    wiring = wire_obs(controller, obs.url, PASSWORD, window=window)
    try:
        qtbot.waitUntil(lambda: wiring.health.connected, timeout=30_000)
        assert wiring.panel.link.text().startswith("OBS: connected")
        answers: list[bool] = [False, True]
        wiring._asker = lambda *_: answers.pop(0)
        assert not wiring.ask_start_recording()  # asked first: No starts nothing
        assert not admin.call("GetRecordStatus")["outputActive"]
        assert wiring.ask_start_recording()
        qtbot.waitUntil(lambda: admin.call("GetRecordStatus")["outputActive"], timeout=30_000)
        for scene in ("Kamera", "Kamera 2", "Kamera", "Abspann"):  # live default, its own, live default, the end
            _go(controller, clock)
            qtbot.waitUntil(lambda scene=scene: admin.program_scene() == scene, timeout=10_000)
        assert controller.snapshot().mode is Mode.ENDED
        qtbot.waitUntil(lambda: wiring.health.record.active, timeout=10_000)
        assert admin.call("GetRecordStatus")["outputActive"]  # the end of the show stops nothing
        assert wiring.status()["obs"]["recording"]["active"]
    finally:
        wiring.close()
        if admin.call("GetRecordStatus")["outputActive"]:
            admin.call("StopRecord")


@pytest.fixture
def graphics_intents():
    from presenter.remote import graphics_state
    from presenter.remote.intents import unregister_intent

    graphics_state.register()
    yield
    for name in ("lowerthird", "lowerthird/off", "preshow"):
        unregister_intent(name)


def test_remote_intents_put_graphics_on_through_the_dispatcher(qtbot, controller, clock, graphics_intents):
    from presenter.remote.intents import IntentError, Status, run_intent

    journal: list[dict] = []
    controller.attach_journal(journal.append)
    run_intent(controller, "preshow", {}, "http 127.0.0.1")
    assert controller.snapshot().graphics.preshow and journal[-1]["src"] == "http 127.0.0.1"
    _go(controller, clock)
    run_intent(controller, "lowerthird", {"person": "Malu Dreyer", "s": 8}, "osc 127.0.0.1")
    shown = controller.snapshot().graphics.lower_third
    assert (shown.name, shown.seconds_left) == ("Malu Dreyer", 8) and journal[-1]["src"] == "osc 127.0.0.1"
    run_intent(controller, "lowerthird/off", {}, "ws 127.0.0.1")
    with pytest.raises(IntentError) as refused:
        run_intent(controller, "lowerthird/off", {}, "ws 127.0.0.1")
    assert refused.value.status is Status.REFUSED and "no lower third" in str(refused.value)
    with pytest.raises(IntentError) as bad:
        run_intent(controller, "lowerthird", {"person": "Olaf"}, "ws 127.0.0.1")
    assert bad.value.status is Status.BAD_ARGS
    run_intent(controller, "lowerthird", {}, "ws 127.0.0.1")  # the speaker of the segment on air
    assert controller.snapshot().graphics.lower_third.name == "Klaus Weichel"
    run_intent(controller, "preshow", {"on": False}, "http 127.0.0.1")
    with pytest.raises(IntentError) as after_start:
        run_intent(controller, "preshow", {}, "http 127.0.0.1")  # the countdown is for before the show
    assert after_start.value.status is Status.BAD_ARGS


@pytest.mark.obs
def test_real_obs_streams_from_the_first_go_to_a_local_rtmp_server_and_the_end_of_the_show_stops_nothing(
    qtbot, obs, admin: ObsAdmin, controller, window, clock, monkeypatch
):
    monkeypatch.delenv("PRESENTER_OBS_PASSWORD", raising=False)
    admin.ensure_scenes("Kamera", "Kamera 2", "Abspann")
    with RtmpSink() as sink:
        service = {"server": sink.url, "key": "smartrlp"}
        admin.call("SetStreamServiceSettings", {"streamServiceType": "rtmp_custom", "streamServiceSettings": service})
        wiring = wire_obs(controller, obs.url, PASSWORD, window=window, start_with_first_go=True)
        try:
            qtbot.waitUntil(lambda: wiring.health.connected, timeout=30_000)
            assert not wiring.health.stream.active
            _go(controller, clock)  # the first GO starts the stream (the setting is the director's answer)
            qtbot.waitUntil(lambda: wiring.health.stream.active, timeout=30_000)
            assert admin.call("GetStreamStatus")["outputActive"]  # OBS's own word: on air to the RTMP server
            assert wiring.panel.stream.text().startswith("Stream: on since")
            for _ in range(3):  # to the end of the show
                _go(controller, clock)
            qtbot.waitUntil(lambda: admin.program_scene() == "Abspann", timeout=10_000)
            assert admin.call("GetStreamStatus")["outputActive"] and wiring.health.stream.active
        finally:
            wiring.close()
            if admin.call("GetStreamStatus")["outputActive"]:
                admin.call("StopStream")
