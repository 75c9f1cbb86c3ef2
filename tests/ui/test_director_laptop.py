"""Issue 22 finding 7: the editor's row keys keep working right after a title was edited in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_editor import editing, on_table, titles  # noqa: F401 - the fixture

pytestmark = pytest.mark.xvfb


@pytest.mark.parametrize("leave", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_alt_up_works_right_after_an_in_place_title_edit(qtbot, editing, leave):  # noqa: F811
    director, controller, editor, _clock = editing
    on_table(qtbot, director, 2, Qt.Key.Key_F2)
    editor.inline.setText("Grußwort der Ministerin")
    qtbot.keyClick(editor.inline, leave)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is director.table, timeout=2000)
    moved = titles(controller)[2]
    qtbot.keyClick(director.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # no click on the row first
    assert titles(controller)[1] == moved


def test_the_message_shows_its_age(qtbot, bundled_show, fake_clock):
    """Finding 7: a message outlived every GO unnoticed; the director sees how long it has stood there."""
    from presenter.controller import ShowController
    from presenter.run.intents import SendMessage
    from presenter.ui.director import DirectorWindow

    controller = ShowController(bundled_show, clock=fake_clock, playout=None)
    director = DirectorWindow(controller)
    qtbot.addWidget(director)
    director.send_intent(SendMessage("Bitte zum Ende", blink=False))
    fake_clock.advance(75)
    director.refresh()
    assert "for 1:15" in director.messages.moderator_sees.text()
