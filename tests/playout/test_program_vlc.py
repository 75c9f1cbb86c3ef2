"""ProgramPlayout with the real libVLC and real files, without a window (``--vout=dummy``).

The picture itself is checked under Xvfb in tests/ui/test_program_output.py.
"""

from __future__ import annotations

import shutil
import threading

import pytest
from playout_helpers import CLIPS_DIR as CLIPS
from playout_helpers import MEDIA, SHORT_OK, settled

from presenter.playout.program import OutputState, ProgramPlayout

pytestmark = pytest.mark.vlc

ARGS = ["--aout=adummy"]


@pytest.fixture
def po(qtbot):
    p = ProgramPlayout(None, ARGS, start_timeout_s=3.0)
    assert p.playable, p.unplayable_reason
    yield p
    assert p.shutdown(3.0)


def arm(qtbot, po, seg, path, end_action="next"):
    with qtbot.waitSignal(po.armed, timeout=3000) as sig:
        po.arm(seg, path, end_action)
    assert sig.args == [seg]
    return path


@pytest.mark.parametrize(
    ("clip", "end_action", "state"),
    [
        ("fifty-fps.mp4", "next", OutputState.HELD),
        ("vp9.webm", "hold", OutputState.HELD),
        ("odd-size.mp4", "black", OutputState.BLACK),
    ],
)
def test_armed_clip_plays_to_its_end(qtbot, po, clip, end_action, state):
    path = arm(qtbot, po, "s1", MEDIA / clip, end_action)
    st = po.status()
    assert st.state is OutputState.ARMED and st.armed_segment_id == "s1"
    with qtbot.waitSignal(po.clip_started, timeout=1000):
        po.take("s1", path, end_action)
    st = po.status()
    assert st.state is OutputState.PLAYING and st.segment_id == "s1"
    assert st.duration_s == pytest.approx(2.0, abs=0.01)
    with qtbot.waitSignal(po.clip_ended, timeout=4000) as ended:
        pass
    assert ended.args == ["s1"]
    st = po.status()
    assert st.state is state
    if state is OutputState.HELD:
        assert st.segment_id == "s1" and st.position_s == pytest.approx(st.duration_s, abs=0.01)


def test_cold_start_next_clip_then_cut_to_an_armed_one(qtbot, po):
    starts = []
    po.clip_started.connect(starts.append)
    with qtbot.waitSignal(po.clip_started, timeout=2000):
        po.take("cold", MEDIA / "vertical.mp4", "next")
    arm(qtbot, po, "warm", SHORT_OK)
    assert po.status().armed_segment_id == "warm"
    with qtbot.waitSignal(po.clip_started, timeout=1000):
        po.take("warm", SHORT_OK, "next")
    assert starts == ["cold", "warm"]
    assert po.status().segment_id == "warm"
    qtbot.waitUntil(lambda: len(po.stop_durations_ms) >= 1, timeout=2000)  # the old one stopped off-thread


def test_pause_resume_restart_panic(qtbot, po):
    ended = []
    po.clip_ended.connect(ended.append)
    stopped = []
    po.add_panic_listener(lambda: stopped.append("preview"))
    path = arm(qtbot, po, "s", SHORT_OK)
    with qtbot.waitSignal(po.clip_started, timeout=1000):
        po.take("s", path, "next")
    qtbot.waitUntil(lambda: po.status().position_s > 0.5, timeout=5000)
    po.pause()
    assert po.status().state is OutputState.PAUSED
    frozen = settled(qtbot, lambda: po.status().position_s)
    assert frozen > 0.4
    qtbot.wait(400)  # an observation window: nothing may move while paused
    assert po.status().position_s == pytest.approx(frozen, abs=0.001)
    assert ended == []  # a requested pause is not the end
    po.resume()
    qtbot.waitUntil(lambda: po.status().position_s > frozen + 0.25, timeout=5000)
    assert po.status().state is OutputState.PLAYING
    po.restart()
    qtbot.waitUntil(lambda: po.status().position_s < 0.6, timeout=5000)
    qtbot.waitUntil(lambda: po.status().position_s > 0.1, timeout=5000)  # it plays again from the start
    po.panic()
    st = po.status()
    assert st.state is OutputState.BLACK and st.message == "stopped (panic)"
    assert stopped == ["preview"]
    qtbot.wait(200)  # an observation window: a panic is not told as the clip's end
    assert ended == []


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("zero-bytes", "file is empty (0 bytes)"),
        ("truncated", "cannot be decoded: truncated"),
        ("text-as-mp4", "not a video file"),
        ("missing", "file is missing"),
        ("audio-only", "no video track (audio only)"),
    ],
)
def test_bad_files_fail_at_arm_and_at_take_and_the_next_go_works(qtbot, po, faults, fault, message):
    path = faults.get(fault, MEDIA / "audio-only.m4a")
    with qtbot.waitSignal(po.clip_failed, timeout=3000) as sig:
        po.arm("bad", path, "next")
    assert sig.args[0] == "bad" and sig.args[1].startswith(message), sig.args
    with qtbot.waitSignal(po.clip_failed, timeout=3000) as sig:
        po.take("bad", path, "next")
    assert sig.args[1].startswith(message)
    st = po.status()
    assert st.state is OutputState.ERROR and st.segment_id == "bad" and message in st.message
    with qtbot.waitSignal(po.clip_started, timeout=2000):
        po.take("good", MEDIA / "fifty-fps.mp4", "next")
    assert po.status().message is None


