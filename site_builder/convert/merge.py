"""Merge draft items into the content folder without disturbing editors' work.

In: the content folder's YAML files loaded round-trip (:class:`~.docs.Doc`,
comments and layout kept by ruamel.yaml) and the draft items of each
article. Out: the same documents with new items appended and new
citations added to existing *draft* items, plus a :class:`MergeLog`.
Items marked ``review: reviewed`` or ``review: rejected`` are never touched
(a rejected item stays in the file so that it is not proposed again). An item already
holding the same citation is the same item, so re-running changes nothing;
ids are derived from content and kept unique, so they are stable.

Hand edits do not make an item new: an item is also found again by the
ledger's record of the id it was proposed as, by its id (plus a ``-N``
suffix) or by a fuzzy match of an edited citation (:mod:`.identity`). A
reviewed or rejected item stands for the sentences it cites: a draft of the
same section from one of them is that item. A draft that an earlier run
proposed (:mod:`.ledger`) and that is gone from the content was deleted by
an editor: it is not proposed again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .docs import Doc, load_doc
from ..content.model import ITEM_LISTS
from .items import Cite, DraftClaim, DraftEvent, DraftPerson, DraftQuote, DraftSource
from .directory import Directory, KnownPerson
from .identity import SETTLED, EditedItems, Fits
from .lexicon._data import alternation
from .lexicon.events import ACTION_BACKGROUND, ACTION_OBJECT, ACTIONS
from .ledger import FILE as LEDGER_FILE
from .ledger import Key, fingerprint, load_ledger
from ..ruler import Ruler
from .slug import slugify
from ..articles.datewords import MONTH_WORDS, WEEKDAY_WORDS
from .topics import TopicDef
from .write import Output

SECTIONS = ITEM_LISTS  # the entry lists a draft goes into
# The field whose words similar() compares, and how many words it needs in common at the least.
_SIMILAR_WORDS = {"events": ("title", 2), "claims": ("text", 1)}


@dataclass(frozen=True)
class Placed:
    """Where one draft went: its section, the id of the item it is in, and how it got there."""

    section: str  # events | claims | quotes | people
    id: str
    how: str  # new | cited (its citation added to an existing draft) | known (already there) | withheld (deleted by an editor)


@dataclass
class Proposal:
    """One draft item as the merger weighs it: where it goes, what it holds, and how to know it again."""

    section: str  # events | claims | quotes
    topic: str
    cites: list[Cite]
    fields: dict[str, Any]  # the item's fields (None: left out)
    base: str  # what its id is made from when it is new
    tells_apart: str  # what tells apart two items drawn from one sentence (an event's date, a quote's words)
    same: Callable[[Any], bool]  # an item already sharing a citation with it is it
    similar: Callable[[Any], bool]  # an item of another sentence is it, reported again
    fits: Fits | None = None  # an item whose citation an editor changed is still it
    owns: Fits | None = None  # an item an editor decided on for its sentence stands for it
    upgrade: DraftEvent | None = None  # an event whose date may refine the item it is found in
    words: set[str] | None = None  # its words, to narrow the items compared with ``similar``
    elsewhere: Callable[[Any], bool] | None = None  # an item of another strand is it (the same happening, told in other words)
    happening: tuple[str, str] | None = None  # an event's main act and year: only items sharing both may be ``elsewhere``
    rules: list[str] = field(default_factory=list)  # the rule trails that drafted it: kept in the ledger when it is new


@dataclass
class MergeLog:
    added: dict[str, int] = field(default_factory=dict)  # "events"/"claims"/"quotes"/"people"/"sources" -> count
    citations: int = 0
    reviewed_skipped: int = 0
    withheld: int = 0  # drafts an earlier run proposed and an editor has deleted since: not proposed again
    taken: dict[str, list[Placed]] = field(default_factory=dict)  # article path -> where its drafts went
    per_topic: dict[str, dict[str, int]] = field(default_factory=dict)
    new_people: list[dict[str, str]] = field(default_factory=list)

    def count(self, what: str, topic: str | None = None) -> None:
        self.added[what] = self.added.get(what, 0) + 1
        if topic:
            self.per_topic.setdefault(topic, {}).setdefault(what, 0)
            self.per_topic[topic][what] += 1


@lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    return " ".join(str(text).replace("’", "'").replace("“", '"').replace("”", '"').replace("‘", "'").split()).lower()


_WORD = re.compile(r"[a-z0-9]+")


# Month and weekday names as _words() keeps them: the dates of two events are compared on their own, so an
# event's title words say what happened ("recorded" is not "released", though both happened in March).
_DATE_WORDS = frozenset(w.lower()[:6] for w in MONTH_WORDS | WEEKDAY_WORDS)


# A date written in a title ("on Monday, March 4, 2024", "the 2019 lawsuit"): left out of the id made from it.
_WEEKDAY, _MONTH = alternation(WEEKDAY_WORDS), alternation(MONTH_WORDS)
_DATE_IN_TITLE = re.compile(rf"\b(?:(?:{_WEEKDAY}),?\s+)?(?:{_MONTH})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d{{2}})?\b"
                            rf"|\b(?:19|20)\d{{2}}\b|\b(?:{_WEEKDAY})\b")


def _undated(words: set[str]) -> set[str]:
    return {w for w in words if w not in _DATE_WORDS and not (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"))}


def _words(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(_norm(text)) if len(w) > 3}


def _cites(item: Any) -> set[tuple[str, str]]:
    return {(str(c.get("source")), _norm(c.get("quote", ""))) for c in item.get("citations") or [] if isinstance(c, dict)}


def _compatible(a: str | None, b: str | None) -> bool:
    return bool(a and b and (a.startswith(b) or b.startswith(a)))


_ACTION = re.compile("|".join(rf"\b(?P<{kind}>{'|'.join(map(re.escape, cues))})" for kind, cues in ACTIONS.items()))


@lru_cache(maxsize=16384)
def actions(title: str) -> tuple[str, ...]:
    """The kinds of act a title tells, in the order it tells them, the main act first ("A jury convicted Ortiz" →
    ("verdict",); lexicon ACTIONS). An act named only as another's background ("his first comment since the
    verdict") is left out, and so is a killing named as what another act is about ("charged Lowe with the murder
    of Moss")."""
    text = _norm(title) + " "
    found: list[str] = []
    accusation = False  # the charge found is an accusation ("accused X of …"), not a formal charge
    for m in _ACTION.finditer(text):
        kind = m.lastgroup or ""
        before = text[max(0, m.start() - 40):m.start()]
        if kind == "death" and _DATED_NOUN.search(before):
            found = ["death", *(k for k in found if k != "death")]  # "charged in the January 2022 death": the date is the death's
            continue
        if kind == "death" and found == ["charge"] and accusation and ACTION_OBJECT.search(before):
            found = ["death"]  # "Prosecutors accused Read of murdering him in 2022": what the date tells is the killing
            continue
        if ACTION_BACKGROUND.search(before) or kind == "death" and found and ACTION_OBJECT.search(before):
            continue
        accusation = accusation or kind == "charge" and m.group(0).startswith("accus")
        if kind == "charge" and _STANDING.search(before):
            continue  # "is accused of killing X in May": a standing charge; the act the date tells is what it names
        if kind not in found:
            found.append(kind)
    return tuple(found)


