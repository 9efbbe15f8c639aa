"""BM25F parameters and formula: the one definition of a match's score.

The exporter copies these numbers into the manifest and the browser computes with them, with the
same arithmetic in the same order (IEEE doubles give identical results); only `log` could differ in
its last bit between platforms, so the idf is rounded to nine decimals, identically on both sides.
"""

from __future__ import annotations

import math

K1 = 1.2
# Per kind of field: length normalisation (B) and weight. A word in a title counts more than in
# the body; a link to an entity whose name the query word is (entity expansion) counts like the body.
B = {"title": 0.5, "body": 0.75, "person": 0.5, "place": 0.5, "org": 0.5}
WEIGHT = {"title": 2.0, "body": 1.0, "person": 1.0, "place": 1.0, "org": 1.0}

MAX_EXPANSION = 50  # words a prefix* can stand for (the first in dictionary order)


def idf(docs: int, df: int) -> float:
    raw = math.log(docs / (df + 1)) + 1
    return math.floor(raw * 1e9 + 0.5) / 1e9


def bm25(kind: str, idf_value: float, tf: float, length: float, avg_length: float) -> float:
    w = WEIGHT[kind]
    b = B[kind]
    k1 = K1
    return w * idf_value * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / avg_length))


def parameters() -> dict[str, object]:
    """What the browser needs to score the same way (written into the manifest)."""
    return {"k1": K1, "b": dict(B), "weight": dict(WEIGHT), "maxExpansion": MAX_EXPANSION}
