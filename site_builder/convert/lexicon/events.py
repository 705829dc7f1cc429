"""Event words: the verbs that tell an act, and the words that make a dated sentence no event.

A sentence with a date tells an event unless the date belongs to a statement ("said on Monday"), an
expectation ("is expected this spring"), a hedge ("would have settled if"), a negated clause ("did not
respond on Tuesday") or a price or level ("was trading at 41 cents on Thursday"). Each pattern is built here
from its word lists, and so is its cheap gate, so that the two never drift apart.
"""

from __future__ import annotations

import re

from ._data import words

# Verbs that tell an act done ("a judge dismissed the charge"); a sentence without one makes no undated event.
EVENT_VERBS = words(
    """filed dismissed charged indicted arrested convicted acquitted sentenced sued settled ruled denied granted
    released premiered aired debuted died killed shot fired wounded struck resigned appointed elected pleaded
    appealed announced signed approved launched opened closed raided seized ordered withdrew dropped
    reopened rejected overturned upheld jailed fined impeached testified pled subpoenaed searched barred
    suspended fired ousted awarded""")

# Hedges: "would have settled if …", "allegedly fired": not an act the article reports done.
HEDGE_WORDS = ("if", "would", "could", "may", "might", "should", "whether", "unless", "allegedly", "reportedly")
HEDGE = re.compile(rf"\b(?:{'|'.join(HEDGE_WORDS)})\b", re.IGNORECASE)

# Negation in the clause holding a date or event verb; "pleaded not guilty", "not only", "no later than" are not
# negations: a negation word followed by one of NOT_NEGATING_AFTER does not count.
NEGATION_WORDS = ("not", "never", "no", "neither", "nor", "unable")  # "were unable to agree": as "could not"
NOT_NEGATING_AFTER = ("guilty", "only", "just", "long", "later", "more", "less", "fewer", "contest")
NEGATION = re.compile(rf"\b(?:{'|'.join(NEGATION_WORDS)})\b(?!\.|\s+(?:{'|'.join(NOT_NEGATING_AFTER)})\b)|n['’]t\b", re.IGNORECASE)
# the gate, over " " + the lower-case text + " ": a negation word as a whole word, or a contraction
NEGATION_GATE = (*(f" {word} " for word in NEGATION_WORDS), "n't ", "n’t ")

# A price or level at a time ("was trading at 41 cents, down from $2 a week earlier"): with no event verb, a statistic.
LEVEL_VERBS = ("trading", "traded", "priced", "valued", "worth", "stood", "hovered")
LEVEL_PREPOSITIONS = ("at", "around", "near", "about", "below", "above")
LEVEL_DIRECTIONS = ("down", "up")  # "down from", "up from"
LEVEL = re.compile(rf"\b(?:{'|'.join(LEVEL_VERBS)})\s+(?:{'|'.join(LEVEL_PREPOSITIONS)})\b|\b(?:{'|'.join(LEVEL_DIRECTIONS)})\s+from\b",
                   re.IGNORECASE)
LEVEL_GATE = frozenset((*LEVEL_VERBS, *LEVEL_DIRECTIONS))

# The verb a date belongs to decides whether the sentence tells an act: "said at a news conference on Monday",
# "declined to comment on Monday" date a statement, "a decision is expected this spring" an expectation.
STATEMENT_VERBS = words("said says told tells stated wrote writes explained noted comment commented comments remarked")
EXPECT_VERBS = words("expected expects expect anticipated")  # not "expected to begin": that begins
HOPE_VERBS = words("hope hopes hoped hoping")
# "put the best face on it in a blog post on Tuesday": the date of a statement's medium is the statement's
MEDIUM_NOUNS = ("statement", "post", "interview", "email", "e-mail", "conference", "briefing", "podcast", "tweet", "video", "letter")
MEDIUM = re.compile(rf"\bin\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(MEDIUM_NOUNS)})\s+(?:on\s+)?$",
                    re.IGNORECASE)
