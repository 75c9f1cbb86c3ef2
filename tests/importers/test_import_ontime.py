"""Ontime project files (v2, v3, v4) imported as a running order; every event not imported is listed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from presenter.importers import ImportFailed, import_file
from presenter.show import load_show
from presenter.show.save import render_new

DAY = date(2021, 1, 19)
H = 3_600_000
M = 60_000


def event(event_id, title, start_ms, duration_ms, **extra):
    return {
        "type": "event",
        "id": event_id,
        "cue": extra.pop("cue", ""),
        "title": title,
        "note": extra.pop("note", ""),
        "timeStart": start_ms,
        "timeEnd": start_ms + duration_ms,
        "duration": duration_ms,
        "timeWarning": extra.pop("timeWarning", 2 * M),
        "timeDanger": extra.pop("timeDanger", 30_000),
        "skip": extra.pop("skip", False),
        "colour": "",
        "revision": 0,
        "custom": extra.pop("custom", {}),
        **extra,
    }


def v3_project():
    """Smart RLP as Ontime 3 keeps it: a list, blocks as headings, a delay, a gap before the Q&A."""
    start = 17 * H + 30 * M
    return {
        "settings": {"version": "3.8.0", "app": "ontime"},
        "project": {"title": "Smart RLP", "description": "Livestream"},
        "customFields": {"speaker": {"label": "Sprecher", "type": "string", "colour": "#fff"}},
        "rundown": [
            {"type": "block", "id": "b1", "title": "Eröffnung"},
            event("e1", "Begrüßung", start, 5 * M, cue="1", custom={"speaker": "OB Weichel"}),
            event("e2", "Diskussion", start + 5 * M, 37 * M + 45_000, note="Kamera 2"),
            {"type": "delay", "id": "d1", "duration": 2 * M},
            event("e3", "Clip", start + 42 * M + 45_000, 75_000, skip=True, timerType="count-down"),
            event("e4", "Fragerunde", start + 50 * M, 35 * M),  # 6:00 gap before it
            event("e5", "", start + 85 * M, 5 * M, cue="9"),
            event("e6", "Kaputt", start + 90 * M, 0),  # no duration: the loader refuses 0:00
            event("e7", "Halb", start + 90 * M, 1500),  # 1.5 s: rounded, reported
        ],
    }


def v4_project():
    start = 17 * H + 30 * M
    entries = {
        "g1": {"type": "group", "id": "g1", "title": "Block A", "entries": ["e1", "e2"], "note": "", "custom": {}},
        "e1": event("e1", "Begrüßung", start, 5 * M, parent="g1", flag=False, triggers=[]),
        "e2": event("e2", "Diskussion", start + 5 * M, 37 * M + 45_000, parent="g1", custom={"c1": "Malu Dreyer"}),
        "m1": {"type": "milestone", "id": "m1", "title": "Halbzeit", "cue": "", "note": "", "custom": {}},
        "e3": event("e3", "Verabschiedung", start + 42 * M + 45_000, 5 * M, mystery=1),
    }
    return {
        "settings": {"version": "4.0.1"},
        "project": {"title": "Smart RLP v4"},
        "customFields": {"c1": {"label": "Gast", "type": "text", "colour": ""}},
        "rundowns": {
            "default": {
                "id": "default",
                "title": "Default",
                "order": ["g1", "m1", "e3", "gone"],
                "flatOrder": ["g1", "e1", "e2", "m1", "e3"],
                "entries": entries,
                "revision": 3,
            }
        },
    }


def write(tmp_path: Path, data, name="project.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_ontime_3_project(tmp_path):
    result = import_file(write(tmp_path, v3_project()), tmp_path / "show.yaml", DAY)
    show = result.show
    assert show.title == "Smart RLP"
    assert (f"{show.start:%H:%M}", f"{show.end:%H:%M:%S}") == ("17:30", "19:00:02")
    titles = [s.title for s in show.segments]
    assert titles == ["Begrüßung", "Diskussion", "Clip", "Pause", "Fragerunde", "Cue 9", "Halb"]
    durations = [s.duration_s for s in show.segments]
    assert durations == [300, 2265, 75, 360, 2100, 300, 2]
    assert show.segments[0].notes == "Group: Eröffnung\nCue: 1\nSprecher: OB Weichel"
    assert show.segments[1].notes == "Kamera 2\nGroup: Eröffnung"
    assert "Skipped in Ontime" in show.segments[2].notes
    assert show.segments[0].warning_s == 120 and show.segments[0].danger_s == 30
    problems = "\n".join(result.problems)
    assert "event 3 (id d1): a delay" in problems
    assert 'event 5 (id e4): the gap of 6:00 before "Fragerunde" became a break' in problems
    assert 'event 7 (id e6): "Kaputt" not imported: duration is 0:00' in problems
    assert "event 8 (id e7): duration 1.500 s is rounded to 0:02" in problems
    assert 'event 6 (id e5): the event has no title; it is called "Cue 9"' in problems
    assert "not imported: colour, timerType" in problems
    assert result.imported == 6


def test_an_ontime_4_project_with_groups_and_milestones(tmp_path):
    result = import_file(write(tmp_path, v4_project()), tmp_path / "show.yaml", DAY)
    show = result.show
    assert [s.title for s in show.segments] == ["Begrüßung", "Diskussion", "Verabschiedung"]
    assert show.segments[1].notes == "Group: Block A\nGast: Malu Dreyer"
    assert (f"{show.start:%H:%M}", f"{show.end:%H:%M:%S}") == ("17:30", "18:17:45")
    problems = "\n".join(result.problems)
    assert 'event 3 (id m1): the milestone "Halbzeit" has no duration' in problems
    assert "rundown order: entry 'gone' is missing" in problems
    assert "fields not known, not imported: mystery" in problems
    assert "flag" in problems and "triggers" in problems


def test_an_ontime_2_project(tmp_path):
    data = {
        "settings": {"version": "2.10.0"},
        "event": {"title": "Alt"},
        "rundown": [
            {
                "type": "event",
                "id": "a",
                "title": "Eins",
                "subtitle": "Unter",
                "presenter": "Anna",
                "note": "",
                "timeStart": 10 * H,
                "timeEnd": 10 * H + 10 * M,
                "duration": 10 * M,
                "user0": "x",
            },
        ],
    }
    result = import_file(write(tmp_path, data), tmp_path / "show.yaml", DAY)
    segment = result.show.segments[0]
    assert (result.show.title, segment.speakers, segment.notes) == ("Alt", ("Anna",), "Unter\nuser0: x")


def test_the_imported_show_is_written_and_loads(tmp_path):
    output = tmp_path / "show.yaml"
    result = import_file(write(tmp_path, v3_project()), output, DAY)
    output.write_text(render_new(result.show, output), encoding="utf-8")
    loaded = load_show(output)
    assert [s.duration_s for s in loaded.segments] == [s.duration_s for s in result.show.segments]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", r"project.json:1:2: not valid JSON"),
        (b"[1, 2]", "is not an Ontime project"),
        (b'{"rundown": "x"}', "has no rundown"),
        (b'{"rundown": []}', "no row could be imported"),
        (b'{"rundowns": {}}', "has no rundown"),
        (b"\xff\xfe", "is not UTF-8"),
        (b"[" * 100_000, "nested too deeply|not valid JSON"),
    ],
)
def test_a_bad_project_is_a_clear_message(tmp_path, content, message):
    path = tmp_path / "project.json"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        import_file(path, tmp_path / "show.yaml", DAY)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "project.json"
    with open(path, "wb") as file:
        file.truncate(21 * 1024 * 1024)
    with pytest.raises(ImportFailed, match="at most 20 MB"):
        import_file(path, tmp_path / "show.yaml", DAY)


def test_values_of_the_wrong_type_are_listed(tmp_path):
    data = v3_project()
    data["rundown"][1]["duration"] = "five minutes"
    data["rundown"][1]["timeEnd"] = None
    data["rundown"][1]["title"] = {"x": 1}
    result = import_file(write(tmp_path, data), tmp_path / "show.yaml", DAY)
    problems = "\n".join(result.problems)
    assert "event 1 (id e1): duration 'five minutes' is not a time in milliseconds; ignored" in problems
    assert "event 1 (id e1): title is not a text; ignored" in problems
