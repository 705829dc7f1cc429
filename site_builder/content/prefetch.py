"""Parse the content files in a second process while this one starts up.

In: a content folder. Out: :class:`Prefetch`, which answers "what did these file bytes parse to?" for the
files :func:`content_files` lists, or None (then the build parses them itself, as without it).

A cold `build` spends a quarter of a second importing its libraries and then about half a second parsing
YAML (4,000 events), on one core of two. Started first thing, a forked child parses the files from the first
on while this process imports; when the build first needs a file, this process takes the files the child has
not begun, from the last one back, and parses them itself; then it reads what the child sent. Each file is
claimed once, under a lock both processes share, so neither parses a file twice.

Nothing the child says is trusted more than a parse of the build's own: the build reads every file again
itself (through the same :func:`~site_builder.files.read_file` rules) and uses the child's data only when
the SHA-256 of those bytes equals the digest of the bytes the child parsed; anything else (a file changed
between the two reads, a file the child could not read or parse, a child that died) is parsed by the build
as usual, so every error message is the one a build without this gives. The data travels through a private
pipe between this process and its own child, pickled: it never touches the disk.
"""

from __future__ import annotations

import gc
import mmap
import os
import pickle
import select
import struct
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..children import end_child
from ..files import Refused, digest, read_file

if TYPE_CHECKING:  # imported where used: the child forks before the YAML libraries are loaded (≈25 ms)
    from .yamlload import YamlDoc

KEY_POINTS = "key-points.yaml"  # optional: the home page's "What to know"
# Below this many bytes to parse, forking costs about what it saves (a fork and a pipe: a few ms).
MIN_BYTES = 256 * 1024
_CLAIMS = struct.Struct("ii")  # the next file to claim from the front (the child), from the back (the build)
_SIZE = struct.Struct("Q")  # each message's length; 0 ends the stream


def content_files(root: Path) -> list[Path]:
    """The YAML files a build of ``root`` loads, in the order it loads them: case, people, sources,
    every ``entries/*.yaml`` by name (hidden files aside: editor droppings), then the optional key points."""
    files = [root / "case.yaml", root / "people.yaml", root / "sources.yaml", *entry_files(root)]
    key_points = root / KEY_POINTS
    if key_points.exists() or key_points.is_symlink():
        files.append(key_points)
    return files


def entry_files(root: Path) -> list[Path]:
    """``entries/*.yaml`` by name, hidden files aside (editor droppings such as Emacs's .#x.yaml lock link)."""
    return [path for path in sorted((root / "entries").glob("*.yaml")) if not path.name.startswith(".")]


