"""Dates in news prose, with honest precision.

In: a sentence and the article's publication date (``YYYY-MM-DD`` or None).
Out: :class:`DateMention` objects: the words, their ISO value at the
precision written (``2021``, ``2021-10``, ``2021-10-21``) or None, and
relative wording ("ten days before the trial") kept as text. Weekdays and
year-less dates are resolved against the publication date only when that
is certain (a day-precise publication date, within a week / half a year);
whether they look ahead is decided by their own clause ("announced Wednesday
that it will …" looks back). Relative spans ("six months later", "ten days
before his May 19, 2022 arraignment") are resolved only against a certain
anchor — the one date before them in the sentence, or the date inside them —
and never more precisely than the anchor; the anchor inside a span is not a
date of its own; "six months ago" has none (a round count back from the day
the article appeared). "that summer", "the same afternoon", "the next month" count
from the one date before them in the sentence (or, left unresolved with a
``shift``, from the previous sentence's). "last night", "this morning" are the
day before / the publication day; a week is never a day ("last week" is the
month or year holding every day it may mean); "last fall" is a year only when
certain. A year-less month or weekday that looks ahead ("due to start in
September", "the hearing resumes Monday") is the first one from publication
on; "this September" is the publication year's, "next April" the following
year's only once this year's has passed. "told jurors to return Friday" is
not certain either way (nor is "asked residents to leave Sunday"): no value.
"a Saturday" names no date. A range ("between 2016 and 2020") is one period,
kept as text without a value, and so is a bound ("at least 2019", "as early as
March 2018"). "next October" said in September is the following year's (the
coming one would be "next month"); "pending a hearing on Wednesday" looks
ahead. Fixed-date holidays ("Valentine's Day", "Christmas Eve") are year-less
days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..ruler import Ruler
from .datewords import FUTURE, FUTURE_GATE, INSTRUCTION
from .datewords import (ANCHORED_UNIT, AUXILIARIES, DAY_PARTS, EXACT_QUALIFIERS, MONTH, MONTH_GIVEN_NAMES, MONTH_MODIFIERS, MONTH_NUMBERS, MONTH_WORDS,
                        NUMBER_WORDS, PAST_VERBS, RELATIVE_DAY, RELATIVE_DAY_GATE, SEASON_END, SKIP_BEFORE_DATE, SPAN_ARTICLES, SPAN_DIRECTION,
                        SPAN_NUMBER, SPAN_UNIT, SPAN_UNIT_GATE, SPAN_UNITS, WEEKDAY_NAMES, WEEKDAY_NUMBERS, WEEKDAY_WORDS)
from .datewords import ANCHORED, ANCHORED_GATE, ANCHORED_UNIT_GATE, BOUND, BOUND_GATE, HOLIDAY, HOLIDAY_DATES, HOLIDAY_GATE


_MDY = re.compile(rf"\b(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b(?!:)")
_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})\.?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b")
_MY = re.compile(rf"\b(?P<m>{MONTH})\.?,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})\b")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_YEAR = re.compile(r"(?:19|20)\d{2}(?![\w%/-]|[.,]\d)")  # and what precedes it passes _year_starts (a lookbehind made it slow)
_MONTH_ALONE = re.compile(
    rf"\b(?P<pre>in|on|since|by|until|till|through|during|for|to|last|next|this|early|late|mid|the|of|from|before|after"
    rf"|In|On|Since|By|Until|Through|During|Early|Late|Last|This|Next|Before|After"
    rf"|{'|'.join(MONTH_MODIFIERS)})[\s-]+(?P<m>{MONTH})\b(?!\.?\s+\d)")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")  # "for May Reynolds": a name, not a month
_MODIFIER = frozenset(MONTH_MODIFIERS)  # "a March episode": the month dates the noun
_NOUN_AFTER = re.compile(r"\s+(?!(?:for|of|to|on|in|at|by|and|or|was|is|morning|afternoon|evening|night|day|weekend)\b)[a-z][a-z-]+")  # "a March morning": a kind of day
_KIND_OF_DAY = re.compile(r"\b(?:a|an|every|each|any|one)\s+$", re.IGNORECASE)  # "a Saturday": a kind of day, no date
_MAY_DAY_PRE = re.compile(r"\b(?:on|by|since|until|till|for|to|through|before|after|from)\s+$")
_WEEKDAY = re.compile(r"\b(?:(?P<pre>last|next|this|on|early|late)\s+)?(?P<w>" + "|".join(WEEKDAY_NAMES) + r")\b")
_RELATIVE_SPAN = re.compile(
    r"\b(?:(?P<q>nearly|almost|about|around|more than|some|just|only)\s+)?(?P<n>\d+|" + SPAN_NUMBER + r")"
    r"[\s-]+(?P<u>" + SPAN_UNIT + r")(?:[\s-]+(?P<dir>out\s+from|before|after|ahead\s+of|prior\s+to|into|since|later|earlier|ago))\b[^,.;:]{0,60}",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s+(?:a|an|the|his|her|its|their)\s[^,.;:“”\"]{1,80},\s+(?P<rest>[^,.;:“”\"]{3,120}?)\s*(?=[,.;:“”\"]|$)")
_SPAN_TAIL = re.compile(r"[^,.;:]{0,60}")
_ABOUT = re.compile(r"\s*(?P<a>[^,.;:“”\"]{3,120}?)\s*(?=[,.;:“”\"]|$)")
# "between 2016 and 2020", "from March 2011 until June 2013", "2011 through 2013"
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
# the words joining the two ends of a range
_RANGE_JOIN = re.compile(r"\s+(?:and|to|through|until|till)\s+|\s*[-–]\s*")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO at the written precision, or None when relative/uncertain
    relative: bool = False  # relative wording or a period, kept as text (it may still have a value)
    shift: tuple[int, str] | None = None  # an unanchored "three days later": (+3, "day"), for a neighbouring sentence's date to anchor
    about: str | None = None  # "fired in July, a month after <investigators searched>": the value dates these words, not the sentence
    span: bool = False  # a relative span ("three days later"): when resolved, its words say how the date was reached

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
    """The year of a year-less date: the one that puts it within half a year of publication; for a date that
    looks ahead, the first one from publication on ("due to start in September")."""
    if pub is None:
        return None
    if future:
        if day is None:
            return pub.year if month >= pub.month else pub.year + 1
        for year in (pub.year, pub.year + 1):
            try:
                if (date(year, month, day) - pub).days >= -3:
                    return year
            except ValueError:
                continue
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


# A plan made in the past ("originally scheduled for March") does not look ahead.
_ONCE_PLANNED = re.compile(r"\b(?:originally|initially|previously|once|had been|(?:was|were) supposed)\b", re.IGNORECASE)
_INSTRUCTED = re.compile(INSTRUCTION + r"[^,;:]{0,25}$")
_INSTRUCTED_ANYWHERE = re.compile(INSTRUCTION)
# What ends the clause a date sits in, for deciding whether that clause looks ahead (a clock time's colon,
# "at 9:30 a.m. Friday", does not).
_CLAUSE_EDGE = re.compile(r"[,;()]|(?<!\d):(?!\d)|\s[–—-]\s|\b(?:that|and|but|who|which|while|when|after|before|because|although|where)\b")
# Cheap gates: each pattern needs one of these words (as a whole run of letters) or a digit, so a
# sentence is scanned only by the patterns that can match it.
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")


def find_dates(sentence: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``sentence``, left to right, without overlaps — except the anchor inside a
    relative span ("ten days before his May 19, 2022 arraignment"), which is returned after the span as the
    date of the words it sits in (``about``). The rules of :data:`DATES` find them, in order (an earlier rule's
    date takes the words it covers)."""
    words = set(_LETTERS.findall(sentence))
    st = Dating(sentence, _pub(published), words, {w.lower() for w in words}, _DIGIT.search(sentence) is not None)
    if not (st.digit or st.month or st.weekday or st.relative_day or st.span or st.holiday):
        return []
    # only year-less dates and weekdays look ahead
    st.future = bool((st.month or st.weekday or st.holiday) and not FUTURE_GATE.isdisjoint(st.lower)
                     and (FUTURE.search(sentence) or _INSTRUCTED_ANYWHERE.search(sentence)))
    DATES.run_all(st)
    found = st.found
    found.sort(key=lambda d: d.start)
    if not BOUND_GATE.isdisjoint(st.lower):
        found = [_unbound(sentence, d) for d in found]
    return _ranges(sentence, found) if len(found) > 1 else found


