"""Attribution labels composed from parts, and corroboration counted in sources, publishers and passages.

Expected texts were written by hand from the parts given.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest

from site_builder.build.labels import ANONYMOUS_NOTE, Kind, attribution, corroboration


@dataclass(frozen=True)
class Who:
    name: str
    anonymous: bool = False


@dataclass(frozen=True)
class Src:
    id: str
    publisher: str


UNNAMED = Who("Unnamed source", anonymous=True)
RADAR = Who("RadarOnline")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (attribution(Who("Joel Cano"), kind="Statement"), "Statement · Joel Cano"),
        (attribution(Who("Gloria Allred"), kind="Statement", via=RADAR), "Statement · Gloria Allred, as reported by RadarOnline"),
        (attribution(Who("Judge Sommer"), kind="Ruling", date="25 October 2024"), "Ruling · Judge Sommer · 25 October 2024"),
        (attribution(Who("FBI"), kind="Allegation", via=RADAR, date="February 2025"),
         "Allegation · FBI, as reported by RadarOnline · February 2025"),
        # a name that ends with a full stop still takes a comma ("Inc., as reported by")
        (attribution(Who("Acme Inc."), kind="Statement", via=RADAR), "Statement · Acme Inc., as reported by RadarOnline"),
        # an unnamed source: no kind (its badge says what it is); the note is a sentence of its own
        (attribution(UNNAMED, kind="Anonymous", via=RADAR), f"Unnamed source, as reported by RadarOnline. {ANONYMOUS_NOTE}"),
        (attribution(UNNAMED, kind="Anonymous", via=RADAR, date="17 February 2025"),
         f"Unnamed source, as reported by RadarOnline · 17 February 2025. {ANONYMOUS_NOTE}"),
        (attribution(UNNAMED), f"Unnamed source. {ANONYMOUS_NOTE}"),
        (attribution(UNNAMED, via=Who("Acme Inc.")), f"Unnamed source, as reported by Acme Inc. {ANONYMOUS_NOTE}"),
        # how the publication describes an unnamed source: beside the badge, before what follows; never for a named one
        (attribution(UNNAMED, described_as="Dana Pike's lawyers"),
         f"Unnamed source (described as Dana Pike's lawyers). {ANONYMOUS_NOTE}"),
        (attribution(UNNAMED, kind="Anonymous", via=RADAR, date="17 February 2025", described_as=" a person close to the studio "),
         f"Unnamed source (described as a person close to the studio), as reported by RadarOnline · 17 February 2025. {ANONYMOUS_NOTE}"),
        (attribution(UNNAMED, context="speaking to reporters", described_as="prosecutors"),
         f"Unnamed source (described as prosecutors), speaking to reporters. {ANONYMOUS_NOTE}"),
        (attribution(Who("Joel Cano"), kind="Statement", described_as="a friend"), "Statement · Joel Cano"),
        (attribution(UNNAMED, described_as="  "), f"Unnamed source. {ANONYMOUS_NOTE}"),
        # a quote's context: a sentence follows a middle dot, a phrase a comma
        (attribution(Who("TLC"), context="From a press release announcing the series; the source does not name its issuer."),
         "TLC · From a press release announcing the series; the source does not name its issuer."),
        (attribution(Who("Alec Baldwin"), context="speaking to Hilaria Baldwin in the first episode"),
         "Alec Baldwin, speaking to Hilaria Baldwin in the first episode"),
        (attribution(UNNAMED, context="An unnamed insider quoted by RadarOnline."),
         f"Unnamed source · An unnamed insider quoted by RadarOnline. {ANONYMOUS_NOTE}"),
        (attribution(UNNAMED, context="The insider, asked twice?"), f"Unnamed source · The insider, asked twice? {ANONYMOUS_NOTE}"),
        # a sentence gives up its full stop when more follows
        (attribution(Who("Luke Nikas"), context="Statement to NPR.", date="19 January 2023"),
         "Luke Nikas · Statement to NPR · 19 January 2023"),
        # empty parts are left out
        (attribution(Who("Luke Nikas"), kind="", context="   "), "Luke Nikas"),
    ],
)
def test_attribution_text(label, text: str) -> None:  # type: ignore[no-untyped-def]
    assert label.text() == text


def test_attribution_parts_keep_speakers_and_kind_for_the_template() -> None:
    nikas = Who("Luke Nikas")
    label = attribution(nikas, kind="Statement", via=RADAR)
    assert label.parts == (Kind("Statement"), " · ", nikas, ", as reported by ", RADAR)
    assert label.note is None


def test_no_label_has_stray_punctuation_or_a_capital_after_a_comma() -> None:
    people = [Who("Joel Cano"), UNNAMED]  # a name ending in "Inc." is tested above
    contexts = [None, "From a press release.", "speaking to reporters", "In the first trailer for The Baldwins.", "Asked why?"]
    described = [None, "Dana Pike's lawyers"]
    for by, kind, via, context, date, described_as in itertools.product(people, [None, "Statement"], [None, RADAR], contexts,
                                                                         [None, "4 March 2025"], described):
        text = attribution(by, kind=kind, via=via, context=context, date=date, described_as=described_as).text()
        # no ". ,", ". ·", "..", "?,"; no capital after a comma; no doubled space
        assert not re.search(r"\. ?[,.·]|[!?] ?[,.]|, [A-Z]|\s{2}", text), text


@pytest.mark.parametrize(
    ("cited", "anonymous", "label", "counts"),
    [
        ([Src("a", "Wire")], False, "Source", {"sources": 1, "publishers": 1, "passages": 1}),
        ([Src("a", "Wire")] * 4, False, "Reported by 1 source (4 passages)", {"sources": 1, "publishers": 1, "passages": 4}),
        ([Src("a", "Wire"), Src("b", "Paper")], False, "Reported by 2 sources", {"sources": 2, "publishers": 2, "passages": 2}),
        ([Src("dh", "Deccan Herald")] * 4 + [Src("kqed", "KQED (NPR)")], False, "Reported by 2 sources (5 passages)",
         {"sources": 2, "publishers": 2, "passages": 5}),
        ([Src("r1", "RadarOnline"), Src("r2", "RadarOnline")], False, "Reported by 2 sources from 1 publisher",
         {"sources": 2, "publishers": 1, "passages": 2}),
        ([Src("w", "TheWrap"), Src("r1", "RadarOnline"), Src("r2", " radaronline ")], False,
         "Reported by 3 sources from 2 publishers", {"sources": 3, "publishers": 2, "passages": 3}),
        # an unnamed source is counted by the outlets that carry it
        ([Src("r1", "RadarOnline"), Src("r1", "RadarOnline"), Src("r2", "RadarOnline")], True,
         "Reported by 1 publisher (2 sources, 3 passages)", {"sources": 2, "publishers": 1, "passages": 3}),
        ([Src("r1", "RadarOnline"), Src("r2", "RadarOnline")], True, "Reported by 1 publisher (2 sources)",
         {"sources": 2, "publishers": 1, "passages": 2}),
        ([Src("r1", "RadarOnline")] * 3, True, "Reported by 1 publisher (3 passages)", {"sources": 1, "publishers": 1, "passages": 3}),
        ([Src("r1", "RadarOnline"), Src("p", "Page Six")], True, "Reported by 2 publishers", {"sources": 2, "publishers": 2, "passages": 2}),
        ([Src("r1", "RadarOnline")], True, "Source", {"sources": 1, "publishers": 1, "passages": 1}),
    ],
)
def test_corroboration(cited: list[Src], anonymous: bool, label: str, counts: dict[str, int]) -> None:
    found = corroboration(cited, anonymous)
    assert found.label() == label
    assert found.as_json() == counts
