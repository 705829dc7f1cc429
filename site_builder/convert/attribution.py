"""Who says a sentence: named speakers, pronouns, groups, documents, unnamed sources.

In: a sentence, the quotation spans inside it, and what :mod:`.recognise`
found. Out: :class:`Attribution` — the speaker (an entity id, ``anonymous``
or None), the reporting verb and the claim kind it implies. Groups named by
a common noun ("prosecutors said") become organisations, or the body the
article names for them; people described but not named ("a former
colleague told") are ``anonymous``; documents ("the lawsuit alleges", "the
statement said") are attributed to whoever the article says filed or issued
them, else to nobody. A judge's or court's decision ("the judge dismissed")
is a ruling. "He said" after a quotation of several sentences is the person
named before the quotation, or who opens the sentence before it.
:mod:`.referents` resolves the descriptions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .lexicon.media import OUTLET_RELAY_WORDS, outlet_pattern
from .lexicon.documents import DOCUMENT_NOUNS, DOCUMENTS
from .lexicon.works import TITLE_CUES
from .lexicon.roles import JUDICIAL_WORDS
from .lexicon.verbs import CATENATIVE, OBJECT_VERBS, PASSIVE, PASSIVE_AGENT, RULING_ONLY
from .lexicon.anonymous import AGENT_GROUPS, ANONYMOUS_GATE, ANONYMOUS_SOURCE, GROUP, GROUP_GATE
from .lexicon import ALLEGE_VERBS, DENY_VERBS, INVERTIBLE_VERBS, OPINION_VERBS, PARTICIPLE_VERBS, QUOTE_TAG_VERBS, RULING_VERBS, UNNAMED_OFFICES
from .recognise import Entity, Recognised
from .documents import ISSUED, document_author
from .referents import (ANONYMOUS, GroupPhrase, HOLDER_HEADS, UNNAMED_PLURALS, Unnamed, appositive_to_name, body_at, body_entity, description_at,
                        group_speaker, holder, judicial, office_before, owned_group, unnamed_after, unnamed_before)
from ..ruler import Ruler
from .segment import ABBREVIATIONS, STATES, Segmented

__all__ = ["ANONYMOUS", "Attribution", "attribute", "document_author", "introduced", "kind_for"]

_DOC_SUBJECT = re.compile(rf"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?|\w['’]s?\s+(?:\w+\s+)?)(?P<doc>{DOCUMENTS})"
                          r"\s*(?:further\s+|also\s+|later\s+)?$")  # "The lawsuit alleges", "Tom Reed's lawsuit claims"
_NOUN_LIKE = frozenset("rules claims states notes reads calls finds orders reports comments remarks posts shares tweets "
                       "charges accuses denies insists".split())
_CLOSING_MARKS = ("”", '"', "’", "'")
_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey)\s+(?:\w+\s+){0,2}$")


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    verb: str | None
    kind: str
    document: str | None = None
    rule: str = field(default="", compare=False)  # the rules that found the speaker, outermost first (for --explain)
    described_as: str | None = None  # how the article describes an unnamed (``anonymous``) speaker

    def __post_init__(self) -> None:
        # a rule's Unnamed speaker becomes the plain id, its description this field: only plain strings go on to YAML
        if isinstance(self.speaker, Unnamed):
            object.__setattr__(self, "described_as", self.described_as or self.speaker.described_as)
            object.__setattr__(self, "speaker", ANONYMOUS)

    def via(self, rule: str) -> Attribution:
        """The same attribution, found by ``rule`` (which called the rules already recorded)."""
        return replace(self, rule=f"{rule} > {self.rule}" if self.rule else rule)


def kind_for(verb: str, speaker: Entity | None) -> str:
    verb = verb.lower()
    if verb in RULING_VERBS and judicial(speaker):
        return "ruling"  # a judge who "denied a motion" rules; it is no denial
    if verb in DENY_VERBS:
        return "denial"
    if verb in ALLEGE_VERBS:
        return "allegation"
    if verb in OPINION_VERBS:
        return "opinion"
    return "statement"


def _anonymous_in(window: str) -> list[re.Match[str]]:
    lower = window.lower()
    return list(ANONYMOUS_SOURCE.finditer(window)) if any(piece in lower for piece in ANONYMOUS_GATE) else []


def attribute(seg: Segmented, rec: Recognised, index: int, lo: int = 0, hi: int | None = None,
              groups: dict[str, Entity] | None = None) -> Attribution | None:
    """The speaker of sentence ``index``, looking for a reporting verb between offsets ``lo`` and ``hi``.

    In: the segmented article, what recognition found, and the groups and bodies the article names (None: groups
    are not resolved). Out: the attribution of the first verb whose rule (:data:`VERB_RULES`) names a speaker,
    else of the first verb whose rule found a document or an unnamed speaker, else None. An unnamed speaker
    of the whole sentence yields to a named one in an attribution that closes it (see :func:`_closing`)."""
    text = seg.sentences[index].text
    hi = len(text) if hi is None else hi
    at = _speaking(seg, rec, index, groups)
    fallback: Attribution | None = None
    for start, end, word in _verbs_between(seg, index, lo, hi):
        site = VerbSite(at, start, end, word)
        name = VERB_RULES.run(site)
        if name is None or site.found is None:
            continue
        speaker, document = site.found
        if speaker == ANONYMOUS and site.lower != "according" and lo == 0 and hi == len(text):
            # "A neighbour called the police, the sheriff's office said.": the closing attribution governs the sentence
            closing = _closing(at, end, hi)
            if closing is not None:
                return closing.via(f"attribution.closing-attribution ({closing.verb})")
        entity = rec.entities.get(speaker) if speaker and speaker != ANONYMOUS else None
        kind = "anonymous" if speaker == ANONYMOUS else kind_for(word, entity)
        how = f"{name}.{site.detail}" if site.detail else name
        attribution = Attribution(speaker, site.lower, kind, document, rule=f"{VERB_RULES.stage}.{how} ({site.lower})")
        if speaker:
            return attribution
        if fallback is None:
            fallback = attribution  # a document or an unnamed speaker: kept unless a later verb names someone
    return fallback


def _speaking(seg: Segmented, rec: Recognised, index: int, groups: dict[str, Entity] | None) -> Speaking:
    """Sentence ``index`` as the rules look at it: its text with quoted words blanked and the mentions outside them
    (names inside the quoted words are not the speaker)."""
    plain = seg.plain(index)
    mentions = [(s, e, k) for s, e, k in rec.sentences[index].entities if plain[s:e].strip()]
    return Speaking(seg, rec, index, plain, mentions, groups)


def _verbs_between(seg: Segmented, index: int, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
    """The reporting verbs of sentence ``index`` (start, end, word as written) from offset ``lo`` to ``hi``, but those
    written with a capital (a name's word, "Said Marsh"), except "According"."""
    for start, end, word in seg.reporting_verbs(index):
        if start < lo:
            continue
        if end > hi:
            return
        if word[0].isupper() and word != "According":
            continue
        yield start, end, word


@dataclass
class VerbSite:
    """The state of the rules of :data:`VERB_RULES`: one reporting verb of a sentence (``start``..``end``, ``word``
    as written), and what the rule that handled it found — (speaker, document), or None for nobody — with the
    name of the rule below it that found the speaker (``detail``: the rule of :data:`BEFORE_RULES`)."""

    at: Speaking
    start: int
    end: int
    word: str
    found: tuple[str | None, str | None] | None = None
    detail: str = ""

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def text(self) -> str:
        """The sentence as written (quotation marks and quoted words kept)."""
        return self.at.seg.sentences[self.at.index].text

    def give(self, found: tuple[str | None, str | None] | None, detail: str = "") -> bool:
        """Record what was found (None: nobody) and handle the verb."""
        self.found, self.detail = found, detail
        return True


def _tag_only(site: VerbSite) -> bool:
    """"a detailed report": a verb that speaks only as the tag of a quotation ('"…," Dana Pike detailed'), found
    elsewhere, gives nobody."""
    return site.lower in QUOTE_TAG_VERBS and not _quotation_tag(site.text, site.start)


def _accused_by(site: VerbSite) -> bool:
    """"were accused by the agency of “fraud”": the quoted words are the accuser's, named after "by"."""
    if site.lower != "accused" or not _ACCUSED_BY_OF.match(site.text, site.end):
        return False
    return site.give(_after(site.at, site.end + 3))


def _passive_agent(site: VerbSite) -> bool:
    """"Dana Pike was told by the studio's lawyers that …": a reporting verb in the passive speaks for its agent, named
    after "by", never for its subject (the segmenter keeps a passive reporting verb only when its agent follows)."""
    if site.lower in RULING_ONLY or PASSIVE.search(site.at.plain, max(0, site.start - 60), site.start) is None:
        return False  # "must be approved by the judge": a decision to come, left to the ruling rule
    agent = PASSIVE_AGENT.match(site.at.plain, site.end)
    return site.give(_after(site.at, agent.end()) if agent else None)


def _participle_of(site: VerbSite) -> bool:
    """"the councilwoman accused of …": a participle before its preposition, nobody speaking (not a verb that may
    come before its speaker, nor "Dana Pike called for an end to …")."""
    plain = site.at.plain
    return bool(re.match(r"\s+(?:of|with|by|in|for)\b", plain[site.end:])) and site.lower not in INVERTIBLE_VERBS \
        and not _demands(site.lower, plain, site.end)


def _participle_rule(site: VerbSite) -> bool:
    """"In a ruling Thursday, Judge Dana Pike cut the award, saying …": the subject that opens the sentence (not
    "adding to the pressure")."""
    if site.lower not in PARTICIPLE_VERBS:
        return False
    plain = site.at.plain
    return site.give(_participle(plain, site.start, site.at.mentions) if not plain.startswith(" to ", site.end) else None)


def _ruling_rule(site: VerbSite) -> bool:
    """"Judge Lee dismissed the claim": a deciding verb is a judge's or a court's (not "ordered her to “…”", a command
    quoted, whoever gave it)."""
    if site.lower not in RULING_ONLY or _COMMANDED.match(site.text, site.end):
        return False
    return site.give(_ruling(site.at, site.start, site.word))


def _according_to(site: VerbSite) -> bool:
    """"according to Dana Pike": who is named after "to" (not "according to E! News": the outlet relays, it is not the
    speaker)."""
    if site.lower != "according":
        return False
    if not re.match(r"\s+to\b", site.at.plain[site.end:]):
        return True
    found = _after(site.at, site.end + 3)
    if found and found[0] and _is_media(site.at.rec, found[0]):
        return True
    return site.give(found)


def _before_rule(site: VerbSite) -> bool:
    """"Dana Pike said", "the lawsuit alleges": the speaker told before the verb, found by a rule of
    :data:`BEFORE_RULES` (recorded as ``detail``)."""
    before = _before(site.at, site.start, site.word)
    return before is not None and before.found is not None and site.give(before.found, before.rule)


def _speaker_after_verb(site: VerbSite) -> bool:
    """'"…," said Dana Pike', "said one longtime nurse": nobody before the verb, and the verb may come before its
    speaker, or follows a closing quotation mark."""
    if site.lower not in INVERTIBLE_VERBS and not _after_quotation(site.text, site.start):
        return False
    if site.lower in OBJECT_VERBS and not _after_quotation(site.text, site.start) and _has_subject(site.at.plain, site.start):
        return True  # "Before the jury told Judge Pike that …", "asked to speak to the judge": who follows is told or asked
    return site.give(_after(site.at, site.end, inverted=True, verb_at=site.start))


def _has_subject(plain: str, verb_at: int) -> bool:
    """Whether words of the verb's own clause stand before it ("the jury told …"), not a comma or the sentence's start
    ("…, told Dana Pike", the verb before its speaker)."""
    left = plain[:verb_at].rstrip(" \"'“”‘’")
    return bool(left) and not left.endswith((",", ":", "—", "–"))


# "accused by the agency on Monday of “fraud”": the quoted words are what the accuser charges
_ACCUSED_BY_OF = re.compile(r" by [^,;:“”\"]{1,80}?\bof\s+[“\"]")


# "ordered her to “…”": the words of a command, quoted, are whoever gave it (a judge or not)
_COMMANDED = re.compile(r" (?:him|her|them|me|us|[A-Z][\w’'-]+) to [“\"]")


def _demands(lower: str, plain: str, end: int) -> bool:
    """ "Dana Pike called for an end to …": "call for" demands, the caller speaking (not the participle of "accused of")."""
    return lower in ("called", "calls") and plain.startswith(" for ", end)


# "Another reader, a teacher who asked me not to use his name, …": someone the article describes and keeps unnamed
_UNNAMED_SUBJECT = re.compile(r"(?:[Aa]nother|[Aa]n?|[Oo]ne)\s[^.;:]{0,80}?\bwho\s+(?:spoke on (?:the )?condition of anonymity"
                              r"|(?:asked|requested)\s+(?:(?:me|us|reporters|the \w+)\s+)?(?:not to (?:be (?:named|identified)|(?:use|publish|print|give)"
                              r" (?:his|her|their) (?:full |last )?names?)|anonymity))")


_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Mx|Miss)\.?\s+")
_SAME_PRONOUN = re.compile(r"(?:(?:But|And|Then|Later|Still|Yet)\s*,?\s+)?(?P<p>He|She)\b")
# "When asked whether he would return, he said …": an opening clause, then the pronoun that is the sentence's subject,
# standing as an opening "He" does
_AFTER_OPENING = re.compile(r"(?:(?:When|While|After|Before|Once|As|Though|Although)\b|Asked\b)[^,;:“”\"]{0,150},\s+(?P<p>he|she)\b")
# "other jurors", "two neighbours", "several former employees": people described, counted, not named
_UNNAMED_PLURAL = re.compile(r"(?<![\w’'-])(?:other|several|some|many|two|three|four|five|six|a few|fellow)\s+(?:[\w-]+\s+)?(?:"
                             + "|".join(sorted(UNNAMED_PLURALS, key=len, reverse=True)) + r")\b")
