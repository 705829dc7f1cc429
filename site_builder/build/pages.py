"""Which pages the site has, and where each one goes.

In: a :class:`~site_builder.build.site.Site`. Out: the list of :class:`Page`
objects (output path, template, title and the objects the template shows).
Routing lives here and nowhere else, so templates link with ``href()`` and
never build paths themselves.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..errors import OutputError
from .markup import plain
from .paging import PAGE_ITEMS, PEOPLE_PER_PAGE, SOURCE_LINES, SOURCE_WEIGHT, Pager, Part, chunks, pagers, part_path, weighted_chunks
from ..content.model import Schema
from .site import EventView, PersonView, Site, SourceView, TopicView


@dataclass(frozen=True)
class Page:
    path: str  # output file, relative to dist/, e.g. "people/alec-baldwin/index.html"
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    kind: str = "WebPage"  # schema.org type for JSON-LD
    # The content models this page shows, beyond case/people/sources.yaml; a
    # rebuild may reuse the page while they are the same objects. None: the
    # page summarises the whole case and is always rendered again.
    deps: tuple[object, ...] | None = None
    # With ``deps``, what else the page shows that is not one of those models (counts, page numbers,
    # where items are listed): compared by equality before the page is reused.
    summary: tuple[Any, ...] = ()

    @property
    def depth(self) -> int:
        return self.path.count("/")

    @property
    def url(self) -> str:
        """Path as a visitor's address bar shows it (directory URLs)."""
        return self.path.removesuffix("index.html")


def person_path(person_id: str) -> str:
    return f"people/{person_id}/index.html"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}/index.html"


SOURCES_PATH = "sources/index.html"
TIMELINE_PATH = "timeline/index.html"
PEOPLE_PATH = "people/index.html"
SEARCH_PATH = "search/index.html"
EMBED_PATH = "embed/timeline/index.html"  # may be framed by other sites (headers.py)


def feed_path(topic_id: str) -> str:
    """A strand's own Atom feed, beside its page."""
    return f"topics/{topic_id}/feed.xml"


@dataclass(frozen=True)
class Plan:
    """Every page, and which page of a paginated set holds each item, for links written elsewhere."""

    pages: list[Page]
    topic_items: dict[str, str]  # 'event-x', 'claim-x', 'quote-x' -> the page of its strand that shows it
    timeline: dict[str, str]  # event id -> the timeline page that holds it (not the main page, which moves)
    sources: dict[str, str]  # source id -> the sources page that lists it
    # links() per view, asked for once the strands are planned (each statement is on several person pages): id -> (view, links)
    _links: dict[int, tuple[Any, tuple[str, ...]]] = field(default_factory=dict, compare=False, repr=False)

    def source_path(self, source_id: str) -> str:
        return self.sources.get(source_id, SOURCES_PATH)

    def item_path(self, topic_id: str, anchor: str) -> str:
        return self.topic_items.get(anchor, topic_path(topic_id))

    def timeline_path(self, event_id: str) -> str:
        return self.timeline.get(event_id, TIMELINE_PATH)

    def links(self, view: Any) -> tuple[str, ...]:
        """The pages a statement's or source's rendering links into, beyond its own models: an event's
        permalink, and a source's block, which links each thing taken from it, go to the page of its
        strand that holds it. Part of the
        key of a stored fragment: an item moves to another page without changing."""
        if isinstance(view, EventView):  # its permalink: the page of its strand that holds it
            return (self.topic_items.get(view.anchor, ""),)
        if not isinstance(view, SourceView):
            return ()
        hit = self._links.get(id(view))
        if hit is not None and hit[0] is view:
            return hit[1]
        found = tuple(self.topic_items.get(f"{kind}-{item.model.id}", "") for kind, group in
                      (("event", view.events), ("claim", view.claims), ("quote", view.quotes)) for item in group)
        self.remember(view, found)
        return found

    def remember(self, view: SourceView, links: tuple[str, ...]) -> None:
        """Record ``links`` as what :meth:`links` gives for ``view`` (known from the last build's plan)."""
        self._links[id(view)] = (view, links)


class PlanMemo:
    """The pages the last build planned, kept for the next (the dev server's rebuilds): a strand's pages while
    its view is the same object, a person's while their view is and none of their events moved to another page
    of its strand, a source's block (what it lists and where each item is) likewise, a page of the sources list
    while it holds the same blocks and navigation, a timeline page while its events are the same views, none
    moved, and its navigation and counts are equal. Views are kept by site.Memo while nothing they show
    changed, so a kept page is the page a fresh plan makes (tests/test_session.py, tests/test_paging.py)."""

    def __init__(self) -> None:
        self.strands: dict[str, tuple[TopicView, list[Page], dict[str, str]]] = {}  # id -> (view, pages, its Plan.topic_items)
        self.people: dict[str, tuple[PersonView, list[Page]]] = {}
        self.sources: dict[str, tuple[SourceView, tuple[Schema, ...], tuple[str, ...]]] = {}  # id -> (view, deps, links)
        self.sources_pages: dict[str, tuple[tuple[Any, ...], Pager | None, Page]] = {}  # path -> (its sources' blocks, pager, page)
        self.timeline: dict[str, tuple[list[Any], Pager | None, str, Page, tuple[str, ...]]] = {}  # path -> (events, pager, counts, page, ids)


