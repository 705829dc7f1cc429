"""Stage 5, merge and write: idempotent, reviewed items and comments untouched, dry runs write nothing."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from site_builder.convert import convert
from site_builder.convert.merge import SECTIONS

from .conftest import CASES, ROOT, items, load, make_project, problems

HARBOR = CASES / "harborview"


def snapshot(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*.yaml"))}


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    first = convert([articles], content)
    assert first.files and not first.errors
    before = snapshot(content)
    second = convert([articles], content)
    assert second.files == []
    assert second.added == {}
    assert snapshot(content) == before


def test_ids_are_stable_across_fresh_runs(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        content, articles = make_project(tmp_path / name, HARBOR / "case.yaml", HARBOR / "articles")
        convert([articles], content)
        outputs.append(snapshot(content))
    assert outputs[0] == outputs[1]


def test_dry_run_writes_nothing_and_shows_the_change(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    report = convert([articles], content, dry_run=True)
    assert sorted(p.name for p in content.rglob("*")) == ["case.yaml"]
    assert report.dry_run and len(report.files) == 7  # six content files and the ledger
    assert report.files[-1].endswith("convert-ledger.txt")
    assert "+++ b/content/people.yaml" in report.diff and "dana-whitcombe" in report.diff


def test_reviewed_items_hand_edits_and_comments_survive(tmp_path: Path) -> None:
    articles_all = sorted((HARBOR / "articles").iterdir())
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", [p for p in articles_all if not p.name.startswith("05")])
    convert([articles], content)
    trial = content / "entries" / "trial.yaml"
    text = trial.read_text(encoding="utf-8")
    # An editor reviews the verdict event, rewrites its title and adds comments.
    verdict_id = next(i["id"] for _, i in items(load(content), "events") if i.get("date") == "2024-11-20")
    block = re.search(rf"(?ms)^  - id: {verdict_id}\n.*?(?=^  - id: |^\w|\Z)", text)
    assert block is not None
    edited = re.sub(r"(?m)^    title: .*$", "    title: Jury finds Whitcombe guilty of bribery  # shortened by the editor", block.group(0))
    edited = edited.replace("    review: draft", "    review: reviewed")
    text = "# Trial strand: checked against the court docket.\n" + text.replace(block.group(0), edited)
    trial.write_text(text, encoding="utf-8")
    # A reviewed item may cite only reviewed sources: the editor reviews the article too.
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("    review: draft", "    review: reviewed"), encoding="utf-8")
    # ... and the people, whom the reviewed verdict names (a shown item may name only shown people).
    people = content / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("    review: draft", "    review: reviewed"), encoding="utf-8")
    # A later article reports the same verdict; the converter must leave the reviewed item alone.
    shutil.copy(HARBOR / "articles" / "05-wire-resignation.txt", articles / "05-wire-resignation.txt")
    report = convert([articles], content)
    after = trial.read_text(encoding="utf-8")
    assert after.startswith("# Trial strand: checked against the court docket.\n")
    assert edited in after
    assert report.added.get("sources") == 1
    assert problems(content) == []


def test_reference_content_is_preserved_when_converting_into_it(tmp_path: Path) -> None:
    reference = ROOT / "content"
    project = tmp_path / "project"
    shutil.copytree(reference, project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    before = snapshot(project / "content")
    report = convert([project / "seeds"], project / "content")
    assert not report.errors
    after = snapshot(project / "content")
    for name, old in before.items():
        new = after[name]
        assert new.startswith(old.rstrip(b"\n")) or _only_appended(old, new), name
    # no article becomes a second source: every seed is already listed
    assert report.added.get("sources", 0) == 0


def _only_appended(old: bytes, new: bytes) -> bool:
    """Every original line is still there, in order (new items are only inserted into lists)."""
    it = iter(new.splitlines())
    return all(any(line == other for other in it) for line in old.splitlines())


def test_written_files_are_readable_like_any_other(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    convert([articles], content)
    for path in content.rglob("*.yaml"):
        assert path.stat().st_mode & 0o044 == (content / "case.yaml").stat().st_mode & 0o044, path


def test_new_files_are_written_in_the_layout_ruamel_keeps() -> None:
    import io

    import yaml

    from site_builder.convert.docs import _yaml, fast_dump

    tricky = ["plain text", "2021-10-21", "2021", "yes", "a: b", "x #y", "- dash", "'quoted'", 'He said "hi"', "It's",
              "trailing ", "ends:", "Baldwin’s attorney", "“cold gun!”", "null", "1.5", "#tag", "@at", "a\tb", "", "[x]",
              "~", "0x1F", "12:30", "café"]
    data = {"people": [{"id": "x", "name": t, "aliases": [t, "b"]} for t in tricky], "events": [], "summary": "ok"}
    text = fast_dump(data)
    assert yaml.safe_load(text) == data
    out = io.StringIO()
    _yaml().dump(_yaml().load(text), out)
    assert out.getvalue() == text  # a later merge re-dumps it unchanged


def test_a_rejected_draft_is_kept_and_never_proposed_again(tmp_path: Path) -> None:
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    convert([articles], content)
    path, text = next((p, p.read_text(encoding="utf-8")) for p in sorted((content / "entries").glob("*.yaml")) if "claims:\n  - id:" in p.read_text(encoding="utf-8"))
    claim_id = re.search(r"(?m)^claims:\n  - id: (\S+)", text).group(1)  # type: ignore[union-attr]
    block = re.search(rf"(?ms)^  - id: {claim_id}\n.*?(?=^  - id: |^\w|\Z)", text)
    assert block is not None and "    review: draft" in block.group(0)
    path.write_text(text.replace(block.group(0), block.group(0).replace("    review: draft", "    review: rejected")), encoding="utf-8")
    before = snapshot(content)
    again = convert([articles], content)
    assert snapshot(content) == before  # not re-added, not changed
    assert again.added == {}
    assert [i["id"] for _, i in items(load(content), "claims")].count(claim_id) == 1


LEDGER = "convert-ledger.txt"


def _edit(content: Path, item_id: str, *changes: tuple[str, str], delete: bool = False) -> str:
    """Edit (or delete) one item's block by hand, as an editor would; returns the edited block."""
    for path in sorted((content / "entries").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        block = re.search(rf"(?ms)^  - id: {re.escape(item_id)}\n.*?(?=^  - id: |^\w|\Z)", text)
        if block is None:
            continue
        edited = "" if delete else block.group(0)
        for old, new in changes:
            assert old in edited, (item_id, old)
            edited = edited.replace(old, new)
        path.write_text(text.replace(block.group(0), edited), encoding="utf-8")
        return edited
    raise AssertionError(f"no item {item_id}")


def _ids(content: Path, section: str) -> list[str]:
    return [i["id"] for _, i in items(load(content), section)]


@pytest.mark.parametrize("ledger", ["kept", "deleted"])
def test_hand_edited_drafts_are_not_proposed_again(tmp_path: Path, ledger: str) -> None:
    """Identity survives hand edits even without the ledger: by id (with a -N suffix), or by a fuzzy match of the sentence."""
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", HARBOR / "articles")
    convert([articles], content)
    edits = [
        # a rewritten title, and the citation trimmed to a short part of the sentence (found by its id)
        _edit(content, "federal-jury-found-harborview-councilmember-dana",
              ("    title: A federal jury on Wednesday found", "    title: Jury finds Whitcombe guilty  # was: A federal jury on Wednesday found"),
              ("        quote: A federal jury on Wednesday found Harborview Councilmember Dana Whitcombe guilty on three counts of bribery, "
               "ending a two-week trial that featured testimony from the developer who paid her.",
               "        quote: found Harborview Councilmember Dana Whitcombe guilty on three counts of bribery")),
        # a corrected date
        _edit(content, "trial-set", ("    date: 2024-10\n", "    date: 2024-10-07\n")),
        # a renamed id, shortened text and a trimmed citation (found by the fuzzy match of the sentence)
        _edit(content, "marcus-ellery-marcus-ellery-who-pleaded-guilty-may-testified-he",
              ("  - id: marcus-ellery-marcus-ellery-who-pleaded-guilty-may-testified-he", "  - id: ellery-testified"),
              ("    text: Marcus Ellery, who pleaded guilty in May, testified that he paid Whitcombe to secure her vote.",
               "    text: Ellery testified that he paid Whitcombe for her vote."),
              ("        quote: Marcus Ellery, who pleaded guilty in May, testified", "        quote: testified")),
        # quoted words trimmed (the citation is unchanged; the same sentence holds other quotes and claims)
        _edit(content, "priya-natarajan-we-respect-jurys-work-we-believe-evidence-did-not",
              ("    text: We respect the jury’s work, but we believe", "    text: we believe")),
        # the second of two quotes whose ids differ only by the -2 suffix
        _edit(content, "raymond-okafor-public-office-public-trust-indictment-charges-sold-2",
              ("    text: Public office is a public trust, and this", "    text: this")),
    ]
    assert problems(content) == []
    if ledger == "deleted":
        (content / LEDGER).unlink()
    before = snapshot(content)
    again = convert([articles], content)
    assert again.added == {} and again.citations_added == 0
    assert snapshot(content) == before  # byte for byte: nothing added, nothing rewritten
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((content / "entries").glob("*.yaml")))
    assert all(block in text for block in edits)
    assert again.files == ([] if ledger == "kept" else [str(content / LEDGER)])
    assert convert([articles], content).files == []  # and then stays put


