"""Audience questions without Qt windows: the state machine, pasting from a chat, the journal, CSV."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from presenter.clock import FakeClock
from presenter.questions import (
    MAX_SCREEN_TEXT,
    QuestionError,
    QuestionQueue,
    QuestionState,
    Source,
    delete_questions_from_journal,
    questions_status,
)
from presenter.questions.chat import parse_chat
from presenter.questions.csv_file import Dialect, parse_questions_csv, questions_csv, read_questions_file
from presenter.run.engine import ShowEngine
from presenter.run.journal import StateDir, read_journal

S = QuestionState


@pytest.fixture
def clock():
    return FakeClock(datetime(2021, 1, 19, 17, 50))


@pytest.fixture
def queue(clock):
    records: list[dict] = []

    def log(op, **args):
        records.append({"op": op, "wall": clock.now().isoformat(), **json.loads(json.dumps(args))})

    q = QuestionQueue(clock, log)
    q.records = records
    return q


def three(queue):
    a = queue.add("Wann kommt das Glasfasernetz?", "Anna", Source.YOUTUBE)
    b = queue.add("Was kostet die App?", "Ben", "Facebook")
    c = queue.add("Wie sicher sind meine Daten?", "Cem", "mail")
    return a, b, c


# ---------------------------------------------------------------------- pasting from a chat


@pytest.mark.parametrize(
    ("pasted", "asker", "source", "text"),
    [
        ("Anna Müller: Wann kommt das WLAN?", "Anna Müller", None, "Wann kommt das WLAN?"),
        ("Anna Müller (Facebook): Wann kommt das WLAN?", "Anna Müller", Source.FACEBOOK, "Wann kommt das WLAN?"),
        ("Ben (YouTube):   Und die\nSchulen?", "Ben", Source.YOUTUBE, "Und die Schulen?"),
        ("17:42 Cem (fb): Frage zur App", "Cem", Source.FACEBOOK, "Frage zur App"),
        ("Dora (Kaiserslautern): Hallo", "Dora (Kaiserslautern)", None, "Hallo"),
        ("Wann kommt das WLAN?", "", None, "Wann kommt das WLAN?"),
        ("Ist https://example.org sicher?", "", None, "Ist https://example.org sicher?"),
        ("Warum? Weil: darum", "", None, "Warum? Weil: darum"),
        ("  Eine sehr lange Einleitung mit vielen Wörtern davor: und die Frage", "", None, None),
    ],
)
def test_pasting_the_chat_formats_fills_asker_and_source(pasted, asker, source, text):
    found = parse_chat(pasted)
    assert found.asker == asker
    assert found.source == source
    assert found.text == (text or " ".join(pasted.split()))


# ---------------------------------------------------------------------- the state machine


def test_the_state_machine_from_new_to_answered(queue, clock):
    a, b, c = three(queue)
    assert [q.state for q in queue.questions] == [S.NEW] * 3
    queue.approve(a.id)
    queue.approve(b.id)
    with pytest.raises(QuestionError, match="only a new question"):
        queue.approve(a.id)
    with pytest.raises(QuestionError, match="only an approved"):
        queue.show(c.id)
    clock.advance(10)
    assert queue.show() is a
    assert a.state is S.ON_SCREEN and a.shown_at == clock.now()
    with pytest.raises(QuestionError, match="already on screen"):
        queue.show()  # Q again never replaces the question on screen
    clock.advance(60)
    assert queue.answered_next() is b
    assert a.state is S.ANSWERED and a.answered_at == clock.now()
    assert b.state is S.ON_SCREEN and queue.on_screen is b
    clock.advance(60)
    assert queue.answered_next() is None
    assert b.state is S.ANSWERED and queue.on_screen is None
    clock.advance(1)
    with pytest.raises(QuestionError, match="none approved"):
        queue.answered_next()


def test_one_on_screen_and_pulled_back_keeps_its_place(queue):
    a, b, c = three(queue)
    for q in (a, b, c):
        queue.approve(q.id)
    queue.show()
    queue.show(c.id)  # the producer chooses another: the one on screen is pulled back
    assert a.state is S.APPROVED and c.state is S.ON_SCREEN
    assert [q.state for q in queue.questions].count(S.ON_SCREEN) == 1
    queue.take_off()
    assert c.state is S.APPROVED and queue.on_screen is None
    assert [q.id for q in queue.approved()] == [a.id, b.id, c.id]
    with pytest.raises(QuestionError, match="no question is on screen"):
        queue.take_off()


def test_n_pressed_twice_answers_only_one(queue, clock):
    a, b, c = three(queue)
    for q in (a, b, c):
        queue.approve(q.id)
    queue.show()
    clock.advance(5)
    queue.answered_next()
    clock.advance(0.1)
    with pytest.raises(QuestionError, match="twice"):
        queue.answered_next()
    assert b.state is S.ON_SCREEN and c.state is S.APPROVED


def test_drop_and_undo_restore_the_state_before(queue):
    a, b, c = three(queue)
    queue.approve(b.id)
    queue.drop(a.id)
    queue.drop(b.id)
    assert queue.undo_drop() is b and b.state is S.APPROVED
    assert queue.undo_drop() is a and a.state is S.NEW
    with pytest.raises(QuestionError, match="no dropped question"):
        queue.undo_drop()
    queue.approve(c.id)
    queue.show(c.id)
    queue.drop(c.id)  # dropped while on screen: off the screen
    assert queue.on_screen is None
    queue.undo_drop()
    assert c.state is S.APPROVED  # never straight back on screen
    with pytest.raises(QuestionError, match="already dropped"):
        queue.drop(a.id) or queue.drop(a.id)


def test_move_edit_and_their_bad_values(queue):
    a, b, c = three(queue)
    queue.move(c.id, 0)
    assert [q.id for q in queue.questions] == [c.id, a.id, b.id]
    with pytest.raises(QuestionError, match="cannot move"):
        queue.move(c.id, 3)
    queue.edit(a.id, screen_text="  WLAN: wann?  ", addressed_to="Malu Dreyer", source="telefon")
    assert (a.screen_text, a.addressed_to, a.source) == ("WLAN: wann?", "Malu Dreyer", Source.PHONE)
    assert a.display_text == "WLAN: wann?"
    with pytest.raises(QuestionError, match="at most 140"):
        queue.edit(a.id, screen_text="x" * 141)
    with pytest.raises(QuestionError, match="empty"):
        queue.edit(a.id, text="   ")
    with pytest.raises(QuestionError, match="source 'Twitter'"):
        queue.edit(a.id, source="Twitter")
    with pytest.raises(QuestionError, match="no field"):
        queue.edit(a.id, state="answered")
    with pytest.raises(QuestionError, match="no question 'q99'"):
        queue.approve("q99")
    long = queue.add("x" * 500)
    assert len(long.display_text) == MAX_SCREEN_TEXT


def test_status_keys(queue):
    assert questions_status(queue) == {"question": None, "questions_waiting": 0}
    a, b, _ = three(queue)
    queue.approve(a.id)
    queue.approve(b.id)
    queue.show()
    assert questions_status(queue) == {"question": {"id": a.id, "text": a.text}, "questions_waiting": 1}


# ---------------------------------------------------------------------- the journal


def test_replay_rebuilds_queue_order_states_and_the_one_on_screen(queue, clock):
    a, b, c = three(queue)
    for q in (a, b, c):
        queue.approve(q.id)
    queue.move(c.id, 0)
    queue.drop(b.id)
    queue.edit(a.id, screen_text="Kurz")
    queue.show()
    clock.advance(30)
    queue.answered_next()
    replayed = QuestionQueue(clock)
    assert replayed.replay(queue.records) == []
    assert [(q.id, q.state, q.screen_text) for q in replayed.questions] == [
        (q.id, q.state, q.screen_text) for q in queue.questions
    ]
    assert replayed.on_screen.id == a.id and replayed.on_screen.shown_at == a.shown_at
    assert replayed.undo_drop().id == b.id  # the undo list comes back too
    assert replayed.add("neu").id == "q4"  # ids go on after the replayed ones


def test_damaged_question_records_are_warned_about_and_skipped(clock):
    wall = clock.now().isoformat()
    records = [
        {"op": "question_add", "wall": wall, "_line": 2, "question": {"id": "q1", "text": "ok", "received": wall}},
        {"op": "question_add", "wall": wall, "_line": 3, "question": {"id": "q1", "text": "twice", "received": wall}},
        {"op": "question_add", "wall": wall, "_line": 4, "question": "nope"},
        {"op": "question_approve", "wall": wall, "_line": 5, "id": "q7"},
        {"op": "question_move", "wall": wall, "_line": 6, "id": "q1", "to": "x"},
        {"op": "question_edit", "wall": wall, "_line": 7, "id": "q1", "fields": {"screen_text": "y" * 500}},
        {"op": "question_frobnicate", "wall": wall, "_line": 8},
        {"op": "go", "wall": wall, "_line": 9},
        {"op": "question_approve", "wall": wall, "_line": 10, "id": "q1"},
    ]
    replayed = QuestionQueue(clock)
    warnings = replayed.replay(records)
    assert [w.split(" (")[0] for w in warnings] == [f"journal line {n}" for n in (3, 4, 5, 6, 7, 8)]
    assert [(q.id, q.text, q.state) for q in replayed.questions] == [("q1", "ok", S.APPROVED)]


def test_a_real_journal_file_brings_the_question_on_screen_back(qapp, tmp_path, bundled_show, clock):
    """kill -9 leaves the journal: the engine and the question queue come back from it."""
    from presenter.controller import ShowController

    state = StateDir(tmp_path / "state")
    writer = state.new_journal(bundled_show, clock.now())
    controller = ShowController(bundled_show, clock=clock)
    controller.attach_journal(writer.append)
    controller.go()
    assert controller.question_intents.paste("Anna (YouTube): Wann kommt das WLAN?") is None
    assert controller.question_intents.add("Was kostet es?", "Ben", "mail") is None
    assert controller.question_intents.approve("q1") is None
    assert controller.question_intents.approve("q2") is None
    assert controller.question_intents.show() is None
    assert (
        controller.question_intents.show()
        == "a question is already on screen: N for the next one, Shift+Q to take it off"
    )
    writer.close()  # the process dies here: nothing else is written

    contents = read_journal(writer.path)
    engine = ShowEngine(bundled_show, clock)
    assert engine.replay(contents.records) == []
    resumed = ShowController(bundled_show, clock=clock, engine=engine)
    queue = resumed.questions
    assert resumed.question_warnings == []
    assert queue.on_screen.id == "q1" and queue.on_screen.asker == "Anna" and queue.on_screen.source is Source.YOUTUBE
    assert questions_status(queue) == {
        "question": {"id": "q1", "text": "Wann kommt das WLAN?"},
        "questions_waiting": 1,
    }
    # the run goes on in the same journal after the restart
    writer = state.reopen(writer.path)
    resumed.attach_journal(writer.append)
    clock.advance(5)
    assert resumed.question_intents.answered_next() is None
    writer.close()
    again = ShowEngine(bundled_show, clock)
    again.replay(read_journal(writer.path).records)
    assert ShowController(bundled_show, clock=clock, engine=again).questions.on_screen.id == "q2"


def test_a_new_run_starts_with_its_own_queue(qapp, bundled_show, clock):
    from presenter.controller import ShowController

    controller = ShowController(bundled_show, clock=clock)
    controller.question_intents.add("Frage")
    controller.start_new_run()
    assert controller.questions.questions == []


def test_delete_the_questions_of_this_run_redacts_the_journal(qapp, tmp_path, bundled_show, clock):
    from presenter.controller import ShowController

    state = StateDir(tmp_path / "state")
    writer = state.new_journal(bundled_show, clock.now())
    controller = ShowController(bundled_show, clock=clock)
    controller.attach_journal(writer.append)
    controller.go()
    controller.question_intents.paste("Anna Geheim (Facebook): Wo wohnt der OB?")
    controller.question_intents.import_entries([{"text": f"Frage {n}", "asker": f"Person {n}"} for n in range(300)])
    writer.close()
    assert delete_questions_from_journal(writer.path) == 2
    data = writer.path.read_bytes()
    assert b"Geheim" not in data and b"Person" not in data
    assert (writer.path.stat().st_mode & 0o777) == 0o600
    assert not writer.path.with_name(writer.path.name + "~").exists()
    engine = ShowEngine(bundled_show, clock)
    assert engine.replay(read_journal(writer.path).records) == []
    assert engine.current == 0  # the show itself is untouched
    controller.question_intents.forget_all()
    assert controller.questions.questions == []


def test_a_big_import_is_split_into_journal_lines_under_the_limit(queue):
    from presenter.run.journal import MAX_LINE_BYTES

    queue.add_many([{"text": 'Ä"' * 999, "asker": f"P{n}"} for n in range(200)])
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in queue.records]
    assert len(lines) > 1 and max(map(len, lines)) < MAX_LINE_BYTES
    assert [q.id for q in queue.questions] == [f"q{n}" for n in range(1, 201)]
    replayed = QuestionQueue()
    assert replayed.replay(queue.records) == []
    assert len(replayed.questions) == 200


# ---------------------------------------------------------------------- CSV


GERMAN_EXCEL = (
    "\ufeffFrage;Name;Quelle;Uhrzeit;Notiz;Gerichtet an\r\n"
    "Wann kommt das WLAN in die Innenstadt?;Anna Müller;E-Mail;17:05;vorab;Klaus Weichel\r\n"
    ";Leer;Mail;;;\r\n"
    '"Mehrzeilig; mit Semikolon\r\nzweite Zeile";Ben;Telefon;;;\r\n'
    "Was ist mit Twitter?;Cem;Twitter;später;;\r\n" + "x" * 2001 + ";Dora;mail;;;\r\n"
    "\r\n"
    "Letzte Frage;Emil;YT;18:01:30;;\r\n"
).encode("utf-8")


def test_csv_import_german_excel_reports_bad_rows_and_imports_the_good(clock):
    report = parse_questions_csv(GERMAN_EXCEL, clock.now())
    assert report.fatal is None
    assert [e["text"] for e in report.entries] == [
        "Wann kommt das WLAN in die Innenstadt?",
        "Mehrzeilig; mit Semikolon\nzweite Zeile",
        "Was ist mit Twitter?",
        "Letzte Frage",
    ]
    assert report.problems == [
        "line 3: the question is empty",
        "line 7: the question is 2001 characters long; at most 2000 fit",
    ]
    assert report.notes == [
        "line 6: source “Twitter” is not known; read as “other”",
        "line 6: time “später” is not a time; the import time is used",
    ]
    first = report.entries[0]
    assert (first["asker"], first["source"], first["note"], first["addressed_to"]) == (
        "Anna Müller",
        Source.MAIL,
        "vorab",
        "Klaus Weichel",
    )
    assert first["received"] == datetime(2021, 1, 19, 17, 5)
    assert report.entries[-1]["received"] == datetime(2021, 1, 19, 18, 1, 30)
    assert report.entries[-1]["source"] is Source.YOUTUBE
    assert report.summary() == "4 questions imported, 2 rows not imported (listed below)"


def test_csv_import_comma_english_and_windows_1252():
    comma = b"received,question,from,source\n2021-01-19 17:00,Is it safe?,Dan,facebook\n"
    report = parse_questions_csv(comma)
    assert [(e["text"], e["asker"], e["source"]) for e in report.entries] == [("Is it safe?", "Dan", Source.FACEBOOK)]
    cp1252 = "Frage;Name\nGrüße aus Kaiserslautern?;Jürgen\n".encode("cp1252")
    assert parse_questions_csv(cp1252).entries[0]["asker"] == "Jürgen"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"Name;Quelle\nAnna;mail\n", "line 1: no column with the question"),
        (b"PK\x03\x04\x00\x00xlsx", "not a CSV text file"),
    ],
)
def test_csv_files_that_cannot_be_used_say_why(data, message):
    report = parse_questions_csv(data)
    assert message in report.fatal and report.entries == []


def test_csv_file_limits(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"Frage\n" + b"x" * (6 * 1024 * 1024))
    assert "larger than 5 MB" in read_questions_file(big).fatal
    fifo = tmp_path / "pipe.csv"
    import os

    os.mkfifo(fifo)
    assert "not a regular file" in read_questions_file(fifo).fatal
    many = tmp_path / "many.csv"
    many.write_text("Frage\n" + "".join(f"F{n}\n" for n in range(5100)))
    report = read_questions_file(many)
    assert len(report.entries) == 5000
    assert report.problems == ["line 5002: and the rows after it are not imported: at most 5000 rows"]
    assert "cannot be read" in read_questions_file(tmp_path / "missing.csv").fatal


@pytest.mark.parametrize("dialect", list(Dialect))
def test_export_and_import_again_in_both_dialects(queue, clock, dialect):
    a, b, c = three(queue)
    queue.edit(b.id, text='=HYPERLINK("http://evil")', note="Zeile 1\nZeile 2; mit Semikolon")
    queue.approve(a.id)
    queue.show()
    clock.advance(90)
    queue.answered_next()
    queue.drop(c.id)
    text = questions_csv(queue.questions, dialect)
    assert text.startswith("\ufeffid;state;received") if dialect is Dialect.EXCEL_DE else text.startswith("id,state")
    assert "'=HYPERLINK" in text  # a viewer's formula is never run by Excel
    lines = text.splitlines()
    assert "answered" in lines[1] and "2021-01-19 17:51:30" in lines[1]
    report = parse_questions_csv(text.encode("utf-8"), clock.now())
    assert report.problems == [] and report.notes == []
    assert [(e["text"], e["asker"], e["source"], e["note"]) for e in report.entries] == [
        (q.text, q.asker, q.source, q.note) for q in queue.questions
    ]


def test_the_as_run_questions_export_comes_from_the_run_journal(qapp, tmp_path, bundled_show, clock):
    from presenter.controller import ShowController
    from presenter.questions.csv_file import questions_csv_for_run
    from presenter.run.as_run import engine_from_journal

    state = StateDir(tmp_path / "state")
    writer = state.new_journal(bundled_show, clock.now())
    controller = ShowController(bundled_show, clock=clock)
    controller.attach_journal(writer.append)
    controller.go()
    controller.question_intents.paste("Anna (YouTube): Wann kommt das WLAN?")
    controller.question_intents.approve("q1")
    clock.advance(60)
    controller.question_intents.show()
    clock.advance(90)
    controller.question_intents.answered_next()
    writer.close()
    engine, warnings = engine_from_journal(writer.path, bundled_show)
    assert warnings == []
    text, problems = questions_csv_for_run(engine.question_records, Dialect.COMMA)
    assert problems == []
    assert text.splitlines()[1] == (
        "q1,answered,2021-01-19 17:50:00,2021-01-19 17:51:00,2021-01-19 17:52:30,,Anna,YouTube,,Wann kommt das WLAN?,,"
    )


def test_as_run_on_the_command_line_exports_the_questions(qapp, tmp_path, bundled_show, clock, capsys):
    """`--as-run --questions` prints them; `--as-run --to DIR` writes them beside the as-run and its log."""
    from presenter.cli import main
    from presenter.controller import ShowController

    state = StateDir(tmp_path / "state")
    writer = state.new_journal(bundled_show, clock.now())
    controller = ShowController(bundled_show, clock=clock)
    controller.attach_journal(writer.append)
    controller.go()
    controller.question_intents.paste("Anna (YouTube): Wann kommt das WLAN?")
    writer.close()
    show = str(bundled_show.path)
    assert main([show, "--as-run", "--questions", "--lang", "en", "--state-dir", str(tmp_path / "state")]) == 0
    out = capsys.readouterr().out
    assert "Wann kommt das WLAN?" in out and "Anna" in out and "YouTube" in out
    folder = tmp_path / "export"
    folder.mkdir()
    assert main([show, "--as-run", "--to", str(folder), "--lang", "en", "--state-dir", str(tmp_path / "state")]) == 0
    names = sorted(path.name for path in folder.iterdir())
    assert names == [
        "as-run-2021-01-19-smart-rlp-log.csv",
        "as-run-2021-01-19-smart-rlp-questions.csv",
        "as-run-2021-01-19-smart-rlp.csv",
    ]
    assert "Wann kommt das WLAN?" in (folder / "as-run-2021-01-19-smart-rlp-questions.csv").read_text()
    assert main([show, "--as-run", "--log", "--questions", "--state-dir", str(tmp_path / "state")]) == 2
