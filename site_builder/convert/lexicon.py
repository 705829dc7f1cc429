"""General English news vocabulary the recognisers rely on.

Nothing here is about any one case: these are the words any court or crime
report uses for roles, titles, organisations, places and speech. Case words
(topics, loaded words, names) come from ``case.yaml`` and ``people.yaml``.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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

# Capitalised words that introduce a name and belong to the role, not the name.
TITLES = _words(
    """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Rev Rev. Hon Hon. Judge Justice Magistrate Detective Det. Det
    Sheriff Deputy Officer Sgt Sgt. Sergeant Lt Lt. Lieutenant Capt Capt. Captain Chief Commissioner Inspector
    Agent Mayor Governor Gov Gov. Councilmember Council-member Senator Sen Sen. Rep Rep. Representative Councilman Councilwoman Councillor
    Councilor Alderman President Secretary Minister Attorney Prosecutor Special District Assistant General
    State County City Circuit Superior Supreme Federal Judicial Court First Second Third Fourth Fifth Wife Husband
    Son Daughter Mother Father Sister Brother Actor Actress Director Producer Star Singer Rapper Spokesperson
    Spokesman Spokeswoman Attorney-General Director-General Chairman Chairwoman CEO Founder Commander Trooper
    Defense Defence Lawyer Counsel Juror Witness Former Acting Interim Dame Sir Speaker Leader Whip Chancellor
    Foreman Forewoman Chair Chairperson Coach Officer Constable Inspector Marshal Warden Bishop Pastor Rabbi Imam""")
HONORIFICS = _words("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Rev Rev. Hon Hon. Sir Dame")

ORG_HEADS = _words(
    """Office Department Dept Court Courts Agency Bureau Police Times News Post Journal Herald Tribune Gazette
    Network Networks Inc Inc. LLC Ltd Corp Corp. Corporation Company Co. Commission Committee Council Board
    Association Institute Party Foundation Group Studios Studio Pictures Productions Media Press Service Services
    Administration Authority Ministry Senate Assembly Legislature Bank Union Club Church Agency Guild Channel
    Broadcasting Records Entertainment Partners Holdings Trust Fund Cabinet Parliament Congress Review Daily
    Magazine Radio Television TV Wire Telegraph Mail Sun Express Mirror Guardian Observer Insider Reporter
    Chronicle Examiner Enquirer Inquirer Sentinel Courier Register Globe Star-Tribune Patrol Marshals Sheriffs
    Prosecutors Attorneys University College School Academy Hospital House Senate Service Agency Command Army Navy
    Force Guard Police Reserve Commission""")
PLACE_HEADS = _words(
    """County City Town Village Ranch Street St Avenue Ave Road Rd Boulevard Park Island Islands Valley Beach
    River Mountain Mountains Hills Hill Center Centre Airport Station Square Hall Building Courthouse Prison Jail
    Hotel Creek Lake Bay Coast Canyon Mesa Heights Springs Falls Harbor Harbour Port Plaza Mall Stadium Arena
    Tower Towers Bridge Highway Freeway Lane Drive Way Parish Borough District Province Region State Territory
    Medical Campus Memorial Point Cove Gardens Terrace Junction Peninsula Estates Isle Isles Pier Wharf Quay Marina
    Reservoir Canal Bluff Bluffs Cliffs""")
PLACE_PREFIXES = _words("""New Los Las San Santa St St. Saint Fort Lake Mount Mt. Port East West North South Upper Lower El La Palm
    Beverly Long Salt Great Greater Northeast Northwest Southeast Southwest Northeastern Northwestern Southeastern
    Southwestern Upstate Downstate Central Inner Outer Mid""")
PLACES = _words(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
    Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
    Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
    Wisconsin Wyoming America Canada Mexico England Britain Scotland Wales Ireland France Germany Italy Spain
    Portugal Russia Ukraine China Japan India Australia Brazil Israel Europe Africa Asia London Paris Berlin
    Chicago Boston Houston Dallas Atlanta Miami Seattle Denver Phoenix Albuquerque Hollywood Manhattan Brooklyn
    Queens Bronx Philadelphia Detroit Baltimore Portland Sacramento Austin Nashville Memphis Cleveland Pittsburgh
    Minneapolis Toronto Vancouver Montreal Sydney Melbourne Dublin Moscow Kyiv Kiev Beijing Tokyo Delhi Mumbai
    Hamptons Malibu Brooklyn Harlem Oakland Tucson Reno Omaha Tulsa Albany Trenton Newark Springfield Columbus
    Cincinnati Indianapolis Milwaukee Charlotte Raleigh Richmond Orlando Tampa Jacksonville Honolulu Anchorage
    Westminster Whitehall Hampton Hamptons Amsterdam Brussels Rome Madrid Lisbon Vienna Geneva Zurich""")
# Acronyms that name no organisation.
NON_ORG_ACRONYMS = _words("""ET EST EDT PT PST PDT CT CST GMT BST UTC AM PM US USA UK EU TV CEO CFO COO DNA ID OK OCD PTSD
    ADHD COVID LGBTQ AI GPS CCTV FAQ PDF USB DIY VIP RIP MP MPs DUI DWI OMG LOL UN NYC LA DC SUV IV ICU ER""")