# "That evening, the jury foreperson sent a note …": a sentence whose subject is an office holder left unnamed
_OFFICE_SUBJECT = re.compile(r"\s*(?:[^,.;:]{0,40},\s+)?(?P<who>(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){0,2}?(?:"
                             + "|".join(sorted(UNNAMED_OFFICES)) + r"))\b")


_JUDGE_DESCRIBED = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa])\s+(?:[\w.’'-]+\s+){0,4}?(?:judge|justice|magistrate)\b")


def _described_judge(seg: Segmented, rec: Recognised, index: int, offset: int, word: str) -> str | None:
    """"As a federal judge grew impatient …, he noted …": "he" after a judge described earlier in its own sentence,
    with nobody named between (but as a possessor), is that judge — the one the article names (see referents.holder) — not a name in
    the sentence before (a photo credit, a defendant)."""
    left = seg.plain(index)[:offset]
    described = None
    for described in _JUDGE_DESCRIBED.finditer(left):
        pass
    # a possessor between ("… impatience with Sam Bankman-Fried's conduct, he noted") is no rival subject
    if described is None or any(described.end() <= s < offset and not _possessive(left, e) for s, e, _ in rec.sentences[index].entities):
        return None
    key = holder(left[: described.end()] + " ", rec, index)
    entity = rec.entities.get(key) if key else None
    gender = "f" if word.lower() == "she" else "m" if word.lower() == "he" else None
    return key if entity is not None and gender is not None and entity.gender in (gender, None) else None


def _unnamed_plural_before(left: str, mentions: list[tuple[int, int, str]]) -> Unnamed | None:
    """"When the judge met other jurors on Monday, they said …": "they" after people the sentence describes but
    does not name ("other jurors", "two neighbours"), with nobody named after them, is those people (None if not)."""
    found = None
    for found in _UNNAMED_PLURAL.finditer(left):
        pass
    if found is None or any(s >= found.end() for s, _, _ in mentions if s < len(left)):
        return None
    return Unnamed(found.group(0))


def _office_pronoun(seg: Segmented, rec: Recognised, index: int, offset: int) -> Unnamed | None:
    """The office holder the article leaves unnamed that "he" or "she" at ``offset`` of sentence ``index`` is (None if
    it is not one), described as the article does ("the jury foreperson"): the
    subject of its own sentence before it ("the jury foreperson sent a note to Judge Pike, after which he told Pike"),
    or, when the same pronoun opens its sentence (and nobody is named between), of the sentence before in the same or
    the previous paragraph ("the foreperson sent a note." ¶ "He later told the court, …"), through sentences opening
    with the same pronoun ("He said the others pressed him."), as after an opening clause ("When asked …, he said").
    A named person elsewhere in the sentence is no rival: the subject holds the pronoun's reference."""
    subject = _OFFICE_SUBJECT.match(seg.plain(index))
    if subject is not None:
        return Unnamed(subject.group("who")) if subject.end() <= offset else None
    plain = seg.plain(index)
    lead = len(plain) - len(plain.lstrip(" \"'“”‘’"))
    opens = _SAME_PRONOUN.match(plain, lead) or _AFTER_OPENING.match(plain, lead)
    k = index - 1
    while k >= 0 and not seg.plain(k).strip(" \t\n,.;:!?—–-"):
        k -= 1  # sentences wholly inside a quotation ("… told Pike, “I can’t. I won’t.”")
    if k < 0 or opens is None or seg.sentences[index].paragraph - seg.sentences[k].paragraph > 1:
        return None
    # the same pronoun later in a sentence it opens is the same person, unless someone it can be is named between
    if opens.start("p") != offset and (opens.group("p").lower() != plain[offset : offset + len(opens.group("p"))].lower()
                                       or any(opens.end() <= s < offset for s, _, _ in rec.sentences[index].entities)):
        return None
    before = _OFFICE_SUBJECT.match(seg.plain(k))
    if before is not None:
        return Unnamed(before.group("who"))
    # "He said the others pressed him." before: the same pronoun, whoever that sentence's own "He" is
    previous = seg.plain(k)
    chained = _SAME_PRONOUN.match(previous, len(previous) - len(previous.lstrip(" \"'“”‘’")))
    if chained is not None and chained.group("p").lower() == opens.group("p").lower():
        return _office_pronoun(seg, rec, k, chained.start("p"))
    return None


def _pronoun(seg: Segmented, rec: Recognised, index: int, offset: int, word: str) -> str | None:
    """Who "he", "she" or "they" (``word``) at ``offset`` of sentence ``index`` is: someone the article describes
    (:func:`_described_pronoun`); else the one person named just before (see Recognised.pronoun); else, when nobody
    is named before it in its sentence, who the sentences before name (:func:`_pronoun_past_quotation`). Out: an
    entity id, an :class:`Unnamed` speaker, or None."""
    described = _described_pronoun(seg, rec, index, offset, word)
    if described is not None:
        return described
    key = rec.pronoun(index, offset, word, seg)
    if key is not None or any(s < offset for s, _, _ in rec.sentences[index].entities if seg.plain(index)[s:s + 1].strip()):
        return key
    return _pronoun_past_quotation(seg, rec, index, word)


def _described_pronoun(seg: Segmented, rec: Recognised, index: int, offset: int, word: str) -> str | None:
    """The pronoun ``word`` at ``offset`` as someone the article describes rather than names: an office holder left
    unnamed ("the jury foreperson … he told"), people counted ("other jurors …, they said"), or a judge described
    earlier in the sentence; None if it is none of them."""
    office = _office_pronoun(seg, rec, index, offset) if word.lower() in ("he", "she") else None
    if office is not None:
        return office
    plural = _unnamed_plural_before(seg.plain(index)[:offset], rec.sentences[index].entities) if word.lower() == "they" else None
    if plural is not None:
        return plural
    return _described_judge(seg, rec, index, offset, word)


def _pronoun_past_quotation(seg: Segmented, rec: Recognised, index: int, word: str) -> str | None:
    """Who the pronoun ``word`` of sentence ``index``, with nobody named before it there, is: the one person named
    before the quotation it closes ('"… . … ," she said': the sentences inside the quotation name nobody), or who
    opens the sentence before (:func:`_opener`); None past a paragraph break."""
    k = index - 1
    paragraph = seg.sentences[index].paragraph
    while k >= 0 and not seg.plain(k).strip(" \t\n,.;:!?—–-") and paragraph - seg.sentences[k].paragraph <= 1:
        k -= 1  # sentences wholly inside the quotation
    if k < 0 or paragraph - seg.sentences[k].paragraph > 1:
        return None
    if k < index - 1 and rec.sentences[k].entities:  # the names must stand in the sentence right before the quotation
        key = rec.pronoun(k + 1, 0, word, seg)
        if key is not None:
            return key
    return _opener(seg, rec, k, word)


def _opener(seg: Segmented, rec: Recognised, k: int, word: str) -> str | None:
    """Who opens sentence ``k`` as the pronoun ``word`` after it: whoever its own opening "He" is ("He said the ruling
    would stand." ¶ '"…," he said'), a person of that gender named first ("Dana Pike, 38, a nurse, told the paper …"
    ¶ '"…," she said'), or someone described, not named ("Another reader, who asked not to be named, …" ¶ '"…," he
    wrote': ``anonymous``); None otherwise."""
    plain = seg.plain(k)
    lead = len(plain) - len(plain.lstrip(" \"'“”‘’"))
    chained = _SAME_PRONOUN.match(plain, lead)
    if chained and chained.group("p").lower() == word.lower():
        # the same man, whoever that sentence's "He" is (only to someone named as an actor: a chain is too long a
        # way to trust a mere possessor)
        return rec.pronoun(k, chained.start("p"), word, seg, possessors=False)
    title = _HONORIFIC.match(plain, lead)
    lead = title.end() if title else lead
    gender = "f" if word.lower() == "she" else "m" if word.lower() == "he" else None
    for s, e, key in rec.sentences[k].entities:
        if s == lead:
            entity = rec.entities.get(key)
            if entity is not None and entity.kind == "person" and entity.gender in (gender, None) and gender and not _possessive(plain, e):
                return key
            return None
    if gender and _UNNAMED_SUBJECT.match(plain, lead):
        return Unnamed(description_at(plain, lead))  # "Another reader, a teacher who asked …": "another reader"
    return None


_OWN_WRITING = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:opinion|dissent|concurrence|letter|memo|essay|column|blog post|post|statement)\b")
_LEAD_SUBJECT = re.compile(r"(?P<p>[Hh]e|[Ss]he|[Tt]hey)\b|(?:[Tt]he|[Aa])\s+(?:[\w.’'-]+\s+){0,3}?(?:judge|justice|magistrate)\b")


def introduced(seg: Segmented, rec: Recognised, index: int, colon: int) -> Attribution | None:
    """The subject of a short clause that ends in a colon at ``colon`` and introduces a quotation
    ("The judge was blunt:", "She put it this way:", "On the appeal, Dana Pike was blunt:"); None if it names nobody."""
    plain = seg.plain(index)
    if plain[colon : colon + 1] != ":":
        return None
    start = max(plain.rfind(";", 0, colon), plain.rfind(":", 0, colon)) + 1
    clause = plain[start:colon]
    mentions = [(s, e, k) for s, e, k in rec.sentences[index].entities if start <= s < colon and plain[s:e].strip()]
    lead = clause.find(",")
    if lead >= 0 and not any(s < start + lead for s, _, _ in mentions):
        start += lead + 1  # an opening phrase ("On the appeal,") before the subject
        clause = plain[start:colon]
    at = len(clause) - len(clause.lstrip())
    subject = start + at
    named = [(e, k) for s, e, k in mentions if s == subject]
    if named and plain[named[0][0] : named[0][0] + 1] == ",":
        clause = _strip_appositive(clause)  # "Dana Pike, the studio's lawyer, put it this way:"
        if clause.count(",") == 1 and clause.index(",") == named[0][0] - start:
            # "Eric Bland, the lawyer for the family released this statement:": the appositive's closing comma missing
            clause = clause.replace(",", " ", 1)
    if len(clause.split()) > (14 if named else 10) or "," in clause or not clause.strip():
        return None
    if named:
        if not _possessive(plain, named[0][0]):
            return Attribution(named[0][1], None, "statement")
        # "Pike's opinion answered that directly:": what she wrote herself (a lawsuit or a list speaks for nobody in person)
        return Attribution(named[0][1], None, "statement") if _OWN_WRITING.match(plain, named[0][0]) else None
    m = _LEAD_SUBJECT.match(plain, subject)
    if m is None or _possessive(plain, m.end()):
        return None
    key = rec.pronoun(index, subject, m.group("p"), seg) if m.group("p") else holder(plain[: m.end()] + " ", rec, index)
    return Attribution(key, None, "statement") if key else None


def _closing(at: Speaking, after: int, hi: int) -> Attribution | None:
    """A named speaker in an attribution that closes the sentence (", police said." / ", said Dana Pike.")."""
    seg, rec, index, plain = at.seg, at.rec, at.index, at.plain
    start, end, word = seg.reporting_verbs(index)[-1]  # the last reporting verb
    comma = plain.rfind(",", 0, start)
    if start <= after or end > hi or word.lower() not in INVERTIBLE_VERBS or comma < after:
        return None
    rest = plain[end:]
    if len(rest.split()) <= 3 and "," not in rest:  # ", the sheriff's office said."
        subject = plain[comma + 1 : start]
        if len(subject.split()) > 5 or re.search(r"\b(?:that|who|which|whom|adding|and|but|because|when|after|before|while|if)\b", subject):
            return None  # "…, adding that Dana Pike said so": not the sentence's own attribution
        before = _before(at, start, word)
        found = before.found if before is not None else None
    elif plain[:start].rstrip().endswith(",") and len(rest.split()) <= 6:  # ", said Dana Pike, the studio's lawyer."
        found = _after(at, end, inverted=True, verb_at=start)
    else:
        return None
    if found is None or not found[0] or found[0] == ANONYMOUS:
        return None
    return Attribution(found[0], word.lower(), kind_for(word, rec.entities.get(found[0])), found[1])


# "a critic who reviewed the show and called it": an indefinite person described, not named, speaking in the relative clause
_CLAUSE_OPENER = re.compile(r"\b(?:after|before|when|while|because|since|until|although|though|once|unless|where)\s")
_SOMEONE_WHO = re.compile(r"(?<![\w’'-])(?:[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}?[\w-]+\s+who\s+(?:[^,;:.\"“”]{0,80}?\s+)?$")
# ", before gesturing at him and saying …": a participle joined by "and" to one its clause opens with (after a comma)
_PARTICIPLE_CLAUSE = re.compile(r",\s+(?:\w+\s+)?\w+ing\b[^,;:]*\band$")
_SUBJECT_LEAD = re.compile(r"(?:[^,]*,\s+)?(?:(?:[A-Z][\w.’'-]*|of|the)\s+){0,5}")


def _participle(plain: str, verb_at: int, mentions: list[tuple[int, int, str]]) -> tuple[str | None, str | None] | None:
    """", saying …": the subject that opens the sentence ("In a ruling Thursday, Judge Dana Pike cut the award, saying …")."""
    left = plain[:verb_at].rstrip()
    if not left.endswith(",") and not (left.endswith(" and") and _PARTICIPLE_CLAUSE.search(left)):
        return None
    # the first mention that can open the main clause: past an opening clause that names someone else ("When she was
    # asked to identify Tom Reed, Dana Pike pointed at him, saying …")
    for s, e, key in mentions:
        if e > verb_at:
            break
        if _SUBJECT_LEAD.fullmatch(plain, 0, s) is not None and not _possessive(plain, e):
            return key, None
    return None


_TAG = re.compile(r"[”\"’'],?\s+(?:[\w.’'-]+\s+){0,4}$")


def _quotation_tag(text: str, verb_at: int) -> bool:
    """The verb closes a quotation's tag ('"…," Dana Pike detailed' / '"…," detailed one witness')."""
    return _TAG.search(text, max(0, verb_at - 60), verb_at) is not None


def _after_quotation(text: str, verb_at: int) -> bool:
    """The verb follows a closing quotation mark ('…," fumed one nurse'): any reporting verb may come before its speaker."""
    left = text[:verb_at].rstrip()
    if left.endswith(","):
        left = left[:-1].rstrip()
    return left.endswith(_CLOSING_MARKS)


def _ruling(at: Speaking, verb_at: int, verb: str) -> tuple[str | None, str | None] | None:
    """The judge or court before a deciding verb ("Judge Lee dismissed", "the court granted", "She also struck")."""
    plain, mentions, rec = at.plain, at.mentions, at.rec
    window = plain[max(0, verb_at - 90) : verb_at]
    lower = window.lower()
    near = any(piece in lower for piece in JUDICIAL_WORDS) or _PRONOUN.search(window, max(0, len(window) - 16)) is not None or any(
        verb_at - 90 <= e <= verb_at and judicial(rec.entities.get(k)) for _, e, k in mentions)
    if not near:
        return None
    before = _before(at, verb_at, verb)
    found = before.found if before is not None else None
    if found is None or found[1] is not None or not judicial(rec.entities.get(found[0] or "")):
        return None
    return found


@dataclass
class Speaking:
    """The sentence a speaker is looked for in: its text with quoted words blanked (``plain``), the mentions outside
    them, what recognition found, and the groups and bodies the article names (None: groups are not resolved)."""

    seg: Segmented
    rec: Recognised
    index: int
    plain: str
    mentions: list[tuple[int, int, str]]
    groups: dict[str, Entity] | None


@dataclass
class BeforeSite:
    """The state of the rules that look for a speaker before a reporting verb: the sentence, the verb, the text left
    of it, and what a rule found (speaker, document) under its name."""

    at: Speaking
    verb_at: int
    verb: str
    found: tuple[str | None, str | None] | None = None
    rule: str = ""

    @property
    def left(self) -> str:
        return self.at.plain[: self.verb_at]

    def give(self, speaker: str | None, document: str | None = None) -> bool:
        self.found = (speaker, document)
        return True


def _before(at: Speaking, verb_at: int, verb: str = "") -> BeforeSite | None:
    """Who speaks with the reporting verb at ``verb_at``, told before it: the state of the rule of
    :data:`BEFORE_RULES` that found the speaker (its ``found`` and ``rule``), or None."""
    site = BeforeSite(at, verb_at, verb)
    rule = BEFORE_RULES.run(site)
    if rule is None:
        return None
    site.rule = rule
    return site


# What may stand between an unnamed-source phrase and its verb: a few lower-case words completing it, and a relative
# clause between commas ("a person familiar | with the case, who was not authorized to speak publicly, | said")
_SOURCE_TAIL = re.compile(r"(?:\s+[a-z][\w’'-]*){0,5}(?:\s*,\s*who\b[^,;:]{0,90},)?\s*")


def _unnamed_source(site: BeforeSite) -> bool:
    """"…, an insider told the paper": an unnamed source right before the verb (not one a name's appositive describes)."""
    left = site.left
    window = left[-90:]
    anon = _anonymous_in(window)
    if not anon or len(window) - anon[-1].end() > 12 and not _SOURCE_TAIL.fullmatch(window, anon[-1].end()):
        return False
    start = len(left) - len(window) + anon[-1].start()
    return not appositive_to_name(left, start, site.at.mentions) and site.give(Unnamed(description_at(left, start)))


def _unnamed_described(site: BeforeSite) -> bool:
    """"Two former co-workers said": people described but not named."""
    who = unnamed_before(site.left, site.at.mentions)
    return who is not None and site.give(who)


_OFFICE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){0,2}?(?:"
                            + "|".join(sorted(UNNAMED_OFFICES)) + r")\s+(?:\w+ly\s+)?$")


