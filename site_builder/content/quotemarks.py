"""Quotation marks in running text: where quotations open and close.

In: a piece of text. Out: its quoted spans (:func:`spans`), the text with
them blanked (:func:`unquoted`, used by the neutral-voice check of both
``build`` and ``check``), and a citation re-punctuated to sit inside one
outer pair of quotation marks (:func:`for_quotation`).

Marks are read from their context, as a typesetter would: curly marks say
which way they face; a straight ``"`` opens after a space or an opening
bracket and closes after anything else; a straight or curly apostrophe
between two letters (``isn't``, ``Hutchins’s``) is not a quotation mark.
Quotations nest (``"He said 'no'"``), may run over sentence boundaries, and
an opening mark that never closes quotes nothing (so a stray mark cannot
hide the rest of a text from the voice check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE, SINGLE = "double", "single"
_KIND = {'"': DOUBLE, "\u201c": DOUBLE, "\u201d": DOUBLE, "\u00ab": DOUBLE, "\u00bb": DOUBLE,
         "'": SINGLE, "\u2018": SINGLE, "\u2019": SINGLE}
_CANDIDATE = re.compile("[" + re.escape("".join(_KIND)) + "]")
_OPEN_ONLY = frozenset("\u201c\u00ab\u2018")
_CLOSE_ONLY = frozenset("\u201d\u00bb\u2019")
_BEFORE_OPENING = frozenset("([{<\u2014\u2013-/:;") | frozenset(_KIND)  # what may precede an opening mark
# Typeset pairs per nesting level inside an outer quotation: single inside double, double inside that.
_LEVEL_MARKS = (("\u2018", "\u2019"), ("\u201c", "\u201d"))


@dataclass(frozen=True)
class Span:
    """A quotation: the indexes of its opening and closing marks, and how deeply it is nested (0: outermost)."""

    start: int
    end: int
    depth: int


@dataclass(frozen=True)
class _Mark:
    index: int
    kind: str
    opens: bool


def _marks(text: str) -> list[_Mark]:
    """Every quotation mark of ``text`` with the way it faces; apostrophes and undecidable marks left out."""
    found: list[_Mark] = []
    for match in _CANDIDATE.finditer(text):  # a scan in C: most text has few marks
        i, char = match.start(), match.group()
        kind = _KIND[char]
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if kind == SINGLE and before.isalnum() and after.isalnum():
            continue  # an apostrophe: isn't, Hutchins’s
        may_open = bool(after) and not after.isspace() and char not in _CLOSE_ONLY
        may_close = bool(before) and not before.isspace() and char not in _OPEN_ONLY
        if kind == SINGLE and after.isalnum():
            may_close = False  # a closing single quote is never followed by a letter
        if may_open and (not before or before.isspace() or before in _BEFORE_OPENING or char in _OPEN_ONLY):
            found.append(_Mark(i, kind, True))
        elif may_close:
            found.append(_Mark(i, kind, False))
    return found


def spans(text: str) -> list[Span]:
    """The quotations in ``text``, in order of their closing marks.

    A closing mark closes the innermost open quotation of its kind (double or
    single); quotations opened inside it and never closed are dropped. A
    closing mark with nothing of its kind open is ignored (a possessive such
    as "Hutchins' family"), as is an opening mark that is never closed.
    """
    stack: list[_Mark] = []
    pairs: list[tuple[int, int]] = []
    for mark in _marks(text):
        if mark.opens:
            stack.append(mark)
            continue
        for at in range(len(stack) - 1, -1, -1):
            if stack[at].kind == mark.kind:
                pairs.append((stack[at].index, mark.index))
                del stack[at:]
                break
    # Depth counts only quotations that closed: an unclosed opening mark contains nothing.
    return [Span(a, b, sum(1 for c, d in pairs if c < a and b < d)) for a, b in pairs]


def unquoted(text: str) -> str:
    """``text`` with every quotation (marks included) blanked to spaces, so offsets and word boundaries stay."""
    chars = list(text)
    for span in spans(text):
        chars[span.start : span.end + 1] = " " * (span.end + 1 - span.start)
    return "".join(chars)


@lru_cache(maxsize=16384)  # the same citation is shown on several pages and in every rebuild
def for_quotation(text: str) -> str:
    """A citation ready to be shown inside one pair of outer quotation marks (``<q>``).

    A pair of marks around the whole citation is dropped (the outer pair
    replaces it), as are an unclosed opening mark at its start and an
    unopened closing mark at its end (a quotation running on from, or into,
    the next paragraph). Quotations inside it are typeset one level in:
    single curly marks, double inside those.
    """
    text = text.strip()
    if not _CANDIDATE.search(text):
        return text
    found = spans(text)
    outer = next((s for s in found if s.start == 0 and s.depth == 0), None)
    tail = len(text) - 1
    if outer is not None and (outer.end == tail or outer.end == tail - 1 and text[tail] in ".,;:!?"):
        inner = text[1 : outer.end] + text[outer.end + 1 :]
        return for_quotation(inner) if inner.strip() else text
    marks = {m.index: m for m in _marks(text)}
    paired = {i for s in found for i in (s.start, s.end)}
    chars = list(text)
    for s in found:
        opening, closing = _LEVEL_MARKS[s.depth % 2]
        chars[s.start], chars[s.end] = opening, closing
    drop = set()
    if 0 in marks and marks[0].opens and 0 not in paired:
        drop.add(0)
    if tail in marks and not marks[tail].opens and tail not in paired:
        drop.add(tail)
    for i in sorted(drop, reverse=True):
        del chars[i]
    return "".join(chars).strip()