# A date written as the noun's modifier ("the January 2022 death", "the 2021 shooting"): that act is the one dated.
_DATED_NOUN = re.compile(rf"\bthe\s+(?:(?:{'|'.join(m.lower() for m in MONTH_WORDS)})\.?\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d{{2}}\s+$")
# "is accused of", "are charged with": a charge told in the present tense is a state, not an act of a date.
_STANDING = re.compile(r"\b(?:is|are|remains|remain|stands|stand)\s+(?:(?:still|also|now)\s+)?$")


def _close(a: str, b: str) -> bool:
    """Whether two words of names are one, allowing one letter changed, added or dropped in a word of five
    letters or more ("freed" for "fried"); shorter words must be equal ("dora" is not "dara")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def same_person(a: str, b: str) -> bool:
    """Whether two person ids name one person: equal, or every word of the one of two words or more is a word of
    the other, spelt alike or one letter apart ("bankman-freed" in "sam-bankman-fried", "alex-murdaugh" in
    "alex-m-murdaugh"). A surname alone is not enough: it may be any of a family."""
    if a == b:
        return True
    short, long_ = sorted((a.split("-"), b.split("-")), key=len)
    return len(short) >= 2 and all(any(_close(w, v) for v in long_) for w in short)


def _share_person(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two lists of person ids have someone in common (:func:`same_person`)."""
    theirs = list(b)
    return any(same_person(x, y) for x in a for y in theirs)


def same_happening(mine: tuple[str | None, tuple[str, ...], list[str]], theirs: tuple[str | None, tuple[str, ...], list[str]]) -> bool:
    """Whether two dated events (date, kinds of act, people) report one happening: dates compatible at their
    precision, the same main act, and a participant in common; without people on one side only the same day
    will do (two verdicts of one month may be two defendants').

    ``A jury convicted Ortiz`` (2024-05-02) and ``Ortiz was found guilty`` (2024-05): one verdict."""
    (date_a, acts_a, people_a), (date_b, acts_b, people_b) = mine, theirs
    if not _compatible(date_a, date_b) or not acts_a or not acts_b or acts_a[0] != acts_b[0]:
        return False
    if people_a and people_b:
        return _share_person(people_a, people_b)
    return date_a == date_b and len(date_a or "") == 10


def _happening_key(date: str, title: str) -> tuple[str, str] | None:
    """(main act, year) of a dated event, None for an undated one or one telling no known act."""
    acts = actions(title)
    return (acts[0], date[:4]) if date and acts else None


@lru_cache(maxsize=16384)
def _unnamed_participant(title: str) -> bool:
    """Whether a title names someone only by a pronoun ("His May 19 arraignment", no name written): whose act it
    is is unknown, so sharing a day with another report says nothing."""
    if _PRONOUN.search(title) is None:
        return False
    return not any(w not in _NOT_NAMES for w in _CAPITALISED.findall(title))


