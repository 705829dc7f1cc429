"""The views templates and exports read: each statement, strand, person and source of the case, resolved.

In: nothing but content models (:mod:`site` makes these views from them). Out: the dataclasses the site
is made of — :class:`Site` and its event, claim, quote, key point, strand, person and source views, each
holding its model, the objects it refers to and what the site shows about it (attribution label,
corroboration count, display order).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from ..dates import PartialDate, When
from .labels import Corroboration, Label
from ..content.model import ANONYMOUS, GROUP_LABELS, Case, Claim, Entry, Event, KeyPoint, Person, Quote, Schema, Source, Topic

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
    anchor: str = field(init=False, repr=False, compare=False)  # its id in the page of its strand: 'event-<id>'
    year: int = field(init=False, repr=False, compare=False)  # the timeline page of its year (0: no year known)

    def __post_init__(self) -> None:
        self.order = (self.when.sort_key(), self.model.id)  # once: a list of events is sorted several times a build
        self.anchor = f"event-{self.model.id}"  # once: every page that lists the event links to it
        self.year = self.when.year or 0

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
