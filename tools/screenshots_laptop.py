#!/usr/bin/env python3
"""Laptop screenshots (issue 22): docs/screenshots/laptop-*.png.

- laptop-director-standby-1366x768.png, laptop-director-clip-1366x768.png: the German director in a
  1366×768 laptop's window (1366×736 below a title bar), in standby and with a clip on air.
- laptop-first-start-1920x1080.png: the first start on one 1920×1080 screen, each window where the
  placement put it (presenter.ui.screens applies presenter.placement's plan).
- laptop-two-screens.png: a 1366×768 laptop beside a 1920×1080 screen, each window where the placement
  rules put it (presenter.placement.plan_windows), drawn on a 3286×1080 picture of the two screens.

Each window is drawn by Qt (QWidget.grab) and put where it stands, so no window manager is needed:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots_laptop.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHOW = ROOT / "assets" / "smart-rlp.yaml"
BEFORE_START = datetime(2021, 1, 19, 17, 29, 50)
LAPTOP = (1366, 768)
TITLE_BAR = 32


def wait(app, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def compose(screens, windows, path: Path) -> None:
    """`screens`: [(x, y, w, h)], `windows`: [(QWidget, (x, y, w, h))]: one picture of the desk."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    right = max(x + w for x, y, w, h in screens)
    bottom = max(y + h for x, y, w, h in screens)
    left = min(x for x, y, w, h in screens)
    top = min(y for x, y, w, h in screens)
    image = QImage(right - left, bottom - top, QImage.Format.Format_RGB32)
    image.fill(QColor("#101214"))
    painter = QPainter(image)
    for x, y, w, h in screens:
        painter.fillRect(QRect(x - left, y - top, w, h), QColor("#2b3a4a"))
    for window, (x, y, w, h) in windows:
        window.resize(w, h)
        painter.drawPixmap(x - left, y - top, window.grab())
    painter.setPen(QPen(QColor("#e0e0e0"), 3))
    for x, y, w, h in screens:
        painter.drawRect(QRect(x - left + 1, y - top + 1, w - 3, h - 3))
    painter.end()
    image.save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    options = parser.parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ.setdefault("PRESENTER_VLC_ARGS", "--aout=adummy")
    from PySide6.QtWidgets import QApplication

    from presenter.clock import FakeClock
    from presenter.placement import Rect, WindowWish, plan_windows
    from presenter.show import load_show
    from presenter.ui.app import PresenterApp
    from presenter.ui.parts import build_parts

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    options.out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as work:
        args = argparse.Namespace(
            show=SHOW, show_named=True, check=False, json=False, output_screen=None, moderator_screen=None,
            windowed=False, state_dir=Path(work) / "state", new_run=True, as_run=False, status_file=None,
            lang=options.lang,
        )  # fmt: skip
        clock = FakeClock(BEFORE_START)
        app = PresenterApp(args, load_show(SHOW), build_parts(args, clock=clock))
        deadline = time.monotonic() + 20
        while not app.started and time.monotonic() < deadline:
            wait(qt_app, 0.1)
        wait(qt_app, 2)
        director, moderator, output = app.director, app.moderator, app.output_window
        if app.questions_window is not None:
            app.questions_window.hide()  # opened on demand in these pictures

        # The first start on one 1920×1080 screen: where the placement put each window.
        placed = [(w, w.geometry().getRect()) for w in (director, moderator, output) if w is not None and w.isVisible()]
        path = options.out / "laptop-first-start-1920x1080.png"
        compose([(0, 0, 1920, 1080)], placed, path)
        written.append(path)

        # The director on a laptop, standby and with a clip on air.
        size = (LAPTOP[0], LAPTOP[1] - TITLE_BAR)
        director.resize(*size)
        wait(qt_app, 1)
        path = options.out / "laptop-director-standby-1366x768.png"
        director.grab().save(str(path))
        written.append(path)
        controller = app.controller
        while controller.snapshot().current is None or controller.snapshot().current.segment.kind != "clip":
            clock.advance(65)
            controller.go()
        clock.advance(12)
        wait(qt_app, 3)  # the clip starts (or says why it cannot)
        path = options.out / "laptop-director-clip-1366x768.png"
        director.grab().save(str(path))
        written.append(path)

        # A 1366×768 laptop (the director's) with a 1920×1080 screen to its right: the rules' plan.
        laptop, big = Rect(0, 312, *LAPTOP), Rect(1366, 0, 1920, 1080)
        free = [Rect(laptop.x, laptop.y, laptop.width, laptop.height - TITLE_BAR), big]
        wishes = [
            WindowWish("moderator", None, False, min_width=moderator.minimumWidth(),
                       min_height=moderator.minimumHeight(), share=2),
            WindowWish("output", None, True, aspect=16 / 9, default_fullscreen=True),
        ]  # fmt: skip
        plan = plan_windows([laptop, big], free, 0, wishes, director_min_width=director.minimumSizeHint().width())
        shown = [(director, (plan.director.x, plan.director.y, plan.director.width, plan.director.height))]
        for key, window in (("moderator", moderator), ("output", output)):
            spot = plan.spots[key]
            if window is not None:
                shown.append((window, (spot.rect.x, spot.rect.y, spot.rect.width, spot.rect.height)))
        path = options.out / "laptop-two-screens.png"
        compose([(laptop.x, laptop.y, laptop.width, laptop.height), (big.x, big.y, big.width, big.height)], shown, path)
        written.append(path)
        app.quit_without_asking()
        app.shutdown()
    print("wrote", " ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
