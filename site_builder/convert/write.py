"""Write the merged content files — all at once, only after everything succeeded.

In: the merged :class:`~.merge.Doc` objects and the converter's ledger (any
:class:`Output`). Out: the files that changed, written as one transaction
(every temporary file first, then the renames; a failure while writing them
changes no file), or with ``dry_run`` nothing written and a unified diff of
what would change. A symbolic link is written through to its target inside
the project, never replaced by a file.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ..errors import OutputError


class Output(Protocol):
    """A file the converter may write: a content file (:class:`~.docs.Doc`) or the ledger."""

    @property
    def path(self) -> Path: ...

    @property
    def original(self) -> str | None: ...  # the text on disk, None for a file still to be made

    @property
    def changed(self) -> bool: ...

    def dump(self) -> str: ...


def changes(docs: Sequence[Output]) -> list[tuple[Path, str, str]]:
    """(path, old text, new text) for every document that would change."""
    out = []
    for doc in docs:
        if not doc.changed:
            continue
        new = doc.dump()
        if doc.original is None or new != doc.original:
            out.append((doc.path, doc.original or "", new))
    return out


def diff(changed: list[tuple[Path, str, str]], root: Path) -> str:
    parts: list[str] = []
    for path, old, new in changed:
        name = os.path.relpath(path, root.parent) if root.parent != Path("") else str(path)
        parts.extend(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{name}", f"b/{name}"))
    return "".join(parts)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def targets(changed: list[tuple[Path, str, str]], project: Path) -> list[tuple[Path, str]]:
    """(the file to write, its new text) for each change: a symbolic link is written through to its target, which
    must lie inside the project folder (:class:`OutputError` otherwise, before anything is written)."""
    out = []
    root = project.resolve()
    for path, _, new in changed:
        real = path.resolve()
        if not real.is_relative_to(root):
            raise OutputError(f"{path}: a symbolic link to {real}, outside the project folder {root}; convert writes only "
                              "inside it (replace the link with the file itself); nothing was written")
        out.append((real if path.is_symlink() else path, new))
    return out


# Our temporary files: ".<name>.<process id>.<random>.tmp" beside the file they replace; earlier versions left
# ".<name>.<random>.tmp" (no process id).
_TEMP = re.compile(r"^\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{8}\.tmp$")
_LEGACY_AGE = 3600.0  # seconds: a temporary file without a process id this old belongs to no running convert


def clean_stale(folders: set[Path]) -> list[Path]:
    """Remove the temporary files that runs killed before they finished left in ``folders``; returns them."""
    removed = []
    for folder in sorted(folders):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            match = _TEMP.match(name)
            path = folder / name
            if match is None or not _stale(path, match.group("pid")):
                continue
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # e.g. removed meanwhile by another run: nothing to do
    return removed


def _stale(path: Path, pid: str | None) -> bool:
    try:
        if not path.is_file() or path.is_symlink():
            return False
        if pid is None:
            return time.time() - path.stat().st_mtime > _LEGACY_AGE
    except OSError:
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True  # the process that wrote it is gone
    except (OSError, OverflowError, ValueError):
        return False  # alive but not ours (PermissionError), or no such process id at all: leave it
    return False


def write(changed: list[tuple[Path, str]]) -> None:
    """Write every changed file of a run as one transaction.

    First every new text goes to a temporary file beside its file (flushed to disk); if any of them fails (a full
    disk), the temporary files are removed and no file is changed. Then each is renamed over its file; a rename
    fails only in rare cases (the folder made read-only meanwhile), and then the error says which files were
    written and which were not. Stale temporary files of earlier runs that were killed are removed first.
    """
    folders = {path.parent for path, _ in changed}
    clean_stale(folders)
    names = [str(path) for path, _ in changed]
    temps: list[tuple[Path, Path]] = []
    made: list[Path] = []  # folders this run created (entries/): removed again if nothing is written
    path = changed[0][0] if changed else Path()
    try:
        for path, new in changed:
            made.extend(_make_folder(path.parent))
            temps.append((path, _write_temp(path, new.encode("utf-8"))))
    except BaseException as exc:  # a full disk, or Ctrl-C: leave the content folder as it was
        for _, tmp in temps:
            tmp.unlink(missing_ok=True)
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}; no file was changed "
                              f"(not written: {', '.join(names)})") from None
        raise
    for n, (path, tmp) in enumerate(temps):
        try:
            os.replace(tmp, path)
        except OSError as exc:
            for _, left in temps[n:]:
                left.unlink(missing_ok=True)
            written = ", ".join(names[:n]) or "none"
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}; written: {written}; "
                              f"not written: {', '.join(names[n:])}") from None
    for folder in folders:
        _sync(folder)


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; returns the ones created (outermost first)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir()
    return list(reversed(missing))


def _write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to disk, with ``path``'s mode; returns its path."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        _fill(fd, data)
        # mkstemp makes the file private; give it the mode the old file had, or the usual one
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _fill(fd: int, data: bytes) -> None:
    """Write ``data`` to the open file ``fd``, flush it to the disk and close it."""
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync(folder: Path) -> None:
    """Flush a folder's entries (the renames) to the disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
