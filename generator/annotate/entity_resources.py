"""Per-language data for entity recognition, loaded once per process from `resources/<lang>/entities.yml`.

Adding a language is adding a folder: every key is optional, `resources/mul/entities.yml` is merged under
each language, and a language without a folder gets the shared data, the stop words of stopwordsiso
(58 languages) and the function words, months, weekdays, honorifics and known organisations of every
language that has a folder, so capitalised-sequence rules still run with junk filtering.

Keys (see resources/fr/entities.yml for a full example):
- honorifics: words kept in a person's mention ("M.", "Mr", "г-н"); matched case-sensitively.
- roles: {role noun phrase: class}: titles before a name, and nouns of descriptions ("le dirigeant kazakh").
- particles: connectors inside organisation and place names, only after an org or place word.
- name_particles (mul): connectors inside people's names ("de", "von", "bin").
- first_names_female, first_names_male, first_names (mul): common first names in the Latin script, women's,
  men's and both.
- legal_prefixes (mul): legal forms written before a company's name ("JSC", "АО").
- statistical_model: the spaCy package of the optional statistical layer (`entity_model.py`).
- noun_words, noun_endings: where nouns are capitalised, words and endings no person's name has.
- org_apposition: nouns that, in apposition after a name, make it an organisation's ("a French company");
  indefinite_articles: "a", "une", "ein"; union_acronyms: {"UE": "EU"}, acronyms of the groupings CLDR names.
- place_compound_tails: where nouns compound, the endings that make a compound a kind of place.
- org_words / place_words: nouns that make a name an organisation / a place (kept in the name).
- name_heads (mul): other languages' organisation words ("Sindicato", "Fundación"), org_words that are never
  a common noun in apposition before a name.
- place_nouns: kinds of place ("ville", "port", "region"): a cue before or after a name, left out of it.
- compass_words: "Southern" of "Southern Urals"; org_tail_endings: adjective endings continuing a
  French-style institution name; common_noun_endings: suffixes of abstract or institutional nouns
  ("-ation", "-ité", "-ство") that never end a person's name; quoted_names: the language writes
  organisation names in « ».
- institution_adjectives: lower-case adjectives continuing an institution name ("Nations unies").
- known_organisations: names of organisations routinely used alone ("Kremlin").
- place_aliases: {name: ISO 3166 code or "place"}: places CLDR does not name that way.
- places: more such names, all plain places: the major rivers, seas and straits GeoNames' cities omit.
- demonyms: {ISO code: [adjectives]}; adjective_endings: inflections to strip before looking one up.
- function_words, months, weekdays: never a name on their own.
- elisions: "d" of "d’État"; locative_prepositions: "à", "in", "в"; determiners, of_words: for descriptions.
- place_compounds: "based" of "Oslo-based", "Paris-born": the capitalised part before the hyphen is a place.
- vessel_nouns: "ship", "navire", "судно": a title-case name after one (in quotes or not) is a ship's.
- attached_nouns: {before, after}: {organisation | facility | place | division: nouns} that make one name with the
  proper name beside them ("musée Émile-Guimet", "Kuybyshev reservoir"); a division ("Karaganda region",
  "Region Krasnojarsk") only with the name of a town.
- patronymic_endings, male_names, male_names_in_a, female_names, inflection ("russian"), capitalised_nouns, genitive_s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.annotate import entity_inflection
from generator.annotate.entity_tokens import APOSTROPHES, norm_apostrophe, tokenize

RESOURCES = Path(__file__).parent / "resources"
_PLAIN = re.compile(r"^[^\W\d_]+(?:[ \-‐‑][^\W\d_]+)*$")
SHARED = "mul"


class ResourceError(ValueError):
    """A language data file is malformed."""


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: one instance per language
class LanguageData:
    code: str
    inflection: str | None
    capitalised_nouns: bool
    genitive_s: bool
    honorifics: frozenset[str]
    roles: dict[tuple[str, ...], str]  # phrase as keys of its words -> role class
    role_firsts: dict[str, tuple[tuple[str, ...], ...]]  # first word key -> phrases, longest first
    role_lasts: frozenset[str]  # keys that end a role phrase
    role_heads: frozenset[str]  # short one-word roles ("chef") that end a compound after a word of 4+ letters
    role_endings: tuple[str, ...]  # endings of professions' agent nouns ("-ikerin", "-loge"), capitalised nouns
    role_singles: frozenset[str]  # one-word roles long enough to end a compound ("minister" in "Wasserminister")
    particles: tuple[tuple[str, ...], ...]  # longest first
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    org_words: frozenset[str]  # keys
    name_heads: frozenset[str]  # keys of organisation words of other languages, always part of the name
    legal_prefixes: frozenset[str]  # "JSC", "АО": a legal form written before a company's name
    statistical_model: str  # the spaCy package for this language, used only when installed and switched on
    noun_words: frozenset[str]  # capitalised nouns no name is made of (German "Millionen", "Euro")
    org_apposition: frozenset[str]  # keys: "company", "société": in apposition after a name, an organisation's
    indefinite_articles: frozenset[str]  # "a", "une", "ein"
    union_acronyms: dict[str, str]  # "UE" -> "EU": the CLDR code of a grouping its acronym stands for
    place_compound_tails: tuple[str, ...]  # German "gebiet", "stadt": a compound so ending is a kind of place
    noun_endings: tuple[str, ...]  # endings only nouns have (German "-ung", "-heit")
    place_words: frozenset[str]
    place_nouns: frozenset[str]  # keys: "ville", "port", "region": a kind of place, before or heading a name
    compass_words: frozenset[str]
    name_nouns: frozenset[str]  # org, place words and place nouns as written (nominatives, lower case)
    org_tail_endings: tuple[str, ...]
    common_noun_endings: tuple[str, ...]  # "ation", "ität": a run ending in such a noun is no person
    quoted_names: bool
    institution_adjectives: frozenset[str]
    known_organisations: tuple[str, ...]
    place_aliases: dict[str, str]
    demonyms: dict[str, str]  # key -> ISO code
    adjective_endings: tuple[str, ...]
    function_words: frozenset[str]  # lower case; never a name, stripped from the front of one
    stopwords: frozenset[str]  # stopwordsiso's broader (noisier) list: only to doubt a sentence's first word
    months: frozenset[str]
    weekdays: frozenset[str]
    elisions: frozenset[str]
    locative_prepositions: frozenset[str]
    determiners: frozenset[str]
    of_words: tuple[tuple[str, ...], ...]
    patronymic_endings: tuple[str, ...]
    male_names_in_a: frozenset[str]
    first_names: frozenset[str]  # every listed first name, women's, men's and both
    female_first_names: frozenset[str]  # first_names_female (mul) and female_names
    male_first_names: frozenset[str]  # first_names_male (mul), male_names and male_names_in_a
    stressed_adjective_stems: frozenset[str]
    irregular_names: dict[str, str]
    female_names: frozenset[str]
    place_compounds: frozenset[str]  # "based" of "Oslo-based": the word before the hyphen is a place
    vessel_nouns: frozenset[str]  # keys: "ship", "navire", "траулер": a name after one is a ship's
    # key -> "organisation", "facility" (one named only in apposition: "usine Renault", not "usine de
    # Flins"), "place" or "division" (a place named after a town): "musée" (Émile-Guimet),
    # "Region" (Krasnojarsk) before the name; (Karaganda) "region", (Pushkin) "museum" after it
    attached_before: dict[str, str]
    attached_after: dict[str, str]
    role_words: frozenset[str] = frozenset()  # one-word roles as written, lower case (for Russian plurals)
    body_phrases: tuple[tuple[str, ...], ...] = ()  # "station de recherche": heads an organisation's name
    member_bodies: frozenset[str] = frozenset()  # "syndicat": "le syndicat des marins" names a body

    @property
    def russian(self) -> bool:
        return self.inflection == "russian"

    def key(self, word: str) -> str:
        """How words are compared with data: lower case, and stemmed where names decline."""
        return word_key(word, self.russian)

    def demonym(self, word: str) -> str | None:
        """The ISO code a nationality adjective refers to ("kazakhe" -> "KZ"), or None."""
        return _demonym(self, word)

    def is_junk_word(self, word: str) -> bool:
        """Never a name on its own: a function word, month or weekday."""
        low = word.lower()
        return low in self.function_words or low in self.months or low in self.weekdays

    def _demonym(self, word: str) -> str | None:
        low = word.lower()
        found = self.demonyms.get(self.key(low))
        if found:
            return found
        for ending in self.adjective_endings:
            if low.endswith(ending) and len(low) > len(ending) + 2:
                found = self.demonyms.get(low[: -len(ending)])
                if found:
                    return found
        return None


@lru_cache(maxsize=131072)
def _demonym(data: LanguageData, word: str) -> str | None:
    return data._demonym(word)


@lru_cache(maxsize=262144)
def word_key(word: str, russian: bool) -> str:
    low = norm_apostrophe(word.lower())
    if russian and entity_inflection.is_cyrillic_word(low):
        return entity_inflection.stem(low)
    return low


def phrase_words(phrase: str, elisions: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Split a data phrase into tokens the way the recogniser splits text ("chef de l’État")."""
    if _PLAIN.match(phrase):
        return tuple(phrase.split())  # letters, spaces and hyphens only: the common case, split at once
    out: list[str] = []
    previous_end = -1
    for token in tokenize(phrase, elisions, frozenset()):
        if token.text in APOSTROPHES and out and token.start == previous_end:
            out[-1] += "’"  # a phrase ending in an elision ("de l’") has nothing after the mark
        else:
            out.append(norm_apostrophe(token.text))
        previous_end = token.end
    return tuple(out)


