"""Stage 5, merge and write: idempotent, reviewed items and comments untouched, dry runs write nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from site_builder.convert import convert

from .conftest import CASES, ROOT, items, load, make_project, problems

HARBOR = CASES / "harborview"


def snapshot(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*.yaml"))}


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    first = convert([articles], content)
    assert first.files and not first.errors
    before = snapshot(content)
    second = convert([articles], content)
    assert second.files == []
    assert second.added == {}
    assert snapshot(content) == before


def test_ids_are_stable_across_fresh_runs(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        content, articles = make_project(tmp_path / name, HARBOR / "case.yaml", HARBOR / "articles")
        convert([articles], content)
        outputs.append(snapshot(content))
    assert outputs[0] == outputs[1]


def test_dry_run_writes_nothing_and_shows_the_change(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    report = convert([articles], content, dry_run=True)
    assert sorted(p.name for p in content.rglob("*")) == ["case.yaml"]
    assert report.dry_run and len(report.files) == 6
    assert "+++ b/content/people.yaml" in report.diff and "dana-whitcombe" in report.diff


def test_reviewed_items_hand_edits_and_comments_survive(tmp_path: Path) -> None:
    articles_all = sorted((HARBOR / "articles").iterdir())
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", [p for p in articles_all if not p.name.startswith("05")])
    convert([articles], content)
    trial = content / "entries" / "trial.yaml"
    text = trial.read_text(encoding="utf-8")
    # An editor reviews the verdict event, rewrites its title and adds comments.
    verdict_id = next(i["id"] for _, i in items(load(content), "events") if i.get("date") == "2024-11-20")
    block = re.search(rf"(?ms)^  - id: {verdict_id}\n.*?(?=^  - id: |^\w|\Z)", text)
    assert block is not None
    edited = re.sub(r"(?m)^    title: .*$", "    title: Jury finds Whitcombe guilty of bribery  # shortened by the editor", block.group(0))
    edited = edited.replace("    review: draft", "    review: reviewed")
    text = "# Trial strand: checked against the court docket.\n" + text.replace(block.group(0), edited)
    trial.write_text(text, encoding="utf-8")
    # A later article reports the same verdict; the converter must leave the reviewed item alone.
    shutil.copy(HARBOR / "articles" / "05-wire-resignation.txt", articles / "05-wire-resignation.txt")
    report = convert([articles], content)
    after = trial.read_text(encoding="utf-8")
    assert after.startswith("# Trial strand: checked against the court docket.\n")
    assert edited in after
    assert report.added.get("sources") == 1
    assert problems(content) == []


def test_reference_content_is_preserved_when_converting_into_it(tmp_path: Path) -> None:
    reference = ROOT / "content"
    project = tmp_path / "project"
    shutil.copytree(reference, project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    before = snapshot(project / "content")
    report = convert([project / "seeds"], project / "content")
    assert not report.errors
    after = snapshot(project / "content")
    for name, old in before.items():
        new = after[name]
        assert new.startswith(old.rstrip(b"\n")) or _only_appended(old, new), name
    # no article becomes a second source: every seed is already listed
    assert report.added.get("sources", 0) == 0


def _only_appended(old: bytes, new: bytes) -> bool:
    """Every original line is still there, in order (new items are only inserted into lists)."""
    it = iter(new.splitlines())
    return all(any(line == other for other in it) for line in old.splitlines())


def test_written_files_are_readable_like_any_other(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    convert([articles], content)
    for path in content.rglob("*.yaml"):
        assert path.stat().st_mode & 0o044 == (content / "case.yaml").stat().st_mode & 0o044, path


def test_new_files_are_written_in_the_layout_ruamel_keeps() -> None:
    import io

    import yaml

    from site_builder.convert.docs import _yaml, fast_dump

    tricky = ["plain text", "2021-10-21", "2021", "yes", "a: b", "x #y", "- dash", "'quoted'", 'He said "hi"', "It's",
              "trailing ", "ends:", "Baldwin’s attorney", "“cold gun!”", "null", "1.5", "#tag", "@at", "a\tb", "", "[x]",
              "~", "0x1F", "12:30", "café"]
    data = {"people": [{"id": "x", "name": t, "aliases": [t, "b"]} for t in tricky], "events": [], "summary": "ok"}
    text = fast_dump(data)
    assert yaml.safe_load(text) == data
    out = io.StringIO()
    _yaml().dump(_yaml().load(text), out)
    assert out.getvalue() == text  # a later merge re-dumps it unchanged


def test_a_rejected_draft_is_kept_and_never_proposed_again(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    convert([articles], content)
    path, text = next((p, p.read_text(encoding="utf-8")) for p in sorted((content / "entries").glob("*.yaml")) if "claims:\n  - id:" in p.read_text(encoding="utf-8"))
    claim_id = re.search(r"(?m)^claims:\n  - id: (\S+)", text).group(1)  # type: ignore[union-attr]
    block = re.search(rf"(?ms)^  - id: {claim_id}\n.*?(?=^  - id: |^\w|\Z)", text)
    assert block is not None and "    review: draft" in block.group(0)
    path.write_text(text.replace(block.group(0), block.group(0).replace("    review: draft", "    review: rejected")), encoding="utf-8")
    before = snapshot(content)
    again = convert([articles], content)
    assert snapshot(content) == before  # not re-added, not changed
    assert again.added == {}
    assert [i["id"] for _, i in items(load(content), "claims")].count(claim_id) == 1
