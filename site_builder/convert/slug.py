"""Ids for the content model: lower-case ASCII words joined by single hyphens."""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an the of to in on at for and or but with by from as is was were be been has have had that this its his her their it".split())


def slugify(text: str, limit: int = 60, drop_stopwords: bool = False) -> str:
    ascii_ = (text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()).lower()
    words = _WORD.findall(_POSSESSIVE.sub("s", ascii_))
    if drop_stopwords:
        words = [w for w in words if w not in _STOP] or words
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "item"
