"""The held-out sets: each converts into content that validates, builds and passes `check`, and its scores do not slip back.

Their articles and gold were written without reading the converter (see each set's README). The floors are a
little below the scores recorded in README.md: they catch regressions; the converter was not tuned to reach them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from site_builder.build import BuildOptions, build
from site_builder.check import check
from site_builder.convert import convert

from .conftest import HERE, ROOT, make_project, problems

SETS = ("heldout", "heldout2", "heldout3")


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_convert", ROOT / "bench" / "score_convert.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", SETS)
def test_converts_into_a_site_that_builds_and_checks(name: str, tmp_path: Path) -> None:
    folder = HERE / name
    content, articles = make_project(tmp_path, folder / "case.yaml", folder / "articles")
    report = convert([articles], content)
    assert not report.errors
    assert problems(content) == []
    build(BuildOptions(content, tmp_path / "dist", drafts=True))
    assert (tmp_path / "dist" / "index.html").exists()
    # links, anchors, a citation on every statement, loaded words only inside quotation marks
    assert check(content, drafts=True) == []
