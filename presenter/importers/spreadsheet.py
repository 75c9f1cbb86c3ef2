"""Spreadsheets as a running order: Ontime's xlsx rundown template, a plain .xlsx, a .csv.

Columns are found by their headers (German or English, any case; the header row may be below a few
rows of project details, as in Ontime's template). A CSV from German Excel (";" and a BOM, or the
Windows code page without one) reads as well as a comma CSV. Durations are m:ss or h:mm:ss, an Excel
time, or minutes ("5 min"); times of day HH:MM[:SS] or an Excel time.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from presenter.i18n import translate
from presenter.importers import (
    MAX_CELLS,
    MAX_ROWS,
    BadValue,
    ImportFailed,
    ImportResult,
    Progress,
    Row,
    assemble,
    clipped,
    time_of_day_seconds,
    too_many,
    whole_seconds,
)
from presenter.importers.xlsx_scan import check_parts, check_sheet
from presenter.timefmt import TimeFormatError, parse_duration, parse_time_of_day

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an xlsx is a zip: its sheets are checked before they are unpacked
MAX_CSV_BYTES = 5 * 1024 * 1024  # a CSV is read whole: 2,000 rows of 50 cells are well below
MAX_COLUMNS = 200  # columns further right are not read
HEADER_SEARCH_ROWS = 30
ONTIME_SHEET = "event schedule"

# Header (lower case, without spaces, dots, underscores and hyphens) → field.
HEADERS = {
    "title": ("titel", "title", "thema", "programmpunkt", "beitrag", "segment", "name"),
    "duration": ("dauer", "duration", "länge", "laenge", "length"),
    "start": ("beginn", "start", "timestart", "startzeit", "uhrzeit", "zeit", "time", "von"),
    "end": ("ende", "end", "timeend", "endzeit", "bis"),
    "notes": ("notizen", "notiz", "notes", "note", "bemerkung", "bemerkungen", "hinweise", "anmerkungen"),
    "speakers": ("sprecher", "speakers", "speaker", "presenter", "moderation", "redner", "mitwirkende", "personen"),
    "talking_points": ("stichpunkte", "talkingpoints", "talkingpoint", "punkte", "inhalt", "inhalte"),
    "clip": ("einspieler", "clip", "video", "datei", "file", "media"),
    "cue": ("cue",),
    "warning": ("warnung", "warning", "warningtime", "timewarning"),
    "danger": ("gefahr", "danger", "dangertime", "timedanger"),
    "skip": ("skip", "überspringen", "ueberspringen"),
    "kind": ("timertype", "eintragstyp", "entrytype"),  # Ontime's xlsx: the entry's type (group, milestone, …)
}
_LOOKUP = {name: key for key, names in HEADERS.items() for name in names}
_IGNORED_ONTIME = {"colour", "color", "farbe", "endaction", "public", "ispublic", "id"}  # named, not imported
_GROUP_KINDS = ("group", "group-start")
_TIMER_KINDS = ("", "event", "count-down", "count-up", "clock", "none")  # Ontime's events (its timer types)
_MINUTES = re.compile(r"^(\d{1,4})\s*(?:min|minuten|minutes|m)\.?$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\n|;|•)\s*")


def _key(header: str) -> str:
    return re.sub(r"[\s._\-/]+", "", header.strip().lower())


# --------------------------------------------------------------------------------------------- reading


def _xlsx_rows(path: Path, problems: list[str], progress: Progress) -> tuple[str, list[list[Any]]]:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise ImportFailed(
                    translate("Import", "{name} unpacks to {unpacked} MB; an import is at most 200 MB unpacked").format(
                        name=path.name, unpacked=unpacked // 1048576
                    )
                )
            check_parts(path, archive, progress)
            return _read_book(path, archive, problems, progress)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise ImportFailed(  # a damaged or cut zip shows in any of these
            translate("Import", "{name} is not an Excel workbook (.xlsx) or it is damaged: {exc}").format(
                name=path.name, exc=str(exc) or type(exc).__name__
            )
        ) from None


def _read_book(
    path: Path, archive: zipfile.ZipFile, problems: list[str], progress: Progress
) -> tuple[str, list[list[Any]]]:
    """The rows of the sheet to import; each sheet is scanned (counted) before openpyxl reads it."""
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except ImportFailed:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFailed(
            translate("Import", "{name} cannot be read as an Excel workbook ({__name__}: {exc})").format(
                name=path.name, __name__=type(exc).__name__, exc=exc
            )
        ) from None
    try:
        names = book.sheetnames
        if not names:
            raise ImportFailed(translate("Import", "{name}: the workbook has no sheet").format(name=path.name))
        chosen = next((name for name in names if name.strip().lower() == ONTIME_SHEET), None)
        for name in names if chosen is None else ():
            check_sheet(path, archive, book[name]._worksheet_path, name, progress, rows=HEADER_SEARCH_ROWS)
            if _has_header(book[name]):
                chosen = name
                break
        chosen = chosen or names[0]
        if len(names) > 1:
            others = ", ".join(name for name in names if name != chosen)
            problems.append(
                translate("Import", 'the sheet "{chosen}" is imported; not imported: {others}').format(
                    chosen=chosen, others=others
                )
            )
        check_sheet(path, archive, book[chosen]._worksheet_path, chosen, progress)
        rows = []
        for values in book[chosen].iter_rows(values_only=True, max_col=MAX_COLUMNS):
            rows.append(list(values))
            progress.step()
        return chosen, rows
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged sheet shows only while its rows are read
        raise ImportFailed(
            translate("Import", "{name} cannot be read as an Excel workbook ({__name__}: {exc})").format(
                name=path.name, __name__=type(exc).__name__, exc=exc
            )
        ) from None
    finally:
        book.close()


def _has_header(sheet: Any) -> bool:
    for values in sheet.iter_rows(values_only=True, max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS):
        if _header_map(list(values)) is not None:
            return True
    return False


def _csv_rows(path: Path, progress: Progress) -> list[list[Any]]:
    with open(path, "rb") as file:
        data = file.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise ImportFailed(
            translate("Import", "{name} is larger than {limit} MB; a table to import is at most {limit} MB").format(
                name=path.name, limit=MAX_CSV_BYTES // 1048576
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # German Excel's "CSV" without UTF-8
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    rows: list[list[Any]] = []
    cells = 0
    try:
        for values in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += len(values)
            where = translate("Import", "row {number}").format(number=f"{len(rows) + 1:,}")
            if cells > MAX_CELLS:
                raise too_many(path.name, translate("Import", "cells"), MAX_CELLS, where)
            if any(value.strip() for value in values):
                if len(rows) >= MAX_ROWS:
                    raise too_many(path.name, translate("Import", "rows"), MAX_ROWS, where)
                progress.step()
            rows.append(values[:MAX_COLUMNS])
    except csv.Error as exc:
        raise ImportFailed(
            translate("Import", "{name} is not a readable CSV table ({exc})").format(name=path.name, exc=exc)
        ) from None
    return rows


def _header_map(values: list[Any]) -> dict[int, str] | None:
    """Column → field for a header row (one with a title column and a time column), else None."""
    found: dict[int, str] = {}
    for column, value in enumerate(values):
        if isinstance(value, str) and _key(value) in _LOOKUP and _LOOKUP[_key(value)] not in found.values():
            found[column] = _LOOKUP[_key(value)]
    fields = set(found.values())
    return found if "title" in fields and fields & {"duration", "start", "end"} else None


# --------------------------------------------------------------------------------------------- values


def _duration(value: object, place: str, what: str, problems: list[str]) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, timedelta):
        return whole_seconds(value.total_seconds(), place, what, problems)
    if isinstance(value, time):
        return whole_seconds(time_of_day_seconds(value), place, what, problems)
    if isinstance(value, datetime):  # an Excel duration over a day shows as a date from 1899-12-30
        return whole_seconds((value - datetime(1899, 12, 30)).total_seconds(), place, what, problems)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return whole_seconds(_days(value) * 86400, place, what, problems)  # Excel: a fraction of a day
    text = str(value).strip()
    minutes = _MINUTES.match(text)
    if minutes:
        return int(minutes.group(1)) * 60.0
    try:
        return float(parse_duration(text))
    except TimeFormatError as exc:
        problems.append(translate("Import", "{place}: {what} {exc}").format(place=place, what=what, exc=exc))
        raise _BadRow from None


def _days(value: float) -> float:
    """A number of days as a float; a whole number too large for one is infinite (whole_seconds refuses it)."""
    try:
        return float(value)
    except OverflowError:
        return float("inf")


def _time_of_day(value: object, place: str, what: str, problems: list[str]) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return whole_seconds(time_of_day_seconds(value), place, what, problems)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        return whole_seconds(float(value) * 86400, place, what, problems)
    try:
        return time_of_day_seconds(parse_time_of_day(str(value)))
    except TimeFormatError as exc:
        problems.append(translate("Import", "{place}: {what} {exc}").format(place=place, what=what, exc=exc))
        raise _BadRow from None


_BadRow = BadValue  # its problem is listed; the row is not imported


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _row(values: list[Any], columns: dict[int, str], place: str, problems: list[str]) -> Row | None:
    cells = {field: values[column] if column < len(values) else None for column, field in columns.items()}
    title = clipped(_text(cells.get("title")), place, translate("Import", "title"), problems)
    if not title and not any(_text(value) for value in values):
        return None  # an empty line
    if not title:
        problems.append(translate("Import", "{place}: no title; not imported").format(place=place))
        return None
    row = Row(place, title=title)
    try:
        row.duration_s = _duration(cells.get("duration"), place, translate("Import", "duration"), problems)
        row.start_s = _time_of_day(cells.get("start"), place, translate("Import", "start"), problems)
        row.end_s = _time_of_day(cells.get("end"), place, translate("Import", "end"), problems)
        row.warning_s = _duration(cells.get("warning"), place, translate("Import", "warning"), problems)
        row.danger_s = _duration(cells.get("danger"), place, translate("Import", "danger"), problems)
    except _BadRow:
        problems[-1] = translate("Import", "{problem}; not imported").format(problem=problems[-1])
        return None
    speakers = _text(cells.get("speakers"))
    row.speakers = [s for s in re.split(r"\s*(?:\n|;|,|/| und | and )\s*", speakers) if s] if speakers else []
    points = clipped(_text(cells.get("talking_points")), place, translate("Import", "talking points"), problems)
    row.talking_points = [p.lstrip("-–• ").strip() for p in _SPLIT.split(points) if p.strip("-–• ")]
    row.clip = clipped(_text(cells.get("clip")), place, translate("Import", "clip"), problems)
    cue = _text(cells.get("cue"))
    skip = _text(cells.get("skip")).lower() in ("x", "true", "yes", "ja", "1", "wahr")
    row.notes = [
        line
        for line in (
            clipped(_text(cells.get("notes")), place, translate("Import", "notes"), problems),
            translate("Import", "Cue: {cue}").format(cue=cue) if cue else "",
            translate("Import", "Skipped in Ontime") if skip else "",
        )
        if line
    ]
    return row


def _name_unused_columns(header: list[Any], columns: dict[int, str], problems: list[str]) -> None:
    """Every column that is not read is named: Ontime's own settings, and columns not known."""
    names = [(_text(value), column) for column, value in enumerate(header) if _text(value) and column not in columns]
    ontime = [name for name, _ in names if _key(name) in _IGNORED_ONTIME]
    unknown = [name for name, _ in names if _key(name) not in _IGNORED_ONTIME]
    if ontime:
        problems.append(
            translate("Import", "Ontime columns Presenter has no place for, not imported: {ontime}").format(
                ontime=", ".join(ontime)
            )
        )
    if unknown:
        problems.append(
            translate("Import", "columns not known, not imported: {unused}").format(unused=", ".join(unknown))
        )


