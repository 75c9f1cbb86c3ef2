"""Issue 22: the director window fits a laptop (1280×720, 1366×768) and a 1920×1080 screen, in German
and English, in every state, and never resizes itself.

The real PresenterApp on a fake clock walks standby, a live segment on air, a clip on air, a message
shown, a question on screen with more waiting, the resume-style banner and the editor's lock feedback.
In each state: the window's minimum size fits the screen (less a title bar), the window keeps the size
it was given, and the controls that must always be seen (what is on air, its timer, GO, Back, STOP,
the clock) lie inside the window, on screen, and do not overlap each other or the transport buttons.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from presenter.run.intents import SendMessage
from presenter.ui.app import PresenterApp
from tests.ui.app_helpers import app_starter
from tests.ui.cut_text import cut_texts

pytestmark = pytest.mark.xvfb

SCREENS = [(1280, 720), (1366, 768), (1920, 1080)]
TITLE_BAR = 32  # a window manager's title bar and panel take this much of the screen's height
MUST_SEE = ("onAirTitle", "countdown", "go", "back", "panic", "clock")
BUTTONS = ("go", "back", "jump", "minusMinute", "plusMinute", "skip", "pauseClip", "restartClip", "panic")


@pytest.fixture
def start_app(qtbot, tmp_path, monkeypatch, fake_clock):
    """The real application on a fake clock, without libVLC (a clip on air shows its problem)."""
    yield from app_starter(qtbot, tmp_path / "state", monkeypatch, clock=fake_clock)
    from presenter import i18n
    from presenter.i18n import Language
    from presenter.i18n import qt as i18n_qt

    i18n_qt.install(Language.ENGLISH)  # the next tests speak English again
    i18n.set_translator(None)


def rect_in(window: QWidget, name: str) -> QRect:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    assert widget.isVisible(), f"{name} is hidden"
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def assert_fits(app: PresenterApp, qtbot, screen: tuple[int, int], state: str) -> None:
    director = app.director
    director.refresh()
    width, height = screen[0], screen[1] - TITLE_BAR
    qtbot.waitUntil(lambda: director.layout().geometry().height() > 0)
    hint = director.minimumSizeHint()
    where = f"{state} at {screen[0]}×{screen[1]}"
    assert hint.width() <= width and hint.height() <= height, f"{where}: the window needs {hint.toTuple()}"
    assert director.size().toTuple() == (width, height), f"{where}: the window resized itself"
    inside = QRect(0, 0, width, height)
    rects = {name: rect_in(director, name) for name in MUST_SEE}
    for name, rect in rects.items():
        assert inside.contains(rect), f"{where}: {name} {rect.getRect()} is not all inside the window"
        assert rect.width() > 0 and rect.height() > 0, f"{where}: {name} has no room"
    if screen[0] <= 1366 and app.controller.snapshot().show is not None:
        try:  # the layouts settle in a few events after a change of state
            qtbot.waitUntil(lambda: cut_texts(director) == [], timeout=2000)
        except Exception:
            pytest.fail(f"{where}: cut texts {cut_texts(director)}")
    panel = director.findChild(QWidget, "onAirPanel")
    needed = panel.heightForWidth(panel.width()) if panel.hasHeightForWidth() else panel.minimumSizeHint().height()
    assert panel.height() >= min(needed, panel.minimumSizeHint().height()), f"{where}: the on-air panel is squeezed"
    buttons = {name: rect_in(director, name) for name in BUTTONS}
    for name, rect in {**rects, **buttons}.items():
        for other, other_rect in {**rects, **buttons}.items():
            if name < other:
                assert not rect.intersects(other_rect), f"{where}: {name} and {other} overlap"


def walk(app: PresenterApp, fake_clock, qtbot, screen: tuple[int, int]) -> None:
    director = app.director
    director.resize(screen[0], screen[1] - TITLE_BAR)
    qtbot.waitUntil(lambda: director.size().toTuple() == (screen[0], screen[1] - TITLE_BAR))
    controller = app.controller
    assert_fits(app, qtbot, screen, "standby")
    standby_width = director.minimumSizeHint().width()

    def go() -> None:
        fake_clock.advance(1.0)  # past the double-press guard
        controller.go()

    go()
    assert controller.snapshot().current.segment.kind == "live"
    assert_fits(app, qtbot, screen, "on air live")
    assert director.minimumSizeHint().width() <= standby_width, "the first GO widened the window"
    director.send_intent(SendMessage("Bitte langsamer sprechen, die Übersetzung kommt nicht mit", blink=True))
    assert_fits(app, qtbot, screen, "message shown")
    for text in ("Anna (YouTube): Wann kommt das WLAN im Rathaus?", "Ben: Was kostet es?", "Cem: Und wann?"):
        controller.question_intents.paste(text)
    for number in (1, 2, 3):
        controller.question_intents.approve(f"q{number}")
    controller.question_intents.show()
    assert_fits(app, qtbot, screen, "question on screen")
    director.show_banner("Ein langer Hinweis über die ganze Breite, der umbrechen muss " * 3, "Verwerfen", lambda: None)
    assert_fits(app, qtbot, screen, "banner")
    while controller.snapshot().current.segment.kind != "clip":
        go()
    assert_fits(app, qtbot, screen, "on air clip")
    assert director.minimumSizeHint().width() <= standby_width, "a GO widened the window"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_director_fits_in_every_state(start_app, show_copy, fake_clock, qtbot, lang, screen):
    app = start_app(show_copy, lang=lang)
    walk(app, fake_clock, qtbot, screen)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("size", [(640, 453), (960, 693), (1280, 688)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_moderator_window_cuts_no_text(start_app, show_copy, fake_clock, qtbot, lang, size):
    """Finding 6: "5 Fragen warten" cut in half at 1280×720 while a clip or message is shown. The sizes
    are those the placement gives the moderator beside the director (one 1280×720 or 1920×1080 screen)."""
    app = start_app(show_copy, lang=lang)
    moderator, controller = app.moderator, app.controller
    moderator.resize(*size)
    qtbot.waitUntil(lambda: moderator.size().toTuple() == size)
    for text in ("Anna: Wann kommt das WLAN?", "Ben: Was kostet es?", "Cem: Und wann?", "Dora: Wo?", "Emil: Wer?"):
        controller.question_intents.paste(text)
    for number in range(1, 6):
        controller.question_intents.approve(f"q{number}")
    states = []
    while controller.snapshot().current is None or controller.snapshot().current.segment.kind != "clip":
        fake_clock.advance(1.0)
        controller.go()
        states.append(controller.snapshot().current.segment.kind)
        if states[-1] == "live":
            app.director.send_intent(SendMessage("Bitte zum Ende kommen", blink=False))
        moderator.refresh() if hasattr(moderator, "refresh") else None
        try:
            qtbot.waitUntil(lambda: cut_texts(moderator) == [], timeout=2000)
        except Exception:
            pytest.fail(f"{states[-1]} at {size}: cut texts {cut_texts(moderator)}")