def _unnamed_office(site: BeforeSite) -> bool:
    """"the jury foreperson told the judge": an office holder reports leave unnamed (see UNNAMED_OFFICES)."""
    office = _OFFICE_BEFORE.search(site.left[-60:])
    return office is not None and site.give(Unnamed(office.group(0)))


_AND_BEFORE = re.compile(r",?\s+and\s+(?:then\s+|later\s+|also\s+)?$")
_OPENS_QUOTATION = re.compile(r"\s*[,:]?\s*[\"“]")


def _shared_subject(site: BeforeSite) -> bool:
    """"He explained that the others pressed him, and said, “…”": a verb joined by "and" to the sentence's first
    predicate and opening a quotation shares its subject, the person or pronoun that opens the sentence."""
    at = site.at
    text = at.seg.sentences[at.index].text
    # only where the verb opens a quotation: "…, and testified at the trial" tells a fact, not words of the subject's
    if _AND_BEFORE.search(site.left) is None or _OPENS_QUOTATION.match(text, site.verb_at + len(site.verb)) is None:
        return False
    plain = at.plain
    lead = len(plain) - len(plain.lstrip(" \"'“”‘’"))
    opening = _SAME_PRONOUN.match(plain, lead)
    if opening is not None:
        key = _pronoun(at.seg, at.rec, at.index, opening.start("p"), opening.group("p"))
        return bool(key) and site.give(key)
    named = next((k for s, _, k in at.mentions if s == lead), None)
    entity = at.rec.entities.get(named) if named else None
    return entity is not None and entity.kind == "person" and not _possessive(plain, next(e for s, e, _ in at.mentions if s == lead)) \
        and site.give(named)


