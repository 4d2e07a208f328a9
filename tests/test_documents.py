"""The document readers: formats, the header of pages saved as text, identifiers, problems."""
from __future__ import annotations

import datetime as dt
import doctest
import importlib
import json
from pathlib import Path

import pytest

from graph.documents import ReadError, read_documents, read_header

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_bd2955b50dc75ab2.txt"
PAGE = Path(__file__).parent / "data" / "saved_page.html"
D = dt.date


def read(*paths, **options) -> tuple[list, list[ReadError]]:
    """The documents and the problems of reading ``paths``."""
    problems: list[ReadError] = []
    docs = list(read_documents(paths, on_error=problems.append, **options))
    return docs, problems


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- the seed and the header of pages saved as text --------------------------------------------

def test_seed_article():
    (doc,), problems = read(SEED)
    assert problems == []
    assert doc.id == "000_bd2955b50dc75ab2"
    assert doc.title == "Turkey to step up Russia talks on Aleppo ceasefire"
    assert doc.published == D(2016, 12, 13)
    assert doc.text == SEED.read_text(encoding="utf-8")
    assert doc.url is None and doc.source == str(SEED)


BODY = "Turkey will intensify talks with Russia, the minister said on Tuesday.\n\nMore text.\n"


@pytest.mark.parametrize("line", [
    "13 December, 2016", "December 13, 2016", "Dec. 13, 2016", "Dec 13th 2016", "2016-12-13",
    "13/12/2016", "Tuesday 13 December 2016", "Tue, 13 Dec 2016 10:32:00 +0000",
    "Published: 13/12/2016 10:32 GMT", "Updated: December 13, 2016 at 10:32 a.m. ET",
    "Last updated on 13 December 2016", "2016-12-13T10:32:00Z", "13 December 2016 | 10:32",
])
def test_date_line_formats(line):
    text = f"Talks resume in Geneva\nThe envoy hopes for progress\n{line}\n{BODY}"
    assert read_header(text) == ("Talks resume in Geneva", D(2016, 12, 13))


@pytest.mark.parametrize("line", [
    "3 min read", "2016", "December 2016", "On 13 December 2016 the talks began",
    "13 December 2016 10:32 and counting", "2016-13-45",
])
def test_not_date_lines(line):
    assert read_header(f"Talks resume in Geneva\n\n{line}\n{BODY}").published is None


@pytest.mark.parametrize("text, title, published", [
    # headline followed by a blank line, no date
    ("Talks resume in Geneva\n\n" + BODY, "Talks resume in Geneva", None),
    # headline not repeated, standfirst, reading time and date without blank lines
    ("Talks resume in Geneva\nEnvoys meet again.\n4 min read\nMarch 14, 2017\n" + BODY,
     "Talks resume in Geneva", D(2017, 3, 14)),
    # headline repeated on the next line, no date
    ("Talks resume\nTalks resume\nEnvoys meet again.\n" + BODY, "Talks resume", None),
    # a headline may be a question
    ("Who will rebuild Aleppo?\n\n" + BODY, "Who will rebuild Aleppo?", None),
    # a date line first, then the headline
    ("14 March 2017\nTalks resume in Geneva\n\n" + BODY, "Talks resume in Geneva", D(2017, 3, 14)),
    # "Published" wins over an earlier "Updated"
    ("Talks resume\nUpdated: 15 March 2017\nPublished: 14 March 2017\n" + BODY,
     "Talks resume", D(2017, 3, 14)),
    # no header: a normal article starts with a sentence
    (BODY, None, None),
    # … but a short standalone line without a period is taken for a headline
    ("Turkey will intensify talks, the minister said\n\nMore text.\n", "Turkey will intensify "
     "talks, the minister said", None),
    # a hard-wrapped paragraph: first line short, no period, but continued on the next line
    ("Turkey will intensify talks with Russia and\nother countries, he said.\n\nMore.\n",
     None, None),
    # a byline, an unfinished clause, a lone line, a very long line
    ("By Jane Smith\n\n" + BODY, None, None),
    ("Turkey said on Tuesday that:\n\n" + BODY, None, None),
    ("Talks resume in Geneva\n", None, None),
    ("Talks " * 40 + "\n\n" + BODY, None, None),
    # a date line too far down is not the header's
    ("Talks resume\n\n" + "".join(f"Line {i} of the body.\n" for i in range(8)) + "13 May 2017\n",
     "Talks resume", None),
])
def test_header_shapes(text, title, published):
    assert read_header(text) == (title, published)


