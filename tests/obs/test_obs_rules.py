"""The scene rules without OBS: which scene a show state wants, who switched OBS, the show file's OBS fields."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import pytest

from presenter.obs import (
    ObsCue,
    ObsHealth,
    OutputHealth,
    cue_from_engine,
    cue_from_snapshot,
    obs_address,
    obs_password,
    start_follower,
)
from presenter.obs.follower import ObsFollower
from presenter.obs.health import LinkState, ObsProblem, ProblemCode, problem_changes
from presenter.obs.scenes import scenes_needed, wanted_scene
from presenter.obs.tracking import SceneTracker
from presenter.run.state import ClipState, Mode
from presenter.show import ShowFileError, load_show
from presenter.show.model import ObsScenes, SegmentKind

SCENES = ObsScenes(live="Kamera", clip="Einspieler", black="Schwarz", end="Abspann")


def cue(mode=Mode.ON_AIR, segment="a", kind=SegmentKind.LIVE, scene=None, clip=None, scenes=SCENES) -> ObsCue:
    return ObsCue(mode, segment, kind, scene, clip, scenes)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (cue(Mode.STANDBY, None, None), None),  # no standby scene named: OBS is left alone
        (cue(Mode.STANDBY, None, None, scenes=ObsScenes(standby="Countdown")), "Countdown"),
        (cue(), "Kamera"),
        (cue(scene="Kamera 2"), "Kamera 2"),
        (cue(kind=SegmentKind.CLIP, clip=ClipState.WAITING), "Einspieler"),
        (cue(kind=SegmentKind.CLIP, clip=ClipState.HELD), "Einspieler"),  # the last frame stays on air
        (cue(kind=SegmentKind.CLIP, clip=ClipState.BLACK), "Schwarz"),
        (cue(kind=SegmentKind.CLIP, clip=ClipState.FAILED, scene="Clip 2"), "Schwarz"),
        (cue(kind=SegmentKind.CLIP, clip=ClipState.BLACK, scenes=ObsScenes(clip="E")), "E"),  # no black: stays
        (cue(Mode.ENDED, None, None), "Abspann"),
        (cue(scenes=ObsScenes()), None),
    ],
)
def test_wanted_scene(given, expected):
    assert wanted_scene(given) == expected


def test_a_tick_keeps_a_manual_switch_and_the_next_transition_takes_over():
    tracker = SceneTracker()
    assert tracker.on_connect("Scene") is None  # nothing wanted yet
    assert tracker.cue(cue()) == "Kamera"
    tracker.sent("Kamera")
    tracker.program_changed("Kamera")
    assert not tracker.manual
    tracker.program_changed("Kamera 2")  # by hand
    assert tracker.manual
    assert tracker.cue(cue(clip=ClipState.PLAYING)) is None  # same segment, same scene: no transition
    assert tracker.cue(cue(segment="b")) == "Kamera"  # the next GO: OBS shows Kamera 2, so Kamera is set
    assert not tracker.manual


def test_quick_transitions_are_not_taken_for_manual_switches():
    tracker = SceneTracker()
    tracker.on_connect("Kamera")
    assert tracker.cue(cue()) is None  # OBS already shows it
    for segment, kind in (("b", SegmentKind.CLIP), ("c", SegmentKind.LIVE)):
        scene = tracker.cue(cue(segment=segment, kind=kind))
        assert scene is not None
        tracker.sent(scene)
    tracker.program_changed("Einspieler")
    tracker.program_changed("Kamera")
    assert not tracker.manual and tracker.program == "Kamera"


def test_reconnect_sets_the_wanted_scene_again_and_a_created_scene_is_set():
    tracker = SceneTracker()
    tracker.cue(cue(scene="Kamera 3"))  # not connected: nothing to send yet
    assert tracker.on_connect("Scene") == "Kamera 3"
    tracker.sent("Kamera 3")
    tracker.set_done("Kamera 3", missing=True)
    assert tracker.missing == "Kamera 3"
    assert tracker.scene_appeared("Anderes") is None
    assert tracker.scene_appeared("Kamera 3") == "Kamera 3"
    tracker.on_disconnect()
    assert tracker.on_connect("Kamera 3") is None


def test_cue_from_the_bundled_show_in_standby():
    show = load_show(Path(__file__).resolve().parents[2] / "assets" / "smart-rlp.yaml")
    from presenter.clock import FakeClock
    from presenter.run.engine import ShowEngine

    engine = ShowEngine(show, FakeClock(datetime(2021, 1, 19, 17, 0)))
    assert cue_from_snapshot(engine.snapshot()) == ObsCue(Mode.STANDBY)
    engine.go()
    assert cue_from_snapshot(engine.snapshot()) == ObsCue(Mode.ON_AIR, "welcome", SegmentKind.LIVE)


SHOW = """\
version: 1
title: T
date: 2021-01-19
start: "17:30"
end: "19:00"
obs:
  scenes: {live: Kamera, clip: Einspieler, black: Schwarz}
