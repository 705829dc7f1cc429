"""`site-builder convert` on the command line: report, --json, --dry-run, per-file errors, fatal errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder.cli import main

from .conftest import CASES, make_project

HARBOR = CASES / "harborview"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    code, out, err = run(["convert", str(articles), "--content", str(content)], capsys)
    assert code == 0 and err == ""
    assert "convert: 5 articles read" in out
    assert "new items per topic:" in out and "trial:" in out
    assert "dana-whitcombe: Dana Whitcombe" in out
    assert "date conflicts:" in out and "2024-06-30" in out
    assert "flagged language" in out and "bombshell" in out
    # "the embattled councilwoman": a general evaluative word the case's loaded_words do not list, for the editor
    assert "evaluative wording in drafted claims" in out and "embattled ×1" in out
    assert "wrote 7 files" in out and "convert-ledger.txt" in out  # the content files and the converter's ledger
    # per source, one wrapped line per section listing the ids taken (+ new, * citation added to an existing draft)
    assert ("      events: +federal-agents-searched-city-hall-office, +search-warrant-made-public,\n"
            "              +warrant-says-investigators-are-looking-into, +dana-whitcombe-represented-waterfront-district\n") in out
    assert "      quotes: +tomas-reyes-we-can-confirm-agents-executed-court-authorized," in out
    assert "      people: +dana-whitcombe, +tomas-reyes," in out
    assert "(+ new, * citation added to an existing draft, unmarked: already in the content)" in out
    assert all(len(line) <= 120 for line in out.splitlines() if line.startswith("      ") and ": " in line and "/" not in line)
    assert "not proposed again" not in out

    code, out, err = run(["convert", str(articles), "--content", str(content)], capsys)
    assert code == 0 and "wrote 0 files (no changes)" in out
    assert ("      events: federal-agents-searched-city-hall-office, search-warrant-made-public,\n"
            "              warrant-says-investigators-are-looking-into, dana-whitcombe-represented-waterfront-district\n") in out
    assert "+" not in "".join(line for line in out.splitlines() if line.startswith("      "))
    assert "      people: " not in out  # people already listed are not drafted again (the count says 0 people)


def test_json_report_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    code, out, _ = run(["convert", str(articles), "--content", str(content), "--json", "--dry-run"], capsys)
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] is True
    assert len(report["sources"]) == 5 and report["errors"] == []
    assert set(report["per_topic"]) == {"investigation", "indictment", "trial", "recall"}
    first = report["sources"][0]
    assert (first["events"], first["claims"], first["quotes"], first["people"]) == (4, 0, 3, 5)  # the counts stay
    assert first["ids"]["events"][:2] == ["federal-agents-searched-city-hall-office", "search-warrant-made-public"]
    assert first["ids"]["claims"] == [] and first["new"]["events"] == first["ids"]["events"]
    assert first["new"]["people"][:2] == ["dana-whitcombe", "tomas-reyes"]
    assert set(first["cited"]) == set(first["withheld"]) == {"events", "claims", "quotes"}
    assert sum(len(ids) for s in report["sources"] for ids in s["new"].values()) == sum(report["added"].values()) - report["added"]["sources"]
    assert report["withheld"] == 0
    assert report["diff"].startswith("--- ")
    assert not (content / "people.yaml").exists()


def test_bad_files_are_reported_and_the_rest_converted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    (articles / "empty.txt").write_text("  \n", encoding="utf-8")
    (articles / "broken.html").write_bytes(b"\x00\x01\x02\x03")
    code, out, err = run(["convert", str(articles), str(tmp_path / "missing.txt"), "--content", str(content)], capsys)
    assert code == 1
    assert "Traceback" not in out + err
    assert "empty.txt: file is empty" in out
    assert "broken.html: binary file" in out
    assert "missing.txt: no such file or folder" in out
    assert "convert: 5 articles read, 3 failed" in out
    assert (content / "people.yaml").exists()


def test_missing_or_invalid_case_yaml_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(" date 2024-01-01 Something happened here today.\n", encoding="utf-8")
    code, out, err = run(["convert", str(articles), "--content", str(tmp_path / "content")], capsys)
    assert code == 1 and "case.yaml: not found" in err and "Traceback" not in err
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "case.yaml").write_text("title: x\ntopcs: []\n", encoding="utf-8")
    code, out, err = run(["convert", str(articles), "--content", str(tmp_path / "content")], capsys)
    assert code == 1 and "case.yaml:2: topcs" in err


def test_no_articles_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", [])
    code, _, err = run(["convert", str(articles), "--content", str(content)], capsys)
    assert code == 1 and "no article files" in err


def test_folder_index_supplies_publisher_date_and_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", [HARBOR / "articles" / "01-wire-search.txt"])
    (articles / "README.md").write_text(
        "# Articles\n\n| file | publisher | published | url |\n|---|---|---|---|\n"
        "| 01-wire-search.txt | Harborview Wire | 2023-03-15 | https://wire.example.org/search |\n", encoding="utf-8")
    code, out, _ = run(["convert", str(articles), "--content", str(content), "--json"], capsys)
    assert code == 0
    report = json.loads(out)
    assert len(report["sources"]) == 1  # the index itself is not an article
    text = (content / "sources.yaml").read_text(encoding="utf-8")
    assert "publisher: Harborview Wire" in text  # curated metadata beats a guess from the dateline
    assert "url: https://wire.example.org/search" in text


def test_a_broken_content_file_stops_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    (content / "people.yaml").write_text("people:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    code, out, err = run(["convert", str(articles), "--content", str(content)], capsys)
    assert code == 1 and "people.yaml: cannot merge into this file" in err and "Traceback" not in err
    assert not (content / "sources.yaml").exists()


def test_a_broken_ledger_line_is_an_addressed_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    assert run(["convert", str(articles), "--content", str(content)], capsys)[0] == 0
    ledger = content / "convert-ledger.txt"
    lines = ledger.read_text(encoding="utf-8").splitlines(True)
    lines[4] = "reuters-2024-12-02 events\n"  # half a line, e.g. after a bad merge
    ledger.write_text("".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    code, out, err = run(["convert", str(articles), "--content", str(content)], capsys)
    assert code == 1 and "Traceback" not in err
    assert "convert-ledger.txt:5: expected '<source id> <events|claims|quotes> <item id> <fingerprint> [<why>]'" in err
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


EXPLAIN = Path(__file__).parent / "explain"


def test_explain_names_the_rules_behind_each_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An editor asking "why is this quote given to Lee Marsh?" gets the rules that decided it, per item."""
    content, articles = make_project(tmp_path, CASES.parent / "fixtures" / "case.yaml", EXPLAIN)
    code, out, err = run(["convert", str(articles), "--content", str(content), "--explain"], capsys)
    assert code == 0 and err == ""
    why = out[out.index("why each item was drafted (the converter's rules, outermost first):\n"):].splitlines()
    assert why[1] == "  2025-03-04-pike.txt:"
    events = [line for line in why if line.startswith("    events ")]
    quotes = [line for line in why if line.startswith("    quotes ")]
    assert len(events) == 1 and events[0].startswith("    events +judge-mary-sommer-dismissed-charges") and events[0].endswith(": events.dated-act")
    assert len(quotes) == 1 and quotes[0].endswith(
        " speaker lee-marsh: quotes.verb-after-quotation > attribution.speaker-after-verb (said)")
    # the files written are the same with and without --explain: the rules are never written into the content
    assert "rules" not in (content / "entries" / "court.yaml").read_text(encoding="utf-8")
    assert "rules" not in (content / "people.yaml").read_text(encoding="utf-8")


