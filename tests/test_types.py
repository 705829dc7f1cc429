"""The package type-checks: ``mypy`` in strict mode (the ``[tool.mypy]`` table of pyproject.toml) over site_builder/.

mypy keeps its cache in .mypy_cache/ (git-ignored), so a run after the first only re-reads changed modules.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT



def test_mypy_strict_passes_on_the_package() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--cache-dir", ".mypy_cache", "site_builder"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    if "No module named mypy" in done.stderr:
        pytest.fail("mypy is not installed: pip install -e '.[test]'", pytrace=False)
    if done.returncode != 0:  # mypy's own report, one error a line with file:line and the error code
        pytest.fail(f"mypy found type errors:\n{done.stdout}{done.stderr}", pytrace=False)
