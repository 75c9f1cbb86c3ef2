"""Saving an edited show: only the edited lines change; the user's comments, key order and layout stay.

There is one way to save an edit: the text splice of `presenter.show.splice`, which changes the
file's text only where a value's meaning changed (compared on the parsed show, so "05:00" written
as "5:00" is not an edit). A layout the splice does not edit (anchors, flow-style segments) is
written fresh in the project's own layout, and the saver says so (`kept` is False). Durations and
times are written quoted ("2:00"): unquoted, a YAML 1.1 reader takes 2:00 for the number 120. What
is written is read back with the loader first; a file that would not read back as the edited show
is never written.

A symlink at the target is never written through: the path is resolved up to its folder only, a
link found where the loaded file was is a change on disk (SaveConflict), and the rename of
`atomic_write` replaces the link itself.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from presenter.files import atomic_write
from presenter.i18n import translate
from presenter.show import Show, ShowFileError, parse_show, read_show_bytes
from presenter.show.editing import show_document
from presenter.show.splice import Unsupported, render_fresh, splice

SHOW_FILE_MODE = 0o644  # a show file is the user's document, not private state


class SaveError(Exception):
    """The show cannot be saved; the message says why in the user's terms."""


class SaveConflict(SaveError):
    """The file changed on disk since it was loaded: keep mine, take theirs, or save as."""

    def __init__(self, path: Path, theirs: bytes):
        self.path = path
        self.theirs = theirs
        super().__init__(
            translate("ShowSave", "{name} was changed by someone else since it was opened").format(name=path.name)
        )


@dataclass(frozen=True)
class ShowFile:
    """A show file as loaded for editing: its bytes (to splice, to notice a change) and its show."""

    path: Path
    data: bytes
    show: Show

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")


def _place(path: Path | str) -> Path:
    """The absolute path with its folder resolved but not its last part: a link there is not followed."""
    path = Path(path).expanduser().absolute()
    return path.parent.resolve() / path.name


def open_show_file(path: Path | str) -> ShowFile:
    """Read and validate a show file for editing (ShowFileError as the loader says it)."""
    path = _place(path)
    data = read_show_bytes(path)
    return ShowFile(path, data, parse_show(data, path))


def default_header() -> str:
    return translate(
        "ShowSave", "# Show file for Presenter (format version 1). Clip paths are relative to this file.\n"
    )


def render_new(show: Show, target: Path, header: str | None = None) -> str:
    """A show file written from scratch (a new show, an import): the project's own layout."""
    header = default_header() if header is None else header
    return header + render_fresh(show, _place(target).parent)


def _read_back(text: str, edited: Show, target: Path) -> Show | None:
    """The show the text reads as, if it is the edited one (the check of what is written)."""
    # A link at the target is replaced by the write: the text is read as the file that will be there.
    reading = target.with_name(f".{target.name}.saving") if os.path.islink(target) else target
    try:
        written = parse_show(text.encode("utf-8"), reading)
    except ShowFileError:
        return None
    folder = target.parent
    return written if show_document(written, folder) == show_document(edited, folder) else None


def _file_mode(path: Path) -> int:
    try:
        status = os.lstat(path)
    except OSError:
        return SHOW_FILE_MODE
    return stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else SHOW_FILE_MODE


def render(loaded: ShowFile | None, edited: Show, target: Path) -> tuple[str, bool, Show]:
    """The text to write, whether the user's layout and comments were kept, and the show it reads as.

    Every text is read back with the loader before it is returned: that is the re-validation.
    """
    target = _place(target)
    if loaded is not None:
        try:
            text: str | None = splice(loaded.text, loaded.show, edited, loaded.path.parent, target.parent)
        except (Unsupported, LookupError, ValueError):  # a layout the splice does not edit: written fresh below
            text = None
        written = _read_back(text, edited, target) if text is not None else None
        if text is not None and written is not None:
            return text, True, written
    text = render_new(edited, target)
    written = _read_back(text, edited, target)
    if written is None:
        raise SaveError(
            translate("ShowSave", "the show could not be written so that it reads back the same; nothing was saved")
        )
    return text, False, written


def _changed_on_disk(loaded: ShowFile, target: Path) -> bytes | None:
    """What is at the loaded file's place now, if it is not the file that was loaded (None: unchanged).

    A symlink planted there is a change even if it points to the same bytes: saving replaces it.
    """
    try:
        on_disk = read_show_bytes(target)
    except ShowFileError:
        on_disk = None  # gone, unreadable or a dangling link: writing it is what the user asked for
    if os.path.islink(target):
        return on_disk if on_disk is not None else b""
    return on_disk if on_disk is not None and on_disk != loaded.data else None


def save_show(
    loaded: ShowFile | None, edited: Show, target: Path | None = None, *, overwrite: bool = False
) -> tuple[ShowFile, bool]:
    """Write `edited` to `target` (default: where it was loaded from), atomically; returns (ShowFile, kept).

    Raises SaveConflict when the file changed on disk since it was loaded (unless `overwrite`),
    SaveError when it cannot be written (the file on disk is then unchanged).
    """
    if target is None:
        if loaded is None:
            raise SaveError(translate("ShowSave", "the show has no file yet; use Save as"))
        target = loaded.path
    target = _place(target)
    if loaded is not None and target == loaded.path and not overwrite:
        theirs = _changed_on_disk(loaded, target)
        if theirs is not None:
            raise SaveConflict(target, theirs)
    text, kept, show = render(loaded, edited, target)
    data = text.encode("utf-8")
    try:
        atomic_write(target, data, mode=_file_mode(target))
    except OSError as exc:
        raise SaveError(
            translate("ShowSave", "{name} cannot be written ({error}); nothing was saved").format(
                name=target.name, error=exc.strerror or exc
            )
        ) from None
    if show.path != target:  # read back in place of a link that the write has replaced
        show = parse_show(data, target)
    return ShowFile(target, data, show), kept
