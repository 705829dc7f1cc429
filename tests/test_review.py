"""The review page's writing side, without a browser: YAML edits, validation, conflicts, undo, the HTTP API.

Fixture: tests/sites/review (two strands, drafts of every kind, hand comments
in entries/charges.yaml). Each test works on a fresh copy. Expected YAML is
written out by hand from the fixture files.
"""

from __future__ import annotations

import http.client
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from site_builder.build.pipeline import BuildOptions, build
from site_builder.serve import PreviewServer, ServeOptions
from site_builder.serve.review.store import Action, Conflict, Refused, ReviewStore, write_atomic
from site_builder.serve.review.yamledit import ReviewRequestError, Target

SITE = Path(__file__).resolve().parent / "sites" / "review"
CHARGES = "entries/charges.yaml"
pytestmark = pytest.mark.site("review")  # the `project` fixture (conftest.py) copies tests/sites/review




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


def test_accepting_an_item_that_names_a_draft_person_is_refused_with_the_builds_line(project: Path, store: ReviewStore) -> None:
    """judge-assigned names mae-lin, still a draft: accepted, it would fail `site-builder build`."""
    with pytest.raises(Refused) as refused:
        store.apply(Action("review", event("judge-assigned"), state="reviewed"), store.hashes())
    assert [line.replace(f"{project}/content/", "") for line in refused.value.lines] == [
        "entries/charges.yaml:35: events[3].people[0]: 'mae-lin' is not published (review: draft in people.yaml:26); "
        "publish the person or remove the reference"]
    assert lines(project, CHARGES) == original(CHARGES)


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


# --- the HTTP API: who may write -----------------------------------------------------


@contextmanager
def serving(project: Path, loopback: bool = True) -> Iterator[PreviewServer]:
    server = PreviewServer(ServeOptions(project / "content", port=0))
    if not loopback:  # as if bound to another address: the server answers any host name and is not loopback-only
        server._allowed_hosts = lambda: None  # type: ignore[method-assign]
    server.start()
    try:
        yield server
    finally:
        server.stop()


def request(server: PreviewServer, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
            ) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
    connection.request(method, path, body=data, headers=headers or {})
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, text


def page_token(server: PreviewServer) -> str:
    status, _, text = request(server, "GET", "/_review/", headers={"Host": f"127.0.0.1:{server.port}"})
    assert status == 200
    return text.split('data-token="', 1)[1].split('"', 1)[0]


def accept_body(project: Path, token: str) -> dict[str, Any]:
    return {"token": token, "hashes": ReviewStore(project / "content").hashes(), "action": "review",
            "target": {"file": CHARGES, "group": "events", "id": "audit-report"}, "state": "reviewed"}


def same_origin(server: PreviewServer) -> dict[str, str]:
    return {"Host": f"127.0.0.1:{server.port}", "Origin": f"http://127.0.0.1:{server.port}", "Content-Type": "application/json"}


def test_api_accepts_a_same_origin_json_post_with_the_token(project: Path) -> None:
    with serving(project) as server:
        status, headers, text = request(server, "POST", "/_review/api", accept_body(project, page_token(server)), same_origin(server))
    assert (status, json.loads(text)) == (200, {"message": "audit-report: reviewed"})
    assert lines(project, CHARGES)[22] == "    review: reviewed"
    assert not [h for h in headers if h.startswith("access-control-")]


@pytest.mark.parametrize("change, status, error", [
    ({"token": "guess"}, 403, '{"error": "missing or wrong review token: reload the review page", "problems": []}'),
    ({"token": None}, 403, '{"error": "missing or wrong review token: reload the review page", "problems": []}'),
])
def test_api_refuses_without_the_token(project: Path, change: dict[str, Any], status: int, error: str) -> None:
    with serving(project) as server:
        body = accept_body(project, page_token(server)) | change
        got = request(server, "POST", "/_review/api", body, same_origin(server))
    assert (got[0], got[2]) == (status, error)
    assert lines(project, CHARGES) == original(CHARGES)


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:1"},  # another port is another origin
    {"Origin": None},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_api_refuses_other_origins(project: Path, headers: dict[str, str | None]) -> None:
    with serving(project) as server:
        sent = {k: v for k, v in (same_origin(server) | headers).items() if v is not None}
        status, _, text = request(server, "POST", "/_review/api", accept_body(project, page_token(server)), sent)
    assert (status, text) == (403, "403: writes are accepted only from the review page itself (same origin)\n")
    assert lines(project, CHARGES) == original(CHARGES)


