"""Compiled templates kept in the user's cache folder (site_builder.build.bytecode): used only when signed with
this user's key and made from the same template, Jinja, Python and code; anything else compiled again."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from site_builder.build import bytecode
from site_builder.build.render import default_templates, make_environment
from site_builder.content.cache import DIR

PAGE = "base.html"


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh user cache folder (signing key and compiled templates) for each test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the templates Jinja compiles from now on (one read from the cache is not compiled)."""
    seen: list[str] = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        seen.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


def entries() -> list[Path]:
    return sorted(bytecode.folder().glob("*.bin"))


def render(dirs: list[Path]) -> str:
    env = make_environment(dirs)
    return env.get_template("_macros.html").module.draft({"review": "draft"})  # type: ignore[attr-defined,no-any-return]


def test_a_template_is_compiled_once_per_machine_and_read_back_signed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = compiles(monkeypatch)
    first = render([default_templates()])
    assert seen == ["_macros.html"]
    assert len(entries()) == 1 and bytecode.folder().parent == Path(os.environ["XDG_CACHE_HOME"]) / "site-builder"
    assert (bytecode.folder().parent / "cache-key").is_file()  # beside the signing key, never in a project
    second = render([default_templates()])
    assert seen == ["_macros.html"]  # not compiled again
    assert first == second == '<span class="badge badge-draft">Draft</span> '


@pytest.mark.parametrize("damage", ["flip a byte of the code", "truncate", "unsigned", "another key", "another jinja"])
def test_a_damaged_foreign_or_stale_entry_is_ignored_and_replaced(monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    render([default_templates()])
    (entry,) = entries()
    blob = entry.read_bytes()
    mac, _, body = blob.partition(b"\n")
    if damage == "flip a byte of the code":
        blob = blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:]
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "unsigned":
        blob = body
    elif damage == "another key":
        blob = bytecode._sign(b"k" * 32, body).encode() + b"\n" + body
    else:  # an entry of another Jinja version, signed with this key, under this template's name
        header, _, code = body.partition(b"\n")
        body = header.replace(f'"jinja": "{jinja2.__version__}"'.encode(), b'"jinja": "0.0"') + b"\n" + code
        assert body.partition(b"\n")[0] != header
        key = (bytecode.folder().parent / "cache-key").read_bytes()
        blob = bytecode._sign(key, body).encode() + b"\n" + body
    entry.write_bytes(blob)
    seen = compiles(monkeypatch)
    assert render([default_templates()]) == '<span class="badge badge-draft">Draft</span> '
    assert seen == ["_macros.html"]  # compiled again, not read
    assert entry.read_bytes() != blob  # and stored anew
    seen.clear()
    render([default_templates()])
    assert seen == []


def test_an_edited_template_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = tmp_path / "project" / "templates"
    theme.mkdir(parents=True)
    macros = theme / "_macros.html"
    macros.write_text((default_templates() / "_macros.html").read_text("utf-8"), "utf-8")
    render([theme])
    macros.write_text(macros.read_text("utf-8").replace("badge-draft", "badge-edited"), "utf-8")
    seen = compiles(monkeypatch)
    assert render([theme]) == '<span class="badge badge-edited">Draft</span> '
    assert seen == ["_macros.html"]
    assert len(entries()) == 2
    assert not (tmp_path / "project" / DIR).exists()


def test_without_a_key_templates_are_compiled_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bytecode, "machine_key", lambda: None)
    seen = compiles(monkeypatch)
    render([default_templates()])
    render([default_templates()])
    assert seen == ["_macros.html", "_macros.html"] and entries() == []


def test_only_the_newest_entries_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bytecode, "KEEP", 3)
    bytecode.folder().mkdir(parents=True)
    for i in range(5):
        old = bytecode.folder() / f"{i:064x}.bin"
        old.write_bytes(b"stale")
        os.utime(old, ns=(i * 10**9, i * 10**9))
    render([default_templates()])
    kept = entries()
    assert len(kept) == 3
    assert bytecode.folder() / f"{4:064x}.bin" in kept and bytecode.folder() / f"{3:064x}.bin" in kept
    assert not (bytecode.folder() / f"{0:064x}.bin").exists()
