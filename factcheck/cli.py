"""Command line: wires options to the pipeline stages; no logic of its own."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from factcheck import __version__
from factcheck.atomic import WriteError
from factcheck.baseline import (
    BaselineError,
    apply_baseline,
    baseline_text,
    load_baseline,
    refresh_baseline,
    write_atomic,
)
from factcheck.config import Config, ConfigError, find_config
from factcheck.exitcodes import Exit
from factcheck.progress import Progress
from factcheck.ruleset import RuleFileError, RuleSet, load_rules

DEFAULT_REPORT = "reports/factcheck-report.html"
FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"),
               "info": ("error", "warning", "info"), "never": ()}

FORMATS = ["text", "full", "concise", "json", "sarif", "github"]
_TEXT = ("text", "full", "concise")  # formats that print nothing for nothing read
DEFAULT_BASELINE = "factcheck-baseline.json"

_paths = click.argument("paths", nargs=-1, required=True, metavar="PATH...")
_lang = click.option("--lang", type=click.Choice(["en", "de"]),
                     help="Read every document in this language instead of detecting it.")
_quiet = click.option("--quiet", "-q", is_flag=True, help="No progress line on stderr.")
_skip = click.option("--skip-unreadable", is_flag=True,
                     help="List unreadable inputs but let the exit code follow the findings.")
_rules = click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
                      type=click.Path(file_okay=False),
                      help="Extra folder of rule files (repeatable); adds to the default rules.")
_no_defaults = click.option("--no-default-rules/--default-rules", "no_default_rules", default=None,
                            help="Use only the rules of the --rules folders (--default-rules: the default "
                                 "rules too, overriding the config).")
_format = click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                       help="How findings are printed: text (path:line:col: severity rule message [evidence], "
                            "then the quotes; past 20 findings one line each), full (text, always "
                            "with evidence and quotes), concise (text, one line a finding: no quotes nor evidence), "
                            "json, sarif (SARIF 2.1.0) or github (workflow annotations). [default: text]")
_out = click.option("--out", type=click.Path(dir_okay=False), help="Write findings to FILE instead of stdout.")
_min_severity = click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="info",
                             show_default=True,
                             help="Print only findings at or above this severity in text, full, concise and github "
                                  "output; the summary line counts the others. JSON and SARIF stay complete; the "
                                  "report opens with this filter and lists the rest one click away.")
_baseline = click.option("--baseline", type=click.Path(dir_okay=False),
                         help="Baseline file: findings it lists are marked 'baseline' and do not fail the "
                              "run; listed findings that no longer occur are reported as fixed.")


def _fail_on(default: str):
    """--fail-on, its help stating the command's own default (scan: error, check: warning)."""
    return click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default=None,
                        help="Exit 1 when a NEW finding is at or above this severity. "
                             f"[default: fail-on in the config, else {default}]")


_config = click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
                       help="Read settings from FILE (a factcheck.toml or pyproject.toml) instead of the one "
                            "found upward from the working folder.")
_no_config = click.option("--no-config", is_flag=True, help="Ignore any factcheck.toml / [tool.factcheck].")
_cache_dir = click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR",
                          help="Folder of the archive store, where analysed documents are kept by content "
                               "(also $FACTCHECK_CACHE_DIR or cache-dir in the config; default: the user cache "
                               "folder, e.g. ~/.cache/factcheck).")
_jobs = click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
                     help="Analyse documents on N processes (0: one per CPU); the output is the same as with 1. "
                          "The first half second of work runs in this process, so a small input starts none.")
_no_cache = click.option("--no-cache", is_flag=True, default=None,
                         help="Read and analyse everything; use and change no store (also no-cache = true "
                              "in the config).")


_engine = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                       help="local: this machine (--jobs processes); dask: the per-document analysis and the "
                            "per-claim rules as Dask tasks on --scheduler (needs the 'dask' extra: "
                            "pip install 'factcheck[dask]'). Same findings either way.")
_scheduler = click.option("--scheduler", metavar="ADDRESS",
                          help="With --engine dask: the Dask scheduler to use, e.g. tcp://10.0.0.5:8786 "
                               "(default: a local cluster of --jobs worker processes, one per CPU for 0).")


def _run_scan(paths, ruleset, *, lang, stdin, progress, store, jobs, engine, scheduler):
    """pipeline.scan, or the Dask engine's."""
    if scheduler and engine != "dask":
        _die("--scheduler needs --engine dask")
    if engine == "dask":
        from factcheck.dask_engine import DaskUnavailable
        from factcheck.dask_engine import scan as dask_scan

        try:
            return dask_scan(paths, ruleset, lang=lang, stdin=stdin, scheduler=scheduler, jobs=jobs, store=store,
                             progress=progress)
        except DaskUnavailable as ex:
            _die(str(ex))
    from factcheck.pipeline import scan

    return scan(paths, ruleset, lang=lang, stdin=stdin, progress=progress, store=store, jobs=jobs)


