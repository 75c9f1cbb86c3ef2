"""Clip files without Qt or libVLC: is this file OK, which file is it, and one line about its media.

The one check of a clip file (:func:`check_file`), used by the preflight, the probe, the program
playout, the preview and the clip checks; the one form of a file's identity (:class:`FileId`); the
one-line media summary (:func:`media_summary`). Every problem is worded once here
(:func:`wording`): the running order's form names the clip ("clip file not found: …"), the
playout's names the path, the probe's is the bare phrase.
"""

from __future__ import annotations

import enum
import os
import stat as stat_mod
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple, Protocol

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.timefmt import format_duration


class Fault(enum.StrEnum):
    """What is wrong with a clip file."""

    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    NO_PERMISSION = "no-permission"
    FOLDER = "folder"
    NOT_REGULAR = "not-regular"
    EMPTY = "empty"
    PLAYLIST = "playlist"
    LINK = "link"
    DAMAGED = "damaged"  # the text says how


class Form(enum.StrEnum):
    """Where the words are shown."""

    BARE = "bare"  # the probe, the preview, thumbnails: "file not found"
    CLIP = "clip"  # the running order and the preflight: "clip file not found: /path"
    PLAYOUT = "playout"  # the program output's messages: "file is missing: /path"


PLAYLIST_PROBLEM = QT_TRANSLATE_NOOP(
    "Clip",
    "not a video file: it is a playlist (a text file that points to other files or network addresses); "
    "a clip must be a local video file",
)
LINK_PROBLEM = QT_TRANSLATE_NOOP(
    "Clip",
    "not a video file: it is a text file with a network address in it (a link?); a clip must be a local video file",
)


@dataclass(frozen=True)
class FileProblem:
    fault: Fault
    detail: str = ""  # strerror for UNREADABLE; for DAMAGED the English phrase (or "truncated:PCT")

    def text(self, path: Path | None = None, form: Form = Form.BARE) -> str:
        return wording(self, path, form)

    def __str__(self) -> str:
        return wording(self)


_BARE = {
    Fault.NOT_FOUND: QT_TRANSLATE_NOOP("Clip", "file not found"),
    Fault.NO_PERMISSION: QT_TRANSLATE_NOOP("Clip", "file cannot be read (permission denied)"),
    Fault.FOLDER: QT_TRANSLATE_NOOP("Clip", "is a folder, not a file"),
    Fault.NOT_REGULAR: QT_TRANSLATE_NOOP("Clip", "not a regular file"),
    Fault.EMPTY: QT_TRANSLATE_NOOP("Clip", "file is empty (0 bytes)"),
    Fault.PLAYLIST: PLAYLIST_PROBLEM,
    Fault.LINK: LINK_PROBLEM,
}


def wording(problem: FileProblem, path: Path | None = None, form: Form = Form.BARE) -> str:
    """The one wording of *problem*, in the *form* of where it is shown, in the user's language
    (clip problems are translated here, where they are made; the director, the preview and the
    as-run show them as they are)."""
    fault, detail = problem.fault, problem.detail
    if fault is Fault.DAMAGED:
        return _damaged(detail)
    if fault is Fault.UNREADABLE:
        bare = translate("Clip", "file cannot be read ({error})").format(error=detail)
    else:
        bare = translate("Clip", _BARE[fault])
    if form is Form.BARE or fault in (Fault.PLAYLIST, Fault.LINK):
        return bare
    if form is Form.PLAYOUT:
        if fault is Fault.NOT_FOUND:
            return translate("Clip", "file is missing: {path}").format(path=path)
        return f"{bare}: {path}"
    if fault in (Fault.FOLDER, Fault.NOT_REGULAR):
        return translate("Clip", "clip is not a file: {path}").format(path=path)
    if fault is Fault.UNREADABLE:
        return translate("Clip", "clip file cannot be read: {error}").format(error=detail)
    if fault is Fault.NOT_FOUND:
        return translate("Clip", "clip file not found: {path}").format(path=path)
    if fault is Fault.NO_PERMISSION:
        return translate("Clip", "clip file cannot be read (permission denied)")
    return translate("Clip", "clip file is empty (0 bytes)")


