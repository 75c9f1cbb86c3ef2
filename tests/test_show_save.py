"""Saving an edited show: only the edited lines change, atomically, re-validated, never over another's change."""

from __future__ import annotations

import difflib
import os
import shutil
import stat
from pathlib import Path

import pytest

from presenter.show import load_show
from presenter.show.editing import add_segment, delete_segment, move_segment, update_segment, update_show
from presenter.show.save import SaveConflict, SaveError, open_show_file, render_new, save_show

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def show_copy(tmp_path):
    folder = tmp_path / "show"
    shutil.copytree(ROOT / "assets", folder)
    return folder / "smart-rlp.yaml"


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def save_and_diff(path: Path, change) -> list[str]:
    loaded = open_show_file(path)
    before = path.read_text(encoding="utf-8")
    saved, kept = save_show(loaded, change(loaded.show))
    assert kept
    after = path.read_text(encoding="utf-8")
    assert saved.data == after.encode()
    return changed_lines(before, after)


def test_saving_unchanged_writes_the_same_bytes(show_copy):
    before = show_copy.read_bytes()
    save_show(open_show_file(show_copy), open_show_file(show_copy).show)
    assert show_copy.read_bytes() == before


def test_a_changed_duration_changes_one_line_and_is_quoted(show_copy):
    diff = save_and_diff(show_copy, lambda s: update_segment(s, 1, {"duration": "30:00"}))
    assert diff == ['-    duration: "37:45"', '+    duration: "30:00"']
    assert load_show(show_copy).segments[1].duration_s == 1800


def test_a_title_with_a_hash_and_a_colon_is_quoted_and_comments_stay(show_copy):
    diff = save_and_diff(show_copy, lambda s: update_segment(s, 0, {"title": "Begrüßung #1: Start"}))
    assert diff == ["-    title: Begrüßung", '+    title: "Begrüßung #1: Start"']
    text = show_copy.read_text(encoding="utf-8")
    assert text.startswith("# Smart RLP – live stream of the herzlich digitale Stadt Kaiserslautern\n")
    assert load_show(show_copy).segments[0].title == "Begrüßung #1: Start"


def test_one_talking_point_changed_is_one_line(show_copy):
    diff = save_and_diff(
        show_copy,
        lambda s: update_segment(
            s, 1, {"talking_points": [*s.segments[1].talking_points[:2], "Neu", *s.segments[1].talking_points[3:]]}
        ),
    )
    assert diff == ["-      - Welche Modelle und Projekte haben sich als erfolgreich erwiesen?", "+      - Neu"]


def test_a_field_added_goes_to_its_place_and_a_field_removed_goes(show_copy):
    diff = save_and_diff(show_copy, lambda s: update_segment(s, 0, {"warning": "1:30", "notes": ""}))
    assert diff == [
        "-    notes: Kamera 1 Totale, dann Nahe auf OB Weichel. Bauchbinde „Klaus Weichel, Oberbürgermeister“.",
        '+    warning: "1:30"',
    ]


def test_show_fields_change_their_lines_only(show_copy):
    diff = save_and_diff(show_copy, lambda s: update_show(s, {"date": "2021-01-26", "end": "19:15"}))
    assert diff == ["-date: 2021-01-19", "+date: 2021-01-26", '-end: "19:00"', '+end: "19:15"']


def test_moving_deleting_and_adding_segments_keeps_the_blank_lines_between_them(show_copy):
    original = show_copy.read_text(encoding="utf-8")
    save_and_diff(show_copy, lambda s: move_segment(s, 5, 0))
    text = show_copy.read_text(encoding="utf-8")
    assert '#smartRLP"\n\n  - id: welcome' in text and text.endswith('danger: "1:00"\n')
    save_and_diff(show_copy, lambda s: move_segment(s, 0, 5))
    assert show_copy.read_text(encoding="utf-8") == original
    diff = save_and_diff(show_copy, lambda s: add_segment(s, 5, {"title": "Abspann", "duration": "0:30"})[0])
    assert diff == ["+", "+  - id: abspann", "+    title: Abspann", "+    kind: live", '+    duration: "0:30"']
    save_and_diff(show_copy, lambda s: delete_segment(s, 6))
    assert show_copy.read_text(encoding="utf-8") == original


