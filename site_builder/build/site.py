"""The published view of the case: what the site shows, resolved and sorted.

In: validated :class:`~site_builder.content.load.Content` and the build options
(drafts or not). Out: :class:`Site`, in which drafts are dropped (or kept and
flagged), draft sources likewise, unnamed-source items follow the case's
policy, references are resolved to objects, every statement carries its
attribution label and corroboration count (:mod:`labels`), and every list
is in display order. Templates and exports read only this.
"""

from __future__ import annotations

import functools
import typing
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from ..dates import PartialDate, When
from .labels import Corroboration, Label, attribution, corroboration
from ..content.load import Content
from ..content.model import ANONYMOUS, GROUP_LABELS, Case, Citation, Claim, Entry, Event, KeyPoint, Person, Quote, Schema, Source, Topic, UNKNOWN_SPEAKER
from ..content.provenance import shown as is_shown

T = TypeVar("T")
CLAIM_ORDER = ["ruling", "fact", "allegation", "denial", "statement", "opinion", "anonymous"]
LATEST_SHOWN = 5  # "Latest developments" on the home page
STRAND_HUES = 6  # strands take the theme's colours in turn (their label always says which strand)
CLAIM_LABELS = {
    "ruling": "Rulings",
    "fact": "Established facts",
    "allegation": "Allegations",
    "denial": "Denials",
    "statement": "Statements",
    "opinion": "Opinions",
    "anonymous": "Claims from unnamed sources",
}


class Cite(NamedTuple):  # a tuple: built 8,000 times for a big case, so cheap to make
    source: Source
    quote: str


@dataclass
class Speaker:
    """Who said or claimed something: a published person, an unpublished name, or an unnamed source."""

    id: str
    name: str
    linked: bool  # False for unnamed sources and people not published

    @property
    def anonymous(self) -> bool:
        return self.id == ANONYMOUS


@dataclass
class EventView:
    model: Event
    topic: Topic
    when: When
    people: list[Speaker]
    cites: list[Cite]
    sourcing: Corroboration
    hue: int = 1  # the strand's colour, 1..STRAND_HUES, by its place in case.yaml
    order: tuple[tuple[int, int], str] = field(init=False, repr=False, compare=False)  # its place in every list of events

    def __post_init__(self) -> None:
        self.order = (self.when.sort_key(), self.model.id)  # once: a list of events is sorted several times a build

    @property
    def planned(self) -> bool:
        return self.model.planned


@dataclass
class ClaimView:
    model: Claim
    topic: Topic
    by: Speaker
    via: Speaker | None
    people: list[Speaker]
    cites: list[Cite]
    sourcing: Corroboration
    label: Label


@dataclass
class QuoteView:
    model: Quote
    topic: Topic
    by: Speaker
    cites: list[Cite]
    sourcing: Corroboration
    label: Label


@dataclass
class KeyPointView:
    """A "What to know" point with its citations resolved."""

    model: KeyPoint
    cites: list[Cite]
    sourcing: Corroboration


@dataclass
class TopicView:
    topic: Topic
    entry: Entry  # the model of entries/<topic>.yaml, everything this view is built from
    title: str
    status: str
    summary: str
    events: list[EventView] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    hue: int = 1

    @property
    def latest(self) -> EventView | None:
        """The latest event that happened: a scheduled one is never the latest development."""
        return next((e for e in reversed(self.events) if not e.planned), None)

    @property
    def next(self) -> EventView | None:
        """The first scheduled event, if any."""
        return next((e for e in self.events if e.planned), None)

    def claims_by_kind(self) -> list[tuple[str, str, list[ClaimView]]]:
        return [(k, CLAIM_LABELS[k], [c for c in self.claims if c.model.kind == k]) for k in CLAIM_ORDER if any(c.model.kind == k for c in self.claims)]


@dataclass
class PersonView:
    model: Person
    cites: list[Cite]
    sourcing: Corroboration
    events: list[EventView] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)  # made by them (or relayed by them)
    about: list[ClaimView] = field(default_factory=list)  # claims about them
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass
class SourceView:
    model: Source
    events: list[EventView] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    people: list[PersonView] = field(default_factory=list)

    @property
    def taken(self) -> int:
        return len(self.events) + len(self.claims) + len(self.quotes) + len(self.people)

    @property
    def deps(self) -> tuple[Schema, ...]:
        """The models its block on the sources page shows, besides its own."""
        return tuple(x.model for group in (self.events, self.claims, self.quotes, self.people) for x in group)


