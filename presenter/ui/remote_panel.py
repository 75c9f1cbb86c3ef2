"""The director's remote panel: what is on, the links, a QR code of the moderator view, the PIN, views connected.

It only renders the Remote and switches it; every command from outside still goes through the controller.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import segno
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from presenter.remote.addresses import DEFAULT_HOST, parse_host_port

if TYPE_CHECKING:
    from presenter.remote.service import Remote

REFRESH_MS = 1000
QR_SCALE = 4


def qr_pixmap(text: str, scale: int = QR_SCALE) -> QPixmap:
    """A QR code of `text` (segno), as a pixmap for a label."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class RemotePanel(QWidget):
    """Shows and switches the remote (`presenter.remote.service.Remote`)."""

    def __init__(self, remote: Remote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remote = remote
        layout = QVBoxLayout(self)

        http_box = QGroupBox(self.tr("Browser views and HTTP/WebSocket"), self)
        http_form = QFormLayout(http_box)
        self.http_on = QCheckBox(self.tr("On"), http_box)
        self.http_address = QLineEdit(f"{DEFAULT_HOST}:8080", http_box)
        self.http_address.setToolTip(self.tr("[HOST:]PORT — 127.0.0.1 is this computer only; a LAN address opens it"))
        self.links = QLabel(http_box)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.setOpenExternalLinks(True)
        self.qr = QLabel(http_box)
        self.views = QLabel(http_box)
        http_form.addRow(self.http_on, self.http_address)
        http_form.addRow(self.tr("Links"), self.links)
        http_form.addRow(self.tr("Moderator view"), self.qr)
        http_form.addRow(self.tr("Views connected"), self.views)
        layout.addWidget(http_box)

        osc_box = QGroupBox(self.tr("OSC (Companion, Stream Deck)"), self)
        osc_form = QFormLayout(osc_box)
        self.osc_on = QCheckBox(self.tr("On"), osc_box)
        self.osc_address = QLineEdit(f"{DEFAULT_HOST}:9000", osc_box)
        osc_form.addRow(self.osc_on, self.osc_address)
        layout.addWidget(osc_box)

        self.pin = QLabel(self)
        self.pin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a remote's problem text is never HTML
        self.status.setWordWrap(True)
        layout.addWidget(self.pin)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.http_on.toggled.connect(self._switch_http)
        self.osc_on.toggled.connect(self._switch_osc)
        remote.changed.connect(self.refresh)
        remote.problem.connect(self.status.setText)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._refresh_views)
        self._timer.start(REFRESH_MS)
        self.refresh()

    def _switch_http(self, on: bool) -> None:
        if on == (self.remote.http_address is not None):
            return
        if not on:
            self.remote.stop_http()
            return
        try:
            host, port = parse_host_port(self.http_address.text())
        except ValueError as exc:
            self.status.setText(str(exc))
        else:
            self.remote.start_http(host, port)
        self.refresh()

    def _switch_osc(self, on: bool) -> None:
        if on == (self.remote.osc_address is not None):
            return
        if not on:
            self.remote.stop_osc()
            return
        try:
            host, port = parse_host_port(self.osc_address.text())
        except ValueError as exc:
            self.status.setText(str(exc))
        else:
            self.remote.start_osc(host, port)
        self.refresh()

    def refresh(self) -> None:
        remote = self.remote
        http_on, osc_on = remote.http_address is not None, remote.osc_address is not None
        for box, on in ((self.http_on, http_on), (self.osc_on, osc_on)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        if http_on:
            self.http_address.setText(_host_port(remote.http_address))
        if osc_on:
            self.osc_address.setText(_host_port(remote.osc_address))
        self.http_address.setEnabled(not http_on)
        self.osc_address.setEnabled(not osc_on)
        moderator = remote.link("moderator")
        if moderator is None:
            self.links.setText(self.tr("off"))
            self.qr.clear()
        else:
            countdown = remote.link("countdown")
            self.links.setText(f'<a href="{moderator}">{moderator}</a><br><a href="{countdown}">{countdown}</a>')
            self.qr.setPixmap(qr_pixmap(moderator))
        self.pin.setText(self.tr("Control PIN: %1").replace("%1", remote.secrets.pin))
        self._refresh_views()

    def _refresh_views(self) -> None:
        self.views.setText(str(self.remote.views_connected()) if self.remote.http_address else "–")


def _host_port(address: tuple[str, int] | None) -> str:
    if address is None:
        return ""
    host, port = address
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class RemoteDialog(QDialog):
    """The panel in a window of its own (non-modal), for a "Remote…" button of the director window."""

    def __init__(self, remote: Remote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remote control"))
        self.panel = RemotePanel(remote, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
