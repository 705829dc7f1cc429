"""Works and things named in capitals: the cues of a work's title and the nouns a product's or a show's name stands before.

General English only: a word that is there only because of one case belongs in that case's ``case.yaml``.
"""

from __future__ import annotations

from ._data import words as _words

# Words before a title of a work ("the film Rust", "the series Nightshift", 'a book called "…"'): the title is no name.
WORK_CUES = _words("""film movie show series episode entitled titled called album book song documentary drama sitcom podcast
    novel play miniseries docuseries flick western""")

# Words after a title of a work ("the 30 Rock star", "the Harbor Nights cast"): the title is no name.
WORK_FOLLOWERS = _words("star stars actor actress franchise cast")

# Nouns that announce a title of a work in quotation marks, however long ('the headline "Gone Fishing: How …"',
# 'her book, "Behind the Doors: The Harbor Case"'): nothing inside such a title is a person named in the sentence.
TITLE_CUES = frozenset(WORK_CUES - {"called"} | {"headline", "headlined", "memoir", "article", "column", "essay", "op-ed"})

# Nouns a product, a show or a body's name stands before ("the Vault Yield account", "a Love Isle contestant",
# "a Second Circuit panel"); never after a person's name, which would take a possessive ("Ostrow's account").
THING_NOUNS = _words("""account accounts app apps card cards token tokens wallet wallets platform platforms product
    products contestant contestants series podcast podcasts episode episodes franchise panel programme program
    subscription subscriptions""")
# Lower-case words that may stand between such a name and its noun ("Vault Yield interest accounts").
THING_MODIFIERS = _words("interest savings checking deposit trading loyalty rewards credit debit gift reality streaming mobile")
# Determiners before a product's name ("a Range Rover", "its Vault Yield account"): a person's name takes none.
THING_DETERMINERS = _words("a an its")
