"""Bounded pages: long lists split over pages with previous/next and an index; every link lands on the page that holds its item."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.build import pages
from site_builder.build.pipeline import BuildOptions, Session, load_valid, render_site
from site_builder.build.check import check
from site_builder.build.linkcheck import check_pages
from site_builder.build.paging import Part, chunks, pagers, part_path, weighted_chunks, window

from .conftest import ROOT

MAX_PAGE = 200_000


def _generate() -> object:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The synthetic case at 1,500 events: 150 a year, 300 events, 150 claims and 75 quotes a strand."""
    project = tmp_path_factory.mktemp("big") / "case"
    _generate()(1500, project)  # type: ignore[operator]
    options = BuildOptions(project / "content", project / "dist")
    return render_site(load_valid(options.content), options)


def soup(files: dict[str, bytes], path: str) -> BeautifulSoup:
    return BeautifulSoup(files[path], "html.parser")


def ids(files: dict[str, bytes], path: str, kind: str = "event") -> list[str]:
    return [li["id"] for li in soup(files, path).select(f"li.{kind}")]


def pager(files: dict[str, bytes], path: str, label: str = "Pages") -> dict[str, object]:
    nav = soup(files, path).select_one(f'nav.pager[aria-label="{label}"]')
    assert nav is not None, path
    prev, nxt = nav.select_one("a[rel=prev]"), nav.select_one("a[rel=next]")
    return {
        "status": nav.select_one(".pager-status").get_text(),
        "prev": prev["href"] if prev else None,
        "next": nxt["href"] if nxt else None,
        "index": [a["href"] for a in nav.select("a:not([rel])")],
        "current": [a.get_text() for a in nav.select("a[aria-current=page]")],
    }


def test_no_page_is_over_200_kb_and_every_link_and_anchor_resolves(big: dict[str, bytes]) -> None:
    html = {path: len(data) for path, data in big.items() if path.endswith(".html")}
    assert max(html.values()) <= MAX_PAGE, max(html, key=html.__getitem__)
    assert check_pages(big) == []


def test_a_strand_is_split_into_pages_with_previous_next_and_an_index(big: dict[str, bytes]) -> None:
    # trial: events 2, 7, 12, ... (300), claims 150, quotes 75: 525 statements, 100 a page.
    first = "topics/trial/index.html"
    assert [p for p in big if p.startswith("topics/trial/") and p.endswith(".html")] == [first] + [f"topics/trial/{n}/index.html" for n in range(2, 7)]
    # Links go up to the site's root and down again, as every link on the site does.
    trial = [first] + [f"topics/trial/{n}/index.html" for n in range(2, 7)]
    assert pager(big, first) == {"status": "Page 1 of 6", "prev": None, "next": "../../topics/trial/2/index.html",
                                 "index": ["../../" + p for p in trial], "current": ["1"]}
    assert pager(big, "topics/trial/3/index.html") == {
        "status": "Page 3 of 6", "prev": "../../../topics/trial/2/index.html", "next": "../../../topics/trial/4/index.html",
        "index": ["../../../" + p for p in trial], "current": ["3"]}
    assert pager(big, "topics/trial/6/index.html", "More pages")["next"] is None
    # Events first (300: pages 1-3), then claims (150: pages 4 and 5), then quotes (75: the rest of 5 and 6).
    assert [len(ids(big, p)) for p in ["topics/trial/index.html", "topics/trial/3/index.html", "topics/trial/4/index.html"]] == [100, 100, 0]
    assert len(ids(big, "topics/trial/4/index.html", "claim")) == 100
    assert (len(ids(big, "topics/trial/5/index.html", "claim")), len(ids(big, "topics/trial/5/index.html", "quote"))) == (50, 50)
    assert len(ids(big, "topics/trial/6/index.html", "quote")) == 25
    assert soup(big, "topics/trial/2/index.html").title.get_text().startswith("The trial (page 2 of 6) · ")
    # The header stays on every page; 'nothing yet' notes never appear where the items are on other pages.
    assert "No published" not in big["topics/trial/6/index.html"].decode()


def test_a_busy_year_of_the_timeline_spans_pages(big: dict[str, bytes]) -> None:
    # 150 events a year: each year on two pages, 100 and 50; the main page shows the latest (2024's second).
    assert len(ids(big, "timeline/2015/index.html")) == 100
    assert len(ids(big, "timeline/2015/2/index.html")) == 50
    assert ids(big, "timeline/index.html") == ids(big, "timeline/2024/2/index.html")
    nav = pager(big, "timeline/2015/2/index.html")
    up = "../../../timeline/"
    assert nav == {"status": "Page 2 of 20", "prev": up + "2015/index.html", "next": up + "2016/index.html",
                   "index": [up + "2015/index.html", up + "2015/2/index.html"], "current": ["2015 (2 of 2)"]}


