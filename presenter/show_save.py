"""Saving an edited show: only the edited lines change; the user's comments, key order and layout stay.

PyYAML (the loader) throws comments away, so the file is written with ruamel.yaml in round-trip mode:
it keeps every comment, blank line, quote style and key order of the file it read, and the saver
only touches the values whose meaning changed (compared on the parsed show, so "05:00" written as
"5:00" is not an edit). Durations and times are written quoted ("2:00"): unquoted, a YAML 1.1 reader
takes 2:00 for the number 120. What is written is read back with the loader first; a file that would
not read back as the edited show is never written.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from presenter.editing import SEGMENT_FIELDS, SHOW_FIELDS, segment_document, show_document
from presenter.files import atomic_write
from presenter.i18n import translate
from presenter.show import Show, ShowFileError, parse_show, read_show_bytes, slugify

QUOTED_KEYS = ("duration", "warning", "danger", "start", "end")
SHOW_FILE_MODE = 0o644  # a show file is the user's document, not private state
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 4, 0), (2, 4, 0), (4, 6, 4))  # mapping, sequence, offset


class SaveError(Exception):
    """The show cannot be saved; the message says why in the user's terms."""


class SaveConflict(SaveError):
    """The file changed on disk since it was loaded: keep mine, take theirs, or save as."""

    def __init__(self, path: Path, theirs: bytes):
        self.path = path
        self.theirs = theirs
        super().__init__(
            translate("ShowSave", "{name} was changed by someone else since it was opened").format(name=path.name)
        )


@dataclass(frozen=True)
class ShowFile:
    """A show file as loaded for editing: its bytes (to write round-trip, to notice a change) and its show."""

    path: Path
    data: bytes
    show: Show
    layout: tuple[int, int, int] = (2, 4, 2)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")


def open_show_file(path: Path | str) -> ShowFile:
    """Read and validate a show file for editing (ShowFileError as the loader says it)."""
    path = Path(path).resolve()
    data = read_show_bytes(path)
    return ShowFile(path, data, parse_show(data, path), _guess_layout(data.decode("utf-8-sig")))


