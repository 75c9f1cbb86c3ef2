"""Issue 22 finding 6: "5 Fragen warten" cut in half at 1280×720 and nearly invisible at 1920×1080 while a message
(or a clip) is shown. Reproduced: the moderator window first laid out small (where the placement puts it beside the
director) and then made larger measured the count's line at the old, smaller font: a 26 px text in an 18 px strip."""

from __future__ import annotations

import pytest
from cut_text import cut_texts

from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.run import intents as do
from presenter.ui.moderator import ModeratorWindow

pytestmark = pytest.mark.xvfb


@pytest.mark.parametrize("first,size", [((640, 453), (1280, 720)), ((960, 693), (1920, 1080))], ids=str)
@pytest.mark.parametrize("clip", [False, True], ids=["message", "clip and message"])
def test_the_questions_waiting_are_whole_after_the_window_grows(qtbot, german, bundled_show, fake_clock, first, size,
                                                                 clip):  # fmt: skip
    controller = ShowController(bundled_show, clock=fake_clock, playout=SilentPlayout())
    window = ModeratorWindow(controller, fake_clock)
    qtbot.addWidget(window)
    window.resize(*first)
    window.show()
    qtbot.waitExposed(window)
    for text in ("Anna: Wann kommt das WLAN?", "Ben: Was kostet es?", "Cem: Und wann?", "Dora: Wo?", "Emil: Wer?"):
        controller.question_intents.paste(text)
    for number in range(1, 6):
        controller.question_intents.approve(f"q{number}")
    controller.go()
    if clip:
        while controller.snapshot().current.segment.kind != "clip":
            fake_clock.advance(1.0)
            controller.go()
        segment = controller.snapshot().current.segment.id
        controller.dispatch(do.ClipProgress(segment, 10.0, 75.0, True), do.PLAYOUT)
    controller.dispatch(do.SendMessage("Bitte zum Ende kommen"), do.DIRECTOR)
    window.render_now()
    window.resize(*size)  # larger, nothing else changes: the count's strip must grow with its font
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    window.render_now()
    waiting = window.question.waiting
    assert waiting.text() == "5 Fragen warten" and not waiting.is_elided()
    panel = window.question.geometry()
    assert panel.height() >= waiting.line_height() and panel.bottom() < window.next_title.geometry().top()
    assert waiting.draw_font().pixelSize() >= 0.035 * size[1]  # as large as the asker's line: readable at 3 m
    assert cut_texts(window) == []
