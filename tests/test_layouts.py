"""The default theme's layouts as Python (site_builder/build/layouts.py) render what the templates render."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from site_builder.build import pages as routes
from site_builder.build.layouts import LAYOUT_SHA256, python_layouts
from site_builder.build.pages import plan_pages
from site_builder.build.pipeline import load_valid
from site_builder.build.render import ROOT_MARK, FragmentStore, Fragments, default_templates, make_environment, template_dirs
from site_builder.build.site import build_site

from .conftest import ROOT, SITES

HOSTILE = Path(__file__).resolve().parent / "hostile"
CONTENTS = [ROOT / "content", SITES / "minimal" / "content", HOSTILE / "markup" / "content"]


def test_the_port_is_of_the_shipped_templates() -> None:
    """When base.html, person.html or _macros.html changes, layouts.py must follow it (then LAYOUT_SHA256 is
    updated); until then those pages render through Jinja, correct but slower."""
    for name, expected in LAYOUT_SHA256.items():
        shipped = hashlib.sha256((default_templates() / name).read_bytes()).hexdigest()
        assert shipped == expected, f"templates/{name} changed: port the change to site_builder/build/layouts.py"


def test_the_default_theme_renders_person_pages_in_python() -> None:
    env = make_environment(template_dirs(ROOT))
    assert sorted(python_layouts(env, Fragments(env, FragmentStore()), ROOT_MARK)) == ["person.html"]


@pytest.mark.parametrize("name", ["base.html", "person.html", "_macros.html"])
def test_a_project_with_its_own_template_renders_it_with_jinja(tmp_path: Path, name: str) -> None:
    (tmp_path / "templates").mkdir()
    shutil.copy(default_templates() / name, tmp_path / "templates" / name)
    env = make_environment(template_dirs(tmp_path))
    assert sorted(python_layouts(env, Fragments(env, FragmentStore()), ROOT_MARK)) == ["person.html"]  # the same bytes
    with open(tmp_path / "templates" / name, "a", encoding="utf-8") as f:
        f.write("\n")
    assert python_layouts(env, Fragments(env, FragmentStore()), ROOT_MARK) == {}


@pytest.mark.parametrize("name, old, new", [
    ("base.html", "Skip to main content", "Skip to the page"),
    ("person.html", "in the full timeline</a>", "on the timeline</a>"),
])
def test_a_project_template_change_shows_on_person_pages(project: Path, run, name: str, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    (project / "templates").mkdir()
    source = (default_templates() / name).read_text("utf-8")
    assert old in source
    (project / "templates" / name).write_text(source.replace(old, new), "utf-8")
    result = run("build", "--content", project / "content", "--out", project / "dist", "--no-search")
    assert result.code == 0, result.err
    people = sorted((project / "dist" / "people").glob("*/index.html"))
    assert people
    for path in people:
        page = path.read_text("utf-8")
        assert new in page and old not in page, path


@pytest.mark.parametrize("paginated", [False, True])
@pytest.mark.parametrize("drafts, search", [(False, False), (True, True)])
@pytest.mark.parametrize("content", CONTENTS, ids=["example", "minimal", "markup"])
def test_python_and_jinja_render_every_person_page_alike(content: Path, drafts: bool, search: bool, paginated: bool,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Every person page of the example, the minimal site and the hostile markup site (markup and quotes in every
    text field), with and without drafts and the search page's link, on one page each or split into pages of two."""
    if paginated:
        monkeypatch.setattr(routes, "PAGE_ITEMS", 2)
    site = build_site(load_valid(content, drafts=drafts), drafts=drafts, search=search)
    plan = plan_pages(site)
    env = make_environment(template_dirs(content.parent))
    env.globals.update(source_path=plan.source_path, item_path=plan.item_path)
    fragments = Fragments(env, FragmentStore())
    env.globals.update(fragment=fragments, fragments=fragments.many, shared=fragments.shared)
    layout = python_layouts(env, fragments, ROOT_MARK)["person.html"]
    people = [page for page in plan.pages if page.template == "person.html"]
    assert people
    if paginated:
        assert any(page.context["pager"] for page in people)
    template = env.get_template("person.html")
    for page in people:
        root = "../" * page.depth
        jsonld = '{"@type":"ProfilePage"}'
        expected = template.render(site=site, page=page, root=root, jsonld=jsonld, **page.context)
        assert layout(site, page, root, jsonld) == expected, page.path
