"""Read every article a user has: files, directories, stdin; text, Markdown, HTML, JSON, JSON Lines.

Each input becomes Documents (one per article or record) or a SourceReport saying why it was
skipped; a bad file never stops the run, a missing path does (InputError). Files are only read.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import BinaryIO, Iterator

import yaml
from charset_normalizer import from_bytes

from . import clean, detect, metadata
from .errors import InputError
from .lexicon import Knowledge
from .model import Corpus, Document, Dropped, SourceReport

ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                    ".html": "html", ".htm": "html", ".xhtml": "html",
                    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", "": "text"}
TEXT_FIELDS = ("text", "content", "body", "article")
FIELDS = {"title": ("title", "headline"), "outlet": ("outlet", "source", "site_name", "sitename"),
          "url": ("url", "link"), "published": ("published", "date", "published_at", "publishedAt"),
          "language": ("language", "lang")}
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # ESC, VT, FF are text control, not binary
# terminal control: ESC/CSI sequences (colours, cursor moves), OSC strings (titles, hyperlinks) with
# their BEL or ST terminator (an unterminated one loses only its introducer), other ESC pairs, and
# every C0/C1 control character but \n and \t; a user's terminal must never obey an article. A lone
# C1 CSI (\x9b) takes its sequence along only when parameters follow: otherwise it is mojibake
# and the letter after it is text
TERMINAL_CONTROL = re.compile(
    r"\x1b\[[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]?|\x9b[\x30-\x3f]{1,64}[\x20-\x2f]{0,8}[\x40-\x7e]"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]{0,2048}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]{0,4}[\x30-\x7e]?"
    r"|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s{0,3}=\s{0,3}["']?\s{0,3}([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s{0,3}=\s{0,3}["']([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
WHATWG_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                 "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
MAX_CONTROL_SHARE = 0.1
MAX_NUL_SHARE = 0.01  # a stray NUL is a glitch in a text; many are a binary file
MAX_FRONT_MATTER = 65536
SNIFF = 4096
STDIN = "<stdin>"


def iter_documents(paths: list[str], knowledge: Knowledge, *, stdin: BinaryIO | None = None,
                   max_bytes: int | None = None, language: str | None = None) -> Iterator[Document | SourceReport]:
    """Every article in `paths` ("-" is stdin), in a stable order, or a report for each input skipped."""
    limit = int(max_bytes if max_bytes is not None else knowledge.setting("max_file_bytes", 20e6))
    files = list(expand_paths(paths))
    ids: set = set()
    for path in files:
        if isinstance(path, SourceReport):  # a folder or link that could not be walked
            yield path
            continue
        for item in read_source(path, knowledge, stdin=stdin, max_bytes=limit, language=language):
            if isinstance(item, Document):
                item.id = unique_id(item.id, ids)
            yield item


def load_corpus(paths: list[str], knowledge: Knowledge, *, language: str | None = None,
                stdin: BinaryIO | None = None, max_bytes: int | None = None) -> Corpus:
    """Read everything into a Corpus: the documents, and the inputs that had to be skipped."""
    corpus = Corpus()
    for item in iter_documents(paths, knowledge, stdin=stdin, max_bytes=max_bytes, language=language):
        (corpus.documents if isinstance(item, Document) else corpus.skipped).append(item)
    return corpus


def expand_paths(paths: list[str]) -> Iterator[str | SourceReport]:
    """Files named by the user: files as given, directories walked in sorted order, "-" for stdin.

    What a walk cannot enter or read (a folder without permission, a broken or looping link, a pipe)
    comes as a SourceReport instead of a path.
    """
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        raise InputError(missing[0], "no such file or directory")
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        yield from walk_articles(path)


# notes a folder keeps about itself, not articles, when met while walking a directory
PROJECT_FILES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "NOTES", "CONTRIBUTING", "INDEX"}


def walk_articles(directory: str) -> Iterator[str | SourceReport]:
    """The article files under a directory, recursively, sorted, hidden files and folders left out,
    and the notes a folder keeps about itself (README, LICENSE): named on the command line, they are read.

    Links to folders are not followed (a link back up would loop forever); links to files are.
    """
    errors: list = []
    for root, dirs, names in os.walk(directory, onerror=errors.append):
        yield from _walk_errors(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES \
                    and Path(name).stem.upper() not in PROJECT_FILES:
                yield _walked_file(os.path.join(root, name))
    yield from _walk_errors(errors)


def _walked_file(path: str) -> str | SourceReport:
    if os.path.isfile(path):
        return path
    if os.path.islink(path):
        return SourceReport(printable(path), ok=False, message="broken or looping link, skipped")
    return SourceReport(printable(path), ok=False, message="not a regular file, skipped")


def _walk_errors(errors: list) -> Iterator[SourceReport]:
    for exc in errors:
        where = printable(str(exc.filename or ""))
        yield SourceReport(where, ok=False, message=f"cannot be read ({exc.strerror or exc.__class__.__name__}), skipped")
    errors.clear()


def unique_id(wanted: str, taken: set) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... whichever is still free in this run."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate


def read_source(path: str, knowledge: Knowledge, *, stdin: BinaryIO | None = None, max_bytes: int,
                language: str | None = None) -> Iterator[Document | SourceReport]:
    """The documents of one file (or stdin), or one report saying why it was skipped."""
    shown = STDIN if path == "-" else printable(path)
    try:
        data = _read_bytes(path, stdin, max_bytes)
        text, encoding = decode(data)
    except InputError as exc:
        yield SourceReport(shown, ok=False, message=exc.reason)
        return
    kind = _format_of(path, text)
    stem = "stdin" if path == "-" else printable(Path(path).stem or Path(path).name)
    yield from _documents(kind, text, shown, stem, encoding, knowledge, language)


def printable(path: str) -> str:
    """A file name as it may be shown: a control character in it becomes "?" (as `ls` shows it)."""
    return TERMINAL_CONTROL.sub("?", path.replace("\n", "?").replace("\t", "?"))


def _documents(kind, text, shown, stem, encoding, knowledge, language) -> Iterator:
    if kind in ("json", "jsonl"):
        yield from read_records(kind, text, shown, stem, encoding, knowledge, language)
        return
    try:
        doc = read_html(text, shown, stem) if kind == "html" else read_text(text, shown, stem, kind)
    except InputError as exc:
        yield SourceReport(shown, ok=False, message=exc.reason)
        return
    doc.encoding = encoding
    yield finish(doc, knowledge, language)


def _read_bytes(path: str, stdin: BinaryIO | None, max_bytes: int) -> bytes:
    if path == "-":
        if stdin is None:
            raise InputError(STDIN, "no standard input given")
        data = stdin.read(max_bytes + 1)
    else:
        try:
            if os.stat(path).st_size > max_bytes:  # before reading: a huge file is never loaded
                raise InputError(path, f"larger than {size_text(max_bytes)}, skipped")
            with open(path, "rb") as handle:  # read only: the user's files are never changed
                data = handle.read(max_bytes + 1)  # a pipe or device has no size: read one byte too many
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror or exc.__class__.__name__}), skipped") from None
    if len(data) > max_bytes:
        raise InputError(path, f"larger than {size_text(max_bytes)}, skipped")
    return data


def size_text(n: int) -> str:
    """A size limit as people write it: "20 MB", "1.5 MB", "100 bytes"."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 10_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used; raises InputError for binary, empty or undecodable input.

    Line endings are normalized here (\\r\\n and \\r to \\n) and terminal control is removed
    (see terminal_safe): it is part of decoding, and every offset later points into this text.
    """
    if data.startswith(BINARY_MAGIC):
        raise InputError("", "binary file, skipped")
    text, encoding = _decode_bytes(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError("", "empty file, skipped")
    if len(CONTROL.findall(text[:SNIFF * 4])) > MAX_CONTROL_SHARE * min(len(text), SNIFF * 4):
        raise InputError("", "binary file, skipped")
    text = terminal_safe(text)
    if not text.strip():
        raise InputError("", "empty file, skipped")
    return text, encoding


def terminal_safe(text: str) -> str:
    """Text with one line break ("\\n") and no terminal control sequences or control characters.

    Part of decoding, like line endings: every offset and quote later points into this text, so
    nothing newsdiff prints can move a cursor, recolour or retitle a terminal, or hide a link.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(LINE_BREAKS)
    return TERMINAL_CONTROL.sub("", text)


