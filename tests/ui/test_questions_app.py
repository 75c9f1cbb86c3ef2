"""Questions in the whole application: the window opens with the others, the status file, deletion, kill -9."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from presenter.run.journal import read_journal

ROOT = Path(__file__).resolve().parents[2]


def test_the_questions_window_opens_with_the_others_and_feeds_the_status_file(start_app, show_copy, tmp_path):
    status = tmp_path / "status.json"
    app = start_app(show_copy, status_file=status)
    assert app.questions_window.isVisible()
    assert app.questions_window.windowTitle().startswith("Questions")
    app.write_status()
    written = json.loads(status.read_text())
    assert written["question"] is None and written["questions_waiting"] == 0
    controller = app.controller
    controller.question_intents.paste("Anna (YouTube): Wann kommt das WLAN?")
    controller.question_intents.add("Was kostet es?", "Ben")
    controller.question_intents.approve("q1")
    controller.question_intents.approve("q2")
    controller.question_intents.show()
    app.write_status()
    written = json.loads(status.read_text())
    assert written["question"] == {"id": "q1", "text": "Wann kommt das WLAN?"}
    assert written["questions_waiting"] == 1
    app.questions_window.close()
    app.show_questions()  # brought back (the director's "Questions…" button)
    assert app.questions_window.isVisible()


def test_delete_the_questions_of_this_run_from_memory_and_journal(start_app, show_copy):
    app = start_app(show_copy)
    controller = app.controller
    controller.go()
    controller.question_intents.paste("Anna Geheim (Facebook): Wo wohnt der OB?")
    controller.question_intents.approve("q1")
    controller.question_intents.show()
    path = app.journal.path
    assert b"Geheim" in path.read_bytes()
    app.delete_run_questions()
    assert b"Geheim" not in path.read_bytes() and b'"op":"question' not in path.read_bytes()
    assert controller.questions.questions == [] and controller.questions.on_screen is None
    assert "question entries deleted" in app.questions_window.status.text()
    controller.add_time(60)  # the run goes on in the same journal, which the writer reopened
    controller.question_intents.add("Nach dem Löschen?")
    ops = [r["op"] for r in read_journal(path).records]
    assert [op for op in ops if op in ("go", "add_time", "question_add")] == ["go", "add_time", "question_add"]


def test_questions_collected_in_standby_come_back_after_a_crash(start_app, show_copy):
    """Questions sent in before the show are imported in standby: a restart must not hide them in an old journal."""
    app = start_app(show_copy)
    app.controller.question_intents.import_entries([{"text": f"Vorab {n}", "asker": f"P{n}"} for n in range(5)])
    app.controller.question_intents.approve("q2")
    journal = app.journal.path
    app.journal.close()  # killed: nothing else is written
    again = start_app(show_copy)
    assert again.journal.path == journal  # the same run goes on
    assert [q.text for q in again.controller.questions.questions] == [f"Vorab {n}" for n in range(5)]
    assert again.controller.questions.get("q2").state.value == "approved"
    assert again.controller.snapshot().mode.value == "standby"
    again.new_run()  # "Back to standby (new run)": a run closed on purpose is not resumed again
    third = start_app(show_copy)
    assert third.journal.path != journal and third.controller.questions.questions == []


# ---------------------------------------------------------------------- the real application, killed


CLIPBOARD_OWNER = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication(sys.argv[:1])
    QGuiApplication.clipboard().setText(sys.argv[1])
    print("ready", flush=True)
    app.exec()
    """
)


