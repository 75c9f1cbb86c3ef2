"""The running-order editor in the real director window under Xvfb: keys, the show lock, forms, saving."""

from __future__ import annotations

import difflib
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.run.engine import GO_GUARD_S, Mode
from presenter.show import load_show
from presenter.show.editing import update_segment
from presenter.ui.director import DirectorWindow
from presenter.ui.editor import install_editor
from presenter.ui.editor.forms import SegmentForm, ShowForm

pytestmark = pytest.mark.xvfb


@pytest.fixture
def editing(qtbot, show_copy):
    clock = FakeClock(datetime(2021, 1, 19, 17, 29, 58))
    controller = ShowController(load_show(show_copy), clock=clock, playout=SilentPlayout())
    director = DirectorWindow(controller)
    qtbot.addWidget(director)
    editor = install_editor(director, controller)
    director.show()
    qtbot.waitExposed(director)
    director.raise_()
    director.activateWindow()
    qtbot.waitUntil(director.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is director.windowHandle(), timeout=5000)
    return director, controller, editor, clock


def on_table(qtbot, director, row: int, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    director.table.setFocus()
    director.table.selectRow(row)
    qtbot.keyClick(director.table, key, modifier)


def titles(controller) -> list[str]:
    return [segment.title for segment in controller.show.segments]


def test_the_keys_edit_the_running_order_and_undo_redo(qtbot, editing, monkeypatch):
    director, controller, editor, _clock = editing
    before = titles(controller)
    on_table(qtbot, director, 0, Qt.Key.Key_Insert)  # new segment after the welcome, its title in place
    inline = director.table.viewport().findChild(type(editor.inline), "inlineTitle")
    assert inline is not None and inline.hasFocus()
    inline.setText("Grußwort")
    qtbot.keyClick(inline, Qt.Key.Key_Return)
    assert titles(controller)[:3] == ["Begrüßung", "Grußwort", before[1]]
    assert director.model.rowCount() == 7 and director.selected_row() == 1

    on_table(qtbot, director, 1, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert titles(controller)[1:3] == ["Grußwort", "Grußwort"] and len(controller.show.segments) == 8

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    on_table(qtbot, director, 2, Qt.Key.Key_Delete)
    assert len(controller.show.segments) == 8  # asked, and No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    on_table(qtbot, director, 2, Qt.Key.Key_Delete)
    assert len(controller.show.segments) == 7

    on_table(qtbot, director, 1, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(controller)[1:3] == [before[1], "Grußwort"] and director.selected_row() == 2
    on_table(qtbot, director, 2, Qt.Key.Key_F2)
    editor.inline.setText("Grußwort der Ministerin")
    qtbot.keyClick(editor.inline, Qt.Key.Key_Return)
    assert titles(controller)[2] == "Grußwort der Ministerin"

    for _ in range(6):  # rename, move, delete, duplicate, title, add
        qtbot.keyClick(director, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(controller) == before
    qtbot.keyClick(director, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles(controller)[1] == "New segment"
    assert director.windowTitle().startswith("● ")


def test_ctrl_s_saves_only_the_edited_line(qtbot, editing, show_copy):
    director, _controller, editor, _clock = editing
    original = show_copy.read_text(encoding="utf-8")
    assert editor.run("duration", lambda s: update_segment(s, 4, {"duration": "35:00"}))
    qtbot.keyClick(director, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = show_copy.read_text(encoding="utf-8")
    diff = [line for line in difflib.ndiff(original.splitlines(), saved.splitlines()) if line[:1] in "+-"]
    assert diff == ['-     duration: "40:00"', '+     duration: "35:00"']
    assert not director.windowTitle().startswith("● ") and "Saved smart-rlp.yaml" in editor.feedback.text()


def test_a_conflict_on_save_asks_and_take_theirs_keeps_the_segment_on_air(qtbot, editing, show_copy, monkeypatch):
    from presenter.ui.editor import files

    _director, controller, editor, clock = editing
    controller.go()
    editor.toggle_lock()  # unlocked: one click
    assert editor.run("notes", lambda s: update_segment(s, 1, {"notes": "Meine Notiz"}))
    show_copy.write_text(show_copy.read_text(encoding="utf-8").replace("Smart RLP\n", "Smart RLP (Probe)\n", 1))
    asked = []
    monkeypatch.setattr(files, "ask_conflict", lambda parent, c: asked.append(c) or files.ConflictChoice.TAKE_THEIRS)
    clock.advance(12.5)
    elapsed = controller.snapshot().elapsed_s
    assert editor.save() is True and asked
    assert controller.show.title == "Smart RLP (Probe)" and controller.show.segments[1].notes != "Meine Notiz"
    snapshot = controller.snapshot()
    assert snapshot.current.segment.id == "welcome" and snapshot.elapsed_s == elapsed
    monkeypatch.setattr(files, "ask_conflict", lambda parent, c: files.ConflictChoice.KEEP_MINE)
    assert editor.run("notes", lambda s: update_segment(s, 1, {"notes": "Meine Notiz"}))
    show_copy.write_text(show_copy.read_text(encoding="utf-8").replace("(Probe)", "(Probe 2)"))
    assert editor.save() is True
    assert load_show(show_copy).title == "Smart RLP (Probe)" and load_show(show_copy).segments[1].notes == "Meine Notiz"


def test_the_show_lock_closes_at_go_and_one_click_opens_it(qtbot, editing):
    director, controller, editor, clock = editing
    controller.go()
    clock.advance(GO_GUARD_S + 1)
    assert editor.lock_button.isChecked() and editor.lock_button.text() == "Show lock: ON"
    count = len(controller.show.segments)
    on_table(qtbot, director, 2, Qt.Key.Key_Insert)  # a stray key on air: nothing happens
    on_table(qtbot, director, 2, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(controller.show.segments) == count and "locked" in editor.feedback.text()
    elapsed = controller.snapshot().elapsed_s
    qtbot.mouseClick(editor.lock_button, Qt.MouseButton.LeftButton)
    assert not editor.lock_button.isChecked()
    on_table(qtbot, director, 2, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(controller.show.segments) == count + 1
    snapshot = controller.snapshot()
    assert snapshot.mode is Mode.ON_AIR and snapshot.current.segment.id == "welcome" and snapshot.elapsed_s == elapsed


def test_deleting_the_segment_on_air_is_refused_with_a_message(qtbot, editing, monkeypatch):
    director, controller, editor, _clock = editing
    controller.go()
    editor.toggle_lock()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    on_table(qtbot, director, 0, Qt.Key.Key_Delete)
    assert titles(controller)[0] == "Begrüßung"
    assert "is on air and cannot be deleted" in editor.feedback.text()


def test_delete_on_the_segment_on_air_refuses_before_asking(qtbot, editing, monkeypatch):
    """Issue 22: the core's rule is asked first; "really delete?" comes only when the delete could go through."""
    director, controller, editor, _clock = editing
    controller.go()
    editor.toggle_lock()
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    on_table(qtbot, director, 0, Qt.Key.Key_Delete)  # the real key on the row on air
    assert asked == [] and "is on air and cannot be deleted" in editor.feedback.text()
    assert titles(controller)[0] == "Begrüßung"
    on_table(qtbot, director, 1, Qt.Key.Key_Delete)  # a row that can go: asked, and Cancel keeps it
    assert len(asked) == 1 and len(controller.show.segments) == 6


def test_the_segment_form_shows_the_loaders_message_and_blocks_ok(qtbot, editing):
    _director, controller, _editor, _clock = editing
    form = SegmentForm(controller.show, 1, lambda changes: update_segment(controller.show, 1, changes))
    qtbot.addWidget(form)
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and form.changed_fields() == {}
    form.duration.setText("5 Min")
    assert form.error.text() == 'duration "5 Min" is not m:ss or h:mm:ss' and not ok.isEnabled()
    form.duration.setText("30:00")
    form.danger.setText("6:00")
    assert form.error.text() == "segment 2: danger is longer than warning"
    form.danger.setText("")
    form.points.setPlainText("Eins\n\nZwei")
    assert ok.isEnabled()
    assert form.changed_fields() == {"duration": "30:00", "danger": "", "talking_points": ["Eins", "Zwei"]}


def test_the_show_form(qtbot, editing):
    from presenter.show.editing import update_show

    _director, controller, _editor, _clock = editing
    form = ShowForm(controller.show, lambda changes: update_show(controller.show, changes))
    qtbot.addWidget(form)
    form.end.setText("17:00")
    assert form.error.text() == 'end "17:00" is not after start "17:30"'
    form.end.setText("19:15")
    assert form.error.text() == "" and form.changed_fields() == {"end": "19:15"}


def test_a_clip_from_outside_is_copied_beside_the_show(tmp_path, show_copy):
    from presenter.ui.editor.clips import copy_beside_show

    outside = tmp_path / "downloads" / "minimogli.mp4"
    outside.parent.mkdir()
    outside.write_bytes(b"other content")
    copied = copy_beside_show(outside, show_copy)
    assert copied == show_copy.parent / "clips" / "minimogli-2.mp4"  # the show's own minimogli.mp4 is kept
    assert copy_beside_show(outside, show_copy) == copied  # the same file again: reused


def test_a_row_dragged_onto_another_moves_there(qtbot, editing):
    director, controller, _editor, _clock = editing
    table = director.table
    source = table.visualRect(director.model.index(5, 2)).center()
    target = table.visualRect(director.model.index(1, 2)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=source)
    qtbot.mouseMove(table.viewport(), source + (target - source) / 2)
    qtbot.mouseMove(table.viewport(), target)
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert [s.id for s in controller.show.segments][:3] == ["welcome", "closing", "discussion"]
    assert director.selected_row() == 1


def test_on_air_a_segment_moved_above_the_one_on_air_is_said_to_be_out_of_gos_reach(qtbot, editing):
    director, controller, editor, _clock = editing
    controller.go()
    editor.toggle_lock()
    on_table(qtbot, director, 0, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the welcome (on air) down
    assert controller.snapshot().current.segment.id == "welcome"
    assert "“Diskussion: Digitale Kommunen in Rheinland-Pfalz” is above the segment on air" in editor.feedback.text()


def test_unsaved_edits_are_restored_as_one_edit(qtbot, editing):
    from presenter.show.editing import add_segment

    _director, controller, editor, _clock = editing
    restored, _ = add_segment(controller.show, 0, {"title": "Grußwort"})
    assert editor.restore(restored)
    assert [s.id for s in controller.show.segments][:2] == ["welcome", "grusswort"]
    editor.undo()
    assert len(controller.show.segments) == 6


def test_the_editor_knows_the_file_it_wrote_from_a_change_by_someone_else(qtbot, editing, show_copy):
    _director, controller, editor, _clock = editing
    assert editor.run("d", lambda s: update_segment(s, 0, {"duration": "6:00"}))
    assert editor.save()
    assert editor.wrote(load_show(show_copy))  # the watcher's reload of our own save: ignored by the app
    assert editor.run("d", lambda s: update_segment(s, 0, {"duration": "7:00"}))  # an edit right after it
    assert editor.wrote(load_show(show_copy)) and controller.show.segments[0].duration_s == 420
    show_copy.write_text(show_copy.read_text(encoding="utf-8").replace('"6:00"', '"8:00"'), encoding="utf-8")
    assert not editor.wrote(load_show(show_copy))


def test_a_resumed_run_with_unsaved_edits_starts_dirty(qtbot, show_copy):
    from presenter.show.editing import add_segment

    show = load_show(show_copy)
    edited, _ = add_segment(show, 0)
    controller = ShowController(edited, clock=FakeClock(datetime(2021, 1, 19, 17, 0)), playout=SilentPlayout())
    director = DirectorWindow(controller)
    qtbot.addWidget(director)
    editor = install_editor(director, controller)
    assert editor.session.dirty and director.windowTitle().startswith("● ")
    director.closing_allowed = True
