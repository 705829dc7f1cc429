"""Rebuild the site in memory through the normal build, and keep the last good one.

In: :class:`~site_builder.build.pipeline.BuildOptions`. Out: a :class:`Preview` — the
whole site as a mapping of path to bytes (a :class:`~.lazy.LazySite`, equal to what
``render_site`` returns, exactly what ``build`` writes) plus, when the latest
rebuild failed, the error text the terminal shows.

A rebuild loads, validates and plans everything before the new site replaces
the old one in a single assignment, so a request sees either the previous
site or the next, never a mixture; nothing is written to disk. Every
rebuild is a whole build — every page lists or counts items from all content
files (timeline, people, sources, the feed) — but through one build
:class:`~site_builder.build.pipeline.Session`, which skips re-parsing unchanged files
and reuses rendered statements whose inputs did not change (tested equal to
fresh builds in test_session.py). The server's rebuilds are lazy: a page is
rendered when the browser asks for it, the rest by :meth:`Rebuilder.complete`
once the browser has reloaded; a page of a rebuild is always rendered from
that rebuild's own content. Rendering stays in this process (``workers=1``):
forking worker processes from a process that runs server threads is not safe.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..build.pipeline import BuildOptions, Session, load_valid
from ..errors import ContentErrors, SiteBuilderError
from ..gcpause import gc_paused
from ..articles.sourcetext import SourceFileError, SourcePaths
from ..content.load import Content
from ..build.render import default_templates
from .lazy import LazySite
from .watch import WatchSet, folders_of


@dataclass(frozen=True)
class Preview:
    """What the server shows: the last good site and, if the latest rebuild failed, why."""

    files: Mapping[str, bytes]  # empty until a rebuild succeeds
    error: str | None
    generation: int  # 1 after the first rebuild, +1 per rebuild


@dataclass(frozen=True)
class Outcome:
    """One rebuild, for the status line."""

    generation: int
    error: str | None
    seconds: float
    pages: int
    changed: tuple[Path, ...] = field(default=())


def describe(exc: BaseException) -> str:
    """The text the CLI prints for a failed build (cli.main formats errors the same way)."""
    if isinstance(exc, ContentErrors):
        return exc.report()
    if isinstance(exc, SiteBuilderError):
        return f"error: {exc}"
    # A bug, not bad input: still keep the server up, and show where it happened.
    return "internal error (please report it):\n" + "".join(traceback.format_exception(exc)).rstrip()


def cited_files(content: Content, resolved: Mapping[str, Path] | None = None) -> tuple[Path, ...]:
    """The source files the content cites (validation reads them, so they are inputs). ``resolved``: the
    ``file:`` values validation resolved in this build (ValidationCache.files), not resolved a second time."""
    paths = SourcePaths(content.root)  # each folder resolved once: 400 sources, one folder
    known = resolved or {}
    # Sorted as text: the same order from one rebuild to the next (comparing 400 Paths costs 2 ms, their text 0.1).
    return tuple(sorted({known.get(s.file) or _real(paths, content.root, s.file) for s in content.sources.model.sources if s.file}, key=str))


def _real(paths: SourcePaths, root: Path, file: str) -> Path:
    try:
        return paths.resolve(file)
    except SourceFileError:  # (validation reports it) still watched where it leads
        return (root / file).resolve()


class Rebuilder:
    """Runs rebuilds one at a time and publishes each result as a new :class:`Preview`."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.session = Session()
        self._preview = Preview({}, None, 0)
        self._good: Mapping[str, bytes] = {}  # the last site whose every file was made without an error
        self._cited: tuple[Path, ...] = ()
        self._published = threading.Condition()
        # Held while a rebuild runs and while a page is made: both use the Session's caches and Jinja environment.
        self._lock = threading.RLock()

    @property
    def preview(self) -> Preview:
        return self._preview

    def rebuild(self, changed: Iterable[Path] = (), lazy: bool = False) -> Outcome:
        """Load, validate and plan the site, and publish it. ``lazy``: pages and exports are made when first
        requested (or by :meth:`complete`); else all are made before publishing, as `build` would."""
        start = time.perf_counter()
        files: LazySite | None = None
        error = None
        with self._lock, gc_paused():  # (as render_site: the collector re-scanning the caches' heap doubled a rebuild)
            try:
                content = load_valid(self.options.content, self.session, self.options.drafts)
                self._cited = cited_files(content, self.session.validation.files)
                files = LazySite(content, self.options, self.session, self._lock)
                if not lazy:
                    files.complete()
            except Exception as exc:  # noqa: BLE001 - a dev server reports every failure and stays up
                error = describe(exc)
                files = None
            seconds = time.perf_counter() - start
            with self._published:
                old = self._preview
                self._preview = Preview(old.files if files is None else files, error, old.generation + 1)
                if files is not None and files.done:
                    self._good = files
                self._published.notify_all()
        pages = sum(1 for name in self._preview.files if name.endswith(".html"))
        return Outcome(self._preview.generation, error, seconds, pages, tuple(sorted(changed)))

    def complete(self, generation: int, go_on: Callable[[], bool] = lambda: True) -> Outcome | None:
        """Make the files of rebuild ``generation`` nobody has asked for yet, while it is the current one and
        ``go_on()``. If one fails (a template error on a page not opened), publish the last complete site with
        the error, as a failed rebuild would, and return that outcome; else None."""
        preview = self._preview
        if preview.generation != generation or preview.error is not None or not isinstance(preview.files, LazySite):
            return None
        start = time.perf_counter()
        try:
            finished = preview.files.complete(lambda: go_on() and self._preview.generation == generation)
        except Exception as exc:  # noqa: BLE001 - as rebuild: reported, the server stays up
            with self._published:
                if self._preview.generation != generation:
                    return None  # a newer rebuild is out already: it says what is wrong, if anything
                self._preview = Preview(self._good, describe(exc), generation + 1)
                self._published.notify_all()
            pages = sum(1 for name in self._good if name.endswith(".html"))
            return Outcome(generation + 1, self._preview.error, time.perf_counter() - start, pages)
        if finished:
            with self._published:
                if self._preview.generation == generation:
                    self._good = preview.files
        return None

    def wait_for(self, generation: int, timeout: float) -> Preview:
        """The preview once rebuild number ``generation`` is published (TimeoutError after ``timeout`` s)."""
        with self._published:
            if not self._published.wait_for(lambda: self._preview.generation >= generation, timeout):
                raise TimeoutError(f"rebuild {generation} not done after {timeout} s")
            return self._preview

    def watch_set(self) -> WatchSet:
        """Everything a build reads: content, templates (project and default theme), seeds, cited files."""
        content = self.options.content.resolve()
        project = content.parent
        folders = folders_of([content, project / "templates", default_templates(), project / "seeds"])
        within = tuple(os.path.join(d, "") for d in folders)  # as text: 400 files' is_relative_to cost 6 ms after every save
        files = tuple(f for f in self._cited if not str(f).startswith(within))
        return WatchSet(folders, files)