#: What :class:`Fault.DAMAGED` details say (the detail is the English text; shown translated).
_DAMAGED = {
    "broken": QT_TRANSLATE_NOOP("Clip", "cannot be decoded: damaged (broken MP4 structure)"),
    "no-moov": QT_TRANSLATE_NOOP("Clip", "cannot be decoded: no movie header (moov box missing; incomplete download?)"),
}
_TRUNCATED = QT_TRANSLATE_NOOP(
    "Clip", "cannot be decoded: truncated (only {pct:.0f} % of the data is there; was the copy interrupted?)"
)


def _damaged(detail: str) -> str:
    """A DAMAGED detail is the English source text (or ``truncated:PCT``): translated when shown."""
    if detail.startswith("truncated:"):
        return translate("Clip", _TRUNCATED).format(pct=float(detail.partition(":")[2]))
    return translate("Clip", detail)


# ------------------------------------------------------------------------------ identity


class FileId(NamedTuple):
    """Which file a path names right now: a copy, an edit or a replacement changes it."""

    size: int
    mtime_ns: int
    inode: int

    @property
    def mtime(self) -> float:
        return self.mtime_ns / 1e9


def file_id(path: Path | str) -> FileId | None:
    """The identity of *path*, or ``None`` when it cannot be read."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return FileId(st.st_size, st.st_mtime_ns, st.st_ino)


def same_file(known: object, now: FileId) -> bool:
    """Whether *known* (a ``MediaInfo`` or anything with ``file_id``, or ``size_bytes`` and ``mtime``)
    describes the file that is *now* there. Unknown counts as the same."""
    ident = getattr(known, "file_id", None)
    if isinstance(ident, tuple):
        return FileId(*ident) == now
    size, mtime = getattr(known, "size_bytes", None), getattr(known, "mtime", None)
    if size is None or mtime is None:
        return True
    return size == now.size and abs(float(mtime) - now.mtime) < 1e-6


# ------------------------------------------------------------------------------ the check


def stat_problem(path: Path) -> tuple[FileProblem | None, os.stat_result | None]:
    """Exists, a regular file, not empty, readable: the cheap part (no byte read)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return FileProblem(Fault.NOT_FOUND), None
    except (OSError, ValueError) as exc:
        return FileProblem(Fault.UNREADABLE, getattr(exc, "strerror", None) or str(exc)), None
    if stat_mod.S_ISDIR(st.st_mode):
        return FileProblem(Fault.FOLDER), st
    if not stat_mod.S_ISREG(st.st_mode):
        return FileProblem(Fault.NOT_REGULAR), st
    if st.st_size == 0:
        return FileProblem(Fault.EMPTY), st
    if not os.access(path, os.R_OK):
        return FileProblem(Fault.NO_PERMISSION), st
    return None, st


@dataclass(frozen=True)
class FileCheck:
    """What :func:`check_file` found: the problem (or None) and what it learnt on the way."""

    problem: FileProblem | None
    size_bytes: int | None = None
    mtime: float | None = None
    container: str | None = None
    identity: FileId | None = None


def check_file(path: Path | str) -> FileCheck:
    """The one "is this clip file OK" check, without libVLC: exists, readable, not empty, not a
    playlist or link, MP4/MOV box structure complete. Reads at most the first 4 KiB and the box headers."""
    path = Path(path)
    problem, st = stat_problem(path)
    if st is None:
        return FileCheck(problem)
    ident = FileId(st.st_size, st.st_mtime_ns, st.st_ino)
    container = None
    if problem is None:
        try:
            with path.open("rb") as f:
                head = f.read(4096)
        except OSError as exc:
            problem = FileProblem(Fault.UNREADABLE, exc.strerror or str(exc))
        else:
            container = _container(head, path)
            if container is None:
                problem = _playlist_problem(head)
            elif container in ("MP4", "QuickTime MOV", "MP4 (M4A audio)"):
                problem = _mp4_structure_problem(path, st.st_size)
    return FileCheck(problem, st.st_size, st.st_mtime, container, ident)


def file_problem(path: Path | str, form: Form = Form.BARE) -> str | None:
    """:func:`check_file`'s problem in words, or ``None``."""
    problem = check_file(path).problem
    return None if problem is None else problem.text(Path(path), form)


_MP4_TOP_BOXES = {
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid", b"styp", b"sidx",
    b"moof", b"mfra", b"meta", b"pdin", b"prft", b"emsg", b"ssix", b"junk",
}  # fmt: skip


