"""A show with speakers, roles, OBS scenes and stream graphics, shared by the wiring and the graphics tests."""

from __future__ import annotations

from pathlib import Path

from presenter.show import Show, load_show

SHOW = """\
version: 1
title: Smart RLP
date: 2021-01-19
start: "17:30"
end: "19:00"
obs:
  scenes: {live: Kamera, clip: Einspieler, black: Schwarz, end: Abspann}
graphics:
  question: true
  hashtag: "#smartRLP"
  colours: {accent: "rgb(227, 6, 19)"}
segments:
  - title: Begrüßung
    duration: "5:00"
    speakers: ["Klaus Weichel | Oberbürgermeister"]
  - title: Diskussion
    duration: "30:00"
    speakers: ["Malu Dreyer | Ministerpräsidentin Rheinland-Pfalz", Nicole Steingaß]
    obs_scene: Kamera 2
  - title: Abschluss
    duration: "5:00"
"""


def graphics_show(folder: Path) -> Show:
    path = folder / "show.yaml"
    path.write_text(SHOW, encoding="utf-8")
    return load_show(path)
