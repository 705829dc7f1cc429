"""The cache beside the content: reused across builds, never trusted, never changing the output; unchanged files keep their times."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from site_builder.build import write
from site_builder.content import cache, incremental, validate, yamlload
from site_builder.build.pipeline import BuildOptions, build
from site_builder.content.cache import DIR, DiskCache, machine_key
from site_builder.errors import ContentErrors
from site_builder.files import digest as file_digest, file_id

from .conftest import ROOT, edit_line, snapshot

OLD = 1_000_000_000  # 2001: a time no build writes


def built(project: Path, out: str, use_cache: bool = True) -> dict[str, bytes]:
    build(BuildOptions(project / "content", project / out, cache=use_cache))
    return snapshot(project / out)


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files the YAML parser reads from now on (a file the cache answered is not parsed)."""
    seen: list[str] = []
    real = yamlload.load_yaml

    def counting(raw: bytes, name: str) -> yamlload.YamlDoc:
        seen.append(Path(name).name)
        return real(raw, name)

    monkeypatch.setattr("site_builder.content.load.load_yaml", counting)
    return seen


def test_a_second_build_reuses_the_cache_and_gives_the_same_bytes(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = built(example, "dist")
    assert sorted(p.name for p in (example / DIR).iterdir()) == ["files", "filetexts", "findings", "fragments", "pages", "parsed", "texts"]
    seen = parses(monkeypatch)
    assert built(example, "dist") == first
    assert seen == []  # every file came from the cache
    assert built(example, "fresh", use_cache=False) == first


@pytest.mark.parametrize("edit", [
    ("entries/charges.yaml", "with involuntary manslaughter\n", "with manslaughter\n"),  # an event's title
    ("people.yaml", "name: Alec Baldwin\n", "name: Alexander Baldwin\n"),  # a name shown in fragments of every strand
    ("sources.yaml", "publisher: RadarOnline", "publisher: Radar Online"),  # a publisher in every citation of it
    ("case.yaml", "title: Criminal charges", "title: The criminal charges"),  # a strand's title on its events
    ("templates", "", ""),  # a template of the project's own, overriding the default theme
])
def test_after_each_kind_of_edit_the_cached_build_equals_a_fresh_one(example: Path, edit: tuple[str, str, str]) -> None:
    built(example, "dist")
    name, old, new = edit
    if name == "templates":
        (example / "templates").mkdir()
        macros = (ROOT / "templates" / "_macros.html").read_text("utf-8")
        (example / "templates" / "_macros.html").write_text(macros.replace('<p class="claim-text">', '<p class="claim-text said">'), "utf-8")
        new = "claim-text said"
    else:
        path = example / "content" / name
        text = path.read_text("utf-8")
        assert text.count(old) >= 1, old
        path.write_text(text.replace(old, new), "utf-8")
    cached = built(example, "dist")
    assert cached == built(example, "fresh", use_cache=False)
    assert any(new.split(": ", 1)[-1].strip().encode() in data for data in cached.values())  # the new value is shown


def _forge(project: Path, key: bytes | None, code: str | None = None, at: Path | None = None, copy: bool = True) -> None:
    """A cache in ``project`` (or written as if for ``at``) that says case.yaml holds another title, signed with ``key``."""
    raw = (project / "content" / "case.yaml").read_bytes()
    forged = DiskCache(at or project, key)
    if code is not None:
        forged.code = code
    doc = yamlload.load_yaml(raw.replace(b"title: ", b"title: FORGED ", 1), "case.yaml")
    forged.remember_doc(raw, doc)
    forged._write("parsed", forged.used["parsed"])
    if at is not None and copy:
        shutil.copytree(at / DIR, project / DIR, dirs_exist_ok=True)


@pytest.mark.parametrize("damage", ["truncated", "random bytes", "another key", "another version", "another project", "a link"])
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(example: Path, tmp_path: Path, damage: str) -> None:
    fresh = built(example, "fresh", use_cache=False)
    key = machine_key()
    assert key is not None
    if damage == "truncated":
        built(example, "dist")
        for path in (example / DIR).rglob("*.json"):
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "random bytes":
        for kind in cache.KINDS:
            (example / DIR / kind).mkdir(parents=True)
            for shard in ("s", "s3", "s3f"):
                (example / DIR / kind / f"{shard}.json").write_bytes(os.urandom(4096))
    elif damage == "another key":
        _forge(example, b"k" * 32)
    elif damage == "another version":
        _forge(example, key, code="an older site-builder")
    elif damage == "another project":
        other = tmp_path / "other"
        other.mkdir()
        _forge(example, key, at=other)
    elif damage == "a link":  # a cache folder linked elsewhere is neither read nor written through
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        _forge(example, key, at=elsewhere, copy=False)  # signed, right version, for that folder as a project
        (example / DIR).symlink_to(elsewhere / DIR)
    assert built(example, "dist") == fresh
    if damage == "a link":
        assert sorted(p.name for p in (elsewhere / DIR).iterdir()) == ["parsed"]  # nothing written there
        assert len(list((elsewhere / DIR / "parsed").iterdir())) == 1
        return
    # The next build finds the cache this one wrote, whole and its own: the 9 content files (case, people, sources,
    # key points, 5 entries) parsed, and the fragments and pages.
    reopened = DiskCache.open(example)
    assert all(held for shards in reopened.shards.values() for held in shards.values())  # no file left that is not to trust
    assert len(reopened.loaded["parsed"]) == 9 and len(reopened.loaded["fragments"]) > 50 and len(reopened.loaded["pages"]) > 30
    assert built(example, "dist") == fresh


def test_a_cache_signed_with_this_machines_key_is_the_only_one_read(example: Path) -> None:
    """The control for the test above: the same forged entry, signed with the right key, is read (so the
    checks above, not an accident, keep it out)."""
    key = machine_key()
    assert key is not None
    _forge(example, key)
    assert b"FORGED" in built(example, "dist")["index.html"]


def test_no_cache_reads_and_writes_none(example: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("build", "--content", example / "content", "--out", example / "dist", "--no-cache").code == 0
    assert not (example / DIR).exists()
    _forge(example, machine_key())
    assert run("build", "--content", example / "content", "--out", example / "dist", "--no-cache").code == 0
    assert b"FORGED" not in (example / "dist" / "index.html").read_bytes()
    assert run("build", "--content", example / "content", "--out", example / "dist").code == 0
    assert b"FORGED" in (example / "dist" / "index.html").read_bytes()  # (the forged cache was there to be read)


def test_without_a_key_builds_do_without_a_cache(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "machine_key", lambda: None)
    assert built(example, "dist") == built(example, "fresh", use_cache=False)
    assert not (example / DIR).exists()


def test_only_files_whose_bytes_changed_get_a_new_time(example: Path) -> None:
    out = example / "dist"
    built(example, "dist")
    for path in out.rglob("*"):
        os.utime(path, (OLD, OLD), follow_symlinks=False)
    before = snapshot(out)
    path = example / "content" / "entries" / "reality-show.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"), "utf-8")
    after = built(example, "dist")
    changed = {name for name in after if after[name] != before.get(name)}
    # The strand's page, the timeline, the people it names, the home page (latest events), case.json, the feed...
    assert "topics/reality-show/index.html" in changed and "case.json" in changed
    assert "about/index.html" not in changed and "topics/charges/index.html" not in changed
    for name in after:
        if name == ".site-builder-build.json":
            continue
        old_time = (out / name).stat().st_mtime == OLD
        assert old_time == (name not in changed), name


