"""Pre-publication checks against the seeds: a wrong figure in a draft fails the check, a right
one does not, and a bigger archive never hides a contradiction."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Invented wire items about other companies and markets (no third-party text): the kind of
# unrelated articles any archive holds beside a story.
_COMPANIES = ["Northwind Traders", "Contoso Steel", "Fabrikam Foods", "Tailspin Air", "Litware Media",
              "Proseware Mining", "Wingtip Toys", "Adatum Power", "Lucerne Shipping", "Margie Travel"]
_TEMPLATES = [
    "{c} said first-quarter net income rose to {a}.{b} mln dlrs from {b}.{a} mln dlrs a year earlier.",
    "{c} will invest {a}0 mln dlrs in a new plant in Ohio over the next two years, the company said.",
]


def _unrelated(n: int) -> list[dict[str, str]]:
    out = []
    for k in range(n):
        company = _COMPANIES[k % len(_COMPANIES)]
        text = _TEMPLATES[k % 2].format(c=company, a=k % 7 + 2, b=k % 5 + 1)
        out.append({"id": f"wire-{k:02d}", "title": f"{company.upper()} REPORT", "date": "2025-01-1" + str(k % 9),
                    "text": f"{company.upper()} REPORT\n{text}\n"})
    return out


def _check(draft_text: str, tmp_path: Path, *archive: Path) -> tuple[int, list[dict]]:
    draft = tmp_path / "draft.txt"
    draft.write_text(draft_text, encoding="utf-8")
    args = ["check", str(draft)]
    for a in archive or (SEEDS,):
        args += ["--against", str(a)]
    res = CliRunner().invoke(main, [*args, "--no-cache", "--format", "json", "-q"])
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, json.loads(res.stdout)["findings"]


def _archive(root: Path, records: list[dict]) -> Path:
    """A folder holding `records` as one JSONL corpus, for `--against`."""
    root.mkdir(parents=True)
    (root / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return root


def _serious(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["severity"] in ("error", "warning")]


@pytest.mark.parametrize("draft", [
    "Stargate will invest $50 billion over four years.\n",
    "Stargate will invest $50bn over the next four years",  # a one-liner, no full stop
], ids=["sentence", "one-liner"])
def test_a_tenfold_smaller_stargate_investment_fails_the_check(tmp_path: Path, draft: str) -> None:
    code, findings = _check(draft, tmp_path)
    assert code == 1
    serious = _serious(findings)
    assert serious, findings
    assert any("$500bn" in {m["text"] for m in f["mentions"]} for f in serious)
    assert all(f["evidence"] and f["score"] for f in serious)  # each says why it was decided


def test_a_wrong_founding_year_fails_the_check_with_a_warning(tmp_path: Path) -> None:
    code, findings = _check("OpenAI was founded in 2017.\n", tmp_path)
    assert code == 1
    (f,) = [f for f in _serious(findings) if f["rule"] == "FC201"]
    assert {m["text"] for m in f["mentions"]} >= {"2017", "2015"}


def test_a_draft_that_agrees_with_the_archive_gets_no_warning(tmp_path: Path) -> None:
    """The seeds also hold a slip ("500 US-Dollar"): that is the archive's problem, not the
    draft's, which says what the archive says."""
    code, findings = _check("Stargate will invest at least $500 billion.\n", tmp_path)
    assert code == 0
    assert not _serious(findings)


@pytest.mark.parametrize("draft", [
    "Stargate will invest $50 billion over four years.\n",
    "OpenAI was founded in 2017.\n",
    "Stargate will invest at least $500 billion.\n",
], ids=["stargate", "openai", "agreeing"])
def test_twenty_unrelated_articles_in_the_archive_change_nothing(tmp_path: Path, draft: str) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    (archive / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in _unrelated(20)), encoding="utf-8")
    small = _check(draft, tmp_path, SEEDS)
    big = _check(draft, tmp_path, archive)
    assert big[0] == small[0]
    key = [(f["rule"], f["severity"], sorted(m["text"] for m in f["mentions"])) for f in small[1]]
    assert [(f["rule"], f["severity"], sorted(m["text"] for m in f["mentions"])) for f in big[1]] == key


