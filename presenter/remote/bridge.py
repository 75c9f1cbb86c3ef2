"""The Qt main thread's side of the remote: every command from every transport is carried out here.

The network thread hands a job over with `submit` (a queued signal) and waits on a Future; the
UI thread never waits for the network. State is computed here (the engine is not thread-safe)
and handed to the server as finished JSON text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from presenter.remote import intents as intent_table
from presenter.remote.auth import FLOOD_LIMIT, WRONG_PIN_LIMIT, WRONG_PIN_WINDOW_S, Secrets, Throttle, same_secret
from presenter.remote.intents import IntentError, Status
from presenter.remote.state import state_dict

TICK_MS = 1000
REFUSED_JOURNAL_EVERY_S = 1.0  # a flood of wrong PINs is journaled once a second per source, with a count


class Bridge(QObject):
    """Runs commands for remotes through the controller; publishes the state on every change and every second."""

    _jobs = Signal(object)
    state_published = Signal()

    def __init__(self, controller, secrets: Secrets, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.secrets = secrets
        self.publishers: list[Callable[[str], None]] = []
        self.extra: Callable[[], dict] = dict  # more state (views connected, questions), from the owner
        self._flood = Throttle(FLOOD_LIMIT, 1.0)
        self._wrong_pins = Throttle(WRONG_PIN_LIMIT, WRONG_PIN_WINDOW_S)
        self._refused_at: dict[str, tuple[float, int]] = {}
        self._jobs.connect(self._run_job, Qt.ConnectionType.QueuedConnection)
        self._pending_publish = False
        controller.changed.connect(self._changed)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.publish)
        self._tick.start(TICK_MS)

    # ------------------------------------------------------------------ any thread

    def submit(self, job: tuple) -> Future:
        """Hand `job` to the main thread; the Future gets its answer."""
        future: Future = Future()
        self._jobs.emit((job, future))
        return future

    # ------------------------------------------------------------------ main thread

    def _run_job(self, item) -> None:
        job, future = item
        if future.cancelled():
            return
        try:
            if job[0] == "state":
                future.set_result(self.state_text())
            else:
                _, name, args, source, pin = job
                future.set_result(self.command(name, args, source, pin))
        except Exception as exc:  # never let one remote's job break the UI thread
            future.set_result((Status.REFUSED, f"internal error: {exc!r}"[:300], self.state_text()))

    def command(self, name: str, args: dict, source: str, pin) -> tuple[Status, str | None, str]:
        """Check the PIN and the flood rule, then run intent `name`: (status, error or None, state JSON)."""
        address = source.split(" ", 1)[-1]
        if self._wrong_pins.blocked(address):
            return Status.TOO_MANY, "too many wrong PINs from this address: wait a minute", self.state_text()
        if not same_secret(pin, self.secrets.pin):
            self._wrong_pins.hit(address)
            self.journal_refused(name, source, "wrong PIN" if pin else "no PIN")
            return Status.WRONG_PIN, "wrong PIN" if pin else "this command needs the PIN (pin=…)", self.state_text()
        if not self._flood.hit(source):
            return Status.TOO_MANY, f"too many commands: at most {FLOOD_LIMIT} a second", self.state_text()
        try:
            intent_table.run_intent(self.controller, name, args, source)
        except IntentError as exc:
            return exc.status, str(exc), self.state_text()
        self._flush()  # the state after this command goes out before the answer
        return Status.OK, None, self.state_text()

    def journal_refused(self, name: str, source: str, reason: str) -> None:
        now = time.monotonic()
        last, suppressed = self._refused_at.get(source, (-1e9, 0))
        if now - last < REFUSED_JOURNAL_EVERY_S:
            self._refused_at[source] = (last, suppressed + 1)
            return
        if suppressed:
            reason = f"{reason} (and {suppressed} more refused before)"
        self._refused_at[source] = (now, 0)
        self.controller.refused(name, source, reason)

    def state(self) -> dict:
        mono = self.controller.engine.clock.monotonic()
        return state_dict(
            self.controller.snapshot(), mono, {**intent_table.state_parts(self.controller), **self.extra()}
        )

    def state_text(self) -> str:
        return json.dumps(self.state(), ensure_ascii=False, separators=(",", ":"))

    def _changed(self) -> None:
        if not self._pending_publish:  # many changes in one go: one push
            self._pending_publish = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        if self._pending_publish:
            self._pending_publish = False
            self.publish()

    def publish(self) -> None:
        if not self.publishers:
            return
        text = self.state_text()
        for publish in list(self.publishers):
            publish(text)
        self.state_published.emit()

    def stop(self) -> None:
        self._tick.stop()
        self.publishers.clear()
