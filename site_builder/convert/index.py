"""Which files to convert, and what a folder index says about them.

In: the paths given on the command line (files or folders). Out: the
article files in a stable order, each with the metadata a folder index
gives it, and an error line for each path that cannot be used. A folder
index is a ``README.md`` (or ``index.md``) holding a Markdown table with a
``file`` column and any of ``publisher``, ``published``, ``url``, ``title``.
A folder's ``README.md`` without such a table describes the articles and is
not one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..articles.read import SUFFIXES

INDEX_NAMES = ("README.md", "readme.md", "index.md", "INDEX.md")


def read_index(folder: Path) -> dict[str, dict[str, str]]:
    for name in INDEX_NAMES:
        path = folder / name
        if path.is_file():
            try:
                table = parse_table(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
            if table:
                return table
    return {}


def parse_table(text: str) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    header: list[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = None if not rows else header
            continue
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            continue
        if "file" in header and len(cells) == len(header):
            row = dict(zip(header, cells))
            rows[row["file"]] = row
    return rows


def _is_index(path: Path) -> bool:
    return path.name in INDEX_NAMES and bool(read_index(path.parent))


def collect(paths: list[Path]) -> tuple[list[tuple[Path, dict[str, str] | None]], list[str]]:
    files: list[tuple[Path, dict[str, str] | None]] = []
    errors: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            index = read_index(given)
            for path in sorted(given.iterdir()):
                if path.name.startswith(".") or not path.is_file() or path.suffix.lower() not in SUFFIXES:
                    continue
                if path.name in INDEX_NAMES and (index or path.stem.lower() == "readme"):
                    continue  # the folder's index, or its README about the articles: not an article
                if path.resolve() not in seen:
                    seen.add(path.resolve())
                    files.append((path, index.get(path.name)))
        elif given.is_file():
            if _is_index(given):
                continue
            if given.resolve() not in seen:
                seen.add(given.resolve())
                files.append((given, read_index(given.parent).get(given.name)))
        else:
            errors.append(f"{given}: no such file or folder")
    return files, errors
