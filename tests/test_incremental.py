"""Parsing only the items an edit touched (content/incremental.py) must give what parsing the whole file gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from site_builder.build.pipeline import Session, load_valid
from site_builder.content.incremental import reparse
from site_builder.content.yamlload import YamlError, load_yaml
from site_builder.errors import ContentErrors

from .conftest import ROOT, SITES, edit_line

ENTRY_FILES = sorted((ROOT / "content" / "entries").glob("*.yaml")) + sorted(SITES.glob("*/content/entries/*.yaml"))
MINIMAL_CHARGES = SITES / "minimal" / "content" / "entries" / "charges.yaml"
ROUNDS = 400
PIECES = ["x", " ", "\n", ":", ": ", "- ", "  - ", "    ", "'", '"', "#", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "|",
          ">", "\t", "id: dup", "\n  - id: new-item\n    date: 2024-01-01\n    title: New\n", "\nevents:\n", "\n---\n", "é", "\r"]


def whole(text: str) -> object:
    """What parsing the whole text gives: its data, or the marker of a failed parse."""
    try:
        return load_yaml(text.encode("utf-8"), "f.yaml").data
    except YamlError:
        return YamlError


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: f"{p.parent.parent.parent.name}/{p.name}")
def test_random_edits_give_the_whole_parse_or_none(path: Path) -> None:
    """Random insertions, deletions and replacements (YAML syntax, anchors, tags, new items, document
    markers, stray keys): either None (parse it whole) or exactly the whole parse's data — never data for a
    text the whole parse rejects."""
    text = path.read_text("utf-8")
    data = load_yaml(text.encode("utf-8"), "f.yaml").data
    rng = random.Random(path.name)
    used = 0
    for _ in range(ROUNDS):
        at = rng.randrange(len(text))
        cut = rng.choice([0, 0, 1, 3, 20, 200])
        new = text[:at] + "".join(rng.choice(PIECES) for _ in range(rng.choice([0, 1, 1, 2, 3]))) + text[at + cut:]
        got = reparse(text, data, new, "f.yaml")
        if got is not None:
            used += 1
            assert got == whole(new), (at, cut, new[max(0, at - 80):at + 80])
    assert used > 0  # the incremental path was taken at all


def test_an_edit_within_one_item_is_parsed_alone() -> None:
    text = MINIMAL_CHARGES.read_text("utf-8")
    data = load_yaml(text.encode("utf-8"), "f.yaml").data
    new = text.replace("Sam Ortiz is charged with bribery", "Sam Ortiz is charged", 1)
    got = reparse(text, data, new, "f.yaml")
    assert got is not None and got == whole(new)
    assert got["events"][0]["title"] == "Sam Ortiz is charged"
    assert got["events"][1] is data["events"][1]  # the other items are the very same data, not parsed again


def test_edits_outside_the_items_are_parsed_whole() -> None:
    text = MINIMAL_CHARGES.read_text("utf-8")
    data = load_yaml(text.encode("utf-8"), "f.yaml").data
    assert reparse(text, data, text.replace("title: The charges", "title: The criminal charges", 1), "f.yaml") is None
    assert reparse(text, data, text.replace("review: reviewed", "review: reviewed\n    note: &x 1", 1), "f.yaml") is None  # an anchor
    assert reparse(text, data, text, "f.yaml") is None


def report(content: Path, session: Session | None) -> str:
    with pytest.raises(ContentErrors) as caught:
        load_valid(content, session)
    return caught.value.report()


def test_an_edit_that_breaks_an_item_is_reported_as_a_whole_parse_reports_it(project: Path) -> None:
    """A broken edit's error, through a session that parsed the file before, is the fresh build's: the line is
    the whole file's."""
    content = project / "content"
    charges = content / "entries" / "charges.yaml"
    session = Session()
    load_valid(content, session)
    edit_line(charges, 8, "people: [sam-ortiz]", "people: [sam-ortiz")  # invalid YAML inside the first event
    assert report(content, session) == report(content, None)
    assert f"{charges}:9: invalid YAML" in report(content, session)
    edit_line(charges, 8, "people: [sam-ortiz", "people: [sam-ortiz]")
    load_valid(content, session)
    edit_line(charges, 7, "title: Sam Ortiz", "titel: Sam Ortiz")  # valid YAML, a schema error: parsed alone
    assert report(content, session) == report(content, None)
    assert f"{charges}:7: events[0].titel: unknown key" in report(content, session)


def test_items_an_edit_did_not_touch_stay_the_same_objects_and_the_entry_equals_a_fresh_load(project: Path) -> None:
    content = project / "content"
    session = Session()
    first = load_valid(content, session).entries["charges"].model
    edit_line(content / "entries" / "charges.yaml", 7, "Sam Ortiz is charged with bribery", "Sam Ortiz is charged")
    second = load_valid(content, session).entries["charges"].model
    assert second == load_valid(content).entries["charges"].model  # what a build without a session loads
    assert second.events[0].title == "Sam Ortiz is charged" and second.events[0] is not first.events[0]
    assert all(a is b for a, b in zip(second.events[1:], first.events[1:])) and len(second.events) == len(first.events)
    assert all(a is b for a, b in zip(second.claims, first.claims)) and all(a is b for a, b in zip(second.quotes, first.quotes))
