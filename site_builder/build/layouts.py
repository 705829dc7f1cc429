"""The default theme's page layout (``base.html``) and its person page (``person.html``) as plain Python.

In: a planned :class:`~site_builder.build.pages.Page`, the :class:`~site_builder.build.site.Site`, the
page's root (``../`` per level) and JSON-LD, and the build's :class:`~site_builder.build.render.Fragments`
(the statements, rendered once per build). Out: the page's HTML, character for character what Jinja
renders from those templates.

Why: at 4,000 events nine pages in ten are person pages, and Jinja's runtime (a context per page, the
macros module imported with it, a ``Markup`` and an escape per value of the shell) was most of what the
render workers spent once the statements bypassed it (:mod:`statements`). These functions are used only
while ``base.html``, ``person.html`` and ``_macros.html`` in effect are byte for byte the ones they were
written from (:data:`LAYOUT_SHA256`): a project that overrides any of them, or an edit of the theme's own,
renders through Jinja as before, and the tests compare both renderings on every page of the test sites.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Protocol

import jinja2

from .headers import csp
from .pages import SEARCH_PATH, SOURCES_PATH, TIMELINE_PATH, Page
from .statements import MACROS_SHA256, Statements, escape
from ..content.quotemarks import for_quotation
from .markup import markdown

# The sha256 of each template these functions reproduce. Changing one of them makes the build render that
# page kind through Jinja (correct, slower) and tests/test_layouts.py fail until this module follows it.
LAYOUT_SHA256 = {
    "base.html": "b94eee151b40d8bfdc150a60396e1e404e059a07bb3a009e6006373c6b4a511d",
    "person.html": "1c373be017f874b3530033f9ce37f536885e02ade12eb72da614e21e89d0023f",
    "_macros.html": MACROS_SHA256,
}


class Lists(Protocol):
    """What a layout needs of render.Fragments: a list of statements rendered, each followed by a line break."""

    def many(self, name: str, items: Any, *args: Any, root: str) -> str: ...


Layout = Callable[[Any, Page, str, str], str]  # (site, page, root, jsonld) -> the page's HTML


def python_layouts(env: jinja2.Environment, lists: Lists, root_mark: str) -> dict[str, Layout]:
    """The page templates that render as Python here (template name -> layout), when the templates in effect are
    the ones these functions reproduce; none otherwise (a project's own templates render through Jinja)."""
    assert env.loader is not None
    for name, expected in LAYOUT_SHA256.items():
        try:
            source = env.loader.get_source(env, name)[0]
        except Exception:  # noqa: BLE001 - missing or refused: Jinja reports it with the page
            return {}
        if hashlib.sha256(source.encode("utf-8")).hexdigest() != expected:
            return {}
    layouts = Layouts(Statements(env, root_mark), lists, root_mark)
    return {"person.html": layouts.person}


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
                current = ' aria-current="page"' if part == p.current else ""
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