segments:
  - {title: Begrüßung, duration: "5:00"}
  - {title: Talk, duration: "5:00", obs_scene: Kamera 2}
  - {title: Clip, kind: clip, clip: a.mp4, obs_scene: Einspieler}
"""


def test_the_show_file_names_obs_scenes(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_text(SHOW, encoding="utf-8")
    show = load_show(path)
    assert show.obs == ObsScenes(live="Kamera", clip="Einspieler", black="Schwarz")
    assert [segment.obs_scene for segment in show.segments] == [None, "Kamera 2", "Einspieler"]
    assert scenes_needed(show) == ("Kamera", "Einspieler", "Schwarz", "Kamera 2")


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        ("black: Schwarz}", 'show.yaml:7:44: unknown key "blak" in obs: scenes; did you mean "black"?'),
        ("obs_scene: Kamera 2}", 'show.yaml:10:48: "obs_scene" is empty'),
    ],
)
def test_obs_mistakes_in_the_show_file_are_located(tmp_path, replace, message):
    path = tmp_path / "show.yaml"
    broken = "blak: Schwarz}" if replace.startswith("black") else 'obs_scene: ""}'
    path.write_text(SHOW.replace(replace, broken), encoding="utf-8")
    with pytest.raises(ShowFileError) as error:
        load_show(path)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("127.0.0.1:4455", "ws://127.0.0.1:4455"),
        ("ws://obs-pc:4460", "ws://obs-pc:4460"),
        ("obs-pc", "ws://obs-pc:4455"),
    ],
)
def test_obs_address(text, url):
    assert obs_address(text) == url


@pytest.mark.parametrize("text", ["http://x:1", "x:0", "x:70000", "", "a b"])
def test_a_wrong_obs_address_is_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        obs_address(text)


def test_the_password_comes_from_the_environment_else_the_settings():
    assert obs_password("aus-den-einstellungen", {}) == "aus-den-einstellungen"
    assert obs_password("aus-den-einstellungen", {"PRESENTER_OBS_PASSWORD": "env"}) == "env"
    assert obs_password(None, {}) == ""


def test_status_dict_keys():
    since = datetime(2021, 1, 19, 17, 30)
    health = ObsHealth(
        enabled=True,
        address="ws://127.0.0.1:4455",
        state=LinkState.CONNECTED,
        program_scene="Kamera",
        stream=OutputHealth(active=True, since=since, timecode="00:01:00.000"),
        problems=(ObsProblem(ProblemCode.STREAM_RECONNECTING, "Stream interrupted — OBS is reconnecting", since),),
    )
    status = health.status_dict()
    assert status["connected"] is True
    assert status["streaming"]["since"] == "2021-01-19T17:30:00"
    text = "Stream interrupted — OBS is reconnecting"
    assert status["problems"] == [{"code": "stream_reconnecting", "text": text, "since": "2021-01-19T17:30:00"}]
    assert set(status) >= {"state", "program_scene", "wanted_scene", "manual", "recording", "render_skipped_frames"}


def test_problem_changes_for_the_as_run_log():
    since = datetime(2021, 1, 19, 17, 30)
    lost = ObsProblem(ProblemCode.CONNECTION_LOST, "Connection to OBS lost — reconnecting", since)
    manual = ObsProblem(ProblemCode.MANUAL_SCENE, "OBS: Kamera 2 — manual", since)
    before, after = ObsHealth(problems=(lost,)), ObsHealth(problems=(manual,))
    assert problem_changes(before, after) == ((manual,), (lost,))
    assert problem_changes(after, after) == ((), ())


def test_a_follower_never_started_closes_quietly():
    follower = ObsFollower("ws://127.0.0.1:9")
    follower.follow(ObsCue(Mode.STANDBY))
    follower.close()
    assert follower.health().state is LinkState.CONNECTING
    assert not follower.start_stream().result(timeout=1).ok


def test_odd_answers_from_obs_are_read_safely():
    follower = ObsFollower("ws://127.0.0.1:9", now=lambda: datetime(2021, 1, 19, 17, 30))
    try:
        assert not follower._event("CurrentProgramSceneChanged", {"sceneName": None})
        assert follower._event("StreamStateChanged", {"outputState": 7})
        odd = {"outputActive": "yes", "outputCongestion": "x", "outputSkippedFrames": -3, "outputTimecode": 5}
        output = follower._polled(OutputHealth(), odd)
        assert output == OutputHealth()
        too_big = {"outputActive": True, "outputCongestion": 1e300, "outputDuration": 1e300}
        huge = follower._polled(OutputHealth(), too_big)
        assert huge.active and huge.congestion == 0.0 and huge.since == datetime(2021, 1, 19, 17, 30)
    finally:
        follower.close()


def test_without_obs_flag_there_is_no_follower():
    assert start_follower(None, "pw") is None


def test_edits_in_the_app_keep_the_obs_scenes(tmp_path):
    from presenter.show.editing import journal_record, show_from_record, update_segment, update_show

    path = tmp_path / "show.yaml"
    path.write_text(SHOW, encoding="utf-8")
    show = load_show(path)
    edited = update_show(update_segment(show, 0, {"title": "Hallo"}), {"title": "Neu"})
    assert edited.obs == show.obs
    assert [segment.obs_scene for segment in edited.segments] == [None, "Kamera 2", "Einspieler"]
    replayed = show_from_record(journal_record(edited), path)  # crash recovery replays the edit
    assert replayed.obs == show.obs and replayed.segments[1].obs_scene == "Kamera 2"


def test_the_cue_read_from_the_engine_is_the_snapshots_in_every_state():
    """The app hands OBS `cue_from_engine` (no snapshot built before OBS cuts); it must say what the snapshot says."""
    from presenter.clock import FakeClock
    from presenter.run.engine import ShowEngine

    show = load_show(Path(__file__).resolve().parents[2] / "assets" / "smart-rlp.yaml")
    clock = FakeClock(datetime(2021, 1, 19, 17, 29))
    engine = ShowEngine(show, clock)
    seen = set()
    for _ in range(len(show.segments) + 1):
        assert cue_from_engine(engine) == cue_from_snapshot(engine.snapshot())
        current = engine.snapshot().current
        if current is not None and current.segment.is_clip:
            engine.clip_progress(current.segment.id, 0.2, 60.0, True)
            assert cue_from_engine(engine) == cue_from_snapshot(engine.snapshot())
            engine.panic()
            assert cue_from_engine(engine) == cue_from_snapshot(engine.snapshot())
        seen.add(engine.mode)
        clock.advance(1.0)
        engine.go()
    assert cue_from_engine(engine) == cue_from_snapshot(engine.snapshot())
    assert seen == {Mode.STANDBY, Mode.ON_AIR}
