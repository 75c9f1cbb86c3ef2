"""Poster frames of the clips: made off the UI thread, cached on disk, a clear placeholder for a bad clip.

:func:`make_thumbnail` does the work (blocking, bounded, no widgets): file checks, the probe, one
picture through libVLC's video callbacks (:func:`presenter.playout.vlc.grab_frame`), letterboxed
into the thumbnail size and saved as PNG under a key of file path + size + modification time, so a
replaced file gets a new poster and an unchanged one is read back from the cache.

:class:`Thumbnails` runs it on one worker thread (a background job must not take CPU from the program
output) and reports each result on the UI thread; placeholders are painted there.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from presenter.clips.files import file_id
from presenter.i18n import translate
from presenter.playout import vlc
from presenter.playout.probe import MISSING as FILE_MISSING
from presenter.playout.probe import UNCHECKED, MediaInfo, probe
from presenter.tasks import TaskPool, run_task

log = logging.getLogger(__name__)

SIZE = QSize(192, 108)
#: Bump when the picture made for the same file changes (size, poster time, letterboxing).
CACHE_VERSION = 1
GRAB_TIMEOUT_S = 5.0


class ThumbKind(enum.StrEnum):
    FRAME = "frame"  # a picture of the clip
    MISSING = "missing"
    BROKEN = "broken"
    NO_LIBVLC = "no-libvlc"


FRAME, MISSING, BROKEN, NO_LIBVLC = ThumbKind

_BACKGROUND = QColor(16, 20, 24)


@dataclass(frozen=True)
class ThumbResult:
    """``kind``: ``frame`` (``image`` set), ``missing``, ``broken`` or ``no-libvlc`` (``reason`` says why)."""

    path: Path
    kind: ThumbKind
    image: QImage | None = None
    reason: str = ""
    cached: bool = False


def poster_time(duration_s: float | None) -> float:
    """Where the poster frame is taken: 10 % into the clip, at most 5 s (past a fade from black)."""
    if not duration_s or duration_s <= 0:
        return 0.0
    return min(duration_s * 0.1, 5.0)


def fit(width: int | None, height: int | None, box: QSize) -> QSize:
    """The largest size with the video's aspect ratio inside *box* (even numbers, at least 2x2)."""
    if not width or not height:
        return QSize(box)
    scale = min(box.width() / width, box.height() / height)
    w = max(2, round(width * scale / 2) * 2)
    h = max(2, round(height * scale / 2) * 2)
    return QSize(min(w, box.width()), min(h, box.height()))


def file_key(path: Path) -> tuple[str, int, int] | None:
    """``(absolute path, size, mtime in ns)``, or ``None`` when the file cannot be read."""
    ident = file_id(path)
    return None if ident is None else (str(Path(path).absolute()), ident.size, ident.mtime_ns)


def cache_path(cache_dir: Path, key: tuple[str, int, int], size: QSize) -> Path:
    text = f"v{CACHE_VERSION}|{key[0]}|{key[1]}|{key[2]}|{size.width()}x{size.height()}"
    return Path(cache_dir) / (hashlib.sha1(text.encode("utf-8")).hexdigest() + ".png")


