"""One article prepared for speaker finding: tokens, entity mentions by token, sentences, references back.

A pronoun ("il", "she", "она") or a definite description ("le dirigeant kazakh") refers back to a person:
the subject of a recent sentence that introduced someone new, else the previous speaker, else the last
person named. An unnamed institution ("the ministry", "ведомство") refers back to an organisation named
in the last sentences.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from generator.annotate.quote_lexicon import QuoteLexicon, tokenize
from generator.annotate.quote_marks import Sentence
from generator.annotate.quote_reference import ReferenceRules
from generator.model import EntityMention

# Resolves a description ("le dirigeant kazakh") at a character range to a person's name, or None.
DescriptionResolver = Callable[[str, int, int], str | None]

_SUBJECT_WINDOW = 12  # tokens at the start of a sentence where its subject is looked for
_LOOK_BACK_SENTENCES = 3
_MAX_DESCRIPTION_ADJECTIVES = 2
_REPORTING_WINDOW = 8  # tokens after a sentence's subject where its speech verb may stand


class ArticleContext(ReferenceRules):
    def __init__(
        self,
        text: str,
        lexicon: QuoteLexicon,
        mentions: Sequence[EntityMention],
        sentences: Sequence[Sentence],
        resolve_description: DescriptionResolver | None = None,
    ) -> None:
        self.text = text
        self.lex = lexicon
        self.tokens = tokenize(text, 0, len(text), lexicon.elisions, lexicon.inverted_pronouns)
        self.starts = [t.start for t in self.tokens]
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.resolve_description = resolve_description
        self.mention_at: dict[int, tuple[EntityMention, int]] = {}  # token index -> (mention, index after)
        self.persons: list[EntityMention] = []
        self.organisations: list[EntityMention] = []
        for mention in sorted(mentions, key=lambda m: (m.span.start, -m.span.end)):
            first = bisect.bisect_left(self.starts, mention.span.start)
            after = bisect.bisect_left(self.starts, mention.span.end)
            if first < len(self.tokens) and first < after and first not in self.mention_at:
                self.mention_at[first] = (mention, after)
            if mention.kind == "person":
                self.persons.append(mention)
            elif mention.kind == "organisation":
                self.organisations.append(mention)
        self.person_starts = [m.span.start for m in self.persons]
        self.organisation_starts = [m.span.start for m in self.organisations]
        self._subjects: dict[int, EntityMention | None] = {}
        self._spoken: set[int] = set()  # sentences where a quotation was attributed

    # ---- positions -------------------------------------------------------------------------------------

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def mark_spoken(self, sentence: int) -> None:
        """Once a quotation of `sentence` is attributed, its speaker outranks the subjects before it."""
        self._spoken.add(sentence)

    # ---- references back -------------------------------------------------------------------------------

    def refer_back(
        self, position: int, previous: str | None, description: bool = False, gender: str | None = None
    ) -> str | None:
        """The person a pronoun or description at `position` most likely means.

        A pronoun takes the most salient person of its gender in the sentences just before: the speaker of
        a quotation, the subject of a sentence, else another person a sentence names (unless it opens with a
        pronoun: then it goes on about someone earlier). A description ("le dirigeant kazakh") is how news
        prose varies the name of the person already speaking, so it takes the previous speaker first.
        """
        if description and previous:
            return previous
        # Only a known, different gender rules a person out: most names show none (a known-gender-first
        # search jumps over the nearer person too often).
        found = self._walk_back(position, previous, lambda name: self.compatible(name, gender))
        if found:
            return found
        before = bisect.bisect_left(self.person_starts, position) - 1
        return previous or (self.persons[before].name if before >= 0 else None)

    def _walk_back(self, position: int, previous: str | None, fits: Callable[[str], bool]) -> str | None:
        here = self.sentence_of(position)
        for index in range(here - 1, max(-1, here - 1 - _LOOK_BACK_SENTENCES), -1):
            if index in self._spoken and previous and fits(previous):
                return previous
            subject = self.sentence_subject(index)
            if subject is not None and fits(subject.name):
                return subject.name
            if index not in self._spoken and not self.opens_with_pronoun(index):
                named = [m.name for m in self.persons_in(index) if fits(m.name)]
                if named:
                    return named[-1]
        if previous and fits(previous):
            return previous
        before = bisect.bisect_left(self.person_starts, position) - 1
        return next((self.persons[k].name for k in range(before, -1, -1) if fits(self.persons[k].name)), None)

    def own_subject(self, index: int, position: int, previous: str | None) -> str | None:
        """Who speaks a quotation that has no cue in a sentence opened by a personal pronoun ("She pointed at
        the river: “…”"): the person the pronoun refers to. (A sentence about a named person is not enough:
        "X had visited Astana, « qui … »" quotes the author of the article.)"""
        pronoun = self.subject_pronoun(index, position)
        if pronoun is not None:
            return self.refer_back(position, previous, gender=self.lex.gender.pronouns[self.tokens[pronoun].norm])
        return None

    def introducing_subject(self, index: int, position: int) -> str | None:
        """Who speaks a quotation a colon introduces ("Le préfet, X, s’est voulu rassurant : « … »"): the
        person the sentence is about, whatever its verb."""
        before = self.text[self.sentences[index].start : position].rstrip()
        if not before.endswith(":"):
            return None
        colon = self.token_index(self.sentences[index].start + len(before) - 1)
        named = next((self.mention_at[k] for k in range(colon - 1, max(-1, colon - 3), -1) if k in self.mention_at),
                     None)
        if named is None:  # the name may end just before the colon: find the mention that ends there
            named = next((m for m in self.mention_at.values() if m[1] == colon), None)
        if named is not None and named[0].kind == "person":
            return named[0].name  # "Бенаиссе вторит … Матильда Гарсен: «…»": the name right before the colon
        subject = self.sentence_subject(index)
        return subject.name if subject is not None else None

    def beat_subject(self, index: int, position: int, previous: str | None) -> str | None:
        """Who speaks a quotation with no cue that opens a sentence right after a sentence of the same
        paragraph telling what someone did ("He pointed at the river. “If …”"): that sentence's subject."""
        if index == 0 or index - 1 in self._spoken:
            return None
        before, here = self.sentences[index - 1], self.sentences[index]
        if before.paragraph != here.paragraph or self.token_index(here.start) != self.token_index(position):
            return None
        pronoun = self.subject_pronoun(index - 1, before.end)
        if pronoun is not None:
            gender = self.lex.gender.pronouns[self.tokens[pronoun].norm]
            return self.refer_back(self.tokens[pronoun].start, previous, gender=gender)
        subject = self.sentence_subject(index - 1)
        return subject.name if subject is not None else None

    def subject_pronoun(self, index: int, position: int) -> int | None:
        """A gendered subject pronoun opening sentence `index` or its first clause after a comma ("Standing
        by the river, she …"), before `position`: its token index."""
        toks, genders = self.tokens, self.lex.gender.pronouns
        first = self.token_index(self.sentences[index].start)
        for i in range(first, min(len(toks), first + _SUBJECT_WINDOW)):
            if toks[i].start >= position:
                break
            if toks[i].norm in genders and (i == first or toks[i - 1].norm == ","):
                return i
        return None

    def sentence_subject(self, index: int) -> EntityMention | None:
        """The person named near the start of sentence `index`, when the sentence is about them.

        Not when the sentence opens with a pronoun (it continues an earlier subject), nor a name after a
        preposition ("avec X"), nor one followed by ", il" ("Après avoir vu X, il …").
        """
        if index in self._subjects:
            return self._subjects[index]
        sentence = self.sentences[index]
        toks = self.tokens
        first = self.token_index(sentence.start)
        subject: EntityMention | None = None
        if first < len(toks) and toks[first].norm not in self.lex.pronouns:
            for i in range(first, min(first + _SUBJECT_WINDOW, len(toks))):
                if toks[i].start >= sentence.end:
                    break
                hit = self.mention_at.get(i)
                if hit is None or hit[0].kind != "person":
                    continue
                particle = i - 1 == first and toks[first].norm in self.lex.name_particles  # "Von Berg hält"
                if i > first and toks[i - 1].norm in self.lex.objects and not particle:
                    continue
                after = hit[1]
                opening = i - first <= 1  # "Mme X, elle, ne désarme pas": X is the subject all the same
                if (
                    not opening
                    and after + 1 < len(toks)
                    and toks[after].norm == ","
                    and toks[after + 1].norm in self.lex.pronouns
                ):
                    break
                subject = hit[0]
                break
        self._subjects[index] = subject
        return subject

    def reported_speaker(self, index: int) -> str | None:
        """The subject of sentence `index` when it reports speech without quoting ("Tokajew betonte, …",
        "Ирина Саблина подтвердила, что …"): that person is now the one speaking."""
        subject = self.sentence_subject(index)
        if subject is None:
            return None
        first = self.token_index(subject.span.end)
        end = self.token_index(self.sentences[index].end)
        for i in range(first, min(end, first + _REPORTING_WINDOW)):
            if i in self.mention_at:
                return None
            if self.lex.verbs.match(self.tokens, i):
                return subject.name
        return None

    def describe(self, first: int, after: int, definite: bool, position: int, previous: str | None) -> str | None:
        """The person a description (tokens first..after) refers to: the entity resolver's answer, else
        the person referred back to. An indefinite description ("un diplomate") names nobody."""
        if not definite:
            return None
        start, end = self.tokens[first].start, self.tokens[after - 1].end
        head = next((k for k in range(first, after) if self.tokens[k].norm not in self.lex.determiners), first)
        titled = self.title_anaphor(head, after)
        if titled:
            return titled  # "die Kommissarin": the person introduced with that role
        if self.resolve_description is not None:
            name = self.resolve_description(self.text[start:end], start, end)
            if name:
                return name
        return self.refer_back(position, previous, description=True)

    def resolved_description(self, first: int, after: int) -> str | None:
        """Only the entity resolver's answer for a description (no guess)."""
        if self.resolve_description is None:
            return None
        start, end = self.tokens[first].start, self.tokens[after - 1].end
        return self.resolve_description(self.text[start:end], start, end) or None

    def description_end(self, after: int, limit: int) -> int:
        """Extend a description over the lower-case adjectives after its noun ("le dirigeant kazakh")."""
        lex = self.lex
        count = 0
        while after < limit and count < _MAX_DESCRIPTION_ADJECTIVES:
            tok = self.tokens[after]
            word = self.text[tok.start : tok.end]
            if not word.isalpha() or not word.islower() or after in self.mention_at:
                break
            if (
                tok.norm in lex.determiners
                or tok.norm in lex.objects
                or tok.norm in lex.pronouns
                or lex.subject_stops.match(self.tokens, after)
                or lex.clause_stops.match(self.tokens, after)
                or lex.verbs.match(self.tokens, after)
                or lex.auxiliaries.match(self.tokens, after)
            ):
                break
            after += 1
            count += 1
        return after

    def source_end(self, after: int, limit: int) -> int:
        """The end of an institution's name: its adjectives and a named complement ("des Transports")."""
        return self.name_complement(self.description_end(after, limit), limit)

    def source_name(self, first: int, noun_end: int, end: int, position: int) -> str:
        """An institution without a name mention. With a complement ("le ministère russe des Transports")
        the words are its name; bare ("the ministry", "ведомства") it is the organisation named in the
        last sentences, if any."""
        toks = self.tokens
        if end == noun_end:
            here = self.sentence_of(position)
            floor = self.sentences[max(0, here - 2)].start if self.sentences else 0
            before = bisect.bisect_left(self.organisation_starts, toks[first].start) - 1
            if before >= 0 and self.organisations[before].span.start >= floor:
                return self.organisations[before].name
        raw = self.text[toks[first].start : toks[end - 1].end]
        if toks[first].norm in self.lex.determiners and raw[:1].isupper():
            raw = raw[:1].lower() + raw[1:]
        return raw

    def name_complement(self, after: int, limit: int) -> int:
        """Extend over "des Affaires étrangères", "of Foreign Affairs": linking words, then capitals."""
        toks = self.tokens
        k = after
        while k < limit and k - after < 2 and toks[k].norm in self.lex.name_particles:
            k += 1
        if k == after or k >= limit or not self._capitalised(k):
            return after
        end = k + 1
        while end < limit and end - k < 4 and self._capitalised(end) and not self.lex.verbs.match(toks, end):
            end += 1
        if end < limit and self._adjective(end) and self.text[toks[end].start : toks[end].end].islower():
            end += 1  # "Affaires étrangères"
        return end

    def _capitalised(self, i: int) -> bool:
        tok = self.tokens[i]
        return self.text[tok.start : tok.end][:1].isupper()

    def np_start(self, i: int, floor: int) -> int:
        """The start of the noun phrase whose noun is at token i: its determiner and the adjectives between
        ("der kasachische Präsident", "the Kazakh leader"); in a language without articles, the adjectives."""
        toks, lex = self.tokens, self.lex
        j = i
        while j - 1 >= floor and i - j < 2 and self._adjective(j - 1):
            j -= 1
        if j - 1 >= floor and toks[j - 1].norm in lex.determiners:
            return j - 1
        if not lex.determiners:
            return j
        k = i
        while k - 1 >= floor and k > i - 3 and toks[k - 1].norm in lex.determiners:
            k -= 1
        return k

    def _adjective(self, i: int) -> bool:
        tok = self.tokens[i]
        word = self.text[tok.start : tok.end]
        lex = self.lex
        return (
            word.isalpha()
            and i not in self.mention_at
            and tok.norm not in lex.determiners
            and tok.norm not in lex.objects
            and tok.norm not in lex.pronouns
            and not lex.verbs.match(self.tokens, i)
            and not lex.auxiliaries.match(self.tokens, i)
            and not lex.subject_stops.match(self.tokens, i)
            and not lex.clause_stops.match(self.tokens, i)
        )
