"""The show file: its model and a loader that explains every mistake in the user's terms.

The loader walks YAML *nodes* (not constructed objects), so every message can name the line and
column of the value at fault, scalar values keep the exact text the user wrote ("17:30" is never
read as the YAML 1.1 sexagesimal integer 1050), no tag can construct an object, and alias bombs
are refused by a node budget instead of expanding.
"""

from __future__ import annotations

import difflib
import enum
import gc
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

import yaml

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.timefmt import TimeFormatError, format_duration, parse_duration, parse_time_of_day

_T = TypeVar("_T")
FORMAT_VERSION = 1


class SegmentKind(enum.StrEnum):
    LIVE = "live"
    CLIP = "clip"


class EndAction(enum.StrEnum):
    """What a clip segment does when its clip ends by itself."""

    NEXT = "next"  # the next segment goes on air
    HOLD = "hold"  # the last frame stays on the program output
    BLACK = "black"  # the program output goes black


KINDS = tuple(kind.value for kind in SegmentKind)
END_ACTIONS = tuple(action.value for action in EndAction)
DEFAULT_WARNING_S = 120.0
DEFAULT_DANGER_S = 30.0
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DURATION_S = 24 * 3600  # the longest duration (segment, warning, danger) a show file may give
# Each segment has a dozen nodes; this allows far more than any real show. Counted while the file is composed
# (a file over it stops there, not after parsing it all) and again while it is read (aliases re-used add up).
MAX_NODES = 2_000_000

# Characters YAML does not allow in a document (the set PyYAML's and libyaml's readers accept).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:merge",  # "<<" as a value is just text; as a key, mapping() refuses it
}