def test_txt_text_is_the_whole_file_as_read_text_reads_it(tmp_path):
    raw = "\ufeffTalks resume\r\n\r\nThey met.\rAgain.\r\n".encode("utf-8")
    path = write(tmp_path / "crlf.txt", raw)
    (doc,), problems = read(path)
    assert problems == []
    assert doc.text == path.read_text(encoding="utf-8").removeprefix("\ufeff")
    assert doc.text == "Talks resume\n\nThey met.\nAgain.\n"
    assert doc.title == "Talks resume"


# --- records -----------------------------------------------------------------------------------

def test_jsonl_records(tmp_path):
    path = write(tmp_path / "feed.jsonl", jsonl(
        {"id": "a1", "text": "Rain fell.", "title": "Rain", "published": "2016-12-13",
         "url": "https://example.org/rain"},
        "",
        {"id": 42, "text": "Snow fell.\r\nIt was cold.", "published": "2016-12-14T23:30:00Z"},
        {"text": "Hail fell.", "published": "2016-12-15T08:00:00+02:00"},
    ))
    docs, problems = read(path)
    assert problems == []
    assert [(d.id, d.title, d.published, d.url, d.source) for d in docs] == [
        ("a1", "Rain", D(2016, 12, 13), "https://example.org/rain", f"{path}:1"),
        ("42", None, D(2016, 12, 14), None, f"{path}:3"),
        ("feed-4", None, D(2016, 12, 15), None, f"{path}:4"),
    ]
    assert docs[1].text == "Snow fell.\r\nIt was cold."        # a record's text is verbatim


@pytest.mark.parametrize("content, expected", [
    ({"id": "one", "text": "Rain fell."}, [("one", f"{{p}}")]),
    ({"text": "Rain fell."}, [("news", "{p}")]),
    ([{"text": "Rain fell."}, {"id": 7, "text": "Snow fell."}],
     [("news-1", "{p}#1"), ("7", "{p}#2")]),
    ({"documents": [{"text": "Rain fell."}, {"text": "Snow fell."}]},
     [("news-1", "{p}#1"), ("news-2", "{p}#2")]),
])
def test_json_shapes(tmp_path, content, expected):
    path = write(tmp_path / "news.json", json.dumps(content))
    docs, problems = read(path)
    assert problems == []
    assert [(d.id, d.source) for d in docs] == [(i, s.format(p=path)) for i, s in expected]


# --- HTML --------------------------------------------------------------------------------------

def test_saved_page():
    (doc,), problems = read(PAGE)
    assert problems == []
    assert doc.id == "saved_page"
    assert doc.title == "Ceasefire talks resume in Geneva"
    assert doc.published == D(2017, 3, 14)
    assert doc.url == "https://news.example.org/world/ceasefire-talks-resume-in-geneva"
    assert "a fifth round of United Nations sponsored talks" in doc.text
    assert "monitoring group based in Britain." in doc.text
    for boilerplate in ("Sport results", "Subscribe", "Copyright", "cookie", "<p>", "og:title"):
        assert boilerplate not in doc.text


def test_page_in_a_declared_charset(tmp_path):
    html = PAGE.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    html = html.replace("Staffan de Mistura", "Staffan de Mistura, in Genève,")
    (doc,), problems = read(write(tmp_path / "latin.htm", html.encode("iso-8859-1")))
    assert problems == [] and "in Genève," in doc.text