def test_an_agreeing_article_added_to_the_archive_keeps_the_contradiction(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    draft = "Stargate will invest $50 billion over four years.\n"
    before = _serious(_check(draft, tmp_path, archive)[1])
    (archive / "more.txt").write_text("Stargate Project to spend $500bn on AI\nStargate will invest $500 billion "
                                      "in AI infrastructure over the next four years, the partners said.\n",
                                      encoding="utf-8")
    code, after = _check(draft, tmp_path, archive)
    assert code == 1 and before
    assert {f["rule"] for f in _serious(after)} >= {f["rule"] for f in before}


def test_an_archive_article_disagreeing_with_another_keeps_the_drafts_contradiction(tmp_path: Path) -> None:
    # two archive articles already differ ($5 and $6 million); the draft's third figure, in the
    # same words, is no third filling of a template: the archive's own forms decide that
    def item(name: str, title: str, amount: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.txt").write_text(f"{title}\n\nKestrel Rail paid ${amount} million in 2019 for the "
                                             "depot.\n", encoding="utf-8")
        return folder

    first, second = item("first", "Kestrel Rail buys depot", "5"), item("second", "Depot sold to Kestrel", "6")
    draft = "Kestrel closes depot deal\n\nKestrel Rail paid $7 million in 2019 for the depot.\n"
    code_one, one = _check(draft, tmp_path, first)
    code_both, both = _check(draft, tmp_path, first, second)
    assert code_one == code_both == 1
    assert [(f["severity"], sorted(m["text"] for m in f["mentions"])) for f in _serious(one)] == [
        ("error", ["$5 million", "$7 million"])]
    # neither lost nor weakened to a warning by the second article
    assert sorted((f["severity"], sorted(m["text"] for m in f["mentions"])) for f in _serious(both)) == [
        ("error", ["$5 million", "$7 million"]), ("error", ["$6 million", "$7 million"])]


# One invented Senate vote told by two outlets (URLs name them), each in its own words.
_JOBS_BILL = [
    {"id": "times-1", "url": "https://times.example/1", "date": "2011-10-20",
     "title": "Senate blocks piece of Obama jobs bill",
     "text": "Senate blocks piece of Obama jobs bill\nSenate Republicans on Thursday blocked a $35 billion "
             "measure to pay for teachers and firefighters, the first piece of President Obama's jobs agenda to "
             "come to a vote since the full bill stalled. Republicans oppose Mr. Obama's $447 billion "
             "job-creation plan, which also includes tax cuts for workers and employers. Democrats said they "
             "would next push $60 billion in infrastructure spending.\n"},
    {"id": "post-2", "url": "https://post.example/2", "date": "2011-10-20",
     "title": "Republicans block teacher funding in Obama jobs bill",
     "text": "Republicans block teacher funding in Obama jobs bill\nA Republican filibuster on Thursday stopped "
             "a $35 billion bill to keep teachers and police on the payroll. The White House had split the "
             "president's $447 billion proposal into smaller parts after the Senate refused to take it up "
             "whole. Next up is a $60 billion roads and bridges package, aides said.\n"},
]


def _jobs_check(figure: str, tmp_path: Path, *more: dict) -> tuple[int, list[dict]]:
    """A draft that words the whole package apart from both outlets, checked against them (an
    article of `more` with an outlet's id takes that article's place)."""
    story = {r["id"]: r for r in _JOBS_BILL} | {r["id"]: r for r in more}
    archive = _archive(tmp_path / "archive", list(story.values()) + _unrelated(10))
    draft = ("Obama presses ahead on jobs\nThe president will keep pressing lawmakers after the "
             f"{figure} package failed when offered as a whole, aides said on Thursday.\n")
    return _check(draft, tmp_path, archive)


def _against(findings: list[dict], figure: str, other: str) -> list[dict]:
    return [f for f in _serious(findings) if {figure, other} <= {m["text"] for m in f["mentions"]}]


@pytest.mark.parametrize("figure", ["$44.7 billion", "$4.47 trillion"], ids=["a-tenth", "ten-times-as-a-trillion"])
def test_a_draft_amount_one_error_from_the_storys_fails_the_check_however_worded(
        tmp_path: Path, figure: str) -> None:
    """The draft's sentence shares few words with either outlet's, but its amount is theirs
    with the point moved or the magnitude word changed, and neither article states it: the
    check reads it as mistyped, fails, and names that evidence."""
    code, findings = _jobs_check(figure, tmp_path)
    assert code == 1
    (f,) = _against(findings, figure, "$447 billion")
    assert "unbacked" in {e["name"] for e in f["evidence"]}


def test_a_draft_amount_one_error_from_the_storys_fails_the_check_in_a_sentence_sharing_no_word(
        tmp_path: Path) -> None:
    """A scan drops the pairs of two linked articles whose sentences share no word (most are two
    facts); a draft's few figures meet its story's however it words them."""
    archive = _archive(tmp_path / "archive", _JOBS_BILL + _unrelated(10))
    draft = ("Republicans block piece of Obama jobs bill\nThe vote fell short on Thursday. Critics balked at "
             "its $44.7 billion price tag.\n")
    code, findings = _check(draft, tmp_path, archive)
    assert code == 1 and _against(findings, "$44.7 billion", "$447 billion")


def test_a_drafts_round_amount_one_digit_from_the_storys_still_fails_the_check(tmp_path: Path) -> None:
    """In a scan two round amounts one digit apart are no sign of a slip; in a check the archive
    is the reference, and a draft's "$90 billion" where both outlets say "$60 billion" is one."""
    code, findings = _jobs_check("$447 billion", tmp_path / "a")
    assert code == 0
    archive = _archive(tmp_path / "b" / "archive", _JOBS_BILL + _unrelated(10))
    draft = ("Obama presses ahead on jobs\nDemocrats will next push a $90 billion infrastructure package "
             "of roads and bridges, aides said on Thursday.\n")
    code, findings = _check(draft, tmp_path / "b", archive)
    assert code == 1 and _against(findings, "$90 billion", "$60 billion")


@pytest.mark.parametrize("figure", ["$35 billion", "$120 billion"], ids=["an-amount-the-story-states", "no-slip-apart"])
def test_a_draft_amount_the_story_states_or_no_slip_explains_passes_the_check(tmp_path: Path, figure: str) -> None:
    """The same sentence with an amount the outlets state, or one that no slip of theirs
    explains (a figure the draft alone reports), gets no warning."""
    code, findings = _jobs_check(figure, tmp_path)
    assert code == 0, _serious(findings)


def test_an_article_that_states_the_drafts_amount_too_is_not_read_as_a_slip(tmp_path: Path) -> None:
    """One outlet also gives $44.7 billion (the part already passed): the draft's $44.7 billion
    may be that, so against that outlet nothing says it was mistyped."""
    part = dict(_JOBS_BILL[1], text=_JOBS_BILL[1]["text"] + "Congress has passed $44.7 billion of it so far.\n")
    _, findings = _jobs_check("$44.7 billion", tmp_path, part)
    against_part = [e for f in findings for m in f["mentions"] if m["doc"] == "post-2"
                    for e in f["evidence"] if e["name"] == "unbacked"]
    assert not against_part, findings


def test_an_article_stating_the_drafts_amount_added_to_the_archive_keeps_the_slip_found(tmp_path: Path) -> None:
    """Adding to the archive never removes a finding about the draft: a third outlet's $44.7
    billion (another sum) leaves both outlets' $447 billion against the draft's."""
    third = {"id": "ledger-3", "url": "https://ledger.example/3", "date": "2011-10-21",
             "title": "Obama jobs bill: what is left",
             "text": "Obama jobs bill: what is left\nOf President Obama's jobs agenda, $44.7 billion in state aid is "
                     "still waiting for a vote in the Senate, aides said on Friday.\n"}
    before = _against(_jobs_check("$44.7 billion", tmp_path / "before")[1], "$44.7 billion", "$447 billion")
    code, findings = _jobs_check("$44.7 billion", tmp_path / "after", third)
    after = _against(findings, "$44.7 billion", "$447 billion")
    assert code == 1 and before and after
    assert [f["severity"] for f in after] == [f["severity"] for f in before]
    assert "unbacked" in {e["name"] for f in after for e in f["evidence"]}


# One invented ballot measure told by two outlets, each in its own words.
_MEASURE = [
    {"id": "courier-1", "url": "https://courier.example/1", "date": "2019-03-04",
     "title": "Two counties sue over Northland soda tax",
     "text": "Two counties sue over Northland soda tax\nTwo neighbouring counties filed a lawsuit on Monday "
             "against Northland's tax on sugary drinks. Northland voters approved Measure 12, which put a "
             "levy of two cents an ounce on soda, in 2014. The counties say shoppers now cross the line.\n"},
    {"id": "gazette-2", "url": "https://gazette.example/2", "date": "2019-03-04",
     "title": "Counties take Northland to court over drinks levy",
     "text": "Counties take Northland to court over drinks levy\nThe suit asks a judge to strike down the "
             "levy. Measure 12 was approved by Northland voters in 2014 by a wide margin, and the city has "
             "collected the tax ever since.\n"},
]


def _measure_check(year: str, tmp_path: Path, story: list[dict] = _MEASURE, sentence: str = ""
                   ) -> tuple[int, list[dict]]:
    archive = _archive(tmp_path / "archive", [*story, *_unrelated(10)])
    when = year if year.startswith(("on ", "from ")) else f"in {year}"
    body = sentence or (f"Measure 12, which voters in Northland approved {when}, put a levy of two cents an "
                        "ounce on soda.")
    draft = f"Counties sue Northland over soda levy\nTwo counties went to court on Monday. {body}\n"
    return _check(draft, tmp_path, archive)


@pytest.mark.parametrize(("stated", "drafted"), [("2014", "2016"), ("March 12, 2014", "March 14, 2014")],
                         ids=["year", "day"])
def test_a_draft_date_one_slip_from_the_storys_fails_the_check(tmp_path: Path, stated: str, drafted: str) -> None:
    """Both outlets date the vote alike in sentences alike; the draft's date is theirs with the
    year or the day a little off, and neither article dates anything within it: a slip, a
    warning and exit 1, naming that evidence."""
    story = [dict(r, text=r["text"].replace("in 2014", ("on " if "," in stated else "in ") + stated))
             for r in _MEASURE]
    code, findings = _measure_check(("on " if "," in drafted else "") + drafted, tmp_path, story)
    assert code == 1
    slips = [f for f in _serious(findings) if f["rule"] == "FC201" and drafted in {m["text"] for m in f["mentions"]}]
    assert slips and all(stated in {m["text"] for m in f["mentions"]} for f in slips)
    assert "unbacked" in {e["name"] for f in slips for e in f["evidence"]}


def test_a_draft_year_the_story_dates_something_in_is_not_read_as_a_slip(tmp_path: Path) -> None:
    """Against an outlet that also dates an event in 2016 (the tax took effect then), the
    draft's 2016 may be that year: nothing there says it was mistyped. The same outlet without
    that sentence does."""
    first = dict(_MEASURE[0], text=_MEASURE[0]["text"].replace(" The counties", " It took effect in January 2016."
                                                                  " The counties"))

    def unbacked(story: list[dict], where: Path) -> list[dict]:
        _, findings = _measure_check("2016", where, story)
        return [e for f in findings for e in f["evidence"] if e["name"] == "unbacked"]

    assert unbacked([_MEASURE[0]], tmp_path / "without")
    assert not unbacked([first], tmp_path / "with")


def test_a_draft_year_a_few_from_the_storys_in_another_events_sentence_passes(tmp_path: Path) -> None:
    """A year two from the story's in a sentence about something else (the city's budget) is
    another event, not a slip: no warning, and nothing reads it as mistyped."""
    code, findings = _measure_check("", tmp_path, sentence="The city balanced its budget in 2016 for the first "
                                                        "time in a decade.")
    assert code == 0, _serious(findings)
    assert not [e for f in findings for e in f["evidence"] if e["name"] == "unbacked"]


@pytest.mark.parametrize(("stated", "drafted"), [
    ("from 2009 to 2013", "from 2008 to 2013"),  # one end of a range moved
    ("on March 29, 2014", "on March 31, 2014"),  # a day at a month's end
], ids=["range-end", "month-end"])
def test_a_draft_range_end_or_month_end_day_one_slip_off_is_read_as_mistyped(
        tmp_path: Path, stated: str, drafted: str) -> None:
    story = [dict(r, text=r["text"].replace("in 2014", stated)) for r in _MEASURE]
    _, findings = _measure_check(drafted, tmp_path, story)
    assert [e for f in findings for e in f["evidence"] if e["name"] == "unbacked"], findings


def test_a_draft_range_with_both_ends_moved_by_different_steps_is_no_slip(tmp_path: Path) -> None:
    story = [dict(r, text=r["text"].replace("in 2014", "from 2009 to 2010")) for r in _MEASURE]
    _, findings = _measure_check("from 2011 to 2013", tmp_path, story)
    assert not [e for f in findings for e in f["evidence"] if e["name"] == "unbacked"], findings


def test_a_check_warns_from_the_decisions_check_threshold_where_a_scan_only_informs(tmp_path: Path) -> None:
    """The same pair of figures: an info in an archive scan, a warning (exit 1) when the figure
    is in a draft, because `[check]` sets a lower warning score for drafts."""
    rules = tmp_path / "rules"
    rules.mkdir()
    default = (Path(__file__).resolve().parent.parent / "rules" / "decision.toml").read_text(encoding="utf-8")
    head, _, rest = default.partition("[thresholds]")
    tail = rest[rest.index("\n[", 1):]  # what follows the thresholds and the check table
    tail = tail[tail.index("[stories]"):]
    (rules / "decision.toml").write_text(
        head + "[thresholds]\nerror = 1.0\nwarning = 1.0\ninfo = 0.0001\n\n[check]\nwarning = 0.0002\n\n" + tail,
        encoding="utf-8")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "plant.txt").write_text("Acme Corp will invest $40 million in a new plant in Ohio.\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Acme Corp will invest $45 million in a new plant in Ohio.\n", encoding="utf-8")
    common = ["--rules", str(rules), "--no-cache", "--format", "json", "-q"]
    scan = CliRunner().invoke(main, ["scan", str(archive), str(draft), *common])
    assert scan.exit_code == 0, scan.output
    assert [f["severity"] for f in json.loads(scan.stdout)["findings"] if f["rule"] == "FC101"] == ["info"]
    check = CliRunner().invoke(main, ["check", str(draft), "--against", str(archive), *common])
    assert check.exit_code == 1, check.output
    assert [f["severity"] for f in json.loads(check.stdout)["findings"] if f["rule"] == "FC101"] == ["warning"]


