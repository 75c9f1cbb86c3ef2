"""Issue 22: the real first start on one 1920×1080 screen (pytest-xvfb's), with and without a window
manager (openbox): every window starts on screen, the moderator beside the director and not under it,
the program output not over either, the Questions window in view, and the director's status line
says where the windows went."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

pytestmark = pytest.mark.xvfb


def wm_running() -> bool:
    """A window manager's check window is named on the root window and still exists."""
    found = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], capture_output=True, text=True, timeout=10, check=False
    )
    if "window id" not in found.stdout:
        return False
    window = found.stdout.rsplit(" ", 1)[-1].strip()
    alive = subprocess.run(["xprop", "-id", window, "_NET_WM_NAME"], capture_output=True, timeout=10, check=False)
    return alive.returncode == 0


@pytest.fixture
def openbox(qtbot):
    """openbox on the test display, awaited until it manages windows, killed afterwards."""
    if shutil.which("openbox") is None or shutil.which("xprop") is None:
        pytest.skip("needs openbox and xprop (tools/setup.sh installs them)")
    process = subprocess.Popen(
        ["openbox", "--sm-disable"], env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        qtbot.waitUntil(wm_running, timeout=15000)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        qtbot.waitUntil(lambda: not wm_running(), timeout=15000)


def frame(window) -> QRect:
    return window.frameGeometry()


def assert_every_window_in_view(app, qtbot) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    director, moderator = app.director, app.moderator
    windows = {"director": director, "moderator": moderator, "questions": app.questions_window}
    if app.output_window is not None and app.output_window.isVisible():
        windows["output"] = app.output_window
    qtbot.waitUntil(lambda: all(w.isVisible() for w in windows.values()))
    qtbot.waitUntil(lambda: moderator.geometry().x() >= director.geometry().right(), timeout=5000)
    for name, window in windows.items():
        try:  # a window manager frames the windows a moment after they show: the placement follows
            qtbot.waitUntil(lambda window=window: screen.contains(frame(window)), timeout=5000)
        except Exception:
            pytest.fail(f"{name} {frame(window).getRect()} is not inside {screen.getRect()}")
    assert not director.geometry().intersects(moderator.geometry()), "the moderator covers the director"
    if "output" in windows:
        assert not windows["output"].geometry().intersects(director.geometry())
        assert not windows["output"].geometry().intersects(moderator.geometry())
    status = director.status_line.text()
    assert "moderator" in status.lower() and director.status_line.isVisible(), status


def test_first_start_on_one_screen_without_a_window_manager(start_app, show_copy, qtbot):
    app = start_app(show_copy, windowed=False)
    assert_every_window_in_view(app, qtbot)


def test_first_start_on_one_screen_with_openbox(openbox, start_app, show_copy, qtbot):
    app = start_app(show_copy, windowed=False)
    assert_every_window_in_view(app, qtbot)
