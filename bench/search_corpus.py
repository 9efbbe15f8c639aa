"""A synthetic catalogue for search benchmarks and tests, built in memory (no files, no annotators).

Real news text has a vocabulary that keeps growing with the corpus (Heaps' law) and inflected forms
that stemming must bring together; reshuffled sample sentences have neither. So words are made
from a seeded syllable generator with per-language inflections, drawn with Zipf frequencies, with
~40% stop words, and each article mentions a few entities whose names vary by language
(Tokayev / Tokaïev / Токаев), linked by entity id as the catalogue would link them.

    catalog = generate_catalog(10_000, languages=("fr", "en"), seed=1)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from itertools import accumulate

from generator.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    Catalog,
    Entity,
    EntityKind,
    EntityMention,
    Metadata,
    Span,
)
from generator.search.analysis import stop_words
from generator.text import slugify

_SYLLABLES = {
    "fr": "ba be bi bo bu ca ce ci co cou da de di do dou fa fe fi fo ga ge gi go la le li lo lu ma me mi "
          "mo mou na ne ni no pa pe pi po pou ra re ri ro rou sa se si so sou ta te ti to tou va ve vi vo "
          "cha che cho pré dé ré é tran con par mar bel ver",
    "en": "ba be bi bo bu ca co da de di do fa fe fi fo ga go ha he hi ho la le li lo ma me mi mo na ne ni "
          "no pa pe pi po ra re ri ro sa se si so ta te ti to wa we wi wo stra tho pro con ex in un ble",
    "ru": "ба бе би бо бу ва ве ви во га го да де ди до жа за зе зи ка ке ки ко ла ле ли ло ма ме ми мо на "
          "не ни но па пе пи по ра ре ри ро са се си со та те ти то ха хо ча че ша ше пра про сто",
}  # fmt: skip
_ENDINGS = {
    "fr": [["", "s"], ["", "e", "s", "es"], ["er", "e", "ent", "é", "ée", "és", "ait", "aient", "ant",
                                              "ation", "ations", "ement", "ons", "ez"]],
    "en": [["", "s"], ["", "ly", "er", "est", "ness"], ["", "s", "ed", "ing", "er", "ers", "ation",
                                                          "ations", "ment"]],
    "ru": [["", "а", "у", "ом", "е", "ы", "ов", "ами", "ах"], ["ый", "ая", "ое", "ого", "ой", "ые", "ых"],
           ["ать", "аю", "ает", "ают", "ал", "ала", "али", "ание", "ания"]],
}  # fmt: skip
_FIRST = "Anna Boris Claire Daniel Elena Fyodor Gulnara Hugo Irina Jean Kassym Lena Marat Nina Oleg Pavel " \
         "Roza Sergei Tatiana Viktor Yerlan Zhanna Aigul Bolat Dauren Marie Pierre John Mary Laura".split()
_TRANSLIT = str.maketrans({"a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х",
                           "i": "и", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
                           "q": "к", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс",
                           "y": "й", "z": "з"})
_KINDS: tuple[EntityKind, ...] = ("person", "place", "organisation")


class _Language:
    def __init__(self, code: str, rng: random.Random, lemmas: int) -> None:
        syllables = _SYLLABLES.get(code, _SYLLABLES["en"]).split()
        endings = _ENDINGS.get(code, _ENDINGS["en"])
        seen: set[str] = set()
        self.lemmas: list[list[str]] = []
        while len(self.lemmas) < lemmas:
            stem = "".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
            if stem in seen:
                continue
            seen.add(stem)
            self.lemmas.append([stem + e for e in rng.choice(endings)])
        self.lemma_weights = list(accumulate(1 / (r + 1) ** 1.05 for r in range(lemmas)))
        stops = sorted(stop_words(code)) or ["the"]
        self.stops = stops
        self.stop_weights = list(accumulate(1 / (r + 1) ** 0.8 for r in range(len(stops))))


def _names(rng: random.Random, count: int) -> list[tuple[EntityKind, str, dict[str, str]]]:
    """(kind, canonical English name, {language: that language's spelling})."""
    syllables = _SYLLABLES["en"].split()
    out = []
    seen = set()
    while len(out) < count:
        kind = _KINDS[len(out) % 3] if len(out) % 5 else "person"
        root = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3)))).capitalize()
        if root in seen:
            continue
        seen.add(root)
        if kind == "person":
            first = rng.choice(_FIRST)
            en = f"{first} {root}yev"
            fr = f"{first} {root}ïev"
            ru = f"{first} {root}ев"
        elif kind == "place":
            en, fr, ru = f"{root}ia", f"{root}ie", f"{root}ия"
        else:
            en, fr = f"{root} Group", f"Groupe {root}"
            ru = f"Группа {root}"
        ru = " ".join(w.capitalize() for w in ru.lower().translate(_TRANSLIT).split())
        out.append((kind, en, {"en": en, "fr": fr, "ru": ru}))
    return out


