"""Apply one review action to the content files: check, validate, write atomically, remember for undo.

In: the content folder, an :class:`Action` and the sha256 of every content
file as the page showed it. Out: the files rewritten (only those the action
changes) and a short message; or one of

- :class:`Conflict` (HTTP 409): a file changed on disk since the page was
  loaded (an editor saved it), or since the action being undone;
- :class:`Refused` (HTTP 422): the change would break the build; it carries
  the build's own ``file:line: field: problem`` lines;
- :class:`~.yamledit.ReviewRequestError` (HTTP 400): the request itself is wrong.

A change is validated by running the build's own load and validation with
the changed files' new bytes in place of the old (``load_valid(overrides=)``),
so the page refuses exactly what ``build`` would refuse. Files are written
as a temporary file in the same folder, then renamed over the original: a
reader (the preview's watcher, an editor) sees the old file or the new one,
never half of one; the temporary name is hidden, which the watcher ignores.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...build.pipeline import Session, load_valid
from ...convert.docs import Doc, MergeError, load_doc
from ...errors import ContentErrors, SiteBuilderError
from ...files import Refused as FileRefused
from ...files import digest, read_file
from ...content.load import Content
from ...content.prefetch import entry_files
from ...content.yamlload import MAX_FILE_BYTES
from . import yamledit
from .yamledit import ReviewRequestError, Target


class Conflict(SiteBuilderError):
    """A file changed on disk since the page (or the action to undo) saw it."""


class Refused(SiteBuilderError):
    """The change would break the build; ``lines`` are the build's problems."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Action:
    """One request of the page. ``kind``: review, edit, move, merge (undo has its own method)."""

    kind: str
    target: Target
    state: str = ""  # review: reviewed | rejected | draft
    fields: Mapping[str, Any] = field(default_factory=dict)  # edit
    strand: str = ""  # move: the topic id whose entry file receives the item
    other: Target | None = None  # merge: the item folded into target


@dataclass(frozen=True)
class Written:
    """One file an action rewrote: its bytes before and after (undo restores ``before`` if it still holds ``after``)."""

    path: Path
    before: bytes
    after: bytes


def content_files(root: Path) -> list[Path]:
    """The files a review action may touch: case.yaml, people.yaml, sources.yaml, entries/*.yaml."""
    files = [root / name for name in ("case.yaml", "people.yaml", "sources.yaml")]
    files += entry_files(root)
    return [p for p in files if p.is_file()]


class ReviewStore:
    """The content folder as the review page changes it; one per server, used from one thread."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.session = Session()  # its own parse cache: the rebuild thread's must not be shared
        self.journal: list[tuple[str, list[Written]]] = []  # (what was done, files), newest last

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def hashes(self) -> dict[str, str]:
        """sha256 of every content file, keyed by its path relative to the content folder. A file the build
        refuses (a link out of the project, a named pipe, too large) is left out unread: loading reports it."""
        found = {}
        for path in content_files(self.root):
            try:
                found[self.relative(path)] = digest(self.read(path))
            except Refused:
                continue
        return found

    def read(self, path: Path) -> bytes:
        """A content file's bytes, read as the build reads it (inside the project, regular, size-checked first)."""
        try:
            return read_file(path, self.root.resolve().parent, MAX_FILE_BYTES)
        except FileRefused as exc:
            raise Refused([f"{path}: {exc}"]) from None
        except OSError as exc:
            raise Refused([f"{path}: cannot read: {exc.strerror or exc}"]) from None

    def load(self) -> Content:
        """The content as the build validates it (ContentErrors if it does not)."""
        return load_valid(self.root, self.session)

    def apply(self, action: Action, seen: Mapping[str, str]) -> str:
        """Do ``action`` if every file it changes still has the hash in ``seen``; a message saying what was done."""
        docs: dict[str, Doc] = {}
        raw: dict[str, bytes] = {}

        def doc(rel: str) -> Doc:
            if rel not in docs:
                path = self._path(rel)
                raw[rel] = self.read(path)
                if seen.get(rel) != digest(raw[rel]):
                    raise Conflict(f"{rel} changed on disk since this page was loaded (saved in an editor?); "
                                   "reload the page to see the change, then try again")
                try:
                    docs[rel] = load_doc(path, {})
                except MergeError as exc:
                    raise Refused([str(exc)]) from None
            return docs[rel]

        target = action.target
        if action.kind == "review":
            yamledit.set_review(doc(target.file), target, action.state)
            done = f"{target.id}: {action.state}"
        elif action.kind in ("edit", "move"):
            # one action, one undo step: the edited fields and, when the strand changed, the move
            parts = []
            if action.fields:
                yamledit.edit_fields(doc(target.file), target, action.fields)
                parts.append("edited " + ", ".join(action.fields))
            destination = f"entries/{action.strand}.yaml"
            if action.strand and destination != target.file:
                yamledit.move(doc(target.file), target, doc(destination))
                parts.append(f"moved to {destination}")
            done = f"{target.id}: {' and '.join(parts) or 'nothing to change'}"
        elif action.kind == "merge" and action.other is not None:
            yamledit.merge(doc(target.file), target, doc(action.other.file), action.other)
            done = f"{action.other.id} merged into {target.id}"
        else:
            raise ReviewRequestError(f"unknown action '{action.kind}'")
        changes = [Written(d.path, raw[rel], d.dump_whole().encode("utf-8")) for rel, d in docs.items()]
        changes = [c for c in changes if c.after != c.before]
        if not changes:
            return done + " (nothing changed)"
        self._validate(changes)
        self._write(changes)
        self.journal.append((done, changes))
        return done

    def undo(self) -> str:
        """Put back the files of the last action of this session, if nobody changed them since."""
        if not self.journal:
            raise ReviewRequestError("nothing to undo in this session")
        done, changes = self.journal[-1]
        for change in changes:
            if self.read(change.path) != change.after:
                raise Conflict(f"{self.relative(change.path)} changed on disk after '{done}'; "
                               "undo would overwrite that change, so it was not done")
        self._write([Written(c.path, c.after, c.before) for c in changes])
        self.journal.pop()
        return f"undone: {done}"

    def _path(self, rel: str) -> Path:
        """A content file named by the page; only the files listed by content_files()."""
        path = self.root / rel
        if path not in content_files(self.root):
            raise ReviewRequestError(f"'{rel}' is not a content file of this case")
        return path

    def _validate(self, changes: list[Written]) -> None:
        try:
            load_valid(self.root, self.session, overrides={c.path: c.after for c in changes})
        except ContentErrors as exc:
            raise Refused([str(p) for p in exc.problems]) from None

    def _write(self, changes: list[Written]) -> None:
        for change in changes:
            if self.read(change.path) != change.before:  # saved in an editor while we validated
                raise Conflict(f"{self.relative(change.path)} changed on disk just now; reload the page and try again")
        for change in changes:
            write_atomic(change.path, change.after)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` in one rename (a hidden temporary file in the same folder; mode kept)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
