"""Shared test helpers: copy a fixture project, run the CLI in-process."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from site_builder.build.pipeline import BuildOptions, build
from site_builder.cli import main

from .checkers import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (which cannot download its own browsers here).

    Per module, not per session: Playwright's sync API keeps an event loop running
    in this thread while it is open, and some serve tests run their own asyncio loop.
    """
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(autouse=True, scope="session")
def _cache_key_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The signing key of build caches (site_builder.content.cache) goes to a temporary folder, not the user's ~/.cache;
    set in the environment, so builds in child processes use it too."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def example_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site (content/ at the repo root), built once per test session, with its search index
    (as `site-builder build` makes it)."""
    out = tmp_path_factory.mktemp("example") / "dist"
    build(BuildOptions(ROOT / "content", out, search=True))
    return out


@pytest.fixture(scope="session")
def minimal_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/sites/minimal built with drafts, so draft badges and the preview banner are on its pages."""
    out = tmp_path_factory.mktemp("minimal") / "dist"
    build(BuildOptions(SITES / "minimal" / "content", out, drafts=True))
    return out


@pytest.fixture(scope="session")
def markup_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/hostile/markup built: markup in every text field of every content type."""
    out = tmp_path_factory.mktemp("markup") / "dist"
    build(BuildOptions(Path(__file__).resolve().parent / "hostile" / "markup" / "content", out))
    return out


@pytest.fixture(scope="session")
def harborview_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented second case (tests/convert/cases/harborview): its articles converted, built with drafts."""
    from site_builder.convert import convert

    case = Path(__file__).resolve().parent / "convert" / "cases" / "harborview"
    project = tmp_path_factory.mktemp("harborview")
    (project / "content").mkdir()
    shutil.copy(case / "case.yaml", project / "content" / "case.yaml")
    shutil.copytree(case / "articles", project / "articles")
    convert([project / "articles"], project / "content")
    build(BuildOptions(project / "content", project / "dist", drafts=True))
    return project / "dist"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site(name): the fixture project `project` copies (tests/sites/<name>)")


@pytest.fixture
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A writable copy of a fixture project (content/ + seeds/): tests/sites/minimal, or the one a module's
    ``pytestmark = pytest.mark.site("<name>")`` names."""
    mark = request.node.get_closest_marker("site")
    target = tmp_path / "project"
    shutil.copytree(SITES / (mark.args[0] if mark else "minimal"), target)
    return target


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def _run(*args: str | Path) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on 1-based ``line`` of ``path`` (and fail loudly if it is not there)."""
    lines = path.read_text("utf-8").split("\n")
    assert old in lines[line - 1], f"{path.name}:{line} does not contain {old!r}: {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), "utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (path relative to it, with /) and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A writable copy of the example case (content/ + seeds/), big enough for every kind of fragment."""
    shutil.copytree(ROOT / "content", tmp_path / "case" / "content")
    shutil.copytree(ROOT / "seeds", tmp_path / "case" / "seeds")
    return tmp_path / "case"
