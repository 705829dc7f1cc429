"""Read one article file and clean it.

In: a path to a ``.txt`` seed (first line `` date YYYY-MM-DD`` then headline
or body), a ``.md`` file with YAML front matter, or an ``.html`` page.
Out: :class:`Article` — headline, metadata (publisher, date, URL), the body
as a list of paragraph strings with page furniture (bylines and staff
bylines such as "Ana Ruiz, Courts Reporter", "Published …" lines, credit lines
such as "Reporting by …" — also in brackets or closing the last paragraph — or
"… contributed to this report", picture credits, "Your tip", "EXCLUSIVE:",
copyright lines, truncated last words)
removed, and notes such as a conflict between the stored date and a date
stated in the text. Problems with the file raise :class:`ReadError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..dates import PartialDate
from ..errors import SiteBuilderError
from ..files import Refused, TooLarge, read_file
from .htmltext import html_to_article
from .timex import parse_date_phrase

MAX_BYTES = 2 * 1024 * 1024
SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


class ReadError(SiteBuilderError):
    """An article file could not be read; the message names the file and why."""


@dataclass
class Article:
    path: Path
    title: str | None
    paragraphs: list[str]
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    stored_date: str | None = None
    stated_date: str | None = None
    notes: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


_SEED_FIRST = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
_PUBLISHED_LINE = re.compile(
    r"^(?:(?:published|posted|updated|posted/updated|last updated)(?:\s+on)?\s*:?\s*(?P<a>.+?)"
    r"|(?P<b>.+?),?\s+(?:published|posted|updated)\b.*)$",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:your (?:news )?tips?\b.*|(?:got|have) a (?:news |story )?tip\b.*|tip us|scroll down.*|advertisement|story continues below.*|read more.*|related:?.*|"
    r"share this (?:article|story).*|sign up.*|subscribe.*|click here.*|watch:.*|photo:.*|credit:.*|"
    r"image (?:credit|source):.*|getty images.*|copyright\b.*|©.*|all rights reserved.*|key points|"
    r"(?:by|written by)\s+(?-i:[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|&))*)\s*(?:,.*)?|"  # names in capitals: not "By Tuesday night …"
    r"\(?(?:AP|Reuters|AFP)\)?\s*(?:photo)?|trending|more from .*|recommended.*|listen to (?:this )?article.*)$",
    re.IGNORECASE,
)
# Credit lines: who wrote, reported, edited or contributed ("Reporting by …; Editing by …", "Author: …",
# "Wire writer Lena Moss in Boise contributed to this report."). Short lines only, so that an article
# sentence that happens to use these words is kept.
_CREDIT = re.compile(
    r"^(?:(?:additional |with )?(?:reporting|writing|editing|research|fact-checking|graphics|production) by\s+(?-i:[A-Z]).*"
    r"|(?:authors?|reporters?|writers?|editors?|byline|written by|compiled by|edited by)\s*:\s*\S.*"
    r"|[^\"“”]{0,120}\b(?:contributed|contributes) (?:reporting )?to this (?:report|story|article)\.?)$",
    re.IGNORECASE,
)
# Picture credits: "Photograph by …", "Photos: …/Agency", "Illustration by …" (a short line of its own).
_PICTURE_CREDIT = re.compile(r"^(?:photo(?:graph)?s?|photography|pictures?|illustrations?|video|images?)(?:\s+by\s+|\s*:\s*)(?-i:[A-Z])[^.!?]*$",
                             re.IGNORECASE)
# A staff byline: a name, then the writer's post ("Ana Ruiz, Courts Reporter", "Ana Ruiz | Staff Writer").
_STAFF_BYLINE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2}\s*[,|–—-]\s*(?:[A-Z][\w&'’.-]*\s+){0,4}"
                           r"(?:Reporter|Correspondent|Writer|Editor|Columnist|Journalist|Contributor|Producer|Photographer|Staff)s?$")
# A wire credit closing the last paragraph: "... she said. (Reporting by Ana Ruiz; Editing by Tom Hale)".
_TRAILING_CREDIT = re.compile(r"(?<=[.!?\"”’])\s+[(\[](?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[A-Z][^()\[\]]{2,200}[)\]]$",
                              re.IGNORECASE)
# A byline run into the text after it, the space lost between two boxes of the page ("By Jay TurnerThe court …").
_GLUED_BYLINE = re.compile(r"^By\s+[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}?(?<=[a-z])(?=[A-Z][a-z])")
_KICKER = re.compile(r"^(?:EXCLUSIVE|BREAKING|UPDATE|UPDATED|WATCH|LIVE|OPINION|ANALYSIS|REVEALED)\s*[:\-–—]\s*", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:copyright\s*)?©\s*(?:\d{4}\s*,?\s*)?(?P<who>[A-Z][\w .&!'-]{1,40}?)(?:\.|,|\s+all rights|$)", re.IGNORECASE)
# A short blurb about the publication that signs it inside a sentence of its own ("... a weekly newsletter.
# Written by Ana Ruiz. Forwarded this? Subscribe here.").
_SIGNED_BLURB = re.compile(r"(?:^|[.!?]\s+)(?:written|compiled|edited|curated|produced) by\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&))*"
                           r"\s*(?:[.!?]|$)", re.IGNORECASE)
_NAME_LINE = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z'’-]+){1,2}$")
_URL = re.compile(r"^https?://[^\s\"<>\\^`{|}\x00-\x1f\x7f]{3,}$")
_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")


def read_article(path: Path, meta: dict[str, str] | None = None) -> Article:
    """Read and clean ``path``; raise :class:`ReadError` if it is not a usable article.

    ``meta`` is the file's row of a folder index (publisher, url, title, published), which fills what the file lacks.
    """
    article, lines = _parse(path, _text(path))
    article.paragraphs = _clean(article, lines)
    if not article.paragraphs:
        raise ReadError(f"{path}: no article text found")
    if meta:
        _apply_index(article, meta)
    if article.url and not _URL.match(article.url):
        article.notes.append(f"ignored an address that is not a usable http(s) URL: {article.url[:80]!r}")
        article.url = None
    _settle_date(article)
    return article


def _text(path: Path) -> str:
    """The text of article file ``path``, newlines and no-break spaces made plain; :class:`ReadError` if the file is
    not an article file, cannot be read, is not UTF-8 text or is empty."""
    if path.suffix.lower() not in SUFFIXES:
        raise ReadError(f"{path}: not an article file (expected .txt, .md or .html)")
    raw = _bytes(path)
    # Sources must stay UTF-8: the build checks every citation against the file's text.
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReadError(f"{path}: saved as UTF-16; save it as UTF-8 so its citations can be checked")
    if b"\x00" in raw[:4096]:
        raise ReadError(f"{path}: binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if not text.strip():
        raise ReadError(f"{path}: file is empty")
    return text


def _bytes(path: Path) -> bytes:
    """The bytes of ``path``, at most :data:`MAX_BYTES` (checked before reading; FIFOs and devices are refused)."""
    try:
        return read_file(path, limit=MAX_BYTES)
    except TooLarge as exc:
        raise ReadError(f"{path}: file is too large ({exc.size // 1024} KB; limit {MAX_BYTES // 1024} KB)") from None
    except Refused as exc:
        raise ReadError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None


_HTML_START = re.compile(r"\s*(?:<!doctype html|<html)", re.IGNORECASE)


def _parse(path: Path, text: str) -> tuple[Article, list[str]]:
    """The article's metadata and its lines, read by the file's kind: an HTML page (also one saved as .txt), a
    Markdown file (also a .txt file that starts with front matter), else a seed."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or _HTML_START.match(text):
        return _html(path, text, checked=suffix in (".html", ".htm"))
    if suffix in (".md", ".markdown") or text.startswith("---\n"):
        return _markdown(path, text)
    return _seed(path, text)


