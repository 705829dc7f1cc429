"""Ids for the content model: lower-case ASCII words joined by single hyphens."""

from __future__ import annotations

import re
import unicodedata

_DROPPED = str.maketrans(dict.fromkeys("‘’“”–—"))
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = frozenset("a an the of to in on at for and or but with by from as is was were be been has have had that this its his her their it".split())


def slugify(text: str, limit: int = 60, drop_stopwords: bool = False) -> str:
    if not drop_stopwords and _SLUG.fullmatch(text):  # already a slug (ids joined into a longer id): only shorten it
        cut = text.rfind("-", 0, limit + 1)
        return text if len(text) <= limit else text[:cut] if cut > 0 else "item"
    head = text.rfind(" ", 0, 3 * limit + 40) if len(text) > 3 * limit + 40 else -1
    if head > 0:  # a long text: its first words usually fill the slug (then the rest need not be read)
        out, full = _slug(text[:head], limit, drop_stopwords, whole=False)
        if full:
            return out
    return _slug(text, limit, drop_stopwords, whole=True)[0] or "item"


def _slug(text: str, limit: int, drop_stopwords: bool, whole: bool) -> tuple[str, bool]:
    """The slug of ``text`` (or of the start of a text, if not ``whole``), and whether it is full: a further word
    did not fit, so more text could not change it."""
    if not text.isascii():
        text = text.translate(_DROPPED)  # typographic marks NFKD would drop anyway: often the only non-ASCII characters
    ascii_ = (text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()).lower()
    words = _WORD.findall(_POSSESSIVE.sub("s", ascii_))
    if drop_stopwords:
        kept = [w for w in words if w not in _STOP]
        if not kept and not whole:
            return "", False  # only stop words so far: the text's other words decide
        words = kept or words
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            return out, True
        out = candidate
    return out, False
