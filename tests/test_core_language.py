"""The core's messages go through `translate` (German as ⟦…⟧ here); without a translator they are the English source."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from fake_language import english_afterwards, pseudo_german  # noqa: F401 - an autouse fixture

from presenter.clock import FakeClock
from presenter.records import BadRecord, replay_warning, text_field
from presenter.run.engine import ShowEngine
from presenter.run.journal import StateDir, read_journal
from presenter.run.runs import RunInfo
from presenter.show import ShowFileError, load_show, parse_show
from presenter.statelock import StateLockError
from presenter.timefmt import TimeFormatError, parse_duration


def _error(text: str) -> str:
    with pytest.raises(ShowFileError) as caught:
        parse_show(text.encode(), Path("show.yaml"))
    return str(caught.value)


def test_show_file_errors_keep_file_line_col_outside_the_translated_text():
    with pseudo_german():
        assert _error("version: 1\ntitle: Test\nsegments: {}\n") == 'show.yaml:1:1: ⟦the show has no "date"⟧'
        assert _error("[1, 2]\n") == (
            "show.yaml:1:1: ⟦a show file must be a mapping with 'version', 'title' and 'segments', not ⟦a list⟧⟧"
        )
        assert _error("versio: 1\n") == 'show.yaml:1:1: ⟦unknown key "{key}" in {what}; did you mean "{hint}"?⟧'.format(
            key="versio", what="⟦the show⟧", hint="version"
        )
    assert _error("version: 1\ntitle: Test\nsegments: {}\n") == 'show.yaml:1:1: the show has no "date"'


def test_a_missing_show_file_in_the_language(tmp_path):
    with pseudo_german(), pytest.raises(ShowFileError) as caught:
        load_show(tmp_path / "gone.yaml")
    assert str(caught.value) == "gone.yaml: ⟦file not found⟧"


def test_time_formats_in_the_language():
    with pseudo_german(), pytest.raises(TimeFormatError) as caught:
        parse_duration("5 Min")
    assert str(caught.value) == '⟦"5 Min" is not m:ss or h:mm:ss⟧'


def test_journal_warnings_in_the_language(tmp_path):
    path = tmp_path / "20210119-172958-000000-abc.jsonl"
    path.write_bytes(b'{"type": "run", "day": "2021-01-19"}\nnot json\n{"op": "go"')
    with pseudo_german():
        warnings = read_journal(path).warnings
    assert warnings == [
        f"⟦journal {path.name}: line 2 is damaged; that entry is ignored⟧",
        f"⟦journal {path.name}: its last line was cut off (power loss?); that entry is ignored⟧",
    ]


@pytest.mark.parametrize(
    ("record", "english"),
    [
        ({"_line": 3, "op": "go"}, "journal line 3 (go) is ignored: text is not text"),
        ({"_line": 3}, "journal line 3 is ignored: text is not text"),
        ({"op": "go"}, "a journal entry (go) is ignored: text is not text"),
        ([], "a journal entry is ignored: text is not text"),
    ],
)
def test_replay_warnings_are_whole_sentences(record, english):
    with pytest.raises(BadRecord) as caught:
        text_field({}, "text")
    assert replay_warning(record, caught.value) == english
    with pseudo_german():
        with pytest.raises(BadRecord) as caught:
            text_field({}, "text")
        german = replay_warning(record, caught.value)
    assert german.startswith("⟦") and german.endswith(": ⟦{key} is not text⟧⟧".replace("{key}", "text"))


def test_a_missing_segment_and_the_engine_in_the_language(bundled_show):
    with pseudo_german():
        assert replay_warning({"_line": 2}, KeyError("gone")).endswith("⟦no segment 'gone' in the show file⟧⟧")
        engine = ShowEngine(bundled_show, FakeClock(datetime(2021, 1, 19, 17, 30)))
        with pytest.raises(IndexError) as caught:
            engine.jump(99)
    assert str(caught.value) == "⟦no segment 100 in the running order⟧"


def test_the_run_list_state_and_the_state_lock_in_the_language(tmp_path):
    run = RunInfo(Path("x.jsonl"), "", "", "", "", 0, 0, "new run")
    with pseudo_german():
        assert run.state == "⟦closed ({reason})⟧".format(reason="⟦new run⟧")
        state = StateDir(tmp_path / "state")
        lock = state.acquire_lock()
        try:
            with pytest.raises(StateLockError) as caught:
                StateDir(tmp_path / "state").acquire_lock()
        finally:
            lock.release()
    assert str(caught.value).startswith(f"⟦another Presenter (pid {os.getpid()}) is using the state directory")
    assert run.state == "closed (new run)"
