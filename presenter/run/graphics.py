"""The stream's graphics as show state: the lower third, the pre-show countdown, the question on the stream.

Intents put them on and off through the one dispatcher (presenter.run.dispatch); the engine journals each before
it acts, so a replay after kill -9 puts back what was on the stream, and its time left runs on from the journal.
A lower third on for a set time goes off by itself: its time left is computed from timestamps when the snapshot
is taken, so nothing has to happen when it runs out. The pages (presenter.web) and the director render the
snapshot's `graphics` view and derive nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.run.engine_core import EngineCore
from presenter.run.state import GraphicsView, LowerThirdView, Mode, Op, QuestionView
from presenter.show import Segment, Show
from presenter.show.graphics import Person, people
from presenter.timefmt import format_countdown

if TYPE_CHECKING:
    from presenter.run.engine import ShowEngine

MAX_LOWER_THIRD_S = 600.0  # a set time for a lower third: at most ten minutes (longer: until taken off)
ON_STREAM = QT_TRANSLATE_NOOP("Graphics", "on the stream: {what}")
LOWER_THIRD_LEFT = QT_TRANSLATE_NOOP("Graphics", "lower third {name}, {left} left")
LOWER_THIRD_ON = QT_TRANSLATE_NOOP("Graphics", "lower third {name}")
QUESTION_ON = QT_TRANSLATE_NOOP("Graphics", "question {number}")
PRESHOW_ON = QT_TRANSLATE_NOOP("Graphics", "pre-show countdown")


@dataclass
class LowerThirdOnAir:
    """The lower third the director put on (held by the engine)."""

    person: Person
    since: datetime
    since_mono: float
    seconds: float | None  # None: until taken off


def speaker_on_air(show: Show, segment: Segment | None) -> str | None:
    """Whom the director's key names: the segment's `lower_third`, else its first speaker."""
    if segment is None:
        return None
    return segment.lower_third or next(iter(people(segment.speakers)), None)


class EngineGraphics(EngineCore):
    """The graphics intents of the engine (ShowEngine builds on it)."""

    lower_third: LowerThirdOnAir | None = None
    preshow: bool = False

    def show_lower_third(self, name: str, seconds: float | None) -> None:
        """Put `name`'s lower third on the stream (instead of any other), for `seconds` or until taken off."""
        person = self.show.people[name]
        self._log(Op.LOWER_THIRD, person=name, seconds=seconds)
        self.lower_third = LowerThirdOnAir(person, self.clock.now(), self.clock.monotonic(), seconds)
        self._record("lower_third", self._segment_id(self.current), person=name, role=person.role, seconds=seconds)

    def lower_third_left(self) -> float | None:
        """The time the lower third still stays on (None: until taken off); 0 once it has gone off by itself."""
        shown = self.lower_third
        if shown is None or shown.seconds is None:
            return None
        return max(0.0, shown.seconds - (self.clock.monotonic() - shown.since_mono))

    def lower_third_on(self) -> bool:
        left = self.lower_third_left()
        return self.lower_third is not None and (left is None or left > 0)

    def take_off_lower_third(self) -> None:
        assert self.lower_third is not None  # the dispatcher asked lower_third_on()
        self._log(Op.LOWER_THIRD_OFF)
        name = self.lower_third.person.name
        self.lower_third = None
        self._record("lower_third_off", self._segment_id(self.current), person=name)

    def set_preshow(self, on: bool) -> None:
        """The pre-show countdown on the stream (it shows only before the first GO)."""
        self._log(Op.PRESHOW, on=on)
        self.preshow = on
        self._record("preshow", None, on=on)

    def stream_problem(self, code: str, text: str, gone: bool) -> None:
        """OBS reported a problem of the stream (or that it went away): journaled, and a row of the as-run log."""
        self._log(Op.STREAM_PROBLEM, code=code, text=text, gone=gone)
        self._record("stream_problem_gone" if gone else "stream_problem", None, code=code, text=text)

    def _segment_graphics(self, segment: Segment) -> None:
        """A segment that names whom to show puts that lower third on as it goes on air (part of the GO)."""
        person = self.show.people.get(segment.lower_third) if segment.lower_third else None
        if person is not None:
            seconds = self.show.graphics.lower_third_s
            self.lower_third = LowerThirdOnAir(person, self.clock.now(), self.clock.monotonic(), seconds)
            self._record("lower_third", segment.id, person=person.name, role=person.role, seconds=seconds)


def graphics_language(engine: ShowEngine) -> str:
    """The pages' language: the show's, else the director's, else German (the city's audience)."""
    chosen = engine.show.graphics.language or engine.language or "de"
    return "de" if chosen.lower().startswith("de") else "en"


def graphics_view(engine: ShowEngine, question: QuestionView | None) -> GraphicsView:
    """What the stream's graphics show at this instant, and the director's line about it."""
    lower_third = None
    shown = engine.lower_third
    if shown is not None and engine.lower_third_on():
        left = engine.lower_third_left()
        lower_third = LowerThirdView(shown.person.name, shown.person.role, shown.since, left)
    on_question = question if engine.show.graphics.question else None
    preshow = engine.preshow and engine.mode is Mode.STANDBY
    return GraphicsView(
        graphics_language(engine), lower_third, on_question, preshow, _on_stream(lower_third, on_question, preshow)
    )


def _on_stream(lower_third: LowerThirdView | None, question: QuestionView | None, preshow: bool) -> str:
    parts = []
    if lower_third is not None:
        if lower_third.seconds_left is None:
            parts.append(translate("Graphics", LOWER_THIRD_ON).format(name=lower_third.name))
        else:
            left = format_countdown(lower_third.seconds_left)
            parts.append(translate("Graphics", LOWER_THIRD_LEFT).format(name=lower_third.name, left=left))
    if question is not None:
        parts.append(translate("Graphics", QUESTION_ON).format(number=question.number))
    if preshow:
        parts.append(translate("Graphics", PRESHOW_ON))
    return translate("Graphics", ON_STREAM).format(what=" · ".join(parts)) if parts else ""
