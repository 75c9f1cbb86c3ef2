"""Issue 20 in the core: every action through one dispatcher, clip transport in the engine, one snapshot.

Each of the issue's findings 1-11 has a test here (named `test_finding_N_…`) that fails on the code before
the dispatcher; the rest covers every rule of presenter.dispatch (refusals are values, nothing changes).
"""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from core_stage import BUNDLED, HTTP, Stage

from presenter import intents as do
from presenter.as_run import as_run_log_csv, as_run_log_rows, as_run_rows
from presenter.dispatch import Dispatcher
from presenter.engine import UNDO_GO_S, ClipState, Mode, Phase
from presenter.intents import RefusalCode
from presenter.run import Run
from presenter.show import load_show
from presenter.state import Lateness, OfferAction

# ------------------------------------------------------------------ finding 1: restart after stop to black


@pytest.fixture
def stage() -> Stage:
    return Stage()


def test_finding_1_restart_after_esc_plays_from_0_and_the_end_action_fires(stage):
    clip = stage.on_clip()
    stage.clock.advance(5)
    stage.ok(do.StopToBlack())
    assert stage.snap().clip.state is ClipState.BLACK
    stage.clock.advance(3)
    snap = stage.ok(do.RestartClip())
    assert snap.clip.state is ClipState.PLAYING and snap.clip.position_s == 0.0
    assert snap.timer_running and snap.timer_s == pytest.approx(75 + 60)  # the chain: MiniMOGLI, then the next clip
    stage.clock.advance(75)
    stage.ok(do.ClipEnded(clip), do.PLAYOUT)  # end_action next fires after a restart
    assert stage.snap().current.segment.id == "autonomous-driving"
    (row,) = [r for r in as_run_rows(stage.run.engine) if r["segment"] == clip]
    assert row["clip_end"] == "ended by itself; restarted 1×"  # it aired in full after the restart
    log = [(r["what"], r["segment"], r["text"]) for r in as_run_log_rows(stage.run.engine)]
    assert log == [("stop to black (Esc)", "Clip: MiniMOGLI", ""), ("clip restarted", "Clip: MiniMOGLI", "at 0:05")]


def test_finding_1_pause_and_resume_are_engine_states_and_in_the_log(stage):
    stage.on_clip()
    stage.clock.advance(20)
    snap = stage.ok(do.PauseClip())
    assert snap.clip.state is ClipState.PAUSED and not snap.timer_running
    stage.clock.advance(30)
    assert stage.snap().clip.position_s == pytest.approx(20)
    snap = stage.ok(do.ResumeClip())
    assert snap.clip.state is ClipState.PLAYING and snap.timer_running
    stage.clock.advance(5)
    assert stage.snap().clip.position_s == pytest.approx(25)
    log = [(r["what"], r["text"]) for r in as_run_log_rows(stage.run.engine)]
    assert log == [("clip paused", "at 0:20"), ("clip resumed", "")]


# ------------------------------------------------------------------ finding 2: clip transport is journaled


def test_finding_2_a_restart_is_journaled_and_replayed_after_kill_9(stage):
    stage.on_clip(2, 30.0)
    stage.clock.advance(20)
    stage.ok(do.RestartClip())
    assert [r["op"] for r in stage.journal][-1] == "clip_restart"
    stage.clock.advance(15)
    stage.run.engine.heartbeat()
    run = stage.replayed()
    snap = run.snapshot()
    assert snap.clip.state is ClipState.PLAYING and snap.clip.position_s == pytest.approx(15)
    assert snap.current.segment.id == "minimogli"  # not "30.0, 0 s left", and the next clip is not on air


def test_finding_2_a_pause_is_replayed_paused_at_its_position(stage):
    stage.on_clip()
    stage.clock.advance(12)
    stage.ok(do.PauseClip())
    run = stage.replayed(later=40)
    snap = run.snapshot()
    assert snap.clip.state is ClipState.PAUSED and snap.clip.position_s == pytest.approx(12)
    assert not snap.timer_running
    Dispatcher(run).dispatch(do.ResumeClip())
    assert run.snapshot().clip.state is ClipState.PLAYING


