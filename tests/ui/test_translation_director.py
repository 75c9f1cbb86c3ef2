"""The director window (and the program output window) under a pseudo-locale: every text they show
comes through translation (reads ⟦…⟧), in every state a show passes through.

A text with a word outside ⟦…⟧ that is not the show's own content was written into the code without
translation: German users would see English there. The walk runs the real PresenterApp in standby,
live, a clip without libVLC, overtime, with a message, with a missing clip, after a resume, and reads
the texts of the director's questions. The language wiring (--lang, the remembered choice, the
language box) is tested here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from presenter import i18n
from presenter.compose import LANGUAGE_KEY
from presenter.i18n import Language
from presenter.run.rules import RunChange
from presenter.ui import app as app_module
from presenter.ui.app import PresenterApp
from presenter.ui.director import DirectorWindow
from presenter.ui.language_choice import restart_argv
from presenter.ui.parts import build_parts
from tests.ui.app_helpers import app_starter, make_args
from tests.ui.visible_text import BRACKETED, untranslated, visible_texts

pytestmark = pytest.mark.xvfb
ROOT = Path(__file__).resolve().parents[2]
CONFIRM_QUIT = DirectorWindow.confirm_quit  # the real one: tests/ui/conftest.py answers it for every test
MESSAGE = "Bitte langsamer sprechen"
LANGUAGE_WORDS = ("Deutsch", "English", "Sprache", "Language")  # each language named in its own language


@pytest.fixture
def start_app(qtbot, tmp_path, monkeypatch, fake_clock):
    """The real application on a fake clock, without libVLC (clips fail on air: the clip problem)."""
    yield from app_starter(qtbot, tmp_path / "state", monkeypatch, clock=fake_clock)


def content(show, *more: str) -> list[str]:
    """The show's own words, file names, screen names and the language names: never translated."""
    texts = [show.title, show.description, *more, *LANGUAGE_WORDS, show.path.name, str(show.path)]
    for segment in show.segments:
        texts += [segment.title, segment.id, segment.notes, *segment.speakers, *segment.talking_points]
        if segment.clip is not None:
            texts += [str(segment.clip), segment.clip.name]
    texts += [screen.name() for screen in QGuiApplication.screens()]
    return texts


def flattened(text: str) -> str:
    """Nested ⟦…⟦…⟧…⟧ (a translated text put into another) taken out from the inside."""
    while True:
        flat = BRACKETED.sub(" ", text)
        if flat == text:
            return flat
        text = flat


def untranslated_in(texts, words: list[str]) -> list[tuple[str, str]]:
    texts = list(texts)
    flat = [(where, flattened(text)) for where, text in texts]
    found = set(untranslated(flat, words))
    return [(where, text) for (where, text), key in zip(texts, flat, strict=True) if key in found]


def director_texts(app: PresenterApp) -> list[tuple[str, str]]:
    """The director's texts, without the editor's toolbar (tests/ui/test_translation_editor.py walks it)."""
    toolbar = app.editor.toolbar
    toolbar.hide()
    try:
        return list(visible_texts(app.director))
    finally:
        toolbar.show()


def assert_translated(app: PresenterApp, state: str, *more: str) -> None:
    app.director.refresh()
    found = untranslated_in(director_texts(app), content(app.controller.show, MESSAGE, *more))
    assert found == [], f"{state}: {found}"


def go(app: PresenterApp, fake_clock, seconds: float = 1.0) -> None:
    fake_clock.advance(seconds)  # past the double-press guard
    app.controller.go()
    app.director.refresh()


def test_the_director_in_every_state_says_nothing_untranslated(start_app, show_copy, pseudo, fake_clock, qtbot):
    (show_copy.parent / "clips" / "autonomous-driving.mp4").unlink()  # a missing clip: the problems list
    app = start_app(show_copy)
    qtbot.waitUntil(lambda: app.director.problems.count() >= 2)  # libVLC missing, the missing clip
    assert_translated(app, "standby")

    go(app, fake_clock)
    assert app.controller.snapshot().current.segment.kind == "live"
    assert_translated(app, "live")

    app.controller.send_message(MESSAGE, blink=True)
    assert_translated(app, "message")
    app.controller.clear_message()

    fake_clock.advance(5 * 60 + 30)  # past the end of the first segment
    assert app.controller.snapshot().phase.value == "overtime"
    assert_translated(app, "overtime")

    clip = next(view.index for view in app.controller.snapshot().segments if view.segment.kind == "clip")
    app.controller.jump(clip)
    go(app, fake_clock)
    qtbot.waitUntil(lambda: app.controller.snapshot().clip is not None)
    app.director.table.selectRow(clip)
    assert_translated(app, "clip without libVLC")

    app.controller.clip_transport.stop_to_black()
    assert_translated(app, "after the panic")


def test_the_resume_banner_is_translated(start_app, show_copy, pseudo, fake_clock, qtbot):
    first = start_app(show_copy)
    go(first, fake_clock)
    go(first, fake_clock)
    first.shutdown()
    second = start_app(show_copy)
    assert second.director.banner.isVisible()
    assert_translated(second, "resume banner")


def test_the_directors_questions_are_translated(start_app, show_copy, pseudo, fake_clock, qtbot, monkeypatch):
    app = start_app(show_copy)
    asked: list[tuple[str, str]] = []

    def question(parent, title, text, *rest, **kw):
        asked.append((title, text))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(app_module.QMessageBox, "question", question)
    monkeypatch.setattr(app, "restart", lambda argv: pytest.fail("no restart after Cancel"))
    app.choose_language("de" if i18n.current_language() is Language.ENGLISH else "en")  # standby: asks
    go(app, fake_clock)
    app.director.transport._back()  # back from the first segment ends the run: asks
    for change in RunChange:
        app.confirm_run_change(change)
    CONFIRM_QUIT(app.director)
    assert len(asked) == 3 + len(RunChange)
    app.choose_language("en" if i18n.current_language() is Language.GERMAN else "de")  # on air: a line, no question
    assert len(asked) == 3 + len(RunChange)
    title = app.controller.show.title
    found = untranslated_in([("question", f"{t} {x}") for t, x in asked], content(app.controller.show, title))
    assert found == []
    assert_translated(app, "questions asked")


