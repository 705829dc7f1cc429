"""Who a description points at: unnamed people, groups and the bodies they belong to, "the judge".

In: the words around a reporting verb (as :mod:`.attribution` finds them), the
sentence's name mentions and the recognised article. Out: an entity id, the
string ``anonymous`` for an unnamed source, or None when the words name nobody.
Nothing here guesses a name the article does not give: "a former colleague"
stays ``anonymous``, vague "officials" become a body only when the article
names one nearby, and "the judge" is a judge the article has named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .directory import name_parts
from .lexicon.function_words import (FUNCTION_WORDS as _FUNCTION_WORDS, GROUP_DETERMINERS as _DETERMINERS, PERSON_POSSESSIVES as _POSSESSIVE_DETS,
                                     PREPOSITIONS as _PREPOSITIONS, SUBORDINATORS as _SUBORDINATORS)
from .lexicon.organisations import BODY_CUES, BODY_HEADS as _BODY_HEADS, BODY_NAME_HEADS
from .lexicon.roles import HOLDER_HEADS as HOLDER_HEADS, HOLDER_TITLES, JUDICIAL_WORDS, PERSONAL_ROLES, TENURE_WORDS, VAGUE_GROUPS
from .lexicon import GROUP_MODIFIERS, NOT_NAMES, ROLE_WORDS, UNNAMED_ROLES
from .lexicon.anonymous import AGENT_GROUPS, UNNAMED_BODIES
from .lexicon.furniture import CONNECTIVES
from .recognise import Entity, Recognised
from .segment import Segmented
from .slug import slugify

ANONYMOUS = "anonymous"
Mentions = list[tuple[int, int, str]]


class Unnamed(str):
    """The speaker id ``anonymous`` carrying how the article describes the speaker ("Dana Pike's lawyers", "a person
    familiar with the case"), for the item's ``described_as``. It equals ``anonymous`` wherever a rule compares
    speakers, so no rule needs to know about the description; :class:`.attribution.Attribution` reads it back."""

    described_as: str | None

    def __new__(cls, described_as: str | None = None) -> Unnamed:
        self = super().__new__(cls, ANONYMOUS)
        words = (described_as or "").strip(" \t\n,;:—–-").split()
        if words and words[0].lower() in _LOWER_LEADS:
            words[0] = words[0].lower()  # "A person familiar with the case said", "Insiders say": the capital is the sentence's
        if words and words[0] == "our":
            words[0] = "the publication's"  # "our insider": the outlet's own, and the site is not the outlet
        self.described_as = " ".join(words) or None
        return self


# Words that open a description only by the sentence's capital: determiners and the common nouns of unnamed speakers.
_LOWER_LEADS = frozenset("a an the one another two three four several some many his her their our this that these those "
                         "people person persons".split())


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


# --- unnamed people described by role ("a former colleague", "one longtime nurse, who asked not to be named")
UNNAMED_FORMS = frozenset(UNNAMED_ROLES | {_plural(w) for w in UNNAMED_ROLES})
_PLURAL_FORMS = UNNAMED_FORMS - UNNAMED_ROLES
UNNAMED_PLURALS = frozenset(_PLURAL_FORMS)  # "jurors", "neighbours": the plural forms, for "they" (see attribution)
_LOWER_LEADS = _LOWER_LEADS | UNNAMED_FORMS | GROUP_MODIFIERS | AGENT_GROUPS | UNNAMED_BODIES
_NOUNS = "|".join(sorted(map(re.escape, UNNAMED_FORMS), key=len, reverse=True))
_DET = r"(?:[Aa]n?|[Oo]ne(?:\s+of\s+(?:the|his|her|their|its|our))?|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)"
# "close to the family", "at the plant"; then ", who asked not to be named,"
_TAIL = (r"(?:\s+(?:close to|familiar with|of|at|from|in|for|with|on|inside)\s+(?:(?:the|his|her|their|its|a)\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)?"
         r"(?:,?\s+(?:who|speaking)\b[^,;:]{0,80}?)?")
_UNNAMED_BEFORE = re.compile(rf"(?<![\w’'-])(?P<det>{_DET})\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>{_NOUNS})\b{_TAIL}[\s,]*$")
_UNNAMED_BARE = re.compile(  # "Former co-workers said"; not "The show's producers said"
    rf"[\s,\"'“”‘’—–-]*(?P<det>)(?:(?!(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\b)[\w-]+\s+){{0,2}}?(?P<noun>{_NOUNS})\b{_TAIL}[\s,]*$")
_UNNAMED_AFTER = re.compile(rf"\s*(?P<det>{_DET})\s+(?:[\w’'-]+\s+){{0,3}}?(?P<noun>{_NOUNS})\b")
_WORD = re.compile(r"[\w’'-]+")
_GATE = re.compile(r"[\w-]+")  # words for the cheap test: "patient's" holds "patient"


def _plausible(det: str | None, noun: str) -> bool:
    if det is None:
        return noun in _PLURAL_FORMS  # "Neighbours said"
    if det.lower() in _POSSESSIVE_DETS:
        return noun in PERSONAL_ROLES or noun.rstrip("s") in PERSONAL_ROLES
    return True


def appositive_to_name(plain: str, start: int, mentions: Mentions) -> bool:
    """The description at ``start`` belongs to a name before it ("Dana Pike, a former colleague, said")."""
    return any(e <= start and re.fullmatch(r"\s*,.*", plain[e:start], re.S) is not None and start - e <= 80 for _, e, _ in mentions)


def unnamed_before(left: str, mentions: Mentions) -> Unnamed | None:
    """The words right before a reporting verb describe a person without naming them ("a former colleague told"):
    that unnamed speaker, described by those words up to any relative clause; else None."""
    window = left[-140:]
    if UNNAMED_FORMS.isdisjoint(_GATE.findall(window.lower())):
        return None
    m = _UNNAMED_BEFORE.search(window) or (_UNNAMED_BARE.match(left) if len(left) <= 140 else None)
    if m is None or not _plausible(m.group("det") or None, m.group("noun").lower()):
        return None
    start = len(left) - len(window) + m.start() if m.re is _UNNAMED_BEFORE else m.start("det")
    previous = _WORD.findall(left[max(0, start - 20) : start].lower())
    if previous and previous[-1] in _PREPOSITIONS:
        return None  # "a lawyer for one former employee said": the employee is not who speaks
    if previous and previous[-1] in ("and", "or") and any(start - 8 <= e <= start for _, e, _ in mentions):
        return None  # "Dana Pike and a former colleague said": the named speaker is the one to cite
    if appositive_to_name(left, start, mentions):
        return None
    if m.re is _UNNAMED_BEFORE and not _FUNCTION_WORDS.union(_SUBORDINATORS).isdisjoint(
            w.lower() for w in _WORD.findall(m.string[m.end("det") : m.start("noun")])):
        start = len(left) - len(window) + m.start("noun")  # "a mistrial Monday after jurors said": the jurors
    return Unnamed(description_at(left, start))


def description_at(text: str, start: int, end: int | None = None) -> str:
    """The words describing an unnamed speaker from ``start`` (to ``end``): up to a comma or a relative clause, without
    a connective before them or an adverb after ("But a former colleague, who asked not to be named, also" → "a former
    colleague")."""
    phrase = re.split(r",|\s+(?:who|whom|speaking)\b", text[start:end], maxsplit=1)[0]
    words = phrase.strip(" \"'“”‘’").split()
    while len(words) > 1 and (words[0] in _CONNECTIVE_WORDS or words[0].lower() in _SUBORDINATORS):
        words.pop(0)  # "But a source", "Because jurors": the sentence's link, not the description
    while len(words) > 1 and words[-1].lower() in _TRAILING_WORDS:
        words.pop()
    return " ".join(words)


_CONNECTIVE_WORDS = frozenset(c for c in CONNECTIVES if " " not in c)
# Words that end the text before a reporting verb without describing anyone ("the source also said", "had said"):
# auxiliaries and adverbs of time or report (a list: "-ly" alone would cut "family" and "Italy").
_TRAILING_WORDS = frozenset("""also then later again further previously already still once first earlier recently initially
    originally reportedly allegedly apparently repeatedly publicly privately had has have was were is are would will could""".split())


def unnamed_after(plain: str, end: int, mentions: Mentions) -> str | None:
    """After an inverted verb or "according to": ``anonymous`` for "said a juror who asked not to be named",
    the name for "said one of the jurors, Dana Pike", else None."""
    window = plain[end : end + 120]
    if UNNAMED_FORMS.isdisjoint(_GATE.findall(window.lower())):
        return None
    m = _UNNAMED_AFTER.match(window)
    if m is None or not _plausible(m.group("det"), m.group("noun").lower()):
        return None
    stop = end + m.end()
    named = [key for s, _, key in mentions if stop <= s <= stop + 3]
    return named[0] if named else Unnamed(description_at(window, m.start("det"), m.end()))


# --- groups named by a common noun ("prosecutors said") and the bodies the article names for them
# "Kessler County District Attorney's Office", "Alder Falls Police Department", "Oregon Department of Justice"
_BODY = re.compile(r"(?<![\w’'-])(?P<name>(?:[A-Z][\w.&-]*(?:['’]s)?\s+)+(?:" + "|".join(BODY_NAME_HEADS) + r")(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w.&-]*)+)?)\b")


@dataclass(frozen=True)
class GroupPhrase:
    """A group phrase before or after a reporting verb: ``np`` ends in the group noun ``head``; ``before`` is the
    text before it, ``offset`` where it starts in the sentence; ``at_start``: it opens the sentence."""

    np: str
    head: str
    before: str
    offset: int
    at_start: bool = False


def group_speaker(phrase: GroupPhrase, rec: Recognised, seg: Segmented, index: int, groups: dict[str, Entity]) -> str | None:
    """The speaker for a group phrase (``phrase.np`` ending in ``phrase.head``) of sentence ``index``: an entity id,
    an :class:`Unnamed` speaker, or None.

    Keeps only words that belong to the group's name ("state prosecutors", "Kessler County officials",
    "Baldwin's attorneys"), so "the revenue numbers prosecutors say" is "prosecutors". A group inside a
    subordinate clause ("after his attorneys asked") does not speak for the sentence. People who act for
    someone ("Dana Pike's representatives", "her legal team") name no one: an unnamed source, described as the
    article describes them. A bare group noun is the one body of its kind the article names
    (:func:`named_body`); "prosecutors", "police" or "officials" with none, or with several, name nobody either.
    ``at_start``: the phrase opens the sentence, where a capital letter does not make a word a name.
    """
    kept, owner, dropped = _group_words(phrase)
    if _subordinate(phrase.before, dropped):
        return None  # "was delayed after his attorneys asked": the group is not who says the sentence
    lower_head = phrase.head.lower()
    words = " ".join(kept + [phrase.head if kept else lower_head])
    the = "the " if not dropped and re.search(r"\b[Tt]he\s+$", phrase.before) else ""  # "the defense said"
    if owner and owner.lower() in ("his", "her", "their"):
        person = rec.pronoun(index, phrase.offset, owner, seg) if owner.lower() != "their" else None
        if person:
            return owned_group(f"{rec.entities[person].name}'s {words}", lower_head, rec, groups)
        if lower_head in AGENT_GROUPS:
            return Unnamed(f"{owner.lower()} {words}")  # "their lawyers": whose, the sentence does not say
        owner = None
    if owner:
        named = _owner_named(owner[:-2], rec, index)
        return owned_group(f"{named}'s {words}" if named else f"{the}{owner} {words}", lower_head, rec, groups)
    if lower_head in AGENT_GROUPS:
        return Unnamed(f"{the}{words}")  # "the defense team said", "lawyers said"
    if kept:
        return _modified_group(kept, phrase.head, the, rec, groups)
    return _bare_group(lower_head, the, rec, seg, index, groups)


def _subordinate(before: str, dropped: list[str]) -> bool:
    """Whether a group whose phrase follows ``before`` and the words ``dropped`` from it stands in a subordinate
    clause ("was delayed after his attorneys asked"), past any determiner."""
    preceding = [w.lower() for w in _WORD.findall(f"{before} {' '.join(dropped)}")]
    while preceding and preceding[-1] in _DETERMINERS:
        preceding.pop()
    return bool(preceding) and preceding[-1] in _SUBORDINATORS


def _owner_named(surname: str, rec: Recognised, index: int) -> str | None:
    """The full name of the person of sentence ``index`` whose surname the owner is ("Pike's representatives" after
    "Dana Pike": "Dana Pike"), or None when the sentence names nobody so."""
    return next((rec.entities[k].name for _, _, k in rec.sentences[index].entities
                 if name_parts(rec.entities[k].name)[-1:] == (surname,) and rec.entities[k].kind == "person"), None)


def _modified_group(kept: list[str], head: str, the: str, rec: Recognised, groups: dict[str, Entity]) -> str:
    """A group noun ``head`` with the words ``kept`` of its name: "state prosecutors", "law enforcement officials"
    (only common modifiers of a body left unnamed) are an unnamed source; "Kessler County officials" a group."""
    words = " ".join(kept + [head])
    if head.lower() in UNNAMED_BODIES and all(w.lower() in GROUP_MODIFIERS for w in kept):
        return Unnamed(f"{the}{words.lower()}")  # no body named
    return group_entity(words, rec, groups)


def _bare_group(head: str, the: str, rec: Recognised, seg: Segmented, index: int, groups: dict[str, Entity]) -> str:
    """A bare group noun ``head`` ("prosecutors said"): the one body of its kind the article names, else an unnamed
    source for a body left unnamed ("police"), else a group of that name."""
    body = named_body(head, rec, seg, index, groups)
    if body:
        return body
    if head in UNNAMED_BODIES:
        return Unnamed(f"{the}{head}")
    return group_entity(head, rec, groups)


def owned_group(phrase: str, head: str, rec: Recognised, groups: dict[str, Entity]) -> str:
    """A group owned by someone ("Dana Pike's lawyers", "the studio's legal team" as ``phrase``, its noun ``head``):
    people acting for the owner are an unnamed source described so; any other group an organisation."""
    return Unnamed(phrase) if head.lower() in AGENT_GROUPS else group_entity(phrase, rec, groups)


def _group_words(phrase: GroupPhrase) -> tuple[list[str], str | None, list[str]]:
    """The words before a group noun that belong to the group's name ("state", "Kessler County"), its owner ("his",
    "Baldwin's"; None), and the words left before them: "the revenue numbers prosecutors" keeps no word."""
    words = phrase.np.split()
    mods = words[: len(words) - len(phrase.head.split())]
    at_start = phrase.at_start
    kept: list[str] = []
    owner: str | None = None
    dropped = list(mods)
    while dropped:
        word = dropped[-1]
        lower = word.lower()
        capitalised = word[:1].isupper() and word not in NOT_NAMES and not word.endswith(("'s", "’s", "'", "’"))
        if at_start and len(dropped) == 1 and not (kept and kept[0][:1].isupper()):
            capitalised = False  # "Separately prosecutors said"; but "Kessler County prosecutors said"
        if lower in GROUP_MODIFIERS or capitalised:
            kept.insert(0, dropped.pop())
        elif word.endswith(("'s", "’s")) and word[:-2].isalpha():
            owner = dropped.pop()  # "Baldwin's legal team", "the state's Medicaid agency"
            break
        elif lower in ("his", "her", "their"):
            owner = dropped.pop()
            break
        else:
            # other lower-case words only between an owner and the noun: "the state's film agency"
            # (not "the revenue numbers prosecutors say", not "the money officials say he took")
            j = len(dropped)
            while j > 0 and dropped[j - 1].isalpha() and dropped[j - 1].islower() and not dropped[j - 1].endswith("ly") \
                    and dropped[j - 1] not in _FUNCTION_WORDS:
                j -= 1
            if j == 0 or j == len(dropped) or not dropped[j - 1].endswith(("'s", "’s")):
                break
            kept[:0] = dropped[j:]
            del dropped[j:]
    return kept, owner, dropped


def named_body(head: str, rec: Recognised, seg: Segmented, index: int, groups: dict[str, Entity]) -> str | None:
    """The organisation that fits ``head`` ("prosecutors": an attorney's office, a justice department). For vague
    "officials", the nearest the article names in this or the two sentences before; for any other head, the one the
    article names anywhere: None when it names none, or several (a guess between two offices would give the words
    to the wrong one)."""
    cues = BODY_CUES.get(head)
    if not cues:
        return None
    if head in VAGUE_GROUPS:  # "officials" speak for whichever body the text is about at that point
        for k in range(index, max(-1, index - 3), -1):
            bodies = _bodies_in(k, cues, rec, seg)
            if bodies:
                key, name = ([b for b in bodies if b[0]] or bodies)[-1]  # a recognised body before a pattern's
                return key or body_entity(name, rec, groups)
        return None
    found: dict[str, tuple[str | None, str]] = {}
    for k in range(len(seg.sentences)):
        for key, name in _bodies_in(k, cues, rec, seg):
            found.setdefault(key or rec.directory.lookup(name) or slugify(name), (key, name))
    bodies = _distinct_bodies(list(found.values()))
    if len(bodies) != 1:
        return None
    key, name = bodies[0]
    return key or body_entity(name, rec, groups)


def _distinct_bodies(bodies: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """The bodies of ``bodies`` (entity id or None, name) once each: a name written inside another's ("the District
    Attorney's Office" after "the Marlow County District Attorney's Office") is a short form of it, not a second
    body. The longer form is kept, a recognised entity before a pattern's name."""
    def words(name: str) -> tuple[str, ...]:
        return tuple(name.lower().replace("’", "'").split())

    def inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))

    ordered = sorted(bodies, key=lambda b: (-len(words(b[1])), b[0] is None))
    kept: list[tuple[str | None, str]] = []
    for body in ordered:
        if not any(inside(words(body[1]), words(other[1])) for other in kept):
            kept.append(body)
    return kept


def _bodies_in(k: int, cues: tuple[str, ...], rec: Recognised, seg: Segmented) -> list[tuple[str | None, str]]:
    """The bodies sentence ``k`` names that fit ``cues`` as (entity id, name), nearest the end last: the entities
    recognition found, then (id None) the names the body pattern finds ("… District Attorney's Office")."""
    found: list[tuple[str | None, str]] = []
    for _, _, key in rec.sentences[k].entities:
        entity = rec.entities[key]
        if entity.kind == "organization" and len(entity.name.split()) > 1 and any(c in entity.name for c in cues):
            found.append((key, entity.name))
    text = seg.sentences[k].text
    if any(h in text for h in _BODY_HEADS):
        for m in _BODY.finditer(text):
            name = body_name(m.group("name"))
            if name and any(c in name for c in cues):
                found.append((None, name))
    return found


def body_name(found: str) -> str | None:
    """ "The Kessler County District Attorney's Office" → without the sentence words before it; None if too short."""
    words = found.split()
    while len(words) > 2 and words[0] in NOT_NAMES:
        words.pop(0)
    return " ".join(words) if len(words) > 1 and words[0] not in NOT_NAMES else None


def body_at(text: str, end: int) -> str | None:
    """The full body name ending at ``end`` ("… District Attorney's Office" when a name finder kept only "Office")."""
    for m in _BODY.finditer(text, max(0, end - 90), end + 1):
        if m.end() == end:
            return body_name(m.group("name"))
    return None


def body_entity(name: str, rec: Recognised, groups: dict[str, Entity]) -> str:
    known = rec.directory.lookup(name) or rec.directory.lookup(f"the {name}")
    if known:
        return group_entity_known(known, rec, groups)
    key = slugify(name)
    if key not in groups:
        groups[key] = Entity(key, name, "organization", rules=["referents.body"])
    return key


def group_entity_known(key: str, rec: Recognised, groups: dict[str, Entity]) -> str:
    if key not in groups:
        person = next(p for p in rec.directory.people if p.id == key)
        groups[key] = Entity(key, person.name, person.kind, known=True)
    return key


def group_entity(phrase: str, rec: Recognised, groups: dict[str, Entity]) -> str:
    """An organisation for a group named by a common noun ("prosecutors", "the sheriff's office")."""
    phrase = re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", phrase.strip(), flags=re.I)
    name = phrase[:1].upper() + phrase[1:]
    if "'s " in phrase:
        owner, _, rest = phrase.partition("'s ")
        parts = owner.split()
        for alias in ([f"{parts[-1]}'s {rest}", f"{parts[-1]} {rest}"] if parts else []):
            hit = rec.directory.lookup(alias)
            if hit:
                return group_entity_known(hit, rec, groups)
    known = rec.directory.lookup(phrase) or rec.directory.lookup(f"the {phrase}")
    if known:
        return group_entity_known(known, rec, groups)
    key = slugify(name)
    if key not in groups:
        groups[key] = Entity(key, name, "organization", role=name, rules=["referents.group"])
    return key


# --- "the judge wrote": the nearest person the article gave that role
_JUDICIAL = re.compile(r"\b(?:" + "|".join(JUDICIAL_WORDS) + r")\b", re.I)
_HOLDER = re.compile(r"(?<![\w’'-])(?P<det>[Tt]he|[Aa])\s+(?:[\w.’'-]+\s+){0,5}?(?P<head>" + "|".join(HOLDER_TITLES) + r")\s+"
                     r"(?:(?:on|last|this|late|early)\s+\w+\s+)?(?:(?:also|then|later|further|again)\s+)?$")


# A condition or a general case opening the clause of "a judge" ("if a judge finds", "unless a judge orders")
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether|whenever|should)\b", re.I)


