"""The JSON Schema files in the repo are the ones the model generates."""

import json

from site_builder.content.schema import json_schemas

from .conftest import ROOT


def test_committed_schemas_are_current() -> None:
    for name, data in json_schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.read_bytes() == data, f"{name} is stale: run `site-builder schema`"


def test_schema_forbids_unknown_keys_and_knows_the_kinds() -> None:
    entry = json.loads(json_schemas()["entry.schema.json"])
    claim = entry["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert entry["$defs"]["ClaimKind"]["enum"] == ["fact", "ruling", "allegation", "denial", "statement", "opinion", "anonymous"]
    assert "citations" in claim["required"]


def test_content_files_point_editors_at_the_schema() -> None:
    assert (ROOT / "content" / "case.yaml").read_text().startswith("# yaml-language-server: $schema=../schemas/case.schema.json")