def _someone_who(site: BeforeSite) -> bool:
    """"a food critic who reviewed the show called the dish “…”": a person the article does not name."""
    left = site.left
    window = left[-90:]
    if " who " not in window:
        return False
    who = _SOMEONE_WHO.search(window)
    offset = len(left) - len(window)
    if who is not None and _CLAUSE_OPENER.search(window, who.start()):
        return False  # "a police officer who died after authorities say": the verb is another clause's, not the officer's
    if who is not None and _relative_speaker_only(site, offset + who.start(), window.endswith(" who ")):
        return site.give(None)
    return who is not None and not any(s < offset + who.end() and e > offset + who.start() for s, e, _ in site.at.mentions) \
        and not appositive_to_name(left, offset + who.start(), site.at.mentions) and site.give(Unnamed(description_at(window, who.start())))


def _relative_speaker_only(site: BeforeSite, start: int, verb_after_who: bool) -> bool:
    """"Tom Reed was convicted of assaulting a model who said he followed her": the verb is the relative clause's own
    ("who said"), about a person who is no subject of the sentence (the phrase at ``start`` does not open it), and
    opens no quotation: that person says the clause, not the sentence, so nobody speaks for the sentence."""
    if not verb_after_who or not site.left[:start].strip(" \"'“”‘’—–-,"):
        return False
    text = site.at.seg.sentences[site.at.index].text
    return _OPENS_QUOTATION.match(text, site.verb_at + len(site.verb)) is None and \
        not re.match(r"\s+(?:that\s+)?[^,;:]{0,60}[\"“]", text[site.verb_at + len(site.verb):])


