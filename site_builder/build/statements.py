"""The default theme's statement macros as plain Python functions.

In: a view of an event, claim, quote or source (:mod:`site`) and the
build's page plan (``item_path``, ``source_path`` in the Jinja globals).
Out: the same HTML the macros ``event``, ``claim``, ``quote`` and ``source``
of ``templates/_macros.html`` render, character for character, with
:data:`~site_builder.render.ROOT_MARK` where the page's root goes.

Why: a big case renders thousands of statements, and Jinja's macro calls
(argument handling, a ``Markup`` per piece, an escape per value) were most
of a cold build's rendering. These functions are used only while the
macros file in effect is the one they were written from
(:data:`MACROS_SHA256`): a project that overrides ``_macros.html``, or an
edit of the theme's own, renders through Jinja as before, and the tests
compare both renderings on every kind of content.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.filters import do_truncate

try:  # markupsafe.escape's inner function, in C (its pure-Python twin when the extension is not built)
    from markupsafe._speedups import _escape_inner as _escape_text
except ImportError:  # pragma: no cover
    from markupsafe._native import _escape_inner as _escape_text

from .markup import markdown
from .pages import person_path, topic_path
from ..content.model import UNKNOWN_DATE
from ..content.quotemarks import for_quotation
from ..dates import PartialDate

# The sha256 of the templates/_macros.html these functions reproduce. Changing that file makes the build
# fall back to Jinja (correct, slower) and tests/test_statements.py fail until the functions follow it.
MACROS_SHA256 = "831ab30d7bfd75543b00748115658741a6082da79e51ef62b94c9c23aef0dee5"

Renderer = Callable[..., str]


def escape(value: object) -> str:
    """What Jinja's autoescape writes for ``value`` (markupsafe.escape: & < > ' " as entities)."""
    if type(value) is str:  # most values: markupsafe's own C function, without the Markup object
        return _escape_text(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return (str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def display_date(text: str) -> str:
    """'2021-10' -> 'October 2021': as precise as written; a source's ``unknown`` date -> 'date unknown'."""
    return "date unknown" if text == UNKNOWN_DATE else PartialDate.parse(text).display()


class Statements:
    """The four statement renderers, reading the build's links from the environment's globals at call time
    (they are set per build: see build._render_site)."""

    def __init__(self, env: jinja2.Environment, root: str) -> None:
        self.env = env
        self.root = root
        self.date = functools.lru_cache(maxsize=4096)(display_date)  # a source's date is shown with each citation of it
        self.renderers: dict[str, Renderer] = {"event": self.event, "claim": self.claim, "quote": self.quote, "source": self.source}
        # A citation's line up to its quotation, per source object and source_path function (one per build).
        self._heads: dict[int, tuple[Any, Any, str]] = {}

    def _item_path(self, topic_id: str, anchor: str) -> str:
        path: str = self.env.globals["item_path"](topic_id, anchor)  # type: ignore[operator]
        return path

    def _source_path(self, source_id: str) -> str:
        path: str = self.env.globals["source_path"](source_id)  # type: ignore[operator]
        return path

    def who(self, s: Any) -> str:
        if s.anonymous:
            return '<span class="anon">Unnamed source</span>'
        if s.linked:
            return f'<a href="{self.root}{escape(person_path(s.id))}">{escape(s.name)}</a>'
        return escape(s.name)

    def label(self, label: Any) -> str:
        out = []
        for part in label.parts:
            if isinstance(part, str):
                out.append(escape(part))
            elif hasattr(part, "text"):
                out.append(f'<span class="kind">{escape(part.text)}</span>')
            elif part.anonymous:
                out.append('<span class="badge badge-anon">Unnamed source</span>')
            else:
                out.append(self.who(part))
        if label.note:
            out.append(f' <span class="anon-note">{escape(label.note)}</span>')
        return "".join(out)

    @staticmethod
    def draft(item: Any) -> str:
        return '<span class="badge badge-draft">Draft</span> ' if item.review == "draft" else ""

    def cites(self, cites: Any, sourcing: Any) -> str:
        items = "".join(f'{self._cite_head(c.source)}<q class="cite-quote">{escape(for_quotation(c.quote))}</q></li>\n' for c in cites)
        return (f'<details class="cites">\n<summary><span class="cites-line">{escape(sourcing.line())}</span></summary>\n'
                f'<p class="cites-label">{escape(sourcing.label())}</p>\n<ul>\n{items}</ul>\n</details>')

    def _cite_head(self, source: Any) -> str:
        """``<li><a href="…#source-id">Publisher, date</a>: `` for a citation of ``source`` (the same for every one)."""
        paths = self.env.globals["source_path"]  # set per build: a line made under another build's plan is not reused
        hit = self._heads.get(id(source))
        if hit is not None and hit[0] is source and hit[1] is paths:
            return hit[2]
        head = (f'<li><a href="{self.root}{escape(self._source_path(source.id))}#source-{escape(source.id)}">'
                f'{escape(source.publisher)}, {escape(self.date(source.published))}</a>: ')
        self._heads[id(source)] = (source, paths, head)
        return head

    def event(self, e: Any, level: int = 3) -> str:
        model, when, topic, root = e.model, e.when, e.topic, self.root
        planned = e.planned
        mid = escape(model.id)
        head = (f'<li class="event hue-{escape(e.hue)} precision-{escape(when.precision)}{" planned" if planned else ""}" '
                f'id="event-{mid}" data-topic="{escape(topic.id)}" data-people="{escape(" ".join(map(str, model.people)))}">\n')
        when_line = '<p class="when">' + ('<span class="scheduled">Scheduled for</span> ' if planned else "")
        when_line += f'<time datetime="{escape(when.iso())}">{escape(when.display_date())}</time>'
        if not planned and when.precision in ("month", "year"):
            when_line += f' <span class="precision-tag">{escape(when.precision)} only</span>'
        if when.relative:
            when_line += f" ({escape(when.relative)})"
        summary = f'<div class="summary">{markdown(model.summary)}</div>' if model.summary else ""
        people = ""
        if e.people:
            people = f'<p class="involved">People: {", ".join(self.who(p) for p in e.people)}</p>'
        return (f'{head}{when_line}</p>\n'
                f'<p class="strand-line"><a class="strand" href="{root}{escape(topic_path(topic.id))}">'
                f'<span class="swatch" aria-hidden="true"></span>{escape(topic.title)}</a></p>\n'
                f'<h{escape(level)} class="event-title">{self.draft(model)}{escape(model.title)}</h{escape(level)}>\n'
                f'{summary}{people}{self.cites(e.cites, e.sourcing)}\n'
                f'<p class="permalink"><a href="{root}{escape(self._item_path(topic.id, "event-" + str(model.id)))}'
                f'#event-{mid}">Link to this event</a></p>\n</li>')

    def claim(self, c: Any) -> str:
        model = c.model
        return (f'<li class="claim kind-{escape(model.kind)}" id="claim-{escape(model.id)}">\n'
                f'<p class="claim-meta">{self.draft(model)}{self.label(c.label)}</p>\n'
                f'<p class="claim-text">{escape(model.text)}</p>\n'
                f'{self.cites(c.cites, c.sourcing)}\n</li>')

    def quote(self, q: Any) -> str:
        model = q.model
        return (f'<li class="quote" id="quote-{escape(model.id)}">\n<figure>\n'
                f'<blockquote><p>{escape(for_quotation(model.text))}</p></blockquote>\n'
                f'<figcaption>{self.draft(model)}{self.label(q.label)}</figcaption>\n</figure>\n'
                f'{self.cites(q.cites, q.sourcing)}\n</li>')

    def source(self, s: Any) -> str:
        model, root = s.model, self.root
        sid = escape(model.id)
        if model.date_known:
            date = f'<time datetime="{escape(model.published)}">{escape(self.date(model.published))}</time>'
        else:
            date = "date unknown"
        url = f' · <a href="{escape(model.url)}" rel="noopener noreferrer">original article</a>' if model.url else ""
        out = (f'<article class="source" id="source-{sid}" aria-labelledby="source-{sid}-title">\n'
               f'<h2 id="source-{sid}-title">{self.draft(model)}<q class="cited-headline">{escape(for_quotation(model.title))}</q></h2>\n'
               f'<p class="meta">{escape(model.publisher)} · {date} · {escape(str(model.kind).replace("-", " "))}{url}</p>\n'
               f'<p class="reliability"><strong>Reliability:</strong> {escape(model.reliability)}</p>\n')
        taken = s.taken
        if not taken:
            return out + "<p>Nothing published is taken from this source yet.</p>\n</article>"
        parts = [f"<details>\n<summary>What the site took from it ({escape(taken)})</summary>\n<ul class=\"taken\">\n"]
        for e in s.events:
            eid = escape(e.model.id)
            parts.append(f'<li>Event: <a href="{root}{escape(self._item_path(e.topic.id, "event-" + str(e.model.id)))}#event-{eid}">'
                         f'{escape(e.model.title)}</a></li>')
        for c in s.claims:
            cid = escape(c.model.id)
            parts.append(f'<li>{escape(str(c.model.kind).capitalize())}: '
                         f'<a href="{root}{escape(self._item_path(c.topic.id, "claim-" + str(c.model.id)))}#claim-{cid}">'
                         f'{escape(do_truncate(self.env, c.model.text, 120))}</a></li>')
        for q in s.quotes:
            qid = escape(q.model.id)
            parts.append(f'<li>Quote by {self.who(q.by)}: '
                         f'<a href="{root}{escape(self._item_path(q.topic.id, "quote-" + str(q.model.id)))}#quote-{qid}">'
                         f'<q>{escape(do_truncate(self.env, for_quotation(q.model.text), 100))}</q></a></li>')
        for p in s.people:
            parts.append(f'<li>Who\'s who: <a href="{root}{escape(person_path(p.model.id))}">{escape(p.model.name)}</a></li>')
        parts.append("</ul>\n</details>\n</article>")
        return out + "".join(parts)

