"""The shipped example (content/ + seeds/ at the repository root) converts cleanly.

Converting the example's own articles proposes nothing: its reviewed items are found again by the sentences
they cite, and the drafts its editor declined are in its ledger. Adding one article proposes that article's
drafts and nothing else. The added article (``added/pinon-valley-courier-2025-03-20.txt``) is invented for this
test: its outlet, the lawyer Renata Quintana and the hearing it reports do not exist.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from site_builder.convert import convert
from site_builder.convert.merge import SECTIONS

from .conftest import HERE, ROOT, items, load, problems

ADDED = HERE / "added" / "pinon-valley-courier-2025-03-20.txt"
LEDGER = "convert-ledger.txt"


def _example(tmp: Path) -> Path:
    """A copy of the example project (content/ and seeds/); returns its folder."""
    shutil.copytree(ROOT / "content", tmp / "content")
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    return tmp


def _files(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def test_the_example_ships_its_ledger() -> None:
    assert (ROOT / "content" / LEDGER).is_file()


def test_converting_the_examples_own_articles_proposes_nothing(tmp_path: Path) -> None:
    project = _example(tmp_path)
    before = _files(project / "content")
    report = convert([project / "seeds"], project / "content")
    assert report.errors == []
    assert report.added == {} and report.new_people == [] and report.citations_added == 0
    assert all(ids == [] for s in report.sources for ids in s.new.values())
    assert report.files == []
    assert _files(project / "content") == before  # byte for byte, the ledger included
    text = report.to_text()
    assert "new items per topic:\n  (none)\n" in text
    assert "new people: 0, new sources: 0" in text
    assert text.endswith("wrote 0 files (no changes)")


def _add_article(project: Path) -> None:
    """Copy the invented article into seeds/ and give it a row in the seeds' index, as a user would."""
    shutil.copy(ADDED, project / "seeds" / ADDED.name)
    index = project / "seeds" / "README.md"
    text = index.read_text(encoding="utf-8")
    last = re.findall(r"(?m)^\| 17_.*\n", text)[0]
    index.write_text(text.replace(last, last + f"| {ADDED.name} | Pinon Valley Courier | 2025-03-20 | |\n"), encoding="utf-8")


def _by_id(entries: list[dict]) -> dict[str, dict]:
    return {str(e["id"]): e for e in entries}


def test_one_new_article_proposes_only_its_own_drafts(tmp_path: Path) -> None:
    project = _example(tmp_path)
    content = project / "content"
    before = load(content)
    ledger_before = (content / LEDGER).read_text(encoding="utf-8").splitlines()
    _add_article(project)
    report = convert([project / "seeds"], content)
    assert report.errors == []
    after = load(content)

    # one new source, the article's; the others as they were
    assert after["sources"][:-1] == before["sources"]
    source = after["sources"][-1]
    assert (source["file"], source["publisher"], str(source["published"])) == (
        f"../seeds/{ADDED.name}", "Pinon Valley Courier", "2025-03-20")

    # every item there before is unchanged; every new item cites the new article and nothing else
    new_items: dict[str, list[dict]] = {}
    for section in SECTIONS:
        old = _by_id([i for _, i in items(before, section)])
        now = _by_id([i for _, i in items(after, section)])
        assert {k: now[k] for k in old} == old, section
        new_items[section] = [item for k, item in now.items() if k not in old]
        for item in new_items[section]:
            assert {c["source"] for c in item["citations"]} == {source["id"]}, item["id"]
    old_people = _by_id(before["people"])
    people = _by_id(after["people"])
    assert {k: people[k] for k in old_people} == old_people
    new_people = [p for k, p in people.items() if k not in old_people]
    assert all({c["source"] for c in p["citations"]} == {source["id"]} for p in new_people)

    # the article's own material came in: Nikas's quote (a known person) and the county's lawyer (a new one)
    quotes = {q["speaker"]: q["text"] for q in new_items["quotes"]}
    assert quotes["luke-nikas"].startswith("This case is about prosecutors who hid evidence")
    assert [p["name"] for p in new_people] == ["Renata Quintana"]

    # no publisher, of this source or any other, became a person or organisation
    outlets = {"pinon valley courier"} | {part.strip().lower() for s in after["sources"]
                                         for part in re.split(r"[()]|\bciting\b", str(s["publisher"])) if part.strip()}
    for person in after["people"]:
        names = {str(n).lower() for n in [person["name"], *(person.get("aliases") or [])]}
        assert not names & outlets or str(person["id"]) in old_people, person["name"]
        assert person["role"] != "News publisher" or str(person["id"]) in old_people

    assert set(ledger_before) <= set((content / LEDGER).read_text(encoding="utf-8").splitlines())
    assert problems(content) == []
    assert convert([project / "seeds"], content).files == []  # and a second run changes nothing
