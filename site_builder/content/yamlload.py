"""Safe YAML loading that remembers where every value came from.

In: the bytes of a YAML file. Out: plain Python data (dicts, lists, str,
int, float, bool, None) plus a map from each value's path (``("events", 3,
"title")``) to its 1-based line, so validation errors point at the line in
the file. Timestamps stay strings: dates are parsed by :mod:`dates`, which
knows about precision. Only the YAML node graph is built by PyYAML (the C
composer when libyaml is present); we construct the values ourselves, so no
tag can instantiate Python objects, and alias expansion is bounded
(billion-laughs documents are rejected, not expanded).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

import yaml

from ..errors import Problem

_BaseLoader: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when built with it
_SCALARS = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=65536)
def _plain_tag(value: str) -> str:
    """The tag YAML gives a plain (unquoted) scalar: int, float, bool, null, timestamp or str, by its text."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader with PyYAML's tag resolution made cheap: it runs once per scalar (most of composing a
    big file), yet a quoted or block scalar is always text, and plain ones repeat (keys, ids, dates)."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            # As Resolver.resolve with no path resolvers (the safe loader has none): implicit[0] is "plain".
            return _plain_tag(value) if implicit[0] else _STR
        tag: str = super().resolve(kind, value, implicit)
        return tag

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_VALUES = 1_000_000
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]
# What a document holds: plain data, as the module docstring says (keys are always text).
Value: TypeAlias = "str | int | float | bool | None | list[Value] | dict[str, Value]"

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
# Characters that are errors in HTML and XML text: C0 and C1 controls other than tab and line breaks,
# lone surrogates (they cannot even be written as UTF-8) and the noncharacters U+FFFE and U+FFFF.
_UNSAFE_CHAR = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass
class YamlDoc:
    """A loaded document: its data and the line of every value in it."""

    name: str
    data: Value
    lines: Mapping[Path_, int] = field(default_factory=dict)  # found when first needed (Reparsed)

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a new line
_NEEDS_QUOTES = "@`%*&[{|>"  # a plain value cannot start with these: YAML reads them as syntax


def syntax_hint(exc: yaml.MarkedYAMLError, text: str) -> str:
    """The usual fix for a YAML syntax error, as "; <fix>" to follow PyYAML's message, or "".

    In: the parser's error and the document's text. PyYAML says what the parser met, which
    rarely tells a newcomer what to change; a title with ': ' in it is the classic case.
    """
    problem = f"{exc.context or ''} {exc.problem or ''}"
    mark = exc.problem_mark
    if mark is None:
        return ""
    lines = _LINE_BREAK.split(text)
    line = lines[mark.line] if mark.line < len(lines) else ""
    first = _value_start(line)
    if "tab character" in problem or line[mark.column : mark.column + 1] == "\t":
        return "; indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        # a ': ' before the one the parser stopped at: the value holds ': '; none: the lines around are off
        if ": " in line[: mark.column]:
            return "; a value containing ': ' needs quotes"
        return "; check this line's indentation, and that the line above it is complete"
    if "quoted scalar" in problem and "end of stream" in problem and exc.context_mark is not None:
        return f"; the quote opened on line {exc.context_mark.line + 1} is never closed"
    if "unknown escape character" in problem:
        return "; inside double quotes a backslash starts an escape: write \\\\ or use single quotes"
    if "expected ',' or ']'" in problem:
        return "; a list in [ ] is missing its closing ']', or a value starting with '[' needs quotes"
    if "expected ',' or '}'" in problem:
        return "; a mapping in { } is missing its closing '}', or a value starting with '{' needs quotes"
    if first and first in _NEEDS_QUOTES:
        return f"; a value starting with '{first}' needs quotes"
    if first and first in "'\"" and "expected key" in problem:
        return "; a value that starts with a quote must end with it (write '' for a ' inside single quotes)"
    if "expected ':'" in problem:  # a key without its colon makes the next line part of a text
        return "; a key needs a ':' after it, on this line or the one above"
    if "expected key" in problem or "'-' indicator" in problem:
        return "; check this line's indentation"
    return ""


def _value_start(line: str) -> str:
    """The first character of the value on a ``key: value`` or ``- value`` line ("" if there is none)."""
    rest = line.strip()
    while rest.startswith("- "):
        rest = rest[2:].lstrip()
    key = re.match(r"[^\s'\"][^:]*?:(?:\s+|$)", rest)
    if key:
        rest = rest[key.end() :]
    return rest[:1]


