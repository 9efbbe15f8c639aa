"""Entities across articles and languages: one real person, place or organisation, one `Entity`, one page.

Mentions (names already resolved within each article) are grouped when they are certainly the same:
- the user's curated list (`content/entities.yml`): every name and alias of an entry is that entity;
- places CLDR or GeoNames identifies ("Russie", "Russia", "Россия" are all territory RU);
- the same kind and the same whole-name key (`transliteration.name_key`: accents folded, Cyrillic
  transliterated, transcription conventions undone), so "Kassym-Jomart Tokaïev", "Kassym-Jomart Tokayev"
  and "Касым-Жомарт Токаев" are one person.
Anything less certain (a surname alone, near-equal keys, an acronym) is not merged: `suggest_aliases`
lists it with the evidence, for the user to confirm in `entities.yml` (`archive entities --suggest`).

The canonical name is the curated one, else CLDR's name in the site's main language, else the name most
used in main-language articles, else the name most used anywhere. Ids are "<kind>/<slug>", stable while
the canonical name is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.annotate.curated import CuratedEntity
from generator.annotate.entities import language_code
from generator.annotate.gazetteer import gazetteer, territory_name
from generator.catalog.transliteration import distance, last_word_key, name_key
from generator.model import ENTITY_KINDS, AnnotatedArticle, Entity, EntityKind, QuoteRef
from generator.text import fold, slugify


@dataclass(slots=True)
class _Group:
    key: str
    kind: EntityKind
    curated: CuratedEntity | None = None
    code: str = ""  # "cldr:RU", "geo:524901"
    names: Counter[tuple[str, str]] = field(default_factory=Counter)  # (name, language) -> mentions
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


class _Resolver:
    """Assigns each (kind, name, language) to the key of the group it certainly belongs to."""

    def __init__(self, curated: Sequence[CuratedEntity]) -> None:
        self.curated = tuple(curated)
        self.by_name: dict[tuple[str, str], int] = {}  # (kind, folded name) -> curated index
        self.by_folded: dict[str, int] = {}  # folded name -> curated index, any kind
        for index, entity in enumerate(self.curated):
            for name in entity.names:
                self.by_name.setdefault((entity.kind, fold(name)), index)
                self.by_folded.setdefault(fold(name), index)

    def key(self, kind: EntityKind, name: str, language: str) -> tuple[str, EntityKind, str]:
        """(group key, kind, code) for one mention name."""
        folded = fold(name)
        index = self.by_name.get((kind, folded))
        if index is None and kind != "person":
            index = self.by_folded.get(folded)  # a curated place named as an organisation, or the reverse
        if index is not None:
            return f"curated:{index}", self.curated[index].kind, ""
        code = ""
        if kind == "place":
            known = gazetteer(language_code(language)).lookup(name)
            if known is not None and known.code:
                code = known.code
                return f"place:{code}", kind, code
        return f"{kind}:{name_key(name, language_code(language))}", kind, code


def resolve_entities(
    annotated: Sequence[AnnotatedArticle], curated: Sequence[CuratedEntity], main_language: str
) -> tuple[list[AnnotatedArticle], tuple[Entity, ...]]:
    """Entities of the whole corpus, and the articles with `EntityMention.entity_id` set."""
    resolver = _Resolver(curated)
    groups: dict[str, _Group] = {}
    keys: list[list[str]] = []
    for item in annotated:
        language = item.language
        article_keys: list[str] = []
        for mention in item.annotations.entities:
            key, kind, code = resolver.key(mention.kind, mention.name, language)
            group = groups.get(key)
            if group is None:
                index = int(key.split(":", 1)[1]) if key.startswith("curated:") else None
                group = groups[key] = _Group(key, kind, resolver.curated[index] if index is not None else None, code)
            group.names[(mention.name, language)] += 1
            group.articles.add(item.slug)
            group.mentions += 1
            article_keys.append(key)
        keys.append(article_keys)

    dates = {item.slug: item.date for item in annotated}
    ids = _ids(groups, main_language)
    quotes = _quotes(annotated, keys, groups)
    entities = tuple(
        sorted(
            (_entity(group, ids[key], main_language, dates, quotes.get(key, ())) for key, group in groups.items()),
            key=lambda e: (ENTITY_KINDS.index(e.kind), -len(e.article_slugs), fold(e.name), e.id),
        )
    )
    articles = []
    for item, article_keys in zip(annotated, keys, strict=True):
        mentions = tuple(
            dataclasses.replace(mention, entity_id=ids[key])
            for mention, key in zip(item.annotations.entities, article_keys, strict=True)
        )
        articles.append(dataclasses.replace(item, annotations=dataclasses.replace(item.annotations, entities=mentions)))
    return articles, entities


def canonical_name(group: _Group, main_language: str) -> str:
    if group.curated is not None:
        return group.curated.name
    if group.code.startswith("cldr:"):
        name = territory_name(group.code[5:], language_code(main_language))
        if name:
            return name
    main: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for (name, language), count in group.names.items():
        every[name] += count
        if language_code(language) == language_code(main_language):
            main[name] += count
    pool = main or every
    # Most used, then the longest (a full name over a shorter variant), then alphabetical.
    return sorted(pool.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0][0]


def _ids(groups: dict[str, _Group], main_language: str) -> dict[str, str]:
    """Stable ids "<kind>/<slug>"; a second group with the same slug gets "-2", in a fixed order."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    ordered = sorted(groups.values(), key=lambda g: (g.kind, canonical_name(g, main_language), g.key))
    for group in ordered:
        slug = slugify(canonical_name(group, main_language)) or "unnamed"
        candidate = f"{group.kind}/{slug}"
        number = 2
        while candidate in taken:
            candidate = f"{group.kind}/{slug}-{number}"
            number += 1
        taken.add(candidate)
        ids[group.key] = candidate
    return ids


