"""Reading inputs: every format, every encoding, bad files skipped by name, ids unique, files untouched."""
from __future__ import annotations

import io
import json
import os

import pytest

from claims.errors import InputError
from claims.model import Document, SourceReport
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.read import decode, iter_documents, load_corpus, read_document, terminal_safe, unique_id

ARABIC = "قال المتحدث باسم الحكومة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين."
PERSIAN = "سخنگوی دولت گفت که مذاکرات هفته آینده در پایتخت از سر گرفته می‌شود و دو طرف آماده هستند."
RUSSIAN = "Представитель правительства заявил, что переговоры возобновятся на следующей неделе в столице."
ENGLISH = "The government spokesman said the talks would resume next week in the capital after a pause."


def _docs(paths, knowledge, **kw):
    corpus = load_corpus([str(p) for p in paths], knowledge, **kw)
    return corpus.documents, corpus.skipped


def test_plain_text(tmp_path, knowledge):
    (tmp_path / "a.txt").write_text(f"Talks resume\n\n{ENGLISH}\n", encoding="utf-8")
    [doc], skipped = _docs([tmp_path / "a.txt"], knowledge)
    assert (doc.id, doc.language, doc.format, doc.encoding) == ("a", "en", "text", "utf-8")
    assert not skipped and ENGLISH in [doc.text[s:e] for s, e in doc.body]


def test_markdown_front_matter(tmp_path, knowledge):
    md = ("---\ntitle: Talks resume\noutlet: Example Daily\nurl: https://example.org/a\n"
          "published: 2025-03-19\nlanguage: en\n---\n# Talks resume\n\n" + ENGLISH + "\n")
    (tmp_path / "story.md").write_text(md, encoding="utf-8")
    [doc], _ = _docs([tmp_path / "story.md"], knowledge)
    assert (doc.title, doc.outlet, doc.url, doc.published, doc.language, doc.format) == (
        "Talks resume", "Example Daily", "https://example.org/a", "2025-03-19", "en", "markdown")
    assert doc.dropped[0].reason == "front_matter" and doc.text[doc.dropped[0].end:].startswith("# Talks")
    assert all(s >= doc.dropped[0].end for s, _ in doc.body)


def test_front_matter_datetime_and_string(tmp_path, knowledge):
    (tmp_path / "a.md").write_text(f"---\npublished: 2025-03-19 17:38:00\n---\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\npublished: \"2024-01-02T10:00:00Z\"\n---\n{ENGLISH}\n", encoding="utf-8")
    docs, _ = _docs([tmp_path], knowledge)
    assert [d.published for d in docs] == ["2025-03-19", "2024-01-02"]


def test_broken_front_matter_is_reported_not_raised(tmp_path, knowledge):
    (tmp_path / "bad.md").write_text(f"---\ntitle: [unclosed\n---\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    docs, skipped = _docs([tmp_path], knowledge)
    assert [d.id for d in docs] == ["good"]
    assert skipped[0].path.endswith("bad.md") and "front matter" in skipped[0].message


def test_html_page(tmp_path, knowledge):
    html = ("<!DOCTYPE html><html lang='en'><head><title>Talks resume</title>"
            "<meta property='og:site_name' content='Example Daily'>"
            "<meta property='article:published_time' content='2025-03-19T10:00:00Z'></head><body>"
            "<nav>Home | World | Sport</nav><article><h1>Talks resume</h1>"
            f"<p>{ENGLISH}</p><p>Both sides said they were ready and a date would be set within days.</p>"
            "</article><footer>All rights reserved</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [doc], _ = _docs([tmp_path / "page.html"], knowledge)
    assert (doc.format, doc.title, doc.outlet, doc.published, doc.language) == (
        "html", "Talks resume", "Example Daily", "2025-03-19", "en")
    assert ENGLISH in doc.text and "<p>" not in doc.text and "Home | World" not in doc.text


def test_json_object_and_list(tmp_path, knowledge):
    one = {"title": "T", "text": ENGLISH, "source": {"id": "x", "name": "Wire"}, "publishedAt": "2025-03-19T08:00:00Z"}
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"content": ARABIC, "lang": "ar"}, {"body": PERSIAN}]),
                                        encoding="utf-8")
    docs, skipped = _docs([tmp_path / "one.json", tmp_path / "many.json"], knowledge)
    assert [(d.id, d.path.rsplit("/", 1)[-1], d.language) for d in docs] == [
        ("one", "one.json", "en"), ("many-1", "many.json#1", "ar"), ("many-2", "many.json#2", "fa")]
    assert (docs[0].outlet, docs[0].published, docs[0].title) == ("Wire", "2025-03-19", "T") and not skipped


