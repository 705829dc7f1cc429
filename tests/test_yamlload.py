import pytest

from site_builder.content.yamlload import Reparsed, YamlError, load_yaml


def test_values_keep_their_lines_and_dates_stay_text() -> None:
    doc = load_yaml(b"title: x\nevents:\n  - id: a\n    date: 2021-10-21\n    year: 2021\n", "f.yaml")
    assert doc.data == {"title": "x", "events": [{"id": "a", "date": "2021-10-21", "year": 2021}]}
    assert doc.line_of(("events", 0, "date")) == 4
    assert doc.line_of(("events", 0, "missing")) == 3  # nearest ancestor


def error(raw: bytes) -> str:
    with pytest.raises(YamlError) as info:
        load_yaml(raw, "f.yaml")
    return str(info.value)


def test_billion_laughs_is_rejected_not_expanded() -> None:
    bomb = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n".encode()
    assert "document expands to more than 1,000,000 values" in error(bomb)


def test_python_tags_are_refused() -> None:
    assert error(b"x: !!python/object/apply:os.system ['echo hi']\n") == (
        "f.yaml:1: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"
    )


def test_duplicate_keys_are_errors() -> None:
    assert error(b"title: a\ntitle: b\n") == "f.yaml:2: duplicate key 'title'"


def test_deep_nesting_is_rejected() -> None:
    assert "nested more than 64 levels deep" in error(b"x: " + b"[" * 100 + b"]" * 100 + b"\n")


def test_bom_is_accepted_and_bad_bytes_are_located() -> None:
    assert load_yaml(b"\xef\xbb\xbftitle: x\n", "f.yaml").data == {"title": "x"}
    assert error(b"title: x\nname: \xff\n") == "f.yaml:2: not valid UTF-8 (byte 0xff); save the file as UTF-8"


def test_empty_file() -> None:
    assert error(b"  \n") == "f.yaml:1: file is empty"
    assert error(b"# only a comment\n") == "f.yaml:1: file is empty"


def test_syntax_error_has_a_line() -> None:
    assert error(b"title: x\nevents: [a, b\n").startswith("f.yaml:3: invalid YAML:")


def test_lines_are_found_only_when_asked_for() -> None:
    """Loading keeps no line numbers (most builds never need one); the first question parses the text again."""
    doc = load_yaml(b"title: A\nevents:\n  - id: a\n    date: 2021-10-01\n  - id: b\n", "x.yaml")
    assert isinstance(doc.lines, Reparsed) and doc.lines._lines is None
    assert doc.line_of(("events", 1, "id")) == 5
    assert doc.line_of(("events", 0, "date")) == 4
    assert doc.line_of(("title",)) == 1


def test_scalars_keep_their_yaml_types() -> None:
    """Tags resolve as PyYAML's safe loader resolves them: quoted and block text is text, plain values by their form."""
    raw = b"a: 3\nb: '3'\nc: 3.5\nd: true\ne: ~\nf: 2021-10-01\ng: \"2021-10-01\"\nh: yes\ni: |\n  3\nj: null\nk: 0x1f\n"
    assert load_yaml(raw, "x.yaml").data == {"a": 3, "b": "3", "c": 3.5, "d": True, "e": None, "f": "2021-10-01",
                                             "g": "2021-10-01", "h": True, "i": "3\n", "j": None, "k": 31}
