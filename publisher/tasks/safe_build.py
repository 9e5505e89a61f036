"""A build that is safe to interrupt and to start twice: one at a time, ended with its caller, swapped in one step.

- One build per output folder at a time: a second one refuses, naming the first.
- Its processes end with it, and it ends with whoever started it (nox, a
  terminal): none is left behind to replace the site later (Linux's
  parent-death signal).
- The new site replaces the old one in a single rename, so that at no moment
  is there no site (Linux's renameat2 exchange; elsewhere two renames).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

_PR_SET_PDEATHSIG = 1
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class AlreadyBuilding(Exception):
    """Another build holds the output folder."""


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def end_with_parent() -> None:
    """Ask the kernel to stop this process when the process that started it ends."""
    libc = _libc()
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def stop_on_terminate() -> None:
    """Turn SIGTERM into a normal exit, so that the staging folder is never swapped in."""
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))


@contextlib.contextmanager
def exclusive(target: Path) -> Iterator[None]:
    """Hold the lock of ``target``'s folder for the whole build, or refuse at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.with_name(f".{target.name}.lock")
    with lock_path.open("a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise AlreadyBuilding(
                f"another build of {target} is running ({holder}); wait for it to finish, "
                "or stop it, then build again") from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)


def swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` in one step, then delete the old site."""
    libc = _libc()
    if target.exists() and libc is not None:
        if libc.renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE) == 0:
            shutil.rmtree(new)  # the old site, now under the staging name
            return
        if ctypes.get_errno() not in (errno.ENOSYS, errno.EINVAL):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(target))
    old = target.with_name(target.name + ".previous")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def guarded(command: list[str]) -> list[str]:
    """``command``, run so that it ends when the build that started it ends.

    The parent-death signal is set in the child itself, which then becomes the
    command (it survives exec): Python's preexec_fn is unsafe with the build's threads.
    """
    return [sys.executable, "-m", "publisher.tasks.safe_build", *command]


if __name__ == "__main__":
    parent = os.getppid()
    end_with_parent()
    if os.getppid() != parent:  # the build ended before the signal was set
        sys.exit(128 + signal.SIGTERM)
    os.execvp(sys.argv[1], sys.argv[1:])
