"""`json.dumps(obj, ensure_ascii=False, indent=N)`, byte for byte, about twice as fast.

Python's json module writes indented output in pure Python, a generator per list and dict;
a scan's JSON (25 MB for three corpora) took a second or more. This writes the same text
with plain recursion and the C string encoder. Anything json.dumps would hand to a `default`
(a set, a numpy integer) or a reference cycle is left to json.dumps, so errors stay its own.
"""

from __future__ import annotations

import json
from typing import Any

_STR = json.encoder.encode_basestring  # the C encoder's when available, as json.dumps uses it
_INF = float("inf")
_LEAF_OK = json.encoder.c_make_encoder is not None


class _NotPlain(Exception):
    """A value outside JSON's plain types: json.dumps decides."""


def _float(x: float) -> str:
    if x != x:
        return "NaN"
    if x == _INF:
        return "Infinity"
    if x == -_INF:
        return "-Infinity"
    return float.__repr__(x)


def _key(k: Any) -> str:
    if isinstance(k, str):
        return _STR(k)
    if isinstance(k, float):
        return _STR(_float(k))
    if k is True:
        return '"true"'
    if k is False:
        return '"false"'
    if k is None:
        return '"null"'
    if isinstance(k, int):
        return _STR(int.__repr__(k))
    raise _NotPlain


_PLAIN = frozenset({str, int, float, bool, type(None)})  # exact types: no container, no subclass
_LEAF: dict[str, Any] = {}  # separator → a C encoder of containers of plain values


def _leaf(inner: str) -> Any:
    """The C encoder for a list or dict of plain values one level in: items apart by
    `,` and `inner`, which is the text json.dumps writes between them."""
    enc = _LEAF.get(inner)
    if enc is None:
        enc = _LEAF[inner] = json.encoder.c_make_encoder(
            None, None, _STR, None, ": ", "," + inner, False, False, True)
    return enc


def _flat(d: dict[Any, Any]) -> bool:
    """Is `d` a dict of plain values under text keys, which the C encoder writes whole?"""
    return _LEAF_OK and _PLAIN.issuperset(map(type, d.values())) and _TEXT.issuperset(map(type, d))


_TEXT = frozenset({str})


def _write(v: Any, nl: str, step: str, out: list[str]) -> None:
    """Append `v`'s text to `out`; `nl` is the newline and indentation of its own level."""
    if isinstance(v, str):
        out.append(_STR(v))
    elif v is None:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif isinstance(v, int):
        out.append(int.__repr__(v))
    elif isinstance(v, float):
        out.append(_float(v))
    elif isinstance(v, list | tuple):
        if not v:
            out.append("[]")
            return
        inner = nl + step
        if _LEAF_OK and _PLAIN.issuperset(map(type, v)):
            out.append("[" + inner + "".join(_leaf(inner)(v, 0))[1:-1] + nl + "]")
            return
        out.append("[" + inner)
        deeper = inner + step
        for n, x in enumerate(v):
            if n:
                out.append("," + inner)
            if type(x) is dict and x and _flat(x):  # (a list of records: the dict branch, inline)
                out.append("{" + deeper + "".join(_leaf(deeper)(x, 0))[1:-1] + inner + "}")
            else:
                _write(x, inner, step, out)
        out.append(nl + "]")
    elif isinstance(v, dict):
        if not v:
            out.append("{}")
            return
        inner = nl + step
        if _flat(v):
            out.append("{" + inner + "".join(_leaf(inner)(v, 0))[1:-1] + nl + "}")
            return
        out.append("{" + inner)
        for n, (k, x) in enumerate(v.items()):
            if n:
                out.append("," + inner)
            out.append(_key(k) + ": ")
            _write(x, inner, step, out)
        out.append(nl + "}")
    else:
        raise _NotPlain


def dumps_indented(obj: Any, indent: int = 1) -> str:
    """The text of `json.dumps(obj, ensure_ascii=False, indent=indent)`."""
    out: list[str] = []
    try:
        _write(obj, "\n", " " * indent, out)
    except (_NotPlain, RecursionError):
        return json.dumps(obj, ensure_ascii=False, indent=indent)
    return "".join(out)
