"""Edit commands on the show model, an undo stack and the show lock. Plain Python, no Qt.

Every edit is made on the show *document* (the show file's form: the texts a user writes) and then
read back through the show file's own loader (`show.parse_show`), so an input is accepted or refused
with exactly the rules and messages of the file. The document is also what the journal keeps, so a
replay after a crash rebuilds the edited running order even when it was never saved.
"""

from __future__ import annotations

import base64
import json
import os
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Any

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show import (
    _NOT_PRINTABLE,
    _SEGMENT_KEYS,
    _SHOW_KEYS,
    FORMAT_VERSION,
    Segment,
    Show,
    ShowFileError,
    parse_show,
    slugify,
)
from presenter.show.fields import too_long
from presenter.show.graphics import StreamGraphics, graphics_document
from presenter.show.model import OBS_SCENE_KEYS, TEXT_LIMIT, TEXT_LIMITS, TIME_KEYS
from presenter.timefmt import format_duration

SEGMENT_FIELDS = _SEGMENT_KEYS
SHOW_FIELDS = tuple(key for key in _SHOW_KEYS if key not in ("version", "segments"))
LIST_FIELDS = ("speakers", "talking_points")
MAX_JOURNAL_FIELD = 24 * 1024  # a document above this is compressed
MAX_JOURNAL_LINE = 60 * 1024  # the journal's reader refuses lines over 64 KiB; room for the record's other fields
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024  # a journaled document is checked before it is decompressed and trusted
NEW_SEGMENT_TITLE = QT_TRANSLATE_NOOP("Editing", "New segment")  # translated where a segment is added
NEW_SEGMENT_DURATION = "5:00"

Document = dict[str, Any]  # the show file's form: texts and lists of texts, keys in the file's order
FieldText = str | Sequence[str] | None  # a field as typed: a text, or a list of texts; None or "" removes it
Changes = Mapping[str, FieldText]


class EditError(ValueError):
    """An edit that is refused; the message is the loader's (or says why in the user's terms)."""


# --------------------------------------------------------------------------------------------- documents


def _time_text(value: time) -> str:
    return f"{value:%H:%M:%S}" if value.second else f"{value:%H:%M}"


def clip_text(clip: Path, folder: Path) -> str:
    """A clip path as the show file keeps it: relative to the show file's folder (absolute only when the two
    have nothing but the root in common, a clip on another disk)."""
    try:
        common = Path(os.path.commonpath([clip, folder]))
        relative = Path(os.path.relpath(clip, folder))
    except ValueError:  # another drive (Windows)
        return str(clip)
    if common == Path(common.anchor):
        return str(clip)
    return relative.as_posix()


def segment_document(segment: Segment, folder: Path) -> Document:
    doc: Document = {"id": segment.id, "title": segment.title, "kind": str(segment.kind)}
    if segment.duration_s is not None:
        doc["duration"] = format_duration(segment.duration_s)
    if segment.speakers:
        doc["speakers"] = list(segment.speakers)
    if segment.talking_points:
        doc["talking_points"] = list(segment.talking_points)
    if segment.notes:
        doc["notes"] = segment.notes
    if segment.clip is not None:
        doc["clip"] = clip_text(segment.clip, folder)
    if segment.is_clip:
        doc["end_action"] = str(segment.end_action)
    if segment.warning_s is not None:
        doc["warning"] = format_duration(segment.warning_s)
    if segment.danger_s is not None:
        doc["danger"] = format_duration(segment.danger_s)
    if segment.fill:
        doc["fill"] = True
    if segment.obs_scene:  # presenter.obs
        doc["obs_scene"] = segment.obs_scene
    if segment.lower_third:  # presenter.show.graphics
        doc["lower_third"] = segment.lower_third
    return doc


