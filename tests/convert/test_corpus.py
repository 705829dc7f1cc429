"""The converter on real articles (tests/convert/corpus/, seven cases): the figures may not slip back.

Scored in-process by bench/corpus_score.py with the reference scorer's definitions (it gives the reference's
figures to the hundredth on the shared corpus: `python bench/corpus_score.py --compare`). Each floor sits
just under the figure achieved when it was last raised; raise it when the converter improves. The issue's
targets (issue #11) are far above several of these floors: the floors stop regressions, they are not the goal.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import HERE, ROOT

CORPUS = HERE / "corpus"

# Achieved on 2026-12-06 (all 41 articles), after issue #11 item 1: people R 0.82 P 0.87; dated events R 0.90 P 0.87;
# quotes found 0.89, speaker accuracy 0.76, end-to-end 0.68; topics F1 0.86; case mode: happenings 0.89, 1.25 events
# per happening, 0 wrong merges. A quotation whose speaker the converter cannot tell is kept as a draft with the
# speaker "unknown" (found, speaker wrong: the scorer's honest count), so end-to-end is guarded too.
# After issue #11 item 2 (names: surnames that are heading or place words, generational suffixes, titled first names
# that begin places, nicknames, research firms, titles with an "in"/"for" phrase, quoted titles of works, surnames
# that are common words, plural titles, ages before kin nouns): people R 0.94 P 0.964.
# After issue #11 item 3 (events): dated events R 0.94 P 0.93; case mode happenings 0.94, 1.15 events per happening,
# 0 wrong merges.
# After issue #11 item 1, continued (a swallowed tag splits its quotation; an unnamed foreperson keeps his "he" and
# his "…, and said"; "tried to argue" reports; "they" after "other jurors"; "he" after "a federal judge" is that judge;
# a statement printed without quotation marks after "X released this statement:"): quotes found 0.91, speaker
# accuracy 0.82, end-to-end 0.74 (the combined figures are in docs/quality.md).
# After issue #11 item 3, round 2 (a name misspelt by a letter is the same participant; "is accused of killing X
# in 2022" and "charged in the January 2022 death" date the death; a held act joins its announcement of that day;
# the outlet's own attempts to reach someone date nothing): 1.10 events per happening, 0 wrong merges.
# After issue #11 item 1, round 3 (an acronym's organisation keeps the full name the article writes; "accused by X of
# “…”", "called for", "ordered her to “…”"; "the district attorney", "the new CEO" as the one holder of the office):
# quotes found 0.93, speaker accuracy 0.85, end-to-end 0.80.
# After issue #11 item 1, round 4 (a speaker naming no individual — "Depp's representatives", "her legal team",
# prosecutors of no office the article names — is an unnamed source with its description; "prosecutors" is the one
# prosecuting office the article names anywhere): speaker accuracy 0.902 (111/123), end-to-end 0.841.
# After issue #11 item 6 (the article's main strand is a prior: one word of another strand, or a tie, leaves an item in
# the main strand; the headline and first sentence weigh more in choosing it; a name is one word): topics F1 0.95.
# After issue #11 item 3, round 3 ("six months ago" is a round count, no date; "the next day" after an announced date
# is no date; "the 2018 piece" after the article dated it is the same thing; a clause opening with "he" keeps it):
# dated events R 0.94 P 0.966.
# After issue #11 item 2, round 2 (a bare surname is the one principal of that name case.yaml's summary names in
# full; one person written two ways is one full name for the run's hints): people R 0.967 P 0.965.
# After issue #11 item 3, round 4 (two dates of one sentence are two events, never merged by shared words; a name
# modifying a noun is no clause's subject): dated events R 0.954; case mode happenings 0.953, 1.099 per happening.
# After issue #11 item 3, round 5 ("this week" in a clause telling an act done is earlier this week; a clause after
# "but" keeps its own subject): dated events R 0.963 P 0.966; happenings 0.965, 1.098 per happening.
# After issue #11 item 3, round 6 (a cut-off last sentence dates a clause whole before the cut; a short quotation the
# date's clause runs into stays in its title): dated events R 0.972 P 0.967; happenings 0.988, 1.095 per happening.
# After issue #11 item 2, round 3 (a bare first name is the one principal of that name whose family the article names;
# a first name with a family role is named from the role before any hint): people R 0.974 P 0.965.
# After issue #11 item 2, round 4 (children listed after a dash take the family name of the relative named before
# them): people R 0.987 P 0.966.
# After issue #11 items 2 and 3, round 5 (a principal whom the name finder missed - "Becky Hill", a place word ending
# the name, "Hill said" - is found by name; an act told again less precisely naming nobody is no second event):
# people R 0.993 P 0.966; dated events R 0.981 P 0.975; happenings 0.988, 1.095 per happening.
# After the truthful-attribution round (passive reporting verbs speak for nobody; "the defendant" named only by a
# description takes the participant named before): 1.083 events per happening, every floor figure unchanged.
# After issue #11 strands round 2 (an opening "After …," clause and the source an "according to" or a '"…," said X'
# names are no words of what a text tells; an item in one main strand told in LEAD more words of the other goes
# there): topics F1 0.966.
FLOORS = {"people_r": 0.99, "people_p": 0.96, "events_r": 0.98, "events_p": 0.97, "quotes_found": 0.93,
          "speaker_acc": 0.90, "quotes_e2e": 0.84, "topics_f1": 0.96, "hap_r": 0.98}
CEILINGS = {"dup": 1.09, "wrong_merge": 0.0, "fail": 0}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "bench" / "corpus_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, Any], Any]:
    """(tally per case, tally over all cases) of the in-repo copy of the corpus."""
    scorer = _scorer()
    cases = sorted(p for p in CORPUS.iterdir() if (p / "gold").is_dir())
    assert [c.name for c in cases] == ["depp-heard", "ftx-bankman-fried", "karen-read", "murdaugh", "rust",
                                       "theranos-holmes", "weinstein"]
    per_case, total = scorer.score(cases)
    return per_case, total


@pytest.fixture(scope="module")
def figures(scored: tuple[dict[str, Any], Any]) -> dict[str, Any]:
    return dict(scored[1].figures())


def test_the_readme_states_the_figures_per_case(scored: tuple[dict[str, Any], Any]) -> None:
    """The README's table of the drafts' quality is the scorer's, case by case and over all 41 articles (a change to
    the converter that moves a figure must say so in the README: `python bench/corpus_score.py --markdown`)."""
    per_case, total = scored
    expected = _scorer().table({**per_case, "all 41": total})
    readme = (ROOT / "README.md").read_text("utf-8")
    assert expected in readme, "README.md's quality table is stale; paste in:\n" + expected


def test_the_copy_is_the_whole_development_corpus() -> None:
    articles = sorted(CORPUS.glob("*/articles/*.txt"))
    assert len(articles) == 41
    for article in articles:  # every article has its gold, and the gold names its publisher and address
        gold = article.parent.parent / "gold" / f"{article.stem}.yaml"
        text = gold.read_text("utf-8")
        assert "\nurl: http" in text and "\npublisher: " in text, gold


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_does_not_fall_below_its_floor(figures: dict[str, Any], name: str) -> None:
    assert figures[name] >= FLOORS[name], f"{name} fell to {figures[name]:.3f} (floor {FLOORS[name]})"


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_figure_does_not_rise_above_its_ceiling(figures: dict[str, Any], name: str) -> None:
    assert figures[name] <= CEILINGS[name], f"{name} rose to {figures[name]:.3f} (ceiling {CEILINGS[name]})"


def test_scorer_counts_a_known_article_by_hand() -> None:
    """The scorer's definitions on a tiny hand-made case.json: one person of two found, one stray person,
    one dated event right and one wrong, one quote found with the wrong speaker, topics exact."""
    scorer = _scorer()
    gold = {"people": [{"name": "Dana Ruiz"}, {"name": "Sam Ortiz"}, {"name": "Pat Lee", "peripheral": True}],
            "events": [{"date": "2024-03-14"}, {"date": "2024-05"}],
            "quotes": [{"speaker": "Sam Ortiz", "text_start": "I did nothing wrong"}],
            "topics": ["charges"], "topics_mentioned": ["trial"]}
    case = {"people": [{"id": "dana-ruiz", "name": "Dana M. Ruiz"}, {"id": "harbor", "name": "Harbor Times"},
                       {"id": "acme", "name": "Acme", "kind": "organization"}],
            "events": [{"date": "2024-03-14", "topic": "charges"}, {"date": "2024-04", "topic": "charges"}],
            "quotes": [{"speaker": "dana-ruiz", "text": "I did nothing wrong, ever", "topic": "trial"}],
            "claims": []}
    counts = scorer.score_article(case, gold, "t").counts
    assert (counts["pg"], counts["ptp"], counts["pp"], counts["pfp"]) == (2, 1, 2, 1)
    assert (counts["eg"], counts["etp"], counts["ex"], counts["exbad"]) == (2, 1, 2, 1)
    assert (counts["qg"], counts["qm"], counts["qsp"]) == (1, 1, 0)
    assert (counts["tp"], counts["tfn"], counts["tfp"]) == (1, 0, 0)
