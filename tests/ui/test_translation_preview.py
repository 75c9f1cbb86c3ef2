"""The preview window under a pseudo-locale: every text it shows went through translation.

Every text found in the code reads ⟦…⟧ under the pseudo-locale (tools/i18n.py pseudo); a visible
word outside the brackets came from the code untranslated, unless it is the show's content, a file
name or a name of a codec, a container or an audio device. The show has a clip that plays, one
longer than planned, one without a picture, an empty one and a missing one, so that the problem
lines of the clip list, the player, the media panel and the preflight table all show.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from presenter.clips.preflight import Status
from presenter.controller import ShowController
from presenter.playout import preview as pv
from presenter.show import load_show
from presenter.ui.preview import PreviewWindow

TESTS_DIR = Path(__file__).resolve().parent.parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))
import media_faults  # noqa: E402
from ui.visible_text import untranslated, visible_texts  # noqa: E402

ROOT = TESTS_DIR.parent
MEDIA = media_faults.MEDIA_DIR
INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧")


def _show(tmp_path: Path) -> Path:
    folder = tmp_path / "faults"
    folder.mkdir()
    clips = [
        ("good", "Clip Stadtbild", MEDIA / "short-ok.mp4", '"0:03"'),
        ("long", "Clip Rathaus", MEDIA / "short-ok.mp4", '"0:10"'),
        ("sound", "Clip Tonspur", MEDIA / "audio-only.m4a", None),
        ("empty", "Clip Leer", media_faults.make_zero_bytes(folder), None),
        ("missing", "Clip Fehlt", folder / "fehlt.mp4", None),
    ]
    lines = ["version: 1", "title: Stadtrat Vorschau", "date: 2021-01-19", 'start: "17:30"', 'end: "19:00"']
    lines += ["segments:", "  - id: intro", "    title: Begrüßung", "    kind: live", '    duration: "1:00"']
    for ident, title, path, duration in clips:
        lines += [f"  - id: {ident}", f"    title: {title}", "    kind: clip", f'    clip: "{path}"']
        if duration:
            lines.append(f"    duration: {duration}")
    show = tmp_path / "vorschau.yaml"
    show.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return show


def _content(win: PreviewWindow) -> list[str]:
    """The show's own words, its files, and the names the media and the system gave."""
    show = win.controller.show
    words = [show.title, str(show.path)]
    for segment in show.segments:
        words += [segment.title, str(segment.clip or "")]
    for _, segment in win.clip_list.clips:
        info = win.checks.info(segment.id)
        if info is not None:
            words += [getattr(info, "container", None) or "", info.video_codec or "", info.audio_codec or ""]
    combo = win.device_combo
    words += [combo.itemText(i) for i in range(1, combo.count())]  # the system's device names
    return words


def _untranslated(win: PreviewWindow) -> list[tuple[str, str]]:
    """`untranslated` of the window's texts, with texts nested in texts (``⟦… ⟦…⟧⟧``) opened from inside out."""
    found = []
    for where, text in visible_texts(win):
        rest, previous = text, None
        while rest != previous:
            previous, rest = rest, INNERMOST.sub(" ", rest)
        if untranslated([(where, rest)], _content(win)):
            found.append((where, text))
    return found


@pytest.mark.xvfb
@pytest.mark.vlc
def test_every_text_of_the_preview_window_is_translated(qtbot, tmp_path, fake_clock, settings, pseudo):
    controller = ShowController(load_show(_show(tmp_path)), fake_clock)
    win = PreviewWindow(
        controller, settings=settings, cache_dir=tmp_path / "thumbs", vlc_args=("--aout=adummy",)
    )  # fmt: skip
    qtbot.addWidget(win)
    win.setGeometry(0, 0, 1280, 800)
    win.show()
    qtbot.waitExposed(win)
    try:
        assert _untranslated(win) == []  # as it opens, still checking
        qtbot.waitUntil(lambda: not win.preflight_running() and not win.thumbnails.busy(), timeout=15000)
        rows = win.preflight_rows()
        assert rows["missing"].status is Status.BROKEN and rows["empty"].status is Status.BROKEN
        assert rows["long"].status is Status.WARNING
        assert "⟦" in win.summary_label.text() and "⟦" in rows["missing"].summary
        assert _untranslated(win) == []
        for ident in ("good", "long", "sound", "empty", "missing"):
            win.select_segment(ident)
            qtbot.waitUntil(
                lambda: win.player.state in (pv.PAUSED, pv.ERROR) and win.media_info() is not None, timeout=5000
            )
            if rows[ident].status is Status.BROKEN:
                qtbot.waitUntil(win.problem_label.isVisible, timeout=3000)
            assert _untranslated(win) == [], ident
        win.player.play()
        qtbot.waitUntil(lambda: win.player.state in (pv.PLAYING, pv.ENDED, pv.ERROR), timeout=5000)
        assert _untranslated(win) == []
        win.run_preflight()  # the running check: progress, "checking…"
        assert _untranslated(win) == []
        qtbot.waitUntil(lambda: not win.preflight_running(), timeout=15000)
    finally:
        assert win.shutdown(3.0)
