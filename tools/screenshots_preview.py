#!/usr/bin/env python3
"""Screenshot of the technician's preview window with the Smart RLP show, for the README and for review.

    .venv/bin/python tools/screenshots_preview.py      # starts its own Xvfb (xvfb-run) when there is no display
    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots_preview.py

The scene: the discussion is on air, "Clip: MiniMOGLI" is next; the technician has selected
"Clip: Teilautonomes Fahren" (paused at 0:12), the poster frames and the preflight rows are there.
The picture is read back from the X server (libVLC draws into a native window that QWidget.grab()
cannot see), so it needs X11 with 24-bit colour. Writes docs/screenshots/preview-1280x800.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "preview-1280x800.png"
SHOW = ROOT / "assets" / "smart-rlp.yaml"
SIZE = (1280, 800)

if not os.environ.get("DISPLAY") and not os.environ.get("PRESENTER_SCREENSHOT_CHILD"):
    if not shutil.which("xvfb-run"):
        sys.exit("needs an X display or xvfb-run (apt install xvfb)")
    env = dict(os.environ, PRESENTER_SCREENSHOT_CHILD="1")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
    sys.exit(subprocess.call(cmd, env=env))

sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import QObject, QSettings, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from presenter.clock import FakeClock  # noqa: E402
from presenter.controller import ShowController  # noqa: E402
from presenter.show import load_show  # noqa: E402
from presenter.ui.preview import PreviewWindow  # noqa: E402


class QuietPlayout(QObject):
    """Stands in for the program playout (the screenshot is about the preview)."""

    clip_ended = Signal(str)
    clip_failed = Signal(str, str)
    clip_warning = Signal(str, str)
    status_changed = Signal(object)

    def take(self, segment_id, path, end_action, **kwargs) -> None: ...
    def arm(self, segment_id, path, end_action, **kwargs) -> None: ...
    def status(self): ...
    def go_black(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def restart(self) -> None: ...
    def panic(self) -> None: ...
    def add_panic_listener(self, listener) -> None: ...


def pump(app: QApplication, seconds: float, until=None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.01)
    return until is None


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if app.primaryScreen().depth() < 24:
        print("the X display needs 24-bit colour (xvfb-run -s '-screen 0 1920x1080x24')", file=sys.stderr)
        return 1
    clock = FakeClock(datetime(2021, 1, 19, 17, 29, 50))
    playout = QuietPlayout()
    controller = ShowController(load_show(SHOW), clock, playout=playout)
    clock.set_now(datetime(2021, 1, 19, 17, 30, 0))
    controller.go()
    clock.set_now(datetime(2021, 1, 19, 17, 35, 10))
    controller.go()  # the discussion on air, MiniMOGLI next
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = PreviewWindow(controller, playout, settings=settings, cache_dir=Path(tmp) / "thumbs")
        try:
            window.resize(*SIZE)
            window.move(0, 0)
            window.show()
            pump(app, 0.5)
            window.select_segment("autonomous-driving")
            ok = pump(app, 10, lambda: window.player.state == "paused" and not window.preflight_running())
            ok = ok and pump(app, 10, lambda: not window.thumbnails.busy() and window.media_info() is not None)
            if not ok:
                print("the preview did not get ready", file=sys.stderr)
                return 1
            window.player.seek(12.0)
            pump(app, 1.0)
            image = window.screen().grabWindow(window.winId()).toImage()
            if (image.width(), image.height()) != SIZE:
                print(f"window is {image.width()}x{image.height()}, not {SIZE[0]}x{SIZE[1]}", file=sys.stderr)
                return 1
            OUT.parent.mkdir(parents=True, exist_ok=True)
            image.save(str(OUT))
            print(OUT.relative_to(ROOT))
        finally:
            window.shutdown()
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