def _rows(
    rows: list[list[Any]], first: int, columns: dict[int, str], where: Callable[[int], str], problems: list[str]
) -> list[Row]:
    """The rows under the header: Ontime's groups (headings) and milestones (markers) said as what they are,
    a group's title in the notes of the segments under it."""
    kind_column = next((column for column, field in columns.items() if field == "kind"), None)
    imported: list[Row] = []
    group, group_place, group_rows = "", "", 0
    timer_types: set[str] = set()

    def close_group() -> None:
        if group and not group_rows:
            problems.append(
                translate("Import", '{place}: the group "{title}" has no events: it is not in the show').format(
                    place=group_place, title=group
                )
            )

    for number, values in enumerate(rows, start=first):
        values = list(values)
        kind = _text(values[kind_column]).lower() if kind_column is not None and kind_column < len(values) else ""
        title = _text(values[next(c for c, f in columns.items() if f == "title")]) if values else ""
        if kind in _GROUP_KINDS or kind == "group-end":
            close_group()
            group, group_place, group_rows = (title, where(number), 0) if kind != "group-end" else ("", "", 0)
            if kind != "group-end":
                problems.append(
                    translate(
                        "Import", '{place}: the group "{title}" is a heading: its title is in the notes of its segments'
                    ).format(place=where(number), title=title)
                )
            continue
        if kind == "milestone" or kind == "skip-import" or kind not in _TIMER_KINDS:
            text = {
                "milestone": translate(
                    "Import", '{place}: the milestone "{title}" is a marker in Ontime; not imported'
                ),
                "skip-import": translate("Import", '{place}: "{title}" is marked skip-import in Ontime; not imported'),
            }.get(kind, translate("Import", '{place}: "{title}" has the type {kind!r}, not known; not imported'))
            problems.append(text.format(place=where(number), title=title, kind=kind[:40]))
            continue
        row = _row(values, columns, where(number), problems)
        if row is None:
            continue
        if kind not in ("", "event", "count-down"):
            timer_types.add(kind)
        if group:
            row.notes.insert(0, translate("Import", "Group: {group}").format(group=group))
            group_rows += 1
        imported.append(row)
    close_group()
    if timer_types:
        problems.append(
            translate("Import", "Timer Type {types}: Presenter's segments count down; not imported").format(
                types=", ".join(sorted(timer_types))
            )
        )
    return imported


