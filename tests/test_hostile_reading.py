"""Hostile files the build reads: links out of the project, FIFOs, huge files, unpublished people.

These cases need more than files laid over a project (links, named pipes, sparse
files, a memory limit), so the tests build them; see tests/hostile/README.md.
Each build must end quickly with exit status 1, print the exact problem lines
and write nothing.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from site_builder.build.pipeline import BuildOptions
from site_builder.serve.rebuild import Rebuilder

from .conftest import Result, edit_line

SECONDS = 30  # a subprocess build takes about a second; a hang takes forever
SECRET = "root:x:0:0:a host file that must never be published"


def problems(result: Result, project: Path) -> list[str]:
    """The problem lines of a failed build, with paths shown relative to the project (content files relative to content/)."""
    text = result.err.replace(f"{project}/content/", "").replace(f"{project}/", "")
    lines = text.rstrip("\n").split("\n")
    assert "Traceback" not in result.err
    return lines


def outside_file(project: Path, name: str, text: str = SECRET) -> Path:
    """A file beside the project folder, i.e. outside it."""
    path = project.parent / "outside" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def published_text(out: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(out.rglob("*")) if p.is_file())


# --- 2. links out of the project ------------------------------------------------------------------------------


def test_a_static_file_linked_out_of_the_project_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    static = project / "templates" / "static"
    static.mkdir(parents=True)
    (static / "passwd.txt").symlink_to(outside_file(project, "passwd"))
    (static / "hosts.txt").symlink_to("/etc/hosts")
    result = run("build", "--content", project / "content", "--out", project / "dist")
    assert result.code == 1
    assert problems(result, project) == [
        "templates/static/hosts.txt: refused: a link to a file outside the project",
        "templates/static/passwd.txt: refused: a link to a file outside the project",
        "2 problems in content",
    ]
    assert not (project / "dist").exists()


def test_a_template_linked_out_of_the_project_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    (project / "templates").mkdir()
    (project / "templates" / "about.html").symlink_to(outside_file(project, "about.html", SECRET))
    result = run("build", "--content", project / "content", "--out", project / "dist")
    assert (result.code, problems(result, project)) == (1, [
        "templates/about.html: refused: a link to a file outside the project",
        "1 problem in content",
    ])
    assert not (project / "dist").exists()


def test_an_include_through_a_folder_linked_out_of_the_project_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    templates = project / "templates"
    templates.mkdir()
    outside_file(project, "secret.html", SECRET)
    (templates / "shared").symlink_to(project.parent / "outside", target_is_directory=True)
    (templates / "about.html").write_text('{% extends "base.html" %}{% block main %}{% include "shared/secret.html" %}{% endblock %}\n')
    result = run("build", "--content", project / "content", "--out", project / "dist")
    assert (result.code, problems(result, project)) == (1, [
        "error: templates/shared/secret.html: refused: a link to a file outside the project (rendering about/index.html)",
    ])
    assert not (project / "dist").exists()


def test_content_files_linked_out_of_the_project_are_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    for name in ("people.yaml", "entries/charges.yaml"):
        copy = outside_file(project, Path(name).name, (content / name).read_text("utf-8"))
        (content / name).unlink()
        (content / name).symlink_to(copy)
    result = run("build", "--content", content, "--out", project / "dist")
    assert (result.code, problems(result, project)) == (1, [
        "entries/charges.yaml: refused: a link to a file outside the project",
        "people.yaml: refused: a link to a file outside the project",
        "2 problems in content",
    ])
    assert not (project / "dist").exists()


def test_a_link_that_loops_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    (project / "content" / "entries" / "loop.yaml").symlink_to("loop.yaml")
    result = run("build", "--content", project / "content", "--out", project / "dist")
    assert (result.code, problems(result, project)) == (1, [
        "entries/loop.yaml: refused: a link that leads back to itself",
        "1 problem in content",
    ])


def test_links_that_stay_inside_the_project_are_followed(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    """The rule is about where a link leads, not about links: inside the project they work as before."""
    content = project / "content"
    (project / "shared").mkdir()
    shutil.move(content / "people.yaml", project / "shared" / "people.yaml")
    (content / "people.yaml").symlink_to("../shared/people.yaml")
    static = project / "templates" / "static"
    static.mkdir(parents=True)
    (project / "shared" / "note.txt").write_text("kept inside", "utf-8")
    (static / "note.txt").symlink_to(project / "shared" / "note.txt")
    (project / "templates" / "404.html").symlink_to("../shared/404.html")
    (project / "shared" / "404.html").write_text('{% extends "base.html" %}{% block main %}<h1>Gone: linked</h1>{% endblock %}\n')
    result = run("build", "--content", content, "--out", project / "dist")
    assert result.code == 0, result.err
    assert (project / "dist" / "static" / "note.txt").read_text("utf-8") == "kept inside"
    assert "<h1>Gone: linked</h1>" in (project / "dist" / "404.html").read_text("utf-8")


# --- 3. a person who is not published is never shown -----------------------------------------------------------

JANE = """\
  - id: jane-doe
    name: Jane Doe
    role: Contractor
    group: other
    citations:
      - source: wire-2024-05-02
        quote: Council member Sam Ortiz was charged with bribery in March 2024, prosecutors said.
    review: rejected
