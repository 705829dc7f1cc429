"""Function words: determiners, pronouns, prepositions, conjunctions, auxiliaries — the closed classes of English.

Stages read them to find where a phrase ends ("the revenue numbers prosecutors say": "numbers" is no part of the
group's name) or whether a clause opens ("her book on the trial, which …"). Each list is what its stage needs;
where two stages need nearly the same words, the smaller list is made from the larger or the difference is named.
"""

from __future__ import annotations

from ._data import words as _words

# Possessive determiners of a third person ("his lawyer", "its board"): what owns a role or a group.
POSSESSIVES = _words("his her their its")
# Determiners that may open a noun phrase a role noun ends ("the", "his", "your", "that" …): before a name they make
# the word before it no part of the name.
DETERMINERS = _words("the a an his her their its our my your this that")
# Determiners skipped back from a group phrase to the word before it ("after his attorneys asked": "after", a
# subordinator): "the" and the third-person possessives only. Not DETERMINERS: with "that" skipped, "Before that,
# prosecutors said" would read as a subordinate clause and lose its speaker (rules/claims.txt holds the case); the
# converter's guard output is the same either way.
GROUP_DETERMINERS = frozenset({"the"}) | POSSESSIVES
# Possessive determiners before an unnamed source ("his former colleague", "our neighbour"): "its" owns no person.
PERSON_POSSESSIVES = _words("his her their our")

# Words that end a noun phrase read backwards from a role noun: determiners, prepositions, conjunctions,
# auxiliaries, pronouns, numbers. A role's own modifiers ("billing compliance", "patient-intake") are other words.
PHRASE_STOPS = _words(
    """the a an this that these those his her their its our my your of to in on at by for with
    from into onto over under about against between among through during after before since until than as via per and
    or but nor so yet is are was were be been being has have had do does did will would can could shall should may
    might must he she it they we you who whom whose which what not also then there here when where while including
    said says told according one two three four five six seven eight nine ten""")
# Words that open a new clause after a work's noun ("the show, saying it", "her book, which"): pronouns, relatives,
# conjunctions.
CLAUSE_WORDS = _words("it he she they we i you that which who whom as and but")
# Words that end the words kept before a group noun ("the board of the library prosecutors"): articles, conjunctions,
# prepositions, auxiliaries, relatives and a few adverbs.
FUNCTION_WORDS = _words("""the a an and or but of to in on at for with by from as is was were be been has have had that this these
    those which who whom what very so such than then""")
# Prepositions that make the noun after them no speaker ("a lawyer for one former employee said").
PREPOSITIONS = _words("for of to by with from at about than like")
# Conjunctions that open a subordinate clause ("after his attorneys asked"): a group inside one does not speak for the
# sentence.
SUBORDINATORS = _words("after before when while because since until although though once if unless whereas")
# The words that open a sentence with a clause or phrase setting the scene before its main clause tells the act
# ("After the jury convicted him, he filed an appeal"; "Following the trial, ..."): the subordinators and the
# prepositions used the same way.
OPENERS = SUBORDINATORS | _words("following despite amid")
