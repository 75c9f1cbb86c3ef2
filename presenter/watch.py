"""Watches the show file during the show: a valid change is offered, an invalid one is reported.

Only the show file counts. Its folder is watched too, but only to notice the file being replaced
(editors save by writing a new file and renaming it over the old one); a change of any other file
in the folder (a status file written several times a second, an editor's swap file) is ignored, so
it can never hold back the reload. The file is read with the loader's safe reader: a named pipe or
a device put in its place is reported, never read.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QFileSystemWatcher, QObject, QTimer, Signal

from presenter.show import Show, ShowFileError, parse_show, read_show_bytes

SETTLE_MS = 300  # editors write in several steps (truncate, write, rename): wait until the show file is quiet
MAX_WAIT_MS = 1000  # but a file written without a pause is still read this long after its first change


def _identity(path: Path) -> tuple[int, ...] | None:
    """What changes when the file at `path` is written or replaced; None when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino, status.st_mode, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


class ShowFileWatcher(QObject):
    reloaded = Signal(object)  # Show: the file changed and is valid
    invalid = Signal(str)  # the file changed and cannot be used: the file:line:col message

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._reload)
        self._waiting = QElapsedTimer()  # since the first change the settle timer has not yet answered
        self._identity = _identity(self.path)
        self._last: bytes | str = self._read()
        self._watch()

    def _read(self) -> bytes | str:
        """The file's bytes, or the message saying why it cannot be read."""
        try:
            return read_show_bytes(self.path)
        except ShowFileError as exc:
            return str(exc)

    def _watch(self) -> None:
        # Saving by rename replaces the file: the watch on the old one ends, so watch the folder too.
        if self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))
        if str(self.path.parent) not in self._watcher.directories():
            self._watcher.addPath(str(self.path.parent))

    def _file_changed(self, _path: str) -> None:
        self._identity = _identity(self.path)
        self._watch()  # a removed or replaced file drops out of the watch list
        self._settle_later()

    def _folder_changed(self, _path: str) -> None:
        identity = _identity(self.path)
        if identity == self._identity:
            return  # another file in the folder changed, not the show file
        self._identity = identity
        self._watch()
        self._settle_later()

    def _settle_later(self) -> None:
        if not self._settle.isActive():
            self._waiting.start()
        elif self._waiting.elapsed() > MAX_WAIT_MS - SETTLE_MS:
            return  # let the running timer fire: changes without a pause never hold the reload back for long
        self._settle.start()

    def _reload(self) -> None:
        self._watch()
        self._identity = _identity(self.path)
        data = self._read()
        if data == self._last:
            return
        self._last = data
        if isinstance(data, str):
            self.invalid.emit(data)
            return
        try:
            show: Show = parse_show(data, self.path)
        except ShowFileError as exc:
            self.invalid.emit(str(exc))
            return
        self.reloaded.emit(show)
