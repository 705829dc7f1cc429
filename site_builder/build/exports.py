"""Machine-readable outputs: case.json, timeline.json, feeds, sitemap.xml, robots.txt, JSON-LD.

In: a :class:`~site_builder.build.site.Site` and its pages. Out: bytes per output
path (and a JSON-LD string per page). Nothing here reads the clock: dates
come from the content, so the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, Protocol, TypeVar

from ..dates import PartialDate, When
from .markup import markdown
from .pages import TIMELINE_PATH, Page, Plan, feed_path, topic_path
from .render import json_script
from .site import Cite, ClaimView, EventView, PersonView, QuoteView, Site, SourceView, TopicView

V = TypeVar("V")


class Texts(Protocol):
    """Where the items' texts of case.json and timeline.json are kept between builds: the dev server's
    site.Memo, or the cache on disk's pipeline.ItemTexts."""

    def texts(self, kind: str, items: list[V], make: Callable[[V], str], extra: Callable[[V], object] | None = None,
              key: Callable[[V], object] | None = None) -> list[str]: ...

FEED_ENTRIES = 100


def escape(data: str) -> str:
    """XML text: & < > as entities (xml.sax.saxutils.escape, whose import pulls in urllib.request and
    the email package: 20 ms of every build's start-up)."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """An XML attribute value with its quotes, as xml.sax.saxutils.quoteattr writes it."""
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in data:
        return "'%s'" % data if "'" not in data else '"%s"' % data.replace('"', "&quot;")
    return '"%s"' % data


def citations(cites: list[Cite]) -> list[dict[str, str]]:
    return [{"source": c.source.id, "quote": c.quote} for c in cites]


def case_json(site: Site, memo: Texts | None = None) -> bytes:
    """The whole case as JSON; ``memo`` (the dev server's, see site.Memo): reuse each unchanged item's text."""
    case = site.case
    head = {
        "format": "site-builder case export",
        "version": 1,
        "case": {"title": case.title, "summary": case.summary, "jurisdiction": case.jurisdiction, "updated": case.updated},
        "topics": [{"id": t.topic.id, "title": t.title, "status": t.status, "summary": t.summary} for t in site.topics],
    }
    if memo is None:  # one build: one encoding of the whole is quickest
        return _whole({**head, "people": [_person(p) for p in site.people], "sources": [_source(s) for s in site.sources],
                       "events": [_event(e) for e in site.events], "claims": [_claim(c) for c in site.claims],
                       "quotes": [_quote(q) for q in site.quotes]})
    # A person's text shows its model and citations, both the same while the model is (and sources.yaml: see Memo).
    lists = {
        "people": memo.texts("json", site.people, lambda p: _json(_person(p)), key=lambda p: p.model),
        "sources": [_json(_source(s)) for s in site.sources],
        "events": memo.texts("json", site.events, lambda e: _json(_event(e))),
        "claims": memo.texts("json", site.claims, lambda c: _json(_claim(c))),
        "quotes": memo.texts("json", site.quotes, lambda q: _json(_quote(q))),
    }
    return (_object(head, lists) + "\n").encode("utf-8")


# Compact separators keep the C encoder (indent= falls back to pure Python: 10x slower on big cases).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _whole(data: dict[str, Any]) -> bytes:
    """case.json or timeline.json made in one go: ``data`` as compact JSON, and a newline."""
    return (_json(data) + "\n").encode("utf-8")


def _json(value: Any) -> str:
    """``value`` as compact JSON text, as case.json and timeline.json write it (json.dumps with these options,
    without making an encoder per call: thousands of calls a build)."""
    return _ENCODER.encode(value)


def _object(head: dict[str, Any], lists: dict[str, list[str]]) -> str:
    """The JSON text of ``head`` followed by ``lists`` (key -> the JSON texts of its items): the very text
    :func:`_json` gives for the whole, but from texts made (or kept) item by item."""
    parts = [f"{_json(key)}:{_json(value)}" for key, value in head.items()]
    parts += [f"{_json(key)}:[{','.join(items)}]" for key, items in lists.items()]
    return "{" + ",".join(parts) + "}"


def _person(p: PersonView) -> dict[str, Any]:
    return {"id": p.model.id, "name": p.model.name, "kind": p.model.kind, "aliases": p.model.aliases, "role": p.model.role,
            "group": p.model.group, "description": p.model.description, "citations": citations(p.cites),
            "corroboration": p.sourcing.as_json(), "review": p.model.review}


def _source(s: SourceView) -> dict[str, Any]:
    return {"id": s.model.id, "title": s.model.title, "publisher": s.model.publisher,
            "published": s.model.published if s.model.date_known else None, "url": s.model.url,
            "file": PurePosixPath(s.model.file).name if s.model.file else None, "kind": s.model.kind,
            "reliability": s.model.reliability, "review": s.model.review}


def _event(e: EventView) -> dict[str, Any]:
    return {"id": e.model.id, "topic": e.topic.id, "date": e.model.date, "not_after": e.model.not_after, "when": e.model.when,
            "planned": e.model.planned, "title": e.model.title, "summary": e.model.summary, "people": e.model.people,
            "citations": citations(e.cites), "corroboration": e.sourcing.as_json(), "review": e.model.review}


def _claim(c: ClaimView) -> dict[str, Any]:
    return {"id": c.model.id, "topic": c.topic.id, "kind": c.model.kind, "text": c.model.text, "attributed_to": c.model.attributed_to,
            "described_as": c.model.described_as, "via": c.model.via, "date": c.model.date, "people": c.model.people, "citations": citations(c.cites),
            "corroboration": c.sourcing.as_json(), "review": c.model.review}


def _quote(q: QuoteView) -> dict[str, Any]:
    return {"id": q.model.id, "topic": q.topic.id, "speaker": q.model.speaker, "described_as": q.model.described_as, "text": q.model.text, "context": q.model.context,
            "date": q.model.date, "citations": citations(q.cites), "corroboration": q.sourcing.as_json(), "review": q.model.review}


def _atom_day(text: str) -> str:
    return f"{PartialDate.parse(text).first_day().isoformat()}T00:00:00Z"


def feed_xml(site: Site, plan: Plan) -> bytes:
    """The site's Atom feed: the newest events of every strand, each linking to the timeline page that holds it."""
    timeline = site.base_url + TIMELINE_PATH.removesuffix("index.html")
    return _atom(site, f"{site.case.title}: timeline", site.case.summary, "feed.xml", timeline, site.events,
                 lambda event: plan.timeline_path(event.model.id))


def topic_feed_xml(site: Site, topic: TopicView, plan: Plan) -> bytes:
    """One strand's Atom feed (``topics/<id>/feed.xml``): its events only, for readers who follow one proceeding;
    each links to the page of the strand that holds it."""
    page = site.base_url + topic_path(topic.topic.id).removesuffix("index.html")
    return _atom(site, f"{site.case.title}: {topic.title}", topic.summary, feed_path(topic.topic.id), page, topic.events,
                 lambda event: plan.item_path(topic.topic.id, f"event-{event.model.id}"))


def _atom(site: Site, title: str, subtitle: str, self_path: str, alternate: str, events: list[EventView],
          page_of: Callable[[EventView], str]) -> bytes:
    base = site.base_url
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site.case.site.language)}>',
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(subtitle)}</subtitle>",
        f"  <link rel=\"self\" href={quoteattr(base + self_path)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(alternate)}/>",
        f"  <id>{escape(base + ('' if self_path == 'feed.xml' else self_path))}</id>",
        f"  <updated>{_atom_day(site.case.updated)}</updated>",
        f"  <author><name>{escape(site.case.title)}</name></author>",
    ]
    for event in list(reversed(events))[:FEED_ENTRIES]:
        url = f"{base}{page_of(event).removesuffix('index.html')}#event-{event.model.id}"
        # when the site learned of it: its latest source's day (the case's own date when no source gives one)
        learned = max((c.source.published for c in event.cites if c.source.date_known), default=site.case.updated,
                      key=lambda d: PartialDate.parse(d).first_day())
        summary = event.model.summary or event.model.title
        sources = "; ".join(f"{c.source.publisher}, {c.source.published if c.source.date_known else 'date unknown'}"
                            for c in event.cites)
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


