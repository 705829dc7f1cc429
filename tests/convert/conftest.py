"""Helpers for the converter tests: throw-away projects (content/ + articles/) and validation."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import yaml

from site_builder.convert.directory import Directory
from site_builder.convert.doc import ArticleDoc, CaseInfo
from site_builder.articles.read import Article
from site_builder.convert.recognise import recognise
from site_builder.convert.segment import segment
from site_builder.convert.topics import TopicMatcher
from site_builder.errors import ContentErrors, Problem
from site_builder.content.load import load_content
from site_builder.content.validate import validate

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


def article_doc(paragraphs: list[str], published: str | None, topics: TopicMatcher, loaded: tuple[str, ...] = ()) -> ArticleDoc:
    """An invented article of ``paragraphs``, segmented and recognised with an empty directory, ready for the
    extraction stages (its source id is ``src``)."""
    seg = segment(paragraphs)
    rec = recognise(seg, published, Directory(), topics)
    article = Article(Path("article.txt"), None, paragraphs, published=published)
    return ArticleDoc(article, CaseInfo(topics, loaded, Path(".")), seg, rec, "src")


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
