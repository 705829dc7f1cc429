"""Role words: who a person is, as news reports name them ("attorney Gloria Allred"), and the groups roles fall into.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

# Role nouns that may stand right before or after a name ("attorney Gloria Allred").
ROLE_WORDS = _words(
    """actor actress star singer rapper musician comedian host presenter model director producer cinematographer
    armorer armourer writer author screenwriter editor reporter journalist columnist photographer anchor
    attorney lawyer counsel solicitor barrister advocate paralegal prosecutor prosecutors judge justice magistrate
    juror clerk sheriff deputy detective investigator officer constable trooper agent inspector sergeant lieutenant
    captain chief commissioner superintendent coroner examiner spokesperson spokesman spokeswoman representative
    mayor councilmember councilman councilwoman councillor councilor alderman governor senator congressman congresswoman
    legislator lawmaker minister secretary president chairman chairwoman chair ceo founder executive manager
    owner developer contractor consultant lobbyist donor treasurer auditor comptroller inspector-general
    official administrator assistant aide adviser advisor staffer employee worker crew member
    wife husband son daughter mother father sister brother widow widower parent parents stepson stepdaughter
    grandson granddaughter grandmother grandfather uncle aunt nephew niece cousin fiancé fiancée partner
    mom mum dad stepmother stepfather girlfriend boyfriend friend neighbour neighbor colleague victim survivor witness
    defendant plaintiff
    suspect accused petitioner respondent professor teacher doctor nurse student pastor priest coach player
    businessman businesswoman entrepreneur billionaire mogul tycoon heir heiress insider source organizer organiser
    activist campaigner volunteer resident politician pol candidate leader head spokesperson-for chancellor""")

# Role modifiers that may precede a role noun inside the role phrase.
ROLE_MODIFIERS = _words(
    """special assistant deputy district chief senior former lead executive general state federal county city
    defense defence family personal first second third veteran longtime interim acting associate managing
    criminal civil public trial appeals appellate circuit superior supreme municipal local co-founder co
    production film movie set police fire health""")

FAMILY = _words("""wife husband son daughter mother father sister brother widow widower parent parents stepson
    stepdaughter grandson granddaughter grandmother grandfather uncle aunt nephew niece cousin fiancé fiancée
    family children kids child mom mum dad stepmother stepfather""")

LEGAL = _words("attorney attorneys lawyer lawyers counsel solicitor barrister advocate paralegal defense defence legal")

OFFICIAL = _words("""judge justice magistrate prosecutor prosecutors sheriff deputy detective investigator officer
    constable trooper agent inspector sergeant lieutenant captain commissioner superintendent coroner examiner
    mayor councilmember councilman councilwoman councillor councilor alderman governor senator congressman congresswoman
    legislator lawmaker minister secretary official officials police court clerk comptroller auditor
    district-attorney council fbi doj atf dea irs sec ftc nypd lapd agency bureau department sheriffs""")

MEDIA = _words("reporter journalist columnist editor anchor photographer network newspaper broadcaster publisher news outlet")

FEMALE = _words("""wife mother daughter sister widow actress spokeswoman chairwoman councilwoman congresswoman
    businesswoman grandmother granddaughter aunt niece fiancée girlfriend stepdaughter heiress ms ms. mrs mrs. miss
    mom mum stepmother""")

MALE = _words("""husband father son brother widower actor spokesman chairman councilman congressman businessman
    grandfather grandson uncle nephew fiancé boyfriend stepson heir mr mr. dad stepfather""")

# People an article may quote without naming ("a former colleague", "one longtime nurse", "two neighbours"): with
# no name beside them they are unnamed sources. Singular forms; plurals are made in attribution.py. Officials,
# family members and lawyers are left out: they speak for a body or a person the article usually names.
UNNAMED_ROLES = _words(
    """colleague co-worker coworker employee ex-employee staffer worker nurse doctor physician surgeon medic
    neighbour neighbor friend pal relative acquaintance associate confidant confidante classmate roommate
    resident juror witness patient customer client student teacher parent guest attendee onlooker bystander
    passenger tenant landlord member insider source tipster observer visitor volunteer contractor crewmember
    administrator executive manager supervisor aide officer operator technician engineer driver cook chef waiter
    waitress bartender cashier guard firefighter paramedic soldier farmer accountant analyst researcher scientist
    producer assistant therapist pharmacist coach player fan viewer""")

# Offices whose holders reports leave unnamed even after "the" (a jury's members are not named to the public):
# "the jury foreperson told the judge" is someone unnamed, and so is the "he" that follows.
UNNAMED_OFFICES = _words("foreperson foreman forewoman juror")

# Lower-case words that may stand before a group noun and belong to the group's name ("state prosecutors",
# "law enforcement officials"); any other lower-case word is not part of it ("the revenue numbers prosecutors say").
GROUP_MODIFIERS = _words(
    """state federal county city local municipal national regional provincial government law enforcement police
    fire health hospital school university college company corporate campaign court prison jail military army
    navy election district senior top chief defense defence legal prosecution administration agency department
    congressional parliamentary tribal border customs immigration airport transit studio network union board
    council city-hall white house us u.s.""")

# The words of a judge or a court ("Judge Lee", "the court granted", "Justice Marsh"): a deciding verb near one rules.
JUDICIAL_WORDS = ("judge", "court", "justice", "magistrate", "tribunal")

# Heads of epithets that point at an article's main figure ("the famous actor", "the reality star"); other role
# nouns ("the judge", "the embattled pol") point at the one person the article gives that role.
CELEBRITY_HEADS = _words("star actor actress singer rapper comedian host mogul billionaire tycoon heiress icon legend veteran")
# Role words that make no epithet after "the" ("the source", "the family", "the crew"): they name no one person.
NOT_EPITHET_HEADS = _words("source insider friend family parents member crew head resident worker employee player student")
# Lower-case words that may stand before an epithet's head and keep it one ("the disgraced mogul", "the film star").
EPITHET_MODIFIERS = _words("former veteran embattled disgraced famous movie film hollywood")

# After "his", "her", "their" only people one knows personally are unnamed ("his former colleague told"; "her client"
# is usually named elsewhere in the article).
PERSONAL_ROLES = _words("""colleague co-worker coworker friend pal neighbour neighbor classmate acquaintance confidant
    confidante associate roommate staffer employee source insider""")
# Group nouns that, with no body named nearby, are unnamed sources ("officials said").
VAGUE_GROUPS = _words("officials authorities")
# Words that say when one held an office, not which office ("the new CEO", "the former mayor").
TENURE_WORDS = _words("new former then current late outgoing incoming")
# Endings of descriptive adjectives, which qualify an epithet without changing its role ("the youthful executive").
ADJECTIVE_ENDINGS = ("ish", "ful", "ous", "less")

# Plural kin words that introduce two people sharing a surname: "his parents, Peter and Ilona Varga".
COUPLE_WORDS = _words("parents couple grandparents brothers sisters siblings twins sons daughters")

# Office words that name private posts as often as public ones ("chief financial officer", "school secretary").
SHARED_OFFICES = _words("""officer officers secretary official officials agent inspector examiner captain commissioner
    clerk deputy auditor comptroller minister investigator""")

# The offices of a judge ("the judge wrote", "a magistrate said"), in the order of their pattern's alternation:
# the one person the article gave that role. HOLDER_HEADS, the set, is what attribution tests words against.
HOLDER_TITLES = ("judge", "justice", "magistrate")
HOLDER_HEADS = frozenset(HOLDER_TITLES)