"""


def with_rejected_person(project: Path) -> Path:
    """The minimal project plus a rejected person, Jane Doe (people.yaml:18-25), whom no item names yet."""
    content = project / "content"
    with (content / "people.yaml").open("a", encoding="utf-8") as people:
        people.write(JANE)
    return content


def test_a_reviewed_item_naming_a_rejected_person_is_an_error(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = with_rejected_person(project)
    edit_line(content / "entries" / "charges.yaml", 8, "people: [sam-ortiz]", "people: [sam-ortiz, jane-doe]")
    expected = [
        "entries/charges.yaml:8: events[0].people[1]: 'jane-doe' is not published (review: rejected in people.yaml:25); "
        "publish the person or remove the reference",
    ]
    for drafts in ([], ["--drafts"]):  # rejected is never shown, drafts or not
        result = run("build", "--content", content, "--out", project / "dist", *drafts)
        assert (result.code, problems(result, project)) == (1, [*expected, "1 problem in content"])
    assert not (project / "dist").exists()
    result = run("check", "--content", content)
    assert (result.code, result.out.replace(f"{content}/", "")) == (1, expected[0] + "\n1 problem found\n")


def test_a_rejected_person_leaves_no_trace_in_any_output(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = with_rejected_person(project)
    charges = content / "entries" / "charges.yaml"
    # Only a rejected event names her: it is not shown, so it may.
    charges.write_text(charges.read_text("utf-8") + """\
  - id: jane-doe-quote
    speaker: jane-doe
    text: I did nothing wrong
    citations:
      - source: wire-2024-05-02
        quote: '"I did nothing wrong," Ortiz told reporters.'
    review: rejected
