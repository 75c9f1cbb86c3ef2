"""The app's one hook: --http/--osc start the remote, the settings remember it, a taken port is only a problem."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

import pytest
from remote_helpers import http_get

from presenter.ui.app import PresenterApp

ROOT = Path(__file__).resolve().parents[2]


def _free_port(kind=socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def _director_closes_without_asking(monkeypatch):
    from presenter.ui.director import DirectorWindow

    monkeypatch.setattr(DirectorWindow, "confirm_quit", lambda self: True)


@pytest.fixture
def start_app(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PRESENTER_SIMULATE_NO_LIBVLC", "1")
    from presenter.playout import vlc_adapter
    from presenter.show import load_show

    vlc_adapter.reset_vlc_status()
    started: list[PresenterApp] = []

    def start(**remote) -> PresenterApp:
        show = ROOT / "assets" / "smart-rlp.yaml"
        args = argparse.Namespace(
            show=show, check=False, json=False, output_screen=None, moderator_screen=None, windowed=True,
            state_dir=tmp_path / "state", new_run=True, as_run=False, status_file=None, **remote,
        )  # fmt: skip
        from presenter.ui.parts import build_parts

        app = PresenterApp(args, load_show(show), build_parts(args, environ={}))
        started.append(app)
        qtbot.addWidget(app.director)
        qtbot.waitUntil(lambda: app.started)  # the remote starts with the other windows, after the first paint
        qtbot.addWidget(app.moderator)
        return app

    yield start, started
    for app in started:
        app.shutdown()
        if app.watcher is not None:
            app.watcher.deleteLater()
    vlc_adapter.reset_vlc_status()


def test_remote_is_off_by_default(start_app):
    start, _ = start_app
    app = start()
    assert app.remote.http_address is None and app.remote.osc_address is None
    assert len(app.remote.secrets.pin) == 6  # generated, remembered, shown in the panel


def test_http_and_osc_start_and_are_remembered(qtbot, start_app):
    start, started = start_app
    http_port, osc_port = _free_port(), _free_port(socket.SOCK_DGRAM)
    app = start(http=f"127.0.0.1:{http_port}", osc=f"127.0.0.1:{osc_port}", pin="739154", view_key=None)
    assert app.remote.http_address == ("127.0.0.1", http_port)
    assert app.remote.osc_address == ("127.0.0.1", osc_port)
    status, state = http_get(qtbot, f"http://127.0.0.1:{http_port}/api/v1/go?pin=739154")
    assert status == 200 and state["mode"] == "on air"
    app.shutdown()
    started.remove(app)
    app.watcher.deleteLater()
    again = start()  # no options: what was on is on again, with the same PIN
    assert again.remote.http_address == ("127.0.0.1", http_port)
    assert again.remote.secrets.pin == "739154"


def test_a_taken_port_is_a_problem_and_the_show_goes_on(start_app):
    start, _ = start_app
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        app = start(http=f"127.0.0.1:{taken.getsockname()[1]}")
    assert app.remote.http_address is None
    texts = [app.director.problems.item(i).text() for i in range(app.director.problems.count())]
    assert any("Remote control: cannot listen on" in text for text in texts)
    app.controller.go()
    assert app.controller.snapshot().current.index == 0


def test_the_directors_remote_button_opens_the_panel(qtbot, start_app):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    start, _ = start_app
    app = start()
    qtbot.mouseClick(app.director.findChild(QPushButton, "remote"), Qt.MouseButton.LeftButton)
    assert app.remote_dialog.isVisible()
    assert app.remote_dialog.panel is not None
    app.remote_dialog.close()
