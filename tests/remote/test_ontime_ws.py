"""Companion's Ontime module against the real server on 127.0.0.1, frame by frame (issue 23).

Every frame sent here is one the module sends (module 5.x: src/actions/playback.ts, message.ts,
change.ts, auxTimer.ts; 4.6.x: src/v3/actions/*); every field checked is one the module reads
(src/state.ts, src/v3/connection.ts). Each action does what its button says, or is refused with the
reason and a status in the reply.
"""

from __future__ import annotations

import json

import pytest
from ontime_helpers import ModuleClient, fetch, make_url
from remote_helpers import PIN, off_thread

from presenter.run.dispatch import REMOTE_GO_GAP_S
from presenter.run.engine import Mode

GO_GAP_MS = int(REMOTE_GO_GAP_S * 1000) + 100  # a remote's GOs come at most once a second (issue 25 #13)


@pytest.fixture
def controller(qapp, bundled_show, journal):
    """A playout that plays nothing but fails nothing: a clip stays on air as the player's (pause, reload)."""
    from presenter.controller import ShowController
    from presenter.playout.silent import SilentPlayout

    controller = ShowController(bundled_show, playout=SilentPlayout())
    controller.attach_journal(journal.append)
    yield controller
    controller._heartbeat.stop()


@pytest.fixture
def module(qtbot, http):
    """A connected module 5.x whose host field is http://127.0.0.1:PORT/?pin=PIN."""
    client = off_thread(qtbot, ModuleClient, f"{http}/?pin={PIN}")
    yield client
    client.close()


def ask(qtbot, client: ModuleClient, tag: str, payload: object = None) -> dict:
    return off_thread(qtbot, client.ask, tag, payload)


def refused(reply: dict, status: int, *words: str) -> None:
    """A refusal in the protocol's form: the tag, a payload with status and error, nothing changed."""
    assert reply["payload"]["status"] == status, reply
    assert reply["status"] == status
    for word in words:
        assert word in reply["payload"]["error"], reply


def test_handshake_rundown_custom_fields_and_poll_as_the_module_does(qtbot, http, module):
    version = ask(qtbot, module, "version")
    major = int(version["payload"].split(".")[0])
    assert version == {"tag": "version", "payload": version["payload"]} and major == 4  # satisfies 4.x.x
    status, rundown, etag = off_thread(qtbot, fetch, make_url(module.host, "data/rundowns/current"))
    assert status == 200 and etag
    flat = [rundown["entries"][i] for i in rundown["flatOrder"]]  # http.ts getFlatRundown
    ids = ["welcome", "discussion", "minimogli", "autonomous-driving", "questions", "closing"]
    assert [e["id"] for e in flat] == ids
    assert flat[1]["type"] == "event" and flat[1]["cue"] == "2" and flat[1]["duration"] == 2265_000
    assert flat[1]["title"] and flat[1]["skip"] is False and flat[2]["custom"]["kind"] == "clip"
    status, _same, _tag = off_thread(qtbot, fetch, make_url(module.host, "data/rundowns/current"), etag)
    assert status == 304  # the module's if-none-match: nothing changed
    status, fields, _ = off_thread(qtbot, fetch, make_url(module.host, "data/custom-fields"))
    assert status == 200 and fields["kind"]["label"] == "Kind"
    poll = ask(qtbot, module, "poll")["payload"]
    for key in ("clock", "timer", "message", "rundown", "offset", "eventNow", "eventNext", "auxtimer1"):
        assert key in poll  # connection.ts applyDataPatch reads these
    assert poll["timer"]["playback"] == "armed" and poll["eventNow"] is None
    assert poll["eventNext"]["id"] == "welcome" and poll["rundown"]["numEvents"] == 6


