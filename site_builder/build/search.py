"""Search: a Pagefind index of everything the site publishes.

In: a :class:`~site_builder.build.site.Site`. Out: the files of a Pagefind bundle
(``pagefind/...``) as bytes, which the build writes with the rest of the
site. Pagefind (PyPI ``pagefind[bin]``, its command run on a temporary folder)
builds the index; nothing here writes an index by hand. Each event, claim,
quote and person is one record (a small HTML file Pagefind reads, never
published)
whose URL is the item's anchor on its strand's (or person's) page, relative
to the site's root, so results work at a domain root and under a sub-path.
Records carry three filters: the strand, the people involved and the kind.

The search page's script (templates/static/search.js) asks the bundle; see
headers.py for the one exception its policy needs.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from html import escape
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from .markup import plain
from .pages import person_path, topic_path
from .searchorder import canonical
from .site import ClaimView, EventView, QuoteView, Site

BUNDLE = "pagefind/"
# Pagefind's own ready-made interfaces: the theme has its own (search.js), so they are not published.
_UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")
MISSING = "search needs Pagefind: install it with `pip install 'pagefind[bin]'` (a dependency of site-builder), or build with --no-search"


@dataclass(frozen=True)
class Record:
    """One search result: where it goes, what it says, and how it can be filtered."""

    url: str  # relative to the site root, e.g. "topics/charges/index.html#event-x"
    title: str
    kind: str  # Event, Claim, Quote, Person
    content: str
    strand: str = ""
    people: tuple[str, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)

    def filters(self) -> dict[str, list[str]]:
        found = {"kind": [self.kind], "person": list(self.people)}
        if self.strand:
            found["strand"] = [self.strand]
        return {k: v for k, v in found.items() if v}


PageOf = Callable[[str, str], str]  # (strand id, item anchor) -> the page of the strand that holds the item


def searchable(site: Site) -> bool:
    """Whether the site has anything to find (Pagefind refuses an empty index: no index, no search page)."""
    return bool(site.people) or any(t.events or t.claims or t.quotes for t in site.topics)


def records(site: Site, page_of: PageOf = lambda topic_id, anchor: topic_path(topic_id)) -> list[Record]:
    """Every published event, claim, quote and person, in a stable order (so the bundle is byte-identical); each
    item's address is the page of its strand that holds it (``page_of``: the build's page plan)."""
    found: list[Record] = []
    for topic in site.topics:
        for e in topic.events:
            found.append(_event(e, page_of))
        for c in topic.claims:
            found.append(_claim(c, page_of))
        for q in topic.quotes:
            found.append(_quote(q, page_of))
    for p in site.people:
        model = p.model
        words = [model.name, *model.aliases, model.role, plain(model.description or "")]
        found.append(Record(person_path(model.id), model.name, "Person", " ".join(w for w in words if w),
                            people=(model.name,), meta={"detail": model.role}))
    return found


def _event(e: EventView, page_of: PageOf) -> Record:
    when = ("Scheduled for " if e.planned else "") + e.when.display()
    words = [e.model.title, plain(e.model.summary or ""), when, *(p.name for p in e.people)]
    return Record(f"{page_of(e.topic.id, f'event-{e.model.id}')}#event-{e.model.id}", e.model.title, "Event", " ".join(w for w in words if w),
                  e.topic.title, tuple(p.name for p in e.people if not p.anonymous), {"detail": when})


def _claim(c: ClaimView, page_of: PageOf) -> Record:
    label = c.label.text()
    people = tuple(dict.fromkeys(p.name for p in (c.by, *(c.via and [c.via] or []), *c.people) if not p.anonymous))
    return Record(f"{page_of(c.topic.id, f'claim-{c.model.id}')}#claim-{c.model.id}", c.model.text, "Claim", f"{c.model.text} {label}",
                  c.topic.title, people, {"detail": label})


def _quote(q: QuoteView, page_of: PageOf) -> Record:
    label = q.label.text()
    people = () if q.by.anonymous else (q.by.name,)
    return Record(f"{page_of(q.topic.id, f'quote-{q.model.id}')}#quote-{q.model.id}", f"“{q.model.text}”", "Quote", f"{q.model.text} {label}",
                  q.topic.title, people, {"detail": label})


def record_page(record: Record, language: str) -> str:
    """The HTML Pagefind indexes for one record (an input to the indexer, never published): the words in the
    body (the title among them once, so excerpts do not repeat it), the title, kind, strand and detail as metadata, the filters as ``data-pagefind-filter`` elements
    kept out of the words (``data-pagefind-ignore``), and the item's own address as the ``url`` metadata."""
    meta = {"title": record.title, "url": record.url, "kind": record.kind, "strand": record.strand, **record.meta}
    head = "".join(f'<span data-pagefind-meta="{name}">{escape(value)}</span>' for name, value in meta.items() if value)
    tags = "".join(f'<span data-pagefind-filter="{name}">{escape(value)}</span>'
                   for name, values in record.filters().items() for value in values)
    return (f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8"><title>{escape(record.title)}</title></head>'
            f'<body data-pagefind-body><p>{escape(record.content)}</p>'
            f'<div data-pagefind-ignore>{head}{tags}</div></body></html>')


