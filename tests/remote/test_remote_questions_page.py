"""Issue 22 finding 5: the browser /questions page in German shows each question's state in the
desktop's words and can approve, like the desktop; no English is left on it (real headless Chromium)."""

from __future__ import annotations

import pytest
from remote_helpers import PIN
from test_remote_browser import CHROMEDRIVER, CHROMIUM, chromium

from presenter.questions import QuestionState

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()), reason="Debian's chromium and chromium-driver are not installed"
)


@pytest.fixture
def browser(tmp_path):
    driver = chromium(tmp_path, width=1280, height=720)
    yield driver
    driver.quit()


def test_the_questions_page_shows_states_in_german_and_approves(german, qtbot, http, browser, controller):
    from presenter.remote.question_intents import register

    register()
    controller.question_intents.add("Wann kommt das WLAN?", asker="Anna")
    controller.question_intents.add("Was kostet es?", asker="Ben")
    controller.question_intents.approve("q2")
    browser.get(f"{http}/questions?pin={PIN}")
    states = "return [...document.querySelectorAll('#question-list .question-state')].map(e => e.textContent)"
    qtbot.waitUntil(lambda: browser.execute_script(states) == ["neu", "freigegeben"], timeout=5000)
    body = browser.execute_script("return document.body.innerText")
    for english in ("A viewer's question", "Questions", "approved", "new", "Add"):
        assert english not in body.split("\n") and f" {english} " not in f" {body} ", english
    placeholder = browser.execute_script("return document.getElementById('question-text').placeholder")
    assert placeholder == "Frage aus dem Publikum"
    buttons = "return [...document.querySelectorAll('#question-list button.approve')]"
    assert len(browser.execute_script(buttons)) == 1  # only the new one can be approved
    assert browser.execute_script(buttons)[0].text == "Freigeben"
    browser.execute_script(buttons)[0].click()
    qtbot.waitUntil(lambda: controller.questions.get("q1").state is QuestionState.APPROVED, timeout=5000)
    qtbot.waitUntil(lambda: browser.execute_script(states) == ["freigegeben", "freigegeben"], timeout=5000)
