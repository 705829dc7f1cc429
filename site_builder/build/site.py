"""The published view of the case: what the site shows, resolved and sorted.

In: validated :class:`~site_builder.content.load.Content` and the build options
(drafts or not). Out: :class:`Site` (:mod:`views`), in which drafts are dropped
(or kept and flagged), draft sources likewise, unnamed-source items follow the
case's policy, references are resolved to objects, every statement carries its
attribution label and corroboration count (:mod:`labels`), and every list is in
display order. Templates and exports read only this. The dev server keeps the
views an edit did not touch between rebuilds (:class:`Memo`).
"""

from __future__ import annotations

import functools
import operator
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..dates import PartialDate
from .labels import Corroboration, attribution, corroboration
from ..content.load import Content
from ..content.model import ANONYMOUS, Case, Citation, Claim, Entry, Event, Person, Quote, Schema, Source, Topic, UNKNOWN_SPEAKER
from ..content.provenance import shown as is_shown
from .views import (CLAIM_LABELS, CLAIM_ORDER, LATEST_SHOWN, STRAND_HUES, Cite, ClaimView, EventView, KeyPointView, PersonView,
                    QuoteView, Site, SourceView, Speaker, TopicView)

__all__ = ["CLAIM_LABELS", "CLAIM_ORDER", "LATEST_SHOWN", "STRAND_HUES", "Cite", "ClaimView", "EventView", "KeyPointView", "Memo",
           "PersonView", "QuoteView", "Site", "SourceView", "Speaker", "TopicView", "build_site"]  # the views too: they were defined here

T = TypeVar("T")
V = TypeVar("V")
class Memo:
    """Work derived from content models, kept between builds (the dev server's rebuilds): each strand's views
    and what they add to each person's and source's lists, the person and source views (:func:`build_site`),
    and the items' exported JSON (:mod:`exports`).

    A strand is kept while its entry file's model is the same object (an unchanged file keeps its model, an
    edited one the item objects outside the edit: load.FileCache); an edited strand keeps the views of its
    unchanged items. A person's or a source's view is kept while its model and everything each strand adds to
    it are the same objects. Other values are kept under a model or view object and reused while that
    object is the same one and ``extra`` (what else it depends on) is equal. Everything is dropped when
    case.yaml, people.yaml, sources.yaml or the drafts option changed (:meth:`start`: compared by identity),
    since every view resolves its items against them. What a build did not use is gone after it, so the
    memo never holds more than one build's worth.
    """

    def __init__(self) -> None:
        self.inputs: tuple[object, ...] = ()
        self.old: dict[tuple[str, int], tuple[object, object, object]] = {}  # the last build's: (kind, id) -> (object, extra, value)
        self.new: dict[tuple[str, int], tuple[object, object, object]] = {}  # this build's
        self.strands: dict[str, Strand] = {}  # the last build's, by topic id
        self.people: dict[str, PersonView] = {}  # the last build's, by id
        self.sources: dict[str, SourceView] = {}
        self.citers: dict[str, list[str]] = {}  # source id -> the ids of the shown people who cite it, in people.yaml's order
        self.orders: dict[str, list[str]] = {}  # the ids of the people (by name) and the sources (by date) in the site's order

    def start(self, *inputs: object) -> None:
        """Begin a build resolved against ``inputs``: what the last build used is kept if they are the same."""
        same = len(inputs) == len(self.inputs) and all(a is b for a, b in zip(inputs, self.inputs))
        self.old = self.new if same else {}
        self.new = {}
        self.inputs = inputs
        if not same:
            self.strands, self.people, self.sources, self.citers, self.orders = {}, {}, {}, {}, {}

    def order(self, kind: str, make: Callable[[], list[str]]) -> list[str]:
        """The ids of ``kind``'s views in the site's order, made by ``make`` once: names and dates are the same while
        people.yaml and sources.yaml are (and which are shown, while the drafts option is)."""
        found = self.orders.get(kind)
        if found is None:
            found = self.orders[kind] = make()
        return found

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

    def texts(self, kind: str, items: list[V], make: Callable[[V], str], extra: Callable[[V], object] | None = None,
              key: Callable[[V], object] | None = None) -> list[str]:
        """Texts whose join with "," is the join of each of ``items``' texts of ``kind`` (exports: case.json and
        timeline.json list them so): here one per item, :meth:`get` under ``key(item)`` (else the item) and
        ``extra(item)``; the cache on disk's (pipeline.ItemTexts) may give one for many items."""
        return [self.get(kind, key(item) if key else item, functools.partial(make, item), extra(item) if extra else None)
                for item in items]


