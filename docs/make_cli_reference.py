"""Write docs/cli.md from the commands' own --help: `python docs/make_cli_reference.py`.

tests/test_docs.py fails when docs/cli.md differs from what this prints, so the reference
never drifts from the code: after changing an option or a docstring, run this and commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

WIDTH = 100  # help is wrapped at this width, whatever the terminal
OUT = Path(__file__).resolve().with_name("cli.md")


def _sections(cmd: click.Command, path: list[str], parent: click.Context | None) -> list[str]:
    settings = {**cmd.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(cmd, info_name=path[-1], parent=parent, **settings)
    name = " ".join(path)
    out = [f"## `{name}`", "", "```text", cmd.get_help(ctx).rstrip(), "```", ""]
    if isinstance(cmd, click.Group):
        for sub in cmd.list_commands(ctx):
            child = cmd.get_command(ctx, sub)
            if child is not None and not child.hidden:
                out += _sections(child, [*path, sub], ctx)
    return out


def reference() -> str:
    """The whole reference as Markdown: every command and subcommand, in order."""
    from factcheck.cli import main

    head = ["# Command-line reference", "",
            "Generated from the commands' own `--help` by `python docs/make_cli_reference.py`;",
            "do not edit by hand. Every command also answers `-h`.", ""]
    return "\n".join(head + _sections(main, ["factcheck"], None)).rstrip() + "\n"


if __name__ == "__main__":
    OUT.write_text(reference(), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
