"""The byte-identical guard: converting every article set writes exactly what the committed manifest says.

A restructuring of the converter must not change a byte of its output. The manifest (golden/unchanged.sha256)
holds the sha256 of every content file and report of every run in ``unchanged.py``, made before the
restructuring. Set SITE_BUILDER_REGEN_UNCHANGED=1 to rewrite it, only after an intended change of output.
"""

from __future__ import annotations

import os
from pathlib import Path

from .unchanged import ENV, MANIFEST, manifest


def test_every_run_writes_what_the_manifest_says(tmp_path: Path) -> None:
    got = manifest(tmp_path)
    if os.environ.get(ENV):
        MANIFEST.write_text("\n".join(got) + "\n", encoding="utf-8")
    want = MANIFEST.read_text(encoding="utf-8").splitlines()
    got_by_file = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in got}
    want_by_file = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in want}
    missing = sorted(set(want_by_file) - set(got_by_file))
    extra = sorted(set(got_by_file) - set(want_by_file))
    changed = sorted(f for f in set(want_by_file) & set(got_by_file) if want_by_file[f] != got_by_file[f])
    assert (missing, extra, changed) == ([], [], []), (
        f"{len(changed)} files differ, {len(missing)} missing, {len(extra)} extra (first: {(changed + missing + extra)[:10]})")
