"""The parts of an xlsx read by a counting XML parser before openpyxl sees them.

openpyxl parses a whole row before it hands back its first cell and builds every shared string at
once, so a sheet of a million cells or a row of two million would take it minutes and gigabytes.
expat, fed in pieces, counts rows and cells as they arrive and stops at the first limit passed;
a document type declaration (entities) is refused, as no workbook Excel writes has one.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

from presenter.i18n import translate
from presenter.importers import MAX_CELLS, MAX_ROWS, ImportFailed, Progress, too_many

CHUNK = 64 * 1024
MAX_SHARED_TEXT = 20_000_000  # characters of all shared strings together
MAX_PART_BYTES = 100 * 1024 * 1024  # unpacked bytes of a part that is read whole (workbook, styles, strings)


class _Stop(Exception):
    """The scan has seen what it was asked for (the rows of a header search)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _parser(name: str, part: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_args: object) -> None:
        raise ImportFailed(
            translate("Import", "{name}: {part} declares XML entities, which an Excel workbook never does").format(
                name=name, part=part
            )
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def _feed(archive: zipfile.ZipFile, part: str, parser: expat.XMLParserType, name: str) -> None:
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise ImportFailed(
            translate("Import", "{name}: {part} is not valid XML ({exc})").format(name=name, part=part, exc=exc)
        ) from None


def _check_head(
    path: Path, archive: zipfile.ZipFile, part: str, parser: expat.XMLParserType, sheet: str, progress: Progress
) -> None:
    """A sheet's head (entities come first); openpyxl reads on to its size, or through all rows without one."""
    sized: list[bool] = []

    def start(tag: str, _attributes: dict[str, str]) -> None:
        if _local(tag) == "dimension":
            sized.append(True)
            raise _Stop
        if _local(tag) == "sheetData":
            raise _Stop

    parser.StartElementHandler = start
    with contextlib.suppress(_Stop):
        _feed(archive, part, parser, path.name)
    if not sized:
        check_sheet(path, archive, part, sheet, progress)


def check_parts(path: Path, archive: zipfile.ZipFile, progress: Progress) -> None:
    """Every XML part openpyxl reads when it opens the book: no entities; strings and sheets within limits."""
    parts = [info for info in archive.infolist() if info.filename.endswith((".xml", ".rels"))]
    names: dict[str, str] = {}  # sheet part → the sheet's name, for messages
    for info in parts:
        part = info.filename
        if part.startswith("xl/worksheets/"):
            continue
        if info.file_size > MAX_PART_BYTES:
            raise ImportFailed(
                translate("Import", "{name}: {part} unpacks to {size} MB; at most {limit} MB").format(
                    name=path.name, part=part, size=info.file_size // 1048576, limit=MAX_PART_BYTES // 1048576
                )
            )
        parser = _parser(path.name, part)
        if part.endswith("sharedStrings.xml"):
            _count_strings(parser, path.name)
        elif part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            parser.StartElementHandler = _collect_names(names)
        _feed(archive, part, parser, path.name)
    sheet_names = {_target(names.get("target " + rid, "")): name for rid, name in names.items() if rid[:6] != "target"}
    for info in parts:
        if info.filename.startswith("xl/worksheets/"):
            part = info.filename
            _check_head(path, archive, part, _parser(path.name, part), sheet_names.get(part, part), progress)


def _collect_names(names: dict[str, str]) -> Callable[[str, dict[str, str]], None]:
    """Handler that keeps each sheet's name by relation id and each relation's target ("target rId1")."""

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local == "sheet":
            rid = next((value for key, value in attributes.items() if _local(key) == "id"), "")
            names[str(rid)] = str(attributes.get("name", ""))
        elif local == "Relationship":
            names["target " + str(attributes.get("Id", ""))] = str(attributes.get("Target", ""))

    return start


def _target(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _count_strings(parser: expat.XMLParserType, name: str) -> None:
    counts = {"strings": 0, "text": 0}

    def start(tag: str, _attributes: dict[str, str]) -> None:
        if _local(tag) == "si":
            counts["strings"] += 1
            if counts["strings"] > MAX_CELLS:
                raise too_many(name, translate("Import", "texts in the workbook"), MAX_CELLS)

    def text(data: str) -> None:
        counts["text"] += len(data)
        if counts["text"] > MAX_SHARED_TEXT:
            raise too_many(name, translate("Import", "characters of text in the workbook"), MAX_SHARED_TEXT)

    parser.StartElementHandler = start
    parser.CharacterDataHandler = text


def check_sheet(
    path: Path, archive: zipfile.ZipFile, part: str, sheet: str, progress: Progress, rows: int | None = None
) -> None:
    """Counts the sheet's rows with content and its cells; refuses it at the first limit passed.

    With `rows`, only that many rows are scanned (what a header search reads).
    """
    counts = {"rows": 0, "cells": 0, "filled": 0, "seen": 0}
    name = f'{path.name}, sheet "{sheet}"'

    def start(tag: str, _attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local == "c":
            counts["cells"] += 1
            if counts["cells"] > MAX_CELLS:
                raise too_many(name, translate("Import", "cells"), MAX_CELLS, _row_text(counts["seen"]))
        elif local in ("v", "is") and not counts["filled"]:
            counts["filled"] = 1
            counts["rows"] += 1
            if counts["rows"] > MAX_ROWS:
                raise too_many(name, translate("Import", "rows"), MAX_ROWS, _row_text(counts["seen"]))
        elif local == "row":
            counts["filled"] = 0
            if rows is not None and counts["seen"] >= rows:
                raise _Stop
            counts["seen"] += 1
            if counts["seen"] % 100 == 0:
                progress.step(0)  # a cancel ends the scan

    parser = _parser(path.name, sheet)
    parser.StartElementHandler = start
    with contextlib.suppress(_Stop):
        _feed(archive, part, parser, path.name)


def _row_text(number: int) -> str:
    return translate("Import", "row {number}").format(number=f"{number:,}")
