"""The explainer a reader gets (issue #14): what to know, latest developments, strands at a glance, the
timeline as a rail with compact sourcing, who's who as cards, and the embed and exports.

Expected texts are written from content/case.yaml, content/entries/*.yaml and content/sources.yaml of the
example (and tests/sites/minimal), not copied from the output.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from site_builder.build.labels import corroboration

from .test_content_errors import errors


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def text(node) -> str:  # type: ignore[no-untyped-def]
    """The reader-visible text, whitespace collapsed."""
    return " ".join(node.get_text().split())


def facts(card) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(text(row.dt), text(row.dd)) for row in card.select(".strand-facts > div")]


# --- home -------------------------------------------------------------------------------------------------------


def test_home_starts_with_what_to_know_then_latest_then_strands_then_the_summary(example_dist: Path) -> None:
    page = soup(example_dist / "index.html")
    assert [h.get_text() for h in page.select("main h2")] == [
        "What to know", "Latest developments", "Where each strand stands", "The case in brief", "Find your way"]


def test_what_to_know_lists_the_key_points_each_with_its_publishers(example_dist: Path) -> None:
    points = soup(example_dist / "index.html").select("li.key-point")
    assert len(points) == 6
    assert text(points[1].select_one(".key-text")) == (
        "New Mexico prosecutors charged Baldwin and the film's armorer, Hannah Gutierrez-Reed, with involuntary manslaughter.")
    # Sources in the order first cited: KQED's sentence, then Deccan Herald's.
    assert [text(p.select_one("summary")) for p in points] == [
        "KQED (NPR), Deccan Herald · 2 sources",
        "KQED (NPR) · 1 source",
        "TheWrap, RadarOnline · 2 sources",
        "TheWrap · 1 source, 2 passages",
        "NewKerala (citing E! News), RadarOnline · 2 sources, 3 passages",
        "KTBB (ABC Audio), RadarOnline · 2 sources",
    ]
    first = points[0].select("details.cites li")
    assert [a.get_text() for p in first for a in p.select("a")] == ["KQED (NPR), 19 January 2023", "Deccan Herald, 23 October 2021"]
    assert first[0].select_one("a")["href"] == "sources/index.html#source-kqed-2023-01-19"


def test_latest_developments_are_the_newest_events_across_strands(example_dist: Path) -> None:
    rows = soup(example_dist / "index.html").select("ol.latest li")
    # Newest first: two bounds "by 4 March 2025" (ids in order, newest-first reverses them), the premiere on
    # 23 February, the FBI report bound by 17 February, the trailer of 27 January.
    assert [text(r) for r in rows] == [
        "by 4 March 2025 Gloria Allred criticises the series on behalf of Hutchins' family The Baldwins, TLC reality series",
        "by 4 March 2025 Hutchins' family pursues Baldwin in civil court Civil lawsuits",
        "23 February 2025 The Baldwins premieres on TLC The Baldwins, TLC reality series",
        "by 17 February 2025 FBI report on the gun reported to contradict Baldwin's account The shooting on the Rust set",
        "27 January 2025 TLC releases the first trailer for The Baldwins The Baldwins, TLC reality series",
    ]
    assert rows[2].select_one("a")["href"] == "topics/reality-show/index.html#event-show-premiere"


def test_each_strand_card_says_status_latest_and_next_in_one_line_each(example_dist: Path) -> None:
    cards = soup(example_dist / "index.html").select("li.strand-card")
    assert [text(c.select_one("h3")) for c in cards] == [
        "The shooting on the Rust set", "Criminal charges", "Dismissal of the case and the state's motion to reconsider",
        "Civil lawsuits", "The Baldwins, TLC reality series"]
    assert facts(cards[2]) == [
        ("Status", "dismissed with prejudice"),
        ("Latest", "by 25 October 2024: Special prosecutor says the state will appeal the ruling"),
        ("Next", "Nothing scheduled in the sources."),
    ]


def test_a_scheduled_event_is_next_never_latest(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    entry = project / "content" / "entries" / "charges.yaml"
    entry.write_text(entry.read_text("utf-8").replace("events:\n", (
        "events:\n"
        "  - id: ortiz-sentencing\n"
        "    date: 2024-07-15\n"
        "    planned: true\n"
        "    title: Sentencing hearing\n"
        "    citations:\n"
        "      - source: wire-2024-05-02\n"
        "        quote: Council member Sam Ortiz was charged with bribery in March 2024, prosecutors said.\n"
        "    review: reviewed\n"), 1), "utf-8")
    assert run("build", "--content", project / "content", "--out", project / "dist").code == 0
    page = soup(project / "dist" / "index.html")
    assert [text(r) for r in page.select("ol.latest li")] == ["March 2024 Sam Ortiz is charged with bribery The charges"]
    assert facts(page.select_one(".strand-card")) == [
        ("Status", "ongoing"),
        ("Latest", "March 2024: Sam Ortiz is charged with bribery"),
        ("Next", "Scheduled for 15 July 2024: Sentencing hearing"),
    ]
    timeline = soup(project / "dist" / "timeline" / "index.html")
    assert text(timeline.select_one("#event-ortiz-sentencing .when")) == "Scheduled for 15 July 2024"
    slide = _slides(project / "dist")["event-ortiz-sentencing"]
    assert (slide["start_date"], slide["display_date"]) == ({"year": "2024", "month": "7", "day": "15"}, "Scheduled for 15 July 2024")
    assert "planned" in timeline.select_one("#event-ortiz-sentencing")["class"]


# --- key points are checked like every citation ---------------------------------------------------------------------

KEY_POINT = (
    "key_points:\n"
    "  - text: Sam Ortiz was charged in March 2024.\n"
    "    citations:\n"
    "      - source: {source}\n"
    "        quote: {quote}\n"
)
CHARGED = "Council member Sam Ortiz was charged with bribery in March 2024, prosecutors said."


def _with_key_point(project: Path, source: str, quote: str) -> Path:
    (project / "content" / "key-points.yaml").write_text(KEY_POINT.format(source=source, quote=quote), "utf-8")
    return project / "content"


def test_a_key_point_quoting_a_sentence_its_source_lacks_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = _with_key_point(project, "wire-2024-05-02", "Ortiz was charged in March.")
    result = run("build", "--content", content, "--out", project / "dist")
    assert result.code == 1
    # key-points.yaml: the key point's quote is line 5.
    assert errors(result, content) == [
        "key-points.yaml:5: key_points[0].citations[0].quote: sentence not found in source 'wire-2024-05-02': \"Ortiz was charged in March.\""]


def test_a_key_point_citing_an_unknown_or_draft_source_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = _with_key_point(project, "wire-2099", CHARGED)
    assert errors(run("build", "--content", content, "--out", project / "dist"), content) == [
        "key-points.yaml:4: key_points[0].citations[0].source: unknown source id 'wire-2099'"]
    sources = content / "sources.yaml"
    draft = "\n".join(line.replace("wire-2024-05-02", "wire-copy").replace("reviewed", "draft")
                      for line in sources.read_text("utf-8").split("\n")[1:9])  # the fixture's one source, as a draft
    sources.write_text(sources.read_text("utf-8").rstrip("\n") + "\n" + draft + "\n", "utf-8")
    points = content / "key-points.yaml"
    points.write_text(points.read_text("utf-8").replace("wire-2099", "wire-copy"), "utf-8")
    found = errors(run("build", "--content", content, "--out", project / "dist", "--drafts"), content)
    assert found == [
        "key-points.yaml:4: key_points[0].citations[0].source: key point 1 cites source 'wire-copy', which is draft; "
        "key points are always published, so they may cite only reviewed sources"]


def test_a_key_point_in_loaded_words_is_refused(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = _with_key_point(project, "wire-2024-05-02", CHARGED)
    points = content / "key-points.yaml"
    points.write_text(points.read_text("utf-8").replace("was charged in March 2024.", "was slammed in March 2024."), "utf-8")
    assert errors(run("build", "--content", content, "--out", project / "dist"), content) == [
        "key-points.yaml:2: key_points[0].text: loaded language 'slammed' in the site's own voice; quote and attribute it, or reword"]


def test_more_than_seven_key_points_is_a_schema_error(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    points = "".join(f"  - text: Point {i}.\n    citations: [{{source: wire-2024-05-02, quote: '{CHARGED}'}}]\n" for i in range(8))
    (content / "key-points.yaml").write_text("key_points:\n" + points, "utf-8")
    assert errors(run("build", "--content", content, "--out", project / "dist"), content) == [
        "key-points.yaml:1: key_points: expected at most 7 items, found 8"]


def test_a_case_without_key_points_has_no_what_to_know(minimal_dist: Path) -> None:
    page = soup(minimal_dist / "index.html")
    assert page.select("li.key-point") == [] and "What to know" not in text(page)


def test_init_explains_key_points(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("init", tmp_path / "case").code == 0
    points = (tmp_path / "case" / "content" / "key-points.yaml").read_text("utf-8")
    assert points.startswith("# yaml-language-server: $schema=../schemas/key-points.schema.json\n"
                             "# What to know: 3 to 7 key points, shown first on the home page.")
    assert "#   - text: " in points and points.endswith("\nkey_points: []\n")


# --- compact sourcing ------------------------------------------------------------------------------------------------


class _Src:
    def __init__(self, id: str, publisher: str) -> None:
        self.id, self.publisher = id, publisher


def test_sourcing_line_names_publishers_in_order_and_counts_articles() -> None:
    dh, kq, kq2 = _Src("dh", "Deccan Herald"), _Src("kq", "KQED"), _Src("kq2", " kqed ")
    assert corroboration([dh, kq]).line() == "Deccan Herald, KQED · 2 sources"
    assert corroboration([dh]).line() == "Deccan Herald · 1 source"
    assert corroboration([kq, dh, dh, kq2]).line() == "KQED, Deccan Herald · 3 sources, 4 passages"


def test_timeline_event_is_a_rail_entry_with_compact_sourcing_and_a_permalink(example_dist: Path) -> None:
    page = soup(example_dist / "timeline" / "index.html")
    event = page.select_one("#event-shooting-hutchins-killed-souza-wounded")
    assert event["class"] == ["event", "hue-1", "precision-day"]
    assert text(event.select_one(".when")) == "21 October 2021 (Thursday)"
    assert text(event.select_one(".strand-line")) == "The shooting on the Rust set"
    # Five passages from two articles: the line names the publishers; the passages wait in the <details>.
    assert text(event.select_one("details.cites > summary")) == "Deccan Herald, KQED (NPR) · 2 sources, 5 passages"
    assert text(event.select_one("details.cites > .cites-label")) == "Reported by 2 sources (5 passages)"
    assert len(event.select("details.cites q.cite-quote")) == 5
    assert not event.select_one("details.cites").has_attr("open")
    link = event.select_one(".permalink a")
    assert (text(link), link["href"]) == ("Link to this event", "../topics/shooting/index.html#event-shooting-hutchins-killed-souza-wounded")


def test_timeline_shows_each_precision(example_dist: Path) -> None:
    page = soup(example_dist / "timeline" / "index.html")
    assert text(page.select_one("#event-dismissal-charge-dismissed .when")) == "July 2024 month only (three days into the trial)"
    assert text(page.select_one("#event-charges-baldwin-trial-begins .when")) == "2024 year only"
    assert text(page.select_one("#event-charges-filing-decision .when")) == "by 19 January 2023"
    assert "precision-bound" in page.select_one("#event-charges-filing-decision")["class"]
    assert [h.get_text() for h in page.select("section.year > h2")] == ["2021", "2023", "2024", "2025"]


def test_strand_and_person_pages_use_the_same_compact_sourcing(example_dist: Path) -> None:
    for path in ("topics/dismissal/index.html", "people/gloria-allred/index.html"):
        page = soup(example_dist / path)
        items = page.select("li.event, li.claim, li.quote")
        assert items and all(i.select_one("details.cites > summary .cites-line") for i in items), path
    claim = soup(example_dist / "topics" / "dismissal" / "index.html").select_one("#claim-dismissal-claim-state-will-appeal")
    assert text(claim.select_one("summary")) == "TheWrap · 1 source"


def test_filter_fields_keep_each_label_with_its_menu(example_dist: Path) -> None:
    form = soup(example_dist / "timeline" / "index.html").select_one("form.js-filter")
    assert [(f.label.get_text(), f.select_one("select")["id"]) for f in form.select("div.field")] == [
        ("Strand", "filter-strand"), ("Person", "filter-person")]


# --- who's who ----------------------------------------------------------------------------------------------------


def test_whos_who_is_cards_grouped_by_role_with_counts(example_dist: Path) -> None:
    page = soup(example_dist / "people" / "index.html")
    assert [h.get_text() for h in page.select("main h2")][:2] == ["Central figures", "Family"]
    card = page.select_one("#person-gloria-allred")
    assert "person-card" in card["class"]
    assert text(card.select_one("h3")) == "Gloria Allred"
    # Events: civil-hutchins-family-case, show-allred-criticises-series; claims: two by her (civil-suits,
    # reality-show) and one about her (civil-suits); quotes: show-quote-allred-celebrates, show-quote-allred-reality.
    assert text(card.select_one(".counts")) == "2 events · 3 claims · 2 quotes"
    assert text(card.select_one(".role")) == "Lawyer representing Halyna Hutchins' family"


# --- exports and the embed -------------------------------------------------------------------------------------------

import json  # noqa: E402

from site_builder.build.headers import CSP, FRAMED_CSP, SEARCH_CSP  # noqa: E402

from .checkers import headers_for, parse_headers_file  # noqa: E402


def _slides(dist: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {s["unique_id"]: s for s in json.loads((dist / "timeline.json").read_text("utf-8"))["events"]}


def test_timeline_json_is_timelinejs_with_dates_only_as_precise_as_the_source(example_dist: Path) -> None:
    data = json.loads((example_dist / "timeline.json").read_text("utf-8"))
    assert data["title"]["text"]["headline"] == "The 2021 shooting on the set of Rust and the cases that followed"
    slides = _slides(example_dist)
    assert len(slides) == 23  # every published event
    day = slides["event-dismissal-reconsideration-denied"]
    assert day["start_date"] == {"year": "2024", "month": "10", "day": "24"} and "display_date" not in day
    assert day["group"] == "Dismissal of the case and the state's motion to reconsider"
    assert day["text"]["headline"] == "Judge denies the state's motion to reconsider the dismissal"
    assert slides["event-dismissal-charge-dismissed"]["start_date"] == {"year": "2024", "month": "7"}
    assert slides["event-charges-baldwin-trial-begins"]["start_date"] == {"year": "2024"}
    bound = slides["event-charges-filing-decision"]
    assert (bound["start_date"], bound["display_date"]) == ({"year": "2023", "month": "1", "day": "19"}, "by 19 January 2023")
    body = BeautifulSoup(day["text"]["text"], "html.parser")
    link = body.select_one("a")
    assert (link["href"], link["target"]) == (
        "https://example.org/rust-case/topics/dismissal/#event-dismissal-reconsideration-denied", "_top")
    assert text(body).endswith("Sources: TheWrap · 1 source, 2 passages. Read more and the quoted passages")


def test_each_strand_has_its_own_atom_feed_linked_from_its_page(example_dist: Path) -> None:
    import xml.dom.minidom

    feed = (example_dist / "topics" / "charges" / "feed.xml").read_text("utf-8")
    xml.dom.minidom.parseString(feed)
    assert "<title>The 2021 shooting on the set of Rust and the cases that followed: Criminal charges</title>" in feed
    # charges.yaml has four published events, newest first in the feed.
    assert feed.count("<entry>") == 4
    assert '<link href="https://example.org/rust-case/topics/charges/#event-charges-gutierrez-reed-new-trial"/>' in feed
    assert feed.index("charges-gutierrez-reed-new-trial") < feed.index("charges-filing-decision")
    page = soup(example_dist / "topics" / "charges" / "index.html")
    assert text(page.select_one("p.follow a")) == "Follow this strand (Atom feed)"
    assert page.select_one("p.follow a")["href"] == "../../topics/charges/feed.xml"
    assert page.select_one('link[rel=alternate][href="../../topics/charges/feed.xml"]')["title"] == "Criminal charges"


def test_embed_page_links_open_the_full_site_in_the_top_window(example_dist: Path) -> None:
    page = soup(example_dist / "embed" / "timeline" / "index.html")
    links = page.select("a[href]")
    assert [a for a in links if a.get("target") != "_top" and a["href"] != "#main"] == []
    assert page.select_one("nav") is None  # no site navigation inside someone else's article
    entry = page.select("li.embed-event")[0]
    assert text(entry.select_one(".event-title")) == "Assistant director hands Baldwin a prop gun during filming"
    assert entry.select_one(".event-title a")["href"] == "../../topics/shooting/index.html#event-shooting-gun-handed-to-baldwin"
    assert text(entry.select_one(".cites-line")) == "Sources: Deccan Herald · 1 source, 2 passages"
    assert len(page.select("li.embed-event")) == 23


def test_only_the_embed_may_be_framed_and_only_search_may_run_wasm(example_dist: Path) -> None:
    rules = parse_headers_file((example_dist / "_headers").read_text("utf-8"))
    assert list(rules) == ["/*", "/rust-case/search/*", "/rust-case/pagefind/*", "/rust-case/embed/*"]
    embed = headers_for(rules, "/rust-case/embed/timeline/")
    assert embed["Content-Security-Policy"] == CSP + "; frame-ancestors *" == FRAMED_CSP
    assert "X-Frame-Options" not in embed
    timeline = headers_for(rules, "/rust-case/timeline/")
    assert (timeline["Content-Security-Policy"], timeline["X-Frame-Options"]) == (CSP + "; frame-ancestors 'none'", "DENY")
    search = headers_for(rules, "/rust-case/search/")
    assert search["Content-Security-Policy"] == SEARCH_CSP + "; frame-ancestors 'none'"
    # Pagefind compiles its wasm in a worker, which follows the policy sent with the worker's script.
    worker = headers_for(rules, "/rust-case/pagefind/pagefind-worker.js")
    assert worker["Content-Security-Policy"] == SEARCH_CSP + "; frame-ancestors 'none'"
    assert SEARCH_CSP == CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")


def test_about_page_offers_the_iframe_snippet_and_every_feed(example_dist: Path) -> None:
    page = soup(example_dist / "about" / "index.html")
    assert page.select_one("pre.snippet").get_text() == (
        '<iframe src="https://example.org/rust-case/embed/timeline/" title="Timeline: The 2021 shooting on the set of Rust '
        'and the cases that followed" width="100%" height="600" loading="lazy" style="border:1px solid #ccc"></iframe>')
    hrefs = [a["href"] for a in page.select("#data ~ ul a")][:5]
    assert hrefs == [f"../topics/{t}/feed.xml" for t in ("shooting", "charges", "dismissal", "civil-suits", "reality-show")]


# --- search (the index; the browser tests are in test_explainer_browser.py) ----------------------------------------------

import pytest  # noqa: E402

from site_builder.build import search  # noqa: E402
from site_builder.build.pipeline import BuildOptions, build, load_valid  # noqa: E402
from site_builder.build.site import build_site  # noqa: E402

from .conftest import ROOT  # noqa: E402


def test_search_records_every_item_with_its_anchor_and_filters() -> None:
    site = build_site(load_valid(ROOT / "content"), search=True)
    found = {r.url: r for r in search.records(site)}
    assert len(found) == len(site.events) + len(site.claims) + len(site.quotes) + len(site.people)
    event = found["topics/dismissal/index.html#event-dismissal-reconsideration-denied"]
    assert (event.title, event.kind) == ("Judge denies the state's motion to reconsider the dismissal", "Event")
    assert event.filters()["strand"] == ["Dismissal of the case and the state's motion to reconsider"]
    person = found["people/gloria-allred/index.html"]
    assert person.filters() == {"kind": ["Person"], "person": ["Gloria Allred"]}
    quote = found["topics/reality-show/index.html#quote-show-quote-allred-reality"]
    assert quote.filters()["person"] == ["Gloria Allred"] and quote.kind == "Quote"
    page = BeautifulSoup(search.record_page(event, "en"), "html.parser")
    assert [(t["data-pagefind-filter"], t.get_text()) for t in page.select("[data-pagefind-filter]")] == [
        ("kind", "Event"), ("person", "Judge Mary Marlowe Sommer"), ("person", "New Mexico state prosecutors"),
        ("person", "Alec Baldwin"), ("strand", "Dismissal of the case and the state's motion to reconsider")]
    assert page.select_one('[data-pagefind-meta="url"]').get_text() == "topics/dismissal/index.html#event-dismissal-reconsideration-denied"


def test_build_publishes_the_pagefind_bundle_and_the_search_page(example_dist: Path) -> None:
    bundle = {p.relative_to(example_dist / "pagefind").as_posix() for p in (example_dist / "pagefind").rglob("*") if p.is_file()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"} <= bundle
    assert not [name for name in bundle if name.startswith("pagefind-ui")]  # the theme has its own interface
    page = soup(example_dist / "search" / "index.html")
    assert [text(label) for label in page.select("form.search-form label")] == ["Search the case", "Strand", "Person", "Kind"]
    assert page.select_one("form.search-form")["data-bundle"] == "../pagefind/"
    assert [text(a) for a in soup(example_dist / "index.html").select("header nav a")] == [
        "Overview", "Timeline", "Who's who", "Sources", "Search", "About"]


def test_no_search_builds_no_index_no_page_and_no_link(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("build", "--content", ROOT / "content", "--out", tmp_path / "dist", "--no-search").code == 0
    assert not (tmp_path / "dist" / "pagefind").exists() and not (tmp_path / "dist" / "search").exists()
    assert "Search" not in [text(a) for a in soup(tmp_path / "dist" / "index.html").select("header nav a")]


def test_build_without_pagefind_says_how_to_get_it(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(__import__("sys").modules, "pagefind_bin", None)  # as if the package were not installed
    result = run("build", "--content", ROOT / "content", "--out", tmp_path / "dist")
    assert (result.code, result.err) == (1, "error: search needs Pagefind: install it with `pip install 'pagefind[bin]'` "
                                            "(a dependency of site-builder), or build with --no-search\n")
    assert not (tmp_path / "dist").exists()


def test_library_builds_leave_search_out_unless_asked(tmp_path: Path) -> None:
    build(BuildOptions(ROOT / "content", tmp_path / "dist"))
    assert not (tmp_path / "dist" / "pagefind").exists()


def test_search_bundle_is_byte_identical_from_run_to_run() -> None:
    """Pagefind writes filter values in hash-map order; searchorder sorts them (and renames the files to match)."""
    site = build_site(load_valid(ROOT / "content"), search=True)
    first, second = search.search_files(site), search.search_files(site)
    assert first == second
    filters = sorted(name for name in first if name.startswith("pagefind/filter/"))
    assert len(filters) == 3  # kind, person, strand


def test_searchorder_sorts_filter_values_and_renames_to_match() -> None:
    from site_builder.build.searchorder import _read, _write, canonical

    def bundle(values: list, filters: list) -> dict[str, bytes]:  # type: ignore[type-arg]
        meta = ["1.5.2", [["en_aaa", 3]], [], filters, [], ["title"]]
        return {"filter/en_1234567.pf_filter": _write(["kind", values]),
                "pagefind.en_0123456789.pf_meta": _write(meta),
                "pagefind-entry.json": b'{"version":"1.5.2","languages":{"en":{"hash":"en_0123456789","wasm":"en","page_count":3}}}'}

    one = canonical(bundle([["Quote", [0]], ["Event", [1, 2]]], [["kind", "en_1234567"]]))
    two = canonical(bundle([["Event", [1, 2]], ["Quote", [0]]], [["kind", "en_1234567"]]))
    assert one == two
    (filter_name,) = [n for n in one if n.startswith("filter/")]
    assert _read(one[filter_name]) == ["kind", [["Event", [1, 2]], ["Quote", [0]]]]
    (meta_name,) = [n for n in one if n.endswith(".pf_meta")]
    assert _read(one[meta_name])[3] == [["kind", filter_name.removeprefix("filter/").removesuffix(".pf_filter")]]
    assert meta_name.removeprefix("pagefind.").removesuffix(".pf_meta") in one["pagefind-entry.json"].decode()


def test_a_case_with_nothing_published_builds_without_search(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    """Pagefind refuses to index nothing; a new case (init) still builds, with no search page and no index."""
    assert run("init", tmp_path / "case").code == 0
    assert run("build", "--content", tmp_path / "case" / "content", "--out", tmp_path / "dist").code == 0
    assert not (tmp_path / "dist" / "search").exists() and not (tmp_path / "dist" / "pagefind").exists()


def _fake_pagefind(tmp_path: Path, script: str) -> Path:
    """A stand-in for the Pagefind executable: a shell script."""
    binary = tmp_path / "fake-pagefind"
    binary.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    binary.chmod(0o755)
    return binary


def test_a_failing_pagefind_fails_the_build_with_its_last_word(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Pagefind runs while the pages render; when it fails, the build says what it said last on stderr, and writes nothing."""
    monkeypatch.setattr(search, "_binary", lambda: _fake_pagefind(tmp_path, "echo 'indexing' ; echo 'Error: first' >&2 ; echo 'Error: out of memory' >&2 ; exit 3"))
    result = run("build", "--content", ROOT / "content", "--out", tmp_path / "dist")
    assert (result.code, result.err) == (1, "error: search: Pagefind failed: Error: out of memory; build with --no-search to skip it\n")
    assert not (tmp_path / "dist").exists()


def test_a_render_error_stops_pagefind_and_removes_its_folder(example: Path, tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Indexing starts before the pages render: a template error ends the build without leaving Pagefind running
    or its records behind."""
    project = example
    (project / "templates").mkdir()
    (project / "templates" / "about.html").write_text('{% extends "base.html" %}{% block main %}{{ site.nonexistent.field }}{% endblock %}')
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    pid = tmp_path / "pid"
    monkeypatch.setattr(search, "_binary", lambda: _fake_pagefind(tmp_path, f"echo $$ > {pid}; exec sleep 60"))
    result = run("build", "--content", project / "content", "--out", project / "dist")
    assert result.code == 1 and "templates/about.html:1: UndefinedError" in result.err
    assert list(scratch.iterdir()) == []
    running = int(pid.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(running, 0)
