"""Edits of the running order: the loader's rules and messages, undo/redo, the show lock, live edits and replay."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.playout.silent import SilentPlayout
from presenter.run.engine import GO_GUARD_S, Mode, ShowEngine
from presenter.run.journal import StateDir, read_journal
from presenter.run.runs import find_resumable
from presenter.show import ShowFileError, load_show, parse_show
from presenter.show.editing import (
    EditError,
    EditSession,
    ShowLock,
    add_segment,
    delete_segment,
    duplicate_segment,
    journal_fields,
    move_segment,
    show_document,
    show_from_document,
    show_from_record,
    update_segment,
    update_show,
)

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2021, 1, 19, 17, 29, 58)


@pytest.fixture
def show_copy(tmp_path):
    """The Smart RLP show and its clips in a folder of the test's own."""
    folder = tmp_path / "show"
    shutil.copytree(ROOT / "assets", folder)
    return folder / "smart-rlp.yaml"


def ids(show) -> list[str]:
    return [segment.id for segment in show.segments]


# ------------------------------------------------------------------------------------------- the model


def test_the_document_reads_back_as_the_same_show(bundled_show):
    again = show_from_document(show_document(bundled_show), bundled_show.path)
    assert show_document(again) == show_document(bundled_show)
    assert show_document(bundled_show)["segments"][2]["clip"] == "clips/minimogli.mp4"


def test_add_duplicate_delete_move(bundled_show):
    added, index = add_segment(bundled_show, 1)
    assert index == 2 and ids(added)[2] == "new-segment" and added.segments[2].duration_s == 300
    again, _ = add_segment(added, 1)
    assert ids(again)[2] == "new-segment-2"
    copy, index = duplicate_segment(bundled_show, 0)
    assert ids(copy)[:2] == ["welcome", "welcome-2"] and copy.segments[1].title == "Begrüßung"
    assert ids(delete_segment(bundled_show, 5)) == ids(bundled_show)[:5]
    assert ids(move_segment(bundled_show, 5, 0))[0] == "closing"


@pytest.mark.parametrize(
    ("field", "value", "line"),
    [
        ("duration", "5 Min", 'duration: "5 Min"'),
        ("duration", "-1:00", 'duration: "-1:00"'),
        ("duration", "0:00", 'duration: "0:00"'),
        ("kind", "video", "kind: video"),
        ("end_action", "loop", "end_action: loop"),
        ("id", "a b", 'id: "a b"'),
        ("warning", "99:99", 'warning: "99:99"'),
    ],
)
def test_a_bad_value_is_refused_with_the_loaders_message(bundled_show, tmp_path, field, value, line):
    index = 2  # the MiniMOGLI clip: every field applies
    with pytest.raises(EditError) as edit_error:
        update_segment(bundled_show, index, {field: value})
    text = (ROOT / "assets" / "smart-rlp.yaml").read_text(encoding="utf-8")
    key = f"    {field}:"
    lines = text.splitlines()
    start = next(n for n, row in enumerate(lines) if row.strip() == "- id: minimogli")
    if field == "id":
        lines[start] = f"  - {line}"
    else:
        found = [n for n in range(start, start + 9) if lines[n].startswith(key)]
        if found:
            lines[found[0]] = f"    {line}"
        else:
            lines.insert(start + 1, f"    {line}")
    with pytest.raises(ShowFileError) as file_error:
        parse_show("\n".join(lines).encode(), tmp_path / "show.yaml")
    assert str(edit_error.value) == file_error.value.message


def test_rules_across_fields_are_the_loaders(bundled_show):
    with pytest.raises(EditError, match=r'segment 1 has a "clip" but its kind is "live"; use kind: clip'):
        update_segment(bundled_show, 0, {"clip": "clips/minimogli.mp4"})
    with pytest.raises(EditError, match=r'is a clip segment without "clip"'):
        update_segment(bundled_show, 0, {"kind": "clip"})
    with pytest.raises(EditError, match=r'is live and has no "duration"'):
        update_segment(bundled_show, 0, {"duration": ""})
    with pytest.raises(EditError, match=r"segment 2: danger is longer than warning"):
        update_segment(bundled_show, 1, {"danger": "6:00"})
    with pytest.raises(EditError, match=r'duplicate segment id "welcome"'):
        update_segment(bundled_show, 1, {"id": "welcome"})
    with pytest.raises(EditError, match=r'end "17:00" is not after start "17:30"'):
        update_show(bundled_show, {"end": "17:00"})
    with pytest.raises(EditError, match=r'"date" is empty|has no "date"'):
        update_show(bundled_show, {"date": ""})
    with pytest.raises(EditError, match=r'"segments" is empty'):
        show = bundled_show
        for _ in range(6):
            show = delete_segment(show, 0)
    with pytest.raises(EditError, match=r"control character U\+0007"):
        update_segment(bundled_show, 0, {"title": "Begr\aüßung"})


