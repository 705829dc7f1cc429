"""Which pages the site has, and where each one goes.

In: a :class:`~site_builder.site.Site`. Out: the list of :class:`Page`
objects (output path, template, title and the objects the template shows).
Routing lives here and nowhere else, so templates link with ``href()`` and
never build paths themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .markup import plain
from .site import EventView, Site


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
SEARCH_PATH = "search/index.html"
EMBED_PATH = "embed/timeline/index.html"  # may be framed by other sites (headers.py)


def feed_path(topic_id: str) -> str:
    """A strand's own Atom feed, beside its page."""
    return f"topics/{topic_id}/feed.xml"


def plan_pages(site: Site) -> list[Page]:
    case = site.case
    pages = [
        Page("index.html", "index.html", case.title, _first_sentence(case.summary), kind="WebSite"),
        *timeline_pages(site),
        Page("people/index.html", "people.html", "Who's who", f"The people and organisations in {case.title}."),
        Page(SOURCES_PATH, "sources.html", "Sources", "Every source the site uses, and what it took from each."),
        Page("about/index.html", "about.html", "About this site", "How this site is made: method, attribution and corrections."),
        Page("404.html", "404.html", "Page not found", "This page does not exist."),
        Page(EMBED_PATH, "embed.html", "Timeline", f"The timeline of {case.title}, for embedding in other pages."),
    ]
    if site.search:
        pages.append(Page(SEARCH_PATH, "search.html", "Search", f"Search the events, claims, quotes and people of {case.title}."))
    for topic in site.topics:
        pages.append(Page(topic_path(topic.topic.id), "topic.html", topic.title, _first_sentence(topic.summary), {"topic": topic},
                          kind="Article", deps=(topic.entry,)))
    for person in site.people:
        name = person.model.name
        description = f"{name}: {person.model.role}."
        shown = [item.model for group in (person.events, person.claims, person.about, person.quotes) for item in group]
        pages.append(Page(person_path(person.model.id), "person.html", name, description, {"person": person},
                          kind="ProfilePage", deps=(person.model, *shown)))
    return pages


TIMELINE_SPLIT = 500  # a longer timeline is split into one page per year


def year_path(year: int) -> str:
    return f"timeline/{year}/index.html"


def timeline_pages(site: Site) -> list[Page]:
    """The timeline: one page, or for a long case one page per year (the main page shows the latest)."""
    description = f"Every event in {site.case.title}, in order, with its sources."
    if len(site.events) <= TIMELINE_SPLIT:
        return [Page(TIMELINE_PATH, "timeline.html", "Timeline", description, {"events": site.events, "years": None, "year": None})]
    by_year: dict[int, list[EventView]] = {}
    for event in site.events:
        by_year.setdefault(event.when.year or 0, []).append(event)
    years = [(year, len(events), year_path(year)) for year, events in by_year.items()]
    latest = max(by_year)
    pages = [Page(TIMELINE_PATH, "timeline.html", "Timeline", description, {"events": by_year[latest], "years": years, "year": latest})]
    for year, events in by_year.items():
        pages.append(Page(year_path(year), "timeline.html", f"Timeline: {year}", f"Events of {year} in {site.case.title}.",
                          {"events": events, "years": years, "year": year}))
    return pages


def _first_sentence(text: str) -> str:
    """A plain-text description for meta tags: Markdown markup dropped, first sentence kept."""
    text = plain(text)
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
