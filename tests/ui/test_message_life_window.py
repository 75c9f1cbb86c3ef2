"""Issue 22: "a message outlives every GO". In the real director and moderator windows: the director ticks
"Until the next GO" (remembered), sends with Enter, sees the lifetime; Space (GO) takes it off the moderator's
screen; an until-cleared message stays through GO and goes at the end of the show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox
from test_director import press_space

from presenter.controller import ShowController
from presenter.run.engine import Mode
from presenter.run.intents import MessageLife
from presenter.ui.director import DirectorWindow
from presenter.ui.message_panel import MessagePanel
from presenter.ui.moderator import ModeratorWindow

pytestmark = pytest.mark.xvfb


@pytest.fixture
def windows(qtbot, bundled_show, fake_clock, settings):
    controller = ShowController(bundled_show, clock=fake_clock, playout=None)
    moderator = ModeratorWindow(controller, fake_clock)
    qtbot.addWidget(moderator)
    moderator.resize(1280, 720)
    moderator.show()
    director = DirectorWindow(controller)
    qtbot.addWidget(director)
    director.messages.remember_in(settings)
    director.show()
    qtbot.waitExposed(director)
    director.raise_()
    director.activateWindow()
    qtbot.waitUntil(director.isActiveWindow, timeout=5000)
    return controller, director, moderator


def _type_and_send(qtbot, director, text: str) -> None:
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is director.windowHandle(), timeout=5000)
    qtbot.keyClick(director, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # the real key to the field
    field = director.messages.message_edit
    qtbot.waitUntil(lambda: director.focusWidget() is field, timeout=5000)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _moderator_text(moderator) -> str:
    moderator.render_now()
    message = moderator.visible_message()
    return "" if message is None else message.text


def test_until_the_next_go_goes_with_space_and_the_choice_is_remembered(qtbot, windows, fake_clock, settings):
    controller, director, moderator = windows
    press_space(qtbot, director, fake_clock)  # the welcome on air
    until_go = director.findChild(QCheckBox, "messageUntilGo")
    assert until_go.isVisible() and not until_go.isChecked()
    qtbot.mouseClick(until_go, Qt.MouseButton.LeftButton)
    assert until_go.isChecked() and settings.value("messages/until_next_go", False, bool)
    _type_and_send(qtbot, director, "Noch 1 Minute")
    director.refresh()
    assert controller.snapshot().message.life is MessageLife.UNTIL_NEXT_GO
    assert "until the next GO" in director.messages.moderator_sees.text()
    assert _moderator_text(moderator) == "Noch 1 Minute"
    press_space(qtbot, director, fake_clock)  # GO: the message goes with it
    director.refresh()
    assert controller.engine.current == 1 and controller.snapshot().message is None
    assert _moderator_text(moderator) == ""
    assert director.messages.moderator_sees.text() == "Moderator sees: no message"
    again = MessagePanel(controller, keys_back=lambda: None, send=director.send_intent)  # the next start
    qtbot.addWidget(again)
    again.remember_in(settings)
    assert again.findChild(QCheckBox, "messageUntilGo").isChecked()


def test_until_cleared_stays_through_go_and_goes_at_the_end_of_the_show(qtbot, windows, fake_clock):
    controller, director, moderator = windows
    press_space(qtbot, director, fake_clock)
    _type_and_send(qtbot, director, "Mikro 2 pruefen")
    director.refresh()
    assert "until cleared" in director.messages.moderator_sees.text()
    for _ in range(len(controller.show.segments) - 1):
        press_space(qtbot, director, fake_clock)
        assert _moderator_text(moderator) == "Mikro 2 pruefen"
    press_space(qtbot, director, fake_clock)  # the end of the show
    assert controller.snapshot().mode is Mode.ENDED
    assert _moderator_text(moderator) == ""
