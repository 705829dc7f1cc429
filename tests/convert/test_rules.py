"""Plain rule fixtures (tests/convert/rules/*.txt): invented sentences and what each rule family makes of them.

Each line is a case; a failure names the file, the line and the case, so a fixture file reads as the rules'
specification. The format is described at the top of each file: quotes.txt (the speakers of the quotes kept, an unnamed
one with how the article describes it in brackets), dates.txt (the dates found in a sentence),
events.txt (the rule and date of each event drafted), names.txt (the kind, name and rule of each mention), roles.txt (the
role and age of each person named), groups.txt (the group a role puts a person in), recognise.txt (the entity each
mention of an article resolves to), claims.txt (who each claim is attributed to, its kind and rules), sentences.txt
(where sentences end, by the rule that decides), topics.txt (the strand of each item drafted, and whether the article's
main strand took it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.convert.claims import extract_claims, extract_quotes
from site_builder.convert.directory import Directory
from site_builder.convert.events import extract_events
from site_builder.convert.extract import settle
from site_builder.convert.names import Mention, find_mentions
from site_builder.convert.recognise import group_for, recognise
from site_builder.convert.segment import _BOUNDARY, BREAKS, Boundary, segment, split_sentences
from site_builder.convert.topics import TopicDef, TopicMatcher
from site_builder.articles.timex import find_dates
from tests.convert.conftest import article_doc
from tests.convert.test_claims import run, speakers
from tests.convert.test_events import PUBLISHED, TOPICS as EVENT_TOPICS
from tests.convert.test_recognise import TOPICS as RECOGNISE_TOPICS

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
    got = [_described(name, q.described_as) for (_, name), q in zip(speakers(rec, quotes), quotes, strict=True)]
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"


def _described(name: str, described_as: str | None) -> str:
    """An unnamed speaker with how the article describes them: "anonymous [Dana Pike's lawyers]"."""
    return f"{name} [{described_as}]" if described_as else name


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


def _role(m: Mention) -> str:
    """"person Halyna Hutchins, role: Rust cinematographer, age: 42", without the parts the sentence does not give."""
    return f"{m.kind} {m.name}" + (f", role: {m.role}" if m.role else "") + (f", age: {m.age}" if m.age is not None else "")


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("roles.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_role_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    got = [_role(m) for m in find_mentions(paragraphs[0]) if m.kind in ("person", "single")]
    assert got == expected, f"{where}: {paragraphs[0]}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("groups.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_group_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    assert [group_for(paragraphs[0], "person")] == expected, f"{where}: {paragraphs[0]}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("recognise.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_recognise_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    seg = segment(paragraphs)
    rec = recognise(seg, "2024-05-01", Directory(), RECOGNISE_TOPICS)
    got, mentioned = [], set()
    for sentence, facts in zip(seg.sentences, rec.sentences):
        for start, end, key in facts.entities:
            entity = rec.entities[key]
            got.append(f"{sentence.text[start:end]} = {entity.kind} {entity.name}")
            mentioned.add(key)
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"
    assert mentioned == set(rec.entities), f"{where}: entities no mention resolves to: {sorted(set(rec.entities) - mentioned)}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("claims.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_claim_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    tabloid = paragraphs[0].startswith("[tabloid] ")
    rec, _, claims, _ = run([paragraphs[0].removeprefix("[tabloid] "), *paragraphs[1:]], tabloid)
    names = {key: entity.name for key, entity in rec.entities.items()}
    got = [f"{_described(names.get(c.attributed_to, c.attributed_to), c.described_as)} {c.kind} ({'; '.join(c.rules)})" for c in claims]
    assert got == expected, f"{where}: {' ¶ '.join(paragraphs)}"


@pytest.mark.parametrize(("where", "paragraphs", "expected"), _cases("dates.txt"), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_date_rule(where: str, paragraphs: list[str], expected: list[str]) -> None:
    published, sentence = paragraphs
    got = [f"{d.text} = {d.value or '?'}" for d in find_dates(sentence, None if published == "-" else published)]
    assert got == expected, f"{where}: {sentence}"


def _sentence_cases() -> list[tuple[str, str | None, str, list[str]]]:
    """(file:line, the rule of its group (None under "## (no rule)"), paragraph, expected sentences) of rules/sentences.txt."""
    cases = []
    rule: str | None = None
    for number, line in enumerate((RULES / "sentences.txt").read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            rule = None if line[3:].strip() == "(no rule)" else line[3:].strip()
            assert rule is None or rule in BREAKS.names(), f"sentences.txt:{number}: no rule named {rule!r}"
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.rpartition(" → ")
        assert text, f"sentences.txt:{number}: no ' → ' in the case"
        cases.append((f"sentences.txt:{number}", rule, text, expected.split(" | ")))
    assert cases, "rules/sentences.txt holds no case: its rules would pass untested"
    return cases


@pytest.mark.parametrize(("where", "rule", "text", "expected"), _sentence_cases(), ids=lambda v: v if isinstance(v, str) and ":" in v else "")
def test_sentence_break_rule(where: str, rule: str | None, text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected, f"{where}: {text}"
    deciders = set()
    for m in _BOUNDARY.finditer(text):
        rest = text[m.end():].lstrip()
        if rest:  # the mark that ends the paragraph is no question
            deciders.add(BREAKS.run(Boundary(text, m.start(), m.group(0), rest)))
    assert (rule in deciders) if rule else (deciders == {None}), f"{where}: decided by {deciders}, not {rule}"


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