def _decode_bytes(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    if b"\x00" in data[:SNIFF]:
        encoding = _utf16_without_bom(data[:SNIFF])
        if encoding is not None:
            return _strict(data, encoding), encoding
        if data[:SNIFF].count(0) > max(2, MAX_NUL_SHARE * len(data[:SNIFF])):
            raise InputError("", "binary file, skipped")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data[:SNIFF])
    text = _try_decode(data, declared) if declared else None
    return (text, declared) if text is not None else _legacy(data)


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares (<meta charset>, http-equiv, <?xml encoding>), as a Python codec name.

    Trusted only for bytes that are not UTF-8: a page saved as UTF-8 often keeps the old declaration.
    Labels follow the WHATWG encoding standard, where "iso-8859-1" means windows-1252.
    """
    m = DECLARED_CHARSET.search(head)
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower()
    label = WHATWG_LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError("", f"cannot be decoded as {encoding}, skipped") from None


def _utf16_without_bom(head: bytes) -> str | None:
    """BOM-less UTF-16: the high byte of each character takes few values (0x00 for Latin, 0x06 for
    Arabic script, 0x04 for Cyrillic; 0x00 again for spaces), the low byte many."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if high.count(0) > 0.4 * len(high) and low.count(0) < 0.1 * len(low):
            return encoding
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (_concentration(high) >= 0.85 and _concentration(low) < 0.6 and high.count(0) > low.count(0)
                and low.count(0) < 0.05 * len(low)):
            return encoding
    return None