@cache
def load(code: str) -> LanguageData:
    """The data for one language code ("fr", "en", …); unknown codes get the shared data only."""
    shared = _read(RESOURCES / SHARED / "entities.yml")
    own = _read(RESOURCES / code / "entities.yml") if code and code != SHARED else {}
    if not own:
        shared = _borrowed(shared)
    merged: dict[str, Any] = dict(shared)
    for name, value in own.items():
        if isinstance(value, list) and isinstance(merged.get(name), list):
            merged[name] = [*merged[name], *value]
        else:
            merged[name] = value
    return _build(code, merged, own_file=bool(own))


# Lists that mean the same in any language's text: a language without data borrows those of every
# language that has some (so "The", "Monday", "Kremlin" are known in an undetermined text).
_BORROWED = ("function_words", "months", "weekdays", "honorifics", "known_organisations")


def data_languages() -> list[str]:
    """The language codes that have a data folder of their own."""
    return sorted(f.name for f in RESOURCES.iterdir() if f.name != SHARED and (f / "entities.yml").is_file())


def _borrowed(shared: dict[str, Any]) -> dict[str, Any]:
    merged = dict(shared)
    for code in data_languages():
        data = _read(RESOURCES / code / "entities.yml")
        for name in _BORROWED:
            merged[name] = [*merged.get(name, []), *(data.get(name) or [])]
    return merged


