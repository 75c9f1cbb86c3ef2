"""Saving files so that a crash, a full disk or a planted symlink never leaves a half-written or wrong one.

Every file the app writes goes through `atomic_write`: a new temporary file beside the target
(created with O_EXCL, so never an existing file or a symlink's target), fsync, then a rename, which
replaces a symlink at the target path instead of writing through it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

FILE_MODE = 0o600


def atomic_write(
    path: Path, data: str | bytes, *, backup: bool = True, encoding: str = "utf-8", mode: int = FILE_MODE
) -> None:
    """Write to a temporary file beside `path`, fsync it, keep the old file as `path~`, then rename.

    Raises OSError (with the file untouched) when the data cannot be written.
    """
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    if backup:
        _keep_backup(path)
    _replace(path, payload, mode)
    _sync_folder(path.parent)


def _replace(path: Path, payload: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), mode)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _keep_backup(path: Path) -> None:
    """The old contents as `path~`, written like any other file: a symlink at `path~` is replaced, not followed."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return
    except OSError:
        if os.path.islink(path):
            return  # a symlink is replaced by the rename; what it points to is not ours to copy
        raise
    with os.fdopen(fd, "rb") as old:
        status = os.fstat(old.fileno())
        if stat.S_ISREG(status.st_mode):
            _replace(path.with_name(path.name + "~"), old.read(), FILE_MODE)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
