"""Messages to the moderator (typed or preset) and where the moderator window is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from presenter.controller import ShowController
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.run.engine import ShowSnapshot
from presenter.run.intents import MESSAGE_MAX_CHARS, ClearMessage, Intent, MessageLife, SendMessage
from presenter.timefmt import format_duration
from presenter.ui.flow_layout import FlowLayout
from presenter.ui.on_change import set_text

MESSAGE_PRESETS = (
    QT_TRANSLATE_NOOP("MessagePanel", "Please wrap up"),
    QT_TRANSLATE_NOOP("MessagePanel", "1 minute"),
    QT_TRANSLATE_NOOP("MessagePanel", "Question from the chat"),
    QT_TRANSLATE_NOOP("MessagePanel", "Speak up"),
)
KEY_UNTIL_GO = "messages/until_next_go"  # the director's last choice of a message's lifetime
LIFE_WORDS = {
    MessageLife.UNTIL_NEXT_GO: QT_TRANSLATE_NOOP("MessagePanel", " · until the next GO"),
    MessageLife.UNTIL_CLEARED: QT_TRANSLATE_NOOP("MessagePanel", " · until cleared"),
}


class MessagePanel(QGroupBox):
    """Sends messages as intents (`send`: the one dispatcher); after Enter (or Send) `keys_back` hands the
    keys back, so Space is a GO again. The limit is the one every face uses (MESSAGE_MAX_CHARS)."""

    moderator_screen_requested = Signal(int)
    moderator_fullscreen_toggled = Signal()
    talking_points_page = Signal(int)  # +1 / -1: the moderator's talking points, when they need pages

    def __init__(
        self, controller: ShowController, keys_back: Callable[[], None], send: Callable[[Intent], object]
    ) -> None:
        super().__init__(translate("MessagePanel", "Message to the moderator (Ctrl+M)"))
        self.controller = controller
        self._send = send
        self._keys_back = keys_back
        layout = QVBoxLayout(self)
        # The field has a line of its own (its German hint is long); the rest wraps on a narrow window.
        layout.addWidget(self._build_message_edit())
        layout.addLayout(self._build_typed_row())
        layout.addLayout(self._build_presets())
        self.moderator_sees = QLabel(objectName="moderatorSees")
        self.moderator_sees.setWordWrap(True)
        self.moderator_sees.setTextFormat(Qt.TextFormat.PlainText)  # a remote's message is text, never HTML
        layout.addWidget(self.moderator_sees)
        layout.addLayout(self._build_screen_row())

    def _build_message_edit(self) -> QLineEdit:
        self.message_edit = QLineEdit(objectName="messageText")
        self.message_edit.setPlaceholderText(
            translate("MessagePanel", "Type a short message, Enter sends it, Esc leaves the field")
        )
        self.message_edit.setMaxLength(MESSAGE_MAX_CHARS)
        self.message_edit.returnPressed.connect(self.send_typed)
        return self.message_edit

    def _build_typed_row(self) -> FlowLayout:
        self.blink_check = QCheckBox(translate("MessagePanel", "Blink"), objectName="messageBlink")
        self.takeover_check = QCheckBox(translate("MessagePanel", "Urgent: full screen"), objectName="messageTakeover")
        self.takeover_check.setToolTip(
            translate("MessagePanel", "The message fills the moderator's screen below a smaller timer")
        )
        self.takeover_check.toggled.connect(self._urgent_toggled)
        # Issue 22: a message outlived every GO. The lifetime is chosen, visibly, for each message sent.
        self.until_go_check = QCheckBox(translate("MessagePanel", "Until the next GO"), objectName="messageUntilGo")
        self.until_go_check.setToolTip(
            translate(
                "MessagePanel",
                "On: the message goes at the next GO. Off: it stays until “Clear”. Every message goes at the end.",
            )
        )
        self._settings: QSettings | None = None
        send = QPushButton(translate("MessagePanel", "Send"), objectName="sendMessage")
        send.clicked.connect(self.send_typed)
        clear = QPushButton(translate("MessagePanel", "Clear"), objectName="clearMessage")
        clear.clicked.connect(lambda _=False: self._send(ClearMessage()))
        row = FlowLayout()
        for widget in (self.blink_check, self.takeover_check, self.until_go_check, send, clear):
            row.addWidget(widget)
        return row

    def _build_presets(self) -> FlowLayout:
        presets = FlowLayout()
        for text in MESSAGE_PRESETS:
            button = QPushButton(translate("MessagePanel", text), objectName="preset:" + text)
            button.clicked.connect(lambda _=False, b=button: self.send(b.text()))
            presets.addWidget(button)
        return presets

    def _build_screen_row(self) -> FlowLayout:
        row = FlowLayout()
        row.addWidget(QLabel(translate("MessagePanel", "Moderator window:")))
        self.moderator_screen = QComboBox(objectName="moderatorScreen")
        self.moderator_screen.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.moderator_screen.setMinimumContentsLength(14)  # a long screen name is cut, never widens the window
        self.moderator_screen.activated.connect(lambda i: self.moderator_screen_requested.emit(i))
        row.addWidget(self.moderator_screen)
        fullscreen = QPushButton(translate("MessagePanel", "Fullscreen on/off"), objectName="moderatorFullscreen")
        fullscreen.clicked.connect(self.moderator_fullscreen_toggled.emit)
        row.addWidget(fullscreen)
        for text, tip, name, step in (
            (
                translate("MessagePanel", "Points ▲ (PgUp)"),
                translate("MessagePanel", "The moderator's talking points: the page before (PgUp)"),
                "pointsUp",
                -1,
            ),
            (
                translate("MessagePanel", "Points ▼ (PgDown)"),
                translate("MessagePanel", "The moderator's talking points: the next page (PgDown)"),
                "pointsDown",
                1,
            ),
        ):
            button = QPushButton(text, objectName=name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, step=step: self.talking_points_page.emit(step))
            row.addWidget(button)
        return row

    def remember_in(self, settings: QSettings | None) -> None:
        """The lifetime choice comes back at the next start (the app's settings)."""
        self._settings = settings
        if settings is not None:
            self.until_go_check.setChecked(bool(settings.value(KEY_UNTIL_GO, False, bool)))
            self.until_go_check.toggled.connect(self._remember_life)

    def _remember_life(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.setValue(KEY_UNTIL_GO, on)

    def life(self) -> MessageLife:
        return MessageLife.UNTIL_NEXT_GO if self.until_go_check.isChecked() else MessageLife.UNTIL_CLEARED

    def send(self, text: str) -> None:
        urgent = self.takeover_check.isChecked()
        self._send(SendMessage(text, blink=self.blink_check.isChecked(), urgent=urgent, life=self.life()))

    def _urgent_toggled(self, urgent: bool) -> None:
        """The message on screen becomes (or stops being) urgent: the same message again, journaled."""
        message = self.controller.snapshot().message
        if message is not None and message.urgent != urgent:
            self._send(SendMessage(message.text, blink=message.blink, urgent=urgent, life=message.life))

    def send_typed(self) -> None:
        """Enter or Send: the typed text goes to the moderator and the keys go back to the running order."""
        text = self.message_edit.text().strip()
        if text:
            self.send(text)
            self.message_edit.clear()
        self._keys_back()

    def set_screens(self, names: list[str], current: int | None) -> None:
        self.moderator_screen.clear()
        self.moderator_screen.addItems(names)
        if current is not None and 0 <= current < len(names):
            self.moderator_screen.setCurrentIndex(current)

    def show_state(self, snapshot: ShowSnapshot) -> None:
        message = snapshot.message
        if message is None:
            set_text(self.moderator_sees, translate("MessagePanel", "Moderator sees: no message"))
            return
        if self.takeover_check.isChecked() != message.urgent:  # what the moderator sees now (a remote's, too)
            self.takeover_check.blockSignals(True)
            self.takeover_check.setChecked(message.urgent)
            self.takeover_check.blockSignals(False)
        blinking = translate("MessagePanel", " (blinking)") if message.blink else ""
        if message.urgent:
            blinking += translate("MessagePanel", " (full screen)")
        # How long it has stood there (issue 22: a message outlived every GO and nobody noticed its age).
        age = format_duration(max(0.0, (snapshot.now - message.sent_at).total_seconds()))
        blinking += translate("MessagePanel", " · for {age}").format(age=age)
        blinking += translate("MessagePanel", LIFE_WORDS[message.life])
        set_text(self.moderator_sees, translate("MessagePanel", "Moderator sees: “{text}”{blinking}").format(
            text=message.text, blinking=blinking))  # fmt: skip
