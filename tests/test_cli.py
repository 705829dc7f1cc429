"""The command line's own messages: help, usage of each command, a missing project, YAML syntax mistakes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.cli import COMMANDS, main

from .conftest import ROOT, edit_line

NO_CONTENT = "error: no content folder here — run `site-builder init` or pass `--content DIR`\n"


def test_bare_command_prints_the_full_help(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([])
    out, err = capsys.readouterr()
    assert code == 2 and err == ""
    assert out.startswith("usage: site-builder [-h] [--version] COMMAND ...\n")
    for name, help_start in [("init", "start a new case folder"), ("convert", "convert news articles"),
                             ("build", "validate content/ and write"), ("serve", "preview the site"),
                             ("check", "validate content/ and check"), ("schema", "write the JSON Schema")]:
        assert f"\n    {name:<10}{help_start}" in out, name


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_flag_shows_the_usage_of_its_own_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--bogus"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith(f"usage: site-builder {command} [-h]"), err
    assert err.endswith(f"site-builder {command}: error: unrecognized arguments: --bogus\n"), err


def test_an_unknown_command_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["biuld"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.endswith("site-builder: error: argument COMMAND: invalid choice: 'biuld' "
                        "(choose from 'init', 'convert', 'build', 'serve', 'check', 'schema')\n"), err


@pytest.mark.parametrize("args", [["build"], ["check"], ["serve", "--port", "0"], ["convert"], ["convert", "--dry-run"]])
def test_outside_a_project_say_how_to_get_one(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(args)
    out, err = capsys.readouterr()
    assert (code, out, err) == (1, "", NO_CONTENT)
    assert list(tmp_path.iterdir()) == []  # nothing written either


def test_an_explicit_content_folder_that_is_missing_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["build", "--content", "nowhere"])
    assert (code, capsys.readouterr().err) == (1, "nowhere: content folder not found\n1 problem in content\n")


# (line in case.yaml to edit, old text, new text, the error build reports); the case.yaml of tests/sites/minimal.
YAML_MISTAKES = [
    ("a colon in a value", 1, "title: The Example Bribery Case", "title: The Example Bribery Case: the appeal",
     "case.yaml:1: invalid YAML: mapping values are not allowed in this context; a value containing ': ' needs quotes"),
    ("a line indented too far", 3, "jurisdiction:", "  jurisdiction:",
     "case.yaml:3: invalid YAML: mapping values are not allowed in this context; "
     "check this line's indentation, and that the line above it is complete"),
    ("a tab for indentation", 6, "  base_url:", "\tbase_url:",
     "case.yaml:6: invalid YAML: found character that cannot start any token; indent with spaces, not tabs"),
    ("a value starting with @", 3, "jurisdiction: Example County", "jurisdiction: @county",
     "case.yaml:3: invalid YAML: found character that cannot start any token; a value starting with '@' needs quotes"),
    ("a value starting with *", 3, "jurisdiction: Example County", "jurisdiction: *Example* County",
     "case.yaml:3: invalid YAML: did not find expected alphabetic or numeric character; "
     "a value starting with '*' needs quotes"),
    ("a value starting with [", 3, "jurisdiction: Example County", "jurisdiction: [Example] County",
     "case.yaml:3: invalid YAML: did not find expected key; a value starting with '[' needs quotes"),
    ("an unclosed quote", 1, "title: The Example Bribery Case", "title: 'The Example Bribery Case",
     "case.yaml:12: invalid YAML: found unexpected end of stream; the quote opened on line 1 is never closed"),
    ("text after a closing quote", 1, "title: The Example Bribery Case", 'title: "The Example" Bribery Case',
     "case.yaml:1: invalid YAML: did not find expected key; "
     "a value that starts with a quote must end with it (write '' for a ' inside single quotes)"),
    ("a key without its colon", 2, "summary: A", "summary A",
     "case.yaml:3: invalid YAML: could not find expected ':'; a key needs a ':' after it, on this line or the one above"),
    ("a list item's key out of line", 9, "    title: The charges", "   title: The charges",
     "case.yaml:9: invalid YAML: did not find expected '-' indicator; check this line's indentation"),
    ("a backslash in double quotes", 3, "jurisdiction: Example County", 'jurisdiction: "Example\\County"',
     "case.yaml:3: invalid YAML: found unknown escape character; "
     "inside double quotes a backslash starts an escape: write \\\\ or use single quotes"),
]


@pytest.mark.parametrize("name,line,old,new,expected", YAML_MISTAKES, ids=[m[0] for m in YAML_MISTAKES])
def test_yaml_syntax_errors_come_with_the_usual_fix(name: str, line: int, old: str, new: str, expected: str,
                                                    project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = project / "content"
    edit_line(content / "case.yaml", line, old, new)
    code = main(["build", "--content", str(content), "--out", str(project / "dist")])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"{content}/{expected}\n1 problem in content\n"


def test_help_imports_no_stage_of_the_build() -> None:
    """`site-builder --help` (and each command's) starts without the content model, templates, YAML,
    the converter or the server: each command imports what it needs when it runs."""
    script = ("import sys, contextlib, io\nfrom site_builder.cli import main\n"
              "for argv in (['--help'], ['build', '--help'], ['init', '--help'], ['serve', '--help'], ['check', '--help']):\n"
              "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n        main(argv)\n"
              "print(sorted(m for m in ('jinja2', 'pydantic', 'yaml', 'markdown_it', 'tornado', 'site_builder.content.model',"
              " 'site_builder.convert', 'site_builder.build') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout == "[]\n"


def test_the_build_command_runs_without_the_cyclic_collector(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`site-builder build` (cli.script, which ends the process with os._exit) turns the collector off first;
    main(), as the other commands and in-process callers use it, leaves it as it is."""
    import gc

    from site_builder import cli
    from site_builder.build import pipeline

    seen: list[bool] = []
    real = pipeline.build  # the command's call into the build, which pauses the collector within itself either way
    monkeypatch.setattr(pipeline, "build", lambda *args, **kwargs: seen.append(gc.isenabled()) or real(*args, **kwargs))

    def exit_(code: int) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(cli.os, "_exit", exit_)
    args = ["build", "--content", str(example / "content"), "--out", str(example / "dist"), "--no-search"]
    try:
        assert main(args) == 0
        assert gc.isenabled()
        monkeypatch.setattr(sys, "argv", ["site-builder", *args])
        with pytest.raises(SystemExit) as ended:
            cli.script()
        assert ended.value.code == 0
        assert seen == [True, False]
    finally:
        gc.enable()
