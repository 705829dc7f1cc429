"""Writing the merge: lines the converter does not change stay byte for byte, and a run is one transaction."""

from __future__ import annotations

import errno
import importlib
import io
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML

from site_builder.cli import main
from site_builder.convert import convert

from .conftest import CASES, problems

writing = importlib.import_module("site_builder.convert.write")  # the module (the package exports a function of its name)

HARBOR = CASES / "harborview"
# A later article that repeats a quotation of the first one: a new source and event, and a citation added to an
# existing draft quote (which is rewritten in place; its other lines stay as they were).
AGAIN = (" date 2024-12-03 Councilmember search recalled\n"
         "\"We can confirm that agents executed a court-authorized search warrant at City Hall,\" FBI spokesperson Tomas Reyes said.\n\n"
         "Federal agents searched the City Hall office of Harborview Councilmember Dana Whitcombe, a spokesperson for the FBI said.\n")
QUOTE = "tomas-reyes-we-can-confirm-agents-executed-court-authorized"


def _converted(tmp_path: Path, first: int = 5) -> tuple[Path, Path]:
    """A project whose content/ holds the drafts of the ``first`` harborview articles; returns (content, articles)."""
    content, articles = tmp_path / "content", tmp_path / "articles"
    content.mkdir(parents=True)
    articles.mkdir()
    for path in sorted((HARBOR / "articles").iterdir())[:first]:
        shutil.copy(path, articles / path.name)
    shutil.copy(HARBOR / "case.yaml", content / "case.yaml")
    assert not convert([articles], content).errors
    return content, articles


def _content_files(content: Path) -> list[Path]:
    return [content / "sources.yaml", content / "people.yaml", *sorted((content / "entries").glob("*.yaml"))]


def _lines(data: bytes) -> list[bytes]:
    return re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", data)


def _kept_in_order(old: bytes, new: bytes) -> bool:
    """Every line of ``old``, with its line break, is a line of ``new``, in the same order."""
    rest = iter(_lines(new))
    return all(any(line == other for other in rest) for line in _lines(old))


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _trailing_spaces(text: str) -> str:
    return re.sub(r"(?m)^(.+)$", r"\1   ", text)


def _bom(text: str) -> str:
    return "\ufeff" + text


def _markers(text: str) -> str:
    return "---\n" + text + "...\n"


def _flow_lists(text: str) -> str:
    """Lists of ids written inline with inner spaces: ``people: [ dana-whitcombe, tomas-reyes ]``."""
    def inline(m: re.Match[str]) -> str:
        ids = re.findall(r"- (\S+)", m.group(2))
        return f"{m.group(1)}people: [ {', '.join(ids)} ]\n"
    return re.sub(r"(?m)^( +)people:\n((?:\1  - [a-z0-9-]+\n)+)", inline, text)


def _tab(text: str) -> str:
    """A literal tab inside a double-quoted summary (an entry file) or reliability note (sources.yaml)."""
    text = re.sub(r"(?m)^summary: .*$", 'summary: "Written by hand:\tone tab."', text, count=1)
    return re.sub(r"(?m)^(    reliability: ).*$", '\\1"Checked:\tby hand."', text, count=1)


def _lists_at_the_margin(text: str) -> str:
    """The same data with every list's dashes under its key's first letter (offset 0), as some editors write."""
    y = YAML()
    y.indent(mapping=2, sequence=2, offset=0)
    y.width = 4096
    out = io.StringIO()
    y.dump(y.load(text), out)
    return out.getvalue()


def _mixed_list_indents(text: str) -> str:
    """Top-level lists indented under their key, the lists inside items (citations, people) not."""
    text = re.sub(r"(?m)^      - ", "    - ", text)
    return re.sub(r"(?m)^        (?=\S)", "      ", text)


CONVENTIONS: dict[str, Callable[[str], str]] = {
    "crlf": _crlf, "trailing-spaces": _trailing_spaces, "bom": _bom, "markers": _markers, "flow-lists": _flow_lists,
    "tab": _tab, "lists-at-the-margin": _lists_at_the_margin,
    "mixed-list-indents": _mixed_list_indents,
}


@pytest.mark.parametrize("name", sorted(CONVENTIONS))
def test_adding_an_article_keeps_every_line_of_a_file_in_its_own_convention(tmp_path: Path, name: str) -> None:
    content, articles = _converted(tmp_path)
    before: dict[Path, bytes] = {}
    for path in _content_files(content):
        written = path.read_bytes()
        before[path] = CONVENTIONS[name](written.decode("utf-8")).encode("utf-8")
        if path.name == "investigation.yaml":  # where the new event goes and the quote gets its citation
            assert before[path] != written
        path.write_bytes(before[path])
    (articles / "06-again.txt").write_text(AGAIN, encoding="utf-8")
    report = convert([articles], content)
    assert not report.errors
    for path, old in before.items():
        new = path.read_bytes()
        assert _kept_in_order(old, new), path.name
    sources = yaml.safe_load((content / "sources.yaml").read_bytes().decode("utf-8-sig"))["sources"]
    assert "06-again" in [s["id"] for s in sources]
    quote = next(q for q in yaml.safe_load((content / "entries" / "investigation.yaml").read_bytes().decode("utf-8-sig"))["quotes"]
                 if q["id"] == QUOTE)
    assert [c["source"] for c in quote["citations"]] == ["associated-press-2023-03-15", "06-again"]
    assert problems(content) == []  # what build --drafts checks


