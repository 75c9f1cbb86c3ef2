"""The moderator window, driven by a fake clock through the whole Smart RLP show.

Everything is asserted on what the window shows: the texts and colours of its named child widgets.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.run.engine import Phase
from presenter.run.intents import QuestionAdd, QuestionApprove, QuestionShow, QuestionTakeOff, SendMessage
from presenter.ui import theme
from presenter.ui.moderator import (
    CLIP_COLOUR,
    MESSAGE_BACKGROUND,
    MESSAGE_BLINK_BACKGROUND,
    OVERTIME_DIM,
    FitText,
    ModeratorWindow,
    PointsView,
)
from presenter.ui.send import send

DAY = datetime(2021, 1, 19)
START = DAY.replace(hour=17, minute=30)


def _window(qtbot, controller, clock, size=(1280, 720)) -> ModeratorWindow:
    window = ModeratorWindow(controller, clock)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.render_now()
    return window


@pytest.fixture
def rig(qtbot, bundled_show, fake_clock):
    controller = ShowController(bundled_show, fake_clock, playout=SilentPlayout())
    window = _window(qtbot, controller, fake_clock)
    return fake_clock, controller, window


def repaint() -> None:
    """The windows repaint in the turn of the event loop after a change (presenter.next_turn)."""
    QApplication.processEvents()


def shown(window: ModeratorWindow) -> dict[str, str]:
    """The texts the moderator sees, by widget name (as painted: the turn after a change)."""
    repaint()
    texts = {w.objectName(): w.text() for w in window.findChildren(FitText) if w.isVisible()}
    texts["talkingPoints"] = window.points.displayed_text()
    texts["message"] = window.message.text() if window.message.isVisible() else ""
    return texts


class TextSpy:
    """Counts the real text changes of the moderator's widgets (their textChanged signals)."""

    def __init__(self, widgets):
        self.counts = {widget.objectName(): 0 for widget in widgets}
        for widget in widgets:
            widget.textChanged.connect(self._counter(widget.objectName()))

    def _counter(self, name: str):
        def count(*_args) -> None:
            self.counts[name] += 1

        return count

    def snapshot(self) -> dict[str, int]:
        return dict(self.counts)


def step(clock, window, seconds: float) -> dict[str, str]:
    clock.advance(seconds)
    window.render_now()
    return shown(window)


def remaining_until(clock, window, controller, remaining: float) -> dict[str, str]:
    """Advance the clock until the segment on air has exactly `remaining` seconds left."""
    clock.advance(controller.snapshot().remaining_s - remaining)
    window.render_now()
    return shown(window)


# ---------------------------------------------------------------------------------------------- phases


def test_before_the_start_counts_down_to_the_planned_start(rig):
    clock, _controller, window = rig
    assert "Moderator" in window.windowTitle()
    texts = shown(window)
    assert texts["phaseLabel"] == "STANDBY"
    assert texts["timerCaption"] == "on air in"
    assert texts["timer"] == "4:12"  # 17:25:48 → 17:30
    assert texts["clock"] == "17:25:48"
    assert texts["segmentTitle"] == "Smart RLP"
    assert texts["nextTitle"] == "Next: Begrüßung"
    assert texts["nextDuration"] == "5:00"
    assert texts["overUnder"] == "on time"
    assert texts["projectedEnd"] == "ends 19:00:00 · hard out 19:00"
    # The next displayed second is a whole second away: one wake-up, 2 ms after it (no 10 Hz loop).
    assert window.refresh_interval_ms() == 1002 and window._refresh.isSingleShot()

    assert step(clock, window, 0.5)["timer"] == "4:12"  # 4:11.5 left still reads 4:12
    assert window.refresh_interval_ms() == 502
    assert step(clock, window, 0.6)["timer"] == "4:11"
    clock.set_now(START + timedelta(seconds=65))
    window.render_now()
    texts = shown(window)
    assert (texts["timerCaption"], texts["timer"]) == ("start overdue by", "+1:05")


def test_rehearsal_standby_says_it_starts_with_the_first_go_not_a_frozen_countdown(rig):
    """Issue 22: "Rehearse from now" in standby showed "on air in 0:01" standing still. The core gives no
    start figure (there is no start time yet); the window and the /moderator page say what it means."""
    from presenter.remote.state import state_dict
    from presenter.run.intents import Rehearse
    from presenter.run.state import StartStatus

    clock, controller, window = rig
    send(controller, Rehearse())
    snapshot = controller.snapshot()
    assert snapshot.start_status is StartStatus.AT_GO and snapshot.until_start_text == ""
    window.render_now()
    texts = shown(window)
    assert texts["timerCaption"] == "rehearsal — starts with the first GO"
    assert not any(c.isdigit() for c in texts.get("timer", "")), texts
    clock.advance(5)
    window.render_now()
    assert shown(window)["timerCaption"] == "rehearsal — starts with the first GO"
    page = state_dict(controller.snapshot(), 0.0)  # what the browser /moderator page draws while frozen
    assert page["timer"]["running"] is False and not any(c.isdigit() for c in page["remaining"])
    assert page["view"]["caption"] == "rehearsal — starts with the first GO"