def load_yaml(raw: bytes, name: str) -> YamlDoc:
    """Parse ``raw`` (the bytes of file ``name``); raise :class:`YamlError` with an address."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlError(Problem(name, 0, "", f"file is too large ({len(raw) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB)"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(Problem(name, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")) from None
    if not text.strip():
        raise YamlError(Problem(name, 1, "", "file is empty"))
    if "\x00" in text:
        raise YamlError(Problem(name, text[: text.index("\x00")].count("\n") + 1, "", "file contains a NUL character"))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:  # a control character: PyYAML gives a position, not a line
        line = text[: exc.position].count("\n") + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        raise YamlError(Problem(name, line, "", f"invalid YAML: control character U+{code:04X} is not allowed")) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(Problem(name, line, "", f"invalid YAML: {exc.problem or exc.context}{syntax_hint(exc, text)}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(name, 0, "", f"invalid YAML: {' '.join(str(exc).split())}")) from None  # one line
    except RecursionError:
        raise YamlError(Problem(name, 0, "", "invalid YAML: nested too deeply")) from None
    if node is None:
        raise YamlError(Problem(name, 1, "", "file is empty"))
    data = _Builder(name).build(node, None, 0)
    return YamlDoc(name, data, Reparsed(text, name))


class Reparsed(Mapping[Path_, int]):
    """A document's line numbers, found when first asked for by parsing its text again: only an error
    message needs one, and keeping ~100,000 paths for every file of every build cost more than that."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self._lines: dict[Path_, int] | None = None

    @property
    def lines(self) -> dict[Path_, int]:
        if self._lines is None:
            builder = _Builder(self.name)
            try:
                node = yaml.compose(self.text, Loader=_Loader)
                if node is not None:
                    builder.build(node, (), 0)
            except (yaml.YAMLError, YamlError, RecursionError):  # cannot happen: the text parsed once already
                pass  # (an address without a line is still an address: line_of falls back to 1)
            self._lines = builder.lines
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self.lines[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


def lines_of(raw: bytes, name: str) -> Reparsed:
    """The line numbers of a document that parsed without error (as :func:`load_yaml` read ``raw``), on demand."""
    return Reparsed(raw.decode("utf-8-sig"), name)


class _Builder:
    """Plain values from a node graph, with the checks of the module docstring; with a ``path``, also the
    line of every value (``lines``)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.lines: dict[Path_, int] = {}

    def fail(self, node: yaml.Node, message: str) -> YamlError:
        return YamlError(Problem(self.name, node.start_mark.line + 1, "", message))

    def build(self, node: yaml.Node, path: Path_ | None, depth: int) -> Value:
        """The value of ``node`` at ``path`` (None: keep no lines), ``depth`` levels down."""
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.fail(node, f"document expands to more than {MAX_VALUES:,} values (recursive aliases?)")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nested more than {MAX_DEPTH} levels deep")
        if path is not None:
            self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail(node, f"unsupported YAML tag '{node.tag}'")
            if path is None:
                return [self.build(item, None, depth + 1) for item in node.value]
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self.fail(node, f"unsupported YAML tag '{node.tag}'")
            result: dict[str, Value] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise self.fail(key_node, "merge keys ('<<') are not supported; write the keys out")
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                    raise self.fail(key_node, "keys must be plain text")
                key = key_node.value
                if key in result:
                    raise self.fail(key_node, f"duplicate key '{key}'")
                if path is None:
                    result[key] = self.build(value_node, None, depth + 1)
                    continue
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise self.fail(node, "unsupported YAML node")  # pragma: no cover - composer yields only the three

    def scalar(self, node: yaml.ScalarNode) -> Value:
        if "\x00" in node.value:  # a "\0" escape; reserved by the renderer
            raise self.fail(node, "text contains a NUL character")
        bad = _UNSAFE_CHAR.search(node.value)
        if bad:  # escapes such as "\b" get past the YAML reader, but no HTML or XML page may hold them
            raise self.fail(node, f"text contains the character U+{ord(bad.group()):04X}, which web pages may not hold")
        if node.tag in (_STR, _TIMESTAMP):
            text: str = node.value
            return text
        if node.tag in _PLAIN_TAGS:
            plain: Value = _SCALARS.construct_object(node)  # an int, float, bool or None for these tags
            return plain
        raise self.fail(node, f"unsupported YAML tag '{node.tag}'")