def test_finding_2_restarting_a_held_clip_leaves_held(stage):
    held = stage.show.segments[2].__class__(**{**stage.show.segments[2].__dict__, "end_action": "hold"})
    stage = Stage(
        stage.show.__class__(
            **{**stage.show.__dict__, "segments": (*stage.show.segments[:2], held, *stage.show.segments[3:])}
        )
    )
    clip = stage.on_clip()
    stage.clock.advance(75)
    stage.ok(do.ClipEnded(clip), do.PLAYOUT)
    assert stage.snap().clip.state is ClipState.HELD
    assert stage.ok(do.RestartClip()).clip.state is ClipState.PLAYING
    assert stage.replayed().snapshot().clip.state is ClipState.PLAYING


# ------------------------------------------------------------------ finding 3: GO after the end


def test_finding_3_go_after_the_end_one_rule_for_every_source(stage):
    for _ in stage.show.segments:
        stage.go()
    snap = stage.go()
    assert snap.mode is Mode.ENDED
    assert (snap.go.action, snap.go.allowed, snap.go.refusal.code) == (OfferAction.NONE, False, RefusalCode.SHOW_ENDED)
    stage.clock.advance(1)
    text = stage.refused(do.Go(), RefusalCode.SHOW_ENDED, HTTP)
    assert text == snap.go.refusal.text
    snap = stage.ok(do.MakeNext(5))
    assert (snap.go.action, snap.go.allowed, snap.go.target.index) == (OfferAction.AIR, True, 5)
    assert stage.go(1).current.segment.id == "closing"  # from the remote too: the show goes on


# ------------------------------------------------------------------ finding 4: Back after the undo window


def test_finding_4_back_offers_exactly_what_it_does(stage):
    stage.refused(do.Back(), RefusalCode.NOT_STARTED)
    stage.go()
    snap = stage.go()
    assert snap.back.action is OfferAction.UNDO_GO and snap.back.target.index == 0
    assert snap.back.seconds_left == pytest.approx(UNDO_GO_S)
    stage.clock.advance(UNDO_GO_S + 1)
    snap = stage.snap()
    assert (snap.back.action, snap.back.allowed, snap.back.target.index) == (OfferAction.CUE_PREVIOUS, True, 0)
    snap = stage.ok(do.Back())
    assert snap.current.segment.id == "discussion" and snap.next.index == 0 and snap.next_cued
    assert snap.back.refusal.code is RefusalCode.NOTHING_BEFORE
    stage.refused(do.Back(), RefusalCode.NOTHING_BEFORE)


def test_back_within_the_window_after_the_first_go_returns_to_standby(stage):
    snap = stage.go()
    assert snap.back.action is OfferAction.UNDO_GO and snap.back.target is None
    assert stage.ok(do.Back()).mode is Mode.STANDBY


# ------------------------------------------------------------------ finding 5: the phase, scaled once


def test_finding_5_minus_one_minute_scales_the_thresholds_in_the_snapshot(stage):
    stage.go()
    snap = stage.ok(do.AddTime(-60))  # welcome: 4:00; the show's warning 2:00 is half of it
    assert (snap.warning_at_s, snap.danger_at_s) == (120.0, 30.0) and snap.phase is Phase.NORMAL
    snap = stage.ok(do.AddTime(-200))  # 0:40 planned in all: WRAP UP from 0:20 left, TIME from 0:10
    assert (snap.warning_at_s, snap.danger_at_s, snap.phase) == (20.0, 10.0, Phase.NORMAL)  # calm, as the moderator
    assert snap.timer_s == snap.remaining_s and snap.timer_running
    stage.clock.advance(25)
    assert stage.snap().phase is Phase.WARNING
    stage.clock.advance(10)
    assert stage.snap().phase is Phase.DANGER


