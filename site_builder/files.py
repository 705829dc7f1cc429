"""Read the files a build uses, and only those it may.

In: a path, the folder it must stay inside (the project: the folder holding
``content/``; or the folder of the default theme) and a size limit. Out: the
file's bytes, or :class:`Refused` saying why not:

- a link that leads outside the folder (so a build never publishes a host
  file such as ``/etc/passwd``); links that stay inside are followed;
- anything but a regular file: a named pipe would block the build forever,
  a device may never end, a socket cannot be read;
- a file over the limit, found before reading it, and read with a bounded
  read, so a huge file (or one that grows meanwhile) never fills memory.

Every reader of content, source, template and static files goes through here.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

OUTSIDE = "refused: a link to a {} outside the project"
LOOP = "refused: a link that leads back to itself"

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
# O_NONBLOCK: should a FIFO replace the file between the check and the open, the open returns at once
# (reading a FIFO blocks until another process writes); for a regular file it changes nothing.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class Refused(Exception):
    """A file the build must not read; the message says why (one line, without the file's name)."""


class TooLarge(Refused):
    """A file over the size limit; ``size`` is at least what was found (stat, or bytes read)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is too large ({size / 1e6:.1f} MB; the limit is {limit // 1_000_000} MB)")
        self.size = size
        self.limit = limit


def inside(path: Path, folder: Path) -> Path:
    """``path`` with every link followed; :class:`Refused` if it leads outside ``folder``.

    The one "inside the project" rule: what counts is where the file really is,
    so a link is fine as long as it points at something inside ``folder``.
    """
    try:
        real = path.resolve()
    except RuntimeError:  # Python < 3.13 reports a link loop this way
        raise Refused(LOOP) from None
    except OSError as exc:  # Python >= 3.13 reports ELOOP
        if exc.errno == errno.ELOOP:
            raise Refused(LOOP) from None
        raise
    if not real.is_relative_to(folder.resolve()):
        raise Refused(OUTSIDE.format("folder" if real.is_dir() else "file"))
    return real


def check_regular(mode: int) -> None:
    """:class:`Refused` unless ``mode`` (an ``st_mode``) is that of a regular file."""
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    raise Refused(f"refused: {kind}, not a regular file")


def check_file(path: Path, folder: Path) -> None:
    """:class:`Refused` unless ``path`` is a regular file inside ``folder`` (links followed); nothing is opened.

    ``OSError`` (e.g. ``FileNotFoundError``) when it cannot be looked at.
    """
    check_regular(os.stat(inside(path, folder)).st_mode)


def read_file(path: Path, folder: Path | None = None, limit: int | None = None) -> bytes:
    """The bytes of ``path``: inside ``folder`` (if given), a regular file, at most ``limit`` bytes (if given).

    Raises :class:`Refused` (or :class:`TooLarge`) for files the build must not read,
    and ``OSError`` (e.g. ``FileNotFoundError``) when the file cannot be read.
    """
    real = inside(path, folder) if folder is not None else path
    check_regular(os.stat(real).st_mode)  # before opening: opening a device can itself do something
    with open(os.open(real, _OPEN_FLAGS), "rb", closefd=True) as handle:
        status = os.fstat(handle.fileno())
        check_regular(status.st_mode)  # the file may have been replaced since the stat
        if limit is not None and status.st_size > limit:
            raise TooLarge(status.st_size, limit)
        data = handle.read(-1 if limit is None else limit + 1)
    if limit is not None and len(data) > limit:  # it grew after the fstat
        raise TooLarge(len(data), limit)
    return data


# A file's identity as the file system tells it: device, inode, size, and the times of its last modification
# and of its last change of any kind. A program can set the modification time back, never the change time
# (every write, rename, link or chmod sets it to now): equal identities mean the bytes were not touched between
# two looks, but for a write within the same tick of the clock as the earlier look.
FileId = tuple[int, int, int, int, int]
NO_FILE: FileId = (-1, -1, -1, -1, -1)  # the identity of no file


def file_id(status: os.stat_result) -> FileId:
    """The identity of the file ``status`` describes (an ``os.stat``/``os.lstat``/``os.fstat`` result)."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def digest(raw: bytes) -> str:
    """The SHA-256 of ``raw`` in hex: how the cache, the build's forked parser and the review page know bytes again."""
    return hashlib.sha256(raw).hexdigest()
