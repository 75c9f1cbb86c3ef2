"""Import… off the UI thread: the import and the write run in a worker thread, the window shows progress and a cancel.

An import of a large or hostile file takes its time (each reader stops at its limits, see
presenter.importers); meanwhile the show goes on: GO, the clocks and the remote are served by the UI
thread, which only receives "rows read" and the end. Nothing here blocks: the progress dialog is not
modal and the closing message is opened, not executed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from presenter.files import atomic_write
from presenter.i18n import translate
from presenter.importers import ImportCancelled, ImportFailed, ImportResult, Progress, import_file
from presenter.show.save import SHOW_FILE_MODE, SaveError, render_new

REPORT_EVERY = 25  # rows between two progress signals: the UI thread gets a few dozen, not thousands


@dataclass
class ImportOutcome:
    """How an import ended: a result (the file is written), a message, or cancelled."""

    result: ImportResult | None = None
    message: str = ""
    cancelled: bool = False


class _Worker(QThread):
    rows_read = Signal(int)
    ended = Signal(object)  # ImportOutcome

    def __init__(self, source: Path, output: Path, progress: Progress):
        super().__init__()
        self.source, self.output, self.progress = source, output, progress
        progress.report = self._report

    def _report(self, rows: int) -> None:
        if rows % REPORT_EVERY == 0:
            self.rows_read.emit(rows)

    def run(self) -> None:
        self.ended.emit(write_import(self.source, self.output, self.progress))


def write_import(source: Path, output: Path, progress: Progress) -> ImportOutcome:
    """Import `source` and write the show to `output`; runs in the worker thread, never raises."""
    try:
        result = import_file(source, output, progress=progress)
        header = translate(
            "Import", "# Imported from {name} by Presenter. Clip paths are relative to this file.\n"
        ).format(name=source.name)
        text = render_new(result.show, output, header)
        progress.step(0)  # the last moment a cancel keeps the file unwritten
        atomic_write(output, text, mode=SHOW_FILE_MODE)
    except ImportCancelled:
        return ImportOutcome(cancelled=True)
    except (ImportFailed, SaveError) as exc:
        return ImportOutcome(message=str(exc))
    except OSError as exc:
        return ImportOutcome(message=f"{output}: {exc.strerror or exc}")
    except Exception as exc:  # the dialog must end whatever happened; the message names it
        return ImportOutcome(message=f"{type(exc).__name__}: {exc}")
    return ImportOutcome(result=result)


class ImportRunner(QObject):
    """One import with its progress dialog; `done(output)` is called when the show file was written."""

    finished = Signal(object)  # ImportOutcome, after the dialogs are shown

    def __init__(self, parent: QWidget, source: Path, output: Path, done: Callable[[Path], None]):
        super().__init__(parent)
        self.parent_widget, self.source, self.output, self.done = parent, source, output, done
        self.progress = Progress()
        self.outcome: ImportOutcome | None = None
        self.dialog = QProgressDialog(parent)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(QCoreApplication.translate("EditorFiles", "Import"))
        self.dialog.setLabelText(self._label(0))
        self.dialog.setCancelButtonText(QCoreApplication.translate("EditorFiles", "Cancel"))
        self.dialog.setRange(0, 0)  # how many rows a file has is only known at its end
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)  # GO and the other keys keep working
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.worker = _Worker(source, output, self.progress)
        self.worker.rows_read.connect(lambda rows: self.dialog.setLabelText(self._label(rows)))
        self.worker.ended.connect(self._ended)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def _label(self, rows: int) -> str:
        return (
            QCoreApplication.translate("EditorFiles", "Importing %1 … %2 rows read")
            .replace("%1", self.source.name)
            .replace("%2", str(rows))
        )

    def start(self) -> None:
        self.dialog.show()
        self.worker.start()

    def cancel(self) -> None:
        self.progress.cancel.set()

    def stop(self) -> None:
        """At quit: the worker is cancelled and awaited (a QThread must not outlive its object)."""
        self.cancel()
        self.worker.wait()

    def _ended(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.worker.wait()
        self.dialog.hide()
        if outcome.result is not None:  # the new show is opened when its message was read
            self._say_done(outcome.result).finished.connect(lambda _code: self.done(self.output))
        elif not outcome.cancelled:
            self._box(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("EditorFiles", "Not imported: %1").replace("%1", outcome.message),
            )
        self.finished.emit(outcome)

    def _say_done(self, result: ImportResult) -> QMessageBox:
        box = self._box(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("EditorFiles", "%1 segments imported into %2.")
            .replace("%1", str(result.imported))
            .replace("%2", self.output.name),
        )
        if result.problems:
            box.setInformativeText(
                QCoreApplication.translate("EditorFiles", "%1 notes on what was not imported:").replace(
                    "%1", str(len(result.problems))
                )
            )
            box.setDetailedText("\n".join(result.problems))
        return box

    def _box(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, QCoreApplication.translate("EditorFiles", "Import"), text, parent=self.parent_widget)
        box.setObjectName("importDone")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): no nested event loop while the show runs
        return box