def _pronoun_right_before(site: BeforeSite, reach: int = 16) -> bool:
    """"…, she said": a pronoun right before the verb, resolved to the person it stands for."""
    left = site.left
    near = _PRONOUN.search(left, max(0, len(left) - reach))  # searched in place: a window cut mid-word ("t|he sentence") finds no "he"
    if not near:
        return False
    work = _WORK_BEFORE.search(left, max(0, near.start() - 60), near.start())
    if work is not None and not re.search(r"\b[Ii]n\s*$", left[: work.start()]) and not _quotation_follows(site):
        return site.give(None)  # "over an op-ed she wrote": the clause tells who wrote the work, nobody speaks
    key = _pronoun(site.at.seg, site.at.rec, site.at.index, near.start(), near.group("p"))
    return bool(key) and site.give(key)


def _quotation_follows(site: BeforeSite) -> bool:
    """Whether quoted words follow the verb in its sentence ("an op-ed she wrote describing herself as “…”"): they are
    the words of whoever the verb's subject is."""
    text = site.at.seg.sentences[site.at.index].text
    return any(ch in text[site.verb_at + len(site.verb):] for ch in "\"“")


# A work or a document right before the pronoun of a reporting verb ("sued her over an op-ed she wrote", "the letter
# he read"): a relative clause naming who wrote or said the work; not "In a statement she said", the medium.
_WORK_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:"
                          + "|".join(sorted({*TITLE_CUES, *(n for n in DOCUMENT_NOUNS if " " not in n), "post", "tweet", "email", "note"}))
                          + r")\s+(?:that\s+|which\s+)?$")