def test_a_page_edited_in_the_output_is_rendered_again_not_trusted(example: Path) -> None:
    """Unchanged pages are read back from the last output, which is anyone's to edit: only bytes whose
    digest the signed cache holds are taken."""
    first = built(example, "dist")
    page = example / "dist" / "people" / "alec-baldwin" / "index.html"
    text = page.read_bytes()
    page.write_bytes(text.replace(b"Alec Baldwin", b"Alec Baldwyn"))  # same size, other bytes
    assert built(example, "dist") == first


def test_pages_read_back_from_the_last_output_are_linked_without_reading_them_again(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer compares an unchanged file with the last output's before linking it; a page the build read back
    from there (and found unchanged since, by its identity: inode, size, times) is not read a second time."""
    built(example, "dist")
    opened: list[str] = []
    real_open, out = os.open, (example / "dist").resolve()

    def spying(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).is_relative_to(out):
            opened.append(Path(path).relative_to(out).as_posix())
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(write.os, "open", spying)  # (os itself: the cache's reads are seen too)
    again = built(example, "dist")
    pages = {name for name in again if name.endswith(".html")}
    assert pages and all(opened.count(name) == 1 for name in pages)  # once: read back (cache.DiskCache.page)
    assert {"case.json", "feed.xml", "sitemap.xml"} <= set(opened)  # made anew each build: compared by their bytes


def test_a_file_changed_after_the_build_read_it_is_compared_by_its_bytes(tmp_path: Path) -> None:
    """Given an identity a file no longer has, the writer reads it before carrying it over: a page edited in the
    output after the build read it back is written anew, not linked."""
    out = tmp_path / "dist"
    write.write_site({"a.html": b"old page", "b.html": b"same"}, out, protect=[])
    identity = {name: file_id(os.stat(out / name)) for name in ("a.html", "b.html")}
    (out / "a.html").write_bytes(b"new page")  # same size, other bytes: a new change time
    inode_b = os.stat(out / "b.html").st_ino
    write.write_site({"a.html": b"old page", "b.html": b"same"}, out, protect=[], read_back=identity)
    assert (out / "a.html").read_bytes() == b"old page"
    assert os.stat(out / "b.html").st_ino == inode_b  # unchanged since read: carried over (a hard link)


def test_the_digests_of_an_unchanged_files_items_come_from_the_cache(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every entry of the cache is addressed by digests of the models it shows; an unchanged file's items (events,
    claims, quotes, people, sources, strands) have the digests recorded for the file's bytes, not made again from
    each model's JSON. An edited file's items are digested anew."""
    built(example, "dist")
    dumped: list[str] = []
    real = BaseModel.model_dump_json

    def counting(self: BaseModel, *args: object, **kwargs: object) -> str:
        dumped.append(type(self).__name__)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BaseModel, "model_dump_json", counting)
    first = built(example, "dist")
    assert not {"Event", "Claim", "Quote", "Person", "Source", "Topic"} & set(dumped)
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"), "utf-8")
    dumped.clear()
    assert built(example, "dist") != first
    items = [type_ for type_ in dumped if type_ in ("Event", "Claim", "Quote", "Person", "Source", "Topic")]
    assert len(items) == 25 and set(items) == {"Event", "Claim", "Quote"}  # the 25 items of reality-show.yaml, once each
    assert snapshot(example / "dist") == built(example, "fresh", use_cache=False)