def test_page_without_article(tmp_path):
    html = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    path = write(tmp_path / "menu.html", html)
    docs, problems = read(path)
    assert docs == [] and [str(p) for p in problems] == [f"{path}: no article text found"]


# --- identifiers, order, date override ---------------------------------------------------------

def test_ids_and_order(tmp_path):
    write(tmp_path / "b" / "report.txt", "Report B.\n")
    write(tmp_path / "a" / "report.txt", "Report A.\n")
    write(tmp_path / "a" / "deep" / "note.txt", "A note.\n")
    write(tmp_path / "z.txt", "Zed.\n")
    write(tmp_path / "feed.jsonl", jsonl({"text": "One."}, {"id": 5, "text": "Two."}))
    write(tmp_path / "README.md", "# not read\n")
    write(tmp_path / ".hidden" / "x.txt", "Hidden.\n")
    docs, problems = read(tmp_path)
    assert problems == []
    assert [d.id for d in docs] == ["note", "a/report", "b/report", "feed-1", "5", "z"]
    assert [d.id for d in read_documents([tmp_path])] == [d.id for d in docs]


def test_same_stem_in_one_folder(tmp_path):
    write(tmp_path / "report.txt", "Report.\n")
    write(tmp_path / "report.json", json.dumps({"text": "Record."}))
    write(tmp_path / "other.txt", "Other.\n")
    docs, problems = read(tmp_path)
    assert problems == []
    assert sorted(d.id for d in docs) == ["other", "report.json", "report.txt"]


def test_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "one.txt", "One.\n")
    (tmp_path / "sub").mkdir()
    docs, problems = read(tmp_path, path, tmp_path / "sub" / ".." / "one.txt")
    assert [d.id for d in docs] == ["one"] and problems == []


def test_duplicate_record_id(tmp_path):
    write(tmp_path / "a.jsonl", jsonl({"id": "x", "text": "First."}, {"id": "x", "text": "Again."}))
    docs, problems = read(tmp_path)
    assert [(d.id, d.text) for d in docs] == [("x", "First.")]
    assert [(p.path.name, p.line) for p in problems] == [("a.jsonl", 2)]
    assert "duplicate id 'x'" in problems[0].message


def test_date_override(tmp_path):
    write(tmp_path / "a.jsonl", jsonl({"text": "One.", "published": "2016-01-01"},
                                      {"text": "Two."}))
    docs, _ = read(SEED, tmp_path, date=D(2020, 5, 17))
    assert len(docs) == 3 and {d.published for d in docs} == {D(2020, 5, 17)}


# --- problems ----------------------------------------------------------------------------------

LATIN1 = "Café au lait.\n".encode("latin-1")