# What one strand's shown items add to a person's lists (events, claims by, claims about, quotes) and to a
# source's (events, claims, quotes): tuples, compared item by item by identity with the last build's.
PersonRefs = tuple[tuple[EventView, ...], tuple[ClaimView, ...], tuple[ClaimView, ...], tuple[QuoteView, ...]]
SourceRefs = tuple[tuple[EventView, ...], tuple[ClaimView, ...], tuple[QuoteView, ...]]
NO_PERSON_REFS: PersonRefs = ((), (), (), ())
NO_SOURCE_REFS: SourceRefs = ((), (), ())


@dataclass
class Strand:
    """One strand's view, its items' views and what they add to each person's and each source's lists."""

    view: TopicView  # its entry: the model it was made from (the strand is kept while the entry file's model is this object)
    items: dict[int, tuple[Schema, object]]  # id(item model) -> (model, its view): kept for an edit of this file
    people: dict[str, PersonRefs]
    sources: dict[str, SourceRefs]


@dataclass(frozen=True)
class Resolver:
    """What every view of one build is resolved against (the same while the Memo keeps views)."""

    case: Case
    drafts: bool
    sources: dict[str, Source]  # every source by id; validation made sure shown items cite only shown sources
    people: dict[str, Person]  # the people shown, by id, in people.yaml's order
    speaker: Callable[[str], Speaker]

    def shown(self, item: Event | Claim | Quote | Person | Source) -> bool:
        return is_shown(item.review, self.drafts)

    def listed(self, by: str) -> bool:
        """Whether a shown claim or quote by ``by`` is on the site: the case may exclude unnamed sources."""
        return self.case.site.anonymous_sources == "label" or by != ANONYMOUS


def build_site(content: Content, drafts: bool = False, base_url: str | None = None, search: bool = False,
               memo: Memo | None = None) -> Site:
    """The site's views of ``content``; ``memo`` (the dev server's): keep the views an edit did not touch."""
    case = content.case.model
    kept = memo if memo is not None else Memo()
    kept.start(case, content.people.model, content.sources.model, drafts)  # what every view is resolved against
    shown_people = {p.id: p for p in content.people.model.people if is_shown(p.review, drafts)}
    speakers = {p.id: Speaker(p.id, p.name, p.id in shown_people) for p in content.people.model.people}
    speakers[ANONYMOUS] = Speaker(ANONYMOUS, "Unnamed source", False)
    speakers[UNKNOWN_SPEAKER] = Speaker(UNKNOWN_SPEAKER, "Speaker not yet identified", False)  # drafts only (the model refuses it reviewed)
    sources = {s.id: s for s in content.sources.model.sources}
    resolve = Resolver(case, drafts, sources, shown_people, speakers.__getitem__)

    strands: list[Strand] = []
    touched_people: set[str] = set()  # whose lists a new version of a strand changes
    touched_sources: set[str] = set()
    for index, topic in enumerate(case.topics):
        entry = content.entries[topic.id].model
        previous = kept.strands.get(topic.id)
        if previous is not None and previous.view.entry is entry and previous.view.topic is topic:
            strands.append(previous)
            continue
        strand = _strand(entry, topic, index % STRAND_HUES + 1, resolve, previous)
        _touched(previous, strand, touched_people, touched_sources)
        strands.append(strand)
    people = _people(strands, resolve, kept, touched_people)
    shown_sources = _sources(strands, people, resolve, kept, touched_sources)
    # Kept together, last: what is kept always describes one build (a failure above keeps the last one whole).
    kept.strands, kept.people, kept.sources = {s.view.topic.id: s for s in strands}, people, shown_sources
    return Site(
        case=case,
        drafts=drafts,
        topics=[s.view for s in strands],
        people=[people[pid] for pid in kept.order("people", lambda: sorted(people, key=lambda pid: people[pid].model.name))],
        sources=[shown_sources[sid] for sid in kept.order("sources", lambda: sorted(shown_sources, key=lambda sid: _source_order(shown_sources[sid])))],
        events=sorted((e for s in strands for e in s.view.events), key=_event_key),
        base_url=(base_url or case.site.base_url).rstrip("/") + "/",
        key_points=[KeyPointView(k, cites := _cites(k.citations, sources), _count(cites)) for k in content.key_point_list()],
        search=search,
    )


