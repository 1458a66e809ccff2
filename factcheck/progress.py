"""A quiet-by-default progress line on stderr: shown only on a terminal, never with --quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts documents and mentions; redraws at most five times a second."""

    def __init__(self, enabled: bool, stream: TextIO | None = None, label: str = "reading") -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.label = label
        self.docs = self.mentions = self.errors = 0
        self._last = 0.0
        self._t0 = time.monotonic()

    def update(self, docs: int = 0, mentions: int = 0, errors: int = 0) -> None:
        self.docs += docs
        self.mentions += mentions
        self.errors += errors
        now = time.monotonic()
        if self.enabled and now - self._last > 0.2:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        rate = self.docs / max(time.monotonic() - self._t0, 1e-6)
        err = f", {self.errors} unreadable" if self.errors else ""
        docs = f"{self.docs:,} document{'' if self.docs == 1 else 's'}"
        mentions = f"{self.mentions:,} mention{'' if self.mentions == 1 else 's'}"
        self.stream.write(f"\r{self.label}: {docs}, {mentions}{err} ({rate:,.0f} docs/s)\x1b[K")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled and self._last:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
