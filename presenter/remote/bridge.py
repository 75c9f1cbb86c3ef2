"""The Qt main thread's side of the remote: every command from every transport is carried out here.

The network thread hands a job over with `submit` (a queued signal) and waits on a Future; the
UI thread never waits for the network. State is computed here (the engine is not thread-safe)
and handed to the server as finished JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from presenter.next_turn import NextTurn
from presenter.remote import intents as intent_table
from presenter.remote.auth import FLOOD_LIMIT, Gatekeeper, Secrets, Throttle, address_of
from presenter.remote.intents import IntentError, Status
from presenter.remote.ontime_commands import Answer, OntimeCommands
from presenter.remote.ontime_data import CUSTOM_FIELDS, events, rundown, runtime_store, runtime_v3
from presenter.remote.state import questions_page, state_dict

if TYPE_CHECKING:
    from presenter.controller import ShowController

TICK_MS = 1000
SUMMARY_EVERY_MS = 60_000  # refused attempts: the first at once, the rest as one line a minute
MAX_COUNTED_ADDRESSES = 10_000


class Bridge(QObject):
    """Runs commands for remotes through the controller; publishes the state on every change and every second."""

    _jobs = Signal(object)
    state_published = Signal()
    refusals = Signal(int, int, int)  # attempts refused, from how many addresses, in how many seconds
    _refused = Signal(str, str, str)  # from the gate, in any thread: (intent, source, reason)

    def __init__(self, controller: ShowController, secrets: Secrets, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.secrets = secrets
        self.publishers: list[Callable[[str], None]] = []
        # Ontime clients' runtime data, rendered only while one is connected (wanted() says so)
        self.ontime_publishers: list[tuple[Callable[[], bool], Callable[[dict[str, Any]], None]]] = []
        self.ontime = OntimeCommands(self)
        self.extra: Callable[[], dict[str, object]] = dict  # more state (views connected, questions), from the owner
        self._flood = Throttle(FLOOD_LIMIT, 1.0)
        self.gate = Gatekeeper(secrets, controller.engine.clock.monotonic, self._refused.emit)
        self.summary_every_ms = SUMMARY_EVERY_MS
        self._refused_count = 0
        self._refused_from: set[str] = set()
        self._summary = QTimer(self)
        self._summary.setSingleShot(True)
        self._summary.timeout.connect(self._journal_summary)
        self._jobs.connect(self._run_job, Qt.ConnectionType.QueuedConnection)
        self._refused.connect(self.note_refused, Qt.ConnectionType.QueuedConnection)
        # Many changes in one go: one push. A timer, not a queued call: it runs after the windows' repaint
        # of the change and after input, so the push never lengthens the GO's own turn (issue 25's UI stall).
        self._publish_soon = NextTurn(self, self.publish)
        controller.changed.connect(self._publish_soon.soon)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.publish)
        self._tick.start(TICK_MS)

    # ------------------------------------------------------------------ any thread

    def submit(self, job: tuple[Any, ...]) -> Future[Any]:
        """Hand `job` to the main thread; the Future gets its answer."""
        future: Future[Any] = Future()
        self._jobs.emit((job, future))
        return future

    # ------------------------------------------------------------------ main thread

    def _run_job(self, item: tuple[tuple[Any, ...], Future[Any]]) -> None:
        job, future = item
        if future.cancelled():
            return
        try:
            if job[0] == "state":
                future.set_result(self.state_text())
            elif job[0] == "questions":
                future.set_result(self.questions_text(*job[1:]))
            elif job[0] == "ontime":
                future.set_result(self.ontime.run(*job[1:]))
            elif job[0] == "ontime_data":
                future.set_result(self.ontime_data(job[1]))
            elif job[0] == "ontime_publish":
                self.publish_ontime()
                future.set_result(None)
            else:
                _, name, args, source, pin, authenticated = job
                future.set_result(self.command(name, args, source, pin, authenticated))
        except Exception as exc:  # never let one remote's job break the UI thread
            text = f"internal error: {exc!r}"[:300]
            if job[0] == "ontime":
                future.set_result(Answer(Status.REFUSED, error=text))
            else:
                future.set_result((Status.REFUSED, text, self.state_text()))

    def command(
        self, name: str, args: dict[str, Any], source: str, pin: str | None, authenticated: bool = False
    ) -> tuple[Status, str | None, str]:
        """Check the PIN (unless the session proved it) and the flood rule, then run intent `name`:
        (status, error or None, state JSON)."""
        if not authenticated:
            refusal = self.gate.pin_refusal(pin, source, name)
            if refusal is not None:
                return Status(refusal[0]), refusal[1], self.state_text()
        if not self._flood.hit(source):
            return Status.TOO_MANY, f"too many commands: at most {FLOOD_LIMIT} a second", self.state_text()
        try:
            intent_table.run_intent(self.controller, name, args, source)
        except IntentError as exc:
            return exc.status, str(exc), self.state_text()
        self._publish_soon.flush()  # the state after this command goes out before the answer
        return Status.OK, None, self.state_text()

    def note_refused(self, name: str, source: str, reason: str) -> None:
        """The first refusal after a quiet spell is journaled at once, in full; the rest as one line a minute."""
        if self._summary.isActive():
            self._refused_count += 1
            if len(self._refused_from) < MAX_COUNTED_ADDRESSES:
                self._refused_from.add(address_of(source))
            return
        self.controller.refused(name, source, reason)
        self.refusals.emit(1, 1, 0)
        self._summary.start(self.summary_every_ms)

    def _journal_summary(self) -> None:
        count, addresses = self._refused_count, len(self._refused_from)
        if not count:
            return  # a quiet spell: the next refusal is journaled at once again
        seconds = round(self.summary_every_ms / 1000)
        reason = f"{count} refused attempts from {addresses} address(es) in the last {seconds} s"
        self.controller.refused("remote", "remote", reason + " (wrong PIN or key, or a sender not allowed)")
        self.refusals.emit(count, addresses, seconds)
        self._refused_count, self._refused_from = 0, set()
        self._summary.start(self.summary_every_ms)

    def questions_text(self, start: int, count: int) -> str:
        """One page of the question list, for a PIN holder who asked for it."""
        page = questions_page(intent_table.state_parts(self.controller).get("questions_list"), start, count)
        return json.dumps(page, ensure_ascii=False, separators=(",", ":"))

    def state(self) -> dict[str, Any]:
        mono = self.controller.engine.clock.monotonic()
        return state_dict(self.controller.snapshot(), mono, {**_questions_summary(self.controller), **self.extra()})

    def state_text(self) -> str:
        return json.dumps(self.state(), ensure_ascii=False, separators=(",", ":"))

    def ontime_data(self, which: str) -> str:
        """Ontime's data routes: the running order (v4 rundown, v3 event list) and the custom fields."""
        snapshot = self.controller.snapshot()
        routes: dict[str, Callable[[], object]] = {
            "rundowns/current": lambda: rundown(snapshot),
            "rundown": lambda: events(snapshot),
            "custom-fields": lambda: CUSTOM_FIELDS,
        }
        data = routes[which]()
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def ontime_texts(self) -> dict[str, Any]:
        """Ontime's pushed runtime data (v4 and v3 forms) and the rundown's revision, from the one snapshot."""
        snapshot = self.controller.snapshot()
        store = runtime_store(snapshot, self.ontime.draft)
        main, runtime = runtime_v3(snapshot, self.ontime.draft)
        compact: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
        return {
            "v4": json.dumps({"tag": "runtime-data", "payload": store}, **compact),
            "v3": [
                json.dumps({"type": "ontime", "payload": main}, **compact),
                json.dumps({"type": "ontime-runtime", "payload": runtime}, **compact),
            ],
            "revision": rundown(snapshot)["revision"],
        }

    def publish_ontime(self) -> None:
        wanted = [publish for wants, publish in list(self.ontime_publishers) if wants()]
        if wanted:
            texts = self.ontime_texts()
            for publish in wanted:
                publish(texts)

    def publish(self) -> None:
        if not self.publishers:
            return
        text = self.state_text()
        for publish in list(self.publishers):
            publish(text)
        self.publish_ontime()
        self.state_published.emit()

    def stop(self) -> None:
        self.gate.stop_reporting()  # the network thread may still be answering: never into a deleted object
        self._tick.stop()
        self._summary.stop()
        self.publishers.clear()
        self.ontime_publishers.clear()


def _questions_summary(controller: ShowController) -> dict[str, Any]:
    """What everyone may know about the question list: that it changed (PIN holders then ask for it)."""
    queue = getattr(controller, "questions", None) if intent_table.has_question_intents() else None
    return {} if queue is None else {"questions_revision": getattr(queue, "revision", 0)}
