"""Issue 20's findings as the desktop faces show them: the director, the moderator and the status file
render the one snapshot; keys and buttons are intents to the one dispatcher, refusals are shown.

Each test names the finding it holds; each failed on the faces before issue 20.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from presenter.controller import ShowController
from presenter.moderator_view import PHASE_WORDS
from presenter.run.engine import GO_GUARD_S
from presenter.run.intents import MESSAGE_MAX_CHARS, AddTime, EditShow, Go, MakeNext, SendMessage, StopToBlack
from presenter.run.state import ClipState, Lateness, Mode, OfferAction
from presenter.ui import theme
from presenter.ui.director import DirectorWindow
from presenter.ui.moderator import ModeratorWindow
from presenter.ui.send import send

START = datetime(2021, 1, 19, 17, 30)
MINIMOGLI = 2  # a 1:15 clip, end action "next": the 1:00 clip follows by itself


@pytest.fixture
def faces(qtbot, bundled_show, fake_clock):
    """The director and the moderator window of one controller whose clips play silently."""
    from cross_face_helpers import TimedPlayout

    playout = TimedPlayout({"minimogli": 75.0, "autonomous-driving": 60.0})
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    director = DirectorWindow(controller)
    moderator = ModeratorWindow(controller, fake_clock)
    moderator.report = director.add_problem  # as the app wires them
    director.messages.talking_points_page.connect(moderator.page_talking_points)
    for window in (director, moderator):
        qtbot.addWidget(window)
    moderator.resize(1280, 720)
    director.show()
    moderator.show()
    qtbot.waitExposed(moderator)
    fake_clock.set_now(START)
    return controller, director, moderator


def act(controller: ShowController, intent) -> bool:
    controller.engine.clock.advance(GO_GUARD_S + 0.01)  # never a double press
    return send(controller, intent)


def render(director: DirectorWindow, moderator: ModeratorWindow) -> None:
    director.refresh()
    moderator.render_now()


def label(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def on_clip(controller: ShowController) -> None:
    act(controller, Go())
    act(controller, MakeNext(MINIMOGLI))
    act(controller, Go())
    assert controller.snapshot().current.segment.id == "minimogli"


def problems(director: DirectorWindow) -> list[str]:
    return [director.problems.item(i).text() for i in range(director.problems.count())]


def test_restart_after_esc_every_face_says_playing(qtbot, faces):
    """Finding 1: after Esc and "Restart clip" the director said "clip ended (black)" and the moderator
    "clip ended – stand by" while the clip played again."""
    controller, director, moderator = faces
    on_clip(controller)
    qtbot.mouseClick(director.findChild(QPushButton, "panic"), Qt.MouseButton.LeftButton)
    render(director, moderator)
    assert controller.snapshot().clip.state is ClipState.BLACK
    assert moderator.notice.text()  # the moderator stands by
    qtbot.mouseClick(director.findChild(QPushButton, "restartClip"), Qt.MouseButton.LeftButton)
    render(director, moderator)
    snapshot = controller.snapshot()
    assert snapshot.clip.state is ClipState.PLAYING and snapshot.timer_running
    assert theme.clip_label(ClipState.PLAYING) in label(director, "clipState")
    assert not moderator.notice.isVisible() and moderator.caption.text() == "back on air in"
    assert label(director, "countdown") == moderator.timer.text()


def test_after_a_plain_esc_the_director_shows_what_the_moderator_shows(faces):
    """Finding 6: after Esc on a clip the director froze at "1:00 WRAP UP", the moderator at "0:00"."""
    controller, director, moderator = faces
    on_clip(controller)
    controller.engine.clock.advance(15)
    act(controller, StopToBlack())
    render(director, moderator)
    assert label(director, "countdown") == moderator.timer.text()
    assert moderator.view().phase is controller.snapshot().phase


def _phase_words(director: DirectorWindow, moderator: ModeratorWindow) -> tuple[str, str]:
    render(director, moderator)
    director_word = label(director, "phase").split(" · ")[0]
    phase = moderator.view().phase
    return director_word, (PHASE_WORDS[phase] or "on time")


def test_both_windows_turn_to_wrap_up_at_the_same_second(faces):
    """Finding 5: after −1 min (and on a 1:15 clip) the director showed WRAP UP while the moderator was calm."""
    controller, director, moderator = faces
    act(controller, Go())
    act(controller, AddTime(-60.0))  # the 5:00 welcome is now 4:00: wrap up (2:00) is at half of it
    for _ in range(48):
        director_word, moderator_word = _phase_words(director, moderator)
        assert director_word == moderator_word, controller.snapshot().timer_s
        controller.engine.clock.advance(5)
    on_clip(controller)
    director_word, moderator_word = _phase_words(director, moderator)
    assert director_word == moderator_word and moderator.view().phase is controller.snapshot().phase


def test_a_live_edit_past_the_hard_out_is_never_on_time(faces, bundled_show):
    """Finding 8: with the Q&A set to 75:00 live both windows read "early"/"on plan" next to "past hard out"."""
    controller, director, moderator = faces
    act(controller, Go())
    segments = list(bundled_show.segments)
    qa = next(index for index, segment in enumerate(segments) if segment.duration_s == 40 * 60)
    segments[qa] = replace(segments[qa], duration_s=75 * 60)
    act(controller, EditShow(replace(bundled_show, segments=tuple(segments))))
    render(director, moderator)
    snapshot = controller.snapshot()
    assert snapshot.lateness is Lateness.PAST_HARD_OUT
    for text in (label(director, "overUnder"), moderator.over_under.text()):
        assert "on time" not in text and "early" not in text
    assert label(director, "overUnder") == moderator.over_under.text()
    assert "past hard out" in label(director, "projectedEnd") and "past hard out" in moderator.projection.text()
    assert "until " in moderator.caption.text()  # by when the welcome must end to keep the hard out


def test_go_after_the_end_space_and_button_agree(qtbot, faces):
    """Finding 3: after the end with a segment cued, Space aired it while the GO button looked disabled."""
    controller, director, moderator = faces
    for _ in range(7):
        act(controller, Go())
    assert controller.snapshot().mode is Mode.ENDED
    act(controller, MakeNext(1))
    render(director, moderator)
    offer = controller.snapshot().go
    assert director.go_button.isEnabled() is offer.allowed
    before = problems(director)
    controller.engine.clock.advance(GO_GUARD_S + 0.01)
    director.keys.space()
    render(director, moderator)
    after = controller.snapshot()
    if offer.allowed:
        assert after.mode is Mode.ON_AIR
    else:
        assert after.mode is Mode.ENDED and offer.refusal is not None
        assert problems(director)[0].endswith(offer.refusal.text) and len(problems(director)) == len(before) + 1


def test_back_after_the_undo_window_asks_nothing(qtbot, faces, monkeypatch):
    """Finding 4: Back after the 10 s undo window asked "back to standby?", then the engine did nothing."""
    from presenter.ui import director as director_module

    controller, director, moderator = faces
    act(controller, Go())
    controller.engine.clock.advance(11)
    render(director, moderator)
    assert controller.snapshot().back.action is not OfferAction.UNDO_GO
    monkeypatch.setattr(director_module.QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    qtbot.mouseClick(director.findChild(QPushButton, "back"), Qt.MouseButton.LeftButton)
    assert controller.snapshot().mode is Mode.ON_AIR


def test_back_within_the_undo_window_of_the_first_go_asks_first(qtbot, faces, monkeypatch):
    from presenter.ui import director as director_module

    controller, director, moderator = faces
    act(controller, Go())
    render(director, moderator)
    assert controller.snapshot().back.action is OfferAction.UNDO_GO
    asked = []
    answer = director_module.QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(director_module.QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    qtbot.mouseClick(director.findChild(QPushButton, "back"), Qt.MouseButton.LeftButton)
    assert "back to standby" in asked[0] and controller.snapshot().mode is Mode.ON_AIR


def test_the_message_limit_is_the_one_every_face_uses(qtbot, faces):
    """Finding 9: 140 characters in the director's field, 280 for the remote, none in the engine."""
    controller, director, _moderator = faces
    assert director.message_edit.maxLength() == MESSAGE_MAX_CHARS == 280
    text = "Bitte " * 40  # 240 characters
    director.message_edit.setText(text)
    qtbot.keyClick(director.message_edit, Qt.Key.Key_Return)
    assert controller.snapshot().message.text == text.strip()