@dataclass
class Dating:
    """The dates stage's state: one sentence, the publication day, its cheap gates (which kinds of date words it
    holds), and the dates found so far with the spans they take."""

    sentence: str
    pub: date | None
    words: set[str]
    lower: set[str]
    digit: bool
    future: bool = False
    found: list[DateMention] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.month = not MONTH_WORDS.isdisjoint(self.words)
        self.weekday = not WEEKDAY_WORDS.isdisjoint(self.words)
        self.relative_day = not RELATIVE_DAY_GATE.isdisjoint(self.lower)
        self.span = not SPAN_UNIT_GATE.isdisjoint(self.lower)
        self.holiday = not HOLIDAY_GATE.isdisjoint(self.words)

    def ahead(self, start: int, end: int) -> bool | None:
        """Whether the date at ``start``–``end`` looks ahead (None: it cannot be placed in a year)."""
        return self.future and _looks_ahead(self.sentence, start, end)

    def add(self, m: re.Match[str], value: str | None, relative: bool = False, start: int | None = None) -> None:
        """Keep the date ``m`` found (from ``start``), unless an earlier rule's date took some of its words."""
        s = m.start() if start is None else start
        if any(a < m.end() and s < b for a, b in self.taken):
            return
        self.taken.append((s, m.end()))
        self.found.append(DateMention(s, m.end(), self.sentence[s:m.end()], value, relative))


