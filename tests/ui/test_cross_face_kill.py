"""Issue 20's cross-face test, the kill -9 scenario: the real application (real libVLC, under Xvfb) is
killed during a clip that the director restarted, and started again. After the resume its status
file, its API, its OSC feedback and its /moderator page in headless Chromium (which reconnects by
itself) all show the same: the clip playing where the restart put it plus the downtime, not the
position it had before the restart (finding 2), the same phase, back-on-air and GO/Back offer.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest
from cross_face_helpers import chromium, seconds_of

from presenter.run.dispatch import REMOTE_GO_GAP_S
from presenter.timefmt import format_countdown

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PIN = "246810"
pytestmark = [pytest.mark.xvfb, pytest.mark.vlc]


def _free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Presenter:
    """The application as a process of its own, driven over its API."""

    def __init__(self, tmp_path: Path) -> None:
        self.state = tmp_path / "state"
        self.status = tmp_path / "status.json"
        self.log = open(tmp_path / "app.log", "ab")  # noqa: SIM115
        self.http_port, self.osc_port = _free_port(), _free_port(socket.SOCK_DGRAM)
        self.feedback = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.feedback.bind(("127.0.0.1", 0))
        self.feedback.settimeout(0.2)
        self.process: subprocess.Popen | None = None

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start(self) -> None:
        self.status.unlink(missing_ok=True)
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", PRESENTER_VLC_ARGS="--aout=adummy")
        self.process = subprocess.Popen(
            [sys.executable, "run_presenter.py", "--windowed", "--state-dir", str(self.state),
             "--status-file", str(self.status), "--http", f"127.0.0.1:{self.http_port}",
             "--osc", f"127.0.0.1:{self.osc_port}", "--osc-feedback", f"127.0.0.1:{self.feedback.getsockname()[1]}",
             "--pin", PIN, "--pin-in-url"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )  # fmt: skip

    def status_now(self) -> dict | None:
        try:
            status = json.loads(self.status.read_text())
        except (OSError, ValueError):
            return None
        return status if self.process is not None and status.get("pid") == self.process.pid else None

    def wait_for(self, predicate, timeout: float = 20.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the application exited: {self.process.returncode}"
            status = self.status_now()
            if status is not None and predicate(status):
                return status
            time.sleep(0.05)
        raise AssertionError(f"timed out; last status: {self.status_now()}")

    def api(self, name: str, **query: object) -> dict:
        url = f"{self.http}/api/v1/{name}?pin={PIN}" + "".join(f"&{key}={value}" for key, value in query.items())
        with urllib.request.urlopen(url, timeout=8) as response:
            return json.loads(response.read().decode())

    def wait_for_api(self, timeout: float = 20.0) -> None:
        """The remote starts right after the director's first paint: until then the port is closed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the application exited: {self.process.returncode}"
            try:
                self.api("state")
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the API did not answer")

    def osc_round(self) -> dict[str, object]:
        """One full round of OSC feedback (sent once a second)."""
        from pythonosc.osc_message import OscMessage

        self.feedback.setblocking(False)  # what the killed process sent is still queued: drop it
        while True:
            try:
                self.feedback.recv(65536)
            except BlockingIOError:
                break
        self.feedback.settimeout(0.2)
        heard: dict[str, object] = {}
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                message = OscMessage(self.feedback.recv(65536))
            except (TimeoutError, BlockingIOError):
                continue
            heard[message.address] = message.params[0] if message.params else None
            if {"/presenter/phase", "/presenter/remaining", "/presenter/go_allowed"} <= set(heard):
                return heard
        raise AssertionError(f"no OSC feedback; heard {heard}")

    def kill(self) -> dict:
        last = self.status_now()
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        return last

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.feedback.close()
        self.log.close()


@pytest.fixture
def presenter(tmp_path):
    running = Presenter(tmp_path)
    yield running
    running.stop()


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium when it is installed (else the other faces are compared without the page)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        yield None
        return
    driver = chromium(tmp_path, CHROMIUM, CHROMEDRIVER)
    yield driver
    driver.quit()


