"""Plain rule fixtures (tests/convert/rules/*.txt): invented sentences and the speakers of the quotes kept.

Each line is a case; a failure names the file, the line and the case, so a fixture file reads as the rule's
specification. The format is described at the top of each file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.convert.test_claims import run, speakers

RULES = Path(__file__).parent / "rules"


def _cases(name: str) -> list[tuple[str, list[str], list[str]]]:
    """(file:line, paragraphs, expected speakers) of each case in ``rules/<name>``."""
    cases = []
    for number, line in enumerate((RULES / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.rpartition(" → ")
        assert text, f"{name}:{number}: no ' → ' in the case"
        wanted = [] if expected.strip() == "(none)" else [w.strip() for w in expected.split(" | ")]
        cases.append((f"{name}:{number}", text.split(" ¶ "), wanted))
    return cases


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("quotes.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_quote_speaker_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    rec, quotes, _, _ = run(paragraphs)
    got = [name for _, name in speakers(rec, quotes)]
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"
