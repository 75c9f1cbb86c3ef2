"""The as-run record: what went out when, as CSV, rebuilt from a run's journal.

Two tables: one row per time a segment went on air (`as_run_csv`), and the log of every message,
clip pause, resume and restart, stop to black (panic), clip failure and GO taken back with its time
(`as_run_log_csv`). Both are written by the one CSV writer (presenter.csvout: the dialect, formula
escaping); `lang="de"` writes German Excel's dialect with German column headers and words. The English
CSV keeps the machine names (the journal keeps English values either way).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from presenter.csvout import csv_lang, dialect_for, write_csv
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.records import last_wall
from presenter.run.engine import Airing, ClipEnd, ClipState, EndReason, SegmentStatus, ShowEngine
from presenter.run.journal import header_started, read_journal
from presenter.show import Show, slugify
from presenter.timefmt import format_duration, format_signed

COLUMNS = (
    "number",
    "segment",
    "title",
    "kind",
    "airing",  # 1 the first time this segment went on air, 2 the second …
    "on_air_order",  # the order in which everything went on air
    "planned_start",
    "actual_start",
    "actual_end",
    "planned_duration",  # as planned in the show file
    "added_time",  # ±1 min given while on air
    "actual_duration",  # of this airing
    "over_under",  # on a segment's last airing: all its airings against the planned duration
    "skipped",
    "clip_duration",
    "clip_end",
    "ended_by",  # an EndReason: go, clip ended (by itself, end action next), undone (Back), new run, …
)
LOG_COLUMNS = ("time", "what", "segment", "text")  # segment: its title
NUMBER_COLUMNS = (  # written from numbers and times by us: never escaped ("-1:00" stays a figure)
    "number",
    "airing",
    "on_air_order",
    "planned_start",
    "actual_start",
    "actual_end",
    "planned_duration",
    "added_time",
    "actual_duration",
    "over_under",
    "clip_duration",
    "time",
)
__all__ = [
    "COLUMNS",
    "LOG_COLUMNS",
    "FrozenClock",
    "as_run_csv",
    "as_run_file_name",
    "as_run_log_csv",
    "as_run_log_rows",
    "as_run_rows",
    "csv_lang",
    "engine_from_journal",
    "run_date",
]

CLIP_END = {
    ClipEnd.ENDED: QT_TRANSLATE_NOOP("AsRun", "ended by itself"),
    ClipEnd.STOPPED: QT_TRANSLATE_NOOP("AsRun", "stopped to black (Esc)"),
    ClipEnd.FAILED: QT_TRANSLATE_NOOP("AsRun", "failed"),
}
LOGGED_EVENTS = {
    "message": QT_TRANSLATE_NOOP("AsRun", "message"),
    "message_cleared": QT_TRANSLATE_NOOP("AsRun", "message cleared"),
    "panic": QT_TRANSLATE_NOOP("AsRun", "stop to black (Esc)"),
    "clip_failed": QT_TRANSLATE_NOOP("AsRun", "clip failed"),
    "undo_go": QT_TRANSLATE_NOOP("AsRun", "GO taken back"),
    "clip_pause": QT_TRANSLATE_NOOP("AsRun", "clip paused"),
    "clip_resume": QT_TRANSLATE_NOOP("AsRun", "clip resumed"),
    "clip_restart": QT_TRANSLATE_NOOP("AsRun", "clip restarted"),
    "lower_third": QT_TRANSLATE_NOOP("AsRun", "lower third on the stream"),
    "lower_third_off": QT_TRANSLATE_NOOP("AsRun", "lower third taken off"),
    "preshow": QT_TRANSLATE_NOOP("AsRun", "pre-show countdown"),
    "stream_problem": QT_TRANSLATE_NOOP("AsRun", "stream problem"),
    "stream_problem_gone": QT_TRANSLATE_NOOP("AsRun", "stream problem over"),
}
# The German CSV's column headers and the words of its cells; the English CSV writes the machine names.
HEADERS = {
    "number": QT_TRANSLATE_NOOP("AsRun", "number"),
    "segment": QT_TRANSLATE_NOOP("AsRun", "segment"),
    "title": QT_TRANSLATE_NOOP("AsRun", "title"),
    "kind": QT_TRANSLATE_NOOP("AsRun", "kind"),
    "airing": QT_TRANSLATE_NOOP("AsRun", "airing"),
    "on_air_order": QT_TRANSLATE_NOOP("AsRun", "on_air_order"),
    "planned_start": QT_TRANSLATE_NOOP("AsRun", "planned_start"),
    "actual_start": QT_TRANSLATE_NOOP("AsRun", "actual_start"),
    "actual_end": QT_TRANSLATE_NOOP("AsRun", "actual_end"),
    "planned_duration": QT_TRANSLATE_NOOP("AsRun", "planned_duration"),
    "added_time": QT_TRANSLATE_NOOP("AsRun", "added_time"),
    "actual_duration": QT_TRANSLATE_NOOP("AsRun", "actual_duration"),
    "over_under": QT_TRANSLATE_NOOP("AsRun", "over_under"),
    "skipped": QT_TRANSLATE_NOOP("AsRun", "skipped"),
    "clip_duration": QT_TRANSLATE_NOOP("AsRun", "clip_duration"),
    "clip_end": QT_TRANSLATE_NOOP("AsRun", "clip_end"),
    "ended_by": QT_TRANSLATE_NOOP("AsRun", "ended_by"),
    "time": QT_TRANSLATE_NOOP("AsRun", "time"),
    "what": QT_TRANSLATE_NOOP("AsRun", "what"),
    "text": QT_TRANSLATE_NOOP("AsRun", "text"),
}
WORDS = (  # the values of EndReason, ClipState and SegmentKind as the German as-run writes them
    QT_TRANSLATE_NOOP("AsRun", "go"),
    QT_TRANSLATE_NOOP("AsRun", "clip ended"),
    QT_TRANSLATE_NOOP("AsRun", "skip"),
    QT_TRANSLATE_NOOP("AsRun", "jump"),
    QT_TRANSLATE_NOOP("AsRun", "undone"),
    QT_TRANSLATE_NOOP("AsRun", "new run"),
    QT_TRANSLATE_NOOP("AsRun", "another show opened"),
    QT_TRANSLATE_NOOP("AsRun", "run closed"),
    QT_TRANSLATE_NOOP("AsRun", "removed from the show file"),
    QT_TRANSLATE_NOOP("AsRun", "waiting"),
    QT_TRANSLATE_NOOP("AsRun", "playing"),
    QT_TRANSLATE_NOOP("AsRun", "paused"),
    QT_TRANSLATE_NOOP("AsRun", "held"),
    QT_TRANSLATE_NOOP("AsRun", "black"),
    QT_TRANSLATE_NOOP("AsRun", "live"),
    QT_TRANSLATE_NOOP("AsRun", "clip"),
)


def _words(lang: str) -> Callable[[str], str]:
    """The German CSV's words for a cell (`translate` once the language is installed); English keeps the source."""
    if lang == "de":
        return lambda text: translate("AsRun", text)
    return lambda text: text


