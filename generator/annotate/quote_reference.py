"""What a pronoun or a bare noun phrase refers back to, for speaker finding.

- Gender: a person's gender shows around their name in most languages (Mme, Frau, Mrs; "la maire X";
  German role nouns in -in; Russian surnames in -ова and verbs in -ла), and a gendered pronoun ("elle",
  "sie", "she", "она") takes the most salient earlier person of that gender.
- Salience, in the sentences before the pronoun: the speaker of a quotation, else the subject of a sentence,
  else another person it names (not one after a pronoun subject, which continues an earlier referent).
- Titles: "die Kommissarin" refers to the person introduced as "EU-Umweltkommissarin X", "the mayor" to
  "the town's mayor, X" (the role words said next to a name, compounds included).
- Institutions: "the centre" refers to the organisation last named with that word ("… Coordination Centre").
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from generator.annotate.quote_lexicon import QuoteLexicon, Token, norm
from generator.annotate.quote_marks import Sentence
from generator.model import EntityMention

_TITLE_WORDS = 4  # role words collected before a name ("capitaine du chalutier X")
_MIN_TITLE = 4  # shorter words are not matched as role words
_ORG_SENTENCES = 6  # an institution named further back than this is not referred to by a bare noun
_PUNCT_SKIP = frozenset(",")


class ReferenceRules:
    """Mixed into ArticleContext, which provides the attributes below."""

    text: str
    lex: QuoteLexicon
    tokens: list[Token]
    mention_at: dict[int, tuple[EntityMention, int]]
    sentences: Sequence[Sentence]
    sentence_starts: list[int]
    starts: list[int]
    _genders: dict[str, str | None] | None = None
    _titles: list[tuple[int, str, frozenset[str]]] | None = None  # (token index, person, role words)

    # ---- gender ----------------------------------------------------------------------------------------

    def gender_of(self, name: str) -> str | None:
        """'f', 'm' or None for a person, from the clues next to every mention of them."""
        if self._genders is None:
            self._genders = self._collect_genders()
        return self._genders.get(name)

    def compatible(self, name: str | None, gender: str | None) -> bool:
        if name is None:
            return False
        if gender is None:
            return True
        known = self.gender_of(name)
        return known is None or known == gender

    def cue_gender(self, start: int, end: int) -> str | None:
        """The gender a cue marks: its pronoun ("a-t-elle", "sagte sie") or, in Russian, its verb."""
        g = self.lex.gender
        if not g.pronouns:
            return None
        for i in range(self._index(start), self._index(end)):
            tok = self.tokens[i]
            if tok.norm in g.pronouns:
                return g.pronouns[tok.norm]
        for i in range(self._index(start), self._index(end)):
            if self.lex.verbs.match(self.tokens, i):
                found = _ending(self.tokens[i].norm, g.verb_endings)
                if found:
                    return found
        return None

    def _collect_genders(self) -> dict[str, str | None]:
        votes: dict[str, list[str]] = {}
        g = self.lex.gender
        toks = self.tokens
        for i, (mention, after) in self.mention_at.items():
            if mention.kind != "person":
                continue
            found: list[str] = []
            for word in mention.name.split():
                clue = _ending(norm(word), g.name_endings)
                if clue:
                    found.append(clue)
            first = mention.name.split(" ", 1)[0].partition("-")[0]
            if first in g.first_names and " " in mention.name:
                found.append(g.first_names[first])  # "Anne-Catherine Dethier", "Jean-Luc Vandermeulen"
            k = i - 1
            while k >= 0 and toks[k].norm == "." and i - k < 2:
                k -= 1
            if k >= 0 and toks[k].norm in g.titles:
                found.append(g.titles[toks[k].norm])
            found.extend(self._role_gender(i))
            for j in (after, after + 1, i - 1):  # "Иванова сказала", "сказала Иванова"
                if 0 <= j < len(toks) and g.verb_endings and self.lex.verbs.match(toks, j):
                    clue = _ending(toks[j].norm, g.verb_endings)
                    if clue:
                        found.append(clue)
            votes.setdefault(mention.name, []).extend(found)
        out: dict[str, str | None] = {}
        for name, found in votes.items():
            f, m = found.count("f"), found.count("m")
            out[name] = "f" if f > m else "m" if m > f else None
        return out

    def _role_gender(self, i: int) -> list[str]:
        """Gender shown by the role noun before a name and its determiner ("la maire, X", "Ministerin X")."""
        g = self.lex.gender
        toks = self.tokens
        k = i - 1
        if k >= 0 and toks[k].norm == ",":
            k -= 1
        if k < 0 or k in self.mention_at or not self._is_word(k) or toks[k].norm in g.titles:
            return []
        out: list[str] = []
        for d in (k - 1, k - 2):  # "la glaciologue X", "la jeune glaciologue X"
            if d >= 0 and toks[d].norm in g.determiners:
                if d >= 1 and (toks[d - 1].norm in self.lex.objects or toks[d - 1].norm in self.lex.prepositions):
                    return []  # "le gouverneur de la région, X": the noun is a complement, not X's role
                out.append(g.determiners[toks[d].norm])
                break
        clue = _ending(toks[k].norm, g.noun_endings, margin=2)
        if clue:
            out.append(clue)
        return out

    # ---- salience --------------------------------------------------------------------------------------

    def persons_in(self, index: int, before: int | None = None) -> list[EntityMention]:
        """Person mentions of sentence `index` (up to character `before`), in order, without possessors."""
        sentence = self.sentences[index]
        end = sentence.end if before is None else min(before, sentence.end)
        out = []
        for i in range(self._index(sentence.start), self._index(end)):
            hit = self.mention_at.get(i)
            if hit is not None and hit[0].kind == "person":
                stop = hit[0].span.end
                if self.text[stop : stop + 2] not in ("’s", "'s"):
                    out.append(hit[0])
        return out

    def opens_with_pronoun(self, index: int) -> bool:
        first = self._index(self.sentences[index].start)
        return first < len(self.tokens) and self.tokens[first].norm in self.lex.pronouns

    # ---- role words and institutions -------------------------------------------------------------------

    def title_anaphor(self, i: int, end: int | None = None) -> str | None:
        """The person a definite role noun at token i (with its adjectives up to `end`) refers to ("die
        Kommissarin" -> the person introduced as "EU-Umweltkommissarin X"), or None. Every word must be one
        said of that person: "le dirigeant kazakh" is not "le dirigeant russe X"."""
        if not self._definite_noun(i):
            return None
        words = [t.norm for t in self.tokens[i : max(i + 1, end or 0)] if t.norm not in self.lex.determiners]
        if self._titles is None:
            self._titles = self._collect_titles()
        best = None
        for index, name, titles in self._titles:
            if index >= i:
                break
            if all(any(self._same_role(t, word) for t in titles) for word in words):
                best = name
        return best

    def org_anaphor(self, i: int, position: int) -> str | None:
        """The organisation a definite bare noun at token i refers to ("the centre" -> "Joint Rescue
        Coordination Centre", "die Initiative" -> "Bürgerinitiative …"), named in the last sentences."""
        if not self._definite_noun(i):
            return None
        word = self.tokens[i].norm
        here = bisect.bisect_right(self.sentence_starts, position) - 1
        floor = self.sentences[max(0, here - _ORG_SENTENCES)].start if self.sentences else 0
        for k in range(i - 1, -1, -1):
            if self.tokens[k].start < floor:
                break
            hit = self.mention_at.get(k)
            if hit is None or hit[0].kind != "organisation":
                continue
            words = {w for part in hit[0].surface.split() for w in norm(part).split("-")}
            if any(self._same_role(w, word) for w in words if len(w) >= _MIN_TITLE):
                return hit[0].name
        return None

    def _collect_titles(self) -> list[tuple[int, str, frozenset[str]]]:
        toks, lex = self.tokens, self.lex
        covered = {k: m for i, (m, after) in self.mention_at.items() for k in range(i, after)}
        out = []
        for i in sorted(self.mention_at):
            mention, after = self.mention_at[i]
            if mention.kind != "person":
                continue
            words: set[str] = set()
            k, skipped, complement = i - 1, 0, False
            while k >= 0 and i - k <= _TITLE_WORDS + skipped:
                tok = toks[k]
                if tok.norm in _PUNCT_SKIP and skipped == 0 and i - k == 1:
                    skipped, k = 1, k - 1  # "the mayor, X"
                    continue
                inside = covered.get(k)  # "EU-Kommissarin": a name inside the role word is fine
                if inside is not None and inside.kind != "person" and not complement and inside.span.end == tok.end:
                    # "губернатор Красноярского края Виктор Зарецкий": the role's complement, then the name
                    first = self._index(inside.span.start)
                    complement, skipped, k = True, skipped + (k - first + 1), first - 1
                    continue
                if (inside is not None and inside.span.end >= tok.end) or not self._is_word(k):
                    break
                if tok.norm in lex.objects or tok.norm in lex.prepositions or lex.verbs.match(toks, k):
                    if k + 2 < i and not lex.verbs.match(toks, k):
                        # "у губернатора пенсионерка Галина": the preposition's object is another noun phrase
                        # than the title next to the name ("mit EU-Kommissarin X" keeps it)
                        words.discard(toks[k + 1].norm)
                    break
                if tok.norm not in lex.determiners and tok.norm not in lex.name_particles:
                    words.add(tok.norm)
                k -= 1
            # "X, the governor of Y": the noun after the comma and a determiner.
            noun = after + 2
            if noun < len(toks) and toks[after].norm == "," and toks[after + 1].norm in lex.determiners:
                words.update([toks[noun].norm] if self._is_word(noun) and noun not in self.mention_at else [])
            words = {w for w in words if len(w) >= _MIN_TITLE and w not in lex.pronouns}
            if words:
                out.append((i, mention.name, frozenset(words)))
        return out

    def _definite_noun(self, i: int) -> bool:
        """A common noun used as a definite description: after a definite determiner, or (in a language
        without articles) a lower-case word opening its clause."""
        toks, lex = self.tokens, self.lex
        if i >= len(toks) or i in self.mention_at or not self._is_word(i) or len(toks[i].norm) < _MIN_TITLE:
            return False
        word = toks[i].norm
        if word in lex.pronouns or word in lex.determiners or lex.verbs.match(toks, i):
            return False
        if lex.determiners:
            return i > 0 and toks[i - 1].norm in lex.determiners and toks[i - 1].norm not in lex.indefinite
        return True

    def _same_role(self, title: str, word: str) -> bool:
        """The same role word: equal, the tail of a compound ("umweltkommissarin" / "kommissarin"), or in a
        language without articles the same stem with another case ending ("гляциолога" / "гляциолог")."""
        if title == word or (len(word) >= _MIN_TITLE + 1 and title.endswith(word)):
            return True
        if self.lex.determiners:
            return False
        stem = max(_MIN_TITLE, min(len(title), len(word)) - 2)
        return len(title) >= stem and title[:stem] == word[:stem]

    def _is_word(self, i: int) -> bool:
        tok = self.tokens[i]
        return self.text[tok.start : tok.start + 1].isalpha()

    def _index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)


def _ending(word: str, endings: Mapping[str, str], margin: int = 1) -> str | None:
    """The gender of the longest ending of `endings` that `word` has, keeping `margin` letters of stem."""
    best = ""
    for ending in endings:
        if len(ending) > len(best) and len(word) >= len(ending) + margin and word.endswith(ending):
            best = ending
    return endings[best] if best else None