def test_api_refuses_a_rebinding_host_name(project: Path) -> None:
    with serving(project) as server:
        sent = same_origin(server) | {"Host": f"evil.example:{server.port}", "Origin": f"http://evil.example:{server.port}"}
        status, _, _ = request(server, "POST", "/_review/api", accept_body(project, page_token(server)), sent)
    assert status == 421
    assert lines(project, CHARGES) == original(CHARGES)


def test_api_wants_json(project: Path) -> None:
    with serving(project) as server:
        sent = same_origin(server) | {"Content-Type": "text/plain"}
        status, _, text = request(server, "POST", "/_review/api", accept_body(project, page_token(server)), sent)
    assert (status, text) == (415, "415: send the action as JSON (Content-Type: application/json)\n")


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "OPTIONS", "PATCH"])
def test_api_is_post_only_and_sends_no_cors_headers(project: Path, method: str) -> None:
    with serving(project) as server:
        status, headers, _ = request(server, method, "/_review/api", headers=same_origin(server) | {
            "Access-Control-Request-Method": "POST"})
    assert status == 405
    assert not [h for h in headers if h.startswith("access-control-")]


def test_review_is_refused_when_not_bound_to_loopback(project: Path) -> None:
    with serving(project, loopback=False) as server:
        page = request(server, "GET", "/_review/")
        api = request(server, "POST", "/_review/api", {"action": "undo"}, same_origin(server))
    message = ("403: the review page works only while site-builder serve listens on this machine alone "
               "(--host 127.0.0.1)\n")
    assert (page[0], page[2]) == (403, message)
    assert (api[0], api[2]) == (403, message)


def test_api_reports_a_conflict_as_409(project: Path) -> None:
    with serving(project) as server:
        body = accept_body(project, page_token(server))
        path = project / "content" / CHARGES
        path.write_text(path.read_text("utf-8").replace("status: ongoing", "status: on trial"), "utf-8")
        status, _, text = request(server, "POST", "/_review/api", body, same_origin(server))
    assert status == 409
    assert json.loads(text)["error"].startswith("entries/charges.yaml changed on disk since this page was loaded")


def test_api_reports_a_refused_edit_as_422_with_the_builds_lines(project: Path) -> None:
    with serving(project) as server:
        body = accept_body(project, page_token(server)) | {
            "action": "edit", "target": {"file": CHARGES, "group": "claims", "id": "ortiz-denies"}, "fields": {"kind": "anonymous"}}
        status, _, text = request(server, "POST", "/_review/api", body, same_origin(server))
    assert status == 422
    assert json.loads(text) == {"error": "Refused: this change would break the build", "problems": [
        f"{project / 'content' / CHARGES}:42: claims[0]: a claim is of kind 'anonymous' exactly when attributed_to is 'anonymous'"]}


def test_a_named_pipe_among_the_content_files_is_refused_unread(project: Path, store: ReviewStore) -> None:
    """The review page reads content files as the build does: a FIFO would block the preview's server forever."""
    fifo = project / "content" / "entries" / "jammed.yaml"
    os.mkfifo(fifo)
    hashes = store.hashes()  # returns at once, without the pipe
    assert "entries/jammed.yaml" not in hashes and "entries/charges.yaml" in hashes
    with pytest.raises(Refused) as refused:
        store.read(fifo)
    assert refused.value.lines == [f"{fifo}: refused: a named pipe (FIFO), not a regular file"]


