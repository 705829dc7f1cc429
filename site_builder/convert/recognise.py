"""Recognise who, when and what in a segmented article.

In: a :class:`~.segment.Segmented` article, its publication date, the
people already in ``people.yaml`` (:class:`Directory`) and the case's
:class:`TopicMatcher`. Out: :class:`Recognised` — the article's people and
organisations (:class:`Entity`, with roles, aliases and epithets), and per
sentence the entities mentioned, the dates found and the topics touched.
A short form of a full name ("Theo Lusk" for "Theodore Lusk") is the same
person. Single names resolve only to one unambiguous person — "Mr."/"Mrs."
pick the only one of that gender, a bare surname shared by relatives the
article's main figure or the one not named as a relative — and otherwise stay
unresolved, never a new person; "the judge" is the only judge named so far
(or in the article), and "the family's lawyer" the only lawyer named for a
family. A full name the article also uses as a company's ("Orrin Pask's shares
fell", "Orrin Pask LLC") is an organisation. Pronouns are resolved on demand by
:meth:`Recognised.pronoun`, again only when unambiguous. :func:`group_for`
puts only holders of public office in ``officials``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .directory import Directory, name_parts, norm_name
from ..ruler import Ruler
from .lexicon import FAMILY, FEMALE, LEGAL, MALE, MEDIA, OFFICIAL
from .lexicon.roles import CELEBRITY_HEADS
from .lexicon.name_particles import ACRONYM_SKIP as _ACRONYM_SKIP, ORG_NAME_CONNECTOR as _ORG_NAME_CONNECTOR
from .lexicon.organisations import (COMPANY_CUES as _COMPANY_CUES, COMPANY_ENDS, COMPANY_NOUN as _COMPANY_NOUN, LEGAL_SUFFIXES,
                                    OFFICE_HEAD_FORMS as _OFFICE_HEADS, PRIVATE_EMPLOYERS as _PRIVATE)
from .lexicon.places import COUNTRY_PREFIXES
from .lexicon.roles import SHARED_OFFICES as _SHARED_OFFICES
from .lexicon.titles import TITLE_ABBREVIATIONS as _TITLE_ABBREVIATIONS
from .names import Mention, find_mentions, titled_quotation
from .segment import MAX_SENTENCE, Segmented
from .slug import slugify
from ..articles.timex import DateMention, find_dates
from .topics import TopicMatcher


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # "person" | "organization"
    known: bool = False
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    mentions: int = 0
    explicit: bool = False  # full name stated in this article
    first_sentence: int = 0
    # the rules that found it, outermost first ("recognise.full-names > names.person"): for --explain
    rules: list[str] = field(default_factory=list, compare=False)

    def note(self, rule: str) -> None:
        """Record that ``rule`` found this entity (once)."""
        if rule not in self.rules:
            self.rules.append(rule)

    @property
    def group(self) -> str:
        return group_for(self.role, self.kind)


_PUBLIC_LAWYER = re.compile(r"\b(?:u\.?s\.?|united states|district|state['’]?s?|city|county|assistant|deputy)\s+attorney\b|\battorney[- ]general\b|\bprosecut", re.I)
_CORPORATE_OFFICER = re.compile(r"\bchief\s+(?:[a-z-]+\s+){1,2}officer\b|\bc[efoti]o\b")


def group_for(role: str | None, kind: str) -> str:
    text = (role or "").lower()
    words = set(re.findall(r"[a-z-]+", text.replace("district attorney", "district-attorney")))
    words = {_TITLE_ABBREVIATIONS.get(w, w) for w in words}
    # Officials hold a public office now: not a retiree, nor a company's officer or a school's secretary.
    holds_office = "retired" not in words
    if holds_office and role and _PUBLIC_LAWYER.search(role):
        return "officials"
    office = words & OFFICIAL
    if office and office <= _SHARED_OFFICES and (words & _PRIVATE or _CORPORATE_OFFICER.search(text)):
        holds_office = False
    if holds_office and (words & {"district-attorney"} or office and not words & LEGAL - {"legal"}):
        return "officials"
    if words & LEGAL:
        return "legal"
    if words & FAMILY:
        return "family"
    if words & MEDIA:
        return "media"
    return "other"


_LOWER_WORDS = re.compile(r"[a-z]+")
_EPITHET_OWNER = re.compile(r"(?:the|this|that)\s+([a-z]+)['’]s\s", re.I)  # "the family's lawyer"
_OWNED_ROLE = re.compile(r"\b(?:of|for|to)\b|['’]")  # "son of Alec Baldwin", "Baldwin's son": the role names its owner


@dataclass
class SentenceFacts:
    entities: list[tuple[int, int, str]]  # (start, end, entity id) in sentence offsets
    dates: list[DateMention]
    topics: dict[str, float]


@dataclass
class Recognised:
    entities: dict[str, Entity]
    sentences: list[SentenceFacts]
    unresolved: list[str]
    main: str | None
    loose: list[str] = field(default_factory=list)  # single names left unresolved (hints from other articles may help)
    directory: Directory = field(default_factory=Directory)
    mentions: list[list[Mention]] = field(default_factory=list)  # as found, before resolution (for a second look)

    def pronoun(self, sentence: int, offset: int, word: str, seg: Segmented, possessors: bool = True) -> str | None:
        """The one person a pronoun can refer to, or None.

        The nearest sentence (its own words before the pronoun, then up to two sentences back) naming a person the
        pronoun can be — of its gender or of unknown gender, not named only as a possessor ("Asked about Tom Reed's
        role, she said": not Tom Reed, so the search goes on) — gives the candidates: the only one, or among several
        the subject of that sentence's main clause ("Dana Pike, 41, testified against Tom Reed." ¶ "…," she said).
        Possessors are a last resort, when nobody else is named that near (unless ``possessors`` is False)."""
        gender = "f" if word.lower() in ("she", "her", "hers", "herself") else "m" if word.lower() in ("he", "him", "his", "himself") else None
        if gender is None:
            return None

        def people(index: int, before: int | None) -> tuple[list[str], list[str], str | None]:
            """(actors, possessors) of the right gender named in sentence ``index`` outside quotation marks, and the
            subject of its main clause if it is one of the actors."""
            sentence_ = seg.sentences[index]
            text = sentence_.text
            actors: list[str] = []
            owners: list[str] = []
            subject: str | None = None
            seen_subject = False  # only the first name placed like a subject is the subject
            for s, e, k in self.sentences[index].entities:
                entity = self.entities[k]
                if (before is not None and s >= before) or seg.inside_quote(sentence_.start + s):
                    continue
                possessor = text[e : e + 1] in ("'", "’")
                first = not seen_subject and not possessor and _SUBJECT_BEFORE.fullmatch(text, 0, s) is not None
                seen_subject = seen_subject or first
                if entity.kind != "person" or entity.gender not in (gender, None):
                    continue
                (owners if possessor else actors).append(k)
                if first:
                    subject = k
            return list(dict.fromkeys(actors)), list(dict.fromkeys(owners)), subject

        fallback: list[str] = []
        for k in range(sentence, max(-1, sentence - 3), -1):
            actors, owners, subject = people(k, offset if k == sentence else None)
            fallback = fallback or owners
            if actors:
                if k == sentence and len(actors) == 1 and self._rival_before(k, actors[0], gender, seg, people):
                    return None
                return actors[0] if len(actors) == 1 else subject
        return fallback[0] if len(fallback) == 1 and possessors else None

    def _rival_before(self, index: int, actor: str, gender: str, seg: Segmented,
                      people: Callable[[int, int | None], tuple[list[str], list[str], str | None]]) -> bool:
        """Whether the one person ``actor`` named before a pronoun in its sentence ``index``, of no known gender, has a
        rival the paragraph is about: the subject of the sentence before in the same paragraph, known to be of the
        pronoun's ``gender`` ("Dana Pike rose to fame. Governor Lee Marsh praised her calm after she told the court
        …": "she" may be either; unknown is better than a guess)."""
        if self.entities[actor].gender is not None or index == 0 or seg.sentences[index - 1].paragraph != seg.sentences[index].paragraph:
            return False
        _, _, subject = people(index - 1, None)
        return subject is not None and subject != actor and self.entities[subject].gender == gender


# What may stand before a main clause's subject: nothing, title words ("US District Judge"), or an opening phrase
# closed by a comma and at most six lower-case words ("Answering questions from Tom Reed, a calm Dana Pike …";
# "A lawyer for Mr. Tom Reed, Lee Marsh, …"). A name after "After meeting " or "told " is no subject.
_SUBJECT_BEFORE = re.compile(r"\s*(?:(?:[A-Z][\w.’'-]*\s+)*|[^\n]*?,\s+(?:[a-z][\w’'-]*\s+){0,6})")


@dataclass
class Recognition:
    """The state of recognition for one article: what it reads, and what the passes of :data:`PASSES` add in turn
    (the mentions per sentence, the entities, the mentions resolved to them, the main figure, the sentence facts)."""

    seg: Segmented
    published: str | None
    directory: Directory
    topics: TopicMatcher
    previous: Recognised | None
    per_sentence: list[list[Mention]] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    resolved: list[list[tuple[int, int, str]]] = field(default_factory=list)
    lower_words: frozenset[str] = frozenset()
    main: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    facts: list[SentenceFacts] = field(default_factory=list)
    found: _Found | None = None

    def add(self, name: str, kind: str, mention: Mention | None, index: int, explicit: bool) -> str:
        """Count a mention of ``name`` (see :meth:`_Found.add`); returns its key."""
        assert self.found is not None, "the mentions pass runs first"
        return self.found.add(name, kind, mention, index, explicit)

    def known(self, key: str, index: int) -> Entity:
        """The entity ``key``, added from the directory when the article has not named it yet."""
        if key not in self.entities:
            known_person = next(p for p in self.directory.people if p.id == key)
            self.entities[key] = Entity(key, known_person.name, known_person.kind, known=True, first_sentence=index)
        return self.entities[key]

    def count_main(self) -> None:
        """Count the mentions of each entity, and take the most mentioned (the first named on a tie) as the main one."""
        self.counts = _counts(self.entities)
        self.main = max(self.counts, key=lambda k: (self.counts[k], -self.entities[k].first_sentence)) if self.counts else None


def recognise(seg: Segmented, published: str | None, directory: Directory, topics: TopicMatcher,
              previous: Recognised | None = None) -> Recognised:
    """Recognise an article; with ``previous`` (the same article, recognised before) only names are resolved again."""
    state = Recognition(seg, published, directory, topics, previous)
    PASSES.run_all(state)
    return Recognised(state.entities, state.facts, sorted(set(state.unresolved)), state.main, sorted(set(state.loose)), directory,
                      state.per_sentence)


def _mentions(st: Recognition) -> bool:
    """The capitalised names of each sentence ("Judge Mary Sommer", "Pike", "the judge"); a second look reuses them."""
    seg = st.seg
    if st.previous is not None:
        st.per_sentence = st.previous.mentions  # never changed in place
    else:
        for sentence in seg.sentences:
            if len(sentence.text) > MAX_SENTENCE:
                st.per_sentence.append([])  # unpunctuated text: nothing reliable to find, and too costly to try
                continue
            # short quotations (scare quotes, titles) and titles of works of any length are not looked into
            short = [(q.open - sentence.start, q.close - sentence.start + 1) for q in seg.quotes_in(sentence.start, sentence.end)
                     if q.words <= 6 or titled_quotation(sentence.text[: q.open - sentence.start])]
            st.per_sentence.append(find_mentions(sentence.text, short))
        if st.directory.principals:
            for sentence, mentions in zip(seg.sentences, st.per_sentence):
                _principal_mentions(sentence.text, mentions, st.directory.principals, seg.lower_words)
    st.lower_words = seg.lower_words  # kept by the article: a second look needs it again
    st.found = _Found(seg, st.directory, st.per_sentence, st.entities)
    st.resolved = [[] for _ in seg.sentences]
    return False


def _principal_mentions(text: str, mentions: list[Mention], principals: tuple[str, ...], lower_words: frozenset[str]) -> None:
    """The case's principals where the name finder saw no name: "Becky Hill faced charges", "Hill said" (a place
    word, "Hill", ends her name). Their full name, and their surname alone (a capitalised word standing alone that the
    article never writes in lower case: not "Read the statement" where "read" is a word; and not a possessive), are
    added to ``mentions``."""
    for name in principals:
        surname = name_parts(name)[-1]
        if surname not in text:
            continue  # most sentences name no principal: no pattern to run
        for word, kind in ((name, "person"), (surname, "single")):
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", text):
                if any(x.start < m.end() and m.start() < x.end for x in mentions) or kind == "single" and (
                        _common(word, lower_words) or _NOT_ALONE.match(text, m.end()) or _CAPITAL_BEFORE.search(text, 0, m.start())):
                    continue
                mentions.append(Mention(m.start(), m.end(), word, kind, word, evidence=True, rule="names.principal"))
    mentions.sort(key=lambda x: x.start)


# "Hill Street": the surname is part of another name; "One of Weinstein's attorneys, X,": a possessive the name finder
# read as a role's owner, not a mention of its own
_NOT_ALONE = re.compile(r"\s+[A-Z]|['’]s?\b")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s+$")  # "Capitol Hill", "Becky Hill" (already the full name's)


def _full_names(st: Recognition) -> bool:
    """"Dana Pike, a lawyer, said": a full name with evidence (a role, a title, a listed name, no common word) is a
    person; "the Harborview Port Authority said" an organisation that acts or is listed."""
    short_forms = _company_short_forms(st.per_sentence)
    # surnames the article also writes alone, capitalised inside a sentence ("said Hill", "to Ms. Heard"): names,
    # even where the same word is a common one ("Hill", "heard")
    alone = {m.name for mentions in st.per_sentence for m in mentions if m.kind == "single" and m.start > 0}
    for index, mentions in enumerate(st.per_sentence):
        for m in mentions:
            if m.kind == "person" and not m.evidence and m.name in short_forms:
                continue  # "lent to Kestrel Point" beside "Kestrel Point Capital": the company, not a person
            if m.kind == "person" and (m.evidence or st.directory.lookup(m.name) or not any(_common(w, st.lower_words) for w in m.name.split())
                                       or _surname_used_alone(m.name, alone, st.lower_words)):
                key = st.add(m.name, "person", m, index, True)
            elif m.kind == "org" and (st.directory.lookup(m.name) or m.possessive or _acts(st.seg.sentences[index].text, m)):
                key = st.add(m.name, "organization", None, index, True)
            else:
                continue
            st.resolved[index].append((m.start, m.end, key))
            st.entities[key].note(f"recognise.full-names > {m.rule}" if m.rule else "recognise.full-names")
    return False


def _transcript_labels(st: Recognition) -> bool:
    """"MARY SOMMER, JUDGE:" opening a paragraph names a speaker of a broadcast transcript."""
    assert st.found is not None
    _transcript_speakers(st.seg, st.found, st.resolved)
    return False


def _acronyms(st: Recognition) -> bool:
    """"News Group Newspapers (NGN)": the acronym is the organisation named in full."""
    _expand_acronyms(st.entities, st.resolved, st.seg)
    return False


def _companies(st: Recognition) -> bool:
    """"Orrin Pask's shares fell", "Orrin Pask LLC": a full name the article uses as a company's is an organisation."""
    _companies_named_as_people(st.entities, st.seg.text, st.lower_words)
    return False


def _short_forms(st: Recognition) -> bool:
    """"Theo Lusk" beside "Theodore Lusk": one person; then the main figure is counted."""
    _merge_short_forms(st.entities, st.resolved)
    _merge_org_forms(st.entities, st.resolved)
    st.count_main()
    return False


def _single_names(st: Recognition) -> bool:
    """"Pike said": a single name resolves to one unambiguous person named in full (or listed); never a guess."""
    for index, mentions in enumerate(st.per_sentence):
        for m in mentions:
            if m.kind == "single":
                _single_name(st, index, m)
    st.count_main()
    return False


def _single_name(st: Recognition, index: int, m: Mention) -> None:
    """Resolve one single-name mention: to the person it names, a person the directory hints at, a new person when
    the article gives a role ("Mr. Pike, the lawyer,"), or nobody (kept as loose or unresolved for the report)."""
    key, shared = _resolve_single(m.name, st.entities, st.directory, _title_gender(m), st.main, st.counts)
    common = _common(m.name, st.lower_words)
    if key is None and shared:
        pass  # several people of the article share the name: neither a guess nor a new person
    elif key is None and not _kin(m) and (hint := st.directory.hint(m.name)) and not common and not _company_use(m.name, st.seg.text):
        key = st.add(hint, "person", m, index, False)
        st.entities[key].note("recognise.single-names > directory-hint")
    elif key is None and not common:
        st.loose.append(m.name)
    if key is None and not shared and m.evidence and (m.role or m.title) and not common:
        key = _single_with_role(st, index, m)
    elif key is not None:
        entity = st.known(key, index)
        entity.mentions += 1
        if m.role and not entity.role and not entity.known:
            entity.role = _clean_role(m.role)
        entity.gender = entity.gender or _gender(m, st.seg.sentences[index].text, _alone(st.seg, st.per_sentence, index))
    elif (m.role or m.title or m.age) and not common:
        st.unresolved.append(m.name)
    if key is not None:
        st.resolved[index].append((m.start, m.end, key))


def _spouse_before(st: Recognition, index: int, m: Mention) -> Entity | None:
    """The person named in full before ``m`` in its sentence, nearest first, if the article gives them a family role
    ("Holmes' husband, Billy Evans"): the family a relative listed after them belongs to."""
    before = [x for x in st.per_sentence[index] if x.kind == "person" and x.end <= m.start]
    if not before:
        return None
    nearest = max(before, key=lambda x: x.start)
    key = next((k for start, _, k in st.resolved[index] if start == nearest.start), None)
    entity = st.entities[key] if key is not None else None
    words = set((entity.role or "").lower().replace("'", " ").replace("’", " ").split()) if entity is not None else set()
    return entity if entity is not None and entity.kind == "person" and words & FAMILY else None


def _kin(m: Mention) -> bool:
    """"his wife Maggie": a single name the article gives a family role is named from that role
    (:func:`_single_with_role`), never from a hint."""
    return bool(set((m.role or m.title or "").lower().split()) & FAMILY)


def _single_with_role(st: Recognition, index: int, m: Mention) -> str:
    """"his wife Hilaria said": a single name the article gives a role is a person; a relative of the main figure
    takes the family name ("Hilaria Baldwin"), or, after a relative named in full in the same sentence, that
    relative's ("Holmes' husband, Billy Evans, and their two kids—William, 3, …": William Evans)."""
    name = m.name
    role = (m.role or m.title or "").lower()
    main = _spouse_before(st, index, m) or (st.entities[st.main] if st.main else None)
    if set(role.split()) & FAMILY and main and main.kind == "person" and len(main.name.split()) > 1:
        name = f"{m.name} {name_parts(main.name)[-1]}"
        if not st.directory.lookup(name):
            # a copy: the mentions as found are kept for a second look
            m = replace(m, role=f"{m.role} of {main.name}" if m.role and not _OWNED_ROLE.search(m.role) else m.role)
    key = st.add(name, "person", m, index, False)
    st.entities[key].note("recognise.single-names > with-a-role")
    if name != m.name and m.name not in st.entities[key].aliases:
        st.entities[key].aliases.append(m.name)
    return key


def _epithets(st: Recognition) -> bool:
    """"the 30 Rock star", "the judge", "the family's lawyer": now that every name has been counted, the only person
    the epithet fits (the only judge named so far; the main figure for a celebrity's epithet)."""
    words_of_role: dict[str, list[str]] = {}  # roles do not change in this pass
    for index, mentions in enumerate(st.per_sentence):
        for m in mentions:
            if m.kind == "epithet":
                _epithet(st, index, m, words_of_role)
    return False


def _epithet(st: Recognition, index: int, m: Mention, words_of_role: dict[str, list[str]]) -> None:
    """Resolve one epithet mention, counting it (and its capitalised form as an alias) for the person it fits."""
    entities, directory = st.entities, st.directory
    key = directory.lookup(m.name) or directory.lookup(re.sub(r"^(?:the|this|that)\s+", "the ", m.name, flags=re.I))
    head = (m.title or "").lower()
    owner = _EPITHET_OWNER.match(m.name)
    if key is None:
        holders = [k for k, e in entities.items() if e.kind == "person" and
                   any(w.startswith(head) for w in _role_words(words_of_role, entities, k))]
        if owner:  # "the family's lawyer": only a lawyer the article names for a family
            holders = [k for k in holders if owner.group(1).lower() in _role_words(words_of_role, entities, k)]
        if len(holders) > 1:  # the only holder named so far ("the judge" after Judge A, before Judge B)
            holders = [k for k in holders if entities[k].first_sentence <= index]
        key = holders[0] if len(holders) == 1 else None
    main = st.main
    if key is None and head in CELEBRITY_HEADS and not owner and main and entities[main].kind == "person" and _dominant(st.counts, main):
        key = main
    if key is None:
        return
    entity = st.known(key, index)
    entity.mentions += 1
    alias = re.sub(r"^(?:This|That)\b", "The", re.sub(r"^(?:this|that)\b", "the", m.name))
    if re.search(r"\s[A-Z0-9]", alias) and alias not in entity.aliases and not entity.known:
        entity.aliases.append(alias)
    st.resolved[index].append((m.start, m.end, key))


def _family(st: Recognition) -> bool:
    """"Halyna Hutchins' husband, Matthew Hutchins": relatives named as such are related."""
    _relate_family(st.entities)
    return False


def _sentence_facts(st: Recognition) -> bool:
    """Per sentence: the entities resolved, the dates found (dated from the publication day) and the strands touched;
    a second look keeps the dates and strands of the first."""
    for index, sentence in enumerate(st.seg.sentences):
        if st.previous is not None:
            before = st.previous.sentences[index]
            st.facts.append(SentenceFacts(sorted(st.resolved[index]), before.dates, dict(before.topics)))
        elif len(sentence.text) > MAX_SENTENCE:
            st.facts.append(SentenceFacts([], [], {}))
        else:
            st.facts.append(SentenceFacts(sorted(st.resolved[index]), find_dates(sentence.text, st.published), st.topics.match(sentence.text)))
    _lean_to_dominant(st.facts)
    return False


PASSES: Ruler[Recognition] = Ruler("recognise", [
    ("mentions", _mentions),
    ("full-names", _full_names),
    ("transcript-labels", _transcript_labels),
    ("acronyms", _acronyms),
    ("companies", _companies),
    ("short-forms", _short_forms),
    ("single-names", _single_names),
    ("epithets", _epithets),
    ("family", _family),
    ("sentence-facts", _sentence_facts),
])


# How an article uses a name as a company's: "Orrin Pask's shares fell" (a person's shares are "in" something),
# "shares of Orrin Pask", "Orrin Pask, the company, said", "his company, Orrin Pask", "Orrin Pask LLC". Fixed
# patterns, run once per article only when one of their words occurs; each captures the capitalised run, which
# must end (or begin) with the name.
_RUN = r"([A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){1,5})"
_RUN_BEFORE_CUE = re.compile(_RUN + r"(?:['’]s?\s+(?:shares|stock|share\s+price)\s+(?:fell|rose|jumped|dropped|plunged|slid|slumped|sank|climbed|gained|"
                             r"soared|tumbled|surged|traded|closed|opened|ended)\b|,\s+(?:the|a|an)\s+(?:[a-z-]+\s+)?"
                             + _COMPANY_NOUN + r"(?=\s*[,.;)]|\s+(?:that|which|based)\b))")
_RUN_AFTER_CUE = re.compile(r"\b(?:shares\s+(?:of|in)|(?:his|her|their|its|the)\s+" + _COMPANY_NOUN + r",)\s+" + _RUN)
_LEGAL_SUFFIX = re.compile(_RUN + r"\s+(?:" + "|".join(LEGAL_SUFFIXES) + r")\b")
_LEGAL_SUFFIX_GATE = tuple(" " + suffix for suffix in LEGAL_SUFFIXES)  # " LLC" …: its pattern's cheap test



def _company_short_forms(per_sentence: list[list[Mention]]) -> set[str]:
    """The first words of the article's company names ("Kestrel Point" of "Kestrel Point Capital")."""
    out: set[str] = set()
    for mentions in per_sentence:
        for m in mentions:
            if m.kind == "org" and m.name.count(" ") >= 2:
                parts = m.name.split()
                k = len(parts) - 1
                while k >= 2 and parts[k] in COMPANY_ENDS:
                    out.add(" ".join(parts[:k]))
                    k -= 1
    return out


# What a company has and a person does not: "Lumenvault's customers", "Lumenvault's co-founder".
_COMPANY_POSSESSIONS = r"(?:customers|clients|users|depositors|employees|headquarters|board|chief\s+executive)"


def _company_use(name: str, text: str) -> bool:
    """The article uses a single name as a company's, so a full name another article gave it is not this one's."""
    if name + "'s " not in text and name + "’s " not in text:
        return False
    return re.search(re.escape(name) + r"['’]s\s+(?:[a-z-]+\s+)?" + _COMPANY_POSSESSIONS + r"\b", text) is not None


def _surname_used_alone(name: str, alone: set[str], lower_words: frozenset[str]) -> bool:
    """"Amber Heard" in an article that writes "heard" and also "told Heard": a first name that is no common word and
    a surname the article uses alone as a name make a person's name."""
    parts = name_parts(name)
    return len(parts) == 2 and not _common(parts[0], lower_words) and parts[-1] in alone


def _common(word: str, lower_words: frozenset[str]) -> bool:
    """A capitalised word that the article also uses in lower case ("Motion" / "motion") is no name."""
    return word.lower() != word and word.lower() in lower_words


@dataclass
class _Found:
    """The entities of one article as recognition finds them.

    One object the recognition passes share, rather than closures over local state inside :func:`recognise`.
    """

    seg: Segmented
    directory: Directory
    per_sentence: list[list[Mention]]
    entities: dict[str, Entity]

    def add(self, name: str, kind: str, mention: Mention | None, index: int, explicit: bool) -> str:
        """Count a mention of ``name`` (a new entity, or one met before); returns its key."""
        entities = self.entities
        known = self.directory.lookup(name)
        key = known or _match_entity(entities, name) or slugify(name)
        entity = entities.get(key)
        if entity is None:
            kp = next((p for p in self.directory.people if p.id == known), None)
            entity = Entity(key, kp.name if kp else name, kp.kind if kp else kind, known=bool(kp), first_sentence=index)
            entities[key] = entity
        entity.mentions += 1
        entity.explicit = entity.explicit or explicit
        if mention is not None:
            if mention.role and not entity.role:
                entity.role = _clean_role(mention.role)
            if norm_name(name) != norm_name(entity.name) and name not in entity.aliases and len(name.split()) > 1:
                entity.aliases.append(name)
            if mention.nickname and not entity.known:
                # 'Tomas "Tommy" Arvello': "Tommy Arvello" elsewhere is the same person
                nick = f"{mention.nickname} {name_parts(name)[-1]}"
                if nick not in entity.aliases:
                    entity.aliases.append(nick)
            entity.gender = entity.gender or _gender(mention, self.seg.sentences[index].text, _alone(self.seg, self.per_sentence, index))
        return key


def _transcript_speakers(seg: Segmented, found: _Found, resolved: list[list[tuple[int, int, str]]]) -> None:
    """A transcript's speaker label names a person at the start of the paragraph ("JUDGE CLIFTON NEWMAN, …: …"):
    recorded as a mention of that person there, with the label's title as their role when none is known."""
    for q in seg.quotes:
        label = q.label
        if label is None or label.unnamed or not label.name:
            continue
        index = seg.sentence_at(label.start).index
        offset = label.start - seg.sentences[index].start
        key = found.add(label.name, "person", None, index, len(label.name.split()) > 1)
        found.entities[key].note("recognise.transcript-labels")
        entity = found.entities[key]
        if label.title and not entity.role and not entity.known:
            entity.role = label.title
        resolved[index].append((offset, offset + len(label.name), key))


_DEFINED_ACRONYM = re.compile(r"(?P<full>[A-Z][\w&’'.-]*(?:\s+(?:" + _ORG_NAME_CONNECTOR + r"|[A-Z][\w&’'.-]*)){1,8})\s+\((?P<short>[A-Z]{2,6})\)")
_BARE_ACRONYM = re.compile(r"[A-Z]{2,6}")


# "the U.S. Securities and Exchange Commission" is the agency's full name: a country prefix may open one
_WRITTEN_NAME = re.compile(r"(?<![\w.])(?P<full>(?:" + "|".join(map(re.escape, COUNTRY_PREFIXES)) + r"|[A-Z][\w&’'-]*)(?:\s+(?:"
                           + _ORG_NAME_CONNECTOR + r"|[A-Z][\w&’'.-]*)){1,8})")


def _full_form(full: str, short: str) -> str | None:
    """The words of ``full`` whose initials spell ``short`` ("On Monday News Group Newspapers" → "News Group
    Newspapers"), with a country prefix kept ("U.S. Securities and Exchange Commission"); None when they do not."""
    words = [w for w in full.split() if w not in _ACRONYM_SKIP]
    while words and "".join(w[0] for w in words) != short and len(words) > len(short):
        words.pop(0)  # only the words the letters stand for
    if not words or "".join(w[0] for w in words) != short:
        return None
    start = full.index(words[0])
    before = full[:start].split()
    if before and before[-1] in COUNTRY_PREFIXES:
        start = full.rindex(before[-1], 0, start)
    return full[start:]


def _acronym_forms(entities: dict[str, Entity], text: str) -> list[tuple[str, str, int | None]]:
    """(acronym, full name, where the article writes the full name) triples: the ones the article defines ("News Group
    Newspapers (NGN)", where: None), then, for an organisation known only by its acronym, a full name the article writes
    elsewhere whose initials spell it ("accused by the U.S. Securities and Exchange Commission … The SEC also sued")."""
    pairs: list[tuple[str, str, int | None]] = []
    if "(" in text:
        for m in _DEFINED_ACRONYM.finditer(text):
            full = _full_form(m.group("full"), m.group("short"))
            if full:
                pairs.append((m.group("short"), full, None))
    bare = {e.name for e in entities.values() if e.kind == "organization" and _BARE_ACRONYM.fullmatch(e.name)} - {s for s, _, _ in pairs}
    for m in _WRITTEN_NAME.finditer(text) if bare else ():
        for short in sorted(bare):
            full = _full_form(m.group("full"), short)
            if full and len(full.split()) > 1:
                pairs.append((short, full, m.end("full") - len(full)))
                bare.discard(short)
                break
    return pairs


def _mention_at(seg: Segmented, resolved: list[list[tuple[int, int, str]]], entities: dict[str, Entity], start: int, end: int,
                key: str) -> None:
    """Resolve text offsets ``start``-``end`` to ``key`` in their sentence, in place of the organisations the name
    finder found inside them ("Exchange Commission" of "Securities and Exchange Commission", cut at "and")."""
    sentence = seg.sentence_at(start)
    if end > sentence.end:
        return
    s, e = start - sentence.start, end - sentence.start
    found = resolved[sentence.index]
    inside = [(a, b, k) for a, b, k in found if a < e and s < b]
    if any(not (s <= a and b <= e) or entities[k].kind != "organization" for a, b, k in inside):
        return  # a person's or a wider name stands there: leave it
    found[:] = sorted([f for f in found if f not in inside] + [(s, e, key)])


def _expand_acronyms(entities: dict[str, Entity], resolved: list[list[tuple[int, int, str]]], seg: Segmented) -> None:
    """"News Group Newspapers (NGN) … NGN issued a statement": the organisation keeps the full name the article
    gives for its acronym (the full name's entity when it has one; the acronym becomes an alias); a full name the
    article writes without defining it is a mention of the organisation where it stands."""
    remap: dict[str, str] = {}
    for short, full, at in _acronym_forms(entities, seg.text):
        key = next((k for k, e in entities.items() if e.kind == "organization" and e.name == short), None)
        if key is None:
            continue
        target = next((k for k, e in entities.items() if k != key and e.name == full), None)
        entity = entities[key]
        if target is None:
            entity.aliases.append(short)
            entity.name = full
            if at is not None:
                _mention_at(seg, resolved, entities, at, at + len(full), key)
            continue
        _add_aliases(entities[target], (short, *entity.aliases))
        entities[target].mentions += entity.mentions
        remap[key] = target
    for key in remap:
        del entities[key]
    _remap_mentions(resolved, remap)


def _role_words(cache: dict[str, list[str]], entities: dict[str, Entity], key: str) -> list[str]:
    if key not in cache:
        cache[key] = _LOWER_WORDS.findall((entities[key].role or "").lower())
    return cache[key]

def _companies_named_as_people(entities: dict[str, Entity], text: str, lower_words: frozenset[str]) -> None:
    """A full name with nothing personal about it (no role or title) that the article elsewhere uses
    as a company's is an organisation."""
    candidates = [e for e in entities.values() if e.kind == "person" and not e.known and not e.role and " " in e.name]
    if not candidates:
        return
    ends: list[str] = []  # capitalised runs a company cue follows
    starts: list[str] = []  # capitalised runs a company cue precedes ("his company, Orrin Pask")
    if any(suffix in text for suffix in _LEGAL_SUFFIX_GATE):
        ends.extend(m.group(1) for m in _LEGAL_SUFFIX.finditer(text))
    if not _COMPANY_CUES.isdisjoint(lower_words):
        ends.extend(m.group(1) for m in _RUN_BEFORE_CUE.finditer(text))
        starts.extend(m.group(1) for m in _RUN_AFTER_CUE.finditer(text))
    if not ends and not starts:
        return
    for entity in candidates:
        name = entity.name
        if any(run == name or run.endswith(" " + name) for run in ends) or any(
                run == name or run.startswith(name + " ") for run in starts):
            entity.kind, entity.gender = "organization", None


def _lean_to_dominant(facts: list[SentenceFacts]) -> None:
    """A sentence with a single weak topic hit leans to the article's clearly dominant strand (ties then go its way)."""
    totals: dict[str, float] = {}
    for f in facts:
        for topic, n in f.topics.items():
            totals[topic] = totals.get(topic, 0) + n
    if not totals:
        return
    ranked = sorted(totals.values(), reverse=True)
    dominant = max(totals, key=lambda t: totals[t])
    if len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
        return
    for f in facts:
        if f.topics and dominant not in f.topics and max(f.topics.values()) == 1:
            f.topics[dominant] = 1.5


def _counts(entities: dict[str, Entity]) -> dict[str, int]:
    return {k: e.mentions for k, e in entities.items() if e.kind == "person"}


def _dominant(counts: dict[str, int], main: str) -> bool:
    others = sorted((c for k, c in counts.items() if k != main), reverse=True)
    return not others or counts[main] >= 2 * others[0]


def _match_entity(entities: dict[str, Entity], name: str) -> str | None:
    parts = name_parts(name)
    for key, entity in entities.items():
        other = name_parts(entity.name)
        if entity.kind == "person" and len(parts) >= 2 and len(other) >= 2 and parts[0] == other[0] and parts[-1] == other[-1]:
            return key
        if entity.kind == "person" and len(parts) == 2 and len(other) >= 3 and tuple(other[-2:]) == tuple(parts):
            return key  # "Siebel Newsom" after "Jennifer Siebel Newsom": a double surname on its own
        if norm_name(name) in (norm_name(a) for a in entity.aliases):
            return key
    return None




def _org_form(name: str) -> tuple[str, ...]:
    """An organisation's name compared with its other forms: no leading "The", "Department" read as "Office"."""
    words = [_OFFICE_HEADS.get(w, w) for w in name.replace("’", "'").split()]
    return tuple(words[1:] if words and words[0] == "The" else words)


def _merge_org_forms(entities: dict[str, Entity], resolved: list[list[tuple[int, int, str]]]) -> None:
    """"The Pell County Sheriff's Office" and, later, "the Sheriff's Office" or "the Pell County Sheriff's
    Department": one organisation. A form that another ends with (two words at least), or the same with
    "Department" for "Office", joins that one when it is the only such organisation; the longer (else the
    first named) keeps the entity and the other becomes an alias."""
    orgs = [(k, _org_form(e.name)) for k, e in entities.items() if e.kind == "organization" and not e.known]
    if len(orgs) < 2:
        return  # the common case
    remap: dict[str, str] = {}
    for key, form in orgs:  # first the same body under both heads, named first wins
        same = [k for k, other in orgs if k != key and other == form and entities[k].first_sentence <= entities[key].first_sentence]
        if same and same[0] not in remap:
            remap[key] = same[0]
    orgs = [(k, form) for k, form in orgs if k not in remap]
    for key, form in orgs:  # then a short form that only one longer name ends with
        longer = [k for k, other in orgs if len(other) > len(form) and other[-len(form):] == form]
        if len(form) >= 2 and len(longer) == 1 and key not in remap.values() and longer[0] not in remap:
            remap[key] = longer[0]
    for key, long_key in remap.items():
        short, target = entities.pop(key), entities[long_key]
        target.mentions += short.mentions
        target.explicit = target.explicit or short.explicit
        target.first_sentence = min(target.first_sentence, short.first_sentence)
        _add_aliases(target, (short.name, *short.aliases))
    _remap_mentions(resolved, remap)


def _merge_short_forms(entities: dict[str, Entity], resolved: list[list[tuple[int, int, str]]]) -> None:
    """"Theo Lusk" (in a quote, say) and "Theodore Lusk" are one person: same surname, one first name a
    short form of the other's, never named side by side, no conflicting gender or role, and no other
    candidate. The longer form keeps the entity; the short one becomes an alias."""
    by_surname: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for k, e in entities.items():
        parts = name_parts(e.name)
        if e.kind == "person" and len(parts) >= 2:
            by_surname.setdefault(parts[-1], []).append((k, parts))
    candidates = [(key, [k for k, other in same if len(other[0]) > len(parts[0]) and other[0].startswith(parts[0])])
                  for same in by_surname.values() if len(same) > 1 for key, parts in same if len(parts[0]) >= 3]
    pairs = [(key, longer[0]) for key, longer in candidates if len(longer) == 1 and not entities[key].known]
    if not pairs:
        return  # the common case: no two people of the article share a surname
    together: dict[str, set[int]] = {}
    for index, found in enumerate(resolved):
        for _, _, key in found:
            together.setdefault(key, set()).add(index)
    remap: dict[str, str] = {}
    for key, long_key in pairs:
        if long_key in remap or key in remap.values():
            continue  # a chain of short forms: leave it to the editor
        short, target = entities[key], entities[long_key]
        if (together.get(key, set()) & together.get(long_key, set()) or short.gender and target.gender and short.gender != target.gender
                or short.role and target.role and short.role != target.role):
            continue
        target.mentions += short.mentions
        target.explicit = target.explicit or short.explicit
        target.first_sentence = min(target.first_sentence, short.first_sentence)
        target.role, target.gender = target.role or short.role, target.gender or short.gender
        _add_aliases(target, (short.name, *short.aliases))
        remap[key] = long_key
    for key in remap:
        del entities[key]
    _remap_mentions(resolved, remap)


def _add_aliases(entity: Entity, names: Iterable[str]) -> None:
    """``names`` added to the aliases of ``entity`` (the one another entity was folded into), each once."""
    for alias in names:
        if alias not in entity.aliases:
            entity.aliases.append(alias)


def _remap_mentions(resolved: list[list[tuple[int, int, str]]], remap: dict[str, str]) -> None:
    """Every resolved mention of a folded entity's key made a mention of the entity it was folded into."""
    if remap:
        for found in resolved:
            found[:] = [(a, b, remap.get(k, k)) for a, b, k in found]


def _relate_family(entities: dict[str, Entity]) -> None:
    """"His wife, Marguerite Lusk": a bare family role names its relative when exactly one other person of the
    article shares the surname and is not named as a relative too ("Wife of Theodore Lusk")."""
    for entity in entities.values():
        role = entity.role
        if entity.kind != "person" or entity.known or not role or _OWNED_ROLE.search(role) or len(role.split()) > 3:
            continue
        if not set(_LOWER_WORDS.findall(role.lower())) & FAMILY:
            continue
        surname = name_parts(entity.name)[-1]
        kin = [e for e in entities.values() if e is not entity and e.kind == "person" and len(name_parts(e.name)) >= 2
               and name_parts(e.name)[-1] == surname]
        if len(kin) == 1 and not set(_LOWER_WORDS.findall((kin[0].role or "").lower())) & FAMILY:
            entity.role = f"{role} of {kin[0].name}"


def _resolve_single(token: str, entities: dict[str, Entity], directory: Directory, gender: str | None = None,
                    main: str | None = None, counts: dict[str, int] | None = None) -> tuple[str | None, bool]:
    """The one person a single name can be, and whether people of the article share it.

    "Mr. Lusk" / "Mrs. Lusk" take the only Lusk of that gender; a bare "Lusk" takes the article's clearly main
    figure, or else the only Lusk not named as someone's relative (relatives sharing a surname go by first name).
    Anything else stays unresolved: never a guess."""
    if " " in token:  # a surname with its particles: "de la Vega" of "Inés de la Vega"
        local = [k for k, e in entities.items() if e.kind == "person" and e.name.endswith(" " + token)]
    else:
        local = [k for k, e in entities.items() if e.kind == "person" and token in name_parts(e.name)]
    shared = len(local) > 1
    if local and gender:
        same = [k for k in local if entities[k].gender == gender]
        fits = same if len(same) == 1 else [k for k in local if entities[k].gender in (gender, None)]
        shared = shared or len(fits) < len(local)  # "Mrs. Lusk" beside the only Lusk, a man: someone else
        local = fits
    explicit = [k for k in local if entities[k].explicit]
    if len(explicit) == 1:
        return explicit[0], shared
    if len(local) == 1:
        return local[0], shared
    if len(local) > 1 and gender is None:
        if main in local and counts and all(counts.get(main, 0) >= 2 * counts.get(k, 0) for k in local if k != main):
            return main, shared
        lead = [k for k in local if not set(_LOWER_WORDS.findall((entities[k].role or "").lower())) & FAMILY]
        if len(lead) == 1:
            return lead[0], shared
    if local or shared:
        return None, True
    known = directory.lookup(token)
    if known:
        return known, False
    matches = directory.by_part(token)
    return (matches[0].id if len(matches) == 1 else None), False


# Verbs of an organisation acting or speaking ("Marlow Pictures put out a statement", "... posted a note").
_ORG_ACTS = re.compile(r"\s+(?:(?:also|later|then|[a-z]{3,}ly)\s+)?(?:said|says|told|released|announced|reported|confirmed|stated|filed|issued|aired|wrote|"
                       r"put\s+out|puts\s+out|sent|sends|posted|posts|shared|published|"
                       r"tweeted|emailed|denied|denies|declined|responded|replied|apologi[sz]ed|sued|settled|paid|fired|"
                       r"dropped|cancell?ed|suspended|ended|hired|owes|owed)\b")
_ORG_OBJECT = re.compile(r"\b(?:by|to|told|from|with|per)\s+(?:the\s+)?$")


def _acts(sentence: str, m: Mention) -> bool:
    """The organisation does or says something in the sentence, or is named as an agent ("by", "from")."""
    return bool(_ORG_ACTS.match(sentence, m.end, m.end + 40)) or bool(
        _ORG_OBJECT.search(sentence[max(0, m.start - 12) : m.start].lower()))


def _clean_role(role: str) -> str:
    role = re.sub(r"^(?:a|an|the)\s+", "", role.strip(" ,"))
    return role[:1].upper() + role[1:] if role else role


def _title_gender(m: Mention) -> str | None:
    """The gender an honorific or a role states ("Mrs. Lusk", "the widow Lusk"); no guess from pronouns."""
    if m.title is None and m.role is None:
        return None
    words = set(_own_role(m.role).split()) | {(m.title or "").lower()}
    return "f" if words & FEMALE else "m" if words & MALE else None


_ROLE_OWNER = re.compile(r"\s(?:of|for|to|at|with)\s")


def _own_role(role: str | None) -> str:
    """The role's own words, without whom it is for: "lawyer for Mr. Varga" → "lawyer" (Mr. is not the lawyer's)."""
    if not role:
        return ""
    role = role.lower()
    owner = _ROLE_OWNER.search(role)
    return role[: owner.start()] if owner else role


def _alone(seg: Segmented, per_sentence: list[list[Mention]], index: int) -> str | None:
    """Whether sentence ``index`` names one person only (a pronoun after the name may then tell its gender): "alone";
    "after someone" when the sentence before it in its paragraph names someone too (see :func:`_gender`); None when
    the sentence names several."""
    if len(per_sentence[index]) != 1:
        return None
    if index and seg.sentences[index - 1].paragraph == seg.sentences[index].paragraph and per_sentence[index - 1]:
        return "after someone"
    return "alone"


# The name's own verb, then a pronoun as its object ("Lee Marsh praised her calm"): after a sentence naming someone,
# the pronoun may well be that person, so it tells nothing of the name's gender
_OBJECT_PRONOUN = re.compile(r"\s+[a-z]+\s+(?:her|him)\b")


def _gender(m: Mention, sentence: str, alone: str | None) -> str | None:
    words = set(_own_role(m.role).split()) | {(m.title or "").lower()}
    if words & FEMALE:
        return "f"
    if words & MALE:
        return "m"
    after = sentence[m.end :]
    if alone is None:
        return None  # with several people named, a later pronoun may be anyone's
    if alone == "after someone" and _OBJECT_PRONOUN.match(after):
        return None  # "Dana Pike rose to fame. Lee Marsh praised her calm": "her" is likely Pike
    if re.match(r"[^.;]{0,80}?\b(?:she|her)\b", after) and not re.search(r"\b(?:he|his|him)\b", after[:80]):
        return "f"
    if re.match(r"[^.;]{0,80}?\b(?:he|his|him)\b", after) and not re.search(r"\b(?:she|her)\b", after[:80]):
        return "m"
    return None

