"""Reporting verbs: speech, quotation tags, participles, verbs that may precede their speaker, allegation, denial, ruling and opinion verbs, and the neutral verbs that replace loaded ones.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

import re

from ._data import words as _words

SPEECH_VERBS = _words(
    """said says say told tells tell added adds stated states wrote writes write explained explains noted notes
    argued argues claimed claims alleged alleges contended contends insisted insists maintained maintains
    denied denies admitted admits confessed confesses acknowledged acknowledges announced announces declared
    declares warned warns testified testifies asked asks replied replies responded responds recalled recalls
    continued continues sneered sneers slammed slams blasted blasts fumed fumes raged rages gushed gushes
    revealed reveals confirmed confirms called calls described describes shared shares posted posts tweeted
    tweets commented comments remarked remarks suggested suggests predicted predicts vowed vows
    urged urges accused accuses read reads ruled rules found finds concluded concludes determined determines
    wrote according recounted recounts reiterated reiterates stressed stresses conceded concedes countered counters
    retorted retorts quipped quips joked jokes boasted boasts bragged brags confided confides whispered whispers
    dished dishes spilled spills raved raves ranted rants griped gripes scoffed scoffs seethed seethes hissed hisses
    sniped snipes teased teases hinted hints cooed coos blabbed blabs moaned moans complained complains lamented laments""")

# Base forms that report speech only after a verb that leads to them ("Dana Pike tried to argue that …", "went on
# to explain"); elsewhere they tell what has not been said yet ("is expected to argue").
LED_SPEECH_VERBS = _words("argue explain insist contend reiterate testify")

# Verbs that lead to a reporting verb in its base form and keep its subject ("tried to argue", "went on to explain").
CATENATIVE_VERBS = ("tried", "tries", "sought", "seeks", "wanted", "wants", "went on", "goes on", "continued", "continues", "began",
                    "begins", "attempted", "attempts", "moved", "moves", "appeared", "appears", "seemed", "seems", "rose", "rises",
                    "stood up", "took the stand")
# "tried to", "went on to" right before a reporting verb (the text is cut where the verb starts)
CATENATIVE = re.compile(r"\b(?:" + "|".join(CATENATIVE_VERBS) + r")\s+to\s*$")

# A be-auxiliary right before a reporting verb makes it a passive ("was found guilty", "were told to leave", "is said to
# have", "had been asked"): its subject is who was found, told or talked about, never the speaker. Adverbs may stand
# between ("was only found", "wasn't told", "were later asked"). The text is cut where the verb starts.
PASSIVE_AUXILIARIES = ("am", "is", "are", "was", "were", "be", "been", "being", "isn’t", "aren’t", "wasn’t", "weren’t",
                       "isn't", "aren't", "wasn't", "weren't")
_PASSIVE_ADVERBS = ("not", "never", "also", "only", "just", "later", "then", "first", "still", "already", "all", "both",
                    "each", "since", "ever", "once", "again", "widely", "repeatedly", "reportedly", "allegedly", "previously",
                    "initially", "eventually", "ultimately", "subsequently", "unanimously", "formally", "publicly", "never")
# Reporting verbs whose passive never reports speech, even with its agent named ("was found by deputies near the barn").
FINDING_VERBS = _words("found finds")
# The agent of a passive, right after the verb ("were accused by the agency of …", "was told by police that …").
PASSIVE_AGENT = re.compile(r"\s+by\b")
PASSIVE = re.compile(r"\b(?:" + "|".join(PASSIVE_AUXILIARIES) + r")(?:\s+(?:" + "|".join(sorted(set(_PASSIVE_ADVERBS)))
                     + r"))*\s+$", re.IGNORECASE)

# Verbs that report speech only as the tag right after a quotation ('"…," McCabe detailed.'); elsewhere they mean
# something else ("a detailed report", "the crowd shouted down the motion").
QUOTE_TAG_VERBS = _words("detailed details yelled yells shouted shouts screamed screams exclaimed exclaims pleaded begged sobbed")

# Participles that report the speech of the clause's subject ("The judge cut the award, saying it was too high").
PARTICIPLE_VERBS = _words("saying adding writing")

# Reporting verbs that are also ordinary verbs of reading: "she read the jury's verdict", "he read the charges aloud"
# tell an act, not words of the reader's; they report speech only before quoted words ("read from a statement: “…”")
# or as the tag after them ('"…," the note read').
READING_VERBS = _words("read reads")

# Reporting verbs that may come before their speaker in any sentence ("…, said Smith", "according to").
INVERTIBLE_VERBS = _words("said says added adds wrote writes asked asks explained explains continued continues told tells read reads noted notes")

# Invertible verbs whose object is who hears the words ("the jury told Judge Pike", "asked to speak to the judge"):
# they come before their speaker only after a quotation or a comma ('"Why?" asked Dana Pike').
OBJECT_VERBS = _words("told tells asked asks")

ALLEGE_VERBS = _words("alleged alleges allege accused accuses accuse claimed claims claim contended contends contend argued argues argue charged charges sued sues suggests suggested")

DENY_VERBS = _words("denied denies deny insisted insists insist maintained maintains maintain rejected rejects reject disputed disputes dispute refuted refutes")

# What a judge or court does when deciding: a ruling when the subject is a judge or a court (see attribution.kind_for).
# "decided" but not "decides": "before Judge X decides whether …" is a decision still to come.
RULING_VERBS = _words("""ruled rules decided found finds concluded concludes determined determines ordered orders granted grants dismissed
    dismisses sentenced sentences denied denies rejected rejects refused refuses upheld upholds overturned overturns vacated
    vacates reversed reverses affirmed affirms approved approves tossed tosses barred bars blocked blocks
    struck strikes suppressed suppresses excluded excludes allowed allows""")

OPINION_VERBS = _words("sneered sneers believes believe believed thinks think thought feels feel felt slammed slams blasted blasts fumed mocked mocks")

# Reporting verbs a neutral voice may use instead of loaded ones.
NEUTRAL_VERBS = {
    "slammed": "criticised", "slams": "criticises", "blasted": "criticised", "blasts": "criticises",
    "sneered": "said", "sneers": "says", "fumed": "said", "fumes": "says", "raged": "said", "gushed": "said",
    "confessed": "said", "confesses": "says", "admitted": "said", "admits": "says", "insists": "says",
    "insisted": "said", "claimed": "said", "claims": "says", "blubbed": "cried", "snapped": "said",
    "ranted": "said", "hit back": "responded", "lashed out": "responded", "branded": "called",
    "dished": "said", "dishes": "says", "spilled": "said", "spills": "says", "gushes": "says", "rages": "says",
    "seethed": "said", "raved": "said", "sniped": "said", "blabbed": "said", "cooed": "said", "scoffed": "said",
    "bragged": "said", "boasted": "said",
}

# The words a reporting verb can be, lower case (the gate and the list of Segmented.reporting_verbs): speech verbs and
# "according", ruling verbs (reporting verbs only for a judge or court), participles, quotation tags, led base forms.
SPEECH_WORDS = frozenset(w.lower() for w in SPEECH_VERBS | {"according"})
RULING_ONLY = frozenset(RULING_VERBS - SPEECH_WORDS)  # "dismissed", "granted": reporting verbs only for a judge or court
REPORTING_WORDS = SPEECH_WORDS | RULING_ONLY | PARTICIPLE_VERBS | QUOTE_TAG_VERBS | LED_SPEECH_VERBS

# Verbs that end a role written after a name ("Dana Pike, manager of the billing office, said"; "Pike, 43, of
# Harborview, is accused"), in the order of the appositive patterns' alternation: the role stops before them.
APPOSITIVE_END_VERBS = ("said", "says", "told", "was", "is", "has", "had")
APPOSITIVE_END = "(?:" + "|".join(APPOSITIVE_END_VERBS) + ")"
