"""The per-language word lists of `resources/<lang>/quotes.yml`, compiled for token matching.

Tokens are compared folded (lower case, no accents, ’ as '), so data files can be written naturally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from generator.annotate import langdata
from generator.annotate.entity_resources import load as load_entity_data
from generator.annotate.quote_marks import marks_table
from generator.text import fold

# A word (hyphenated forms such as "a-t-il" and "déclare-t-il" stay whole), or one punctuation mark.
_TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*|[^\w\s]")
_DEFAULT_MARKS = (("«", "»"), ("“", "”"), ("„", "“", "”"), ('"', '"'), ("‹", "›"))


@lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """The comparison form of a word; memoised, since news vocabulary repeats."""
    return fold(word).replace("’", "'").replace("‐", "-")


class Token(NamedTuple):  # a tuple: articles have thousands of tokens, and tuples are cheap to make
    start: int
    end: int
    norm: str
    inverted: bool = False  # a subject pronoun split off an inverted verb ("a-t-il" -> "a", "il")


def tokenize(
    text: str,
    start: int,
    end: int,
    elisions: frozenset[str] = frozenset(),
    inverted_pronouns: frozenset[str] = frozenset(),
) -> list[Token]:
    """Tokens of text[start:end] with absolute offsets.

    "l’Etat" -> "l'", "etat" when "l" is an elision; "déclare-t-il" -> "declare", "il" (inverted) when
    "il" is a pronoun of a language that inverts its subject.
    """
    out: list[Token] = []
    append = out.append
    known = _known_pieces(elisions, inverted_pronouns)
    for match in _TOKEN.finditer(text, start, end):
        raw = match.group()
        pieces = known.get(raw)
        if pieces is None:
            if len(known) > _MEMO_LIMIT:
                known.clear()  # a huge archive: keep memory bounded
            pieces = known[raw] = _pieces(raw, elisions, inverted_pronouns)
        offset = match.start()
        for a, b, word, inverted in pieces:
            append(_new_tuple(Token, (offset + a, offset + b, word, inverted)))  # skips NamedTuple's __new__
    return out


_new_tuple = tuple.__new__
_MEMO_LIMIT = 200_000


@cache
def _known_pieces(elisions: frozenset[str], inverted_pronouns: frozenset[str]) -> dict[str, tuple[Piece, ...]]:
    """A memo of word -> pieces per language (a plain dict: cheaper than lru_cache on a hot path)."""
    return {}


Piece = tuple[int, int, str, bool]


def _pieces(raw: str, elisions: frozenset[str], inverted_pronouns: frozenset[str]) -> tuple[Piece, ...]:
    """How one word splits into tokens, as offsets into the word: memoised, since words repeat."""
    cut = max(raw.find("'"), raw.find("’"))
    if cut > 0 and norm(raw[:cut]) in elisions:
        return ((0, cut + 1, norm(raw[: cut + 1]), False), (cut + 1, len(raw), norm(raw[cut + 1 :]), False))
    head, dash, _ = raw.partition("-")
    if dash:
        last = raw.rsplit("-", 1)[1]
        if norm(last) in inverted_pronouns:
            return ((0, len(head), norm(head), False), (len(raw) - len(last), len(raw), norm(last), True))
    return ((0, len(raw), norm(raw), False),)


class PhraseSet:
    """Phrases of one or more words; finds the longest one starting at a token."""

    def __init__(self, phrases: Iterable[str], elisions: frozenset[str] = frozenset(), compounds: bool = False) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._prefixes: list[str] = []
        # German-style compounds: a one-word phrase also matches as the tail of a longer word
        # ("ministerium" in "Umweltministerium", "leiterin" in "Stationsleiterin").
        self._tails: dict[str, bool] | None = {} if compounds else None
        for phrase in phrases:
            if phrase.endswith("*"):  # a stem: any ending
                self._prefixes.append(norm(phrase[:-1]))
                continue
            words = tuple(t.norm for t in tokenize(phrase, 0, len(phrase), elisions))
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """Number of tokens of the longest phrase starting at tokens[i] (0 when none)."""
        if i >= len(tokens):
            return 0
        first = tokens[i].norm
        for words in self._by_first.get(first, ()):
            if tuple(t.norm for t in tokens[i : i + len(words)]) == words:
                return len(words)
        if any(first.startswith(p) for p in self._prefixes):
            return 1
        if self._tails is not None:
            known = self._tails.get(first)
            if known is None:
                known = self._tails[first] = any(
                    (first[k:],) in self._by_first.get(first[k:], ()) for k in range(3, len(first) - 3)
                )
            return int(known)
        return 0

    def __contains__(self, word: str) -> bool:
        return (word,) in self._by_first.get(word, ()) or any(word.startswith(p) for p in self._prefixes)


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    marks: Mapping[str, tuple[str, ...]]
    verbs: PhraseSet
    auxiliaries: PhraseSet
    adverbs: PhraseSet
    pronouns: frozenset[str]
    determiners: frozenset[str]
    indefinite: frozenset[str]
    subject_stops: PhraseSet  # adjuncts between a verb and its inverted subject
    prepositions: frozenset[str]  # the one-word subject stops
    clause_stops: PhraseSet  # a new clause: the subject is not further on
    objects: frozenset[str]
    descriptor_nouns: PhraseSet
    source_nouns: PhraseSet
    document_nouns: PhraseSet
    title_cues: PhraseSet
    scare_cues: PhraseSet  # "so-called": the marks distance the author from a word, nobody is quoted
    name_particles: frozenset[str]
    abbreviations: frozenset[str]
    elisions: frozenset[str]
    inverted_pronouns: frozenset[str]  # pronouns that follow their verb with a hyphen (French "dit-il")
    according: PhraseSet  # "selon", "according to": the speaker is named after them
    according_pronominal: PhraseSet  # "selon lui", "according to him": a pronoun is the speaker
    according_name_only: PhraseSet  # "Pour M. X, …": a cue only when a name follows at once
    after_only: PhraseSet  # cues only right after a quotation (German "„…“, so Scholz")
    gender: Gender


@dataclass(frozen=True, slots=True)
class Gender:
    """How a language marks a person's gender around a name (see `gender:` in quotes.yml)."""

    pronouns: Mapping[str, str]  # "elle" -> "f"
    titles: Mapping[str, str]  # honorifics: "mme" -> "f", "herr" -> "m"
    determiners: Mapping[str, str]  # before a role noun: "la" -> "f"
    noun_endings: Mapping[str, str]  # role nouns: "in" -> "f" ("Ministerin")
    name_endings: Mapping[str, str]  # the name itself: "ova" -> "f" (folded)
    verb_endings: Mapping[str, str]  # past-tense agreement: "ла" -> "f"
    first_names: Mapping[str, str] = field(default_factory=dict)  # "Anne" -> "f" (entity data, as written)


