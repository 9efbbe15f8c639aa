"""German organisation and place names back to the form a name is listed under (the nominative without an
article): a genitive head loses its -s ("des Umweltbundesamtes" -> "Umweltbundesamt"), and a capitalised
adjective in a weak or oblique ending takes the strong ending of its noun's gender ("der Internationalen
Kommission" -> "Internationale Kommission", "im Kaspischen Meer" -> "Kaspisches Meer").

The gender comes from the head noun's last part, by the suffixes German assigns a gender to; masculine
is the default. Adjectives ending in -er or -es are left alone: "Hamburger", "Basler" are invariable
place adjectives, and -er, -es are already strong nominatives.
"""

from __future__ import annotations

from collections.abc import Callable

_FEMININE = (
    "bank", "bahn", "post", "front", "kammer", "ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ur", "ik", "anz",
    "enz", "e", "in",
)
_NEUTER = ("amt", "institut", "ium", "um", "gericht", "werk", "büro", "meer", "haus", "tum", "ment", "at")
_STRONG = {"f": "e", "n": "es", "m": "er"}


def gender(noun: str) -> str:
    low = noun.lower().rpartition("-")[2]
    if low.endswith(_NEUTER):
        return "n"
    if low.endswith(_FEMININE):
        return "f"
    return "m"


def head_nominative(noun: str, is_body: Callable[[str], bool]) -> str:
    """"Umweltbundesamtes" -> "Umweltbundesamt", "Instituts" -> "Institut": a genitive -es/-s dropped when
    what remains is still a body or place noun."""
    for ending in ("es", "s"):
        if noun.endswith(ending) and len(noun) > len(ending) + 3 and is_body(noun[: -len(ending)]):
            return noun[: -len(ending)]
    return noun


def adjective_nominative(adjective: str, noun: str) -> str:
    """"Internationalen" + "Kommission" -> "Internationale"; "Kaspische" + "Meer" -> "Kaspisches"."""
    if not adjective[:1].isupper() or "-" in adjective or len(adjective) < 5:
        return adjective
    strong = _STRONG[gender(noun)]
    for ending in ("en", "em", "e"):
        if adjective.endswith(ending):
            return adjective[: -len(ending)] + strong
    return adjective


def name_nominative(
    words: list[str], is_body: Callable[[str], bool], is_adjective: Callable[[str], bool]
) -> list[str]:
    """The words of a name ("Internationalen", "Kommission", "zum", "Schutz", …): the adjectives before the
    first body noun agree with it, and that noun loses a genitive ending."""
    head = next((k for k, w in enumerate(words) if is_body(w)), None)
    if head is None or not words[head][1:].islower():
        return words  # a legal form ("Caminhos do Norte SA", "Halbrecht GmbH") agrees with nothing
    out = list(words)
    out[head] = head_nominative(words[head], is_body)
    for k in range(head):
        if is_adjective(words[k]):
            out[k] = adjective_nominative(words[k], out[head])
    return out
