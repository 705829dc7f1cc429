"""The command line: parse arguments, run one command, turn errors into exit codes.

This is the only place that prints errors or chooses an exit status:
0 success, 1 the input or output has problems (each reported with its
address), 2 usage errors (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from pathlib import Path
from types import ModuleType

from . import __version__
from .errors import ContentErrors, SiteBuilderError

COMMANDS = ["init", "convert", "build", "serve", "check", "schema"]

# Outside a project (no content/ here and no --content given) a newcomer needs the way in, not a path.
NO_CONTENT = "no content folder here — run `site-builder init` or pass `--content DIR`"


def _commands(only: str | None = None) -> dict[str, ModuleType]:
    return {name: importlib.import_module(f".commands.{name}", __package__) for name in ([only] if only else COMMANDS)}


def _parsers(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser and each command's parser; with ``only``, just that command
    (importing every command costs ~0.1 s at start)."""
    top = argparse.ArgumentParser(prog="site-builder", description="Turn news articles about a legal case into a sourced static explainer site.")
    top.add_argument("--version", action="version", version=f"site-builder {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands: dict[str, argparse.ArgumentParser] = {}
    for name, module in _commands(only).items():
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run, command=name)
        commands[name] = command
    return top, commands


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command."""
    return _parsers(only)[0]


def main(argv: list[str] | None = None, keep: list[object] | None = None) -> int:
    """Run the command ``argv`` names; its exit status. ``keep``: where `build` leaves its big objects instead of
    freeing them, for a caller that ends the process right after (:func:`script`)."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # a newcomer typing the bare name wants the list of commands, not "COMMAND is required"
        print(parser().format_help(), end="")
        return 2
    chosen = argv[0] if argv[0] in COMMANDS else None
    top, commands = _parsers(chosen)
    # The chosen command parses its own arguments: through the top-level parser, a flag the command
    # does not know would be reported with the top-level usage instead of the command's.
    args = commands[chosen].parse_args(argv[1:]) if chosen else top.parse_args(argv)
    args.keep = keep
    try:
        if _outside_a_project(args, commands[args.command]):
            raise SiteBuilderError(NO_CONTENT)
        return int(args.run(args))
    except ContentErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except SiteBuilderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `site-builder convert | head`: the reader left; nothing more to say
        sys.stderr.close()
        return 141


def _outside_a_project(args: argparse.Namespace, command: argparse.ArgumentParser) -> bool:
    """Whether a command that reads content/ runs where there is none, and no --content was given."""
    content = getattr(args, "content", None)
    return isinstance(content, Path) and content == command.get_default("content") and not content.exists()


def script() -> None:
    """The `site-builder` command (and ``python -m site_builder.cli``): :func:`main`, then exit.

    After `build`, the process ends at once once its output is flushed: Python's own shutdown frees a big
    build's heap object by object (0.2–0.3 s at 4,000 events), which the operating system does in one go; so
    `build` also leaves its objects in ``kept`` rather than freeing them on return (another 0.1 s). `build`
    leaves nothing for that shutdown to do (its worker pool and Pagefind's temporary folder are closed by
    then); the other commands exit as usual. `build` also runs without the cyclic collector."""
    argv = sys.argv[1:]
    kept: list[object] = []
    if argv[:1] == ["build"]:
        # The cyclic collector stays off for the whole command, imports included: a build makes millions of objects
        # and no garbage cycles worth collecting (peak memory measured the same), and its passes cost ≈0.05-0.1 s
        # at 4,000 events (during the imports, and after each stage that pauses it, over all that stage made).
        gc.disable()
    code = main(argv, kept)
    if argv[:1] != ["build"]:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`site-builder build | head`) or stream: nothing more to say
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    script()
