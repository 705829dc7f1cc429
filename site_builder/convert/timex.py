"""Dates in news prose, with honest precision.

In: a sentence and the article's publication date (``YYYY-MM-DD`` or None).
Out: :class:`DateMention` objects: the words, their ISO value at the
precision written (``2021``, ``2021-10``, ``2021-10-21``) or None, and
relative wording ("ten days before the trial") kept as text. Weekdays and
year-less dates are resolved against the publication date only when that
is certain (a day-precise publication date, within a week / half a year).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}

_MDY = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b(?!:)")
_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\.?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b")
_MY = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})\b")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_YEAR = re.compile(r"(?:(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-)|(?<![\w$.,/-]))(?P<y>(?:19|20)\d{2})(?![\w%,/-]|\.\d)")
_MONTH_ALONE = re.compile(rf"\b(?P<pre>in|on|since|by|until|through|last|next|this|early|late|mid|the|of|from|before|after)[\s-]+(?P<m>{_MONTH_RE})\b(?!\.?\s+\d)")
_WEEKDAY = re.compile(r"\b(?:(?P<pre>last|next|this|on|early|late)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE_DAY = re.compile(r"\b(?P<w>yesterday|today|last (?:week|month|year)|earlier this (?:week|month|year)|this (?:week|month|year)|next (?:week|month|year))\b", re.IGNORECASE)
_RELATIVE_SPAN = re.compile(
    r"\b(?:(?:nearly|almost|about|around|more than|some|just|only)\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"[\s-]+(?P<u>days?|weeks?|months?|years?)(?:[\s-]+(?:out\s+from|before|after|ahead\s+of|prior\s+to|into|since|later|earlier|ago))\b[^,.;:]{0,60}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO at the written precision, or None when relative/uncertain
    relative: bool = False

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}.get(len(self.value or ""), "none")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    return f"{y:04d}"


def _pub(published: str | None) -> date | None:
    if published and len(published) == 10:
        try:
            return date.fromisoformat(published)
        except ValueError:
            return None
    return None


def _nearest_year(month: int, day: int | None, pub: date | None, future: bool) -> int | None:
    """The year of a year-less date: the one that puts it within half a year of publication."""
    if pub is None:
        return None
    best = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        gap = (candidate - pub).days
        if future and gap < -3 or not future and gap > 3 and day is not None:
            continue
        if abs(gap) <= 200 and (best is None or abs(gap) < abs((best - pub).days)):
            best = candidate
    return best.year if best else None


_FUTURE = re.compile(r"\b(?:will|would|(?:is|are|was|were) set (?:to|for)|scheduled|slated|upcoming|next|due (?:to be|on|in)|expected to|plans? to|deadline)\b", re.IGNORECASE)
# Cheap gates: each pattern needs one of these words (as a whole run of letters) or a digit, so a
# sentence is scanned only by the patterns that can match it.
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_MONTH_WORDS = frozenset(_MONTH_RE[3:-1].split("|"))
_WEEKDAY_WORDS = frozenset(calendar.day_name)
_RELATIVE_DAY_WORDS = frozenset("yesterday today week month year".split())
_UNIT_WORDS = frozenset("day days week weeks month months year years".split())


def find_dates(sentence: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``sentence``, left to right, without overlaps."""
    digit = _DIGIT.search(sentence) is not None
    words = set(_LETTERS.findall(sentence))
    has_month = not _MONTH_WORDS.isdisjoint(words)
    weekday = not _WEEKDAY_WORDS.isdisjoint(words)
    lower = {w.lower() for w in words}
    relative_day = not _RELATIVE_DAY_WORDS.isdisjoint(lower)
    span = not _UNIT_WORDS.isdisjoint(lower)
    if not (digit or has_month or weekday or relative_day or span):
        return []
    pub = _pub(published)
    future = bool((has_month or weekday) and _FUTURE.search(sentence))  # only year-less dates and weekdays look ahead
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: str | None, relative: bool = False, start: int | None = None) -> None:
        s = m.start() if start is None else start
        if any(a < m.end() and s < b for a, b in taken):
            return
        taken.append((s, m.end()))
        found.append(DateMention(s, m.end(), sentence[s:m.end()], value, relative))

    for m in _ISO.finditer(sentence) if digit else ():
        add(m, _iso(int(m["y"]), int(m["m"]), int(m["d"])))
    for pattern in (_MDY, _DMY) if digit and has_month else ():
        for m in pattern.finditer(sentence):
            month, day = _MONTHS[m["m"].lower()], int(m["d"])
            if m["m"] == "May" and not m["y"] and not re.search(r"\b(?:on|by|since|until)\s+$", sentence[: m.start()]):
                continue
            year = int(m["y"]) if m["y"] else _nearest_year(month, day, pub, future)
            add(m, _iso(year, month, day) if year else None, relative=year is None)
    for m in _MY.finditer(sentence) if digit and has_month else ():
        add(m, _iso(int(m["y"]), _MONTHS[m["m"].lower()]))
    for m in _MONTH_ALONE.finditer(sentence) if has_month else ():
        if m["m"] in ("May", "March") and m["pre"].lower() in ("the", "of", "this"):
            continue
        month = _MONTHS[m["m"].lower()]
        year = _nearest_year(month, None, pub, future)
        if pub is not None and not future and year is not None and date(year, month, 1) > pub:
            year -= 1
        add(m, _iso(year, month) if year else None, relative=year is None, start=m.start("m"))
    for m in _YEAR.finditer(sentence) if digit else ():
        add(m, _iso(int(m["y"])))
    for m in _WEEKDAY.finditer(sentence) if weekday else ():
        add(m, _weekday(m["w"], (m["pre"] or "").lower(), pub, future), relative=False)
    for m in _RELATIVE_DAY.finditer(sentence) if relative_day else ():
        add(m, _relative_day(m["w"].lower(), pub), relative=True)
    for m in _RELATIVE_SPAN.finditer(sentence) if span else ():
        text = m.group(0).lower()
        if text.rstrip().endswith("ago") and pub is not None:
            add(m, _ago(m["n"].lower(), m["u"].lower(), pub), relative=True)
        else:
            add(m, None, relative=True)
    found.sort(key=lambda d: d.start)
    return found


