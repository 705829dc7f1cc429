"""Date words: month and weekday names, days counted from publication ("last week") or from another date ("that
summer", "three days later"), fixed-date holidays, bounds ("no later than"), and the words of a date looking ahead.

Each pattern is built here from its table, and so is its cheap gate (the words a sentence must hold, as whole
runs of letters, for the pattern to have a chance), so that a phrase added to a table is found by both. The
dates written with numbers and month names are :mod:`site_builder.articles.timex`'s own patterns.
"""

from __future__ import annotations

import re

# Fixed-date holidays: (name as a pattern, the word its gate needs, month, day). An apostrophe stands for either.
HOLIDAYS = (
    ("Valentine's Day", "Valentine", 2, 14),
    ("Christmas Day", "Christmas", 12, 25),
    ("Christmas Eve", "Christmas", 12, 24),
    ("New Year's Day", "Year", 1, 1),
    ("New Year's Eve", "Year", 12, 31),
    ("Halloween", "Halloween", 10, 31),
    ("Boxing Day", "Boxing", 12, 26),
)
HOLIDAY = re.compile(r"\b(?P<h>" + "|".join(name.replace("'", "['’]") for name, _, _, _ in HOLIDAYS) + r")"
                     r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?\b")
HOLIDAY_DATES = {name.lower(): (month, day) for name, _, month, day in HOLIDAYS}  # by the name in lower case, "'" as the apostrophe
HOLIDAY_GATE = frozenset(word for _, word, _, _ in HOLIDAYS)

# "at least 2019", "as early as March 2018", "no later than 2020": a bound, not a date. The gate is each phrase's
# longest word.
BOUND_PHRASES = (r"at\s+least", r"as\s+early\s+as", r"as\s+late\s+as", r"no\s+later\s+than", r"no\s+earlier\s+than")
BOUND = re.compile(rf"\b(?:{'|'.join(BOUND_PHRASES)})\s+(?:in\s+|on\s+|by\s+)?$", re.IGNORECASE)
BOUND_GATE = frozenset(max(phrase.split(r"\s+"), key=len) for phrase in BOUND_PHRASES)

# "that summer", "the same day", "the next month": counted from the one date before it, never more precise.
ANCHOR_THAT = ("that", "the same")  # … + one of ANCHORED_THAT_UNITS: the same period
ANCHORED_THAT_UNITS = ("year", "summer", "fall", "autumn", "spring", "month", "day", "night", "morning", "afternoon", "evening")
ANCHOR_NEXT = ("next", "following")  # "the " + one of these + one of ANCHORED_NEXT_UNITS: the period after
ANCHORED_NEXT_UNITS = ("day", "month", "year", "morning", "night")
ANCHORED = re.compile(rf"\b(?:(?:{'|'.join(ANCHOR_THAT)}) (?P<that>{'|'.join(ANCHORED_THAT_UNITS)})"
                      rf"|the (?:{'|'.join(ANCHOR_NEXT)}) (?P<next>{'|'.join(ANCHORED_NEXT_UNITS)}))\b", re.IGNORECASE)
ANCHORED_GATE = frozenset(word for phrase in (*ANCHOR_THAT, *ANCHOR_NEXT) for word in phrase.split() if word != "the")
ANCHORED_UNIT_GATE = frozenset((*ANCHORED_THAT_UNITS, *ANCHORED_NEXT_UNITS))

# Words that make a date look ahead ("the trial will resume on Monday", "a hearing set for March"): (pattern, the
# words its gate needs). FUTURE is built from the patterns and FUTURE_GATE from their words, with the verbs of an
# instruction ("told jurors to return Friday"), which also look ahead.
FUTURE_PHRASES = (
    (r"will", "will"), (r"would", "would"), (r"(?:is|are|was|were) set (?:to|for)", "set"), (r"(?<=ing )set for", "set"),
    (r"scheduled", "scheduled"), (r"slated", "slated"), (r"upcoming", "upcoming"), (r"next", "next"), (r"pending", "pending"),
    (r"begins", "begins"), (r"starts", "starts"), (r"beginning", "beginning"), (r"starting", "starting"), (r"resumes", "resumes"),
    (r"reconvenes", "reconvenes"), (r"due (?:to [a-z]+|out|back|on|in)", "due"), (r"expected to", "expected"),
    (r"plans? to", "plan plans"), (r"planned", "planned"), (r"deadline", "deadline"),
    (r"(?<!the )(?<!a )(?<!on )set (?:(?:a|an|the|his|her|its|their) )?[a-z]+ for", "set"),
    (r"(?:postponed|delayed|pushed back|rescheduled|moved|adjourned) (?:\w+ ){0,2}?(?:to|until|till)",
     "postponed delayed pushed rescheduled moved adjourned"),
)
FUTURE = re.compile(r"\b(?:" + "|".join(pattern for pattern, _ in FUTURE_PHRASES) + r")\b", re.IGNORECASE)
INSTRUCTION_VERBS = ("told", "ordered", "asked", "instructed", "directed", "summoned")
# "told jurors to return at 9 a.m. Friday": what someone is told to do may come after the telling, or be told after it
INSTRUCTION = r"\b(?:" + "|".join(INSTRUCTION_VERBS) + r")\b[^,.;:]{0,40}?\bto\s+[a-z]+\b"
FUTURE_GATE = frozenset(word for _, gate in FUTURE_PHRASES for word in gate.split()) | frozenset(INSTRUCTION_VERBS)

# Month names as articles write them, in the order of the date patterns' alternation (a full name before its
# abbreviation, "Sept" before "Sep"): MONTH is that alternation, MONTH_WORDS its gate (as written: "March",
# "Sept") and MONTH_NUMBERS each one's number (by the word in lower case).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
               "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
MONTH_WORDS = frozenset(MONTH_NAMES)
MONTH_NUMBERS = {name.lower(): next(k for k, full in enumerate(MONTH_NAMES[:12], 1) if full.startswith(name)) for name in MONTH_NAMES}
# Months that are also given names ("In May Ellison's view", "for June Carter"): before a capitalised word, a name.
MONTH_GIVEN_NAMES = frozenset(("May", "June", "April", "August"))
# Determiners before a month that make it date the noun after it ("a March episode", "her May interview"), in the
# order of the month pattern's alternation.
MONTH_MODIFIERS = ("a", "an", "his", "her", "its", "their")

# Weekdays, Monday first, in the order of the weekday pattern's alternation: WEEKDAY_WORDS is its gate,
# WEEKDAY_NUMBERS each one's number (Monday 0, as datetime counts them).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_WORDS = frozenset(WEEKDAY_NAMES)
WEEKDAY_NUMBERS = {name.lower(): k for k, name in enumerate(WEEKDAY_NAMES)}

# Days and periods counted from the publication day ("yesterday", "this morning", "last week", "this summer"): the
# words of RELATIVE_DAY, the pattern, and RELATIVE_DAY_GATE, its gate, one table each.
RELATIVE_DAYS = ("yesterday", "today", "tonight")  # alone; and "last night"
DAY_PARTS = ("morning", "afternoon", "evening")  # after "this"
PERIODS = ("week", "month", "year")  # after "last", "earlier this", "this", "next"
SEASONS = ("summer", "fall", "autumn", "spring", "winter")  # after "last", "this"
RELATIVE_DAY = re.compile(
    rf"\b(?P<w>{'|'.join(RELATIVE_DAYS)}|last night|this (?:{'|'.join(DAY_PARTS)})|last (?:{'|'.join(PERIODS)})|earlier this (?:{'|'.join(PERIODS)})"
    rf"|this (?:{'|'.join(PERIODS)})|next (?:{'|'.join(PERIODS)})|(?:last|this) (?:{'|'.join(SEASONS)}))\b", re.IGNORECASE)
RELATIVE_DAY_GATE = frozenset((*RELATIVE_DAYS, "night", *DAY_PARTS, *PERIODS, *SEASONS))
# The last month of each season: "last fall" is last year's while this year's has not ended.
SEASON_END = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11}

