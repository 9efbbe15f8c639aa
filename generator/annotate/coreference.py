"""Resolution within one article: every mention gets the name the article introduced.

- People: a full name opens a cluster ("Kassym-Jomart Tokaïev"); a later (or, failing that, earlier)
  surname alone, with or without an honorific ("M. Tokaïev", "Tokaïev"), joins the nearest cluster whose
  name contains that word. Patronymics were already dropped ("Vladimir Vladimirovitch Poutine").
- Russian case forms are brought back to a form the article uses in the nominative, else to the most
  likely nominative ("Токаева", "Токаевым" -> "Токаев"); German genitives likewise ("Putins" -> "Putin").
- A lone capitalised word the rules could not classify is kept only if the article names it otherwise
  (a surname of a cluster, a known organisation); an acronym in brackets after an organisation takes
  its name ("Organisation des Nations unies (ONU)").
- Descriptions ("le dirigeant kazakh", "the Kazakh leader", "казахстанский лидер") resolve to the one
  person whose introduction carried that role and country; see `resolve_descriptor`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator.annotate import entity_inflection, entity_russian, entity_shapes
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_rules import Analysis, Candidate, Recogniser
from generator.annotate.entity_tokens import Token
from generator.model import EntityKind
from generator.text import fold

# Role classes a description may use for one another ("le dirigeant" for a president or a premier).
_LEADERS = frozenset({"head", "government", "leader"})


@dataclass(slots=True)
class Resolved:
    start: int
    end: int
    kind: EntityKind
    name: str
    descriptor: bool = False


@dataclass(slots=True)
class Cluster:
    """One person as the article refers to them."""

    name: str
    words: tuple[str, ...]
    keys: frozenset[str]  # keys of every word of every full form seen
    first: int  # character offset of the first mention
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


def resolve(analysis: Analysis, data: LanguageData) -> tuple[list[Resolved], list[Cluster]]:
    """Resolved mentions (names and kinds settled) and the person clusters, for descriptions."""
    candidates = analysis.candidates
    acronyms = _defined_acronyms(analysis)
    lemmas = entity_russian.lemmas(analysis, data) if data.russian else {}

    def norm(index: int, word: str) -> str:
        return lemmas.get((index, word), word)

    clusters: list[Cluster] = []
    by_candidate: dict[int, Cluster] = {}
    # Pass 1: full names open or join clusters.
    for index, cand in enumerate(candidates):
        if cand.kind != "person":
            continue
        surface = tuple(norm(index, w) for w in cand.words)
        if cand.evidence == "curated":
            words = tuple(cand.name.split())
        elif len(cand.words) >= 2:
            words = surface
        else:
            continue
        cluster = _find_full(clusters, words, data)
        if cluster is None:
            name = cand.name if cand.evidence == "curated" else " ".join(words)
            cluster = Cluster(name, words, frozenset(), cand.start)
            clusters.append(cluster)
        # A curated person is also found by the words the text uses ("Касым-Жомартом" for Tokayev).
        cluster.keys = cluster.keys | {_key(w, data) for w in (*words, *surface) if w not in data.name_particles}
        _profile(cluster, cand)
        by_candidate[index] = cluster

    known_names = {
        (c.words[0] if c.words else c.name): c.kind for c in candidates if c.kind in ("place", "organisation")
    }
    # Case forms: "Жители Диксона" after "посёлка Диксон" (one-word names compared by stem).
    known_keys = {
        _key(c.words[0], data): c.kind for c in candidates if c.kind in ("place", "organisation") and len(c.words) == 1
    }
    resolved: list[Resolved] = []
    for index, cand in enumerate(candidates):
        cluster = by_candidate.get(index)
        if cluster is not None:
            resolved.append(Resolved(cand.start, cand.end, "person", cluster.name))
            continue
        if cand.kind in (None, "person") and len(cand.words) == 1:
            word = norm(index, cand.words[0])
            cluster = _find_single(clusters, word, cand.start, data)
            if cluster is not None:
                _profile(cluster, cand)
                start = _particle_start(analysis.tokens, cand.first_tok, data) if cand.start == analysis.tokens[
                    cand.first_tok].start else cand.start
                resolved.append(Resolved(start, cand.end, "person", cluster.name))
                continue
            if cand.kind is None:
                kind = known_names.get(cand.words[0])
                name = cand.words[0]
                if kind is None and data.russian:
                    kind = known_keys.get(_key(word, data))
                    name = next((c.name for c in candidates if c.kind == kind and len(c.words) == 1
                                 and _key(c.words[0], data) == _key(word, data)), name)
                if kind is not None:
                    resolved.append(Resolved(cand.start, cand.end, kind, name))
                continue
            cluster = Cluster(word, (word,), frozenset({_key(word, data)}), cand.start)
            clusters.append(cluster)
            _profile(cluster, cand)
            resolved.append(Resolved(cand.start, cand.end, "person", word))
            continue
        if cand.kind is None:
            continue
        if cand.kind == "place" and cand.evidence == "known" and len(cand.words) == 1 and _surname_not_place(
            analysis.tokens, cand, data
        ):
            cluster = _find_single(clusters, cand.words[0], cand.start, data) or _find_single(
                clusters, analysis.tokens[cand.first_tok].text, cand.start, data
            )
            if cluster is not None and len(cluster.words) >= 2:
                resolved.append(Resolved(cand.start, cand.end, "person", cluster.name))
                continue
        name = cand.name
        written = analysis.tokens[cand.first_tok].text
        if cand.last_tok - cand.first_tok == 1 and written in acronyms:
            kind, name = acronyms[written]
            resolved.append(Resolved(cand.start, cand.end, kind, name))
            continue
        resolved.append(Resolved(cand.start, cand.end, cand.kind, name))
    _longer_names(resolved)
    if data.russian:
        _one_form_per_name(resolved)
    return resolved, clusters


def _surname_not_place(tokens: Sequence[Token], cand: Candidate, data: LanguageData) -> bool:
    """A small town's name that is also the surname of someone the article names ("Иванова наградили"
    after "Пётр Иванов"): with no preposition of place before it, the person is meant."""
    if cand.known is None or cand.known.code.startswith("cldr:") or cand.known.population >= 1_000_000:
        return False
    k = cand.first_tok - 1
    return k < 0 or not tokens[k].word or (
        tokens[k].low not in data.locative_prepositions and tokens[k].low not in _PLACE_PREPOSITIONS
    )


_PLACE_PREPOSITIONS = frozenset({"из", "до", "от", "к", "через", "près", "from", "to", "at", "near", "à", "de", "aus",
                                 "nach", "bei", "von"})


def _particle_start(tokens: Sequence[Token], first: int, data: LanguageData) -> int:
    """"Von Allmen", "Van der Berg", "De Vaucelles" opening a sentence: the surname alone was found, but
    its capitalised particle belongs to the mention."""
    k = first
    if k >= 2 and tokens[k - 1].text in data.name_particles and tokens[k - 1].end + 1 >= tokens[k].start:
        k -= 1  # "der" of "Van der"
    previous = tokens[k - 1] if k >= 1 else None
    if previous is not None and previous.cap and previous.low in data.name_particles and (
        previous.end + 1 >= tokens[k].start
    ):
        return previous.start
    return tokens[first].start


def _one_form_per_name(resolved: list[Resolved]) -> None:
    """«Известия», «Известий»: one-word organisation names of one stem take the commonest form."""
    forms: dict[str, Counter[str]] = {}
    single = [r for r in resolved if r.kind == "organisation" and " " not in r.name]
    for item in single:
        forms.setdefault(entity_inflection.stem(item.name), Counter())[item.name] += 1
    for item in single:
        counter = forms[entity_inflection.stem(item.name)]
        if len(counter) > 1:
            item.name = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0][-1:] not in "аяы", kv[0]))[0][0]


def _longer_names(resolved: list[Resolved]) -> None:
    """"l’Autorité portuaire" after (or before) "l’Autorité portuaire d’Aktaou": the full name, if one."""
    organisations = {r.name for r in resolved if r.kind == "organisation"}
    for item in resolved:
        if item.kind != "organisation" or " " not in item.name:
            continue
        longer = [n for n in organisations if n != item.name and n.startswith(item.name + " ")]
        if len(longer) == 1:
            item.name = longer[0]


def _key(word: str, data: LanguageData) -> str:
    return _word_key(word, data.russian, data.genitive_s)


@lru_cache(maxsize=65536)
def _word_key(word: str, russian: bool, genitive_s: bool) -> str:
    folded = fold(word)
    if russian and entity_inflection.is_cyrillic_word(folded):
        return entity_inflection.stem(folded)
    return folded  # a German genitive ("Putins") is matched by trying both forms in _find_single


def _find_full(clusters: list[Cluster], words: tuple[str, ...], data: LanguageData) -> Cluster | None:
    """An earlier full name with the same last name and a compatible first name (or initial)."""
    last = _key(words[-1], data)
    first = _key(words[0].rstrip("."), data)  # an initial ("И.") matches the first name it abbreviates
    for cluster in reversed(clusters):
        if len(cluster.words) < 2 or _key(cluster.words[-1], data) != last:
            continue
        other = _key(cluster.words[0], data)
        if other == first or (len(first) == 1 and other.startswith(first)) or (
            len(other) == 1 and first.startswith(other)
        ):
            return cluster
    return None


def _find_single(clusters: list[Cluster], word: str, position: int, data: LanguageData) -> Cluster | None:
    """The cluster a lone name refers to: the nearest before it, else the first after it."""
    keys = {_key(word, data)}
    if data.genitive_s and word.endswith("s"):
        keys.add(_key(word[:-1], data))
    matching = [c for c in clusters if c.keys & keys]
    if not matching:
        return None
    # A surname names its cluster better than a first name does: prefer clusters ending with the word.
    by_last = [c for c in matching if _key(c.words[-1], data) in keys]
    pool = by_last or matching
    before = [c for c in pool if c.first <= position]
    if before:
        return max(before, key=lambda c: c.first)
    return min(pool, key=lambda c: c.first)


def _profile(cluster: Cluster, cand: Candidate) -> None:
    if cand.role:
        cluster.roles.add(cand.role)
    if cand.country:
        cluster.countries.add(cand.country)


def _defined_acronyms(analysis: Analysis) -> dict[str, tuple[EntityKind, str]]:
    """"Collectif Rhin Vivant (CRV)", "Organisation des Nations unies (ONU)": an acronym in brackets after an
    organisation's name, or one that spells the name just before it, stands for that name everywhere in the
    article; a name so defined that the rules took for a person (or left unclassified) is an organisation."""
    candidates, tokens = analysis.candidates, analysis.tokens
    found: dict[str, tuple[EntityKind, str]] = {}
    by_end: dict[int, Candidate] = {}
    for c in candidates:  # the longest name ending there ("комиссия по охране Рейна", not "Рейна")
        if c.last_tok not in by_end or c.first_tok < by_end[c.last_tok].first_tok:
            by_end[c.last_tok] = c
    for cand in candidates:
        acronym = tokens[cand.first_tok].text  # as written: a known acronym's name may be spelled out
        if cand.last_tok - cand.first_tok != 1 or not acronym.isupper() or not entity_shapes.bracketed(
            tokens, cand.first_tok
        ):
            continue
        previous = by_end.get(cand.first_tok - 1)
        if previous is None or previous.evidence in ("honorific", "role", "curated") or cand.evidence == "curated":
            continue
        # After an organisation's name, an acronym in brackets is its acronym even when it spells another
        # language's name ("Autorité norvégienne d’enquête (NSIA)").
        if not (entity_shapes.acronym_fits(acronym, previous.name) or previous.kind == "organisation"):
            continue
        if previous.kind in (None, "person"):
            previous.kind = "organisation"
        kind: EntityKind = previous.kind or "organisation"
        found.setdefault(acronym, (kind, previous.name))
        cand.kind = kind
    return found


# -- descriptions ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Description:
    start: int  # character span of the description (without its determiner)
    end: int
    role: str
    country: str | None
    next_token: int  # index of the token after it


def parse_description(rec: Recogniser, k: int) -> Description | None:
    """A role noun with a nationality ("dirigeant kazakh", "Kazakh leader", "казахстанский лидер") or a
    country ("président du Kazakhstan", "президент Казахстана") starting at token k (after any determiner)."""
    tokens, data = rec.tokens, rec.data
    n = len(tokens)
    while k < n and tokens[k].key in data.determiners:
        k += 1
    if k >= n:
        return None
    start = k
    country: str | None = None
    # Nationality before the noun (en, de, ru): "the Kazakh leader".
    while k < n and tokens[k].word and data.demonym(tokens[k].text):
        country = country or data.demonym(tokens[k].text)
        k += 1
    end_role = rec.role_at(k) if k < n else None
    if end_role is None:
        return None
    role = data.roles.get(tuple(t.key for t in tokens[k:end_role]))
    if role is None:
        return None
    k = end_role
    if k < n and tokens[k].word and not tokens[k].cap and data.demonym(tokens[k].text):
        country = country or data.demonym(tokens[k].text)  # French order: "le dirigeant kazakh"
        k += 1
    elif country is None:
        after = k
        for phrase in data.of_words:
            if all(after + m < n and tokens[after + m].key == phrase[m] for m in range(len(phrase))):
                after += len(phrase)
                break
        found = rec.known_starting_at(after)
        if found is not None and found[1].kind == "place" and found[1].code.startswith("cldr:"):
            country = found[1].code[5:]
            k = after + found[0]
    return Description(tokens[start].start, tokens[k - 1].end, role, country, k)


def compatible(description_role: str, roles: set[str]) -> bool:
    if description_role in roles:
        return True
    if description_role == "leader":
        return bool(roles & _LEADERS)
    return "leader" in roles and description_role in _LEADERS


def match_description(description: Description, clusters: Sequence[Cluster], position: int) -> Cluster | None:
    """The one person the description fits (role and country), preferring those named before it."""
    fits = [
        c for c in clusters
        if compatible(description.role, c.roles) and (description.country is None or description.country in c.countries)
    ]
    before = [c for c in fits if c.first < position]
    pool = before or fits
    return pool[0] if len(pool) == 1 else None


def descriptions(analysis: Analysis, rec: Recogniser, clusters: list[Cluster]) -> list[Resolved]:
    """Stand-alone descriptions with a nationality that fit exactly one person named in the article."""
    tokens, data = analysis.tokens, rec.data
    if not clusters or (not data.determiners and not data.russian):
        return []
    covered = _covered(analysis.candidates)
    person_starts = {c.first_tok for c in analysis.candidates if c.kind in ("person", None)}
    out: list[Resolved] = []
    k = 0
    n = len(tokens)
    while k < n:
        token = tokens[k]
        if not token.word or k in covered or (data.determiners and token.key not in data.determiners):
            k += 1
            continue
        nxt = tokens[k + 1] if data.determiners and k + 1 < n else token
        if nxt.key not in data.role_firsts and not data.demonym(nxt.text):
            k += 1
            continue
        description = parse_description(rec, k + 1 if data.determiners else k)
        if description is None or description.country is None:
            k += 1
            continue
        after = description.next_token
        if after < n and tokens[after].text == ",":
            after += 1
        if after in person_starts or any(i in covered for i in range(k, description.next_token)):
            k = description.next_token  # an introduction ("le dirigeant russe Vladimir Poutine")
            continue
        cluster = match_description(description, clusters, description.start)
        if cluster is not None:
            out.append(Resolved(description.start, description.end, "person", cluster.name, descriptor=True))
        k = description.next_token
    return out


def _covered(candidates: Sequence[Candidate]) -> set[int]:
    return {i for c in candidates for i in range(c.first_tok, c.last_tok)}


def tokens_at(tokens: Sequence[Token], position: int) -> int:
    """Index of the first token starting at or after a character offset."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < position:
            lo = mid + 1
        else:
            hi = mid
    return lo
