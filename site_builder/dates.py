"""Dates with honest precision.

In: the strings editors write (``2021``, ``2021-10``, ``2021-10-21``).
Out: :class:`PartialDate`, which knows how precise it is, how to print
itself at exactly that precision and where it sorts. An event either has a
``date`` or only a bound (``not_after``: "by 17 February 2025").
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

# ASCII digits only, the whole text and nothing around it: a date is copied as written into case.json,
# the sitemap and JSON-LD, where '２０２４-03' or ' 2024-03\n' would not be a date.
_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
MONTHS = list(calendar.month_name)


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError says what is wrong."""
        match = _PATTERN.fullmatch(text)
        if not match:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}{_hint(text)}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if year < 1000:
            raise ValueError(f"impossible date '{text}': year {year}")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"impossible date '{text}': there is no month {month}")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if day == 0:
                raise ValueError(f"impossible date '{text}': there is no day 0")
            if not 1 <= day <= last:
                raise ValueError(f"impossible date '{text}': {MONTHS[month]} {year} has {last} days")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """As precise as written: '21 October 2021', 'October 2021', '2021'."""
        if self.day:
            assert self.month
            return f"{self.day} {MONTHS[self.month]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


def _hint(text: str) -> str:
    """Why a date that looks right is not one (the two cases are invisible in most editors)."""
    if text != text.strip():
        return " (no spaces or line breaks around the date)"
    if any(c.isdigit() and not c.isascii() for c in text):
        return " (use the digits 0-9)"
    return ""


@dataclass(frozen=True)
class When:
    """When an event happened: a date, or only an upper bound, plus optional relative wording."""

    date: PartialDate | None
    not_after: PartialDate | None
    relative: str | None = None

    def display_date(self) -> str:
        """The date alone: '21 October 2021', 'by 17 February 2025'."""
        if self.date:
            return self.date.display()
        if self.not_after:
            return f"by {self.not_after.display()}"
        return "date unknown"

    def display(self) -> str:
        """The date with any relative wording: 'by 4 March 2025 (ten days before the trial)'."""
        text = self.display_date()
        return f"{text} ({self.relative})" if self.relative else text

    @property
    def year(self) -> int | None:
        known = self.date or self.not_after
        return known.year if known else None

    @property
    def precision(self) -> str:
        if self.date:
            return self.date.precision
        return "bound" if self.not_after else "unknown"

    def iso(self) -> str:
        """Machine form for <time datetime>: the date itself, or the bound."""
        known = self.date or self.not_after
        return known.iso() if known else ""

    def sort_key(self) -> tuple[int, int]:
        """Earliest possible day, then latest: '2021' sorts before '21 October 2021'; a bound sorts at its bound."""
        if self.date:
            return _span(self.date)
        if self.not_after:
            day = _span(self.not_after)[1]
            return (day, day)
        return (10**7, 10**7)


@functools.lru_cache(maxsize=65536)
def _span(day: PartialDate) -> tuple[int, int]:
    """First and last possible day (ordinals); cached because big cases sort thousands of events per build."""
    return (day.first_day().toordinal(), day.last_day().toordinal())
