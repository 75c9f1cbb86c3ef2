"""The director's OBS settings (issue 24): OBS's address, its WebSocket password, "start the stream with the first GO".

Kept in Presenter's settings file (QSettings, in the state folder), never in the show file. For one run,
`--obs` wins over the stored address and PRESENTER_OBS_PASSWORD over the stored password. The password is
stored as plain text in that file (protected by the file's permissions only): Presenter has no keyring
dependency, and the dialog says where it is. Applying takes effect at once: the OBS link connects anew
(presenter.ui.obs_wiring), the show goes on. The dialog is not modal: the director's keys keep working.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from presenter.obs.options import PASSWORD_VARIABLE, obs_address

MAX_PASSWORD = 1024  # OBS's own dialog takes far less; a longer one is a paste gone wrong
MAX_ADDRESS = 300
SETTINGS_FILE = "settings.ini"  # in the state folder (presenter.ui.parts)
KEY_ENABLED = "obs/enabled"
KEY_ADDRESS = "obs/address"
KEY_PASSWORD = "obs/password"
KEY_FIRST_GO = "obs/start_with_first_go"
_PROBLEM = "#e69f00"  # the OBS panel's orange


@dataclass(frozen=True)
class ObsSettings:
    enabled: bool = False  # connect to OBS at `address` when --obs is not given
    address: str = ""  # "ws://HOST:PORT", or "" when none was set
    password: str = ""
    start_with_first_go: bool = False


def _text(settings: QSettings, key: str, longest: int) -> str:
    value = settings.value(key, "")
    return value if isinstance(value, str) and len(value) <= longest else ""


def _flag(settings: QSettings, key: str) -> bool:
    value = settings.value(key, False)
    return value is True or (isinstance(value, str) and value.lower() == "true")


def read_obs_settings(settings: QSettings | None) -> ObsSettings:
    """What the settings file holds; anything odd in it (edited by hand) reads as not set."""
    if settings is None:
        return ObsSettings()
    address = _text(settings, KEY_ADDRESS, MAX_ADDRESS)
    try:
        address = obs_address(address) if address else ""
    except argparse.ArgumentTypeError:
        address = ""
    return ObsSettings(
        enabled=_flag(settings, KEY_ENABLED) and bool(address),
        address=address,
        password=_text(settings, KEY_PASSWORD, MAX_PASSWORD),
        start_with_first_go=_flag(settings, KEY_FIRST_GO),
    )


def write_obs_settings(settings: QSettings, chosen: ObsSettings) -> None:
    settings.setValue(KEY_ENABLED, chosen.enabled)
    settings.setValue(KEY_ADDRESS, chosen.address)
    settings.setValue(KEY_PASSWORD, chosen.password)
    settings.setValue(KEY_FIRST_GO, chosen.start_with_first_go)
    settings.sync()


def stored_password(state_folder: Path) -> str:
    """The password stored in the OBS settings of the state folder (for `--check --obs`, which opens no window)."""
    file = state_folder / SETTINGS_FILE
    if not file.is_file():
        return ""
    return read_obs_settings(QSettings(str(file), QSettings.Format.IniFormat)).password


def link_address(cli_address: str | None, chosen: ObsSettings) -> str | None:
    """The address the OBS link uses: --obs, else the stored one when switched on, else none (OBS off)."""
    if cli_address:
        return cli_address
    return chosen.address if chosen.enabled and chosen.address else None


class ObsSettingsDialog(QDialog):
    """Address, password, the first GO; `applied` carries the checked ObsSettings (the wiring stores and applies)."""

    applied = Signal(object)  # ObsSettings

    def __init__(
        self,
        current: ObsSettings,
        *,
        cli_address: str | None = None,
        stored_in: str = "",
        environ: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("obsSettings")
        self.setWindowTitle(self.tr("OBS settings"))
        self.setModal(False)  # the show goes on: GO, Esc and the other keys stay the director's
        self._cli_address = cli_address
        self._current = current
        self._build(current, stored_in, os.environ if environ is None else environ)

    def _build(self, current: ObsSettings, stored_in: str, environ: Mapping[str, str]) -> None:
        form = QFormLayout()
        self.connect_box = QCheckBox(self.tr("Follow the show in OBS Studio"), self)
        self.connect_box.setChecked(current.enabled)
        self.address = QLineEdit(current.address.removeprefix("ws://"), self)
        self.address.setPlaceholderText("127.0.0.1:4455")
        self.address.setMaxLength(MAX_ADDRESS)
        form.addRow(self.connect_box)
        form.addRow(self.tr("Address"), self.address)
        if self._cli_address:  # this run's --obs: shown, not changed here
            self.connect_box.setChecked(True)
            self.connect_box.setEnabled(False)
            self.address.setText(self._cli_address.removeprefix("ws://"))
            self.address.setReadOnly(True)
            form.addRow("", self._note(self.tr("Set by --obs for this run (the stored address is kept).")))
        self.password = QLineEdit(current.password, self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal = QCheckBox(self.tr("Show"), self)
        self.reveal.toggled.connect(self._reveal)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.reveal)
        form.addRow(self.tr("Password"), row)
        where = self.tr("Stored as plain text in {file} (never in the show file).").format(file=stored_in or "—")
        if PASSWORD_VARIABLE in environ:
            where += " " + self.tr("{variable} is set: it is used instead for this run.").format(
                variable=PASSWORD_VARIABLE
            )
        form.addRow("", self._note(where))
        self.first_go = QCheckBox(self.tr("Start the stream with the first GO"), self)
        self.first_go.setChecked(current.start_with_first_go)
        form.addRow(self.first_go)
        form.addRow("", self._note(self.tr("Presenter never stops the stream.")))
        self.link = QLabel(self)
        self.link.setObjectName("obsSettingsLink")
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setObjectName("obsSettingsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a typed address is never HTML
        self.message.setStyleSheet(f"color: {_PROBLEM}; font-weight: bold")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.apply)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.link)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)  # the notes wrap to a few lines, not to a column of words

    def _note(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the file's path is shown as it is
        label.setStyleSheet("color: palette(placeholder-text)")
        return label

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)

    def chosen(self) -> ObsSettings | str:
        """The settings as filled in, or what is wrong with them in plain words."""
        enabled, address = self._current.enabled, self._current.address  # kept as stored while --obs rules
        if not self._cli_address:
            enabled, typed, address = self.connect_box.isChecked(), self.address.text().strip(), ""
            if typed:
                try:
                    address = obs_address(typed)
                except argparse.ArgumentTypeError as exc:
                    return str(exc)
            elif enabled:
                return self.tr("Enter OBS's address, like 127.0.0.1:4455 (OBS: Tools → WebSocket Server Settings).")
        password = self.password.text()
        if len(password) > MAX_PASSWORD:
            return self.tr("The password is too long ({length} characters; at most {most}).").format(
                length=len(password), most=MAX_PASSWORD
            )
        if any(ord(character) < 32 for character in password):
            return self.tr("The password contains a line break or another control character.")
        return ObsSettings(enabled, address, password, self.first_go.isChecked())

    def apply(self) -> bool:
        """Checks what was filled in; hands it on when right, says what is wrong when not."""
        chosen = self.chosen()
        if isinstance(chosen, str):
            self.message.setText(chosen)
            self.message.show()
            return False
        self.message.hide()
        self.applied.emit(chosen)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def show_link(self, text: str) -> None:
        """The OBS link as it is now (the panel's line and its problem), so a changed password shows its effect."""
        self.link.setText(text)
