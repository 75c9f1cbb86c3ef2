"""A notice across the top of the director window, optionally with one button.

A transient notice (the resume banner) goes by itself: when the state it was about changes (the
first GO, a new run) or after its time is up, so a decision offered at start-up does not stay
clickable for minutes while the show has moved on.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from presenter.ui.naming import named

BANNER_STYLE = "QFrame#bannerFrame{background:#5a3a00;} QLabel{color:#fff;font-weight:bold;}"


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bannerFrame")
        self.setStyleSheet(BANNER_STYLE)
        self.text = named(QLabel(), "banner")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # file names and problems from outside are text
        self.text.setWordWrap(True)
        self.button = named(QPushButton(), "bannerAction")
        # The button keeps its whole label; the notice beside it wraps (issue 22: a cut "Verwerfen")
        self.button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.button.hide()
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._action: Callable[[], object] | None = None
        self._while: Hashable | None = None  # a transient banner's state; it goes when the state differs
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.dismiss)
        self.hide()

    def show_notice(
        self,
        text: str | None,
        action_text: str | None = None,
        action: Callable[[], object] | None = None,
        *,
        while_state: Hashable | None = None,
        expires_ms: int | None = None,
    ) -> None:
        """Show `text` (None hides the banner). With `while_state`, it goes when `note_state` sees
        another state; with `expires_ms`, after that time."""
        self._expiry.stop()
        self._action = action
        self._while = while_state
        if not text:
            self.hide()
            return
        self.text.setText(text)
        self.button.setVisible(bool(action_text))
        self.button.setText(action_text or "")
        self.show()
        if expires_ms is not None:
            self._expiry.start(expires_ms)

    def note_state(self, state: Hashable) -> None:
        if self._while is not None and state != self._while and not self.isHidden():
            self.dismiss()

    def dismiss(self) -> None:
        self._expiry.stop()
        self._action = None
        self._while = None
        self.hide()

    def _clicked(self) -> None:
        """The action runs with the banner in place, so the rows below never move under the mouse while
        its question is open (issue 22); an action that returns False was declined (the director said no)
        and the banner simply stays. Otherwise it goes, unless the action put up a notice of its own."""
        action, shown = self._action, self.text.text()
        if action is None:
            self.dismiss()
            return
        self.button.setEnabled(False)  # one answer per click: no second question behind the first
        try:
            declined = action() is False
        finally:
            self.button.setEnabled(True)
        if not declined and self._action is action and self.text.text() == shown:
            self.dismiss()
