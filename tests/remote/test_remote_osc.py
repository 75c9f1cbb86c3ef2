"""OSC over UDP on 127.0.0.1: every intent, the Ontime aliases, feedback, and bad packets refused."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtNetwork import QHostAddress
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from presenter.remote.addresses import parse_host_port
from presenter.remote.osc import OscServer
from presenter.run.dispatch import REMOTE_GO_GAP_S
from presenter.run.engine import Mode


@pytest.fixture
def osc(remote):
    assert remote.start_osc("127.0.0.1", 0, remember=False)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    yield remote, sender, ("127.0.0.1", remote.osc_address[1])
    sender.close()


def _packet(address: str, *args) -> bytes:
    builder = OscMessageBuilder(address=address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


def _send(qtbot, osc, packet: bytes, settle_ms: int = 150) -> None:
    _remote, sender, target = osc
    sender.sendto(packet, target)
    qtbot.wait(settle_ms)


def _ops(journal):
    return [record["op"] for record in journal if record["op"] != "alive"]


def test_presenter_addresses_reach_every_intent(qtbot, osc, controller, journal):
    _send(qtbot, osc, _packet("/presenter/go"))
    assert controller.snapshot().current.index == 0
    assert next(r for r in journal if r["op"] == "go")["src"] == "osc 127.0.0.1"
    _send(qtbot, osc, _packet("/presenter/jump", 3))  # jump sets what GO airs next
    assert controller.snapshot().current.index == 0 and controller.snapshot().next.index == 2
    _send(qtbot, osc, _packet("/presenter/jump", "discussion"))
    assert controller.snapshot().next.segment.id == "discussion"
    qtbot.wait(int(REMOTE_GO_GAP_S * 1000) + 100)  # a remote GO after the remote GO gap only (issue 25 #13)
    _send(qtbot, osc, _packet("/presenter/go"))
    assert controller.snapshot().current.segment.id == "discussion"
    planned = controller.snapshot().current.planned_duration_s
    _send(qtbot, osc, _packet("/presenter/addtime", 30.0))
    assert controller.snapshot().current.planned_duration_s == planned + 30
    _send(qtbot, osc, _packet("/presenter/message", "Bitte zum Schluss kommen", True))
    assert controller.snapshot().message.text == "Bitte zum Schluss kommen" and controller.snapshot().message.blink
    _send(qtbot, osc, _packet("/presenter/message/clear"))
    assert controller.snapshot().message is None
    _send(qtbot, osc, _packet("/presenter/back"))
    assert controller.snapshot().current.index == 0  # Back right after a GO undoes it


def test_ontime_aliases(qtbot, osc, controller):
    _send(qtbot, osc, _packet("/ontime/start/next"))
    assert controller.snapshot().current.index == 0
    qtbot.wait(int(REMOTE_GO_GAP_S * 1000) + 100)  # a remote GO after the remote GO gap only (issue 25 #13)
    _send(qtbot, osc, _packet("/ontime/start/next"))
    assert controller.snapshot().current.index == 1
    _send(qtbot, osc, _packet("/ontime/start/previous"))
    assert controller.snapshot().current.index == 0
    planned = controller.snapshot().current.planned_duration_s
    _send(qtbot, osc, _packet("/ontime/addtime", 60000))
    assert controller.snapshot().current.planned_duration_s == planned + 60
    _send(qtbot, osc, _packet("/ontime/message/timer/text", "Noch eine Frage"))
    assert controller.snapshot().message is None  # not visible yet
    _send(qtbot, osc, _packet("/ontime/message/timer/visible", 1))
    assert controller.snapshot().message.text == "Noch eine Frage"
    _send(qtbot, osc, _packet("/ontime/message/timer/visible", False))
    assert controller.snapshot().message is None


def test_bad_packets_are_refused_and_change_nothing(qtbot, osc, controller, journal):
    remote, _sender, _target = osc
    refusals = []
    remote.osc.refused.connect(refusals.append)
    bad = [
        _packet("/presenter/launch"),
        _packet("/somewhere/else", 1),
        _packet("/presenter/jump", 99),
        _packet("/presenter/jump"),
        _packet("/presenter/addtime", "soon"),
        _packet("/presenter/go", 1, 2),
        _packet("/ontime/addtime", "x"),
        _packet("/ontime/message/timer/text", 5),
        b"\x00\x01garbage",
        b"#bundle\x00garbage",
        b"/presenter/go\x00\x00\x00,i\x00\x00",  # cut short
        b"x" * 60000,
    ]
    for packet in bad:
        _send(qtbot, osc, packet, settle_ms=30)
    qtbot.wait(200)  # an observation window: nothing airs
    assert controller.snapshot().mode is Mode.STANDBY
    assert _ops(journal) == []
    assert len(refusals) == len(bad)
    assert "unknown address '/presenter/launch'" in refusals[0]
    assert "larger than" in refusals[-1]


def test_a_flood_of_1000_gos_airs_one_segment(qtbot, osc, controller, journal):
    _remote, sender, target = osc
    packet = _packet("/presenter/go")
    for _ in range(1000):
        sender.sendto(packet, target)
    qtbot.wait(500)  # an observation window: the flood airs one segment
    assert _ops(journal).count("go") == 1
    assert controller.snapshot().current.index == 0


def test_feedback_goes_to_the_chosen_host_every_second(qtbot, remote, controller):
    listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    listener.bind(("127.0.0.1", 0))
    listener.settimeout(0.05)
    try:
        assert remote.start_osc("127.0.0.1", 0, feedback=listener.getsockname(), remember=False)
        controller.go()
        received: dict[str, object] = {}

        def heard():
            try:
                message = OscMessage(listener.recv(65536))
                received[message.address] = message.params[0]
            except TimeoutError:
                pass
            return {"/presenter/remaining", "/presenter/phase", "/presenter/segment"} <= set(received)

        qtbot.waitUntil(heard, timeout=3000)
        assert received["/presenter/phase"] == "normal"
        assert received["/presenter/remaining"] in ("5:00", "4:59")
        assert received["/presenter/segment"] == controller.snapshot().current.segment.title
    finally:
        listener.close()


def test_only_loopback_and_listed_senders_may_command(remote):
    server = OscServer(remote.bridge, "127.0.0.1", 0, allow=["192.168.1.20"])
    try:
        assert server._sender_allowed(QHostAddress("127.0.0.1"))
        assert server._sender_allowed(QHostAddress("::1"))
        assert server._sender_allowed(QHostAddress("192.168.1.20"))
        assert server._sender_allowed(QHostAddress("::ffff:192.168.1.20"))
        assert not server._sender_allowed(QHostAddress("192.168.1.21"))
    finally:
        server.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9000", ("127.0.0.1", 9000)),
        ("0.0.0.0:9000", ("0.0.0.0", 9000)),
        ("localhost:1", ("127.0.0.1", 1)),
        ("[::1]:80", ("::1", 80)),
    ],
)
def test_host_port(text, expected):
    assert parse_host_port(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "is not [HOST:]PORT"), ("70000", "from 1 to 65535"), ("host:80", "not an IP address"), ("1.2.3.4:", "PORT")],
)
def test_host_port_refused(text, words):
    with pytest.raises(ValueError, match=words.replace("[", r"\[").replace("]", r"\]")):
        parse_host_port(text)


def test_a_taken_osc_port_is_said_in_german(remote, qapp):
    """Issue 22: OSC's listen errors came in Qt's English ("The bound address is already in use"). A real UDP
    socket holds the port on 127.0.0.1; the director's problem line says it in the catalog's German."""
    from presenter import i18n
    from presenter.i18n import Language
    from presenter.i18n import qt as i18n_qt

    problems: list[str] = []
    remote.problem.connect(problems.append)
    holder = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    holder.bind(("127.0.0.1", 0))
    taken = holder.getsockname()[1]
    i18n_qt.install(Language.GERMAN)
    try:
        assert not remote.start_osc("127.0.0.1", taken, remember=False)
    finally:
        i18n_qt.install(Language.ENGLISH)
        i18n.set_translator(None)
        holder.close()
    assert remote.osc is None and len(problems) == 1
    text = problems[0]
    assert f"127.0.0.1:{taken}" in text and "Port" in text, text
    for english in ("bound", "address", "already", "cannot", "listen"):
        assert english not in text.lower(), text


def test_a_remote_message_stays_until_cleared_unless_until_go_says_so(qtbot, osc):
    """Issue 22: the message's lifetime. A remote's message (OSC, HTTP, WS share the intent table) stays until
    cleared; the optional flag `until_go` (OSC: the fourth argument) makes it go at the next GO."""
    from presenter.remote.state import state_dict
    from presenter.run.intents import MessageLife

    remote, sender, target = osc
    controller = remote.controller
    sender.sendto(_packet("/presenter/message", "bleibt"), target)
    qtbot.waitUntil(lambda: controller.snapshot().message is not None, timeout=5000)
    assert controller.snapshot().message.life is MessageLife.UNTIL_CLEARED
    sender.sendto(_packet("/presenter/message", "bis GO", False, False, True), target)
    qtbot.waitUntil(lambda: controller.snapshot().message.text == "bis GO", timeout=5000)
    assert controller.snapshot().message.life is MessageLife.UNTIL_NEXT_GO
    assert state_dict(controller.snapshot(), 0.0)["message"]["life"] == "until next GO"  # every face can say it