def _iso_dates(st: Dating) -> bool:
    """"filed on 2024-03-05": an ISO date."""
    for m in _ISO.finditer(st.sentence) if st.digit else ():
        st.add(m, _iso(int(m["y"]), int(m["m"]), int(m["d"])))
    return False


def _day_and_month(st: Dating) -> bool:
    """"on March 3, 2025", "on 3 March", "on March 3" (its year the nearest, ahead or back, as the sentence looks);
    not "May 5" without a year unless "on", "by" … stands before it."""
    for pattern in (_MDY, _DMY) if st.digit and st.month else ():
        for m in pattern.finditer(st.sentence):
            number, day = MONTH_NUMBERS[m["m"].lower()], int(m["d"])
            if m["m"] == "May" and not m["y"] and not _MAY_DAY_PRE.search(st.sentence, max(0, m.start() - 12), m.start()):
                continue
            later = None if m["y"] else st.ahead(m.start(), m.end())
            year = int(m["y"]) if m["y"] else None if later is None else _nearest_year(number, day, st.pub, later)
            st.add(m, _iso(year, number, day) if year else None, relative=year is None)
    return False


def _holidays(st: Dating) -> bool:
    """"on Christmas Eve 2021", "by Valentine's Day": a fixed-date holiday."""
    for m in HOLIDAY.finditer(st.sentence) if st.holiday else ():
        number, day = HOLIDAY_DATES[m["h"].lower().replace("’", "'")]
        later = None if m["y"] else st.ahead(m.start(), m.end())
        year = int(m["y"]) if m["y"] else None if later is None else _nearest_year(number, day, st.pub, later)
        st.add(m, _iso(year, number, day) if year else None, relative=year is None)
    return False


def _month_and_year(st: Dating) -> bool:
    """"in March 2025": a month of a year."""
    for m in _MY.finditer(st.sentence) if st.digit and st.month else ():
        st.add(m, _iso(int(m["y"]), MONTH_NUMBERS[m["m"].lower()]))
    return False


def _month_alone(st: Dating) -> bool:
    """"in March", "this May", "next June": a month, of the nearest year the sentence allows; not "the March for
    …", "told May that", "a May to remember"."""
    sentence = st.sentence
    for m in _MONTH_ALONE.finditer(sentence) if st.month else ():
        pre = m["pre"].lower()
        if m["m"] in ("May", "March") and pre in ("the", "of") or (pre in ("for", "to") or m["m"] in MONTH_GIVEN_NAMES) and _NAME_AFTER.match(sentence, m.end()):
            continue
        if pre in _MODIFIER and (m["pre"] == "a" and m["m"] == "May" or not _NOUN_AFTER.match(sentence, m.end())):
            continue  # "a March for …", "her May to …": not a month modifying a noun
        number = MONTH_NUMBERS[m["m"].lower()]
        if pre in ("this", "next"):
            year = _named_month(number, pre, st.pub)
        else:
            later = st.ahead(m.start("m"), m.end())
            year = None if later is None else _nearest_year(number, None, st.pub, later)
            if st.pub is not None and not later and year is not None and date(year, number, 1) > st.pub:
                year -= 1
        st.add(m, _iso(year, number) if year else None, relative=year is None, start=m.start("m"))
    return False


