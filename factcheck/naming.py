"""How a person reads a source's name: its title, not its file name or hash.

A document's label is its title; without one, the opening words of its text (what a reader
would recognise), and only without either its id. Outputs put the id beside the label where
there is room (text output, report cards), never instead of it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

LABEL_CHARS = 70  # a label in a message or a quote line
OPENING_WORDS = 12  # an untitled document is named by at most this many words of its opening


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, "…" marking the cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def doc_label(doc_id: str, title: Any = None, lead: Any = None, limit: int = LABEL_CHARS) -> str:
    """The name a reader sees for a document: title, else its opening words, else its id."""
    if isinstance(title, str) and title.strip():
        return shorten(title, limit)
    if isinstance(lead, str) and lead.strip():
        words = lead.split()
        label = shorten(" ".join(words[:OPENING_WORDS]), limit)
        if len(words) > OPENING_WORDS and not label.endswith("…"):
            label = label.rstrip(" ,;:-–—") + "…"
        return label
    return str(doc_id)


def doc_labels(docs: Any, limit: int = LABEL_CHARS) -> dict[str, str]:
    """Document id → label, for the `DocInfo`s of a scan."""
    return {str(d.id): doc_label(str(d.id), d.title, getattr(d, "lead", None), limit) for d in docs}


def retitle(message: str, labels: Mapping[str, str]) -> str:
    """A finding's message with each quoted source's id read as its label.

    Messages name a figure's document in parentheses after the figure ("“$5bn” (004_bb12….txt)"),
    or open with the document that contradicts itself; only those places are rewritten, in one
    pass, so a title holding another id stays as it is.
    """
    wanted = {doc: label for doc, label in labels.items()
              if label and label != doc and (f"({doc})" in message or message.startswith(doc + " "))}
    if not wanted:
        return message
    ids = "|".join(re.escape(d) for d in sorted(wanted, key=len, reverse=True))
    pattern = re.compile(rf"\(({ids})\)|^({ids})(?= )")
    return pattern.sub(lambda m: f"({wanted[m.group(1)]})" if m.group(1) else wanted[m.group(2)], message)


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 finding', '2 findings', '1,687 findings'."""
    return f"{count:,} {noun if count == 1 else plural_form or noun + 's'}"
