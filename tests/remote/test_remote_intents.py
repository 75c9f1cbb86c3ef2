"""The intents table: another module adds intents and state; the PIN lockout; refusals journaled sparingly."""

from __future__ import annotations

import json

import pytest
from remote_helpers import PIN, http_get, off_thread
from websockets.sync.client import connect

from presenter.remote import Arg, ArgType, IntentError, Status, register_intent, register_state
from presenter.remote.intents import has_question_intents, intents, unregister_intent


@pytest.fixture
def questions():
    """A stand-in for the questions module: two intents and a list in the state."""
    asked: list[dict] = []

    def add(controller, text):
        if len(asked) >= 3:
            raise IntentError(Status.REFUSED, "question/add refused: the list is full")
        asked.append({"id": f"q{len(asked) + 1}", "text": text})

    register_intent("question/add", add, [Arg("text", ArgType.TEXT)])
    register_state("questions_list", lambda controller: list(asked))
    yield asked
    unregister_intent("question/add")
    from presenter.remote import intents as table

    table._STATE_PARTS.pop("questions_list", None)


def test_a_registered_intent_is_reachable_and_its_page_appears(qtbot, http, questions):
    assert has_question_intents()
    assert http_get(qtbot, f"{http}/questions")[0] == 200
    status, state = http_get(qtbot, f"{http}/api/v1/question/add?text=Wann%20kommt%20das%20WLAN%3F&pin={PIN}")
    assert status == 200 and "questions_list" not in state  # issue 25: the list only to PIN holders, on request
    page = http_get(qtbot, f"{http}/api/v1/questions?pin={PIN}")[1]
    assert page["questions"] == [{"id": "q1", "text": "Wann kommt das WLAN?"}]

    def by_websocket():
        with connect(http.replace("http:", "ws:") + f"/ws?pin={PIN}", close_timeout=1) as ws:
            answers = []
            for text in ("zwei", "drei", "vier"):
                ws.send(json.dumps({"id": text, "cmd": "question/add", "args": {"text": text}}))
                while (message := json.loads(ws.recv(timeout=5)))["type"] != "result":
                    pass
                answers.append(message)
            return answers

    answers = off_thread(qtbot, by_websocket)
    assert [a["ok"] for a in answers] == [True, True, False]
    assert answers[-1]["status"] == 409 and "full" in answers[-1]["error"]
    assert http_get(qtbot, f"{http}/api/v1/question/add?pin={PIN}")[0] == 400  # text missing


def test_without_question_intents_there_is_no_questions_page(qtbot, http):
    assert not has_question_intents()
    assert http_get(qtbot, f"{http}/questions")[0] == 404


def test_intent_names_are_checked():
    for bad in ("", "go now", "../go", "question//add"):
        with pytest.raises(ValueError):
            register_intent(bad, lambda controller: None)
    assert "go" in intents()


def test_ten_wrong_pins_lock_the_address_out(qtbot, http, controller, journal):
    statuses = [http_get(qtbot, f"{http}/api/v1/go?pin={n:06d}")[0] for n in range(10)]
    assert statuses == [403] * 10
    status, answer = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")
    assert status == 429 and "wrong PINs" in answer["error"]
    assert controller.snapshot().current is None
    refused = [r for r in journal if r["op"] == "refused"]
    assert 1 <= len(refused) <= 2  # a burst is journaled once a second, with a count


def test_go_after_the_end_is_one_rule_for_the_remote_and_the_desktop(qtbot, http, controller):
    """Issue 20 #3: the dispatcher decides; the remote says what the snapshot's GO offer says."""
    for _ in range(len(controller.show.segments) + 1):
        assert controller.go()
        qtbot.wait(350)  # more than the double-press guard
    offer = controller.snapshot().go
    assert controller.snapshot().mode.value == "ended" and not offer.allowed
    status, answer = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")
    assert status == 409 and answer["error"] == f"GO refused: {offer.refusal.text}"
    assert http_get(qtbot, f"{http}/api/v1/jump?to=closing&pin={PIN}")[0] == 200
    assert controller.snapshot().go.allowed  # a segment cued after the end: GO airs it, from anywhere
    status, _ = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")
    assert status == 200 and controller.snapshot().current.segment.id == "closing"


def test_clip_transport_refusals_come_from_the_dispatcher(qtbot, http, controller, journal):
    status, answer = http_get(qtbot, f"{http}/api/v1/clip/restart?pin={PIN}")
    assert status == 409 and answer["error"] == "clip/restart refused: no clip is on air"
    controller.go()
    assert http_get(qtbot, f"{http}/api/v1/page?to=2&pin={PIN}")[0] == 200  # the moderator's page, from 1
    assert controller.snapshot().points_page == 1 and journal[-1]["op"] == "turn_page"
    status, answer = http_get(qtbot, f"{http}/api/v1/page?to=99&pin={PIN}")
    assert status == 400 and "no such page" in answer["error"]
    qtbot.wait(350)
    controller.jump(2)
    controller.go()  # no playout in this test: the clip fails at once, the moderator is live
    status, answer = http_get(qtbot, f"{http}/api/v1/clip/pause?pin={PIN}")
    assert status == 409 and answer["error"] == "clip/pause refused: the clip on air cannot play"