def test_a_title_edit_keeps_the_id_that_came_from_the_old_title(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_text(
        'version: 1\ntitle: T\ndate: 2021-01-19\nstart: "17:30"\nend: "19:00"\nsegments:\n'
        '  - title: Begrüßung  # the id is "begrussung"\n    duration: "5:00"\n',
        encoding="utf-8",
    )
    diff = save_and_diff(path, lambda s: update_segment(s, 0, {"title": "Hallo"}))
    assert diff[:2] == ['-  - title: Begrüßung  # the id is "begrussung"', "+  - id: begrussung"]
    assert diff[2].startswith("+    title: Hallo ") and diff[2].endswith('# the id is "begrussung"')  # comment kept
    assert load_show(path).segments[0].id == "begrussung"


def test_a_changed_file_on_disk_is_not_overwritten(show_copy):
    loaded = open_show_file(show_copy)
    theirs = show_copy.read_text(encoding="utf-8").replace("title: Smart RLP", "title: Smart RLP (Probe)")
    show_copy.write_text(theirs, encoding="utf-8")
    mine = update_segment(loaded.show, 0, {"duration": "6:00"})
    with pytest.raises(SaveConflict) as conflict:
        save_show(loaded, mine)
    assert conflict.value.theirs == theirs.encode()
    assert show_copy.read_text(encoding="utf-8") == theirs
    # keep mine
    save_show(loaded, mine, overwrite=True)
    assert load_show(show_copy).title == "Smart RLP" and load_show(show_copy).segments[0].duration_s == 360
    # save as: clip paths are written for the new folder
    other = show_copy.parent / "elsewhere" / "copy.yaml"
    other.parent.mkdir()
    save_show(loaded, mine, other)
    copy = load_show(other)
    assert copy.segments[2].clip.resolve() == loaded.show.segments[2].clip
    assert "clip: ../clips/minimogli.mp4" in other.read_text(encoding="utf-8")


def test_a_symlink_planted_at_the_show_file_is_a_conflict_and_is_replaced_not_written_through(show_copy, tmp_path):
    """Issue 25, finding 2: the link's target stays as it was and gets no backup beside it."""
    loaded = open_show_file(show_copy)
    other = tmp_path / "other.txt"
    other.write_bytes(loaded.data)  # even the same bytes: the file at the path is another one now
    show_copy.unlink()
    show_copy.symlink_to(other)
    mine = update_segment(loaded.show, 0, {"duration": "6:00"})
    with pytest.raises(SaveConflict):
        save_show(loaded, mine)
    saved, _ = save_show(loaded, mine, overwrite=True)  # keep mine: the link is replaced
    assert not show_copy.is_symlink() and load_show(show_copy).segments[0].duration_s == 360
    assert other.read_bytes() == loaded.data and not (tmp_path / "other.txt~").exists()
    assert saved.path == show_copy


def test_take_theirs_is_a_reload_and_the_next_save_works(show_copy):
    loaded = open_show_file(show_copy)
    show_copy.write_text(show_copy.read_text(encoding="utf-8").replace('"37:45"', '"35:00"'), encoding="utf-8")
    theirs = open_show_file(show_copy)
    saved, _ = save_show(theirs, update_segment(theirs.show, 0, {"duration": "4:00"}))
    assert (saved.show.segments[0].duration_s, saved.show.segments[1].duration_s) == (240, 2100)
    assert loaded.show.segments[1].duration_s == 2265


def test_saving_is_atomic_keeps_a_backup_and_the_files_mode(show_copy):
    os.chmod(show_copy, 0o640)
    original = show_copy.read_bytes()
    loaded = open_show_file(show_copy)
    save_show(loaded, update_show(loaded.show, {"title": "Neu"}))
    assert (show_copy.parent / "smart-rlp.yaml~").read_bytes() == original
    assert stat.S_IMODE(os.stat(show_copy).st_mode) == 0o640
    assert not [p for p in show_copy.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_file_that_cannot_be_written_is_a_message_and_nothing_changes(show_copy):
    loaded = open_show_file(show_copy)
    original = show_copy.read_bytes()
    with pytest.raises(
        SaveError, match=r"copy.yaml cannot be written \(No such file or directory\); nothing was saved"
    ):
        save_show(loaded, update_show(loaded.show, {"title": "Neu"}), show_copy.parent / "gone" / "copy.yaml")
    assert show_copy.read_bytes() == original


def test_a_file_with_anchors_is_written_fresh_and_reads_back_the_same(tmp_path):
    path = tmp_path / "show.yaml"
    path.write_text(
        'version: 1\ntitle: T\ndate: 2021-01-19\nstart: "17:30"\nend: "19:00"\nsegments:\n'
        '  - {id: a, title: A, duration: &d "5:00"}\n  - {id: b, title: B, duration: *d}\n',
        encoding="utf-8",
    )
    loaded = open_show_file(path)
    save_show(loaded, update_segment(loaded.show, 0, {"duration": "6:00"}))
    again = load_show(path)
    assert [s.duration_s for s in again.segments] == [360, 300]


def test_a_new_show_file_reads_back_the_same(show_copy, tmp_path):
    show = load_show(show_copy)
    target = tmp_path / "new.yaml"
    text = render_new(show, target)
    target.write_text(text, encoding="utf-8")
    assert text.startswith("# Show file for Presenter")
    assert 'duration: "5:00"' in text and "\n\nsegments:\n  - id: welcome" in text
    again = load_show(target)
    assert [s.title for s in again.segments] == [s.title for s in show.segments]
    assert again.segments[2].clip == show.segments[2].clip.resolve()


def test_a_new_show_starts_from_the_template_and_edits_save_line_by_line(tmp_path):
    from datetime import date

    from presenter.templates import create_show_file

    path = tmp_path / "neu.yaml"
    show = create_show_file(path, date(2026, 12, 1), 'Bürgerdialog: "Digital"')
    assert show.title == 'Bürgerdialog: "Digital"' and show.date == date(2026, 12, 1)
    assert [s.kind for s in show.segments] == ["live", "clip", "live", "live"]
    assert sum(s.duration_s for s in show.segments) == 3600
    assert show.segments[1].clip == tmp_path / "clips" / "clip.mp4"
    diff = save_and_diff(path, lambda s: update_segment(s, 2, {"duration": "40:00"}))
    assert diff == ['-    duration: "45:00"', '+    duration: "40:00"']


def test_lists_and_texts_of_every_shape_read_back_and_touch_only_their_segment(show_copy):
    original = show_copy.read_text(encoding="utf-8").splitlines()

    def change(show):
        show = update_segment(show, 2, {"talking_points": [], "speakers": ["Anna, Ben", "yes", "Clara"]})
        show = update_segment(show, 5, {"talking_points": ["Dank", "Tschüss"], "notes": "Zeile 1\nZeile 2: #x"})
        return update_show(show, {"description": "Kurz: neu", "warning": "3:00"})

    diff = save_and_diff(show_copy, change)
    saved = load_show(show_copy)
    assert saved.segments[2].talking_points == () and saved.segments[2].speakers == ("Anna, Ben", "yes", "Clara")
    assert saved.segments[5].talking_points == ("Dank", "Tschüss")
    assert saved.segments[5].notes == "Zeile 1\nZeile 2: #x"
    assert saved.description == "Kurz: neu" and saved.warning_s == 180
    untouched = "\n".join(original[14:43])  # the welcome and the discussion, with their comments and blank lines
    assert untouched in show_copy.read_text(encoding="utf-8")
    assert len(diff) < 20
