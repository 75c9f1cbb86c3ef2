"""Issue 22 finding 5: no English left in German, no ids where titles belong, no doubled words."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from presenter import i18n
from presenter.questions import Question, QuestionState, Source
from presenter.questions.csv_file import Dialect, parse_questions_csv, questions_csv
from presenter.run.state import ClipState

pytestmark = pytest.mark.xvfb


def test_the_questions_csv_speaks_german_and_reads_back_in(german):
    questions = [
        Question("q1", "Wann kommt das WLAN?", datetime(2026, 12, 7, 17, 0), asker="Anna", source=Source.MAIL,
                 state=QuestionState.APPROVED),
        Question("q2", "Was kostet es?", datetime(2026, 12, 7, 17, 1), source=Source.PHONE),
    ]  # fmt: skip
    text = questions_csv(questions, Dialect.EXCEL_DE)
    header, first, second = text.lstrip("\ufeff").splitlines()[:3]
    assert header.split(";")[:3] == ["Nr.", "Status", "Eingegangen"]
    for english in ("approved", "new", "mail", "phone", "asker", "source"):
        assert english not in (header + first + second).split(";"), english
    assert "freigegeben" in first and "Mail" in first and "Telefon" in second
    entries = parse_questions_csv(text.encode("utf-8")).entries
    assert [(e["text"], e.get("asker"), e["source"]) for e in entries] == [
        ("Wann kommt das WLAN?", "Anna", Source.MAIL),
        ("Was kostet es?", "", Source.PHONE),
    ]


def test_a_failed_clip_says_einspieler_once(german):
    from presenter.ui import theme

    assert theme.clip_label(ClipState.FAILED) == "fehlgeschlagen"
    line = i18n.translate("OnAirPanel", "Clip {state} {position} / {duration}").format(
        state=theme.clip_label(ClipState.FAILED), position="0:00", duration="1:15"
    )
    assert line.count("Einspieler") == 1, line


def test_the_output_line_names_the_armed_clip_by_its_title(german):
    from presenter.ui.director_header import output_text

    status = SimpleNamespace(
        state="armed", segment_id=None, armed_segment_id="minimogli", message="", position_s=0, duration_s=None
    )
    text = output_text(status, {"minimogli": "Clip: MiniMOGLI"})
    assert "Clip: MiniMOGLI" in text and "minimogli" not in text


def test_a_saved_as_run_is_said_in_the_status_line_not_under_problems(start_app, show_copy, tmp_path, monkeypatch):
    """Issue 22 finding 7: the export's success message appeared under "Probleme"."""
    from presenter.ui import export

    target = tmp_path / "as-run.csv"
    monkeypatch.setattr(export.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    app = start_app(show_copy)
    before = app.director.problems.count()
    export.export_run(app)
    assert target.exists()
    assert app.director.problems.count() == before
    assert str(target) in app.director.status_line.text() and app.director.status_line.isVisible()


def german_texts() -> list[str]:
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "presenter" / "i18n" / "presenter_de.ts"
    return [
        "".join(message.find("translation").itertext())
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("translation") is not None
    ]


def test_german_says_sie_and_quotes_one_way():
    """Issue 22 finding 7 (the moderator was "du" in some texts, "Sie" in others) and 5 (quotes mixed)."""
    import re

    du = re.compile(r"(?<![-\w])(du|dein|deine|deinen|dir|dich|bist|hast|kannst|willst|musst)\b", re.IGNORECASE)
    assert [text for text in german_texts() if du.search(text)] == []
    assert [text for text in german_texts() if '"' in text or "”" in text] == []


def test_one_speaker_one_entry():
    from presenter.ui.questions_window import one_entry_per_speaker

    names = ["Klaus Weichel", "Oberbürgermeister Klaus Weichel", "Anna Weichel", "Dr. Lea Roth", "Lea  Roth"]
    assert one_entry_per_speaker(names) == ["Oberbürgermeister Klaus Weichel", "Anna Weichel", "Dr. Lea Roth"]


def test_the_question_dialog_numbers_questions_as_the_list_does(start_app, show_copy, qtbot):
    """Finding 7: the dialog said "Frage q4" while the list said #2."""
    from presenter.ui.questions_window import QuestionEditor, question_number, show_speakers

    app = start_app(show_copy)
    controller = app.controller
    for text in ("Eins?", "Zwei?", "Drei?"):
        controller.question_intents.add(text)
    controller.question_intents.drop("q1")
    ids = [question.id for question in controller.questions.questions]
    number = question_number(controller, "q3")
    assert number == ids.index("q3") + 1
    dialog = QuestionEditor(
        controller.questions.get("q3"), show_speakers(controller), app.questions_window, number=number
    )
    assert f"#{number}" in dialog.windowTitle() and "q3" not in dialog.windowTitle()
    qtbot.waitUntil(lambda: app.questions_window.model.row_of("q3") >= 0)  # the list shows changes a turn later
    row = app.questions_window.model.row_of("q3")
    assert app.questions_window.model.data(app.questions_window.model.index(row, 0)) == str(number)


def test_a_port_in_use_is_said_in_german(german):
    """Finding 5: "address already in use" in a German message. A real socket holds the port."""
    import errno
    import socket

    from presenter.remote.service import os_error_text

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    taken = holder.getsockname()[1]
    second = socket.socket()
    try:
        with pytest.raises(OSError) as caught:
            second.bind(("127.0.0.1", taken))
    finally:
        second.close()
        holder.close()
    assert caught.value.errno == errno.EADDRINUSE
    text = os_error_text(caught.value)
    assert "Port" in text and "already" not in text and "address" not in text.lower(), text


def test_a_bad_duration_names_the_field_as_a_field_in_german(german, tmp_path):
    """Finding 5: `duration „5 Min“ ist nicht m:ss …` put an English word into a German sentence."""
    from pathlib import Path

    from presenter.show import load_show

    source = Path(__file__).resolve().parents[2] / "assets" / "smart-rlp.yaml"
    text = source.read_text(encoding="utf-8")
    broken = tmp_path / "show.yaml"
    import re

    broken.write_text(re.sub(r"duration: *\S+", 'duration: "5 Min"', text, count=1), encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load_show(broken)
    message = str(caught.value)
    assert "Feld „duration“: „5 Min“ ist nicht m:ss" in message, message


def test_the_check_tables_kind_column_fits_its_german_words(german):
    """Finding 5: `--check`'s column "Art" overflowed with "Einspieler"."""
    from pathlib import Path

    from presenter.clips import preflight
    from presenter.show import load_show

    show = load_show(Path(__file__).resolve().parents[2] / "assets" / "smart-rlp.yaml")
    report = preflight.check_show(show)
    header = preflight._header()
    lines = [preflight._row_text(row) for row in report.rows]
    start = header.index("Art")
    planned = header.index("Geplant") if "Geplant" in header else None
    clip_line = next(line for line in lines if "Einspieler" in line)
    assert clip_line.index("Einspieler") == start
    if planned is not None:  # the next column starts where the header says, in every row
        assert all(line[planned - 2 : planned] == "  " or line[planned - 1] == " " for line in lines)


def test_the_moderator_sees_whom_a_question_is_addressed_to(german):
    """Finding 6: the moderator never saw whom a question was addressed to."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from presenter.moderator_view import describe
    from presenter.run.state import QuestionView
    from tests.core_stage import Stage

    snapshot = replace(
        Stage().run.engine.snapshot(),
        question=QuestionView("q1", "Wann kommt das WLAN?", "Anna", "mail", 1, addressed_to="Klaus Weichel"),
    )
    view = describe(snapshot, QCoreApplication.translate)
    assert view.question_header == "Anna · Mail · an Klaus Weichel"
