"""Write the merged content files — all at once, only after everything succeeded.

In: the merged :class:`~.merge.Doc` objects and the converter's ledger (any
:class:`Output`). Out: the files that changed,
each replaced atomically (temporary file, then rename), or with
``dry_run`` nothing written and a unified diff of what would change.
"""

from __future__ import annotations

import difflib
import os
import tempfile
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


def write(changed: list[tuple[Path, str, str]]) -> None:
    for path, _, new in changed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(new)
            # mkstemp makes the file private; give it the mode the old file had, or the usual one
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
