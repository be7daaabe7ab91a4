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
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
MAX_CONTROL_SHARE = 0.1
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


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files named by the user: files as given, directories walked in sorted order, "-" for stdin."""
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        raise InputError(missing[0], "no such file or directory")
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        yield from walk_articles(path)


def walk_articles(directory: str) -> Iterator[str]:
    """The article files under a directory, recursively, sorted, hidden files and folders left out."""
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield os.path.join(root, name)


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
    shown = STDIN if path == "-" else path
    try:
        data = _read_bytes(path, stdin, max_bytes)
        text, encoding = decode(data)
    except InputError as exc:
        yield SourceReport(shown, ok=False, message=exc.reason)
        return
    kind = _format_of(path, text)
    stem = "stdin" if path == "-" else Path(path).stem or Path(path).name
    yield from _documents(kind, text, shown, stem, encoding, knowledge, language)


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
            if os.path.getsize(path) > max_bytes:
                raise InputError(path, f"larger than {max_bytes} bytes, skipped")
            with open(path, "rb") as handle:  # read only: the user's files are never changed
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror or exc.__class__.__name__}), skipped") from None
    if len(data) > max_bytes:
        raise InputError(path, f"larger than {max_bytes} bytes, skipped")
    return data


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used; raises InputError for binary, empty or undecodable input.

    Line endings are normalized here (\\r\\n and \\r to \\n): it is part of decoding, and every
    offset later points into this decoded text.
    """
    if data.startswith(BINARY_MAGIC):
        raise InputError("", "binary file, skipped")
    text, encoding = _decode_bytes(data)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("", "empty file, skipped")
    if len(CONTROL.findall(text[:SNIFF * 4])) > MAX_CONTROL_SHARE * min(len(text), SNIFF * 4):
        raise InputError("", "binary file, skipped")
    return text, encoding


def _decode_bytes(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    if b"\x00" in data[:SNIFF]:
        encoding = _utf16_by_nuls(data[:SNIFF])
        if encoding is None:
            raise InputError("", "binary file, skipped")
        return _strict(data, encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _legacy(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError("", f"cannot be decoded as {encoding}, skipped") from None


def _utf16_by_nuls(head: bytes) -> str | None:
    """BOM-less UTF-16: text in a Latin or Arabic range puts a NUL (or a 0x06) in every other byte."""
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


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

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = (meta.get("text") or "").strip()
    if not body:
        body = (trafilatura.html2txt(html) or "").strip()
    if not body:
        raise InputError(shown, "no article text found in the HTML page, skipped")
    title = (meta.get("title") or "").strip()
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
    text = body.replace("\r\n", "\n").replace("\r", "\n")  # normalized like decoded files
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
        if isinstance(value, (str, int, float)) and str(value).strip():
            setattr(doc, key, str(value).strip())
    if doc.language:
        doc.language = doc.language.lower().replace("_", "-").split("-")[0]
    published = _first_field(meta, FIELDS["published"])
    doc.published = iso_day(published) or doc.published


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
    if doc.outlet is None:
        doc.outlet = metadata.find_outlet(article, body, doc.language, knowledge)
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
