"""Plain rule fixtures (tests/convert/rules/*.txt): invented sentences and what each rule family makes of them.

Each line is a case; a failure names the file, the line and the case, so a fixture file reads as the rules'
specification. The format is described at the top of each file: quotes.txt (the speakers of the quotes kept), dates.txt (the dates found in a sentence),
events.txt (the rule and date of each event drafted), names.txt (the kind, name and rule of each mention), claims.txt (who each claim is attributed to, its kind and
rules), topics.txt (the strand of each item drafted, and whether the article's main strand took it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.convert.claims import extract_claims, extract_quotes
from site_builder.convert.events import extract_events
from site_builder.convert.extract import settle
from site_builder.convert.names import find_mentions
from site_builder.convert.timex import find_dates
from site_builder.convert.topics import TopicDef, TopicMatcher
from tests.convert.conftest import article_doc
from tests.convert.test_claims import run, speakers
from tests.convert.test_events import PUBLISHED, TOPICS as EVENT_TOPICS

RULES = Path(__file__).parent / "rules"
# The strands of rules/topics.txt, in the order a case would list them (a collapse, then a trial, then a sentencing)
STRANDS = TopicMatcher([
    TopicDef("collapse", "The collapse", ("collapse", "collapsed", "withdrawals", "frozen", "exchange", "depositors", "bankruptcy")),
    TopicDef("trial", "The trial", ("trial", "jury", "jurors", "verdict", "testified", "prosecutors", "fraud", "witness")),
    TopicDef("sentencing", "The sentencing", ("sentence", "sentenced", "prison", "tears", "remorse", "victims", "negligence")),
    TopicDef("vale", "Rowan Vale's case", ("Rowan", "Vale", "co-founder", "separate trial")),
])


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
    assert cases, f"rules/{name} holds no case: its rules would pass untested"
    return cases


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("quotes.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_quote_speaker_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    rec, quotes, _, _ = run(paragraphs)
    got = [name for _, name in speakers(rec, quotes)]
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("events.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_event_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    doc = article_doc(paragraphs, PUBLISHED, EVENT_TOPICS)
    extract_events(doc)
    got = [f"{' > '.join(e.rules)} {e.date or f'by {e.not_after}'}" for e in doc.events]
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("names.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_name_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    got = [f"{m.kind} {m.name} ({m.rule})" for m in find_mentions(paragraphs[0])]
    assert got == expected, f"{where}: {paragraphs[0]}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("claims.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_claim_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    tabloid = paragraphs[0].startswith("[tabloid] ")
    rec, _, claims, _ = run([paragraphs[0].removeprefix("[tabloid] "), *paragraphs[1:]], tabloid)
    names = {key: entity.name for key, entity in rec.entities.items()}
    got = [f"{names.get(c.attributed_to, c.attributed_to)} {c.kind} ({'; '.join(c.rules)})" for c in claims]
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("dates.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_date_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    published, sentence = paragraphs
    got = [f"{d.text} = {d.value or '?'}" for d in find_dates(sentence, None if published == "-" else published)]
    assert got == expected, f"{where}: {sentence}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("topics.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_strand_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    doc = article_doc(paragraphs, PUBLISHED, STRANDS)
    extract_events(doc)
    extract_quotes(doc)
    extract_claims(doc, "the-paper", "fact")
    settle(doc)
    got = []
    for kind, items in (("event", doc.events), ("claim", doc.claims), ("quote", doc.quotes)):
        for item in items:
            moved = [r.split("(")[1].split(" ->")[0] for r in item.rules if r.startswith("topics.main-strand")]
            got.append(f"{kind} {item.topic}" + (f" (from {moved[0]})" if moved else ""))
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"