def test_finding_5_a_clip_counts_its_chain_with_thresholds_scaled_to_it(stage):
    stage.on_clip()
    snap = stage.snap()
    assert snap.clip.chain_s == 135.0 and (snap.warning_at_s, snap.danger_at_s) == (67.5, 30.0)
    stage.clock.advance(70)
    assert stage.snap().phase is Phase.WARNING  # 65 s back on air: the same instant in every face


# ------------------------------------------------------------------ finding 6: a plain Esc on a clip


def test_finding_6_after_esc_the_snapshot_says_ended_and_zero(stage):
    stage.on_clip()
    stage.clock.advance(15)
    snap = stage.ok(do.StopToBlack())
    assert (snap.clip.state, snap.timer_s, snap.timer_running, snap.remaining_s) == (ClipState.BLACK, 0.0, False, 0.0)
    assert snap.clip.back_on_air_in_s == 0.0 and snap.go.action is OfferAction.AIR


# ------------------------------------------------------------------ finding 7: the whole clip chain


def test_finding_7_back_on_air_covers_the_whole_chain(stage):
    stage.on_clip()
    stage.clock.advance(40)
    clip = stage.snap().clip
    assert clip.back_on_air_in_s == pytest.approx(35 + 60) and clip.chain_s == 135.0
    assert stage.snap().timer_s == pytest.approx(95)


# ------------------------------------------------------------------ finding 8: the hard out, one truth


def test_finding_8_past_the_hard_out_never_reads_on_plan(stage):
    stage.go()
    show = stage.show
    longer = tuple(
        segment.__class__(**{**segment.__dict__, "duration_s": 75 * 60.0}) if segment.id == "questions" else segment
        for segment in show.segments
    )
    snap = stage.ok(do.EditShow(show.__class__(**{**show.__dict__, "segments": longer})))
    assert snap.hard_out_margin_s == pytest.approx(-35 * 60 - 1) and snap.lateness is Lateness.PAST_HARD_OUT
    # until when the welcome must end so that what follows (as planned) ends at the hard out
    assert snap.must_end_by == snap.hard_out - timedelta(seconds=37 * 60 + 45 + 75 + 60 + 75 * 60 + 5 * 60)
    assert stage.ok(do.AddTime(-60)).lateness is Lateness.PAST_HARD_OUT


def test_lateness_on_plan_early_and_late(stage):
    stage = Stage(stage.show.__class__(**{**stage.show.__dict__, "end": time(19, 30)}))  # half an hour to spare
    snap = stage.go(0)
    assert snap.lateness is Lateness.ON_PLAN and snap.must_end_by is None
    stage.clock.advance(30)
    assert stage.go().lateness is Lateness.EARLY
    stage.clock.advance(37 * 60 + 45 + 5 * 60)
    assert stage.snap().lateness is Lateness.LATE


def test_the_fill_segment_is_planned_back_from_the_hard_out(tmp_path):
    text = BUNDLED.read_text(encoding="utf-8").replace('    duration: "40:00"', '    duration: "40:00"\n    fill: true')
    path = tmp_path / "show.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "clips").symlink_to(BUNDLED.parent / "clips")
    stage = Stage(load_show(path))
    snap = stage.go(0)
    assert snap.fill.index == 4 and snap.fill.planned_end == snap.hard_out - timedelta(minutes=5)
    assert snap.fill.adjust_s == pytest.approx(0)
    stage.clock.advance(5 * 60 + 90)
    assert stage.snap().fill.adjust_s == pytest.approx(-90)  # the Q&A must give 1:30
    for _ in range(4):
        stage.go()
    assert stage.snap().current.segment.id == "questions" and stage.snap().fill.index == 4
    assert stage.go().fill is None  # done: nothing left to fill


# ------------------------------------------------------------------ finding 9: one message limit


def test_finding_9_one_message_limit_in_the_dispatcher(stage):
    assert stage.ok(do.SendMessage("x" * do.MESSAGE_MAX_CHARS)).message.text == "x" * 280
    assert "280" in stage.refused(do.SendMessage("x" * 281), RefusalCode.TOO_LONG, HTTP)
    snap = stage.ok(do.SendMessage("Bitte sofort abschließen", urgent=True))
    assert snap.message.urgent and not snap.message.blink
    assert stage.replayed().snapshot().message.urgent
    assert stage.ok(do.ClearMessage()).message is None