def _years(st: Dating) -> bool:
    """"in 2021": a year standing as a date (not a number of dollars, a count or a case number)."""
    for m in _YEAR.finditer(st.sentence) if st.digit else ():
        if _year_starts(st.sentence, m.start()):
            st.add(m, _iso(int(m.group())))
    return False


def _weekdays(st: Dating) -> bool:
    """"on Tuesday", "last Friday": the weekday of the week the sentence looks at; "in August 2019, a Saturday":
    a weekday the sentence does not place."""
    for m in _WEEKDAY.finditer(st.sentence) if st.weekday else ():
        if not m["pre"] and _KIND_OF_DAY.search(st.sentence, max(0, m.start() - 8), m.start()):
            st.add(m, None)  # "in August 2019, a Saturday": which Saturday is not said
            continue
        later = st.ahead(m.start(), m.end())
        st.add(m, None if later is None else _weekday(m["w"], (m["pre"] or "").lower(), st.pub, later), relative=False)
    return False


def _anchored(st: Dating) -> bool:
    """"In March 2021 … that summer", "the next day": counted from the one date found before it."""
    lower = st.lower
    for m in ANCHORED.finditer(st.sentence) if not ANCHORED_GATE.isdisjoint(lower) and not ANCHORED_UNIT_GATE.isdisjoint(lower) else ():
        unit = (m["that"] or m["next"]).lower()
        step = (0 if m["that"] else 1, ANCHORED_UNIT.get(unit, "day"))
        before = {d.value for d in st.found if d.end <= m.start() and d.value and not d.relative}
        value = shift_date(before.pop(), step) if len(before) == 1 else None
        _put(st.found, st.taken, DateMention(m.start(), m.end(), m.group(0), value, True, shift=step if value is None and not before else None, span=True))
    return False


def _relative_days(st: Dating) -> bool:
    """"yesterday", "today's hearing": a day counted from the publication day."""
    for m in RELATIVE_DAY.finditer(st.sentence) if st.relative_day else ():
        word = m["w"].lower()
        if word == "this week" and _done(st.sentence, m.start(), m.end()):
            word = "earlier this week"  # "a grand jury this week indicted her": a day of the week gone by
        st.add(m, _relative_day(word, st.pub, st.sentence.startswith(("'s", "’s"), m.end())), relative=True)
    return False


def _done(sentence: str, start: int, end: int) -> bool:
    """Whether the clause holding ``sentence[start:end]`` tells an act done: it does not look ahead and has a verb
    in the past ("indicted", "was indicted", "began"; not "will be indicted", "is expected")."""
    if _looks_ahead(sentence, start, end) is not False:
        return False
    lo = max((edge.end() for edge in _CLAUSE_EDGE.finditer(sentence, 0, start)), default=0)
    stop = _CLAUSE_EDGE.search(sentence, end)
    words = sentence[lo:stop.start() if stop else len(sentence)].lower().split()
    return any((w in _PAST_ACTS or len(w) > 4 and w.endswith("ed")) and (k == 0 or words[k - 1] not in _NOT_PAST)
               for k, w in enumerate(words))


_NOT_PAST = AUXILIARIES | {"is", "are", "am"}  # "is expected", "will be indicted": no act done
_PAST_ACTS = PAST_VERBS - {"said", "told", "wrote", "spoke"}  # "said he had to go back this week": a saying dates no act


def _relative_spans(st: Dating) -> bool:
    """"ten days before his May 19, 2022 arraignment", "three days later": a span counted from a date; "two years ago"
    (a round count back from the publication) is kept without a value."""
    for m in _RELATIVE_SPAN.finditer(st.sentence) if st.span else ():
        SPANS.run(Span(st, m))  # the first span rule that applies places it
    return False


