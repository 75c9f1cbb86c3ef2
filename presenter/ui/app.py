"""The application: the windows wired to the one controller, the run rules and the journal, the
status file. It is handed its parts (presenter.ui.parts, the composition root); presenter.ui.launch
starts the process.

Start-up order, top to bottom (PresenterApp.__init__, then _start_after_paint):
  1. the language, the run rules and the journal, the run (engine and question queue, replayed as one);
  2. the one controller (driving a DeferredPlayout until libVLC is up), the director window, shown;
  3. right after its first paint: the program output, the editor, the moderator, the clip checks,
     the preview, the questions window, the window placement, the show file watcher, the remote.
Every part is an attribute declared with its type in __init__; the ones of step 3 are None until then
(libVLC and the other windows would delay the director's first paint)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QFileDialog, QMessageBox

from presenter.compose import choose_platform
from presenter.controller import ShowController
from presenter.files import atomic_write
from presenter.i18n import current_language
from presenter.run.engine import ShowEngine
from presenter.run.intents import CloseRun, Rehearse, StopToBlack
from presenter.run.journal import JournalWriter, Resumable
from presenter.run.rules import CloseReason, RunChange, RunRules, StartDecision, needs_confirmation
from presenter.show import Show, ShowFileError, load_show
from presenter.ui.app_windows import AppClipChecks, AppWindows
from presenter.ui.deferred_playout import DeferredPlayout
from presenter.ui.language_choice import LANGUAGE_NAMES
from presenter.ui.obs_wiring import ObsCues, ObsWiring, wire_obs
from presenter.ui.parts import AppParts, build_parts, install_language, show_to_open
from presenter.ui.status_file import question_status, snapshot_status

if TYPE_CHECKING:
    from presenter.playout.interface import Playout
    from presenter.remote.service import Remote
    from presenter.ui.clip_checks import ClipChecks
    from presenter.ui.editor.actions import RunningOrderEditor
    from presenter.ui.moderator.window import ModeratorWindow
    from presenter.ui.preview.window import PreviewWindow
    from presenter.ui.program_output import ProgramOutputWindow
    from presenter.ui.questions_window import QuestionsWindow
    from presenter.ui.questions_wiring import QuestionsWiring
    from presenter.ui.remote_panel import RemoteDialog
    from presenter.ui.screens import WindowPlacement
    from presenter.watch import ShowFileWatcher

__all__ = ["PresenterApp", "choose_platform", "show_to_open"]

STATUS_INTERVAL_MS = 250
# The resume banner offers "Back to standby (new run)" at start-up only: it goes at the first GO
# (or any other change of what is on air) or after this time, whichever comes first. Later, a new
# run is Open show… with the same file (it asks first while on air).
RESUME_BANNER_MS = 30_000


class PresenterApp(AppWindows, AppClipChecks, QObject):
    """Owns the windows and wires them to the one controller; is handed its parts (presenter.ui.parts).

    The windows beside the director and the clip checks: presenter.ui.app_windows."""

    def __init__(self, args: argparse.Namespace, show: Show, parts: AppParts | None = None) -> None:
        """`parts` from presenter.ui.parts.build_parts (None: the real ones for `args`)."""
        super().__init__()
        from presenter.ui.director import DirectorWindow

        parts = parts or build_parts(args)
        if parts.language is not current_language():  # before any window is built (launch did it already)
            from presenter.i18n import qt as i18n_qt

            install_language(i18n_qt, parts.language)
        self.restart_argv: list[str] | None = None  # set when the windows start again in another language
        self.args = args
        self.parts = parts
        self.state = parts.state
        self.settings = parts.settings
        # Step 3's parts (after the director's first paint): see the module's docstring.
        self.started = False
        self.playout: Playout | None = None
        self.output_window: ProgramOutputWindow | None = None
        self.vlc_message: str | None = None
        self.editor: RunningOrderEditor | None = None  # ruamel.yaml and the forms load then
        # (app_windows' mixins assign these; mypy reads their types from there, without the None)
        self.moderator: ModeratorWindow | None = None  # type: ignore[assignment]
        self.clip_checks: ClipChecks | None = None  # type: ignore[assignment]
        self.preview: PreviewWindow | None = None  # type: ignore[assignment]
        self.questions: QuestionsWiring | None = None
        self.questions_window: QuestionsWindow | None = None
        self.placement: WindowPlacement | None = None  # type: ignore[assignment]
        self.watcher: ShowFileWatcher | None = None
        self.remote: Remote | None = None
        self.remote_dialog: RemoteDialog | None = None  # built when the director first asks for it
        # Step 1: the language (above), the run rules and the journal, the run.
        self._early_warning: str | None = None  # a journal problem said before the director exists
        self._director_built = False
        self.rules = RunRules(parts.state, parts.clock, self._journal_problem)
        decision = self.rules.at_start(show, new_run=bool(args.new_run))
        run = self.rules.open(show, decision.resume)  # engine and question queue, replayed as one, journaled
        # Step 2: the controller and the director window.
        self.deferred_playout = DeferredPlayout(self)
        self.controller = ShowController(show, clock=parts.clock, playout=self.deferred_playout, run=run)
        self.controller.attach_journal(self.open_journal.append)  # the same journal; starts the heartbeat
        self.obs_cues = ObsCues(self.controller)  # before any window: OBS has each change before they repaint
        self.director = DirectorWindow(self.controller)
        self._director_built = True
        self._connect_director()
        self.obs = self._wire_obs()  # OBS follows the show (--obs); the lower-third keys work without it too
        self._announce_start(decision)
        if getattr(args, "rehearse", False):
            self.director.send_intent(Rehearse())  # the core's rehearsal intent (--rehearse)
        self.director.show()  # the director paints first; libVLC, the other windows and clip checks right after
        QTimer.singleShot(0, self._start_after_paint)
        if getattr(args, "status_file", None):
            self._status_timer = QTimer(self)
            self._status_timer.timeout.connect(self.write_status)
            self._status_timer.start(STATUS_INTERVAL_MS)
            self.write_status()

    def _connect_director(self) -> None:
        self.director.messages.remember_in(self.settings)  # "until the next GO" is remembered (issue 22)
        self.director.export_as_run_requested.connect(self.export_as_run)
        self.director.open_show_requested.connect(self.choose_show)
        self.director.rehearse_requested.connect(self.rehearse_from_now)
        self.director.remote_requested.connect(self.show_remote)
        self.director.quit_confirmed.connect(QApplication.quit)
        self.director.language_chosen.connect(self.choose_language)
        self.director.set_persistent_warning(self._early_warning)

    def _wire_obs(self) -> ObsWiring:
        # --obs, else the address stored in the OBS settings; the panel shows while OBS is followed
        wiring = wire_obs(
            self.controller, getattr(self.args, "obs", None), window=self.director,
            problem=self.director.add_problem, settings=self.settings, cues=self.obs_cues,
        )  # fmt: skip
        column = self.director.question_queue.parentWidget()  # the right-hand column, under the question queue
        layout = column.layout() if column is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(2, wiring.panel)
        self.director.obs_settings_requested.connect(wiring.show_settings)
        return wiring

    def _announce_start(self, decision: StartDecision) -> None:
        """What the run rules decided at start-up, and a missing translation, in the director's banner and list."""
        if decision.resume is not None:
            self._resumed_banner(decision.resume)
        elif decision.offer is not None:
            offered = decision.offer
            self.director.show_banner(
                self.tr(
                    "Presenter was started 3 times within a minute: the interrupted run was not resumed automatically."
                ),
                self.tr("Resume the interrupted run"),
                lambda: self._resume(offered),
            )
        for warning in decision.warnings:
            self.director.add_problem(warning)
        if current_language() is not self.parts.language:  # its catalog is missing: English, and the show goes on
            self.director.add_problem(
                self.tr("{language} is not available (its translation is missing): the windows are in English.").format(
                    language=LANGUAGE_NAMES[self.parts.language]
                )
            )

    def _start_after_paint(self) -> None:
        """Step 3, in this order: the program output first (the playout's kept commands run then)."""
        if self.started:
            return
        self.started = True
        output = self.parts.start_output()
        self.playout, self.output_window, self.vlc_message = output.playout, output.window, output.problem
        if self.output_window is not None:
            self.output_window.panic_requested.connect(lambda: self.director.send_intent(StopToBlack()))
        if self.vlc_message:
            self.controller.playout_problem = self.vlc_message
            self.director.add_problem(self.vlc_message)
            if self.director.banner.isHidden():
                self.director.show_banner(self.vlc_message)
        self.deferred_playout.attach(self.playout, self.vlc_message)
        self._install_editor()
        self._start_moderator()
        self._preflight()
        self._start_preview()
        self._start_questions()
        self._place_windows()
        self._watch_show_file()
        from presenter.remote.service import (
            start_remote,  # off unless --http/--osc (or remembered): see presenter/remote
        )

        self.remote = start_remote(self.controller, self.args, self.settings, self, report=self.director.add_problem)

    @property
    def journal(self) -> JournalWriter | None:
        return self.rules.journal

    @property
    def open_journal(self) -> JournalWriter:
        """The journal of the run on air: the run rules open one with every run."""
        journal = self.rules.journal
        assert journal is not None, "the run rules open a journal with every run"
        return journal

    @property
    def resumed_from(self) -> datetime | None:
        return self.rules.resumed_from

    # ------------------------------------------------------------------ runs and the journal

    def _journal_problem(self, message: str) -> None:
        if not self._director_built:
            self._early_warning = message or None  # the journal was opened before the window
        else:
            self.director.set_persistent_warning(message or None)

    def confirm_run_change(self, change: RunChange) -> bool:
        """Ending or replacing the run on air asks first and says what will happen."""
        if not needs_confirmation(change, self.controller.snapshot().mode):
            return True
        title = self.controller.show.title
        texts = {
            RunChange.NEW_RUN: (
                self.tr("Back to standby (new run)"),
                self.tr(
                    "“{title}” is on air. A new run ends this run where it is (its journal and as-run are kept), "
                    "puts the program output to black and starts in standby: the next GO starts the show again."
                ),
                QMessageBox.StandardButton.Yes,
            ),
            RunChange.ANOTHER_SHOW: (
                self.tr("Open another show"),
                self.tr(
                    "“{title}” is on air. Opening another show ends this run where it is "
                    "(its journal and as-run are kept) and puts the program output to black."
                ),
                QMessageBox.StandardButton.Open,
            ),
            RunChange.RESUME_INTERRUPTED: (
                self.tr("Resume the interrupted run"),
                self.tr(
                    "“{title}” is on air. Resuming the interrupted run ends this run where it is (its journal "
                    "is kept) and puts back on air what was on air when Presenter stopped."
                ),
                QMessageBox.StandardButton.Yes,
            ),
        }
        caption, text, ok = texts[change]
        answer = QMessageBox.question(
            self.director, caption, text.format(title=title), ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == ok

    def _switch_run(self, show: Show, resumed: Resumable | None) -> None:
        """The next run: `resumed` in its own journal, reopened, or `show` in standby with a new journal."""
        engine = self.rules.open_run(show, resumed)
        self.controller.start_new_run(self.open_journal.append, engine=engine)

    def _resumed_banner(self, resumed: Resumable) -> None:
        when = f"{resumed.interrupted_at:%H:%M:%S}" if resumed.interrupted_at else self.tr("an unknown time")
        self.director.show_banner(
            self.tr("Resumed after interruption at {when}: the show state is restored.").format(when=when),
            self.tr("Back to standby (new run)…"),
            self.ask_new_run,
            transient=True,
            expires_ms=RESUME_BANNER_MS,
        )

    def ask_new_run(self) -> bool:
        """The resume banner's button: asks first while on air; False when the director says no."""
        if not self.confirm_run_change(RunChange.NEW_RUN):
            return False
        self.new_run()
        return True

    def new_run(self) -> None:
        """Standby with a fresh journal; the run before is closed where it was and its journal kept."""
        self.director.send_intent(CloseRun(CloseReason.NEW_RUN.value))
        self._switch_run(self.controller.show, None)

    def rehearse_from_now(self) -> None:
        """ "Rehearse from now": the running order is planned from the first GO (the core's rehearsal)."""
        self.director.send_intent(Rehearse())

    def choose_show(self) -> None:
        """The director's "Open show…": asks first while on air, then a file dialog."""
        if not self.confirm_run_change(RunChange.ANOTHER_SHOW):
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.director, self.tr("Open show file"), str(Path(self.controller.show.path or ".").parent),
            self.tr("Show files (*.yaml *.yml)"),
        )  # fmt: skip
        if chosen:
            self.open_show(Path(chosen))

    def open_show(self, path: Path) -> bool:
        """Another show file: this run is closed (journal kept); the new show starts in standby with a
        new journal, or resumes its run of today that was interrupted. A show file with a mistake
        changes nothing."""
        try:
            show = load_show(path)
        except ShowFileError as exc:
            self.director.add_problem(self.tr("Show not opened, the current show goes on: {error}").format(error=exc))
            return False
        self.director.send_intent(CloseRun(CloseReason.ANOTHER_SHOW.value))
        resumable = self.rules.resumable_for(show)
        self.director.model.set_clip_warnings({})
        self._switch_run(show, resumable)
        self.director.set_persistent_warning(self.open_journal.problem)  # none about the show file before
        self.director.add_problem(self.tr("Opened “{title}” ({path})").format(title=show.title, path=show.path))
        if resumable is not None:
            self._resumed_banner(resumable)
            for warning in resumable.warnings:
                self.director.add_problem(warning)
        else:
            self.director.show_banner(self.vlc_message)  # a resume banner of the show before goes
        if self.watcher is not None:
            self.watcher.deleteLater()
        self._watch_show_file()
        self._preflight()
        return True

    def _resume(self, resumable: Resumable) -> bool:
        if not self.confirm_run_change(RunChange.RESUME_INTERRUPTED):
            return False
        fresh = self.rules.still_resumable(resumable, self.controller.show)
        if fresh is None:
            self.director.add_problem(self.tr("The interrupted run cannot be resumed any more."))
            return True
        self._switch_run(self.controller.show, fresh)
        return True

    # ------------------------------------------------------------------ the show file changes on disk

    def _watch_show_file(self) -> None:
        from presenter.watch import ShowFileWatcher

        path = self.controller.show.path
        if path is None:
            return  # a show not read from a file: nothing to watch
        watcher = self.watcher = ShowFileWatcher(path)
        watcher.reloaded.connect(self._show_file_changed)
        watcher.invalid.connect(self._show_file_invalid)

    def _show_file_invalid(self, message: str) -> None:
        self.director.add_problem(
            self.tr("Show file changed but cannot be used; the show goes on unchanged: {message}").format(
                message=message
            )
        )
        self.director.set_persistent_warning(
            self.tr("Show file has a mistake (the running show is unchanged): {message}").format(message=message)
        )

    def _install_editor(self) -> None:
        """The running-order editor in the director window (presenter.ui.editor); unsaved edits offered back."""
        from presenter.run.runs import unsaved_edits
        from presenter.ui.editor import install_editor

        editor = self.editor = install_editor(self.director, self.controller)
        editor.open_show_requested.connect(self.open_show)
        restored = unsaved_edits(self.state, self.controller.show)
        if restored is not None:
            self.director.show_banner(
                self.tr("The running order was edited and not saved before Presenter stopped."),
                self.tr("Restore the unsaved edits"),
                lambda: editor.restore(restored),
            )

    def _show_file_changed(self, show: Show) -> None:
        if self.editor is not None and self.editor.wrote(show):
            return  # the editor's own save coming back through the watcher
        if self.editor is not None and self.editor.session.dirty:
            self.director.add_problem(
                self.tr("The show file changed on disk while the running order has unsaved edits: Save will ask.")
            )
            return
        self.director.set_persistent_warning(self.journal.problem if self.journal else None)
        old_order = [segment.id for segment in self.controller.show.segments]
        new_order = [segment.id for segment in show.segments]
        if old_order == new_order:
            self.controller.edits.replace_show(show)
            self.director.add_problem(self.tr("Show file changed: titles, durations and notes updated."))
            self._preflight()
            return

        def apply() -> None:
            self.controller.edits.replace_show(show)
            self.director.add_problem(self.tr("Show file changed: new running order applied."))
            self._preflight()

        self.director.show_banner(
            self.tr(
                "The show file changed its running order (segments added, removed or moved). "
                "The segment on air stays on air."
            ),
            self.tr("Apply the new running order"),
            apply,
        )

    def write_status(self) -> None:
        """--status-file: the state as JSON for monitoring and end-to-end tests (replaced atomically)."""
        snapshot = self.controller.snapshot()
        output = self.controller.output_status()
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
            "next": snapshot.next.segment.id if snapshot.next else None,  # what GO puts on air
            "output": output.state.value if output is not None else None,  # what the program output shows
            **question_status(snapshot),  # question, questions_waiting
            **snapshot_status(snapshot),  # phase, timer_s, lateness, go, back, … (presenter.ui.status_file)
            **self.obs.status(),  # obs (the stream's health), graphics (what is on the stream)
        }
        with contextlib.suppress(OSError):  # monitoring must never disturb the show
            atomic_write(Path(self.args.status_file), json.dumps(status), backup=False)

    def as_run_engine(self) -> ShowEngine:
        """The run on air; while it has not left standby, the latest run of this show in which something happened."""
        return self.rules.as_run_engine(self.controller.engine)

    def export_as_run(self) -> None:
        """The as-run, its log (messages, panics, clip failures) and the questions, side by side as CSV."""
        from presenter.ui.export import export_run

        export_run(self)

    def _start_questions(self) -> None:
        from presenter.ui.questions_wiring import QuestionsWiring

        questions = self.questions = QuestionsWiring(self)
        self.questions_window = questions.window
        questions.window.show()

    def show_remote(self) -> None:
        """The remote control panel: what is on, the links, the QR code, the PIN, the views connected."""
        if self.remote is None:
            return  # it starts right after the director's first paint
        from presenter.ui.remote_panel import RemoteDialog

        if self.remote_dialog is None:
            self.remote_dialog = RemoteDialog(self.remote, self.director)
        self.remote_dialog.show()
        self.remote_dialog.raise_()

    def show_questions(self) -> None:
        if self.questions is not None:  # it starts right after the director's first paint
            self.questions.show()

    def delete_run_questions(self) -> None:
        if self.questions is not None:
            self.questions.delete_run_questions()

    # ------------------------------------------------------------------ the language

    def choose_language(self, code: str) -> None:
        """The director's language box (presenter.ui.language_choice)."""
        from presenter.ui.language_choice import choose_language

        choose_language(self, code)

    def restart(self, argv: list[str]) -> None:
        """Every window closes as on quit (players stopped, journal closed); launch starts Presenter
        again with `argv`."""
        self.restart_argv = argv
        self.quit_without_asking()

    def quit_without_asking(self) -> None:
        """SIGTERM or Ctrl+C: whoever sent it meant it, so the director does not ask."""
        self.director.closing_allowed = True
        QApplication.quit()

    def shutdown(self) -> None:
        self.obs.close()  # disconnects only: the stream and the recording go on
        if self.remote is not None:
            self.remote.close()
        if self.placement is not None:
            self.placement.remember()
        if self.preview is not None:
            self.preview.shutdown()
        if self.clip_checks is not None:
            self.clip_checks.shutdown()
        if self.playout is not None:
            self.playout.shutdown()
        self.rules.close()
