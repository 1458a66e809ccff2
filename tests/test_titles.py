"""Where a person reads a seed's name, the text and HTML outputs give its title, never its file name
alone: messages name no file at all; a file name appears only beside its title."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import SEEDS

FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
# Written by hand from the seeds: the headline line of each titled article ...
TITLES = {
    "002_9bcf6e8d9c5eb8cb.txt": "Elon Musk distances himself from Trumps Stargate AI mission",
    "003_66341c4a3f73d99e.txt": "Sam Altman’s $7 trillion quest for network of AI chip factories",
    "004_bb1226a51bf4e116.txt": "Die Romanze zwischen Trump und Musk brodelt bereits wegen der künstlichen Intelligenz",
}
# ... and the opening words of the two whose first line is a paragraph.
OPENINGS = {
    "000_5000fba0a406cd36.txt": "Last week, Sam Altman, CEO of AI company OpenAI",
    "001_1a512827af490600.txt": "Sam Altman leads a $10 million initiative",
}
NAMES = {**TITLES, **OPENINGS}


def name_of(doc: str) -> str:
    return NAMES[doc][:30]  # labels are cut to fit; their start is always there


@pytest.fixture(scope="module")
def text_output() -> str:
    res = CliRunner().invoke(main, ["scan", str(SEEDS), "--no-report", "--quiet", "--no-cache"])
    assert res.exit_code == 1, res.stderr
    return res.stdout


def test_text_messages_name_sources_by_title(text_output):
    heads = [line for line in text_output.splitlines() if re.match(r"\S+\.txt:\d+:\d+: ", line)]
    assert len(heads) == 4
    for line in heads:
        location, message = line.split(": ", 1)
        assert not FILE.search(message), message
        quoted = re.findall(r"” \(([^)]*)\)", message)
        assert quoted and all(any(q.startswith(name_of(d)) for d in NAMES) for q in quoted), quoted
        doc = FILE.search(location).group(0)
        assert name_of(doc) in message  # the located article is named in the message too


def test_text_quote_lines_put_the_file_name_beside_the_title(text_output):
    quotes = [line for line in text_output.splitlines() if line.startswith("    ")]
    assert quotes
    for line in quotes:
        files = FILE.findall(line)
        assert files, line
        for doc in files:
            assert line.index(name_of(doc)) < line.index(doc), line


def test_html_messages_labels_and_lanes_name_sources_by_title(tmp_path):
    from factcheck.pipeline import scan
    from factcheck.report.data import build_report_data
    from factcheck.report.html import page_data
    from factcheck.ruleset import load_rules

    rules = load_rules()
    result = scan([str(SEEDS)], rules)
    data = page_data(build_report_data(result, rules))
    docs = data["table"]["docs"]
    assert {d[0]: d[5][:30] for d in docs} == {d: name_of(d) for d in NAMES}
    for f in data["findings"]:
        assert not FILE.search(f["message"]), f["message"]
        for q in f["quotes"]:
            assert docs[q["d"]][5].startswith(name_of(docs[q["d"]][0]))
        if f["strip"]:
            for m in f["strip"]["marks"]:
                assert not FILE.search(m["label"]), m["label"]
                assert any(name_of(d).startswith(m["label"].rstrip("…")[:20]) for d in NAMES), m["label"]
            for m in f["strip"]["marks"]:  # the tooltip: the name in full, the file beside it
                for doc in FILE.findall(m["title"]):
                    assert m["title"].index(name_of(doc)) < m["title"].index(doc)
