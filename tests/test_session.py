"""Rebuilds that reuse parsed files and rendered fragments must equal fresh builds."""

from __future__ import annotations

from pathlib import Path

from site_builder.build.pipeline import BuildOptions, Session, load_valid, render_site
from site_builder.errors import ContentErrors
from site_builder.build.site import build_site

from .conftest import edit_line


def fresh(options: BuildOptions) -> dict[str, bytes]:
    return render_site(load_valid(options.content), options)


def warm(options: BuildOptions, session: Session) -> dict[str, bytes]:
    return render_site(load_valid(options.content, session), options, session)


def test_warm_rebuilds_equal_fresh_builds_after_each_kind_of_edit(project: Path) -> None:
    content = project / "content"
    options = BuildOptions(content, project / "dist", drafts=True)
    session = Session()
    assert warm(options, session) == fresh(options)
    edits = [
        (content / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged"),  # an event
        (content / "people.yaml", 3, "Sam Ortiz", "Samuel Ortiz"),  # a name shown inside every fragment about him
        (content / "sources.yaml", 4, "Example Wire", "Example Newswire"),  # the publisher in every citation
        (content / "case.yaml", 9, "The charges", "The criminal charges"),  # a topic title shown on event fragments
    ]
    for path, line, old, new in edits:
        edit_line(path, line, old, new)
        rebuilt = warm(options, session)
        assert rebuilt == fresh(options), f"stale output after editing {path.name}"
        assert any(new.encode() in data for data in rebuilt.values())


def test_template_edits_invalidate_fragments(project: Path) -> None:
    options = BuildOptions(project / "content", project / "dist")
    session = Session()
    warm(options, session)
    (project / "templates").mkdir()
    macros = (Path(__file__).resolve().parent.parent / "templates" / "_macros.html").read_text()
    (project / "templates" / "_macros.html").write_text(macros.replace('<p class="cites-label">', '<p class="cites-label">Sourced: '))
    rebuilt = warm(options, session)
    assert rebuilt == fresh(options)
    assert b"Sourced: Source" in rebuilt["topics/charges/index.html"]


def test_unchanged_files_are_not_parsed_again(project: Path) -> None:
    session = Session()
    first = load_valid(project / "content", session)
    edit_line(project / "content" / "people.yaml", 3, "Sam Ortiz", "Samuel Ortiz")
    second = load_valid(project / "content", session)
    assert second.entries["charges"] is first.entries["charges"]
    assert second.people is not first.people


def test_warm_validation_finds_what_a_fresh_one_finds(project: Path) -> None:
    content = project / "content"
    session = Session()
    load_valid(content, session)

    def problems() -> tuple[list[str], list[str]]:
        found = []
        for s in (session, None):
            try:
                load_valid(content, s)
                found.append([])
            except ContentErrors as exc:
                found.append([str(p) for p in exc.problems])
        return found[0], found[1]

    seed = project / "seeds" / "wire.txt"
    seed.write_text(seed.read_text().replace("filed a report", "filed two reports"))  # a cited sentence changes
    warm_found, fresh_found = problems()
    assert warm_found == fresh_found and any("sentence not found" in p for p in warm_found)
    seed.write_text(seed.read_text().replace("filed two reports", "filed a report"))
    assert problems() == ([], [])
    edit_line(content / "people.yaml", 10, "id: dana-ruiz", "id: dana-ruis")  # an id others refer to disappears
    warm_found, fresh_found = problems()
    assert warm_found == fresh_found and any("unknown person id 'dana-ruiz'" in p for p in warm_found)


def test_warm_rebuilds_equal_fresh_ones_when_items_move_appear_and_options_change(project: Path) -> None:
    """Kept views and their case.json / timeline.json text (site.Memo) must follow an event that moves in the
    timeline, a draft that is published, and a session that builds with other options in turn."""
    content = project / "content"
    session = Session()
    charges = content / "entries" / "charges.yaml"
    steps = [
        (charges, 6, "date: 2024-03", "date: 2024-05"),  # ortiz-charged now comes after the auditor's report
        (content / "people.yaml", 17, "review: draft", "review: reviewed"),  # the auditor is published,
        (charges, 20, "review: draft", "review: reviewed"),  # then her report
        (charges, 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged"),
    ]
    for path, line, old, new in [(None, 0, "", ""), *steps]:
        if path is not None:
            assert isinstance(path, Path)
            edit_line(path, line, old, new)
        for options in (BuildOptions(content, project / "dist"), BuildOptions(content, project / "dist", drafts=True),
                        BuildOptions(content, project / "dist", base_url="https://mirror.example.org/case/")):
            assert warm(options, session) == fresh(options), (old, new, options)


def test_views_of_unchanged_items_are_kept_until_what_they_show_changes(project: Path) -> None:
    content = project / "content"
    session = Session()
    first = build_site(load_valid(content, session), memo=session.views)
    edit_line(content / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    second = build_site(load_valid(content, session), memo=session.views)
    assert second.claims[0] is first.claims[0] and second.quotes[0] is first.quotes[0]  # unchanged: the same views
    assert second.events[0] is not first.events[0] and second.events[0].model.title == "Sam Ortiz is charged"
    edit_line(content / "people.yaml", 3, "Sam Ortiz", "Samuel Ortiz")  # every view names people: none is kept
    third = build_site(load_valid(content, session), memo=session.views)
    assert third.claims[0] is not second.claims[0] and third.claims[0].by.name == "Samuel Ortiz"