# "three days later", "a month after", "the week before": the count (a number's word; "a", "an", "the" count one)
# and the unit (with its length) of a relative span; SPAN_NUMBER and SPAN_UNIT are the pattern's alternations,
# SPAN_UNIT_GATE its gate. "zero" counts nothing: it is no span's number.
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
SPAN_ARTICLES = ("a", "an", "the")
SPAN_NUMBER = "|".join((*SPAN_ARTICLES, *(w for w in NUMBER_WORDS if w != "zero")))
SPAN_UNITS = {"day": ("day", 1), "week": ("day", 7), "month": ("month", 1), "year": ("year", 1)}
SPAN_UNIT = "|".join(f"{unit}s?" for unit in SPAN_UNITS)
SPAN_UNIT_GATE = frozenset(form for unit in SPAN_UNITS for form in (unit, unit + "s"))
# How a span moves from its anchor: +1 forward, -1 back; "into", "since", "out from" are not resolved.
SPAN_DIRECTION = {"later": 1, "after": 1, "earlier": -1, "before": -1, "prior to": -1, "ahead of": -1}
# Qualifiers that keep a span exact ("just three days later"; None: no qualifier); "nearly six months" is not six
# months.
EXACT_QUALIFIERS = frozenset({None, "just", "only"})

# "that summer", "the next month" (ANCHORED): the unit each counts in; the rest count in days.
ANCHORED_UNIT = {"year": "year", "summer": "year", "fall": "year", "autumn": "year", "spring": "year", "month": "month"}

# Whether a date's clause looks ahead, read from the verb before the date: the words skipped on the way back to the
# verb ("said on Tuesday"), past verbs that report what was, and the auxiliaries before one that keep it from doing
# so ("will be held", "to be sentenced").
SKIP_BEFORE_DATE = frozenset("on in by at last this early late".split())
PAST_VERBS = frozenset("said told wrote met began spoke went came made took gave held left sent won lost".split())
AUXILIARIES = frozenset("be been being to will would".split())