class Prefetch:
    """The files of one content folder, parsed in a forked child and by this process (see the module docstring)."""

    def __init__(self, paths: list[Path], project: Path) -> None:
        self.paths = paths
        self.project = project
        self.pid = 0
        self.parent = os.getpid()  # the build's process (the child checks it is still its parent)
        # Parsed files: index -> (digest of the bytes parsed, the document's data, or this process's YamlDoc).
        self.parsed: dict[int, tuple[str, Any]] = {}
        self.finished = False
        self._claims = mmap.mmap(-1, _CLAIMS.size)  # anonymous and shared: the child sees the same two numbers
        _CLAIMS.pack_into(self._claims, 0, 0, len(paths) - 1)
        self._lock_read, self._lock_write = os.pipe()  # a one-byte token: whoever reads it holds the lock
        os.write(self._lock_write, b".")
        self._results, self._send = os.pipe()
        self._received: list[bytes] = []  # what the child sent, as read from the pipe
        self._reader: threading.Thread | None = None

    @classmethod
    def start(cls, root: Path) -> Prefetch | None:
        """A Prefetch with its child started, or None: no fork on this system, or too little to parse."""
        if not hasattr(os, "fork") or not root.is_dir():
            return None
        paths = content_files(root)
        try:
            size = sum(path.stat().st_size for path in paths)
        except OSError:  # a file missing or unreadable: the build reports it; nothing to win here
            return None
        if size < MIN_BYTES:
            return None
        try:
            prefetch = cls(paths, root.resolve().parent)
        except OSError:  # no pipe or shared page to be had (too many open files): parse here, as without it
            return None
        try:
            pid = os.fork()
        except OSError:  # no process to be had (a limit on processes, memory): parse here, as without it
            os.close(prefetch._send)
            prefetch.close()
            return None
        if pid == 0:  # pragma: no cover - the child (coverage does not follow a fork)
            prefetch._child()
        prefetch.pid = pid
        os.close(prefetch._send)
        # A thread empties the pipe as the child fills it (a pipe holds 64 KB: the child would wait for the
        # build to read, and the build reads only when it needs the files). It waits in os.read, without the GIL.
        reader = threading.Thread(target=prefetch._drain, name="prefetch", daemon=True)
        try:
            reader.start()
        except RuntimeError:  # no thread to be had: end the child, parse here
            prefetch.close()
            return None
        prefetch._reader = reader
        return prefetch

    def doc(self, path: Path, raw: bytes) -> YamlDoc | None:
        """The document ``raw`` (the bytes the build read from ``path``) parses to, if parsed here or by the
        child from the very same bytes; else None. The first call waits for the child's files."""
        from .yamlload import YamlDoc, lines_of

        if not self.finished:
            self.finish()
        name = str(path)
        for index, candidate in enumerate(self.paths):
            if candidate == path and index in self.parsed:
                known, parsed = self.parsed.pop(index)  # handed out once: the build keeps it from here on
                if known != digest(raw):
                    return None
                return parsed if isinstance(parsed, YamlDoc) else YamlDoc(name, parsed, lines_of(raw, name))
        return None

    def finish(self) -> None:
        """Parse here the files the child has not begun (from the last back), then take the child's."""
        self.finished = True
        was_enabled = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects, none in a cycle
        try:
            while (index := self._claim(front=False)) is not None:
                parsed = self._parse(index)
                if parsed is not None:
                    self.parsed[index] = parsed
            self._receive()
        finally:
            if was_enabled:
                gc.enable()
            self.close()

    def close(self) -> None:
        """End and reap the child, and free the pipes; safe to call more than once."""
        if self.pid:
            end_child(self.pid)
            self.pid = 0
        if self._reader is not None:  # the child is gone, so its end of the pipe: the reader has read to the end
            self._reader.join()  # before the pipe is closed (its number could be another file's by the next read)
            self._reader = None
        for fd in (self._results, self._lock_read, self._lock_write):
            try:
                os.close(fd)
            except OSError:
                pass
        self._results = self._lock_read = self._lock_write = -1
        if not self._claims.closed:
            self._claims.close()
        self.finished = True

    def _claim(self, front: bool) -> int | None:
        """The index of the next file nobody has claimed, from the front or the back; None when none is left."""
        self._acquire()
        try:
            first, last = (int(n) for n in _CLAIMS.unpack_from(self._claims, 0))
            if first > last:
                return None
            if front:
                _CLAIMS.pack_into(self._claims, 0, first + 1, last)
                return first
            _CLAIMS.pack_into(self._claims, 0, first, last - 1)
            return last
        finally:
            os.write(self._lock_write, b".")

    def _acquire(self) -> None:
        """Take the lock's token. A pipe keeps no owner, so whoever waits looks every second whether the other
        is still there: the build goes on without a child that died holding the token; a child whose build
        died ends (it would wait for ever)."""
        while not select.select([self._lock_read], [], [], 1.0)[0]:
            if os.getpid() != self.parent:  # pragma: no cover - the child: end if the build is gone
                if os.getppid() != self.parent:
                    os._exit(1)
            elif not self.pid or os.waitpid(self.pid, os.WNOHANG)[0]:  # the child is gone, the token with it
                self.pid = 0
                return
        os.read(self._lock_read, 1)

    def _parse(self, index: int) -> tuple[str, YamlDoc] | None:
        """The digest and document of file ``index``, or None when it cannot be read or parsed (the build
        reads and parses it again, and reports why)."""
        from .yamlload import MAX_FILE_BYTES, YamlError, load_yaml

        path = self.paths[index]
        try:
            raw = read_file(path, self.project, MAX_FILE_BYTES)
            return digest(raw), load_yaml(raw, str(path))
        except (OSError, Refused, YamlError, RecursionError):
            return None

    def _child(self) -> None:  # pragma: no cover - runs in the forked child
        """Parse files from the front and send each one's (index, digest, data) to the build; never returns."""
        code = 0
        try:
            gc.disable()
            os.close(self._results)
            while (index := self._claim(front=True)) is not None:
                parsed = self._parse(index)
                message = (index, parsed[0], parsed[1].data) if parsed is not None else (index, "", None)
                self._write(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            self._write(b"")
        except BaseException:  # noqa: BLE001 - a child that fails only means the build parses more itself
            code = 1
        finally:
            os._exit(code)  # never the parent's clean-up: this is a copy of the build's process

    def _write(self, blob: bytes) -> None:  # pragma: no cover - runs in the forked child
        view = memoryview(_SIZE.pack(len(blob)) + blob)
        while view:
            view = view[os.write(self._send, view):]

    def _drain(self) -> None:
        """Read the pipe until the child closes its end (done, or died); in a thread of the build's process."""
        while chunk := os.read(self._results, 1 << 20):
            self._received.append(chunk)

    def _receive(self) -> None:
        """Take the child's messages, once it is done (or died: then those it finished sending)."""
        if self._reader is not None:
            self._reader.join()
            self._reader = None
        stream = memoryview(b"".join(self._received))
        self._received = []
        while len(stream) >= _SIZE.size:
            (size,) = _SIZE.unpack_from(stream)
            message = stream[_SIZE.size : _SIZE.size + size]
            if size == 0 or len(message) < size:
                return
            stream = stream[_SIZE.size + size :]
            index, known, data = pickle.loads(message)  # from our own child, through a private pipe
            if known:
                self.parsed[index] = (known, data)