def test_the_program_output_window_is_translated(qtbot, pseudo):
    from presenter.ui.program_output import ProgramOutputWindow

    window = ProgramOutputWindow()
    qtbot.addWidget(window)
    warning = window.place(99, windowed=True)
    screens = [screen.name() for screen in QGuiApplication.screens()]
    assert untranslated_in([*visible_texts(window), ("warning", warning or "")], screens) == []


# ---------------------------------------------------------------------- the language wiring


def test_lang_wins_over_the_remembered_language_which_wins_over_the_locale(tmp_path):
    state = tmp_path / "state"
    args = make_args(ROOT / "assets" / "smart-rlp.yaml", state)
    assert build_parts(args, environ={}).language is Language.ENGLISH
    assert build_parts(args, environ={"LANG": "de_DE.UTF-8"}).language is Language.GERMAN
    settings = build_parts(args, environ={}).settings
    settings.setValue(LANGUAGE_KEY, "de")
    settings.sync()
    assert build_parts(args, environ={"LANG": "en_GB.UTF-8"}).language is Language.GERMAN
    args.lang = "en"
    assert build_parts(args, environ={"LANG": "de_DE.UTF-8"}).language is Language.ENGLISH
    args.lang = "de"
    assert build_parts(make_args(args.show, tmp_path / "other", lang="de"), environ={}).language is Language.GERMAN


def test_a_restart_keeps_the_command_line_without_lang():
    assert restart_argv(["run_presenter.py", "show.yaml", "--lang", "en", "--windowed"]) == [
        "run_presenter.py",
        "show.yaml",
        "--windowed",
    ]
    assert restart_argv(["-m", "presenter", "--lang=de", "--new-run"]) == ["-m", "presenter", "--new-run"]


def _german_catalog_has(context: str, text: str) -> bool:
    path = i18n.catalog(Language.GERMAN)
    translator = QTranslator()
    return path is not None and translator.load(str(path)) and bool(translator.translate(context, text))


@pytest.fixture
def english_afterwards(qapp):
    yield
    from presenter.i18n import qt as i18n_qt

    i18n_qt.install(Language.ENGLISH)
    i18n.set_translator(None)


def test_lang_de_builds_the_director_in_german(start_app, show_copy, english_afterwards):
    if not _german_catalog_has("DirectorWindow", "Problems"):
        pytest.skip("presenter_de.qm has no German for the director yet: the lead regenerates it (tools/i18n.py)")
    english = QCoreApplication.translate("DirectorWindow", "Problems")
    app = start_app(show_copy, lang="de")
    assert i18n.current_language() is Language.GERMAN
    box = app.director.problems.parentWidget()
    assert box.title() != english
    assert box.title() == QCoreApplication.translate("DirectorWindow", "Problems")
    assert app.director.language_box.currentText() == "Deutsch"


def test_lang_en_keeps_english(start_app, show_copy, english_afterwards):
    app = start_app(show_copy, lang="en")
    assert i18n.current_language() is Language.ENGLISH
    assert app.director.problems.parentWidget().title() == "Problems"
    assert app.director.language_box.currentText() == "English"


def test_choosing_a_language_in_standby_restarts_and_on_air_waits(start_app, show_copy, fake_clock, monkeypatch):
    app = start_app(show_copy, lang="en")
    restarts: list[list[str]] = []
    monkeypatch.setattr(app, "restart", restarts.append)
    asked: list[str] = []
    monkeypatch.setattr(
        app_module.QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    app.director.language_box.activated.emit(app.director.language_box.findData("de"))
    assert asked == ["Restart the windows now in Deutsch?"]
    assert len(restarts) == 1 and "--lang" not in restarts[0]
    settings = QSettings(str(app.state.path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value(LANGUAGE_KEY) == "de"

    fake_clock.advance(1)
    app.controller.go()
    app.choose_language("de")
    assert len(asked) == 1 and len(restarts) == 1  # on air: nothing is interrupted
    line = app.director.problems.item(0).text()
    assert "Deutsch is used from the next start of Presenter" in line
    assert app.controller.snapshot().mode.value == "on air"


def test_the_show_file_problem_box_is_translated(qtbot, pseudo, tmp_path, monkeypatch):
    from presenter.ui import launch

    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [", encoding="utf-8")
    seen: list[tuple[str, str]] = []

    def exec_(box):
        seen.append(("title", box.windowTitle()))
        seen.append(("informative", box.informativeText()))
        seen.extend(("button", button.text()) for button in box.buttons())
        return 0

    monkeypatch.setattr(launch.QMessageBox, "exec", exec_)
    monkeypatch.setattr(launch.QMessageBox, "clickedButton", lambda box: None)  # as if closed: Quit
    assert launch.load_show_interactively(broken) is None
    assert len(seen) == 5
    assert untranslated_in(seen, []) == []


def test_qts_own_buttons_speak_german(qapp, english_afterwards):
    from presenter.i18n import qt as i18n_qt

    try:
        i18n_qt.install(Language.GERMAN)
    except FileNotFoundError as exc:
        pytest.skip(f"no German catalog yet: {exc}")
    box = QMessageBox(
        QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    )
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Abbrechen"
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ja"
