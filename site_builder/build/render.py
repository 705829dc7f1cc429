"""Render pages with Jinja.

In: a :class:`~site_builder.build.site.Site` and its planned pages. Out: the bytes
of every HTML page. Templates come from the project's ``templates/`` folder
when it has one (file by file), else from the default theme shipped with
the package. Autoescape and StrictUndefined are always on; Markdown is
rendered with raw HTML and images disabled, so content cannot inject markup
or make the browser fetch from another host.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import traceback
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from markupsafe import Markup

from . import pages as routes
from .bytecode import SignedBytecodeCache
from ..content.cache import DiskCache
from ..errors import RenderError
from ..files import Refused, digest, read_file
from .markup import markdown
from .headers import CSP, csp
from .layouts import Layout, python_layouts, source_sha256
from .pages import Page
from .paging import FILTER_PEOPLE
from ..content.quotemarks import for_quotation
from .site import CLAIM_LABELS, Site
from .statements import MACROS_SHA256, Statements, display_date

@lru_cache(maxsize=4096)
def default_templates() -> Path:
    """The theme shipped with the package (inside a wheel), or the repo's templates/ (source checkout)."""
    package = Path(__file__).parent.parent  # site_builder/
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parent / "templates"


def template_dirs(project: Path) -> list[Path]:
    """Project templates first (they override file by file), then the default theme."""
    dirs = [project / "templates", default_templates()]
    unique: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique


Fingerprint = tuple[tuple[str, int, int], ...]  # (path, size, mtime in ns) per template file


def templates_fingerprint(dirs: list[Path]) -> Fingerprint:
    """Name, size and mtime of every template file: changes whenever a template does."""
    files = sorted(p for d in dirs for p in d.rglob("*") if p.is_file())
    return tuple((str(p), (st := p.stat()).st_size, st.st_mtime_ns) for p in files)


class ThemeLoader(jinja2.BaseLoader):
    """Templates from ``dirs``, the first that has the name winning (as Jinja's FileSystemLoader),
    but read by the build's one rule for files (:func:`~site_builder.files.read_file`): a template,
    also one pulled in by ``{% include %}`` or ``{% extends %}``, must be a regular file inside the
    folder that holds its templates folder (the project; for the default theme, the package)."""

    def __init__(self, dirs: list[Path]) -> None:
        self.dirs = dirs

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..' in a name, as FileSystemLoader does
        for folder in self.dirs:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            try:
                raw = read_file(path, folder.parent)
                mtime = path.stat().st_mtime_ns
            except FileNotFoundError:  # a dangling link inside the project: as if absent
                continue
            except Refused as exc:
                raise RenderError(f"{path}: {exc}") from None
            return raw.decode("utf-8"), str(path), partial(_unchanged, path, mtime)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path, mtime: int) -> bool:
    """Jinja's auto-reload check: is the template file as it was when loaded?"""
    try:
        return path.stat().st_mtime_ns == mtime
    except OSError:
        return False


