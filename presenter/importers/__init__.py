"""Imports of running orders made elsewhere: Ontime project files and spreadsheets.

Every importer turns its source into rows (one per event or line) and `assemble` makes the show:
each row is checked with the show file's own rules (a row the loader would refuse is left out and
listed with its place and the loader's message), gaps between timed rows become breaks, and the
show's start and hard out come from the first and last row. Nothing is dropped silently: every
row, field or value not imported is in `ImportResult.problems`.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from presenter.i18n import translate
from presenter.show import Show, slugify
from presenter.show.editing import EditError, show_from_document
from presenter.timefmt import format_duration

# Limits, checked while a file is read (the reader stops at the first one passed): a running order of a
# long day has a few hundred rows, so these leave room and still end a hostile file in about a second.
MAX_IMPORT_BYTES = 20 * 1024 * 1024  # any import file
MAX_ROWS = 2000  # rows with content in a sheet or a CSV table, entries in an Ontime rundown
MAX_CELLS = 100_000  # cells of one sheet or table (2,000 rows of 50 columns)
MAX_TEXT = 10_000  # characters of one cell or field (longer ones are cut, with a note)
MAX_SECONDS = 7 * 86_400  # a duration or time beyond a week is not one
DEFAULT_START_S = 18 * 3600.0
DAY_S = 24 * 3600


class ImportFailed(Exception):
    """Nothing could be imported; the message says why in the user's terms."""


class ImportCancelled(ImportFailed):
    """The user stopped the import."""


class BadValue(Exception):
    """A value that is no duration or time (infinite, not a number, beyond a week); its problem is listed."""