def test_file_deleted_between_arm_and_take(qtbot, po, tmp_path):
    path = tmp_path / "clip.mp4"
    shutil.copy(SHORT_OK, path)
    arm(qtbot, po, "s", path)
    path.unlink()
    with qtbot.waitSignal(po.clip_failed, timeout=1000) as sig:
        po.take("s", path, "next")
    assert sig.args == ["s", f"file is missing: {path}"]
    assert po.status().state is OutputState.ERROR


def test_file_replaced_between_arm_and_take(qtbot, po, tmp_path):
    path = tmp_path / "clip.mp4"
    shutil.copy(SHORT_OK, path)
    arm(qtbot, po, "s", path)
    shutil.copy(MEDIA / "fifty-fps.mp4", path)  # same name, other content
    with qtbot.waitSignals([po.clip_warning, po.clip_started], timeout=2000):
        po.take("s", path, "next")
    st = po.status()
    assert st.state is OutputState.PLAYING and "changed on disk" in st.message
    qtbot.waitUntil(lambda: po.status().duration_s is not None, timeout=1000)
    assert po.status().duration_s == pytest.approx(2.0, abs=0.01)  # the new file plays


def test_unicode_file_name(qtbot, po):
    arm(qtbot, po, "ü", MEDIA / "Umlaut Clip – Straße.mp4")


def test_libvlc_missing_makes_every_clip_unplayable(qtbot, no_libvlc):
    po = ProgramPlayout(None, ARGS)
    try:
        assert not po.playable
        assert po.unplayable_reason.startswith("libVLC 3 is not installed")
        with qtbot.waitSignal(po.clip_failed, timeout=1000) as sig:
            po.take("s", SHORT_OK, "next")
        assert sig.args[1].startswith("libVLC 3 is not installed")
        st = po.status()
        assert st.state is OutputState.ERROR and "libVLC 3 is not installed" in st.message
        po.go_black()  # live segments go on
        assert po.status().state is OutputState.BLACK
    finally:
        assert po.shutdown()


def test_libvlc_is_only_called_on_the_control_thread(qtbot, monkeypatch):
    from presenter.playout import vlc as vlc_adapter

    vlc = vlc_adapter.loader._vlc()
    threads: set[int] = set()
    for cls, names in (
        (vlc.MediaPlayer, ("play", "stop", "set_pause", "set_time", "set_media", "release", "set_xwindow")),
        (vlc.Instance, ("media_player_new", "media_new_path")),
    ):
        for name in names:
            original = getattr(cls, name)

            def spy(self, *a, _original=original, **k):
                threads.add(threading.get_ident())
                return _original(self, *a, **k)

            monkeypatch.setattr(cls, name, spy)
    po = ProgramPlayout(None, ARGS)
    try:
        arm(qtbot, po, "a", SHORT_OK)
        with qtbot.waitSignal(po.clip_started, timeout=1000):
            po.take("a", SHORT_OK, "next")
        po.pause()
        po.resume()
        po.restart()
        arm(qtbot, po, "b", MEDIA / "fifty-fps.mp4")
        po.take("b", MEDIA / "fifty-fps.mp4", "next")
        po.go_black()
    finally:
        control = po.backend.control_thread_ident
        assert po.shutdown(3.0)
    assert threads == {control}
    assert threading.get_ident() not in threads


@pytest.mark.parametrize("overwrite", ["other clip", "garbage"])
def test_clip_overwritten_in_place_while_on_air_is_told_and_stays_on_air(qtbot, po, tmp_path, overwrite):
    """Issue 16 #8: ``cp other.mp4 onair.mp4`` while it plays. On this libVLC the clock runs on over
    the new bytes (the picture breaks up or freezes); the change is told within 2 s, no cut to black."""
    import time

    path = tmp_path / "onair.mp4"
    shutil.copy(CLIPS / "minimogli.mp4", path)
    warnings, failed = [], []
    po.clip_warning.connect(lambda seg, msg: warnings.append((time.monotonic(), seg, msg)))
    po.clip_failed.connect(lambda seg, msg: failed.append(msg))
    arm(qtbot, po, "m", path)
    with qtbot.waitSignal(po.clip_started, timeout=1000):
        po.take("m", path, "next")
    qtbot.waitUntil(lambda: po.status().position_s > 1.0, timeout=5000)  # playing before the file changes
    assert warnings == []
    if overwrite == "garbage":
        path.write_bytes(b"\x00garbage" * 300_000)
    else:
        shutil.copyfile(CLIPS / "autonomous-driving.mp4", path)
    t0 = time.monotonic()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)  # 2 s is the goal; the hang guard is generous
    delay = warnings[0][0] - t0
    print(f"overwrite told after {delay * 1000:.0f} ms")
    assert warnings[0][1] == "m"
    assert warnings[0][2].startswith('clip "onair.mp4" changed on disk while on air (at 0:0')
    st = po.status()
    assert st.state is OutputState.PLAYING and st.segment_id == "m" and "changed on disk" in st.message
    assert failed == []