def test_a_live_segment_through_normal_warning_danger_and_overtime(rig):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    texts = shown(window)
    assert (texts["phaseLabel"], texts["timerCaption"], texts["timer"]) == ("", "remaining", "5:00")
    assert texts["segmentTitle"] == "Begrüßung"
    assert texts["speakers"] == "Oberbürgermeister Klaus Weichel"
    assert texts["talkingPoints"].startswith("• Herzlich willkommen zu „Smart RLP“")
    assert texts["nextTitle"] == "Next: Diskussion: Digitale Kommunen in Rheinland-Pfalz"
    assert texts["nextDuration"] == "37:45"
    assert texts["clock"] == "17:30:00"
    assert window.timer.color() == theme.PHASE_FOREGROUND[Phase.NORMAL]
    assert step(clock, window, 0.4)["timer"] == "5:00"
    assert step(clock, window, 0.6)["timer"] == "4:59"

    texts = remaining_until(clock, window, controller, 120.5)
    assert (texts["phaseLabel"], texts["timer"]) == ("", "2:01")
    texts = step(clock, window, 0.5)  # 2:00 left: wrap up
    assert (texts["phaseLabel"], texts["timer"]) == ("WRAP UP", "2:00")
    assert window.timer.color() == window.phase_label.color() == theme.PHASE_FOREGROUND[Phase.WARNING]

    texts = remaining_until(clock, window, controller, 29.2)
    assert (texts["phaseLabel"], texts["timer"]) == ("TIME", "0:30")
    assert window.panel.background() == theme.PHASE_BACKGROUND[Phase.DANGER]

    texts = remaining_until(clock, window, controller, -82.5)
    # past the hard out now: by when the welcome had to end to keep it (issue 20)
    expected = ("OVERTIME", "over by · until 17:35", "+1:23")
    assert (texts["phaseLabel"], texts["timerCaption"], texts["timer"]) == expected
    assert texts["overUnder"] == "+1:23 late"
    assert texts["projectedEnd"] == "ends 19:01:23 — 1:23 past hard out"
    assert window.projection.color() == theme.PHASE_FOREGROUND[Phase.WARNING]
    # Blinks gently: the panel's brightness alternates once a second, in step with the digits.
    beats = []
    for _ in range(4):
        beats.append((window.timer.text(), window.panel.blink_on, window.panel.background()))
        step(clock, window, 1.0)
    bright, dim = theme.PHASE_BACKGROUND[Phase.OVERTIME], OVERTIME_DIM
    assert beats == [("+1:23", True, bright), ("+1:24", False, dim), ("+1:25", True, bright), ("+1:26", False, dim)]
    assert step(clock, window, 0.3)["timer"] == "+1:27"  # counting up, not blinking faster
    assert window.panel.background() == bright


def test_the_whole_show_from_standby_to_off_air(rig):
    clock, controller, window = rig
    engine = controller.engine
    clock.set_now(START)
    controller.go()
    clock.set_now(START + timedelta(minutes=5, seconds=30))  # welcome ran 0:30 long
    controller.go()
    texts = shown(window)
    assert texts["segmentTitle"] == "Diskussion: Digitale Kommunen in Rheinland-Pfalz"
    assert texts["speakers"] == "Malu Dreyer · Nicole Steingaß · Klaus Weichel"
    assert texts["timer"] == "37:45"
    assert texts["overUnder"] == "+0:30 late"
    assert texts["projectedEnd"] == "ends 19:00:30 — 0:30 past hard out"
    assert texts["nextTitle"] == "Next: Clip: MiniMOGLI"
    assert texts["nextDuration"] == "1:15"
    assert remaining_until(clock, window, controller, 300)["phaseLabel"] == "WRAP UP"  # this segment: 5:00
    assert remaining_until(clock, window, controller, 60)["phaseLabel"] == "TIME"  # and 1:00

    # The clip: its title and "back on air in" from the player's position.
    clock.advance(60 - 45)  # GO 45 s early: back on schedule but 15 s late
    controller.go()
    texts = shown(window)
    assert (texts["phaseLabel"], texts["timerCaption"]) == ("CLIP", "back on air in")
    assert texts["segmentTitle"] == "Clip: MiniMOGLI"
    # Back on air after the whole chain: MiniMOGLI (1:15) is followed by itself by the next clip
    # (1:00, end action "next"), so the moderator is live again in 2:15, not 1:15 (finding 7).
    assert texts["timer"] == "2:15"  # the player has not reported yet: the planned durations
    assert window.phase_label.color() == CLIP_COLOUR
    clock.advance(0.4)
    engine.clip_progress("minimogli", 52.0, 75.0, playing=True)
    window.render_now()
    assert shown(window)["timer"] == "1:23"
    assert step(clock, window, 10.2)["timer"] == "1:13"
    engine.clip_progress("minimogli", 62.2, 75.0, playing=False)
    texts = step(clock, window, 5.0)
    assert (texts["timerCaption"], texts["timer"]) == ("clip paused · back on air in", "1:13")
    engine.clip_progress("minimogli", 62.2, 75.0, playing=True)
    clock.advance(12.8)
    engine.clip_ended("minimogli")  # end action "next": the second clip follows
    texts = shown(window)
    assert (texts["segmentTitle"], texts["timer"]) == ("Clip: Teilautonomes Fahren", "1:00")
    assert texts["nextTitle"] == "Next: Fragerunde: Ihre Fragen aus Facebook und YouTube"
    assert texts["nextDuration"] == "40:00"
    clock.advance(0.2)
    engine.clip_progress("autonomous-driving", 0.0, 60.0, playing=True)
    assert step(clock, window, 36.9)["timer"] == "0:24"
    clock.advance(23.1)
    engine.clip_ended("autonomous-driving")

    texts = shown(window)
    assert (texts["segmentTitle"], texts["timer"], texts["phaseLabel"]) == (
        "Fragerunde: Ihre Fragen aus Facebook und YouTube",
        "40:00",
        "",
    )
    clock.advance(40 * 60)
    controller.go()
    texts = shown(window)
    assert (texts["segmentTitle"], texts["nextTitle"], texts["nextDuration"]) == (
        "Verabschiedung",
        "Next: end of show",
        "hard out 19:00",
    )
    clock.advance(5 * 60)
    controller.go()
    texts = shown(window)
    assert texts["timer"] == "off air"
    assert texts["timerCaption"] == f"ended {controller.snapshot().show_ended:%H:%M:%S}"
    assert texts["phaseLabel"] == ""
    assert texts["segmentTitle"] == "Smart RLP"
    assert texts["nextTitle"] == ""
    assert texts["projectedEnd"] == "ended 18:58:59 · hard out 19:00"  # 1:01 early in all
    # Nothing moves any more: the window only wakes once a second, on the second, for the clock.
    interval = window.refresh_interval_ms()
    assert interval is not None and interval > 100 and window._refresh.isSingleShot()
    assert step(clock, window, 3.0)["clock"] == f"{controller.snapshot().now:%H:%M:%S}"