def _container(head: bytes, path: Path) -> str | None:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "QuickTime MOV"
        if brand in (b"M4A ", b"M4B "):
            return "MP4 (M4A audio)"
        return "MP4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "WebM" if b"webm" in head[:64] else "Matroska"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "AVI"
    if head[:1] == b"\x47" and len(head) > 188 and head[188:189] == b"\x47":
        return "MPEG-TS"
    if head[:4] == b"\x00\x00\x01\xba":
        return "MPEG-PS"
    if head[4:8] in _MP4_TOP_BOXES:
        return "QuickTime MOV" if path.suffix.lower() == ".mov" else "MP4"
    return None


#: How a text file that points elsewhere starts (a playlist saved, or renamed, as a clip).
_PLAYLIST_STARTS = (b"#extm3u", b"#extinf", b"[playlist]", b"<?xml", b"<asx", b"<smil", b"<playlist", b"[reference]")
_URL_SCHEMES = (b"http://", b"https://", b"rtsp://", b"rtmp://", b"udp://", b"rtp://", b"ftp://", b"mms://", b"file://")


def _playlist_problem(head: bytes) -> FileProblem | None:
    """A playlist or link instead of a video: libVLC would open what it points to (even over HTTP)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(_PLAYLIST_STARTS):
        return FileProblem(Fault.PLAYLIST)
    if b"\x00" not in head and any(scheme in text for scheme in _URL_SCHEMES):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not text (a multi-byte character cut at the end is)
                return None
        return FileProblem(Fault.LINK)
    return None


def _mp4_structure_problem(path: Path, size: int) -> FileProblem | None:
    """Walk the top-level boxes of an MP4/MOV: a box running past the end means truncated."""
    try:
        with path.open("rb") as f:
            return _walk_boxes(f, size)
    except OSError as exc:
        return FileProblem(Fault.UNREADABLE, exc.strerror or str(exc))


def _walk_boxes(f: BinaryIO, size: int) -> FileProblem | None:
    pos = 0
    seen: set[bytes] = set()
    for _ in range(100_000):
        if pos >= size:
            break
        f.seek(pos)
        hdr = f.read(16)
        if len(hdr) < 8:
            return _truncated(pos, pos + 8)
        box_size = int.from_bytes(hdr[:4], "big")
        if box_size == 1:
            if len(hdr) < 16:
                return _truncated(pos, pos + 16)
            box_size = int.from_bytes(hdr[8:16], "big")
        elif box_size == 0:
            box_size = size - pos
        if box_size < 8:
            return FileProblem(Fault.DAMAGED, _DAMAGED["broken"])
        seen.add(hdr[4:8])
        if pos + box_size > size:
            return _truncated(size, pos + box_size)
        pos += box_size
    if b"moov" not in seen and b"moof" not in seen:
        return FileProblem(Fault.DAMAGED, _DAMAGED["no-moov"])
    return None


def _truncated(have: int, need: int) -> FileProblem:
    pct = 100.0 * have / need if need else 0.0
    return FileProblem(Fault.DAMAGED, f"truncated:{pct!r}")


# ------------------------------------------------------------------------------ one line about the media


class MediaLine(Protocol):  # read-only: a frozen MediaInfo fits
    @property
    def width(self) -> int | None: ...

    @property
    def height(self) -> int | None: ...

    @property
    def fps(self) -> float | None: ...

    @property
    def video_codec(self) -> str | None: ...

    @property
    def audio_codec(self) -> str | None: ...

    @property
    def duration_s(self) -> float | None: ...


def format_fps(fps: float) -> str:
    return f"{fps:.3f}".rstrip("0").rstrip(".")


def media_summary(media: MediaLine, *, times: str = "x", sep: str = " ") -> str:
    """``1280x720 25 fps H.264/AAC 1:15``: size, frame rate, codecs, length (what is known)."""
    parts = []
    if media.width and media.height:
        parts.append(f"{media.width}{times}{media.height}")
    if media.fps:
        parts.append(translate("Clip", "{fps} fps").format(fps=format_fps(media.fps)))
    codecs = "/".join(c for c in (media.video_codec, media.audio_codec) if c)
    if codecs:
        parts.append(codecs)
    if media.duration_s is not None:
        parts.append(format_duration(media.duration_s))
    return sep.join(parts)
