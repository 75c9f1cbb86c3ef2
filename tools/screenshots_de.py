#!/usr/bin/env python3
"""German screenshots of the director, moderator and preview windows: docs/screenshots/de-*.png.

The real application (PresenterApp, the Smart RLP show, libVLC if installed) on a stopped clock in
the middle of the show: the discussion on air with 1:45 left (ZUM SCHLUSS KOMMEN) and a message to
the moderator. Each window is drawn by Qt (QWidget.grab), so nothing covering it spoils the picture.

It needs the German catalog (presenter/i18n/presenter_de.qm, built by `python tools/i18n.py
release`) and a display:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots_de.py [--catalog X.qm]
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
SIZES = {"director": (1440, 860), "moderator": (1280, 720), "preview": (1280, 800)}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    parser.add_argument("--force", action="store_true", help="even when the catalog has no German for the director")
    parser.add_argument("--catalog", type=Path, help="a .qm to use instead of presenter/i18n/presenter_<lang>.qm")
    return parser.parse_args(argv)


def wait(app, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    options = parse(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ.setdefault("PRESENTER_VLC_ARGS", "--aout=adummy")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if options.catalog is not None:
        import presenter.i18n
        import presenter.i18n.qt

        chosen = options.catalog.resolve()

        def catalog(language):
            return None if language is presenter.i18n.Language.ENGLISH else chosen

        presenter.i18n.catalog = presenter.i18n.qt.catalog = catalog
    from presenter.clock import FakeClock
    from presenter.show import load_show
    from presenter.ui.app import PresenterApp
    from presenter.ui.parts import build_parts

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as work:
        args = argparse.Namespace(
            show=SHOW, show_named=True, check=False, json=False, output_screen=None, moderator_screen=None,
            windowed=True, state_dir=Path(work) / "state", new_run=True, as_run=False, status_file=None,
            lang=options.lang,
        )  # fmt: skip
        clock = FakeClock(BEFORE_START)
        app = PresenterApp(args, load_show(SHOW), build_parts(args, clock=clock))
        english = "Problems"
        if options.lang == "de" and QCoreApplication.translate("DirectorWindow", english) == english:
            print("presenter_de.qm has no German for the director: run `python tools/i18n.py release` first")
            if not options.force:
                app.quit_without_asking()
                app.shutdown()
                return 2
        deadline = time.monotonic() + 20
        while not app.started and time.monotonic() < deadline:
            wait(qt_app, 0.1)
        controller = app.controller
        clock.advance(10)
        controller.go()  # welcome
        clock.advance(5 * 60 + 5)
        controller.go()  # the discussion
        clock.advance(36 * 60)  # 1:45 left: wrap up
        controller.send_message(QCoreApplication.translate("MessagePanel", "Question from the chat"))
        if app.preview is not None:
            app.preview.show()
        windows = {"director": app.director, "moderator": app.moderator, "preview": app.preview}
        for name, window in windows.items():
            if window is not None:
                window.showNormal()
                window.resize(*SIZES[name])
        wait(qt_app, 4)  # clip checks, thumbnails, the moderator's layout
        options.out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, window in windows.items():
            if window is None:
                print(f"no {name} window", file=sys.stderr)
                continue
            path = options.out / f"{options.lang}-{name}.png"
            window.grab().save(str(path))
            written.append(str(path))
        app.quit_without_asking()
        app.shutdown()
    print("wrote", " ".join(written))
    return 0 if len(written) == len(windows) else 1


if __name__ == "__main__":
    sys.exit(main())