def search_files(site: Site, found: list[Record] | None = None) -> dict[str, bytes]:
    """The Pagefind bundle for ``site`` (its ``found`` records, by default all): output path (under ``pagefind/``)
    -> bytes; none when there is nothing to find. OutputError if Pagefind cannot run."""
    found = records(site) if found is None else found
    if not found:
        return {}  # Pagefind refuses an empty folder; the build then makes no search page either
    with Indexing(site, found) as job:
        return job.files()


def index_key(site: Site, found: list[Record]) -> str:
    """A digest of everything a bundle is made from: the records, the site's language and the Pagefind binary
    (its path, size and time). OutputError, as :class:`Indexing` raises it, when there is no Pagefind."""
    binary = _binary()
    st = binary.stat()
    head = f"{binary}\x00{st.st_size}\x00{st.st_mtime_ns}\x00{site.case.site.language}"
    return hashlib.sha256("\x00".join([head, *map(repr, found)]).encode("utf-8")).hexdigest()


class Indexing:
    """Pagefind indexing ``found`` in the background: started on creation, so the build renders its pages
    while Pagefind runs (a separate process: its time overlaps ours); :meth:`files` waits for the bundle.
    Use as a context manager: leaving it stops Pagefind if it still runs and removes its folder.
    OutputError if Pagefind cannot run or fails."""

    def __init__(self, site: Site, found: list[Record]) -> None:
        binary = _binary()
        language = site.case.site.language
        self._proc: subprocess.Popen[bytes] | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="site-builder-search-")
        tmp = Path(self._tmp.name)
        self.pages, self.out = tmp / "records", tmp / "bundle"
        # What Pagefind says goes to files, not pipes: nobody reads a pipe while the pages render, and a full one would stall it.
        self._said = [tmp / "stdout", tmp / "stderr"]
        try:
            self.pages.mkdir()
            for n, record in enumerate(found):
                (self.pages / f"{n:06d}.html").write_text(record_page(record, language), "utf-8")
            with open(self._said[0], "wb") as stdout, open(self._said[1], "wb") as stderr:
                self._proc = subprocess.Popen([str(binary), "--site", str(self.pages), "--output-path", str(self.out), "--quiet"],
                                              stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.close()
            raise OutputError(f"search: Pagefind could not run: {exc}; build with --no-search to skip it") from None
        except BaseException:
            self.close()
            raise

    def files(self) -> dict[str, bytes]:
        """The bundle: output path (under ``pagefind/``) -> bytes, once Pagefind is done."""
        assert self._proc is not None
        try:
            code = self._proc.wait(timeout=600)
        except subprocess.TimeoutExpired as exc:
            raise OutputError(f"search: Pagefind could not run: {exc}; build with --no-search to skip it") from None
        if code != 0:
            stdout, stderr = (path.read_text("utf-8", errors="replace") for path in self._said)
            reason = (stderr or stdout).strip().splitlines()[-1:] or [f"exit status {code}"]
            raise OutputError(f"search: Pagefind failed: {reason[0]}; build with --no-search to skip it")
        bundle = {path.relative_to(self.out).as_posix(): path.read_bytes()
                  for path in sorted(self.out.rglob("*")) if path.is_file() and not path.name.startswith(_UNUSED)}
        return {BUNDLE + name: data for name, data in sorted(canonical(bundle).items())}

    def close(self) -> None:
        """Stop Pagefind if it still runs; remove the records and the bundle."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        self._tmp.cleanup()

    def __enter__(self) -> Indexing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _binary() -> Path:
    """Pagefind's executable, as the PyPI package ``pagefind[bin]`` installs it."""
    try:
        from pagefind_bin import get_executable

        return Path(get_executable())
    except (ImportError, FileNotFoundError):
        raise OutputError(MISSING) from None
