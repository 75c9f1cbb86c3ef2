"""Under a pseudo-locale every text Presenter says reads ⟦…⟧: the moderator window and the Questions
window, in each state, show no word that bypassed translation (only the show's own content).

The moderator's texts are painted by hand (FitText, MessageBox, PointsView), so besides the widgets'
texts the walk reads what those widgets draw: their `text()` and the talking points' page line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from ui.visible_text import untranslated, visible_texts

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.questions import QuestionState
from presenter.run.intents import SendMessage
from presenter.show import Show
from presenter.ui.moderator import FitText, ModeratorWindow
from presenter.ui.moderator_question import ModeratorQuestionPanel
from presenter.ui.question_queue import QuestionQueueWidget
from presenter.ui.questions_window import QuestionEditor, QuestionsWindow, show_speakers
from presenter.ui.send import send

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2021, 1, 19, 17, 30)
MESSAGE = "Bitte zum Ende kommen – Frau Dreyer muss um 18:40 los"
INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧")
QUESTIONS = (
    "Wann kommt das schnelle Internet nach Hochspeyer?",
    "Gibt es Förderung für Vereine?",
    "Wie sicher sind die Daten?",
)
QT_OWN = {"OK", "&OK", "Cancel", "&Cancel"}  # Qt's dialog buttons: qtbase's catalogue, not ours
QUESTIONS_CSV = (
    "Name;Frage;Quelle;Zeit\n"
    "Anna Becker;Wann kommt das schnelle Internet nach Hochspeyer?;Facebook;17:10\n"
    "Jonas Weber;Wie sicher sind die Daten der Bürger?;Brieftaube;17:12\n"
    "Petra Klein;Gibt es Förderung für Vereine?;Mail;gestern\n"
    "Ohne Frage;;YouTube;17:14\n"
)


def flattened(text: str) -> str:
    """Nested ⟦…⟦…⟧…⟧ (a translated text put into another) taken out from the inside."""
    while True:
        flat = INNERMOST.sub(" ", text)
        if flat == text:
            return flat
        text = flat


def untranslated_in(texts: Iterable[tuple[str, str]], content: Iterable[str]) -> list[tuple[str, str]]:
    texts = [(where, text) for where, text in texts if text not in QT_OWN]
    flat = [(where, flattened(text)) for where, text in texts]
    found = {where_flat for where_flat in untranslated(flat, content)}
    return [(where, text) for (where, text), key in zip(texts, flat, strict=True) if key in found]


def show_content(show: Show, *more: str) -> list[str]:
    """The show's own words (titles, speakers, talking points, description) and the test's messages."""
    words = [show.title, show.description or ""]
    for segment in show.segments:
        words += [segment.title, *segment.speakers, *segment.talking_points]
    return [*words, *more]


def moderator_texts(window: ModeratorWindow) -> list[tuple[str, str]]:
    """The widgets' texts and what the window paints by hand."""
    texts = list(visible_texts(window))
    for widget in window.findChildren(FitText):
        if widget.isVisibleTo(window) and widget.text():
            texts.append((f"FitText {widget.objectName()}", widget.text()))
    if window.points.isVisibleTo(window) and window.points.page_text():
        texts.append(("PointsView page", window.points.page_text()))
    if window.message.isVisibleTo(window):
        texts.append(("MessageBox", window.message.text()))
    if window.question.isVisibleTo(window):
        texts.append(("QuestionPanel body", window.question.body.text()))
    return texts


class Walk:
    """Collects the untranslated texts of each state, so one run names every state that has one."""

    def __init__(self, content: list[str]):
        self.content = content
        self.found: dict[str, list[tuple[str, str]]] = {}
        self.states: list[str] = []

    def check(self, state: str, texts: Iterable[tuple[str, str]]) -> None:
        texts = list(texts)
        assert texts, state
        self.states.append(state)
        bad = untranslated_in(texts, self.content)
        if bad:
            self.found[state] = bad


def _moderator(qtbot, controller, clock) -> ModeratorWindow:
    window = ModeratorWindow(controller, clock)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.render_now()
    return window