def test_every_feedback_and_variable_gets_presenters_truth(qtbot, module, controller):
    ask(qtbot, module, "version")
    assert ask(qtbot, module, "start")["payload"] == "success"  # method 'loaded' in standby: the first segment
    assert controller.snapshot().current.segment.id == "welcome"
    ask(qtbot, module, "addtime", 60000)
    ask(qtbot, module, "message", {"timer": {"text": "Noch 2 Fragen", "visible": 1, "blink": 1}})
    snapshot = controller.snapshot()
    data = off_thread(qtbot, module.pushed_data, 5.0, lambda p: p["message"]["timer"]["visible"])
    timer = data["timer"]
    assert timer["playback"] == "play" and timer["phase"] == "default" and timer["addedTime"] == 60000
    assert timer["duration"] == 360_000 and 0 < timer["current"] <= 360_000 and timer["startedAt"] is not None
    assert data["eventNow"]["title"] == snapshot.current.segment.title
    assert data["eventNext"]["id"] == snapshot.next.segment.id
    assert data["message"]["timer"] == {
        "text": "Noch 2 Fragen",
        "visible": True,
        "blink": True,
        "blackout": False,
        "secondarySource": None,
    }
    assert data["rundown"]["selectedEventIndex"] == 0 and data["rundown"]["numEvents"] == 6
    assert data["offset"]["mode"] == "absolute" and isinstance(data["offset"]["absolute"], int)
    assert isinstance(data["clock"], int) and data["auxtimer1"]["playback"] == "stop"


def test_playback_actions_do_what_the_buttons_say(qtbot, module, controller):
    ask(qtbot, module, "version")
    ask(qtbot, module, "start")
    refused(ask(qtbot, module, "start"), 409, "on air already")  # no cut: Ontime's start does nothing while one runs
    assert controller.snapshot().current.segment.id == "welcome"
    qtbot.wait(GO_GAP_MS)
    reply = ask(qtbot, module, "start", "next")
    assert reply["payload"] == "success" and controller.snapshot().current.segment.id == "discussion"
    reply = ask(qtbot, module, "start", "previous")  # at once: Back takes the GO back
    assert "took the last GO back" in reply["did"] and controller.snapshot().current.segment.id == "welcome"
    ask(qtbot, module, "load", {"index": 3})
    assert controller.snapshot().next.segment.id == "minimogli" and controller.snapshot().current.index == 0
    ask(qtbot, module, "load", {"cue": "5"})
    assert controller.snapshot().next.segment.id == "questions"
    ask(qtbot, module, "load", {"id": "discussion"})
    assert controller.snapshot().next.segment.id == "discussion"
    assert ask(qtbot, module, "load", {"id": "discussion"})["payload"] == "success"  # cued already: as Ontime
    assert "GO airs it" in ask(qtbot, module, "load", "next")["did"]
    assert controller.snapshot().next.segment.id == "minimogli"
    ask(qtbot, module, "load", "previous")
    assert controller.snapshot().next.segment.id == "discussion"
    refused(ask(qtbot, module, "load", {"cue": "Q&A"}), 400, "Unable to load CUE")
    qtbot.wait(GO_GAP_MS)
    ask(qtbot, module, "start", {"id": "questions"})
    assert controller.snapshot().current.segment.id == "questions"
    qtbot.wait(GO_GAP_MS)
    ask(qtbot, module, "start", {"cue": "2"})
    assert controller.snapshot().current.segment.id == "discussion"
    qtbot.wait(GO_GAP_MS)
    ask(qtbot, module, "start", {"index": 6})
    assert controller.snapshot().current.segment.id == "closing"
    refused(ask(qtbot, module, "start", {"index": 0}), 400, "out of range")
    refused(ask(qtbot, module, "start", {"id": "closing"}), 409, "on air already")  # no restart, no cut
    assert controller.snapshot().current.segment.id == "closing"


