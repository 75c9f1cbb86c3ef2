"""Issue 25's findings about the remote, each against real sockets on 127.0.0.1 (and 127.0.0.x as other hosts).

1 and 12: the question list only to PIN holders, on request, in pages; 3: PIN guessing limited from all addresses
together; 4: wrong PINs never lock out loopback OSC or a session that proved the PIN; 5: OSC beyond loopback can
need the PIN; 6: GET only; 7: a plain GET with the PIN in the address is no command unless asked for;
8: weak PINs, LAN bindings said loudly; 16: doubled security headers; 17: OSC type tags.
"""

from __future__ import annotations

import http.client
import json
import socket
import time

import pytest
from remote_helpers import PIN, http_get, off_thread
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from presenter.run.engine import Mode


def _ops(journal):
    return [record["op"] for record in journal if record["op"] != "alive"]


def _port(http_base: str) -> int:
    return int(http_base.rsplit(":", 1)[1])


def _from(address: str, port: int, path: str, headers: dict | None = None) -> int:
    """A GET from another loopback address (127.0.0.0/8 is all this computer): the server sees another host."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=8, source_address=(address, 0))
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _pin(pin: str) -> dict:
    """The PIN as the header (the address carries it too, so the test says the same of the code before issue 25)."""
    return {"X-Presenter-Pin": pin}


def _ws(http_base: str, query: str = ""):
    return connect(http_base.replace("http:", "ws:") + "/ws" + query, open_timeout=5, close_timeout=1)


def _until(ws, kind: str, timeout: float = 5.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        message = json.loads(ws.recv(timeout=max(deadline - time.monotonic(), 0.01)))
        if message.get("type") == kind:
            return message


# ------------------------------------------------------------------ 1 and 12: personal data, bounded state


@pytest.fixture
def asked(qtbot, http, controller):
    from presenter.remote.question_intents import register

    register()
    assert controller.question_intents.paste("Anna Beispielfrau (Facebook): Wann kommt das WLAN?") is None
    return http


def test_finding_1_questions_and_askers_only_to_pin_holders(qtbot, asked, remote):
    http_base = asked
    for url in (f"{http_base}/api/v1/state", f"{http_base}/api/v1/questions"):
        status, answer = http_get(qtbot, url)
        assert "Beispielfrau" not in json.dumps(answer) and "WLAN" not in json.dumps(answer)
    assert http_get(qtbot, f"{http_base}/api/v1/questions")[0] == 403

    def pushed():
        with _ws(http_base) as ws:
            return _until(ws, "state"), ws.send(json.dumps({"type": "questions"})) or _until(ws, "questions")

    state, refused = off_thread(qtbot, pushed)
    assert "Beispielfrau" not in json.dumps(state) and "WLAN" not in json.dumps(state)
    assert refused["ok"] is False and "PIN" in refused["error"]
    remote.secrets.view_key = "stage-screen"  # a stage screen's key opens the state, not the questions
    assert http_get(qtbot, f"{http_base}/api/v1/questions?key=stage-screen")[0] == 403
    status, state = http_get(qtbot, f"{http_base}/api/v1/state?key=stage-screen")
    assert status == 200 and "Beispielfrau" not in json.dumps(state)
    status, page = http_get(qtbot, f"{http_base}/api/v1/questions?pin={PIN}")
    assert status == 200 and page["total"] == 1 and page["questions"][0]["asker"] == "Anna Beispielfrau"


def test_finding_12_the_list_is_never_in_a_push_but_in_pages_on_request(qtbot, asked, controller):
    http_base = asked
    for n in range(300):
        controller.question_intents.add(f"Frage {n}: " + "x" * 200, asker=f"Zuschauer {n}")

    def client():
        with _ws(http_base, f"?pin={PIN}") as ws:
            assert _until(ws, "hello")["control"] is True
            raw = ws.recv(timeout=5)
            while json.loads(raw)["type"] != "state":
                raw = ws.recv(timeout=5)
            ws.send(json.dumps({"type": "questions", "from": 250, "count": 100}))
            return raw, _until(ws, "questions")

    raw, reply = off_thread(qtbot, client)
    state = json.loads(raw)["state"]
    assert "questions_list" not in state and "Zuschauer" not in raw
    assert len(raw) < 8000  # what a stage screen shows, whatever the number of questions
    assert isinstance(state["questions_revision"], int)  # the producer's page asks again when this moves
    page = reply["page"]
    assert page["total"] == 301 and page["from"] == 250 and len(page["questions"]) == 51
    status, first = http_get(qtbot, f"{http_base}/api/v1/questions?from=0&count=10&pin={PIN}")
    assert status == 200 and len(first["questions"]) == 10


# ------------------------------------------------------------------ 3 and 4: guessing the PIN


def test_finding_3_pin_guessing_is_limited_across_addresses_and_journaled_in_aggregate(
    qtbot, http, controller, journal, remote
):
    port = _port(http)
    remote.bridge.summary_every_ms = 400
    assert http_get(qtbot, f"{http}/api/v1/state?pin={PIN}")[0] == 200  # 127.0.0.1 proved the PIN earlier

    def wave():
        statuses = [_from(f"127.0.0.{n}", port, f"/api/v1/go?pin={n:06d}", _pin(f"{n:06d}")) for n in range(2, 62)]
        late = _from("127.0.0.200", port, f"/api/v1/go?pin={PIN}", _pin(PIN))  # the right PIN, unproven
        return statuses, late

    from presenter.remote.auth import GLOBAL_WRONG_LIMIT

    statuses, late = off_thread(qtbot, wave, timeout_ms=30000)
    assert statuses.count(403) <= GLOBAL_WRONG_LIMIT + 1 and statuses[-1] == 429  # the rest held off unchecked
    assert late == 429 and controller.snapshot().mode is Mode.STANDBY
    status, state = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")  # the director's proven remote goes on
    assert status == 200 and state["mode"] == "on air"

    def ws_guess():
        try:
            with _ws(http, "?pin=999999") as ws:
                return _until(ws, "hello")["control"]
        except InvalidStatus as exc:
            return exc.response.status_code

    assert off_thread(qtbot, ws_guess) in (False, 403)  # a WebSocket is no way around the limit either

    qtbot.waitUntil(lambda: any("address" in r.get("reason", "") for r in journal if r["op"] == "refused"))
    refused = [r for r in journal if r["op"] == "refused"]
    assert len(refused) <= 3  # not one line per guess
    summary = next(r["reason"] for r in refused if "address" in r.get("reason", ""))
    assert "refused attempts from" in summary and "address(es) in the last" in summary
    assert remote.refused_recently[0] >= 50


def test_the_back_off_doubles_per_address_and_proven_addresses_skip_the_global_wait():
    from presenter.remote.auth import FREE_WRONG_PER_ADDRESS, GLOBAL_WRONG_LIMIT, PinGuard

    now = [1000.0]
    guard = PinGuard(lambda: now[0])
    for _ in range(FREE_WRONG_PER_ADDRESS):
        assert guard.wait_s("a") == 0
        guard.wrong("a")
    waits = []
    for _ in range(4):
        waits.append(guard.wait_s("a"))
        now[0] += waits[-1]
        guard.wrong("a")
    assert waits == [1.0, 2.0, 4.0, 8.0]
    guard.right("b")
    for n in range(GLOBAL_WRONG_LIMIT + 1):
        guard.wrong(f"x{n}")
    assert guard.wait_s("new") > 0 and guard.wait_s("b") == 0


def test_finding_4_wrong_pins_never_lock_out_loopback_osc_or_a_proven_session(qtbot, http, remote, controller):
    assert remote.start_osc("127.0.0.1", 0, remember=False)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def proven_session_then_wave():
        with _ws(http, f"?pin={PIN}") as ws:
            assert _until(ws, "hello")["control"] is True
            statuses = [http_get_status(f"{http}/api/v1/go?pin={n:06d}") for n in range(40)]
            ws.send(json.dumps({"id": 1, "cmd": "message", "args": {"text": "still here"}}))
            return statuses, _until(ws, "result")

    statuses, result = off_thread(qtbot, proven_session_then_wave, timeout_ms=30000)
    assert 429 in statuses  # 127.0.0.1 is held off for HTTP PINs …
    assert result["ok"] is True and controller.snapshot().message.text == "still here"  # … not the session
    try:
        sender.sendto(b"/presenter/go\x00\x00\x00", ("127.0.0.1", remote.osc_address[1]))
        qtbot.waitUntil(lambda: controller.snapshot().mode is Mode.ON_AIR)  # … nor Companion on this computer
    finally:
        sender.close()


def http_get_status(url: str) -> int:
    from remote_helpers import get

    return get(url, _pin(url.rsplit("pin=", 1)[1]), pin_in_url=True)[0]


# ------------------------------------------------------------------ 5 and 17: OSC


def _osc(path: str, *args) -> bytes:
    from pythonosc.osc_message_builder import OscMessageBuilder

    builder = OscMessageBuilder(address=path)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


def test_finding_5_osc_beyond_loopback_can_need_the_pin(qtbot, remote, controller, journal):
    remote.secrets.osc_pin = True
    assert remote.start_osc("127.0.0.1", 0, allow=["127.0.0.1"], remember=False)
    remote.osc.loopback_trusted = False  # as a sender on the LAN: its UDP source address proves nothing
    refusals: list[str] = []
    remote.osc.refused.connect(refusals.append)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    target = ("127.0.0.1", remote.osc_address[1])
    try:
        sender.sendto(_osc("/presenter/go"), target)
        sender.sendto(_osc("/presenter/go", "000000"), target)
        qtbot.waitUntil(lambda: len(refusals) == 2)
        assert controller.snapshot().mode is Mode.STANDBY and "PIN" in refusals[0] and "wrong PIN" in refusals[1]
        sender.sendto(_osc("/presenter/go", PIN), target)
        qtbot.waitUntil(lambda: controller.snapshot().mode is Mode.ON_AIR)
        sender.sendto(_osc("/presenter/message", PIN, "über OSC"), target)
        qtbot.waitUntil(lambda: controller.snapshot().message is not None)
        assert controller.snapshot().message.text == "über OSC"
    finally:
        sender.close()


def test_finding_17_osc_with_invalid_type_tags_is_refused(qtbot, remote, controller, journal):
    assert remote.start_osc("127.0.0.1", 0, remember=False)
    refusals: list[str] = []
    remote.osc.refused.connect(refusals.append)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for packet in (b"/presenter/go\x00\x00\x00,zzzz\x00\x00\x00", b"/presenter/go\x00\x00\x00,[]\x00"):
            sender.sendto(packet, ("127.0.0.1", remote.osc_address[1]))
        qtbot.waitUntil(lambda: len(refusals) == 2)
    finally:
        sender.close()
    assert "type tags" in refusals[0]
    assert controller.snapshot().mode is Mode.STANDBY and "go" not in _ops(journal)


# ------------------------------------------------------------------ 6, 7, 16: HTTP


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "HEAD", "TRACE", "OPTIONS", "PATCH"])
def test_finding_6_commands_only_by_get(qtbot, http, controller, method):
    status, _ = http_get(qtbot, f"{http}/api/v1/message?text=hi&pin={PIN}", _pin(PIN), True, method)
    assert status == 405
    assert controller.snapshot().message is None


def test_finding_7_a_plain_get_with_the_pin_is_no_command_unless_asked_for(qtbot, http, remote, controller):
    # what an <img src="…/api/v1/go?pin=…"> sends from a browser without Fetch Metadata: no Origin, no header
    status, answer = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}", pin_in_url=True)
    assert status == 403 and "X-Presenter-Pin" in answer["error"]
    assert controller.snapshot().mode is Mode.STANDBY
    remote.secrets.pin_in_url = True  # --pin-in-url: Companion's plain HTTP buttons, by choice
    assert http_get(qtbot, f"{http}/api/v1/go?pin={PIN}", pin_in_url=True)[0] == 200
    status, answer = http_get(qtbot, f"{http}/api/v1/back?pin={PIN}", {"Sec-Fetch-Site": "cross-site"}, True)
    assert status == 403 and controller.snapshot().mode is Mode.ON_AIR  # a browser that tells is refused anyway


@pytest.mark.parametrize("header", ["Host", "Origin", "Sec-Fetch-Site"])
def test_finding_16_doubled_security_headers_are_a_400(qtbot, http, header):
    port = _port(http)
    values = {"Host": f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}", "Sec-Fetch-Site": "same-origin"}

    def raw():
        lines = ["GET /api/v1/state HTTP/1.1", f"Host: 127.0.0.1:{port}"]
        lines += [f"{header}: {values[header]}"] * (1 if header == "Host" else 2)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            return conn.recv(4096).decode("latin-1")

    answer = off_thread(qtbot, raw)
    assert answer.startswith("HTTP/1.1 400") and "more than once" in answer
    assert http_get(qtbot, f"{http}/api/v1/state")[0] == 200


# ------------------------------------------------------------------ 8: weak PINs, LAN bindings


@pytest.mark.parametrize("weak", ["1", "4711", "111111", "121212", "123456", "987654", "abcdef"])
def test_finding_8_weak_pins_are_refused(weak, capsys):
    from presenter.cli import build_parser
    from presenter.remote.auth import check_pin

    with pytest.raises(ValueError, match="at least 6 characters"):
        check_pin(weak)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--pin", weak])
    assert "the PIN must" in capsys.readouterr().err
    assert check_pin("739154") == "739154"


def test_a_new_pin_always_passes_the_rule():
    from presenter.remote.auth import check_pin, new_pin

    assert all(check_pin(new_pin()) for _ in range(2000))


def test_finding_8_a_remembered_weak_pin_is_replaced(qapp, tmp_path, controller):
    import argparse

    from PySide6.QtCore import QSettings

    from presenter.remote.service import start_remote

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("remote/pin", "1")
    remote = start_remote(controller, argparse.Namespace(), settings)
    try:
        assert remote.secrets.pin != "1" and len(remote.secrets.pin) == 6
    finally:
        remote.close()


def test_finding_8_a_lan_binding_without_view_key_and_a_remembered_one_are_said_loudly(
    qapp, tmp_path, controller, monkeypatch, capsys
):
    import argparse

    from PySide6.QtCore import QSettings

    from presenter.remote.service import Remote, start_remote

    started: list[tuple] = []

    def start_http(self, host, port, remember=True):  # no socket beyond 127.0.0.1 in tests: the warning only
        started.append((host, port))
        self._warn_http(host, port)
        return True

    monkeypatch.setattr(Remote, "start_http", start_http)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("remote/http", "0.0.0.0:8080")
    problems: list[str] = []
    remote = start_remote(controller, argparse.Namespace(), settings, report=problems.append)
    try:
        assert started == [("0.0.0.0", 8080)]
        assert any("remembered from the last start" in p and "0.0.0.0:8080" in p for p in problems)
        assert any("can be read by everyone on the network" in p and "--view-key" in p for p in problems)
        assert "--view-key" in capsys.readouterr().err
    finally:
        remote.close()
