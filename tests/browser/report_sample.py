"""Hand-made scans for the report tests: no extractor, no files, hostile text on purpose.

`sample_result()` is a small scan with three findings (error/new, warning/new, info/baseline),
one unreadable input and an article whose text, title and URL try to break out of the page.
`big_result(n)` is a scan with `n` mentions, for the table's paging and for timing.
"""

from __future__ import annotations

from typing import Any

from factcheck.documents import ReadError
from factcheck.findings import MENTION_FIELDS, Finding
from factcheck.pipeline import Corpus, DocInfo, ScanResult
from factcheck.ruleset import Rule, RuleSet
from factcheck.table import mentions_frame

# Each payload sets window.__pwned (or opens a dialog) if it ever runs as code.
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Acme " onmouseover="window.__pwned=2'
HOSTILE_URL = "javascript:window.__pwned=3"
HOSTILE_TEXT = (
    'Acme <script>window.__pwned=4;alert(1)</script> chief said " onmouseover="window.__pwned=5" '
    "the group will invest $500 in the plant </script><script>window.__pwned=6</script>. "
    "The <b>plant</b> opens in March 2026 <!-- <script>window.__pwned=7</script> -->."
)
TEXTS = {
    "wire-a": ("Acme will invest $500 billion in new data centres over four years, the company said. "
               "The first site opens in May 2025 in Texas."),
    "wire-b": HOSTILE_TEXT,
    "wire-c": ("Acme Corp plans to spend about $500 bn on AI infrastructure. "
               "Construction starts in 2025."),
}
DOCS = [
    DocInfo("wire-a", "en", "2025-01-22", "Acme to invest $500 billion", "https://news.example/a",
            "wire-a.txt", "utf-8"),
    DocInfo("wire-b", "en", "2025-01-23", HOSTILE_TITLE, HOSTILE_URL, "wire-b.txt", "utf-8"),
    DocInfo("wire-c", "en", None, "Acme’s AI spending", "http://news.example/c?x=1&y=2",
            "wire-c.txt", "cp1252"),
]
CLAIM_MONEY = "money|Acme|investment|total|"
CLAIM_DATE = "date|Acme|launch"


def mention(doc: str, figure: str, kind: str = "money", nth: int = 0, **values: Any) -> dict[str, Any]:
    """A mention row of `figure` (its nth occurrence) in TEXTS[doc], sentence and all."""
    text = TEXTS[doc]
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    end = start + len(figure)
    s0 = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    s1 = text.find(". ", end)
    s1 = len(text) if s1 < 0 else s1 + 1
    row: dict[str, Any] = {k: None for k in MENTION_FIELDS}
    row.update(doc=doc, kind=kind, start=start, end=end, text=figure, lang="en",
               sentence=text[s0:s1], sent_start=s0, sent_end=s1,
               line=1, col=start + 1, actor="Acme")
    row.update(values)
    return row


def sample_mentions() -> list[dict[str, Any]]:
    usd = {"currency": "USD", "qualifier": "exact"}
    return [
        mention("wire-a", "$500 billion", value=5e11, low=5e11, high=5e11, metric="investment",
                claim=CLAIM_MONEY, why="claimant Acme; metric investment", **usd),
        mention("wire-a", "May 2025", "date", date_start="2025-05-01", date_end="2025-06-01",
                granularity="month", metric="launch", claim=CLAIM_DATE),
        mention("wire-b", "$500", value=500.0, low=500.0, high=500.0, metric="investment",
                claim=CLAIM_MONEY, why="claimant Acme; metric investment", **usd),
        mention("wire-b", "March 2026", "date", date_start="2026-03-01", date_end="2026-04-01",
                granularity="month", metric="launch", claim=CLAIM_DATE),
        mention("wire-c", "about $500 bn", value=5e11, low=4.75e11, high=5.25e11,
                currency="USD", qualifier="approx", metric="investment", claim=CLAIM_MONEY),
        mention("wire-c", "2025", "date", date_start="2025-01-01", date_end="2026-01-01",
                granularity="year"),
    ]


def _pick(rows: list[dict[str, Any]], *keys: tuple[str, str]) -> list[dict[str, Any]]:
    out = []
    for doc, text in keys:
        r = next(r for r in rows if r["doc"] == doc and r["text"] == text)
        out.append({k: r.get(k) for k in MENTION_FIELDS})
    return out


def sample_rules() -> RuleSet:
    return RuleSet([
        Rule("FC101", "scale-mismatch", "scale_mismatch", "error",
             "{a_quote} and {b_quote} differ by {orders} orders of magnitude.", {},
             "Figures for one claim that are orders of magnitude apart."),
        Rule("FC301", "date-conflict", "date_conflict", "warning", "Dates disagree.", {},
             "Dates for one event that do not overlap."),
        Rule("FC900", "corroboration", "corroboration", "info", "Documents agree.", {},
             "Several documents agree on a claim."),
    ])


