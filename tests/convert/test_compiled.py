"""The mypyc-compiled converter (``make compiled``) is the same converter: same output, only faster.

Builds the compiled wheel from a copy of the sources (building in place would leave ``.so`` files in the
tree, which Python would then import instead of edited ``.py`` files), installs it into a fresh
virtualenv, and converts the seeds and the invented Harborview case with both builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "convert" / "cases"


def _convert(python: Path | str, articles: Path, case: Path, content: Path, env: dict[str, str]) -> dict[str, str]:
    content.mkdir()
    shutil.copy(case, content / "case.yaml")
    code = "import sys; from site_builder.cli import main; sys.exit(main(sys.argv[1:]))"
    subprocess.run([str(python), "-c", code, "convert", str(articles), "--content", str(content)], check=True, capture_output=True,
                   cwd=content.parent, env=env)
    return {str(p.relative_to(content)): p.read_text(encoding="utf-8") for p in sorted(content.rglob("*")) if p.is_file()}


def test_compiled_build_converts_exactly_like_pure_python(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("site_builder", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    isolated = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the fresh virtualenv sees only what it installed
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(source)], check=True, capture_output=True,
                   env={**isolated, "HATCH_BUILD_HOOKS_ENABLE": "1"})

    where = subprocess.run([str(python), "-c", "from site_builder.convert import names, merge; print(names.__file__, merge.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path, env=isolated).stdout.split()
    assert all(path.endswith(".so") and str(venv) in path for path in where), where  # really the compiled modules

    for name, articles, case in (("seeds", ROOT / "seeds", CASES / "rust" / "case.yaml"),
                                 ("harborview", CASES / "harborview" / "articles", CASES / "harborview" / "case.yaml")):
        pure = _convert(sys.executable, articles, case, tmp_path / f"{name}-pure", dict(os.environ))
        compiled = _convert(python, articles, case, tmp_path / f"{name}-compiled", isolated)
        assert pure.keys() == compiled.keys()
        assert len(pure) >= 4  # sources, people, the ledger and at least one entry file
        for file, text in pure.items():
            assert compiled[file] == text, f"{name}: {file} differs between the pure and the compiled build"