def test_a_failed_clip_says_the_moderator_is_live(qtbot, bundled_show, fake_clock):
    controller = ShowController(bundled_show, fake_clock)  # no playout: every clip fails
    window = _window(qtbot, controller, fake_clock)
    fake_clock.set_now(START)
    controller.go()
    repaint()
    assert not window.notice.isVisible()
    fake_clock.advance(0.5)
    controller.jump(2)
    controller.go()  # jump only cues: GO airs it
    texts = shown(window)
    assert texts["notice"] == "clip failed – you are live"
    assert window.notice.isVisible()
    assert texts["segmentTitle"] == "Clip: MiniMOGLI"
    assert texts["phaseLabel"] != "CLIP"
    assert texts["timer"] == "1:15"  # the clip's slot, on its planned time
    assert step(fake_clock, window, 45.5)["timer"] == "0:30"
    # A 1:15 slot is shorter than the show's 2:00 warning: wrap up from half of it, time from a quarter.
    assert shown(window)["phaseLabel"] == "WRAP UP"
    assert step(fake_clock, window, 12.0)["phaseLabel"] == "TIME"  # 0:18 left
    controller.go()  # the next clip fails as well
    assert shown(window)["notice"] == "clip failed – you are live"
    controller.jump(4)
    fake_clock.advance(0.5)
    controller.go()  # live again: the notice goes
    shown(window)
    assert not window.notice.isVisible()


def test_a_clip_holding_its_last_frame_waits_for_the_directors_go(qtbot, bundled_show, fake_clock):
    segments = list(bundled_show.segments)
    segments[2] = replace(segments[2], end_action="hold")
    controller = ShowController(replace(bundled_show, segments=tuple(segments)), fake_clock, playout=SilentPlayout())
    window = _window(qtbot, controller, fake_clock)
    fake_clock.set_now(START)
    controller.jump(2)
    controller.go()  # jump only cues: GO airs it
    controller.engine.clip_progress("minimogli", 0.0, 75.0, playing=True)
    assert step(fake_clock, window, 70.5)["timer"] == "0:05"
    assert not window.notice.isVisible()
    fake_clock.advance(4.5)
    controller.engine.clip_ended("minimogli")
    texts = step(fake_clock, window, 3.0)
    assert (texts["phaseLabel"], texts["timerCaption"], texts["timer"]) == ("CLIP", "clip ended", "0:00")
    assert texts["notice"] == "clip ended – stand by for the director's GO"


# ---------------------------------------------------------------------------------------------- messages