# Capitalised words that start sentences or headings and are not names.
NOT_NAMES = _words(
    """The A An In On At After Before When While If As But And Or So Yet Still Also Then Thus Therefore However
    Meanwhile Additionally Moreover Furthermore Although Though Because Since Until Unless Once During Despite
    According Under Over Through From To For With Without Within Among Between Into About Against Per Via This
    That These Those There Here His Her Their Its Our Your My We They He She It I You One Two Three Four Five
    Six Seven Eight Nine Ten Some Many Most All Both Each Every Several Few Other Another Such No Not Nor
    What Who Whom Whose Which Where Why How Why Yes Sometimes Suddenly Later Earlier Now Today Yesterday Tomorrow
    Last Next Just Only Even Instead Indeed Nearly Almost Cameras Filming Through Thank Thanks Everyone Nobody
    Obviously Honestly Using Like Unlike Amid Following Asked Speaking Reporting Prosecutors Police Officials
    Authorities Investigators Jurors Lawyers Attorneys Sources Insiders Critics Fans Viewers Experts Residents
    Breaking Exclusive Update Watch Read Photo Video Opinion Analysis Editor Editors Note Copyright Key Points
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec God Christmas Easter
    Western Republican Republicans Democrat Democrats Democratic Christian Muslim Jewish Catholic English Spanish
    American Americans British French German Mexican Russian Chinese Hollywood Oscar Oscars Emmy Emmys Grammy
    Internet Twitter Facebook Instagram TikTok YouTube Netflix Google Amazon Apple Max Hulu Zoom X
    Whether Neither Either Whereas Wherever Whenever Whatever Whoever Whichever Lest Upon Toward Towards Across
    Along Around Behind Beyond Besides Throughout Except Regardless Notwithstanding Otherwise Nonetheless
    Nevertheless Likewise Similarly Accordingly Consequently Ultimately Eventually Finally Initially Originally
    Currently Recently Previously Already Perhaps Maybe Certainly Clearly Apparently Reportedly Allegedly Notably
    Specifically Separately Any None Nothing Everything Something Anyone Someone Everybody Somebody Anybody
    Never Much Less Least Fewer Half Numerous Dozens Hundreds Thousands Millions Is Are Was Were Did Does
    Do Has Have Had Could Would Should Must Might Shall Let Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth""")
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
# Verbs that report speech only as the tag right after a quotation ('"…," McCabe detailed.'); elsewhere they mean
# something else ("a detailed report", "the crowd shouted down the motion").
QUOTE_TAG_VERBS = _words("detailed details yelled yells shouted shouts screamed screams exclaimed exclaims pleaded begged sobbed")
# Participles that report the speech of the clause's subject ("The judge cut the award, saying it was too high").
PARTICIPLE_VERBS = _words("saying adding writing")
# Reporting verbs that may come before their speaker in any sentence ("…, said Smith", "according to").
INVERTIBLE_VERBS = _words("said says added adds wrote writes asked asks explained explains continued continues told tells read reads noted notes")
ALLEGE_VERBS = _words("alleged alleges allege accused accuses accuse claimed claims claim contended contends contend argued argues argue charged charges sued sues suggests suggested")
DENY_VERBS = _words("denied denies deny insisted insists insist maintained maintains maintain rejected rejects reject disputed disputes dispute refuted refutes")
# What a judge or court does when deciding: a ruling when the subject is a judge or a court (see attribution.kind_for).
RULING_VERBS = _words("""ruled rules found finds concluded concludes determined determines ordered orders granted grants dismissed
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
# Lower-case words that may stand before a group noun and belong to the group's name ("state prosecutors",
# "law enforcement officials"); any other lower-case word is not part of it ("the revenue numbers prosecutors say").
GROUP_MODIFIERS = _words(
    """state federal county city local municipal national regional provincial government law enforcement police
    fire health hospital school university college company corporate campaign court prison jail military army
    navy election district senior top chief defense defence legal prosecution administration agency department
    congressional parliamentary tribal border customs immigration airport transit studio network union board
    council city-hall white house us u.s.""")

# Capitalised words that, without a role, title or speech verb beside them, make a run an institution or
# a thing rather than a person ("White House", "Supreme Court", "Social Security", "Wall Street").
COMMON_CAPS = _words(
    """White House Supreme Justice Department State Federal National United American International Service Security
    Social Secret Valley Hill Capitol Street Wall Grand Jury General Special Counsel High School Park River Bridge
    Republican Democratic Party Labor Labour Conservative Liberal Green Union Office Public Prosecution Crown
    Homeland Internal Revenue Treasury Defense Pentagon Congress Parliament Senate Assembly Council Cabinet
    Ministry Foreign Home Prime Minister Royal Central Intelligence Bureau Investigation Federal Reserve Bank
    Trust Fund Global World Europe European Middle East West North South Northern Southern Eastern Western
    County City Town Village Police Fire Emergency Health Medical Hospital University College Institute Center
    Centre Museum Library Church Cathedral Temple Mosque Court Courthouse Hall Tower Square Airport Station
    Covid Coronavirus Pandemic Omicron Christmas Thanksgiving Easter Halloween Olympic Olympics Super Bowl
    Oscar Oscars Emmy Emmys Grammy Golden Globe Globes Academy Award Awards Best Actor Actress Picture Film
    Festival Season Episode Series Chapter Part Act Bill Law Code Rule Amendment Constitution Article Section
    Division Unit Task Force Team Group Committee Board Panel Network Channel Studio Studios Records Media
    Breaking Live Update Exclusive Watch Read More Related Latest Top Stories Opinion Analysis Editorial""")

# Court abbreviations of case captions ("State v. Doe, No. 22CR1 (Pell Cnty. Cir. Ct.)"): capitalised, they
# neither end a sentence nor finish a person's name.
COURT_ABBREVIATIONS = frozenset("Cnty Cty Ct Cts Cir Dist Twp Bd Dept Div Sup Super Mun Juv Prob Fam Crim Civ Bankr App".split())