class _WordsLoader(yaml.SafeLoader):
    """YAML without its 1.1 booleans: in word lists "on", "no", "yes", "y" (and NO, Norway) are words."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordsLoader) or {}
    except yaml.YAMLError as exc:
        raise ResourceError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a mapping at the top level")
    return data


def _attached(data: dict[str, Any], side: str, key: Callable[[str], str]) -> dict[str, str]:
    kinds = ((data.get("attached_nouns") or {}).get(side)) or {}
    return {key(str(word)): kind for kind, words in kinds.items() for word in words or []}


def _strings(data: dict[str, Any], name: str) -> list[str]:
    value = data.get(name) or []
    if not isinstance(value, list):
        raise ResourceError(f"entities data: {name!r} must be a list")
    return [str(v) for v in value]


def _build(code: str, data: dict[str, Any], own_file: bool) -> LanguageData:
    inflection = data.get("inflection")
    elisions = frozenset(w.lower() for w in _strings(data, "elisions"))
    # Honorifics are compared without their dot: the tokenizer keeps "." as its own token.
    russian = inflection == "russian"

    def key(word: str) -> str:
        return word_key(word, russian)

    roles: dict[tuple[str, ...], str] = {}
    for phrase, kind in (data.get("roles") or {}).items():
        roles[tuple(key(w) for w in phrase_words(str(phrase), elisions))] = str(kind)
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for words in roles:
        firsts.setdefault(words[0], []).append(words)
    role_firsts = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in firsts.items()}

    demonyms: dict[str, str] = {}
    for iso, words in (data.get("demonyms") or {}).items():
        for word in words or []:
            demonyms[key(str(word))] = str(iso)

    function_words = {w.lower() for w in _strings(data, "function_words")}
    stopwords = _stopwords(code)
    if not own_file:
        # Without a data file of its own, a language relies on stopwordsiso alone.
        function_words.update(stopwords)

    def phrases(name: str) -> tuple[tuple[str, ...], ...]:
        found = {tuple(key(w) for w in phrase_words(p, elisions)) for p in _strings(data, name)}
        return tuple(sorted(found, key=len, reverse=True))

    return LanguageData(
        code=code,
        inflection=inflection,
        capitalised_nouns=bool(data.get("capitalised_nouns")),
        genitive_s=bool(data.get("genitive_s")),
        honorifics=frozenset(h.rstrip(".") for h in _strings(data, "honorifics")),
        roles=roles,
        role_firsts=role_firsts,
        role_words=frozenset(str(p).lower() for p in (data.get("roles") or {}) if " " not in str(p)),
        role_lasts=frozenset(words[-1] for words in roles),
        role_heads=frozenset(words[0] for words in roles if len(words) == 1 and 4 <= len(words[0]) < 6),
        role_endings=tuple(_strings(data, "role_endings")),
        role_singles=frozenset(words[0] for words in roles if len(words) == 1 and len(words[0]) >= 6),
        particles=phrases("particles"),
        name_particles=frozenset(_strings(data, "name_particles")),
        name_suffixes=frozenset(_strings(data, "name_suffixes")),
        org_words=frozenset(key(w) for w in (*_strings(data, "org_words"), *_strings(data, "name_heads"))),
        name_heads=frozenset(key(w) for w in _strings(data, "name_heads")),
        legal_prefixes=frozenset(_strings(data, "legal_prefixes")),
        statistical_model=str(data.get("statistical_model") or ""),
        noun_words=frozenset(_strings(data, "noun_words")),
        org_apposition=frozenset(key(w) for w in _strings(data, "org_apposition")),
        indefinite_articles=frozenset(_strings(data, "indefinite_articles")),
        union_acronyms={str(k): str(v) for k, v in (data.get("union_acronyms") or {}).items()},
        place_compound_tails=tuple(_strings(data, "place_compound_tails")),
        noun_endings=tuple(_strings(data, "noun_endings")),
        place_words=frozenset(key(w) for w in _strings(data, "place_words")),
        place_nouns=frozenset(key(w) for w in _strings(data, "place_nouns")),
        compass_words=frozenset(key(w) for w in _strings(data, "compass_words")),
        name_nouns=frozenset(
            w.lower()
            for name in ("org_words", "name_heads", "place_words", "place_nouns")
            for w in _strings(data, name)
        ),
        org_tail_endings=tuple(sorted(_strings(data, "org_tail_endings"), key=len, reverse=True)),
        common_noun_endings=tuple(_strings(data, "common_noun_endings")),
        quoted_names=bool(data.get("quoted_names")),
        institution_adjectives=frozenset(w.lower() for w in _strings(data, "institution_adjectives")),
        known_organisations=tuple(_strings(data, "known_organisations")),
        place_aliases={
            **{name: "place" for name in _strings(data, "places")},
            **{str(k): str(v) for k, v in (data.get("place_aliases") or {}).items()},
        },
        demonyms=demonyms,
        adjective_endings=tuple(sorted(_strings(data, "adjective_endings"), key=len, reverse=True)),
        function_words=frozenset(function_words),
        stopwords=frozenset(stopwords),
        months=frozenset(m for w in _strings(data, "months") for m in (w.lower(), w.lower().rstrip("."))),
        weekdays=frozenset(w.lower() for w in _strings(data, "weekdays")),
        elisions=elisions,
        locative_prepositions=frozenset(w.lower() for w in _strings(data, "locative_prepositions")),
        determiners=frozenset(w.lower() for w in _strings(data, "determiners")),
        of_words=phrases("of_words"),
        patronymic_endings=tuple(w.lower() for w in _strings(data, "patronymic_endings")),
        male_names_in_a=frozenset(_strings(data, "male_names_in_a")),
        first_names=frozenset(
            w for name in ("first_names", "first_names_female", "first_names_male", "male_names", "male_names_in_a",
                           "female_names") for w in _strings(data, name)
        ),
        female_first_names=frozenset(
            w for name in ("first_names_female", "female_names") for w in _strings(data, name)
        ),
        male_first_names=frozenset(
            w for name in ("first_names_male", "male_names", "male_names_in_a") for w in _strings(data, name)
        ),
        stressed_adjective_stems=frozenset(_strings(data, "stressed_adjective_stems")),
        irregular_names={str(k): str(v) for k, v in (data.get("irregular_names") or {}).items()},
        female_names=frozenset(_strings(data, "female_names")),
        vessel_nouns=frozenset(key(w) for w in _strings(data, "vessel_nouns")),
        attached_before=_attached(data, "before", key),
        attached_after=_attached(data, "after", key),
        body_phrases=tuple(
            sorted((tuple(key(w) for w in phrase_words(p, elisions)) for p in _strings(data, "body_phrases")),
                   key=len, reverse=True)
        ),
        member_bodies=frozenset(key(w) for w in _strings(data, "member_bodies")),
        place_compounds=frozenset(_strings(data, "place_compounds")),
    )


def _stopwords(code: str) -> set[str]:
    """Function words of stopwordsiso (MIT, 58 languages), when installed."""
    try:
        import stopwordsiso
    except ImportError:  # an optional aid: the data files carry each language's own list
        return set()
    if not code or not stopwordsiso.has_lang(code):
        return set()
    return {w.lower() for w in stopwordsiso.stopwords(code)}
