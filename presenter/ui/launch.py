"""The process around the application: one Presenter per state directory, Qt on the right platform,
the show file (asked again while it has a mistake), unexpected errors shown, SIGTERM / Ctrl+C."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from presenter.compose import choose_platform, state_dir_for
from presenter.i18n import translate
from presenter.show import Show, ShowFileError, load_show

if TYPE_CHECKING:
    from presenter.ui.app import PresenterApp


def load_show_interactively(path: Path, parent: QWidget | None = None) -> Show | None:
    """Load the show; on a mistake say where it is and offer retry / another file / quit."""
    while True:
        try:
            return load_show(path)
        except ShowFileError as exc:
            print(str(exc), file=sys.stderr)
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(translate("Launch", "Presenter — show file problem"))
            box.setText(translate("Launch", "The show file cannot be used:\n\n{exc}").format(exc=exc))
            box.setInformativeText(translate("Launch", "Fix the file and press Retry, or open another show file."))
            retry = box.addButton(translate("Launch", "Retry"), QMessageBox.ButtonRole.AcceptRole)
            other = box.addButton(translate("Launch", "Open another…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(translate("Launch", "Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is retry:
                continue
            if box.clickedButton() is other:
                chosen, _ = QFileDialog.getOpenFileName(
                    parent,
                    translate("Launch", "Open show file"),
                    str(path.parent),
                    translate("Launch", "Show files (*.yaml *.yml)"),
                )
                if chosen:
                    path = Path(chosen)
                continue
            return None


def _install_excepthook(app_ref: list[PresenterApp | None]) -> None:
    """An unexpected error is logged and shown; the show goes on."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        if app_ref and app_ref[0] is not None:
            app_ref[0].director.add_problem(
                translate("Launch", "Internal error (the show goes on): {value!r}").format(value=value)
            )

    sys.excepthook = hook


def launch(args: argparse.Namespace) -> int:
    from presenter.playout.vlc.heap import tune_heap
    from presenter.statelock import StateLockError

    state_lock = None
    try:  # one Presenter per state directory: held until this function returns (or the process dies)
        state_lock = state_dir_for(args).acquire_lock()
    except StateLockError as exc:
        print(f"presenter: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a state directory that cannot be written: the show goes on, the director is told
        print(f"presenter: the state directory cannot be locked ({exc.strerror or exc}); going on", file=sys.stderr)
    tune_heap()  # before Qt and libVLC start their threads
    platform = choose_platform()
    if platform:
        os.environ["QT_QPA_PLATFORM"] = platform
    qt_app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    qt_app.setApplicationName("Presenter")
    qt_app.setOrganizationName("Presenter")
    from presenter.i18n import qt as i18n_qt
    from presenter.ui.app import PresenterApp
    from presenter.ui.collector import UiThreadCollector
    from presenter.ui.parts import build_parts, install_language, show_to_open

    parts = build_parts(args)
    install_language(i18n_qt, parts.language)  # before any window, the show file's problem box included
    args.show = show_to_open(args)
    show = load_show_interactively(args.show)
    if show is None:
        return 2
    app_ref: list[PresenterApp | None] = [None]
    _install_excepthook(app_ref)
    collector = UiThreadCollector(qt_app)  # reference cycles are collected in Qt's thread only
    app = PresenterApp(args, show, parts)
    app_ref[0] = app
    qt_app.aboutToQuit.connect(app.shutdown)
    _quit_on_signals(qt_app, app)
    try:
        code = qt_app.exec()
    finally:
        collector.stop()
        if state_lock is not None:
            state_lock.release()
    if app.restart_argv is not None:  # the director chose another language in standby: start again
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, *app.restart_argv])
    return code


def _quit_on_signals(qt_app: QApplication, app: PresenterApp) -> None:
    """SIGTERM / Ctrl+C end the event loop cleanly (players stopped, journal closed, placement saved)."""
    import signal

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit_without_asking())
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    wake = QTimer(qt_app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
