"""Outlets: two articles of one story are two outlets' tellings when their inputs say who
published them, by a declared `outlet` (which wins) or by the site of their URL. Invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.pipeline import documents_from_records, scan_documents

TWO_TELLINGS = {"outlets", "stated_apart"}  # the evidence only two outlets' tellings give


def _story(outlet_a: object = None, outlet_b: object = None, url_a: str | None = None,
           url_b: str | None = None) -> list[dict]:
    """One story told twice: "$5.7 billion" and "$5.6 billion", exact, to the same precision."""
    records = [
        {"id": "a", "date": "2019-01-03", "title": "Mayor digs in over harbour tunnel money",
         "text": "Mayor Jane Ortiz is now insisting that the council appropriate $5.7 billion for the "
                 "harbour tunnel, while the council wants a smaller repair plan.",
         "outlet": outlet_a, "url": url_a},
        {"id": "b", "date": "2019-01-03", "title": "Mayor and council dig in over the harbour tunnel",
         "text": "“We are asking for $5.6 billion for the tunnel,” Mayor Ortiz said at a cabinet meeting, "
                 "hours before the council voted on its repair plan.",
         "outlet": outlet_b, "url": url_b},
    ]
    return [{k: v for k, v in r.items() if v is not None} for r in records]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _scan(*paths: Path, cache: bool = False) -> list[dict]:
    args = ["scan", *map(str, paths), "--format", "json", "--no-report", "-q"]
    res = CliRunner().invoke(main, [*args] if cache else [*args, "--no-cache"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)["findings"]


def _tunnel(findings: list[dict]) -> list[dict]:
    """The findings that set the two tunnel amounts against each other."""
    return [f for f in findings if f["rule"] == "FC101"
            and {m["text"] for m in f["mentions"]} >= {"$5.7 billion", "$5.6 billion"}]


def _evidence(findings: list[dict]) -> set[str]:
    return {e["name"] for f in _tunnel(findings) for e in f["evidence"]}


def test_two_declared_outlets_without_urls_are_two_tellings_of_the_story(tmp_path: Path) -> None:
    found = _scan(_write(tmp_path / "wire.jsonl", _story("Harbour Gazette", "Valley Courier")))
    (finding,) = _tunnel(found)
    assert {e["name"] for e in finding["evidence"]} >= TWO_TELLINGS
    assert finding["severity"] in ("error", "warning")
    # one outlet twice (case and surrounding spaces are no other outlet): a figure that moved
    for same in ("Harbour Gazette", "  harbour GAZETTE "):
        found = _scan(_write(tmp_path / "one.jsonl", _story("Harbour Gazette", same)))
        assert _tunnel(found) and not _evidence(found) & TWO_TELLINGS


@pytest.mark.parametrize("outlet_b", ["Example News", " example NEWS  "])
def test_a_declared_outlet_wins_over_the_sites_of_the_urls(tmp_path: Path, outlet_b: str) -> None:
    """One outlet syndicated on two sites: its two reports of a figure that moved are not
    two outlets' tellings, though their URLs are on two hosts (which alone would be)."""
    urls = {"url_a": "https://example-news.example/a", "url_b": "https://other-paper.example/b"}
    one = _scan(_write(tmp_path / "wire.jsonl", _story("Example News", outlet_b, **urls)))
    assert _tunnel(one) and not _evidence(one) & TWO_TELLINGS
    assert _evidence(_scan(_write(tmp_path / "sites.jsonl", _story(**urls)))) >= TWO_TELLINGS


def test_an_outlet_that_is_no_text_is_no_outlet(tmp_path: Path) -> None:
    found = _scan(_write(tmp_path / "wire.jsonl", _story(7, ["Valley Courier"])))
    assert not _evidence(found) & TWO_TELLINGS
    found = _scan(_write(tmp_path / "mixed.jsonl", _story(7, "Valley Courier", url_a="https://harbour.example/a")))
    assert _evidence(found) >= TWO_TELLINGS  # the URL's site stands for the bad outlet


