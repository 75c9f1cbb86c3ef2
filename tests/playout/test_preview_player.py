"""The preview player with the real libVLC and real files, without a window (``--vout=dummy``).

Sound goes to ALSA "null" devices described in a test ALSA configuration (``ALSA_CONFIG_PATH``), so
that libVLC really enumerates, switches and reports audio output devices on a machine without a
sound card. The picture in a real window is checked in tests/ui/test_preview_window.py.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from playout_helpers import CLIPS_DIR, MEDIA, SHORT_OK

from presenter.playout import preview as pv
from presenter.playout.preview import PreviewPlayer
from presenter.playout.program import ProgramPlayout

pytestmark = pytest.mark.vlc


@pytest.fixture
def player(qtbot, settings):
    p = PreviewPlayer(settings, None, ["--aout=adummy"], load_timeout_s=3.0)
    assert p.ok, p.message
    yield p
    assert p.shutdown(3.0)


def load(qtbot, p: PreviewPlayer, path: Path, state: str = pv.PAUSED) -> None:
    p.load(path)
    qtbot.waitUntil(lambda: p.state in (state, pv.ERROR), timeout=4000)
    assert p.state == state, p.state


def test_load_play_pause_seek_step_and_the_last_seconds(qtbot, player):
    positions = []
    player.position_changed.connect(lambda pos, dur: positions.append((pos, dur)))
    load(qtbot, player, SHORT_OK)
    qtbot.waitUntil(lambda: player.duration is not None, timeout=1000)
    assert player.duration == pytest.approx(3.0, abs=0.05)
    assert player.position() == 0.0 and player.has_video

    player.play()
    assert player.state == pv.PLAYING
    qtbot.waitUntil(lambda: player.position() > 0.3, timeout=5000)
    assert player.position() < 1.2  # the first reading past 0.3 s: it does not jump ahead
    player.pause()
    frozen = player.position()
    qtbot.wait(300)  # an observation window: nothing may move while paused
    assert player.state == pv.PAUSED and player.position() == pytest.approx(frozen, abs=1e-6)

    player.seek(2.0)  # paused: shows that picture, stays paused
    assert player.state == pv.PAUSED and player.position() == pytest.approx(2.0)
    player.step_frame()
    assert player.position() == pytest.approx(2.04, abs=1e-6)  # one frame at 25 fps
    player.step_frame()
    assert player.position() == pytest.approx(2.08, abs=1e-6)

    player.jump_to_end(1.0)
    assert player.state == pv.PLAYING and player.position() == pytest.approx(2.0, abs=0.05)
    qtbot.waitUntil(lambda: player.state == pv.ENDED, timeout=2500)
    assert player.position() == pytest.approx(3.0, abs=0.05)  # on the last frame

    player.play()  # from the start again
    qtbot.waitUntil(lambda: 0.05 < player.position() < 2.0, timeout=5000)
    assert player.state == pv.PLAYING and player.position() < 0.8
    assert positions and all(dur in (0.0, pytest.approx(3.0, abs=0.05)) for _, dur in positions)

    player.toggle()
    assert player.state == pv.PAUSED
    player.stop()
    assert player.state == pv.STOPPED and player.token is None


def test_frame_steps_then_play_goes_on_from_the_stepped_frame(qtbot, player):
    load(qtbot, player, CLIPS_DIR / "minimogli.mp4")
    player.play()
    qtbot.waitUntil(lambda: player.position() > 0.5, timeout=5000)
    player.step_frame()  # pauses first
    assert player.state == pv.PAUSED
    start = player.position()
    assert start * 25 == pytest.approx(round(start * 25), abs=1e-6)  # on a frame
    for n in range(1, 5):
        player.step_frame()
        qtbot.waitUntil(lambda n=n: player.position() == pytest.approx(start + n * 0.04, abs=1e-6), timeout=5000)
    assert player.position() == pytest.approx(start + 4 * 0.04, abs=1e-6)
    stepped = player.position()
    player.play()  # libVLC 3 would jump ~1 s ahead here without the seek after resuming
    qtbot.waitUntil(lambda: player.position() > stepped + 0.4, timeout=5000)
    player.pause()
    assert player.position() < stepped + 1.2  # the first reading past +0.4 s: no jump of ~1 s


def test_play_before_the_first_picture_and_seek_while_loading(qtbot, player):
    player.load(CLIPS_DIR / "minimogli.mp4")
    assert player.state == pv.LOADING
    player.seek(30.0)
    player.play()
    qtbot.waitUntil(lambda: player.state == pv.PLAYING, timeout=3000)
    qtbot.waitUntil(lambda: player.position() > 30.2, timeout=5000)
    assert player.position() < 31.5  # the first reading past 30.2 s: it went on from the seek


GOOD = [
    # file, duration, warning-free?
    ("vertical.mp4", 2.0),
    ("fifty-fps.mp4", 2.0),
    ("vp9.webm", 2.0),
    ("odd-size.mp4", 2.0),
    ("Umlaut Clip – Straße.mp4", 3.0),
]


@pytest.mark.parametrize(("name", "duration"), GOOD)
def test_odd_but_playable_files_load_and_play(qtbot, player, name, duration):
    problems = []
    player.problem.connect(problems.append)
    load(qtbot, player, MEDIA / name)
    qtbot.waitUntil(lambda: player.duration is not None, timeout=1000)
    assert player.duration == pytest.approx(duration, abs=0.05)
    assert player.has_video and problems == []
    player.play()
    qtbot.waitUntil(lambda: player.position() > 0.1, timeout=5000)
    assert player.state == pv.PLAYING


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("zero-bytes", "file is empty (0 bytes)"),
        ("truncated", "cannot be decoded: truncated"),
        ("text-as-mp4", "not a video file"),
        ("missing", "file not found"),
    ],
)
def test_broken_files_say_why_and_the_next_clip_loads(qtbot, player, faults, fault, message):
    with qtbot.waitSignal(player.problem, timeout=4000) as sig:
        player.load(faults[fault])
    assert sig.args[0].startswith(message), sig.args
    assert player.state == pv.ERROR and player.token is None
    player.play()  # nothing to play: no crash, no change
    player.seek(1.0)
    player.step_frame()
    assert player.state == pv.ERROR
    load(qtbot, player, SHORT_OK)


def test_audio_only_file_is_loaded_with_a_plain_problem(qtbot, player):
    with qtbot.waitSignal(player.problem, timeout=3000) as sig:
        player.load(MEDIA / "audio-only.m4a")
    assert sig.args[0].startswith("no video track (audio only)")
    assert player.state == pv.PAUSED and not player.has_video


def test_volume_and_mute_reach_libvlc_and_the_volume_is_remembered(qtbot, settings, alsa_devices):
    player = PreviewPlayer(settings, None, alsa_devices)  # adummy has no volume
    try:
        _volume_and_mute(qtbot, player, settings)
    finally:
        assert player.shutdown(3.0)


def _volume_and_mute(qtbot, player, settings):
    load(qtbot, player, SHORT_OK)
    player.set_volume(35)
    player.set_muted(True)
    state = player.audio_state()
    assert state.volume == 35 and state.muted
    player.set_muted(False)
    player.set_volume(150)  # clamped
    state = player.audio_state()
    assert state.volume == 100 and not state.muted
    load(qtbot, player, MEDIA / "fifty-fps.mp4")  # a new libVLC player: volume applied again
    assert player.audio_state().volume == 100
    assert int(settings.value(pv.SETTING_VOLUME)) == 100


def test_audio_devices_are_listed_chosen_confirmed_and_remembered(qtbot, settings, alsa_devices):
    p = PreviewPlayer(settings, None, alsa_devices)
    try:
        devices = dict(p.audio_devices())
        assert devices["headphones"] == "Test headphones" and "monitorspk" in devices
        with qtbot.waitSignal(p.audio_devices_changed, timeout=2000) as listed:
            p.refresh_audio_devices()
        assert dict(listed.args[0]) == devices

        p.set_audio_device("headphones")  # before any clip: applied after the load
        with qtbot.waitSignal(p.audio_device_changed, timeout=3000) as confirmed:
            p.load(SHORT_OK)
        assert confirmed.args == ["headphones", True]
        assert p.audio_device_confirmed and not p.safety_muted
        assert p.audio_state().device == "headphones"

        p.play()  # re-applied after play() and checked again
        qtbot.waitUntil(lambda: p.state == pv.PLAYING, timeout=1000)
        qtbot.waitUntil(lambda: p.audio_state() == pv.AudioState(p.volume, False, "headphones"), timeout=5000)

        with qtbot.waitSignal(p.audio_device_changed, timeout=3000) as confirmed:
            p.set_audio_device("monitorspk")  # while playing
        assert confirmed.args == ["monitorspk", True]
        assert p.audio_state().device == "monitorspk" and p.state == pv.PLAYING

        with qtbot.waitSignal(p.audio_device_changed, timeout=3000):
            p.load(MEDIA / "vp9.webm")  # libVLC 3 starts a new media on the default device
        assert p.audio_state().device == "monitorspk"
    finally:
        assert p.shutdown(3.0)
    again = PreviewPlayer(settings, None, alsa_devices)
    try:
        assert again.audio_device == "monitorspk"
    finally:
        assert again.shutdown(3.0)


def test_a_device_that_is_not_there_keeps_the_preview_muted(qtbot, settings, alsa_devices):
    p = PreviewPlayer(settings, None, alsa_devices)
    try:
        p.set_audio_device("usb-headset-unplugged")
        with qtbot.waitSignal(p.problem, timeout=3000) as sig:
            p.load(SHORT_OK)
        assert "usb-headset-unplugged" in sig.args[0] and "muted" in sig.args[0]
        assert p.safety_muted and not p.audio_device_confirmed
        assert p.audio_state().muted
        p.play()
        qtbot.waitUntil(lambda: p.position() > 0.1, timeout=5000)
        assert p.audio_state().muted  # playing, and still silent
        with qtbot.waitSignal(p.audio_device_changed, timeout=3000) as confirmed:
            p.set_audio_device("headphones")
        assert confirmed.args == ["headphones", True]
        assert not p.audio_state().muted
    finally:
        assert p.shutdown(3.0)


def test_own_libvlc_instance_and_thread_and_panic_stops_it(qtbot, player):
    po = ProgramPlayout(None, ["--aout=adummy"])
    try:
        assert po.backend is not player.backend
        assert player.backend.control_thread_ident not in (po.backend.control_thread_ident, threading.get_ident())
        assert player.backend._instance is not po.backend._instance
        po.add_panic_listener(player.stop)
        load(qtbot, player, SHORT_OK)
        player.play()
        with qtbot.waitSignal(player.state_changed, timeout=1000) as sig:
            po.panic()
        assert sig.args == [pv.STOPPED] and player.token is None
    finally:
        assert po.shutdown(3.0)


def test_without_libvlc_the_player_says_so(qtbot, settings, no_libvlc):
    p = PreviewPlayer(settings, None)
    try:
        assert not p.ok
        with qtbot.waitSignal(p.problem, timeout=1000) as sig:
            p.load(SHORT_OK)
        assert sig.args[0].startswith("libVLC 3 is not installed")
        assert p.state == pv.ERROR
        assert p.audio_devices() == []
        p.play()
        p.stop()
    finally:
        assert p.shutdown()
