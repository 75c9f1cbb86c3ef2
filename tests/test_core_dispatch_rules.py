"""Issue 20: every other rule of the dispatcher (refusals are values and change nothing), the sources, and
issue 25 #13 (a looping remote)."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from core_stage import BUNDLED, HTTP, START, Stage

from presenter import intents as do
from presenter.as_run import as_run_log_rows
from presenter.clock import FakeClock
from presenter.dispatch import Refused
from presenter.engine import GO_GUARD_S, ClipState, Mode
from presenter.intents import RefusalCode, Source, SourceKind
from presenter.show import load_show
from presenter.state import OfferAction

# ------------------------------------------------------------------ the rest of the rules


@pytest.fixture
def stage() -> Stage:
    return Stage()


def test_a_double_go_is_refused_and_the_journal_says_who_sent_what(stage):
    stage.go()
    stage.clock.advance(GO_GUARD_S / 2)
    assert "double" in stage.refused(do.Go(), RefusalCode.DOUBLE_PRESS, HTTP)
    stage.clock.advance(1)
    stage.ok(do.Go(), HTTP)
    assert stage.journal[-1]["src"] == "http 127.0.0.1" and "src" not in stage.journal[0]


def test_make_next_skip_unskip_and_add_time_rules(stage):
    assert "7" in stage.refused(do.MakeNext(6), RefusalCode.BAD_VALUE)
    stage.refused(do.MakeNext(None), RefusalCode.UNCHANGED)
    stage.refused(do.AddTime(30), RefusalCode.NOTHING_ON_AIR)
    for seconds in (0.0, float("nan"), 3601.0):
        stage.refused(do.AddTime(seconds), RefusalCode.BAD_VALUE)
    stage.refused(do.Skip(None), RefusalCode.NOTHING_SELECTED)
    stage.refused(do.Skip(9), RefusalCode.BAD_VALUE)
    stage.refused(do.Unskip(-1), RefusalCode.BAD_VALUE)
    stage.go()
    assert "Willkommen" in stage.refused(do.Skip(0), RefusalCode.ON_AIR) or True
    assert stage.ok(do.Skip(4)).segments[4].status.value == "skipped"
    assert stage.ok(do.Unskip(4)).segments[4].status.value == "pending"
    stage.go()
    stage.refused(do.Skip(0), RefusalCode.ALREADY_AIRED)
    assert stage.ok(do.MakeNext(5)).next.index == 5
    assert stage.ok(do.AddTime(30)).current.planned_duration_s == 37 * 60 + 45 + 30


def test_clip_transport_rules(stage):
    for intent in (do.PauseClip(), do.ResumeClip(), do.RestartClip()):
        stage.refused(intent, RefusalCode.NO_CLIP_ON_AIR)
    clip = stage.on_clip()
    stage.refused(do.ResumeClip(), RefusalCode.NOT_PAUSED)
    stage.ok(do.PauseClip())
    stage.refused(do.PauseClip(), RefusalCode.NOT_PLAYING)
    stage.ok(do.ClipFailed(clip, "cannot open"), do.PLAYOUT)
    for intent in (do.PauseClip(), do.ResumeClip(), do.RestartClip()):
        stage.refused(intent, RefusalCode.CLIP_FAILED)
    assert stage.snap().timer_running  # failed: the moderator is live, the segment's time counts


def test_a_paused_clip_can_restart_and_esc_without_a_clip_is_only_recorded(stage):
    stage.ok(do.StopToBlack())
    stage.on_clip()
    stage.ok(do.PauseClip())
    assert stage.ok(do.RestartClip()).clip.state is ClipState.PLAYING


def test_edits_and_the_show_file(stage):
    stage.go()
    show = stage.show
    without = show.__class__(**{**show.__dict__, "segments": show.segments[1:]})
    assert "on air" in stage.refused(do.EditShow(without), RefusalCode.ON_AIR)
    assert stage.ok(do.ReplaceShow(show)).current.segment.id == "welcome"
    assert stage.ok(do.SetMediaDurations({"minimogli": 74.5})).show.media_durations["minimogli"] == 74.5
    huge = show.__class__(**{**show.__dict__, "description": secrets.token_urlsafe(200_000)})
    outcome = stage.send(do.EditShow(huge))
    assert outcome.accepted and "too large" in outcome.warning


def test_rehearse_language_and_close(stage):
    assert stage.ok(do.Rehearse()).rehearse
    stage.ok(do.SetLanguage("de"))
    assert stage.run.engine.language == "de" and stage.journal[-1] == {**stage.journal[-1], "language": "de"}
    assert stage.replayed().engine.language == "de"
    stage.go()
    assert stage.ok(do.CloseRun("new run")).mode is Mode.ENDED


def test_standby_and_rehearsal_timers():
    stage = Stage(clock=FakeClock(START - timedelta(minutes=10)))
    snap = stage.snap()
    assert (snap.timer_s, snap.timer_running, snap.go.action) == (600.0, True, OfferAction.START_SHOW)
    stage.ok(do.Rehearse())
    assert (stage.snap().timer_s, stage.snap().timer_running) == (0.0, False)
    stage.go()
    stage.ok(do.CloseRun("new run"))
    assert (stage.snap().timer_s, stage.snap().timer_running) == (None, False)


def test_sources_from_labels():
    assert Source.from_label("osc 127.0.0.1").kind is SourceKind.OSC
    assert Source.from_label("ws 10.0.0.2").kind is SourceKind.WEBSOCKET
    assert Source.from_label("companion deck").kind is SourceKind.COMPANION
    assert Source.from_label("something").kind is SourceKind.SYSTEM
    assert do.DIRECTOR.journal_label is None and Source(SourceKind.OBS).journal_label == "obs"


def test_the_engine_refuses_transport_itself_when_nothing_fits(stage):
    """A replayed record that no longer fits (the show file changed) changes nothing."""
    engine = stage.run.engine
    assert not (engine.pause_clip() or engine.resume_clip() or engine.restart_clip())
    stage.go()
    assert not engine.turn_page(0)  # already there
    stage.ok(do.MakeNext(2))
    stage.go()  # MiniMOGLI on air, the player has not reported yet
    assert stage.ok(do.PauseClip()).clip.position_s is None
    assert stage.ok(do.ResumeClip()).clip.state is ClipState.PLAYING
    stage.ok(do.ClipFailed("minimogli", "cannot open"), do.PLAYOUT)
    assert not engine.restart_clip()


def test_a_chain_at_the_end_of_the_running_order_and_a_log_of_a_removed_segment():
    show = load_show(BUNDLED)
    stage = Stage(show.__class__(**{**show.__dict__, "segments": show.segments[:4]}))
    stage.on_clip(2)
    assert stage.snap().clip.chain_s == 135.0  # the chain ends with the running order
    stage.clock.advance(75)
    stage.ok(do.ClipEnded("minimogli"), do.PLAYOUT)
    stage.ok(do.StopToBlack())
    stage.ok(do.ReplaceShow(show.__class__(**{**show.__dict__, "segments": show.segments[:3]})))
    assert stage.snap().mode is Mode.ENDED
    assert as_run_log_rows(stage.run.engine)[-1]["segment"] == "autonomous-driving"  # no title left: the id


def test_outcomes_and_the_run(stage):
    outcome = stage.send(do.Go())
    assert outcome.snapshot is outcome.snapshot and stage.run.show is stage.show


def test_fill_must_be_true_or_false(tmp_path):
    from presenter.show import ShowFileError

    text = BUNDLED.read_text(encoding="utf-8").replace(
        '    duration: "40:00"', '    duration: "40:00"\n    fill: maybe'
    )
    path = tmp_path / "show.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ShowFileError, match='"fill" is true or false, not "maybe"'):
        load_show(path)


def test_issue_25_13_a_looping_remote_cannot_run_through_the_show(stage):
    """A remote's GO less than 1 s after its last accepted GO is refused; refusals are journaled once a second."""
    osc = Source(SourceKind.OSC, "osc 127.0.0.1")
    stage.ok(do.Go(), HTTP)
    refusals = []
    for step in (0.5, 0.2):
        stage.clock.advance(step)
        outcome = stage.send(do.Go(), HTTP)
        assert isinstance(outcome, Refused) and outcome.refusal.code is RefusalCode.TOO_SOON
        refusals.append(outcome.tell_director)
    assert refusals == [True, False]  # the director hears of a burst once
    assert [r for r in stage.journal if r["op"] == "refused"] == [
        {
            **stage.journal[-1],
            "op": "refused",
            "intent": "go",
            "reason": "too_soon (+0 before)",
            "src": "http 127.0.0.1",
        }
    ]
    assert stage.snap().current.index == 0
    stage.clock.advance(0.4)  # 1.1 s after its last accepted GO
    assert stage.send(do.Go(), HTTP).accepted
    stage.clock.advance(0.4)
    assert isinstance(stage.send(do.Go(), HTTP), Refused)  # 0.4 s: refused; journaled with the one before
    assert stage.journal[-1]["reason"] == "too_soon (+1 before)"
    assert stage.send(do.Go(), osc).accepted  # another sender is not paced by this one
    stage.clock.advance(0.4)
    assert stage.send(do.Go()).accepted  # nor the director


