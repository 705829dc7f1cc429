"""Write a finished site to disk, all or nothing.

In: every output file as bytes, keyed by its path relative to the output
folder. Out: the output folder replaced in one step. Files are written to a
staging folder beside it, which is swapped in only when complete; if
anything fails the previous output is left exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from .errors import OutputError

SIGNATURE = "case.json"  # every site-builder output has it; we refuse to replace folders without it


def check_paths(files: dict[str, bytes]) -> None:
    """Output paths must be relative, normalised and stay inside the output folder."""
    for name in files:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or str(path) != name or name.startswith("./") or "\\" in name:
            raise OutputError(f"output path '{name}' would escape the output folder")


def write_site(files: dict[str, bytes], out: Path, protect: list[Path]) -> None:
    """Replace ``out`` with exactly ``files``; never touch ``protect`` folders (content, project)."""
    check_paths(files)
    out = out.resolve()
    for folder in protect:
        folder = folder.resolve()
        if out == folder or folder.is_relative_to(out):
            raise OutputError(f"refusing to write the site to '{out}': it contains '{folder}'")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / SIGNATURE).is_file())):
        raise OutputError(f"refusing to replace '{out}': it exists and is not a site-builder output (no {SIGNATURE})")
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        for name, data in sorted(files.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if out.exists():
            os.replace(out, old)
        os.replace(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            os.replace(old, out)
        raise OutputError(f"cannot write the site to '{out}': {exc.strerror or exc}") from None
    shutil.rmtree(old, ignore_errors=True)