def test_a_deleted_draft_is_not_proposed_again(tmp_path: Path) -> None:
    articles_all = sorted((HARBOR / "articles").iterdir())
    content, articles = make_project(tmp_path, HARBOR / "case.yaml", [p for p in articles_all if not p.name.startswith("05")])
    # the editor lists the tabloid, so that what it says in its own voice is drafted as its claims (one is deleted below)
    (content / "people.yaml").write_text(
        "people:\n  - id: daily-glare\n    name: Daily Glare\n    kind: organization\n    role: Tabloid\n    group: media\n"
        "    citations:\n      - source: daily-glare-2024-06-03\n        quote: Disgraced Harborview politician Dana Whitcombe is facing "
        "a bombshell recall petition as furious voters turn on the councilwoman accused of pocketing a developer's cash, the Daily "
        "Glare can reveal.\n", encoding="utf-8")  # a draft: its source is a draft too
    convert([articles], content)
    assert (content / LEDGER).exists() and problems(content) == []  # build and check ignore the ledger
    deleted = ["dana-whitcombe-represented-waterfront-district", "alleges-ellery-paid-money-through-consulting-firm-2",
               "lena-ortiz-cooperate-federal-authorities-every-way", "daily-glare-organizers-say-they-gathered-more-than-12-000"]
    for item_id in deleted:
        _edit(content, item_id, delete=True)
    before = {**snapshot(content), LEDGER: (content / LEDGER).read_bytes()}
    again = convert([articles], content)
    assert {**snapshot(content), LEDGER: (content / LEDGER).read_bytes()} == before
    assert again.files == [] and again.added == {}
    assert again.withheld == len(deleted)
    assert f"{len(deleted)} drafts proposed before and since deleted were not proposed again" in again.to_text()

    # New material is still proposed: a new article, and a new sentence in a changed article.
    shutil.copy(HARBOR / "articles" / "05-wire-resignation.txt", articles / "05-wire-resignation.txt")
    first = articles / "01-wire-search.txt"
    first.write_text(first.read_text(encoding="utf-8") + '\n"We will answer every question the investigators put to us," Natarajan said.\n',
                     encoding="utf-8")
    more = convert([articles], content)
    assert more.added.get("sources") == 1
    assert more.sources[0].new["quotes"] == ["priya-natarajan-we-will-answer-every-question-investigators-put-us"]
    assert more.sources[-1].new["events"] and more.sources[-1].new["quotes"]  # the new article
    assert more.withheld == len(deleted)
    withheld = [i for s in more.sources for section in SECTIONS for i in s.withheld[section]]
    assert sorted(withheld) == sorted(deleted)  # listed by the ids they were proposed as
    assert not set(deleted) & {i for s in SECTIONS for i in _ids(content, s)}
    assert problems(content) == []

    # Deleting the ledger brings them back.
    (content / LEDGER).unlink()
    back = convert([articles], content)
    assert back.withheld == 0
    assert set(deleted) <= {i for s in SECTIONS for i in _ids(content, s)}
    assert convert([articles], content).files == []