def _html(path: Path, text: str, checked: bool) -> tuple[Article, list[str]]:
    """An HTML page's article and its lines; when ``checked`` (a .html file), a publication date that is not a real
    day is refused."""
    meta, paragraphs = html_to_article(text)
    article = Article(path, meta.get("title"), [], meta.get("date"), meta.get("publisher"), meta.get("url"))
    article.stored_date = article.published
    if checked and article.stored_date and not _real_day(article.stored_date):
        raise ReadError(f"{path}: the page's publication date '{article.stored_date}' is not a real date")
    return article, paragraphs


def _seed(path: Path, text: str) -> tuple[Article, list[str]]:
    lines = text.split("\n")
    article = Article(path, None, [])
    first = _SEED_FIRST.match(lines[0]) if lines else None
    if first:
        if not _real_day(first.group(1)):  # refused, not skipped: a wrong date would make every "by <date>" bound false
            raise ReadError(f"{path}:1: date line '{first.group(1)}' is not a real date")
        article.stored_date = first.group(1)
        rest = first.group(2).strip()
        lines = ([rest] if rest else []) + lines[1:]
    return article, _paragraphs(lines)


def _markdown(path: Path, text: str) -> tuple[Article, list[str]]:
    article = Article(path, None, [])
    match = re.match(r"---\n(.*?)\n---\n?", text, re.DOTALL)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
        except yaml.YAMLError as exc:
            raise ReadError(f"{path}: front matter is not valid YAML: {exc}") from None
        if not isinstance(meta, dict):
            raise ReadError(f"{path}: front matter must be a mapping")
        article.title = _str(meta.get("title"))
        article.publisher = _str(meta.get("publisher") or meta.get("source") or meta.get("site"))
        article.url = _str(meta.get("url") or meta.get("link"))
        written = _str(meta.get("date") or meta.get("published"))
        if written:
            article.stored_date = _front_matter_date(written)
            if article.stored_date is None:
                raise ReadError(f"{path}: front matter date '{written}' is not a real date (expected YYYY-MM-DD)")
        text = text[match.end():]
    lines = []
    for line in text.split("\n"):
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading:
            if article.title is None:
                article.title = _strip_md(heading.group(1))
                continue
            line = ""  # section headings are not sentences
        line = re.sub(r"^\s*(?:>\s?)+", "", line)
        line = re.sub(r"^\s*[-*+]\s+", "", line)
        lines.append(_strip_md(line))
    return article, _paragraphs(lines)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML whose dates, times and numbers stay the text written (``2021-02-30`` is not a crash, ``25:61:00``
    not the number 93660), so that a wrong value can be reported as the author wrote it."""


def _verbatim(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(node.value)


for _tag in ("timestamp", "int", "float"):
    _FrontMatterLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _verbatim)

# A date, optionally with a time of day and a time zone, as YAML and feeds write them.
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                        r"[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?$")


def _real_day(text: str) -> bool:
    """Whether ``text`` is a YYYY-MM-DD day of the calendar (``2021-02-30`` and ``0000-01-01`` are not)."""
    try:
        return PartialDate.parse(text).precision == "day"
    except ValueError:
        return False


def _front_matter_date(written: str) -> str | None:
    """The day a front matter ``date`` gives (``2024-05-02``, ``2024-05-02T10:00:00Z``, ``May 2, 2024``), or None if none."""
    match = _DATE_TIME.match(written)
    if match:
        day, hour, minute, second = match.groups()
        clock_ok = hour is None or int(hour) <= 23 and int(minute) <= 59 and int(second or 0) <= 60  # 60: a leap second
        return day if _real_day(day) and clock_ok else None
    if re.match(r"^[\d\s:+-]*$", written):  # digits only, yet no date: never guess one from a part of it
        return None
    found = parse_date_phrase(written)
    return found if found and len(found) == 10 else None


def _str(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _strip_md(line: str) -> str:
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", line)
    return line.replace("`", "")


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines separate paragraphs; so do single newlines (seed files use one line per paragraph)."""
    return [" ".join(line.split()) for line in lines if line.strip()]