@pytest.mark.parametrize("draft", [
    "Stargate will invest $50 billion over four years, the partners said on Tuesday.\n",
    # (a year four from the seeds' 2015: 2017 would be one slip from it, which a check reads as mistyped)
    "OpenAI, founded in 2011 by Sam Altman and Elon Musk, leads the Stargate venture.\n",
], ids=["stargate", "openai"])
def test_a_check_against_a_small_archive_scores_the_draft_as_a_full_scan_does(tmp_path: Path, draft: str) -> None:
    """The rarity of the words around a figure is read among all the archive's candidates, not
    only the rows a check would need: the check and a scan of archive plus draft agree. (A
    check reads its draft as another outlet's telling; here the scan knows the outlets too,
    from the records' URLs.)"""
    archive = tmp_path / "archive"
    archive.mkdir()
    seeds = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "url": f"https://seeds.example/{p.stem}"}
             for p in sorted(SEEDS.glob("*.txt"))]
    (archive / "seeds.jsonl").write_text("".join(json.dumps(r) + "\n" for r in seeds), encoding="utf-8")
    (archive / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in _unrelated(20)), encoding="utf-8")
    drafts = tmp_path / "draft.jsonl"
    drafts.write_text(json.dumps({"id": "draft", "text": draft, "url": "https://draft.example/d"}) + "\n",
                      encoding="utf-8")
    common = ["--no-cache", "--format", "json", "-q"]
    check = CliRunner().invoke(main, ["check", str(drafts), "--against", str(archive), *common])
    scan = CliRunner().invoke(main, ["scan", str(archive), str(drafts), *common])
    assert check.exit_code in (0, 1) and scan.exit_code in (0, 1), check.output + scan.output

    def key(findings: list[dict]) -> list[tuple]:
        return sorted((f["rule"], f["score"], tuple(sorted(m["text"] for m in f["mentions"]))) for f in findings
                      if any(m["doc"].endswith("draft") for m in f["mentions"]))

    checked = json.loads(check.stdout)["findings"]
    # (no draft figure here is one the check reads as mistyped: `unbacked`, a check's own
    # evidence, would set the two apart)
    assert not [e for f in checked for e in f["evidence"] if e["name"] == "unbacked"]
    assert key(checked) and key(checked) == key(json.loads(scan.stdout)["findings"])


