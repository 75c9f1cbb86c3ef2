"""End to end: the show file is sabotaged while the real application is on air under Xvfb.

A watchdog reads the --status-file: the UI thread must keep writing it (the timer runs), GO must
still work, and SIGTERM must still end the app (issue 16, findings 1 and 2).
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime
from pathlib import Path

import pytest
from test_app_resume import RunningApp

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.vlc,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool (tools/setup.sh installs it)"),
]


@pytest.fixture
def app(tmp_path, show_copy):
    running = RunningApp(tmp_path)
    running.show_args = [str(show_copy)]
    running.show_file = show_copy
    yield running
    running.stop()


def watchdog(app: RunningApp, seconds: float) -> None:
    """The status file keeps being written and the countdown keeps running for `seconds`."""
    first = app.wait_for(lambda s: True)
    time.sleep(seconds)
    last = app.wait_for(lambda s: True)
    written = (datetime.fromisoformat(last["written_at"]) - datetime.fromisoformat(first["written_at"])).total_seconds()
    assert written >= seconds - 0.6, f"the UI thread stalled: status written {written:.2f} s in {seconds} s"
    assert last["remaining_s"] < first["remaining_s"] - (seconds - 1.0)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_show_file_replaced_by_fifo_dev_zero_and_huge_duration_the_show_goes_on(app):
    app.start()
    app.wait_for(lambda s: s["mode"] == "standby")
    app.press_space(until=lambda s: s["segment"] == "welcome")
    original = app.show_file.read_text(encoding="utf-8")

    app.show_file.unlink()
    os.mkfifo(app.show_file)  # finding 1: a FIFO used to block the UI thread for good
    watchdog(app, 3.0)

    app.show_file.unlink()
    app.show_file.symlink_to("/dev/zero")  # finding 1: used to read until 4 GB
    watchdog(app, 3.0)
    assert rss_mb(app.process.pid) < 1024

    app.show_file.unlink()
    app.show_file.write_text(original.replace('duration: "40:00"', 'duration: "99999999999:00:00"'), encoding="utf-8")
    watchdog(app, 2.0)  # finding 2: a duration of years saved mid-show used to freeze the timer

    app.press_space(until=lambda s: s["segment"] == "discussion")  # GO still works
    app.process.terminate()
    assert app.process.wait(timeout=10) == 0
    log = (app.state.parent / "app.log").read_text(errors="replace")
    assert "Traceback" not in log