def test_time_and_units(qtbot, module, controller):
    ask(qtbot, module, "version")
    ask(qtbot, module, "start")
    planned = controller.snapshot().current.planned_duration_s
    ask(qtbot, module, "addtime", 60000)  # add 0:01:00 (hmsValuesToMs)
    ask(qtbot, module, "addtime", -30000)  # remove 0:00:30
    ask(qtbot, module, "addtime", {"add": "15000"})
    assert controller.snapshot().current.planned_duration_s == planned + 45
    refused(ask(qtbot, module, "addtime", 60), 400, "milliseconds", "s=60")  # seconds sent by mistake
    refused(ask(qtbot, module, "addtime", 7_200_000), 400, "too large")
    refused(ask(qtbot, module, "addtime", "soon"), 400, "not a valid number")
    assert controller.snapshot().current.planned_duration_s == planned + 45


def test_message_control_keeps_text_and_blink(qtbot, module, controller):
    ask(qtbot, module, "version")
    controller.send_message("Vom Regietisch", blink=False)
    reply = ask(qtbot, module, "message", {"timer": {"visible": 1}})  # the director's message stays
    assert reply["payload"]["timer"]["text"] == "Vom Regietisch"
    assert controller.snapshot().message.text == "Vom Regietisch"
    ask(qtbot, module, "message", {"timer": {"blink": True}})
    assert controller.snapshot().message.blink
    ask(qtbot, module, "message", {"timer": {"text": "Noch 2 Minuten"}})
    message = controller.snapshot().message
    assert message.text == "Noch 2 Minuten" and message.blink  # the text changes, blinking stays
    ask(qtbot, module, "message", {"timer": {"visible": False}})
    assert controller.snapshot().message is None
    reply = ask(qtbot, module, "message", {"timer": {"visible": True}})  # Ontime keeps a hidden text
    assert controller.snapshot().message.text == "Noch 2 Minuten" and reply["payload"]["timer"]["visible"] is True
    refused(ask(qtbot, module, "message", {"timer": {"blackout": 1}}), 409, "no blackout")
    refused(ask(qtbot, module, "message", {"secondary": "Pause"}), 409, "secondary")
    refused(ask(qtbot, module, "message", {"timer": {"secondarySource": "aux1"}}), 409, "aux")
    assert controller.snapshot().message.text == "Noch 2 Minuten"


def test_change_title_duration_and_a_refetch(qtbot, module, controller):
    ask(qtbot, module, "version")
    ask(qtbot, module, "poll")
    reply = ask(qtbot, module, "change", {"discussion": {"title": "Podium", "duration": 1_800_000}})
    assert reply["payload"] == "success"
    segment = controller.show.segments[1]
    assert segment.title == "Podium" and segment.duration_s == 1800
    off_thread(qtbot, module.seen, lambda m: m.get("tag") == "refetch" and m["payload"]["target"] == "rundown")
    refused(ask(qtbot, module, "change", {"discussion": {"colour": "#ff0000"}}), 409, "cannot change colour")
    refused(ask(qtbot, module, "change", {"nope": {"title": "x"}}), 400, "Unable to change ID")


def test_what_presenter_has_no_meaning_for_is_refused_with_the_reason(qtbot, module, controller, journal):
    ask(qtbot, module, "version")
    ask(qtbot, module, "start")
    for tag, payload, words in [
        ("pause", None, "cannot be paused"),
        ("reload", None, "cannot be reloaded"),
        ("stop", None, "does not stop the show"),
        ("roll", None, "no roll mode"),
        ("auxtimer", {"1": "start"}, "no aux timers"),
        ("auxtimer", {"2": {"duration": 300000}}, "no aux timers"),
        ("auxtimer", {"3": {"addtime": 60000}}, "no aux timers"),
        ("auxtimer", {"1": {"direction": "count-up"}}, "no aux timers"),
        ("offsetmode", "relative", "absolute"),
    ]:
        refused(ask(qtbot, module, tag, payload), 409, words)
    assert controller.snapshot().current.segment.id == "welcome" and controller.snapshot().mode is Mode.ON_AIR
    refused(ask(qtbot, module, "explode"), 404, "Unhandled message")


