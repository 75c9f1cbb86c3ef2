"""Watches the show file during the show: a valid change is offered, an invalid one is reported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from presenter.show import Show, ShowFileError, load_show

SETTLE_MS = 300  # editors write in several steps (truncate, write, rename): wait until it is quiet


class ShowFileWatcher(QObject):
    reloaded = Signal(object)  # Show: the file changed and is valid
    invalid = Signal(str)  # the file changed and cannot be used: the file:line:col message

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._reload)
        self._last_text: bytes | None = self._read()
        self._watch()

    def _read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def _watch(self) -> None:
        # Saving by rename replaces the file: the watch on the old one ends, so watch the folder too.
        if self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))
        if str(self.path.parent) not in self._watcher.directories():
            self._watcher.addPath(str(self.path.parent))

    def _changed(self, _path: str) -> None:
        self._settle.start()

    def _reload(self) -> None:
        self._watch()
        text = self._read()
        if text == self._last_text:
            return
        self._last_text = text
        try:
            show: Show = load_show(self.path)
        except ShowFileError as exc:
            self.invalid.emit(str(exc))
            return
        self.reloaded.emit(show)