def test_the_moderator_window_in_every_state_says_nothing_untranslated(qtbot, pseudo, bundled_show):
    clock = FakeClock(START - timedelta(minutes=10))
    controller = ShowController(bundled_show, clock, playout=SilentPlayout())
    window = _moderator(qtbot, controller, clock)
    asked = ("Anna Becker", *QUESTIONS)
    walk = Walk(show_content(bundled_show, MESSAGE, *asked))
    assert window.windowTitle().startswith("⟦")  # the pseudo-locale is really installed

    def look(state: str) -> None:
        window.render_now()
        walk.check(state, moderator_texts(window))

    look("standby")
    clock.set_now(START + timedelta(seconds=20))
    look("standby, start overdue")
    controller.go()
    clock.advance(10)
    look("live, late")
    clock.advance(controller.snapshot().remaining_s - 100)
    look("live, wrap up")
    clock.advance(80)
    look("live, time")
    assert window.phase_label.text() == "⟦TIME⟧"
    clock.advance(50)
    look("overtime")
    clock.advance(5)
    controller.go()
    look("live, many talking points")
    assert window.points.page_count() >= 1
    controller.send_message(MESSAGE)
    look("message")
    assert window.points.page_count() > 1, "the discussion's six points beside a message take pages"
    window.page_talking_points(+1)
    look("message, talking points page 2")
    send(controller, SendMessage(MESSAGE, blink=True, urgent=True))
    look("message takeover")
    controller.clear_message()
    for question, asker, source in zip(QUESTIONS, ("Anna Becker", "", ""), ("Facebook", "mail", "phone"), strict=True):
        controller.question_intents.add(question, asker, source)
    for question in controller.questions.questions:
        controller.question_intents.approve(question.id)
    controller.question_intents.show()
    look("question, two waiting")
    controller.question_intents.answered_next()
    controller.question_intents.answered_next()
    look("a question without a name")
    controller.question_intents.answered_next()
    clock.advance(5)
    controller.go()  # the clip (SilentPlayout plays it)
    look("clip")
    controller.engine.clip_progress("minimogli", 10.0, 75.0, playing=False)
    look("clip paused")
    controller.engine.clip_progress("minimogli", 10.0, 75.0, playing=True)
    window.render_now()
    assert window.phase_label.text().startswith("⟦")
    clock.advance(70)
    controller.jump(len(bundled_show.segments) - 1)
    controller.go()  # jump only cues: GO airs it
    look("last segment: next is the end of the show")
    clock.advance(5)
    controller.go()
    look("off air")

    failing = ShowController(bundled_show, FakeClock(START))  # no playout: the clip fails
    other = _moderator(qtbot, failing, failing.engine.clock)
    failing.go()
    failing.engine.clock.advance(5)
    failing.jump(2)
    failing.go()
    other.render_now()
    assert other.notice.isVisible()
    walk.check("clip failed", moderator_texts(other))

    segments = list(bundled_show.segments)
    segments[2] = replace(segments[2], end_action="hold")
    holding = ShowController(replace(bundled_show, segments=tuple(segments)), FakeClock(START), playout=SilentPlayout())
    held = _moderator(qtbot, holding, holding.engine.clock)
    holding.jump(2)
    holding.go()
    holding.engine.clip_ended("minimogli")
    held.render_now()
    assert held.notice.isVisible()
    walk.check("clip ended, holding its last frame", moderator_texts(held))

    assert walk.found == {}, walk.found
    assert len(walk.states) >= 15


def test_the_moderator_windows_own_warnings_are_translated(qtbot, pseudo, bundled_show):
    clock = FakeClock(START)
    window = _moderator(qtbot, ShowController(bundled_show, clock), clock)
    warnings = [("place", window.place(99, windowed=True)), ("move", window.move_to_screen(99))]
    assert all(text for _, text in warnings)
    assert untranslated_in(warnings, []) == []


