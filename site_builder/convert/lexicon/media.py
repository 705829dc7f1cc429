"""News outlets: the words of an outlet's name ("Daily Mail", "Courier", "TMZ.com").

Three lists of these words grew apart in the converter (issue #10): they are kept here side by side, as data,
so that the difference is visible and deliberate. Unifying them may change output, so that is left for a
quality change; until then:

- :data:`OUTLET_CORE` is in all three;
- :data:`OUTLET_NAME_WORDS` (core + ``Courier``, ``Ledger``): an organisation with no stated role named with
  one of these is described as a "News organisation" in people.yaml;
- :data:`OUTLET_RELAY_WORDS` (core + ``Insider``, ``Sun``, ``Mirror``, ``Guardian``, ``Telegraph``): an
  organisation named with one of these relays an account ("according to E! News") and is not its speaker;
- :data:`ORG_MEDIA_HEADS` (in :mod:`.organisations`, part of ``ORG_HEADS``): a capitalised run ending in one of
  these is an organisation (the widest list).

A name written as a web address (``….com``) is an outlet in the first two uses as well.
"""

from __future__ import annotations

import re

from ._data import alternation, words

OUTLET_CORE = words("News Times Post Journal Herald Tribune Gazette Wire Press Daily Magazine Radio TV Network Online Mail "
                    "Chronicle Reporter")
OUTLET_NAME_WORDS = OUTLET_CORE | words("Courier Ledger")
OUTLET_RELAY_WORDS = OUTLET_CORE | words("Insider Sun Mirror Guardian Telegraph")


def outlet_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """A pattern finding one of ``names`` as a whole word, or a web address ending in ``.com``."""
    return re.compile(rf"\b(?:{alternation(names)})\b|\.com\b")
