"""Build behaviour on the small fixture: drafts, overrides, safety, atomic output."""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.build import pages
from site_builder.build import pipeline
from site_builder.build.pipeline import BuildOptions, build, load_valid, render_site
from site_builder.content.cache import DiskCache
from site_builder.content.cache import DIR as CACHE  # the build cache beside the content (a CLI build writes it)
from site_builder.build.linkcheck import check_pages
from site_builder.cli import main

from .conftest import ROOT, edit_line, snapshot

CHARGES = "entries/charges.yaml"


def test_reviewed_only_by_default_and_drafts_on_request(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out).code == 0
    data = json.loads((out / "case.json").read_text())
    assert [e["id"] for e in data["events"]] == ["ortiz-charged"]
    assert [p["id"] for p in data["people"]] == ["sam-ortiz"]
    assert "Draft" not in (out / "topics" / "charges" / "index.html").read_text()

    assert run("build", "--content", project / "content", "--out", out, "--drafts").code == 0
    data = json.loads((out / "case.json").read_text())
    assert [e["id"] for e in data["events"]] == ["ortiz-charged", "audit-report"]
    page = BeautifulSoup((out / "topics" / "charges" / "index.html").read_text(), "html.parser")
    draft = page.select_one("#event-audit-report")
    assert draft.select_one(".badge-draft").get_text() == "Draft"
    assert page.select_one("#event-ortiz-charged .badge-draft") is None
    assert page.select_one(".draft-banner") is not None


def test_anonymous_policy_exclude(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / "case.yaml", 6, "base_url: https://example.org/bribery/", "base_url: https://example.org/bribery/\n  anonymous_sources: exclude")
    out = project / "dist"
    assert run("build", "--content", content, "--out", out).code == 0
    data = json.loads((out / "case.json").read_text())
    assert [c["id"] for c in data["claims"]] == ["ortiz-denies"]
    assert "insider" not in (out / "topics" / "charges" / "index.html").read_text()


def test_failed_build_leaves_previous_output_intact(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out).code == 0
    before = snapshot(out)
    edit_line(project / "content" / CHARGES, 14, "2024-04-30", "2024-04-31")
    assert run("build", "--content", project / "content", "--out", out).code == 1
    assert snapshot(out) == before
    assert sorted(p.name for p in project.iterdir()) == [CACHE, "content", "dist", "seeds"]  # no staging left behind


def test_template_error_names_template_line_and_page(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out).code == 0
    before = snapshot(out)
    (project / "templates").mkdir()
    (project / "templates" / "about.html").write_text('{% extends "base.html" %}\n{% block main %}\n<h1>About</h1>\n{{ site.nonexistent.field }}\n{% endblock %}\n')
    result = run("build", "--content", project / "content", "--out", out)
    assert result.code == 1
    assert "templates/about.html:4: UndefinedError" in result.err
    assert "(rendering about/index.html)" in result.err
    assert snapshot(out) == before


def test_project_templates_override_the_default_theme(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    (project / "templates" / "static").mkdir(parents=True)
    (project / "templates" / "404.html").write_text('{% extends "base.html" %}{% block main %}<h1>Lost? Try the overview.</h1>{% endblock %}')
    (project / "templates" / "static" / "extra.css").write_text("body{}")
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out).code == 0
    assert "Lost? Try the overview." in (out / "404.html").read_text()
    assert (out / "static" / "extra.css").is_file() and (out / "static" / "site.css").is_file()


def test_404_links_from_the_site_root_and_base_url_override(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out, "--base-url", "https://news.example/cases/bribery").code == 0
    page = (out / "404.html").read_text()
    assert 'href="/cases/bribery/static/site.css"' in page
    assert "<loc>https://news.example/cases/bribery/timeline/</loc>" in (out / "sitemap.xml").read_text()