def test_texts_the_yaml_file_could_not_hold_are_kept_exactly(bundled_show):
    tricky = 'Fragen # im Chat: "ja" – nein'
    edited = update_segment(bundled_show, 0, {"title": tricky, "talking_points": ["a: b", " #c "], "notes": ""})
    assert edited.segments[0].title == tricky
    assert edited.segments[0].talking_points == ("a: b", "#c")
    assert edited.segments[0].notes == ""


def test_a_kind_changed_to_live_drops_the_clip(bundled_show):
    live = update_segment(bundled_show, 2, {"kind": "live"})
    assert live.segments[2].clip is None and live.segments[2].duration_s == 75
    back = update_segment(live, 2, {"kind": "clip", "clip": "clips/minimogli.mp4", "end_action": "hold"})
    assert back.segments[2].clip == bundled_show.segments[2].clip and back.segments[2].end_action == "hold"


def test_show_fields(bundled_show):
    edited = update_show(bundled_show, {"title": "Smart RLP 2", "start": "17:15", "warning": "3:00"})
    assert (edited.title, f"{edited.start:%H:%M}", edited.warning_s) == ("Smart RLP 2", "17:15", 180)
    with pytest.raises(EditError, match='start "25:00" is not a time of day HH:MM'):
        update_show(bundled_show, {"start": "25:00"})


def test_journaled_documents_are_compressed_when_large_and_checked_when_read(bundled_show):
    big = bundled_show
    for number in range(300):
        big, _ = add_segment(big, None, {"title": f"Beitrag {number}", "notes": "x" * 100})
    fields = journal_fields(show_document(big))
    assert "show_z" in fields and len(fields["show_z"]) < 40_000
    assert ids(show_from_record(fields, bundled_show.path)) == ids(big)
    with pytest.raises(ValueError, match="damaged"):
        show_from_record({"show_z": "not base64!"}, bundled_show.path)
    with pytest.raises(ValueError, match="not a running order"):
        show_from_record({"show": [1, 2]}, bundled_show.path)
    with pytest.raises(ValueError, match='warning "x" is not m:ss'):
        show_from_record({"show": {**show_document(bundled_show), "warning": "x"}}, bundled_show.path)


# ------------------------------------------------------------------------------------------- undo, redo, lock


def session_on(show):
    state = {"show": show}

    def apply(new):
        state["show"] = new
        return None

    return EditSession(current=lambda: state["show"], apply=apply), state


@pytest.mark.parametrize(
    "change",
    [
        lambda s: add_segment(s, 0),
        lambda s: duplicate_segment(s, 1),
        lambda s: delete_segment(s, 3),
        lambda s: move_segment(s, 0, 2),
        lambda s: update_segment(s, 1, {"title": "Neu", "duration": "10:00"}),
        lambda s: update_show(s, {"title": "Anders"}),
    ],
)
def test_every_edit_undoes_and_redoes(bundled_show, change):
    session, state = session_on(bundled_show)
    session.do("edit", change)
    after = show_document(state["show"])
    assert after != show_document(bundled_show) and session.dirty
    session.undo()
    assert show_document(state["show"]) == show_document(bundled_show) and not session.dirty
    session.redo()
    assert show_document(state["show"]) == after
    assert session.redo() is None


def test_a_new_edit_clears_redo_and_a_refused_edit_changes_nothing(bundled_show):
    session, state = session_on(bundled_show)
    session.do("a", lambda s: update_show(s, {"title": "A"}))
    session.undo()
    session.do("b", lambda s: update_show(s, {"title": "B"}))
    assert session.redo() is None and state["show"].title == "B"
    with pytest.raises(EditError):
        session.do("bad", lambda s: update_segment(s, 0, {"duration": "x"}))
    assert state["show"].title == "B" and len(session.undo_stack) == 1


