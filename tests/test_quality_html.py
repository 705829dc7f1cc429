"""HTML validity gate: the Nu Html Checker (vnu-jar, run with Java) on every page.

One JVM checks every page (and the stylesheet) of the example site, the
minimal fixture built with drafts, the hostile markup site and the invented
second case (tests/convert/cases/harborview, converted and built with
drafts), so the gate costs a few seconds. Needs `java` and `npm ci` (make test does both).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .checkers import run_vnu

# vnu's own CSP checker misreads two things in the policy, both verified in
# Chromium instead (tests/test_quality_browser.py reports every real CSP
# violation): it does not match 'self' against file: URLs, and it treats the
# JSON-LD data block as inline script, which browsers never execute.
SITES = ["example", "minimal", "markup", "harborview"]
VNU_CSP_NOTES = (
    "Resource violates Content Security Policy (meta tag): external stylesheet",
    "Resource violates Content Security Policy (meta tag): external script",
    "Inline script violates Content Security Policy (meta tag): blocked by “script-src” directive",
)


@pytest.fixture(scope="module")
def vnu(example_dist: Path, minimal_dist: Path, markup_dist: Path, harborview_dist: Path,
        tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """vnu's messages per site (see SITES, and a canary), each message's url made relative to its site."""
    # The canary guards against a silent gate: vnu must really read the files, so a broken copy must fail.
    canary = tmp_path_factory.mktemp("canary")
    (canary / "broken.html").write_text((example_dist / "index.html").read_text("utf-8").replace("</main>", "</div></main>"), "utf-8")
    (canary / "site.css").write_text("body { colour: red; }", "utf-8")
    sites = {"example": example_dist, "minimal": minimal_dist, "markup": markup_dist, "harborview": harborview_dist, "canary": canary}
    messages = run_vnu(list(sites.values()))
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in sites}
    for message in messages:
        path = Path("/" + message.get("url", "").removeprefix("file:").lstrip("/"))  # vnu writes file:/tmp/...
        name = next((n for n, d in sites.items() if path.is_relative_to(d)), None)
        assert name is not None, f"vnu message outside the checked folders: {message}"
        message["page"] = path.relative_to(sites[name]).as_posix()
        found[name].append(message)
    return found


def describe(message: dict[str, Any]) -> str:
    return f"{message['page']}:{message.get('lastLine', '?')}: {message['type']}: {message['message']} [{message.get('extract', '').strip()}]"


@pytest.mark.parametrize("site", SITES)
def test_every_page_is_valid_html(vnu: dict[str, list[dict[str, Any]]], site: str) -> None:
    errors = [describe(m) for m in vnu[site] if m["type"] != "info"]
    assert errors == []


@pytest.mark.parametrize("site", SITES)
def test_no_warnings_but_known_csp_checker_notes(vnu: dict[str, list[dict[str, Any]]], site: str) -> None:
    warnings = [describe(m) for m in vnu[site] if m["type"] == "info" and not m["message"].startswith(VNU_CSP_NOTES)]
    assert warnings == []


def test_the_checker_reads_the_files(vnu: dict[str, list[dict[str, Any]]]) -> None:
    assert sorted({m["page"] for m in vnu["canary"] if m["type"] == "error"}) == ["broken.html", "site.css"]


def test_site_builder_check_passes_on_the_example(run, example_dist: Path) -> None:  # type: ignore[no-untyped-def]
    """Our own checker (links, anchors, ids, alt text, citations, voice, unreferenced people) agrees, rendered or built."""
    content = Path(__file__).resolve().parent.parent / "content"
    assert run("check", "--content", content).out == "no problems found\n"
    assert run("check", "--content", content, "--out", example_dist).out == "no problems found\n"
