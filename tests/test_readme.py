"""The README and docs/ are the manual: their links to sections and files must lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT

MANUALS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_slug_follows_githubs_rule() -> None:
    assert slug("The editor's workflow, start to finish") == "the-editors-workflow-start-to-finish"
    assert slug("Live preview (`site-builder serve`)") == "live-preview-site-builder-serve"


@pytest.mark.parametrize("manual", MANUALS, ids=[m.name for m in MANUALS])
def test_every_link_to_a_section_or_a_file_resolves(manual: Path) -> None:
    text = manual.read_text("utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
    anchors = {slug(h) for h in re.findall(r"^#+ (.+)$", outside_code, flags=re.M)}
    for target in re.findall(r"\]\(([^)\s]+)\)", outside_code):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        if path:
            assert (manual.parent / path).exists(), f"{manual.name}: link to missing {path}"
        elif anchor:
            assert anchor in anchors, f"{manual.name}: link to missing section #{anchor}"
