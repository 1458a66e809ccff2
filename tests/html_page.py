"""An HTML page taken apart for assertions: start tags, scripts, styles, text by element id."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """Every start tag with its attributes, the text (all, and of each id'd element), and raw blocks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.text_by_id: dict[str, str] = {}
        self.text: list[str] = []  # every text run outside scripts and styles
        self._open: list[tuple[str, str | None]] = []
        self._raw: tuple[str, dict[str, str | None]] | None = None
        self._buf: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("script", "style"):
            self._raw, self._buf = (tag, a), []
        elif tag not in ("meta", "input", "br", "link", "img", "line", "circle", "polygon"):
            self._open.append((tag, a.get("id")))
            if a.get("id"):
                self.text_by_id[a["id"]] = ""

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._raw and tag == self._raw[0]:
            body = "".join(self._buf)
            if tag == "script":
                self.scripts.append((self._raw[1], body))
            else:
                self.styles.append(body)
            self._raw = None
            return
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self._raw:
            self._buf.append(data)
            return
        self.text.append(data)
        for _, ident in self._open:
            if ident:
                self.text_by_id[ident] += data