def _die(message: str, code: Exit = Exit.USAGE) -> NoReturn:
    click.echo(f"factcheck: {message}", err=True)
    sys.exit(int(code))


def _load_config(config_file: str | None, no_config: bool) -> Config:
    try:
        return find_config(config_file, disabled=no_config)
    except ConfigError as ex:
        _die(f"broken configuration: {ex}")


def _ruleset(rules_dirs: tuple[str, ...], no_defaults: bool | None, cfg: Config | None = None) -> RuleSet:
    cfg = cfg or Config()
    from_config = not rules_dirs and bool(cfg.get("rules"))
    rules_dirs = tuple(rules_dirs) or tuple(cfg.get("rules", ()))
    no_defaults = cfg.get("no-default-rules", False) if no_defaults is None else no_defaults
    if no_defaults and not rules_dirs:
        _die("--no-default-rules needs at least one --rules DIR")
    try:
        return load_rules(rules_dirs, defaults=not no_defaults)
    except RuleFileError as ex:
        if ex.key == "--rules" and from_config:  # named by the config file: say which, so it can be mended
            _die(f"{cfg.path}: rules: {ex.path}: {ex.reason}")
        if ex.key == "--rules":  # the folder itself: missing or a file, nothing broken in it
            _die(f"--rules {ex.path}: {ex.reason}")
        _die(f"broken rule file: {ex}")


def _load_baseline(path: str | None) -> dict | None:
    if not path:
        return None
    try:
        return load_baseline(path)
    except BaselineError as ex:
        _die(str(ex))


def _store(cache_dir: str | None, no_cache: bool | None, cfg: Config):
    """The archive store to use (None for --no-cache): on by default, in the folder that
    --cache-dir, $FACTCHECK_CACHE_DIR, cache-dir in the config or the user's cache names."""
    from factcheck.config import resolve_cache_dir
    from factcheck.store import Store

    if no_cache or (no_cache is None and not cache_dir and cfg.get("no-cache", False)):
        return None
    return Store(resolve_cache_dir(cache_dir, cfg.get("cache-dir")))


def _sources(result) -> dict[str, str]:
    """Document id → the path to show (the file, when the document is one)."""
    return {d.id: d.source if d.source and Path(d.source).name == Path(d.id).name else d.id
            for d in result.corpus.docs}


def _render(result, ruleset: RuleSet, fmt: str, fixed: list, base: dict | None, min_severity: str = "info") -> str:
    from factcheck.output import scan_github, scan_json, scan_sarif, scan_text

    sources = _sources(result)
    if fmt == "json":
        return scan_json(result, fixed)
    if fmt == "sarif":
        return scan_sarif(result, ruleset, sources=sources, baseline=base, fixed=fixed)
    if fmt == "github":
        return scan_github(result, sources=sources, fixed=fixed, min_severity=min_severity)
    quotes = {"full": "all", "concise": "none"}.get(fmt, "auto")
    return scan_text(result, sources=sources, fixed=fixed, min_severity=min_severity, quotes=quotes)


def _finish(result, fail_on: str, unreadable: bool, min_severity: str = "info", fmt: str = "text") -> NoReturn:
    failing = [f for f in result.findings if f.status == "new" and f.severity in FAIL_LEVELS[fail_on]]
    if unreadable:
        sys.exit(int(Exit.USAGE))
    unshown = [f for f in failing if f.severity not in FAIL_LEVELS[min_severity]]
    if unshown and fmt in (*_TEXT, "github"):  # failing on findings the output left out
        one = len(unshown) == 1
        click.echo(f"factcheck: {_count(len(unshown), 'new finding')} below --min-severity {min_severity} "
                   f"{'fails' if one else 'fail'} the run (--fail-on {fail_on}); lower --min-severity to print "
                   f"{'it' if one else 'them'}", err=True)
    sys.exit(int(Exit.FINDINGS if failing else Exit.OK))


def _store_notes(store) -> None:
    if store is None:
        return
    for w in store.warnings:
        click.echo(f"factcheck: {w}", err=True)
    store.warnings.clear()


def _nothing_read(result, files: list[str | None], show=None, what: str = "nothing") -> None:
    """When no input (for a check: no draft) could be read: each unreadable input is named
    once on stderr, no file is written (the report, --out, a baseline stay as they were: a
    failed run loses nothing), exit 2. A machine-readable format still prints its output,
    with the errors, on stdout (`show`). `result`: a run's result, or an extract's corpus."""
    corpus = getattr(result, "corpus", result)
    read = result.drafts if what == "no draft" else corpus.docs
    if read or not corpus.errors:
        return
    for e in corpus.errors:
        click.echo(f"factcheck: cannot read {e.source}: {e.reason}", err=True)
    if show is not None:
        click.echo(show(), nl=False)
    kept = [f for f in files if f and Path(f).exists()]
    _die(f"{what} could be read, so nothing was written" + (f" ({', '.join(kept)} left as it was)" if kept else "")
         + "; check the paths and run again")


