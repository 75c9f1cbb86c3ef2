"""The program output window under Xvfb: black, the clip's real picture during a cut, black again.

Pixels are read back from the X server (``QScreen.grabWindow``) at 10 %/10 % of the window, away
from the centred text of the test clips. libVLC renders wrong colours on a 16-bit X display, so
these tests need a 24-bit Xvfb (``xvfb_colordepth = 24``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from presenter.playout.program import OutputState, ProgramPlayout
from presenter.ui.program_output import ProgramOutputWindow

TESTS_DIR = Path(__file__).resolve().parent.parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))
import media_faults  # noqa: E402

ROOT = TESTS_DIR.parent
MINIMOGLI = ROOT / "assets" / "clips" / "minimogli.mp4"
SHORT_OK = media_faults.SHORT_OK
FIFTY = media_faults.MEDIA_DIR / "fifty-fps.mp4"
RED = media_faults.CLIP_COLOURS["short-ok"]
GREEN = media_faults.CLIP_COLOURS["minimogli"]
ORANGE = (230, 160, 0)  # fifty-fps.mp4, see tests/data/media/README
BLACK = (0, 0, 0)
TOLERANCE = 12


def corner(win: ProgramOutputWindow) -> tuple[int, int, int]:
    x, y = win.width() // 10, win.height() // 10
    img = win.screen().grabWindow(win.winId(), x, y, 1, 1).toImage()
    return img.pixelColor(0, 0).getRgb()[:3]


def near(rgb, ref, tol=TOLERANCE) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, ref, strict=True))


def wait_colour(qtbot, win, ref, timeout_ms=1500) -> None:
    seen: list = [None]

    def shows() -> bool:
        seen[0] = corner(win)
        return near(seen[0], ref)

    try:
        qtbot.waitUntil(shows, timeout=max(timeout_ms, 5000))  # the goals (a cut at once) are benchmarks'
    except qtbot.TimeoutError:
        pytest.fail(f"program output shows {seen[0]}, expected {ref}")


@pytest.fixture
def win(qtbot):
    w = ProgramOutputWindow()
    qtbot.addWidget(w)
    warning = w.place(None, windowed=True)
    assert warning is None
    w.resize(640, 360)  # pytest-xvfb's screen is small
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: corner(w) == BLACK, timeout=5000)  # painted
    return w


@pytest.fixture
def true_colour():
    depth = QGuiApplication.primaryScreen().depth()
    if depth < 24:
        pytest.fail(
            f"the X display has {depth}-bit colour; libVLC's colours are wrong below 24 bits: "
            "set xvfb_colordepth = 24 in [tool.pytest.ini_options] (or run pytest -o xvfb_colordepth=24)"
        )


@pytest.mark.xvfb
def test_window_is_black_with_two_native_surfaces(win, qtbot):
    assert "Program output" in win.windowTitle()
    assert win.is_black()
    assert corner(win) == BLACK
    img = win.screen().grabWindow(win.winId()).toImage()
    assert img.pixelColor(img.width() // 2, img.height() // 2).getRgb()[:3] == BLACK
    assert win.surface_count() == 2
    handles = {win.surface_handle(i) for i in range(2)}
    assert len(handles) == 2 and int(win.winId()) not in handles
    for i in range(2):
        s = win.surface(i)
        assert s.testAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        assert s.geometry() == win.rect()
    assert win.backing_store is True  # Xvfb keeps the armed picture of a hidden surface


@pytest.mark.xvfb
def test_escape_asks_for_panic(win, qtbot):
    with qtbot.waitSignal(win.panic_requested, timeout=1000):
        qtbot.keyClick(win, Qt.Key.Key_Escape)


@pytest.mark.xvfb
def test_place_on_a_screen_that_does_not_exist(qtbot):
    w = ProgramOutputWindow()
    qtbot.addWidget(w)
    warning = w.place(7, windowed=True)
    assert warning is not None and "output screen 7 does not exist" in warning and "primary" in warning
    assert w.isVisible() and w.size().toTuple() == (1280, 720)
    assert w.screen() == QGuiApplication.primaryScreen()


@pytest.mark.xvfb
def test_place_fullscreen_is_frameless_on_the_screen(qtbot):
    w = ProgramOutputWindow()
    qtbot.addWidget(w)
    assert w.place(0, windowed=False) is None
    qtbot.waitExposed(w)
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert w.isFullScreen()
    qtbot.waitUntil(lambda: w.geometry() == QGuiApplication.screens()[0].geometry(), timeout=2000)


@pytest.mark.xvfb
@pytest.mark.vlc
def test_clips_on_the_program_output(win, qtbot, true_colour):
    po = ProgramPlayout(win, ["--aout=adummy"])
    try:
        assert po.playable, po.unplayable_reason
        assert corner(win) == BLACK  # black before

        # armed: first frame decoded on the hidden surface, the output still black
        with qtbot.waitSignal(po.armed, timeout=3000):
            po.arm("intro", SHORT_OK, "hold")
        qtbot.wait(100)  # an observation window: armed is not on air
        assert corner(win) == BLACK

        # the cut: the clip's picture at once
        po.take("intro", SHORT_OK, "hold")
        wait_colour(qtbot, win, RED, timeout_ms=500)  # how fast: benchmarks/go_latency.py

        # hold: after its end the last frame stays
        with qtbot.waitSignal(po.armed, timeout=3000):
            po.arm("clip", MINIMOGLI, "black")
        with qtbot.waitSignal(po.clip_ended, timeout=5000):
            pass
        assert po.status().state is OutputState.HELD
        qtbot.wait(300)  # an observation window: the held frame stays
        assert near(corner(win), RED)

        # cut from the held frame to the armed 720p clip
        po.take("clip", MINIMOGLI, "black")
        wait_colour(qtbot, win, GREEN, timeout_ms=500)
        qtbot.wait(300)  # an observation window: still playing
        assert near(corner(win), GREEN)  # still playing

        # panic: black at once
        po.panic()
        wait_colour(qtbot, win, BLACK, timeout_ms=200)

        # end action black: black after the clip (cold start this time)
        po.take("outro", FIFTY, "black")
        wait_colour(qtbot, win, ORANGE, timeout_ms=1500)
        with qtbot.waitSignal(po.clip_ended, timeout=4000):
            pass
        assert po.status().state is OutputState.BLACK
        wait_colour(qtbot, win, BLACK, timeout_ms=200)
        qtbot.wait(300)  # an observation window: black stays
        assert corner(win) == BLACK  # black after
    finally:
        assert po.shutdown(3.0)
