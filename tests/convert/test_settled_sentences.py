"""Items an editor has decided on are found again by the sentences they cite; outlets are not people.

A reviewed (or rejected) item that cites a sentence, or a passage holding it, is what the converter's draft of
the same kind from that sentence would be, whatever the editor did to its date, title or words: the draft is
"already there". The article is the invented Harborview wire story of ``cases/harborview``.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from site_builder.convert import convert

from .conftest import CASES, items, load, problems

HARBOR = CASES / "harborview"
ARTICLE = HARBOR / "articles" / "01-wire-search.txt"

SOURCES = """\
sources:
  - id: ap-search
    title: Agents search councilmember's office
    publisher: Associated Press
    published: 2023-03-15
    file: ../articles/01-wire-search.txt
    kind: news
    reliability: Wire report.
    review: reviewed
"""

PEOPLE = "people:\n" + "".join(f"""\
  - id: {pid}
    name: {name}
    role: {role}
    group: {group}
    citations:
      - source: ap-search
        quote: {quote}
    review: reviewed
""" for pid, name, role, group, quote in [
    ("dana-whitcombe", "Dana Whitcombe", "Harborview councilmember", "officials", "Whitcombe, 54, who has represented the waterfront district since 2015, has not been charged with any crime."),
    ("tomas-reyes", "Tomas Reyes", "FBI spokesperson", "officials", "He declined to answer further questions."),
    ("priya-natarajan", "Priya Natarajan", "Whitcombe's lawyer", "legal", "He declined to answer further questions."),
    ("marcus-ellery", "Marcus Ellery", "Developer", "other", "The developer's founder, Marcus Ellery, did not respond to a request for comment."),
    ("lena-ortiz", "Lena Ortiz", "Mayor", "officials", "He declined to answer further questions."),
])

# Written by an editor from the article: dates, titles and quoted words are the editor's own, not the converter's.
ENTRY = """\
title: The FBI investigation
status: ongoing
summary: Federal agents searched a councilmember's office.
events:
  - id: office-searched
    date: 2023-03
    title: First raid in the corruption inquiry
    citations:
      - source: ap-search
        quote: HARBORVIEW (AP) — Federal agents on Tuesday searched the City Hall office of Harborview Councilmember Dana Whitcombe as part of a corruption investigation, a spokesperson for the FBI said.
    review: reviewed
  - id: warrant-made-public
    date: 2023-03-15
    title: The search warrant is made public
    citations:
      - source: ap-search
        quote: >-
          Agents carried out boxes of documents and two computers from
          Whitcombe's office on the third floor, according to a search warrant
          made public Wednesday. The warrant says investigators are looking
          into payments from Ellery Development Group, a company that sought
          the council's approval for the Pier 9 rezoning in 2022.
    review: reviewed
  - id: whitcombe-in-office
    date: 2015
    title: Whitcombe first represents the waterfront district
    citations:
      - source: ap-search
        quote: Whitcombe, 54, who has represented the waterfront district since 2015, has not been charged with any crime.
    review: rejected
claims: []
quotes:
  - id: ortiz-cooperate
    speaker: lena-ortiz
    text: cooperate with federal authorities
    citations:
      - source: ap-search
        quote: Mayor Lena Ortiz said in a statement that the city would "cooperate with federal authorities in every way."
    review: reviewed
