"""Write a finished site to disk, all or nothing, deleting nothing a build did not write.

In: every output file as bytes, keyed by its path relative to the output
folder. Out: the output folder replaced in one step. Files are written to a
staging folder beside it, which is swapped in only when complete; if
anything fails the previous output is left exactly as it was.

A build signs its output with a marker file (:data:`MARKER`) naming the
tool and listing every file it wrote. An existing folder is replaced only
when it is empty, or when it carries that marker and holds nothing but the
files listed in it: a folder without the marker (someone's own files, or a
build of an older version) or with files added since is refused, naming
them, and nothing in it is touched.

A file whose bytes are the same as in the previous output is carried over
(a hard link, else a copy with its times) rather than written again, so its
modification time stays: a deploy by rsync or to a CDN sends only what changed.

The swap is atomic on Linux (``renameat2(RENAME_EXCHANGE)``): at every
moment the output folder holds either the old site or the new one.
Elsewhere it falls back to two renames; a build killed between them leaves
the old site beside the output folder, and the next build puts it back
(:func:`clean_stale`), as it removes the staging folders of killed builds.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import json
import os
import re
import shutil
import stat
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import OutputError
from ..files import FileId, file_id

MARKER = ".site-builder-build.json"  # only a build writes it: the signature of a folder we may replace
TOOL = "site-builder"
SHOWN = 5  # files named when refusing a folder; the rest are counted


def check_paths(files: dict[str, bytes]) -> None:
    """Output paths must be relative, normalised and stay inside the output folder."""
    for name in files:
        if not _safe_path(name):
            raise OutputError(f"output path '{name}' would escape the output folder")


def _safe_path(name: str) -> bool:
    """Whether ``name`` is a normalised relative path of a file: no leading or doubled "/", no "." or ".." part,
    no backslash. (Checked on the string: a PurePosixPath per name cost 10 ms a build, for the files written and
    the last output's manifest.)"""
    return not (name.startswith("/") or "\\" in name or any(part in _NOT_NAMES for part in name.split("/")))


_NOT_NAMES = frozenset(("", ".", ".."))


def manifest(files: dict[str, bytes]) -> bytes:
    """The marker's content: the tool's name and every file written, sorted (so output stays byte-identical)."""
    return (json.dumps({"tool": TOOL, "files": sorted(files)}, indent=1) + "\n").encode("utf-8")


def read_manifest(folder: Path) -> set[str] | None:
    """The files a build recorded in ``folder``'s marker; None when there is no marker.

    Raises OutputError when the marker is not one a build writes (another tool's, damaged, or listing
    paths outside the folder, which would make deleting "what the build wrote" delete something else).
    """
    marker = folder / MARKER
    if not marker.is_file() or marker.is_symlink():
        return None
    try:
        data = json.loads(marker.read_bytes())
    except (OSError, ValueError):
        data = None
    files = data.get("files") if isinstance(data, dict) and data.get("tool") == TOOL else None
    if not isinstance(files, list) or not all(isinstance(f, str) and _safe_path(f) and f != MARKER for f in files):
        raise OutputError(f"refusing to replace '{folder}': its {MARKER} is not a site-builder manifest")
    return set(files)


def unlisted(folder: Path, listed: set[str]) -> list[str]:
    """Paths in ``folder`` that are not regular files listed in ``listed`` (nor the marker), sorted.

    Links and special files are never a build's, whatever their name; folders are not counted (an empty one
    holds nothing to lose), and a linked folder is named rather than entered. (Each entry's type comes from
    the folder listing, without a stat per file: this runs twice per build over every output file.)
    """
    found = []
    pending = [""]  # folders to look into, relative to ``folder``
    while pending:
        below = pending.pop()
        try:
            with os.scandir(os.path.join(folder, below)) as entries:
                for entry in entries:
                    rel = f"{below}/{entry.name}" if below else entry.name
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(rel)
                    elif not (rel == MARKER or (rel in listed and entry.is_file(follow_symlinks=False))):
                        found.append(rel)  # a link (to a folder too), a special file, or a file the build did not write
        except OSError:  # a folder that cannot be listed (as os.walk, which skips it)
            continue
    return sorted(found)


def check_replaceable(out: Path) -> set[str] | None:
    """Raise OutputError unless ``out`` is missing, empty, or a build's output with nothing added to it; the
    files its marker lists (None when there is no output to replace)."""
    if not out.exists() and not out.is_symlink():
        return None
    if not out.is_dir():
        raise OutputError(f"refusing to replace '{out}': it is not a folder")
    if not any(out.iterdir()):
        return None
    listed = read_manifest(out)
    if listed is None:
        raise OutputError(f"refusing to replace '{out}': it is not a site-builder output (no {MARKER}); "
                          "if it is a build of an older version, delete it yourself and build again")
    extra = unlisted(out, listed)
    if extra:
        more = f" and {len(extra) - SHOWN} more" if len(extra) > SHOWN else ""
        raise OutputError(f"refusing to replace '{out}': it holds files the last build did not write: "
                          f"{', '.join(extra[:SHOWN])}{more}; move them elsewhere, then build again")
    return listed


def write_site(files: dict[str, bytes], out: Path, protect: list[Path], read_back: Mapping[str, FileId] | None = None) -> None:
    """Replace ``out`` with exactly ``files`` (and the marker); never touch ``protect`` folders (content, project).
    ``read_back``: files of ``out`` the build took its bytes from (name -> identity when read): one still of that
    identity is carried over without being read again."""
    check_paths(files)
    if MARKER in files:
        raise OutputError(f"two outputs map to '{MARKER}'")
    out = out.resolve()
    for folder in protect:
        folder = folder.resolve()
        if out == folder or folder.is_relative_to(out):
            raise OutputError(f"refusing to write the site to '{out}': it contains '{folder}'")
    staging = _sibling(out, "staging", os.getpid())
    swapped: set[str] | None = None
    try:
        listed = check_replaceable(out)
        previous = str(out) if listed is not None else None  # checked above: only our own regular files
        shutil.rmtree(staging, ignore_errors=True)
        _write_files(files, str(staging), previous, read_back or {})
        (staging / MARKER).write_bytes(manifest(files))  # last: a staging folder with a marker is complete
        _put_in_place(staging, out)
        swapped = listed
    except OSError as exc:
        raise OutputError(f"cannot write the site to '{out}': {exc.strerror or exc}") from None
    finally:
        # After a swap the staging path holds the previous output, checked above to be all the build's own (its
        # marker listing ``listed``: whatever is there besides is left alone).
        _remove_build(staging, partial=True, listed=swapped)


def _write_files(files: dict[str, bytes], staging: str, previous: str | None, read_back: Mapping[str, FileId]) -> None:
    """Write ``files`` into the folder ``staging``, each carried over from ``previous`` (the last output) when its
    bytes are the same there. (On strings, each folder made once: 1,151 files, 1,138 folders at 4,000 events.)"""
    made: set[str] = set()
    for name, data in sorted(files.items()):
        folder, _, _ = name.rpartition("/")
        if folder not in made:
            os.makedirs(os.path.join(staging, folder), exist_ok=True)
            made.add(folder)
        target = os.path.join(staging, name)
        if previous is None or not _keep(os.path.join(previous, name), target, data, read_back.get(name)):
            with open(target, "wb") as handle:
                handle.write(data)


def _keep(old: str, target: str, data: bytes, known: FileId | None = None) -> bool:
    """Put the previous build's ``old`` at ``target`` when its bytes are ``data``, keeping its time of last
    change (rsync and CDN deploys then send only what changed): a hard link, else a copy with its times.
    False when there is no such file, it differs, or it cannot be linked or copied (then write it anew).
    ``known``: the identity ``old`` had when ``data`` was read from it; if it still has it, it is not read again."""
    try:
        st = os.lstat(old)
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
            return False
        if known is None or file_id(st) != known:
            fd = os.open(old, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as handle:
                if handle.read(len(data) + 1) != data:
                    return False
        try:
            os.link(old, target, follow_symlinks=False)
        except OSError:  # a file system without hard links
            shutil.copy2(old, target, follow_symlinks=False)
    except OSError:
        return False
    return True


def _put_in_place(staging: Path, out: Path) -> None:
    """Make the complete ``staging`` folder the output; the previous output (if any) ends up at ``staging``."""
    if not out.exists():
        os.rename(staging, out)  # nothing to swap with: a single rename is atomic
    elif not _exchange(staging, out):
        old = _sibling(out, "old", os.getpid())
        os.rename(out, old)  # a kill from here to the next rename leaves `old` for clean_stale to put back
        try:
            os.rename(staging, out)
        except OSError:
            os.rename(old, out)
            raise
        os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False when this system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):  # old kernel, or a filesystem without it
        return False
    raise OSError(code, os.strerror(code), str(b))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """libc's renameat2 (glibc 2.28+, musl 1.1.24+), or None off Linux or on an older libc."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def clean_stale(out: Path) -> None:
    """Tidy what killed builds left beside ``out``: put a previous output moved aside back if ``out`` is
    missing, and remove staging and moved-aside folders of processes no longer running. Only what a
    build wrote is removed (a folder with anything else in it stays); problems are ignored, as the
    build itself does not depend on this."""
    out = out.resolve()
    try:
        siblings = sorted(out.parent.iterdir(), key=_mtime, reverse=True)  # the newest moved-aside output wins
    except OSError:
        return
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(staging|old)-(\d+)")
    for path in siblings:
        match = pattern.fullmatch(path.name)
        if match is None or not path.is_dir() or path.is_symlink() or _running(int(match[2])):
            continue
        kind = match[1]
        try:
            if kind == "old" and not out.exists() and not out.is_symlink() and _is_build(path):
                os.rename(path, out)
            else:
                _remove_build(path, partial=kind == "staging")
        except OSError:
            pass


def _is_build(folder: Path) -> bool:
    try:
        listed = read_manifest(folder)
    except OutputError:
        return False
    return listed is not None and not unlisted(folder, listed)


def _remove_build(folder: Path, partial: bool, listed: set[str] | None = None) -> None:
    """Delete ``folder`` if it holds only what a build wrote: a complete build (marker, nothing unlisted),
    an empty folder, or, when ``partial``, a staging folder a build was still writing (no marker yet).
    ``listed``: what its marker lists, read already (the output this build replaced)."""
    if not folder.is_dir() or folder.is_symlink():
        return
    try:
        listed = read_manifest(folder) if listed is None else listed
    except OutputError:
        return
    if listed is None and (partial or not any(folder.iterdir())):
        shutil.rmtree(folder, ignore_errors=True)
    elif listed is not None and not unlisted(folder, listed):
        shutil.rmtree(folder, ignore_errors=True)


def _sibling(out: Path, kind: str, pid: int) -> Path:
    return out.parent / f".{out.name}.{kind}-{pid}"


def _running(pid: int) -> bool:
    """Whether process ``pid`` may still be running (then its folders are left alone)."""
    if pid == os.getpid() or os.name != "posix":
        return True  # (this process removes its own staging folder; elsewhere there is no safe way to ask)
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only whether the process exists is checked
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:  # e.g. PermissionError: it exists, run by someone else
        return True
    return True


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