def plan_pages(site: Site, memo: PlanMemo | None = None) -> Plan:
    """The site's pages; OutputError if two would be written to the same path. ``memo`` (the dev server's):
    keep the pages of strands, people and sources whose views did not change since the last build."""
    if memo is None:
        return _plan(site, PlanMemo())
    last = memo.strands, memo.people, memo.sources, memo.sources_pages, memo.timeline  # each replaced whole, never changed in place
    try:
        return _plan(site, memo)
    except BaseException:
        # What is kept must describe one whole plan: a strand's new layout kept beside people's older pages
        # would hide which of their items moved.
        memo.strands, memo.people, memo.sources, memo.sources_pages, memo.timeline = last
        raise


def _plan(site: Site, kept: PlanMemo) -> Plan:
    """plan_pages, with the pages kept in ``kept`` (and this build's put there)."""
    case = site.case
    plan = Plan([], {}, {}, {})
    strands, moved = _strands(site, plan, kept)  # first: the sources pages link into them
    # An item that moved to another page of its strand moves the links to it on its people's and sources' pages.
    events = [view for view in moved if isinstance(view, EventView)]
    stale_people = {ref.id for view in events for ref in view.people}
    stale_sources = {cite.source.id for view in moved for cite in view.cites}
    plan.pages.extend([
        Page("index.html", "index.html", case.title, _first_sentence(case.summary), kind="WebSite"),
        *timeline_pages(site, plan, kept, {view.anchor for view in events}),
        *people_index_pages(site),
        *sources_pages(site, plan, kept, stale_sources),
        Page("about/index.html", "about.html", "About this site", "How this site is made: method, attribution and corrections."),
        Page("404.html", "404.html", "Page not found", "This page does not exist."),
        Page(EMBED_PATH, "embed.html", "Timeline", f"The timeline of {case.title}, for embedding in other pages.",
             {"events": site.events[-PAGE_ITEMS:]}),  # bounded like every page: the latest, in order
        *strands,
    ])
    if site.search:
        plan.pages.append(Page(SEARCH_PATH, "search.html", "Search", f"Search the events, claims, quotes and people of {case.title}."))
    people: dict[str, tuple[PersonView, list[Page]]] = {}
    for person in site.people:
        hit = kept.people.get(person.model.id)
        if hit is None or hit[0] is not person or person.model.id in stale_people:
            hit = (person, person_pages(person, plan))
        people[person.model.id] = hit
        plan.pages.extend(hit[1])
    kept.people = people
    seen: set[str] = set()
    for page in plan.pages:
        if page.path in seen:
            raise OutputError(f"two outputs map to '{page.path}'")
        seen.add(page.path)
    return plan


def _strands(site: Site, plan: Plan, kept: PlanMemo) -> tuple[list[Page], list[Any]]:
    """Every strand's pages, each kept while its view is the same object (its items' places into ``plan``),
    and the views of the items now on another page of their strand than in the last build."""
    pages: list[Page] = []
    moved: list[Any] = []
    strands: dict[str, tuple[TopicView, list[Page], dict[str, str]]] = {}
    for topic in site.topics:
        hit = kept.strands.get(topic.topic.id)
        if hit is None or hit[0] is not topic:
            own = Plan([], {}, {}, {})
            new = (topic, topic_pages(topic, own), own.topic_items)
            before = hit[2] if hit is not None else {}
            moved += [item for kind, group in (("event", topic.events), ("claim", topic.claims), ("quote", topic.quotes))
                      for item in group if before.get(f"{kind}-{item.model.id}") != new[2][f"{kind}-{item.model.id}"]]
            hit = new
        strands[topic.topic.id] = hit
        pages += hit[1]
        plan.topic_items.update(hit[2])
    kept.strands = strands
    return pages, moved


def _titled(title: str, pager: Pager | None) -> str:
    """A page's title: a later page of a set says which one it is (titles stay distinct)."""
    return f"{title} (page {pager.number} of {pager.total})" if pager and pager.number > 1 else title


