"""Unnamed sources and the groups that speak as one: the words, and the patterns built from them.

"An insider told the paper", "a source close to the couple", "people familiar with the matter", "an official
who spoke on condition of anonymity" are unnamed sources; "prosecutors said", "the sheriff's office said" are
groups. Each pattern is built here from its word lists, and so is its cheap gate (the words a text must hold
for the pattern to have a chance), so that a word added to a list is found by both.
"""

from __future__ import annotations

import re

# Nouns for an unnamed source after a determiner or a name ("an insider", "a longtime pal", "Radar's source");
# singular, in the order tried; the plural is matched too.
SOURCE_NOUNS = ("insider", "source", "tipster", "confidant", "pal")
# Nouns that make an unnamed source even alone ("insiders say").
LONE_SOURCE_NOUNS = ("insider",)
# Phrases after a determiner for someone described by closeness ("a friend of Baldwin", "people close").
CLOSE_PHRASES = (r"friends? of \w+", "person familiar", "people familiar", "people close", "person close")
# The other words an unnamed-source phrase needs: "with knowledge of", "briefed on", "spoke on condition of
# anonymity", "asked not to be named / identified", "not authorised to speak".
SOURCE_PHRASE_WORDS = ("friend", "familiar", "close", "knowledge", "briefed", "anonymity", "named", "identified", "authori")

ANONYMOUS_GATE = (*SOURCE_NOUNS, *SOURCE_PHRASE_WORDS)  # a text holding none of these cannot match ANONYMOUS_SOURCE

ANONYMOUS_SOURCE = re.compile(
    r"\b(?:an?|one|our|the|another|this|that|[A-Z][\w.]*)\s+(?:(?!said|told)[\w-]+\s+){0,2}?(?:"
    + "|".join(f"{noun}s?" for noun in SOURCE_NOUNS) + "|" + "|".join(CLOSE_PHRASES) + r")\b"
    r"|\bsources? (?:close to|familiar with|said|say|told)\b|" + "|".join(rf"\b{noun}s?\b" for noun in LONE_SOURCE_NOUNS) +
    r"|\b(?:people|persons?|officials?|sources?) (?:with (?:direct )?knowledge(?: of [\w\s'’]{0,40}?)?|briefed on [\w\s'’]{0,40}?"
    r"|who (?:spoke on (?:the )?condition of anonymity|(?:asked|requested) (?:not to be (?:named|identified)|anonymity)"
    r"|(?:was|were|is|are) not authori[sz]ed to (?:speak|comment)(?: publicly)?(?: on [\w\s'’]{0,30}?)?))(?=\W|$)",
    re.IGNORECASE,
)

# Group nouns that speak as one ("prosecutors said", "the sheriff's office said"), in the order tried; an
# apostrophe stands for either apostrophe.
GROUP_HEADS = ("prosecutors", "prosecution", "police", "officials", "investigators", "authorities", "detectives", "sheriff's office",
               "district attorney's office", "attorney's office", "state", "court", "defense", "defence", "legal team", "lawyers",
               "attorneys", "family", "jurors", "jury", "network", "studio", "company", "office", "department", "agency",
               "representatives", "spokespeople")
GROUP_GATE = tuple(dict.fromkeys(head.split()[-1] for head in GROUP_HEADS))  # a group phrase ends with one of these words
# Group heads for people who act for someone ("Dana Pike's representatives", "her legal team", "defense attorneys"):
# they name no one, so they are unnamed sources, described as the article describes them.
AGENT_GROUPS = frozenset({"legal team", "lawyers", "attorneys", "representatives", "spokespeople", "defense", "defence"})
# Group heads that stand for a body ("prosecutors said"): the body when the article names exactly one of its kind,
# else an unnamed source described by the words ("prosecutors", "state police").
UNNAMED_BODIES = frozenset({"prosecutors", "prosecution", "police", "detectives", "investigators", "officials", "authorities"})

GROUP = re.compile(
    r"(?:\b[Tt]he\s+|\b)(?P<np>(?:[A-Za-z’'.-]+\s+){0,3}?(?P<head>(?i:"
    + "|".join(head.replace("'", "[’']") for head in GROUP_HEADS) + ")))$"
)