def generate_catalog(
    count: int,
    languages: tuple[str, ...] = ("fr", "en"),
    words: int = 400,
    seed: int = 1,
    lemmas: int = 30_000,
    entities: int | None = None,
) -> Catalog:
    rng = random.Random(seed)
    langs = {code: _Language(code, rng, lemmas) for code in languages}
    pool = _names(rng, entities if entities is not None else max(30, count // 5))
    entity_weights = list(accumulate(1 / (r + 1) ** 0.9 for r in range(len(pool))))
    sources = [f"{rng.choice(_FIRST)} {w}" for w in ("Post", "Times", "Wire", "Herald", "Courier",
                                                      "Journal", "Gazette", "Tribune")] * 5
    sources = [f"{s} {i}" for i, s in enumerate(sources)]
    tags = [f"topic {i}" for i in range(100)]
    start = dt.date(2016, 1, 1)
    articles: list[AnnotatedArticle] = []
    article_ids: dict[str, list[str]] = {}
    for i in range(count):
        code = languages[i % len(languages)]
        lang = langs[code]
        chosen = rng.choices(pool, cum_weights=entity_weights, k=rng.randint(2, 6))
        title = _sentence(rng, lang, rng.randint(5, 9), chosen[0][2][code])
        paragraphs, mentions = [], []
        text_parts: list[str] = []
        offset = 0
        total = 0
        while total < words:
            sentences = []
            for _ in range(rng.randint(3, 6)):
                kind, canonical, spellings = rng.choice(chosen)
                name = spellings[code]
                sentence = _sentence(rng, lang, rng.randint(8, 20), name)
                where = sentence.index(name)
                mentions.append((kind, canonical, name, offset + sum(len(s) + 1 for s in sentences) + where))
                sentences.append(sentence)
                total += sentence.count(" ") + 1
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            offset += len(paragraph) + 2
            text_parts.append(paragraph)
        text = "\n\n".join(text_parts)
        slug = f"{code}-{i:06d}"
        ids = []
        entity_mentions = []
        for kind, canonical, name, at in mentions:
            entity_id = f"{kind}/{slugify(canonical)}"
            ids.append(entity_id)
            entity_mentions.append(EntityMention(kind, name, name, Span(at, at + len(name)), entity_id))
        article_ids[slug] = ids
        date = start + dt.timedelta(days=rng.randrange(3650)) if rng.random() > 0.02 else None
        meta = Metadata(
            title=title, date=date, source=rng.choice(sources), language=code,
            tags=tuple(rng.sample(tags, rng.randint(0, 3))),
        )
        digest = hashlib.sha256(f"{slug}\n{title}\n{text}".encode()).hexdigest()
        article = Article(slug, f"{slug}.txt", "text", text, text, None, meta, title, digest)
        annotations = Annotations(code, 1.0, total, max(1, total // 200), paragraphs[0][:200],
                                  entities=tuple(entity_mentions))
        articles.append(AnnotatedArticle(article, annotations))
    used: dict[str, list[str]] = {}
    for slug, ids in article_ids.items():
        for entity_id in dict.fromkeys(ids):
            used.setdefault(entity_id, []).append(slug)
    records = []
    for kind, canonical, spellings in pool:
        entity_id = f"{kind}/{slugify(canonical)}"
        if entity_id not in used:
            continue
        aliases = tuple(dict.fromkeys(n for n in spellings.values() if n != canonical))
        records.append(Entity(entity_id, kind, canonical, aliases, article_slugs=tuple(used[entity_id]),
                              mention_count=len(used[entity_id])))
    ordered = sorted(articles, key=lambda a: (a.date or dt.date.min, a.slug), reverse=True)
    return Catalog(articles=tuple(ordered), entities=tuple(sorted(records, key=lambda e: e.id)))


def _sentence(rng: random.Random, lang: _Language, length: int, name: str) -> str:
    words = []
    stops = rng.choices(lang.stops, cum_weights=lang.stop_weights, k=length)
    lemmas = rng.choices(lang.lemmas, cum_weights=lang.lemma_weights, k=length)
    for k in range(length):
        words.append(stops[k] if rng.random() < 0.4 else rng.choice(lemmas[k]))
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words) + 1), str(rng.randint(2, 2030)))
    words.insert(rng.randrange(len(words) + 1), name)
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:] + "."