def topic_pages(topic: TopicView, plan: Plan) -> list[Page]:
    """A strand's page: events, claims by kind, quotes, split into pages of PAGE_ITEMS statements."""
    by_kind = topic.claims_by_kind()  # once: each page lists its claims in these groups
    statements: list[tuple[str, Any]] = [("event", e) for e in topic.events]
    statements += [("claim", c) for _, _, group in by_kind for c in group]
    statements += [("quote", q) for q in topic.quotes]
    runs = chunks(statements, PAGE_ITEMS)
    parts = [Part(part_path(topic_path(topic.topic.id), i + 1), str(i + 1)) for i in range(len(runs))]
    pages = []
    for run, part, pager in zip(runs, parts, pagers(parts)):
        for kind, item in run:
            plan.topic_items[f"{kind}-{item.model.id}"] = part.path
        claims = [c for kind, c in run if kind == "claim"]
        context = {
            "topic": topic, "pager": pager, "events": [e for kind, e in run if kind == "event"],
            "claims": [(k, label, [c for c in claims if c.model.kind == k]) for k, label, _ in by_kind
                       if any(c.model.kind == k for c in claims)],
            "quotes": [q for kind, q in run if kind == "quote"],
        }
        pages.append(Page(part.path, "topic.html", _titled(topic.title, pager), _first_sentence(topic.summary), context,
                          kind="Article", deps=(topic.entry,)))
    return pages


def person_pages(person: PersonView, plan: Plan) -> list[Page]:
    """A person's page: events, claims by and about them, quotes, split into pages of PAGE_ITEMS statements
    (an event's permalink goes to the page of its strand that holds it: part of the page's summary)."""
    name = person.model.name
    description = f"{name}: {person.model.role}."
    groups = ("events", "claims", "about", "quotes")
    statements = [(group, item) for group in groups for item in getattr(person, group)]
    shown = tuple(item.model for _, item in statements)
    runs = chunks(statements, PAGE_ITEMS)
    parts = [Part(part_path(person_path(person.model.id), i + 1), str(i + 1)) for i in range(len(runs))]
    return [
        Page(part.path, "person.html", _titled(name, pager), description,
             {"person": person, "pager": pager, **{g: [item for group, item in run if group == g] for g in groups}},
             kind="ProfilePage", deps=(person.model, *shown), summary=tuple(plan.links(item) for _, item in run))
        for run, part, pager in zip(runs, parts, pagers(parts))
    ]


def sources_pages(site: Site, plan: Plan, kept: PlanMemo, stale: Collection[str]) -> list[Page]:
    """The sources in the order of publication, split into pages of about SOURCE_LINES lines (a source
    and each thing taken from it: a page's size follows the lines, not the number of sources). ``kept``: the
    last plan's; keep what each source's block lists and links to while its view is the same and its id not in ``stale``."""
    blocks: dict[str, tuple[SourceView, tuple[Schema, ...], tuple[str, ...]]] = {}
    for source in site.sources:
        hit = kept.sources.get(source.model.id)
        if hit is None or hit[0] is not source or source.model.id in stale:
            hit = (source, source.deps, plan.links(source))
        else:
            plan.remember(source, hit[2])
        blocks[source.model.id] = hit
    kept.sources = blocks
    runs = weighted_chunks(site.sources, [SOURCE_WEIGHT + s.taken for s in site.sources], SOURCE_LINES)
    parts = [Part(part_path(SOURCES_PATH, i + 1), str(i + 1)) for i in range(len(runs))]
    pages = []
    made: dict[str, tuple[tuple[Any, ...], Pager | None, Page]] = {}
    for run, part, pager in zip(runs, parts, pagers(parts)):
        for source in run:
            plan.sources[source.model.id] = part.path
        held = tuple(blocks[s.model.id] for s in run)
        page = kept.sources_pages.get(part.path)  # kept while it holds the very same blocks, with the same navigation
        if page is None or len(page[0]) != len(held) or not all(map(operator.is_, page[0], held)) or page[1] != pager:
            # A sources page shows its sources and what was taken from each (their deps), linked to where it is.
            deps = tuple(m for source, taken, _ in held for m in (source.model, *taken))
            summary = (repr(pager), tuple(len(taken) for _, taken, _ in held), tuple(links for _, _, links in held))
            page = (held, pager, Page(part.path, "sources.html", _titled("Sources", pager),
                                      "Every source the site uses, and what it took from each.", {"sources": run, "pager": pager},
                                      deps=deps, summary=summary))
        made[part.path] = page
        pages.append(page[2])
    kept.sources_pages = made
    return pages


