"""Saving, the save conflict (keep mine / take theirs / save as), a new show and imports, for the editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from presenter.show import Show, ShowFileError
from presenter.show.save import SaveConflict, ShowFile, open_show_file, save_show
from presenter.templates import create_show_file
from presenter.ui.import_runner import ImportRunner


class ConflictChoice:
    KEEP_MINE = "keep mine"
    TAKE_THEIRS = "take theirs"
    SAVE_AS = "save as"
    CANCEL = "cancel"


def conflict_box(parent: QWidget | None, conflict: SaveConflict) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    """The save-conflict question and its buttons (button → ConflictChoice); Cancel is the default."""
    box = QMessageBox(parent)
    box.setObjectName("saveConflict")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("EditorFiles", "The show file was changed"))
    box.setText(
        QCoreApplication.translate(
            "EditorFiles", "“%1” was changed by someone else since it was opened. Which version do you keep?"
        ).replace("%1", conflict.path.name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "EditorFiles",
            "Keep mine: write the running order as it is here over their change.\nTake theirs: use the file as it is now (your unsaved edits are undone; the segment on air stays).\nSave as: keep both, yours in another file.",  # noqa: E501
        )
    )
    buttons: dict[QAbstractButton, str] = {
        box.addButton(
            QCoreApplication.translate("EditorFiles", "Keep mine"), QMessageBox.ButtonRole.DestructiveRole
        ): ConflictChoice.KEEP_MINE,
        box.addButton(
            QCoreApplication.translate("EditorFiles", "Take theirs"), QMessageBox.ButtonRole.AcceptRole
        ): ConflictChoice.TAKE_THEIRS,
        box.addButton(
            QCoreApplication.translate("EditorFiles", "Save as…"), QMessageBox.ButtonRole.ActionRole
        ): ConflictChoice.SAVE_AS,
    }
    cancel = box.addButton(QCoreApplication.translate("EditorFiles", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, buttons


def ask_conflict(parent: QWidget, conflict: SaveConflict) -> str:
    box, buttons = conflict_box(parent, conflict)
    box.exec()
    return buttons.get(box.clickedButton(), ConflictChoice.CANCEL)


def save(
    loaded: ShowFile | None, show: Show, target: Path | None = None, *, overwrite: bool = False
) -> tuple[ShowFile, bool]:
    """(ShowFile, kept layout) or raises SaveConflict / SaveError."""
    return save_show(loaded, show, target, overwrite=overwrite)


def ask_save_path(parent: QWidget, suggestion: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("EditorFiles", "Save the show as"),
        str(suggestion),
        QCoreApplication.translate("EditorFiles", "Show files (*.yaml *.yml)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() in (".yaml", ".yml") else path.with_suffix(".yaml")


def new_show(parent: QWidget, folder: Path, today: date) -> Path | None:
    """Ask where, write the template there; returns the new show file."""
    path = ask_save_path(parent, folder / "neue-sendung.yaml")
    if path is None:
        return None
    try:
        create_show_file(path, today, path.stem.replace("-", " ").title())
    except (OSError, ShowFileError) as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("EditorFiles", "New show"),
            QCoreApplication.translate("EditorFiles", "Not created: %1").replace("%1", str(exc)),
        )
        return None
    return path


def import_show(parent: QWidget, folder: Path, done: Callable[[Path], None]) -> ImportRunner | None:
    """Ask for an Ontime project or a spreadsheet and where to write the show, then import it in a worker
    thread (progress and cancel in a dialog that is not modal); `done(show file)` when it was written."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("EditorFiles", "Import a running order"),
        str(folder),
        QCoreApplication.translate("EditorFiles", "Ontime project or spreadsheet (*.json *.xlsx *.csv);;All files (*)"),
    )
    if not chosen:
        return None
    source = Path(chosen)
    output = ask_save_path(parent, source.with_suffix(".yaml"))
    if output is None:
        return None
    runner = ImportRunner(parent, source, output, done)
    runner.start()
    return runner


def reopen(path: Path) -> ShowFile | None:
    try:
        return open_show_file(path)
    except ShowFileError:
        return None
