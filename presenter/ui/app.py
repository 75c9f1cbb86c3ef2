"""Start-up: the Qt application, the show file, the playout and the three windows."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from presenter.clock import SystemClock
from presenter.controller import ShowController
from presenter.engine import Mode, ShowEngine
from presenter.files import atomic_write
from presenter.journal import (
    JournalWriter,
    Resumable,
    StateDir,
    default_state_dir,
    is_crash_loop,
    resumable_from,
)
from presenter.preflight import CheckReport, Status, check_show
from presenter.runs import find_resumable
from presenter.show import Show, ShowFileError, load_show, slugify

STATUS_INTERVAL_MS = 250
VLC_ARGS_ENV = "PRESENTER_VLC_ARGS"  # extra libVLC options, e.g. "--aout=adummy" for silent rehearsals


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
        self.journal: JournalWriter | None = None
        self.state = StateDir(args.state_dir or default_state_dir())
        self.settings = QSettings(str(self.state.path / "settings.ini"), QSettings.Format.IniFormat)
        clock = SystemClock()
        crash_loop = is_crash_loop(self.state.record_start())
        resumable = None if args.new_run else find_resumable(self.state, show, clock.now().date(), clock)
        vlc_message = self.vlc_message = self._start_playout()
        resume_now = resumable is not None and not crash_loop
        self.controller = ShowController(
            show, clock=clock, playout=self.playout, engine=resumable.engine if resume_now else None
        )
        if vlc_message:
            self.controller.playout_problem = vlc_message
        self.director = DirectorWindow(self.controller)
        self.director.export_as_run_requested.connect(self.export_as_run)
        self.director.open_show_requested.connect(self.choose_show)
        self.director.quit_confirmed.connect(QApplication.quit)
        if vlc_message:
            self.director.add_problem(vlc_message)
        if resumable is not None and resume_now:
            self.journal = self.state.reopen(resumable.journal.path, self._journal_problem)
            self.controller.attach_journal(self.journal.append)
            self._resumed_banner(resumable)
        else:
            self._open_new_journal()
            if resumable is not None:
                self.director.show_banner(
                    "Presenter was started 3 times within a minute: the interrupted run was not resumed automatically.",
                    "Resume the interrupted run",
                    lambda: self._resume(resumable),
                )
        for warning in resumable.warnings if resumable else ():
            self.director.add_problem(warning)
        if vlc_message and self.director.banner.isHidden():
            self.director.show_banner(vlc_message)
        self._start_moderator()
        self._start_preview()
        self._place_windows()
        self._preflight()
        self._watch_show_file()
        from presenter.remote import start_remote  # off unless --http/--osc (or remembered): see presenter/remote

        self.remote = start_remote(self.controller, args, self.settings, self, report=self.director.add_problem)
        self.resumed_from = resumable.interrupted_at if resumable is not None and resume_now else None
        if getattr(args, "status_file", None):
            self._status_timer = QTimer(self)
            self._status_timer.timeout.connect(self.write_status)
            self._status_timer.start(STATUS_INTERVAL_MS)
            self.write_status()

    # ------------------------------------------------------------------ runs and the journal

    def _journal_problem(self, message: str) -> None:
        self.director.set_persistent_warning(message or None)

    def _open_new_journal(self) -> None:
        if self.journal is not None:
            self.journal.close()
        self.journal = self.state.new_journal(self.controller.show, datetime.now(), self._journal_problem)
        self.controller.attach_journal(self.journal.append)

    def _switch_run(self, show: Show, resumed: Resumable | None) -> None:
        """The next run: `resumed` in its own journal, reopened, or `show` in standby with a new journal."""
        if self.journal is not None:
            self.journal.close()
        if resumed is not None:
            self.journal = self.state.reopen(resumed.journal.path, self._journal_problem)
            engine = resumed.engine
        else:
            self.journal = self.state.new_journal(show, datetime.now(), self._journal_problem)
            engine = ShowEngine(show, self.controller.engine.clock)
        self.controller.start_new_run(self.journal.append, engine=engine)
        self.resumed_from = resumed.interrupted_at if resumed is not None else None

    def _resumed_banner(self, resumed: Resumable) -> None:
        when = f"{resumed.interrupted_at:%H:%M:%S}" if resumed.interrupted_at else "an unknown time"
        self.director.show_banner(
            f"Resumed after interruption at {when}: the show state is restored.",
            "Back to standby (new run)",
            self.new_run,
        )

    def new_run(self) -> None:
        """Standby with a fresh journal; the run before is closed where it was and its journal kept."""
        self.controller.close_run("new run")
        self._switch_run(self.controller.show, None)

    def choose_show(self) -> None:
        """The director's "Open show…": asks first while on air, then a file dialog."""
        if self.controller.snapshot().mode is Mode.ON_AIR:
            answer = QMessageBox.question(
                self.director,
                "Open another show",
                f"“{self.controller.show.title}” is on air. Opening another show ends this run where it is "
                "(its journal and as-run are kept) and puts the program output to black.",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Open:
                return
        chosen, _ = QFileDialog.getOpenFileName(
            self.director, "Open show file", str(self.controller.show.path.parent), "Show files (*.yaml *.yml)"
        )
        if chosen:
            self.open_show(Path(chosen))

    def open_show(self, path: Path) -> bool:
        """Another show file: this run is closed (journal kept); the new show starts in standby with a
        new journal, or resumes its run of today that was interrupted. A show file with a mistake
        changes nothing."""
        try:
            show = load_show(path)
        except ShowFileError as exc:
            self.director.add_problem(f"Show not opened, the current show goes on: {exc}")
            return False
        clock = self.controller.engine.clock
        self.controller.close_run("another show opened")
        resumable = find_resumable(self.state, show, clock.now().date(), clock)
        self.director.model.set_clip_warnings({})
        self._switch_run(show, resumable)
        self.director.set_persistent_warning(self.journal.problem)  # none about the show file before
        self.director.add_problem(f"Opened “{show.title}” ({show.path})")
        if resumable is not None:
            self._resumed_banner(resumable)
            for warning in resumable.warnings:
                self.director.add_problem(warning)
        else:
            self.director.show_banner(self.vlc_message)  # a resume banner of the show before goes
        self.watcher.deleteLater()
        self._watch_show_file()
        self._preflight()
        return True

    def _resume(self, resumable: Resumable) -> None:
        path = resumable.journal.path
        fresh = resumable_from(path, self.controller.show, datetime.now().date(), self.controller.engine.clock)
        if fresh is None:
            self.director.add_problem("The interrupted run cannot be resumed any more.")
            return
        self._switch_run(self.controller.show, fresh)

    # ------------------------------------------------------------------ the show file changes on disk

    def _watch_show_file(self) -> None:
        from presenter.watch import ShowFileWatcher

        self.watcher = ShowFileWatcher(self.controller.show.path)
        self.watcher.reloaded.connect(self._show_file_changed)
        self.watcher.invalid.connect(self._show_file_invalid)

    def _show_file_invalid(self, message: str) -> None:
        self.director.add_problem(f"Show file changed but cannot be used; the show goes on unchanged: {message}")
        self.director.set_persistent_warning(f"Show file has a mistake (the running show is unchanged): {message}")

    def _show_file_changed(self, show: Show) -> None:
        self.director.set_persistent_warning(self.journal.problem if self.journal else None)
        old_order = [segment.id for segment in self.controller.show.segments]
        new_order = [segment.id for segment in show.segments]
        if old_order == new_order:
            self.controller.replace_show(show)
            self.director.add_problem("Show file changed: titles, durations and notes updated.")
            self._preflight()
            return

        def apply() -> None:
            self.controller.replace_show(show)
            self.director.add_problem("Show file changed: new running order applied.")
            self._preflight()

        self.director.show_banner(
            "The show file changed its running order (segments added, removed or moved). "
            "The segment on air stays on air.",
            "Apply the new running order",
            apply,
        )

    def write_status(self) -> None:
        """--status-file: the state as JSON for monitoring and end-to-end tests (replaced atomically)."""
        snapshot = self.controller.snapshot()
        status = {
            "pid": os.getpid(),
            "written_at": snapshot.now.isoformat(),
            "mode": snapshot.mode.value,
            "segment": snapshot.current.segment.id if snapshot.current else None,
            "remaining_s": snapshot.remaining_s,
            "elapsed_s": snapshot.elapsed_s,
            "clip_state": snapshot.clip.state.value if snapshot.clip else None,
            "clip_position_s": snapshot.clip.position_s if snapshot.clip else None,
            "message": snapshot.message.text if snapshot.message else None,
            "resumed_from": self.resumed_from.isoformat() if self.resumed_from else None,
            "journal": str(self.journal.path) if self.journal else None,
        }
        with contextlib.suppress(OSError):  # monitoring must never disturb the show
            atomic_write(Path(self.args.status_file), json.dumps(status), backup=False)

    def as_run_engine(self) -> ShowEngine:
        """The run on air; while it has not left standby, the latest run of this show in which something happened."""
        from presenter.as_run import engine_from_journal
        from presenter.runs import latest_run

        engine = self.controller.engine
        if engine.mode is not Mode.STANDBY:
            return engine
        run = latest_run(self.state, self.controller.show)
        if run is None or not run.activity or (self.journal is not None and run.path == self.journal.path):
            return engine
        try:
            return engine_from_journal(run.path, self.controller.show)[0]
        except (OSError, ValueError):
            return engine

    def export_as_run(self) -> None:
        from presenter.as_run import as_run_csv

        suggested = f"as-run-{self.controller.show.date:%Y-%m-%d}-{slugify(self.controller.show.title)}.csv"
        chosen, _ = QFileDialog.getSaveFileName(self.director, "Export as-run", suggested, "CSV files (*.csv)")
        if not chosen:
            return
        try:
            atomic_write(Path(chosen), as_run_csv(self.as_run_engine()))
        except OSError as exc:
            self.director.add_problem(f"As-run not saved: {exc.strerror or exc}")
        else:
            self.director.add_problem(f"As-run saved to {chosen}")

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
        extra_args = shlex.split(os.environ.get(VLC_ARGS_ENV, ""))
        self.playout = ProgramPlayout(self.output_window, vlc_args=extra_args or None)
        self.output_window.panic_requested.connect(lambda: self.controller.panic())
        return None

    def _start_moderator(self) -> None:
        from presenter.ui.moderator import ModeratorWindow

        self.moderator = ModeratorWindow(self.controller)
        self.director.moderator_screen_requested.connect(self._move_moderator)
        self.director.moderator_fullscreen_toggled.connect(self.moderator.toggle_fullscreen)

    def _start_preview(self) -> None:
        """The technician's preview: its own libVLC player, never the program's."""
        from presenter.ui.preview import PreviewWindow

        self.preview = PreviewWindow(
            self.controller,
            self.playout,
            settings=self.settings,
            cache_dir=self.state.path / "thumbnails",
            vlc_args=shlex.split(os.environ.get(VLC_ARGS_ENV, "")) or None,
        )
        self.director.preview_requested.connect(self._show_preview)

    def _show_preview(self) -> None:
        self.preview.show()
        self.preview.raise_()

    def _place_windows(self) -> None:
        from presenter.ui.screens import WindowPlacement

        self.placement = WindowPlacement(self.settings, self.director.add_problem, self)
        screens = QGuiApplication.screens()
        names = [f"{i}: {s.name()} {s.size().width()}x{s.size().height()}" for i, s in enumerate(screens)]
        self.director.set_screens(names, self.args.moderator_screen)
        self.director.show()
        if self.moderator is not None:
            self.placement.manage(
                "moderator", "moderator window", self.moderator, self.args.moderator_screen, self.args.windowed
            )
        if self.output_window is not None:
            self.placement.manage(
                "output", "program output", self.output_window, self.args.output_screen, self.args.windowed
            )
        self.director.moderator_fullscreen_toggled.connect(self.placement.remember)
        self.preview.show()
        self.director.raise_()
        self.director.activateWindow()

    def _move_moderator(self, index: int) -> None:
        warning = self.moderator.move_to_screen(index)
        if warning:
            self.director.add_problem(warning)
        else:
            self.placement.move("moderator", index)

    def _preflight(self) -> None:
        probe = None
        if self.playout is not None:
            from presenter.playout.probe import probe
        task = PreflightTask(self.controller.show, probe)
        task.signals.done.connect(self._preflight_done)
        self._preflight_task = task
        QThreadPool.globalInstance().start(task)

    def _preflight_done(self, report: CheckReport) -> None:
        if report.show.path != self.controller.show.path:
            return  # a check of the show before another one was opened
        self.controller.media_info = {row.segment.id: row.media for row in report.rows if row.media is not None}
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

    def quit_without_asking(self) -> None:
        """SIGTERM or Ctrl+C: whoever sent it meant it, so the director does not ask."""
        self.director.closing_allowed = True
        QApplication.quit()

    def shutdown(self) -> None:
        if getattr(self, "remote", None) is not None:
            self.remote.close()
        if getattr(self, "placement", None) is not None:
            self.placement.remember()
        if getattr(self, "preview", None) is not None:
            self.preview.shutdown()
        if self.playout is not None:
            self.playout.shutdown()
        if self.journal is not None:
            self.journal.close()


def _install_excepthook(app_ref: list) -> None:
    """An unexpected error is logged and shown; the show goes on."""

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        if app_ref and app_ref[0] is not None:
            app_ref[0].director.add_problem(f"Internal error (the show goes on): {value!r}")

    sys.excepthook = hook


def show_to_open(args: argparse.Namespace) -> Path:
    """The show named on the command line; else the latest run's show (it may need resuming), else the bundled one."""
    if getattr(args, "show_named", True):
        return args.show
    return StateDir(args.state_dir or default_state_dir()).last_show() or args.show


def run_app(args: argparse.Namespace) -> int:
    from presenter.playout.vlc_adapter import tune_heap
    from presenter.statelock import StateLockError

    state_lock = None
    try:  # one Presenter per state directory: held until this function returns (or the process dies)
        state_lock = StateDir(args.state_dir or default_state_dir()).acquire_lock()
    except StateLockError as exc:
        print(f"presenter: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a state directory that cannot be written: the show goes on, the director is told
        print(f"presenter: the state directory cannot be locked ({exc.strerror or exc}); going on", file=sys.stderr)
    tune_heap()  # before Qt and libVLC start their threads
    platform = choose_platform()
    if platform:
        os.environ["QT_QPA_PLATFORM"] = platform
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Presenter")
    qt_app.setOrganizationName("Presenter")
    args.show = show_to_open(args)
    show = load_show_interactively(args.show)
    if show is None:
        return 2
    app_ref: list = [None]
    _install_excepthook(app_ref)
    app = PresenterApp(args, show)
    app_ref[0] = app
    qt_app.aboutToQuit.connect(app.shutdown)
    _quit_on_signals(qt_app, app)
    try:
        return qt_app.exec()
    finally:
        if state_lock is not None:
            state_lock.release()


def _quit_on_signals(qt_app: QApplication, app: PresenterApp) -> None:
    """SIGTERM / Ctrl+C end the event loop cleanly (players stopped, journal closed, placement saved)."""
    import signal

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit_without_asking())
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    wake = QTimer(qt_app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
