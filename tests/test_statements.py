"""The default theme's statement macros as Python (site_builder/build/statements.py) render what the macros render."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from site_builder.build.pipeline import load_valid
from site_builder.build.pages import plan_pages
from site_builder.build.render import (ROOT_MARK, FragmentStore, Fragments, default_templates, make_environment, python_statements,
                                        template_dirs)
from site_builder.build.site import build_site
from site_builder.build.statements import MACROS_SHA256, Statements, escape

from .conftest import ROOT, SITES, edit_line

HOSTILE = Path(__file__).resolve().parent / "hostile"
CONTENTS = [ROOT / "content", SITES / "minimal" / "content", HOSTILE / "markup" / "content"]


def test_the_port_is_of_the_shipped_macros() -> None:
    """When templates/_macros.html changes, statements.py must follow it (then MACROS_SHA256 is updated);
    until then builds render statements through Jinja, correct but slower."""
    shipped = hashlib.sha256((default_templates() / "_macros.html").read_bytes()).hexdigest()
    assert shipped == MACROS_SHA256, "templates/_macros.html changed: port the change to site_builder/build/statements.py"


def test_the_default_theme_renders_statements_in_python() -> None:
    env = make_environment(template_dirs(ROOT))
    assert sorted(python_statements(env)) == ["claim", "event", "quote", "source"]


def test_a_project_with_its_own_macros_renders_them_with_jinja(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    shutil.copy(default_templates() / "_macros.html", tmp_path / "templates" / "_macros.html")
    with open(tmp_path / "templates" / "_macros.html", "a", encoding="utf-8") as f:
        f.write("\n")
    assert python_statements(make_environment(template_dirs(tmp_path))) == {}


def test_a_project_macro_change_shows_on_the_pages(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    (project / "templates").mkdir()
    macros = (default_templates() / "_macros.html").read_text("utf-8")
    assert ">Link to this event</a>" in macros
    (project / "templates" / "_macros.html").write_text(macros.replace(">Link to this event</a>", ">Permalink</a>"), "utf-8")
    result = run("build", "--content", project / "content", "--out", project / "dist", "--no-search")
    assert result.code == 0, result.err
    page = (project / "dist" / "timeline" / "index.html").read_text("utf-8")
    assert ">Permalink</a>" in page and "Link to this event" not in page


def test_escape_is_jinjas() -> None:
    assert escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
    assert escape(3) == "3"
    assert escape(Markup("<b>&amp;</b>")) == "<b>&amp;</b>"  # a str subclass that is already markup: as it is
    assert escape("") == "" and escape("plain") == "plain"


def _views(site: Any) -> list[tuple[str, Any, tuple[Any, ...]]]:
    found: list[tuple[str, Any, tuple[Any, ...]]] = []
    for topic in site.topics:
        found += [("event", e, (level,)) for e in topic.events for level in (2, 3)]
        found += [("claim", c, ()) for c in topic.claims]
        found += [("quote", q, ()) for q in topic.quotes]
    found += [("source", s, ()) for s in site.sources]
    return found


@pytest.mark.parametrize("drafts", [False, True])
@pytest.mark.parametrize("content", CONTENTS, ids=["example", "minimal", "markup"])
def test_python_and_jinja_render_every_statement_alike(content: Path, drafts: bool) -> None:
    """Every event (at both heading levels), claim, quote and source of the example, the minimal site and the
    hostile markup site (markup and quotes in every text field), with and without drafts, on a paginated plan."""
    _assert_alike(content, drafts)


def test_an_unnamed_sources_description_renders_alike(project: Path) -> None:
    """``described_as`` beside the "Unnamed source" badge, with markup characters in it, renders as the macro does."""
    edit_line(project / "content/entries/charges.yaml", 32, "attributed_to: anonymous",
              "attributed_to: anonymous\n    described_as: 'a <b>city hall</b> \"insider\" & aide'")
    html = _assert_alike(project / "content", drafts=False)
    assert "(described as a &lt;b&gt;city hall&lt;/b&gt; &#34;insider&#34; &amp; aide)" in html


def _assert_alike(content: Path, drafts: bool) -> str:
    """Renders every statement both ways, asserts each pair equal, and returns them all."""
    site = build_site(load_valid(content, drafts=drafts), drafts=drafts)
    plan = plan_pages(site)
    env = make_environment(template_dirs(content.parent))
    env.globals.update(source_path=plan.source_path, item_path=plan.item_path)
    macros = env.get_template("_macros.html").make_module({"root": ROOT_MARK})
    python = Statements(env, ROOT_MARK).renderers
    views = _views(site)
    assert {name for name, _, _ in views} == {"event", "claim", "quote", "source"}
    for name, view, args in views:
        assert python[name](view, *args) == str(getattr(macros, name)(view, *args)), f"{name} {view.model.id}"
    return "".join(python[name](view, *args) for name, view, args in views)


@pytest.mark.parametrize("content", CONTENTS, ids=["example", "minimal", "markup"])
def test_a_list_of_fragments_in_one_call_equals_a_template_loop_of_them(content: Path) -> None:
    """fragments("event", list, ...) (the default theme's lists) gives what a project's own macros get from
    `{% for %}` over fragment(...): each fragment, each followed by a line break, links set for the page's root."""
    site = build_site(load_valid(content), drafts=False)
    plan = plan_pages(site)
    env = make_environment(template_dirs(content.parent))
    env.globals.update(source_path=plan.source_path, item_path=plan.item_path)
    fragments = Fragments(env, FragmentStore())
    env.globals.update(fragment=fragments, fragments=fragments.many)
    loop = env.from_string('<ol>\n{% for e in list %}\n{{ fragment(name, e, *args, root=root) }}\n{% endfor %}\n</ol>')
    call = env.from_string('<ol>\n{{ fragments(name, list, *args, root=root) }}</ol>')
    for name, items, args in [("event", site.events, (3,)), ("claim", [c for t in site.topics for c in t.claims], ()),
                              ("quote", [q for t in site.topics for q in t.quotes], ()), ("event", [], (2,))]:
        for root in ("", "../../"):
            expected = loop.render(name=name, list=items, args=args, root=root)
            assert call.render(name=name, list=items, args=args, root=root) == expected
            assert expected.count(f'<li class="{name}') == len(items)
            assert ROOT_MARK not in expected and (not items or f'href="{root}' in expected)
