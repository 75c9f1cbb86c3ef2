"""Ontime project files (JSON of Ontime v2, v3 and v4) as a running order.

v3 keeps the rundown as a list (`rundown`: events, blocks, delays); v4 as rundowns of entries by id
with an order (`rundowns.<id>.order`, groups holding `entries`); v2 like v3 with `event` for the
project. Times are milliseconds (a start is since midnight). Events become segments; a block's or
group's title goes into the notes of the events under it; delays and milestones are listed, not
imported; every field Presenter has no place for is listed once.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from presenter.i18n import translate
from presenter.importers import (
    MAX_ROWS,
    ImportFailed,
    ImportResult,
    Progress,
    Row,
    assemble,
    clipped,
    too_many,
    whole_seconds,
)

# An Ontime project of a long day is a few hundred KB, nested 7 levels, with a handful of custom fields.
MAX_JSON_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32  # levels of [] and {}, checked before the JSON is parsed
MAX_OBJECTS = 100_000  # {…} in the file, counted while it is parsed
MAX_DIGITS = 20  # of a whole number (milliseconds of a week have 9)
MAX_CUSTOM_FIELDS = 50  # in the project and in one event
_SLICE = 256 * 1024
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
# Fields read into the segment, and fields that only describe Ontime's own runtime or layout.
_READ = {"title", "note", "duration", "timeStart", "timeEnd", "timeWarning", "timeDanger", "skip", "cue", "custom"}
_READ_V2 = {"subtitle", "presenter", *(f"user{n}" for n in range(10))}
_STRUCTURE = {"id", "type", "revision", "parent", "after", "before", "delay", "gap", "dayOffset", "isFirstLinked"}
_KNOWN_UNUSED = {
    "colour",
    "endAction",
    "timerType",
    "countToEnd",
    "linkStart",
    "timeStrategy",
    "isPublic",
    "flag",
    "triggers",
    "timeType",
}


def _check_depth(text: str, name: str) -> None:
    """Refuses nesting deeper than MAX_DEPTH before parsing: each pass removes the innermost [] and {}."""
    unescaped = text.replace("\\\\", "").replace('\\"', "")  # what is left of a string: "…" without \"
    pieces, inside = [], False
    for start in range(0, len(unescaped), _SLICE):  # in slices: the UI thread gets the GIL in between
        parts = unescaped[start : start + _SLICE].split('"')
        pieces.append(_NOT_BRACKETS.sub("", "".join(parts[1 if inside else 0 :: 2])))  # outside the strings
        inside ^= len(parts) % 2 == 0
    brackets = "".join(pieces).replace("{", "[").replace("}", "]")
    for _ in range(MAX_DEPTH):
        if not brackets:
            return
        brackets = brackets.replace("[]", "")
    if "[]" in brackets:
        raise too_many(name, translate("Import", "levels of nesting"), MAX_DEPTH)
    # otherwise unbalanced: the parser says where


def _parse(text: str, name: str, progress: Progress) -> Any:
    """json.loads with its work counted: objects, digits of a number, no NaN or Infinity."""
    objects = 0

    def make_object(pairs: list[Any]) -> dict[str, Any]:
        nonlocal objects
        objects += 1
        if objects > MAX_OBJECTS:
            raise too_many(name, translate("Import", "objects ({…})"), MAX_OBJECTS)
        if objects % 1000 == 0:
            progress.step(0)  # a cancel ends the parse
        return dict(pairs)

    def number(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            raise ImportFailed(
                translate("Import", "{name}: a number of {count} digits; a time in Ontime has at most {limit}").format(
                    name=name, count=len(digits.lstrip("-")), limit=MAX_DIGITS
                )
            )
        return int(digits)

    def constant(word: str) -> None:
        raise ImportFailed(translate("Import", "{name}: not valid JSON ({word})").format(name=name, word=word))

    return json.loads(text, object_pairs_hook=make_object, parse_int=number, parse_constant=constant)


def _read_text(path: Path) -> str:
    with open(path, "rb") as file:
        data = file.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise ImportFailed(
            translate("Import", "{name} is larger than {limit} MB; an Ontime project is at most {limit} MB").format(
                name=path.name, limit=MAX_JSON_BYTES // 1048576
            )
        )
    return data.decode("utf-8-sig")


def _load(path: Path, progress: Progress) -> dict[str, Any]:
    try:
        text = _read_text(path)
        _check_depth(text, path.name)
        data = _parse(text, path.name, progress)
    except UnicodeDecodeError:
        raise ImportFailed(
            translate("Import", "{name} is not UTF-8 text; an Ontime project is JSON").format(name=path.name)
        ) from None
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            translate("Import", "{name}:{lineno}:{colno}: not valid JSON ({msg})").format(
                name=path.name, lineno=exc.lineno, colno=exc.colno, msg=exc.msg
            )
        ) from None
    except RecursionError:
        raise ImportFailed(translate("Import", "{name}: nested too deeply").format(name=path.name)) from None
    except OSError as exc:
        raise ImportFailed(
            translate("Import", "{name} cannot be read ({error})").format(name=path.name, error=exc.strerror or exc)
        ) from None
    if not isinstance(data, dict):
        raise ImportFailed(translate("Import", "{name} is not an Ontime project (no rundown)").format(name=path.name))
    return data


def _version(data: dict[str, Any]) -> str:
    settings = data.get("settings")
    version = settings.get("version") if isinstance(settings, dict) else None
    if isinstance(version, str) and version[:1].isdigit():
        return version.split(".")[0]
    return "4" if isinstance(data.get("rundowns"), dict) else "3"


def _count(read: int, name: str) -> int:
    """One more rundown entry read (an event, a group, a reference in a group); refused beyond MAX_ROWS."""
    if read >= MAX_ROWS:
        raise too_many(name, translate("Import", "entries in the rundown"), MAX_ROWS)
    return read + 1


def _entries_v4(data: dict[str, Any], name: str, problems: list[str]) -> list[tuple[dict[str, Any], str]]:
    """v4: the entries of the first rundown in their order, a group's events after it, with the group's title."""
    rundowns = data["rundowns"]
    if not rundowns:
        raise ImportFailed(translate("Import", "the Ontime project has no rundown"))
    key = "default" if "default" in rundowns else next(iter(rundowns))
    if len(rundowns) > 1:
        others = ", ".join(str(name) for name in rundowns if name != key)
        problems.append(
            translate("Import", "only the rundown {key!r} is imported; not imported: {others}").format(
                key=key, others=others
            )
        )
    rundown = rundowns[key]
    if not isinstance(rundown, dict) or not isinstance(rundown.get("entries"), dict):
        raise ImportFailed(translate("Import", "the Ontime rundown {key!r} has no entries").format(key=key))
    entries, order = rundown["entries"], rundown.get("order")
    if not isinstance(order, list):
        order = list(entries)
    flat: list[tuple[dict[str, Any], str]] = []
    read = 0
    for entry_id in order:
        read = _count(read, name)
        entry = entries.get(entry_id) if isinstance(entry_id, str) else None
        if not isinstance(entry, dict):
            problems.append(
                translate("Import", "rundown order: entry {entry_id!r} is missing; not imported").format(
                    entry_id=str(entry_id)[:40]
                )
            )
            continue
        if entry.get("type") == "group":
            group = clipped(str(entry.get("title") or ""), "group", "title", problems)
            children = entry.get("entries")
            _report_group(entry, group, children if isinstance(children, list) else [], problems)
            for child_id in children if isinstance(children, list) else []:
                read = _count(read, name)
                child = entries.get(child_id) if isinstance(child_id, str) else None
                if isinstance(child, dict):
                    flat.append((child, group))
                else:
                    problems.append(
                        translate("Import", "group {group!r}: entry {child_id!r} is missing; not imported").format(
                            group=group, child_id=str(child_id)[:40]
                        )
                    )
        else:
            flat.append((entry, ""))
    return flat


_PROJECT_READ = {"title", "description"}
_GROUP_FIELDS_UNUSED = {
    "note": "note",
    "colour": "colour",
    "targetDuration": "target duration",
    "custom": "custom fields",
}


def _report_group(entry: dict[str, Any], group: str, children: list[Any], problems: list[str]) -> None:
    """An Ontime v4 group, said by name: where its title went, or that nothing of it is in the show."""
    title = group or str(entry.get("id", ""))[:40]
    if not children:
        problems.append(
            translate(
                "Import",
                'the group "{title}" has no events: it is not in the show (a group is a heading, not a segment)',
            ).format(title=title)
        )
        return
    problems.append(
        translate(
            "Import", 'the group "{title}" is a heading in Ontime: its title is in the notes of its {count} event(s)'
        ).format(title=title, count=len(children))
    )
    unused = [label for key, label in _GROUP_FIELDS_UNUSED.items() if entry.get(key) not in (None, "", {}, [])]
    if unused:
        problems.append(
            translate("Import", 'the group "{title}": not imported: {fields}').format(
                title=title, fields=", ".join(unused)
            )
        )


def _entries_v3(data: dict[str, Any], name: str, problems: list[str]) -> list[tuple[dict[str, Any], str]]:
    """v3 and v2: a list; a block is a heading for the events after it."""
    rundown = data.get("rundown")
    if not isinstance(rundown, list):
        raise ImportFailed(translate("Import", "the Ontime project has no rundown"))
    flat, block, read = [], "", 0
    for entry in rundown:
        read = _count(read, name)
        if isinstance(entry, dict) and entry.get("type") == "block":
            block = clipped(str(entry.get("title") or ""), "block", "title", problems)
            continue
        flat.append((entry, block))
    return flat


def _ms(entry: dict[str, Any], key: str, place: str, problems: list[str]) -> float | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 7 * 86_400_000:
        problems.append(
            translate("Import", "{place}: {key} {value!r} is not a time in milliseconds; ignored").format(
                place=place, key=key, value=str(value)[:40]
            )
        )
        return None
    return whole_seconds(value / 1000, place, key, problems)


def _text(entry: dict[str, Any], key: str, place: str, problems: list[str]) -> str:
    value = entry.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        problems.append(translate("Import", "{place}: {key} is not a text; ignored").format(place=place, key=key))
        return ""
    return clipped(str(value), place, key, problems)


def _custom(entry: dict[str, Any], labels: dict[str, Any], place: str, problems: list[str]) -> list[str]:
    custom = entry.get("custom")
    if not isinstance(custom, dict):
        return []
    if len(custom) > MAX_CUSTOM_FIELDS:
        raise too_many(place, translate("Import", "custom fields"), MAX_CUSTOM_FIELDS)
    lines = []
    for key, value in custom.items():
        if isinstance(value, dict):  # early v3: {"value": "..."}
            value = value.get("value")
        if value in (None, ""):
            continue
        label = labels.get(key, key)
        lines.append(f"{label}: {clipped(str(value), place, str(label), problems)}")
    return lines


def _row(
    entry: dict[str, Any], group: str, number: int, labels: dict[str, Any], problems: list[str], unused: set[str]
) -> Row | None:
    entry_id = str(entry.get("id", ""))[:40]
    if entry_id:
        place = translate("Import", "event {number} (id {entry_id})").format(number=number, entry_id=entry_id)
    else:
        place = translate("Import", "event {number}").format(number=number)
    if not _is_event(entry, place, problems):
        return None
    row = Row(place, title=_text(entry, "title", place, problems))
    cue = _text(entry, "cue", place, problems)
    if not row.title:
        row.title = (
            translate("Import", "Cue {cue}").format(cue=cue)
            if cue
            else translate("Import", "Event {number}").format(number=number)
        )
        problems.append(
            translate("Import", '{place}: the event has no title; it is called "{title}"').format(
                place=place, title=row.title
            )
        )
    _read_times(row, entry, place, problems)
    presenter = _text(entry, "presenter", place, problems)
    if presenter:
        row.speakers = [presenter]
    notes = [
        _text(entry, "subtitle", place, problems),
        _text(entry, "note", place, problems),
        translate("Import", "Group: {group}").format(group=group) if group else "",
        translate("Import", "Cue: {cue}").format(cue=cue) if cue else "",
        translate("Import", "Skipped in Ontime") if entry.get("skip") is True else "",
        *(f"{key}: {_text(entry, key, place, problems)}" for key in (f"user{n}" for n in range(10)) if entry.get(key)),
        *_custom(entry, labels, place, problems),
    ]
    row.notes = [line for line in notes if line]
    for key in entry:
        if key not in _READ | _READ_V2 | _STRUCTURE:
            unused.add(str(key)[:40])
    return row


def _is_event(entry: dict[str, Any], place: str, problems: list[str]) -> bool:
    """Only events are segments: a delay, a milestone or an unknown type is listed in `problems`."""
    kind = entry.get("type", "event")
    if kind == "delay":
        problems.append(
            translate(
                "Import", "{place}: a delay is a change during Ontime's show, not a part of the plan; not imported"
            ).format(place=place)
        )
        return False
    if kind == "milestone":
        title = _text(entry, "title", place, problems)
        problems.append(
            translate("Import", '{place}: the milestone "{title}" has no duration; not imported').format(
                place=place, title=title
            )
        )
        return False
    if kind != "event":
        problems.append(
            translate("Import", "{place}: an entry of type {kind!r} is not known; not imported").format(
                place=place, kind=str(kind)[:40]
            )
        )
        return False
    return True


def _read_times(row: Row, entry: dict[str, Any], place: str, problems: list[str]) -> None:
    row.start_s = _ms(entry, "timeStart", place, problems)
    row.end_s = _ms(entry, "timeEnd", place, problems)
    row.duration_s = _ms(entry, "duration", place, problems)
    row.warning_s = _ms(entry, "timeWarning", place, problems)
    row.danger_s = _ms(entry, "timeDanger", place, problems)
    if row.warning_s is not None and row.danger_s is not None and row.danger_s > row.warning_s:
        problems.append(
            translate("Import", "{place}: danger is longer than warning; both left to the show's").format(place=place)
        )
        row.warning_s = row.danger_s = None


def import_ontime(
    path: Path, output: Path, today: date | None = None, progress: Progress | None = None
) -> ImportResult:
    progress = progress or Progress()
    data = _load(path, progress)
    problems: list[str] = []
    version = _version(data)
    if version not in ("2", "3", "4"):
        problems.append(
            translate("Import", "Ontime version {version} is not known; read as version 4").format(version=version)
        )
    if isinstance(data.get("rundowns"), dict):
        flat = _entries_v4(data, path.name, problems)
    else:
        flat = _entries_v3(data, path.name, problems)
    fields = data.get("customFields")
    if isinstance(fields, dict) and len(fields) > MAX_CUSTOM_FIELDS:
        raise too_many(path.name, translate("Import", "custom fields"), MAX_CUSTOM_FIELDS)
    labels = {
        key: str(value.get("label") or key)
        for key, value in (fields.items() if isinstance(fields, dict) else ())
        if isinstance(value, dict)
    }
    unused: set[str] = set()
    rows = []
    for number, (entry, group) in enumerate(flat, start=1):
        progress.step()
        if not isinstance(entry, dict):
            problems.append(
                translate("Import", "event {number}: not an Ontime entry; not imported").format(number=number)
            )
            continue
        row = _row(entry, group, number, labels, problems, unused)
        if row is not None:
            rows.append(row)
    known = sorted(unused & _KNOWN_UNUSED)
    unknown = sorted(unused - _KNOWN_UNUSED)
    if known:
        problems.append(
            translate("Import", "Ontime settings Presenter has no place for, not imported: {known}").format(
                known=", ".join(known)
            )
        )
    if unknown:
        problems.append(
            translate("Import", "fields not known, not imported: {unknown}").format(unknown=", ".join(unknown))
        )
    project = data.get("project") if isinstance(data.get("project"), dict) else data.get("event")
    title = str(project.get("title") or "") if isinstance(project, dict) else ""
    title = clipped(title, "project", "title", problems)
    description = str(project.get("description") or "") if isinstance(project, dict) else ""
    description = clipped(description, "project", "description", problems)
    result = assemble(
        rows, title or path.stem, today or date.today(), output, problems, progress=progress, description=description
    )
    if description:
        problems.append(translate("Import", "the project's title and description are the show's"))
    other = sorted(
        str(k)[:40] for k, v in (project.items() if isinstance(project, dict) else ()) if v and k not in _PROJECT_READ
    )
    if other:
        problems.append(translate("Import", "the project's {fields}: not imported").format(fields=", ".join(other)))
    if not title:
        problems.append(
            translate("Import", 'the project has no title: the show is called "{title}"').format(
                title=result.show.title
            )
        )
    return result
