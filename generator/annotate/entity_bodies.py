"""Organisations and places in a capitalised run: the rules that name them, as a mixin of the recogniser.

- An organisation or place word in the run decides the kind ("Rossiïskaïa Gazeta", "Caspian Sea"); a
  lone such word is the common noun ("Agence", "Regierung"), not a name.
- French names go on in lower case after their first word ("Autorité portuaire d’Aktaou"), Russian ones
  through adjectives and a genitive ("Министерство иностранных дел Индии"), brought to the nominative.
- A kind of place heading the run ("Republic of Dagestan"), compass words before a known place
  ("Southern Urals"), a known place opening a run that goes on with a person's name ("в Алматы Дана
  Омарова"), names in quotation marks where the language marks organisations so («Известия»).
- A lone word coordinated with a place is a place ("les ports d’Aktau et de Kouryk"); one between a role
  and a person's name is the body the role belongs to ("руководитель Росводресурсов Ирина Саблина").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from generator.annotate import entity_inflection, entity_shapes
from generator.annotate.entity_resources import LanguageData
from generator.model import EntityKind

if TYPE_CHECKING:
    from generator.annotate.entity_rules import Candidate

_CONJUNCTIONS = frozenset({"et", "and", "и", "und", "ou", "or", "или", "oder", "ni", "nor"})
QUOTE_OPEN = frozenset("«“„‹\"")
_QUOTE_CLOSE = frozenset("»”“›\"")


def _adjective_agreeing(adjective: str, noun: str, data: LanguageData) -> str:
    """"Западного" + "Казахстан" -> "Западный": the adjective in the nominative, agreeing with the noun."""
    if not entity_inflection.is_adjective(adjective):
        return adjective
    return _nominative((adjective, noun), data)[0]



@lru_cache(maxsize=16)
def nouns_tuple(nouns: frozenset[str]) -> tuple[str, ...]:
    return tuple(n for n in nouns if len(n) >= 5)


def _nominative(words: tuple[str, ...], data: LanguageData) -> tuple[str, ...]:
    return entity_inflection.phrase_nominative(words, data.name_nouns, data.stressed_adjective_stems)


class Bodies:
    """Needs the recogniser's tokens, data, gazetteer, output and cue helpers (entity_rules, entity_cues)."""

    out: list[Candidate]
    titles: set[tuple[str, ...]]
    mid_caps: frozenset[str]
    lower_words: frozenset[str]

    def _quoted_names(self, taken: dict[int, int]) -> dict[int, int]:
        """«Известия», « Rossiïskaïa Gazeta » after a newspaper noun: short capitalised names in quotes.
        A title-case phrase in quotes otherwise (a ship after a vessel noun, a report) is no entity."""
        tokens, data = self.tokens, self.data
        found: dict[int, int] = {}
        for q, token in enumerate(tokens):
            if token.text not in QUOTE_OPEN or q + 1 >= len(tokens):
                continue
            start = q + 1
            if tokens[start].word and tokens[start].low.endswith(("’", "'")) and start + 1 < len(tokens):
                start += 1  # « L’Écho rhénan »: an elided article opens the name
            if not tokens[start].cap:
                continue
            vessel = q > 0 and self.is_vessel(q - 1)
            title = entity_shapes.quoted_title(tokens, q, data.name_particles, data.function_words)
            if title > 0 and any(k in taken for k in range(q + 1, title)):
                continue
            org_before = q > 0 and tokens[q - 1].word and self.is_org_word(q - 1)
            if title > 0 and (vessel or not (org_before or data.quoted_names)) and self.known_at(q + 1, title) is None:
                self.titles.add(tuple(t.text for t in tokens[q + 1 : title] if t.word))
                found[q + 1] = title  # a ship's or a work's title: no entity
                continue
            close = next((k for k in range(start, min(start + 5, len(tokens))) if not tokens[k].word), None)
            if close is None or tokens[close].text not in _QUOTE_CLOSE or close == start:
                continue
            first = tokens[q + 1]
            if any(k in taken for k in range(q + 1, close)) or first.low in data.function_words:
                continue
            if not (data.quoted_names or org_before):
                continue
            if first.sent and first.low in data.stopwords:
                continue
            if not org_before and self._spoken(q, close):
                continue  # «Лифт не работает», — рассказал …: words someone said, not a name
            if start > q + 1:
                self._emit_name(q + 1, close, "organisation", "quoted")
                found[q + 1] = close
                continue
            words = tuple(t.text for t in tokens[q + 1 : close])
            if data.russian:
                words = _nominative(words, data)
            self._emit(q + 1, close, "organisation", words, "quoted")
            found[q + 1] = close
        return found

    def _spoken(self, q: int, close: int) -> bool:
        """The quotation opening at token q is introduced by a colon or followed by the dash of an attribution."""
        tokens = self.tokens
        if q > 0 and tokens[q - 1].text == ":":
            return True
        after = [t.text for t in tokens[close + 1 : close + 3]]
        return bool(after) and (after[0] in "—–" or (after[0] in ",.!?" and len(after) > 1 and after[1] in "—–"))

    def is_vessel(self, k: int) -> bool:
        """A vessel noun before a name: "the trawler", "le navire", "траулера", "Versorgungsschiffs"."""
        token = self.tokens[k]
        if not token.word:
            return False
        nouns = self.data.vessel_nouns
        return token.key in nouns or (self.data.capitalised_nouns and token.low.endswith(nouns_tuple(nouns)))

    def _lowercase_start(self, i: int, taken: dict[int, int]) -> int:
        """Names that start in lower case: "mer Caspienne", "ministère kazakh des Affaires étrangères"."""
        token = self.tokens[i]
        if token.text in self.gaz.longest:
            found = self.gaz.match(self.words, i)
            if found and found[0] > 1 and not any(k in taken for k in range(i, i + found[0])):
                length, known = found
                self._emit(i, i + length, known.kind, (known.name,), "known", known=known)
                return i + length
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if self.data.russian and nxt is not None and nxt.cap and self.is_org_word(i):
            end = self._russian_region_after(i + 1, taken)
            if end:
                words = _nominative((token.text,), self.data) + self._surface_words(i + 1, end)
                self._emit(i, end, "organisation", words, "org-word")
                return end
        if nxt is not None and not self.data.russian and not self.data.org_tail_endings and self.is_org_word(i):
            end = self._english_body(i)
            if end:
                return end
        phrase_end = self._body_phrase(i)
        if phrase_end and phrase_end < len(self.tokens) and not self.tokens[phrase_end].cap:
            end = self.org_tail(phrase_end)
            if any(self.tokens[k].cap for k in range(phrase_end, end)):
                self._emit_name(i, end, "organisation", "org-word")  # "station de recherche de Roscoff"
                return end
        # "ministère kazakh des Affaires étrangères": the head is part of the name when a complement
        # follows; directly before a capital it is a noun in apposition ("la compagnie Caspian Bulk Lines").
        if self.is_org_word(i) and token.key not in self.data.place_nouns and nxt is not None and not nxt.cap:
            end = self.org_tail(i + 1)
            caps = [k for k in range(i + 1, end) if self.tokens[k].cap]
            # "tribunal administratif de Lyon", "cour d’appel de Douai": a word between the head and the place
            # makes a body of that place, not a mere direction ("en direction de la Chine").
            qualified = self.is_tail_adjective(nxt) or (
                nxt.low.endswith(("’", "'")) and i + 2 < len(self.tokens) and not self.tokens[i + 2].cap
            )
            if caps and (qualified or not self._only_known_place(caps[0], end)):
                self._emit_name(i, end, "organisation", "org-word")
                return end
            end = self._lowercase_body(i) if not caps else 0
            if end:
                self._emit_name(i, end, "organisation", "org-word")
                return end
        return i + 1

    def _only_known_place(self, i: int, j: int) -> bool:
        """"en direction de la Chine": the capitalised part is just a known place."""
        while j > i and not self.tokens[j - 1].cap:
            j -= 1
        known = self.known_at(i, j)
        return known is not None and known.kind == "place"

    # -- runs -----------------------------------------------------------------------------------------

    def _russian_sentence_start(self, i: int, j: int) -> bool:
        """"Обмеление Каспийского моря": a common noun opening a sentence before a name's first word."""
        first = self.tokens[i]
        if j - i < 2 or not first.sent or first.text in self.mid_caps:
            return False
        common = first.low.endswith(entity_inflection.COMMON_NOUN_ENDINGS)
        if not common and (not entity_inflection.is_adjective(first.text) or self.first_name_at(i)):
            return False
        self._classify_run(i + 1, j)
        return True

    def _regional(self, i: int, j: int) -> bool:
        """"Southern Urals", "West Kazakhstan", "Kazakhstan-Occidental": a compass word and a known place."""
        tokens, data = self.tokens, self.data
        if j - i == 1 and "-" in tokens[i].text:
            parts = tokens[i].text.split("-")
            if len(parts) == 2 and any(data.key(p) in data.compass_words for p in parts):
                other = parts[1] if data.key(parts[0]) in data.compass_words else parts[0]
                if self.gaz.entries.get((other,)) is not None:
                    self._emit_name(i, j, "place", "place-word")
                    return True
            return False
        k = i
        while k < j - 1 and tokens[k].key in data.compass_words:
            k += 1
        if k == i:
            return False
        known = self.known_at(k, j)
        if known is None or known.kind != "place":
            return False
        if data.russian:
            adjectives = tuple(_adjective_agreeing(t.text, known.name, data) for t in tokens[i:k])
            self._emit(i, j, "place", (*adjectives, known.name), "place-word")
            return True
        self._emit_name(i, j, "place", "place-word")
        return True

    def _known_prefix(self, i: int, j: int) -> bool:
        """"в Алматы Дана Омарова": a country or a large city, then a person's name, in one run."""
        after_locative = i > 0 and self.tokens[i - 1].low in self.data.locative_prepositions
        if j - i < (2 if after_locative else 3):
            return False
        if any(self.is_org_word(k) or self.is_place_word(k) for k in range(i, j)) or self._common_noun_last(j - 1):
            return False  # "Yenisei Basin Water Administration": the place is part of a body's name
        found = self.known_starting_at(i)
        if found is None or i + found[0] > j - 2:
            return False
        length, known = found
        after_locative = i > 0 and self.tokens[i - 1].low in self.data.locative_prepositions
        big = known.code.startswith("cldr:") or known.population >= 1_000_000
        if not (big or after_locative) or known.kind != "place":
            return False
        self._emit(i, i + length, "place", (known.name,), "known", known=known)
        self._classify_run(i + length, j)
        return True

    def _headed_place(self, i: int, j: int) -> bool:
        """"Republic of Dagestan", "Stadt Uralsk", "Skigebiet Gudauri": a kind of place (or, where nouns are
        capitalised, a compound ending in one) heading the name, left out of it."""
        key, data = self.tokens[i].key, self.data
        compound = bool(data.place_compound_tails) and key.endswith(data.place_compound_tails)
        if (key not in data.place_nouns and not compound) or j - i < 2:
            return False
        k = self.particle_at(i + 1) or i + 1
        if k >= j:
            return False
        known = self.known_at(k, j)
        words = (known.name,) if known else self._surface_words(k, j)
        self._emit(i, j, "place", words, "place-word", known=known)
        return True

    def _org_or_place(self, i: int, j: int) -> None:
        tokens = self.tokens
        start = i
        while i < j and (self.role_at(i) or tokens[i].text in self.data.honorifics):
            i = self.role_at(i) or i + 1
        if i >= j:
            return
        if i > start and not any(self.is_org_word(k) or self.is_place_word(k) for k in range(i, j)):
            self._segments(start, j)  # the organisation word was part of a title ("Глава МИД …")
            return
        data = self.data
        proper = [
            k for k in range(i, j)
            if tokens[k].word and tokens[k].text not in data.name_particles
            and not any(tokens[k].key == p[-1] for p in data.particles)
            and (not (self.is_org_word(k) or self.is_place_word(k))
                 or ("-" in tokens[k].key and not all(p in data.org_words for p in tokens[k].key.split("-"))))
        ]
        org = any(self.is_org_word(k) for k in range(i, j))
        if org and self._org_then_person(i, j):
            return
        if org and data.capitalised_nouns and j - i >= 2:
            i = self._german_apposition(i, j)
        end = self.org_tail(j) if org else j
        if not proper and end == j and j - i == 1 and "-" not in tokens[i].text and not self._defined(i) and (
            not tokens[i].upper or (j < len(tokens) and tokens[j].text in QUOTE_OPEN)
        ):
            return  # "Agence", "Parlement", "Regierung" alone: the common noun, not a name
        if org and i > 0 and tokens[i - 1].cap and not tokens[i - 1].sent and tokens[i - 1].low in data.determiners:
            i -= 1  # "The Caspian Ledger": the article belongs to a title mid-sentence
        kind: EntityKind = "organisation" if org else "place"
        if data.russian and entity_inflection.is_cyrillic_word(tokens[i].text):
            m = i  # "Российской Федерации": adjectives agree with the noun they go with
            while m + 1 < end and entity_inflection.is_adjective(tokens[m].text) and tokens[m + 1].word:
                m += 1
            words = _nominative(self._surface_words(i, m + 1), data) + self._surface_words(m + 1, end)
            self._emit(i, end, kind, words, "org-word" if org else "place-word")
            return
        self._emit_name(i, end, kind, "org-word" if org else "place-word")

    def _german_apposition(self, i: int, j: int) -> int:
        """"Nachrichtenagentur Reuters", "Umweltorganisation Arctic Shipping Watch", "Hamburger Reederei
        Nordsee Linien": a common noun (with a place adjective) in apposition before the name; returns
        where the name starts. "Deutsche Bank", "Basler Zeitung" are names: their first word is no noun."""
        tokens = self.tokens
        k = i
        if k + 2 < j and self._place_adjective(k) and self.is_org_word(k + 1):
            k += 1
        if not self.is_org_word(k) or not tokens[k + 1].cap or tokens[k].key in self.data.name_heads:
            return i
        rest = range(k + 1, j)
        known = self.known_at(k + 1, j)
        if known is not None and known.kind == "place":
            return i  # "Verwaltungsgericht Strassburg", "Universität Wien": a body of that place
        # The name stands alone when it is one word, carries its own organisation word, or is not German
        # ("Bauunternehmen Bâtir Méditerranée"); "Bürgerinitiative Sauberer Oberrhein" is one name.
        if j - k == 2 or known is not None or any(self.is_org_word(m) for m in rest):
            return k + 1
        if not tokens[k + 1].low.endswith(self.data.adjective_endings):
            return k + 1
        return i

    def _place_compound(self, i: int) -> bool:
        """"Oslo-based", "Paris-born": a place joined to a lower-case participle; emits the place."""
        token = self.tokens[i]
        head, _, tail = token.text.rpartition("-")
        if not head or tail not in self.data.place_compounds or not head[:1].isupper():
            return False
        known = self.gaz.entries.get((head,))
        name = known.name if known is not None else head
        self._emit(i, i + 1, "place", (name,), "place-word", known=known)
        self.out[-1].end = token.start + len(head)
        self.bodies.pop(i, None)
        return True

    def _name_shaped(self, i: int, j: int, known_first: bool = False) -> bool:
        """Where every noun is capitalised, a person's name still shows: a listed first name, a particle
        between capitalised words ("Anna von Berg", "Jan van der Berg") or a hyphenated first name then a
        surname ("Hans-Peter Roth"), with no organisation or place word."""
        tokens, data = self.tokens, self.data
        if sum(tokens[k].text not in data.name_particles for k in range(i, j)) > 4 or any(
            self.is_org_word(k) or self.is_place_word(k) or tokens[k].upper for k in range(i, j)
        ):
            return False
        if known_first or self.first_name_at(i):
            return True  # "Joaquim Pedro Barreiro sagte …"; or after a title ("Skifahrer Nurlan Abenow")
        inner = [k for k in range(i + 1, j - 1) if tokens[k].text in data.name_particles]
        if inner and tokens[j - 1].cap:
            # "Anna von Berg"; but after an article a noun comes first ("der Anteil von Halbrecht")
            return not (i > 0 and tokens[i - 1].low in data.determiners) and not self._plain_noun(i)
        first = tokens[i].text.split("-")
        return j - i == 2 and len(first) == 2 and all(p[:1].isupper() and len(p) > 1 for p in first)

    def _defined(self, i: int) -> bool:
        """"Umweltbundesamt (UBA)": a lone compound noun that an acronym in brackets defines is a name."""
        tokens = self.tokens
        return entity_shapes.bracketed(tokens, i + 2) and tokens[i + 2].upper and entity_shapes.spells(
            tokens[i + 2].text, tokens[i].text
        )

    def _place_adjective(self, k: int) -> bool:
        """German "Tromsøer", "Kieler": a place name with -er, an adjective that is no part of a name."""
        text = self.tokens[k].text
        if not text.endswith("er") or len(text) < 5:
            return False
        stem = text[:-2]
        return any(self.gaz.entries.get((form,)) is not None or form in self.mid_caps for form in (stem, stem + "e"))

    def _org_then_person(self, i: int, j: int) -> bool:
        """"МИД России Сергей Лавров": an organisation, its country, then a person, in one capitalised run."""
        tokens = self.tokens
        last_org = max(k for k in range(i, j) if self.is_org_word(k))
        k = last_org + 1
        while k < j:
            found = self.known_starting_at(k)
            if found is None or found[1].kind != "place" or k + found[0] > j:
                break
            k += found[0]
        if k == last_org + 1 and not tokens[last_org].upper:
            return False  # without a country between them the run is one name ("Berlin Institute for …")
        if j - k < 2 or not tokens[k].cap or any(
            self.is_org_word(m) or self.is_place_word(m) or tokens[m].upper for m in range(k, j)
        ):
            return False
        self._org_or_place(i, k)
        self._segment(k, j, None, None, None, None)
        return True

    def _russian_org(self, i: int, j: int) -> bool:
        """"Берлинский институт евразийских исследований", "Зерновой союз Казахстана", "Атырауская
        область": a capitalised adjective, adjectives, then an organisation noun or a kind of place in
        lower case, and a genitive complement; names are brought back to the nominative."""
        tokens, data = self.tokens, self.data
        first = tokens[i]
        if j - i != 1 or not entity_inflection.is_adjective(first.text):
            return False
        nxt = j if j < len(tokens) else i
        if first.sent and first.text not in self.mid_caps and not (
            self.is_org_word(nxt) or tokens[nxt].key in data.place_nouns or self.is_place_word(nxt)
            or self._place_adjective_ru(i)
        ):
            return False
        k = j
        coordinated: list[int] = []  # "Западно-Казахстанской и Атырауской областей"
        while k < len(tokens) and k < j + 4 and tokens[k].word and not tokens[k].cap:
            org = self.is_org_word(k)
            place = not org and (tokens[k].key in data.place_nouns or self.is_place_word(k))
            if org or place:
                end = self.org_tail(k + 1) if org else k + 1
                kind: EntityKind = "organisation" if org else "place"
                noun = tokens[k].text
                for other in coordinated:
                    name = _nominative((tokens[other].text, noun), data)
                    self._emit(other, other + 1, kind, name, "org-word")
                head = _nominative(self._surface_words(i, k + 1), data)
                self._emit(i, end, kind, head + self._surface_words(k + 1, end), "org-word")
                return True
            if tokens[k].low == "и" and k + 1 < len(tokens) and tokens[k + 1].cap and k == j and (
                entity_inflection.is_adjective(tokens[k + 1].text)
            ):
                coordinated.append(i)
                i = k + 1
                k += 2
                continue
            if not entity_inflection.is_adjective(tokens[k].text):
                return False
            k += 1
        return False

    def _place_adjective_ru(self, i: int) -> bool:
        """"Российский", "Мурманский": an adjective made from a country or a place (a nationality, or a known
        place's name with -ский) is a name's first word even where a sentence starts with it."""
        text = self.tokens[i].text
        if self.data.demonym(text):
            return True
        stem_ = text[:-2] if text.lower().endswith(("ий", "ый", "ой", "ая", "ое", "ой", "ого", "ому")) else ""
        stem_ = stem_[:-1] if text.lower().endswith(("ого", "ому")) else stem_
        return stem_.lower().endswith("ск") and self.gaz.entries.get((stem_,)) is not None

    def _coordinated_place(self, i: int) -> bool:
        """"les ports d’Aktau et de Kouryk", "at Makhachkala and Olya": coordinated with a place."""
        tokens, data = self.tokens, self.data
        k = i - 1
        if k >= 0 and tokens[k].low not in _CONJUNCTIONS and not tokens[k].cap and (
            any(tokens[k].key == p[-1] for p in data.particles) or tokens[k].low.endswith("’")
        ):
            k -= 1  # "et de Kouryk", "et d’Olia"
        if k < 1 or tokens[k].low not in _CONJUNCTIONS:
            return False
        previous = self.out[-1] if self.out else None
        return previous is not None and previous.kind == "place" and previous.last_tok in (k, k - 1)

    def _between_role_and_name(self, i: int) -> bool:
        """"руководитель Росводресурсов Ирина Саблина": the body a role belongs to, before the name."""
        tokens = self.tokens
        k = i - 1
        if k >= 0 and not tokens[k].cap and any(tokens[k].key == p[-1] for p in self.data.of_words):
            k -= 1
        if k < 0 or tokens[k].cap or self.role_ending_at(k) is None:
            return False
        after = i + 1
        if after < len(tokens) and tokens[after].text == ",":
            after += 1
        return after + 1 < len(tokens) and tokens[after].cap and tokens[after + 1].cap and not tokens[after].sent

    # -- output ---------------------------------------------------------------------------------------
