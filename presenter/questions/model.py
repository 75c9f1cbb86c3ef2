"""An audience question and its words: sources, states, field limits and the checks every input goes through.

Plain Python, no Qt; the queue that moves questions along is presenter.questions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from presenter.i18n import QT_TRANSLATE_NOOP, translate

MAX_TEXT = 2000
MAX_SCREEN_TEXT = 140  # what the moderator reads from 3 m
MAX_NAME = 100
MAX_NOTE = 500
MAX_QUESTIONS = 10_000


class Source(enum.StrEnum):
    YOUTUBE = "YouTube"
    FACEBOOK = "Facebook"
    MAIL = "mail"
    PHONE = "phone"
    STUDIO = "studio"
    OTHER = "other"


class QuestionState(enum.StrEnum):
    NEW = "new"
    APPROVED = "approved"
    ON_SCREEN = "on screen"
    ANSWERED = "answered"
    DROPPED = "dropped"


SOURCE_LABELS = {
    Source.YOUTUBE: QT_TRANSLATE_NOOP("Questions", "YouTube"),
    Source.FACEBOOK: QT_TRANSLATE_NOOP("Questions", "Facebook"),
    Source.MAIL: QT_TRANSLATE_NOOP("Questions", "mail"),
    Source.PHONE: QT_TRANSLATE_NOOP("Questions", "phone"),
    Source.STUDIO: QT_TRANSLATE_NOOP("Questions", "studio"),
    Source.OTHER: QT_TRANSLATE_NOOP("Questions", "other"),
}
STATE_WORDS = {
    QuestionState.NEW: QT_TRANSLATE_NOOP("Questions", "new"),
    QuestionState.APPROVED: QT_TRANSLATE_NOOP("Questions", "approved"),
    QuestionState.ON_SCREEN: QT_TRANSLATE_NOOP("Questions", "on screen"),
    QuestionState.ANSWERED: QT_TRANSLATE_NOOP("Questions", "answered"),
    QuestionState.DROPPED: QT_TRANSLATE_NOOP("Questions", "dropped"),
}


def source_label(source: Source) -> str:
    """A source as the user reads it (the value stays English in the journal and the CSV)."""
    return translate("Questions", SOURCE_LABELS[source])


def state_word(state: QuestionState) -> str:
    """A state in a sentence ("this one is answered"), in the user's language."""
    return translate("Questions", STATE_WORDS[state])


SOURCE_ALIASES = {
    **dict.fromkeys(("youtube", "yt"), Source.YOUTUBE),
    **dict.fromkeys(("facebook", "fb"), Source.FACEBOOK),
    **dict.fromkeys(("mail", "email", "e-mail", "e mail"), Source.MAIL),
    **dict.fromkeys(("phone", "telefon", "tel", "tel.", "anruf"), Source.PHONE),
    **dict.fromkeys(("studio", "saal"), Source.STUDIO),
    **dict.fromkeys(("other", "sonstige", "sonstiges", "andere"), Source.OTHER),
}


def parse_source(text: str) -> Source | None:
    """A source as people write it ("YT", "E-Mail", "Telefon"); None when it is not one."""
    return SOURCE_ALIASES.get(" ".join(text.strip().lower().split()))


class QuestionError(ValueError):
    """A question operation that cannot be done, in the producer's words."""


@dataclass
class Question:
    id: str
    text: str
    received: datetime
    asker: str = ""
    source: Source = Source.OTHER
    screen_text: str = ""  # optional short version for the moderator's screen
    note: str = ""
    addressed_to: str = ""  # one of the show's speakers
    state: QuestionState = QuestionState.NEW
    shown_at: datetime | None = None
    answered_at: datetime | None = None
    dropped_at: datetime | None = None
    dropped_from: QuestionState | None = None  # what an undo of the drop restores

    @property
    def display_text(self) -> str:
        """What the moderator reads: the screen text, else the question cut to 140 characters."""
        text = self.screen_text or " ".join(self.text.split())
        return text if len(text) <= MAX_SCREEN_TEXT else text[: MAX_SCREEN_TEXT - 1].rstrip() + "…"

    def fields_record(self) -> dict[str, Any]:
        """The question's own words as a journal record holds them."""
        return {
            "id": self.id,
            "text": self.text,
            "received": self.received.isoformat(timespec="seconds"),
            "asker": self.asker,
            "source": self.source.value,
            "screen_text": self.screen_text,
            "note": self.note,
            "addressed_to": self.addressed_to,
        }


EDITABLE = ("text", "asker", "source", "screen_text", "note", "addressed_to")
_LIMITS = {
    "text": MAX_TEXT,
    "asker": MAX_NAME,
    "screen_text": MAX_SCREEN_TEXT,
    "note": MAX_NOTE,
    "addressed_to": MAX_NAME,
}
_NAMES = {
    "text": QT_TRANSLATE_NOOP("Questions", "the question"),
    "asker": QT_TRANSLATE_NOOP("Questions", "the name"),
    "screen_text": QT_TRANSLATE_NOOP("Questions", "the screen text"),
    "note": QT_TRANSLATE_NOOP("Questions", "the note"),
    "addressed_to": QT_TRANSLATE_NOOP("Questions", "“addressed to”"),
}


def checked_fields(values: dict[str, Any]) -> dict[str, Any]:
    """Editable fields checked and tidied; raises QuestionError naming the field in the producer's words."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise QuestionError(translate("Questions", "a question has no field {key!r}").format(key=str(key)[:40]))
        if key == "source":
            source = value if isinstance(value, Source) else parse_source(value) if isinstance(value, str) else None
            if source is None:
                known = ", ".join(s.value for s in Source)
                problem = translate("Questions", "source {value!r} is not one of {sources}")
                raise QuestionError(problem.format(value=str(value)[:40], sources=known))
            out[key] = source
            continue
        if not isinstance(value, str):
            raise QuestionError(translate("Questions", "{name} is not text").format(name=_name(key)))
        value = value.strip()
        if key not in ("text", "note"):
            value = " ".join(value.split())
        if len(value) > _LIMITS[key]:
            problem = translate("Questions", "{name} is {count} characters long; at most {limit} fit")
            raise QuestionError(problem.format(name=_name(key), count=len(value), limit=_LIMITS[key]))
        out[key] = value
    if "text" in out and not out["text"]:
        raise QuestionError(translate("Questions", "the question is empty"))
    return out


def _name(key: str) -> str:
    return translate("Questions", _NAMES[key])
