"""Split long lists over several pages, so no page grows without bound as a case grows.

In: a list and a page size (and, for the timeline, a year per item). Out:
chunks of the list, and a :class:`Pager` per page that the templates turn
into previous/next links and a page index. Which items go on which page is
a function of the list alone, so a link to ``page#item`` can be written by
any other page before the pages themselves are rendered (pages.py keeps
that map).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# Statements (events, claims, quotes) per page. An event with its sourcing is ~1.5 KB of HTML,
# so a page of 100 stays well under 200 KB with its header, navigation and a long page index.
PAGE_ITEMS = 100
# A source block is ~0.6 KB plus a ~0.2 KB line for everything the site took from it: the sources list
# is split by that weight (a source counts SOURCE_WEIGHT lines), SOURCE_LINES lines a page.
SOURCE_WEIGHT = 3
SOURCE_LINES = 500
PEOPLE_PER_PAGE = 500  # a who's-who line is ~150 bytes
# The timeline's person filter lists everyone with an event on every timeline page: beyond this many
# (~150 bytes each) it gives way to a link to Who's who, where each person's page lists their events.
FILTER_PEOPLE = 100


@dataclass(frozen=True)
class Part:
    """One page of a paginated set: where it is and how the page index names it."""

    path: str
    label: str


@dataclass(frozen=True)
class Pager:
    """The navigation of one page of a set: the index to show, this page, its neighbours."""

    parts: tuple[Part, ...]  # the page index shown on this page (for the timeline: this year's pages)
    current: Part
    number: int  # this page's position in the whole set, from 1
    total: int  # pages in the whole set
    previous: Part | None
    next: Part | None


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` in consecutive runs of at most ``size`` (one empty run for an empty list)."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def weighted_chunks(items: Sequence[T], weights: Sequence[int], budget: int) -> list[list[T]]:
    """``items`` in consecutive runs whose weights add up to at most ``budget`` (an item heavier than
    the budget gets a run of its own); one empty run for an empty list."""
    runs: list[list[T]] = []
    run: list[T] = []
    total = 0
    for item, weight in zip(items, weights):
        if run and total + weight > budget:
            runs.append(run)
            run, total = [], 0
        run.append(item)
        total += weight
    return [*runs, run] if run or not runs else runs


def part_path(first: str, number: int) -> str:
    """Page ``number`` (from 1) of a set whose first page is ``first``: 'topics/x/index.html' → 'topics/x/2/index.html'."""
    return first if number == 1 else f"{first.removesuffix('index.html')}{number}/index.html"


INDEX_ALL = 25  # a set of more pages shows an index of the first, the last and those near the current one
INDEX_NEAR = 5
GAP = Part("", "…")  # where a long index leaves pages out


def window(parts: Sequence[Part], i: int) -> tuple[Part, ...]:
    """The page index shown on page ``i`` of ``parts``: all of them, or for a long set the first, the last
    and INDEX_NEAR on each side of ``i``, with a gap where pages are left out (an index listing every
    page would make each page of a big set grow with the set)."""
    if len(parts) <= INDEX_ALL:
        return tuple(parts)
    keep = sorted({0, len(parts) - 1, *range(max(0, i - INDEX_NEAR), min(len(parts), i + INDEX_NEAR + 1))})
    shown: list[Part] = []
    for k, n in enumerate(keep):
        if k and n != keep[k - 1] + 1:
            shown.append(GAP)
        shown.append(parts[n])
    return tuple(shown)


def pagers(parts: Sequence[Part], index: Sequence[Sequence[Part]] | None = None) -> list[Pager | None]:
    """One pager per part (None for a set of one page: it needs no navigation, and looks as it always did).

    ``index``: the page index each part shows (default: :func:`window` of all parts)."""
    if len(parts) < 2:
        return [None] * len(parts)
    found: list[Pager | None] = []
    for i, part in enumerate(parts):
        shown = tuple(index[i]) if index is not None else window(parts, i)
        found.append(Pager(shown, part, i + 1, len(parts), parts[i - 1] if i else None, parts[i + 1] if i + 1 < len(parts) else None))
    return found