def _yaml(layout: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap the user's long lines
    yaml.allow_unicode = True
    mapping, sequence, offset = layout
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _guess_layout(text: str) -> tuple[int, int, int]:
    """The indentation that reproduces the file as it is (tried on its first 200 lines)."""
    sample = "\n".join(text.splitlines()[:200]) + "\n"
    best, fewest = _LAYOUTS[0], None
    for layout in _LAYOUTS:
        try:
            yaml = _yaml(layout)
            lines = _dump(yaml, yaml.load(sample)).splitlines()
        except Exception:  # a cut-off sample may not parse; the full save checks itself
            continue
        differing = sum(a != b for a, b in zip(lines, sample.splitlines(), strict=False))
        differing += abs(len(lines) - len(sample.splitlines()))
        if fewest is None or differing < fewest:
            best, fewest = layout, differing
        if differing == 0:
            break
    return best


# --------------------------------------------------------------------------------------------- values


def _scalar(key: str, value, old=None):
    if key in QUOTED_KEYS:
        return DoubleQuotedScalarString(value)
    if key == "date":
        return date.fromisoformat(value)
    if isinstance(old, ScalarString) and "\n" not in value:
        return type(old)(value)  # the user's quoting style stays
    if _needs_quotes(value):
        return DoubleQuotedScalarString(value)  # as the show files write them: "Clip: MiniMOGLI"
    return value


def _needs_quotes(value: str) -> bool:
    """Whether ruamel would quote the text (then in double quotes, never its single ones)."""
    out = io.StringIO()
    YAML(typ="rt").dump({"k": value}, out)
    return out.getvalue()[3:4] in ("'", '"')


def _seq(key: str, items: list[str], flow: bool) -> CommentedSeq:
    seq = CommentedSeq(_scalar(key, item) for item in items)
    if flow:
        seq.fa.set_flow_style()
    return seq


def _set_list(mapping: CommentedMap, key: str, items: list[str], flow: bool) -> None:
    old = mapping.get(key)
    if not isinstance(old, CommentedSeq):
        _put(mapping, key, _seq(key, items, flow))
        return
    for index, item in enumerate(items):  # item by item: comments on the unchanged ones stay
        if index >= len(old):
            old.append(_scalar(key, item))
        elif old[index] != item:
            old[index] = _scalar(key, item, old[index])
    del old[len(items) :]


def _put(mapping: CommentedMap, key: str, value, order: tuple[str, ...] = SEGMENT_FIELDS) -> None:
    """Set a key; a new one goes where the file format lists it among the keys the mapping has."""
    if key in mapping:
        mapping[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = len(mapping)
    for number, existing in enumerate(mapping):
        if existing in order and order.index(existing) > rank:
            position = number
            break
    mapping.insert(position, key, value)


def _update(mapping: CommentedMap, old: dict, new: dict, order: tuple[str, ...], flows: dict[str, bool]) -> None:
    for key in order:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if after is None:
            mapping.pop(key, None)
        elif isinstance(after, list):
            if key in mapping:
                _set_list(mapping, key, after, flows.get(key, False))
            else:
                _put(mapping, key, _seq(key, after, flows.get(key, False)), order)
        else:
            _put(mapping, key, _scalar(key, after, mapping.get(key)), order)


# --------------------------------------------------------------------------------------------- blank lines


def _tail(mapping: CommentedMap):
    """Where the comment after a segment's last line lives: (holder, key, slot)."""
    if not mapping:
        return None
    last = list(mapping)[-1]
    value = mapping[last]
    if isinstance(value, CommentedSeq) and value and not value.fa.flow_style():
        return value.ca, len(value) - 1, 0
    return mapping.ca, last, 2


def _token(mapping):
    where = _tail(mapping) if isinstance(mapping, CommentedMap) else None
    if where is None:
        return None, None
    holder, key, slot = where
    entry = holder.items.get(key)
    return where, (entry[slot] if entry and len(entry) > slot else None)


def _trailing_blank(mapping) -> bool:
    """Whether a blank line follows the segment (after its last value and any comment there)."""
    _where, token = _token(mapping)
    return token is not None and token.value.endswith("\n\n")


def _set_trailing_blank(mapping: CommentedMap, wanted: bool) -> None:
    where, token = _token(mapping)
    if where is None or _trailing_blank(mapping) == wanted:
        return
    holder, key, slot = where
    if token is not None:  # a comment after the last value keeps its text
        text = token.value.rstrip("\n")
        token.value = text + ("\n\n" if wanted else "\n") if text else ("\n\n" if wanted else "")
        if token.value:
            return
    entry = holder.items.setdefault(key, [None, None, None, None])
    while len(entry) <= slot:
        entry.append(None)
    entry[slot] = CommentToken("\n\n", CommentMark(0), None) if wanted else None


def _space_segments(items: list, spaced: bool, last_spaced: bool) -> None:
    for number, item in enumerate(items):
        if isinstance(item, CommentedMap):
            _set_trailing_blank(item, last_spaced if number == len(items) - 1 else spaced)


# --------------------------------------------------------------------------------------------- rendering


def _new_segment(doc: dict, flows: dict[str, bool]) -> CommentedMap:
    mapping = CommentedMap()
    for key in SEGMENT_FIELDS:
        if key in doc:
            value = doc[key]
            mapping[key] = _seq(key, value, flows.get(key, False)) if isinstance(value, list) else _scalar(key, value)
    return mapping


def _flows(segments) -> dict[str, bool]:
    """Whether the file writes speakers and talking points as [a, b] (new segments follow it)."""
    found = {"speakers": True, "talking_points": False}
    for item in segments:
        for key in found:
            value = item.get(key) if isinstance(item, CommentedMap) else None
            if isinstance(value, CommentedSeq):
                found[key] = bool(value.fa.flow_style())
    return found


def render_round_trip(loaded: ShowFile, edited: Show, target: Path) -> str:
    """The file's text with the edits made: only the values whose meaning changed are rewritten."""
    yaml = _yaml(loaded.layout)
    root = yaml.load(loaded.text)
    base_folder, folder = loaded.path.parent, target.resolve().parent
    old_doc, new_doc = show_document(loaded.show, base_folder), show_document(edited, folder)
    _update(root, old_doc, new_doc, ("title", "description", "date", "start", "end", "warning", "danger"), {})
    del old_doc["segments"], new_doc["segments"]
    seq = root["segments"]
    flows = _flows(seq)
    base_ids = [segment.id for segment in loaded.show.segments]
    by_id = dict(zip(base_ids, seq, strict=True))
    bases = {segment.id: segment for segment in loaded.show.segments}
    spaced_flags = [_trailing_blank(item) for item in seq]
    spaced = any(spaced_flags[:-1]) if len(seq) > 1 else False
    last_spaced = bool(spaced_flags[-1]) if spaced_flags else False
    items = []
    for segment in edited.segments:
        new = segment_document(segment, folder)
        if segment.id not in by_id:
            items.append(_new_segment(new, flows))
            continue
        mapping = by_id[segment.id]
        old = segment_document(bases[segment.id], base_folder)
        if folder != base_folder and "clip" in mapping and not Path(str(mapping["clip"])).expanduser().is_absolute():
            old.pop("clip", None)  # saved elsewhere: a relative clip path is written for the new folder
        if "id" not in mapping and slugify(segment.title) != segment.id:
            old.pop("id", None)  # its id came from the old title: written now, so it stays the same
        _update(mapping, old, new, SEGMENT_FIELDS, flows)
        items.append(mapping)
    old_comments = dict(seq.ca.items)
    positions = {id(item): number for number, item in enumerate(seq)}
    seq[:] = items
    seq.ca.items.clear()
    for number, item in enumerate(items):
        if id(item) in positions and positions[id(item)] in old_comments:
            seq.ca.items[number] = old_comments[positions[id(item)]]
    _space_segments(items, spaced, last_spaced)
    return _dump(yaml, root)


def default_header() -> str:
    return translate(
        "ShowSave", "# Show file for Presenter (format version 1). Clip paths are relative to this file.\n"
    )


def render_new(show: Show, target: Path, header: str | None = None) -> str:
    """A show file written from scratch (a new show, an import): the project's own layout."""
    header = default_header() if header is None else header
    doc = show_document(show, target.resolve().parent)
    root = CommentedMap()
    for key in ("version", *SHOW_FIELDS):
        if key in doc:
            root[key] = doc[key] if key in ("version", "title", "description") else _scalar(key, doc[key])
    flows = {"speakers": True, "talking_points": False}
    segments = CommentedSeq(_new_segment(segment, flows) for segment in doc["segments"])
    root["segments"] = segments
    root.yaml_set_comment_before_after_key("segments", before="\n")
    _space_segments(list(segments), True, False)
    text = _dump(_yaml((2, 4, 2)), root)
    return header + text.replace("\n# \n", "\n\n", 1) if header else text


# --------------------------------------------------------------------------------------------- saving


def _read_back(text: str, edited: Show, target: Path) -> Show | None:
    """The show the text reads as, if it is the edited one (the check of what is written)."""
    try:
        written = parse_show(text.encode("utf-8"), target)
    except ShowFileError:
        return None
    folder = target.resolve().parent
    return written if show_document(written, folder) == show_document(edited, folder) else None


def _spliced(loaded: ShowFile, edited: Show, target: Path) -> str:
    from presenter.show_splice import splice

    return splice(loaded.text, loaded.show, edited, loaded.path.parent, target.resolve().parent)


def _file_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return SHOW_FILE_MODE


def render(loaded: ShowFile | None, edited: Show, target: Path) -> tuple[str, bool, Show]:
    """The text to write, whether the user's layout and comments were kept, and the show it reads as.

    Every text is read back with the loader before it is returned: that is the re-validation.
    """
    if loaded is not None:
        for way in (_spliced, render_round_trip):  # the fast text splice first; ruamel.yaml for other layouts
            try:
                text = way(loaded, edited, target)
            except Exception:  # a layout this way cannot keep (anchors, flow segments): the next one
                continue
            written = _read_back(text, edited, target)
            if written is not None:
                return text, True, written
    text = render_new(edited, target)
    written = _read_back(text, edited, target)
    if written is None:
        raise SaveError(
            translate("ShowSave", "the show could not be written so that it reads back the same; nothing was saved")
        )
    return text, False, written


def save_show(loaded: ShowFile | None, edited: Show, target: Path | None = None, *, overwrite: bool = False):
    """Write `edited` to `target` (default: where it was loaded from), atomically; returns (ShowFile, kept).

    Raises SaveConflict when the file changed on disk since it was loaded (unless `overwrite`),
    SaveError when it cannot be written (the file on disk is then unchanged).
    """
    if target is None:
        if loaded is None:
            raise SaveError(translate("ShowSave", "the show has no file yet; use Save as"))
        target = loaded.path
    target = Path(target).resolve()
    if loaded is not None and target == loaded.path and not overwrite:
        try:
            on_disk = read_show_bytes(target)
        except ShowFileError:
            on_disk = None  # gone or unreadable: writing it again is what the user asked for
        if on_disk is not None and on_disk != loaded.data:
            raise SaveConflict(target, on_disk)
    text, kept, show = render(loaded, edited, target)
    data = text.encode("utf-8")
    try:
        atomic_write(target, data, mode=_file_mode(target))
    except OSError as exc:
        raise SaveError(
            translate("ShowSave", "{name} cannot be written ({error}); nothing was saved").format(
                name=target.name, error=exc.strerror or exc
            )
        ) from None
    return ShowFile(target, data, show, loaded.layout if loaded is not None and kept else (2, 4, 2)), kept
