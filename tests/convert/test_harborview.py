"""The invented Harborview bribery case: a second case, other publications and formats, end to end.

Everything asserted here was written from reading the five articles in cases/harborview/articles/
(wire copy with a dateline, a court report in Markdown, a tabloid with a wrong stored date, an HTML page,
a Reuters item), never from converter output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.build.pipeline import BuildOptions, build
from site_builder.build.check import check
from site_builder.convert import convert

from .conftest import CASES, items, load, make_project, person_named, problems

HARBOR = CASES / "harborview"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("harborview")
    content, articles = make_project(tmp, HARBOR / "case.yaml", HARBOR / "articles")
    report = convert([articles], content)
    return content, report, load(content)


def test_output_validates_and_builds(converted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content, report, _ = converted
    assert not report.errors
    assert problems(content) == []
    build(BuildOptions(content, tmp_path / "dist", drafts=True))
    assert (tmp_path / "dist" / "index.html").exists()
    assert check(content, drafts=True) == []


def test_people_roles_and_groups(converted) -> None:  # type: ignore[no-untyped-def]
    _, _, data = converted
    expected = {
        "Dana Whitcombe": "officials",   # Councilmember
        "Raymond Okafor": "officials",   # U.S. Attorney
        "Helen Marsh": "officials",      # U.S. District Judge
        "Priya Natarajan": "legal",      # her lawyer
        "Graham Pike": "legal",          # his attorney
        "Tomas Reyes": "officials",      # FBI spokesperson
        "Lena Ortiz": "officials",       # Mayor
        "Aaron Feld": "officials",       # Council President
    }
    for name, group in expected.items():
        person = person_named(data, name)
        assert person is not None, name
        assert person["group"] == group, name
    assert person_named(data, "Marcus Ellery") is not None
    assert person_named(data, "Bea Castillo") is not None
    for not_a_person in ("Jordan Lee", "Disgraced Harborview", "Harborview Ledger", "Pier"):
        assert person_named(data, not_a_person) is None or person_named(data, not_a_person)["kind"] == "organization"


def test_dated_events(converted) -> None:  # type: ignore[no-untyped-def]
    _, _, data = converted
    dates = {(topic, e.get("date")) for topic, e in items(data, "events")}
    assert ("investigation", "2023-03-14") in dates   # "on Tuesday", wire story of Wednesday 15 March 2023
    assert ("indictment", "2023-09-07") in dates      # "on Thursday", report of Friday 8 September 2023
    assert ("trial", "2024-11-20") in dates           # verdict "on Wednesday", page of Thursday 21 November 2024
    assert ("trial", "2025-02-14") in dates           # sentencing set for Feb. 14, 2025
    assert ("recall", "2024-12-02") in dates          # resigned "on Monday", 2 December 2024
    assert ("recall", "2025-03") in dates             # special election in March 2025
    assert all(not (e.get("date") or "").startswith("2024-06-30") for _, e in items(data, "events"))


def test_quote_speakers(converted) -> None:  # type: ignore[no-untyped-def]
    _, _, data = converted
    by_id = {p["id"]: p["name"] for p in data["people"]}
    said = {q["text"][:30]: by_id.get(q["speaker"], q["speaker"]) for _, q in items(data, "quotes")}
    assert said["We can confirm that agents exe"] == "Tomas Reyes"
    assert said["has done nothing wrong and wil"] == "Priya Natarajan"
    assert said["Public office is a public trus"] == "Raymond Okafor"
    assert said["No one is above the law in thi"] == "Raymond Okafor"
    assert said["looks forward to clearing his "] == "Graham Pike"
    assert said["She treated City Hall like her"] == "anonymous"
    assert said["She thinks she can ride this o"] == "anonymous"
    assert said["I knew exactly what the money "] == "Marcus Ellery"
    assert said["We respect the jury’s work, bu"] == "Priya Natarajan"
    assert said["Our work is done"] == "Bea Castillo"


def test_sources_dates_and_language(converted) -> None:  # type: ignore[no-untyped-def]
    _, report, data = converted
    sources = {s["file"].split("/")[-1]: s for s in data["sources"]}
    assert sources["01-wire-search.txt"]["publisher"] == "Associated Press"
    assert sources["02-court-indictment.md"]["publisher"] == "Harborview Courier"
    assert sources["02-court-indictment.md"]["url"] == "https://courier.example.org/2023/09/08/whitcombe-indicted"
    tabloid = sources["03-tabloid-council.txt"]
    assert (tabloid["published"], tabloid["kind"], tabloid["publisher"]) == ("2024-06-03", "tabloid", "Daily Glare")
    assert "unnamed sources" in tabloid["reliability"]
    assert sources["04-verdict.html"]["publisher"] == "Harborview Ledger"
    assert sources["05-wire-resignation.txt"]["publisher"] == "Reuters"
    assert any("03-tabloid-council.txt" in c and "2024-06-30" in c for c in report.date_conflicts)
    assert {"disgraced", "bombshell"} <= set(report.flagged)
    assert all(c["kind"] == "anonymous" for _, c in items(data, "claims") if c["attributed_to"] == "anonymous")
    assert all(c["attributed_to"] == "anonymous" for _, c in items(data, "claims") if c["kind"] == "anonymous")


def test_topics_per_article(converted) -> None:  # type: ignore[no-untyped-def]
    _, _, data = converted
    sources = {s["id"]: s["file"].split("/")[-1] for s in data["sources"]}
    topics: dict[str, set[str]] = {}
    for topic, section in (("events", "events"), ("claims", "claims"), ("quotes", "quotes")):
        for strand, item in items(data, section):
            for cite in item["citations"]:
                topics.setdefault(sources[cite["source"]], set()).add(strand)
    assert topics["01-wire-search.txt"] == {"investigation"}
    assert "indictment" in topics["02-court-indictment.md"]
    assert topics["03-tabloid-council.txt"] == {"recall"}
    assert topics["04-verdict.html"] == {"trial"}
    assert "recall" in topics["05-wire-resignation.txt"]