_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)  # "their verdict": a jury's, a body's
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
# capitalised words that name nobody: a date's words, and the pronouns and determiners that open a sentence
_NOT_NAMES = frozenset(MONTH_WORDS | WEEKDAY_WORDS | {w.capitalize() for w in ("he she him his her they them their it its the a an this that "
                                                                                 "these those in on at after before when").split()})


class Merger:
    def __init__(self, root: Path, topics: list[TopicDef]) -> None:
        """Open the content folder ``root`` to merge drafts into: people.yaml, sources.yaml, one entry file per strand
        of ``topics`` (a file not there yet starts empty) and the ledger, with what they hold indexed so that a
        draft finds its item cheaply. Nothing is written here (see :meth:`docs`)."""
        self.root = root
        self.topics = topics
        self._load_files()
        self._index_sources()
        self._index_entries()
        self.ledger = load_ledger(root / LEDGER_FILE)
        self.person_ids = {str(p.get("id")) for p in self.people.data["people"] if isinstance(p, dict)}
        self._index_citations()
        self._word_cache: dict[int, set[str]] = {}
        self._have: dict[int, set[tuple[str, str]]] = {}  # citation keys per item (by identity)
        self._blocks: dict[tuple[str, str], dict[str, list[Any]]] = {}  # (section, topic) -> who says them -> items
        self._by_word: dict[tuple[str, str, str], dict[str, list[Any]]] = {}  # (section, topic, who) -> word -> items
        self._order: dict[int, int] = {}  # id(item) -> when it joined a group (the order of the groups' lists)
        self._people_index: dict[str, Any] = {}
        for p in self.people.data["people"]:
            if isinstance(p, dict):
                self._index_person(p)
        self._by_happening: dict[tuple[str, str], list[tuple[str, Any]]] | None = None  # see _happening_index
        self.created: set[str] = set()  # ids made in this run (may still be refined)
        self._claimed: set[int] = set()  # items a draft found citing its very sentence: no other draft is them
        self.log = MergeLog()

    def _load_files(self) -> None:
        """Read people.yaml, sources.yaml and each strand's entry file (an empty one where none is there yet), each
        list the merge appends to made a list whatever the file held there."""
        # New files are built from plain dicts and lists (faster); files read from disk keep ruamel's
        # round-trip types, so that comments and layout survive (see _mapping).
        self.people = load_doc(self.root / "people.yaml", {"people": []})
        self.sources = load_doc(self.root / "sources.yaml", {"sources": []})
        self.entries: dict[str, Doc] = {}
        for topic in self.topics:
            empty = {"title": topic.title, "status": "draft", "summary": "", "events": [], "claims": [], "quotes": []}
            self.entries[topic.id] = load_doc(self.root / "entries" / f"{topic.id}.yaml", empty)
        for doc, key in ((self.people, "people"), (self.sources, "sources")):
            if not isinstance(doc.data.get(key), list):
                doc.data[key] = _sequence(doc.data)
        for doc in self.entries.values():
            for section in SECTIONS:
                if not isinstance(doc.data.get(section), list):
                    doc.data[section] = _sequence(doc.data)

    def _index_sources(self) -> None:
        """The sources listed, by file and by url (with their place in the list: the first listed wins), and their ids."""
        self._source_by: dict[tuple[str, Any], tuple[int, Any]] = {}
        self.source_ids: set[str] = set()
        for n, s in enumerate(self.sources.data["sources"]):
            if isinstance(s, dict):
                self._index_source(n, s)

    def _index_entries(self) -> None:
        """The ids of the entries' items (``ids``), each item by (section, id) (the first of an id wins), and the items
        an editor may have changed since they were proposed (:class:`EditedItems`)."""
        self.ids: set[str] = set()
        self._by_id: dict[tuple[str, str], Any] = {}  # (section, id) -> item
        for doc in self.entries.values():
            for section in SECTIONS:
                for i in doc.data[section]:
                    if isinstance(i, dict):
                        self.ids.add(str(i.get("id")))
                        self._by_id.setdefault((section, str(i.get("id"))), i)
        self.edited = EditedItems(((section, i) for (section, _), i in self._by_id.items()), _norm)

    def _index_citations(self) -> None:
        """The entries' items by (section, source, normalised sentence) they cite: finding "the same item" stays cheap."""
        self.cited: dict[tuple[str, str, str], list[Any]] = {}
        for doc in self.entries.values():
            for section in SECTIONS:
                for item in doc.data[section]:
                    if isinstance(item, dict):
                        self._index(section, item)

    # ── lookups ────────────────────────────────────────────────────────
    def directory(self, principals: tuple[str, ...] = ()) -> Directory:
        """The people listed so far, and the case's ``principals`` (see :attr:`Directory.principals`)."""
        known = []
        for p in self.people.data["people"]:
            if isinstance(p, dict) and p.get("id") and p.get("name"):
                known.append(KnownPerson(str(p["id"]), str(p["name"]), str(p.get("kind", "person")), [str(a) for a in p.get("aliases") or []]))
        return Directory(known, principals=principals)

    def source_for(self, file: str, url: str | None) -> dict[str, Any] | None:
        """The first listed source with this file, or with this url."""
        hits = [hit for hit in (self._source_by.get(("file", file)), self._source_by.get(("url", url)) if url else None) if hit]
        return min(hits, key=lambda hit: hit[0])[1] if hits else None

    def _index_source(self, n: int, s: Any) -> None:
        for key in ("file", "url"):
            value = s.get(key)
            if isinstance(value, str):  # YAML may hold anything; only text can equal a path or url
                self._source_by.setdefault((key, value), (n, s))
        self.source_ids.add(str(s.get("id")))

    def _unique(self, base: str, taken: set[str]) -> str:
        base = base[:80].rstrip("-") or "item"
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate = base[: 80 - len(suffix)].rstrip("-") + suffix
            n += 1
        taken.add(candidate)
        return candidate

    # ── sources and people ─────────────────────────────────────────────
    def add_source(self, source: DraftSource) -> str:
        existing = self.source_for(source.file or "", source.url)
        if existing is not None:
            return str(existing["id"])
        sid = self._unique(source.id, self.source_ids)
        item = _mapping(self.sources.data["sources"])
        item["id"] = sid
        for key in ("title", "publisher", "published", "file", "url", "kind", "reliability", "note"):
            value = getattr(source, key)
            if value is not None:
                item[key] = value
        item["review"] = "draft"
        self.sources.data["sources"].append(item)
        self._index_source(len(self.sources.data["sources"]) - 1, item)
        self.sources.dirty = True
        self.log.count("sources")
        return sid

    def add_person(self, person: DraftPerson) -> str:
        """Add ``person`` (or find them already listed); returns the id to cite them by."""
        keys = [f"id:{person.id}", f"{person.kind}:{_norm(person.name)}"]
        first_last = _first_last(person.name)
        if first_last:
            keys.append(f"{person.kind}:{' '.join(first_last)}")
        p = next((self._people_index[k] for k in keys if k in self._people_index), None)
        if p is not None:
            if p.get("review") not in SETTLED and str(p.get("id")) in self.created:
                self._refresh_person(p, person)
            return str(p.get("id"))
        item = _mapping(self.people.data["people"])
        item["id"] = person.id
        item["name"] = person.name
        item["kind"] = person.kind
        if person.aliases:
            item["aliases"] = _sequence(item, person.aliases)
        item["role"] = person.role
        item["group"] = person.group
        item["citations"] = self._cite_seq(person.citations, item)
        item["review"] = "draft"
        self.people.data["people"].append(item)
        self.people.dirty = True
        self._index_person(item)
        self.person_ids.add(person.id)
        self.created.add(person.id)
        self.log.count("people")
        self.log.new_people.append({"id": person.id, "name": person.name, "role": person.role, "group": person.group})
        return person.id

    def _refresh_person(self, p: Any, person: DraftPerson) -> None:
        """A person first listed in this run learns from later articles: citations, aliases, a better role."""
        self.people.dirty |= self._add_citations(p, person.citations)
        known = {_norm(a) for a in [p.get("name", ""), *(p.get("aliases") or [])]}
        for alias in person.aliases:
            if _norm(alias) not in known:
                if "aliases" not in p:
                    keys = list(p.keys())
                    _insert(p, keys.index("role") if "role" in keys else len(keys), "aliases", _sequence(p))
                p["aliases"].append(alias)
                self.people.dirty = True
                known.add(_norm(alias))
        if str(p.get("role", "")).startswith(("Named in coverage", "Organisation named")) and not person.role.startswith(("Named in", "Organisation named")):
            p["role"], p["group"] = person.role, person.group
            self.people.dirty = True

    # ── entries ────────────────────────────────────────────────────────
    def add_event(self, event: DraftEvent) -> Placed:
        """Place a draft event (see :meth:`_add`): known by its date among the items citing its sentence, or as an
        event of its strand or another reported again (:class:`_EventMatch`). Out: where it went."""
        match = _EventMatch(self, event)
        fields = {"date": event.date, "not_after": event.not_after, "when": event.when, "title": event.title,
                  "people": event.people or None, "planned": True if event.planned else None}
        base = slugify(_DATE_IN_TITLE.sub(" ", event.title), 50, drop_stopwords=True)  # no date: editors correct dates
        tells_apart = event.date or f"by {event.not_after}"  # two events drawn from one sentence differ by their dates
        return self._add(Proposal("events", event.topic, event.citations, fields, base, tells_apart, match.same, match.similar,
                                  upgrade=event, words=match.words, elsewhere=match.one_happening,
                                  happening=_happening_key(event.date or "", event.title), rules=event.rules))

    def add_claim(self, claim: DraftClaim) -> Placed:
        def same(item: Any) -> bool:  # already known to share a citation
            return True

        a = _words(claim.text)

        def similar(item: Any) -> bool:
            b = self.words(item, "text")
            return len(a & b) >= 0.7 * max(1, min(len(a), len(b))) and item.get("attributed_to") == claim.attributed_to

        fields = {"kind": claim.kind, "attributed_to": claim.attributed_to, "described_as": claim.described_as, "via": claim.via, "text": claim.text,
                  "date": claim.date, "people": claim.people or None}
        base = f"{claim.attributed_to}-{slugify(claim.text, 50, drop_stopwords=True)}"
        return self._add(Proposal("claims", claim.topic, claim.citations, fields, base, "", same, similar, words=a,
                                  rules=claim.rules))  # one claim per sentence

    def add_quote(self, quote: DraftQuote) -> Placed:
        words = _norm(quote.text)

        def same(item: Any) -> bool:  # already known to share a citation
            return _norm(item.get("text", "")) == words

        sources = {c.source for c in quote.citations}

        def similar(item: Any) -> bool:
            # the same words reported by another article; within one article two quotes are two quotes
            if item.get("speaker") != quote.speaker or len(words) <= 20:
                return False
            theirs = _norm(item.get("text", ""))
            if not (words in theirs or theirs in words):
                return False
            return not sources & {str(c.get("source")) for c in item.get("citations") or []}

        fields = {"speaker": quote.speaker, "described_as": quote.described_as, "text": quote.text, "context": quote.context, "date": quote.date}
        base = f"{quote.speaker}-{slugify(quote.text, 50, drop_stopwords=True)}"

        def owns(item: Any, cited: str) -> bool:  # the item's words are the draft's, or a part of them (an editor shortened them)
            theirs = _norm(item.get("text", ""))
            return bool(theirs) and (theirs in words or words in theirs)

        def holds(item: Any, cited: str) -> bool:  # a hand-edited citation still holds the quoted words (or the item a part of them)
            return words in cited or owns(item, cited)

        # quotes differ by their words: a decided quote stands for its own words, not for every quote of its sentence
        return self._add(Proposal("quotes", quote.topic, quote.citations, fields, base, words, same, similar, fits=holds, owns=owns,
                                  rules=quote.rules))

    def _peers(self, section: str, topic: str, fields: dict[str, Any], words: set[str] | None = None) -> list[Any]:
        """Items that could be the same as a new one, in the order they were listed: same strand, the same speaker
        for claims and quotes, and (given the new item's ``words``) enough words in common for ``similar()``."""
        who = fields.get("attributed_to") or fields.get("speaker")
        groups = self._blocks.get((section, topic))
        if groups is None:  # one pass over the section, grouping its items by who says them ("" holds them all)
            groups = self._blocks[(section, topic)] = {"": []}
            for i in self.entries[topic].data[section]:
                if isinstance(i, dict):
                    self._order.setdefault(id(i), len(self._order))
                    groups[""].append(i)
                    groups.setdefault(str(i.get("attributed_to") or i.get("speaker")), []).append(i)
        key = str(who) if who else ""
        peers = groups.get(key, [])
        if words is None or section not in _SIMILAR_WORDS or len(peers) < 32:
            return peers
        # A long list: look only at the items sharing enough words (similar() needs them), through a word index.
        field, least = _SIMILAR_WORDS[section]
        index = self._by_word.get((section, topic, key))
        if index is None:
            index = self._by_word[(section, topic, key)] = {}
            for item in peers:
                for word in self.words(item, field):
                    index.setdefault(word, []).append(item)
        lists = sorted((index[word] for word in words if word in index), key=len)
        if least >= 2 and lists:
            lists.pop()  # an item sharing two words shares one besides the commonest: its (long) list need not be read
        found: dict[int, Any] = {}
        for items in lists:
            for item in items:
                found[id(item)] = item
        return sorted((item for item in found.values() if len(words & self.words(item, field)) >= least),
                      key=lambda item: self._order[id(item)])

    def _candidates(self, p: Proposal) -> Iterable[tuple[str, Any]]:
        """The items a draft may be reported again in, with their strands: its own strand's peers, then (for a
        draft that can be found in another strand) every other strand's items of its section."""
        for item in self._peers(p.section, p.topic, p.fields, p.words):
            yield p.topic, item
        if p.elsewhere is None or p.happening is None:
            return
        for item_topic, item in self._happening_index().get(p.happening, []):
            if item_topic != p.topic:
                yield item_topic, item

    def _happening_index(self) -> dict[tuple[str, str], list[tuple[str, Any]]]:
        """Dated events by main act and year, with their strands (built on first use, then kept up to date by
        :meth:`_add`): a draft compares itself with another strand's events only where it could be one of them."""
        if self._by_happening is None:
            self._by_happening = {}
            for topic in self.topics:
                for item in self.entries[topic.id].data["events"]:
                    if isinstance(item, dict):
                        self._index_happening(topic.id, item)
        return self._by_happening

    def _index_happening(self, topic: str, item: Any) -> None:
        key = _happening_key(str(item.get("date") or ""), str(item.get("title", "")))
        if key is not None and self._by_happening is not None:
            self._by_happening.setdefault(key, []).append((topic, item))

    def _index(self, section: str, item: Any, cites: set[tuple[str, str]] | None = None) -> None:
        for source, quote in _cites(item) if cites is None else cites:
            bucket = self.cited.setdefault((section, source, quote), [])
            if not any(x is item for x in bucket):
                bucket.append(item)

    def _index_person(self, p: Any) -> None:
        """Every way to find a listed person again: id, names, aliases, first + last name."""
        self._people_index.setdefault(f"id:{p.get('id')}", p)
        for name in [str(p.get("name", "")), *[str(a) for a in p.get("aliases") or []]]:
            self._people_index.setdefault(f"{p.get('kind', 'person')}:{_norm(name)}", p)
            first_last = _first_last(name)
            if first_last:
                self._people_index.setdefault(f"{p.get('kind', 'person')}:{' '.join(first_last)}", p)

    def words(self, item: Any, key: str) -> set[str]:
        cached = self._word_cache.get(id(item))
        if cached is None:
            cached = self._word_cache[id(item)] = _words(str(item.get(key, "")))
        return cached

    def _add(self, p: Proposal) -> Placed:
        """Place one draft: the item it already is, withheld (an editor deleted it), a citation added to the item it
        is reported again in, or a new item. Out: where it went; its proposals are noted in the ledger."""
        base_id = slugify(p.base, 76)
        keys: list[Key] = [(p.section, c.source, fingerprint(_norm(c.quote), p.tells_apart)) for c in p.cites]
        found = self._find(p, keys, base_id)
        if found is not None:
            return self._placed(p.section, found, "known", keys)
        earlier = next((i for i in map(self.ledger.proposed_before, keys) if i is not None), None)
        if earlier is not None:  # proposed by an earlier run and gone since: an editor deleted it
            self.log.withheld += 1
            return Placed(p.section, earlier, "withheld")
        for item_topic, item in self._candidates(p):
            if item_topic == p.topic and p.similar(item) or item_topic != p.topic and p.elsewhere is not None and p.elsewhere(item):
                return self._reported_again(p, item_topic, item, keys)
        return self._new_item(p, base_id, keys)

    def _reported_again(self, p: Proposal, item_topic: str, item: Any, keys: list[Key]) -> Placed:
        """Place draft ``p`` in ``item`` (of strand ``item_topic``), which reports it again: an item an editor decided on
        is left as it is; a draft gets the citations it lacks, and the draft event's date if it is finer and the item
        was made in this run. Out: where the draft went (known, or cited)."""
        if item.get("review") in SETTLED:
            self.log.reviewed_skipped += 1
            return self._placed(p.section, item, "known", keys)
        how = "known"
        if self._add_citations(item, p.cites):
            self.log.citations += 1
            self.entries[item_topic].dirty = True
            self._index(p.section, item, _cite_keys(p.cites))
            how = "cited"
        if p.upgrade is not None and str(item.get("id")) in self.created:
            self._refine_date(item, p.upgrade)
            self.entries[item_topic].dirty = True
        return self._placed(p.section, item, how, keys)

    def _new_item(self, p: Proposal, base_id: str, keys: list[Key]) -> Placed:
        """Append draft ``p`` to its strand's section as a new draft item, its id ``base_id`` made unique, and index
        it for the drafts that follow. Out: where it went (new), the ledger keeping its rule trail."""
        section, topic = p.section, p.topic
        item = _mapping(self.entries[topic].data[section])
        item["id"] = self._unique(base_id, self.ids)
        for key, value in p.fields.items():
            if value is not None:
                item[key] = _sequence(item, value) if isinstance(value, list) else value
        item["citations"] = self._cite_seq(p.cites, item)
        item["review"] = "draft"
        self.entries[topic].data[section].append(item)
        self.entries[topic].dirty = True
        self._index_new(p, item)
        self.created.add(str(item["id"]))
        self.log.count(section, topic)
        return self._placed(section, item, "new", keys, p.rules)

    def _index_new(self, p: Proposal, item: Any) -> None:
        """Add ``item``, just made of draft ``p``, to the indexes built so far: its strand's groups by speaker and their
        word indexes, its citations, its happening (an event), its id."""
        section, topic = p.section, p.topic
        who = p.fields.get("attributed_to") or p.fields.get("speaker")
        groups = self._blocks.get((section, topic))
        if groups is not None:
            self._order.setdefault(id(item), len(self._order))
            for key in ("", str(who)) if who else ("",):
                groups.setdefault(key, []).append(item)
                index = self._by_word.get((section, topic, key))
                if index is not None:
                    for word in self.words(item, _SIMILAR_WORDS[section][0]):
                        index.setdefault(word, []).append(item)
        self._index(section, item, _cite_keys(p.cites))
        if section == "events":
            self._index_happening(topic, item)
        self._by_id.setdefault((section, str(item["id"])), item)

    def _find(self, p: Proposal, keys: list[Key], base_id: str) -> Any | None:
        """The item a draft already is, if any, however an editor has changed it since it was proposed, or the
        item an editor made (and reviewed or rejected) of the draft's sentence: the first rule of :data:`FIND` that
        finds it."""
        finding = Finding(self, p, keys, base_id)
        FIND.run(finding)
        return finding.found

    def _placed(self, section: str, item: Any, how: str, keys: list[Key], rules: list[str] | None = None) -> Placed:
        """Where a draft went; its proposals noted in the ledger, with ``rules`` (the trail, for a new item)."""
        for key in keys:
            self.ledger.record(key, str(item.get("id")), rules)
        return Placed(section, str(item.get("id")), how)

    def _refine_date(self, item: Any, event: DraftEvent) -> None:
        if item.get("planned") and not event.planned and event.date and _compatible(event.date, str(item.get("date") or "")):
            del item["planned"]  # reported as done on the day it was announced for: it is no longer only scheduled
        old = str(item.get("date") or "")
        if event.date and (not old or event.date.startswith(old) and len(event.date) > len(old)):
            if "not_after" in item:
                del item["not_after"]
            item["date"] = event.date

    def _cite_seq(self, cites: list[Cite], like: Any) -> Any:
        seq = _sequence(like)
        for c in cites:
            m = _mapping(like)
            m["source"] = c.source
            m["quote"] = c.quote
            seq.append(m)
        return seq

    def _cited(self, item: Any) -> set[tuple[str, str]]:
        """The (source, normalised quote) of each of ``item``'s citations (worked out once per item, then kept up to
        date by :meth:`_add_citations`)."""
        have = self._have.get(id(item))
        if have is None:
            have = self._have[id(item)] = _cites(item)
        return have

    def _add_citations(self, item: Any, cites: list[Cite]) -> bool:
        have = self._cited(item)
        added = False
        for c in cites:
            key = (c.source, _norm(c.quote))
            if key not in have:
                item.setdefault("citations", _sequence(item)).append(self._cite_seq([c], item)[0])
                have.add(key)
                added = True
        return added

    def next_pass(self) -> None:
        """Count everything merged so far as read from the content folder, as a second run would find it: found
        again by its id or an edited citation, its proposals in the ledger, and no longer refreshed as new."""
        self.edited = EditedItems(((section, i) for (section, _), i in self._by_id.items()), _norm)
        self.ledger.settle()
        self.created = set()
        self._claimed = set()

    def docs(self) -> list[Output]:
        """Every file the run may write: the content files, then the ledger."""
        return [self.sources, self.people, *self.entries.values(), self.ledger]



