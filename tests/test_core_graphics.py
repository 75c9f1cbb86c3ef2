"""Issue 24 in the core: the stream's graphics as intents through the one dispatcher, journaled, replayed,
in the as-run log and in the snapshot's `graphics` view (what is on the stream, and for how long)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from core_stage import HTTP, Stage

from presenter.run import intents as do
from presenter.run.as_run import as_run_log_rows
from presenter.run.graphics import speaker_on_air
from presenter.run.intents import RefusalCode
from presenter.show import ShowFileError, load_show
from presenter.show.editing import show_document
from presenter.show.graphics import Person, StreamGraphics, graphics_document, people, person_of

SHOW = """\
version: 1
title: Smart RLP
date: 2021-01-19
start: "17:30"
end: "19:00"
graphics:
  question: true
  hashtag: "#smartRLP"
  font: "Source Sans Pro, sans-serif"
  colours: {accent: "#e30613", background: "rgba(0, 40, 80, 0.85)", text: white}
  language: de
  lower_third_time: "0:08"
segments:
  - title: Begrüßung
    duration: "5:00"
    speakers: ["Klaus Weichel | Oberbürgermeister"]
  - title: Diskussion
    duration: "30:00"
    speakers: [Malu Dreyer, "Malu Dreyer | Ministerpräsidentin", Nicole Steingaß]
    lower_third: Malu Dreyer
  - title: Musik
    duration: "3:00"
  - title: Fragerunde
    duration: "20:00"
    speakers: [Nicole Steingaß]
