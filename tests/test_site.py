"""End-to-end: build the example site and inspect what a reader gets."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import urllib.parse
import urllib.request
import xml.dom.minidom
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.build.pipeline import BuildOptions, build, load_valid
from site_builder.build.linkcheck import check_pages, read_site
from site_builder.content.voice import loaded_words_in

from .conftest import ROOT

CONTENT = ROOT / "content"


@pytest.fixture
def dist(example_dist: Path) -> Path:
    return example_dist


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def html_pages(dist: Path) -> list[Path]:
    return sorted(dist.rglob("*.html"))


def test_every_page_is_there(dist: Path) -> None:
    data = json.loads((dist / "case.json").read_text())
    expected = ["index.html", "timeline/index.html", "people/index.html", "sources/index.html", "about/index.html",
                "404.html", "sitemap.xml", "robots.txt", "feed.xml", "case.json", "static/site.css", "static/timeline.js"]
    expected += [f"topics/{t}/index.html" for t in ("shooting", "charges", "dismissal", "civil-suits", "reality-show")]
    expected += [f"people/{p['id']}/index.html" for p in data["people"]]
    missing = [name for name in expected if not (dist / name).is_file()]
    assert missing == []


def test_every_internal_link_anchor_id_and_citation_checks_out(dist: Path) -> None:
    words = tuple(load_valid(CONTENT).case.model.loaded_words)
    assert check_pages(read_site(dist), words) == []


def test_page_checker_would_notice_broken_links_and_anchors(dist: Path) -> None:
    files = read_site(dist)
    about = files["about/index.html"].decode()
    about = about.replace('href="../case.json">case.json', 'href="../case.jsn">case.json')
    about = about.replace('href="../sources/index.html">sources page', 'href="../sources/index.html#nowhere">sources page')
    about = about.replace('href="../index.html"', 'href="../timeline/"', 1).replace("<h1>", '<h1 id="main">')
    files["about/index.html"] = about.encode()
    assert check_pages(files) == [
        "about/index.html: ../timeline/: directory link (use index.html so it works from file://)",
        "about/index.html: ../sources/index.html#nowhere: no element with id 'nowhere' in sources/index.html",
        "about/index.html: ../case.jsn: target does not exist",
        "about/index.html: duplicate id 'main'",
    ]


def statements(page: BeautifulSoup) -> list:  # type: ignore[type-arg]
    return page.select("li.event, li.claim, li.quote")


def test_every_statement_shows_a_citation_linking_to_sources(dist: Path) -> None:
    seen = 0
    for path in html_pages(dist):
        for item in statements(soup(path)):
            seen += 1
            links = [a["href"] for a in item.select(".cites a")]
            assert links, f"{path}: {item.get('id')} has no citation"
            assert all(re.search(r"sources/index\.html#source-[a-z0-9-]+$", h) for h in links), (path, links)
            assert item.select(".cites q.cite-quote"), f"{path}: {item.get('id')} shows no source sentence"
    assert seen > 50


def test_loaded_words_appear_only_inside_quotations(dist: Path) -> None:
    words = tuple(load_valid(CONTENT).case.model.loaded_words)
    assert "slammed" in words and "crocodile tears" in words
    for path in html_pages(dist):
        page = soup(path)
        for quoted in page.select("q, blockquote, script, .cited-headline"):
            quoted.decompose()
        text = page.get_text(" ")
        assert loaded_words_in(text, words) == [], path.relative_to(dist)


def test_the_tabloid_words_are_present_but_quoted(dist: Path) -> None:
    page = (dist / "sources" / "index.html").read_text()
    assert "Crocodile Tears" in page  # the cited headline is shown as published


def test_anonymous_claims_are_labelled_on_every_page(dist: Path) -> None:
    data = json.loads((dist / "case.json").read_text())
    anonymous = {f"claim-{c['id']}" for c in data["claims"] if c["attributed_to"] == "anonymous"}
    anonymous |= {f"quote-{q['id']}" for q in data["quotes"] if q["speaker"] == "anonymous"}
    assert anonymous, "the example has claims from the unnamed insider"
    shown = 0
    for path in html_pages(dist):
        for item in soup(path).select("li.claim, li.quote"):
            if item.get("id") in anonymous:
                shown += 1
                assert item.select_one(".badge-anon").get_text() == "Unnamed source", path
            else:
                assert item.select_one(".badge-anon") is None, (path, item.get("id"))
    assert shown >= len(anonymous)


def test_claim_kinds_follow_the_editorial_rules(dist: Path) -> None:
    data = json.loads((dist / "case.json").read_text())
    kinds = {(c["attributed_to"], c["kind"]) for c in data["claims"]}
    assert ("alec-baldwin", "denial") in kinds
    assert any(c["attributed_to"] == "fbi" and c["via"] and c["kind"] != "fact" for c in data["claims"])
    assert any(c["kind"] == "ruling" and "prejudice" in c["text"] for c in data["claims"])


def test_case_json_is_the_documented_export(dist: Path) -> None:
    data = json.loads((dist / "case.json").read_text())
    assert set(data["case"]) >= {"title", "summary", "updated"}
    assert [t["id"] for t in data["topics"]] == ["shooting", "charges", "dismissal", "civil-suits", "reality-show"]
    assert set(data["topics"][0]) >= {"id", "title", "status", "summary"}
    assert set(data["people"][0]) >= {"id", "name", "aliases", "role", "group", "kind"}
    assert {p["kind"] for p in data["people"]} == {"person", "organization"}
    assert set(data["sources"][0]) >= {"id", "title", "publisher", "published", "url", "file", "kind"}
    assert all(s["file"] is None or "/" not in s["file"] for s in data["sources"])
    assert set(data["events"][0]) >= {"id", "topic", "date", "not_after", "title", "people", "citations", "review"}
    assert set(data["claims"][0]) >= {"id", "topic", "kind", "text", "attributed_to", "citations", "review"}
    assert set(data["quotes"][0]) >= {"id", "topic", "speaker", "text", "citations", "review"}
    for item in data["events"] + data["claims"] + data["quotes"]:
        assert item["citations"] and all(set(c) == {"source", "quote"} for c in item["citations"])
        assert item["review"] == "reviewed"


def test_dates_show_their_precision(dist: Path) -> None:
    page = soup(dist / "timeline" / "index.html")
    times = [t.get_text() for t in page.select("li.event .when time")]
    assert any(re.fullmatch(r"\d{4}", t) for t in times), "a year-only event"
    assert any(t.startswith("by ") for t in times), "an event bounded by publication"
    assert any(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", t) for t in times), "a day-precise event"
    assert any(re.fullmatch(r"[A-Z][a-z]+ \d{4}", t) for t in times), "a month-precise event"
    assert not any(re.search(r"\d{4}-\d{2}", t) for t in times), "dates are shown in words"


def test_pages_are_accessible_in_structure(dist: Path) -> None:
    for path in html_pages(dist):
        page = soup(path)
        assert page.html["lang"] == "en"
        assert len(page.find_all("h1")) == 1, path
        assert page.find("main", id="main") and page.select_one('a.skip-link[href="#main"]'), path
        levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)


def test_no_requests_to_other_hosts(dist: Path) -> None:
    for path in html_pages(dist):
        page = soup(path)
        for tag in page.select("script[src], link[rel=stylesheet], img, iframe, link[rel=icon]"):
            ref = tag.get("src") or tag.get("href")
            assert not re.match(r"^(https?:)?//", ref), (path, ref)


def test_metadata_jsonld_open_graph_feed_sitemap(dist: Path) -> None:
    page = soup(dist / "topics" / "shooting" / "index.html")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Article" and data["url"] == "https://example.org/rust-case/topics/shooting/"
    assert page.select_one('meta[property="og:title"]')["content"] == page.h1.get_text()
    sitemap = (dist / "sitemap.xml").read_text()
    assert "<loc>https://example.org/rust-case/timeline/</loc>" in sitemap and "404" not in sitemap
    assert "Sitemap: https://example.org/rust-case/sitemap.xml" in (dist / "robots.txt").read_text()
    feed = (dist / "feed.xml").read_text()
    assert feed.count("<entry>") == len(json.loads((dist / "case.json").read_text())["events"])
    xml.dom.minidom.parseString(feed)  # well-formed


def test_build_is_deterministic(dist: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(BuildOptions(CONTENT, again, search=True))  # the search index too: Pagefind's bundle is byte-identical
    first = {p.relative_to(dist): p.read_bytes() for p in dist.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_site_works_under_a_sub_path_over_http(dist: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    shutil.copytree(dist, www / "deep" / "sub")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/deep/sub/"
    try:
        checked = 0
        for path in [dist / "index.html", dist / "people" / "alec-baldwin" / "index.html", dist / "topics" / "charges" / "index.html"]:
            url = base + path.relative_to(dist).as_posix()
            page = BeautifulSoup(urllib.request.urlopen(url).read(), "html.parser")
            for tag in page.select("a[href], link[rel=stylesheet], script[src]"):
                ref = tag.get("href") or tag.get("src")
                if ref.startswith(("http", "#", "mailto")):
                    continue
                target = urllib.parse.urljoin(url, ref).split("#")[0]
                assert target.startswith(base), (url, ref)
                assert urllib.request.urlopen(target).status == 200
                checked += 1
        assert checked > 30
    finally:
        server.shutdown()

