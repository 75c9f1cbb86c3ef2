"""Ontime's own OSC API (`/ontime/…`, apps/server/src/adapters/OscAdapter.ts) and HTTP integration API
(`GET /api/<command>/<params…>`, api-integration/integration.router.ts) against the real servers (issue 23).

The addresses and paths are Ontime's documented ones; each does what it does in Ontime, or less and
says what it did, or is refused with the reason. A fake clock stands in for the 1 s remote GO gap and
the 10 s in which Back takes a GO back.
"""

from __future__ import annotations

import socket

import pytest
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder
from remote_helpers import PIN, http_get

from presenter.run.engine import Mode


@pytest.fixture
def controller(qapp, bundled_show, journal, fake_clock):
    from presenter.controller import ShowController
    from presenter.playout.silent import SilentPlayout

    controller = ShowController(bundled_show, clock=fake_clock, playout=SilentPlayout())
    controller.attach_journal(journal.append)
    yield controller
    controller._heartbeat.stop()


@pytest.fixture
def osc(remote):
    listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    listener.bind(("127.0.0.1", 0))
    listener.settimeout(0.02)
    assert remote.start_osc("127.0.0.1", 0, feedback=listener.getsockname(), remember=False)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    yield remote, sender, ("127.0.0.1", remote.osc_address[1]), listener
    sender.close()
    listener.close()


