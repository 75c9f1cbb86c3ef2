"""Choosing a clip file: a clip outside the show's folder can be copied into clips/ beside the show,
so the show folder (show file + clips) is complete on its own and its paths stay relative."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from presenter.editing import clip_text

VIDEO_FILTER = "Video (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.mxf *.ts *.mpg *.mpeg);;All files (*)"


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


def choose_clip(parent: QWidget, show_path: Path) -> str | None:
    """Ask for a clip; returns the text for the show file (relative to it) or None."""
    folder = show_path.resolve().parent
    chosen, _ = QFileDialog.getOpenFileName(parent, parent.tr("Choose the clip"), str(folder / "clips"), VIDEO_FILTER)
    if not chosen:
        return None
    clip = Path(chosen)
    if not is_inside(clip, folder):
        answer = QMessageBox.question(
            parent,
            parent.tr("Copy the clip beside the show?"),
            parent.tr(
                "“%1” is outside the show's folder. Copy it into clips/ beside the show file, so the show "
                "folder has everything it needs?"
            ).replace("%1", clip.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        if answer == QMessageBox.StandardButton.Yes:
            try:
                clip = copy_beside_show(clip, show_path)
            except OSError as exc:
                QMessageBox.warning(
                    parent,
                    parent.tr("Clip not copied"),
                    parent.tr("The clip could not be copied (%1); its own path is used.").replace(
                        "%1", exc.strerror or str(exc)
                    ),
                )
    return clip_text(clip, folder)