def test_a_director_message_shows_large_until_cleared(rig, qtbot):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    repaint()
    assert not window.message.isVisible()
    assert window.visible_message() is None
    assert shown(window)["message"] == ""
    seen = []
    window.message_changed.connect(seen.append)

    controller.send_message("Bitte zum Ende kommen")
    repaint()
    assert window.message.isVisible()
    assert shown(window)["message"] == "Bitte zum Ende kommen"
    assert window.visible_message() == controller.snapshot().message
    assert seen == [controller.snapshot().message]
    # Large: bigger than the talking points, and the box sits within the window.
    assert window.message.draw_font().pixelSize() > 1.5 * window.points.draw_font().pixelSize()
    assert window.rect().contains(window.message.geometry())
    assert not window.message.is_elided()
    # Not blinking: the box stays as it is.
    backgrounds = {window.message.background()}
    for _ in range(6):
        step(clock, window, 0.25)
        backgrounds.add(window.message.background())
    assert backgrounds == {MESSAGE_BACKGROUND}
    assert shown(window)["message"] == "Bitte zum Ende kommen"  # until cleared

    controller.clear_message()
    repaint()
    assert not window.message.isVisible()
    assert window.visible_message() is None
    assert seen[-1] is None
    assert shown(window)["timer"] == "4:59"  # the timer is untouched by messages (1.5 s on air)


def test_a_blinking_message_alternates_gently(rig):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    controller.send_message("1 minute", blink=True)
    repaint()
    assert window.visible_message().blink
    beats = []
    for _ in range(4):
        beats.append(window.message.background())
        step(clock, window, 0.5)
    assert beats == [MESSAGE_BACKGROUND, MESSAGE_BLINK_BACKGROUND] * 2  # once a second, not a strobe
    # After the show a blinking message still moves: the window wakes for each half-second beat.
    clock.advance(90 * 60)
    controller.go()
    while controller.snapshot().mode.value != "ended":
        clock.advance(1)
        controller.go()
    window.render_now()
    assert window.visible_message() is None  # the end of the show takes every message away (issue 22)
    controller.send_message("1 minute", blink=True)  # one sent after the end
    clock.advance(0.2)
    window.render_now()
    assert window.refresh_interval_ms() == 302  # the next beat in 0.3 s, before the clock's second
    controller.clear_message()
    repaint()
    assert window.refresh_interval_ms() == 802  # now only the clock's next second


# ---------------------------------------------------------------------------------------------- timing


def test_the_displayed_time_follows_the_timestamps_and_never_drifts(rig):
    """Ten minutes in irregular steps: the digits always show the true remaining time rounded up,
    each second exactly once."""
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    went_on_air = clock.monotonic()
    rng = random.Random(4)
    seen: list[str] = []
    while clock.monotonic() - went_on_air < 600:
        clock.advance(rng.uniform(0.037, 0.113))
        window.render_now()
        truth = 300 - (clock.monotonic() - went_on_air)
        text = window.timer.text()
        sign = -1 if text.startswith("+") else 1
        minutes, seconds = text.lstrip("+").split(":")
        displayed = sign * (int(minutes) * 60 + int(seconds))
        assert 0 <= displayed - truth < 1 if truth > 0 else -1 < displayed - truth <= 0
        if not seen or seen[-1] != text:
            seen.append(text)
    expected = [f"{s // 60}:{s % 60:02d}" for s in range(300, 0, -1)]
    expected += [f"+{s // 60}:{s % 60:02d}" for s in range(1, 301)]
    assert seen[: len(expected)] == expected[: len(seen)]
    assert len(seen) >= 599


def test_texts_are_only_set_when_they_change(rig):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    clock.advance(0.05)
    window.render_now()
    widgets = [*window.findChildren(FitText), window.points, window.message]
    spy = TextSpy(widgets)
    before = spy.snapshot()
    for _ in range(9):  # nine renders within one displayed second
        step(clock, window, 0.1)
    assert spy.snapshot() == before
    step(clock, window, 0.1)
    changed = {name for name, count in spy.snapshot().items() if count != before[name]}
    assert changed == {"timer", "clock"}


def test_the_status_line_stands_still_while_nothing_changes(rig):
    """Over/under and projected end sum wall-clock and monotonic readings; their microsecond
    jitter must not make a second flicker."""
    clock, controller, window = rig
    clock.set_now(START + timedelta(seconds=30))  # 0:30 late, on a whole second
    controller.go()
    clock.advance(0.05)
    window.render_now()
    assert shown(window)["overUnder"] == "+0:30 late"
    assert shown(window)["projectedEnd"] == "ends 19:00:30 — 0:30 past hard out"
    spy = TextSpy([window.over_under, window.projection])
    rng = random.Random(7)
    for _ in range(600):
        step(clock, window, rng.uniform(0.037, 0.113))
    assert spy.snapshot() == {"overUnder": 0, "projectedEnd": 0}


def test_wakes_just_after_each_displayed_second_and_stops_when_hidden(rig):
    """Finding 12: one single-shot wake-up a few ms after the next displayed second, not a loop."""
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    repaint()
    assert window.refresh_interval_ms() == 1002 and window._refresh.isSingleShot()
    assert window._refresh.timerType() == Qt.TimerType.PreciseTimer
    step(clock, window, 0.3)
    assert window.refresh_interval_ms() == 702  # 4:59.7 left: the digits change in 0.7 s
    clock.advance(0.25)  # the wall clock's second and the timer's second apart: the earlier one
    clock.jump_wall(0.2)
    window.render_now()
    assert window.refresh_interval_ms() == 252
    window.hide()
    assert window.refresh_interval_ms() is None
    window.show()
    assert window.refresh_interval_ms() is not None