def _clean(article: Article, lines: list[str]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines):
        stated = _stated_date(line)
        if stated:
            article.stated_date = article.stated_date or stated
            continue
        copyright_ = _COPYRIGHT.search(line) if "©" in line or line.lower().startswith("copyright") else None
        if copyright_:
            article.publisher = article.publisher or copyright_.group("who").strip(" ,.")
            continue
        line = _GLUED_BYLINE.sub("", line)
        if _FURNITURE.match(line) or len(line) < 240 and (_CREDIT.match(line) or _bracketed_credit(line)):
            continue
        if len(line) < 120 and (_PICTURE_CREDIT.match(line) or _STAFF_BYLINE.match(line)):
            continue
        if len(line) < 400 and " by " in line and _SIGNED_BLURB.search(line):
            continue
        if line[-1:] in ")]" and "by" in line:
            line = _TRAILING_CREDIT.sub("", line)
        if _NAME_LINE.match(line) and len(line.split()) <= 3:
            continue  # a byline ("Rou Shoots") on its own line
        line = _KICKER.sub("", line)
        if article.title is None and not out and i < len(lines) - 1 and _looks_like_headline(line):
            article.title = line
            continue
        if i < len(lines) - 1 and _heading(line):
            continue  # subheadings, list items of a summary box, captions
        out.append(line)
    if out and not _END.search(out[-1]):
        # Keep the unfinished sentence for names, but no item will cite it as a statement (events.cut-off: only a dated clause whole before the cut).
        article.truncated = True
        article.notes.append("the text ends mid-sentence; the unfinished sentence gives no claim or quote, and an event only from a dated clause it completes")
    return out


