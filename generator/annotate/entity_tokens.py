"""Word tokens with character offsets, as the entity recogniser sees text.

Hyphenated words stay whole ("Kassym-Jomart", "Nouvelle-Zélande"); an elided article or preposition is
its own token ("d’État" -> "d’" + "État", "qu’avec" -> "qu’" + "avec"); an English possessive is split
off ("Putin’s" -> "Putin" + "’s"). Every other non-space character is a one-character token. Each token
knows whether it opens a sentence, since a capital there says nothing about a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:[-‐‑]\w+)*(?:[’'][\w]+(?:[-‐‑]\w+)*)*|\S", re.UNICODE)
APOSTROPHES = "’'"
# After these a capital says nothing (sentence or quotation starts); "." is checked for abbreviations.
_OPENERS = frozenset(".!?…:;«“\"„‹(—–[•*")
_QUOTE_OPENERS = frozenset("«“\"„‹")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    word: bool  # letters or digits, not punctuation
    cap: bool  # starts with a capital letter
    upper: bool  # an acronym: two or more letters, all capitals
    sent: bool  # a capitalised word opening a sentence, a quotation or a paragraph (False otherwise)
    low: str
    key: str  # how it is compared with language data (stemmed where names decline)


def tokenize(
    text: str,
    elisions: frozenset[str],
    abbreviations: frozenset[str],
    key: Callable[[str], str] | None = None,
) -> list[Token]:
    """Tokens of `text`; `abbreviations` (without their dot) do not end a sentence ("M.", "Dr.");
    `key` computes each word's comparison key (default: lower case, apostrophes as ’).
    `sent` is computed for capitalised words only: elsewhere a capital is not in question."""
    tokens: list[Token] = []
    append = tokens.append
    make = Token
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        piece = match.group()
        first = piece[0]
        if "’" in piece or "'" in piece or (piece[-1].isdigit() and not first.isdigit()):
            for a, b in _pieces(text, start, end, elisions):
                append(_token(text[a:b], a, b, key))
            continue
        if first.isalnum():
            low = piece.lower()
            if first.isupper():
                upper = len(piece) >= 2 and piece.isupper()
                append(make(piece, start, end, True, True, upper, False, low, key(piece) if key else low))
            else:
                append(make(piece, start, end, True, False, False, False, low, key(piece) if key else low))
        else:
            append(make(piece, start, end, False, False, False, False, piece, piece))
    for index, token in enumerate(tokens):
        if token.cap:
            if index == 0:
                token.sent = True
            else:
                previous = tokens[index - 1]
                token.sent = text.find("\n", previous.end, token.start) >= 0 or (
                    not previous.word and _opens(previous, tokens[index - 2] if index >= 2 else None, abbreviations)
                )
    return tokens


def _token(piece: str, start: int, end: int, key: Callable[[str], str] | None) -> Token:
    first = piece[0]
    if not first.isalnum():
        return Token(piece, start, end, False, False, False, False, piece, piece)
    low = piece.lower()
    # An elided article or preposition ("L’", "D’") is never part of a name, capital or not.
    cap = first.isupper() and piece[-1] not in APOSTROPHES
    upper = cap and len(piece) >= 2 and piece.isupper()
    return Token(piece, start, end, True, cap, upper, False, low, key(piece) if key else low.replace("'", "’"))


def _opens(previous: Token, before: Token | None, abbreviations: frozenset[str]) -> bool:
    """After punctuation: does the next word open a sentence or a quotation?"""
    text = previous.text
    if text in _QUOTE_OPENERS:
        return True
    if text != ".":
        return text in _OPENERS
    # "M. Tokaïev", "J. Smith", "Dr. Watson": the dot belongs to an abbreviation, not a sentence end.
    if before is None or not before.word or before.end != previous.start:
        return True
    if len(before.text) == 1 and before.cap:
        return False
    return before.text not in abbreviations


def _pieces(text: str, start: int, end: int, elisions: frozenset[str]) -> list[tuple[int, int]]:
    """Split elisions off the front and a possessive off the end of one matched word."""
    word = text[start:end]
    if word[-1].isdigit() and not word[0].isdigit():
        # A footnote number glued to a word ("Kouchoum1" from "Kouchoum[^1]"), not "G20" or "COVID-19".
        letters = word.rstrip("0123456789")
        if letters and letters[-1].isalpha() and any(c.islower() for c in letters) and "-" not in word:
            return [*_pieces(text, start, start + len(letters), elisions), (start + len(letters), end)]
    if not any(mark in word for mark in APOSTROPHES):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    cursor = start
    while True:
        rest = text[cursor:end]
        cut = _first_apostrophe(rest)
        if cut < 0 or not _elided(rest[:cut], rest[cut + 1 : cut + 2], elisions):
            break
        out.append((cursor, cursor + cut + 1))
        cursor += cut + 1
    rest = text[cursor:end]
    if len(rest) > 2 and rest[-2] in APOSTROPHES and rest[-1] in "sS" and rest[0].isupper():
        out.append((cursor, end - 2))
        out.append((end - 2, end))
    elif cursor < end:
        out.append((cursor, end))
    return out


def _elided(head: str, following: str, elisions: frozenset[str]) -> bool:
    """"d" of "d’État": listed for the language; with no list, any short lower-case word before a capital
    ("dell’Italia", "l’Ucraina"), so languages without data still split their elisions."""
    if head.lower() in elisions:
        return True
    return not elisions and 0 < len(head) <= 5 and head.islower() and following[:1].isupper()


def _first_apostrophe(word: str) -> int:
    positions = [i for i in (word.find("’"), word.find("'")) if i >= 0]
    return min(positions) if positions else -1


def norm_apostrophe(word: str) -> str:
    return word.replace("'", "’")