def _entity(
    group: _Group, entity_id: str, main_language: str, dates: dict[str, dt.date | None], quotes: tuple[QuoteRef, ...]
) -> Entity:
    name = canonical_name(group, main_language)
    seen = [n for (n, _), _count in group.names.most_common()]
    declared = list(group.curated.aliases) if group.curated else []
    aliases = tuple(dict.fromkeys(a for a in [*seen, *declared] if a != name))
    newest_first = sorted(group.articles, key=lambda slug: (dates.get(slug) or dt.date.min, slug), reverse=True)
    return Entity(
        id=entity_id,
        kind=group.kind,
        name=name,
        aliases=aliases,
        wikidata=group.curated.wikidata if group.curated else None,
        article_slugs=tuple(newest_first),
        mention_count=group.mentions,
        quotes=quotes,
    )


def _quotes(
    annotated: Sequence[AnnotatedArticle], keys: list[list[str]], groups: dict[str, _Group]
) -> dict[str, tuple[QuoteRef, ...]]:
    """Quotes by speaker: a speaker is matched to the entity of a mention with that name in the article."""
    found: dict[str, list[QuoteRef]] = defaultdict(list)
    for item, article_keys in zip(annotated, keys, strict=True):
        names: dict[str, str] = {}
        for mention, key in zip(item.annotations.entities, article_keys, strict=True):
            if mention.kind in ("person", "organisation"):
                names.setdefault(fold(mention.name), key)
                names.setdefault(fold(mention.surface), key)
        for quote in item.annotations.quotes:
            if quote.speaker:
                key = names.get(fold(quote.speaker))
                if key is not None:
                    found[key].append(QuoteRef(item.slug, quote))
    return {key: tuple(refs) for key, refs in found.items()}


# -- suggestions -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    """Two entities that are probably one, with why; the user confirms by listing one as an alias."""

    kind: EntityKind
    keep: Entity  # the entity whose name would stay canonical
    alias: Entity  # the entity whose names would become aliases
    evidence: tuple[str, ...]
    score: float

    def as_yaml(self) -> str:
        """The entities.yml entry that would confirm it."""
        aliases = [n for n in (self.alias.name, *self.alias.aliases, *self.keep.aliases) if n != self.keep.name]
        listed = ", ".join(_yaml_scalar(a) for a in dict.fromkeys(aliases))
        return f"  - name: {_yaml_scalar(self.keep.name)}\n    kind: {self.kind}\n    aliases: [{listed}]\n"

    def describe(self) -> str:
        lines = [f"{self.kind}: {self.alias.name!r} may be {self.keep.name!r} (score {self.score:.2f})"]
        lines += [f"  - {line}" for line in self.evidence]
        return "\n".join(lines)


