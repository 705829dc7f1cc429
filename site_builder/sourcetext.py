"""The text of cited source files, for provenance checks.

In: a source's ``file:`` path (relative to the content folder). Out: its
text, normalised so a citation typed with straight quotes still matches an
article printed with curly ones. Only whitespace and quotation-mark style
are normalised; every word must match exactly. A Markdown or HTML source is
also read as a reader sees it (markup, front matter and page furniture
dropped, as ``convert`` reads it), so a sentence copied from the rendered
article matches as well as one copied from the file.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_SOURCE_BYTES = 5 * 1024 * 1024

_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_MARKUP = (".md", ".markdown", ".html", ".htm")


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


class SourceFileError(Exception):
    """The file cannot serve as a source; the message says why."""


def resolve(content_dir: Path, relative: str) -> Path:
    """The file a ``file:`` entry names; it must stay inside the project folder."""
    if Path(relative).is_absolute():
        raise SourceFileError(f"'{relative}' must be relative to the content folder")
    project = content_dir.resolve().parent
    path = (content_dir / relative).resolve()
    if not path.is_relative_to(project):
        raise SourceFileError(f"'{relative}' points outside the project folder")
    return path


def read_source(path: Path) -> str:
    """The normalised text of ``path``, or :class:`SourceFileError`."""
    try:
        if not path.is_file():
            raise SourceFileError(f"file '{path.name}' not found")
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceFileError(f"cannot read '{path.name}': {exc.strerror}") from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceFileError(f"'{path.name}' is larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
    try:
        text = normalize(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SourceFileError(f"'{path.name}' is not UTF-8 text") from None
    if path.suffix.lower() in _MARKUP:
        from .convert.read import ReadError, read_article  # only for these files: a plain build never loads the converter

        try:
            text += "\n\n" + normalize(read_article(path).text)  # two texts; no citation spans both
        except ReadError:
            pass
    return text