# One invented candidate and, years later, a budget fight that names him and his fence.
_FENCE = [
    {"id": "campaign", "url": "https://times.example/1", "date": "2016-03-01",
     "title": "Hollis vows Norland will pay for the fence",
     "text": "Hollis vows Norland will pay for the fence\nCandidate Tom Hollis repeated on Tuesday that Norland "
             "would pay for a border fence. (The candidate estimates the price tag at around $8 billion.) "
             "Norland officials have rejected the idea.\n"},
    {"id": "budget", "url": "https://post.example/9", "date": "2019-01-03",
     "title": "Hollis: Norland fence money non-negotiable",
     "text": "Hollis: Norland fence money non-negotiable\nPresident Tom Hollis has said that $5 billion in "
             "funding for the fence is non-negotiable, while Democrats have said they will fund border "
             "security but not the fence. Talks resume on Friday.\n"},
]


def test_a_drafts_round_amount_one_digit_from_another_storys_is_no_slip(tmp_path: Path) -> None:
    """Against its own story a round amount one digit off is a slip; against an article only
    loosely linked to the draft (another story that shares its names), two round amounts of
    one scale differ so by chance: the campaign's "$8 billion" fence is no mistyped "$5 billion"
    of a budget fight years later."""
    archive = _archive(tmp_path / "archive", _FENCE)
    draft = ("Hollis: Norland will pay\nFor his part, Mr. Hollis has insisted that as president he would make "
             "Norland pay for the fence, which he estimates would cost about $8 billion.\n")
    code, findings = _check(draft, tmp_path, archive)
    assert code == 0, _serious(findings)