"""


def _show(tmp_path: Path, text: str = SHOW):
    path = tmp_path / "show.yaml"
    path.write_text(text, encoding="utf-8")
    return load_show(path)


@pytest.fixture
def stage(tmp_path) -> Stage:
    return Stage(_show(tmp_path))


# ------------------------------------------------------------------ the show file


def test_speakers_give_roles_after_a_bar_and_plain_names_stay_valid(tmp_path):
    show = _show(tmp_path)
    assert show.segments[0].speakers == ("Klaus Weichel | Oberbürgermeister",)  # kept as written (editing saves it)
    assert person_of("Klaus Weichel | Oberbürgermeister") == Person("Klaus Weichel", "Oberbürgermeister")
    assert person_of("Nicole Steingaß") == Person("Nicole Steingaß", "")
    assert people(["Malu Dreyer", "Malu Dreyer | MP", "Malu Dreyer | other"]) == {
        "Malu Dreyer": Person("Malu Dreyer", "MP")
    }
    assert show.segments[1].lower_third == "Malu Dreyer"
    graphics = show.graphics
    assert graphics.question and graphics.hashtag == "#smartRLP" and graphics.language == "de"
    assert dict(graphics.colours)["accent"] == "#e30613" and graphics.lower_third_s == 8


def test_graphics_are_saved_with_an_edited_show(tmp_path):
    show = _show(tmp_path)
    doc = show_document(show)
    assert doc["graphics"]["lower_third_time"] == "0:08" and doc["graphics"]["question"] is True
    assert doc["segments"][1]["lower_third"] == "Malu Dreyer"
    assert "graphics" not in show_document(replace(show, graphics=StreamGraphics()))
    assert graphics_document(StreamGraphics(hashtag="#x")) == {"hashtag": "#x"}


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("graphics: {language: fr}", '"language" is de or en, not "fr"'),
        ("graphics: {hashtag: " + "x" * 101 + "}", '"hashtag" has more than 100 characters'),
        ("graphics: {colours: {accent: 'red;}body{'}}", '"accent" cannot be "red;}body{"'),
        ("graphics: {font: '</style>'}", '"font" cannot be'),
        ("graphics: {colour: {}}", 'unknown key "colour"'),
    ],
)
def test_graphics_mistakes_are_messages_with_the_place(tmp_path, snippet, message):
    block = SHOW[SHOW.index("graphics:") : SHOW.index("segments:")]
    text = SHOW.replace(block, snippet + "\n")
    with pytest.raises(ShowFileError) as caught:
        _show(tmp_path, text)
    assert message in str(caught.value) and "show.yaml:" in str(caught.value)


def test_a_segment_names_only_its_own_speaker(tmp_path):
    with pytest.raises(ShowFileError, match="who is not among this segment's speakers"):
        _show(tmp_path, SHOW.replace("lower_third: Malu Dreyer", "lower_third: Klaus Weichel"))


# ------------------------------------------------------------------ the lower third


def test_a_lower_third_for_a_set_time_counts_down_and_goes_off_by_itself(stage):
    stage.go()  # Begrüßung
    snap = stage.ok(do.ShowLowerThird("Klaus Weichel", 10))
    shown = snap.graphics.lower_third
    assert (shown.name, shown.role, shown.seconds_left) == ("Klaus Weichel", "Oberbürgermeister", 10)
    assert stage.journal[-1]["op"] == "lower_third" and stage.journal[-1]["seconds"] == 10
    stage.clock.advance(4)
    assert stage.snap().graphics.on_stream == "on the stream: lower third Klaus Weichel, 0:06 left"
    stage.clock.advance(6)
    assert stage.snap().graphics.lower_third is None and stage.snap().graphics.on_stream == ""
    stage.refused(do.TakeOffLowerThird(), RefusalCode.UNCHANGED)  # it has gone off already


def test_until_taken_off_and_the_key_names_the_speaker_on_air(stage):
    stage.refused(do.ShowLowerThird(), RefusalCode.NOTHING_SELECTED)  # nothing on air: whom?
    stage.go()
    stage.go()  # Diskussion: its lower_third (Malu Dreyer) goes on with the GO, for the show's 0:08
    snap = stage.snap()
    assert snap.graphics.lower_third.name == "Malu Dreyer" and snap.graphics.lower_third.role == "Ministerpräsidentin"
    assert snap.graphics.lower_third.seconds_left == 8
    snap = stage.ok(do.ShowLowerThird("Nicole Steingaß"), HTTP)  # the show's default time
    assert snap.graphics.lower_third.seconds_left == 8 and stage.journal[-1]["src"] == "http 127.0.0.1"
    stage.ok(do.TakeOffLowerThird())
    assert stage.snap().graphics.lower_third is None
    stage.go()  # Musik: nobody to name
    stage.refused(do.ShowLowerThird(), RefusalCode.NOTHING_SELECTED)
    stage.go()  # Fragerunde: its first speaker
    assert speaker_on_air(stage.show, stage.run.on_air()) == "Nicole Steingaß"
    assert stage.ok(do.ShowLowerThird()).graphics.lower_third.name == "Nicole Steingaß"
    assert speaker_on_air(stage.show, None) is None


def test_no_set_time_means_until_taken_off(tmp_path):
    stage = Stage(_show(tmp_path, SHOW.replace('  lower_third_time: "0:08"\n', "")))
    stage.go()
    snap = stage.ok(do.ShowLowerThird("Klaus Weichel"))
    assert snap.graphics.lower_third.seconds_left is None
    stage.clock.advance(3600)
    assert stage.snap().graphics.on_stream == "on the stream: lower third Klaus Weichel"


def test_refusals_change_nothing(stage):
    stage.go()
    stage.refused(do.ShowLowerThird("Olaf Scholz"), RefusalCode.BAD_VALUE)
    stage.refused(do.ShowLowerThird("Klaus Weichel", 0), RefusalCode.BAD_VALUE)
    stage.refused(do.ShowLowerThird("Klaus Weichel", float("nan")), RefusalCode.BAD_VALUE)
    stage.refused(do.ShowLowerThird("Klaus Weichel", 601), RefusalCode.BAD_VALUE)
    stage.refused(do.TakeOffLowerThird(), RefusalCode.UNCHANGED)
    assert stage.snap().graphics.lower_third is None


def test_a_segment_whose_speaker_left_the_running_order_puts_nothing_on(stage):
    show = stage.show
    odd = replace(show.segments[1], speakers=(), lower_third="Malu Dreyer")  # an edit made in code, not read
    stage.ok(do.ReplaceShow(replace(show, segments=(show.segments[0], odd, *show.segments[2:]))))
    stage.go()
    stage.go()
    assert stage.snap().graphics.lower_third is None


def test_replayed_after_kill_9_with_its_time_running_on(stage):
    stage.go()
    stage.ok(do.ShowLowerThird("Klaus Weichel", 10))
    stage.clock.advance(3)
    run = stage.replayed(later=2)
    assert run.snapshot().graphics.lower_third.seconds_left == pytest.approx(5)
    stage.ok(do.TakeOffLowerThird())
    assert stage.replayed().snapshot().graphics.lower_third is None


def test_a_take_off_replayed_after_the_time_ran_out_is_harmless(stage):
    stage.go()
    stage.ok(do.ShowLowerThird("Klaus Weichel", 5))
    stage.clock.advance(1)
    stage.ok(do.TakeOffLowerThird())
    stage.journal[-1]["mono"] += 10  # as if written after the time had run out (the record is what counts)
    stage.journal[-1]["wall"] = (stage.clock.now().replace(microsecond=0)).isoformat()
    assert stage.replayed(later=30).snapshot().graphics.lower_third is None


# ------------------------------------------------------------------ the question and the pre-show countdown


def test_the_question_goes_on_the_stream_when_the_show_enables_it(stage, tmp_path):
    stage.go()
    stage.ok(do.QuestionAdd("Wann kommt das Glasfaser?", "Anna Beispiel", "youtube"))
    question_id = stage.run.questions.questions[0].id
    stage.ok(do.QuestionApprove(question_id))
    snap = stage.ok(do.QuestionShow(question_id))
    assert snap.graphics.question.asker == "Anna Beispiel" and snap.graphics.on_stream == "on the stream: question 1"
    off = Stage(_show(tmp_path, SHOW.replace("  question: true\n", "")))
    off.go()
    off.ok(do.QuestionAdd("Wann?", "Anna", "youtube"))
    off.ok(do.QuestionApprove(off.run.questions.questions[0].id))
    assert off.ok(do.QuestionShow(off.run.questions.questions[0].id)).graphics.question is None


def test_the_preshow_countdown_is_for_before_the_show(stage):
    snap = stage.ok(do.ShowPreshow())
    assert snap.graphics.preshow and snap.graphics.on_stream == "on the stream: pre-show countdown"
    stage.refused(do.ShowPreshow(), RefusalCode.UNCHANGED)
    assert stage.replayed().snapshot().graphics.preshow
    stage.go()
    assert not stage.snap().graphics.preshow  # the first GO ends it on the stream
    stage.refused(do.ShowPreshow(True), RefusalCode.UNCHANGED)
    stage.ok(do.ShowPreshow(False))
    stage.refused(do.ShowPreshow(True), RefusalCode.BAD_VALUE)


def test_the_language_is_the_shows_else_the_directors_else_german(stage, tmp_path):
    assert stage.snap().graphics.language == "de"
    plain = Stage(_show(tmp_path, SHOW.replace("  language: de\n", "")))
    assert plain.snap().graphics.language == "de"
    plain.ok(do.SetLanguage("en_GB"))
    assert plain.snap().graphics.language == "en"


def test_the_as_run_log_has_every_graphic_with_its_time(stage):
    stage.ok(do.ShowPreshow())
    stage.go()
    stage.go()  # Malu Dreyer by the segment
    stage.ok(do.ShowLowerThird("Nicole Steingaß", 5))
    stage.ok(do.TakeOffLowerThird())
    stage.ok(do.ShowPreshow(False))
    log = [(r["what"], r["text"]) for r in as_run_log_rows(stage.run.engine) if r["what"] != "message"]
    assert log == [
        ("pre-show countdown", "on"),
        ("lower third on the stream", "Malu Dreyer — Ministerpräsidentin, for 0:08"),
        ("lower third on the stream", "Nicole Steingaß, for 0:05"),
        ("lower third taken off", "Nicole Steingaß"),
        ("pre-show countdown", "off"),
    ]
    assert all(row["time"] for row in as_run_log_rows(stage.run.engine))


def test_a_lower_third_until_taken_off_reads_without_a_time_in_the_log(tmp_path):
    stage = Stage(_show(tmp_path, SHOW.replace('  lower_third_time: "0:08"\n', "")))
    stage.go()
    stage.ok(do.ShowLowerThird("Klaus Weichel"))
    assert as_run_log_rows(stage.run.engine)[-1]["text"] == "Klaus Weichel — Oberbürgermeister"


# ------------------------------------------------------------------ the stream's problems (reported by OBS)


def test_stream_problems_are_journaled_and_in_the_log_with_their_times(stage):
    obs = do.Source(do.SourceKind.OBS, "obs")
    stage.go()
    stage.ok(do.StreamProblem("stream_reconnecting", "Stream interrupted — OBS is reconnecting"), obs)
    stage.clock.advance(7)
    stage.ok(do.StreamProblem("stream_reconnecting", "Stream interrupted — OBS is reconnecting", gone=True), obs)
    stage.refused(do.StreamProblem("x", " "), RefusalCode.BAD_VALUE, obs)
    stage.refused(do.StreamProblem("x" * 41, "text"), RefusalCode.BAD_VALUE, obs)
    assert stage.journal[-1]["src"] == "obs" and stage.journal[-1]["gone"] is True
    log = [(r["time"], r["what"], r["text"]) for r in as_run_log_rows(stage.replayed().engine)]
    assert log == [
        ("17:30:01", "stream problem", "Stream interrupted — OBS is reconnecting"),
        ("17:30:08", "stream problem over", "Stream interrupted — OBS is reconnecting"),
    ]


def test_screens_show_the_speakers_by_name(tmp_path):
    segment = _show(tmp_path).segments[1]
    assert segment.speaker_names == ("Malu Dreyer", "Malu Dreyer", "Nicole Steingaß")


def test_back_undoing_a_go_brings_back_what_was_on_the_stream(stage):
    stage.go()  # Begrüßung
    stage.ok(do.ShowLowerThird("Klaus Weichel", 20))
    stage.go()  # Diskussion: Malu Dreyer's lower third replaces his
    assert stage.snap().graphics.lower_third.name == "Malu Dreyer"
    stage.clock.advance(2)
    run = stage.replayed(later=1)  # kill -9 within the undo window: a Back after the restart still undoes it
    stage.ok(do.Back())
    shown = stage.snap().graphics.lower_third
    assert shown.name == "Klaus Weichel" and shown.seconds_left == pytest.approx(20 - 1 - 2)
    from presenter.run.dispatch import Dispatcher

    assert Dispatcher(run).dispatch(do.Back()).accepted
    shown = run.snapshot().graphics.lower_third
    assert shown.name == "Klaus Weichel" and shown.seconds_left == pytest.approx(20 - 1 - 2 - 1)
