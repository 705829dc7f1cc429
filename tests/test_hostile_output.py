"""Attacks on the output side (issue #16, items 1, 8, 10, 12, 15, 16): each reproduces a break, with its exact message.

Nothing lost: `build --out` replaces only a folder a previous build wrote, and never deletes a file that build
did not write; an interrupted build leaves no litter the next build does not clean, and the output folder is
never missing. Nothing leaked: the base URL cannot carry script or extra lines into the site. Bad command-line
values are usage errors (exit 2), unwritable or missing folders are errors (exit 1), never a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.build import write
from site_builder.content.cache import DIR as CACHE  # the build cache beside the content (a CLI build writes it)
from site_builder.cli import main
from site_builder.serve import PreviewServer, ServeError, ServeOptions

from .conftest import edit_line, snapshot

MARKER = ".site-builder-build.json"


def build(run, project: Path, out: Path, *more: str):  # type: ignore[no-untyped-def]
    return run("build", "--content", project / "content", "--out", out, *more)


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The last line argparse prints for a bad command line (which must exit with status 2)."""
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.rstrip("\n").split("\n")[-1]


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped), as a SIGKILLed build's would be."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(proc.stdout)


# --- 1. a build replaces only what a build wrote --------------------------------------------------------------


def test_a_folder_that_merely_holds_a_case_json_is_not_replaced(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    thesis = project / "thesis"
    (thesis / "photos").mkdir(parents=True)
    (thesis / "case.json").write_text('{"my": "notes"}')
    (thesis / "thesis.docx").write_bytes(b"PK\x03\x04 years of work")
    (thesis / "photos" / "court.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(thesis)
    result = build(run, project, thesis)
    assert (result.code, result.err) == (1, f"error: refusing to replace '{thesis}': it is not a site-builder output "
                                             f"(no {MARKER}); if it is a build of an older version, delete it yourself "
                                             "and build again\n")
    assert snapshot(thesis) == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "seeds", "thesis"]  # no staging left behind


def test_an_older_build_without_the_marker_is_refused_never_deleted(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    (out / MARKER).unlink()  # what a build by an older version looks like
    before = snapshot(out)
    result = build(run, project, out)
    assert result.code == 1
    assert result.err == (f"error: refusing to replace '{out}': it is not a site-builder output (no {MARKER}); "
                          "if it is a build of an older version, delete it yourself and build again\n")
    assert snapshot(out) == before


def test_the_marker_names_the_tool_and_every_file_the_build_wrote(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    marker = json.loads((out / MARKER).read_text("utf-8"))
    assert marker["tool"] == "site-builder"
    written = sorted(name for name in snapshot(out) if name != MARKER)
    assert marker["files"] == written
    assert {"index.html", "case.json", "static/site.css", "people/sam-ortiz/index.html"} <= set(written)


def test_files_added_to_a_build_are_named_and_kept(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    (out / "notes.txt").write_text("mine")
    (out / "people" / "photos").mkdir()
    (out / "people" / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(out)
    result = build(run, project, out)
    assert (result.code, result.err) == (1, f"error: refusing to replace '{out}': it holds files the last build "
                                             "did not write: notes.txt, people/photos/a.jpg; move them elsewhere, "
                                             "then build again\n")
    assert snapshot(out) == before
    (out / "notes.txt").unlink()
    (out / "people" / "photos" / "a.jpg").unlink()
    assert build(run, project, out).code == 0  # an empty folder the user left is no file of theirs to lose


def test_a_long_list_of_added_files_is_shortened(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    for n in range(8):
        (out / f"n{n}.txt").write_text("mine")
    result = build(run, project, out)
    assert result.err == (f"error: refusing to replace '{out}': it holds files the last build did not write: "
                          "n0.txt, n1.txt, n2.txt, n3.txt, n4.txt and 3 more; move them elsewhere, then build again\n")


def test_a_link_added_to_a_build_is_refused_and_what_it_points_at_kept(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "site.css").write_text("mine")
    shutil.rmtree(out / "static")
    (out / "static").symlink_to(elsewhere)  # deleting the old build through this link would delete elsewhere/site.css
    result = build(run, project, out)
    assert (result.code, result.err) == (1, f"error: refusing to replace '{out}': it holds files the last build "
                                             "did not write: static; move them elsewhere, then build again\n")
    assert (elsewhere / "site.css").read_text() == "mine"


def test_a_marker_that_is_not_ours_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    for text in ['{"tool": "other-tool", "files": []}', "not json", '{"tool": "site-builder", "files": ["../thesis.docx"]}']:
        out.mkdir(exist_ok=True)
        (out / MARKER).write_text(text)
        result = build(run, project, out)
        assert (result.code, result.err) == (1, f"error: refusing to replace '{out}': its {MARKER} "
                                                 "is not a site-builder manifest\n"), text
        assert (out / MARKER).read_text() == text


def test_an_empty_folder_or_a_file_as_output(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    empty = project / "empty"
    empty.mkdir()
    assert build(run, project, empty).code == 0
    assert (empty / "index.html").is_file()
    afile = project / "afile"
    afile.write_text("mine")
    result = build(run, project, afile)
    assert (result.code, result.err) == (1, f"error: refusing to replace '{afile}': it is not a folder\n")
    assert afile.read_text() == "mine"


def test_pages_the_last_build_wrote_and_this_one_does_not_are_removed(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    # (without the search index, whose file names are hashes of what it holds, so they change with the drafts)
    assert build(run, project, out, "--drafts", "--no-search").code == 0
    drafts = set(snapshot(out))
    assert build(run, project, out, "--no-search").code == 0
    assert set(snapshot(out)) < drafts  # draft-only pages went with the build that wrote them
    assert json.loads((out / MARKER).read_text())["files"] == sorted(set(snapshot(out)) - {MARKER})


# --- 8. interrupted builds: no litter, and the output is never missing ------------------------------------------

KILLED_AT_SWAP = """
import os, signal, sys
from site_builder.build import write
write._put_in_place = lambda staging, out: os.kill(os.getpid(), signal.SIGKILL)
from site_builder.cli import main
main(sys.argv[1:])
"""

KILLED_BETWEEN_RENAMES = """
import os, signal, sys
from site_builder.build import write
write._exchange = lambda a, b: False  # a system without renameat2: the two-rename fallback
renames = []
real_rename = os.rename
def rename(src, dst):
    renames.append(src)
    if len(renames) == 2:  # the old output is moved aside, the new one not yet in place
        os.kill(os.getpid(), signal.SIGKILL)
    real_rename(src, dst)
os.rename = rename
from site_builder.cli import main
main(sys.argv[1:])
"""


def killed_build(script: str, project: Path) -> int:
    """Run a build in a child process that SIGKILLs itself at the point ``script`` chooses; the child's pid."""
    proc = subprocess.Popen([sys.executable, "-c", script, "build", "--content", "content", "--out", "dist"],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    return proc.pid


def test_a_build_killed_before_the_swap_leaves_litter_the_next_build_cleans(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    before = snapshot(out)
    pid = killed_build(KILLED_AT_SWAP, project)
    assert sorted(p.name for p in project.iterdir()) == [f".dist.staging-{pid}", CACHE, "content", "dist", "seeds"]
    assert snapshot(out) == before  # the killed build never touched the output
    assert build(run, project, out).code == 0
    assert sorted(p.name for p in project.iterdir()) == [CACHE, "content", "dist", "seeds"]
    assert snapshot(out) == before


def test_a_build_killed_between_the_fallback_renames_is_recovered(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    before = snapshot(out)
    pid = killed_build(KILLED_BETWEEN_RENAMES, project)
    assert sorted(p.name for p in project.iterdir()) == [f".dist.old-{pid}", f".dist.staging-{pid}", CACHE, "content", "seeds"]
    # The next build puts the previous output back even when the content it is given is broken.
    edit_line(project / "content" / "entries" / "charges.yaml", 14, "2024-04-30", "2024-04-31")
    assert build(run, project, out).code == 1
    assert snapshot(out) == before
    assert sorted(p.name for p in project.iterdir()) == [CACHE, "content", "dist", "seeds"]


def test_litter_of_a_running_build_is_left_alone(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    alive = os.getppid()  # some other process that is running (it could be a build in progress)
    staging = project / f".dist.staging-{alive}"
    staging.mkdir()
    (staging / "index.html").write_text("half written")
    assert build(run, project, project / "dist").code == 0
    assert (staging / "index.html").read_text() == "half written"


def test_litter_with_files_no_build_wrote_is_never_deleted(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    pid = dead_pid()
    old = project / f".dist.old-{pid}"  # e.g. the folder with a case.json an older version moved aside
    old.mkdir()
    (old / "case.json").write_text("{}")
    (old / "thesis.docx").write_text("years of work")
    staging = project / f".dist.staging-{pid}"  # what the same dead build was writing: removed
    staging.mkdir()
    (staging / "index.html").write_text("half written")
    assert build(run, project, project / "dist").code == 0
    assert snapshot(old) == {"case.json": b"{}", "thesis.docx": b"years of work"}
    assert not staging.exists()


def test_the_swap_never_moves_the_output_away(project: Path, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    moved: list[str] = []
    for name in ("rename", "replace"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda src, dst, real=real: (moved.append(os.fspath(src)), real(src, dst))[1])
    edit_line(project / "content" / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    assert build(run, project, out).code == 0
    assert str(out.resolve()) not in {os.path.realpath(p) for p in moved}  # swapped in one step (renameat2 RENAME_EXCHANGE), not renamed away and back
    assert "Sam Ortiz is charged</" in (out / "topics" / "charges" / "index.html").read_text()


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "new").write_text("new")
    (b / "old").write_text("old")
    assert write._exchange(a, b) is True
    assert [p.name for p in a.iterdir()] == ["old"] and [p.name for p in b.iterdir()] == ["new"]


def test_without_exchange_the_fallback_gives_the_same_site(project: Path, run, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out).code == 0
    before = snapshot(out)
    # An edit, so that a fallback that never put the new site in place would show (the old one would stay).
    edit_line(project / "content" / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    assert build(run, project, tmp_path / "swapped").code == 0  # the same site, put in place by the exchange
    expected = snapshot(tmp_path / "swapped")
    assert expected != before
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    assert build(run, project, out).code == 0
    assert snapshot(out) == expected
    assert sorted(p.name for p in project.iterdir()) == [CACHE, "content", "dist", "seeds"]


# --- 10. check --out needs a built site -------------------------------------------------------------------------


def test_check_out_refuses_what_is_not_a_built_site(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    missing, empty, afile, notes = project / "missing", project / "empty", project / "afile", project / "notes"
    empty.mkdir()
    afile.write_text("x")
    notes.mkdir()
    (notes / "index.html").write_text("<p>hi</p>")
    expected = {
        missing: f"error: '{missing}' does not exist; build the site first\n",
        empty: f"error: '{empty}' is not a site-builder output (no {MARKER}); build the site first\n",
        afile: f"error: '{afile}' is not a folder\n",
        notes: f"error: '{notes}' is not a site-builder output (no {MARKER}); build the site first\n",
    }
    for folder, message in expected.items():
        result = run("check", "--content", content, "--out", folder)
        assert (result.code, result.out, result.err) == (1, "", message), folder
    assert build(run, project, project / "dist").code == 0
    assert run("check", "--content", content, "--out", project / "dist").code == 0


# --- 12. the base URL: an absolute http(s) URL, nothing else ----------------------------------------------------


@pytest.mark.parametrize("value", ["javascript:alert(1)//", "https://example.org/\nDisallow: /", "/cases/rust/",
                                   "https:///no-host/", "https://exa mple.org/", "//evil.example/", ""])
def test_a_bad_base_url_flag_is_a_usage_error(value: str, project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    line = usage_error(capsys, "build", "--content", str(project / "content"), "--out", str(out), "--base-url", value)
    assert line == f"site-builder build: error: argument --base-url: expected an http(s) URL, found {value!r}"
    assert not out.exists()


def test_a_good_base_url_reaches_robots_txt(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    out = project / "dist"
    assert build(run, project, out, "--base-url", "http://[::1]:8080/cases/rust").code == 0
    assert (out / "robots.txt").read_text() == "User-agent: *\nAllow: /\n\nSitemap: http://[::1]:8080/cases/rust/sitemap.xml\n"


@pytest.mark.parametrize(("value", "shown"), [
    ('"https://example.org/\\nDisallow: /"', "'https://example.org/\\nDisallow: /'"),
    ("https:///no-host/", "'https:///no-host/'"),
])
def test_a_bad_base_url_in_case_yaml_is_an_addressed_error(value: str, shown: str, project: Path, run) -> None:  # type: ignore[no-untyped-def]
    edit_line(project / "content" / "case.yaml", 6, "https://example.org/bribery/", value)
    result = build(run, project, project / "dist")
    assert result.code == 1
    assert result.err.split("\n")[0] == f"{project / 'content' / 'case.yaml'}:6: site.base_url: expected an http(s) URL, found {shown}"
    assert not (project / "dist").exists()


# --- 15. schema --out where nothing can be written ---------------------------------------------------------------


def test_schema_into_an_unwritable_place_is_an_error(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("schema", "--out", "/proc/nope")
    assert (result.code, result.out, result.err) == (1, "", "error: cannot write the schemas to '/proc/nope': No such file or directory\n")
    afile = tmp_path / "afile"
    afile.write_text("mine")
    result = run("schema", "--out", afile)
    assert (result.code, result.err) == (1, f"error: cannot write the schemas to '{afile}': File exists\n")
    assert afile.read_text() == "mine"


# --- 16. serve --port out of range --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["70000", "65536", "-1", "eighty"])
def test_a_port_out_of_range_is_a_usage_error(value: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # (a missing content folder, so that a port that is accepted fails at once instead of serving)
    line = usage_error(capsys, "serve", "--content", str(tmp_path / "nope"), "--port", value)
    assert line == f"site-builder serve: error: argument --port: expected a port number from 0 to 65535, found {value!r}"


def test_the_server_never_moves_past_the_last_port(project: Path) -> None:
    with socket.socket() as busy:
        try:
            busy.bind(("127.0.0.1", 65535))
        except OSError:
            pytest.skip("port 65535 is in use on this machine")
        busy.listen()
        server = PreviewServer(ServeOptions(project / "content", port=65535))
        with pytest.raises(ServeError) as error:
            server.start()
        assert str(error.value) == "ports 65535-65535 on 127.0.0.1 are all in use; choose one with --port"
    with pytest.raises(ServeError) as error:
        PreviewServer(ServeOptions(project / "content", port=70000)).start()
    assert str(error.value) == "port 70000 is out of range: use 0 to 65535"


def test_what_a_build_did_not_write_is_found_however_it_hides(tmp_path: Path) -> None:
    """A listed name is a build's only while it is a regular file: a link to a file or folder, a named pipe, or a
    folder in its place is someone else's; files below a real folder are looked at, below a linked one not."""
    from site_builder.build.write import MARKER, unlisted

    out = tmp_path / "out"
    (out / "a" / "b").mkdir(parents=True)
    (out / "a" / "b" / "page.html").write_text("built")
    (out / "a" / "b" / "extra.html").write_text("mine")
    (out / MARKER).write_text("{}")
    (out / "a" / MARKER).write_text("mine")  # the marker's name counts only at the top
    (tmp_path / "target.html").write_text("elsewhere")
    (out / "linked.html").symlink_to(tmp_path / "target.html")
    (out / "linked-folder").symlink_to(tmp_path)
    os.mkfifo(out / "pipe.html")
    (out / "folder.html").mkdir()
    (out / "folder.html" / "inside.txt").write_text("mine")
    (out / "empty").mkdir()
    listed = {"a/b/page.html", "linked.html", "pipe.html", "folder.html", "linked-folder", "a/b/gone.html"}
    assert unlisted(out, listed) == [f"a/{MARKER}", "a/b/extra.html", "folder.html/inside.txt", "linked-folder", "linked.html", "pipe.html"]


@pytest.mark.parametrize("name", ["/etc/passwd", "../outside.html", "a/../../b", "a//b", "a/", "./a", "a/./b", "", "a\\b",
                                  ".", "a/.."])
def test_an_output_path_leaving_or_not_naming_a_file_of_the_output_folder_is_refused(tmp_path: Path, name: str) -> None:
    from site_builder.build.write import write_site
    from site_builder.errors import OutputError

    with pytest.raises(OutputError) as caught:
        write_site({"index.html": b"ok", name: b"x"}, tmp_path / "dist", [])
    assert str(caught.value) == f"output path '{name}' would escape the output folder"
    assert not (tmp_path / "dist").exists()


def test_output_paths_in_folders_are_written(tmp_path: Path) -> None:
    from site_builder.build.write import write_site

    files = {"index.html": b"1", "a/index.html": b"2", "a/b/c.html": b"3", "a.b/..c": b"4", ".well-known/x": b"5"}
    write_site(files, tmp_path / "dist", [])
    assert {p.relative_to(tmp_path / "dist").as_posix(): p.read_bytes() for p in (tmp_path / "dist").rglob("*")
            if p.is_file() and p.name != ".site-builder-build.json"} == files
