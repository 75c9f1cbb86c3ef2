"""Issue 25, findings 10 and 15: hostile imports end early in a message (exit 2), never a freeze or a traceback.

Each limit is checked while the file is read: the tests count the rows the import handed on (Progress)
and the memory it took (tracemalloc), never the time.
"""

from __future__ import annotations

import json
import tracemalloc
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hostile import event, header_and_rows, ontime_v3, raw_xlsx, sheet_rows

from presenter.cli import main
from presenter.importers import MAX_CELLS, MAX_ROWS, ImportCancelled, ImportFailed, Progress, import_file

DAY = date(2021, 1, 19)
MB = 1024 * 1024


def refused(path: Path, tmp_path: Path) -> tuple[str, Progress, int]:
    """The message of the refusal, the progress (rows handed on) and the peak of memory the import took."""
    progress = Progress()
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed) as failed:
            import_file(path, tmp_path / "show.yaml", DAY, progress)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "cannot be imported (" not in str(failed.value)  # not the safety net: the reader knew
    return str(failed.value), progress, peak


def test_a_sheet_of_6000_by_200_cells_is_refused_by_its_scan(tmp_path):
    path = raw_xlsx(tmp_path / "big.xlsx", header_and_rows(6000, 200))
    message, progress, peak = refused(path, tmp_path)
    assert f"more than {MAX_CELLS:,} cells" in message
    assert progress.rows == 0  # openpyxl read no row of it
    assert peak < 30 * MB


def test_a_sheet_of_too_many_rows_written_by_excel_names_its_sheet(tmp_path):
    path = tmp_path / "Ablauf.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Ablauf")
    sheet.append(["Titel", "Dauer"])
    for number in range(MAX_ROWS + 5):
        sheet.append([f"Punkt {number}", "1:00"])
    book.save(path)
    message, progress, _ = refused(path, tmp_path)
    assert f'Ablauf.xlsx, sheet "Ablauf": more than {MAX_ROWS:,} rows' in message
    assert f"(row {MAX_ROWS + 1:,})" in message
    assert progress.rows == 0


def test_one_row_of_two_million_cells_is_refused_without_building_it(tmp_path):
    wide = "<row>" + "<c><v>1</v></c>" * 2_000_000 + "</row>"
    path = raw_xlsx(tmp_path / "wide.xlsx", sheet_rows([["Titel", "Dauer"]]) + wide)
    message, progress, peak = refused(path, tmp_path)
    assert f"more than {MAX_CELLS:,} cells" in message and "(row 2)" in message
    assert progress.rows == 0
    assert peak < 30 * MB  # the old reader built the row: 1.3 GB


def test_a_csv_row_of_too_many_cells_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("Titel;Dauer\n" + ";" * (MAX_CELLS + 10) + "\n", encoding="utf-8")
    message, progress, _ = refused(path, tmp_path)
    assert f"more than {MAX_CELLS:,} cells" in message
    assert progress.rows == 1


def test_5000_ontime_events_with_40_custom_fields_are_refused_before_a_row_is_built(tmp_path):
    fields = {f"f{n}": {"label": f"Feld {n}", "type": "string"} for n in range(40)}
    events = [event(n, custom={f"f{k}": f"Wert {k}" for k in range(40)}) for n in range(5000)]
    path = tmp_path / "custom.json"
    path.write_text(ontime_v3(events, customFields=fields), encoding="utf-8")
    message, progress, _ = refused(path, tmp_path)
    assert f"more than {MAX_ROWS:,} entries in the rundown" in message
    assert progress.rows == 0


def test_too_many_custom_fields_are_refused(tmp_path):
    path = tmp_path / "custom.json"
    custom = {f"f{k}": "x" for k in range(60)}
    path.write_text(ontime_v3([event(1, custom=custom)]), encoding="utf-8")
    message, _, _ = refused(path, tmp_path)
    assert "more than 50 custom fields" in message