# ---------------------------------------------------------------------------------------------- layout

LONG_TITLE = (
    "Podiumsdiskussion: Die Digitalisierungsstrategie der rheinland-pfälzischen Verbandsgemeinden "
    "und Ortsgemeinden im ländlichen Raum zwischen Glasfaserausbau und Onlinezugangsgesetz"
)
LONG_POINTS = (
    "Breitbandausbau: Wie kommt das schnelle Internet in jedes Dorf zwischen Hunsrück, Eifel und Westerwald?",
    "Onlinezugangsgesetz: Welche Verwaltungsleistungen sind bereits digital verfügbar und welche fehlen?",
    "Datenschutzgrundverordnungskonformität kommunaler Bürgerbeteiligungsplattformen",
    "Interkommunale Zusammenarbeit und gemeinsame Rechenzentren der Verbandsgemeinden",
    "Fachkräftemangel in den IT-Abteilungen der Kreisverwaltungen",
    "Förderprogramme des Landes und des Bundes: Antragsverfahren vereinfachen",
    "Digitale Bildung: Endgeräte, Lernplattformen und Support für Schulen",
    "Ausblick auf 2021: Smart City, Smart Country, Netzwerke und Kooperationen",
)


def _long_show(show):
    segments = list(show.segments)
    segments[1] = replace(
        segments[1],
        title=LONG_TITLE,
        talking_points=LONG_POINTS,
        speakers=(
            "Ministerpräsidentin Malu Dreyer",
            "Staatssekretärin Nicole Steingaß",
            "Oberbürgermeister Klaus Weichel",
            "Moderation: Dr. Hannelore Schwarzenbach-Müller",
        ),
    )
    segments[2] = replace(segments[2], title="Nächster Clip: " + LONG_TITLE)
    return replace(show, segments=tuple(segments))


def _assert_nothing_cut_off(window: ModeratorWindow) -> None:
    bounds = window.rect()
    placed: list[tuple[str, QRect]] = []
    for widget in window.findChildren(FitText):
        if not widget.isVisible() or not widget.text():
            continue
        assert widget.fits(), f"{widget.objectName()} is cut off: {widget.displayed_lines()}"
        if widget.is_elided():
            assert widget.displayed_text().endswith("…"), widget.objectName()
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        assert bounds.contains(rect), f"{widget.objectName()} {rect} outside {bounds}"
        placed.append((widget.objectName(), rect))
    for other, geometry in (("talkingPoints", window.points.geometry()), ("message", window.message.geometry())):
        if (other == "message" and window.message.isVisible()) or other == "talkingPoints":
            assert bounds.contains(geometry), other
            placed.append((other, geometry))
    for index, (name, rect) in enumerate(placed):
        for other_name, other_rect in placed[index + 1 :]:
            assert not rect.intersects(other_rect), f"{name} {rect} overlaps {other_name} {other_rect}"
    points = window.points
    assert points.needed_height() <= points.height() + 0.5
    metrics = QFontMetricsF(points.draw_font())
    indent = metrics.horizontalAdvance("•  ")
    for line in points.displayed_lines():
        assert metrics.horizontalAdvance(line) <= points.column_width() - indent + 1, line


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("with_message", [False, True], ids=["no-message", "message"])
def test_long_german_texts_wrap_or_elide_and_nothing_is_cut_off(qtbot, bundled_show, fake_clock, size, with_message):
    controller = ShowController(_long_show(bundled_show), fake_clock, playout=SilentPlayout())
    window = _window(qtbot, controller, fake_clock, size)
    fake_clock.set_now(START)
    controller.go()
    fake_clock.advance(5 * 60 + 83)  # welcome in overtime: the widest timer text "+1:23"
    window.render_now()
    _assert_nothing_cut_off(window)
    controller.go()
    fake_clock.advance(37 * 60 + 45 - 200)
    if with_message:
        controller.send_message(
            "Frage aus dem Chat von Bürgermeisterin Gisela Oberhausen-Schmidt: Wann bekommt unsere "
            "Ortsgemeinde endlich Glasfaser, und wer bezahlt die Hausanschlüsse?",
            blink=True,
        )
    window.render_now()
    assert window.size().width() == size[0] and window.size().height() == size[1]
    _assert_nothing_cut_off(window)
    title = window.title
    assert title.is_elided() and title.displayed_text().endswith("…")
    assert len(title.displayed_lines()) == (3 if with_message else 2)  # beside a message: one more line
    assert title.text() == LONG_TITLE  # the full title is kept; only the display is shortened
    # Eight long points do not fit one page: they are paged ("1/n"), none is dropped.
    assert window.points.hidden_count() > 0 and window.points.page_count() > 1
    assert window.points.displayed_text().endswith(f"1/{window.points.page_count()}")
    assert window.next_title.displayed_text().endswith("…")
    assert window.next_duration.text() == "1:15"
    # The remaining time is huge: its digits are over a quarter of the window height.
    assert QFontMetricsF(window.timer.draw_font()).capHeight() >= size[1] / 4
    assert window.timer.text() == "3:20" and window.timer.fits()
    if with_message:
        assert window.message.isVisible() and window.message.displayed_text()
        assert window.message.text_rect().height() > size[1] * 0.3