def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_symlinked_content_file_is_written_through_to_its_target(tmp_path: Path) -> None:
    content, articles = _converted(tmp_path, first=4)
    shared = tmp_path / "shared" / "people.yaml"  # inside the project folder
    shared.parent.mkdir()
    (content / "people.yaml").rename(shared)
    (content / "people.yaml").symlink_to(Path("..") / "shared" / "people.yaml")
    old = shared.read_bytes()
    shutil.copy(HARBOR / "articles" / "05-wire-resignation.txt", articles)
    assert not convert([articles], content).errors
    assert (content / "people.yaml").is_symlink()
    assert os.readlink(content / "people.yaml") == str(Path("..") / "shared" / "people.yaml")
    new = shared.read_bytes()
    assert b"- id: aaron-feld\n" in new and _kept_in_order(old, new)
    assert problems(content) == []


def test_a_content_file_linked_outside_the_project_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    content, articles = _converted(project, first=4)
    elsewhere = tmp_path / "elsewhere" / "people.yaml"
    elsewhere.parent.mkdir()
    (content / "people.yaml").rename(elsewhere)
    (content / "people.yaml").symlink_to(elsewhere)
    shutil.copy(HARBOR / "articles" / "05-wire-resignation.txt", articles)
    before = _snapshot(content, elsewhere.parent)
    code = main(["convert", str(articles), "--content", str(content)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == (f"error: {content / 'people.yaml'}: a symbolic link to {elsewhere}, outside the project folder {project}; "
                   "convert writes only inside it (replace the link with the file itself); nothing was written\n")
    assert _snapshot(content, elsewhere.parent) == before
    assert (content / "people.yaml").is_symlink()


def _written_in_order(content: Path) -> tuple[Path, Path, Path]:
    """The files a run that adds 06-again writes, in the order it writes them: sources, the entry, the ledger."""
    return content / "sources.yaml", content / "entries" / "investigation.yaml", content / "convert-ledger.txt"


def _temps(content: Path) -> list[str]:
    return sorted(p.name for p in content.rglob("*.tmp"))


def test_a_full_disk_while_writing_changes_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    content, articles = _converted(tmp_path)
    (articles / "06-again.txt").write_text(AGAIN, encoding="utf-8")
    before = _snapshot(content)
    fill, calls = writing._fill, []

    def full_disk(fd: int, data: bytes) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second temporary file: the disk is full
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        fill(fd, data)

    monkeypatch.setattr(writing, "_fill", full_disk)
    code = main(["convert", str(articles), "--content", str(content)])
    _, err = capsys.readouterr()
    assert code == 1
    sources, entry, ledger = _written_in_order(content)
    assert err == (f"error: {entry}: cannot write: No space left on device; no file was changed "
                   f"(not written: {sources}, {entry}, {ledger})\n")
    assert _snapshot(content) == before
    assert _temps(content) == []


def test_a_failed_rename_says_which_files_were_written_and_which_not(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    content, articles = _converted(tmp_path)
    (articles / "06-again.txt").write_text(AGAIN, encoding="utf-8")
    replace, calls = os.replace, []

    def refuse_second(src: str | Path, dst: str | Path) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EACCES, "Permission denied")
        replace(src, dst)

    monkeypatch.setattr(writing.os, "replace", refuse_second)
    code = main(["convert", str(articles), "--content", str(content)])
    _, err = capsys.readouterr()
    assert code == 1
    sources, entry, ledger = _written_in_order(content)
    assert err == (f"error: {entry}: cannot write: Permission denied; written: {sources}; "
                   f"not written: {entry}, {ledger}\n")
    assert b"id: 06-again" in sources.read_bytes() and b"06-again" not in entry.read_bytes()
    assert _temps(content) == []


def test_temporary_files_of_killed_runs_are_removed(tmp_path: Path) -> None:
    content, articles = _converted(tmp_path)
    (articles / "06-again.txt").write_text(AGAIN, encoding="utf-8")
    dead = 99_999_999  # above any system's largest process id: no such process
    stale = [content / f".people.yaml.{dead}.a1b2c3d4.tmp", content / "entries" / f".trial.yaml.{dead}.x_y_z_12.tmp",
             content / ".sources.yaml.k2j3h4g5.tmp"]  # the last one as earlier versions named them, two hours old
    kept = [content / f".people.yaml.{os.getppid()}.a1b2c3d4.tmp",  # a run still going (another process)
            content / ".sources.yaml.zz99yy88.tmp",  # no process id, but written a moment ago
            content / ".notes.tmp", content / f"people.yaml.{dead}.a1b2c3d4.tmp"]  # not named as ours
    for path in stale + kept:
        path.write_text("partial", encoding="utf-8")
    os.utime(stale[-1], (os.path.getmtime(stale[-1]) - 7200,) * 2)
    assert convert([articles], content).files
    assert [p for p in stale if p.exists()] == []
    assert [p for p in kept if p.exists()] == kept