class _EventMatch:
    """How a draft ``event`` knows an item of the content to be itself, for :meth:`Merger.add_event`: ``merger`` holds
    the items' words and citations; the draft's title words (``words``), what it tells (``told``: date, kinds of act,
    people) and the sentences it cites are worked out once."""

    def __init__(self, merger: Merger, event: DraftEvent) -> None:
        self.merger, self.event = merger, event
        self.words = _words(event.title)
        self.told = (event.date, actions(event.title), event.people)
        self.own_cites = _cite_keys(event.citations)

    def same(self, item: Any) -> bool:
        """Whether ``item``, already known to share a citation with the draft, is it: the same date (or bound)."""
        event = self.event
        return item.get("date") == event.date or item.get("not_after") == event.not_after and not event.date

    def told_apart(self, item: Any) -> bool:
        """Whether one sentence the draft and ``item`` both cite gives them two dates: two acts ("sentenced Monday after
        her arrest earlier this year")."""
        event = self.event
        return bool(event.date and item.get("date") and item.get("date") != event.date) \
            and not self.own_cites.isdisjoint(self.merger._cited(item))

    def one_happening(self, item: Any, same_strand: bool = False) -> bool:
        """Whether ``item`` (of another strand, unless ``same_strand``) reports the draft's happening: the same act,
        date and participant (:func:`same_happening`)."""
        event = self.event
        if self.told_apart(item):
            return False
        date, title = item.get("date"), str(item.get("title", ""))
        people = [str(p) for p in item.get("people") or []]
        if not (event.people and people) and (_unnamed_participant(event.title) or _unnamed_participant(title)):
            # "his" may be anyone's; but a session announced for the day, and the report of its act on
            # that day in the same strand, are one happening ("scheduled for sentencing Friday", "He was sentenced")
            if not (same_strand and bool(event.planned) != bool(item.get("planned"))):
                return False
        return bool(event.date and date) and same_happening(self.told, (str(date), actions(title), people))

    def similar(self, item: Any) -> bool:
        """Whether ``item``, an event of another sentence of the draft's strand, is the draft reported again: one
        happening, or no other act or participant told, titles sharing enough words and dates that agree."""
        event = self.event
        if self.told_apart(item):
            return False
        if self.one_happening(item, same_strand=True):
            return True
        if self._other_act(item):
            return False
        b = self.merger.words(item, "title")
        shared = self.words & b
        if len(_undated(shared)) < 2:  # titles sharing fewer than two words, dates aside, are never the same event
            return False
        if not self._dates_agree(item):
            return False
        # two undated reports ("by 2025-02-17", "by 2024-10-25") may be of different events: ask for more overlap
        share = 0.6 if not event.date and not item.get("date") and item.get("not_after") != event.not_after else 0.4
        return len(shared) >= max(2, share * min(len(self.words), len(b)))

    def _other_act(self, item: Any) -> bool:
        """Whether ``item``'s title tells another act than the draft's, or the same act of other participants."""
        acts = actions(str(item.get("title", "")))
        if self.told[1] and acts:
            if set(self.told[1]).isdisjoint(acts):
                return True  # "Ortiz was convicted" and "Ortiz was sentenced": the same names, other acts
            theirs_people = item.get("people") or []
            if self.event.people and theirs_people and not _share_person(self.event.people, map(str, theirs_people)):
                return True  # "convicted Dana Ortiz" and "convicted Lee Park": the same act, other participants
        return False

    def _dates_agree(self, item: Any) -> bool:
        """Whether the draft's date or bound ("by 2025-02-17") and ``item``'s may be one: compatible dates, or a
        dated event no later than a bound."""
        event = self.event
        mine, theirs = event.date or event.not_after, str(item.get("date") or item.get("not_after") or "")
        bounded = not event.date or not item.get("date")
        dates_ok = _compatible(event.date, str(item.get("date") or "")) or bounded and bool(mine and theirs)
        if bounded and dates_ok:
            # a bound only says "by then": the dated event must not be later than the bound
            dated, bound = (event.date, theirs) if event.date else (str(item.get("date") or ""), event.not_after or "")
            dates_ok = not dated or not bound or dated[: len(bound)] <= bound
        return dates_ok

