"""The fast way to save an edit: change the file's text only where a value changed.

The file is composed with libyaml (the loader's parser), which gives every value's exact place in
the text; a changed value is replaced there, a new key gets a line of its own beside its
siblings, a removed key loses its lines, and moved, added or deleted segments are whole blocks of
lines put in their new order (the blank lines and comments between segments stay where they are).
Everything else — comments, blank lines, quoting, key order — is the user's text, untouched.

It handles the layouts show files have (block mappings and lists, a segment's keys one a line);
for anything else it raises Unsupported and the saver writes the file fresh (`render_fresh`, the
project's own layout, from the same line writers). Whatever it produces is read back and compared
by the saver before it is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from presenter.show import Segment, Show, _Loader, slugify
from presenter.show.editing import SEGMENT_FIELDS, SHOW_FIELDS, segment_document, show_document

QUOTED_KEYS = ("duration", "warning", "danger", "start", "end")
TOP_KEYS = ("title", "description", "date", "start", "end", "warning", "danger")
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")
_NOT_PLAIN_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


class Unsupported(Exception):
    """A layout this splicer does not edit (the saver then writes the file fresh)."""


def render_scalar(key: str, value: str, old: yaml.Node | None = None) -> str:
    if key in QUOTED_KEYS:
        return json.dumps(value)
    if key == "date":
        return value
    style = getattr(old, "style", None)
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style != '"' and _plain_ok(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _plain_ok(value: str) -> bool:
    return (
        bool(_PLAIN.fullmatch(value))
        and value == value.strip()
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and value.lower() not in _NOT_PLAIN_WORDS
        and not (re.fullmatch(r"[-+.:\d_eE]+", value) and any(ch.isdigit() for ch in value))
        and not re.fullmatch(r"0x[\da-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan", value, re.IGNORECASE)
    )


class _Text:
    """The file's text with splices collected by position, applied at the end (none may overlap)."""

    def __init__(self, text: str):
        self.text = text
        self.splices: list[tuple[int, int, str]] = []
        self.chunk_ends: set[int] = set()

    def replace(self, start: int, end: int, new: str) -> None:
        self.splices.append((start, end, new))

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """The index after the newline that ends the line holding `index` (a comment on it included);
        `index` itself when it is a line's start (a block scalar's text ends with its newline)."""
        if index > 0 and self.text[index - 1] == "\n":
            return index
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def _belongs(self, splice: tuple[int, int, str], start: int, end: int, chunk: bool) -> bool:
        a, b, _ = splice
        if a == b == end:
            return chunk  # an insertion at a segment's end is part of that segment
        if a == b == start and start in self.chunk_ends:
            return False
        return start <= a < end and b <= end

    def result(self, start: int = 0, end: int | None = None, chunk: bool = False) -> str:
        end = len(self.text) if end is None else end
        out, cursor = [], start
        for a, b, new in sorted(s for s in self.splices if self._belongs(s, start, end, chunk)):
            if a < cursor:
                raise Unsupported("overlapping changes")
            out += [self.text[cursor:a], new]
            cursor = b
        out.append(self.text[cursor:end])
        return "".join(out)


