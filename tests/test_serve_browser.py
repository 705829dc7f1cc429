"""`site-builder serve` in a real browser: saves show up, errors overlay the page, fixes clear it.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright, like
test_browser.py. Nothing here reloads the page: every change must arrive
through the server's livereload channel.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from site_builder.serve.inject import OVERLAY_ID
from tests.test_serve import TITLE, no_leftover_threads, retitle, serving  # noqa: F401 (autouse fixture)

TIMEOUT = 10_000  # ms; a change normally shows within a few hundred



@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def open_live(page: Page, url: str) -> None:
    """Open ``url`` and wait until its livereload connection is up (so no save is missed)."""
    page.goto(url)
    # A function, not an expression string: Playwright evals expression strings in the page, which the CSP forbids.
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector && window.LiveReload.connector.protocol > 0")
    page.evaluate("window.__notReloaded = true")  # survives only as long as nobody reloads the page


def test_saved_change_appears_without_manual_reload(project: Path, page: Page) -> None:
    with serving(project) as server:
        open_live(page, server.url + "topics/charges/")
        expect(page.locator("main")).to_contain_text(TITLE)
        retitle(project, "Sam Ortiz is indicted on a bribery count")
        expect(page.locator("main")).to_contain_text("Sam Ortiz is indicted on a bribery count", timeout=TIMEOUT)
        assert page.evaluate("window.__notReloaded") is None  # the server reloaded it
        # The reloaded page told the server its build (read from the options script), and took livereload.js
        # from the browser's cache: one address for every build.
        page.wait_for_function("() => window.LiveReload && window.LiveReload.connector && window.LiveReload.connector.protocol > 0")
        assert page.evaluate("() => window.LiveReload.options.snipver") == server.rebuilder.preview.generation  # type: ignore[union-attr]
        client = page.evaluate("() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('/livereload.js'))"
                               ".map(e => e.transferSize)")
        assert client == [0]


def test_broken_yaml_shows_overlay_with_file_and_line_then_fix_clears_it(project: Path, page: Page) -> None:
    charges = project / "content" / "entries" / "charges.yaml"
    good = charges.read_text("utf-8")
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    with serving(project) as server:
        open_live(page, server.url + "topics/charges/")
        overlay = page.locator(f"#{OVERLAY_ID}")
        expect(overlay).to_have_count(0)

        charges.write_text(good.replace("people: [sam-ortiz]", "people: [sam-ortiz"), "utf-8")  # line 8
        expect(overlay).to_be_visible(timeout=TIMEOUT)
        expect(overlay).to_contain_text(f"{charges}:9: invalid YAML")
        expect(page.locator("main")).to_contain_text(TITLE)  # the last good page stays underneath
        # Styled despite the pages' Content-Security-Policy: pinned over the top of the page.
        assert page.evaluate(f"getComputedStyle(document.getElementById('{OVERLAY_ID}')).position") == "fixed"
        assert overlay.bounding_box() == pytest.approx({"x": 0, "y": 0, "width": 1280, "height": overlay.bounding_box()["height"]})  # type: ignore[index]

        page.wait_for_function("() => window.LiveReload.connector.protocol > 0")
        charges.write_text(good.replace(TITLE, "Sam Ortiz is indicted"), "utf-8")
        expect(overlay).to_have_count(0, timeout=TIMEOUT)
        expect(page.locator("main")).to_contain_text("Sam Ortiz is indicted")
    assert [m for m in console if "Content Security Policy" in m] == []
