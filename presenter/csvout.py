"""The one CSV writer: the as-run, its log and the questions export are all written here.

The dialect is decided here: German Excel reads `;` between the fields and a UTF-8 BOM ("de"), everyone
else commas ("en"); lines end in CRLF (RFC 4180, what Excel writes). Every text cell that starts like a
formula (= + - @, a tab or a CR) gets a leading apostrophe, so a spreadsheet never runs a viewer's or a
director's text; cells the writer made from numbers (times, durations, "-1:00") are written as they are.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Dialect(enum.StrEnum):
    EXCEL_DE = "excel-de"  # `;`, UTF-8 with BOM: Excel on a German Windows opens it as columns
    COMMA = "comma"


@dataclass(frozen=True)
class _Form:
    delimiter: str
    bom: bool


_FORMS = {Dialect.EXCEL_DE: _Form(";", True), Dialect.COMMA: _Form(",", False)}


def dialect_for(lang: str) -> Dialect:
    """The dialect for a language code: German Excel for "de", commas for everything else."""
    return Dialect.EXCEL_DE if lang == "de" else Dialect.COMMA


def csv_lang(environ: Mapping[str, str]) -> str:
    """The CSV language of the user: "de" when LC_ALL/LC_MESSAGES/LANG say German, else "en"."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def safe_cell(text: str) -> str:
    """A text that starts like a formula is not run by a spreadsheet: it gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(
    columns: tuple[str, ...],
    header: Mapping[str, str],
    rows: Iterable[Mapping[str, str]],
    dialect: Dialect,
    *,
    numbers: Iterable[str] = (),
) -> str:
    """The table as CSV text: `header` names each column; every cell except those of the `numbers`
    columns (written from numbers by us) is escaped with safe_cell. Write the result as UTF-8."""
    form = _FORMS[dialect]
    plain = frozenset(numbers)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=form.delimiter, lineterminator="\r\n")
    writer.writerow([safe_cell(header[column]) for column in columns])
    for row in rows:
        writer.writerow([row.get(c, "") if c in plain else safe_cell(row.get(c, "")) for c in columns])
    return ("\ufeff" if form.bom else "") + out.getvalue()