def test_a_run_of_edits_across_files_stays_equal_to_fresh_builds(example: Path) -> None:
    """Pages reused from the output keep the fragments they were made of in the cache, for the build that needs them next."""
    built(example, "dist")
    edits = [("entries/shooting.yaml", "review: reviewed", "review: draft"),
             ("entries/reality-show.yaml", "title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"),
             ("entries/shooting.yaml", "review: draft", "review: reviewed"),
             ("people.yaml", "name: Alec Baldwin\n", "name: Alexander Baldwin\n")]
    for name, old, new in edits:
        path = example / "content" / name
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
        assert built(example, "dist") == built(example, "fresh", use_cache=False), name


def test_edits_to_a_strands_own_file_header_reach_every_paged_timeline_page(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every timeline page lists every strand by the title and status of its entry file (the filters, the
    "Events by strand" links), so a page reused from the last output must not outlive an edit to them: with the
    timeline paged (5 events a page, as a big case is), each edit builds what a fresh build makes."""
    from site_builder.build import pages

    monkeypatch.setattr(pages, "TIMELINE_SPLIT", 5)
    monkeypatch.setattr(pages, "PAGE_ITEMS", 3)
    built(example, "dist")
    show = example / "content" / "entries" / "reality-show.yaml"
    for old, new in (("title: The Baldwins, TLC reality series\n", "title: The Baldwins on TLC\n"),
                     ("status: aired\n", "status: ended\n")):
        show.write_text(show.read_text("utf-8").replace(old, new, 1), "utf-8")
        fresh = built(example, "fresh", use_cache=False)
        assert built(example, "dist") == fresh, old
    assert any(b"The Baldwins on TLC" in page for name, page in fresh.items() if name.startswith("timeline/20"))


def test_forked_render_workers_fill_and_use_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site of over 400 pages renders on forked workers, which send back what they used of the cache; after a
    one-event edit the few pages to render are rendered in the build's own process (the unchanged ones, read back
    from the last output, never travel through a worker)."""
    from .test_paging import _generate

    project = tmp_path / "big"
    _generate()(1500, project)  # type: ignore[operator]
    options = BuildOptions(project / "content", project / "dist", workers=2, cache=True)
    build(options)
    used = DiskCache.open(project).loaded
    assert len(used["pages"]) > 400 and len(used["fragments"]) > 2000
    entry = project / "content" / "entries" / "trial.yaml"
    entry.write_text(entry.read_text("utf-8").replace("title: '", "title: 'Edited: ", 1), "utf-8")

    def no_workers(method: str) -> None:
        raise AssertionError(f"render workers started ({method})")

    with monkeypatch.context() as patched:
        patched.setattr("site_builder.build.render.mp.get_context", no_workers)
        build(options)
    assert snapshot(project / "dist") == built(project, "fresh", use_cache=False)


def test_an_error_in_one_file_gives_the_line_in_a_file_read_from_the_cache(example: Path, run) -> None:  # type: ignore[no-untyped-def]
    """The cache keeps no line numbers: an error that points into an unchanged file finds its line by parsing it again."""
    built(example, "dist")
    first = (example / "content" / "entries" / "charges.yaml").read_text("utf-8").split("\n")
    line = first.index("  - id: charges-filing-decision") + 1
    block = "\n".join(first[line - 1 : first.index("  - id: charges-nikas-responds")])  # the whole event, valid
    shooting = example / "content" / "entries" / "shooting.yaml"
    text = shooting.read_text("utf-8")
    assert "\nevents:\n" in text
    shooting.write_text(text.replace("\nevents:\n", f"\nevents:\n{block}\n", 1), "utf-8")  # its copy in another file
    result = run("build", "--content", example / "content", "--out", example / "dist", "--no-search")
    assert result.code != 0
    assert f"duplicate id 'charges-filing-decision' (first defined at {example / 'content' / 'entries' / 'charges.yaml'}:{line})" in result.err


def test_an_edited_entry_file_is_parsed_only_where_it_changed(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache keeps an entry file's text with its document: after an edit inside one item, `build` parses that
    item again (content.incremental, as the dev server does), not the whole file, and builds what a fresh build does."""
    built(example, "dist")
    whole = parses(monkeypatch)
    pieces: list[str] = []
    monkeypatch.setattr(incremental, "load_yaml", lambda raw, name: (pieces.append(raw.decode("utf-8")), yamlload.load_yaml(raw, name))[1])
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"), "utf-8")
    after = built(example, "dist")
    assert whole == []
    assert after == built(example, "fresh", use_cache=False)
    assert len(pieces) == 2 and all(piece.startswith("  - id: ") for piece in pieces)  # the event, before and after
    assert "The Baldwins premieres on TLC" in pieces[0] and "The Baldwins premiere on TLC" in pieces[1]


def test_an_error_in_an_item_parsed_alone_is_reported_as_by_a_whole_parse(example: Path, run) -> None:  # type: ignore[no-untyped-def]
    """An edit that breaks the item it touches fails with the same report, file, line and field, with the cache as without."""
    built(example, "dist")
    path = example / "content" / "entries" / "reality-show.yaml"
    lines = path.read_text("utf-8").split("\n")
    line = lines.index("    title: The Baldwins premieres on TLC") + 1
    edit_line(path, line, "title: The Baldwins premieres on TLC", "titel: The Baldwins premieres on TLC")
    cached = run("build", "--content", example / "content", "--out", example / "dist", "--no-search")
    fresh = run("build", "--content", example / "content", "--out", example / "fresh", "--no-search", "--no-cache")
    assert cached.code == fresh.code == 1
    assert cached.err == fresh.err == (  # the third event, show-premiere, begins on line 66
        f"{path}:66: events[2].title: required field is missing\n"
        f"{path}:{line}: events[2].titel: unknown key 'titel' (did you mean 'title'?)\n2 problems in content\n")


def test_after_an_edit_only_the_sources_an_item_checked_again_cites_are_normalised(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every other item's findings come from the cache: of the example's 7 source files, only the two that the
    edited event (show-premiere) cites are normalised, not all 7. (Key points, checked on every build, would add
    those they cite: without key-points.yaml here.)"""
    (example / "content" / "key-points.yaml").unlink()
    built(example, "dist")
    sources = {(example / "seeds" / p.name).read_text("utf-8-sig") : p.name for p in (example / "seeds").glob("*.txt")}
    normalised: list[str] = []
    real = validate.normalize
    monkeypatch.setattr(validate, "normalize", lambda text: (normalised.append(sources.get(text, "")), real(text))[1])
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"), "utf-8")
    built(example, "dist")
    assert sorted(name for name in normalised if name) == ["001_3629451b70e018e5.txt", "17_ktbb-abc-audio-the-baldwins-trailer.txt"]


def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the items validation checks from now on (an item whose findings the cache answered is not checked)."""
    seen: list[str] = []
    real = validate._item_findings

    def counting(item, *args):  # type: ignore[no-untyped-def]
        seen.append(item.id)
        return real(item, *args)

    monkeypatch.setattr(validate, "_item_findings", counting)
    return seen


def test_validation_findings_are_reused_per_unchanged_item(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built(example, "dist")
    seen = checks(monkeypatch)
    built(example, "dist")
    assert seen == []  # every item's findings came from the cache
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: TLC releases the first trailer for The Baldwins",
                                                    "title: TLC releases the first trailer of The Baldwins"), "utf-8")
    cached = built(example, "dist")
    assert seen == ["show-trailer-released"]  # the edited event alone
    assert cached == built(example, "fresh", use_cache=False)


def test_an_unchanged_list_of_items_is_validated_by_one_verdict(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file's events (claims, quotes; the people) unchanged since the last build take their findings from one
    entry for the whole list, not one per item; the edited list is looked up item by item, and an item of a list
    answered whole keeps its own entry for a later edit of that list."""
    built(example, "dist")
    looked_up: list[str] = []
    real = DiskCache.findings
    monkeypatch.setattr(DiskCache, "findings", lambda self, key: looked_up.append(key) or real(self, key))
    seen = checks(monkeypatch)
    built(example, "dist")
    assert looked_up == [] and seen == []
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: TLC releases the first trailer for The Baldwins",
                                                    "title: TLC releases the first trailer of The Baldwins"), "utf-8")
    built(example, "dist")
    assert len(looked_up) == 4 and seen == ["show-trailer-released"]  # reality-show's 4 events; the edited one checked
    looked_up.clear()
    seen.clear()
    path = example / "content" / "entries" / "charges.yaml"
    path.write_text(path.read_text("utf-8").replace("with involuntary manslaughter\n", "with manslaughter\n"), "utf-8")
    cached = built(example, "dist")
    assert len(looked_up) == 4 and seen == ["charges-filing-decision"]  # the 3 others kept their entries
    assert cached == built(example, "fresh", use_cache=False)


