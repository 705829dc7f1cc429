"""`site-builder init`: a new case folder that builds and checks as it is, never written over anything."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from site_builder.cli import main

from .conftest import ROOT, Result

HARBORVIEW = Path(__file__).resolve().parent / "convert" / "cases" / "harborview"
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def first_line_schema(path: Path) -> Path:
    """The schema file a YAML file's first line points at, resolved from the file's folder."""
    match = MODELINE.match(path.read_text("utf-8"))
    assert match, f"{path} does not start with a schema modeline"
    return (path.parent / match.group(1)).resolve()


def test_init_makes_a_case_folder_that_builds_and_checks(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "harbor"
    result: Result = run("init", case, "--title", "The Harbor Case: the appeal", "--topics", "charges,civil-suits")
    assert (result.code, result.err) == (0, "")
    assert files_in(case) == {
        ".gitignore", "seeds/README.md",
        "content/case.yaml", "content/people.yaml", "content/sources.yaml", "content/key-points.yaml",
        "content/entries/charges.yaml", "content/entries/civil-suits.yaml",
        "schemas/case.schema.json", "schemas/entry.schema.json", "schemas/people.schema.json", "schemas/sources.schema.json",
        "schemas/key-points.schema.json",
    }
    data = yaml.safe_load((case / "content" / "case.yaml").read_text("utf-8"))
    assert data["title"] == "The Harbor Case: the appeal"  # the ': ' stays in the title
    assert [(t["id"], t["title"], t["vocabulary"]) for t in data["topics"]] == [
        ("charges", "Charges", ["charges"]), ("civil-suits", "Civil suits", ["civil suits"])]
    assert yaml.safe_load((case / "content" / "entries" / "civil-suits.yaml").read_text("utf-8")) == {
        "title": "Civil suits", "status": "ongoing", "summary": "No summary yet.", "events": [], "claims": [], "quotes": []}
    assert "\ndist/\n" in (case / ".gitignore").read_text("utf-8") and "\n.site-builder-cache/\n" in (case / ".gitignore").read_text("utf-8")
    for name in ("case", "entry", "people", "sources"):  # the schemas `site-builder schema` writes
        assert (case / "schemas" / f"{name}.schema.json").read_bytes() == (ROOT / "schemas" / f"{name}.schema.json").read_bytes()

    built = run("build", "--content", case / "content", "--out", case / "dist")
    assert built.code == 0, built.err
    assert (case / "dist" / "topics" / "civil-suits" / "index.html").is_file()
    checked = run("check", "--content", case / "content")
    assert (checked.code, checked.out) == (0, "no problems found\n")


def test_ids_and_titles_that_yaml_would_misread_stay_text(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    # unquoted, YAML reads 2024 as a number and no/on as booleans; '#' would start a comment
    assert run("init", tmp_path, "--title", "No #1", "--topics", "2024,no,on").code == 0
    data = yaml.safe_load((tmp_path / "content" / "case.yaml").read_text("utf-8"))
    assert data["title"] == "No #1"
    assert [(t["id"], t["title"], t["vocabulary"]) for t in data["topics"]] == [
        ("2024", "2024", ["2024"]), ("no", "No", ["no"]), ("on", "On", ["on"])]
    assert run("build", "--content", tmp_path / "content", "--out", tmp_path / "dist").code == 0


def test_every_yaml_file_points_at_its_schema(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("init", tmp_path, "--topics", "charges").code == 0
    content = tmp_path / "content"
    expected = {"case.yaml": "case", "people.yaml": "people", "sources.yaml": "sources", "entries/charges.yaml": "entry"}
    for name, kind in expected.items():
        schema = first_line_schema(content / name)
        assert schema == (tmp_path / "schemas" / f"{kind}.schema.json").resolve() and schema.is_file(), name
    assert (content / "entries" / "charges.yaml").read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/entry.schema.json\n")


def test_every_field_of_case_yaml_is_explained(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("init", tmp_path).code == 0
    lines = (tmp_path / "content" / "case.yaml").read_text("utf-8").split("\n")
    for key in ("title", "summary", "jurisdiction", "updated", "site", "base_url", "language", "anonymous_sources",
                "topics", "loaded_words", "corrections"):  # corrections is optional: there, but commented out
        at = next(i for i, line in enumerate(lines) if re.match(rf"\s*(# )?{key}:", line))
        assert lines[at - 1].strip().startswith("# "), f"no comment right above {key!r}"


def test_default_is_one_strand_in_this_folder_and_the_next_steps(tmp_path: Path, run,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.code == 0
    data = yaml.safe_load((tmp_path / "content" / "case.yaml").read_text("utf-8"))
    assert data["title"] == "Untitled case"
    assert [(t["id"], t["title"]) for t in data["topics"]] == [("main", "The case")]
    assert "court" in data["topics"][0]["vocabulary"]
    assert (tmp_path / "content" / "entries" / "main.yaml").is_file()
    assert result.out == (
        "made a new case in this folder:\n"
        "  content/case.yaml       the case, its options and strands: every field explained in its comments\n"
        "  content/people.yaml     who's who, and content/sources.yaml, the articles: convert fills both\n"
        "  content/entries/        one file per strand: main.yaml\n"
        "  schemas/                the JSON Schemas editors use to check the YAML as you type\n"
        "  seeds/README.md         the article formats convert reads\n"
        "  .gitignore              keeps dist/ and the build cache out of version control\n"
        "next steps:\n"
        "  1. edit content/case.yaml: title, summary, jurisdiction, base_url, and the words (vocabulary) of each strand\n"
        "  2. put the articles into seeds/ (.txt, .md or .html; see seeds/README.md)\n"
        "  3. site-builder convert      drafts from the articles, each citing its sentence, into content/\n"
        "  4. site-builder serve        preview with drafts; accept or reject each at /_review/ in the browser\n"
        "  5. site-builder build        the site into dist/, reviewed items only; copy dist/ to any web host\n"
    )


def test_next_steps_start_with_cd_into_a_new_folder(tmp_path: Path, run,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = run("init", "my-case").out
    assert "made a new case in my-case:\n" in out and "\n  1. cd my-case\n  2. edit content/case.yaml" in out


def test_an_empty_existing_folder_is_fine(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "case").mkdir()
    assert run("init", tmp_path / "case").code == 0
    assert (tmp_path / "case" / "content" / "case.yaml").is_file()


def test_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "case.yaml").write_text("title: mine\n")
    (tmp_path / ".gitignore").write_text("secrets/\n")
    (tmp_path / "notes.txt").write_text("keep me\n")
    result = run("init", tmp_path)
    assert (result.code, result.out) == (1, "")
    assert result.err == f"error: refusing to overwrite in '{tmp_path}': '.gitignore', 'content/case.yaml' already exist; nothing was written\n"
    assert files_in(tmp_path) == {"content/case.yaml", ".gitignore", "notes.txt"}
    assert (tmp_path / "content" / "case.yaml").read_text() == "title: mine\n"
    assert (tmp_path / ".gitignore").read_text() == "secrets/\n"


def test_refuses_a_second_init(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    assert run("init", tmp_path, "--topics", "a,b").code == 0
    before = {name: (tmp_path / name).read_bytes() for name in files_in(tmp_path)}
    result = run("init", tmp_path, "--topics", "a,b")
    assert result.code == 1
    assert result.err == (f"error: refusing to overwrite in '{tmp_path}': '.gitignore', 'content/case.yaml', "
                          "'content/entries/a.yaml' and 10 more already exist; nothing was written\n")
    assert {name: (tmp_path / name).read_bytes() for name in files_in(tmp_path)} == before


def test_refuses_to_write_through_a_symbolic_link(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "seeds").symlink_to(elsewhere)
    result = run("init", tmp_path / "case")
    assert result.code == 1
    assert result.err == f"error: refusing to write into '{tmp_path}/case/seeds': it is a symbolic link; nothing was written\n"
    assert list(elsewhere.iterdir()) == [] and files_in(tmp_path / "case") == set()


@pytest.mark.parametrize("topics,problem", [
    ("charges,Civil Suits", "'Civil Suits' is not a valid id: use a-z, 0-9 and single hyphens, e.g. civil-suits"),
    ("charges,,trial", "'' is not a valid id: use a-z, 0-9 and single hyphens, e.g. civil-suits"),
    ("trial--1", "'trial--1' is not a valid id: use a-z, 0-9 and single hyphens, e.g. civil-suits"),
    ("trial,charges,trial", "'trial' is given twice"),
])
def test_an_invalid_topic_id_is_a_usage_error(topics: str, problem: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["init", str(tmp_path / "case"), "--topics", topics])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith("usage: site-builder init [-h]")
    assert err.endswith(f"site-builder init: error: argument --topics: {problem}\n")
    assert not (tmp_path / "case").exists()


def test_a_title_on_two_lines_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["init", str(tmp_path), "--title", "The case\nof the year"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith(
        "site-builder init: error: argument --title: give one line of text, at most 300 characters\n")


def test_a_new_case_converts_its_first_articles(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    """The newcomer's path: init, articles into seeds/, convert, build and check with drafts."""
    assert run("init", tmp_path).code == 0
    for name in ("01-wire-search.txt", "02-court-indictment.md", "04-verdict.html"):
        shutil.copy(HARBORVIEW / "articles" / name, tmp_path / "seeds" / name)
    converted = run("convert", tmp_path / "seeds", "--content", tmp_path / "content")
    assert converted.code == 0, converted.out
    assert "convert: 3 articles read" in converted.out and "README" not in converted.out
    entry = (tmp_path / "content" / "entries" / "main.yaml").read_text("utf-8")
    assert entry.startswith("# yaml-language-server: $schema=../../schemas/entry.schema.json\n")
    assert "\nevents:\n  - id: " in entry  # drafts were filed under the default strand
    assert run("build", "--content", tmp_path / "content", "--out", tmp_path / "dist", "--drafts").code == 0
    checked = run("check", "--content", tmp_path / "content", "--drafts")
    assert checked.code == 0, checked.out


