"""The Questions window, the director's question keys and the moderator's question panel, in real windows."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.questions import QuestionState, Source
from presenter.questions.csv_file import Dialect, parse_questions_csv
from presenter.ui.moderator_question import ModeratorQuestionPanel
from presenter.ui.question_queue import QuestionQueueWidget, install_question_keys
from presenter.ui.questions_window import QuestionsWindow

S = QuestionState


@pytest.fixture
def clock():
    return FakeClock(datetime(2021, 1, 19, 18, 20))


@pytest.fixture
def controller(bundled_show, clock):
    return ShowController(bundled_show, clock=clock)


def activate(qtbot, window: QWidget) -> None:
    """Shortcuts belong to the active window; without a window manager it may take a moment."""
    window.show()
    qtbot.waitExposed(window)
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=5000)


@pytest.fixture
def window(qtbot, controller):
    window = QuestionsWindow(controller)
    qtbot.addWidget(window)
    activate(qtbot, window)
    window.table.setFocus()
    return window


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = window.focusWidget() or window
    qtbot.keyClick(target, k, modifier)


def states(controller) -> list[tuple[str, QuestionState]]:
    return [(q.id, q.state) for q in controller.questions.questions]


def test_title_starts_with_questions(window):
    assert window.windowTitle().startswith("Questions")


def test_paste_from_the_chat_and_approve_in_two_keystrokes(qtbot, window, controller):
    QGuiApplication.clipboard().setText("Anna Müller (Facebook): Wann kommt das WLAN in die Innenstadt?")
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    question = controller.questions.questions[0]
    assert (question.asker, question.source, question.text) == (
        "Anna Müller",
        Source.FACEBOOK,
        "Wann kommt das WLAN in die Innenstadt?",
    )
    assert window.selected_id() == question.id
    key(qtbot, window, Qt.Key.Key_Return)
    assert question.state is S.APPROVED
    # without a source in the paste, the window's "pasted from" is used
    window.default_source.setCurrentIndex(list(Source).index(Source.YOUTUBE))
    QGuiApplication.clipboard().setText("Ben: Und die Schulen?")
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert controller.questions.questions[1].source is Source.YOUTUBE
    assert "approved: 1" in window.counts.text() and "new: 1" in window.counts.text()


def test_delete_drops_ctrl_z_undoes_alt_arrows_reorder(qtbot, window, controller):
    for text in ("Eins?", "Zwei?", "Drei?"):
        controller.question_intents.add(text)
    window.refresh()
    window.select("q2")
    key(qtbot, window, Qt.Key.Key_Delete)
    assert controller.questions.get("q2").state is S.DROPPED
    assert "Ctrl+Z" in window.status.text()
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.questions.get("q2").state is S.NEW
    assert window.selected_id() == "q2"
    key(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [q.id for q in controller.questions.questions] == ["q2", "q1", "q3"]
    key(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # at the top: stays
    key(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    key(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [q.id for q in controller.questions.questions] == ["q1", "q3", "q2"]
    assert window.selected_id() == "q2"


def test_f2_edits_and_a_bad_value_is_a_message(qtbot, window, controller):
    controller.question_intents.add("Wie lang darf eine Frage sein?", "Cem", "mail")
    window.refresh()
    window.select("q1")
    key(qtbot, window, Qt.Key.Key_F2)
    editor = window.editor
    qtbot.waitUntil(editor.isVisible)
    editor.screen_text.setText("Länge einer Frage?")
    editor.addressed_to.setCurrentIndex(editor.addressed_to.findData("Malu Dreyer"))
    editor.accept()
    question = controller.questions.get("q1")
    assert (question.screen_text, question.addressed_to, question.asker) == ("Länge einer Frage?", "Malu Dreyer", "Cem")
    window.apply_edit("q1", {"text": "   "})
    assert window.status.text() == "the question is empty"
    assert question.text == "Wie lang darf eine Frage sein?"


def test_keys_in_the_search_field_stay_the_fields(qtbot, window, controller):
    for text, asker in (("WLAN?", "Anna"), ("Schulen?", "Ben"), ("Daten?", "Anna")):
        controller.question_intents.add(text, asker)
    window.refresh()
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClicks(window.search, "anna")
    assert window.filter.rowCount() == 2
    QGuiApplication.clipboard().setText(" wlan")
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert len(controller.questions.questions) == 3  # no question was made of the paste
    assert all(state is S.NEW for _, state in states(controller))
    assert window.filter.rowCount() == 1
    window.state_filter.setCurrentIndex(window.state_filter.findData("approved"))
    assert window.filter.rowCount() == 0


def test_without_a_selection_or_clipboard_the_window_says_so(qtbot, window):
    QGuiApplication.clipboard().setText("   ")
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "no text" in window.status.text()
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.status.text() == "Select a question first."
    QGuiApplication.clipboard().setText("Anna: " + "x" * 3000)  # a whole chat log, not a question
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.status.text() == "the question is 3000 characters long; at most 2000 fit"
    assert window.controller.questions.questions == []


def test_csv_import_reports_bad_rows_and_export_writes_the_dialect(window, controller, tmp_path):
    source = tmp_path / "vorab.csv"
    rows = ("Name;Frage;Quelle", "Anna;Wann kommt das WLAN?;E-Mail", "Ben;;Telefon", "Cem;Und die Daten?;Brief")
    source.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode())
    report = window.import_file(source)
    assert [q.text for q in controller.questions.questions] == ["Wann kommt das WLAN?", "Und die Daten?"]
    assert report.problems == ["line 3: the question is empty"]
    shown = window.report.toPlainText()
    assert "2 questions imported, 1 row not imported" in shown and "line 3: the question is empty" in shown
    assert "line 4: source “Brief” is not known" in shown
    assert window.model.rowCount() == 2

    target = tmp_path / "export.csv"
    assert window.export_file(target, Dialect.EXCEL_DE)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;state;received")
    assert [e["text"] for e in parse_questions_csv(data).entries] == ["Wann kommt das WLAN?", "Und die Daten?"]
    assert not window.export_file(tmp_path / "no-such-folder" / "x.csv")
    assert window.status.text().startswith("Questions not saved:")
    broken = tmp_path / "binary.csv"
    broken.write_bytes(b"\x00\x01\x02")
    assert window.import_file(broken).fatal and len(controller.questions.questions) == 2


def director_like(qtbot, controller):
    """A window with a text field, Q/N/Shift+Q installed, the queue widget and the moderator's panel."""
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit(objectName="messageText")
    queue = QuestionQueueWidget(controller)
    panel = ModeratorQuestionPanel()
    panel.setMinimumSize(640, 200)
    reported: list[str] = []
    layout.addWidget(field)
    layout.addWidget(queue)
    layout.addWidget(panel)
    install_question_keys(window, controller, reported.append)
    controller.changed.connect(lambda: panel.update_from(controller.snapshot()))
    qtbot.addWidget(window)
    activate(qtbot, window)
    queue.findChild(QPushButton, "questionShow").setFocus()
    return window, field, queue, panel, reported