def sample_findings(rows: list[dict[str, Any]]) -> list[Finding]:
    money = _pick(rows, ("wire-b", "$500"), ("wire-a", "$500 billion"), ("wire-c", "about $500 bn"))
    dates = _pick(rows, ("wire-a", "May 2025"), ("wire-b", "March 2026"))
    agree = _pick(rows, ("wire-a", "$500 billion"), ("wire-c", "about $500 bn"))
    return [
        Finding("fc-00000000000000a1", "FC101", "scale-mismatch", "error",
                f"“$500” (wire-b) and “$500 billion” (wire-a) differ by 9.0 orders of magnitude; "
                f"{HOSTILE_TITLE}", CLAIM_MONEY, "claimant Acme; metric investment (family investment)",
                money, "new", ["wire-a", "wire-b", "wire-c"]),
        Finding("fc-00000000000000b2", "FC301", "date-conflict", "warning",
                "“May 2025” (wire-a) and “March 2026” (wire-b) do not overlap.", CLAIM_DATE,
                "claimant Acme; metric launch", dates, "new", ["wire-a", "wire-b"]),
        Finding("fc-00000000000000c3", "FC900", "corroboration", "info",
                "2 documents agree on $500 billion.", CLAIM_MONEY, "claimant Acme; metric investment",
                agree, "baseline", ["wire-a", "wire-c"]),
    ]


def sample_result() -> ScanResult:
    rows = sample_mentions()
    docs = [DocInfo(**{**d.__dict__, "mentions": sum(r["doc"] == d.id for r in rows)}) for d in DOCS]
    corpus = Corpus(docs, mentions_frame(rows),
                    [ReadError("inbox/broken.txt", "not valid UTF-8 at byte 12 <b>bold</b>")])
    return ScanResult(corpus, sample_findings(rows))


SAMPLE_FIXED = [{"id": "fc-00000000000000f4", "rule": "FC101", "message": "An old slip, now fixed."}]


def big_result(n: int, docs: int = 500) -> ScanResult:
    """`n` mentions over `docs` documents (plus the sample's findings): for paging and timing."""
    base = sample_result()
    rows = sample_mentions()
    curr = ["USD", "EUR", "GBP", "JPY", None]
    for i in range(n - len(rows)):
        d = f"doc-{i % docs:05d}"
        v = float((i * 7919) % 100000) * 10 ** (i % 4)
        sentence = f"Firm {i % 97} reported revenue of {v:g} units in quarter {i % 4 + 1}."
        figure = f"{v:g}"
        s = sentence.index(figure)
        r: dict[str, Any] = {k: None for k in MENTION_FIELDS}
        if i % 5 == 4:
            r.update(doc=d, kind="date", start=1000 + i, end=1000 + i + len(figure), text=figure,
                     lang="en", sentence=sentence, sent_start=1000 + i - s, sent_end=1000 + i - s +
                     len(sentence), line=i % 40 + 1, col=3, date_start="2024-01-01",
                     date_end="2024-04-01", granularity="quarter")
        else:
            r.update(doc=d, kind="money", start=1000 + i, end=1000 + i + len(figure), text=figure,
                     lang="en", sentence=sentence, sent_start=1000 + i - s,
                     sent_end=1000 + i - s + len(sentence), line=i % 40 + 1, col=3, value=v,
                     low=v, high=v, currency=curr[i % 5], qualifier="exact",
                     claim=f"money|Firm {i % 97}|revenue|total|" if i % 3 else None)
        rows.append(r)
    extra = [DocInfo(f"doc-{j:05d}", "en", "2024-05-01", f"Report {j}", None, f"doc-{j}.txt",
                     "utf-8") for j in range(docs)]
    base.corpus.docs.extend(extra)
    base.corpus.mentions = mentions_frame(rows)
    return base


def many_findings_result(findings: int = 2000, mentions: int = 30_000, docs: int = 1500) -> ScanResult:
    """`findings` findings over `mentions` mentions: most of them info, as an archive scan gives.

    Each claim has one to three findings (a scale slip beside an agreement, say); every finding
    quotes two or three mentions of the table, one of them stated twice in its article.
    """
    result = big_result(mentions, docs=docs)
    rows = result.corpus.mentions.to_dict("records")
    money = [r for r in rows if r["kind"] == "money" and str(r["doc"]).startswith("doc-")]
    rules = [("FC101", "scale-mismatch", "error"), ("FC301", "date-conflict", "warning"),
             ("FC900", "corroboration", "info")]
    out = list(result.findings)
    k = 0
    while len(out) < findings:
        claim = f"money|Firm {k}|revenue|total|"
        for _ in range(1 + k % 3):
            if len(out) >= findings:
                break
            n = len(out)
            # about 84% info, 12% warning, 4% error
            rule, name, sev = rules[0] if n % 25 == 3 else rules[1] if n % 8 == 5 else rules[2]
            picked = [money[(n * 7 + i * 131) % len(money)] for i in range(2 + n % 2)]
            quoted = [{f: r.get(f) for f in MENTION_FIELDS} for r in picked]
            quoted.append(dict(quoted[0], start=quoted[0]["start"] + 100000, end=quoted[0]["end"] + 100000))
            docs_of = sorted({q["doc"] for q in quoted})
            out.append(Finding(f"fc-{n:016x}", rule, name, sev,
                               f"“{quoted[0]['text']}” ({quoted[0]['doc']}) and “{quoted[1]['text']}” "
                               f"({quoted[1]['doc']}) disagree on Firm {k}'s revenue (finding {n}).",
                               claim, f"claimant Firm {k}; metric revenue", quoted, "new", docs_of))
        k += 1
    result.findings = out
    return result
