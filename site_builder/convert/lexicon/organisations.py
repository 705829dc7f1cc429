"""Organisation words: the heads that make a capitalised run an organisation, acronyms that name none, capitalised words of institutions and things, court abbreviations.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

# Heads of news outlets' names: a capitalised run ending in one is an organisation (see .media for the outlet lists).
ORG_MEDIA_HEADS = _words(
    """Times News Post Journal Herald Tribune Gazette Network Networks Media Press Channel Broadcasting Review Daily
    Magazine Radio Television TV Wire Telegraph Mail Sun Express Mirror Guardian Observer Insider Reporter
    Chronicle Examiner Enquirer Inquirer Sentinel Courier Register Globe Star-Tribune""")
# Heads of other organisations' names: offices, courts, companies, bodies, institutions.
ORG_BODY_HEADS = _words(
    """Office Department Dept Court Courts Agency Bureau Police Inc Inc. LLC Ltd Corp Corp. Corporation Company Co.
    Commission Committee Council Board Association Institute Party Foundation Group Studios Studio Pictures
    Productions Service Services Administration Authority Ministry Senate Assembly Legislature Bank Union Club
    Church Guild Records Entertainment Partners Holdings Trust Fund Cabinet Parliament Congress Patrol Marshals
    Sheriffs Prosecutors Attorneys University College School Academy Hospital House Command Army Navy Force Guard
    Reserve""")
ORG_HEADS = ORG_BODY_HEADS | ORG_MEDIA_HEADS

# Acronyms that name no organisation.
NON_ORG_ACRONYMS = _words("""ET EST EDT PT PST PDT CT CST GMT BST UTC AM PM US USA UK EU TV CEO CFO COO DNA ID OK OCD PTSD
    ADHD COVID LGBTQ AI GPS CCTV FAQ PDF USB DIY VIP RIP MP MPs DUI DWI OMG LOL UN NYC LA DC SUV IV ICU ER""")

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

# Last words that make a capitalised run a business ("Varnum Housewares", "Orla Foods"), beside ORG_HEADS (for runs
# of two words or more: "Retail sales fell" is no company). Plural or trade words only, no common surname ("Banks",
# "Mills", "Wells" are left out).
COMPANY_HEADS = _words(
    """Housewares Hospitality Foods Brands Industries Enterprises Ventures Capital Labs Laboratories
    Systems Technologies Pharmaceuticals Pharma Therapeutics Biosciences Logistics Solutions Consulting Apparel Cosmetics
    Beverages Insurance Realty Properties Construction Manufacturing Publishing Software Electronics Outfitters Brewing
    Brewery Distillery Winery Vineyards Bakery Restaurants Hotels Resorts Cookware Appliances Furnishings Textiles
    Telecom Communications Airlines Airways Aviation Shipping Freight Motors Automotive Stores Supermarkets Retail
    Investments Advisors Advisers Associates Worldwide Incorporated Limited LLP PLC GmbH Research""")
# Last words of a company's name whose first words alone are a short form of it ("Kestrel Point Capital" → "Kestrel
# Point"); not the words of bodies often named after a person (Foundation, Institute, Center).
COMPANY_ENDS = COMPANY_HEADS | _words("Inc Inc. LLC Ltd Corp Corp. Co. Company Corporation Group Partners Holdings Studios")

# Bodies named for an office holder: "the District Attorney's Office", "the Sheriff's Department" (beside titles
# and role words, which own offices too).
OFFICE_OWNERS = _words("Defender Defenders Examiner Coroner Marshal Marshals Controller Recorder Assessor Treasurer "
                       "Auditor Clerk Children Women Veterans Workers People")
# Words of a private employer in a role ("the company's secretary", "a hospital inspector"): with one of them, a
# shared office word (roles.SHARED_OFFICES) names no public office.
PRIVATE_EMPLOYERS = _words("""company corporate corporation firm business private hospital clinic bank school church store
    inc llc corp nonprofit charity union""")

# Nouns that call a capitalised run a company ("Orrin Pask, the company, said", "his firm, Orrin Pask"), in the
# order of their pattern's alternation; COMPANY_CUES, the gate of the patterns that use them, adds the words of
# shares ("Orrin Pask's shares fell", "shares of Orrin Pask").
COMPANY_NOUNS = ("company", "firm", "chain", "brand", "retailer", "business", "corporation", "maker", "manufacturer")
COMPANY_NOUN = "(?:" + "|".join(COMPANY_NOUNS) + ")"
COMPANY_CUES = frozenset(("shares", "stock", *COMPANY_NOUNS))
# Legal suffixes that make the run before them a company ("Orrin Pask LLC"), for a pattern and its gate.
LEGAL_SUFFIXES = ("Inc", "LLC", "Ltd", "Corp", "Co", "PLC", "LLP")

# Head words that name the same kind of body ("the Sheriff's Office" / "the Sheriff's Department"): the form
# compared.
OFFICE_HEAD_FORMS = {"Department": "Office", "Dept": "Office", "Dept.": "Office"}

# Head words of a body's name ("Kessler County District Attorney's Office", "Alder Falls Police Department",
# "Oregon Department of Justice"), in the order of their pattern's alternation. BODY_HEADS, the pattern's gate, adds
# words a body's name holds elsewhere ("Prosecutor's Office", "Sheriff's Office", "Department of Justice").
BODY_NAME_HEADS = ("Office", "Department", "Court", "Bureau", "Agency", "Police", "Ministry", "Commission", "Authority",
                   "Constabulary", "Patrol", "Service")
BODY_HEADS = (*BODY_NAME_HEADS, "Prosecut", "Sheriff", "Justice")
# Group nouns and the words of the bodies they stand for ("prosecutors said" → "the Kessler County District
# Attorney's Office", named nearby): a body's name holding one of these words.
BODY_CUES: dict[str, tuple[str, ...]] = {
    "prosecutors": ("Attorney", "Prosecut", "Justice"), "prosecution": ("Attorney", "Prosecut", "Justice"),
    "police": ("Police", "Sheriff", "Constabulary", "Patrol"), "detectives": ("Police", "Sheriff", "Investigation"),
    "investigators": ("Police", "Sheriff", "Investigation", "Attorney"), "court": ("Court",), "office": ("Office",),
    "department": ("Department",), "agency": ("Agency",), "sheriff's office": ("Sheriff",), "sheriff’s office": ("Sheriff",),
    "officials": ("Office", "Department", "Agency", "Police", "Sheriff", "Ministry", "Bureau", "Commission", "Authority"),
}
BODY_CUES["authorities"] = BODY_CUES["officials"]
