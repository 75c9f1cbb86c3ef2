"""The show file's `graphics:` and a segment's `lower_third:`, checked in the user's terms (presenter.show.graphics).

Everything here ends up in a page's CSS or text: colours and the font are held to forms that cannot break out
of a CSS value, texts to a length a graphic can show.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show.graphics import COLOUR_KEYS, LANGUAGES, StreamGraphics, person_of

if TYPE_CHECKING:
    from presenter.show.fields import _ShowReader

GRAPHICS_KEYS = ("question", "hashtag", "font", "colours", "language", "lower_third_time")
MAX_GRAPHICS_TEXT = 100
_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,30}|rgba?\(\s*[0-9.,%\s]{5,40}\)")
_FONT = re.compile(r"[\w\s,.'-]{1,100}")


def read_graphics(reader: _ShowReader, node: yaml.Node) -> StreamGraphics:
    """`graphics: {question: true, hashtag: "#smartRLP", font: …, colours: {accent: "#e30613"}, language: de}`."""
    entries = reader.mapping(node, "graphics", GRAPHICS_KEYS)
    values: dict[str, object] = {}
    if "question" in entries:
        values["question"] = reader.flag(entries["question"][1], "question")
    if "hashtag" in entries:
        values["hashtag"] = _short(reader, entries["hashtag"][1], "hashtag")
    if "font" in entries:
        values["font"] = _matching(reader, entries["font"][1], "font", _FONT)
    if "colours" in entries:
        colours = reader.mapping(entries["colours"][1], "graphics: colours", COLOUR_KEYS)
        values["colours"] = tuple((key, _matching(reader, value, key, _COLOUR)) for key, (_, value) in colours.items())
    if "language" in entries:
        language_node = entries["language"][1]
        language = reader.text(language_node, "language").lower()
        if language not in LANGUAGES:
            message = translate("ShowFile", '"language" is de or en, not "{word}"').format(word=language)
            raise reader.error(language_node, message)
        values["language"] = language
    if "lower_third_time" in entries:
        values["lower_third_s"] = reader.duration(entries["lower_third_time"][1], "lower_third_time")
    return StreamGraphics(**values)  # type: ignore[arg-type]


def read_lower_third(reader: _ShowReader, node: yaml.Node, speakers: tuple[str, ...]) -> str:
    """A segment's `lower_third:` names one of its own speakers (by the name before any "| role")."""
    name = reader.text(node, "lower_third")
    names = [person_of(speaker).name for speaker in speakers]
    if name not in names:
        message = translate("ShowFile", '"lower_third" names "{name}", who is not among this segment\'s speakers')
        raise reader.error(node, message.format(name=name))
    return name


def _short(reader: _ShowReader, node: yaml.Node, key: str) -> str:
    value = reader.text(node, key)
    if len(value) > MAX_GRAPHICS_TEXT:
        message = translate("ShowFile", '"{key}" has more than {limit} characters')
        raise reader.error(node, message.format(key=key, limit=MAX_GRAPHICS_TEXT))
    return value


_FORM_HINTS = {
    "font": QT_TRANSLATE_NOOP("ShowFile", "a font is named in letters, digits, spaces and commas"),
    "colour": QT_TRANSLATE_NOOP("ShowFile", "a colour is #e30613, rgb(…) or a name"),
}


def _matching(reader: _ShowReader, node: yaml.Node, key: str, form: re.Pattern[str]) -> str:
    value = _short(reader, node, key)
    if form.fullmatch(value) is None:
        hint = translate("ShowFile", _FORM_HINTS["font" if form is _FONT else "colour"])
        message = translate("ShowFile", '"{key}" cannot be "{value}": {hint}')
        raise reader.error(node, message.format(key=key, value=value, hint=hint))
    return value