WHY = "claims.said-by > attribution.before.named-subject (told)"


def test_a_card_says_why_the_converter_proposed_it_from_the_ledgers_trail(project: Path, store: ReviewStore) -> None:
    from site_builder.serve.review.cards import board

    (project / "content" / "convert-ledger.txt").write_text(
        "# site-builder convert ledger\n"
        f"wire-2024-05-02 claims ortiz-denies 0123456789abcdef {WHY}\n"
        "wire-2024-05-02 quotes ortiz-nothing-wrong fedcba9876543210\n",  # an older line: no trail
        encoding="utf-8")
    cards = {c.key: c for g in board(store.load()).groups for c in g.cards}
    assert cards["claim-ortiz-denies"].why == WHY
    assert cards["quote-ortiz-nothing-wrong"].why == ""  # proposed before trails were kept
    assert cards["event-ortiz-charged"].why == ""  # not in the ledger: as if written by hand


def test_the_review_page_shows_the_trail_on_the_card_and_nothing_without_one(project: Path, store: ReviewStore) -> None:
    from site_builder.serve.review import page

    (project / "content" / "convert-ledger.txt").write_text(f"wire-2024-05-02 claims ortiz-denies 0123456789abcdef {WHY}\n",
                                                            encoding="utf-8")
    html = page.render(store.load(), None, "source", "token", store.hashes()).decode("utf-8")
    expected = "Why the converter proposed it: claims.said-by &gt; attribution.before.named-subject (told)"
    assert html.count(expected) == 1
    card = html[html.index('id="claim-ortiz-denies"'):]
    assert card.index(expected) < card.index("</article>")


def test_an_unreadable_ledger_leaves_the_cards_without_trails(project: Path, store: ReviewStore) -> None:
    from site_builder.serve.review.cards import board

    (project / "content" / "convert-ledger.txt").write_text("not a ledger line\n", encoding="utf-8")
    assert all(c.why == "" for g in board(store.load()).groups for c in g.cards)


def test_a_merge_without_the_item_to_fold_in_is_a_bad_request() -> None:
    """A malformed request is the client's error (400 with a reason), never a server error (500)."""
    from site_builder.serve.review.handlers import _action

    target = {"file": "entries/charges.yaml", "group": "events", "id": "audit-report"}
    with pytest.raises(ReviewRequestError) as refused:
        _action({"action": "merge", "target": target})
    assert str(refused.value) == "'other' must give the item's file, group and id"


def test_an_unnamed_speakers_description_is_shown_edited_and_dropped_once_the_source_is_named(
        project: Path, store: ReviewStore) -> None:
    from site_builder.serve.review.cards import board

    quote = Target(CHARGES, "quotes", "ortiz-nothing-wrong")
    store.apply(Action("edit", quote, fields={"speaker": "anonymous", "described_as": "a person close to the council"}), store.hashes())
    assert lines(project, CHARGES)[52:54] == ["    speaker: anonymous", "    described_as: a person close to the council"]
    card = {c.key: c for g in board(store.load()).groups for c in g.cards}["quote-ortiz-nothing-wrong"]
    assert card.meta == "— Unnamed source (described as a person close to the council)"
    assert [f.name for f in card.fields][:2] == ["speaker", "described_as"]
    # naming the speaker: the description of the unnamed source goes with it, rather than a refused edit
    store.apply(Action("edit", quote, fields={"speaker": "sam-ortiz"}), store.hashes())
    assert lines(project, CHARGES)[52:54] == ["    speaker: sam-ortiz", "    text: I did nothing wrong"]
    # a description given with a named speaker is refused with the build's own line
    with pytest.raises(Refused) as caught:
        store.apply(Action("edit", quote, fields={"described_as": "an aide"}), store.hashes())
    assert caught.value.lines == [
        f"{project / 'content' / CHARGES}:54: quotes[0].described_as: only an unnamed speaker is described here: set speaker to "
        "'anonymous', or remove described_as ('sam-ortiz' is described in people.yaml)"]