def _concentration(column: bytes) -> float:
    """The share of a byte column taken by its three commonest values."""
    counts = sorted(Counter(column).values(), reverse=True)
    return sum(counts[:3]) / max(1, len(column))


def _legacy(data: bytes) -> tuple[str, str]:
    """A legacy code page by charset-normalizer; Windows-1256 when the text is in Arabic script."""
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError("", "cannot be decoded (unknown encoding), skipped")
    text = str(best)
    if _arabic_share(text) > 0.3 or any(m.encoding == "cp1256" for m in results):
        arabic = _try_decode(data, "cp1256")
        if arabic is not None and _arabic_share(arabic) >= max(0.3, _arabic_share(text)):
            return arabic, "cp1256"
    return text, best.encoding


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text[:SNIFF] if ch.isalpha()]
    return sum("\u0600" <= ch <= "\u06ff" for ch in letters) / max(1, len(letters))


def _format_of(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in ARTICLE_SUFFIXES and suffix:
        return ARTICLE_SUFFIXES[suffix]
    head = text[:SNIFF].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith(("{", "[")):
        return "jsonl" if _looks_like_json_lines(text) else "json"
    return "text"


def _looks_like_json_lines(text: str) -> bool:
    try:
        json.loads(text)
        return False
    except ValueError:
        return text.lstrip().startswith("{")


def read_text(text: str, shown: str, stem: str, kind: str = "text") -> Document:
    """A plain-text or Markdown article, with optional YAML front matter between '---' lines."""
    doc = Document(id=stem, path=shown, text=text, format=kind)
    m = FRONT_MATTER.match(text[:MAX_FRONT_MATTER])
    if m:
        meta = _front_matter(m.group(1) or "", shown)
        apply_fields(doc, meta)
        doc.dropped = (Dropped(0, m.end(), "front_matter"),)
    return doc


def _front_matter(raw: str, shown: str) -> dict:
    try:
        meta = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise InputError(shown, f"front matter is not valid YAML{where}, skipped") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(shown, "front matter must be a mapping of fields, skipped")
    return meta


def read_html(html: str, shown: str, stem: str) -> Document:
    """An HTML page: its main text, title, site name and date, by trafilatura (no network)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                include_tables=False, favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - a page the extractor cannot take is one bad file, not the run
        raise InputError(shown, f"the HTML page could not be read ({exc.__class__.__name__}), skipped") from None
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = (meta.get("text") or "").strip()
    if not body:
        body = (trafilatura.html2txt(html) or "").strip()
    if not body:
        raise InputError(shown, "no article text found in the HTML page, skipped")
    title = (meta.get("title") or "").strip()
    title, body = terminal_safe(title), terminal_safe(body)  # character references can encode ESC
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    doc = Document(id=stem, path=shown, text=text, format="html")
    apply_fields(doc, {"title": title or None, "outlet": meta.get("sitename"), "url": meta.get("url"),
                       "published": meta.get("date"), "language": meta.get("language")})
    return doc


def read_records(kind, text, shown, stem, encoding, knowledge, language) -> Iterator:
    """One Document per JSON record (an object, a list of objects, or JSON Lines); bad records reported."""
    for n, record, error in _records(kind, text, shown):
        where = f"{shown}#{n}" if n else shown
        doc = None
        if error is None:
            doc, error = _record_document(record, where, f"{stem}-{n}" if n else stem, kind)
        if error:
            yield SourceReport(where, ok=False, message=error)
            continue
        doc.encoding = encoding
        yield finish(doc, knowledge, language)


def _records(kind: str, text: str, shown: str) -> Iterator[tuple]:
    if kind == "jsonl":
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line), None
            except ValueError as exc:
                yield n, None, f"not valid JSON ({exc.msg}), skipped"
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield 0, None, f"not valid JSON ({exc.msg} at line {exc.lineno}), skipped"
        return
    if isinstance(data, list):
        for n, record in enumerate(data, 1):
            yield n, record, None
    else:
        yield 0, data, None


def _record_document(record, where: str, doc_id: str, kind: str) -> tuple:
    if not isinstance(record, dict):
        return None, "a record must be a JSON object, skipped"
    body = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if body is None:
        return None, f"no article text (fields {', '.join(TEXT_FIELDS)}), skipped"
    text = terminal_safe(body)  # a JSON string can hold any control character: cleaned like decoded files
    doc = Document(id=doc_id, path=where, text=text, format=kind)
    apply_fields(doc, {key: _first_field(record, names) for key, names in FIELDS.items()})
    return doc, None


def _first_field(record: dict, names: tuple):
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):  # {"source": {"id": ..., "name": "Reuters"}}
            value = value.get("name")
        if value not in (None, ""):
            return value
    return None


def apply_fields(doc: Document, meta: dict) -> None:
    """Metadata the source gives (front matter, JSON fields, HTML meta) onto the Document."""
    for key in ("title", "outlet", "url", "language"):
        value = meta.get(key) if key != "outlet" else _first_field(meta, FIELDS["outlet"])
        if isinstance(value, (str, int, float)) and terminal_safe(str(value)).strip():
            setattr(doc, key, " ".join(terminal_safe(str(value)).split()))
    if doc.language:
        doc.language = doc.language.lower().replace("_", "-").split("-")[0]
    published = _first_field(meta, FIELDS["published"])
    doc.published = iso_day(published) or doc.published
    if isinstance(published, dt.datetime):
        doc.published_time = published.strftime("%H:%M")
    elif isinstance(published, str) and iso_day(published):
        doc.published_time = metadata.clock_time(published.strip())


def iso_day(value) -> str | None:
    """A date, datetime or date string as "YYYY-MM-DD"; None when it is no date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = ISO_PREFIX.match(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                return None
    return None


def finish(doc: Document, knowledge: Knowledge, language: str | None = None) -> Document:
    """Language, body and furniture, published date and outlet for a Document just read."""
    skip = doc.dropped[0].end if doc.dropped else 0  # front matter is not part of the article
    article = doc.text[skip:]
    doc.language = language or doc.language or detect.detect_language(article)
    body, dropped = clean.find_body(article, knowledge.language(doc.language), knowledge)
    doc.body = tuple((s + skip, e + skip) for s, e in body)
    doc.dropped = doc.dropped + tuple(Dropped(d.start + skip, d.end + skip, d.reason) for d in dropped)
    if doc.published is None:
        doc.published = metadata.find_published(article, body, doc.language, knowledge)
    if doc.published and doc.published_time is None:
        doc.published_time = metadata.find_published_time(article, body, doc.published, doc.language, knowledge)
    if doc.outlet is None:
        doc.outlet = metadata.find_outlet(article, body, doc.language, knowledge, dropped)
    return doc


def read_document(path: str, knowledge: Knowledge, *, language: str | None = None) -> Document:
    """The one Document of a single article file; raises InputError when it cannot be read."""
    for item in read_source(path, knowledge, max_bytes=int(knowledge.setting("max_file_bytes", 20e6)),
                            language=language):
        if isinstance(item, Document):
            return item
        if not item.ok:
            raise InputError(path, item.message)
    raise InputError(path, "no article in this file")
