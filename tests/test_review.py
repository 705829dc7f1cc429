"""The review page's writing side, without a browser: YAML edits, validation, conflicts, undo, the HTTP API.

Fixture: tests/sites/review (two strands, drafts of every kind, hand comments
in entries/charges.yaml). Each test works on a fresh copy. Expected YAML is
written out by hand from the fixture files.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from site_builder.build import BuildOptions, build
from site_builder.serve import PreviewServer, ServeOptions
from site_builder.serve.review.store import Action, Conflict, Refused, ReviewStore, sha256, write_atomic
from site_builder.serve.review.yamledit import ReviewRequestError, Target

SITE = Path(__file__).resolve().parent / "sites" / "review"
CHARGES = "entries/charges.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(SITE, target)
    return target


@pytest.fixture
def store(project: Path) -> ReviewStore:
    return ReviewStore(project / "content")


def lines(project: Path, rel: str) -> list[str]:
    return (project / "content" / rel).read_text("utf-8").split("\n")


def original(rel: str) -> list[str]:
    return (SITE / "content" / rel).read_text("utf-8").split("\n")


def event(item_id: str) -> Target:
    return Target(CHARGES, "events", item_id)


# --- YAML edits: only the lines the change is about ------------------------------------


def test_accept_changes_one_line_and_keeps_comments(project: Path, store: ReviewStore) -> None:
    message = store.apply(Action("review", event("audit-report"), state="reviewed"), store.hashes())
    assert message == "audit-report: reviewed"
    expected = original(CHARGES)
    assert expected[22] == "    review: draft"  # line 23: audit-report's review
    expected[22] = "    review: reviewed"
    assert lines(project, CHARGES) == expected
    assert "  # drafts from convert; a hand note like this one must survive every action" in expected
    assert "    title: The city auditor files a report  # checked against the wire copy" in expected


def test_reject_a_person(project: Path, store: ReviewStore) -> None:
    store.apply(Action("review", Target("people.yaml", "people", "mae-lin"), state="rejected"), store.hashes())
    expected = original("people.yaml")
    assert expected[-2] == "    review: draft"
    expected[-2] = "    review: rejected"
    assert lines(project, "people.yaml") == expected


def test_edit_title_and_date_writes_them_as_typed_by_hand(project: Path, store: ReviewStore) -> None:
    store.apply(Action("edit", event("audit-report"), fields={"title": "The city auditor: a report", "date": "2024-04-29"}),
                store.hashes())
    got = lines(project, CHARGES)
    # ': ' needs quotes; the hand comment stays in its column (44), as ruamel keeps it
    assert got[16:18] == ["    date: 2024-04-29", "    title: 'The city auditor: a report'     # checked against the wire copy"]
    assert got[:16] + got[18:] == original(CHARGES)[:16] + original(CHARGES)[18:]


def test_edit_date_to_an_upper_bound(project: Path, store: ReviewStore) -> None:
    """date removed, not_after added where descriptive fields go: before the citations."""
    store.apply(Action("edit", event("ortiz-charged-again"), fields={"date": "", "not_after": "2024-05-03"}), store.hashes())
    assert lines(project, CHARGES)[23:31] == [
        "  - id: ortiz-charged-again",
        "    title: Sam Ortiz is charged",
        "    people: [sam-ortiz]",
        "    not_after: 2024-05-03",
        "    citations:",
        "      - source: herald-2024-05-03",
        "        quote: Sam Ortiz was charged with bribery, prosecutors announced in March.",
        "    review: draft",
    ]


def test_edit_claim_kind_and_quote_speaker(project: Path, store: ReviewStore) -> None:
    hashes = store.hashes()
    store.apply(Action("edit", Target(CHARGES, "claims", "ortiz-denies"), fields={"kind": "denial"}), hashes)
    store.apply(Action("edit", Target(CHARGES, "quotes", "ortiz-nothing-wrong"), fields={"speaker": "anonymous"}), store.hashes())
    got = lines(project, CHARGES)
    assert got[42] == "    kind: denial"
    assert got[52] == "    speaker: anonymous"


def test_a_refused_edit_gives_the_builds_own_lines_and_writes_nothing(project: Path, store: ReviewStore) -> None:
    before = (project / "content" / CHARGES).read_bytes()
    with pytest.raises(Refused) as caught:
        store.apply(Action("edit", Target(CHARGES, "claims", "ortiz-denies"), fields={"kind": "anonymous"}), store.hashes())
    where = project / "content" / CHARGES
    assert caught.value.lines == [
        f"{where}:42: claims[0]: a claim is of kind 'anonymous' exactly when attributed_to is 'anonymous'",
    ]
    assert where.read_bytes() == before
    assert store.journal == []


def test_a_date_that_does_not_exist_is_refused(project: Path, store: ReviewStore) -> None:
    with pytest.raises(Refused) as caught:
        store.apply(Action("edit", event("audit-report"), fields={"date": "2024-02-30"}), store.hashes())
    assert caught.value.lines == [f"{project / 'content' / CHARGES}:17: events[1].date: impossible date '2024-02-30': February 2024 has 29 days"]


def test_an_unknown_field_is_a_bad_request(store: ReviewStore) -> None:
    with pytest.raises(ReviewRequestError, match=r"^'citations' cannot be edited on events here \(editable: title, date, not_after"):
        store.apply(Action("edit", event("audit-report"), fields={"citations": "x"}), store.hashes())


def test_move_to_another_strand(project: Path, store: ReviewStore) -> None:
    message = store.apply(Action("move", event("judge-assigned"), strand="trial"), store.hashes())
    assert message == "judge-assigned: moved to entries/trial.yaml"
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


def test_merge_combines_citations_into_the_first(project: Path, store: ReviewStore) -> None:
    message = store.apply(Action("merge", event("ortiz-charged"), other=event("ortiz-charged-again")), store.hashes())
    assert message == "ortiz-charged-again merged into ortiz-charged"
    assert lines(project, CHARGES) == original(CHARGES)[:14] + [
        "      - source: herald-2024-05-03",
        "        quote: Sam Ortiz was charged with bribery, prosecutors announced in March.",
    ] + original(CHARGES)[14:23] + original(CHARGES)[31:]


def test_merge_needs_items_of_one_kind(store: ReviewStore) -> None:
    with pytest.raises(ReviewRequestError, match="^only items of the same kind can be merged, not events and claims$"):
        store.apply(Action("merge", event("ortiz-charged"), other=Target(CHARGES, "claims", "ortiz-denies")), store.hashes())


# --- conflicts and undo ----------------------------------------------------------------


def test_a_file_saved_since_the_page_loaded_is_a_conflict(project: Path, store: ReviewStore) -> None:
    seen = store.hashes()
    path = project / "content" / CHARGES
    edited = path.read_text("utf-8").replace("status: ongoing", "status: on trial")
    path.write_text(edited, "utf-8")  # an editor's save
    with pytest.raises(Conflict) as caught:
        store.apply(Action("review", event("audit-report"), state="reviewed"), seen)
    assert str(caught.value) == ("entries/charges.yaml changed on disk since this page was loaded (saved in an editor?); "
                                 "reload the page to see the change, then try again")
    assert path.read_text("utf-8") == edited


def test_undo_restores_the_bytes(project: Path, store: ReviewStore) -> None:
    store.apply(Action("move", event("judge-assigned"), strand="trial"), store.hashes())
    assert store.undo() == "undone: judge-assigned: moved to entries/trial.yaml"
    for rel in (CHARGES, "entries/trial.yaml"):
        assert (project / "content" / rel).read_bytes() == (SITE / "content" / rel).read_bytes()
    with pytest.raises(ReviewRequestError, match="^nothing to undo in this session$"):
        store.undo()


def test_undo_refuses_to_overwrite_a_later_save(project: Path, store: ReviewStore) -> None:
    store.apply(Action("review", event("audit-report"), state="reviewed"), store.hashes())
    path = project / "content" / CHARGES
    path.write_text(path.read_text("utf-8") + "# a note\n", "utf-8")
    with pytest.raises(Conflict, match=r"^entries/charges.yaml changed on disk after 'audit-report: reviewed'; undo would overwrite"):
        store.undo()
    assert path.read_text("utf-8").split("\n")[22] == "    review: reviewed"  # audit-report, accepted
    assert path.read_text("utf-8").endswith("\n# a note\n")


def test_write_atomic_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n")
    path.chmod(0o640)
    write_atomic(path, b"a: 2\n")
    assert path.read_bytes() == b"a: 2\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_only_content_files_can_be_named(store: ReviewStore) -> None:
    with pytest.raises(ReviewRequestError, match=r"^'\.\./seeds/wire.txt' is not a content file of this case$"):
        store.apply(Action("review", Target("../seeds/wire.txt", "events", "x"), state="reviewed"), {})


def test_build_output_has_no_review_page(project: Path) -> None:
    out = project / "dist"
    build(BuildOptions(project / "content", out, drafts=True))
    assert [p for p in out.rglob("*") if "_review" in p.name or "review.js" in p.name] == []