def _weekday(name: str, pre: str, pub: date | None, future: bool) -> str | None:
    if pub is None:
        return None
    target = _WEEKDAYS[name.lower()]
    if future or pre == "next":
        delta = (target - pub.weekday()) % 7 or (7 if pre == "next" else 0)
        return (pub + timedelta(days=delta)).isoformat()
    delta = (pub.weekday() - target) % 7
    if pre == "last" and delta == 0:
        delta = 7
    return (pub - timedelta(days=delta)).isoformat()


def _relative_day(word: str, pub: date | None) -> str | None:
    if pub is None:
        return None
    if word == "yesterday":
        return (pub - timedelta(days=1)).isoformat()
    if word == "today":
        return pub.isoformat()
    if word.endswith("month"):
        if word.startswith("last"):
            first = pub.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
        if word.startswith("next"):
            return None
        return f"{pub.year:04d}-{pub.month:02d}"
    if word.endswith("year"):
        if word.startswith("last"):
            return f"{pub.year - 1:04d}"
        if word.startswith("next"):
            return None
        return f"{pub.year:04d}"
    return None  # weeks have no precision of their own


def _ago(n: str, unit: str, pub: date) -> str | None:
    count = _NUMBER_WORDS.get(n, 1 if n in ("a", "an") else None) if not n.isdigit() else int(n)
    if count is None:
        return None
    if unit.startswith("year"):
        return f"{pub.year - count:04d}"
    if unit.startswith("month"):
        month = pub.month - count
        year = pub.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return f"{year:04d}-{month:02d}"
    return None


def parse_date_phrase(text: str) -> str | None:
    """The first full or partial date in a short phrase ("Feb. 17 2025, Published 7:00 a.m. ET")."""
    for mention in find_dates(text, None):
        if mention.value:
            return mention.value
    return None