TRAILER = "On Monday, TLC released the first trailer for the documentary series"
# Edits that make an unchanged item wrong: what it is checked against changed, not the item.
BREAKING = [
    ("seeds/17_ktbb-abc-audio-the-baldwins-trailer.txt", TRAILER, "On Monday, TLC showed the first trailer for the documentary series",
     "sentence not found in source 'ktbb-2025-01-27': \"On Monday, TLC released the first trailer for the documentary series about Alec"),
    ("content/case.yaml", "  - blowhard\n", "  - blowhard\n  - trailer\n", "loaded language 'trailer' in the site's own voice"),
    ("content/sources.yaml", "id: ktbb-2025-01-27", "id: ktbb-2025-01-28", "unknown source id 'ktbb-2025-01-27'"),
    # a person's role: people's findings are kept too
    ("content/case.yaml", "  - blowhard\n", "  - blowhard\n  - photography\n",
     "people.yaml:48: people[1].role: loaded language 'photography' in the site's own voice"),
]


@pytest.mark.parametrize("edit", BREAKING, ids=["a cited source's text", "the loaded words", "a source's id", "a word in a person's role"])
def test_an_edit_that_makes_unchanged_items_invalid_fails_as_without_the_cache(example: Path, run, edit: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert run("build", "--content", example / "content", "--out", example / "dist").code == 0
    name, old, new, expected = edit
    path = example / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    cached = run("build", "--content", example / "content", "--out", example / "dist")
    fresh = run("build", "--content", example / "content", "--out", example / "fresh", "--no-cache")
    assert cached.code == fresh.code == 1
    assert cached.err == fresh.err and expected in cached.err, cached.err
    assert not (example / "fresh").exists()


def test_damaged_findings_in_a_signed_cache_are_checked_again(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings entries of the wrong shape (which a signed file can only hold through a bug) are not trusted:
    every item is checked again."""
    fresh = built(example, "fresh", use_cache=False)
    built(example, "dist")
    disk = DiskCache.open(example)
    # every event, claim and quote of the example, and every person; and one verdict per list (3 in each of 5
    # entries, the people)
    assert len(disk.loaded["findings"]) == 88 + 28 + 3 * 5 + 1
    seen = checks(monkeypatch)
    for value in ("", [["where"]], [[["a", None], "message"]], [[[True], "message"]], {"a": 1}):
        disk._write("findings", {key: value for key in disk.loaded["findings"]})
        seen.clear()
        assert built(example, "dist") == fresh
        assert len(seen) == 88, value


def test_a_small_site_keeps_one_cache_file_per_kind_and_one_per_parsed_file(example: Path) -> None:
    built(example, "dist")
    counts = {kind.name: len(list(kind.iterdir())) for kind in (example / DIR).iterdir()}
    assert counts == {"parsed": 9, "filetexts": 5, "fragments": 1, "pages": 1, "findings": 1, "texts": 1, "files": 1}


def test_a_one_event_edit_rewrites_only_the_cache_shards_it_changed(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each kind of entry is a folder of shards (by the first hex digits of the key; two digits for a case this
    big, when a shard holds at most 1 entry): an edit rewrites the shards holding entries it added or dropped,
    and the build from that cache still equals a fresh one."""
    monkeypatch.setattr(cache, "SHARD_ENTRIES", 1)
    built(example, "dist")
    assert len(list((example / DIR / "fragments").iterdir())) > 50
    files = sorted((example / DIR).rglob("*.json"))
    for path in files:
        os.utime(path, (OLD, OLD))
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"), "utf-8")
    assert built(example, "dist") == built(example, "fresh", use_cache=False)
    rewritten = {p.relative_to(example / DIR).as_posix() for p in (example / DIR).rglob("*.json") if p.stat().st_mtime != OLD}
    kinds = {name.split("/")[0] for name in rewritten}
    # the edited file (its document, its text, and which document it is now); the event's fragments, pages, findings, texts
    assert kinds == {"parsed", "filetexts", "files", "fragments", "pages", "findings", "texts"}
    assert sum(name.startswith("parsed/") for name in rewritten) <= 2  # the new document's shard (and the old one's, removed or rewritten)
    # the event's new findings and the new verdict of its file's events; the old ones dropped
    assert sum(name.startswith("findings/") for name in rewritten) <= 4
    assert len(rewritten) < len(files) / 4


def test_a_shard_under_another_shards_name_is_not_read(example: Path) -> None:
    """A signed shard names its kind and shard in its header: copied or renamed to another shard, it is ignored."""
    _forge(example, machine_key())
    (shard,) = (example / DIR / "parsed").iterdir()
    other = "s00" if shard.name != "s00.json" else "s01"
    shard.rename(shard.with_name(f"{other}.json"))
    assert b"FORGED" not in built(example, "dist")["index.html"]


def exported(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the events whose case.json entry or timeline.json slide is made from now on (not taken from the cache)."""
    from site_builder.build import exports

    seen: list[str] = []
    for name in ("_event", "_slide"):
        real = getattr(exports, name)

        def counting(*args, real=real, name=name):  # type: ignore[no-untyped-def]
            seen.append(f"{name}:{args[-1].model.id if name == '_event' else args[1].model.id}")
            return real(*args)

        monkeypatch.setattr(exports, name, counting)
    return seen


def test_export_texts_of_unchanged_items_come_from_the_cache(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """case.json and timeline.json are joined from each item's text; `build` keeps those texts in the cache, a run
    of items at a time (here, runs of one item: the key of each run shows each of its items)."""
    from site_builder.build import pipeline

    monkeypatch.setattr(pipeline, "RUN_LONGEST", 1)
    built(example, "dist")
    seen = exported(monkeypatch)
    path = example / "content" / "entries" / "reality-show.yaml"
    path.write_text(path.read_text("utf-8").replace("title: TLC releases the first trailer for The Baldwins",
                                                    "title: TLC releases the first trailer of The Baldwins"), "utf-8")
    cached = built(example, "dist")
    assert seen == ["_event:show-trailer-released", "_slide:show-trailer-released"]  # the edited event alone
    monkeypatch.undo()
    assert cached == built(example, "fresh", use_cache=False)
    assert b"first trailer of The Baldwins" in cached["case.json"] and b"first trailer of The Baldwins" in cached["timeline.json"]


def test_an_unchanged_event_moved_to_another_strand_is_exported_under_it(example: Path) -> None:
    """The same event (same model, same digest) in another strand's file: its texts name the new strand."""
    built(example, "dist")
    source, target = (example / "content" / "entries" / f"{name}.yaml" for name in ("reality-show", "shooting"))
    lines = source.read_text("utf-8").split("\n")
    start = lines.index("  - id: show-trailer-released")
    end = next(n for n in range(start + 1, len(lines)) if lines[n].startswith("  - id: ") or not lines[n].startswith(" "))
    block = lines[start:end]
    source.write_text("\n".join(lines[:start] + lines[end:]), "utf-8")
    text = target.read_text("utf-8")
    target.write_text(text.replace("\nevents:\n", "\nevents:\n" + "\n".join(block) + "\n", 1), "utf-8")
    cached = built(example, "dist")
    assert cached == built(example, "fresh", use_cache=False)
    assert b'"id":"show-trailer-released","topic":"shooting"' in cached["case.json"]


def test_the_search_index_is_kept_from_the_last_output_while_its_records_are_the_same(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind runs again only when the records changed: otherwise the last output's bundle is taken, each file
    checked against the digest the cache holds (a bundle file edited in the output is not trusted)."""
    from site_builder.build import pipeline

    def searched(out: str, use_cache: bool = True) -> dict[str, bytes]:
        build(BuildOptions(example / "content", example / out, cache=use_cache, search=True))
        return snapshot(example / out)

    runs: list[int] = []
    real = pipeline.Indexing

    def counting(*args):  # type: ignore[no-untyped-def]
        runs.append(1)
        return real(*args)

    monkeypatch.setattr(pipeline, "Indexing", counting)
    searched("dist")
    assert len(runs) == 1
    sources = example / "content" / "sources.yaml"
    sources.write_text(sources.read_text("utf-8").replace("publisher: RadarOnline", "publisher: Radar Online"), "utf-8")  # in no record
    kept = searched("dist")
    assert len(runs) == 1 and any(name.startswith("pagefind/") for name in kept)
    assert b"Radar Online" in kept["sources/index.html"]
    assert kept == searched("fresh", use_cache=False)
    shutil.rmtree(example / "fresh")
    runs.clear()
    meta = next(p for p in (example / "dist" / "pagefind").iterdir() if p.name.endswith(".pf_meta"))
    meta.write_bytes(meta.read_bytes() + b"x")  # the output is anyone's to edit
    assert searched("dist") == kept and len(runs) == 1
    path = example / "content" / "entries" / "reality-show.yaml"  # an event's title: in its record
    path.write_text(path.read_text("utf-8").replace("title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"), "utf-8")
    runs.clear()
    again = searched("dist")
    assert len(runs) == 1 and again == searched("fresh", use_cache=False)


@pytest.mark.parametrize("name", ["pagefind/../outside.txt", "elsewhere/file", "pagefind//x", "pagefind/link"])
def test_a_search_entry_naming_a_file_outside_the_bundle_or_a_link_is_not_read(tmp_path: Path, name: str) -> None:
    """A signed entry can only hold such paths through a bug; even so, nothing outside the bundle's folder is read."""
    out = tmp_path / "dist"
    (out / "pagefind").mkdir(parents=True)
    (tmp_path / "outside.txt").write_bytes(b"secret")
    (out / "elsewhere").mkdir()
    (out / "elsewhere" / "file").write_bytes(b"secret")
    (out / "pagefind" / "link").symlink_to(tmp_path / "outside.txt")
    disk = DiskCache(tmp_path, b"k" * 32)
    disk.loaded["search"]["a" * 64] = {name: file_digest(b"secret")}
    assert disk.bundle("a" * 64, out, "pagefind/") is None


def test_statements_are_rendered_once_before_the_render_workers_fork(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every event, claim and quote is on pages of both workers: the build's own process renders them before
    forking, so that no worker renders one again; the output is the same as rendered in one process."""
    from site_builder.build import render

    from .test_paging import _generate

    project = tmp_path / "big"
    _generate()(1500, project)  # type: ignore[operator]
    log = tmp_path / "rendered.log"
    real = render.Fragments._macro

    def logged(self, name):  # type: ignore[no-untyped-def]
        with open(log, "a", encoding="utf-8") as out:  # from any process: forked workers inherit this patch
            out.write(f"{os.getpid()} {name}\n")
        return real(self, name)

    monkeypatch.setattr(render.Fragments, "_macro", logged)
    build(BuildOptions(project / "content", project / "dist", workers=2, cache=True))
    monkeypatch.undo()
    lines = [line.split() for line in log.read_text("utf-8").splitlines()]
    statements = [(pid, name) for pid, name in lines if name in ("event", "claim", "quote")]
    assert len(statements) > 1500 and {pid for pid, _ in statements} == {str(os.getpid())}
    assert any(pid != str(os.getpid()) for pid, _ in lines)  # the workers rendered the rest (sources)
    assert snapshot(project / "dist") == built(project, "fresh", use_cache=False)


def test_shards_prepared_while_the_pages_render_are_the_ones_a_plain_save_writes(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DiskCache.prepare (parsed files, findings and texts encoded while the render workers run) changes no byte
    of the cache a build leaves."""
    prepared: list[tuple[str, ...]] = []
    real = DiskCache.prepare
    monkeypatch.setattr(DiskCache, "prepare", lambda self, kinds: prepared.append(kinds) or real(self, kinds))
    built(example, "dist")
    assert prepared == [("parsed", "findings", "texts")]
    with_prepare = snapshot(example / DIR)
    shutil.rmtree(example / DIR)
    monkeypatch.setattr(DiskCache, "prepare", lambda self, kinds: None)
    built(example, "dist2")
    assert snapshot(example / DIR) == with_prepare
    assert {name.split("/")[0] for name in with_prepare} >= {"parsed", "findings", "texts", "fragments", "pages"}


def test_an_entry_added_after_prepare_is_saved_all_the_same(example: Path) -> None:
    disk = DiskCache.open(example)
    disk.remember_text("ab" + "0" * 62, "first")
    disk.prepare(("texts",))
    disk.remember_text("cd" + "0" * 62, "second")
    disk.save()
    assert DiskCache.open(example).loaded["texts"] == {"ab" + "0" * 62: "first", "cd" + "0" * 62: "second"}


def test_a_build_that_fails_after_prepare_leaves_the_cache_as_it_was(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built(example, "dist")
    before = snapshot(example / DIR)
    entry = example / "content" / "entries" / "charges.yaml"
    entry.write_text(entry.read_text("utf-8").replace("title: Criminal charges", "title: Charges", 1), "utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("site_builder.build.pipeline.write_site", fail)
    with pytest.raises(OSError, match="disk full"):
        built(example, "dist")
    assert snapshot(example / DIR) == before


def test_an_edit_build_decodes_only_the_cache_entries_it_reads(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a one-event edit, of the entry files' texts only the edited file's last version is decoded (it is
    parsed against it), and of the fragments only those of the pages rendered again: the others are carried
    into the next save undecoded, and the build still equals a fresh one."""
    from site_builder.content import records

    built(example, "dist")
    total = len(DiskCache.open(example).loaded["fragments"])
    decoded: list[tuple[str, bytes]] = []
    real = records._decode

    def counting(blob: bytes, start: int, end: int) -> object:
        head = blob[blob.index(b"\n") + 1:blob.index(b"\n", blob.index(b"\n") + 1)]  # below the signature line
        decoded.append((records.json.loads(head)["header"]["kind"], blob[start:end]))
        return real(blob, start, end)

    path = example / "content" / "entries" / "charges.yaml"
    old = path.read_bytes()
    path.write_bytes(old.replace(b"with involuntary manslaughter\n", b"with manslaughter\n"))
    asked: set[str] = set()  # the fragments a page rendered again found in the cache
    fragment = DiskCache.fragment

    def found(self: DiskCache, key: str) -> str | None:
        html = fragment(self, key)
        if html is not None:
            asked.add(key)
        return html

    monkeypatch.setattr(records, "_decode", counting)
    monkeypatch.setattr(DiskCache, "fragment", found)
    cached = built(example, "dist")
    monkeypatch.undo()
    assert [record for kind, record in decoded if kind == "filetexts"] == [b"s" + old]
    fragments = [record for kind, record in decoded if kind == "fragments"]
    assert 0 < len(fragments) == len(asked) < total  # each asked for decoded once; none of those only carried over
    assert cached == built(example, "fresh", use_cache=False)
    again = DiskCache.open(example)  # what was carried undecoded was written back whole
    assert len(again.loaded["filetexts"]) == 5 and len(again.loaded["fragments"]) == total


def test_runs_of_export_texts_end_where_the_items_say() -> None:
    """A run ends after an item whose digest ends with 00, or when it is RUN_LONGEST long; an item added
    changes the run it joins, not the runs after it (they are chosen by the items, not their positions)."""
    from site_builder.build.pipeline import runs

    digests = ["a1", "b2", "c00", "d4", "e00", "f6", "a7", "b8", "c9"]
    assert runs(digests, 3) == [(0, 3), (3, 5), (5, 8), (8, 9)]
    assert runs(digests, 100) == [(0, 3), (3, 5), (5, 9)]
    assert runs(["x"] + digests, 100) == [(0, 4), (4, 6), (6, 10)]  # the same runs after the first, one further on
    assert runs([], 3) == []


def test_an_event_added_then_removed_gives_the_output_of_a_fresh_build(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An added item changes the run of export texts it joins (and the verdict of its list); removing it again
    finds the runs of before, and the output is a fresh build's each time."""
    from site_builder.build import pipeline

    monkeypatch.setattr(pipeline, "RUN_LONGEST", 4)  # several runs in the example's lists
    built(example, "dist")
    path = example / "content" / "entries" / "charges.yaml"
    old = path.read_text("utf-8")
    start = old.index("  - id: charges-filing-decision\n")
    end = old.index("  - id: charges-nikas-responds\n")
    added = old[start:end].replace("id: charges-filing-decision", "id: charges-filing-copy").replace(
        "title: Prosecutors decide", "title: Prosecutors again decide")
    path.write_text(old[:end] + added + old[end:], "utf-8")
    cached = built(example, "dist")
    assert cached == built(example, "fresh", use_cache=False)
    assert b"Prosecutors again decide" in cached["case.json"] and b"Prosecutors again decide" in cached["timeline.json"]
    path.write_text(old, "utf-8")
    assert built(example, "dist") == built(example, "fresh2", use_cache=False)
