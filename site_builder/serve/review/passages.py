"""The paragraph of a source article that a citation quotes, with the quoted sentence marked.

In: the content folder, a source (its ``file:``) and a citation's quote. Out:
:class:`Passage` — the paragraph split into the text before the quote, the
quote as the article prints it, and the text after; or, when the source has
no readable file or the sentence is not found, the quote alone and why.

Paragraphs come from the converter's reader (the article as the converter
saw it), then, if the sentence is not in any of those, from the file's own
lines split at blank lines. Matching ignores whitespace and quotation-mark
style, as the build's citation check does (:mod:`site_builder.articles.sourcetext`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ...articles.sourcetext import SourceFileError, normalize, read_source, resolve

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Passage:
    before: str
    quote: str
    after: str
    found: bool  # False: ``quote`` is the citation's text, shown without its paragraph
    note: str = ""  # why the paragraph is missing


def find_passage(content: Path, file: str | None, quote: str) -> Passage:
    """The paragraph of ``file`` (relative to ``content``) holding ``quote``."""
    if not file:
        return Passage("", quote, "", False, "this source has no file in the project (only a URL)")
    try:
        paragraphs = _paragraphs(resolve(content, file))
    except SourceFileError as exc:
        return Passage("", quote, "", False, str(exc))
    wanted = normalize(quote)
    for paragraph in paragraphs:
        flat = _SPACE.sub(" ", paragraph).strip()
        # ``flat`` has its whitespace collapsed already, so normalize() only swaps quotation marks one for one
        # and an index in the normalised text is one in ``flat``
        at = normalize(flat).find(wanted)
        if wanted and at >= 0:
            return Passage(flat[:at], flat[at : at + len(wanted)], flat[at + len(wanted) :], True)
    return Passage("", quote, "", False, "the sentence was not found in the source file")


@functools.lru_cache(maxsize=256)
def _read(path: Path, stamp: tuple[int, int]) -> tuple[str, ...]:
    read_source(path)  # the build's checks: inside the project, size, UTF-8 (raises SourceFileError)
    found: list[str] = []
    if path.suffix.lower() in (".txt", ".md", ".markdown", ".html", ".htm"):
        from ...articles.read import ReadError, read_article

        try:
            found = list(read_article(path).paragraphs)
        except ReadError:
            pass
    raw = path.read_text("utf-8-sig")
    return tuple(found + re.split(r"\n\s*\n", raw))


def _paragraphs(path: Path) -> tuple[str, ...]:
    try:
        st = path.stat()
    except OSError as exc:
        raise SourceFileError(f"cannot read '{path.name}': {exc.strerror}") from None
    return _read(path, (st.st_mtime_ns, st.st_size))
