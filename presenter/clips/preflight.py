"""The preflight check: is the show file valid and will every clip play?

Used by `--check` (headless) and by the technician's preflight view. Probing is injected, so the
check runs with libVLC (the real probe) or without it (file checks only).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from presenter.clips.files import Form, MediaLine, stat_problem
from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.show import Segment, Show, ShowFileError, load_show
from presenter.timefmt import format_duration

# What --check must not send to a terminal as it is: C0 and C1 control characters (ESC starts a terminal
# command, BEL rings), line and paragraph separators, and the bidi controls that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every character a terminal would act on written as an escape: ESC is shown as \\x1b."""
    return _UNSAFE.sub(lambda match: repr(match.group())[1:-1], text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json_escape(text: str) -> str:
    """JSON with the unsafe characters json.dumps leaves as they are (C1, bidi) as \\u escapes: the same data."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# A clip may differ from a duration written in the show file by this much before it is flagged.
DURATION_TOLERANCE_S = 1.0


class Status(enum.Enum):
    READY = "ready"
    WARNING = "warning"
    BROKEN = "broken"

    @property
    def label(self) -> str:
        """The status in the user's language (``value`` stays the English machine value)."""
        return translate("Clip", _STATUS_LABEL[self.value])


_STATUS_LABEL = {
    "ready": QT_TRANSLATE_NOOP("Clip", "ready"),
    "warning": QT_TRANSLATE_NOOP("Clip", "warning"),
    "broken": QT_TRANSLATE_NOOP("Clip", "broken"),
}


class MediaFacts(MediaLine, Protocol):  # read-only: a frozen MediaInfo fits
    """What a probe tells about a clip (presenter.playout.probe.MediaInfo fits): the media line's facts, and
    whether it plays."""

    @property
    def ok(self) -> bool: ...

    @property
    def problem(self) -> str | None: ...

    @property
    def warnings(self) -> tuple[str, ...]: ...


Probe = Callable[[Path], MediaFacts]


@dataclass(frozen=True)
class SegmentCheck:
    number: int
    segment: Segment
    planned_s: float | None
    status: Status
    problems: tuple[str, ...] = ()
    media: MediaFacts | None = None

    @property
    def summary(self) -> str:
        return "; ".join(self.problems) if self.problems else translate("Clip", "ok")


@dataclass(frozen=True)
class CheckReport:
    show: Show
    rows: tuple[SegmentCheck, ...]
    notes: tuple[str, ...] = field(default=())  # about the check itself, e.g. "libVLC missing: clips not probed"

    @property
    def ready(self) -> bool:
        return all(row.status is Status.READY for row in self.rows) and not self.notes

    @property
    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def planned_total_s(self) -> float:
        """The running order's planned length (clips without a written duration: as probed)."""
        return sum(_row_length(row) for row in self.rows)

    @property
    def window_s(self) -> float:
        return (self.show.end_datetime - self.show.start_datetime).total_seconds()

    def timing(self) -> str:
        """Does the running order fit between start and end? (The director plans with this; not a fault.)"""
        show, spare = self.show, self.window_s - self.planned_total_s
        if abs(spare) < 0.5:
            fit = translate("Preflight", "fits exactly")
        elif spare > 0:
            fit = translate("Preflight", "{gap} to spare").format(gap=format_duration(spare))
        else:
            fit = translate("Preflight", "{gap} past the end").format(gap=format_duration(-spare))
        return translate("Preflight", "planned {planned} for {start}–{end} ({window}): {fit}").format(
            planned=format_duration(self.planned_total_s), start=f"{show.start:%H:%M}", end=f"{show.end:%H:%M}",
            window=format_duration(self.window_s), fit=fit,
        )  # fmt: skip

    def media_durations(self) -> dict[str, float]:
        return {
            row.segment.id: row.media.duration_s for row in self.rows if row.media is not None and row.media.duration_s
        }


def _row_length(row: SegmentCheck) -> float:
    if row.planned_s is not None:
        return row.planned_s
    return row.media.duration_s if row.media is not None and row.media.duration_s else 0.0


def file_problem(path: Path) -> str | None:
    """The plain-words problem with a clip file (:mod:`presenter.clips.files`, running-order form), or None."""
    problem, _ = stat_problem(path)
    return None if problem is None else problem.text(path, Form.CLIP)


def check_segment(show: Show, number: int, segment: Segment, probe: Probe | None) -> SegmentCheck:
    planned = segment.duration_s
    if not segment.is_clip or segment.clip is None:
        return SegmentCheck(number, segment, planned, Status.READY)
    problem = file_problem(segment.clip)
    if problem:
        return SegmentCheck(number, segment, planned, Status.BROKEN, (problem,))
    if probe is None:
        return SegmentCheck(number, segment, planned, Status.READY)
    try:
        media = probe(segment.clip)
    except Exception as exc:  # a probe that crashes is a broken row, never a traceback
        why = translate("Clip", "clip could not be probed: {error}").format(error=exc)
        return SegmentCheck(number, segment, planned, Status.BROKEN, (why,))
    if not media.ok:
        why = media.problem or translate("Clip", "cannot be played")
        return SegmentCheck(number, segment, planned, Status.BROKEN, (why,), media)
    problems = list(media.warnings)
    if planned is not None and media.duration_s is not None and abs(media.duration_s - planned) > DURATION_TOLERANCE_S:
        if media.duration_s > planned:
            text = translate("Clip", "clip is {duration}, longer than the planned {planned}")
        else:
            text = translate("Clip", "clip is {duration}, shorter than the planned {planned}")
        problems.append(text.format(duration=format_duration(media.duration_s), planned=format_duration(planned)))
    status = Status.WARNING if problems else Status.READY
    return SegmentCheck(number, segment, planned, status, tuple(problems), media)


def check_show(show: Show, probe: Probe | None = None, notes: tuple[str, ...] = ()) -> CheckReport:
    rows = tuple(check_segment(show, number, segment, probe) for number, segment in enumerate(show.segments, 1))
    return CheckReport(show, rows, notes)


# ------------------------------------------------------------------------------------------ the CLI


_COLUMNS = (
    QT_TRANSLATE_NOOP("Preflight", "Title"), QT_TRANSLATE_NOOP("Preflight", "Kind"),
    QT_TRANSLATE_NOOP("Preflight", "Planned"), QT_TRANSLATE_NOOP("Preflight", "Clip"),
    QT_TRANSLATE_NOOP("Preflight", "Size"), QT_TRANSLATE_NOOP("Preflight", "FPS"),
    QT_TRANSLATE_NOOP("Preflight", "Codecs"), QT_TRANSLATE_NOOP("Preflight", "Status"),
)  # fmt: skip
_KINDS = {"clip": QT_TRANSLATE_NOOP("Preflight", "clip"), "live": QT_TRANSLATE_NOOP("Preflight", "live")}


_WIDTHS = ((">", 3), ("<", 40), ("<", 4), (">", 8), (">", 8), (">", 9), (">", 7), ("<", 10))


def _row_format() -> str:
    """The table's columns, each as wide as its header and its words in the app's language (issue 22:
    "Einspieler" overflowed the German "Art" column)."""
    kinds = [translate("Preflight", kind) for kind in _KINDS.values()]
    headers = ["#", *(translate("Preflight", column) for column in _COLUMNS)]
    cells = []
    for n, (align, width) in enumerate(_WIDTHS):
        widest = max([width, len(headers[n]), *(len(kind) for kind in kinds if n == 2)])
        cells.append(f"{{:{align}{widest}}}")
    return "  ".join([*cells, "{}"])


def _header() -> str:
    return _row_format().format("#", *(translate("Preflight", column) for column in _COLUMNS))


def _row_text(row: SegmentCheck) -> str:
    segment = row.segment
    planned = format_duration(row.planned_s) if row.planned_s is not None else translate("Preflight", "(media)")
    duration = size = fps = codecs = ""
    media = row.media
    if media is not None and media.ok:
        size = f"{media.width}x{media.height}" if media.width else "-"
        fps = f"{media.fps:g}" if media.fps else "-"
        duration = format_duration(media.duration_s) if media.duration_s else "-"
        codecs = "/".join(c for c in (media.video_codec, media.audio_codec) if c) or "-"
    status = row.status.label.upper() + (f": {row.summary}" if row.problems else "")
    kind = translate("Preflight", _KINDS[str(segment.kind)]) if str(segment.kind) in _KINDS else str(segment.kind)
    return _row_format().format(row.number, segment.title[:40], kind, planned, duration, size, fps, codecs, status)


def report_as_json(report: CheckReport) -> str:
    def media_dict(media: MediaFacts | None) -> dict[str, object] | None:
        if media is None:
            return None
        names = (
            "ok", "problem", "duration_s", "width", "height", "fps", "video_codec", "audio_codec",
            "audio_channels", "audio_rate", "container", "size_bytes", "mtime", "warnings",
        )  # fmt: skip
        return {name: getattr(media, name, None) for name in names} | {"warnings": list(media.warnings)}

    counts = report.counts
    text = json.dumps(
        {
            "show": report.show.title,
            "file": str(report.show.path),
            "ready": report.ready,
            "segments": [
                {
                    "number": row.number,
                    "id": row.segment.id,
                    "title": row.segment.title,
                    "kind": row.segment.kind,
                    "planned_s": row.planned_s,
                    "clip": str(row.segment.clip) if row.segment.clip else None,
                    "status": row.status.value,
                    "problems": list(row.problems),
                    "media": media_dict(row.media),
                }
                for row in report.rows
            ],
            "summary": {status.value: counts[status] for status in Status},
            "planned_total_s": report.planned_total_s,
            "window_s": report.window_s,
            "notes": list(report.notes),
            "warnings": list(report.show.warnings),
        },
        ensure_ascii=False,
        indent=2,
    )
    return _json_escape(text)


def report_as_text(report: CheckReport) -> str:
    lines = [f"{report.show.title} — {report.show.date:%d.%m.%Y} {report.show.start:%H:%M}–{report.show.end:%H:%M}"]
    lines.append(_header())
    lines += [_row_text(row) for row in report.rows]
    lines.append(translate("Preflight", "timing: {timing}").format(timing=report.timing()))
    lines += [translate("Preflight", "note: {note}").format(note=note) for note in report.notes]
    lines += [translate("Preflight", "warning: {warning}").format(warning=warning) for warning in report.show.warnings]
    counts = report.counts
    verdict = translate("Preflight", "READY") if report.ready else translate("Preflight", "NOT READY")
    lines.append(
        translate("Preflight", "{verdict}: {count} segments, {ready} ready, {warning} warning, {broken} broken").format(
            verdict=verdict, count=len(report.rows), ready=counts[Status.READY], warning=counts[Status.WARNING],
            broken=counts[Status.BROKEN],
        )
    )  # fmt: skip
    return "\n".join(printable(line) for line in lines)  # a title or path from the file never drives the terminal


def run_check(path: Path, probe: Probe | None, notes: tuple[str, ...], as_json: bool, out: TextIO, err: TextIO) -> int:
    """--check: exit 0 ready, 1 loads but has problems, 2 the show file itself is invalid."""
    try:
        show = load_show(path)
    except ShowFileError as exc:
        if as_json:
            error = {"file": str(path), "ready": False, "error": str(exc)}
            print(_json_escape(json.dumps(error, ensure_ascii=False)), file=out)
        print(printable(str(exc)), file=err)
        return 2
    report = check_show(show, probe, notes)
    print(report_as_json(report) if as_json else report_as_text(report), file=out)
    return 0 if report.ready else 1
