"""OBS and the stream's graphics wired to a running show: one object the app creates at launch (`wire_obs`).

- OBS follows the show: every change of the controller hands `cue_from_snapshot(snapshot)` to the follower (its
  own thread; nothing here waits for OBS).
- The stream's health reaches the director's OBS panel through a queued relay; problems go to the problems list
  and, as StreamProblem intents from the OBS source, to the journal and the as-run log with their times.
- "Start stream…" / "Start recording…" ask first; with the setting `start_with_first_go` the stream starts with
  the show's first GO (that setting is the director's answer given beforehand). Presenter never stops the stream:
  not at the end of the show, not when it closes.
- The OBS settings (presenter.ui.obs_settings: address, password, the first GO) are applied at once: the link
  connects anew, starts or ends; the show goes on.
- The lower third: L puts the speaker of the segment on air on the stream, Shift+L takes it off; both are
  intents through the one dispatcher. The panel's line says what is on the stream ("… 0:06 left").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from presenter.controller import ShowController
from presenter.obs.health import ObsHealth, problem_changes
from presenter.obs.options import obs_password, start_follower
from presenter.obs.scenes import cue_from_engine
from presenter.run import intents as do
from presenter.run.dispatch import Refused
from presenter.run.state import Mode, ShowSnapshot
from presenter.ui.director_keys import is_text_field
from presenter.ui.obs_panel import ObsHealthRelay, ObsPanel
from presenter.ui.obs_settings import ObsSettings, link_address, read_obs_settings, write_obs_settings

if TYPE_CHECKING:
    from presenter.obs.follower import ObsFollower
    from presenter.ui.obs_settings import ObsSettingsDialog

LOWER_THIRD_KEY = "L"  # no other director key uses it (Space, Esc, Ctrl+M, Q, N, Shift+Q, PgUp/PgDown, editor keys)
LOWER_THIRD_OFF_KEY = "Shift+L"
OBS_SOURCE = do.Source(do.SourceKind.OBS, "obs")
TICK_MS = 250  # the "0:06 left" line while a timed lower third is on


class Asker(Protocol):
    def __call__(self, parent: QWidget | None, title: str, text: str) -> bool: ...


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question, No by default (a stream starts only on a clear yes)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class GraphicsStrip(QWidget):
    """What is on the stream, and the lower-third buttons (in the OBS panel)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.on_stream = QLabel(self)
        self.on_stream.setWordWrap(True)
        layout.addWidget(self.on_stream)
        buttons = QHBoxLayout()
        self.lower_third = QPushButton(self.tr("Lower third (L)"), self)
        self.lower_third_off = QPushButton(self.tr("Off (Shift+L)"), self)
        buttons.addWidget(self.lower_third)
        buttons.addWidget(self.lower_third_off)
        layout.addLayout(buttons)

    def show_snapshot(self, snapshot: ShowSnapshot) -> None:
        graphics = snapshot.graphics
        text = graphics.on_stream if graphics is not None else ""
        self.on_stream.setText(text or self.tr("on the stream: no graphics"))
        self.lower_third_off.setEnabled(graphics is not None and graphics.lower_third is not None)


