"""The controller between the engine and the playout: which clip is taken and which is armed."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.controller import ShowController
from presenter.engine import GO_GUARD_S, ShowEngine
from presenter.playout.silent import SilentPlayout
from presenter.show import load_show

ROOT = Path(__file__).resolve().parent.parent


class RecordingPlayout(SilentPlayout):
    def __init__(self):
        super().__init__()
        self.calls: list[tuple] = []

    def arm(self, segment_id, path, end_action, *, expected=None) -> None:
        self.calls.append(("arm", segment_id))

    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        self.calls.append(("take", segment_id))

    def disarm(self) -> None:
        self.calls.append(("disarm",))

    def go_black(self) -> None:
        self.calls.append(("black",))


@pytest.fixture
def clip_first_show(tmp_path):
    path = tmp_path / "opener.yaml"
    clip = ROOT / "assets" / "clips" / "minimogli.mp4"
    path.write_text(
        'version: 1\ntitle: Opener\ndate: 2021-01-19\nstart: "20:00"\nend: "20:30"\nsegments:\n'
        f'  - {{id: opener, title: Trailer, kind: clip, clip: "{clip}", end_action: next}}\n'
        '  - {id: talk, title: Gespräch, kind: live, duration: "20:00"}\n',
        encoding="utf-8",
    )
    return load_show(path)


def test_another_show_arms_its_own_first_clip(qtbot, bundled_show, fake_clock, clip_first_show):
    playout = RecordingPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    controller.go()
    fake_clock.advance(GO_GUARD_S + 0.1)
    controller.go()  # discussion on air: MiniMOGLI armed
    assert playout.calls[-1] == ("arm", "minimogli")
    playout.calls.clear()
    controller.start_new_run(engine=ShowEngine(clip_first_show, fake_clock))
    assert playout.calls == [("black",), ("arm", "opener")]
    fake_clock.advance(GO_GUARD_S + 0.1)
    controller.go()
    assert playout.calls[-1] == ("take", "opener")


def test_a_clip_armed_for_a_segment_no_longer_next_is_released(qtbot, bundled_show, fake_clock):
    playout = RecordingPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    controller.go()
    fake_clock.advance(GO_GUARD_S + 0.1)
    controller.go()
    assert playout.calls[-1] == ("arm", "minimogli")
    controller.jump(4)  # questions: the closing (live) is next
    assert playout.calls[-1] == ("disarm",)
    controller.start_new_run()  # standby: the welcome (live) is next
    assert ("arm", "minimogli") not in playout.calls[-2:]