def _archive_unread(result, archive: tuple[str, ...], files: list[str | None], show=None) -> NoReturn:
    """No archive document could be read: like `_nothing_read`, whatever --skip-unreadable says
    (that flag skips some unreadable files, it does not make an empty archive a pass)."""
    for e in result.corpus.errors:
        click.echo(f"factcheck: cannot read {e.source}: {e.reason}", err=True)
    if show is not None:
        click.echo(show(), nl=False)
    kept = [f for f in files if f and Path(f).exists()]
    _die(f"no archive document could be read from {', '.join(archive)}, so nothing was checked or written"
         + (f" ({', '.join(kept)} left as it was)" if kept else "")
         + "; check the --against path" + ("s" if len(archive) > 1 else "") + " (or archive in the config)")


def _unknown_ignores(result, ruleset: RuleSet) -> None:
    """Say each factcheck-ignore comment that names a rule no rule file defines (a typo such as
    FC991 for FC101): it accepts nothing for that name, so the finding it meant stays as it is."""
    known = {r.id for r in ruleset.rules}
    for d in result.corpus.docs:
        for region in d.suppress:
            for rule in region.rules:
                if rule not in known:
                    click.echo(f"factcheck: {d.source or d.id}:{region.line}: factcheck-ignore names {rule}, "
                               f"which no rule has (rules: {', '.join(sorted(known))}); it accepts nothing",
                               err=True)


def _stdin_for(paths: tuple[str, ...]):
    return sys.stdin.buffer if "-" in paths else None


def _count(n: int, one: str, many: str | None = None) -> str:
    """"1 finding", "2 findings": the number and the noun in the number it needs."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _report_unreadable(errors, skip: bool) -> bool:
    """Say which inputs could not be read; True when that should set exit code 2."""
    for e in errors:
        click.echo(f"factcheck: cannot read {e.source}: {e.reason}", err=True)
    if errors and not skip:
        them = "it" if len(errors) == 1 else "them"
        click.echo(f"factcheck: {_count(len(errors), 'input')} could not be read; the output lists {them}. "
                   f"Fix or remove {them}, or pass --skip-unreadable.", err=True)
    return bool(errors) and not skip


def _apart(*files: tuple[str, str | None]) -> None:
    """Exit 2 before anything runs when two of a run's files are one (`files`: what each is,
    its path): writing the output over the baseline, the report or an input would lose it."""
    seen: dict[str, str] = {}
    for what, path in files:
        if not path or path == "-":
            continue
        real = os.path.realpath(path)
        if real in seen:
            _die(f"{seen[real]} and {what} are one file ({path}): the run would overwrite it; "
                 f"give {what} another path")
        seen[real] = what


@contextmanager
def _writing() -> Iterator[None]:
    """A file of the run that cannot be written: its path as given and why, exit 2. Said here,
    inside the command: click would take a broken pipe (`--out` to a closed one) for a quiet exit 1."""
    try:
        yield
    except WriteError as ex:
        _die(f"cannot write {ex.filename}: {ex.strerror}")


def _emit(text: str, out: str | None) -> None:
    if out:
        with _writing():
            write_atomic(out, text)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Find contradicting money and date claims across news articles (English and German).

    \b
    Examples:
      factcheck scan seeds/                       # findings + reports/factcheck-report.html
      factcheck extract seeds/ --format jsonl     # every money and date mention
      factcheck check draft.md --against archive/ # a draft against the archive, before publishing
      factcheck rules list
    """


@main.command()
@_paths
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl",
              show_default=True, help="Output format: one row per mention.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@_lang
@_rules
@_no_defaults
@_jobs
@_config
@_no_config
@_quiet
@click.option("--skip-unreadable", is_flag=True,
              help="Exit 0 with the mentions of the inputs that could be read; the others are still listed "
                   "on stderr. Without it an unreadable input makes the exit code 2.")
def extract(paths, fmt, out, lang, rules_dirs, no_default_rules, jobs, config_file, no_config, quiet,
            skip_unreadable) -> None:
    """Extract every money and date mention of PATH... into one table.

    PATH may be a folder (read recursively), a .txt/.md/.html file, a .jsonl/.csv/.json
    corpus, or - for standard input.

    \b
    Examples:
      factcheck extract seeds/ --format jsonl
      factcheck extract corpus.jsonl --format csv --out mentions.csv
      echo 'Stargate will invest $500bn.' | factcheck extract -
      factcheck extract archive/ --jobs 2 --out mentions.jsonl   # on two processes (default: every CPU)
    """
    from factcheck.output import mentions_csv, mentions_jsonl
    from factcheck.pipeline import read_corpus
    from factcheck.read import iter_inputs

    cfg = _load_config(config_file, no_config)
    ruleset = _ruleset(rules_dirs, no_default_rules, cfg)
    lang = lang or cfg.get("lang")
    corpus = read_corpus(iter_inputs(paths, stdin=_stdin_for(paths), lang=lang), ruleset,
                         Progress(not quiet, label="extracting"), jobs=jobs)
    _nothing_read(corpus, [out])  # whatever --skip-unreadable says: an empty table is no result
    text = mentions_jsonl(corpus.mentions) if fmt == "jsonl" else mentions_csv(corpus.mentions)
    _emit(text, out)
    if _report_unreadable(corpus.errors, skip_unreadable):
        sys.exit(int(Exit.USAGE))