@pytest.fixture
def http_server():
    """A web server on 127.0.0.1 that counts the requests it gets (and answers 404)."""
    import http.server

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_a_playlist_named_like_a_clip_is_refused_and_fetches_nothing(qtbot, po, tmp_path, http_server):
    """Issue 16 #9: a text HLS playlist saved as clip.mp4 put a remote stream on air."""
    from playout_helpers import media_faults

    base, requests = http_server
    path = media_faults.make_hls_playlist_as_mp4(tmp_path, f"{base}/x.ts")
    with qtbot.waitSignal(po.clip_failed, timeout=3000) as sig:
        po.arm("p", path, "next")
    assert sig.args[0] == "p" and sig.args[1].startswith("not a video file: it is a playlist"), sig.args
    with qtbot.waitSignal(po.clip_failed, timeout=3000) as sig:
        po.take("p", path, "next")
    assert sig.args[1].startswith("not a video file: it is a playlist")
    assert po.status().state is OutputState.ERROR
    qtbot.wait(1500)  # an observation window: nothing may be fetched
    assert requests == []


@pytest.mark.parametrize("content", ["hls", "m3u", "link"])
def test_libvlc_itself_opens_no_network_input_for_a_clip(qtbot, tmp_path, http_server, content):
    """Without the file check: the player's own media options keep libVLC from opening the URLs."""
    from playout_helpers import media_faults

    from presenter.playout.vlc import Ev, VlcBackend

    base, requests = http_server
    if content == "hls":
        path = media_faults.make_hls_playlist_as_mp4(tmp_path, f"{base}/x.ts")
    else:
        path = tmp_path / "clip.mp4"
        path.write_text(f"#EXTM3U\n{base}/y.mp4\n" if content == "m3u" else f"{base}/z.mp4\n", encoding="utf-8")
    events: list[tuple[str, object]] = []
    backend = VlcBackend([*ARGS, "--vout=dummy"], lambda tok, kind, value: events.append((kind, value)))
    try:
        assert backend.ok, backend.message
        backend.open(1, path, window=None, start_paused=False, hold_at_end=True)
        qtbot.wait(2000)  # an observation window: nothing may be fetched
        assert requests == [], events
        assert not any(k == Ev.ES_ADDED for k, _ in events)  # nothing to play
    finally:
        assert backend.shutdown(3.0)


def test_a_clip_resumed_paused_part_way_in_stays_paused(qtbot, po):
    """Issue 16 #5: after a crash the controller calls take(start_at_s=...) then pause() at once."""
    clip = CLIPS / "minimogli.mp4"
    with qtbot.waitSignal(po.clip_started, timeout=3000):
        po.take("m", clip, "next", start_at_s=34.0)
        po.pause()
    position = settled(qtbot, lambda: po.status().position_s)
    st = po.status()
    assert st.state is OutputState.PAUSED and st.position_s == pytest.approx(34.0, abs=0.3)
    qtbot.wait(500)  # an observation window: nothing may move while paused
    assert po.status().position_s == position  # it does not play on
    po.resume()
    qtbot.waitUntil(lambda: po.status().position_s > 34.3, timeout=5000)
    assert po.status().state is OutputState.PLAYING


def test_a_clip_that_plays_normally_is_never_told_stalled(qtbot, po):
    """No false alarm: playing, pausing for longer than the stall time, and the end are not a stall."""
    warnings = []
    po.clip_warning.connect(lambda seg, msg: warnings.append(msg))
    arm(qtbot, po, "s", SHORT_OK)
    with qtbot.waitSignal(po.clip_started, timeout=1000):
        po.take("s", SHORT_OK, "hold")
    qtbot.waitUntil(lambda: po.status().position_s > 0.5, timeout=5000)
    po.pause()
    qtbot.wait(2000)  # an observation window: longer than the stall time, and no stall may be told
    po.resume()
    with qtbot.waitSignal(po.clip_ended, timeout=4000):
        pass
    qtbot.wait(2000)  # an observation window: held on the last frame, no stall told
    assert po.status().state is OutputState.HELD
    assert warnings == []