def _ascii(text: str) -> str:
    """Signs Excel reads as numbers' signs: the minus sign U+2212 as "-"."""
    return text.replace("\u2212", "-")


def _signed(seconds: float) -> str:
    return _ascii(format_signed(seconds))


def _clip_end(engine: ShowEngine, airing: Airing, word: Callable[[str], str]) -> str:
    if not airing.segment.is_clip:
        return ""
    how = _clip_how(engine, airing, word)
    if airing.clip_restarts:  # how it ended counts from the last restart
        restarted = word(QT_TRANSLATE_NOOP("AsRun", "restarted {count}×")).format(count=airing.clip_restarts)
        return f"{how}; {restarted}"
    return how


def _clip_how(engine: ShowEngine, airing: Airing, word: Callable[[str], str]) -> str:
    if airing.clip_end is not None:
        text = word(CLIP_END[airing.clip_end])
        return f"{text}: {airing.clip_problem}" if airing.clip_problem else text
    if airing.end is None:
        run = engine.runs[airing.index] if airing.index < len(engine.runs) else None
        state = run.clip_state if run is not None and run.clip_state is not None else ClipState.WAITING
        return word(QT_TRANSLATE_NOOP("AsRun", "not started")) if state is ClipState.WAITING else word(str(state))
    if airing.end_reason is EndReason.GO:
        return word(QT_TRANSLATE_NOOP("AsRun", "cut by GO"))
    return word(QT_TRANSLATE_NOOP("AsRun", "cut"))