@dataclass
class Finding:
    """The merge-matching state: one draft (with its ledger keys and base id) looked for among the items there."""

    merger: Merger
    p: Proposal
    keys: list[Key]
    base_id: str
    found: Any | None = None
    gone: bool = False  # the ledger names the id it was proposed as, and that item is gone


def _shares_a_citation(st: Finding) -> bool:
    """The same sentence of the same source, cited by an item that is this draft (an event of that date, a quote of
    those words): "On March 3 the judge dismissed the charges." converted again."""
    for cite_key in _cite_keys(st.p.cites):
        for item in st.merger.cited.get((st.p.section, *cite_key), []):
            if st.p.same(item):
                st.merger._claimed.add(id(item))
                st.found = item
                return True
    return False


def _ledger_id(st: Finding) -> bool:
    """The id the ledger says the draft was proposed as, even after an editor rewrote the item's words and date."""
    for key in st.keys:
        earlier = st.merger.ledger.proposed_before(key)
        if earlier is not None and (st.p.section, earlier) in st.merger._by_id:
            st.found = st.merger._by_id[(st.p.section, earlier)]
            return True
        st.gone = st.gone or earlier is not None
    return False


def _edited_citation(st: Finding) -> bool:
    """Its id, or an edited citation of its sentence (an editor shortened "…, the mayor said." to its first clause).
    When the ledger names the id it was proposed as and that item is gone, a base id says nothing more: two events
    of one sentence share one (ids hold no date)."""
    edited, section = st.merger.edited, st.p.section
    for c in st.p.cites:
        item = edited.find(section, c.source, _norm(c.quote), "" if st.gone else st.base_id, st.p.fits)
        if item is not None and id(item) in st.merger._claimed:  # another draft of the sentence found it as its own
            item = edited.find(section, c.source, _norm(c.quote), "", st.p.fits)
        if item is not None:
            st.found = item
            return True
    return False