def _packet(address: str, *args) -> bytes:
    builder = OscMessageBuilder(address=address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


def send(qtbot, osc, address: str, *args, until=None) -> list[str]:
    """Send one OSC message and wait until `until()` holds (or a reply came back on the feedback port)."""
    remote, sender, target, _listener = osc
    said: list[str] = []
    remote.osc.refused.connect(said.append)
    remote.osc.did.connect(said.append)
    try:
        sender.sendto(_packet(address, *args), target)
        qtbot.waitUntil(lambda: bool(said) or (until is not None and until()), timeout=3000)
    finally:
        remote.osc.refused.disconnect(said.append)
        remote.osc.did.disconnect(said.append)
    return said


def feedback(qtbot, osc, address: str, start: str = "") -> str:
    listener = osc[3]
    heard: list[str] = []

    def got() -> bool:
        try:
            message = OscMessage(listener.recv(65536))
        except TimeoutError:
            return False
        if message.address == address and str(message.params[0]).startswith(start):
            heard.append(str(message.params[0]))
        return bool(heard)

    qtbot.waitUntil(got, timeout=3000)
    return heard[0]


def test_ontime_osc_commands(qtbot, osc, controller, fake_clock):
    on_air = lambda: controller.snapshot().current  # noqa: E731
    send(qtbot, osc, "/ontime/start", until=lambda: on_air() is not None)  # the loaded (first) segment
    assert on_air().segment.id == "welcome"
    fake_clock.advance(2)
    said = send(qtbot, osc, "/ontime/start")  # a segment on air: no cut (it was a GO before)
    assert "on air already" in said[0] and on_air().segment.id == "welcome"
    send(qtbot, osc, "/ontime/start/next", until=lambda: on_air().segment.id == "discussion")
    fake_clock.advance(11)  # past the 10 s in which Back takes a GO back
    said = send(qtbot, osc, "/ontime/start/previous")
    assert "cued" in said[0] and "GO airs it" in said[0]  # it says what it did
    assert "GO airs it" in feedback(qtbot, osc, "/presenter/did", "/ontime/start/previous: cued")
    assert on_air().segment.id == "discussion" and controller.snapshot().next.segment.id == "welcome"
    planned = on_air().planned_duration_s
    send(qtbot, osc, "/ontime/addtime", "60000", until=lambda: on_air().planned_duration_s == planned + 60)
    send(qtbot, osc, "/ontime/addtime/remove", 30000, until=lambda: on_air().planned_duration_s == planned + 30)
    assert "milliseconds" in send(qtbot, osc, "/ontime/addtime", 60)[0]  # seconds by mistake: refused
    send(qtbot, osc, "/ontime/load/index", 3, until=lambda: controller.snapshot().next.segment.id == "minimogli")
    send(qtbot, osc, "/ontime/load/cue", "5", until=lambda: controller.snapshot().next.segment.id == "questions")
    fake_clock.advance(2)
    send(qtbot, osc, "/ontime/start/id", "closing", until=lambda: on_air().segment.id == "closing")
    for address, words in [("/ontime/stop", "does not stop"), ("/ontime/roll", "no roll"), ("/ontime/pause", "paused")]:
        assert words in send(qtbot, osc, address)[0]
    assert "no aux timers" in send(qtbot, osc, "/ontime/auxtimer/1/start")[0]
    assert on_air().segment.id == "closing" and controller.snapshot().mode is Mode.ON_AIR


def test_ontime_osc_message_keeps_the_directors_message_and_blinking(qtbot, osc, controller):
    controller.send_message("Vom Regietisch")
    said = send(qtbot, osc, "/ontime/message/timer/visible", 1)
    assert "shown already" in said[0] and controller.snapshot().message.text == "Vom Regietisch"
    send(qtbot, osc, "/ontime/message/timer/blink", 1, until=lambda: controller.snapshot().message.blink)
    changed = lambda: "Zwei" in controller.snapshot().message.text  # noqa: E731
    send(qtbot, osc, "/ontime/message/timer/text", "Zwei Minuten", until=changed)
    assert controller.snapshot().message.blink  # the text changed, blinking stayed
    send(qtbot, osc, "/ontime/message/timer/visible", False, until=lambda: controller.snapshot().message is None)
    send(qtbot, osc, "/ontime/message/timer/visible", "true", until=lambda: controller.snapshot().message is not None)
    assert controller.snapshot().message.text == "Zwei Minuten"
    assert "no blackout" in send(qtbot, osc, "/ontime/message/timer/blackout", 1)[0]


def test_ontime_http_integration_api(qtbot, http, controller, fake_clock):
    headers = {"X-Presenter-Pin": PIN}
    status, body = http_get(qtbot, f"{http}/api/version")
    assert status == 202 and body["payload"].startswith("4.")
    status, body = http_get(qtbot, f"{http}/api/poll")
    assert status == 202 and body["payload"]["timer"]["playback"] == "armed"
    status, body = http_get(qtbot, f"{http}/api/start/next")  # no PIN: refused, nothing happens
    assert status == 403 and "needs the PIN" in body["message"] and body["status"] == 403
    status, body = http_get(qtbot, f"{http}/api/start/next?pin={PIN}", pin_in_url=True)  # not opted in
    assert status == 403 and "--pin-in-url" in body["message"]
    assert controller.snapshot().mode is Mode.STANDBY
    status, body = http_get(qtbot, f"{http}/api/start/next", headers)
    assert status == 202 and body["payload"] == "success" and controller.snapshot().current.index == 0
    status, body = http_get(qtbot, f"{http}/api/addtime/60000", headers)
    assert status == 202 and controller.snapshot().current.planned_duration_s == 360
    status, body = http_get(qtbot, f"{http}/api/addtime/60", headers)
    assert status == 400 and "milliseconds" in body["message"]
    status, body = http_get(qtbot, f"{http}/api/message/timer/text/Noch%20zwei%20Fragen", headers)
    assert status == 202 and controller.snapshot().message is None  # the text, not shown yet
    status, body = http_get(qtbot, f"{http}/api/message/timer/visible/true", headers)
    assert status == 202 and controller.snapshot().message.text == "Noch zwei Fragen"
    assert body["payload"]["timer"]["visible"] is True
    status, body = http_get(qtbot, f"{http}/api/load/cue/3", headers)
    assert status == 202 and controller.snapshot().next.segment.id == "minimogli" and "GO airs it" in body["did"]
    status, body = http_get(qtbot, f"{http}/api/change/discussion/title/Podium", headers)
    assert status == 202 and controller.show.segments[1].title == "Podium"
    status, body = http_get(qtbot, f"{http}/api/stop", headers)
    assert status == 409 and "does not stop" in body["message"]
    status, body = http_get(qtbot, f"{http}/api/explode", headers)
    assert status == 404 and "Unhandled message" in body["message"]
    foreign = {**headers, "Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
    fake_clock.advance(2)
    status, body = http_get(qtbot, f"{http}/api/start/next", foreign)  # a page on another site: never
    assert status == 403 and controller.snapshot().current.index == 0


def test_presenters_own_addtime_takes_seconds_and_says_so(qtbot, http, controller):
    controller.go()
    status, body = http_get(qtbot, f"{http}/api/v1/addtime?s=60000", {"X-Presenter-Pin": PIN})
    assert status == 400 and "seconds" in body["error"] and "milliseconds" in body["error"]
    assert body["status"] == 400 and controller.snapshot().current.planned_duration_s == 300