_AUXILIARY_END = re.compile(r"(?:\s+(?:have|has|had|also|previously|repeatedly|long|already))+$")


def _group(site: BeforeSite) -> bool:
    """"State prosecutors said", "the sheriff's office said": the group, or the body the article names for it; not
    when a name just before the verb is its subject ("Dana Pike's representatives said" is Pike's)."""
    at, left, verb_at = site.at, site.left, site.verb_at
    base = _AUXILIARY_END.sub("", left.rstrip())  # "what prosecutors have called": the group before the auxiliary
    tail = base[-80:]
    group = GROUP.search(tail) if tail.lower().endswith(GROUP_GATE) else None
    if not group or at.groups is None or any(e > verb_at - 25 and not _possessive(at.plain, e) for _, e, _ in at.mentions if e <= verb_at):
        return False
    offset = len(base) - len(tail)
    start = offset + group.start("np")
    phrase = GroupPhrase(group.group("np"), group.group("head"), tail[: group.start("np")], start,
                         at_start=not left[:start].strip(" \"'“”‘’—–-,"))
    key = group_speaker(phrase, at.rec, at.seg, at.index, at.groups)
    return bool(key) and site.give(key)


# "… and her lawyers": the people who act for the person just named, speaking with her (lexicon AGENT_GROUPS)
_WITH_AGENTS = re.compile(r"^\s+and\s+(?:her|his|their)\s+(?:" + "|".join(sorted(AGENT_GROUPS, key=len, reverse=True)) + r")\s*$")


