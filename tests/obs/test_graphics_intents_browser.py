"""The stream's graphics driven by intents: the dispatcher puts the lower third on and takes it off, the pushed
state's graphics part (presenter.remote.graphics_state) carries it, and a real headless Chromium shows it in German."""

from __future__ import annotations

from datetime import datetime

import pytest
from core_stage import Stage
from graphics_show import graphics_show
from test_graphics_browser import _opacity, _render, browser, pages  # noqa: F401  (fixtures)

from presenter.clock import FakeClock
from presenter.remote.graphics_state import PAGES, graphics_dict
from presenter.run import intents as do

START = datetime(2021, 1, 19, 17, 29)


@pytest.fixture
def stage(tmp_path) -> Stage:
    return Stage(graphics_show(tmp_path), FakeClock(START))


def test_the_graphics_part_renders_the_snapshots_view(stage):
    part = graphics_dict(stage.ok(do.ShowPreshow()))
    assert part["preshow"]["start"] == "17:30" and part["preshow"]["hashtag"] == "#smartRLP"
    assert part["preshow"]["starts_at_ms"] - round(START.timestamp() * 1000) == 60_000
    assert part["style"] == {"accent": "rgb(227, 6, 19)"} and part["language"] == "de"
    assert part["lower_third"] is None and part["question"] is None
    stage.go()
    stage.ok(do.QuestionAdd("Wann kommt das Glasfaser?", "Anna Beispielfrau", "youtube"))
    question_id = stage.run.questions.questions[0].id
    stage.ok(do.QuestionApprove(question_id))
    part = graphics_dict(stage.ok(do.QuestionShow(question_id)))
    assert part["question"] == {"text": "Wann kommt das Glasfaser?", "asker": "Anna", "source": "YouTube"}
    assert part["preshow"] is None
    part = graphics_dict(stage.ok(do.ShowLowerThird("Klaus Weichel", 6)))
    assert part["lower_third"] == {"name": "Klaus Weichel", "role": "Oberbürgermeister", "seconds_left": 6}
    assert part["on_stream"].startswith("on the stream: lower third Klaus Weichel, 0:06 left")
    assert set(PAGES) == {"/lower-third", "/stream-question", "/preshow"}


def test_a_question_without_asker_or_known_source(stage):
    stage.go()
    stage.ok(do.QuestionAdd("Und die Schulen?"))
    question_id = stage.run.questions.questions[0].id
    stage.ok(do.QuestionApprove(question_id))
    part = graphics_dict(stage.ok(do.QuestionShow(question_id)))
    assert part["question"]["asker"] == "" and part["question"]["source"] in ("other", "")


def test_no_graphics_view_no_part(stage):
    from dataclasses import replace

    assert graphics_dict(replace(stage.snap(), graphics=None)) is None


def test_the_lower_third_goes_on_and_off_by_the_intent_in_german(qtbot, stage, pages, browser):  # noqa: F811
    browser.get(f"{pages}/lower-third?offline")
    stage.go()
    _render(browser, graphics_dict(stage.ok(do.ShowLowerThird("Klaus Weichel"))))
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "1", timeout=5000)
    assert browser.execute_script("return document.documentElement.lang") == "de"
    text = browser.execute_script("return document.getElementById('lower-third').innerText")
    assert text.split("\n") == ["Klaus Weichel", "Oberbürgermeister"]
    accent = browser.execute_script("return getComputedStyle(document.getElementById('lower-third')).borderLeftColor")
    assert accent == "rgb(227, 6, 19)"  # the show file's colour
    _render(browser, graphics_dict(stage.ok(do.TakeOffLowerThird())))
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "0", timeout=5000)
    stage.go()  # the next speaker by the director's key (L: the speaker of the segment on air)
    _render(browser, graphics_dict(stage.ok(do.ShowLowerThird())))
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "1", timeout=5000)
    role = browser.execute_script("return document.querySelector('#lower-third .role').textContent")
    assert role == "Ministerpräsidentin Rheinland-Pfalz"
    assert browser.execute_script("return presenterGraphics.paints.length") >= 1


def test_the_directors_key_puts_it_on_the_page_and_takes_it_off(qtbot, tmp_path, pages, browser):  # noqa: F811
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from presenter.controller import ShowController
    from presenter.ui.obs_wiring import ObsWiring

    clock = FakeClock(START)
    controller = ShowController(graphics_show(tmp_path), clock=clock)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.setFocus()
    ObsWiring(controller, None, window=window)
    controller.changed.connect(lambda: _render(browser, graphics_dict(controller.snapshot())))  # the push
    browser.get(f"{pages}/lower-third?offline")
    clock.advance(1.0)
    controller.go()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the keys are the director window's
    qtbot.keyClick(window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "1", timeout=5000)
    assert browser.execute_script("return document.querySelector('#lower-third .name').textContent") == "Klaus Weichel"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _opacity(browser, "lower-third") == "0", timeout=5000)