def test_a_clip_pauses_resumes_and_reloads(qtbot, module, controller):
    from presenter.run import intents as do

    ask(qtbot, module, "version")
    ask(qtbot, module, "load", {"id": "minimogli"})
    ask(qtbot, module, "start")
    controller.dispatch(do.ClipProgress("minimogli", 3.0, 75.0, True), do.PLAYOUT)
    ask(qtbot, module, "pause")
    assert controller.snapshot().clip.state.value == "paused"
    data = off_thread(qtbot, module.pushed_data, 5.0, lambda p: p["timer"]["playback"] == "pause")
    assert data["eventNow"]["id"] == "minimogli"
    ask(qtbot, module, "start")  # the toggle's "play" while paused: resumes the clip
    assert controller.snapshot().clip.state.value != "paused"
    assert ask(qtbot, module, "reload")["did"] == "restarted the clip from 0:00"


def test_without_the_pin_reads_work_and_commands_say_why(qtbot, http, controller, journal):
    client = off_thread(qtbot, ModuleClient, f"{http}/")
    try:
        assert ask(qtbot, client, "version")["payload"].startswith("4.")
        assert ask(qtbot, client, "poll")["payload"]["eventNext"]["id"] == "welcome"
        reply = ask(qtbot, client, "start", "next")
        refused(reply, 403, "needs the PIN", "?pin=")
    finally:
        client.close()
    assert controller.snapshot().mode is Mode.STANDBY


def test_module_4_6_speaks_ontime_v3(qtbot, http, controller):
    client = off_thread(qtbot, ModuleClient, f"{http}/?pin={PIN}", "type")
    try:
        version = ask(qtbot, client, "version")["payload"]
        assert version.split(".")[0] == "3" and int(version.split(".")[1]) >= 6  # connection.ts: 3.6 or later
        status, events, _ = off_thread(qtbot, fetch, make_url(client.host, "data/rundown"))
        assert status == 200 and [e["type"] for e in events] == ["event"] * 6
        ask(qtbot, client, "start", "next")
        assert controller.snapshot().current.segment.id == "welcome"
        data = off_thread(qtbot, client.pushed_data, 5.0, lambda p: p["eventNow"] is not None)
        assert data["eventNow"]["id"] == "welcome" and data["timer"]["playback"] == "play"
        assert "external" in data["message"]
        ask(qtbot, client, "message", {"timer": {"visible": True, "text": "Hallo"}})
        assert controller.snapshot().message.text == "Hallo"
        refused(ask(qtbot, client, "stop"), 409, "does not stop")
    finally:
        client.close()


def test_malformed_ontime_frames_are_answered_with_status_and_change_nothing(qtbot, module, controller, journal):
    def client():
        answers = []
        for frame in [
            {"tag": 5},
            {"tag": ""},
            {"tag": "start", "payload": [1, 2]},
            {"tag": "start", "payload": {"index": "zwei"}},
            {"tag": "load", "payload": {"colour": "red"}},
            {"tag": "addtime", "payload": {"add": None}},
            {"tag": "message", "payload": "hello"},
            {"tag": "message", "payload": {"timer": {"text": ["x"]}}},
            {"tag": "message", "payload": {"timer": {"visible": "maybe"}}},
            {"tag": "change", "payload": {"discussion": {"title": 5}}},
            {"tag": "change", "payload": {"discussion": {"duration": 90}}},
            {"tag": "change", "payload": []},
            {"type": "start", "payload": {"cue": {"x": 1}}},
        ]:
            module.ws.send(json.dumps(frame))
            key = "type" if "type" in frame else "tag"
            answers.append(module.frame(lambda m, key=key: "status" in m and key in m))
        return answers

    ask(qtbot, module, "version")
    answers = off_thread(qtbot, client)
    assert all(a["status"] in (400, 404, 409) and a["error"] and a["payload"]["status"] == a["status"] for a in answers)
    assert controller.snapshot().mode is Mode.STANDBY and controller.show.segments[1].title != 5
    assert [r for r in journal if r["op"] not in ("alive",)] == []
