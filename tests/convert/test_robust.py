"""The converter never crashes on odd text: whatever the words, it returns items or nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.convert import convert
from site_builder.convert.doc import CaseInfo
from site_builder.convert.extract import extract
from site_builder.articles.read import Article
from site_builder.convert.directory import Directory
from site_builder.convert.topics import TopicDef, TopicMatcher
from site_builder.articles.read import read_article
from site_builder.cli import main

from .conftest import problems

TOPICS = TopicMatcher([TopicDef("court", "Court", ("judge", "court", "charged", "trial")),
                       TopicDef("show", "Show", ("show", "trailer", "TLC"))])
INFO = CaseInfo(TOPICS, ("slammed", "massive"), Path("."))
WORDS = st.sampled_from([
    "The", "judge", "Judge", "Mary", "Sommer", "said", "told", "an", "insider", "“", "”", '"', "'", "’s", ",", ".", "?", "!",
    "Mr.", "U.S.", "Feb.", "21,", "2021", "Thursday", "on", "court", "charged", "Alec", "Baldwin", "he", "she", "slammed",
    "according", "to", "the", "affidavit", "—", ":", "trial", "show", "TLC", "last", "year", "ten", "days", "before", "—", "(AP)",
])
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.sampled_from(["2024-10-25", "2021-10-23"]), st.booleans())
def test_extract_never_fails(paragraphs: list[str], published: str, truncated: bool) -> None:
    article = Article(Path("x.txt"), "Title", paragraphs, published=published, truncated=truncated)
    result = extract(article, INFO, Directory())
    texts = " ".join(" ".join(p.split()) for p in paragraphs)
    for item in [*result.events, *result.claims, *result.quotes]:
        for cite in item.citations:
            assert cite.quote in texts
    for quote in result.quotes:
        assert " ".join(quote.text.split()) in texts


UNDATED = ("Council member Dana Ruiz was charged with bribery on March 4, 2024, prosecutors said.\n\n"
           "The council suspended Ruiz from the finance committee in January 2024.\n\n"
           "Ruiz pleaded not guilty on Tuesday, her lawyer, Sam Ortiz, said.\n")


def test_an_article_without_a_publication_date_is_converted_with_its_date_unknown(tmp_path: Path) -> None:
    """No date is invented: the source says `published: unknown`, the dates the text gives are kept, 'on Tuesday'
    (relative to a day nobody knows) dates nothing, and the report suggests the bound the text gives."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "case.yaml").write_text((Path(__file__).parent / "cases" / "harborview" / "case.yaml").read_text())
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text(UNDATED)
    report = convert([seeds], content)
    assert report.errors == []
    [source] = yaml.safe_load((content / "sources.yaml").read_text())["sources"]
    assert (source["id"], source["published"]) == ("undated", "unknown")
    events = [e for f in sorted((content / "entries").glob("*.yaml")) for e in (yaml.safe_load(f.read_text()) or {}).get("events") or []]
    assert sorted((str(e.get("date")), e.get("not_after")) for e in events) == [("2024-01", None), ("2024-03-04", None)]
    [per_source] = report.sources
    assert per_source.published == "unknown"
    assert ("publication date unknown: the source says `published: unknown`, and no date is inferred from it; the text "
            "mentions dates up to 2024-03-04, so it appeared on or after that day: set `published` when you know it") in per_source.notes
    assert "1970" not in (content / "sources.yaml").read_text()
    assert problems(content) == []


def test_an_article_nothing_is_drafted_from_gets_a_reason(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "case.yaml").write_text((Path(__file__).parent / "cases" / "harborview" / "case.yaml").read_text())
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "weather.txt").write_text(" date 2024-05-02 Rain expected\nRain is expected over the harbor this weekend.\n\nBring an umbrella.\n")
    report = convert([seeds], content, dry_run=True)
    [per_source] = report.sources
    assert per_source.notes[-1] == ("no event, claim or quote drafted: none of its 2 sentences reports a dated event or an "
                                    "attributed statement, or holds a quotation")


def test_a_missing_publisher_is_never_an_organisation_claims_are_attributed_to(tmp_path: Path) -> None:
    """Even when people.yaml lists an "Unknown publisher" (written by an older run), an article without a publisher
    has no outlet: its own-voice sentence is no claim of anybody, and the report asks for the publisher."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "case.yaml").write_text((Path(__file__).parent / "cases" / "harborview" / "case.yaml").read_text())
    (content / "people.yaml").write_text("people:\n  - id: unknown-publisher\n    name: Unknown publisher\n"
                                         "    kind: organization\n    role: News publisher\n    group: media\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(" date 2024-05-02 Council member charged\n"
                                 "Council member Dana Ruiz was charged with bribery on May 1, 2024, prosecutors said.\n\n"
                                 "Ruiz hid the bribery payments from the city auditors for two years.\n")
    convert([seeds], content)
    assert "publisher: Unknown publisher" in (content / "sources.yaml").read_text()  # the schema needs one
    # a second run, with the drafts and the ledger gone, reads the placeholder back from sources.yaml
    (content / "convert-ledger.txt").unlink()
    shutil.rmtree(content / "entries")
    report = convert([seeds], content)
    claims = [c for f in sorted((content / "entries").glob("*.yaml")) for c in (yaml.safe_load(f.read_text()) or {}).get("claims") or []]
    assert [(c["attributed_to"], c["described_as"]) for c in claims] == [("anonymous", "prosecutors")]
    [per_source] = report.sources
    assert "publisher unknown; add it to the source's front matter, a folder index or sources.yaml" in per_source.notes


# ── adversarial input (issue 16): every other article still converts, and what is written validates ──

HARBOR = Path(__file__).parent / "cases" / "harborview"
SENTENCE = "Council member Dana Ruiz was charged with bribery on Tuesday, prosecutors said."


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """content/ with the harborview case.yaml, and seeds/ with one good article (inside the project folder)."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    content.mkdir()
    seeds.mkdir()
    (content / "case.yaml").write_bytes((HARBOR / "case.yaml").read_bytes())
    (seeds / "good.txt").write_bytes((HARBOR / "articles" / "01-wire-search.txt").read_bytes())
    return content, seeds


