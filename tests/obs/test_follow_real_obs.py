"""The scene follower against a real OBS Studio: each transition of a show sets OBS's own program scene.

The show runs on the real engine (a fake clock); every cue is made from its snapshot as the app will
make it; after each transition the test asks OBS itself (GetCurrentProgramScene) what it shows.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from obs_helpers import PASSWORD, HealthWatch, ObsAdmin, ObsStudio

from presenter.clock import FakeClock
from presenter.obs import (
    Backoff,
    LinkState,
    ObsCue,
    ObsFollower,
    ObsHealth,
    ProblemCode,
    cue_from_engine,
    cue_from_snapshot,
)
from presenter.obs import follower as follower_module
from presenter.obs.quick_ack import ack_at_once
from presenter.run.engine import ShowEngine
from presenter.run.state import Mode
from presenter.show.model import EndAction, ObsScenes, Segment, SegmentKind, Show

pytestmark = pytest.mark.obs

SCENES = ObsScenes(live="Kamera", clip="Einspieler", black="Schwarz", end="Abspann")
FAST = Backoff(first_s=0.1, longest_s=0.5)  # the tests await reconnects; the app's back-off is longer


def _show() -> Show:
    def clip(segment_id: str, end_action: EndAction = EndAction.NEXT) -> Segment:
        path = Path(f"/clips/{segment_id}.mp4")
        return Segment(segment_id, segment_id, SegmentKind.CLIP, 60.0, clip=path, end_action=end_action)

    segments = (
        Segment("welcome", "Begrüßung", SegmentKind.LIVE, 300.0),
        Segment("talk", "Diskussion", SegmentKind.LIVE, 600.0, obs_scene="Kamera 2"),
        clip("minimogli"),
        clip("driving", EndAction.BLACK),
        Segment("closing", "Abschluss", SegmentKind.LIVE, 300.0),
    )
    return Show("Smart RLP", date(2021, 1, 19), time(17, 30), time(19, 0), segments, obs=SCENES)


class Director:
    """The show on the real engine; each step hands the new snapshot to the follower, as the app does."""

    def __init__(self, follower: ObsFollower):
        self.clock = FakeClock(datetime(2021, 1, 19, 17, 29))
        self.engine = ShowEngine(_show(), self.clock)
        self.follower = follower
        self.follow()

    def follow(self) -> ObsCue:
        cue = cue_from_snapshot(self.engine.snapshot())
        assert cue_from_engine(self.engine) == cue  # the app's cheap cue is the snapshot's, in every state
        self.follower.follow(cue)
        return cue

    def go(self) -> ObsCue:
        self.clock.advance(1.0)  # past the double-press guard
        assert self.engine.go()
        return self.follow()

    def clip_playing(self) -> ObsCue:
        segment_id = self.engine.snapshot().current.segment.id  # type: ignore[union-attr]
        self.clock.advance(0.2)
        self.engine.clip_progress(segment_id, 0.2, 60.0, True)
        return self.follow()

    def clip_ended(self) -> ObsCue:
        self.clock.advance(1.0)
        self.engine.clip_ended(self.engine.snapshot().current.segment.id)  # type: ignore[union-attr]
        return self.follow()

    def stop_to_black(self) -> ObsCue:
        self.engine.panic()
        return self.follow()

    def back(self) -> ObsCue:
        self.clock.advance(1.0)
        assert self.engine.back()
        return self.follow()


@pytest.fixture
def watch() -> HealthWatch:
    return HealthWatch()


@pytest.fixture
def follow(obs: ObsStudio, watch: HealthWatch) -> Iterator[Callable[..., ObsFollower]]:
    made: list[ObsFollower] = []

    def make(password: str = PASSWORD, url: str | None = None) -> ObsFollower:
        follower = ObsFollower(url or obs.url, password, on_health=watch, poll_s=0.5, backoff=FAST)
        made.append(follower)
        follower.start()
        return follower

    yield make
    for follower in made:
        follower.close()


def _problems(health: ObsHealth) -> list[str]:
    """The problems but those of a loaded machine (OBS's frames not rendered in time), which tests do not control."""
    return [p.text for p in health.problems if p.code not in (ProblemCode.RENDER_LAG, ProblemCode.DROPPED_FRAMES)]


def _on_program(watch: HealthWatch, admin: ObsAdmin, scene: str) -> None:
    watch.wait(lambda h: h.program_scene == scene and not h.manual, f"the follower to see {scene!r}")
    assert admin.program_scene() == scene  # OBS's own word


def test_obs_program_scene_follows_every_transition_of_the_show(admin, follow, watch):
    admin.ensure_scenes("Kamera", "Kamera 2", "Einspieler", "Schwarz", "Abspann")
    director = Director(follow())
    watch.wait(lambda h: h.connected, "the connection")
    assert admin.program_scene() == "Scene"  # standby: the show names no standby scene, OBS is left alone

    director.go()  # welcome: live, the show's default
    _on_program(watch, admin, "Kamera")
    director.go()  # talk: its own scene
    _on_program(watch, admin, "Kamera 2")
    director.back()  # an accidental GO undone: welcome is on air again
    _on_program(watch, admin, "Kamera")
    director.go()
    _on_program(watch, admin, "Kamera 2")
    director.go()  # the clip
    _on_program(watch, admin, "Einspieler")
    director.clip_playing()  # clip progress is no transition
    director.clip_ended()  # ends into the next clip by itself (end action "next")
    assert director.engine.snapshot().current.segment.id == "driving"  # type: ignore[union-attr]
    director.clip_playing()
    director.stop_to_black()  # Esc: program output black
    _on_program(watch, admin, "Schwarz")
    director.go()  # closing: live
    _on_program(watch, admin, "Kamera")
    director.go()  # the end of the show
    assert director.engine.snapshot().mode is Mode.ENDED
    _on_program(watch, admin, "Abspann")
    health = watch.last
    assert _problems(health) == []
    assert health.status_dict()["program_scene"] == "Abspann"
    assert not health.stream.active  # the end of the show never touches the stream


def test_a_manual_switch_is_shown_and_the_next_transition_takes_over(admin, follow, watch):
    admin.ensure_scenes("Kamera", "Kamera 2", "Einspieler", "Schwarz", "Abspann")
    director = Director(follow())
    director.go()
    _on_program(watch, admin, "Kamera")

    admin.call("SetCurrentProgramScene", {"sceneName": "Einspieler"})  # the technician, by hand
    health = watch.wait(lambda h: h.manual, "the manual switch")
    assert health.program_scene == "Einspieler"
    assert _problems(health) == ["OBS: Einspieler — manual"]
    director.follow()  # the same state again (a tick): the manual choice stays
    assert admin.program_scene() == "Einspieler"

    director.go()  # the next transition takes over again
    _on_program(watch, admin, "Kamera 2")
    assert _problems(watch.last) == []


def test_obs_closed_and_restarted_mid_show_the_scene_is_set_again(obs, admin, follow, watch):
    admin.ensure_scenes("Kamera", "Kamera 2", "Einspieler", "Schwarz", "Abspann")
    director = Director(follow())
    director.go()
    _on_program(watch, admin, "Kamera")
    admin.close()

    obs.stop()
    health = watch.wait(lambda h: h.state is LinkState.RECONNECTING, "the lost connection")
    assert _problems(health) == ["Connection to OBS lost — reconnecting"]
    director.go()  # the show goes on while OBS is away; follow() returned at once
    director.go()
    assert director.engine.snapshot().current.segment.id == "minimogli"  # type: ignore[union-attr]

    obs.start()
    again = ObsAdmin(obs.url, obs.password)
    try:
        again.ensure_scenes("Einspieler")  # OBS may not have saved the last scenes before it was closed
        _on_program(watch, again, "Einspieler")
    finally:
        again.close()
    assert _problems(watch.last) == []


def test_obs_not_running_at_start_then_started(obs_factory, watch):
    studio = obs_factory(start=False)
    follower = ObsFollower(studio.url, PASSWORD, on_health=watch, poll_s=0.5, backoff=FAST)
    follower.start()
    try:
        director = Director(follower)
        health = watch.wait(lambda h: h.state is LinkState.UNREACHABLE, "OBS not reachable")
        assert health.problems[0].text == f"OBS not reachable at {studio.url} — trying again"
        director.go()  # the show goes on

        studio.start()
        admin = ObsAdmin(studio.url, studio.password)
        try:
            admin.ensure_scenes("Kamera")  # created after Presenter asked for it: set as soon as it exists
            _on_program(watch, admin, "Kamera")
        finally:
            admin.close()
    finally:
        follower.close()


def test_a_wrong_password_is_a_message_and_the_show_goes_on(obs, follow, watch):
    follower = follow(password="falsch")
    director = Director(follower)
    health = watch.wait(lambda h: h.state is LinkState.WRONG_PASSWORD, "the refusal")
    assert [p.code for p in health.problems] == [ProblemCode.WRONG_PASSWORD]
    assert "PRESENTER_OBS_PASSWORD" in health.problems[0].text
    director.go()  # nothing raises, nothing waits
    reply = follower.start_stream().result(timeout=10)
    assert not reply.ok
    assert reply.text == "OBS is not connected"


def test_a_new_address_and_password_connect_at_once_and_set_the_shows_scene(obs, admin, follow, watch):
    admin.ensure_scenes("Kamera", "Kamera 2")
    follower = follow(password="falsch", url="ws://127.0.0.1:9")  # nothing listens there
    director = Director(follower)
    watch.wait(lambda h: h.state is LinkState.UNREACHABLE, "not reachable")
    director.go()  # the show goes on: welcome on air, OBS should show "Kamera"
    follower.reconnect(obs.url, "falsch")  # the right OBS, the wrong password
    health = watch.wait(lambda h: h.state is LinkState.WRONG_PASSWORD, "the refusal at the new address")
    assert health.address == obs.url
    follower.reconnect(obs.url, PASSWORD)  # the director corrects it in the settings
    _on_program(watch, admin, "Kamera")
    seen = len(watch.seen)
    follower.reconnect(obs.url, PASSWORD)  # unchanged and connected: nothing happens
    director.go()  # the talk: its own scene, on the same connection
    _on_program(watch, admin, "Kamera 2")
    assert all(h.connected for h in watch.seen[seen:])


def test_a_missing_scene_is_named_and_set_once_it_exists(admin, follow, watch):
    admin.ensure_scenes("Kamera 2")
    director = Director(follow())
    director.go()  # welcome wants "Kamera", which this OBS lacks
    health = watch.wait(lambda h: h.missing_scene == "Kamera", "the missing scene")
    assert _problems(health) == ['OBS has no scene "Kamera"']
    assert admin.program_scene() == "Scene"
    director.go()
    _on_program(watch, admin, "Kamera 2")
    assert watch.last.missing_scene is None

    director.back()  # undo: welcome again, still missing
    watch.wait(lambda h: h.missing_scene == "Kamera", "the missing scene again")
    admin.ensure_scenes("Kamera")  # the technician adds it
    _on_program(watch, admin, "Kamera")
    assert _problems(watch.last) == []


def test_start_and_stop_a_recording(obs, admin, follow, watch):
    follower = follow()
    watch.wait(lambda h: h.connected, "the connection")
    assert admin.call("GetRecordDirectory")["recordDirectory"] == str(obs.home)  # the test's temporary HOME

    assert follower.start_recording().result(timeout=30).ok
    health = watch.wait(lambda h: h.record.active and h.record.since is not None, "the recording")
    assert health.status_dict()["recording"]["active"] is True
    watch.wait(lambda h: h.record.timecode not in ("", "00:00:00.000"), "the recording's timecode")

    reply = follower.stop_recording().result(timeout=30)
    assert reply.ok
    watch.wait(lambda h: not h.record.active, "the recording to stop")
    recorded = Path(reply.data["outputPath"]) if reply.data and "outputPath" in reply.data else None
    files = [path for path in obs.home.iterdir() if path.suffix in (".mkv", ".mp4", ".flv")]
    assert files, f"no recording in {obs.home}"
    if recorded is not None:
        assert recorded in files
    assert all(path.stat().st_size > 0 for path in files)


def test_a_stream_that_cannot_start_is_a_problem_and_nothing_waits(obs, admin, follow, watch):
    service = {"server": "rtmp://127.0.0.1:9/live", "key": "test"}  # nothing listens on port 9
    admin.call("SetStreamServiceSettings", {"streamServiceType": "rtmp_custom", "streamServiceSettings": service})
    follower = follow()
    watch.wait(lambda h: h.connected, "the connection")
    reply = follower.start_stream().result(timeout=30)
    assert reply.ok  # OBS took the request; the output fails on its own thread
    health = watch.wait(lambda h: ProblemCode.STREAM_STOPPED in {p.code for p in h.problems}, "the failed stream")
    assert not health.stream.active
    assert "could not start" in next(p.text for p in health.problems if p.code is ProblemCode.STREAM_STOPPED)


@pytest.mark.skipif(not hasattr(socket, "TCP_QUICKACK"), reason="TCP_QUICKACK is Linux's")
def test_obs_answers_are_acknowledged_at_once(obs, admin, watch, monkeypatch):
    """obs-websocket sends with Nagle's algorithm: a scene change right after the health poll waited ~40 ms
    for our delayed ACK (benchmarks/obs.py). The follower's connection acknowledges each read at once: the
    socket's ACK state, read right after each of OBS's messages, is never "delayed" (TCP_QUICKACK 0)."""
    admin.ensure_scenes("Kamera", "Kamera 2", "Einspieler")
    states: list[int] = []

    def spy(connection: Any) -> bool:
        placed = ack_at_once(connection)
        sock, received = connection.transport.get_extra_info("socket"), connection.data_received

        def read(data: bytes) -> None:
            received(data)
            states.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK))

        connection.data_received = read
        return placed

    monkeypatch.setattr(follower_module, "ack_at_once", spy)
    follower = ObsFollower(obs.url, PASSWORD, on_health=watch, poll_s=0.2, backoff=FAST)
    follower.start()
    try:
        director = Director(follower)
        watch.wait(lambda h: h.connected and h.obs_version is not None, "the connection and its first poll")
        for step, scene in ((director.go, "Kamera"), (director.go, "Kamera 2"), (director.back, "Kamera")):
            assert follower.request("GetStats").result(timeout=10).ok  # as the poll does
            step()  # a GO right after an answer: the rhythm in which Linux delays its ACKs
            _on_program(watch, admin, scene)
    finally:
        follower.close()
    assert len(states) > 10
    assert 0 not in states


