"""Helpers for the converter tests: throw-away projects (content/ + articles/) and validation."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import yaml

from site_builder.errors import ContentErrors, Problem
from site_builder.load import load_content
from site_builder.validate import validate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASES = HERE / "cases"
FIXTURES = HERE / "fixtures"
GOLD = HERE / "gold"


def scorer():  # type: ignore[no-untyped-def]
    """bench/score_convert.py, loaded as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("score_convert", ROOT / "bench" / "score_convert.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_project(tmp: Path, case_yaml: Path, articles: Path | list[Path]) -> tuple[Path, Path]:
    """A project folder with content/case.yaml and a copy of the articles; returns (content, articles)."""
    content = tmp / "content"
    content.mkdir(parents=True)
    shutil.copy(case_yaml, content / "case.yaml")
    folder = tmp / "articles"
    folder.mkdir()
    for path in sorted(articles.iterdir()) if isinstance(articles, Path) else articles:
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return content, folder


def problems(content: Path) -> list[Problem]:
    """Every schema and cross-file problem the build would report."""
    try:
        return validate(load_content(content))
    except ContentErrors as exc:
        return exc.problems


def load(content: Path) -> dict:
    out = {
        "people": yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))["people"],
        "sources": yaml.safe_load((content / "sources.yaml").read_text(encoding="utf-8"))["sources"],
        "entries": {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((content / "entries").glob("*.yaml"))},
    }
    return out


def items(data: dict, section: str) -> list[tuple[str, dict]]:
    return [(topic, item) for topic, entry in data["entries"].items() for item in entry.get(section) or []]


def person_named(data: dict, name: str) -> dict | None:
    return next((p for p in data["people"] if p["name"] == name or name in (p.get("aliases") or [])), None)
