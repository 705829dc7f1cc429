"""The default theme's layouts as Python (site_builder/build/layouts.py) render what the templates render."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest

from site_builder.build import pages as routes
from site_builder.build.layouts import PAGE_SHA256, SHELL_SHA256, Layouts, python_layouts
from site_builder.build.pages import Page, plan_pages
from site_builder.build.pipeline import load_valid
from site_builder.build.render import ROOT_MARK, FragmentStore, Fragments, default_templates, make_environment, template_dirs
from site_builder.build.site import build_site

from .conftest import ROOT, SITES, snapshot

HOSTILE = Path(__file__).resolve().parent / "hostile"
CONTENTS = [ROOT / "content", SITES / "minimal" / "content", HOSTILE / "markup" / "content"]
PORTED = ["people.html", "person.html", "sources.html", "timeline.html", "topic.html"]


def test_the_port_is_of_the_shipped_templates() -> None:
    """When base.html, _macros.html or a page template ported to Python changes, layouts.py must follow it (then
    its SHA-256 there is updated); until then those pages render through Jinja, correct but slower."""
    for name, expected in {**SHELL_SHA256, **PAGE_SHA256}.items():
        shipped = hashlib.sha256((default_templates() / name).read_bytes()).hexdigest()
        assert shipped == expected, f"templates/{name} changed: port the change to site_builder/build/layouts.py"


def test_the_default_theme_renders_its_page_templates_in_python() -> None:
    env = make_environment(template_dirs(ROOT))
    assert sorted(python_layouts(env, Fragments(env, FragmentStore()), ROOT_MARK)) == PORTED


@pytest.mark.parametrize("name", ["base.html", "_macros.html", *PORTED])
def test_a_project_with_its_own_template_renders_it_with_jinja(tmp_path: Path, name: str) -> None:
    """A project's own copy of a template, byte for byte the theme's, keeps the Python layouts; any change to it
    sends its pages (every page, for base.html and _macros.html) through Jinja."""
    (tmp_path / "templates").mkdir()
    shutil.copy(default_templates() / name, tmp_path / "templates" / name)
    env = make_environment(template_dirs(tmp_path))
    assert sorted(python_layouts(env, Fragments(env, FragmentStore()), ROOT_MARK)) == PORTED  # the same bytes
    with open(tmp_path / "templates" / name, "a", encoding="utf-8") as f:
        f.write("\n")
    left = [] if name in ("base.html", "_macros.html") else [n for n in PORTED if n != name]
    assert sorted(python_layouts(env, Fragments(env, FragmentStore()), ROOT_MARK)) == left


@pytest.mark.parametrize("name, old, new, pages", [
    ("base.html", "Skip to main content", "Skip to the page", "**/*.html"),
    ("person.html", "in the full timeline</a>", "on the timeline</a>", "people/*/index.html"),
    ("topic.html", "Follow this strand (Atom feed)", "Follow this strand", "topics/*/index.html"),
    ("timeline.html", "Every event in order.", "All events.", "timeline/index.html"),
    ("sources.html", "Every source the site draws on", "All the sources", "sources/index.html"),
    ("people.html", "grouped by their part in the case", "grouped by role", "people/index.html"),
])
def test_a_project_template_change_shows_on_its_pages(project: Path, run, name: str, old: str, new: str,  # type: ignore[no-untyped-def]
                                                      pages: str) -> None:
    (project / "templates").mkdir()
    source = (default_templates() / name).read_text("utf-8")
    assert old in source
    (project / "templates" / name).write_text(source.replace(old, new), "utf-8")
    result = run("build", "--content", project / "content", "--out", project / "dist", "--no-search")
    assert result.code == 0, result.err
    shown = [path for path in sorted((project / "dist").glob(pages)) if path.name != "404.html" and "pagefind" not in path.parts]
    assert shown
    for path in shown:
        page = path.read_text("utf-8")
        assert new in page and old not in page, path


@pytest.mark.parametrize("paginated", [False, True])
@pytest.mark.parametrize("drafts, search", [(False, False), (True, True)])
@pytest.mark.parametrize("content", CONTENTS, ids=["example", "minimal", "markup"])
def test_python_and_jinja_render_every_page_alike(content: Path, drafts: bool, search: bool, paginated: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page of a ported template of the example, the minimal site and the hostile markup site (markup and
    quotes in every text field), with and without drafts and the search page's link, on one page each or split
    into pages of two statements, a timeline of a page per year, who's who of two people a page."""
    if paginated:
        for name, size in [("PAGE_ITEMS", 2), ("TIMELINE_SPLIT", 2), ("PEOPLE_PER_PAGE", 2), ("SOURCE_LINES", 3)]:
            monkeypatch.setattr(routes, name, size)
    ported = _assert_alike(content, drafts, search)
    if paginated and content == ROOT / "content":  # (the smaller sites have a single page of some kinds even so)
        assert {page.template for page in ported if page.context["pager"]} == set(PORTED)
        assert any(page.context.get("years") for page in ported)


