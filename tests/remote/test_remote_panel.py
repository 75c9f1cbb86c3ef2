"""The director's remote panel: switches HTTP and OSC, shows the links, the QR code, the PIN, the views connected."""

from __future__ import annotations

import socket

from remote_helpers import PIN
from websockets.sync.client import connect

from presenter.ui.remote_panel import RemotePanel


def _free_port(kind=socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_panel_switches_http_and_shows_links_qr_and_views(qtbot, remote):
    panel = RemotePanel(remote)
    qtbot.addWidget(panel)
    assert PIN in panel.pin.text()
    assert panel.links.text() == "off" and not panel.http_on.isChecked()
    port = _free_port()
    panel.http_address.setText(f"127.0.0.1:{port}")
    panel.http_on.setChecked(True)
    assert remote.http_address == ("127.0.0.1", port)
    assert f"http://127.0.0.1:{port}/moderator" in panel.links.text()
    assert not panel.qr.pixmap().isNull()
    with connect(f"ws://127.0.0.1:{port}/ws", close_timeout=1):
        qtbot.waitUntil(lambda: panel.views.text() == "1", timeout=3000)
    panel.http_on.setChecked(False)
    assert remote.http_address is None and panel.links.text() == "off"


def test_panel_refuses_a_bad_address_clearly(qtbot, remote):
    panel = RemotePanel(remote)
    qtbot.addWidget(panel)
    panel.osc_address.setText("everywhere")
    panel.osc_on.setChecked(True)
    assert remote.osc_address is None and not panel.osc_on.isChecked()
    assert "is not [HOST:]PORT" in panel.status.text()
    port = _free_port(socket.SOCK_DGRAM)
    panel.osc_address.setText(str(port))
    panel.osc_on.setChecked(True)
    assert remote.osc_address == ("127.0.0.1", port)


def test_a_port_in_use_is_a_message_not_a_crash(qtbot, remote):
    panel = RemotePanel(remote)
    qtbot.addWidget(panel)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        panel.http_address.setText(f"127.0.0.1:{taken.getsockname()[1]}")
        panel.http_on.setChecked(True)
    assert remote.http_address is None and not panel.http_on.isChecked()
    assert "cannot listen" in panel.status.text()


def test_the_dialog_holds_the_panel(qtbot, remote):
    from presenter.ui.remote_panel import RemoteDialog

    dialog = RemoteDialog(remote)
    qtbot.addWidget(dialog)
    assert PIN in dialog.panel.pin.text()