def test_an_edited_citation_is_found_again_but_not_taken_for_another_quote_of_its_sentence() -> None:
    from site_builder.convert.identity import EditedItems
    from site_builder.convert.merge import _norm

    sentence = 'Rios said the investigation "remains active and ongoing" and that "detectives are interviewing witnesses" on Friday.'
    item = {"id": "rios-active", "speaker": "juan-rios", "text": "remains active and ongoing",
            "citations": [{"source": "wire", "quote": 'Rios said the investigation "remains active and ongoing"'}]}  # trimmed by hand
    edited = EditedItems([("quotes", item)], _norm)

    def find(words: str) -> object:
        return edited.find("quotes", "wire", _norm(sentence), "juan-rios-new-id", lambda it, quote: _norm(words) in quote)

    assert find("remains active and ongoing") is item
    assert find("detectives are interviewing witnesses") is None
    assert edited.find("quotes", "other-source", _norm(sentence), "rios-active") is None  # an id only counts within its source
    assert edited.find("quotes", "wire", _norm(sentence), "rios-active") is item


def test_events_are_one_only_if_they_share_more_than_their_month(tmp_path: Path) -> None:
    from site_builder.convert.items import Cite, DraftEvent
    from site_builder.convert.merge import Merger
    from site_builder.convert.topics import TopicDef

    (tmp_path / "case.yaml").write_text("title: t\n", encoding="utf-8")
    merger = Merger(tmp_path, [TopicDef("suit", "Suit", ("lawsuit",))])
    recorded = DraftEvent("suit", "Recorded the March podcast", [Cite("a", "She recorded the March podcast in March 2021.")], date="2021-03")
    released = DraftEvent("suit", "The March podcast was released", [Cite("b", "The March podcast was released on March 11, 2021.")],
                          date="2021-03-11")
    again = DraftEvent("suit", "The March podcast was released to subscribers", [Cite("c", "The March podcast was released to subscribers.")],
                       date="2021-03")
    assert merger.add_event(recorded).how == "new"
    assert merger.add_event(released).how == "new"  # "March" and "podcast" alone do not make the recording its release
    assert merger.add_event(again).how == "cited"  # "released" and "podcast": the same release, reported with less precision
    assert [e["date"] for e in merger.entries["suit"].data["events"]] == ["2021-03", "2021-03-11"]