@pytest.mark.parametrize("name, content, line, message", [
    ("empty.txt", b"", None, "empty file"),
    ("blank.txt", b" \n\t\n", None, "empty file"),
    ("bom-only.json", b"\xef\xbb\xbf\n", None, "empty file"),
    ("binary.txt", b"PK\x03\x04\x00\x00\x08\x00rest", None, "binary file"),
    ("controls.txt", b"ab\x01\x02cd\x03\x04ef\x05\x06gh" * 20, None, "binary file"),
    ("latin1.txt", b"Line one.\n" + LATIN1, 2, "not UTF-8 text (byte 0xe9 at byte offset 13"),
    ("utf16.txt", "Hello.\n".encode("utf-16"), None, "UTF-16"),
    ("bad.jsonl", jsonl({"text": "Fine."}, "{oops"), 2, "not valid JSON (Expecting property"),
    ("latin1.jsonl", jsonl({"text": "Fine."}).encode() + b'{"text": "Caf\xe9"}\n', 2,
     "not UTF-8 text (byte 0xe9 at byte offset 31"),
    ("list.jsonl", jsonl([1, 2], {"text": "Fine."}), 1, "record is not a JSON object (got a list)"),
    ("notext.jsonl", jsonl({"text": "Fine."}, {"id": "x"}), 2, 'record has no "text"'),
    ("emptytext.jsonl", jsonl({"text": " \n"}), 1, '"text" is empty'),
    ("number.jsonl", jsonl({"text": 5}), 1, '"text" is not a string (got a number)'),
    ("badid.jsonl", jsonl({"id": ["x"], "text": "Fine."}), 1, '"id" is not a string'),
    ("bad.json", '{\n  "text": "Fine.",\n  oops\n}', 3, "not valid JSON"),
    ("scalar.json", "42", None, "record is not a JSON object (got a number)"),
    ("list.json", json.dumps([{"text": "Fine."}, {"text": ""}]), None, 'record 2: "text" is empty'),
    ("none.json", "[]", None, "no records"),
    ("docs.json", json.dumps({"documents": {"text": "x"}}), None, '"documents" is not a list'),
    ("page.html", b"<html>\x00\x00\x00</html>", None, "binary file"),
    ("bogus.html", b'<meta charset="bogus"><p>Caf\xe9</p>', None, "unknown encoding: bogus"),
    ("notes.pdf", b"%PDF-1.4", None, None),       # in a folder: ignored, no problem
])
def test_one_problem_per_bad_input(tmp_path, name, content, line, message):
    write(tmp_path / "good.txt", "A good document.\n")
    write(tmp_path / "zz.jsonl", jsonl({"text": "Another good one."}))
    path = write(tmp_path / name, content)
    docs, problems = read(tmp_path)
    assert {"good", "zz-1"} <= {d.id for d in docs}
    if message is None:
        assert problems == []
        return
    assert len(problems) == 1, problems
    (problem,) = problems
    assert (problem.path, problem.line) == (path, line)
    assert message in problem.message and "\n" not in problem.message
    assert str(problem).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_bad_published_keeps_the_document(tmp_path):
    path = write(tmp_path / "a.jsonl", jsonl(
        {"id": "x", "text": "Fine.", "published": "13/12/2016"},
        {"id": "y", "text": "Fine.", "published": 2016}))
    docs, problems = read(path)
    assert [(d.id, d.published) for d in docs] == [("x", None), ("y", None)]
    assert [p.line for p in problems] == [1, 2]
    assert problems[0].message.startswith('"published" "13/12/2016" is not an ISO date')


@pytest.mark.parametrize("name, message", [
    ("missing.txt", "no such file or folder"),
    ("missing", "no such file or folder"),
    ("notes.pdf", "unsupported file type '.pdf'"),
    ("notes", "unsupported file type '(none)'"),
])
def test_explicit_path_problems(tmp_path, name, message):
    if name.startswith("notes"):
        write(tmp_path / name, "Some text.\n")
    good = write(tmp_path / "good.txt", "Good.\n")
    docs, problems = read(tmp_path / name, good)
    assert [d.id for d in docs] == ["good"]
    assert [(p.path, p.line) for p in problems] == [(tmp_path / name, None)]
    assert message in problems[0].message


def test_unreadable_file(tmp_path, monkeypatch):
    locked = write(tmp_path / "locked.txt", "Secret.\n")
    write(tmp_path / "open.txt", "Open.\n")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs, problems = read(tmp_path)
    assert [d.id for d in docs] == ["open"]
    assert [str(p) for p in problems] == [f"{locked}: cannot read (permission denied)"]


def test_problems_are_raised_without_on_error(tmp_path):
    write(tmp_path / "bad.jsonl", jsonl({"text": "Fine."}, {"text": "Fine too."}, "not json"))
    docs = read_documents([tmp_path])
    assert next(docs).id == "bad-1"
    assert next(docs).id == "bad-2"
    with pytest.raises(ReadError) as raised:
        next(docs)
    assert str(raised.value) == f"{tmp_path / 'bad.jsonl'}:3: not valid JSON (Expecting value)"


@pytest.mark.parametrize("module", ["graph.documents", "graph.read.text", "graph.read.header",
                                    "graph.read.formats"])
def test_docstring_examples(module):
    failed, _ = doctest.testmod(importlib.import_module(module))
    assert failed == 0
