"""How an article speaks of itself: the cues of a tabloid report, and of the outlet naming itself.

"Radar can exclusively reveal …", "an insider told us", "our source": a report with two of these is a tabloid
report (its plain sentences are statements, not facts). "… told the Courier", "in an interview with KQED":
the outlet that publishes the article. Each pattern is built from its table here, and so is its gate.
"""

from __future__ import annotations

import re

# (pattern, the words it needs): a tabloid report's cues; a text holding none of the words cannot match.
TABLOID_CUE_TABLE = (
    (r"can (?:exclusively )?reveal", ("reveal",)),
    (r"insider (?:told|tells) us", ("insider",)),
    (r"our (?:insider|source)", ("insider", "our source")),
    (r"EXCLUSIVE", ("exclusive",)),
    (r"sneered", ("sneered",)),
    (r"slammed", ("slammed",)),
)
TABLOID_CUES = re.compile("|".join(rf"\b{pattern}\b" for pattern, _ in TABLOID_CUE_TABLE), re.IGNORECASE)
TABLOID_GATE = tuple(dict.fromkeys(piece for _, pieces in TABLOID_CUE_TABLE for piece in pieces))  # in the lower-case text

# Words after which an article's own outlet is named: "told the Courier", "in an interview with KQED".
TOLD_CUES = ("obtained by", "told", "confirmed to", "said in a statement to", "in an interview with")
TOLD_PUBLISHER = re.compile(rf"\b(?:{'|'.join(TOLD_CUES)})\s+(?P<p>[A-Z][\w.!-]*(?:\s[A-Z][\w!-]*){{0,2}})\b(?=[^.]*\.\s*$)")