def _bracketed_credit(line: str) -> bool:
    """A wire credit line in brackets: "(Reporting by Ana Ruiz in Lima; Editing by Tom Hale)"; an aside in
    brackets that is a sentence of the article ends with its own full stop inside them and is kept."""
    if line[:1] not in "([" or line[-1:] not in ")]" or line[-2:-1] in ".!?":
        return False
    return bool(_CREDIT.match(line[1:-1].strip()))


def _heading(line: str) -> bool:
    if line.endswith(":") and len(line.split()) >= 8:
        return False  # a sentence introducing a block quote or a list ("Ana Ruiz said in a post on Tuesday:")
    if re.match(r"^\d{1,2}[.)]\s", line) and not _END.search(line):
        return True
    if not _END.search(line) and len(line.split()) <= 20:
        return True
    return line.endswith("?") and len(line.split()) <= 12 and not re.search(r"[\"”’']", line)


def _looks_like_headline(line: str) -> bool:
    if len(line) > 300 or len(line.split()) < 3 or re.search(r"[a-z]{2}[.!?] [A-Z]", line):
        return False
    if re.search(r"[.…:;,][\"'’”)]*\s*$", line):
        return _title_case(line) > 0.75
    if re.search(r"[!?][\"'’”)]*\s*$", line):
        return _title_case(line) > 0.6
    return True


def _title_case(line: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _stated_date(line: str) -> str | None:
    """A furniture line that states the publication date ("Feb. 17 2025, Published 7:00 a.m. ET")."""
    if len(line) > 90:
        return None
    match = _PUBLISHED_LINE.match(line.strip())
    candidate = None
    if match:
        candidate = match.group("a") or match.group("b")
    elif re.match(r"^(?:\w+day,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}(?:[ ,].{0,30})?$", line.strip()):
        candidate = line
    if not candidate:
        return None
    found = parse_date_phrase(candidate)
    return found if found and len(found) == 10 else None


def _apply_index(article: Article, meta: dict[str, str]) -> None:
    """Metadata from a folder index (a Markdown table with a ``file`` column) fills what the file lacks."""
    # a curated index beats what the page says about itself (a copyright line names the wire, not the outlet)
    article.publisher = meta.get("publisher") or article.publisher
    article.url = (meta.get("url") if (meta.get("url") or "").startswith("http") else None) or article.url
    article.title = meta.get("title") or article.title
    listed = parse_date_phrase(meta.get("published", "") or meta.get("date", ""))
    if listed and len(listed) == 10:
        if article.stored_date and article.stored_date != listed:
            article.notes.append(f"date conflict: the file says {article.stored_date}, the folder index says {listed}; using {listed}")
        article.stored_date = listed


def _settle_date(article: Article) -> None:
    stored, stated = article.stored_date, article.stated_date
    if stored and stated and stored != stated:
        article.notes.append(f"date conflict: stored date {stored}, the text says {stated}; using {stated}")
    article.published = stated or stored or article.published  # None: converted with its date unknown (extract.py)