def _gender(datas: Sequence[Mapping[str, Any]], first_names: Mapping[str, str] | None = None) -> Gender:
    def table(key: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for d in datas:
            section = (d.get("gender") or {}).get(key) or {}
            for value, words in section.items():
                out.update((norm(str(w)), str(value)[0]) for w in words)
        return out

    return Gender(*(table(k) for k in ("pronouns", "titles", "determiners", "noun_endings", "name_endings",
                                       "verb_endings")), first_names=dict(first_names or {}))


def expand_forms(entries: Iterable[Any], paradigms: Mapping[str, Sequence[str]]) -> list[str]:
    """Flatten the `verbs` list: nested lists are forms, "stem+name" adds each ending of a paradigm."""
    out: list[str] = []
    for entry in entries:
        if isinstance(entry, list):
            out.extend(expand_forms(entry, paradigms))
            continue
        text = str(entry)
        stem, plus, name = text.rpartition("+")
        if plus and name in paradigms:
            out.extend(stem + ending for ending in paradigms[name])
        else:
            out.append(text)
    return out


def _words(data: Mapping[str, Any], key: str) -> list[str]:
    return [str(x) for x in data.get(key) or ()]


def _norms(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(norm(w) for w in _words(data, key))


@cache
def lexicon(language: str) -> QuoteLexicon:
    """The lexicon of `language`; a language without data gets the union of all languages' data."""
    data = langdata.load(language, "quotes")
    names = _first_names(language)
    if data:
        return _compile([data], names)
    return _compile([langdata.load(code, "quotes") for code in langdata.languages_with("quotes")], names)


def _first_names(language: str) -> dict[str, str]:
    """Listed first names and the gender they show, from the entity data of `language`."""
    entities = load_entity_data(language)
    genders = {name: "m" for name in entities.male_first_names}
    genders.update((name, "f") for name in entities.female_first_names)
    return genders


def _compile(datas: list[Mapping[str, Any]], first_names: Mapping[str, str] | None = None) -> QuoteLexicon:
    def words(key: str) -> list[str]:
        return [w for d in datas for w in _words(d, key)]

    def norms(key: str) -> frozenset[str]:
        return frozenset(w for d in datas for w in _norms(d, key))

    pairs = [pair for d in datas for pair in d.get("marks") or ()] or list(_DEFAULT_MARKS)
    elisions = norms("elisions")

    compounds = any(d.get("compounds") for d in datas)

    def phrases(key: str, joined: bool = False) -> PhraseSet:
        return PhraseSet(words(key), elisions, compounds and joined)

    verbs = [v for d in datas for v in expand_forms(d.get("verbs") or (), d.get("paradigms") or {})]
    return QuoteLexicon(
        marks=marks_table(pairs),
        verbs=PhraseSet(verbs, elisions),
        auxiliaries=phrases("auxiliaries"),
        adverbs=phrases("adverbs"),
        pronouns=norms("pronouns"),
        determiners=norms("determiners"),
        indefinite=norms("indefinite"),
        subject_stops=phrases("subject_stops"),
        prepositions=frozenset(w for w in norms("subject_stops") if " " not in w),
        clause_stops=phrases("clause_stops"),
        objects=norms("objects"),
        descriptor_nouns=phrases("descriptor_nouns", joined=True),
        source_nouns=phrases("source_nouns", joined=True),
        document_nouns=phrases("document_nouns", joined=True),
        title_cues=phrases("title_cues"),
        scare_cues=phrases("scare_cues"),
        name_particles=norms("name_particles"),
        abbreviations=frozenset(w.casefold() for w in words("abbreviations")),
        elisions=elisions,
        inverted_pronouns=norms("inverted_pronouns"),
        according=phrases("according"),
        according_pronominal=phrases("according_pronominal"),
        according_name_only=phrases("according_name_only"),
        after_only=phrases("after_only"),
        gender=_gender(datas, first_names),
    )