# The dates rules, all run in order (Ruler.run_all): a date found first takes its words from the later rules.
DATES: Ruler[Dating] = Ruler("dates", [
    ("iso-date", _iso_dates), ("day-and-month", _day_and_month), ("holiday", _holidays), ("month-and-year", _month_and_year),
    ("month-alone", _month_alone), ("year", _years), ("weekday", _weekdays), ("anchored", _anchored),
    ("relative-day", _relative_days), ("relative-span", _relative_spans),
])


def _unbound(sentence: str, mention: DateMention) -> DateMention:
    """"beginning in at least 2019": a bound, kept as text without a value."""
    if mention.value and BOUND.search(sentence, max(0, mention.start - 24), mention.start):
        return replace(mention, value=None, relative=True, about=None)
    return mention


def _looks_ahead(sentence: str, start: int, end: int) -> bool | None:
    """Whether the clause holding a year-less date or weekday looks ahead ("will be sentenced Friday").

    The verb right before the date decides first ("announced Wednesday that it will …" looks back), then
    the future wording of the date's own clause. None when it cannot tell: a plan made in the past
    ("originally scheduled for March") may or may not have come yet.
    """
    lo = 0
    for edge in _CLAUSE_EDGE.finditer(sentence, 0, start):
        lo = edge.end()
    stop = _CLAUSE_EDGE.search(sentence, end)
    hi = stop.start() if stop else len(sentence)
    if _INSTRUCTED.search(sentence, lo, start):
        return None  # "told jurors to return Friday" looks ahead, "asked residents to stay indoors Sunday" may not
    before = sentence[lo:start].split()
    while before and before[-1].lower() in SKIP_BEFORE_DATE:
        before.pop()
    if before:
        verb = before[-1].lower()
        helper = before[-2].lower() if len(before) > 1 else ""
        if FUTURE.fullmatch(verb):
            return True
        if (verb in PAST_VERBS or verb.endswith("ed")) and helper not in AUXILIARIES:
            return False
    clause = sentence[lo:hi]
    if not FUTURE.search(clause):
        return False
    return None if _ONCE_PLANNED.search(clause) else True


@dataclass
class Span:
    """The state of the rules of :data:`SPANS`: one relative span ``m`` ("three days later") found in the sentence of
    the dates stage's state ``st``, with its words read: its direction (``way``), its count as written (``n``), its
    unit, and the step it moves its anchor by (None: it names no exact count, or a direction not resolved)."""

    st: Dating
    m: re.Match[str]

    def __post_init__(self) -> None:
        m = self.m
        self.way = " ".join(m["dir"].lower().split())
        self.n, self.unit = m["n"].lower(), m["u"].lower().rstrip("s")
        self.sign = SPAN_DIRECTION.get(self.way)
        count = _count(self.n)
        self.step = None if self.sign is None or count is None or m["q"] and m["q"].lower() not in EXACT_QUALIFIERS \
            else (self.sign * count * SPAN_UNITS[self.unit][1], SPAN_UNITS[self.unit][0])

    @property
    def text(self) -> str:
        """The span's words, to the end of the match (trailing spaces left out)."""
        return self.m.group(0).rstrip()

    def put(self, value: str | None, shift: tuple[int, str] | None = None, about: str | None = None, span: bool = False) -> bool:
        """Keep the span's words as a relative date of ``value`` (unless an earlier date took them; ``shift``, ``about``
        and ``span`` as in :class:`DateMention`) and handle the span."""
        start, text = self.m.start(), self.text
        _put(self.st.found, self.st.taken, DateMention(start, start + len(text), text, value, True, shift=shift, about=about, span=span))
        return True


def _the_unit(span: Span) -> bool:
    """"the years before": "the" counts one day, week … only after or before ("the day after"); else nothing."""
    return span.n == "the" and (span.way not in ("after", "before") or span.m["u"].lower().endswith("s"))


def _ago(span: Span) -> bool:
    """"six months ago": counted from the day the article appeared, which dates nothing itself; kept as words, no value."""
    if span.way != "ago":
        return False
    # "six months ago" is said of five or seven, "two years ago" of one or three; and a day or a week back is no
    # certain day
    m = span.m
    _put(span.st.found, span.st.taken, DateMention(m.start(), m.end(), m.group(0), None, True))
    return True