@dataclass
class Site:
    case: Case
    drafts: bool
    topics: list[TopicView]
    people: list[PersonView]
    sources: list[SourceView]
    events: list[EventView]  # the whole timeline, in order
    base_url: str
    key_points: list[KeyPointView] = field(default_factory=list)
    search: bool = False  # the build makes a Pagefind index and the search page

    @property
    def latest(self) -> list[EventView]:
        """The newest events that happened, newest first, across strands (scheduled ones are "next", never latest)."""
        return [e for e in reversed(self.events) if not e.planned][:LATEST_SHOWN]

    @property
    def updated(self) -> PartialDate:
        return PartialDate.parse(self.case.updated)

    def people_by_group(self) -> list[tuple[str, str, list[PersonView]]]:
        groups: dict[str, list[PersonView]] = defaultdict(list)
        for person in self.people:
            groups[person.model.group].append(person)
        return [(g, label, sorted(groups[g], key=lambda p: p.model.name)) for g, label in GROUP_LABELS.items() if groups[g]]

    def counts(self, person: PersonView) -> dict[str, int]:
        """How many events, claims (by and about) and quotes involve ``person``."""
        return {"events": len(person.events), "claims": len(person.claims) + len(person.about), "quotes": len(person.quotes)}

    @property
    def claims(self) -> list[ClaimView]:
        return [c for t in self.topics for c in t.claims]

    @property
    def quotes(self) -> list[QuoteView]:
        return [q for t in self.topics for q in t.quotes]


class Memo:
    """Work derived from content models, kept between builds (the dev server's rebuilds): statement views
    (:func:`build_site`) and their exported JSON (:mod:`exports`).

    A value is kept under a model or view object and reused while that object is the same one (an
    unchanged file keeps its item objects: load.FileCache) and equal ``extra`` (what else it depends on).
    Everything is dropped when case.yaml, people.yaml, sources.yaml, key-points.yaml or the drafts option
    changed (:meth:`start`: compared by identity), since every view resolves its item against them. A
    value not used by a build is gone after it, so the memo never holds more than one build's worth.
    """

    def __init__(self) -> None:
        self.inputs: tuple[object, ...] = ()
        self.old: dict[tuple[str, int], tuple[object, object, object]] = {}  # the last build's: (kind, id) -> (object, extra, value)
        self.new: dict[tuple[str, int], tuple[object, object, object]] = {}  # this build's

    def start(self, *inputs: object) -> None:
        """Begin a build resolved against ``inputs``: what the last build used is kept if they are the same."""
        same = len(inputs) == len(self.inputs) and all(a is b for a, b in zip(inputs, self.inputs))
        self.old = self.new if same else {}
        self.new = {}
        self.inputs = inputs

    def get(self, kind: str, obj: object, make: Callable[[], T], extra: object = None) -> T:
        """The value of ``kind`` for ``obj`` (and ``extra``), made by ``make`` unless kept from the last build."""
        key = (kind, id(obj))
        hit = self.new.get(key) or self.old.get(key)
        if hit is not None and hit[0] is obj and hit[1] == extra:  # the kept object keeps its id from being reused
            self.new[key] = hit
            return typing.cast(T, hit[2])
        value = make()
        self.new[key] = (obj, extra, value)
        return value


def build_site(content: Content, drafts: bool = False, base_url: str | None = None, search: bool = False,
               memo: Memo | None = None) -> Site:
    """The site's views of ``content``; ``memo`` (the dev server's): reuse the statement views of unchanged items."""
    case = content.case.model
    keep_anonymous = case.site.anonymous_sources == "label"
    if memo is not None:
        memo.start(content.case.model, content.people.model, content.sources.model, drafts)  # what every view is resolved against
    view_of = memo.get if memo is not None else _make

    def shown(item: Event | Claim | Quote | Person | Source) -> bool:
        return is_shown(item.review, drafts)

    # Every source is looked up by id; validation made sure that shown items cite only shown sources.
    sources = {s.id: SourceView(s) for s in content.sources.model.sources}
    people = {p.id: _person(p, sources) for p in content.people.model.people if shown(p)}
    speakers = {p.id: Speaker(p.id, p.name, p.id in people) for p in content.people.model.people}
    speakers[ANONYMOUS] = Speaker(ANONYMOUS, "Unnamed source", False)
    speakers[UNKNOWN_SPEAKER] = Speaker(UNKNOWN_SPEAKER, "Speaker not yet identified", False)  # drafts only (the model refuses it reviewed)
    speaker = speakers.__getitem__

    topics: list[TopicView] = []
    for index, topic in enumerate(case.topics):
        entry = content.entries[topic.id].model
        hue = index % STRAND_HUES + 1
        view = TopicView(topic, entry, entry.title, entry.status, entry.summary, hue=hue)
        for event in entry.events:
            if shown(event):
                view.events.append(view_of("view", event, functools.partial(_event, event, topic, speaker, sources, hue), topic.id))
        for claim in entry.claims:
            if shown(claim) and (keep_anonymous or claim.attributed_to != ANONYMOUS):
                view.claims.append(view_of("view", claim, functools.partial(_claim, claim, topic, speaker, sources), topic.id))
        for quote in entry.quotes:
            if shown(quote) and (keep_anonymous or quote.speaker != ANONYMOUS):
                view.quotes.append(view_of("view", quote, functools.partial(_quote, quote, topic, speaker, sources), topic.id))
        view.events.sort(key=_event_key)
        topics.append(view)

    _cross_reference(topics, people, sources)
    timeline = sorted((e for t in topics for e in t.events), key=_event_key)
    return Site(
        case=case,
        drafts=drafts,
        topics=topics,
        people=sorted(people.values(), key=lambda p: p.model.name),
        sources=sorted((s for s in sources.values() if shown(s.model)), key=_source_order),
        events=timeline,
        base_url=(base_url or case.site.base_url).rstrip("/") + "/",
        key_points=[KeyPointView(k, cites := _cites(k.citations, sources), _count(cites)) for k in content.key_point_list()],
        search=search,
    )


