"""The command line: parse arguments, run one command, turn errors into exit codes.

This is the only place that prints errors or chooses an exit status:
0 success, 1 the input or output has problems (each reported with its
address), 2 usage errors (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from . import __version__
from .errors import ContentErrors, SiteBuilderError

COMMANDS = ["convert", "build", "serve", "check", "schema"]


def _commands(only: str | None = None) -> dict[str, ModuleType]:
    return {name: importlib.import_module(f".commands.{name}", __package__) for name in ([only] if only else COMMANDS)}


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that command (importing every command costs ~0.1 s at start)."""
    top = argparse.ArgumentParser(prog="site-builder", description="Turn news articles about a legal case into a sourced static explainer site.")
    top.add_argument("--version", action="version", version=f"site-builder {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in _commands(only).items():
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    args = parser(chosen).parse_args(argv)
    try:
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