def test_an_ontime_4_group_that_holds_itself_100000_times_is_refused(tmp_path):
    group = {"id": "g", "type": "group", "title": "G", "entries": ["g"] * 100_000}
    rundown = {"id": "default", "order": ["g"] * 50_000, "entries": {"g": group}}
    path = tmp_path / "group.json"
    path.write_text(json.dumps({"settings": {"version": "4.0.0"}, "rundowns": {"default": rundown}}))
    message, progress, peak = refused(path, tmp_path)
    assert f"more than {MAX_ROWS:,} entries in the rundown" in message
    assert progress.rows == 0
    assert peak < 50 * MB  # the old reader: 4 GB


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"rundown": [{"title": "A", "duration": ' + "9" * 5000 + "}]}", "a number of 5000 digits"),
        ("[" * 100_000 + "]" * 100_000, "more than 32 levels of nesting"),
        ('{"rundown": [{"title": "A", "duration": NaN}]}', "not valid JSON (NaN)"),
        ('{"rundown": [' + ",".join(["{}"] * 150_000) + "]}", "more than 100,000 objects"),
        ('{"rundown": [{"title": "A"' + "}" * 3, "not valid JSON"),
    ],
)
def test_hostile_json_is_a_message(tmp_path, text, message):
    path = tmp_path / "project.json"
    path.write_text(text, encoding="utf-8")
    assert message in refused(path, tmp_path)[0]


def test_a_json_file_over_5_mb_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "project.json"
    path.write_bytes(b'{"rundown": [], "x": "' + b"x" * (6 * MB) + b'"}')
    assert "is larger than 5 MB" in refused(path, tmp_path)[0]


ENTITY_HEAD = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "x">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)


def test_xml_entities_in_a_sheet_are_refused(tmp_path):
    path = raw_xlsx(tmp_path / "entities.xlsx", sheet_rows([["Titel", "Dauer"], ["&a;", "1:00"]]), ENTITY_HEAD)
    assert "declares XML entities" in refused(path, tmp_path)[0]


def test_an_undefined_entity_deep_in_a_sheet_is_a_message(tmp_path):
    rows = header_and_rows(500, 2) + '<row><c t="inlineStr"><is><t>&b;</t></is></c></row>'
    path = raw_xlsx(tmp_path / "entity.xlsx", rows)
    assert "not valid XML (undefined entity" in refused(path, tmp_path)[0]


def test_a_duration_cell_of_1e308_is_a_row_not_imported(tmp_path):
    path = raw_xlsx(
        tmp_path / "huge.xlsx",
        sheet_rows([["Titel", "Dauer"], ["Unendlich", 1e308], ["Riesig", 10**400], ["Gut", "1:00"]]),
    )
    result = import_file(path, tmp_path / "show.yaml", DAY)
    assert [segment.title for segment in result.show.segments] == ["Gut"]
    problems = "\n".join(result.problems)
    assert "row 2: duration inf is not a duration or time (at most a week); not imported" in problems
    assert "row 3: duration inf is not a duration or time" in problems


@pytest.mark.parametrize("value", [-1e308, 1e20, -5 / 1440, "-5:00", "inf", "nan"])
def test_odd_durations_are_rows_not_imported(tmp_path, value):
    path = raw_xlsx(tmp_path / "odd.xlsx", sheet_rows([["Titel", "Dauer"], ["Odd", value], ["Gut", "1:00"]]))
    result = import_file(path, tmp_path / "show.yaml", DAY)
    assert [segment.title for segment in result.show.segments] == ["Gut"]


def test_a_number_cell_that_is_no_number_is_a_message(tmp_path):
    path = raw_xlsx(tmp_path / "odd.xlsx", sheet_rows([["Titel", "Dauer"], ["Odd", float("nan")]]))
    assert "cannot be read as an Excel workbook (ValueError" in refused(path, tmp_path)[0]


