"""OSC over UDP in the main thread: python-osc's parser on a QUdpSocket, commands only from allowed senders.

`/presenter/<intent> [args…]` reaches every intent (seconds, as on Presenter's own paths);
`/ontime/<command>/<params…> [arg]` is Ontime's OSC API, carried out as Ontime's WebSocket commands
are (milliseconds, Ontime's own meanings; OntimeCommands). A datagram is read whole and checked
before anything is done with it.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QUdpSocket
from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.parsing import osc_types

from presenter.remote import intents as intent_table
from presenter.remote.intents import Status
from presenter.remote.ontime_protocol import payload_from_path

if TYPE_CHECKING:
    from presenter.remote.bridge import Bridge

MAX_DATAGRAM = 8192
MAX_BUNDLE_DEPTH = 4
FEEDBACK_MS = 1000
PREFIX = "/presenter/"
TYPE_TAGS = "ifhdsTF"  # the argument types a command can use; any other tag refuses the packet


class BadTypeTags(ValueError):
    """A message whose type tags Presenter does not take (said in the refusal, unlike other garbage)."""


def _check_type_tags(data: bytes) -> None:
    """Refuse a message before python-osc parses it: it skips tags it does not know and goes on."""
    _address, index = osc_types.get_string(data, 0)
    if index >= len(data):
        return
    tags, _ = osc_types.get_string(data, index)
    if not tags.startswith(",") or any(tag not in TYPE_TAGS for tag in tags[1:]):
        raise BadTypeTags(f"type tags {tags[:20]!r}: only , followed by {' '.join(TYPE_TAGS)}")


def _plain(address: QHostAddress) -> str:
    """The address as text, an IPv4 address mapped into IPv6 (::ffff:10.0.0.5) as plain IPv4."""
    text = address.toString().lower()
    return text[7:] if text.startswith("::ffff:") and "." in text else text


def _messages(data: bytes, depth: int = 0) -> Iterator[OscMessage]:
    if data.startswith(b"#bundle"):
        if depth >= MAX_BUNDLE_DEPTH:
            raise ValueError("bundles nested too deep")
        for item in OscBundle(data):
            yield from _messages(item.dgram if isinstance(item, OscMessage | OscBundle) else item, depth + 1)
    else:
        _check_type_tags(data)
        yield OscMessage(data)


# Qt's reasons a UDP socket cannot listen, as the operating system's: service.os_error_text says them.
LISTEN_ERRNO = {
    QAbstractSocket.SocketError.AddressInUseError: errno.EADDRINUSE,
    QAbstractSocket.SocketError.SocketAccessError: errno.EACCES,
    QAbstractSocket.SocketError.SocketAddressNotAvailableError: errno.EADDRNOTAVAIL,
}


class OscServer(QObject):
    """Receives OSC commands and (optionally) sends the time left once a second to a chosen host."""

    refused = Signal(str)  # a command that was not carried out, with why (the director's panel shows it)
    did = Signal(str)  # what an Ontime command did when it is not quite what Ontime does (a cue, not a start)

    def __init__(
        self,
        bridge: Bridge,
        host: str,
        port: int,
        allow: Iterable[str] = (),
        feedback: tuple[str, int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Commands from loopback and the `allow` addresses. UDP senders can be forged: with the session's
        `osc_pin`, a sender beyond loopback must give the control PIN as the first argument of each message."""
        super().__init__(parent)
        self.bridge = bridge
        self.allowed = {_plain(QHostAddress(address)) for address in allow}
        self.loopback_trusted = True  # this computer's own senders (Companion beside Presenter) need no PIN
        self.socket = QUdpSocket(self)
        if not self.socket.bind(QHostAddress(host), port):
            # the reason as an errno, so the director reads it in the catalog's words (Qt's are English)
            raise OSError(LISTEN_ERRNO.get(self.socket.error(), 0), self.socket.errorString())
        self.port = self.socket.localPort()
        self.socket.readyRead.connect(self._read)
        self.feedback = feedback
        self._feedback_timer = QTimer(self)
        self._feedback_timer.timeout.connect(self.send_feedback)
        if feedback is not None:
            self._feedback_timer.start(FEEDBACK_MS)

    def close(self) -> None:
        self._feedback_timer.stop()
        self.socket.close()

    def _sender_allowed(self, sender: QHostAddress) -> bool:
        return (sender.isLoopback() and self.loopback_trusted) or _plain(sender) in self.allowed

    def _read(self) -> None:
        while self.socket.hasPendingDatagrams():
            size = self.socket.pendingDatagramSize()
            datagram = self.socket.receiveDatagram(min(max(size, 0), MAX_DATAGRAM + 1))
            sender = datagram.senderAddress()
            source = f"osc {sender.toString()}"
            data = bytes(datagram.data().data())
            if not self._sender_allowed(sender):
                self._refuse(source, "OSC", "this sender is not allowed (--osc-allow)", journal=True)
                continue
            if size > MAX_DATAGRAM:
                self._refuse(source, "OSC", f"packet larger than {MAX_DATAGRAM} bytes")
                continue
            try:
                messages = list(_messages(data))
            except BadTypeTags as exc:
                self._refuse(source, "OSC", str(exc))
                continue
            except Exception:  # python-osc raises several kinds for garbage
                self._refuse(source, "OSC", "not an OSC packet")
                continue
            needs_pin = self.bridge.secrets.osc_pin and not (sender.isLoopback() and self.loopback_trusted)
            for message in messages[:16]:
                self._command(message.address, list(message.params), source, needs_pin)

    def _command(self, address: str, params: list[Any], source: str, needs_pin: bool = False) -> None:
        pin = None
        if needs_pin:  # the first argument is the PIN, checked under the same rules as HTTP's
            pin = params.pop(0) if params and isinstance(params[0], str) else ""
        if address.startswith("/ontime/") and address != "/ontime/go":
            self._ontime(address[:200], params, source, pin, needs_pin)
            return
        found = self._resolve(address[:200], params)
        if found is None:
            return
        if isinstance(found, str):
            self._refuse(source, address[:80], found)
            return
        name, args = found
        status, error, _state = self.bridge.command(name, args, source, pin, authenticated=not needs_pin)
        if status is not Status.OK:
            self._refuse(source, address[:80], error or "refused")

    def _ontime(self, address: str, params: list[Any], source: str, pin: str | None, needs_pin: bool) -> None:
        """Ontime's OSC API: /ontime/{command}/{params…} {arg}, as Ontime's OscAdapter reads it."""
        _, _ontime, command, *path = address.split("/")
        if not command:
            self._refuse(source, address[:80], "No path found (/ontime/<command>)")
            return
        if len(params) > 1:
            self._refuse(source, address[:80], "at most one argument")
            return
        value = params[0] if params else None
        payload = payload_from_path(path, value) if path else value
        answer = self.bridge.ontime.run(command, payload, source, pin, authenticated=not needs_pin)
        if not answer.ok:
            self._refuse(source, address[:80], answer.error or "refused")
        elif answer.did:
            self.did.emit(f"{source}: {address[:80]}: {answer.did}")
            if self.feedback is not None:
                self._send("/presenter/did", f"{address[:80]}: {answer.did}"[:200])

    def _resolve(self, address: str, params: list[Any]) -> tuple[str, dict[str, Any]] | str | None:
        """(intent, args), None when nothing is to be done, or a refusal text."""
        if address == "/ontime/go":  # Presenter's old alias: GO
            return "go", {}
        if not address.startswith(PREFIX):
            return f"unknown address {address[:80]!r} (use {PREFIX}<command>)"
        name = address[len(PREFIX) :]
        intent = intent_table.intents().get(name)
        if intent is None:
            return f"unknown address {address[:80]!r}"
        if len(params) > len(intent.args):
            return f"{address}: at most {len(intent.args)} argument(s)"
        return name, {arg.name: value for arg, value in zip(intent.args, params, strict=False)}

    def _refuse(self, source: str, what: str, reason: str, journal: bool = False) -> None:
        if journal:
            self.bridge.note_refused(what, source, reason)
        self.refused.emit(f"{source}: {what}: {reason}")
        if self.feedback is not None:
            self._send("/presenter/error", f"{what}: {reason}"[:200])

    def _send(self, address: str, *values: Any) -> None:
        assert self.feedback is not None
        builder = OscMessageBuilder(address=address)
        for value in values:
            builder.add_arg(value)
        host, port = self.feedback
        self.socket.writeDatagram(builder.build().dgram, QHostAddress(host), port)

    def send_feedback(self) -> None:
        """Companion button texts: time left, phase, the segment on air and the next one, early/late, and
        whether GO may (with the snapshot's reason when not)."""
        if self.feedback is None or self.socket.state() is not QAbstractSocket.SocketState.BoundState:
            return
        state = self.bridge.state()
        self._send("/presenter/remaining", state["remaining"])
        self._send("/presenter/phase", state["phase"])
        self._send("/presenter/segment", (state["on_air"] or {}).get("title", ""))
        self._send("/presenter/next", (state["next"] or {}).get("title", ""))
        self._send("/presenter/lateness", state["lateness"])
        go = state["go"]
        self._send("/presenter/go_allowed", 1 if go["allowed"] else 0)
        self._send("/presenter/go_refused", (go["refusal"] or {}).get("text", ""))
