"""Content files parsed in a forked child while `build` starts (site_builder.content.prefetch): the same content,
the same errors, the build's own bytes always winning, and no child left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.content import prefetch, yamlload
from site_builder.content.load import Content, load_content
from site_builder.content.prefetch import Prefetch, content_files
from site_builder.errors import ContentErrors

from .conftest import ROOT, snapshot


@pytest.fixture(autouse=True)
def _small_sites_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example (136 KB) is below the size worth a fork; these tests fork for it all the same."""
    monkeypatch.setattr(prefetch, "MIN_BYTES", 0)


def started(content: Path) -> Prefetch:
    parsed = Prefetch.start(content)
    assert parsed is not None
    return parsed


def models(content: Content) -> list[object]:
    return [content.case.model, content.people.model, content.sources.model,
            {name: entry.model for name, entry in content.entries.items()},
            content.key_points.model if content.key_points else None]


def gone(pid: int) -> bool:
    """Whether ``pid`` is no child of this process any more (reaped)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_files_are_those_the_build_loads_in_its_order(example: Path) -> None:
    content = example / "content"
    (content / "entries" / ".#charges.yaml").write_text("editor lock", "utf-8")
    names = [path.relative_to(content).as_posix() for path in content_files(content)]
    assert names == ["case.yaml", "people.yaml", "sources.yaml", "entries/charges.yaml", "entries/civil-suits.yaml",
                     "entries/dismissal.yaml", "entries/reality-show.yaml", "entries/shooting.yaml", "key-points.yaml"]


def test_the_content_loaded_with_files_parsed_by_the_child_equals_a_plain_load(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = example / "content"
    parsed = started(content)
    pid = parsed.pid
    seen: list[str] = []
    real = yamlload.load_yaml
    monkeypatch.setattr("site_builder.content.load.load_yaml", lambda raw, name: seen.append(name) or real(raw, name))
    loaded = load_content(content, parsed=parsed)
    assert seen == []  # every file came from the child or from the prefetch's own share, none parsed again
    assert models(loaded) == models(load_content(content))
    assert len(parsed.parsed) == 0 and gone(pid)  # each handed out once; the child reaped


def test_a_file_changed_after_the_child_parsed_it_is_loaded_from_the_builds_own_bytes(example: Path) -> None:
    content = example / "content"
    parsed = started(content)
    parsed.finish()
    entry = content / "entries" / "charges.yaml"
    entry.write_text(entry.read_text("utf-8").replace("title: Criminal charges", "title: Changed since", 1), "utf-8")
    loaded = load_content(content, parsed=parsed)
    assert loaded.entries["charges"].model.title == "Changed since"
    assert models(loaded) == models(load_content(content))


def test_a_file_with_an_error_is_reported_as_without_the_child(example: Path) -> None:
    content = example / "content"
    people = content / "people.yaml"
    people.write_text(people.read_text("utf-8") + "\n  - id: [broken\n", "utf-8")
    entry = content / "entries" / "shooting.yaml"
    entry.write_text(entry.read_text("utf-8").replace("\nevents:\n", "\nevents:\n  - id: Not An Id\n", 1), "utf-8")
    with pytest.raises(ContentErrors) as plain:
        load_content(content)
    with pytest.raises(ContentErrors) as prefetched:
        load_content(content, parsed=started(content))
    assert prefetched.value.report() == plain.value.report()
    assert "people.yaml:" in plain.value.report() and "shooting.yaml:" in plain.value.report()


def test_a_child_that_died_leaves_the_build_to_parse_the_files_itself(example: Path) -> None:
    content = example / "content"
    parsed = started(content)
    pid = parsed.pid
    os.kill(pid, signal.SIGKILL)
    assert models(load_content(content, parsed=parsed)) == models(load_content(content))
    assert gone(pid)


def test_a_build_that_stops_before_it_needs_the_files_ends_the_child(example: Path) -> None:
    parsed = started(example / "content")
    pid = parsed.pid
    parsed.close()
    parsed.close()  # twice is harmless
    assert gone(pid) and parsed.pid == 0


def test_nothing_is_forked_for_a_small_site_or_a_missing_folder(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefetch, "MIN_BYTES", 1_000_000)
    assert Prefetch.start(example / "content") is None
    assert Prefetch.start(example / "nowhere") is None


def test_the_cli_build_with_the_child_writes_the_same_site_and_cache_as_one_process(example: Path, run) -> None:  # type: ignore[no-untyped-def]
    """`build` (two processes: the prefetch runs) and `build --jobs 1` (none) give the same output, and the
    second build with the cache the first wrote parses nothing."""
    content = example / "content"
    assert run("build", "--content", content, "--out", example / "one", "--no-search", "--jobs", "1", "--no-cache").code == 0
    assert run("build", "--content", content, "--out", example / "two", "--no-search", "--jobs", "2").code == 0
    assert snapshot(example / "one") == snapshot(example / "two")
    parsed = (example / ".site-builder-cache" / "parsed")
    assert len(list(parsed.iterdir())) == len(content_files(content))  # each parsed file kept, the child's too


def test_no_process_to_be_had_leaves_the_parsing_to_the_build(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(prefetch.os, "fork", no_fork)
    assert Prefetch.start(example / "content") is None


def test_a_child_that_died_holding_the_lock_does_not_stop_the_build(example: Path) -> None:
    content = example / "content"
    parsed = started(content)
    os.read(parsed._lock_read, 1)  # the token taken, as by a child between its claim's two steps
    os.kill(parsed.pid, signal.SIGKILL)
    assert models(load_content(content, parsed=parsed)) == models(load_content(content))  # after ≈1 s, not for ever


def test_the_build_command_forks_the_child_before_it_imports_pydantic_or_the_yaml_loader(example: Path) -> None:
    """The child is started first thing so that it parses while the build imports its libraries: deciding whether to
    start it (a cold build with the cache on, the usual first build) loads neither pydantic nor the YAML loader."""
    script = ("import sys\nfrom site_builder.content import prefetch\n"
              "def start(root):\n"
              "    print(sorted(m for m in ('pydantic', 'yaml', 'site_builder.content.yamlload', 'site_builder.content.cache')"
              " if m in sys.modules))\n"
              "    raise SystemExit(0)\n"
              "prefetch.Prefetch.start = start\n"
              "from site_builder.cli import main\n"
              "main(['build', '--content', sys.argv[1], '--out', sys.argv[2], '--jobs', '2'])\n")
    proc = subprocess.run([sys.executable, "-c", script, str(example / "content"), str(example / "dist")],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout == "[]\n"
    assert not (example / "dist").exists()