def test_explain_names_the_rules_that_found_each_person(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Why is Lee Marsh listed?": the names rule that read "Lee Marsh, a lawyer" as a person, under the recognise pass."""
    content, articles = make_project(tmp_path, CASES.parent / "fixtures" / "case.yaml", EXPLAIN)
    code, out, err = run(["convert", str(articles), "--content", str(content), "--explain"], capsys)
    assert code == 0 and err == ""
    people = [line for line in out.splitlines() if line.startswith("    people ")]
    assert people == ["    people +mary-sommer: recognise.full-names > names.person",
                      "    people +dana-pike: recognise.full-names > names.person",
                      "    people +lee-marsh: recognise.full-names > names.person"]


def test_explain_in_json_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, articles = make_project(tmp_path, CASES.parent / "fixtures" / "case.yaml", EXPLAIN)
    code, out, _ = run(["convert", str(articles), "--content", str(content), "--json", "--dry-run"], capsys)
    assert code == 0 and "explained" not in json.loads(out)
    code, out, _ = run(["convert", str(articles), "--content", str(content), "--json", "--dry-run", "--explain"], capsys)
    explained = json.loads(out)["explained"]
    assert [(e["section"], e["speaker"], e["rules"]) for e in explained if e["section"] == "quotes"] == [
        ("quotes", "lee-marsh", ["quotes.verb-after-quotation > attribution.speaker-after-verb (said)"])]
