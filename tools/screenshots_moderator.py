#!/usr/bin/env python3
"""Screenshots of the moderator window with realistic content, for the README and for review.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots_moderator.py
    .venv/bin/python tools/screenshots_moderator.py          # no display: Qt's offscreen platform

Writes docs/screenshots/moderator-*.png at exactly the window sizes named in the file names.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("DISPLAY") else "offscreen"

from PySide6.QtWidgets import QApplication  # noqa: E402

from presenter.clock import FakeClock  # noqa: E402
from presenter.controller import ShowController  # noqa: E402
from presenter.playout.silent import SilentPlayout  # noqa: E402
from presenter.show import load_show  # noqa: E402
from presenter.ui.moderator import ModeratorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHOW = ROOT / "assets" / "smart-rlp.yaml"


def _setup(start: datetime):
    clock = FakeClock(start)
    controller = ShowController(load_show(SHOW), clock, playout=SilentPlayout())
    return clock, controller


def _go_at(clock: FakeClock, controller: ShowController, when: datetime) -> None:
    clock.set_now(when)
    controller.go()


def scene_standby():
    clock, controller = _setup(datetime(2021, 1, 19, 17, 25, 48))
    return clock, controller


def scene_warning_with_message():
    """The discussion (six talking points), 4:12 left (WRAP UP), the welcome ran 1:30 long; a
    message from the director."""
    clock, controller = _setup(datetime(2021, 1, 19, 17, 29, 50))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 30, 0))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 36, 30))  # welcome: 6:30 of 5:00
    clock.advance(37 * 60 + 45 - (4 * 60 + 12) + 0.4)
    controller.send_message("Frage aus dem Chat: Wann bekommt jedes Dorf schnelles Internet?")
    return clock, controller


def scene_question():
    """The Q&A with an audience question, three more waiting, and a message from the director."""
    clock, controller = _setup(datetime(2021, 1, 19, 17, 29, 50))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 30, 0))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 35, 0))
    _go_at(clock, controller, datetime(2021, 1, 19, 18, 12, 45))
    controller.engine.clip_ended("minimogli")
    clock.set_now(datetime(2021, 1, 19, 18, 14, 50))
    controller.engine.clip_ended("autonomous-driving")
    clock.advance(11 * 60 + 7.4)
    controller.send_message("Noch zwei Fragen, dann Verabschiedung")
    return clock, controller


def question(window) -> None:
    """The question on screen and three waiting, as the producer puts them there (question intents)."""
    controller = window.controller
    controller.question_intents.add("Wann bekommt Hochspeyer endlich schnelles Internet?", "Anna Becker", "facebook")
    for text in ("Wie sicher sind die Daten?", "Gibt es Förderung?", "Wer hilft älteren Menschen?"):
        controller.question_intents.add(text)
    for entry in list(controller.questions.questions):
        controller.question_intents.approve(entry.id)
    controller.question_intents.show()
    window.render_now()


def takeover(window) -> None:
    """The message on screen sent again as urgent (the SendMessage intent): it fills the screen."""
    message = window.controller.snapshot().message
    window.controller.send_message(message.text, message.blink, urgent=True)
    window.render_now()


def second_page(window) -> None:
    window.page_talking_points(+1)


def scene_takeover():
    clock, controller = scene_warning_with_message()
    controller.send_message("Leitung nach Mainz gestört – bitte Frau Dreyer direkt ansprechen")
    return clock, controller


def scene_overtime():
    clock, controller = _setup(datetime(2021, 1, 19, 17, 29, 50))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 30, 0))
    clock.advance(5 * 60 + 83 - 0.5)  # +1:23
    return clock, controller


def scene_clip():
    clock, controller = _setup(datetime(2021, 1, 19, 17, 29, 50))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 30, 0))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 35, 10))
    _go_at(clock, controller, datetime(2021, 1, 19, 18, 13, 20))
    clock.advance(52.3)
    controller.engine.clip_progress("minimogli", 52.3, 75.0, playing=True)
    return clock, controller


def scene_off_air():
    clock, controller = _setup(datetime(2021, 1, 19, 17, 29, 50))
    _go_at(clock, controller, datetime(2021, 1, 19, 17, 30, 0))
    for _ in range(5):
        clock.advance(60)
        controller.go()
    clock.set_now(datetime(2021, 1, 19, 19, 0, 40))
    controller.go()
    return clock, controller


SCENES = [
    ("moderator-1920x1080.png", (1920, 1080), scene_warning_with_message),
    ("moderator-1280x720.png", (1280, 720), scene_warning_with_message),
    ("moderator-page-2-1280x720.png", (1280, 720), scene_warning_with_message, second_page),
    ("moderator-question-1280x720.png", (1280, 720), scene_question, question),
    ("moderator-question-1920x1080.png", (1920, 1080), scene_question, question),
    ("moderator-takeover-1280x720.png", (1280, 720), scene_takeover, takeover),
    ("moderator-overtime-1280x720.png", (1280, 720), scene_overtime),
    ("moderator-clip-1280x720.png", (1280, 720), scene_clip),
    ("moderator-standby-1280x720.png", (1280, 720), scene_standby),
    ("moderator-off-air-1280x720.png", (1280, 720), scene_off_air),
]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (width, height), scene, *extra in SCENES:
        clock, controller = scene()
        window = ModeratorWindow(controller, clock)
        window.resize(width, height)
        window.show()
        app.processEvents()
        window.render_now()
        for setup in extra:
            setup(window)
        app.processEvents()
        image = window.grab()
        if (image.width(), image.height()) != (width, height):
            print(f"{name}: window is {image.width()}x{image.height()}, not {width}x{height}", file=sys.stderr)
            return 1
        path = OUT / name
        image.save(str(path))
        print(path.relative_to(ROOT))
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
