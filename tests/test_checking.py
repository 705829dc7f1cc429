"""Validation in a forked child beside the views, plan and statements (site_builder.build.checking): the same
problems in the same order, nothing rendered or written before the verdict, the same site and cache."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from site_builder.build import checking, pipeline, render
from site_builder.build.checking import Checking
from site_builder.build.pipeline import BuildOptions, build
from site_builder.content.cache import DiskCache
from site_builder.content.load import load_content
from site_builder.errors import ContentErrors

from .conftest import snapshot


@pytest.fixture(autouse=True)
def _small_sites_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example (≈100 items) is below the size worth a fork; these tests fork for it all the same."""
    monkeypatch.setattr(checking, "MIN_ITEMS", 0)


def break_content(project: Path) -> None:
    """Two cross-file problems in the example: a citation of a source that does not exist, an unknown person."""
    entry = project / "content" / "entries" / "charges.yaml"
    text = entry.read_text("utf-8")
    assert "source: kqed-2023-01-19" in text and "people: [alec-baldwin" in text
    text = text.replace("source: kqed-2023-01-19", "source: no-such-source", 1)
    entry.write_text(text.replace("people: [alec-baldwin", "people: [no-such-person", 1), "utf-8")


def report(project: Path, workers: int) -> str:
    with pytest.raises(ContentErrors) as caught:
        build(BuildOptions(project / "content", project / f"dist{workers}", workers=workers, cache=True))
    return caught.value.report()


def test_problems_found_in_the_child_are_those_found_in_one_process(example: Path) -> None:
    break_content(example)
    alone = report(example, 1)
    assert "no-such-source" in alone and "no-such-person" in alone
    assert report(example, 2) == alone
    assert not (example / "dist2").exists() and not (example / "dist1").exists()


def test_no_page_renders_before_the_verdict(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quotation its source does not hold: nothing the views trip on, so the pages would render but for the wait."""
    misquoted = misquote(example)
    rendered: list[int] = []
    real = render._render
    monkeypatch.setattr(render, "_render", lambda site, todo, *args: rendered.append(len(todo)) or real(site, todo, *args))
    assert misquoted in report(example, 2)
    assert rendered == []


def tripped(*args: object, **kwargs: object) -> None:
    raise KeyError("views tripped")


def test_views_tripped_by_invalid_content_report_validations_problems(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_content(example)
    monkeypatch.setattr(pipeline, "build_site", tripped)
    found = report(example, 2)
    assert "no-such-source" in found and "no-such-person" in found


def test_views_tripped_by_valid_content_raise_their_own_error(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "build_site", tripped)
    with pytest.raises(KeyError, match="views tripped"):
        build(BuildOptions(example / "content", example / "dist", workers=2))


def test_a_valid_site_builds_the_same_output_and_cache_as_in_one_process(example: Path) -> None:
    """The child's findings reach the cache, and the digests it made (entries, people, sources) address the
    same pages and fragments as those made here."""
    build(BuildOptions(example / "content", example / "one", workers=1, cache=True))
    alone = DiskCache.open(example).loaded
    assert len(alone["findings"]) > 50 and len(alone["pages"]) > 20
    shutil.rmtree(example / ".site-builder-cache")
    build(BuildOptions(example / "content", example / "two", workers=2, cache=True))
    assert DiskCache.open(example).loaded == alone
    assert snapshot(example / "one") == snapshot(example / "two")


def test_the_childs_digests_are_used_for_the_same_objects_only(example: Path) -> None:
    content = load_content(example / "content")
    disk = DiskCache.open(example)
    started = Checking.start(content, None, False, disk)
    assert started.pid
    started.wait()
    people = content.people.model.people
    assert disk._digests[id(people[0])] == (people[0], DiskCache.open(example).model_digest(people[0]))
    entry = next(iter(content.entries.values())).model
    assert disk._digests[id(entry)][0] is entry


def test_a_child_that_died_is_validated_again_here(example: Path) -> None:
    break_content(example)
    content = load_content(example / "content")
    started = Checking.start(content, None, False, None)
    assert started.pid
    os.kill(started.pid, signal.SIGKILL)
    with pytest.raises(ContentErrors) as caught:
        started.wait()
    assert "no-such-source" in caught.value.report() and started.pid == 0


def test_a_build_that_stops_before_the_verdict_ends_the_child(example: Path) -> None:
    started = Checking.start(load_content(example / "content"), None, False, None)
    pid = started.pid
    started.close()
    started.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_a_build_with_findings_in_the_cache_validates_in_its_own_process(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit the cache holds most findings and checking the rest costs less than a fork."""
    asked: list[bool] = []
    real = Checking.start.__func__  # type: ignore[attr-defined]

    def start(cls, content, cache, drafts, disk, fork=True):  # type: ignore[no-untyped-def]
        asked.append(fork)
        return real(cls, content, cache, drafts, disk, fork)

    monkeypatch.setattr(Checking, "start", classmethod(start))
    options = BuildOptions(example / "content", example / "dist", workers=2, cache=True)
    build(options)
    build(options)
    assert asked == [True, False]


def test_no_process_to_be_had_validates_here(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    break_content(example)
    monkeypatch.setattr(checking.os, "fork", no_fork)
    started = Checking.start(load_content(example / "content"), None, False, None)
    assert started.pid == 0 and started.problems
    with pytest.raises(ContentErrors) as caught:
        started.wait()
    assert "no-such-source" in caught.value.report()


def test_while_the_verdict_is_not_in_the_exports_are_made_first(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rather than wait idle for the child, the build makes the exports (in memory) first; the same site and cache."""
    build(BuildOptions(example / "content", example / "one", workers=1, cache=True))
    alone = DiskCache.open(example).loaded
    shutil.rmtree(example / ".site-builder-cache")
    order: list[str] = []
    real_wait, real_makers = Checking.wait, pipeline.export_makers
    monkeypatch.setattr(render, "PARALLEL_MIN_PAGES", 0)  # the example's pages on forked workers, as a big site's
    monkeypatch.setattr(Checking, "ready", lambda self: False)
    monkeypatch.setattr(Checking, "wait", lambda self: order.append("wait") or real_wait(self))
    monkeypatch.setattr(pipeline, "export_makers", lambda *args: order.append("exports") or real_makers(*args))
    build(BuildOptions(example / "content", example / "two", workers=2, cache=True))
    assert order[:2] == ["exports", "wait"]
    assert snapshot(example / "one") == snapshot(example / "two")
    assert DiskCache.open(example).loaded == alone


def misquote(project: Path) -> str:
    """A quotation its source does not hold: a problem the views, exports and statements do not trip on."""
    entry = project / "content" / "entries" / "charges.yaml"
    said = "called the decision to file charges “a terrible miscarriage of justice”"
    entry.write_text(entry.read_text("utf-8").replace(said, "called it “fine”", 1), "utf-8")
    return "called it “fine”"


def test_invalid_content_is_reported_when_the_exports_came_first(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    misquoted = misquote(example)
    alone = report(example, 1)
    assert misquoted in alone
    monkeypatch.setattr(render, "PARALLEL_MIN_PAGES", 0)
    monkeypatch.setattr(Checking, "ready", lambda self: False)
    assert report(example, 2) == alone