def _duration(engine: ShowEngine, airing: Airing) -> float:
    end = airing.end_mono if airing.end_mono is not None else engine.clock.monotonic()
    return max(end - airing.start_mono, 0.0)


def as_run_rows(engine: ShowEngine, lang: str = "en") -> list[dict[str, str]]:
    """One row per airing, in running-order order (then by airing); segments never on air get one row.

    The words in the cells (kind, skipped, clip end, ended by) are German for `lang="de"`."""
    word = _words(lang)
    yes, no = word(QT_TRANSLATE_NOOP("AsRun", "yes")), word(QT_TRANSLATE_NOOP("AsRun", "no"))
    snapshot = engine.snapshot()
    by_segment: dict[str, list[tuple[int, Airing]]] = {}
    for order, airing in enumerate(engine.airings, 1):
        by_segment.setdefault(airing.segment.id, []).append((order, airing))
    rows = []
    for view in snapshot.segments:
        segment = view.segment
        planned = engine.show.planned_duration(segment)
        clip_duration = engine.runs[view.index].clip_duration_s or engine.show.media_durations.get(segment.id)
        base = {
            "number": str(view.index + 1),
            "segment": segment.id,
            "title": segment.title,
            "kind": word(str(segment.kind)),
            "planned_start": f"{view.planned_start:%H:%M:%S}",
            "planned_duration": format_duration(planned),
            "skipped": yes if view.status is SegmentStatus.SKIPPED else no,
            "clip_duration": format_duration(clip_duration) if clip_duration else "",
        }
        airings = by_segment.get(segment.id, [])
        if not airings:
            rows.append(
                {**dict.fromkeys(COLUMNS, ""), **base, "ended_by": word("skipped") if base["skipped"] == yes else ""}
            )
            continue
        counted = added = 0.0
        for number, (order, airing) in enumerate(airings, 1):
            duration = _duration(engine, airing)
            if airing.end_reason is not EndReason.UNDONE:
                counted += duration
                added += airing.added_s  # time given on air moves the plan it is held against
            last = number == len(airings)
            rows.append(
                {
                    **base,
                    "airing": str(number),
                    "on_air_order": str(order),
                    "actual_start": f"{airing.start:%H:%M:%S}",
                    "actual_end": f"{airing.end:%H:%M:%S}" if airing.end else "",
                    "added_time": _signed(airing.added_s) if airing.added_s else "",
                    "actual_duration": format_duration(duration),
                    "over_under": _signed(counted - planned - added) if last and counted else "",
                    "clip_end": _clip_end(engine, airing, word),
                    "ended_by": word(
                        str(airing.end_reason) if airing.end_reason else QT_TRANSLATE_NOOP("AsRun", "on air")
                    ),
                }
            )
    return rows


def _log_text(engine: ShowEngine, kind: str, data: dict[str, object], word: Callable[[str], str]) -> str:
    if kind == "message":
        marks = [QT_TRANSLATE_NOOP("AsRun", " (blinking)")] if data.get("blink") else []
        marks += [QT_TRANSLATE_NOOP("AsRun", " (urgent)")] if data.get("urgent") else []
        return str(data.get("text", "")) + "".join(word(mark) for mark in marks)
    if kind == "clip_failed":
        return str(data.get("problem", ""))
    if kind.startswith("stream_problem"):
        return str(data.get("text", ""))
    if kind == "undo_go":
        undone = data.get("undone")
        if undone is None:  # the GO had ended the show
            return word(QT_TRANSLATE_NOOP("AsRun", "end of show taken back"))
        return word(QT_TRANSLATE_NOOP("AsRun", "{undone} off air again")).format(undone=_title(engine, undone))
    if kind in ("lower_third", "lower_third_off", "preshow"):
        return _graphics_text(kind, data, word)
    position = data.get("position_s")
    if kind in ("clip_pause", "clip_restart") and isinstance(position, (int, float)):
        return word(QT_TRANSLATE_NOOP("AsRun", "at {position}")).format(position=format_duration(position))
    return ""


