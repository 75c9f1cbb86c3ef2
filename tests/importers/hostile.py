"""Hostile import files written fast: an xlsx from raw sheet XML (no openpyxl), Ontime JSON of any shape."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Ablauf" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def cell(value: object) -> str:
    if isinstance(value, (int, float)):
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t>{value}</t></is></c>'


def sheet_rows(rows: Iterable[Iterable[object]]) -> str:
    return "".join("<row>" + "".join(cell(value) for value in row) + "</row>" for row in rows)


def raw_xlsx(path: Path, sheet_xml: str, head: str = SHEET_HEAD) -> Path:
    """An xlsx whose only sheet is `head + sheet_xml + SHEET_TAIL` (deflated, as Excel writes it)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", head + sheet_xml + SHEET_TAIL)
    return path


def header_and_rows(count: int, columns: int = 3) -> str:
    header = ["Titel", "Dauer"] + [f"Spalte {n}" for n in range(columns - 2)]
    body = ([f"Punkt {n}", "1:00"] + ["x"] * (columns - 2) for n in range(count))
    return sheet_rows([header, *body])


def ontime_v3(events: list[dict], **extra: object) -> str:
    return json.dumps({"settings": {"version": "3.0.0"}, "project": {"title": "T"}, "rundown": events, **extra})


def event(number: int, **fields: object) -> dict:
    return {"id": f"e{number}", "type": "event", "title": f"Punkt {number}", "duration": 60_000, **fields}
