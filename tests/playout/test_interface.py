"""The playout interface: both playouts implement it; its enums keep the values journals and status files use."""

from __future__ import annotations

import json

from presenter.playout.interface import EndAction, OutputState, OutputStatus, Playout
from presenter.playout.preview import STATES, PreviewState
from presenter.playout.program import END_ACTIONS, ProgramPlayout
from presenter.playout.silent import SilentPlayout
from presenter.playout.thumbnails import ThumbKind
from presenter.playout.vlc import Ev


def test_both_playouts_implement_the_interface(qtbot):
    assert isinstance(SilentPlayout(), Playout)
    for name in ("take", "arm", "go_black", "disarm", "pause", "resume", "restart", "panic", "status", "shutdown"):
        assert callable(getattr(ProgramPlayout, name))
    assert SilentPlayout().status() == OutputStatus(OutputState.IDLE, None, 0.0, None, None, None)


def test_enums_serialise_as_the_old_strings():
    assert [s.value for s in OutputState] == ["idle", "armed", "playing", "paused", "held", "black", "error"]
    assert json.dumps({"output": OutputState.HELD}) == '{"output": "held"}'
    assert END_ACTIONS == ("next", "hold", "black") and EndAction("hold") == "hold"
    assert STATES == ("empty", "loading", "paused", "playing", "ended", "stopped", "error")
    assert PreviewState.ENDED == "ended" and f"{PreviewState.ENDED}" == "ended"
    assert [k.value for k in ThumbKind] == ["frame", "missing", "broken", "no-libvlc"]
    assert Ev.CLOSED == "closed" and Ev("es_added") is Ev.ES_ADDED
