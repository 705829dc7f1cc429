"""Titles and honorifics: capitalised words that introduce a name and belong to the role, not the name.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

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

# Generational suffixes that end a person's name ("Martin Luther King Jr.", "John J. Ray III"): part of the name,
# but never its surname.
GENERATIONAL_SUFFIXES = _words("Jr Jr. Sr Sr. II III IV")

# Title words that name a court or a jurisdiction, never the last word of a person's name.
INSTITUTION_ENDS = _words("Circuit Court Courts District County City State Superior Supreme Federal Judicial Appeals")
# Titles that only ever stand before a person's name ("Judge", "Mr.", "Detective"): after one, the next words are a
# name even when the first could begin a place's ("Judge Beverly Tamsin"). Not the words of offices and courts.
PERSON_TITLES = TITLES - INSTITUTION_ENDS - _words(
    "Special Assistant General First Second Third Fourth Fifth Former Acting Interim Defense Defence Star")

# Abbreviated titles as roles ("Det. Rachel Moss" gives the role "Det."): the role word each stands for.
TITLE_ABBREVIATIONS = {"det": "detective", "sgt": "sergeant", "lt": "lieutenant", "capt": "captain", "gov": "governor",
                       "sen": "senator", "rep": "representative", "atty": "attorney", "insp": "inspector",
                       "supt": "superintendent", "cmdr": "commander", "cpl": "corporal", "ofc": "officer"}