def test_python_and_jinja_render_a_new_empty_case_alike(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    """The pages of a case just made by `init`: strands without events, claims or quotes, an empty timeline."""
    assert run("init", tmp_path / "case", "--title", "The <Empty> Case", "--topics", "charges,trial").code == 0
    ported = _assert_alike(tmp_path / "case" / "content", drafts=False, search=False)
    assert sorted({page.template for page in ported}) == ["people.html", "sources.html", "timeline.html", "topic.html"]


def _assert_alike(content: Path, drafts: bool, search: bool) -> list[Page]:
    """Renders every page of a ported template both ways, asserts each pair equal, and returns those pages."""
    site = build_site(load_valid(content, drafts=drafts), drafts=drafts, search=search)
    plan = plan_pages(site)
    env = make_environment(template_dirs(content.parent))
    env.globals.update(source_path=plan.source_path, item_path=plan.item_path)
    fragments = Fragments(env, FragmentStore())
    env.globals.update(fragment=fragments, fragments=fragments.many, shared=fragments.shared)
    layouts = python_layouts(env, fragments, ROOT_MARK)
    assert sorted(layouts) == PORTED
    ported = [page for page in plan.pages if page.template in layouts]
    for page in ported:
        root = "../" * page.depth
        jsonld = '{"@type":"WebPage"}'
        expected = env.get_template(page.template).render(site=site, page=page, root=root, jsonld=jsonld, **page.context)
        assert layouts[page.template](site, page, root, jsonld) == expected, page.path
    return ported


def test_a_build_renders_the_ported_pages_without_jinja(example: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The Python layouts are what a build uses (they do not fail into Jinja's rendering on the example): Jinja
    renders only the pages of the templates not ported."""
    rendered: list[str] = []
    render = jinja2.Template.render

    def recorded(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        rendered.append(str(self.name))
        return render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", recorded)
    result = run("build", "--content", example / "content", "--out", example / "dist", "--no-search", "--no-cache")
    assert result.code == 0, result.err
    assert sorted(set(rendered)) == ["404.html", "about.html", "embed.html", "index.html"]
    assert len(list((example / "dist" / "people").glob("*/index.html"))) > 10


def test_a_page_the_python_layout_fails_on_is_rendered_by_jinja(example: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A layout that raises (a case its port did not foresee) costs speed, never the page: Jinja renders it, and
    reports any error as the template's."""
    assert run("build", "--content", example / "content", "--out", example / "python", "--no-search", "--no-cache").code == 0

    def fails(*args: Any) -> str:
        raise KeyError("unforeseen")

    monkeypatch.setattr(Layouts, "topic", fails)
    assert run("build", "--content", example / "content", "--out", example / "jinja", "--no-search", "--no-cache").code == 0
    assert snapshot(example / "jinja") == snapshot(example / "python")
