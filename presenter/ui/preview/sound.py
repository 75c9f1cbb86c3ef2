"""The preview's sound controls: mute, volume, the audio device, and a line that says where the sound goes.

The preview's sound could reach the stream when it plays on the program's device: until the
technician chooses a device it is muted, and the line says what is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from presenter.playout import preview as pv
from presenter.ui.preview.player_panel import PlayerPanel


class PreviewSound(QObject):
    """Connects the sound widgets of *panel* to *player* (a :class:`~presenter.playout.preview.PreviewPlayer`)."""

    def __init__(self, panel: PlayerPanel, player: pv.PreviewPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.player = panel, player
        panel.mute_button.toggled.connect(self._on_mute)
        panel.volume.valueChanged.connect(lambda v: player.set_volume(v))
        panel.device_combo.activated.connect(self._on_device_chosen)
        panel.refresh_button.clicked.connect(lambda: player.refresh_audio_devices())
        player.audio_devices_changed.connect(self._on_devices)
        player.audio_device_changed.connect(lambda _ident, _confirmed: self.sync())
        self._auto_muted = False
        if not player.audio_device:
            player.set_muted(True)  # its sound could go to the program's device: muted until chosen
            self._auto_muted = True
        panel.volume.setValue(player.volume)
        self.sync()

    def _on_mute(self, checked: bool) -> None:
        self._auto_muted = False
        self.player.set_muted(checked)
        self.sync()

    def _on_devices(self, devices: list[tuple[str, str]]) -> None:
        combo, chosen = self.panel.device_combo, self.player.audio_device
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("System default"), "")
        known = False
        for ident, description in devices:
            combo.addItem(description if description == ident else f"{description} ({ident})", ident)
            known = known or ident == chosen
        if chosen and not known:
            combo.addItem(self.tr("{device} (not available now)").format(device=chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        self.sync()

    def _on_device_chosen(self, index: int) -> None:
        ident = self.panel.device_combo.itemData(index) or ""
        self.player.set_audio_device(ident)
        if ident and self._auto_muted:
            self._auto_muted = False  # it was muted only because no device was chosen
            self.player.set_muted(False)
        self.sync()

    def sync(self) -> None:
        """Mute button and the sound line as the player is now."""
        button, player = self.panel.mute_button, self.player
        button.blockSignals(True)
        button.setChecked(player.muted)
        button.setText(self.tr("Muted") if player.muted else self.tr("Mute"))
        button.blockSignals(False)
        text, colour = self._sound_line()
        self.panel.audio_status.setText(text)
        self.panel.audio_status.setStyleSheet(f"color:{colour};")

    def _sound_line(self) -> tuple[str, str]:
        player = self.player
        device = player.audio_device
        name = self.panel.device_combo.currentText() if device else self.tr("the system default device")
        if not device:
            if not player.muted:
                return self.tr(
                    "⚠ Preview sound on the system default device: it may be the program's. Choose the headphones."
                ), "#8a5a00"
            return self.tr(
                "Choose the headphones device: until then the preview is muted (its sound could reach the stream)."
            ), "#8a5a00"
        if player.safety_muted and player.state in (pv.PAUSED, pv.PLAYING, pv.ENDED):
            return self.tr("Checking that the preview sound is on {name}… (muted until libVLC confirms it)").format(
                name=name
            ), "#8a5a00"
        if player.muted:
            return self.tr("Preview muted · sound device: {name}").format(name=name), "#444"
        if player.audio_device_confirmed:
            return self.tr("✓ Preview sound on {name}").format(name=name), "#1d5c1d"
        return self.tr("Preview sound on {name}").format(name=name), "#444"
