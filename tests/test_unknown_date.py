"""A source whose publication date is unknown (`published: unknown`): it validates, bounds no date check, its page
says "date unknown", it is listed after the dated sources, and the exports hold no invented date."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.build.pipeline import BuildOptions, build, load_valid
from site_builder.errors import ContentErrors

MEMO_SOURCE = """  - id: memo
    title: A memo on the contract
    publisher: City Hall Watch
    published: unknown
    file: ../seeds/memo.txt
    kind: other
    reliability: An undated page.
    review: reviewed
"""
# Dated after the other source (2024-05-02): allowed, since the memo's own date is unknown.
MEMO_EVENT = """  - id: contract-signed
    date: 2024-06-03
    title: The contract is signed
    citations:
      - source: memo
        quote: The contract was signed on June 3, 2024.
    review: reviewed
"""


def _with_memo(project: Path) -> Path:
    """The copy of tests/sites/minimal at ``project`` with the undated memo and an event citing it; its content/."""
    content = project / "content"
    (project / "seeds" / "memo.txt").write_text("A memo on the contract\nThe contract was signed on June 3, 2024.\n", encoding="utf-8")
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + MEMO_SOURCE, encoding="utf-8")
    entry = content / "entries" / "charges.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("events:\n", "events:\n" + MEMO_EVENT, 1), encoding="utf-8")
    return content


def test_a_source_of_unknown_date_builds_and_says_so(project: Path) -> None:
    content = _with_memo(project)
    out = project / "dist"
    result = build(BuildOptions(content=content, out=out))
    assert result.warnings == ()
    page = BeautifulSoup((out / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    metas = [p.get_text(" ", strip=True) for p in page.select("p.meta")]
    assert metas[-1] == "City Hall Watch · date unknown · other"  # listed last, no <time> with a fake date
    assert metas[0].startswith("Example Wire · 2 May 2024")
    data = json.loads((out / "case.json").read_text(encoding="utf-8"))
    assert [(s["id"], s["published"]) for s in data["sources"]] == [("wire-2024-05-02", "2024-05-02"), ("memo", None)]
    feed = xml.dom.minidom.parse(str(out / "feed.xml"))
    entry = next(e for e in feed.getElementsByTagName("entry") if "contract-signed" in e.getElementsByTagName("id")[0].firstChild.data)
    assert entry.getElementsByTagName("updated")[0].firstChild.data == "2024-05-02T00:00:00Z"  # the case's own date
    assert "(Sources: City Hall Watch, date unknown)" in entry.getElementsByTagName("summary")[0].firstChild.data


def test_a_published_value_that_is_neither_a_date_nor_unknown_is_an_addressed_error(project: Path) -> None:
    content = _with_memo(project)
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("published: unknown", "published: someday"), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_valid(content)
    got = [str(p).replace(str(content), "content") for p in caught.value.problems]
    assert got == ["content/sources.yaml:13: sources[1].published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, "
                   "found 'someday'; or 'unknown' when the source gives no date"]
