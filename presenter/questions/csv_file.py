"""Questions as CSV: the import of questions sent in before the show, and the export of what became of them.

Two dialects, both read and written: German Excel ("CSV (Trennzeichen-getrennt)": `;`, a UTF-8 BOM,
or Windows-1252 without one) and comma CSV. Columns are found by their header, in German or English.
Every bad row is reported with its line number; the good rows are imported.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from presenter.csvout import FORMULA_STARTS, Dialect, safe_cell, write_csv
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.questions import (
    MAX_QUESTIONS,
    Question,
    QuestionError,
    QuestionState,
    checked_fields,
    parse_source,
)
from presenter.questions.model import source_label, state_word

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_FIELD = 10_000
MAX_REPORTED = 200  # bad rows listed one by one; more are counted


HEADERS = {
    "text": ("text", "question", "frage", "fragetext", "frage text", "inhalt", "nachricht", "message", "comment"),
    "asker": ("asker", "name", "from", "von", "wer", "fragesteller", "fragestellerin", "fragesteller*in", "absender"),
    "source": ("source", "quelle", "kanal", "channel", "plattform", "platform", "herkunft"),
    "received": ("received", "time", "zeit", "uhrzeit", "eingegangen", "eingang", "datum", "date", "timestamp"),
    "screen_text": ("screen text", "bildschirmtext", "kurztext", "kurzfassung", "short text", "short"),
    "note": ("note", "notes", "notiz", "anmerkung", "bemerkung", "kommentar intern"),
    "addressed_to": ("addressed to", "to", "an", "für", "adressat", "gerichtet an", "frage an"),
}
_HEADER_OF = {alias: key for key, aliases in HEADERS.items() for alias in aliases}


def _normal_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").replace("_", " ").replace("-", " ").strip().lower().split())


@dataclass
class ImportReport:
    entries: list[dict[str, Any]] = field(default_factory=list)  # the good rows, ready for QuestionQueue.add_many
    problems: list[str] = field(default_factory=list)  # `line 7: the question is empty`
    notes: list[str] = field(default_factory=list)  # rows imported with a change (`line 9: source … read as other`)
    bad_rows: int = 0
    fatal: str | None = None  # the file as a whole cannot be used

    def summary(self) -> str:
        if self.fatal:
            return self.fatal
        count = len(self.entries)
        if count == 1:
            text = translate("QuestionsCsv", "1 question imported")
        else:
            text = translate("QuestionsCsv", "{count} questions imported").format(count=count)
        if self.bad_rows == 1:
            text += translate("QuestionsCsv", ", 1 row not imported (listed below)")
        elif self.bad_rows:
            text += translate("QuestionsCsv", ", {bad_rows} rows not imported (listed below)").format(
                bad_rows=self.bad_rows
            )
        return text


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); else Windows-1252, which German Excel writes without a BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The header line's separator: `;` (German Excel), `,` or a tab, whichever it has most of."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def parse_received(text: str, today: datetime) -> datetime | None:
    text = text.strip()
    for form in ("%H:%M", "%H:%M:%S"):
        with contextlib.suppress(ValueError):
            parsed = datetime.strptime(text, form)
            return today.replace(hour=parsed.hour, minute=parsed.minute, second=parsed.second, microsecond=0)
    for form in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y", "%d.%m.%y %H:%M"):
        with contextlib.suppress(ValueError):
            return datetime.strptime(text, form)
    with contextlib.suppress(ValueError):
        parsed = datetime.fromisoformat(text)
        return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed
    return None


def read_questions_file(path: Path, today: datetime | None = None) -> ImportReport:
    """Read a CSV file of questions, never more than MAX_FILE_BYTES (a FIFO or a huge file is refused)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                fatal = translate("QuestionsCsv", "{name} is not a regular file").format(name=path.name)
                return ImportReport(fatal=fatal)
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        fatal = translate("QuestionsCsv", "{name} cannot be read: {error}")
        return ImportReport(fatal=fatal.format(name=path.name, error=exc.strerror or exc))
    if len(data) > MAX_FILE_BYTES:
        fatal = translate("QuestionsCsv", "{name} is larger than {megabytes} MB: not imported")
        return ImportReport(fatal=fatal.format(name=path.name, megabytes=MAX_FILE_BYTES // (1024 * 1024)))
    return parse_questions_csv(data, today)


def parse_questions_csv(data: bytes, today: datetime | None = None) -> ImportReport:
    today = today or datetime.now()
    report = ImportReport()
    if b"\x00" in data[:4096]:
        report.fatal = translate(
            "QuestionsCsv", "this is not a CSV text file (it has binary data); save it from Excel as “CSV UTF-8”"
        )
        return report
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        report.fatal = translate("QuestionsCsv", "the file is empty")
        return report
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        header = next(reader)
    except csv.Error as exc:
        report.fatal = translate("QuestionsCsv", "line 1: the header cannot be read ({exc})").format(exc=exc)
        return report
    columns = {}
    for index, name in enumerate(header):
        key = _HEADER_OF.get(_normal_header(name))
        if key is not None and key not in columns:
            columns[key] = index
    if "text" not in columns:
        known = ", ".join(HEADERS["text"][:3])
        fatal = translate("QuestionsCsv", "line 1: no column with the question (a header such as {known} or Frage)")
        report.fatal = fatal.format(known=known)
        return report
    _read_rows(reader, columns, today, report)
    return report


class _CsvRows(Protocol):
    """The rows as `csv.reader` gives them, with the count of lines read (a row may span several)."""

    line_num: int

    def __next__(self) -> list[str]: ...


def _read_rows(reader: _CsvRows, columns: dict[str, int], today: datetime, report: ImportReport) -> None:
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            why = translate("QuestionsCsv", "cannot be read ({exc}); the rest of the file is not imported")
            _bad(report, line, why.format(exc=exc))
            break
        this_line, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(report.entries) + report.bad_rows >= MAX_ROWS:
            why = translate("QuestionsCsv", "and the rows after it are not imported: at most {MAX_ROWS} rows")
            _bad(report, this_line, why.format(MAX_ROWS=MAX_ROWS))
            break
        if len(report.entries) >= MAX_QUESTIONS:
            break
        try:
            report.entries.append(_entry(row, columns, today, this_line, report))
        except QuestionError as exc:
            _bad(report, this_line, str(exc))


def _entry(row: list[str], columns: dict[str, int], today: datetime, line: int, report: ImportReport) -> dict[str, Any]:
    def cell(key: str) -> str:
        index = columns.get(key)
        value = row[index] if index is not None and index < len(row) else ""
        if len(value) > MAX_FIELD:
            raise QuestionError(translate("QuestionsCsv", "a cell is {count} characters long").format(count=len(value)))
        return value

    values = {key: _unsafe_cell(cell(key)) for key in ("text", "asker", "screen_text", "note", "addressed_to")}
    source_text = cell("source")
    source = parse_source(source_text) if source_text.strip() else None
    if source_text.strip() and source is None:
        note = translate("QuestionsCsv", "line {line}: source “{source}” is not known; read as “other”")
        report.notes.append(note.format(line=line, source=source_text.strip()[:40]))
    entry = checked_fields({**values, "source": source or "other"})
    received_text = cell("received")
    if received_text.strip():
        received = parse_received(received_text, today)
        if received is None:
            shown = received_text.strip()[:40]
            note = translate("QuestionsCsv", "line {line}: time “{shown}” is not a time; the import time is used")
            report.notes.append(note.format(line=line, shown=shown))
        entry["received"] = received
    return entry


def _bad(report: ImportReport, line: int, why: str) -> None:
    report.bad_rows += 1
    if len(report.problems) < MAX_REPORTED:
        report.problems.append(translate("QuestionsCsv", "line {line}: {why}").format(line=line, why=why))
    elif len(report.problems) == MAX_REPORTED:
        report.problems.append(translate("QuestionsCsv", "… more bad rows are not listed"))


def _unsafe_cell(text: str) -> str:
    """Our own export's apostrophe before a formula-like text (see _safe_cell) is taken off again."""
    return text[1:] if text[:1] == "'" and text[1:2].startswith(FORMULA_STARTS) and text[1:2] else text


# ---------------------------------------------------------------------- export

EXPORT_COLUMNS = (
    "id",
    "state",
    "received",
    "shown",
    "answered",
    "dropped",
    "asker",
    "source",
    "addressed_to",
    "text",
    "screen_text",
    "note",
)


def _time(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M:%S}" if value is not None else ""


def export_rows(questions: list[Question]) -> list[dict[str, str]]:
    return [
        {
            "id": q.id,
            "state": q.state.value,
            "received": _time(q.received),
            "shown": _time(q.shown_at),
            "answered": _time(q.answered_at) if q.state is QuestionState.ANSWERED else "",
            "dropped": _time(q.dropped_at) if q.state is QuestionState.DROPPED else "",
            "asker": safe_cell(q.asker),
            "source": q.source.value,
            "addressed_to": safe_cell(q.addressed_to),
            "text": safe_cell(q.text),
            "screen_text": safe_cell(q.screen_text),
            "note": safe_cell(q.note),
        }
        for q in questions
    ]


# The export's headers in the app's language (issue 22: English headers in a German export); the German
# ones are import headers too (HEADERS), so an exported file reads back in.
EXPORT_HEADERS = {
    "id": QT_TRANSLATE_NOOP("QuestionsCsv", "id"),
    "state": QT_TRANSLATE_NOOP("QuestionsCsv", "state"),
    "received": QT_TRANSLATE_NOOP("QuestionsCsv", "received"),
    "shown": QT_TRANSLATE_NOOP("QuestionsCsv", "shown"),
    "answered": QT_TRANSLATE_NOOP("QuestionsCsv", "answered"),
    "dropped": QT_TRANSLATE_NOOP("QuestionsCsv", "dropped"),
    "asker": QT_TRANSLATE_NOOP("QuestionsCsv", "asker"),
    "source": QT_TRANSLATE_NOOP("QuestionsCsv", "source"),
    "addressed_to": QT_TRANSLATE_NOOP("QuestionsCsv", "addressed_to"),
    "text": QT_TRANSLATE_NOOP("QuestionsCsv", "text"),
    "screen_text": QT_TRANSLATE_NOOP("QuestionsCsv", "screen_text"),
    "note": QT_TRANSLATE_NOOP("QuestionsCsv", "note"),
}


def questions_csv(questions: list[Question], dialect: Dialect = Dialect.EXCEL_DE) -> str:
    """One row per question, in the producer's order, headers and words in the app's language;
    German Excel starts with a BOM (write as UTF-8)."""
    header = {column: translate("QuestionsCsv", EXPORT_HEADERS[column]) for column in EXPORT_COLUMNS}
    rows = export_rows(questions)
    for row, question in zip(rows, questions, strict=True):
        row["state"] = state_word(question.state)
        row["source"] = source_label(question.source)
    return write_csv(EXPORT_COLUMNS, header, rows, dialect)


def questions_csv_for_run(
    records: Iterable[dict[str, Any]], dialect: Dialect = Dialect.EXCEL_DE
) -> tuple[str, list[str]]:
    """The as-run's questions export: a run's journal records (`read_journal(path).records`, or a replayed
    engine's `question_records`) as CSV, one row per question; and the warnings of damaged records."""
    from presenter.questions import replayed_queue

    queue, warnings = replayed_queue(records)
    return questions_csv(queue.questions, dialect), warnings
