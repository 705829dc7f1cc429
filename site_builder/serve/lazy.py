"""One rebuild's site, each file made when first asked for.

In: content that loaded and validated, the build options and the preview's
:class:`~site_builder.build.pipeline.Session`. Out: :class:`LazySite`, a
read-only mapping from output path to bytes with exactly the keys and
values :func:`~site_builder.build.pipeline.render_site` returns (tested
equal in tests/test_session.py), but whose pages and exports are rendered
on first access and then kept.

Why: after a save, the browser needs one page — the one open — and the
rebuild of a 4,000-event case spent a third of its time checking and
rendering the other 1,135 pages and making case.json, timeline.json, the
feeds and the sitemap. Here the rebuild loads, validates, builds the views
and plans the pages; the rest is made on request (and, after the browser has
reloaded, in the background by :meth:`LazySite.complete`, which also finds a
template error on a page nobody opened).

Every LazySite renders from its own content, views and plan, so a page of
an older rebuild, asked for after a newer one was published, is still that
older rebuild's whole page: never a mixture. The Session's caches are shared
between rebuilds (they key on the very model objects, so they stay correct);
a lock shared with the rebuilder makes one thing at a time use them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping

from ..build.pages import plan_pages
from ..build.pipeline import BuildOptions, JsonLd, Session, _static_files, export_makers, set_up
from ..build.render import _render, _reuse, template_dirs, templates_fingerprint
from ..build.site import build_site
from ..content.load import Content
from ..errors import OutputError
from ..gcpause import gc_paused

BATCH = 8  # pages rendered per turn of the lock while completing in the background: a request waits for at most these


class LazySite(Mapping[str, bytes]):
    """Every output file of one rebuild (path -> bytes), each made when first read."""

    def __init__(self, content: Content, options: BuildOptions, session: Session, lock: threading.RLock) -> None:
        """Plans the site (the part of a build every page depends on); raises what render_site raises before rendering."""
        assert not options.search, "a lazy site has no search index: serve builds without search"
        project = content.root.resolve().parent
        dirs = template_dirs(project)
        static = _static_files(dirs, project, content.root.parent)  # first, as render_site: refuses links out of the project
        self._session = session
        self._lock = lock
        memo = session.views
        site = build_site(content, drafts=options.drafts, base_url=options.base_url, memo=memo)
        site.search = False
        plan = plan_pages(site, session.plans)
        fingerprint = templates_fingerprint(dirs)
        self._site, self._plan = site, plan
        self._env = session.env(dirs, fingerprint)
        self._content, self._options, self._fingerprint = content, options, fingerprint  # for set_up, as render_site's
        self._jsonld = JsonLd(site, plan.pages)
        self._pages = {page.path: page for page in plan.pages}
        self._exports = export_makers(site, plan, memo)
        for path in [*self._exports, *static]:  # as render_site: one name, one output
            if path in self._pages or (path in static and path in self._exports):
                raise OutputError(f"two outputs map to '{path}'")
        self._names = [*self._pages, *self._exports, *static]  # render_site's order: pages, exports, static files
        self._made: dict[str, bytes] = dict(static)

    def __getitem__(self, name: str) -> bytes:
        data = self._made.get(name)
        if data is not None:
            return data
        if name not in self._pages and name not in self._exports:
            raise KeyError(name)
        with self._lock, gc_paused():
            if name not in self._made:
                self._make([name])
            return self._made[name]

    def __contains__(self, name: object) -> bool:
        return name in self._made or name in self._pages or name in self._exports

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def done(self) -> bool:
        """Whether every file has been made."""
        return len(self._made) == len(self._names)

    def complete(self, go_on: Callable[[], bool] = lambda: True) -> bool:
        """Make every file not made yet, a few at a time (requests are answered in between), while ``go_on()``;
        True once all are made. Raises what rendering raises (a template error on some page)."""
        missing = [name for name in self._names if name not in self._made]
        for at in range(0, len(missing), BATCH):
            if not go_on():
                return False
            with self._lock, gc_paused():
                self._make([name for name in missing[at:at + BATCH] if name not in self._made])
        return True

    def _make(self, names: list[str]) -> None:
        """Render the pages and make the exports among ``names`` (the lock held)."""
        for name in names:
            if name in self._exports:
                self._made[name] = self._exports[name]()
        pages = [self._pages[name] for name in names if name in self._pages]
        if not pages:
            return
        store, env = self._session.fragments, self._env
        # The store and environment are the Session's, shared with other rebuilds: set them to this one's, as render_site does.
        set_up(store, env, self._content, self._options, self._fingerprint, self._plan)
        store.start(None, "")
        reused, todo = _reuse(pages, self._jsonld, store)  # pages whose items are unchanged since an earlier rebuild
        self._made.update(reused)
        self._made.update(_render(self._site, todo, env, self._jsonld, store))