def test_font_sizes_follow_the_window_size(rig):
    _clock, _controller, window = rig
    small = window.timer.pixel_size(), window.title.pixel_size(), window.points.draw_font().pixelSize()
    window.resize(1920, 1080)
    large = window.timer.pixel_size(), window.title.pixel_size(), window.points.draw_font().pixelSize()
    for a, b in zip(small, large, strict=True):
        assert b == pytest.approx(a * 1.5, abs=2)


# ---------------------------------------------------------------------------------------------- placement


def test_placement_windowed_fullscreen_and_a_missing_screen(rig):
    _clock, _controller, window = rig
    count = len(QGuiApplication.screens())
    assert window.place(None, windowed=True) is None
    assert not window.isFullScreen()
    available = QGuiApplication.primaryScreen().availableGeometry().size()
    assert window.size() == QSize(1280, 720).boundedTo(available)  # Xvfb's screen may be smaller
    warning = window.place(count + 2, windowed=False)
    plural = "screen" if count == 1 else "screens"
    assert warning == f"moderator screen {count + 2} does not exist ({count} {plural}); using screen 0"
    assert window.isFullScreen()
    window.toggle_fullscreen()
    assert not window.isFullScreen()
    window.toggle_fullscreen()
    assert window.isFullScreen()
    assert window.move_to_screen(0) is None
    assert window.isFullScreen()
    assert "does not exist" in window.move_to_screen(count)
    assert window.place(0, windowed=True) is None
    assert not window.isFullScreen()


# ---------------------------------------------------------------------------------------------- finding 8

MESSAGE = "Bitte zum Ende kommen – Frau Dreyer muss um 18:40 los"


def _press(qtbot, window: ModeratorWindow, key: str) -> None:
    """A real key press on the moderator window, through the X server (xdotool)."""
    subprocess.run(["xdotool", "windowfocus", "--sync", str(int(window.winId()))], check=True, timeout=10)
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=5000)
    subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True, timeout=10)


def _all_pages(window: ModeratorWindow) -> list[str]:
    points = window.points
    seen = []
    points.set_page(0)
    for page in range(points.page_count()):
        points.set_page(page)
        assert not points.is_elided(), points.shown_points()
        seen += points.shown_points()
    points.set_page(0)
    return seen


def _not_elided(widget: FitText) -> None:
    assert widget.isVisible() and widget.fits(), widget.objectName()
    assert not widget.is_elided() and widget.displayed_text().replace("\n", " ") == widget.text(), widget.objectName()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_six_talking_points_and_a_message_nothing_is_cut(qtbot, bundled_show, fake_clock, size):
    """Finding 8: with six talking points and a message, title, speakers and a long over/under stay
    whole, and every talking point is readable whole on one of the pages."""
    controller = ShowController(bundled_show, fake_clock, playout=SilentPlayout())
    window = _window(qtbot, controller, fake_clock, size)
    fake_clock.set_now(START + timedelta(hours=2, minutes=19, seconds=5))  # a very late start
    controller.go()
    fake_clock.set_now(START + timedelta(hours=2, minutes=24, seconds=5))
    controller.go()
    controller.send_message(MESSAGE)
    repaint()
    window.render_now()
    texts = shown(window)
    assert texts["segmentTitle"] == "Diskussion: Digitale Kommunen in Rheinland-Pfalz"
    assert texts["overUnder"] == "+2:19:05 late"
    for widget in (window.title, window.speakers, window.over_under, window.projection, window.timer):
        _not_elided(widget)
    assert not window.message.is_elided()
    _assert_nothing_cut_off(window)
    assert len(bundled_show.segments[1].talking_points) == 6
    assert _all_pages(window) == list(bundled_show.segments[1].talking_points)
    minimum = round(window.unit() * 0.036)
    assert window.points.draw_font().pixelSize() >= minimum  # readable from three metres


def test_the_talking_points_page_with_pgdown_and_the_directors_slot(qtbot, bundled_show, fake_clock):
    controller = ShowController(bundled_show, fake_clock, playout=SilentPlayout())
    window = _window(qtbot, controller, fake_clock, (1280, 720))
    fake_clock.set_now(START)
    controller.go()
    fake_clock.advance(300)
    controller.go()  # the discussion: six points
    controller.send_message(MESSAGE)
    repaint()
    window.render_now()
    points = window.points
    pages = points.page_count()
    assert pages > 1 and points.page_text() == f"1/{pages}"
    turned = []
    window.talking_points_page_changed.connect(lambda page, count: turned.append((page, count)))
    _press(qtbot, window, "Next")  # PgDown on the moderator window
    qtbot.waitUntil(lambda: points.page() == 1, timeout=3000)
    assert points.page_text() == f"2/{pages}" and turned[-1] == (1, pages)
    _press(qtbot, window, "Prior")  # PgUp
    qtbot.waitUntil(lambda: points.page() == 0, timeout=3000)
    assert window.page_talking_points(-1) is False  # already on the first page
    for page in range(1, pages):
        assert window.page_talking_points(+1) is True
        repaint()
        assert points.page() == page
    assert window.page_talking_points(+1) is False
    step(fake_clock, window, 1.0)  # a refresh keeps the page the director chose
    assert points.page() == pages - 1
    controller.clear_message()  # with the room of the message, fewer pages
    repaint()
    assert points.page_count() < pages
    assert sorted(_all_pages(window)) == sorted(bundled_show.segments[1].talking_points)
    controller.go()  # the next segment starts on its first page
    repaint()
    assert points.page() == 0


