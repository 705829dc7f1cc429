"""The review page in a real browser (Playwright + Debian's chromium): every action, by keyboard or button,
and the exact YAML each one leaves; a refused edit; a conflict with an editor's save; axe; a laptop screen.

Each test serves a fresh copy of tests/sites/review. After an action the page reloads itself; the tests
wait for that reload and for the status line, then read the files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from site_builder.serve import PreviewServer, ServeOptions

from .checkers import node_file

SITE = Path(__file__).resolve().parent / "sites" / "review"
CHARGES = "entries/charges.yaml"
pytestmark = pytest.mark.site("review")  # the `project` fixture (conftest.py) copies tests/sites/review
AXE_ALL = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"




@pytest.fixture
def server(project: Path) -> Iterator[PreviewServer]:
    served = PreviewServer(ServeOptions(project / "content", port=0))
    served.start()
    yield served
    served.stop()


@pytest.fixture
def page(browser: Browser, server: PreviewServer) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.goto(server.url + "_review/")
    yield opened
    context.close()
    assert errors == []


def lines(project: Path, rel: str) -> list[str]:
    return (project / "content" / rel).read_text("utf-8").split("\n")


def original(rel: str) -> list[str]:
    return (SITE / "content" / rel).read_text("utf-8").split("\n")


def card(page: Page, key: str):  # type: ignore[no-untyped-def]
    return page.locator(f"article#{key}")


def after_reload(page: Page, do, status: str) -> None:  # type: ignore[no-untyped-def]
    """Run ``do`` (which makes the page write and reload), then wait for the reloaded page's status line."""
    with page.expect_navigation():
        do()
    expect(page.locator("#status")).to_have_text(status)


def test_the_page_shows_each_draft_beside_its_paragraph(page: Page) -> None:
    audit = card(page, "event-audit-report")
    expect(audit.locator(".passage p")).to_have_text(
        "The city's auditor, Dana Ruiz, filed a report on April 30, 2024. It found irregular payments.")
    expect(audit.locator(".passage mark")).to_have_text("The city's auditor, Dana Ruiz, filed a report on April 30, 2024.")
    expect(audit.locator(".as-on-site .meta")).to_have_text("30 April 2024 · The charges")
    expect(audit.locator(".as-on-site h3")).to_have_text("The city auditor files a report")
    expect(card(page, "claim-ortiz-denies").locator(".as-on-site .meta")).to_have_text("Statement · Sam Ortiz")
    expect(page.locator("#progress")).to_have_text("5 of 12 items reviewed · 7 drafts left")
    expect(page.locator("#keys")).to_contain_text("j/k next/previous · a accept · r reject · e edit")
    # grouped by source article: the Herald's items under the Herald
    expect(page.locator("section.group h2")).to_have_text([
        "Example Wire, 2 May 2024: “Council member charged over contract”",
        "The Example Herald, 3 May 2024: “Ortiz denies bribery charge”",
    ])
    page.get_by_role("link", name="strand").click()
    expect(page.locator("section.group h2")).to_have_text(["The charges", "The trial", "People and organisations", "Sources"])


def test_accept_by_keyboard(page: Page, project: Path) -> None:
    expect(card(page, "event-ortiz-charged")).to_be_focused()  # the first draft
    page.keyboard.press("j")
    expect(card(page, "event-audit-report")).to_be_focused()
    after_reload(page, lambda: page.keyboard.press("a"), "audit-report: reviewed")
    expected = original(CHARGES)
    expected[22] = "    review: reviewed"
    assert lines(project, CHARGES) == expected
    expect(page.locator("#progress")).to_have_text("6 of 12 items reviewed · 6 drafts left")
    expect(card(page, "event-audit-report").locator(".badge")).to_have_text("reviewed")
    expect(card(page, "claim-ortiz-denies")).to_be_focused()  # the next draft in page order


def test_reject_by_button(page: Page, project: Path) -> None:
    after_reload(page, lambda: card(page, "person-mae-lin").get_by_role("button", name="Reject").click(), "mae-lin: rejected")
    expected = original("people.yaml")
    expected[-2] = "    review: rejected"
    assert lines(project, "people.yaml") == expected


def test_edit_title_and_date(page: Page, project: Path) -> None:
    page.keyboard.press("j")
    page.keyboard.press("e")
    title = page.get_by_label("title", exact=True).and_(page.locator("#event-audit-report-f-title"))
    expect(title).to_be_focused()
    title.fill("The city auditor reports irregular payments")
    page.locator("#event-audit-report-f-date").fill("2024-04")
    after_reload(page, lambda: title.press("Enter"), "audit-report: edited title, date")
    got = lines(project, CHARGES)
    # the value now runs past the comment's column (44): ruamel keeps the comment, one space after it
    assert got[16:18] == ["    date: 2024-04", "    title: The city auditor reports irregular payments # checked against the wire copy"]
    assert got[:16] + got[18:] == original(CHARGES)[:16] + original(CHARGES)[18:]
    expect(card(page, "event-audit-report").locator(".as-on-site .meta")).to_have_text("April 2024 · The charges")


