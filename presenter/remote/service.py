"""The remote of one session: starts and stops the HTTP/WebSocket server and the OSC receiver, keeps the settings."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.remote.addresses import parse_host_port
from presenter.remote.auth import Secrets, check_pin, new_pin
from presenter.remote.bridge import Bridge
from presenter.remote.intents import has_question_intents

if TYPE_CHECKING:
    from presenter.controller import ShowController
    from presenter.remote.osc import OscServer
    from presenter.remote.server import RemoteServer

KEY_HTTP = "remote/http"  # "[HOST:]PORT" or "" (off)
KEY_OSC = "remote/osc"
KEY_PIN = "remote/pin"
KEY_VIEW_KEY = "remote/view_key"
KEY_OSC_ALLOW = "remote/osc_allow"
KEY_OSC_FEEDBACK = "remote/osc_feedback"


class Remote(QObject):
    """The remote of this session: what is on, where, and how many views are connected."""

    changed = Signal()  # switched on/off, or a problem
    problem = Signal(str)

    def __init__(
        self,
        controller: ShowController,
        secrets: Secrets,
        settings: QSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.secrets = secrets
        self.settings = settings
        self.bridge = Bridge(controller, secrets, self)
        self.bridge.extra = self._extra
        self.bridge.refusals.connect(self._refusals)
        self.refused_recently = (0, 0, 0)  # (attempts, addresses, seconds): the last line journaled about them
        self.server: RemoteServer | None = None
        self.osc: OscServer | None = None
        self.http_address: tuple[str, int] | None = None
        self.osc_address: tuple[str, int] | None = None

    def _extra(self) -> dict[str, object]:
        return {"views": self.views_connected(), "questions": has_question_intents()}

    def _refusals(self, count: int, addresses: int, seconds: int) -> None:
        """Refused attempts (wrong PIN or key, a sender not allowed) reach the director's problem list."""
        self.refused_recently = (count, addresses, seconds)
        if seconds:
            text = self.tr(
                "Remote control: %1 refused attempts (wrong PIN or key) from %2 address(es) in the last %3 s"
            )
            text = text.replace("%1", str(count)).replace("%2", str(addresses)).replace("%3", str(seconds))
        else:
            text = self.tr("Remote control: an attempt with a wrong PIN or key was refused (see the journal)")
        self.problem.emit(text)
        self.changed.emit()

    def _warn(self, text: str) -> None:
        """Loud: the director's problem list and the terminal."""
        self.problem.emit(text)
        print(f"presenter: {text}", file=sys.stderr)

    def views_connected(self) -> int:
        return self.server.client_count if self.server is not None else 0

    # ------------------------------------------------------------------ switching

    def start_http(self, host: str, port: int, remember: bool = True) -> bool:
        from presenter.remote.server import RemoteServer

        self.stop_http(remember=False)
        server = RemoteServer(host, port, self.bridge.submit, self.controller.engine.clock, self.bridge.gate)
        try:
            server.start()
        except OSError as exc:
            text = self.tr("Remote control: cannot listen on %1: %2")
            self.problem.emit(text.replace("%1", f"{host}:{port}").replace("%2", os_error_text(exc)))
            return False
        self.server = server
        self.http_address = (host, server.port)
        self._warn_http(host, server.port)
        self.bridge.publishers.append(server.publish)
        self.bridge.ontime_publishers.append((server.has_ontime_clients, server.publish_ontime))
        self.bridge.publish()
        if remember:
            self._remember(KEY_HTTP, f"{host}:{port}")
        self.changed.emit()
        return True

    def _warn_http(self, host: str, port: int) -> None:
        if _loopback(host):
            return
        where = f"{host}:{port}"
        if not self.secrets.view_key:
            text = self.tr(
                "Remote control: the browser views and the show state on %1 can be read by everyone on the network "
                "(commands need the PIN): start with --view-key KEY, or on 127.0.0.1"
            )
            self._warn(text.replace("%1", where))
        if self.secrets.pin_in_url:
            text = self.tr(
                "Remote control: --pin-in-url on %1: a web page opened on this network could send commands with the PIN"
            )
            self._warn(text.replace("%1", where))

    def stop_http(self, remember: bool = True) -> None:
        if self.server is not None:
            if self.server.publish in self.bridge.publishers:
                self.bridge.publishers.remove(self.server.publish)
            ontime = self.bridge.ontime_publishers
            ontime[:] = [entry for entry in ontime if entry[1] != self.server.publish_ontime]
            self.server.stop()
            self.server = None
            self.http_address = None
            self.changed.emit()
        if remember:
            self._remember(KEY_HTTP, "")

    def start_osc(
        self,
        host: str,
        port: int,
        allow: Iterable[str] = (),
        feedback: tuple[str, int] | None = None,
        remember: bool = True,
    ) -> bool:
        from presenter.remote.osc import OscServer

        self.stop_osc(remember=False)
        try:
            self.osc = OscServer(self.bridge, host, port, allow, feedback, self)
        except OSError as exc:
            text = self.tr("Remote control: OSC cannot listen on %1: %2")
            self.problem.emit(text.replace("%1", f"{host}:{port}").replace("%2", os_error_text(exc)))
            return False
        self.osc_address = (host, self.osc.port)  # the port chosen when 0 was asked for
        if not _loopback(host) and not self.secrets.osc_pin:
            text = self.tr(
                "Remote control: OSC on %1 carries out commands from the --osc-allow addresses without a PIN, "
                "and UDP senders can be forged: add --osc-pin"
            )
            self._warn(text.replace("%1", f"{host}:{self.osc.port}"))
        if remember:
            self._remember(KEY_OSC, f"{host}:{port}")
        self.changed.emit()
        return True

    def stop_osc(self, remember: bool = True) -> None:
        if self.osc is not None:
            self.osc.close()
            self.osc.deleteLater()
            self.osc = None
            self.osc_address = None
            self.changed.emit()
        if remember:
            self._remember(KEY_OSC, "")

    def close(self) -> None:
        self.stop_http(remember=False)
        self.stop_osc(remember=False)
        self.bridge.stop()
        # No reference cycles left through Qt objects: a cycle is collected by whichever thread runs the
        # garbage collector next, and a QObject with timers deleted from a network thread takes the app down.
        self.bridge.extra = dict

    def _remember(self, key: str, value: str) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)

    # ------------------------------------------------------------------ links

    def link(self, view: str = "moderator") -> str | None:
        """The address of a browser view (with the view key when there is one), or None while HTTP is off."""
        if self.http_address is None:
            return None
        host, port = self.http_address
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        if ":" in shown:
            shown = f"[{shown}]"
        key = f"?key={self.secrets.view_key}" if self.secrets.view_key else ""
        return f"http://{shown}:{port}/{view}{key}"


