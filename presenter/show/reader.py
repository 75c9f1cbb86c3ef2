"""The YAML layer of the show file loader: libyaml's parser, text-only tags and a node tree counted while it is built.

Only nodes are composed, never objects constructed: no tag can build an object, every scalar keeps the text the user
wrote, and a file with more values than a show file may hold stops at the limit instead of being parsed to its end.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from presenter.i18n import translate
from presenter.show.model import MAX_NODES, ShowFileError

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
    node_limit = MAX_NODES  # the loader sets it from presenter.show at each load


def _too_many_values(path: Path, mark: yaml.Mark, limit: int, expanded: bool = False) -> ShowFileError:
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
    return ShowFileError(path, mark.line + 1, mark.column + 1, message.format(limit=f"{limit:,}"))


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
    limit: int = loader.node_limit
    left = limit
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
            node = _aliased(anchors, event)
        else:  # the document end
            break
        if kind is not yaml.AliasEvent and event.anchor is not None:
            _anchor(anchors, event, node)
        left -= 1
        if left < 0:
            raise _too_many_values(path, event.start_mark, limit)
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
    _check_stream_end(get(), root)
    return root


def _aliased(anchors: dict[str, yaml.Node], event: Any) -> yaml.Node:
    if event.anchor not in anchors:
        raise yaml.composer.ComposerError(
            None,
            None,
            translate("ShowFile", "found undefined alias {anchor!r}").format(anchor=event.anchor),
            event.start_mark,
        )
    return anchors[event.anchor]


def _anchor(anchors: dict[str, yaml.Node], event: Any, node: yaml.Node) -> None:
    anchor = event.anchor
    if anchor in anchors:
        raise yaml.composer.ComposerError(
            translate("ShowFile", "found duplicate anchor {anchor!r}; first occurrence").format(anchor=anchor),
            anchors[anchor].start_mark,
            translate("ShowFile", "second occurrence"),
            event.start_mark,
        )
    anchors[anchor] = node


def _check_stream_end(event: Any, root: yaml.Node | None) -> None:
    if type(event) is not yaml.StreamEndEvent:
        raise yaml.composer.ComposerError(
            translate("ShowFile", "expected a single document in the stream"),
            root.start_mark if root is not None else None,
            translate("ShowFile", "but found another document"),
            event.start_mark,
        )