def test_links_to_an_item_point_at_the_page_that_holds_it(big: dict[str, bytes]) -> None:
    """The sources list links each thing taken to its strand's page; the feed each event to its timeline page."""
    holder = {anchor: path for path in big if path.startswith("topics/") and path.endswith(".html") for anchor in
              ids(big, path, "event") + ids(big, path, "claim") + ids(big, path, "quote")}
    linked = 0
    for path in [p for p in big if p.startswith("sources/")]:
        for a in soup(big, path).select("ul.taken a[href*='#']"):
            target, _, anchor = a["href"].partition("#")
            assert posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) == holder[anchor], (path, a["href"])
            linked += 1
    assert linked == 1500 + 750 + 375  # every event, claim and quote is cited once
    feed = big["feed.xml"].decode()
    links = re.findall(r'<link href="https://example\.org/synthetic/([^"#]*)#(event-[^"]+)"/>', feed)
    assert len(links) == 100
    timeline_holder = {a: p for p in big if p.startswith("timeline/") and p.endswith(".html") and p != "timeline/index.html"
                       for a in ids(big, p)}
    assert all(path + "index.html" == timeline_holder[anchor] for path, anchor in links)
    assert links[0][0] == "timeline/2024/2/"  # the latest event: on the second page of the last year


def test_the_sources_list_and_whos_who_are_split(big: dict[str, bytes]) -> None:
    sources = [p for p in big if p.startswith("sources/")]
    assert len(sources) > 1 and sources[0] == "sources/index.html" and "sources/2/index.html" in sources
    listed = [a["id"] for p in sources for a in soup(big, p).select("article.source")]
    assert listed == [f"source-{s['id']}" for s in json.loads(big["case.json"])["sources"]]  # each once, in order
    # Who's who: 375 people, fewer than a page's 500; the timeline's filter links to it instead of listing them all.
    assert [p for p in big if p.startswith("people/page_")] == []
    timeline = soup(big, "timeline/index.html")
    assert timeline.select_one("#filter-person") is None
    assert timeline.select_one(".filter-links a[href='../people/index.html']").get_text() == "Events by person"