def _depot(outlet: str, amount: str) -> dict:
    """One outlet's report of one sale, in its own words around the same figure."""
    return {"id": f"{outlet}-1", "outlet": outlet.title(), "date": "2019-05-02",
            "title": f"Kestrel Rail buys the Millbrook depot ({outlet})",
            "text": f"Kestrel Rail buys the Millbrook depot ({outlet})\nKestrel Rail paid ${amount} million for the "
                    f"Millbrook depot, the company told the {outlet.title()} on Thursday.\n"}


_DEPOT_DRAFT = "Kestrel Rail buys Millbrook depot\n\nKestrel Rail paid ${} million for the Millbrook depot.\n"


def test_a_draft_stating_what_most_of_a_split_archive_states_is_not_blamed(tmp_path: Path) -> None:
    """Two outlets say $5 million, a third $6 million: the draft that says $5 million, as most
    do, is told of the split (info), and its check passes; the split is the archive's own, for
    `scan` and its baseline. Against one outlet of each, a tie, the draft is blamed: copying one
    of two outlets that disagree passes no check."""
    outlets = [_depot("courier", "5"), _depot("herald", "5"), _depot("gazette", "6")]
    code, findings = _check(_DEPOT_DRAFT.format("5"), tmp_path, _archive(tmp_path / "archive", outlets))
    assert code == 0 and not _serious(findings), findings
    (split,) = [f for f in findings if f["rule"] == "FC101"]
    assert "The archive disagrees with itself" in split["message"]
    assert {m["text"] for m in split["mentions"]} == {"$5 million", "$6 million"}
    tie = _archive(tmp_path / "tie", [_depot("courier", "5"), _depot("gazette", "6")])
    assert _check(_DEPOT_DRAFT.format("5"), tmp_path, tie)[0] == 1


