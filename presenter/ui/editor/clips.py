"""Choosing a clip file: a clip outside the show's folder can be copied into clips/ beside the show,
so the show folder (show file + clips) is complete on its own and its paths stay relative."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from presenter.show.editing import clip_text


def video_filter() -> str:
    return QCoreApplication.translate(
        "ClipChooser", "Video (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.mxf *.ts *.mpg *.mpeg);;All files (*)"
    )


class CopyChoice:
    COPY = "copy"
    KEEP_PATH = "keep path"
    CANCEL = "cancel"


def is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def copy_beside_show(clip: Path, show_path: Path) -> Path:
    """Copy `clip` into clips/ beside the show file; an existing file of the same name and content is
    reused, one with other content gets a name of its own ("name-2.mp4"). Raises OSError."""
    folder = show_path.resolve().parent / "clips"
    folder.mkdir(exist_ok=True)
    target = folder / clip.name
    number = 2
    while target.exists():
        if target.is_file() and filecmp.cmp(clip, target, shallow=False):
            return target
        target = folder / f"{clip.stem}-{number}{clip.suffix}"
        number += 1
    partial = target.with_name(f".{target.name}.part")
    shutil.copyfile(clip, partial)
    partial.replace(target)
    return target


def copy_question(parent: QWidget | None, name: str) -> tuple[QMessageBox, dict[QAbstractButton, str]]:
    """The question for a clip outside the show's folder, with buttons that say what they do."""
    box = QMessageBox(parent)
    box.setObjectName("copyClip")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ClipChooser", "Copy the clip beside the show?"))
    box.setText(
        QCoreApplication.translate(
            "ClipChooser",
            "“%1” is outside the show's folder. Copy it into clips/ beside the show file, so the show folder has everything it needs?",  # noqa: E501
        ).replace("%1", name)
    )
    copy = box.addButton(QCoreApplication.translate("ClipChooser", "Copy into clips/"), QMessageBox.ButtonRole.YesRole)
    keep = box.addButton(QCoreApplication.translate("ClipChooser", "Use it where it is"), QMessageBox.ButtonRole.NoRole)
    cancel = box.addButton(QCoreApplication.translate("ClipChooser", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(copy)
    box.setEscapeButton(cancel)
    return box, {copy: CopyChoice.COPY, keep: CopyChoice.KEEP_PATH}


def choose_clip(parent: QWidget, show_path: Path | None) -> str | None:
    """Ask for a clip; returns the text for the show file (relative to it) or None.

    A show without a file yet is taken to live in the working folder (as its form does)."""
    show_path = show_path if show_path is not None else Path.cwd() / "show.yaml"
    folder = show_path.resolve().parent
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ClipChooser", "Choose the clip"), str(folder / "clips"), video_filter()
    )
    if not chosen:
        return None
    clip = Path(chosen)
    if not is_inside(clip, folder):
        box, choices = copy_question(parent, clip.name)
        box.exec()
        answer = choices.get(box.clickedButton(), CopyChoice.CANCEL)
        if answer == CopyChoice.CANCEL:
            return None
        if answer == CopyChoice.COPY:
            try:
                clip = copy_beside_show(clip, show_path)
            except OSError as exc:
                QMessageBox.warning(
                    parent,
                    QCoreApplication.translate("ClipChooser", "Clip not copied"),
                    QCoreApplication.translate(
                        "ClipChooser", "The clip could not be copied (%1); its own path is used."
                    ).replace("%1", exc.strerror or str(exc)),
                )
    return clip_text(clip, folder)
