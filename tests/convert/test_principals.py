"""The case's principal people: the full names ``case.yaml``'s summary gives them resolve an article's bare surnames."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import yaml

from site_builder.convert import convert

CASE = """title: The Harborview pier case
summary: >-
  In 2023 councilmember Dana Whitcombe was charged with taking payments from
  developer Ivo Marsh; his sister, Lena Marsh, ran the company's books.
jurisdiction: Harborview (fictional)
updated: 2024-11-21
site:
  base_url: https://example.org/pier/
  language: en
topics:
  - id: trial
    title: The trial
    vocabulary: [trial, jury, testified, verdict, juror]
"""


def _people(tmp: Path, article: str, case: str = CASE) -> list[str]:
    """The names of the people converting ``article`` (published 2024-03-08) lists, with ``case`` as case.yaml."""
    content = tmp / "content"
    content.mkdir()
    (content / "case.yaml").write_text(case, encoding="utf-8")
    seeds = tmp / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_text(f" date 2024-03-08 {article}\n", encoding="utf-8")
    with redirect_stdout(io.StringIO()):
        convert([seeds], content)
    listed = yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))["people"]
    return sorted(p["name"] for p in listed if p["kind"] == "person")


def test_a_bare_surname_is_the_one_principal_of_that_name(tmp_path: Path) -> None:
    # "Whitcombe" is never named in full in the article: the summary's Dana Whitcombe is the one of that surname
    assert _people(tmp_path, "Whitcombe testified at the trial on Tuesday. The jury heard from Whitcombe for three hours.") == [
        "Dana Whitcombe"]


def test_a_surname_two_principals_share_names_neither(tmp_path: Path) -> None:
    # Ivo and Lena Marsh: a bare "Marsh" may be either
    assert _people(tmp_path, "Marsh testified at the trial on Tuesday. The jury heard from Marsh for three hours.") == []


def test_a_bare_first_name_is_not_joined_to_a_principal(tmp_path: Path) -> None:
    # "Dana" is someone's first name; a first name alone is never joined to the summary's full name
    assert "Dana Whitcombe" not in _people(tmp_path, "Dana testified at the trial on Tuesday. The jury heard from Dana for three hours.")


def test_a_bare_first_name_is_the_principal_of_that_family_the_article_names(tmp_path: Path) -> None:
    # the article names Ivo Marsh; "Lena" beside him is the summary's Lena Marsh (the one principal of that first
    # name, of a family the article names)
    assert _people(tmp_path, "The bodies of Ivo Marsh and Lena were found at the pier on Tuesday. The jury heard it at the trial.") == [
        "Ivo Marsh", "Lena Marsh"]


def test_a_first_name_with_a_family_role_is_named_from_the_role(tmp_path: Path) -> None:
    # "his sister Lena": named from her role, as the main figure's sister, with "Lena" kept as an alias
    content = tmp_path / "content"
    _people(tmp_path, "Ivo Marsh was convicted at the trial on Tuesday. His sister Lena testified at the trial on Monday.")
    listed = yaml.safe_load((content / "people.yaml").read_text(encoding="utf-8"))["people"]
    lena = next(p for p in listed if p["name"] == "Lena Marsh")
    assert (lena.get("aliases"), lena["role"]) == (["Lena"], "Sister of Ivo Marsh")


def test_a_principal_whose_surname_is_a_place_word_is_still_a_person(tmp_path: Path) -> None:
    """"Nora Hill", a principal, is no hill: named in full or by her surname alone ("Hill said"), she is a person."""
    case = CASE.replace("his sister, Lena Marsh,", "court clerk Nora Hill")
    article = "Nora Hill faced charges at the trial on Tuesday.\n\n“I am sorry,” Hill said to the jury."
    assert _people(tmp_path, article, case) == ["Nora Hill"]
    quotes = yaml.safe_load((tmp_path / "content" / "entries" / "trial.yaml").read_text(encoding="utf-8"))["quotes"]
    assert [q["speaker"] for q in quotes] == ["nora-hill"]