def _named_subject(site: BeforeSite) -> bool:
    """"Dana Pike, the studio's lawyer, said": the name nearest before the verb, past an appositive; not an agent
    ("obtained by The Times"), an owner ("Pike's lawyer"), a relaying outlet, or a name in another clause."""
    at, plain, verb_at = site.at, site.at.plain, site.verb_at
    candidates = [(s, e, k) for s, e, k in at.mentions if e <= verb_at and verb_at - e <= 90 and not _possessive(plain, e)
                  and not re.search(r"\bby\s+(?:the\s+)?$", plain[max(0, s - 12) : s])  # "obtained by The Times": an agent, not the speaker
                  and not (_is_media(at.rec, k) and plain[e:verb_at].strip())]
    if not candidates:
        return False
    s, e, key = candidates[-1]
    if len(candidates) > 1 and not plain[e:verb_at].strip(" ,"):
        s, e, key = _appositive_head(plain, candidates)
    # "rules", "claims", "notes" are nouns as often as verbs: then the speaker must stand right before
    limit = 1 if site.verb.lower() in _NOUN_LIKE else 6
    # "Dana Pike tried to argue", "went on to say": a catenative verb keeps the subject of the verb it leads to;
    # "Dana Pike and her lawyers say": the person speaks, with those who act for her
    between = _WITH_AGENTS.sub(" ", CATENATIVE.sub(" ", _strip_appositive(plain[e:verb_at])))
    if len(between.split()) > limit:
        # "Dana Pike, the chief prosecutor for the northern half of the county, said": a long appositive after the name
        head = next((c for c in candidates if plain[c[1] : c[1] + 1] == "," and not _strip_appositive(plain[c[1] : verb_at]).strip(" ,")), None)
        if head is not None:
            s, e, key = head
            between = ""
    if re.search(r"\b(?:that|when|while|because|after|before|if|and|but|as|where|which|whom|to|he|she|they|we|it|I)\b|[;:]", between) \
            or len(between.split()) > limit \
            or _inside_relative(plain[e:verb_at]):
        return False
    entity = at.rec.entities[key]
    if entity.kind == "organization" and " " not in entity.name and at.groups is not None:
        body = body_at(at.seg.sentences[at.index].text, e)  # "… District Attorney's Office" found as "Office"
        if body:
            return site.give(body_entity(body, at.rec, at.groups))
    return site.give(key)


def _holder(site: BeforeSite) -> bool:
    """"The judge in the case said": the person who holds the office the article names."""
    left = site.left
    near_left = left[-60:].lower()
    if not any(head in near_left for head in HOLDER_HEADS) and not office_before(left):
        return False
    key = holder(left, site.at.rec, site.at.index, site.at.seg)
    return bool(key) and site.give(key)


def _pronoun_near(site: BeforeSite) -> bool:
    """"She told the court on Monday that …": a pronoun a few words before the verb."""
    return _pronoun_right_before(site, 30)


def _document_subject(site: BeforeSite) -> bool:
    """"The lawsuit alleges", "the statement said": the document, given to whoever the article says issued it."""
    doc = _DOC_SUBJECT.search(_strip_appositive(site.left)[-60:])
    if not doc:
        return False
    return site.give(_document(site.at.seg, site.at.rec, site.at.index, doc.group("doc"), site.at.groups), doc.group("doc"))


BEFORE_RULES: Ruler[BeforeSite] = Ruler("attribution.before", [
    ("unnamed-source", _unnamed_source),
    ("unnamed-described", _unnamed_described),
    ("unnamed-office", _unnamed_office),
    ("someone-who", _someone_who),
    ("pronoun-right-before", _pronoun_right_before),
    ("group", _group),
    ("named-subject", _named_subject),
    ("shared-subject", _shared_subject),
    ("holder", _holder),
    ("pronoun-near", _pronoun_near),
    ("document-subject", _document_subject),
])


VERB_RULES: Ruler[VerbSite] = Ruler("attribution", [
    ("tag-only", _tag_only),
    ("accused-by", _accused_by),
    ("passive-agent", _passive_agent),
    ("participle-of", _participle_of),
    ("participle", _participle_rule),
    ("ruling", _ruling_rule),
    ("according-to", _according_to),
    ("before", _before_rule),
    ("speaker-after-verb", _speaker_after_verb),
])


def _after(at: Speaking, end: int, inverted: bool = False, verb_at: int = 0) -> tuple[str | None, str | None] | None:
    """Who speaks with the reporting verb ending at ``end``, told after it ("according to Dana Pike", "said a source";
    ``inverted``: the verb at ``verb_at`` comes before its speaker). Out: (speaker, document) or None. Tried in
    order: an unnamed source or someone described, the first name after the verb, a document, a group."""
    unnamed = _unnamed_after_verb(at, end, inverted, verb_at)
    if unnamed is not None:
        return unnamed, None
    plain, text = at.plain, at.seg.sentences[at.index].text
    candidates = [(s, e, k) for s, e, k in at.mentions if s >= end and s - end <= (40 if inverted else 60)
                  and not (inverted and re.search(r"\bthat\b|[,.;:]", _ABBREVIATED.sub(" ", plain[end:s])))]
    if candidates and not _possessive(plain, candidates[0][1]):
        if inverted and text[candidates[0][1] : candidates[0][1] + 3].lstrip()[:1] in ('"', "“") and not _after_quotation(text, verb_at) \
                and not text[:verb_at].rstrip().endswith(","):
            return None  # "the note says Dana Pike “never saw the trailer”": she is who the quoted words are about
        return candidates[0][2], None
    doc = _DOC_AFTER.match(plain[end : end + 80])
    if doc:
        return _document_after(at, end, doc.end(), doc.group("doc"))
    return _group_after(at, end) if not inverted else None


def _unnamed_after_verb(at: Speaking, end: int, inverted: bool, verb_at: int) -> str | None:
    """An unnamed speaker right after the verb ending at ``end`` ("said a source close to the couple", "an insider
    told"), or someone described, not named ("said one longtime nurse": inverted only after a quotation or a comma,
    for "Smith told a former colleague" is no inversion); None if there is none."""
    window = at.plain[end : end + 80]
    anon = next(iter(_anonymous_in(window[:60])), None) if window.strip() else None
    lone = re.match(r"\s*(?:an?|one|our)\s+(?:\w+\s+)?(?:insider|source)", window, re.I)
    if anon and (not inverted or anon.start() <= 12) or lone:
        start = anon.start() if anon and (not inverted or anon.start() <= 12) else len(window) - len(window.lstrip())
        return Unnamed(description_at(window, start, _phrase_end(window, start)))
    text = at.seg.sentences[at.index].text
    if not inverted or _after_quotation(text, verb_at) or text[:verb_at].rstrip().endswith(","):
        who = unnamed_after(at.plain, end, at.mentions)
        if who:
            return who
    return None