# ------------------------------------------------------------------ finding 10: the as-run is the record


def test_finding_10_the_log_escapes_formulas_and_names_titles(stage):
    stage.go()
    stage.ok(do.SendMessage('=HYPERLINK("http://x","klick")'))
    stage.ok(do.SendMessage("-2 min"))
    for _ in stage.show.segments[1:]:
        stage.go()
    stage.go()  # the end of the show
    stage.ok(do.Back())  # taken back at once
    text = as_run_log_csv(stage.run.engine)
    assert ",'=HYPERLINK(" in text.replace('"', "") and ",'-2 min\r\n" in text
    last = as_run_log_rows(stage.run.engine)[-1]
    assert (last["what"], last["segment"], last["text"]) == (
        "GO taken back",
        "Verabschiedung",
        "end of show taken back",
    )


# ------------------------------------------------------------------ finding 11: page and questions in the run


def test_finding_11_the_page_is_journaled_reset_at_go_and_replayed(stage):
    stage.refused(do.TurnPage(0), RefusalCode.NOTHING_ON_AIR)
    stage.go()
    assert stage.ok(do.TurnPage(2)).points_page == 2
    stage.refused(do.TurnPage(len(stage.show.segments[0].talking_points)), RefusalCode.BAD_VALUE)
    stage.refused(do.TurnPage(-1), RefusalCode.BAD_VALUE)
    assert stage.replayed().snapshot().points_page == 2
    assert stage.go().points_page == 0
    stage.clock.advance(UNDO_GO_S + 1)
    assert stage.ok(do.Back()).points_page == 0  # Back after the window only cues


def test_finding_11_undoing_a_go_brings_the_page_back(stage):
    stage.go()
    stage.ok(do.TurnPage(1))
    stage.go()
    assert stage.snap().points_page == 0
    assert stage.ok(do.Back()).points_page == 1


def test_finding_11_one_run_owns_the_questions_and_the_snapshot_shows_them(stage):
    stage.ok(do.QuestionAdd("Wann kommt das WLAN?", "Anna", "youtube"))
    question = stage.run.questions.questions[0]
    stage.ok(do.QuestionApprove(question.id))
    assert stage.snap().questions_waiting == 1 and stage.snap().question is None
    snap = stage.ok(do.QuestionShow())
    assert (snap.question.text, snap.question.asker, snap.question.number, snap.questions_waiting) == (
        "Wann kommt das WLAN?",
        "Anna",
        1,
        0,
    )
    run = stage.replayed()
    assert run.snapshot().question.id == question.id and run.questions is run.engine.questions
    assert Run.of(run.engine) is run
    assert stage.refused(do.QuestionApprove("q99"), RefusalCode.QUESTION)
    assert not any("_log" in key for key in stage.journal[-1])


def test_every_question_intent_goes_through_the_dispatcher(stage):
    stage.ok(do.QuestionImport(({"text": "Eins"}, {"text": "Zwei"}, {"text": "Drei"})))
    one, two, three = (q.id for q in stage.run.questions.questions)
    for intent in (do.QuestionApprove(one), do.QuestionApprove(two), do.QuestionMove(two, 0)):
        stage.ok(intent)
    stage.ok(do.QuestionEdit(one, {"asker": "Bea"}))
    assert stage.ok(do.QuestionShow(two)).question.id == two
    assert stage.ok(do.QuestionAnsweredNext()).question.id == one
    assert stage.ok(do.QuestionTakeOff()).question is None
    stage.ok(do.QuestionDrop(three))
    stage.ok(do.QuestionUndoDrop(None))
    assert stage.ok(do.QuestionForgetAll()).questions_waiting == 0
    assert stage.run.questions.questions == [] and stage.run.engine.question_records == []
