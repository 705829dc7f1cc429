"""Place words: heads, prefixes and well-known places, so that a place is not taken for a person.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

PLACE_HEADS = _words(
    """County City Town Village Ranch Street St Avenue Ave Road Rd Boulevard Park Island Islands Valley Beach
    River Mountain Mountains Hills Hill Center Centre Airport Station Square Hall Building Courthouse Prison Jail
    Hotel Creek Lake Bay Coast Canyon Mesa Heights Springs Falls Harbor Harbour Port Plaza Mall Stadium Arena
    Tower Towers Bridge Highway Freeway Lane Drive Way Parish Borough District Province Region State Territory
    Medical Campus Memorial Point Cove Gardens Terrace Junction Peninsula Estates Isle Isles Pier Wharf Quay Marina
    Reservoir Canal Bluff Bluffs Cliffs""")

# Place heads that are also common surnames ("Dana Hill", "Omar Hall"): a person's name when the sentence marks
# a person (names.py).
SURNAME_PLACE_HEADS = _words("Hill Hills Hall Park Lane Bay")

PLACE_PREFIXES = _words("""New Los Las San Santa St St. Saint Fort Lake Mount Mt. Port East West North South Upper Lower El La Palm Palo
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

# Country prefixes that belong to an agency's full name ("the U.S. Securities and Exchange Commission").
COUNTRY_PREFIXES = ("U.S.", "U.K.")