def show_document(show: Show, folder: Path | None = None) -> Document:
    """The show in the show file's form (clip paths relative to `folder`, by default the show's own)."""
    folder = folder or _folder(show.path)
    doc: Document = {"version": FORMAT_VERSION, "title": show.title}
    if show.description:
        doc["description"] = show.description
    doc.update(
        date=show.date.isoformat(),
        start=_time_text(show.start),
        end=_time_text(show.end),
        warning=format_duration(show.warning_s),
        danger=format_duration(show.danger_s),
    )
    scenes = {key: name for key in OBS_SCENE_KEYS if (name := getattr(show.obs, key))}
    if scenes:  # presenter.obs
        doc["obs"] = {"scenes": scenes}
    if show.graphics != StreamGraphics():
        doc["graphics"] = graphics_document(show.graphics)
    doc["segments"] = [segment_document(segment, folder) for segment in show.segments]
    return doc


def _folder(path: Path | None) -> Path:
    return (path or Path.cwd() / "show.yaml").resolve().parent


def _check_texts(value: object, key: str) -> None:
    """Characters the show file cannot hold, refused with the loader's message."""
    if isinstance(value, str):
        if (
            len(value) > TEXT_LIMITS.get(key, TEXT_LIMIT) and key not in TIME_KEYS
        ):  # the show file's limits (a 1 MB title froze the windows)
            raise EditError(too_long(key, len(value)))
        bad = _NOT_PRINTABLE.search(value)
        if bad:
            raise EditError(
                translate(
                    "Editing", '"{key}" contains the control character U+{code:04X}, which YAML does not allow'
                ).format(key=key, code=ord(bad.group()))
            )
    elif isinstance(value, list):
        for item in value:
            _check_texts(item, key)
    elif isinstance(value, dict):
        for name, item in value.items():
            _check_texts(item, name if isinstance(name, str) else key)


def show_from_document(doc: Document, path: Path | None) -> Show:
    """Validate a document exactly as the loader validates a file; EditError with the loader's message."""
    _check_texts(doc, "show")
    text = json.dumps(doc, ensure_ascii=False, indent=0)  # JSON is YAML: the loader reads it as written
    try:
        return parse_show(text.encode("utf-8"), Path(path) if path is not None else Path.cwd() / "show.yaml")
    except ShowFileError as exc:
        raise EditError(exc.message) from None


# --------------------------------------------------------------------------------------------- the journal