"""


def _project(tmp: Path, entry: str = ENTRY, more: str = "") -> tuple[Path, Path]:
    """A project whose content an editor wrote from the article (plus the paragraph ``more``)."""
    content, articles = tmp / "content", tmp / "articles"
    (content / "entries").mkdir(parents=True)
    articles.mkdir()
    shutil.copy(HARBOR / "case.yaml", content / "case.yaml")
    (articles / ARTICLE.name).write_text(ARTICLE.read_text(encoding="utf-8") + more, encoding="utf-8")
    (content / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (content / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (content / "entries" / "investigation.yaml").write_text(entry, encoding="utf-8")
    for topic, title in (("indictment", "Indictment and charges"), ("trial", "The trial and verdict"), ("recall", "Recall and resignation")):
        (content / "entries" / f"{topic}.yaml").write_text(f"title: {title}\nstatus: draft\nsummary: Nothing yet.\nevents: []\nclaims: []\nquotes: []\n",
                                                           encoding="utf-8")
    assert problems(content) == []
    return content, articles


def test_a_decided_item_citing_a_sentence_absorbs_the_drafts_of_that_sentence(tmp_path: Path) -> None:
    """Events with another date (2023-03 for "Tuesday"), a passage of two sentences, a rejected event, a quote
    whose words the editor shortened: none comes back as a draft."""
    content, articles = _project(tmp_path)
    before = load(content)
    report = convert([articles], content)
    assert report.errors == []
    after = load(content)
    assert items(after, "events") == items(before, "events")
    assert report.added.get("events", 0) == 0
    # the quotes the editor did not take are still proposed (the FBI's and the lawyer's)
    assert sorted(q["speaker"] for _, q in items(after, "quotes") if q["review"] == "draft") == ["priya-natarajan", "tomas-reyes"]
    taken = report.sources[0]
    assert taken.ids["events"] == ["office-searched", "warrant-made-public", "whitcombe-in-office"]
    assert taken.new["events"] == []
    assert "ortiz-cooperate" in taken.ids["quotes"] and "ortiz-cooperate" not in taken.new["quotes"]
    assert convert([articles], content).files == []


def test_a_draft_citing_a_sentence_does_not_absorb_another_draft_of_it(tmp_path: Path) -> None:
    """Only decided items stand for their sentence: an undecided draft with another date is another event."""
    content, articles = _project(tmp_path, ENTRY.replace("date: 2023-03\n", "date: 2023-02\n").replace(
        "    review: reviewed\n  - id: warrant-made-public", "    review: draft\n  - id: warrant-made-public"))
    report = convert([articles], content)
    assert report.errors == []
    first = "HARBORVIEW (AP) — Federal agents on Tuesday searched"
    from_first = [e for _, e in items(load(content), "events") if e["citations"][0]["quote"].startswith(first)]
    # the editor's draft, and the converter's: "on Tuesday" in an article of Wednesday 15 March 2023
    assert [(e["review"], str(e["date"])) for e in from_first] == [("draft", "2023-02"), ("draft", "2023-03-14")]
    assert from_first[0]["id"] == "office-searched"


def test_a_quote_citing_the_sentence_of_another_quote_is_not_that_quote(tmp_path: Path) -> None:
    """One sentence may hold two quotes: a reviewed quote stands only for its own words (or a part of them)."""
    sentence = 'Natarajan said her client "will answer every question" and "expects to be cleared of any wrongdoing."'
    quote = ("  - id: natarajan-every-question\n    speaker: priya-natarajan\n    text: will answer every question\n"
             f"    citations:\n      - source: ap-search\n        quote: '{sentence}'\n    review: reviewed\n")
    content, articles = _project(tmp_path, ENTRY + quote, more=f"\n{sentence}\n")
    report = convert([articles], content)
    assert report.errors == []
    natarajan = [(q["text"], q["review"]) for _, q in items(load(content), "quotes") if q["citations"][0]["quote"] == sentence]
    assert natarajan == [("will answer every question", "reviewed"), ("expects to be cleared of any wrongdoing.", "draft")]


# ── outlets ─────────────────────────────────────────────────────────────

NARRATED = """\
 date 2024-05-02 Council votes to censure Whitcombe

The Harborview council voted 7-2 on Wednesday to censure Councilmember Dana Whitcombe over the bribery case.

The censure has no legal force, and it does not change the bribery charges Whitcombe faces in federal court.

The council's next regular meeting on the bribery case is set for June 5.
"""


def _narrated(tmp: Path, listed: bool) -> tuple[Path, Path]:
    content, articles = tmp / "content", tmp / "articles"
    content.mkdir(parents=True)
    articles.mkdir()
    shutil.copy(HARBOR / "case.yaml", content / "case.yaml")
    (articles / "censure.txt").write_text(NARRATED, encoding="utf-8")
    (articles / "README.md").write_text("| file | publisher |\n|---|---|\n| censure.txt | Harborview Beacon (Metro Wire) |\n",
                                        encoding="utf-8")
    if listed:
        (content / "people.yaml").write_text(textwrap.dedent("""\
            people:
              - id: metro-wire
                name: Metro Wire
                kind: organization
                role: News agency
                group: media
                citations:
                  - source: elsewhere
                    quote: Metro Wire reported it.
                review: reviewed
            """), encoding="utf-8")
    return content, articles


def test_an_unlisted_outlet_is_not_proposed_and_its_own_voice_is_reported(tmp_path: Path) -> None:
    content, articles = _narrated(tmp_path, listed=False)
    report = convert([articles], content)
    assert report.errors == []
    data = load(content)
    assert [p["name"] for p in data["people"]] == ["Dana Whitcombe"]  # the only person the article names; no outlet
    assert [c for _, c in items(data, "claims")] == []
    assert report.outlet_voice == {"censure.txt": 1}
    assert ("claims in an outlet's own voice left out: the outlet is not in people.yaml (list it there, as an organisation, "
            "to have them drafted as its claims):\n  censure.txt: 1 (Harborview Beacon (Metro Wire))") in report.to_text()


def test_a_listed_outlet_is_given_its_own_voice(tmp_path: Path) -> None:
    content, articles = _narrated(tmp_path, listed=True)
    report = convert([articles], content)
    assert report.errors == []
    claims = [c for _, c in items(load(content), "claims")]
    assert [(c["attributed_to"], c["kind"]) for c in claims] == [("metro-wire", "fact")]
    assert claims[0]["text"].startswith("The censure has no legal force")
    assert report.outlet_voice == {}
