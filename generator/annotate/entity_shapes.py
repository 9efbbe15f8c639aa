"""Shapes that settle what a name is, whatever its words: acronyms defined in brackets, quoted titles.

- "Collectif Rhin Vivant (CRV)", "Umweltbundesamt (UBA)": an acronym in brackets right after a name, whose
  letters spell that name (first letter first, the rest in order), defines it. The name is then an
  organisation (unless it is a known place), and the acronym, wherever it recurs, stands for it.
- "J.-P. Martin": two initials of a hyphenated first name are one word of the name.
- A short title-case phrase that fills a pair of quotation marks is a title (of a ship, a report, a
  film), not a person: « Polar Star », "Cold Water, Hot Money". After a vessel noun ("le chalutier",
  "траулер") even a language that quotes organisation names («Газпром») is naming a ship.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.annotate.entity_tokens import Token
from generator.text import fold

_PARTS = re.compile(r"[\s\-‐‑’']+")
QUOTE_OPEN = frozenset("«“„‹\"")
QUOTE_CLOSE = frozenset("»”“›\"")
_TITLE_MAX = 6


def acronym_fits(acronym: str, name: str) -> bool:
    """Do the acronym's letters spell the name? "CRV" / "Collectif Rhin Vivant", "BISO" /
    "Bürgerinitiative Sauberer Oberrhein", "ICPR" / "International Commission for the Protection of
    the Rhine": it spells it, with about one letter per capitalised part (two parts at least)."""
    capitals = sum(1 for part in _PARTS.split(name) if part[:1].isupper())
    return capitals >= 2 and len(acronym) >= capitals - 1 and spells(acronym, name)


def spells(acronym: str, name: str) -> bool:
    """Same first letter, and every letter of the acronym found in the name in order ("UBA" /
    "Umweltbundesamt")."""
    letters = fold(acronym)
    if len(letters) >= 4 and len(letters) % 2 == 0 and letters[::2] == letters[1::2]:
        letters = letters[::2]  # Spanish plurals double their letters: "CCOO" for Comisiones Obreras
    flat = "".join(c for c in fold(name) if c.isalpha())
    if len(letters) < 2 or not letters.isalpha() or not flat or flat[0] != letters[0]:
        return False
    position = 0
    for letter in letters:
        position = flat.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def bracketed(tokens: Sequence[Token], first: int) -> bool:
    """Is the token at `first` alone between brackets: "(CRV)"?"""
    return 0 < first < len(tokens) - 1 and tokens[first - 1].text == "(" and tokens[first + 1].text == ")"


def quoted_title(tokens: Sequence[Token], q: int, particles: frozenset[str], function_words: frozenset[str]) -> int:
    """Index of the closing mark when the quotation opening at token q holds only a short title-case
    phrase ("Polar Star", "L’Écho rhénan" is not one: its adjective is lower case), else -1."""
    n = len(tokens)
    k = q + 1
    words = 0
    while k < n and k <= q + _TITLE_MAX * 2:
        token = tokens[k]
        if not token.word:
            if token.text in QUOTE_CLOSE and words:
                return k if words >= 2 or tokens[q + 1].upper else -1
            if token.text not in ",-–:&":
                return -1
        elif token.cap:
            words += 1
        elif not (token.text in particles or token.low in function_words) or k == q + 1:
            return -1
        k += 1
    return -1


def hyphenated_initial(tokens: Sequence[Token], j: int) -> bool:
    """Token j is the dot of "J.-P.": initial, dot, hyphen, initial, dot, all joined."""
    if j < 1 or j + 3 >= len(tokens) or tokens[j].text != ".":
        return False
    before, hyphen, second, dot = tokens[j - 1], tokens[j + 1], tokens[j + 2], tokens[j + 3]
    return (
        len(before.text) == 1 and before.cap and hyphen.text in "-‐‑" and len(second.text) == 1 and second.cap
        and dot.text == "." and before.end == tokens[j].start and hyphen.end == second.start
    )


def surface_words(tokens: Sequence[Token], i: int, j: int) -> tuple[str, ...]:
    """The words of tokens i..j as a name keeps them; "J.-P." stays one word."""
    if not any(hyphenated_initial(tokens, k) for k in range(i + 1, j)):
        return tuple(t.text for t in tokens[i:j] if t.word or t.text == "&")
    out: list[str] = []
    k = i
    while k < j:
        if k + 1 < j and hyphenated_initial(tokens, k + 1):
            out.append(tokens[k].text + ".-" + tokens[k + 3].text + ".")
            k += 5
            continue
        if tokens[k].word or tokens[k].text == "&":
            out.append(tokens[k].text)
        k += 1
    return tuple(out)
