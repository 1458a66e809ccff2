"""factcheck.jsontext.dumps_indented writes what json.dumps(ensure_ascii=False, indent=N) writes."""

from __future__ import annotations

import enum
import json
import math

import pytest

from factcheck.jsontext import dumps_indented


class _Level(enum.IntEnum):
    HIGH = 3


class _Label(str):
    pass


CASES = [
    {},
    [],
    {"empty list": [], "empty dict": {}, "nested empties": [[], {}, [[]]]},
    {"text": "é \u2028 \" \\ \n \x00 \ud800 [brackets] {braces}", "ints": [0, -7, 10**30], "bools": [True, False]},
    {"floats": [1.5, -0.0, 1e300, 5e-324, 0.1 + 0.2, math.nan, math.inf, -math.inf]},
    {7: "int key", 2.5: "float key", True: "true key", None: "null key", False: "false key"},
    (1, (2, [3, {"deep": ({"deeper": [None]},)}])),
    [_Level.HIGH, _Label("a str subclass"), {"k": _Label("v")}],
    {"finding": {"mentions": [{"doc": "a", "start": 3, "value": 5e6}], "evidence": [{"name": "story", "value": 0.82}]}},
    "a bare string",
    42,
    None,
]


@pytest.mark.parametrize("indent", [0, 1, 2, 4])
@pytest.mark.parametrize("value", CASES)
def test_same_text_as_json_dumps(value, indent):
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("value", [{"a set": {1, 2}}, {(1, 2): "a tuple key"}, [object()]])
def test_what_json_cannot_write_fails_as_json_dumps_fails(value):
    with pytest.raises(TypeError) as ours:
        dumps_indented(value)
    with pytest.raises(TypeError) as theirs:
        json.dumps(value, ensure_ascii=False, indent=1)
    assert str(ours.value) == str(theirs.value)


def test_a_cycle_is_reported_as_json_reports_it():
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented({"loop": loop})
