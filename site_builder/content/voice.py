"""The site's own voice: find loaded words outside quotation marks.

In: a piece of the site's own text and the case's ``loaded_words``.
Out: the loaded words it uses outside quotation marks. Quoted, attributed
words are allowed ("they called it 'crocodile tears'"); the same words in
our own sentences are not. What counts as quoted is :mod:`quotemarks`'s
reading of the marks; ``build`` (on each field) and ``check`` (on each
block of each page) both ask this one function.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .quotemarks import unquoted


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w.lower()).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:s|es|ed|d|ing)?\b", re.IGNORECASE)


def loaded_words_in(text: str, words: tuple[str, ...]) -> list[str]:
    """Loaded words used in ``text`` outside quotation marks, in order of appearance."""
    pattern = _pattern(words)
    if pattern is None or not text or not pattern.search(text):  # most text has none: skip the unquoting
        return []
    return [m.group(0) for m in pattern.finditer(unquoted(text))]