# The gate is over a sentence's runs of letters, so "e-mail" cannot be in it: a sentence whose only cue is
# "in an e-mail on Tuesday" is not asked (kept as it was; to reconsider in a quality change).
STATEMENT_GATE = STATEMENT_VERBS | EXPECT_VERBS | HOPE_VERBS | frozenset(noun for noun in MEDIUM_NOUNS if noun.isalpha())
# Words that show another verb (or a new subject) stands between the date and a statement verb.
OTHER_VERBS = words("""was were is are be been being has have had will would can could did does do he she they it we i
    put took gave made held went came met began left sent won lost paid sold bought ran set got brought kept""")
TIME_OF_DAY = words("morning afternoon evening night")
# Words a title does not end on, and that do not open a clause's own subject.
DETERMINERS = words("the a an of in on for over to with by his her their its this that these those from at into")
AUXILIARIES = words("was were is are has have had")  # a clause opening with one lacks its subject
SUBJECT_PRONOUNS = words("he she they it we i")  # a clause opening with one has its subject: "after he took the stand"
TIME_PREPOSITIONS = words("in on since by until till through during from of at before after early late mid")

# What a happening is, for telling whether two reports are of one happening: each kind of act and the word
# beginnings (or phrases) that name it, as a verb or a noun ("convicted", "the conviction", "found guilty").
ACTIONS: dict[str, tuple[str, ...]] = {
    "verdict": ("convict", "verdict", "acquit", "found guilty", "found not guilty", "jury sided", "jury found"),
    "mistrial": ("mistrial", "deadlock", "hung jury"),
    "sentencing": ("sentenc",),
    "plea": ("pleaded", "pleads", "pled ", "plea "),
    "charge": ("charged", "charges", "charging", "indict", "accused", "accuses"),
    "lawsuit": ("sued", "sues", "lawsuit", "filed suit"),
    "settlement": ("settle",),
    "death": ("death", "died", "dies", "killed", "killing", "murder", "homicide", "shooting", "shot ", "slain", "slaying",
              "fatal", "found dead", "found unresponsive"),
    "arrest": ("arrest",),
    "testimony": ("testif", "took the stand", "takes the stand"),
    "statement": ("statement",),
    "appeal": ("appeal",),
    "bankruptcy": ("bankrupt",),
    "dismissal": ("dismiss",),
    "arraignment": ("arraign",),
    "resignation": ("resign", "stepped down", "steps down"),
    "appointment": ("appoint", "took over", "takes over", "hired"),
}
# A killing named as what someone is charged with or convicted of ("charged with murder", "guilty of the murders")
# is that charge's or verdict's object, not a report of the killing itself.
ACTION_OBJECT = re.compile(r"\b(?:of|with|for)\s+(?:(?:the|a|an|his|her|their|two|double|first-degree|second-degree)\s+){0,2}$")
# An act named after one of these is the background of the act told ("his first comment since the verdict").
ACTION_BACKGROUND = re.compile(r"\b(?:since|after|before|following|until|ahead of)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z'-]+\s+)?$")

# The outlet's own attempts to reach someone for comment: newsroom process, no happening of the case.
PRESS_CONTACT = re.compile(r"\breached out to\b|\bheard back\b|\brequests? for comment\b|\bcomment was sought\b"
                           r"|\b(?:could not|couldn't|cannot|can't) be reached\b|\battempt(?:s|ed|ing)? to reach\b", re.IGNORECASE)

# A photo's caption or credit: it tells when a picture was taken, not what happened. Cues anywhere in the sentence
# ("In this 2014 file photo", "In this courtroom sketch", "Pictured:", "is seen here", "(Photo by …)"), and the present-tense verbs of a
# caption right after the person pictured ("Holmes, center, walks into court on Nov. 22, 2021").
CAPTION_CUE = re.compile(r"\bfile photo\b|^\W*in this (?:courtroom )?(?:sketch|image|photo|picture|still)\b"
                         r"|\bpictured\s*:|\bseen here\b|^\W*FILE\s+[-–—]|\(photo\b|\bphoto (?:by|credit|courtesy)\b"
                         r"|^\W*(?:court(?:room)?\s+)?sketch\b",
                         re.IGNORECASE)
CAPTION_VERBS = words("""walks arrives leaves speaks poses attends departs exits enters listens looks stands sits smiles
    waves gestures talks""")
CAPTION_VERB = re.compile(rf"\b(?:{'|'.join(sorted(CAPTION_VERBS))}|is seen|are seen)\b")