def test_urgent_message_and_page_are_the_snapshots(qtbot, faces):
    """Finding 11: the talking-points page and the urgent full-screen message lived in widgets."""
    controller, director, moderator = faces
    act(controller, Go())
    act(controller, Go())  # the discussion: six talking points
    director.message_edit.setText("SOFORT ABMODERIEREN")
    director.messages.takeover_check.setChecked(True)
    qtbot.keyClick(director.message_edit, Qt.Key.Key_Return)
    render(director, moderator)
    assert controller.snapshot().message.urgent and moderator.message_takeover()
    assert not moderator.title.isVisible()
    director.messages.takeover_check.setChecked(False)  # the same message again, not urgent
    render(director, moderator)
    assert not controller.snapshot().message.urgent and moderator.title.isVisible()
    assert controller.snapshot().message.text == "SOFORT ABMODERIEREN"
    act(controller, SendMessage("x" * 200))  # less room: the points take pages
    render(director, moderator)
    assert moderator.points.page_count() > 1
    director.messages.talking_points_page.emit(+1)  # PgDown in the director
    render(director, moderator)
    assert controller.snapshot().points_page == 1 and moderator.points.page() == 1


def test_a_remote_message_is_plain_text_in_the_directors_line(faces):
    """Issue 25, finding 9: HTML in a remote message rendered in the director's "moderator sees" line."""
    controller, director, moderator = faces
    act(controller, SendMessage("<b>fett</b> &amp; <a href='x'>link</a>"))
    render(director, moderator)
    line = director.findChild(QLabel, "moderatorSees")
    assert line.textFormat() is Qt.TextFormat.PlainText
    assert "<b>fett</b>" in line.text()
    for name in ("onAirTitle", "next", "clipState", "showTitle", "phase", "fill"):
        assert director.findChild(QLabel, name).textFormat() is Qt.TextFormat.PlainText, name


