"""One Presenter per state directory: two instances appending to one journal would corrupt it.

The lock is `fcntl.flock` on a file in the state directory, which holds the owner's pid for the
message. The kernel releases a flock when its process dies (even by kill -9), so a lock file left
by a dead process is simply taken over.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from presenter.i18n import translate

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, as before
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "presenter.lock"


class StateLockError(RuntimeError):
    """Another Presenter holds the state directory (the message names its pid and the directory)."""


class StateLock:
    """A held lock on a state directory; released by `release()` or when the process ends."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        with contextlib.suppress(OSError):
            os.close(self._fd)  # closing the descriptor drops the flock
        self._fd = None

    def __enter__(self) -> StateLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(directory: Path) -> StateLock:
    """Lock `directory` for this process, or raise StateLockError naming the process that has it.

    The directory is created (0700) if needed. An OSError (unwritable directory) propagates.
    """
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    if fcntl is None:  # pragma: no cover
        return StateLock(path, fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        owner = _read_pid(fd)
        os.close(fd)
        if owner:
            text = translate(
                "StateLock",
                "another Presenter (pid {pid}) is using the state directory {directory};"
                " close it first, or start this one with another --state-dir",
            )
        else:
            text = translate(
                "StateLock",
                "another Presenter (another process) is using the state directory {directory};"
                " close it first, or start this one with another --state-dir",
            )
        raise StateLockError(text.format(pid=owner, directory=directory)) from None
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        os.fsync(fd)
    except OSError:
        pass  # the lock is held; only the pid in the message would be missing
    return StateLock(path, fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None
