"""Rebuilds that reuse parsed files and rendered fragments must equal fresh builds."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from site_builder.build.pipeline import BuildOptions, Session, load_valid, render_site
from site_builder.errors import ContentErrors
from site_builder.build.pages import Plan
from site_builder.build.site import Site, build_site
from site_builder.serve.rebuild import Rebuilder

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


# --- the preview's lazy rebuilds (serve.Rebuilder with lazy=True) ---------------------------------------------


def lazy_preview(rebuilder: Rebuilder) -> Mapping[str, bytes]:
    outcome = rebuilder.rebuild(lazy=True)
    assert outcome.error is None, outcome.error
    return rebuilder.preview.files


def test_every_page_asked_for_after_an_edit_equals_a_fresh_build(project: Path) -> None:
    """serve renders a page when the browser asks for it: each one, asked for in any order, is `build`'s page."""
    content = project / "content"
    options = BuildOptions(content, Path("-"), drafts=True, base_url="http://127.0.0.1:8000/")
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()  # the server's first build makes everything
    edits = [
        (content / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged"),
        (content / "people.yaml", 3, "Sam Ortiz", "Samuel Ortiz"),
        (content / "sources.yaml", 4, "Example Wire", "Example Newswire"),
        (content / "case.yaml", 9, "The charges", "The criminal charges"),
        (content / "entries" / "charges.yaml", 6, "date: 2024-03", "date: 2024-05"),  # the event moves in the timeline
    ]
    shown = ["Sam Ortiz is charged<", "Samuel Ortiz", "Example Newswire", "The criminal charges", '"2024-05"']
    for step, ((path, line, old, new), text) in enumerate(zip(edits, shown)):
        edit_line(path, line, old, new)
        files = lazy_preview(rebuilder)
        expected = fresh(options)
        assert list(files) == list(expected)  # every name known before anything is rendered, in build's order
        names = list(expected)
        order = names[::-1] if step % 2 else names[1::2] + names[::2]  # the open page first, never all in one go
        for name in order:
            assert files[name] == expected[name], (path.name, new, name)
        assert any(text.encode() in files[name] for name in names), (path.name, new)


def test_completing_a_lazy_rebuild_renders_again_only_the_pages_an_edit_changed(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages nobody asked for are made in the background after each save; those whose items did not change
    are the ones kept from the rebuild before (rendering them all again kept the CPU from the next save's watcher)."""
    from site_builder.serve import lazy

    content = example / "content"
    options = BuildOptions(content, Path("-"))
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()
    rendered: list[str] = []
    real = lazy._render

    def counting(site, todo, *args):  # type: ignore[no-untyped-def]
        rendered.extend(page.path for page, _ in todo)
        return real(site, todo, *args)

    monkeypatch.setattr(lazy, "_render", counting)
    path = content / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: TLC releases the first trailer for The Baldwins",
                                                    "title: TLC releases the first trailer of The Baldwins"), "utf-8")
    outcome = rebuilder.rebuild(lazy=True)
    assert rebuilder.complete(outcome.generation) is None
    assert dict(rebuilder.preview.files) == fresh(options)
    pages = [name for name in fresh(options) if name.endswith(".html")]
    assert "topics/reality-show/index.html" in rendered  # the edited event's strand
    assert "topics/charges/index.html" not in rendered and len(rendered) < len(pages) / 2, rendered


def test_a_page_of_an_older_rebuild_asked_for_after_a_newer_one_is_wholly_the_older(project: Path) -> None:
    """A request that took the old preview just before a rebuild published the next: its page, rendered
    afterwards, must show the old content only, never a mix of old and new."""
    content = project / "content"
    options = BuildOptions(content, Path("-"), drafts=True)
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()
    edit_line(content / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    older = lazy_preview(rebuilder)
    expected_older = fresh(options)
    older["topics/charges/index.html"]  # the open page, rendered
    edit_line(content / "people.yaml", 3, "Sam Ortiz", "Samuel Ortiz")
    newer = lazy_preview(rebuilder)
    expected_newer = fresh(options)
    assert newer["topics/charges/index.html"] == expected_newer["topics/charges/index.html"]
    for name in expected_older:  # the older site's other pages, rendered only now
        assert older[name] == expected_older[name], name
    assert b"Samuel Ortiz" not in b"".join(older[name] for name in expected_older)
    assert dict(newer) == expected_newer


def test_a_template_error_on_a_page_not_opened_is_published_by_completing(project: Path) -> None:
    """The rebuild renders no page; completing it finds the broken one and publishes the last complete site
    with the error, as a failed rebuild does (the overlay)."""
    content = project / "content"
    options = BuildOptions(content, Path("-"), drafts=True)
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()
    good = dict(rebuilder.preview.files)
    templates = project / "templates"
    templates.mkdir()
    (templates / "person.html").write_text('{% extends "base.html" %}\n{% block main %}\n{{ no_such_value }}\n{% endblock %}\n', "utf-8")
    edit_line(content / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    outcome = rebuilder.rebuild(lazy=True)
    assert outcome.error is None  # nothing rendered yet
    assert b"Sam Ortiz is charged<" in rebuilder.preview.files["topics/charges/index.html"]
    failed = rebuilder.complete(outcome.generation)
    assert failed is not None and failed.generation == outcome.generation + 1
    assert failed.error is not None and "person.html:3: UndefinedError" in failed.error
    assert rebuilder.preview.error == failed.error and rebuilder.preview.generation == failed.generation
    assert dict(rebuilder.preview.files) == good  # the last complete site stays underneath the overlay
    assert rebuilder.complete(failed.generation) is None  # nothing left to complete on an error preview


def test_a_source_file_is_read_again_only_when_its_stat_changed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rebuilds know an unchanged source text by its stat; any write gives the file a new change time, so a
    same-size edit whose modification time was put back is still found."""
    import site_builder.content.validate as validate_module

    content = project / "content"
    session = Session()
    session.validation.SETTLED_NS = 0  # (the files were written just now: as if long ago)
    load_valid(content, session)
    reads: list[str] = []
    real_read = validate_module.read_source_bytes
    monkeypatch.setattr(validate_module, "read_source_bytes", lambda path: reads.append(path.name) or real_read(path))
    load_valid(content, session)
    assert reads == []
    seed = project / "seeds" / "wire.txt"
    before = seed.stat()
    seed.write_text(seed.read_text().replace("filed a report", "filed a rebort"))  # the same size
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(ContentErrors) as caught:
        load_valid(content, session)
    assert reads == ["wire.txt"] and any("sentence not found" in str(p) for p in caught.value.problems)


def test_a_source_file_changed_just_before_it_was_read_is_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writes within one tick of the clock can leave the same stat: a file that changed shortly before we read
    it is read again on the next rebuild, until it has settled."""
    import site_builder.content.validate as validate_module

    content = project / "content"
    session = Session()
    session.validation.SETTLED_NS = 3_600 * 10**9  # "a moment ago" made an hour: a slow, busy machine cannot outlast it
    load_valid(content, session)
    reads: list[str] = []
    real_read = validate_module.read_source_bytes
    monkeypatch.setattr(validate_module, "read_source_bytes", lambda path: reads.append(path.name) or real_read(path))
    load_valid(content, session)
    assert "wire.txt" in reads


def test_warm_checks_of_unpublished_names_follow_the_people_file_and_the_drafts_option(project: Path) -> None:
    """What unpublished_references found in an unchanged entry file is kept only while people.yaml and the drafts
    option are the same: a person unpublished in people.yaml alone is reported in the file that names her."""
    content = project / "content"
    session = Session()
    charges, people = content / "entries" / "charges.yaml", content / "people.yaml"

    def reports(drafts: bool) -> tuple[str, str]:
        found = []
        for s in (session, None):
            try:
                load_valid(content, s, drafts)
                found.append("")
            except ContentErrors as exc:
                found.append(exc.report())
        return found[0], found[1]

    edit_line(charges, 20, "review: draft", "review: reviewed")  # her report is published, she is still a draft
    warm_found, fresh_found = reports(False)
    assert warm_found == fresh_found and "'dana-ruiz' is not published (review: draft in" in warm_found
    assert reports(True) == ("", "")  # a drafts build shows her
    edit_line(people, 17, "review: draft", "review: reviewed")  # only people.yaml changes
    assert reports(False) == ("", "")
    edit_line(people, 17, "review: reviewed", "review: rejected")
    warm_found, fresh_found = reports(False)
    assert warm_found == fresh_found and "'dana-ruiz' is not published (review: rejected in" in warm_found


def test_after_a_failed_rebuild_the_last_good_rebuilds_pages_are_still_its_own(project: Path) -> None:
    """A rebuild that fails keeps the last good site under the overlay, even one whose pages were not rendered
    yet: they render afterwards from that rebuild's content, not from the broken files."""
    content = project / "content"
    options = BuildOptions(content, Path("-"), drafts=True)
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()
    charges = content / "entries" / "charges.yaml"
    edit_line(charges, 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    good = lazy_preview(rebuilder)
    expected = fresh(options)
    edit_line(charges, 7, "Sam Ortiz is charged", "Sam Ortiz is charged: [")  # invalid YAML
    outcome = rebuilder.rebuild(lazy=True)
    assert outcome.error is not None and f"{charges}:7: invalid YAML" in outcome.error
    assert rebuilder.preview.files is good and rebuilder.preview.error == outcome.error
    assert dict(rebuilder.preview.files) == expected


# --- views and pages kept between rebuilds (site.Memo, pages.PlanMemo) ---------------------------------------


def _paged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of a few items, so that the example's edits move items, sources and people between pages."""
    from site_builder.build import pages

    for name, value in [("TIMELINE_SPLIT", 5), ("PAGE_ITEMS", 3), ("SOURCE_LINES", 30), ("PEOPLE_PER_PAGE", 5)]:
        monkeypatch.setattr(pages, name, value)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} found {text.count(old)} times"
    path.write_text(text.replace(old, new), "utf-8")


def _rename(content: Path, old: str, new: str) -> None:
    """``old`` replaced by ``new`` in every content file (an id renamed, with every reference to it)."""
    for path in content.rglob("*.yaml"):
        text = path.read_text("utf-8")
        if old in text:
            path.write_text(text.replace(old, new), "utf-8")


def _block(path: Path, first: str, next_: str) -> str:
    """The text of ``path`` from the line holding ``first`` up to (not including) the one holding ``next_``."""
    text = path.read_text("utf-8")
    start = text.index(first)
    start = text.rindex("\n", 0, start) + 1
    end = text.rindex("\n", 0, text.index(next_)) + 1
    return text[start:end]


def test_every_page_served_after_each_kind_of_edit_equals_a_fresh_build_with_kept_views(
        example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Person and source views, and the pages planned from them, are kept between rebuilds and remade only for
    what an edit touched: after every kind of edit (an item moving between strands and between pages, a person
    or citation dropped, a person removed, people's and sources' ids renamed, people, sources, case, key points
    and templates changed), each page serve shows, asked for in changing orders, is the page a fresh build makes."""
    _paged(monkeypatch)
    content = example / "content"
    entries = content / "entries"
    show, shooting = entries / "reality-show.yaml", entries / "shooting.yaml"
    filmed = _block(show, "  - id: show-first-episode-filmed", "  - id: show-trailer-released")
    premiere = _block(show, "  - id: show-premiere", "  - id: show-allred-criticises-series")
    templates = example / "templates"
    person_html = (Path(__file__).resolve().parent.parent / "templates" / "person.html").read_text("utf-8")

    def add_template() -> None:
        templates.mkdir()
        (templates / "person.html").write_text(person_html.replace("{% block main %}", "{% block main %}<p>Edited.</p>", 1), "utf-8")

    edits: list[tuple[str, Callable[[], None]]] = [
        ("an event's title", lambda: _replace(show, "title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC")),
        ("an event moves to another year", lambda: _replace(show, "date: 2025-02-23", "date: 2024-12-01")),
        ("a person leaves an event", lambda: _replace(show, "people: [tlc, max, alec-baldwin, hilaria-baldwin]",
                                                      "people: [tlc, alec-baldwin, hilaria-baldwin]")),
        ("a person no item names is removed", lambda: _replace(content / "people.yaml", _block(content / "people.yaml", "  - id: max\n",
                                                                                                "  # ── Others"), "")),
        ("a citation is dropped", lambda: _replace(show, premiere[premiere.index("      - source: radar-2025-03-04"):premiere.index("    review:")], "")),
        ("an event moves to another strand", lambda: (_replace(show, filmed, ""),
                                                      _replace(shooting, "events:\n", "events:\n" + filmed))),
        ("a new event", lambda: _replace(shooting, "events:\n", "events:\n" + filmed.replace("show-first-episode-filmed", "show-filmed-again")
                                         .replace("title: First episode", "title: Again, the first episode"))),
        ("an event is removed", lambda: _replace(show, _block(show, "  - id: show-premiere", "  - id: show-allred-criticises-series"), "")),
        ("a person's name", lambda: _replace(content / "people.yaml", "name: Alec Baldwin\n", "name: Alexander Baldwin\n")),
        ("a publisher", lambda: _replace(content / "sources.yaml", "publisher: Deccan Herald\n", "publisher: The Deccan Herald\n")),
        ("a strand's title", lambda: _replace(content / "case.yaml", "title: The shooting on the Rust set\n", "title: The Rust shooting\n")),
        ("a strand page's title and status (its entry file's)", lambda: (
            _replace(show, "title: The Baldwins, TLC reality series\n", "title: The Baldwins on TLC\n"),
            _replace(show, "status: aired\n", "status: ended\n"))),
        ("a key point", lambda: _replace(content / "key-points.yaml", "with involuntary manslaughter.\n", "with involuntary manslaughter, a felony.\n")),
        ("a source's id, everywhere", lambda: _rename(content, "thewrap-2024-10-25", "the-wrap-2024-10-25")),
        ("a person's id, everywhere", lambda: _rename(content, "hilaria-baldwin", "hilaria-thomas-baldwin")),
        ("a template", add_template),
    ]
    options = BuildOptions(content, Path("-"), drafts=True, base_url="http://127.0.0.1:8000/")
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()
    for step, (what, edit) in enumerate(edits):
        edit()
        files = lazy_preview(rebuilder)
        expected = fresh(options)
        assert list(files) == list(expected), what
        names = list(expected)
        order = names[::-1] if step % 2 else names[1::2] + names[::2]
        for name in order:
            assert files[name] == expected[name], (what, name)
        assert rebuilder.complete(rebuilder.preview.generation) is None
    assert b"Edited." in rebuilder.preview.files["people/alec-baldwin/index.html"]


def test_a_one_event_edit_keeps_the_views_and_pages_of_everyone_it_does_not_name(example: Path) -> None:
    """A rebuild after a one-event edit makes new views and pages only for the event, its strand, the people it
    names, the sources it cites and the sources that list those people; every other person's and source's view,
    and each other person's pages, are the very objects of the rebuild before."""
    from site_builder.build.pages import plan_pages

    content = example / "content"
    session = Session()

    def build() -> tuple[Site, Plan]:
        site = build_site(load_valid(content, session, drafts=True), drafts=True, memo=session.views)
        return site, plan_pages(site, session.plans)

    first, first_plan = build()
    _replace(content / "entries" / "reality-show.yaml", "title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC")
    second, second_plan = build()
    named = {"tlc", "max", "alec-baldwin", "hilaria-baldwin"}  # the event's people
    # The sources the event cites, and those that list one of its people (people.yaml: Baldwin's citations).
    cited = {"ktbb-2025-01-27", "radar-2025-03-04", "deccan-herald-2021-10-23", "newkerala-2025-01-11", "radar-2025-02-17"}
    before = {p.model.id: p for p in first.people}
    for person in second.people:
        assert (person is before[person.model.id]) == (person.model.id not in named), person.model.id
    assert any(e.model.title == "The Baldwins premiere on TLC" for e in next(p for p in second.people if p.model.id == "max").events)
    sources_before = {s.model.id: s for s in first.sources}
    for source in second.sources:
        assert (source is sources_before[source.model.id]) == (source.model.id not in cited), source.model.id
    unchanged = [t.topic.id for t, u in zip(first.topics, second.topics) if t is u]
    assert unchanged == ["shooting", "charges", "dismissal", "civil-suits"]
    pages_before = {p.path: p for p in first_plan.pages}
    for page in second_plan.pages:
        if page.template == "person.html":
            assert (page is pages_before[page.path]) == (page.path.split("/")[1] not in named), page.path


def test_a_rebuild_that_fails_while_planning_leaves_the_kept_pages_of_the_last_good_one(
        example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages kept between rebuilds describe one whole plan: a rebuild that fails midway (here the people's
    pages, after the strands were planned again with an item moved) keeps none of its half, so the next good
    rebuild still sees which items moved and plans their people's pages again."""
    from site_builder.build import pages

    _paged(monkeypatch)
    content = example / "content"
    show = content / "entries" / "reality-show.yaml"
    options = BuildOptions(content, Path("-"), drafts=True, base_url="http://127.0.0.1:8000/")
    rebuilder = Rebuilder(options)
    rebuilder.rebuild()
    real = pages.person_pages

    def failing(person, plan):  # type: ignore[no-untyped-def]
        raise RuntimeError("planning failed")

    monkeypatch.setattr(pages, "person_pages", failing)
    # The strand's first event leaves: the events after it move up a page, and people's pages link to where they are.
    _replace(show, _block(show, "  - id: show-first-episode-filmed", "  - id: show-trailer-released"), "")
    outcome = rebuilder.rebuild(lazy=True)
    assert outcome.error is not None and "RuntimeError: planning failed" in outcome.error
    monkeypatch.setattr(pages, "person_pages", real)
    _replace(content / "entries" / "charges.yaml", "status: concluded\n", "status: closed\n")  # another strand: nothing moves here now
    files = lazy_preview(rebuilder)
    expected = fresh(options)
    assert {name: files[name] for name in expected} == expected
