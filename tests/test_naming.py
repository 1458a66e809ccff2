"""Names a person reads for a source: its title, its opening words, its id only as a last resort."""

from __future__ import annotations

from factcheck.naming import doc_label, plural, retitle, shorten


def test_a_label_is_the_title_else_the_opening_words_else_the_id():
    assert doc_label("004_bb12.txt", "Die Romanze zwischen Trump und Musk") == "Die Romanze zwischen Trump und Musk"
    assert doc_label("000_50.txt", None, "Last week, Sam Altman, CEO of AI company OpenAI, expressed his "
                     "confidence that US President-elect Donald Trump’s administration will") == (
        "Last week, Sam Altman, CEO of AI company OpenAI, expressed his…")
    assert doc_label("x.txt", "  ", "") == "x.txt"
    assert doc_label("x.txt", "A" * 100) == "A" * 69 + "…"


def test_shorten_cuts_at_a_word():
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("short", 12) == "short"
    assert shorten("a\nwrapped   title", 40) == "a wrapped title"


def test_retitle_rewrites_only_the_quoted_sources():
    labels = {"004_bb.txt": "Die Romanze", "002_9b.txt": "Elon Musk distances himself", "a": "Acme (a) news"}
    msg = "“500 US-Dollar” (004_bb.txt) has the digits of “$500bn” (002_9b.txt) but not 004_bb.txt's words."
    assert retitle(msg, labels) == ("“500 US-Dollar” (Die Romanze) has the digits of “$500bn” "
                                    "(Elon Musk distances himself) but not 004_bb.txt's words.")
    assert retitle("004_bb.txt contradicts itself on Acme's revenue.", labels) == (
        "Die Romanze contradicts itself on Acme's revenue.")
    # one pass: a label holding an id is not rewritten again
    assert retitle("“$5” (a) and “$6” (004_bb.txt)", labels) == "“$5” (Acme (a) news) and “$6” (Die Romanze)"
    assert retitle("nothing to do", labels) == "nothing to do"


def test_plural():
    assert [plural(n, "finding") for n in (0, 1, 2, 1687)] == ["0 findings", "1 finding", "2 findings",
                                                              "1,687 findings"]