def test_a_draft_stating_the_figure_fewer_archive_articles_state_is_blamed(tmp_path: Path) -> None:
    """Two outlets say $5 million, one $6 million: a draft saying $6 million copies the odd one
    out, and its check fails."""
    archive = _archive(tmp_path / "archive", [_depot("courier", "5"), _depot("herald", "5"), _depot("gazette", "6")])
    code, findings = _check(_DEPOT_DRAFT.format("6"), tmp_path, archive)
    assert code == 1
    assert any({"$5 million", "$6 million"} <= {m["text"] for m in f["mentions"]} for f in _serious(findings))


def test_drafts_stating_a_wrong_figure_fail_the_check_and_back_each_other_nowhere(tmp_path: Path) -> None:
    """Three drafts with the same wrong figure: the check fails with a finding quoting each of
    them, and their agreeing with each other corroborates nothing. A right draft beside a wrong
    one hides nothing: the wrong one still fails the check."""
    archive = _archive(tmp_path / "archive", [_depot("courier", "5"), _depot("gazette", "5")])
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("a", "b", "c"):
        (drafts / f"{name}.md").write_text(_DEPOT_DRAFT.format("8"), encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(drafts), "--against", str(archive), "--no-cache", "--format", "json",
                                    "-q"])
    assert res.exit_code == 1, res.output
    findings = json.loads(res.stdout)["findings"]
    assert {Path(d).name for f in _serious(findings) for d in f["documents"]} >= {"a.md", "b.md", "c.md"}
    assert not [f for f in findings if f["rule"] == "FC301" and all(Path(d).name in "a.md b.md c.md"
                                                                     for d in f["documents"])]
    (drafts / "a.md").write_text(_DEPOT_DRAFT.format("5"), encoding="utf-8")
    for name in ("b", "c"):
        (drafts / f"{name}.md").unlink()
    (drafts / "d.md").write_text(_DEPOT_DRAFT.format("6"), encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(drafts), "--against", str(archive), "--no-cache", "--format", "json",
                                    "-q"])
    assert res.exit_code == 1, res.output


def test_a_copy_of_the_draft_in_the_archive_is_no_second_source(tmp_path: Path) -> None:
    """One outlet says $5 million, another $6 million, and the archive also holds the draft's
    own text under another name (its web version): still a tie, and the draft is blamed."""
    copy = {"id": "depot-web", "date": "2019-05-02", "title": "Kestrel Rail buys Millbrook depot",
            "text": _DEPOT_DRAFT.format("6")}
    archive = _archive(tmp_path / "archive", [_depot("courier", "5"), _depot("gazette", "6"), copy])
    assert _check(_DEPOT_DRAFT.format("6"), tmp_path, archive)[0] == 1


