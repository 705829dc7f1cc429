"""Invalid content: each case edits the minimal fixture and expects exact error lines.

The expected lines were written from the fixture's line numbers (see
tests/sites/minimal/content), not copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Result, edit_line

CHARGES = "entries/charges.yaml"
ANON_RULE = "a claim is of kind 'anonymous' exactly when attributed_to is 'anonymous'"
KINDS = "'fact', 'ruling', 'allegation', 'denial', 'statement', 'opinion' or 'anonymous'"
DRAFT_SOURCE = "cites source 'wire-2024-05-02', which is still a draft; review the source in sources.yaml or set this item back to draft"
REJECTED_SOURCE = "cites source 'wire-2024-05-02', which is rejected; reject this item too or cite another source"

# (name, file, line, old, new, expected error lines)
CASES = [
    ("unknown key suggests the closest", CHARGES, 7, "title:", "titel:", [
        "entries/charges.yaml:5: events[0].title: required field is missing",
        "entries/charges.yaml:7: events[0].titel: unknown key 'titel' (did you mean 'title'?)",
    ]),
    ("impossible date", CHARGES, 14, "2024-04-30", "2024-02-30", [
        "entries/charges.yaml:14: events[1].date: impossible date '2024-02-30': February 2024 has 29 days",
    ]),
    ("date and bound together", CHARGES, 14, "date: 2024-04-30", "date: 2024-04-30\n    not_after: 2024-05-02", [
        "entries/charges.yaml:13: events[1]: give exactly one of 'date' or 'not_after'",
    ]),
    ("partial updated date", "case.yaml", 4, "2024-05-02", "2024-05", [
        "case.yaml:4: updated: expected a full date YYYY-MM-DD, found '2024-05'",
    ]),
    ("unknown person", CHARGES, 16, "dana-ruiz", "dana-ruis", [
        "entries/charges.yaml:16: events[1].people[0]: unknown person id 'dana-ruis'",
    ]),
    ("unknown source", CHARGES, 10, "wire-2024-05-02", "wire-2024-05-03", [
        "entries/charges.yaml:10: events[0].citations[0].source: unknown source id 'wire-2024-05-03'",
    ]),
    ("citation not in the source", CHARGES, 19, "filed a report", "filed two reports", [
        "entries/charges.yaml:19: events[1].citations[0].quote: sentence not found in source 'wire-2024-05-02': "
        "\"The city's auditor, Dana Ruiz, filed two reports on April 30, 2024.\"",
    ]),
    ("quote words not in the source", CHARGES, 41, "I did nothing wrong", "I did nothing at all", [
        "entries/charges.yaml:41: quotes[0].text: quoted words not found in the cited source: \"I did nothing at all\"",
    ]),
    ("duplicate item id", CHARGES, 13, "audit-report", "ortiz-charged", [
        "entries/charges.yaml:13: events[1].id: duplicate id 'ortiz-charged' (first defined at entries/charges.yaml:5)",
    ]),
    ("path-like id", CHARGES, 13, "audit-report", "../x", [
        "entries/charges.yaml:13: events[1].id: ids may use only a-z, 0-9 and single hyphens, found '../x'",
    ]),
    ("wrong type", CHARGES, 8, "[sam-ortiz]", "sam-ortiz", [
        "entries/charges.yaml:8: events[0].people: expected a list, found text",
    ]),
    ("loaded word in the site's own voice", CHARGES, 7, "is charged with", "is slammed over", [
        "entries/charges.yaml:7: events[0].title: loaded language 'slammed' in the site's own voice; quote and attribute it, or reword",
    ]),
    ("anonymous kind needs anonymous attribution", CHARGES, 32, "attributed_to: anonymous", "attributed_to: sam-ortiz", [
        f"entries/charges.yaml:30: claims[1]: {ANON_RULE}",
    ]),
    ("unknown claim kind", CHARGES, 23, "denial", "denail", [
        f"entries/charges.yaml:23: claims[0].kind: expected {KINDS}, found 'denail'",
    ]),
    ("YAML true where a kind belongs", CHARGES, 23, "denial", "true", [
        f"entries/charges.yaml:23: claims[0].kind: expected {KINDS}, found true",
    ]),
    ("a reviewed quote whose speaker is not yet identified", CHARGES, 40, "sam-ortiz", "unknown", [
        "entries/charges.yaml:39: quotes[0]: a quote whose speaker is 'unknown' must stay a draft: "
        "identify the speaker (a person or organisation id, or 'anonymous') before marking it reviewed",
    ]),
    ("a named speaker is not described as an unnamed one", CHARGES, 40, "speaker: sam-ortiz",
     "speaker: sam-ortiz\n    described_as: a person close to the mayor", [
        "entries/charges.yaml:41: quotes[0].described_as: only an unnamed speaker is described here: set speaker to "
        "'anonymous', or remove described_as ('sam-ortiz' is described in people.yaml)",
    ]),
    ("a named claimant is not described as an unnamed one", CHARGES, 24, "attributed_to: sam-ortiz",
     "attributed_to: sam-ortiz\n    described_as: the council member's lawyers", [
        "entries/charges.yaml:25: claims[0].described_as: only an unnamed speaker is described here: set attributed_to to "
        "'anonymous', or remove described_as ('sam-ortiz' is described in people.yaml)",
    ]),
    ("loaded word in an unnamed source's description", CHARGES, 32, "attributed_to: anonymous",
     "attributed_to: anonymous\n    described_as: an insider who slammed the council", [
        "entries/charges.yaml:33: claims[1].described_as: loaded language 'slammed' in the site's own voice; quote and attribute it, or reword",
    ]),
    ("unknown speaker", CHARGES, 40, "sam-ortiz", "sam-ortez", [
        "entries/charges.yaml:40: quotes[0].speaker: unknown person or organisation id 'sam-ortez'",
    ]),
    ("no citations", CHARGES, 17, "citations:", "citations: []\n    old_citations:", [
        "entries/charges.yaml:17: events[1].citations: needs at least one citation",
        "entries/charges.yaml:18: events[1].old_citations: unknown key 'old_citations' (did you mean 'citations'?)",
    ]),
    ("missing source file", "sources.yaml", 6, "wire.txt", "nope.txt", [
        "sources.yaml:6: sources[0].file: file 'nope.txt' not found",
    ]),
    ("source file outside the project", "sources.yaml", 6, "../seeds/wire.txt", "../../../../etc/passwd", [
        "sources.yaml:6: sources[0].file: '../../../../etc/passwd' points outside the project folder",
    ]),
    ("javascript URL", "sources.yaml", 6, "file: ../seeds/wire.txt", "file: ../seeds/wire.txt\n    url: javascript:alert(1)", [
        "sources.yaml:7: sources[0].url: expected an http(s) URL, found 'javascript:alert(1)'",
    ]),
    ("unknown case key", "case.yaml", 5, "site:", "sit:", [
        "case.yaml:1: site: required field is missing",
        "case.yaml:5: sit: unknown key 'sit' (did you mean 'site'?)",
    ]),
    ("malformed YAML", CHARGES, 7, "title: Sam Ortiz is charged with bribery", "title: [Sam Ortiz", [
        "entries/charges.yaml:8: invalid YAML: did not find expected ',' or ']'; "
        "a list in [ ] is missing its closing ']', or a value starting with '[' needs quotes",
    ]),
    ("event dated after its only source", CHARGES, 14, "2024-04-30", "2024-05-09", [
        "entries/charges.yaml:14: events[1].date: 2024-05-09 is after its only source was published (2024-05-02); "
        "mark it planned or fix the date",
    ]),
    ("a month is after a source only if it starts after it", CHARGES, 6, "2024-03", "2024-06", [
        "entries/charges.yaml:6: events[0].date: 2024-06 is after its only source was published (2024-05-02); "
        "mark it planned or fix the date",
    ]),
    ("bound after its only source", CHARGES, 14, "date: 2024-04-30", "not_after: 2024-05-03", [
        "entries/charges.yaml:14: events[1].not_after: 2024-05-03 is after its only source was published (2024-05-02); "
        "a source can only tell that the event had happened by the day it appeared",
    ]),
    ("a planned event needs a date", CHARGES, 14, "date: 2024-04-30", "not_after: 2024-05-01\n    planned: true", [
        "entries/charges.yaml:13: events[1]: a planned event needs the 'date' it is scheduled for, not 'not_after'",
    ]),
    ("claim dated after its source", CHARGES, 24, "attributed_to: sam-ortiz", "attributed_to: sam-ortiz\n    date: 2024-06-01", [
        "entries/charges.yaml:25: claims[0].date: 2024-06-01 is after its only source was published (2024-05-02); fix the date",
    ]),
    ("reviewed items citing a draft source", "sources.yaml", 9, "review: reviewed", "review: draft", [
        f"entries/charges.yaml:10: events[0].citations[0].source: reviewed item 'ortiz-charged' {DRAFT_SOURCE}",
        f"entries/charges.yaml:27: claims[0].citations[0].source: reviewed item 'ortiz-denies' {DRAFT_SOURCE}",
        f"entries/charges.yaml:35: claims[1].citations[0].source: reviewed item 'insider-disgrace' {DRAFT_SOURCE}",
        f"entries/charges.yaml:43: quotes[0].citations[0].source: reviewed item 'ortiz-nothing-wrong' {DRAFT_SOURCE}",
        f"people.yaml:7: people[0].citations[0].source: reviewed item 'sam-ortiz' {DRAFT_SOURCE}",
    ]),
    ("anything shown citing a rejected source", "sources.yaml", 9, "review: reviewed", "review: rejected", [
        f"entries/charges.yaml:10: events[0].citations[0].source: reviewed item 'ortiz-charged' {REJECTED_SOURCE}",
        f"entries/charges.yaml:18: events[1].citations[0].source: draft item 'audit-report' {REJECTED_SOURCE}",
        f"entries/charges.yaml:27: claims[0].citations[0].source: reviewed item 'ortiz-denies' {REJECTED_SOURCE}",
        f"entries/charges.yaml:35: claims[1].citations[0].source: reviewed item 'insider-disgrace' {REJECTED_SOURCE}",
        f"entries/charges.yaml:43: quotes[0].citations[0].source: reviewed item 'ortiz-nothing-wrong' {REJECTED_SOURCE}",
        f"people.yaml:7: people[0].citations[0].source: reviewed item 'sam-ortiz' {REJECTED_SOURCE}",
        f"people.yaml:15: people[1].citations[0].source: draft item 'dana-ruiz' {REJECTED_SOURCE}",
    ]),
    ("unknown source review state", "sources.yaml", 9, "review: reviewed", "review: approved", [
        "sources.yaml:9: sources[0].review: expected 'draft', 'reviewed' or 'rejected', found 'approved'",
    ]),
    ("reserved person id", "people.yaml", 10, "dana-ruiz", "anonymous", [
        "entries/charges.yaml:16: events[1].people[0]: unknown person id 'dana-ruiz'",
        "people.yaml:10: people[1].id: 'anonymous' is reserved for unnamed sources",
    ]),
]


def errors(result: Result, content: Path) -> list[str]:
    lines = result.err.replace(f"{content}/", "").strip().split("\n")
    assert lines[-1].endswith("in content"), result.err
    return lines[:-1]


@pytest.mark.parametrize(("name", "file", "line", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_invalid_content_reports_every_problem_with_its_address(
    project: Path, run, name: str, file: str, line: int, old: str, new: str, expected: list[str]  # type: ignore[no-untyped-def]
) -> None:
    content = project / "content"
    edit_line(content / file, line, old, new)
    result = run("build", "--content", content, "--out", project / "dist")
    assert result.code == 1
    assert errors(result, content) == expected
    assert "Traceback" not in result.err
    assert not (project / "dist").exists()


def test_all_problems_are_reported_at_once_with_a_count(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / CHARGES, 14, "2024-04-30", "2024-02-30")
    edit_line(content / "people.yaml", 5, "central", "centre")
    result = run("build", "--content", content, "--out", project / "dist")
    assert result.code == 1
    lines = errors(result, content)
    assert lines == [
        "entries/charges.yaml:14: events[1].date: impossible date '2024-02-30': February 2024 has 29 days",
        "people.yaml:5: people[0].group: expected 'central', 'family', 'legal', 'officials', 'media' or 'other', found 'centre'",
    ]
    assert result.err.strip().endswith("2 problems in content")


def test_quoted_loaded_words_are_allowed(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    edit_line(content / CHARGES, 7, "Sam Ortiz is charged with bribery", "Critics call the charge 'a disgrace'")
    assert run("build", "--content", content, "--out", project / "dist").code == 0


@pytest.mark.parametrize(
    ("file", "data", "expected"),
    [
        ("people.yaml", b"", "people.yaml:1: file is empty"),
        ("people.yaml", b"people:\n  - id: \xff\n", "people.yaml:2: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
        ("people.yaml", b"- a\n- b\n", "people.yaml:1: expected a mapping of keys at the top level, found a list"),
    ],
)
def test_unreadable_files(project: Path, run, file: str, data: bytes, expected: str) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    (content / file).write_bytes(data)
    result = run("build", "--content", content, "--out", project / "dist")
    assert result.code == 1
    assert errors(result, content) == [expected]


def test_missing_files_and_entry_topic_mismatch(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = project / "content"
    (content / "entries" / "charges.yaml").rename(content / "entries" / "appeal.yaml")
    result = run("build", "--content", content, "--out", project / "dist")
    assert errors(result, content) == [
        "case.yaml:8: topics[0]: topic 'charges' has no file entries/charges.yaml",
        "entries/appeal.yaml:1: 'appeal' is not a topic in case.yaml (topics: charges)",
    ]
    (content / "case.yaml").unlink()
    assert errors(run("build", "--content", content, "--out", project / "dist"), content) == ["case.yaml: file not found"]


def test_a_bom_is_fine(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    people = project / "content" / "people.yaml"
    people.write_bytes(b"\xef\xbb\xbf" + people.read_bytes())
    assert run("build", "--content", project / "content", "--out", project / "dist").code == 0