def test_the_status_file_keeps_its_keys_and_adds_the_snapshots(faces):
    from presenter.ui.status_file import snapshot_status

    controller, _director, _moderator = faces
    on_clip(controller)
    snapshot = controller.snapshot()
    status = snapshot_status(snapshot)
    assert status["phase"] == snapshot.phase.value and status["timer_s"] == snapshot.timer_s
    assert status["back_on_air_in_s"] == snapshot.clip.back_on_air_in_s
    assert status["go"]["action"] == snapshot.go.action.value and status["go"]["allowed"] is snapshot.go.allowed
    assert status["back"]["action"] == snapshot.back.action.value
    assert status["lateness"] == snapshot.lateness.value


def test_the_director_sees_what_the_fill_segment_must_give(faces, bundled_show):
    """The segment marked `fill: true` absorbs time: the director reads how much it must give or may take."""
    controller, director, moderator = faces
    segments = list(bundled_show.segments)
    qa = next(index for index, segment in enumerate(segments) if segment.duration_s == 40 * 60)
    segments[qa] = replace(segments[qa], fill=True)
    act(controller, EditShow(replace(bundled_show, segments=tuple(segments))))
    act(controller, Go())
    controller.engine.clock.advance(60)
    act(controller, AddTime(-120.0))  # the welcome is now 3:00: the fill may take two minutes more
    render(director, moderator)
    fill = controller.snapshot().fill
    assert fill is not None and fill.index == qa and fill.adjust_s > 0
    text = label(director, "fill")
    assert text.startswith(f"Fill {qa + 1}. ") and "may take 1:5" in text  # 2:00 less the GO guards
    controller.engine.clock.advance(3 * 60 + 60)  # the welcome runs 2:00 over its 3:00: the fill gives back
    render(director, moderator)
    assert controller.snapshot().fill.adjust_s < 0 and "must give 0:0" in label(director, "fill")


def test_choosing_a_language_is_a_journaled_intent(faces, tmp_path, monkeypatch):
    """SetLanguage goes through the dispatcher (journaled); the app applies it (here: the director says no
    to restarting the windows now)."""
    from types import SimpleNamespace

    from PySide6.QtCore import QSettings

    from presenter.ui import language_choice

    controller, director, _moderator = faces
    journal: list[dict] = []
    controller.attach_journal(journal.append)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    app = SimpleNamespace(settings=settings, director=director, controller=controller, args=SimpleNamespace(show=None))
    monkeypatch.setattr(language_choice.QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    language_choice.choose_language(app, "de")
    assert [record for record in journal if record["op"] == "set_language"], journal
    assert controller.engine.language == "de"