def test_a_draft_taking_a_side_of_an_accepted_archive_contradiction_is_its_own_finding(tmp_path: Path) -> None:
    """The archive's $5 million against $6 million is accepted in the baseline; a draft saying
    $5 million joins one side of it (a tie: the draft is blamed). The baseline entry does not
    accept the draft's finding: the check fails."""
    archive = _archive(tmp_path / "archive", [_depot("courier", "5"), _depot("gazette", "6")])
    base = tmp_path / "base.json"
    made = CliRunner().invoke(main, ["baseline", str(archive), "--out", str(base), "--no-cache", "-q"])
    assert made.exit_code == 0, made.output
    assert any(e["rule"] == "FC101" for e in json.loads(base.read_text(encoding="utf-8"))["findings"])
    draft = tmp_path / "draft.txt"
    draft.write_text(_DEPOT_DRAFT.format("5"), encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(draft), "--against", str(archive), "--baseline", str(base),
                                    "--no-cache", "--format", "json", "-q"])
    assert res.exit_code == 1, res.output
    assert {f["status"] for f in _serious(json.loads(res.stdout)["findings"])} == {"new"}


def _restating_check(slip_sentence: str, tmp_path: Path) -> tuple[int, list[dict]]:
    """A draft that gives the package's $447 billion in the outlets' words, and `slip_sentence`."""
    archive = _archive(tmp_path / "archive", _JOBS_BILL + _unrelated(10))
    draft = ("Senate blocks piece of Obama jobs bill\nRepublicans oppose Mr. Obama's $447 billion job-creation "
             f"plan, which also includes tax cuts for workers and employers. {slip_sentence}\n")
    return _check(draft, tmp_path, archive)


def test_a_draft_that_restates_the_storys_amount_still_fails_on_its_slip_of_it(tmp_path: Path) -> None:
    """The draft gets the $447 billion right in one paragraph, in one outlet's very words, and
    mistypes it in the next: the right one elsewhere does not make the slip another fact (a
    writer who mistypes a figure once most often gets it right somewhere else), so the slip is
    read against both outlets, that one too."""
    code, findings = _restating_check("Aides said the White House would offer the $44.7 billion plan again "
                                      "in smaller parts.", tmp_path)
    assert code == 1
    against = {m["doc"] for f in _against(findings, "$44.7 billion", "$447 billion") for m in f["mentions"]
               if m["text"] == "$447 billion"}
    assert {"times-1", "post-2"} <= against


def test_a_part_told_in_the_sentence_of_the_storys_amount_is_no_slip(tmp_path: Path) -> None:
    """"$44.7 billion of the $447 billion plan": the sentence that gives the story's amount gives
    the draft's beside it, another item of that sentence: no slip of it."""
    _, findings = _restating_check("Aides said $44.7 billion of the $447 billion plan is for tax cuts.", tmp_path)
    assert not _against(findings, "$44.7 billion", "$447 billion")


@pytest.mark.parametrize("share", [
    "Of that, $44.7 billion is for tax cuts for workers.",
    "About a tenth of it, $44.7 billion, would go to aid for states.",
], ids=["of-that", "a-tenth-of-it"])
def test_a_share_of_the_storys_amount_the_draft_restates_is_no_slip(tmp_path: Path, share: str) -> None:
    """The draft restates the $447 billion and tells its $44.7 billion as a share of it, in
    another sentence: a part of the whole, not a slip of it."""
    _, findings = _restating_check(share, tmp_path)
    assert not _against(findings, "$44.7 billion", "$447 billion")


# One invented release of tax returns told by two outlets.
_RETURNS = [
    {"id": "courier-9", "url": "https://courier.example/9", "date": "2022-04-08",
     "title": "Senator Vale releases seven years of tax returns",
     "text": "Senator Vale releases seven years of tax returns\nSenator Ada Vale and her husband released seven "
             "years of tax returns on Friday. The couple gave nearly $15 million to charity over the period, "
             "the returns show.\n"},
    {"id": "gazette-10", "url": "https://gazette.example/10", "date": "2022-04-08",
     "title": "Vale tax returns show big gifts to charity",
     "text": "Vale tax returns show big gifts to charity\nThe returns Senator Ada Vale made public on Friday show "
             "the couple paid $43 million in federal taxes over seven years.\n"},
]


