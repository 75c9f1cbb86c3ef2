"""The show file's fields: every key and value of the composed YAML checked and explained in the user's terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TypeVar

import yaml

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show.graphics import StreamGraphics
from presenter.show.graphics_fields import read_graphics, read_lower_third
from presenter.show.model import (
    DEFAULT_DANGER_S,
    DEFAULT_WARNING_S,
    END_ACTIONS,
    FORMAT_VERSION,
    KINDS,
    MAX_DURATION_S,
    MAX_NODES,
    OBS_SCENE_KEYS,
    TEXT_LIMIT,
    TEXT_LIMITS,
    TIME_KEYS,
    EndAction,
    ObsScenes,
    Segment,
    SegmentKind,
    Show,
    ShowFileError,
    slugify,
)
from presenter.show.reader import _MERGE_TAG, _NULL_TAG, _PLAIN_TAGS, _STR_TAG, _too_many_values
from presenter.timefmt import TimeFormatError, format_duration, parse_duration, parse_time_of_day

_T = TypeVar("_T")
_Entries = dict[str, tuple[yaml.Node, yaml.Node]]  # a mapping's key → (key node, value node)


_SHOW_KEYS = (
    "version",
    "title",
    "date",
    "start",
    "end",
    "warning",
    "danger",
    "description",
    "segments",
    "obs",
    "graphics",
)
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
    "fill",
    "obs_scene",
    "lower_third",
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


def too_long(key: str, length: int) -> str:
    """The message for a text longer than its key allows (TEXT_LIMITS)."""
    limit = TEXT_LIMITS.get(key, TEXT_LIMIT)
    return translate("ShowFile", '"{key}" is {length} characters long; at most {limit} are allowed').format(
        key=key, length=length, limit=limit
    )


class _ShowReader:
    def __init__(self, path: Path, source: str = "", limit: int = MAX_NODES):
        self.path = path
        self.limit = limit
        self.budget = limit
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
            raise _too_many_values(self.path, node.start_mark, self.limit, expanded=True)

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
            raise _too_many_values(self.path, node.start_mark, self.limit, expanded=True)
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
            import difflib  # only for a misspelt key: not at every start-up

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
            if len(value) > TEXT_LIMITS.get(key, TEXT_LIMIT) and key not in TIME_KEYS:
                raise self.error(node, too_long(key, len(value)))
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
        if len(value) > TEXT_LIMITS.get(key, TEXT_LIMIT) and key not in TIME_KEYS:
            raise self.error(node, too_long(key, len(value)))
        if not value and not allow_empty:
            raise self.error(node, translate("ShowFile", '"{key}" is empty').format(key=key))
        return value

    def flag(self, node: yaml.Node, key: str) -> bool:
        """true or false (yes/no too, as YAML 1.1 reads them)."""
        word = self.text(node, key).lower()
        if word not in ("true", "false", "yes", "no"):
            raise self.error(
                node, translate("ShowFile", '"{key}" is true or false, not "{word}"').format(key=key, word=word)
            )
        return word in ("true", "yes")

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
        self.check_version(entries["version"][1])
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
        return Show(
            title=title,
            date=show_date,
            start=start,
            end=end,
            segments=self.segments(entries["segments"][1]),
            warning_s=warning,
            danger_s=danger,
            description=description,
            path=self.path.resolve(),
            warnings=tuple(self.warnings),
            obs=self.obs(entries["obs"][1]) if "obs" in entries else ObsScenes(),
            graphics=read_graphics(self, entries["graphics"][1]) if "graphics" in entries else StreamGraphics(),
        )

    def obs(self, node: yaml.Node) -> ObsScenes:
        """`obs: {scenes: {live: Kamera, clip: Einspieler}}`: OBS's program scene per kind (presenter.obs)."""
        entries = self.mapping(node, "obs", ("scenes",))
        if "scenes" not in entries:
            return ObsScenes()
        scenes = self.mapping(entries["scenes"][1], "obs: scenes", OBS_SCENE_KEYS)
        return ObsScenes(**{key: self.text(value, key) for key, (_, value) in scenes.items()})

    def check_version(self, node: yaml.Node) -> None:
        version_node = self.scalar(node, "version")
        if version_node.value.strip() != str(FORMAT_VERSION):
            raise self.error(
                version_node,
                translate("ShowFile", 'version "{value}" is not supported; this Presenter reads version 1').format(
                    value=version_node.value
                ),
            )

    def segments(self, segments_node: yaml.Node) -> tuple[Segment, ...]:
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
        return tuple(segments)

    # -- a segment

    def segment(self, node: yaml.Node, number: int) -> tuple[Segment, yaml.Node]:
        what = translate("ShowFile", "segment {number}").format(number=number)
        entries = self.mapping(node, what, _SEGMENT_KEYS)
        if "title" not in entries:
            raise self.error(node, translate("ShowFile", '{what} has no "title"').format(what=what))
        title = self.text(entries["title"][1], "title")
        segment_id, id_node = self.segment_id(entries, title)
        kind = self.kind(entries)
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
        clip = self.clip(node, entries, kind, what, title)
        end_action = self.end_action(entries, kind, what)
        warning = self.duration(entries["warning"][1], "warning") if "warning" in entries else None
        danger = self.duration(entries["danger"][1], "danger") if "danger" in entries else None
        if warning is not None and danger is not None and danger > warning:
            raise self.error(
                entries["danger"][1], translate("ShowFile", "{what}: danger is longer than warning").format(what=what)
            )
        notes = self.text(entries["notes"][1], "notes", allow_empty=True) if "notes" in entries else ""
        fill = self.flag(entries["fill"][1], "fill") if "fill" in entries else False
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
            fill=fill,
            obs_scene=self.text(entries["obs_scene"][1], "obs_scene") if "obs_scene" in entries else None,
            lower_third=read_lower_third(self, entries["lower_third"][1], speakers)
            if "lower_third" in entries
            else None,
        )
        return segment, id_node

    def segment_id(self, entries: _Entries, title: str) -> tuple[str, yaml.Node]:
        """The segment's own "id", else one made from its title; and the node an error about it points at."""
        if "id" not in entries:
            return slugify(title), entries["title"][1]
        id_node = entries["id"][1]
        segment_id = self.text(id_node, "id")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", segment_id):
            raise self.error(
                id_node,
                translate("ShowFile", 'id "{segment_id}" may only use letters, digits, "-", "_" and "."').format(
                    segment_id=segment_id
                ),
            )
        return segment_id, id_node

    def kind(self, entries: _Entries) -> SegmentKind:
        if "kind" not in entries:
            return SegmentKind.LIVE
        kind_node = entries["kind"][1]
        kind_text = self.text(kind_node, "kind")
        if kind_text not in KINDS:
            raise self.error(
                kind_node,
                translate("ShowFile", 'kind "{kind_text}" is not one of: {kinds}').format(
                    kind_text=kind_text, kinds=", ".join(KINDS)
                ),
            )
        return SegmentKind(kind_text)

    def clip(self, node: yaml.Node, entries: _Entries, kind: SegmentKind, what: str, title: str) -> Path | None:
        """The clip file of a clip segment, absolute (relative to the show file's folder)."""
        if "clip" not in entries:
            if kind == "clip":
                raise self.error(
                    node,
                    translate(
                        "ShowFile", '{what} ("{title}") is a clip segment without "clip" (the video file)'
                    ).format(what=what, title=title),
                )
            return None
        clip_node = entries["clip"][1]
        if kind != "clip":
            raise self.error(
                clip_node,
                translate("ShowFile", '{what} has a "clip" but its kind is "{kind}"; use kind: clip').format(
                    what=what, kind=kind
                ),
            )
        clip = Path(self.text(clip_node, "clip")).expanduser()
        return clip if clip.is_absolute() else self.folder / clip

    def end_action(self, entries: _Entries, kind: SegmentKind, what: str) -> EndAction:
        if "end_action" not in entries:
            return EndAction.NEXT
        action_node = entries["end_action"][1]
        action_text = self.text(action_node, "end_action")
        if kind != "clip":
            raise self.error(
                action_node,
                translate("ShowFile", '{what} is live; "end_action" only applies to clip segments').format(what=what),
            )
        if action_text not in END_ACTIONS:
            raise self.error(
                action_node,
                translate("ShowFile", 'end_action "{action_text}" is not one of: {end_actions}').format(
                    action_text=action_text, end_actions=", ".join(END_ACTIONS)
                ),
            )
        return EndAction(action_text)


def _parse_date(text: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            raise ValueError(text)  # fromisoformat also takes "20210119" and "2021-W03-2"
        return date.fromisoformat(text)
    except ValueError:
        raise TimeFormatError(translate("ShowFile", '"{text}" is not a date YYYY-MM-DD').format(text=text)) from None