def test_declared_outlets_survive_the_archive_store(tmp_path: Path) -> None:
    """Scanned again from the store, the articles keep their outlets. The third scan adds
    an article with no figures, so that the claims stage runs again on the stored documents
    rather than reading the last scan's result; a scan without the store is its reference."""
    a = _write(tmp_path / "a.jsonl", _story("Harbour Gazette", "Valley Courier")[:1])
    b = _write(tmp_path / "b.jsonl", _story("Harbour Gazette", "Valley Courier")[1:])
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Council meets on Tuesday\n\nThe council meets on Tuesday to hear residents.\n", encoding="utf-8")
    first = _scan(a, b, cache=True)
    assert _evidence(first) >= TWO_TELLINGS
    assert _tunnel(_scan(a, b, cache=True)) == _tunnel(first) == _tunnel(_scan(a, b))
    stored = _scan(a, b, quiet, cache=True)
    assert _evidence(stored) >= TWO_TELLINGS
    assert _tunnel(stored) == _tunnel(_scan(a, b, quiet))


def test_in_memory_documents_take_their_outlet_too(ruleset) -> None:
    result = scan_documents(documents_from_records(_story("Harbour Gazette", "Valley Courier")), ruleset)
    assert [d.outlet for d in result.corpus.docs] == ["Harbour Gazette", "Valley Courier"]
    told = [f for f in result.findings if f.rule == "FC101"]
    assert any({e["name"] for e in f.evidence} >= TWO_TELLINGS for f in told)



def _web_page(record: dict, head: str) -> str:
    return (f"<html lang='en'><head><title>{record['title']}</title>"
            f"<meta property='article:published_time' content='{record['date']}'>{head}</head>"
            f"<body><h1>{record['title']}</h1><p>{record['text']}</p></body></html>")


def test_saved_web_pages_of_two_sites_are_two_outlets_tellings(tmp_path: Path) -> None:
    """A newsroom's folder of saved pages: each page's markup says who published it, so the
    tunnel story told by two sites is two outlets' tellings; stripped of that markup it reads
    as one publisher's two reports of a figure that moved."""
    a, b = _story()
    sites = {"a": ("Harbour Gazette", "https://www.harbour.example/tunnel"),
             "b": ("Valley Courier", "https://valley.example/news/tunnel")}
    for rec in (a, b):
        name, url = sites[rec["id"]]
        (tmp_path / "saved" / rec["id"]).mkdir(parents=True)
        (tmp_path / "saved" / rec["id"] / "page.html").write_text(
            _web_page(rec, f"<meta property='og:site_name' content='{name}'><link rel='canonical' href='{url}'>"),
            encoding="utf-8")
        (tmp_path / "bare" / rec["id"]).mkdir(parents=True)
        (tmp_path / "bare" / rec["id"] / "page.html").write_text(_web_page(rec, ""), encoding="utf-8")
    assert _evidence(_scan(tmp_path / "saved")) >= TWO_TELLINGS
    assert _tunnel(_scan(tmp_path / "bare")) and not _evidence(_scan(tmp_path / "bare")) & TWO_TELLINGS


def test_a_page_with_only_its_address_is_the_outlet_its_sites_pages_declare(tmp_path: Path) -> None:
    """One site's pages, two with its site name and one with only its address (on another
    port, under "www."), are one outlet's. A host whose pages declare two outlets (a site
    syndicating others), or only one page (one republished article), names none."""
    weather = {"id": "c", "date": "2019-01-03", "title": "Weather", "text": "Rain all week.",
               "outlet": "Harbour Gazette", "url": "https://harbour.example/c"}
    one = [*_story("Harbour Gazette", None, "https://harbour.example/a", "https://www.harbour.example:443/b"),
           weather]
    assert _tunnel(_scan(_write(tmp_path / "one.jsonl", one)))
    assert not _evidence(_scan(_write(tmp_path / "one.jsonl", one))) & TWO_TELLINGS
    host = [*_story("Harbour Gazette", None, "https://news.example/a", "https://news.example/b"),
            {**weather, "outlet": "Valley Courier", "url": "https://news.example/c"}]
    assert _evidence(_scan(_write(tmp_path / "host.jsonl", host))) >= TWO_TELLINGS
    alone = _story("Harbour Gazette", None, "https://news.example/a", "https://news.example/b")
    assert _evidence(_scan(_write(tmp_path / "alone.jsonl", alone))) >= TWO_TELLINGS
