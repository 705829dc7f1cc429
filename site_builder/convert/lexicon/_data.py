"""Helpers for the word lists: a list written as words separated by white space, and patterns made from lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The set of the white-space separated words of ``text``."""
    return frozenset(text.split())


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of ``items`` (escaped, longest first so that a longer word wins at one place)."""
    return "|".join(re.escape(item) for item in sorted(items, key=lambda w: (-len(w), w)))