def test_a_readme_without_a_table_is_not_an_article(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(HARBORVIEW / "case.yaml", content / "case.yaml")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "README.md").write_text("# Articles\n\nWire copy about the Harborview case, saved by hand.\n")
    shutil.copy(HARBORVIEW / "articles" / "01-wire-search.txt", tmp_path / "articles")
    result = run("convert", tmp_path / "articles", "--content", content)
    assert result.code == 0, result.out
    assert result.out.startswith("convert: 1 article read\n")


def test_files_convert_creates_start_with_the_modeline(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(HARBORVIEW / "case.yaml", content / "case.yaml")
    shutil.copytree(HARBORVIEW / "articles", tmp_path / "seeds")  # convert reads articles inside the project
    assert run("convert", tmp_path / "seeds", "--content", content).code == 0
    made = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.yaml") if p.name != "case.yaml")
    assert made == ["entries/indictment.yaml", "entries/investigation.yaml", "entries/recall.yaml", "entries/trial.yaml",
                    "people.yaml", "sources.yaml"]
    kinds = {"people.yaml": "people", "sources.yaml": "sources"}
    for name in made:
        want = tmp_path / "schemas" / f"{kinds.get(name, 'entry')}.schema.json"
        assert first_line_schema(content / name) == want.resolve(), name


def test_wheel_ships_the_files_init_writes(tmp_path: Path) -> None:
    """After a plain `pip install`, init must find its file texts without the repo."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    names = set(zipfile.ZipFile(next(tmp_path.glob("site_builder-*.whl"))).namelist())
    texts = {"case.yaml", "entry.yaml", "people.yaml", "sources.yaml", "seeds-README.md", "gitignore"}
    assert {f"site_builder/content/init_files/{name}" for name in texts} <= names
    # and every module of the package (a .gitignore pattern such as 'build/' once hid site_builder/build/ from it)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "site_builder").rglob("*.py")}
    assert "site_builder/build/pipeline.py" in modules
    assert sorted(modules - names) == []
