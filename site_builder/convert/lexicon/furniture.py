"""Publication furniture the site's own voice leaves out: leading connectives, kickers, wire agencies of a dateline.

General English only. Tuples, in the order their patterns (in :mod:`site_builder.convert.neutral`) try them.
"""

from __future__ import annotations

# Words that open a sentence only to link it to the one before ("But", "However,", "In addition,").
CONNECTIVES = ("But", "And", "Yet", "So", "However", "Meanwhile", "Additionally", "Moreover", "Furthermore", "Still", "Also",
               "Instead", "Indeed", "Now", "Then", "Thus", "Therefore", "Suddenly", "In response", "In addition", "This time",
               "At the time", "Through tears", "Obviously")
# A kicker before a headline or a lede ("EXCLUSIVE: …").
KICKERS = ("EXCLUSIVE", "BREAKING", "UPDATE", "WATCH")
# Wire agencies named in a dateline ("SANTA FE, N.M. (AP) — …").
WIRE_AGENCIES = ("AP", "Reuters", "AFP", "UPI", "CNN")
