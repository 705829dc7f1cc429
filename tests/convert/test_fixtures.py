"""Fixture pairs: each article in fixtures/ converted, checked against its hand-written *.expected.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from site_builder.convert import convert

from .conftest import FIXTURES, items, load, make_project, person_named, problems

ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_fixture(article: Path, tmp_path: Path) -> None:
    expected = yaml.safe_load(article.with_name(f"{article.stem}.expected.yaml").read_text(encoding="utf-8"))
    content, articles = make_project(tmp_path, FIXTURES / "case.yaml", [article])
    report = convert([articles], content)
    assert not report.errors
    assert problems(content) == []
    data = load(content)
    for want in expected.get("people", []):
        person = person_named(data, want["name"])
        assert person is not None, f"{article.name}: {want['name']} not found"
        if "group" in want:
            assert person["group"] == want["group"], f"{article.name}: {want['name']}"
    for name in expected.get("not_people", []):
        person = person_named(data, name)
        assert person is None or person["kind"] == "organization", f"{article.name}: {name} is not a person"
    events = {(topic, str(e.get("date"))) for topic, e in items(data, "events")}
    for want in expected.get("events", []):
        assert (want["topic"], want["date"]) in events, f"{article.name}: event {want}"
    names = {p["id"]: p["name"] for p in data["people"]}
    quotes = [(q["text"], names.get(q["speaker"], q["speaker"])) for _, q in items(data, "quotes")]
    for want in expected.get("quotes", []):
        found = [speaker for text, speaker in quotes if text.startswith(want["starts"])]
        assert found == [want["speaker"]], f"{article.name}: quote {want['starts']!r} → {found}"
    claims = [(c["kind"], c["attributed_to"]) for _, c in items(data, "claims")]
    for want in expected.get("claims", []):
        assert (want["kind"], want["attributed_to"]) in claims, f"{article.name}: claim {want}"
