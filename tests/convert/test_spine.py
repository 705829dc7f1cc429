"""The converter's spine (issue #10 item 1): small functions, each stage owning what it computes."""

from __future__ import annotations

import ast
from pathlib import Path

from site_builder.articles.datewords import FUTURE, FUTURE_GATE, FUTURE_PHRASES, INSTRUCTION_VERBS
from site_builder.convert.referents import judicial
from site_builder.convert.recognise import Entity
from site_builder.convert.segment import segment

CONVERT = Path(__file__).resolve().parents[2] / "site_builder" / "convert"
MAX_PARAMETERS = 6


def _parameters(function: ast.FunctionDef) -> int:
    """The parameters a caller passes (``self`` and ``cls`` not counted)."""
    args = function.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    return len([n for n in names if n not in ("self", "cls")])


def test_no_converter_function_takes_more_than_six_parameters() -> None:
    too_many = [f"{path.relative_to(CONVERT)}:{node.lineno}: {node.name} takes {_parameters(node)}"
                for path in sorted(CONVERT.rglob("*.py"))
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.FunctionDef) and _parameters(node) > MAX_PARAMETERS]
    assert too_many == []


def test_the_segmenter_finds_reporting_verbs_outside_quotations() -> None:
    seg = segment(['Dana Pike said the trailer was "said to be cut" and tried to argue the point. It is expected to argue.'])
    assert [word for _, _, word in seg.reporting_verbs(0)] == ["said", "argue"]
    assert seg.reporting_verbs(1) == []


def test_the_future_gate_holds_a_word_of_every_phrase_the_pattern_finds() -> None:
    for pattern, gate in FUTURE_PHRASES:
        assert gate.split() and all(word in pattern for word in gate.split()), pattern
    assert {"will", "set", "plans", "adjourned", "told", "summoned"} <= FUTURE_GATE
    assert set(INSTRUCTION_VERBS) <= FUTURE_GATE
    assert FUTURE.search("The hearing was adjourned until Friday.") and FUTURE.search("She plans to appeal.")


def test_judicial_words_make_a_judge_or_a_court() -> None:
    # written by hand, not read from JUDICIAL_WORDS (the pattern judicial() matches is built from that list)
    people = [("Lee Marsh", "person", "Judge"), ("Lee Marsh", "person", "Chief Justice"), ("Lee Marsh", "person", "Magistrate"),
              ("First Judicial District Court", "organization", None), ("Lee Marsh", "person", "Defense lawyer")]
    assert [judicial(Entity("x", name, kind, role=role)) for name, kind, role in people] == [True, True, True, True, False]
