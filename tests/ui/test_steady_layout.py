"""Issue 25 (the UI got slower): a GO changes texts, never the director's layout.

The on-air panel's lines grew and shrank with their texts (a title of two lines, notes, a clip line
that came and went), so each GO moved GO, Back and STOP under the director's mouse, laid out the
whole window and painted it whole: a third of the soak's UI stall. Now every line keeps its height,
texts that do not fit are cut with "…" and the tooltip has them whole.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from presenter.ui.flow_layout import ElidedLabel, elide_lines
from tests.ui.app_helpers import app_starter

pytestmark = pytest.mark.xvfb

STEADY = ("onAirPanel", "onAirTitle", "countdown", "phase", "clipState", "next", "go", "back", "panic")


@pytest.fixture
def start_app(qtbot, tmp_path, monkeypatch, fake_clock):
    yield from app_starter(qtbot, tmp_path / "state", monkeypatch, clock=fake_clock)


def settled(qtbot) -> None:
    """Let the posted layout requests and repaints of a change run (one turn after another)."""
    turns = {"n": 0}

    def turn() -> None:
        turns["n"] += 1

    for _ in range(3):
        QTimer.singleShot(0, turn)
    qtbot.waitUntil(lambda: turns["n"] == 3)
    QApplication.processEvents()


def places(window: QWidget) -> dict[str, QRect]:
    found = {}
    for name in STEADY:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        found[name] = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return found


@pytest.mark.parametrize("size", [(1280, 688), (1920, 1048)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_go_moves_nothing_in_the_on_air_panel(start_app, show_copy, fake_clock, qtbot, size):
    app = start_app(show_copy)
    director, controller = app.director, app.controller
    director.resize(*size)
    qtbot.waitUntil(lambda: director.size().toTuple() == size)
    fake_clock.advance(1.0)
    controller.go()  # standby → the first segment: the standby's own buttons may go
    settled(qtbot)
    before = places(director)
    kinds = []
    while controller.snapshot().current is not None and len(kinds) < 6:
        fake_clock.advance(1.0)  # past the double-press guard
        controller.go()
        snapshot = controller.snapshot()
        kinds.append(snapshot.current.segment.kind.value if snapshot.current else "end")
        settled(qtbot)
        assert places(director) == before, f"after GO onto {kinds}"
    assert "clip" in kinds and "live" in kinds, kinds  # live → live, live → clip, clip → live were seen


def test_an_elided_label_keeps_its_height_and_cuts_with_an_ellipsis(qtbot):
    label = ElidedLabel(2, objectName="title")
    qtbot.addWidget(label)
    label.resize(200, label.height())
    label.show()
    height = label.height()
    label.setText("Kurz")
    assert (label.text(), label.shown_text(), label.toolTip()) == ("Kurz", "Kurz", "")
    long = "Gespräch mit der Ministerpräsidentin über die Smart City Kaiserslautern " * 5
    label.setText(long)
    assert label.height() == height
    assert label.text() == long and label.toolTip() == long
    shown = label.shown_text()
    assert shown.endswith("…") and len(shown) < len(long) and shown.count("\n") == 1
    label.set_hint("Ein Hinweis")
    label.setText("Kurz")
    assert label.toolTip() == "Ein Hinweis"


def test_a_megabyte_of_text_is_cut_before_it_is_laid_out(qtbot):
    """Long texts elided in O(n) (issue 25 #11): a 1 MB title lays out no more than a line's worth."""
    label = ElidedLabel(objectName="next")
    qtbot.addWidget(label)
    label.resize(300, label.height())
    label.setText("x " * 500_000)
    assert label.shown_text().endswith("…") and len(label.shown_text()) < 200
    assert elide_lines("a b " * 500_000, label.font(), 300, 2).count("\n") == 1
