"""Cues around a name that tell what it is: roles, kinds of place, organisation words and their tails.

A mixin of `entity_rules.Recogniser` (it needs its tokens, data and gazetteer); the resolution of
descriptions (`coreference.py`) uses the same helpers on a text's tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from generator.annotate import entity_inflection
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_tokens import Token
from generator.annotate.gazetteer import Gazetteer, Known

MAX_TAIL = 8
_GENITIVE_ADJECTIVE = ("ого", "его", "ой", "ых", "их")
# German compound heads shorter than four letters that still make the compound a body ("Bundesamt").
_SHORT_HEADS = frozenset({"amt"})


class Cues:
    text: str
    tokens: list[Token]
    words: list[str]
    data: LanguageData
    gaz: Gazetteer
    bodies: dict[int, Any]  # last token of each place or organisation found so far -> its candidate
    _plural_role: Any  # from entity_segments.Segments

    # -- roles ----------------------------------------------------------------------------------------

    def role_at(self, k: int) -> int | None:
        """End of a role phrase starting at token k, or None."""
        if k >= len(self.tokens):
            return None
        key = self.tokens[k].key
        phrases = self.data.role_firsts.get(key)
        if not phrases:
            if self.data.capitalised_nouns and self.tokens[k].cap and self._compound_role(key):
                return k + 1
            if "-" in key and (self.data.key(key.rpartition("-")[2]),) in self.data.roles:
                return k + 1  # "вице-министр", "ex-minister", "Vize-Kanzlerin": a prefixed role
            return None
        tokens = self.tokens
        for phrase in phrases:
            end = k + len(phrase)
            if end <= len(tokens) and all(tokens[k + m].key == phrase[m] for m in range(1, len(phrase))):
                return end
        return None

    def _compound_role(self, key: str) -> bool:
        return _compound_role(self.data, key)

    def role_ending_at(self, k: int) -> tuple[str, ...] | None:
        """The role phrase that ends at token k (inclusive), as its keys."""
        if self.tokens[k].key not in self.data.role_lasts:
            if self.data.capitalised_nouns and self.tokens[k].cap and self._compound_role(self.tokens[k].key):
                return (self.tokens[k].key,)
            return None
        for length in range(1, 6):
            start = k - length + 1
            if start < 0:
                break
            if self.role_at(start) == k + 1:
                return tuple(t.key for t in self.tokens[start : k + 1])
        return None

    def context_role(
        self, i: int, j: int, role: str | None, country: str | None
    ) -> tuple[str | None, str | None, str | None]:
        """A role noun before the name ("le président chinois Xi Jinping", "le président du Kazakhstan,
        Kassym-Jomart Tokaïev", "президент Казахстана Касым-Жомарт Токаев") or in apposition after it
        ("Dauren Ospanov-Kaliyev, chairman of …"): (role class, country, "role") or no evidence."""
        tokens, data = self.tokens, self.data
        k = i - 1
        steps = 0
        seen_body = False  # a country or organisation the role belongs to ("président du Kazakhstan")
        emitted = self.bodies
        while k >= 0 and steps < 8:
            token = tokens[k]
            ends = self.role_ending_at(k)
            if ends is not None and not (data.russian and len(ends) == 1 and self._plural_role(k, k + 1)):
                return data.roles.get(ends), country, "role"
            if ends is not None:
                break
            if k in emitted:
                body = emitted[k]
                if body.kind == "place" and body.known is not None:
                    country = country or _iso(body.known)
                seen_body = True
                k = body.first_tok
            elif token.word and not token.cap and any(token.key == p[-1] for p in data.of_words):
                if not seen_body:
                    break  # "ministre des Ressources": the name is the portfolio, not the minister
            elif token.text == "," or token.key in data.determiners or (not token.word and token.text in "’'"):
                pass
            elif token.word and not token.cap and data.demonym(token.text):
                country = country or data.demonym(token.text)
            elif token.word and not token.cap and data.russian and (
                self.is_org_word(k) or token.key in data.place_nouns or entity_inflection.is_adjective(token.text)
            ):
                seen_body = True  # "директор центра Геннадий Орловский", "губернатора края Андрея Кузьмина"
            elif token.word and token.cap:
                found = self.known_ending_at(k)
                if found is None:
                    break
                if found[1].kind == "place":
                    country = country or _iso(found[1])
                seen_body = True
                k -= found[0] - 1
            else:
                break
            k -= 1
            steps += 1
        # Apposition after: ", chairman of …", ", its general director".
        if j < len(tokens) and tokens[j].text == ",":
            k = j + 1
            while k < len(tokens) and k < j + 4 and tokens[k].word and not tokens[k].cap:
                found_role = self.role_at(k)
                if found_role:
                    after = tokens[found_role] if found_role < len(tokens) else None
                    # "X, chairman of …", "X, porte-parole du Kremlin,": not "X, juge le seuil" (a verb).
                    plural = data.russian and tokens[found_role - 1].low.endswith(("ы", "и"))
                    if not plural and (after is None or not after.word or after.cap or data.demonym(after.text) or any(
                        after.key == p[0] for p in data.of_words
                    ) or data.russian):
                        return data.roles.get(tuple(t.key for t in tokens[k:found_role])), country, "role"
                    break
                if (
                    tokens[k].key not in data.determiners and not data.demonym(tokens[k].text)
                    and tokens[k].low not in data.function_words
                ):
                    break
                k += 1
        return role, country, None

    # -- known names ----------------------------------------------------------------------------------

    def known_starting_at(self, i: int) -> tuple[int, Known] | None:
        if i >= len(self.tokens) or self.words[i] not in self.gaz.longest:
            return None
        return self.gaz.match(self.words, i)

    def known_ending_at(self, k: int) -> tuple[int, Known] | None:
        """(length, entry) of a known name ending at token k."""
        for length in range(1, 5):
            start = k - length + 1
            if start < 0:
                break
            found = self.known_at(start, k + 1)
            if found is not None:
                return length, found
        return None

    def known_at(self, i: int, j: int) -> Known | None:
        if i >= j:
            return None
        words = tuple(self.words[i:j])
        found = self.gaz.entries.get(words)
        if found is None and all(self.tokens[k].upper for k in range(i, j) if self.tokens[k].word):
            found = self.gaz.entries.get(tuple(_title(w) for w in words))
            if found is not None and j - i == 1 and not found.code.startswith("cldr:") and not self._shouted(i):
                found = None  # "BISO", "UBA" mid-sentence are acronyms, not the towns Biso and Uba
        if found is None and self.data.genitive_s and words[-1].endswith("s") and len(words[-1]) > 3:
            found = self.gaz.entries.get((*words[:-1], words[-1][:-1]))  # German "Russlands", "Moskaus"
        if found is not None and j - i == 1 and not found.code.startswith("cldr:"):
            token = self.tokens[i]
            if self.data.demonym(token.text) or (token.sent and token.low in self.data.stopwords):
                return None  # "Kazakh" is also a town's name; "Sur" opens a French sentence
            if self.data.capitalised_nouns and found.code.startswith("geo:") and i > 0 and self._noun_before(i - 1):
                return None  # "sein Name", "im Hof", "kasachische Ware": a German town takes no article
        return found

    def _noun_before(self, k: int) -> bool:
        """Token k is an article or an attributive adjective, so a noun follows it."""
        token, data = self.tokens[k], self.data
        if token.low in data.determiners:
            return True
        return (
            token.word and not token.cap and len(token.low) > 3 and token.low.endswith(data.adjective_endings)
            and not token.low.endswith(("te", "ten"))  # "forderte Paris auf": a verb's past tense
            and not data.demonym(token.text)  # "im portugiesischen Entroncamento"
            and token.low not in data.function_words and token.low not in data.stopwords
        )

    def _shouted(self, i: int) -> bool:
        """A word in capitals that is a dateline ("TROMSØ (Reuters) –") or part of a line in capitals."""
        tokens = self.tokens
        if i == 0 or "\n" in self.text[tokens[i - 1].end : tokens[i].start]:
            return True
        near = [t for t in tokens[max(0, i - 3) : i + 4] if t.word and t is not tokens[i]]
        return bool(near) and all(t.upper for t in near)

    # -- organisations and places ---------------------------------------------------------------------

    def is_org_word(self, k: int) -> bool:
        key = self.tokens[k].key
        words = self.data.org_words
        if key in words or ("-" in key and any(part in words for part in key.split("-"))):
            return True
        return self.data.capitalised_nouns and self.tokens[k].cap and _compound_org(self.data, key)

    def is_place_word(self, k: int) -> bool:
        return self.tokens[k].key in self.data.place_words

    def particle_at(self, j: int) -> int | None:
        """Index after a connector phrase starting at j ("de la", "of the"), or None."""
        tokens = self.tokens
        for phrase in self.data.particles:
            end = j + len(phrase)
            if end <= len(tokens) and all(tokens[j + m].key == phrase[m] for m in range(len(phrase))):
                return end
        return None

    def is_tail_adjective(self, token: Token) -> bool:
        """A lower-case adjective that continues an institution name ("portuaire", "eurasiennes")."""
        data = self.data
        if not token.word or token.cap or token.low in data.function_words:
            return False
        if token.low in data.institution_adjectives or data.demonym(token.text):
            return True
        if data.russian:
            return entity_inflection.is_adjective(token.text)
        return bool(data.org_tail_endings) and token.low.endswith(data.org_tail_endings) and len(token.low) > 4

    def org_tail(self, j: int) -> int:
        """Extend an organisation name through lower-case adjectives and complements (French, Russian)."""
        data, tokens, n = self.data, self.tokens, len(self.tokens)
        if not (data.org_tail_endings or data.russian or data.institution_adjectives):
            return j
        limit = min(n, j + MAX_TAIL)
        end = j
        k = j
        while k < limit:
            token = tokens[k]
            if self.is_tail_adjective(token):
                k += 1
                end = k
                continue
            if data.russian and token.low == "по" and k + 1 < limit and self._plain_word(tokens[k + 1]) and (
                not tokens[k + 1].cap
            ):
                k += 2  # "комиссия по охране …", "агентство по атомной энергии": "по" and its noun
                while k < limit and self.is_tail_adjective(tokens[k - 1]) and self._plain_word(tokens[k]):
                    k += 1
                end = k
                continue
            after_adjective = k > j and self.is_tail_adjective(tokens[k - 1]) and self._plain_word(token)
            if data.russian and token.word and not token.cap and (self._genitive_noun(token) or after_adjective):
                k += 1  # "порта", "исследований"; "иностранных дел": a noun after its adjective
                end = k
                continue
            after = self.particle_at(k) if not data.russian else None
            if after is not None and after < limit:
                nxt = tokens[after]
                if nxt.cap:
                    k = after + 1
                    while k < limit and tokens[k].cap:
                        k += 1
                    end = k
                    continue
                if nxt.word and nxt.low not in data.function_words and len(nxt.low) > 2 and not (
                    nxt.low in data.months or nxt.low in data.weekdays  # "cour d’appel de Douai en mars"
                ):
                    k = after + 1
                    end = k
                    continue
            if data.russian and token.cap and k == end and token.start - tokens[k - 1].end <= 1:
                found = self.known_starting_at(k)
                if found is not None and found[1].kind == "place":
                    k += found[0]  # a genitive place: "Администрация порта Актау", "союз Казахстана"
                    end = k
                    continue
                region = self._genitive_region(k, limit)
                if region:
                    k = end = region  # "… Красноярского края", "… Северной Норвегии"
                    continue
            if data.russian and k == end:
                further = self._russian_tail_link(k, limit)
                if further:
                    k = end = further
                    continue
            break
        return end

    def _genitive_region(self, k: int, limit: int) -> int:
        """Capitalised adjectives, then a kind of place in the genitive or a known place: the region a
        Russian body belongs to ("Красноярского края", "Северной Норвегии"); the end, or 0."""
        tokens, data, start = self.tokens, self.data, k
        while k < limit and tokens[k].cap and tokens[k].low.endswith(_GENITIVE_ADJECTIVE):
            k += 1  # "Сергей" ends like an adjective too, but in no genitive
        if k == start or k >= limit:
            return 0
        if not tokens[k].cap and tokens[k].key in data.place_nouns and tokens[k].low not in data.name_nouns:
            return k + 1
        found = self.known_starting_at(k) if tokens[k].cap else None
        if found is not None and found[1].kind == "place":
            return k + found[0]
        if tokens[k].cap and not tokens[k].upper and tokens[k].low.endswith(("и", "ы", "а", "я")) and (
            k + 1 >= len(tokens) or not tokens[k + 1].cap
        ):
            return k + 1  # "Российской Федерации"
        return 0

    def _russian_tail_link(self, k: int, limit: int) -> int:
        """A Russian name goes on after "и" with another genitive noun ("природных ресурсов и экологии"), and
        after "на"/"в" with a kind of place and its name ("центр на архипелаге Шпицберген"); the end, or 0."""
        tokens, data = self.tokens, self.data
        token = tokens[k]
        if token.low == "и" and k + 1 < limit and not tokens[k + 1].cap and self._genitive_noun(tokens[k + 1]) and (
            tokens[k + 1].low not in data.role_words and self._genitive_noun(tokens[k - 1])
        ):
            return k + 2
        first = k - 1
        while first > 0 and tokens[first].word and not tokens[first].cap and (
            tokens[first].low not in data.function_words
        ):
            first -= 1
        if token.low in ("на", "в") and k + 2 < limit and not tokens[k + 1].cap and tokens[k + 2].cap and (
            tokens[k + 1].key in data.place_words or tokens[k + 1].key in data.place_nouns
        ) and tokens[first].word and tokens[first].cap:  # a proper name, not "центр на архипелаге …"
            m = k + 2
            while m < limit and tokens[m].cap and tokens[m].start - tokens[m - 1].end <= 1:
                m += 1
            return m
        return 0

    def _plain_word(self, token: Token) -> bool:
        low = token.low
        return len(low) >= 3 and low not in self.data.function_words and not entity_inflection.looks_like_verb(low)

    def _genitive_noun(self, token: Token) -> bool:
        """A Russian lower-case noun that can complement a name ("порта", "исследований", "дел")."""
        low = token.low
        if low in self.data.function_words or entity_inflection.looks_like_verb(low) or len(low) < 3:
            return False
        return low.endswith(("а", "я", "ов", "ев", "ий", "ей", "ы", "и", "ей", "ств", "ан", "ел", "ел"))

    def place_cue_before(self, i: int) -> bool:
        """"la ville d’Ouralsk", "the port of Olya", "la rivière Kouchoum", "в порту Актау"."""
        tokens, data = self.tokens, self.data
        k = i - 1
        if k >= 0 and not tokens[k].cap and any(tokens[k].key == p[-1] for p in data.particles):
            k -= 1
            if k >= 0 and not tokens[k].cap and any(tokens[k].key == p[0] for p in data.particles):
                k -= 1  # "de la", "of the"
        if k >= 0 and tokens[k].word and not tokens[k].cap and tokens[k].key in data.place_nouns:
            return True
        # One adjective between: "poste hydrologique de Kouchoum".
        k -= 1
        return (
            k >= 0 and k < i - 2 and tokens[k].word and not tokens[k].cap and tokens[k].key in data.place_nouns
            and self.is_tail_adjective(tokens[k + 1])
        )

    def place_cue_after(self, j: int) -> bool:
        """"Kostanay region", "the Kushum gauging station", "the Ural river"."""
        tokens, data = self.tokens, self.data
        if data.russian:
            return False  # Russian puts the kind of place first ("посёлок Игарка") or makes the name an
            # adjective ("Красноярский край", handled with organisations); "Новости региона" is a genitive
        for k in (j, j + 1):
            if k >= len(tokens) or not tokens[k].word or tokens[k].cap:
                return False
            if tokens[k].key in data.place_nouns:
                return True
            if tokens[k].low in data.function_words:
                return False
        return False

    def org_apposition_after(self, j: int) -> bool:
        """"Calyxis Santé, a French company that …", "Habitat Phocéen, the city’s public-housing landlord":
        a comma, then within a few words a noun that only an organisation is."""
        tokens, data = self.tokens, self.data
        k = j + 1
        if k >= len(tokens) or tokens[j].text != "," or not data.org_apposition:
            return False
        if tokens[k].low in data.determiners or tokens[k].low in data.indefinite_articles:
            k += 1
        elif data.determiners and not data.russian:
            return False  # "X, a indiqué …", "X, der bei …": no noun phrase follows
        for m in range(k, min(len(tokens), k + 4)):
            token = tokens[m]
            if not token.word:
                if token.text in "’'-":
                    continue  # "the city’s landlord"
                return False
            if token.key in data.org_apposition:
                return True
            if token.low in data.function_words or (token.low in data.stopwords and len(token.low) > 1):
                return False  # "X, по данным газеты", "X, der bei den CCOO": not an apposition
            if token.cap and not data.demonym(token.text):
                return False  # another name
        return False

    def org_cue_before(self, i: int) -> bool:
        """An organisation noun in apposition: "the news agency Kaspiy-Inform", "газета Известия"."""
        tokens = self.tokens
        k = i - 1
        return k >= 0 and tokens[k].word and not tokens[k].cap and self.is_org_word(k) and (
            tokens[k].key not in self.data.place_nouns
        )


@lru_cache(maxsize=65536)
def _compound_role(data: LanguageData, key: str) -> bool:
    """German compounds and inflections of a role: "Wasserministerin", "Präsidenten", "Kremlsprecher"."""
    for ending in ("", "en", "n", "s", "es"):
        if ending and not key.endswith(ending):
            continue
        base = key[: len(key) - len(ending)] if ending else key
        if base in data.role_lasts and (base,) in data.roles:
            return True
        if any(base.endswith(single) for single in data.role_singles):
            return True
        if any(len(base) - len(single) >= 4 and base.endswith(single) for single in data.role_heads):
            return True  # "Konzernchef": a short role closing a compound whose first part is a word
    # "Meereschemikerin", "Geologe": agent nouns of a profession, known by their ending
    return len(key) >= 7 and key.endswith(data.role_endings)


@lru_cache(maxsize=65536)
def _compound_org(data: LanguageData, key: str) -> bool:
    """German compounds take the kind of their last part: "Umweltbundesamt", "Verwaltungsgericht",
    "Küstenwache"; also with a genitive ending ("Umweltbundesamtes")."""
    for ending in ("", "es", "s", "en", "n"):
        if ending and not key.endswith(ending):
            continue
        base = key[: len(key) - len(ending)] if ending else key
        if ending and base in data.org_words and len(base) >= 4:
            return True  # "Instituts", "Rates": the genitive of the word itself
        for size in range(3, min(len(base) - 3, 16) + 1):
            if base[-size:] in data.org_words and (size >= 4 or base[-size:] in _SHORT_HEADS):
                return True
    return False


def compound_org(data: LanguageData, key: str) -> bool:
    return _compound_org(data, key)


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _iso(known: Known) -> str | None:
    return known.code[5:] if known.code.startswith("cldr:") else None
