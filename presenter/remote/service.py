"""The remote of one session: starts and stops the HTTP/WebSocket server and the OSC receiver, keeps the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from presenter.remote.addresses import parse_host_port
from presenter.remote.auth import Secrets, check_secret, new_pin
from presenter.remote.bridge import Bridge
from presenter.remote.intents import has_question_intents

if TYPE_CHECKING:
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

    def __init__(self, controller, secrets: Secrets, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.secrets = secrets
        self.settings = settings
        self.bridge = Bridge(controller, secrets, self)
        self.bridge.extra = self._extra
        self.server: RemoteServer | None = None
        self.osc: OscServer | None = None
        self.http_address: tuple[str, int] | None = None
        self.osc_address: tuple[str, int] | None = None

    def _extra(self) -> dict:
        return {"views": self.views_connected(), "questions": has_question_intents()}

    def views_connected(self) -> int:
        return self.server.client_count if self.server is not None else 0

    # ------------------------------------------------------------------ switching

    def start_http(self, host: str, port: int, remember: bool = True) -> bool:
        from presenter.remote.server import RemoteServer

        self.stop_http(remember=False)
        server = RemoteServer(host, port, self.bridge.submit, self.controller.engine.clock, self.secrets)
        try:
            server.start()
        except OSError as exc:
            text = self.tr("Remote control: cannot listen on %1: %2")
            self.problem.emit(text.replace("%1", f"{host}:{port}").replace("%2", str(exc.strerror or exc)))
            return False
        self.server = server
        self.http_address = (host, server.port)
        self.bridge.publishers.append(server.publish)
        self.bridge.publish()
        if remember:
            self._remember(KEY_HTTP, f"{host}:{port}")
        self.changed.emit()
        return True

    def stop_http(self, remember: bool = True) -> None:
        if self.server is not None:
            if self.server.publish in self.bridge.publishers:
                self.bridge.publishers.remove(self.server.publish)
            self.server.stop()
            self.server = None
            self.http_address = None
            self.changed.emit()
        if remember:
            self._remember(KEY_HTTP, "")

    def start_osc(self, host: str, port: int, allow=(), feedback=None, remember: bool = True) -> bool:
        from presenter.remote.osc import OscServer

        self.stop_osc(remember=False)
        try:
            self.osc = OscServer(self.bridge, host, port, allow, feedback, self)
        except OSError as exc:
            self.problem.emit(self.tr("Remote control: %1").replace("%1", str(exc)))
            return False
        self.osc_address = (host, self.osc.port)  # the port chosen when 0 was asked for
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


def _setting(settings: QSettings | None, key: str) -> str:
    value = settings.value(key, "") if settings is not None else ""
    return value if isinstance(value, str) else ""


def _secrets(args, settings: QSettings | None) -> Secrets:
    """The PIN from --pin, else the one remembered, else a new one (remembered)."""
    pin = getattr(args, "pin", None)
    if not pin:
        try:
            pin = check_secret(_setting(settings, KEY_PIN), "PIN")
        except ValueError:
            pin = new_pin()
    view_key = getattr(args, "view_key", None) or _setting(settings, KEY_VIEW_KEY) or None
    if settings is not None:
        settings.setValue(KEY_PIN, pin)
        settings.setValue(KEY_VIEW_KEY, view_key or "")
    return Secrets(pin, view_key)


def start_remote(controller, args, settings: QSettings | None = None, parent=None, report=None) -> Remote:
    """The remote as asked for on the command line (or remembered from the last start); off by default.

    `report(text)` hears every problem (a port in use), from the start on: the director's problem list."""
    if hasattr(controller, "question_show"):
        from presenter.remote.question_intents import register

        register()  # the question intents and the producer's /questions page
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
    try:
        if http:
            remote.start_http(*parse_host_port(http))
        if osc:
            target = parse_host_port(feedback) if feedback else None
            remote.start_osc(*parse_host_port(osc), allow=allow, feedback=target)
    except ValueError as exc:  # a remembered setting that no longer reads: say so, start without it
        remote.problem.emit(remote.tr("Remote control: %1").replace("%1", str(exc)))
    return remote
