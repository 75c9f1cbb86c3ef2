"""The stream's graphics as the show file gives them: whom a lower third names, and the corporate design.

`speakers:` entries may give a role after a bar ("Malu Dreyer | Ministerpräsidentin"); an entry without one
is a name alone, as before. `graphics:` at show level switches the audience question on the stream on and
gives the colours, the font, the hashtag and the language of the pages (presenter.web's graphics pages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from presenter.timefmt import format_duration

ROLE_MARK = "|"  # "Name | Rolle" in a speakers entry
COLOUR_KEYS = ("background", "text", "accent")
LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Person:
    """Who a lower third names: the name, and the role under it (may be empty)."""

    name: str
    role: str = ""


def person_of(speaker: str) -> Person:
    """A speakers entry as a person: "Malu Dreyer | Ministerpräsidentin" → name and role."""
    name, _, role = speaker.partition(ROLE_MARK)
    return Person(name.strip(), role.strip())


@dataclass(frozen=True)
class StreamGraphics:
    """The show's `graphics:` (all optional): the pages' look and what goes on the stream by itself."""

    question: bool = False  # the question on the moderator's screen goes on the stream too
    hashtag: str = ""
    font: str = ""
    colours: tuple[tuple[str, str], ...] = ()  # (key of COLOUR_KEYS, CSS colour), in the file's order
    language: str = ""  # "de" or "en"; empty: the director's language
    lower_third_s: float | None = None  # how long a lower third stays on by default; None: until taken off


def people(speakers: Iterable[str]) -> dict[str, Person]:
    """Every speaker by name (the first entry with a role wins over one without)."""
    found: dict[str, Person] = {}
    for speaker in speakers:
        person = person_of(speaker)
        if person.name not in found or (person.role and not found[person.name].role):
            found[person.name] = person
    return found


def graphics_document(graphics: StreamGraphics) -> dict[str, object]:
    """`graphics:` in the show file's form (only what differs from the defaults), for saving an edited show."""
    doc: dict[str, object] = {}
    if graphics.question:
        doc["question"] = True
    for key in ("hashtag", "font", "language"):
        if value := getattr(graphics, key):
            doc[key] = value
    if graphics.colours:
        doc["colours"] = dict(graphics.colours)
    if graphics.lower_third_s is not None:
        doc["lower_third_time"] = format_duration(graphics.lower_third_s)
    return doc
