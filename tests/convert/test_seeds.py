"""The seed articles end to end: valid content, quality against the gold annotations, a golden snapshot.

Set SITE_BUILDER_REGEN=1 to rewrite the snapshot in tests/convert/golden/seeds/ after an intended change
(read the diff before committing it).
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from site_builder.convert import convert

from .conftest import CASES, GOLD, HERE, ROOT, items, load, make_project, problems, scorer

RUST = CASES / "rust" / "case.yaml"
SNAPSHOT = HERE / "golden" / "seeds"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    tmp = tmp_path_factory.mktemp("seeds")
    content, articles = make_project(tmp, RUST, ROOT / "seeds")
    report = convert([articles], content)
    return content, report


def test_seed_output_validates(converted: tuple[Path, object]) -> None:
    content, report = converted
    assert not report.errors  # type: ignore[attr-defined]
    assert problems(content) == []


def test_quality_meets_the_targets() -> None:
    result = scorer().score(ROOT / "seeds", GOLD, RUST)
    assert result["people"]["precision"] >= 0.9 and result["people"]["recall"] >= 0.9
    assert result["quote_speakers"]["precision"] >= 0.9 and result["quote_speakers"]["recall"] >= 0.9
    assert result["events"]["recall"] >= 0.8
    assert result["events"]["wrong_dates"] == 0
    assert result["topics"]["f1"] >= 0.9


def test_every_item_cites_an_exact_sentence_and_is_a_draft(converted: tuple[Path, object]) -> None:
    content, _ = converted
    data = load(content)
    texts = {s["id"]: " ".join((content / s["file"]).read_text(encoding="utf-8").split()) for s in data["sources"]}
    for section in ("events", "claims", "quotes"):
        for _, item in items(data, section):
            assert item["review"] == "draft"
            for cite in item["citations"]:
                assert " ".join(cite["quote"].split()) in texts[cite["source"]]
    assert all(p["review"] == "draft" for p in data["people"])


def test_what_an_editor_would_check(converted: tuple[Path, object]) -> None:
    content, report = converted
    data = load(content)
    names = {p["name"]: p for p in data["people"]}
    assert names["Gloria Allred"]["group"] == "legal"
    assert names["Mary Carmack-Altwies"]["group"] == "officials"
    assert names["Joel Cano"]["group"] == "officials"
    # The two people most of the articles name (and whose roles put them in no other group) are the central figures.
    assert sorted(n for n, p in names.items() if p["group"] == "central") == ["Alec Baldwin", "Halyna Hutchins"]
    assert "Rou Shoots" not in names  # a byline, not a person
    assert "The 30 Rock star" in names["Alec Baldwin"]["aliases"] or "the 30 Rock star" in names["Alec Baldwin"]["aliases"]
    hutchins_death = [e for _, e in items(data, "events") if e.get("date") == "2021-10-21"]
    assert hutchins_death, "the shooting day comes from 'Thursday' in an article published Saturday 23 October 2021"
    flagged = report.flagged  # type: ignore[attr-defined]
    assert {"sneered", "waterworks", "low blow"} <= set(flagged)


def _render(content: Path) -> dict[str, str]:
    return {str(p.relative_to(content)): p.read_text(encoding="utf-8") for p in sorted(content.rglob("*.yaml")) if p.name != "case.yaml"}


def test_golden_snapshot(converted: tuple[Path, object]) -> None:
    content, _ = converted
    got = _render(content)
    if os.environ.get("SITE_BUILDER_REGEN"):
        shutil.rmtree(SNAPSHOT, ignore_errors=True)
        for name, text in got.items():
            (SNAPSHOT / name).parent.mkdir(parents=True, exist_ok=True)
            (SNAPSHOT / name).write_text(text, encoding="utf-8")
    want = {str(p.relative_to(SNAPSHOT)): p.read_text(encoding="utf-8") for p in sorted(SNAPSHOT.rglob("*.yaml"))}
    assert sorted(got) == sorted(want)
    for name in got:
        if got[name] != want[name]:
            diff = "".join(difflib.unified_diff(want[name].splitlines(True), got[name].splitlines(True), f"expected/{name}", f"got/{name}"))
            pytest.fail(f"converter output changed (SITE_BUILDER_REGEN=1 to accept):\n{diff[:6000]}")


def test_converted_seeds_build_into_a_site(converted: tuple[Path, object], tmp_path: Path) -> None:
    from site_builder.build.pipeline import BuildOptions, build

    from site_builder.build.check import check

    content, _ = converted
    build(BuildOptions(content, tmp_path / "dist", drafts=True))
    assert (tmp_path / "dist" / "index.html").exists()
    assert (tmp_path / "dist" / "people" / "alec-baldwin" / "index.html").exists()
    assert check(content, drafts=True) == []  # links, anchors, a citation on every statement, loaded words only in quotes