class _TextResolver:
    """Tags for untagged nodes: a plain scalar is text, empty/"~"/"null" or the merge key "<<".

    The reader only ever looks at the text the user wrote, so guessing ints, floats, booleans and
    timestamps (what yaml.resolver does with a dozen regexes per scalar) is wasted work.
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool] | None) -> str:
        if kind is yaml.ScalarNode:
            if implicit is not None and implicit[0]:
                if value in _NULL_WORDS:
                    return _NULL_TAG
                if value == "<<":
                    return _MERGE_TAG
            return _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


# libyaml's parser when it is there (it is, in every PyYAML wheel); only safe loaders, only composed, never constructed.
class _Loader(_TextResolver, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


class ShowFileError(Exception):
    """A mistake in a show file, located as file:line:col (1-based)."""

    def __init__(self, path: Path | str, line: int | None, column: int | None, message: str):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path.name
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Segment:
    id: str
    title: str
    kind: SegmentKind
    duration_s: float | None  # planned; None for a clip whose duration comes from the media
    speakers: tuple[str, ...] = ()
    talking_points: tuple[str, ...] = ()
    notes: str = ""
    clip: Path | None = None  # absolute, resolved against the show file's folder
    end_action: EndAction = EndAction.NEXT
    warning_s: float | None = None  # per-segment thresholds override the show's
    danger_s: float | None = None
    line: int | None = None  # where the segment starts in the show file

    @property
    def is_clip(self) -> bool:
        return self.kind == SegmentKind.CLIP


@dataclass(frozen=True)
class Show:
    title: str
    date: date
    start: time
    end: time
    segments: tuple[Segment, ...]
    warning_s: float = DEFAULT_WARNING_S
    danger_s: float = DEFAULT_DANGER_S
    description: str = ""
    path: Path | None = None
    # Durations read from the media, for clip segments without a planned duration.
    media_durations: dict[str, float] = field(default_factory=dict, compare=False)
    # What the loader noticed but did not refuse (`show.yaml:41:60: the text after " #" …`), for --check and the app.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def start_datetime(self) -> datetime:
        return datetime.combine(self.date, self.start)

    @property
    def end_datetime(self) -> datetime:
        return datetime.combine(self.date, self.end)

    def planned_duration(self, segment: Segment) -> float:
        if segment.duration_s is not None:
            return segment.duration_s
        return self.media_durations.get(segment.id, 0.0)

    def warning_for(self, segment: Segment) -> float:
        return self.warning_s if segment.warning_s is None else segment.warning_s

    def danger_for(self, segment: Segment) -> float:
        return self.danger_s if segment.danger_s is None else segment.danger_s

    def index_of(self, segment_id: str) -> int:
        for index, segment in enumerate(self.segments):
            if segment.id == segment_id:
                return index
        raise KeyError(segment_id)

    def with_media_durations(self, durations: dict[str, float]) -> Show:
        merged = {**self.media_durations, **durations}
        return replace(self, media_durations=merged)


# --------------------------------------------------------------------------------------------- loading


def slugify(title: str) -> str:
    """A segment id from a title: "Clip: MiniMOGLI" → "clip-minimogli"."""
    text = unicodedata.normalize("NFKD", title.replace("ß", "ss"))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "segment"


def load_show(path: Path | str) -> Show:
    """Load and validate a show file; raises ShowFileError with a file:line:col message."""
    path = Path(path)
    return parse_show(read_show_bytes(path), path)


def read_show_bytes(path: Path | str) -> bytes:
    """The bytes of a show file, read safely: never blocks, never reads more than MAX_FILE_BYTES + 1.

    A named pipe, a device (a symlink to /dev/zero), a folder or a file over the limit is refused with a
    ShowFileError before anything is read. The checks are made on the opened file (fstat), so a file
    replaced between the check and the read cannot slip through.
    """
    path = Path(path)
    try:
        _check_status(path, os.stat(path))  # refuse devices and pipes before even opening them
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            _check_status(path, os.fstat(fd))
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_FILE_BYTES:
                chunk = os.read(fd, min(1024 * 1024, MAX_FILE_BYTES + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise ShowFileError(path, None, None, translate("ShowFile", "file not found")) from None
    except IsADirectoryError:
        raise ShowFileError(path, None, None, translate("ShowFile", "is a folder, not a show file")) from None
    except PermissionError:
        raise ShowFileError(path, None, None, translate("ShowFile", "cannot be read (permission denied)")) from None
    except BlockingIOError:
        raise ShowFileError(path, None, None, translate("ShowFile", "is not a regular file")) from None
    except OSError as exc:
        raise ShowFileError(
            path, None, None, translate("ShowFile", "cannot be read ({error})").format(error=exc.strerror or exc)
        ) from None
    if size > MAX_FILE_BYTES:  # it grew after the check
        raise ShowFileError(path, None, None, translate("ShowFile", "is more than 20 MB; a show file is at most 20 MB"))
    return b"".join(chunks)


def _check_status(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise ShowFileError(path, None, None, translate("ShowFile", "is a folder, not a show file"))
    if not stat.S_ISREG(status.st_mode):
        raise ShowFileError(path, None, None, translate("ShowFile", "is not a regular file"))
    if status.st_size > MAX_FILE_BYTES:
        size_mb = status.st_size / (1024 * 1024)
        raise ShowFileError(
            path,
            None,
            None,
            translate("ShowFile", "is {size_mb:.1f} MB; a show file is at most 20 MB").format(size_mb=size_mb),
        )


def parse_show(data: bytes, path: Path) -> Show:
    text = _decode(data, path)
    # A big show is hundreds of thousands of small node objects without a single reference cycle;
    # the cyclic garbage collector would walk them again and again (more than half the load time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        root = _compose(text, path)
        return _ShowReader(path, text).read(root)
    finally:
        if collecting:
            gc.enable()


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        body = bytes(exc.object)  # what was decoded: the file without its BOM (exc.start counts from there)
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(body[line_start : exc.start].decode("utf-8", "replace")) + 1  # characters, as YAML counts
        raise ShowFileError(
            path,
            line,
            column,
            translate("ShowFile", "is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8").format(
                byte=body[exc.start]
            ),
        ) from None


def _compose(text: str, path: Path) -> yaml.Node:
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        before = text[: bad.start()]
        line = before.count("\n") + 1
        column = bad.start() - (before.rfind("\n") + 1) + 1
        raise ShowFileError(
            path,
            line,
            column,
            translate("ShowFile", "contains the control character U+{code:04X}, which YAML does not allow").format(
                code=ord(bad.group())
            ),
        )
    loader = _Loader(text)
    try:
        root = _compose_counted(loader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or translate("ShowFile", "is not valid YAML")
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        if mark is None:
            raise ShowFileError(
                path, None, None, translate("ShowFile", "not valid YAML: {problem}").format(problem=problem)
            ) from None
        message = translate("ShowFile", "not valid YAML: {problem}").format(problem=problem)
        raise ShowFileError(path, mark.line + 1, mark.column + 1, message) from None
    except yaml.YAMLError as exc:
        raise ShowFileError(path, None, None, translate("ShowFile", "not valid YAML: {exc}").format(exc=exc)) from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at a nesting depth of 1000
        raise ShowFileError(path, None, None, translate("ShowFile", "not valid YAML: nested too deeply")) from None
    finally:
        loader.dispose()
    if root is None:
        raise ShowFileError(
            path, 1, 1, translate("ShowFile", "the file is empty; a show file starts with 'version: 1'")
        )
    return root


def _too_many_values(path: Path, mark: yaml.Mark, expanded: bool = False) -> ShowFileError:
    if expanded:
        message = translate(
            "ShowFile",
            "with its aliases expanded, the file has more than {limit} values (each text, list and key is one)"
            " by here; a show file holds at most {limit}",
        )
    else:
        message = translate(
            "ShowFile",
            "the file has more than {limit} values (each text, list and key is one) by here;"
            " a show file holds at most {limit}",
        )
    return ShowFileError(path, mark.line + 1, mark.column + 1, message.format(limit=f"{MAX_NODES:,}"))


def _compose_counted(loader: _Loader, path: Path) -> yaml.Node | None:
    """The document's node tree, as get_single_node() builds it, but counted while it is built.

    A file with more values than a show file may hold is refused as soon as the limit is reached,
    not after every one of its millions of nodes has been parsed and built (a 19 MB file: seconds).
    """
    get = loader.get_event
    resolve = loader.resolve
    get()  # the stream start
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    anchors: dict[str, yaml.Node] = {}
    stack: list[list[Any]] = []  # [collection node, the key waiting for its value (mappings)]
    root: yaml.Node | None = None
    left = MAX_NODES
    while True:
        event = get()
        kind = type(event)
        node: yaml.Node
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            stack.pop()[0].end_mark = event.end_mark
            continue
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            node_class = yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(node_class, None, event.implicit)
            node = node_class(tag, [], event.start_mark, None, flow_style=event.flow_style)
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    translate("ShowFile", "found undefined alias {anchor!r}").format(anchor=event.anchor),
                    event.start_mark,
                )
            node = anchors[event.anchor]
        else:  # the document end
            break
        if kind is not yaml.AliasEvent:
            anchor = event.anchor
            if anchor is not None:
                if anchor in anchors:
                    raise yaml.composer.ComposerError(
                        translate("ShowFile", "found duplicate anchor {anchor!r}; first occurrence").format(
                            anchor=anchor
                        ),
                        anchors[anchor].start_mark,
                        translate("ShowFile", "second occurrence"),
                        event.start_mark,
                    )
                anchors[anchor] = node
        left -= 1
        if left < 0:
            raise _too_many_values(path, event.start_mark)
        if stack:
            entry = stack[-1]
            parent = entry[0]
            if type(parent) is yaml.SequenceNode:
                parent.value.append(node)
            elif entry[1] is None:
                entry[1] = node
            else:
                parent.value.append((entry[1], node))
                entry[1] = None
        else:
            root = node
        if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            stack.append([node, None])
    event = get()
    if type(event) is not yaml.StreamEndEvent:
        raise yaml.composer.ComposerError(
            translate("ShowFile", "expected a single document in the stream"),
            root.start_mark if root is not None else None,
            translate("ShowFile", "but found another document"),
            event.start_mark,
        )
    return root


_SHOW_KEYS = ("version", "title", "date", "start", "end", "warning", "danger", "description", "segments")
_SEGMENT_KEYS = (
    "id",
    "title",
    "kind",
    "duration",
    "speakers",
    "talking_points",
    "notes",
    "clip",
    "end_action",
    "warning",
    "danger",
)
_TYPE_NAMES = {
    yaml.MappingNode: QT_TRANSLATE_NOOP("ShowFile", "a mapping (key: value)"),
    yaml.SequenceNode: QT_TRANSLATE_NOOP("ShowFile", "a list"),
    yaml.ScalarNode: QT_TRANSLATE_NOOP("ShowFile", "a single value"),
}


def _type_name(node_class: type[yaml.Node]) -> str:
    return translate("ShowFile", _TYPE_NAMES[node_class])


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks
_CUT_BY_COMMENT = re.compile(r"[ \t]+#\S")  # " #smartRLP" after a plain text: YAML reads a comment


class _ShowReader:
    def __init__(self, path: Path, source: str = ""):
        self.path = path
        self.budget = MAX_NODES
        self.folder = path.resolve().parent
        self.lines = _LINE_BREAK.split(source) if ("#" in source) else []
        # Only lines with " #" or "\t#" can hold a text cut by a comment; the rest are never looked at.
        self.comment_lines = {n for n, line in enumerate(self.lines) if " #" in line or "\t#" in line}
        self.warnings: list[str] = []

    def check_cut(self, node: yaml.Node) -> None:
        """Warn when a plain (unquoted) text is followed by " #…" on its line: YAML dropped that part."""
        mark = node.end_mark
        if getattr(node, "style", None) or mark.line not in self.comment_lines:  # plain style is None or ""
            return
        rest = self.lines[mark.line][mark.column :]
        found = _CUT_BY_COMMENT.match(rest)
        if found:
            column = mark.column + found.end() - 1  # the "#", 1-based
            message = translate("ShowFile", 'the text after " #" is read as a comment; put the text in quotes')
            self.warnings.append(str(ShowFileError(self.path, mark.line + 1, column, message)))

    # -- helpers

    def error(self, node: yaml.Node, message: str) -> ShowFileError:
        mark = node.start_mark
        return ShowFileError(self.path, mark.line + 1, mark.column + 1, message)

    def spend(self, node: yaml.Node) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _too_many_values(self.path, node.start_mark, expanded=True)

    def check_tag(self, node: yaml.Node) -> None:
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag
            if tag.startswith("tag:yaml.org,2002:"):  # show it as written: !!python/object/apply:os.system
                tag = "!!" + tag.removeprefix("tag:yaml.org,2002:")
            raise self.error(
                node, translate("ShowFile", "the YAML tag {tag} is not allowed in a show file").format(tag=tag)
            )

    def mapping(self, node: yaml.Node, what: str, known: Iterable[str]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        self.spend(node)
        self.check_tag(node)
        if not isinstance(node, yaml.MappingNode):
            raise self.error(
                node,
                translate("ShowFile", "{what} must be {mapping}, not {node}").format(
                    what=what, mapping=_type_name(yaml.MappingNode), node=self.describe(node)
                ),
            )
        known = tuple(known)
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        self.budget -= len(node.value)
        if self.budget < 0:
            raise _too_many_values(self.path, node.start_mark, expanded=True)
        for key_node, value_node in node.value:
            key = key_node.value
            # The common case in one test; anything else goes through the checks that explain it.
            if key_node.tag != _STR_TAG or type(key_node) is not yaml.ScalarNode or key in entries or key not in known:
                self.check_key(key_node, what, known, entries)
            entries[key] = (key_node, value_node)
        return entries

    def check_key(
        self, key_node: yaml.Node, what: str, known: tuple[str, ...], entries: dict[str, tuple[yaml.Node, yaml.Node]]
    ) -> None:
        if key_node.tag == _MERGE_TAG:
            raise self.error(key_node, translate("ShowFile", "merge keys ('<<') are not supported in a show file"))
        if not isinstance(key_node, yaml.ScalarNode):
            raise self.error(key_node, translate("ShowFile", "a key in {what} must be a plain name").format(what=what))
        self.check_tag(key_node)
        key = key_node.value
        if key in entries:
            first = entries[key][0].start_mark.line + 1
            raise self.error(
                key_node,
                translate("ShowFile", 'duplicate key "{key}" (first given on line {first})').format(
                    key=key, first=first
                ),
            )
        if key not in known:
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
            if hint:
                message = translate("ShowFile", 'unknown key "{key}" in {what}; did you mean "{hint}"?')
            else:
                message = translate("ShowFile", 'unknown key "{key}" in {what}; known keys: {known}')
            raise self.error(
                key_node, message.format(key=key, what=what, hint=hint[0] if hint else "", known=", ".join(known))
            )

    def describe(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG:
                return translate("ShowFile", "empty")
            value = node.value if len(node.value) <= 40 else node.value[:39] + "…"
            return f'"{value}"'
        return _type_name(type(node))

    def scalar(self, node: yaml.Node, key: str) -> yaml.ScalarNode:
        self.spend(node)
        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(
                node,
                translate("ShowFile", '"{key}" must be {scalar}, not {node}').format(
                    key=key, scalar=_type_name(yaml.ScalarNode), node=self.describe(node)
                ),
            )
        return node

    def text(self, node: yaml.Node, key: str, *, allow_empty: bool = False) -> str:
        if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:  # the common case, fast
            value: str = node.value.strip()
            if value or allow_empty:
                self.budget -= 1
                if self.comment_lines:
                    self.check_cut(node)
                return value
        node = self.scalar(node, key)
        if node.tag == _NULL_TAG:
            if allow_empty:
                return ""
            raise self.error(node, translate("ShowFile", '"{key}" is empty').format(key=key))
        value = str(node.value).strip()
        if not value and not allow_empty:
            raise self.error(node, translate("ShowFile", '"{key}" is empty').format(key=key))
        return value

    def parsed(self, node: yaml.Node, key: str, parse: Callable[[str], _T]) -> _T:
        value = self.text(node, key)
        try:
            return parse(value)
        except TimeFormatError as exc:
            raise self.error(node, translate("ShowFile", "{key} {exc}").format(key=key, exc=exc)) from None

    def duration(self, node: yaml.Node, key: str) -> float:
        try:
            seconds = self.parsed(node, key, parse_duration)
        except ValueError:  # matched h:mm:ss, but the hours have more digits than Python turns into a number
            seconds = MAX_DURATION_S + 1
        if seconds > MAX_DURATION_S:  # a show of days is not a show (and the engine's clock would overflow)
            raise self.error(
                node,
                translate("ShowFile", "{key} {node} is longer than {limit}").format(
                    key=key, node=self.describe(node), limit=format_duration(MAX_DURATION_S)
                ),
            )
        return seconds

    def text_list(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        self.spend(node)
        self.check_tag(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG:
                return ()
            return (self.text(node, key),)
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(
                node,
                translate("ShowFile", '"{key}" must be a list of texts, not {node}').format(
                    key=key, node=self.describe(node)
                ),
            )
        items = []
        for item in node.value:
            if item.tag != _STR_TAG or type(item) is not yaml.ScalarNode:
                self.check_tag(item)
                if not isinstance(item, yaml.ScalarNode):
                    raise self.error(
                        item,
                        translate("ShowFile", 'an entry of "{key}" must be a text, not {item}').format(
                            key=key, item=self.describe(item)
                        ),
                    )
            text = self.text(item, key, allow_empty=True)
            if not text:
                raise self.error(item, translate("ShowFile", 'an entry of "{key}" is empty').format(key=key))
            items.append(text)
        return tuple(items)

    # -- the show

    def read(self, root: yaml.Node) -> Show:
        if not isinstance(root, yaml.MappingNode):
            raise self.error(
                root,
                translate(
                    "ShowFile", "a show file must be a mapping with 'version', 'title' and 'segments', not {root}"
                ).format(root=self.describe(root)),
            )
        entries = self.mapping(root, translate("ShowFile", "the show"), _SHOW_KEYS)
        for required in ("version", "title", "date", "start", "end", "segments"):
            if required not in entries:
                raise self.error(root, translate("ShowFile", 'the show has no "{required}"').format(required=required))

        version_node = self.scalar(entries["version"][1], "version")
        if version_node.value.strip() != str(FORMAT_VERSION):
            raise self.error(
                version_node,
                translate("ShowFile", 'version "{value}" is not supported; this Presenter reads version 1').format(
                    value=version_node.value
                ),
            )

        title = self.text(entries["title"][1], "title")
        show_date = self.parsed(entries["date"][1], "date", _parse_date)
        start = self.parsed(entries["start"][1], "start", parse_time_of_day)
        end_node = entries["end"][1]
        end = self.parsed(end_node, "end", parse_time_of_day)
        if end <= start:
            raise self.error(
                end_node,
                translate("ShowFile", 'end "{end}" is not after start "{start}"').format(
                    end=end_node.value, start=entries["start"][1].value
                ),
            )
        warning = self.duration(entries["warning"][1], "warning") if "warning" in entries else DEFAULT_WARNING_S
        danger = self.duration(entries["danger"][1], "danger") if "danger" in entries else DEFAULT_DANGER_S
        if danger > warning:
            raise self.error(
                entries["danger"][1] if "danger" in entries else root,
                translate("ShowFile", "danger is longer than warning"),
            )
        description = (
            self.text(entries["description"][1], "description", allow_empty=True) if "description" in entries else ""
        )

        segments_node = entries["segments"][1]
        self.spend(segments_node)
        self.check_tag(segments_node)
        if not isinstance(segments_node, yaml.SequenceNode):
            raise self.error(
                segments_node,
                translate("ShowFile", '"segments" must be a list, not {node}').format(
                    node=self.describe(segments_node)
                ),
            )
        if not segments_node.value:
            raise self.error(
                segments_node, translate("ShowFile", '"segments" is empty; a show needs at least one segment')
            )

        segments: list[Segment] = []
        seen: dict[str, int] = {}
        for number, node in enumerate(segments_node.value, start=1):
            segment, id_node = self.segment(node, number)
            if segment.id in seen:
                if any(key_node.value == "id" for key_node, _ in node.value):
                    message = translate("ShowFile", 'duplicate segment id "{id}" (segment {first} has it already)')
                else:
                    message = translate(
                        "ShowFile",
                        'duplicate segment id "{id}" (segment {first} has it already);'
                        ' the id comes from the title, so give this segment its own "id"',
                    )
                raise self.error(id_node, message.format(id=segment.id, first=seen[segment.id]))
            seen[segment.id] = number
            segments.append(segment)

        return Show(
            title=title,
            date=show_date,
            start=start,
            end=end,
            segments=tuple(segments),
            warning_s=warning,
            danger_s=danger,
            description=description,
            path=self.path.resolve(),
            warnings=tuple(self.warnings),
        )

    def segment(self, node: yaml.Node, number: int) -> tuple[Segment, yaml.Node]:
        what = translate("ShowFile", "segment {number}").format(number=number)
        entries = self.mapping(node, what, _SEGMENT_KEYS)
        if "title" not in entries:
            raise self.error(node, translate("ShowFile", '{what} has no "title"').format(what=what))
        title = self.text(entries["title"][1], "title")
        if "id" in entries:
            id_node = entries["id"][1]
            segment_id = self.text(id_node, "id")
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", segment_id):
                raise self.error(
                    id_node,
                    translate("ShowFile", 'id "{segment_id}" may only use letters, digits, "-", "_" and "."').format(
                        segment_id=segment_id
                    ),
                )
        else:
            id_node = entries["title"][1]
            segment_id = slugify(title)

        kind = SegmentKind.LIVE
        if "kind" in entries:
            kind_node = entries["kind"][1]
            kind_text = self.text(kind_node, "kind")
            if kind_text not in KINDS:
                raise self.error(
                    kind_node,
                    translate("ShowFile", 'kind "{kind_text}" is not one of: {kinds}').format(
                        kind_text=kind_text, kinds=", ".join(KINDS)
                    ),
                )
            kind = SegmentKind(kind_text)

        duration = self.duration(entries["duration"][1], "duration") if "duration" in entries else None
        if duration is None and kind == "live":
            raise self.error(
                node,
                translate("ShowFile", '{what} ("{title}") is live and has no "duration"').format(
                    what=what, title=title
                ),
            )
        if duration == 0:
            raise self.error(entries["duration"][1], translate("ShowFile", "duration is 0:00"))

        clip: Path | None = None
        if "clip" in entries:
            clip_node = entries["clip"][1]
            if kind != "clip":
                raise self.error(
                    clip_node,
                    translate("ShowFile", '{what} has a "clip" but its kind is "{kind}"; use kind: clip').format(
                        what=what, kind=kind
                    ),
                )
            clip_text = self.text(clip_node, "clip")
            clip = Path(clip_text).expanduser()
            if not clip.is_absolute():
                clip = self.folder / clip
        elif kind == "clip":
            raise self.error(
                node,
                translate("ShowFile", '{what} ("{title}") is a clip segment without "clip" (the video file)').format(
                    what=what, title=title
                ),
            )

        end_action = EndAction.NEXT
        if "end_action" in entries:
            action_node = entries["end_action"][1]
            action_text = self.text(action_node, "end_action")
            if kind != "clip":
                raise self.error(
                    action_node,
                    translate("ShowFile", '{what} is live; "end_action" only applies to clip segments').format(
                        what=what
                    ),
                )
            if action_text not in END_ACTIONS:
                raise self.error(
                    action_node,
                    translate("ShowFile", 'end_action "{action_text}" is not one of: {end_actions}').format(
                        action_text=action_text, end_actions=", ".join(END_ACTIONS)
                    ),
                )
            end_action = EndAction(action_text)

        warning = self.duration(entries["warning"][1], "warning") if "warning" in entries else None
        danger = self.duration(entries["danger"][1], "danger") if "danger" in entries else None
        if warning is not None and danger is not None and danger > warning:
            raise self.error(
                entries["danger"][1], translate("ShowFile", "{what}: danger is longer than warning").format(what=what)
            )
        notes = self.text(entries["notes"][1], "notes", allow_empty=True) if "notes" in entries else ""
        speakers = self.text_list(entries["speakers"][1], "speakers") if "speakers" in entries else ()
        points = self.text_list(entries["talking_points"][1], "talking_points") if "talking_points" in entries else ()
        segment = Segment(
            id=segment_id,
            title=title,
            kind=kind,
            duration_s=duration,
            speakers=speakers,
            talking_points=points,
            notes=notes,
            clip=clip,
            end_action=end_action,
            warning_s=warning,
            danger_s=danger,
            line=node.start_mark.line + 1,
        )
        return segment, id_node


def _parse_date(text: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            raise ValueError(text)  # fromisoformat also takes "20210119" and "2021-W03-2"
        return date.fromisoformat(text)
    except ValueError:
        raise TimeFormatError(translate("ShowFile", '"{text}" is not a date YYYY-MM-DD').format(text=text)) from None
