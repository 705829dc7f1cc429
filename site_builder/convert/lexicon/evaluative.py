"""Evaluative wording: general English words (mostly adjectives and adverbs) that judge rather than report.

A case's ``loaded_words`` keep its own tabloid vocabulary out of the site's voice; these words are the general
ones an editor may want to add there ("shocking", "disgraced", "stunning"). The converter does not reword them:
a claim drafted with one is listed in the convert report for the editor. Lower case, one word each; a word is
matched as written or with a simple ending ("stunningly" is listed on its own).
"""

from __future__ import annotations

EVALUATIVE = frozenset("""
    shocking shockingly stunning stunningly stunned astonishing astounding startling staggering jaw-dropping
    bombshell explosive sensational scandalous sordid lurid salacious sleazy seedy steamy
    disgraced embattled beleaguered infamous notorious notoriously shamed shameful shameless disgraceful
    outrageous outrageously outraged furious fuming livid enraged scathing blistering scathingly
    horrific horrifying horrendous gruesome grisly chilling harrowing heartbreaking heartbroken heart-wrenching
    tragic tragically devastating devastated brutal brutally vicious savage sinister twisted evil monstrous
    bizarre pathetic disgusting vile despicable appalling dreadful terrible awful
    humiliating humiliated embarrassing disastrous catastrophic spectacular spectacularly dramatic dramatically
    incredible incredibly unbelievable extraordinary remarkable unprecedented
    emotional tearful tearfully teary defiant defiantly smug arrogant cocky brazen brazenly
    desperate desperately frantic frantically fierce fiercely vehement vehemently bitter bitterly
    controversial controversially disturbing troubling alarming damning damaging
    high-profile high-stakes high-flying once-prominent fallen mogul tycoon kingpin fraudster
    """.split())