def _page_texts(browser) -> tuple[str, str, str]:
    return tuple(
        browser.execute_script("return ['timer','caption','notice'].map(i => document.getElementById(i).textContent)")
    )


def test_kill_9_during_a_restarted_clip_every_face_resumes_the_same(presenter, browser):
    presenter.start()
    presenter.wait_for(lambda s: s["mode"] == "standby")
    presenter.wait_for_api()
    if browser is not None:
        browser.get(f"{presenter.http}/moderator")
    presenter.api("go")
    presenter.api("jump", to=3)  # MiniMOGLI (1:15, then the 1:00 clip by itself)
    time.sleep(REMOTE_GO_GAP_S + 0.05)  # a remote's GO this soon after its last one counts as a loop
    presenter.api("go")
    presenter.wait_for(lambda s: s["segment"] == "minimogli" and s["clip_state"] == "playing")
    presenter.wait_for(lambda s: (s["clip_position_s"] or 0) >= 4.0)
    presenter.api("clip/restart")
    restarted = presenter.wait_for(lambda s: s["clip_state"] == "playing" and (s["clip_position_s"] or 99) < 2.0)
    presenter.wait_for(lambda s: (s["clip_position_s"] or 0) >= 2.0)
    last = presenter.kill()
    assert last["clip_state"] == "playing" and last["clip_position_s"] < 4.0
    starts = presenter.state / "starts.log"  # not a crash loop: this test's earlier starts look older
    starts.write_text("".join(f"{float(t) - 120:.3f}\n" for t in starts.read_text().split()))
    presenter.start()
    resumed = presenter.wait_for(lambda s: s["resumed_from"] is not None and s["clip_state"] == "playing")
    presenter.wait_for_api()
    gone = (datetime.fromisoformat(resumed["written_at"]) - datetime.fromisoformat(last["written_at"])).total_seconds()
    assert resumed["segment"] == "minimogli"
    assert resumed["clip_position_s"] == pytest.approx(last["clip_position_s"] + gone, abs=1.5)  # not 4 s + more
    assert resumed["back_on_air_in_s"] == pytest.approx(last["back_on_air_in_s"] - gone, abs=1.5)
    assert restarted["go"]["action"] == resumed["go"]["action"] == "air"  # GO airs the second clip, as before

    # every face at one instant
    if browser is not None:  # the page reconnects to the new process by itself
        time_text = format_countdown(resumed["timer_s"])
        deadline = time.monotonic() + 15
        while abs(seconds_of(_page_texts(browser)[0]) - seconds_of(time_text)) > 3 and time.monotonic() < deadline:
            time.sleep(0.1)
    status = presenter.wait_for(lambda s: True)
    state = presenter.api("state")
    heard = presenter.osc_round()
    shown = {
        "status": format_countdown(status["timer_s"]),
        "api": state["remaining"],
        "osc": heard["/presenter/remaining"],
    }
    if browser is not None:
        timer, caption, notice = _page_texts(browser)
        shown["page"] = timer
        assert caption == "back on air in" and notice == ""  # not "clip ended – stand by" (finding 1)
    values = [seconds_of(str(text)) for text in shown.values()]
    assert max(values) - min(values) <= 2, shown  # read within a second or two of each other
    assert status["phase"] == state["phase"] == heard["/presenter/phase"]
    assert status["clip_state"] == state["clip"]["state"] == "playing"
    assert state["clip"]["back_on_air_in_s"] == pytest.approx(status["back_on_air_in_s"], abs=1.5)
    assert (state["go"]["action"], state["go"]["allowed"]) == (status["go"]["action"], status["go"]["allowed"])
    assert bool(heard["/presenter/go_allowed"]) is status["go"]["allowed"]
    assert (state["back"]["action"], state["back"]["allowed"]) == (status["back"]["action"], status["back"]["allowed"])
