"""presenter.next_turn: once in the next turn of the event loop, however often asked."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from presenter.next_turn import NextTurn


class _Show(QObject):
    changed = Signal()


def test_many_asks_in_one_turn_are_one_call_in_the_next(qtbot):
    owner, calls = QObject(), []
    later = NextTurn(owner, lambda: calls.append(1))
    later.soon()
    later.soon()
    assert calls == []
    qtbot.waitUntil(lambda: calls == [1])
    later.soon()
    later.flush()  # now, and not again in the next turn
    later.flush()  # nothing asked: nothing done
    assert calls == [1, 1]


def test_a_signal_outliving_the_owner_is_no_call_on_a_deleted_timer(qtbot):
    """The controller outlives the remote's bridge: its `changed` must not reach the bridge's NextTurn."""
    show, owner, calls = _Show(), QObject(), []
    later = NextTurn(owner, lambda: calls.append(1))
    show.changed.connect(later.soon)
    shiboken6.delete(owner)
    show.changed.emit()  # pytest-qt fails the test on an exception in the slot
    assert calls == []