def _graphics_text(kind: str, data: dict[str, object], word: Callable[[str], str]) -> str:
    """ "Malu Dreyer — Ministerpräsidentin, 0:08" (on), the name (off), "on"/"off" (the pre-show countdown)."""
    if kind == "preshow":
        return word(QT_TRANSLATE_NOOP("AsRun", "on")) if data.get("on") else word(QT_TRANSLATE_NOOP("AsRun", "off"))
    text = str(data.get("person", ""))
    if data.get("role"):
        text += f" — {data['role']}"
    seconds = data.get("seconds")
    if isinstance(seconds, (int, float)):
        text += ", " + word(QT_TRANSLATE_NOOP("AsRun", "for {time}")).format(time=format_duration(seconds))
    return text


def _title(engine: ShowEngine, segment_id: object) -> str:
    """A segment's title for the log (the id when the show file no longer has it)."""
    for segment in engine.show.segments:
        if segment.id == segment_id:
            return segment.title
    return str(segment_id or "")


def as_run_log_rows(engine: ShowEngine, lang: str = "en") -> list[dict[str, str]]:
    """Every message, clip pause/resume/restart, stop to black, clip failure and GO taken back, with its
    time of day and the title of the segment it concerns."""
    word = _words(lang)
    rows = []
    for event in engine.events:
        what = LOGGED_EVENTS.get(event.kind)
        if what is None:
            continue
        rows.append(
            {
                "time": f"{event.wall:%H:%M:%S}",
                "what": word(what),
                "segment": _title(engine, event.segment_id) if event.segment_id else "",
                "text": _log_text(engine, event.kind, event.data, word),
            }
        )
    return rows


def _write(columns: tuple[str, ...], rows: list[dict[str, str]], lang: str) -> str:
    word = _words(lang)
    header = {column: word(HEADERS[column]) for column in columns}
    return write_csv(columns, header, rows, dialect_for(lang), numbers=NUMBER_COLUMNS)


def as_run_csv(engine: ShowEngine, lang: str = "en") -> str:
    """The airings as CSV: comma-separated for "en", `;` and a UTF-8 BOM for "de" (German Excel)."""
    return _write(COLUMNS, as_run_rows(engine, lang), lang)


def as_run_log_csv(engine: ShowEngine, lang: str = "en") -> str:
    return _write(LOG_COLUMNS, as_run_log_rows(engine, lang), lang)


def run_date(engine: ShowEngine) -> date:
    """The day of the run: its first GO, else today on its clock."""
    return (engine.show_started or (engine.airings[0].start if engine.airings else engine.clock.now())).date()


def as_run_file_name(engine: ShowEngine, log: bool = False) -> str:
    """`as-run-2021-01-19-smart-rlp.csv` (`…-log.csv` for the log): the run's date, not the show file's."""
    title = re.sub(r"[^a-z0-9-]+", "", slugify(engine.show.title)) or "show"
    return f"as-run-{run_date(engine):%Y-%m-%d}-{title}{'-log' if log else ''}.csv"


class FrozenClock:
    """The clock of a replayed run: stopped at its last journal entry."""

    def __init__(self, now: datetime, monotonic: float = 0.0) -> None:
        self._now, self._mono = now, monotonic

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono


def engine_from_journal(path: Path, show: Show) -> tuple[ShowEngine, list[str]]:
    """Replay a journal, frozen at its last entry (a run that is still going is shown as of then)."""
    contents = read_journal(path)
    last = last_wall(contents.records) or header_started(contents.header)
    engine = ShowEngine(show, FrozenClock(last or datetime.now(), 1000.0))
    warnings = contents.warnings + engine.replay(contents.records)
    return engine, warnings
