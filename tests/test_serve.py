"""`site-builder serve` without a browser: watching, rebuilding, serving, errors, the command.

Each test runs its own server on a free port (port 0) over a copy of the
minimal project and stops it at the end. Waits poll with timeouts; the only
fixed sleeps are where a test proves that something did *not* happen.
"""

from __future__ import annotations

import asyncio
import html
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tornado.websocket import websocket_connect

from site_builder.cli import parser
from site_builder.serve import Outcome, PreviewServer, ServeOptions
from site_builder.serve.watch import WatchSet, changed, is_ignored, scan

NOTHING_HAPPENS = 0.4  # well over poll + quiet: long enough for a rebuild to have started
TITLE = "Sam Ortiz is charged with bribery"  # events[0].title in the minimal project, on line 7


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    """Every test stops what it starts: no server thread outlives its test."""
    yield
    assert [t.name for t in threading.enumerate() if t.name.startswith("site-builder-")] == []


@contextmanager
def serving(project: Path, **options: object) -> Iterator[PreviewServer]:
    server = PreviewServer(ServeOptions(project / "content", **{"port": 0, **options}))  # type: ignore[arg-type]
    server.start()
    try:
        yield server
    finally:
        server.stop()


def get(server: PreviewServer, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(server.url + path, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def generation(server: PreviewServer) -> int:
    assert server.rebuilder is not None
    return server.rebuilder.preview.generation


def next_build(server: PreviewServer, after: int, timeout: float = 5) -> None:
    assert server.rebuilder is not None
    server.rebuilder.wait_for(after + 1, timeout)


def script(server: PreviewServer, build: int) -> str:
    """What serve adds to a page of rebuild ``build``: livereload's options (port and the build, which livereload.js
    reads from the first script naming it, here one the browser neither fetches nor runs), then the client at a
    fixed address, which the browser keeps in its cache from one reload to the next."""
    return (f'<script type="text/plain" src="/livereload.js?port={server.port}&amp;snipver={build}"></script>'
            '<script async src="/livereload.js"></script>')


def retitle(project: Path, new: str, old: str = TITLE) -> None:
    path = project / "content" / "entries" / "charges.yaml"
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")


# --- what is watched and what is ignored ---------------------------------


@pytest.mark.parametrize("name", [
    ".charges.yaml.swp", ".charges.yaml.swo", ".charges.yaml.swx", "charges.yaml~", "4913", ".#charges.yaml",
    "#charges.yaml#", "charges.yaml.tmp", "charges.yaml.tmp.12345", "charges.yaml.bak", "charges.yaml.orig",
    "charges.yaml___jb_tmp___", ".goutputstream-X1Y2Z3", ".DS_Store", ".~lock.wire.txt#", ".git",
])
def test_editor_temp_files_are_ignored(name: str) -> None:
    assert is_ignored(name)


@pytest.mark.parametrize("name", ["charges.yaml", "case.yaml", "wire.txt", "site.css", "timeline.js", "404.html", "static"])
def test_site_files_are_watched(name: str) -> None:
    assert not is_ignored(name)


def test_a_scan_lists_files_as_a_walk_of_the_folders_does(tmp_path: Path) -> None:
    """Links to files count (their target's stamp), links to folders are not entered, droppings and dangling links
    are left out, and a file saved over (renamed) changes its stamp."""
    (tmp_path / "content" / "entries").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("x", "utf-8")
    (tmp_path / "content" / "case.yaml").write_text("a", "utf-8")
    (tmp_path / "content" / "entries" / "charges.yaml").write_text("b", "utf-8")
    (tmp_path / "content" / "entries" / ".charges.yaml.swp").write_text("c", "utf-8")
    (tmp_path / "content" / "linked.txt").symlink_to(tmp_path / "elsewhere" / "x.txt")
    (tmp_path / "content" / "folder-link").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "content" / "dangling").symlink_to(tmp_path / "nowhere")
    watch = WatchSet((tmp_path / "content", tmp_path / "no-templates"), (tmp_path / "elsewhere" / "x.txt",))
    first = scan(watch)
    content = tmp_path / "content"
    assert sorted(first) == sorted(str(p) for p in [content / "case.yaml", content / "entries" / "charges.yaml",
                                                     content / "linked.txt", tmp_path / "elsewhere" / "x.txt"])
    assert first[str(content / "linked.txt")] == first[str(tmp_path / "elsewhere" / "x.txt")]
    assert changed(first, scan(watch)) == set()
    (content / "entries" / "new.yaml").write_text("d", "utf-8")
    os.replace(content / "entries" / "new.yaml", content / "entries" / "charges.yaml")
    assert changed(first, scan(watch)) == {content / "entries" / "charges.yaml"}


def test_saving_editor_temp_files_does_not_rebuild(project: Path) -> None:
    entries = project / "content" / "entries"
    with serving(project) as server:
        before = generation(server)
        for name in [".charges.yaml.swp", "charges.yaml~", "4913", ".#charges.yaml", "charges.yaml.tmp", "#charges.yaml#"]:
            (entries / name).write_text("not: [yaml", "utf-8")
        (project / "seeds" / ".wire.txt.swp").write_text("x", "utf-8")
        time.sleep(NOTHING_HAPPENS)
        assert generation(server) == before
        retitle(project, "Sam Ortiz is indicted")  # and the watcher is alive
        next_build(server, before)
        assert "Sam Ortiz is indicted" in get(server, "topics/charges/")[1]


def test_a_burst_of_saves_rebuilds_once(project: Path) -> None:
    entries = project / "content" / "entries"
    with serving(project) as server:
        before = generation(server)
        # What vim does on :w (write test file, back up by renaming, write anew, drop the
        # backup), then a second file saved in the same moment.
        (entries / "4913").write_text("", "utf-8")
        (entries / "4913").unlink()
        os.rename(entries / "charges.yaml", entries / "charges.yaml~")
        text = (entries / "charges.yaml~").read_text("utf-8")
        (entries / "charges.yaml").write_text(text.replace(TITLE, "Sam Ortiz is indicted"), "utf-8")
        (entries / "charges.yaml~").unlink()
        people = project / "content" / "people.yaml"
        people.write_text(people.read_text("utf-8").replace("City auditor", "The city's auditor"), "utf-8")
        next_build(server, before)
        time.sleep(NOTHING_HAPPENS)
        assert generation(server) == before + 1
        assert server.rebuilder is not None and server.rebuilder.preview.error is None
        page = get(server, "topics/charges/")[1]
        assert "Sam Ortiz is indicted" in page


def test_cited_source_files_and_templates_are_watched(project: Path) -> None:
    # A cited file outside seeds/ is watched because sources.yaml cites it.
    (project / "articles").mkdir()
    wire = (project / "seeds" / "wire.txt").rename(project / "articles" / "wire.txt")
    sources = project / "content" / "sources.yaml"
    sources.write_text(sources.read_text("utf-8").replace("../seeds/wire.txt", "../articles/wire.txt"), "utf-8")
    with serving(project) as server:
        before = generation(server)
        wire.write_text(wire.read_text("utf-8").replace("prosecutors said", "officials said"), "utf-8")
        next_build(server, before)
        assert "sentence not found" in (server.rebuilder.preview.error or "")  # type: ignore[union-attr]
        # A project templates/ folder that did not exist at start overrides the theme as soon as it appears.
        wire.write_text(wire.read_text("utf-8").replace("officials said", "prosecutors said"), "utf-8")
        next_build(server, before + 1)
        (project / "templates").mkdir()
        (project / "templates" / "404.html").write_text('{% extends "base.html" %}{% block main %}<h1>Lost here</h1>{% endblock %}', "utf-8")
        next_build(server, before + 2)
        assert get(server, "no/such/page") == (404, get(server, "404.html")[1])
        assert "<h1>Lost here</h1>" in get(server, "404.html")[1]


# --- serving -------------------------------------------------------------


def test_serves_pages_from_memory_with_reload_script(project: Path) -> None:
    with serving(project) as server:
        status, page = get(server, "")
        assert status == 200 and "The Example Bribery Case" in page
        assert TITLE in get(server, "topics/charges/")[1]
        assert script(server, 1) + "</head>" in page
        assert get(server, "topics/charges/")[1] == get(server, "topics/charges/index.html")[1]
        with urllib.request.urlopen(server.url + "topics/charges", timeout=5) as response:  # follows the redirect
            assert response.url == server.url + "topics/charges/"
        status, page = get(server, "nowhere/")
        assert status == 404 and "livereload.js" in page
        status, data = get(server, "case.json")
        assert status == 200 and data.startswith("{") and "livereload" not in data
        assert get(server, "livereload.js")[0] == 200
    assert not (project / "dist").exists()  # serve never writes the site to disk


def request(server: PreviewServer, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("GET", "/" + path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def test_a_reload_revalidates_the_stylesheet_and_keeps_livereload_js(project: Path) -> None:
    """A reload after a save asks again only for what may have changed: the stylesheet is answered 304 while its
    bytes are the same (and anew once a template changes it); livereload.js has one address for every build, cached;
    pages are never stored (each carries its build's number)."""
    with serving(project) as server:
        status, headers, css = request(server, "static/site.css")
        assert status == 200 and headers["cache-control"] == "no-cache" and headers["etag"].startswith('"')
        status, again, body = request(server, "static/site.css", {"If-None-Match": headers["etag"]})
        assert (status, body, again["etag"]) == (304, b"", headers["etag"])
        status, headers, _ = request(server, "livereload.js")
        assert status == 200 and headers["cache-control"] == "max-age=3600"
        assert request(server, "topics/charges/")[1]["cache-control"] == "no-store"
        before = generation(server)
        (project / "templates" / "static").mkdir(parents=True)
        (project / "templates" / "static" / "site.css").write_bytes(css + b"\nmain { color: #111; }\n")
        next_build(server, before)
        status, changed_headers, body = request(server, "static/site.css", {"If-None-Match": headers["etag"]})
        assert status == 200 and body.endswith(b"main { color: #111; }\n") and changed_headers["etag"] != headers["etag"]


def test_drafts_shown_unless_no_drafts(project: Path) -> None:
    draft = "The city auditor files a report"
    with serving(project) as server:
        page = get(server, "topics/charges/")[1]
        assert draft in page and "badge-draft" in page
    with serving(project, drafts=False) as server:
        assert draft not in get(server, "topics/charges/")[1]


def test_build_output_has_no_reload_script(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    with serving(project) as server:
        served = {path: get(server, path)[1] for path in ["", "topics/charges/", "people/sam-ortiz/", "404.html"]}
        url, tags = server.url, script(server, 1)
    out = project / "dist"
    # --no-search: the preview has no search page (build makes the index), so the pages match without it
    assert run("build", "--content", project / "content", "--out", out, "--drafts", "--base-url", url, "--no-search").code == 0
    for file in out.rglob("*"):
        if file.is_file():
            assert b"livereload" not in file.read_bytes(), file
    # What the server sends is exactly the built page plus the one script tag.
    for address, page in served.items():
        built = (out / (address + "index.html" if address == "" or address.endswith("/") else address)).read_text("utf-8")
        assert page == built.replace("</head>", tags + "</head>", 1)


def test_a_page_from_an_older_build_reloads_as_soon_as_it_connects(project: Path) -> None:
    """A save landing between a page's request and its websocket hello must not leave it stale."""
    async def hello(url: str, snipver: int) -> list[dict[str, object]]:
        ws = await websocket_connect(url)
        await ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"], "snipver": snipver}))
        replies = [json.loads(await asyncio.wait_for(ws.read_message(), 5))]  # type: ignore[arg-type]
        try:
            replies.append(json.loads(await asyncio.wait_for(ws.read_message(), 0.3)))  # type: ignore[arg-type]
        except asyncio.TimeoutError:
            pass
        ws.close()
        return replies

    with serving(project) as server:
        socket_url = server.url.replace("http:", "ws:") + "livereload"
        current = generation(server)
        assert [r["command"] for r in asyncio.run(hello(socket_url, current))] == ["hello"]
        assert [r["command"] for r in asyncio.run(hello(socket_url, current - 1 or 99))] == ["hello", "reload"]


# --- errors in the browser -----------------------------------------------


def test_failed_rebuild_overlays_every_page_escaped_and_next_good_save_clears_it(project: Path) -> None:
    case = project / "content" / "case.yaml"
    good = case.read_text("utf-8")
    with serving(project) as server:
        before = generation(server)
        case.write_text(good + "<b>bold</b>: 1\n", "utf-8")
        next_build(server, before)
        expected = f"{case}:12: &lt;b&gt;bold&lt;/b&gt;: unknown key &#x27;&lt;b&gt;bold&lt;/b&gt;&#x27;"
        for path in ["", "topics/charges/", "people/", "timeline/", "no-such-page"]:
            page = get(server, path)[1]
            assert 'id="site-builder-error"' in page, path
            assert expected in page, path
            assert "<b>bold</b>" not in page, path
            assert TITLE in page or path in ("", "people/", "no-such-page")  # the last good build stays underneath
        assert 'id="site-builder-error"' not in get(server, "case.json")[1]
        case.write_text(good, "utf-8")
        next_build(server, before + 1)
        assert 'id="site-builder-error"' not in get(server, "")[1]


def test_overlay_text_is_the_terminal_text(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    charges = project / "content" / "entries" / "charges.yaml"
    charges.write_text(charges.read_text("utf-8").replace("people: [sam-ortiz]", "people: [sam-ortiz"), "utf-8")
    terminal = run("build", "--content", project / "content", "--out", project / "dist").err.strip()
    assert "charges.yaml:9: invalid YAML" in terminal
    with serving(project) as server:
        status, page = get(server, "anything/")  # no good build yet: every path shows the error
        assert status == 500
        assert html.escape(terminal) in page
        before = generation(server)
        charges.write_text(charges.read_text("utf-8").replace("people: [sam-ortiz", "people: [sam-ortiz]"), "utf-8")
        next_build(server, before)
        status, page = get(server, "topics/charges/")
        assert status == 200 and TITLE in page and "site-builder-error" not in page


def test_template_error_names_template_and_line(project: Path) -> None:
    templates = project / "templates"
    templates.mkdir()
    (templates / "topic.html").write_text('{% extends "base.html" %}\n{% block main %}\n{{ no_such_value }}\n{% endblock %}\n', "utf-8")
    with serving(project) as server:
        error = server.rebuilder.preview.error  # type: ignore[union-attr]
        assert error is not None and "topic.html:3: UndefinedError" in error and "topics/charges/index.html" in error
        assert "topic.html:3: UndefinedError" in get(server, "")[1]


def test_template_error_on_a_page_not_opened_after_an_edit_shows_the_overlay(project: Path) -> None:
    """A rebuild renders the pages the browser asks for; the rest are made right after, and one that fails
    is reported like a failed rebuild: in the terminal and as the overlay over the last complete site."""
    outcomes: list[Outcome] = []
    with serving(project) as server:
        server.report = outcomes.append
        before = generation(server)
        templates = project / "templates"
        templates.mkdir()
        (templates / "person.html").write_text('{% extends "base.html" %}\n{% block main %}\n{{ no_such_value }}\n{% endblock %}\n', "utf-8")
        next_build(server, before)
        next_build(server, before + 1)  # the completer's: the person pages fail
        error = server.rebuilder.preview.error  # type: ignore[union-attr]
        assert error is not None and "person.html:3: UndefinedError" in error and "(rendering people/dana-ruiz/index.html)" in error
        assert [o.error is None for o in outcomes] == [True, False] and outcomes[1].error == error
        status, page = get(server, "topics/charges/")
        assert status == 200 and 'id="site-builder-error"' in page and TITLE in page
        (templates / "person.html").unlink()
        next_build(server, before + 2)
        time.sleep(NOTHING_HAPPENS + server.options.complete_after)  # completing the good rebuild publishes nothing
        assert generation(server) == before + 3 and server.rebuilder.preview.error is None  # type: ignore[union-attr]
        assert "site-builder-error" not in get(server, "people/sam-ortiz/")[1]


def test_a_page_asked_for_while_its_rebuild_is_incomplete_is_the_built_page(project: Path, run) -> None:  # type: ignore[no-untyped-def]
    with serving(project, complete_after=60) as server:  # nothing completed in the background during the test
        before = generation(server)
        retitle(project, "Sam Ortiz is charged")
        next_build(server, before)
        url, tags = server.url, script(server, before + 1)
        served = {path: get(server, path)[1] for path in ["topics/charges/", "people/sam-ortiz/", "timeline/", ""]}
        case_json = get(server, "case.json")[1]
        assert not server.rebuilder.preview.files.done  # type: ignore[union-attr]
    out = project / "dist"
    assert run("build", "--content", project / "content", "--out", out, "--drafts", "--base-url", url, "--no-search").code == 0
    for address, page in served.items():
        assert page == (out / address / "index.html").read_text("utf-8").replace("</head>", tags + "</head>", 1), address
    assert case_json == (out / "case.json").read_text("utf-8")


# --- binding, ports, stopping --------------------------------------------


def test_binds_127_0_0_1_by_default(project: Path) -> None:
    assert parser().parse_args(["serve"]).host == "127.0.0.1"
    assert ServeOptions(Path("content")).host == "127.0.0.1"
    with serving(project) as server:
        assert server.addresses == [("127.0.0.1", server.port)]
        assert server.url == f"http://127.0.0.1:{server.port}/"


def test_answers_only_to_loopback_names(project: Path) -> None:
    """Another site's domain pointed at 127.0.0.1 (DNS rebinding) must not read the preview."""
    with serving(project) as server:
        for host, status in [("evil.example", 421), (f"evil.example:{server.port}", 421),
                             (f"localhost:{server.port}", 200), (f"127.0.0.1:{server.port}", 200)]:
            for path in ["/", "/livereload.js", "/livereload"]:
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
                conn.request("GET", path, headers={"Host": host})
                got = conn.getresponse().status
                conn.close()
                assert got == (status if status != 200 or path != "/livereload" else 400), (host, path)


def test_busy_port_moves_to_the_next_free_one_and_stop_frees_it(project: Path) -> None:
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    while busy.getsockname()[1] > 65000:  # leave room above it for the server to move to
        busy.close()
        busy = socket.socket()
        busy.bind(("127.0.0.1", 0))
    with busy:
        busy.listen()
        taken = busy.getsockname()[1]
        with serving(project, port=taken) as server:
            assert server.moved_from == taken and server.port > taken
            assert get(server, "")[0] == 200
            port, threads = server.port, list(server._threads)
    assert not any(t.is_alive() for t in threads)
    with serving(project, port=port) as again:  # the port is free again: a new server gets it
        assert again.port == port and again.moved_from is None


def test_command_refuses_a_missing_content_folder(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("serve", "--content", tmp_path / "nope", "--port", "0")
    assert result.code == 1 and "content folder not found" in result.err


def test_command_prints_url_and_ctrl_c_exits_cleanly(project: Path) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        proc = subprocess.Popen(
            [sys.executable, "-m", "site_builder.cli", "serve", "--content", "content", "--port", str(taken)],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            lines = []
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if "Ctrl-C to stop" in line:
                    break
            assert f"port {taken} is busy; using" in "".join(lines)
            url = lines[-1].split(" at ")[1].split(" ")[0]
            assert lines[-2] == f"review drafts at {url}_review/\n"
            assert url.startswith("http://127.0.0.1:")
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.status == 200
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=10)
        finally:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    assert "Traceback" not in err and "Traceback" not in out
    assert out.strip().endswith("stopped")
    assert_port_free(int(url.rsplit(":", 1)[1].strip("/")))


def assert_port_free(port: int) -> None:
    """Nothing listens on ``port`` any more: a server socket (SO_REUSEADDR, as servers set it) can bind it."""
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))


def test_cited_files_are_the_same_resolved_again_or_taken_from_validation(project: Path) -> None:
    from site_builder.build.pipeline import Session, load_valid
    from site_builder.serve.rebuild import cited_files

    session = Session()
    content = load_valid(project / "content", session)
    expected = ((project / "seeds" / "wire.txt").resolve(),)
    assert cited_files(content) == expected  # resolved here
    assert cited_files(content, session.validation.files) == expected  # as validation resolved them
