"""Evidence: named features of each candidate pair, and how the two figures' values relate.

Every feature is a number in [0, 1] with a name the decision weights (`rules/decision.toml`)
and every finding's explanation use. Computed column-wise over all pairs at once: a pair costs
a few array operations, not a Python loop. `features` assembles them from the modules beside
this one: the value relation (`relations`), the words around the figures (`wording`), whom
they are about (`subjects`), recurring reports (`recurrence`), the shapes of an amount's error
(`shapes`), a figure's place among its article's candidates (`alignment`) and what only a
pre-publication check reads (`drafts`); all read the table through `columns.Columns`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from factcheck.claims.alignment import (
    Alignment,
    alignment,
    gap_stated,
    sentence_slots,
    sentence_sums,
    stated_there,
    told_before,
)
from factcheck.claims.columns import Columns, distinct_pairs, per_table, row_stages, runs
from factcheck.claims.drafts import TOLD_ALIKE, amounts_unbacked, dates_unbacked, draft_rows, one_date_slip, one_story
from factcheck.claims.recurrence import recurring_forms, templates
from factcheck.claims.relations import CONFLICTS, RelationParams, grain_days, relations
from factcheck.claims.shapes import (
    NEAR,
    OFFSET,
    dates_shaped,
    digit_run,
    goods_named,
    price_rows,
    round_same,
    row_names,
    row_variants,
    significant_digits,
    text_forms,
)
from factcheck.claims.stories import Stories
from factcheck.claims.subjects import (
    claimant_codes,
    claimant_spread,
    listed_apart,
    session_differs,
    subjects_differ,
    third_party,
)
from factcheck.claims.wording import (
    Contexts,
    PairContexts,
    cosine,
    doc_words,
    event_verb_shared,
    event_word_shared,
    figure_in_sentence,
    headline_words,
    name_similarity,
    pair_similarity,
)
from factcheck.words import (
    running_total,
    running_total_pattern,
    same_name,
    tells_a_share,
)

_DIGIT_ORDERS = 3  # the most powers of ten an amount's digits slip without its magnitude word (a misread separator)
_UNIT_AMOUNT = 1_000  # below this, an amount with no magnitude word or rate may be a price or a fee
_TOTAL_AMOUNT = 1_000_000  # from this, an amount under a magnitude word is a total
_LIST_PLACES = 3  # amounts in one sentence from which it lists parts (an itemised account)
_CHANCE_DIGITS = 2  # significant digits two unrelated amounts share by chance often enough ("1.4", "50")
_TEMPLATE = 0.8  # `context` from which two sentences read as one template filled twice

# name → what it means, for explanations and `factcheck calibrate`
FEATURES: dict[str, str] = {
    "story": "articles tell one story (similarity of headlines and leads; 1 within one article)",
    "same_doc": "both figures in one article",
    "linked": "two articles linked as one story (other outlets, a re-issue, a draft and its archive)",
    "outlets": "two amounts in articles linked as one story, from two outlets (as the input declares them, else "
               "the sites of their URLs)",
    "context_near": "same words right around the figures (rare words weigh more, numbers left out)",
    "context": "same words in the figures' sentences (rare words weigh more, numbers left out)",
    "specific": "the words both sentences share are rare ones, not a template's (\"holistic retreat\")",
    "names": "same names in the figures' sentences",
    "parallel": "one article, sentences alike, other numbers differ: a list of periods or items (1987 .., 1986 ..)",
    "names_differ": "the sentences name others besides the claimant, none in common (Moody's, S&P)",
    "numbers": "same other numbers in the figures' sentences (years, dates, other sums)",
    "numbers_differ": "the sentences' other numbers differ (another week, another year)",
    "dates_differ": "two amounts' sentences write out dates, none in common (the weeks ended February 25 and "
                    "March 4): two issues of a recurring report",
    "claimant": "same claimant",
    "claimant_missing": "a figure has no claimant (not for two dates the word beside each names as one event)",
    "claimant_known": "the same claimant, one the entity lexicon knows (not a guessed name)",
    "claimant_common": "the same claimant, named across many of the corpus's stories (an agency, a regulator, a "
                       "head of government): log scale, up to five stories 0, fifty or more 1",
    "claimant_differs": "both figures have a claimant, the names differ, and neither article names the other's",
    "metric": "same metric",
    "metric_missing": "a figure has no metric (not for two dates the word beside each names as one event)",
    "metric_differs": "both figures have a metric and they differ (not two outlets' sentences: their words differ "
                      "more than their facts)",
    "headline": "same headline words (rare words weigh more)",
    "doc_names": "the two articles name the same organisations",
    "goods_differ": "the figures' sentences (else their headlines) name goods, none in common (copper and nickel)",
    "others_differ": "the articles name places besides the claimants, none in common (Turkey, Mexico)",
    "headline_same": "the same headline (a re-issue or a correction)",
    "correction": "an article says it corrects a report",
    "corrected": "the correcting article's sentence names the other figure's value too (\"36 cts, not 37 cts\")",
    "days_apart": "days between publications, on a log scale (1 day 0.2, a week 0.6, a month 1)",
    "series": "a recurring report's new figure (its sentence on another day, or a shared headline form, on 3+ days, "
              "or one publisher's on two), or a template (a sentence or shared headline form filled three different "
              "ways)",
    "same_day": "published the same day",
    "closeness": "values close (money: 1 when equal, 0 from a factor of three; dates: gap against length)",
    "slip": "same digits, magnitude word missing or different",
    "currency_slip": "the same number in currencies whose words cannot name one (\"4.8 bn dlrs\", \"4.8 bn stg\")",
    "digits": "the same significant digits a power of ten apart (a zero added or dropped, a point or a "
              "separator moved: one to three powers, any with a magnitude word slipped)",
    "digit_run": "amounts sharing a run of significant digits, a power of ten apart, one digit changed or two "
                 "neighbouring ones swapped "
                 "($43,885,310 and $438,853,100): a third a digit beyond the first, 1 from four",
    "scale": "orders of magnitude apart",
    "round_same": "one round number in two currencies (10,000 dlrs, 10,000 stg): it repeats across unrelated stories",
    "bound": "a figure is a bound or an estimate",
    "revision": "a sentence states a change (raised to, cut to)",
    "successive": "both figures are the new values of changes their sentences state, published on different "
                  "days: one price or offer moved twice (raised to 66 cts, then lowered to 65.50 cts); or both "
                  "running totals (\"tendered to date\", \"so far\"): the count moved between the days",
    "table": "a figure is an earnings-table row",
    "table_slot": "two table rows with the same label, column and period",
    "period_differs": "the figures name different periods (quarter, year)",
    "horizon_differs": "the figures name different horizons",
    "horizon_same": "the figures name the same horizon (\"over four years\")",
    "stage_differs": "a first step, a total or an earlier value against another of these",
    "per_differs": "a rate (a share, a year) against a total, or two rates; or an amount under a thousand with "
                   "no magnitude word or rate (a price, a fee) against millions under a magnitude word, their "
                   "digits not the same",
    "relative": "a date read against the publication date (a weekday, 'last year')",
    "deictic": "a date that points from the publication day ('Friday', 'yesterday', 'last year'), not a year guessed",
    "relative_apart": "a date read against the publication date, articles published days apart (log scale)",
    "same_words": "both dates are written alike ('last week' twice): read on two days, not two claims",
    "guessed": "a date's year is our guess",
    "is_date": "dates, not money",
    "counterpart": "each figure is the other's closest match in the other article",
    "twin": "an article states this figure again in matching words (it is accounted for)",
    "stated_there": "the other article states this amount too, in the same unit, column and period, under "
                    "other words or another line (\"Shr diluted 1.01 dlrs\" against a flash's \"SHR 1.01 DLRS\"): "
                    "it is accounted for there (within one publisher; in a correction only a figure of another "
                    "stage than the one it replaces; not in a check)",
    "shared_figures": "share of the two articles' figures that agree (near 1: one article re-issued)",
    "renewed": "one publisher's articles of different days whose figures (three or more) nearly all differ, "
               "no correction: a new issue of a recurring report",
    "one_writer": "both figures in one article, differing with no mark of an error: its writer stated both, "
                  "so they are two facts (Class A and Class B payouts, operating and trading profit; a stock "
                  "distribution's and a cash dividend's pay dates)",
    "event_unnamed": "two dates differ and nothing names their event as one: no metric both name, nor two "
                     "outlets' written dates of one story",
    "subjects_differ": "two capitals headlines without tickers name different subjects before their verbs "
                       "(LAND SECURITIES ISSUES ..., TORONTO DOMINION ISSUES ...)",
    "session_differs": "the two headlines name different points of a trading day (a market's opening, "
                       "midsession, close): two snapshots of prices that move between them (a digit that "
                       "differs is then no slip's shape)",
    "companies_differ": "each figure is its own article's company's, the two listed under tickers none in common "
                        "and named differently (or a third party both deal with): two companies' facts, however "
                        "alike their sentences",
    "items_differ": "the words right at each amount name what it measures, two kinds of thing as the metric "
                    "lexicon reads them (\"a total capitalisation of £1.4 trillion\", a valuation, / \"a bid of "
                    "£1.4bn\", an offer): two facts, and the shape of their values (a slipped magnitude word, "
                    "digits) is then no error's (not in a correction, nor between two outlets the input tells "
                    "apart or a draft and its archive: they name one thing in their own words)",
    "slot_differs": "two articles' sentences alike, each listing the same number of amounts, the figures in "
                    "different places of the list (\"two mln stg in band one and 22 mln in band two\" / \"120 "
                    "mln in band one and 315 mln in band two\"): two items",
    "part_listed": "the smaller figure is one of three or more amounts its sentence lists (not an earlier "
                   "value), a tenth or less of the other, the list adding up to no more than it, with no slip of "
                   "its digits (\"included $4,272.78 on the cruise, $2,306.08 at Walt Disney World, ...\" / \"spent "
                   "$750,000 in campaign cash\"): a part of it",
    "spans_differ": "two spans of several units each that share neither end and differ in length by more than "
                    "a unit (\"from 2007 to 2014\" / \"between January 2016 and December 2018\"): two periods, as a "
                    "slip moves one end and a retelling off by a year moves both alike",
    "gap_stated": "the two amounts differ by exactly an amount one of the two articles states and the other does "
                  "not (net of 4,568,000 and 3,614,000, one run stating 954,000 dlrs of preferred dividends): one "
                  "counts that item, the other does not (not in a correction or a check)",
    "told_before": "one article states the other's amount as the value before its own, an earlier or first "
                   "value of the same family (\"higher than the 4.20 dlrs it said it would offer when it first "
                   "announced\"): it tells a change, the two are the fact before and after it (not in a correction "
                   "or a check)",
    "measure_offset": "two runs of one table whose every amount of one measure, in the three or more slots "
                      "both print, differs one way by a few per cent, none twice as far as another (revenues "
                      "10,252,000 and 8,929,000 against 10.1 and 8.7 mln): the runs count the measure differently, "
                      "as a slip changes one figure",
    "stated_apart": "two outlets of one story state an amount exactly, to the same precision, one digit and a "
                    "few per cent apart ($5.7 and $5.6 billion): neither rounding nor a bound reconciles them",
    "event_told": "two outlets' written dates (or dates whose `event_verb` is shared) in sentences alike (the "
                  "share of their words, rare ones weighing more, numbers left out): one event told twice",
    "event_verb": "two outlets' dates, one or both read against a publication day, one claimant, the verb next "
                  "to each date the same (\"on Friday apologized\" / \"had to apologize Saturday\"): one event "
                  "told twice (it lets `event_told` and `specific_date` count for them too)",
    "event_word": "two outlets' written dates a slip apart (at most half the coarser one's unit between them, "
                  "neither longer than that unit), the same word next to each (\"the lease expires in 2018\" / "
                  "\"the lease formally expires in 2019\"), neither claimants nor other names that differ: one event "
                  "given two dates",
    "specific_date": "`specific` for two outlets' written dates: no claimant or metric names a date's event, the "
                     "rare words of its sentence do (so they count more there than for amounts)",
    "unexplained": "two amounts differ with no mark of an error: no correction, shared headline or table slot; "
                   "not one digit, a magnitude word, a currency or orders of magnitude apart, nor within 3% (in one "
                   "article, orders of magnitude or one significant digit a power of ten apart mark nothing); two "
                   "dates whose event nothing names, or that no slip tells apart (1977 and 2007: not a few units, "
                   "one digit or the month alone) in sentences not alike",
    "unbacked": "a check: this archive amount is one error away from the draft's (a power of ten, a magnitude "
                "word, one digit changed), and its article states the draft's amount nowhere; or this archive "
                "date, told in words alike, one slip from the draft's (a year or a day a few apart) and its "
                "article dates nothing else that shares a day with the draft's date",
}


# The direction each feature may push the score when weights are fitted: +1 only towards
# "one fact", -1 only away from it, 0 either way. A fitted model then reads as evidence for
# and against, and a handful of labelled cases cannot turn "same claimant" into a reason to
# doubt that two figures are one fact.
SIGNS: dict[str, int] = {
    "story": 1, "same_doc": 0, "linked": 1, "outlets": 1, "context_near": 1, "context": 1, "specific": 1, "names": 1,
    "names_differ": -1,
    "numbers": 1,
    "numbers_differ": -1, "parallel": -1, "dates_differ": -1,
    "claimant": 1, "claimant_known": 1, "claimant_common": -1, "claimant_missing": -1, "claimant_differs": -1,
    "metric": 1, "metric_missing": 0, "metric_differs": -1, "headline": 1, "doc_names": 1, "others_differ": -1,
    "goods_differ": -1,
    "headline_same": 1, "correction": 1, "corrected": 1,
    "days_apart": -1, "series": -1, "same_day": 1, "closeness": 1, "slip": 1, "currency_slip": 1, "digits": 1,
    "digit_run": 1,
    "scale": 0, "round_same": -1,
    "bound": -1, "revision": -1, "successive": -1,
    "table": 0, "table_slot": 1, "period_differs": -1, "horizon_differs": -1, "horizon_same": 1, "stage_differs": -1,
    "per_differs": -1, "relative": 0, "deictic": -1, "relative_apart": -1,
    "same_words": -1, "guessed": -1, "is_date": 0, "counterpart": 1, "twin": -1, "stated_there": -1,
    "shared_figures": 1, "renewed": -1, "unexplained": -1, "one_writer": -1, "event_unnamed": -1,
    "event_told": 1, "event_verb": 1, "event_word": 1, "specific_date": 1, "subjects_differ": -1, "session_differs": -1,
    "companies_differ": -1, "slot_differs": -1, "items_differ": -1, "part_listed": -1,
    "measure_offset": -1, "told_before": -1, "spans_differ": -1, "gap_stated": -1, "stated_apart": 1, "unbacked": 1,
}


def prune(table: pd.DataFrame, pairs: pd.DataFrame, max_link_pairs: int,
          kept_rows: np.ndarray | None = None, cols: Columns | None = None) -> tuple[pd.DataFrame, PairContexts]:
    """Drop the story-link pairs whose sentences share no word: most pairs of two linked
    articles are different facts, and a fact told twice shares at least some words. Of two
    long tables, keep the `max_link_pairs` most alike pairs. Claimant-block pairs all stay, and
    a `kept_rows` figure's pairs with the others' are kept however they word it (per row: a
    check's draft, whose few figures meet its story's), within the same bound per link: past
    it, the least alike go as any link's do (kept, they shift `shared_figures` by their number
    alone). Returns the kept pairs and their context features (computed when asked)."""
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    mark = np.zeros(len(table), dtype=bool)  # the rows of any pair, in table order
    mark[i] = True
    mark[j] = True
    cols = cols or Columns(table)
    contexts = Contexts(table, np.flatnonzero(mark), cols)
    alike = contexts.alike(i, j)  # the rest of the context features only for the pairs kept
    by_claim = (pairs["via"].to_numpy() & 2) > 0
    keep = (alike["context"] > 0) | (alike["names"] > 0) | by_claim
    forced = kept_rows[i] != kept_rows[j] if kept_rows is not None else np.zeros(len(i), dtype=bool)
    keep |= forced
    doc = cols.codes("doc")[0]
    link = doc[i] * (int(doc.max()) + 1 if len(doc) else 1) + doc[j]
    # the story links with more than `max_link_pairs` kept pairs: only their pairs are ranked
    # (most alike words around the figures first, then in pair order), and those past the
    # limit dropped
    sel = np.flatnonzero(keep & ~by_claim)
    per_link = pd.factorize(link[sel])[0]
    sel = sel[np.bincount(per_link)[per_link] > max_link_pairs] if len(sel) else sel
    if len(sel):
        order = np.lexsort((sel, -alike["context"][sel], -contexts.near(i[sel], j[sel]), link[sel]))
        ranked, links = sel[order], link[sel][order]
        rank = np.arange(len(ranked)) - np.searchsorted(links, links, side="left")
        keep[ranked[rank >= max_link_pairs]] = False
    at = np.flatnonzero(keep)
    kept = {k: v[at] for k, v in alike.items()}
    return pairs.iloc[at].reset_index(drop=True), PairContexts(contexts, i[at], j[at], kept)


def _corrected(cols: Columns, i: np.ndarray, j: np.ndarray, corr: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """1 where a correcting article states, in the sentence of its own figure, the other
    article's value too ("36 cts per share, not the 37 cts it reported"; "eight mln dlrs, not
    3,800,000 dlrs"): it names the figure it replaces. A date replaces one of its own
    granularity ("April 7" for "April 17"); a sentence that says "today" and "1986" names a day
    and a year, not a replaced date."""
    out = np.zeros(len(i))
    live = np.flatnonzero((corr[i] | corr[j]) & (doc[i] != doc[j]))
    if not len(live) or "sent_start" not in cols.table:
        return out
    kind = cols.obj("kind")
    value = cols.num("value")
    start, end = cols.obj("date_start"), cols.obj("date_end")
    sent = cols.num("sent_start")

    def said(r: int) -> tuple[Any, ...]:
        return (kind[r], round(float(value[r]), 6)) if kind[r] == "money" else (kind[r], start[r], end[r])

    stated: set[tuple[Any, ...]] = set()
    docs_needed = set(doc[i[live]].tolist()) | set(doc[j[live]].tolist())
    for r in np.flatnonzero(np.isin(doc, list(docs_needed)) & corr):
        stated.add((int(doc[r]), sent[r], *said(r)))
    gran = cols.obj("granularity")
    for k in live:
        a, b = i[k], j[k]
        if kind[a] == "date" and gran[a] != gran[b]:
            continue
        out[k] = float((corr[b] and (int(doc[b]), sent[b], *said(a)) in stated)
                       or (corr[a] and (int(doc[a]), sent[a], *said(b)) in stated))
    return out


def _sentence_dates_differ(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """1 where two amounts' sentences each write dates out ("in the week ended February 25",
    "in the week ended March 4") and none of them in common: the figures are of two periods or
    days, a recurring report's two issues. Dates read against the publication day ("last
    week") are left out: two outlets' weekdays for one day differ in words."""
    out = np.zeros(len(i))
    if not len(i) or "sent_start" not in cols.table:
        return out
    dated, written, n_dates = _written_dates(cols)
    sid = _sentences(cols)
    live = np.flatnonzero((cols.obj("kind")[i] == "money") & dated[sid[i]] & dated[sid[j]])
    if not len(live):
        return out
    # each distinct pair of sentences once: far fewer than the pairs of figures
    si, sj = sid[i[live]], sid[j[live]]
    first, pair = distinct_pairs(si, sj)
    a, b = si[first].astype(np.int64), sj[first].astype(np.int64)
    # each date of a's sentence, looked up among b's
    lo, hi = np.searchsorted(written, a * n_dates), np.searchsorted(written, (a + 1) * n_dates)
    owner, dates = runs(written, lo, hi - lo)
    shared = np.isin(b[owner] * n_dates + dates % n_dates, written)
    apart = np.bincount(owner[shared], minlength=len(first)) == 0
    out[live] = apart[pair].astype(np.float64)
    return out


