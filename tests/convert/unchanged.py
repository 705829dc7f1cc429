"""The byte-identical guard's runs: every article set the repository holds, converted, as sha256 digests.

In: the article sets under tests/convert/ (and the example project at the repository root). Out: one line per
file the converter wrote (and per report, text and JSON), ``<sha256>  <run>/<file>``, sorted. The manifest
committed in ``golden/unchanged.sha256`` was made from the converter *before* a restructuring; a restructuring
must leave every line as it is (``test_unchanged.py``).

Regenerate only after an intended change of output, never to make a refactor pass::

    SITE_BUILDER_REGEN_UNCHANGED=1 python -m pytest tests/convert/test_unchanged.py
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from site_builder.convert import convert
from site_builder.convert.report import Report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MANIFEST = HERE / "golden" / "unchanged.sha256"
RUST_CASE = ROOT / "content" / "case.yaml"  # the example case: the corpus's rust/ folder has no case.yaml of its own
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
ENV = "SITE_BUILDER_REGEN_UNCHANGED"


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def runs() -> Iterator[tuple[str, Path, list[Path]]]:
    """(run name, case.yaml, articles) of every conversion the guard makes from a fresh content folder."""
    yield "seeds", RUST_CASE, _articles(ROOT / "seeds")
    for held in sorted(HERE.glob("heldout*")):
        yield held.name, held / "case.yaml", _articles(held / "articles")
    for case in sorted(p for p in (HERE / "cases").iterdir() if (p / "articles").is_dir()):
        yield f"cases-{case.name}", case / "case.yaml", _articles(case / "articles")
    for article in _articles(HERE / "fixtures"):
        yield f"fixtures-{article.name}", HERE / "fixtures" / "case.yaml", [article]
    for case in sorted(p for p in (HERE / "corpus").iterdir() if (p / "articles").is_dir()):
        case_yaml = case / "case.yaml" if (case / "case.yaml").exists() else RUST_CASE
        articles = _articles(case / "articles")
        yield f"corpus-{case.name}", case_yaml, articles
        for article in articles:
            yield f"corpus-{case.name}-{article.stem}", case_yaml, [article]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _report_lines(run: str, tmp: Path, report: Report) -> list[str]:
    """The report's text and JSON, with the throw-away folder's path taken out (it differs per run)."""
    out = []
    for name, text in (("report.txt", report.to_text()), ("report.json", report.to_json())):
        text = re.sub(re.escape(str(tmp)), "<tmp>", text)
        out.append(f"{_digest(text.encode('utf-8'))}  {run}/{name}")
    return out


def _content_lines(run: str, content: Path) -> list[str]:
    return [f"{_digest(p.read_bytes())}  {run}/{p.relative_to(content).as_posix()}"
            for p in sorted(content.rglob("*")) if p.is_file()]


def convert_run(run: str, case_yaml: Path, articles: list[Path], tmp: Path) -> list[str]:
    """Convert ``articles`` into a fresh content folder under ``tmp``; the digest lines of what was written."""
    folder = tmp / run
    content, copies = folder / "content", folder / "articles"
    content.mkdir(parents=True)
    copies.mkdir()
    shutil.copy(case_yaml, content / "case.yaml")
    for article in articles:
        shutil.copy(article, copies / article.name)
    report = convert([copies], content)
    return _content_lines(run, content) + _report_lines(run, folder, report)


def example_run(tmp: Path) -> list[str]:
    """The example project (reviewed content, ledger) converting its seeds plus one new article: the merge paths."""
    project = tmp / "example"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copy(HERE / "added" / "pinon-valley-courier-2025-03-20.txt", project / "seeds")
    report = convert([project / "seeds"], project / "content")
    return _content_lines("example", project / "content") + _report_lines("example", project, report)


def manifest(tmp: Path) -> list[str]:
    """Every digest line of every run, sorted."""
    lines: list[str] = []
    for run, case_yaml, articles in runs():
        lines.extend(convert_run(run, case_yaml, articles, tmp))
    lines.extend(example_run(tmp))
    return sorted(lines, key=lambda line: line.split("  ", 1)[1])
