"""The as-run (finding 11): one row per airing, the plan kept as planned, how each airing ended, the log of
messages, stops to black and clip failures, and CSV that German Excel opens (pure Python, no Qt)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from fake_language import catalog_has, english_afterwards, pseudo, pseudo_german  # noqa: F401 - an autouse fixture

from presenter import cli
from presenter.as_run import (
    COLUMNS,
    as_run_csv,
    as_run_file_name,
    as_run_log_csv,
    as_run_log_rows,
    as_run_rows,
    csv_lang,
    engine_from_journal,
    run_date,
)
from presenter.clock import FakeClock
from presenter.engine import GO_GUARD_S, EndReason, ShowEngine
from presenter.i18n import Language, set_translator, translate
from presenter.journal import StateDir

START = datetime(2021, 1, 19, 17, 30)


def rows_of(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


@pytest.fixture
def clock():
    return FakeClock(START)


@pytest.fixture
def engine(bundled_show, clock):
    return ShowEngine(bundled_show, clock)


def go(engine, clock, wait: float = GO_GUARD_S + 0.2) -> None:
    clock.advance(wait)
    assert engine.go()


def test_a_segment_aired_twice_has_two_rows_each_with_its_own_start_and_duration(engine, clock):
    go(engine, clock, 0)  # welcome 17:30:00
    clock.advance(60)
    engine.jump(4)
    go(engine, clock, 0)  # questions 17:31:00
    clock.advance(120)
    engine.jump(0)
    go(engine, clock, 0)  # the welcome again 17:33:00: its timer continues
    clock.advance(30)
    rows = [row for row in as_run_rows(engine) if row["segment"] == "welcome"]
    assert [(r["airing"], r["actual_start"], r["actual_duration"]) for r in rows] == [
        ("1", "17:30:00", "1:00"),
        ("2", "17:33:00", "0:30"),
    ]
    assert [r["on_air_order"] for r in rows] == ["1", "3"]
    assert rows[0]["over_under"] == "" and rows[1]["over_under"] == "-3:30"  # 1:30 of 5:00, ASCII minus
    assert rows[0]["ended_by"] == "go" and rows[1]["ended_by"] == "on air"
    assert rows[0]["actual_end"] == "17:31:00"
    pending = [row for row in as_run_rows(engine) if row["segment"] == "discussion"]
    assert len(pending) == 1 and pending[0]["actual_start"] == "" and pending[0]["ended_by"] == ""


def test_added_time_has_its_own_column_and_the_plan_stays_as_planned(engine, clock):
    go(engine, clock, 0)
    engine.add_time(60)
    clock.advance(360)
    go(engine, clock, 0)
    (welcome,) = [row for row in as_run_rows(engine) if row["segment"] == "welcome"]
    assert (welcome["planned_duration"], welcome["added_time"], welcome["actual_duration"]) == ("5:00", "+1:00", "6:00")
    assert welcome["over_under"] == "±0:00"  # on its new plan: the time given is not "over" (issue 20 #10)


def test_over_under_is_held_against_the_plan_with_the_time_taken(engine, clock):
    """Issue 20 #10: with −1:00 added, a welcome that ran 11 s over its new plan (4:00) reads +0:11, not −0:49."""
    go(engine, clock, 0)
    engine.add_time(-60)
    clock.advance(4 * 60 + 11)
    go(engine, clock, 0)
    (welcome,) = [row for row in as_run_rows(engine) if row["segment"] == "welcome"]
    assert (welcome["added_time"], welcome["actual_duration"], welcome["over_under"]) == ("-1:00", "4:11", "+0:11")


@pytest.mark.parametrize(
    ("how", "clip_end", "ended_by"),
    [
        ("ended", "ended by itself", "clip ended"),
        ("panic", "stopped to black (Esc)", "go"),
        ("failed", "failed: cannot open", "go"),
        ("cut", "cut by GO", "go"),
    ],
)
def test_a_clip_that_ended_by_itself_never_reads_like_a_stop_to_black(engine, clock, how, clip_end, ended_by):
    engine.jump(2)
    go(engine, clock, 0)  # minimogli
    engine.clip_progress("minimogli", 0.0, 75.0, True)
    clock.advance(20)
    if how == "ended":
        clock.advance(55)
        engine.clip_ended("minimogli")
    elif how == "panic":
        engine.panic()
        go(engine, clock)
    elif how == "failed":
        engine.clip_failed("minimogli", "cannot open")
        go(engine, clock)
    else:
        go(engine, clock)
    (row,) = [row for row in as_run_rows(engine) if row["segment"] == "minimogli"]
    assert (row["clip_end"], row["ended_by"]) == (clip_end, ended_by)