def timeline_json(site: Site, plan: Plan, memo: Texts | None = None) -> bytes:
    """The timeline in TimelineJS3's JSON format, for newsrooms that embed TimelineJS.

    Dates are only as precise as the source: ``start_date`` carries a month and a day only when they are
    known. An event known only to have happened by a day ("by 17 February 2025") and a scheduled event are
    placed at that day, and their ``display_date`` says what the date means. Each slide links back to the
    event on its strand's page, and names its sources. ``memo``: reuse each unchanged event's slide (see site.Memo).
    """
    title = {"text": {"headline": escape(site.case.title), "text": str(markdown(site.case.summary))}}
    if memo is None:
        return _whole({"title": title, "events": [_slide(site, e, plan) for e in site.events]})
    # A slide links to the page of its strand that holds the event: that page is part of what it is kept under.
    slides = memo.texts("slide", site.events, lambda e: _json(_slide(site, e, plan)),
                        lambda e: (site.base_url, plan.item_path(e.topic.id, f"event-{e.model.id}")))
    return (_object({"title": title}, {"events": slides}) + "\n").encode("utf-8")


def _slide(site: Site, event: EventView, plan: Plan) -> dict[str, Any]:
    page = plan.item_path(event.topic.id, f"event-{event.model.id}")
    url = f"{site.base_url}{page.removesuffix('index.html')}#event-{event.model.id}"
    body = str(markdown(event.model.summary)) if event.model.summary else ""  # Markdown without raw HTML (markup.py)
    body += f"<p>Sources: {escape(event.sourcing.line())}. <a href={quoteattr(url)} target=\"_top\">Read more and the quoted passages</a></p>"
    slide: dict[str, Any] = {
        "unique_id": f"event-{event.model.id}",
        "start_date": _timelinejs_date(event.when),
        "text": {"headline": escape(event.model.title), "text": body},
        "group": event.topic.title,
    }
    if event.planned:
        slide["display_date"] = f"Scheduled for {event.when.display_date()}"
    elif event.when.precision == "bound":
        slide["display_date"] = event.when.display_date()
    return slide


def _timelinejs_date(when: When) -> dict[str, str]:
    """TimelineJS's date object, with only the parts the source gives (strings, as in its own examples)."""
    day = when.date or when.not_after
    assert day is not None  # the model requires a date or a bound
    parts = {"year": str(day.year)}
    if day.month:
        parts["month"] = str(day.month)
    if day.day:
        parts["day"] = str(day.day)
    return parts


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
