"""Spreadsheets imported as a running order: Ontime's xlsx template, plain xlsx, German and English CSV."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from presenter.importers import ImportFailed, import_file

DAY = date(2021, 1, 19)


def ontime_template(path: Path) -> Path:
    """Laid out like Ontime's rundown template: project details above, the header in row 4, Excel times."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Event schedule"
    sheet.append(["Ontime · Schedule Template"])
    sheet.append(["Project title", "Smart RLP"])
    sheet.append([])
    sheet.append(
        ["Time Start", "Time End", "Duration", "ID", "Cue", "Title", "Is Public", "Skip", "Notes", "Colour", "Sponsor"]
    )
    sheet.append(
        [time(17, 30), time(17, 35), timedelta(minutes=5), "a", "1", "Begrüßung", "x", "", "Kamera 1", "#f00", "Stadt"]
    )
    sheet.append(
        [time(17, 35), time(18, 12, 45), timedelta(minutes=37, seconds=45), "b", "2", "Diskussion", "", "", "", "", ""]
    )
    sheet.append([time(18, 12, 45), time(18, 14), "0:01:15", "c", "3", "Clip: MiniMOGLI", "", "x", "", "", ""])
    sheet.append([time(18, 20), time(18, 55), "35 min", "d", "4", "Fragerunde", "", "", "", "", ""])
    sheet.append(["25:00", None, "5:00", "e", "5", "Kaputt", "", "", "", "", ""])
    sheet.append([None, None, "fünf", "f", "6", "Auch kaputt", "", "", "", "", ""])
    sheet.append([None, None, None, None, None, None, None, None, None, None, None])
    sheet.append([time(18, 55), time(19, 0), 5 / 1440, "g", "7", "Verabschiedung", "", "", "", "", ""])
    book.create_sheet("Notizen").append(["nichts"])
    book.save(path)
    return path


def test_ontimes_xlsx_template(tmp_path):
    result = import_file(ontime_template(tmp_path / "rundown.xlsx"), tmp_path / "show.yaml", DAY)
    show = result.show
    assert show.title == "Smart RLP"
    assert [s.title for s in show.segments] == [
        "Begrüßung",
        "Diskussion",
        "Clip: MiniMOGLI",
        "Pause",
        "Fragerunde",
        "Verabschiedung",
    ]
    assert [s.duration_s for s in show.segments] == [300, 2265, 75, 360, 2100, 300]
    assert (f"{show.start:%H:%M}", f"{show.end:%H:%M}") == ("17:30", "19:00")
    assert show.segments[0].notes == "Kamera 1\nCue: 1"
    assert "Skipped in Ontime" in show.segments[2].notes
    problems = "\n".join(result.problems)
    assert 'sheet "Event schedule", row 9: start "25:00" is not a time of day HH:MM; not imported' in problems
    assert 'sheet "Event schedule", row 10: duration "fünf" is not m:ss or h:mm:ss; not imported' in problems
    assert "columns not known, not imported: Sponsor" in problems
    assert 'the sheet "Event schedule" is imported; not imported: Notizen' in problems
    assert 'row 8: the gap of 6:00 before "Fragerunde" became a break' in problems


def test_a_plain_german_xlsx(tmp_path):
    path = tmp_path / "Ablauf.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ablauf"
    sheet.append(["Beginn", "Titel", "Dauer", "Sprecher", "Stichpunkte", "Einspieler", "Notizen"])
    sheet.append(["17:30", "Begrüßung", "5:00", "Klaus Weichel", "Willkommen\nGäste vorstellen", "", "Kamera 1"])
    sheet.append(["", "Diskussion", "37:45", "Malu Dreyer, Nicole Steingaß und Klaus Weichel", "", "", ""])
    sheet.append(["", "Clip", "1:15", "", "", "clips/minimogli.mp4", ""])
    sheet.append(["", "", "1:00", "", "", "", "ohne Titel"])
    sheet.append(["", "Zu lang", "25:00:00", "", "", "", ""])
    book.save(path)
    result = import_file(path, tmp_path / "show.yaml", DAY)
    show = result.show
    assert show.title == "Ablauf"
    assert [s.title for s in show.segments] == ["Begrüßung", "Diskussion", "Clip"]
    assert show.segments[0].talking_points == ("Willkommen", "Gäste vorstellen")
    assert show.segments[1].speakers == ("Malu Dreyer", "Nicole Steingaß", "Klaus Weichel")
    assert show.segments[2].is_clip and show.segments[2].clip == (tmp_path / "clips" / "minimogli.mp4").resolve()
    problems = "\n".join(result.problems)
    assert 'sheet "Ablauf", row 5: no title; not imported' in problems
    assert 'sheet "Ablauf", row 6: "Zu lang" not imported: duration "25:00:00" is longer than 24:00:00' in problems


GERMAN_CSV = (
    "Titel;Dauer;Beginn;Notizen\r\nBegrüßung;5:00;17:30;Kamera 1\r\n"
    'Diskussion;37:45;;"Fragen; danach Clip"\r\nKaputt;5 Min;;\r\n'
)
ENGLISH_CSV = 'Title,Duration,Start,Speakers\nWelcome,5:00,17:30,"Anna, Ben"\nTalk,0:37:45,,\nBroken,-1:00,,\n'


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\xef\xbb\xbf" + GERMAN_CSV.encode("utf-8"), "excel-utf8.csv"),
        (GERMAN_CSV.encode("cp1252"), "excel-ansi.csv"),
        (ENGLISH_CSV.encode("utf-8"), "english.csv"),
    ],
)
def test_csv_tables(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    result = import_file(path, tmp_path / "show.yaml", DAY)
    show = result.show
    assert [s.duration_s for s in show.segments][:2] == [300, 2265]
    assert f"{show.start:%H:%M}" == "17:30"
    if "excel" in name:
        assert [s.title for s in show.segments] == ["Begrüßung", "Diskussion", "Kaputt"]  # "5 Min" is minutes
        assert show.segments[1].notes == "Fragen; danach Clip"
    else:
        assert [s.title for s in show.segments] == ["Welcome", "Talk"]
        assert show.segments[0].speakers == ("Anna", "Ben")
        assert 'row 4: duration "-1:00" is negative; not imported' in "\n".join(result.problems)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"Name;Wert\r\na;b\r\n", "x.csv", "no header row with a title column"),
        (b"not a zip", "x.xlsx", "is not an Excel workbook"),
        (b"Titel;Dauer\r\n;\r\n", "x.csv", "no row could be imported"),
        (b"x", "x.ods", "cannot import .ods files"),
    ],
)
def test_a_table_that_cannot_be_imported_is_a_clear_message(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        import_file(path, tmp_path / "show.yaml", DAY)


def test_durations_without_a_start_follow_each_other_from_18_00(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("Title,Duration\nA,1:00:01\nB,0:59\n", encoding="utf-8")
    result = import_file(path, tmp_path / "show.yaml", DAY)
    assert [s.duration_s for s in result.show.segments] == [3601, 59]
    assert (f"{result.show.start:%H:%M}", f"{result.show.end:%H:%M}") == ("18:00", "19:01")
    assert "no start time given" in result.problems[0]


def test_starts_without_durations_give_the_durations(tmp_path):
    path = tmp_path / "starts.csv"
    path.write_text("Beginn;Ende;Titel\n17:30;;A\n17:35:30;;B\n17:50;18:00;C\n", encoding="utf-8")
    result = import_file(path, tmp_path / "show.yaml", DAY)
    assert [s.duration_s for s in result.show.segments] == [330, 870, 600]