def people_index_pages(site: Site) -> list[Page]:
    """Who's who, grouped by role, PEOPLE_PER_PAGE a page. Later pages live in people/page_N/
    (an id cannot hold '_', so they never meet a person's page)."""
    everyone = [(group, label, p) for group, label, members in site.people_by_group() for p in members]
    runs = chunks(everyone, PEOPLE_PER_PAGE)
    parts = [Part(PEOPLE_PATH if i == 0 else f"people/page_{i + 1}/index.html", str(i + 1)) for i in range(len(runs))]
    pages = []
    for run, part, pager in zip(runs, parts, pagers(parts)):
        groups: dict[str, tuple[str, list[Any]]] = {}
        for group, label, person in run:
            groups.setdefault(group, (label, []))[1].append(person)
        pages.append(Page(part.path, "people.html", _titled("Who's who", pager), f"The people and organisations in {site.case.title}.",
                          {"groups": [(g, label, members) for g, (label, members) in groups.items()], "pager": pager},
                          deps=tuple(person.model for _, _, person in run),
                          # each card counts the person's events, claims and quotes: items that are not its deps
                          summary=(repr(pager), *(tuple(site.counts(person).values()) for _, _, person in run))))
    return pages


TIMELINE_SPLIT = PAGE_ITEMS  # a longer timeline is split into one page per year (a busy year into several)


def year_path(year: int) -> str:
    return f"timeline/{year}/index.html"


def timeline_pages(site: Site, plan: Plan, memo: PlanMemo, moved: Collection[str]) -> list[Page]:
    """The timeline: one page, or for a long case one page per year, a busy year split into pages of
    PAGE_ITEMS events; the main page shows the latest of them. ``memo`` (the last plan's): keep a page whose events are the same
    views, none of them in ``moved`` (anchors of events now on another page of their strand), and whose
    navigation and counts are equal."""
    description = f"Every event in {site.case.title}, in order, with its sources."
    if len(site.events) <= TIMELINE_SPLIT:
        return [Page(TIMELINE_PATH, "timeline.html", "Timeline", description,
                     {"events": site.events, "years": None, "year": None, "pager": None})]
    by_year: dict[int, list[EventView]] = {}
    for event in site.events:
        by_year.setdefault(event.year, []).append(event)
    years = [(year, len(events), year_path(year)) for year, events in by_year.items()]
    runs: list[tuple[int, list[Any]]] = []
    parts: list[Part] = []
    for year, events in by_year.items():
        split = chunks(events, PAGE_ITEMS)
        for i, run in enumerate(split):
            runs.append((year, run))
            parts.append(Part(part_path(year_path(year), i + 1), f"{year}" if len(split) == 1 else f"{year} ({i + 1} of {len(split)})"))
    # Each page's index is its own year's pages (the years list above it leads to the others).
    index = [tuple(p for (y, _), p in zip(runs, parts) if y == year and len(by_year[year]) > PAGE_ITEMS) for year, _ in runs]
    navs = pagers(parts, index)
    # Every timeline page shows its events, and counts of all (per year, strand and person) beside each strand's
    # title from its entry file (which the scope of cache keys does not cover): a page is reused while its events
    # are the same objects and these are equal.
    # (as a digest: compared, and written into cache keys, once per page; the tuple is as long as the people list)
    strands = [(t.topic.id, t.title, t.status, len(t.events)) for t in site.topics]
    counts = hashlib.sha256(repr((years, strands, [(p.model.id, len(p.events)) for p in site.people])).encode("utf-8")).hexdigest()
    kept = memo.timeline
    held: dict[str, tuple[list[Any], Pager | None, str, Page, tuple[str, ...]]] = {}

    def page(path: str, title: str, summary: str, year: int, run: list[Any], pager: Pager | None) -> Page:
        """The page at ``path``, and its events' ids into plan.timeline (kept with it: 4,000 ids read again cost 2 ms)."""
        hit = kept.get(path)
        if (hit is None or hit[2] != counts or hit[1] != pager or len(hit[0]) != len(run)
                or not all(map(operator.is_, hit[0], run)) or (moved and any(e.anchor in moved for e in run))):
            hit = (run, pager, counts, Page(path, "timeline.html", title, summary, {"events": run, "years": years, "year": year, "pager": pager},
                                            deps=tuple(e.model for e in run), summary=(repr(pager), counts, tuple(plan.links(e) for e in run))),
                   tuple(e.model.id for e in run))
        held[path] = hit
        if path != TIMELINE_PATH:  # the main page is a copy of the latest: its events' place is the latter
            plan.timeline.update(dict.fromkeys(hit[4], path))
        return hit[3]

    pages = []
    for (year, run), part, pager in zip(runs, parts, navs):
        pages.append(page(part.path, f"Timeline: {part.label}", f"Events of {year} in {site.case.title}.", year, run, pager))
    latest_year, latest = runs[-1]
    main = page(TIMELINE_PATH, "Timeline", description, latest_year, latest, navs[-1])
    memo.timeline = held
    return [main, *pages]


def _first_sentence(text: str) -> str:
    """A plain-text description for meta tags: Markdown markup dropped, first sentence kept."""
    text = plain(text)
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
