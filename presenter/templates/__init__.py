"""The template a new show starts from: show times, a welcome, a clip, a Q&A and a closing.

Kept as Python text (not a data file) so that it is there in every install.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from presenter.files import atomic_write
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show import Show, parse_show

HEADER = QT_TRANSLATE_NOOP(
    "Template",
    "# Running order for Presenter (show file format version 1).\n# Clip paths are relative to this file: put the clips in the folder clips/ beside it.\n",  # noqa: E501
)
NEW_SHOW = """\
version: 1
title: {title}
date: {date}
start: "18:00"
end: "19:00"
warning: "2:00"
danger: "0:30"

segments:
  - id: welcome
    title: Begrüßung
    kind: live
    duration: "5:00"
    speakers: [Moderation]
    talking_points:
      - Herzlich willkommen
      - Gäste vorstellen

  - id: clip
    title: Einspieler
    kind: clip
    clip: clips/clip.mp4
    duration: "2:00"
    end_action: next

  - id: questions
    title: Fragerunde
    kind: live
    duration: "45:00"
    talking_points:
      - Fragen aus dem Chat
    warning: "5:00"
    danger: "1:00"

  - id: closing
    title: Verabschiedung
    kind: live
    duration: "8:00"
    talking_points:
      - Dank an Gäste und Zuschauende
"""


def new_show_text(day: date, title: str = "Neue Sendung") -> str:
    """The template for `day`; the title in double quotes (a JSON string is a YAML one), so any text is safe."""
    title = " ".join(title.split()) or "Neue Sendung"
    header = translate("Template", HEADER)  # the segments stay as they are: German, the show's language
    return header + NEW_SHOW.format(title=json.dumps(title, ensure_ascii=False), date=day.isoformat())


def create_show_file(path: Path, day: date, title: str = "Neue Sendung") -> Show:
    """Write a new show file from the template at `path` (atomically) and return it loaded."""
    path = Path(path)
    text = new_show_text(day, title)
    show = parse_show(text.encode("utf-8"), path)  # the template is checked before it is written
    atomic_write(path, text, backup=False, mode=0o644)
    return show
