"""Exit codes of every command (INTERFACES.md)."""

from enum import IntEnum


class Exit(IntEnum):
    OK = 0  # no new finding at or above --fail-on
    FINDINGS = 1  # at least one
    USAGE = 2  # usage or input error: bad option, unreadable input, broken rule file