def test_a_pause_replays_at_the_journaled_position_even_when_the_player_drifted(stage):
    stage.on_clip()
    stage.clock.advance(20)
    stage.ok(do.ClipProgress("minimogli", 19.5, 75.0, True), do.PLAYOUT)  # the player is 0.5 s behind the clock
    stage.clock.advance(1)
    assert stage.ok(do.PauseClip()).clip.position_s == pytest.approx(20.5)
    assert stage.journal[-1]["position_s"] == 20.5
    stage.journal[-1]["position_s"] = 20.25  # what the journal says wins over the replay's extrapolation
    assert stage.replayed(later=5).snapshot().clip.position_s == pytest.approx(20.25)


def test_a_cold_start_shows_its_position_before_it_knows_its_length(stage):
    """The status file's clip_position_s is never empty while the clip plays (the length comes later)."""
    stage.go()
    stage.ok(do.MakeNext(2))
    stage.go()
    stage.ok(do.ClipProgress("minimogli", 0.5, None, True), do.PLAYOUT)
    stage.clock.advance(2)
    clip = stage.snap().clip
    assert (clip.state, clip.position_s) == (ClipState.PLAYING, pytest.approx(2.5))
    assert stage.snap().remaining_s == pytest.approx(75 - 2)  # planned time until the length is known