def journal_fields(doc: Document, key: str = "show") -> dict[str, Any]:
    """A document for a journal record: as it is, or compressed when it is large."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) <= MAX_JOURNAL_FIELD:
        return {key: doc}
    packed = base64.b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")
    return {key + "_z": packed}


def journal_record(show: Show, base: Show | None = None) -> dict[str, Any]:
    """The fields of an "edit" journal record: the new running order, and for a run's first edit the one before.

    A journal line is at most 64 KiB: the base is left out when both do not fit (replay then starts
    from the show file), and a running order too large even alone is marked `too_large` (the
    controller tells the director to save, since a crash would lose the edit).
    """
    fields = journal_fields(show_document(show))
    if base is not None:
        with_base = {**fields, **journal_fields(show_document(base), "base")}
        if _size(with_base) <= MAX_JOURNAL_LINE:
            return with_base
    return fields if _size(fields) <= MAX_JOURNAL_LINE else {"too_large": True}


def _size(fields: Mapping[str, object]) -> int:
    return len(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def show_from_record(record: Mapping[str, object], path: Path | None, key: str = "show") -> Show:
    """The show an "edit" journal record carries, checked like a show file (raises ValueError when damaged)."""
    if record.get("too_large") is True:
        raise ValueError(translate("Editing", "this edit was too large for the journal (it was not saved either)"))
    doc = record.get(key)
    if doc is None and isinstance(packed := record.get(key + "_z"), str):
        if len(packed) > MAX_DOCUMENT_BYTES:
            raise ValueError(translate("Editing", "{key} is too large").format(key=key))
        try:
            inflater = zlib.decompressobj()
            raw = inflater.decompress(base64.b64decode(packed, validate=True), MAX_DOCUMENT_BYTES)
            if inflater.unconsumed_tail:
                raise ValueError(translate("Editing", "{key} is too large").format(key=key))
            doc = json.loads(raw.decode("utf-8"))
        except (ValueError, zlib.error, UnicodeDecodeError, RecursionError) as exc:
            raise ValueError(translate("Editing", "{key} is damaged ({exc})").format(key=key, exc=exc)) from None
    if not isinstance(doc, dict):
        raise ValueError(translate("Editing", "{key} is not a running order").format(key=key))
    try:
        return show_from_document(doc, path)
    except EditError as exc:
        raise ValueError(f"{key}: {exc}") from None


# --------------------------------------------------------------------------------------------- edits


def _unique_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def _segments(show: Show) -> tuple[Document, list[Document]]:
    doc = show_document(show)
    return doc, doc["segments"]


def _check_index(show: Show, index: int) -> None:
    if not 0 <= index < len(show.segments):
        raise EditError(
            translate("Editing", "there is no segment {number} in the running order").format(number=index + 1)
        )


def add_segment(show: Show, after: int | None, values: Mapping[str, object] | None = None) -> tuple[Show, int]:
    """A new live segment after `after` (at the end when None); returns the show and its index."""
    doc, segments = _segments(show)
    values = dict(values or {})
    title = str(values.get("title") or translate("Editing", NEW_SEGMENT_TITLE))
    new: Document = {"id": "", "title": title, "kind": "live", "duration": NEW_SEGMENT_DURATION}
    new.update({key: value for key, value in values.items() if key != "id"})
    wanted = values.get("id") or slugify(title)
    new["id"] = _unique_id(str(wanted), {segment["id"] for segment in segments})
    index = len(segments) if after is None else max(0, min(after + 1, len(segments)))
    segments.insert(index, _without_empty(new))
    return show_from_document(doc, show.path), index


def duplicate_segment(show: Show, index: int) -> tuple[Show, int]:
    """A copy right after the segment, with an id of its own."""
    _check_index(show, index)
    doc, segments = _segments(show)
    copy = dict(segments[index])
    copy["id"] = _unique_id(copy["id"], {segment["id"] for segment in segments})
    segments.insert(index + 1, copy)
    return show_from_document(doc, show.path), index + 1


def delete_segment(show: Show, index: int) -> Show:
    _check_index(show, index)
    doc, segments = _segments(show)
    del segments[index]
    return show_from_document(doc, show.path)


def move_segment(show: Show, index: int, to: int) -> Show:
    _check_index(show, index)
    _check_index(show, to)
    doc, segments = _segments(show)
    segments.insert(to, segments.pop(index))
    return show_from_document(doc, show.path)


def _without_empty(values: Document) -> Document:
    """An empty field is a field not given (an optional one then takes its default)."""
    return {key: value for key, value in values.items() if value not in (None, "", [], ())}


def _normalized(key: str, value: FieldText) -> str | list[str] | None:
    if value is None:
        return None
    if key in LIST_FIELDS:
        items = [value] if isinstance(value, str) else list(value)
        return [str(item).strip() for item in items if str(item).strip()]
    return str(value).strip()


def update_segment(show: Show, index: int, changes: Changes) -> Show:
    """Change fields of a segment (texts as typed; "" or None removes an optional field) as one edit."""
    _check_index(show, index)
    unknown = [key for key in changes if key not in SEGMENT_FIELDS]
    if unknown:
        raise EditError(
            translate("Editing", 'unknown key "{unknown}" in segment {number}').format(
                unknown=unknown[0], number=index + 1
            )
        )
    doc, segments = _segments(show)
    segment = dict(segments[index])
    for key, value in changes.items():
        segment[key] = _normalized(key, value)
    if changes.get("kind") == "live":  # a live segment has no clip: what made it a clip goes with the kind
        segment.pop("clip", None)
        segment.pop("end_action", None)
    if "id" in changes and not segment.get("id"):
        segment["id"] = show.segments[index].id
    if "title" in changes and "id" not in changes and _placeholder_id(show.segments[index].id):
        # A segment added with Insert got its id from "New segment": its first real title names it
        # (issue 22: "neues-segment" stayed the id of "Grußwort der Ministerin").
        taken = {other["id"] for n, other in enumerate(segments) if n != index}
        segment["id"] = _unique_id(slugify(str(segment.get("title") or "")) or segment["id"], taken)
    segments[index] = _without_empty(segment)
    return show_from_document(doc, show.path)


def _placeholder_id(segment_id: str) -> bool:
    """Whether `segment_id` was made from the new-segment title (in either language), maybe numbered."""
    stems = {slugify(NEW_SEGMENT_TITLE), slugify(translate("Editing", NEW_SEGMENT_TITLE))}
    head, _, tail = segment_id.rpartition("-")
    return segment_id in stems or (tail.isdigit() and head in stems)


def update_show(show: Show, changes: Changes) -> Show:
    """Change fields of the show itself (title, date, start, end, warning, danger, description)."""
    unknown = [key for key in changes if key not in SHOW_FIELDS]
    if unknown:
        raise EditError(translate("Editing", 'unknown key "{unknown}" in the show').format(unknown=unknown[0]))
    doc = show_document(show)
    for key, value in changes.items():
        doc[key] = _normalized(key, value)
    doc = {key: value for key, value in doc.items() if value not in (None, "")}
    return show_from_document(doc, show.path)


# --------------------------------------------------------------------------------------------- undo, redo, lock


@dataclass(frozen=True)
class Edit:
    label: str  # what the undo menu says: "Delete “Begrüßung”"
    before: Show
    after: Show
    focus: int | None = None  # the row to select afterwards


class LockState(StrEnum):
    OPEN = "open"
    LOCKED = "locked"


@dataclass
class ShowLock:
    """Keeps a stray keystroke from editing on air: locked at the first GO, one click unlocks it."""

    state: LockState = LockState.OPEN
    lock_on_air: bool = True
    _seen_on_air: bool = False

    @property
    def locked(self) -> bool:
        return self.state is LockState.LOCKED

    def observe(self, on_air: bool) -> bool:
        """Called with every show change; locks once when the show first goes on air. True when it locked."""
        if on_air and not self._seen_on_air:
            self._seen_on_air = True
            if self.lock_on_air and not self.locked:
                self.state = LockState.LOCKED
                return True
        if not on_air:
            self._seen_on_air = False  # a new run locks again at its first GO
        return False

    def toggle(self) -> None:
        self.state = LockState.OPEN if self.locked else LockState.LOCKED


@dataclass
class EditSession:
    """The editor's state: applies edits through `apply` (the controller's intent), keeps undo and redo.

    `apply(show)` returns None when the edit was taken, else why it was refused (the segment on air).
    """

    current: Callable[[], Show]
    apply: Callable[[Show], str | None]
    lock: ShowLock = field(default_factory=ShowLock)
    undo_stack: list[Edit] = field(default_factory=list)
    redo_stack: list[Edit] = field(default_factory=list)
    edits_since_save: int = 0
    max_undo: int = 200

    def locked_message(self) -> str | None:
        return translate("Editing", "the show is locked while on air; unlock it to edit") if self.lock.locked else None

    def do(self, label: str, change: Callable[[Show], Show | tuple[Show, int]], focus: int | None = None) -> Edit:
        """Make an edit: `change` gets the current show and returns the edited one. Raises EditError."""
        message = self.locked_message()
        if message:
            raise EditError(message)
        before = self.current()
        result = change(before)
        after, focus = result if isinstance(result, tuple) else (result, focus)
        if show_document(after) == show_document(before):
            return Edit(label, before, before, focus)
        self._take(after)
        edit = Edit(label, before, after, focus)
        self.undo_stack.append(edit)
        del self.undo_stack[: -self.max_undo]
        self.redo_stack.clear()
        self.edits_since_save += 1
        return edit

    def undo(self) -> Edit | None:
        return self._step(self.undo_stack, self.redo_stack, back=True)

    def redo(self) -> Edit | None:
        return self._step(self.redo_stack, self.undo_stack, back=False)

    def _step(self, source: list[Edit], target: list[Edit], *, back: bool) -> Edit | None:
        message = self.locked_message()
        if message:
            raise EditError(message)
        if not source:
            return None
        edit = source[-1]
        self._take(edit.before if back else edit.after)
        source.pop()
        target.append(edit)
        self.edits_since_save += -1 if back else 1
        return edit

    def _take(self, show: Show) -> None:
        refused = self.apply(show)
        if refused:
            raise EditError(refused)

    @property
    def dirty(self) -> bool:
        return self.edits_since_save != 0

    def saved(self) -> None:
        self.edits_since_save = 0

    def forget(self) -> None:
        """Another show, or the file replaced from outside: the history no longer applies."""
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.edits_since_save = 0