def judicial(entity: Entity | None) -> bool:
    return entity is not None and bool(_JUDICIAL.search(f"{entity.role or ''} {entity.name}"))


# "the district attorney said", "the new chief executive said:": any other office, held by one person the article names
_OFFICE = re.compile(r"(?<![\w’'-])[Tt]he\s+(?P<mods>(?:[a-z][\w-]*\s+){0,3}?)(?P<head>[a-z][\w-]*|[A-Z]{2,4})\s+"
                     r"(?:(?:also|then|later|further|again)\s+)?$")


def _office(left: str) -> list[str] | None:
    """The office of "the <office>" ending ``left`` as lower-case words without words of tenure ("the new CEO" →
    ["ceo"]); None when the words before a verb are no office (or a judge's, which :func:`holder` looks up)."""
    m = _OFFICE.search(left[-90:])
    head = m.group("head").lower() if m else ""
    if m is None or head not in ROLE_WORDS or head in HOLDER_HEADS:
        return None
    return [w for w in m.group("mods").split() if w not in TENURE_WORDS] + [head]


def office_before(left: str) -> bool:
    """Whether the words right before a verb are "the <office>" ("the district attorney", "the new CEO")."""
    return _office(left) is not None


def office_holder(left: str, rec: Recognised, index: int, seg: Segmented | None = None) -> str | None:
    """ "the district attorney" right before a verb: the one person named by then whose role ends in that office,
    every word before it in the role too ("Norfolk District Attorney Michael Morrissey"), but for words of tenure;
    with none, the one the article says took the office ("as Dana Pike takes over the role of CEO"); None when the
    article names none or several (a guess between two would put words in someone's mouth)."""
    office = _office(left)
    if office is None:
        return None

    def holds(entity: Entity) -> bool:
        words = re.findall(r"[\w-]+", (entity.role or "").lower())
        return entity.kind == "person" and words[-1:] == [office[-1]] and set(office) <= set(words)

    found = [k for k, e in rec.entities.items() if holds(e) and e.first_sentence <= index]
    if not found and seg is not None:
        found = list(dict.fromkeys(_took_office(seg, rec, index, office)))
    return found[0] if len(found) == 1 else None


