"""Quality gates in a real browser: accessibility (axe-core), keyboard, focus, layout, privacy, CSP.

Every page of the example site, the minimal fixture (built with drafts), the
invented second case (converted, built with drafts) and the hostile markup
site is served over HTTP on 127.0.0.1 under its base URL's path, with the
headers of the site's own ``_headers`` file, and opened once in Debian's
Chromium through Playwright; during that visit it is looked at in light and
dark mode, 1280 and 390 px wide (see :func:`survey`), and the tests assert on
what was collected.
Screenshots go to test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .checkers import ARTIFACTS, Served, contrast, node_file, serving

WIDE, NARROW = 1280, 390
# Installed before any page script runs: records every CSP violation.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""
BACKGROUND = "getComputedStyle(document.body).backgroundColor"
SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
OPEN_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"
AXE_ALL = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
AXE_CONTRAST = "async () => (await axe.run(document, {runOnly: ['color-contrast'], resultTypes: ['violations']})).violations"
# Statements and their citations must be readable: at least 14px, inside the viewport, not clipped.
READABLE = """() => {
  const out = [], width = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('.event, .event *, .claim, .claim *, .quote, .quote *, .cites, .cites *')) {
    if (!el.getClientRects().length) continue;
    const cs = getComputedStyle(el), r = el.getBoundingClientRect();
    const name = el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '');
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (text && parseFloat(cs.fontSize) < 14) out.push(`${name}: font-size ${cs.fontSize}`);
    if (r.left < -1 || r.right > width + 1) out.push(`${name}: outside the viewport`);
    if (cs.display !== 'inline' && el.clientWidth && el.scrollWidth > el.clientWidth + 1) out.push(`${name}: wider than its box`);
    if (cs.overflowY !== 'visible' && el.clientHeight && el.scrollHeight > el.clientHeight + 1) out.push(`${name}: cut off`);
  }
  return [...new Set(out)];
}"""


@dataclass
class Visit:
    """What one page did and showed while it was open."""

    status: int
    requests: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # "light" (every rule), "dark" (contrast)
    unreadable: dict[int, list[str]] = field(default_factory=dict)  # by viewport width
    scrolls_sideways: dict[int, bool] = field(default_factory=dict)
    background: dict[str, str] = field(default_factory=dict)  # the body's, per colour scheme


# Fully checked: the example, the minimal fixture with drafts, the invented second case (converted, with drafts).
# The hostile markup site is only watched for scripts, requests and CSP violations.
CHECKED = ["example", "minimal", "harborview"]
# One page per template, for screenshots and the keyboard walk.
SAMPLE = ["index.html", "timeline/index.html", "topics/dismissal/index.html", "people/index.html",
          "people/gloria-allred/index.html", "sources/index.html", "about/index.html", "search/index.html",
          "embed/timeline/index.html", "no-such-page/"]



@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_file("axe-core/axe.min.js").read_text("utf-8")


@pytest.fixture(scope="module")
def sites(example_dist: Path, minimal_dist: Path, markup_dist: Path, harborview_dist: Path) -> Iterator[dict[str, tuple[Path, Served]]]:
    """Each built site served over HTTP at the path of its base URL (so 404.html's absolute links work)."""
    with serving(example_dist, "/rust-case/") as example, serving(minimal_dist, "/bribery/") as minimal, \
            serving(markup_dist, "/x'onmouseover='alert(1)'/") as markup, serving(harborview_dist, "/harborview/") as harbor:
        yield {"example": (example_dist, example), "minimal": (minimal_dist, minimal), "markup": (markup_dist, markup),
               "harborview": (harborview_dist, harbor)}


def pages_of(dist: Path) -> list[str]:
    """Every page, plus an address that does not exist (the host answers with 404.html)."""
    return [p.relative_to(dist).as_posix() for p in sorted(dist.rglob("*.html"))] + ["no-such-page/"]


@pytest.fixture(scope="module")
def survey(browser: Browser, sites: dict[str, tuple[Path, Served]], axe_source: str) -> Callable[[str], dict[str, Visit]]:
    """survey(site) -> {page: Visit}: every page visited once, then looked at in light and dark, wide and narrow."""

    @functools.cache
    def run(site: str) -> dict[str, Visit]:
        dist, served = sites[site]
        checked = site != "markup"  # the markup site is only watched for scripts, requests and CSP
        context = browser.new_context(viewport={"width": WIDE, "height": 900}, color_scheme="light")
        context.add_init_script(script=WATCH)
        if checked:
            context.add_init_script(script=axe_source)
        page = context.new_page()
        current: list[Visit] = []
        page.on("request", lambda r: current[-1].requests.append(r.url) if current else None)
        page.on("pageerror", lambda e: current[-1].errors.append(str(e)))
        page.on("console", lambda m: current[-1].errors.append(m.text) if m.type == "error" and current else None)
        page.on("dialog", lambda d: (current[-1].dialogs.append(d.message), d.dismiss()))
        visits: dict[str, Visit] = {}
        for name in pages_of(dist):
            current.append(Visit(0))
            response = page.goto(served.url + name)
            visit = visits[name] = current[-1]
            visit.status = response.status if response else 0
            visit.csp = page.evaluate("window.__csp")
            if checked:
                look(page, visit, name if site == "example" and name in SAMPLE else None)
        context.close()
        return visits

    return run


def look(page: Page, visit: Visit, shot: str | None) -> None:
    """axe in light and dark, readability and sideways scrolling at both widths, screenshots of sample pages."""
    page.evaluate(OPEN_DETAILS)
    visit.axe["light"] = page.evaluate(AXE_ALL)
    visit.background["light"] = page.evaluate(BACKGROUND)
    visit.unreadable[WIDE] = page.evaluate(READABLE)
    visit.scrolls_sideways[WIDE] = page.evaluate(SIDEWAYS)
    screenshot(page, shot, WIDE, "light")
    page.emulate_media(color_scheme="dark")
    visit.axe["dark"] = page.evaluate(AXE_CONTRAST)
    visit.background["dark"] = page.evaluate(BACKGROUND)
    page.set_viewport_size({"width": NARROW, "height": 900})
    screenshot(page, shot, NARROW, "dark")
    page.emulate_media(color_scheme="light")
    visit.unreadable[NARROW] = page.evaluate(READABLE)
    visit.scrolls_sideways[NARROW] = page.evaluate(SIDEWAYS)
    screenshot(page, shot, NARROW, "light")
    page.set_viewport_size({"width": WIDE, "height": 900})


def screenshot(page: Page, name: str | None, width: int, scheme: str) -> None:
    if name is not None:
        slug = name.removesuffix("index.html").strip("/").replace("/", "-") or "index"
        # Whole page on the phone (where layout goes wrong); the first screen otherwise, to keep artifacts small.
        full = (width, scheme) == (NARROW, "light")
        page.screenshot(path=ARTIFACTS / "screenshots" / f"{slug}-{width}-{scheme}.png", full_page=full)


def summary(violations: list[dict[str, Any]]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {n['target']} {n['failureSummary']}" for v in violations for n in v["nodes"][:5]]


@pytest.mark.parametrize("site", CHECKED)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(survey, site: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Every axe rule in light mode; colour contrast again with prefers-color-scheme: dark."""
    found = {page: summary(v.axe[scheme]) for page, v in survey(site).items() if v.axe[scheme]}
    assert found == {}
    # The stylesheet loaded and the scheme really switched (a gate that checks an unstyled page checks nothing).
    assert {v.background[scheme] for v in survey(site).values()} == {"rgb(253, 252, 250)" if scheme == "light" else "rgb(22, 24, 28)"}
    assert len(survey(site)) > {"example": 30, "minimal": 7, "harborview": 15}[site]


@pytest.mark.parametrize("site", CHECKED)
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_statements_and_citations_are_readable(survey, site: str, width: int) -> None:  # type: ignore[no-untyped-def]
    found = {page: v.unreadable[width] for page, v in survey(site).items() if v.unreadable[width]}
    assert found == {}


@pytest.mark.parametrize("site", CHECKED)
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_no_sideways_scrolling(survey, site: str, width: int) -> None:  # type: ignore[no-untyped-def]
    assert [page for page, v in survey(site).items() if v.scrolls_sideways[width]] == []


def test_screenshots_are_saved(survey) -> None:  # type: ignore[no-untyped-def]
    survey("example")
    saved = sorted(p.name for p in (ARTIFACTS / "screenshots").glob("*.png"))
    for name in ("index-390-light.png", "index-1280-light.png", "timeline-390-dark.png", "no-such-page-390-light.png"):
        assert name in saved


@pytest.mark.parametrize("site", [*CHECKED, "markup"])
def test_pages_request_nothing_from_other_hosts(survey, sites, site: str) -> None:  # type: ignore[no-untyped-def]
    origin = sites[site][1].origin
    visits = survey(site)
    found = {page: [u for u in v.requests if not u.startswith(origin + "/")] for page, v in visits.items()}
    assert {page: urls for page, urls in found.items() if urls} == {}
    assert all(v.requests for v in visits.values())  # the listener saw the pages themselves


@pytest.mark.parametrize("site", [*CHECKED, "markup"])
def test_no_csp_violations_errors_or_dialogs(survey, site: str) -> None:  # type: ignore[no-untyped-def]
    visits = survey(site)
    found = {page: v.csp + v.errors + v.dialogs for page, v in visits.items() if v.csp or v.errors or v.dialogs}
    # The host answers a missing page with 404.html and status 404; Chromium logs that status as an error.
    assert found == {"no-such-page/": ["Failed to load resource: the server responded with a status of 404 (Not Found)"]}
    assert {page: v.status for page, v in visits.items() if v.status != 200} == {"no-such-page/": 404}


# --- keyboard ----------------------------------------------------------------------------------------------------

# Numbers every focusable element and records each one that receives focus, with the outline it shows and
# the background around it. A <summary> that gets focus is opened, as a reader would with Enter (tested
# for real in test_enter_opens_a_summary), so the walk goes on into the <details>.
FOCUS_WATCH = """() => {
  const all = [...document.querySelectorAll('a[href], summary, select, button, input, textarea, [tabindex]')];
  all.forEach((el, i) => { el.__qa = i; });
  window.__focused = [];
  document.addEventListener('focusin', e => {
    const el = e.target, cs = getComputedStyle(el), r = el.getBoundingClientRect();
    let bg = 'rgba(0, 0, 0, 0)';
    for (let up = el.parentElement; up && bg === 'rgba(0, 0, 0, 0)'; up = up.parentElement) bg = getComputedStyle(up).backgroundColor;
    if (bg === 'rgba(0, 0, 0, 0)') bg = 'rgb(255, 255, 255)';
    window.__focused.push({i: el.__qa, tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),
      outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg,
      onscreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight});
    if (el.tagName === 'SUMMARY') el.parentElement.open = true;
  });
  return all.length;
}"""
LINKS = "() => [...document.querySelectorAll('a[href]')].filter(a => a.getClientRects().length).map(a => [a.__qa, a.textContent.trim().slice(0, 40)])"


def tab_through(page: Page) -> tuple[list[dict[str, Any]], list[list[Any]]]:
    """Press Tab once per focusable element (and once more); return every focus and every link on show."""
    count = page.evaluate(FOCUS_WATCH)
    for _ in range(count + 1):
        page.keyboard.press("Tab")
    return page.evaluate("window.__focused"), page.evaluate(LINKS)


@pytest.fixture(scope="module")
def keyboard(browser: Browser, sites: dict[str, tuple[Path, Served]]) -> dict[tuple[str, str], tuple[list[dict[str, Any]], list[list[Any]]]]:
    """(scheme, page) -> (every focus with its style, every link shown): every page in light, two in dark."""
    dist, served = sites["example"]
    walks = {}
    for scheme, names in (("light", pages_of(dist)), ("dark", ["index.html", "timeline/index.html"])):
        context = browser.new_context(viewport={"width": WIDE, "height": 900}, color_scheme=scheme)  # type: ignore[arg-type]
        page = context.new_page()
        for name in names:
            page.goto(served.url + name)
            walks[scheme, name] = tab_through(page)
        context.close()
    return walks


def test_enter_opens_a_summary(browser: Browser, sites: dict[str, tuple[Path, Served]]) -> None:
    page = browser.new_page()
    page.goto(sites["example"][1].url + "sources/index.html")
    while page.evaluate("document.activeElement.tagName") != "SUMMARY":
        page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.parentElement.open")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open")
    page.close()


def test_tab_reaches_every_link_on_every_page(keyboard) -> None:  # type: ignore[no-untyped-def]
    walked = [name for scheme, name in keyboard if scheme == "light"]
    assert len(walked) > 30 and "no-such-page/" in walked
    for name in walked:
        focused, links = keyboard["light", name]
        reached = {f["i"] for f in focused}
        assert [text for index, text in links if index not in reached] == [], name
        assert focused[0]["text"] == "Skip to main content" and focused[0]["onscreen"], name


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_visible(keyboard, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Every focused element shows a solid outline of at least 2px with 3:1 contrast against what is behind it."""
    weak = []
    for (s, name), (focused, _) in keyboard.items():
        if s != scheme:
            continue
        for f in focused:
            ratio = contrast(f["color"], f["bg"])
            if f["outline"] in ("none", "hidden") or f["width"] < 2 or ratio < 3 or not f["onscreen"]:
                weak.append(f"{name}: <{f['tag'].lower()}> {f['text']!r}: outline {f['outline']} {f['width']}px {f['color']} on {f['bg']} ({ratio:.1f}:1)")
    assert weak == []


# --- the Content-Security-Policy from file:// ----------------------------------------------------------------------


def test_policy_allows_the_site_itself_from_file(browser: Browser, example_dist: Path) -> None:
    """Opened from disk, the meta policy still lets the stylesheet and the timeline script run, and reports nothing."""
    context = browser.new_context()
    context.add_init_script(script=WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.goto((example_dist / "timeline" / "index.html").as_uri())
    assert page.evaluate("window.__csp") == [] and errors == []
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(253, 252, 250)"  # site.css applied
    assert page.evaluate("document.documentElement.classList.contains('js-enabled')")  # timeline.js ran
    assert page.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]').content").startswith("default-src 'none'")
    context.close()


def test_policy_blocks_inline_script(browser: Browser, example_dist: Path, tmp_path: Path) -> None:
    """The policy is enforced, not just present: an inline script added to a built page does not run."""
    page_file = tmp_path / "index.html"
    html = (example_dist / "index.html").read_text("utf-8").replace("</main>", "<script>document.title = 'pwned'</script></main>")
    page_file.write_text(html.replace('href="static/', f'href="{example_dist.as_uri()}/static/'), "utf-8")
    context = browser.new_context()
    context.add_init_script(script=WATCH)
    page = context.new_page()
    page.goto(page_file.as_uri())
    assert page.title() != "pwned"
    assert [v.split()[0] for v in page.evaluate("window.__csp")] == ["script-src-elem"]
    context.close()
