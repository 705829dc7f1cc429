"""Export the content schema as JSON Schema, for editors.

In: the pydantic models in :mod:`model`. Out: one ``<name>.schema.json``
per content file type. YAML-aware editors (via the
``# yaml-language-server: $schema=...`` line at the top of each content
file) then autocomplete keys and underline mistakes as you type.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OutputError
from .model import SCHEMAS

FILES = {"case": "case.yaml", "entry": "entries/<topic>.yaml", "people": "people.yaml", "sources": "sources.yaml", "key-points": "key-points.yaml"}


def modeline(kind: str, depth: int = 1) -> str:
    """The first line of a content file of ``kind`` (a key of FILES) ``depth`` folders below the project
    (1 for content/case.yaml, 2 for content/entries/x.yaml): it points YAML editors at the schema in
    schemas/, beside content/."""
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n"


def json_schemas() -> dict[str, bytes]:
    """File name -> JSON Schema bytes for every content file type."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json",
                  "title": f"site-builder {FILES[name]}", **{k: v for k, v in schema.items() if k != "title"}}
        out[f"{name}.schema.json"] = (json.dumps(schema, indent=2, sort_keys=True) + "\n").encode("utf-8")
    return out


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` (made if missing); the paths written. OutputError if it cannot."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in json_schemas().items():
            path = folder / name
            path.write_bytes(data)
            written.append(path)
    except OSError as exc:
        raise OutputError(f"cannot write the schemas to '{folder}': {exc.strerror or exc}") from None
    return written