def test_two_runs_equal_one_when_the_first_lists_the_people_the_second_would_recognise(tmp_path: Path) -> None:
    """The example plus 40 generated articles: a name such as "Greta" or a bare surname finds a person only once
    another article of the run has listed them; the run itself must already recognise it as a second run would."""
    spec = importlib.util.spec_from_file_location("convert_speed", ROOT / "bench" / "convert_speed.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    bench.make_articles(project / "seeds", 40)
    first = convert([project / "seeds"], project / "content")
    assert not first.errors and first.files
    second = convert([project / "seeds"], project / "content", dry_run=True)
    assert second.diff == "" and second.files == [] and second.added == {}


def test_one_happening_is_one_event_across_strands_and_articles(tmp_path: Path) -> None:
    """Reports of one happening join (its action, compatible dates, a shared participant), whatever strand each
    article's sentence fell in; another person's verdict, or another act of the same person, stays apart."""
    from site_builder.convert.items import Cite, DraftEvent
    from site_builder.convert.merge import Merger
    from site_builder.convert.topics import TopicDef

    (tmp_path / "case.yaml").write_text("title: t\n", encoding="utf-8")
    merger = Merger(tmp_path, [TopicDef("trial", "Trial", ("jury",)), TopicDef("appeal", "Appeal", ("appeal",))])

    def event(topic: str, title: str, source: str, date: str, people: list[str]) -> DraftEvent:
        return DraftEvent(topic, title, [Cite(source, f"{title}.")], date=date, people=people)

    verdict = event("trial", "A jury convicted Dana Ortiz of fraud", "a", "2024-05-02", ["dana-ortiz"])
    assert merger.add_event(verdict).how == "new"
    # another article, another strand, month precision, other words for the same verdict
    again = event("appeal", "Ortiz was found guilty before lodging her appeal", "b", "2024-05", ["dana-ortiz"])
    assert merger.add_event(again).how == "cited"
    # a verdict on someone else the same day, and a sentencing of the same person, are other happenings
    assert merger.add_event(event("trial", "A jury convicted Lee Park of fraud", "c", "2024-05-02", ["lee-park"])).how == "new"
    assert merger.add_event(event("trial", "Dana Ortiz was sentenced to two years", "d", "2024-05", ["dana-ortiz"])).how == "new"
    # a death told by its noun and by its verb is one death; a charge "with murder" is not the death
    died = event("trial", "Officer Ray Moss died during a storm", "e", "2022-01", ["ray-moss"])
    assert merger.add_event(died).how == "new"
    assert merger.add_event(event("appeal", "The killing of Ray Moss outside a home", "f", "2022-01-29", ["ray-moss"])).how == "cited"
    assert merger.add_event(event("trial", "Prosecutors charged Kim Lowe with the murder of Ray Moss", "g", "2022-01",
                                  ["kim-lowe", "ray-moss"])).how == "new"
    assert [len(e["citations"]) for e in merger.entries["trial"].data["events"]] == [2, 1, 1, 2, 1]
    assert merger.entries["appeal"].data["events"] == []
    # one day, one act, but "his" may be anyone's: a pronoun with no name is no participant in common
    assert merger.add_event(event("trial", "His arraignment on fraud charges", "h", "2024-06-03", [])).how == "new"
    assert merger.add_event(event("trial", "Lee Park was arraigned in the afternoon", "i", "2024-06-03", ["lee-park"])).how == "new"
    # "their verdict" is the jurors': a plural pronoun names no one else, so the same day's verdict is the one
    assert merger.add_event(event("trial", "A jury convicted Ana Ruiz of perjury", "j", "2024-07-01", ["ana-ruiz"])).how == "new"
    assert merger.add_event(event("appeal", "The jurors took three hours to reach their verdict", "k", "2024-07-01", [])).how == "cited"


def test_event_ids_do_not_embed_dates(tmp_path: Path) -> None:
    """An editor corrects dates; an id made from one would lie afterwards. Ids come from the title's words, with
    the title's own dates left out too; two events of one title differ by a number."""
    from site_builder.convert.items import Cite, DraftEvent
    from site_builder.convert.merge import Merger
    from site_builder.convert.topics import TopicDef

    (tmp_path / "case.yaml").write_text("title: t\n", encoding="utf-8")
    merger = Merger(tmp_path, [TopicDef("suit", "Suit", ("lawsuit",))])
    dated = DraftEvent("suit", "The council settled the lawsuit on Monday, March 4, 2024",
                       [Cite("a", "The council settled the lawsuit on Monday, March 4, 2024.")], date="2024-03-04")
    bounded = DraftEvent("suit", "A judge dismissed the 2019 lawsuit", [Cite("b", "A judge dismissed the 2019 lawsuit.")],
                         not_after="2024-03-08")
    other_day = DraftEvent("suit", "A judge dismissed the 2019 lawsuit", [Cite("c", "In May 2024, a judge dismissed the 2019 lawsuit.")],
                           date="2024-05")  # after the bound of the first dismissal: another one
    assert merger.add_event(dated).id == "council-settled-lawsuit"
    assert merger.add_event(bounded).id == "judge-dismissed-lawsuit"
    assert merger.add_event(other_day).id == "judge-dismissed-lawsuit-2"


def test_one_happening_despite_a_misspelt_name_a_standing_charge_or_an_announcement(tmp_path: Path) -> None:
    """A name misspelt by one letter is the same participant; 'is accused of killing X in May' dates the killing,
    not a charge; an announced session and the report of its act on that day in one strand are one happening."""
    from site_builder.convert.items import Cite, DraftEvent
    from site_builder.convert.merge import Merger
    from site_builder.convert.topics import TopicDef

    (tmp_path / "case.yaml").write_text("title: t\n", encoding="utf-8")
    merger = Merger(tmp_path, [TopicDef("trial", "Trial", ("jury",)), TopicDef("death", "Death", ("died",))])

    def event(topic: str, title: str, source: str, date: str, people: list[str], planned: bool = False) -> DraftEvent:
        return DraftEvent(topic, title, [Cite(source, f"{title}.")], date=date, people=people, planned=planned)

    assert merger.add_event(event("trial", "Corin Ames-Halvorsen was found guilty on Friday", "a", "2025-04-11",
                                  ["corin-ames-halvorsen"])).how == "new"
    # "Ames Halvorson" for "Ames-Halvorsen": one letter apart, the same verdict that month
    assert merger.add_event(event("trial", "Ames Halvorson was convicted in April 2025 on three counts", "b", "2025-04",
                                  ["ames-halvorson"])).how == "cited"
    # a one-letter difference in a short word, or another first name of the family, is someone else
    assert merger.add_event(event("trial", "Dora Pell was convicted in April 2025", "c", "2025-04", ["dora-pell"])).how == "new"
    assert merger.add_event(event("trial", "Dara Pell was found guilty on Friday", "d", "2025-04-11", ["dara-pell"])).how == "new"
    assert merger.add_event(event("trial", "Lena Ames-Halvorsen was found guilty on Friday", "e", "2025-04-11",
                                  ["lena-ames-halvorsen"])).how == "new"
    # "is accused of killing" is a standing charge: the date given is the killing's
    assert merger.add_event(event("death", "Tomas Reyes was found dead near a quarry on May 3", "f", "2023-05-03",
                                  ["tomas-reyes"])).how == "new"
    assert merger.add_event(event("death", "Ivo Lark is accused of killing Tomas Reyes near a quarry in May 2023", "g", "2023-05",
                                  ["ivo-lark", "tomas-reyes"])).how == "cited"
    # nor is an accusation of the killing: "accused X of killing Y in 2023" dates the killing
    assert merger.add_event(event("death", "Police accused Ivo Lark of killing Tomas Reyes in 2023", "m", "2023",
                                  ["ivo-lark", "tomas-reyes"])).how == "cited"
    # "charged in the May 2023 killing": the date written on the killing is the killing's
    assert merger.add_event(event("death", "Ivo Lark has been charged in the May 2023 killing of Tomas Reyes", "n", "2023-05",
                                  ["ivo-lark", "tomas-reyes"])).how == "cited"
    # a charge brought that month is an act of its own
    assert merger.add_event(event("death", "Prosecutors charged Ivo Lark with killing Tomas Reyes in May 2023", "h", "2023-05",
                                  ["ivo-lark", "tomas-reyes"])).how == "new"
    # the sentencing announced for a day, then reported with only a pronoun for whose it was
    assert merger.add_event(event("trial", "Court is scheduled to reconvene for Abel Stroud's sentencing on Tuesday", "i",
                                  "2025-06-03", ["abel-stroud"], planned=True)).how == "new"
    assert merger.add_event(event("trial", "He was sentenced to life in prison on June 3, 2025", "j", "2025-06-03", [])).how == "cited"
    assert "planned" not in merger.entries["trial"].data["events"][-1]  # held as announced: no longer only scheduled
    # without an announcement, a pronoun is still no participant in common
    assert merger.add_event(event("trial", "Nia Holt was sentenced to a year on July 9", "k", "2025-07-09", ["nia-holt"])).how == "new"
    assert merger.add_event(event("trial", "She was sentenced to probation on July 9, 2025", "l", "2025-07-09", [])).how == "new"


def test_two_dates_of_one_sentence_are_two_events(tmp_path: Path) -> None:
    """"… was sentenced Monday after pleading guilty to charges from her arrest earlier this year": the sentence
    tells two acts at two dates; however many words their titles share, they are never merged into one."""
    from site_builder.convert.items import Cite, DraftEvent
    from site_builder.convert.merge import Merger
    from site_builder.convert.topics import TopicDef

    (tmp_path / "case.yaml").write_text("title: t\n", encoding="utf-8")
    merger = Merger(tmp_path, [TopicDef("court", "Court", ("charges",))])
    sentence = [Cite("a", "The former clerk Ana Roy was sentenced Monday after pleading guilty to charges from her arrest earlier this year.")]
    sentenced = DraftEvent("court", "The former clerk Ana Roy was sentenced Monday after pleading guilty to charges from her arrest",
                           sentence, date="2025-12-08", people=["ana-roy"])
    arrested = DraftEvent("court", "Ana Roy pleading guilty to charges from her arrest earlier this year", sentence, date="2025",
                          people=["ana-roy"])
    assert merger.add_event(sentenced).how == "new"
    assert merger.add_event(arrested).how == "new"
    # the same act reported again in another sentence, less precisely, is still one event
    again = DraftEvent("court", "Ana Roy was sentenced after pleading guilty to charges", [Cite("b", "Ana Roy was sentenced in December.")],
                       date="2025-12", people=["ana-roy"])
    assert merger.add_event(again).how == "cited"
