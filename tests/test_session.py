"""Rebuilds that reuse parsed files and rendered fragments must equal fresh builds."""

from __future__ import annotations

from pathlib import Path

from site_builder.build.pipeline import BuildOptions, Session, load_valid, render_site
from site_builder.errors import ContentErrors

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