def test_an_urgent_message_takes_over_below_a_smaller_timer(rig):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    repaint()
    assert window.title.isVisible()
    normal_panel = window.panel.height()
    send(controller, SendMessage("SOFORT ABMODERIEREN – Leitung gestört", urgent=True))
    repaint()
    assert window.message_takeover() and window.message.isVisible()
    assert not window.title.isVisible() and not window.points.isVisible() and not window.next_title.isVisible()
    assert window.timer.isVisible() and window.timer.fits() and window.timer.text() == "5:00"
    assert window.panel.height() < normal_panel
    assert window.message.height() > window.height() * 0.45 and window.message.width() > window.width() * 0.9
    assert window.message.draw_font().pixelSize() > window.unit() * 0.1
    assert not window.message.is_elided()
    send(controller, SendMessage("SOFORT ABMODERIEREN – Leitung gestört", urgent=False))
    repaint()
    assert window.title.isVisible() and window.message.width() < window.width() * 0.6


def _approved(controller, *questions: tuple[str, str, str]) -> list[str]:
    """Questions added and approved through the dispatcher; their ids in order."""
    before = {question.id for question in controller.questions.questions}
    for text, asker, source in questions:
        assert send(controller, QuestionAdd(text, asker, source))
    ids = [question.id for question in controller.questions.questions if question.id not in before]
    for question_id in ids:
        assert send(controller, QuestionApprove(question_id))
    return ids


def test_an_audience_question_beside_the_timer_with_a_message_at_1280x720(rig):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    clock.advance(300)
    controller.go()
    controller.send_message(MESSAGE)
    ids = _approved(controller, ("Wann bekommt Hochspeyer endlich schnelles Internet?", "Anna Becker", "facebook"),
                    *(("Noch eine Frage?", "", "other"),) * 3)  # fmt: skip
    send(controller, QuestionShow(ids[0]))
    texts = shown(window)
    assert window.question.isVisible() and window.timer.isVisible() and window.message.isVisible()
    assert texts["questionAsker"] == "Anna Becker · Facebook"
    assert texts["questionsWaiting"] == "3 questions waiting"
    assert window.question.body.text() == "Wann bekommt Hochspeyer endlich schnelles Internet?"
    assert not window.question.body.is_elided() and not window.message.is_elided()
    assert window.question.body.draw_font().pixelSize() >= window.unit() * 0.04
    for widget in (window.title, window.speakers, window.question.asker, window.question.waiting):
        _not_elided(widget)
    question = QRect(window.question.mapTo(window, window.question.rect().topLeft()), window.question.size())
    for other in (window.panel, window.message, window.points, window.title, window.speakers):
        assert not question.intersects(other.geometry()), other.objectName()
    assert window.rect().contains(question)
    send(controller, QuestionTakeOff())
    repaint()
    assert window.question.isVisible()  # four waiting now: the count stays
    assert shown(window)["questionsWaiting"] == "4 questions waiting"


# ---------------------------------------------------------------------------------------------- greyscale


def _grey_panel(window: ModeratorWindow, mask_words: bool) -> QImage:
    """The timer panel in greyscale, with the digits (and the words) painted over."""
    image = window.panel.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    painter = QPainter(image)
    hidden = [window.timer] + ([window.phase_label, window.caption] if mask_words else [])
    for widget in hidden:
        painter.fillRect(widget.geometry(), QColor(0, 0, 0))
    painter.end()
    return image


