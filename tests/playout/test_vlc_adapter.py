"""The libVLC adapter: status, missing/old/broken libVLC, the control thread."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import types

import pytest
from playout_helpers import SHORT_OK

from presenter.playout import vlc as vlc_adapter
from presenter.playout.vlc import ControlThread, Ev, VlcBackend, vlc_status


@pytest.mark.vlc
def test_status_with_libvlc_3():
    ok, message = vlc_status()
    assert ok, message
    assert message.startswith("libVLC 3.")


def test_missing_libvlc_is_a_plain_message(no_libvlc):
    ok, message = vlc_status()
    assert not ok
    assert message == (
        "libVLC 3 is not installed: install VLC 3 (Debian: apt install libvlc5 vlc-plugin-base "
        "vlc-plugin-video-output). Clip segments cannot play."
    )
    backend = VlcBackend([], lambda *a: None)
    assert not backend.ok and backend.message == message
    backend.open(1, "x.mp4", window=None, start_paused=True, hold_at_end=True)  # a no-op, no crash
    assert backend.shutdown()


def test_missing_libvlc_via_environment_variable():
    code = (
        "from presenter.playout.vlc import vlc_status; ok, m = vlc_status(); "
        "print(ok); print(m); import sys; print('vlc' in sys.modules)"
    )
    env = {"PRESENTER_SIMULATE_NO_LIBVLC": "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    lines = out.stdout.splitlines()
    assert lines[0] == "False", out.stderr
    assert lines[1].startswith("libVLC 3 is not installed")
    assert lines[2] == "False"


def test_python_vlc_exiting_on_a_bad_library_path_is_caught():
    def loader():
        raise SystemExit(1)  # python-vlc calls sys.exit() on a bad PYTHON_VLC_LIB_PATH

    vlc_adapter.set_vlc_loader(loader)
    try:
        assert vlc_status()[0] is False
    finally:
        vlc_adapter.set_vlc_loader(None)


def test_libvlc_too_old():
    fake = types.SimpleNamespace(libvlc_get_version=lambda: b"2.2.8 Weatherwax")
    vlc_adapter.set_vlc_loader(lambda: fake)
    try:
        ok, message = vlc_status()
        assert not ok
        assert message.startswith("libVLC 2.2.8 is not supported, libVLC 3 is needed")
    finally:
        vlc_adapter.set_vlc_loader(None)


@pytest.mark.vlc
def test_instance_none_on_a_bad_option_is_reported():
    backend = VlcBackend(["--this-option-does-not-exist"], lambda *a: None)
    try:
        assert not backend.ok
        assert "could not start" in backend.message and "Clip segments cannot play" in backend.message
    finally:
        backend.shutdown()


def test_control_thread_runs_urgent_jobs_first_and_in_order():
    ct = ControlThread("test-control")
    gate = threading.Event()
    order = []
    ct.submit(gate.wait, 5)
    for i in range(3):
        ct.submit(order.append, f"n{i}")
    for i in range(2):
        ct.submit(order.append, f"u{i}", urgent=True)
    gate.set()
    assert ct.submit(threading.get_ident).result(5) == ct.ident != threading.get_ident()
    assert order == ["u0", "u1", "n0", "n1", "n2"]
    failing = ct.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result(5)
    assert ct.submit(lambda: "alive").result(5) == "alive"
    assert ct.stop(2.0)


@pytest.mark.vlc
def test_backend_plays_and_closes_on_its_own_thread():
    events = []
    threads = set()

    def sink(token, kind, value):
        events.append((token, kind, value))
        threads.add(threading.current_thread().name)

    backend = VlcBackend(["--vout=dummy", "--aout=adummy"], sink)
    assert backend.ok, backend.message
    backend.open(7, SHORT_OK, window=None, start_paused=True, hold_at_end=True)
    until(lambda: (7, Ev.PAUSED, None) in events)
    assert (7, Ev.ES_ADDED, "video") in events
    assert (7, Ev.ES_ADDED, "audio") in events
    assert (7, Ev.LENGTH, 3000) in events
    backend.show_first_frame(7)
    until(lambda: any(k == Ev.VOUT and v for _, k, v in events))
    assert any(k == Ev.VOUT and v == 1 for _, k, v in events)
    backend.close(7)  # stop() runs on the control thread: the CLOSED event comes from there
    until(lambda: any(k == Ev.CLOSED for _, k, _v in events))
    assert threading.current_thread().name not in threads
    assert backend.shutdown(3.0)


def until(condition, timeout=30.0):
    """Wait for `condition` (polled; the timeout is only a hang guard)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.mark.vlc
def test_an_urgent_close_that_overtakes_the_open_cancels_it():
    events = []
    backend = VlcBackend(["--vout=dummy", "--aout=adummy"], lambda t, k, v: events.append((t, k)))
    try:
        gate = threading.Event()
        backend.call(gate.wait, 5)  # the control thread is busy (e.g. a slow stop())
        backend.open(3, SHORT_OK, window=None, start_paused=False, hold_at_end=True)
        backend.close(3, urgent=True)  # panic right after GO
        gate.set()
        assert backend.call(lambda: None).result(5) is None
        until(lambda: (3, Ev.CLOSED) in events)
        assert (3, Ev.PLAYING) not in events and (3, Ev.OPENING) not in events
        assert backend.call(lambda: len(backend._players)).result(5) == 0
    finally:
        backend.shutdown()


def test_only_the_adapter_imports_vlc():
    import re
    from pathlib import Path

    import presenter

    pattern = re.compile(r"^\s*(import vlc\b|from vlc\b)", re.MULTILINE)
    offenders = [
        p.name
        for p in Path(presenter.__file__).parent.rglob("*.py")
        if p != Path(presenter.__file__).parent / "playout" / "vlc" / "loader.py"
        and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_players_drawing_into_x11_windows_do_not_use_opengl():
    from presenter.playout.vlc import embedded_video_args

    assert embedded_video_args(["--aout=adummy"], "xcb") == ["--aout=adummy", "--gl=none", "--gles2=none"]
    assert embedded_video_args(["--gl=glx"], "xcb") == ["--gl=glx", "--gles2=none"]  # the user's choice wins
    assert embedded_video_args(["--glconv=any"], "xcb") == ["--glconv=any", "--gl=none", "--gles2=none"]
    assert embedded_video_args(["--aout=adummy"], "windows") == ["--aout=adummy"]