def _question_states(controller: ShowController) -> None:
    """One question in every state, a speaker as addressee, a note and a screen text."""
    for text, asker, source in (
        ("Wann kommt das schnelle Internet nach Hochspeyer?", "Anna Becker", "Facebook"),
        ("Wie sicher sind die Daten der Bürger?", "Jonas Weber", "YouTube"),
        ("Gibt es Förderung für Vereine?", "", "mail"),
        ("Was kostet das?", "Petra Klein", "phone"),
        ("Wer zahlt das WLAN?", "Studiogast", "studio"),
        ("Werbung: billige Uhren", "Spam", "other"),
    ):
        assert controller.question_intents.add(text, asker, source) is None
    ids = [q.id for q in controller.questions.questions]
    for question_id in ids[:4]:
        controller.question_intents.approve(question_id)
    controller.question_intents.show(ids[0])
    controller.question_intents.answered_next()  # ids[0] answered, ids[1] on screen
    controller.question_intents.drop(ids[5])
    speaker = show_speakers(controller)[0]
    controller.question_intents.edit(ids[2], addressed_to=speaker, screen_text="Förderung für Vereine?", note="Rückruf")
    states = {q.state for q in controller.questions.questions}
    assert states == set(QuestionState)


def test_the_questions_windows_say_nothing_untranslated(qtbot, pseudo, bundled_show, tmp_path):
    clock = FakeClock(datetime(2021, 1, 19, 18, 20))
    controller = ShowController(bundled_show, clock)
    window = QuestionsWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    queue = QuestionQueueWidget(controller)
    qtbot.addWidget(queue)
    queue.show()
    panel = ModeratorQuestionPanel()
    qtbot.addWidget(panel)
    asked = [
        "Anna Becker",
        "Jonas Weber",
        "Petra Klein",
        "Studiogast",
        "Spam",
        "Wann kommt das schnelle Internet nach Hochspeyer?",
        "Wie sicher sind die Daten der Bürger?",
        "Gibt es Förderung für Vereine?",
        "Förderung für Vereine?",
        "Was kostet das?",
        "Wer zahlt das WLAN?",
        "Werbung: billige Uhren",
        "Rückruf",
        "Ohne Frage",
        "questions.csv",
        "Brieftaube",
        "gestern",
    ]
    walk = Walk(show_content(bundled_show, *asked))

    def look(state: str) -> None:
        window.refresh()
        queue.refresh()
        panel.update_from(controller.snapshot())
        walk.check(f"Questions window, {state}", visible_texts(window))
        walk.check(f"director's queue, {state}", visible_texts(queue))
        walk.check(
            f"moderator's question panel, {state}", [("who", panel.who_text()), ("waiting", panel.waiting_text())]
        )

    look("empty")
    window.approve_selected()  # nothing selected: a message in the status line
    look("nothing selected")
    window.paste("Anna Becker (Facebook): Wann kommt das schnelle Internet nach Hochspeyer?")
    look("pasted")
    window.approve_selected()
    window.approve_selected()  # twice: the queue refuses in words of its own
    look("approved twice")
    _question_states(controller)
    look("every state")
    window.select(controller.questions.questions[-1].id)
    window.drop_selected()
    look("dropped")
    window.undo_drop()
    look("drop undone")
    csv = tmp_path / "questions.csv"
    csv.write_text(QUESTIONS_CSV, encoding="utf-8")
    report = window.import_file(csv)
    assert report.entries and report.problems and report.notes
    assert window.report.isVisible()
    look("import report")
    walk.check("import report text", [("importReport", line) for line in window.report.toPlainText().splitlines()])
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    window.import_file(tmp_path / "empty.csv")
    look("an empty file imported")
    assert window.export_file(tmp_path / "missing" / "out.csv") is False
    why = window.status.text().replace(str(tmp_path), "").replace("No such file or directory", "")  # the OS's words
    walk.check("export failed", [("status", why)])

    editor = QuestionEditor(controller.questions.questions[2], show_speakers(controller), window)
    qtbot.addWidget(editor)
    editor.show()
    walk.check("question editor", visible_texts(editor))

    assert walk.found == {}, walk.found


def test_the_walk_finds_a_text_without_translation(qtbot, bundled_show):
    """Without the pseudo-locale the same walk finds the English words: it is not looking away."""
    clock = FakeClock(START)
    window = _moderator(qtbot, ShowController(bundled_show, clock), clock)
    found = dict(untranslated_in(moderator_texts(window), show_content(bundled_show)))
    assert found["FitText phaseLabel"] == "STANDBY" and found["FitText timerCaption"] == "on air in"
