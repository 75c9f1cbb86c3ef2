"""The editor under a pseudo-locale: every text it shows comes through translation (reads ⟦…⟧).

A text with a word outside ⟦…⟧ that is not the show's own content was written into the code
without tr(): German users would see English there. The walk opens the segment and show forms,
the clip chooser's copy question, the toolbar with the show lock off and on, and the save-conflict
dialog; the import report's lines are checked the same way.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.run.engine import GO_GUARD_S
from presenter.show import load_show
from presenter.show.editing import update_segment, update_show
from presenter.show.save import SaveConflict
from presenter.ui.director import DirectorWindow
from presenter.ui.editor import install_editor
from presenter.ui.editor.clips import copy_question
from presenter.ui.editor.files import conflict_box
from presenter.ui.editor.forms import SegmentForm, ShowForm
from tests.ui.visible_text import BRACKETED, WORD, untranslated, visible_texts

pytestmark = pytest.mark.xvfb
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def editing(qtbot, show_copy, pseudo):
    clock = FakeClock(datetime(2021, 1, 19, 17, 29, 58))
    controller = ShowController(load_show(show_copy), clock=clock, playout=SilentPlayout())
    director = DirectorWindow(controller)
    qtbot.addWidget(director)
    editor = install_editor(director, controller)
    director.show()
    qtbot.waitExposed(director)
    director.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is director.windowHandle(), timeout=5000)
    return director, controller, editor, clock


def content(show, *more: str) -> list[str]:
    """The show's own words (and file names): they are never translated."""
    texts = [show.title, show.description, *more]
    if show.path is not None:
        texts.append(show.path.name)
    for segment in show.segments:
        texts += [segment.title, segment.id, segment.notes, *segment.speakers, *segment.talking_points]
        if segment.clip is not None:
            texts.append(str(segment.clip))
    return texts


def test_the_toolbar_with_the_show_lock_off_and_on(qtbot, editing):
    director, controller, editor, clock = editing
    words = content(controller.show)
    assert untranslated(visible_texts(editor.toolbar), words) == []
    assert editor.lock_button.text().startswith("⟦")

    controller.go()
    clock.advance(GO_GUARD_S + 1)
    assert editor.lock_button.isChecked() and editor.feedback.text()  # "the show lock is on"
    assert untranslated(visible_texts(editor.toolbar), words) == []
    director.table.selectRow(2)
    editor.delete()  # refused while locked: the message says so
    assert editor.feedback.text().startswith("⟦")
    assert untranslated(visible_texts(editor.toolbar), words) == []


def test_the_segment_form_for_a_live_and_a_clip_segment(qtbot, editing):
    _director, controller, _editor, _clock = editing
    show = controller.show
    live = next(i for i, segment in enumerate(show.segments) if not segment.is_clip)
    clip = next(i for i, segment in enumerate(show.segments) if segment.is_clip)
    for index in (live, clip):
        form = SegmentForm(show, index, lambda changes, i=index: update_segment(show, i, changes))
        qtbot.addWidget(form)
        form.show()
        found = untranslated(visible_texts(form), content(show))
        assert found == [], found
        assert all(form.kind.itemText(i).startswith("⟦") for i in range(form.kind.count()))
        assert form.changes()["kind"] == str(show.segments[index].kind)  # the file's value, not the label
        assert form.changed_fields() == {}
        assert form.end_action.isEnabled() is show.segments[index].is_clip
        form.close()


def test_the_show_form(qtbot, editing):
    _director, controller, _editor, _clock = editing
    form = ShowForm(controller.show, lambda changes: update_show(controller.show, changes))
    qtbot.addWidget(form)
    form.show()
    found = untranslated(visible_texts(form), content(controller.show))
    assert found == [], found


def test_the_clip_chooser_asks_to_copy_in_translated_words(qtbot, editing):
    director, controller, _editor, _clock = editing
    box, choices = copy_question(director, "minimogli-2021.mp4")
    box.show()
    found = untranslated(visible_texts(box), content(controller.show, "minimogli-2021.mp4"))
    assert found == [], found
    assert len(choices) == 2 and box.escapeButton() is not None
    box.close()


def test_the_save_conflict_dialog(qtbot, editing, show_copy):
    director, controller, _editor, _clock = editing
    box, buttons = conflict_box(director, SaveConflict(show_copy, b""))
    box.show()
    found = untranslated(visible_texts(box), content(controller.show))
    assert found == [], found
    assert len(buttons) == 3 and box.defaultButton() is box.escapeButton()
    box.close()


def _outside_brackets(text: str) -> list[str]:
    """Words left when every ⟦…⟧ is taken away, innermost first (a place inside a report line)."""
    while True:
        stripped = BRACKETED.sub(" ", text)
        if stripped == text:
            return WORD.findall(text)
        text = stripped


def test_import_report_lines_are_translated_where_they_are_made(tmp_path, pseudo):
    from presenter.importers import import_file

    table = tmp_path / "ablauf.csv"
    table.write_text(
        "Titel;Dauer;Beginn;Raum\n"  # a column Presenter has no place for
        "Begrüßung;5:00;18:00;A\n"
        ";3:00;;\n"  # no title
        "Fragerunde;40:00;18:10;\n",  # a gap before it
        encoding="utf-8",
    )
    result = import_file(table, tmp_path / "ablauf.yaml", today=date(2021, 1, 19))
    assert len(result.problems) >= 3
    allowed = {"Begrüßung", "Fragerunde", "Raum"}
    for line in result.problems:
        assert line.startswith("⟦") and not set(_outside_brackets(line)) - allowed, line