def _decided_sentence(st: Finding) -> bool:
    """A sentence an editor has reviewed or rejected an item of: whatever date or words they gave it, it is theirs."""
    for c in st.p.cites:
        item = st.merger.edited.decided(st.p.section, c.source, _norm(c.quote), st.p.owns)
        if item is not None:
            st.found = item
            return True
    return False


# How a draft is known again among the items there, tried in order (the first that finds it wins).
FIND: Ruler[Finding] = Ruler("merge", [("shares-a-citation", _shares_a_citation), ("ledger-id", _ledger_id),
                                       ("edited-citation", _edited_citation), ("decided-sentence", _decided_sentence)])


def _mapping(like: Any) -> Any:
    """A new mapping for a file: ruamel's round-trip kind in a file read from disk (``like``, the container
    it goes into, is ruamel's), a plain dict in a new file (faster to build and to write)."""
    return CommentedMap() if isinstance(like, (CommentedMap, CommentedSeq)) else {}


def _sequence(like: Any, values: Iterable[Any] = ()) -> Any:
    """A new sequence, of the kind :func:`_mapping` chooses."""
    return CommentedSeq(values) if isinstance(like, (CommentedMap, CommentedSeq)) else list(values)


def _insert(mapping: Any, index: int, key: str, value: Any) -> None:
    """Put ``key`` at position ``index`` of ``mapping`` (ruamel's maps can; a dict is rebuilt in the new order)."""
    if isinstance(mapping, CommentedMap):
        mapping.insert(index, key, value)
        return
    items = list(mapping.items())
    items.insert(index, (key, value))
    mapping.clear()
    mapping.update(items)


@lru_cache(maxsize=8192)
def _first_last(name: str) -> tuple[str, str] | None:
    parts = [w for w in _norm(name).split() if not re.fullmatch(r"[a-z]\.?", w)]
    return (parts[0], parts[-1]) if len(parts) >= 2 else None


def _cite_keys(cites: list[Cite]) -> set[tuple[str, str]]:
    return {(c.source, _norm(c.quote)) for c in cites}