class RealApp:
    def __init__(self, tmp_path: Path):
        self.state = tmp_path / "state"
        self.status = tmp_path / "status.json"
        self.log = open(tmp_path / "app.log", "ab")  # noqa: SIM115
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.status.unlink(missing_ok=True)
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", PRESENTER_SIMULATE_NO_LIBVLC="1")
        self.process = subprocess.Popen(
            [sys.executable, "run_presenter.py", "--windowed", "--state-dir", str(self.state),
             "--status-file", str(self.status)],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )  # fmt: skip

    def wait_for(self, predicate, timeout: float = 15.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the application exited: {self.process.returncode}"
            try:
                status = json.loads(self.status.read_text())
            except (OSError, ValueError):
                status = None
            if status is not None and status["pid"] == self.process.pid and predicate(status):
                return status
            time.sleep(0.05)
        raise AssertionError("timed out waiting for the status file")

    def keys(self, window_name: str, *keys: str, until) -> dict:
        """Keys on this app's window `window_name`, pressed again if the first press came before the focus."""
        for _ in range(3):
            subprocess.run(
                ["xdotool", "search", "--sync", "--all", "--limit", "1", "--pid", str(self.process.pid),
                 "--name", f"^{window_name}", "windowfocus", "--sync"],
                check=True, timeout=10, capture_output=True,
            )  # fmt: skip
            time.sleep(0.3)
            for key in keys:
                subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True, timeout=10)
                time.sleep(0.15)
            try:
                return self.wait_for(until, timeout=4)
            except AssertionError:
                continue
        raise AssertionError(f"{keys} on {window_name} changed nothing")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool (tools/setup.sh installs it)")
def test_kill_9_keeps_the_pasted_and_approved_question(tmp_path):
    app = RealApp(tmp_path)
    owner = subprocess.Popen(
        [sys.executable, "-c", CLIPBOARD_OWNER, "Anna Müller (Facebook): Wann kommt das WLAN?"],
        stdout=subprocess.PIPE,
        env=dict(os.environ, QT_QPA_PLATFORM="xcb"),
    )
    try:
        assert owner.stdout.readline().strip() == b"ready"
        app.start()
        app.wait_for(lambda s: s["mode"] == "standby")
        app.keys("Director", "space", until=lambda s: s["mode"] == "on air")
        app.keys("Questions", "ctrl+v", "Return", until=lambda s: s["questions_waiting"] == 1)
        os.kill(app.process.pid, signal.SIGKILL)
        app.process.wait(timeout=10)
        app.start()
        resumed = app.wait_for(lambda s: s["resumed_from"] is not None)
        assert resumed["questions_waiting"] == 1
        journal = Path(resumed["journal"])
        added = [r for r in read_journal(journal).records if r.get("op") == "question_add"]
        assert len(added) == 1
        assert added[0]["question"]["asker"] == "Anna Müller" and added[0]["question"]["source"] == "Facebook"
    finally:
        owner.terminate()
        owner.wait(timeout=10)
        owner.stdout.close()
        app.stop()


DIRECTOR_HAS_Q = "install_question_keys" in (ROOT / "presenter" / "ui" / "director.py").read_text()


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("xdotool") is None, reason="needs xdotool (tools/setup.sh installs it)")
@pytest.mark.skipif(not DIRECTOR_HAS_Q, reason="the director's Q key is wired by the lead (install_question_keys)")
def test_kill_9_with_a_question_on_screen_brings_it_back_on_screen(tmp_path):
    app = RealApp(tmp_path)
    owner = subprocess.Popen(
        [sys.executable, "-c", CLIPBOARD_OWNER, "Ben (YouTube): Was kostet die App?"],
        stdout=subprocess.PIPE,
        env=dict(os.environ, QT_QPA_PLATFORM="xcb"),
    )
    try:
        assert owner.stdout.readline().strip() == b"ready"
        app.start()
        app.wait_for(lambda s: s["mode"] == "standby")
        app.keys("Director", "space", until=lambda s: s["mode"] == "on air")
        app.keys("Questions", "ctrl+v", "Return", until=lambda s: s["questions_waiting"] == 1)
        app.keys("Director", "q", until=lambda s: s["question"] is not None)
        os.kill(app.process.pid, signal.SIGKILL)
        app.process.wait(timeout=10)
        app.start()
        resumed = app.wait_for(lambda s: s["resumed_from"] is not None)
        assert resumed["question"] == {"id": "q1", "text": "Was kostet die App?"}
        assert resumed["questions_waiting"] == 0
    finally:
        owner.terminate()
        owner.wait(timeout=10)
        owner.stdout.close()
        app.stop()
