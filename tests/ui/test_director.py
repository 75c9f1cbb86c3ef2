"""The director window: renders the one show state and sends intents."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from presenter.controller import ShowController
from presenter.engine import GO_GUARD_S, Mode
from presenter.ui.director import DirectorWindow


@pytest.fixture
def director(qtbot, bundled_show, fake_clock):
    controller = ShowController(bundled_show, clock=fake_clock, playout=None)
    window = DirectorWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def text(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def press_space(qtbot, window, clock) -> None:
    clock.advance(GO_GUARD_S + 0.01)
    if not window.isActiveWindow():  # Space is a shortcut of the active window only
        window.raise_()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # without a window manager this can take a moment
    # Qt's shortcut map asks the focus window, which the X server may not have handed over yet.
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Space)


def test_title_and_running_order(director):
    assert "Director" in director.windowTitle()
    model = director.model
    assert model.rowCount() == 6
    titles = [model.index(row, 2).data() for row in range(6)]
    assert titles[0] == "Begrüßung"
    assert titles[2] == "Clip: MiniMOGLI"
    assert [model.index(row, 1).data() for row in range(6)] == [
        "17:30:00",
        "17:35:00",
        "18:12:45",
        "18:14:00",
        "18:15:00",
        "18:55:00",
    ]
    assert model.index(0, 7).data() == "NEXT"
    assert text(director, "phase") == "on air in 4:12"


def test_space_walks_through_every_segment_to_the_end(qtbot, director, fake_clock):
    controller = director.controller
    for index in range(6):
        press_space(qtbot, director, fake_clock)
        director.refresh()
        assert controller.engine.current == index
        assert director.model.index(index, 7).data().startswith("ON AIR")
        assert text(director, "onAirTitle").startswith(f"ON AIR {index + 1}.")
    press_space(qtbot, director, fake_clock)
    director.refresh()
    assert controller.engine.mode is Mode.ENDED
    assert text(director, "onAirTitle").startswith("Off air")
    assert all(director.model.index(row, 7).data().startswith("done") for row in range(6))


def test_double_press_is_ignored(qtbot, director, fake_clock):
    qtbot.keyClick(director, Qt.Key.Key_Space)
    qtbot.keyClick(director, Qt.Key.Key_Space)
    assert director.controller.engine.current == 0


def test_countdown_and_phase_colour_follow_the_clock(director, fake_clock):
    fake_clock.set_now(datetime(2021, 1, 19, 17, 30))
    director.controller.go()
    director.refresh()
    assert text(director, "countdown") == "5:00"
    fake_clock.advance(181)
    director.refresh()
    assert text(director, "countdown") == "1:59"
    assert text(director, "phase") == "WRAP UP"
    fake_clock.advance(100)
    director.refresh()
    assert text(director, "phase") == "TIME"
    fake_clock.advance(102)
    director.refresh()
    assert text(director, "countdown") == "+1:23"
    assert text(director, "phase") == "OVERTIME"
    assert text(director, "overUnder") == "+1:23 late"


def test_buttons_send_intents(qtbot, director, fake_clock):
    controller = director.controller
    qtbot.mouseClick(director.findChild(QPushButton, "go"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(director.findChild(QPushButton, "plusMinute"), Qt.MouseButton.LeftButton)
    assert controller.engine.runs[0].added_s == 60
    qtbot.mouseClick(director.findChild(QPushButton, "minusMinute"), Qt.MouseButton.LeftButton)
    assert controller.engine.runs[0].added_s == 0
    director.table.selectRow(4)
    qtbot.mouseClick(director.findChild(QPushButton, "jump"), Qt.MouseButton.LeftButton)
    assert controller.engine.current == 4
    director.table.selectRow(5)
    qtbot.mouseClick(director.findChild(QPushButton, "skip"), Qt.MouseButton.LeftButton)
    director.refresh()
    assert director.model.index(5, 7).data() == "skipped"
    qtbot.mouseClick(director.findChild(QPushButton, "back"), Qt.MouseButton.LeftButton)
    assert controller.engine.current == 3  # back = the previous segment in the running order


def test_clip_without_playout_goes_on_air_with_a_clear_problem(director):
    controller = director.controller
    controller.jump(2)
    controller.go()  # jump only cues: GO airs it
    director.refresh()
    assert controller.engine.current == 2
    assert "libVLC" in text(director, "clipState")
    assert "libVLC" in director.problems.item(0).text()
    assert director.model.index(2, 7).data() == "ON AIR – clip problem"


def test_messages_to_the_moderator(qtbot, director):
    controller = director.controller
    qtbot.mouseClick(director.findChild(QPushButton, "preset:1 minute"), Qt.MouseButton.LeftButton)
    director.refresh()
    assert controller.snapshot().message.text == "1 minute"
    assert "1 minute" in text(director, "moderatorSees")
    director.message_edit.setText("Frage von Anna aus Trippstadt")
    director.blink_check.setChecked(True)
    qtbot.keyClick(director.message_edit, Qt.Key.Key_Return)
    message = controller.snapshot().message
    assert (message.text, message.blink) == ("Frage von Anna aus Trippstadt", True)
    assert director.message_edit.text() == ""
    qtbot.mouseClick(director.findChild(QPushButton, "clearMessage"), Qt.MouseButton.LeftButton)
    director.refresh()
    assert controller.snapshot().message is None
    assert text(director, "moderatorSees") == "Moderator sees: no message"


def test_space_in_the_message_field_types_a_space(qtbot, director):
    director.message_edit.setFocus()
    qtbot.keyClicks(director.message_edit, "a b")
    assert director.message_edit.text() == "a b"
    assert director.controller.engine.mode is Mode.STANDBY


def test_every_running_order_text_fits_its_column(qtbot, director, fake_clock):
    from PySide6.QtGui import QFont, QFontMetrics
    from PySide6.QtWidgets import QStyle

    from presenter.ui.running_order import COLUMNS

    bold = QFont(director.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    # the text area of a cell, as Qt's item delegate draws it: a margin each side, and the grid line
    margin = director.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, director.table) + 1
    controller = director.controller
    controller.go()
    fake_clock.advance(3 * 3600 + 7)  # hours of overtime: the widest "Actual" there is
    controller.go()
    director.refresh()
    for row in range(director.model.rowCount()):
        for column, name in enumerate(COLUMNS):
            if name == "Title":
                continue
            shown = director.model.index(row, column).data() or ""
            room = director.table.columnWidth(column) - 2 * margin - 1
            assert metrics.horizontalAdvance(shown) <= room, (row, name, shown)


def test_a_go_in_a_long_running_order_reads_only_the_rows_that_changed(qtbot, tmp_path, fake_clock, monkeypatch):
    from presenter.show import load_show
    from presenter.ui.running_order import RunningOrderModel

    segments = "".join(f'  - {{id: s{n}, title: "Segment {n}", kind: live, duration: "0:10"}}\n' for n in range(1200))
    path = tmp_path / "long.yaml"
    path.write_text(f'version: 1\ntitle: Long\ndate: 2021-01-19\nstart: "17:30"\nend: "21:00"\nsegments:\n{segments}')
    calls = [0]
    original = RunningOrderModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls[0] += 1
        return original(self, index, role)

    monkeypatch.setattr(RunningOrderModel, "data", counting)
    window = DirectorWindow(ShowController(load_show(path), clock=fake_clock, playout=None))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.controller.go()
    window.refresh()
    QApplication.processEvents()
    calls[0] = 0
    fake_clock.advance(1)
    window.controller.go()
    window.refresh()
    QApplication.processEvents()
    assert calls[0] < 2000, "a GO reads every row of the running order"


def test_the_row_on_air_repaints_when_its_texts_change_not_on_every_refresh(director, fake_clock):
    director.controller.go()
    director.refresh()
    repainted = []
    director.model.dataChanged.connect(lambda first, last: repainted.append(first.row()))
    for _ in range(4):
        fake_clock.advance(0.1)
        director.refresh()
    assert repainted == []  # "Actual" still reads 0:00
    fake_clock.advance(0.6)
    director.refresh()
    assert repainted == [0]
    assert director.model.index(0, 6).data() == "0:01"