def _around_a_date(span: Span) -> bool:
    """"ten days before his May 19, 2022 arraignment": the date inside is the anchor, not the event's date; it still
    dates the words it sits in. "three days later, on June 5" restates the date: the span gives way to it."""
    m, found, taken, sentence = span.m, span.st.found, span.st.taken, span.st.sentence
    inside = [d for d in found if d.start < m.end() and m.start() < d.end]
    if not inside:
        return False
    if span.sign is None or span.way in ("later", "earlier") or any(d.start < m.end("dir") or d.relative for d in inside):
        return True
    anchor = min(inside, key=lambda d: d.start)
    tail = _SPAN_TAIL.match(sentence, max(d.end for d in inside))
    end = tail.end() if tail else m.end()
    for d in [d for d in found if d.start < end and m.start() < d.end]:
        found.remove(d)
        taken.remove((d.start, d.end))
    value = shift_date(anchor.value, span.step) if span.step and anchor.value else None
    _put(found, taken, DateMention(m.start(), end, sentence[m.start():end].rstrip(), value, True, span=True))
    words = sentence[m.end("dir"):end].strip()
    if anchor.value and words:  # the anchor still dates the words it sits in: "his May 19, 2022 arraignment"
        found.append(replace(anchor, about=words))
    return True


def _uncounted(span: Span) -> bool:
    """"nearly six months later", "two weeks into the trial": no exact step; kept as words, no value."""
    return span.step is None and span.put(None)


def _later_or_earlier(span: Span) -> bool:
    """"opened in March 2015 and closed six months later": the one date before it is the anchor; with none, the step
    is kept for a neighbouring sentence's date to anchor."""
    if span.way not in ("later", "earlier") or span.step is None:
        return False
    before = {d.value for d in span.st.found if d.end <= span.m.start() and d.value and not d.relative}
    if len(before) == 1:
        return span.put(shift_date(before.pop(), span.step), span=True)
    return span.put(None, shift=span.step if not before else None, span=True)


def _after_or_before_an_act(span: Span) -> bool:
    """"closed in October 2015, a month after its owner died": the owner died a month before October 2015 (the date
    right before the span, the words after it what that date dates)."""
    m, found, sentence, step = span.m, span.st.found, span.st.sentence, span.step
    if step is None:
        return False
    lead = next((d for d in found if d.value and not d.relative and d.end <= m.start() and not sentence[d.end:m.start()].strip(", ")), None)
    about = _ABOUT.match(sentence, m.end("dir"))
    value = shift_date(lead.value, (-step[0], step[1])) if lead and lead.value and about else None
    dated = about["a"] if about and value else None
    apposition = _APPOSITION.match(sentence, about.end()) if about and value else None
    if dated and apposition:  # "the day after Dana Alvarez, a former clerk, filed her complaint": skip the apposition
        dated = f"{dated} {apposition['rest']}"
    return span.put(value, about=dated, span=True)


# The relative-span rules, tried in order on each span (Ruler.run): the first that applies places it.
SPANS: Ruler[Span] = Ruler("dates.span", [
    ("the-unit", _the_unit), ("ago", _ago), ("around-a-date", _around_a_date), ("uncounted", _uncounted),
    ("later-or-earlier", _later_or_earlier), ("after-or-before-an-act", _after_or_before_an_act),
])


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in taken)


def _put(found: list[DateMention], taken: list[tuple[int, int]], mention: DateMention) -> None:
    if not _overlaps(taken, mention.start, mention.end):
        taken.append((mention.start, mention.end))
        found.append(mention)