def test_markdown_and_text_cannot_inject_markup(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / CHARGES, 3, "Prosecutors charged the council member with *bribery*.",
              "'<script>alert(1)</script> [x](javascript:alert(2)) ![i](https://evil.example/t.png) <img src=x onerror=alert(3)>'")
    edit_line(content / CHARGES, 7, "Sam Ortiz is charged with bribery", "'<b onmouseover=alert(4)>Sam</b>'")
    out = project / "dist"
    assert run("build", "--content", content, "--out", out).code == 0
    page = (out / "topics" / "charges" / "index.html").read_text()
    soup = BeautifulSoup(page, "html.parser")
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]
    assert soup.find("img") is None and soup.find("b") is None
    assert "javascript:" not in " ".join(a.get("href", "") for a in soup.find_all("a"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # the meta description is the plain text, every character kept, escaped in the attribute
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("<script>alert(1)</script> [x](javascript:")
    assert '<meta name="description" content="&lt;script&gt;alert(1)&lt;/script&gt;' in page
    assert "evil.example" not in " ".join(str(t) for t in soup.find_all(src=True))


def test_refuses_to_overwrite_a_folder_that_is_not_a_site(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    precious = project / "notes"
    precious.mkdir()
    (precious / "todo.txt").write_text("keep me")
    result = run("build", "--content", project / "content", "--out", precious)
    assert result.code == 1 and "is not a site-builder output" in result.err
    assert (precious / "todo.txt").read_text() == "keep me"
    result = run("build", "--content", project / "content", "--out", project)
    assert result.code == 1 and "refusing to write the site" in result.err


def test_cli_errors_never_show_a_traceback(project: Path) -> None:
    edit_line(project / "content" / CHARGES, 14, "2024-04-30", "2024-04-31")
    proc = subprocess.run([sys.executable, "-m", "site_builder.cli", "build", "--content", "content"], cwd=project,
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.startswith("content/entries/charges.yaml:14: events[1].date: impossible date '2024-04-31'")
    assert "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "site_builder.cli", "build", "--content", "nowhere"], cwd=project,
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (1, "nowhere: content folder not found\n1 problem in content\n")


def test_the_build_command_ends_with_its_report_flushed(project: Path) -> None:
    """`build` ends the process at once after its output is flushed (cli.script): the report and the exit status
    arrive through pipes as from a normal exit (the failing case: test_cli_errors_never_show_a_traceback)."""
    proc = subprocess.run([sys.executable, "-m", "site_builder.cli", "build", "--content", "content", "--no-search"],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"built \d+ pages \(\d+ files\) into dist\n", proc.stdout)
    assert (project / "dist" / "index.html").is_file()


def test_the_build_command_keeps_its_objects_for_the_process_to_drop(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cli.script hands `build` a list in which the build's big objects stay until os._exit ends the process (freeing
    a big build's heap object by object costs 0.1 s at 4,000 events); a plain main() keeps nothing."""
    monkeypatch.chdir(project)
    kept: list[object] = []
    assert main(["build", "--no-search", "--jobs", "1"], keep=kept) == 0
    assert {type(obj).__name__ for obj in kept} >= {"Content", "Site", "Plan", "Session"}
    assert main(["build", "--no-search", "--jobs", "1"]) == 0  # nothing to keep: nothing kept, no error


def test_the_cyclic_collector_stays_paused_for_the_whole_build(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Paused stage by stage, the collector scanned the whole heap each time a stage ended (0.1 s at 4,000 events):
    it stays paused from loading to writing the cache, and is back on afterwards."""
    enabled: dict[str, bool] = {}
    for module, name in ((pipeline, "write_site"), (pipeline, "load_content"), (DiskCache, "save")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: (enabled.setdefault(_name, gc.isenabled()), _real(*a, **k))[1])
    build(BuildOptions(example / "content", example / "dist", cache=True))
    assert enabled == {"load_content": False, "write_site": False, "save": False}
    assert gc.isenabled()


def test_wheel_ships_the_default_theme(tmp_path: Path) -> None:
    """After a plain `pip install`, site-builder must find its templates without the repo."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("site_builder-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert theme and {f"site_builder/templates/{name}" for name in theme} <= names


def test_long_timelines_are_split_by_year(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pages, "TIMELINE_SPLIT", 5)
    files = render_site(load_valid(ROOT / "content"), BuildOptions(ROOT / "content", tmp_path / "dist"))
    events = json.loads(files["case.json"])["events"]
    years = sorted({int((e["date"] or e["not_after"])[:4]) for e in events})
    assert len(years) > 1

    def ids(path: str) -> list[str]:
        page = BeautifulSoup(files[path], "html.parser")
        return [li["id"].removeprefix("event-") for li in page.select("li.event")]

    per_year = [ids(f"timeline/{y}/index.html") for y in years]
    assert [i for year in per_year for i in year] == [e["id"] for e in events]  # every event once, in order
    assert ids("timeline/index.html") == per_year[-1]  # the main page shows the latest year
    assert check_pages(files) == []


def test_rejected_items_are_never_published(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    edit_line(project / "content" / CHARGES, 20, "review: draft", "review: rejected")
    edit_line(project / "content" / "people.yaml", 17, "review: draft", "review: rejected")
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out, "--drafts").code == 0
    data = json.loads((out / "case.json").read_text())
    assert [e["id"] for e in data["events"]] == ["ortiz-charged"]
    assert [p["id"] for p in data["people"]] == ["sam-ortiz"]


def test_quote_with_unidentified_speaker_is_a_labelled_draft(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    """A converter draft whose speaker the article does not make clear: shown with --drafts as "Speaker not yet
    identified", never published."""
    content = project / "content"
    edit_line(content / CHARGES, 40, "sam-ortiz", "unknown")
    edit_line(content / CHARGES, 45, "review: reviewed", "review: draft")
    out = project / "dist"
    assert run("build", "--content", content, "--out", out).code == 0
    assert json.loads((out / "case.json").read_text())["quotes"] == []
    assert run("build", "--content", content, "--out", out, "--drafts").code == 0
    assert [(q["id"], q["speaker"]) for q in json.loads((out / "case.json").read_text())["quotes"]] == [("ortiz-nothing-wrong", "unknown")]
    page = BeautifulSoup((out / "topics" / "charges" / "index.html").read_text(), "html.parser")
    caption = page.select_one("#quote-ortiz-nothing-wrong figcaption")
    assert "Speaker not yet identified" in caption.get_text()
    assert caption.select_one(".badge-draft") is not None


def test_unnamed_source_is_labelled_with_how_the_publication_describes_it(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    """An unnamed speaker's description is shown beside the "Unnamed source" badge, before the note that the
    publication did not name the source; it is exported in case.json, and `check` reads it as the site's own text."""
    content = project / "content"
    edit_line(content / CHARGES, 32, "attributed_to: anonymous", "attributed_to: anonymous\n    described_as: a city hall insider")
    out = project / "dist"
    assert run("build", "--content", content, "--out", out).code == 0
    page = BeautifulSoup((out / "topics" / "charges" / "index.html").read_text(), "html.parser")
    meta = page.select_one("#claim-insider-disgrace .claim-meta")
    assert meta.select_one(".badge-anon").get_text() == "Unnamed source"
    assert " ".join(meta.get_text().split()) == ("Unnamed source (described as a city hall insider). The publication did not "
                                                 "name this source; the site has not verified the claim.")
    data = json.loads((out / "case.json").read_text())
    assert [(c["id"], c["described_as"]) for c in data["claims"]] == [("ortiz-denies", None), ("insider-disgrace", "a city hall insider")]
    assert run("check", "--content", content, "--out", out).code == 0


def test_check_finds_loaded_words_in_an_unnamed_sources_description(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    """The description is the site's own text beside the badge: a loaded word in it is reported at its field
    (written in quotation marks, it is the publication's word and allowed)."""
    content = project / "content"
    edit_line(content / CHARGES, 32, "attributed_to: anonymous", "attributed_to: anonymous\n    described_as: a \"disgraced\" aide")
    assert run("check", "--content", content).code == 0
    edit_line(content / CHARGES, 33, 'a "disgraced" aide', "a disgraced aide")
    result = run("check", "--content", content)
    assert result.code == 1
    assert result.out.replace(f"{content}/", "").splitlines() == [
        "entries/charges.yaml:33: claims[1].described_as: loaded language 'disgraced' in the site's own voice; quote and attribute it, "
        "or reword", "1 problem found"]


@pytest.mark.parametrize("text", ["a&b<c>d", 'say "x"', "it's", "both \" and '", "lines\nand\r\ttabs", ""])
def test_feed_escaping_is_the_standard_librarys(text: str) -> None:
    """exports escapes XML itself (importing xml.sax.saxutils costs every build's start-up); same output."""
    from xml.sax.saxutils import escape, quoteattr

    from site_builder.build import exports

    assert (exports.escape(text), exports.quoteattr(text)) == (escape(text), quoteattr(text))