def _title_above(rows: list[list[Any]], header_index: int) -> str:
    """A project title in the lines above the header ("Project title | Smart RLP", "Titel: …")."""
    for values in rows[:header_index]:
        cells = [_text(value) for value in values]
        for number, cell in enumerate(cells):
            if _key(cell).rstrip(":") in ("projecttitle", "projectname", "titel", "title", "veranstaltung", "show"):
                rest = [c for c in cells[number + 1 :] if c]
                if rest:
                    return rest[0]
    return ""


def import_spreadsheet(
    path: Path, output: Path, today: date | None = None, progress: Progress | None = None
) -> ImportResult:
    progress = progress or Progress()
    problems: list[str] = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        sheet, rows = _xlsx_rows(path, problems, progress)

        def where(number: int) -> str:
            return translate("Import", 'sheet "{sheet}", row {number}').format(sheet=sheet, number=number)

    else:
        rows = _csv_rows(path, progress)

        def where(number: int) -> str:
            return translate("Import", "row {number}").format(number=number)

    header_index, columns = next(
        ((number, found) for number, values in enumerate(rows[:HEADER_SEARCH_ROWS]) if (found := _header_map(values))),
        (None, None),
    )
    if columns is None or header_index is None:
        raise ImportFailed(
            translate(
                "Import",
                "{name}: no header row with a title column (Titel/Title) and a time column (Dauer/Duration, Beginn/Start or Ende/End) in its first 30 rows",  # noqa: E501
            ).format(name=path.name)
        )
    header = rows[header_index]
    _name_unused_columns(header, columns, problems)
    imported = _rows(rows[header_index + 1 :], header_index + 2, columns, where, problems)
    title = _title_above(rows, header_index) or path.stem
    return assemble(imported, title, today or date.today(), output, problems, progress=progress)