def _share_differing(a: QImage, b: QImage, levels: int = 30) -> float:
    assert a.size() == b.size()
    width, height = a.width(), a.height()
    bytes_a, bytes_b = a.constBits(), b.constBits()
    line = a.bytesPerLine()
    differing = sum(
        1
        for y in range(0, height, 2)
        for x in range(0, width, 2)
        if abs(bytes_a[y * line + x] - bytes_b[y * line + x]) > levels
    )
    return differing / ((width // 2) * (height // 2))


def test_each_phase_looks_different_in_greyscale(qtbot, bundled_show, fake_clock):
    """Finding 8: not only colour: frame, fill and word differ per phase in a greyscale grab."""
    controller = ShowController(bundled_show, fake_clock, playout=SilentPlayout())
    window = _window(qtbot, controller, fake_clock)
    grabs: dict[str, tuple[QImage, QImage]] = {}

    def grab(name: str) -> None:
        window.render_now()
        grabs[name] = (_grey_panel(window, False), _grey_panel(window, True))

    grab("standby")
    fake_clock.set_now(START)
    controller.go()
    grab("normal")
    remaining_until(fake_clock, window, controller, 100)
    grab("wrap up")
    remaining_until(fake_clock, window, controller, 20)
    grab("time")
    remaining_until(fake_clock, window, controller, -0.5)
    grab("overtime")
    remaining_until(fake_clock, window, controller, -1.5)
    grab("overtime dim")
    controller.jump(2)
    controller.go()  # jump only cues: GO airs it
    grab("clip")
    names = list(grabs)
    for index, first in enumerate(names):
        for second in names[index + 1 :]:
            if {first, second} == {"overtime", "overtime dim"}:
                continue
            assert _share_differing(grabs[first][0], grabs[second][0]) > 0.01, (first, second)
            if "standby" not in (first, second):  # on air: the shape alone tells them apart
                assert _share_differing(grabs[first][1], grabs[second][1]) > 0.01, (first, second)


def test_bad_values_for_the_new_slots_change_nothing_or_show_safely(rig):
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    repaint()
    assert window.page_talking_points(99) is False and window.page_talking_points(-99) is False
    assert window.points.page() == 0
    endless = "Warum " * 330 + "?"  # the queue's limit is 2000 characters
    ids = _approved(controller, (endless, "A" * 100, "facebook"))  # the longest name the queue takes
    send(controller, QuestionShow(ids[0]))
    repaint()
    assert window.question.isVisible()
    assert window.question.body.displayed_text().endswith("…")  # cut by the queue, or by the panel
    assert window.question.asker.fits()
    _assert_nothing_cut_off(window)
    assert window.timer.isVisible() and window.timer.fits() and window.timer.text() == "5:00"
    send(controller, QuestionTakeOff())
    send(controller, SendMessage(endless[:280], urgent=True))
    repaint()
    assert window.message.is_elided() or window.message.isVisible()
    assert window.timer.fits()
    controller.clear_message()
    repaint()
    assert window.title.isVisible() and not window.message.isVisible()
    ids = _approved(controller, ("Frage\x07?", "Anna\x00 Becker", "youtube"))
    send(controller, QuestionShow(ids[0]))
    assert shown(window)["questionAsker"].startswith("Anna Becker · ")
    assert window.question.body.text() == "Frage ?"


def test_talking_points_shrink_then_take_two_columns_then_pages(qtbot):
    """The order of fitting: smaller (down to the readable minimum), then two columns, then pages."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1300, 900)
    points = PointsView(host)
    host.show()
    short = tuple(f"Punkt {n}: kurz und klar" for n in range(1, 7))
    points.set_pixel_range(24, 32)
    points.set_points(short)

    def fit(width: int, height: int) -> tuple[int, int, int]:
        points.resize(width, height)
        return points.draw_font().pixelSize(), points.columns(), points.page_count()

    assert fit(1200, 800) == (32, 1, 1)  # room enough: full size, one column
    full = points.needed_height()
    px, columns, pages = fit(1200, round(full * 0.93))
    assert 24 <= px < 32 and (columns, pages) == (1, 1)  # a little short: smaller, still one column
    assert fit(1200, round(full * 0.6))[1:] == (2, 1)  # too short even at 24 px: two columns
    px, columns, pages = fit(1200, 70)
    assert (px, columns) == (24, 2) and pages > 1  # too short for two columns: pages
    assert points.page_text() == f"1/{pages}"
    assert fit(300, 70)[1] == 1  # too narrow for two columns: pages of one column
    shown = []
    for page in range(points.page_count()):
        points.set_page(page)
        shown += points.shown_points()
    assert shown == list(short)


def test_a_long_phase_word_takes_two_lines_rather_than_a_tiny_font(rig):
    """German "ZUM SCHLUSS KOMMEN" beside the digits: two lines at a font far larger than one line
    would allow, the caption below it; a short word stays one line where it was."""
    clock, controller, window = rig
    clock.set_now(START)
    controller.go()
    repaint()
    panel, label = window.panel, window.phase_label
    one_line_top = label.y()
    label.setText("ZUM SCHLUSS KOMMEN")
    one_line_px = FitText("probe", panel, shrink=True, bold=True)
    one_line_px.set_pixel_size(label.pixel_size())
    one_line_px.resize(label.width(), label.height())
    one_line_px.setText("ZUM SCHLUSS KOMMEN")
    assert label.displayed_lines() == ["ZUM SCHLUSS", "KOMMEN"] and label.fits()
    assert label.draw_font().pixelSize() > 1.4 * one_line_px.draw_font().pixelSize()
    assert window.caption.y() >= label.geometry().bottom() and window.caption.fits()
    assert panel.rect().contains(label.geometry()) and panel.rect().contains(window.caption.geometry())
    label.setText("NOCH")
    assert label.displayed_lines() == ["NOCH"] and label.y() == one_line_top
