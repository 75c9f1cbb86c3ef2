"""The director's OBS settings dialog (presenter.ui.obs_settings) in a real window: what it stores, what it refuses
in plain words, and against a real OBS Studio: a wrong password set in the dialog is told, the right one connects,
and the show goes on meanwhile."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from graphics_show import graphics_show
from obs_helpers import PASSWORD, ObsAdmin
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLineEdit, QWidget

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.obs.health import LinkState
from presenter.obs.options import PASSWORD_VARIABLE
from presenter.run.state import Mode
from presenter.ui.obs_settings import MAX_PASSWORD, ObsSettings, ObsSettingsDialog, read_obs_settings
from presenter.ui.obs_wiring import wire_obs

START = datetime(2021, 1, 19, 17, 29)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def controller(qtbot, tmp_path: Path, clock: FakeClock) -> ShowController:
    return ShowController(graphics_show(tmp_path), clock=clock)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _dialog(qtbot, current: ObsSettings | None = None, **kwargs) -> ObsSettingsDialog:
    dialog = ObsSettingsDialog(
        current or ObsSettings(), stored_in="/home/tech/.local/state/presenter/settings.ini", **kwargs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, box: QCheckBox) -> None:
    """A click on the box itself (a check box wider than its text takes clicks on its indicator and text only)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _type(qtbot, field: QLineEdit, text: str) -> None:
    field.selectAll()
    field.del_()
    if len(text) > 200 or not text.isprintable():  # a paste (a tab cannot be typed into a field)
        field.insert(text)
    else:
        qtbot.keyClicks(field, text)


def test_the_dialog_stores_what_the_director_sets_and_hides_the_password(qtbot, settings, monkeypatch):
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    dialog = _dialog(qtbot)
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password  # dots
    notes = " ".join(label.text() for label in dialog.findChildren(type(dialog.link)))
    assert "Stored as plain text in /home/tech/.local/state/presenter/settings.ini" in notes
    assert PASSWORD_VARIABLE not in notes
    got: list[ObsSettings] = []
    dialog.applied.connect(got.append)
    _click(qtbot, dialog.connect_box)
    _type(qtbot, dialog.address, " obs-pc:4456 ")
    _type(qtbot, dialog.password, "geheim 24")  # a space is a character of the password
    _click(qtbot, dialog.first_go)
    _click(qtbot, dialog.reveal)
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Normal
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert got == [ObsSettings(True, "ws://obs-pc:4456", "geheim 24", True)]
    assert dialog.isVisible() and dialog.message.isHidden()  # Apply keeps it open


@pytest.mark.parametrize(
    ("address", "password", "told"),
    [
        ("", "", "Enter OBS's address, like 127.0.0.1:4455"),
        ("ws://:99999", "", '"ws://:99999" is not an OBS address like 127.0.0.1:4455'),
        ("127.0.0.1:99999", "", "is not an OBS address"),
        ("obs pc:4455", "", '"obs pc:4455" is not an OBS address'),
        ("x" * 5000, "", "x" * 60 + "…"),
        ("127.0.0.1:4455", "p" * 10_000, f"The password is too long (10000 characters; at most {MAX_PASSWORD})"),
        ("127.0.0.1:4455", "a\tb", "control character"),
    ],
)
def test_bad_values_are_told_in_plain_words_and_nothing_is_applied(qtbot, address, password, told):
    dialog = _dialog(qtbot, ObsSettings(enabled=True))
    got: list[object] = []
    dialog.applied.connect(got.append)
    _type(qtbot, dialog.address, address)
    _type(qtbot, dialog.password, password)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert got == [] and dialog.isVisible()  # OK refused: the dialog stays with the message
    assert told in dialog.message.text() and dialog.message.isVisible()
    assert len(dialog.message.text()) < 300


def test_with_obs_on_the_command_line_the_address_is_shown_and_the_stored_one_kept(qtbot, monkeypatch):
    monkeypatch.setenv(PASSWORD_VARIABLE, "from-env")
    stored = ObsSettings(True, "ws://studio:4455", "alt", False)
    dialog = _dialog(qtbot, stored, cli_address="ws://127.0.0.1:4460")
    assert dialog.address.text() == "127.0.0.1:4460" and dialog.address.isReadOnly()
    assert not dialog.connect_box.isEnabled()
    notes = " ".join(label.text() for label in dialog.findChildren(type(dialog.link)))
    assert "Set by --obs for this run" in notes and f"{PASSWORD_VARIABLE} is set" in notes
    got: list[ObsSettings] = []
    dialog.applied.connect(got.append)
    _type(qtbot, dialog.password, "neu")
    assert dialog.apply()
    assert got == [ObsSettings(True, "ws://studio:4455", "neu", False)]


