"""The preview's player panel: title and state, the video, transport, sound, and the problem line.

Widgets only; the window connects them to the preview player.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from presenter.i18n import translate
from presenter.ui.naming import named
from presenter.ui.preview.video import VideoPane

LAST_SECONDS = 10.0


def format_clock(seconds: float | None) -> str:
    """m:ss.t for the scrub bar (tenths: frame stepping must show that something moved)."""
    if seconds is None:
        return "–:––.–"
    seconds = max(0.0, seconds)
    tenths = int(seconds * 10 + 1e-6)
    minutes, rest = divmod(tenths, 600)
    return translate("PlayerPanel", "{minutes}:{seconds:02d}.{tenths}").format(
        minutes=minutes, seconds=rest // 10, tenths=rest % 10
    )


class PlayerPanel(QWidget):
    """Title row, :class:`VideoPane`, transport row, sound row, sound status and problem line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bold = QFont(self.font())
        bold.setBold(True)
        self.video = VideoPane()
        self.clip_title = named(QLabel(), "previewTitle")
        self.clip_title.setFont(bold)
        self.clip_title.setText(self.tr("No clip selected"))
        self.state_label = named(QLabel(), "previewState")
        self.state_label.setFont(bold)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        title_row = QHBoxLayout()
        title_row.addWidget(self.clip_title, 1)
        title_row.addWidget(self.state_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title_row)
        layout.addWidget(self.video, 1)
        layout.addLayout(self._transport())
        layout.addLayout(self._sound())
        self.audio_status = named(QLabel(), "audioStatus")
        self.audio_status.setWordWrap(True)
        self.problem_label = named(QLabel(), "previewProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color:#8a1111;font-weight:bold;")
        self.problem_label.hide()
        layout.addWidget(self.audio_status)
        layout.addWidget(self.problem_label)
        self.set_transport_enabled(False)

    def _transport(self) -> QHBoxLayout:
        self.play_button = named(QPushButton(self.tr("▶ Play")), "playButton")
        self.play_button.setToolTip(self.tr("Play / pause the preview (Space)"))
        self.step_button = named(QPushButton(self.tr("Frame ▸")), "stepButton")
        self.step_button.setToolTip(self.tr("One frame forward (Right arrow)"))
        self.end_button = named(QPushButton(self.tr("Last 10 s")), "lastSecondsButton")
        self.end_button.setToolTip(self.tr("Play the last 10 seconds: check the end and the hand-back (End)"))
        self.slider = named(QSlider(Qt.Orientation.Horizontal), "scrubSlider")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(40)
        self.slider.setPageStep(5000)
        self.time_label = named(QLabel(), "timeLabel")
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.time_label.setFont(mono)
        self.time_label.setText(f"{format_clock(0)} / {format_clock(None)}")
        transport = QHBoxLayout()
        for w in (self.play_button, self.step_button, self.end_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and the arrows stay the preview's keys
            transport.addWidget(w)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        transport.addWidget(self.slider, 1)
        transport.addWidget(self.time_label)
        return transport

    def _sound(self) -> QHBoxLayout:
        self.mute_button = named(QPushButton(self.tr("Mute")), "muteButton")
        self.mute_button.setCheckable(True)
        self.mute_button.setToolTip(self.tr("Mute the preview (M)"))
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume = named(QSlider(Qt.Orientation.Horizontal), "volumeSlider")
        self.volume.setRange(0, 100)
        self.volume.setMinimumWidth(90)
        self.volume.setMaximumWidth(140)
        self.device_combo = named(QComboBox(), "deviceCombo")
        self.device_combo.setMinimumContentsLength(22)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.refresh_button = named(QPushButton("↻"), "refreshDevices")
        self.refresh_button.setToolTip(self.tr("List the audio devices again (headphones plugged in?)"))
        self.refresh_button.setFixedWidth(34)
        row = QHBoxLayout()
        row.addWidget(self.mute_button)
        row.addWidget(QLabel(self.tr("Volume")))
        row.addWidget(self.volume)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Preview sound on")))
        row.addWidget(self.device_combo, 1)
        row.addWidget(self.refresh_button)
        return row

    def set_transport_enabled(self, enabled: bool) -> None:
        for w in (self.play_button, self.step_button, self.end_button, self.slider):
            w.setEnabled(enabled)

    def show_position(self, position: float, duration: float, *, move_slider: bool) -> None:
        self.time_label.setText(f"{format_clock(position)} / {format_clock(duration or None)}")
        if not move_slider:
            return
        self.slider.blockSignals(True)
        self.slider.setRange(0, int(duration * 1000))
        self.slider.setValue(int(position * 1000))
        self.slider.blockSignals(False)