# The operating system's reasons in the user's words (issue 22: "address already in use" in German text).
OS_ERRORS = {
    errno.EADDRINUSE: QT_TRANSLATE_NOOP("Remote", "the port is already in use (another program listens on it)"),
    errno.EADDRNOTAVAIL: QT_TRANSLATE_NOOP("Remote", "this computer has no such address"),
    errno.EACCES: QT_TRANSLATE_NOOP("Remote", "not allowed (ports below 1024 need administrator rights)"),
}


def os_error_text(exc: OSError) -> str:
    """Why listening failed, translated when the reason is a known one, else the system's words."""
    known = OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    return translate("Remote", known) if known else str(exc.strerror or exc)


def _setting(settings: QSettings | None, key: str) -> str:
    value = settings.value(key, "") if settings is not None else ""
    return value if isinstance(value, str) else ""


def _secrets(args: argparse.Namespace, settings: QSettings | None) -> Secrets:
    """The PIN from --pin, else the one remembered, else a new one (remembered)."""
    pin = getattr(args, "pin", None)
    if not pin:
        try:
            pin = check_pin(_setting(settings, KEY_PIN))
        except ValueError:  # none yet, or a weak one from an older version: a new one
            pin = new_pin()
    view_key = getattr(args, "view_key", None) or _setting(settings, KEY_VIEW_KEY) or None
    if settings is not None:
        settings.setValue(KEY_PIN, pin)
        settings.setValue(KEY_VIEW_KEY, view_key or "")
    return Secrets(
        pin,
        view_key,
        pin_in_url=bool(getattr(args, "pin_in_url", False)),
        osc_pin=bool(getattr(args, "osc_pin", False)),
    )


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _remembered_lan(remote: Remote, what: str, address: str) -> None:
    """A LAN binding that comes from the settings, not from this command line: said at every start."""
    try:
        host, port = parse_host_port(address)
    except ValueError:
        return
    if not _loopback(host):
        text = translate(
            "Remote",
            "Remote control: %1 listens on %2 (reachable from the network), as remembered from the last start; "
            "switch it off in the Remote panel or start with --%3 127.0.0.1:%4",
        )
        remote._warn(text.replace("%1", what.upper()).replace("%2", f"{host}:{port}").replace("%3", what)
                     .replace("%4", str(port)))  # fmt: skip


def start_remote(
    controller: ShowController,
    args: argparse.Namespace,
    settings: QSettings | None = None,
    parent: QObject | None = None,
    report: Callable[[str], None] | None = None,
) -> Remote:
    """The remote as asked for on the command line (or remembered from the last start); off by default.

    `report(text)` hears every problem (a port in use), from the start on: the director's problem list."""
    if hasattr(controller, "question_intents"):
        from presenter.remote.question_intents import register

        register()  # the question intents and the producer's /questions page
    from presenter.remote import graphics_state

    graphics_state.register()  # lowerthird, lowerthird/off, preshow
    remote = Remote(controller, _secrets(args, settings), settings, parent)
    if report is not None:
        remote.problem.connect(report)
    http = getattr(args, "http", None) or _setting(settings, KEY_HTTP)
    osc = getattr(args, "osc", None) or _setting(settings, KEY_OSC)
    allow = list(getattr(args, "osc_allow", None) or []) or [a for a in _setting(settings, KEY_OSC_ALLOW).split() if a]
    feedback = getattr(args, "osc_feedback", None) or _setting(settings, KEY_OSC_FEEDBACK)
    if settings is not None and getattr(args, "osc_allow", None):
        settings.setValue(KEY_OSC_ALLOW, " ".join(allow))
    if settings is not None and getattr(args, "osc_feedback", None):
        settings.setValue(KEY_OSC_FEEDBACK, feedback)
    if http and not getattr(args, "http", None):
        _remembered_lan(remote, "http", http)
    if osc and not getattr(args, "osc", None):
        _remembered_lan(remote, "osc", osc)
    try:
        if http:
            remote.start_http(*parse_host_port(http))
        if osc:
            target = parse_host_port(feedback) if feedback else None
            remote.start_osc(*parse_host_port(osc), allow=allow, feedback=target)
    except ValueError as exc:  # a remembered setting that no longer reads: say so, start without it
        remote.problem.emit(remote.tr("Remote control: %1").replace("%1", str(exc)))
    return remote
