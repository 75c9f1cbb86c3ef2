"""Journals of the GO-only rule replay to the same state; journals written before it keep their meaning.

Old journals (before jump and back only cued) have "jump" (on air at once), "back" (undo the last GO
whenever) and "skip" of the segment on air (it ended as skipped, GO followed): they replay as they
happened then. New ops: "cue", "undo_go", "rehearse".
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from presenter.clock import FakeClock
from presenter.run.engine import EndReason, Mode, SegmentStatus, ShowEngine

START = datetime(2021, 1, 19, 17, 30)


def wall(seconds: float) -> str:
    return (START + timedelta(seconds=seconds)).isoformat()


def replayed(show, records, at: float) -> ShowEngine:
    engine = ShowEngine(show, FakeClock(START + timedelta(seconds=at), monotonic=5000.0))
    assert engine.replay(records) == []
    return engine


def statuses(engine: ShowEngine) -> list[str]:
    return [str(run.status) for run in engine.runs]


def test_cues_undo_and_rehearse_replay_to_the_same_state(bundled_show):
    clock = FakeClock(START)
    engine = ShowEngine(bundled_show, clock)
    written: list[dict] = []
    engine.journal = written.append
    engine.rehearse_from_now()
    steps = [
        lambda: engine.go(),
        lambda: clock.advance(60),
        lambda: engine.jump(4),
        lambda: clock.advance(5),
        lambda: engine.go(),
        lambda: clock.advance(3),
        lambda: engine.back(),  # undo: the welcome back, questions cued again
        lambda: clock.advance(20),
        lambda: engine.back(),  # later: the cue steps back from the questions to the segment before
        lambda: engine.jump(2),
        lambda: engine.skip(3),
        lambda: engine.go(),
    ]
    for step in steps:
        step()
    clock.advance(7)
    engine.heartbeat()
    ops = [record["op"] for record in written]
    assert ops == ["rehearse", "go", "cue", "go", "undo_go", "cue", "cue", "skip", "go", "alive"]
    again = replayed(bundled_show, written, 60 + 5 + 3 + 20 + 7)
    live, other = engine.snapshot(), again.snapshot()
    assert statuses(again) == statuses(engine) == ["done", "pending", "on air", "skipped", "pending", "pending"]
    assert other.current.segment.id == live.current.segment.id == "minimogli"
    assert other.rehearse and other.show_started == live.show_started == START
    assert other.segments[0].actual_duration_s == pytest.approx(live.segments[0].actual_duration_s)
    assert [(a.segment.id, a.end_reason) for a in again.airings] == [
        (a.segment.id, a.end_reason) for a in engine.airings
    ]
    assert again.airings[1].end_reason is EndReason.UNDONE


def test_a_cue_record_without_a_segment_clears_the_cue(bundled_show):
    records = [
        {"op": "go", "wall": wall(0)},
        {"op": "cue", "wall": wall(1), "segment": "questions"},
        {"op": "cue", "wall": wall(2), "segment": None},
    ]
    engine = replayed(bundled_show, records, 3)
    assert engine.cue is None and engine.snapshot().next.segment.id == "discussion"


@pytest.mark.parametrize(
    ("records", "problem"),
    [
        ([{"op": "undo_go", "wall": wall(1)}], "there is no GO to take back"),
        ([{"op": "cue", "wall": wall(1), "segment": "nowhere"}], "no segment 'nowhere'"),
        ([{"op": "cue", "wall": wall(1), "segment": 5}], "segment is not text"),
    ],
)
def test_damaged_new_records_are_ignored_with_a_warning(bundled_show, records, problem):
    engine = ShowEngine(bundled_show, FakeClock(START))
    warnings = engine.replay(records)
    assert len(warnings) == 1 and problem in warnings[0]
    assert engine.mode is Mode.STANDBY


def test_an_old_journals_jump_put_the_segment_on_air_at_once(bundled_show):
    records = [
        {"op": "go", "wall": wall(0)},
        {"op": "jump", "wall": wall(60), "segment": "questions"},
        {"op": "jump", "wall": wall(70), "segment": "questions"},  # the one on air: nothing
        {"op": "jump", "wall": wall(80), "segment": "welcome"},
    ]
    engine = replayed(bundled_show, records, 90)
    assert engine.snapshot().current.segment.id == "welcome"
    assert engine.elapsed(0) == pytest.approx(70)  # its timer continued
    assert engine.runs[4].end_reason is EndReason.JUMP and engine.runs[4].status is SegmentStatus.DONE
    from_standby = replayed(bundled_show, [{"op": "jump", "wall": wall(0), "segment": "discussion"}], 1)
    assert from_standby.mode is Mode.ON_AIR and from_standby.show_started == START


def test_an_old_journals_back_undid_the_last_go_whenever_it_came(bundled_show):
    records = [
        {"op": "go", "wall": wall(0)},
        {"op": "go", "wall": wall(100)},
        {"op": "back", "wall": wall(400)},  # long after the GO: still back on air (as it was then)
    ]
    engine = replayed(bundled_show, records, 410)
    assert engine.snapshot().current.segment.id == "welcome"
    assert engine.runs[1].status is SegmentStatus.PENDING
    assert engine.airings[1].end_reason is EndReason.UNDONE
    to_standby = replayed(bundled_show, [*records, {"op": "back", "wall": wall(401)}], 402)
    assert to_standby.mode is Mode.STANDBY and to_standby.show_started is None
    in_standby = replayed(bundled_show, [{"op": "back", "wall": wall(0)}], 1)
    assert in_standby.mode is Mode.STANDBY


def test_an_old_journals_back_after_the_end(bundled_show):
    ended = [{"op": "go", "wall": wall(i)} for i in range(7)]
    engine = replayed(bundled_show, [*ended, {"op": "back", "wall": wall(10)}], 11)
    assert engine.mode is Mode.ON_AIR and engine.snapshot().current.segment.id == "closing"
    skipped_all = [
        *({"op": "skip", "wall": wall(0), "segment": s.id} for s in bundled_show.segments),
        {"op": "go", "wall": wall(1)},
        {"op": "back", "wall": wall(2)},
    ]
    nothing = replayed(bundled_show, skipped_all, 3)
    assert nothing.mode is Mode.ENDED


def test_an_old_journals_skip_of_the_segment_on_air_ended_it_and_go_followed(bundled_show):
    records = [
        {"op": "go", "wall": wall(0)},
        {"op": "skip", "wall": wall(40), "segment": "welcome"},
        {"op": "skip", "wall": wall(41), "segment": "questions"},
    ]
    engine = replayed(bundled_show, records, 50)
    assert engine.snapshot().current.segment.id == "discussion"
    assert engine.runs[0].status is SegmentStatus.SKIPPED and engine.runs[0].end_reason is EndReason.SKIP
    assert engine.runs[4].status is SegmentStatus.SKIPPED


def test_a_go_record_after_the_end_airs_a_cued_segment_and_is_ignored_without_one(bundled_show):
    ended = [{"op": "go", "wall": wall(i)} for i in range(7)]
    engine = replayed(bundled_show, [*ended, {"op": "go", "wall": wall(8)}], 9)
    assert engine.mode is Mode.ENDED
    cued = [*ended, {"op": "cue", "wall": wall(8), "segment": "questions"}, {"op": "go", "wall": wall(9)}]
    engine = replayed(bundled_show, cued, 10)
    assert engine.mode is Mode.ON_AIR and engine.snapshot().current.segment.id == "questions"


def test_an_engine_built_to_rehearse_journals_it_once(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START), rehearse=True)
    written: list[dict] = []
    engine.journal = written.append
    engine.journal = written.append  # attached again (a resume): not written twice
    assert [record["op"] for record in written] == ["rehearse"]
    engine.rehearse_from_now()
    assert len(written) == 1
    again = ShowEngine(bundled_show, FakeClock(START))
    assert again.replay(written) == [] and again.rehearse
    again.journal = written.append
    assert len(written) == 1  # the replayed record is in the journal already


def test_an_edit_is_journaled_with_its_base_and_replays_to_the_edited_running_order(bundled_show):
    from dataclasses import replace

    clock = FakeClock(START)
    engine = ShowEngine(bundled_show, clock)
    written: list[dict] = []
    engine.journal = written.append
    engine.go()
    shorter = replace(bundled_show, segments=bundled_show.segments[:-1])
    assert engine.edit_show(shorter)
    assert [record["op"] for record in written] == ["go", "edit"]
    assert "base" in written[1] or "base_z" in written[1]  # the running order the GO was made on
    clock.advance(5)
    again = replayed(bundled_show, written, 5)
    assert [s.id for s in again.show.segments] == [s.id for s in shorter.segments]
    assert again.snapshot().current.segment.id == "welcome"


def test_question_records_are_kept_for_the_question_queue(bundled_show):
    record = {"op": "question_add", "wall": wall(1), "id": "q1", "text": "Wann?"}
    engine = replayed(bundled_show, [{"op": "go", "wall": wall(0)}, record], 2)
    assert engine.question_records == [record]


def test_a_damaged_base_of_the_first_edit_is_a_warning_and_the_file_is_the_base(bundled_show):
    engine = ShowEngine(bundled_show, FakeClock(START + timedelta(seconds=3), monotonic=5000.0))
    warnings = engine.replay(
        [
            {"op": "go", "wall": wall(0), "mono": 1.0},
            {"op": "edit", "wall": wall(1), "mono": 2.0, "base": {"title": "x"}, "show": {"title": "x"}, "_line": 3},
        ]
    )
    assert len(warnings) == 2 and all("journal line 3 (edit) is ignored" in w for w in warnings)
    assert engine.snapshot().current.segment.id == "welcome"


def test_a_refused_remote_command_replays_without_a_warning_and_changes_nothing(bundled_show):
    """A remote command refused (wrong PIN…) is journaled for the record only."""
    go = {"op": "go", "wall": wall(0)}
    refused = {"op": "refused", "wall": wall(1), "intent": "go", "src": "http 127.0.0.1", "reason": "wrong PIN"}
    engine = replayed(bundled_show, [go, refused], 2)
    assert engine.snapshot().current.segment.id == "welcome" and engine.question_records == []
