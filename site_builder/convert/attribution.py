"""Who says a sentence: named speakers, pronouns, groups, documents, unnamed sources.

In: a sentence, the quotation spans inside it, and what :mod:`.recognise`
found. Out: :class:`Attribution` — the speaker (an entity id, ``anonymous``
or None), the reporting verb and the claim kind it implies. Groups named by
a common noun ("prosecutors said") become organisations; documents ("the
lawsuit alleges") are attributed to whoever the article says filed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import ALLEGE_VERBS, DENY_VERBS, OPINION_VERBS, RULING_VERBS, SPEECH_VERBS
from .recognise import Entity, Recognised
from .segment import Segmented
from .slug import slugify

ANONYMOUS = "anonymous"
_ANON = re.compile(
    r"\b(?:an?|one|our|the|another|this|that|[A-Z][\w.]*)\s+(?:(?!said|told)[\w-]+\s+){0,2}?(?:insiders?|sources?|tipsters?|confidants?|pals?|friends? of \w+|person familiar|people familiar|people close|person close)\b"
    r"|\bsources? (?:close to|familiar with|said|say|told)\b|\binsiders?\b"
    r"|\b(?:people|persons?|officials?|sources?) (?:with (?:direct )?knowledge(?: of [\w\s'’]{0,40}?)?|briefed on [\w\s'’]{0,40}?"
    r"|who (?:spoke on (?:the )?condition of anonymity|(?:asked|requested) (?:not to be (?:named|identified)|anonymity)"
    r"|(?:was|were|is|are) not authori[sz]ed to (?:speak|comment)(?: publicly)?(?: on [\w\s'’]{0,30}?)?))(?=\W|$)",
    re.IGNORECASE,
)
_GROUP = re.compile(
    r"(?:\b[Tt]he\s+|\b)(?P<np>(?:[A-Za-z’'.-]+\s+){0,3}?(?i:prosecutors|prosecution|police|officials|investigators|authorities|detectives|"
    r"sheriff[’']s office|district attorney[’']s office|attorney[’']s office|state|court|defense|defence|legal team|lawyers|attorneys|family|jurors|jury|network|studio|company|office|department|agency))$"
)
_DOCS = r"affidavit|lawsuit|suit|complaint|filing|motion|ruling|order|statement|document|report|press release|indictment|letter|court papers|court documents|records|legal document|court filing|petition|opinion|decision|judgment|verdict"
_DOC_SUBJECT = re.compile(rf"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+)?)(?P<doc>{_DOCS})\s*(?:further\s+|also\s+|later\s+)?$")
_NOUN_LIKE = frozenset("rules claims states notes reads calls finds orders reports comments remarks posts shares tweets "
                       "charges accuses denies insists".split())
_INVERTIBLE = frozenset("said says added adds wrote writes asked asks explained explains continued continues told tells read reads noted notes".split())
_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey)\s+(?:\w+\s+){0,2}$")


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    verb: str | None
    kind: str
    document: str | None = None


def kind_for(verb: str, speaker: Entity | None) -> str:
    verb = verb.lower()
    if verb in DENY_VERBS:
        return "denial"
    if verb in ALLEGE_VERBS:
        return "allegation"
    if verb in RULING_VERBS and speaker is not None and re.search(r"\b(?:judge|justice|court|magistrate)\b", f"{speaker.role or ''} {speaker.name}", re.I):
        return "ruling"
    if verb in OPINION_VERBS:
        return "opinion"
    return "statement"


_SPEECH_WORDS = frozenset(w.lower() for w in SPEECH_VERBS | {"according"})
_RUN = re.compile(r"[\w’']+")  # a reporting verb is a whole run of these characters
# Gates for the costly patterns: _ANON needs one of these pieces, _GROUP's phrase ends with one of these heads.
_ANON_PIECES = ("insider", "source", "tipster", "confidant", "pal", "friend", "familiar", "close", "knowledge", "briefed",
                "anonymity", "named", "identified", "authori")
_GROUP_HEADS = ("prosecutors", "prosecution", "police", "officials", "investigators", "authorities", "detectives", "office", "state",
                "court", "defense", "defence", "team", "lawyers", "attorneys", "family", "jurors", "jury", "network", "studio",
                "company", "department", "agency")


def _anonymous_in(window: str) -> list[re.Match[str]]:
    lower = window.lower()
    return list(_ANON.finditer(window)) if any(piece in lower for piece in _ANON_PIECES) else []


def _verbs(seg: Segmented, index: int) -> list[tuple[int, int, str]]:
    """Reporting verbs in sentence ``index`` outside quotation marks: (start, end, word), kept on the article."""
    cached = seg.verbs.get(index)
    if cached is None:
        plain = _plain(seg, index)
        if _SPEECH_WORDS.isdisjoint(_RUN.findall(plain.lower())):
            cached = seg.verbs[index] = []
        else:
            cached = seg.verbs[index] = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(plain) if m.group().lower() in _SPEECH_WORDS]
    return cached


def _plain(seg: Segmented, index: int) -> str:
    """Sentence ``index`` with every quoted passage blanked out (kept on the article: attribution asks often)."""
    cached = seg.plain.get(index)
    if cached is None:
        sentence = seg.sentences[index]
        quoted = [(q.open - sentence.start, q.close - sentence.start + 1) for q in seg.overlapping(sentence.start, sentence.end)
                  if q.open < sentence.end and q.close >= sentence.start]
        cached = seg.plain[index] = _blank(sentence.text, quoted)
    return cached


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for k in range(max(0, a), min(len(chars), b)):
            chars[k] = " "
    return "".join(chars)


def attribute(seg: Segmented, rec: Recognised, index: int, lo: int = 0, hi: int | None = None,
              groups: dict[str, Entity] | None = None) -> Attribution | None:
    """The speaker of sentence ``index``, looking for a reporting verb between offsets ``lo`` and ``hi``."""
    sentence = seg.sentences[index]
    text = sentence.text
    hi = len(text) if hi is None else hi
    plain = _plain(seg, index)
    # names inside the quoted words are not the speaker
    mentions = [(s, e, k) for s, e, k in rec.sentences[index].entities if plain[s:e].strip()]
    best: tuple[int, Attribution] | None = None
    for start, end, word in _verbs(seg, index):
        if start < lo:
            continue
        if end > hi:
            break
        if word[0].isupper() and word != "According":
            continue
        if re.match(r"\s+(?:of|with|by|in|for)\b", plain[end:]) and word.lower() not in _INVERTIBLE:
            continue  # "the councilwoman accused of …": a participle, not someone speaking
        if word.lower() == "according":
            if not re.match(r"\s+to\b", plain[end:]):
                continue
            found = _after(plain, end + 3, mentions, rec, seg, index, groups)
            if found and found[0] and _is_media(rec, found[0]):
                continue  # "according to E! News": the outlet relays, it is not the speaker
        else:
            found = _before(plain, start, mentions, rec, seg, index, groups, word)
            if found is None and word.lower() in _INVERTIBLE:
                found = _after(plain, end, mentions, rec, seg, index, groups, inverted=True)
        if found is None:
            continue
        speaker, document = found
        entity = rec.entities.get(speaker) if speaker and speaker != ANONYMOUS else None
        kind = "anonymous" if speaker == ANONYMOUS else kind_for(word, entity)
        attribution = Attribution(speaker, word.lower(), kind, document)
        distance = 0 if speaker else 1000
        if best is None or distance < best[0]:
            best = (distance, attribution)
        if speaker:
            break
    return best[1] if best else None


def _before(plain: str, verb_at: int, mentions: list[tuple[int, int, str]], rec: Recognised, seg: Segmented, index: int,
            groups: dict[str, Entity] | None, verb: str = "") -> tuple[str | None, str | None] | None:
    left = plain[:verb_at]
    window = left[-90:]
    anon = _anonymous_in(window)
    if anon and len(window) - anon[-1].end() <= 12:
        return ANONYMOUS, None
    near = _PRONOUN.search(left[-16:])
    if near:
        key = rec.pronoun(index, max(0, verb_at - 16 + near.start()), near.group("p"), seg)
        if key:
            return key, None
    tail = left.rstrip()[-80:]
    group = _GROUP.search(tail) if tail.lower().endswith(_GROUP_HEADS) else None
    if group and groups is not None and not any(e > verb_at - 25 for _, e, _ in mentions if e <= verb_at):
        return group_entity(group.group("np"), rec, groups), None
    candidates = [(s, e, k) for s, e, k in mentions if e <= verb_at and verb_at - e <= 90 and not _possessive(plain, e)
                  and not re.search(r"\bby\s+(?:the\s+)?$", plain[max(0, s - 12) : s])  # "obtained by The Times": an agent, not the speaker
                  and not (_is_media(rec, k) and plain[e:verb_at].strip())]
    if candidates:
        s, e, key = candidates[-1]
        between = _strip_appositive(plain[e:verb_at])
        words = len(between.split())
        # "rules", "claims", "notes" are nouns as often as verbs: then the speaker must stand right before
        limit = 1 if verb.lower() in _NOUN_LIKE else 6
        if not re.search(r"\b(?:that|when|while|because|after|before|if|and|but|as|where|which|whom|to)\b|[;:]", between) and words <= limit:
            return key, None
    pron = _PRONOUN.search(left[-30:])
    if pron:
        offset = verb_at - 30 + pron.start() if verb_at >= 30 else pron.start()
        key = rec.pronoun(index, max(0, offset), pron.group("p"), seg)
        if key:
            return key, None
    doc = _DOC_SUBJECT.search(_strip_appositive(left)[-60:])
    if doc:
        return document_author(seg, rec, index, doc.group("doc")), doc.group("doc")
    return None


def _after(plain: str, end: int, mentions: list[tuple[int, int, str]], rec: Recognised, seg: Segmented, index: int,
           groups: dict[str, Entity] | None, inverted: bool = False) -> tuple[str | None, str | None] | None:
    right = plain[end:]
    window = right[:80]
    anon = next(iter(_anonymous_in(window[:60])), None) if window.strip() else None
    if anon and (not inverted or anon.start() <= 12) or re.match(r"\s*(?:an?|one|our)\s+(?:\w+\s+)?(?:insider|source)", window, re.I):
        return ANONYMOUS, None
    candidates = [(s, e, k) for s, e, k in mentions if s >= end and s - end <= (40 if inverted else 60)
                  and not (inverted and re.search(r"\bthat\b|[,.;:]", plain[end:s]))]
    if candidates and not _possessive(plain, candidates[0][1]):
        return candidates[0][2], None
    doc = re.match(rf"\s*(?:the|a|an|his|her|their|[A-Z]\w+['’]s)\s+(?:\w+\s+)?(?P<doc>{_DOCS})\b", window)
    if doc:
        rest = plain[end + doc.end() : end + doc.end() + 60]
        by = [(s, e, k) for s, e, k in mentions if end + doc.end() <= s <= end + doc.end() + 40]
        if by and re.match(r"\s*(?:signed |filed |issued |released |written )?by\b", rest):
            s, e, key = by[0]
            team = re.match(r"['’]s?\s+(?P<np>(?:legal |defen[cs]e |campaign |press )?(?:team|lawyers|attorneys|family|office|representatives?|spokes(?:person|man|woman)))\b", plain[e:])
            if team and groups is not None:
                return group_entity(f"{rec.entities[key].name}'s {team.group('np')}", rec, groups), doc.group("doc")
            return key, doc.group("doc")
        possessor = re.match(r"\s*(?P<who>[A-Z]\w+)['’]s", window)
        if possessor:
            owner = [k for s, e, k in mentions if s >= end and s - end <= 6]
            if owner:
                return owner[0], doc.group("doc")
        return document_author(seg, rec, index, doc.group("doc")), doc.group("doc")
    if not inverted:
        group = re.match(r"\s*(?:the\s+)?(?P<np>(?:[a-z’']+\s+){0,2}(?:prosecutors|police|officials|investigators|authorities|court|state))\b", window)
        if group and groups is not None:
            return group_entity(group.group("np"), rec, groups), None
    return None


_MEDIA_HEADS = re.compile(r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Wire|Press|Daily|Magazine|Radio|TV|Network|Online|Insider|Mail|Sun|Mirror|Guardian|Telegraph|Chronicle|Reporter)\b|\.com\b")


def _is_media(rec: Recognised, key: str) -> bool:
    entity = rec.entities.get(key)
    return entity is not None and entity.kind == "organization" and bool(_MEDIA_HEADS.search(entity.name) or (entity.role or "").lower().startswith("news publisher"))


def _strip_appositive(between: str) -> str:
    return re.sub(r",[^,]*,", " ", between)


def _possessive(plain: str, end: int) -> bool:
    return plain[end : end + 2] in ("'s", "’s") or plain[end : end + 1] in ("'", "’") and plain[end - 1 : end] == "s"


@lru_cache(maxsize=64)
def _author_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"<head> filed by Name" before a name, and "Name's <head>" after one."""
    return (re.compile(rf"{re.escape(head)}\s+(?:\w+\s+)?(?:signed|filed|issued|released|written|submitted)?\s*by\s+(?:[A-Z][\w.]*\s+){{0,4}}$"),
            re.compile(rf"['’]s?\s+(?:\w+\s+)?(?:law)?{re.escape(head)}\b"))


def document_author(seg: Segmented, rec: Recognised, index: int, doc: str) -> str | None:
    """Who filed or signed ``doc`` ("an affidavit signed by Detective Joel Cano", "Baldwin's lawsuit")."""
    head = doc.split()[-1]
    head = "suit" if head == "lawsuit" else head
    by_pattern, owner_pattern = _author_patterns(head)
    for k in range(index, -1, -1):
        text = seg.sentences[k].text
        for s, e, key in rec.sentences[k].entities:
            before = text[max(0, s - 60) : s]
            if "by" in before and by_pattern.search(before):
                return key
            if text[e : e + 1] in ("'", "’") and owner_pattern.match(text, e, e + 30):
                return key
    return None


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
        if known not in groups:
            person = next(p for p in rec.directory.people if p.id == known)
            groups[known] = Entity(known, person.name, person.kind, known=True)
        return known
    key = slugify(name)
    if key not in groups:
        groups[key] = Entity(key, name, "organization", role=name)
    return key
