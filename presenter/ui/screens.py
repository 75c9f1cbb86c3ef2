"""Which screen each window is on: chosen on the command line or remembered, and kept through a
screen being unplugged (the window goes to a remaining screen) and plugged back (it returns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


@dataclass
class _Managed:
    key: str
    label: str
    window: QWidget
    wanted_screen: str | None  # the screen's name; None = windowed on the primary screen
    windowed: bool


class WindowPlacement(QObject):
    """Places the moderator and program output windows and remembers where they were (QSettings)."""

    def __init__(self, settings: QSettings, report: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.report = report
        self._managed: list[_Managed] = []
        app = QGuiApplication.instance()
        app.screenRemoved.connect(self.screen_removed)
        app.screenAdded.connect(self.screen_added)

    @staticmethod
    def screen_names() -> list[str]:
        return [screen.name() for screen in QGuiApplication.screens()]

    def manage(self, key: str, label: str, window: QWidget, screen_index: int | None, windowed: bool) -> None:
        """Place `window`: the command line's screen wins, else the remembered one, else windowed."""
        names = self.screen_names()
        remembered = self.settings.value(f"windows/{key}/screen", None)
        remembered_fullscreen = self.settings.value(f"windows/{key}/fullscreen", False, type=bool)
        if screen_index is not None:
            wanted = names[screen_index] if screen_index < len(names) else None
        elif remembered and remembered_fullscreen:
            wanted = str(remembered)
        else:
            wanted = None
        entry = _Managed(key, label, window, wanted, windowed)
        self._managed.append(entry)
        index = screen_index if screen_index is not None else self._index_of(wanted)
        if screen_index is None and wanted is not None and index is None:
            self.report(f"{label}: remembered screen {wanted} is not connected; windowed on the main screen")
        warning = window.place(index, windowed)  # type: ignore[attr-defined]
        if warning:
            self.report(warning)

    def move(self, key: str, screen_index: int) -> None:
        """The director moved a window to another screen: remember it."""
        names = self.screen_names()
        for entry in self._managed:
            if entry.key == key and 0 <= screen_index < len(names):
                entry.wanted_screen = names[screen_index]
                self.remember()

    def remember(self) -> None:
        for entry in self._managed:
            screen = entry.window.screen()
            if screen is not None:
                self.settings.setValue(f"windows/{entry.key}/screen", screen.name())
            self.settings.setValue(f"windows/{entry.key}/fullscreen", entry.window.isFullScreen())
        self.settings.sync()

    def _index_of(self, name: str | None) -> int | None:
        names = self.screen_names()
        return names.index(name) if name in names else None

    def screen_removed(self, screen: QScreen) -> None:
        """A screen went away: its windows go to the primary screen; playback is not touched."""
        gone = screen.name()
        remaining = [s for s in QGuiApplication.screens() if s is not screen]
        if not remaining:
            return
        target = QGuiApplication.primaryScreen()
        if target is screen or target is None:
            target = remaining[0]
        names = [s.name() for s in QGuiApplication.screens()]
        for entry in self._managed:
            if entry.wanted_screen == gone or entry.window.screen() is screen:
                index = names.index(target.name()) if target.name() in names else 0
                entry.window.place(index, entry.windowed)  # type: ignore[attr-defined]
                self.report(f"Screen {gone} disconnected: {entry.label} moved to {target.name()}")

    def screen_added(self, screen: QScreen) -> None:
        """A screen came (back): the windows that belong there return to it."""
        names = self.screen_names()
        for entry in self._managed:
            if entry.wanted_screen == screen.name() and screen.name() in names:
                entry.window.place(names.index(screen.name()), entry.windowed)  # type: ignore[attr-defined]
                self.report(f"Screen {screen.name()} connected: {entry.label} is back on it")