def make_thumbnail(
    path: Path,
    cache_dir: Path | None,
    size: QSize = SIZE,
    *,
    probe_fn: Callable[[Path], MediaInfo] = probe,
    grab: Callable[..., bytes | None] = vlc.grab_frame,
) -> ThumbResult:
    """The poster frame of *path* (blocking, bounded by the probe and grab timeouts; any thread).

    Never raises for a bad file; a cache that cannot be written is only logged.
    """
    path = Path(path)
    key = file_key(path)
    if key is None or not path.is_file():
        return ThumbResult(path, MISSING, reason=translate("Clip", "file not found"))
    cached = cache_path(cache_dir, key, size) if cache_dir is not None else None
    if cached is not None and cached.is_file():
        image = QImage(str(cached))
        if not image.isNull():
            return ThumbResult(path, FRAME, image, cached=True)
    info = probe_fn(path)
    if not info.ok:
        problem = info.problem or translate("Clip", "cannot be played")
        fault = getattr(info, "fault", "")
        if fault == UNCHECKED:
            return ThumbResult(path, NO_LIBVLC, reason=problem)
        if fault == FILE_MISSING:
            return ThumbResult(path, MISSING, reason=problem)
        return ThumbResult(path, BROKEN, reason=problem)
    inner = fit(info.width, info.height, size)
    try:
        data = grab(path, poster_time(info.duration_s), inner.width(), inner.height(), GRAB_TIMEOUT_S)
    except vlc.VlcUnavailable as exc:
        return ThumbResult(path, NO_LIBVLC, reason=str(exc))
    if data is None or len(data) < inner.width() * inner.height() * 4:
        return ThumbResult(path, BROKEN, reason=translate("Clip", "cannot be decoded: no picture came out of it"))
    frame = QImage(data, inner.width(), inner.height(), inner.width() * 4, QImage.Format.Format_RGB32).copy()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(_BACKGROUND)
    painter = QPainter(image)
    painter.drawImage((size.width() - inner.width()) // 2, (size.height() - inner.height()) // 2, frame)
    painter.end()
    if cached is not None and file_key(path) == key:  # not when the file changed while we read it
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(cached.name + f".{os.getpid()}.tmp")
            if image.save(str(tmp), "PNG"):  # type: ignore[call-overload]  # the stub says bytes; PySide6 wants str
                os.replace(tmp, cached)
        except OSError as exc:
            log.warning("thumbnail cache not written (%s): %s", cache_dir, exc)
    return ThumbResult(path, FRAME, image)


def placeholder(kind: ThumbKind, reason: str = "", size: QSize = SIZE) -> QImage:
    """A clear picture for a clip without a poster frame: "missing", "cannot be decoded", ... (UI thread)."""
    headline = {
        MISSING: translate("Thumbnails", "MISSING"),
        BROKEN: translate("Thumbnails", "CANNOT BE DECODED"),
        NO_LIBVLC: translate("Thumbnails", "NO PREVIEW"),
    }.get(kind, "…")
    colour = {MISSING: QColor(120, 30, 30), BROKEN: QColor(120, 30, 30)}.get(kind, QColor(60, 64, 70))
    if kind == BROKEN:  # the probe's words, in the user's language
        if reason.startswith(translate("Clip", "no video track (audio only)")):
            headline = translate("Thumbnails", "NO VIDEO")
        elif reason.startswith(translate("Clip", "not a video file")):
            headline = translate("Thumbnails", "NOT A VIDEO")
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(colour)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    pen = QPen(QColor(255, 255, 255, 90))
    pen.setWidth(2)
    painter.setPen(pen)
    painter.drawRect(QRect(1, 1, size.width() - 2, size.height() - 2))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(10, size.height() // 7))
    painter.setFont(font)
    painter.setPen(QColor(255, 255, 255))
    top = QRect(6, 6, size.width() - 12, size.height() // 2 - 4)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), headline)
    if reason:
        small = QFont()
        small.setPixelSize(max(9, size.height() // 10))
        painter.setFont(small)
        bottom = QRect(6, size.height() // 2 + 4, size.width() - 12, size.height() // 2 - 10)
        painter.drawText(
            bottom, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), reason
        )
    painter.end()
    return image


class Thumbnails(QObject):
    """Poster frames for many clips, one at a time on a worker thread; ``ready`` on the UI thread.

    ``ready(path: str, image: QImage, kind: str, reason: str)``: *image* is the frame or a
    placeholder. Requests for a path already in the queue are merged. *probe_fn* tells what a clip
    is (the clip checks' cached result; by default the probe).
    """

    ready = Signal(str, QImage, str, str)

    def __init__(
        self,
        cache_dir: Path | None,
        size: QSize = SIZE,
        parent: QObject | None = None,
        *,
        probe_fn: Callable[[Path], MediaInfo] | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.size = QSize(size)
        self._probe_fn = probe_fn or probe
        self._pool = TaskPool("thumbnails", workers=1)
        self._pending: dict[str, int] = {}  # path -> generation of the newest request
        self._generation = 0
        self._closed = False
        self.images: dict[str, QImage] = {}  # the last image per path
        self.kinds: dict[str, str] = {}

    def request(self, path: Path) -> None:
        """Make (or read from the cache) the poster of *path*; ``ready`` follows."""
        if self._closed:
            return
        key = str(Path(path))
        self._generation += 1
        generation = self._generation
        if key in self._pending:
            self._pending[key] = generation
            return
        self._pending[key] = generation
        self._submit(Path(path), generation)

    def busy(self) -> bool:
        return bool(self._pending)

    def _submit(self, path: Path, generation: int) -> None:
        run_task(
            lambda: self._make(path), lambda result: self._on_result(result, generation), pool=self._pool, owner=self
        )

    def _make(self, path: Path) -> ThumbResult:
        try:
            return make_thumbnail(path, self.cache_dir, self.size, probe_fn=self._probe_fn)
        except Exception as exc:  # never take the worker down
            log.exception("thumbnail of %s failed", path)
            return ThumbResult(path, BROKEN, reason=translate("Clip", "no poster frame: {error}").format(error=exc))

    def _on_result(self, result: ThumbResult, generation: int) -> None:
        key = str(result.path)
        wanted = self._pending.get(key)
        if wanted is None or self._closed:
            return
        if wanted != generation:  # asked again while this one ran (the file changed?): make it again
            self._submit(result.path, wanted)
            return
        del self._pending[key]
        image = result.image if result.image is not None else placeholder(result.kind, result.reason, self.size)
        self.images[key] = image
        self.kinds[key] = result.kind
        self.ready.emit(key, image, result.kind, result.reason)

    def shutdown(self, timeout_s: float = 6.0) -> None:
        """No more results; wait (bounded) for the job that runs."""
        self._closed = True
        self._pending.clear()
        self._pool.shutdown(timeout_s)
