"""Search and the embeddable timeline in a real browser (Debian's Chromium through Playwright).

The example site is served as a static host would serve it (tests/checkers.serving: its `_headers`
applied, 404.html for unknown paths), under its base URL's sub-path and, built again for a domain
root, at "/". Expected results are read from content/entries/*.yaml.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from site_builder.build.pipeline import BuildOptions, build

from .checkers import serving
from .conftest import ROOT

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def open_page(browser: Browser, url: str) -> tuple[Page, list[str]]:
    """A fresh page at ``url`` that records CSP violations, script errors and console errors."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.add_init_script(script=WATCH)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(url)
    return page, problems


def results(page: Page) -> list[tuple[str, str]]:
    page.wait_for_selector(".search-results li", timeout=15000)
    return [(a.inner_text(), a.get_attribute("href") or "") for a in page.query_selector_all(".search-results h2 a")]


def search_and_follow(browser: Browser, root: str) -> None:
    """Search 'reconsider' at the site served at ``root``; the event of the denied motion is found, and its link lands on it."""
    page, problems = open_page(browser, root + "search/index.html")
    page.fill("#search-query", "reconsider")
    found = results(page)
    assert ("Judge denies the state's motion to reconsider the dismissal",
            "../topics/dismissal/index.html#event-dismissal-reconsideration-denied") in found
    page.click("text=Judge denies the state's motion to reconsider the dismissal")
    page.wait_for_url("**/topics/dismissal/index.html#event-dismissal-reconsideration-denied")
    assert page.evaluate("document.querySelector(':target').id") == "event-dismissal-reconsideration-denied"
    assert page.evaluate("window.__csp") == [] and problems == []
    page.close()


def test_search_works_under_a_sub_path(browser: Browser, example_dist: Path) -> None:
    with serving(example_dist, "/rust-case/") as served:
        search_and_follow(browser, served.url)


def test_search_works_at_a_domain_root(browser: Browser, tmp_path: Path) -> None:
    build(BuildOptions(ROOT / "content", tmp_path / "dist", base_url="https://example.org/", search=True))
    with serving(tmp_path / "dist", "/") as served:
        search_and_follow(browser, served.url)


def test_search_filters_by_kind_strand_and_person(browser: Browser, example_dist: Path) -> None:
    with serving(example_dist, "/rust-case/") as served:
        page, problems = open_page(browser, served.url + "search/index.html?kind=Quote&person=Gloria+Allred")
        # Gloria Allred's two quotes, both in the reality-show strand (reality-show.yaml).
        assert sorted(href for _, href in results(page)) == [
            "../topics/reality-show/index.html#quote-show-quote-allred-celebrates",
            "../topics/reality-show/index.html#quote-show-quote-allred-reality"]
        assert page.inner_text(".search-status") == "2 results."
        page.select_option("#search-person", "")
        page.select_option("#search-strand", "Criminal charges")
        page.wait_for_selector(".search-status:has-text('3 results.')")  # (wait_for_function would need eval, which CSP forbids)
        # charges.yaml has three quotes, all by Luke Nikas.
        assert sorted(href for _, href in results(page)) == [
            "../topics/charges/index.html#quote-charges-quote-nikas-fight",
            "../topics/charges/index.html#quote-charges-quote-nikas-miscarriage",
            "../topics/charges/index.html#quote-charges-quote-nikas-relied"]
        assert "strand=Criminal+charges" in page.url and "kind=Quote" in page.url  # the search can be shared
        assert page.evaluate("window.__csp") == [] and problems == []
        page.close()


def test_search_from_file_says_it_needs_a_web_server(browser: Browser, example_dist: Path) -> None:
    page, problems = open_page(browser, (example_dist / "search" / "index.html").as_uri())
    assert page.inner_text(".search-status").startswith(
        "Search needs the site to be served by a web server: browsers do not let a page opened from a file load the search index.")
    assert page.is_hidden("form.search-form")
    assert page.is_visible("text=timeline")  # the way on, instead of a dead search box
    assert page.evaluate("window.__csp") == [] and problems == []
    page.close()


