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

import os
import stat
from pathlib import Path

from ..files import Refused, TooLarge, inside, read_file

MAX_SOURCE_BYTES = 5 * 1024 * 1024

_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_MARKUP = (".md", ".markdown", ".html", ".htm")


def normalize(text: str) -> str:
    """``text`` with curly quotation marks and no-break spaces made plain, and every run of whitespace one space
    (none at either end). str.split() and a regular expression's \\s agree on what is whitespace (both
    str.isspace), and splitting is 3-4x faster on a big case's 400 source texts."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


class SourceFileError(Exception):
    """The file cannot serve as a source; the message says why."""


def resolve(content_dir: Path, relative: str) -> Path:
    """The file a ``file:`` entry names, links followed; it must stay inside the project folder."""
    if Path(relative).is_absolute():
        raise SourceFileError(f"'{relative}' must be relative to the content folder")
    project = content_dir.resolve().parent
    if not Path(os.path.normpath(content_dir.resolve() / relative)).is_relative_to(project):
        raise SourceFileError(f"'{relative}' points outside the project folder")  # climbs out with '..'
    try:
        return inside(content_dir / relative, project)  # the same rule as for every file a build reads
    except Refused as exc:
        raise SourceFileError(f"'{relative}': {exc}") from None


class SourcePaths:
    """:func:`resolve` for the many ``file:`` entries of one build, each folder's links followed once.

    ``resolve`` follows the links of every folder on a file's path, file by file: 0.1 s for the 400
    sources of a big case, most of them in one folder. Here a folder is resolved once per build (never
    kept across builds: a folder may become a link out of the project between two), and only a file
    that is itself a link (or missing) goes the whole way through :func:`resolve`, so the answer and the
    error are always :func:`resolve`'s.
    """

    def __init__(self, content_dir: Path) -> None:
        self.content_dir = content_dir
        self.content_real = content_dir.resolve()
        self.project = self.content_real.parent
        # As text: 400 files, and pathlib's parsing and comparing cost more than the system calls (11 -> 4 ms).
        self._content = os.fspath(content_dir)
        self._content_real = os.fspath(self.content_real)
        self._project = os.path.join(os.fspath(self.project), "")  # with a trailing separator: a prefix of what is inside
        self.folders: dict[str, str] = {}  # a file's folder as written -> as resolved, with a trailing separator

    def resolve(self, relative: str) -> Path:
        """What ``resolve(content_dir, relative)`` returns, or the error it raises."""
        head, name = os.path.split(os.path.join(self._content, relative))  # no normpath: '..' after a link is the link's parent
        if (os.path.isabs(relative) or name in ("", ".", "..")
                or not self._inside(os.path.normpath(os.path.join(self._content_real, relative)))):
            return resolve(self.content_dir, relative)  # refused (or unusual): resolve() says why
        folder = self.folders.get(head)
        if folder is None:
            try:
                folder = self.folders[head] = os.path.join(os.fspath(Path(head).resolve()), "")
            except (OSError, RuntimeError):  # a link loop
                return resolve(self.content_dir, relative)
        real = folder + name
        try:
            plain = stat.S_ISREG(os.lstat(real).st_mode)  # not a link, so its real path is its folder's plus its name
        except OSError:
            plain = False
        if not plain or not self._inside(real):
            return resolve(self.content_dir, relative)  # the whole way, for its answer or its error
        return Path(real)

    def _inside(self, path: str) -> bool:
        """Whether absolute, normalised ``path`` is the project folder or inside it (Path.is_relative_to, as text)."""
        return path.startswith(self._project) or path == self._project[:-1]


def read_source(path: Path) -> str:
    """The normalised text of ``path``, or :class:`SourceFileError`."""
    return source_text(path, read_source_bytes(path))


def read_source_bytes(path: Path) -> bytes:
    """The bytes of source file ``path`` (already resolved), or :class:`SourceFileError` saying why not."""
    try:
        return read_file(path, limit=MAX_SOURCE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        raise SourceFileError(f"file '{path.name}' not found") from None
    except TooLarge:
        raise SourceFileError(f"'{path.name}' is larger than {MAX_SOURCE_BYTES // 1_000_000} MB") from None
    except Refused as exc:
        raise SourceFileError(f"'{path.name}': {exc}") from None
    except OSError as exc:
        raise SourceFileError(f"cannot read '{path.name}': {exc.strerror}") from None


def decoded_text(path: Path, raw: bytes) -> str:
    """The text of source file ``path`` whose bytes are ``raw``, not yet normalised, or :class:`SourceFileError`."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceFileError(f"'{path.name}' is not UTF-8 text") from None


def is_markup(path: Path) -> bool:
    """Whether source file ``path`` is a page (HTML, XML) whose text :func:`source_text` adds to its own."""
    return path.suffix.lower() in _MARKUP


def source_text(path: Path, raw: bytes) -> str:
    """The normalised text of source file ``path`` whose bytes are ``raw``, or :class:`SourceFileError`."""
    text = normalize(decoded_text(path, raw))
    if is_markup(path):
        from .read import ReadError, read_article  # only for these files: a plain build never loads the converter

        try:
            text += "\n\n" + normalize(read_article(path).text)  # two texts; no citation spans both
        except ReadError:
            pass
    return text