def test_a_cut_or_damaged_workbook_is_a_message(tmp_path):
    whole = raw_xlsx(tmp_path / "whole.xlsx", header_and_rows(20)).read_bytes()
    cut = tmp_path / "cut.xlsx"
    for length in range(0, len(whole), 41):
        cut.write_bytes(whole[:length])
        refused(cut, tmp_path)
    damaged = bytearray(whole)
    damaged[whole.rindex(b"xl/worksheets/sheet1.xml") - 36] = 99  # the sheet's compression method (central directory)
    cut.write_bytes(bytes(damaged))
    refused(cut, tmp_path)


WRONG = [None, True, -1, 1e308, "x", [], {}, [[[]]], {"a": {"b": 1}}, "\x00"]
FIELDS = ["id", "type", "title", "duration", "timeStart", "timeEnd", "timeWarning", "timeDanger", "cue", "note"]
FIELDS += ["skip", "custom", "presenter", "subtitle", "user0", "entries"]


@pytest.mark.parametrize("field", FIELDS)
def test_wrong_types_in_every_ontime_field_are_listed_or_refused(tmp_path, field):
    path = tmp_path / "project.json"
    for value in WRONG:
        bad = event(1, **{"timeStart": 36_000_000, "cue": "1", "custom": {"f": "v"}, "user0": "u", field: value})
        for document in (
            {"rundown": [{"type": "block", "title": value}, bad, event(2)], "customFields": {"f": {"label": value}}},
            {
                "settings": {"version": value},
                "project": {"title": value},
                "rundowns": {"r": {"order": ["g", "e2"], "entries": {"g": dict(bad, type="group"), "e2": event(2)}}},
            },
        ):
            path.write_text(json.dumps(document), encoding="utf-8")
            try:
                import_file(path, tmp_path / "show.yaml", DAY)
            except ImportFailed as exc:
                assert "cannot be imported (" not in str(exc)  # the reader knew, not the safety net


def test_an_import_is_cancelled_between_rows(tmp_path):
    path = tmp_path / "Ablauf.csv"
    path.write_text("Titel;Dauer\n" + "".join(f"Punkt {n};1:00\n" for n in range(500)), encoding="utf-8")
    progress = Progress()
    progress.report = lambda rows: progress.cancel.set() if rows == 100 else None
    with pytest.raises(ImportCancelled):
        import_file(path, tmp_path / "show.yaml", DAY, progress)
    assert progress.rows == 101


def written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda d: raw_xlsx(d / "big.xlsx", header_and_rows(3000, 60)),
        lambda d: raw_xlsx(d / "entities.xlsx", sheet_rows([["Titel", "Dauer"]]), ENTITY_HEAD),
        lambda d: raw_xlsx(d / "huge.xlsx", sheet_rows([["Titel", "Dauer"], ["A", 1e308]])),
        lambda d: written(d / "digits.json", '{"rundown": [{"duration": ' + "9" * 5000 + "}]}"),
        lambda d: written(d / "many.json", ontime_v3([event(n) for n in range(MAX_ROWS + 1)])),
    ],
)
def test_the_command_line_says_why_and_exits_2(tmp_path, capsys, make):
    source = make(tmp_path)
    assert main(["--import", str(source), "--output", str(tmp_path / "show.yaml")]) == 2
    err = capsys.readouterr().err
    assert f"presenter: {source.name} not imported: " in err
    assert "Traceback" not in err
    assert not (tmp_path / "show.yaml").exists()


def test_brackets_inside_texts_are_no_nesting_even_across_the_checks_slices(tmp_path):
    note = "x" * 300_000 + "[" * 40 + '\\"' + "{" * 40  # 300 KB: past the depth check's first slice
    path = tmp_path / "project.json"
    path.write_text(json.dumps({"rundown": [event(1)], "x": note}), encoding="utf-8")
    assert import_file(path, tmp_path / "show.yaml", DAY).imported == 1