def make_environment(dirs: list[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=ThemeLoader(dirs),
        bytecode_cache=SignedBytecodeCache.open(),  # compiled once per machine, not once per build (≈0.1 s)
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown
    env.filters["date"] = display_date
    env.filters["quotation"] = for_quotation
    env.globals.update(
        person_path=routes.person_path,
        topic_path=routes.topic_path,
        SOURCES_PATH=routes.SOURCES_PATH,
        PEOPLE_PATH=routes.PEOPLE_PATH,
        FILTER_PEOPLE=FILTER_PEOPLE,
        # Replaced per build by the plan's (build._render_site): a small site keeps every item on its first page.
        source_path=lambda source_id: routes.SOURCES_PATH,
        item_path=lambda topic_id, anchor: routes.topic_path(topic_id),
        TIMELINE_PATH=routes.TIMELINE_PATH,
        SEARCH_PATH=routes.SEARCH_PATH,
        EMBED_PATH=routes.EMBED_PATH,
        feed_path=routes.feed_path,
        CLAIM_LABELS=CLAIM_LABELS,
        CSP=CSP,
        csp=csp,
    )
    return env


ROOT_MARK = "\x00root\x00"  # NUL never survives loading (yamlload rejects it), so it cannot clash with content


class FragmentStore:
    """Rendered statement fragments, kept between builds while their inputs stay the same.

    A fragment depends on its item (the model object, which an unchanged file
    keeps across builds), on case.yaml, people.yaml and sources.yaml (titles,
    names, publishers), on the drafts option and on the templates. ``validate``
    empties the store whenever any of those but the item changed.
    """

    def __init__(self) -> None:
        self.inputs: tuple[Any, ...] = ()
        # key -> ((model, *deps), html, its address in the cache on disk or "")
        self.html: dict[tuple[Any, ...], tuple[tuple[Any, ...], str, str]] = {}
        self.pages: dict[str, tuple[tuple[Any, ...], tuple[Any, ...], bytes]] = {}  # path -> (models, summary, bytes)
        # The pages a view's fragment links into (pages.Plan.links), set per build: part of a fragment's key.
        self.links: Callable[[Any], tuple[str, ...]] = lambda view: ()
        # Fragments of earlier runs (`build`), by a digest of ``scope`` (everything but the item that a fragment
        # may show: see build._scope) and of the item's own models; set per build.
        self.disk: DiskCache | None = None
        self.scope = ""
        self.previous: Path | None = None

    def start(self, disk: DiskCache | None, scope: str, previous: Path | None = None) -> None:
        """Begin a build that reads and adds to ``disk`` (None: no cache on disk); ``previous``: the last
        build's output, from which a page whose inputs are unchanged is read back instead of rendered."""
        self.disk, self.scope, self.previous = disk, scope, previous

    def page_key(self, page: Page, jsonld: str) -> str:
        """The content address of a page that shows only ``page.deps`` besides what ``scope`` covers: its
        path, template, pager and JSON-LD (title, description, address) and a digest of each model it shows."""
        assert page.deps is not None and self.disk is not None
        pager = page.context.get("pager")
        parts = [self.scope, page.path, page.template, jsonld, repr(pager), repr(page.summary), *map(self.disk.model_digest, page.deps)]
        return digest("\x00".join(parts).encode("utf-8"))

    def disk_key(self, name: str, models: tuple[Any, ...], args: tuple[Any, ...], links: tuple[str, ...]) -> str:
        """The content address of a fragment: what it is, its arguments, every model it shows, the pages it links to."""
        assert self.disk is not None  # only a build with a cache on disk addresses its entries
        parts = [self.scope, name, repr(args), *links, *map(self.disk.model_digest, models)]
        return digest("\x00".join(parts).encode("utf-8"))

    def validate(self, *inputs: object) -> None:
        same = len(inputs) == len(self.inputs) and all(a is b or a == b for a, b in zip(inputs, self.inputs))
        if not same:
            self.html.clear()
            self.pages.clear()
            self.inputs = inputs

    def page(self, page: Page) -> bytes | None:
        hit = self.pages.get(page.path)
        if hit is None or page.deps is None or len(hit[0]) != len(page.deps) or hit[1] != page.summary:
            return None
        return hit[2] if all(a is b for a, b in zip(hit[0], page.deps)) else None


class Fragments:
    """Render each statement's macro once and reuse it on every page that lists it.

    An event appears on the timeline, its strand's page and each involved
    person's page; rendering it once with a placeholder for the relative root
    and substituting per page avoids most of the template work.
    """

    def __init__(self, env: jinja2.Environment, store: FragmentStore) -> None:
        self.env = env
        self.store = store
        self.module: jinja2.environment.TemplateModule | None = None
        self.python: dict[str, Callable[..., str]] | None = None  # the statement macros as Python, if they apply
        self.once: dict[str, str] = {}
        self.used: list[str] = []  # addresses in the cache on disk of the fragments of the page being rendered
        # Per view, within this build (one plan, so one set of links): (view, html, address); the view is kept
        # with it, so its id is not reused while the entry stands.
        self.seen: dict[tuple[str, int, tuple[Any, ...]], tuple[Any, str, str]] = {}

    def _macro(self, name: str) -> Callable[..., str]:
        if self.python is None:
            self.python = python_statements(self.env)
        if name in self.python:
            return self.python[name]
        if self.module is None:
            self.module = self.env.get_template("_macros.html").make_module({"root": ROOT_MARK})
        macro: Callable[..., str] = getattr(self.module, name)  # a jinja2.runtime.Macro
        return macro

    def statements(self) -> bool:
        """Whether the statements render through the default theme's Python renderers (python_statements)."""
        if self.python is None:
            self.python = python_statements(self.env)
        return bool(self.python)

    def __call__(self, name: str, item: Any, *args: Any, root: str) -> Markup:
        """The macro ``name`` for a view with a ``.model`` (and, optionally, ``.deps``: other models it shows)."""
        return Markup(self._html(name, item, args).replace(ROOT_MARK, root))

    def many(self, name: str, items: Any, *args: Any, root: str) -> Markup:
        """The macro ``name`` for each of ``items``, each followed by a line break: what a template's
        ``{% for i in items %}{{ fragment(name, i, ...) }}`` line gives, without a template call per item."""
        html = "".join([self._html(name, item, args) + "\n" for item in items])
        return Markup(html.replace(ROOT_MARK, root))

    def _html(self, name: str, item: Any, args: tuple[Any, ...]) -> str:
        """The fragment of ``item``, with :data:`ROOT_MARK` for the page's root: kept in the store, else read
        from the cache on disk, else rendered (and remembered in both)."""
        seen = self.seen.get((name, id(item), args))
        if seen is not None and seen[0] is item:  # this view again, in this build: the same fragment (its links too)
            if seen[2]:
                self.used.append(seen[2])
            return seen[1]
        model = item.model
        deps = getattr(item, "deps", ())
        links = self.store.links(item)
        key = (name, id(model), args, links)
        hit = self.store.html.get(key)
        # The stored model keeps its id from being reused; deps must be the very same objects too.
        if hit is not None and hit[0][0] is model and len(hit[0]) == len(deps) + 1 and all(a is b for a, b in zip(hit[0][1:], deps)):
            html, address = hit[1], hit[2]
        else:
            disk = self.store.disk
            address = self.store.disk_key(name, (model, *deps), args, links) if disk is not None else ""
            found = disk.fragment(address) if disk is not None else None
            html = found if found is not None else str(self._macro(name)(item, *args))
            if disk is not None and found is None:
                disk.remember_fragment(address, html)
            self.store.html[key] = ((model, *deps), html, address)
        if address:
            self.used.append(address)
        self.seen[(name, id(item), args)] = (item, html, address)
        return html

    def shared(self, name: str, *args: Any, root: str) -> Markup:
        """A macro whose output is the same on every page of this build (up to ``root``)."""
        html = self.once.get(name)
        if html is None:
            html = self.once[name] = str(self._macro(name)(*args))
        return Markup(html.replace(ROOT_MARK, root))


def python_statements(env: jinja2.Environment) -> dict[str, Callable[..., str]]:
    """The statement macros as plain Python functions (:mod:`statements`) when the ``_macros.html`` in effect is
    the one they reproduce, else none (a project's own macros, or an edited theme, render through Jinja)."""
    if source_sha256(env, "_macros.html") != MACROS_SHA256:
        return {}
    return Statements(env, ROOT_MARK).renderers


PARALLEL_MIN_PAGES = 400  # below this many pages to render, starting worker processes costs more than it saves


def render_pages(
    site: Site,
    pages: list[Page],
    env: jinja2.Environment,
    jsonld: dict[str, str],
    workers: int = 1,
    store: FragmentStore | None = None,
    meanwhile: Callable[[], None] = lambda: None,
    checked: Callable[[], None] = lambda: None,
    ready: Callable[[], bool] = lambda: True,
) -> dict[str, bytes]:
    """Every page's bytes: reused (kept in ``store``, or read back from the last output when the cache on disk
    vouches for them) or rendered; with ``workers`` > 1 and many pages to render, those split across forked
    processes. ``meanwhile``: other work of the build, run in this process while the workers render (else after);
    ``checked``: returns once the content is known valid (raises otherwise), called before any page renders;
    ``ready``: whether ``checked`` would return at once (if not, ``meanwhile`` runs while the verdict comes)."""
    store = store or FragmentStore()
    reused, todo = _reuse(pages, jsonld, store)  # here, once: a worker would only send the bytes back through a pipe
    if workers > 1 and len(todo) >= PARALLEL_MIN_PAGES and "fork" in mp.get_all_start_methods():
        # Forked workers inherit the site, environment and pages without pickling;
        # only the rendered bytes travel back. Slices interleave to balance the load.
        _compile(env, [page for page, _ in todo])  # once, here, rather than once in every worker
        _statements(site, env, store)  # once, here: nearly every statement is on pages of every worker
        if not ready():  # validation (another process) not done yet: the other work now, rather than waiting idle
            meanwhile()
            meanwhile = lambda: None  # noqa: E731
        checked()
        if store.disk is not None:
            store.disk.fork()
        job = (site, todo, env, jsonld, store)
        with mp.get_context("fork").Pool(workers, initializer=_set_job, initargs=(job,)) as pool:
            pending = pool.starmap_async(_render_slice, [(i, workers) for i in range(workers)])
            meanwhile()
            parts = pending.get()
        rendered = {path: data for part, _ in parts for path, data in part}
        if store.disk is not None:  # what the workers used of the cache on disk, and added
            for _, found in parts:
                store.disk.merge(found)
    else:
        checked()
        rendered = _render(site, todo, env, jsonld, store)
        meanwhile()
    return {page.path: reused[page.path] if page.path in reused else rendered[page.path] for page in pages}


# Pages to render, each with its address in the cache on disk ("" when none; None: not made yet, which
# a cold build leaves to the render workers, who share that work instead of waiting for this process).
Todo = list[tuple[Page, str | None]]


def _reuse(pages: list[Page], jsonld: dict[str, str], store: FragmentStore) -> tuple[dict[str, bytes], Todo]:
    """The pages whose bytes need no rendering (path -> bytes), and the others with their addresses."""
    reused: dict[str, bytes] = {}
    todo: Todo = []
    for page in pages:
        hit = store.page(page)
        address: str | None = None
        if hit is None and store.previous is not None:
            address = _address(page, jsonld, store)
            if address:
                assert store.disk is not None
                hit = store.disk.page(address, store.previous / page.path)
        if hit is not None:
            reused[page.path] = hit
        else:
            todo.append((page, address))
    return reused, todo


def _statements(site: Site, env: jinja2.Environment, store: FragmentStore) -> None:
    """Render into ``store`` the fragment of every event, claim and quote, as the default theme's lists ask for
    them (an event at heading level 3): each is shown on its strand's page, the timeline and its people's pages,
    which the workers' slices spread over all workers. Only for the default theme's statements (python_statements):
    a project's own macros may ask for other fragments, and any that this guessed wrong are rendered where used."""
    fragments = Fragments(env, store)
    if not fragments.statements():
        return
    calls: list[tuple[str, Any, tuple[Any, ...]]] = [("event", e, (3,)) for e in site.events]
    calls += [(name, item, ()) for t in site.topics for name, items in (("claim", t.claims), ("quote", t.quotes)) for item in items]
    for name, item, args in calls:
        try:
            fragments(name, item, *args, root=ROOT_MARK)
        except Exception:  # noqa: BLE001 - a fragment that cannot render fails the page that shows it, with its page
            continue


def _address(page: Page, jsonld: dict[str, str], store: FragmentStore) -> str:
    """Where the cache on disk records ``page`` ("" when there is no cache, or the page shows more than its deps)."""
    return store.page_key(page, jsonld[page.path]) if store.disk is not None and page.deps is not None else ""


def _compile(env: jinja2.Environment, pages: list[Page]) -> None:
    """Load (parse and compile) the templates the pages use, and those the default theme's pull in, into ``env``'s
    cache. A template that cannot be loaded is left for the render, which reports it with the page it was for."""
    for name in dict.fromkeys([*(page.template for page in pages), "base.html", "_macros.html"]):
        try:
            env.get_template(name)
        except Exception:  # noqa: BLE001 - reported by _render, with its page
            continue


Job = tuple[Site, Todo, jinja2.Environment, dict[str, str], FragmentStore]
_job: Job | None = None  # set only inside worker processes


def _set_job(job: Job) -> None:
    global _job
    _job = job


def _render_slice(index: int, step: int) -> tuple[list[tuple[str, bytes]], dict[str, tuple[dict[str, Any], list[str]]]]:
    """One worker's pages, and what it used of the cache on disk (DiskCache.found)."""
    assert _job is not None
    site, todo, env, jsonld, store = _job
    rendered = list(_render(site, todo[index::step], env, jsonld, store).items())
    return rendered, (store.disk.found() if store.disk is not None else {})


def _render(site: Site, todo: Todo, env: jinja2.Environment, jsonld: dict[str, str], store: FragmentStore) -> dict[str, bytes]:
    """Render ``todo``'s pages (see :func:`_reuse`), recording each in ``store`` and, at its address, in the cache on disk."""
    root_404 = site.base_url.split("://", 1)[-1].partition("/")[2]
    fragments = Fragments(env, store)
    env.globals["fragment"] = fragments
    env.globals["fragments"] = fragments.many
    env.globals["shared"] = fragments.shared
    layouts = python_layouts(env, fragments, ROOT_MARK)
    out: dict[str, bytes] = {}
    for page, known in todo:
        address = _address(page, jsonld, store) if known is None else known
        root = "/" + root_404 if page.path == "404.html" else "../" * page.depth
        fragments.used = []
        html = _python_page(layouts.get(page.template), site, page, root, jsonld[page.path], fragments)
        try:
            if html is None:
                template = env.get_template(page.template)
                html = template.render(site=site, page=page, root=root, jsonld=jsonld[page.path], **page.context)
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise RenderError(f"template '{exc.name}' not found (rendering {page.path})") from None
        except RenderError as exc:  # a template the loader refused (a link out of the project, a FIFO)
            raise RenderError(f"{exc} (rendering {page.path})") from None
        except Exception as exc:  # a runtime error inside a template: name the template line
            raise RenderError(f"{_template_location(exc, page)}: {type(exc).__name__}: {exc} (rendering {page.path})") from None
        out[page.path] = html.encode("utf-8")
        if page.deps is not None:
            store.pages[page.path] = (page.deps, page.summary, out[page.path])
        if address:
            assert store.disk is not None
            store.disk.remember_page(address, out[page.path], list(dict.fromkeys(fragments.used)))
    return out


def _python_page(layout: Layout | None, site: Site, page: Page, root: str, jsonld: str, fragments: Fragments) -> str | None:
    """The page rendered by its template's Python twin (layouts.py), or None: there is none for this template, or
    it failed, and Jinja renders the page instead (so a problem is reported as the template would report it)."""
    if layout is None:
        return None
    try:
        return layout(site, page, root, jsonld)
    except Exception:  # noqa: BLE001 - Jinja renders it again, and names the template line that fails
        fragments.used = []
        return None


def _template_location(exc: BaseException, page: Page) -> str:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".j2")):
            return f"{frame.filename}:{frame.lineno}"
    return page.template


def json_script(data: Any) -> Markup:
    """JSON safe to embed in <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