def test_json_lines_with_a_bad_record(tmp_path, knowledge):
    lines = [json.dumps({"article": ENGLISH, "url": "https://e.org/1"}), "{not json", "",
             json.dumps({"text": RUSSIAN, "outlet": "Газета"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, skipped = _docs([tmp_path / "feed.jsonl"], knowledge)
    assert [(d.id, d.path.rsplit("/", 1)[-1], d.language) for d in docs] == [
        ("feed-1", "feed.jsonl#1", "en"), ("feed-4", "feed.jsonl#4", "ru")]
    assert [s.path.rsplit("/", 1)[-1] for s in skipped] == ["feed.jsonl#2"] and "JSON" in skipped[0].message


def test_record_without_text_is_reported(tmp_path, knowledge):
    (tmp_path / "x.jsonl").write_text(json.dumps({"title": "only a title"}) + "\n" + json.dumps([1]) + "\n")
    docs, skipped = _docs([tmp_path / "x.jsonl"], knowledge)
    assert not docs and len(skipped) == 2 and "no article text" in skipped[0].message


def test_stdin(knowledge):
    docs, _ = _docs(["-"], knowledge, stdin=io.BytesIO(ARABIC.encode("utf-8")))
    assert (docs[0].id, docs[0].path, docs[0].language) == ("stdin", "<stdin>", "ar")


def test_stdin_json_lines_are_sniffed(knowledge):
    data = (json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": RUSSIAN}) + "\n").encode()
    docs, _ = _docs(["-"], knowledge, stdin=io.BytesIO(data))
    assert [d.path for d in docs] == ["<stdin>#1", "<stdin>#2"]


@pytest.mark.parametrize("encoding, text, expected", [
    ("utf-8", PERSIAN, "utf-8"),
    ("utf-8-sig", PERSIAN, "utf-8-sig"),
    ("utf-16", ARABIC, "utf-16"),            # BOM, native order
    ("utf-32", RUSSIAN, "utf-32"),
])
def test_unicode_encodings(tmp_path, knowledge, encoding, text, expected):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    [doc], _ = _docs([tmp_path / "a.txt"], knowledge)
    assert doc.encoding == expected and doc.text.strip() == text and not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_bom_both_orders(bom, codec):
    text, _ = decode(bom + ARABIC.encode(codec))
    assert text == ARABIC


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    text, encoding = decode(ENGLISH.encode(codec))
    assert text == ENGLISH and encoding == codec


@pytest.mark.parametrize("text, codec, language", [
    (ARABIC + "\n" + ARABIC, "cp1256", "ar"),
    (PERSIAN.replace("ی", "ي").replace("\u200c", " ") * 2, "cp1256", "fa"),  # cp1256 has Persian letters but one yeh
    (RUSSIAN + "\n" + RUSSIAN, "cp1251", "ru"),
])
def test_legacy_code_pages(tmp_path, knowledge, text, codec, language):
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    [doc], _ = _docs([tmp_path / "a.txt"], knowledge)
    assert doc.encoding == codec and doc.text == text and doc.language == language


def test_line_endings_normalized(tmp_path, knowledge):
    (tmp_path / "a.txt").write_bytes(f"Title\r\n\r\n{ENGLISH}\r\n".encode())
    [doc], _ = _docs([tmp_path / "a.txt"], knowledge)
    assert "\r" not in doc.text and doc.text[doc.body[-1][0]:doc.body[-1][1]] == ENGLISH


def test_bad_files_are_reported_by_name_and_skipped(tmp_path, knowledge):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\xff\x00binary\x00\x00\x10" * 20)
    (tmp_path / "c.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "d.txt").write_bytes(b"%PDF-1.4 something")
    (tmp_path / "e.txt").write_text(RUSSIAN, encoding="utf-8")
    docs, skipped = _docs([tmp_path], knowledge)
    assert [d.id for d in docs] == ["a", "e"]
    reasons = {os.path.basename(s.path): s.message for s in skipped}
    assert reasons == {"b.txt": "binary file, skipped", "c.txt": "empty file, skipped",
                       "d.txt": "binary file, skipped"}
    assert all(not s.ok for s in skipped)


def test_too_large_is_skipped(tmp_path, knowledge):
    (tmp_path / "big.txt").write_text(ENGLISH * 10, encoding="utf-8")
    docs, skipped = _docs([tmp_path], knowledge, max_bytes=100)
    assert not docs and "larger than 100 bytes" in skipped[0].message


def test_missing_path_raises(tmp_path, knowledge):
    with pytest.raises(InputError) as info:
        list(iter_documents([str(tmp_path / "nope.txt")], knowledge))
    assert "nope.txt" in str(info.value)


def test_directory_walk_is_sorted_recursive_and_filtered(tmp_path, knowledge):
    for rel in ["b.txt", "a.md", "sub/c.html", "sub/d", ".hidden.txt", ".git/e.txt", "notes.yaml", "img.png"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        content = f"<html><body><p>{ENGLISH}</p></body></html>" if rel.endswith("html") else ENGLISH
        path.write_text(content, encoding="utf-8")
    docs, skipped = _docs([tmp_path], knowledge)
    assert [os.path.relpath(d.path, tmp_path) for d in docs] == ["a.md", "b.txt", "sub/c.html", "sub/d"]
    assert not skipped


def test_ids_are_unique_and_deterministic(tmp_path, knowledge):
    for rel in ["x/a.txt", "y/a.txt", "z/a.md", "a-2.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ENGLISH, encoding="utf-8")
    first = [d.id for d in _docs([tmp_path], knowledge)[0]]
    assert first == [d.id for d in _docs([tmp_path], knowledge)[0]]
    assert first == ["a-2", "a", "a-3", "a-4"]  # a-2.txt is read first and keeps its own name


def test_unique_id():
    taken: set = set()
    assert [unique_id(x, taken) for x in ["a", "a", "a", "b"]] == ["a", "a-2", "a-3", "b"]


def test_user_file_is_unchanged(tmp_path, knowledge):
    path = tmp_path / "a.txt"
    data = f"Title\r\n\r\n{ARABIC}\r\n".encode("cp1256")
    path.write_bytes(data)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    _docs([path], knowledge)
    assert path.read_bytes() == data and os.stat(path).st_mtime == 1_600_000_000


def test_language_override(tmp_path, knowledge):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    [doc], _ = _docs([tmp_path], knowledge, language="de")
    assert doc.language == "de"


def test_iter_documents_yields_documents_and_reports(tmp_path, knowledge):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    items = list(iter_documents([str(tmp_path)], knowledge))
    assert [type(i) for i in items] == [Document, SourceReport]


def test_read_document_raises_on_a_bad_file(tmp_path, knowledge):
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError):
        read_document(str(tmp_path / "b.txt"), knowledge)


def test_seeds_languages_dates_and_bodies(seeds_dir, seed_gold, knowledge):
    corpus = load_corpus([str(seeds_dir)], knowledge)
    got = {d.id: (d.language, d.published) for d in corpus.documents}
    for source, meta in seed_gold["sources"].items():
        published = meta["published"].isoformat() if meta["published"] else None
        assert got[source] == (meta["language"], published), source
    assert all(d.body_chars > 1000 and d.dropped_chars > 0 for d in corpus.documents)


TERMINAL_TRAPS = ["\x1b[31m", "\x1b[0m", "\x1b]8;;http://x\x07", "\x1b]0;title\x1b\\", "\x07", "\x9b", "\x9b2J",
                  "\x1b", "\x00", "\x7f", "\x85", "\x0c"]


def _trapped_article() -> str:
    return (f"Talks \x1b[31mresume\x1b[0m\n\n{ENGLISH[:40]}\x1b]8;;http://x\x07{ENGLISH[40:]}\x1b]8;;\x07\x07\n\n"
            f"Both sides\x9b said \x1b]0;pwned\x1b\\they were ready\x9b2J and a date\x00 would be set\x7f within days.\n")


def _assert_terminal_safe(doc: Document) -> None:
    assert not any(ch < " " and ch not in "\n\t" or "\x7f" <= ch <= "\x9f" for ch in doc.text), repr(doc.text)
    assert doc.title is None or all(ch >= " " for ch in doc.title)
    assert ENGLISH in doc.text and "Both sides said they were ready and a date would be set within days." in doc.text
    for s, e in doc.body:
        assert doc.text[s:e] == doc.text[s:e].strip()


def test_terminal_control_is_removed_at_decoding(tmp_path, knowledge):
    (tmp_path / "a.txt").write_text(_trapped_article(), encoding="utf-8")
    [doc], skipped = _docs([tmp_path / "a.txt"], knowledge)
    assert not skipped and doc.text.startswith("Talks resume\n")
    _assert_terminal_safe(doc)


def test_terminal_control_is_removed_from_json_html_and_metadata(tmp_path, knowledge):
    record = {"title": "T\x1b[2Jitle\x07", "outlet": "Wire\x1b]0;x\x07", "text": _trapped_article()}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in _trapped_article().split("\n\n"))
    page = f"<html><head><title>A \x1b[31mtitle</title></head><body><article>{body}</article></body></html>"
    (tmp_path / "b.html").write_text(page, encoding="utf-8")
    (tmp_path / "c.html").write_text(page.replace("\x1b", "&#27;").replace("\x07", "&#7;"), encoding="utf-8")
    docs, skipped = _docs([tmp_path], knowledge)
    assert not skipped and len(docs) == 3
    assert (docs[0].title, docs[0].outlet, docs[1].title) == ("Title", "Wire", "A title")
    for doc in docs[:2]:
        _assert_terminal_safe(doc)
    assert not any(ch < " " and ch not in "\n\t" or "\x7f" <= ch <= "\x9f" for ch in docs[2].text + (docs[2].title or ""))


@pytest.mark.parametrize("trap", TERMINAL_TRAPS)
def test_each_control_sequence_is_gone_and_text_stays(trap):
    text, _ = decode(f"{ENGLISH}{trap}\n{ENGLISH}\n".encode("utf-8"))
    assert text.replace("\n", "") == ENGLISH * 2 and "\x1b" not in text and "\x07" not in text


def test_a_file_name_with_control_characters_is_shown_safely(tmp_path, knowledge):
    (tmp_path / "bad\x1b[31mname.txt").write_text(ENGLISH, encoding="utf-8")
    [doc], _ = _docs([tmp_path], knowledge)
    assert "\x1b" not in doc.path and "\x1b" not in doc.id and doc.path.endswith("bad?name.txt")


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path, knowledge, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # 25 MB, sparse: the size is all that matters
        handle.truncate(25_000_000)
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    docs, skipped = _docs([big], knowledge)
    assert not docs and skipped[0].message == "larger than 20 MB, skipped" and str(big) not in map(str, opened)


def test_stdin_over_the_limit_reads_at_most_one_byte_more(knowledge):
    class Stream(io.BytesIO):
        asked: list = []

        def read(self, n=-1):
            self.asked.append(n)
            return super().read(n)

    stream = Stream(ENGLISH.encode() * 100)
    docs, skipped = _docs(["-"], knowledge, stdin=stream, max_bytes=500)
    assert not docs and "larger than 500 bytes" in skipped[0].message and stream.asked == [501]


def test_a_thousand_small_files_are_read_in_order_with_patterns_built_once(tmp_path, knowledge, monkeypatch):
    for n in range(1000):
        (tmp_path / f"{n:04d}.txt").write_text(f"Title {n}\n\n{ENGLISH}\n", encoding="utf-8")
    fresh = type(knowledge)()
    builds: list = []
    real_cached = fresh.cached

    def counting(key, build):
        return real_cached(key, lambda: builds.append(key) or build())

    monkeypatch.setattr(fresh, "cached", counting)
    monkeypatch.setattr("claims.detect.detect_language", lambda text: "en")  # langdetect is not under test
    docs, skipped = _docs([tmp_path], fresh)
    assert [d.id for d in docs] == [f"{n:04d}" for n in range(1000)] and not skipped
    assert len(builds) == len(set(builds)) and len(builds) < 20


def test_a_symlink_loop_does_not_hang(tmp_path, knowledge):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder loop
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")  # a file loop
    docs, skipped = _docs([tmp_path], knowledge)
    assert [os.path.relpath(d.path, tmp_path) for d in docs] == ["sub/a.txt"]
    assert sorted(os.path.basename(s.path) for s in skipped) == ["x.txt", "y.txt"]
    assert all("link" in s.message for s in skipped)


def test_a_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path, knowledge):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    docs, skipped = _docs([tmp_path], knowledge)
    assert [d.id for d in docs] == ["a"] and skipped[0].message == "not a regular file, skipped"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the next test covers it")
def test_an_unreadable_file_is_skipped_with_a_message(tmp_path, knowledge):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    os.chmod(tmp_path / "b.txt", 0)
    try:
        docs, skipped = _docs([tmp_path], knowledge)
    finally:
        os.chmod(tmp_path / "b.txt", 0o644)
    assert [d.id for d in docs] == ["a"] and "Permission denied" in skipped[0].message


def test_permission_denied_is_a_message_not_a_traceback(tmp_path, knowledge, monkeypatch):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    real_open, real_scandir = open, os.scandir

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def guarded_scandir(path="."):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    docs, skipped = _docs([tmp_path], knowledge)
    assert [d.id for d in docs] == ["a"]
    assert {os.path.basename(s.path): s.message for s in skipped} == {
        "b.txt": "cannot be read (Permission denied), skipped", "sub": "cannot be read (Permission denied), skipped"}


@pytest.mark.parametrize("text", [ARABIC, PERSIAN, RUSSIAN, ENGLISH])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_every_script(tmp_path, knowledge, text, codec):
    (tmp_path / "a.txt").write_bytes(f"{text}\n\n{text}\n".encode(codec))
    [doc], _ = _docs([tmp_path / "a.txt"], knowledge)
    assert (doc.encoding, doc.text) == (codec, f"{text}\n\n{text}\n")


def test_mixed_line_endings(tmp_path, knowledge):
    (tmp_path / "a.txt").write_bytes(f"Title\r\n\n{ENGLISH}\r\rSecond paragraph here.\n\r\n{RUSSIAN}\r".encode())
    [doc], _ = _docs([tmp_path / "a.txt"], knowledge)
    assert doc.text == f"Title\n\n{ENGLISH}\n\nSecond paragraph here.\n\n{RUSSIAN}\n"


@pytest.mark.parametrize("declaration", ['<meta charset=windows-1256>', '<meta charset="windows-1256" />',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'])
def test_html_declared_charset(tmp_path, knowledge, declaration):
    page = (f"<html><head>{declaration}<title>عنوان الخبر</title></head><body><article>"
            f"<p>{ARABIC}</p><p>{ARABIC}</p></article></body></html>")
    (tmp_path / "a.html").write_bytes(page.encode("cp1256"))
    [doc], _ = _docs([tmp_path / "a.html"], knowledge)
    assert doc.encoding == "cp1256" and ARABIC in doc.text and doc.language == "ar"


def test_a_utf8_page_keeps_utf8_whatever_it_declares(knowledge):
    text, encoding = decode(f"<html><head><meta charset=windows-1256></head><body>{PERSIAN}</body></html>".encode())
    assert encoding == "utf-8" and PERSIAN in text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab ج\n\t\r.[]];8:/\\3m") + ["\x1b", "\x07", "\x9b", "\x9d", "\x9c", "\x00",
                                                                   "\x7f", "\x85", "\x0c", "\x1b[", "\x1b]"]),
                max_size=60).map("".join))
def test_terminal_safe_never_leaves_control_and_is_idempotent(text):
    safe = terminal_safe(text)
    assert not any(ch < " " and ch not in "\n\t" or "\x7f" <= ch <= "\x9f" for ch in safe)
    assert terminal_safe(safe) == safe
