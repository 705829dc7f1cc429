"""Issue 12: what the site tells readers is exactly what the sources support.

Built sites are parsed as a reader's browser would (BeautifulSoup) and the
exact text a reader sees is asserted. Expected texts were written from the
content files (content/, tests/sites/minimal/), not from the program's output.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from site_builder.build.pipeline import BuildOptions, build
from site_builder.build.check import check
from site_builder.convert import convert

from .conftest import ROOT, edit_line

NOTE = "NOTE-FOR-EDITORS"


def page(dist: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((dist / path).read_text("utf-8"), "html.parser")


def text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join(element.get_text().split())


def item(dist: Path, path: str, anchor: str):  # type: ignore[no-untyped-def]
    found = page(dist, path).find(id=anchor)
    assert found is not None, f"{path}#{anchor}"
    return found


# ── 1. corroboration counts distinct sources ────────────────────────────────────────────

def test_corroboration_is_counted_in_sources_not_sentences(example_dist: Path) -> None:
    # four sentences of one Deccan Herald article and one KQED sentence
    hutchins = item(example_dist, "timeline/index.html", "event-shooting-hutchins-killed-souza-wounded")
    assert text(hutchins.select_one(".cites-label")) == "Reported by 2 sources (5 passages)"
    # two Deccan Herald sentences: one source
    handed = item(example_dist, "timeline/index.html", "event-shooting-gun-handed-to-baldwin")
    assert text(handed.select_one(".cites-label")) == "Reported by 1 source (2 passages)"
    # TheWrap once, RadarOnline twice
    ruling = item(example_dist, "topics/dismissal/index.html", "claim-dismissal-claim-with-prejudice")
    assert text(ruling.select_one(".cites-label")) == "Reported by 3 sources from 2 publishers"
    # RadarOnline's own entry in the who's who cites both RadarOnline articles
    radar = page(example_dist, "people/radaronline/index.html")
    assert text(radar.select_one(".cites .cites-label")) == "Reported by 2 sources from 1 publisher"


def test_unnamed_sources_are_counted_by_the_outlets_that_carry_them(example_dist: Path) -> None:
    # two sentences of RadarOnline's 17 February article and one of its 4 March article
    claim = item(example_dist, "topics/reality-show/index.html", "claim-show-claim-insider-not-fooling")
    assert text(claim.select_one(".cites-label")) == "Reported by 1 publisher (2 sources, 3 passages)"
    quote = item(example_dist, "topics/reality-show/index.html", "quote-show-quote-insider-not-fooling")
    assert text(quote.select_one(".cites-label")) == "Reported by 1 publisher (2 sources)"


def test_no_label_counts_more_sources_than_it_links(example_dist: Path) -> None:
    seen = 0
    for path in sorted(example_dist.rglob("*.html")):
        for statement in BeautifulSoup(path.read_text("utf-8"), "html.parser").select("li.event, li.claim, li.quote"):
            label = text(statement.select_one(".cites-label"))
            sources = {a["href"] for a in statement.select(".cites a")}
            match = re.match(r"Reported by (\d+) (source|publisher)", label)
            assert (label == "Source") == (len(statement.select(".cites li")) == 1), (path, label)
            if match and match.group(2) == "source":
                assert int(match.group(1)) == len(sources), (path, statement["id"], label)
            seen += 1
    assert seen > 50


def test_case_json_carries_the_counts(example_dist: Path) -> None:
    data = json.loads((example_dist / "case.json").read_text("utf-8"))
    events = {e["id"]: e for e in data["events"]}
    claims = {c["id"]: c for c in data["claims"]}
    people = {p["id"]: p for p in data["people"]}
    assert events["shooting-hutchins-killed-souza-wounded"]["corroboration"] == {"sources": 2, "publishers": 2, "passages": 5}
    assert claims["show-claim-insider-not-fooling"]["corroboration"] == {"sources": 2, "publishers": 1, "passages": 3}
    assert people["radaronline"]["corroboration"] == {"sources": 2, "publishers": 1, "passages": 2}
    assert all("corroboration" in x for x in data["events"] + data["claims"] + data["quotes"] + data["people"])


def test_the_about_page_explains_the_count(example_dist: Path) -> None:
    about = text(item(example_dist, "about/index.html", "counting"))
    assert about.startswith("Sourcing is counted in articles, not sentences. “Reported by 2 sources (5 passages)” "
                            "means five passages quoted from two different articles.")
    assert "Claims from unnamed sources are counted by the publishers that carry them" in about


# ── 2. dates checked against sources; scheduled events ─────────────────────────────────

def test_a_planned_event_is_scheduled_never_the_latest(project: Path) -> None:
    content = project / "content"
    edit_line(content / "entries" / "charges.yaml", 20, "review: draft", "review: reviewed")
    edit_line(content / "entries" / "charges.yaml", 14, "date: 2024-04-30", "date: 2024-05-09\n    planned: true")
    edit_line(content / "people.yaml", 17, "review: draft", "review: reviewed")  # the event names her: she is shown too
    build(BuildOptions(content, project / "dist"))
    dist = project / "dist"
    event = item(dist, "topics/charges/index.html", "event-audit-report")
    assert text(event.select_one(".when")) == "Scheduled for 9 May 2024"
    assert text(event.select_one(".strand-line")) == "The charges"
    topic = page(dist, "topics/charges/index.html")
    assert text(topic.select_one("p.meta")) == "Status: ongoing · Latest event: March 2024 · Next scheduled: 9 May 2024"
    index = page(dist, "index.html")
    facts = [" ".join(row.get_text(" ").split()) for row in index.select(".strand-card .strand-facts > div")]
    assert facts == ["Status ongoing", "Latest March 2024 : Sam Ortiz is charged with bribery",
                     "Next Scheduled for 9 May 2024 : The city auditor files a report"]
    assert [" ".join(li.get_text().split()) for li in index.select("ol.latest li")] == ["March 2024 Sam Ortiz is charged with bribery The charges"]
    data = json.loads((dist / "case.json").read_text("utf-8"))
    assert [(e["id"], e["planned"]) for e in data["events"]] == [("ortiz-charged", False), ("audit-report", True)]
    assert "<title>Scheduled for 9 May 2024: The city auditor files a report</title>" in (dist / "feed.xml").read_text("utf-8")


def test_month_dates_and_rejected_items_pass(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / "entries" / "charges.yaml", 6, "2024-03", "2024-05")  # May 2024 may be before 2 May
    edit_line(content / "entries" / "charges.yaml", 14, "2024-04-30", "2024-06-30")  # after the source, but rejected
    edit_line(content / "entries" / "charges.yaml", 20, "review: draft", "review: rejected")
    assert run("build", "--content", content, "--out", project / "dist").code == 0


def test_the_example_passes_the_date_check(example_dist: Path) -> None:
    data = json.loads((example_dist / "case.json").read_text("utf-8"))
    published = {s["id"]: s["published"] for s in data["sources"]}
    for event in data["events"]:
        latest = max(published[c["source"]] for c in event["citations"])
        assert event["planned"] or (event["date"] or event["not_after"]) <= latest, event["id"]


# ── 3. sources are reviewed like items ─────────────────────────────────────────────────

def test_draft_sources_appear_only_with_drafts(project: Path) -> None:
    content = project / "content"
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text("utf-8") + (
        "  - id: wire-followup\n    title: Auditor's report filed\n    publisher: Example Wire\n    published: 2024-05-02\n"
        "    file: ../seeds/wire.txt\n    kind: news\n    reliability: Wire report.\n"), "utf-8")  # no review: a draft
    edit_line(content / "entries" / "charges.yaml", 18, "source: wire-2024-05-02", "source: wire-followup")
    build(BuildOptions(content, project / "public"))
    build(BuildOptions(content, project / "preview", drafts=True))
    assert page(project / "public", "sources/index.html").find(id="source-wire-followup") is None
    assert [s["id"] for s in json.loads((project / "public" / "case.json").read_text("utf-8"))["sources"]] == ["wire-2024-05-02"]
    shown = item(project / "preview", "sources/index.html", "source-wire-followup-title")
    assert text(shown) == "Draft Auditor's report filed"
    assert text(page(project / "public", "index.html").select_one("p.meta")).endswith("· 1 event from 1 source")


def test_converter_placeholder_notes_are_never_published(harborview_dist: Path, tmp_path: Path) -> None:
    for path in harborview_dist.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            data = path.read_text("utf-8")
            assert "by the converter" not in data and "review before publishing" not in data, path


# ── 4. editor notes are not reader text ─────────────────────────────────────────────────

def _add_notes(content: Path) -> None:
    """A note on every kind of content object of the minimal project: case, topic, entry, event, claim, quote,
    person, source and citation."""
    def add(name: str, old: str, new: str) -> None:
        path = content / name
        data = path.read_text("utf-8")
        assert old in data, (name, old)
        path.write_text(data.replace(old, new, 1), "utf-8")

    add("case.yaml", "title: The Example", f"note: {NOTE} case\ntitle: The Example")
    add("case.yaml", "    title: The charges\n", f"    title: The charges\n    note: {NOTE} topic\n")
    add("entries/charges.yaml", "status: ongoing\n", f"status: ongoing\nnote: {NOTE} entry\n")
    add("entries/charges.yaml", "  - id: ortiz-charged\n", f"  - id: ortiz-charged\n    note: {NOTE} event\n")
    add("entries/charges.yaml", "  - id: ortiz-denies\n", f"  - id: ortiz-denies\n    note: {NOTE} claim\n")
    add("entries/charges.yaml", "  - id: ortiz-nothing-wrong\n", f"  - id: ortiz-nothing-wrong\n    note: {NOTE} quote\n")
    add("entries/charges.yaml", "        quote: A city hall insider", f"        note: {NOTE} citation\n        quote: A city hall insider")
    add("people.yaml", "  - id: dana-ruiz\n", f"  - id: dana-ruiz\n    note: {NOTE} person\n")
    add("sources.yaml", "    kind: news\n", f"    kind: news\n    note: >-\n      {NOTE} source\n")


def test_a_note_never_reaches_any_built_file(project: Path) -> None:
    content = project / "content"
    _add_notes(content)
    assert content.joinpath("case.yaml").read_text("utf-8").count(NOTE) == 2
    build(BuildOptions(content, project / "dist", drafts=True))  # drafts too: everything is shown
    files = [p for p in (project / "dist").rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".json", ".xml", ".txt"}
    assert [p for p in files if NOTE.encode() in p.read_bytes()] == []
    assert check(content, drafts=True) == []


def test_the_example_keeps_its_editor_remarks_to_notes(example_dist: Path) -> None:
    for path in example_dist.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            data = path.read_text("utf-8")
            for remark in ("stored excerpt", "stored text", "Title taken from the URL", "cut off mid-sentence"):
                assert remark not in data, (path, remark)


# ── 5. typography of quotation ──────────────────────────────────────────────────────────

def test_a_citation_shows_one_pair_of_quotation_marks(example_dist: Path) -> None:
    statement = item(example_dist, "topics/shooting/index.html", "event-shooting-baldwin-statement")
    assert text(statement.select_one("q.cite-quote")) == (
        "‘There are no words to convey my shock and sadness regarding the tragic accident that took the life of "
        "Halyna Hutchins, a wife, mother and deeply admired colleague of ours,’ Baldwin, 63, said in a statement "
        "Friday on Twitter.")
    nikas = item(example_dist, "topics/charges/index.html", "event-charges-nikas-responds")
    assert text(nikas.select("q.cite-quote")[-1]).endswith("Nikas said in a statement to NPR. ‘We will fight these charges, and we will win.’")
    for path in example_dist.rglob("*.html"):
        for q in BeautifulSoup(path.read_text("utf-8"), "html.parser").select("q, blockquote p"):
            shown = text(q)
            assert not shown.startswith(("“", '"', "”")) and not shown.endswith(("”", '"', "“")), (path, shown)


def test_attribution_labels_read_as_sentences(example_dist: Path) -> None:
    insider = item(example_dist, "topics/reality-show/index.html", "claim-show-claim-insider-not-fooling")
    assert text(insider.select_one(".claim-meta")) == (
        "Unnamed source, as reported by RadarOnline. The publication did not name this source; the site has not verified the claim.")
    allred = item(example_dist, "topics/reality-show/index.html", "claim-show-claim-allred-series")
    assert text(allred.select_one(".claim-meta")) == "Statement · Gloria Allred, as reported by RadarOnline"
    release = item(example_dist, "topics/reality-show/index.html", "quote-show-quote-press-release-highs-lows")
    assert text(release.select_one("figcaption")) == "TLC · From a press release announcing the series; the source does not name its issuer."
    for path in example_dist.rglob("*.html"):
        for label in BeautifulSoup(path.read_text("utf-8"), "html.parser").select(".claim-meta, figcaption"):
            shown = text(label)
            assert not re.search(r"\. ?[,·]|, [A-Z]", shown), (path, shown)


# ── 6. check speaks like build, and passes on what convert writes ─────────────────────

def test_check_with_drafts_passes_after_converting_into_the_example(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    report = convert([project / "seeds"], project / "content")
    assert not report.errors
    assert check(project / "content", drafts=True) == []
    build(BuildOptions(project / "content", project / "dist", drafts=True))


# ── 8. last updated tells the truth ────────────────────────────────────────────────────

def test_build_warns_when_a_published_source_is_newer_than_updated(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    assert run("build", "--content", content, "--out", project / "dist").err == ""
    edit_line(content / "case.yaml", 4, "updated: 2024-05-02", "updated: 2024-05-01")
    result = run("build", "--content", content, "--out", project / "dist")
    assert result.code == 0
    assert result.err == (
        f"warning: {content}/case.yaml:4: updated: 2024-05-01 is before source 'wire-2024-05-02' was published (2024-05-02); "
        "pages would show an out-of-date 'Last updated': set it to the day of the latest change\n")