def suggest_aliases(
    annotated: Sequence[AnnotatedArticle], curated: Sequence[CuratedEntity], main_language: str
) -> tuple[AliasSuggestion, ...]:
    """Probable but unmerged aliases, most probable first."""
    _, entities = resolve_entities(annotated, curated, main_language)
    curated_names = {fold(n) for entity in curated for n in entity.names}
    languages = _languages(annotated)
    out: list[AliasSuggestion] = []
    by_kind: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        by_kind[entity.kind].append(entity)
    for kind, members in by_kind.items():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if fold(a.name) in curated_names and fold(b.name) in curated_names:
                    continue  # two curated entries are distinct by the user's word
                found = _compare(a, b, languages)
                if found is not None:
                    keep, alias, evidence, score = found
                    out.append(AliasSuggestion(kind, keep, alias, evidence, score))  # type: ignore[arg-type]
    out.sort(key=lambda s: (-s.score, s.keep.name, s.alias.name))
    return tuple(out)


def _languages(annotated: Sequence[AnnotatedArticle]) -> dict[str, str]:
    return {item.slug: item.language for item in annotated}


def _compare(
    a: Entity, b: Entity, languages: dict[str, str]
) -> tuple[Entity, Entity, tuple[str, ...], float] | None:
    names_a = (a.name, *a.aliases)
    names_b = (b.name, *b.aliases)
    lang_a = _language_of(a, languages)
    lang_b = _language_of(b, languages)
    keys_a = {name_key(n, lang_a) for n in names_a}
    keys_b = {name_key(n, lang_b) for n in names_b}
    longer, shorter = (a, b) if len(a.name.split()) >= len(b.name.split()) else (b, a)
    evidence: list[str] = []
    score = 0.0
    if a.kind == "person" and len(shorter.name.split()) == 1 and len(longer.name.split()) >= 2:
        short_key = name_key(shorter.name, _language_of(shorter, languages))
        if any(last_word_key(n, _language_of(longer, languages)) == short_key for n in (longer.name, *longer.aliases)):
            evidence.append(f"{shorter.name!r} is the last name of {longer.name!r}")
            score = 0.8
    if not score:
        best = min((distance(x, y), x, y) for x in keys_a for y in keys_b)
        length = max(len(best[1]), len(best[2]))
        if best[0] and length >= 6 and best[0] <= (1 if length < 10 else 2):
            evidence.append(f"names differ by {best[0]} letter(s) once transcribed: {best[1]!r} / {best[2]!r}")
            score = 0.7 - 0.1 * best[0]
        elif a.kind == "person" and _same_last_name(names_a, names_b, lang_a, lang_b):
            evidence.append("same last name, first names differ")
            score = 0.5
        elif a.kind == "organisation" and _acronym_of(shorter.name, longer.name):
            evidence.append(f"{shorter.name!r} is the initials of {longer.name!r}")
            score = 0.6
    if not score:
        return None
    shared = set(a.article_slugs) & set(b.article_slugs)
    evidence.append(
        f"{longer.name!r}: {len(longer.article_slugs)} article(s); {shorter.name!r}: {len(shorter.article_slugs)}"
        + (f"; {len(shared)} in common" if shared else "")
    )
    return longer, shorter, tuple(evidence), round(score + min(0.1, 0.02 * len(shared)), 3)


def _language_of(entity: Entity, languages: dict[str, str]) -> str:
    counts = Counter(language_code(languages.get(slug, "und")) for slug in entity.article_slugs)
    return counts.most_common(1)[0][0] if counts else "en"


def _same_last_name(names_a: Sequence[str], names_b: Sequence[str], lang_a: str, lang_b: str) -> bool:
    full_a = [n for n in names_a if len(n.split()) >= 2]
    full_b = [n for n in names_b if len(n.split()) >= 2]
    return any(last_word_key(x, lang_a) == last_word_key(y, lang_b) for x in full_a for y in full_b)


def _acronym_of(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2:
        return False
    initials = "".join(w[0] for w in long.replace("-", " ").split() if w[:1].isupper())
    return initials.upper() == short


def _yaml_scalar(text: str) -> str:
    safe = text and all(c.isalnum() or c in " -’." for c in text) and not text[0].isdigit()
    return text if safe else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
