"""Name mentions in one sentence: people, organisations, epithets.

In: a sentence. Out: :class:`Mention` objects — capitalised runs classified
as a person's full name, a single name (surname or first name, resolved
later against the document), an organisation, with any role the sentence
gives them ("special prosecutor Kari Morrissey", "Joel Souza, 48, the film's
director", "Santa Fe District Attorney Mary Carmack-Altwies", "former
patient-intake director Dana Okafor", "Director of Finance Ruth Amberley").
An institution named for an office is one organisation ("the Pell County
District Attorney's Office"); a run ending in a company word ("Varnum
Housewares", "Orla Foods") is a company. Places, titles of works ("the 30 Rock star",
"TLC's The Baldwins"), abbreviations of court captions ("Pell Cnty. Cir.
Ct.") and sentence openers are recognised so they do not become people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .lexicon.function_words import CLAUSE_WORDS as _CLAUSE_WORDS, DETERMINERS as _DETERMINERS, PHRASE_STOPS as _PHRASE_STOPS, POSSESSIVES as _OWN
from .lexicon.name_particles import NAME_CONNECTORS as _CONNECTORS, PARTICLES as _PARTICLES
from .lexicon.organisations import COMPANY_HEADS as _COMPANY_HEADS, OFFICE_OWNERS as _OFFICE_OWNERS
from .lexicon.roles import ADJECTIVE_ENDINGS as _ADJECTIVE_ENDINGS, COUPLE_WORDS as _COUPLE_WORDS
from .lexicon.titles import INSTITUTION_ENDS as _INSTITUTION_ENDS, PERSON_TITLES as _PERSON_TITLES
from .lexicon.verbs import APPOSITIVE_END as _APPOSITIVE_END
from .lexicon.roles import CELEBRITY_HEADS, EPITHET_MODIFIERS, NOT_EPITHET_HEADS
from .lexicon.works import THING_DETERMINERS as _THING_DETERMINERS, THING_MODIFIERS, THING_NOUNS, TITLE_CUES, WORK_CUES, WORK_FOLLOWERS
from ..ruler import Ruler
from .lexicon import (
    COMMON_CAPS,
    COURT_ABBREVIATIONS,
    FAMILY,
    GENERATIONAL_SUFFIXES,
    HEADING_WORDS,
    HONORIFICS,
    NON_ORG_ACRONYMS,
    NOT_NAMES,
    ORG_HEADS as _LEXICON_ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREFIXES,
    PLACES,
    ROLE_MODIFIERS,
    SURNAME_PLACE_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
)

_ORG_HEADS = _LEXICON_ORG_HEADS | _COMPANY_HEADS  # for runs of two words or more ("Retail sales fell" is no company)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s)|[\w][\w'’&!-]*(?:\.(?=\s+[A-Z]))?")
_SUFFIXES = GENERATIONAL_SUFFIXES


_PARTS = re.compile(r"[-’']")


def is_name_token(word: str) -> bool:
    """"Halyna", "Gutierrez-Reed", "O’Neal", "McDonald", "DeSantis", "José", "T." — any script with case."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    if "-" not in word and "’" not in word and "'" not in word:  # one part (the common case)
        return len(word) > 1 and word.isalpha() and word[0].isupper() and not word.isupper() and any(c.islower() for c in word[1:])
    parts = _PARTS.split(word)
    for k, part in enumerate(parts):
        if not part.isalpha():
            return False
        if len(part) == 1:
            if not (part.isupper() and k + 1 < len(parts)):  # "O" of O'Neal, "D" of D'Angelo
                return False
            continue
        if not part[0].isupper() and not (k == 0 and part in ("d", "l") and len(parts) > 1):
            return False
        if part.isupper() or not any(c.islower() for c in part[1:]):
            return False
    return True

_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,5}|[A-Z]![A-Z]*)$")


def titled_quotation(before: str) -> bool:
    """Whether a quotation that opens after ``before`` (the sentence up to its opening mark) is a title of a work:
    a work's noun among the last six words, with no verb or new clause after it ('carried the headline', 'her book
    on the trial,'; not 'the show, saying it', whose quotation is speech)."""
    words = [w.lower().strip(",:;") for w in before.split()[-6:]]
    cue = max((k for k, w in enumerate(words) if w in TITLE_CUES), default=None)
    if cue is None:
        return False
    return not any(w in _CLAUSE_WORDS or w in SPEECH_VERBS or w.endswith(("ing", "ed", "s")) and w not in TITLE_CUES
                   for w in words[cue + 1 :])


# Epithets ("the 30 Rock star", "the judge"): role words and celebrities' heads (lexicon/roles.py)
_EPITHET_HEADS = sorted((CELEBRITY_HEADS | ROLE_WORDS) - NOT_EPITHET_HEADS, key=len, reverse=True)
_EPITHET = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?P<mod>[a-z]+['’]s\s+|(?:[A-Z0-9][\w'’!.]*\s+){0,4}|(?:[a-z]+\s+){0,1})"
    r"(?P<head>" + "|".join(_EPITHET_HEADS) + r")\b(?!-)"
)
_HEAD_WORDS = frozenset(_EPITHET_HEADS)
_WORD_RUN = re.compile(r"\w+")
_AGE = re.compile(r"^,\s*(\d{1,3}),")
# The role ends at a comma, a full stop (not an honorific's: "a lawyer for Mr. Varga") or the verb.
_APPOSITIVE = re.compile(r"^,\s*(?:\d{1,3},\s*)?(?:who is |who was )?(?P<det>a|an|the|his|her|their|its|[A-Z][\w’']+[’']s)\s+"
                         r"(?P<role>[^,;:()—–]{3,70}?)(?=,|;|\.(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)|\s+" + _APPOSITIVE_END + r"\b|$)")