def _strand(entry: Entry, topic: Topic, hue: int, resolve: Resolver, previous: Strand | None) -> Strand:
    """The views of ``entry``'s shown items (an item unchanged since ``previous``, the last build's version of
    this strand, keeps its view) and what they add to people's and sources' lists."""
    old = previous.items if previous is not None else {}
    items: dict[int, tuple[Schema, object]] = {}

    def view_of(item: Schema, make: Callable[[], T]) -> T:
        hit = old.get(id(item))
        view = hit[1] if hit is not None and hit[0] is item else make()
        items[id(item)] = (item, view)
        return typing.cast(T, view)

    sources, speaker = resolve.sources, resolve.speaker
    view = TopicView(topic, entry, entry.title, entry.status, entry.summary, hue=hue)
    view.events = [view_of(e, functools.partial(_event, e, topic, speaker, sources, hue)) for e in entry.events if resolve.shown(e)]
    view.claims = [view_of(c, functools.partial(_claim, c, topic, speaker, sources)) for c in entry.claims
                   if resolve.shown(c) and resolve.listed(c.attributed_to)]
    view.quotes = [view_of(q, functools.partial(_quote, q, topic, speaker, sources)) for q in entry.quotes
                   if resolve.shown(q) and resolve.listed(q.speaker)]
    view.events.sort(key=_event_key)
    people, taken = _refs(view)
    if previous is not None:  # what did not change stays the very tuple it was: people and sources compare by identity
        for pid, refs in people.items():
            known = previous.people.get(pid)
            if known is not None and _same(known, refs):
                people[pid] = known
        for sid, found in taken.items():
            known_taken = previous.sources.get(sid)
            if known_taken is not None and _same(known_taken, found):
                taken[sid] = known_taken
    return Strand(view, items, people, taken)


def _refs(view: TopicView) -> tuple[dict[str, PersonRefs], dict[str, SourceRefs]]:
    """What a strand's items add to each person's lists and each source's (the reverse of references and provenance)."""
    people: dict[str, tuple[list[Any], list[Any], list[Any], list[Any]]] = {}
    sources: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}

    def person(pid: str) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
        found = people.get(pid)
        if found is None:
            found = people[pid] = ([], [], [], [])
        return found

    def taken(cites: list[Cite], group: int, item: object) -> None:
        for source_id in dict.fromkeys(c.source.id for c in cites):
            found = sources.get(source_id)
            if found is None:
                found = sources[source_id] = ([], [], [])
            found[group].append(item)

    for ev in view.events:
        for ref in ev.people:
            if ref.linked:
                person(ref.id)[0].append(ev)
        taken(ev.cites, 0, ev)
    for cv in view.claims:
        makers = [cv.by] if cv.via is None or cv.via.id == cv.by.id else [cv.by, cv.via]
        for maker in makers:
            if maker.linked:
                person(maker.id)[1].append(cv)
        # A claim is listed once per person page: "by" (made or relayed it) wins over "about".
        made = {m.id for m in makers}
        for pid in dict.fromkeys(p.id for p in cv.people if p.linked and p.id not in made):
            person(pid)[2].append(cv)
        taken(cv.cites, 1, cv)
    for qv in view.quotes:
        if qv.by.linked:
            person(qv.by.id)[3].append(qv)
        taken(qv.cites, 2, qv)
    return ({pid: (tuple(a), tuple(b), tuple(c), tuple(d)) for pid, (a, b, c, d) in people.items()},
            {sid: (tuple(a), tuple(b), tuple(c)) for sid, (a, b, c) in sources.items()})