def test_person_pages_and_whos_who_paginate_on_the_example(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pages, "PAGE_ITEMS", 10)
    monkeypatch.setattr(pages, "PEOPLE_PER_PAGE", 10)
    files = render_site(load_valid(ROOT / "content"), BuildOptions(ROOT / "content", tmp_path / "dist"))
    assert check_pages(files) == []
    assert check(ROOT / "content") == []
    baldwin = sorted(p for p in files if p.startswith("people/alec-baldwin/"))
    assert baldwin[0] == "people/alec-baldwin/2/index.html" and baldwin[-1] == "people/alec-baldwin/index.html"
    assert all(len(ids(files, p, "event")) + len(ids(files, p, "claim")) + len(ids(files, p, "quote")) <= 10 for p in baldwin)
    # The first page holds the events (so people/x/index.html#events resolves), and only it.
    assert soup(files, "people/alec-baldwin/index.html").select_one("#events") is not None
    people = json.loads(files["case.json"])["people"]
    whos_who = ["people/index.html"] + [f"people/page_{n}/index.html" for n in range(2, (len(people) + 9) // 10 + 1)]
    assert [p for p in files if p == "people/index.html" or p.startswith("people/page_")] == whos_who
    shown = [li["id"].removeprefix("person-") for p in whos_who for li in soup(files, p).select("ul.people li")]
    assert sorted(shown) == sorted(p["id"] for p in people)


def test_paging_helpers() -> None:
    assert chunks([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert chunks([], 2) == [[]]
    assert weighted_chunks("abcd", [3, 3, 9, 1], 6) == [["a", "b"], ["c"], ["d"]]
    assert weighted_chunks("", [], 6) == [[]]
    assert part_path("topics/x/index.html", 1) == "topics/x/index.html"
    assert part_path("topics/x/index.html", 3) == "topics/x/3/index.html"
    assert pagers([Part("a", "1")]) == [None]
    first, second = pagers([Part("a", "1"), Part("b", "2")])
    assert first is not None and second is not None
    assert (first.previous, first.next, second.previous, second.next) == (None, Part("b", "2"), Part("a", "1"), None)
    assert (second.number, second.total) == (2, 2)
    # A long set's index: the first, the last and five on each side of the current page, gaps marked.
    parts = [Part(str(n), str(n)) for n in range(1, 41)]
    assert [p.label for p in window(parts, 19)] == ["1", "…", *map(str, range(15, 26)), "…", "40"]
    assert [p.label for p in window(parts, 0)] == [*map(str, range(1, 7)), "…", "40"]
    assert [p.label for p in window(parts[:25], 0)] == [str(n) for n in range(1, 26)]


def test_a_warm_rebuild_equals_a_fresh_one_when_sources_move_between_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Statements link to the page of the sources list that holds each source, and that page depends on
    how much every source lists: a stored fragment must not keep the link after its source moved."""
    monkeypatch.setattr(pages, "SOURCE_LINES", 68)  # the first page: 22 + 21 lines, then 26 that do not fit
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    options = BuildOptions(tmp_path / "content", tmp_path / "dist")
    session = Session()

    def holders(files: dict[str, bytes]) -> dict[str, str]:
        return {a["id"]: p for p in files if p.startswith("sources/") for a in soup(files, p).select("article.source")}

    before = render_site(load_valid(options.content, session), options, session)
    entry = tmp_path / "content" / "entries" / "shooting.yaml"
    text = entry.read_text("utf-8")
    entry.write_text(text.replace("review: reviewed", "review: draft", 3), "utf-8")  # three items leave the site
    after = render_site(load_valid(options.content, session), options, session)
    assert holders(after) != holders(before)  # some source now sits on another page
    assert after == render_site(load_valid(options.content), options)


def test_a_warm_rebuild_equals_a_fresh_one_when_items_move_between_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sources list links each item to the page of its strand that holds it: when an item leaves a
    strand, the ones after it move up a page though they are unchanged, and so must those links."""
    monkeypatch.setattr(pages, "PAGE_ITEMS", 3)
    monkeypatch.setattr(pages, "SOURCE_LINES", 10_000)  # one page of sources: only the strands' pages move
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    options = BuildOptions(tmp_path / "content", tmp_path / "dist")
    session = Session()
    render_site(load_valid(options.content, session), options, session)
    entry = tmp_path / "content" / "entries" / "shooting.yaml"
    entry.write_text(entry.read_text("utf-8").replace("review: reviewed", "review: draft", 1), "utf-8")
    assert render_site(load_valid(options.content, session), options, session) == render_site(load_valid(options.content), options)


def test_warm_rebuilds_of_paginated_lists_equal_fresh_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Timeline, sources and who's-who pages are reused while their items are unchanged and their counts
    equal: after each kind of edit a warm rebuild must still equal a fresh build."""
    for name, value in [("TIMELINE_SPLIT", 5), ("PAGE_ITEMS", 3), ("SOURCE_LINES", 30), ("PEOPLE_PER_PAGE", 5)]:
        monkeypatch.setattr(pages, name, value)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    options = BuildOptions(tmp_path / "content", tmp_path / "dist")
    session = Session()
    render_site(load_valid(options.content, session), options, session)
    edits = [
        ("entries/reality-show.yaml", "title: The Baldwins premieres on TLC", "title: The Baldwins premiere on TLC"),  # one event
        ("entries/shooting.yaml", "review: reviewed", "review: draft"),  # an item leaves: counts change, items move
        ("entries/reality-show.yaml", "date: 2025-02-23", "date: 2024-12-01"),  # an event moves to another year
        ("people.yaml", "name: Alec Baldwin\n", "name: Alexander Baldwin\n"),  # a name on many pages
    ]
    for name, old, new in edits:
        path = tmp_path / "content" / name
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), "utf-8")
        assert render_site(load_valid(options.content, session), options, session) == render_site(load_valid(options.content), options), name



def test_a_kept_sources_page_follows_the_number_of_sources_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of the sources list is kept between plans (pages.PlanMemo) while it lists the very same blocks: when
    the pages after it go, its navigation ("page 1 of 4" → "of 3") must still change, as a plan made afresh has it."""
    import dataclasses

    from site_builder.build.site import build_site

    monkeypatch.setattr(pages, "SOURCE_LINES", 45)  # 4 pages; RadarOnline of 4 March alone on the last
    site = build_site(load_valid(ROOT / "content"))
    memo = pages.PlanMemo()
    first = pages.plan_pages(site, memo)
    assert [p.path for p in first.pages if p.template == "sources.html"][-1] == "sources/4/index.html"
    fewer = dataclasses.replace(site, sources=site.sources[:-1])  # the same views, the last source's page gone
    kept = pages.plan_pages(fewer, memo)
    assert [p.path for p in kept.pages if p.template == "sources.html"][-1] == "sources/3/index.html"
    assert kept.pages == pages.plan_pages(fewer).pages
