"""The build, start to finish: load → validate → view → render → write.

In: a content folder and build options. Out: the site in the output
folder, or an error and the previous output untouched. Everything is read,
validated and rendered in memory first; writing is the last step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import exports, headers
from .errors import ContentErrors, OutputError
from .gcpause import gc_paused
from .load import Content, FileCache, load_content
from .pages import plan_pages
from .render import FragmentStore, make_environment, render_pages, template_dirs, templates_fingerprint
from .site import build_site
from .validate import ValidationCache, validate
from .write import clean_stale, write_site


@dataclass(frozen=True)
class BuildOptions:
    content: Path
    out: Path
    drafts: bool = False
    base_url: str | None = None
    workers: int = 1  # processes for rendering big sites; the CLI passes the number of cores


@dataclass
class Session:
    """What one project keeps between builds (the dev server's rebuilds): parsed
    files and rendered fragments, each reused only while its inputs are unchanged."""

    files: FileCache = field(default_factory=FileCache)
    fragments: FragmentStore = field(default_factory=FragmentStore)
    validation: ValidationCache = field(default_factory=ValidationCache)
    environment: tuple[Any, jinja2.Environment] | None = None  # (templates fingerprint, compiled environment)

    def env(self, dirs: list[Path], fingerprint: Any) -> jinja2.Environment:
        """The Jinja environment, compiled again only when a template changed."""
        if self.environment is None or self.environment[0] != fingerprint:
            self.environment = (fingerprint, make_environment(dirs))
        return self.environment[1]


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    out: Path


def load_valid(content_dir: Path, session: Session | None = None) -> Content:
    """Load and cross-check the content; ContentErrors lists every problem."""
    with gc_paused():
        return _load_valid(content_dir, session)


def _load_valid(content_dir: Path, session: Session | None) -> Content:
    content = load_content(content_dir, session.files if session else None)
    problems = validate(content, session.validation if session else None)
    if problems:
        raise ContentErrors(problems)
    return content


def render_site(content: Content, options: BuildOptions, session: Session | None = None) -> dict[str, bytes]:
    """Every output file of the site as bytes, keyed by its path in the output folder."""
    with gc_paused():
        return _render_site(content, options, session)


def _render_site(content: Content, options: BuildOptions, session: Session | None) -> dict[str, bytes]:
    site = build_site(content, drafts=options.drafts, base_url=options.base_url)
    pages = plan_pages(site)
    project = content.root.resolve().parent
    dirs = template_dirs(project)
    fingerprint = templates_fingerprint(dirs)
    env = session.env(dirs, fingerprint) if session else make_environment(dirs)
    store = session.fragments if session else FragmentStore()
    store.validate(content.case, content.people, content.sources, options.drafts, fingerprint)
    jsonld = {page.path: exports.jsonld(site, page) for page in pages}
    files = render_pages(site, pages, env, jsonld, options.workers, store)
    generated = {
        "case.json": exports.case_json(site),
        "feed.xml": exports.feed_xml(site),
        "sitemap.xml": exports.sitemap_xml(site, pages),
        "robots.txt": exports.robots_txt(site),
        "_headers": headers.headers_file(),
    }
    generated.update(_static_files(dirs))
    for path, data in generated.items():
        if path in files:
            raise OutputError(f"two outputs map to '{path}'")
        files[path] = data
    return files


def _static_files(dirs: list[Path]) -> dict[str, bytes]:
    """templates/static/** → static/**; a project's file overrides the default theme's."""
    files: dict[str, bytes] = {}
    for folder in reversed(dirs):
        static = folder / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                files["static/" + path.relative_to(static).as_posix()] = path.read_bytes()
    return files


def build(options: BuildOptions) -> BuildResult:
    clean_stale(options.out)  # first, so a previous output a killed build moved aside is back even if this build fails
    content = load_valid(options.content)
    files = render_site(content, options)
    write_site(files, options.out, protect=[options.content, options.content.resolve().parent, Path.cwd()])
    pages = sum(1 for name in files if name.endswith(".html"))
    return BuildResult(pages, len(files), options.out)
