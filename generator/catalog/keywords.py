"""Keywords: the terms that set an article apart from the rest of the archive (TF-IDF over the corpus).

Terms are of two kinds:
- the entities the article mentions (one term per resolved name, so multi-word names such as "Kassym-Jomart
  Tokaïev" stay whole: a phrase is a keyword only when it is an entity mention);
- single words outside mentions, grouped by their Snowball stem (PyStemmer) so inflections count together,
  and shown in the form the article uses most ("sanctions", never the stem "sanction" or "sanct").
Function words and the generic vocabulary of news (resources/<lang>/keywords.yml), speech verbs
(quotes.yml), numbers and elided articles ("d’", "l’") never are. The result is deterministic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from generator.annotate import langdata
from generator.annotate.quote_lexicon import expand_forms
from generator.model import AnnotatedArticle
from generator.text import fold

# A word: letters, with inner hyphens or apostrophes ("porte-parole", "aujourd’hui"); no digits.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_MIN_LETTERS = 3
_MIN_COUNT = 2  # a word met once is a keyword only when the article offers nothing better
_ENTITY_WEIGHT = 1.25  # names are what readers browse by: a named entity beats a word of equal weight
_fold = lru_cache(maxsize=1 << 17)(fold)  # words repeat across a corpus: fold each once
_STEMMERS = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish", "fr": "french",
    "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip


@dataclass(slots=True)
class _Terms:
    """One article's terms: counts by key, and the surface forms seen for each key."""

    counts: dict[str, int] = field(default_factory=dict)
    forms: dict[str, dict[str, int]] = field(default_factory=dict)  # plain dicts: this loop is hot
    lowercase: set[str] = field(default_factory=set)  # keys seen in lower case at least once
    entities: set[str] = field(default_factory=set)


def distinctive_keywords(annotated: Sequence[AnnotatedArticle], per_article: int = 8) -> dict[str, tuple[str, ...]]:
    """slug -> up to `per_article` keywords, most distinctive first, against the whole archive."""
    terms = {a.slug: _terms(a) for a in annotated}
    documents = len(terms)
    frequency: Counter[str] = Counter()
    for t in terms.values():
        frequency.update(t.counts.keys())
    out: dict[str, tuple[str, ...]] = {}
    for slug, t in terms.items():

        def score(key: str, t: _Terms = t) -> float:
            idf = math.log(1 + documents / frequency[key])
            weight = _ENTITY_WEIGHT if key in t.entities else 1.0
            return (1 + math.log(t.counts[key])) * idf * weight

        ranked = sorted(t.counts, key=lambda k: (-score(k), -t.counts[k], k))
        # First the terms the article insists on (twice or more, or a name) that not every article has.
        frequent = [
            k
            for k in ranked
            if (t.counts[k] >= _MIN_COUNT or k in t.entities) and (frequency[k] < documents or documents == 1)
        ]
        first = set(frequent)
        rare = [k for k in ranked if k not in first]
        chosen: list[str] = []
        seen: set[str] = set()
        for key in (*frequent, *rare):
            shown = _display(key, t)
            if fold(shown) in seen:
                continue
            seen.add(fold(shown))
            chosen.append(shown)
            if len(chosen) == per_article:
                break
        out[slug] = tuple(chosen)
    return out


def _terms(item: AnnotatedArticle) -> _Terms:
    text = item.article.text
    analyse = _analyser(item.annotations.language)
    t = _Terms()
    covered: list[tuple[int, int]] = []
    for mention in item.annotations.entities:
        key = "e:" + (mention.entity_id or _fold(mention.name).replace("’", "'"))
        _count(t, key, mention.name)
        t.entities.add(key)
        covered.append((mention.span.start, mention.span.end))
    covered.sort()
    position = 0
    for match in _WORD.finditer(text):
        while position < len(covered) and covered[position][1] <= match.start():
            position += 1
        if position < len(covered) and covered[position][0] < match.end():
            continue  # inside an entity mention: counted as the entity
        found = analyse(match.group())
        if found is None:
            continue
        key, word = found
        _count(t, key, word)
        if word[:1].islower():
            t.lowercase.add(key)
    return t


def _count(t: _Terms, key: str, form: str) -> None:
    t.counts[key] = t.counts.get(key, 0) + 1
    forms = t.forms.get(key)
    if forms is None:
        t.forms[key] = {form: 1}
    else:
        forms[form] = forms.get(form, 0) + 1


@cache
def _analyser(language: str) -> Callable[[str], tuple[str, str] | None]:
    """word -> (term key, the word without its elided article), or None for a stop word; memoised."""
    stop = stop_words(language)
    stop_stems = _stop_stems(language)
    elisions = _elisions(language)
    stem = stemmer(language)

    @lru_cache(maxsize=1 << 17)
    def analyse(raw: str) -> tuple[str, str] | None:
        word = _strip_elision(raw, elisions)
        if len(word) < _MIN_LETTERS or _fold(word).replace("’", "'") in stop:
            return None
        stemmed = _fold(stem(word.lower()))
        if stemmed in stop_stems:
            return None  # an inflection of a stop word ("которую" of "который")
        return "w:" + stemmed, word

    return analyse


def _display(key: str, t: _Terms) -> str:
    """The form the article uses most; in lower case when the word is ever written so (a capital only
    because it starts a sentence is not kept)."""
    forms = t.forms[key]
    if key in t.lowercase:
        lowered: Counter[str] = Counter()
        for form, count in forms.items():
            lowered[form[:1].lower() + form[1:]] += count
        forms = dict(lowered)
    return min(forms, key=lambda form: (-forms[form], form))


def _strip_elision(word: str, elisions: frozenset[str]) -> str:
    for mark in ("’", "'"):
        head, sep, rest = word.partition(mark)
        if sep and rest and fold(head) in elisions:
            return rest
    return word


@cache
def stop_words(language: str) -> frozenset[str]:
    """Folded words that are never keywords: the language's list, its speech verbs, and stopwordsiso's."""
    data = langdata.load(language, "keywords")
    words = {fold(str(w)).replace("’", "'") for w in data.get("stop_words") or ()}
    quotes = langdata.load(language, "quotes")
    for form in expand_forms(quotes.get("verbs") or (), quotes.get("paradigms") or {}):
        if " " not in form:
            words.add(fold(form).replace("’", "'"))
    dates = langdata.load(language, "dates")
    for table in ("months", "weekdays"):
        for forms in (dates.get(table) or {}).values():
            words.update(fold(str(f)) for f in forms)
    try:  # a broad list for languages without data of their own (MIT licensed, optional)
        import stopwordsiso

        if stopwordsiso.has_lang(language):
            words.update(fold(w) for w in stopwordsiso.stopwords(language))
    except ImportError:
        pass
    return frozenset(words)


@cache
def _stop_stems(language: str) -> frozenset[str]:
    """Stems of the language's own stop words (not stopwordsiso's, too broad to stem safely)."""
    stem = stemmer(language)
    data = langdata.load(language, "keywords")
    return frozenset(fold(stem(str(w).lower())) for w in data.get("stop_words") or () if len(str(w)) >= _MIN_LETTERS)


@cache
def _elisions(language: str) -> frozenset[str]:
    return frozenset(fold(str(e)) for e in langdata.load(language, "keywords").get("elisions") or ())


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The Snowball stemmer of `language` (identity when it has none)."""
    name = _STEMMERS.get(language.split("-")[0].lower())
    if name is None:
        return lambda word: word
    import Stemmer

    return Stemmer.Stemmer(name).stemWord
