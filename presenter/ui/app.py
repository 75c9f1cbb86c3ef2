"""Start-up: the Qt application, the show file, the playout and the three windows."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from presenter.controller import ShowController
from presenter.preflight import CheckReport, Status, check_show
from presenter.show import Show, ShowFileError, load_show


def choose_platform(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Qt runs on xcb on Linux: there is no video embedding on Wayland (XWayland works)."""
    environ = os.environ if environ is None else environ
    if platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM"):
        return "xcb"
    return None


def load_show_interactively(path: Path, parent=None) -> Show | None:
    """Load the show; on a mistake say where it is and offer retry / another file / quit."""
    while True:
        try:
            return load_show(path)
        except ShowFileError as exc:
            print(str(exc), file=sys.stderr)
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Presenter — show file problem")
            box.setText(f"The show file cannot be used:\n\n{exc}")
            box.setInformativeText("Fix the file and press Retry, or open another show file.")
            retry = box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole)
            other = box.addButton("Open another…", QMessageBox.ButtonRole.ActionRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is retry:
                continue
            if box.clickedButton() is other:
                chosen, _ = QFileDialog.getOpenFileName(
                    parent, "Open show file", str(path.parent), "Show files (*.yaml *.yml)"
                )
                if chosen:
                    path = Path(chosen)
                continue
            return None


class _PreflightSignals(QObject):
    done = Signal(object)


class PreflightTask(QRunnable):
    """Probes the clips off the UI thread; the report is posted back through a queued signal."""

    def __init__(self, show: Show, probe):
        super().__init__()
        self.show = show
        self.probe = probe
        self.signals = _PreflightSignals()

    def run(self) -> None:
        try:
            report = check_show(self.show, self.probe)
        except Exception as exc:  # a probe must never take the application down
            report = check_show(self.show, None, (f"clip check failed: {exc}",))
        self.signals.done.emit(report)


class PresenterApp(QObject):
    """Owns the windows and wires them to the one controller."""

    def __init__(self, args: argparse.Namespace, show: Show):
        super().__init__()
        from presenter.ui.director import DirectorWindow

        self.args = args
        self.playout = None
        self.output_window = None
        self.moderator = None
        vlc_message = self._start_playout()
        self.controller = ShowController(show, playout=self.playout)
        if vlc_message:
            self.controller.playout_problem = vlc_message
        self.director = DirectorWindow(self.controller)
        if vlc_message:
            self.director.show_banner(vlc_message)
        if self.playout is not None:
            self.playout.status_changed.connect(self._output_status)
        self.director.set_output_state("no program output" if self.playout is None else "idle (black)")
        self._start_moderator()
        self._place_windows()
        self._preflight()

    def _start_playout(self) -> str | None:
        try:
            from presenter.playout import vlc_adapter
            from presenter.playout.program import ProgramPlayout
            from presenter.ui.program_output import ProgramOutputWindow
        except ImportError as exc:
            return f"Program output unavailable: {exc}"
        ok, message = vlc_adapter.vlc_status()
        if not ok:
            return message
        self.output_window = ProgramOutputWindow()
        self.playout = ProgramPlayout(self.output_window)
        self.output_window.panic_requested.connect(lambda: self.controller.panic())
        return None

    def _start_moderator(self) -> None:
        from presenter.ui.moderator import ModeratorWindow

        self.moderator = ModeratorWindow(self.controller)
        self.director.moderator_screen_requested.connect(self.moderator.move_to_screen)
        self.director.moderator_fullscreen_toggled.connect(self.moderator.toggle_fullscreen)

    def _place_windows(self) -> None:
        screens = QGuiApplication.screens()
        names = [f"{i}: {s.name()} {s.size().width()}x{s.size().height()}" for i, s in enumerate(screens)]
        self.director.set_screens(names, self.args.moderator_screen)
        self.director.show()
        if self.moderator is not None:
            warning = self.moderator.place(self.args.moderator_screen, self.args.windowed)
            if warning:
                self.director.add_problem(warning)
        if self.output_window is not None:
            warning = self.output_window.place(self.args.output_screen, self.args.windowed)
            if warning:
                self.director.add_problem(warning)
        self.director.raise_()
        self.director.activateWindow()

    def _preflight(self) -> None:
        probe = None
        if self.playout is not None:
            from presenter.playout.probe import probe
        task = PreflightTask(self.controller.show, probe)
        task.signals.done.connect(self._preflight_done)
        self._preflight_task = task
        QThreadPool.globalInstance().start(task)

    def _preflight_done(self, report: CheckReport) -> None:
        durations = report.media_durations()
        if durations:
            self.controller.set_media_durations(durations)
        warnings = {row.segment.id: row.summary for row in report.rows if row.status is not Status.READY}
        self.director.model.set_clip_warnings(warnings)
        for row in report.rows:
            if row.status is not Status.READY:
                self.director.add_problem(f'{row.number}. "{row.segment.title}": {row.status.value}: {row.summary}')
        for note in report.notes:
            self.director.add_problem(note)

    def _output_status(self, status) -> None:
        from presenter.timefmt import format_duration

        state = status.state.name.lower()
        if state in ("playing", "paused") and status.segment_id:
            duration = format_duration(status.duration_s) if status.duration_s else "–"
            text = f"{state} {format_duration(status.position_s)} / {duration}"
        else:
            text = state
        if status.armed_segment_id:
            text += f" · armed: {status.armed_segment_id}"
        if status.message and state == "error":
            text += f" — {status.message}"
        self.director.set_output_state(text)

    def shutdown(self) -> None:
        if self.playout is not None:
            self.playout.shutdown()


def _install_excepthook(app_ref: list) -> None:
    """An unexpected error is logged and shown; the show goes on."""

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        if app_ref and app_ref[0] is not None:
            app_ref[0].director.add_problem(f"Internal error (the show goes on): {value!r}")

    sys.excepthook = hook


def run_app(args: argparse.Namespace) -> int:
    platform = choose_platform()
    if platform:
        os.environ["QT_QPA_PLATFORM"] = platform
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Presenter")
    qt_app.setOrganizationName("Presenter")
    show = load_show_interactively(args.show)
    if show is None:
        return 2
    app_ref: list = [None]
    _install_excepthook(app_ref)
    app = PresenterApp(args, show)
    app_ref[0] = app
    qt_app.aboutToQuit.connect(app.shutdown)
    return qt_app.exec()