def test_the_settings_file_is_read_with_care(settings):
    settings.setValue("obs/enabled", "true")
    settings.setValue("obs/address", "ws://:99999")  # edited by hand
    settings.setValue("obs/password", "p" * (MAX_PASSWORD + 1))
    settings.setValue("obs/start_with_first_go", "true")
    assert read_obs_settings(settings) == ObsSettings(False, "", "", True)
    settings.setValue("obs/address", "obs-pc")
    assert read_obs_settings(settings).address == "ws://obs-pc:4455"


def test_the_dialog_fits_a_1280x720_screen_in_german(qtbot, german):
    dialog = _dialog(qtbot, cli_address="ws://127.0.0.1:4455", environ={PASSWORD_VARIABLE: "x"})
    assert dialog.windowTitle() == "OBS-Einstellungen"
    hint = dialog.sizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720


def test_applying_without_an_address_switches_obs_off_and_with_one_on_without_stopping_the_show(
    qtbot, controller, window, settings, clock, monkeypatch
):
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    wiring = wire_obs(controller, None, window=window, settings=settings)
    try:
        assert wiring.follower is None and wiring.panel.isHidden()
        clock.advance(1.0)
        assert controller.go()
        wiring.show_settings()
        dialog = wiring.dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        dialog.connect_box.setChecked(True)
        dialog.address.setText("127.0.0.1:9")  # nothing listens there: told, retried, the show goes on
        assert dialog.apply()
        assert wiring.follower is not None and not wiring.panel.isHidden()
        qtbot.waitUntil(lambda: wiring.health.state is LinkState.UNREACHABLE, timeout=20_000)
        qtbot.waitUntil(lambda: "not reachable at 127.0.0.1:9" in dialog.link.text())
        assert read_obs_settings(settings) == ObsSettings(True, "ws://127.0.0.1:9", "", False)
        clock.advance(1.0)
        assert controller.go() and controller.snapshot().mode is Mode.ON_AIR
        dialog.connect_box.setChecked(False)
        assert dialog.apply()
        assert wiring.follower is None and wiring.panel.isHidden() and wiring.health.state is LinkState.OFF
        assert not read_obs_settings(settings).enabled
    finally:
        wiring.close()


# ------------------------------------------------------------------ a real OBS Studio


@pytest.mark.obs
def test_a_wrong_password_set_in_the_dialog_is_told_and_the_right_one_connects(
    qtbot, obs, admin: ObsAdmin, controller, window, settings, clock, monkeypatch
):
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    admin.ensure_scenes("Kamera", "Kamera 2")
    problems: list[str] = []
    wiring = wire_obs(controller, None, window=window, settings=settings, problem=problems.append)
    try:
        clock.advance(1.0)
        assert controller.go()  # on air before OBS is set up: the show does not wait for it
        wiring.show_settings()
        dialog = wiring.dialog
        assert dialog is not None
        dialog.connect_box.setChecked(True)
        _type(qtbot, dialog.address, obs.url)
        _type(qtbot, dialog.password, "falsch")
        assert dialog.apply()
        qtbot.waitUntil(lambda: wiring.health.state is LinkState.WRONG_PASSWORD, timeout=30_000)
        told = "OBS refused the password — set it under “OBS settings…” or in PRESENTER_OBS_PASSWORD"
        qtbot.waitUntil(lambda: told in problems)
        assert "OBS: wrong password" in dialog.link.text() and told in dialog.link.text()
        assert wiring.panel.link.text() == "OBS: wrong password"
        _type(qtbot, dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # fmt: skip
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: wiring.health.connected, timeout=30_000)
        qtbot.waitUntil(lambda: admin.program_scene() == "Kamera", timeout=10_000)  # the show's scene, set at once
        assert read_obs_settings(settings).password == PASSWORD
        clock.advance(1.0)
        assert controller.go()
        qtbot.waitUntil(lambda: admin.program_scene() == "Kamera 2", timeout=10_000)
    finally:
        wiring.close()
