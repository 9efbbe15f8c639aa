"""Compact text encoding of integer lists for the exported index (decoded by `js/search/vlq.js`).

Each number is written in 5-bit groups, least significant first, one character per group from the
URL-safe base64 alphabet; the sixth bit of a character says "more groups follow". Numbers below 32
take one character, below 1024 two. Lists are stored as gaps (delta) where they ascend.

Why text and not binary varints: GitHub Pages compresses text types (.json, .txt) but serves
unknown binary types as they are. Measured on the exported postings of 3,000 synthetic articles
(docs/benchmarks.md): this text gzipped is 443 KB where LEB128 varint bytes, sent as they are, are
601 KB (positions: 693 KB vs 714 KB).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_TABLE_SIZE = 1 << 15  # numbers below this (three characters at most) are looked up


def _encode_one(value: int) -> str:
    if value < 0:
        raise ValueError(f"cannot encode a negative number: {value}")
    out = []
    while True:
        group = value & 31
        value >>= 5
        if value:
            out.append(ALPHABET[group | 32])
        else:
            out.append(ALPHABET[group])
            return "".join(out)


_TABLE = [_encode_one(i) for i in range(_TABLE_SIZE)]


def vlq(numbers: Iterable[int]) -> str:
    table = _TABLE
    size = _TABLE_SIZE
    return "".join(table[n] if 0 <= n < size else _encode_one(n) for n in numbers)


def gaps(ascending: Sequence[int]) -> list[int]:
    """[3, 5, 9] -> [3, 2, 4]."""
    previous = 0
    out = []
    for value in ascending:
        out.append(value - previous)
        previous = value
    return out


def decode(text: str) -> list[int]:
    """Inverse of `vlq` (used by tests; the browser has its own)."""
    out = []
    value = shift = 0
    for char in text:
        digit = ALPHABET.index(char)
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            out.append(value)
            value = shift = 0
    if shift:
        raise ValueError("truncated number at the end of the text")
    return out
