"""Behaviour that lives in the browser: filtering the timeline, with and without JavaScript.

Drives Debian's Chromium through Playwright (the `browser` fixture in conftest.py); layout,
accessibility and privacy checks are in test_quality_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from site_builder.build import render
from site_builder.build.pipeline import BuildOptions, build

from .conftest import ROOT


def visible_events(page: Page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "li.event", "els => els.filter(e => e.offsetParent !== null).map(e => [e.dataset.topic, e.dataset.people])"
    )


def test_timeline_filters_in_place_by_strand_and_person(browser: Browser, example_dist: Path) -> None:
    page = browser.new_page()
    page.goto((example_dist / "timeline" / "index.html").as_uri())
    everything = visible_events(page)
    assert len(everything) > 10
    assert page.is_visible("#filter-strand") and not page.is_visible(".filter-links")

    page.select_option("#filter-strand", "dismissal")
    shown = visible_events(page)
    assert shown and all(topic == "dismissal" for topic, _ in shown)
    assert len(shown) == sum(1 for topic, _ in everything if topic == "dismissal")
    assert page.text_content(".filter-count") == f"Showing {len(shown)} of {len(everything)} events."

    page.select_option("#filter-person", "alec-baldwin")
    both = visible_events(page)
    assert both and both == [[t, p] for t, p in everything if t == "dismissal" and "alec-baldwin" in p.split()]

    page.select_option("#filter-strand", "")
    page.select_option("#filter-person", "")
    assert visible_events(page) == everything
    page.close()


def test_topic_page_links_to_the_filtered_timeline(browser: Browser, example_dist: Path) -> None:
    page = browser.new_page()
    page.goto((example_dist / "topics" / "charges" / "index.html").as_uri())
    page.click("text=These events in the full timeline")
    # the timeline's script sets the filter from the address once the page has loaded: wait for it, do not race it
    expect(page.locator("#filter-strand")).to_have_value("charges")
    shown = visible_events(page)
    assert shown and {topic for topic, _ in shown} == {"charges"}
    page.close()


def test_timeline_without_javascript_offers_filter_links(browser: Browser, example_dist: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((example_dist / "timeline" / "index.html").as_uri())
    assert not page.is_visible("#filter-strand")
    page.click('.filter-links a[href$="topics/dismissal/index.html#events"]')
    assert page.url.endswith("topics/dismissal/index.html#events")
    topics = {t for t, _ in visible_events(page)}
    assert topics == {"dismissal"}
    context.close()


def test_timeline_filters_by_strand_when_too_many_people_to_list(browser: Browser, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Past FILTER_PEOPLE people with events the person filter is left out (a big case's list weighed
    ~750 KB on every timeline page); the strand filter works on alone, a ?person= address is ignored."""
    monkeypatch.setattr(render, "FILTER_PEOPLE", 3)
    build(BuildOptions(ROOT / "content", tmp_path / "dist"))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((tmp_path / "dist" / "timeline" / "index.html").as_uri() + "?person=alec-baldwin")
    everything = visible_events(page)
    assert page.query_selector("#filter-person") is None and len(everything) > 10
    page.select_option("#filter-strand", "dismissal")
    shown = visible_events(page)
    assert shown and all(topic == "dismissal" for topic, _ in shown)
    assert page.text_content(".filter-count") == f"Showing {len(shown)} of {len(everything)} events."
    assert errors == []
    page.close()
