"""Command line: wires options to the pipeline stages; no logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from factcheck import __version__
from factcheck.baseline import (
    BaselineError,
    apply_baseline,
    baseline_document,
    load_baseline,
    write_atomic,
)
from factcheck.exitcodes import Exit
from factcheck.progress import Progress
from factcheck.ruleset import RuleFileError, RuleSet, load_rules

DEFAULT_REPORT = "reports/factcheck-report.html"
FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"),
               "info": ("error", "warning", "info"), "never": ()}

_paths = click.argument("paths", nargs=-1, required=True, metavar="PATH...")
_lang = click.option("--lang", type=click.Choice(["en", "de"]),
                     help="Read every document in this language instead of detecting it.")
_quiet = click.option("--quiet", "-q", is_flag=True, help="No progress line on stderr.")
_skip = click.option("--skip-unreadable", is_flag=True,
                     help="List unreadable inputs but let the exit code follow the findings.")
_rules = click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
                      type=click.Path(file_okay=False),
                      help="Extra folder of rule files (repeatable); adds to the default rules.")
_no_defaults = click.option("--no-default-rules", is_flag=True,
                            help="Use only the rules of the --rules folders.")


def _die(message: str, code: Exit = Exit.USAGE) -> NoReturn:
    click.echo(f"factcheck: {message}", err=True)
    sys.exit(int(code))


def _ruleset(rules_dirs: tuple[str, ...], no_defaults: bool) -> RuleSet:
    if no_defaults and not rules_dirs:
        _die("--no-default-rules needs at least one --rules DIR")
    try:
        return load_rules(rules_dirs, defaults=not no_defaults)
    except RuleFileError as ex:
        _die(f"broken rule file: {ex}")


def _stdin_for(paths: tuple[str, ...]):
    return sys.stdin.buffer if "-" in paths else None


def _report_unreadable(errors, skip: bool) -> bool:
    """Say which inputs could not be read; True when that should set exit code 2."""
    for e in errors:
        click.echo(f"factcheck: cannot read {e.source}: {e.reason}", err=True)
    if errors and not skip:
        click.echo(f"factcheck: {len(errors)} input(s) could not be read; the output lists them. "
                   "Fix or remove them, or pass --skip-unreadable.", err=True)
    return bool(errors) and not skip


def _emit(text: str, out: str | None) -> None:
    if out:
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
@_quiet
@_skip
def extract(paths, fmt, out, lang, rules_dirs, no_default_rules, quiet, skip_unreadable) -> None:
    """Extract every money and date mention of PATH... into one table.

    PATH may be a folder (read recursively), a .txt/.md/.html file, a .jsonl/.csv/.json
    corpus, or - for standard input.

    \b
    Examples:
      factcheck extract seeds/ --format jsonl
      factcheck extract corpus.jsonl --format csv --out mentions.csv
      echo 'Stargate will invest $500bn.' | factcheck extract -
    """
    from factcheck.output import mentions_csv, mentions_jsonl
    from factcheck.pipeline import read_corpus
    from factcheck.read import iter_inputs

    ruleset = _ruleset(rules_dirs, no_default_rules)
    corpus = read_corpus(iter_inputs(paths, stdin=_stdin_for(paths), lang=lang), ruleset,
                         Progress(not quiet, label="extracting"))
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
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]),
              default="text", show_default=True, help="How findings are printed.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write findings to FILE instead of stdout.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Baseline file: findings it lists are marked 'baseline' and do not fail the run.")
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default="error",
              show_default=True, help="Exit 1 when a NEW finding is at or above this severity.")
@_lang
@_quiet
@_skip
def scan(paths, rules_dirs, no_default_rules, report, no_report, report_max_rows, fmt, out, baseline,
         fail_on, lang, quiet, skip_unreadable) -> None:
    """Extract, group and check every claim of PATH...; print findings, write the report.

    \b
    Exit codes: 0 no new finding at or above --fail-on; 1 there is one;
    2 usage error, broken rule or baseline file, or an unreadable input.

    \b
    Examples:
      factcheck scan seeds/
      factcheck scan archive/ --format json --no-report
      factcheck scan articles/ --baseline factcheck-baseline.json --fail-on warning
      factcheck scan drafts/ --rules newsroom-rules/ --format sarif --out findings.sarif
    """
    from factcheck.output import scan_github, scan_json, scan_sarif, scan_text
    from factcheck.pipeline import scan as run_scan

    ruleset = _ruleset(rules_dirs, no_default_rules)
    base = None
    if baseline:
        try:
            base = load_baseline(baseline)
        except BaselineError as ex:
            _die(str(ex))
    result = run_scan(paths, ruleset, lang=lang, stdin=_stdin_for(paths),
                      progress=Progress(not quiet, label="scanning"))
    fixed = apply_baseline(result.findings, base) if base is not None else []
    sources = {d.id: d.source if d.source and Path(d.source).name == Path(d.id).name else d.id
               for d in result.corpus.docs}
    if fmt == "json":
        text = scan_json(result, fixed)
    elif fmt == "sarif":
        text = scan_sarif(result, ruleset, sources=sources)
    elif fmt == "github":
        text = scan_github(result, sources=sources)
    else:
        text = scan_text(result, sources=sources)
    _emit(text, out)
    if not no_report:
        from factcheck.report.html import write_report

        path = write_report(result, ruleset, report, fixed=fixed, baseline=base,
                            max_rows=report_max_rows)
        if not quiet:
            click.echo(f"factcheck: report written to {path}", err=True)
    unreadable = _report_unreadable(result.corpus.errors, skip_unreadable)
    failing = [f for f in result.findings if f.status == "new" and f.severity in FAIL_LEVELS[fail_on]]
    if unreadable:
        sys.exit(int(Exit.USAGE))
    sys.exit(int(Exit.FINDINGS if failing else Exit.OK))


@main.command("baseline")
@_paths
@click.option("--out", type=click.Path(dir_okay=False), default="factcheck-baseline.json",
              show_default=True, help="The baseline file to write (justifications already in it are kept).")
@_rules
@_no_defaults
@_lang
@_quiet
def baseline_cmd(paths, out, rules_dirs, no_default_rules, lang, quiet) -> None:
    """Accept every current finding of PATH...: write them to a reviewable baseline file.

    \b
    Examples:
      factcheck baseline articles/ --out factcheck-baseline.json
      factcheck scan articles/ --baseline factcheck-baseline.json   # fails on new findings only
    """
    from factcheck.pipeline import scan as run_scan

    ruleset = _ruleset(rules_dirs, no_default_rules)
    previous = {}
    if Path(out).exists():
        try:
            previous = load_baseline(out)
        except BaselineError as ex:
            _die(f"{ex} (move it away to start a new baseline)")
    result = run_scan(paths, ruleset, lang=lang, stdin=_stdin_for(paths),
                      progress=Progress(not quiet, label="scanning"))
    doc = baseline_document(result.findings, previous)
    write_atomic(out, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    if not quiet:
        click.echo(f"factcheck: {len(doc['findings'])} findings written to {out}; "
                   "add a justification to each before committing it.", err=True)
    if _report_unreadable(result.corpus.errors, False):
        sys.exit(int(Exit.USAGE))


@main.group()
def rules() -> None:
    """List and inspect the rules (default rules plus any --rules folder).

    \b
    Examples:
      factcheck rules list
      factcheck rules show FC102
      factcheck rules list --rules newsroom-rules/
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
    rs = _ruleset(rules_dirs, no_default_rules)
    for r in rs.rules:
        click.echo(f"{r.id}  {r.severity:<7}  {r.kind:<18}  {r.name}")


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

    rs = _ruleset(rules_dirs, no_default_rules)
    r = rs.get(rule_id)
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


def entry() -> None:
    """Console entry point: no traceback reaches the user, whatever the input."""
    import os

    try:
        main.main(prog_name="factcheck")
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except OSError as ex:  # e.g. the report or output path cannot be written
        where = f" {ex.filename}" if getattr(ex, "filename", None) else ""
        _die(f"cannot write or read{where}: {ex.strerror or ex}")
    except Exception as ex:  # a bug: say so in one line; the traceback is opt-in
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _die(f"internal error ({type(ex).__name__}: {ex}); rerun with FACTCHECK_DEBUG=1 and report it")
