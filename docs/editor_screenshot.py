"""Make docs/editor.png: the director window with the editor's toolbar, and the segment form beside it.

Run: ``.venv/bin/python docs/editor_screenshot.py`` (starts its own Xvfb when there is no DISPLAY).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from xvfb_display import start_xvfb, stop_xvfb  # noqa: E402


def main() -> int:
    xvfb = start_xvfb() if not os.environ.get("DISPLAY") else None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QColor, QImage, QPainter
        from PySide6.QtWidgets import QApplication

        from presenter.clock import FakeClock
        from presenter.controller import ShowController
        from presenter.playout.silent import SilentPlayout
        from presenter.show import load_show
        from presenter.show.editing import update_segment
        from presenter.ui.director import DirectorWindow
        from presenter.ui.editor import install_editor
        from presenter.ui.editor.forms import SegmentForm

        app = QApplication(sys.argv[:1])
        with tempfile.TemporaryDirectory() as folder:
            show_path = Path(folder) / "smart-rlp.yaml"
            shutil.copy(ROOT / "assets" / "smart-rlp.yaml", show_path)
            shutil.copytree(ROOT / "assets" / "clips", Path(folder) / "clips")
            clock = FakeClock(datetime(2021, 1, 19, 17, 29, 58))
            controller = ShowController(load_show(show_path), clock=clock, playout=SilentPlayout())
            director = DirectorWindow(controller)
            editor = install_editor(director, controller)
            director.resize(1440, 860)
            director.show()
            controller.go()
            clock.advance(95)
            editor.toggle_lock()
            director.table.selectRow(1)
            form = SegmentForm(controller.show, 1, lambda c: update_segment(controller.show, 1, c))
            form.duration.setText("40 Min")  # the loader's message, OK disabled
            form.show()
            for _ in range(30):
                app.processEvents()
            left, right = director.grab().toImage(), form.grab().toImage()
            image = QImage(
                left.width() + right.width() + 24, max(left.height(), right.height()), QImage.Format.Format_RGB32
            )
            image.fill(QColor("#202020"))
            painter = QPainter(image)
            painter.drawImage(0, 0, left)
            painter.drawImage(left.width() + 24, 0, right)
            painter.end()
            image = image.scaledToWidth(1800, Qt.TransformationMode.SmoothTransformation)
            image.save(str(ROOT / "docs" / "editor.png"))
            form.close()
            director.closing_allowed = True
            director.close()
    finally:
        stop_xvfb(xvfb)
    print(ROOT / "docs" / "editor.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
