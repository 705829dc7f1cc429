"""The package's layers: which part of ``site_builder`` may import which, read from the source (ast).

The rule, from the bottom up (a part may import the parts on its left, and itself):

    shared (errors, files, dates, gcpause, children, ruler) < articles < content < build, convert < serve < commands < cli

- ``articles`` (reading article files) and ``content`` (the model and its loading) never import ``build``,
  ``convert`` or ``serve``; ``articles`` does not import ``content`` either.
- ``build`` never imports ``convert``, and ``convert`` never imports ``build`` or ``serve``: they are two
  flows beside each other over the same content (a build of a site whose sources are articles reads them
  with ``articles``, never with the converter).
- The shared modules at the top import none of the packages.

Every import counts, also the lazy ones inside functions (they load the module just the same, later).
A second test runs a real build and looks at ``sys.modules``: the rule holds when the code runs, not only
in the source.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "site_builder"
SHARED = "shared"
# each part of the package, and the parts it may import (besides itself)
MAY_IMPORT: dict[str, set[str]] = {
    SHARED: set(),
    "articles": {SHARED},
    "content": {SHARED, "articles"},
    "build": {SHARED, "articles", "content"},
    "convert": {SHARED, "articles", "content"},
    "serve": {SHARED, "articles", "content", "build", "convert"},
    "commands": {SHARED, "articles", "content", "build", "convert", "serve"},
    "cli": {SHARED, "commands"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    """``site_builder.build.render`` -> ``build``; a module at the top (``site_builder.errors``) -> shared, but cli."""
    parts = module.split(".")
    if len(parts) == 1:
        return SHARED  # site_builder/__init__.py
    name = parts[1]
    if (PACKAGE / name).is_dir():
        return name
    return "cli" if name == "cli" else SHARED


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every ``site_builder`` module ``path`` imports, anywhere in the file, as (line, absolute name)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "site_builder"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "site_builder":
                found += [(node.lineno, target)]
                # "from . import exports": the submodules named are imported too
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names
                          if (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")).with_suffix(".py").is_file()]
    return found


def test_the_rule_knows_every_part_of_the_package() -> None:
    """A new folder under site_builder/ must be placed in the rule (else it would be free to import anything)."""
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(MAY_IMPORT) - {SHARED, "cli"}


def test_no_part_imports_a_part_above_it() -> None:
    broken = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = _part(_module_name(path))
        for line, target in _imports(path):
            imported = _part(target)
            if imported != importer and imported not in MAY_IMPORT[importer]:
                broken.append(f"{path.relative_to(ROOT)}:{line}: {importer} imports {target} ({imported})")
    assert broken == []


def _graph() -> dict[str, set[str]]:
    """Each module of the package, and the modules of the package it imports (a package import: its ``__init__``)."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {module: {target for _, target in _imports(path) if target in paths and target != module}
            for module, path in paths.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules that import each other, directly or not (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_back() -> None:
    """No import cycle between modules either, lazy imports included: every module can be read bottom-up."""
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_checker_sees_lazy_imports() -> None:
    """An import inside a function counts like one at the top: the checker of the test above finds it."""
    module = PACKAGE / "content" / "model.py"
    found = dict((target, line) for line, target in _imports(module))
    assert "site_builder.dates" in found  # at the top of the file
    sourcetext = dict((target, line) for line, target in _imports(PACKAGE / "articles" / "sourcetext.py"))
    assert "site_builder.articles.read" in sourcetext  # inside source_text(), only for Markdown and HTML files


def _give_article_sources(project: Path) -> None:
    """The copy of tests/sites/minimal at ``project``, its one source given as a Markdown and as an HTML article
    instead (read by ``articles``)."""
    body = (project / "seeds/wire.txt").read_text(encoding="utf-8").splitlines()[1:]
    (project / "seeds/wire.md").write_text("---\ntitle: Council member charged over contract\ndate: 2024-05-02\n---\n\n"
                                           + "\n\n".join(body) + "\n", encoding="utf-8")
    (project / "seeds/wire.html").write_text("<html><head><title>Council member charged</title></head><body><article>"
                                             + "".join(f"<p>{line}</p>" for line in body) + "</article></body></html>",
                                             encoding="utf-8")
    sources = project / "content/sources.yaml"
    text = sources.read_text(encoding="utf-8")
    assert "file: ../seeds/wire.txt" in text
    second = text.split("sources:\n", 1)[1].replace("id: wire-2024-05-02", "id: wire-page").replace("wire.txt", "wire.html")
    sources.write_text(text.replace("wire.txt", "wire.md") + second, encoding="utf-8")


def test_a_build_whose_sources_are_articles_never_loads_the_converter(project: Path) -> None:
    _give_article_sources(project)
    script = ("import sys\nfrom site_builder.cli import main\n"
              "code = main(['build', '--content', 'content', '--out', 'dist'])\n"
              "print(code, 'site_builder.articles.read' in sys.modules,"
              " sorted(m for m in sys.modules if m.split('.')[:2] == ['site_builder', 'convert']))\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    # built (0), the Markdown and HTML sources read as articles (True), and no module of the converter loaded ([])
    assert proc.stdout.splitlines()[-1:] == ["0 True []"], proc.stderr
    assert (project / "dist/index.html").is_file()
