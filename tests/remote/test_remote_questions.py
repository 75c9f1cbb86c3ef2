"""The question intents over HTTP: the same queue, rules and journal as the Questions window's keys."""

from __future__ import annotations

from urllib.parse import quote

from remote_helpers import PIN, http_get

from presenter.remote.question_intents import register


def test_questions_from_a_second_producer_reach_the_moderators_queue(qtbot, http, controller, journal):
    register()
    assert http_get(qtbot, f"{http}/questions")[0] == 200  # the producer's page is there now
    status, state = http_get(
        qtbot, f"{http}/api/v1/question/add?text={quote('Anna (Facebook): Wann kommt das WLAN?')}&pin={PIN}"
    )
    assert status == 200 and "questions_list" not in state  # the list: only to PIN holders, on request
    [question] = http_get(qtbot, f"{http}/api/v1/questions?pin={PIN}")[1]["questions"]
    assert (question["asker"], question["source"], question["state"]) == ("Anna", "Facebook", "new")
    assert http_get(qtbot, f"{http}/api/v1/question/approve?id={question['id']}&pin={PIN}")[0] == 200
    assert http_get(qtbot, f"{http}/api/v1/question/show?pin={PIN}")[0] == 200
    assert controller.questions.on_screen.text == "Wann kommt das WLAN?"
    status, answer = http_get(qtbot, f"{http}/api/v1/question/show?pin={PIN}")
    assert status == 409 and "already on screen" in answer["error"]  # a second Q never replaces it
    assert http_get(qtbot, f"{http}/api/v1/question/off?pin={PIN}")[0] == 200
    assert controller.questions.on_screen is None
    assert any(r["op"].startswith("question") and r.get("src") == "http 127.0.0.1" for r in journal)


def test_bad_question_arguments_are_refused_and_change_nothing(qtbot, http, controller):
    register()
    assert http_get(qtbot, f"{http}/api/v1/question/approve?pin={PIN}")[0] == 400  # no id
    assert http_get(qtbot, f"{http}/api/v1/question/approve?id=nope&pin={PIN}")[0] == 409
    assert http_get(qtbot, f"{http}/api/v1/question/move?id=nope&to=1.5&pin={PIN}")[0] in (400, 409)
    assert http_get(qtbot, f"{http}/api/v1/question/add?text=x&pin=000000")[0] == 403
    assert controller.questions.questions == []
