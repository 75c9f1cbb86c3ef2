"""End to end: keys pressed on the real director window (xdotool under Xvfb), issue 10 findings 1 and 2.

A clip on air, the director writes into the message field and presses Esc: the clip plays on (Esc
leaves the field). Enter sends a message and gives the keys back: the next Space is a GO. Esc
outside a text field stops to black.
"""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from test_app_resume import RunningApp

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.vlc,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool (tools/setup.sh installs it)"),
]


class KeyedApp(RunningApp):
    def keys(self, *xdotool_args: str) -> None:
        """Focus this app's director window, then send `xdotool_args` (e.g. "key", "ctrl+m")."""
        subprocess.run(
            ["xdotool", "search", "--sync", "--all", "--limit", "1", "--pid", str(self.process.pid),
             "--name", "^Director", "windowfocus", "--sync"],
            check=True, timeout=10, capture_output=True,
        )  # fmt: skip
        time.sleep(0.2)
        subprocess.run(["xdotool", *xdotool_args], check=True, timeout=10)

    def stays(self, predicate, seconds: float) -> dict:
        """`predicate(status)` holds for `seconds` (nothing changed on air)."""
        end = time.monotonic() + seconds
        status = self.wait_for(lambda s: True)
        while time.monotonic() < end:
            status = self.wait_for(lambda s: True)
            assert predicate(status), status
            time.sleep(0.05)
        return status


@pytest.fixture
def app(tmp_path):
    running = KeyedApp(tmp_path)
    yield running
    running.stop()


def test_esc_in_the_message_field_does_not_cut_the_clip_and_enter_gives_space_back(app):
    app.start()
    status = app.wait_for(lambda s: s["mode"] == "standby")
    assert status["next"] == "welcome" and "output" in status
    app.press_space(until=lambda s: s["segment"] == "welcome")
    app.press_space(until=lambda s: s["segment"] == "discussion")
    app.press_space(until=lambda s: s["segment"] == "minimogli")
    app.wait_for(lambda s: s["clip_state"] == "playing" and s["output"] == "playing")

    # Finding 1: Ctrl+M, type, Esc: the field is left, the clip plays on.
    app.keys("key", "ctrl+m")
    time.sleep(0.3)
    app.keys("type", "--delay", "30", "Bitte zum Ende")
    app.keys("key", "Escape")
    app.stays(lambda s: s["clip_state"] == "playing" and s["output"] == "playing" and s["message"] is None, 1.5)

    # The keys are back with the running order: Space is a GO.
    app.press_space(until=lambda s: s["segment"] == "autonomous-driving")
    app.wait_for(lambda s: s["clip_state"] == "playing")

    # Finding 2: Enter sends the message and gives the keys back.
    app.keys("key", "ctrl+m")
    time.sleep(0.3)
    app.keys("type", "--delay", "30", "Frage aus dem Chat")
    app.keys("key", "Return")
    app.wait_for(lambda s: s["message"] == "Frage aus dem Chat")
    app.stays(lambda s: s["segment"] == "autonomous-driving" and s["clip_state"] == "playing", 0.5)

    # Esc outside a text field: stop to black, the segment stays on air.
    app.keys("key", "Escape")
    app.wait_for(lambda s: s["clip_state"] == "black" and s["output"] == "black")
    assert app.read_status()["segment"] == "autonomous-driving"
    app.press_space(until=lambda s: s["segment"] == "questions")


def test_esc_twice_to_get_out_of_the_message_field_never_cuts_to_black(app):
    """Issue 22 finding 4: Ctrl+M, type, Esc, Esc (people press Esc twice to "get out"): the clip plays
    on; a deliberate Esc after the grace (1 s) still stops to black."""
    app.start()
    app.wait_for(lambda s: s["mode"] == "standby")
    app.press_space(until=lambda s: s["segment"] == "welcome")
    app.press_space(until=lambda s: s["segment"] == "discussion")
    app.press_space(until=lambda s: s["segment"] == "minimogli")
    app.wait_for(lambda s: s["clip_state"] == "playing" and s["output"] == "playing")
    app.keys("key", "ctrl+m")
    time.sleep(0.3)
    app.keys("type", "--delay", "30", "Bitte zum Ende")
    app.keys("key", "--delay", "150", "Escape", "Escape")
    app.stays(lambda s: s["clip_state"] == "playing" and s["output"] == "playing", 1.5)
    app.keys("key", "Escape")
    app.wait_for(lambda s: s["clip_state"] == "black")  # the output may arm the next clip afterwards
