"""Per-article extraction: what becomes of the organisations an article names, and of quotes nobody is said to have issued."""

from __future__ import annotations

from pathlib import Path

import yaml

from site_builder.convert import convert
from site_builder.convert.report import Report

from .conftest import CASES


def _convert(tmp_path: Path, name: str, text: str) -> tuple[Path, Report]:
    """Convert one article (``text``, in the seed format) with the Harborview case's vocabulary."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "case.yaml").write_bytes((CASES / "harborview" / "case.yaml").read_bytes())
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / name).write_text(text, encoding="utf-8")
    return content, convert([articles], content)


def test_an_organisation_without_a_stated_role_is_grouped_by_its_name(tmp_path: Path) -> None:
    content, _ = _convert(tmp_path, "a.txt",
                          " date 2024-03-05 Charges filed in the Harborview bribery case\n"
                          "\"We will prove every count of the indictment,\" the Tessel County District Attorney's Office said in a "
                          "statement about the bribery charges on Monday.\n")
    people = yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))["people"]
    office = next(p for p in people if p["name"].endswith("District Attorney's Office"))
    assert office["kind"] == "organization"
    assert office["group"] == "officials"


def test_a_quote_from_a_document_nobody_is_said_to_have_issued_is_a_draft_with_an_unknown_speaker(tmp_path: Path) -> None:
    content, report = _convert(tmp_path, "b.txt",
                               " date 2024-03-05 Council responds to the bribery indictment\n"
                               "Council member Sam Ortiz was indicted on bribery charges last week.\n\n"
                               "\"The council will cooperate fully with the bribery investigation,\" the statement said.\n")
    entries = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (content / "entries").glob("*.yaml")]
    quotes = [(q["speaker"], q["review"]) for doc in entries for q in doc.get("quotes") or [] if "cooperate fully" in q["text"]]
    assert quotes == [("unknown", "draft")]  # never guessed (Sam Ortiz is named just before), never published
    assert report.unattributed == {"b.txt": ["statement: “The council will cooperate fully with the bribery investigation”"]}
    assert "quotes whose speaker is not yet identified (drafts with `speaker: unknown`" in report.to_text()