def _count(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    return NUMBER_WORDS.get(n, 1 if n in SPAN_ARTICLES else None)


def shift_date(value: str, step: tuple[int, str]) -> str | None:
    """``value`` moved by ``step`` ((+3, "day"), (-1, "month"), …), never more precise than the anchor:
    days need a day-precise anchor, months a month; None when the anchor is too coarse."""
    amount, unit = step
    if amount == 0:  # "that summer" of 2019 is 2019; "that night" in August 2019 is 2019-08
        return value[: min(len(value), {"day": 10, "month": 7}.get(unit, 4))]
    if unit == "day":
        if len(value) != 10:
            return None
        return (date.fromisoformat(value) + timedelta(days=amount)).isoformat()
    if unit == "month":
        if len(value) < 7:
            return None
        months = int(value[:4]) * 12 + int(value[5:7]) - 1 + amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{int(value[:4]) + amount:04d}"


def _ranges(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """"between 2016 and 2020" is one period (kept as text, without a value), not two dates."""
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and a.value and b.value and not a.relative and not b.relative and _RANGE_JOIN.fullmatch(sentence, a.end, b.start):
            opener = _RANGE_OPEN.search(sentence, max(0, a.start - 10), a.start)
            if opener or sentence[a.end:b.start].strip() == "through":
                start = opener.start() if opener else a.start
                out.append(DateMention(start, b.end, sentence[start:b.end], None, True))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _named_month(month: int, pre: str, pub: date | None) -> int | None:
    """"this September" is the publication year's (when within half a year); "next April" is certain only
    once this year's April has passed, or is next month's (which would be called "next month")."""
    if pub is None:
        return None
    if pre == "this":
        return pub.year if abs(month - pub.month) <= 6 else None
    return pub.year + 1 if month <= pub.month + 1 else None  # "next October" said in September is not next month


def _year_starts(sentence: str, at: int) -> bool:
    """A year may start at ``at``: not inside a word, number, amount or path ("$2019", "12019", "v2019"),
    except right after "mid-", "early-" or "late-" ("mid-2019")."""
    if at == 0:
        return True
    before = sentence[at - 1]
    if not (before.isalnum() or before in "_$.,/-"):
        return True
    for lead in ("mid-", "early-", "late-"):
        start = at - len(lead)
        if start >= 0 and sentence.startswith(lead, start) and (start == 0 or not _word_char(sentence[start - 1])):
            return True
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def _weekday(name: str, pre: str, pub: date | None, future: bool) -> str | None:
    if pub is None:
        return None
    target = WEEKDAY_NUMBERS[name.lower()]
    if future or pre == "next":
        delta = (target - pub.weekday()) % 7 or (7 if pre == "next" else 0)
        return (pub + timedelta(days=delta)).isoformat()
    delta = (pub.weekday() - target) % 7
    if pre == "last" and delta == 0:
        delta = 7
    return (pub - timedelta(days=delta)).isoformat()


def _relative_day(word: str, pub: date | None, possessive: bool = False) -> str | None:
    if pub is None:
        return None
    if word == "yesterday":
        return (pub - timedelta(days=1)).isoformat()
    if word in ("today", "tonight") or word.startswith("this ") and word.endswith(DAY_PARTS):
        return pub.isoformat()
    if word == "last night":
        return (pub - timedelta(days=1)).isoformat()
    season = word.split()[-1]
    if season in SEASON_END:
        if word.startswith("this"):
            return f"{pub.year:04d}"
        return f"{pub.year - 1:04d}" if pub.month <= SEASON_END[season] else None
    if word.endswith("month"):
        if word.startswith("last"):
            first = pub.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
        if word.startswith("next"):
            return f"{pub.year + pub.month // 12:04d}-{pub.month % 12 + 1:02d}"
        return f"{pub.year:04d}-{pub.month:02d}"
    if word.endswith("year"):
        if word.startswith("last"):
            return f"{pub.year - 1:04d}"
        if word.startswith("next"):
            return f"{pub.year + 1:04d}"
        return f"{pub.year:04d}"
    if word.endswith("week"):  # a week is not a day: the month (or year) that holds every day it may mean
        if word.startswith("this") or possessive:  # "this week" may still be ahead; "last week's podcast" dates a noun
            return None
        lo, hi = {"last": (-13, -1), "earlier": (-6, 0), "next": (1, 13)}[word.split()[0]]
        first, last = pub + timedelta(days=lo), pub + timedelta(days=hi)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}" if first.year == last.year else None
    return None


def parse_date_phrase(text: str) -> str | None:
    """The first full or partial date in a short phrase ("Feb. 17 2025, Published 7:00 a.m. ET")."""
    for mention in find_dates(text, None):
        if mention.value:
            return mention.value
    return None
