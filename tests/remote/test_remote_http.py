"""HTTP GET API on 127.0.0.1: state, commands with the PIN, and every kind of bad request refused."""

from __future__ import annotations

import socket
from urllib.parse import quote

from remote_helpers import PIN, http_get, off_thread

from presenter.run.engine import Mode


def _ops(journal):
    return [record["op"] for record in journal if record["op"] != "alive"]


def test_state_has_what_the_moderator_sees(qtbot, http):
    status, state = http_get(qtbot, f"{http}/api/v1/state")
    assert status == 200
    assert state["mode"] == "standby"
    assert state["next"]["number"] == 1 and state["next"]["title"]
    for key in ("mono", "remaining", "phase", "projected_end", "over_under_s", "clip", "message", "timer", "view"):
        assert key in state


def test_go_with_the_pin_answers_the_new_state_and_journals_the_source(qtbot, http, controller, journal):
    status, state = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")
    assert status == 200
    assert state["mode"] == "on air" and state["on_air"]["number"] == 1
    assert controller.snapshot().mode is Mode.ON_AIR
    go = next(record for record in journal if record["op"] == "go")
    assert go["src"] == "http 127.0.0.1"


def test_wrong_pin_changes_nothing_and_is_journaled(qtbot, http, controller, journal):
    for url in (f"{http}/api/v1/go?pin=000000", f"{http}/api/v1/go"):
        status, answer = http_get(qtbot, url)
        assert status == 403 and "PIN" in answer["error"]
    assert controller.snapshot().mode is Mode.STANDBY
    refused = [record for record in journal if record["op"] == "refused"]
    assert refused and refused[0]["intent"] == "go" and refused[0]["src"] == "http 127.0.0.1"
    assert "go" not in _ops(journal)


def test_double_go_is_refused_with_409(qtbot, http, controller):
    assert http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")[0] == 200
    status, answer = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")
    assert status == 409 and "double" in answer["error"]
    assert controller.snapshot().current.index == 0


def test_bad_arguments_get_a_clear_400_and_change_nothing(qtbot, http, controller, journal):
    http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")
    before = _ops(journal)
    cases = {
        "jump?to=abc": "no segment with the id",
        "jump?to=0": "no segment 0",
        "jump": "missing argument 'to'",
        "addtime?s=x": "expected a number",
        "addtime?s=nan": "expected a number",
        "addtime?s=1e9": "from -3600 to 3600",
        "message?text=" + "x" * 300: "at most 280 characters",
        "message?text=%20": "empty",
        "message?text=hi&blink=perhaps": "true or false",
        "go?extra=1": "unknown argument 'extra'",
    }
    for query, words in cases.items():
        status, answer = http_get(
            qtbot, f"{http}/api/v1/{query}&pin={PIN}" if "?" in query else f"{http}/api/v1/{query}?pin={PIN}"
        )
        assert status == 400, query
        assert words in answer["error"], (query, answer)
    assert _ops(journal) == before


def test_unknown_command_and_page(qtbot, http):
    status, answer = http_get(qtbot, f"{http}/api/v1/launch?pin={PIN}")
    assert status == 404 and "unknown command" in answer["error"] and "go" in answer["error"]
    assert http_get(qtbot, f"{http}/nothing-here")[0] == 404
    assert http_get(qtbot, f"{http}/static/../../presenter/cli.py")[0] == 404


def test_message_jump_addtime_and_clear(qtbot, http, controller):
    assert http_get(qtbot, f"{http}/api/v1/jump?to=discussion&pin={PIN}")[0] == 200
    assert controller.snapshot().current is None and controller.snapshot().next.segment.id == "discussion"
    assert http_get(qtbot, f"{http}/api/v1/go?pin={PIN}")[0] == 200  # jump sets next: GO airs it
    assert controller.snapshot().current.segment.id == "discussion"
    planned = controller.snapshot().current.planned_duration_s
    assert http_get(qtbot, f"{http}/api/v1/addtime?s=60&pin={PIN}")[0] == 200
    assert controller.snapshot().current.planned_duration_s == planned + 60
    status, state = http_get(qtbot, f"{http}/api/v1/message?text={quote('Noch 2 Fragen')}&blink=1&pin={PIN}")
    assert status == 200 and state["message"]["text"] == "Noch 2 Fragen" and state["message"]["blink"] is True
    assert http_get(qtbot, f"{http}/api/v1/message/clear?pin={PIN}")[1]["message"] is None


def test_commands_from_another_site_are_refused(qtbot, http, controller):
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "http://evil.example"}):
        status, answer = http_get(qtbot, f"{http}/api/v1/go?pin={PIN}", headers)
        assert status == 403 and "another site" in answer["error"]
    assert controller.snapshot().mode is Mode.STANDBY


def test_view_key_guards_the_views_and_the_state(qtbot, remote, http):
    remote.secrets.view_key = "stage"
    assert http_get(qtbot, f"{http}/moderator")[0] == 403
    assert http_get(qtbot, f"{http}/api/v1/state")[0] == 403
    assert http_get(qtbot, f"{http}/moderator?key=stage")[0] == 200
    assert http_get(qtbot, f"{http}/api/v1/state?key=stage")[0] == 200
    assert http_get(qtbot, f"{http}/api/v1/state?pin={PIN}")[0] == 200
    assert http_get(qtbot, f"{http}/questions?key=stage")[0] == 404  # no questions module: no page


def test_a_flood_of_1000_gos_airs_one_segment(qtbot, http, controller, journal):
    def flood():
        return [http_get_plain(f"{http}/api/v1/go?pin={PIN}") for _ in range(1000)]

    statuses = off_thread(qtbot, flood, timeout_ms=60000)
    assert statuses.count(200) == 1
    assert set(statuses) <= {200, 409, 429}
    assert controller.snapshot().current.index == 0
    assert _ops(journal).count("go") == 1


def http_get_plain(url):
    from remote_helpers import get

    return get(url)[0]


def test_huge_and_malformed_requests_are_refused_and_the_server_goes_on(qtbot, http):
    assert http_get(qtbot, f"{http}/api/v1/message?text={'x' * 5000}&pin={PIN}")[0] in (400, 414)

    def garbage():
        port = int(http.rsplit(":", 1)[1])
        answers = []
        for payload in (b"\x00\xff" * 3000 + b"\r\n\r\n", b"GET / HTTP/1.1\r\n" + b"X: " + b"y" * 20000 + b"\r\n\r\n"):
            with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
                conn.sendall(payload)
                answers.append(conn.recv(200))
        return answers

    off_thread(qtbot, garbage)
    assert http_get(qtbot, f"{http}/api/v1/state")[0] == 200


def test_a_name_from_the_internet_is_refused(qtbot, http):
    """DNS rebinding: a page's own name made to point here; its Origin and Host agree, the name gives it away."""
    port = http.rsplit(":", 1)[1]
    headers = {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"}
    status, answer = http_get(qtbot, f"{http}/api/v1/state", headers)
    assert status == 403 and "IP address" in answer["error"]
    for host in (f"localhost:{port}", f"presenter.local:{port}", f"[::1]:{port}"):
        assert http_get(qtbot, f"{http}/api/v1/state", {"Host": host})[0] == 200