@pytest.fixture
def host() -> Iterator[str]:
    """Another origin that frames pages of the site (an article embedding the timeline): serves /?src=URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            src = self.path.split("src=", 1)[-1]
            body = f'<!doctype html><title>Article</title><h1>An article</h1><iframe src="{src}" title="t" width="600" height="400"></iframe>'
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"  # localhost vs 127.0.0.1: a different origin
    finally:
        server.shutdown()
        server.server_close()


def test_the_embed_is_framed_by_another_site_and_opens_links_in_the_top_window(browser: Browser, example_dist: Path, host: str) -> None:
    with serving(example_dist, "/rust-case/") as served:
        page = browser.new_page()
        page.goto(host + "?src=" + served.url + "embed/timeline/index.html")
        frame = page.frame_locator("iframe")
        assert frame.locator("h1").inner_text() == "Timeline"
        frame.locator("text=Judge denies the state's motion to reconsider the dismissal").click()
        page.wait_for_url(served.url + "topics/dismissal/index.html#event-dismissal-reconsideration-denied")
        page.close()


def test_other_pages_refuse_to_be_framed(browser: Browser, example_dist: Path, host: str) -> None:
    with serving(example_dist, "/rust-case/") as served:
        page = browser.new_page()
        page.goto(host + "?src=" + served.url + "timeline/index.html")
        page.wait_for_timeout(500)
        assert page.frames[1].url == "chrome-error://chromewebdata/"  # refused (frame-ancestors 'none', X-Frame-Options DENY)
        page.close()


def test_print_shows_the_quoted_passages_and_hides_navigation(browser: Browser, example_dist: Path) -> None:
    """On paper a <details> cannot be opened: the print stylesheet shows the passages; links to elsewhere go."""
    page = browser.new_page()
    page.goto((example_dist / "timeline" / "index.html").as_uri())
    quote = page.locator("#event-shooting-gun-handed-to-baldwin q.cite-quote").first
    assert not quote.is_visible()  # on screen: one click away
    page.emulate_media(media="print")
    assert quote.is_visible()
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator("#event-shooting-gun-handed-to-baldwin .permalink").is_visible()
    page.close()


def test_dark_mode_gives_each_strand_a_lighter_colour(browser: Browser, example_dist: Path) -> None:
    page = browser.new_page(color_scheme="dark")
    page.goto((example_dist / "timeline" / "index.html").as_uri())
    marker = "getComputedStyle(document.querySelector('#event-shooting-gun-handed-to-baldwin'), '::before').backgroundColor"
    assert page.evaluate(marker) == "rgb(255, 138, 128)"  # --hue-1 in dark mode (site.css)
    page.emulate_media(color_scheme="light")
    assert page.evaluate(marker) == "rgb(179, 38, 30)"  # --hue-1 in light mode
    page.close()


NEW_PAGES = ["index.html", "timeline/index.html", "topics/dismissal/index.html", "people/index.html", "search/index.html",
             "embed/timeline/index.html", "about/index.html"]


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_new_pages_never_scroll_sideways_and_filters_keep_labels_above_menus(browser: Browser, example_dist: Path, width: int) -> None:
    with serving(example_dist, "/rust-case/") as served:
        page = browser.new_page(viewport={"width": width, "height": 800})
        sideways = []
        for name in NEW_PAGES:
            page.goto(served.url + name)
            page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                sideways.append(name)
        assert sideways == []
        page.goto(served.url + "timeline/index.html")
        for field in ("strand", "person"):  # each label sits right above its own menu, never at the end of a row
            label = page.locator(f"label[for=filter-{field}]").bounding_box()
            menu = page.locator(f"#filter-{field}").bounding_box()
            assert label and menu and abs(label["x"] - menu["x"]) < 1 and 0 <= menu["y"] - (label["y"] + label["height"]) < 8
        page.close()
