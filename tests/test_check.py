"""`site-builder check`: content validation plus checks on the rendered pages."""

from __future__ import annotations

from pathlib import Path

from .conftest import edit_line


def test_clean_project_passes(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", "--content", project / "content")
    assert (result.code, result.out) == (0, "no problems found\n")
    assert not (project / "dist").exists()  # check writes nothing


def test_content_problems_are_reported_like_build(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / "entries" / "charges.yaml", 14, "2024-04-30", "2024-04-31")
    result = run("check", "--content", content)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{content}/entries/charges.yaml:14: events[1].date: impossible date '2024-04-31': April 2024 has 30 days",
        "1 problem found",
    ]


def test_published_people_nobody_refers_to(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / "entries" / "charges.yaml", 16, "people: [dana-ruiz]", "people: []")
    edit_line(content / "people.yaml", 17, "review: draft", "review: reviewed")
    result = run("check", "--content", content)
    assert result.code == 1
    assert result.out.splitlines()[0] == f"{content}/people.yaml:10: people[1].id: 'dana-ruiz' is not referenced by any event, claim or quote"


def test_a_draft_person_nobody_refers_to_yet_is_no_problem(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    # the converter lists everyone an article names; whether they stay is the editor's decision
    content = project / "content"
    edit_line(content / "entries" / "charges.yaml", 16, "people: [dana-ruiz]", "people: []")
    result = run("check", "--content", content, "--drafts")
    assert (result.code, result.out) == (0, "no problems found\n")


def test_rendered_page_problems(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    (project / "templates").mkdir()
    (project / "templates" / "about.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>About</h1><p>Critics slammed it. They said it was "slammed".</p>'
        '<img src="x.png"><a href="{{ root }}people/nobody/index.html">x</a>'
        '<ul><li class="claim" id="claim-x">A claim with no source</li></ul>{% endblock %}'
    )
    result = run("check", "--content", project / "content")
    assert result.code == 1
    assert result.out.splitlines() == [
        "about/index.html: x.png: target does not exist",
        "about/index.html: ../people/nobody/index.html: target does not exist",
        "about/index.html: 1 image(s) without alt text",
        "about/index.html: #claim-x: statement without a citation",
        "about/index.html: loaded language outside quotation marks: slammed",
        "5 problems found",
    ]


def test_checks_a_built_folder(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out).code == 0
    (out / "people" / "sam-ortiz" / "index.html").unlink()
    result = run("check", "--content", project / "content", "--out", out)
    assert result.code == 1
    # Links inside an item are reported at the item's line, naming the pages (once each) that show it;
    # the timeline's own filter link belongs to no item.
    content = project / "content"
    missing = "people/sam-ortiz/index.html: target does not exist"
    assert result.out.splitlines() == [
        f"{content}/entries/charges.yaml:5: events[0]: event 'ortiz-charged' on {out}/timeline/index.html: ../{missing}",
        f"{content}/entries/charges.yaml:5: events[0]: event 'ortiz-charged' on {out}/topics/charges/index.html: ../../{missing}",
        f"{content}/entries/charges.yaml:22: claims[0]: claim 'ortiz-denies' on {out}/topics/charges/index.html: ../../{missing}",
        f"{content}/entries/charges.yaml:39: quotes[0]: quote 'ortiz-nothing-wrong' on {out}/topics/charges/index.html: ../../{missing}",
        f"{content}/people.yaml:2: people[0]: person 'sam-ortiz' on {out}/people/index.html: ../{missing}",
        f"{content}/sources.yaml:2: sources[0]: source 'wire-2024-05-02' on {out}/sources/index.html: ../{missing}",
        f"{out}/timeline/index.html: ../people/sam-ortiz/index.html#events: target does not exist",
        "7 problems found",
    ]


def test_the_voice_check_reads_each_block_as_the_build_reads_each_field(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    # An unclosed mark in one paragraph must not pair with a mark in the next (issue 12: check reported
    # quoted words as loaded while build, which checks each field alone, passed them).
    (project / "templates").mkdir()
    about = (project / "templates" / "about.html")
    about.write_text('{% extends "base.html" %}{% block main %}<h1>About</h1>'
                     '<p>The "Rust</p><p>An insider called it "slammed". Hutchins\' family spoke.</p>{% endblock %}')
    assert run("check", "--content", project / "content").out == "no problems found\n"
    # … nor hide the next paragraph's own words
    about.write_text('{% extends "base.html" %}{% block main %}<h1>About</h1>'
                     '<p>He said "no.</p><p>Critics slammed it, she said "yes".</p>{% endblock %}')
    result = run("check", "--content", project / "content")
    assert result.out.splitlines() == ["about/index.html: loaded language outside quotation marks: slammed", "1 problem found"]


def _theme_with(project: Path, template: str, old: str, new: str) -> None:
    """The project overrides the built-in ``template`` with a copy in which ``old`` is replaced by ``new``."""
    text = (Path(__file__).resolve().parent.parent / "templates" / template).read_text()
    assert old in text  # else the override would change nothing
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / template).write_text(text.replace(old, new))


def test_a_page_problem_inside_an_item_names_its_file_line_and_id(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    # A theme that words every claim's metadata in a loaded way: the problem is reported at each claim,
    # naming every page that shows it, as `build` reports a content problem.
    _theme_with(project, "_macros.html", '<p class="claim-text">', '<p class="claim-text">Critics slammed: ')
    content = project / "content"
    result = run("check", "--content", content)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{content}/entries/charges.yaml:22: claims[0]: claim 'ortiz-denies' on people/sam-ortiz/index.html, "
        "topics/charges/index.html: loaded language outside quotation marks: slammed",
        f"{content}/entries/charges.yaml:30: claims[1]: claim 'insider-disgrace' on topics/charges/index.html: "
        "loaded language outside quotation marks: slammed",
        "2 problems found",
    ]


def test_a_voice_problem_in_a_person_page_names_the_person(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    _theme_with(project, "person.html", '<p class="meta">{{ p.role }}', '<p class="meta">Slammed {{ p.role }}')
    content = project / "content"
    result = run("check", "--content", content)
    assert result.out.splitlines() == [  # sam-ortiz is the only published person
        f"{content}/people.yaml:2: people[0]: person 'sam-ortiz' on people/sam-ortiz/index.html: loaded language outside quotation marks: Slammed",
        "1 problem found",
    ]