def test_the_lock_closes_at_the_first_go_and_opens_with_one_click(bundled_show):
    session, state = session_on(bundled_show)
    lock = session.lock
    assert not lock.observe(False) and not lock.locked
    assert lock.observe(True) and lock.locked
    with pytest.raises(EditError, match="locked"):
        session.do("x", lambda s: update_show(s, {"title": "X"}))
    with pytest.raises(EditError, match="locked"):
        session.undo()
    lock.toggle()  # one click
    assert not lock.observe(True)  # stays open during this run
    session.do("x", lambda s: update_show(s, {"title": "X"}))
    assert state["show"].title == "X"
    lock.observe(False)  # back to standby (a new run)
    assert lock.observe(True) and lock.locked
    assert not ShowLock(lock_on_air=False).observe(True)


# ------------------------------------------------------------------------------------------- live


class RecordingPlayout(SilentPlayout):
    def __init__(self):
        super().__init__()
        self.calls: list[tuple] = []

    def arm(self, segment_id, path, end_action, *, expected=None) -> None:
        self.calls.append(("arm", segment_id, Path(path).name))

    def take(self, segment_id, path, end_action, *, start_at_s: float = 0.0) -> None:
        self.calls.append(("take", segment_id))

    def disarm(self) -> None:
        self.calls.append(("disarm",))

    def go_black(self) -> None:
        self.calls.append(("black",))


def live_session(controller):
    return EditSession(current=lambda: controller.show, apply=controller.edits.apply_edit)


def on_air_at_discussion(show, clock, playout):
    controller = ShowController(show, clock=clock, playout=playout)
    controller.go()
    clock.advance(GO_GUARD_S + 0.1)
    controller.go()
    clock.advance(123.456)
    return controller


@pytest.mark.parametrize(
    "change",
    [
        lambda s: add_segment(s, 1),
        lambda s: duplicate_segment(s, 1),
        lambda s: delete_segment(s, 4),
        lambda s: move_segment(s, 5, 0),
        lambda s: update_segment(s, 1, {"title": "Diskussion neu", "talking_points": ["eins"]}),
        lambda s: update_show(s, {"title": "Anders", "end": "19:30"}),
    ],
)
def test_on_air_every_edit_and_its_undo_keep_the_segment_on_air_and_its_elapsed(
    qtbot, bundled_show, fake_clock, change
):
    controller = on_air_at_discussion(bundled_show, fake_clock, RecordingPlayout())
    session = live_session(controller)
    elapsed = controller.snapshot().elapsed_s
    for step in (lambda: session.do("edit", change), session.undo, session.redo):
        step()
        snapshot = controller.snapshot()
        assert snapshot.mode is Mode.ON_AIR and snapshot.current.segment.id == "discussion"
        assert snapshot.elapsed_s == elapsed  # to the float: the run is the same object, the clock did not move


def test_on_air_a_new_duration_changes_only_the_time_left(qtbot, bundled_show, fake_clock):
    controller = on_air_at_discussion(bundled_show, fake_clock, RecordingPlayout())
    before = controller.snapshot()
    live_session(controller).do("d", lambda s: update_segment(s, 1, {"duration": "40:00"}))
    after = controller.snapshot()
    assert after.elapsed_s == before.elapsed_s
    assert after.remaining_s == pytest.approx(before.remaining_s + 135)
    assert after.current.actual_start == before.current.actual_start


def test_deleting_the_segment_on_air_is_refused(qtbot, bundled_show, fake_clock):
    controller = on_air_at_discussion(bundled_show, fake_clock, RecordingPlayout())
    session = live_session(controller)
    with pytest.raises(EditError, match="is on air and cannot be deleted"):
        session.do("delete", lambda s: delete_segment(s, 1))
    assert ids(controller.show) == ids(bundled_show) and not session.undo_stack
    session.do("add", lambda s: add_segment(s, 1))  # an added segment put on air cannot be undone away
    controller.jump(2)
    fake_clock.advance(0.5)
    controller.go()  # jump only cues: GO airs it
    with pytest.raises(EditError, match="cannot be deleted"):
        session.undo()
    assert controller.snapshot().current.segment.id == "new-segment"


def test_when_the_next_clip_changes_the_new_one_is_armed(qtbot, bundled_show, fake_clock):
    playout = RecordingPlayout()
    controller = on_air_at_discussion(bundled_show, fake_clock, playout)
    assert playout.calls[-1] == ("arm", "minimogli", "minimogli.mp4")
    session = live_session(controller)
    session.do("clip", lambda s: update_segment(s, 2, {"clip": "clips/autonomous-driving.mp4"}))
    assert playout.calls[-1] == ("arm", "minimogli", "autonomous-driving.mp4")
    session.undo()
    assert playout.calls[-1] == ("arm", "minimogli", "minimogli.mp4")
    session.do("move", lambda s: move_segment(s, 3, 2))  # another clip is next now
    assert playout.calls[-1] == ("arm", "autonomous-driving", "autonomous-driving.mp4")
    session.do("live", lambda s: update_segment(s, 2, {"kind": "live", "duration": "1:00"}))
    assert playout.calls[-1] == ("disarm",)
    assert controller.snapshot().current.segment.id == "discussion"