def test_director_keys_q_n_shift_q_and_a_text_field_keeps_its_letters(qtbot, controller, clock):
    for text, asker in (("Erste Frage?", "Anna"), ("Zweite Frage?", "Ben"), ("Dritte?", "Cem")):
        controller.question_intents.add(text, asker, "YouTube")
    for qid in ("q1", "q2"):
        controller.question_intents.approve(qid)
    window, field, queue, panel, reported = director_like(qtbot, controller)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Q)
    assert controller.questions.on_screen.id == "q1"
    assert queue.on_screen.text().startswith("ON SCREEN: Erste Frage?")
    assert panel.isVisible() and panel.text == "Erste Frage?" and panel.waiting_text() == "1 question waiting"
    qtbot.keyClick(window, Qt.Key.Key_Q)
    assert reported[-1].startswith("a question is already on screen")
    clock.advance(1)
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert controller.questions.get("q1").state is S.ANSWERED and controller.questions.on_screen.id == "q2"
    assert panel.who_text() == "QUESTION from Ben (YouTube)" and panel.waiting_text() == "no more questions"
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ShiftModifier)
    assert controller.questions.on_screen is None and controller.questions.get("q2").state is S.APPROVED
    assert not panel.isVisible()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    before = len(reported)
    qtbot.keyClicks(field, "qn")
    qtbot.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ShiftModifier)
    assert field.text().lower() == "qnq"  # (QTest sends Shift+Q with the text "q")
    assert controller.questions.on_screen is None and len(reported) == before


def test_moderator_panel_paints_a_long_question_that_fits(qtbot):
    panel = ModeratorQuestionPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.set_question("Anna Müller", "Facebook", "W" * 20 + " Wann kommt das schnelle Internet? " * 3)
    panel.set_questions_waiting(4)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.paint_count > 0)
    assert panel.waiting_text() == "4 questions waiting"
    font = panel.question_font(panel.rect().toRectF().adjusted(20, 60, -20, -20))
    assert font.pixelSize() >= 20  # still large: readable from 3 m on a 1280×720 moderator window
    image = panel.grab().toImage()
    assert image.pixelColor(2, 2).name() == "#cc79a7"  # the question's own frame colour


def test_the_moderator_window_is_fed_through_its_three_setters(controller):
    """A question panel gets set_question / clear_question / set_questions_waiting from the snapshot."""
    from presenter.ui.moderator_question import show_question_on

    class Moderator:
        def __init__(self):
            self.calls = []

        def set_question(self, asker, source, text):
            self.calls.append(("set_question", asker, source, text))

        def clear_question(self):
            self.calls.append(("clear_question",))

        def set_questions_waiting(self, count):
            self.calls.append(("waiting", count))

    moderator = Moderator()
    controller.question_intents.paste("Anna (fb): Wann kommt das WLAN?")
    controller.question_intents.add("Zweite?")
    controller.question_intents.approve("q1")
    controller.question_intents.approve("q2")
    show_question_on(moderator, controller.snapshot())
    assert moderator.calls == [("waiting", 2), ("clear_question",)]
    controller.question_intents.show()
    show_question_on(moderator, controller.snapshot())
    assert moderator.calls[-2:] == [("waiting", 1), ("set_question", "Anna", "Facebook", "Wann kommt das WLAN?")]


def test_a_new_question_is_one_row_more_not_a_new_list(qtbot, window, controller):
    """Issue 25's soak: every change rebuilt the list (re-filtered and repainted every row, four times
    per question shown). New questions are inserted, changed ones updated; the selection stays."""
    for n in range(1, 41):
        controller.question_intents.add(f"Frage {n}?", "Anna B.", "youtube")
    window.refresh()
    window.select("q7")
    resets, inserted, changed = [], [], []
    window.model.modelReset.connect(lambda: resets.append(1))
    window.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    window.model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    controller.question_intents.add("Wann kommt das WLAN?", "Ben", "facebook")
    window.refresh()
    controller.question_intents.approve("q3")
    window.refresh()
    assert resets == [] and inserted == [(40, 40)] and {row for row, _ in changed} == {2}
    assert window.selected_id() == "q7"
    assert window.filter.rowCount() == 41
    assert window.filter.data(window.filter.index(40, 6)) == "Wann kommt das WLAN?"
    assert window.filter.data(window.filter.index(2, 1)) == "approved"
    controller.question_intents.drop("q1")  # a drop keeps the row (its state changes): no reset either
    window.refresh()
    assert resets == []