_ROLE_FOR = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){0,2}?(?:" + "|".join(sorted(ROLE_WORDS - {"source", "insider", "friend"}))
                       + r")\s+(?:for|to|of)\s+[^,;:]{2,40}),\s*$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "person", "single", "org", "epithet"
    name: str
    role: str | None = None
    age: int | None = None
    possessive: bool = False
    evidence: bool = False  # strong sign of a person (role, title, age, speech verb)
    title: str | None = None  # honorific or title word kept for gender ("Mr.", "Judge")
    rule: str = field(default="", compare=False)  # the names rule that made it
    nickname: str | None = None  # a nickname written inside the name ('Tomas "Tommy" Arvello' → "Tommy")


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    possessive: bool


_DOTTED = re.compile(r"(?:[A-Z]\.)+")


def tokens(sentence: str) -> list[_Tok]:
    out: list[_Tok] = []
    append, make = out.append, tuple.__new__  # tuple.__new__ skips NamedTuple's Python-level constructor
    end = 0
    # findall and find, not finditer and match objects (cheaper): every token starts with a word character and
    # the regex leaves none between two tokens, so a token's first occurrence after the previous one is where it is
    for text in _TOKEN.findall(sentence):
        start = sentence.find(text, end)
        end = start + len(text)
        if text[-1] not in "s'’.!":  # the common case: nothing to trim
            append(make(_Tok, (start, end, text, False)))
            continue
        possessive = False
        stop = end  # the trimmed token's end (the next search starts after the untrimmed one)
        if text.endswith(("'s", "’s")):
            text, stop, possessive = text[:-2], stop - 2, True
        if text.endswith(("'", "’")) and len(text) > 2:
            text, stop, possessive = text[:-1], stop - 1, True
        if text.endswith(".") and text not in HONORIFICS and text not in TITLES and not _DOTTED.fullmatch(text):
            text, stop = text[:-1], stop - 1
        if text.endswith("!") and not _ACRONYM.match(text):
            text, stop = text[:-1], stop - 1
        if text:
            append(make(_Tok, (start, stop, text, possessive)))
    return out


def _capital(tok: _Tok) -> bool:
    return tok.text[0].isupper()


# A nickname in quotation marks between a first name and a surname: 'Ramesh "Sunny" Balwani'.
_NICKNAME = re.compile(r"(?<=[A-Za-z.]) [\"“‘'][A-Z][\w'’-]{1,20}[\"”’'](?= [A-Z])")


def find_mentions(sentence: str, quoted: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Name mentions in ``sentence``; ``quoted`` spans (short scare quotes, titles) are skipped. A nickname inside a
    name ('Tomas "Tommy" Arvello') is left out of it: the name is found in the sentence without the nickname, and the
    mentions' offsets are those of ``sentence``."""
    nickname = _NICKNAME.search(sentence) if ('"' in sentence or "“" in sentence or "‘" in sentence or "'" in sentence) else None
    if nickname is None or not re.search(r"\b[A-Z][\w'’.-]*$", sentence[: nickname.start()]):
        return _find_mentions(sentence, quoted)  # no nickname, or quoted words after a lower-case word ("called it 'Dana'")
    cut, width = nickname.start(), nickname.end() - nickname.start()
    spans = [(a - width if a >= nickname.end() else a, b - width if b >= nickname.end() else b)
             for a, b in quoted or [] if not (a < nickname.end() and b > cut)]  # the nickname's own span goes
    found = _find_mentions(sentence[:cut] + sentence[nickname.end() :], spans)
    for m in found:
        if m.start < cut < m.end and m.kind == "person":
            m.nickname = nickname.group()[2:-1]
        m.start += width if m.start >= cut else 0
        m.end += width if m.end > cut else 0
        m.text = sentence[m.start : m.end]
    return found


def _find_mentions(sentence: str, quoted: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Name mentions in ``sentence`` (see :func:`find_mentions`): a surname after a particle, or each run of
    capitalised words made a mention (:func:`_run_mention`); then couples, kin lists and epithets. Out: the
    mentions in the order of the sentence."""
    toks = tokens(sentence)
    mentions: list[Mention] = []
    i = 0
    count = len(toks)
    while i < count:
        if not toks[i].text[0].isupper():
            i += 1
            continue
        if i > 0 and toks[i - 1].text in _PARTICLES:  # "de la Vega said": checked at the capital, not at every word
            found = _particle_surname(sentence, toks, i)
            if found is not None:
                mentions.append(found)
                i += 1
                continue
        mention, i = _run_mention(sentence, toks, i, quoted or [])
        if mention is not None:
            mentions.append(mention)
    if len(mentions) >= 2 and " and " in sentence:
        _couples(sentence, mentions)
        _kin_lists(sentence, mentions)
    mentions.extend(_epithets(sentence, mentions))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _run_mention(sentence: str, toks: list[_Tok], i: int, quoted: list[tuple[int, int]]) -> tuple[Mention | None, int]:
    """The mention made of the run of capitalised words starting at ``toks[i]`` (:data:`RUN_RULES`), or only of its
    head before "of" when that is a person ("Detective Joel Cano of Santa Fe County"), or a title around a name
    ("Director of Finance Ruth Amberley", "Special Agent in Charge Ana Ruiz"). Out: the mention (None: no name)
    and the index of the token after it."""
    j = _run_end(sentence, toks, i)
    run = toks[i:j]
    mention = _classify(sentence, toks, i, j, run, quoted)
    cut = next((k for k in range(i + 1, j) if toks[k].text == "of"), None) if j - i > 2 else None
    if cut is not None and (mention is None or mention.kind not in ("person",)):
        head = _classify(sentence, toks, i, cut, toks[i:cut], quoted)
        if head is not None and head.kind == "person":
            mention, j = head, cut  # "Detective Joel Cano of Santa Fe County"
        elif mention is None:
            mention = _titled_of(sentence, toks, i, cut, j, quoted)  # "Director of Finance Ruth Amberley"
    if i >= 2 and toks[i - 1].text in ("in", "for") and (mention is None or mention.kind in ("person", "single")):
        mention = _title_in_charge(sentence, toks, i, j, quoted) or mention  # "Special Agent in Charge Ana Ruiz"
    return mention, j


def _run_end(sentence: str, toks: list[_Tok], i: int) -> int:
    """The index of the token after the run of capitalised words that starts at ``toks[i]``: adjacent capitals, an
    office after a possessive ("the Pell County District Attorney's Office") and capitals joined by a connector
    ("University of New Mexico", "Maria de la Cruz")."""
    j = i + 1
    count = len(toks)
    while j < count:
        if toks[j - 1].possessive:
            if _office_of(sentence, toks[j - 1], toks[j]):
                j += 1  # "the Pell County District Attorney's Office": one institution
                continue
            break
        if not _adjacent(sentence, toks[j - 1], toks[j]):
            break
        if _capital(toks[j]):
            j += 1
        elif toks[j].text in _CONNECTORS:
            joined = _joined_capital(sentence, toks, j)
            if joined is None:
                break
            j = joined
        else:
            break
    return j


def _joined_capital(sentence: str, toks: list[_Tok], j: int) -> int | None:
    """After the connector ``toks[j]``, the index of the token after the capital it joins to the run ("of New", "de la
    Cruz"); None if no capital follows it."""
    k = j + 1
    while k < len(toks) and toks[k].text in _PARTICLES and toks[j].text in _PARTICLES and k - j < 3 and _adjacent(sentence, toks[k - 1], toks[k]):
        k += 1  # "de la Cruz"; but "of" / "the" join only single capitals ("University of New Mexico")
    if k < len(toks) and k > j and _capital(toks[k]) and _adjacent(sentence, toks[k - 1], toks[k]):
        return k + 1
    return None


def _particle_surname(sentence: str, toks: list[_Tok], k: int) -> Mention | None:
    """A surname on its own that begins with a particle: "de la Vega said", "van der Berg agreed" (``toks[k]``
    is its capitalised word, after one or two particles)."""
    i = k
    while i > 0 and k - i < 2 and toks[i - 1].text in _PARTICLES and _adjacent(sentence, toks[i - 1], toks[i]):
        i -= 1
    if i == k or not is_name_token(toks[k].text):
        return None
    if toks[k].text in NOT_NAMES or toks[k].text in PLACES:
        return None
    if k + 1 < len(toks) and toks[k + 1].text[0].isupper() and _adjacent(sentence, toks[k], toks[k + 1]):
        return None  # "de Gaulle Airport", "la Rioja Valley": part of a longer name
    if i > 0 and _adjacent(sentence, toks[i - 1], toks[i]) and (
            toks[i - 1].text[0].isupper() or toks[i - 1].text in _PARTICLES or toks[i - 1].text == "the"):
        return None  # inside a longer name ("Inés de la Vega"), or "the de la Vega family"
    name = sentence[toks[i].start : toks[k].end]
    next_word = toks[k + 1].text if k + 1 < len(toks) else ""
    return Mention(toks[i].start, toks[k].end, name, "single", name, possessive=toks[k].possessive, evidence=next_word in SPEECH_VERBS)


def _couples(sentence: str, mentions: list[Mention]) -> None:
    """"His parents, Peter and Ilona Varga": the first name alone shares the full name's surname and role."""
    for k in range(len(mentions) - 1):
        first, second = mentions[k], mentions[k + 1]
        if (first.kind == "single" and second.kind == "person" and sentence[first.end : second.start] == " and "
                and first.role and not first.possessive and _COUPLE_WORDS.intersection(first.role.lower().split())):
            first.kind, first.name = "person", f"{first.name} {second.name.split()[-1]}"
            first.evidence = True
            second.role, second.evidence = second.role or first.role, True


def _kin_lists(sentence: str, mentions: list[Mention]) -> None:
    """"their two kids—William, 3, and Invicta, 2—": a first name listed after another that has a family role (with
    its age between) has that role too."""
    for first, second in zip(mentions, mentions[1:]):
        if (first.kind == second.kind == "single" and first.role and first.role in FAMILY and second.role is None
                and _LISTED.fullmatch(sentence, first.end, second.start)):
            second.role, second.evidence = first.role, True


_LISTED = re.compile(r"(?:,\s*\d{1,2})?,?\s+and\s+|(?:,\s*\d{1,2})?,\s+")


def _office_of(sentence: str, owner: _Tok, head: _Tok) -> bool:
    """``owner``'s ``head`` is an institution: a title or role word owning an organisation word."""
    if head.text not in _LEXICON_ORG_HEADS or sentence[owner.end : head.start] not in ("'s ", "’s ", "' ", "’ "):
        return False
    word = owner.text
    return (word in TITLES and word not in HONORIFICS) or word.lower() in ROLE_WORDS or word in _OFFICE_OWNERS


def _titled_of(sentence: str, toks: list[_Tok], i: int, cut: int, j: int, quoted: list[tuple[int, int]]) -> Mention | None:
    """A title with an "of" phrase before a name: "Director of Patient Accounts Denise Carrow"."""
    if not all(t.text in TITLES or t.text.lower() in ROLE_MODIFIERS for t in toks[i:cut]):
        return None
    tail = j - 3 if j - 3 > cut and len(toks[j - 2].text) == 2 and toks[j - 2].text[1] == "." else j - 2  # a middle initial
    if tail <= cut + 1 or toks[j - 1].text in PLACE_HEADS or any(t.text in COMMON_CAPS for t in toks[tail:j]):
        return None
    found = _classify(sentence, toks, tail, j, toks[tail:j], quoted)
    if found is None or found.kind != "person":
        return None
    # Where the body's name ends and the person's begins is a guess ("Head of Pell Dental Clinic"): no
    # evidence, so a word the article also uses in lower case ("clinic") still keeps it from being a person.
    found.role, found.evidence = sentence[toks[i].start : toks[tail - 1].end], False
    return found


def _title_in_charge(sentence: str, toks: list[_Tok], i: int, j: int, quoted: list[tuple[int, int]]) -> Mention | None:
    """A title with an "in" or "for" phrase before a name: "Special Agent in Charge Robert Vance", "Assistant
    Commissioner for Criminal Investigations Dana Ruiz" (``toks[i:j]`` is the run after "in" / "for")."""
    title = toks[i - 2]
    if not (title.text in TITLES or title.text.lower() in ROLE_WORDS) or not _adjacent(sentence, title, toks[i - 1]):
        return None
    tail = j - 3 if j - 3 > i and len(toks[j - 2].text) == 2 and toks[j - 2].text[1] == "." else j - 2  # a middle initial
    if tail <= i or toks[j - 1].text in PLACE_HEADS or any(t.text in COMMON_CAPS for t in toks[tail:j]):
        return None  # the phrase needs a word of its own ("in Charge"), and the name two
    found = _classify(sentence, toks, tail, j, toks[tail:j], quoted)
    if found is None or found.kind != "person":
        return None
    # as in _titled_of, where the phrase ends and the name begins is a guess: no evidence of its own
    found.role, found.evidence = sentence[title.start : toks[tail - 1].end], False
    return found


def _adjacent(sentence: str, a: _Tok, b: _Tok) -> bool:
    between = sentence[a.end : b.start]
    return between in (" ",) or (a.text.endswith(".") and between == " ")


@dataclass
class RunSite:
    """The names stage's state: one run of capitalised tokens of a sentence, what it has been cut to so far, and the
    mention a rule made of it (None when a rule decided it names nobody)."""

    sentence: str
    toks: list[_Tok]
    i: int  # the run is toks[i:j]
    j: int
    run: list[_Tok]
    quoted: list[tuple[int, int]]
    words: list[str] = field(default_factory=list)
    at_sentence_start: bool = False
    title_words: list[str] = field(default_factory=list)  # the title or role words the run opens with
    name_words: list[str] = field(default_factory=list)
    name_toks: list[_Tok] = field(default_factory=list)
    suffix: list[_Tok] = field(default_factory=list)  # a generational suffix cut from the name's end ("Jr.", "III")
    mention: Mention | None = None

    @property
    def prev_word(self) -> str:
        return self.toks[self.i - 1].text.lower() if self.i > 0 else ""

    def next_tok(self, k: int = 0) -> _Tok | None:
        return self.toks[self.j + k] if self.j + k < len(self.toks) else None

    @property
    def next_word(self) -> str:
        tok = self.next_tok()
        return tok.text.lower() if tok else ""

    def org(self, rule: str) -> bool:
        """Decide: the whole run is an organisation."""
        text = self.sentence[self.run[0].start : self.run[-1].end]
        self.mention = Mention(self.run[0].start, self.run[-1].end, text, "org", text, possessive=self.run[-1].possessive, rule=rule)
        return True


def _classify(sentence: str, toks: list[_Tok], i: int, j: int, run: list[_Tok], quoted: list[tuple[int, int]]) -> Mention | None:
    """What the capitalised run ``toks[i:j]`` of ``sentence`` names: a person, a single name, an organisation, or
    nothing (None). The rules of :data:`RUN_RULES` are tried in order; the first that decides gives the answer."""
    site = RunSite(sentence, toks, i, j, run, quoted)
    RUN_RULES.run(site)
    return site.mention


def _inside_quotation(site: RunSite) -> bool:
    """'"Hutchins was a star," he said.': a run inside quoted words is not looked at here."""
    start, end = site.run[0].start, site.run[-1].end
    return bool(site.quoted) and any(a <= start and end <= b for a, b in site.quoted)


def _quoted_title(site: RunSite) -> bool:
    """'the episode "Along Came Hilaria"': a quoted title of a work."""
    start, end = site.run[0].start, site.run[-1].end
    return start > 0 and site.sentence[start - 1] in "'‘\"“" and site.sentence[end : end + 1] in ("'", "’", '"', "”")


def _sentence_openers(site: RunSite) -> bool:
    """"But Dana Pike said", "AMBER Heard said": openers are dropped and a tabloid's capitalised first name is a name
    (decides only when nothing is left)."""
    before = site.sentence[: site.run[0].start].rstrip()
    site.at_sentence_start = not before or before[-1] in "\"“‘'(—–-:"
    words = [t.text for t in site.run]
    if site.at_sentence_start and len(words) >= 2 and _CAPS_OPENER.fullmatch(words[0]) and is_name_token(words[1]) \
            and words[1] not in TITLES and words[1].lower() not in ROLE_WORDS:
        words[0] = words[0].title()  # "AMBER Heard said …": a tabloid's capitalised first word is still her first name
    # Drop sentence openers ("But", "The") and a leading "The" that belongs to a title.
    while words and words[0] in NOT_NAMES and (site.at_sentence_start or words[0] not in ("The",)):
        site.run, words = site.run[1:], words[1:]
        site.at_sentence_start = True
    site.words = words
    return not site.run


def _the_institution(site: RunSite) -> bool:
    """"the Pell County Sheriff's Office" is an organisation; "The Baldwins", "the Court": named generically, nobody."""
    if not (site.words[0] == "The" or (site.toks[site.i - 1].text == "the" if site.i > 0 else False)):
        return False
    if site.words[-1] in _ORG_HEADS and len([w for w in site.words if w != "The"]) >= 2:
        return site.org("names.the-institution")
    return True


def _role_modifier_alone(site: RunSite) -> bool:
    """"Former patient intake manager Dana Okafor": the opener belongs to the role."""
    return len(site.run) == 1 and site.words[0].lower() in ROLE_MODIFIERS


def _qualifies_a_role(site: RunSite) -> bool:
    """"Harborview politician Dana Whitcombe": a place or body qualifying a role, not a person."""
    next_tok, after_next = site.next_tok(), site.next_tok(1)
    return (next_tok is not None and site.next_word in ROLE_WORDS and after_next is not None and after_next.text[0].isupper()
            and not site.run[-1].possessive and site.sentence[site.run[-1].end : next_tok.start] == " ")


def _title_of_a_work(site: RunSite) -> bool:
    """"the 30 Rock star", "entitled Along Came Hilaria": a title of a work."""
    return site.prev_word in WORK_CUES or site.next_word in WORK_FOLLOWERS \
        and not site.run[-1].possessive


def _product_or_show(site: RunSite) -> bool:
    """"a Range Rover", "its Vault Yield accounts", "a Love Isle contestant": a product or a show."""
    return (site.prev_word in _THING_DETERMINERS or site.next_word in _THING_WORDS and _names_a_thing(site.next_word, site.next_tok(1))) \
        and not site.run[-1].possessive


def _office_of_a_person(site: RunSite) -> bool:
    """"Governor Ray Tillson's Office": the office of a person named just before."""
    return len(site.run) == 1 and site.i > 0 and site.toks[site.i - 1].possessive and site.words[0] in _LEXICON_ORG_HEADS


def _acronym(site: RunSite) -> bool:
    """"the FBI said": an acronym names an organisation, unless it is one that names none ("CEO", "EST")."""
    word = site.words[0]
    if len(site.run) != 1 or not _ACRONYM.match(word):
        return False
    if word.replace(".", "") not in NON_ORG_ACRONYMS and word not in NON_ORG_ACRONYMS:
        tok = site.run[0]
        site.mention = Mention(tok.start, tok.end, word, "org", word, possessive=tok.possessive, rule="names.acronym")
    return True


def _organisation_head(site: RunSite) -> bool:
    """"Special Prosecutor Kari T. Morrissey": title or role words at the front belong to the role (kept for the
    next rules); "Harborview Port Authority", "Rust Movie Productions LLC": a run ending in an organisation's head."""
    words = site.words
    cut = 0
    for k, word in enumerate(words[:-1]):
        if word in TITLES or word.lower() in ROLE_WORDS or "-" in word and _role_compound(word) or _plural_title(word):
            cut = k + 1
    site.title_words, site.name_words, site.name_toks = words[:cut], words[cut:], site.run[cut:]
    if words[-1] in _LEXICON_ORG_HEADS or len(words) >= 2 and words[-1] in _COMPANY_HEADS:
        return site.org("names.organisation-head")
    return False


def _plural_title(word: str) -> bool:
    """"Judges", "Detectives": a person's title in the plural, before the first of several names."""
    return len(word) > 3 and word.endswith("s") and word[:-1] in _PERSON_TITLES


def _place(site: RunSite) -> bool:
    """"Santa Fe County", "New Mexico": a place. After a person's title ("Judge Beverly Tamsin") a word that may
    begin a place's name begins a person's; a place word that is also a surname ends a person's name when the
    sentence marks a person ("court clerk Dana Hill", "Omar Hall said")."""
    words = site.name_words
    if site.title_words and site.title_words[-1] in _PERSON_TITLES and len(words) >= 2:
        return all(w in PLACES for w in words) or words[-1] in PLACE_HEADS and not _surname_place_head(site)
    if _surname_place_head(site):
        return False
    return _is_place(words) or not site.title_words and _is_place(site.words)


def _surname_place_head(site: RunSite) -> bool:
    """"Dana Hill" in "court clerk Dana Hill" or "Dana Hill said": a first name and a place word that is also a
    surname, marked as a person by a title, a role just before, or a speech verb just after."""
    words = site.name_words
    if len(words) != 2 or words[-1] not in SURNAME_PLACE_HEADS or words[0] in PLACE_PREFIXES or words[0] in PLACES \
            or words[0] in COMMON_CAPS:
        return False
    return bool(site.title_words and site.title_words[-1] in _PERSON_TITLES or site.next_word in SPEECH_VERBS
                or _role_before(site.sentence, site.toks, site.i) or _role_of_before(site))


def _role_of_before(site: RunSite) -> str | None:
    """"the clerk of court Dana Hill": a role noun with its "of" phrase right before the name ("clerk of court")."""
    toks, i = site.toks, site.i
    if i >= 3 and toks[i - 2].text == "of" and toks[i - 3].text in ROLE_WORDS and not _verb_like(toks[i - 3].text) \
            and toks[i - 1].text.islower() and not toks[i - 1].text.endswith(("ing", "ed")) and all(site.sentence[toks[k].end : toks[k + 1].start] == " " for k in range(i - 3, i)):
        return site.sentence[toks[i - 3].start : toks[i - 1].end]
    return None


def _institution_end(site: RunSite) -> bool:
    """"a Second Circuit panel", "Circuit Court": an institution's word, even after a title ("Martin Luther King Jr."
    is first cut to its name)."""
    while len(site.name_words) > 2 and site.name_words[-1] in _SUFFIXES:
        # "Martin Luther King Jr.": the checks read the name without it; the person's name keeps it (names.person)
        site.suffix = [site.name_toks[-1], *site.suffix]
        site.name_words, site.name_toks = site.name_words[:-1], site.name_toks[:-1]
    return site.name_words[-1] in _INSTITUTION_ENDS


def _not_name_words(site: RunSite) -> bool:
    """"Monday Night Football", "Judge Lewis A Kaplan" (a bare middle initial is fine): a word that is no name."""
    name_words = site.name_words
    return any(w in NOT_NAMES and not (0 < k < len(name_words) - 1 and _bare_initial(w)) and not (k and w in HEADING_WORDS)
               for k, w in enumerate(name_words)) \
        or not all(is_name_token(w) or 0 < k < len(name_words) - 1 and (w in _PARTICLES or _bare_initial(w)) for k, w in enumerate(name_words))


def _too_long_or_cut(site: RunSite) -> bool:
    """Five name words, or a name ending in a full stop ("Sgt.") or a lone initial ("J."): no name."""
    name_words = site.name_words
    return len(name_words) > 4 or name_words[-1].endswith(".") or name_words[0].endswith(".") and len(name_words[0]) == 2 and len(name_words) == 1


def _court_abbreviation(site: RunSite) -> bool:
    """"(Pell Cnty. Cir. Ct.)": a court or a place abbreviated, not a person."""
    last = site.name_toks[-1].end
    return site.sentence[last : last + 1] == "." and _abbreviated(site.sentence, site.name_words[-1], site.name_toks[0].start, last)


def _person(site: RunSite) -> bool:
    """"Dana Pike, 41, a lawyer, said": a person (two words or more) or a single name, with the role, age and title the
    sentence gives; without any such evidence, "White House" and "a house in Marrow Cove" are nobody."""
    sentence, run, name_words, title_words = site.sentence, site.run, site.name_words, site.title_words
    title = title_words[-1] if title_words else None
    role = " ".join(w for w in title_words if w not in HONORIFICS) or None
    if role is None:
        role = _role_before(sentence, site.toks, site.i) or _role_of_before(site)
    age, after_role = _after(sentence[run[-1].end + (2 if run[-1].possessive else 0) :])
    if after_role and title_words and not any(w in TITLES for w in title_words):
        role = after_role  # "Co-defendant Tomas Vell, 39, the firm's payroll chief": the appositive says more
    role = role or after_role
    prev_word, next_word = site.prev_word, site.next_word
    evidence = bool(role or age or title or next_word in SPEECH_VERBS or prev_word.rstrip(".") in {"mr", "mrs", "ms", "dr"})
    if not evidence and len(name_words) >= 2 and any(w in COMMON_CAPS and not (k and w in HEADING_WORDS) for k, w in enumerate(name_words)):
        return True  # "White House", "Social Security": an institution or a thing, not a person
    if not evidence and prev_word == "in" and len(name_words) >= 2 and not run[-1].possessive:
        return True  # "a house in Marrow Cove": a place (a person is "in" something only as an owner: "in Ana Ruiz's suit")
    kind = "person" if len(name_words) >= 2 else "single"
    if kind == "single" and name_words[0] in TITLES:
        return True  # "Special Agent", "the Commissioner": a title alone names nobody
    last = (site.suffix or site.name_toks)[-1].end
    # the suffix as written, with its full stop ("Jr."), which the tokens leave out
    suffix = [sentence[t.start : t.end + 1] if sentence[t.end : t.end + 1] == "." else t.text for t in site.suffix]
    site.mention = Mention(site.name_toks[0].start, last, sentence[site.name_toks[0].start : last], kind, " ".join(name_words + suffix), role, age,
                           run[-1].possessive, evidence, title, rule="names.person")
    return True


RUN_RULES: Ruler[RunSite] = Ruler("names", [
    ("inside-quotation", _inside_quotation),
    ("quoted-title", _quoted_title),
    ("sentence-openers", _sentence_openers),
    ("the-institution", _the_institution),
    ("role-modifier-alone", _role_modifier_alone),
    ("qualifies-a-role", _qualifies_a_role),
    ("title-of-a-work", _title_of_a_work),
    ("product-or-show", _product_or_show),
    ("office-of-a-person", _office_of_a_person),
    ("acronym", _acronym),
    ("organisation-head", _organisation_head),
    ("place", _place),
    ("institution-end", _institution_end),
    ("not-name-words", _not_name_words),
    ("too-long-or-cut", _too_long_or_cut),
    ("court-abbreviation", _court_abbreviation),
    ("person", _person),
])


_CAPS_OPENER = re.compile(r"(?=[A-Z]*[AEIOUY])[A-Z]{4,}")  # a word, not an acronym ("FBI", "CNN")


def _bare_initial(word: str) -> bool:
    """A middle initial written without its full stop, as British and wire copy often do ("Judge Lewis A Kaplan")."""
    return len(word) == 1 and word.isupper() and word != "I"


_THING_WORDS = THING_NOUNS | THING_MODIFIERS


def _names_a_thing(next_word: str, after_next: _Tok | None) -> bool:
    if next_word in THING_NOUNS:
        return True
    return next_word in THING_MODIFIERS and after_next is not None and after_next.text in THING_NOUNS


def _role_compound(word: str) -> bool:
    """"Co-defendant", "Ex-wife": a capitalised prefix on a lower-case role noun (no name part is lower case)."""
    tail = word.rsplit("-", 1)[1]
    return tail.islower() and tail in ROLE_WORDS


# Abbreviations of court captions and addresses that a segmenter may take for a sentence end.


def _abbreviated(sentence: str, word: str, start: int, end: int) -> bool:
    """The name's last word, followed by a full stop, is an abbreviation: the sentence goes on after the
    stop (a real sentence end would have split it), the word is a known abbreviation, or the stop closes
    the sentence inside an unclosed parenthesis ("... (Pell Cnty.")."""
    rest = sentence[end + 1 :]
    if rest[:1] == ".":
        return False  # an ellipsis: "They met Ana Silva... and left."
    if rest.strip(" \"”’')]") or word in COURT_ABBREVIATIONS:
        return True
    before = sentence[:start]
    return before.count("(") > before.count(")") and ")" not in rest


def _is_place(words: list[str]) -> bool:
    if not words:
        return False
    if all(w in PLACES for w in words) or words[-1] in PLACE_HEADS:
        return True
    return len(words) >= 2 and words[0] in PLACE_PREFIXES and words[0] not in ("East", "West", "North", "South") or (
        len(words) == 2 and words[0] in ("East", "West", "North", "South") and words[1] not in ROLE_WORDS)


# The words of an age before a role noun: "his 22-year-old son", "her 9 year old daughter".
_AGE_WORD = re.compile(r"\d{1,3}(?:-years?-old)?|years?|old")


def _modifier(tok: _Tok) -> bool:
    """A lower-case word that may stand inside a role phrase before its noun ("billing", "revenue-cycle")."""
    word = tok.text
    if tok.possessive:
        return False
    return word.lower() in ROLE_MODIFIERS or (word.islower() and len(word) > 2 and word not in _PHRASE_STOPS
                                              and not word.endswith("ly") and word.replace("-", "").isalpha())


def _verb_like(word: str) -> bool:
    """"names", "accused": inside a role phrase such a word is more likely the sentence's verb."""
    return word not in ROLE_MODIFIERS and (word.endswith("ed") or word.endswith("s") and not word.endswith("ss"))


def _phrase_start(sentence: str, toks: list[_Tok], p: int) -> bool:
    """A role phrase may begin at ``toks[p]``: after a determiner, an owner or punctuation, or at a modifier."""
    if p == 0 or toks[p].text.lower() in ROLE_MODIFIERS or "-" in toks[p].text and toks[p].text.split("-", 1)[0] in ("ex", "co"):
        return True
    prev = toks[p - 1]
    return prev.possessive or prev.text.lower() in _DETERMINERS or bool(sentence[prev.end : toks[p].start].strip(" ’'s"))


def _widen(sentence: str, toks: list[_Tok], first: int, k: int) -> int:
    """Extend a role phrase ``toks[first..k]`` leftwards over its lower-case modifiers
    ("former patient intake manager"), only as far as a place where a noun phrase can begin."""
    e = first
    while e - 1 >= 0 and k - e < 4 and sentence[toks[e - 1].end : toks[e].start] == " " and _modifier(toks[e - 1]):
        e -= 1
    for p in range(e, first):
        if _phrase_start(sentence, toks, p) and not any(_verb_like(t.text) for t in toks[p + 1 : first]):
            return p
    return first


_COUNT_WORDS = frozenset("two three four five six seven eight nine ten".split())


def _role_before(sentence: str, toks: list[_Tok], i: int) -> str | None:
    """Role words right before the name at ``toks[i]``: "prominent Los Angeles attorney Gloria Allred" → "Los Angeles
    attorney"; "Baldwin's attorney, Luke Nikas" → "Baldwin's attorney"; "former patient-intake director Dana Okafor".
    Out: the role as written, or None."""
    before = sentence[max(0, toks[i].start - 90) : toks[i].start] if i > 0 else ""
    lead = _ROLE_FOR.search(before) if before.rstrip().endswith(",") else None
    if lead:
        return lead.group(1)  # "A lawyer for Mr. Clark, Harry MacDougald,"
    k = i - 1
    if k < 0:
        return None
    gap = sentence[toks[k].end : toks[i].start]
    if toks[k].text.lower() in FAMILY and gap.strip() in ("—", "–"):  # "their two kids—William, 3, and Invicta, 2—"
        return _kin_role(toks, k)
    if toks[k].text.lower() not in ROLE_WORDS or toks[k].text.lower() in ("star", "insider", "source"):
        return None
    if gap.strip() == ",":
        return _apposed_role(sentence, toks, k)
    if gap != " ":
        return None
    return _adjacent_role(sentence, toks, k)


def _kin_role(toks: list[_Tok], k: int) -> str | None:
    """The kin word ``toks[k]`` before a list of names ("their two kids—William, 3, and Invicta, 2—" → "kids"), if
    someone owns it ("their", a possessive); else None."""
    first = k
    while first >= 1 and (toks[first - 1].text.isdigit() or toks[first - 1].text.lower() in _COUNT_WORDS):
        first -= 1  # "their two kids"
    owned = first >= 1 and (toks[first - 1].text.lower() in _OWN or toks[first - 1].possessive)
    return toks[k].text.lower() if owned else None


def _apposed_role(sentence: str, toks: list[_Tok], k: int) -> str | None:
    """The role ending with the role word ``toks[k]`` before a comma and the name, if someone owns it: "Her lawyer,
    Priya Natarajan," → "Her lawyer"; "Baldwin's attorney, Luke Nikas," → "Baldwin's attorney"; else None."""
    # "The developer's founder, Marcus Ellery," / "the clinic's former patient intake manager, Dana Okafor,"
    first = k
    while first - 1 >= 0 and k - first < 4 and sentence[toks[first - 1].end : toks[first].start] in (" ", "-") \
            and (_modifier(toks[first - 1]) or _AGE_WORD.fullmatch(toks[first - 1].text)):
        first -= 1
    while first < k and _verb_like(toks[first].text) and not (first >= 1 and toks[first - 1].possessive):
        first += 1  # "The suit names clinic director, ...": the verb is not part of the role
    if first >= 1 and toks[first - 1].text.lower() in _OWN:
        while first < k and _AGE_WORD.fullmatch(toks[first].text):
            first += 1  # "his 22-year-old son, Paul,": the age is no part of the role
        return sentence[toks[first].start : toks[k].end]  # "Her lawyer, Priya Natarajan,"
    owner = toks[first - 1] if first >= 1 and toks[first - 1].possessive else None
    if owner is None:
        return None
    return f"{sentence[owner.start : toks[k].start].rstrip()} {toks[k].text}"


def _adjacent_role(sentence: str, toks: list[_Tok], k: int) -> str:
    """The role ending with the role word ``toks[k]`` right before the name, with the modifiers, role words and
    capitals before it (four words at most, then widened): "prominent Los Angeles attorney Gloria Allred" → "Los
    Angeles attorney"; with its owner: "Gutierrez-Reed’s attorney Jason Bowles" → "Gutierrez-Reed’s attorney"."""
    first = k
    while first - 1 >= 0 and sentence[toks[first - 1].end : toks[first].start] == " " and (
            toks[first - 1].text.lower() in ROLE_MODIFIERS or toks[first - 1].text.lower() in ROLE_WORDS
            or toks[first - 1].text[0].isupper() and toks[first - 1].text not in NOT_NAMES and not toks[first - 1].possessive):
        first -= 1
        if k - first >= 4:
            break
    first = _widen(sentence, toks, first, k)
    owner = toks[first - 1] if first >= 1 and toks[first - 1].possessive and toks[first - 1].text[0].isupper() else None
    if owner is not None and sentence[owner.end : toks[first].start].strip() in ("'s", "’s", "'", "’"):
        return sentence[owner.start : toks[k].end]  # "Gutierrez-Reed’s attorney Jason Bowles"
    return " ".join(t.text for t in toks[first : k + 1])


def _after(rest: str) -> tuple[int | None, str | None]:
    age = None
    m = _AGE.match(rest)
    if m:
        age = int(m.group(1))
    a = _APPOSITIVE.match(rest)
    role = None
    if a:
        phrase = a.group("role").strip()
        words = phrase.lower().replace("’s", "").replace("'s", "").split()
        if any(w in ROLE_WORDS for w in words[:4]):
            det = a.group("det")
            if det.lower() in ("his", "her", "their"):
                return age, None  # "Alec Baldwin, his wife, Hilaria": the role is the next name's
            role = phrase if det.lower() in ("a", "an", "the") else f"{det} {phrase}"
    elif rest[:1] == ",":
        role = _bare_role(rest)
    return age, role


_BARE_APPOSITIVE = re.compile(r"^,\s*(?:\d{1,3},\s*)?(?P<role>[a-z][^,;:()—–]{2,70}?)(?=,|;|\.(?:\s|$)|\s+" + _APPOSITIVE_END + r"\b|$)")


def _bare_role(rest: str) -> str | None:
    """An appositive without an article, only in the shape "manager of the billing office" (a role noun,
    maybe after lower-case modifiers, then of/at/for/with): "Reyes, director Tom Smith and ..." is a list."""
    a = _BARE_APPOSITIVE.match(rest)
    if not a:
        return None
    phrase = a.group("role").strip()
    words = phrase.split()
    for k, word in enumerate(words[:4]):
        if word in ROLE_WORDS and k + 1 < len(words) and words[k + 1] in ("of", "at", "for", "with"):
            # modifiers only: "is accused of killing" is the sentence's verb, no role
            return phrase if all(w.islower() and w not in _PHRASE_STOPS for w in words[:k]) else None
        if not word.islower():
            return None
    return None


def _epithets(sentence: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    if _HEAD_WORDS.isdisjoint(_WORD_RUN.findall(sentence)):  # an epithet's head is a whole word
        return out
    for m in _EPITHET.finditer(sentence):
        if any(x.start < m.end() and m.start() < x.end for x in found if x.kind != "epithet"):
            # "the 30 Rock star Baldwin": the name itself follows; the epithet is its role
            pass
        mod = m.group("mod").strip()
        if (mod and mod[0].islower() and mod[-2:] not in ("'s", "’s") and mod not in EPITHET_MODIFIERS
                and not mod.endswith(_ADJECTIVE_ENDINGS)):
            continue  # "the assistant director" is another role; "the boyish executive" is the executive
        nxt = sentence[m.end() : m.end() + 2]
        if re.match(r"['’]s\s+(?:office|department|team|legal|lawyers|attorneys|bureau|agency|staff|spokes\w*|campaign)\b", sentence[m.end() : m.end() + 24]):
            continue  # "the Santa Fe County sheriff's office": an institution, not a person
        if nxt[:1] == " " and nxt[1:2].isupper() and (not mod or mod[-2:] in ("'s", "’s")):
            continue  # "the actor Alec Baldwin": the name follows and carries the role
        out.append(Mention(m.start(), m.end(), m.group(0), "epithet", m.group(0), possessive=nxt in ("'s", "’s"),
                           title=m.group("head")))
    return out