def test_in_standby_an_edit_arms_a_new_first_clip(qtbot, bundled_show, fake_clock):
    playout = RecordingPlayout()
    controller = ShowController(bundled_show, clock=fake_clock, playout=playout)
    live_session(controller).do("move", lambda s: move_segment(s, 2, 0))
    assert playout.calls[-1] == ("arm", "minimogli", "minimogli.mp4")
    assert controller.snapshot().mode is Mode.STANDBY


def test_the_changed_signal_fires_once_per_edit(qtbot, bundled_show, fake_clock):
    controller = on_air_at_discussion(bundled_show, fake_clock, RecordingPlayout())
    seen = []
    controller.changed.connect(lambda: seen.append(controller.show.title))
    live_session(controller).do("t", lambda s: update_show(s, {"title": "Neu"}))
    assert seen == ["Neu"]


# ------------------------------------------------------------------------------------------- journal and replay


def test_every_edit_is_journaled_and_replay_rebuilds_the_running_order(qtbot, show_copy, tmp_path):
    show = load_show(show_copy)
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    writer = state.new_journal(show, clock.now())
    controller = ShowController(show, clock=clock, playout=RecordingPlayout())
    controller.attach_journal(writer.append)
    controller.go()
    clock.advance(1)
    session = live_session(controller)
    session.do("move", lambda s: move_segment(s, 5, 1))  # closing right after the welcome: GO goes there now
    session.do("dur", lambda s: update_segment(s, 0, {"duration": "7:00"}))
    clock.advance(1)
    controller.go()
    clock.advance(10)
    before = controller.snapshot()
    writer.close()
    ops = [record["op"] for record in read_journal(writer.path).records]
    assert ops == ["go", "edit", "edit", "go"]
    records = read_journal(writer.path).records
    assert "base" in records[1] and "base" not in records[2]

    later = FakeClock(clock.now() + timedelta(seconds=30), monotonic=3.0)
    resumed = find_resumable(state, load_show(show_copy), later.now().date(), later)
    after = resumed.engine.snapshot()
    assert not resumed.warnings
    assert ids(resumed.engine.show) == ids(controller.show)
    assert after.current.segment.id == "closing"
    assert after.elapsed_s == pytest.approx(before.elapsed_s + 30)
    assert after.segments[0].planned_duration_s == 420


def test_replay_of_a_show_saved_after_the_edits_starts_from_the_running_order_of_then(qtbot, show_copy, tmp_path):
    """The file now has the edited order; the GOs before the edit were made on the old one (the journal's base)."""
    show = load_show(show_copy)
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    writer = state.new_journal(show, clock.now())
    controller = ShowController(show, clock=clock, playout=RecordingPlayout())
    controller.attach_journal(writer.append)
    controller.go()  # welcome
    clock.advance(1)
    controller.go()  # discussion
    clock.advance(1)
    live_session(controller).do("move", lambda s: move_segment(s, 0, 5))  # the welcome (done) to the end
    writer.close()
    from presenter.show.save import open_show_file, save_show

    save_show(open_show_file(show_copy), controller.show)
    saved = load_show(show_copy)
    assert ids(saved)[-1] == "welcome"
    later = FakeClock(clock.now() + timedelta(seconds=5), monotonic=3.0)
    resumed = find_resumable(state, saved, later.now().date(), later)
    assert resumed.engine.snapshot().current.segment.id == "discussion"
    assert resumed.engine.snapshot().segments[-1].status.value == "done"


KILLED_RUN = """
import sys, time
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from presenter.clock import FakeClock
from presenter.controller import ShowController
from presenter.show.editing import EditSession, update_segment, add_segment
from presenter.run.journal import StateDir
from presenter.show import load_show

app = QCoreApplication([])
show = load_show(sys.argv[1])
state = StateDir(Path(sys.argv[2]))
clock = FakeClock(datetime(2021, 1, 19, 17, 29, 58))
writer = state.new_journal(show, clock.now())
controller = ShowController(show, clock=clock)
controller.attach_journal(writer.append)
controller.go()
clock.advance(1)
session = EditSession(current=lambda: controller.show, apply=controller.edits.apply_edit)
session.do("title", lambda s: update_segment(s, 1, {"title": "Neue Diskussion", "duration": "30:00"}))
session.do("add", lambda s: add_segment(s, 0, {"title": "Grußwort"}))
print("edited", flush=True)
time.sleep(60)
"""


