"""One Presenter per state directory: two instances appending to one journal would corrupt it.

The lock is a `filelock.FileLock` on a file in the state directory (flock on POSIX, LockFileEx on
Windows: a real lock on every platform), and the file holds the owner's pid for the message. The
kernel releases such a lock when its process dies (even by kill -9), so a lock file left by a dead
process is simply taken over. The file is kept on release (`preserve_lock_file`), so waiting
instances always lock the same file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from presenter.i18n import translate

LOCK_FILE = "presenter.lock"


class StateLockError(RuntimeError):
    """Another Presenter holds the state directory (the message names its pid and the directory)."""


class StateLock:
    """A held lock on a state directory; released by `release()` or when the process ends."""

    def __init__(self, path: Path, lock: FileLock, fd: int | None):
        self.path = path
        self._lock: FileLock | None = lock
        self._fd = fd  # filelock's descriptor, borrowed to clear the pid on release

    @property
    def held(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        if self._lock is None:
            return
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
        with contextlib.suppress(OSError):
            self._lock.release(force=True)
        self._lock = None
        self._fd = None

    def __enter__(self) -> StateLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(directory: Path) -> StateLock:
    """Lock `directory` for this process, or raise StateLockError naming the process that has it.

    The directory is created (0700) if needed. An OSError (unwritable directory) propagates.
    """
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / LOCK_FILE
    descriptors: list[int] = []

    def acquired(fd: int) -> None:
        descriptors.append(fd)
        _write_pid(fd)

    lock = FileLock(
        path,
        mode=0o600,
        blocking=False,
        thread_local=False,
        preserve_lock_file=True,
        on_acquired=acquired,
    )
    try:
        lock.acquire()
    except Timeout:
        raise StateLockError(_refusal(directory, _read_pid(path))) from None
    return StateLock(path, lock, descriptors[-1] if descriptors else None)


def _refusal(directory: Path, owner: int | None) -> str:
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
    return text.format(pid=owner, directory=directory)


def _write_pid(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
        os.fsync(fd)
    except OSError:
        pass  # the lock is held; only the pid in the message would be missing


def _read_pid(path: Path) -> int | None:
    """The owner's pid from the lock file (Windows locks its first byte: then there is none to read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        text = os.read(fd, 64).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None
    finally:
        os.close(fd)
