"""The cache's shard files as records: each decoded only when read, carried into the next save undecoded, and
a damaged index or record never trusted."""

from __future__ import annotations

import json

import pytest

from site_builder.content import records
from site_builder.content.records import Records, shard_body

HEADER = {"format": "test", "kind": "fragments", "shard": "a"}
KEY1, KEY2, KEY3 = "a1" + "0" * 62, "a2" + "0" * 62, "a3" + "0" * 62


def read(body: bytes, header: dict[str, str] = HEADER) -> tuple[Records, list[str] | None]:
    """The records of ``body`` read as the cache reads a shard file: after a signature line of 5 bytes."""
    found = Records()
    return found, found.read(b"mac1\n" + body, 5, header)


def test_values_come_back_as_they_were_written() -> None:
    written = Records({KEY1: "<p>Caf\u00e9 \u201cquoted\u201d</p>\n", KEY2: [[["events", 0], "a finding"]], KEY3: []})
    body = shard_body(HEADER, written, [KEY1, KEY2, KEY3])
    # one line naming the header, the keys and each record's size; then the records: a tag byte and the payload
    head, records_part = body.split(b"\n", 1)
    assert json.loads(head) == {"header": HEADER, "keys": [KEY1, KEY2, KEY3], "sizes": [27, 29, 3]}  # 1 + 3 + 3 + 2 (é) + 1 + 3 (“) + 6 + 3 (”) + 4 + 1; 1 + 28; 1 + 2
    assert records_part == "s<p>Caf\u00e9 \u201cquoted\u201d</p>\n".encode() + b'j[[["events",0],"a finding"]]' + b"j[]"
    found, keys = read(body)
    assert keys == [KEY1, KEY2, KEY3]
    assert dict(found) == {KEY1: "<p>Caf\u00e9 \u201cquoted\u201d</p>\n", KEY2: [[["events", 0], "a finding"]], KEY3: []}


def test_a_record_is_decoded_only_when_read_and_carried_undecoded(monkeypatch: pytest.MonkeyPatch) -> None:
    body = shard_body(HEADER, Records({KEY1: "first", KEY2: {"sha256": "x", "fragments": []}}), [KEY1, KEY2])
    loaded, _ = read(body)
    decoded: list[bytes] = []
    real = records._decode

    def counting(blob: bytes, start: int, end: int) -> object:
        decoded.append(blob[start:end])
        return real(blob, start, end)

    monkeypatch.setattr(records, "_decode", counting)
    assert loaded.get(KEY1) == "first" and loaded.get(KEY1) == "first"
    assert decoded == [b"sfirst"]  # once, and only the record read
    used = Records()
    used.carry(KEY2, loaded)
    used.carry_all([KEY2, ["not", "a", "key"], "b" * 64], loaded)  # not a string, not there: skipped
    assert decoded == [b"sfirst"] and list(used) == [KEY2]
    assert shard_body(HEADER, used, [KEY2]) == shard_body(HEADER, Records({KEY2: {"sha256": "x", "fragments": []}}), [KEY2])


def test_an_entry_set_by_this_build_is_not_replaced_by_a_carried_record() -> None:
    loaded, _ = read(shard_body(HEADER, Records({KEY1: "old"}), [KEY1]))
    used = Records({KEY1: "made now"})
    used.carry(KEY1, loaded)
    used.carry_all([KEY1], loaded)
    assert used[KEY1] == "made now" and b"smade now" in shard_body(HEADER, used, [KEY1])


def _with_head(head: dict[str, object], tail: bytes) -> bytes:
    return json.dumps(head).encode() + b"\n" + tail


@pytest.mark.parametrize("body", [
    b"no newline at all",
    b"not json\nsx",
    _with_head({"header": {**HEADER, "kind": "pages"}, "keys": [KEY1], "sizes": [2]}, b"sx"),  # another kind's
    _with_head({"header": HEADER, "keys": [KEY1], "sizes": [3]}, b"sx"),  # sizes longer than the records
    _with_head({"header": HEADER, "keys": [KEY1], "sizes": [1]}, b"sx"),  # records longer than the sizes
    _with_head({"header": HEADER, "keys": [KEY1, KEY2], "sizes": [2]}, b"sx"),  # a key without a size
    _with_head({"header": HEADER, "keys": [KEY1, KEY1], "sizes": [2, 2]}, b"sxsy"),  # a key twice
    _with_head({"header": HEADER, "keys": ["b" * 64], "sizes": [2]}, b"sx"),  # a key outside its shard
    _with_head({"header": HEADER, "keys": [[KEY1]], "sizes": [2]}, b"sx"),  # a key that is not a string
    _with_head({"header": HEADER, "keys": [KEY1, KEY2], "sizes": [0, 2]}, b"sx"),  # an empty record
    _with_head({"header": HEADER, "keys": [KEY1], "sizes": [True]}, b"s"),  # a size that is not a number
    _with_head({"header": HEADER, "keys": {KEY1: 2}, "sizes": [2]}, b"sx"),
])
def test_a_damaged_index_makes_the_shard_one_not_to_trust(body: bytes) -> None:
    found, keys = read(body)
    assert keys is None and len(found) == 0


@pytest.mark.parametrize("record", [b"j{not json", b"s\xff\xfe", b"x-unknown tag"])
def test_a_record_that_cannot_be_decoded_reads_as_none(record: bytes) -> None:
    found, keys = read(_with_head({"header": HEADER, "keys": [KEY1, KEY2], "sizes": [len(record), 3]}, record + b"sok"))
    assert keys == [KEY1, KEY2]
    assert found.get(KEY1) is None and found.get(KEY2) == "ok"