class ObsCues(QObject):
    """Hands OBS its cue on every change of the controller. The app makes it before any window, so its slot runs
    first: OBS cuts right after Presenter's own cut, not after the windows have repainted (Qt calls the slots of
    one signal in the order they were connected)."""

    def __init__(self, controller: ShowController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.follower: ObsFollower | None = None
        controller.changed.connect(self.send)

    def send(self) -> None:
        if self.follower is not None:  # from the engine: no snapshot is built before OBS has its cue
            self.follower.follow(cue_from_engine(self.controller.engine))


class ObsWiring(QObject):
    """The show's link to OBS and the stream's graphics, for one app (see the module's text)."""

    _follower_health = Signal(int, object)  # (which follower, ObsHealth): from the OBS thread

    def __init__(
        self,
        controller: ShowController,
        follower: ObsFollower | None,
        *,
        window: QWidget | None = None,
        problem: Callable[[str], None] | None = None,
        start_with_first_go: bool = False,
        asker: Asker = ask,
        settings: QSettings | None = None,
        cli_address: str | None = None,
        cues: ObsCues | None = None,
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.cues = cues or ObsCues(controller)  # connected before this wiring's on_change in any case
        self.follower = follower
        self.window = window
        self.settings = settings  # where the OBS settings are stored (None: kept for this run only)
        self.cli_address = cli_address  # --obs: wins over the stored address
        self.obs_settings = read_obs_settings(settings)
        self._generation = 0  # the follower now; health still queued from one replaced is dropped
        self._follower_health.connect(self._on_follower_health, Qt.ConnectionType.QueuedConnection)
        self.dialog: ObsSettingsDialog | None = None
        self._problem = problem
        self._asker = asker
        self.start_with_first_go = start_with_first_go
        self._started_with_go = False
        self._mode = controller.snapshot().mode
        self.health = follower.health() if follower is not None else ObsHealth()
        self.relay = ObsHealthRelay(self)
        self.relay.health.connect(self._on_health, Qt.ConnectionType.QueuedConnection)
        self.panel = ObsPanel(window)
        self.strip = GraphicsStrip(self.panel)
        panel_layout = self.panel.layout()
        assert panel_layout is not None  # ObsPanel lays itself out in __init__
        panel_layout.addWidget(self.strip)
        self.panel.set_health(self.health)
        self.panel.start_stream_requested.connect(self.ask_start_stream)
        self.panel.start_recording_requested.connect(self.ask_start_recording)
        self.strip.lower_third.clicked.connect(self.lower_third)
        self.strip.lower_third_off.clicked.connect(self.lower_third_off)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._render)
        self.shortcuts: list[QShortcut] = []
        if window is not None:
            self._bind(window, LOWER_THIRD_KEY, self.lower_third)
            self._bind(window, LOWER_THIRD_OFF_KEY, self.lower_third_off)
        controller.changed.connect(self.on_change)
        self.cues.send()
        self.on_change()

    @property
    def follower(self) -> ObsFollower | None:
        return self.cues.follower

    @follower.setter
    def follower(self, follower: ObsFollower | None) -> None:
        self.cues.follower = follower

    def _bind(self, window: QWidget, key: str, action: Callable[[], object]) -> None:
        def press() -> None:
            if not is_text_field(window.focusWidget()):  # an L typed into a field is a letter
                action()

        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setAutoRepeat(False)  # a held key is one press
        shortcut.activated.connect(press)
        self.shortcuts.append(shortcut)

    # -- the show → OBS

    def on_change(self) -> None:
        """The show changed (OBS has had its cue from ObsCues): the stream starts with the first GO if so set."""
        snapshot = self.controller.snapshot()
        if self.follower is not None:
            first_go = self._mode is Mode.STANDBY and snapshot.mode is Mode.ON_AIR
            if first_go and self.start_with_first_go and not self._started_with_go and not self.health.stream.active:
                self._started_with_go = True
                self.follower.start_stream()
        self._mode = snapshot.mode
        self._render(snapshot)

    def _render(self, snapshot: ShowSnapshot | None = None) -> None:
        snapshot = snapshot or self.controller.snapshot()
        self.strip.show_snapshot(snapshot)
        shown = snapshot.graphics.lower_third if snapshot.graphics is not None else None
        timed = shown is not None and shown.seconds_left is not None
        if timed and not self._tick.isActive():
            self._tick.start()
        elif not timed:
            self._tick.stop()

    # -- OBS → the director, the journal and the as-run log

    def _on_follower_health(self, generation: int, health: ObsHealth) -> None:
        if generation == self._generation and self.follower is not None:
            self._on_health(health)

    def _on_health(self, health: ObsHealth) -> None:
        appeared, gone = problem_changes(self.health, health)
        self.health = health
        self.panel.set_health(health)
        if self.dialog is not None:
            self.dialog.show_link("\n".join([self.panel.link.text(), *(p.text for p in health.problems)]))
        for problem in appeared:
            if self._problem is not None:
                self._problem(problem.text)
            self.controller.dispatch(do.StreamProblem(problem.code.value, problem.text), OBS_SOURCE)
        for problem in gone:
            self.controller.dispatch(do.StreamProblem(problem.code.value, problem.text, gone=True), OBS_SOURCE)

    # -- going live (asked first; never stopped by Presenter)

    def ask_start_stream(self) -> bool:
        if self.follower is None or not self._asker(
            self.window, self.tr("Start stream"), self.tr("Start the stream in OBS now? Viewers will see it.")
        ):
            return False
        self.follower.start_stream()
        return True

    def ask_start_recording(self) -> bool:
        if self.follower is None or not self._asker(
            self.window, self.tr("Start recording"), self.tr("Start recording in OBS now?")
        ):
            return False
        self.follower.start_recording()
        return True

    # -- the lower third (intents)

    def lower_third(self) -> bool:
        return self._do(do.ShowLowerThird())

    def lower_third_off(self) -> bool:
        return self._do(do.TakeOffLowerThird())

    def _do(self, intent: do.Intent) -> bool:
        outcome = self.controller.dispatch(intent)
        if isinstance(outcome, Refused):
            if self._problem is not None:
                self._problem(outcome.refusal.text)
            return False
        return True

    # -- the OBS settings (applied at once; the show goes on)

    def start_following(self, address: str, password: str) -> None:
        """A new OBS link at `address` (replacing any): it connects in the background, then sets the show's scene."""
        self._end_follower()
        self._generation += 1
        generation = self._generation

        def relay(health: ObsHealth) -> None:  # the OBS thread; queued to the UI thread
            self._follower_health.emit(generation, health)

        self.follower = start_follower(address, password, relay)
        if self.follower is not None:
            self.follower.follow(cue_from_engine(self.controller.engine))
            self._on_health(self.follower.health())
        self._show_panel()

    def apply_settings(self, chosen: ObsSettings) -> None:
        """The dialog's settings: stored, then in effect at once (the link connects anew, starts or ends)."""
        self.obs_settings = chosen
        if self.settings is not None:
            write_obs_settings(self.settings, chosen)
        self.start_with_first_go = chosen.start_with_first_go
        address = link_address(self.cli_address, chosen)
        password = obs_password(chosen.password)
        if address is None:
            self._end_follower()
            self._on_health(ObsHealth())  # off: its problems are over (journaled as such)
            self._show_panel()
        elif self.follower is None:
            self.start_following(address, password)
        else:
            self.follower.reconnect(address, password)

    def _end_follower(self) -> None:
        if self.follower is not None:
            self._generation += 1  # whatever it still reports is dropped
            self.follower.close(timeout_s=0.0)  # its thread ends by itself: the director never waits
            self.follower = None

    def _show_panel(self) -> None:
        if self.window is not None:  # the panel lives in the director's column; without OBS it would only say so
            self.panel.setVisible(self.follower is not None)

    def show_settings(self) -> None:
        """The OBS settings dialog (not modal: the director's keys keep working while it is open)."""
        from presenter.ui.obs_settings import ObsSettingsDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        stored_in = self.settings.fileName() if self.settings is not None else ""
        self.dialog = ObsSettingsDialog(
            self.obs_settings, cli_address=self.cli_address, stored_in=stored_in, parent=self.window
        )
        self.dialog.applied.connect(self.apply_settings)
        self._on_health(self.health)  # the link's line in the dialog
        self.dialog.show()

    def status(self) -> dict[str, Any]:
        """The status file's "obs" and "graphics" entries (keys are added, never renamed)."""
        return status_entries(self.health, self.controller.snapshot())

    def close(self) -> None:
        """Disconnects from OBS; the stream and the recording go on in OBS."""
        self._tick.stop()
        if self.follower is not None:
            self.follower.close()
            self._generation += 1


def status_entries(health: ObsHealth, snapshot: ShowSnapshot) -> dict[str, Any]:
    """`"obs"`: the stream's health; `"graphics"`: what is on the stream (lower third, time left, question…)."""
    graphics = snapshot.graphics
    lower_third = graphics.lower_third if graphics is not None else None
    return {
        "obs": health.status_dict(),
        "graphics": {
            "lower_third": None if lower_third is None else lower_third.name,
            "lower_third_left_s": None if lower_third is None else lower_third.seconds_left,
            "question": graphics is not None and graphics.question is not None,
            "preshow": graphics is not None and graphics.preshow,
            "on_stream": graphics.on_stream if graphics is not None else "",
        },
    }


def wire_obs(
    controller: ShowController,
    address: str | None,
    settings_password: str | None = None,
    *,
    window: QWidget | None = None,
    problem: Callable[[str], None] | None = None,
    start_with_first_go: bool | None = None,
    settings: QSettings | None = None,
    cues: ObsCues | None = None,
) -> ObsWiring:
    """The app's one call at launch: OBS follows `controller` at `address` (--obs), else at the address stored in
    `settings` if switched on there; the password is PRESENTER_OBS_PASSWORD, else `settings_password`, else the
    stored one. The lower-third keys and the graphics line work without OBS too (the pages are browser sources).
    `cues`: made before the windows (see ObsCues)."""
    stored = read_obs_settings(settings)
    first_go = stored.start_with_first_go if start_with_first_go is None else start_with_first_go
    wiring = ObsWiring(
        controller, None, window=window, problem=problem, start_with_first_go=first_go, settings=settings,
        cli_address=address, cues=cues,
    )  # fmt: skip
    chosen = link_address(address, stored)
    if chosen is not None:
        wiring.start_following(chosen, obs_password(settings_password or stored.password))
    else:
        wiring._show_panel()
    return wiring
