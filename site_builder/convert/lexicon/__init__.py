"""The converter's vocabulary: general English news words, as data, one module per resource.

Nothing here is about any one case: these are the words any court or crime report uses. Case words (topics,
loaded words, names) come from ``case.yaml`` and ``people.yaml``. A pattern that needs words is built from the
list here, and so is its cheap gate ("a sentence without one of these words cannot match"), so that the two
never drift apart.

- :mod:`.roles` — role nouns and modifiers, the groups roles fall into, genders, unnamed-source roles, offices whose
  holders reports leave unnamed ("the jury foreperson"), the words of judges and courts
- :mod:`.titles` — titles and honorifics before a name, abbreviated titles, the title words of courts
- :mod:`.organisations` — organisation and company heads, acronyms that name none, capitalised words of
  institutions, the words of bodies and of companies
- :mod:`.name_particles` — the lower-case words inside a name ("de la Vega", "Bank of the West")
- :mod:`.function_words` — determiners, prepositions, conjunctions and the other closed classes stages stop at
- :mod:`.media` — the words of news outlets' names (three lists in use, side by side)
- :mod:`.places` — place heads, prefixes and places
- :mod:`.not_names` — capitalised words that are not names
- :mod:`.verbs` — reporting verbs (speech, allegation, denial, ruling, opinion, base forms a verb leads to) and
  neutral replacements
- :mod:`.events` — event verbs, and the words that make a dated sentence no event (hedges, negation,
  statements, expectations, levels)
- :mod:`.anonymous` — the words of unnamed sources ("an insider", "people familiar with")
- :mod:`.tabloid` — the cues of a tabloid report and of an outlet naming itself
- :mod:`site_builder.articles.datewords` (beside the date patterns, since reading an article needs them) — month and
  weekday names, days counted from publication ("last week"), the words of relative spans ("three days later"),
  fixed-date holidays, bounds ("no later than"), periods counted from another date ("that summer"),
  the words that make a date look ahead ("will resume on Monday", "told jurors to return Friday")
- :mod:`.works` — the cues of a work's title ("the film …") and the nouns a product's name stands before ("… account")
- :mod:`.documents` — documents that speak in a report ("the lawsuit alleges")
- :mod:`.furniture` — leading connectives, kickers and wire agencies the site's own voice leaves out
"""

from __future__ import annotations

from .not_names import HEADING_WORDS, NOT_NAMES
from .organisations import COMMON_CAPS, COURT_ABBREVIATIONS, NON_ORG_ACRONYMS, ORG_HEADS
from .places import PLACE_HEADS, PLACE_PREFIXES, PLACES, SURNAME_PLACE_HEADS
from .roles import (FAMILY, FEMALE, GROUP_MODIFIERS, LEGAL, MALE, MEDIA, OFFICIAL, ROLE_MODIFIERS, ROLE_WORDS, UNNAMED_OFFICES,
                    UNNAMED_ROLES)
from .titles import GENERATIONAL_SUFFIXES, HONORIFICS, TITLES
from .verbs import (ALLEGE_VERBS, DENY_VERBS, INVERTIBLE_VERBS, LED_SPEECH_VERBS, NEUTRAL_VERBS, OPINION_VERBS, PARTICIPLE_VERBS,
                    QUOTE_TAG_VERBS, RULING_VERBS, SPEECH_VERBS)

__all__ = ["ALLEGE_VERBS", "COMMON_CAPS", "COURT_ABBREVIATIONS", "DENY_VERBS", "FAMILY", "FEMALE", "GENERATIONAL_SUFFIXES", "GROUP_MODIFIERS", "HEADING_WORDS", "HONORIFICS",
           "INVERTIBLE_VERBS", "LED_SPEECH_VERBS", "LEGAL", "MALE", "MEDIA", "NEUTRAL_VERBS", "NON_ORG_ACRONYMS", "NOT_NAMES", "OFFICIAL", "OPINION_VERBS",
           "ORG_HEADS", "PARTICIPLE_VERBS", "PLACES", "PLACE_HEADS", "PLACE_PREFIXES", "QUOTE_TAG_VERBS", "ROLE_MODIFIERS", "ROLE_WORDS",
           "RULING_VERBS", "SPEECH_VERBS", "SURNAME_PLACE_HEADS", "TITLES", "UNNAMED_OFFICES", "UNNAMED_ROLES"]
