"""Date words: fixed-date holidays, bounds ("no later than"), and days counted from another date ("that summer").

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
