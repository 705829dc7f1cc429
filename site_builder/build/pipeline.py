"""The build, start to finish: load → validate → view → render → write.

In: a content folder and build options. Out: the site in the output
folder, or an error and the previous output untouched. Everything is read,
validated and rendered in memory first; writing is the last step.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import jinja2

from . import exports, headers
from ..content.cache import DiskCache, code_fingerprint
from ..errors import ContentErrors, OutputError, Problem
from ..files import Refused, check_file, digest, inside, read_file
from ..gcpause import gc_paused
from ..content.load import Content, FileCache, load_content
from ..content.prefetch import Prefetch
from .pages import Page, Plan, PlanMemo, feed_path, plan_pages
from ..content.provenance import stale_update
from .render import Fingerprint, FragmentStore, make_environment, render_pages, template_dirs, templates_fingerprint
from .search import BUNDLE, Indexing, index_key, records, searchable
from .checking import Checking
from .site import Memo, Site, build_site
from ..content.validate import ValidationCache, validate
from .write import MARKER, clean_stale, write_site


V = TypeVar("V")


@dataclass(frozen=True)
class BuildOptions:
    content: Path
    out: Path
    drafts: bool = False
    base_url: str | None = None
    workers: int = 1  # processes for rendering big sites; the CLI passes the number of cores
    cache: bool = False  # read and write the cache beside the content (.site-builder-cache/); the CLI's default
    search: bool = False  # a Pagefind index and the search page; the CLI's build turns it on unless --no-search


@dataclass
class Session:
    """What one project keeps between builds (the dev server's rebuilds): parsed
    files and rendered fragments, each reused only while its inputs are unchanged."""

    files: FileCache = field(default_factory=FileCache)
    fragments: FragmentStore = field(default_factory=FragmentStore)
    validation: ValidationCache = field(default_factory=ValidationCache)
    views: Memo = field(default_factory=Memo)  # statement views and their JSON, reused while their items are unchanged
    plans: PlanMemo = field(default_factory=PlanMemo)  # pages planned from those views, kept while the views are
    environment: tuple[Fingerprint, jinja2.Environment] | None = None  # (templates fingerprint, compiled environment)

    def env(self, dirs: list[Path], fingerprint: Fingerprint) -> jinja2.Environment:
        """The Jinja environment, compiled again only when a template changed."""
        if self.environment is None or self.environment[0] != fingerprint:
            self.environment = (fingerprint, make_environment(dirs))
        return self.environment[1]


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    out: Path
    warnings: tuple[Problem, ...] = ()  # worth telling the editor, not worth refusing the build


def load_valid(content_dir: Path, session: Session | None = None, drafts: bool = False,
               overrides: Mapping[Path, bytes] | None = None, parsed: Prefetch | None = None) -> Content:
    """Load and cross-check the content for a build with or without ``drafts``; ContentErrors lists every problem.
    ``overrides``: file bytes to check in place of what is on disk (see load.load_content); ``parsed``: files
    parsed in another process meanwhile (content.prefetch)."""
    with gc_paused():
        return _load_valid(content_dir, session, drafts, overrides, parsed)


def _load_valid(content_dir: Path, session: Session | None, drafts: bool,
                overrides: Mapping[Path, bytes] | None = None, parsed: Prefetch | None = None) -> Content:
    content = load_content(content_dir, session.files if session else None, overrides, parsed)
    problems = validate(content, session.validation if session else None, drafts, session.files.disk if session else None)
    if problems:
        raise ContentErrors(problems)
    return content


def render_site(content: Content, options: BuildOptions, session: Session | None = None,
                checking: Checking | None = None, keep: list[object] | None = None) -> dict[str, bytes]:
    """Every output file of the site as bytes, keyed by its path in the output folder. ``checking``: validation
    still under way (build.checking), whose verdict comes before any page renders and before Pagefind starts.
    ``keep``: a list to hold the build's intermediate objects (views, plan) instead of freeing them (see
    :func:`build`)."""
    with gc_paused():
        return _render_site(content, options, session, checking, keep)


def _render_site(content: Content, options: BuildOptions, session: Session | None,
                 checking: Checking | None = None, keep: list[object] | None = None) -> dict[str, bytes]:
    checked = checking.wait if checking is not None else lambda: None
    ready = checking.ready if checking is not None else lambda: True
    project = content.root.resolve().parent
    dirs = template_dirs(project)
    static = _static_files(dirs, project, content.root.parent)  # first: refuses links out of the project, FIFOs
    memo = session.views if session else None
    site = build_site(content, drafts=options.drafts, base_url=options.base_url, memo=memo)
    site.search = options.search and searchable(site)  # nothing published yet: nothing to find, no search page
    plan = plan_pages(site, session.plans if session else None)
    pages = plan.pages
    found = records(site, plan.item_path) if site.search else []
    fingerprint = templates_fingerprint(dirs)
    env = session.env(dirs, fingerprint) if session else make_environment(dirs)
    store = session.fragments if session else FragmentStore()
    set_up(store, env, content, options, fingerprint, plan)
    disk = session.files.disk if session else None
    previous = options.out if disk is not None and (options.out / MARKER).is_file() else None  # a build's own output
    scope = _scope(content, options, plan, fingerprint) if disk is not None else ""
    store.start(disk, scope, previous)
    jsonld = JsonLd(site, pages)
    generated: dict[str, bytes] = {}
    texts: exports.Texts | None = ItemTexts(memo, disk, scope) if memo is not None and disk is not None else memo

    def export() -> None:
        generated.update({path: make() for path, make in export_makers(site, plan, texts).items()})
        if disk is not None:  # while the render workers run: these kinds are complete now (see DiskCache.prepare)
            disk.prepare(("parsed", "findings", "texts"))

    # The last build's search bundle, when its records were the same (the cache on disk vouches for its files).
    bundle_key = index_key(site, found) if found and disk is not None else ""
    kept = disk.bundle(bundle_key, previous, BUNDLE) if bundle_key and disk is not None and previous is not None else None
    with contextlib.ExitStack() as stack:
        # Pagefind indexes in its own process while the pages render (it needs only the records);
        # the exports are made meanwhile too, when the pages render in worker processes.
        if found and kept is None:
            checked()  # Pagefind is given nothing before validation has passed
        indexing = stack.enter_context(Indexing(site, found)) if found and kept is None else None
        files = render_pages(site, pages, env, jsonld, options.workers, store, meanwhile=export, checked=checked, ready=ready)
        bundle = kept if kept is not None else indexing.files() if indexing else {}
    if bundle_key and kept is None and disk is not None:
        disk.remember_bundle(bundle_key, bundle)
    generated.update(static)
    generated.update(bundle)
    for path, data in generated.items():
        if path in files:
            raise OutputError(f"two outputs map to '{path}'")
        files[path] = data
    if keep is not None:
        keep += [site, plan, jsonld, store, env, generated]
    return files


def set_up(store: FragmentStore, env: jinja2.Environment, content: Content, options: BuildOptions,
           fingerprint: Fingerprint, plan: Plan) -> None:
    """Point ``store`` and ``env`` (a Session's, shared by its builds) at this build: the store empties when
    anything a fragment shows besides its own items changed; links go where this build's plan puts each item."""
    # A statement's sourcing links to the page of the sources list that holds each source; that page
    # depends on how much is taken from every source, so stored fragments go when any source moves.
    store.validate(content.case, content.people, content.sources, options.drafts, options.base_url, fingerprint, plan.sources)
    # Where each item of a paginated set lives: fragments link to it, so set per build (the environment is reused).
    env.globals.update(source_path=plan.source_path, item_path=plan.item_path)
    store.links = plan.links


def export_makers(site: Site, plan: Plan, texts: exports.Texts | None) -> dict[str, Callable[[], bytes]]:
    """Each file of the site besides its pages, static files and search bundle (path -> what makes its bytes),
    in the order the site lists them; ``texts``: where the items' texts in case.json and timeline.json are kept."""
    return {
        "case.json": lambda: exports.case_json(site, texts),
        "feed.xml": lambda: exports.feed_xml(site, plan),
        "timeline.json": lambda: exports.timeline_json(site, plan, texts),
        **{feed_path(t.topic.id): functools.partial(exports.topic_feed_xml, site, t, plan) for t in site.topics},
        "sitemap.xml": lambda: exports.sitemap_xml(site, plan.pages),
        "robots.txt": lambda: exports.robots_txt(site),
        "_headers": lambda: headers.headers_file(urlsplit(site.base_url).path or "/"),
    }


class ItemTexts:
    """The items' texts in case.json and timeline.json (:mod:`exports`), kept in ``memo`` and, between two runs
    of `build`, in the cache on disk, a run of items at a time (12,000 look-ups at 4,000 events cost more than
    making the few texts an edit changes): under a digest of ``scope`` (everything besides the items that a text
    may show: see :func:`_scope`), the kind of text, and each item's strand, ``extra`` and model."""

    def __init__(self, memo: Memo, disk: DiskCache, scope: str) -> None:
        self.memo, self.disk, self.scope = memo, disk, scope

    def texts(self, kind: str, items: list[V], make: Callable[[V], str], extra: Callable[[V], object] | None = None,
              key: Callable[[V], object] | None = None) -> list[str]:
        """One text per run of ``items`` (see :func:`runs`): the join of its items' texts, from the cache on disk
        when the run's items are as they were, else made (by ``memo``) and kept for the next build."""
        parts: list[str] = []
        digests: list[str] = []  # of the items' models: where the runs end
        for item in items:
            obj = key(item) if key else item
            topic = getattr(obj, "topic", None)  # an item moved to another strand's file shows that strand
            digests.append(self.disk.model_digest(getattr(obj, "model", obj)))
            parts.append(f"{topic.id if topic is not None else ''}\x01{extra(item) if extra else None!r}\x01{digests[-1]}")
        out = []
        for start, end in runs(digests, RUN_LONGEST):
            address = digest("\x00".join([self.scope, kind, *parts[start:end]]).encode("utf-8"))
            text = self.disk.text(address)
            if text is None:
                text = ",".join(self.memo.texts(kind, items[start:end], make, extra, key))
                self.disk.remember_text(address, text)
            out.append(text)
        return out


RUN_END = "00"  # a run of items ends after one whose model's digest ends so: 1 in 256
RUN_LONGEST = 1024  # and after this many items


def runs(digests: list[str], longest: int) -> list[tuple[int, int]]:
    """Where ``digests`` (of items' models, in a list's order) split into runs (start, end): after each item whose
    digest ends with RUN_END, and at most ``longest`` long. Chosen by the items, not their positions, so that an
    item added or removed changes the run it is in, not every run after it."""
    bounds, start = [], 0
    for i, value in enumerate(digests):
        if value.endswith(RUN_END) or i + 1 - start == longest:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(digests):
        bounds.append((start, len(digests)))
    return bounds


class JsonLd(dict[str, str]):
    """Each page's JSON-LD, made when first asked for: a rebuild that reuses a page never needs its own."""

    def __init__(self, site: Site, pages: list[Page]) -> None:
        super().__init__()
        self.site = site
        self.by_path = {page.path: page for page in pages}

    def __missing__(self, path: str) -> str:
        value = self[path] = exports.jsonld(self.site, self.by_path[path])
        return value


def _scope(content: Content, options: BuildOptions, plan: Plan, templates: Fingerprint) -> str:
    """A digest of everything a stored fragment may show besides its own items: the code, the case,
    people, sources and key points files, the drafts and search options (search adds a page to every
    page's navigation), every template's bytes, where each source is listed."""
    parts = [code_fingerprint(), content.case.model.model_dump_json(), content.people.model.model_dump_json(),
             content.sources.model.model_dump_json(), str(options.drafts), str(options.base_url), str(options.search),
             content.key_points.model.model_dump_json() if content.key_points else "",
             json.dumps(sorted(plan.sources.items())), *library_versions()]
    for name, _, _ in templates:  # the template files templates_fingerprint found, in its order
        parts += [name, digest(Path(name).read_bytes())]
    return digest("\x00".join(parts).encode("utf-8"))


@functools.cache
def library_versions() -> tuple[str, ...]:
    """The versions of the libraries that turn content into HTML (a new one may render differently)."""
    import importlib.metadata  # here: 50 ms to import, and only a build with a cache needs it

    return tuple(f"{name} {importlib.metadata.version(name)}" for name in ("jinja2", "markupsafe", "markdown-it-py"))


def _static_files(dirs: list[Path], project: Path, shown: Path) -> dict[str, bytes]:
    """templates/static/** → static/**; a project's file overrides the default theme's.

    Every file in each templates folder (static or template, hidden files aside) must be a regular
    file inside the folder that holds the templates folder: the project, or the package for the
    default theme. ContentErrors lists every file that is not, a file of ``project`` named as
    ``shown`` (the project folder as the user gave it) plus its path in the project.
    """
    files: dict[str, bytes] = {}
    problems: list[Problem] = []

    def refused(path: Path, exc: Refused) -> None:
        name = shown / path.relative_to(project) if path.is_relative_to(project) else path
        problems.append(Problem(str(name), 0, "", str(exc)))

    for folder in reversed(dirs):
        static = folder / "static"
        for top in (folder, static):  # static/ apart: it may be a link of its own, which rglob does not enter
            try:
                if not top.is_dir():
                    continue
                inside(top, folder.parent)  # a folder linked out of the project: one problem, not one per file
            except Refused as exc:
                refused(top, exc)
                continue
            for path in sorted(top.rglob("*")):
                if path.name.startswith(".") or path.is_dir() or (top == folder and path.is_relative_to(static)):
                    continue
                try:
                    if top == static:
                        files["static/" + path.relative_to(static).as_posix()] = read_file(path, folder.parent)
                    else:
                        check_file(path, folder.parent)  # templates are read when used, by the same rule
                except FileNotFoundError:  # a dangling link inside the project: there is nothing to read
                    continue
                except Refused as exc:
                    refused(path, exc)
    if problems:
        raise ContentErrors(problems)
    return files


def build(options: BuildOptions, parsed: Prefetch | None = None, keep: list[object] | None = None) -> BuildResult:
    """Build the site into ``options.out``. ``parsed``: the content files being parsed in another process
    (content.prefetch), which this build ends whatever happens. ``keep``: a list to hold the build's big objects
    (content, views, plan, output bytes) instead of freeing them on return, for a caller that ends the process
    right after (cli.script): Python frees a big build's heap object by object (≈ 0.1 s at 4,000 events), the
    operating system in one go."""
    # The collector paused for the whole build (hundreds of thousands of small objects, none in a cycle): paused
    # stage by stage, it scanned every object the last stage had made as soon as the next one began (0.1 s at 4,000
    # events after a one-event edit).
    with gc_paused():
        return _build(options, parsed, keep)


def _build(options: BuildOptions, parsed: Prefetch | None, keep: list[object] | None) -> BuildResult:
    try:
        clean_stale(options.out)  # first, so a previous output a killed build moved aside is back even if this build fails
        project = options.content.resolve().parent
        disk = DiskCache.open(project) if options.cache and options.content.is_dir() else None
        session = Session(files=FileCache(disk)) if disk is not None else None
        content = load_content(options.content, session.files if session else None, parsed=parsed)
    finally:
        if parsed is not None:
            parsed.close()
    # Validation runs beside the views, plan and statements (a forked child, for a big site with render workers,
    # when the cache on disk holds no findings: after an edit it has most of them, and checking the rest costs
    # less than the fork); render_site waits for its verdict before any page renders or Pagefind starts.
    fork = options.workers > 1 and (disk is None or not disk.loaded["findings"])
    checking = Checking.start(content, session.validation if session else None, options.drafts,
                              session.files.disk if session else None, fork=fork)
    try:
        files = render_site(content, options, session, checking, keep)
        checking.wait()
    except Exception:
        checking.wait()  # content that fails validation may trip the views: its problems come first, as before
        raise
    finally:
        checking.close()
    # The files read back from the last output, named as in ``files`` (the writer need not read them again).
    read_back = {path.relative_to(options.out).as_posix(): ident for path, ident in disk.read_back.items()} if disk else None
    write_site(files, options.out, protect=[options.content, project, Path.cwd()], read_back=read_back)
    if disk is not None:
        disk.save()  # last: a failed build leaves the cache as it was
    pages = sum(1 for name in files if name.endswith(".html"))
    if keep is not None:
        keep += [content, session, disk, files]
    return BuildResult(pages, len(files), options.out, tuple(warnings(content, options.drafts)))


def warnings(content: Content, drafts: bool = False) -> list[Problem]:
    """What the editor should hear about though the site is sound: a 'Last updated' older than a source it shows."""
    stale = stale_update(content.case.model.updated, content.sources.model.sources, drafts)
    return [content.case.problem(("updated",), stale)] if stale else []