def _content_end(node: yaml.Node) -> int:
    """Where a value's own text ends (a block collection's end mark lies after what follows it)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return node.end_mark.index
    if not node.value:
        return node.end_mark.index
    last = node.value[-1]
    return _content_end(last[1] if isinstance(node, yaml.MappingNode) else last)


def _entries(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        raise Unsupported("not a block mapping")
    return {key.value: (key, value) for key, value in node.value}


def _set_value(text: _Text, key: str, value_node: yaml.Node, new: str | list[str], indent: int) -> None:
    if isinstance(new, list):
        _set_list(text, key, value_node, new, indent)
        return
    if isinstance(value_node, yaml.ScalarNode):
        start, end = value_node.start_mark.index, value_node.end_mark.index
        rendered = render_scalar(key, new, value_node)
        if value_node.style in ("|", ">") and text.text[start:end].endswith("\n"):
            rendered += "\n"
        text.replace(start, end, rendered)
        return
    raise Unsupported(f"{key} is a collection")


def _set_list(text: _Text, key: str, node: yaml.Node, items: list[str], indent: int) -> None:
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        start, rendered = node.start_mark.index, _flow_list(key, items, indent)
        if rendered.startswith("\n") and text.text[start - 1 : start] == " ":
            start -= 1  # "key:" then the entries on their own lines
        text.replace(start, _content_end(node), rendered)
        return
    old = node.value
    for item, new in zip(old, items, strict=False):
        if not isinstance(item, yaml.ScalarNode):
            raise Unsupported("a list entry is not a text")
        if item.value != new:
            _set_value(text, key, item, new, indent)
    for item in old[len(items) :]:  # removed entries lose their lines
        text.replace(text.line_start(item.start_mark.index), text.line_end(_content_end(item)), "")
    if len(items) > len(old):
        last = old[-1]
        prefix = text.text[text.line_start(last.start_mark.index) : last.start_mark.index]
        if prefix.strip() != "-":
            raise Unsupported("a list entry not on a line of its own")
        lines = "".join(f"{prefix}{render_scalar(key, new)}\n" for new in items[len(old) :])
        at = text.line_end(_content_end(last))
        text.replace(at, at, lines)


def _flow_list(key: str, items: list[str], indent: int) -> str:
    if key == "speakers":
        return (
            "["
            + ", ".join(
                render_scalar(key, item) if _flow_ok(item) else json.dumps(item, ensure_ascii=False) for item in items
            )
            + "]"
        )
    pad = " " * (indent + 2)
    return "\n" + "".join(f"{pad}- {render_scalar(key, item)}\n" for item in items).rstrip("\n")


def _flow_ok(item: str) -> bool:
    return _plain_ok(item) and not any(ch in item for ch in ",[]{}")


def _new_line(key: str, value: str | list[str], indent: int) -> str:
    pad = " " * indent
    if isinstance(value, list):
        rendered = _flow_list(key, value, indent)
        return f"{pad}{key}:{rendered}\n" if rendered.startswith("\n") else f"{pad}{key}: {rendered}\n"
    return f"{pad}{key}: {render_scalar(key, value)}\n"


def _update(text: _Text, node: yaml.Node, old: dict[str, Any], new: dict[str, Any], order: tuple[str, ...]) -> None:
    """The keys of one block mapping changed from `old` to `new` (values in the show file's form)."""
    entries = _entries(node)
    if not entries:
        raise Unsupported("an empty mapping")
    keys = list(entries)
    indent = entries[keys[0]][0].start_mark.column
    for key in order:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if key in entries:
            key_node, value_node = entries[key]
            if after is None:
                if key_node.start_mark.index == entries[keys[0]][0].start_mark.index:
                    raise Unsupported("the first key removed")
                start = text.line_start(key_node.start_mark.index)
                text.replace(start, text.line_end(_content_end(value_node)), "")
            else:
                _set_value(text, key, value_node, after, indent)
            continue
        if after is None:
            continue
        earlier = [k for k in order[: order.index(key)] if k in entries]
        if earlier:
            at = text.line_end(_content_end(entries[earlier[-1]][1]))
            text.replace(at, at, _new_line(key, after, indent))
        else:  # first of all: before the first key, on its line ("- id: …")
            at = entries[keys[0]][0].start_mark.index
            text.replace(at, at, _new_line(key, after, indent).lstrip(" ") + " " * indent)


def _segment_chunks(text: _Text, seq: yaml.Node) -> list[tuple[int, int]]:
    """Each segment's lines: from its "-" line to the end of its last value's line."""
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
        raise Unsupported("segments is not a block list")
    chunks = []
    for item in seq.value:
        start = text.line_start(item.start_mark.index)
        if text.text[start : item.start_mark.index].strip() != "-":
            raise Unsupported("a segment that does not start on its '-' line")
        chunks.append((start, text.line_end(_content_end(item))))
    return chunks


def splice(original: str, base: Show, edited: Show, base_folder: Path, folder: Path) -> str:
    """The original text with `base` → `edited` made; raises Unsupported for layouts it does not edit."""
    try:
        root = yaml.compose(original, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise Unsupported(str(exc)) from None
    if root is None:
        raise Unsupported("an empty file")
    text = _Text(original)
    old_doc, new_doc = show_document(base, base_folder), show_document(edited, folder)
    _update(text, root, old_doc, new_doc, TOP_KEYS)
    seq = _entries(root)["segments"][1]
    chunks = _segment_chunks(text, seq)
    if len(chunks) != len(base.segments):
        raise Unsupported("segments do not match")
    by_id = {segment.id: number for number, segment in enumerate(base.segments)}
    for segment in edited.segments:
        number = by_id.get(segment.id)
        if number is None:
            continue
        old = segment_document(base.segments[number], base_folder)
        new = segment_document(segment, folder)
        node = seq.value[number]
        keys = _entries(node)
        if folder != base_folder and "clip" in keys and not Path(keys["clip"][1].value).expanduser().is_absolute():
            old.pop("clip", None)
        if "id" not in keys and slugify(segment.title) != segment.id:
            old.pop("id", None)
        _update(text, node, old, new, SEGMENT_FIELDS)
    text.chunk_ends = {b for _, b in chunks}
    pieces = [text.result(a, b, chunk=True) for a, b in chunks]
    separators = [text.result(chunks[n][1], chunks[n + 1][0]) for n in range(len(chunks) - 1)]
    common = max(set(separators), key=separators.count) if separators else ""
    indent = seq.value[0].start_mark.column if seq.value else 4
    dash = text.text[chunks[0][0] : seq.value[0].start_mark.index] if chunks else "  - "
    order = []
    for segment in edited.segments:
        number = by_id.get(segment.id)
        order.append(pieces[number] if number is not None else _new_segment(segment, folder, dash, indent))
    while len(separators) < len(order) - 1:
        separators.append(common)
    body = "".join(piece + (separators[n] if n < len(order) - 1 else "") for n, piece in enumerate(order))
    head = text.result(0, chunks[0][0])
    tail = text.result(chunks[-1][1])
    return head + body + tail


def _new_segment(segment: Segment, folder: Path, dash: str, indent: int) -> str:
    doc = segment_document(segment, folder)
    lines = [_new_line(key, doc[key], indent) for key in SEGMENT_FIELDS if key in doc]
    return dash + lines[0].lstrip(" ") + "".join(lines[1:])


def render_fresh(show: Show, folder: Path) -> str:
    """`show` as a new file in the project's layout: the show's keys, a blank line, then the segments
    (2-space list, 4-space keys, talking points one a line, speakers as [a, b]) with a blank line
    between them. Clip paths are written relative to `folder`."""
    doc = show_document(show, folder)
    lines = ["version: 1\n"]
    lines += [_new_line(key, doc[key], 0) for key in SHOW_FIELDS if key in doc]
    segments = [_new_segment(segment, folder, "  - ", 4) for segment in show.segments]
    return "".join(lines) + "\nsegments:\n" + "\n".join(segments)