def _cross_reference(topics: list[TopicView], people: dict[str, PersonView], sources: dict[str, SourceView]) -> None:
    """Fill in each person's and each source's lists (the reverse of references and provenance)."""
    for view in topics:
        for ev in view.events:
            for ref in ev.people:
                if ref.linked:
                    people[ref.id].events.append(ev)
            _taken(ev.cites, sources, "events", ev)
        for cv in view.claims:
            makers = {cv.by.id, cv.via.id if cv.via else ""}
            for pid in makers & people.keys():
                people[pid].claims.append(cv)
            # A claim is listed once per person page: "by" (made or relayed it) wins over "about".
            for pid in dict.fromkeys(p.id for p in cv.people if p.linked and p.id not in makers):
                people[pid].about.append(cv)
            _taken(cv.cites, sources, "claims", cv)
        for qv in view.quotes:
            if qv.by.linked:
                people[qv.by.id].quotes.append(qv)
            _taken(qv.cites, sources, "quotes", qv)
    for person in people.values():
        person.events.sort(key=_event_key)
        _taken(person.cites, sources, "people", person)


def _person(person: Person, sources: dict[str, SourceView]) -> PersonView:
    cites = _cites(person.citations, sources)
    return PersonView(person, cites, _count(cites))


def _make(kind: str, obj: object, make: Callable[[], T], extra: object = None) -> T:
    """Memo.get without a memo: make it."""
    return make()


def _event(event: Event, topic: Topic, speaker: Callable[[str], Speaker], sources: dict[str, SourceView], hue: int) -> EventView:
    cites = _cites(event.citations, sources)
    return EventView(event, topic, event.timing, [speaker(p) for p in event.people], cites, _count(cites), hue)


def _quote(quote: Quote, topic: Topic, speaker: Callable[[str], Speaker], sources: dict[str, SourceView]) -> QuoteView:
    by, cites = speaker(quote.speaker), _cites(quote.citations, sources)
    return QuoteView(quote, topic, by, cites, _count(cites, by.anonymous), attribution(by, context=quote.context, described_as=quote.described_as))


def _claim(claim: Claim, topic: Topic, speaker: Callable[[str], Speaker], sources: dict[str, SourceView]) -> ClaimView:
    cites = _cites(claim.citations, sources)
    by = speaker(claim.attributed_to)
    via = speaker(claim.via) if claim.via else None
    date = PartialDate.parse(claim.date).display() if claim.date else None
    label = attribution(by, kind=claim.kind.capitalize(), via=via, date=date, described_as=claim.described_as)
    return ClaimView(claim, topic, by, via, [speaker(p) for p in claim.people], cites, _count(cites, by.anonymous), label)


def _count(cites: list[Cite], anonymous: bool = False) -> Corroboration:
    """Corroboration in articles and publishers, not sentences; an unnamed source's in the outlets that carry it."""
    return corroboration([c.source for c in cites], anonymous)


def _source_order(source: "SourceView") -> tuple[bool, str, str]:
    """Sources by publication date, those whose date is unknown last, then by id."""
    return (not source.model.date_known, source.model.published, source.model.id)


def _event_key(event: EventView) -> tuple[tuple[int, int], str]:
    return event.order


def _cites(citations: list[Citation], sources: dict[str, SourceView]) -> list[Cite]:
    return [Cite(sources[c.source].model, c.quote) for c in citations]


def _taken(cites: list[Cite], sources: dict[str, SourceView], group: str, item: object) -> None:
    for source_id in dict.fromkeys(c.source.id for c in cites):
        getattr(sources[source_id], group).append(item)
