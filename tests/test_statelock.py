"""One Presenter per state directory: a lock file with the owner's pid, freed when its process dies."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from presenter.run.journal import StateDir
from presenter.statelock import LOCK_FILE, StateLockError

ROOT = Path(__file__).resolve().parents[1]


def test_a_second_lock_on_the_same_directory_names_the_owner(tmp_path):
    state = StateDir(tmp_path / "state")
    lock = state.acquire_lock()
    try:
        with pytest.raises(StateLockError) as caught:
            StateDir(tmp_path / "state").acquire_lock()
        message = str(caught.value)
        assert f"another Presenter (pid {os.getpid()}) is using the state directory" in message
        assert str(tmp_path / "state") in message and "\n" not in message
    finally:
        lock.release()
    StateDir(tmp_path / "state").acquire_lock().release()  # free again once released


def test_the_lock_file_and_directory_are_private(tmp_path):
    with StateDir(tmp_path / "state").acquire_lock() as lock:
        assert stat.S_IMODE(os.stat(tmp_path / "state").st_mode) == 0o700
        assert stat.S_IMODE(os.stat(lock.path).st_mode) == 0o600


def test_a_stale_lock_file_from_a_dead_process_is_taken_over(tmp_path):
    state = tmp_path / "state"
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from presenter.run.journal import StateDir
        StateDir(Path({str(state)!r})).acquire_lock()
        os._exit(0)  # dies holding it, like kill -9: nothing released by hand
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=os.getcwd())
    assert (state / LOCK_FILE).read_text().strip().isdigit()  # the dead owner's pid is still in the file
    lock = StateDir(state).acquire_lock()
    assert (state / LOCK_FILE).read_text().strip() == str(os.getpid())
    lock.release()


def test_a_lock_held_by_another_live_process_is_refused(tmp_path):
    state = tmp_path / "state"
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from presenter.run.journal import StateDir
        lock = StateDir(Path({str(state)!r})).acquire_lock()
        print("locked", flush=True)
        sys.stdin.readline()
        """
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StateLockError, match=f"pid {holder.pid}"):
            StateDir(state).acquire_lock()
    finally:
        holder.stdin.close()
        holder.wait(10)
        holder.stdout.close()
    StateDir(state).acquire_lock().release()


def test_a_second_presenter_on_the_same_state_directory_exits_with_code_2(tmp_path):
    state = StateDir(tmp_path / "state")
    with state.acquire_lock():
        second = subprocess.run(
            [sys.executable, "run_presenter.py", "--windowed", "--state-dir", str(state.path)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )  # fmt: skip
    assert second.returncode == 2
    assert second.stderr.strip() == (
        f"presenter: another Presenter (pid {os.getpid()}) is using the state directory {state.path}; "
        "close it first, or start this one with another --state-dir"
    )


def test_a_state_directory_that_cannot_be_written_does_not_stop_the_show(tmp_path):
    """The lock needs the state directory; without one the app starts anyway (the director sees why)."""
    import json
    import time

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the state directory should be")
    status = tmp_path / "status.json"
    app = subprocess.Popen(
        [sys.executable, "run_presenter.py", "--windowed", "--state-dir", str(blocked), "--status-file", str(status)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PRESENTER_SIMULATE_NO_LIBVLC="1"),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not status.exists() and time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.1)
        assert app.poll() is None, app.communicate()[1]
        assert json.loads(status.read_text())["mode"] == "standby"
    finally:
        app.terminate()
        _, err = app.communicate(timeout=20)
    assert "the state directory cannot be locked" in err and "Traceback" not in err
