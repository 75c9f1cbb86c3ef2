"""The director's OBS panel: the link, the program scene (and who chose it), streaming, recording, frame losses.

It renders one ObsHealth (presenter.obs) and derives nothing. Health comes from the OBS thread through
ObsHealthRelay (a queued Qt signal); "Start stream" and "Start recording" only ask: the window confirms
and calls the follower.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from presenter.obs.health import LinkState, ObsHealth, OutputHealth
from presenter.ui.on_change import set_style
from presenter.ui.theme import MUTED, ON_AIR

_PROBLEM = "#e69f00"  # orange (Okabe–Ito): a problem, readable on the dark and the light theme
_OK = "#009e73"  # bluish green


class ObsHealthRelay(QObject):
    """Hands ObsHealth from the OBS thread to the UI thread: pass it as the follower's `on_health`."""

    health = Signal(object)

    def __call__(self, health: ObsHealth) -> None:
        self.health.emit(health)


class ObsPanel(QGroupBox):
    """Fits a narrow column: short lines that wrap, the problems in plain words below."""

    start_stream_requested = Signal()
    start_recording_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("OBS"), parent)
        layout = QVBoxLayout(self)
        self.link = QLabel(self)
        self.scene = QLabel(self)
        self.stream = QLabel(self)
        self.record = QLabel(self)
        self.frames = QLabel(self)
        self.problems = QLabel(self)
        for label in (self.link, self.scene, self.stream, self.record, self.frames, self.problems):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.problems.setStyleSheet(f"color: {_PROBLEM}; font-weight: bold")
        buttons = QHBoxLayout()
        self.start_stream = QPushButton(self.tr("Start stream…"), self)
        self.start_recording = QPushButton(self.tr("Start recording…"), self)
        buttons.addWidget(self.start_stream)
        buttons.addWidget(self.start_recording)
        layout.addLayout(buttons)
        self.start_stream.clicked.connect(self.start_stream_requested)
        self.start_recording.clicked.connect(self.start_recording_requested)
        self.set_health(ObsHealth())

    def set_health(self, health: ObsHealth) -> None:
        self.link.setText(self._link_text(health))
        set_style(self.link, f"color: {_OK if health.connected else _PROBLEM if health.enabled else MUTED}")
        self.scene.setText(self._scene_text(health))
        self.stream.setText(self._output_text(self.tr("Stream"), health.stream, health.connected))
        set_style(self.stream, f"color: {ON_AIR}; font-weight: bold" if health.stream.active else "")
        self.record.setText(self._output_text(self.tr("Recording"), health.record, health.connected))
        self.frames.setText(self._frames_text(health))
        self.frames.setVisible(health.connected)
        self.problems.setText("\n".join(problem.text for problem in health.problems))
        self.problems.setVisible(bool(health.problems))
        self.start_stream.setEnabled(health.connected and not health.stream.active)
        self.start_recording.setEnabled(health.connected and not health.record.active)

    def _link_text(self, health: ObsHealth) -> str:
        texts = {
            LinkState.OFF: self.tr("OBS: off (start with --obs HOST:PORT)"),
            LinkState.CONNECTING: self.tr("OBS: connecting to {address}…"),
            LinkState.CONNECTED: self.tr("OBS: connected ({address})"),
            LinkState.RECONNECTING: self.tr("OBS: reconnecting to {address}…"),
            LinkState.UNREACHABLE: self.tr("OBS: not reachable at {address}"),
            LinkState.WRONG_PASSWORD: self.tr("OBS: wrong password"),
        }
        return texts[health.state].format(address=health.address.removeprefix("ws://"))

    def _scene_text(self, health: ObsHealth) -> str:
        if not health.connected:
            return self.tr("Scene: —")
        scene = health.program_scene or "—"
        if health.manual:
            return self.tr("Scene: {scene} — manual (the next GO takes over)").format(scene=scene)
        if health.transition and health.transition != "Cut":
            text = self.tr("Scene: {scene} (transition: {transition})")
            return text.format(scene=scene, transition=health.transition)
        return self.tr("Scene: {scene}").format(scene=scene)

    def _output_text(self, what: str, output: OutputHealth, connected: bool) -> str:
        if not connected:
            return self.tr("{what}: —").format(what=what)
        if not output.active:
            return self.tr("{what}: off").format(what=what)
        since = output.since.strftime("%H:%M:%S") if output.since else "—"
        timecode = output.timecode.split(".")[0]
        if output.paused:
            return self.tr("{what}: paused (since {since}, {timecode})").format(
                what=what, since=since, timecode=timecode
            )
        return self.tr("{what}: on since {since} · {timecode}").format(what=what, since=since, timecode=timecode)

    def _frames_text(self, health: ObsHealth) -> str:
        text = self.tr("Frames: {dropped} dropped by the stream, {lagged} not rendered")
        return text.format(dropped=health.stream.skipped_frames, lagged=health.render_skipped_frames)