# "said the lawsuit", "according to Dana Pike's statement": a document named after the verb
_DOC_AFTER = re.compile(rf"\s*(?:the|a|an|his|her|their|[A-Z]\w+['’]s)\s+(?:\w+\s+)?(?P<doc>{DOCUMENTS})\b")
_SIGNED_BY = re.compile(r"\s*(?:signed |filed |issued |released |written )?by\b")
_TEAM = re.compile(r"['’]s?\s+(?P<np>(?:legal |defen[cs]e |campaign |press )?(?:team|lawyers|attorneys|family|office|representatives?|spokes(?:person|man|woman)))\b")


def _document_after(at: Speaking, end: int, length: int, doc: str) -> tuple[str | None, str | None]:
    """Who speaks in the document ``doc`` named in the ``length`` characters after the verb ending at ``end``, with
    the document: who signed, filed or issued it "by" ("the statement released by Dana Pike's legal team": her team),
    its owner ("according to Pike's lawsuit"), else whoever the article says issued it (see :func:`_document`)."""
    plain, mentions = at.plain, at.mentions
    after = end + length
    by = [(s, e, k) for s, e, k in mentions if after <= s <= after + 40]
    if by and _SIGNED_BY.match(plain[after : after + 60]):
        s, e, key = by[0]
        team = _TEAM.match(plain[e:])
        if team and at.groups is not None:
            np = team.group("np")
            return owned_group(f"{at.rec.entities[key].name}'s {np}", np, at.rec, at.groups), doc
        return key, doc
    if re.match(r"\s*(?P<who>[A-Z]\w+)['’]s", plain[end : end + 80]):
        owner = [k for s, e, k in mentions if s >= end and s - end <= 6]
        if owner:
            return owner[0], doc
    return _document(at.seg, at.rec, at.index, doc, at.groups), doc


def _group_after(at: Speaking, end: int) -> tuple[str | None, str | None] | None:
    """"according to state prosecutors", "said the police": the group named after the verb ending at ``end``, or the
    body the article names for it (see referents.group_speaker); None if none."""
    group = _GROUP_AFTER.match(at.plain[end : end + 80])
    if group and at.groups is not None:
        speaker = group_speaker(GroupPhrase(group.group("np"), group.group("head"), "", end + group.start("np")), at.rec, at.seg, at.index,
                                at.groups)
        if speaker:
            return speaker, None
    return None


def _phrase_end(window: str, start: int) -> int:
    """Where the phrase at ``start`` of the words after a verb ends: at a clause mark, or after eight words."""
    stop = re.search(r"[,.;:!?—–()]|\s+(?:on|in|at|after|before|when|while|as|that)\s", window[start:])
    end = start + stop.start() if stop else len(window)
    words = list(re.finditer(r"\S+", window[start:end]))
    return start + words[7].end() if len(words) > 8 else end


# the full stops of abbreviated titles are no clause break: "said U.S. Attorney Dana Pike", "said Sen. Lee Marsh"
_ABBREVIATED = re.compile(r"\b(?:[A-Z]\.){2,}|\b(?:" + "|".join(sorted({w.title() for w in ABBREVIATIONS} | STATES)) + r")\.(?=\s)")


_GROUP_AFTER = re.compile(r"\s*(?:the\s+)?(?P<np>(?:[a-z’']+\s+){0,2}(?P<head>prosecutors|police|officials|investigators|authorities|court|state))\b"
                          r"(?!\s+(?:records?|documents?|filings?|papers?|transcripts?|files?|data|reports?)\b)")


def _document(seg: Segmented, rec: Recognised, index: int, doc: str, groups: dict[str, Entity] | None) -> str | None:
    """Who filed or issued ``doc``; for a statement or release also whoever a sentence before says spoke "in" it
    ("In a statement, the studio said …" … "the statement said")."""
    author = document_author(seg, rec, index, doc)
    head = doc.split()[-1].lower()
    if author is not None or head not in ISSUED:
        return author
    said_in = _said_in(head)
    for k in range(index - 1, max(-1, index - 4), -1):
        if head in seg.sentences[k].text and said_in.search(seg.sentences[k].text):
            found = attribute(seg, rec, k, 0, None, groups)
            if found is not None and found.speaker and found.speaker != ANONYMOUS and found.document is None:
                return found.speaker
    return None


@lru_cache(maxsize=16)
def _said_in(head: str) -> re.Pattern[str]:
    return re.compile(rf"\b[Ii]n\s+(?:an?|the|its|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(head)}\b")


_MEDIA_HEADS = outlet_pattern(OUTLET_RELAY_WORDS)


def _is_media(rec: Recognised, key: str) -> bool:
    entity = rec.entities.get(key)
    return entity is not None and entity.kind == "organization" and bool(_MEDIA_HEADS.search(entity.name) or (entity.role or "").lower().startswith("news publisher"))


# ", a lawyer for " / ", who represents " / ", joined by U.S. Circuit Judge ": an appositive after a name that ends at another name
_APPOSITIVE_GAP = re.compile(r",\s+(?!(?:and|or|but)\b)[^,;:]{0,70}?\b(?!(?:and|or|but)\b)[a-z]+\s+(?:(?:[A-Z][a-z]*\.)+\s+|[A-Z][a-z]+\s+){0,3}")


def _appositive_head(plain: str, candidates: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The name an appositive ending in the last candidate belongs to ("Dana Pike, a lawyer for Lee Marsh, said" → Dana Pike)."""
    s, _, _ = candidates[-1]
    for earlier in reversed(candidates[:-1]):
        if _APPOSITIVE_GAP.fullmatch(plain, earlier[1], s):
            return earlier
    return candidates[-1]


def _inside_relative(between: str) -> bool:
    """The verb belongs to a relative clause about the name ("Tom Reed, 40, who was found guilty"), not closed by a
    comma before it as an appositive is ("Peggy Olander, who had $19,000 on the exchange, said")."""
    at = between.rfind("who ")
    return at >= 0 and (at == 0 or not between[at - 1].isalnum()) and "," not in between[at:]


def _strip_appositive(between: str) -> str:
    return re.sub(r",[^,]*,", " ", between)


def _possessive(plain: str, end: int) -> bool:
    return plain[end : end + 2] in ("'s", "’s") or plain[end : end + 1] in ("'", "’") and plain[end - 1 : end] == "s"
