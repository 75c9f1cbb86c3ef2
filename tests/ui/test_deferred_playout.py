"""The program playout as the controller sees it while libVLC starts after the director is painted."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from presenter.ui.deferred_playout import DeferredPlayout


class RecordingPlayout(QObject):
    status_changed = Signal(object)
    armed = Signal(str)
    clip_started = Signal(str)
    clip_ended = Signal(str)
    clip_failed = Signal(str, str)
    clip_warning = Signal(str, str)

    def __init__(self):
        super().__init__()
        self.calls: list = []
        self.listeners: list = []

    def __getattr__(self, name):
        if name in ("take", "arm", "disarm", "go_black", "panic", "pause", "resume", "restart"):
            return lambda *a, **k: self.calls.append((name, a, k))
        raise AttributeError(name)

    def add_panic_listener(self, listener):
        self.listeners.append(listener)

    def status(self):
        return "status"

    def shutdown(self, timeout_s=3.0):
        self.calls.append(("shutdown", (), {}))
        return True


def test_commands_before_the_start_run_in_order_once_the_playout_is_there(qtbot):
    deferred = DeferredPlayout()
    deferred.arm("minimogli", "clips/a.mp4", "next", expected=None)
    deferred.go_black()
    deferred.take("minimogli", "clips/a.mp4", "next", start_at_s=12.0)
    assert deferred.status() is None
    real = RecordingPlayout()
    listener = object()
    deferred.add_panic_listener(listener)
    deferred.attach(real, None)
    assert [c[0] for c in real.calls] == ["arm", "go_black", "take"]
    assert real.calls[2][2] == {"start_at_s": 12.0}
    assert real.listeners == [listener]
    deferred.pause()
    assert real.calls[-1][0] == "pause"
    assert deferred.status() == "status"
    with qtbot.waitSignal(deferred.clip_ended) as ended:
        real.clip_ended.emit("minimogli")
    assert ended.args == ["minimogli"]
    deferred.shutdown()
    assert real.calls[-1][0] == "shutdown"


def test_without_a_playout_a_clip_taken_on_air_fails_with_the_reason(qtbot):
    deferred = DeferredPlayout()
    deferred.take("minimogli", "clips/a.mp4", "next")
    with qtbot.waitSignal(deferred.clip_failed) as failed:
        deferred.attach(None, "libVLC 3 is not installed")
    assert failed.args == ["minimogli", "libVLC 3 is not installed"]
    deferred.arm("x", "y", "hold")  # nothing to arm: no error
    assert deferred.status() is None and deferred.shutdown() is True