@pytest.mark.parametrize(("gift", "fails"), [("$1.5 million", True), ("$14.8 million", False)],
                         ids=["tenth", "rounded"])
def test_nearly_stretches_an_amount_to_its_own_digits_not_to_another_amount(
        tmp_path: Path, gift: str, fails: bool) -> None:
    """"Nearly $15 million" is a little under 15 million: the $13.6 million of state taxes the
    draft's sentence also gives is no restatement of it, so the draft's $1.5 million (a tenth of
    the archive's gift) is still a slip; $14.8 million is the gift rounded up."""
    archive = _archive(tmp_path / "archive", [*_RETURNS, *_unrelated(10)])
    draft = (f"Senator Vale releases tax returns\nSenator Ada Vale and her husband released their tax returns on "
             f"Friday. They donated {gift} to charity, and paid an additional $13.6 million in state taxes.\n")
    code, findings = _check(draft, tmp_path, archive)
    slips = [f for f in _serious(findings) if gift in {m["text"] for m in f["mentions"]}]
    assert (code, bool(slips)) == (int(fails), fails), findings
    if fails:
        assert all("nearly $15 million" in {m["text"] for m in f["mentions"]} for f in slips)


# One invented indictment told by two outlets.
_INDICTED = [
    {"id": "courier-13", "url": "https://courier.example/13",
     "title": "Representative Lowe indicted over campaign funds",
     "text": "Representative Lowe indicted over campaign funds\nRepresentative Dale Lowe was indicted on charges of "
             "spending campaign money on family trips. His lawyers said he had repaid more than $60,000 to the "
             "campaign.\n"},
    {"id": "gazette-14", "url": "https://gazette.example/14", "title": "Lowe and his wife indicted",
     "text": "Lowe and his wife indicted\nA grand jury indicted Representative Dale Lowe and his wife over campaign "
             "spending. He repaid about $60,000 to his campaign, his lawyers said.\n"},
]


@pytest.mark.parametrize(("sentence", "figure", "fails"), [
    ("The spending included a $600 airline ticket for the family's pet rabbit.", "$600", False),
    ("His lawyers said he had repaid more than $6,000 to the campaign.", "$6,000", True),
    ("His lawyers said he had repaid more than $60 to the campaign.", "$60", True),
], ids=["one-digit-two-powers-apart", "a-zero-dropped", "a-group-of-three-dropped"])
def test_one_digit_two_powers_of_ten_apart_is_chance_a_zero_or_a_group_dropped_a_slip(
        tmp_path: Path, sentence: str, figure: str, fails: bool) -> None:
    """A $600 ticket shares its one significant digit with the $60,000 repaid by chance (any
    two such amounts do one time in nine, and a hand drops one zero or a group of three, not
    two zeros); the repayment with a zero or ",000" dropped is the outlets' figure mistyped."""
    archive = _archive(tmp_path / "archive", [*_INDICTED, *_unrelated(10)])
    draft = (f"Representative Lowe indicted\nRepresentative Dale Lowe was indicted on Tuesday over campaign "
             f"spending. {sentence}\n")
    code, findings = _check(draft, tmp_path, archive)
    slips = [f for f in _serious(findings) if any(m["text"].endswith(figure) for m in f["mentions"])]
    assert (code, bool(slips)) == (int(fails), fails), findings


@pytest.mark.parametrize("copies", [5, 10])
def test_copies_of_the_storys_article_added_to_the_archive_keep_the_slip_found(tmp_path: Path, copies: int) -> None:
    """An archive that grows by copies of the story's article (a wire re-issuing its item)
    regroups its stories around them and dilutes the words the draft shares with it; the
    draft's mistyped amount is still found (acceptance: a larger archive never hides a conflict)."""
    draft = ("Ryanair in $4bn Boeing deal\n\nBudget airline Ryanair has ordered 70 Boeing planes in a deal "
             "worth $4bn, the airline said on Monday.\n")
    own = {"id": "ryanair", "title": "Ryanair orders 70 Boeing planes",
           "text": "Ryanair orders 70 Boeing planes\nThe Irish budget carrier will take delivery of the 737 jets "
                   "from 2008, in an order valued at $400m at list prices, chief executive Michael O'Leary told "
                   "reporters in Dublin.\n"}
    added = [dict(own, id=f"ryanair-{k}") for k in range(copies)]
    for name, records in (("alone", [own]), ("copied", [own, *added])):
        code, findings = _check(draft, tmp_path, _archive(tmp_path / name, [*records, *_unrelated(20)]))
        assert code == 1 and any("$4bn" in f["message"] for f in _serious(findings)), (name, findings)
