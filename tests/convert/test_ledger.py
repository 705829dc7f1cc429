"""The converter's ledger: one line per proposal, with the rule trail that proposed it when one was recorded.

Expected lines are written by hand from the line format in site_builder/convert/ledger.py's docstring and, for
the conversion, from the sentence of tests/convert/cases/harborview/articles/01-wire-search.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.convert import convert
from site_builder.convert.docs import MergeError
from site_builder.convert.ledger import HEADER, load_ledger

from .conftest import CASES, make_project

OLD = "wire-2024 quotes ortiz-nothing-wrong 0123456789abcdef\n"  # a line written before trails were recorded
NEW = "wire-2024 claims ortiz-denies fedcba9876543210 claims.said-by > attribution.before.named-subject (told)\n"


def test_a_ledger_with_and_without_trails_reads_and_dumps_back_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "convert-ledger.txt"
    path.write_text(HEADER + NEW + OLD, encoding="utf-8")
    ledger = load_ledger(path)
    assert ledger.proposed_before(("quotes", "wire-2024", "0123456789abcdef")) == "ortiz-nothing-wrong"
    assert ledger.proposed_before(("claims", "wire-2024", "fedcba9876543210")) == "ortiz-denies"
    assert ledger.trails() == {("claims", "ortiz-denies"): "claims.said-by > attribution.before.named-subject (told)"}
    assert ledger.dump() == HEADER + NEW + OLD  # sorted by source, section: claims before quotes; neither line rewritten


def test_a_new_proposal_is_dumped_with_its_trail_and_an_old_line_keeps_having_none(tmp_path: Path) -> None:
    path = tmp_path / "convert-ledger.txt"
    path.write_text(HEADER + OLD, encoding="utf-8")
    ledger = load_ledger(path)
    ledger.record(("quotes", "wire-2024", "0123456789abcdef"), "ortiz-nothing-wrong", ["quotes.verb-after-quotation"])
    ledger.record(("events", "wire-2024", "aaaaaaaaaaaaaaaa"), "ortiz-charged", ["events.dated-act", "events.\nundated-act"])
    assert ledger.dump() == HEADER + "wire-2024 events ortiz-charged aaaaaaaaaaaaaaaa events.dated-act; events. undated-act\n" + OLD


def test_a_line_with_too_few_fields_is_refused_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "convert-ledger.txt"
    path.write_text(HEADER + "wire-2024 quotes ortiz-nothing-wrong\n", encoding="utf-8")
    with pytest.raises(MergeError) as caught:
        load_ledger(path)
    assert str(caught.value) == (f"{path}:4: expected '<source id> <events|claims|quotes> <item id> <fingerprint> [<why>]', "
                                 "found 'wire-2024 quotes ortiz-nothing-wrong' (delete the line, or the file, to start afresh)")


def test_a_conversion_records_why_it_proposed_a_new_quote(tmp_path: Path) -> None:
    harbor = CASES / "harborview"
    content, articles = make_project(tmp_path, harbor / "case.yaml", harbor / "articles")
    convert([articles], content)
    lines = (content / "convert-ledger.txt").read_text(encoding="utf-8").splitlines()
    # '"We can confirm that agents executed a court-authorized search warrant at City Hall," FBI spokesperson Tomas
    # Reyes said.': the verb after the quotation, its subject a name before the verb.
    reyes = [line for line in lines if " quotes tomas-reyes-" in line]
    assert len(reyes) == 1
    assert reyes[0].startswith("associated-press-2023-03-15 quotes tomas-reyes-we-can-confirm-agents-executed-court-authorized ")
    assert reyes[0].endswith(" quotes.verb-after-quotation > attribution.before.named-subject (said)")
