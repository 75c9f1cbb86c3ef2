"""Questions pasted from a chat: "Name: text", "Name (Facebook): text", or just the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from presenter.questions import MAX_NAME, Source, parse_source

_TIME_PREFIX = re.compile(r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+")
_CHAT_LINE = re.compile(
    r"^(?P<name>[^:\n?!]{1,60}?)\s*(?:\((?P<source>[^()\n]{1,30})\))?\s*:\s+(?P<text>\S.*)$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Pasted:
    text: str
    asker: str = ""
    source: Source | None = None


def parse_chat(pasted: str) -> Pasted:
    """A question copied from a chat: "Name: text", "Name (Facebook): text", or just the text.

    A leading time ("17:42 Anna: …") is dropped. A name is at most 60 characters and 6 words with
    no question mark, so "Frage an Herrn Weichel: wann…" is still read as a name only when it fits.
    A parenthesis that is not a known source stays part of the name ("Anna (Kaiserslautern)").
    """
    text = pasted.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = _TIME_PREFIX.sub("", text, count=1)
    match = _CHAT_LINE.match(text)
    if match is None or len(match.group("name").split()) > 6 or match.group("name").startswith("http"):
        return Pasted(_one_paragraph(text))
    name = " ".join(match.group("name").split())
    source = None
    if match.group("source") is not None:
        source = parse_source(match.group("source"))
        if source is None:
            name = f"{name} ({' '.join(match.group('source').split())})"
    return Pasted(_one_paragraph(match.group("text")), name[:MAX_NAME], source)


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())
