"""Organisation names that start in lower case, as a mixin of the recogniser (`entity_bodies` calls them):

- French bodies named all in lower case after a definite article, by their shape: an institution noun with
  its adjective and field ("l’agence régionale de santé"), a body named after its members ("le syndicat
  des marins"), a kind of place that is a work place ("la station de recherche de Roscoff");
- English "the port authority of Tromsø": nouns before a body noun and "of" with a name;
- Russian "правительство Красноярского края": a body noun before a region in the genitive;
- German "die norwegische Küstenwache": a nationality adjective before a compound body noun names that
  country's body (as English writes "the Norwegian Coast Guard"); before a plain noun ("die russische
  Regierung", "the Russian government") it is a description, not a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.annotate import entity_cues, entity_german, entity_inflection
from generator.annotate.entity_resources import LanguageData
from generator.annotate.entity_tokens import Token

if TYPE_CHECKING:
    from generator.annotate.entity_rules import Candidate


class Lowercase:
    """Needs the recogniser's tokens, data and cue helpers (entity_cues) and its `_emit_name`."""

    tokens: list[Token]
    data: LanguageData
    out: list[Candidate]

    def _russian_region_after(self, k: int, taken: dict[int, int]) -> int:
        """"правительство Красноярского края", "администрации Мурманской области": after a lower-case body
        noun, a region named by capitalised adjectives and its kind of place in the genitive; returns the
        end of the body's name, or 0."""
        tokens, start = self.tokens, k
        while k < len(tokens) and tokens[k].cap and k not in taken and entity_inflection.is_adjective(tokens[k].text):
            k += 1
        if k == start or k >= len(tokens) or tokens[k].cap or not tokens[k].word:
            return 0
        if tokens[k].key not in self.data.place_nouns or tokens[k].low in self.data.name_nouns:
            return 0  # a kind of place in the genitive ("края", "области"), not "край" in the nominative
        return k + 1

    def _english_body(self, i: int) -> int:
        """"the port authority of Tromsø", "the health ministry of Norway": a lower-case body noun, the nouns
        before it and "of" with a capitalised name. Without a noun before it, the name after "of" must be
        more than a known place ("the government of Norway" is no name). Emits; returns the end, or 0."""
        tokens, data, n = self.tokens, self.data, len(self.tokens)
        k = i + 1
        if k + 1 >= n or tokens[k].key not in {p[0] for p in data.of_words} or not tokens[k + 1].cap:
            return 0
        end = k + 1
        while end < n and tokens[end].cap and tokens[end].start - tokens[end - 1].end <= 1:
            end += 1
        start = i
        while start - 1 > 0 and start > i - 2 and tokens[start - 1].word and not tokens[start - 1].cap and (
            tokens[start - 1].low not in data.function_words and tokens[start - 1].key not in data.determiners
            and not data.demonym(tokens[start - 1].text) and len(tokens[start - 1].low) > 2
        ):
            start -= 1
        if start == 0 or tokens[start - 1].key not in data.determiners:
            return 0
        if start == i and self._only_known_place(k + 1, end):
            return 0
        if any(self.is_org_word(m) and tokens[m].upper for m in range(k + 1, end)):
            return 0  # "the board of JSC Sibneft": a body named in full after a common noun
        if end - k > 2 and self.known_at(k + 1, end) is None and not any(
            self.is_org_word(m) or self.is_place_word(m) for m in range(k + 1, end)
        ):
            return 0  # "the company of Jean Dupont": a person's name, not the place of a body
        self._emit_name(start, end, "organisation", "org-word")
        return end

    def _body_phrase(self, i: int) -> int:
        """End of a phrase such as "station de recherche" starting at token i, or 0."""
        tokens = self.tokens
        for phrase in self.data.body_phrases:
            end = i + len(phrase)
            if end <= len(tokens) and all(tokens[i + m].key == phrase[m] for m in range(len(phrase))):
                return end
        return 0

    def _lowercase_body(self, i: int) -> int:
        """Names written all in lower case after a definite article: an institution with its adjective and
        its field ("l’agence régionale de santé"), a body named after its members ("le syndicat des marins").
        A generic phrase has no such shape ("une agence de voyage", "le syndicat a appelé"). Returns the
        end of the name, or 0."""
        tokens, data, n = self.tokens, self.data, len(self.tokens)
        if i == 0 or tokens[i - 1].low not in ("le", "la", "l’", "l'") or i + 2 >= n:
            return 0

        def plain(k: int) -> bool:
            t = tokens[k]
            return t.word and not t.cap and t.low not in data.function_words and len(t.low) > 3 and not (
                t.low in data.months or t.low in data.weekdays or t.low[:1].isdigit()
            )

        k = i + 1
        if tokens[i].key in data.member_bodies and tokens[k].low == "des" and plain(k + 1) and (
            tokens[k + 1].low.endswith(("s", "x"))
        ):
            return k + 2
        adjectives = k
        while k < n and self.is_tail_adjective(tokens[k]) and not data.demonym(tokens[k].text):
            k += 1
        if k == adjectives or k + 1 >= n or tokens[k].low not in ("de", "d’", "d'") or not plain(k + 1):
            return 0
        return k + 2

    def _national_body(self, i: int, taken: dict[int, int]) -> bool:
        """"die norwegische Küstenwache", "der russischen Zentralbank": emits the body; the compound must
        stand alone (no name in apposition after it: "der norwegische Ölkonzern Equinor")."""
        tokens, data = self.tokens, self.data
        adjective, noun = tokens[i], tokens[i + 1]
        if i + 1 in taken or not data.demonym(adjective.text) or not entity_cues.compound_org(data, noun.key):
            return False
        if any(noun.key[: len(noun.key) - len(e)] in data.org_words for e in ("n", "en", "s", "es")):
            return False  # "Regierung", "Behörden" are no compounds: "die russische Regierung" is a description
        if noun.upper or "-" in noun.text:
            return False
        if i + 2 < len(tokens) and tokens[i + 2].cap and not tokens[i + 2].sent:
            return False
        inflected = entity_german.adjective_nominative(adjective.text[:1].upper() + adjective.text[1:], noun.text)
        head = entity_german.head_nominative(noun.text, self._german_body)
        name = inflected[:1].lower() + inflected[1:] + " " + head
        self._emit(i, i + 2, "organisation", (name,), "org-word")
        return True