def test_after_kill_9_the_unsaved_edits_are_back(show_copy, tmp_path):
    state_dir = tmp_path / "state"
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(KILLED_RUN))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(script), str(show_copy), str(state_dir)], stdout=subprocess.PIPE, env=env, text=True
    )
    try:
        assert process.stdout.readline().strip() == "edited"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(10)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    show = load_show(show_copy)  # unchanged on disk
    assert show.segments[1].title == "Diskussion: Digitale Kommunen in Rheinland-Pfalz"
    later = FakeClock(datetime(2021, 1, 19, 17, 31), monotonic=2.0)
    resumed = find_resumable(StateDir(state_dir), show, later.now().date(), later)
    assert resumed is not None and not resumed.warnings
    edited = resumed.engine.show
    assert ids(edited)[:3] == ["welcome", "grusswort", "discussion"]
    assert edited.segments[2].title == "Neue Diskussion" and edited.segments[2].duration_s == 1800
    assert resumed.engine.snapshot().current.segment.id == "welcome"


def test_a_damaged_edit_record_is_a_warning_and_the_rest_replays(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START))
    wall = START.isoformat()
    warnings = engine.replay(
        [
            {"op": "go", "wall": wall, "mono": 1.0},
            {"op": "edit", "wall": wall, "mono": 2.0, "show": {"title": "x"}, "_line": 3},
            {"op": "edit", "wall": wall, "mono": 2.0, "show_z": "%%%", "_line": 4},
        ]
    )
    assert len(warnings) == 2 and "journal line 3 (edit) is ignored" in warnings[0]
    assert engine.snapshot().current.segment.id == "welcome" and ids(engine.show) == ids(bundled_show)
    assert json.dumps(engine.snapshot().mode.value)


def test_a_running_order_too_large_for_the_journal_is_taken_and_the_director_told_to_save(
    qtbot, bundled_show, tmp_path
):
    doc = show_document(bundled_show)
    doc["segments"] += [
        {"id": f"x{n}", "title": os.urandom(24).hex(), "duration": "1:00", "notes": os.urandom(60).hex()}
        for n in range(1500)
    ]
    huge = show_from_document(doc, bundled_show.path)
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    writer = state.new_journal(bundled_show, clock.now())
    controller = ShowController(bundled_show, clock=clock, playout=RecordingPlayout())
    controller.attach_journal(writer.append)
    problems = []
    controller.problem.connect(problems.append)
    assert controller.edits.apply_edit(huge) is None
    assert len(controller.show.segments) == 1506
    assert problems == ["This running order is too large for the crash journal: save it now (Ctrl+S)."]
    writer.close()
    contents = read_journal(writer.path)
    assert not contents.warnings and contents.records[-1] == {**contents.records[-1], "op": "edit", "too_large": True}
    warnings = ShowEngine(bundled_show, FakeClock(START)).replay(contents.records)
    assert "too large for the journal" in warnings[0]


def test_edits_made_in_standby_are_offered_back_after_a_crash(qtbot, show_copy, tmp_path):
    from presenter.run.runs import unsaved_edits

    show = load_show(show_copy)
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    writer = state.new_journal(show, clock.now())
    controller = ShowController(show, clock=clock, playout=RecordingPlayout())
    controller.attach_journal(writer.append)
    live_session(controller).do("add", lambda s: add_segment(s, 0, {"title": "Grußwort"}))
    writer.close()  # the process dies in standby: find_resumable has no run on air to resume
    assert find_resumable(state, load_show(show_copy), START.date(), FakeClock(START)) is None
    restored = unsaved_edits(state, load_show(show_copy))
    assert restored is not None and ids(restored)[:2] == ["welcome", "grusswort"]
    from presenter.show.save import open_show_file, save_show

    save_show(open_show_file(show_copy), restored)
    assert unsaved_edits(state, load_show(show_copy)) is None  # saved: nothing to offer


def test_an_edit_with_an_oversized_title_is_refused_before_anything_changes(bundled_show):
    """The editor and the remote's segment/edit meet the show file's limits (issue 25 #11)."""
    from presenter.show.editing import update_segment

    with pytest.raises(EditError, match='"title" is 300 characters long; at most 200 are allowed'):
        update_segment(bundled_show, 0, {"title": "x" * 300})