def test_an_undone_go_and_a_new_run_say_how_they_ended(engine, clock):
    go(engine, clock, 0)
    clock.advance(100)
    go(engine, clock)  # accidental
    clock.advance(2)
    assert engine.back()
    clock.advance(10)
    engine.close_run(EndReason.NEW_RUN)
    rows = as_run_rows(engine)
    welcome = [row for row in rows if row["segment"] == "welcome"]
    discussion = [row for row in rows if row["segment"] == "discussion"]
    assert len(welcome) == 1 and welcome[0]["ended_by"] == "new run"
    assert welcome[0]["actual_duration"] == "1:53"  # 100 + 0.5 + 2 + 10 = 112.5 s: it never left
    assert discussion[0]["ended_by"] == "undone" and discussion[0]["actual_duration"] == "0:02"
    assert discussion[0]["over_under"] == ""
    log = as_run_log_rows(engine)
    assert [(r["what"], r["text"]) for r in log] == [
        ("GO taken back", "Diskussion: Digitale Kommunen in Rheinland-Pfalz off air again")
    ]


def test_the_log_has_every_message_stop_to_black_and_clip_failure_with_its_time(engine, clock):
    go(engine, clock, 0)
    clock.advance(10)
    engine.send_message("Noch 1 Minute", blink=True)
    clock.advance(5)
    engine.clear_message()
    engine.jump(2)
    go(engine, clock)
    engine.panic()
    clock.advance(1)
    engine.clip_failed("minimogli", "file replaced")
    log = as_run_log_rows(engine)
    assert [(r["time"], r["what"], r["segment"], r["text"]) for r in log] == [
        ("17:30:10", "message", "", "Noch 1 Minute (blinking)"),
        ("17:30:15", "message cleared", "", ""),
        ("17:30:15", "stop to black (Esc)", "Clip: MiniMOGLI", ""),
        ("17:30:16", "clip failed", "Clip: MiniMOGLI", "file replaced"),
    ]
    assert rows_of(as_run_log_csv(engine))[0]["text"] == "Noch 1 Minute (blinking)"


def test_german_excel_gets_a_bom_semicolons_and_ascii_minus(engine, clock):
    go(engine, clock, 0)
    clock.advance(100)
    go(engine, clock)
    german = as_run_csv(engine, "de")
    assert german.startswith("\ufeffnumber;segment;title;")
    assert "\u2212" not in german and ";-3:20;" in german  # the welcome: 1:40.5 of 5:00
    english = as_run_csv(engine)
    assert english.startswith("number,segment,title,") and not english.startswith("\ufeff")
    assert rows_of(german, ";") == rows_of(english)
    assert as_run_log_csv(engine, "de").startswith("\ufefftime;what;segment;text")
    assert as_run_csv(engine, "xx") == english  # an unknown language: the default


def test_german_csv_has_german_headers_and_words_the_english_keeps_the_machine_names(engine, clock):
    go(engine, clock, 0)
    engine.send_message("Noch 1 Minute", blink=True)
    clock.advance(100)
    go(engine, clock)
    with pseudo_german():
        german = as_run_csv(engine, "de")
        english = as_run_csv(engine, "en")
        log = as_run_log_csv(engine, "de")
    header = german.splitlines()[0]
    assert header == "\ufeff" + ";".join(f"⟦{column}⟧" for column in COLUMNS)
    welcome = next(csv.DictReader(io.StringIO(german.removeprefix("\ufeff")), delimiter=";"))
    assert (welcome["⟦kind⟧"], welcome["⟦skipped⟧"], welcome["⟦ended_by⟧"]) == ("⟦live⟧", "⟦no⟧", "⟦go⟧")
    assert english.startswith("number,segment,title,") and ",live," in english and "⟦" not in english
    assert log.startswith("\ufeff⟦time⟧;⟦what⟧;⟦segment⟧;⟦text⟧\r\n")
    assert "⟦message⟧;;Noch 1 Minute⟦ (blinking)⟧" in log


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "de_DE"}, "en"),
        ({}, "en"),
        ({"LANG": ""}, "en"),
    ],
)
def test_csv_language_follows_the_environment(environ, lang):
    assert csv_lang(environ) == lang


def test_the_file_name_has_the_run_date_not_the_show_date(bundled_show):
    clock = FakeClock(datetime(2021, 1, 12, 17, 0))  # a rehearsal a week before
    engine = ShowEngine(bundled_show, clock)
    assert run_date(engine) == datetime(2021, 1, 12).date()
    assert engine.go()
    clock.advance(3600 * 8)  # past midnight: still the day the run started
    assert as_run_file_name(engine) == "as-run-2021-01-12-smart-rlp.csv"
    assert as_run_file_name(engine, log=True) == "as-run-2021-01-12-smart-rlp-log.csv"