def _same(a: tuple[tuple[object, ...], ...], b: tuple[tuple[object, ...], ...]) -> bool:
    """Whether two lists of lists hold the very same objects in the same order."""
    for x, y in zip(a, b):
        if len(x) != len(y) or not all(map(operator.is_, x, y)):
            return False
    return True


def _touched(previous: Strand | None, strand: Strand, people: set[str], sources: set[str]) -> None:
    """Add to ``people`` and ``sources`` the ids whose lists ``strand`` changes from ``previous`` (its last version)."""
    before_people = previous.people if previous is not None else {}
    before_sources = previous.sources if previous is not None else {}
    people.update(pid for pid in before_people.keys() | strand.people.keys() if before_people.get(pid) is not strand.people.get(pid))
    sources.update(sid for sid in before_sources.keys() | strand.sources.keys() if before_sources.get(sid) is not strand.sources.get(sid))


def _people(strands: list[Strand], resolve: Resolver, kept: Memo, touched: set[str]) -> dict[str, PersonView]:
    """Each shown person's view, in people.yaml's order: kept unless a strand changed what it adds to them (``touched``)."""
    views: dict[str, PersonView] = {}
    for pid, model in resolve.people.items():
        view = kept.people.get(pid)
        if view is None or view.model is not model or pid in touched:
            refs = [s.people.get(pid, NO_PERSON_REFS) for s in strands]
            cites = _cites(model.citations, resolve.sources)
            view = PersonView(model, cites, _count(cites), sorted((e for r in refs for e in r[0]), key=_event_key),
                              [c for r in refs for c in r[1]], [c for r in refs for c in r[2]], [q for r in refs for q in r[3]])
        views[pid] = view
    return views


def _sources(strands: list[Strand], people: dict[str, PersonView], resolve: Resolver, kept: Memo, touched: set[str]) -> dict[str, SourceView]:
    """Each shown source's view, in sources.yaml's order: kept unless a strand changed what it adds to it (``touched``)
    or a person who cites it has a new view (a source lists the people it is cited for)."""
    if not kept.citers:  # which people cite each source: the same while people.yaml and the drafts option are
        for pid, person in resolve.people.items():
            for source_id in dict.fromkeys(c.source for c in person.citations):
                kept.citers.setdefault(source_id, []).append(pid)
    touched = touched | {c.source.id for pid, view in people.items() if kept.people.get(pid) is not view for c in view.cites}
    views: dict[str, SourceView] = {}
    for sid, model in resolve.sources.items():
        if not resolve.shown(model):
            continue
        view = kept.sources.get(sid)
        if view is None or view.model is not model or sid in touched:
            refs = [s.sources.get(sid, NO_SOURCE_REFS) for s in strands]
            view = SourceView(model, [e for r in refs for e in r[0]], [c for r in refs for c in r[1]], [q for r in refs for q in r[2]],
                              [people[pid] for pid in kept.citers.get(sid, ())])
        views[sid] = view
    return views


def _event(event: Event, topic: Topic, speaker: Callable[[str], Speaker], sources: dict[str, Source], hue: int) -> EventView:
    cites = _cites(event.citations, sources)
    return EventView(event, topic, event.timing, [speaker(p) for p in event.people], cites, _count(cites), hue)


def _quote(quote: Quote, topic: Topic, speaker: Callable[[str], Speaker], sources: dict[str, Source]) -> QuoteView:
    by, cites = speaker(quote.speaker), _cites(quote.citations, sources)
    return QuoteView(quote, topic, by, cites, _count(cites, by.anonymous), attribution(by, context=quote.context, described_as=quote.described_as))


def _claim(claim: Claim, topic: Topic, speaker: Callable[[str], Speaker], sources: dict[str, Source]) -> ClaimView:
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


_event_key = operator.attrgetter("order")  # an event's place in every list of events (EventView.order)


def _cites(citations: list[Citation], sources: dict[str, Source]) -> list[Cite]:
    return [Cite(sources[c.source], c.quote) for c in citations]
