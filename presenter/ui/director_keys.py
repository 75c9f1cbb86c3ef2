"""The director's keys: Space = GO and Esc = stop to black wherever the focus is in the director
window, except inside a text field, where Esc only leaves the field and gives the keys back."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from presenter.run.intents import Go, Intent, StopToBlack

MESSAGE_KEY = "Ctrl+M"
# People press Esc twice to "get out" of a field: an Esc this soon after Esc left a field is that
# second press, never a deliberate stop to black (issue 22, finding 4).
ESC_GRACE_S = 1.0


def is_text_field(widget: QWidget | None) -> bool:
    """Whether keys typed into `widget` are text (a field, an editable list, a spin box)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


def key_help() -> str:
    """The one line in the director window that lists every shortcut."""
    return QCoreApplication.translate(
        "DirectorKeys",
        "Keys: Space = GO · Esc = stop to black · Ctrl+M = write a message · Enter = send it · "
        "Esc in a text field = leave it · double-click a row = make it next · "
        "Q = show the next question · N = answered, next · Shift+Q = question off · "
        "PgUp/PgDown = moderator's talking points",
    )


class DirectorKeys(QObject):
    """Binds the keys to `window`; `home` is the widget that holds the keys when no field is typed in.

    Each key builds its intent and hands it to `send` (the one dispatcher); whether GO is possible
    now is the dispatcher's answer, never the key's."""

    def __init__(
        self,
        window: QWidget,
        *,
        send: Callable[[Intent], object],
        message_field: QLineEdit,
        home: QWidget,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._send = send
        self.message_field = message_field
        self.home = home
        self._monotonic = monotonic
        self._left_field_at: float | None = None  # when Esc last left a text field
        self._bind(Qt.Key.Key_Space, self.space)
        self._bind(Qt.Key.Key_Escape, self.escape)
        self._bind(QKeySequence(MESSAGE_KEY), self.to_message_field)

    def _bind(self, key: Qt.Key | QKeySequence, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(key), self.window)
        shortcut.activated.connect(slot)

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and is_text_field(focus) and focus.window() is self.window

    def space(self) -> None:
        """GO, unless the focus is in a text field (a field takes Space as text before it gets here)."""
        if not self._typing():
            self._send(Go())

    def escape(self) -> None:
        """Stop to black; in a text field only leave the field: nothing on air changes. An Esc
        within ESC_GRACE_S after leaving a field does nothing either: the next one stops to black."""
        now = self._monotonic()
        if self._typing():
            self.give_back()
            self._left_field_at = now
            return
        if self._left_field_at is not None and now - self._left_field_at < ESC_GRACE_S:
            self._left_field_at = None
            return
        self._send(StopToBlack())

    def to_message_field(self) -> None:
        self.message_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.message_field.selectAll()

    def give_back(self) -> None:
        """The keys go back to the running order: the next Space is a GO."""
        self.home.setFocus(Qt.FocusReason.OtherFocusReason)
