"""Machine-readable outputs: case.json, feed.xml, sitemap.xml, robots.txt, JSON-LD.

In: a :class:`~site_builder.site.Site` and its pages. Out: bytes per output
path (and a JSON-LD string per page). Nothing here reads the clock: dates
come from the content, so the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .dates import PartialDate
from .pages import TIMELINE_PATH, Page, Plan
from .render import json_script
from .site import Site

FEED_ENTRIES = 100


def citations(cites: list[Any]) -> list[dict[str, str]]:
    return [{"source": c.source.id, "quote": c.quote} for c in cites]


def case_json(site: Site) -> bytes:
    case = site.case
    data = {
        "format": "site-builder case export",
        "version": 1,
        "case": {"title": case.title, "summary": case.summary, "jurisdiction": case.jurisdiction, "updated": case.updated},
        "topics": [{"id": t.topic.id, "title": t.title, "status": t.status, "summary": t.summary} for t in site.topics],
        "people": [
            {"id": p.model.id, "name": p.model.name, "kind": p.model.kind, "aliases": p.model.aliases, "role": p.model.role,
             "group": p.model.group, "description": p.model.description, "citations": citations(p.cites),
             "corroboration": p.sourcing.as_json(), "review": p.model.review}
            for p in site.people
        ],
        "sources": [
            {"id": s.model.id, "title": s.model.title, "publisher": s.model.publisher, "published": s.model.published,
             "url": s.model.url, "file": PurePosixPath(s.model.file).name if s.model.file else None, "kind": s.model.kind,
             "reliability": s.model.reliability, "review": s.model.review}
            for s in site.sources
        ],
        "events": [
            {"id": e.model.id, "topic": e.topic.id, "date": e.model.date, "not_after": e.model.not_after, "when": e.model.when,
             "planned": e.model.planned, "title": e.model.title, "summary": e.model.summary, "people": e.model.people,
             "citations": citations(e.cites), "corroboration": e.sourcing.as_json(), "review": e.model.review}
            for e in site.events
        ],
        "claims": [
            {"id": c.model.id, "topic": c.topic.id, "kind": c.model.kind, "text": c.model.text, "attributed_to": c.model.attributed_to,
             "via": c.model.via, "date": c.model.date, "people": c.model.people, "citations": citations(c.cites),
             "corroboration": c.sourcing.as_json(), "review": c.model.review}
            for c in site.claims
        ],
        "quotes": [
            {"id": q.model.id, "topic": q.topic.id, "speaker": q.model.speaker, "text": q.model.text, "context": q.model.context,
             "date": q.model.date, "citations": citations(q.cites), "corroboration": q.sourcing.as_json(), "review": q.model.review}
            for q in site.quotes
        ],
    }
    # Compact separators keep the C encoder (indent= falls back to pure Python: 10x slower on big cases).
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _atom_day(text: str) -> str:
    return f"{PartialDate.parse(text).first_day().isoformat()}T00:00:00Z"


def feed_xml(site: Site, plan: Plan) -> bytes:
    """The Atom feed of the latest events; each links to the timeline page that holds it."""
    base = site.base_url
    timeline = base + TIMELINE_PATH.removesuffix("index.html")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site.case.site.language)}>',
        f"  <title>{escape(site.case.title)}: timeline</title>",
        f"  <subtitle>{escape(site.case.summary)}</subtitle>",
        f"  <link rel=\"self\" href={quoteattr(base + 'feed.xml')}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(timeline)}/>",
        f"  <id>{escape(base)}</id>",
        f"  <updated>{_atom_day(site.case.updated)}</updated>",
        f"  <author><name>{escape(site.case.title)}</name></author>",
    ]
    for event in list(reversed(site.events))[:FEED_ENTRIES]:
        url = f"{base}{plan.timeline_path(event.model.id).removesuffix('index.html')}#event-{event.model.id}"
        learned = max(c.source.published for c in event.cites)
        summary = event.model.summary or event.model.title
        sources = "; ".join(f"{c.source.publisher}, {c.source.published}" for c in event.cites)
        lines += [
            "  <entry>",
            f"    <title>{'Scheduled for ' if event.planned else ''}{escape(event.when.display())}: {escape(event.model.title)}</title>",
            f"    <link href={quoteattr(url)}/>",
            f"    <id>{escape(url)}</id>",
            f"    <updated>{_atom_day(learned)}</updated>",
            f"    <category term={quoteattr(event.topic.id)} label={quoteattr(event.topic.title)}/>",
            f"    <summary>{escape(summary)} (Sources: {escape(sources)})</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap_xml(site: Site, pages: list[Page]) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in sorted(pages, key=lambda p: p.path):
        if page.path != "404.html":
            lines.append(f"  <url><loc>{escape(site.base_url + page.url)}</loc><lastmod>{site.case.updated}</lastmod></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots_txt(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.base_url}sitemap.xml\n".encode("utf-8")


def jsonld(site: Site, page: Page) -> str:
    case = site.case
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": page.kind,
        "name": page.title,
        "description": page.description,
        "url": site.base_url + page.url,
        "inLanguage": case.site.language,
        "dateModified": case.updated,
        "isPartOf": {"@type": "WebSite", "name": case.title, "url": site.base_url},
    }
    person = page.context.get("person")
    if person is not None:
        model = person.model
        data["mainEntity"] = {
            "@type": "Organization" if model.kind == "organization" else "Person",
            "name": model.name,
            "alternateName": model.aliases,
            "description": model.role,
        }
    topic = page.context.get("topic")
    if topic is not None:
        data["headline"] = topic.title
        data["about"] = case.title
    return str(json_script(data))