@main.command()
@_paths
@_rules
@_no_defaults
@click.option("--report", type=click.Path(dir_okay=False), default=DEFAULT_REPORT,
              show_default=True, help="Where to write the HTML report.")
@click.option("--no-report", is_flag=True, help="Do not write the HTML report.")
@click.option("--report-max-rows", type=click.IntRange(min=0), default=50_000, show_default=True,
              help="Mentions embedded in the report's table (those of findings first).")
@_format
@_min_severity
@_out
@_baseline
@_fail_on("error")
@_lang
@_cache_dir
@_no_cache
@_jobs
@_engine
@_scheduler
@_config
@_no_config
@_quiet
@_skip
def scan(paths, rules_dirs, no_default_rules, report, no_report, report_max_rows, fmt, min_severity, out, baseline,
         fail_on, lang, cache_dir, no_cache, jobs, engine, scheduler, config_file, no_config, quiet,
         skip_unreadable) -> None:
    """Extract, group and check every claim of PATH...; print findings, write the report.

    Settings not given here come from the factcheck.toml or [tool.factcheck] of
    pyproject.toml found upward from the working folder. Analysed documents are kept in the
    archive store (see --cache-dir): a second scan reads only the inputs that changed and
    analyses only changed articles; `factcheck claims WORDS` searches what it holds.

    \b
    Exit codes: 0 no new finding at or above --fail-on; 1 there is one;
    2 usage error, broken rule, config or baseline file, or an unreadable input.

    \b
    Examples:
      factcheck scan seeds/
      factcheck scan archive/ --format json --no-report
      factcheck scan archive/ --min-severity warning    # print warnings and errors, count the rest
      factcheck scan articles/ --baseline factcheck-baseline.json --fail-on warning
      factcheck scan drafts/ --rules newsroom-rules/ --format sarif --out findings.sarif
      factcheck scan archive/ --cache-dir .factcheck-cache --no-report
      factcheck scan archive/ --jobs 1                  # analyse in one process (default: every CPU)
      factcheck scan archive/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    cfg = _load_config(config_file, no_config)
    ruleset = _ruleset(rules_dirs, no_default_rules, cfg)
    fmt, fail_on = fmt or cfg.get("format", "text"), fail_on or cfg.get("fail-on", "error")
    _apart(*(("an input", p) for p in paths if os.path.isfile(p)), ("--baseline", baseline or cfg.get("baseline")),
           ("--out", out), ("--report", None if no_report else report))
    base = _load_baseline(baseline or cfg.get("baseline"))
    store = _store(cache_dir, no_cache, cfg)
    result = _run_scan(paths, ruleset, lang=lang or cfg.get("lang"), stdin=_stdin_for(paths),
                       progress=Progress(not quiet, label="scanning"), store=store, jobs=jobs, engine=engine,
                       scheduler=scheduler)
    _store_notes(store)
    _unknown_ignores(result, ruleset)
    _nothing_read(result, [None if no_report else report, out],
                  None if fmt in _TEXT or out else lambda: _render(result, ruleset, fmt, [], base))
    fixed = apply_baseline(result.findings, base) if base is not None else []
    _emit(_render(result, ruleset, fmt, fixed, base, min_severity), out)
    if not no_report:
        from factcheck.report.html import write_report

        with _writing():
            path = write_report(result, ruleset, report, fixed=fixed, baseline=base,
                                max_rows=report_max_rows, min_severity=min_severity)
        if not quiet:
            click.echo(f"factcheck: report written to {path}", err=True)
    _finish(result, fail_on, _report_unreadable(result.corpus.errors, skip_unreadable), min_severity, fmt)


@main.command()
@click.argument("drafts", nargs=-1, required=True, metavar="DRAFT...")
@click.option("--against", "archive", multiple=True, metavar="ARCHIVE",
              help="Archive to check against: a folder, a file or a .jsonl/.csv/.json corpus (repeatable; "
                   "default: archive in the config).")
@_rules
@_no_defaults
@_format
@_min_severity
@_out
@_baseline
@_fail_on("warning")
@_lang
@_cache_dir
@_no_cache
@click.option("--report", type=click.Path(dir_okay=False), default=None,
              help="Also write an HTML report of the findings to FILE.")
@click.option("--no-report", is_flag=True,
              help="Write no HTML report (the default; accepted so that scripts can pass scan's options).")
@_jobs
@_config
@_no_config
@_quiet
@_skip
def check(drafts, archive, rules_dirs, no_default_rules, fmt, min_severity, out, baseline, fail_on, lang, cache_dir,
          no_cache, report, no_report, jobs, config_file, no_config, quiet, skip_unreadable) -> None:
    """Check drafts against the archive before publication: only findings that involve a draft.

    Reports contradictions between a draft and the archive, and within the drafts, never
    those between archive articles. The archive is analysed once and kept in the archive
    store (see --cache-dir): later checks read only archive files that changed, so a check
    answers in about a second. A draft inside an archive folder is compared with the
    other articles of that folder. Inline <!-- factcheck-ignore RULE --> comments in a
    Markdown or HTML draft mark findings suppressed (listed, never failing).

    \b
    Exit codes: 0 no new finding at or above --fail-on (for check: warning
    unless set); 1 there is one; 2 usage error, broken rule, config or
    baseline file, or an unreadable input.

    \b
    Examples:
      factcheck check draft.md --against archive/
      factcheck check draft.md --against archive/ --against wire/reuters.jsonl --format json
      factcheck check articles/new.md --baseline factcheck-baseline.json --format github
      cat draft.txt | factcheck check - --against archive/ --fail-on error   # only errors fail
    """
    from factcheck.check import check as run_check

    if report and no_report:
        _die("--report and --no-report contradict each other: pass one")
    cfg = _load_config(config_file, no_config)
    archive = tuple(archive) or tuple(cfg.get("archive", ()))
    if not archive:
        where = f" in {cfg.path}" if cfg.path else ""
        _die(f"no archive to check against: pass --against PATH, or set archive = [...]{where} "
             "(factcheck.toml or [tool.factcheck] in pyproject.toml)")
    ruleset = _ruleset(rules_dirs, no_default_rules, cfg)
    # a draft that contradicts the archive at warning or above fails the check by default
    fmt, fail_on = fmt or cfg.get("format", "text"), fail_on or cfg.get("fail-on", "warning")
    _apart(*(("a draft", d) for d in drafts if os.path.isfile(d)), ("--baseline", baseline or cfg.get("baseline")),
           ("--out", out), ("--report", report))
    base = _load_baseline(baseline or cfg.get("baseline"))
    store = _store(cache_dir, no_cache, cfg)
    result = run_check(drafts, archive, ruleset, store=store, lang=lang or cfg.get("lang"),
                       stdin=_stdin_for(drafts), progress=Progress(not quiet, label="reading archive"),
                       jobs=jobs)
    _store_notes(store)
    _unknown_ignores(result, ruleset)
    show = None if fmt in _TEXT or out else lambda: _render(result, ruleset, fmt, [], base)
    _nothing_read(result, [report, out], show, what="no draft")
    if result.archive_unread:  # checked against nothing, a draft would pass whatever it says
        _archive_unread(result, archive, [report, out], show)
    fixed = apply_baseline(result.findings, base, scope=set(result.drafts)) if base is not None else []
    _emit(_render(result, ruleset, fmt, fixed, base, min_severity), out)
    if report:
        from factcheck.report.html import write_report

        with _writing():
            path = write_report(result, ruleset, report, fixed=fixed, baseline=base, min_severity=min_severity)
        if not quiet:
            click.echo(f"factcheck: report written to {path}", err=True)
    _finish(result, fail_on, _report_unreadable(result.corpus.errors, skip_unreadable), min_severity, fmt)


@main.command()
@click.argument("labels", nargs=-1, required=True, metavar="LABELS...")
@click.option("--corpus", "corpora", multiple=True, required=True, metavar="PATH",
              help="The articles the labels are about: a folder, a file or a .jsonl/.csv/.json corpus (repeatable).")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Write the fitted decision file here (a --rules folder's decision.toml); "
                   "without it nothing is written.")
@click.option("--strength", type=click.FloatRange(min=0.0), default=300.0, show_default=True,
              help="How strongly the weights in use hold: higher keeps them, 0 fits from the labels alone.")
@_rules
@_no_defaults
@_lang
@_jobs
@_config
@_no_config
@_quiet
def calibrate(labels, corpora, out, strength, rules_dirs, no_default_rules, lang, jobs, config_file, no_config,
              quiet) -> None:
    """Fit the decision's weights and thresholds from labelled cases.

    LABELS are JSON files of labelled cases (a list of {"id", "label": "conflict" or
    "non_conflict", "mentions": [{"doc", "text", "start", "end", "group"}]}) or the report's
    exported triage (accepted findings are real conflicts, false alarms are not). The corpora
    are scanned, every candidate pair of their articles is scored, and the weights are fitted
    by logistic regression, each kept to the direction of its evidence and drawn towards the
    weights in use. The thresholds are chosen on folds the weights were not fitted on.
    Prints recall and flagged non-conflicts per severity, before and after.

    \b
    Examples:
      factcheck calibrate labels/conflicts.json --corpus archive/wire.jsonl
      factcheck calibrate triage.json --corpus archive/ --out newsroom-rules/decision.toml
      factcheck scan archive/ --rules newsroom-rules/
    """
    from factcheck.claims.calibrate import MIN_CONFLICTS
    from factcheck.output import calibration_report
    from factcheck.pipeline import LabelFileError
    from factcheck.pipeline import calibrate as fit

    cfg = _load_config(config_file, no_config)
    ruleset = _ruleset(rules_dirs, no_default_rules, cfg)
    try:
        cal, decision_text = fit(labels, corpora, ruleset, strength=strength, lang=lang or cfg.get("lang"),
                                 jobs=jobs, progress=Progress(not quiet, label="reading corpus"))
    except LabelFileError as ex:
        _die(str(ex))
    click.echo(calibration_report(cal), nl=False)
    if cal.covered < MIN_CONFLICTS:  # the conflicts a fit can learn from: those with a candidate pair
        few = (f"only {_count(cal.covered, 'labelled conflict')} with a candidate pair: too few to fit weights "
               f"from (at least {MIN_CONFLICTS}); label more cases or export more triage")
        if out:
            _die(f"{few}; {out} was not written")
        click.echo(f"factcheck: {few}", err=True)
    if out:
        with _writing():
            write_atomic(out, decision_text)
        if not quiet:
            click.echo(f"factcheck: decision written to {out}; use it with --rules {os.path.dirname(out) or '.'}",
                       err=True)


@main.command("baseline")
@_paths
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="The baseline file to write (justifications already in it are kept). "
                   f"[default: baseline in the config, else {DEFAULT_BASELINE}]")
@_rules
@_no_defaults
@_lang
@_cache_dir
@_no_cache
@_jobs
@_engine
@_scheduler
@_config
@_no_config
@_quiet
@click.option("--skip-unreadable", is_flag=True,
              help="Write the baseline even though some inputs could not be read (they are listed); "
                   "entries quoting a document that was not read are kept as they were. Without it, a "
                   "run with an unreadable input writes nothing and exits 2.")
def baseline_cmd(paths, out, rules_dirs, no_default_rules, lang, cache_dir, no_cache, jobs, engine, scheduler,
                 config_file, no_config, quiet, skip_unreadable) -> None:
    """Accept every current finding of PATH...: write them to a reviewable baseline file.

    The file is JSON sorted by finding id; each entry gives the rule, the message, the
    quoted figures and sentences, and a justification for the editor to fill in. Ids come
    from the claim and the figures, so they survive edits elsewhere in the articles.
    Entries whose finding no longer occurs are dropped (said on stderr, with how many had
    a justification). A run in which an input cannot be read writes nothing (exit 2).

    \b
    Examples:
      factcheck baseline articles/ --out factcheck-baseline.json
      factcheck scan articles/ --baseline factcheck-baseline.json   # fails on new findings only
    """
    cfg = _load_config(config_file, no_config)
    out = out or cfg.get("baseline") or DEFAULT_BASELINE
    ruleset = _ruleset(rules_dirs, no_default_rules, cfg)
    previous = {}
    if Path(out).exists():
        try:
            previous = load_baseline(out)
        except BaselineError as ex:
            _die(f"{ex} (move it away to start a new baseline)")
    store = _store(cache_dir, no_cache, cfg)
    result = _run_scan(paths, ruleset, lang=lang or cfg.get("lang"), stdin=_stdin_for(paths),
                       progress=Progress(not quiet, label="scanning"), store=store, jobs=jobs, engine=engine,
                       scheduler=scheduler)
    _store_notes(store)
    _unknown_ignores(result, ruleset)
    _nothing_read(result, [out])
    errors = result.corpus.errors
    if errors and not skip_unreadable:
        # the findings of an unread document would vanish from the file with their justifications
        for e in errors:
            click.echo(f"factcheck: cannot read {e.source}: {e.reason}", err=True)
        left = f" ({out} left as it was)" if Path(out).exists() else ""
        them = "it" if len(errors) == 1 else "them"
        _die(f"{_count(len(errors), 'input')} could not be read, so no baseline was written{left}; "
             f"fix or remove {them}, or pass --skip-unreadable to write it without {them}")
    accepted = [f for f in result.findings if f.status != "suppressed"]
    refresh = refresh_baseline(accepted, previous, {d.id for d in result.corpus.docs} if errors else None)
    with _writing():
        write_atomic(out, baseline_text(refresh.document))
    if not quiet:
        notes = []
        if refresh.kept:
            notes.append(f"{_count(len(refresh.kept), 'earlier entry', 'earlier entries')} kept unchecked: "
                         "a document they quote could not be read")
        if refresh.dropped:
            notes.append(f"{len(refresh.dropped)} no longer found, dropped")
        click.echo(f"factcheck: {_count(len(accepted), 'finding')} written to {out}"
                   + (f" ({'; '.join(notes)})" if notes else "")
                   + "; add a justification to each before committing it.", err=True)
    justified = refresh.justified_dropped
    if justified:  # an editor's words are lost from the file: say so even with --quiet
        ids = ", ".join(e["id"] for e in justified[:5]) + (", ..." if len(justified) > 5 else "")
        click.echo(f"factcheck: {_count(len(justified), 'dropped entry', 'dropped entries')} had a "
                   f"justification ({ids}); their findings no longer occur. The old file in version "
                   "control still has them.", err=True)
    _report_unreadable(errors, True)


@main.group("cache")
def cache_group() -> None:
    """The archive store: where it is, what it holds, and clearing it (always safe).

    \b
    Examples:
      factcheck cache info
      factcheck cache clear --cache-dir .factcheck-cache
    """


def _store_for(cache_dir, config_file, no_config):
    """The store the options, the environment or the configuration point at."""
    from factcheck.config import resolve_cache_dir
    from factcheck.store import Store

    cfg = _load_config(config_file, no_config)
    return Store(resolve_cache_dir(cache_dir, cfg.get("cache-dir"))), cfg


def _open_store(store) -> None:
    """Open the store for reading; a damaged file is reported and rebuilt, an unusable
    folder is a usage error."""
    from factcheck.store import StoreCorrupt, StoreUnavailable

    try:
        store.db  # noqa: B018  (opens and checks the file)
    except StoreCorrupt as ex:
        store.rebuild(ex)
        _store_notes(store)
    except StoreUnavailable as ex:
        _die(f"cannot open the store: {ex}")


@cache_group.command("info")
@_cache_dir
@_config
@_no_config
def cache_info(cache_dir, config_file, no_config) -> None:
    """Print where the store is, its size, and the archives (sources) it holds.

    \b
    Example:
      factcheck cache info
    """
    import datetime as dt

    store, _ = _store_for(cache_dir, config_file, no_config)
    if Path(store.path).exists():
        _open_store(store)
    info = store.info()
    sources = info["sources"]
    click.echo(f"{info['path']}\n{_mib(info['bytes'])}, {_count(len(sources), 'archive source')}, "
               f"{info['analyses']:,} documents analysed (texts alike across sources once), {info['mentions']:,} "
               f"mentions; search: {info['search']}")
    for s in sources:
        when = dt.datetime.fromtimestamp(s.built).strftime("%Y-%m-%d %H:%M")
        lang = f" (--lang {s.lang})" if s.lang else ""
        click.echo(f"  {s.path}{lang}: {s.documents:,} documents, {s.mentions:,} mentions, read {when}")


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


@cache_group.command("clear")
@_cache_dir
@_config
@_no_config
def cache_clear(cache_dir, config_file, no_config) -> None:
    """Delete the store (the next scan or check reads and analyses its inputs again).

    \b
    Example:
      factcheck cache clear
    """
    import shutil

    from factcheck.store import FILE_NAME, OLD_CACHE

    store, _ = _store_for(cache_dir, config_file, no_config)
    folder = store.folder
    assert folder is not None
    if folder.exists() and not (folder / "CACHEDIR.TAG").exists() and not (folder / FILE_NAME).exists():
        _die(f"{folder}: not a factcheck cache folder (no CACHEDIR.TAG); not deleting anything in it")
    n = store.clear()
    old = folder / OLD_CACHE
    if old.is_dir():
        n += sum(1 for p in old.rglob("*") if p.is_file())
        shutil.rmtree(old, ignore_errors=True)
    click.echo(f"factcheck: removed {_count(n, 'file')} from {folder}", err=True)


@main.command("claims")
@click.argument("query", nargs=-1, required=True, metavar="WORDS...")
@click.option("--in", "archive", multiple=True, metavar="ARCHIVE",
              help="Only figures of this archive (a folder or corpus file; repeatable), read and analysed "
                   "first if the store does not hold it as it is now. Default: archive in the config, else "
                   "every archive the store holds as last read (a file read on its own before its folder "
                   "was read again is the folder's).")
@click.option("--kind", type=click.Choice(["money", "date"]), default=None, help="Only amounts, or only dates.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="text for people; json (one document) or csv (one row per figure) for tools.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="At most this many figures, newest first (0: all).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the figures to FILE instead of stdout.")
@_rules
@_no_defaults
@_lang
@_cache_dir
@_jobs
@_config
@_no_config
@_quiet
def claims_cmd(query, archive, kind, fmt, limit, out, rules_dirs, no_default_rules, lang, cache_dir, jobs,
               config_file, no_config, quiet) -> None:
    """Every figure the archive holds for a claimant, a metric or some words, newest first.

    A figure matches when each word is in its claimant, its metric or its sentence (with
    full-text search, English words match by stem: "investment" finds "invest"). Each
    figure is listed with its value, qualifier, date, document title, source and quote,
    and the findings of the last scan that involve it.

    \b
    Examples:
      factcheck scan archive/ --no-report; factcheck claims Stargate   # (a scan exits 1 on findings)
      factcheck claims Stargate investment --in archive/ --format json
      factcheck claims OpenAI founded --kind date --format csv --out founded.csv
    """
    from factcheck.query import render, search

    store, cfg = _store_for(cache_dir, config_file, no_config)
    archive = tuple(archive) or tuple(cfg.get("archive", ()))
    ruleset = _ruleset(rules_dirs, no_default_rules, cfg) if archive else None
    found = search(store, list(query), archive=archive, ruleset=ruleset, lang=lang or cfg.get("lang"), kind=kind,
                   limit=limit or None, jobs=jobs, progress=Progress(not quiet, label="reading archive"))
    _store_notes(store)
    for e in found.errors:
        click.echo(f"factcheck: cannot read {e.source}: {e.reason}", err=True)
    if not found.sources:
        _die("nothing to search: no --in archive could be read (see above)" if archive else
             "the store holds no archive yet: scan one first (factcheck scan ARCHIVE), or name it with --in ARCHIVE")
    _emit(render(found, fmt), out)
    if not quiet and fmt == "text" and not found.hits:
        click.echo("factcheck: no figure matches; fewer or other words may find some", err=True)


@main.group()
def rules() -> None:
    """List and inspect the rules (default rules plus any --rules folder).

    \b
    Examples:
      factcheck rules list
      factcheck rules show FC102
      factcheck rules list --rules newsroom-rules/
      factcheck rules decision
    """


@rules.command("list")
@_rules
@_no_defaults
def rules_list(rules_dirs, no_default_rules) -> None:
    """One line per rule: id, severity, kind, name.

    \b
    Example:
      factcheck rules list --rules newsroom-rules/
    """
    rs = _ruleset(rules_dirs, no_default_rules, _load_config(None, False))
    width = max((len(r.id) for r in rs.rules), default=0)  # a newsroom's ids are of any length
    kinds = max((len(r.kind) for r in rs.rules), default=0)
    for r in rs.rules:
        click.echo(f"{r.id:<{width}}  {r.severity:<7}  {r.kind:<{kinds}}  {r.name}")


@rules.command("show")
@click.argument("rule_id")
@_rules
@_no_defaults
def rules_show(rule_id, rules_dirs, no_default_rules) -> None:
    """Everything about one rule: kind, parameters, message, examples.

    \b
    Example:
      factcheck rules show FC102
    """
    from factcheck.kinds import KINDS

    rs = _ruleset(rules_dirs, no_default_rules, _load_config(None, False))
    # ids are written FC101, typed fc101 as often: an exact id first, else one in any case
    r = rs.get(rule_id) or next((x for x in rs.rules if x.id.casefold() == rule_id.casefold()), None)
    if r is None:
        _die(f"no rule {rule_id!r}; `factcheck rules list` shows the ids")
    click.echo(f"{r.id}: {r.name}\n  file: {r.path}\n  kind: {r.kind} — {KINDS[r.kind].doc}\n"
               f"  severity: {r.severity}\n  message: {r.message}")
    if r.description:
        click.echo(f"  description: {r.description}")
    click.echo("  params:" + ("" if r.params else " none"))
    for k, v in sorted(r.params.items()):
        click.echo(f"    {k} = {v!r}")
    for i, ex in enumerate(r.examples, 1):
        click.echo(f"  example {i} ({ex.expect}){': ' + ex.note if ex.note else ''}")
        for d in ex.docs:
            click.echo(f"    [{d['id']}] {d['text']}")


@rules.command("decision")
@_rules
@_no_defaults
def rules_decision(rules_dirs, no_default_rules) -> None:
    """The decision in use: each evidence's weight and meaning, the severity thresholds of a
    scan and of a check (`[check]`), and the grouping parameters, as the TOML file it came from
    would say them (a `decision.toml` in a --rules folder replaces the default).

    \b
    Example:
      factcheck rules decision --rules newsroom-rules/
    """
    from factcheck.claims.decision import dumps_decision

    rs = _ruleset(rules_dirs, no_default_rules, _load_config(None, False))
    click.echo(dumps_decision(rs.decision, header=f"# the decision in use: {rs.decision.path or 'built in'}"),
               nl=False)


def entry() -> None:
    """Console entry point: no traceback reaches the user, whatever the input."""
    import os

    try:
        main.main(prog_name="factcheck")
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except WriteError as ex:  # `atomic`: the path as given, the reason in words
        _die(f"cannot write {ex.filename}: {ex.strerror}")
    except OSError as ex:  # e.g. an input or the store cannot be read
        where = f" {ex.filename}" if getattr(ex, "filename", None) else ""
        _die(f"cannot write or read{where}: {ex.strerror or ex}")
    except Exception as ex:  # a bug: say so in one line; the traceback is opt-in
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _die(f"internal error ({type(ex).__name__}: {ex}); rerun with FACTCHECK_DEBUG=1 and report it")