""", "utf-8")
    for drafts in ([], ["--drafts"]):
        result = run("build", "--content", content, "--out", project / "dist", *drafts)
        assert result.code == 0, result.err
        text = published_text(project / "dist")
        assert "Sam Ortiz" in text  # the check below reads the real output
        assert [word for word in ("Jane Doe", "jane-doe", "Contractor") if word in text] == []
        data = json.loads((project / "dist" / "case.json").read_text("utf-8"))
        assert [p["id"] for p in data["people"]] == (["dana-ruiz", "sam-ortiz"] if drafts else ["sam-ortiz"])


def test_a_reviewed_item_naming_a_draft_person_needs_a_drafts_build(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / "entries" / "charges.yaml", 20, "review: draft", "review: reviewed")  # the audit event names draft Dana Ruiz
    result = run("build", "--content", content, "--out", project / "dist")
    assert (result.code, problems(result, project)) == (1, [
        "entries/charges.yaml:16: events[1].people[0]: 'dana-ruiz' is not published (review: draft in people.yaml:17); "
        "publish the person or remove the reference",
        "1 problem in content",
    ])
    result = run("build", "--content", content, "--out", project / "dist", "--drafts")
    assert result.code == 0, result.err
    timeline = (project / "dist" / "timeline" / "index.html").read_text("utf-8")
    assert '<a href="../people/dana-ruiz/index.html">Dana Ruiz</a>' in timeline  # shown as a draft, linked to her draft page


# --- 4. size limits before reading --------------------------------------------------------------------------

HUGE = 1_500_000_000  # a sparse file: takes no disk, but reading it whole needs 1.5 GB (3 GB RSS as text)
MEMORY = 1 << 30  # the child may use 1 GB of address space in all


def limited_memory() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def cli(project: Path, *args: str, memory_limit: bool = False) -> Result:
    """Run site-builder in a child process (with a timeout, so a hang fails instead of blocking the suite)."""
    proc = subprocess.run([sys.executable, "-m", "site_builder.cli", *args], cwd=project, capture_output=True, text=True,
                          timeout=SECONDS, preexec_fn=limited_memory if memory_limit else None)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def test_huge_files_are_refused_before_they_are_read(project: Path) -> None:
    wire = project / "seeds" / "wire.txt"
    os.truncate(wire, HUGE)
    result = cli(project, "build", "--content", "content", memory_limit=True)
    assert (result.code, result.err) == (1, "content/sources.yaml:6: sources[0].file: 'wire.txt' is larger than 5 MB\n1 problem in content\n")

    os.truncate(project / "content" / "entries" / "charges.yaml", HUGE)
    result = cli(project, "build", "--content", "content", memory_limit=True)
    assert (result.code, result.err) == (1, "content/entries/charges.yaml: file is too large (1500.0 MB; the limit is 10 MB)\n"
                                            "1 problem in content\n")
    assert not (project / "dist").exists()


def test_the_converter_refuses_a_huge_article_before_reading_it(project: Path) -> None:
    article = project / "seeds" / "huge.txt"
    article.touch()
    os.truncate(article, HUGE)
    result = cli(project, "convert", "seeds/huge.txt", "--content", "content", "--dry-run", memory_limit=True)
    assert "Traceback" not in result.err
    assert result.code == 1
    assert "seeds/huge.txt: file is too large (1464843 KB; limit 2048 KB)" in result.out + result.err


# --- 14. named pipes and other files that are not regular files ------------------------------------------------


@pytest.mark.parametrize(
    ("fifo", "expected"),
    [
        ("content/entries/charges.yaml", "content/entries/charges.yaml: refused: a named pipe (FIFO), not a regular file\n1 problem in content\n"),
        ("seeds/wire.txt", "content/sources.yaml:6: sources[0].file: 'wire.txt': refused: a named pipe (FIFO), not a regular file\n1 problem in content\n"),
        ("templates/about.html", "templates/about.html: refused: a named pipe (FIFO), not a regular file\n1 problem in content\n"),
        ("templates/static/feed.css", "templates/static/feed.css: refused: a named pipe (FIFO), not a regular file\n1 problem in content\n"),
    ],
    ids=["content", "source", "template", "static"],
)
def test_a_named_pipe_is_refused_without_waiting(project: Path, fifo: str, expected: str) -> None:
    path = project / fifo
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    result = cli(project, "build", "--content", "content")
    assert (result.code, result.err) == (1, expected)
    assert not (project / "dist").exists()


def test_a_device_linked_into_the_project_is_refused_unopened(project: Path) -> None:
    people = project / "content" / "people.yaml"
    people.unlink()
    people.symlink_to("/dev/zero")  # reading it whole never ends; the link leads outside, so it is not even opened
    result = cli(project, "build", "--content", "content", memory_limit=True)  # should it be read, it fails, not the machine
    assert (result.code, result.err) == (1, "content/people.yaml: refused: a link to a file outside the project\n1 problem in content\n")


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    from site_builder.files import Refused, read_file  # imported here so the other tests run before the module exists

    with pytest.raises(Refused, match=r"^refused: a device, not a regular file$"):
        read_file(Path("/dev/zero"), limit=10)
    with pytest.raises(Refused, match=r"^refused: a folder, not a regular file$"):
        read_file(tmp_path, limit=10)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(Refused, match=r"^refused: a named pipe \(FIFO\), not a regular file$"):
        read_file(tmp_path / "pipe", limit=10)
    (tmp_path / "eleven").write_bytes(b"x" * 11)
    with pytest.raises(Refused) as info:
        read_file(tmp_path / "eleven", limit=10)
    assert (info.value.size, info.value.limit) == (11, 10)  # type: ignore[attr-defined]
    assert read_file(tmp_path / "eleven", limit=11) == b"x" * 11


def test_the_preview_rebuild_does_not_hang_on_a_named_pipe(project: Path) -> None:
    """serve rebuilds through the same loaders: a FIFO gives an error on every page, and the server stays usable."""
    fifo = project / "content" / "entries" / "charges.yaml"
    fifo.unlink()
    os.mkfifo(fifo)
    rebuilder = Rebuilder(BuildOptions(project / "content", project / "dist", drafts=True))
    done: list[str | None] = []
    worker = threading.Thread(target=lambda: done.append(rebuilder.rebuild().error), daemon=True)
    worker.start()
    worker.join(SECONDS)
    if worker.is_alive():  # release the reader blocked in open() so the thread can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the rebuild hangs on a named pipe")
    assert done == [f"{fifo}: refused: a named pipe (FIFO), not a regular file\n1 problem in content"]