def _took_office(seg: Segmented, rec: Recognised, index: int, office: list[str]) -> list[str]:
    """The people sentences up to ``index`` say took ``office``: "as Dana Pike takes over the role of CEO", "Dana Pike
    was named chief executive" (a role the name finder does not give them, as it stands after a verb)."""
    took = re.compile(r"\s+(?:(?:takes|took|taking|will take|has taken) over (?:as|the role of)|(?:was|is|has been|had been) (?:named|appointed))"
                      rf"\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?{re.escape(' '.join(office))}\b", re.I)
    return [key for k in range(index + 1) for _, e, key in rec.sentences[k].entities
            if rec.entities[key].kind == "person" and took.match(seg.sentences[k].text, e)]


def holder(left: str, rec: Recognised, index: int, seg: Segmented | None = None) -> str | None:
    """ "the judge" / "a Kessler County judge" right before a verb: the judge the article names nearest; "the
    district attorney": the one holder of that office the article names (see office_holder)."""
    window = left[-90:]
    m = _HOLDER.search(window)
    if m is None:
        return office_holder(left, rec, index, seg)
    at = len(left) - len(window) + m.start()
    head = m.group("head").lower()
    if m.group("det").lower() == "a" and _HYPOTHETICAL.search(re.split(r"[,;:]", left[:at])[-1]):
        return None  # "a mistrial is declared if a jury cannot agree or a judge finds …": any judge, nobody named

    def holds(key: str) -> bool:
        entity = rec.entities[key]
        return entity.kind == "person" and head in (entity.role or "").lower().split()

    back = range(index, max(-1, index - 6), -1)
    ahead = range(index + 1, min(len(rec.sentences), index + 3))
    for k in ([*ahead, *back] if m.group("det").lower() == "a" else [*back, *ahead]):
        found: list[str] = [key for s, _, key in rec.sentences[k].entities if holds(key) and (k != index or s < at)]
        if found:
            return found[-1] if k <= index else found[0]
    return None
