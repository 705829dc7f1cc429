"""Each real case of tests/convert/corpus/, converted together as a newsroom would, makes a site that holds up.

Issue #12's promises on real text, not only on the example: whatever `convert` writes passes `check --drafts`
(links, anchors, citations, loaded words, quotation), builds, and no converter remark meant for editors
(notes, placeholders) reaches a built file; counts of sources never exceed the sources cited.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.build.pipeline import BuildOptions, build
from site_builder.build.check import check
from site_builder.convert import convert

from .conftest import HERE, ROOT

CORPUS = HERE / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if (p / "articles").is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_converted_real_case_checks_builds_and_keeps_editor_remarks_out(case: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(case / "case.yaml" if (case / "case.yaml").exists() else ROOT / "content" / "case.yaml", content / "case.yaml")
    shutil.copytree(case / "articles", tmp_path / "seeds")
    report = convert([tmp_path / "seeds"], content)
    assert report.errors == []
    assert check(content, drafts=True) == []
    build(BuildOptions(content, tmp_path / "dist", drafts=True))
    notes = [str(n) for n in _notes(content)]
    assert notes  # the converter leaves its remarks to editors as notes
    for path in (tmp_path / "dist").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text("utf-8")
            assert "by the converter" not in text and "review before publishing" not in text, path
            for note in notes:
                assert note not in text, (path, note)
    data = json.loads((tmp_path / "dist" / "case.json").read_text("utf-8"))
    for kind in ("events", "claims", "quotes"):
        for item in data[kind]:
            cited = {c["source"] for c in item["citations"]}
            assert item["corroboration"]["sources"] == len(cited), item["id"]
            assert item["corroboration"]["passages"] == len(item["citations"]), item["id"]


def _notes(content: Path) -> list[str]:
    """Every `note:` value the converter wrote (sources' and entries' remarks to editors)."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "note" and isinstance(value, str):
                    found.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in content.rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text("utf-8")))
    return found