def test_the_link_hears_only_what_it_uses_and_polls_the_transition(obs, admin, watch, monkeypatch):
    """A cut sends three transition events and the technician's work in OBS many more: the link subscribes
    to OBS's General, Scenes and Outputs events only, and reads the transition's name in its poll."""
    admin.ensure_scenes("Kamera", "Kamera 2", "Einspieler")
    heard: list[str] = []
    original = ObsFollower._event

    def event(self: ObsFollower, event_type: str, data: dict[str, Any]) -> bool:
        heard.append(event_type)
        return original(self, event_type, data)

    monkeypatch.setattr(ObsFollower, "_event", event)
    follower = ObsFollower(obs.url, PASSWORD, on_health=watch, poll_s=0.2, backoff=FAST)
    follower.start()
    try:
        director = Director(follower)
        watch.wait(lambda h: h.transition == "Cut", "the transition from the poll")
        director.go()
        _on_program(watch, admin, "Kamera")
        admin.call("SetCurrentSceneTransition", {"transitionName": "Fade"})  # the technician, in OBS
        watch.wait(lambda h: h.transition == "Fade", "the new transition from the next poll")
        admin.call("CreateInput", _colour_input("Bauchbinde"))  # an input event OBS would send to all
        assert follower.request("GetVersion").result(timeout=10).ok  # what OBS sent before is in by now
    finally:
        follower.close()
    assert "CurrentProgramSceneChanged" in heard
    assert not [name for name in heard if "Transition" in name or name.startswith("Input")]


def _colour_input(name: str) -> dict[str, Any]:
    return {"sceneName": "Kamera", "inputName": name, "inputKind": "color_source_v3", "inputSettings": {}}