@per_table
def _sentences(cols: Columns) -> np.ndarray:
    """Per row, the code of its sentence: its article and the sentence's start (one per article
    where the start is unread)."""
    doc, _ = cols.codes("doc")
    start = pd.factorize(cols.num("sent_start"))[0]  # -1: unread
    return pd.factorize(doc * (int(start.max()) + 2 if len(start) else 1) + start + 1)[0]


@per_table
def _written_dates(cols: Columns) -> tuple[np.ndarray, np.ndarray, int]:
    """Per sentence (`_sentences`), whether it writes dates out; the dates the sentences write
    (their first days), each (sentence, date) once as a sorted key, the sentence times the number
    of distinct dates plus the date's code; and that number."""
    sid = _sentences(cols)
    dated = np.zeros(int(sid.max()) + 1 if len(sid) else 0, dtype=bool)
    kind = cols.obj("kind")
    pointing = cols.flag("resolved") & ~cols.flag("guessed")  # "last week", "Friday"
    # (a dateline or a headline's date is the report's own)
    rows = np.flatnonzero((kind == "date") & ~pointing & (cols.obj("metric") != "publication"))
    day, days = pd.factorize(cols.obj("date_start")[rows], use_na_sentinel=False)
    dated[sid[rows]] = True
    return dated, np.unique(sid[rows].astype(np.int64) * len(days) + day), len(days)


