"""Hostile and broken content (tests/hostile/): refused with exact errors, or rendered inert.

See tests/hostile/README.md for the layout of the cases.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from .checkers import live_markup
from .conftest import SITES, Result

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p for p in (HOSTILE / "cases").iterdir() if p.is_dir())
SECONDS = 10  # generous on a loaded 2-core machine; a hang or an expanded bomb takes far longer


def lay_over(case: Path, target: Path) -> Path:
    """A copy of the minimal project with the case's files laid over it; returns the content folder."""
    shutil.copytree(SITES / "minimal", target)
    shutil.copytree(case, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return target / "content"


def error_lines(result: Result, content: Path) -> list[str]:
    lines = result.err.replace(f"{content}/", "").rstrip("\n").split("\n")
    assert lines[-1].endswith("in content"), result.err
    return lines[:-1]


def expected_lines(case: Path) -> list[str]:
    return [line for line in (case / "expected.txt").read_text("utf-8").splitlines() if line and not line.startswith("#")]


def build(run, content: Path, out: Path) -> tuple[Result, float]:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    result = run("build", "--content", content, "--out", out)
    return result, time.monotonic() - start


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_content_is_refused_with_exact_errors(case: Path, tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = lay_over(case, tmp_path / "project")
    result, seconds = build(run, content, tmp_path / "project" / "dist")
    assert "Traceback" not in result.err
    assert result.code == 1, result.err
    assert error_lines(result, content) == expected_lines(case)
    assert not (tmp_path / "project" / "dist").exists()
    assert seconds < SECONDS


def test_20_mb_files_are_refused_quickly(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    wire = project / "seeds" / "wire.txt"
    good = wire.read_bytes()
    wire.write_bytes(good + b"A sentence that repeats. " * 800_000)
    result, seconds = build(run, content, project / "dist")
    assert error_lines(result, content) == ["sources.yaml:6: sources[0].file: 'wire.txt' is larger than 5 MB"]
    assert seconds < SECONDS

    wire.write_bytes(good)
    line = b"  - id: padding\n    title: " + b"x" * 80 + b"\n"
    (content / "entries" / "charges.yaml").write_bytes(b"title: t\nevents:\n" + line * (20_000_000 // len(line)))
    result, seconds = build(run, content, project / "dist")
    assert error_lines(result, content) == ["entries/charges.yaml: file is too large (20.0 MB; the limit is 10 MB)"]
    assert seconds < SECONDS
    assert not (project / "dist").exists()


def test_a_source_file_linked_out_of_the_project_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    wire = project / "seeds" / "wire.txt"
    outside = project.parent / "outside.txt"
    outside.write_text(wire.read_text("utf-8"), "utf-8")
    wire.unlink()
    wire.symlink_to(outside)
    result, _ = build(run, project / "content", project / "dist")
    assert error_lines(result, project / "content") == ["sources.yaml:6: sources[0].file: '../seeds/wire.txt': refused: a link to a file outside the project"]


# --- markup: every text field holds markup; it must render as text -------------------------------------------


def expected_text() -> list[tuple[str, str]]:
    pairs = []
    for line in (HOSTILE / "markup" / "expected.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            path, sep, text = line.partition(" | ")
            assert sep, f"expected.txt: no ' | ' in {line!r}"
            pairs.append((path, text))
    return pairs


def test_markup_in_every_field_is_shown_as_text(markup_dist: Path) -> None:
    missing = [f"{path}: {text}" for path, text in expected_text() if text not in (markup_dist / path).read_text("utf-8")]
    assert missing == []


def test_every_field_with_a_payload_is_checked() -> None:
    """Each payload names its field (alert("people[0].role")); expected.txt must check every one of them."""
    expected = html.unescape("\n".join(text for _, text in expected_text()))
    content = "\n".join(p.read_text("utf-8") for p in (HOSTILE / "markup" / "content").rglob("*.yaml"))
    fields = set(re.findall(r"""alert\(["']([a-z_.\[\]0-9]+)["']\)""", content)) - {"vocabulary"}  # vocabulary is never rendered
    assert len(fields) > 25
    shown = ("alert(\"{}\")", "alert('{}')", "alert(\u2018{}\u2019)")  # straight, or typeset inside a quotation
    assert sorted(f for f in fields if not any(form.format(f) in expected for form in shown)) == []


def test_no_page_contains_live_markup(markup_dist: Path) -> None:
    found = {p.relative_to(markup_dist).as_posix(): live_markup(p.read_text("utf-8")) for p in sorted(markup_dist.rglob("*.html"))}
    assert {page: problems for page, problems in found.items() if problems} == {}
    assert len(found) == 10  # 9 pages and the embeddable timeline


def test_machine_readable_outputs_keep_the_text_exactly(markup_dist: Path) -> None:
    data = json.loads((markup_dist / "case.json").read_text("utf-8"))
    case = yaml.safe_load((HOSTILE / "markup" / "content" / "case.yaml").read_text("utf-8"))
    assert data["case"]["title"] == case["title"] == '<script>alert("case.title")</script>'
    feed = ET.parse(markup_dist / "feed.xml").getroot()
    assert feed.findtext("{http://www.w3.org/2005/Atom}title") == '<script>alert("case.title")</script>: timeline'
    ET.parse(markup_dist / "sitemap.xml")
    for page in markup_dist.rglob("*.html"):
        block = page.read_text("utf-8").split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        assert "<" not in block
        assert json.loads(block)["isPartOf"]["name"] == '<script>alert("case.title")</script>'


def test_check_finds_nothing_wrong_with_the_markup_site(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", "--content", HOSTILE / "markup" / "content")
    assert (result.code, result.out) == (0, "no problems found\n")