@dataclass
class Progress:
    """Work done by a running import (rows read) and the flag that stops it; the import may run in a thread."""

    report: Callable[[int], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    rows: int = 0

    def step(self, count: int = 1) -> None:
        """Called by the readers as they go: counts, reports, and ends the import when it was cancelled."""
        self.rows += count
        if self.cancel.is_set():
            raise ImportCancelled(translate("Import", "the import was cancelled"))
        if self.report is not None:
            self.report(self.rows)


def too_many(name: str, what: str, limit: int, where: str = "") -> ImportFailed:
    """The message for a limit passed while reading ("Ablauf.xlsx: more than 2,000 rows (row 2,001) …")."""
    text = translate("Import", "{name}: more than {limit} {what}; an import reads at most {limit}").format(
        name=name, limit=f"{limit:,}", what=what
    )
    return ImportFailed(f"{text} ({where})" if where else text)


@dataclass
class Row:
    """One event or spreadsheet line, in seconds; None where the source gives nothing."""

    place: str  # "event 3 (id a1b2)" / "sheet Ablauf, row 7"
    title: str = ""
    duration_s: float | None = None
    start_s: float | None = None  # since midnight
    end_s: float | None = None
    notes: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    talking_points: list[str] = field(default_factory=list)
    clip: str = ""
    warning_s: float | None = None
    danger_s: float | None = None


@dataclass
class ImportResult:
    show: Show
    problems: list[str]
    imported: int  # rows that became segments (breaks not counted)


def check_size(path: Path) -> None:
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise ImportFailed(
            translate("Import", "{name} cannot be read ({error})").format(name=path.name, error=exc.strerror or exc)
        ) from None
    if not path.is_file():
        raise ImportFailed(translate("Import", "{name} is not a file").format(name=path.name))
    if size > MAX_IMPORT_BYTES:
        raise ImportFailed(
            translate("Import", "{name} is {size:.1f} MB; an import is at most 20 MB").format(
                name=path.name, size=size / 1048576
            )
        )


def clipped(text: str, place: str, what: str, problems: list[str]) -> str:
    text = text.strip()
    if len(text) > MAX_TEXT:
        problems.append(
            translate("Import", "{place}: {what} is longer than {MAX_TEXT} characters and was cut").format(
                place=place, what=what, MAX_TEXT=MAX_TEXT
            )
        )
        return text[:MAX_TEXT]
    return text


def whole_seconds(seconds: float, place: str, what: str, problems: list[str]) -> float:
    """Seconds as the show file keeps them (whole); a fraction is rounded and reported; BadValue beyond a week."""
    if not math.isfinite(seconds) or abs(seconds) > MAX_SECONDS:
        problems.append(
            translate("Import", "{place}: {what} {seconds} is not a duration or time (at most a week)").format(
                place=place, what=what, seconds=f"{seconds:.6g}"
            )
        )
        raise BadValue
    rounded = float(math.floor(seconds + 0.5))
    if abs(rounded - seconds) > 1e-6:
        problems.append(
            translate("Import", "{place}: {what} {seconds:.3f} s is rounded to {rounded}").format(
                place=place, what=what, seconds=seconds, rounded=format_duration(rounded)
            )
        )
    return rounded


def _time_text(seconds: float) -> str:
    seconds = int(seconds) % DAY_S
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


def _segment(row: Row, duration: float, taken: set[str]) -> dict[str, Any]:
    segment: dict[str, Any] = {"id": "", "title": row.title, "kind": "clip" if row.clip else "live"}
    segment["duration"] = format_duration(duration)
    for key, values in (("speakers", row.speakers), ("talking_points", row.talking_points)):
        if values:
            segment[key] = values
    if row.notes:
        segment["notes"] = "\n".join(row.notes)
    if row.clip:
        segment["clip"] = row.clip
    if row.warning_s is not None:
        segment["warning"] = format_duration(row.warning_s)
    if row.danger_s is not None:
        segment["danger"] = format_duration(row.danger_s)
    wanted = slugify(row.title)
    number, unique = 2, wanted
    while unique in taken:
        unique, number = f"{wanted}-{number}", number + 1
    segment["id"] = unique
    return segment


def _durations(rows: list[Row], problems: list[str]) -> list[tuple[Row, float]]:
    """Each row with its duration: given, or from its end, or up to the next row's start."""
    timed = []
    for number, row in enumerate(rows):
        duration = row.duration_s
        if duration is None and row.start_s is not None and row.end_s is not None:
            duration = (row.end_s - row.start_s) % DAY_S
        if duration is None and row.start_s is not None:
            following = next((r.start_s for r in rows[number + 1 :] if r.start_s is not None), None)
            if following is not None:
                duration = (following - row.start_s) % DAY_S
        if duration is None:
            problems.append(
                translate("Import", '{place}: "{title}" has no duration (and no start and end); not imported').format(
                    place=row.place, title=row.title
                )
            )
            continue
        timed.append((row, duration))
    return timed


def assemble(
    rows: list[Row],
    title: str,
    day: date,
    output: Path,
    problems: list[str],
    hard_out_s: float | None = None,
    progress: Progress | None = None,
    description: str = "",
) -> ImportResult:
    """The show from the rows; rows the show file's rules refuse are listed in `problems` and left out.
    `description`: the source project's own (Ontime's project description) becomes the show's."""
    progress = progress or Progress()
    if len(rows) > MAX_ROWS:
        problems.append(
            translate("Import", "only the first {MAX_ROWS} rows are imported ({count} given)").format(
                MAX_ROWS=MAX_ROWS, count=len(rows)
            )
        )
        rows = rows[:MAX_ROWS]
    timed = _durations(rows, problems)
    first_start = next((row.start_s for row, _ in timed if row.start_s is not None), None)
    if first_start is None:
        first_start = DEFAULT_START_S
        problems.append(
            translate(
                "Import", "no start time given: the show starts at {first_start}; change it in the editor"
            ).format(first_start=_time_text(first_start))
        )
    base = {
        "version": 1,
        "title": title or translate("Import", "Imported show"),
        "date": day.isoformat(),
        "start": "00:00",
        "end": "23:59",
    }
    if description.strip():
        base["description"] = description.strip()
    segments: list[dict[str, Any]] = []
    taken: set[str] = set()
    cursor = first_start
    imported = 0
    for row, duration in timed:
        progress.step()
        if row.start_s is not None:
            cursor += _fill_gap(row, cursor, segments, taken, problems)
        segment = _segment(row, duration, taken)
        try:  # the row alone, checked by the loader: its message, its place
            show_from_document({**base, "segments": [segment]}, output)
        except EditError as exc:
            problems.append(
                translate("Import", '{place}: "{title}" not imported: {exc}').format(
                    place=row.place, title=row.title, exc=exc
                )
            )
            continue
        segments.append(segment)
        taken.add(segment["id"])
        cursor += duration
        imported += 1
    if not imported:
        if problems:
            raise ImportFailed(
                translate("Import", "no row could be imported; first problem: {problem}").format(problem=problems[0])
            )
        raise ImportFailed(translate("Import", "no row could be imported"))
    end_s = _end_time(cursor, hard_out_s, problems)
    base.update(start=_time_text(first_start), end=_time_text(max(end_s, first_start + 60)))
    try:
        show = show_from_document({**base, "segments": segments}, output)
    except EditError as exc:
        raise ImportFailed(translate("Import", "the imported show is not valid: {exc}").format(exc=exc)) from None
    return ImportResult(show, problems, imported)


def _fill_gap(row: Row, cursor: float, segments: list[dict[str, Any]], taken: set[str], problems: list[str]) -> float:
    """A break for the time between `cursor` and the row's own start; how long it is (0: none)."""
    assert row.start_s is not None  # the caller fills gaps before rows with a start only
    gap = (row.start_s - cursor + DAY_S / 2) % DAY_S - DAY_S / 2  # nearest way round midnight
    if gap >= 1:
        pause = Row(row.place, "Pause", gap)
        segments.append(_segment(pause, gap, taken))
        taken.add(segments[-1]["id"])
        problems.append(
            translate("Import", '{place}: the gap of {gap} before "{title}" became a break').format(
                place=row.place, gap=format_duration(gap), title=row.title
            )
        )
        return gap
    if gap <= -1:
        problems.append(
            translate(
                "Import",
                '{place}: "{title}" starts {gap} before the one before ends; it follows it in the running order',
            ).format(place=row.place, title=row.title, gap=format_duration(-gap))
        )
    return 0.0


def _end_time(cursor: float, hard_out_s: float | None, problems: list[str]) -> float:
    """The hard out: the source's, or when the last row ends; never past midnight."""
    end_s = cursor if hard_out_s is None else max(hard_out_s, cursor)
    if end_s >= DAY_S:
        problems.append(
            translate("Import", "the show runs past midnight: its hard out is set to 23:59; change it in the editor")
        )
        end_s = DAY_S - 60
    return end_s


def import_file(
    path: Path | str, output: Path | str, today: date | None = None, progress: Progress | None = None
) -> ImportResult:
    """Import an Ontime project (.json), a spreadsheet (.xlsx) or a table (.csv) as a show for `output`.

    Everything a file can cause ends in ImportFailed with a message: the readers check what they read, and
    what a hostile file still finds (an error of a library, memory, depth) is turned into one here.
    """
    path = Path(path)
    try:
        return _import(path, Path(output), today, progress or Progress())
    except ImportFailed:
        raise
    except MemoryError:
        raise ImportFailed(translate("Import", "{name} is too large to import").format(name=path.name)) from None
    except RecursionError:
        raise ImportFailed(translate("Import", "{name}: nested too deeply").format(name=path.name)) from None
    except Exception as exc:  # a library's error on a damaged file: a message, never a traceback
        raise ImportFailed(
            translate("Import", "{name} cannot be imported ({kind}: {exc})").format(
                name=path.name, kind=type(exc).__name__, exc=str(exc)[:200]
            )
        ) from None


def _import(path: Path, output: Path, today: date | None, progress: Progress) -> ImportResult:
    check_size(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from presenter.importers.ontime import import_ontime

        return import_ontime(path, output, today, progress)
    if suffix in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        from presenter.importers.spreadsheet import import_spreadsheet

        return import_spreadsheet(path, output, today, progress)
    if suffix:
        raise ImportFailed(
            translate(
                "Import", "{name}: cannot import {suffix} files; use an Ontime project (.json), .xlsx or .csv"
            ).format(name=path.name, suffix=suffix)
        )
    raise ImportFailed(
        translate("Import", "{name}: cannot import this file; use an Ontime project (.json), .xlsx or .csv").format(
            name=path.name
        )
    )


def time_of_day_seconds(value: time) -> float:
    return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
