"""The show file (package): model, reading, field checks, editing documents and the one save path. Owns
what a show is; may import only the foundation (records, files, timefmt, clock, i18n); Qt-free.

This module:

The show file: its model and a loader that explains every mistake in the user's terms.

The loader walks YAML *nodes* (not constructed objects), so every message can name the line and
column of the value at fault, scalar values keep the exact text the user wrote ("17:30" is never
read as the YAML 1.1 sexagesimal integer 1050), no tag can construct an object, and alias bombs
are refused by a node budget instead of expanding.

The model lives in presenter.show.model, the YAML layer in presenter.show.reader and the field checks in
presenter.show.fields; this module reads the file and ties them together, and every name stays importable from here.
The limits are read here at each load (MAX_NODES, MAX_FILE_BYTES), so a test may lower them on this module.
"""

from __future__ import annotations

import gc
import os
import stat
from pathlib import Path

import yaml

from presenter.i18n import translate
from presenter.show.fields import _SEGMENT_KEYS, _SHOW_KEYS, _parse_date, _ShowReader, _type_name
from presenter.show.model import (
    DEFAULT_DANGER_S,
    DEFAULT_WARNING_S,
    END_ACTIONS,
    FORMAT_VERSION,
    KINDS,
    MAX_DURATION_S,
    MAX_FILE_BYTES,
    MAX_NODES,
    EndAction,
    Segment,
    SegmentKind,
    Show,
    ShowFileError,
    slugify,
)
from presenter.show.reader import _NOT_PRINTABLE, _compose_counted, _Loader, _TextResolver, _too_many_values

__all__ = [
    "DEFAULT_DANGER_S",
    "DEFAULT_WARNING_S",
    "END_ACTIONS",
    "FORMAT_VERSION",
    "KINDS",
    "MAX_DURATION_S",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "_NOT_PRINTABLE",
    "_SEGMENT_KEYS",
    "_SHOW_KEYS",
    "EndAction",
    "Segment",
    "SegmentKind",
    "Show",
    "ShowFileError",
    "_Loader",
    "_ShowReader",
    "_TextResolver",
    "_compose_counted",
    "_parse_date",
    "_too_many_values",
    "_type_name",
    "load_show",
    "parse_show",
    "read_show_bytes",
    "slugify",
]


def load_show(path: Path | str) -> Show:
    """Load and validate a show file; raises ShowFileError with a file:line:col message."""
    path = Path(path)
    return parse_show(read_show_bytes(path), path)


def read_show_bytes(path: Path | str) -> bytes:
    """The bytes of a show file, read safely: never blocks, never reads more than MAX_FILE_BYTES + 1.

    A named pipe, a device (a symlink to /dev/zero), a folder or a file over the limit is refused with a
    ShowFileError before anything is read. The checks are made on the opened file (fstat), so a file
    replaced between the check and the read cannot slip through.
    """
    path = Path(path)
    try:
        _check_status(path, os.stat(path))  # refuse devices and pipes before even opening them
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            _check_status(path, os.fstat(fd))
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_FILE_BYTES:
                chunk = os.read(fd, min(1024 * 1024, MAX_FILE_BYTES + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise ShowFileError(path, None, None, translate("ShowFile", "file not found")) from None
    except IsADirectoryError:
        raise ShowFileError(path, None, None, translate("ShowFile", "is a folder, not a show file")) from None
    except PermissionError:
        raise ShowFileError(path, None, None, translate("ShowFile", "cannot be read (permission denied)")) from None
    except BlockingIOError:
        raise ShowFileError(path, None, None, translate("ShowFile", "is not a regular file")) from None
    except OSError as exc:
        raise ShowFileError(
            path, None, None, translate("ShowFile", "cannot be read ({error})").format(error=exc.strerror or exc)
        ) from None
    if size > MAX_FILE_BYTES:  # it grew after the check
        raise ShowFileError(path, None, None, translate("ShowFile", "is more than 20 MB; a show file is at most 20 MB"))
    return b"".join(chunks)


def _check_status(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise ShowFileError(path, None, None, translate("ShowFile", "is a folder, not a show file"))
    if not stat.S_ISREG(status.st_mode):
        raise ShowFileError(path, None, None, translate("ShowFile", "is not a regular file"))
    if status.st_size > MAX_FILE_BYTES:
        size_mb = status.st_size / (1024 * 1024)
        raise ShowFileError(
            path,
            None,
            None,
            translate("ShowFile", "is {size_mb:.1f} MB; a show file is at most 20 MB").format(size_mb=size_mb),
        )


def parse_show(data: bytes, path: Path) -> Show:
    text = _decode(data, path)
    # A big show is hundreds of thousands of small node objects without a single reference cycle;
    # the cyclic garbage collector would walk them again and again (more than half the load time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        root = _compose(text, path)
        return _ShowReader(path, text, MAX_NODES).read(root)
    finally:
        if collecting:
            gc.enable()


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        body = bytes(exc.object)  # what was decoded: the file without its BOM (exc.start counts from there)
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(body[line_start : exc.start].decode("utf-8", "replace")) + 1  # characters, as YAML counts
        raise ShowFileError(
            path,
            line,
            column,
            translate("ShowFile", "is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8").format(
                byte=body[exc.start]
            ),
        ) from None


def _compose(text: str, path: Path) -> yaml.Node:
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        before = text[: bad.start()]
        line = before.count("\n") + 1
        column = bad.start() - (before.rfind("\n") + 1) + 1
        raise ShowFileError(
            path,
            line,
            column,
            translate("ShowFile", "contains the control character U+{code:04X}, which YAML does not allow").format(
                code=ord(bad.group())
            ),
        )
    loader = _Loader(text)
    loader.node_limit = MAX_NODES
    try:
        root = _compose_counted(loader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or translate("ShowFile", "is not valid YAML")
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        if mark is None:
            raise ShowFileError(
                path, None, None, translate("ShowFile", "not valid YAML: {problem}").format(problem=problem)
            ) from None
        message = translate("ShowFile", "not valid YAML: {problem}").format(problem=problem)
        raise ShowFileError(path, mark.line + 1, mark.column + 1, message) from None
    except yaml.YAMLError as exc:
        raise ShowFileError(path, None, None, translate("ShowFile", "not valid YAML: {exc}").format(exc=exc)) from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at a nesting depth of 1000
        raise ShowFileError(path, None, None, translate("ShowFile", "not valid YAML: nested too deeply")) from None
    finally:
        loader.dispose()
    if root is None:
        raise ShowFileError(
            path, 1, 1, translate("ShowFile", "the file is empty; a show file starts with 'version: 1'")
        )
    return root