def test_edit_claim_kind_from_its_list(page: Page, project: Path) -> None:
    claim = card(page, "claim-ortiz-denies")
    claim.get_by_role("button", name="Edit").click()
    claim.get_by_label("kind").select_option("denial")
    after_reload(page, lambda: claim.get_by_role("button", name="Save").click(), "ortiz-denies: edited kind")
    expected = original(CHARGES)
    expected[42] = "    kind: denial"
    assert lines(project, CHARGES) == expected


def test_move_to_another_strand(page: Page, project: Path) -> None:
    judge = card(page, "event-judge-assigned")
    judge.get_by_role("button", name="Edit").click()
    judge.get_by_label("strand").select_option("trial")
    after_reload(page, lambda: judge.get_by_role("button", name="Save").click(), "judge-assigned: moved to entries/trial.yaml")
    assert lines(project, CHARGES) == original(CHARGES)[:31] + original(CHARGES)[39:]
    assert lines(project, "entries/trial.yaml") == original("entries/trial.yaml")[:-1] + [
        "  - id: judge-assigned",
        "    not_after: 2024-05-03",
        "    title: Judge Mae Lin is assigned the case",
        "    people: [mae-lin]",
        "    citations:",
        "      - source: herald-2024-05-03",
        "        quote: Judge Mae Lin will hear the case.",
        "    review: draft",
        "",
    ]
    expect(card(page, "event-judge-assigned").locator(".as-on-site .meta")).to_have_text("by 3 May 2024 · The trial")


def test_merge_two_drafts(page: Page, project: Path) -> None:
    first = card(page, "event-ortiz-charged")
    page.keyboard.press("m")
    first.get_by_label("Merge another event into this one").select_option(label="Sam Ortiz is charged (ortiz-charged-again)")
    after_reload(page, lambda: first.get_by_role("button", name="Merge", exact=True).click(),
                 "ortiz-charged-again merged into ortiz-charged")
    assert lines(project, CHARGES) == original(CHARGES)[:14] + [
        "      - source: herald-2024-05-03",
        "        quote: Sam Ortiz was charged with bribery, prosecutors announced in March.",
    ] + original(CHARGES)[14:23] + original(CHARGES)[31:]
    expect(page.locator("#event-ortiz-charged-again")).to_have_count(0)
    expect(first.locator(".passage mark")).to_have_text([
        "Council member Sam Ortiz was charged with bribery in March 2024, prosecutors said.",
        "Sam Ortiz was charged with bribery, prosecutors announced in March.",
    ])


def test_undo_puts_the_bytes_back(page: Page, project: Path) -> None:
    after_reload(page, lambda: page.keyboard.press("a"), "ortiz-charged: reviewed")
    assert lines(project, CHARGES)[14] == "    review: reviewed"
    after_reload(page, lambda: page.keyboard.press("u"), "undone: ortiz-charged: reviewed")
    assert (project / "content" / CHARGES).read_bytes() == (SITE / "content" / CHARGES).read_bytes()


def test_a_refused_edit_shows_the_builds_message(page: Page, project: Path) -> None:
    claim = card(page, "claim-ortiz-denies")
    claim.get_by_role("button", name="Edit").click()
    claim.get_by_label("kind").select_option("anonymous")
    claim.get_by_role("button", name="Save").click()
    problems = page.get_by_role("alert")
    expect(problems.locator(".problems-title")).to_have_text("Refused: this change would break the build")
    expect(problems.locator("pre")).to_have_text(
        f"{project / 'content' / CHARGES}:42: claims[0]: a claim is of kind 'anonymous' exactly when attributed_to is 'anonymous'")
    assert lines(project, CHARGES) == original(CHARGES)


def test_a_conflict_with_an_editors_save(page: Page, project: Path) -> None:
    path = project / "content" / CHARGES
    saved = path.read_text("utf-8").replace("status: ongoing", "status: awaiting trial")
    path.write_text(saved, "utf-8")  # the editor saves after the page was loaded
    page.keyboard.press("a")
    expect(page.get_by_role("alert").locator(".problems-title")).to_have_text(
        "entries/charges.yaml changed on disk since this page was loaded (saved in an editor?); "
        "reload the page to see the change, then try again")
    assert path.read_text("utf-8") == saved
    after_reload(page, lambda: page.reload(), "")  # a reload picks up the save, and the action then works
    after_reload(page, lambda: page.keyboard.press("a"), "ortiz-charged: reviewed")
    assert lines(project, CHARGES)[2] == "status: awaiting trial"
    assert lines(project, CHARGES)[14] == "    review: reviewed"


def test_axe_finds_nothing_and_it_fits_a_laptop_screen(page: Page) -> None:
    page.evaluate(node_file("axe-core/axe.min.js").read_text("utf-8"))  # evaluate: the page's CSP allows no inline script
    assert page.evaluate(AXE_ALL) == []
    page.keyboard.press("e")  # with a form open too
    assert page.evaluate(AXE_ALL) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    box = card(page, "event-ortiz-charged").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800  # the first card, form open, is whole on screen
