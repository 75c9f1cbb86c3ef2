"""Issue 23's import findings: Ontime v4 groups, milestones, the project's description, every column named."""

from __future__ import annotations

from datetime import date, time, timedelta

import openpyxl
from test_import_ontime import H, M, event, v4_project, write

from presenter.importers import import_file

DAY = date(2021, 1, 19)


def test_v4_groups_are_said_by_name_and_the_description_is_the_shows(tmp_path):
    data = v4_project()
    rundown = data["rundowns"]["default"]
    start = 17 * H + 30 * M
    rundown["entries"]["g2"] = {
        "type": "group", "id": "g2", "title": "Lunch break", "entries": [], "note": "Catering", "custom": {},
    }  # fmt: skip
    rundown["entries"]["g3"] = {
        "type": "group", "id": "g3", "title": "Afternoon break", "entries": ["e4"], "colour": "#3E75E8",
        "targetDuration": 15 * M, "note": "", "custom": {},
    }  # fmt: skip
    rundown["entries"]["e4"] = event("e4", "Kaffee", start + 48 * M, 15 * M, parent="g3")
    rundown["order"] = ["g1", "m1", "e3", "g2", "g3"]
    data["project"] = {"title": "Smart RLP v4", "description": "Livestream aus Mainz", "url": "https://example.org"}
    result = import_file(write(tmp_path, data), tmp_path / "show.yaml", DAY)
    show = result.show
    assert show.description == "Livestream aus Mainz" and show.title == "Smart RLP v4"
    assert show.segments[-1].title == "Kaffee" and "Group: Afternoon break" in show.segments[-1].notes
    problems = "\n".join(result.problems)
    assert 'the group "Lunch break" has no events: it is not in the show' in problems
    assert 'the group "Block A" is a heading in Ontime: its title is in the notes of its 2 event(s)' in problems
    assert 'the group "Afternoon break": not imported: colour, target duration' in problems
    assert "the milestone" in problems and "Halbzeit" in problems
    assert "the project's url: not imported" in problems


def test_ontimes_xlsx_groups_milestones_and_every_column(tmp_path):
    """As Ontime's own xlsx template (apps/server/src/api-data/excel/__mocks__/simpleTemplate.ts) lays it out."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Event schedule"
    sheet.append(["Project title", "Konferenz"])
    sheet.append(["Cue", "Title", "Colour", "Time Start", "Time End", "Duration", "Note", "Timer Type", "Video Notes"])
    sheet.append(["Demo", "Clear all", "#9d9d9d", "", "", "", "Moderator", "milestone"])
    sheet.append(["", "Morning Sessions", "#339E4E", "", "", "", "", "group-start"])
    sheet.append(["1", "Pre-show", "#77C785", time(10), time(11), "", "Music", "count-down", "Cam"])
    sheet.append(["1.1", "Welcome", "#FFCC78", "", "", timedelta(minutes=10), "", "count-up", ""])
    sheet.append(["House", "11:30 - Lunch setup", "#A790F5", "", "", "", "", "milestone"])
    sheet.append(["", "Lunch", "#3E75E8", "", "", "", "", "group-start"])
    sheet.append(["", "Afternoon Sessions", "#339E4E", "", "", "", "", "group-start"])
    sheet.append(["3.2", "Session 2", "#77C785", time(13), time(14), "", "", "clock", ""])
    path = tmp_path / "rundown.xlsx"
    book.save(path)
    result = import_file(path, tmp_path / "show.yaml", DAY)
    show = result.show
    assert [s.title for s in show.segments][:2] == ["Pre-show", "Welcome"]
    assert show.segments[0].notes.startswith("Group: Morning Sessions")
    assert any(s.title == "Session 2" and "Group: Afternoon Sessions" in s.notes for s in show.segments)
    problems = "\n".join(result.problems)
    assert 'row 3: the milestone "Clear all" is a marker' in problems
    assert 'row 7: the milestone "11:30 - Lunch setup" is a marker' in problems
    assert 'row 8: the group "Lunch" has no events: it is not in the show' in problems
    assert 'the group "Morning Sessions" is a heading' in problems
    assert "has no duration" not in problems
    assert "Ontime columns Presenter has no place for, not imported: Colour" in problems
    assert "columns not known, not imported: Video Notes" in problems
    assert "Timer Type clock, count-up: Presenter's segments count down; not imported" in problems
