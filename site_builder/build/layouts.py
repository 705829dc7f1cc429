"""The default theme's page layout (``base.html``) and its page templates as plain Python.

In: a planned :class:`~site_builder.build.pages.Page` of ``person.html``, ``topic.html``, ``timeline.html``,
``sources.html`` or ``people.html``, the :class:`~site_builder.build.site.Site`, the page's root (``../`` per
level) and JSON-LD, and the build's :class:`~site_builder.build.render.Fragments` (the statements, rendered
once per build). Out: the page's HTML, character for character what Jinja renders from those templates.

Why: at 4,000 events nine pages in ten are person pages, and Jinja's runtime (a context per page, the
macros module imported with it, a ``Markup`` and an escape per value of the shell) was most of what the
render workers spent once the statements bypassed it (:mod:`statements`). A page template is rendered here
only while it, ``base.html`` and ``_macros.html`` in effect are byte for byte the ones these functions were
written from (:data:`SHELL_SHA256`, :data:`PAGE_SHA256`): a project that overrides any of them, or an edit of
the theme's own, renders those pages through Jinja as before; tests/test_layouts.py compares both renderings
on every page of the test sites.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Protocol

import jinja2

from .headers import csp
from .pages import SEARCH_PATH, SOURCES_PATH, TIMELINE_PATH, Page, feed_path, person_path
from .statements import MACROS_SHA256, Statements, escape
from ..content.quotemarks import for_quotation
from ..files import digest
from .markup import markdown

# The sha256 of each template these functions reproduce. Changing one of them makes the build render the pages of
# that template (of every template, for base.html and _macros.html) through Jinja (correct, slower) and
# tests/test_layouts.py fail until this module follows it.
SHELL_SHA256 = {
    "base.html": "b94eee151b40d8bfdc150a60396e1e404e059a07bb3a009e6006373c6b4a511d",
    "_macros.html": MACROS_SHA256,
}
PAGE_SHA256 = {
    "person.html": "1c373be017f874b3530033f9ce37f536885e02ade12eb72da614e21e89d0023f",
    "topic.html": "919c9cffe83a6c9f4a31f4ab3610ac7332829cbcdc4bf8d1017ce77717d52fd2",
    "timeline.html": "e3ad047277b7ba51ae587a51b74e9dc26fe1010e64db82551fbb5639d8d6888e",
    "sources.html": "125a97dcff1889e8a04a500fb804c1d5b46592b11271eab31cd51b397d2498a9",
    "people.html": "07543dfcbd730a4f3877ba9a9d8fed88401eaf573105cd18a2dc5c824c901abb",
}


class Lists(Protocol):
    """What a layout needs of render.Fragments: a statement rendered, a list of them (each followed by a line
    break), and a macro whose output is the same on every page."""

    def __call__(self, name: str, item: Any, *args: Any, root: str) -> str: ...

    def many(self, name: str, items: Any, *args: Any, root: str) -> str: ...

    def shared(self, name: str, *args: Any, root: str) -> str: ...


Layout = Callable[[Any, Page, str, str], str]  # (site, page, root, jsonld) -> the page's HTML


def python_layouts(env: jinja2.Environment, lists: Lists, root_mark: str) -> dict[str, Layout]:
    """The page templates that render as Python here (template name -> layout): those whose source, and that of
    base.html and _macros.html, is the one these functions reproduce; none when base.html or _macros.html is
    another (a project's own templates render through Jinja)."""
    if not all(source_sha256(env, name) == expected for name, expected in SHELL_SHA256.items()):
        return {}
    layouts = Layouts(Statements(env, root_mark), lists, root_mark)
    renderers: dict[str, Layout] = {"person.html": layouts.person, "topic.html": layouts.topic, "timeline.html": layouts.timeline,
                                    "sources.html": layouts.sources, "people.html": layouts.people}
    return {name: renderers[name] for name, expected in PAGE_SHA256.items() if source_sha256(env, name) == expected}


def source_sha256(env: jinja2.Environment, name: str) -> str:
    """The SHA-256 of the template ``name`` in effect ("" when it cannot be read: Jinja reports that with the page)."""
    assert env.loader is not None
    try:
        source = env.loader.get_source(env, name)[0]
    except Exception:  # noqa: BLE001 - missing or refused
        return ""
    return digest(source.encode("utf-8"))


NAV = (("index.html", "Overview"), (TIMELINE_PATH, "Timeline"), ("people/index.html", "Who's who"), (SOURCES_PATH, "Sources"))
CURRENT = ' aria-current="page"'
DRAFT_BANNER = ('  <p class="draft-banner" role="note">Preview with drafts: items marked <span class="badge badge-draft">'
                'Draft</span> have not been reviewed by an editor.</p>\n')


class Layouts:
    """base.html's shell and the page templates' ``main`` blocks, with the macros of _macros.html they call."""

    def __init__(self, statements: Statements, lists: Lists, root_mark: str) -> None:
        self.statements = statements  # renders with ``root_mark`` for the root: replaced per page
        self.lists = lists
        self.root_mark = root_mark

    def shell(self, site: Any, page: Page, root: str, jsonld: str, main: str, feeds: str = "", scripts: str = "") -> str:
        """base.html around a page's blocks ``main``, ``feeds`` and ``scripts`` (already rendered)."""
        case = site.case
        title = escape(case.title)
        r = escape(root)
        url = escape(site.base_url + page.url)
        page_title, description = escape(page.title), escape(page.description)
        language = escape(case.site.language)
        nav = [*NAV, *([(SEARCH_PATH, "Search")] if site.search else []), ("about/index.html", "About")]
        links = "".join(f'      <li><a href="{r}{escape(path)}"{CURRENT if page.path == path else ""}>{escape(label)}</a></li>\n'
                        for path, label in nav)
        return (
            f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{escape(csp(page.path))}">\n'
            f'<title>{page_title + " · " if page.path != "index.html" else ""}{title}</title>\n'
            f'<meta name="description" content="{description}">\n'
            f'<link rel="canonical" href="{url}">\n'
            f'<meta property="og:type" content="{"website" if page.path == "index.html" else "article"}">\n'
            f'<meta property="og:site_name" content="{title}">\n'
            f'<meta property="og:title" content="{page_title}">\n'
            f'<meta property="og:description" content="{description}">\n'
            f'<meta property="og:url" content="{url}">\n'
            f'<meta property="og:locale" content="{language}">\n'
            '<meta name="twitter:card" content="summary">\n<meta name="color-scheme" content="light dark">\n'
            f'<link rel="stylesheet" href="{r}static/site.css">\n'
            f'<link rel="icon" href="{r}static/favicon.svg" type="image/svg+xml">\n'
            f'<link rel="alternate" type="application/atom+xml" title="{title}: timeline" href="{r}feed.xml">\n'
            f'{feeds}<script type="application/ld+json">{jsonld}</script>\n</head>\n<body>\n'
            '<a class="skip-link" href="#main">Skip to main content</a>\n'
            '<header class="site-header">\n'
            f'  <p class="site-title"><a href="{r}index.html">{title}</a></p>\n'
            f'  <nav aria-label="Main">\n    <ul>\n{links}    </ul>\n  </nav>\n'
            f'{DRAFT_BANNER if site.drafts else ""}</header>\n'
            f'<main id="main" tabindex="-1">\n{main}</main>\n'
            '<footer class="site-footer">\n'
            f'  <p>Last updated <time datetime="{escape(case.updated)}">{escape(site.updated.display())}</time>. '
            "Every event, claim and quote links to the source sentence it comes from.</p>\n"
            f'  <p><a href="{r}about/index.html">Method and corrections</a> · <a href="{r}case.json">Open data (case.json)</a>'
            f' · <a href="{r}feed.xml">Atom feed</a></p>\n</footer>\n'
            f"{scripts}</body>\n</html>\n"
        )

    @staticmethod
    def pager(p: Any, root: str, label: str = "Pages") -> str:
        """_macros.html's ``pager``: previous/next and the page index; nothing for a single page."""
        if not p:
            return ""
        r = escape(root)
        out = [f'<nav class="pager" aria-label="{escape(label)}">\n<p class="pager-status">Page {escape(p.number)} of '
               f"{escape(p.total)}</p>\n<ul>\n"]
        if p.previous:
            out.append(f'<li><a rel="prev" href="{r}{escape(p.previous.path)}">Previous: {escape(p.previous.label)}</a></li>')
        for part in p.parts:
            if part.path:
                current = CURRENT if part == p.current else ""
                out.append(f'<li><a href="{r}{escape(part.path)}"{current}>{escape(part.label)}</a></li>')
            else:
                out.append(f"<li>{escape(part.label)}</li>")
        if p.next:
            out.append(f'<li><a rel="next" href="{r}{escape(p.next.path)}">Next: {escape(p.next.label)}</a></li>')
        out.append("</ul>\n</nav>\n")
        return "".join(out)

    def _list(self, tag: str, name: str, items: Any, root: str, *args: Any) -> str:
        """_macros.html's ``events``, ``claims`` and ``quotes``: the list's statements inside ``tag``."""
        return f'<{tag} class="{name}s">\n{self.lists.many(name, items, *args, root=root)}</{tag}>'

    def person(self, site: Any, page: Page, root: str, jsonld: str) -> str:
        """person.html: a person's page (its context: person, pager, events, claims, about, quotes)."""
        context = page.context
        person, pager = context["person"], context["pager"]
        events, claims, about, quotes = context["events"], context["claims"], context["about"], context["quotes"]
        p = person.model
        name = escape(p.name)
        r = escape(root)
        first = not pager or not pager.previous
        out = [f"<h1>{self.statements.draft(p)}{name}</h1>\n"
               f'<p class="meta">{escape(p.role)}{" · organisation" if p.kind == "organization" else ""}</p>\n']
        if p.description:
            out.append(f'<div class="lede">{markdown(p.description)}</div>')
        if p.aliases:
            aliases = ", ".join(f"<q>{escape(for_quotation(a))}</q>" for a in p.aliases)
            out.append(f"<p>Also referred to in the sources as {aliases}.</p>")
        out.append(self.statements.cites(person.cites, person.sourcing).replace(self.root_mark, root))
        out.append(self.pager(pager, root) + "\n")
        if events or (first and not person.events):
            out.append('\n<h2 id="events">Events</h2>\n')
            if events:
                out.append(self._list("ol", "event", events, root, 3) + "\n"
                           f'<p><a href="{r}{escape(TIMELINE_PATH)}?person={escape(p.id)}">{name} in the full timeline</a></p>\n')
            else:
                out.append(f"<p>No published events involve {name}.</p>")
        out.append("\n")
        if claims:
            out.append(f'<h2 id="claims">Claims by {name}</h2>\n{self._list("ul", "claim", claims, root)}\n')
        if about:
            out.append(f'<h2 id="claims-about">Claims about {name}</h2>\n{self._list("ul", "claim", about, root)}\n')
        if quotes:
            out.append(f'<h2 id="quotes">Quotes</h2>\n{self._list("ul", "quote", quotes, root)}\n')
        out.append(self.pager(pager, root, "More pages"))
        return self.shell(site, page, root, jsonld, "".join(out))

    def topic(self, site: Any, page: Page, root: str, jsonld: str) -> str:
        """topic.html: a strand's page (its context: topic, pager, events, claims by kind, quotes)."""
        context = page.context
        topic, pager = context["topic"], context["pager"]
        events, claims, quotes = context["events"], context["claims"], context["quotes"]
        first, last = not pager or not pager.previous, not pager or not pager.next
        r = escape(root)
        title, tid = escape(topic.title), escape(topic.topic.id)
        feed = f"{r}{escape(feed_path(topic.topic.id))}"
        meta = [f'<p class="meta"><span class="status">Status: {escape(topic.status)}</span>']
        latest, upcoming = topic.latest, topic.next  # each a scan of the strand's events: once, not twice
        if latest:
            meta.append(f' · Latest event: <time datetime="{escape(latest.when.iso())}">{escape(latest.when.display())}</time>')
        if upcoming:
            meta.append(f' · Next scheduled: <time datetime="{escape(upcoming.when.iso())}">{escape(upcoming.when.display())}</time>')
        out = [f"<h1>{title}</h1>\n", *meta, "</p>\n", f'<div class="lede">{markdown(topic.summary)}</div>\n',
               f'<p class="follow"><a href="{feed}">Follow this strand (Atom feed)</a></p>', self.pager(pager, root), "\n"]
        if events or (first and not topic.events):
            out.append('\n<h2 id="events">Events</h2>\n')
            if events:
                out.append(f'{self._list("ol", "event", events, root, 3)}\n'
                           f'<p><a href="{r}{escape(TIMELINE_PATH)}?strand={tid}">These events in the full timeline</a></p>\n')
            else:
                out.append("<p>No published events yet.</p>")
        if claims or (last and not topic.claims):
            out.append('\n<h2 id="claims">Claims and rulings</h2>\n')
            for kind, label, items in claims:
                out.append(f'<h3 id="claims-{escape(kind)}">{escape(label)}</h3>\n{self._list("ul", "claim", items, root)}\n')
            if not claims:
                out.append("<p>No published claims yet.</p>\n")
        if quotes or (last and not topic.quotes):
            out.append('\n<h2 id="quotes">Quotes</h2>\n')
            out.append(self._list("ul", "quote", quotes, root) if quotes else "<p>No published quotes yet.</p>")
        out.append(self.pager(pager, root, "More pages"))
        feeds = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{feed}">\n'
        return self.shell(site, page, root, jsonld, "".join(out), feeds=feeds)

    def timeline(self, site: Any, page: Page, root: str, jsonld: str) -> str:
        """timeline.html: the timeline, or one page of it (its context: events, years, year, pager)."""
        context = page.context
        events, years, year, pager = context["events"], context["years"], context["year"], context["pager"]
        r = escape(root)
        out = [f"<h1>{escape(page.title)}</h1>\n<p>Every event in order. Dates are only as precise as the sources: a year, a month, "
               "a day, or “by” a date when a source only says it had happened by then.</p>\n",
               str(self.lists.shared("timeline_filters", site, root=root)), "\n"]
        if years:
            links = "".join(f'<li><a href="{r}{escape(path)}"{CURRENT if y == year and page.path != TIMELINE_PATH else ""}>'
                            f"{escape(y)}</a> ({escape(count)})</li>" for y, count, path in years)
            out.append(f'<nav class="years" aria-label="Years">\n<h2 class="filter-heading">Years</h2>\n<ul>{links}</ul>\n</nav>\n')
            if page.path == TIMELINE_PATH:
                out.append("<p>This case has many events; the timeline shows one year at a time (a busy year over several pages), "
                           "starting with the latest.</p>")
        out.append(self.pager(pager, root))
        # Jinja's groupby filter: sorted by the year (a stable sort), then each run of one year.
        groups = [(key, list(group)) for key, group in itertools.groupby(sorted(events, key=_year), key=_year)]
        for key, group in groups:
            y = escape(key)
            out.append(f'<section class="year" aria-labelledby="year-{y}">\n<h2 id="year-{y}">{y}</h2>\n'
                       f'{self._list("ol", "event", group, root, 3)}\n</section>\n')
        if not groups:
            out.append("<p>No events yet.</p>\n")
        out.append(self.pager(pager, root, "More pages"))
        scripts = f'<script src="{r}static/timeline.js" defer></script>'
        return self.shell(site, page, root, jsonld, "".join(out), scripts=scripts)

    def sources(self, site: Any, page: Page, root: str, jsonld: str) -> str:
        """sources.html: a page of the sources list (its context: sources, pager)."""
        pager = page.context["pager"]
        out = ["<h1>Sources</h1>\n<p>Every source the site draws on, with a note on its reliability and everything the site took "
               "from it. Headlines are quoted as published.</p>", self.pager(pager, root), "\n"]
        out += [f"{self.lists('source', s, root=root)}\n" for s in page.context["sources"]]
        out.append(self.pager(pager, root, "More pages"))
        return self.shell(site, page, root, jsonld, "".join(out))

    def people(self, site: Any, page: Page, root: str, jsonld: str) -> str:
        """people.html: a page of who's who (its context: groups of people, pager)."""
        pager = page.context["pager"]
        r = escape(root)
        out = ["<h1>Who's who</h1>\n<p>The people and organisations that appear in the sources, grouped by their part in the case. "
               "Descriptions are the site's own neutral summary; names others use for them are shown in quotation marks.</p>",
               self.pager(pager, root), "\n"]
        for group, label, members in page.context["groups"]:
            g = escape(group)
            out.append(f'<section aria-labelledby="group-{g}">\n<h2 id="group-{g}">{escape(label)}</h2>\n<ul class="people">\n')
            for p in members:
                n, model = site.counts(p), p.model  # a dict: the template's n.events finds its key
                kind = ' <span class="kind">· organisation</span>' if model.kind == "organization" else ""
                out.append(f'<li class="person-card" id="person-{escape(model.id)}">\n'
                           f'<h3><a href="{r}{escape(person_path(model.id))}">{self.statements.draft(model)}{escape(model.name)}</a></h3>\n'
                           f'<p class="role">{escape(model.role)}{kind}</p>\n'
                           f'<p class="counts">{_count(n["events"], "event")} · {_count(n["claims"], "claim")}'
                           f' · {_count(n["quotes"], "quote")}</p>\n</li>\n')
            out.append("</ul>\n</section>\n")
        out.append(self.pager(pager, root, "More pages"))
        return self.shell(site, page, root, jsonld, "".join(out))


def _year(event: Any) -> Any:
    return event.when.year


def _count(count: Any, noun: str) -> str:
    """'1 event', '3 events': a count on a who's who card."""
    return f"{escape(count)} {noun}{'s' if count != 1 else ''}"