def _story_similarity(stories: Stories, doc_codes: np.ndarray, doc_names: np.ndarray,
                      i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if not stories.links:
        return np.zeros(len(i))
    width = max(len(doc_names), 1)
    # each link's two articles as codes into `doc_names` (-1: not in the table), both ways round
    ends = stories.ends(doc_names)
    sims = np.fromiter(stories.links.values(), dtype=np.float64, count=len(stories.links))
    ok = (ends[:, 0] >= 0) & (ends[:, 1] >= 0)
    if not ok.any():
        return np.zeros(len(i))
    x, y, sim = ends[ok, 0].astype(np.int64), ends[ok, 1].astype(np.int64), sims[ok]
    index = pd.Index(np.concatenate([x * width + y, y * width + x]))
    at = index.get_indexer(doc_codes[i] * width + doc_codes[j])
    return np.where(at >= 0, np.concatenate([sim, sim])[np.maximum(at, 0)], 0.0)


class _View(NamedTuple):
    """What most feature groups read of the pairs, computed once. Arrays are per pair (aligned
    with `i` and `j`) unless their name says otherwise: `row_` per table row, `doc_` per article
    code, `link_pair` per distinct article pair."""

    cols: Columns
    i: np.ndarray
    j: np.ndarray
    stories: Stories
    drafts: set[str] | None
    doc_codes: np.ndarray  # per row: its article's code
    doc_names: np.ndarray  # per article code: its id
    same_doc: np.ndarray
    link_pair: np.ndarray  # each pair's distinct article pair (`distinct_pairs`) ...
    link_a: np.ndarray  # ... and the two articles of each distinct pair
    link_b: np.ndarray
    link: np.ndarray  # the story link's similarity of the two articles (0 within one; `out["story"]` is 1 there)
    two_outlets: np.ndarray
    told: np.ndarray  # the two articles are of one story as grouped (a check's; all True in a scan)
    row_in_draft: np.ndarray  # per row: a check's draft figure
    row_table: np.ndarray  # per row: an earnings-table row
    row_money: np.ndarray  # per row: an amount
    row_earlier: np.ndarray  # per row: the value before another ("from 8.06 billion")
    both_tab: np.ndarray
    is_date: np.ndarray
    va: np.ndarray
    vb: np.ndarray
    pos: np.ndarray  # both values positive
    power: np.ndarray  # log10 of their ratio (0 unless `pos`)
    orders: np.ndarray  # orders of magnitude between them (|power|)
    sa: np.ndarray  # each date's first and last day as ordinals (-1: none)
    ea: np.ndarray
    sb: np.ndarray
    eb: np.ndarray
    gap: np.ndarray  # days between two dates' spans (0 where they meet or overlap)
    da: np.ndarray  # publication days (-1: undated)
    db: np.ndarray
    apart: np.ndarray  # days between publications (0 when either is undated)


def _view(cols: Columns, i: np.ndarray, j: np.ndarray, stories: Stories, outlets: Mapping[str, str] | None,
          drafts: set[str] | None) -> _View:
    """The shared readings of the pairs `features` hands to each group."""
    doc_codes, doc_names = cols.codes("doc")
    same_doc = doc_codes[i] == doc_codes[j]
    # what reads two articles alone, read once per distinct pair of them (as is what reads two
    # headlines or two claimants alone, in their groups)
    by_doc, link_pair = distinct_pairs(doc_codes[i], doc_codes[j])
    link_a, link_b = doc_codes[i][by_doc], doc_codes[j][by_doc]
    link = _story_similarity(stories, doc_codes, doc_names, i[by_doc], j[by_doc])[link_pair]
    # two outlets telling one story: where they give one amount two values, one of them is
    # wrong (their weekdays and "last year" are read against two publication dates instead)
    outlet = np.append(np.array([(outlets or {}).get(str(d), "") for d in doc_names], dtype=object), "")
    oa, ob = outlet[link_a], outlet[link_b]
    two_outlets = (link > 0) & ~same_doc & ((oa != "") & (ob != "") & (oa != ob))[link_pair]
    kind, kinds = cols.codes("kind")
    is_date = (kinds == "date")[kind[i]] if len(kinds) else np.zeros(len(i), dtype=bool)
    money = (kinds[kind] == "money") & (kind >= 0) if len(kinds) else np.zeros(len(kind), dtype=bool)
    value = cols.num("value")
    va, vb = value[i], value[j]
    with np.errstate(divide="ignore", invalid="ignore"):
        pos = (va > 0) & (vb > 0)
        power = np.where(pos, np.log10(np.where(pos, va / vb, 1.0)), 0.0)
    first, last = cols.ordinals("date_start"), cols.ordinals("date_end")
    sa, ea, sb, eb = first[i], last[i], first[j], last[j]
    days = cols.days()
    da, db = days[i], days[j]
    tab = cols.flag("table")
    return _View(
        cols=cols, i=i, j=j, stories=stories, drafts=drafts, doc_codes=doc_codes, doc_names=doc_names,
        same_doc=same_doc, link_pair=link_pair, link_a=link_a, link_b=link_b, link=link, two_outlets=two_outlets,
        told=one_story(stories, doc_codes, doc_names, i, j, drafts),
        row_in_draft=draft_rows(doc_codes, doc_names, drafts), row_table=tab, both_tab=tab[i] & tab[j],
        row_money=money, row_earlier=row_stages(cols) == "previous",
        is_date=is_date, va=va, vb=vb, pos=pos, power=power, orders=np.abs(power),
        sa=sa, ea=ea, sb=sb, eb=eb, gap=np.maximum(0, np.maximum(sb - ea, sa - eb)),
        da=da, db=db, apart=np.where((da < 0) | (db < 0), 0, np.abs(da - db)))


def features(table: pd.DataFrame, pairs: pd.DataFrame, stories: Stories,
             params: RelationParams, context: pd.DataFrame | None = None,
             outlets: Mapping[str, str] | None = None, drafts: set[str] | None = None,
             cols: Columns | None = None) -> pd.DataFrame:
    """The feature columns (FEATURES) and `relation` of each pair, aligned with `pairs`;
    `context`: the context features `prune` already computed for these pairs (`Contexts.overlap`:
    its `names_via_claimant` too); `outlets`: each
    article's outlet where its input says (doc id → "nytimes.com"); `drafts`: in a check, the
    articles read against the others (the reference side `unbacked` reads); `cols`: the
    table's columns, prepared for rows that include these pairs' (`Columns.prepare`).

    The groups run in this order, each writing its columns of `out`; a later group reads what
    earlier ones wrote, and some override an earlier column (each group's docstring names what
    it overrides): moving a group changes features silently."""
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    # the rows paired, each once (sorting a million pairs' rows costs more than most features:
    # only where the columns or the context are not given)
    paired = _paired_rows(i, j) if cols is None or context is None else None
    cols = cols or Columns(table, paired)
    if context is None:
        context = pd.DataFrame(Contexts(table, paired, cols).overlap(i, j))
    v = _view(cols, i, j, stories, outlets, drafts)
    out: dict[str, np.ndarray] = {}  # the features, as one frame at the end
    _article_features(v, out, context)
    _claimant_features(v, out)
    _metric_features(v, out)
    _headline_features(v, out)
    _publication_features(v, out)
    shapes = _value_features(v, out, table, params)
    _change_features(v, out)
    _table_features(v, out)
    _scope_features(v, out, shapes)
    _date_reading_features(v, out)
    _outlet_features(v, out, context)
    named_event = _date_event_features(v, out)
    aligned = _alignment_features(v, out)
    _recurrence_features(v, out, aligned)
    chance = _unexplained_features(v, out, shapes, named_event)
    _restated_features(v, out, shapes)
    _check_features(v, out, shapes, chance, aligned)
    # (one block per column, not copied: stacking some sixty columns of a million pairs into
    # one block costs more than building them)
    return pd.DataFrame(out, index=pairs.index, copy=False)


def _article_features(v: _View, out: dict[str, np.ndarray], context: pd.DataFrame) -> None:
    """Whether the two figures share an article or a story, and the words around them
    (`context`, `prune`'s): story, same_doc, linked, the context features, parallel, dates_differ."""
    out["story"] = np.where(v.same_doc, 1.0, v.link)  # one article is one story
    out["same_doc"] = v.same_doc.astype(np.float64)
    out["linked"] = ((v.link > 0) & ~v.same_doc).astype(np.float64)
    for name in ("context_near", "context", "specific", "names", "numbers", "numbers_differ", "names_differ"):
        out[name] = context[name].to_numpy()
    out["parallel"] = (v.same_doc & (out["numbers_differ"] > 0)).astype(np.float64)
    out["dates_differ"] = _sentence_dates_differ(v.cols, v.i, v.j)


def _claimant_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """Whom the two figures are about: claimant, claimant_missing, claimant_common,
    claimant_known, claimant_differs, companies_differ."""
    cols, i, j = v.cols, v.i, v.j
    actor, actors = claimant_codes(cols)
    by_actor, actor_pair = distinct_pairs(actor[i], actor[j])
    out["claimant"] = pair_similarity(actor, actors, i[by_actor], j[by_actor], name_similarity)[actor_pair]
    # two headline companies of different names, with tickers none in common, are two
    # companies whatever their names share ("KAY CORP <KAY>", "KAY JEWELERS INC <KJI>"); under
    # one name, a ticker that differs is a slip or a share class ("<FBO>", "<FBT>")
    listed = listed_apart(cols, i, j)
    at = np.flatnonzero(listed)
    by_listed, listed_pair = distinct_pairs(actor[i[at]], actor[j[at]])
    listed[at] = np.array([not same_name(str(actors[a]), str(actors[b]))
                           for a, b in zip(actor[i[at[by_listed]]], actor[j[at[by_listed]]], strict=True)],
                          dtype=bool)[listed_pair]
    listed |= third_party(cols, actor, actors, i, j)
    out["claimant"] = np.where(listed, 0.0, out["claimant"])
    out["claimant_missing"] = ((actor[i] < 0) | (actor[j] < 0)).astype(np.float64)
    out["claimant_common"] = np.where(out["claimant"] >= 0.5, claimant_spread(cols, i, j), 0.0)
    known = cols.flag("actor_known")
    out["claimant_known"] = (known[i] & known[j] & (actor[i] == actor[j]) & (actor[i] >= 0) & ~listed
                             ).astype(np.float64)
    differs = (actor[i] >= 0) & (actor[j] >= 0) & (out["claimant"] < 0.5)
    if differs.any():  # two claimants an article names both are one story's people
        at = np.flatnonzero(differs & ~v.same_doc)
        differs[at] &= ~doc_words(cols).name_each_other(actor[i[at]], actor[j[at]], v.doc_codes[i[at]],
                                                         v.doc_codes[j[at]], actors)
    out["claimant_differs"] = (differs | listed).astype(np.float64)
    out["companies_differ"] = listed.astype(np.float64)


def _metric_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """What the two figures measure, by the metric lexicon: metric, metric_missing, metric_differs."""
    metric, _ = v.cols.codes("metric")
    family, _ = v.cols.codes("family")
    i, j = v.i, v.j
    m_missing = (metric[i] < 0) | (metric[j] < 0)
    out["metric"] = np.where(m_missing, 0.0, np.where(metric[i] == metric[j], 1.0,
                                                      np.where(family[i] == family[j], 0.5, 0.0)))
    out["metric_missing"] = m_missing.astype(np.float64)
    out["metric_differs"] = (~m_missing & (family[i] != family[j])).astype(np.float64)


def _headline_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """What the two articles' headlines and names say of them (0 within one article): headline,
    headline_same, subjects_differ, session_differs, doc_names, others_differ; and the goods the
    two figures' sentences name (goods_differ, within one article too)."""
    cols, i, j, same_doc = v.cols, v.i, v.j, v.same_doc
    title, _ = cols.codes("title")
    _, heads, fcodes = headline_words(cols)
    # what reads two headlines alone, read once per distinct pair of them
    by_title, title_pair = distinct_pairs(title[i], title[j])
    ti, tj = title[i][by_title], title[j][by_title]
    has = (ti >= 0) & (tj >= 0)
    head = np.zeros(len(by_title))
    if heads is not None and has.any():
        head[has] = cosine(heads, ti[has], tj[has])
    out["headline"] = np.where(same_doc, 0.0, head[title_pair])
    out["headline_same"] = ((fcodes[i] >= 0) & (fcodes[i] == fcodes[j]) & ~same_doc).astype(np.float64)
    out["subjects_differ"] = np.where(same_doc, 0.0, subjects_differ(cols, i[by_title], j[by_title])[title_pair])
    out["session_differs"] = np.where(same_doc, 0.0, session_differs(cols, i, j))
    per_doc = doc_words(cols)
    out["doc_names"] = np.where(same_doc, 0.0, per_doc.names(v.link_a, v.link_b)[v.link_pair])
    out["others_differ"] = np.where(same_doc, 0.0, per_doc.others_differ(v.link_a, v.link_b)[v.link_pair])
    goods = goods_named(cols)
    out["goods_differ"] = ((goods[i] != 0) & (goods[j] != 0) & ((goods[i] & goods[j]) == 0)).astype(np.float64)


def _publication_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """Corrections, and the days between the two publications: correction, corrected,
    days_apart, same_day."""
    corr = v.cols.flag("correction")
    out["correction"] = ((corr[v.i] | corr[v.j]) & ~v.same_doc).astype(np.float64)
    out["corrected"] = _corrected(v.cols, v.i, v.j, corr, v.doc_codes)
    out["days_apart"] = np.minimum(np.log2(1.0 + v.apart) / 5.0, 1.0)
    out["same_day"] = ((v.da >= 0) & (v.da == v.db)).astype(np.float64)


class _Shapes(NamedTuple):
    """How two values relate, as later groups read it."""

    differing: np.ndarray  # the relation, as first read, is a conflict's (before `_date_reading_features`
    # reads a relative date copied with its sentence as agreeing: later groups see it differ)
    scale_mismatch: np.ndarray
    one_digit: np.ndarray  # one significant digit changed (`shapes.digit_run`) ...
    one_digit_single: np.ndarray  # ... of a single significant digit
    digits_match: np.ndarray  # the digits match a slip's, whatever the words say


def _value_features(v: _View, out: dict[str, np.ndarray], table: pd.DataFrame, params: RelationParams) -> _Shapes:
    """The value relation, and the shapes of an error it may have: relation, closeness, slip,
    currency_slip, digits, digit_run, scale; what makes a shape chance (items_differ, the short
    shapes, which zero slip, currency_slip, digits and digit_run), round_same and bound."""
    cols, i, j, is_date, va, vb, pos = v.cols, v.i, v.j, v.is_date, v.va, v.vb, v.pos
    rel = relations(table, i, j, params, cols)
    out["relation"] = rel
    span = np.maximum(np.maximum(v.ea - v.sa, v.eb - v.sb), 1)
    # money: 1 for equal, 0.9 for 5% apart, 0 from a factor of about three (half an order)
    out["closeness"] = np.where(is_date, 1.0 / (1.0 + v.gap / span), np.maximum(0.0, 1.0 - 2.0 * v.orders))
    rel_codes, rel_names = pd.factorize(rel, use_na_sentinel=False)
    magnitude_slip = _one_of(rel_codes, rel_names, {"magnitude_slip"})
    currency_mismatch = _one_of(rel_codes, rel_names, {"currency_mismatch"})
    scale_mismatch = _one_of(rel_codes, rel_names, {"scale_mismatch"})
    out["slip"] = magnitude_slip.astype(np.float64)
    out["currency_slip"] = currency_mismatch.astype(np.float64)
    power = v.power
    # (up to a factor of 1,000, a separator read as a point: four zeros or more are no slip of
    # a hand that wrote the same digits, "125,000 dlrs" of provisions and "1.25 billion" of
    # loans, unless a magnitude word went with them, "500 US-Dollar" for "500 Milliarden")
    out["digits"] = ((~is_date) & pos & (np.abs(power) > 0.5)
                     & ((np.abs(power) < _DIGIT_ORDERS + 0.5) | (out["slip"] > 0))
                     & (np.abs(power - np.round(power)) < 1e-6)).astype(np.float64)
    # (the digits of two values alone: read once per distinct pair of values)
    value_code = pd.factorize(cols.num("value"))[0]
    by_value, value_pair = distinct_pairs(value_code[i], value_code[j])
    run, one_digit, one_digit_single = (x[value_pair] for x in digit_run(cols, i[by_value], j[by_value]))
    out["digit_run"] = np.where(is_date | (va == vb), 0.0, run)
    out["scale"] = scale_mismatch.astype(np.float64)
    in_draft = v.row_in_draft
    # two amounts whose words name two different kinds of thing, as the metric lexicon reads the
    # words right at each ("a total capitalisation of £1.4 trillion", a valuation, / "a bid of
    # £1.4bn", an offer: the `item` column) are two facts: their values' shape is no error's
    # then. Not in a correction (it may name its item anew), nor between two outlets or a draft
    # and its archive, which name one thing in their own words
    item, _ = cols.codes("item")
    out["items_differ"] = ((item[i] >= 0) & (item[j] >= 0) & (item[i] != item[j]) & ~is_date & ~v.both_tab
                           & (out["correction"] == 0) & ~v.two_outlets & ~(in_draft[i] | in_draft[j])
                           ).astype(np.float64)
    # ... and a number of two significant digits or fewer ("1.4", "50") under two magnitude
    # words or units, in sentences that share neither a word near the figures nor a metric,
    # coincides by chance: a slip's shape needs a fact in common first. (Not in a draft, not yet
    # edited, read against its archive: there every shape counts, and `unbacked` weighs it)
    length = significant_digits(cols)
    short_shape = ((np.maximum(length[i], length[j]) <= _CHANCE_DIGITS) & (out["context_near"] == 0)
                   & (out["metric"] < 1) & ~v.both_tab & (out["headline_same"] == 0)
                   & ~(in_draft[i] | in_draft[j]))
    # ... and one significant digit two powers of ten apart, both written in digits alone
    # ("$600" for a rabbit's ticket, "more than $60,000" repaid), is chance even in a draft:
    # a hand adds or drops one zero, or a group of three ("$5,000" for "$5,000,000"), and any
    # two such amounts share their digit one time in nine. A magnitude word on either side
    # keeps the shape ("800,000 francs" corrected to "800 mln francs"), as do two table rows
    # and a re-issue under one headline
    mag, _ = cols.codes("magnitude")
    short_shape |= ((np.maximum(length[i], length[j]) <= 1) & (np.abs(np.abs(power) - 2) < 0.5)
                    & (out["slip"] == 0) & (mag[i] < 0) & (mag[j] < 0) & ~v.both_tab
                    & (out["headline_same"] == 0) & ~is_date)
    # (the values' shapes as read, before the words set them aside: what rates and listed parts
    # need is digits that do not match, whatever the words say of them)
    digits_match = ((out["slip"] > 0) | (out["currency_slip"] > 0) | (out["digits"] > 0) | (out["digit_run"] > 0))
    for name in ("slip", "currency_slip", "digits", "digit_run"):
        out[name] = np.where((out["items_differ"] > 0) | short_shape, 0.0, out[name])
    # under headlines of two points of a trading day, two snapshots of a moving market: a price
    # moves a digit between them ("closed at 145.25 yen" / "had opened here at 145.95 yen")
    out["digit_run"] = np.where(out["session_differs"] > 0, 0.0, out["digit_run"])
    # a round number slipped in its magnitude word ("about one mln" / "more than one billion")
    # is as likely a coincidence as one in two currencies
    out["round_same"] = round_same(cols.num("number"), i, j, currency_mismatch | magnitude_slip)
    qual, quals = cols.codes("qualifier")
    inexact = np.append(quals != "exact", False)  # index -1 (missing) reads as exact
    out["bound"] = ((inexact[qual[i]] | inexact[qual[j]]) & ~is_date).astype(np.float64)
    return _Shapes(_one_of(rel_codes, rel_names, CONFLICTS), scale_mismatch, one_digit, one_digit_single,
                   digits_match)


def _change_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """A change a sentence states ("raised to"), and one value moved twice: revision, successive."""
    cols, i, j = v.cols, v.i, v.j
    revised = cols.flag("revised")
    out["revision"] = (revised[i] | revised[j]).astype(np.float64)
    # two new values of stated changes on two days are one price or offer moved twice, and so
    # is a running total, two days' "to date" or "so far" (tendered to date: 3.9 mln dlrs, a
    # week later 7.4 mln dlrs): the count moved between the two days
    running = _running_totals(cols)
    moved = (revised[i] & revised[j]) | (running[i] & running[j] & ~v.is_date & (v.va != v.vb))
    out["successive"] = (moved & ~v.same_doc & (out["same_day"] == 0) & (out["days_apart"] > 0)).astype(np.float64)


def _table_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """Earnings-table rows: their slot (company, label, column, period) is what makes two rows
    one figure, not the words around them: table, table_slot, measure_offset. Overrides, for two
    table rows: context_near, context and specific (0), numbers and numbers_differ (0 for a
    re-issue or one slot), claimant_differs (two companies' tables) and metric_differs (two
    labels)."""
    cols, i, j, both_tab = v.cols, v.i, v.j, v.both_tab
    out["table"] = (v.row_table[i] | v.row_table[j]).astype(np.float64)
    # two table rows: the row label and its neighbours are all their "context"; what makes
    # them one figure is the same company (claimant), label (metric), column and period
    for name in ("context_near", "context", "specific"):
        out[name] = np.where(both_tab, 0.0, out[name])
    # a table's claimant is its headline's company: two tables of companies whose names differ
    # are two companies' results, even when one article names both (a fund family's releases)
    actor, _ = claimant_codes(cols)
    both_named = (actor[i] >= 0) & (actor[j] >= 0)
    out["claimant_differs"] = np.where(both_tab & both_named & (out["claimant"] < 0.5), 1.0,
                                       out["claimant_differs"])
    # a re-issued table (one headline): a row's other numbers are its other columns, which the
    # re-issue may have changed too; the slot, not they, tells two figures apart
    reissued = both_tab & (out["headline_same"] > 0)
    for name in ("numbers", "numbers_differ"):
        out[name] = np.where(reissued, 0.0, out[name])
    metric, _ = cols.codes("metric")
    stage, _ = cols.codes("stage")
    period, _ = cols.codes("period")
    variant = row_variants(cols)
    row, labels = pd.factorize(row_names(cols), use_na_sentinel=False)
    unlabelled = (labels == "")[row]  # a row the reader did not label
    same_row = (row[i] == row[j]) | unlabelled[i] | unlabelled[j]
    # one slot of one company's table: with no claimant the tables may be two companies' (two
    # funds of one family whose headlines name no ticker)
    one_company = both_named & (out["claimant"] >= 0.5)
    out["table_slot"] = (both_tab & one_company & (metric[i] == metric[j]) & (metric[i] >= 0)
                         & (stage[i] == stage[j]) & (period[i] == period[j]) & (variant[i] == variant[j])
                         & same_row).astype(np.float64)
    # one slot of two tables (or a re-issued table): a row's other numbers are its other
    # columns, each a slot of its own that may differ too; the slot, not they, tells figures apart
    slot = out["table_slot"] > 0
    for name in ("numbers", "numbers_differ"):
        out[name] = np.where(slot, 0.0, out[name])
    # (not in a correction: a corrected table may move every figure of a measure alike)
    out["measure_offset"] = _measure_offset(slot & ~v.same_doc & v.pos & (out["correction"] == 0), v.doc_codes,
                                            metric, cols.codes("per")[0], i, j, v.va, v.vb)
    # two tables' lines of different names measure different things ("Sales", "Revs")
    out["metric_differs"] = np.where(both_tab & ~same_row, 1.0, out["metric_differs"])


def _scope_features(v: _View, out: dict[str, np.ndarray], shapes: _Shapes) -> None:
    """What each figure covers: its place in a list (slot_differs, part_listed), its period,
    horizon, stage and rate (period_differs, horizon_differs, horizon_same, stage_differs,
    per_differs)."""
    cols, i, j, is_date, va, vb = v.cols, v.i, v.j, v.is_date, v.va, v.vb
    # two articles' sentences of one template, listing as many amounts, pair them place by
    # place: the first amount of one and the second of the other are two items of the list
    place, places = sentence_slots(cols)
    out["slot_differs"] = (~v.same_doc & ~v.both_tab & (places[i] >= 2) & (places[i] == places[j])
                           & (place[i] != place[j]) & (out["context"] >= _TEMPLATE)).astype(np.float64)
    # one of several amounts its sentence lists (expenses that "included $4,272.78 on the
    # cruise, $2,306.08 at Walt Disney World, over $10,000 at Best Buy"), a tenth or less of the
    # other figure, the list adding up to no more than it, no slip of its digits: a part of that
    # amount, not another reading of it. (Not an earlier value: "rose to X from Y" lists no parts)
    small, large = np.where(va <= vb, i, j), np.where(va <= vb, j, i)
    earlier_small = v.row_earlier[small]
    value = cols.num("value")
    in_sentence = np.isfinite(cols.num("sent_start"))  # (no sentence read: the article's amounts list nothing)
    out["part_listed"] = (~is_date & v.pos & in_sentence[small] & (places[small] >= _LIST_PLACES)
                          & (v.orders >= 1) & (sentence_sums(cols)[small] <= value[large]) & ~earlier_small
                          & ~shapes.digits_match).astype(np.float64)
    out["period_differs"] = _differs(cols.codes("period")[0], i, j)
    horizon, _ = cols.codes("horizon")
    out["horizon_differs"] = _differs(horizon, i, j)
    out["horizon_same"] = ((horizon[i] >= 0) & (horizon[i] == horizon[j])).astype(np.float64)
    out["stage_differs"] = _differs(cols.codes("stage")[0], i, j)
    per, _ = cols.codes("per")
    mag, _ = cols.codes("magnitude")
    # an amount under a thousand units with no magnitude word or rate against one of millions
    # under a magnitude word, their digits not the same (no slip): a price, fee or per-item
    # amount against a total ("bought shares for 40-1/8 dlrs" / "its 3.2 billion dlr offer"),
    # whatever rate the first leaves unsaid
    unit_row = (mag < 0) & (value < _UNIT_AMOUNT) & (per < 0)
    total_row = (mag >= 0) & (value >= _TOTAL_AMOUNT) & (per < 0)
    unsaid = ((unit_row[i] & total_row[j]) | (unit_row[j] & total_row[i])) & ~shapes.digits_match
    out["per_differs"] = (((per[i] != per[j]) | unsaid) & ~is_date).astype(np.float64)


def _date_reading_features(v: _View, out: dict[str, np.ndarray]) -> None:
    """How each date was read: against a publication day, with a guessed year, in words two
    articles share: relative, guessed, deictic, relative_apart, same_words, is_date. Overrides
    relation and closeness: a relative date copied with its sentence agrees."""
    cols, i, j, is_date, same_doc = v.cols, v.i, v.j, v.is_date, v.same_doc
    resolved, guessed = cols.flag("resolved"), cols.flag("guessed")
    out["relative"] = ((resolved[i] | resolved[j]) & is_date).astype(np.float64)
    # two years both guessed from publication days a day apart at most are one guess: the
    # months and days compare whatever the year ("3RD QTR JAN 28" and "ended January 31")
    one_guess = guessed[i] & guessed[j] & (v.apart <= 1)
    out["guessed"] = ((guessed[i] | guessed[j]) & is_date & ~one_guess).astype(np.float64)
    pointing = resolved & ~guessed
    out["deictic"] = ((pointing[i] | pointing[j]) & is_date).astype(np.float64)
    # "today", "last week" in articles of different days: the reference moved, and with it,
    # most often, the event (a continuing story's news of each day)
    out["relative_apart"] = out["relative"] * out["days_apart"]
    folded = text_forms(cols)
    same_words = is_date & (folded[i] == folded[j]) & (resolved[i] | resolved[j])
    out["same_words"] = same_words.astype(np.float64)
    # a relative date copied with its sentence (a re-issue filed days later) is one statement
    # read against two publication dates: as written, the two agree. So are the same words read
    # against one publication day, whatever the tense around them made of the year ("should
    # reach ... in the last six months of the year" / "were estimating that in the last six
    # months of the year"): the writers named one time
    one_day = same_doc | ((v.da >= 0) & (v.da == v.db))
    copied = same_words & (one_day | (~same_doc & (out["context_near"] >= 0.8)
                                      & (out["context"] >= 0.8)))
    out["relation"] = np.where(copied, "agree", out["relation"])
    out["closeness"] = np.where(copied, 1.0, out["closeness"])
    out["is_date"] = is_date.astype(np.float64)


def _outlet_features(v: _View, out: dict[str, np.ndarray], context: pd.DataFrame) -> None:
    """Two outlets of one story (outlets), and what their own words make of metrics and names:
    overrides metric_differs and names_differ (0 across outlets, as described below)."""
    two_outlets = v.two_outlets
    out["outlets"] = (two_outlets & ~v.is_date).astype(np.float64)
    # the metric lexicon reads one outlet's "spent $750,000 in campaign cash" and another's "use
    # of $750,000 in campaign money" as two metrics: across outlets (not table lines) their
    # words differ more than their facts, so a differing metric is no evidence against one fact
    out["metric_differs"] = np.where(two_outlets & ~v.both_tab, 0.0, out["metric_differs"])
    # so do their names: the person one outlet makes the subject ("Jesse Jackson Jr. pleaded
    # guilty") another names beside a claimant it read elsewhere ("Jesse L. Jackson Jr., the
    # former representative from Illinois"); a name the two share that way is one in common
    out["names_differ"] = np.where(two_outlets & (context["names_via_claimant"].to_numpy() > 0), 0.0,
                                   out["names_differ"])


def _date_event_features(v: _View, out: dict[str, np.ndarray]) -> np.ndarray:
    """What names the event two dates are of: the verb or word next to each, the words of their
    sentences (event_verb, event_word, event_told, specific_date); two spans of two periods
    (spans_differ). Overrides claimant_missing and metric_missing (0 where the word next to the
    dates names their event). Returns per pair whether a date's event is named (a written date,
    or a relative one whose verb two outlets share)."""
    cols, i, j, is_date, two_outlets = v.cols, v.i, v.j, v.is_date, v.two_outlets
    # a weekday or "last month" two outlets read against their own days dates one event where
    # the same claimant does the same thing by both accounts, the verb next to the date naming
    # it ("Lauten on Friday apologized" / "had to apologize Saturday"): a story's days hold
    # many events, and a shared noun ("interview", "statement") or another person's act is
    # another day's
    deictic = out["deictic"] > 0
    out["event_verb"] = event_verb_shared(cols, i, j, two_outlets & is_date & deictic
                                          & (out["claimant"] >= 0.5))
    # a written date two outlets put next to the same word ("the lease expires in 2018" / "the
    # lease formally expires in 2019", "a runoff in mid May" / "the runoff in April") dates one
    # event twice where the two dates are a slip apart: at most half the coarser one's unit
    # between them (neighbouring years or months, not two apart) and neither longer than that
    # unit ("from 2000 to 2006" / "from 2006 to 2012" are two terms); and where nothing tells
    # the sentences apart, neither claimants nor other names that differ (two men, each "named
    # director" in his year)
    sa, ea, sb, eb, gap = v.sa, v.ea, v.sb, v.eb, v.gap
    unit = grain_days(cols)
    coarser = np.maximum(unit[i], unit[j])  # NaN (a date of no known grain) compares false
    known = (sa >= 0) & (ea >= 0) & (sb >= 0) & (eb >= 0)
    grain = known & ((ea - sa) <= coarser) & ((eb - sb) <= coarser) & (2 * gap <= coarser)
    alike_told = (out["names_differ"] == 0) & (out["claimant_differs"] == 0)
    # two spans of several units each ("from 2007 to 2014" / "between January 2016 and December
    # 2018") that share neither end and differ in length by more than a unit are two periods: a
    # slip moves one end, a retelling off by a year moves both alike ("1967 to 1979" / "1966 to
    # 1978")
    spans = known & ((ea - sa) > 1.5 * unit[i]) & ((eb - sb) > 1.5 * unit[j])
    out["spans_differ"] = (is_date & spans & (sa != sb) & (ea != eb)
                           & (np.abs((ea - sa) - (eb - sb)) > coarser)).astype(np.float64)
    out["event_word"] = event_word_shared(cols, i, j, two_outlets & is_date & ~deictic & grain & alike_told)
    # a written date two outlets put in sentences alike (numbers left out) dates one event
    # told twice ("voters approved Amendment 64 in 2012" / "approved by voters in 2015"): what
    # the figure's claimant and metric are for an amount, the sentence's words are for a date
    named_event = ~deictic | (out["event_verb"] > 0)
    out["event_told"] = np.where(two_outlets & is_date & named_event, out["context"], 0.0)
    # two amounts of one story share its rare words whether or not they are one fact (another
    # part of the deal, another company in it): their claimant and metric name the fact. A date
    # two outlets write out has neither; the rare words of its sentence name its event
    out["specific_date"] = np.where(out["event_told"] > 0, out["specific"], 0.0)
    # a date's event named by the word next to it is named: a claimant or metric is what names
    # an amount's fact, and a date's sentence lacking one ("both parties will hold primaries in
    # mid May") is no sign of another event
    worded = out["event_word"] > 0
    out["claimant_missing"] = np.where(worded, 0.0, out["claimant_missing"])
    out["metric_missing"] = np.where(worded, 0.0, out["metric_missing"])
    return named_event


def _alignment_features(v: _View, out: dict[str, np.ndarray]) -> Alignment:
    """Each figure among its candidates in the other article (`alignment.alignment`):
    counterpart, twin, shared_figures."""
    cols, i, j = v.cols, v.i, v.j
    prec = cols.num("precision")
    unequal = v.va != v.vb  # "67 mln" states 67.0 mln; "$3 billion" only allows $3.5 billion
    earlier = v.row_earlier
    aligned = alignment(out, i, j, v.doc_codes, earlier[i] != earlier[j],
                        (unequal & (prec[j] > prec[i]), unequal & (prec[i] > prec[j])), _sentences(cols))
    out["counterpart"], out["twin"], out["shared_figures"] = aligned.counterpart, aligned.twin, aligned.shared
    return aligned


def _recurrence_features(v: _View, out: dict[str, np.ndarray], aligned: Alignment) -> None:
    """A recurring report's new issue, whose figures are new values, not contradictions:
    renewed, series."""
    cols, i, j, two_outlets, apart = v.cols, v.i, v.j, v.two_outlets, v.apart
    # two articles of one publisher and different days whose figures, three or more each with a
    # candidate in the other, nearly all differ (a third or fewer agree), with no correction: a
    # new issue of a recurring report (this week's money supply, line by line against last week's)
    out["renewed"] = (~two_outlets & (apart >= 1) & (aligned.compared >= 3) & (out["shared_figures"] <= 1 / 3)
                      & (out["correction"] == 0) & (out["corrected"] == 0)
                      ).astype(np.float64)
    # no correction, and another day with the same template in a sentence form the corpus
    # prints on three days or more, or one headline form both articles share that it prints
    # so often (on any day: a daily report's later round), or that one publisher prints on two
    # days: a recurring report's new figure
    recurring, same_form, two_day = recurring_forms(cols, i, j)
    same_form |= two_day & ~two_outlets
    template, template_head = templates(cols, i, j)
    alike = out["context"] >= 0.6
    out["series"] = ((out["correction"] == 0)
                     & (((apart >= 1) & alike & recurring) | same_form | (template & alike & ~v.both_tab)
                        | template_head)).astype(np.float64)


def _unexplained_features(v: _View, out: dict[str, np.ndarray], shapes: _Shapes, named_event: np.ndarray
                          ) -> np.ndarray:
    """Whether two differing figures have an error's shape, or else read as two facts:
    unexplained, one_writer, event_unnamed; and stated_apart (two outlets' amounts a digit
    apart, one of those shapes). Returns per pair whether a single changed digit is chance
    (what a check's `unbacked` reads too)."""
    cols, i, j, is_date, same_doc, two_outlets = v.cols, v.i, v.j, v.is_date, v.same_doc, v.two_outlets
    va, vb, in_draft = v.va, v.vb, v.row_in_draft
    # a contradiction is somebody's error, and an amount's errors have shapes: a re-issue or
    # correction, a slipped digit, magnitude or currency, an amount orders of magnitude off, a
    # misread amount a few per cent off. Two amounts that differ in none of these ways are,
    # more often than not, two facts (another item, day or deal) however alike their
    # sentences. (Dates have their own evidence: relative readings, days apart.)
    anchored = ((out["correction"] > 0) | (out["corrected"] > 0)
                | (out["headline_same"] > 0) | (out["table_slot"] > 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        # a balance moves that much from one week to the next: near only within a day; and a
        # price (per tonne, or a named good's amount without a magnitude word) that much between
        # markets, grades and hours of one day (gold's morning and afternoon fix): a few per
        # cent, even one digit, apart is no misreading for prices
        priced = price_rows(cols)
        prices = priced[i] | priced[j]
        within = ~is_date & v.pos & (np.abs(va - vb) <= NEAR * np.maximum(va, vb))
        near = within & (v.apart <= 1) & ~prices
    # in one article, two items a few per cent apart are common (operating and trading profit,
    # 1.48 and 1.51 billion): its writer did not misread one of them; two prices one digit and
    # a few per cent apart are two quotes
    # a single significant digit changed is no sign by itself: any two round amounts of one scale
    # differ so ("5 cts" and "4 cts" for two share classes, "80 mln" and "50 mln" of bills). It is
    # one beside the same other numbers ("lost 3p to 821" / "lost 4p to 821"), and in a check,
    # where the archive is the reference and `unbacked` weighs that shape on the draft's behalf
    # ... and only in an article of the draft's own story: two loosely linked articles' round
    # amounts (a campaign's "$8 billion" wall, a budget fight's "$5 billion") differ so by chance
    # (the story as grouped: an article the grouping leaves out of the draft's is read as another's)
    by_chance = shapes.one_digit_single & (out["numbers"] < 0.5)
    chance = by_chance & (~(in_draft[i] | in_draft[j]) | ~v.told)
    slipped = (shapes.one_digit & ~chance & ~(within & prices)) | (near & ~same_doc)
    # two outlets telling one story write one amount to the same precision, exactly, and a
    # digit apart ("$5.7 billion" / "$5.6 billion"): one of them misread or misheard it. Within
    # one publisher the same shape is as often two quotes of a moving price (no `outlets` there)
    prec = cols.num("precision")
    exact = out["bound"] == 0
    out["stated_apart"] = (two_outlets & ~is_date & within & shapes.one_digit & (prec[i] == prec[j]) & exact
                           ).astype(np.float64)
    shaped = ((out["slip"] > 0) | (out["digits"] > 0) | (slipped & ~is_date & (va != vb))
              | (out["currency_slip"] > 0) | shapes.scale_mismatch)
    # one writer's two amounts orders of magnitude apart, or one significant digit a power of
    # ten apart, are two items of the article ("five Ecus" and "50 Ecus" for two coins, "145
    # dlrs" a share and "125 mln dlrs" of equity): chance shapes, as a single changed digit is
    # across articles. A slip of the writer's hand keeps its shape: the same digits under
    # another magnitude or currency word ("500 Milliarden US-Dollar" and "500 US-Dollar"), a
    # run of digits moved ("245 mln" and "2,450 mln"), a digit changed. In a draft, not yet
    # edited, every shape still counts
    kept = (out["slip"] > 0) | (out["currency_slip"] > 0) | (out["digit_run"] > 0)
    chance_in_one = same_doc & ~in_draft[i] & ~kept & (shapes.scale_mismatch | (out["digits"] > 0))
    shaped &= ~chance_in_one
    differing = shapes.differing
    # two dates are one event's when something names the event: the same metric ("pay",
    # "completion"), two outlets' written dates of one story, or one sentence two articles
    # tell with only the date changed ("served from 1996 to 2007" / "from 1997 to 2007")
    retold = (~same_doc & (out["context_near"] >= 0.9) & (out["context"] >= 0.9)
              & (out["numbers_differ"] == 0) & (out["same_words"] == 0))
    event = (out["metric"] >= 1) | (two_outlets & named_event) | retold
    # two dates no slip tells apart (1977 and 2007, March 3 and May 18) in sentences that do
    # not tell one event alike are two dates, as two amounts with no error's shape are two
    # amounts ("returns dating back to 1977" / "returns going back to 2007"); one sentence told
    # twice with another year is still one event misdated
    open_ = differing & ~anchored
    no_event = open_ & is_date & ~event
    date_shaped = dates_shaped(cols, i, j, open_ & is_date & event & (out["context"] < TOLD_ALIKE))
    out["unexplained"] = (open_ & np.where(is_date, ~event | ~date_shaped, ~shaped)).astype(np.float64)
    # one writer states both figures: an article giving two values of one fact without a slip's
    # shape is rarer than one listing two alike items (Class A and Class B payouts)
    # (for dates as well when something names their event: one article's "payable April 30"
    # for a stock distribution and "payable April 15" for the cash dividend are two payments)
    out["one_writer"] = (same_doc & ((out["unexplained"] > 0) | (is_date & differing & ~anchored))
                         ).astype(np.float64)
    # a date whose event nothing names is most often another event's date (another period of
    # a report, another step of one story): hand checks found few such date conflicts real
    out["event_unnamed"] = no_event.astype(np.float64)
    return chance


def _restated_features(v: _View, out: dict[str, np.ndarray], shapes: _Shapes) -> None:
    """Two archive articles' differing amounts that one of them accounts for: stated there under
    another line (stated_there), told as the value before (told_before), or apart by an item
    one of them states (gap_stated)."""
    cols, i, j, doc_codes = v.cols, v.i, v.j, v.doc_codes
    money = v.row_money
    stage, _ = cols.codes("stage")
    # the other article states this amount too, in the same unit, column and period (a flash
    # "SHR 1.01 DLRS VS 66 CTS" against the table's "Shr diluted 1.01 dlrs vs 66 cts" beside its
    # "Shr 1.04 dlrs vs 67 cts"): the figure is accounted for there, and the differing one is
    # another line. A correction restates the value it replaces (named in the correcting
    # sentence, or of the same stage as the new one), a draft is read against the archive line
    # by line (`unbacked`), and two outlets each give their own account (one may state the
    # other's figure for another item), so none of these counts; a correction's restated
    # figure of another stage (last year's, unchanged) does
    # (the three readings below: two archive articles' differing amounts)
    archived = shapes.differing & ~v.is_date & ~v.same_doc & ~(v.row_in_draft[i] | v.row_in_draft[j])
    uncorrected = (out["correction"] == 0) & (out["corrected"] == 0)
    replaced = (out["corrected"] > 0) | ((out["correction"] > 0) & (stage[i] == stage[j]))
    out["stated_there"] = stated_there(cols, i, j, doc_codes, money, archived & ~v.two_outlets & ~replaced)
    # one article states the other's amount as the value before its own ("higher than the 4.20
    # dlrs it said it would offer when it first announced"): a change it tells, not a second
    # reading of one value. A correction states the value it replaces so too, and a draft is
    # read against the archive (`unbacked`): neither counts
    out["told_before"] = told_before(cols, i, j, doc_codes, money, archived & uncorrected)
    # the two differ by exactly an amount one of the articles states elsewhere, the other not
    # (preferred dividends one run of a table deducts): one counts that item, the other does not
    # (not in a correction, nor in a check, where the draft is read against the archive)
    out["gap_stated"] = gap_stated(cols, i, j, doc_codes, money, archived & uncorrected)


def _check_features(v: _View, out: dict[str, np.ndarray], shapes: _Shapes, chance: np.ndarray,
                    aligned: Alignment) -> None:
    """What only a pre-publication check reads: a draft's figure one error from an archive
    figure of its story that the archive article does not back (unbacked: always 0 in a scan).
    Overrides twin for those pairs (only a twin in the draft figure's own sentence still
    accounts for it)."""
    cols, i, j, is_date, in_draft, doc_codes = v.cols, v.i, v.j, v.is_date, v.row_in_draft, v.doc_codes
    differing = shapes.differing
    # a check reads the draft against its story as told so far: a draft's amount one error away
    # from an archive amount (ten times it, its digits under another magnitude word, one digit
    # changed), in an archive article that states the draft's amount nowhere, is most likely
    # that amount mistyped, however differently the two sentences are worded
    money_unit, _ = cols.codes("currency")  # (-1: unread)
    one_currency = (money_unit[i] == money_unit[j]) | (money_unit[i] < 0) | (money_unit[j] < 0)
    shaped_as_error = ((out["digits"] > 0) | (out["slip"] > 0) | (shapes.one_digit & ~chance)) & one_currency
    out["unbacked"] = amounts_unbacked(cols.num("value"), cols.obj("currency"), v.row_money, i, j,
                                       doc_codes, in_draft, ~is_date & differing & shaped_as_error & (v.link > 0))
    # so is a draft's written date one slip from an archive date whose sentence tells the same
    # event in words alike (a year or a day a few apart, the rest the same: "approved by voters
    # in 2015" against "voters approved Amendment 64 ... in 2012") and that the archive article
    # dates nothing else on. A story's years are many, and two of them a few apart in sentences
    # sharing a few words are most often two events ("since 2002" for one leader, "since 2003"
    # for two others): only sentences this alike count
    resolved, guessed = cols.flag("resolved"), cols.flag("guessed")
    written = ~(resolved | guessed)
    slipped_date = (is_date & differing & written[i] & written[j] & (out["event_told"] >= TOLD_ALIKE)
                    & (in_draft[i] != in_draft[j]))
    at = np.flatnonzero(slipped_date)
    if len(at):
        slipped_date[at] = one_date_slip(cols, i[at], j[at])
    if slipped_date.any():
        out["unbacked"] = np.maximum(out["unbacked"],
                                     dates_unbacked(cols, i, j, doc_codes, in_draft, slipped_date, guessed))
    # a draft's figure one error from an archive figure its article does not back is no other
    # fact for the draft stating the archive's figure elsewhere in words alike: a writer who
    # mistypes a figure once most often gets it right in another paragraph. The archive's figure
    # told in the draft figure's own sentence still accounts for it (another item of that list),
    # and so does the draft's restatement when its figure's sentence tells a share of a whole
    # ("Of that, $44.7 billion is for tax cuts": a part of the $447 billion, not a slip of it)
    lift = np.flatnonzero(out["unbacked"] > 0)
    if len(lift):
        own = np.where(in_draft[i[lift]], i[lift], j[lift])
        shares = _tells_shares(cols)
        lift = lift[~shares[own]]
        held = np.zeros(len(i), dtype=bool)
        held[lift] = True
        out["twin"] = np.where(held, aligned.listed, out["twin"])


@per_table
def _tells_shares(cols: Columns) -> np.ndarray:
    """Per row, whether its sentence tells an amount as a share of a whole (`words.tells_a_share`);
    only money rows of drafts are read (what the check's `twin` needs)."""
    out = np.zeros(len(cols.table), dtype=bool)
    drafted = cols.drafted
    if drafted is None or not drafted.any():
        return out
    rows = np.flatnonzero(drafted & (cols.obj("kind") == "money"))
    sentences = cols.obj("sentence")
    out[rows] = [tells_a_share(str(sentences[r] or "")) for r in rows.tolist()]
    return out


@per_table
def _running_totals(cols: Columns) -> np.ndarray:
    """Per row, whether its figure is a total so far (`words.running_total`); only the rows of
    sentences that hold such a phrase at all are read closely, and of those only the rows the
    pairs read (`Columns.used`)."""
    out = np.zeros(len(cols.table), dtype=bool)
    rows = cols.used
    codes, uniques = pd.factorize(cols.obj("sentence")[rows])  # -1: no sentence
    rx = running_total_pattern()
    holds = np.array([rx.search(str(u)) is not None for u in uniques] + [False], dtype=bool)
    for k in rows[holds[codes]].tolist():
        at = figure_in_sentence(cols, k)
        out[k] = at is not None and running_total(*at)
    return out


def _measure_offset(slot: np.ndarray, doc: np.ndarray, metric: np.ndarray, per: np.ndarray, i: np.ndarray,
                    j: np.ndarray, va: np.ndarray, vb: np.ndarray) -> np.ndarray:
    """1 for each slot pair of two tables (one metric and unit, two articles) whose slots,
    three or more, all differ one way by at most OFFSET, none twice as far as another: the
    tables count the measure differently (with and without other income). A slip changes one
    figure; swapped columns move figures each its own way."""
    out = np.zeros(len(i))
    at = np.flatnonzero(slot)
    if not len(at):
        return out
    first = doc[i[at]] <= doc[j[at]]  # each pair read from its lower article, so "one way" is one sign
    lo_v, hi_v = np.where(first, va[at], vb[at]), np.where(first, vb[at], va[at])
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = (lo_v - hi_v) / np.maximum(lo_v, hi_v)
    size = np.abs(gap)
    frame = pd.DataFrame({"a": np.minimum(doc[i[at]], doc[j[at]]), "b": np.maximum(doc[i[at]], doc[j[at]]),
                          "m": metric[i[at]], "per": per[i[at]], "row": np.where(first, i[at], j[at]),
                          "up": gap > 0, "down": gap < 0, "near": (size > 0) & (size <= OFFSET), "size": size})
    g = frame.groupby(["a", "b", "m", "per"], sort=False)
    slots = g["row"].transform("nunique").to_numpy()  # slots, not pairs: a row may pair twice
    alike = (g["near"].transform("all") & (g["up"].transform("all") | g["down"].transform("all"))
             & (g["size"].transform("max") <= 2 * g["size"].transform("min"))).to_numpy()
    out[at] = ((slots >= 3) & alike).astype(np.float64)
    return out


def _paired_rows(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The rows the pairs read, each once, in order."""
    return np.unique(np.concatenate([i, j])) if len(i) else np.zeros(0, np.int64)


def _one_of(codes: np.ndarray, uniques: np.ndarray, names: Collection[str]) -> np.ndarray:
    """Per position, whether its value (`codes` into `uniques`) is one of `names`: each distinct
    value compared once, not each pair's."""
    return np.isin(uniques, list(names))[codes]


def _differs(codes: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = codes[i], codes[j]
    return ((a >= 0) & (b >= 0) & (a != b)).astype(np.float64)