def _journal(bundled_show, tmp_path):
    state = StateDir(tmp_path / "state")
    clock = FakeClock(START)
    engine = ShowEngine(bundled_show, clock)
    writer = state.new_journal(bundled_show, clock.now())
    engine.journal = writer.append
    go(engine, clock, 0)
    clock.advance(100)
    engine.send_message("Bitte zum Ende kommen")
    go(engine, clock)
    engine.jump(2)
    go(engine, clock)
    engine.panic()
    clock.advance(3)
    engine.heartbeat()
    writer.close()
    return state, writer.path


def test_replayed_journal_gives_the_same_as_run(bundled_show, tmp_path):
    _state, path = _journal(bundled_show, tmp_path)
    replayed, warnings = engine_from_journal(path, bundled_show)
    assert warnings == []
    rows = as_run_rows(replayed)
    assert [(r["segment"], r["actual_start"], r["ended_by"]) for r in rows if r["actual_start"]] == [
        ("welcome", "17:30:00", "go"),
        ("discussion", "17:31:40", "go"),
        ("minimogli", "17:31:41", "on air"),
    ]
    assert [r["what"] for r in as_run_log_rows(replayed)] == ["message", "stop to black (Esc)"]


def test_cli_as_run_in_german_and_the_log(bundled_show, tmp_path, capsys, monkeypatch):
    state, _path = _journal(bundled_show, tmp_path)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    installed = []  # German as ⟦…⟧: the headers and words follow the language, whatever the catalog holds

    def install(language):
        installed.append(language)
        set_translator(pseudo if language is Language.GERMAN else None)

    monkeypatch.setattr(cli, "install_language", install)
    try:
        assert cli.main(["--as-run", "--state-dir", str(state.path)]) == 0
    finally:
        set_translator(None)
    assert installed == [Language.GERMAN]
    out = capsys.readouterr().out
    assert out.startswith("\ufeff⟦number⟧;⟦segment⟧;") and "welcome;" in out and ";⟦go⟧\r\n" in out
    assert cli.main(["--as-run", "--log", "--lang", "en", "--state-dir", str(state.path)]) == 0
    log = capsys.readouterr().out
    assert log.startswith("time,what,segment,text") and "Bitte zum Ende kommen" in log


def test_cli_as_run_writes_its_files_named_by_the_run_date(bundled_show, tmp_path, capsys):
    state, _path = _journal(bundled_show, tmp_path)
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    assert cli.main(["--as-run", "--to", str(out_dir), "--lang", "de", "--state-dir", str(state.path)]) == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "as-run-2021-01-19-smart-rlp-log.csv",
        "as-run-2021-01-19-smart-rlp-questions.csv",  # the run's audience questions beside them
        "as-run-2021-01-19-smart-rlp.csv",
    ]
    assert (out_dir / names[2]).read_bytes().startswith(f"\ufeff{translate('AsRun', 'number')};".encode())
    assert str(out_dir / names[0]) in capsys.readouterr().out
    missing = tmp_path / "missing"
    assert cli.main(["--as-run", "--to", str(missing), "--state-dir", str(state.path)]) == 1
    assert "cannot write the as-run" in capsys.readouterr().err


def test_cli_as_run_options_go_with_as_run(capsys):
    assert cli.main(["--log"]) == 2
    assert "--log, --questions and --to go with --as-run" in capsys.readouterr().err


def test_rehearse_is_parsed_for_the_app():
    args = cli.build_parser().parse_args(["--rehearse"])
    assert args.rehearse is True
    assert cli.build_parser().parse_args([]).rehearse is False


def test_as_run_does_not_import_the_test_clock():
    import presenter.as_run as module

    assert "FakeClock" not in vars(module)
    assert module.FrozenClock(START).now() == START and module.FrozenClock(START).monotonic() == 0.0


def test_german_as_run_headers_from_the_catalog(bundled_show, tmp_path, capsys):
    if not catalog_has("AsRun", "number"):
        pytest.skip("presenter_de.qm has no German as-run headers yet (the lead regenerates the catalog)")
    state, _path = _journal(bundled_show, tmp_path)
    assert cli.main(["--as-run", "--lang", "de", "--state-dir", str(state.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffNr.;Segment;Titel;Art;")
    assert ";von selbst beendet" not in out and ";GO\r\n" in out  # ended by GO, in German


def test_a_clip_taken_back_by_back_was_cut_not_cut_by_go(engine, clock):
    go(engine, clock, 0)
    engine.jump(2)  # the clip
    go(engine, clock)
    clock.advance(1)
    assert engine.back()  # in its first seconds: the GO is taken back
    clip_rows = [row for row in as_run_rows(engine) if row["segment"] == "minimogli"]
    assert [(r["ended_by"], r["clip_end"]) for r in clip_rows] == [("undone", "cut")]
    with pseudo_german():
        german = [row for row in as_run_rows(engine, "de") if row["segment"] == "minimogli"]
    assert [(r["ended_by"], r["clip_end"]) for r in german] == [("⟦undone⟧", "⟦cut⟧")]