def _front_matter(date: str, title: str = "A story", publisher: str = "Wire") -> str:
    return f"---\ntitle: {title}\ndate: {date}\npublisher: {publisher}\n---\n\n{SENTENCE}\n"


def test_an_impossible_front_matter_date_is_a_per_file_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, seeds = _project(tmp_path)
    for name, date in (("feb30.md", "2021-02-30"), ("month13.md", "2024-13-45"), ("clock.md", "25:61:00"),
                       ("hour25.md", "2021-02-03T25:61:00")):
        (seeds / name).write_text(_front_matter(date), encoding="utf-8")
    code = main(["convert", str(seeds), "--content", str(content)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    assert f"error: {seeds / 'feb30.md'}: front matter date '2021-02-30' is not a real date (expected YYYY-MM-DD)" in out
    assert f"error: {seeds / 'month13.md'}: front matter date '2024-13-45' is not a real date (expected YYYY-MM-DD)" in out
    assert f"error: {seeds / 'clock.md'}: front matter date '25:61:00' is not a real date (expected YYYY-MM-DD)" in out
    assert f"error: {seeds / 'hour25.md'}: front matter date '2021-02-03T25:61:00' is not a real date (expected YYYY-MM-DD)" in out
    assert "convert: 1 article read, 4 failed" in out
    sources = yaml.safe_load((content / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    assert [s["file"] for s in sources] == ["../seeds/good.txt"]  # the good article was converted all the same
    assert problems(content) == []


def test_front_matter_dates_with_a_time_or_in_words_still_read(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    for written, read in (("2024-05-02", "2024-05-02"), ("2024-05-02T23:59:60Z", "2024-05-02"),
                          ("2024-05-02 10:00:00 +01:00", "2024-05-02"), ("'May 2, 2024'", "2024-05-02")):
        path.write_text(_front_matter(written), encoding="utf-8")
        assert read_article(path).published == read, written


def test_what_convert_writes_validates_and_what_cannot_be_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, seeds = _project(tmp_path)
    # Dates no calendar has: the article is refused (its every "by <date>" bound would be false).
    (seeds / "seed-feb30.txt").write_text(f" date 2021-02-30 A headline about the case\n{SENTENCE}\n", encoding="utf-8")
    (seeds / "seed-year0.txt").write_text(f" date 0000-01-01 A headline about the case\n{SENTENCE}\n", encoding="utf-8")
    (seeds / "five-digits.md").write_text(_front_matter("99999-01-01"), encoding="utf-8")
    (seeds / "page.html").write_text("<html><head><title>T</title><meta property='article:published_time' content='2021-02-30T10:00'>"
                                     f"</head><body><article><h1>An HTML headline here</h1><p>{SENTENCE}</p></article></body></html>",
                                     encoding="utf-8")
    # Too long for the schema: the title is shortened, the publisher left out (reported in the source's notes).
    (seeds / "long-title.md").write_text(_front_matter("2024-05-02", title="X" * 400), encoding="utf-8")
    (seeds / "long-publisher.md").write_text(_front_matter("2024-05-03", publisher="Pub " * 100), encoding="utf-8")
    # Outside the project folder: the build could not check its citations, so the article is refused.
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(f" date 2024-05-04 Outside headline about the case\n{SENTENCE}\n", encoding="utf-8")
    try:
        code = main(["convert", str(seeds), str(outside), "--content", str(content), "--json"])
    finally:
        outside.unlink()
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    report = json.loads(out)
    assert sorted(report["errors"]) == sorted([
        f"{seeds / 'seed-feb30.txt'}:1: date line '2021-02-30' is not a real date",
        f"{seeds / 'seed-year0.txt'}:1: date line '0000-01-01' is not a real date",
        f"{seeds / 'five-digits.md'}: front matter date '99999-01-01' is not a real date (expected YYYY-MM-DD)",
        f"{seeds / 'page.html'}: the page's publication date '2021-02-30' is not a real date",
        f"{outside}: outside the project folder {tmp_path}; copy it into the project (e.g. seeds/) so the build can check its citations",
    ])
    notes = {Path(s["file"]).name: s["notes"] for s in report["sources"]}
    assert sorted(notes) == ["good.txt", "long-publisher.md", "long-title.md"]
    assert "the publisher given is longer than 300 characters; left out" in notes["long-publisher.md"]
    assert "the headline is longer than 290 characters; shortened" in notes["long-title.md"]
    sources = {s["file"]: s for s in yaml.safe_load((content / "sources.yaml").read_text(encoding="utf-8"))["sources"]}
    assert sources["../seeds/long-publisher.md"]["publisher"] == "Unknown publisher"
    assert sources["../seeds/long-title.md"]["title"] == "X" * 289 + "…"
    assert problems(content) == []  # what build --drafts checks
