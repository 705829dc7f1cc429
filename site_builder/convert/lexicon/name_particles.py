"""Name particles: the lower-case words inside a person's or a body's name ("Inés de la Vega", "Ludwig van Beethoven",
"Bank of the West").

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

# Lower-case particles of a surname: "de la Vega said" is one name.
PARTICLES = _words("de del della der di da du la le van von ten ter bin al el dos das")
# Words that may join two capitalised words into one run ("Bank of the West", "Procter & Gamble", "Inés de la
# Vega"): the particles but "el", which this list never held, and "of", "the", "&". With "el" the guard's output
# stays the same, and "Judge Mona el Masri" (today two single names) would be one person: a change of behaviour
# left for a quality change.
NAME_CONNECTORS = (PARTICLES - {"el"}) | frozenset({"of", "the", "&"})

# Lower-case words inside an organisation's full name, which an acronym skips ("Securities and Exchange
# Commission (SEC)", "Bureau of Land Management (BLM)"), in the order of their patterns' alternation; a leading
# "The" is skipped too (ACRONYM_SKIP).
ORG_NAME_CONNECTORS = ("of", "and", "for", "the", "&")
ORG_NAME_CONNECTOR = "|".join(ORG_NAME_CONNECTORS)
ACRONYM_SKIP = frozenset((*ORG_NAME_CONNECTORS, "The"))
