"""Content files loaded round-trip, so merging keeps every comment and hand edit.

In: a YAML file of the content folder (or nothing, for a file still to be
made). Out: :class:`Doc` — its data (ruamel.yaml round-trip objects for a
file read from disk, plain dicts and lists for a new one), the original text
and indentation, a *dirty* flag set by whoever changes it, and ``dump()``:
for an existing file, its original text with only the merge's changes
written into it (:mod:`.splice`: every other line byte for byte, in the
file's own line ending, indentation, markers and quoting), and for brand-new
files the schema modeline, then :func:`fast_dump`, which writes the layout ruamel.yaml keeps directly.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from ..errors import SiteBuilderError
from ..content.schema import modeline
from .splice import newline_of, plain, splice

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MergeError(SiteBuilderError):
    """A content file cannot be merged into (it is not valid YAML, or not shaped as expected)."""


def _yaml(indent: int = 4, offset: int = 2) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=indent, offset=offset)
    return y


@dataclass
class Doc:
    path: Path
    original: str | None
    data: Any
    indent: tuple[int, int] = (4, 2)
    dirty: bool = False
    before: dict[str, Any] | None = None  # the top-level values as read (plain copies): what the merge changed

    def dump(self) -> str:
        """The file's new text: a new file written whole; an existing one with only the merge's changes written
        into its original text (:func:`~.splice.splice`), or, if its layout does not allow that, written whole."""
        if self.original is None and self.indent == (4, 2):
            # a new file starts with the schema modeline, as init's files do, so editors autocomplete it
            entry = self.path.parent.name == "entries"
            return modeline("entry" if entry else self.path.stem, 2 if entry else 1) + fast_dump(self.data)
        whole = self._dump_key(None, self.data)
        if self.original is None or self.before is None:
            return whole
        spliced = splice(self.original, self.data, self.before, self._dump_key)
        if spliced is not None and _same_data(spliced, whole):
            return spliced
        return self._conventions(whole)

    def dump_whole(self) -> str:
        """The whole file written by ruamel.yaml round-trip (comments and order kept, wherever the change is), in
        the file's byte-order mark and line ending. For edits of existing items (the review page), which the
        splice — made for the merge's additions — does not carry."""
        return self._conventions(self._dump_key(None, self.data))

    def _conventions(self, whole: str) -> str:
        """Written whole by ruamel.yaml: keep at least the file's byte-order mark and line ending."""
        if self.original is None:
            return whole
        bom = "\ufeff" if self.original.startswith("\ufeff") else ""
        newline = newline_of(self.original)
        return bom + (whole.replace("\n", newline) if newline != "\n" else whole)

    def _dump_key(self, key: str | None, value: Any) -> str:
        """``key: value`` (or, with no key, ``value``) as ruamel.yaml writes it in this file's layout."""
        if key is not None:
            value = CommentedMap([(key, value)])
        out = io.StringIO()
        _yaml(*self.indent).dump(value, out)
        return out.getvalue()

    @property
    def changed(self) -> bool:
        return self.original is None or self.dirty


# A string may stay unquoted only if YAML cannot read it as anything else: no indicator first,
# no ": " or " #" inside, no trailing space or colon, and not a number, date, bool or null.
_PLAIN_SAFE = re.compile(r"^(?![-?:,\[\]{}#&*!|>'\"%@`~ ])[^\x00-\x1f\x7f\u2028\u2029\ufeff]*(?<![ :])$")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`~ ")


def _may_not_be_text(first: str) -> bool:
    """Whether a string starting with ``first`` can read as a number, date, bool, null or merge key (_NOT_TEXT)."""
    return first.isdecimal() or first in "+-.yYnNtTfFoO~<="


_SPECIAL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ufeff]|^ | $")
_NOT_TEXT = re.compile(r"^(?:[-+]?(?:\d[\d_,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o?[0-7]+|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|"
                       r"(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)|"
                       r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|\d+(?::\d+)+(?:\.\d*)?|<<|=)$")


def _scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    # isprintable(): no control or other special characters (what _PLAIN_SAFE's character class excludes, and more)
    plain = text[:1] not in _INDICATORS and text[-1:] not in (" ", ":") if text.isprintable() else _PLAIN_SAFE.match(text)
    if text and ": " not in text and " #" not in text and plain and not (_may_not_be_text(text[0]) and _NOT_TEXT.match(text)):
        return text
    if "'" not in text and not _SPECIAL.search(text):
        return "'" + text + "'"
    return json.dumps(text, ensure_ascii=False)


def fast_dump(data: Any) -> str:
    """A new file, written directly (fast) in the layout ruamel.yaml keeps: sequences indented under keys.

    Only for converter-made data: mappings, lists and single-line scalars, no comments. Strings stay
    unquoted when safe, else single-quoted, else double-quoted with JSON escapes (valid YAML).
    """
    out: list[str] = []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"


def _emit(value: Any, indent: int, out: list[str], lead: str = "") -> None:
    pad = " " * indent
    if isinstance(value, dict):
        first = True
        for key, item in value.items():
            prefix = lead if first else pad
            first = False
            head = f"{prefix}{_scalar(key)}:"
            if isinstance(item, dict) and item:
                out.append(head)
                _emit(item, indent + 2, out)
            elif isinstance(item, list) and item:
                out.append(head)
                _emit(item, indent + 2, out)
            elif isinstance(item, (dict, list)):
                out.append(f"{head} {'{}' if isinstance(item, dict) else '[]'}")
            else:
                out.append(f"{head} {_scalar(item)}")
        if first:
            out.append(f"{lead}{{}}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                _emit(item, indent + 2, out, lead=f"{pad}- ")
            else:
                out.append(f"{pad}- {_scalar(item) if not isinstance(item, (dict, list)) else '[]'}")
    else:
        out.append(f"{lead}{_scalar(value)}")


def load_doc(path: Path, empty: Any) -> Doc:
    if not path.exists():
        return Doc(path, None, empty)
    try:
        text = path.read_bytes().decode("utf-8")  # not read_text(): its newline translation would lose a file's \r\n
        _, ind, bsi = load_yaml_guess_indent(text) if text.strip() else (None, 4, 2)
        data = _yaml(ind or 4, bsi if bsi is not None else 2).load(text)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise MergeError(f"{path}: cannot merge into this file: {str(exc).splitlines()[0]}") from None
    if data is None:
        data = empty
    if not isinstance(data, dict):
        raise MergeError(f"{path}: expected a mapping at the top of the file")
    return Doc(path, text, data, (ind or 4, bsi if bsi is not None else 2), before={k: plain(v) for k, v in data.items()})


def _same_data(one: str, other: str) -> bool:
    """Whether two texts hold the same YAML data (the check that a splice changed only what it meant to)."""
    try:
        return bool(yaml.load(one.lstrip("\ufeff"), Loader=_LOADER) == yaml.load(other, Loader=_LOADER))
    except yaml.YAMLError:
        return False
